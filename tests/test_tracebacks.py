"""Bad input that used to end in a Python traceback: each is now a finding naming file, row and
column (exit 1 for a galat) or simply works. Each case fails on the code before the fix."""

from __future__ import annotations

import pandas as pd

import kinerja
from kinerja import pages
from tests.conftest import run_cli, write_text_file

HEADER = "tahun,kode_opd,nama_opd,sasaran,indikator,satuan,polaritas,target,realisasi"


write = write_text_file
cli = run_cli


DUPLICATE_WITH_ANOTHER_YEAR = (
    f"{HEADER}\n"
    "2023,01,Dinas A,S,Cakupan layanan,%,positif,10,9\n"
    "2024,01,Dinas A,S,Cakupan layanan,%,positif,10,9\n"
    "2024,01,Dinas A,S,Cakupan layanan,%,positif,10,8\n"
)


def test_same_indicator_twice_in_a_year_beside_another_year(tmp_path, capsys):
    """Was pandas.errors.MergeError (the ×10 target check matched the duplicates one-to-one)."""
    path = write(tmp_path, DUPLICATE_WITH_ANOTHER_YEAR)
    code, text = cli(capsys, "validate", path, "--report", tmp_path / "temuan.csv")
    assert code == 1
    (row,) = pd.read_csv(tmp_path / "temuan.csv").to_dict("records")
    assert (row["berkas"], row["baris"], row["kolom"], row["tingkat"]) == (str(path), 4, "indikator", "galat")
    assert f"sudah ada untuk OPD dan tahun yang sama ({path} baris 3)" in row["pesan"]
    code, text = cli(capsys, "score", path, "--out", tmp_path / "hasil")
    assert code == 1 and f"GALAT {path}, baris 4, kolom indikator" in text
    assert not (tmp_path / "hasil").exists()


def test_duplicate_indicator_with_codes_beside_another_year(tmp_path):
    path = write(tmp_path, (
        "tahun,kode_opd,nama_opd,sasaran,kode_indikator,indikator,satuan,polaritas,target,realisasi\n"
        "2023,01,Dinas A,S,K1,Cakupan,%,positif,10,9\n"
        "2024,01,Dinas A,S,K1,Cakupan,%,positif,10,9\n"
        "2024,01,Dinas A,S,K1,Cakupan lain,%,positif,10,8\n"
    ))
    errors = [(f.baris, f.kolom) for f in kinerja.check(path).findings if f.is_error]
    assert errors == [(4, "kode_indikator")]


def test_run_layer_keeps_the_duplicate_to_its_opd(tmp_path):
    """``kinerja run`` reads through pages.analyse: the duplicate is that OPD's galat, not a crash."""
    (tmp_path / "data").mkdir()
    (tmp_path / "params").mkdir()
    write(tmp_path / "data", DUPLICATE_WITH_ANOTHER_YEAR + "2024,02,Dinas B,S,I,%,positif,10,10\n")
    (tmp_path / "params" / "2024.yml").write_text("tahun: 2024\ndata: [data/kinerja.csv]\n", encoding="utf-8")
    analysis = pages.analyse(2024, proyek=tmp_path)
    assert list(analysis.errors_opd) == ["01"] and analysis.errors_all == []
    assert [(f.baris, f.kolom) for f in analysis.errors_opd["01"]] == [(4, "indikator")]
    assert analysis.result.opd["kode_opd"].tolist() == ["02"]


