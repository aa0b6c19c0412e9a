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

from dataclasses import dataclass

import numpy as np
import pandas as pd

from kinerja.support import pesan
from kinerja.core.aggregate import pemda_keys, pemda_labels
from kinerja.core.arrays import row_ids, text_from_codes

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
    matched under its successor's code when exactly one OPD became that successor. Returns
    ``tahun, *keys, *labels`` and :data:`VALUE_COLUMNS`, one row per entity present in year t or
    t−1, for every t whose t−1 is in the data: first the matched pairs (pass by pass, in the order
    of the year-t rows), then the rows only in t, then the rows only in t−1. The key and label
    values are those of year t, or of t−1 where year t has none.

    Works on integer ids and row positions (text columns are taken once, at the end), so that a
    national table of a million rows is compared in well under a second.
    """
    matched = match_years(table, match_passes or [keys], successors)
    if matched is None:
        return pd.DataFrame(columns=["tahun", *keys, *labels, *VALUE_COLUMNS])
    year, now, before, compared, renamed = (
        matched.tahun, matched.now, matched.before, matched.compared, matched.renamed)
    has_now, has_before = now >= 0, before >= 0

    result = {"tahun": year}
    for column in [*keys, *labels]:
        if column in result:
            continue
        values = table[column]
        missing = values.isna().to_numpy(dtype=bool)
        source = np.where(has_now & ~missing[np.maximum(now, 0)], now, before)
        taken = _take(values, source)
        if column == "kode_opd" and any(renamed):
            taken = _rename_before_rows(taken, year, ~has_now, compared, renamed)
        result[column] = taken

    capaian = table["capaian"].to_numpy(dtype=float, na_value=np.nan)
    current = np.where(has_now, capaian[np.maximum(now, 0)], np.nan)
    previous = np.where(has_before, capaian[np.maximum(before, 0)], np.nan)
    comparable = ~np.isnan(current) & ~np.isnan(previous)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):  # ±inf from a tiny previous capaian
        selisih = np.where(comparable, current - previous, np.nan)
        relative = np.where(comparable & (previous != 0), (current / previous - 1.0) * 100.0, np.nan)

    # catatan as a code per row (0 = none), then one text per (year, code)
    both = has_now & has_before
    code = np.zeros(len(year), dtype=np.int64)
    code[comparable & (previous == 0)] = 1
    code[both & np.isnan(previous)] = 2
    code[both & np.isnan(current)] = 3
    code[both & np.isnan(current) & np.isnan(previous)] = 4
    code[~has_before] = 5
    code[~has_now] = 6
    texts = []
    for t in compared:
        texts += [
            "",
            pesan.PERUBAHAN_DASAR_NOL,
            pesan.TIDAK_DAPAT_DIBANDINGKAN_TAK_TERHITUNG.format(tahun=t - 1),
            pesan.TIDAK_DAPAT_DIBANDINGKAN_TAK_TERHITUNG.format(tahun=t),
            pesan.TIDAK_DAPAT_DIBANDINGKAN_KEDUANYA.format(tahun=t, sebelumnya=t - 1),
            pesan.TIDAK_DAPAT_DIBANDINGKAN_BARU.format(tahun=t - 1),
            pesan.TIDAK_DAPAT_DIBANDINGKAN_HILANG.format(tahun=t),
        ]
    year_index = np.searchsorted(np.asarray(compared), year)
    result.update(
        capaian=current,
        capaian_sebelumnya=previous,
        selisih_poin=selisih,
        perubahan_persen=relative,
        catatan=text_from_codes(year_index * 7 + code, texts),
    )
    return pd.DataFrame(result)[["tahun", *keys, *labels, *VALUE_COLUMNS]]


@dataclass(frozen=True)
class YearMatch:
    """Row positions matched across years by :func:`match_years`: output row ``i`` compares year
    ``tahun[i]`` (row ``now[i]`` of the table, −1 when the entity is only in ``tahun[i]`` − 1)
    with the year before (row ``before[i]``, −1 when only in ``tahun[i]``). ``compared`` lists the
    years t whose t−1 is in the data; ``renamed`` the OPD codes moved to their successor for each
    of them (old → new)."""

    tahun: np.ndarray
    now: np.ndarray
    before: np.ndarray
    compared: list[int]
    renamed: list[dict[str, str]]


def match_years(
    table: pd.DataFrame,
    match_passes: list[list[str]],
    successors: dict[str, str] | None = None,
    ids: list[np.ndarray | None] | None = None,
) -> YearMatch | None:
    """The pairs of rows :func:`compare_years` compares, as row positions (None when no year of
    ``table`` has its previous year in it), in the order of its output rows.

    ``ids``: the :func:`~kinerja.core.arrays.row_ids` of each pass over ``table`` (or of a larger
    table, taken at these rows), when the caller has them already.
    """
    renaming = bool(successors) and "kode_opd" in table
    year_of = table["tahun"].to_numpy(dtype=np.int64)
    years = sorted(set(np.unique(year_of).tolist()))
    compared = [year for year in years if year - 1 in years]
    if not compared:
        return None
    rows_of = {year: np.flatnonzero(year_of == year) for year in years}
    if ids is None:
        ids = [row_ids(table, columns) if columns else None for columns in match_passes]

    out_year, out_now, out_before, renamed = [], [], [], []
    for year in compared:
        now, before = rows_of[year], rows_of[year - 1]
        pass_ids = [(None, None) if i is None else (i[now], i[before]) for i in ids]
        moves = _moves(table["kode_opd"].iloc[before], table["kode_opd"].iloc[now], successors) if renaming else {}
        if moves:
            pair = table.iloc[np.concatenate([now, before])]
            pair = pair.assign(kode_opd=np.concatenate([
                pair["kode_opd"].iloc[: len(now)].to_numpy(dtype=object),
                pair["kode_opd"].iloc[len(now):].replace(moves).to_numpy(dtype=object),
            ]))
            local = [row_ids(pair, columns) if columns else None for columns in match_passes]
            pass_ids = [(None, None) if i is None else (i[: len(now)], i[len(now):]) for i in local]
        pick_now, pick_before = _match(pass_ids, len(now), len(before))
        out_year.append(np.full(len(pick_now), year, dtype=np.int64))
        out_now.append(np.where(pick_now >= 0, now[np.maximum(pick_now, 0)], -1))
        out_before.append(np.where(pick_before >= 0, before[np.maximum(pick_before, 0)], -1))
        renamed.append(moves)
    return YearMatch(np.concatenate(out_year), np.concatenate(out_now), np.concatenate(out_before), compared, renamed)


def _moves(before: pd.Series, now: pd.Series, successors: dict[str, str]) -> dict[str, str]:
    """The codes of OPDs of ``before`` (year t−1) renamed by ``now`` (year t): old → new code."""
    before_codes = set(before.dropna())
    now_codes = set(now.dropna())
    gone = before_codes - now_codes
    moves = {old: new for old, new in successors.items() if old in gone and new in now_codes}
    moves = {old: new for old, new in moves.items() if new not in before_codes}
    targets = pd.Series(list(moves.values()))
    return {old: new for old, new in moves.items() if (targets == new).sum() == 1}  # merges of several: no match


def _rename_before_rows(
    codes: pd.api.extensions.ExtensionArray, year: np.ndarray, from_before: np.ndarray, compared: list[int],
    renamed: list[dict[str, str]],
) -> pd.api.extensions.ExtensionArray:
    """``kode_opd`` of output rows taken from year t−1 under their successor's code, as matched."""
    codes = pd.Series(codes)
    for t, moves in zip(compared, renamed):
        if moves:
            rows = from_before & (year == t)
            codes[rows] = codes[rows].replace(moves)
    return codes.array


