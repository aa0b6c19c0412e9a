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

When the table has a ``kode_pemda`` column, every aggregate is per pemda (an OPD code that repeats
in several pemda is a different OPD in each), and ``nama_pemda``, where present, is carried as a
label into the OPD and pemda tables.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kinerja.core.rules import Rules
from kinerja.core.scoring import capped

#: Optional key columns that split every aggregate (one dataset, many pemda).
PEMDA_KEYS = ("kode_pemda",)
#: Optional label columns of a pemda, carried into the OPD and pemda tables.
PEMDA_LABELS = ("nama_pemda",)


def pemda_keys(table: pd.DataFrame) -> list[str]:
    """The pemda key columns present in ``table`` (none for a single-pemda project)."""
    return [key for key in PEMDA_KEYS if key in table.columns]


def pemda_labels(table: pd.DataFrame) -> list[str]:
    """The pemda label columns present in ``table`` (``nama_pemda``, or none)."""
    return [label for label in PEMDA_LABELS if label in table.columns]


def aggregate_sasaran(indikator: pd.DataFrame, rules: Rules) -> pd.DataFrame:
    """Mean capaian per sasaran: ``[kode_pemda,] tahun, kode_opd, sasaran, capaian,
    jumlah_indikator`` (indicators that entered the mean), ``batas_atas``."""
    keys = [*pemda_keys(indikator), "tahun", "kode_opd", "sasaran"]
    total, count = _group_sum(indikator.groupby(keys, sort=False, dropna=False), capped(indikator["capaian"], rules))
    result = pd.DataFrame({"capaian": _mean(total, count), "jumlah_indikator": count}).reset_index()
    return result.assign(batas_atas=_cap_column(rules, len(result)))


def aggregate_opd(indikator: pd.DataFrame, sasaran: pd.DataFrame, rules: Rules) -> pd.DataFrame:
    """Capaian per OPD: ``[kode_pemda, nama_pemda,] tahun, kode_opd, nama_opd, capaian,
    jumlah_indikator, jumlah_sasaran, metode, batas_atas`` (counts are of what entered the mean)."""
    pemda = pemda_keys(indikator)
    labels = pemda_labels(indikator)
    keys = [*pemda, "tahun", "kode_opd"]
    names = indikator.groupby(keys, sort=False)[[*labels, "nama_opd"]].first()
    if rules.agregasi_opd == "bertingkat":
        grouped = sasaran.groupby(keys, sort=False)
        total, count = _group_sum(grouped, sasaran["capaian"])
        result = pd.DataFrame(
            {
                "capaian": _mean(total, count),
                "jumlah_indikator": grouped["jumlah_indikator"].sum(),
                "jumlah_sasaran": count,
            }
        )
    else:
        value = capped(indikator["capaian"], rules)
        if rules.agregasi_opd == "bobot":
            weight = pd.to_numeric(indikator["bobot"]).where(value.notna())
        else:
            weight = pd.Series(np.where(value.notna(), 1.0, np.nan), index=indikator.index)
        # what entered the mean: a computable capaian with a weight above 0 (bobot 0 adds nothing)
        entered = value.where(weight > 0)
        frame = indikator[keys + ["sasaran"]].assign(
            _tertimbang=value * weight, _bobot=weight, _nilai=entered
        )
        grouped = frame.groupby(keys, sort=False)
        weighted, _ = _group_sum(grouped, frame["_tertimbang"])
        weights, counted = _group_sum(grouped, frame["_bobot"])
        result = pd.DataFrame(
            {
                "capaian": weighted / weights.where((counted > 0) & (weights > 0)),
                "jumlah_indikator": grouped["_nilai"].count(),
                "jumlah_sasaran": frame.dropna(subset="_nilai").groupby(keys, sort=False)["sasaran"].nunique(),
            }
        )
        result["jumlah_sasaran"] = result["jumlah_sasaran"].fillna(0).astype(int)
    result = result.join(names).reset_index()
    result = result[[*pemda, *labels, "tahun", "kode_opd", "nama_opd", "capaian", "jumlah_indikator", "jumlah_sasaran"]]
    return result.assign(metode=rules.agregasi_opd, batas_atas=_cap_column(rules, len(result)))


def aggregate_pemda(indikator: pd.DataFrame, opd: pd.DataFrame, rules: Rules) -> pd.DataFrame:
    """Capaian of the pemda per year: ``[kode_pemda, nama_pemda,] tahun, capaian, jumlah_opd,
    jumlah_indikator, metode, batas_atas`` (``nama_pemda`` taken from ``opd``)."""
    pemda = pemda_keys(indikator)
    labels = [label for label in pemda_labels(indikator) if label in opd]
    keys = [*pemda, "tahun"]
    opd_grouped = opd.groupby(keys, sort=False)
    counted = opd_grouped["jumlah_indikator"].sum()
    if rules.agregasi_pemda == "rata_opd":
        capaian = _mean(*_group_sum(opd_grouped, opd["capaian"]))
        metode = f"rata_opd ({rules.agregasi_opd})"
    else:
        total, counted = _group_sum(indikator.groupby(keys, sort=False), capped(indikator["capaian"], rules))
        capaian = _mean(total, counted)
        metode = "rata_rata"
    result = pd.DataFrame(
        {
            **{label: opd_grouped[label].first() for label in labels},
            "capaian": capaian,
            "jumlah_opd": opd_grouped["capaian"].count(),
            "jumlah_indikator": counted,
        }
    ).reset_index()
    result = result[[*pemda, *labels, "tahun", "capaian", "jumlah_opd", "jumlah_indikator"]]
    return result.assign(metode=metode, batas_atas=_cap_column(rules, len(result)))


def _group_sum(grouped, values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Sum and count of the non-missing ``values`` of each group of ``grouped`` (a group-by over
    the same rows), indexed like ``grouped.size()``.

    The values are added in row order, group by group (``numpy.bincount``), so a group's sum
    depends on its own values only: pandas' compensated group sums can differ in the last digit
    when some other group has a missing value, and an indicator that cannot be computed must not
    move any average (not even by 1e-14).
    """
    index = grouped.size().index
    group = grouped.ngroup().to_numpy(dtype=float)  # NaN: a row whose key is missing (in no group)
    x = values.to_numpy(dtype=float, na_value=np.nan)
    used = ~np.isnan(x) & ~np.isnan(group)
    at = group[used].astype(np.int64)
    total = np.bincount(at, weights=x[used], minlength=len(index))
    count = np.bincount(at, minlength=len(index))
    return pd.Series(total, index=index), pd.Series(count, index=index)


def _mean(total: pd.Series, count: pd.Series) -> pd.Series:
    """``total / count``; NaN for a group with nothing to average."""
    return total / count.where(count > 0)


def _cap_column(rules: Rules, n: int) -> np.ndarray:
    return np.full(n, np.nan if rules.batas_atas is None else rules.batas_atas)
