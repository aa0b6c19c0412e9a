"""Shared helpers: build tidy tables from a few literal rows."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kinerja import schema

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
