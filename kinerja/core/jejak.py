"""Jejak (trace): how every published number was obtained, as data.

One row per indicator capaian, sasaran mean, OPD capaian, pemda capaian and year-over-year change
(indicator, OPD and pemda), with what went in and the rules in force. Pure: the numbers are floats, the text
is built at the edge (:mod:`kinerja.render.jejak` turns a row into "(2 − 6,5 / 7) × 100 = 107,14").

Columns of :func:`trace`:

* ``tingkat``: ``indikator``, ``sasaran``, ``opd``, ``pemda``, ``perubahan_indikator``,
  ``perubahan_opd``, ``perubahan_pemda``;
* ``tahun``, ``kode_pemda`` (when the input has it), ``kode_opd``, ``sasaran``, ``kode_indikator``,
  ``kunci`` (a readable key: ``2024 · D01 · Sasaran … · 1.1``);
* ``capaian``: the number traced (percent, unrounded; for a change: ``selisih_poin``);
* ``metode``: for an indicator the formula used (``positif``, ``negatif_selisih``,
  ``negatif_rasio``, ``stabil``, ``dalam_rentang``, ``nol_nol``, ``tidak_dihitung``); for a mean
  the aggregation (``rata_rata``, ``bertingkat``, ``bobot``, ``rata_opd``); for a change ``selisih``;
* ``nilai``: tuple of the numbers that went in: for an indicator ``(realisasi, target used)``; for
  a mean the values averaged **before** the cap; for a change ``(capaian t, capaian t−1)``;
* ``bobot``: tuple of the weights of ``nilai`` (all 1 for a plain mean; empty for an indicator);
* ``label``: tuple naming each value of ``nilai`` (indicator, sasaran or OPD);
* ``dikeluarkan``: tuple of ``(label, reason)`` of what was left out of the mean;
* ``batas_atas``: the cap applied to ``nilai`` in this mean (NaN: none; a bertingkat OPD mean takes
  sasaran means that are already capped, so it has none of its own);
* ``batas_berlaku``: the cap of the rules in force (NaN: none), as printed beside the figure;
* ``mentah``: for an indicator the formula's value before the floor (NaN elsewhere);
* ``lantai``, ``polaritas``, ``target_bawah``, ``target_atas`` (indicators);
* ``pembulatan``: the decimals indicator capaian are rounded to before they enter a mean
  (``pembulatan_sebelum_rata``; NaN: none); ``nilai`` of a mean over indicators holds the
  rounded values;
* ``batas_indikator``: the indicator-level cap of the rules (``batas_atas_indikator``, where the
  rules have that setting; NaN: none);
* ``sumber``: tuple of ``(berkas, lembar, baris)`` of the input rows behind the number;
* ``catatan``: the indicator's note (why it is not computable, floored, capped in the means) or
  the change's note ("tidak dapat dibandingkan …"); empty elsewhere.

A mean is recomputed from a row alone as ``Σ wᵢ·min(vᵢ, batas_atas) / Σ wᵢ`` over ``nilai`` and
``bobot`` (a test does exactly that for every OPD and the pemda).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from kinerja.core.aggregate import pemda_keys
from kinerja.core.engine import ScoreResult, score_table
from kinerja.core.rules import NEGATIF, POSITIF, RUMUS_RASIO, STABIL, Rules
from kinerja.core.scoring import round_half_away

TINGKAT = ("indikator", "sasaran", "opd", "pemda", "perubahan_indikator", "perubahan_opd", "perubahan_pemda")
COLUMNS = ["tingkat", "tahun", "kode_pemda", "kode_opd", "sasaran", "kode_indikator", "kunci", "capaian", "metode",
           "nilai", "bobot", "label", "dikeluarkan", "batas_atas", "batas_berlaku", "mentah", "lantai", "polaritas",
           "target_bawah", "target_atas", "batas_indikator", "pembulatan", "sumber", "catatan"]
#: Reasons a value is left out of a mean (codes; the text is in :mod:`kinerja.support.pesan`).
TIDAK_TERHITUNG, BOBOT_KOSONG, BOBOT_NOL = "tidak_terhitung", "bobot_kosong", "bobot_nol"


def trace(table: pd.DataFrame, rules: Rules | None = None, tahun: int | None = None, kode_opd: str | None = None,
          opd: pd.DataFrame | None = None) -> pd.DataFrame:
    """The jejak of a validated tidy table (see the module docstring for the columns).

    ``table`` may keep the source columns ``_berkas, _lembar, _baris`` (:attr:`kinerja.LoadedData.table`):
    they fill ``sumber``. All years are scored together (the changes need the year before);
    ``tahun`` and ``kode_opd`` keep only the rows of that year and OPD (the pemda rows of the year
    stay). ``opd`` is the OPD master list (renames), as for :func:`~kinerja.core.engine.score_table`.
    """
    rules = rules or Rules()
    result = score_table(table, rules, opd=opd)
    return trace_result(result, tahun=tahun, kode_opd=kode_opd)


def trace_result(result: ScoreResult, tahun: int | None = None, kode_opd: str | None = None) -> pd.DataFrame:
    """The jejak of a scoring run whose ``indikator`` table kept the source columns (or not)."""
    rules = result.rules
    ind = result.indikator
    if tahun is not None:
        ind = ind[ind["tahun"] == tahun]
    if kode_opd is not None:
        ind = ind[ind["kode_opd"] == kode_opd]
    cap = np.nan if rules.batas_atas is None else rules.batas_atas
    pemda = pemda_keys(result.indikator)
    records = _records(ind, rules)
    rows: list[dict] = []
    rows += _indicator_rows(records, rules, cap, pemda)
    rows += _sasaran_rows(ind, records, result.sasaran, cap, pemda)
    rows += _opd_rows(ind, records, result.sasaran, result.opd, rules, cap, pemda, tahun, kode_opd)
    full = result.indikator if tahun is None else result.indikator[result.indikator["tahun"] == tahun]
    rows += _pemda_rows(full, result.opd, result.pemda, rules, cap, pemda, tahun)
    rows += _change_rows(result, tahun, kode_opd, cap)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    if rules.pembulatan_sebelum_rata is not None:  # the means over indicator capaian
        over_indicators = (frame["tingkat"] == "sasaran") | (
            frame["tingkat"].isin(["opd", "pemda"]) & frame["metode"].isin(["rata_rata", "bobot"]))
        frame.loc[over_indicators, "pembulatan"] = float(rules.pembulatan_sebelum_rata)
    if not pemda:
        frame = frame.drop(columns=["kode_pemda"])
    return frame


def recompute(row: pd.Series | dict) -> float:
    """A mean recomputed from its jejak row alone: ``Σ w·min(v, batas_atas) / Σ w`` (NaN if empty)."""
    values = np.asarray(row["nilai"], dtype=float)
    weights = np.asarray(row["bobot"], dtype=float)
    if not len(values) or weights.sum() <= 0:
        return float("nan")
    cap = row["batas_atas"]
    if cap == cap:  # not NaN
        values = np.minimum(values, cap)
    return float((values * weights).sum() / weights.sum())


# --- the levels ---------------------------------------------------------------------------------

def _base(tingkat: str, tahun, kunci: str, capaian: float, metode: str, cap: float, **extra) -> dict:
    row = dict.fromkeys(COLUMNS)
    row.update(tingkat=tingkat, tahun=int(tahun), kunci=kunci, capaian=float(capaian) if capaian == capaian else np.nan,
               metode=metode, nilai=(), bobot=(), label=(), dikeluarkan=(), batas_atas=np.nan, batas_berlaku=cap,
               mentah=np.nan, lantai=np.nan, target_bawah=np.nan, target_atas=np.nan, batas_indikator=np.nan,
               pembulatan=np.nan, sumber=(), catatan="")
    row.update(extra)
    return row


def _records(frame: pd.DataFrame, rules: Rules) -> list[dict]:
    """The rows as plain dicts (one conversion; row access through pandas is far slower), with
    ``_masuk``: the capaian as it enters a mean before the cap (rounded when the rules say so)."""
    columns = [c for c in ("kode_pemda", "tahun", "kode_opd", "nama_opd", "sasaran", "kode_indikator", "indikator",
                           "polaritas", "target", "target_bawah", "target_atas", "realisasi", "rumus", "capaian",
                           "catatan", "_berkas", "_lembar", "_baris") if c in frame]
    entering = frame["capaian"]
    if rules.pembulatan_sebelum_rata is not None:
        entering = round_half_away(entering, rules.pembulatan_sebelum_rata)
    return frame[columns].assign(_masuk=entering).to_dict("records")


def _source_of(record: dict) -> tuple | None:
    if "_berkas" not in record:
        return None
    baris = record.get("_baris")
    return (_s(record["_berkas"]), _s(record.get("_lembar")), None if baris is None or pd.isna(baris) else int(baris))


def _sources(records: list[dict]) -> tuple:
    return tuple(source for source in map(_source_of, records) if source is not None)


def _s(value) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and value != value) else str(value)


def _name(row) -> str:
    code = _s(row.get("kode_indikator", ""))
    return f"{code} {row['indikator']}".strip() if code else str(row["indikator"])


def _keys(row, pemda: list[str]) -> dict:
    return {"kode_pemda": row["kode_pemda"] if "kode_pemda" in pemda else None}


def _indicator_rows(records: list[dict], rules: Rules, cap: float, pemda: list[str]) -> list[dict]:
    rows = []
    lantai = np.nan if rules.lantai is None else rules.lantai
    indicator_cap = getattr(rules, "batas_atas_indikator", None)  # a setting the rules may have
    indicator_cap = np.nan if indicator_cap is None else float(indicator_cap)
    for row in records:
        metode, used, raw = _formula(row, rules)
        kunci = " · ".join([str(row["tahun"]), _s(row["kode_opd"]), _s(row["sasaran"]), _name(row)])
        source = _source_of(row)
        rows.append(_base(
            "indikator", row["tahun"], kunci, row["capaian"], metode, cap, **_keys(row, pemda),
            kode_opd=row["kode_opd"], sasaran=row["sasaran"], kode_indikator=_s(row.get("kode_indikator", "")),
            nilai=(_f(row["realisasi"]), used), label=("realisasi", "target"), mentah=raw,
            lantai=lantai, polaritas=row["polaritas"], batas_indikator=indicator_cap,
            target_bawah=_f(row.get("target_bawah")), target_atas=_f(row.get("target_atas")),
            sumber=() if source is None else (source,), catatan=_s(row["catatan"]),
        ))
    return rows


def _formula(row, rules: Rules) -> tuple[str, float, float]:
    """(method, target used, value before the floor) of one scored indicator row."""
    r, t = _f(row["realisasi"]), _f(row["target"])
    bawah, atas = _f(row.get("target_bawah")), _f(row.get("target_atas"))
    if row["capaian"] != row["capaian"]:
        return "tidak_dihitung", t, np.nan
    used = t
    if t != t and bawah == bawah and atas == atas:
        if bawah <= r <= atas:
            return "dalam_rentang", np.nan, 100.0
        used = bawah if r < bawah else atas
    if used == 0 and r == 0:
        return "nol_nol", used, 100.0
    polarity = row["polaritas"]
    rumus = _s(row.get("rumus", "")).strip().lower()
    with np.errstate(divide="ignore", invalid="ignore"):
        if polarity == POSITIF:
            return "positif", used, _div(r, used) * 100.0
        if polarity == NEGATIF:
            if rumus == RUMUS_RASIO or (rumus == "" and rules.rumus_negatif == RUMUS_RASIO):
                return "negatif_rasio", used, _div(used, r) * 100.0
            return "negatif_selisih", used, (2.0 - _div(r, used)) * 100.0
        if polarity == STABIL:
            return "stabil", used, 100.0 - _div(abs(r - used), used) * 100.0
    return "tidak_dihitung", used, np.nan


def _div(a: float, b: float) -> float:
    if b == 0:
        return float("nan") if a == 0 else math.copysign(float("inf"), a)
    return a / b


def _f(value) -> float:
    try:
        return float("nan") if value is None or pd.isna(value) else float(value)
    except (TypeError, ValueError):
        return float("nan")


def _mean_parts(records: list[dict], labels: list[str], values: list[float], weights: list[float] | None = None):
    """(nilai, bobot, label, dikeluarkan) of one mean over ``records``."""
    nilai, bobot, label, out = [], [], [], []
    for i in range(len(records)):
        v = values[i]
        w = 1.0 if weights is None else weights[i]
        if v != v:
            out.append((labels[i], TIDAK_TERHITUNG))
        elif weights is not None and w != w:
            out.append((labels[i], BOBOT_KOSONG))
        elif weights is not None and w == 0:
            out.append((labels[i], BOBOT_NOL))
        else:
            nilai.append(float(v))
            bobot.append(float(w))
            label.append(labels[i])
    return tuple(nilai), tuple(bobot), tuple(label), tuple(out)


def _published(table: pd.DataFrame, keys: list[str]) -> dict:
    """capaian of a result table by its keys (the figure as :func:`score_table` published it)."""
    return dict(zip(table[keys].itertuples(index=False, name=None), table["capaian"]))


def _groups(frame: pd.DataFrame, keys: list[str]) -> list[tuple[tuple, np.ndarray]]:
    """(key tuple, row positions) of each group of ``frame``, in order of first appearance."""
    if frame.empty:
        return []
    grouped = frame.groupby(keys, sort=False, dropna=False)
    ids = grouped.ngroup().to_numpy()
    order = np.argsort(ids, kind="stable")
    bounds = np.flatnonzero(np.diff(ids[order])) + 1
    positions = np.split(order, bounds)
    firsts = frame[keys].iloc[[p[0] for p in positions]].itertuples(index=False, name=None)
    return list(zip(firsts, positions))


def _sasaran_rows(ind: pd.DataFrame, records: list[dict], sasaran: pd.DataFrame, cap: float, pemda: list[str]) -> list[dict]:
    rows = []
    keys = [*pemda, "tahun", "kode_opd", "sasaran"]
    published = _published(sasaran, keys)
    for key, positions in _groups(ind, keys):
        group = [records[i] for i in positions]
        first = group[0]
        nilai, bobot, label, out = _mean_parts(group, [_name(r) for r in group], [_f(r["_masuk"]) for r in group])
        rows.append(_base("sasaran", first["tahun"], " · ".join([str(first["tahun"]), _s(first["kode_opd"]),
                                                                 _s(first["sasaran"])]),
                          published[key], "rata_rata", cap, **_keys(first, pemda), kode_opd=first["kode_opd"],
                          sasaran=first["sasaran"], nilai=nilai, bobot=bobot, label=label, dikeluarkan=out,
                          batas_atas=cap, sumber=_sources(group)))
    return rows


def _opd_rows(ind, records, sasaran, opd_table, rules: Rules, cap: float, pemda, tahun, kode_opd) -> list[dict]:
    rows = []
    keys = [*pemda, "tahun", "kode_opd"]
    published = _published(opd_table, keys)
    if tahun is not None:
        sasaran = sasaran[sasaran["tahun"] == tahun]
    if kode_opd is not None:
        sasaran = sasaran[sasaran["kode_opd"] == kode_opd]
    sas_records = sasaran[[*keys, "sasaran", "capaian"]].to_dict("records")
    sas_groups = {key: [sas_records[i] for i in positions] for key, positions in _groups(sasaran, keys)}
    weights_all = pd.to_numeric(ind["bobot"]).tolist() if rules.agregasi_opd == "bobot" else None
    for key, positions in _groups(ind, keys):
        group = [records[i] for i in positions]
        first = group[0]
        kunci = f"{first['tahun']} · {_s(first['kode_opd'])} {_s(first.get('nama_opd', ''))}".strip()
        common = dict(**_keys(first, pemda), kode_opd=first["kode_opd"], sumber=_sources(group))
        if rules.agregasi_opd == "bertingkat":
            sas = sas_groups[key]
            nilai, bobot, label, out = _mean_parts(sas, [_s(r["sasaran"]) for r in sas], [_f(r["capaian"]) for r in sas])
            rows.append(_base("opd", first["tahun"], kunci, published[key], "bertingkat", cap,
                              nilai=nilai, bobot=bobot, label=label, dikeluarkan=out, **common))
        else:
            weights = None if weights_all is None else [_f(weights_all[i]) for i in positions]
            nilai, bobot, label, out = _mean_parts(group, [_name(r) for r in group], [_f(r["_masuk"]) for r in group],
                                                   weights)
            rows.append(_base("opd", first["tahun"], kunci, published[key], rules.agregasi_opd, cap,
                              nilai=nilai, bobot=bobot, label=label, dikeluarkan=out, batas_atas=cap, **common))
    return rows


def _pemda_rows(ind, opd_table, pemda_table, rules: Rules, cap: float, pemda, tahun) -> list[dict]:
    rows = []
    keys = [*pemda, "tahun"]
    published = _published(pemda_table, keys)
    if tahun is not None:
        opd_table = opd_table[opd_table["tahun"] == tahun]
    opd_records = opd_table[[*keys, "kode_opd", "nama_opd", "capaian"]].to_dict("records")
    opd_groups = {key: [opd_records[i] for i in positions] for key, positions in _groups(opd_table, keys)}
    records = _records(ind, rules) if rules.agregasi_pemda == "rata_rata" else None
    for key, positions in _groups(ind, keys):
        first = dict(zip(keys, key))
        kunci = " · ".join([str(first["tahun"]), *([_s(first["kode_pemda"])] if pemda else []), "pemda"])
        if rules.agregasi_pemda == "rata_opd":
            opds = opd_groups[key]
            names = [f"{_s(r['kode_opd'])} {_s(r['nama_opd'])}".strip() for r in opds]
            nilai, bobot, label, out = _mean_parts(opds, names, [_f(r["capaian"]) for r in opds])
            metode, applied = f"rata_opd ({rules.agregasi_opd})", np.nan
        else:
            group = [records[i] for i in positions]
            nilai, bobot, label, out = _mean_parts(group, [_name(r) for r in group], [_f(r["_masuk"]) for r in group])
            metode, applied = "rata_rata", cap
        rows.append(_base("pemda", first["tahun"], kunci, published[key], metode, cap, **_keys(first, pemda),
                          nilai=nilai, bobot=bobot, label=label, dikeluarkan=out, batas_atas=applied))
    return rows


def _change_rows(result: ScoreResult, tahun, kode_opd, cap: float) -> list[dict]:
    rows = []
    pemda = pemda_keys(result.indikator)
    levels = (("perubahan_indikator", result.perubahan_indikator), ("perubahan_opd", result.perubahan_opd),
              ("perubahan_pemda", result.perubahan_pemda))
    for tingkat, table in levels:
        if tahun is not None:
            table = table[table["tahun"] == tahun]
        if kode_opd is not None and tingkat != "perubahan_pemda":
            table = table[table["kode_opd"] == kode_opd]
        for row in table.to_dict("records"):
            if tingkat == "perubahan_pemda":
                who = "pemda"
            elif tingkat == "perubahan_opd":
                who = _s(row["kode_opd"])
            else:
                who = f"{_s(row['kode_opd'])} · {_name(row)}"
            kunci = f"{row['tahun']} vs {row['tahun'] - 1} · {who}"
            rows.append(_base(tingkat, row["tahun"], kunci, row["selisih_poin"], "selisih", cap,
                              kode_pemda=row["kode_pemda"] if pemda else None,
                              kode_opd=row["kode_opd"] if tingkat != "perubahan_pemda" else None,
                              kode_indikator=_s(row.get("kode_indikator")) if tingkat == "perubahan_indikator" else None,
                              nilai=(_f(row["capaian"]), _f(row["capaian_sebelumnya"])),
                              label=(str(row["tahun"]), str(row["tahun"] - 1)), mentah=_f(row["perubahan_persen"]),
                              catatan=_s(row["catatan"])))
    return rows


def _tuple(key) -> tuple:
    return key if isinstance(key, tuple) else (key,)
