"""Properties that must hold for any data (hypothesis)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja import Rules
from kinerja.core.engine import score_table
from kinerja.core.scoring import score_indicators
from tests.conftest import tidy

positive = st.floats(min_value=0.01, max_value=1e6, allow_nan=False, allow_infinity=False)
realisasi = st.floats(min_value=0.0, max_value=1e6, allow_nan=False, allow_infinity=False)


def capaian_of(polaritas: str, target: float, values: list[float], **extra) -> np.ndarray:
    rows = [dict(polaritas=polaritas, target=target, realisasi=value, **extra) for value in values]
    return score_indicators(tidy(rows), Rules()).to_numpy()[:, 0].astype(float)


@given(target=positive, a=realisasi, b=realisasi)
def test_positif_monotone_in_realisasi(target, a, b):
    low, high = sorted([a, b])
    c_low, c_high = capaian_of("positif", target, [low, high])
    assert c_low <= c_high


@given(target=positive, a=realisasi, b=realisasi, rasio=st.booleans())
def test_negatif_antitone_in_realisasi(target, a, b, rasio):
    low, high = sorted([max(a, 1e-6), max(b, 1e-6)])
    c_low, c_high = capaian_of("negatif", target, [low, high], rumus="rasio" if rasio else "")
    assert c_low >= c_high


@given(target=positive, r=realisasi)
def test_floor_holds(target, r):
    for polaritas in ("positif", "negatif", "stabil"):
        value = capaian_of(polaritas, target, [r])[0]
        assert math.isnan(value) or value >= 0


row = st.fixed_dictionaries(
    {
        "kode_opd": st.sampled_from(["01", "02", "03"]),
        "sasaran": st.sampled_from(["S1", "S2"]),
        "polaritas": st.sampled_from(["positif", "negatif", "stabil"]),
        "target": positive,
        "realisasi": st.one_of(st.none(), realisasi),
        "tahun": st.sampled_from([2023, 2024]),
    }
)


def _unique(rows):
    for i, r in enumerate(rows):
        r["indikator"] = f"Indikator {i}"
        r["nama_opd"] = f"OPD {r['kode_opd']}"
        r["realisasi"] = float("nan") if r["realisasi"] is None else r["realisasi"]
    return rows


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(row, min_size=1, max_size=12), extra=row, method=st.sampled_from(["bertingkat", "rata_rata"]))
def test_not_computable_indicator_changes_no_average(rows, extra, method):
    rules = Rules(agregasi_opd=method)
    rows = _unique(rows)
    before = score_table(tidy(rows), rules)
    # the same sasaran, OPD and year as an existing row, but no realisasi: not computable
    anchor = rows[0]
    added = dict(extra, kode_opd=anchor["kode_opd"], sasaran=anchor["sasaran"], tahun=anchor["tahun"], realisasi=float("nan"))
    after = score_table(tidy(_unique(rows + [added])), rules)
    for name in ("sasaran", "opd", "pemda"):
        pd.testing.assert_series_equal(before.tables()[name]["capaian"], after.tables()[name]["capaian"], check_exact=True)


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(row, min_size=1, max_size=12), seed=st.integers(0, 2**32 - 1))
def test_permuting_rows_changes_no_output(rows, seed):
    table = tidy(_unique(rows))
    shuffled = table.sample(frac=1.0, random_state=np.random.RandomState(seed)).reset_index(drop=True)
    a, b = score_table(table, Rules()), score_table(shuffled, Rules())
    for name, frame in a.tables().items():
        pd.testing.assert_frame_equal(frame.reset_index(drop=True), b.tables()[name].reset_index(drop=True), check_exact=True)
