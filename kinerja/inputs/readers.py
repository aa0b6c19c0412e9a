"""Files in, tidy tables out, every problem as a finding.

Inputs are CSV files, Excel workbooks (sheets ``kinerja``, ``opd``, ``anggaran``; see
``kinerja template``) or folders of them (one file per year or per OPD). Headers are matched
tolerantly (:func:`kinerja.inputs.schema.match_headers`) and the mapping used is reported. Numbers typed
as text are parsed by :mod:`kinerja.inputs.numbers` under the file's convention: Indonesian for
``;``-separated CSV and for text cells of workbooks, decided from the file's own evidence for
``,``-separated CSV, or as the ``desimal`` setting says. Ambiguous numbers are refused.

Each row of a tidy table remembers where it came from in the columns ``_berkas`` (file name as
given), ``_lembar`` (sheet; empty for CSV) and ``_baris`` (row number as the analyst sees it in
Excel or a text editor), so that every finding can name its place. Input files are only ever
opened for reading.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl.utils import get_column_letter

from kinerja.inputs import numbers, schema

from kinerja.support import pesan
from kinerja.inputs.findings import GALAT, PERINGATAN, Finding, cell_text
from kinerja.inputs.xlsx_facts import SheetFacts

SOURCE_COLUMNS = ["_berkas", "_lembar", "_baris"]
CSV_SUFFIXES = (".csv",)
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
#: ``desimal`` settings: how numbers typed as text are read.
DESIMAL = {"otomatis": numbers.OTOMATIS, "koma": numbers.ID, "titik": numbers.STANDAR}
HEADER_SEARCH_ROWS = 15


@dataclass(frozen=True)
class HeaderMapping:
    """How the headers of one table were understood: ``{header as written: column}``."""

    berkas: str
    lembar: str
    tabel: str
    baris: int
    kolom: dict[str, str]
    konvensi: str | None = None  # the number convention used for text cells


@dataclass
class Inputs:
    """What was read: the tables (with source columns), findings and header mappings."""

    kinerja: pd.DataFrame = field(default_factory=pd.DataFrame)
    opd: pd.DataFrame = field(default_factory=pd.DataFrame)
    anggaran: pd.DataFrame = field(default_factory=pd.DataFrame)
    triwulan: pd.DataFrame = field(default_factory=pd.DataFrame)
    renstra: pd.DataFrame = field(default_factory=pd.DataFrame)
    program: pd.DataFrame = field(default_factory=pd.DataFrame)
    findings: list[Finding] = field(default_factory=list)
    mappings: list[HeaderMapping] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def expand_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[Finding]]:
    """Files named, and the CSV/workbook files inside folders named (sorted, not recursive;
    Excel's ``~$`` lock files and hidden files skipped)."""
    files, findings = [], []
    for path in map(Path, paths):
        if path.is_dir():
            inside = sorted(
                p for p in path.iterdir()
                if p.is_file() and p.suffix.lower() in CSV_SUFFIXES + WORKBOOK_SUFFIXES
                and not p.name.startswith(("~$", "."))
            )
            if not inside:
                findings.append(Finding(str(path), "", None, "", "", pesan.FOLDER_KOSONG))
            files.extend(inside)
        elif not path.exists():
            findings.append(Finding(str(path), "", None, "", "", pesan.BERKAS_TIDAK_ADA))
        elif path.suffix.lower() not in CSV_SUFFIXES + WORKBOOK_SUFFIXES:
            findings.append(Finding(str(path), "", None, "", "", pesan.BERKAS_JENIS))
        else:
            files.append(path)
    return files, findings


def read_inputs(paths: Iterable[str | Path], desimal: str = "otomatis") -> Inputs:
    """Read every file (and folder) named into the three tables, collecting every finding."""
    files, findings = expand_paths(paths)
    inputs = Inputs(findings=findings, files=files)
    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in schema.SHEETS}
    for path in files:
        reader = read_workbook if path.suffix.lower() in WORKBOOK_SUFFIXES else read_csv
        for sheet, table, found, mapping in reader(path, desimal):
            inputs.findings.extend(found)
            if mapping is not None:
                inputs.mappings.append(mapping)
            if sheet is not None and not table.empty:
                parts[sheet.name].append(table)
    inputs.kinerja = concat_tables(parts["kinerja"], schema.KINERJA)
    inputs.opd = concat_tables(parts["opd"], schema.OPD)
    inputs.anggaran = concat_tables(parts["anggaran"], schema.ANGGARAN)
    inputs.triwulan = concat_tables(parts["triwulan"], schema.TRIWULAN)
    inputs.renstra = concat_tables(parts["renstra"], schema.RENSTRA)
    inputs.program = concat_tables(parts["program"], schema.PROGRAM)
    if files and inputs.kinerja.empty and not any(f.is_error for f in inputs.findings):
        # files that hold only headers, master lists or budgets: nothing to check or score
        names = ", ".join(str(path) for path in files)
        inputs.findings.append(Finding(names, "", None, "", "", pesan.TANPA_BARIS_INDIKATOR))
    return inputs


