"""Smaller input problems of issue 9: weights that are all 0, templates for years validation
refuses, files with a header and no row. Expected numbers are worked by hand."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import kinerja
from tests.conftest import run_cli, write_text_file

HEADER = "tahun,kode_opd,nama_opd,sasaran,indikator,satuan,polaritas,target,realisasi,bobot"


write = write_text_file
cli = run_cli


# --- bobot ---------------------------------------------------------------------------------------

ALL_ZERO = (
    f"{HEADER}\n"
    "2024,A,Dinas A,S1,I1,%,positif,100,90,0\n"
    "2024,A,Dinas A,S1,I2,%,positif,100,50,0\n"
    "2024,B,Dinas B,S2,I3,%,positif,100,100,1\n"
)


def test_every_bobot_zero_in_an_opd_is_a_galat_on_its_first_row(tmp_path, capsys):
    path = write(tmp_path, ALL_ZERO)
    errors = [f for f in kinerja.check(path, kinerja.Rules(agregasi_opd="bobot")).findings if f.is_error]
    assert [(f.baris, f.kolom, f.nilai) for f in errors] == [(2, "bobot", "0")]
    assert "semua bobot indikator OPD ini pada tahun ini 0" in errors[0].pesan
    params = write(tmp_path, "aturan:\n  agregasi_opd: bobot\n", "params.yml")
    code, text = cli(capsys, "score", path, "--params", params, "--out", tmp_path / "hasil")
    assert code == 1 and not (tmp_path / "hasil").exists()


def test_every_bobot_zero_is_fine_under_other_methods(tmp_path):
    path = write(tmp_path, ALL_ZERO)
    assert not [f for f in kinerja.check(path).findings if f.is_error]


def test_bobot_zero_indicator_does_not_count(tmp_path, capsys):
    """OPD A: I1 90 with bobot 2, I2 50 with bobot 0 → (2 × 90 + 0 × 50) / 2 = 90, one indicator
    and one sasaran entered the mean; OPD B: 100, one indicator."""
    path = write(tmp_path, (
        f"{HEADER}\n"
        "2024,A,Dinas A,S1,I1,%,positif,100,90,2\n"
        "2024,A,Dinas A,S2,I2,%,positif,100,50,0\n"
        "2024,B,Dinas B,S3,I3,%,positif,100,100,1\n"
    ))
    for pemda, capaian, counted in (("rata_opd", 95.0, 2), ("rata_rata", 80.0, 3)):
        params = write(tmp_path, f"aturan:\n  agregasi_opd: bobot\n  agregasi_pemda: {pemda}\n", "params.yml")
        out = tmp_path / f"hasil-{pemda}"
        code, _ = cli(capsys, "score", path, "--params", params, "--out", out)
        assert code == 0
        opd = pd.read_csv(out / "opd.csv").set_index("kode_opd")
        assert opd.loc["A", "capaian"] == 90.0 and opd.loc["A", "jumlah_indikator"] == 1
        assert opd.loc["A", "jumlah_sasaran"] == 1 and opd.loc["B", "jumlah_indikator"] == 1
        result = pd.read_csv(out / "pemda.csv")
        # rata_opd: (90 + 100) / 2 = 95 from 1 + 1 indicators; rata_rata: (90 + 50 + 100) / 3 = 80
        assert result["capaian"].tolist() == [capaian] and result["jumlah_indikator"].tolist() == [counted]


# --- template years -------------------------------------------------------------------------------


@pytest.mark.parametrize("tahun", ["99999", "1899", "2201", "-5"])
def test_template_refuses_years_validation_refuses(tmp_path, capsys, tahun):
    target = tmp_path / "pk.xlsx"
    code, text = cli(capsys, "template", target, "--tahun", tahun)
    assert code == 2 and "antara 1900 dan 2200" in text and f"bukan {tahun}" in text
    assert not target.exists()


def test_template_at_the_last_year_validation_accepts_is_usable(tmp_path, capsys):
    target = tmp_path / "pk-2200.xlsx"
    code, _ = cli(capsys, "template", target, "--tahun", "2200")
    assert code == 0
    book = openpyxl.load_workbook(target)
    book["kinerja"].append([2200, "01", "Dinas A", "S", None, "I1", "%", "positif", 100, None, None, None, 90])
    book.save(target)
    code, text = cli(capsys, "validate", target)
    assert code == 0, text


# --- a header and no rows ----------------------------------------------------------------------------


def test_header_only_csv_beside_a_good_one_is_a_warning_naming_it(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    write(data, HEADER + "\n", "kinerja-2023.csv")
    write(data, HEADER + "\n2024,A,Dinas A,S1,I1,%,positif,100,90,1\n", "kinerja-2024.csv")
    code, text = cli(capsys, "score", data, "--out", tmp_path / "hasil")
    assert code == 0
    assert f"PERINGATAN {data / 'kinerja-2023.csv'}, baris 1: Tabel kinerja ini hanya berisi baris judul" in text


def test_template_sheets_opd_and_anggaran_left_empty_say_nothing(tmp_path, capsys):
    target = tmp_path / "pk-2024.xlsx"
    assert cli(capsys, "template", target, "--tahun", "2024")[0] == 0
    book = openpyxl.load_workbook(target)
    book["kinerja"].append([2024, "01", "Dinas A", "S", None, "I1", "%", "positif", 100, None, None, None, 90])
    book.save(target)
    assert kinerja.check(target).findings == []


def test_header_only_workbook_through_the_installed_command(tmp_path):
    target = tmp_path / "pk-2024.xlsx"
    script = Path(sys.executable).with_name("kinerja")
    subprocess.run([str(script), "template", str(target), "--tahun", "2024"], check=True, capture_output=True)
    result = subprocess.run([str(script), "score", str(target), "--out", str(tmp_path / "hasil")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "lembar kinerja, baris 1: Tabel kinerja ini hanya berisi baris judul" in result.stderr
    assert "tidak memuat satu baris indikator pun" in result.stderr
