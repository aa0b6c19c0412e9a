"""Numbers typed by hand (kinerja.inputs.numbers): every form under every convention, worked by hand."""

from __future__ import annotations

import datetime
import math
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.support import display, pesan
from kinerja.inputs.numbers import (
    CAMPUR,
    GALAT,
    ID,
    KOSONG,
    OK,
    OTOMATIS,
    STANDAR,
    ParsedNumbers,
    detect_convention,
    parse_numbers,
)

G = GALAT  # expected: refused
K = KOSONG  # expected: not reported


def parse_one(cell, convention, evidence=None) -> tuple:
    """(status, value, stripped, message) of one cell parsed alone."""
    parsed = parse_numbers(pd.Series([cell], dtype=object), convention, evidence)
    return parsed.status.iloc[0], parsed.values.iloc[0], parsed.stripped.iloc[0], parsed.message.iloc[0]


def check(cell, convention, expected, evidence=None):
    status, value, _, message = parse_one(cell, convention, evidence)
    if expected in (G, K):
        assert status == expected, (cell, convention, status, value)
        assert math.isnan(value)
        assert (message != "") == (expected == G)
    else:
        assert status == OK, (cell, convention, message)
        assert value == expected and message == ""
        assert math.copysign(1, value) == math.copysign(1, expected)  # no "-0"


# cell, under "id", under "standar", under "otomatis" with no other evidence (the cell alone)
TEXT_CASES = [
    ("100,86", 100.86, G, 100.86),
    ("1.234,5", 1234.5, G, 1234.5),
    ("1.200.000.000", 1.2e9, G, 1.2e9),
    ("1.234", 1234.0, 1.234, G),  # ambiguous alone
    ("1,234", 1.234, 1234.0, G),  # ambiguous alone
    ("-1.234", -1234.0, -1.234, G),
    ("3,2", 3.2, G, 3.2),
    (" 3,2 ", 3.2, G, 3.2),
    ("\t3,2\n", 3.2, G, 3.2),
    ("-3,5", -3.5, G, -3.5),
    ("\u22123,5", -3.5, G, -3.5),  # Unicode minus
    ("- 3,5", -3.5, G, -3.5),
    ("+3,5", 3.5, G, 3.5),
    ("3.5", G, 3.5, 3.5),
    ("100.86", G, 100.86, 100.86),
    ("1234.5", G, 1234.5, 1234.5),
    ("1234,5", 1234.5, G, 1234.5),
    ("1,234.5", G, 1234.5, 1234.5),
    ("1,234,567", G, 1234567.0, 1234567.0),
    ("0.123", G, 0.123, 0.123),  # a leading 0 is never a thousands group
    ("0,123", 0.123, G, 0.123),
    ("1234.567", G, 1234.567, 1234.567),  # four digits before the dot: not a thousands group
    (",5", 0.5, G, 0.5),
    (".5", G, 0.5, 0.5),
    ("12", 12.0, 12.0, 12.0),
    ("2024", 2024.0, 2024.0, 2024.0),
    ("007", 7.0, 7.0, 7.0),
    ("0", 0.0, 0.0, 0.0),
    ("-0", 0.0, 0.0, 0.0),
    ("0,0", 0.0, G, 0.0),
    ("0.00", G, 0.0, 0.0),
    # percent and currency
    ("95%", 95.0, 95.0, 95.0),
    ("95 %", 95.0, 95.0, 95.0),
    ("95,5%", 95.5, G, 95.5),
    ("95.5 %", G, 95.5, 95.5),
    ("Rp 1.200.000.000", 1.2e9, G, 1.2e9),
    ("Rp1.200.000", 1.2e6, G, 1.2e6),
    ("Rp. 1.200.000", 1.2e6, G, 1.2e6),
    ("RP 1.200.000", 1.2e6, G, 1.2e6),
    ("IDR 1.200.000", 1.2e6, G, 1.2e6),
    ("Rp 1.200.000,-", 1.2e6, G, 1.2e6),  # rupiah ending ",-": no sen
    ("Rp 1.200,-", 1200.0, G, 1200.0),  # ",-" makes it unambiguous
    ("Rp 500", 500.0, 500.0, 500.0),
    ("Rp 1,200,000", G, 1.2e6, 1.2e6),
    ("-Rp 5", -5.0, -5.0, -5.0),
    ("Rp -5", -5.0, -5.0, -5.0),
    # spaces as thousands separators, also the NBSP and narrow NBSP of formatted cells
    ("1 234,5", 1234.5, G, 1234.5),
    ("1 234.5", G, 1234.5, 1234.5),
    ("1 234", 1234.0, 1234.0, 1234.0),
    ("1\u00a0234,5", 1234.5, G, 1234.5),
    ("12\u202f345\u202f678", 12345678.0, 12345678.0, 12345678.0),
    ("\u200b12\ufeff", 12.0, 12.0, 12.0),  # zero-width characters
    ("\u00a03,2\u00a0", 3.2, G, 3.2),
    # refused under every convention
    ("abc", G, G, G),
    ("1.2.3", G, G, G),
    ("1.23.456", G, G, G),  # a group of two digits
    ("100,86,5", G, G, G),
    ("1.234 567", G, G, G),  # two kinds of thousands separators
    ("1  234", G, G, G),
    ("1 23", G, G, G),
    ("1.", G, G, G),
    ("1,", G, G, G),
    ("12a", G, G, G),
    ("inf", G, G, G),
    ("-inf", G, G, G),
    ("nan", G, G, G),
    ("NaN", G, G, G),
    ("Infinity", G, G, G),
    ("1e5", G, G, G),
    ("1,2E+09", G, G, G),
    ("(1.234,5)", G, G, G),  # accounting negative: refused
    ("(5)", G, G, G),
    ("nihil", G, G, G),  # zero or nothing: refused
    ("NIHIL", G, G, G),
    ("Rp -", G, G, G),
    ("#DIV/0!", G, G, G),
    ("#VALUE!", G, G, G),
    ("#NAME?", G, G, G),
    ("%", G, G, G),
    ("%95", G, G, G),
    ("95%%", G, G, G),
    ("Rp", G, G, G),
    ("Rp 5%", G, G, G),  # rupiah and percent at once
    ("5,-%", G, G, G),
    ("--5", G, G, G),
    ("- -5", G, G, G),
    ("+-5", G, G, G),
    ("Rp abc", G, G, G),
    ("\u20133,5", G, G, G),  # en dash is not a minus
    ("95 persen", G, G, G),
    ("nol", G, G, G),
]

