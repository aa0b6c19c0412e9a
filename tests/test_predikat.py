"""Predikat scales: boundaries of the default scale, the alternatives, custom scales."""

from __future__ import annotations

import pandas as pd
import pytest

from kinerja.core.predikat import Scale, builtin_scale, builtin_scale_names


@pytest.mark.parametrize(
    "capaian,predikat",
    [
        (100.86, "Sangat Tinggi"),
        (250.0, "Sangat Tinggi"),  # above 100: top class
        (91.0, "Sangat Tinggi"),  # exactly 91
        (90.99, "Tinggi"),
        (76.0, "Tinggi"),  # exactly 76
        (75.999, "Sedang"),
        (66.0, "Sedang"),
        (65.9999, "Rendah"),
        (51.0, "Rendah"),
        (50.99, "Sangat Rendah"),
        (0.0, "Sangat Rendah"),
        (-5.0, "Sangat Rendah"),
    ],
)
def test_default_scale_half_open(capaian, predikat):
    assert builtin_scale().assign(pd.Series([capaian])).iloc[0] == predikat


def test_missing_capaian_has_no_predikat():
    assert builtin_scale().assign(pd.Series([float("nan")])).iloc[0] == ""


@pytest.mark.parametrize(
    "capaian,predikat",
    [(85.0, "Sangat Baik"), (85.01, "Memuaskan"), (75.0, "Baik"), (50.0, "Agak Kurang"), (30.0, "Kurang"), (30.5, "Agak Kurang")],
)
def test_six_level_scale_strict_bounds(capaian, predikat):
    assert builtin_scale("enam-tingkat").assign(pd.Series([capaian])).iloc[0] == predikat


def test_builtin_scales_are_listed_and_described():
    assert builtin_scale_names() == ["enam-tingkat", "lima-tingkat", "sakip"]
    scale = builtin_scale()
    assert scale.names == ["Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"]
    assert [level.describe() for level in scale.levels] == ["≥ 91", "≥ 76", "≥ 66", "≥ 51", "selebihnya"]
    assert "Permendagri 86/2017" in scale.sumber
    assert builtin_scale("sakip").assign(pd.Series([90.5, 90.0])).tolist() == ["AA", "A"]


def test_unknown_builtin_scale():
    with pytest.raises(ValueError, match="tidak dikenal. Pilihan: enam-tingkat, lima-tingkat, sakip"):
        builtin_scale("tujuh")


@pytest.mark.parametrize(
    "records,message",
    [
        ([], "tidak mempunyai tingkat"),
        ([{"predikat": "A", "batas_bawah": 50}], "tingkat terakhir harus tanpa batas bawah"),
        ([{"predikat": "A", "batas_bawah": 50}, {"predikat": "B", "batas_bawah": 60}, {"predikat": "C"}], "menurun"),
        ([{"predikat": "A", "batas_bawah": 50}, {"predikat": "A"}], "tidak boleh ganda"),
    ],
)
def test_custom_scale_checked(records, message):
    with pytest.raises(ValueError, match=message):
        Scale.from_records("khusus", "Skala khusus", records)


def test_custom_scale_assigns():
    scale = Scale.from_records(
        "dua", "Dua tingkat", [{"predikat": "Tercapai", "batas_bawah": 100, "termasuk_batas": "ya"}, {"predikat": "Belum"}]
    )
    assert scale.assign(pd.Series([100.0, 99.99])).tolist() == ["Tercapai", "Belum"]
