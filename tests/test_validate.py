"""Every validation finding, triggered by a fixture and reported with the right row and column."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import kinerja

HEADER = "tahun,kode_opd,nama_opd,sasaran,kode_indikator,indikator,satuan,polaritas,target,realisasi"


def csv(tmp_path, lines, name="data.csv"):
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def master(tmp_path, rows, name="induk.csv"):
    path = tmp_path / name
    text = "kode_opd,nama_opd,singkatan,berlaku_mulai,berlaku_sampai,digantikan_oleh\n" + "\n".join(rows) + "\n"
    path.write_text(text, encoding="utf-8")
    return path


def found(paths, **kwargs):
    return {(Path(f.berkas).name, f.baris, f.kolom, f.tingkat): f.pesan for f in kinerja.check(paths, **kwargs).findings}


def test_opd_not_in_master_list_and_not_valid_in_year(tmp_path):
    data = csv(tmp_path, [
        "2024,01,Dinas A,S,A1,Ind 1,%,positif,10,9",
        "2024,02,Dinas B,S,B1,Ind 1,%,positif,10,9",
        "2024,03,Dinas C,S,C1,Ind 1,%,positif,10,9",
    ])
    induk = master(tmp_path, ["01,Dinas A,DA,2016,,", "03,Dinas C,DC,2016,2023,01", "03,Dinas C lagi,DC,,,", "04,Dinas D,,,,99"])
    result = found([data, induk])
    assert "tidak ada dalam daftar induk" in result[("data.csv", 3, "kode_opd", "galat")]
    assert "tidak berlaku pada tahun 2024" in result[("data.csv", 4, "tahun", "galat")]
    assert "dengan isi lain (" in result[("induk.csv", 4, "kode_opd", "galat")]
    assert "pengganti ini tidak ada" in result[("induk.csv", 5, "digantikan_oleh", "galat")]
    assert len([k for k in result if k[3] == "galat"]) == 4


def test_same_master_list_in_every_workbook_is_fine(tmp_path):
    data = csv(tmp_path, ["2024,01,Dinas A,S,A1,Ind 1,%,positif,10,9"])
    rows = ["01,Dinas A,DA,2016,,"]
    assert found([data, master(tmp_path, rows, "induk-2023.csv"), master(tmp_path, rows, "induk-2024.csv")]) == {}


def test_master_list_dates_reversed(tmp_path):
    data = csv(tmp_path, ["2024,01,Dinas A,S,A1,Ind 1,%,positif,10,9"])
    induk = master(tmp_path, ["01,Dinas A,DA,1 Januari 2025,31/12/2016,"])
    assert "lebih awal" in found([data, induk])[("induk.csv", 2, "berlaku_sampai", "galat")]


def test_reused_indicator_code(tmp_path):
    data = csv(tmp_path, [
        "2023,01,Dinas A,S,K1,Angka kematian ibu,per 100.000 KH,negatif,120,110",
        "2024,02,Dinas B,S,K1,Angka kematian ibu,per 100.000 KH,negatif,120,110",
        "2023,01,Dinas A,S,K2,Cakupan imunisasi,%,positif,90,91",
        "2024,01,Dinas A,S,K2,Panjang jalan mantap,km,positif,90,91",
        "2023,01,Dinas A,S,K3,Cakupan UHC,%,positif,90,91",
        "2024,01,Dinas A,S,K3,Cakupan UHC (JKN),%,positif,90,91",  # renamed, same unit: fine
    ], name="data.csv")
    result = found(data)
    assert "pada tahun 2023 dipakai untuk indikator lain (" in result[("data.csv", 3, "kode_indikator", "galat")]
    assert ("data.csv", 5, "kode_indikator", "galat") in result
    assert not any(k[1] == 7 for k in result)


def test_renamed_opd_keeps_its_indicator_codes(tmp_path):
    data = csv(tmp_path, [
        "2023,01,Dinas Kominfo,S,K1,Indeks SPBE,indeks,positif,3,3.1",
        "2024,09,Dinas Kominfotik,S,K1,Indeks SPBE,indeks,positif,3.2,3.3",
    ])
    induk = master(tmp_path, ["01,Dinas Kominfo,,2016,2023,09", "09,Dinas Kominfotik,,2024,,"])
    loaded = kinerja.load([data, induk])
    assert [f for f in loaded.findings if f.is_error] == []
    result = kinerja.score_table(loaded.tidy, kinerja.Rules(), opd=loaded.opd)
    change = result.perubahan_opd.set_index("kode_opd")
    assert change.loc["09", "capaian_sebelumnya"] == pytest.approx(3.1 / 3 * 100)  # compared across the rename
    assert change.loc["09", "selisih_poin"] == pytest.approx(3.3 / 3.2 * 100 - 3.1 / 3 * 100)


def test_years_against_file_name_and_params(tmp_path):
    data = csv(tmp_path, ["2024,01,Dinas A,S,A1,Ind 1,%,positif,10,9", "2023,01,Dinas A,S,A2,Ind 2,%,positif,10,9",
                          "2025,01,Dinas A,S,A3,Ind 3,%,positif,10,9"], name="kinerja-2024.csv")
    result = found(data)
    assert "tahun 2024 pada nama berkasnya" in result[("kinerja-2024.csv", 3, "tahun", "galat")]
    assert ("kinerja-2024.csv", 4, "tahun", "galat") in result
    plain = csv(tmp_path, ["2024,01,Dinas A,S,A1,Ind 1,%,positif,10,9", "2025,01,Dinas A,S,A3,Ind 3,%,positif,10,9"])
    with_params = found(plain, tahun=2024)
    assert "melewati tahun parameter 2024" in with_params[("data.csv", 3, "tahun", "galat")]
    assert found(plain) == {}
    missing = found(data, tahun=2026)
    assert any("tidak memuat satu baris pun untuk tahun parameter 2026" in m for m in missing.values())


def test_target_jump_is_a_warning(tmp_path):
    data = csv(tmp_path, ["2023,01,Dinas A,S,A1,Ind 1,%,positif,5,5.5", "2024,01,Dinas A,S,A1,Ind 1,%,positif,60,61",
                          "2023,01,Dinas A,S,A2,Ind 2,%,positif,50,50.5", "2024,01,Dinas A,S,A2,Ind 2,%,positif,55,56"])
    result = found(data)
    assert "lebih dari 10 kali lipat dari 5 pada tahun 2023" in result[("data.csv", 3, "target", "peringatan")]
    assert not any(k[1] == 5 and k[2] == "target" for k in result)
    assert kinerja.load(data).tidy is not None  # a warning does not stop


def test_realisasi_equal_to_target_everywhere_is_a_warning(tmp_path):
    data = csv(tmp_path, ["2024,01,Dinas A,S,A1,Ind 1,%,positif,10,10", "2024,01,Dinas A,S,A2,Ind 2,%,positif,80,80",
                          "2024,02,Dinas B,S,B1,Ind 1,%,positif,10,10", "2024,02,Dinas B,S,B2,Ind 2,%,positif,80,81"])
    result = found(data)
    (key,) = [k for k in result if k[3] == "peringatan"]
    assert key == ("data.csv", 2, "realisasi", "peringatan") and "Dinas A" in result[key]


def test_budget_sheet_checks(tmp_path):
    data = csv(tmp_path, ["2024,01,Dinas A,S,A1,Ind 1,%,positif,10,9"])
    budget = tmp_path / "anggaran.csv"
    budget.write_text("tahun,kode_opd,pagu,realisasi_anggaran\n2024,01,1000,900\n2024,01,1000,900\n2024,02,1000,1200\n2024,01,-5,\n")
    result = found([data, budget])
    assert ("anggaran.csv", 3, "kode_opd", "galat") in result  # duplicate
    assert ("anggaran.csv", 4, "kode_opd", "galat") in result  # unknown OPD
    assert ("anggaran.csv", 4, "realisasi_anggaran", "peringatan") in result  # above pagu
    assert ("anggaran.csv", 5, "pagu", "galat") in result  # negative


def test_semicolon_csv_reads_indonesian_numbers(tmp_path):
    path = tmp_path / "excel-id.csv"
    path.write_text("Tahun;Kode OPD;Nama OPD;Sasaran;Indikator;Satuan;Polaritas;Target;Realisasi\n"
                    "2024;01;Dinas A;S;PAD;Rp;positif;Rp 1.200.000.000;1.234.567.890,5\n"
                    "2024;01;Dinas A;S;Cakupan;%;positif;95%;100,86\n", encoding="utf-8")
    loaded = kinerja.load(path)
    assert loaded.tidy["target"].tolist() == [1.2e9, 95.0]
    assert loaded.tidy["realisasi"].tolist() == pytest.approx([1234567890.5, 100.86])
    assert loaded.mappings[0].konvensi == "id"


def test_ambiguous_number_refused_without_evidence(tmp_path):
    path = csv(tmp_path, ["2024,01,Dinas A,S,A1,Ind 1,orang,positif,\"1.234\",1300"])
    (finding,) = [f for f in kinerja.check(path).findings if f.is_error]
    assert (finding.baris, finding.kolom, finding.nilai) == (2, "target", "1.234")


def test_mixed_conventions_in_a_column_refused(tmp_path):
    path = csv(tmp_path, ["2024,01,Dinas A,S,A1,Ind 1,%,positif,3.5,3", "2024,01,Dinas A,S,A2,Ind 2,%,positif,4.5,4",
                          "2024,01,Dinas A,S,A3,Ind 3,%,positif,\"3,5\",3"])
    errors = [f for f in kinerja.check(path).findings if f.is_error]
    assert [(f.baris, f.kolom) for f in errors] == [(4, "target")]


def test_desimal_setting_decides(tmp_path):
    path = csv(tmp_path, ["2024,01,Dinas A,S,A1,Ind 1,orang,positif,\"1.234\",1300"])
    assert kinerja.load(path, desimal="koma").tidy["target"].iloc[0] == 1234.0
    assert kinerja.load(path, desimal="titik").tidy["target"].iloc[0] == pytest.approx(1.234)


def test_folder_of_files(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    csv(folder, ["2023,01,Dinas A,S,A1,Ind 1,%,positif,10,9"], name="kinerja-2023.csv")
    csv(folder, ["2024,01,Dinas A,S,A1,Ind 1,%,positif,10,9.5"], name="kinerja-2024.csv")
    (folder / "~$kinerja-2024.xlsx").write_bytes(b"lock file")
    (folder / "catatan.txt").write_text("diabaikan")
    result = kinerja.score(folder)
    assert result.pemda["tahun"].tolist() == [2023, 2024]
    assert kinerja.check(tmp_path / "kosong").findings[0].pesan.startswith("Berkas tidak ditemukan")


def test_validate_command(tmp_path):
    data = csv(tmp_path, ["2024,01,Dinas A,S,A1,Ind 1,%,positif,sepuluh,9", "2024,01,Dinas A,S,A2,Ind 2,,positif,10,9"])
    before = hashlib.sha256(data.read_bytes()).hexdigest()
    script = Path(sys.executable).with_name("kinerja")
    for report in ("temuan.csv", "temuan.xlsx"):
        done = subprocess.run([str(script), "validate", str(data), "--report", str(tmp_path / report)],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 1
        assert "tingkat" in done.stdout and "galat" in done.stdout and "1 galat, 1 peringatan" in done.stdout
    frame = pd.read_csv(tmp_path / "temuan.csv", dtype=str)
    assert list(frame.columns) == ["berkas", "lembar", "baris", "kolom", "nilai", "pesan", "tingkat"]
    assert frame.iloc[0][["baris", "kolom", "nilai", "tingkat"]].tolist() == ["2", "target", "sepuluh", "galat"]
    sheet = openpyxl.load_workbook(tmp_path / "temuan.xlsx")["temuan"]
    assert [c.value for c in sheet[1]] == ["berkas", "lembar", "baris", "kolom", "nilai", "pesan", "tingkat"]
    assert hashlib.sha256(data.read_bytes()).hexdigest() == before

    good = csv(tmp_path, ["2024,01,Dinas A,S,A1,Ind 1,%,positif,10,9"], name="baik.csv")
    done = subprocess.run([str(script), "validate", str(good)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "0 galat, 0 peringatan" in done.stdout


def test_several_pemda_need_their_codes(tmp_path):
    path = tmp_path / "nasional.csv"
    path.write_text(
        HEADER + ",kode_pemda,nama_pemda\n"
        "2024,01,Dinas A,S,A1,Ind 1,%,positif,10,9,17,Provinsi Bengkulu\n"
        "2024,01,Dinas A,S,A2,Ind 2,%,positif,10,9,17,Prov. Bengkulu\n"
        "2024,01,Dinas A,S,A3,Ind 3,%,positif,10,9,,Kota Bengkulu\n",
        encoding="utf-8",
    )
    result = found(path)
    assert "sama bernama lain ('Provinsi Bengkulu')" in result[("nasional.csv", 3, "nama_pemda", "galat")]
    assert "isi kode_pemda pada setiap baris" in result[("nasional.csv", 4, "kode_pemda", "galat")]
    only_names = tmp_path / "nama.csv"
    only_names.write_text(HEADER + ",nama_pemda\n2024,01,Dinas A,S,A1,Ind 1,%,positif,10,9,Kota Bengkulu\n", encoding="utf-8")
    assert ("nama.csv", 2, "nama_pemda", "galat") in found(only_names)


def test_target_jump_not_checked_for_an_indicator_whose_name_is_twice_in_its_year(tmp_path):
    # 2024 has "Ind 1" (A1) and "ind. 1" (B7): the same normalised name in one OPD, so the indicator
    # cannot be paired by name and no target jump is reported for either, although B7 is also left
    # out of the pairing by code (B7 is used twice in 2024) and A1 alone would be paired by code
    rows = ["2023,01,Dinas A,S,A1,Ind 1,%,positif,5,5", "2024,01,Dinas A,S,A1,Ind 1,%,positif,60,60",
            "2024,01,Dinas A,S,B7,ind. 1,%,positif,1,1", "2024,01,Dinas A,S,B7,Ind 5,%,positif,1,1"]
    result = found(csv(tmp_path, rows))
    assert not any(k[2] == "target" and k[3] == "peringatan" for k in result)
    assert ("data.csv", 4, "indikator", "galat") in result  # the same indicator twice
    assert ("data.csv", 5, "kode_indikator", "galat") in result  # B7 twice
    alone = found(csv(tmp_path, rows[:2], name="sendiri.csv"))
    assert "lebih dari 10 kali lipat dari 5 pada tahun 2023" in alone[("sendiri.csv", 3, "target", "peringatan")]
