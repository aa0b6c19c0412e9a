"""The quarterly monitoring page (pemantauan triwulan): :func:`triwulan` builds the
:class:`~kinerja.pages.model.Page` of "Pemantauan triwulan II 2025", for the pemda
(``kode_opd=None``) or one OPD, from :func:`kinerja.core.triwulan.score_triwulan` (capaian s.d.
triwulan n by the rules of the year) and :func:`kinerja.core.triwulan.score_quarters` (the path
quarter by quarter, for the chart).

Kept apart from :mod:`kinerja.pages.build` (the yearly pages); the page is the same kind of value,
written beside ``notebooks/triwulan.ipynb``'s executed copy by ``kinerja run --triwulan N``.
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from kinerja.core.triwulan import score_quarters, score_triwulan
from kinerja.inputs.readers import SOURCE_COLUMNS
from kinerja.pages import captions, wording
from kinerja.pages.analysis import Analysis
from kinerja.pages.model import Page
from kinerja.support import display, pesan

#: ``Page.nama`` of a quarterly page.
NAMA = "triwulan"
#: Columns of the indicator tables of a quarterly page.
INDICATOR_COLUMNS = ["kode_opd", "nama_opd", "sasaran", "kode_indikator", "indikator", "satuan", "polaritas", "sifat",
                     "target", "realisasi", "capaian", "status", "catatan"]


class NoQuarterlyData(ValueError):
    """The year has no quarterly rows: there is nothing to monitor (the message says so)."""


def has_quarters(analysis: Analysis) -> bool:
    """Whether the data of :attr:`Analysis.tahun` has quarterly rows (sheet ``triwulan``)."""
    rows = analysis.loaded.triwulan
    return not rows.empty and bool((pd.to_numeric(rows["tahun"], errors="coerce") == analysis.tahun).any())


def triwulan(analysis: Analysis, n: int, kode_opd: str | None = None) -> Page:
    """Pemantauan triwulan ``n`` of :attr:`Analysis.tahun`: the pemda (``kode_opd=None``) or one OPD.

    Tables: ``pemda`` or ``opd`` (one row: ``tahun, triwulan``, capaian s.d. triwulan n,
    ``predikat, jumlah_indikator, jumlah_tertinggal, ambang_tertinggal``); ``tertinggal`` (the
    indicators whose capaian s.d. triwulan n is below ``aturan.ambang_tertinggal``, lowest first);
    ``triwulan`` (capaian and indicators behind s.d. each quarter 1..n: the chart); the pemda page
    also ``opd_triwulan`` (every OPD s.d. triwulan n, lowest capaian first), an OPD page
    ``indikator`` (every indicator with its ``status``). Numbers unrounded, as the core gives them.
    ``utama`` says the capaian and how many indicators are behind, ``perubahan`` the change from
    the quarter before.
    """
    if not has_quarters(analysis):
        raise NoQuarterlyData(pesan.TRIWULAN_TANPA_DATA_TAHUN.format(tahun=analysis.tahun))
    kode_opd = None if kode_opd is None else str(kode_opd)
    analysis.require(kode_opd)
    rules, tahun = analysis.params.rules, analysis.tahun
    table = tidy_table(analysis, kode_opd)
    if table.empty:
        raise ValueError(pesan.HALAMAN_OPD_TANPA_DATA.format(kode=kode_opd, tahun=tahun))
    quarters = analysis.loaded.triwulan
    now = score_triwulan(table, quarters, rules, tahun, n)
    path = score_quarters(table, quarters, rules, tahun, n)
    level = "opd" if kode_opd is not None else "pemda"
    head = getattr(now, level).reset_index(drop=True)
    head = head.assign(ambang_tertinggal=rules.ambang_tertinggal)
    head_columns = ["tahun", "triwulan", *([] if level == "pemda" else ["kode_opd", "nama_opd"]), "capaian", "predikat",
                    "jumlah_indikator", "jumlah_tertinggal", "ambang_tertinggal"]
    indikator = now.indikator[[c for c in INDICATOR_COLUMNS if c in now.indikator]]
    behind = indikator[now.indikator["tertinggal"].to_numpy()].sort_values("capaian", kind="stable")
    steps = getattr(path, level)[["triwulan", "capaian", "predikat", "jumlah_tertinggal"]].reset_index(drop=True)
    tables = {level: head[[c for c in head_columns if c in head]], "tertinggal": behind.reset_index(drop=True),
              "triwulan": steps}
    if level == "pemda":
        opd_rows = now.opd.assign(_kosong=now.opd["capaian"].isna())
        opd_rows = opd_rows.sort_values(["_kosong", "capaian", "kode_opd"], kind="stable")
        tables["opd_triwulan"] = opd_rows[["kode_opd", "nama_opd", "capaian", "predikat", "jumlah_indikator",
                                           "jumlah_tertinggal"]].reset_index(drop=True)
        subjek = wording.pemda(analysis.pemda_nama)
    else:
        tables["indikator"] = indikator.reset_index(drop=True)
        subjek = str(head["nama_opd"].iloc[0]) if len(head) else analysis.opd_name(kode_opd)
    judul = pesan.HALAMAN_JUDUL_TRIWULAN.format(triwulan=display.romawi(n), tahun=tahun, subjek=subjek)
    row = head.iloc[0]
    utama = wording.quarter_headline(subjek, tahun, n, row)
    perubahan = wording.quarter_change(steps, n)
    page = Page(NAMA, judul, tahun, tables, kode_opd, subjek, analysis.pemda_nama or "", utama, perubahan,
                wording.method(rules), rules.skala_predikat)
    return dataclasses.replace(page, figures=captions.for_page(page))


def tidy_table(analysis: Analysis, kode_opd: str | None = None) -> pd.DataFrame:
    """The year's indicator rows the quarterly page scores: those in scope without a galat (one
    OPD's when ``kode_opd`` is given), without the source columns."""
    table = analysis.table
    table = table[~table["kode_opd"].isin(list(analysis.errors_opd))]
    if kode_opd is not None:
        table = table[table["kode_opd"] == kode_opd]
    return table.drop(columns=[c for c in SOURCE_COLUMNS if c in table]).reset_index(drop=True)
