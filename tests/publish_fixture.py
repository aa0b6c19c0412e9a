"""A published fixture project, built once per test session (shared by the publishing tests).

The project is ``tests/fixtures/publish/`` (three OPD over 2023–2024, one named
``<script>alert(1)</script>``) with the repository's notebooks, ``_quarto.yml`` and ``situs/``;
its notebooks are executed once by :func:`kinerja.run.run`, then published by each engine that
is asked for: the pandoc engine into ``_site/``, the Quarto engine into ``_site-quarto/`` (only
where Quarto is installed: tests of that engine are parametrised with :func:`engine_params`, which
skips them with a reason elsewhere). The work is cached in pytest's session temp folder, so the
test modules that use it pay once.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from kinerja.publish import quarto_engine

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "publish"
SCRIPT_NAME = "<script>alert(1)</script>"
OPD_NAMES = ["Dinas Uji Satu", SCRIPT_NAME, "Badan Uji Tiga"]

#: The engines and the folder each one publishes the fixture into.
SITES = {"pandoc": "_site", "quarto": "_site-quarto"}
QUARTO = quarto_engine.find_quarto()
QUARTO_SKIP = ("Quarto is not installed (no `quarto` on PATH, $QUARTO_PATH unset): the Quarto engine's tests run "
               "where it is (quarto --version)")


def engine_params() -> list:
    """``pytest.param`` for each engine; the Quarto one is skipped, with its reason, without Quarto."""
    return [pytest.param("pandoc", id="pandoc"),
            pytest.param("quarto", id="quarto", marks=pytest.mark.skipif(QUARTO is None, reason=QUARTO_SKIP))]


@dataclass(frozen=True)
class Published:
    project: Path
    site: Path
    engine: str = "pandoc"


def make_project(dest: Path, source: Path = FIXTURE) -> Path:
    """A fresh copy of a fixture project (default: ``tests/fixtures/publish``) with the
    repository's notebooks and site sources."""
    shutil.copytree(source, dest)
    shutil.copytree(ROOT / "notebooks", dest / "notebooks")
    shutil.copytree(ROOT / "situs", dest / "situs")
    shutil.copyfile(ROOT / "_quarto.yml", dest / "_quarto.yml")
    return dest


def published(tmp_path_factory, engine: str = "pandoc") -> Published:
    """The fixture project, run (once per session) and published with ``engine`` (once each)."""
    from kinerja import run
    from kinerja.publish import publish

    base = tmp_path_factory.getbasetemp() / "publish-fixture"
    project = base / "proyek"
    ran = base / "dijalankan"
    if not ran.exists():
        shutil.rmtree(base, ignore_errors=True)
        base.mkdir(parents=True)
        make_project(project)
        summary = run.run([2024], jobs=2, root=project, progress=False)
        assert summary.ok, summary.problems()
        ran.write_text("ok")
    done = base / f"diterbitkan-{engine}"
    if not done.exists():
        result = publish(project, engine=engine, out=SITES[engine])
        assert result.mesin == engine
        done.write_text("ok")
    return Published(project, project / SITES[engine], engine)
