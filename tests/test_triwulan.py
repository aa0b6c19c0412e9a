"""Quarterly monitoring: capaian s.d. triwulan n for each sifat (hand-worked), the year made from
its quarters, the findings about the quarterly sheet, and ``kinerja score --triwulan``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

import kinerja
from kinerja.core.triwulan import score_triwulan
from tests.conftest import run_cli, write_text_file

KINERJA = """tahun,kode_opd,nama_opd,sasaran,kode_indikator,indikator,satuan,polaritas,sifat,target,realisasi
2024,01,Dinas Contoh,S1,K,Kunjungan wisatawan,orang,positif,kumulatif,700,
2024,01,Dinas Contoh,S2,A,Angka kematian,per 1.000,negatif,akhir,24,
2024,01,Dinas Contoh,S3,M,Rata-rata waktu layanan,hari,stabil,rata_rata,5,5
2024,01,Dinas Contoh,S4,X,Indikator tanpa triwulan,%,positif,,80,84
"""
TRIWULAN = """tahun,kode_opd,kode_indikator,triwulan,target triwulan,realisasi triwulan
2024,01,K,1,100,90
2024,01,K,2,150,160
2024,01,K,3,200,210
2024,01,K,4,250,
2024,01,A,I,30,31
2024,01,A,II,28,27
2024,01,A,III,26,24.5
2024,01,A,IV,24,23
2024,01,M,1,5,6
2024,01,M,2,5,4
2024,01,M,3,5,5.5
2024,01,M,4,5,4.5
"""

#: Capaian s.d. triwulan n, worked by hand:
#: K kumulatif positif: T = 100, 250, 450; R = 90, 250, 460 → 90; 100; 102,22; quarter 4 not reported.
#: A akhir negatif: (2 − 31/30), (2 − 27/28), (2 − 24,5/26), (2 − 23/24) × 100.
#: M rata_rata stabil: R = 6; 5; 15,5/3; 20/4 against T = 5 → 80; 100; 96,67; 100.
EXPECTED = {
    1: {"K": 90.0, "A": 96.666667, "M": 80.0},
    2: {"K": 100.0, "A": 103.571429, "M": 100.0},
    3: {"K": 102.222222, "A": 105.769231, "M": 96.666667},
    4: {"K": np.nan, "A": 104.166667, "M": 100.0},
}


@pytest.fixture
def data(tmp_path):
    return [write_text_file(tmp_path, KINERJA, "kinerja-2024.csv"), write_text_file(tmp_path, TRIWULAN, "triwulan-2024.csv")]


@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_capaian_up_to_each_quarter_for_each_sifat(data, n):
    result = kinerja.score_quarter(data, n)
    capaian = result.indikator.set_index("kode_indikator")["capaian"]
    for code, expected in EXPECTED[n].items():
        if np.isnan(expected):
            assert np.isnan(capaian[code])
        else:
            assert capaian[code] == pytest.approx(expected, abs=1e-6), code
    assert np.isnan(capaian["X"])  # no quarters: not computable, never 0
    notes = result.indikator.set_index("kode_indikator")["catatan"]
    assert notes["X"] == "tidak dapat dihitung: tidak ada data triwulan untuk indikator ini"
    assert set(result.indikator["triwulan"]) == {n}


def test_targets_and_realisasi_up_to_quarter_three():
    loaded = kinerja.load([Path(p) for p in _written()])
    rows = kinerja.score_quarter(loaded, 3).indikator.set_index("kode_indikator")
    assert rows.loc["K", ["target", "realisasi"]].tolist() == [450.0, 460.0]  # sums
    assert rows.loc["A", ["target", "realisasi"]].tolist() == [26.0, 24.5]  # quarter 3
    assert rows.loc["M", "target"] == 5.0 and rows.loc["M", "realisasi"] == pytest.approx(15.5 / 3)  # means
    assert rows.loc["K", "triwulan_dilaporkan"] == 3


def _written(folder=None):
    import tempfile

    folder = Path(folder or tempfile.mkdtemp(prefix="trw-"))
    return [write_text_file(folder, KINERJA, "kinerja-2024.csv"), write_text_file(folder, TRIWULAN, "triwulan-2024.csv")]


def test_unreported_quarter_is_not_computable_with_a_note(data):
    row = kinerja.score_quarter(data, 4).indikator.set_index("kode_indikator").loc["K"]
    assert np.isnan(row["capaian"]) and row["status"] == "tidak dapat dihitung" and not row["tertinggal"]
    assert row["catatan"] == "tidak dapat dihitung: realisasi triwulan 4 belum dilaporkan"


def test_sasaran_opd_pemda_and_the_behind_flag(data):
    first = kinerja.score_quarter(data, 1)
    # s.d. triwulan I: one indicator per sasaran; OPD = (90 + 96,6667 + 80) / 3 = 88,8889
    assert first.opd["capaian"].iloc[0] == pytest.approx((90 + 290 / 3 + 80) / 3)
    assert first.pemda["capaian"].iloc[0] == pytest.approx((90 + 290 / 3 + 80) / 3)
    behind = first.indikator.set_index("kode_indikator")["tertinggal"]
    assert behind.to_dict() == {"K": True, "A": False, "M": False, "X": False} | {"M": True}
    assert first.opd["jumlah_tertinggal"].iloc[0] == 2 and first.pemda["jumlah_tertinggal"].iloc[0] == 2
    second = kinerja.score_quarter(data, 2)
    assert second.pemda["capaian"].iloc[0] == pytest.approx((100 + 103.5714285714 + 100) / 3)
    assert second.pemda["jumlah_tertinggal"].iloc[0] == 0
    # the threshold is a setting: at 101 the two indicators at 100 are behind
    stricter = kinerja.score_quarter(data, 2, rules=kinerja.Rules(ambang_tertinggal=101))
    assert stricter.pemda["jumlah_tertinggal"].iloc[0] == 2


def test_the_path_of_quarters_for_a_chart(data):
    path = kinerja.score_quarter(data, 3, path=True)
    assert list(path.pemda["triwulan"]) == [1, 2, 3]
    values = kinerja.core.triwulan.quarter_values(kinerja.load(data).tidy, kinerja.load(data).triwulan)
    k = values[values["kode_indikator"] == "K"].set_index("triwulan")
    assert k["target_triwulan"].tolist() == [100.0, 150.0, 200.0, 250.0]
    assert k["target"].tolist() == [100.0, 250.0, 450.0, 700.0]


def test_a_year_reported_by_quarters_only_is_scored_from_them(data):
    result = kinerja.score(data)
    year = result.indikator.set_index("kode_indikator")
    assert year.loc["A", "realisasi"] == 23.0  # the annual cell is empty: quarter 4 (akhir)
    assert year.loc["A", "capaian"] == pytest.approx((2 - 23 / 24) * 100)
    assert np.isnan(year.loc["K", "capaian"])  # quarter 4 not reported: the year is not computable either


def test_default_sifat_comes_from_the_rules(tmp_path):
    text = KINERJA.replace(",kumulatif,700,", ",,,")  # no sifat, no annual target (else it disagrees)
    paths = [write_text_file(tmp_path, text, "kinerja-2024.csv"), write_text_file(tmp_path, TRIWULAN, "t.csv")]
    as_end = kinerja.score_quarter(paths, 2).indikator.set_index("kode_indikator")  # default akhir
    assert as_end.loc["K", ["target", "realisasi"]].tolist() == [150.0, 160.0]
    as_sum = kinerja.score_quarter(paths, 2, rules=kinerja.Rules(sifat_bawaan="kumulatif")).indikator
    assert as_sum.set_index("kode_indikator").loc["K", "realisasi"] == 250.0
    with pytest.raises(kinerja.RulesError):
        kinerja.Rules(sifat_bawaan="bulanan")


def found(paths, **kwargs):
    return {(Path(f.berkas).name, f.lembar, f.baris, f.kolom, f.tingkat): f.pesan
            for f in kinerja.check(paths, **kwargs).findings}


def test_findings_about_the_quarterly_sheet(tmp_path):
    kinerja_csv = write_text_file(tmp_path, KINERJA.replace("5,5\n", "5,5.5\n"), "kinerja-2024.csv")
    quarterly = write_text_file(tmp_path, "\n".join([
        "tahun,kode_opd,kode_indikator,triwulan,target,realisasi",
        "2024,01,K,1,100,90",        # 2
        "2024,01,K,1,100,95",        # 3: quarter twice
        "2024,01,K,2,,160",          # 4: quarter target missing
        "2024,01,K,3,200,210",       # 5: beyond the reported quarter (2)
        "2024,01,A,2,28,27",         # 6: quarter 1 missing
        "2024,01,Z,1,10,9",          # 7: no such indicator
        "2024,01,A,5,10,9",          # 8: not a quarter
        "2024,01,M,1,5,6",
        "2024,01,M,2,5,4",
        "2024,01,M,3,5,5.5",
        "2024,01,M,4,5,4.5",         # annual realisasi 5,5 against the mean 5
    ]) + "\n", "triwulan-2024.csv")
    got = found([kinerja_csv, quarterly], triwulan=2)
    assert "sudah ada untuk indikator yang sama (" in got[("triwulan-2024.csv", "", 3, "triwulan", "galat")]
    assert "baris 2" in got[("triwulan-2024.csv", "", 3, "triwulan", "galat")]
    assert got[("triwulan-2024.csv", "", 4, "target", "galat")].startswith("Target (rencana aksi) triwulan ini kosong")
    assert got[("triwulan-2024.csv", "", 5, "realisasi", "peringatan")].startswith(
        "3 realisasi triwulan sesudah triwulan 2 sudah terisi (yang pertama di baris ini)")  # rows 5, 10, 11
    assert got[("triwulan-2024.csv", "", 6, "triwulan", "galat")].startswith("Baris triwulan 1 untuk indikator ini tidak ada")
    assert "Tidak ada indikator dengan kode_indikator ini" in got[("triwulan-2024.csv", "", 7, "kode_indikator", "galat")]
    assert got[("triwulan-2024.csv", "", 8, "triwulan", "galat")].startswith("Triwulan tidak dikenal")
    disagree = got[("kinerja-2024.csv", "", 4, "realisasi", "galat")]
    assert disagree.startswith("Realisasi tahunan 5.5 berbeda dari gabungan empat triwulan (rata_rata): 5")


def test_a_realisasi_after_an_empty_quarter_is_a_warning(tmp_path):
    quarterly = TRIWULAN.replace("2024,01,M,2,5,4\n", "2024,01,M,2,5,\n")
    paths = [write_text_file(tmp_path, KINERJA, "kinerja-2024.csv"), write_text_file(tmp_path, quarterly, "t.csv")]
    got = found(paths)
    assert got[("t.csv", "", 12, "realisasi", "peringatan")].startswith(
        "Realisasi triwulan 3 terisi, padahal realisasi triwulan 2 kosong")
    assert got[("t.csv", "", 13, "realisasi", "peringatan")].startswith("Realisasi triwulan 4 terisi")


def test_findings_name_the_workbook_sheet_and_a_bad_sifat(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "kinerja"
    for line in KINERJA.strip().splitlines():
        sheet.append(line.split(","))
    sheet["I3"] = "bulanan"
    quarters = book.create_sheet("triwulan")
    quarters.append(["Tahun", "Kode OPD", "Kode Indikator", "Triwulan", "Target Triwulan", "Realisasi Triwulan"])
    quarters.append([2024, "01", "K", "TW 1", 100, 90])
    quarters.append([2024, "01", "K", "TW 1", 100, 90])
    path = tmp_path / "pk-2024.xlsx"
    book.save(path)
    got = found([path])
    assert got[("pk-2024.xlsx", "kinerja", 3, "sifat", "galat")].startswith("Sifat tidak dikenal")
    assert ("pk-2024.xlsx", "triwulan", 3, "triwulan", "galat") in got


def test_cli_score_writes_the_quarterly_tables(tmp_path, capsys, data):
    out = tmp_path / "hasil"
    code, text = run_cli(capsys, "score", *data, "--triwulan", "2", "--out", out)
    assert code == 0, text
    assert "Capaian s.d. triwulan II 2024: 101,19 %; 0 indikator tertinggal (di bawah 91 %)." in text
    for name in ("triwulan_indikator", "triwulan_sasaran", "triwulan_opd", "triwulan_pemda", "indikator", "pemda"):
        assert (out / f"{name}.csv").is_file(), name
    pemda = pd.read_csv(out / "triwulan_pemda.csv")
    assert pemda["capaian"].iloc[0] == pytest.approx((100 + 103.5714285714 + 100) / 3)
    assert list(pemda["triwulan"]) == [2]
    with pytest.raises(SystemExit) as stopped:  # argparse: a quarter other than 1–4 is wrong usage
        run_cli(capsys, "score", *data, "--triwulan", "5", "--out", out)
    assert stopped.value.code == 2
    assert "--triwulan" in capsys.readouterr().err


def test_score_triwulan_is_pure_over_a_tidy_table():
    loaded = kinerja.load(_written())
    before = loaded.tidy.copy()
    score_triwulan(loaded.tidy, loaded.triwulan, kinerja.Rules(), 2024, 3)
    pd.testing.assert_frame_equal(loaded.tidy, before)


def test_several_pemda_are_scored_apart():
    table = pd.DataFrame({
        "kode_pemda": ["17", "18"], "tahun": [2024, 2024], "kode_opd": ["01", "01"], "nama_opd": ["Dinas", "Dinas"],
        "sasaran": ["S", "S"], "kode_indikator": ["K", "K"], "indikator": ["Kunjungan", "Kunjungan"],
        "satuan": ["orang", "orang"], "polaritas": ["positif", "positif"], "sifat": ["kumulatif", "kumulatif"],
        "target": [300.0, 300.0], "realisasi": [np.nan, np.nan],
    }).astype({"tahun": "Int64"})
    quarters = pd.DataFrame({
        "kode_pemda": ["17", "17", "18", "18"], "tahun": [2024] * 4, "kode_opd": ["01"] * 4, "kode_indikator": ["K"] * 4,
        "triwulan": [1, 2, 1, 2], "target": [100.0, 100.0, 100.0, 100.0], "realisasi": [50.0, 100.0, 100.0, 120.0],
    }).astype({"tahun": "Int64", "triwulan": "Int64"})
    result = score_triwulan(table, quarters, kinerja.Rules(), 2024, 2)
    capaian = result.pemda.set_index("kode_pemda")["capaian"]
    assert capaian["17"] == pytest.approx(75.0) and capaian["18"] == pytest.approx(110.0)  # 150/200, 220/200
    # a quarterly table without kode_pemda joins on the OPD and indicator codes alone
    alone = score_triwulan(table.iloc[:1], quarters[quarters["kode_pemda"] == "17"].drop(columns="kode_pemda"),
                           kinerja.Rules(), 2024, 2)
    assert alone.pemda["capaian"].tolist() == [pytest.approx(75.0)]
