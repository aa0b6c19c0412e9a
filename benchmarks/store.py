"""A Parquet store of the validated tidy table, partitioned by year, updated incrementally.

Layout under ``root`` (Hive style, so pyarrow, DuckDB or polars can read it too)::

    root/_manifest.json                    what is in the store (the commit point, see below)
    root/tahun=2023/part-<id>.parquet      every row of 2023 (``tahun`` is in the folder name)
    root/tahun=2024/part-<id>.parquet

Each year partition is one Parquet file written with pyarrow. Text columns stay text (``007``
stays ``007``), numbers stay float64, and :meth:`Store.read` gives ``tahun`` back as an integer
(pandas ``Int64``) with the column order of :mod:`kinerja.inputs.schema`. The source columns ``_berkas``,
``_lembar``, ``_baris`` are kept, so findings about stored rows can still name their place; the
store adds one column of its own, ``_sumber`` (the source a row came from), which :meth:`read`
leaves out unless asked for.

The manifest lists the partition file of each year and, for every source file, its path, size,
modification time, SHA-256 of its content and how many rows it gave each year.
:meth:`Store.update` re-reads only the sources whose content changed (or that are new), removes
the rows of sources no longer given, and rewrites only the year partitions those rows are in.

Atomicity: new partition files get new names and are written through a temporary file and a
rename; the manifest is then replaced in one rename, which is the commit point. An update that
fails or is interrupted before that leaves the previous state in force (the half-written or
unreferenced files are ignored by :meth:`read` and deleted by the next update). Old partition files
are deleted only after the new manifest is in place. One process updates a store at a time.

The store stores what it is given: validating the table (across files) is the caller's job, e.g.
``kinerja.inputs.validate.validate_table(store.read(), rules)``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from kinerja.support import pesan

from kinerja.inputs import schema

MANIFEST = "_manifest.json"  # "_" and "." files are skipped by pyarrow, DuckDB, polars
FORMAT = 1
#: Column the store adds: the manifest key of the source each row came from.
SOURCE_KEY = "_sumber"
#: The ``_sumber`` (and manifest key) of rows stored with :meth:`Store.write` rather than from a file.
TABLE_SOURCE = ""
#: Source columns kept from the readers (see :mod:`kinerja.inputs.readers`), in this order after the contract's.
SOURCE_COLUMNS = ["_berkas", "_lembar", "_baris"]
_STRING = pd.StringDtype("pyarrow", na_value=np.nan)  # pandas' default ``str`` dtype


class StoreError(Exception):
    """The store cannot do what was asked; the message is in Bahasa Indonesia."""


@dataclass(frozen=True)
class SourceState:
    """What the store knows about one source file."""

    path: str
    size: int
    mtime_ns: int
    sha256: str
    rows: dict[int, int]  # rows per year


@dataclass(frozen=True)
class UpdateReport:
    """What an :meth:`Store.update` did: sources (re)read, unchanged and removed (manifest keys),
    and the years whose partition was rewritten or deleted."""

    read: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    years_written: list[int] = field(default_factory=list)
    years_removed: list[int] = field(default_factory=list)


class Store:
    """The validated tidy table of a project, as Parquet partitions by year under ``root``."""

    def __init__(self, root: str | Path):
        self.root = Path(root)

    # --- reading -----------------------------------------------------------------------------

    def years(self) -> list[int]:
        """The years in the store, ascending."""
        return sorted(self._manifest()["partitions"])

    def sources(self) -> dict[str, SourceState]:
        """The source files the store was built from, by manifest key."""
        return dict(self._manifest()["sources"])

    def columns(self) -> list[str]:
        """The columns :meth:`read` returns by default, in that order (without ``_sumber``)."""
        manifest = self._manifest()
        names = ["tahun"] if manifest["partitions"] else []
        for entry in manifest["partitions"].values():
            names += [n for n in pq.read_schema(self.root / entry["file"]).names if n not in names]
        return _ordered([n for n in names if n != SOURCE_KEY], None)

    def read(self, years: Iterable[int] | None = None, columns: Iterable[str] | None = None) -> pd.DataFrame:
        """The stored table (all years, or only ``years``), optionally only some ``columns``.

        Columns come in the order of :mod:`kinerja.inputs.schema`, then ``_berkas, _lembar, _baris``, then
        any other; ``tahun`` is ``Int64``, text columns ``str``, numbers ``float64``. A requested
        column that no partition has is left out (optional columns may be absent, as in a tidy
        table). ``_sumber`` is returned only when requested. An empty store gives an empty table.
        """
        manifest = self._manifest()
        partitions = manifest["partitions"]
        chosen = sorted(partitions) if years is None else sorted({int(y) for y in years} & set(partitions))
        wanted = None if columns is None else list(dict.fromkeys(columns))
        pieces = []
        for year in chosen:
            path = self.root / partitions[year]["file"]
            names = pq.read_schema(path).names
            if wanted is None:
                load = [name for name in names if name != SOURCE_KEY]
            else:
                load = [name for name in wanted if name in names]
            piece = pq.read_table(path, columns=load)
            if wanted is None or "tahun" in wanted:
                piece = piece.append_column("tahun", pa.array(np.full(piece.num_rows, year, dtype=np.int64)))
            pieces.append(piece)
        if not pieces:
            return pd.DataFrame({"tahun": pd.array([], dtype="Int64")} if wanted is None or "tahun" in wanted else {})
        table = pa.concat_tables(pieces, promote_options="permissive") if len(pieces) > 1 else pieces[0]
        del pieces
        # one chunk per column (taking rows from chunked text is ~8× slower), combined one column at
        # a time and the chunks let go at once, so that the peak is the table plus one column
        names, arrays, column = table.column_names, [], None
        for _ in names:
            column = table.column(0)
            arrays.append(column.combine_chunks() if column.num_chunks > 1 else column)
            table = table.remove_column(0)
        del table, column
        table = pa.table(arrays, names=names)
        frame = table.to_pandas(types_mapper=_pandas_type, split_blocks=True, self_destruct=True)
        del arrays, table
        if "tahun" in frame:
            frame["tahun"] = frame["tahun"].astype("Int64")
        return frame[_ordered(frame.columns, wanted)]

    # --- writing -----------------------------------------------------------------------------

    def write(self, table: pd.DataFrame) -> list[int]:
        """Replace the whole content of the store by ``table`` (no source file tracked: its rows are
        listed under the source key :data:`TABLE_SOURCE`).

        A later :meth:`update` keeps only the rows of the sources it is given, so it removes these
        rows. Returns the years written.
        """
        by_year = _split_years(_with_source(table, TABLE_SOURCE), pesan.STORE_TABEL)
        manifest = self._manifest()
        self._collect_garbage(manifest)
        written = {year: self._write_partition(year, part) for year, part in by_year.items()}
        state = SourceState(TABLE_SOURCE, 0, 0, "", {year: len(part) for year, part in by_year.items()})
        self._commit({"partitions": written, "sources": {TABLE_SOURCE: state}}, obsolete=manifest["partitions"])
        return sorted(written)

    def update(self, sources: Iterable[str | Path], read_source: Callable[[str], pd.DataFrame]) -> UpdateReport:
        """Make the store hold exactly the rows of ``sources``, re-reading only what changed.

        ``sources`` are files (expand folders first, e.g. with :func:`kinerja.inputs.readers.expand_paths`).
        ``read_source(path)`` turns one source file into its tidy table (the reader layer, with the
        columns of :mod:`kinerja.inputs.schema` and ``_berkas, _lembar, _baris``); it is called only for
        sources that are new or whose content (SHA-256) differs from the last update. Rows of
        sources that are no longer given are removed. Only the year partitions with rows of a
        changed or removed source are rewritten. Sources are identified by their path as given
        (normalised), so give them the same way every time.

        If ``read_source`` raises, the exception propagates and the store is left as it was.
        """
        manifest = self._manifest()
        self._collect_garbage(manifest)
        known: dict[str, SourceState] = manifest["sources"]
        keys = [os.path.normpath(str(source)) for source in sources]
        report = UpdateReport(removed=sorted(set(known) - set(keys)))
        states: dict[str, SourceState] = {}
        new_rows: dict[str, dict[int, pd.DataFrame]] = {}
        for key in dict.fromkeys(keys):
            stat = os.stat(key)
            old = known.get(key)
            # always hash: a file rewritten within the clock's resolution keeps its size and mtime
            digest = _sha256(key)
            if old is not None and old.sha256 == digest:
                states[key] = SourceState(key, stat.st_size, stat.st_mtime_ns, digest, old.rows)
                report.unchanged.append(key)
                continue
            table = read_source(key)
            if not isinstance(table, pd.DataFrame):
                raise StoreError(pesan.STORE_BUKAN_TABEL.format(berkas=key, jenis=type(table).__name__))
            by_year = _split_years(_with_source(table, key), key)
            new_rows[key] = by_year
            states[key] = SourceState(
                key, stat.st_size, stat.st_mtime_ns, digest, {year: len(part) for year, part in by_year.items()}
            )
            report.read.append(key)

        dropped = set(report.removed) | set(report.read)
        affected = {year for key in dropped if key in known for year in known[key].rows}
        affected |= {year for by_year in new_rows.values() for year in by_year}
        partitions = dict(manifest["partitions"])
        obsolete = {}
        for year in sorted(affected):
            kept = []
            if year in partitions:
                obsolete[year] = partitions.pop(year)
                old_table = pq.read_table(self.root / obsolete[year]["file"])
                keep = pc.invert(pc.is_in(old_table[SOURCE_KEY], pa.array(sorted(dropped), pa.string())))
                kept.append(old_table.filter(keep))
            kept += [pa.Table.from_pandas(by_year[year], preserve_index=False)
                     for by_year in new_rows.values() if year in by_year]
            combined = pa.concat_tables(kept, promote_options="permissive") if kept else None
            if combined is None or combined.num_rows == 0:
                report.years_removed.append(year)
                continue
            partitions[year] = self._write_arrow(year, combined)
            report.years_written.append(year)
        self._commit({"partitions": partitions, "sources": states}, obsolete=obsolete)
        return report

    # --- internals ---------------------------------------------------------------------------

    def _manifest(self) -> dict:
        path = self.root / MANIFEST
        if not path.exists():
            return {"partitions": {}, "sources": {}}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                raise ValueError(f"format {data.get('format')!r}")
            return {
                "partitions": {int(year): entry for year, entry in data["partitions"].items()},
                "sources": {
                    key: SourceState(
                        entry["path"], entry["size"], entry["mtime_ns"], entry["sha256"],
                        {int(year): rows for year, rows in entry["rows"].items()},
                    )
                    for key, entry in data["sources"].items()
                },
            }
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise StoreError(pesan.STORE_MANIFEST_RUSAK.format(berkas=path, rincian=error)) from error

    def _write_partition(self, year: int, part: pd.DataFrame) -> dict:
        return self._write_arrow(year, pa.Table.from_pandas(part, preserve_index=False))

    def _write_arrow(self, year: int, table: pa.Table) -> dict:
        folder = self.root / f"tahun={year}"
        folder.mkdir(parents=True, exist_ok=True)
        name = f"part-{uuid.uuid4().hex}.parquet"
        temporary = folder / f".{name}.tmp"
        table = table.replace_schema_metadata(None)
        if "tahun" in table.column_names:
            table = table.drop_columns(["tahun"])
        pq.write_table(table, temporary)
        _fsync(temporary)
        os.replace(temporary, folder / name)
        return {"file": f"tahun={year}/{name}", "rows": table.num_rows}

    def _commit(self, manifest: dict, obsolete: dict) -> None:
        data = {
            "format": FORMAT,
            "partitions": {str(year): entry for year, entry in sorted(manifest["partitions"].items())},
            "sources": {
                key: {
                    "path": state.path, "size": state.size, "mtime_ns": state.mtime_ns, "sha256": state.sha256,
                    "rows": {str(year): rows for year, rows in sorted(state.rows.items())},
                }
                for key, state in sorted(manifest["sources"].items())
            },
        }
        self.root.mkdir(parents=True, exist_ok=True)
        temporary = self.root / f".{MANIFEST}.{uuid.uuid4().hex}.tmp"
        temporary.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        _fsync(temporary)
        os.replace(temporary, self.root / MANIFEST)
        # the new state is committed; what follows is tidying up, retried by the next update if it
        # fails (e.g. a partition file still open in another program on Windows)
        for entry in obsolete.values():
            with contextlib.suppress(OSError):
                (self.root / entry["file"]).unlink(missing_ok=True)
        for folder in self.root.glob("tahun=*"):
            if folder.is_dir() and not any(folder.iterdir()):
                with contextlib.suppress(OSError):
                    folder.rmdir()

    def _collect_garbage(self, manifest: dict) -> None:
        """Delete what an interrupted update left: temporary and unreferenced partition files."""
        referenced = {self.root / entry["file"] for entry in manifest["partitions"].values()}
        leftovers = [p for p in self.root.glob("tahun=*/*") if p.is_file() and p not in referenced]
        for path in [*leftovers, *self.root.glob(f".{MANIFEST}.*.tmp")]:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)


def _with_source(table: pd.DataFrame, key: str) -> pd.DataFrame:
    return table.assign(**{SOURCE_KEY: pd.array(np.full(len(table), key, dtype=object), dtype=_STRING)})


def _split_years(table: pd.DataFrame, where: str) -> dict[int, pd.DataFrame]:
    """The rows of each year, without ``tahun`` (it is in the partition's folder name)."""
    if "tahun" not in table:
        raise StoreError(pesan.STORE_TANPA_TAHUN.format(berkas=where))
    years = pd.to_numeric(table["tahun"], errors="coerce")
    if years.isna().any() or (years != years.round()).any():
        raise StoreError(pesan.STORE_TANPA_TAHUN.format(berkas=where))
    years = years.astype(np.int64).to_numpy()
    body = table.drop(columns="tahun").reset_index(drop=True)
    return {int(year): body[years == year].reset_index(drop=True) for year in np.unique(years)}


def _ordered(columns: Iterable[str], wanted: list[str] | None) -> list[str]:
    present = list(columns)
    contract = [c.name for c in schema.COLUMNS if c.name in present]
    sources = [c for c in [*SOURCE_COLUMNS, SOURCE_KEY] if c in present]
    others = [c for c in present if c not in contract and c not in sources]
    ordered = contract + sources + others
    if wanted is not None:
        return [c for c in wanted if c in present]
    return ordered


def _pandas_type(arrow_type: pa.DataType):
    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return _STRING
    if pa.types.is_null(arrow_type):
        return _STRING  # a column empty in every source: text, all missing
    return None


def _sha256(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())
