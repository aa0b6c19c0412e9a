"""Year-over-year change: poin and percent, matching, and what cannot be compared."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from kinerja import Rules
from kinerja.core.change import change_pemda
from kinerja.core.engine import score_table
from tests.conftest import tidy


def test_bengkulu_figure():
    pemda = pd.DataFrame({"tahun": [2023, 2024], "capaian": [100.50, 100.86]})
    change = change_pemda(pemda)
    assert len(change) == 1
    row = change.iloc[0]
    assert row["tahun"] == 2024
    assert row["selisih_poin"] == pytest.approx(0.36)  # +0,36 poin
    assert round(row["perubahan_persen"], 3) == 0.358  # +0,358 % relative
    assert row["catatan"] == ""


def test_bengkulu_through_the_engine():
    # one indicator per year whose capaian are the published figures
    rows = [dict(tahun=2023, target=100, realisasi=100.50), dict(tahun=2024, target=100, realisasi=100.86)]
    result = score_table(tidy([dict(r, indikator="Capaian") for r in rows]), Rules())
    assert [round(v, 2) for v in result.pemda["capaian"]] == [100.50, 100.86]
    change = result.perubahan_pemda.iloc[0]
    assert change["selisih_poin"] == pytest.approx(0.36)
    assert change["perubahan_persen"] == pytest.approx((100.86 / 100.50 - 1) * 100)


def test_indicator_matching_and_not_comparable():
    rows = [
        dict(tahun=2023, kode_indikator="K1", indikator="Angka kematian ibu", polaritas="negatif", target=120, realisasi=120),
        dict(tahun=2024, kode_indikator="K1", indikator="Angka Kematian Ibu (AKI)", polaritas="negatif", target=120, realisasi=108),
        dict(tahun=2023, indikator="Prevalensi stunting", target=20, realisasi=20),
        dict(tahun=2024, indikator="prevalensi  Stunting", target=20, realisasi=22),
        dict(tahun=2023, indikator="Indikator lama", target=10, realisasi=10),
        dict(tahun=2024, indikator="Indikator baru", target=10, realisasi=10),
        dict(tahun=2023, indikator="Belum lapor", target=10, realisasi=10),
        dict(tahun=2024, indikator="Belum lapor", target=10),
    ]
    result = score_table(tidy(rows), Rules())
    change = result.perubahan_indikator.set_index("indikator")
    assert set(change["tahun"]) == {2024}
    aki = change.loc["Angka Kematian Ibu (AKI)"]  # matched by kode_indikator despite the new name
    assert aki["capaian"] == pytest.approx(110.0) and aki["capaian_sebelumnya"] == pytest.approx(100.0)
    assert aki["selisih_poin"] == pytest.approx(10.0) and aki["perubahan_persen"] == pytest.approx(10.0)
    stunting = change.loc["prevalensi  Stunting"]  # matched by OPD and normalised name
    assert stunting["selisih_poin"] == pytest.approx(10.0)
    assert change.loc["Indikator baru", "catatan"] == "tidak dapat dibandingkan: tidak ada padanannya pada tahun 2023"
    assert math.isnan(change.loc["Indikator baru", "selisih_poin"])
    assert change.loc["Indikator lama", "catatan"] == "tidak dapat dibandingkan: tidak ada lagi pada tahun 2024"
    assert change.loc["Indikator lama", "capaian_sebelumnya"] == pytest.approx(100.0)
    assert change.loc["Belum lapor", "catatan"] == "tidak dapat dibandingkan: capaian 2024 tidak dapat dihitung"
    assert math.isnan(change.loc["Belum lapor", "perubahan_persen"])
    assert len(change) == 5  # K1, stunting, baru, lama, belum lapor


def test_opd_change_and_new_opd():
    rows = [
        dict(tahun=2023, kode_opd="01", target=100, realisasi=90),
        dict(tahun=2024, kode_opd="01", target=100, realisasi=99),
        dict(tahun=2024, kode_opd="02", nama_opd="Badan Pendapatan Daerah", target=100, realisasi=101),
    ]
    change = score_table(tidy(rows), Rules()).perubahan_opd.set_index("kode_opd")
    assert change.loc["01", "selisih_poin"] == pytest.approx(9.0)
    assert change.loc["01", "perubahan_persen"] == pytest.approx(10.0)
    assert change.loc["02", "catatan"].startswith("tidak dapat dibandingkan")
    assert change.loc["02", "nama_opd"] == "Badan Pendapatan Daerah"


def test_only_consecutive_years_are_compared():
    pemda = pd.DataFrame({"tahun": [2022, 2024], "capaian": [90.0, 95.0]})
    change = change_pemda(pemda)
    assert change.empty
    assert list(change.columns) == ["tahun", "capaian", "capaian_sebelumnya", "selisih_poin", "perubahan_persen", "catatan"]


def test_relative_change_from_zero_is_undefined():
    change = change_pemda(pd.DataFrame({"tahun": [2023, 2024], "capaian": [0.0, 50.0]})).iloc[0]
    assert change["selisih_poin"] == pytest.approx(50.0)
    assert math.isnan(change["perubahan_persen"])
    assert "tidak terdefinisi" in change["catatan"]


def test_row_ids_missing_as_value_and_match_years():
    from kinerja.core.arrays import row_ids
    from kinerja.core.change import match_years

    frame = pd.DataFrame({"a": ["x", "y", None, "x", "y", None], "b": [1, 2, 3, 1, None, 3]})
    assert row_ids(frame, ["a", "b"]).tolist() == [0, 1, -1, 0, -1, -1]
    assert row_ids(frame, ["a", "b"], missing_as_value=True).tolist() == [0, 1, 2, 0, 3, 2]
    years = pd.DataFrame({"tahun": [2023, 2023, 2024, 2024, 2024], "kode": ["K1", "K2", "K2", "K3", "K1"]})
    matched = match_years(years, [["kode"]])
    # pairs in year-t order (K2, K1), then the row only in 2024 (K3)
    assert matched.tahun.tolist() == [2024, 2024, 2024]
    assert matched.now.tolist() == [2, 4, 3]
    assert matched.before.tolist() == [1, 0, -1]
    assert match_years(years[years["tahun"] == 2024], [["kode"]]) is None
