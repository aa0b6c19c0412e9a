"""``kinerja publish``: the executed notebooks as a static website and a PDF report per year.

One publication = :func:`publish`: stage a plain Quarto project from ``_build/`` and the
Markdown pages (:mod:`kinerja.publish.stage`, structure from ``_quarto.yml`` through
:mod:`kinerja.publish.site`), render it with an engine (``quarto``:
:mod:`kinerja.publish.quarto_engine`; ``pandoc``: :mod:`kinerja.publish.pandoc_engine`;
``auto``: Quarto when it is found), check that every page of the render list was written, then
swap the new site in. Everything is built in a temporary folder beside the output folder, and
the output folder is replaced only on success: a failure leaves the previous site untouched.

The output folder must be new, empty, or a site kinerja made (:mod:`kinerja.support.safety`): its marker
``.kinerja`` lists every file of the site, and a site holding any other file is refused (never
deleted). The temporary folder is named ``.kinerja-terbit-<pid>-…``; the next publish into the same
place removes those of processes no longer running (a killed publish).
"""

from __future__ import annotations

import datetime
import os
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from kinerja import __version__

from kinerja.support import atomic, display, pesan, safety
from kinerja.publish import pandoc_engine, quarto_engine, site, stage
from kinerja.publish.site import SiteConfigError
from kinerja.publish.stage import Context, StageError
from kinerja.support.reproducible import build_date

ENGINES = ("auto", "quarto", "pandoc")
TEMP_PREFIX = ".kinerja-terbit-"

__all__ = ["ENGINES", "Publication", "PublishError", "choose_engine", "detect_context", "publish"]


class PublishError(RuntimeError):
    """Publishing failed; the message (Bahasa Indonesia) says why. The output folder is unchanged."""


@dataclass(frozen=True)
class Publication:
    """What :func:`publish` produced: the site folder, the engine used, the years, the site
    paths of the pages and PDFs, and the seconds it took."""

    folder: Path
    mesin: str
    tahun: tuple[int, ...]
    halaman: tuple[str, ...]
    pdf: tuple[str, ...]
    detik: float

    def summary(self) -> str:
        return pesan.TERBIT_SELESAI.format(folder=self.folder, detik=display.angka(self.detik, 1), halaman=len(self.halaman),
                                           pdf=len(self.pdf), mesin=self.mesin)


def choose_engine(engine: str) -> tuple[str, str | None, str]:
    """(engine, quarto command or None, why) for ``auto``, ``quarto`` or ``pandoc``."""
    if engine not in ENGINES:
        raise PublishError(pesan.CLI_ARG_MESIN)
    quarto = quarto_engine.find_quarto()
    if engine == "pandoc":
        return "pandoc", None, pesan.TERBIT_MESIN_DIMINTA
    if engine == "quarto":
        if not quarto:
            raise PublishError(pesan.TERBIT_QUARTO_TIDAK_ADA)
        return "quarto", quarto, pesan.TERBIT_MESIN_DIMINTA
    if quarto:
        return "quarto", quarto, pesan.TERBIT_MESIN_QUARTO_ADA.format(alamat=quarto)
    return "pandoc", None, pesan.TERBIT_MESIN_QUARTO_TIDAK_ADA


def detect_context(root: Path, years: Sequence[int], today: datetime.date | None = None) -> Context:
    """The pemda's name (newest year's params), the date (``today``, else the build's date:
    ``SOURCE_DATE_EPOCH`` when set) and whether the data is synthetic: a params file
    saying ``sintetis: true``, a pemda name saying ``sintetis``/``contoh``, or data under
    ``data/contoh*`` (the shipped samples)."""
    from kinerja.inputs.params import ParamsError, load_params

    pemda, sintetis = "", False
    for year in sorted(years):
        try:
            params = load_params(root / "params" / f"{year}.yml")
        except ParamsError:
            continue
        pemda = params.pemda_nama or pemda
        words = params.pemda_nama.casefold()
        if params.sintetis or "sintetis" in words or "contoh" in words or any(str(p).replace("\\", "/").startswith("data/contoh") for p in params.data):
            sintetis = True
    return Context(pemda=pemda, sintetis=sintetis, tanggal=display.tanggal(today or build_date()),
                   versi=__version__)


def publish(
    root: str | Path = ".",
    build: str | Path = "_build",
    out: str | Path = "_site",
    tahun: Sequence[int] | None = None,
    engine: str = "auto",
    jobs: int | None = None,
    context: Context | None = None,
    say: Callable[[str], None] = lambda _: None,
) -> Publication:
    """Publish the years ``tahun`` (default: every year in ``build``) into ``out``.

    ``build`` and ``out`` are relative to ``root`` unless absolute. ``say`` receives progress
    lines (which engine, and why). Raises :class:`PublishError`; ``out`` is then unchanged.
    """
    started = time.perf_counter()
    shown = Path(out)
    root = Path(root).resolve()
    build = root / build
    out = root / out
    try:
        safety.check_output_folder(out, "situs", root=root, inputs=[build], replace_all=True)
    except safety.OutputFolderError as error:
        raise PublishError(str(error)) from None
    available = stage.years_in_build(build)
    if not available:
        raise PublishError(pesan.TERBIT_TANPA_BUILD.format(folder=build))
    years = sorted(set(tahun)) if tahun else available
    for year in years:
        if year not in available:
            raise PublishError(pesan.TERBIT_TAHUN_TIDAK_ADA.format(tahun=year, folder=build))
    mesin, quarto, why = choose_engine(engine)
    say(pesan.TERBIT_MESIN.format(tahun=", ".join(map(str, years)), mesin=mesin, alasan=why))
    context = context or detect_context(root, years)
    work = safety.staging_folder(out.parent, TEMP_PREFIX)
    try:
        staged = work / "sumber"
        config = stage.stage(root, build, years, staged, context)
        if mesin == "quarto":
            say(pesan.TERBIT_PERINTAH.format(perintah=" ".join(quarto_engine.command(quarto, staged))))
            rendered = quarto_engine.render(quarto, staged)
        else:
            rendered = work / "situs"
            pandoc_engine.render(staged, config, rendered, context, jobs or min(2, os.cpu_count() or 1))
        outputs = [site.output_path(source) for source in config["project"]["render"]]
        missing = [path for path in outputs if not (rendered / path).is_file()]
        if missing:
            raise PublishError(pesan.TERBIT_HASIL_TIDAK_ADA.format(mesin=mesin, berkas=", ".join(missing)))
        safety.mark_folder(rendered, "situs", safety.folder_files(rendered))
        safety.check_output_folder(out, "situs", root=root, inputs=[build], replace_all=True)  # changed meanwhile?
        atomic.swap_folder(rendered, out, work / "lama")  # the old site goes with work
    except safety.OutputFolderError as error:
        raise PublishError(str(error)) from None
    except (StageError, SiteConfigError, pandoc_engine.EngineError, quarto_engine.QuartoError, OSError, ValueError,
            yaml.YAMLError) as error:
        raise PublishError(pesan.TERBIT_GAGAL.format(folder=shown, rincian=error)) from error
    finally:
        shutil.rmtree(work, ignore_errors=True)
    pdfs = tuple(p for p in outputs if p.endswith(".pdf"))
    pages = tuple(p for p in outputs if p.endswith(".html"))
    return Publication(shown, mesin, tuple(years), pages, pdfs, time.perf_counter() - started)
