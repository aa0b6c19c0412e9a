"""Seeded SYNTHETIC sample data: the Performance Agreements (PK) of the agencies of the Provinsi
Bengkulu for 2022, 2023 and 2024, written as three ``kinerja template`` workbooks.

    .venv/bin/python scripts/generate_sample_data.py                 # writes data/contoh/
    .venv/bin/python scripts/generate_sample_data.py --out /tmp/contoh --seed 20250211

CONTOH SINTETIS, bukan data resmi: the agencies are the 36 OPD that public sources name for the
Pemerintah Provinsi Bengkulu (see docs/metodologi.md); their sasaran, indicators, targets, realisations and
budgets are made up, with names, units and magnitudes typical of each kind of agency. Only the two
published pemda figures are real: 100,50 % (2023) and 100,86 % (2024). The generator calibrates the
synthetic realisations so that the pemda capaian under the default rules (``kinerja.Rules()``:
mean of the OPD capaian, each the mean of its sasaran) rounds to those figures:

1. draw, with the seed, a performance level per OPD and year and a deviation per indicator (both
   partly persistent across years; a few designated laggards and leaders), which cells an analyst
   typed as text, and the budgets;
2. realise every indicator from its target and polarity, rounded to the indicator's precision;
3. score with :func:`kinerja.score_table`, then move the level of the ordinary OPDs by one common
   shift (bisection) until the pemda capaian is near the goal;
4. nudge the realisasi of a few ordinary ``positif`` indicators by whole units of their precision
   (at most 3 % of the target each) until the pemda capaian is within 0,0005 poin of the goal;
   the nudges and the final figures are printed.

After writing, the workbooks are read back through :func:`kinerja.load` (unless
``--tanpa-periksa``) and the pemda figures compared with the ones computed in memory.

What the data exercises: positif, negatif (formula ``selisih`` and a few ``rasio``) and stabil
indicators, range targets, realisasi not yet reported (empty, ``-``, ``belum ada data``), numbers
typed as Indonesian text (``72,43``, ``60,63%``, ``8.577,1``, ``Rp 950.000.000.000``), an OPD created in
September 2024 (Badan Pendapatan Daerah), an OPD renamed with a new code from 2024 (the master list
points the old code to the new one; indicator codes stay), indicators added, dropped and renamed
(code kept) between years, and a budget sheet per year. The versioned OPD master list is in the
``opd`` sheet of the newest workbook only, so that reading the folder does not list it three times.

Quarterly monitoring and the plan: every indicator has a ``sifat`` (counts ``kumulatif``, yearly
averages of durations ``rata_rata``, the rest ``akhir``); the 2024 workbook's ``triwulan`` sheet
holds four quarters of every 2024 indicator with a point target, made to consolidate exactly to
its annual target and realisasi (quarter 4 empty where the year is not reported), and its
``renstra`` sheet a plan 2021–2026 for every OPD of 2024 (2024–2026 for the OPD created in 2024)
whose yearly targets are the PK targets where a year has one, extended by their mean yearly step.
The quarters and the plan are drawn after the calibration and change no annual figure.

The same seed gives the same workbooks, byte for byte with the same zlib: workbook properties and
zip timestamps are fixed.
"""

from __future__ import annotations

import argparse
import datetime
import io
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl.styles import Font
from openpyxl.writer.excel import ExcelWriter

ROOT = Path(__file__).absolute().parents[1]
sys.path.insert(0, str(ROOT))

import kinerja  # noqa: E402
from kinerja.support import display  # noqa: E402
from kinerja.inputs.workbook import TEMPLATE_COLUMNS, build_template  # noqa: E402

SEED = 20250211  # the day the 2025 PKs were signed (11 Februari 2025)
YEARS = (2022, 2023, 2024)
#: The pemda capaian each year must round to (2 decimals): published for 2023 and 2024, ours for 2022.
GOALS = {2022: 99.72, 2023: 100.50, 2024: 100.86}
#: How close (poin) the unrounded pemda capaian must come to its goal, so that rounding is never a tie.
TOLERANCE = 0.0005
OUT = ROOT / "data" / "contoh"

SINTETIS = "CONTOH SINTETIS"
SINTETIS_BARIS = "CONTOH SINTETIS — bukan data resmi Pemerintah Provinsi Bengkulu"
SINTETIS_ASAL = (
    "Dibuat oleh scripts/generate_sample_data.py (seed {seed}). Nama OPD nyata; sasaran, indikator, target, "
    "realisasi dan anggaran karangan. Angka ini tidak menggambarkan kinerja sebenarnya."
)
#: Fixed workbook timestamps (reproducible files); the zip entries get the same moment.
STAMP = datetime.datetime(2025, 2, 11, 0, 0, 0)
NOT_REPORTED_NOTE = "realisasi belum dilaporkan"


# --- the catalogue: agencies, sasaran, indicators ---


@dataclass(frozen=True)
class Ind:
    """One indicator. ``target`` has one entry per year of :data:`YEARS`: a number, a range
    ``(bawah, atas)``, or None when the indicator is not in that year's PK."""

    kode: str  # "1.2": sasaran 1, indicator 2; the full code is "<SINGKATAN>.<kode>"
    nama: str
    satuan: str
    polaritas: str
    target: tuple
    desimal: int = 2
    rumus: str = ""
    maks: float | None = None  # the largest plausible realisasi (100 for a share of something)
    peka: float | None = None  # share of the performance deviation the indicator shows (see sensitivity)
    nama_baru: dict = field(default_factory=dict)  # year → new name (code kept)
    tetap: dict = field(default_factory=dict)  # year → fixed realisasi (ordinal scores)
    belum: dict = field(default_factory=dict)  # year → what the analyst typed when not yet reported


@dataclass(frozen=True)
class Sas:
    nama: str
    indikator: tuple[Ind, ...]


@dataclass(frozen=True)
class Lama:
    """The code and name of an OPD before it was renamed (with a new code) after ``sampai``."""

    kode: str
    nama: str
    singkatan: str
    sampai: int


@dataclass(frozen=True)
class Opd:
    kode: str
    nama: str
    singkatan: str
    pagu: float  # 2023 budget ceiling, billion rupiah
    sasaran: tuple[Sas, ...]
    mulai: datetime.date | None = None  # created during the period
    lama: Lama | None = None  # what a renamed OPD was called, up to which year

    @property
    def prefix(self) -> str:
        """Prefix of its indicator codes: the abbreviation it had when they were first given."""
        return self.lama.singkatan if self.lama else self.singkatan


def pct(kode, nama, target, **kw) -> Ind:
    """A positif percentage of something (at most 100)."""
    return Ind(kode, nama, "%", "positif", target, maks=100.0, **kw)


