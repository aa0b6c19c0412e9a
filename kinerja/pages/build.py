"""The pages, each built once as a :class:`~kinerja.pages.model.Page`: one function per notebook
(:func:`ringkasan`, :func:`opd`, :func:`tren`) and the pure building blocks they share.

The notebooks (``notebooks/*.ipynb``) call these functions and display what they return;
``kinerja run`` calls the same functions to hash what each notebook depends on (incremental runs)
and to write the page beside the executed notebook (tables as download extracts). So "the data a
notebook used" is, by construction, its :class:`Page`. Every sentence comes from
:mod:`kinerja.pages.wording`.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd

from kinerja.core.change import normalised_name
from kinerja.core.engine import ScoreResult
from kinerja.core.rules import Rules
from kinerja.pages import captions, reviu, wording
from kinerja.pages.analysis import Analysis, shared_page
from kinerja.pages.model import Page
from kinerja.pages.renstra import renstra_tables
from kinerja.support import pesan

#: Columns of a change table (:mod:`kinerja.core.change`) shown beside a capaian.
CHANGE_COLUMNS = ["capaian_sebelumnya", "selisih_poin", "perubahan_persen", "catatan"]


# --- the pages ---------------------------------------------------------------------------------


def ringkasan(analysis: Analysis) -> Page:
    """The pemda overview of :attr:`Analysis.tahun`.

    Tables: ``pemda`` (one row: capaian, predikat, method, cap and the change from the year
    before), ``opd`` (every OPD, highest capaian first, with its change), ``predikat`` (number of
    OPD per predikat, every level of the scale), ``tidak_terhitung`` (indicators without a capaian
    and why).
    """
    made = shared_page(analysis, "ringkasan")  # built by the run already (kinerja run)
    if made is not None:
        return made
    analysis.require()
    result, tahun = analysis.result, analysis.tahun
    pemda = _with_change(_year(result.pemda, tahun), _year(result.perubahan_pemda, tahun), [])
    pemda = pemda[["tahun", "capaian", "predikat", "jumlah_opd", "jumlah_indikator", "metode", "batas_atas", *CHANGE_COLUMNS]]
    opd_table = _opd_with_change(result, tahun)
    indikator = _year(result.indikator, tahun)
    missing = indikator[indikator["capaian"].isna()]
    tables = {
        "pemda": pemda,
        "opd": opd_table,
        "predikat": predikat_counts(opd_table, result.rules),
        "tidak_terhitung": missing[
            ["kode_opd", "nama_opd", "sasaran", *_present(missing, ["kode_indikator"]), "indikator", "catatan"]
        ].reset_index(drop=True),
    }
    tables.update(reviu.ringkasan_tables(analysis))  # reviu, reviu_kode, reviu_opd, jejak, metode
    judul = pesan.HALAMAN_JUDUL_RINGKASAN.format(pemda=analysis.pemda_nama or pesan.HALAMAN_PEMDA, tahun=tahun)
    page = _page(analysis, "ringkasan", judul, tables, wording.pemda(analysis.pemda_nama))
    return dataclasses.replace(page, kepekaan=reviu.sensitivity_sentence(analysis))


def opd(analysis: Analysis, kode_opd: str) -> Page:
    """One OPD in :attr:`Analysis.tahun`, with its history.

    Tables: ``opd`` (one row: capaian, predikat, method, change), ``indikator`` (its indicators
    this year), ``sasaran`` (mean per sasaran), ``riwayat`` (every indicator in every year up to
    ``tahun``), ``capaian_tahunan`` (the OPD capaian per year), ``perubahan_indikator`` (change of
    each indicator from the year before), ``anggaran`` (budget serapan beside capaian per year;
    empty when the data has no budget), and when the data has a ``renstra`` sheet ``renstra`` and
    ``renstra_jalur`` (capaian terhadap target akhir periode and the plan's yearly targets:
    :func:`kinerja.pages.renstra.renstra_tables`).
    """
    made = shared_page(analysis, "opd", str(kode_opd))  # built by the run already (kinerja run)
    if made is not None:
        return made
    kode_opd = str(kode_opd)
    analysis.require(kode_opd)
    result, tahun = analysis.result, analysis.tahun
    if kode_opd not in analysis.opd_codes():
        raise ValueError(pesan.HALAMAN_OPD_TANPA_DATA.format(kode=kode_opd, tahun=tahun))
    mine = lambda table: table[table["kode_opd"] == kode_opd]
    opd_rows = _opd_with_change(result, tahun)
    one = opd_rows[opd_rows["kode_opd"] == kode_opd].reset_index(drop=True)
    number_columns = _present(result.indikator, ["target", "target_bawah", "target_atas", "realisasi"])
    indicator_columns = [
        "sasaran", *_present(result.indikator, ["kode_indikator"]), "indikator", "satuan", "polaritas",
        *number_columns, "capaian", *_present(result.indikator, ["capaian_tanpa_batas"]), "predikat", "catatan",
    ]
    indikator = _year(mine(result.indikator), tahun)[indicator_columns].reset_index(drop=True)
    sasaran = _year(mine(result.sasaran), tahun)[["sasaran", "capaian", "predikat", "jumlah_indikator", "batas_atas"]]
    history = mine(result.indikator)
    history = history[history["tahun"] <= tahun][
        ["tahun", *_present(history, ["kode_indikator"]), "indikator", "satuan", *number_columns, "capaian", "predikat"]
    ]
    yearly = mine(result.opd)
    yearly = yearly[yearly["tahun"] <= tahun][["tahun", "capaian", "predikat"]].reset_index(drop=True)
    change = _year(mine(result.perubahan_indikator), tahun)[
        [*_present(result.perubahan_indikator, ["kode_indikator"]), "indikator", "capaian", *CHANGE_COLUMNS]
    ]
    budget = serapan(mine(analysis.anggaran), mine(result.opd))
    budget = budget[budget["tahun"] <= tahun].reset_index(drop=True)
    tables = {
        "opd": one,
        "indikator": indikator,
        "sasaran": sasaran.reset_index(drop=True),
        "riwayat": history.reset_index(drop=True),
        "capaian_tahunan": yearly,
        "perubahan_indikator": change.reset_index(drop=True),
        "anggaran": budget,
    }
    tables.update(renstra_tables(analysis, kode_opd))  # renstra, renstra_jalur (kinerja.pages.renstra)
    tables.update(reviu.opd_tables(analysis, kode_opd))  # reviu, jejak
    nama = one["nama_opd"].iloc[0] if len(one) else analysis.opd_name(kode_opd)
    judul = pesan.HALAMAN_JUDUL_OPD.format(opd=nama, tahun=tahun)
    return _page(analysis, "opd", judul, tables, str(nama), kode_opd)


def tren(analysis: Analysis, jumlah: int = 10) -> Page:
    """Every year up to :attr:`Analysis.tahun`.

    Tables: ``pemda`` (capaian and change per year), ``opd`` (capaian of every OPD per year),
    ``perubahan_opd`` (change of every OPD between consecutive years), ``pergerakan`` (the
    ``jumlah`` largest changes in poin, up or down), ``indikator_berubah`` (indicators added,
    dropped or renamed between consecutive years).
    """
    made = shared_page(analysis, "tren") if jumlah == 10 else None  # built by the run already
    if made is not None:
        return made
    analysis.require()
    result, tahun = analysis.result, analysis.tahun
    upto = lambda table: table[table["tahun"] <= tahun].reset_index(drop=True)
    pemda = upto(result.pemda).merge(
        result.perubahan_pemda[["tahun", *CHANGE_COLUMNS]], on="tahun", how="left", validate="one_to_one"
    )[["tahun", "capaian", "predikat", "jumlah_opd", "jumlah_indikator", *CHANGE_COLUMNS]]
    pemda["catatan"] = pemda["catatan"].fillna("")
    opd_table = upto(result.opd)[["tahun", "kode_opd", "nama_opd", "capaian", "predikat"]]
    change = upto(result.perubahan_opd)[["tahun", "kode_opd", "nama_opd", "capaian", *CHANGE_COLUMNS]]
    tables = {
        "pemda": pemda,
        "opd": opd_table,
        "perubahan_opd": change,
        "pergerakan": biggest_moves(change, jumlah),
        "indikator_berubah": indicator_changes(upto(result.indikator), upto(result.perubahan_indikator)),
    }
    first = int(opd_table["tahun"].min())
    judul = pesan.HALAMAN_JUDUL_TREN.format(
        pemda=analysis.pemda_nama or pesan.HALAMAN_PEMDA, tahun=tahun if first == tahun else f"{first}–{tahun}"
    )
    return _page(analysis, "tren", judul, tables, wording.pemda(analysis.pemda_nama))


# --- building blocks (pure) --------------------------------------------------------------------


def predikat_counts(opd_table: pd.DataFrame, rules: Rules) -> pd.DataFrame:
    """Number of OPD per predikat: every level of the scale (highest first, zeros included), then
    the OPD without a capaian when there are any. Columns ``predikat, batas, jumlah_opd``."""
    scale = rules.skala_predikat
    counts = opd_table["predikat"].fillna("").value_counts()
    rows = [(level.predikat, level.describe(), int(counts.get(level.predikat, 0))) for level in scale.levels]
    missing = int(opd_table["capaian"].isna().sum())
    if missing:
        rows.append((pesan.HALAMAN_TANPA_PREDIKAT, "", missing))
    return pd.DataFrame(rows, columns=["predikat", "batas", "jumlah_opd"])


def serapan(anggaran: pd.DataFrame, opd_scores: pd.DataFrame) -> pd.DataFrame:
    """Budget serapan beside capaian kinerja, per OPD and year.

    ``serapan`` = realisasi_anggaran / pagu × 100 (percent; empty when pagu is 0 or missing);
    ``selisih_poin`` = capaian − serapan (poin) and ``rasio`` = capaian / serapan: the "capaian
    beside serapan" method of ``docs/metodologi.md`` (a description, not an official efficiency score).
    Columns ``tahun, kode_opd, pagu, realisasi_anggaran, serapan, capaian, selisih_poin, rasio``.
    """
    columns = ["tahun", "kode_opd", "pagu", "realisasi_anggaran", "serapan", "capaian", "selisih_poin", "rasio"]
    if anggaran.empty:
        return pd.DataFrame({name: pd.Series(dtype="float") for name in columns})
    table = anggaran[["tahun", "kode_opd", "pagu", "realisasi_anggaran"]].copy()
    table["tahun"] = table["tahun"].astype("int64")
    pagu = pd.to_numeric(table["pagu"], errors="coerce").astype(float)
    spent = pd.to_numeric(table["realisasi_anggaran"], errors="coerce").astype(float)
    table["serapan"] = (spent / pagu.where(pagu > 0)) * 100.0
    scores = opd_scores[["tahun", "kode_opd", "capaian"]].assign(tahun=lambda t: t["tahun"].astype("int64"))
    table = table.merge(scores, on=["tahun", "kode_opd"], how="left", validate="one_to_one")
    table["selisih_poin"] = table["capaian"] - table["serapan"]
    table["rasio"] = table["capaian"] / table["serapan"].where(table["serapan"] > 0)
    return table.sort_values(["kode_opd", "tahun"], kind="stable")[columns].reset_index(drop=True)


def biggest_moves(change: pd.DataFrame, jumlah: int = 10) -> pd.DataFrame:
    """The ``jumlah`` comparable rows with the largest change in poin (either way), largest first."""
    comparable = change[change["selisih_poin"].notna()]
    order = comparable["selisih_poin"].abs().sort_values(ascending=False, kind="stable").index
    return comparable.loc[order].head(jumlah).reset_index(drop=True)


def improved_declined(opd_table: pd.DataFrame, jumlah: int = 5) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The OPDs whose capaian rose most and fell most from the year before (in poin)."""
    comparable = opd_table[opd_table["selisih_poin"].notna()]
    up = comparable[comparable["selisih_poin"] > 0].sort_values("selisih_poin", ascending=False, kind="stable")
    down = comparable[comparable["selisih_poin"] < 0].sort_values("selisih_poin", kind="stable")
    return up.head(jumlah).reset_index(drop=True), down.head(jumlah).reset_index(drop=True)


