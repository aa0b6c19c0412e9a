"""The data each notebook shows, as named tables: one function per notebook.

The notebooks (``notebooks/*.ipynb``) call these functions and present what they return;
``kinerja run`` calls the same functions to hash what each notebook depends on (incremental runs)
and to write the tables as download extracts beside the executed notebook. So "the data a
notebook used" is, by construction, the tables of its :class:`Page`.

Nothing here reads a file except :func:`analyse` (through :func:`kinerja.check`), draws, or rounds:
capaian stay unrounded percent, changes in poin and percent, as the core computed them.

>>> analysis = analyse(2024, proyek="..")                      # doctest: +SKIP
>>> page = opd(analysis, "1.02.01")                            # doctest: +SKIP
>>> page.tables["indikator"]                                   # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from kinerja.support import display, pesan
from kinerja.inputs.load import LoadedData, check
from kinerja.inputs.fingerprint import fingerprint
from kinerja.core.change import normalised_name
from kinerja.core.engine import ScoreResult, score_table
from kinerja.inputs.findings import Finding, InputError
from kinerja.inputs.params import Params, ParamsError, load_params
from kinerja.core.rules import Rules

#: Columns of a change table (:mod:`kinerja.core.change`) shown beside a capaian.
CHANGE_COLUMNS = ["capaian_sebelumnya", "selisih_poin", "perubahan_persen", "catatan"]
SOURCE = ["_berkas", "_lembar", "_baris"]


class PageDataError(InputError):
    """The data a page needs has errors; the message lists them (it is what a failed notebook and
    the summary of ``kinerja run`` show)."""

    def __str__(self) -> str:
        errors = self.errors
        shown = "\n".join(str(finding) for finding in errors[:10])
        more = "\n" + pesan.TEMUAN_LAINNYA.format(jumlah=len(errors) - 10) if len(errors) > 10 else ""
        return f"{self.args[0]}\n{shown}{more}"


@dataclass(frozen=True)
class Page:
    """What one notebook shows: its name (``ringkasan``, ``opd``, ``tren``), title and tables.

    ``tables`` maps a table name to a DataFrame (unrounded numbers); they are written as the
    notebook's download extracts, in this order.
    """

    nama: str
    judul: str
    tahun: int
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    kode_opd: str | None = None


@dataclass(frozen=True)
class Analysis:
    """The data and results of one fiscal year, as every page of that year uses them.

    Attributes:
        tahun: the fiscal year of the report; rows of later years are not allowed in its data.
        params: the settings in force (file plus overrides).
        loaded: every row read, with every finding.
        table: the indicator rows in scope (the OPDs of ``params.opd``), with their source columns.
        result: scores of every OPD whose rows have no galat (other OPDs are left out here;
            their pages, and the pemda-wide pages, raise :class:`InputError` instead).
        anggaran: budget rows (``tahun, kode_opd, pagu, realisasi_anggaran``; empty when absent).
        errors_opd: galat findings on the rows of one OPD, by ``kode_opd``.
        errors_all: galat findings that concern every page (file-level, or not tied to a row).
    """

    tahun: int
    params: Params
    loaded: LoadedData
    table: pd.DataFrame
    result: ScoreResult
    anggaran: pd.DataFrame
    errors_opd: dict[str, list[Finding]]
    errors_all: list[Finding]

    @property
    def pemda_nama(self) -> str:
        return self.params.pemda_nama

    def opd_codes(self) -> list[str]:
        """``kode_opd`` of every OPD with rows in :attr:`tahun` (also those with data errors)."""
        table = self.table
        codes = table.loc[table["tahun"] == self.tahun, "kode_opd"].dropna().unique()
        return sorted(str(code) for code in codes)

    def opd_name(self, kode_opd: str) -> str:
        table = self.table
        names = table.loc[(table["kode_opd"] == kode_opd) & (table["tahun"] == self.tahun), "nama_opd"].dropna()
        return str(names.iloc[0]) if len(names) else kode_opd

    def errors(self, kode_opd: str | None = None) -> list[Finding]:
        """The galat findings a page depends on: all of them for a pemda-wide page
        (``kode_opd=None``), else those of that OPD and those concerning every page."""
        if kode_opd is None:
            return [*self.errors_all, *(f for found in self.errors_opd.values() for f in found)]
        return [*self.errors_all, *self.errors_opd.get(kode_opd, [])]

    def require(self, kode_opd: str | None = None) -> None:
        """Raise :class:`InputError` (every finding of the page) when the page's data has a galat."""
        errors = self.errors(kode_opd)
        if errors:
            raise PageDataError(errors)


