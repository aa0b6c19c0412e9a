"""Indonesian formats at the edge."""

import datetime

import pytest

from kinerja.support import display


@pytest.mark.parametrize(
    "function,args,expected",
    [
        (display.persen, (100.86,), "100,86 %"),
        (display.persen, (100.855,), "100,86 %"),  # half up on the shortest decimal form
        (display.persen, (float("nan"),), "–"),
        (display.angka, (1234.5, 1), "1.234,5"),
        (display.angka, (1234567.891, 2), "1.234.567,89"),
        (display.angka, (0.125, 2), "0,13"),
        (display.angka, (-0.001, 2), "0,00"),
        (display.angka, (120.0, 2, True), "120"),
        (display.poin, (0.36,), "+0,36 poin"),
        (display.poin, (-4.0347,), "-4,03 poin"),
        (display.poin, (0.0,), "0,00 poin"),
        (display.perubahan, ((100.86 / 100.50 - 1) * 100, 3), "+0,358 %"),
        (display.poin, (None,), "–"),
    ],
)
def test_formats(function, args, expected):
    assert function(*args) == expected


def test_date():
    assert display.tanggal(datetime.date(2025, 2, 11)) == "11 Februari 2025"
