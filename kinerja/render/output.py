"""Writing result tables: standard CSV (comma, ``.`` decimal point, UTF-8, unrounded floats) or
Parquet, all or nothing.

CSV is built column by column with Arrow compute kernels (:func:`csv_bytes`), as pandas ``to_csv``
writes it (header, ``,``, ``\\n``, a cell quoted only when it holds ``,``, ``"`` or a line break,
missing values empty), except for floats: Arrow writes the shortest text that reads back as the
same float64 (``0.00001``, ``1e+15``, ``1.234567890123456e+14`` where Python writes ``1e-05``,
``1000000000000000.0``, ``123456789012345.6``); whole numbers get ``.0`` as in pandas (``100.0``).
Tables with columns of other dtypes are written by pandas.

The files are written into a temporary folder beside the destination and moved in only when all
of them are complete, so an error or an interruption never leaves a half-written set behind. The
destination must be a folder kinerja may write into (:mod:`kinerja.support.safety`).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from kinerja.support import safety
from kinerja.core.engine import ScoreResult

#: Name start of the temporary folder of :func:`write_csv_files` (with the process id).
STAGING_PREFIX = ".kinerja-hasil-"


#: The formats of ``kinerja score --format``: the file suffix of each.
FORMATS = {"csv": ".csv", "parquet": ".parquet"}


def result_files(result: ScoreResult, format: str = "csv") -> dict[str, pd.DataFrame]:
    """The files of ``kinerja score``: ``indikator.csv`` … ``perubahan_pemda.csv`` (``.parquet``
    for ``format="parquet"``)."""
    return {f"{name}{FORMATS[format]}": table for name, table in result.tables().items()}


def result_names(format: str = "csv") -> list[str]:
    """The names of the files :func:`result_files` gives (``indikator.csv`` …), known before scoring."""
    return [f"{field}{FORMATS[format]}" for field in ScoreResult.__dataclass_fields__ if field != "rules"]


def write_csv_files(files: dict[str, pd.DataFrame], out: str | Path, inputs: Iterable[str | Path] = (),
                    root: str | Path = ".") -> list[Path]:
    """Write every table (CSV, or Parquet for a ``.parquet`` name: :func:`write_table`) into ``out``
    (created if needed, and marked as kinerja's), atomically as a set.

    ``out`` must pass :func:`kinerja.support.safety.check_output_folder` (``inputs``: the files the tables
    were made from; ``root``: the working folder), else :class:`kinerja.support.safety.OutputFolderError`
    and nothing is written. Other files already in ``out`` are left alone; files of the same name,
    written by kinerja before, are replaced. Returns the paths written.
    """
    out = Path(out)
    safety.check_output_folder(out, "hasil", root=root, inputs=inputs, replaces=list(files))
    staging = safety.staging_folder(out.parent, STAGING_PREFIX)
    try:
        # two tables at a time: Arrow's kernels release the GIL, so the second core formats the
        # next table (largest first) while the first is formatted and written
        with ThreadPoolExecutor(max_workers=2) as pool:
            writes = [pool.submit(write_table, files[name], staging / name)
                      for name in sorted(files, key=lambda name: -len(files[name]))]
        for write in writes:
            write.result()  # (raises the first failure; every write has ended)
        safety.mark_folder(out, "hasil", list(files), keep=True)  # first: a file moved in is always listed
        written = []
        for name in files:
            os.replace(staging / name, out / name)
            written.append(out / name)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def write_table(table: pd.DataFrame, path: Path) -> None:
    """Write one table: Parquet when ``path`` ends in ``.parquet`` (no index; dtypes kept), else CSV
    (:func:`csv_chunks`)."""
    if path.suffix == ".parquet":
        pq.write_table(pa.Table.from_pandas(table, preserve_index=False), path)
        return
    with open(path, "wb") as handle:
        for chunk in csv_chunks(table):
            handle.write(chunk)


#: numpy dtype kinds :func:`csv_chunks` formats with Arrow (and float64, see :func:`_arrow_column`).
_ARROW_KINDS = "iu"
#: A cell that pandas (the csv module, QUOTE_MINIMAL, ``\\n`` line ends) puts in quotes.
_NEEDS_QUOTES = '[,"\n]'
#: Rows formatted at a time: bounds the memory the text of a national table takes.
CHUNK_ROWS = 100_000


def csv_bytes(table: pd.DataFrame) -> bytes:
    """``table`` as CSV, UTF-8, the content pandas ``to_csv(index=False, lineterminator="\\n")``
    gives (see the module docstring for floats). Empty table: the header line only."""
    return b"".join(bytes(chunk) for chunk in csv_chunks(table))


def csv_chunks(table: pd.DataFrame, rows: int = CHUNK_ROWS) -> Iterator[bytes | memoryview]:
    """The CSV of ``table`` (see :func:`csv_bytes`) in pieces: the header, then ``rows`` rows at a
    time. Columns that are not numbers (int, float, nullable Int) or text (``str``) send the
    table to pandas (one piece)."""
    if not all(_arrow_column(table[name]) for name in table.columns) or table.columns.duplicated().any():
        yield table.to_csv(index=False, encoding="utf-8", lineterminator="\n").encode("utf-8")
        return
    yield (",".join(_quoted(pa.array([str(name) for name in table.columns])).to_pylist()) + "\n").encode("utf-8")
    if not len(table.columns):
        return
    for start in range(0, len(table), rows):
        part = table.iloc[start: start + rows]
        cells = [_csv_cells(part[name]) for name in part.columns]
        if len(cells) == 1:  # the csv module quotes a line's only field when it is empty
            lines = pc.if_else(pc.equal(cells[0], ""), _large('""'), cells[0])
        else:
            lines = pc.binary_join_element_wise(*cells, _large(","))
        yield _utf8_bytes(pc.binary_join_element_wise(lines, _large(""), _large("\n")))  # each line, then "\n"


def _large(text: str) -> pa.Scalar:
    return pa.scalar(text, pa.large_string())


def _arrow_column(column: pd.Series) -> bool:
    """Whether :func:`_csv_cells` writes this column as pandas does: text (``str``), integers
    (numpy or nullable ``Int64``/``Int32``) and numpy float64. Not float32 or nullable ``Float64``
    (their text differs), booleans, dates or object columns."""
    dtype = column.dtype
    if dtype == "str":
        return True
    if isinstance(dtype, pd.api.extensions.ExtensionDtype):
        return isinstance(dtype, (pd.Int64Dtype, pd.Int32Dtype))
    return dtype.kind in _ARROW_KINDS or dtype == np.float64


def _csv_cells(column: pd.Series) -> pa.Array:
    """The CSV text of every cell of one column: numbers as pandas writes them (floats see the
    module docstring), text quoted where needed, missing values (NaN, NA, None) empty."""
    if column.dtype == "str":
        text = _quoted(pc.cast(pa.array(column, from_pandas=True), pa.large_string()))  # Arrow-backed: no copy
    elif column.dtype == np.float64:
        values = column.to_numpy()
        text = pc.cast(pa.array(values, mask=np.isnan(values)), pa.string())
        if (values == np.trunc(values)).any():  # some whole numbers (NaN and inf are not): 100 → 100.0, as Python writes it
            whole = pc.match_substring_regex(text, "^-?[0-9]+$")
            text = pc.if_else(whole, pc.binary_join_element_wise(text, pa.scalar(".0"), ""), text)
    else:
        text = pc.cast(pa.array(column, from_pandas=True), pa.string())
    return pc.cast(pc.fill_null(text, ""), pa.large_string())  # 64-bit offsets: lines may pass 2 GB


def _quoted(text: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """Text cells in quotes (inner ``"`` doubled) where they hold ``,``, ``"`` or a line break.

    A column of few distinct values (OPD names, sasaran) is quoted once per distinct value."""
    if not _may_need_quotes(text):
        return text
    if isinstance(text, pa.ChunkedArray):
        return pa.chunked_array([_quoted_repeated(chunk) for chunk in text.chunks], type=text.type)
    return _quoted_repeated(text)


def _quoted_repeated(text: pa.Array) -> pa.Array:
    if len(text) >= 1000:
        encoded = pc.dictionary_encode(text)  # a missing cell stays missing (its index is null)
        if len(encoded.dictionary) * 4 <= len(text):
            return pc.take(_quoted_each(encoded.dictionary), encoded.indices)
    return _quoted_each(text)


def _quoted_each(text: pa.Array) -> pa.Array:
    needs = pc.fill_null(pc.match_substring_regex(text, _NEEDS_QUOTES), False)
    if not pc.any(needs).as_py():
        return text
    quote = pa.scalar('"', text.type)
    escaped = pc.binary_join_element_wise(quote, pc.replace_substring(text, '"', '""'), quote, pa.scalar("", text.type))
    return pc.if_else(needs, escaped, text)


def _may_need_quotes(text: pa.Array | pa.ChunkedArray) -> bool:
    """False when no byte of the text is ``,``, ``"`` or a line break: one scan of the raw
    buffers (memchr), much faster than matching every cell. True says only "perhaps" (a null
    cell may hide bytes)."""
    for chunk in text.chunks if isinstance(text, pa.ChunkedArray) else [text]:
        _, offsets, data = chunk.buffers()
        if data is None or not len(chunk):
            continue
        width = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
        ends = np.frombuffer(offsets, dtype=width)[[chunk.offset, chunk.offset + len(chunk)]]
        raw = data.slice(int(ends[0]), int(ends[1] - ends[0])).to_pybytes()  # the bytes of this slice only
        if b"," in raw or b'"' in raw or b"\n" in raw:
            return True
    return False


def _utf8_bytes(lines: pa.Array) -> memoryview:
    """The concatenated UTF-8 bytes of a large_string array without nulls (no copy)."""
    lines = lines if isinstance(lines, pa.Array) else lines.combine_chunks()
    offsets = np.frombuffer(lines.buffers()[1], dtype=np.int64)[lines.offset: lines.offset + len(lines) + 1]
    return memoryview(lines.buffers()[2])[offsets[0]: offsets[-1]]
