"""Year-over-year change of capaian, per indicator, OPD and pemda.

* ``selisih_poin`` = capaian(t) − capaian(t−1), in percentage points (*poin*);
* ``perubahan_persen`` = (capaian(t) / capaian(t−1) − 1) × 100, the relative change in percent.

Bengkulu 2024 vs 2023: 100,86 − 100,50 = +0,36 poin, and +0,358 % relative.

Every year t of the data whose previous year t−1 is also in the data gets a comparison. Entities
are matched across the two years (indicators by ``kode_indikator``, then by OPD and normalised
name; OPDs by ``kode_opd``; the pemda by ``kode_pemda`` when present). An entity present in only
one of the two years, or whose capaian is not computable in either, gets empty numbers and a
``catatan`` starting with "tidak dapat dibandingkan": never a made-up number.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kinerja import pesan
from kinerja.aggregate import pemda_keys

VALUE_COLUMNS = ["capaian", "capaian_sebelumnya", "selisih_poin", "perubahan_persen", "catatan"]


def compare_years(
    table: pd.DataFrame,
    keys: list[str],
    labels: list[str],
    match_passes: list[list[str]] | None = None,
    successors: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Compare each year with the year before, for one level of aggregation.

    ``table`` has ``tahun``, ``capaian`` and the ``keys`` and ``labels`` columns. ``match_passes``
    lists the column sets that identify an entity across years, tried in order (rows matched by
    an earlier pass are not matched again; a pass skips rows with an empty key). By default the
    single pass is ``keys``. ``successors`` maps a ``kode_opd`` to the code of the OPD that replaced
    it (rename or merge, from the OPD master list): a previous-year row of an OPD that is gone is
    matched under its successor's code when exactly one OPD became that successor. Returns ``tahun, *keys, *labels`` and :data:`VALUE_COLUMNS`, one row per
    entity present in year t or t−1, for every t whose t−1 is in the data.
    """
    passes = match_passes or [keys]
    years = sorted(int(year) for year in table["tahun"].unique())
    pieces = []
    for year in years:
        if year - 1 not in years:
            continue
        now = table[table["tahun"] == year].reset_index(drop=True)
        before = table[table["tahun"] == year - 1].reset_index(drop=True)
        if successors and "kode_opd" in table:
            before = _renamed(before, now, successors)
        pairs = _match(now, before, passes)
        pieces.append(_compare(year, now, before, pairs, keys, labels))
    if not pieces:
        return pd.DataFrame(columns=["tahun", *keys, *labels, *VALUE_COLUMNS])
    return pd.concat(pieces, ignore_index=True)


def _renamed(before: pd.DataFrame, now: pd.DataFrame, successors: dict[str, str]) -> pd.DataFrame:
    """``before`` with the codes of OPDs that were renamed by ``now`` replaced by their successor's."""
    gone = set(before["kode_opd"].dropna()) - set(now["kode_opd"].dropna())
    moves = {old: new for old, new in successors.items() if old in gone and new in set(now["kode_opd"])}
    moves = {old: new for old, new in moves.items() if new not in set(before["kode_opd"])}
    targets = pd.Series(list(moves.values()))
    moves = {old: new for old, new in moves.items() if (targets == new).sum() == 1}  # merges of several: no match
    if not moves:
        return before
    return before.assign(kode_opd=before["kode_opd"].replace(moves))


def successor_map(opd: pd.DataFrame | None) -> dict[str, str]:
    """``kode_opd`` → ``digantikan_oleh`` from an OPD master list (empty when there is none)."""
    if opd is None or opd.empty or "digantikan_oleh" not in opd:
        return {}
    rows = opd[opd["digantikan_oleh"].notna() & opd["kode_opd"].notna()]
    return dict(zip(rows["kode_opd"], rows["digantikan_oleh"]))


def indicator_match_passes(table: pd.DataFrame) -> list[list[str]]:
    """How indicators are matched across years: by ``kode_indikator``, then by OPD and normalised
    name (column ``_nama``)."""
    pemda = pemda_keys(table)
    by_name = [*pemda, "kode_opd", "_nama"]
    return [[*pemda, "kode_indikator"], by_name] if "kode_indikator" in table else [by_name]


