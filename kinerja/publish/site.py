"""The site's structure, read from ``_quarto.yml`` (its one source of truth).

:func:`load_config` reads the project's ``_quarto.yml`` and checks what publishing reads of it
against a strict model (:class:`SiteConfig`, pydantic): the ``kinerja:`` section allows no unknown
key, Quarto's own keys pass through to Quarto; :func:`expand` turns it into the plain
Quarto configuration of one publication: the ``kinerja:`` section (read only by ``kinerja
publish``) becomes one navbar menu and the rendered pages of every fiscal year, the footer gets
the pemda, the generation date and the toolkit's version. Both engines work from the expanded
configuration: Quarto renders it, the pandoc engine reads its navbar, titles and render list.
"""

from __future__ import annotations

import copy
import difflib
import glob
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kinerja.support import display, pesan

CONFIG = "_quarto.yml"
SECTION = "kinerja"


class SiteConfigError(ValueError):
    """``_quarto.yml`` lacks what publishing needs; the message says what (Bahasa Indonesia)."""


class NavLink(BaseModel):
    """A navbar entry as Quarto reads it: a link (``href``) with its ``text``, or a ``menu`` of
    entries (each a source path or a link). Other Quarto keys (``icon``, …) pass through."""

    model_config = ConfigDict(extra="allow")

    text: str | None = None
    href: str | None = None
    menu: list[str | NavLink] = []


class Section(BaseModel):
    """The ``kinerja:`` section, read only by ``kinerja publish`` (strict: an unknown key is an error)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    menu_tahun: NavLink = Field(alias="menu-tahun")
    halaman_tahun: list[str] = Field(alias="halaman-tahun", min_length=1)
    #: The year's menu entry of each monitored quarter (``{triwulan}``: II, ``{n}``: 2); optional, for
    #: projects made before quarterly pages existed.
    menu_triwulan: NavLink | None = Field(default=None, alias="menu-triwulan")


class QuartoPart(BaseModel):
    """A part of Quarto's own configuration: the keys kinerja reads are checked, Quarto checks the rest."""

    model_config = ConfigDict(extra="allow")


class Navbar(QuartoPart):
    left: list[str | NavLink]


class Website(QuartoPart):
    navbar: Navbar


class Project(QuartoPart):
    render: list[str]


class SiteConfig(QuartoPart):
    """What publishing reads of ``_quarto.yml``: ``project.render``, ``website.navbar.left`` and the
    ``kinerja:`` section (:class:`Section`)."""

    project: Project
    website: Website
    kinerja: Section


def load_config(root: str | Path = ".") -> dict:
    """The project's ``_quarto.yml`` as a mapping, checked against :class:`SiteConfig`; raises
    :class:`SiteConfigError` naming the file and the key (a missing key, a wrong type, an unknown
    key of the ``kinerja:`` section with the closest known one)."""
    path = Path(root) / CONFIG
    try:
        config = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SiteConfigError(pesan.TERBIT_TANPA_KONFIGURASI.format(berkas=path)) from None
    except yaml.YAMLError as error:
        raise SiteConfigError(pesan.TERBIT_KONFIGURASI_RUSAK.format(berkas=path, rincian=error)) from None
    if not isinstance(config, dict):
        raise SiteConfigError(pesan.TERBIT_KONFIGURASI_RUSAK.format(berkas=path, rincian="bukan pemetaan"))
    try:
        SiteConfig.model_validate(config)
    except ValidationError as error:
        raise SiteConfigError(config_problem(path, error)) from None
    return config


#: How a kind of pydantic error reads (Bahasa Indonesia); other kinds: "nilainya tidak sah".
PROBLEMS = {
    "string_type": pesan.TERBIT_KONFIGURASI_TEKS,
    "list_type": pesan.TERBIT_KONFIGURASI_DAFTAR,
    "too_short": pesan.TERBIT_KONFIGURASI_DAFTAR,
    "model_type": pesan.TERBIT_KONFIGURASI_PEMETAAN,
    "dict_type": pesan.TERBIT_KONFIGURASI_PEMETAAN,
}
#: Names pydantic puts in an error's location for the members of a union (``str | NavLink``).
UNION_MEMBERS = ("str", "NavLink")