def test_multi_pemda_target_jump_is_a_warning_on_its_row(tmp_path, capsys):
    """Was AttributeError: 'Pandas' object has no attribute '_3' (itertuples fields shifted)."""
    path = write(tmp_path, (
        "tahun,kode_pemda,nama_pemda,kode_opd,nama_opd,sasaran,indikator,satuan,polaritas,target,realisasi\n"
        "2023,11,Aceh,01,Dinas A,S,I1,%,positif,10,9\n"
        "2024,11,Aceh,01,Dinas A,S,I1,%,positif,1000,9\n"
        "2023,12,Sumut,01,Dinas A,S,I1,%,positif,10,9\n"
        "2024,12,Sumut,01,Dinas A,S,I1,%,positif,10,9\n"
    ))
    (finding,) = kinerja.check(path).findings
    assert (finding.berkas, finding.baris, finding.kolom, finding.nilai, finding.tingkat) == (
        str(path), 3, "target", "1000", "peringatan")
    assert "dari 10 pada tahun 2023" in finding.pesan
    code, text = cli(capsys, "score", path, "--out", tmp_path / "hasil")
    assert code == 0
    pemda = pd.read_csv(tmp_path / "hasil" / "pemda.csv")
    # Aceh 2024: 9 / 1000 × 100 = 0,9; Sumut 2024: 9 / 10 × 100 = 90
    assert pemda.loc[pemda["tahun"] == 2024, "capaian"].round(9).tolist() == [0.9, 90.0]


def test_pemda_column_present_but_empty_with_indicator_codes(tmp_path):
    """Found by the fuzz suite: IndexError inside pandas when every kode_pemda is empty (the
    group-by over the keys dropped every row)."""
    path = write(tmp_path, (
        "tahun,kode_opd,nama_opd,sasaran,indikator,satuan,polaritas,target,realisasi,kode_indikator,kode_pemda,bobot\n"
        "2023,1.01,Dinas Uji,S1,I1,%,positif,1,,1.01,,0\n"
    ))
    errors = [(f.baris, f.kolom) for f in kinerja.check(path, kinerja.Rules(agregasi_opd="bobot")).findings if f.is_error]
    assert errors == [(2, "kode_pemda"), (2, "bobot")]


def test_year_missing_on_some_rows_of_several_years(tmp_path):
    path = write(tmp_path, (
        f"{HEADER}\n"
        "2023,01,Dinas A,S,I1,%,positif,10,9\n"
        "dua ribu,01,Dinas A,S,I1,%,positif,1000,9\n"
        "2024,01,Dinas A,S,I1,%,positif,1000,9\n"
    ))
    findings = kinerja.check(path).findings
    assert [(f.baris, f.kolom, f.tingkat) for f in findings] == [(3, "tahun", "galat"), (4, "target", "peringatan")]


def test_huge_and_infinite_numbers_in_a_workbook(tmp_path):
    """Found by the fuzz suite: IntCastingNaNError when a typed number too large for an integer
    (1e300) sat in a column read as text or checked for blank rows."""
    import openpyxl

    path = tmp_path / "kinerja.support.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "kinerja"
    sheet.append(HEADER.split(",") + ["bobot"])
    sheet.append([2024, 1e300, "Dinas A", "S", "I1", "%", "positif", 100, 90, 1e300])
    book.save(path)
    loaded = kinerja.check(path)
    # the code is read as the text of the number; "+" cannot be in a file name, so a warning
    assert [(f.baris, f.kolom, f.tingkat) for f in loaded.findings] == [(2, "kode_opd", "peringatan")]
    assert loaded.table["kode_opd"].tolist() == ["1e+300"]
    assert loaded.table["bobot"].tolist() == [1e300]


def test_master_list_date_outside_the_years_is_a_galat(tmp_path):
    """Found by the fuzz suite: OutOfBoundsDatetime for a date in 1547 in the opd sheet."""
    import datetime

    import openpyxl

    path = tmp_path / "kinerja.support.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "kinerja"
    sheet.append(HEADER.split(","))
    sheet.append([2024, "01", "Dinas A", "S", "I1", "%", "positif", 100, 90])
    opd = book.create_sheet("opd")
    opd.append(["Kode OPD", "Nama OPD", "Berlaku Mulai"])
    opd.append(["01", "Dinas A", datetime.datetime(1547, 8, 1)])
    book.save(path)
    (finding,) = kinerja.check(path).findings
    assert (finding.lembar, finding.baris, finding.kolom, finding.tingkat) == ("opd", 2, "berlaku_mulai", "galat")
    assert "di luar tahun 1900–2200" in finding.pesan