def _match(pass_ids: list[tuple[np.ndarray | None, np.ndarray | None]], n_now: int, n_before: int):
    """Pairs of row positions (year t, year t−1; −1 where unmatched) over all passes: matched pairs
    pass by pass in year-t order, then the year-t rows left, then the year t−1 rows left."""
    free_now = np.ones(n_now, dtype=bool)
    free_before = np.ones(n_before, dtype=bool)
    pick_now, pick_before = [], []
    for now_ids, before_ids in pass_ids:
        if now_ids is None:  # a level with one entity per year (a single pemda)
            if n_now and n_before:
                pick_now.append(np.array([0]))
                pick_before.append(np.array([0]))
                free_now[0] = free_before[0] = False
            continue
        left = np.flatnonzero(free_now & (now_ids >= 0))
        right = np.flatnonzero(free_before & (before_ids >= 0))
        left_keys, right_keys = now_ids[left], before_ids[right]
        size = int(max(left_keys.max(initial=-1), right_keys.max(initial=-1))) + 1
        if (np.bincount(left_keys, minlength=size).max(initial=0) > 1
                or np.bincount(right_keys, minlength=size).max(initial=0) > 1):
            raise pd.errors.MergeError("Merge keys are not unique in left or right dataset; not a one-to-one merge")
        position = np.full(size, -1, dtype=np.int64)  # ids are small non-negative ints: a lookup table
        position[right_keys] = right
        found = position[left_keys]
        hit = found >= 0
        pick_now.append(left[hit])
        pick_before.append(found[hit])
        free_now[left[hit]] = False
        free_before[found[hit]] = False
    only_now = np.flatnonzero(free_now)
    only_before = np.flatnonzero(free_before)
    return (
        np.concatenate([*pick_now, only_now, np.full(len(only_before), -1)]).astype(np.int64),
        np.concatenate([*pick_before, np.full(len(only_now), -1), only_before]).astype(np.int64),
    )