def config_problem(path: Path, error: ValidationError) -> str:
    """One message for the errors of :class:`SiteConfig`: an unknown key of the ``kinerja:``
    section (with the closest known key), else the missing keys together, else the first other
    error with its key (``website.navbar.left[2].href``)."""
    missing, others = [], {}
    for item in error.errors():
        loc = [part for part in item["loc"] if part not in UNION_MEMBERS]
        key = "".join(f"[{part + 1}]" if isinstance(part, int) else f".{part}" for part in loc).lstrip(".")
        if item["type"] == "missing":
            missing.append(key)
        elif item["type"] == "extra_forbidden":
            known = [field.alias or name for name, field in Section.model_fields.items()]
            close = difflib.get_close_matches(str(loc[-1]), known, n=1)
            hint = pesan.TERBIT_KONFIGURASI_MAKSUD.format(usul=close[0]) if close else ""
            others.setdefault(key, pesan.TERBIT_KONFIGURASI_TIDAK_DIKENAL.format(dikenal=", ".join(known)) + hint)
        elif key in others and item["loc"][-1] in UNION_MEMBERS:
            others[key] = pesan.TERBIT_KONFIGURASI_TAUTAN  # neither member of the union fits
        else:
            others.setdefault(key, PROBLEMS.get(item["type"], pesan.TERBIT_KONFIGURASI_TIDAK_SAH))
    unknown = [key for key, problem in others.items() if problem.startswith(pesan.TERBIT_KONFIGURASI_TIDAK_DIKENAL[:12])]
    if missing and not unknown:  # a misspelt key explains the missing one: say that first
        return pesan.TERBIT_KONFIGURASI_KURANG.format(berkas=path, kunci=", ".join(missing))
    key = (unknown or list(others))[0]
    problem = others[key]
    return pesan.TERBIT_KONFIGURASI_KUNCI.format(berkas=path, kunci=key, masalah=problem)


def _fill(value: Any, fields: dict[str, Any]) -> Any:
    """``value`` with ``{name}`` replaced in every string (other braces left alone)."""
    if isinstance(value, str):
        for name, text in fields.items():
            value = value.replace("{" + name + "}", str(text))
        return value
    if isinstance(value, list):
        return [_fill(item, fields) for item in value]
    if isinstance(value, dict):
        return {key: _fill(item, fields) for key, item in value.items()}
    return value


def expand(config: dict, years: list[int], source: str | Path, fields: dict[str, str]) -> dict:
    """The staged configuration for ``years`` (newest first in the navbar).

    ``source`` is the staged folder: the per-year page patterns (``{tahun}/opd/*.ipynb``) are
    matched against it, so the render list names exactly the files that exist. ``fields`` fill
    ``{pemda}``, ``{tanggal}`` and ``{versi}`` in the footer.
    """
    staged = copy.deepcopy(config)
    section = staged.pop(SECTION)
    menus = [_fill(section["menu-tahun"], {"tahun": year}) for year in sorted(years, reverse=True)]
    for menu, year in zip(menus, sorted(years, reverse=True)):
        if isinstance(menu, dict) and isinstance(menu.get("menu"), list):
            menu["menu"] += triwulan_menu(section, year, source)
    left = staged["website"]["navbar"]["left"]
    staged["website"]["navbar"]["left"] = left[:1] + menus + left[1:]
    render = list(staged["project"]["render"])
    for year in sorted(years):
        for pattern in section["halaman-tahun"]:
            filled = _fill(pattern, {"tahun": year})
            if any(ch in filled for ch in "*?["):
                render += sorted(str(PurePosixPath(Path(p).relative_to(source))) for p in glob.glob(str(Path(source) / filled)))
            else:
                render.append(filled)
    staged["project"]["render"] = render
    if "page-footer" in staged.get("website", {}):
        staged["website"]["page-footer"] = _fill(staged["website"]["page-footer"], fields)
    return staged


def triwulan_menu(section: dict, year: int, source: str | Path) -> list:
    """The year's menu entries of its quarterly monitoring pages (``kinerja.menu-triwulan``
    filled for each staged ``<tahun>/triwulan-<n>/index.ipynb``, in quarter order); none when the
    section has no ``menu-triwulan`` (a project made before quarterly pages existed)."""
    template = section.get("menu-triwulan")
    if not template:
        return []
    found = sorted(int(m.group(1)) for p in Path(source, str(year)).glob("triwulan-*/index.ipynb")
                   if (m := re.fullmatch(r"triwulan-([1-4])", p.parent.name)))
    return [_fill(template, {"tahun": year, "n": n, "triwulan": display.romawi(n)}) for n in found]


def dump(config: dict) -> str:
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000)


@dataclass(frozen=True)
class NavItem:
    """A navbar entry: a link (``href`` a source path) or a menu of links (``menu``)."""

    text: str
    href: str | None = None
    menu: tuple[NavItem, ...] = ()


def navbar(config: dict) -> list[NavItem]:
    """The navbar of an expanded configuration."""

    def item(entry: Any) -> NavItem:
        if isinstance(entry, str):
            return NavItem(PurePosixPath(entry).stem, entry)
        menu = tuple(item(sub) for sub in entry.get("menu", []))
        return NavItem(str(entry.get("text", entry.get("href", ""))), entry.get("href"), menu)

    return [item(entry) for entry in config["website"]["navbar"]["left"]]


def output_path(source: str) -> str:
    """The site path of a source page: ``2024/opd/1.02.01.ipynb`` → ``2024/opd/1.02.01.html``;
    ``laporan.qmd`` with a PDF format → ``.pdf`` (see :func:`is_report`); other files as they are."""
    path = PurePosixPath(source)
    if path.suffix in (".ipynb", ".qmd", ".md"):
        return str(path.with_suffix(".pdf" if is_report(source) else ".html"))
    return source


def is_report(source: str) -> bool:
    return PurePosixPath(source).name == "laporan.qmd"