CATALOG: tuple[Opd, ...] = (
    Opd("1.01.01", "Dinas Pendidikan dan Kebudayaan", "DIKBUD", 850, (
        Sas("Meningkatnya akses pendidikan menengah dan pendidikan khusus", (
            Ind("1.1", "Angka partisipasi kasar (APK) SMA/SMK/SLB", "%", "positif", (90.5, 91.0, 91.5), peka=0.4),
            Ind("1.2", "Angka partisipasi murni (APM) SMA/SMK", "%", "positif", (70.0, 71.0, 72.0), maks=100.0,
                peka=0.4),
            Ind("1.3", "Angka putus sekolah SMA/SMK", "%", "negatif", (0.30, 0.28, 0.25), rumus="rasio"),
        )),
        Sas("Meningkatnya mutu dan relevansi pendidikan", (
            Ind("2.1", "Rata-rata lama sekolah penduduk usia 25 tahun ke atas", "tahun", "positif", (9.10, 9.20, 9.30),
                peka=0.25, belum={2024: "-"}),
            pct("2.2", "Persentase lulusan SMK yang bekerja atau berwirausaha", (60.0, 62.0, 65.0)),
        )),
        Sas("Meningkatnya pelestarian cagar budaya dan kesenian daerah", (
            pct("3.1", "Persentase cagar budaya yang dilestarikan", (40.0, 45.0, 50.0)),
        )),
    )),
    Opd("1.02.01", "Dinas Kesehatan", "DINKES", 180, (
        Sas("Meningkatnya derajat kesehatan masyarakat", (
            Ind("1.1", "Angka kematian ibu", "per 100.000 kelahiran hidup", "negatif", (180.0, 170.0, 160.0),
                desimal=1),
            Ind("1.2", "Angka kematian bayi", "per 1.000 kelahiran hidup", "negatif", (18.0, 17.0, 16.0), desimal=1),
            Ind("1.3", "Prevalensi stunting pada balita", "%", "negatif", (20.0, 18.0, 16.0), desimal=1,
                belum={2024: "belum ada data"}),
        )),
        Sas("Meningkatnya akses dan mutu pelayanan kesehatan", (
            pct("2.1", "Cakupan kepesertaan jaminan kesehatan nasional (UHC)", (95.0, 96.0, 98.0)),
            pct("2.2", "Persentase puskesmas terakreditasi", (85.0, 90.0, 95.0)),
            pct("2.3", "Cakupan vaksinasi COVID-19 dosis lengkap", (75.0, None, None)),
        )),
        Sas("Meningkatnya pengendalian penyakit menular", (
            pct("3.1", "Angka keberhasilan pengobatan tuberkulosis (success rate)", (88.0, 90.0, 90.0)),
        )),
    )),
    Opd("1.02.02", "RSUD M. Yunus", "RSUDMY", 260, (
        Sas("Meningkatnya mutu pelayanan rumah sakit", (
            Ind("1.1", "Bed occupancy rate (BOR)", "%", "stabil", ((60.0, 80.0),) * 3),
            Ind("1.2", "Rata-rata lama hari rawat (AvLOS)", "hari", "stabil", ((6.0, 9.0),) * 3, desimal=1),
            Ind("1.3", "Net death rate (NDR)", "per 1.000 pasien keluar", "negatif", (25.0, 24.0, 23.0)),
        )),
        Sas("Meningkatnya kemandirian keuangan BLUD", (
            Ind("2.1", "Cost recovery rate", "%", "positif", (80.0, 85.0, 90.0)),
        )),
        Sas("Meningkatnya kepuasan pasien", (
            Ind("3.1", "Indeks kepuasan masyarakat terhadap layanan rumah sakit", "indeks", "positif",
                (80.0, 82.0, 84.0), maks=100.0),
        )),
    )),
    Opd("1.03.01", "Dinas Pekerjaan Umum dan Penataan Ruang", "PUPR", 420, (
        Sas("Meningkatnya kemantapan jalan dan jembatan provinsi", (
            pct("1.1", "Persentase jalan provinsi dalam kondisi mantap", (68.0, 70.0, 72.0)),
            pct("1.2", "Persentase jembatan provinsi dalam kondisi baik", (80.0, 82.0, 84.0)),
        )),
        Sas("Meningkatnya layanan infrastruktur sumber daya air", (
            pct("2.1", "Persentase daerah irigasi kewenangan provinsi dalam kondisi baik", (65.0, 67.0, 70.0)),
            Ind("2.2", "Waktu penyelesaian paket pekerjaan konstruksi", "bulan", "negatif", ((7.0, 8.0),) * 3,
                desimal=1),
        )),
        Sas("Meningkatnya tertib pemanfaatan ruang", (
            pct("3.1", "Persentase kesesuaian pemanfaatan ruang dengan RTRW provinsi", (75.0, 78.0, 80.0)),
        )),
    )),
    Opd("1.04.01", "Dinas Perumahan dan Kawasan Permukiman", "DISPERKIM", 90, (
        Sas("Meningkatnya kualitas perumahan dan kawasan permukiman", (
            pct("1.1", "Persentase rumah tidak layak huni yang tertangani", (10.0, 12.0, 15.0)),
            Ind("1.2", "Luas kawasan kumuh kewenangan provinsi", "hektare", "negatif", (120.0, 110.0, 100.0)),
        )),
        Sas("Meningkatnya akses air minum dan sanitasi layak", (
            pct("2.1", "Persentase rumah tangga dengan akses air minum layak", (75.0, 78.0, 80.0)),
            pct("2.2", "Persentase rumah tangga dengan akses sanitasi layak", (78.0, 80.0, 82.0)),
        )),
    )),
    Opd("1.05.01", "Satuan Polisi Pamong Praja", "SATPOLPP", 25, (
        Sas("Meningkatnya ketenteraman dan ketertiban umum", (
            pct("1.1", "Persentase penegakan perda dan perkada yang ditindaklanjuti", (85.0, 88.0, 90.0)),
            Ind("1.2", "Jumlah pelanggaran perda", "kasus", "negatif", (120.0, 110.0, 100.0), desimal=0),
        )),
        Sas("Meningkatnya perlindungan masyarakat", (
            pct("2.1", "Persentase anggota Satlinmas yang terlatih", (50.0, 55.0, 60.0)),
        )),
    )),
    Opd("1.05.02", "Badan Penanggulangan Bencana Daerah", "BPBD", 20, (
        Sas("Meningkatnya ketangguhan masyarakat menghadapi bencana", (
            Ind("1.1", "Indeks risiko bencana", "indeks", "negatif", (140.5, 135.0, 130.0), peka=0.3),
            Ind("1.2", "Jumlah desa tangguh bencana", "desa", "positif", (40.0, 50.0, 60.0), desimal=0),
        )),
        Sas("Meningkatnya kecepatan penanganan darurat bencana", (
            Ind("2.1", "Waktu tanggap darurat bencana", "jam", "negatif", (6.0, 6.0, 5.0), desimal=1),
            pct("2.2", "Persentase korban bencana yang tertangani", (100.0, 100.0, 100.0)),
        )),
    )),
    Opd("1.06.01", "Dinas Sosial", "DINSOS", 45, (
        Sas("Meningkatnya perlindungan dan jaminan sosial bagi PPKS", (
            pct("1.1", "Persentase PPKS yang mendapat pelayanan kesejahteraan sosial dalam panti", (80.0, 85.0, 90.0)),
            Ind("1.2", "Persentase penduduk miskin", "%", "negatif", (14.20, 13.80, 13.40), rumus="rasio", peka=0.3),
        )),
        Sas("Meningkatnya peran potensi dan sumber kesejahteraan sosial", (
            pct("2.1", "Persentase PSKS yang aktif", (60.0, 65.0, 70.0)),
        )),
    )),
    Opd("2.07.01", "Dinas Tenaga Kerja dan Transmigrasi", "NAKERTRANS", 30, (
        Sas("Menurunnya pengangguran", (
            Ind("1.1", "Tingkat pengangguran terbuka", "%", "negatif", (3.50, 3.40, 3.30), rumus="rasio", peka=0.6),
            pct("1.2", "Persentase pencari kerja yang ditempatkan", (60.0, 65.0, 70.0)),
        )),
        Sas("Meningkatnya hubungan industrial yang harmonis", (
            pct("2.1", "Persentase perselisihan hubungan industrial yang diselesaikan", (85.0, 88.0, 90.0)),
        )),
        Sas("Meningkatnya kesejahteraan masyarakat kawasan transmigrasi", (
            Ind("3.1", "Indeks perkembangan kawasan transmigrasi", "indeks", "positif", (45.0, 47.0, 50.0),
                belum={2023: "belum ada data"}),
        )),
    )),
    Opd("2.08.01", "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana",
        "DP3AP2KB", 22, (
            Sas("Meningkatnya kesetaraan gender dan perlindungan anak", (
                Ind("1.1", "Indeks pembangunan gender (IPG)", "indeks", "positif", (91.50, 91.80, 92.00), maks=100.0,
                    peka=0.1),
                Ind("1.2", "Indeks pemberdayaan gender (IDG)", "indeks", "positif", (70.0, 71.0, 72.0), maks=100.0),
                pct("1.3", "Persentase kasus kekerasan terhadap perempuan dan anak yang tertangani",
                    (100.0, 100.0, 100.0)),
            )),
            Sas("Terkendalinya pertumbuhan penduduk", (
                Ind("2.1", "Angka kelahiran total (TFR)", "anak per perempuan", "stabil", (2.20, 2.20, 2.10), peka=0.5),
                Ind("2.2", "Kebutuhan ber-KB yang tidak terpenuhi (unmet need)", "%", "negatif", (10.0, 9.5, 9.0)),
            )),
        )),
    Opd("2.09.01", "Dinas Ketahanan Pangan", "DKP", 18, (
        Sas("Meningkatnya ketersediaan dan keragaman konsumsi pangan", (
            Ind("1.1", "Skor pola pangan harapan (PPH)", "skor", "positif", (85.0, 86.5, 88.0), maks=100.0),
            Ind("1.2", "Indeks ketahanan pangan", "indeks", "positif", (70.5, 72.0, 73.5), maks=100.0,
                belum={2022: "-"}),
        )),
        Sas("Meningkatnya keamanan pangan segar", (
            pct("2.1", "Persentase sampel pangan segar yang memenuhi syarat keamanan pangan", (90.0, 92.0, 95.0)),
        )),
    )),
    Opd("2.11.01", "Dinas Lingkungan Hidup dan Kehutanan", "DLHK", 55, (
        Sas("Meningkatnya kualitas lingkungan hidup", (
            Ind("1.1", "Indeks kualitas lingkungan hidup (IKLH)", "indeks", "positif", (72.0, 72.5, 73.0), maks=100.0,
                belum={2024: None}),
            Ind("1.2", "Indeks kualitas air", "indeks", "positif", (52.0, 53.0, 54.0), maks=100.0),
            Ind("1.3", "Indeks kualitas udara", "indeks", "positif", (88.0, 88.5, 89.0), maks=100.0),
        )),
        Sas("Meningkatnya kelestarian hutan", (
            pct("2.1", "Persentase tutupan hutan terhadap luas kawasan hutan", (62.0, 62.5, 63.0),
                nama_baru={2024: "Persentase luas tutupan hutan dalam kawasan hutan"}),
            Ind("2.2", "Luas lahan kritis yang direhabilitasi", "hektare", "positif", (1500.0, 1800.0, 2000.0)),
        )),
    )),
    Opd("2.12.01", "Dinas Kependudukan dan Pencatatan Sipil", "DISDUKCAPIL", 9, (
        Sas("Meningkatnya kualitas pelayanan administrasi kependudukan", (
            pct("1.1", "Persentase penduduk wajib KTP yang memiliki KTP-el", (98.0, 98.5, 99.0)),
            pct("1.2", "Persentase anak yang memiliki akta kelahiran", (92.0, 94.0, 95.0)),
            pct("1.3", "Persentase anak yang memiliki Kartu Identitas Anak (KIA)", (40.0, 50.0, 60.0),
                nama_baru={2024: "Cakupan kepemilikan Kartu Identitas Anak (KIA)"}),
        )),
        Sas("Meningkatnya pemanfaatan data kependudukan", (
            Ind("2.1", "Jumlah lembaga pengguna yang memanfaatkan data kependudukan", "lembaga", "positif",
                (40.0, 45.0, 50.0), desimal=0),
        )),
    )),
    Opd("2.15.01", "Dinas Perhubungan", "DISHUB", 70, (
        Sas("Meningkatnya keselamatan dan kelancaran lalu lintas", (
            Ind("1.1", "Angka kecelakaan lalu lintas di jalan provinsi", "kejadian per 10.000 kendaraan", "negatif",
                (3.20, 3.00, 2.80)),
            pct("1.2", "Persentase kelengkapan perlengkapan jalan provinsi", (65.0, 70.0, 75.0)),
        )),
        Sas("Meningkatnya konektivitas angkutan antarwilayah", (
            Ind("2.1", "Jumlah penumpang angkutan penyeberangan ke Pulau Enggano", "orang", "positif",
                (18000.0, 20000.0, 22000.0), desimal=0),
            pct("2.2", "Persentase trayek angkutan antarkota dalam provinsi yang terlayani", (80.0, 82.0, 85.0)),
        )),
    )),
    Opd("2.16.02", "Dinas Komunikasi, Informatika dan Statistik", "DISKOMINFOTIK", 28, (
        Sas("Meningkatnya penyelenggaraan pemerintahan berbasis elektronik", (
            Ind("1.1", "Indeks SPBE", "indeks", "positif", (2.60, 2.80, 3.00), maks=5.0),
            pct("1.2", "Persentase OPD yang terhubung jaringan intra pemerintah", (80.0, 90.0, 100.0)),
            pct("1.3", "Persentase OPD yang menerapkan sistem keamanan informasi", (50.0, 60.0, 70.0)),
        )),
        Sas("Meningkatnya keterbukaan informasi publik", (
            Ind("2.1", "Nilai keterbukaan informasi publik", "nilai", "positif", (80.0, 85.0, 88.0), maks=100.0),
        )),
        Sas("Meningkatnya kualitas data statistik sektoral", (
            Ind("3.1", "Indeks pembangunan statistik sektoral", "indeks", "positif", (None, None, 2.50), maks=5.0),
        )),
    ), lama=Lama("2.16.01", "Dinas Komunikasi, Informatika dan Persandian", "DISKOMINFO", 2023)),
    Opd("2.17.01", "Dinas Koperasi dan Usaha Kecil Menengah", "DISKOPUKM", 18, (
        Sas("Meningkatnya kualitas kelembagaan koperasi", (
            pct("1.1", "Persentase koperasi aktif", (55.0, 58.0, 60.0)),
            pct("1.2", "Persentase koperasi sehat", (20.0, 22.0, 25.0)),
        )),
        Sas("Meningkatnya daya saing usaha mikro", (
            Ind("2.1", "Pertumbuhan jumlah usaha mikro", "%", "positif", (3.00, 3.50, 4.00)),
            Ind("2.2", "Jumlah usaha mikro yang difasilitasi nomor induk berusaha", "unit", "positif",
                (2000.0, 2500.0, 3000.0), desimal=0),
        )),
    )),
    Opd("2.19.01", "Dinas Pemuda dan Olahraga", "DISPORA", 30, (
        Sas("Meningkatnya peran serta pemuda dalam pembangunan", (
            Ind("1.1", "Indeks pembangunan pemuda (IPP)", "indeks", "positif", (52.0, 54.0, 56.0), maks=100.0),
            pct("1.2", "Persentase organisasi kepemudaan yang aktif", (60.0, 65.0, 70.0)),
        )),
        Sas("Meningkatnya prestasi olahraga", (
            Ind("2.1", "Jumlah medali pada kejuaraan tingkat nasional", "medali", "positif", (30.0, 35.0, 40.0),
                desimal=0),
            pct("2.2", "Persentase atlet berprestasi yang mendapat pembinaan", (70.0, 75.0, 80.0)),
        )),
    )),
    Opd("2.23.01", "Dinas Perpustakaan dan Kearsipan", "DISPUSIP", 16, (
        Sas("Meningkatnya budaya gemar membaca masyarakat", (
            Ind("1.1", "Tingkat kegemaran membaca masyarakat", "nilai", "positif", (60.0, 63.0, 66.0), maks=100.0),
            Ind("1.2", "Indeks pembangunan literasi masyarakat", "indeks", "positif", (60.0, 62.0, 64.0), maks=100.0),
        )),
        Sas("Meningkatnya tertib pengelolaan arsip", (
            Ind("2.1", "Nilai pengawasan kearsipan", "nilai", "positif", (70.0, 75.0, 80.0), maks=100.0),
            pct("2.2", "Persentase arsip statis yang diselamatkan", (60.0, 65.0, 70.0)),
        )),
    )),
    Opd("3.26.01", "Dinas Pariwisata", "DISPAR", 22, (
        Sas("Meningkatnya kunjungan wisatawan", (
            Ind("1.1", "Jumlah kunjungan wisatawan nusantara", "orang", "positif", (2500000.0, 2800000.0, 3100000.0),
                desimal=0),
            Ind("1.2", "Jumlah kunjungan wisatawan mancanegara", "orang", "positif", (1500.0, 2000.0, 2500.0),
                desimal=0),
        )),
        Sas("Meningkatnya kontribusi pariwisata terhadap perekonomian daerah", (
            Ind("2.1", "Kontribusi sektor pariwisata terhadap PDRB", "%", "positif", (3.00, 3.20, 3.50)),
            Ind("2.2", "Rata-rata lama tinggal wisatawan", "hari", "positif", (1.80, 2.00, 2.10)),
        )),
    )),
    Opd("3.27.01", "Dinas Tanaman Pangan, Hortikultura dan Perkebunan", "DTPHP", 60, (
        Sas("Meningkatnya produksi tanaman pangan dan hortikultura", (
            Ind("1.1", "Produksi padi", "ton GKG", "positif", (320000.0, 330000.0, 340000.0), desimal=0),
            Ind("1.2", "Produksi cabai", "ton", "positif", (12000.0, 12500.0, 13000.0), desimal=0),
        )),
        Sas("Meningkatnya produktivitas perkebunan rakyat", (
            Ind("2.1", "Produktivitas kelapa sawit perkebunan rakyat", "ton TBS per hektare", "positif",
                (14.50, 15.00, 15.50)),
            Ind("2.2", "Produktivitas kopi robusta", "kg per hektare", "positif", (750.0, 780.0, 800.0), desimal=0),
        )),
        Sas("Meningkatnya kesejahteraan petani", (
            Ind("3.1", "Nilai tukar petani (NTP)", "indeks", "positif", (105.0, 107.0, 110.0), peka=0.3),
        )),
    )),
    Opd("3.27.02", "Dinas Peternakan dan Kesehatan Hewan", "DISNAKKESWAN", 35, (
        Sas("Meningkatnya populasi dan produksi ternak", (
            Ind("1.1", "Populasi sapi potong", "ekor", "positif", (130000.0, 135000.0, 140000.0), desimal=0, peka=0.4),
            Ind("1.2", "Produksi daging", "ton", "positif", (9000.0, 9300.0, 9600.0), desimal=1),
        )),
        Sas("Meningkatnya kesehatan hewan dan kesehatan masyarakat veteriner", (
            pct("2.1", "Persentase kasus penyakit hewan menular strategis yang tertangani", (85.0, 88.0, 90.0)),
            Ind("2.2", "Prevalensi penyakit mulut dan kuku (PMK) pada ternak", "%", "negatif", (None, 2.00, 1.00)),
        )),
    )),
    Opd("3.29.01", "Dinas Energi dan Sumber Daya Mineral", "DESDM", 20, (
        Sas("Meningkatnya akses energi", (
            pct("1.1", "Rasio elektrifikasi", (99.50, 99.70, 99.90)),
            Ind("1.2", "Kapasitas terpasang pembangkit energi baru terbarukan", "MW", "positif", (250.0, 260.0, 280.0)),
        )),
        Sas("Meningkatnya pengelolaan pertambangan yang berkelanjutan", (
            pct("2.1", "Persentase pemegang izin usaha pertambangan yang melaksanakan reklamasi", (40.0, 45.0, 50.0)),
            pct("2.2", "Persentase titik pengambilan air tanah yang berizin", (70.0, 75.0, 80.0)),
        )),
    )),
    Opd("3.30.01", "Dinas Perindustrian dan Perdagangan", "DISPERINDAG", 24, (
        Sas("Meningkatnya kontribusi sektor industri dan perdagangan", (
            Ind("1.1", "Kontribusi sektor industri pengolahan terhadap PDRB", "%", "positif", (5.20, 5.30, 5.40)),
            Ind("1.2", "Pertumbuhan ekspor nonmigas", "%", "positif", (5.00, 5.00, None)),
        )),
        Sas("Terkendalinya harga dan pasokan barang kebutuhan pokok", (
            Ind("2.1", "Tingkat inflasi tahunan (year on year)", "%", "stabil", ((2.0, 4.0), (1.5, 3.5), (1.5, 3.5))),
            Ind("2.2", "Koefisien variasi harga barang kebutuhan pokok", "%", "negatif", (9.00, 8.50, 8.00)),
        )),
    )),
    Opd("4.01.02", "Biro Pemerintahan dan Kesejahteraan Rakyat", "BIROPEMKESRA", 60, (
        Sas("Meningkatnya kualitas penyelenggaraan pemerintahan umum dan otonomi daerah", (
            pct("1.1", "Persentase segmen batas daerah kabupaten/kota yang diselesaikan", (60.0, 70.0, 80.0)),
            Ind("1.2", "Nilai evaluasi kinerja penyelenggaraan pemerintahan daerah (EKPPD)", "nilai (skala 4)",
                "positif", (3.0000, 3.1000, 3.2000), desimal=4, maks=4.0),
        )),
        Sas("Meningkatnya fasilitasi kesejahteraan rakyat", (
            pct("2.1", "Persentase hibah keagamaan dan kemasyarakatan yang tersalurkan tepat waktu",
                (90.0, 92.0, 95.0)),
        )),
    )),
    Opd("4.01.03", "Biro Administrasi Pembangunan", "BIROADPEM", 12, (
        Sas("Meningkatnya kualitas pengendalian pelaksanaan pembangunan", (
            pct("1.1", "Persentase realisasi fisik kegiatan APBD", (95.0, 95.0, 95.0)),
        )),
        Sas("Meningkatnya kualitas layanan pengadaan barang dan jasa", (
            pct("2.1", "Persentase paket tender yang selesai tepat waktu", (85.0, 88.0, 90.0)),
            Ind("2.2", "Rata-rata waktu proses tender", "hari kerja", "negatif", (35.0, 32.0, 30.0), desimal=1,
                rumus="rasio"),
        )),
    )),
    Opd("4.01.04", "Biro Organisasi", "BIROORG", 8, (
        Sas("Meningkatnya efektivitas kelembagaan dan tata laksana", (
            Ind("1.1", "Indeks reformasi birokrasi", "nilai", "positif", (65.0, 68.0, 70.0), maks=100.0),
            pct("1.2", "Persentase OPD dengan standar operasional prosedur yang diperbarui", (70.0, 80.0, 90.0)),
        )),
        Sas("Meningkatnya kualitas pelayanan publik", (
            Ind("2.1", "Indeks pelayanan publik", "indeks (skala 5)", "positif", (3.50, 3.70, 3.90), maks=5.0,
                nama_baru={2024: "Indeks pelayanan publik Pemerintah Provinsi Bengkulu"}),
            Ind("2.2", "Nilai kepatuhan standar pelayanan publik (Ombudsman)", "nilai", "positif", (80.0, 85.0, 88.0),
                maks=100.0),
        )),
    )),
    Opd("4.01.05", "Biro Umum", "BIROUMUM", 65, (
        Sas("Meningkatnya kualitas pelayanan administrasi dan rumah tangga pimpinan", (
            Ind("1.1", "Indeks kepuasan layanan ketatausahaan dan keprotokolan", "indeks", "positif",
                (80.0, 82.0, 84.0), maks=100.0),
            pct("1.2", "Persentase sarana dan prasarana kantor dalam kondisi baik", (80.0, 82.0, 85.0)),
        )),
        Sas("Meningkatnya tertib pengelolaan keuangan Sekretariat Daerah", (
            pct("2.1", "Persentase pertanggungjawaban keuangan yang diverifikasi tepat waktu", (90.0, 92.0, 95.0)),
        )),
    )),
    Opd("4.02.01", "Sekretariat DPRD", "SETWAN", 120, (
        Sas("Meningkatnya kualitas fasilitasi fungsi legislasi, anggaran dan pengawasan DPRD", (
            pct("1.1", "Persentase rancangan perda inisiatif DPRD yang ditetapkan", (70.0, 75.0, 80.0)),
            pct("1.2", "Persentase rekomendasi DPRD atas LKPJ yang ditindaklanjuti", (80.0, 85.0, 90.0)),
        )),
        Sas("Meningkatnya kualitas pelayanan kesekretariatan DPRD", (
            Ind("2.1", "Indeks kepuasan anggota DPRD terhadap layanan Sekretariat DPRD", "indeks", "positif",
                (80.0, 82.0, 84.0), maks=100.0),
        )),
    )),
    Opd("5.01.01", "Badan Perencanaan Pembangunan Daerah", "BAPPEDA", 28, (
        Sas("Meningkatnya kualitas perencanaan pembangunan daerah", (
            pct("1.1", "Persentase konsistensi program RKPD dengan RPJMD", (90.0, 92.0, 95.0)),
            Ind("1.2", "Nilai evaluasi dokumen perencanaan pembangunan daerah", "nilai", "positif", (75.0, 78.0, 80.0),
                maks=100.0),
        )),
        Sas("Meningkatnya inovasi daerah", (
            Ind("2.1", "Indeks inovasi daerah", "indeks", "positif", (40.0, 45.0, 50.0), maks=100.0),
        )),
        Sas("Meningkatnya kinerja makro pembangunan daerah", (
            Ind("3.1", "Laju pertumbuhan ekonomi", "%", "positif", (4.50, 4.80, 5.00)),
            Ind("3.2", "Indeks pembangunan manusia (IPM)", "indeks", "positif", (72.00, 72.60, 73.20), maks=100.0,
                peka=0.1),
        )),
    )),
    Opd("5.02.01", "Badan Keuangan dan Aset Daerah", "BKAD", 980, (
        Sas("Meningkatnya akuntabilitas pengelolaan keuangan daerah", (
            Ind("1.1", "Opini BPK atas laporan keuangan pemerintah daerah", "opini (4 = WTP)", "positif",
                (4.0, 4.0, 4.0), desimal=0, tetap={2022: 4.0, 2023: 4.0, 2024: 4.0}),
            pct("1.2", "Persentase realisasi belanja daerah", (95.0, 95.0, 95.0)),
        )),
        Sas("Meningkatnya pendapatan daerah", (
            Ind("2.1", "Realisasi pendapatan asli daerah", "rupiah", "positif", (950e9, 1000e9, None), desimal=0),
            Ind("2.2", "Rasio pendapatan asli daerah terhadap total pendapatan daerah", "%", "positif",
                (28.0, 29.0, None), maks=100.0),
        )),
        Sas("Meningkatnya tertib pengelolaan barang milik daerah", (
            pct("3.1", "Persentase aset tanah pemerintah daerah yang bersertifikat", (70.0, 75.0, 80.0)),
        )),
    )),
    Opd("5.02.02", "Badan Pendapatan Daerah", "BAPENDA", 0, (
        Sas("Meningkatnya pendapatan asli daerah", (
            Ind("1.1", "Realisasi pendapatan asli daerah", "rupiah", "positif", (None, None, 1050e9), desimal=0),
            Ind("1.2", "Rasio pendapatan asli daerah terhadap total pendapatan daerah", "%", "positif",
                (None, None, 30.0), maks=100.0),
        )),
        Sas("Meningkatnya kepatuhan wajib pajak daerah", (
            pct("2.1", "Persentase kepatuhan wajib pajak kendaraan bermotor", (None, None, 65.0)),
        )),
    ), mulai=datetime.date(2024, 9, 1)),
    Opd("5.03.01", "Badan Kepegawaian Daerah", "BKD", 35, (
        Sas("Meningkatnya profesionalitas aparatur sipil negara", (
            Ind("1.1", "Indeks profesionalitas ASN", "indeks", "positif", (65.0, 70.0, 75.0), maks=100.0),
            Ind("1.2", "Indeks sistem merit", "indeks", "positif", (0.60, 0.65, 0.70), maks=1.0),
        )),
        Sas("Meningkatnya kualitas pelayanan kepegawaian", (
            pct("2.1", "Persentase layanan kepegawaian yang diselesaikan tepat waktu", (90.0, 92.0, 95.0)),
        )),
    )),
    Opd("5.04.01", "Badan Pengembangan Sumber Daya Manusia", "BPSDM", 25, (
        Sas("Meningkatnya kompetensi aparatur", (
            pct("1.1", "Persentase ASN yang memenuhi 20 jam pelajaran pengembangan kompetensi", (60.0, 70.0, 80.0)),
            Ind("1.2", "Indeks kepuasan peserta pelatihan", "indeks", "positif", (80.0, 82.0, 85.0), maks=100.0),
        )),
        Sas("Meningkatnya kualitas penyelenggaraan pelatihan", (
            pct("2.1", "Persentase alumni pelatihan yang menerapkan hasil pelatihan", (70.0, 75.0, 80.0)),
        )),
    )),
    Opd("5.06.01", "Badan Penghubung", "BADANPENGHUBUNG", 10, (
        Sas("Meningkatnya promosi potensi daerah di tingkat nasional", (
            Ind("1.1", "Jumlah promosi potensi daerah yang difasilitasi", "kegiatan", "positif", (12.0, 12.0, 15.0),
                desimal=0),
            Ind("1.2", "Indeks kepuasan tamu pemerintah daerah yang dilayani", "indeks", "positif", (82.0, 84.0, 85.0),
                maks=100.0),
        )),
        Sas("Meningkatnya kerja sama daerah", (
            Ind("2.1", "Jumlah kerja sama daerah yang difasilitasi", "dokumen", "positif", (5.0, 6.0, 8.0), desimal=0),
        )),
    )),
    Opd("6.01.01", "Inspektorat Daerah", "INSPEKTORAT", 22, (
        Sas("Meningkatnya akuntabilitas kinerja dan keuangan pemerintah daerah", (
            Ind("1.1", "Nilai SAKIP Pemerintah Provinsi Bengkulu", "nilai", "positif", (65.0, 67.0, 70.0), maks=100.0),
            pct("1.2", "Persentase temuan BPK yang ditindaklanjuti", (80.0, 85.0, 90.0)),
        )),
        Sas("Meningkatnya kapabilitas APIP dan maturitas SPIP", (
            Ind("2.1", "Level kapabilitas APIP", "level", "positif", (3.0, 3.0, 3.0), desimal=0,
                tetap={2022: 3.0, 2023: 3.0, 2024: 3.0}),
            Ind("2.2", "Level maturitas SPIP", "level", "positif", (3.00, 3.20, 3.50), maks=5.0),
        )),
    )),
    Opd("8.01.01", "Badan Kesatuan Bangsa dan Politik", "KESBANGPOL", 40, (
        Sas("Meningkatnya kualitas demokrasi dan wawasan kebangsaan", (
            Ind("1.1", "Indeks demokrasi Indonesia (IDI) Provinsi Bengkulu", "indeks", "positif", (78.0, 79.0, 80.0),
                maks=100.0),
            pct("1.2", "Persentase potensi konflik sosial yang tertangani", (100.0, 100.0, 100.0)),
        )),
        Sas("Meningkatnya partisipasi politik masyarakat", (
            pct("2.1", "Persentase organisasi kemasyarakatan yang terverifikasi", (60.0, 65.0, 70.0)),
            pct("2.2", "Tingkat partisipasi pemilih pada pemilu dan pilkada", (None, None, 77.5)),
        )),
    )),
)

