"""Fuzzing the command line with generated tables (hypothesis): whatever an analyst's file holds,
``kinerja validate`` and ``kinerja score`` exit 0 or 1, never print a traceback, leave the inputs
byte-identical, and write either all seven result tables or nothing.

Tables are drawn cell by cell from valid and invalid values: empty cells, unicode, control
characters, huge and tiny numbers, Indonesian (``1.234,5``) and English (``1,234.5``) number
styles, currency and percent signs, duplicates (small pools of codes and names), several years and
several pemda, optional columns present or not; written as CSV (``,`` or ``;``, with or without a
BOM, LF or CRLF), as a workbook (typed cells, one sheet or one sheet per year), or as a folder of
one CSV per year. ``kinerja.cli.main`` runs in-process for speed; one test runs the installed
console script in a subprocess.

The number of examples follows the hypothesis profile (``ci`` by default, ``teliti`` by hand; see
docs/testing.md).
"""

from __future__ import annotations

import contextlib
import csv
import io
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from kinerja.cli import main

RESULT_FILES = {"indikator.csv", "sasaran.csv", "opd.csv", "pemda.csv", "perubahan_indikator.csv",
                "perubahan_opd.csv", "perubahan_pemda.csv"}
#: Examples per fuzz test: half the profile's count (50 under ``ci``), a twentieth in a subprocess.
EXAMPLES = max(10, settings.default.max_examples // 2)
SUBPROCESS_EXAMPLES = max(3, settings.default.max_examples // 20)
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                              HealthCheck.data_too_large])

# --- cells -------------------------------------------------------------------------------------

junk_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12
) | st.sampled_from(["", " ", "-", "n/a", "nihil", "#DIV/0!", "=1+1", "\t", "é", "数据", "\u200b", "\x00", "x" * 300])
year = st.sampled_from([2022, 2023, 2024]) | st.sampled_from(["2024", " 2023 ", 2024.0, 2024.5, 99999, "dua ribu"])
numbers_id = st.sampled_from(["100,86", "1.234,5", "95%", "Rp 1.200.000", "0,5", "1.234", ",5", "-3,5", "100"])
numbers_en = st.sampled_from(["100.86", "1,234.5", "3.5", "1,234", "1,2E+09", "(1.234)", "+7", "−2"])
number = (
    st.integers(-10**6, 10**6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from([0, 0.0, -0.0, 1e308, -1e308, 5e-324, 1e-300, 100, 90, 110])
    | numbers_id
    | numbers_en
    | st.none()
    | junk_text
)
code = st.sampled_from(["1.01", "1.02", "007", "a/b", "a_b", "a b", "DINKES", "dinkes", "1.02.", ".."]) | junk_text
name = st.sampled_from(["Dinas Kesehatan", "Dinas Pendidikan", "Indikator A", "Indikator A ", "indikator a"]) | junk_text
polaritas = st.sampled_from(["positif", "negatif", "stabil", "Maksimal", "-", "+", "naik"]) | junk_text
rumus = st.sampled_from(["", "rasio", "selisih"]) | junk_text
pemda = st.sampled_from(["11", "12"]) | st.none() | junk_text

REQUIRED = ["tahun", "kode_opd", "nama_opd", "sasaran", "indikator", "satuan", "polaritas", "target", "realisasi"]
OPTIONAL = {
    "kode_indikator": code, "target_bawah": number, "target_atas": number, "rumus": rumus, "bobot": number,
    "keterangan": junk_text, "kode_pemda": pemda, "nama_pemda": name,
}
CELLS = {
    "tahun": year, "kode_opd": code, "nama_opd": name, "sasaran": name, "indikator": name,
    "satuan": st.sampled_from(["%", "orang", ""]) | junk_text, "polaritas": polaritas,
    "target": number, "realisasi": number, **OPTIONAL,
}
#: Header spellings the reader accepts for some columns (case, a year or a unit in the header).
HEADERS = {"realisasi": ["realisasi", "Realisasi 2024", "REALISASI"], "target": ["target", "Target (%)"],
           "nama_opd": ["nama_opd", "Nama Perangkat Daerah"], "indikator": ["indikator", "Indikator Kinerja"]}


@st.composite
def tables(draw) -> tuple[list[str], list[list]]:
    """Header and rows of an indicator table; a few rows well-formed, most drawn cell by cell."""
    optional = draw(st.lists(st.sampled_from(sorted(OPTIONAL)), unique=True, max_size=len(OPTIONAL)))
    columns = REQUIRED + optional
    header = [draw(st.sampled_from(HEADERS.get(column, [column]))) for column in columns]
    good = st.fixed_dictionaries({
        "tahun": st.sampled_from([2023, 2024]), "kode_opd": st.sampled_from(["1.01", "1.02"]),
        "nama_opd": st.just("Dinas Uji"), "sasaran": st.sampled_from(["S1", "S2"]),
        "indikator": st.sampled_from(["I1", "I2", "I3"]), "satuan": st.just("%"),
        "polaritas": st.sampled_from(["positif", "negatif", "stabil"]),
        "target": st.integers(1, 1000) | numbers_id, "realisasi": st.integers(0, 1000) | st.none(),
    })
    rows = []
    for _ in range(draw(st.integers(0, 10))):
        if draw(st.booleans()):
            base = draw(good)
            rows.append([base.get(column) if column in base else draw(CELLS[column]) for column in columns])
        else:
            rows.append([draw(CELLS[column]) for column in columns])
    return header, rows


# --- writing them as analysts do ------------------------------------------------------------------


def csv_text(value) -> str:
    return "" if value is None else repr(value) if isinstance(value, float) and not value.is_integer() else (
        str(int(value)) if isinstance(value, float) else str(value))


def write_csv(path: Path, header: list[str], rows: list[list], separator: str, bom: bool, crlf: bool) -> None:
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=separator, lineterminator="\r\n" if crlf else "\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_text(value) for value in row])
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + stream.getvalue().encode("utf-8", "surrogatepass"))


