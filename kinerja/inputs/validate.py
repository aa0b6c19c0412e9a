"""Checks on what was read, before any scoring. Every failure is collected, not just the first,
each naming its file, sheet, row and column through the source columns ``_berkas``, ``_lembar``,
``_baris`` that :mod:`kinerja.inputs.readers` attaches.

* The indicator table against its declared contract (:func:`kinerja.inputs.schema.kinerja_contract`,
  checked by pandera): must-fill cells, targets and ranges, formulas, weights, duplicates; and
  ``kode_opd`` as the name of the OPD's files (:mod:`kinerja.support.names`), an OPD whose every bobot is 0.
* Across tables: OPD codes against the master list (and its validity dates), the budget sheet.
* Across years: a ``kode_indikator`` reused for another indicator, years that do not match the
  file name or the params, a target that jumped more than ×10 from last year (warning), and OPDs
  whose realisasi equal the target for every indicator (warning).
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from kinerja.support import names, pesan

from kinerja.inputs import schema
from kinerja.core.aggregate import pemda_keys
from kinerja.core.arrays import row_ids
from kinerja.core.change import indicator_match_passes, match_years, normalised_name, successor_map
from kinerja.inputs.findings import GALAT, PERINGATAN, Finding, cell_text
from kinerja.core.rules import Rules

#: A target that changed by more than this factor from last year is reported as a warning.
TARGET_JUMP = 10.0


def validate_table(table: pd.DataFrame, rules: Rules, nama: pd.Series | None = None) -> list[Finding]:
    """Findings about the indicator table alone (its contract and row-level warnings). ``nama``:
    the normalised indicator names (:func:`kinerja.core.change.normalised_name`) when the caller
    has them already."""
    if table.empty:
        return []
    findings: list[Finding] = []
    keyed = table.assign(_nama=normalised_name(table["indikator"]) if nama is None else nama)
    report = _Reporter(keyed, findings)
    failures = _contract_failures(keyed, rules)
    for (check, column), rows in failures.groupby(["check", "column"], sort=False)["index"]:
        mask = keyed.index.isin(rows)
        if check == "not_nullable":
            report(mask, column, pesan.WAJIB_DIISI)
            continue
        kolom, key = schema.ROW_CHECKS[check]
        message = getattr(pesan, key)
        if check in ("indikator_ganda", "kode_indikator_ganda"):
            keys = [*pemda_keys(keyed), *(schema.INDICATOR_KEYS if check == "indikator_ganda" else ["tahun", "kode_indikator"])]
            first = keyed.groupby(keys, sort=False, dropna=False)[["_berkas", "_baris"]].transform("first").loc[mask]
            message = [message.format(berkas=f, baris=b) for f, b in zip(first["_berkas"], first["_baris"])]
        elif check == "nama_opd_berbeda":
            keys = [*pemda_keys(keyed), "tahun", "kode_opd"]
            first = keyed.groupby(keys, sort=False, dropna=False)["nama_opd"].transform("first").loc[mask]
            message = [message.format(nama=name) for name in first]
        report(mask, kolom, message)
    if "satuan" in keyed:
        report(keyed["satuan"].isna(), "satuan", pesan.SATUAN_KOSONG, PERINGATAN)
    _pemda_columns(keyed, report)
    _opd_codes(keyed, report)
    _all_weights_zero(keyed, rules, report)
    return findings


def _opd_codes(table: pd.DataFrame, report: _Reporter) -> None:
    """``kode_opd`` values as the names of the OPD's files (:mod:`kinerja.support.names`).

    Galat: a code that cannot be a code at all (longer than :data:`kinerja.support.names.MAX_KODE`, a
    control character, no letter or digit), on every row with it; two codes of one pemda and year
    whose files would be one file on Windows or macOS (``dinkes`` and ``DINKES``), on the rows of
    the later code, naming the first row of the earlier. Warning: a usable code that is not its
    own file name (``a/b``, ``CON``, a leading ``-``), once per code, saying the name used."""
    if "kode_opd" not in table:
        return
    codes = table["kode_opd"]
    position, uniques = pd.factorize(codes)  # each distinct code looked at once; −1 where missing
    distinct = [str(code) for code in uniques]
    problems = {code: names.unusable(code) for code in distinct}
    problem = np.array([problems[code] for code in distinct] + [None], dtype=object)[position]
    for key, message in _KODE_TIDAK_SAH.items():
        report(problem == key, "kode_opd", message)
    usable = (position >= 0) & np.equal(problem, None)
    renamed = {code: names.file_name(code) for code in distinct if problems[code] is None and not names.is_plain(code)}
    if renamed:
        first = usable & codes.isin(list(renamed)).to_numpy(dtype=bool) & ~table.duplicated([*pemda_keys(table), "kode_opd"]).to_numpy(dtype=bool)
        messages = [pesan.KODE_OPD_NAMA_BERKAS.format(nama=renamed[code]) for code in codes[first]]
        report(first, "kode_opd", messages, PERINGATAN)
    # codes whose files would be one file: the same clash key in one pemda and year
    clash_key = {code: names.clash_key(code) for code in distinct if problems[code] is None}
    key_codes, _ = pd.factorize(pd.Series([clash_key.get(code) for code in distinct] + [None], dtype=object))
    rows = np.flatnonzero(usable)
    keyed = pd.DataFrame({"_kunci": key_codes[position[rows]]})
    for column in [*pemda_keys(table), "tahun"]:
        keyed[column] = table[column].array.take(rows)
    group = row_ids(keyed, [*pemda_keys(table), "tahun", "_kunci"], missing_as_value=True)
    first_of = rows[np.flatnonzero(_first_of_group(group))][group]  # the first row of each row's group
    clash = position[rows] != position[first_of]
    if clash.any():
        other = first_of[clash]
        messages = [
            pesan.KODE_OPD_BENTROK.format(kode=k, berkas=b, baris=r)
            for k, b, r in zip(codes.iloc[other], table["_berkas"].iloc[other], table["_baris"].iloc[other])
        ]
        at = np.zeros(len(table), dtype=bool)
        at[rows[clash]] = True
        report(at, "kode_opd", messages)


def _all_weights_zero(table: pd.DataFrame, rules: Rules, report: _Reporter) -> None:
    """Under ``agregasi_opd: bobot``, an OPD (in a year) whose every bobot is 0: its weighted mean
    is 0/0, so it would get no capaian. A galat on the OPD's first row. (Empty bobot are their own
    galat, ``BOBOT_WAJIB``; an OPD with some bobot 0 and others positive is fine: those indicators
    just do not count.)"""
    if rules.agregasi_opd != "bobot" or "bobot" not in table:
        return
    group = row_ids(table, [*pemda_keys(table), "tahun", "kode_opd"], missing_as_value=True)
    nonzero = (table["bobot"] != 0).fillna(False).to_numpy(dtype=bool)  # a missing bobot does not count
    all_zero = np.bincount(group, weights=nonzero, minlength=len(table)) == 0
    report(all_zero[group] & _first_of_group(group), "bobot", pesan.BOBOT_SEMUA_NOL)


def _first_of_group(group: np.ndarray) -> np.ndarray:
    """True on the first row of each group (``group``: integer ids)."""
    return ~pd.Series(group).duplicated().to_numpy()


#: Galat messages of :func:`kinerja.support.names.unusable`, by its keys.
_KODE_TIDAK_SAH = {
    "panjang": pesan.KODE_OPD_PANJANG.format(batas=names.MAX_KODE),
    "kendali": pesan.KODE_OPD_KENDALI,
    "tanpa_huruf": pesan.KODE_OPD_TANPA_HURUF,
}


def _pemda_columns(table: pd.DataFrame, report: _Reporter) -> None:
    """Several pemda in one dataset: ``kode_pemda`` on every row, one ``nama_pemda`` per code, and
    no ``nama_pemda`` without ``kode_pemda`` (it alone would not split the aggregates)."""
    if "kode_pemda" in table:
        report(table["kode_pemda"].isna(), "kode_pemda", pesan.KODE_PEMDA_KOSONG)
        if "nama_pemda" in table:
            rows = table.loc[table[["kode_pemda", "nama_pemda"]].notna().all(axis=1), ["kode_pemda", "nama_pemda"]]
            first = rows.groupby("kode_pemda", sort=False)["nama_pemda"].transform("first")
            differs = rows["nama_pemda"] != first
            report(differs, "nama_pemda", [pesan.NAMA_PEMDA_BERBEDA.format(nama=n) for n in first[differs]])
    elif "nama_pemda" in table:
        report(table["nama_pemda"].notna(), "nama_pemda", pesan.NAMA_PEMDA_TANPA_KODE)


def validate_inputs(
    kinerja: pd.DataFrame,
    rules: Rules,
    opd: pd.DataFrame | None = None,
    anggaran: pd.DataFrame | None = None,
    tahun: int | None = None,
) -> list[Finding]:
    """Every finding about the inputs: :func:`validate_table` plus the checks across tables and
    years. ``tahun`` is the fiscal year of the params in force (None: not checked)."""
    if kinerja.empty:
        return validate_table(kinerja, rules)
    nama = normalised_name(kinerja["indikator"])  # once, for the three checks that match by name
    findings = validate_table(kinerja, rules, nama)
    opd = opd if opd is not None else pd.DataFrame()
    anggaran = anggaran if anggaran is not None else pd.DataFrame()
    findings += _master_list(kinerja, opd)
    findings += _budget(anggaran, kinerja, opd)
    findings += _years(kinerja, tahun)
    findings += _reused_codes(kinerja, opd, nama)
    findings += _target_jumps(kinerja, opd, nama)
    findings += _realisasi_equals_target(kinerja)
    return findings


class _Reporter:
    """Turns a boolean mask over a table into findings for one column."""

    def __init__(self, table: pd.DataFrame, findings: list[Finding]):
        self.table, self.findings = table, findings

    def __call__(self, mask, kolom: str, message: str | list[str], tingkat: str = GALAT) -> None:
        """One finding per row where ``mask`` holds; ``message`` is one text or one per such row."""
        if isinstance(mask, pd.Series):
            mask = mask.reindex(self.table.index, fill_value=False).fillna(False).to_numpy(dtype=bool)
        mask = np.asarray(mask, dtype=bool)
        if not mask.any():
            return
        rows = self.table.loc[mask]
        values = rows[kolom] if kolom in rows else pd.Series(pd.NA, index=rows.index)
        texts = [message] * len(rows) if isinstance(message, str) else list(message)
        for berkas, lembar, baris, value, text in zip(rows["_berkas"], rows["_lembar"], rows["_baris"], values, texts):
            self.findings.append(Finding(str(berkas), str(lembar), int(baris), kolom, cell_text(value), text, tingkat))


def _contract_failures(table: pd.DataFrame, rules: Rules) -> pd.DataFrame:
    """Failure cases of the pandera contract: one row per (check, column, index)."""
    import pandera.errors

    contract = schema.kinerja_contract(rules, pemda_keys(table))
    try:
        contract.validate(table, lazy=True)
    except pandera.errors.SchemaErrors as error:
        cases = error.failure_cases
        cases = cases[cases["index"].notna()]
        columns = cases["column"].where(cases["check"] == "not_nullable", "")
        return pd.DataFrame({"check": cases["check"].astype(str), "column": columns.astype(str), "index": cases["index"]})
    return pd.DataFrame(columns=["check", "column", "index"])


def _master_list(kinerja: pd.DataFrame, opd: pd.DataFrame) -> list[Finding]:
    findings: list[Finding] = []
    if opd.empty:
        return findings
    # the same list in several workbooks (one per year) is fine: only rows that disagree count
    content = [c for c in schema.OPD_COLUMNS if c in opd]
    opd = opd.drop_duplicates(content, keep="first")
    report_opd = _Reporter(opd, findings)
    codes = opd["kode_opd"].notna()
    repeated = codes & opd.duplicated("kode_opd", keep="first")
    if repeated.any():
        first = opd[codes].groupby("kode_opd", sort=False)[["_berkas", "_baris"]].transform("first").loc[repeated]
        report_opd(repeated, "kode_opd", [pesan.OPD_INDUK_GANDA.format(berkas=f, baris=b) for f, b in zip(first["_berkas"], first["_baris"])])
    if "digantikan_oleh" in opd:
        unknown = opd["digantikan_oleh"].notna() & ~opd["digantikan_oleh"].isin(opd["kode_opd"])
        report_opd(unknown, "digantikan_oleh", pesan.OPD_PENGGANTI_TIDAK_ADA)
    if {"berlaku_mulai", "berlaku_sampai"} <= set(opd.columns):
        report_opd(opd["berlaku_mulai"] > opd["berlaku_sampai"], "berlaku_sampai", pesan.OPD_BERLAKU_TERBALIK)

    master = opd.drop_duplicates("kode_opd").set_index("kode_opd")
    report = _Reporter(kinerja, findings)
    known = kinerja["kode_opd"].isin(master.index)
    report(kinerja["kode_opd"].notna() & ~known, "kode_opd", pesan.OPD_TIDAK_DI_INDUK)
    year = kinerja["tahun"].astype("Float64")
    starts = kinerja["kode_opd"].map(master["berlaku_mulai"]) if "berlaku_mulai" in master else None
    ends = kinerja["kode_opd"].map(master["berlaku_sampai"]) if "berlaku_sampai" in master else None
    outside = pd.Series(False, index=kinerja.index)
    if starts is not None:
        outside |= (year < starts.dt.year.astype("Float64")).fillna(False).astype(bool)
    if ends is not None:
        outside |= (year > ends.dt.year.astype("Float64")).fillna(False).astype(bool)
    if outside.any():
        names = kinerja.loc[outside, "kode_opd"].map(master["nama_opd"])
        messages = [pesan.OPD_TIDAK_BERLAKU.format(nama=n, tahun=t) for n, t in zip(names, kinerja.loc[outside, "tahun"])]
        report(outside & known, "tahun", messages)
    return findings


def _budget(anggaran: pd.DataFrame, kinerja: pd.DataFrame, opd: pd.DataFrame) -> list[Finding]:
    findings: list[Finding] = []
    if anggaran.empty:
        return findings
    report = _Reporter(anggaran, findings)
    keys = ["tahun", "kode_opd"]
    usable = anggaran[keys].notna().all(axis=1)
    report(usable & anggaran.duplicated(keys, keep="first"), "kode_opd", pesan.ANGGARAN_GANDA)
    for column in ("pagu", "realisasi_anggaran"):
        if column in anggaran:
            report(anggaran[column] < 0, column, pesan.ANGGARAN_NEGATIF)
    if "realisasi_anggaran" in anggaran:
        report(anggaran["realisasi_anggaran"] > anggaran["pagu"], "realisasi_anggaran", pesan.ANGGARAN_LEWAT_PAGU, PERINGATAN)
    known = set(kinerja["kode_opd"].dropna()) | (set(opd["kode_opd"].dropna()) if not opd.empty else set())
    report(anggaran["kode_opd"].notna() & ~anggaran["kode_opd"].isin(known), "kode_opd", pesan.ANGGARAN_OPD_TIDAK_DIKENAL)
    return findings


_YEAR_IN_NAME = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")


def _years(kinerja: pd.DataFrame, tahun: int | None) -> list[Finding]:
    """Rows whose year differs from the year in their file name, or lies after the params year;
    and params whose year the data does not have at all."""
    findings: list[Finding] = []
    report = _Reporter(kinerja, findings)
    names = pd.Series(kinerja["_berkas"].unique())
    file_years = {
        name: int(found[0]) for name in names
        if len(found := _YEAR_IN_NAME.findall(Path(name).stem)) == 1
    }
    if file_years:
        expected = kinerja["_berkas"].map(file_years).astype("Float64")
        wrong = (expected.notna() & (kinerja["tahun"].astype("Float64") != expected)).fillna(False).astype(bool)
        report(wrong, "tahun", [pesan.TAHUN_BEDA_BERKAS.format(tahun=int(t)) for t in expected[wrong]])
    if tahun is not None:
        report(kinerja["tahun"] > tahun, "tahun", pesan.TAHUN_LEWAT_PARAMS.format(tahun=tahun))
        if not (kinerja["tahun"] == tahun).any():
            findings.append(Finding("", "", None, "tahun", str(tahun), pesan.TAHUN_TIDAK_ADA_DATA.format(tahun=tahun)))
    return findings


def _reused_codes(kinerja: pd.DataFrame, opd: pd.DataFrame, nama: pd.Series) -> list[Finding]:
    """A ``kode_indikator`` that, across years, belongs to another OPD (after renames), or whose
    name and unit both changed: most likely reused for a different indicator."""
    findings: list[Finding] = []
    if "kode_indikator" not in kinerja or kinerja["kode_indikator"].isna().all():
        return findings
    successors = successor_map(opd)
    codes, distinct = pd.factorize(kinerja["kode_opd"])  # each distinct code followed once
    finals = pd.array([_final(code, successors) for code in distinct], dtype=kinerja["kode_opd"].dtype)
    owner = pd.Series(finals.take(codes, allow_fill=True), index=kinerja.index)
    group = row_ids(kinerja, [*pemda_keys(kinerja), "kode_indikator"])  # −1: a row without its keys (a galat of its own)
    columns = ["tahun", "satuan", "kode_indikator", "_berkas", "_lembar", "_baris"]
    frame = kinerja[columns].assign(_pemilik=owner, _nama=nama, _kunci=group)[group >= 0]
    first = frame.sort_values("tahun", kind="stable").groupby("_kunci", sort=False)
    reference = first[["_pemilik", "_nama", "satuan", "tahun", "_berkas", "_baris"]].transform("first").reindex(frame.index)
    other_opd = frame["_pemilik"] != reference["_pemilik"]
    other_thing = (frame["_nama"] != reference["_nama"]) & (frame["satuan"].fillna("") != reference["satuan"].fillna(""))
    report = _Reporter(frame, findings)
    mask = other_opd | other_thing
    messages = [
        pesan.KODE_INDIKATOR_DIPAKAI_LAGI.format(tahun=t, berkas=b, baris=r)
        for t, b, r in zip(reference.loc[mask, "tahun"], reference.loc[mask, "_berkas"], reference.loc[mask, "_baris"])
    ]
    report(mask, "kode_indikator", messages)
    return findings


def _target_jumps(kinerja: pd.DataFrame, opd: pd.DataFrame, nama: pd.Series) -> list[Finding]:
    """Targets that changed by more than ×10 (either way) from the same indicator last year.

    The indicators are paired across years exactly as scoring pairs them
    (:func:`kinerja.core.change.match_years`, the matching behind
    :func:`~kinerja.core.change.compare_years`), on row positions: only the rows that jumped are
    turned into text."""
    findings: list[Finding] = []
    frame = kinerja.assign(_nama=nama)
    passes = indicator_match_passes(frame)
    ids = [row_ids(frame, keys) for keys in passes]
    rows = np.flatnonzero(_matchable(frame, ids))
    year = frame["tahun"].to_numpy(dtype=float, na_value=np.nan)[rows]
    if len(np.unique(year)) < 2:
        return findings
    successors = successor_map(opd)
    if successors and "kode_opd" in frame:  # the renames need the key columns themselves
        table = frame[list(dict.fromkeys(["tahun", "kode_opd", *(c for keys in passes for c in keys)]))].iloc[rows]
    else:
        table = pd.DataFrame({"tahun": year.astype(np.int64)})
    matched = match_years(table, passes, successors, ids=[i[rows] for i in ids])
    if matched is None:
        return findings
    target = kinerja["target"].to_numpy(dtype=float, na_value=np.nan)[rows]
    has_now, has_before = matched.now >= 0, matched.before >= 0
    current = np.where(has_now, target[np.maximum(matched.now, 0)], np.nan)
    previous = np.where(has_before, target[np.maximum(matched.before, 0)], np.nan)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        both = ~np.isnan(current) & ~np.isnan(previous) & (previous > 0) & (current > 0)
        ratio = current / previous
        jumped = np.flatnonzero(both & ((ratio > TARGET_JUMP) | (ratio < 1 / TARGET_JUMP)))
    if not len(jumped):
        return findings
    now, before = rows[matched.now[jumped]], rows[np.maximum(matched.before[jumped], 0)]
    source = {}
    for column in ("_berkas", "_lembar", "_baris"):  # year t's cell, or year t−1's where t has none
        values = kinerja[column]
        missing = values.isna().to_numpy(dtype=bool)
        source[column] = pd.Series(_take_at(values, np.where(~missing[now], now, before))).tolist()
    message = pesan.TARGET_MELONJAK.format
    for berkas, lembar, baris, target_now, target_before, tahun in zip(
        source["_berkas"], source["_lembar"], source["_baris"], current[jumped].tolist(), previous[jumped].tolist(),
        matched.tahun[jumped].tolist(),
    ):
        findings.append(
            Finding(str(berkas), str(lembar), int(baris), "target", _positive_text(target_now),
                    message(sebelumnya=_positive_text(target_before), tahun=tahun - 1), PERINGATAN)
        )
    return findings


def _positive_text(value: float) -> str:
    """:func:`~kinerja.inputs.findings.cell_text` of a positive float (``7`` for 7.0), without its
    checks for missing values: called once per jumped target."""
    return str(int(value)) if value.is_integer() else str(value)


def _take_at(values: pd.Series, positions: np.ndarray):
    """``values`` at ``positions``, keeping the dtype."""
    if isinstance(values.dtype, np.dtype):
        return values.to_numpy()[positions]
    return values.array.take(positions)


def _matchable(table: pd.DataFrame, ids: list[np.ndarray]) -> np.ndarray:
    """Rows that can be matched across years: a year, and keys of no match pass shared with
    another row of the same year (such duplicates are galat of their own, and would make the
    one-to-one matching of :func:`kinerja.core.change.match_years` impossible). ``ids``: the
    :func:`~kinerja.core.arrays.row_ids` of each pass's keys."""
    year_codes, _ = pd.factorize(table["tahun"])  # −1 where missing
    has_year = year_codes >= 0
    ok = has_year.copy()
    for pass_ids in ids:
        filled = has_year & (pass_ids >= 0)
        combined = pass_ids[filled] * (year_codes.max() + 1) + year_codes[filled]
        codes, _ = pd.factorize(combined)
        shared = np.zeros(len(table), dtype=bool)
        shared[filled] = np.bincount(codes)[codes] > 1
        ok &= ~shared
    return ok


