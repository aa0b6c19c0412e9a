"""The workbook template: written by `kinerja template`, filled in as a person would, read back."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

import kinerja
from kinerja.inputs.workbook import TEMPLATE_COLUMNS, write_template


def kinerja_cli(*args):
    script = Path(sys.executable).with_name("kinerja")
    return subprocess.run([str(script), *map(str, args)], capture_output=True, text=True, timeout=120)


def fill(path: Path, rows: list[list], opd: list[list] | None = None, anggaran: list[list] | None = None) -> None:
    """Type rows into the sheets below the header, as an analyst would (openpyxl, then save)."""
    book = openpyxl.load_workbook(path)
    for sheet, data in (("kinerja", rows), ("opd", opd or []), ("anggaran", anggaran or [])):
        for r, values in enumerate(data, start=2):
            for c, value in enumerate(values, start=1):
                book[sheet].cell(row=r, column=c, value=value)
    book.save(path)


def row(**values):
    return [values.get(name) for name in TEMPLATE_COLUMNS]


def test_template_structure(tmp_path):
    path = write_template(tmp_path / "pk-2025.xlsx", 2025)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["petunjuk", "kinerja", "opd", "anggaran", "program", "triwulan", "renstra"]
    sheet = book["kinerja"]
    headers = [cell.value for cell in sheet[1]]
    assert headers[:9] == ["Tahun", "Kode OPD", "Nama OPD", "Sasaran", "Kode Indikator", "Indikator", "Satuan", "Polaritas", "Target"]
    assert sheet.freeze_panes == "A2"
    lists = {dv.formula1: str(dv.sqref) for dv in sheet.data_validations.dataValidation if dv.type == "list"}
    assert lists['"positif,negatif,stabil"'].startswith("H2:H") and lists['"rasio"'].startswith("L2:L")
    years = [dv for dv in sheet.data_validations.dataValidation if dv.type == "whole"]
    assert years and years[0].formula1 == "2025"
    assert sheet.column_dimensions["F"].width >= 40  # indikator is wide
    assert [c.value for c in book["opd"][1]] == ["Kode OPD", "Nama OPD", "Singkatan", "Berlaku Mulai", "Berlaku Sampai",
                                                 "Digantikan Oleh", "Nama Kepala", "Jabatan Kepala", "NIP Kepala"]
    assert [c.value for c in book["program"][1]] == ["Tahun", "Kode OPD", "Program", "Anggaran", "Keterangan"]
    assert [c.value for c in book["anggaran"][1]] == ["Tahun", "Kode OPD", "Pagu", "Realisasi Anggaran"]
    assert "kinerja validate" in " ".join(str(c.value) for c in book["petunjuk"]["A"] if c.value)


def test_filled_template_read_back_and_scored(tmp_path):
    path = write_template(tmp_path / "pk-2024.xlsx", 2024)
    fill(
        path,
        [
            row(tahun=2024, kode_opd="007", nama_opd="Dinas Kesehatan", sasaran="Derajat kesehatan", kode_indikator="K1",
                indikator="Angka kematian ibu", satuan="per 100.000 KH", polaritas="negatif", target=120, realisasi=110),
            row(tahun=2024, kode_opd="007", nama_opd="Dinas Kesehatan", sasaran="Derajat kesehatan", kode_indikator="K2",
                indikator="Cakupan UHC", satuan="%", polaritas="positif", target="95", realisasi="96,5%"),
            row(tahun=2024, kode_opd="007", nama_opd="Dinas Kesehatan", sasaran="Layanan", kode_indikator="K3",
                indikator="Lama penyelesaian", satuan="bulan", polaritas="negatif", target_bawah=7, target_atas=8,
                realisasi="6,5"),
            row(tahun=2024, kode_opd="007", nama_opd="Dinas Kesehatan", sasaran="Layanan", kode_indikator="K4",
                indikator="Indeks kepuasan", satuan="indeks", polaritas="positif", target="1.234,5", realisasi="-"),
        ],
        opd=[["007", "Dinas Kesehatan", "DINKES", 2016, None, None]],
        anggaran=[[2024, "007", 125_000_000_000, "Rp 118.750.000.000"]],
    )
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    loaded = kinerja.load(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    table = loaded.tidy.set_index("kode_indikator")
    assert table.loc["K1", "kode_opd"] == "007"
    assert table.loc["K2", "realisasi"] == pytest.approx(96.5)  # "96,5%": Indonesian text, % stripped
    assert table.loc["K3", "realisasi"] == pytest.approx(6.5)
    assert table.loc["K4", "target"] == pytest.approx(1234.5)
    assert str(table.loc["K4", "realisasi"]) == "nan"  # "-" = not reported
    stripped = [f for f in loaded.findings if f.kolom == "realisasi" and "%" in f.pesan]
    assert stripped and stripped[0].tingkat == "peringatan"
    assert loaded.anggaran.iloc[0]["realisasi_anggaran"] == pytest.approx(118_750_000_000)
    assert loaded.opd.iloc[0]["singkatan"] == "DINKES"

    result = kinerja.score_table(loaded.tidy, kinerja.Rules(), opd=loaded.opd)
    capaian = result.indikator.set_index("kode_indikator")["capaian"]
    assert capaian["K1"] == pytest.approx((2 - 110 / 120) * 100)
    assert capaian["K3"] == pytest.approx((2 - 6.5 / 7) * 100)
    opd = result.opd.iloc[0]
    expected = (((2 - 110 / 120) * 100 + 96.5 / 95 * 100) / 2 + (2 - 6.5 / 7) * 100) / 2
    assert opd["capaian"] == pytest.approx(expected)


def test_template_command(tmp_path):
    path = tmp_path / "baru.xlsx"
    done = kinerja_cli("template", path, "--tahun", "2025")
    assert done.returncode == 0, done.stderr
    assert "2025" in done.stdout and path.exists()
    again = kinerja_cli("template", path)
    assert again.returncode == 1 and "sudah ada" in again.stderr and "--timpa" in again.stderr
    assert kinerja_cli("template", path, "--timpa", "--tahun", "2026").returncode == 0
    assert kinerja_cli("template", tmp_path / "x.csv").returncode == 2


def test_workbook_with_title_rows_and_other_sheet_names(tmp_path):
    """An analyst's own workbook: title rows above the header, header variants, sheet named otherwise."""
    path = tmp_path / "PK Dinkes 2024.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Lampiran PK"
    sheet.append(["PERJANJIAN KINERJA TAHUN 2024"])
    sheet.append([])
    sheet.append(["No", "Tahun Anggaran", "Kode OPD", "Nama Perangkat Daerah", "Sasaran Strategis", "Indikator Kinerja",
                  "Satuan", "Polaritas", "Target (%)", "Realisasi 2024"])
    sheet.append([1, 2024, "007", "Dinas Kesehatan", "S", "Cakupan imunisasi", "%", "Maksimal", 95, "93,1"])
    book.save(path)
    loaded = kinerja.load(path)
    (mapping,) = loaded.mappings
    assert mapping.lembar == "Lampiran PK" and mapping.baris == 3
    assert mapping.kolom["Realisasi 2024"] == "realisasi" and mapping.kolom["Target (%)"] == "target"
    assert loaded.tidy["realisasi"].iloc[0] == pytest.approx(93.1)
    assert loaded.table["_baris"].iloc[0] == 4  # the Excel row number
