"""Seeded synthetic national dataset: every pemda of Indonesia, ~40 OPD each, ~10 indicators per
OPD, over 5 years (about 1.1 million indicator rows), written as a :class:`store.Store`.

    .venv/bin/python benchmarks/generate_national.py --seed 1 --out _bench/nasional
    .venv/bin/python benchmarks/generate_national.py --seed 1 --pemda 4 --out /tmp/kecil   # 4 pemda only

The data is SYNTHETIC (contoh sintetis, bukan data resmi): pemda codes follow the shape of the
Kemendagri codes (38 provinces ``11`` … ``96`` and 514 regencies/cities ``11.01`` …), OPD codes
repeat in every pemda (``1.02.01`` is the Dinas Kesehatan everywhere, as in the national
nomenclature), names are made up. The mix exercises every rule: polarities (about 65 % positif,
25 % negatif, 10 % stabil), range targets (~5 %), negatif with ``rumus: rasio`` (~20 % of
negatif), target 0 (~1 %), realisasi not reported (~3 %), realisasi far off target (floored
capaian), ``bobot``, ~5 % of indicators without ``kode_indikator`` (matched across years by OPD and
name; a third of those retyped in upper case with other punctuation in some years) and ~3 % of
indicators replaced from one year to the next.

The same seed always gives the same table.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).absolute().parents[1]))

from store import Store

PROVINCE_CODES = [
    "11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36", "51", "52",
    "53", "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76", "81", "82", "91", "92", "93", "94",
    "95", "96",
]
REGENCIES_AND_CITIES = 514
YEARS = (2021, 2022, 2023, 2024, 2025)

#: A national-looking OPD master list (code, name); each pemda has a random subset of ~40.
OPD_MASTER = [
    ("1.01.01", "Dinas Pendidikan"), ("1.02.01", "Dinas Kesehatan"), ("1.02.02", "RSUD"),
    ("1.03.01", "Dinas Pekerjaan Umum dan Penataan Ruang"), ("1.04.01", "Dinas Perumahan dan Kawasan Permukiman"),
    ("1.05.01", "Satuan Polisi Pamong Praja"), ("1.05.02", "Badan Penanggulangan Bencana Daerah"),
    ("1.06.01", "Dinas Sosial"), ("2.07.01", "Dinas Tenaga Kerja dan Transmigrasi"),
    ("2.08.01", "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan KB"),
    ("2.09.01", "Dinas Ketahanan Pangan"), ("2.11.01", "Dinas Lingkungan Hidup dan Kehutanan"),
    ("2.12.01", "Dinas Kependudukan dan Pencatatan Sipil"), ("2.13.01", "Dinas Pemberdayaan Masyarakat dan Desa"),
    ("2.15.01", "Dinas Perhubungan"), ("2.16.01", "Dinas Komunikasi, Informatika dan Statistik"),
    ("2.17.01", "Dinas Koperasi dan UKM"), ("2.18.01", "Dinas Penanaman Modal dan PTSP"),
    ("2.19.01", "Dinas Pemuda dan Olahraga"), ("2.22.01", "Dinas Kebudayaan"),
    ("2.23.01", "Dinas Perpustakaan"), ("2.24.01", "Dinas Kearsipan"), ("3.25.01", "Dinas Kelautan dan Perikanan"),
    ("3.26.01", "Dinas Pariwisata"), ("3.27.01", "Dinas Tanaman Pangan, Hortikultura dan Perkebunan"),
    ("3.27.02", "Dinas Peternakan dan Kesehatan Hewan"), ("3.29.01", "Dinas Energi dan Sumber Daya Mineral"),
    ("3.30.01", "Dinas Perindustrian dan Perdagangan"), ("4.01.01", "Sekretariat Daerah"),
    ("4.01.02", "Biro Pemerintahan dan Kesejahteraan Rakyat"), ("4.01.03", "Biro Administrasi Pembangunan"),
    ("4.01.04", "Biro Organisasi"), ("4.01.05", "Biro Umum"), ("4.02.01", "Sekretariat DPRD"),
    ("5.01.01", "Badan Perencanaan Pembangunan Daerah"), ("5.02.01", "Badan Keuangan dan Aset Daerah"),
    ("5.02.02", "Badan Pendapatan Daerah"), ("5.03.01", "Badan Kepegawaian Daerah"),
    ("5.04.01", "Badan Pengembangan Sumber Daya Manusia"), ("5.05.01", "Badan Penelitian dan Pengembangan"),
    ("6.01.01", "Inspektorat Daerah"), ("7.01.01", "Kecamatan Kota"), ("8.01.01", "Badan Kesatuan Bangsa dan Politik"),
    ("1.03.02", "Dinas Sumber Daya Air"), ("1.03.03", "Dinas Bina Marga"), ("2.20.01", "Dinas Statistik"),
    ("3.28.01", "Dinas Kehutanan"), ("3.31.01", "Dinas Transmigrasi"), ("5.06.01", "Badan Penghubung"),
]
INDICATOR_WORDS = [
    "Persentase", "Indeks", "Angka", "Jumlah", "Rasio", "Tingkat", "Cakupan", "Prevalensi", "Nilai", "Rata-rata lama",
]
INDICATOR_SUBJECTS = [
    "layanan terstandar", "kepuasan masyarakat", "kemiskinan", "pengangguran terbuka", "kematian ibu",
    "penduduk terlayani", "jalan kondisi mantap", "rumah layak huni", "kualitas lingkungan hidup", "desa mandiri",
    "realisasi pendapatan", "temuan audit ditindaklanjuti", "dokumen perencanaan tepat waktu",
    "waktu layanan perizinan", "kunjungan wisatawan", "produksi padi", "kasus stunting", "akses air minum",
    "arsip tertata", "investasi",
]
SATUAN = np.array(
    ["%", "indeks", "orang", "kasus", "km", "unit", "bulan", "hari", "ton", "rupiah (miliar)"], dtype=object
)


def generate(seed: int = 1, years: tuple[int, ...] = YEARS, pemda: int | None = None) -> pd.DataFrame:
    """The national tidy table (columns of :mod:`kinerja.inputs.schema` plus ``_berkas, _lembar, _baris``);
    only the first ``pemda`` pemda when given (small data for tests)."""
    rng = np.random.default_rng(seed)

    # --- pemda ---------------------------------------------------------------------------------
    per_province = np.full(len(PROVINCE_CODES), REGENCIES_AND_CITIES // len(PROVINCE_CODES))
    per_province[: REGENCIES_AND_CITIES % len(PROVINCE_CODES)] += 1
    kode_pemda, nama_pemda = [], []
    for code, count in zip(PROVINCE_CODES, per_province):
        kode_pemda.append(code)
        nama_pemda.append(f"Provinsi Sintetis {code}")
        for k in range(1, count + 1):
            kind = "Kota" if k > count - 2 else "Kabupaten"
            kode_pemda.append(f"{code}.{k:02d}")
            nama_pemda.append(f"{kind} Sintetis {code}.{k:02d}")
    if pemda is not None:
        kode_pemda, nama_pemda = kode_pemda[:pemda], nama_pemda[:pemda]
    n_pemda = len(kode_pemda)

    # --- OPD of each pemda: a random subset of the master list, 34–46 of them ------------------
    master = sorted(OPD_MASTER)  # each pemda lists its OPDs by code, as workbooks usually do
    opd_codes = np.array([c for c, _ in master], dtype=object)
    opd_names = np.array([n for _, n in master], dtype=object)
    opd_pemda, opd_index = [], []
    for p in range(n_pemda):
        chosen = np.sort(rng.choice(len(OPD_MASTER), size=rng.integers(34, 47), replace=False))
        opd_pemda.append(np.full(len(chosen), p))
        opd_index.append(chosen)
    opd_pemda = np.concatenate(opd_pemda)
    opd_index = np.concatenate(opd_index)
    n_opd = len(opd_pemda)

    # --- indicators of each OPD: 6–14 (mean 10) over 2–4 sasaran -------------------------------
    per_opd = rng.integers(6, 15, size=n_opd)
    n_sasaran = rng.integers(2, 5, size=n_opd)
    ind_opd = np.repeat(np.arange(n_opd), per_opd)
    within = np.arange(len(ind_opd)) - np.repeat(np.cumsum(per_opd) - per_opd, per_opd)
    sasaran_no = within * n_sasaran[ind_opd] // per_opd[ind_opd] + 1  # consecutive blocks, as in a PK
    number_in_sasaran = pd.Series(within).groupby(ind_opd * 8 + sasaran_no).cumcount().to_numpy() + 1
    n_ind = len(ind_opd)
    base = _indicator_attributes(rng, n_ind)

    pemda_of = opd_pemda[ind_opd]
    code_of = opd_codes[opd_index[ind_opd]]
    words = rng.integers(0, len(INDICATOR_WORDS), n_ind)
    subjects = rng.integers(0, len(INDICATOR_SUBJECTS), n_ind)
    kode_pemda_arr = np.array(kode_pemda, dtype=object)
    ind_codes = np.array(
        [f"{c}.{s}.{i}" for c, s, i in zip(code_of, sasaran_no, number_in_sasaran)], dtype=object
    )
    ind_names = np.array(
        [f"{INDICATOR_WORDS[w]} {INDICATOR_SUBJECTS[s]} ({c})" for w, s, c in zip(words, subjects, ind_codes)],
        dtype=object,
    )
    sasaran_names = np.array(
        [f"Meningkatnya kinerja {opd_names[opd_index[o]].lower()} bidang {s}" for o, s in zip(ind_opd, sasaran_no)],
        dtype=object,
    )
    no_code = rng.random(n_ind) < 0.05

    # --- years: same indicators, new realisasi; ~3 % replaced by a new indicator each year -------
    frames = []
    generation = np.zeros(n_ind, dtype=int)
    for year in years:
        if year != years[0]:
            replaced = rng.random(n_ind) < 0.03
            generation = generation + replaced
            fresh = _indicator_attributes(rng, n_ind)
            for key in base:
                base[key] = np.where(replaced, fresh[key], base[key])
        suffix = np.where(generation > 0, np.char.add(" v", generation.astype(str)).astype(object), "")
        values = _year_values(rng, base)
        kode_indikator = np.where(no_code, None, ind_codes + suffix)
        names = ind_names + suffix
        # uncoded indicators are matched across years by OPD and name: retype some of them
        # (case, spacing, punctuation) the way analysts do, which the normalised name must absorb
        retyped = np.flatnonzero(no_code & (rng.random(n_ind) < 0.3))
        names[retyped] = [name.upper().replace(" (", "  - (") for name in names[retyped]]
        frames.append(
            pd.DataFrame(
                {
                    "tahun": np.full(n_ind, year),
                    "kode_opd": code_of,
                    "nama_opd": opd_names[opd_index[ind_opd]],
                    "sasaran": sasaran_names,
                    "indikator": names,
                    "satuan": SATUAN[base["satuan"]],
                    "polaritas": base["polaritas"],
                    "target": values["target"],
                    "realisasi": values["realisasi"],
                    "kode_indikator": kode_indikator,
                    "target_bawah": values["target_bawah"],
                    "target_atas": values["target_atas"],
                    "rumus": np.where(base["rasio"], "rasio", None),
                    "bobot": base["bobot"],
                    "keterangan": np.where(rng.random(n_ind) < 0.02, "CONTOH SINTETIS - bukan data resmi", None),
                    "kode_pemda": kode_pemda_arr[pemda_of],
                    "nama_pemda": np.array(nama_pemda, dtype=object)[pemda_of],
                    "_berkas": np.char.add(kode_pemda_arr[pemda_of].astype(str), f"/{year}.xlsx").astype(object),
                    "_lembar": np.full(n_ind, "indikator", dtype=object),
                    "_baris": None,
                }
            )
        )
    table = pd.concat(frames, ignore_index=True)
    table["_baris"] = table.groupby(["kode_pemda", "tahun"], sort=False).cumcount().to_numpy() + 2
    return _typed(table)


def _indicator_attributes(rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    draw = rng.random(n)
    polaritas = np.where(draw < 0.65, "positif", np.where(draw < 0.90, "negatif", "stabil")).astype(object)
    return {
        "polaritas": polaritas,
        "rasio": (polaritas == "negatif") & (rng.random(n) < 0.20),
        "range": rng.random(n) < 0.05,
        "zero_target": rng.random(n) < 0.01,
        "scale": 10.0 ** rng.integers(0, 4, n),
        "satuan": rng.integers(0, len(SATUAN), n),
        "bobot": rng.integers(1, 4, n).astype(float),
    }


def _year_values(rng: np.random.Generator, base: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    n = len(base["polaritas"])
    target = np.round(rng.uniform(1, 100, n) * base["scale"], 2)
    # realisasi around the target (mostly 70–130 %), a few far off (floored or very high capaian)
    factor = rng.normal(1.0, 0.15, n)
    far = rng.random(n) < 0.02
    factor = np.where(far, rng.uniform(0, 3, n), factor)
    realisasi = np.round(np.maximum(target * factor, 0), 2)
    realisasi = np.where(rng.random(n) < 0.01, 0.0, realisasi)
    target = np.where(base["zero_target"], 0.0, target)
    bawah = np.where(base["range"], np.round(target * 0.9, 2), np.nan)
    atas = np.where(base["range"], np.round(target * 1.1, 2), np.nan)
    target = np.where(base["range"], np.nan, target)
    realisasi = np.where(rng.random(n) < 0.03, np.nan, realisasi)  # not yet reported
    return {"target": target, "realisasi": realisasi, "target_bawah": bawah, "target_atas": atas}


def _typed(table: pd.DataFrame) -> pd.DataFrame:
    """The dtypes of a tidy table from the readers: ``tahun`` Int64, text ``str``, numbers float64."""
    for column in table.columns:
        if column == "tahun":
            table[column] = table[column].astype("Int64")
        elif column == "_baris":
            table[column] = table[column].astype("int64")
        elif table[column].dtype == object or pd.api.types.is_string_dtype(table[column]):
            table[column] = pd.array(table[column].to_numpy(dtype=object), dtype="str")
        else:
            table[column] = table[column].astype(float)
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True, help="folder of the Parquet store (its content is replaced)")
    parser.add_argument("--pemda", type=int, help="only the first N pemda (default: all 552)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    table = generate(args.seed, pemda=args.pemda)
    made = time.perf_counter()
    Store(args.out).write(table)
    print(
        f"{len(table):,} rows, {table['kode_pemda'].nunique()} pemda, "
        f"{table.groupby(['kode_pemda', 'tahun'])['kode_opd'].nunique().mean():.1f} OPD per pemda-year, "
        f"years {sorted(table['tahun'].unique().tolist())}; generated in {made - start:.1f} s, "
        f"written to {args.out} in {time.perf_counter() - made:.1f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