def _realisasi_equals_target(kinerja: pd.DataFrame) -> list[Finding]:
    """OPDs (with two or more indicators) whose every realisasi equals its target exactly."""
    group = row_ids(kinerja, [*pemda_keys(kinerja), "tahun", "kode_opd"], missing_as_value=True)
    same = kinerja["realisasi"].notna() & (kinerja["realisasi"] == kinerja["target"])
    differs = (~same).fillna(False).to_numpy(dtype=bool)  # an unknown comparison does not count
    size = np.bincount(group, minlength=len(kinerja))
    suspicious = (np.bincount(group, weights=differs, minlength=len(kinerja)) == 0) & (size >= 2)
    findings: list[Finding] = []
    mask = suspicious[group] & _first_of_group(group)
    names = kinerja.loc[mask, "nama_opd"]
    _Reporter(kinerja, findings)(mask, "realisasi", [pesan.REALISASI_SAMA_TARGET.format(nama=n) for n in names], PERINGATAN)
    return findings


def _final(code: str, successors: dict[str, str]) -> str:
    seen = set()
    while code in successors and code not in seen:
        seen.add(code)
        code = successors[code]
    return code



# --- quarterly sheet (triwulan) and five-year plan (renstra) ---

#: Annual and consolidated quarterly values agree when they differ by at most this (values are
#: typed with a few decimals; a mean of four quarters has more).
AGREEMENT = 0.005


