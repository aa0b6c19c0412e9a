"""What an input path holds, cheaply comparable: the name and content hash of every file."""

from __future__ import annotations

import hashlib
from pathlib import Path


def fingerprint(path: str | Path) -> tuple[tuple[str, str | None], ...]:
    """The resolved name and SHA-256 of every file at ``path`` (a folder: its files, sorted); a
    file that cannot be read has the hash None. Two paths with the same fingerprint hold the same
    data: the page model's cache and the runner's plan cache key on it."""
    path = Path(path)
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    found = []
    for file in files:
        try:
            found.append((str(file.resolve()), hashlib.sha256(file.read_bytes()).hexdigest()))
        except OSError:
            found.append((str(file), None))
    return tuple(found)
