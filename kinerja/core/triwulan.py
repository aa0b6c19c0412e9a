"""Quarterly monitoring (pemantauan triwulan): capaian s.d. triwulan n, by the rules of the year.

Each indicator may have, per triwulan 1–4, a quarterly target (rencana aksi) and realisasi (the
tidy ``triwulan`` table: ``[kode_pemda,] tahun, kode_opd, kode_indikator, triwulan, target,
realisasi``). Its ``sifat`` (column of the indicator table; empty: ``rules.sifat_bawaan``) says how
quarters add up, both to "s.d. triwulan n" and to the year (n = 4):

=============  ====================================  ==========================================
sifat          realisasi s.d. triwulan n             target s.d. triwulan n
=============  ====================================  ==========================================
kumulatif      sum of the realisasi of quarters 1..n  sum of the targets of quarters 1..n
akhir          realisasi of quarter n                target of quarter n
rata_rata      mean of the realisasi of quarters 1..n mean of the targets of quarters 1..n
=============  ====================================  ==========================================

Capaian s.d. triwulan n is the polarity formula of :mod:`kinerja.core.scoring` on these two
values; sasaran, OPD and pemda follow :mod:`kinerja.core.aggregate` with the same rules. A quarter
that is needed and not yet reported (empty realisasi) makes the indicator not computable, never 0:
``kumulatif`` and ``rata_rata`` need every quarter 1..n, ``akhir`` needs quarter n. Quarters after
n are not used. Pure: nothing here reads or writes a file.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
import pandas as pd

from kinerja.support import pesan
from kinerja.core.aggregate import pemda_keys
from kinerja.core.engine import score_table
from kinerja.core.rules import AKHIR, KUMULATIF, RATA_RATA, Rules

QUARTERS = (1, 2, 3, 4)
#: Columns of the tidy quarterly table (``kode_pemda`` too, when the data has several pemda).
TRIWULAN_COLUMNS = ["tahun", "kode_opd", "kode_indikator", "triwulan", "target", "realisasi"]
#: ``status`` of an indicator s.d. triwulan n.
TERTINGGAL, SESUAI, TIDAK_TERHITUNG = "tertinggal", "sesuai", "tidak dapat dihitung"


@dataclass(frozen=True)
class TriwulanResult:
    """Capaian s.d. triwulan n (percent, unrounded) at every level.

    Attributes:
        indikator: the rows of the year's indicator table with ``triwulan`` (n), ``sifat``,
            ``target`` and ``realisasi`` s.d. triwulan n, ``triwulan_dilaporkan`` (quarters 1..n
            with a realisasi), ``target_tahun`` and ``realisasi_tahun`` (the annual row),
            ``capaian``, ``predikat``, ``catatan``, ``tertinggal`` (capaian below
            ``rules.ambang_tertinggal``; False where not computable) and ``status``
            (``tertinggal``, ``sesuai``, ``tidak dapat dihitung``).
        sasaran, opd, pemda: as :class:`kinerja.core.engine.ScoreResult`, with ``triwulan``;
            ``opd`` and ``pemda`` also with ``jumlah_tertinggal``.
        rules: the rules used (``ambang_tertinggal`` is the threshold).
    """

    indikator: pd.DataFrame
    sasaran: pd.DataFrame
    opd: pd.DataFrame
    pemda: pd.DataFrame
    rules: Rules

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables by name, as ``kinerja score --triwulan`` writes them (``triwulan_indikator`` …)."""
        return {f"triwulan_{f.name}": getattr(self, f.name) for f in fields(self) if f.name != "rules"}


def empty_triwulan() -> pd.DataFrame:
    """A quarterly table without rows."""
    return pd.DataFrame({
        "tahun": pd.Series(dtype="Int64"), "kode_opd": pd.Series(dtype="str"),
        "kode_indikator": pd.Series(dtype="str"), "triwulan": pd.Series(dtype="Int64"),
        "target": pd.Series(dtype=float), "realisasi": pd.Series(dtype=float),
    })


