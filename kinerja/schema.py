"""The input contract: the one place that says which columns a tidy indicator table has.

One row per indicator per year. Text columns are pandas strings, number columns floats (NaN when
empty), ``tahun`` an integer, ``polaritas`` one of the canonical values, ``rumus`` ``""``,
``selisih`` or ``rasio``.
"""

from __future__ import annotations

from dataclasses import dataclass

from kinerja.rules import NEGATIF, POSITIF, RUMUS_RASIO, RUMUS_SELISIH, STABIL


@dataclass(frozen=True)
class Column:
    """One column of the contract."""

    name: str
    kind: str  # "tahun", "teks", "angka", "polaritas", "rumus"
    required: bool
    must_fill: bool  # every row needs a value (for required columns)
    description: str  # Bahasa Indonesia, for help texts and the data dictionary


COLUMNS: tuple[Column, ...] = (
    Column("tahun", "tahun", True, True, "Tahun anggaran Perjanjian Kinerja, misalnya 2024."),
    Column("kode_opd", "teks", True, True, "Kode OPD, tetap dari tahun ke tahun (teks: 007 tetap 007)."),
    Column("nama_opd", "teks", True, True, "Nama OPD."),
    Column("sasaran", "teks", True, True, "Sasaran strategis OPD dalam PK."),
    Column("indikator", "teks", True, True, "Indikator kinerja sasaran."),
    Column("satuan", "teks", True, False, "Satuan indikator (%, orang, bulan, indeks, …)."),
    Column("polaritas", "polaritas", True, True, "positif, negatif atau stabil."),
    Column("target", "angka", True, False, "Target tahun ini; kosongkan bila target berupa rentang."),
    Column("realisasi", "angka", True, False, "Realisasi tahun ini; kosong berarti belum dilaporkan."),
    Column("kode_indikator", "teks", False, False, "Kode indikator, untuk mencocokkan antar tahun."),
    Column("target_bawah", "angka", False, False, "Batas bawah target rentang."),
    Column("target_atas", "angka", False, False, "Batas atas target rentang."),
    Column("rumus", "rumus", False, False, "Kosong (rumus bawaan polaritas) atau rasio (T/R untuk negatif)."),
    Column("bobot", "angka", False, False, "Bobot indikator untuk rata-rata tertimbang (agregasi bobot)."),
    Column("keterangan", "teks", False, False, "Keterangan bebas."),
    Column("kode_pemda", "teks", False, False, "Kode pemda, bila satu data memuat beberapa pemda."),
    Column("nama_pemda", "teks", False, False, "Nama pemda, bila satu data memuat beberapa pemda."),
)

BY_NAME = {column.name: column for column in COLUMNS}
REQUIRED = [column.name for column in COLUMNS if column.required]
OPTIONAL = [column.name for column in COLUMNS if not column.required]
NUMBER_COLUMNS = [column.name for column in COLUMNS if column.kind == "angka"]
TEXT_COLUMNS = [column.name for column in COLUMNS if column.kind in ("teks", "polaritas", "rumus")]

#: Columns of the budget sheet ``anggaran`` (one row per OPD per year).
ANGGARAN_COLUMNS = ["tahun", "kode_opd", "pagu", "realisasi_anggaran"]
#: Columns of the OPD master list ``opd`` (renamed or merged agencies point to their successor).
OPD_COLUMNS = ["kode_opd", "nama_opd", "singkatan", "berlaku_mulai", "berlaku_sampai", "digantikan_oleh"]

#: What inputs may write for each polarity (compared case-insensitively, spaces collapsed).
POLARITAS_SINONIM: dict[str, str] = {
    "positif": POSITIF,
    "maksimal": POSITIF,
    "maksimum": POSITIF,
    "+": POSITIF,
    "semakin tinggi semakin baik": POSITIF,
    "negatif": NEGATIF,
    "minimal": NEGATIF,
    "minimum": NEGATIF,
    "-": NEGATIF,
    "semakin rendah semakin baik": NEGATIF,
    "stabil": STABIL,
}

#: Accepted values of ``rumus`` ("" means the default of the polarity).
RUMUS = ("", RUMUS_SELISIH, RUMUS_RASIO)
