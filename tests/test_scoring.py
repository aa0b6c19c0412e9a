"""Capaian of one indicator: hand-worked examples for every rule of docs/metodologi.md."""

from __future__ import annotations

import math

import pytest

from kinerja import Rules
from kinerja.core.engine import score_table
from kinerja.core.scoring import score_indicators
from tests.conftest import tidy

NAN = float("nan")

# (case, row, expected capaian, expected catatan fragment); worked by hand, see the comments
CASES = [
    ("positif R/T", dict(polaritas="positif", target=80, realisasi=72), 90.0, ""),  # 72/80 = 0,9
    ("positif above target", dict(polaritas="positif", target=50, realisasi=60), 120.0, ""),  # uncapped
    ("negatif (2 - R/T)", dict(polaritas="negatif", target=20, realisasi=15), 125.0, ""),  # 2 - 0,75
    ("negatif worse", dict(polaritas="negatif", target=20, realisasi=25), 75.0, ""),  # 2 - 1,25
    ("negatif rasio T/R", dict(polaritas="negatif", target=20, realisasi=16, rumus="rasio"), 125.0, ""),  # 20/16
    ("stabil above", dict(polaritas="stabil", target=75, realisasi=82), 100 - 7 / 75 * 100, ""),  # 90,67
    ("stabil below", dict(polaritas="stabil", target=75, realisasi=60), 80.0, ""),  # 100 - 15/75*100
    ("stabil exact", dict(polaritas="stabil", target=75, realisasi=75), 100.0, ""),
    # docs/metodologi.md range examples
    ("range negatif below", dict(polaritas="negatif", target_bawah=7, target_atas=8, realisasi=6.5), (2 - 6.5 / 7) * 100, ""),
    ("range negatif above", dict(polaritas="negatif", target_bawah=7, target_atas=8, realisasi=9), 87.5, ""),
    ("range positif below", dict(polaritas="positif", target_bawah=80, target_atas=90, realisasi=70), 87.5, ""),
    ("range positif above", dict(polaritas="positif", target_bawah=80, target_atas=90, realisasi=92), 92 / 90 * 100, ""),
    ("range inside", dict(polaritas="negatif", target_bawah=7, target_atas=8, realisasi=7.5), 100.0, "dalam rentang"),
    ("range on bound", dict(polaritas="positif", target_bawah=80, target_atas=90, realisasi=90), 100.0, "dalam rentang"),
    ("range stabil below", dict(polaritas="stabil", target_bawah=10, target_atas=12, realisasi=9), 90.0, ""),
    # the floor at 0: negatif with R > 2T
    ("floor", dict(polaritas="negatif", target=10, realisasi=25), 0.0, "dinaikkan menjadi 0"),  # 2 - 2,5 = -50
    ("exactly 2T", dict(polaritas="negatif", target=10, realisasi=20), 0.0, ""),
    ("stabil floor", dict(polaritas="stabil", target=10, realisasi=25), 0.0, "dinaikkan"),  # 100 - 150
    # target 0
    ("T=0 R=0 positif", dict(polaritas="positif", target=0, realisasi=0), 100.0, "target 0 dan realisasi 0"),
    ("T=0 R=0 negatif", dict(polaritas="negatif", target=0, realisasi=0), 100.0, "target 0 dan realisasi 0"),
    ("T=0 negatif R>0", dict(polaritas="negatif", target=0, realisasi=3), 0.0, "target 0"),
    ("T=0 positif R>0", dict(polaritas="positif", target=0, realisasi=3), NAN, "tidak dapat dihitung: target 0"),
    ("T=0 rasio R>0", dict(polaritas="negatif", target=0, realisasi=3, rumus="rasio"), 0.0, ""),
    ("rasio R=0", dict(polaritas="negatif", target=5, realisasi=0, rumus="rasio"), NAN, "realisasi 0 pada rumus rasio"),
    # missing realisasi
    ("R missing", dict(polaritas="positif", target=80), NAN, "realisasi belum dilaporkan"),
    ("R missing range", dict(polaritas="negatif", target_bawah=7, target_atas=8), NAN, "realisasi belum dilaporkan"),
    ("negative target", dict(polaritas="positif", target=-2, realisasi=1), NAN, "target bernilai negatif"),
]


@pytest.mark.parametrize("case,row,expected,note", CASES, ids=[c[0] for c in CASES])
def test_capaian_hand_worked(case, row, expected, note):
    scored = score_indicators(tidy([row]), Rules())
    value = scored["capaian"].iloc[0]
    if math.isnan(expected):
        assert math.isnan(value)
    else:
        assert value == pytest.approx(expected, rel=1e-12)
    assert note in scored["catatan"].iloc[0]
    if not note:
        assert scored["catatan"].iloc[0] == ""


def test_range_examples_rounded_as_published():
    scored = score_indicators(
        tidy(
            [
                dict(polaritas="negatif", target_bawah=7, target_atas=8, realisasi=6.5),
                dict(polaritas="negatif", target_bawah=7, target_atas=8, realisasi=9),
                dict(polaritas="positif", target_bawah=80, target_atas=90, realisasi=70),
                dict(polaritas="positif", target_bawah=80, target_atas=90, realisasi=92),
            ]
        ),
        Rules(),
    )
    assert [round(v, 2) for v in scored["capaian"]] == [107.14, 87.5, 87.5, 102.22]


def test_rasio_as_default_for_negatif():
    rows = [dict(polaritas="negatif", target=20, realisasi=16), dict(polaritas="negatif", target=20, realisasi=16, rumus="selisih")]
    scored = score_indicators(tidy(rows), Rules(rumus_negatif="rasio"))
    assert list(scored["capaian"]) == pytest.approx([125.0, 120.0])  # 20/16; explicit selisih: 2 - 0,8


def test_floor_can_be_disabled():
    scored = score_indicators(tidy([dict(polaritas="negatif", target=10, realisasi=25)]), Rules(lantai=None))
    assert scored["capaian"].iloc[0] == pytest.approx(-50.0)


def test_indicator_capaian_stays_uncapped_with_a_cap():
    result = score_table(tidy([dict(target=50, realisasi=75)]), Rules(batas_atas=120))
    assert result.indikator["capaian"].iloc[0] == pytest.approx(150.0)
    assert "dihitung 120 dalam rata-rata" in result.indikator["catatan"].iloc[0]
    assert result.sasaran["capaian"].iloc[0] == pytest.approx(120.0)
    assert result.opd["capaian"].iloc[0] == pytest.approx(120.0)
    assert result.pemda["capaian"].iloc[0] == pytest.approx(120.0)


def test_no_rounding_inside():
    scored = score_indicators(tidy([dict(target=3, realisasi=1)]), Rules())
    assert scored["capaian"].iloc[0] == pytest.approx(100 / 3, rel=1e-15)  # 33,333…
    assert scored["capaian"].iloc[0] != round(100 / 3, 2)