#: Designated performance levels (1.0 = on target) of laggards and leaders per year; every other OPD
#: draws its level around 1. Capaian follow them only roughly (precision, ceilings, noise).
OUTLIERS = {
    2022: {"DISPERKIM": 0.71, "DISPORA": 0.68, "DISPAR": 1.22},
    2023: {"DISPERKIM": 0.70, "SATPOLPP": 0.71, "DISPAR": 1.26},
    2024: {"DISPERKIM": 0.71, "BADANPENGHUBUNG": 0.68, "DISPAR": 1.24, "DISKOPUKM": 1.22},
}
#: Composite indices and scores move less than counts and shares from one year to the next.
SLOW_UNITS = ("indeks", "nilai", "skor")
#: Share of number cells an analyst typed as Indonesian text.
TEXT_SHARE = 0.10
#: Budget growth from the 2023 ceiling.
PAGU_GROWTH = {2022: 0.94, 2023: 1.0, 2024: 1.05}


# --- drawing and realising ---


@dataclass
class Dataset:
    """The tables: ``kinerja`` (tidy, numbers as floats, plus ``_sel_target`` and
    ``_sel_realisasi``: what the workbook cell holds), ``opd`` (master list), ``anggaran``,
    ``triwulan`` (the quarters of :data:`QUARTER_YEAR`) and ``renstra`` (the plan
    :data:`RENSTRA_PERIOD`, wide: ``target_<tahun>`` columns)."""

    kinerja: pd.DataFrame
    opd: pd.DataFrame
    anggaran: pd.DataFrame
    nudges: list[str]
    triwulan: pd.DataFrame = field(default_factory=pd.DataFrame)
    renstra: pd.DataFrame = field(default_factory=pd.DataFrame)