def sifat_of(table: pd.DataFrame, rules: Rules) -> pd.Series:
    """The ``sifat`` of every row: the column where filled, ``rules.sifat_bawaan`` elsewhere."""
    if "sifat" not in table:
        return pd.Series(rules.sifat_bawaan, index=table.index, dtype="str")
    sifat = table["sifat"].astype("str").where(table["sifat"].notna(), "")
    return sifat.where(sifat != "", rules.sifat_bawaan)


def indicator_keys(table: pd.DataFrame, other: pd.DataFrame | None = None) -> list[str]:
    """The columns joining the quarterly table to the indicator table (``kode_pemda`` only when
    ``table``, and ``other`` if given, both have it)."""
    pemda = [k for k in pemda_keys(table) if other is None or k in other]
    return [*pemda, "tahun", "kode_opd", "kode_indikator"]


def quarters_wide(triwulan: pd.DataFrame, keys: list[str] | None = None) -> pd.DataFrame:
    """One row per indicator (key columns as the index) with ``target_1`` … ``target_4`` and
    ``realisasi_1`` … ``realisasi_4`` (NaN: quarter absent or empty). A quarter given twice is a
    validation galat; here the first row counts."""
    keys = keys or indicator_keys(triwulan)
    rows = triwulan.dropna(subset=[*keys, "triwulan"]).drop_duplicates([*keys, "triwulan"])
    rows = rows[rows["triwulan"].isin(QUARTERS)]
    wide = rows.pivot(index=keys, columns="triwulan", values=["target", "realisasi"])
    wide = wide.reindex(columns=pd.MultiIndex.from_product([["target", "realisasi"], QUARTERS]))
    wide.columns = [f"{value}_{int(q)}" for value, q in wide.columns]
    return wide.astype(float)


def up_to(wide: pd.DataFrame, sifat: pd.Series, n: int) -> pd.DataFrame:
    """Target and realisasi s.d. triwulan ``n`` of each row of ``wide`` (see the module table),
    with ``sifat`` aligned to ``wide``'s rows; NaN where a needed quarter is empty. Also
    ``triwulan_dilaporkan`` and ``triwulan_kosong`` (the first needed quarter without a realisasi,
    0 when none is missing)."""
    if n not in QUARTERS:
        raise ValueError(pesan.TRIWULAN_TIDAK_SAH_N.format(triwulan=n))
    sifat = np.asarray(sifat, dtype=object)
    out = {}
    for value in ("target", "realisasi"):
        block = wide[[f"{value}_{q}" for q in range(1, n + 1)]].to_numpy(dtype=float)
        complete = ~np.isnan(block).any(axis=1)
        with np.errstate(invalid="ignore"):
            total = np.where(complete, np.nansum(block, axis=1), np.nan)
        out[value] = np.select(
            [sifat == KUMULATIF, sifat == RATA_RATA, sifat == AKHIR],
            [total, total / n, block[:, n - 1]],
            default=np.nan,
        )
    reported = wide[[f"realisasi_{q}" for q in range(1, n + 1)]].notna().to_numpy()
    needed = np.where((sifat == AKHIR)[:, None], np.arange(1, n + 1) == n, True)
    missing = needed & ~reported
    first_missing = np.where(missing.any(axis=1), missing.argmax(axis=1) + 1, 0)
    return pd.DataFrame(
        {"target": out["target"], "realisasi": out["realisasi"], "triwulan_dilaporkan": reported.sum(axis=1),
         "triwulan_kosong": first_missing},
        index=wide.index,
    )


def year_from_quarters(table: pd.DataFrame, triwulan: pd.DataFrame, rules: Rules) -> pd.DataFrame:
    """The year of each row of ``table`` made from its quarters (s.d. triwulan 4): columns
    ``target_triwulan`` and ``realisasi_triwulan``, indexed like ``table``; NaN where the row has
    no quarters or a needed quarter is empty."""
    both = _joined(table, triwulan, rules, 4)
    return pd.DataFrame({"target_triwulan": both["target"], "realisasi_triwulan": both["realisasi"]}, index=table.index)


