"""Sasaran → OPD → pemda: every aggregation method and the cap, worked by hand."""

from __future__ import annotations

import math

import pytest

from kinerja import Rules
from kinerja.core.engine import score_table
from tests.conftest import tidy

# OPD A: S1 = {90, 130}, S2 = {100, not computable};  OPD B: S3 = {0 (floored), not computable};
# OPD C: nothing computable.
ROWS = [
    dict(kode_opd="A", nama_opd="Dinas A", sasaran="S1", indikator="i1", target=100, realisasi=90, bobot=2),
    dict(kode_opd="A", nama_opd="Dinas A", sasaran="S1", indikator="i2", target=100, realisasi=130, bobot=1),
    dict(kode_opd="A", nama_opd="Dinas A", sasaran="S2", indikator="i3", target=50, realisasi=50, bobot=1),
    dict(kode_opd="A", nama_opd="Dinas A", sasaran="S2", indikator="i4", target=50, bobot=5),
    dict(kode_opd="B", nama_opd="Badan B", sasaran="S3", indikator="i5", polaritas="negatif", target=10, realisasi=25, bobot=1),
    dict(kode_opd="B", nama_opd="Badan B", sasaran="S3", indikator="i6", target=0, realisasi=3, bobot=1),
    dict(kode_opd="C", nama_opd="Biro C", sasaran="S4", indikator="i7", target=10, bobot=1),
]


def opd_capaian(result):
    return dict(zip(result.opd["kode_opd"], result.opd["capaian"]))


def test_bertingkat_default():
    result = score_table(tidy(ROWS), Rules())
    sasaran = dict(zip(result.sasaran["sasaran"], result.sasaran["capaian"]))
    assert sasaran["S1"] == pytest.approx(110.0)  # (90 + 130) / 2
    assert sasaran["S2"] == pytest.approx(100.0)  # i4 not computable: left out
    assert sasaran["S3"] == pytest.approx(0.0)
    assert math.isnan(sasaran["S4"])
    assert result.sasaran.set_index("sasaran")["jumlah_indikator"].to_dict() == {"S1": 2, "S2": 1, "S3": 1, "S4": 0}
    capaian = opd_capaian(result)
    assert capaian["A"] == pytest.approx(105.0)  # (110 + 100) / 2
    assert capaian["B"] == pytest.approx(0.0)
    assert math.isnan(capaian["C"])
    assert result.opd.set_index("kode_opd")["predikat"].to_dict() == {"A": "Sangat Tinggi", "B": "Sangat Rendah", "C": ""}
    pemda = result.pemda.iloc[0]
    assert pemda["capaian"] == pytest.approx(52.5)  # (105 + 0) / 2, C left out
    assert pemda["jumlah_opd"] == 2
    assert pemda["jumlah_indikator"] == 4
    assert pemda["metode"] == "rata_opd (bertingkat)"
    assert pemda["predikat"] == "Rendah"
    assert set(result.opd["metode"]) == {"bertingkat"}
    assert result.opd["batas_atas"].isna().all()


def test_flat_opd_mean():
    result = score_table(tidy(ROWS), Rules(agregasi_opd="rata_rata"))
    capaian = opd_capaian(result)
    assert capaian["A"] == pytest.approx((90 + 130 + 100) / 3)
    assert capaian["B"] == pytest.approx(0.0)
    assert result.pemda["capaian"].iloc[0] == pytest.approx(((90 + 130 + 100) / 3 + 0) / 2)
    assert result.opd.set_index("kode_opd")["jumlah_sasaran"].to_dict() == {"A": 2, "B": 1, "C": 0}


def test_weighted_opd_mean():
    result = score_table(tidy(ROWS), Rules(agregasi_opd="bobot"))
    capaian = opd_capaian(result)
    assert capaian["A"] == pytest.approx((2 * 90 + 1 * 130 + 1 * 100) / 4)  # i4's weight 5 not used
    assert set(result.opd["metode"]) == {"bobot"}


def test_flat_pemda_mean():
    result = score_table(tidy(ROWS), Rules(agregasi_pemda="rata_rata"))
    assert result.pemda["capaian"].iloc[0] == pytest.approx((90 + 130 + 100 + 0) / 4)
    assert result.pemda["metode"].iloc[0] == "rata_rata"


def test_cap_applies_in_every_average_only():
    result = score_table(tidy(ROWS), Rules(batas_atas=120))
    assert result.indikator.set_index("indikator").loc["i2", "capaian"] == pytest.approx(130.0)
    assert result.sasaran.set_index("sasaran").loc["S1", "capaian"] == pytest.approx(105.0)  # (90 + 120) / 2
    assert opd_capaian(result)["A"] == pytest.approx(102.5)  # (105 + 100) / 2
    assert result.pemda["capaian"].iloc[0] == pytest.approx(51.25)
    assert (result.opd["batas_atas"] == 120).all() and (result.pemda["batas_atas"] == 120).all()
    flat = score_table(tidy(ROWS), Rules(batas_atas=120, agregasi_pemda="rata_rata"))
    assert flat.pemda["capaian"].iloc[0] == pytest.approx((90 + 120 + 100 + 0) / 4)


def test_aggregates_per_pemda_when_given():
    rows = [dict(r, kode_pemda="17") for r in ROWS] + [
        dict(kode_pemda="18", kode_opd="A", nama_opd="Dinas A", sasaran="S1", indikator="i1", target=100, realisasi=80)
    ]
    result = score_table(tidy(rows), Rules())
    assert result.pemda.set_index("kode_pemda")["capaian"].to_dict() == pytest.approx({"17": 52.5, "18": 80.0})
    assert list(result.opd.columns[:2]) == ["kode_pemda", "tahun"]
