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
from kinerja.inputs.findings import Finding, InputError, has_errors, merge_findings
from kinerja.inputs.readers import DESIMAL, SOURCE_COLUMNS, HeaderMapping, Inputs, read_inputs, tidy_from_frame
from kinerja.core.rules import Rules
from kinerja.inputs.schema import ANGGARAN_COLUMNS, OPD_COLUMNS, PROGRAM_COLUMNS
from kinerja.inputs.validate import validate_inputs

Data = pd.DataFrame | str | Path | Iterable[str | Path]


@dataclass(frozen=True)
class LoadedData:
    """A validated tidy table and the findings (only warnings when loading succeeded).

    ``table`` keeps the source columns ``_berkas``, ``_lembar`` and ``_baris``; :attr:`tidy` drops them.
    ``anggaran`` holds the budget rows (``tahun, kode_opd, pagu, realisasi_anggaran``) and ``opd``
    the OPD master list (``kode_opd, nama_opd, singkatan, berlaku_mulai, berlaku_sampai,
    digantikan_oleh, nama_kepala, jabatan_kepala, nip_kepala``), ``program`` the programme
    budgets of the PK attachment (``tahun, kode_opd, program, anggaran, keterangan``) when the inputs have them (workbook sheets ``anggaran`` and ``opd``);
    otherwise they are empty tables with those columns.
    """

    table: pd.DataFrame
    findings: list[Finding]
    anggaran: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ANGGARAN_COLUMNS))
    opd: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=OPD_COLUMNS))
    program: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=PROGRAM_COLUMNS))
    mappings: list[HeaderMapping] = field(default_factory=list)

    @property
    def tidy(self) -> pd.DataFrame:
        return self.table.drop(columns=[c for c in SOURCE_COLUMNS if c in self.table])


def check(data: Data, rules: Rules | None = None, desimal: str = "otomatis", tahun: int | None = None) -> LoadedData:
    """Read and validate without raising: the tables (possibly partial) and every finding.

    ``data`` is a DataFrame, or paths of CSV files, workbooks and folders of them. ``desimal`` says
    how numbers typed as text are read (``otomatis``, ``koma``, ``titik``); ``tahun`` is the fiscal
    year of the params in force, if any (rows after it are an error).
    """
    rules = rules or Rules()
    if isinstance(data, pd.DataFrame):
        table, read_findings = tidy_from_frame(data, berkas="DataFrame", convention=DESIMAL.get(desimal, desimal))
        inputs = Inputs(kinerja=table, findings=read_findings)
    else:
        inputs = read_inputs([data] if isinstance(data, (str, Path)) else list(data), desimal)
    # validate what could be read: the reader's finding about a cell wins over a later one
    checked = validate_inputs(inputs.kinerja, rules, inputs.opd, inputs.anggaran, tahun)
    return LoadedData(
        table=inputs.kinerja,
        findings=merge_findings(inputs.findings, checked),
        anggaran=_without_source(inputs.anggaran, ANGGARAN_COLUMNS),
        opd=_without_source(inputs.opd, OPD_COLUMNS),
        program=_without_source(inputs.program, PROGRAM_COLUMNS),
        mappings=inputs.mappings,
    )


def load(data: Data, rules: Rules | None = None, desimal: str = "otomatis", tahun: int | None = None) -> LoadedData:
    """Read and validate (see :func:`check`); raise :class:`InputError` (with every finding) when
    there is any galat."""
    loaded = check(data, rules, desimal, tahun)
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