def validate_triwulan(kinerja: pd.DataFrame, triwulan: pd.DataFrame, rules: Rules,
                      sampai: int | None = None) -> list[Finding]:
    """Findings about the quarterly table: a row without ``kode_indikator`` or without an
    indicator of that OPD and year in the indicator table, a quarter given twice, an empty
    quarter target, a missing earlier quarter, a realisasi after an empty one (warning),
    quarters after ``sampai`` (the quarter being monitored; warning), and an annual target or
    realisasi that disagrees with its four consolidated quarters."""
    from kinerja.core.triwulan import sifat_of, year_from_quarters

    findings: list[Finding] = []
    if triwulan is None or triwulan.empty:
        return findings
    report = _Reporter(triwulan, findings)
    keys = [*pemda_keys(triwulan), "tahun", "kode_opd", "kode_indikator"]
    report(triwulan["kode_indikator"].isna(), "kode_indikator", pesan.TRIWULAN_TANPA_KODE)
    _must_fill(triwulan, schema.TRIWULAN, report, skip=("kode_indikator",))
    usable = triwulan[keys + ["triwulan"]].notna().all(axis=1)
    if not kinerja.empty and "kode_indikator" in kinerja:
        common = [k for k in keys if k in kinerja]
        known = pd.MultiIndex.from_frame(kinerja[common].astype(object).dropna())
        at = pd.MultiIndex.from_frame(triwulan[common].astype(object))
        report(usable & ~at.isin(known), "kode_indikator", pesan.TRIWULAN_TANPA_INDIKATOR)
    else:
        report(usable, "kode_indikator", pesan.TRIWULAN_TANPA_INDIKATOR)
    twice = usable & triwulan.duplicated(keys + ["triwulan"], keep="first")
    if twice.any():
        first = triwulan[usable].groupby(keys + ["triwulan"], sort=False)[["_berkas", "_baris"]].transform("first").loc[twice]
        report(twice, "triwulan", [pesan.TRIWULAN_GANDA.format(berkas=f, baris=b) for f, b in zip(first["_berkas"], first["_baris"])])
    report(usable & triwulan["target"].isna(), "target", pesan.TRIWULAN_TARGET_KOSONG)
    rows = triwulan[usable & ~twice]
    grouped = rows.groupby(keys, sort=False)
    highest = grouped["triwulan"].transform("max")
    present = grouped["triwulan"].transform(lambda q: sum(1 << int(v) for v in q))
    first_row = ~rows.duplicated(keys)
    for q in (1, 2, 3):
        gap = first_row & (highest > q) & ((present & (1 << q)) == 0)
        messages = [pesan.TRIWULAN_HILANG.format(hilang=q, triwulan=int(h)) for h in highest[gap]]
        _Reporter(rows, findings)(gap, "triwulan", messages)
    reported = rows["realisasi"].notna()
    last_empty = rows.assign(_kosong=rows["triwulan"].where(rows["realisasi"].isna()))
    earliest_empty = last_empty.groupby(keys, sort=False)["_kosong"].transform("min")
    hole = reported & (earliest_empty < rows["triwulan"]).fillna(False).astype(bool)
    _Reporter(rows, findings)(hole, "realisasi", [pesan.TRIWULAN_BOLONG.format(triwulan=int(t), kosong=int(k))
                                                 for t, k in zip(rows.loc[hole, "triwulan"], earliest_empty[hole])], PERINGATAN)
    if sampai is not None:  # one warning per file and sheet, on its first such row, with the count
        beyond = reported & (rows["triwulan"] > sampai)
        counts = beyond.groupby([rows["_berkas"], rows["_lembar"]], sort=False).transform("sum")
        first = beyond & ~rows[beyond].duplicated(["_berkas", "_lembar"]).reindex(rows.index, fill_value=True)
        _Reporter(rows, findings)(first, "realisasi", [pesan.TRIWULAN_LEWAT.format(jumlah=int(n), sampai=sampai)
                                                      for n in counts[first]], PERINGATAN)
    if kinerja.empty or "kode_indikator" not in kinerja:
        return findings
    year = year_from_quarters(kinerja, triwulan, rules)
    sifat = sifat_of(kinerja, rules)
    annual = _Reporter(kinerja, findings)
    for kolom, label in (("target", "Target"), ("realisasi", "Realisasi")):
        made = year[f"{kolom}_triwulan"]
        differs = (kinerja[kolom].notna() & made.notna() & ((kinerja[kolom] - made).abs() > AGREEMENT)).fillna(False)
        annual(differs, kolom, [pesan.TAHUNAN_BEDA_TRIWULAN.format(kolom=label, tahunan=cell_text(a), sifat=s,
                                                                    gabungan=cell_text(round(float(m), 6)))
                                for a, m, s in zip(kinerja.loc[differs, kolom], made[differs], sifat[differs])])
    return findings


