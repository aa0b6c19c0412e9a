"""Reading CSV files and validating them: every finding names file, row and column."""

from __future__ import annotations

import pandas as pd
import pytest

import kinerja
from kinerja.inputs.findings import InputError, findings_frame, format_findings

HEADER = "tahun,kode_opd,nama_opd,sasaran,indikator,satuan,polaritas,target,realisasi"
GOOD = "2024,007,Dinas Kesehatan,Sasaran A,Angka kematian ibu,per 100.000 KH,negatif,120,110"


def write(tmp_path, text, name="data.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def findings_of(path, **kwargs):
    return [(f.baris, f.kolom, f.tingkat, f.pesan) for f in kinerja.check(path, **kwargs).findings]


def test_reads_codes_as_text_and_numbers_as_floats(tmp_path):
    path = write(tmp_path, f"{HEADER}\n{GOOD}\n")
    table = kinerja.load(path).tidy
    assert table["kode_opd"].iloc[0] == "007"  # never the integer 7
    assert table["target"].iloc[0] == 120.0 and table["tahun"].iloc[0] == 2024
    assert table["polaritas"].iloc[0] == "negatif"


@pytest.mark.parametrize(
    "written,canonical",
    [("Positif", "positif"), ("MAKSIMAL", "positif"), ("+", "positif"), ("Semakin tinggi  semakin baik", "positif"),
     ("minimal", "negatif"), ("-", "negatif"), ("semakin rendah semakin baik", "negatif"), (" Stabil ", "stabil")],
)
def test_polaritas_synonyms(tmp_path, written, canonical):
    path = write(tmp_path, f"{HEADER}\n2024,01,D,S,I,%,\"{written}\",10,10\n")
    assert kinerja.load(path).tidy["polaritas"].iloc[0] == canonical


def test_header_case_and_spaces_tolerated_and_bom(tmp_path):
    header = "\ufeffTahun, Kode OPD ,Nama OPD,Sasaran,Indikator,Satuan,Polaritas,Target,Realisasi"
    path = write(tmp_path, f"{header}\n{GOOD}\n")
    assert len(kinerja.load(path).tidy) == 1


@pytest.mark.parametrize(
    "line,row,column,message",
    [
        ("2024,01,D,S,I,%,positif,sepuluh,10", 2, "target", "Bukan angka"),
        ("2024,01,D,S,I,%,positif,10,1O", 2, "realisasi", "Bukan angka"),
        ("2024,01,D,S,I,%,naik,10,10", 2, "polaritas", "Polaritas tidak dikenal"),
        ("dua ribu,01,D,S,I,%,positif,10,10", 2, "tahun", "Tahun harus"),
        ("2024,,D,S,I,%,positif,10,10", 2, "kode_opd", "wajib diisi"),
        ("2024,01,D,S,I,%,positif,,10", 2, "target", "Target kosong"),
        ("2024,01,D,S,I,%,positif,inf,10", 2, "target", "Bukan angka"),
    ],
)
def test_cell_errors_named(tmp_path, line, row, column, message):
    path = write(tmp_path, f"{HEADER}\n{GOOD}\n{line}\n".replace(GOOD, GOOD.replace("Angka", "Angka0")))
    row += 1  # GOOD is row 2
    found = findings_of(path)
    assert any(r == row and c == column and t == "galat" and message in m for r, c, t, m in found), found
    assert sum(t == "galat" for _, _, t, _ in found) == 1, found  # one finding per bad cell, not two


def test_missing_column_reported_on_header_row(tmp_path):
    path = write(tmp_path, "tahun,kode_opd,nama_opd,sasaran,indikator,satuan,target,realisasi\n2024,01,D,S,I,%,10,10\n")
    with pytest.raises(InputError) as error:
        kinerja.load(path)
    (finding,) = error.value.errors
    assert (finding.berkas, finding.baris, finding.kolom) == (str(path), 1, "polaritas")
    assert "Kolom wajib" in finding.pesan


def test_duplicate_indicator_names_both_rows(tmp_path):
    path = write(tmp_path, f"{HEADER}\n{GOOD}\n{GOOD.replace('Angka kematian ibu', 'angka  Kematian ibu')}\n")
    (finding,) = kinerja.check(path).findings
    assert (finding.baris, finding.kolom) == (3, "indikator")
    assert f"{path} baris 2" in finding.pesan


def test_same_indicator_other_year_or_opd_is_fine(tmp_path):
    path = write(tmp_path, f"{HEADER}\n{GOOD}\n{GOOD.replace('2024', '2023')}\n{GOOD.replace('007', '008')}\n")
    assert kinerja.check(path).findings == []


def test_duplicate_across_files(tmp_path):
    a = write(tmp_path, f"{HEADER}\n{GOOD}\n", "a.csv")
    b = write(tmp_path, f"{HEADER}\n{GOOD}\n", "b.csv")
    (finding,) = kinerja.check([a, b]).findings
    assert finding.berkas == str(b) and finding.baris == 2 and str(a) in finding.pesan


def test_range_targets_checked(tmp_path):
    header = HEADER + ",target_bawah,target_atas,rumus"
    # columns: ...,polaritas,target,realisasi,target_bawah,target_atas,rumus
    lines = [
        "2024,01,D,S,I1,bulan,negatif,,6.5,7,8,",
        "2024,01,D,S,I2,bulan,negatif,,6.5,7,,",
        "2024,01,D,S,I3,bulan,negatif,,6.5,9,8,",
        "2024,01,D,S,I4,bulan,negatif,7,6.5,7,8,",
        "2024,01,D,S,I5,%,positif,,11,10,12,rasio",
    ]
    path = write(tmp_path, header + "\n" + "\n".join(lines) + "\n")
    found = {(r, c): m for r, c, _, m in findings_of(path)}
    assert set(found) == {(3, "target_atas"), (4, "target_bawah"), (5, "target"), (6, "rumus")}
    assert "sekaligus" in found[(3, "target_atas")]
    assert "Tukar" in found[(4, "target_bawah")]


def test_bobot_required_only_for_weighted_method(tmp_path):
    path = write(tmp_path, f"{HEADER},bobot\n{GOOD},\n")
    assert kinerja.check(path).findings == []
    (finding,) = kinerja.check(path, rules=kinerja.Rules(agregasi_opd="bobot")).findings
    assert (finding.baris, finding.kolom) == (2, "bobot")


def test_other_name_for_same_opd_code(tmp_path):
    path = write(tmp_path, f"{HEADER}\n{GOOD}\n{GOOD.replace('Angka kematian ibu', 'Lain').replace('Dinas Kesehatan', 'Dinkes')}\n")
    (finding,) = kinerja.check(path).findings
    assert (finding.baris, finding.kolom, finding.nilai) == (3, "nama_opd", "Dinkes")


def test_warnings_do_not_stop(tmp_path):
    path = write(tmp_path, f"{HEADER},catatan_bebas\n{GOOD.replace('per 100.000 KH', '')},x\n")
    loaded = kinerja.load(path)
    assert {(f.kolom, f.tingkat) for f in loaded.findings} == {("satuan", "peringatan"), ("catatan_bebas", "peringatan")}


@pytest.mark.parametrize(
    "content,message",
    [(None, "tidak ditemukan"), ("", "kosong"), (b"tahun\xff\xfe", "UTF-8"), ('tahun,a\n2024,"x\n', "tidak pernah ditutup")],
)
def test_unreadable_files(tmp_path, content, message):
    path = tmp_path / "x.csv"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content)
    (finding,) = kinerja.check(path).findings
    assert message in finding.pesan and finding.tingkat == "galat"


