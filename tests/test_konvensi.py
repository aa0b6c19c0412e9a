"""Conventions that differ between pemda (docs/metodologi.md, section 1a): indicator-level cap,
targets written with a comparison, ratios written 1:x, rounding before averaging. Expected values
are published figures or worked by hand in the comments."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import kinerja
from kinerja import Rules
from kinerja.core.engine import score_table
from kinerja.core.rules import RulesError, settings_in_force
from kinerja.core.scoring import round_half_away, score_indicators
from kinerja.inputs.findings import findings_frame
from kinerja.inputs.numbers import BATAS_MAKS, BATAS_MIN, split_comparisons, split_ratios
from kinerja.inputs.params import ParamsError, parse_params
from tests.conftest import tidy


# --- indicator-level cap -------------------------------------------------------------------------


def test_dumai_prints_100_where_r_over_t_is_100_43():
    """Kota Dumai's LKjIP 2016: R/T × 100 = 100,43 printed as 100; (2 − R/T) × 100 = 194 as 100."""
    table = tidy([
        dict(indikator="a", polaritas="positif", target=100, realisasi=100.43),  # 100,43
        dict(indikator="b", polaritas="negatif", target=100, realisasi=6),  # (2 − 0,06) × 100 = 194
        dict(indikator="c", polaritas="positif", target=100, realisasi=90),  # 90, under the cap
    ])
    scored = score_indicators(table, Rules(batas_atas_indikator=100))
    assert scored["capaian"].tolist() == [100.0, 100.0, 90.0]
    assert scored["capaian_tanpa_batas"].tolist() == pytest.approx([100.43, 194.0, 90.0], rel=1e-12)
    assert "dibatasi 100" in scored["catatan"].iloc[0] and "100,43" in scored["catatan"].iloc[0]
    assert "194" in scored["catatan"].iloc[1]
    assert scored["catatan"].iloc[2] == ""


def test_indicator_cap_enters_the_means_and_default_is_uncapped():
    table = tidy([
        dict(indikator="a", polaritas="positif", target=100, realisasi=100.43),
        dict(indikator="b", polaritas="negatif", target=100, realisasi=6),
        dict(indikator="c", polaritas="positif", target=100, realisasi=90),
    ])
    capped = score_table(table, Rules(batas_atas_indikator=100))
    assert capped.sasaran["capaian"].iloc[0] == pytest.approx((100 + 100 + 90) / 3)  # 96,67
    plain = score_table(table)
    assert "capaian_tanpa_batas" not in plain.indikator  # default: nothing changes
    assert plain.sasaran["capaian"].iloc[0] == pytest.approx((100.43 + 194 + 90) / 3)  # 128,14


def test_indicator_cap_setting_checked():
    with pytest.raises(RulesError, match="batas_atas_indikator"):
        Rules(batas_atas_indikator=0)
    with pytest.raises(ParamsError, match="batas_atas_indikator"):
        parse_params({"aturan": {"batas_atas_indikator": -5}})
    assert parse_params({"aturan": {"batas_atas_indikator": 100}}).rules.batas_atas_indikator == 100.0


# --- rounding before averaging ------------------------------------------------------------------


@pytest.mark.parametrize("value,digits,expected", [
    (100.125, 2, 100.13),  # an exact binary half: away from zero (numpy's round gives 100,12)
    (0.285, 2, 0.29),  # the float is 0,28499999…: rounded as written
    (-1.005, 2, -1.01),
    (98.764, 1, 98.8),
    (100.004, 2, 100.0),
])
def test_round_half_away(value, digits, expected):
    assert round_half_away(pd.Series([value]), digits).iloc[0] == expected


def test_rounding_before_averaging_changes_the_mean():
    """100,004 and 100,004 (R = 100,004, T = 100): mean 100,004 unrounded, 100,00 rounded to 2
    decimals first; 100,005 twice: 100,01 rounded first."""
    rows = [dict(indikator=n, polaritas="positif", target=100, realisasi=r) for n, r in (("a", 100.004), ("b", 100.004))]
    assert score_table(tidy(rows)).sasaran["capaian"].iloc[0] == pytest.approx(100.004, rel=1e-12)
    assert score_table(tidy(rows), Rules(pembulatan_sebelum_rata=2)).sasaran["capaian"].iloc[0] == 100.0
    rows = [dict(indikator=n, polaritas="positif", target=100, realisasi=100.005) for n in "ab"]
    result = score_table(tidy(rows), Rules(pembulatan_sebelum_rata=2))
    assert result.sasaran["capaian"].iloc[0] == 100.01
    assert result.indikator["capaian"].iloc[0] == pytest.approx(100.005, rel=1e-12)  # the indicator keeps its value


def test_rounding_setting_checked():
    for wrong in (-1, 7, 2.5, True, "2"):
        with pytest.raises(RulesError, match="pembulatan_sebelum_rata"):
            Rules(pembulatan_sebelum_rata=wrong)


def test_settings_in_force_lists_every_setting_and_what_differs():
    settings = settings_in_force(Rules(batas_atas_indikator=100, pembulatan_sebelum_rata=2))
    assert [s.nama for s in settings] == Rules.names()
    different = {s.nama: (s.nilai, s.bawaan) for s in settings if s.berbeda}
    assert different == {"batas_atas_indikator": (100.0, None), "pembulatan_sebelum_rata": (2, None)}
    assert not any(s.berbeda for s in settings_in_force(Rules()))
    scale = {s.nama: s for s in settings_in_force(Rules())}["skala_predikat"]
    assert scale.nilai == "lima-tingkat"


