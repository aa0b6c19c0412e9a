"""Same inputs, same bytes: with ``SOURCE_DATE_EPOCH`` set, two builds of the same project are
byte-identical, and every date the outputs carry is that moment.

``SOURCE_DATE_EPOCH=1739232000`` is 2025-02-11 00:00:00 UTC (20 130 days × 86 400 s after
1970-01-01), shown on the site as "11 Februari 2025".
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from publish_fixture import make_project

from kinerja.support import reproducible

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "contoh-kecil" / "kinerja.csv"
EPOCH = "1739232000"
ENV = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}


def kinerja(*args, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "kinerja", *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          env=env or ENV, timeout=900, check=False)
    return done


def digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def differences(one: dict[str, str], two: dict[str, str]) -> list[str]:
    return sorted({name for name in one.keys() | two.keys() if one.get(name) != two.get(name)})


def assert_build_date(xlsx: Path) -> None:
    """Every time an XLSX file holds is 2025-02-11 00:00:00 (UTC)."""
    with zipfile.ZipFile(xlsx) as book:
        assert {info.date_time for info in book.infolist()} == {(2025, 2, 11, 0, 0, 0)}, xlsx
        core = book.read("docProps/core.xml").decode()
    assert 'W3CDTF">2025-02-11T00:00:00Z</dcterms:created>' in core, core
    assert 'W3CDTF">2025-02-11T00:00:00Z</dcterms:modified>' in core, core


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The fixture project built (run + publish, pandoc engine) twice, in two folders, with
    ``SOURCE_DATE_EPOCH`` set; the second a little later, as two builds are."""
    projects = []
    for name in ("satu", "dua-lain"):
        project = make_project(tmp_path_factory.mktemp(name) / "proyek")
        for command in (("run", "--tahun", "2024", "--jobs", "2"), ("publish", "--engine", "pandoc")):
            done = kinerja(*command, cwd=project)
            assert done.returncode == 0, done.stderr
        projects.append(project)
    return projects


def test_two_builds_are_byte_identical(builds):
    one, two = builds
    for folder in ("_build", "_site"):
        first, second = digests(one / folder), digests(two / folder)
        assert len(first) > 40
        assert differences(first, second) == [], f"{folder}: these files differ"


def test_every_date_is_the_source_date_epoch(builds):
    project = builds[0]
    index = (project / "_site" / "index.html").read_text(encoding="utf-8")
    assert "Dibuat 11 Februari 2025" in index
    pdf = (project / "_site" / "2024" / "laporan.pdf").read_bytes()
    assert re.search(rb"/CreationDate ?\(D:20250211000000Z\)", pdf) and b"<xmp:CreateDate>2025-02-11T00:00:00+00:00" in pdf
    for xlsx in [*(project / "_build").rglob("*.xlsx"), *(project / "_site").rglob("*.xlsx")]:
        assert_build_date(xlsx)
    for path in (project / "_build").rglob("*.ipynb"):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        meta = notebook["metadata"]["papermill"]
        assert not {"start_time", "end_time", "duration"} & set(meta), path
        injected = [c for c in notebook["cells"] if "injected-parameters" in c["metadata"].get("tags", [])]
        assert [c["id"] for c in injected] == ["injected-parameters"], path


def test_score_outputs_are_byte_identical(tmp_path):
    for out in ("a", "b"):
        assert kinerja("score", SAMPLE, "--out", out, "-q", cwd=tmp_path).returncode == 0
    assert digests(tmp_path / "a") == digests(tmp_path / "b")


def test_template_and_findings_report_carry_the_build_date(tmp_path):
    assert kinerja("template", "pk.xlsx", "--tahun", "2025", cwd=tmp_path).returncode == 0
    assert_build_date(tmp_path / "pk.xlsx")
    assert kinerja("validate", SAMPLE, "--report", "temuan.xlsx", cwd=tmp_path).returncode == 0
    assert_build_date(tmp_path / "temuan.xlsx")


def test_a_malformed_source_date_epoch_stops_before_writing(tmp_path):
    done = kinerja("score", SAMPLE, "--out", "hasil", cwd=tmp_path, env={**os.environ, "SOURCE_DATE_EPOCH": "kemarin"})
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "SOURCE_DATE_EPOCH=kemarin bukan waktu yang dikenal" in done.stderr
    assert not (tmp_path / "hasil").exists()


def test_without_source_date_epoch_the_date_is_today(monkeypatch):
    import datetime

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert reproducible.build_date() == datetime.date.today()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "")
    assert reproducible.source_date_epoch() is None
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert reproducible.build_date() == datetime.date(1970, 1, 1)


def test_normalise_xlsx_leaves_a_file_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "bukan.xlsx"
    path.write_bytes(b"bukan zip")
    reproducible.normalise_xlsx(path)
    assert path.read_bytes() == b"bukan zip"
