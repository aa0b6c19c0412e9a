"""Writing result tables: standard CSV (comma, ``.`` decimal point, UTF-8, unrounded floats),
all or nothing.

The files are written into a temporary folder beside the destination and moved in only when all
of them are complete, so an error or an interruption never leaves a half-written set behind. The
destination must be a folder kinerja may write into (:mod:`kinerja.safety`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

from kinerja import safety
from kinerja.engine import ScoreResult

#: Name start of the temporary folder of :func:`write_csv_files` (with the process id).
STAGING_PREFIX = ".kinerja-hasil-"
#: Name start of the temporary file of :func:`atomic_file` (with the process id).
TEMPORARY_PREFIX = ".kinerja-sementara-"


def result_files(result: ScoreResult) -> dict[str, pd.DataFrame]:
    """The CSV files of ``kinerja score``: ``indikator.csv`` … ``perubahan_pemda.csv``."""
    return {f"{name}.csv": table for name, table in result.tables().items()}


def result_names() -> list[str]:
    """The names of the files :func:`result_files` gives (``indikator.csv`` …), known before scoring."""
    return [f"{field}.csv" for field in ScoreResult.__dataclass_fields__ if field != "rules"]


def write_csv_files(files: dict[str, pd.DataFrame], out: str | Path, inputs: Iterable[str | Path] = (),
                    root: str | Path = ".") -> list[Path]:
    """Write every table as CSV into ``out`` (created if needed, and marked as kinerja's), atomically
    as a set.

    ``out`` must pass :func:`kinerja.safety.check_output_folder` (``inputs``: the files the tables
    were made from; ``root``: the working folder), else :class:`kinerja.safety.OutputFolderError`
    and nothing is written. Other files already in ``out`` are left alone; files of the same name,
    written by kinerja before, are replaced. Returns the paths written.
    """
    out = Path(out)
    safety.check_output_folder(out, "hasil", root=root, inputs=inputs, replaces=list(files))
    staging = safety.staging_folder(out.parent, STAGING_PREFIX)
    try:
        for name, table in files.items():
            table.to_csv(staging / name, index=False, encoding="utf-8", lineterminator="\n")
        safety.mark_folder(out, "hasil", list(files), keep=True)  # first: a file moved in is always listed
        written = []
        for name in files:
            os.replace(staging / name, out / name)
            written.append(out / name)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)


@contextlib.contextmanager
def atomic_file(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the block succeeds it replaces ``path`` (with
    the permissions a new file would get), when it fails it is removed and ``path`` is untouched."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    safety.remove_stale(path.parent, TEMPORARY_PREFIX, legacy="keep")
    handle, name = tempfile.mkstemp(prefix=safety.temporary_prefix(TEMPORARY_PREFIX), suffix=path.suffix,
                                    dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
