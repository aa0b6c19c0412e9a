"""The reviu flags, the jejak (trace) and the method sensitivity of a year, as page tables (issue 15).

:func:`opd_tables` gives an OPD page its ``reviu`` (the flags of that OPD and year) and ``jejak``
(the trace of its figures: OPD, sasaran, indicators and their changes) tables;
:func:`ringkasan_tables` gives the overview ``reviu`` (every flag of the year), ``reviu_kode``
(count per flag code, every code), ``reviu_opd`` (count per OPD with a flag), ``jejak`` (the trace of
every figure of the year: the ``jejak.csv`` download; the overview shows its pemda rows) and
``metode`` (the pemda figure under each standard method setting). :func:`sensitivity_sentence` is
the one-line summary ("100,86 % dengan metode yang berlaku; …").

Numbers stay unrounded (``capaian``); the text columns are those of :func:`kinerja.pages.jejak.format_trace`
and :func:`kinerja.pages.metode.setting_label`. Each is computed once per :class:`Analysis`
(every OPD page of a year shares one trace).
"""

from __future__ import annotations

import pandas as pd

from kinerja.core.jejak import trace
from kinerja.core.metode import method_sensitivity
from kinerja.core.reviu import COLUMNS, KODE, PEMDA_COLUMNS, reviu_flags
from kinerja.pages.analysis import SOURCE, Analysis
from kinerja.pages.jejak import READING_ORDER, format_trace
from kinerja.pages.metode import method_sentence, setting_label
from kinerja.support import pesan

#: Columns of a ``reviu`` table: those of the ``kinerja reviu`` report, then the flag's title.
REVIU_COLUMNS = [*COLUMNS, "judul"]
#: Columns of a ``jejak`` table (the text of :func:`format_trace`, the OPD, the unrounded number).
JEJAK_COLUMNS = ["tingkat", "tahun", "kode_opd", "kunci", "capaian", "rumus", "masukan", "dikeluarkan", "aturan",
                 "sumber", "catatan", "capaian_angka"]
#: Columns of a ``metode`` table.
METODE_COLUMNS = ["setelan", "aturan", "nilai", "berlaku", "capaian", "predikat", "selisih_poin"]
#: The levels of a trace an OPD page shows (the pemda rows are on the overview).
OPD_LEVELS = ("opd", "perubahan_opd", "sasaran", "indikator", "perubahan_indikator")
PEMDA_LEVELS = ("pemda", "perubahan_pemda")

#: What was computed for an analysis, by ``id(analysis)`` (with the analysis, to tell a reused id).
_MEMO: dict[int, tuple[Analysis, dict]] = {}


def opd_tables(analysis: Analysis, kode_opd: str) -> dict[str, pd.DataFrame]:
    """``reviu`` and ``jejak`` of one OPD in :attr:`Analysis.tahun`."""
    flags = _year(analysis)["reviu"]
    jejak = _year(analysis)["jejak"]
    mine = jejak[(jejak["kode_opd"] == kode_opd) & jejak["tingkat"].isin(OPD_LEVELS)]
    return {"reviu": flags[flags["kode_opd"] == kode_opd].reset_index(drop=True), "jejak": mine.reset_index(drop=True)}


def ringkasan_tables(analysis: Analysis) -> dict[str, pd.DataFrame]:
    """``reviu``, ``reviu_kode``, ``reviu_opd``, ``jejak`` and ``metode`` of :attr:`Analysis.tahun`."""
    found = _year(analysis, sensitivity=True)
    flags = found["reviu"]
    counts = flags["kode"].value_counts()
    per_code = pd.DataFrame({"kode": list(KODE), "judul": [pesan.REVIU_JUDUL[k] for k in KODE],
                             "jumlah": [int(counts.get(k, 0)) for k in KODE]})
    per_opd = (flags.groupby(["kode_opd", "nama_opd"], sort=True).size().rename("jumlah").reset_index()
               if len(flags) else pd.DataFrame({"kode_opd": pd.Series(dtype=str), "nama_opd": pd.Series(dtype=str),
                                                 "jumlah": pd.Series(dtype="int64")}))
    per_opd = per_opd.sort_values(["jumlah", "kode_opd"], ascending=[False, True], kind="stable").reset_index(drop=True)
    return {"reviu": flags, "reviu_kode": per_code, "reviu_opd": per_opd, "jejak": found["jejak"],
            "metode": found["metode"]}


