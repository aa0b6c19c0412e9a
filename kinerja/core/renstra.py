"""Progress toward the five-year plan (Renstra of an OPD, RPJMD of the pemda).

The tidy ``renstra`` table has one row per indicator and period: ``[kode_pemda,] kode_opd,
kode_indikator, periode`` (as written, e.g. ``2021–2026``), ``tahun_awal``, ``tahun_akhir``,
``target_akhir`` (the target for the end of the period) and one column ``target_<tahun>`` per year
of the period (NaN where the plan gives none).

Capaian terhadap target akhir periode = the polarity formula of :mod:`kinerja.core.scoring` with
T = ``target_akhir`` and R = the year's realisasi (Lampung, LKj 2015: AKB 4,88 against the 2019
target 24, negatif → (2 − 4,88 / 24) × 100 = 179,67). Indicators are matched by
``kode_indikator`` (within a pemda), so an OPD renamed during the period keeps its plan. Pure.
"""

from __future__ import annotations

import re

import pandas as pd

from kinerja.core.aggregate import pemda_keys
from kinerja.core.scoring import score_indicators
from kinerja.core.rules import Rules

TARGET_PREFIX = "target_"
_YEAR_COLUMN = re.compile(r"target_(\d{4})")


def year_columns(renstra: pd.DataFrame) -> dict[int, str]:
    """The yearly target columns of a renstra table: ``{2021: "target_2021", …}``, sorted."""
    found = {int(m.group(1)): c for c in renstra.columns if (m := _YEAR_COLUMN.fullmatch(str(c)))}
    return dict(sorted(found.items()))


def renstra_path(renstra: pd.DataFrame) -> pd.DataFrame:
    """The plan as a path of yearly targets: one row per indicator and year of its period with a
    target: ``[kode_pemda,] kode_opd, kode_indikator, periode, tahun, target_renstra,
    target_akhir, tahun_akhir`` (for the trend chart)."""
    keys = [*pemda_keys(renstra), "kode_opd", "kode_indikator", "periode"]
    columns = [*keys, "tahun", "target_renstra", "target_akhir", "tahun_akhir"]
    parts = []
    for tahun, column in year_columns(renstra).items():
        inside = (renstra["tahun_awal"] <= tahun) & (renstra["tahun_akhir"] >= tahun) & renstra[column].notna()
        rows = renstra.loc[inside.fillna(False).astype(bool)]
        parts.append(rows[keys].assign(tahun=tahun, target_renstra=rows[column].astype(float),
                                       target_akhir=rows["target_akhir"], tahun_akhir=rows["tahun_akhir"]))
    if not parts:
        return pd.DataFrame(columns=columns)
    path = pd.concat(parts, ignore_index=True)[columns]
    return path.sort_values([*pemda_keys(renstra), "kode_opd", "kode_indikator", "tahun"], kind="stable").reset_index(drop=True)


def targets_for_year(renstra: pd.DataFrame, tahun: int) -> pd.DataFrame:
    """Targets the plan sets for ``tahun`` (e.g. next year's PK): ``[kode_pemda,] kode_opd,
    kode_indikator, periode, tahun, target_renstra, target_akhir, tahun_akhir``, one row per
    indicator whose period contains ``tahun`` and gives it a target."""
    path = renstra_path(renstra)
    return path[path["tahun"] == tahun].reset_index(drop=True)


def progress_to_plan(indikator: pd.DataFrame, renstra: pd.DataFrame, rules: Rules | None = None,
                     path: pd.DataFrame | None = None) -> pd.DataFrame:
    """Capaian terhadap target akhir periode of every indicator row (a year of a tidy or scored
    indicator table) that lies in the period of a Renstra row with the same ``kode_indikator``.

    Columns: ``[kode_pemda,] tahun, kode_opd, kode_indikator, indikator, satuan, polaritas,
    target`` (the year's PK target), ``realisasi``, ``periode, target_renstra`` (the plan's
    target for that year), ``target_akhir, tahun_akhir, capaian_akhir_periode`` (percent,
    unrounded, uncapped; NaN where not computable) and ``catatan``. Rows without a plan are left
    out. ``path``: :func:`renstra_path` of ``renstra`` when the caller has it already (the pages of
    a year share it)."""
    rules = rules or Rules()
    pemda = pemda_keys(indikator)
    wanted = [*pemda, "tahun", "kode_opd", "kode_indikator", "indikator", "satuan", "polaritas", "rumus",
              "target", "realisasi"]
    rows = indikator[[c for c in wanted if c in indikator]].dropna(subset=["kode_indikator"])
    path = (renstra_path(renstra) if path is None else path).rename(columns={"kode_opd": "kode_opd_renstra"})
    plan_keys = [k for k in pemda if k in path]
    merged = rows.merge(path, on=[*plan_keys, "kode_indikator", "tahun"], how="inner")
    scored = score_indicators(
        pd.DataFrame({"polaritas": merged["polaritas"], "target": merged["target_akhir"],
                      "realisasi": merged["realisasi"], "rumus": merged.get("rumus", pd.Series("", index=merged.index))}),
        rules,
    )
    result = merged.assign(capaian_akhir_periode=scored["capaian"].to_numpy(dtype=float),
                           catatan=scored["catatan"])
    columns = [*pemda, "tahun", "kode_opd", "kode_indikator", "indikator", "satuan", "polaritas", "target",
               "realisasi", "periode", "target_renstra", "target_akhir", "tahun_akhir", "capaian_akhir_periode",
               "catatan"]
    result = result[[c for c in columns if c in result]]
    return result.sort_values([*pemda, "tahun", "kode_opd", "kode_indikator"], kind="stable").reset_index(drop=True)


def plan_capaian(value: float, target_akhir: float, polaritas: str, rules: Rules | None = None) -> float:
    """Capaian terhadap target akhir periode of one value (percent; NaN when not computable)."""
    frame = pd.DataFrame({"polaritas": [polaritas], "target": [float(target_akhir)], "realisasi": [float(value)]})
    return float(score_indicators(frame, rules or Rules())["capaian"].iloc[0])

