"""Writing result tables: standard CSV (comma, ``.`` decimal point, UTF-8, unrounded floats),
all or nothing.

The files are written into a temporary folder beside the destination and moved in only when all
of them are complete, so an error or an interruption never leaves a half-written set behind.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from kinerja.engine import ScoreResult


def result_files(result: ScoreResult) -> dict[str, pd.DataFrame]:
    """The CSV files of ``kinerja score``: ``indikator.csv`` … ``perubahan_pemda.csv``."""
    return {f"{name}.csv": table for name, table in result.tables().items()}


def write_csv_files(files: dict[str, pd.DataFrame], out: str | Path) -> list[Path]:
    """Write every table as CSV into ``out`` (created if needed), atomically as a set.

    Other files already in ``out`` are left alone; files of the same name are replaced.
    Returns the paths written.
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise NotADirectoryError(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.sementara-", dir=out.parent))
    try:
        for name, table in files.items():
            table.to_csv(staging / name, index=False, encoding="utf-8", lineterminator="\n")
        out.mkdir(exist_ok=True)
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
    handle, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent)
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