def indicator_changes(indikator: pd.DataFrame, perubahan: pd.DataFrame) -> pd.DataFrame:
    """Indicators added, dropped or renamed between consecutive years.

    Added and dropped are the indicators the year-over-year comparison found no partner for;
    renamed are those matched by ``kode_indikator`` whose (normalised) name differs. Columns
    ``tahun, perubahan, kode_opd, nama_opd, kode_indikator, indikator, indikator_sebelumnya``.
    """
    columns = ["tahun", "perubahan", "kode_opd", "nama_opd", "kode_indikator", "indikator", "indikator_sebelumnya"]
    pieces = []
    for year in sorted(int(t) for t in perubahan["tahun"].unique()):
        rows = perubahan[perubahan["tahun"] == year]
        for template, label in (
            (pesan.TIDAK_DAPAT_DIBANDINGKAN_BARU, pesan.HALAMAN_INDIKATOR_BARU),
            (pesan.TIDAK_DAPAT_DIBANDINGKAN_HILANG, pesan.HALAMAN_INDIKATOR_HILANG),
        ):
            note = template.format(tahun=year - 1 if label == pesan.HALAMAN_INDIKATOR_BARU else year)
            picked = rows[rows["catatan"] == note]
            pieces.append(picked.assign(perubahan=label, indikator_sebelumnya=""))
        if "kode_indikator" in indikator:
            now = indikator[(indikator["tahun"] == year) & indikator["kode_indikator"].notna()]
            before = indikator[(indikator["tahun"] == year - 1) & indikator["kode_indikator"].notna()]
            pairs = now.merge(before[["kode_indikator", "indikator"]], on="kode_indikator", suffixes=("", "_sebelumnya"))
            renamed = pairs[normalised_name(pairs["indikator"]) != normalised_name(pairs["indikator_sebelumnya"])]
            pieces.append(renamed.assign(perubahan=pesan.HALAMAN_INDIKATOR_GANTI_NAMA))
    pieces = [piece.reindex(columns=columns) for piece in pieces if len(piece)]
    if not pieces:
        return pd.DataFrame({name: pd.Series(dtype="str") for name in columns}).astype({"tahun": "int64"})
    table = pd.concat(pieces, ignore_index=True)
    table["kode_indikator"] = table["kode_indikator"].fillna("")
    table["indikator_sebelumnya"] = table["indikator_sebelumnya"].fillna("")
    return table.sort_values(["tahun", "perubahan", "kode_opd", "kode_indikator"], kind="stable").reset_index(drop=True)


