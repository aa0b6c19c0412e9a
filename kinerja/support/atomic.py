"""Files and folders that appear whole or not at all.

Every file kinerja writes goes through here: written under a temporary name beside its place (named
with the writing process's id, so the next command can tell a dead run's leftovers,
:func:`kinerja.support.safety.remove_stale`), then moved into place with one ``os.replace``. A reader
sees the old file or the new one, never half of one; a failure leaves the old file untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from kinerja.support import safety

#: Name start of the temporary files (followed by the process id).
TEMPORARY_PREFIX = ".kinerja-sementara-"


@contextlib.contextmanager
def atomic_file(path: str | Path, prefix: str = TEMPORARY_PREFIX) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the block succeeds it replaces ``path`` (with
    the permissions a new file would get), when it fails it is removed and ``path`` is untouched.

    Stale temporary files of ``prefix`` left by processes no longer running are removed first."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    safety.remove_stale(path.parent, prefix, legacy="keep")
    handle, name = tempfile.mkstemp(prefix=f"{safety.temporary_prefix(prefix)}{path.name}.", suffix=path.suffix,
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


def write_bytes(path: str | Path, data: bytes, prefix: str = TEMPORARY_PREFIX) -> None:
    """Write ``data`` to ``path`` atomically (:func:`atomic_file`)."""
    with atomic_file(path, prefix) as temporary:
        temporary.write_bytes(data)


def swap_folder(new: Path, out: Path, aside: Path) -> None:
    """Put the folder ``new`` in the place of ``out``: the old ``out`` is moved to ``aside`` first and
    put back when the move fails. The caller removes ``aside`` (after checking it may)."""
    if out.exists():
        os.replace(out, aside)
    try:
        os.replace(new, out)
    except OSError:
        if aside.exists():
            os.replace(aside, out)
        raise
