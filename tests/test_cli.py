"""The ``kinerja`` command end to end, as a real process on real files."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "contoh-kecil" / "kinerja.csv"
FILES = [
    "indikator.csv", "sasaran.csv", "opd.csv", "pemda.csv",
    "perubahan_indikator.csv", "perubahan_opd.csv", "perubahan_pemda.csv",
]


def kinerja(*args, cwd=None):
    script = Path(sys.executable).with_name("kinerja")  # the console script of this environment
    command = [str(script)] if script.exists() else [sys.executable, "-m", "kinerja"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHONWARNINGS")}
    return subprocess.run([*command, *map(str, args)], capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_score_sample_hand_worked(tmp_path):
    before = hashlib.sha256(SAMPLE.read_bytes()).hexdigest()
    out = tmp_path / "hasil"
    done = kinerja("score", SAMPLE, "--out", out)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted([*FILES, ".kinerja"])  # and the marker
    assert hashlib.sha256(SAMPLE.read_bytes()).hexdigest() == before  # input untouched

    opd = pd.read_csv(out / "opd.csv", dtype={"kode_opd": str}).set_index(["tahun", "kode_opd"])
    assert list(opd.reset_index().columns[:7]) == ["tahun", "kode_opd", "nama_opd", "capaian", "predikat", "jumlah_indikator", "metode"]
    # Dinas PUPR 2024: one sasaran of 73,4/72 and the range 7–8 months with R 6,5: (2 − 6,5/7)
    pupr = (73.4 / 72 * 100 + (2 - 6.5 / 7) * 100) / 2
    assert opd.loc[(2024, "1.03.01"), "capaian"] == pytest.approx(pupr, rel=1e-12)
    # Dinas Pendidikan 2024: sasaran akses {87,2/86; putus sekolah not reported}, sasaran mutu {70,5/71}
    dikbud = (87.2 / 86 * 100 + 70.5 / 71 * 100) / 2
    assert opd.loc[(2024, "1.01.01"), "capaian"] == pytest.approx(dikbud, rel=1e-12)
    # Dinas Kesehatan 2024: {(2 − 110/115), (2 − 15,2/16)} and {94/92, stabil 100 − 3/75·100}
    dinkes = (((2 - 110 / 115) + (2 - 15.2 / 16)) / 2 * 100 + (94 / 92 * 100 + 100 - 3 / 75 * 100) / 2) / 2
    assert opd.loc[(2024, "1.02.01"), "capaian"] == pytest.approx(dinkes, rel=1e-12)
    bapenda = 101.3
    pemda = pd.read_csv(out / "pemda.csv").set_index("tahun")
    expected_2024 = (pupr + dikbud + dinkes + bapenda) / 4
    assert pemda.loc[2024, "capaian"] == pytest.approx(expected_2024, rel=1e-12)
    assert pemda.loc[2024, "predikat"] == "Sangat Tinggi" and pemda.loc[2024, "jumlah_opd"] == 4

    change = pd.read_csv(out / "perubahan_pemda.csv").set_index("tahun")
    assert change.loc[2024, "selisih_poin"] == pytest.approx(expected_2024 - pemda.loc[2023, "capaian"])
    opd_change = pd.read_csv(out / "perubahan_opd.csv", dtype={"kode_opd": str}, keep_default_na=False).set_index("kode_opd")
    assert opd_change.loc["4.01.01", "catatan"] == "tidak dapat dibandingkan: tidak ada padanannya pada tahun 2023"
    assert opd_change.loc["4.01.01", "selisih_poin"] == ""

    indikator = pd.read_csv(out / "indikator.csv", keep_default_na=False)
    missing = indikator[indikator["kode_indikator"] == "DP.1.2"].set_index("tahun")
    assert missing.loc[2024, "capaian"] == "" and missing.loc[2024, "catatan"] == "tidak dapat dihitung: realisasi belum dilaporkan"

    text = (out / "opd.csv").read_text(encoding="utf-8")
    assert ";" not in text and "104.5436507936508" in text  # comma-separated, '.' decimals, unrounded
    assert "Capaian kinerja pemda:" in done.stdout and "2024: 102,02 % (Sangat Tinggi)" in done.stdout
    assert "+3,96 poin" in done.stdout


def test_params_change_rules(tmp_path):
    params = tmp_path / "p.yml"
    params.write_text("aturan:\n  batas_atas: 100\n  agregasi_pemda: rata_rata\n", encoding="utf-8")
    done = kinerja("score", SAMPLE, "--params", params, "--out", tmp_path / "o")
    assert done.returncode == 0, done.stderr
    pemda = pd.read_csv(tmp_path / "o" / "pemda.csv").set_index("tahun")
    assert pemda.loc[2024, "metode"] == "rata_rata" and pemda.loc[2024, "batas_atas"] == 100
    assert pemda.loc[2024, "capaian"] <= 100
    assert "batas atas 100 dalam rata-rata" in done.stdout


BAD = """tahun,kode_opd,nama_opd,sasaran,indikator,satuan,polaritas,target,realisasi
2024,01,Dinas A,S,Indikator 1,%,positif,90,80
2024,01,Dinas A,S,Indikator 2,%,positif,sembilan puluh,80
2024,01,Dinas A,S,Indikator 3,%,naik,90,80
2024,01,Dinas A,S,indikator 1,%,positif,90,80
"""


def test_bad_input_exits_nonzero_and_writes_nothing(tmp_path):
    data = tmp_path / "buruk.csv"
    data.write_text(BAD, encoding="utf-8")
    before = data.read_bytes()
    out = tmp_path / "hasil"
    assert kinerja("score", SAMPLE, "--out", out).returncode == 0  # the results of an earlier run
    snapshot = digest(out)

    done = kinerja("score", data, "--out", out)
    assert done.returncode == 1
    assert f"GALAT {data}, baris 3, kolom target: Bukan angka" in done.stderr
    assert f"GALAT {data}, baris 4, kolom polaritas: Polaritas tidak dikenal" in done.stderr
    assert f"GALAT {data}, baris 5, kolom indikator: Indikator ini sudah ada" in done.stderr
    assert "3 galat" in done.stderr
    assert "Traceback" not in done.stderr
    assert digest(out) == snapshot  # DIR untouched
    assert data.read_bytes() == before
    assert not kinerja("score", data, "--out", tmp_path / "baru").returncode == 0
    assert not (tmp_path / "baru").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no staging left behind


def test_bad_params_exit_one(tmp_path):
    params = tmp_path / "p.yml"
    params.write_text("aturan:\n  batas_ats: 100\n", encoding="utf-8")
    done = kinerja("score", SAMPLE, "--params", params, "--out", tmp_path / "o")
    assert done.returncode == 1
    assert "kunci 'aturan.batas_ats': tidak dikenal" in done.stderr and "batas_atas" in done.stderr
    assert not (tmp_path / "o").exists()


def test_out_is_a_file(tmp_path):
    target = tmp_path / "berkas"
    target.write_text("x")
    done = kinerja("score", SAMPLE, "--out", target)
    assert done.returncode == 1 and "GALAT" in done.stderr and "Traceback" not in done.stderr
    assert target.read_text() == "x"


def test_usage_in_indonesian():
    done = kinerja("score", SAMPLE)
    assert done.returncode == 2
    assert "argumen berikut wajib diisi: --out" in done.stderr
    helped = kinerja("score", "--help")
    assert helped.returncode == 0 and "penggunaan: kinerja score" in helped.stdout and "--params BERKAS" in helped.stdout
    top = kinerja()
    assert top.returncode == 2 and "score" in top.stdout


def test_version():
    done = kinerja("--version")
    assert done.returncode == 0 and done.stdout.startswith("kinerja ")


@pytest.mark.parametrize("thread", [False, True], ids=["alone", "with-a-thread"])
def test_the_command_runs_exit_handlers_and_waits_for_running_threads(tmp_path, thread):
    """``kinerja`` ends without the interpreter's teardown (kinerja.cli.entry), but what the usual
    exit does first still happens: exit handlers run, output is flushed, running threads finish."""
    script = tmp_path / "perintah.py"
    script.write_text(
        "import atexit, sys, threading, time\n"
        "atexit.register(lambda: print('handler ran', flush=True))\n"
        "def late():\n"
        "    time.sleep(0.5)\n"
        "    print('thread ended', flush=True)\n"
        f"if {thread}:\n"
        "    threading.Thread(target=late).start()\n"
        "print('x' * 200_000)\n"  # more than a pipe holds: flushed before the process ends
        f"sys.argv = ['kinerja', 'validate', {str(tmp_path / 'tidak-ada.csv')!r}]\n"
        "from kinerja.cli import entry\n"
        "entry()\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr  # validate: the file is missing
    lines = done.stdout.splitlines()
    assert lines[0] == "x" * 200_000
    assert "Berkas tidak ditemukan" in done.stdout + done.stderr
    assert lines[-1] == "handler ran"
    assert ("thread ended" in lines) is thread