def code_and_name(opd: Opd, tahun: int) -> tuple[str, str]:
    if opd.lama and tahun <= opd.lama.sampai:
        return opd.lama.kode, opd.lama.nama
    return opd.kode, opd.nama


def in_year(opd: Opd, tahun: int) -> bool:
    return opd.mulai is None or opd.mulai.year <= tahun


def draw(seed: int) -> pd.DataFrame:
    """One row per indicator and year with its random draws (no realisasi yet)."""
    rng = np.random.default_rng(seed)
    # persistent parts first: an OPD and an indicator tend to do as well as the year before
    opd_bias = {opd.singkatan: rng.normal(0.0, 0.03) for opd in CATALOG}
    ind_bias = {(opd.singkatan, ind.kode): rng.normal(0.0, 0.045)
                for opd in CATALOG for sas in opd.sasaran for ind in sas.indikator}
    rows = []
    for tahun in YEARS:
        position = YEARS.index(tahun)
        for opd in CATALOG:
            level_draw = float(np.clip(1.0 + opd_bias[opd.singkatan] + rng.normal(0.0, 0.03), 0.88, 1.12))
            if not in_year(opd, tahun):
                continue
            outlier = OUTLIERS[tahun].get(opd.singkatan)
            kode_opd, nama_opd = code_and_name(opd, tahun)
            for sas in opd.sasaran:
                for ind in sas.indikator:
                    noise = ind_bias[(opd.singkatan, ind.kode)] + rng.normal(0.0, 0.035)
                    side, inside = rng.choice((-1.0, 1.0)), rng.uniform(0.1, 0.9)
                    typed, percent_sign = rng.uniform() < TEXT_SHARE, rng.uniform() < 0.4
                    typed_target = rng.uniform() < TEXT_SHARE / 2
                    target = ind.target[position]
                    if target is None:
                        continue
                    is_range = isinstance(target, tuple)
                    rows.append({
                        "tahun": tahun, "kode_opd": kode_opd, "nama_opd": nama_opd, "sasaran": sas.nama,
                        "kode_indikator": f"{opd.prefix}.{ind.kode}",
                        "indikator": ind.nama_baru.get(tahun, ind.nama), "satuan": ind.satuan,
                        "polaritas": ind.polaritas,
                        "target": np.nan if is_range else float(target),
                        "target_bawah": float(target[0]) if is_range else np.nan,
                        "target_atas": float(target[1]) if is_range else np.nan,
                        "rumus": ind.rumus or np.nan,
                        "_singkatan": opd.singkatan, "_ind": ind, "_level": outlier or level_draw,
                        "_biasa": outlier is None, "_noise": float(noise), "_sisi": float(side),
                        "_posisi": float(inside), "_teks": bool(typed), "_persen": bool(percent_sign),
                        "_teks_target": bool(typed_target),
                    })
    frame = pd.DataFrame(rows)
    frame["tahun"] = frame["tahun"].astype("Int64")
    for column in ("kode_opd", "nama_opd", "sasaran", "kode_indikator", "indikator", "satuan", "polaritas", "rumus"):
        frame[column] = frame[column].astype("str")
    return frame


