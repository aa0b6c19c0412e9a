"""The input contract: the one place that says which columns a tidy indicator table has.

One row per indicator per year. Text columns are pandas strings, number columns floats (NaN when
empty), ``tahun`` an integer, ``polaritas`` one of the canonical values, ``rumus`` ``""``,
``selisih`` or ``rasio``.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kinerja.core.arrays import row_ids
from kinerja.core.rules import NEGATIF, POSITIF, RUMUS_RASIO, RUMUS_SELISIH, SIFAT, STABIL


@dataclass(frozen=True)
class Column:
    """One column of the contract.

    ``label`` is the header written in workbooks made by ``kinerja template``; ``aliases`` are other
    headers analysts use for the same column, as :func:`header_key` normalises them.
    """

    name: str
    kind: str  # "tahun", "teks", "angka", "polaritas", "rumus", "tanggal", "sifat", "triwulan", "periode"
    required: bool
    must_fill: bool  # every row needs a value (for required columns)
    description: str  # Bahasa Indonesia, for help texts and the data dictionary
    label: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sheet:
    """One table of the inputs: the indicator table, the OPD master list or the budget."""

    name: str  # the workbook sheet name
    columns: tuple[Column, ...]
    description: str

    @property
    def by_name(self) -> dict[str, Column]:
        return {column.name: column for column in self.columns}

    @property
    def required(self) -> list[str]:
        return [column.name for column in self.columns if column.required]


COLUMNS: tuple[Column, ...] = (
    Column("tahun", "tahun", True, True, "Tahun anggaran Perjanjian Kinerja, misalnya 2024.", "Tahun",
           ("tahun_anggaran", "ta", "tahun_pk")),
    Column("kode_opd", "teks", True, True, "Kode OPD, tetap dari tahun ke tahun (teks: 007 tetap 007).", "Kode OPD",
           ("kode_perangkat_daerah", "kode_skpd", "kode_unit")),
    Column("nama_opd", "teks", True, True, "Nama OPD.", "Nama OPD",
           ("opd", "perangkat_daerah", "nama_perangkat_daerah", "skpd", "nama_skpd", "unit_kerja")),
    Column("sasaran", "teks", True, True, "Sasaran strategis OPD dalam PK.", "Sasaran",
           ("sasaran_strategis", "sasaran_opd", "sasaran_kinerja")),
    Column("indikator", "teks", True, True, "Indikator kinerja sasaran.", "Indikator",
           ("indikator_kinerja", "indikator_kinerja_utama", "iku", "nama_indikator")),
    Column("satuan", "teks", True, False, "Satuan indikator (%, orang, bulan, indeks, …).", "Satuan", ("unit",)),
    Column("polaritas", "polaritas", True, True, "positif, negatif atau stabil.", "Polaritas",
           ("sifat_indikator", "arah_indikator")),
    Column("target", "angka", True, False, "Target tahun ini; kosongkan bila target berupa rentang.", "Target",
           ("target_pk", "target_kinerja", "target_tahun")),
    Column("realisasi", "angka", True, False, "Realisasi tahun ini; kosong berarti belum dilaporkan.", "Realisasi",
           ("realisasi_kinerja", "realisasi_tahun", "capaian_realisasi")),
    Column("kode_indikator", "teks", False, False, "Kode indikator, untuk mencocokkan antar tahun.", "Kode Indikator",
           ("kode_iku",)),
    Column("target_bawah", "angka", False, False, "Batas bawah target rentang.", "Target Bawah",
           ("batas_bawah_target", "target_minimal", "target_min")),
    Column("target_atas", "angka", False, False, "Batas atas target rentang.", "Target Atas",
           ("batas_atas_target", "target_maksimal", "target_max")),
    Column("rumus", "rumus", False, False, "Kosong (rumus bawaan polaritas) atau rasio (T/R untuk negatif).", "Rumus",
           ("rumus_capaian",)),
    Column("bobot", "angka", False, False, "Bobot indikator untuk rata-rata tertimbang (agregasi bobot).", "Bobot"),
    Column("sifat", "sifat", False, False,
           "Cara triwulan membentuk tahun: kumulatif (dijumlah), akhir (triwulan terakhir) atau rata_rata; "
           "kosong: nilai bawaan params (aturan.sifat_bawaan).", "Sifat", ("sifat_data", "sifat_triwulan")),
    Column("keterangan", "teks", False, False, "Keterangan bebas.", "Keterangan", ("catatan", "ket")),
    Column("kode_pemda", "teks", False, False, "Kode pemda, bila satu data memuat beberapa pemda.", "Kode Pemda"),
    Column("nama_pemda", "teks", False, False, "Nama pemda, bila satu data memuat beberapa pemda.", "Nama Pemda"),
)

KINERJA = Sheet("kinerja", COLUMNS, "Target dan realisasi indikator Perjanjian Kinerja, satu baris per indikator.")

OPD = Sheet(
    "opd",
    (
        Column("kode_opd", "teks", True, True, "Kode OPD.", "Kode OPD", ("kode_perangkat_daerah", "kode_skpd")),
        Column("nama_opd", "teks", True, True, "Nama OPD.", "Nama OPD", ("nama_perangkat_daerah", "perangkat_daerah")),
        Column("singkatan", "teks", False, False, "Singkatan nama OPD, misalnya BAPENDA.", "Singkatan"),
        Column("berlaku_mulai", "tanggal", False, False, "Tanggal (atau tahun) OPD mulai berlaku.", "Berlaku Mulai"),
        Column("berlaku_sampai", "tanggal", False, False, "Tanggal (atau tahun) OPD terakhir berlaku; kosong bila masih ada.",
               "Berlaku Sampai"),
        Column("digantikan_oleh", "teks", False, False, "Kode OPD pengganti bila OPD ini berganti nama atau digabung.",
               "Digantikan Oleh", ("kode_opd_pengganti", "pengganti")),
        Column("nama_kepala", "teks", False, False, "Nama kepala OPD (PIHAK PERTAMA Perjanjian Kinerja).", "Nama Kepala",
               ("kepala_opd", "nama_kepala_opd")),
        Column("jabatan_kepala", "teks", False, False, "Jabatan kepala OPD, misalnya Kepala Dinas Kesehatan.",
               "Jabatan Kepala", ("jabatan_kepala_opd",)),
        Column("nip_kepala", "teks", False, False, "NIP kepala OPD (teks, 18 angka).", "NIP Kepala", ("nip_kepala_opd", "nip")),
    ),
    "Daftar induk OPD, termasuk OPD yang berganti nama atau digabung.",
)

ANGGARAN = Sheet(
    "anggaran",
    (
        Column("tahun", "tahun", True, True, "Tahun anggaran.", "Tahun", ("tahun_anggaran",)),
        Column("kode_opd", "teks", True, True, "Kode OPD.", "Kode OPD", ("kode_perangkat_daerah", "kode_skpd")),
        Column("pagu", "angka", True, True, "Pagu anggaran OPD (rupiah).", "Pagu", ("pagu_anggaran", "anggaran")),
        Column("realisasi_anggaran", "angka", True, False, "Realisasi anggaran OPD (rupiah).", "Realisasi Anggaran",
               ("realisasi_belanja", "realisasi")),
    ),
    "Pagu dan realisasi anggaran per OPD per tahun.",
)

TRIWULAN = Sheet(
    "triwulan",
    (
        Column("tahun", "tahun", True, True, "Tahun anggaran.", "Tahun", ("tahun_anggaran",)),
        Column("kode_opd", "teks", True, True, "Kode OPD.", "Kode OPD", ("kode_perangkat_daerah", "kode_skpd")),
        Column("kode_indikator", "teks", True, True, "Kode indikator, sama dengan di lembar kinerja.", "Kode Indikator",
               ("kode_iku",)),
        Column("triwulan", "triwulan", True, True, "Triwulan 1, 2, 3 atau 4 (boleh I–IV).", "Triwulan",
               ("tw", "triwulan_ke")),
        Column("target", "angka", True, False, "Target (rencana aksi) triwulan ini.", "Target Triwulan",
               ("rencana_aksi", "target_tw", "target_rencana_aksi")),
        Column("realisasi", "angka", True, False, "Realisasi triwulan ini; kosong berarti belum dilaporkan.",
               "Realisasi Triwulan", ("realisasi_tw",)),
        Column("indikator", "teks", False, False, "Nama indikator (hanya untuk dibaca; yang mencocokkan kodenya).",
               "Indikator", ("indikator_kinerja",)),
        Column("keterangan", "teks", False, False, "Keterangan bebas.", "Keterangan", ("catatan", "ket")),
        Column("kode_pemda", "teks", False, False, "Kode pemda, bila satu data memuat beberapa pemda.", "Kode Pemda"),
    ),
    "Target (rencana aksi) dan realisasi per triwulan, satu baris per indikator per triwulan.",
)

RENSTRA = Sheet(
    "renstra",
    (
        Column("kode_opd", "teks", True, True, "Kode OPD.", "Kode OPD", ("kode_perangkat_daerah", "kode_skpd")),
        Column("kode_indikator", "teks", True, True, "Kode indikator, sama dengan di lembar kinerja.", "Kode Indikator",
               ("kode_iku",)),
        Column("periode", "periode", True, True, "Periode Renstra/RPJMD, misalnya 2021–2026.", "Periode",
               ("periode_renstra", "periode_rpjmd")),
        Column("target_akhir", "angka", True, True, "Target akhir periode.", "Target Akhir Periode",
               ("target_akhir_periode", "kondisi_akhir", "target_kondisi_akhir")),
        Column("indikator", "teks", False, False, "Nama indikator (hanya untuk dibaca; yang mencocokkan kodenya).",
               "Indikator", ("indikator_kinerja",)),
        Column("satuan", "teks", False, False, "Satuan indikator.", "Satuan"),
        Column("kode_pemda", "teks", False, False, "Kode pemda, bila satu data memuat beberapa pemda.", "Kode Pemda"),
    ),
    "Target Renstra/RPJMD: satu baris per indikator, satu kolom 'Target <tahun>' per tahun periode, "
    "dan target akhir periode.",
)

#: Sheets only read from a sheet of that name, or (CSV) when the header names their own key
#: column: a quarterly table needs ``triwulan``, a plan ``periode``.
KEYED_SHEETS = {"triwulan": "triwulan", "renstra": "periode"}
PROGRAM = Sheet(
    "program",
    (
        Column("tahun", "tahun", True, True, "Tahun anggaran.", "Tahun", ("tahun_anggaran",)),
        Column("kode_opd", "teks", True, True, "Kode OPD.", "Kode OPD", ("kode_perangkat_daerah", "kode_skpd")),
        Column("program", "teks", True, True, "Nama program.", "Program", ("nama_program",)),
        Column("anggaran", "angka", True, False, "Anggaran program (rupiah) dalam Perjanjian Kinerja.", "Anggaran",
               ("pagu_program", "anggaran_program", "pagu")),
        Column("keterangan", "teks", False, False, "Keterangan, misalnya sumber dana.", "Keterangan", ("ket",)),
    ),
    "Program dan anggarannya per OPD per tahun, untuk lampiran Perjanjian Kinerja (lembar bernama program).",
)
SHEETS = {sheet.name: sheet for sheet in (KINERJA, OPD, ANGGARAN, PROGRAM, TRIWULAN, RENSTRA)}
#: Sheets read only from a sheet (or CSV) with their name, never recognised by their headers alone.
NAMED_ONLY = ("opd", "program")

BY_NAME = {column.name: column for column in COLUMNS}
REQUIRED = [column.name for column in COLUMNS if column.required]
OPTIONAL = [column.name for column in COLUMNS if not column.required]
NUMBER_COLUMNS = [column.name for column in COLUMNS if column.kind == "angka"]
TEXT_COLUMNS = [column.name for column in COLUMNS if column.kind in ("teks", "polaritas", "rumus")]

#: Columns of the budget sheet ``anggaran`` (one row per OPD per year).
ANGGARAN_COLUMNS = [column.name for column in ANGGARAN.columns]
#: Columns of the OPD master list ``opd`` (renamed or merged agencies point to their successor).
OPD_COLUMNS = [column.name for column in OPD.columns]
#: Columns of the quarterly sheet ``triwulan``.
TRIWULAN_COLUMNS = [column.name for column in TRIWULAN.columns]
#: Columns of the plan sheet ``renstra`` (besides one ``target_<tahun>`` per year of the period,
#: and ``tahun_awal``/``tahun_akhir`` read from ``periode``).
RENSTRA_COLUMNS = [column.name for column in RENSTRA.columns]

#: Values of ``sifat`` (how quarters make the year).
SIFAT_SINONIM = {value: value for value in SIFAT} | {"rata-rata": "rata_rata", "rata rata": "rata_rata",
                                                       "rerata": "rata_rata", "kumulasi": "kumulatif"}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def parse_triwulan(value: object) -> int | None:
    """A quarter as written (``2``, ``II``, ``TW 2``, ``Triwulan II``, 2.0) → 1–4, or None."""
    text = str(value).strip().casefold()
    text = re.sub(r"^(triwulan|tw|trw|q)\s*[-.]?\s*", "", text)
    if text in _ROMAN:
        return _ROMAN[text]
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return None
    return int(number) if number in (1, 2, 3, 4) else None


def parse_periode(value: object) -> tuple[int, int] | None:
    """A period as written (``2021–2026``, ``2021-2026``, ``2021 s.d. 2026``, ``2021 - 2026``) →
    (first year, last year), or None."""
    years = re.findall(r"(?<!\d)(\d{4})(?!\d)", str(value))
    rest = re.sub(r"(?<!\d)\d{4}(?!\d)", "", str(value)).casefold()
    if len(years) != 2 or re.sub(r"[\s\-–—/]|s\.?\s*d\.?|sampai|hingga", "", rest):
        return None
    return int(years[0]), int(years[1])


_YEAR_TARGET = re.compile(r"^\s*(?:target\s*(?:tahun\s*)?)?((?:19|20)\d\d)\s*$", re.IGNORECASE)


def year_target_column(header: object) -> str | None:
    """A yearly target header of the renstra sheet (``Target 2022``, ``2022``, ``Target Tahun
    2022``) → ``target_2022``; None for any other header."""
    match = _YEAR_TARGET.match(str(header))
    return f"target_{match.group(1)}" if match else None
#: Columns of the programme budgets ``program`` (the Program | Anggaran part of the PK attachment).
PROGRAM_COLUMNS = [column.name for column in PROGRAM.columns]

#: Years accepted in the ``tahun`` column (and by ``kinerja template --tahun``).
TAHUN_MIN, TAHUN_MAX = 1900, 2200

#: Headers that are not data (row numbers, computed capaian) and are ignored without a warning.
IGNORED_HEADERS = ("no", "nomor", "no_urut", "capaian", "capaian_kinerja", "predikat")


def header_key(header: object) -> str:
    """A header as matched against names and aliases: case-folded, without text in parentheses,
    without a year, punctuation as ``_``. ``"Realisasi 2024"`` → ``realisasi``,
    ``"Target (%)"`` → ``target``, ``" Kode OPD "`` → ``kode_opd``."""
    text = re.sub(r"\(.*?\)|\[.*?\]", " ", str(header).casefold())
    text = re.sub(r"\b(19|20)\d\d\b", " ", text)
    return "_".join(re.findall(r"[^\W_]+", text))


def column_for_header(header: object, sheet: Sheet = KINERJA) -> str | None:
    """The column of ``sheet`` a header names (by name, template label or alias), or None."""
    key = header_key(header)
    for column in sheet.columns:
        if key in (column.name, header_key(column.label), *column.aliases):
            return column.name
    return None


def match_headers(headers: list[object], sheet: Sheet = KINERJA) -> dict[int, str]:
    """Position of each recognised header → column name. A second header for a column already
    matched is left out, so the reader can report it."""
    matched: dict[int, str] = {}
    for position, header in enumerate(headers):
        name = column_for_header(header, sheet)
        if name is not None and name not in matched.values():
            matched[position] = name
    return matched


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


# --- the declared contract of the indicator table (checked by pandera in kinerja.inputs.validate) ---

#: Row-wise checks of the indicator table: name → (column the finding names, message key in pesan).
#: Each check holds (is True) for a good row.
ROW_CHECKS: dict[str, tuple[str, str]] = {
    "target_kosong": ("target", "TARGET_KOSONG"),
    "target_dan_rentang": ("target", "TARGET_DAN_RENTANG"),
    "rentang_tanpa_atas": ("target_atas", "RENTANG_SEPARUH"),
    "rentang_tanpa_bawah": ("target_bawah", "RENTANG_SEPARUH"),
    "rentang_terbalik": ("target_bawah", "RENTANG_TERBALIK"),
    "rasio_bukan_negatif": ("rumus", "RASIO_BUKAN_NEGATIF"),
    "bobot_negatif": ("bobot", "BOBOT_NEGATIF"),
    "bobot_wajib": ("bobot", "BOBOT_WAJIB"),
    "indikator_ganda": ("indikator", "INDIKATOR_GANDA"),
    "kode_indikator_ganda": ("kode_indikator", "KODE_INDIKATOR_GANDA"),
    "nama_opd_berbeda": ("nama_opd", "NAMA_OPD_BERBEDA"),
}

#: Keys that identify one indicator in one year (``_nama`` is the normalised indicator name).
INDICATOR_KEYS = ["tahun", "kode_opd", "_nama"]


def kinerja_contract(rules, pemda_keys: list[str] = ()):
    """The pandera schema of a tidy indicator table under ``rules`` (columns, must-fill cells and
    the :data:`ROW_CHECKS`). The table must carry ``_nama`` (normalised indicator names)."""
    import pandera.pandas as pa  # imported here: half a second, needed only when validating

    def col(frame, name):
        return frame[name] if name in frame else pd.Series(np.nan, index=frame.index)

    def unique(keys):
        def check(frame):
            if not set(keys) <= set(frame.columns):
                return pd.Series(True, index=frame.index)
            ids = row_ids(frame, keys)  # −1 where a key is missing: such rows are not checked
            repeated = pd.Series(ids).duplicated(keep="first").to_numpy() & (ids >= 0)
            return pd.Series(~repeated, index=frame.index)
        return check

    def same_name(frame):
        ids = row_ids(frame, [*pemda_keys, "tahun", "kode_opd"], missing_as_value=True)
        first = frame["nama_opd"].groupby(ids, sort=False).transform("first")
        return frame["nama_opd"].isna() | (frame["nama_opd"] == first)

    computed: dict = {}

    def target_rules(frame):
        """The five target checks, computed once per frame (each check asks for its own)."""
        known = computed.get("frame")
        if known is None or known() is not frame:  # a weak reference: the contract keeps no table alive
            computed.update(frame=weakref.ref(frame), rules=_target_rules(frame))
        return computed["rules"]

    def _target_rules(frame):
        target, bawah, atas = col(frame, "target"), col(frame, "target_bawah"), col(frame, "target_atas")
        return {
            "target_kosong": target.notna() | bawah.notna() | atas.notna(),
            "target_dan_rentang": ~(target.notna() & (bawah.notna() | atas.notna())),
            "rentang_tanpa_atas": ~(target.isna() & bawah.notna() & atas.isna()),
            "rentang_tanpa_bawah": ~(target.isna() & bawah.isna() & atas.notna()),
            "rentang_terbalik": ~(bawah > atas),
        }

    checks = [pa.Check(lambda f, n=name: target_rules(f)[n], name=name) for name in (
        "target_kosong", "target_dan_rentang", "rentang_tanpa_atas", "rentang_tanpa_bawah", "rentang_terbalik")]
    checks += [
        pa.Check(lambda f: ~((col(f, "rumus") == RUMUS_RASIO) & (f["polaritas"] != NEGATIF)), name="rasio_bukan_negatif"),
        pa.Check(lambda f: ~(col(f, "bobot") < 0), name="bobot_negatif"),
        pa.Check(unique([*pemda_keys, *INDICATOR_KEYS]), name="indikator_ganda"),
        pa.Check(unique([*pemda_keys, "tahun", "kode_indikator"]), name="kode_indikator_ganda"),
        pa.Check(same_name, name="nama_opd_berbeda"),
    ]
    if rules.agregasi_opd == "bobot":
        checks.append(pa.Check(lambda f: col(f, "bobot").notna(), name="bobot_wajib"))
    columns = {
        column.name: pa.Column(nullable=not column.must_fill, required=column.required)
        for column in COLUMNS
        if column.required
    }
    return pa.DataFrameSchema(columns, checks=checks, strict=False)
