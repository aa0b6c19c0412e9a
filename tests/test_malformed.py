"""Malformed inputs as analysts really have them (the corpus in tests/fixtures/rusak/, made by
scripts/make_malformed_corpus.py): each gets its specific message in Bahasa Indonesia naming the
file (and sheet, row, column where there is one), exit 1 for a galat, never a traceback, and the
file is left as it was. The readable ones are scored and the numbers checked by hand."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from kinerja.cli import main

CORPUS = Path(__file__).parent / "fixtures" / "rusak"


def run_cli(capsys, *args: str) -> tuple[int, str]:
    """``kinerja ARGS`` in-process: the exit code and everything printed (stdout and stderr)."""
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out + err


def findings(capsys, tmp_path, name: str, *extra: str) -> tuple[int, str, list[dict]]:
    """``kinerja validate`` on a corpus file with ``--report``: exit code, output, report rows.
    The file must be byte-identical afterwards."""
    path = CORPUS / name
    before = path.read_bytes()
    report = tmp_path / "temuan.csv"
    code, text = run_cli(capsys, "validate", str(path), *extra, "--report", str(report))
    assert path.read_bytes() == before
    with report.open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    return code, text, rows


def score(capsys, tmp_path, *names: str) -> tuple[int, str, Path]:
    out = tmp_path / "hasil"
    code, text = run_cli(capsys, "score", *[str(CORPUS / n) for n in names], "--out", str(out))
    return code, text, out


@pytest.mark.parametrize(
    "name,expected",
    [
        ("nol-bita.xlsx", "Berkas ini kosong (0 bita)"),
        ("nol-bita.csv", "Berkas kosong: tidak ada baris judul kolom."),
        ("terpotong.xlsx", "rusak atau terpotong"),
        ("teks.xlsx", "berisi teks (misalnya CSV atau HTML), bukan buku kerja Excel"),
        ("ole-lama.xlsx", "buku kerja Excel 97–2003 (.xls) yang diberi akhiran .xlsx"),
        ("zip-lain.xlsx", "arsip zip, tetapi bukan buku kerja Excel"),
        ("bersandi.xlsx", "dilindungi kata sandi"),
        ("buku-kerja.csv", "buku kerja Excel yang diberi akhiran .csv"),
        ("latin1.csv", "tidak dapat dibaca sebagai teks UTF-8"),
        ("utf16.csv", "tidak dapat dibaca sebagai teks UTF-8"),
    ],
)
def test_unreadable_file_is_one_galat_naming_it(capsys, tmp_path, name, expected):
    code, text, rows = findings(capsys, tmp_path, name)
    assert code == 1
    (row,) = rows
    assert row["tingkat"] == "galat" and row["berkas"] == str(CORPUS / name) and expected in row["pesan"]
    assert expected in text
    # score says the same and writes nothing
    code, text, out = score(capsys, tmp_path, name)
    assert code == 1 and expected in text and not out.exists()


def test_unreadable_workbook_through_the_installed_command(tmp_path):
    """The real console script, in a subprocess: the message, exit 1, no traceback, nothing written."""
    script = Path(sys.executable).with_name("kinerja")
    for name, expected in (("bersandi.xlsx", "dilindungi kata sandi"), ("terpotong.xlsx", "terpotong")):
        result = subprocess.run([str(script), "score", str(CORPUS / name), "--out", str(tmp_path / "hasil")],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 1 and expected in result.stderr, result.stderr
        assert "Traceback" not in result.stderr + result.stdout and not (tmp_path / "hasil").exists()


def test_encrypted_fixture_is_a_real_encrypted_package():
    """bersandi.xlsx is an OLE compound file holding EncryptionInfo and EncryptedPackage streams."""
    data = (CORPUS / "bersandi.xlsx").read_bytes()
    assert data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    assert "EncryptedPackage".encode("utf-16-le") in data and "EncryptionInfo".encode("utf-16-le") in data


def test_workbook_with_one_sheet_per_opd_reads_every_sheet(capsys, tmp_path):
    code, text, rows = findings(capsys, tmp_path, "per-opd.xlsx")
    assert code == 0
    (row,) = rows
    assert (row["tingkat"], row["lembar"]) == ("peringatan", "rekap") and "tidak dibaca" in row["pesan"]
    code, text, out = score(capsys, tmp_path, "per-opd.xlsx")
    assert code == 0
    opd = pd.read_csv(out / "opd.csv", dtype={"kode_opd": str})
    assert list(opd["kode_opd"]) == ["1.01", "1.02", "1.03"] and list(opd["capaian"]) == [80.0, 90.0, 100.0]
    pemda = pd.read_csv(out / "pemda.csv")
    assert pemda["capaian"].tolist() == [90.0] and pemda["jumlah_opd"].tolist() == [3]  # (80 + 90 + 100) / 3


def test_hidden_sheet_is_read_with_a_warning(capsys, tmp_path):
    code, text, rows = findings(capsys, tmp_path, "tersembunyi.xlsx")
    assert code == 0
    (row,) = rows
    assert (row["tingkat"], row["lembar"]) == ("peringatan", "2023") and "tersembunyi" in row["pesan"]
    code, text, out = score(capsys, tmp_path, "tersembunyi.xlsx")
    change = pd.read_csv(out / "perubahan_pemda.csv")
    assert change.loc[change["tahun"] == 2024, "selisih_poin"].tolist() == [10.0]  # 90 - 80


def test_merged_sasaran_and_opd_name_fill_their_rows(capsys, tmp_path):
    code, text, rows = findings(capsys, tmp_path, "gabung-sasaran.xlsx")
    assert code == 0 and rows == [] and "judul kolom di baris 2" in text
    code, text, out = score(capsys, tmp_path, "gabung-sasaran.xlsx")
    indikator = pd.read_csv(out / "indikator.csv")
    assert indikator["nama_opd"].tolist() == ["Dinas Kesehatan"] * 4
    assert indikator["sasaran"].tolist() == ["Derajat kesehatan"] * 2 + ["Mutu layanan"] * 2
    sasaran = pd.read_csv(out / "sasaran.csv")
    # (90 + 110) / 2 = 100; (60/80 × 100 = 75, (2 − 40/50) × 100 = 120) / 2 = 97,5
    assert sasaran["capaian"].tolist() == [100.0, 97.5]
    assert pd.read_csv(out / "opd.csv")["capaian"].tolist() == [98.75]


def test_two_row_header_with_merged_cells(capsys, tmp_path):
    code, text, rows = findings(capsys, tmp_path, "judul-dua-baris.xlsx")
    assert code == 0 and rows == [] and "judul kolom di baris 2" in text
    code, text, out = score(capsys, tmp_path, "judul-dua-baris.xlsx")
    assert pd.read_csv(out / "indikator.csv")["capaian"].tolist() == [90.0, 120.0]
    assert pd.read_csv(out / "opd.csv")["capaian"].tolist() == [105.0]


def test_section_heading_merged_across_the_table_is_a_galat(capsys, tmp_path):
    code, text, rows = findings(capsys, tmp_path, "gabung-melintang.xlsx")
    assert code == 1
    (row,) = rows
    assert (row["lembar"], row["baris"], row["kolom"]) == ("kinerja", "2", "tahun")
    assert "Sel A2:I2 digabung (merge)" in row["pesan"] and "hapus barisnya" in row["pesan"]


def test_formula_without_stored_value_is_a_galat(capsys, tmp_path):
    code, text, rows = findings(capsys, tmp_path, "rumus-tanpa-nilai.xlsx")
    assert code == 1
    assert sorted((r["baris"], r["kolom"], r["tingkat"]) for r in rows) == [("3", "realisasi", "galat"), ("3", "target", "galat")]
    assert all("Buka berkas di Excel lalu simpan ulang" in r["pesan"] for r in rows)
    assert "Target kosong" not in text  # the formula is the problem, not an empty target


def test_formula_with_stored_value_is_read_as_that_value(capsys, tmp_path):
    code, text, out = score(capsys, tmp_path, "rumus-bernilai.xlsx")
    assert code == 0
    indikator = pd.read_csv(out / "indikator.csv")
    assert indikator["target"].tolist() == [100.0, 100.0] and indikator["realisasi"].tolist() == [90.0, 99.0]
    assert pd.read_csv(out / "opd.csv")["capaian"].tolist() == [94.5]  # (90 + 99) / 2


def test_wrong_stored_sheet_size_loses_no_row(capsys, tmp_path):
    code, text, rows = findings(capsys, tmp_path, "dimensi-salah.xlsx")
    assert code == 0 and rows == [] and "Diperiksa 3 baris indikator" in text


def test_chart_sheet_is_skipped(capsys, tmp_path):
    code, text, rows = findings(capsys, tmp_path, "grafik.xlsx")
    assert code == 0 and rows == [] and "Diperiksa 2 baris indikator" in text


@pytest.mark.parametrize("name", ["bom.csv", "crlf.csv"])
def test_bom_and_crlf_are_read_as_plain_csv(capsys, tmp_path, name):
    code, text, out = score(capsys, tmp_path, name)
    assert code == 0
    indikator = pd.read_csv(out / "indikator.csv", dtype={"kode_opd": str})
    assert indikator["tahun"].tolist() == [2024, 2024] and indikator["kode_opd"].tolist() == ["1.02.01"] * 2
    assert indikator["realisasi"].tolist() == [110.0, 90.0]


def test_header_only_csv_names_the_file(capsys, tmp_path):
    code, text, rows = findings(capsys, tmp_path, "hanya-judul.csv")
    assert code == 1
    by_level = {r["tingkat"]: r for r in rows}
    assert by_level["peringatan"]["baris"] == "1" and "hanya berisi baris judul" in by_level["peringatan"]["pesan"]
    assert by_level["galat"]["berkas"].endswith("hanya-judul.csv")
    assert "tidak memuat satu baris indikator pun" in by_level["galat"]["pesan"]


@pytest.mark.parametrize(
    "name,row,expected",
    [("kolom-lebih.csv", "4", "Baris ini mempunyai 10 kolom, padahal baris judulnya 9 kolom"),
     ("kutip-terbuka.csv", "4", "Tanda kutip yang dibuka di baris ini tidak pernah ditutup")],
)
def test_csv_syntax_errors_name_the_line(capsys, tmp_path, name, row, expected):
    code, text, rows = findings(capsys, tmp_path, name)
    assert code == 1
    (found,) = rows
    assert found["baris"] == row and expected in found["pesan"]


def test_opd_codes_that_cannot_name_a_file(capsys, tmp_path):
    code, text, rows = findings(capsys, tmp_path, "kode-opd.csv")
    assert code == 1
    seen = {(r["baris"], r["tingkat"]): r["pesan"] for r in rows if r["kolom"] == "kode_opd"}
    # data rows: 2 a/b, 3 a_b, 4 "a b", 5 1.02., 6 1.02, 7 CON, 8 .., 9 -x, 10 DINKES, 11 dinkes,
    # 12 300 × X, 13 a tab inside
    assert sorted(seen) == [("11", "galat"), ("12", "galat"), ("13", "galat"), ("2", "peringatan"),
                            ("4", "peringatan"), ("5", "peringatan"), ("7", "peringatan"), ("8", "galat"),
                            ("9", "peringatan")]
    assert "'DINKES'" in seen[("11", "galat")] and "baris 10" in seen[("11", "galat")]
    assert "lebih dari 64 karakter" in seen[("12", "galat")]
    assert "karakter tak terlihat" in seen[("13", "galat")]
    assert "tidak memuat huruf atau angka" in seen[("8", "galat")]
    assert "halaman OPD ini diberi nama 'a_b~" in seen[("2", "peringatan")]
    assert "halaman OPD ini diberi nama '1.02~" in seen[("5", "peringatan")]
    assert "halaman OPD ini diberi nama 'CON~" in seen[("7", "peringatan")]
