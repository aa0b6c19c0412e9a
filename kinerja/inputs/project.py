"""``kinerja init``: a new, ready project folder for a pemda, made from the template shipped in the
package.

The template is the repository's own project: ``_quarto.yml``, ``notebooks/*.ipynb``, ``situs/*``,
``params/*.yml`` and the synthetic sample ``data/contoh/*`` (:data:`TEMPLATE_PATTERNS`). The package
carries a copy of them under ``kinerja/templates/proyek/``; ``python scripts/sync_template.py``
refreshes it and ``tests/test_init.py`` checks that the copy equals the repository's files. Two
files exist only for new projects: the analysts' ``README.md`` and the ``.gitignore``
(``kinerja/templates/proyek-baru/``).

A new project gets the notebooks, pages and ``_quarto.yml`` as they are, and either

* the synthetic sample (``contoh=True``): ``data/contoh/`` and the sample's ``params/<tahun>.yml``
  with the pemda's name, so that ``kinerja build`` works at once; or
* an empty workbook ``data/kinerja-<tahun>.xlsx`` (:func:`kinerja.inputs.workbook.write_template`)
  and ``params/<tahun>.yml`` made from the template's newest params file (year, name, data, and
  ``sintetis: false`` changed, every other setting and comment kept).

The folder is built in a temporary folder beside it and moved into place whole (into an existing
empty folder: its top-level entries); a folder that
exists and is not empty is refused (:func:`kinerja.support.safety.check_new_project`).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from kinerja.inputs.params import ParamsError, parse_params
from kinerja.inputs.workbook import write_template
from kinerja.support import pesan, safety

#: The repository's files that are the project template, relative to its top (glob patterns).
TEMPLATE_PATTERNS = ("_quarto.yml", "notebooks/*.ipynb", "situs/*", "params/*.yml", "data/contoh/*")
#: Where the package keeps its copy of them, and the files only new projects get.
TEMPLATE_FOLDER = ("templates", "proyek")
NEW_PROJECT_FOLDER = ("templates", "proyek-baru")
SAMPLE_DATA = "data/contoh"
STAGING_PREFIX = ".kinerja-init-"


class ProjectError(ValueError):
    """A project that cannot be made or changed as asked; the message (Bahasa Indonesia) says why.
    Nothing has been written."""


@dataclass(frozen=True)
class NewProject:
    """What :func:`create_project` made: the folder and its files (relative, sorted)."""

    folder: Path
    files: tuple[str, ...]
    tahun: tuple[int, ...]


def template_files(root: str | Path) -> list[str]:
    """The template's files under ``root`` (the repository's top, or the packaged copy), relative,
    sorted (:data:`TEMPLATE_PATTERNS`)."""
    root = Path(root)
    found = set()
    for pattern in TEMPLATE_PATTERNS:
        found.update(path.relative_to(root).as_posix() for path in root.glob(pattern) if path.is_file())
    return sorted(found)


def packaged_template() -> Path:
    """The folder of the packaged copy of the template (a real folder: the package is installed
    as files, from a wheel or in editable mode)."""
    return Path(str(resources.files("kinerja").joinpath(*TEMPLATE_FOLDER)))


def new_project_file(name: str) -> str:
    """The text of a file only new projects get (``README.md``, ``gitignore``)."""
    return resources.files("kinerja").joinpath(*NEW_PROJECT_FOLDER, name).read_text(encoding="utf-8")


def params_years(folder: str | Path) -> list[int]:
    """The fiscal years that have a ``params/<tahun>.yml`` in ``folder``, oldest first."""
    return sorted(int(path.stem) for path in Path(folder, "params").glob("*.yml") if re.fullmatch(r"\d{4}", path.stem))


def create_project(folder: str | Path, pemda: str, contoh: bool = False, tahun: int | None = None,
                   template: str | Path | None = None) -> NewProject:
    """Make a new project in ``folder`` (see the module docstring) for the pemda named ``pemda``.

    ``tahun`` is the fiscal year of the empty workbook (ignored with ``contoh``). Raises
    :class:`kinerja.support.safety.OutputFolderError` for a folder that exists and is not empty,
    :class:`ProjectError` for a template that cannot be used."""
    folder = Path(folder)
    pemda = pemda.strip()
    if not pemda:
        raise ProjectError(pesan.INIT_PEMDA_KOSONG)
    safety.check_new_project(folder)
    source = Path(template) if template is not None else packaged_template()
    files = template_files(source)
    if not files:
        raise ProjectError(pesan.INIT_TEMPLAT_HILANG.format(folder=source))
    work = safety.staging_folder(folder.absolute().parent, STAGING_PREFIX)
    try:
        years = _fill(work, source, files, pemda, contoh, tahun)
        safety.check_new_project(folder)  # still free?
        if folder.is_dir():  # empty (checked), perhaps the working folder: the files move in
            for entry in sorted(work.iterdir()):
                os.rename(entry, folder / entry.name)
        else:
            os.rename(work, folder)
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
    written = sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())
    return NewProject(folder, tuple(written), tuple(years))


def _fill(work: Path, source: Path, files: list[str], pemda: str, contoh: bool, tahun: int | None) -> list[int]:
    """Write the new project's files into ``work``; the fiscal years with params."""
    sample_params = sorted(name for name in files if name.startswith("params/"))
    for name in files:
        if name.startswith("params/") or (name.startswith(SAMPLE_DATA + "/") and not contoh):
            continue
        target = work / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / name, target)
    if not sample_params:
        raise ProjectError(pesan.INIT_TEMPLAT_HILANG.format(folder=source / "params"))
    (work / "params").mkdir()
    if contoh:
        years = []
        for name in sample_params:
            text = (source / name).read_text(encoding="utf-8")
            (work / name).write_text(edit_params_text(text, name, pemda=pemda), encoding="utf-8")
            years.append(int(Path(name).stem)) if re.fullmatch(r"\d{4}", Path(name).stem) else None
    else:
        newest = max(sample_params, key=lambda name: Path(name).stem)
        workbook = f"data/kinerja-{tahun}.xlsx"
        text = edit_params_text((source / newest).read_text(encoding="utf-8"), newest, tahun=tahun, pemda=pemda,
                                data=[workbook], sintetis=False)
        (work / "params" / f"{tahun}.yml").write_text(text, encoding="utf-8")
        write_template(work / workbook, tahun)
        years = [tahun]
    for folder in ("notebooks", "situs", "data"):
        (work / folder).mkdir(exist_ok=True)
    newest = max(years)
    workbook = f"{SAMPLE_DATA}/kinerja-{newest}.xlsx" if contoh else f"data/kinerja-{newest}.xlsx"
    fill = {"pemda": pemda, "tahun": str(newest), "tahun_berikut": str(newest + 1), "buku_kerja": workbook}
    readme = new_project_file("README.md")
    for key, value in fill.items():
        readme = readme.replace("{{" + key + "}}", value)
    (work / "README.md").write_text(readme, encoding="utf-8")
    (work / ".gitignore").write_text(new_project_file("gitignore"), encoding="utf-8")
    return years