def xlsx_value(value):
    """A cell as openpyxl can store it: control characters it refuses are dropped (Excel cannot
    hold them either); a text starting with ``=`` stays a formula without a value."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


date = st.dates() | st.sampled_from([2016, "2024", "1 September 2024", "01/09/2024", "31/02/2024"]) | junk_text
OPD_SHEET = ["Kode OPD", "Nama OPD", "Singkatan", "Berlaku Mulai", "Berlaku Sampai", "Digantikan Oleh"]
ANGGARAN_SHEET = ["Tahun", "Kode OPD", "Pagu", "Realisasi Anggaran"]


@st.composite
def side_sheets(draw) -> dict[str, list[list]]:
    """Rows of the optional sheets ``opd`` (master list) and ``anggaran`` (budget), or none."""
    sheets = {}
    if draw(st.booleans()):
        sheets["opd"] = [[draw(code), draw(name), draw(junk_text), draw(date), draw(date | st.none()),
                          draw(code | st.none())] for _ in range(draw(st.integers(0, 5)))]
    if draw(st.booleans()):
        sheets["anggaran"] = [[draw(year), draw(code), draw(number), draw(number)] for _ in range(draw(st.integers(0, 5)))]
    return sheets


def write_xlsx(path: Path, header: list[str], rows: list[list], per_year: bool, side: dict | None = None) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    groups: dict[str, list[list]] = {}
    for row in rows:
        key = f"th {row[0]}"[:31] if per_year else "kinerja"
        groups.setdefault(ILLEGAL_CHARACTERS_RE.sub("", key).replace("/", "-").replace("*", "-") or "x", []).append(row)
    for title, group in (groups or {"kinerja": []}).items():
        sheet = book.create_sheet(title.replace("[", "(").replace("]", ")").replace(":", "-").replace("?", "-")
                                  .replace("\\", "-").strip("'") or "x")
        sheet.append(header)
        for row in group:
            sheet.append([xlsx_value(v) for v in row])
    for title, side_rows in (side or {}).items():
        sheet = book.create_sheet(title)
        sheet.append(OPD_SHEET if title == "opd" else ANGGARAN_SHEET)
        for row in side_rows:
            sheet.append([xlsx_value(v) for v in row])
    book.save(path)


@st.composite
def inputs(draw):
    """A table and how it is written: ``csv``, ``xlsx`` or ``folder`` (one CSV per year)."""
    header, rows = draw(tables())
    kind = draw(st.sampled_from(["csv", "xlsx", "folder"]))
    options = {"separator": draw(st.sampled_from([",", ";"])), "bom": draw(st.booleans()), "crlf": draw(st.booleans()),
               "per_year": draw(st.booleans()), "side": draw(side_sheets()) if kind == "xlsx" else {}}
    return header, rows, kind, options


def write_inputs(folder: Path, header, rows, kind, options) -> Path:
    if kind == "xlsx":
        path = folder / "kinerja.support.xlsx"
        write_xlsx(path, header, rows, options["per_year"], options["side"])
        return path
    if kind == "csv":
        path = folder / "kinerja.csv"
        write_csv(path, header, rows, options["separator"], options["bom"], options["crlf"])
        return path
    data = folder / "data"
    data.mkdir()
    by_year: dict[str, list[list]] = {}
    for row in rows:
        by_year.setdefault(csv_text(row[0]), []).append(row)
    for i, (key, group) in enumerate(sorted(by_year.items()) or [("", [])]):
        suffix = key if key.isdigit() and len(key) == 4 else f"berkas{i}"
        write_csv(data / f"kinerja-{suffix}.csv", header, group, options["separator"], options["bom"], options["crlf"])
    return data


def snapshot(path: Path) -> dict[str, bytes]:
    files = sorted(path.rglob("*")) if path.is_dir() else [path]
    return {str(p): p.read_bytes() for p in files if p.is_file()}


def cli(*args: str) -> tuple[int, str]:
    """``kinerja ARGS`` in-process: exit code and all output; any exception fails the example."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    text = out.getvalue() + err.getvalue()
    assert "Traceback" not in text, text
    return code, text