def _take(values: pd.Series, positions: np.ndarray):
    """``values`` at ``positions`` (−1 gives a missing value), keeping the dtype where it can."""
    if isinstance(values.dtype, np.dtype):
        return pd.api.extensions.take(values.to_numpy(), positions, allow_fill=True)
    return values.array.take(positions, allow_fill=True)


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


def normalised_name(names: pd.Series) -> pd.Series:
    """Indicator names as matched across years: case-folded, punctuation dropped, spaces collapsed.

    Each distinct name is normalised once (a national table repeats the same names in every pemda).
    """
    codes, uniques = pd.factorize(names.astype("str"))
    normal = (
        pd.Series(uniques, dtype="str")
        .str.casefold()
        .str.replace(r"[^\w%]+", " ", regex=True)
        .str.strip()
    )
    return pd.Series(normal.array.take(codes, allow_fill=True), index=names.index, name=names.name)


def change_indikator(indikator: pd.DataFrame, successors: dict[str, str] | None = None) -> pd.DataFrame:
    """Per indicator: matched by ``kode_indikator`` where both years have it, then by OPD (after
    renames in ``successors``) and normalised indicator name."""
    pemda = pemda_keys(indikator)
    keys = [*pemda, *pemda_labels(indikator), "kode_opd", "nama_opd", "kode_indikator", "indikator"]
    table = indikator[[column for column in ["tahun", "capaian", *keys] if column in indikator]]
    if "kode_indikator" not in table:
        table = table.assign(kode_indikator=pd.Series(pd.NA, index=table.index, dtype="str"))
    by_code = row_ids(table, [*pemda, "kode_indikator"])
    table = table.assign(_nama=_names_for_matching(table, by_code), _kode=pd.array(by_code, dtype="Int64"))
    table["_kode"] = table["_kode"].mask(by_code < 0)
    # the match by [pemda, kode_indikator] through the ids already computed (same pairs, faster)
    passes = [["_kode"] if p == [*pemda, "kode_indikator"] else p for p in indicator_match_passes(table)]
    return compare_years(table, keys=keys, labels=[], match_passes=passes, successors=successors)


def _names_for_matching(table: pd.DataFrame, by_code: np.ndarray) -> pd.Series:
    """:func:`normalised_name` of the indicators that may need the match by name, missing elsewhere
    (``by_code``: the :func:`~kinerja.core.arrays.row_ids` of pemda and ``kode_indikator``).

    An indicator whose ``kode_indikator`` is also in the year before and the year after (of those
    in the data) is always matched by code, so its name is never looked at; normalising only the
    others (new, dropped or uncoded indicators: a few percent) saves most of the time.
    """
    year = table["tahun"].to_numpy(dtype=np.int64)
    needs = by_code < 0
    if len(year) and not needs.all():
        step = year - year.min() + 1  # 1 … span−2, so that step ± 1 stays in range
        span = int(step.max()) + 2
        present = np.zeros((int(by_code.max()) + 1, span), dtype=bool)
        has_year = np.zeros(span, dtype=bool)
        has_year[step] = True
        coded = ~needs
        present[by_code[coded], step[coded]] = True
        for offset in (-1, 1):
            neighbour = step[coded] + offset
            needs[coded] |= has_year[neighbour] & ~present[by_code[coded], neighbour]
    names = pd.Series(np.nan, index=table.index, dtype="str")
    if needs.any():
        names[needs] = normalised_name(table["indikator"][needs]).to_numpy()
    return names


def change_opd(opd: pd.DataFrame, successors: dict[str, str] | None = None) -> pd.DataFrame:
    """Per OPD, matched by ``kode_opd`` (a renamed OPD through ``successors``)."""
    pemda = pemda_keys(opd)
    return compare_years(
        opd, keys=[*pemda, *pemda_labels(opd), "kode_opd"], labels=["nama_opd"],
        match_passes=[[*pemda, "kode_opd"]], successors=successors,
    )


def change_pemda(pemda_table: pd.DataFrame) -> pd.DataFrame:
    """Per pemda (one row per year for a single-pemda project)."""
    pemda = pemda_keys(pemda_table)
    return compare_years(pemda_table, keys=[*pemda, *pemda_labels(pemda_table)], labels=[], match_passes=[pemda])