ReadResult = tuple[schema.Sheet | None, pd.DataFrame, list[Finding], HeaderMapping | None]


def read_csv(path: str | Path, desimal: str = "otomatis") -> list[ReadResult]:
    """Read one CSV file: ``,`` or ``;`` separated (``;`` means Indonesian numbers), UTF-8."""
    name = str(path)

    def failed(message: str, baris: int | None = None) -> list[ReadResult]:
        return [(None, pd.DataFrame(), [Finding(name, "", baris, "", "", message)], None)]

    try:
        data = Path(path).read_bytes()
        text = data.decode("utf-8-sig")
    except FileNotFoundError:
        return failed(pesan.BERKAS_TIDAK_ADA)
    except IsADirectoryError:
        return failed(pesan.BERKAS_FOLDER)
    except UnicodeDecodeError:
        return failed(pesan.CSV_BUKU_KERJA if data.startswith(b"PK\x03\x04") else pesan.BERKAS_BUKAN_UTF8)
    if not text or text.isspace():  # (not text.strip(): a copy of the whole text)
        return failed(pesan.BERKAS_KOSONG)
    if b"\x00" in data:  # UTF-16 without a BOM, or a binary file: not a UTF-8 CSV
        return failed(pesan.BERKAS_BUKAN_UTF8, text[: text.index("\x00")].count("\n") + 1)
    separator = _separator(text)
    del text  # checked; the parser reads the bytes (a StringIO of the text would take 4 bytes a character)
    grid = _arrow_grid(data, separator)
    if grid is None:
        try:
            grid = pd.read_csv(
                io.BytesIO(data), encoding="utf-8-sig", sep=separator, header=None, dtype=str, keep_default_na=False,
                na_filter=False, skip_blank_lines=False,
            )
        except (pd.errors.ParserError, csv.Error) as error:
            return failed(*_csv_error(error))
    convention = numbers.ID if separator == ";" else DESIMAL.get(desimal, numbers.OTOMATIS)
    return [parse_grid(grid, berkas=name, lembar="", convention=convention)]


def read_workbook(path: str | Path, desimal: str = "otomatis") -> list[ReadResult]:
    """Read every table of a workbook. Numeric cells are taken as they are; text cells are
    Indonesian numbers unless ``desimal`` is ``titik``.

    Sheets, in workbook order: a sheet named ``kinerja``, ``opd`` or ``anggaran`` (case and
    surrounding spaces ignored) is read as that table. Any other sheet is told apart by its
    header, as CSV files are: read as the indicator table when its header names at least half of
    the required columns (one sheet per OPD or per year), as the budget when it names all of
    its required columns; a master list of OPDs is read only from a sheet named ``opd`` (a summary
    sheet with ``Kode OPD, Nama OPD`` is not one). Skipped without a word: ``petunjuk`` (the
    template's instructions), chart sheets and empty sheets; every other sheet gets a warning
    that it was not read. Hidden sheets are read like visible ones, with a warning.

    Cells: merged ranges below the header row that span one column (a sasaran merged over its
    indicators) give their value to every row; wider ones are a galat on their first row (those
    rows are not read). A formula cell saved without its value is a galat (open and save the file
    in Excel). The sheet's stored size is ignored (some programs write a wrong one), so no row is
    cut off. Files that are not workbooks get a message saying what they are (:mod:`kinerja.inputs.xlsx_facts`).
    """
    import openpyxl  # imported here: only workbook inputs need it

    from kinerja.inputs import xlsx_facts

    name = str(path)

    def failed(message: str, lembar: str = "") -> ReadResult:
        return (None, pd.DataFrame(), [Finding(name, lembar, None, "", "", message)], None)

    try:
        problem = xlsx_facts.file_problem(path)
    except FileNotFoundError:
        return [failed(pesan.BERKAS_TIDAK_ADA)]
    except IsADirectoryError:
        return [failed(pesan.BERKAS_FOLDER)]
    if problem:
        return [failed(problem)]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about data validation it cannot read
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        return [failed(pesan.BERKAS_TIDAK_ADA)]
    except _DAMAGED:
        return [failed(xlsx_facts.damaged_message(path))]
    convention = numbers.STANDAR if desimal == "titik" else numbers.ID
    results: list[ReadResult] = []
    try:
        with zipfile.ZipFile(path) as archive:
            for title in book.sheetnames:
                results.extend(_read_sheet(book[title], title, archive, name, convention))
    except (zipfile.BadZipFile, OSError):
        return [failed(xlsx_facts.damaged_message(path))]
    finally:
        book.close()
    if not any(sheet is not None for sheet, *_ in results):
        results.append(failed(pesan.BUKU_TANPA_LEMBAR))
    return results


#: What a damaged workbook raises while it is read (zip, zlib, XML and openpyxl's own errors).
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, KeyError, OSError, ValueError, TypeError, SyntaxError)
#: Sheets skipped without a warning (the template's instructions).
SKIPPED_SHEETS = ("petunjuk",)


