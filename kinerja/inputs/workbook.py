"""The Excel workbook analysts fill in: ``kinerja template`` writes it, the readers read it back.

Sheets: ``petunjuk`` (instructions and the column dictionary), ``kinerja`` (one row per indicator,
with drop-downs for ``polaritas``, ``rumus`` and ``sifat``), ``opd`` (the master list of agencies,
with renamed or merged ones pointing to their successor, and the heads who sign the PK),
``anggaran`` (budget per OPD per year), ``program`` (programme budgets for the attachment of the
Perjanjian Kinerja, ``kinerja pk``), ``triwulan`` (quarterly target and realisasi, one row per
indicator per quarter) and ``renstra`` (the five-year plan: period, one ``Target <tahun>`` column
per year, target akhir periode).
The headers come from :mod:`kinerja.inputs.schema`, so the template and the readers cannot drift apart.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from kinerja.support import pesan

from kinerja.inputs import schema
from kinerja.support.atomic import atomic_file
from kinerja.support.xlsx import save_workbook

#: Columns of the ``kinerja`` sheet in the template, in order (``kode_pemda``/``nama_pemda`` are
#: for multi-pemda datasets and are left out of a pemda's own workbook).
TEMPLATE_COLUMNS = [
    "tahun", "kode_opd", "nama_opd", "sasaran", "kode_indikator", "indikator", "satuan", "polaritas",
    "target", "target_bawah", "target_atas", "rumus", "realisasi", "bobot", "sifat", "keterangan",
]
#: Columns of the ``triwulan`` and ``renstra`` sheets (renstra also gets ``Target <tahun>`` columns).
TRIWULAN_TEMPLATE = ["tahun", "kode_opd", "kode_indikator", "indikator", "triwulan", "target", "realisasi", "keterangan"]
RENSTRA_TEMPLATE = ["kode_opd", "kode_indikator", "indikator", "satuan", "periode"]
#: Years of the template's renstra columns around its fiscal year (a six-year period such as 2021–2026).
RENSTRA_YEARS = range(-3, 3)
WIDTHS = {"teks": 24, "angka": 14, "tahun": 8, "polaritas": 12, "rumus": 10, "tanggal": 16}
WIDE = {"nama_opd": 36, "sasaran": 48, "indikator": 48, "keterangan": 36, "satuan": 16}
ROWS_WITH_VALIDATION = 2000
DEFINED_YEAR = "kinerja_tahun"

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
REQUIRED_FILL = PatternFill("solid", fgColor="C00000")


def write_template(path: str | Path, tahun: int | None = None, overwrite: bool = False) -> Path:
    """Write an empty workbook for fiscal year ``tahun``; refuse to replace an existing file unless
    ``overwrite``. Written to a temporary file first, then moved into place."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise FileExistsError(path)
    book = build_template(tahun)
    with atomic_file(path) as temporary:
        save_workbook(book, temporary)
    return path


