"""The scoring pipeline over a validated tidy table: rules → capaian → sasaran/OPD/pemda →
predikat → year-over-year change. Pure: no file is read or written here.

Use :func:`kinerja.score` from notebooks (it validates first); :func:`score_table` is the core it
calls once the table is known to be valid.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from kinerja.core.aggregate import aggregate_opd, aggregate_pemda, aggregate_sasaran, pemda_keys, pemda_labels
from kinerja.core.arrays import row_ids
from kinerja.core.change import change_indikator, change_opd, change_pemda, successor_map
from kinerja.core.rules import Rules
from kinerja.core.scoring import score_indicators


@dataclass(frozen=True)
class ScoreResult:
    """Every table of a scoring run. Capaian are percent, unrounded; changes in poin and percent.

    Attributes:
        indikator: every input row with ``capaian`` (uncapped unless ``batas_atas_indikator``
            is set, then capped with the uncapped value in ``capaian_tanpa_batas``; NaN where not
            computable), ``predikat`` and ``catatan``.
        sasaran: ``tahun, kode_opd, sasaran, capaian, jumlah_indikator, predikat, batas_atas``.
        opd: ``tahun, kode_opd, nama_opd, capaian, predikat, jumlah_indikator, metode,
            batas_atas, jumlah_sasaran``.
        pemda: ``tahun, capaian, predikat, jumlah_opd, metode, batas_atas, jumlah_indikator``.

        Counts are of what entered the mean (computable indicators; sasaran and OPD with a
        capaian); ``metode`` and ``batas_atas`` (empty: no cap) say how each mean was made.
        Every table also starts with ``kode_pemda`` when the input has it (aggregates and
        changes are then per pemda), followed in the OPD, pemda and change tables by the label
        ``nama_pemda`` where the input has it.
        perubahan_indikator, perubahan_opd, perubahan_pemda: the keys of the level, then
            ``capaian, capaian_sebelumnya, selisih_poin, perubahan_persen, catatan``.
        rules: the rules that produced them.
    """

    indikator: pd.DataFrame
    sasaran: pd.DataFrame
    opd: pd.DataFrame
    pemda: pd.DataFrame
    perubahan_indikator: pd.DataFrame
    perubahan_opd: pd.DataFrame
    perubahan_pemda: pd.DataFrame
    rules: Rules

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables by name, in the order they are written (``indikator`` … ``perubahan_pemda``)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "rules"}


def score_table(table: pd.DataFrame, rules: Rules | None = None, opd: pd.DataFrame | None = None) -> ScoreResult:
    """Score a validated tidy table (canonical columns and types, see :mod:`kinerja.inputs.schema`).

    ``opd`` is the OPD master list, if any: its ``digantikan_oleh`` lets a renamed OPD (and its
    indicators) be compared with the year before under its new code.

    The result does not depend on the order of the input rows: the table is put in a canonical
    order first (year, pemda, OPD, sasaran in order of their first ``kode_indikator``, indicator).
    """
    rules = rules or Rules()
    table = canonical_order(table)
    scored = score_indicators(table, rules)
    uncapped = {"capaian_tanpa_batas": scored["capaian_tanpa_batas"]} if "capaian_tanpa_batas" in scored else {}
    indikator = table.assign(
        capaian=scored["capaian"],
        **uncapped,
        predikat=rules.skala_predikat.assign(scored["capaian"]),
        catatan=scored["catatan"],
    )
    sasaran = aggregate_sasaran(indikator, rules)
    successors = successor_map(opd)
    opd_scores = aggregate_opd(indikator, sasaran, rules)
    pemda = aggregate_pemda(indikator, opd_scores, rules)
    pemda_cols = pemda_keys(indikator)
    named = [*pemda_cols, *pemda_labels(indikator)]
    sasaran = _with_predikat(sasaran, rules)[
        [*pemda_cols, "tahun", "kode_opd", "sasaran", "capaian", "jumlah_indikator", "predikat", "batas_atas"]
    ]
    opd_scores = _with_predikat(opd_scores, rules)[
        [*named, "tahun", "kode_opd", "nama_opd", "capaian", "predikat", "jumlah_indikator", "metode",
         "batas_atas", "jumlah_sasaran"]
    ]
    pemda = _with_predikat(pemda, rules)[
        [*named, "tahun", "capaian", "predikat", "jumlah_opd", "metode", "batas_atas", "jumlah_indikator"]
    ]
    return ScoreResult(
        indikator=indikator.reset_index(drop=True),
        sasaran=sasaran,
        opd=opd_scores,
        pemda=pemda,
        perubahan_indikator=change_indikator(indikator, successors),
        perubahan_opd=change_opd(opd_scores, successors),
        perubahan_pemda=change_pemda(pemda),
        rules=rules,
    )


def canonical_order(table: pd.DataFrame) -> pd.DataFrame:
    """Rows sorted so that every output is independent of the input order: by year, pemda, OPD,
    sasaran, indicator.

    Within an OPD, sasaran come in the order of their smallest ``kode_indikator`` (so a PK coded
    1.1, 1.2, 2.1 keeps its order), then by name; indicators by code, then by name. Text is
    compared by code point; missing values come last. A table already in this order (as a PK
    workbook usually is) is returned as it is, without copying.
    """
    pemda = pemda_keys(table)
    code = table["kode_indikator"] if "kode_indikator" in table else pd.Series("", index=table.index, dtype="str")
    code = code.fillna("").astype("str")
    # the sasaran's place: the rank of its smallest code, an uncoded indicator counting as last
    code_rank, _ = pd.factorize(code.replace("", "\uffff"), sort=True)
    group = row_ids(table, [*pemda, "tahun", "kode_opd", "sasaran"])
    first = pd.Series(code_rank).groupby(group).transform("min").to_numpy()
    first = np.where(group >= 0, first, len(code_rank) + 1)
    keys = {
        "tahun": pa.array(table["tahun"]),
        **{f"pemda_{i}": pa.array(table[column]) for i, column in enumerate(pemda)},
        "kode_opd": pa.array(table["kode_opd"]),
        "urut_sasaran": pa.array(first),
        "sasaran": pa.array(table["sasaran"]),
        "kode": pa.array(pd.factorize(code, sort=True)[0]),
        "indikator": pa.array(table["indikator"]),
    }
    order = pc.sort_indices(pa.table(keys), sort_keys=[(name, "ascending") for name in keys])  # nulls last
    order = order.to_numpy()
    if np.array_equal(order, np.arange(len(table))):
        return table
    return table.take(order)


def _with_predikat(table: pd.DataFrame, rules: Rules) -> pd.DataFrame:
    return table.assign(predikat=rules.skala_predikat.assign(table["capaian"]))