def _read_sheet(worksheet, title: str, archive: zipfile.ZipFile, berkas: str, convention: str) -> list[ReadResult]:
    """One sheet of a workbook (see :func:`read_workbook`): zero or one table, and findings."""
    from kinerja.inputs import xlsx_facts

    key = title.casefold().strip()
    if key in SKIPPED_SHEETS or not hasattr(worksheet, "iter_rows"):  # a chart sheet has no cells
        return []
    try:
        worksheet.reset_dimensions()  # read every row, whatever size the file claims
        rows = list(worksheet.iter_rows(values_only=True))
        facts = xlsx_facts.sheet_facts(archive, getattr(worksheet, "_worksheet_path", None))
    except _DAMAGED:
        return [(None, pd.DataFrame(), [Finding(berkas, title, None, "", "", pesan.LEMBAR_RUSAK)], None)]
    width = max((len(row) for row in rows), default=0)
    grid = pd.DataFrame([(*row, *(None,) * (width - len(row))) for row in rows], dtype=object) if width else pd.DataFrame()
    if grid.empty or all(_blank_cell(v) for v in grid.to_numpy().ravel()):
        return []
    sheet = schema.SHEETS.get(key) or _recognised(grid)
    if sheet is None:
        message = pesan.LEMBAR_TIDAK_DIBACA.format(
            kinerja=", ".join(schema.KINERJA.required), anggaran=", ".join(schema.ANGGARAN.required)
        )
        return [(None, pd.DataFrame(), [Finding(berkas, title, None, "", "", message, PERINGATAN)], None)]
    result = parse_grid(grid, berkas=berkas, lembar=title, convention=convention, sheet=sheet, facts=facts)
    if worksheet.sheet_state != "visible":
        result[2].insert(0, Finding(berkas, title, None, "", "", pesan.LEMBAR_TERSEMBUNYI, PERINGATAN))
    return [result]


def _recognised(grid: pd.DataFrame) -> schema.Sheet | None:
    """The table a sheet not named after one holds, told by its header: the indicator table when
    the header names at least half of its required columns, the budget when it names all of
    them; None otherwise (a master list of OPDs must be in a sheet named ``opd``)."""
    at, sheet = _find_header(grid, None)
    found = set(schema.match_headers(list(grid.iloc[at]), sheet).values())
    required = set(sheet.required)
    if sheet is schema.KINERJA and len(found & required) >= len(required) / 2:
        return sheet
    if sheet is schema.ANGGARAN and required <= found:
        return sheet
    return None