def check_outputs(out: Path, code: int) -> None:
    """All seven tables (and nothing but kinerja's own hidden files) after success; nothing at all
    after a galat."""
    if code == 0:
        files = {p.name for p in out.iterdir()}
        assert RESULT_FILES <= files, files
        assert all(name in RESULT_FILES or name.startswith(".") for name in files), files
        for name in RESULT_FILES:
            assert (out / name).read_text(encoding="utf-8").strip(), name  # a header at least
    else:
        assert not out.exists()


PARAMS = {
    "": None,
    "bobot": "aturan:\n  agregasi_opd: bobot\n  batas_atas: 120\n",
    "rata": "aturan:\n  agregasi_opd: rata_rata\n  agregasi_pemda: rata_rata\n  lantai: null\n",
    "tahun": "tahun: 2024\ndesimal: koma\naturan:\n  rumus_negatif: rasio\n",
    "titik": "desimal: titik\naturan:\n  skala_predikat: enam-tingkat\n",
}


@FUZZ
@given(case=inputs(), rules=st.sampled_from(sorted(PARAMS)))
def test_validate_and_score_never_crash(case, rules):
    header, rows, kind, options = case
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        data = write_inputs(folder, header, rows, kind, options)
        params = []
        if PARAMS[rules]:
            (folder / "params.yml").write_text(PARAMS[rules], encoding="utf-8")
            params = ["--params", str(folder / "params.yml")]
        before = snapshot(data)

        checked, _ = cli("validate", str(data), *params)
        assert checked in (0, 1)
        assert snapshot(data) == before

        out = folder / "hasil"
        scored, text = cli("score", str(data), *params, "--out", str(out))
        assert scored in (0, 1)
        assert snapshot(data) == before
        check_outputs(out, scored)
        assert scored == checked, text  # score stops exactly when validate finds a galat


def blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == ""


@FUZZ
@given(header_rows=tables())
def test_every_nonblank_row_is_scored(header_rows):
    """No row is lost silently: when a CSV scores, indikator.csv has one row per non-blank row."""
    header, rows = header_rows
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        path = folder / "kinerja.csv"
        write_csv(path, header, rows, ",", False, False)
        code, _ = cli("score", str(path), "--out", str(folder / "hasil"))
        if code == 0:
            with (folder / "hasil" / "indikator.csv").open(encoding="utf-8") as stream:
                scored = sum(1 for _ in csv.DictReader(stream))
            assert scored == sum(1 for row in rows if not all(blank(csv_text(v)) for v in row))


@settings(max_examples=SUBPROCESS_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])  # no shrinking: seconds per example
@given(case=inputs())
def test_installed_command_never_prints_a_traceback(case):
    """The console script as users run it, in a subprocess."""
    header, rows, kind, options = case
    script = Path(sys.executable).with_name("kinerja")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        data = write_inputs(folder, header, rows, kind, options)
        before = snapshot(data)
        out = folder / "hasil"
        result = subprocess.run([str(script), "score", str(data), "--out", str(out)], capture_output=True,
                                text=True, timeout=300)
        assert result.returncode in (0, 1), result.stderr
        assert "Traceback" not in result.stdout + result.stderr, result.stderr
        assert snapshot(data) == before
        check_outputs(out, result.returncode)