def build_template(tahun: int | None = None) -> Workbook:
    """The template as an openpyxl workbook (see the module docstring)."""
    book = Workbook()
    guide = book.active
    guide.title = "petunjuk"
    _guide(guide, tahun)

    kinerja = book.create_sheet("kinerja")
    columns = [schema.BY_NAME[name] for name in TEMPLATE_COLUMNS]
    _header(kinerja, columns)
    _choices(kinerja, columns, "polaritas", ["positif", "negatif", "stabil"], pesan.TEMPLATE_POLARITAS)
    _choices(kinerja, columns, "rumus", ["rasio"], pesan.TEMPLATE_RUMUS)
    _choices(kinerja, columns, "sifat", ["kumulatif", "akhir", "rata_rata"], pesan.TEMPLATE_SIFAT)
    if tahun is not None:
        letter = get_column_letter(TEMPLATE_COLUMNS.index("tahun") + 1)
        check = DataValidation(type="whole", operator="equal", formula1=str(tahun), allow_blank=True)
        check.error = pesan.TEMPLATE_TAHUN.format(tahun=tahun)
        check.errorTitle = "Tahun"
        check.showErrorMessage = True
        kinerja.add_data_validation(check)
        check.add(f"{letter}2:{letter}{ROWS_WITH_VALIDATION}")
        book.defined_names[DEFINED_YEAR] = DefinedName(DEFINED_YEAR, attr_text=str(tahun))
    # column styles (not cell by cell: the sheet stays empty, rows typed in start at row 2)
    for name in ("target", "target_bawah", "target_atas", "realisasi", "bobot"):
        kinerja.column_dimensions[get_column_letter(TEMPLATE_COLUMNS.index(name) + 1)].number_format = "#,##0.00"
    for name in ("kode_opd", "kode_indikator"):  # codes are text: 007 stays 007
        kinerja.column_dimensions[get_column_letter(TEMPLATE_COLUMNS.index(name) + 1)].number_format = "@"

    opd = book.create_sheet("opd")
    _header(opd, list(schema.OPD.columns))
    anggaran = book.create_sheet("anggaran")
    _header(anggaran, list(schema.ANGGARAN.columns))
    program = book.create_sheet("program")
    _header(program, list(schema.PROGRAM.columns))
    for letter in ("C", "D"):
        anggaran.column_dimensions[letter].number_format = "#,##0"
    triwulan = book.create_sheet("triwulan")
    quarter_columns = [schema.TRIWULAN.by_name[name] for name in TRIWULAN_TEMPLATE]
    _header(triwulan, quarter_columns)
    _choices(triwulan, quarter_columns, "triwulan", ["1", "2", "3", "4"], pesan.TEMPLATE_TRIWULAN)
    for name in ("kode_opd", "kode_indikator"):
        triwulan.column_dimensions[get_column_letter(TRIWULAN_TEMPLATE.index(name) + 1)].number_format = "@"
    renstra = book.create_sheet("renstra")
    first = tahun if tahun is not None else 2024
    years = [first + offset for offset in RENSTRA_YEARS]
    year_columns = [schema.Column(f"target_{y}", "angka", False, False, pesan.TEMPLATE_RENSTRA_TAHUN.format(tahun=y),
                                  f"Target {y}") for y in years]
    _header(renstra, [*(schema.RENSTRA.by_name[name] for name in RENSTRA_TEMPLATE), *year_columns,
                      schema.RENSTRA.by_name["target_akhir"]])
    for name in ("kode_opd", "kode_indikator"):
        renstra.column_dimensions[get_column_letter(RENSTRA_TEMPLATE.index(name) + 1)].number_format = "@"
    book.active = book.index(kinerja)
    book.properties.title = pesan.TEMPLATE_JUDUL.format(tahun=tahun or "")
    book.properties.creator = "kinerja"
    return book


def _header(sheet, columns: list[schema.Column]) -> None:
    for position, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=position, value=column.label or column.name)
        cell.font = HEADER_FONT
        cell.fill = REQUIRED_FILL if column.required and column.must_fill else HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.comment = Comment(column.description, "kinerja")
        width = WIDE.get(column.name, WIDTHS.get(column.kind, 16))
        sheet.column_dimensions[get_column_letter(position)].width = width
    sheet.freeze_panes = "A2"
    sheet.row_dimensions[1].height = 32
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}1"


def _choices(sheet, columns: list[schema.Column], name: str, values: list[str], prompt: str) -> None:
    letter = get_column_letter([c.name for c in columns].index(name) + 1)
    check = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=True)
    check.prompt = prompt
    check.showInputMessage = True
    check.error = prompt
    check.showErrorMessage = True
    sheet.add_data_validation(check)
    check.add(f"{letter}2:{letter}{ROWS_WITH_VALIDATION}")


def _guide(sheet, tahun: int | None) -> None:
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 12
    sheet.column_dimensions["C"].width = 90
    sheet["A1"] = pesan.TEMPLATE_JUDUL.format(tahun=tahun or "")
    sheet["A1"].font = Font(bold=True, size=14)
    row = 3
    for line in pesan.TEMPLATE_PETUNJUK:
        sheet.cell(row=row, column=1, value=line)
        row += 1
    row += 1
    for position, title in enumerate(("Kolom", "Wajib", "Keterangan"), start=1):
        cell = sheet.cell(row=row, column=position, value=title)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    for sheet_schema in (schema.KINERJA, schema.OPD, schema.ANGGARAN, schema.PROGRAM, schema.TRIWULAN, schema.RENSTRA):
        row += 1
        sheet.cell(row=row, column=1, value=pesan.TEMPLATE_LEMBAR.format(lembar=sheet_schema.name)).font = Font(bold=True)
        sheet.cell(row=row, column=3, value=sheet_schema.description)
        for column in sheet_schema.columns:
            if sheet_schema is schema.KINERJA and column.name not in TEMPLATE_COLUMNS:
                continue
            row += 1
            sheet.cell(row=row, column=1, value=column.label or column.name)
            sheet.cell(row=row, column=2, value="ya" if column.required else "tidak")
            sheet.cell(row=row, column=3, value=column.description).alignment = Alignment(wrap_text=True)
