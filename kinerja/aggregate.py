"""From indicator capaian to sasaran, OPD and pemda capaian.

* sasaran = mean of the computable capaian of its indicators [practice];
* OPD = mean of its sasaran (``bertingkat``, default), flat mean of its indicators (``rata_rata``)
  or mean weighted by ``bobot`` (``bobot``) [practice];
* pemda = mean of its OPD (``rata_opd``, default) or flat mean of all indicators (``rata_rata``)
  [ours: no regulation fixes it, so every figure states its method].

Indicators that are not computable (NaN capaian) are left out of every mean and every count; a
group with nothing computable has a NaN capaian. The optional cap ``rules.batas_atas`` clips the
indicator capaian as they enter the means (the indicator table itself stays uncapped). Every
aggregate carries ``metode`` and ``batas_atas`` columns saying how it was made. Nothing rounds.

When the table has a ``kode_pemda`` column, every aggregate is per pemda.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kinerja.rules import Rules
from kinerja.scoring import capped

#: Optional key columns that split every aggregate (one dataset, many pemda).
PEMDA_KEYS = ("kode_pemda",)


def pemda_keys(table: pd.DataFrame) -> list[str]:
    """The pemda key columns present in ``table`` (none for a single-pemda project)."""
    return [key for key in PEMDA_KEYS if key in table.columns]


def aggregate_sasaran(indikator: pd.DataFrame, rules: Rules) -> pd.DataFrame:
    """Mean capaian per sasaran: ``[kode_pemda,] tahun, kode_opd, sasaran, capaian,
    jumlah_indikator`` (indicators that entered the mean), ``batas_atas``."""
    keys = [*pemda_keys(indikator), "tahun", "kode_opd", "sasaran"]
    values = indikator[keys].assign(_nilai=capped(indikator["capaian"], rules))
    result = (
        values.groupby(keys, sort=False, dropna=False)["_nilai"]
        .agg(capaian="mean", jumlah_indikator="count")
        .reset_index()
    )
    return result.assign(batas_atas=_cap_column(rules, len(result)))


def aggregate_opd(indikator: pd.DataFrame, sasaran: pd.DataFrame, rules: Rules) -> pd.DataFrame:
    """Capaian per OPD: ``[kode_pemda,] tahun, kode_opd, nama_opd, capaian, jumlah_indikator,
    jumlah_sasaran, metode, batas_atas`` (counts are of what entered the mean)."""
    pemda = pemda_keys(indikator)
    keys = [*pemda, "tahun", "kode_opd"]
    names = indikator.groupby(keys, sort=False)["nama_opd"].first()
    if rules.agregasi_opd == "bertingkat":
        grouped = sasaran.groupby(keys, sort=False)
        result = pd.DataFrame(
            {
                "capaian": grouped["capaian"].mean(),
                "jumlah_indikator": grouped["jumlah_indikator"].sum(),
                "jumlah_sasaran": grouped["capaian"].count(),
            }
        )
    else:
        value = capped(indikator["capaian"], rules)
        if rules.agregasi_opd == "bobot":
            weight = pd.to_numeric(indikator["bobot"]).where(value.notna())
        else:
            weight = pd.Series(np.where(value.notna(), 1.0, np.nan), index=indikator.index)
        frame = indikator[keys + ["sasaran"]].assign(
            _tertimbang=value * weight, _bobot=weight, _nilai=value
        )
        grouped = frame.groupby(keys, sort=False)
        weights = grouped["_bobot"].sum(min_count=1)
        result = pd.DataFrame(
            {
                "capaian": grouped["_tertimbang"].sum(min_count=1) / weights.where(weights > 0),
                "jumlah_indikator": grouped["_nilai"].count(),
                "jumlah_sasaran": frame.dropna(subset="_nilai").groupby(keys, sort=False)["sasaran"].nunique(),
            }
        )
        result["jumlah_sasaran"] = result["jumlah_sasaran"].fillna(0).astype(int)
    result = result.join(names).reset_index()
    result = result[[*keys, "nama_opd", "capaian", "jumlah_indikator", "jumlah_sasaran"]]
    return result.assign(metode=rules.agregasi_opd, batas_atas=_cap_column(rules, len(result)))


def aggregate_pemda(indikator: pd.DataFrame, opd: pd.DataFrame, rules: Rules) -> pd.DataFrame:
    """Capaian of the pemda per year: ``[kode_pemda,] tahun, capaian, jumlah_opd,
    jumlah_indikator, metode, batas_atas``."""
    keys = [*pemda_keys(indikator), "tahun"]
    opd_grouped = opd.groupby(keys, sort=False)
    if rules.agregasi_pemda == "rata_opd":
        capaian = opd_grouped["capaian"].mean()
        metode = f"rata_opd ({rules.agregasi_opd})"
    else:
        capaian = (
            indikator[keys].assign(_nilai=capped(indikator["capaian"], rules)).groupby(keys, sort=False)["_nilai"].mean()
        )
        metode = "rata_rata"
    result = pd.DataFrame(
        {
            "capaian": capaian,
            "jumlah_opd": opd_grouped["capaian"].count(),
            "jumlah_indikator": opd_grouped["jumlah_indikator"].sum(),
        }
    ).reset_index()
    return result.assign(metode=metode, batas_atas=_cap_column(rules, len(result)))


def _cap_column(rules: Rules, n: int) -> np.ndarray:
    return np.full(n, np.nan if rules.batas_atas is None else rules.batas_atas)