# --- targets written with a comparison ----------------------------------------------------------


@pytest.mark.parametrize("cell,rest,arah", [
    ("< 0,49", "0,49", BATAS_MAKS),
    ("≤ 0,49", "0,49", BATAS_MAKS),
    ("<=0,49", "0,49", BATAS_MAKS),
    ("kurang dari 0,49", "0,49", BATAS_MAKS),
    ("Maksimal 5", "5", BATAS_MAKS),
    ("> 3", "3", BATAS_MIN),
    ("≥ 80", "80", BATAS_MIN),
    ("lebih dari 80", "80", BATAS_MIN),
    (" minimal 80 ", "80", BATAS_MIN),
    ("80", "80", ""),
    ("-", "-", ""),
])
def test_split_comparisons(cell, rest, arah):
    split = split_comparisons(pd.Series([cell], dtype=object))
    assert split.cells.iloc[0] == rest
    assert split.arah.iloc[0] == arah


def write(tmp_path, text):
    path = tmp_path / "kinerja.csv"
    path.write_text(text, encoding="utf-8")
    return path


HEADER = "tahun,kode_opd,nama_opd,sasaran,indikator,satuan,polaritas,target,realisasi\n"


def test_lampung_target_below_0_49_scored_as_negatif(tmp_path):
    """Lampung LKj 2015: target "< 0,49", realisasi 0,007 → (2 − 0,007 / 0,49) × 100 = 198,571…
    (the report prints 198,58)."""
    path = write(tmp_path, HEADER + '2015,01,Dinas,S,Angka,per 1000,negatif,"< 0,49","0,007"\n')
    result = kinerja.score(path)
    assert result.indikator["target"].iloc[0] == 0.49
    assert result.indikator["capaian"].iloc[0] == pytest.approx(200 - 0.7 / 0.49, rel=1e-12)
    assert round(result.indikator["capaian"].iloc[0], 2) == 198.57


def test_comparison_contradicting_polaritas_is_a_galat(tmp_path):
    path = write(tmp_path, HEADER
                 + '2024,01,Dinas,S,A,%,positif,"maksimal 5",4\n'
                 + '2024,01,Dinas,S,B,%,negatif,"minimal 80",90\n'
                 + '2024,01,Dinas,S,C,%,stabil,"< 3",2\n'
                 + '2024,01,Dinas,S,D,%,positif,"minimal 80",90\n')
    frame = findings_frame(kinerja.check(path).findings)
    errors = frame[frame["tingkat"] == "galat"]
    assert errors[["berkas", "baris", "kolom"]].values.tolist() == [[str(path), 2, "target"], [str(path), 3, "target"],
                                                                    [str(path), 4, "target"]]
    assert "polaritas baris ini positif" in errors["pesan"].iloc[0]
    assert errors["nilai"].iloc[0] == "maksimal 5"
    assert "berarti positif" in errors["pesan"].iloc[1]
    warnings = frame[frame["tingkat"] == "peringatan"]
    assert warnings["pesan"].str.contains("ditulis dengan pembanding").any()


def test_comparison_named_with_sheet_in_a_workbook(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "kinerja"
    sheet.append(["Tahun", "Kode OPD", "Nama OPD", "Sasaran", "Indikator", "Satuan", "Polaritas", "Target", "Realisasi"])
    sheet.append([2024, "01", "Dinas", "S", "A", "%", "positif", "< 0,49", 0.3])
    path = tmp_path / "kinerja-2024.xlsx"
    book.save(path)
    errors = [f for f in kinerja.check(path).findings if f.is_error]
    assert [(f.berkas, f.lembar, f.baris, f.kolom) for f in errors] == [(str(path), "kinerja", 2, "target")]


# --- ratios written 1:x -------------------------------------------------------------------------


def test_split_ratios():
    split = split_ratios(pd.Series(["1:32", "1 : 28,5", "2:64", "32", 1.5], dtype=object))
    assert split.cells.tolist()[:2] == ["32", "28,5"]
    assert split.rasio.tolist() == [True, True, False, False, False]
    assert split.galat.tolist() == [False, False, True, False, False]


def test_ratio_cells_read_as_the_second_term(tmp_path):
    """Rasio guru : murid, target 1:32, realisasi 1:30: positif 30 / 32 × 100 = 93,75."""
    path = write(tmp_path, HEADER + "2024,01,Dinas,S,Rasio guru murid,murid,positif,1:32,1:30\n")
    result = kinerja.score(path)
    assert result.indikator[["target", "realisasi"]].values.tolist() == [[32.0, 30.0]]
    assert result.indikator["capaian"].iloc[0] == 93.75


def test_ratio_not_starting_with_one_is_a_galat(tmp_path):
    path = write(tmp_path, HEADER + "2024,01,Dinas,S,Rasio,murid,positif,2:64,30\n")
    errors = [f for f in kinerja.check(path).findings if f.is_error]
    assert [(f.baris, f.kolom, f.nilai) for f in errors] == [(2, "target", "2:64")]
    assert "1:x" in errors[0].pesan


def test_defaults_unchanged_for_plain_numbers(tmp_path):
    path = write(tmp_path, HEADER + "2024,01,Dinas,S,A,%,positif,80,72\n")
    result = kinerja.score(path)
    assert result.indikator["capaian"].iloc[0] == 90.0
    assert not kinerja.check(path).findings
    assert math.isclose(result.pemda["capaian"].iloc[0], 90.0)