NOT_REPORTED = [
    "",
    " ",
    "\u00a0",
    "-",
    "\u2212",
    "\u2013",
    "\u2014",
    "n/a",
    "N/A",
    "na",
    "NA",
    "#N/A",
    "#n/a",
    "belum ada data",
    "Belum  Ada   Data",
    "tidak ada data",
    "TIDAK ADA DATA",
    "belum tersedia",
    " Belum tersedia ",
]


@pytest.mark.parametrize("cell,as_id,as_standar,as_otomatis", TEXT_CASES)
def test_text_cells_under_each_convention(cell, as_id, as_standar, as_otomatis):
    check(cell, ID, as_id)
    check(cell, STANDAR, as_standar)
    check(cell, OTOMATIS, as_otomatis)


@pytest.mark.parametrize("cell", NOT_REPORTED)
@pytest.mark.parametrize("convention", [ID, STANDAR, OTOMATIS])
def test_not_reported_is_never_an_error(cell, convention):
    check(cell, convention, K)
    check(cell, OTOMATIS, K, evidence=CAMPUR)


@pytest.mark.parametrize(
    "cell,expected",
    [
        (1.5, 1.5),  # stays 1.5 under "id": never re-parsed as text
        (1234, 1234.0),
        (-3.5, -3.5),
        (-0.0, 0.0),
        (np.int64(7), 7.0),
        (np.float64(2.5), 2.5),
        (Decimal("1.25"), 1.25),
        (float("nan"), K),
        (None, K),
        (pd.NA, K),
        (pd.NaT, K),
        (True, G),
        (np.True_, G),
        (False, G),
        (float("inf"), G),
        (float("-inf"), G),
        (datetime.date(2024, 12, 31), G),
        (datetime.datetime(2024, 12, 31, 8, 0), G),
    ],
)
@pytest.mark.parametrize("convention", [ID, STANDAR, OTOMATIS])
def test_cells_that_are_not_text(cell, expected, convention):
    check(cell, convention, expected)


