"""Every text kinerja shows to users, in Bahasa Indonesia, in one place.

Templates use :meth:`str.format` fields. Messages about inputs say what is wrong *and* what to do.
"""

from __future__ import annotations


def angka_aturan(value: float) -> str:
    """A number from the rules (a cap, a floor, a scale bound) as people write it in a regulation:
    no trailing ``,0``, Indonesian decimal comma, no rounding (``120``, ``90,5``)."""
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value).replace(".", ",")


# --- notes on indicator capaian (column ``catatan``) ---
CATATAN_REALISASI_KOSONG = "tidak dapat dihitung: realisasi belum dilaporkan"
CATATAN_TARGET_KOSONG = "tidak dapat dihitung: target kosong"
CATATAN_TARGET_NOL = "tidak dapat dihitung: target 0 sedangkan realisasi bukan 0"
CATATAN_RASIO_NOL = "tidak dapat dihitung: realisasi 0 pada rumus rasio (T/R)"
CATATAN_TARGET_NEGATIF = "tidak dapat dihitung: target bernilai negatif"
CATATAN_POLARITAS_TIDAK_DIKENAL = "tidak dapat dihitung: polaritas tidak dikenal"
CATATAN_NOL_NOL = "target 0 dan realisasi 0: capaian 100"
CATATAN_DALAM_RENTANG = "realisasi dalam rentang target: capaian 100"
CATATAN_LANTAI = "capaian di bawah {lantai} dinaikkan menjadi {lantai}"
CATATAN_TARGET_NOL_LANTAI = "target 0 dan realisasi melewatinya: capaian {lantai}"
CATATAN_DIBATASI = "dihitung {batas} dalam rata-rata (batas atas {batas})"

# --- year-over-year notes ---
TIDAK_DAPAT_DIBANDINGKAN = "tidak dapat dibandingkan"
TIDAK_DAPAT_DIBANDINGKAN_BARU = TIDAK_DAPAT_DIBANDINGKAN + ": tidak ada padanannya pada tahun {tahun}"
TIDAK_DAPAT_DIBANDINGKAN_HILANG = TIDAK_DAPAT_DIBANDINGKAN + ": tidak ada lagi pada tahun {tahun}"
TIDAK_DAPAT_DIBANDINGKAN_TAK_TERHITUNG = TIDAK_DAPAT_DIBANDINGKAN + ": capaian {tahun} tidak dapat dihitung"
TIDAK_DAPAT_DIBANDINGKAN_KEDUANYA = (
    TIDAK_DAPAT_DIBANDINGKAN + ": capaian {sebelumnya} dan {tahun} tidak dapat dihitung"
)
PERUBAHAN_DASAR_NOL = "perubahan persen tidak terdefinisi karena capaian tahun sebelumnya 0"

# --- predikat scales ---
SKALA_SISANYA = "selebihnya"
SKALA_KOSONG = "Skala predikat '{nama}' tidak mempunyai tingkat."
SKALA_TANPA_SISA = "Skala predikat '{nama}': tingkat terakhir harus tanpa batas bawah (menampung sisanya)."
SKALA_BATAS_KOSONG = "Skala predikat '{nama}': setiap tingkat kecuali yang terakhir perlu batas_bawah berupa angka."
SKALA_TIDAK_URUT = "Skala predikat '{nama}': batas_bawah harus menurun dari tingkat tertinggi ke terendah."
SKALA_PREDIKAT_GANDA = "Skala predikat '{nama}': nama predikat harus terisi dan tidak boleh ganda."
SKALA_TIDAK_DIKENAL = "Skala predikat '{nama}' tidak dikenal. Pilihan: {pilihan}."

# --- rules ---
ATURAN_PILIHAN = "Aturan '{nama}' bernilai '{nilai}', padahal pilihannya: {pilihan}."
ATURAN_BUKAN_ANGKA = "Aturan '{nama}' harus berupa angka atau kosong (null), bukan '{nilai}'."
ATURAN_BATAS_ATAS = "Aturan 'batas_atas' harus lebih dari 0 (misalnya 100, 120 atau 150), bukan {nilai}."
ATURAN_LANTAI_BATAS = "Aturan 'lantai' ({lantai}) harus lebih kecil daripada 'batas_atas' ({batas})."
ATURAN_SKALA = "Aturan 'skala_predikat' harus berupa skala predikat, bukan '{nilai}'."

