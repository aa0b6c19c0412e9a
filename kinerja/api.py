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

from kinerja import pesan
from kinerja.schema import ANGGARAN_COLUMNS, OPD_COLUMNS
from kinerja.engine import ScoreResult, score_table
from kinerja.findings import Finding, InputError, has_errors, merge_findings
from kinerja.readers import SOURCE_COLUMNS, concat_tables, read_csv, tidy_from_frame
from kinerja.rules import Rules
from kinerja.validate import validate_table

Data = pd.DataFrame | str | Path | Iterable[str | Path]


@dataclass(frozen=True)
class LoadedData:
    """A validated tidy table and the findings (only warnings when loading succeeded).

    ``table`` keeps the source columns ``_berkas``, ``_lembar`` and ``_baris``; :attr:`tidy` drops them.
    ``anggaran`` holds the budget rows (``tahun, kode_opd, pagu, realisasi_anggaran``) and ``opd``
    the OPD master list (``kode_opd, nama_opd, singkatan, berlaku_mulai, berlaku_sampai,
    digantikan_oleh``) when the inputs have them (workbook sheets ``anggaran`` and ``opd``);
    otherwise they are empty tables with those columns.
    """

    table: pd.DataFrame
    findings: list[Finding]
    anggaran: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ANGGARAN_COLUMNS))
    opd: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=OPD_COLUMNS))

    @property
    def tidy(self) -> pd.DataFrame:
        return self.table.drop(columns=[c for c in SOURCE_COLUMNS if c in self.table])


def check(data: Data, rules: Rules | None = None) -> LoadedData:
    """Read and validate without raising: the table (possibly partial) and every finding."""
    rules = rules or Rules()
    if isinstance(data, pd.DataFrame):
        table, read_findings = tidy_from_frame(data, berkas="DataFrame")
    else:
        paths = [data] if isinstance(data, (str, Path)) else list(data)
        tables, read_findings = [], []
        for path in paths:
            if Path(path).suffix.lower() != ".csv" and not Path(path).is_dir():
                read_findings.append(Finding(str(path), "", None, "", "", pesan.BERKAS_JENIS))
                continue
            one, found = read_csv(path)
            tables.append(one)
            read_findings.extend(found)
        table = concat_tables(tables)
    # validate what could be read: the reader's finding about a cell wins over a later one
    return LoadedData(table, merge_findings(read_findings, validate_table(table, rules)))


def load(data: Data, rules: Rules | None = None) -> LoadedData:
    """Read and validate; raise :class:`InputError` (with every finding) when there is any galat."""
    loaded = check(data, rules)
    if has_errors(loaded.findings):
        raise InputError(loaded.findings)
    return loaded


def score(data: Data, rules: Rules | None = None) -> ScoreResult:
    """Read, validate and score: the tables of :class:`~kinerja.engine.ScoreResult`.

    ``data`` is a tidy DataFrame (columns of :mod:`kinerja.schema`), a CSV path, or several paths
    (several years together). Raises :class:`~kinerja.findings.InputError` on bad input.
    """
    rules = rules or Rules()
    return score_table(load(data, rules).tidy, rules)