def test_numbers_mixed_with_text_in_one_object_column_as_openpyxl_gives_them():
    cells = pd.Series([1.5, "1,5", 1234, "1.234", None, True, "3.5", 2.25], dtype=object)
    parsed = parse_numbers(cells, ID)
    assert parsed.status.tolist() == [OK, OK, OK, OK, KOSONG, GALAT, GALAT, OK]
    np.testing.assert_array_equal(parsed.values.to_numpy(), [1.5, 1.5, 1234, 1234, np.nan, np.nan, np.nan, 2.25])
    assert parsed.convention == ID


@pytest.mark.parametrize(
    "cells,statuses",
    [
        (pd.Series([1.5, np.nan, np.inf, -2.0]), [OK, KOSONG, GALAT, OK]),
        (pd.Series([1, None, 3], dtype="Int64"), [OK, KOSONG, OK]),
        (pd.Series([1.5, None], dtype="Float64"), [OK, KOSONG]),
        (pd.Series([True, False]), [GALAT, GALAT]),
        (pd.Series([True, None], dtype="boolean"), [GALAT, KOSONG]),
        (pd.Series(["1,5", None, ""], dtype="str"), [OK, KOSONG, KOSONG]),
        (pd.Series(["1,5", "1,5", "x"], dtype="category"), [OK, OK, GALAT]),
        (pd.Series(pd.to_datetime(["2024-01-01", None])), [GALAT, KOSONG]),
        (pd.Series([], dtype=object), []),
    ],
)
def test_column_dtypes(cells, statuses):
    parsed = parse_numbers(cells, ID)
    assert parsed.status.tolist() == statuses
    assert parsed.values.dtype == "float64"


def test_float_column_is_taken_as_it_is():
    cells = pd.Series([0.1 + 0.2, 1e-300, 123456789.123456789])
    for convention in (ID, STANDAR, OTOMATIS):
        parsed = parse_numbers(cells, convention)
        assert parsed.values.tolist() == cells.tolist()  # exactly, bit for bit
        assert (parsed.stripped == "").all() and (parsed.message == "").all()


# --- the convention decided from evidence ---


@pytest.mark.parametrize(
    "columns,expected",
    [
        ([], None),
        ([pd.Series([1.5, 2.0])], None),  # numeric cells are no evidence
        ([pd.Series(["12", "2024", "1 234", "-", "abc"])], None),
        ([pd.Series(["1.234"]), pd.Series(["1,234"])], None),  # ambiguous only
        ([pd.Series(["3,5"])], ID),
        ([pd.Series(["100,86"])], ID),
        ([pd.Series(["1.234,5"])], ID),
        ([pd.Series(["1.200.000"])], ID),
        ([pd.Series(["Rp 500,-"])], ID),
        ([pd.Series(["0,123"])], ID),
        ([pd.Series(["3.5"])], STANDAR),
        ([pd.Series(["100.86"])], STANDAR),
        ([pd.Series(["1,234.5"])], STANDAR),
        ([pd.Series(["1,200,000"])], STANDAR),
        ([pd.Series(["1.234"]), pd.Series(["3,5"])], ID),  # evidence in another column
        ([pd.Series([1.5, "3,5"], dtype=object)], ID),
        ([pd.Series(["3,5"]), pd.Series(["3.5"])], CAMPUR),
        ([pd.Series(["3,5", "3,5", "3.5"])], CAMPUR),
        (iter([pd.Series(["3,5"])]), ID),  # any iterable of columns
    ],
)
def test_detect_convention(columns, expected):
    assert detect_convention(columns) == expected


@pytest.mark.parametrize(
    "evidence,expected",
    [(None, G), (ID, 1234.0), (STANDAR, 1.234), (CAMPUR, G)],
)
def test_ambiguous_refused_without_evidence_and_read_with_it(evidence, expected):
    check("1.234", OTOMATIS, expected, evidence=evidence)
    _, _, _, message = parse_one("1.234", OTOMATIS, evidence)
    if expected == G:
        assert message == pesan.ANGKA_BERMAKNA_GANDA.format(
            nilai="1.234", nama_tanda="titik", bulat="1234", utuh="1", pecahan="234"
        )
        assert "1234" in message and "1 koma 234" in message and "desimal: titik" in message


