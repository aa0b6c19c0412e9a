"""The Python API used by notebooks and the command line: read, validate, score.

>>> import kinerja
>>> result = kinerja.score("data/contoh-kecil/kinerja.csv")          # doctest: +SKIP
>>> result.pemda[["tahun", "capaian", "predikat"]]                   # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kinerja.core.engine import ScoreResult, score_table
from kinerja.core import renstra as plan
from kinerja.core.triwulan import TriwulanResult, fill_year_from_quarters, score_quarters, score_triwulan
from kinerja.inputs.findings import Finding, InputError, has_errors, merge_findings
from kinerja.inputs.readers import DESIMAL, SOURCE_COLUMNS, HeaderMapping, Inputs, read_inputs, tidy_from_frame
from kinerja.core.rules import Rules
from kinerja.inputs.schema import ANGGARAN_COLUMNS, OPD_COLUMNS, PROGRAM_COLUMNS, RENSTRA_COLUMNS, TRIWULAN_COLUMNS
from kinerja.inputs.validate import validate_inputs, validate_renstra, validate_triwulan

Data = pd.DataFrame | str | Path | Iterable[str | Path]


@dataclass(frozen=True)
class LoadedData:
    """A validated tidy table and the findings (only warnings when loading succeeded).

    ``table`` keeps the source columns ``_berkas``, ``_lembar`` and ``_baris``; :attr:`tidy` drops them.
    ``anggaran`` holds the budget rows (``tahun, kode_opd, pagu, realisasi_anggaran``) and ``opd``
    the OPD master list (``kode_opd, nama_opd, singkatan, berlaku_mulai, berlaku_sampai,
    digantikan_oleh, nama_kepala, jabatan_kepala, nip_kepala``), ``program`` the programme
    budgets of the PK attachment (``tahun, kode_opd, program, anggaran, keterangan``) when the
    inputs have them (workbook sheets ``anggaran``, ``opd``, ``program``); otherwise they are empty
    tables with those columns. ``triwulan`` holds the quarterly rows
    (sheet ``triwulan``: ``tahun, kode_opd, kode_indikator, triwulan, target, realisasi, …``) and
    ``renstra`` the five-year plan (sheet ``renstra``: ``kode_opd, kode_indikator, periode,
    tahun_awal, tahun_akhir, target_akhir, target_<tahun>…``), without source columns.

    An indicator whose annual ``target`` or ``realisasi`` is empty while its four quarters give
    it (:func:`kinerja.core.triwulan.fill_year_from_quarters`) has it filled in ``table``: a year
    reported by quarters only is scored from the consolidated quarters.
    """

    table: pd.DataFrame
    findings: list[Finding]
    anggaran: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ANGGARAN_COLUMNS))
    opd: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=OPD_COLUMNS))
    program: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=PROGRAM_COLUMNS))
    mappings: list[HeaderMapping] = field(default_factory=list)
    triwulan: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=TRIWULAN_COLUMNS))
    renstra: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=RENSTRA_COLUMNS))

    @property
    def tidy(self) -> pd.DataFrame:
        return self.table.drop(columns=[c for c in SOURCE_COLUMNS if c in self.table])


def check(data: Data, rules: Rules | None = None, desimal: str = "otomatis", tahun: int | None = None,
          triwulan: int | None = None) -> LoadedData:
    """Read and validate without raising: the tables (possibly partial) and every finding.

    ``data`` is a DataFrame, or paths of CSV files, workbooks and folders of them. ``desimal`` says
    how numbers typed as text are read (``otomatis``, ``koma``, ``titik``); ``tahun`` is the fiscal
    year of the params in force, if any (rows after it are an error); ``triwulan`` the quarter being
    monitored, if any (realisasi of later quarters are a warning).
    """
    rules = rules or Rules()
    if isinstance(data, pd.DataFrame):
        table, read_findings = tidy_from_frame(data, berkas="DataFrame", convention=DESIMAL.get(desimal, desimal))
        inputs = Inputs(kinerja=table, findings=read_findings)
    else:
        inputs = read_inputs([data] if isinstance(data, (str, Path)) else list(data), desimal)
    # validate what could be read: the reader's finding about a cell wins over a later one
    quarterly = validate_triwulan(inputs.kinerja, inputs.triwulan, rules, triwulan)
    quarterly += validate_renstra(inputs.renstra, inputs.kinerja)
    kinerja = inputs.kinerja
    if not kinerja.empty and not inputs.triwulan.empty:
        kinerja = fill_year_from_quarters(kinerja, inputs.triwulan, rules)
    checked = validate_inputs(kinerja, rules, inputs.opd, inputs.anggaran, tahun)
    return LoadedData(
        table=kinerja,
        findings=merge_findings(inputs.findings, quarterly, checked),
        anggaran=_without_source(inputs.anggaran, ANGGARAN_COLUMNS),
        opd=_without_source(inputs.opd, OPD_COLUMNS),
        program=_without_source(inputs.program, PROGRAM_COLUMNS),
        mappings=inputs.mappings,
        triwulan=_without_source(inputs.triwulan, TRIWULAN_COLUMNS),
        renstra=_without_source(inputs.renstra, RENSTRA_COLUMNS),
    )


def load(data: Data, rules: Rules | None = None, desimal: str = "otomatis", tahun: int | None = None,
         triwulan: int | None = None) -> LoadedData:
    """Read and validate (see :func:`check`); raise :class:`InputError` (with every finding) when
    there is any galat."""
    loaded = check(data, rules, desimal, tahun, triwulan)
    if has_errors(loaded.findings):
        raise InputError(loaded.findings)
    return loaded


def score(data: Data, rules: Rules | None = None) -> ScoreResult:
    """Read, validate and score: the tables of :class:`~kinerja.core.engine.ScoreResult`.

    ``data`` is a tidy DataFrame (columns of :mod:`kinerja.inputs.schema`), a CSV path, or several paths
    (several years together). Raises :class:`~kinerja.inputs.findings.InputError` on bad input.
    """
    rules = rules or Rules()
    loaded = load(data, rules)
    return score_table(loaded.tidy, rules, opd=loaded.opd)


def _without_source(table: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    if table.empty:
        return pd.DataFrame(columns=columns)
    return table.drop(columns=[c for c in SOURCE_COLUMNS if c in table]).reset_index(drop=True)


def _loaded(data: Data | LoadedData, rules: Rules, triwulan: int | None = None) -> LoadedData:
    return data if isinstance(data, LoadedData) else load(data, rules, triwulan=triwulan)


def score_quarter(data: Data | LoadedData, triwulan: int, tahun: int | None = None,
                  rules: Rules | None = None, path: bool = False) -> TriwulanResult:
    """Capaian s.d. triwulan ``triwulan`` (1–4) of the year ``tahun`` (default: the latest year
    with quarterly rows) per indicator, sasaran, OPD and pemda, with the ``tertinggal`` flag
    (capaian below ``rules.ambang_tertinggal``): see :mod:`kinerja.core.triwulan`.

    ``data`` is what :func:`load` takes, or a :class:`LoadedData` already loaded. With
    ``path=True`` the tables hold every quarter from 1 to ``triwulan`` (column ``triwulan``), for
    a chart of the quarters.
    """
    rules = rules or Rules()
    loaded = _loaded(data, rules, triwulan)
    scorer = score_quarters if path else score_triwulan
    return scorer(loaded.tidy, loaded.triwulan, rules, tahun, triwulan)


def plan_progress(data: Data | LoadedData, rules: Rules | None = None) -> pd.DataFrame:
    """Capaian terhadap target akhir periode of every indicator-year inside a Renstra period
    (:func:`kinerja.core.renstra.progress_to_plan`)."""
    rules = rules or Rules()
    loaded = _loaded(data, rules)
    return plan.progress_to_plan(loaded.tidy, loaded.renstra, rules)


def plan_path(data: Data | LoadedData) -> pd.DataFrame:
    """The Renstra's yearly targets as a path, one row per indicator and year
    (:func:`kinerja.core.renstra.renstra_path`), to draw beside the realisasi."""
    return plan.renstra_path(_loaded(data, Rules()).renstra)


def plan_targets(data: Data | LoadedData, tahun: int) -> pd.DataFrame:
    """The targets the Renstra sets for ``tahun`` (e.g. next year's PK):
    :func:`kinerja.core.renstra.targets_for_year`."""
    return plan.targets_for_year(_loaded(data, Rules()).renstra, tahun)
