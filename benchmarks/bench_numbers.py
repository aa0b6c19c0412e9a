"""Timing of kinerja.inputs.numbers on one million hand-typed cells (not a test: run by hand).

    .venv/bin/python benchmarks/bench_numbers.py [rows]

Prints seconds per step for a text column (str dtype, as read from CSV), the same cells in an
object column mixed with floats (as read from a workbook), and detect_convention.
"""

from __future__ import annotations

import sys
import time

import numpy as np
import pandas as pd

from kinerja.inputs.numbers import detect_convention, parse_numbers

FORMS = ["100,86", "1.234,5", "12", "Rp 1.200.000", "-", "95 %", " 3,2 ", "", "n/a", "1.234", "abc"]


def timed(label: str, function):
    start = time.perf_counter()
    result = function()
    print(f"{label:<45} {time.perf_counter() - start:6.2f} s")
    return result


def main(rows: int = 1_000_000) -> None:
    rng = np.random.default_rng(0)
    text = pd.Series(rng.choice(FORMS, rows), dtype="str")
    mixed = text.astype(object)
    mixed[::3] = rng.random(len(mixed[::3])) * 1000
    print(f"{rows} rows, pandas {pd.__version__}")
    evidence = timed("detect_convention (text column)", lambda: detect_convention([text]))
    timed("parse_numbers otomatis (text column)", lambda: parse_numbers(text, "otomatis", evidence))
    timed("parse_numbers id (text column)", lambda: parse_numbers(text, "id"))
    timed("parse_numbers id (object column, 1/3 floats)", lambda: parse_numbers(mixed, "id"))
    numeric = pd.Series(rng.random(rows))
    timed("parse_numbers id (float64 column)", lambda: parse_numbers(numeric, "id"))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