def test_ambiguous_message_of_a_comma_number_with_a_sign():
    _, _, _, message = parse_one("-1,234", OTOMATIS)
    assert message == pesan.ANGKA_BERMAKNA_GANDA.format(
        nilai="-1,234", nama_tanda="koma", bulat="-1234", utuh="-1", pecahan="234"
    )


def test_file_evidence_through_detect_convention():
    target = pd.Series(["1.234", "12", "2.500"])
    realisasi = pd.Series(["1.100,5", "11", "-"])
    evidence = detect_convention([target, realisasi])
    assert evidence == ID
    parsed = parse_numbers(target, OTOMATIS, evidence)
    assert parsed.values.tolist() == [1234.0, 12.0, 2500.0] and parsed.convention == ID
    alone = parse_numbers(target, OTOMATIS)
    assert alone.status.tolist() == [GALAT, OK, GALAT] and alone.convention is None


@pytest.mark.parametrize(
    "cells,evidence,convention,values",
    [
        (["1.234", "3,5"], None, ID, [1234.0, 3.5]),  # the column's own evidence
        (["1,234", "3.5"], None, STANDAR, [1234.0, 3.5]),
        (["1,234", "3.5"], ID, STANDAR, [1234.0, 3.5]),  # the column's own evidence outranks the file's
        (["1.234", "3,5"], CAMPUR, ID, [1234.0, 3.5]),
        (["12", "1 234"], None, None, [12.0, 1234.0]),  # neutral cells need no convention
    ],
)
def test_column_evidence(cells, evidence, convention, values):
    parsed = parse_numbers(pd.Series(cells), OTOMATIS, evidence)
    assert parsed.convention == convention
    assert parsed.values.tolist() == values and (parsed.status == OK).all()


def test_mixed_column_refuses_the_minority_and_names_the_other_form():
    cells = pd.Series(["3,5", "100,86", "3.5", "1.234", "-", "1.200.000"], index=list("abcdef"))
    parsed = parse_numbers(cells, OTOMATIS)
    assert parsed.convention == ID
    assert parsed.status.tolist() == [OK, OK, GALAT, OK, KOSONG, OK]
    assert parsed.values["d"] == 1234.0  # read with the column's majority
    assert parsed.message["c"] == pesan.ANGKA_CAMPUR_KOLOM.format(
        mayoritas="koma", minoritas="titik", contoh="3,5", usul="3,5"
    )
    assert (parsed.message[parsed.status != GALAT] == "").all()


def test_mixed_column_with_a_standard_majority():
    parsed = parse_numbers(pd.Series(["3.5", "2.25", "3,5", "1,200,000"]), OTOMATIS)
    assert parsed.convention == STANDAR
    assert parsed.status.tolist() == [OK, OK, GALAT, OK]
    assert parsed.values.tolist()[:2] == [3.5, 2.25] and parsed.values.iloc[3] == 1.2e6
    assert parsed.message.iloc[2] == pesan.ANGKA_CAMPUR_KOLOM.format(
        mayoritas="titik", minoritas="koma", contoh="3.5", usul="3.5"
    )


def test_mixed_column_tie_refuses_every_evidence_cell():
    parsed = parse_numbers(pd.Series(["3,5", "3.5", "12", "1.234"]), OTOMATIS, evidence=ID)
    assert parsed.convention is None
    assert parsed.status.tolist() == [GALAT, GALAT, OK, GALAT]
    tie = pesan.ANGKA_CAMPUR_SERI.format(contoh_koma="3,5", contoh_titik="3.5")
    assert parsed.message.tolist()[:2] == [tie, tie]
    assert "bermakna ganda" in parsed.message.iloc[3]


def test_explicit_convention_ignores_the_majority():
    cells = pd.Series(["3.5", "2.25", "3,5"])
    assert parse_numbers(cells, ID).status.tolist() == [GALAT, GALAT, OK]
    assert parse_numbers(cells, STANDAR).status.tolist() == [OK, OK, GALAT]