def realise(row, shift: float) -> float:
    """The realisasi of one indicator (rounded to its precision), or NaN when not reported."""
    ind: Ind = row["_ind"]
    tahun = int(row["tahun"])
    if tahun in ind.belum:
        return np.nan
    if tahun in ind.tetap:
        return ind.tetap[tahun]
    level = row["_level"] + (shift if row["_biasa"] else 0.0)
    f = level + row["_noise"]
    target = ind.target[YEARS.index(tahun)]
    ceiling = ind.maks
    reference = target[1] if isinstance(target, tuple) else target
    f = 1.0 + (f - 1.0) * sensitivity(ind, reference)
    if isinstance(target, tuple):
        value = _realise_range(ind.polaritas, target, f, row["_sisi"], row["_posisi"])
    elif ind.polaritas == "positif":
        value = target * f
    elif ind.polaritas == "negatif":
        value = target / f if ind.rumus == "rasio" else target * (2.0 - f)
    else:  # stabil: any deviation from the target costs
        deviation = abs(row["_noise"]) * 0.5 + max(0.0, 1.0 - level)
        value = target * (1.0 + row["_sisi"] * deviation)
    value = max(value, 0.0)
    if ceiling is not None:
        value = min(value, ceiling)
    return round(value, ind.desimal)


