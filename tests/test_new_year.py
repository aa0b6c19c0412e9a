"""`kinerja tahun-baru`: the next fiscal year's params and workbook, prefilled from the latest year,
on a small hand-made project."""

from __future__ import annotations

import datetime
import os
from types import SimpleNamespace

import openpyxl
import pandas as pd
import pytest

from conftest import run_cli
from kinerja.inputs.new_year import renstra_targets
from kinerja.inputs.workbook import TEMPLATE_COLUMNS, write_template

PARAMS_2024 = (
    "# Parameter tahun 2024\n"
    "pemda:\n"
    "  nama: Kabupaten Uji\n"
    "tahun: 2024          # tahun anggaran\n"
    "data:\n"
    "  - data/kinerja.xlsx\n"
    "sintetis: false\n"
    "aturan:\n"
    "  batas_atas: 120    # dibatasi dalam rata-rata\n"
    "opd: semua\n"
)


def row(**values):
    return [values.get(name) for name in TEMPLATE_COLUMNS]


KINERJA = [
    row(tahun=2023, kode_opd="007", nama_opd="Dinas Alpha", sasaran="Sasaran lama", kode_indikator="A.0",
        indikator="Indikator lama", satuan="%", polaritas="positif", target=50, realisasi=40),
    row(tahun=2024, kode_opd="007", nama_opd="Dinas Alpha", sasaran="Meningkatnya mutu", kode_indikator="A.1",
        indikator="Indeks mutu", satuan="indeks", polaritas="positif", target=80, realisasi=82, bobot=2),
    row(tahun=2024, kode_opd="007", nama_opd="Dinas Alpha", sasaran="Meningkatnya mutu", kode_indikator="A.2",
        indikator="Angka kematian", satuan="per 1.000", polaritas="negatif", target=4, realisasi=5, rumus="rasio",
        bobot=1),
    row(tahun=2024, kode_opd="008", nama_opd="Badan Beta", sasaran="Tertibnya arsip", kode_indikator="B.1",
        indikator="Arsip tertata", satuan="%", polaritas="positif", target=90, realisasi=95),
    row(tahun=2024, kode_opd="009", nama_opd="Badan Gamma", sasaran="Tertibnya arsip dan data", kode_indikator="G.1",
        indikator="Data terbuka", satuan="dataset", polaritas="stabil", target_bawah=10, target_atas=12, realisasi=11),
]
OPD = [
    ["007", "Dinas Alpha", "ALPHA", None, None, None],
    ["008", "Badan Beta", "BETA", None, 2024, "009"],  # ended at the end of 2024: not carried into 2025
    ["009", "Badan Gamma", "GAMMA", 2024, 2025, None],  # still in force in 2025
]


@pytest.fixture
def project(tmp_path):
    (tmp_path / "params").mkdir()
    (tmp_path / "params" / "2024.yml").write_text(PARAMS_2024, encoding="utf-8")
    (tmp_path / "params" / "2023.yml").write_text(PARAMS_2024.replace("2024", "2023"), encoding="utf-8")
    path = write_template(tmp_path / "data" / "kinerja.xlsx")
    book = openpyxl.load_workbook(path)
    for sheet, data in (("kinerja", KINERJA), ("opd", OPD)):
        for r, values in enumerate(data, start=2):
            for c, value in enumerate(values, start=1):
                book[sheet].cell(row=r, column=c, value=value)
    book.save(path)
    return tmp_path


@pytest.fixture
def inside(project):
    here = os.getcwd()
    os.chdir(project)
    yield project
    os.chdir(here)


