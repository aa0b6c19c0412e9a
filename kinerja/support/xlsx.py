"""The project's one way of writing XLSX files: text cells are always stored as text.

openpyxl (and pandas' ``to_excel`` through it) stores any string starting with ``=`` as a
formula, which a spreadsheet program evaluates when the file is opened: a name typed as
``=HYPERLINK("http://…"&A1,"Klik")`` would become a live link in a download. Every XLSX the
project writes (the extracts of ``kinerja run``, hence the site's downloads; the report of
``kinerja validate --report``; the template of ``kinerja template``) goes through
:func:`write_tables` or :func:`save_workbook`, which keep every string cell a string
(:func:`kinerja.support.escape.xlsx_protect`) and replace the control characters XML cannot hold
(:func:`kinerja.support.escape.xlsx_text`) instead of failing on them.

Both write the file at the path given, and give it the build's date and fixed zip entry times
(:func:`kinerja.support.reproducible.normalise_xlsx`), so that two builds are byte-identical; a caller that
needs more (an atomic move) does it around the call.
"""

from __future__ import annotations

import datetime
import decimal
import io
import math
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from kinerja.support import escape
from kinerja.support.atomic import atomic_file
from kinerja.support.reproducible import normalise_xlsx, normalised_xlsx

#: Excel's limit on the length of a sheet name.
SHEET_NAME_LENGTH = 31


def write_tables(path: str | Path, tables: Mapping[str, pd.DataFrame]) -> Path:
    """Write each DataFrame as one sheet (named by its key, cut to 31 characters), header in row
    1, no index. An empty mapping gives a workbook with one empty sheet. Returns ``path``.

    The cells are those pandas' ``to_excel`` (openpyxl engine, no index) writes: numbers stay
    numbers, booleans booleans, a missing value (NaN, None, NA) is an empty cell, ±infinity the
    text ``inf``/``-inf``, any other value its text, and the file is byte for byte the one
    ``to_excel`` writes. The cells are set on the openpyxl workbook directly, without pandas'
    per-cell formatter (about a quarter less time); a table with values of another kind (dates,
    times, decimals) or with several header rows goes through ``to_excel``."""
    path = Path(path)
    try:
        data = _direct(tables)
    except _Unsupported:
        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            for name, table in tables.items():
                _clean(table).to_excel(writer, sheet_name=name[:SHEET_NAME_LENGTH], index=False)
            if not tables:
                pd.DataFrame().to_excel(writer, sheet_name="Sheet1", index=False)
            protect(writer.book)
        data = buffer.getvalue()
    # the build's date only (SOURCE_DATE_EPOCH), fixed zip entry times
    path.write_bytes(normalised_xlsx(data))
    return path


class _Unsupported(Exception):
    """A value :func:`_direct` does not write as ``to_excel`` would."""


def _cell_value(value):
    """``value`` as ``to_excel`` gives it to openpyxl (see :func:`write_tables`); a string is
    returned as it is (the caller makes it a text cell)."""
    kind = type(value)
    if kind is str:
        return value
    if kind is float or isinstance(value, np.floating):
        value = float(value)
        if math.isnan(value):
            return ""
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return value
    if kind is int or kind is bool:
        return value
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, (datetime.date, datetime.time, datetime.timedelta, np.datetime64, np.timedelta64,
                          decimal.Decimal)) or pd.api.types.is_scalar(value) and pd.isna(value):
        raise _Unsupported
    return str(value)


def _direct(tables: Mapping[str, pd.DataFrame]) -> bytes:
    """The workbook of :func:`write_tables`, its cells set directly (raises :class:`_Unsupported`)."""
    from openpyxl import Workbook

    if any(isinstance(table.columns, pd.MultiIndex) for table in tables.values()):
        raise _Unsupported
    book = Workbook()
    book.remove(book.worksheets[0])

    for name, table in tables.items():
        sheet = book.create_sheet(name[:SHEET_NAME_LENGTH])
        columns = [[_cell_value(label)] + [_cell_value(v) for v in values.tolist()]
                   for label, values in table.items()]
        for row, values in enumerate(zip(*columns), start=1):
            for column, value in enumerate(values, start=1):
                cell = sheet.cell(row, column, escape.xlsx_text(value) if type(value) is str else value)
                if cell.data_type in ("f", "e"):
                    cell.data_type = "s"  # text, never a formula or an error value
    if not tables:
        book.create_sheet("Sheet1")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_report(table: pd.DataFrame, path: str | Path, sheet: str) -> Path:
    """A report table written atomically: an Excel workbook (one sheet ``sheet``, text stays text) for
    an ``.xlsx`` path, UTF-8 CSV for anything else."""
    path = Path(path)
    with atomic_file(path) as temporary:
        if path.suffix.lower() == ".xlsx":
            write_tables(temporary, {sheet: table})  # values from the data stay text, never formulas
        else:
            table.to_csv(temporary, index=False, encoding="utf-8", lineterminator="\n")
    return path


def save_workbook(book, path: str | Path) -> Path:
    """Save an openpyxl workbook built cell by cell, its string cells kept as text. Returns ``path``."""
    protect(book)
    book.save(path)
    normalise_xlsx(path)  # the build's date only (SOURCE_DATE_EPOCH), fixed zip entry times
    return Path(path)


def protect(book) -> None:
    """Make every string cell of every sheet of ``book`` a text cell (never a formula)."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                escape.xlsx_protect(cell)


def _clean(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with the control characters XML cannot hold replaced in its text cells and
    headers (the same object when there are none)."""
    out = table
    for position, dtype in enumerate(table.dtypes):
        if not (dtype == object or pd.api.types.is_string_dtype(dtype)):
            continue
        values = table.iloc[:, position]
        if all(not isinstance(v, str) or escape.xlsx_text(v) == v for v in values.tolist()):
            continue  # the common case, checked without building a cleaned copy
        cleaned = values.map(lambda v: escape.xlsx_text(v) if isinstance(v, str) else v)
        if not cleaned.equals(values):
            out = out.copy() if out is table else out
            out.isetitem(position, cleaned)
    names = [escape.xlsx_text(c) if isinstance(c, str) else c for c in table.columns]
    if names != list(table.columns):
        out = out.copy() if out is table else out
        out.columns = names
    return out