def validate_renstra(renstra: pd.DataFrame, kinerja: pd.DataFrame) -> list[Finding]:
    """Findings about the plan: a yearly target outside the row's period (galat) or missing
    inside it (warning), the same indicator twice in overlapping periods (galat), and a
    ``kode_indikator`` no indicator row has (warning)."""
    from kinerja.core.renstra import year_columns

    findings: list[Finding] = []
    if renstra is None or renstra.empty:
        return findings
    report = _Reporter(renstra, findings)
    _must_fill(renstra, schema.RENSTRA, report)
    first, last = renstra["tahun_awal"], renstra["tahun_akhir"]
    for tahun, column in year_columns(renstra).items():
        outside = renstra[column].notna() & ((first > tahun) | (last < tahun)).fillna(False).astype(bool)
        report(outside, column, [pesan.RENSTRA_TAHUN_DI_LUAR.format(tahun=tahun, periode=p) for p in renstra.loc[outside, "periode"]])
    for tahun in range(int(first.min()) if first.notna().any() else 0, int(last.max()) + 1 if last.notna().any() else 0):
        column = f"target_{tahun}"
        values = renstra[column] if column in renstra else pd.Series(np.nan, index=renstra.index)
        missing = values.isna() & (first <= tahun).fillna(False).astype(bool) & (last >= tahun).fillna(False).astype(bool)
        report(missing, column if column in renstra else "periode",
               [pesan.RENSTRA_TAHUN_KOSONG.format(tahun=tahun, periode=p) for p in renstra.loc[missing, "periode"]], PERINGATAN)
    keys = [*pemda_keys(renstra), "kode_indikator"]
    usable = renstra[keys + ["tahun_awal", "tahun_akhir"]].notna().all(axis=1)
    rows = renstra[usable]
    for key, group in rows.groupby(keys, sort=False):
        if len(group) < 2:
            continue
        ordered = group.sort_values("tahun_awal", kind="stable")
        reach = ordered["tahun_akhir"].cummax().shift()
        overlap = ordered["tahun_awal"] <= reach
        if overlap.any():
            earlier = ordered.iloc[0]
            report(renstra.index.isin(ordered.index[overlap.fillna(False).astype(bool)]), "periode",
                   pesan.RENSTRA_GANDA.format(berkas=earlier["_berkas"], baris=earlier["_baris"]))
    if not kinerja.empty and "kode_indikator" in kinerja:
        known = renstra["kode_indikator"].isin(kinerja["kode_indikator"].dropna())
        report(renstra["kode_indikator"].notna() & ~known, "kode_indikator", pesan.RENSTRA_TANPA_INDIKATOR, PERINGATAN)
    return findings


def _must_fill(table: pd.DataFrame, sheet: schema.Sheet, report: _Reporter, skip: tuple[str, ...] = ()) -> None:
    """Every empty cell of a must-fill column of ``sheet`` (a cell the reader could not parse is
    reported once, by the reader: see :func:`kinerja.inputs.findings.merge_findings`)."""
    for column in sheet.columns:
        if column.must_fill and column.name in table and column.name not in skip:
            report(table[column.name].isna(), column.name, pesan.WAJIB_DIISI)
