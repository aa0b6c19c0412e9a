"""The five-year plan on an OPD page: capaian terhadap target akhir periode (Renstra) of each
indicator of the year, and the plan's path of yearly targets beside the realisasi.

:func:`renstra_tables` gives the two tables :func:`kinerja.pages.build.opd` adds to the OPD page
(none when the data has no ``renstra`` sheet; empty, with their columns, for an OPD outside the
plan): kept apart from the yearly
tables so the page builder only gains one line.
"""

from __future__ import annotations

import pandas as pd

from kinerja.core.renstra import progress_to_plan
from kinerja.inputs.readers import SOURCE_COLUMNS
from kinerja.pages.analysis import Analysis

#: Columns of the ``renstra`` table of an OPD page.
RENSTRA_COLUMNS = ["kode_indikator", "indikator", "satuan", "polaritas", "realisasi", "periode", "target_renstra",
                   "target_akhir", "tahun_akhir", "capaian_akhir_periode", "catatan"]
#: Columns of the ``renstra_jalur`` table (the plan's path, with the realisasi of past years).
PATH_COLUMNS = ["kode_indikator", "indikator", "satuan", "periode", "tahun", "target_renstra", "realisasi",
                "target_akhir", "tahun_akhir"]


def renstra_tables(analysis: Analysis, kode_opd: str) -> dict[str, pd.DataFrame]:
    """``renstra``: every indicator of ``kode_opd`` in :attr:`Analysis.tahun` that lies in a
    Renstra period, with the plan's target for the year, the target akhir periode and the capaian
    terhadap target akhir periode (polarity formula of the year with the end target; unrounded,
    uncapped). ``renstra_jalur``: for those indicators, each year of the period with the plan's
    target and the realisasi of the years up to :attr:`Analysis.tahun` (empty later). No tables
    at all when the data has no ``renstra`` sheet."""
    plan = analysis.loaded.renstra
    if plan.empty:
        return {}  # no renstra sheet: the OPD page keeps its yearly tables only
    empty = {"renstra": _empty(RENSTRA_COLUMNS), "renstra_jalur": _empty(PATH_COLUMNS)}
    table = analysis.table
    mine = table[(table["kode_opd"] == kode_opd) & (table["tahun"] <= analysis.tahun)]
    mine = mine.drop(columns=[c for c in SOURCE_COLUMNS if c in mine])
    if "kode_indikator" not in mine or mine.empty:
        return empty
    whole = analysis.renstra_path  # the plan's path of every OPD: made once per year, not per page
    progress = progress_to_plan(mine[mine["tahun"] == analysis.tahun], plan, analysis.params.rules, whole)
    if progress.empty:
        return empty
    path = whole[whole["kode_indikator"].isin(progress["kode_indikator"])
                 & whole["periode"].isin(progress["periode"])]
    realised = mine[["kode_indikator", "tahun", "realisasi"]].dropna(subset=["kode_indikator"])
    realised = realised.drop_duplicates(["kode_indikator", "tahun"])
    path = path.merge(realised, on=["kode_indikator", "tahun"], how="left")
    path = path.merge(progress[["kode_indikator", "indikator", "satuan"]].drop_duplicates("kode_indikator"),
                      on="kode_indikator", how="left")
    return {
        "renstra": progress[RENSTRA_COLUMNS].reset_index(drop=True),
        "renstra_jalur": path[PATH_COLUMNS].sort_values(["kode_indikator", "tahun"], kind="stable").reset_index(drop=True),
    }


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype="float") for name in columns})