def parse_grid(
    grid: pd.DataFrame, berkas: str, lembar: str, convention: str, sheet: schema.Sheet | None = None,
    facts: SheetFacts | None = None,
) -> ReadResult:
    """Turn a grid of cells (no header taken yet) into a tidy table of ``sheet`` (detected from the
    headers when None). The header is the first of the top rows that names the sheet's required
    columns; rows above it (titles) are skipped. ``facts`` (workbooks only) are the merged ranges
    and formula cells without a value (see :func:`read_workbook` for what is done with them).
    A table with a header and no row is a warning (except the optional sheets ``opd`` and
    ``anggaran`` of a workbook, which the template always has)."""
    if grid.empty:
        return sheet, pd.DataFrame(), [Finding(berkas, lembar, None, "", "", pesan.BERKAS_KOSONG)], None
    facts = facts or SheetFacts()
    grid = _fill_down(grid, facts)
    header_at, sheet = _find_header(grid, sheet)
    headers = ["" if _blank_cell(h) else str(h).strip() for h in grid.iloc[header_at]]
    matched = schema.match_headers(headers, sheet)
    extra: list[schema.Column] = []
    if sheet is schema.RENSTRA:  # one "Target <tahun>" column per year of the period
        for position, header in enumerate(headers):
            name = schema.year_target_column(header)
            if position not in matched and name and name not in matched.values():
                matched[position] = name
                extra.append(schema.Column(name, "angka", False, False, f"Target tahun {name[-4:]}.", header))
    header_row = header_at + 1
    findings: list[Finding] = []
    letter = (lambda p: get_column_letter(p + 1)) if lembar else (lambda p: str(p + 1))
    for row, col in sorted(facts.uncomputed):
        if row == header_row:
            findings.append(Finding(berkas, lembar, header_row, letter(col - 1), "", pesan.RUMUS_TANPA_NILAI))
    for position, header in enumerate(headers):
        if position in matched or not header:
            continue
        if schema.column_for_header(header, sheet) is not None:
            findings.append(Finding(berkas, lembar, header_row, header, header, pesan.KOLOM_GANDA))
        elif schema.header_key(header) not in schema.IGNORED_HEADERS:
            findings.append(Finding(berkas, lembar, header_row, header, header, pesan.KOLOM_TIDAK_DIKENAL, PERINGATAN))
    present = set(matched.values())
    for column in sheet.required:
        if column not in present:
            label = sheet.by_name[column].label or column
            findings.append(Finding(berkas, lembar, header_row, column, "", pesan.KOLOM_WAJIB_HILANG.format(label=label)))
    mapping = HeaderMapping(berkas, lembar, sheet.name, header_row, {headers[p]: c for p, c in sorted(matched.items())})
    if any(f.tingkat == GALAT for f in findings):
        return sheet, pd.DataFrame(), findings, mapping

    grid, skipped = _merged_cells(grid, header_at, facts, matched, berkas, lembar, letter, findings)
    for position, header in enumerate(headers):
        below = grid.iloc[header_at + 1 :, position]
        if not header and position not in matched and _texts(below).notna().any():
            findings.append(Finding(berkas, lembar, header_row, letter(position), "", pesan.KOLOM_TANPA_JUDUL, PERINGATAN))
    body = grid.iloc[header_at + 1 :, sorted(matched)]
    body.columns = [matched[p] for p in sorted(matched)]
    rows = np.arange(header_row + 1, header_row + 1 + len(body))
    pending = np.zeros(body.shape, dtype=bool)
    for row, col in facts.uncomputed:
        if row > header_row and col - 1 in matched and row - header_row - 1 < len(body):
            pending[row - header_row - 1, sorted(matched).index(col - 1)] = True
    plain = {c.name for c in sheet.columns if c.kind not in ("angka", "tahun", "polaritas", "rumus", "tanggal")}
    texts, blank = {}, np.ones(len(body), dtype=bool)
    for name in body.columns:
        if name in plain:  # kept: the tidy column itself
            text = texts[name] = _texts(body[name])
            blank &= text.isna().to_numpy()
        else:
            blank &= _empty_cells(body[name])
    keep = (~blank | pending.any(axis=1)) & ~np.isin(rows, list(skipped))
    for i, j in zip(*np.nonzero(pending)):
        findings.append(Finding(berkas, lembar, int(rows[i]), body.columns[j], "", pesan.RUMUS_TANPA_NILAI))
    if not keep.all():  # (a copy of every column otherwise)
        body, rows = body.loc[keep], rows[keep]
        texts = {name: text.loc[keep] for name, text in texts.items()}
    if not len(body) and (sheet is schema.KINERJA or not lembar):
        findings.append(Finding(berkas, lembar, header_row, "", "", pesan.TABEL_TANPA_BARIS.format(tabel=sheet.name), PERINGATAN))

    columns = [*sheet.columns, *extra]
    number_columns = [c.name for c in columns if c.kind == "angka" and c.name in body]
    body, arah = _comparisons_and_ratios(body, number_columns, berkas, lembar, rows, header_row, findings)
    evidence = None
    plain = {c: numbers.plain_column(body[c]) for c in number_columns}  # each column looked at once
    if convention == numbers.OTOMATIS:
        evidence = numbers.detect_convention([body[c] for c in number_columns], [plain[c] for c in number_columns])
        if evidence == numbers.CAMPUR:
            findings.append(Finding(berkas, lembar, header_row, "", "", pesan.ANGKA_BERKAS_CAMPUR, PERINGATAN))
    tidy = pd.DataFrame(index=body.index)
    for column in columns:
        if column.name not in body:
            continue
        values = body[column.name]
        where = _ColumnCells(berkas, lembar, rows, column.name)
        if column.kind == "angka":
            parsed = numbers.parse_numbers(values, convention, evidence, plain[column.name])
            bad = (parsed.status == "galat").to_numpy()
            findings.extend(where.findings(bad, values, list(parsed.message[bad])))
            tidy[column.name] = parsed.values
            used = parsed.stripped[parsed.stripped != ""]
            if len(used):
                findings.append(
                    Finding(berkas, lembar, header_row, column.name, ", ".join(sorted(set(used))),
                            pesan.TANDA_DIBUANG.format(jumlah=len(used), tanda=", ".join(sorted(set(used)))), PERINGATAN)
                )
        elif column.kind == "tahun":
            tidy[column.name] = _years(values, where, findings)
        elif column.kind == "polaritas":
            tidy[column.name] = _choices(values, schema.POLARITAS_SINONIM, where, findings, pesan.POLARITAS_TIDAK_DIKENAL)
        elif column.kind == "rumus":
            tidy[column.name] = _choices(
                values, {value: value for value in schema.RUMUS if value}, where, findings, pesan.RUMUS_TIDAK_DIKENAL
            )
        elif column.kind == "tanggal":
            tidy[column.name] = _dates(values, where, findings, end_of_year=column.name.endswith("sampai"))
        elif column.kind == "sifat":
            tidy[column.name] = _choices(values, schema.SIFAT_SINONIM, where, findings, pesan.SIFAT_TIDAK_DIKENAL)
        elif column.kind == "triwulan":
            tidy[column.name] = _quarters(values, where, findings)
        elif column.kind == "periode":
            tidy[column.name] = _texts(values)
            tidy["tahun_awal"], tidy["tahun_akhir"] = _periods(values, where, findings)
        else:
            tidy[column.name] = texts[column.name]
    if arah is not None and "polaritas" in tidy:
        _check_comparisons(arah, tidy["polaritas"], _ColumnCells(berkas, lembar, rows, "target"), findings)
    tidy["_berkas"] = berkas
    tidy["_lembar"] = lembar
    tidy["_baris"] = rows
    used_convention = evidence if convention == numbers.OTOMATIS else convention
    mapping = HeaderMapping(berkas, lembar, sheet.name, header_row, mapping.kolom, used_convention)
    return sheet, tidy.reset_index(drop=True), findings, mapping