def test_unknown_file_type(tmp_path):
    (tmp_path / "data.txt").write_text("tahun\n2024\n")
    (finding,) = kinerja.check(tmp_path / "data.txt").findings
    assert ".csv" in finding.pesan


def test_blank_lines_keep_row_numbers(tmp_path):
    path = write(tmp_path, f"{HEADER}\n{GOOD}\n\n,,,,,,,,\n2024,01,D,S,I,%,positif,x,1\n")
    (finding,) = kinerja.check(path).findings
    assert finding.baris == 5


def test_dataframe_input_and_report_formats():
    frame = pd.DataFrame(
        {"tahun": [2024, 2024], "kode_opd": ["01", "01"], "nama_opd": ["D", "D"], "sasaran": ["S", "S"],
         "indikator": ["A", "B"], "satuan": ["%", "%"], "polaritas": ["positif", "salah"], "target": [10.0, 10.0],
         "realisasi": [9.0, 9.0]}
    )
    loaded = kinerja.check(frame)
    (finding,) = loaded.findings
    assert (finding.berkas, finding.baris, finding.kolom, finding.nilai) == ("DataFrame", 3, "polaritas", "salah")
    report = findings_frame(loaded.findings)
    assert list(report.columns) == ["berkas", "lembar", "baris", "kolom", "nilai", "pesan", "tingkat"]
    assert format_findings(loaded.findings).startswith("GALAT DataFrame, baris 3, kolom polaritas: Polaritas tidak dikenal")
    assert kinerja.score(frame.iloc[:1]).opd["capaian"].iloc[0] == pytest.approx(90.0)