# --- files ---
BERKAS_TIDAK_ADA = "Berkas tidak ditemukan. Periksa nama dan foldernya."
BERKAS_FOLDER = "Ini sebuah folder, bukan berkas CSV."
BERKAS_BUKAN_UTF8 = "Berkas tidak dapat dibaca sebagai teks UTF-8. Simpan ulang sebagai 'CSV UTF-8'."
BERKAS_KOSONG = "Berkas kosong: tidak ada baris judul kolom."
BERKAS_RUSAK = "Berkas CSV tidak dapat diurai ({rincian}). Periksa tanda kutip dan jumlah kolom tiap baris."
BERKAS_JENIS = "Jenis berkas tidak dikenali: gunakan berkas .csv."

# --- columns and cells ---
KOLOM_WAJIB_HILANG = "Kolom wajib ini tidak ada pada baris judul. Tambahkan kolomnya (lihat README)."
KOLOM_GANDA = "Nama kolom ini muncul lebih dari sekali pada baris judul. Hapus atau ganti salah satunya."
KOLOM_TIDAK_DIKENAL = "Kolom ini tidak dikenal dan diabaikan."
WAJIB_DIISI = "Sel ini wajib diisi."
BUKAN_ANGKA = "Bukan angka. Tulis angka dengan titik desimal (mis. 100.86) atau kosongkan bila belum ada."
TAHUN_TIDAK_SAH = "Tahun harus bilangan bulat empat angka, misalnya 2024."
POLARITAS_TIDAK_DIKENAL = "Polaritas tidak dikenal. Gunakan positif, negatif atau stabil."
RUMUS_TIDAK_DIKENAL = "Rumus tidak dikenal. Kosongkan (rumus bawaan polaritas) atau tulis rasio."
SATUAN_KOSONG = "Satuan kosong. Isi satuan indikator (%, orang, bulan, …) agar tabel laporan lengkap."
TARGET_KOSONG = "Target kosong. Isi target, atau target_bawah dan target_atas untuk target rentang."
TARGET_DAN_RENTANG = "Isi target atau rentang (target_bawah dan target_atas), jangan keduanya."
RENTANG_SEPARUH = "Target rentang perlu target_bawah dan target_atas sekaligus."
RENTANG_TERBALIK = "target_bawah lebih besar daripada target_atas. Tukar kedua nilainya."
RASIO_BUKAN_NEGATIF = "Rumus rasio (T/R) hanya untuk indikator berpolaritas negatif. Kosongkan rumusnya."
BOBOT_NEGATIF = "Bobot tidak boleh negatif."
BOBOT_WAJIB = "Agregasi OPD 'bobot' dipilih, tetapi bobot indikator ini kosong. Isi bobotnya."
INDIKATOR_GANDA = "Indikator ini sudah ada untuk OPD dan tahun yang sama ({berkas} baris {baris}). Hapus salah satunya."
KODE_INDIKATOR_GANDA = "kode_indikator ini sudah dipakai pada tahun yang sama ({berkas} baris {baris}). Beri kode lain."
NAMA_OPD_BERBEDA = "kode_opd yang sama bernama lain pada tahun yang sama ('{nama}'). Samakan nama OPD-nya."

# --- summaries ---
INPUT_GAGAL = "Data masukan mengandung {jumlah} galat; tidak ada yang dihitung."
TEMUAN_LAINNYA = "… dan {jumlah} temuan lainnya."

# --- params files ---
PARAMS_TIDAK_ADA = "{berkas}: berkas parameter tidak ditemukan."
PARAMS_TIDAK_TERBACA = "{berkas}: berkas parameter tidak dapat dibaca ({rincian})."
PARAMS_YAML_RUSAK = "{berkas}: bukan YAML yang sah: {rincian}"
PARAMS_YAML_POSISI = "baris {baris}, kolom {kolom}: {masalah}"
PARAMS_KUNCI_GANDA = "kunci '{kunci}' ditulis dua kali"
PARAMS_KUNCI = "{berkas}: kunci '{kunci}': {masalah}"
PARAMS_NILAI = " (nilai: {nilai!r})"
PARAMS_TIDAK_DIKENAL = "tidak dikenal. Kunci yang dikenal: {dikenal}."
PARAMS_MAKSUD = " Mungkin maksudnya '{usul}'?"
PARAMS_BUKAN_PEMETAAN = "harus berupa pemetaan (kunci: nilai)."
PARAMS_TAHUN = "harus tahun berupa bilangan bulat, misalnya 2024."
PARAMS_DAFTAR_TEKS = "harus berupa daftar jalur berkas."
PARAMS_OPD = "harus 'semua' atau daftar kode_opd."
PARAMS_TEKS = "harus berupa teks."
PARAMS_SKALA_NAMA = "skala bawaan tidak dikenal. Pilihan: {pilihan}; atau tulis skala sendiri dengan 'tingkat'."
PARAMS_SKALA_TINGKAT = "harus berupa daftar tingkat, dari yang tertinggi."