def sensitivity(ind: Ind, target: float) -> float:
    """How much of the deviation from target an indicator shows: macro figures and indicators near
    their ceiling move little, composite indices less than counts and shares."""
    if ind.peka is not None:
        return ind.peka
    if ind.maks is not None and target / ind.maks >= 0.9:
        return 0.2
    if ind.satuan.startswith(SLOW_UNITS):
        return 0.5
    return 1.0


def _realise_range(polaritas: str, target: tuple, f: float, side: float, position: float) -> float:
    bawah, atas = target
    if abs(f - 1.0) < 0.06:
        return bawah + (atas - bawah) * position
    better = f > 1.0
    if polaritas == "positif":
        return atas * f if better else bawah * f
    if polaritas == "negatif":
        return bawah * (2.0 - f) if better else atas * (2.0 - f)
    deviation = abs(f - 1.0)
    return atas * (1.0 + deviation) if side > 0 else bawah * (1.0 - deviation)


def with_realisasi(frame: pd.DataFrame, shift: float) -> pd.DataFrame:
    return frame.assign(realisasi=[realise(row, shift) for _, row in frame.iterrows()])


TIDY_COLUMNS = [
    "tahun", "kode_opd", "nama_opd", "sasaran", "kode_indikator", "indikator", "satuan", "polaritas", "target",
    "target_bawah", "target_atas", "rumus", "realisasi",
]


def pemda_capaian(frame: pd.DataFrame) -> pd.Series:
    """Pemda capaian per year under the default rules (percent, unrounded)."""
    result = kinerja.score_table(frame[TIDY_COLUMNS], kinerja.Rules())
    return result.pemda.set_index("tahun")["capaian"]


def calibrate(frame: pd.DataFrame, seed: int) -> tuple[pd.DataFrame, list[str]]:
    """Realisasi such that each year's pemda capaian is within :data:`TOLERANCE` of its goal."""
    rng = np.random.default_rng(seed + 1)
    parts, nudges = [], []
    for tahun in YEARS:
        year = frame[frame["tahun"] == tahun]
        goal = GOALS[tahun]
        low, high = -0.15, 0.15
        for _ in range(40):  # bisection on the common shift of the ordinary OPDs
            middle = (low + high) / 2
            if pemda_capaian(with_realisasi(year, middle))[tahun] < goal:
                low = middle
            else:
                high = middle
        year = with_realisasi(year, (low + high) / 2)
        year, done = _nudge(year, tahun, goal, rng)
        nudges += done
        parts.append(year)
    return pd.concat(parts, ignore_index=True), nudges


def _nudge(year: pd.DataFrame, tahun: int, goal: float, rng) -> tuple[pd.DataFrame, list[str]]:
    """Move the realisasi of ordinary positif indicators by whole units of their precision.

    For such an indicator (positif, single target, inside its ceiling) the pemda capaian is linear
    in R: ΔM = ΔR × 100 / T × w, where w = 1 / (indicators of its sasaran × sasaran of its OPD ×
    OPDs of the year), counting what entered the means."""
    result = kinerja.score_table(year[TIDY_COLUMNS], kinerja.Rules())
    scored = result.indikator.set_index("kode_indikator")
    sasaran_n = result.sasaran.set_index(["kode_opd", "sasaran"])["jumlah_indikator"]
    opd_n = result.opd.set_index("kode_opd")["jumlah_sasaran"]
    n_opd = int(result.pemda["jumlah_opd"].iloc[0])
    candidates = [
        i for i, row in year.iterrows()
        if row["_biasa"] and row["polaritas"] == "positif" and not np.isnan(row["target"])
        and not np.isnan(row["realisasi"]) and not row["_teks"] and row["_ind"].desimal >= 1
        and int(row["tahun"]) not in row["_ind"].tetap
        and (row["_ind"].maks is None or row["realisasi"] < row["_ind"].maks * 0.98)
        and 0.9 <= scored.loc[row["kode_indikator"], "capaian"] / 100 <= 1.1
    ]
    order = list(rng.permutation(candidates))
    done = []
    for i in order:
        current = pemda_capaian(year)[tahun]
        gap = goal - current
        if abs(gap) < TOLERANCE:
            break
        row = year.loc[i]
        ind: Ind = row["_ind"]
        weight = 1.0 / (sasaran_n[(row["kode_opd"], row["sasaran"])] * opd_n[row["kode_opd"]] * n_opd)
        unit = 10.0 ** -ind.desimal
        steps = round(gap / (unit * 100.0 / row["target"] * weight))
        steps = int(np.clip(steps, -round(0.03 * row["target"] / unit), round(0.03 * row["target"] / unit)))
        if steps == 0:
            continue
        new = round(row["realisasi"] + steps * unit, ind.desimal)
        if ind.maks is not None and new > ind.maks:
            continue
        year.loc[i, "realisasi"] = new
        done.append(f"{tahun} {row['kode_indikator']}: realisasi {_id(row['realisasi'], ind.desimal)} → "
                    f"{_id(new, ind.desimal)}")
    final = pemda_capaian(year)[tahun]
    if abs(final - goal) >= TOLERANCE:
        raise RuntimeError(f"calibration of {tahun} missed: {final!r} vs {goal}")
    return year, done


def _id(value: float, desimal: int) -> str:
    return display.angka(value, desimal)


# --- cells as the analyst typed them ---


def cell_text(value: float, desimal: int, satuan: str, percent_sign: bool) -> str:
    """A number as an analyst types it as text: ``87,25``, ``95%``, ``Rp 950.000.000.000``."""
    text = display.angka(value, desimal)
    if satuan == "rupiah":
        return f"Rp {text}"
    if satuan == "%" and percent_sign:
        return f"{text}%"
    return text


