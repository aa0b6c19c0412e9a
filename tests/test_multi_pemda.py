"""One dataset, several pemda: every aggregate and comparison per pemda, OPD codes never mixed.

Two pemda use the same OPD and indicator codes (as the national nomenclature makes them do), with
different numbers; the expected values are worked by hand.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

import kinerja
from kinerja import Rules
from kinerja.core.engine import score_table
from tests.conftest import ROOT, tidy

PROV = dict(kode_pemda="17", nama_pemda="Provinsi Bengkulu")
KAB = dict(kode_pemda="17.01", nama_pemda="Kabupaten Bengkulu Selatan")
DINKES = dict(kode_opd="1.02.01", nama_opd="Dinas Kesehatan")

ROWS = [
    # Provinsi: Dinkes S1 = {90, 110} → 100 in 2023; {100, 120} → 110 in 2024
    dict(**PROV, **DINKES, tahun=2023, sasaran="S1", kode_indikator="K1", indikator="AKI", target=100, realisasi=90),
    dict(**PROV, **DINKES, tahun=2023, sasaran="S1", kode_indikator="K2", indikator="Stunting", target=100,
         realisasi=110),
    dict(**PROV, **DINKES, tahun=2024, sasaran="S1", kode_indikator="K1", indikator="AKI", target=100, realisasi=100),
    dict(**PROV, **DINKES, tahun=2024, sasaran="S1", kode_indikator="K2", indikator="Stunting", target=100,
         realisasi=120),
    # Kabupaten: the same codes; Dinkes 50 in 2023 and 60 in 2024 (one indicator)
    dict(**KAB, **DINKES, tahun=2023, sasaran="S1", kode_indikator="K1", indikator="AKI", target=100, realisasi=50),
    dict(**KAB, **DINKES, tahun=2024, sasaran="S1", kode_indikator="K1", indikator="AKI", target=100, realisasi=60),
    # Kabupaten only: an OPD with code 5.01.01 in 2024 only (the province has one in 2023 only)
    dict(**KAB, kode_opd="5.01.01", nama_opd="Bappeda Kab", tahun=2024, sasaran="S2", indikator="Dokumen", target=10,
         realisasi=10),
    dict(**PROV, kode_opd="5.01.01", nama_opd="Bappeda Prov", tahun=2023, sasaran="S2", indikator="Dokumen", target=10,
         realisasi=5),
]


@pytest.fixture(scope="module")
def result():
    return score_table(tidy(ROWS), Rules())


def by(table: pd.DataFrame, *keys: str) -> dict:
    return {tuple(row[k] for k in keys): row for row in table.to_dict("records")}


def test_opd_are_per_pemda_and_carry_the_pemda_name(result):
    opd = by(result.opd, "kode_pemda", "tahun", "kode_opd")
    assert len(opd) == 6
    assert opd[("17", 2023, "1.02.01")]["capaian"] == pytest.approx(100.0)
    assert opd[("17", 2024, "1.02.01")]["capaian"] == pytest.approx(110.0)
    assert opd[("17.01", 2023, "1.02.01")]["capaian"] == pytest.approx(50.0)  # same code, other pemda
    assert opd[("17.01", 2024, "1.02.01")]["capaian"] == pytest.approx(60.0)
    assert opd[("17.01", 2024, "1.02.01")]["nama_pemda"] == "Kabupaten Bengkulu Selatan"
    assert opd[("17", 2023, "5.01.01")]["nama_opd"] == "Bappeda Prov"
    assert list(result.opd.columns[:5]) == ["kode_pemda", "nama_pemda", "tahun", "kode_opd", "nama_opd"]


def test_pemda_capaian_per_pemda_and_year(result):
    pemda = by(result.pemda, "kode_pemda", "tahun")
    assert pemda[("17", 2023)]["capaian"] == pytest.approx((100 + 50) / 2)  # Dinkes 100, Bappeda 50
    assert pemda[("17", 2024)]["capaian"] == pytest.approx(110.0)
    assert pemda[("17.01", 2023)]["capaian"] == pytest.approx(50.0)
    assert pemda[("17.01", 2024)]["capaian"] == pytest.approx((60 + 100) / 2)
    assert pemda[("17.01", 2024)]["jumlah_opd"] == 2 and pemda[("17", 2023)]["jumlah_indikator"] == 3
    assert pemda[("17", 2024)]["nama_pemda"] == "Provinsi Bengkulu"
    sasaran = by(result.sasaran, "kode_pemda", "tahun", "kode_opd", "sasaran")
    assert sasaran[("17", 2023, "1.02.01", "S1")]["jumlah_indikator"] == 2
    assert sasaran[("17.01", 2023, "1.02.01", "S1")]["jumlah_indikator"] == 1


def test_changes_match_within_a_pemda_only(result):
    opd = by(result.perubahan_opd, "kode_pemda", "kode_opd")
    assert opd[("17", "1.02.01")]["selisih_poin"] == pytest.approx(10.0)
    assert opd[("17.01", "1.02.01")]["selisih_poin"] == pytest.approx(10.0)
    assert opd[("17.01", "1.02.01")]["perubahan_persen"] == pytest.approx(20.0)
    # 5.01.01 exists in the province in 2023 and in the regency in 2024: two different OPDs
    assert opd[("17", "5.01.01")]["catatan"] == "tidak dapat dibandingkan: tidak ada lagi pada tahun 2024"
    assert opd[("17.01", "5.01.01")]["catatan"] == "tidak dapat dibandingkan: tidak ada padanannya pada tahun 2023"
    assert math.isnan(opd[("17.01", "5.01.01")]["selisih_poin"])
    assert opd[("17.01", "5.01.01")]["nama_pemda"] == "Kabupaten Bengkulu Selatan"

    indikator = by(result.perubahan_indikator, "kode_pemda", "kode_opd", "indikator")
    assert indikator[("17", "1.02.01", "AKI")]["selisih_poin"] == pytest.approx(10.0)  # 90 → 100
    assert indikator[("17.01", "1.02.01", "AKI")]["selisih_poin"] == pytest.approx(10.0)  # 50 → 60
    assert indikator[("17.01", "1.02.01", "AKI")]["capaian_sebelumnya"] == pytest.approx(50.0)
    # "Dokumen" has no code and the same OPD code and name in both pemda: still not matched
    assert indikator[("17.01", "5.01.01", "Dokumen")]["catatan"].startswith("tidak dapat dibandingkan")
    assert indikator[("17", "5.01.01", "Dokumen")]["catatan"].startswith("tidak dapat dibandingkan")

    pemda = by(result.perubahan_pemda, "kode_pemda")
    assert pemda[("17",)]["selisih_poin"] == pytest.approx(110.0 - 75.0)
    assert pemda[("17.01",)]["selisih_poin"] == pytest.approx(80.0 - 50.0)
    assert pemda[("17.01",)]["nama_pemda"] == "Kabupaten Bengkulu Selatan"
    assert len(result.perubahan_pemda) == 2


def test_result_does_not_depend_on_row_order(result):
    shuffled = score_table(tidy(ROWS).sample(frac=1.0, random_state=7), Rules())
    for name, table in result.tables().items():
        pd.testing.assert_frame_equal(shuffled.tables()[name], table, obj=name)
    assert result.pemda["tahun"].tolist() == [2023, 2023, 2024, 2024]  # year, then pemda


def test_single_pemda_needs_neither_column():
    rows = [
        {k: v for k, v in row.items() if k not in ("kode_pemda", "nama_pemda")}
        for row in ROWS if row["kode_pemda"] == "17"
    ]
    result = score_table(tidy(rows), Rules())
    for table in result.tables().values():
        assert "kode_pemda" not in table and "nama_pemda" not in table
    assert result.pemda.set_index("tahun")["capaian"].to_dict() == pytest.approx({2023: 75.0, 2024: 110.0})


def test_from_a_csv_file_through_the_api(tmp_path):
    header = (
        "kode_pemda,nama_pemda,tahun,kode_opd,nama_opd,sasaran,kode_indikator,indikator,satuan,polaritas,"
        "target,realisasi\n"
    )
    lines = [
        f"{r['kode_pemda']},{r['nama_pemda']},{r['tahun']},{r['kode_opd']},{r['nama_opd']},{r['sasaran']},"
        f"{r.get('kode_indikator', '')},{r['indikator']},%,positif,{r['target']},{r['realisasi']}\n"
        for r in ROWS
    ]
    path = tmp_path / "nasional.csv"
    path.write_text(header + "".join(lines), encoding="utf-8")
    result = kinerja.score(str(path))
    pemda = by(result.pemda, "kode_pemda", "tahun")
    assert pemda[("17.01", 2024)]["capaian"] == pytest.approx(80.0)
    assert pemda[("17", 2023)]["capaian"] == pytest.approx(75.0)


def test_engine_equals_the_row_by_row_reference_on_generated_data():
    """The benchmark's independent plain-Python implementation of docs/metodologi.md agrees with the engine
    on synthetic data with every rule in play (4 pemda, 5 years, ~8 000 rows), to 1e-9."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_scoring
    import generate_national
    import reference

    table = generate_national.generate(seed=3, pemda=4).drop(columns=["_berkas", "_lembar", "_baris"])
    assert table["kode_pemda"].nunique() == 4 and table["tahun"].nunique() == 5
    records = table.to_dict("records")
    for rules in ({}, {"agregasi_opd": "rata_rata", "agregasi_pemda": "rata_rata", "batas_atas": 120.0},
                  {"agregasi_opd": "bobot", "rumus_negatif": "rasio", "lantai": None}):
        expected = reference.score(records, reference.RefRules(**rules))
        got = bench_scoring.engine_as_reference(score_table(table, Rules(**rules)))
        for name in expected:
            assert bench_scoring.compare_keyed(expected[name], got[name]) == [], (rules, name)
        assert len(expected["perubahan_indikator"]) > 0.7 * len(table)  # the comparison had work to do
