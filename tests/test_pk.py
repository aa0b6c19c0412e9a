"""``kinerja pk``: the Perjanjian Kinerja PDF of every OPD, compiled by the real typst wheel and read
back with pdftotext (poppler-utils)."""

from __future__ import annotations

import datetime
import math
import re
import shutil
import subprocess

import openpyxl
import pandas as pd
import pytest

from kinerja.cli import main
from kinerja.render.pk import Pihak, format_target, pk_documents, write_pk_pdfs
from tests.conftest import tidy

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")

HOSTILE_OPD = "Dinas <b>Sehat</b> #set $x$"
HOSTILE_HEAD = "dr. Budi #strong[X] $y$ \\ @ref"
HOSTILE_SASARAN = "Derajat *kesehatan* _naik_"
HOSTILE_INDIKATOR = "Angka kematian bayi \\ ] //"


def pdf_text(path) -> str:
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True)
    return re.sub(r"\s+", " ", done.stdout)


@pytest.mark.parametrize("args,expected", [
    ((0.49, math.nan, math.nan, "per 1.000 KH"), "0,49 per 1.000 KH"),
    ((1234.5, math.nan, math.nan, "%"), "1.234,5 %"),
    ((85.0, math.nan, math.nan, "%"), "85 %"),
    ((math.nan, 7.0, 8.0, "hari"), "7–8 hari"),
    ((12.0, math.nan, math.nan, ""), "12"),
    ((math.nan, math.nan, math.nan, "%"), "–"),
])
def test_format_target(args, expected):
    assert format_target(*args) == expected


def test_documents_from_targets_only_in_pk_order():
    table = tidy([
        dict(kode_opd="02", nama_opd="Biro Umum", sasaran="S2", indikator="i3", target=5, kode_indikator="2.1"),
        dict(kode_opd="01", nama_opd="Dinas A", sasaran="Sb", indikator="i2", target=10, kode_indikator="1.2"),
        dict(kode_opd="01", nama_opd="Dinas A", sasaran="Sa", indikator="i1", target=80, kode_indikator="1.1"),
        dict(tahun=2023, kode_opd="01", nama_opd="Dinas A", sasaran="Sa", indikator="old", target=1),
    ])
    opd = pd.DataFrame({"kode_opd": ["01"], "nama_opd": ["Dinas A"], "nama_kepala": ["Ani"],
                        "jabatan_kepala": ["Kepala Dinas A"], "nip_kepala": ["1970"]})
    documents = pk_documents(table, 2024, opd=opd, kepala_daerah=Pihak("Gub", "Gubernur"), tempat="Bengkulu",
                             tanggal=datetime.date(2025, 2, 11))
    assert [d.kode_opd for d in documents] == ["01", "02"]
    first = documents[0]
    assert [s.nama for s in first.sasaran] == ["Sa", "Sb"]
    assert [[i.indikator for i in s.indikator] for s in first.sasaran] == [["i1"], ["i2"]]
    assert first.pihak_pertama == Pihak("Ani", "Kepala Dinas A", "1970")
    assert documents[1].pihak_pertama == Pihak()  # no head given: dotted lines in the PDF
    assert first.tanggal == "11 Februari 2025" and first.file_name == "pk-01.pdf"


def make_project(tmp_path, *, sintetis=True, realisasi=None):
    """A project with params/2025.yml and a workbook of 2025 targets (realisasi empty), hostile names."""
    (tmp_path / "params").mkdir()
    (tmp_path / "data").mkdir()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "kinerja"
    sheet.append(["Tahun", "Kode OPD", "Nama OPD", "Sasaran", "Indikator", "Satuan", "Polaritas", "Target",
                  "Realisasi", "Kode Indikator", "Target Bawah", "Target Atas"])
    sheet.append([2025, "007", HOSTILE_OPD, HOSTILE_SASARAN, HOSTILE_INDIKATOR, "per 1.000 KH", "negatif", "< 0,49",
                  realisasi, "1.1"])
    sheet.append([2025, "007", HOSTILE_OPD, HOSTILE_SASARAN, "Cakupan imunisasi", "%", "positif", 1234.5, None, "1.2"])
    sheet.append([2025, "007", HOSTILE_OPD, "Sasaran dua", "Lama rawat", "hari", "negatif", None, None, "2.1", 7, 8])
    sheet.append([2025, "010", "Biro Umum", "Tertibnya administrasi", "Rasio guru murid", "murid", "positif", "1:32",
                  None, "B.1"])
    opd = book.create_sheet("opd")
    opd.append(["Kode OPD", "Nama OPD", "Nama Kepala", "Jabatan Kepala", "NIP Kepala"])
    opd.append(["007", HOSTILE_OPD, HOSTILE_HEAD, "Kepala Dinas", "197001012000031001"])
    opd.append(["010", "Biro Umum", None, None, None])
    program = book.create_sheet("program")
    program.append(["Tahun", "Kode OPD", "Program", "Anggaran", "Keterangan"])
    program.append([2025, "007", "Program Upaya Kesehatan", 1200000000, "APBD"])
    program.append([2025, "007", "Program #2 <script>", 350000000, None])
    book.save(tmp_path / "data" / "kinerja-2025.xlsx")
    (tmp_path / "params" / "2025.yml").write_text(
        "pemda:\n  nama: Pemerintah Provinsi Contoh\ntahun: 2025\ndata:\n  - data/kinerja-2025.xlsx\n"
        f"sintetis: {'true' if sintetis else 'false'}\n"
        "kepala_daerah:\n  nama: Helmi Hasan\n  jabatan: Gubernur Bengkulu\n"
        "pk:\n  tempat: Bengkulu\n  tanggal: 2025-02-11\n",
        encoding="utf-8",
    )
    return tmp_path