def with_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """Add ``_sel_target`` and ``_sel_realisasi``: a number, a text, or what stands for "not reported"."""
    target_cells, realisasi_cells = [], []
    for _, row in frame.iterrows():
        ind: Ind = row["_ind"]
        tahun = int(row["tahun"])
        if np.isnan(row["target"]):
            target_cells.append(None)
        elif row["_teks_target"] or ind.satuan == "rupiah" and tahun == 2022:
            target_cells.append(cell_text(row["target"], ind.desimal, ind.satuan, row["_persen"]))
        else:
            target_cells.append(_number(row["target"], ind.desimal))
        if tahun in ind.belum:
            realisasi_cells.append(ind.belum[tahun])
        elif row["_teks"]:
            realisasi_cells.append(cell_text(row["realisasi"], ind.desimal, ind.satuan, row["_persen"]))
        else:
            realisasi_cells.append(_number(row["realisasi"], ind.desimal))
    return frame.assign(_sel_target=target_cells, _sel_realisasi=realisasi_cells)


def _number(value: float, desimal: int) -> float | int:
    return int(value) if desimal == 0 else float(value)


def keterangan(row) -> str:
    notes = [SINTETIS]
    ind: Ind = row["_ind"]
    tahun = int(row["tahun"])
    opd = next(o for o in CATALOG if o.singkatan == row["_singkatan"])
    if tahun in ind.belum:
        notes.append(NOT_REPORTED_NOTE)
    if tahun in ind.nama_baru:
        notes.append(f"nama indikator diperbarui (sebelumnya: {ind.nama}); kode tetap")
    if opd.mulai is not None:
        notes.append(f"OPD dibentuk {display.tanggal(opd.mulai)}")
    if opd.lama is not None and tahun > opd.lama.sampai:
        notes.append(f"OPD berganti nama dan kode mulai {opd.lama.sampai + 1} "
                     f"(sebelumnya {opd.lama.kode} {opd.lama.nama})")
    return "; ".join(notes)


# --- master list and budget ---


def master_list() -> pd.DataFrame:
    rows = []
    for opd in CATALOG:
        if opd.lama:
            rows.append({"kode_opd": opd.lama.kode, "nama_opd": opd.lama.nama, "singkatan": opd.lama.singkatan,
                         "berlaku_mulai": None, "berlaku_sampai": opd.lama.sampai, "digantikan_oleh": opd.kode})
        rows.append({
            "kode_opd": opd.kode, "nama_opd": opd.nama, "singkatan": opd.singkatan,
            "berlaku_mulai": (datetime.datetime.combine(opd.mulai, datetime.time()) if opd.mulai
                              else opd.lama.sampai + 1 if opd.lama else None),
            "berlaku_sampai": None, "digantikan_oleh": None,
        })
    return pd.DataFrame(rows, dtype=object)


def budget(seed: int) -> pd.DataFrame:
    """Pagu (to the thousand rupiah) and realisasi (to the rupiah) per OPD per year; serapan 80–98 %."""
    rng = np.random.default_rng(seed + 2)
    rows = []
    for tahun in YEARS:
        for opd in CATALOG:
            growth, serapan = rng.normal(PAGU_GROWTH[tahun], 0.04), rng.uniform(0.80, 0.98)
            if not in_year(opd, tahun):
                continue
            billions = 14.0 if opd.mulai else opd.pagu * growth  # Bapenda: September–December 2024
            pagu = round(billions * 1e6) * 1000.0
            kode_opd, _ = code_and_name(opd, tahun)
            rows.append({"tahun": tahun, "kode_opd": kode_opd, "pagu": pagu,
                         "realisasi_anggaran": float(round(pagu * serapan))})
    return pd.DataFrame(rows)


# --- quarters (pemantauan triwulan) and the five-year plan (renstra) ---

#: The year whose PK is reported by quarter, and the plan's period (RPJMD Bengkulu 2021–2026).
QUARTER_YEAR = 2024
RENSTRA_PERIOD = (2021, 2026)
COUNTED_UNITS = ("orang", "ton", "ton GKG", "rupiah", "kasus", "unit", "medali", "ekor", "kegiatan", "dokumen",
                 "hektare")


def sifat(ind: Ind) -> str:
    """How the indicator's quarters make its year: counts and amounts add up (kumulatif), average
    durations are means of the quarters (rata_rata), rates, shares and indices are the value at
    the end of the year (akhir)."""
    if ind.satuan in COUNTED_UNITS:
        return "kumulatif"
    if ind.nama.startswith("Rata-rata") and ind.satuan in ("hari", "jam", "hari kerja"):
        return "rata_rata"
    return "akhir"


def _split(total: float, shares, desimal: int) -> list[float]:
    """``total`` in four parts by ``shares``, rounded to ``desimal``; the last part takes the rest
    so that the parts add up to ``total`` exactly (as typed)."""
    parts = [round(total * share, desimal) for share in shares[:3]]
    return [*parts, round(total - sum(parts), desimal)]


def _spread(mean: float, size: float, desimal: int) -> list[float]:
    """Four values whose mean is ``mean`` exactly: ``mean`` ± steps of the last typed decimal."""
    step = 10.0 ** -desimal
    a = max(1, int(round(abs(mean) * size / step)))
    b = a // 2
    return [round(mean + k * step, desimal) for k in (-a, -b, b, a)]


def quarters(frame: pd.DataFrame, seed: int) -> pd.DataFrame:
    """Quarterly target (rencana aksi) and realisasi of every indicator of :data:`QUARTER_YEAR`
    with a point target, consistent with its annual row under its ``sifat``; an indicator not
    reported for the year has quarters 1–3 and an empty quarter 4."""
    rng = np.random.default_rng(seed + 3)
    rows = []
    year = frame[frame["tahun"] == QUARTER_YEAR]
    for _, row in year.iterrows():
        ind: Ind = row["_ind"]
        target, realisasi = float(row["target"]), float(row["realisasi"])
        if np.isnan(target):
            continue  # a range target has no quarterly plan here
        kind, d = sifat(ind), ind.desimal
        reported = not np.isnan(realisasi)
        year_value = realisasi if reported else target * 0.9
        shares = np.array([0.2, 0.25, 0.25, 0.3]) + rng.normal(0, 0.015, 4)
        done = np.array([0.2, 0.25, 0.25, 0.3]) + rng.normal(0, 0.025, 4)
        noise = rng.normal(0, 0.03, 3)
        if kind == "kumulatif":
            targets = _split(target, shares / shares.sum(), d)
            values = _split(year_value, done / done.sum(), d)
        elif kind == "rata_rata":
            targets = _spread(target, 0.03, d)
            values = _spread(year_value, 0.04, d)
        else:  # akhir: a path toward the year's target and realisasi
            start = 0.9 if ind.polaritas == "positif" else 1.1 if ind.polaritas == "negatif" else 1.0
            targets = [round(target * (start + (1 - start) * q / 4), d) for q in (1, 2, 3)] + [target]
            ratio = year_value / target if target else 1.0
            values = [round(t * ratio * (1 + e), d) for t, e in zip(targets[:3], noise)] + [year_value]
            if ind.maks is not None:
                values = [min(v, ind.maks) for v in values]
        for q in range(4):
            last = q == 3
            rows.append({
                "tahun": QUARTER_YEAR, "kode_opd": row["kode_opd"], "kode_indikator": row["kode_indikator"],
                "indikator": row["indikator"], "triwulan": q + 1, "target": targets[q],
                "realisasi": None if (last and not reported) else values[q],
                "keterangan": SINTETIS + ("; " + NOT_REPORTED_NOTE if last and not reported else ""),
                "_desimal": d,
            })
    return pd.DataFrame(rows)


def renstra(frame: pd.DataFrame) -> pd.DataFrame:
    """The plan 2021–2026 of every OPD of :data:`QUARTER_YEAR`, one row per indicator with a point
    target that year: the PK targets where a year has one, the mean yearly step of those targets
    before and after them, ``target_akhir`` = the last year's. An OPD created during the period
    has a plan from its first year."""
    first, last = RENSTRA_PERIOD
    rows = []
    for _, row in frame[frame["tahun"] == QUARTER_YEAR].iterrows():
        ind: Ind = row["_ind"]
        if np.isnan(row["target"]):
            continue
        opd = next(o for o in CATALOG if o.singkatan == row["_singkatan"])
        start = max(first, opd.mulai.year) if opd.mulai else first
        known = {tahun: float(t) for tahun, t in zip(YEARS, ind.target) if t is not None and not isinstance(t, tuple)}
        years = sorted(known)
        step = (known[years[-1]] - known[years[0]]) / (years[-1] - years[0]) if len(years) > 1 else 0.0
        targets = {}
        for tahun in range(start, last + 1):
            if tahun in known:
                value = known[tahun]
            elif tahun < years[0]:
                value = known[years[0]] - step * (years[0] - tahun)
            else:
                value = known[years[-1]] + step * (tahun - years[-1])
            value = max(value, 0.0)
            if ind.maks is not None:
                value = min(value, ind.maks)
            targets[tahun] = round(value, ind.desimal)
        rows.append({
            "kode_opd": row["kode_opd"], "kode_indikator": row["kode_indikator"], "indikator": row["indikator"],
            "satuan": row["satuan"], "periode": f"{start}–{last}",
            **{f"target_{tahun}": targets.get(tahun) for tahun in range(first, last + 1)},
            "target_akhir": targets[last], "_desimal": ind.desimal,
        })
    return pd.DataFrame(rows)