def _comparisons_and_ratios(
    body: pd.DataFrame, number_columns: list[str], berkas: str, lembar: str, rows: np.ndarray, header_row: int,
    findings: list[Finding],
) -> tuple[pd.DataFrame, numbers.Comparisons | None]:
    """Number cells written as a ratio ``1:32`` (any number column) become their second term, and
    targets written with a comparison (``< 0,49``, ``minimal 80``) their number; the comparison's
    direction is returned for :func:`_check_comparisons`. Each use is reported once per column
    as a warning, so the analyst sees how the cells were read."""
    arah = None
    if not number_columns:
        return body, arah
    changed = {}  # column -> cells read differently (the body is copied only when one is)
    for name in number_columns:
        notes, shown = [], []
        ratios = numbers.split_ratios(body[name])
        if ratios.rasio.any():
            changed[name] = ratios.cells
            notes.append(pesan.RASIO_DIBACA.format(jumlah=int(ratios.rasio.sum())))
            shown.append("1:x")
        where = _ColumnCells(berkas, lembar, rows, name)
        bad = ratios.galat
        cells = changed.get(name, body[name])
        findings.extend(where.findings(bad, cells, [pesan.RASIO_BUKAN_SATU.format(nilai=cell_text(v))
                                                    for v in cells[bad]]))
        if name == "target":
            arah = numbers.split_comparisons(cells)
            used = arah.arah != ""
            if used.any():
                changed[name] = arah.cells
                words = ", ".join(sorted(set(arah.kata[used])))
                notes.append(pesan.TARGET_PEMBANDING_DIBACA.format(jumlah=int(used.sum()), kata=words))
                shown.append(words)
        if notes:  # one warning per column (findings are kept one per cell)
            findings.append(Finding(berkas, lembar, header_row, name, "; ".join(shown), " ".join(notes), PERINGATAN))
    if changed:
        body = body.assign(**changed)
    return body, arah


def _check_comparisons(
    arah: numbers.Comparisons, polaritas: pd.Series, where: _ColumnCells, findings: list[Finding]
) -> None:
    """A target written ``< x`` (upper bound) on a row whose polaritas is not negatif, or ``> x``
    (lower bound) on one that is not positif, is a galat: the two say opposite things."""
    direction = arah.arah.to_numpy(dtype=object)
    wanted = pd.Series(direction).map(pesan.TARGET_PEMBANDING_POLARITAS).to_numpy(dtype=object)
    given = polaritas.to_numpy(dtype=object)
    bad = (direction != "") & pd.notna(given) & (given != wanted)
    if not bad.any():
        return
    messages = [
        pesan.TARGET_PEMBANDING_BERTENTANGAN.format(
            kata=kata, arti=pesan.TARGET_PEMBANDING_ARTI[d], polaritas=p, polaritas_tersirat=pesan.TARGET_PEMBANDING_POLARITAS[d]
        )
        for kata, d, p in zip(arah.kata.to_numpy()[bad], direction[bad], given[bad])
    ]
    written = arah.kata + " " + arah.cells.map(cell_text).astype("str")
    findings.extend(where.findings(bad, written, messages))


def _fill_down(grid: pd.DataFrame, facts: SheetFacts) -> pd.DataFrame:
    """The grid with every merged range one column wide holding its value in each of its rows
    (Excel keeps it only in the first): a sasaran merged over its indicators, and the upper part
    of a header written on two rows (``Sasaran`` merged over rows 1–2 beside ``Target`` under a
    merged ``Kinerja``)."""
    filled = None
    for min_row, min_col, max_row, max_col in facts.merged:
        if min_col != max_col or min_row > len(grid) or min_col > grid.shape[1]:
            continue
        value = grid.iat[min_row - 1, min_col - 1]
        if _blank_cell(value):
            continue
        if filled is None:
            filled = grid.copy()
        filled.iloc[min_row - 1 : max_row, min_col - 1] = value
    return grid if filled is None else filled


