"""How much the method decides: the pemda and OPD figures under each standard setting.

No regulation fixes how a pemda-wide figure is made. :func:`method_sensitivity` scores the same
table once per setting (one rule changed at a time from the rules in force) and returns, for every
year, the pemda figure (and each OPD's) with its predikat under each, beside the figure in force.

The settings are a list of :class:`Setelan` (a rule name and a value), so a new convention is one
more item: :func:`standard_settings` gives the standard list (aggregation, pemda aggregation,
negatif formula, cap, and every value of any other rule named in ``EXTRA_CHOICES`` that
:class:`~kinerja.core.rules.Rules` knows, such as an indicator-level cap).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from kinerja.core.aggregate import pemda_keys
from kinerja.core.engine import score_table
from kinerja.core.rules import AGREGASI_OPD, AGREGASI_PEMDA, RUMUS_NEGATIF, Rules

#: Values tried for the cap applied when averaging.
BATAS_ATAS = (None, 100.0, 120.0)
#: Other rules tried when :class:`Rules` has them (name → values), e.g. an indicator-level cap.
EXTRA_CHOICES: dict[str, tuple] = {"batas_atas_indikator": (None, 100.0, 120.0)}
COLUMNS = ["tahun", "tingkat", "kode_opd", "nama_opd", "aturan", "nilai", "berlaku", "capaian", "predikat",
           "selisih_poin"]


@dataclass(frozen=True)
class Setelan:
    """One rule set to one value: ``Setelan("agregasi_opd", "rata_rata")``."""

    aturan: str
    nilai: Any

    def apply(self, rules: Rules) -> Rules:
        return dataclasses.replace(rules, **{self.aturan: self.nilai})


def standard_settings(table: pd.DataFrame, rules: Rules | None = None) -> list[Setelan]:
    """The standard settings for ``table``: every aggregation (``bobot`` only where the table has
    weights), both pemda aggregations, both negatif formulas (only where the table has a negatif
    indicator), the caps none / 100 / 120, and :data:`EXTRA_CHOICES` that the rules know."""
    names = set(Rules.names())
    has_weights = "bobot" in table and pd.to_numeric(table["bobot"], errors="coerce").fillna(0).gt(0).any()
    settings = [Setelan("agregasi_opd", value) for value in AGREGASI_OPD if value != "bobot" or has_weights]
    settings += [Setelan("agregasi_pemda", value) for value in AGREGASI_PEMDA]
    if (table["polaritas"] == "negatif").any():
        settings += [Setelan("rumus_negatif", value) for value in RUMUS_NEGATIF]
    settings += [Setelan("batas_atas", value) for value in BATAS_ATAS]
    for name, values in EXTRA_CHOICES.items():
        if name in names:
            settings += [Setelan(name, value) for value in values]
    return settings


def method_sensitivity(table: pd.DataFrame, rules: Rules | None = None, settings: list[Setelan] | None = None,
                       opd: bool = True) -> pd.DataFrame:
    """The pemda (and, with ``opd``, each OPD) capaian of every year under each setting.

    Each setting changes one rule of ``rules`` (the rules in force); a setting equal to the rule in
    force gives the figure in force (``berlaku`` True). Columns: ``tahun, tingkat`` (``pemda`` or
    ``opd``), ``kode_opd, nama_opd`` (empty for the pemda), ``aturan, nilai`` (the setting; the
    first rows of each figure, ``aturan`` = ``berlaku``, are the rules in force), ``berlaku``,
    ``capaian`` (percent, unrounded), ``predikat`` (by the scale in force) and ``selisih_poin``
    (capaian − the figure in force, in poin). ``kode_pemda`` leads when the table has it.
    """
    rules = rules or Rules()
    settings = standard_settings(table, rules) if settings is None else settings
    runs = [("berlaku", None, rules)] + [(s.aturan, s.nilai, s.apply(rules)) for s in settings]
    pemda = pemda_keys(table)
    frames = []
    for aturan, nilai, variant in runs:
        result = score_table(table, variant)
        frames.append(_level(result.pemda, "pemda", aturan, nilai, variant, rules, pemda))
        if opd:
            frames.append(_level(result.opd, "opd", aturan, nilai, variant, rules, pemda))
    frame = pd.concat(frames, ignore_index=True)
    keys = [*pemda, "tahun", "tingkat", "kode_opd"]
    base = frame[frame["aturan"] == "berlaku"].set_index(keys)["capaian"]
    in_force = base.reindex(pd.MultiIndex.from_frame(frame[keys])).to_numpy()
    frame["selisih_poin"] = frame["capaian"].to_numpy() - in_force
    order = {"pemda": 0, "opd": 1}
    frame = frame.assign(_t=frame["tingkat"].map(order), _i=np.arange(len(frame)))
    frame = frame.sort_values([*pemda, "tahun", "_t", "kode_opd", "_i"], kind="stable", na_position="first")
    return frame.drop(columns=["_t", "_i"]).reset_index(drop=True)


def _level(table: pd.DataFrame, tingkat: str, aturan: str, nilai, variant: Rules, rules: Rules,
           pemda: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame({column: table[column] for column in pemda})
    frame["tahun"] = table["tahun"].to_numpy()
    frame["tingkat"] = tingkat
    frame["kode_opd"] = table["kode_opd"].to_numpy() if tingkat == "opd" else ""
    frame["nama_opd"] = table["nama_opd"].to_numpy() if tingkat == "opd" else ""
    frame["aturan"] = aturan
    frame["nilai"] = pd.Series([nilai] * len(table), dtype=object)
    frame["berlaku"] = aturan == "berlaku" or getattr(rules, aturan) == nilai
    frame["capaian"] = table["capaian"].to_numpy(dtype=float)
    frame["predikat"] = rules.skala_predikat.assign(frame["capaian"])
    return frame