# --- params text, edited line by line so that comments and layout stay --------------------------


def edit_params_text(text: str, source: str, *, tahun: int | None = None, pemda: str | None = None,
                     data: list[str] | None = None, sintetis: bool | None = None) -> str:
    """A params file's text with some top-level settings changed and everything else (other keys,
    comments, order, blank lines) kept: ``tahun``, ``pemda.nama``, the ``data`` list and ``sintetis``.
    With ``tahun``, a whole-line comment naming the old year as "tahun 2024" or "tahun anggaran 2024"
    names the new one.

    The result is read back and checked (:func:`kinerja.inputs.params.parse_params`): a layout this
    function does not know (a flow-style mapping, a key written twice) raises :class:`ProjectError`
    instead of writing a file that says something else."""
    lines = text.splitlines(keepends=True)
    if tahun is not None:
        before = (yaml.safe_load(text) or {}).get("tahun") if text.strip() else None
        if isinstance(before, int) and not isinstance(before, bool):  # "# Parameter tahun anggaran 2024"
            year = re.compile(rf"\b(tahun(?:\s+anggaran)?\s+){before}\b", re.IGNORECASE)
            lines = [year.sub(rf"\g<1>{tahun}", line) if line.lstrip().startswith("#") else line for line in lines]
        lines = _set_scalar(lines, "tahun", str(tahun), source)
    if sintetis is not None:
        lines = _set_scalar(lines, "sintetis", "true" if sintetis else "false", source)
    if pemda is not None:
        lines = _set_pemda_name(lines, pemda, source)
    if data is not None:
        lines = _set_list(lines, "data", data, source)
    result = "".join(lines)
    try:
        params = parse_params(yaml.safe_load(result) or {}, source)
    except (ParamsError, yaml.YAMLError) as error:
        raise ProjectError(pesan.PARAMS_UBAH_GAGAL.format(berkas=source, rincian=error)) from None
    expected = {"tahun": tahun, "pemda_nama": pemda, "data": None if data is None else tuple(data),
                "sintetis": sintetis}
    for attribute, value in expected.items():
        if value is not None and getattr(params, attribute) != value:
            raise ProjectError(pesan.PARAMS_UBAH_GAGAL.format(berkas=source, rincian=attribute))
    return result