def _merged_cells(
    grid: pd.DataFrame, header_at: int, facts: SheetFacts, matched: dict[int, str], berkas: str, lembar: str,
    letter, findings: list[Finding],
) -> tuple[pd.DataFrame, set[int]]:
    """Merged ranges and the body (see :func:`_fill_down` for those one column wide): a range
    reaching from the header into the body gives its value to the header only; a range below the
    header wider than one column is a galat on its first row, and the rows it covers (1-based)
    are returned to be skipped. Ranges above the header or wide ones within it are left alone: a
    header merged across columns names only its first column."""
    skipped: set[int] = set()
    cleared = None
    header_row = header_at + 1
    for min_row, min_col, max_row, max_col in facts.merged:
        if min_row > len(grid) or min_col > grid.shape[1] or max_row <= header_row:
            continue
        if min_col == max_col and min_row <= header_row:
            if cleared is None:
                cleared = grid.copy()
            cleared.iloc[header_row : max_row, min_col - 1] = None
        elif min_col != max_col and min_row > header_row:
            ref = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{max_row}"
            kolom = matched.get(min_col - 1, letter(min_col - 1))
            findings.append(Finding(berkas, lembar, min_row, kolom, cell_text(grid.iat[min_row - 1, min_col - 1]),
                                    pesan.SEL_GABUNG_MELINTANG.format(sel=ref)))
            skipped.update(range(min_row, max_row + 1))
    return (grid if cleared is None else cleared), skipped


def tidy_from_frame(
    raw: pd.DataFrame, berkas: str, lembar: str = "", convention: str = numbers.OTOMATIS
) -> tuple[pd.DataFrame, list[Finding]]:
    """A DataFrame built in a notebook (header = column names, cells typed or text) as a tidy
    indicator table; rows are numbered as if the header were row 1."""
    body = raw.astype(object)
    body.columns = range(body.shape[1])
    grid = pd.concat([pd.DataFrame([list(raw.columns)], dtype=object), body], ignore_index=True)
    _, tidy, findings, _ = parse_grid(grid, berkas=berkas, lembar=lembar, convention=convention, sheet=schema.KINERJA)
    return tidy, findings


def concat_tables(tables: Iterable[pd.DataFrame], sheet: schema.Sheet = schema.KINERJA) -> pd.DataFrame:
    """Stack tidy tables of several files; optional columns missing in some files become empty."""
    tables = [table for table in tables if len(table.columns)]
    if not tables:
        return pd.DataFrame(columns=[c.name for c in sheet.columns if c.required] + SOURCE_COLUMNS)
    combined = pd.concat(tables, ignore_index=True)
    declared = [c.name for c in sheet.columns if c.name in combined.columns]
    # columns a sheet makes beyond its declared ones (renstra: tahun_awal, tahun_akhir, target_<tahun>)
    made = sorted(c for c in combined.columns if c not in declared and c not in SOURCE_COLUMNS)
    ordered = declared + made + SOURCE_COLUMNS
    return combined[ordered]


class _ColumnCells:
    """Where the cells of one column are, to build findings."""

    def __init__(self, berkas: str, lembar: str, rows: np.ndarray, kolom: str):
        self.berkas, self.lembar, self.rows, self.kolom = berkas, lembar, rows, kolom

    def findings(self, mask: np.ndarray, values: pd.Series, message: str | list[str], tingkat: str = GALAT) -> list[Finding]:
        texts = [message] * int(mask.sum()) if isinstance(message, str) else message
        return [
            Finding(self.berkas, self.lembar, int(row), self.kolom, cell_text(value), text, tingkat)
            for row, value, text in zip(self.rows[mask], values[mask], texts)
        ]


def _find_header(grid: pd.DataFrame, sheet: schema.Sheet | None) -> tuple[int, schema.Sheet]:
    """The header row (0-based) among the top rows, and the table it belongs to: the row and
    table with the most recognised headers (ties: the larger share of required columns)."""
    candidates = [sheet] if sheet is not None else [s for s in schema.SHEETS.values() if s.name != "program"]
    best = ((0, 0.0), 0, candidates[0])
    for row in range(min(HEADER_SEARCH_ROWS, len(grid))):
        headers = list(grid.iloc[row])
        for candidate in candidates:
            found = set(schema.match_headers(headers, candidate).values())
            key = schema.KEYED_SHEETS.get(candidate.name)
            if sheet is None and key and key not in found:
                continue
            score = (len(found), len(found & set(candidate.required)) / len(candidate.required))
            if score > best[0]:
                best = (score, row, candidate)
    (count, share), row, chosen = best
    return (row if count >= 2 and share >= 0.5 else 0), chosen


