"""Engine ``quarto``: ``quarto render`` of the staged project.

The staged folder is a plain Quarto website project (see :mod:`kinerja.publish.stage`): Quarto
renders the executed notebooks without executing them (``execute: enabled: false``), the OPD
listings, site search, and each ``<tahun>/laporan.qmd`` with ``format: typst`` (Quarto bundles
Typst, and Typst bundles the Libertinus Serif font the report uses), into the staged ``_site/``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from kinerja.support import pesan

ENV = "QUARTO_PATH"


class QuartoError(RuntimeError):
    pass


def find_quarto() -> str | None:
    """The ``quarto`` command: ``$QUARTO_PATH`` when set, else the one on PATH (None: not found)."""
    explicit = os.environ.get(ENV)
    if explicit and Path(explicit).is_file():
        return explicit
    return shutil.which("quarto")


def command(quarto: str, staged: Path) -> list[str]:
    """The command line that renders the staged project (run with the staged folder as cwd)."""
    return [quarto, "render", str(staged)]


def render(quarto: str, staged: Path) -> Path:
    """Render; return the folder Quarto wrote (the staged project's ``_site``)."""
    done = subprocess.run(command(quarto, staged), check=False, cwd=staged, capture_output=True, text=True)
    if done.returncode != 0:
        raise QuartoError(pesan.TERBIT_QUARTO_GAGAL.format(kode=done.returncode, rincian=(done.stderr or done.stdout)[-4000:]))
    return staged / "_site"
