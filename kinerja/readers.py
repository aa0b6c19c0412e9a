"""Files in, tidy indicator table out, every problem as a finding.

Each row of the tidy table remembers where it came from in the columns ``_berkas`` (file name
as given), ``_lembar`` (sheet; empty for CSV) and ``_baris`` (row number as the analyst sees it,
the header being row 1), so that every later finding can name its place. Input files are only
ever opened for reading.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from kinerja import pesan, schema
from kinerja.findings import GALAT, PERINGATAN, Finding

SOURCE_COLUMNS = ["_berkas", "_lembar", "_baris"]


def read_csv(path: str | Path) -> tuple[pd.DataFrame, list[Finding]]:
    """Read one CSV file (comma-separated, UTF-8 with or without BOM, header on row 1)."""
    name = str(path)
    try:
        raw = pd.read_csv(
            path,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            encoding="utf-8-sig",
        )
    except FileNotFoundError:
        return _empty(), [Finding(name, "", None, "", "", pesan.BERKAS_TIDAK_ADA)]
    except IsADirectoryError:
        return _empty(), [Finding(name, "", None, "", "", pesan.BERKAS_FOLDER)]
    except UnicodeDecodeError:
        return _empty(), [Finding(name, "", None, "", "", pesan.BERKAS_BUKAN_UTF8)]
    except pd.errors.EmptyDataError:
        return _empty(), [Finding(name, "", None, "", "", pesan.BERKAS_KOSONG)]
    except (pd.errors.ParserError, csv.Error) as error:
        return _empty(), [Finding(name, "", _parser_line(error), "", "", pesan.BERKAS_RUSAK.format(rincian=error))]
    return tidy_from_frame(raw, berkas=name)


def tidy_from_frame(
    raw: pd.DataFrame, berkas: str, lembar: str = "", first_row: int = 2
) -> tuple[pd.DataFrame, list[Finding]]:
    """Turn a raw table (header already taken as column names) into the tidy table.

    Cells may be text (as read from CSV) or already typed (a DataFrame built in a notebook).
    ``first_row`` is the row number of the first data row (2 when the header is row 1).
    """
    findings: list[Finding] = []
    raw = raw.copy()
    raw.columns = [_header(column) for column in raw.columns]
    seen: set[str] = set()
    for column in raw.columns:
        if column in seen:
            findings.append(Finding(berkas, lembar, first_row - 1, column, column, pesan.KOLOM_GANDA))
        seen.add(column)
    for column in schema.REQUIRED:
        if column not in raw.columns:
            findings.append(Finding(berkas, lembar, first_row - 1, column, "", pesan.KOLOM_WAJIB_HILANG))
    for column in raw.columns:
        if column not in schema.BY_NAME and not column.startswith("_"):
            findings.append(
                Finding(berkas, lembar, first_row - 1, column, column, pesan.KOLOM_TIDAK_DIKENAL, PERINGATAN)
            )
    if any(f.tingkat == GALAT for f in findings):
        return _empty(), findings

    rows = np.arange(first_row, first_row + len(raw))
    blank = np.logical_and.reduce([_blank(raw.iloc[:, i]) for i in range(raw.shape[1])]) if raw.shape[1] else np.ones(0, bool)
    raw = raw.loc[~blank]
    rows = rows[~blank]

    tidy = pd.DataFrame(index=raw.index)
    for column in schema.COLUMNS:
        if column.name not in raw.columns:
            continue
        values = raw[column.name]
        where = _Where(berkas, lembar, rows, column.name)
        if column.kind == "angka":
            tidy[column.name] = _numbers(values, where, findings)
        elif column.kind == "tahun":
            tidy[column.name] = _years(values, where, findings)
        elif column.kind == "polaritas":
            tidy[column.name] = _choices(values, schema.POLARITAS_SINONIM, where, findings, pesan.POLARITAS_TIDAK_DIKENAL)
        elif column.kind == "rumus":
            tidy[column.name] = _choices(
                values, {value: value for value in schema.RUMUS if value}, where, findings, pesan.RUMUS_TIDAK_DIKENAL
            )
        else:
            tidy[column.name] = _texts(values)
    tidy["_berkas"] = berkas
    tidy["_lembar"] = lembar
    tidy["_baris"] = rows
    return tidy.reset_index(drop=True), findings


def concat_tables(tables: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """Stack tidy tables of several files; optional columns missing in some files become empty."""
    tables = [table for table in tables if len(table.columns)]
    if not tables:
        return _empty()
    combined = pd.concat(tables, ignore_index=True)
    ordered = [c.name for c in schema.COLUMNS if c.name in combined.columns] + SOURCE_COLUMNS
    return combined[ordered]


class _Where:
    """Where the cells of one column are, to build findings."""

    def __init__(self, berkas: str, lembar: str, rows: np.ndarray, kolom: str):
        self.berkas, self.lembar, self.rows, self.kolom = berkas, lembar, rows, kolom

    def findings(self, mask: np.ndarray, values: pd.Series, message: str, tingkat: str = GALAT) -> list[Finding]:
        return [
            Finding(self.berkas, self.lembar, int(row), self.kolom, str(value), message, tingkat)
            for row, value in zip(self.rows[mask], values[mask])
        ]


def _header(column: object) -> str:
    return "_".join(str(column).strip().casefold().replace("-", " ").split())


def _blank(values: pd.Series) -> np.ndarray:
    return _texts(values).isna().to_numpy()


def _texts(values: pd.Series) -> pd.Series:
    """Cells as stripped text; empty cells as missing."""
    text = values.astype("str").str.strip()
    return text.mask(text == "")


def _numbers(values: pd.Series, where: _Where, findings: list[Finding]) -> pd.Series:
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        numbers = values.astype(float)
        bad = ~np.isfinite(numbers.to_numpy()) & numbers.notna().to_numpy()
    else:
        text = _texts(values)
        numbers = pd.to_numeric(text, errors="coerce").astype(float)
        bad = (text.notna() & (numbers.isna() | ~np.isfinite(numbers))).to_numpy()
    findings.extend(where.findings(bad, values, pesan.BUKAN_ANGKA))
    return numbers.mask(bad)


def _years(values: pd.Series, where: _Where, findings: list[Finding]) -> pd.Series:
    source = values if pd.api.types.is_numeric_dtype(values) else _texts(values)
    numbers = pd.to_numeric(source, errors="coerce").astype(float)
    filled = ~_blank(values)
    good = numbers.notna().to_numpy() & (numbers == numbers.round()).to_numpy() & numbers.between(1900, 2200).to_numpy()
    findings.extend(where.findings(filled & ~good, values, pesan.TAHUN_TIDAK_SAH))
    return numbers.where(good).astype("Int64")


def _choices(
    values: pd.Series, allowed: dict[str, str], where: _Where, findings: list[Finding], message: str
) -> pd.Series:
    text = _texts(values)
    key = text.str.casefold().str.split().str.join(" ")
    mapped = key.map(allowed)
    bad = (text.notna() & mapped.isna()).to_numpy()
    findings.extend(where.findings(bad, values, message))
    return mapped.astype("str")


def _parser_line(error: Exception) -> int | None:
    words = str(error).replace(",", " ").split()
    for before, word in zip(words, words[1:]):
        if before == "line" and word.isdigit():
            return int(word)
    return None


def _empty() -> pd.DataFrame:
    return pd.DataFrame()