# --- command line ---
CLI_DESKRIPSI = (
    "kinerja: menghitung, menganalisis dan menerbitkan capaian kinerja OPD terhadap\n"
    "Perjanjian Kinerja (PK) pemerintah daerah."
)
CLI_EPILOG = (
    "Contoh:\n"
    "  kinerja score data/contoh-kecil/kinerja.csv --out _hasil\n"
    "  kinerja score 2023.csv 2024.csv --params params/2024.yml --out _hasil\n\n"
    "Kode keluar: 0 berhasil, 1 data atau parameter bermasalah (tidak ada yang ditulis), 2 salah pakai."
)
CLI_PERINTAH = "perintah"
CLI_SCORE_RINGKAS = "hitung capaian indikator, sasaran, OPD dan pemda beserta perubahan antartahun"
CLI_SCORE_DESKRIPSI = (
    "Membaca satu atau beberapa berkas CSV (beberapa tahun sekaligus), memeriksanya, menghitung capaian\n"
    "dan menulis tabel CSV standar (koma, titik desimal, UTF-8, tanpa pembulatan) ke FOLDER:\n"
    "indikator.csv, sasaran.csv, opd.csv, pemda.csv, perubahan_indikator.csv, perubahan_opd.csv,\n"
    "perubahan_pemda.csv. Bila data bermasalah, semua galat dilaporkan dan FOLDER tidak disentuh."
)
CLI_ARG_DATA = "berkas CSV data kinerja, satu baris per indikator per tahun"
CLI_ARG_PARAMS = "berkas parameter YAML (mis. params/2024.yml); aturan bawaan bila tidak diberikan"
CLI_ARG_OUT = "folder tujuan tabel hasil (dibuat bila belum ada)"
CLI_ARG_QUIET = "jangan tampilkan ringkasan"
CLI_ARG_VERSI = "tampilkan versi kinerja lalu keluar"
CLI_GALAT = "GALAT {pesan}"
CLI_GALAT_BERKAS = "GALAT {berkas}: tidak dapat dibaca atau ditulis ({rincian})."
CLI_DIHENTIKAN = "Dihentikan."
CLI_DIBACA = "Dibaca {berkas} berkas: {indikator} indikator, {opd} OPD, tahun {tahun}."
CLI_CAPAIAN_PEMDA = "Capaian kinerja pemda:"
CLI_CAPAIAN_TAHUN = "  {tahun}: {capaian} ({predikat})"
CLI_TANPA_PREDIKAT = "tanpa predikat: tidak ada capaian yang dapat dihitung"
CLI_PERUBAHAN = ", {poin} ({persen} relatif) dibanding {sebelumnya}"
CLI_PEMDA_BANYAK = "Capaian dihitung untuk {jumlah} pasangan pemda dan tahun."
CLI_METODE = "Metode: pemda {pemda}, OPD {opd}, {batas}; predikat: {skala}."
CLI_TANPA_BATAS = "tanpa batas atas"
CLI_BATAS = "batas atas {batas} dalam rata-rata"
CLI_HASIL = "Hasil ditulis ke {folder}: {berkas}."

#: argparse's own texts, in Bahasa Indonesia.
CLI_ARGPARSE = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen posisi",
    "options": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan tidak sah: %(value)r (pilih dari %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "expected one argument": "perlu satu nilai",
    "expected at least one argument": "perlu sekurang-kurangnya satu nilai",
    "expected at most one argument": "perlu paling banyak satu nilai",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "opsi ambigu: %(option)s bisa berarti %(matches)s",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "ignored explicit argument %r": "argumen eksplisit %r diabaikan",
}