# --- messages ---


@pytest.mark.parametrize(
    "cell,convention,expected",
    [
        ("3.5", ID, pesan.ANGKA_HARUS_KOMA.format(usul="3,5")),
        ("-3.5", ID, pesan.ANGKA_HARUS_KOMA.format(usul="-3,5")),
        ("1,234.5", ID, pesan.ANGKA_HARUS_KOMA.format(usul="1.234,5")),
        ("95.5 %", ID, pesan.ANGKA_HARUS_KOMA.format(usul="95,5")),
        ("100,86", STANDAR, pesan.ANGKA_HARUS_TITIK.format(usul="100.86")),
        ("Rp 1.200.000", STANDAR, pesan.ANGKA_HARUS_TITIK.format(usul="1,200,000")),
        ("abc", ID, pesan.ANGKA_TIDAK_SAH.format(contoh="mis. 100,86 atau 1.234,5")),
        ("abc", STANDAR, pesan.ANGKA_TIDAK_SAH.format(contoh="mis. 100.86 atau 1,234.5")),
        ("abc", OTOMATIS, pesan.ANGKA_TIDAK_SAH.format(contoh="mis. 100,86 atau 1234")),
        ("(1.234,5)", ID, pesan.ANGKA_KURUNG.format(usul="-1.234,5")),
        ("( 5 )", ID, pesan.ANGKA_KURUNG.format(usul="-5")),
        ("nihil", ID, pesan.ANGKA_NOL_ATAU_KOSONG.format(nilai="nihil")),
        ("Rp. -", ID, pesan.ANGKA_NOL_ATAU_KOSONG.format(nilai="Rp. -")),
        ("1,2E+09", ID, pesan.ANGKA_NOTASI_ILMIAH),
        ("#DIV/0!", STANDAR, pesan.ANGKA_GALAT_EXCEL),
        (True, ID, pesan.ANGKA_BENAR_SALAH),
        (float("inf"), ID, pesan.ANGKA_TAK_HINGGA),
        (datetime.date(2024, 1, 1), ID, pesan.ANGKA_JENIS_SEL),
    ],
)
def test_messages(cell, convention, expected):
    status, _, _, message = parse_one(cell, convention)
    assert status == GALAT
    assert message == expected


@pytest.mark.parametrize("cell,as_id,as_standar,as_otomatis", TEXT_CASES)
def test_every_galat_has_a_message_and_no_other_cell_has_one(cell, as_id, as_standar, as_otomatis):
    for convention in (ID, STANDAR, OTOMATIS):
        status, _, _, message = parse_one(cell, convention)
        assert (status == GALAT) == (message != "")
        assert "{" not in message  # every template field filled


# --- what was stripped ---


@pytest.mark.parametrize(
    "cell,stripped",
    [
        ("95%", "%"),
        ("95 %", "%"),
        ("Rp 1.200.000", "Rp"),
        ("rp1.200.000", "Rp"),
        ("Rp. 1.200.000,-", "Rp"),
        ("IDR 1.200.000", "IDR"),
        ("idr5", "IDR"),
        ("1.200.000", ""),
        (" 3,2 ", ""),  # whitespace is not reported
        ("1\u00a0234,5", ""),
        ("Rp abc", ""),  # nothing is recorded for a galat cell
        ("95.5%", ""),  # galat under "id"
        (95.0, ""),
    ],
)
def test_stripped_is_recorded_per_cell(cell, stripped):
    assert parse_one(cell, ID)[2] == stripped


# --- shape of the result ---


def test_index_name_and_order_are_preserved_and_input_untouched():
    cells = pd.Series(["3,5", 7, "x", None, "95%"], index=[10, 10, 3, "a", 5], name="realisasi", dtype=object)
    before = cells.copy()
    parsed = parse_numbers(cells, ID)
    assert isinstance(parsed, ParsedNumbers)
    for series in (parsed.values, parsed.status, parsed.message, parsed.stripped):
        assert series.index.equals(cells.index) and series.name == "realisasi"
    np.testing.assert_array_equal(parsed.values.to_numpy(), [3.5, 7.0, np.nan, np.nan, 95.0])
    assert parsed.status.tolist() == [OK, OK, GALAT, KOSONG, OK]
    assert parsed.stripped.tolist() == ["", "", "", "", "%"]
    pd.testing.assert_series_equal(cells, before)