def fill_year_from_quarters(table: pd.DataFrame, triwulan: pd.DataFrame, rules: Rules) -> pd.DataFrame:
    """``table`` with an empty annual ``target`` or ``realisasi`` taken from the consolidated
    quarters (all four needed quarters present), so a year reported by quarters only is scored
    from them. A filled annual value is kept (validation reports it when it disagrees)."""
    if triwulan is None or triwulan.empty or "kode_indikator" not in table:
        return table
    year = year_from_quarters(table, triwulan, rules)
    target_empty = table["target"].isna()
    if "target_bawah" in table:
        target_empty &= table["target_bawah"].isna() & table["target_atas"].isna()
    fill_target = target_empty & year["target_triwulan"].notna()
    fill_realisasi = table["realisasi"].isna() & year["realisasi_triwulan"].notna()
    if not (fill_target.any() or fill_realisasi.any()):
        return table
    return table.assign(
        target=table["target"].where(~fill_target, year["target_triwulan"]),
        realisasi=table["realisasi"].where(~fill_realisasi, year["realisasi_triwulan"]),
    )


def score_triwulan(table: pd.DataFrame, triwulan: pd.DataFrame, rules: Rules | None = None,
                   tahun: int | None = None, sampai: int = 4) -> TriwulanResult:
    """Capaian s.d. triwulan ``sampai`` of the year ``tahun`` (default: the latest year of
    ``triwulan``) for every indicator of that year, and its sasaran, OPD and pemda means.

    ``table`` is the validated tidy indicator table (the annual rows give sasaran, polaritas,
    rumus, sifat); ``triwulan`` the tidy quarterly table. An indicator without quarters, or with a
    needed quarter not yet reported, stays in the table with an empty capaian and a catatan.
    """
    rules = rules or Rules()
    if tahun is None:
        years = triwulan["tahun"].dropna() if not triwulan.empty else table["tahun"].dropna()
        tahun = int(years.max())
    year = table[table["tahun"] == tahun]
    both = _joined(year, triwulan, rules, sampai)
    frame = year.assign(
        target=both["target"], realisasi=both["realisasi"], target_bawah=np.nan, target_atas=np.nan,
    )
    scored = score_table(frame, rules)
    indikator = scored.indikator
    order = _order_of(year, indikator)
    both = both.loc[order].reset_index(drop=True)
    catatan = indikator["catatan"].astype("str").to_numpy(dtype=object)
    no_quarters = both["triwulan_dilaporkan"].isna().to_numpy()
    empty_quarter = ~no_quarters & (both["triwulan_kosong"] > 0).to_numpy()
    for q in QUARTERS:
        catatan[empty_quarter & (both["triwulan_kosong"] == q).to_numpy()] = pesan.CATATAN_TRIWULAN_KOSONG.format(triwulan=q)
    catatan[no_quarters] = pesan.CATATAN_TANPA_TRIWULAN
    catatan = pd.Series(catatan, dtype="str")
    capaian = indikator["capaian"]
    behind = (capaian < rules.ambang_tertinggal).fillna(False).astype(bool)
    status = np.where(capaian.isna(), TIDAK_TERHITUNG, np.where(behind, TERTINGGAL, SESUAI))
    annual = year.loc[order]
    indikator = indikator.assign(
        triwulan=sampai,
        sifat=both["sifat"].to_numpy(),
        triwulan_dilaporkan=both["triwulan_dilaporkan"].fillna(0).astype(int).to_numpy(),
        target_tahun=annual["target"].to_numpy(),
        realisasi_tahun=annual["realisasi"].to_numpy(),
        catatan=catatan.to_numpy(),
        tertinggal=behind.to_numpy(),
        status=status,
    ).drop(columns=["target_bawah", "target_atas"])
    pemda = pemda_keys(indikator)
    opd_behind = indikator.groupby([*pemda, "tahun", "kode_opd"], sort=False)["tertinggal"].sum().rename("jumlah_tertinggal")
    pemda_behind = indikator.groupby([*pemda, "tahun"], sort=False)["tertinggal"].sum().rename("jumlah_tertinggal")
    return TriwulanResult(
        indikator=indikator,
        sasaran=scored.sasaran.assign(triwulan=sampai),
        opd=scored.opd.join(opd_behind, on=[*pemda, "tahun", "kode_opd"]).assign(triwulan=sampai),
        pemda=scored.pemda.join(pemda_behind, on=[*pemda, "tahun"]).assign(triwulan=sampai),
        rules=rules,
    )