def test_cli_writes_one_pdf_per_opd_with_names_targets_literally(tmp_path, monkeypatch, capsys):
    project = make_project(tmp_path)
    monkeypatch.chdir(project)
    assert main(["pk", "--tahun", "2025"]) == 0
    assert "2 dokumen Perjanjian Kinerja tahun 2025" in capsys.readouterr().out
    folder = project / "_pk" / "2025"
    assert sorted(p.name for p in folder.iterdir()) == [".kinerja", "pk-007.pdf", "pk-010.pdf"]
    text = pdf_text(folder / "pk-007.pdf")
    for expected in (
        "PERJANJIAN KINERJA TAHUN 2025", HOSTILE_OPD, HOSTILE_HEAD, "Kepala Dinas", "197001012000031001",
        "PIHAK PERTAMA", "PIHAK KEDUA", "Helmi Hasan", "Gubernur Bengkulu", "Bengkulu, 11 Februari 2025",
        HOSTILE_SASARAN, HOSTILE_INDIKATOR, "0,49 per 1.000 KH", "Cakupan imunisasi", "1.234,5 %", "Lama rawat",
        "7–8 hari", "Program Upaya Kesehatan", "1.200.000.000", "Program #2 <script>", "350.000.000",
        "1.550.000.000", "CONTOH SINTETIS",
    ):
        assert expected in text, expected
    other = pdf_text(folder / "pk-010.pdf")
    assert "Biro Umum" in other and "Rasio guru murid" in other and "32 murid" in other
    assert "Anggaran (Rp)" not in other  # no programme budgets given for this OPD
    assert "........" in other  # no head named: a dotted line to fill by hand
    assert HOSTILE_HEAD not in other


def test_cli_again_replaces_its_own_files_and_refuses_a_foreign_folder(tmp_path, monkeypatch, capsys):
    project = make_project(tmp_path, sintetis=False, realisasi=0.3)
    monkeypatch.chdir(project)
    assert main(["pk", "--tahun", "2025", "--out", "keluar", "--opd", "010"]) == 0
    assert main(["pk", "--tahun", "2025", "--out", "keluar"]) == 0
    assert sorted(p.name for p in (project / "keluar").iterdir()) == [".kinerja", "pk-007.pdf", "pk-010.pdf"]
    assert "CONTOH SINTETIS" not in pdf_text(project / "keluar" / "pk-007.pdf")
    foreign = project / "lain"
    foreign.mkdir()
    (foreign / "catatan.txt").write_text("milik orang lain", encoding="utf-8")
    capsys.readouterr()
    assert main(["pk", "--tahun", "2025", "--out", "lain"]) == 1
    assert "GALAT" in capsys.readouterr().err
    assert sorted(p.name for p in foreign.iterdir()) == ["catatan.txt"]


def test_cli_without_params_or_with_bad_data_says_so(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["pk", "--tahun", "2031"]) == 1
    err = capsys.readouterr().err
    assert "params/2031.yml" in err and "tahun-baru" in err and "Traceback" not in err
    project = make_project(tmp_path)
    book = openpyxl.load_workbook(project / "data" / "kinerja-2025.xlsx")
    book["kinerja"]["G2"] = "positif"  # "< 0,49" contradicts a positif polaritas
    book.save(project / "data" / "kinerja-2025.xlsx")
    assert main(["pk", "--tahun", "2025"]) == 1
    err = capsys.readouterr().err
    assert "lembar kinerja, baris 2, kolom target" in err
    assert not (project / "_pk" / "2025" / "pk-007.pdf").exists()
    book["kinerja"]["G2"] = "negatif"
    book.save(project / "data" / "kinerja-2025.xlsx")
    assert main(["pk", "--tahun", "2025", "--opd", "999"]) == 1
    assert "999" in capsys.readouterr().err


def test_write_pk_pdfs_directly(tmp_path):
    table = tidy([dict(kode_opd="A/1", nama_opd="Dinas $a$", sasaran="S", indikator="I", target=80, satuan="%")])
    documents = pk_documents(table, 2024)
    written = write_pk_pdfs(documents, tmp_path / "pk")
    assert [p.name for p in written] == [documents[0].file_name]
    assert documents[0].file_name.startswith("pk-A_1~")
    text = pdf_text(written[0])
    assert "Dinas $a$" in text and "80 %" in text and "........" in text


HOSTILE = [
    "#set text(red)", "$x^2$", "a \\ b", "*tebal*", "_miring_", "<label>", "@ref", "[x]", "// komentar",
    "/* blok */", "= Judul", "- butir", "+ butir", "1. butir", "~", "`raw`", '"kutip"', "\\u{41}", "#{1+1}",
    "http://contoh.id", "a -- b", "...", "Rp 1.000,-",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_typst_escaping_shows_hostile_text_literally(tmp_path, name):
    """Both ways of writing data text into Typst source (markup, string literal) show it as typed."""
    import typst

    from kinerja.support.escape import typst_markup, typst_string

    source = tmp_path / "uji.typ"
    source.write_text(
        '#set text(font: "Libertinus Serif")\n'
        f"AWAL {typst_markup(name)} TENGAH\n\n#{typst_string(name)} AKHIR\n",
        encoding="utf-8",
    )
    out = tmp_path / "uji.pdf"
    typst.compile(str(source), output=str(out), root=str(tmp_path), font_paths=[], ignore_system_fonts=True)
    text = pdf_text(out)
    assert f"AWAL {name} TENGAH" in text
    assert f"{name} AKHIR" in text