def analyse(
    tahun: int, proyek: str | Path = ".", params_berkas: str | Path | None = None, ubah: Sequence[str] = ()
) -> Analysis:
    """Read the params and data of fiscal year ``tahun`` and score them.

    ``proyek`` is the project folder (with ``params/`` and the data), relative to the working
    directory; ``params_berkas`` the params file relative to it (default ``params/<tahun>.yml``);
    ``ubah`` the ``key=value`` overrides of ``kinerja run -p``. Data paths in the params file are
    relative to the project folder. Raises :class:`ParamsError` for bad params and
    :class:`InputError` when nothing can be scored (an unreadable file); galat findings on the rows
    of single OPDs are kept in the result for :meth:`Analysis.require`.
    """
    root = Path(proyek)
    params = load_params(root / (params_berkas or f"params/{tahun}.yml"), ubah)
    if params.tahun is not None and params.tahun != tahun:
        raise ParamsError(pesan.HALAMAN_TAHUN_PARAMS.format(berkas=params.sumber, tahun=params.tahun, diminta=tahun))
    if not params.data:
        raise ParamsError(pesan.HALAMAN_TANPA_DATA.format(berkas=params.sumber))
    paths = [root / path for path in params.data]
    key = (tahun, repr(params), tuple(fingerprint(path) for path in paths))
    if key in _MEMO:
        return _MEMO[key]
    desimal = getattr(params, "desimal", None) or "otomatis"
    loaded = check(paths, params.rules, desimal, tahun)
    table = loaded.table
    if params.opd is not None:
        unknown = sorted(set(params.opd) - set(table["kode_opd"].dropna().astype(str)))
        if unknown:
            raise ParamsError(pesan.HALAMAN_OPD_TIDAK_ADA.format(berkas=params.sumber, kode=", ".join(unknown)))
        table = table[table["kode_opd"].isin(params.opd)]
    errors_opd, errors_all = _errors_by_opd(table, loaded.findings)
    clean = table[~table["kode_opd"].isin(list(errors_opd))]
    if errors_all or clean.empty:
        raise PageDataError(loaded.findings)
    tidy = clean.drop(columns=[c for c in SOURCE if c in clean]).reset_index(drop=True)
    result = score_table(tidy, params.rules, opd=loaded.opd)
    anggaran = loaded.anggaran
    if params.opd is not None:
        anggaran = anggaran[anggaran["kode_opd"].isin(params.opd)]
    analysis = Analysis(tahun, params, loaded, table, result, anggaran.reset_index(drop=True), errors_opd, errors_all)
    while len(_MEMO) >= 4:
        _MEMO.pop(next(iter(_MEMO)))
    _MEMO[key] = analysis
    return analysis


#: Analyses already made in this process, by year, params and the content of every input file: a
#: kernel that ``kinerja run`` reuses for many pages of one year reads and scores the data once.
_MEMO: dict[tuple, Analysis] = {}


def _errors_by_opd(table: pd.DataFrame, findings: list[Finding]) -> tuple[dict[str, list[Finding]], list[Finding]]:
    """Galat findings on a row of the indicator table, by the ``kode_opd`` of that row; the others."""
    owner: dict[tuple, str] = {}
    if all(column in table for column in SOURCE):
        for berkas, lembar, baris, kode in zip(table["_berkas"], table["_lembar"], table["_baris"], table["kode_opd"]):
            if isinstance(kode, str) and kode:
                owner[(str(berkas), str(lembar or ""), int(baris))] = kode
    by_opd: dict[str, list[Finding]] = {}
    general = []
    for finding in findings:
        if not finding.is_error:
            continue
        kode = owner.get((finding.berkas, finding.lembar or "", finding.baris)) if finding.baris is not None else None
        if kode is None:
            general.append(finding)
        else:
            by_opd.setdefault(kode, []).append(finding)
    return by_opd, general


# --- the pages ---------------------------------------------------------------------------------


def ringkasan(analysis: Analysis) -> Page:
    """The pemda overview of :attr:`Analysis.tahun`.

    Tables: ``pemda`` (one row: capaian, predikat, method, cap and the change from the year
    before), ``opd`` (every OPD, highest capaian first, with its change), ``predikat`` (number of
    OPD per predikat, every level of the scale), ``tidak_terhitung`` (indicators without a capaian
    and why).
    """
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
    judul = pesan.HALAMAN_JUDUL_RINGKASAN.format(pemda=analysis.pemda_nama or pesan.HALAMAN_PEMDA, tahun=tahun)
    return Page("ringkasan", judul, tahun, tables)


