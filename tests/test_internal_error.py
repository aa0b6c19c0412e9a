"""Never a traceback: an internal error is one Indonesian line naming a log file that holds the
traceback (exit 2); a broken executed notebook is a message naming the file (exit 1)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from publish_fixture import published

from kinerja.support import crash

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "contoh-kecil" / "kinerja.csv"

#: ``kinerja score`` with its scoring replaced by a function that fails as a bug would.
FAILING_SCORE = """
import sys
import kinerja.cli

def broken(*args, **kwargs):
    raise ZeroDivisionError("kegagalan buatan untuk uji")

kinerja.cli.score_table = broken
sys.exit(kinerja.cli.main(sys.argv[1:]))
"""


def test_an_internal_error_is_one_line_and_a_log_with_the_traceback(tmp_path):
    cache = tmp_path / "cache"
    done = subprocess.run([sys.executable, "-c", FAILING_SCORE, "score", str(SAMPLE), "--out", str(tmp_path / "hasil")],
                          capture_output=True, text=True, cwd=tmp_path, timeout=300,
                          env={**os.environ, "XDG_CACHE_HOME": str(cache)}, check=False)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    logs = sorted((cache / "kinerja").glob("kinerja-galat-*.log"))
    assert len(logs) == 1
    assert lines[0] == (f"GALAT INTERNAL: terjadi kesalahan di dalam kinerja (ZeroDivisionError), bukan pada data Anda. "
                        f"Rincian lengkapnya (traceback) ditulis ke {logs[0]}; lampirkan berkas itu bila melaporkan "
                        f"masalah ini.")
    log = logs[0].read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log and "ZeroDivisionError: kegagalan buatan untuk uji" in log
    assert f"score {SAMPLE} --out" in log and "in run_score" in log
    assert not (tmp_path / "hasil").exists()


def test_the_log_falls_back_to_the_temp_folder(tmp_path, monkeypatch):
    blocked = tmp_path / "bukan-folder"
    blocked.write_text("x")  # the cache folder cannot be made below a file
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    monkeypatch.setattr(crash.tempfile, "gettempdir", lambda: str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    try:
        raise RuntimeError("uji")
    except RuntimeError as error:
        path = crash.write_crash_log(error, ["run", "--tahun", "2024"])
    assert path is not None and path.parent == tmp_path / "temp"
    assert "RuntimeError: uji" in path.read_text(encoding="utf-8")


def test_usage_and_data_errors_keep_their_exit_codes(tmp_path):
    usage = subprocess.run([sys.executable, "-m", "kinerja", "score", str(SAMPLE)], capture_output=True, text=True,
                           timeout=300, check=False)
    assert usage.returncode == 2 and "argumen berikut wajib diisi: --out" in usage.stderr
    bad = tmp_path / "buruk.csv"
    bad.write_text(SAMPLE.read_text(encoding="utf-8").replace(",positif,", ",naik,", 1), encoding="utf-8")
    data = subprocess.run([sys.executable, "-m", "kinerja", "score", str(bad), "--out", str(tmp_path / "o")],
                          capture_output=True, text=True, timeout=300, check=False)
    assert data.returncode == 1 and "Polaritas tidak dikenal" in data.stderr and "Traceback" not in data.stderr


# --- publish: executed notebooks of the wrong shape ----------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    built = published(tmp_path_factory)
    folder = tmp_path_factory.mktemp("bentuk") / "proyek"
    shutil.copytree(built.project, folder, ignore=shutil.ignore_patterns("_site*"))
    return folder


@pytest.mark.parametrize(("content", "words"), [
    ("[]", "bukan notebook hasil kinerja run yang utuh: isinya bukan objek notebook"),
    ('{"cells": 5}', "tidak ada daftar sel (cells)"),
    ('{"cells": [1]}', "sel ke-1 tidak berbentuk sel notebook"),
    ('{"cells": [{"cell_type": "raw", "source": "", "metadata": {"tags": "parameters"}}]}',
     "sel ke-1 tidak berbentuk sel notebook"),
    ('{"cells": [{"cell_type": "code", "source": "", "outputs": "x"}]}', "keluaran sel ke-1 tidak berbentuk"),
    ('{"cells": [{"cell_type": "code", "source": "", "outputs": [{"data": {"image/png": 5}}]}]}',
     "keluaran sel ke-1 tidak berbentuk"),
    ("TERPOTONG", "isinya bukan JSON yang utuh (rusak mulai baris"),
])
def test_publish_names_a_broken_notebook(project, content, words, tmp_path):
    work = tmp_path / "proyek"
    shutil.copytree(project, work)
    page = work / "_build" / "2024" / "opd" / "1.02.ipynb"
    if content == "TERPOTONG":
        content = page.read_text(encoding="utf-8")[:2000]  # a copy cut short
    else:
        json.loads(content)  # valid JSON, of the wrong shape
    page.write_text(content, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "kinerja", "publish", "--engine", "pandoc"], cwd=work,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert f"Notebook {page}" in done.stderr and words in done.stderr, done.stderr
    assert "kinerja run --force" in done.stderr
    assert not (work / "_site").exists()


def test_a_stamp_or_plan_of_the_wrong_shape_means_run_again(tmp_path):
    from kinerja import run

    year = tmp_path / "_build" / "2024"
    year.mkdir(parents=True)
    (year / run.PLAN_FILE).write_text("[1, 2]", encoding="utf-8")
    assert run.remembered_plan(2024, [], "_build", tmp_path) is None
    (year / run.PLAN_FILE).write_text('{"kunci": null, "jobs": [{"bukan": 1}]}', encoding="utf-8")
    assert run.remembered_plan(2024, [], "_build", tmp_path) is None
    for suffix, text in ((".ipynb", "{}"), (".xlsx", "x"), (run.STAMP_SUFFIX, '["kunci"]')):
        (year / f"ringkasan{suffix}").write_text(text, encoding="utf-8")
    job = run.Job(2024, "ringkasan", None, "notebooks/ringkasan.ipynb", "_build/2024/ringkasan.ipynb", {}, "r", "k")
    assert run.is_current(job, tmp_path) is False