def test_text_column_keeps_its_index():
    cells = pd.Series(["1,5", "2,5"], index=pd.Index([7, 3], name="baris"), dtype="str")
    parsed = parse_numbers(cells, OTOMATIS)
    assert parsed.values.to_dict() == {7: 1.5, 3: 2.5}


def test_result_is_frozen():
    parsed = parse_numbers(pd.Series(["1"]), ID)
    with pytest.raises(AttributeError):
        parsed.convention = STANDAR


@pytest.mark.parametrize(
    "convention,evidence", [("koma", None), ("ID", None), (OTOMATIS, "otomatis"), (OTOMATIS, "titik")]
)
def test_unknown_convention_or_evidence_is_a_programming_error(convention, evidence):
    with pytest.raises(ValueError):
        parse_numbers(pd.Series(["1"]), convention, evidence)


# --- properties ---

finite = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)


def rounded(value: float, digits: int) -> float:
    return float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


@settings(max_examples=200, deadline=None)
@given(values=st.lists(finite, min_size=1, max_size=20), digits=st.integers(0, 4))
def test_indonesian_display_reads_back_as_the_rounded_value(values, digits):
    text = pd.Series([display.angka(value, digits) for value in values])
    parsed = parse_numbers(text, ID)
    assert (parsed.status == OK).all(), text[parsed.status != OK].tolist()
    assert parsed.values.tolist() == [rounded(value, digits) + 0.0 for value in values]


@settings(max_examples=100, deadline=None)
@given(values=st.lists(finite, min_size=1, max_size=20))
def test_indonesian_display_with_decimals_is_evidence_enough(values):
    text = pd.Series([display.angka(value, 2) for value in values])
    assert detect_convention([text]) == ID
    parsed = parse_numbers(text, OTOMATIS)
    assert parsed.convention == ID
    assert parsed.values.tolist() == [rounded(value, 2) + 0.0 for value in values]


@settings(max_examples=100, deadline=None)
@given(values=st.lists(finite, min_size=1, max_size=20), digits=st.integers(0, 4))
def test_standard_format_reads_back_under_standar(values, digits):
    text = pd.Series([f"{value:,.{digits}f}" for value in values])
    parsed = parse_numbers(text, STANDAR)
    assert parsed.values.tolist() == [float(f"{value:.{digits}f}") + 0.0 for value in values]


@settings(max_examples=300, deadline=None)
@given(cells=st.lists(st.text(alphabet="0123456789.,- %", max_size=10), min_size=1, max_size=6))
def test_otomatis_never_invents_a_reading(cells):
    """Whatever the text, an ok cell under "otomatis" is read as under "id" or "standar", and a
    cell the two read differently is never ok without evidence."""
    series = pd.Series(cells)
    auto = parse_numbers(series, OTOMATIS)
    as_id = parse_numbers(series, ID)
    as_std = parse_numbers(series, STANDAR)
    for i in range(len(cells)):
        if auto.status.iloc[i] != OK:
            continue
        readings = {
            as_id.values.iloc[i] if as_id.status.iloc[i] == OK else None,
            as_std.values.iloc[i] if as_std.status.iloc[i] == OK else None,
        } - {None}
        assert auto.values.iloc[i] in readings
        if len(readings) == 2:
            assert auto.convention in (ID, STANDAR)  # decided by evidence, not guessed


# --- the fast path for plain numbers (digits, optional "-", at most one "." between digits) ---

PLAIN_AND_OTHER = [
    "12", "-3.5", "0.25", "1.234", "-1.234", "007", "-0", "0.123", "1234.567", "999.000", "",
    "3,5", "1.234,5", "1.200.000", " 12 ", "95%", "Rp 1.200", "+5", "-", "n/a", "3.", ".5", "1e5",
    "(3,5)", "nihil", "1 234", "12\u00a0", "\u22123.5", "1,234", "abc",
]


def slow_path(monkeypatch):
    """Force every text cell through the full normalisation (the path before the fast one)."""
    import kinerja.inputs.numbers as numbers_module

    monkeypatch.setattr(numbers_module, "_PLAIN", r"\b\B")  # RE2 and re: matches nothing