def _match(now: pd.DataFrame, before: pd.DataFrame, passes: list[list[str]]) -> pd.DataFrame:
    """Pairs of row positions (``now``, ``before``; -1 where unmatched) over all passes."""
    free_now = pd.Series(True, index=now.index)
    free_before = pd.Series(True, index=before.index)
    matched = []
    for columns in passes:
        if not columns:  # a level with one entity per year (a single pemda)
            pairs = pd.DataFrame({"now": now.index[:1], "before": before.index[:1]}) if len(before) else None
            if pairs is not None and len(pairs):
                free_now[pairs["now"]] = False
                free_before[pairs["before"]] = False
                matched.append(pairs)
            continue
        left = now.loc[free_now & now[columns].notna().all(axis=1), columns].reset_index(names="now")
        right = before.loc[free_before & before[columns].notna().all(axis=1), columns].reset_index(names="before")
        pairs = left.merge(right, on=columns, how="inner", validate="one_to_one")[["now", "before"]]
        free_now[pairs["now"]] = False
        free_before[pairs["before"]] = False
        matched.append(pairs)
    only_now = pd.DataFrame({"now": free_now.index[free_now], "before": -1})
    only_before = pd.DataFrame({"now": -1, "before": free_before.index[free_before]})
    return pd.concat([*matched, only_now, only_before], ignore_index=True)


def _compare(
    year: int, now: pd.DataFrame, before: pd.DataFrame, pairs: pd.DataFrame, keys: list[str], labels: list[str]
) -> pd.DataFrame:
    has_now = pairs["now"].to_numpy() >= 0
    has_before = pairs["before"].to_numpy() >= 0
    pick_now = now.reindex(pairs["now"].to_numpy()).reset_index(drop=True)
    pick_before = before.reindex(pairs["before"].to_numpy()).reset_index(drop=True)
    identity = pick_now[keys + labels].combine_first(pick_before[keys + labels])

    current = pick_now["capaian"].to_numpy(dtype=float, na_value=np.nan)
    previous = pick_before["capaian"].to_numpy(dtype=float, na_value=np.nan)
    comparable = ~np.isnan(current) & ~np.isnan(previous)
    with np.errstate(divide="ignore", invalid="ignore"):
        selisih = np.where(comparable, current - previous, np.nan)
        relative = np.where(comparable & (previous != 0), (current / previous - 1.0) * 100.0, np.nan)

    notes = np.full(len(pairs), "", dtype=object)
    notes[comparable & (previous == 0)] = pesan.PERUBAHAN_DASAR_NOL
    notes[has_now & has_before & np.isnan(previous)] = pesan.TIDAK_DAPAT_DIBANDINGKAN_TAK_TERHITUNG.format(tahun=year - 1)
    notes[has_now & has_before & np.isnan(current)] = pesan.TIDAK_DAPAT_DIBANDINGKAN_TAK_TERHITUNG.format(tahun=year)
    notes[has_now & has_before & np.isnan(current) & np.isnan(previous)] = (
        pesan.TIDAK_DAPAT_DIBANDINGKAN_KEDUANYA.format(tahun=year, sebelumnya=year - 1)
    )
    notes[~has_before] = pesan.TIDAK_DAPAT_DIBANDINGKAN_BARU.format(tahun=year - 1)
    notes[~has_now] = pesan.TIDAK_DAPAT_DIBANDINGKAN_HILANG.format(tahun=year)

    result = identity.assign(
        capaian=current,
        capaian_sebelumnya=previous,
        selisih_poin=selisih,
        perubahan_persen=relative,
        catatan=pd.array(notes, dtype="str"),
    )
    result.insert(0, "tahun", year)
    return result[["tahun", *keys, *labels, *VALUE_COLUMNS]]


def normalised_name(names: pd.Series) -> pd.Series:
    """Indicator names as matched across years: case-folded, punctuation dropped, spaces collapsed."""
    return (
        names.astype("str")
        .str.casefold()
        .str.replace(r"[^\w%]+", " ", regex=True)
        .str.strip()
    )


def change_indikator(indikator: pd.DataFrame, successors: dict[str, str] | None = None) -> pd.DataFrame:
    """Per indicator: matched by ``kode_indikator`` where both years have it, then by OPD (after
    renames in ``successors``) and normalised indicator name."""
    pemda = pemda_keys(indikator)
    table = indikator.assign(_nama=normalised_name(indikator["indikator"]))
    if "kode_indikator" not in table:
        table["kode_indikator"] = pd.Series(pd.NA, index=table.index, dtype="str")
    keys = [*pemda, "kode_opd", "nama_opd", "kode_indikator", "indikator"]
    return compare_years(table, keys=keys, labels=[], match_passes=indicator_match_passes(table), successors=successors)


def change_opd(opd: pd.DataFrame, successors: dict[str, str] | None = None) -> pd.DataFrame:
    """Per OPD, matched by ``kode_opd`` (a renamed OPD through ``successors``)."""
    pemda = pemda_keys(opd)
    return compare_years(opd, keys=[*pemda, "kode_opd"], labels=["nama_opd"], successors=successors)


def change_pemda(pemda_table: pd.DataFrame) -> pd.DataFrame:
    """Per pemda (one row per year for a single-pemda project)."""
    return compare_years(pemda_table, keys=pemda_keys(pemda_table), labels=[])