def _arrow_grid(data: bytes, separator: str) -> pd.DataFrame | None:
    """The grid of a well-formed CSV (every line with as many fields as the first, no blank
    line) read by Arrow's multithreaded parser: the same cells, as text, that pandas' parser
    gives, several times faster on a large file. None for any other file: pandas reads it, and
    its errors name the line."""
    import pyarrow as pa
    import pyarrow.csv as pa_csv

    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    first = _first_line(data)
    if b'"' in first or data.count(b'"') % 2:
        # a quoted header may hold the separator, and an odd number of quotes may be a quote never
        # closed (Arrow would take the rest of the file as its text): pandas reads those
        return None
    width = first.count(separator.encode()) + 1
    try:
        table = pa_csv.read_csv(
            pa.py_buffer(data),
            read_options=pa_csv.ReadOptions(autogenerate_column_names=True),
            parse_options=pa_csv.ParseOptions(delimiter=separator, newlines_in_values=True, ignore_empty_lines=False),
            convert_options=pa_csv.ConvertOptions(
                # large_string: what pandas' ``str`` columns hold, so no column is cast (copied) after
                column_types={f"f{i}": pa.large_string() for i in range(width)},
                strings_can_be_null=False, quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowException):
        return None
    if table.num_columns != width or not table.num_rows:
        return None
    grid = table.to_pandas()
    grid.columns = pd.RangeIndex(width)
    return grid if all(dtype == "str" for dtype in grid.dtypes) else None


def _first_line(text):
    """The text (or bytes) before the first line break, without copying the rest."""
    end = text.find("\n" if isinstance(text, str) else b"\n")
    return text if end < 0 else text[:end]


def _separator(text: str) -> str:
    first = _first_line(text)
    return ";" if first.count(";") > first.count(",") else ","


def _blank_cell(value: object) -> bool:
    return value is None or (isinstance(value, float) and np.isnan(value)) or (isinstance(value, str) and not value.strip())



def _texts(values: pd.Series) -> pd.Series:
    """Cells as stripped text; empty cells as missing. Whole-number floats (a workbook stores a
    code typed as 7 as 7.0) are written without ``.0``."""
    if values.dtype == object or pd.api.types.is_float_dtype(values.dtype):
        values = values.astype(object)
        is_float = np.fromiter((type(v) is float for v in values), bool, len(values))
        if is_float.any():
            floats = values[is_float].astype(float)
            # whole numbers an int64 holds exactly; others (1e308, inf) keep their float text
            whole = (np.isfinite(floats) & (floats == floats.round()) & (floats.abs() < 2**53)).to_numpy()
            values = values.copy()
            values.loc[floats.index[whole]] = floats[whole].astype("int64").astype(str).to_numpy()
    if values.dtype == "str":
        empty = _plain_text_empty(values)
        if empty is not None:  # nothing to strip: only the empty cells become missing
            return values.mask(empty) if empty.any() else values.copy(deep=False)
    text = values.astype("str").str.strip()
    return text.mask(text == "")


def _empty_cells(values: pd.Series) -> np.ndarray:
    """Where :func:`_texts` gives a missing value (the column itself not built when the cells'
    bytes tell)."""
    if values.dtype == "str":
        empty = _plain_text_empty(values)
        if empty is not None:
            return empty
    return _texts(values).isna().to_numpy()


def _plain_text_empty(values: pd.Series) -> np.ndarray | None:
    """Where the cells of an Arrow-backed ``str`` column are empty, when no cell needs
    stripping; None when some might (a cell missing, or one whose first or last byte is a
    space, a control character or part of a non-ASCII character, which may be Unicode
    whitespace). Reads the column's offsets and bytes, without a string kernel over its cells."""
    import pyarrow as pa

    array = pa.array(values, from_pandas=True)
    if array.null_count:
        return None
    empty = []
    for chunk in array.chunks if isinstance(array, pa.ChunkedArray) else [array]:
        if not len(chunk):
            continue
        _, offsets, data = chunk.buffers()
        width = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
        ends = np.frombuffer(offsets, dtype=width)[chunk.offset: chunk.offset + len(chunk) + 1].astype(np.int64)
        lengths = np.diff(ends)
        full = lengths > 0
        if full.any():
            raw = np.frombuffer(data, dtype=np.uint8) if data is not None else np.zeros(0, dtype=np.uint8)
            edges = np.concatenate([raw[ends[:-1][full]], raw[ends[1:][full] - 1]])
            if ((edges <= 0x20) | (edges >= 0x7F)).any():
                return None
        empty.append(~full)
    return np.concatenate(empty) if empty else np.zeros(len(values), dtype=bool)


def _quarters(values: pd.Series, where: _ColumnCells, findings: list[Finding]) -> pd.Series:
    text = _texts(values)
    parsed = text.map(lambda v: schema.parse_triwulan(v) if isinstance(v, str) else None)
    bad = (text.notna() & parsed.isna()).to_numpy()
    findings.extend(where.findings(bad, values, pesan.TRIWULAN_TIDAK_SAH))
    return pd.array(parsed.to_numpy(dtype=object), dtype="Int64")


def _periods(values: pd.Series, where: _ColumnCells, findings: list[Finding]) -> tuple[pd.Series, pd.Series]:
    text = _texts(values)
    parsed = [schema.parse_periode(v) if isinstance(v, str) else None for v in text]
    bad = np.array([p is None and isinstance(v, str) for p, v in zip(parsed, text)], dtype=bool)
    findings.extend(where.findings(bad, values, pesan.RENSTRA_PERIODE_TIDAK_SAH))
    backwards = np.array([p is not None and p[0] > p[1] for p in parsed], dtype=bool)
    findings.extend(where.findings(backwards, values, pesan.RENSTRA_PERIODE_TERBALIK))
    first = pd.array([p[0] if p and p[0] <= p[1] else None for p in parsed], dtype="Int64")
    last = pd.array([p[1] if p and p[0] <= p[1] else None for p in parsed], dtype="Int64")
    return pd.Series(first, index=values.index), pd.Series(last, index=values.index)


def _years(values: pd.Series, where: _ColumnCells, findings: list[Finding]) -> pd.Series:
    text = _texts(values)
    numbers_ = _whole_numbers(text)
    if numbers_ is None:
        numbers_ = pd.to_numeric(text, errors="coerce").astype(float)
    good = numbers_.notna() & (numbers_ == numbers_.round()) & numbers_.between(schema.TAHUN_MIN, schema.TAHUN_MAX)
    bad = (text.notna() & ~good).to_numpy()
    findings.extend(where.findings(bad, values, pesan.TAHUN_TIDAK_SAH))
    return numbers_.where(good).astype("Int64")


def _whole_numbers(text: pd.Series) -> pd.Series | None:
    """A ``str`` column whose every cell is a whole number (or missing) as floats, by one Arrow
    cast (what ``pd.to_numeric`` gives such cells, much faster); None for any other column."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if text.dtype != "str":
        return None
    try:
        whole = pc.cast(pa.array(text, from_pandas=True), pa.int64())
        values = pc.cast(whole, pa.float64()).to_numpy(zero_copy_only=False)  # (raises past 2**53)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    return pd.Series(values, index=text.index, dtype="float64", name=text.name)


def _choices(
    values: pd.Series, allowed: dict[str, str], where: _ColumnCells, findings: list[Finding], message: str
) -> pd.Series:
    text = _texts(values)
    codes, distinct = pd.factorize(text)  # a column repeats few values: each is looked up once
    found = pd.Series(distinct, dtype="str").str.casefold().str.replace(r"\s+", " ", regex=True).map(allowed)
    mapped = pd.Series(found.astype("str").array.take(codes, allow_fill=True), index=text.index)
    bad = (text.notna() & mapped.isna()).to_numpy()
    findings.extend(where.findings(bad, values, message))
    return mapped.astype("str")


_BULAN = {
    "januari": 1, "februari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "agustus": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12,
}


def _dates(values: pd.Series, where: _ColumnCells, findings: list[Finding], end_of_year: bool) -> pd.Series:
    """Dates as Excel dates, ``2024-09-01``, ``01/09/2024`` (day first), ``1 September 2024`` or a
    bare year (1 January, or 31 December for an end date)."""
    parsed = []
    bad, outside = [], []
    for value in values:
        date = _one_date(value, end_of_year)
        far = date is not None and not schema.TAHUN_MIN <= date.year <= schema.TAHUN_MAX
        parsed.append(None if far else date)
        bad.append(date is None and not _blank_cell(value))
        outside.append(far)
    findings.extend(where.findings(np.array(bad, dtype=bool), values, pesan.TANGGAL_TIDAK_SAH))
    far_message = pesan.TANGGAL_DI_LUAR.format(awal=schema.TAHUN_MIN, akhir=schema.TAHUN_MAX)
    findings.extend(where.findings(np.array(outside, dtype=bool), values, far_message))
    return pd.Series(pd.to_datetime(parsed), index=values.index, dtype="datetime64[ns]")


def _one_date(value: object, end_of_year: bool) -> datetime.date | None:
    if _blank_cell(value):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
        value = str(int(value))
    text = str(value).strip().casefold()
    if re.fullmatch(r"(19|20)\d\d", text):
        return datetime.date(int(text), 12, 31) if end_of_year else datetime.date(int(text), 1, 1)
    match = re.fullmatch(r"(\d{1,2})\s+([a-z]+)\s+(\d{4})", text)
    try:
        if match and match.group(2) in _BULAN:
            return datetime.date(int(match.group(3)), _BULAN[match.group(2)], int(match.group(1)))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return datetime.date.fromisoformat(text)
        match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
        if match:
            return datetime.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        return None
    return None


def _csv_error(error: Exception) -> tuple[str, int | None]:
    """The message and line of a CSV parser error, in Bahasa Indonesia where the error is known."""
    text = str(error)
    fields = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", text)
    if fields:
        return pesan.CSV_KOLOM_LEBIH.format(harap=fields.group(1), ada=fields.group(3)), int(fields.group(2))
    quote = re.search(r"EOF inside string starting at row (\d+)", text)
    if quote:  # the row is counted from 0
        return pesan.CSV_KUTIP_TERBUKA, int(quote.group(1)) + 1
    return pesan.BERKAS_RUSAK.format(rincian=error), _parser_line(error)


def _parser_line(error: Exception) -> int | None:
    words = str(error).replace(",", " ").split()
    for before, word in zip(words, words[1:]):
        if before == "line" and word.isdigit():
            return int(word)
    return None