def sensitivity_sentence(analysis: Analysis) -> str:
    """The pemda figure of the year under the rules in force and each setting that moves it."""
    return _year(analysis, sensitivity=True)["kalimat"]


def _clean(analysis: Analysis) -> pd.DataFrame:
    """The rows scored (the OPDs without a galat), with their source columns."""
    table = analysis.table
    return table[~table["kode_opd"].isin(list(analysis.errors_opd))].reset_index(drop=True)


def _year(analysis: Analysis, sensitivity: bool = False) -> dict:
    """What was computed for ``analysis``: ``reviu`` and ``jejak``, and with ``sensitivity`` also
    ``metode`` and ``kalimat`` (only the overview needs them: an OPD page does not pay for them)."""
    memo = _MEMO.get(id(analysis))
    if memo is None or memo[0] is not analysis:
        while len(_MEMO) >= 4:
            _MEMO.pop(next(iter(_MEMO)))
        memo = _MEMO[id(analysis)] = (analysis, {})
    found = memo[1]
    if "reviu" not in found:
        found.update(_flags_and_trace(analysis))
    if sensitivity and "metode" not in found:
        found.update(_sensitivity(analysis))
    return found


def _flags_and_trace(analysis: Analysis) -> dict:
    rules, tahun = analysis.params.rules, analysis.tahun
    table = _clean(analysis)
    flags = reviu_flags(table, rules, analysis.params.reviu, tahun)
    columns = [*PEMDA_COLUMNS, "judul"] if "kode_pemda" in flags else REVIU_COLUMNS
    flags = flags.assign(judul=flags["kode"].map(pesan.REVIU_JUDUL)).reindex(columns=columns)
    for column in columns:
        if column not in ("baris", "tahun"):
            flags[column] = flags[column].map(lambda v: "" if v is None or (isinstance(v, float) and v != v) else str(v))
    flags["baris"] = pd.to_numeric(flags["baris"], errors="coerce").astype("Int64")
    raw = trace(table, rules, tahun=tahun, opd=analysis.loaded.opd)
    text = format_trace(raw)
    text.insert(2, "kode_opd", raw["kode_opd"].map(lambda v: "" if v is None or v != v else str(v)).to_numpy())
    order = {name: i for i, name in enumerate(READING_ORDER)}
    text = text.assign(_t=text["tingkat"].map(order), _i=range(len(text)))
    text = text.sort_values(["_t", "kode_opd", "_i"], kind="stable").drop(columns=["_t", "_i"])
    return {"reviu": flags.reset_index(drop=True), "jejak": text[JEJAK_COLUMNS].reset_index(drop=True)}


def _sensitivity(analysis: Analysis) -> dict:
    rules, tahun = analysis.params.rules, analysis.tahun
    table = _clean(analysis)
    tidy = table.drop(columns=[c for c in SOURCE if c in table])
    sensitivity = method_sensitivity(tidy, rules, opd=False)
    sensitivity = sensitivity[sensitivity["tahun"] == tahun]
    shown = sensitivity[(sensitivity["aturan"] == "berlaku") | ~sensitivity["berlaku"].astype(bool)]
    metode = pd.DataFrame({
        "setelan": [setting_label(a, n) for a, n in zip(shown["aturan"], shown["nilai"])],
        "aturan": shown["aturan"].astype(str).to_numpy(),
        "nilai": ["" if n is None else pesan.angka_aturan(n) if isinstance(n, float) else str(n) for n in shown["nilai"]],
        "berlaku": shown["aturan"].eq("berlaku").to_numpy(),
        "capaian": shown["capaian"].astype(float).to_numpy(),
        "predikat": shown["predikat"].fillna("").astype(str).to_numpy(),
        "selisih_poin": shown["selisih_poin"].astype(float).to_numpy(),
    }, columns=METODE_COLUMNS)
    return {"metode": metode, "kalimat": method_sentence(sensitivity, tahun)}
