"""Progress toward the five-year plan: capaian terhadap target akhir periode (published and
hand-worked examples), the renstra sheet as read and validated, and the plan's yearly targets."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import kinerja
from kinerja.core.renstra import plan_capaian, progress_to_plan, renstra_path, targets_for_year
from kinerja.support import display
from tests.conftest import write_text_file


def test_lampung_2015_infant_mortality_against_the_2019_target():
    """Lampung, LKj 2015: AKB 4,88 against the RPJMD target 24 for 2019, negatif → 179,67."""
    assert display.persen(plan_capaian(4.88, 24, "negatif")) == "179,67 %"
    assert plan_capaian(4.88, 24, "negatif") == pytest.approx(179.6666667)


@pytest.mark.parametrize("realisasi, target_akhir, polaritas, expected", [
    (80, 90, "positif", 88.888889),   # 80 / 90 × 100
    (95, 90, "positif", 105.555556),  # above the end target
    (12, 10, "negatif", 80.0),        # (2 − 12/10) × 100
    (25, 10, "negatif", 0.0),         # (2 − 2,5) × 100 = −50 → the floor 0
    (2.4, 2.1, "stabil", 85.714286),  # 100 − 0,3 / 2,1 × 100
])
def test_hand_worked_capaian_against_the_end_target(realisasi, target_akhir, polaritas, expected):
    assert plan_capaian(realisasi, target_akhir, polaritas) == pytest.approx(expected, abs=1e-6)


KINERJA = """tahun,kode_opd,nama_opd,sasaran,kode_indikator,indikator,satuan,polaritas,target,realisasi
2022,01,Dinas A,S1,A.1,Cakupan layanan,%,positif,20,15
2023,01,Dinas A,S1,A.1,Cakupan layanan,%,positif,25,27
2023,01,Dinas A,S1,A.2,Angka kasus,kasus,negatif,40,30
2024,01,Dinas A,S1,A.1,Cakupan layanan,%,positif,31,
"""
RENSTRA = """kode_opd,kode_indikator,periode,Target 2021,Target 2022,Target 2023,Target 2024,Target Akhir Periode
01,A.1,2021–2024,10,20,25,30,30
01,A.2,2021 s.d. 2024,50,45,40,35,35
"""


@pytest.fixture
def data(tmp_path):
    return [write_text_file(tmp_path, KINERJA, "kinerja.csv"), write_text_file(tmp_path, RENSTRA, "renstra.csv")]


def test_renstra_sheet_is_read_with_its_yearly_target_columns(data):
    loaded = kinerja.load(data)
    plan = loaded.renstra.set_index("kode_indikator")
    assert plan.loc["A.1", ["tahun_awal", "tahun_akhir", "target_akhir"]].tolist() == [2021, 2024, 30.0]
    assert plan.loc["A.2", ["target_2021", "target_2024"]].tolist() == [50.0, 35.0]


def test_progress_to_the_end_target_per_indicator_and_year(data):
    progress = kinerja.plan_progress(data).set_index(["tahun", "kode_indikator"])
    assert progress.loc[(2022, "A.1"), "capaian_akhir_periode"] == pytest.approx(50.0)  # 15 / 30
    assert progress.loc[(2023, "A.1"), "capaian_akhir_periode"] == pytest.approx(90.0)  # 27 / 30
    assert progress.loc[(2023, "A.2"), "capaian_akhir_periode"] == pytest.approx(114.285714)  # (2 − 30/35)
    assert progress.loc[(2023, "A.1"), "target_renstra"] == 25.0 and progress.loc[(2023, "A.1"), "target"] == 25.0
    not_reported = progress.loc[(2024, "A.1")]
    assert np.isnan(not_reported["capaian_akhir_periode"])
    assert not_reported["catatan"] == "tidak dapat dihitung: realisasi belum dilaporkan"


def test_the_plan_as_a_path_and_next_years_targets(data):
    loaded = kinerja.load(data)
    path = renstra_path(loaded.renstra)
    a1 = path[path["kode_indikator"] == "A.1"]
    assert a1["tahun"].tolist() == [2021, 2022, 2023, 2024] and a1["target_renstra"].tolist() == [10, 20, 25, 30]
    nxt = targets_for_year(loaded.renstra, 2024).set_index("kode_indikator")
    assert nxt["target_renstra"].to_dict() == {"A.1": 30.0, "A.2": 35.0}
    assert kinerja.plan_targets(loaded, 2025).empty  # beyond the period: nothing to propose


def test_an_opd_renamed_during_the_period_keeps_its_plan():
    table = pd.DataFrame({"tahun": [2022], "kode_opd": ["lama"], "kode_indikator": ["A.1"], "indikator": ["x"],
                          "satuan": ["%"], "polaritas": ["positif"], "target": [20.0], "realisasi": [15.0]})
    plan = pd.DataFrame({"kode_opd": ["baru"], "kode_indikator": ["A.1"], "periode": ["2021–2024"],
                         "tahun_awal": [2021], "tahun_akhir": [2024], "target_akhir": [30.0], "target_2022": [20.0]})
    progress = progress_to_plan(table, plan)
    assert progress["capaian_akhir_periode"].tolist() == [50.0] and progress["kode_opd"].tolist() == ["lama"]


def found(paths):
    return {(Path(f.berkas).name, f.baris, f.kolom, f.tingkat): f.pesan for f in kinerja.check(paths).findings}


def test_findings_about_the_renstra_sheet(tmp_path):
    plan = write_text_file(tmp_path, "\n".join([
        "kode_opd,kode_indikator,periode,Target 2021,Target 2022,Target 2023,Target 2024,Target 2025,Target Akhir Periode",
        "01,A.1,2021–2024,10,20,25,30,40,30",   # 2: a target after the period
        "01,A.2,2021–2024,50,,40,35,,35",       # 3: 2022 missing inside the period
        "01,A.1,2023–2027,25,,,,,40",           # 4: overlaps row 2 (and 2021 before it)
        "01,B.9,2021–2024,1,2,3,4,,4",          # 5: no such indicator
        "01,A.2,dua ribu,1,2,3,4,,4",           # 6: period unreadable
        "01,A.2,2024–2021,1,2,3,4,,",           # 7: backwards, and no end target
    ]) + "\n", "renstra.csv")
    got = found([write_text_file(tmp_path, KINERJA, "kinerja.csv"), plan])
    assert got[("renstra.csv", 2, "target_2025", "galat")].startswith("Target tahun 2025 terisi, padahal tahun itu di luar periode")
    assert got[("renstra.csv", 3, "target_2022", "peringatan")].startswith("Target tahun 2022 kosong")
    assert got[("renstra.csv", 4, "periode", "galat")].startswith("Indikator ini sudah ada dalam renstra")
    assert "baris 2" in got[("renstra.csv", 4, "periode", "galat")]
    assert got[("renstra.csv", 4, "target_2021", "galat")].startswith("Target tahun 2021 terisi")
    assert got[("renstra.csv", 5, "kode_indikator", "peringatan")].startswith("kode_indikator ini tidak ada")
    assert got[("renstra.csv", 6, "periode", "galat")].startswith("Periode tidak dapat dibaca")
    assert got[("renstra.csv", 7, "periode", "galat")].startswith("Tahun awal periode lebih besar")
    assert ("renstra.csv", 7, "target_akhir", "galat") in got  # must be filled


def test_tahun_baru_takes_next_years_targets_from_the_renstra_sheet(data):
    from kinerja.inputs.new_year import carried_rows

    rows = carried_rows(kinerja.load(data), 2024, 2025).set_index("kode_indikator")
    assert rows["target"].isna().all()  # the period ends in 2024: nothing to propose for 2025
    rows = carried_rows(kinerja.load(data), 2023, 2024).set_index("kode_indikator")
    assert rows["target"].to_dict() == {"A.1": 30.0, "A.2": 35.0}