def _yaml_text(value: str) -> str:
    """``value`` as a YAML scalar that reads back as the same text (quoted when it has to be)."""
    plain = yaml.safe_dump(value, allow_unicode=True, default_style=None).strip()
    if plain.endswith("\n..."):
        plain = plain[: -len("\n...")]
    return plain if yaml.safe_load(plain) == value and "\n" not in plain else json.dumps(value, ensure_ascii=False)


def _top_key(line: str, key: str) -> re.Match | None:
    """``key: value  # comment`` at the start of a line: groups ``value`` and ``rest`` (the comment)."""
    return re.match(rf"^{re.escape(key)}:(?P<space>[ \t]*)(?P<value>[^#\n]*?)(?P<rest>[ \t]*(#.*)?\r?\n?)$", line)


def _set_scalar(lines: list[str], key: str, value: str, source: str) -> list[str]:
    for position, line in enumerate(lines):
        match = _top_key(line, key)
        if match:
            rest = match["rest"] if match["rest"].endswith("\n") else match["rest"] + "\n"
            if match["rest"].strip():  # keep the comment in its column when the value fits
                width = len(match["value"]) + len(match["rest"]) - len(match["rest"].lstrip(" \t"))
                rest = " " * max(1, width - len(value)) + match["rest"].lstrip(" \t")
            lines[position] = f"{key}: {value}{rest}"
            return lines
    return [*lines, *([] if not lines or lines[-1].endswith("\n") else ["\n"]), f"{key}: {value}\n"]


def _block(lines: list[str], key: str) -> tuple[int, int] | None:
    """(first, end) line positions of the top-level ``key`` and its indented block."""
    for position, line in enumerate(lines):
        if _top_key(line, key):
            end = position + 1
            while end < len(lines) and (lines[end].startswith((" ", "\t", "-")) or not lines[end].strip()):
                end += 1
            while end - 1 > position and not lines[end - 1].strip():  # trailing blank lines stay outside
                end -= 1
            return position, end
    return None


def _set_pemda_name(lines: list[str], pemda: str, source: str) -> list[str]:
    block = _block(lines, "pemda")
    if block is None:
        return [*lines, *([] if not lines or lines[-1].endswith("\n") else ["\n"]), f"pemda:\n  nama: {_yaml_text(pemda)}\n"]
    first, end = block
    for position in range(first + 1, end):
        match = re.match(r"^(?P<indent>[ \t]+)nama:[ \t]*(?P<value>[^#\n]*?)(?P<rest>[ \t]*(#.*)?\r?\n?)$", lines[position])
        if match:
            rest = match["rest"] if match["rest"].endswith("\n") else match["rest"] + "\n"
            lines[position] = f"{match['indent']}nama: {_yaml_text(pemda)}{rest}"
            return lines
    if _top_key(lines[first], "pemda")["value"].strip():  # a flow mapping: {nama: …}
        raise ProjectError(pesan.PARAMS_UBAH_GAGAL.format(berkas=source, rincian="pemda"))
    return [*lines[: first + 1], f"  nama: {_yaml_text(pemda)}\n", *lines[first + 1:]]


def _set_list(lines: list[str], key: str, items: list[str], source: str) -> list[str]:
    """Replace the items of a top-level block list, keeping comment lines inside it."""
    new_items = [f"  - {_yaml_text(item)}\n" for item in items]
    block = _block(lines, key)
    if block is None:
        return [*lines, *([] if not lines or lines[-1].endswith("\n") else ["\n"]), f"{key}:\n", *new_items]
    first, end = block
    match = _top_key(lines[first], key)
    rest = match["rest"] if match["rest"].endswith("\n") else match["rest"] + "\n"
    kept = [line for line in lines[first + 1:end] if line.strip().startswith("#")]
    return [*lines[:first], f"{key}:{rest}", *kept, *new_items, *lines[end:]]