def assert_same_parse(a: ParsedNumbers, b: ParsedNumbers):
    pd.testing.assert_series_equal(a.values, b.values)
    pd.testing.assert_series_equal(a.status, b.status)
    pd.testing.assert_series_equal(a.message, b.message)
    pd.testing.assert_series_equal(a.stripped, b.stripped)
    assert a.convention == b.convention


@pytest.mark.parametrize("dtype", ["str", object])
@pytest.mark.parametrize("convention", [ID, STANDAR, OTOMATIS])
@pytest.mark.parametrize("evidence", [None, ID, STANDAR, CAMPUR])
@pytest.mark.parametrize(
    "cells",
    [
        ["12", "-3.5", "0.25", "", "1234.567"],  # all plain, standar evidence
        ["12", "1.234", "", "-0", "007"],  # all plain, no evidence: 1.234 stays ambiguous
        ["1.234", "999.000", "-1.234"],  # only ambiguous plain cells
        ["", "", ""],  # an empty column (a range column nobody uses)
        ["5", "-12", "", "0"],  # whole numbers only: neutral
        PLAIN_AND_OTHER,  # plain cells mixed with every other kind
        ["3,5", "100,86", "3.5", "1.234", "-", "12"],  # id majority, a plain standar minority
        ["3.5", "2.25", "3,5", "12"],  # standar majority with a plain majority
        ["3,5", "3.5", "12", "1.234"],  # a tie
    ],
)
def test_fast_path_reads_like_the_full_path(monkeypatch, cells, dtype, convention, evidence):
    column = pd.Series(cells, index=range(10, 10 + len(cells)), dtype=dtype)
    fast = parse_numbers(column, convention, evidence)
    fast_evidence = detect_convention([column])
    slow_path(monkeypatch)
    assert_same_parse(fast, parse_numbers(column, convention, evidence))
    assert fast_evidence == detect_convention([column])


def test_fast_path_column_worked_by_hand():
    cells = pd.Series(["12", "-3.5", "0.25", "", "-0", "1234.567", "007"], dtype="str")
    parsed = parse_numbers(cells, OTOMATIS)
    assert parsed.convention == STANDAR
    assert parsed.status.tolist() == [OK, OK, OK, K, OK, OK, OK]
    assert parsed.values.tolist()[:3] == [12.0, -3.5, 0.25]
    assert math.isnan(parsed.values.iloc[3])
    assert parsed.values.tolist()[4:] == [0.0, 1234.567, 7.0]
    assert math.copysign(1.0, parsed.values.iloc[4]) == 1.0  # -0 is 0, not -0.0
    assert detect_convention([cells]) == STANDAR


def test_fast_path_keeps_plain_ambiguous_cells_refused():
    parsed = parse_numbers(pd.Series(["1.234", "12"], dtype="str"), OTOMATIS)
    assert parsed.status.tolist() == [GALAT, OK] and parsed.convention is None
    assert parsed.message.iloc[0] == pesan.ANGKA_BERMAKNA_GANDA.format(
        nilai="1.234", nama_tanda="titik", bulat="1234", utuh="1", pecahan="234"
    )
    assert detect_convention([pd.Series(["1.234", "-999.000"], dtype="str")]) is None


def test_fast_path_mixed_column_worked_by_hand():
    # plain standar cells are the minority: refused, and the id cells read
    cells = pd.Series(["3,5", "1.234,5", "2.5", "95%", "12", " 7 "], dtype="str")
    parsed = parse_numbers(cells, OTOMATIS)
    assert parsed.convention == ID
    assert parsed.status.tolist() == [OK, OK, GALAT, OK, OK, OK]
    assert parsed.values.iloc[[0, 1, 3, 4, 5]].tolist() == [3.5, 1234.5, 95.0, 12.0, 7.0]
    assert parsed.stripped.tolist() == ["", "", "", "%", "", ""]
    assert parsed.message.iloc[2] == pesan.ANGKA_CAMPUR_KOLOM.format(
        mayoritas="koma", minoritas="titik", contoh="3,5", usul="2,5"
    )