def test_quoted_cells_bom_and_crlf_read_as_written(tmp_path):
    # a well-formed file goes through Arrow's parser: quotes, doubled quotes, a line break inside a
    # quoted cell, a quoted empty cell, a byte order mark and CRLF line ends, read as pandas reads them
    from kinerja.inputs.readers import read_csv

    rows = [
        HEADER,
        '2024,"1,02","Dinas ""Sehat"", Kota",Sasaran A,"Angka\nkematian",%,negatif,120,110',
        '2024,"",Dinas B,Sasaran B,Indikator B, %,positif,"3.5",""',
    ]
    path = tmp_path / "data.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(rows).encode("utf-8") + b"\r\n")
    ((_, tidy, _, _),) = read_csv(path)
    assert tidy["kode_opd"].iloc[0] == "1,02" and pd.isna(tidy["kode_opd"].iloc[1])
    assert tidy["nama_opd"].tolist() == ['Dinas "Sehat", Kota', "Dinas B"]
    assert tidy["indikator"].tolist() == ["Angka\nkematian", "Indikator B"]
    assert tidy["satuan"].tolist() == ["%", "%"]
    assert tidy["_baris"].tolist() == [2, 3]
    assert tidy["target"].tolist() == [120.0, 3.5]
    assert tidy["realisasi"].iloc[0] == 110.0 and pd.isna(tidy["realisasi"].iloc[1])
    assert (3, "kode_opd") in {(f.baris, f.kolom) for f in kinerja.check(path).findings}  # must be filled


def test_text_cells_stripped_only_where_needed(tmp_path):
    # a column with nothing to strip is taken as it is (empty cells missing); one whose cells start
    # or end in a space, a tab or a no-break space goes through the strip as before
    path = write(tmp_path, (
        "tahun,kode_opd,nama_opd,sasaran,indikator,satuan,polaritas,target,realisasi,keterangan\n"
        "2024,1.01,Dinas A,S1,Indikator satu,%,positif,80,80,\n"
        "2024,1.01,Dinas A,S1, Indikator dua\t,%,positif,80,70,catatan\u00a0\n"
        "2023,1.01,Dinas A,S1,Indikator satu,%,positif,80,75,\n"
    ))
    table = kinerja.check(path).table
    assert table["indikator"].tolist() == ["Indikator satu", "Indikator dua", "Indikator satu"]
    assert table["nama_opd"].tolist() == ["Dinas A"] * 3
    assert table["keterangan"].isna().tolist() == [True, False, True]
    assert table["keterangan"].iloc[1] == "catatan"
    assert table["tahun"].tolist() == [2024, 2024, 2023]
