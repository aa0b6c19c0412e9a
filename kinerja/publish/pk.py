"""The Perjanjian Kinerja documents of a published year: ``<tahun>/pk/pk-<kode>.pdf``, one per OPD
with a page, and the year's PK page ``<tahun>/pk/index.qmd`` listing them.

The documents are the ones of ``kinerja pk --tahun <tahun>`` (:mod:`kinerja.render.pk`), made from
the same params and data as the year's pages (:func:`kinerja.pages.analyse`, targets only: a year
without realisasi has them too). A year without its params file (a build copied from elsewhere)
has no PK documents; its pages then carry no PK link.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kinerja.inputs.findings import InputError
from kinerja.inputs.params import ParamsError
from kinerja.pages import SOURCE, PageDataError, analyse
from kinerja.render.pk import PkError, documents_for_year, write_pk_pdfs
from kinerja.support import escape, pesan

FOLDER = "pk"


class PkStageError(ValueError):
    """The PK documents of a year cannot be made; the message says why (Bahasa Indonesia)."""


@dataclass(frozen=True)
class PkLink:
    """One OPD's PK document in the staged site: ``berkas`` relative to ``<tahun>/pk/``."""

    kode_opd: str
    nama_opd: str
    berkas: str


def stage_pk(root: Path, year: int, dest: Path, kode_opd: list[str], sintetis: bool) -> dict[str, PkLink]:
    """Write the PK PDF of every OPD of ``kode_opd`` into ``dest/<year>/pk/``; return them by code
    (empty when ``params/<year>.yml`` is absent). Raises :class:`PkStageError`."""
    if not (root / "params" / f"{year}.yml").is_file() or not kode_opd:
        return {}
    try:
        analysis = analyse(year, proyek=root)
        params = analysis.params
        table = analysis.table.drop(columns=[c for c in SOURCE if c in analysis.table])
        wanted = tuple(k for k in kode_opd if k in set(table.loc[table["tahun"] == year, "kode_opd"].astype(str)))
        documents = documents_for_year(table, year, params, analysis.loaded.opd, analysis.loaded.program, wanted,
                                       sintetis)
        write_pk_pdfs(documents, dest / str(year) / FOLDER)
    except (ParamsError, InputError, PageDataError, PkError, OSError, ValueError) as error:
        raise PkStageError(pesan.TERBIT_PK_GAGAL.format(tahun=year, rincian=error)) from None
    return {d.kode_opd: PkLink(d.kode_opd, d.nama_opd, d.file_name) for d in documents}


def pk_page(template: str, year: int, links: dict[str, PkLink]) -> str:
    """The year's PK page: ``situs/daftar-pk.qmd`` with ``{tahun}`` and ``{daftar}`` (a table of
    links, by OPD name) filled in."""
    rows = [f"| {pesan.KOLOM_OPD} | {pesan.TERBIT_PK_KOLOM} |", "|---|---|"]
    for link in sorted(links.values(), key=lambda item: (item.nama_opd.casefold(), item.kode_opd)):
        rows.append(f"| {escape.markdown_text(link.nama_opd)} | [{escape.markdown_text(link.berkas)}]({link.berkas}) |")
    listing = "\n".join(rows) if links else pesan.TERBIT_PK_TIDAK_ADA.format(tahun=year)
    return template.replace("{tahun}", str(year)).replace("{daftar}", listing)


def opd_link_markdown(year: int, link: PkLink) -> str:
    """The PK line of an OPD page (a Markdown paragraph; the page is ``<tahun>/opd/<kode>``)."""
    return pesan.TERBIT_PK_TAUTAN_OPD.format(tahun=year, berkas=f"../{FOLDER}/{link.berkas}")