def build(seed: int = SEED) -> Dataset:
    """The whole dataset, calibrated (pure: nothing is written)."""
    frame = draw(seed)
    frame, nudges = calibrate(frame, seed)
    frame = with_cells(frame)
    frame["keterangan"] = [keterangan(row) for _, row in frame.iterrows()]
    frame["sifat"] = [sifat(ind) for ind in frame["_ind"]]
    return Dataset(kinerja=frame, opd=master_list(), anggaran=budget(seed), nudges=nudges,
                   triwulan=quarters(frame, seed), renstra=renstra(frame))


# --- workbooks ---


def workbook(data: Dataset, tahun: int, seed: int):
    """The filled template of one year (an openpyxl Workbook)."""
    book = build_template(tahun)
    guide = book["petunjuk"]
    guide.insert_rows(1, amount=3)
    guide["A1"] = SINTETIS_BARIS
    guide["A1"].font = Font(bold=True, size=14, color="C00000")
    guide["A2"] = SINTETIS_ASAL.format(seed=seed)
    guide["A2"].font = Font(italic=True, color="C00000")

    sheet = book["kinerja"]
    rows = data.kinerja[data.kinerja["tahun"] == tahun]
    for r, (_, row) in enumerate(rows.iterrows(), start=2):
        ind: Ind = row["_ind"]
        values = {
            "tahun": tahun, "kode_opd": row["kode_opd"], "nama_opd": row["nama_opd"], "sasaran": row["sasaran"],
            "kode_indikator": row["kode_indikator"], "indikator": row["indikator"], "satuan": row["satuan"],
            "polaritas": row["polaritas"], "target": row["_sel_target"],
            "target_bawah": None if np.isnan(row["target_bawah"]) else float(row["target_bawah"]),
            "target_atas": None if np.isnan(row["target_atas"]) else float(row["target_atas"]),
            "rumus": ind.rumus or None, "realisasi": row["_sel_realisasi"], "bobot": None,
            "sifat": row["sifat"], "keterangan": row["keterangan"],
        }
        for c, name in enumerate(TEMPLATE_COLUMNS, start=1):
            cell = sheet.cell(row=r, column=c, value=values[name])
            if name in ("target", "target_bawah", "target_atas", "realisasi"):
                cell.number_format = "#,##0" if ind.desimal == 0 else "#,##0." + "0" * ind.desimal

    if tahun == YEARS[-1]:  # the versioned master list, once
        opd = book["opd"]
        for r, record in enumerate(data.opd.to_dict("records"), start=2):
            for c, name in enumerate(kinerja.inputs.schema.OPD_COLUMNS, start=1):
                value = record.get(name)  # heads (nama_kepala …) left empty: no real official is named
                cell = opd.cell(row=r, column=c, value=None if pd.isna(value) else value)
                if isinstance(value, datetime.datetime):
                    cell.number_format = "dd/mm/yyyy"

    if tahun == QUARTER_YEAR and not data.triwulan.empty:
        _fill(book["triwulan"], data.triwulan, ("target", "realisasi"))
    if tahun == YEARS[-1] and not data.renstra.empty:  # the plan, once
        _fill(book["renstra"], data.renstra, ())

    anggaran = book["anggaran"]
    for r, record in enumerate(data.anggaran[data.anggaran["tahun"] == tahun].to_dict("records"), start=2):
        for c, name in enumerate(kinerja.inputs.schema.ANGGARAN_COLUMNS, start=1):
            value = record[name]
            anggaran.cell(row=r, column=c, value=int(value) if name != "kode_opd" else value)

    book.properties.title = f"{SINTETIS}: Perjanjian Kinerja {tahun} Pemerintah Provinsi Bengkulu (bukan data resmi)"
    book.properties.subject = SINTETIS_BARIS
    book.properties.description = SINTETIS_ASAL.format(seed=seed)
    book.properties.keywords = "contoh sintetis; bukan data resmi; kinerja"
    book.properties.creator = "kinerja (scripts/generate_sample_data.py)"
    book.properties.lastModifiedBy = "kinerja"
    book.properties.created = STAMP
    book.properties.modified = STAMP
    return book


def _fill(sheet, table: pd.DataFrame, number_columns: tuple[str, ...]) -> None:
    """Rows of ``table`` under the template header of ``sheet`` (matched by the readers' schema)."""
    schema = kinerja.inputs.schema
    headers = [cell.value for cell in sheet[1]]
    names = [schema.year_target_column(h) or schema.column_for_header(h, schema.SHEETS[sheet.title]) for h in headers]
    for r, record in enumerate(table.to_dict("records"), start=2):
        for c, name in enumerate(names, start=1):
            value = record.get(name)
            if value is None or (isinstance(value, float) and np.isnan(value)):
                continue
            if isinstance(value, float) and record["_desimal"] == 0 and value.is_integer():
                value = int(value)
            cell = sheet.cell(row=r, column=c, value=value)
            if name in number_columns or str(name).startswith("target"):
                cell.number_format = "#,##0" if record["_desimal"] == 0 else "#,##0." + "0" * record["_desimal"]


def workbook_bytes(book) -> bytes:
    """The workbook as xlsx bytes with fixed zip timestamps (openpyxl's ``save`` stamps the time)."""
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()
    fixed = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=STAMP.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return fixed.getvalue()


def write(data: Dataset, out: Path, seed: int) -> list[Path]:
    """Write ``kinerja-<tahun>.xlsx`` for every year into ``out``: all workbooks are made in memory
    first, then each file is replaced atomically."""
    contents = {out / f"kinerja-{tahun}.xlsx": workbook_bytes(workbook(data, tahun, seed)) for tahun in YEARS}
    out.mkdir(parents=True, exist_ok=True)
    for path, content in contents.items():
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_bytes(content)
        temporary.replace(path)
    return list(contents)


def summary(result) -> list[str]:
    lines = []
    for tahun in YEARS:
        opd = result.opd[result.opd["tahun"] == tahun]
        pemda = result.pemda.set_index("tahun").loc[tahun]
        lines.append(
            f"{tahun}: capaian pemda {display.persen(pemda['capaian'])} "
            f"(tanpa pembulatan {float(pemda['capaian'])!r}); "
            f"{len(opd)} OPD, {int(pemda['jumlah_indikator'])} indikator terhitung; OPD < 76: "
            f"{int((opd['capaian'] < 76).sum())}, 85–115: {int(opd['capaian'].between(85, 115).sum())}, "
            f"> 120: {int((opd['capaian'] > 120).sum())}"
        )
    change = result.perubahan_pemda.set_index("tahun")
    for tahun in YEARS[1:]:
        lines.append(f"{tahun} dibanding {tahun - 1}: {display.poin(change.loc[tahun, 'selisih_poin'])}, "
                     f"{display.perubahan(change.loc[tahun, 'perubahan_persen'], 3)} relatif")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Tulis data contoh SINTETIS Provinsi Bengkulu 2022–2024.")
    parser.add_argument("--seed", type=int, default=SEED, help=f"benih acak (bawaan {SEED})")
    parser.add_argument("--out", type=Path, default=OUT, help="folder keluaran (bawaan data/contoh)")
    parser.add_argument("--tanpa-periksa", action="store_true", help="jangan membaca ulang buku kerja yang ditulis")
    args = parser.parse_args(argv)

    data = build(args.seed)
    paths = write(data, args.out, args.seed)
    for path in paths:
        print(f"ditulis: {path}")
    for nudge in data.nudges:
        print(f"kalibrasi: {nudge}")
    in_memory = kinerja.score_table(data.kinerja[TIDY_COLUMNS], kinerja.Rules(), opd=data.opd)
    for line in summary(in_memory):
        print(line)
    if not args.tanpa_periksa:  # read back through the readers: the same figures, no galat
        loaded = kinerja.load(paths)
        read = kinerja.score_table(loaded.tidy, kinerja.Rules(), opd=loaded.opd)
        pd.testing.assert_frame_equal(read.pemda, in_memory.pemda)
        for finding in loaded.findings:
            print(finding)
        print(f"dibaca ulang: {len(loaded.tidy)} baris, {len(loaded.findings)} peringatan, angka pemda sama")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