def opd(analysis: Analysis, kode_opd: str) -> Page:
    """One OPD in :attr:`Analysis.tahun`, with its history.

    Tables: ``opd`` (one row: capaian, predikat, method, change), ``indikator`` (its indicators
    this year), ``sasaran`` (mean per sasaran), ``riwayat`` (every indicator in every year up to
    ``tahun``), ``capaian_tahunan`` (the OPD capaian per year), ``perubahan_indikator`` (change of
    each indicator from the year before), ``anggaran`` (budget serapan beside capaian per year;
    empty when the data has no budget).
    """
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
        *number_columns, "capaian", "predikat", "catatan",
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
    nama = one["nama_opd"].iloc[0] if len(one) else analysis.opd_name(kode_opd)
    judul = pesan.HALAMAN_JUDUL_OPD.format(opd=nama, tahun=tahun)
    return Page("opd", judul, tahun, tables, kode_opd=kode_opd)


def tren(analysis: Analysis, jumlah: int = 10) -> Page:
    """Every year up to :attr:`Analysis.tahun`.

    Tables: ``pemda`` (capaian and change per year), ``opd`` (capaian of every OPD per year),
    ``perubahan_opd`` (change of every OPD between consecutive years), ``pergerakan`` (the
    ``jumlah`` largest changes in poin, up or down), ``indikator_berubah`` (indicators added,
    dropped or renamed between consecutive years).
    """
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
    return Page("tren", judul, tahun, tables)


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


# --- sentences ---------------------------------------------------------------------------------


def headline(page: Page, nama: str = "") -> str:
    """The headline of a page as plain text: capaian and predikat of the pemda (``ringkasan``) or
    of the OPD (``opd``), then the change from the year before in poin and in percent.
    :func:`kinerja.render.tables.headline` shows it (the first sentence in bold, names as text)."""
    return " ".join(headline_parts(page, nama))


def headline_parts(page: Page, nama: str = "") -> tuple[str, str]:
    """The two sentences of :func:`headline`, as plain text: (capaian and predikat, change)."""
    row = page.tables["pemda" if page.nama == "ringkasan" else "opd"].iloc[0]
    if page.nama == "ringkasan":
        nama = nama or pesan.HALAMAN_PEMDA
    else:
        nama = nama or row["nama_opd"]
    text = pesan.HALAMAN_UTAMA.format(
        pemda=nama,
        tahun=page.tahun,
        capaian=display.persen(row["capaian"]),
        predikat=row["predikat"] or pesan.HALAMAN_TANPA_PREDIKAT,
    )
    return text, change_sentence(row, page.tahun)


def change_sentence(row: pd.Series, tahun: int) -> str:
    """"Dibanding 2023 (100,50 %): +0,36 poin, atau +0,358 % relatif." or why there is no comparison."""
    if pd.isna(row.get("selisih_poin")):
        note = row.get("catatan")
        if isinstance(note, str) and note:
            return pesan.HALAMAN_TANPA_PERBANDINGAN_KARENA.format(catatan=note)
        return pesan.HALAMAN_TANPA_PERBANDINGAN.format(sebelumnya=tahun - 1)
    return pesan.HALAMAN_PERUBAHAN.format(
        sebelumnya=tahun - 1,
        capaian_sebelumnya=display.persen(row["capaian_sebelumnya"]),
        poin=display.poin(row["selisih_poin"]),
        persen=display.perubahan(row["perubahan_persen"], 3),
    )


def method_sentence(rules: Rules) -> str:
    """How the averages were made, with the cap in force (every published figure states it), as
    plain text; :func:`kinerja.render.tables.method` shows it under the label ``Metode.``."""
    cap = (
        pesan.HALAMAN_TANPA_BATAS
        if rules.batas_atas is None
        else pesan.HALAMAN_BATAS.format(batas=pesan.angka_aturan(rules.batas_atas))
    )
    floor = (
        pesan.HALAMAN_TANPA_LANTAI if rules.lantai is None else pesan.HALAMAN_LANTAI.format(lantai=pesan.angka_aturan(rules.lantai))
    )
    return pesan.HALAMAN_METODE.format(
        pemda=pesan.HALAMAN_METODE_PEMDA[rules.agregasi_pemda],
        opd=pesan.HALAMAN_METODE_OPD[rules.agregasi_opd],
        negatif=pesan.HALAMAN_METODE_NEGATIF[rules.rumus_negatif],
        batas=cap,
        lantai=floor,
        skala=rules.skala_predikat.judul,
    )


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
