"""A published fixture project, built once per test session (shared by the publishing tests).

The project is ``tests/fixtures/publish/`` (three OPD over 2023–2024, one named
``<script>alert(1)</script>``) with the repository's notebooks, ``_quarto.yml`` and ``situs/``;
its notebooks are executed by :func:`kinerja.run.run` and published by the pandoc engine. The
work is cached in pytest's session temp folder, so the three test modules that use it pay once.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "publish"
SCRIPT_NAME = "<script>alert(1)</script>"
OPD_NAMES = ["Dinas Uji Satu", SCRIPT_NAME, "Badan Uji Tiga"]


@dataclass(frozen=True)
class Published:
    project: Path
    site: Path


def make_project(dest: Path, source: Path = FIXTURE) -> Path:
    """A fresh copy of a fixture project (default: ``tests/fixtures/publish``) with the
    repository's notebooks and site sources."""
    shutil.copytree(source, dest)
    shutil.copytree(ROOT / "notebooks", dest / "notebooks")
    shutil.copytree(ROOT / "situs", dest / "situs")
    shutil.copyfile(ROOT / "_quarto.yml", dest / "_quarto.yml")
    return dest


def published(tmp_path_factory) -> Published:
    """The fixture project, run and published with the pandoc engine (once per session)."""
    from kinerja import run
    from kinerja.publish import publish

    base = tmp_path_factory.getbasetemp() / "publish-fixture"
    project = base / "proyek"
    done = base / "selesai"
    if not done.exists():
        shutil.rmtree(base, ignore_errors=True)
        base.mkdir(parents=True)
        make_project(project)
        summary = run.run([2024], jobs=2, root=project, progress=False)
        assert summary.ok, summary.problems()
        publish(project, engine="pandoc")
        done.write_text("ok")
    return Published(project, project / "_site")