def score_quarters(table: pd.DataFrame, triwulan: pd.DataFrame, rules: Rules | None = None,
                   tahun: int | None = None, sampai: int = 4) -> TriwulanResult:
    """:func:`score_triwulan` for every n from 1 to ``sampai``, stacked (column ``triwulan``):
    the path of the year quarter by quarter, for a chart."""
    results = [score_triwulan(table, triwulan, rules, tahun, n) for n in range(1, sampai + 1)]
    stacked = {f.name: pd.concat([getattr(r, f.name) for r in results], ignore_index=True)
               for f in fields(TriwulanResult) if f.name != "rules"}
    return TriwulanResult(**stacked, rules=results[0].rules)


def quarter_values(table: pd.DataFrame, triwulan: pd.DataFrame, rules: Rules | None = None,
                   tahun: int | None = None) -> pd.DataFrame:
    """One row per indicator of the year and quarter 1–4: the key columns, ``indikator``,
    ``sifat``, ``triwulan``, the quarter's own ``target_triwulan`` and ``realisasi_triwulan``,
    and ``target``, ``realisasi``, ``capaian`` s.d. that quarter (for the quarterly chart)."""
    rules = rules or Rules()
    scored = score_quarters(table, triwulan, rules, tahun, 4).indikator
    keys = indicator_keys(scored, triwulan)
    wide = quarters_wide(triwulan, keys)
    own = []
    for q in QUARTERS:
        part = wide[[f"target_{q}", f"realisasi_{q}"]].rename(
            columns={f"target_{q}": "target_triwulan", f"realisasi_{q}": "realisasi_triwulan"})
        own.append(part.assign(triwulan=q).reset_index())
    own = pd.concat(own, ignore_index=True) if own else pd.DataFrame(columns=[*keys, "triwulan"])
    columns = [*keys, "sasaran", "indikator", "satuan", "polaritas", "sifat", "triwulan", "target", "realisasi",
               "capaian", "status"]
    return scored[columns].merge(own, on=[*keys, "triwulan"], how="left")


def _joined(table: pd.DataFrame, triwulan: pd.DataFrame, rules: Rules, n: int) -> pd.DataFrame:
    """Target/realisasi s.d. triwulan ``n`` for each row of ``table`` (same index), with ``sifat``;
    ``triwulan_dilaporkan`` is NaN for a row without any quarter."""
    sifat = sifat_of(table, rules)
    if triwulan is None or triwulan.empty or "kode_indikator" not in table:
        return pd.DataFrame({"target": np.nan, "realisasi": np.nan, "triwulan_dilaporkan": np.nan,
                             "triwulan_kosong": 0, "sifat": sifat}, index=table.index)
    keys = indicator_keys(table, triwulan)
    wide = quarters_wide(triwulan, keys)
    at = pd.MultiIndex.from_frame(table[keys].astype(object))
    position = wide.index.get_indexer(at)
    found = position >= 0
    rows = wide.iloc[np.where(found, position, 0)].set_axis(table.index)
    values = up_to(rows, sifat, n)
    values.loc[~found, ["target", "realisasi", "triwulan_dilaporkan"]] = np.nan
    values.loc[~found, "triwulan_kosong"] = 0
    return values.assign(sifat=sifat)


def _order_of(year: pd.DataFrame, indikator: pd.DataFrame) -> pd.Index:
    """The index labels of ``year`` in the order :func:`score_table` put its rows."""
    from kinerja.core.engine import canonical_order

    return canonical_order(year).index
