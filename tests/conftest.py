"""Shared helpers: build tidy tables from a few literal rows."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, settings

from kinerja.inputs import schema

# Hypothesis profiles: ``ci`` (default: hypothesis' usual 100 examples, no deadline: a loaded CI
# machine must not fail a test for being slow) and ``teliti`` (thorough, by hand:
# ``pytest tests/test_fuzz.py --hypothesis-profile=teliti``; see docs/testing.md). Tests that
# set ``max_examples`` themselves keep it; the fuzz suite takes a share of the profile's count.
settings.register_profile("ci", max_examples=100, deadline=None)
settings.register_profile(
    "teliti", max_examples=4000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


def pytest_configure(config):
    """The ``ci`` profile unless ``--hypothesis-profile`` names another."""
    if not config.getoption("hypothesis_profile", None):
        settings.load_profile("ci")

ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]


def tidy(rows: list[dict]) -> pd.DataFrame:
    """A tidy table from dicts; missing columns get sensible test defaults."""
    defaults = {
        "tahun": 2024,
        "kode_opd": "01",
        "nama_opd": "Dinas Contoh",
        "sasaran": "Sasaran A",
        "satuan": "%",
        "polaritas": "positif",
        "target": np.nan,
        "realisasi": np.nan,
    }
    records = []
    for i, row in enumerate(rows):
        record = {**defaults, "indikator": f"Indikator {i + 1}", **row}
        records.append(record)
    frame = pd.DataFrame.from_records(records)
    for column in schema.NUMBER_COLUMNS:
        if column in frame:
            frame[column] = frame[column].astype(float)
    for column in schema.TEXT_COLUMNS:
        if column in frame:
            frame[column] = frame[column].astype("str")
    frame["tahun"] = frame["tahun"].astype("Int64")
    return frame


@pytest.fixture
def root():
    return ROOT


def write_text_file(folder, text: str, name: str = "kinerja.csv"):
    """``text`` written as ``folder/name`` (UTF-8); returns the path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def run_cli(capsys, *args) -> tuple[int, str]:
    """Run ``kinerja`` in this process: (exit code, everything it printed); it never prints a traceback."""
    from kinerja.cli import main

    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out + err