def _page(analysis: Analysis, nama: str, judul: str, tables: dict[str, pd.DataFrame], subjek: str,
          kode_opd: str | None = None) -> Page:
    """The page with its sentences: the headline and change of its row (not for the trend page)."""
    rules, tahun = analysis.params.rules, analysis.tahun
    utama = perubahan = ""
    berjalan = analysis.berjalan()  # the year, not one OPD: an OPD alone without realisasi is a gap in the data
    if nama != "tren" and berjalan:
        utama = wording.berjalan(subjek, tahun)
    elif nama != "tren":
        row = tables["opd" if nama == "opd" else "pemda"].iloc[0]
        utama, perubahan = wording.headline(subjek, tahun, row), wording.change(row, tahun)
    page = Page(nama, judul, tahun, tables, kode_opd, subjek, analysis.pemda_nama or "", utama, perubahan,
                wording.method(rules), rules.skala_predikat, wording.conventions(rules), berjalan)
    return dataclasses.replace(page, figures=captions.for_page(page))


# --- helpers -----------------------------------------------------------------------------------


def _year(table: pd.DataFrame, tahun: int) -> pd.DataFrame:
    return table[table["tahun"] == tahun]


def _present(table: pd.DataFrame, columns: list[str]) -> list[str]:
    return [column for column in columns if column in table]


def _with_change(table: pd.DataFrame, change: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """``table`` with the change columns of ``change`` (matched on ``tahun`` and ``keys``)."""
    merged = table.merge(
        change[["tahun", *keys, *CHANGE_COLUMNS]], on=["tahun", *keys], how="left", validate="one_to_one"
    )
    merged["catatan"] = merged["catatan"].fillna("")
    return merged.reset_index(drop=True)


def _opd_with_change(result: ScoreResult, tahun: int) -> pd.DataFrame:
    """OPDs of ``tahun`` with their change, highest capaian first (no capaian last), then by code."""
    table = _with_change(_year(result.opd, tahun), _year(result.perubahan_opd, tahun), ["kode_opd"])
    table = table.assign(_kosong=table["capaian"].isna(), _nilai=-table["capaian"].fillna(np.inf))
    table = table.sort_values(["_kosong", "_nilai", "kode_opd"], kind="stable").drop(columns=["_kosong", "_nilai"])
    return table[
        ["kode_opd", "nama_opd", "capaian", "predikat", "jumlah_sasaran", "jumlah_indikator", "metode", "batas_atas",
         *CHANGE_COLUMNS]
    ].reset_index(drop=True)