def test_new_year(inside, capsys):
    before = (inside / "data" / "kinerja.xlsx").read_bytes()
    code, out = run_cli(capsys, "tahun-baru", "2025")
    assert code == 0, out
    assert "Ditulis: params/2025.yml" in out and "Ditulis: data/kinerja-2025.xlsx" in out
    assert "2 OPD, 2 sasaran, 3 indikator" in out and "target terisi 0 dari 3" in out
    assert "OPD yang berakhir dan tidak dibawa: 008." in out
    assert (inside / "params" / "2025.yml").read_text(encoding="utf-8") == (
        "# Parameter tahun 2025\n"
        "pemda:\n"
        "  nama: Kabupaten Uji\n"
        "tahun: 2025          # tahun anggaran\n"
        "data:\n"
        "  - data/kinerja.xlsx\n"
        "  - data/kinerja-2025.xlsx\n"
        "sintetis: false\n"
        "aturan:\n"
        "  batas_atas: 120    # dibatasi dalam rata-rata\n"
        "opd: semua\n"
    )
    book = openpyxl.load_workbook(inside / "data" / "kinerja-2025.xlsx")
    assert book.sheetnames == ["petunjuk", "kinerja", "opd", "anggaran", "program", "triwulan", "renstra"]
    rows = [list(r) for r in book["kinerja"].iter_rows(min_row=2, values_only=True)]
    assert rows == [
        row(tahun=2025, kode_opd="007", nama_opd="Dinas Alpha", sasaran="Meningkatnya mutu", kode_indikator="A.1",
            indikator="Indeks mutu", satuan="indeks", polaritas="positif", bobot=2),
        row(tahun=2025, kode_opd="007", nama_opd="Dinas Alpha", sasaran="Meningkatnya mutu", kode_indikator="A.2",
            indikator="Angka kematian", satuan="per 1.000", polaritas="negatif", rumus="rasio", bobot=1),
        row(tahun=2025, kode_opd="009", nama_opd="Badan Gamma", sasaran="Tertibnya arsip dan data",
            kode_indikator="G.1", indikator="Data terbuka", satuan="dataset", polaritas="stabil"),
    ]
    opd = [list(r) for r in book["opd"].iter_rows(min_row=2, values_only=True)]
    assert opd == [
        ["007", "Dinas Alpha", "ALPHA", None, None, None, None, None, None],  # the heads: not in the input
        ["009", "Badan Gamma", "GAMMA", datetime.datetime(2024, 1, 1), datetime.datetime(2025, 12, 31), None, None,
         None, None],
    ]
    assert (inside / "data" / "kinerja.xlsx").read_bytes() == before  # the input is never touched
    # the new workbook reads back: codes stay text, nothing but the empty targets/realisasi to report
    import kinerja

    loaded = kinerja.check([str(inside / "data" / "kinerja-2025.xlsx")], tahun=2025)
    assert list(loaded.tidy["kode_opd"]) == ["007", "007", "009"]
    assert loaded.tidy["realisasi"].isna().all() and loaded.tidy["target"].isna().all()


def test_new_year_never_overwrites(inside, capsys):
    (inside / "params" / "2025.yml").write_text("punya saya\n", encoding="utf-8")
    code, out = run_cli(capsys, "tahun-baru", "2025")
    assert code == 1 and "params/2025.yml sudah ada" in out
    assert (inside / "params" / "2025.yml").read_text(encoding="utf-8") == "punya saya\n"
    assert not (inside / "data" / "kinerja-2025.xlsx").exists()
    (inside / "params" / "2025.yml").unlink()
    (inside / "data" / "kinerja-2025.xlsx").write_bytes(b"x")
    code, out = run_cli(capsys, "tahun-baru", "2025")
    assert code == 1 and "data/kinerja-2025.xlsx sudah ada" in out
    assert not (inside / "params" / "2025.yml").exists()


def test_new_year_must_follow_the_latest(inside, capsys):
    code, out = run_cli(capsys, "tahun-baru", "2022")
    assert code == 1 and "Tahun 2022 tidak setelah tahun params terakhir (2024)" in out
    assert "tahun baru harus 2025 atau sesudahnya" in out
    code, out = run_cli(capsys, "tahun-baru", "2024")  # its params exist: never written over
    assert code == 1 and "params/2024.yml sudah ada" in out
    assert sorted(p.name for p in (inside / "params").iterdir()) == ["2023.yml", "2024.yml"]


def test_new_year_outside_a_project(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out = run_cli(capsys, "tahun-baru", "2025")
    assert code == 1 and "params/<tahun>.yml" in out and list(tmp_path.iterdir()) == []


def test_new_year_with_bad_data(inside, capsys):
    book = openpyxl.load_workbook(inside / "data" / "kinerja.xlsx")
    book["kinerja"].cell(row=3, column=TEMPLATE_COLUMNS.index("polaritas") + 1, value="naik-turun")
    book.save(inside / "data" / "kinerja.xlsx")
    code, out = run_cli(capsys, "tahun-baru", "2025")
    assert code == 1 and "naik-turun" in out
    assert not (inside / "params" / "2025.yml").exists() and not (inside / "data" / "kinerja-2025.xlsx").exists()


def test_renstra_targets_plug_in():
    """Where the loaded inputs carry a Renstra table, its targets for the year fill the new rows."""
    rows = pd.DataFrame({"kode_opd": ["007", "007", "009"], "kode_indikator": ["A.1", None, "G.1"],
                         "indikator": ["Indeks mutu", "Angka kematian", "Data terbuka"]})
    renstra = pd.DataFrame({
        "kode_opd": ["007", "007", "007", "009"],
        "kode_indikator": ["A.1", "A.1", None, "X.9"],
        "indikator": ["Indeks mutu", "Indeks mutu", "Angka kematian", "Lain"],
        "tahun": [2025, 2026, 2025, 2025],
        "target": [81.5, 83.0, 3.5, 7.0],
    })
    targets = renstra_targets(SimpleNamespace(renstra=renstra), rows, 2025)
    assert targets.iloc[0] == 81.5 and targets.iloc[1] == 3.5 and pd.isna(targets.iloc[2])
    assert renstra_targets(SimpleNamespace(), rows, 2025).isna().all()  # no Renstra: empty targets
