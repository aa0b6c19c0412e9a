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
CATATAN_DIBATASI_INDIKATOR = "dibatasi {batas} (batas atas capaian indikator; tanpa batas {nilai})"

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
ATURAN_BATAS_ATAS_INDIKATOR = (
    "Aturan 'batas_atas_indikator' harus lebih dari 0 (misalnya 100), bukan {nilai}; null berarti tanpa batas."
)
ATURAN_PEMBULATAN = (
    "Aturan 'pembulatan_sebelum_rata' harus bilangan bulat 0 sampai 6 (jumlah angka di belakang koma, "
    "misalnya 2), bukan {nilai}; null berarti tanpa pembulatan."
)
ATURAN_SKALA = "Aturan 'skala_predikat' harus berupa skala predikat, bukan '{nilai}'."

# --- files ---
BERKAS_TIDAK_ADA = "Berkas tidak ditemukan. Periksa nama dan foldernya."
BERKAS_FOLDER = "Ini sebuah folder, bukan berkas CSV."
BERKAS_BUKAN_UTF8 = "Berkas tidak dapat dibaca sebagai teks UTF-8. Simpan ulang sebagai 'CSV UTF-8'."
BERKAS_KOSONG = "Berkas kosong: tidak ada baris judul kolom."
BERKAS_RUSAK = "Berkas CSV tidak dapat diurai ({rincian}). Periksa tanda kutip dan jumlah kolom tiap baris."
BERKAS_JENIS = "Jenis berkas tidak dikenali: gunakan berkas .csv atau buku kerja Excel .xlsx."
FOLDER_KOSONG = "Folder ini tidak berisi berkas .csv atau .xlsx."
BUKU_TANPA_LEMBAR = (
    "Buku kerja tidak mempunyai lembar 'kinerja', 'opd' atau 'anggaran', dan tidak ada lembar yang judul "
    "kolomnya cocok. Gunakan buku kerja dari 'kinerja template'."
)

# --- workbooks as analysts keep them (kinerja.inputs.xlsx_facts, kinerja.inputs.readers) ---
BUKU_NOL_BITA = "Berkas ini kosong (0 bita): tidak ada isinya. Salin ulang berkasnya, atau simpan ulang dari Excel."
BUKU_BERSANDI = (
    "Buku kerja ini dilindungi kata sandi (terenkripsi), sehingga isinya tidak dapat dibaca. Buka di Excel dengan kata "
    "sandinya, hapus kata sandi pembukaan (File > Info > Lindungi Buku Kerja > Enkripsi dengan Kata Sandi, kosongkan), "
    "lalu simpan."
)
BUKU_XLS = (
    "Berkas ini buku kerja Excel 97–2003 (.xls) yang diberi akhiran .xlsx. Buka di Excel lalu simpan sebagai "
    "Buku Kerja Excel (.xlsx)."
)
BUKU_TEKS = (
    "Berkas ini berisi teks (misalnya CSV atau HTML), bukan buku kerja Excel, walaupun berakhiran .xlsx. Bila isinya "
    "CSV, ganti akhirannya menjadi .csv; bila tidak, buka di Excel lalu simpan sebagai Buku Kerja Excel (.xlsx)."
)
BUKU_BUKAN_EXCEL = "Berkas ini bukan buku kerja Excel (.xlsx). Buka di Excel lalu simpan sebagai Buku Kerja Excel (.xlsx)."
BUKU_TERPOTONG = (
    "Buku kerja ini rusak atau terpotong (mungkin belum selesai disalin atau diunduh). Salin ulang berkasnya, atau "
    "buka di Excel lalu simpan ulang."
)
BUKU_ZIP_LAIN = "Berkas ini arsip zip, tetapi bukan buku kerja Excel (.xlsx). Periksa berkasnya."
BUKU_RUSAK_ISI = "Isi buku kerja ini rusak dan tidak dapat dibaca. Buka di Excel (Excel akan menawarkan perbaikan) lalu simpan ulang."
LEMBAR_RUSAK = "Lembar ini rusak dan tidak dapat dibaca. Buka buku kerja di Excel lalu simpan ulang."
LEMBAR_TIDAK_DIBACA = (
    "Lembar ini tidak dibaca: baris judul kolomnya tidak cocok dengan tabel kinerja (kolom wajib: {kinerja}), "
    "anggaran ({anggaran}) maupun daftar OPD (lembar bernama 'opd'). Bila lembar ini berisi data, perbaiki judul "
    "kolomnya."
)
LEMBAR_TERSEMBUNYI = (
    "Lembar ini tersembunyi di Excel, tetapi tetap dibaca seperti lembar lain. Bila isinya bukan data yang berlaku, "
    "hapus lembarnya."
)
RUMUS_TANPA_NILAI = (
    "Sel ini berisi rumus yang belum pernah dihitung (berkas disimpan oleh program yang tidak menghitung rumus), "
    "sehingga nilainya tidak ada. Buka berkas di Excel lalu simpan ulang agar nilai rumusnya tersimpan."
)
SEL_GABUNG_MELINTANG = (
    "Sel {sel} digabung (merge) melintasi beberapa kolom, sehingga nilai tiap kolom baris ini tidak jelas. Bila ini "
    "judul bagian, hapus barisnya; bila bukan, pisahkan selnya dan isi setiap kolom."
)
KOLOM_TANPA_JUDUL = "Kolom ini berisi data tetapi tidak berjudul, sehingga diabaikan. Beri judul kolom atau hapus isinya."
TABEL_TANPA_BARIS = "Tabel {tabel} ini hanya berisi baris judul: tidak ada baris data yang dibaca."
TANPA_BARIS_INDIKATOR = "Data yang diberikan tidak memuat satu baris indikator pun: tidak ada yang dapat diperiksa atau dihitung."
CSV_KOLOM_LEBIH = "Baris ini mempunyai {ada} kolom, padahal baris judulnya {harap} kolom. Periksa pemisah dan tanda kutip pada baris ini."
CSV_KUTIP_TERBUKA = "Tanda kutip yang dibuka di baris ini tidak pernah ditutup. Periksa tanda kutipnya."
CSV_BUKU_KERJA = "Berkas ini buku kerja Excel yang diberi akhiran .csv. Ganti akhirannya menjadi .xlsx."
ANGKA_BERKAS_CAMPUR = (
    "Berkas ini memakai dua cara menulis angka (3.5 dan 3,5) di kolom yang berbeda; setiap kolom dibaca menurut "
    "isinya sendiri. Seragamkan, atau isi 'desimal: koma' atau 'desimal: titik' di berkas parameter."
)
TANDA_DIBUANG = "{jumlah} sel memuat {tanda}; tanda itu dibuang dan angkanya dipakai."
TANGGAL_TIDAK_SAH = "Tanggal tidak dikenali. Tulis seperti 2024-09-01, 01/09/2024, 1 September 2024 atau tahun saja."
TANGGAL_DI_LUAR = "Tanggal ini di luar tahun {awal}–{akhir}. Periksa tahunnya."
OPD_INDUK_GANDA = (
    "kode_opd ini sudah ada dalam daftar induk OPD dengan isi lain ({berkas} baris {baris}). Samakan atau hapus salah satunya."
)
OPD_PENGGANTI_TIDAK_ADA = "OPD pengganti ini tidak ada dalam daftar induk OPD. Tambahkan OPD-nya atau perbaiki kodenya."
OPD_BERLAKU_TERBALIK = "berlaku_sampai lebih awal daripada berlaku_mulai."
OPD_TIDAK_DI_INDUK = "kode_opd ini tidak ada dalam daftar induk OPD (lembar opd). Tambahkan OPD-nya atau perbaiki kodenya."
OPD_TIDAK_BERLAKU = "Menurut daftar induk, OPD '{nama}' tidak berlaku pada tahun {tahun}. Periksa kode OPD atau masa berlakunya."
ANGGARAN_GANDA = "Anggaran OPD ini sudah ada untuk tahun yang sama. Hapus salah satunya."
ANGGARAN_NEGATIF = "Nilai anggaran tidak boleh negatif."
ANGGARAN_LEWAT_PAGU = "Realisasi anggaran melebihi pagu. Periksa angkanya."
ANGGARAN_OPD_TIDAK_DIKENAL = "kode_opd ini tidak ada pada data kinerja maupun daftar induk OPD."
TAHUN_BEDA_BERKAS = "Tahun baris ini berbeda dari tahun {tahun} pada nama berkasnya. Perbaiki tahunnya atau pindahkan barisnya."
TAHUN_LEWAT_PARAMS = "Tahun baris ini melewati tahun parameter {tahun}. Periksa tahunnya atau gunakan berkas parameter tahun itu."
TAHUN_TIDAK_ADA_DATA = "Data tidak memuat satu baris pun untuk tahun parameter {tahun}."
KODE_INDIKATOR_DIPAKAI_LAGI = (
    "kode_indikator ini pada tahun {tahun} dipakai untuk indikator lain ({berkas} baris {baris}). "
    "Beri kode baru untuk indikator yang berbeda."
)
TARGET_MELONJAK = "Target berubah lebih dari 10 kali lipat dari {sebelumnya} pada tahun {tahun}. Periksa satuan dan angkanya."
REALISASI_SAMA_TARGET = (
    "Semua realisasi OPD '{nama}' sama persis dengan targetnya. Periksa apakah realisasi sudah diisi dengan angka sebenarnya."
)

# --- columns and cells ---
KOLOM_WAJIB_HILANG = "Kolom wajib ini tidak ada pada baris judul. Tambahkan kolom '{label}' (lihat lembar petunjuk atau README)."
KOLOM_GANDA = "Nama kolom ini muncul lebih dari sekali pada baris judul. Hapus atau ganti salah satunya."
KOLOM_TIDAK_DIKENAL = "Kolom ini tidak dikenal dan diabaikan."
WAJIB_DIISI = "Sel ini wajib diisi."
TAHUN_TIDAK_SAH = "Tahun harus bilangan bulat empat angka, misalnya 2024."
POLARITAS_TIDAK_DIKENAL = "Polaritas tidak dikenal. Gunakan positif, negatif atau stabil."
TARGET_PEMBANDING_BERTENTANGAN = (
    "Target ditulis '{kata} …' ({arti}), tetapi polaritas baris ini {polaritas}. Target '{kata} x' berarti "
    "{polaritas_tersirat}: ubah polaritasnya, atau tulis targetnya tanpa pembanding."
)
TARGET_PEMBANDING_ARTI = {"maks": "batas atas: semakin rendah semakin baik", "min": "batas bawah: semakin tinggi semakin baik"}
TARGET_PEMBANDING_POLARITAS = {"maks": "negatif", "min": "positif"}
TARGET_PEMBANDING_DIBACA = (
    "{jumlah} target ditulis dengan pembanding ({kata}): dibaca sebagai angka targetnya, dengan arah "
    "sesuai polaritas baris."
)
RASIO_DIBACA = "{jumlah} sel ditulis sebagai rasio 1:x: dibaca sebagai suku keduanya (1:32 → 32)."
RASIO_BUKAN_SATU = (
    "Rasio '{nilai}' tidak diawali 1. Tulis rasio sebagai 1:x (misalnya 1:32), atau tulis angkanya saja."
)
RUMUS_TIDAK_DIKENAL = "Rumus tidak dikenal. Kosongkan (rumus bawaan polaritas) atau tulis rasio."
SATUAN_KOSONG = "Satuan kosong. Isi satuan indikator (%, orang, bulan, …) agar tabel laporan lengkap."
TARGET_KOSONG = "Target kosong. Isi target, atau target_bawah dan target_atas untuk target rentang."
TARGET_DAN_RENTANG = "Isi target atau rentang (target_bawah dan target_atas), jangan keduanya."
RENTANG_SEPARUH = "Target rentang perlu target_bawah dan target_atas sekaligus."
RENTANG_TERBALIK = "target_bawah lebih besar daripada target_atas. Tukar kedua nilainya."
RASIO_BUKAN_NEGATIF = "Rumus rasio (T/R) hanya untuk indikator berpolaritas negatif. Kosongkan rumusnya."
BOBOT_NEGATIF = "Bobot tidak boleh negatif."
BOBOT_WAJIB = "Agregasi OPD 'bobot' dipilih, tetapi bobot indikator ini kosong. Isi bobotnya."
BOBOT_SEMUA_NOL = (
    "Agregasi OPD 'bobot' dipilih, tetapi semua bobot indikator OPD ini pada tahun ini 0, sehingga capaian OPD tidak "
    "dapat dihitung. Beri bobot lebih dari 0 pada indikator yang dinilai."
)
INDIKATOR_GANDA = "Indikator ini sudah ada untuk OPD dan tahun yang sama ({berkas} baris {baris}). Hapus salah satunya."
KODE_INDIKATOR_GANDA = "kode_indikator ini sudah dipakai pada tahun yang sama ({berkas} baris {baris}). Beri kode lain."
KODE_PEMDA_KOSONG = "Data ini memuat beberapa pemda: isi kode_pemda pada setiap baris."
NAMA_PEMDA_BERBEDA = "kode_pemda yang sama bernama lain ('{nama}'). Samakan nama pemda-nya."
NAMA_PEMDA_TANPA_KODE = "nama_pemda diisi tanpa kolom kode_pemda. Tambahkan kode_pemda agar setiap pemda dihitung sendiri."
NAMA_OPD_BERBEDA = "kode_opd yang sama bernama lain pada tahun yang sama ('{nama}'). Samakan nama OPD-nya."

# --- kode_opd as file names (one agency, one file; kinerja.support.names) ---
KODE_OPD_PANJANG = (
    "kode_opd ini lebih dari {batas} karakter, terlalu panjang untuk nama berkas halaman OPD. Pakai kode resmi OPD "
    "yang lebih pendek."
)
KODE_OPD_KENDALI = (
    "kode_opd ini memuat karakter tak terlihat (tab, ganti baris, atau karakter kendali lain), biasanya terbawa saat "
    "menyalin. Ketik ulang kodenya."
)
KODE_OPD_TANPA_HURUF = "kode_opd ini tidak memuat huruf atau angka. Isi kode OPD yang sebenarnya, misalnya 1.02.01."
KODE_OPD_BENTROK = (
    "kode_opd ini dan kode_opd '{kode}' ({berkas} baris {baris}) hanya berbeda huruf besar-kecilnya, sehingga halaman "
    "kedua OPD menjadi satu berkas di Windows dan macOS. Samakan penulisannya bila OPD-nya sama, atau beri kode lain."
)
KODE_OPD_NAMA_BERKAS = (
    "kode_opd ini memuat karakter yang tidak dipakai dalam nama berkas atau alamat halaman (hanya huruf, angka, titik, "
    "tanda hubung dan garis bawah, diawali huruf atau angka); halaman OPD ini diberi nama '{nama}'."
)

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
PARAMS_DESIMAL = "harus otomatis, koma (1.234,5) atau titik (1,234.5)."
PARAMS_SINTETIS = "harus true (data contoh sintetis) atau false."
PARAMS_TANGGAL = "harus tanggal dengan bentuk TTTT-BB-HH, misalnya 2025-02-11."
PARAMS_SKALA_NAMA = "skala bawaan tidak dikenal. Pilihan: {pilihan}; atau tulis skala sendiri dengan 'tingkat'."
PARAMS_SKALA_TINGKAT = "harus berupa daftar tingkat, dari yang tertinggi."

# --- command line ---
CLI_DESKRIPSI = (
    "kinerja: menghitung, menganalisis dan menerbitkan capaian kinerja OPD terhadap\n"
    "Perjanjian Kinerja (PK) pemerintah daerah."
)
CLI_EPILOG = (
    "Contoh:\n"
    "  kinerja init kinerja-saya --pemda \"Kabupaten Contoh\" --contoh   (proyek baru)\n"
    "  kinerja score data/contoh-kecil/kinerja.csv --out _hasil\n"
    "  kinerja score 2023.csv 2024.csv --params params/2024.yml --out _hasil\n\n"
    "Kode keluar: 0 berhasil, 1 data atau parameter bermasalah (tidak ada yang ditulis), 2 salah pakai."
)
CLI_PERINTAH = "perintah"
CLI_SCORE_RINGKAS = "hitung capaian indikator, sasaran, OPD dan pemda beserta perubahan antartahun"
CLI_SCORE_DESKRIPSI = (
    "Membaca berkas CSV, buku kerja Excel atau folder berisi keduanya (beberapa tahun sekaligus),\n"
    "memeriksanya, menghitung capaian dan menulis tabel CSV standar (koma, titik desimal, UTF-8, tanpa\n"
    "pembulatan) ke FOLDER: indikator.csv, sasaran.csv, opd.csv, pemda.csv, perubahan_indikator.csv,\n"
    "perubahan_opd.csv, perubahan_pemda.csv. Bila data bermasalah, semua galat dilaporkan dan FOLDER\n"
    "tidak disentuh."
    + "\nDengan --format parquet tabel yang sama ditulis sebagai berkas Parquet (indikator.parquet …)."
)
CLI_ARG_DATA = "berkas CSV, buku kerja Excel (.xlsx) atau folder berisi keduanya: satu baris per indikator per tahun"
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

# --- Parquet store (store) ---
STORE_TANPA_TAHUN = "{berkas}: setiap baris perlu tahun berupa bilangan bulat sebelum disimpan ke penyimpanan Parquet."
STORE_BUKAN_TABEL = "{berkas}: pembaca sumber mengembalikan {jenis}, bukan tabel (DataFrame)."
STORE_MANIFEST_RUSAK = (
    "{berkas}: manifes penyimpanan Parquet rusak atau dari versi lain ({rincian}). "
    "Hapus folder penyimpanan lalu bangun ulang dari berkas sumber."
)
STORE_TABEL = "tabel"

# --- workbook template (kinerja template) ---
TEMPLATE_JUDUL = "Perjanjian Kinerja {tahun}: target dan realisasi"
TEMPLATE_LEMBAR = "Lembar {lembar}"
TEMPLATE_POLARITAS = "Pilih positif (makin tinggi makin baik), negatif (makin rendah makin baik) atau stabil."
TEMPLATE_RUMUS = "Kosongkan, atau pilih rasio (T/R) untuk indikator negatif."
TEMPLATE_TAHUN = "Buku kerja ini untuk tahun {tahun}."
TEMPLATE_SIFAT = "kumulatif (triwulan dijumlah), akhir (nilai triwulan terakhir) atau rata_rata; kosong: bawaan params."
TEMPLATE_TRIWULAN = "Triwulan 1, 2, 3 atau 4."
TEMPLATE_RENSTRA_TAHUN = "Target Renstra/RPJMD tahun {tahun}; ubah judul tahunnya sesuai periode."
TEMPLATE_PETUNJUK = (
    "1. Isi lembar 'kinerja': satu baris untuk setiap indikator Perjanjian Kinerja (PK) setiap OPD.",
    "2. Kolom berjudul merah wajib diisi. Satuan boleh kosong, tetapi sebaiknya diisi.",
    "3. Target berupa rentang (mis. 7–8 bulan): kosongkan Target, isi Target Bawah dan Target Atas.",
    "4. Realisasi yang belum ada: kosongkan, atau tulis - atau 'belum ada data'. Jangan tulis 0.",
    "5. Angka boleh diketik sebagai angka Excel, atau sebagai teks Indonesia: 100,86 dan 1.234,5.",
    "6. Kode OPD dan Kode Indikator tetap dari tahun ke tahun; kode yang sama berarti OPD/indikator yang sama.",
    "7. Lembar 'opd': daftar induk OPD. OPD yang berganti nama atau digabung: isi Berlaku Sampai dan Digantikan Oleh.",
    "8. Lembar 'anggaran': pagu dan realisasi anggaran setiap OPD (rupiah).",
    "9. Lembar 'triwulan' (pemantauan triwulan, boleh kosong): satu baris per indikator per triwulan 1–4 dengan "
    "Kode Indikator seperti di lembar 'kinerja', target (rencana aksi) dan realisasi triwulan itu. Kolom Sifat di "
    "lembar 'kinerja' menyatakan cara triwulan membentuk tahun: kumulatif (dijumlah), akhir (nilai triwulan terakhir) "
    "atau rata_rata.",
    "10. Lembar 'renstra' (boleh kosong): target Renstra/RPJMD setiap indikator, periode (mis. 2021–2026), satu kolom "
    "'Target <tahun>' untuk setiap tahun periode (ubah judul tahunnya sesuai periode) dan target akhir periode.",
    "11. Periksa buku kerja dengan: kinerja validate NAMA-BERKAS.xlsx",
)

# --- command line: validate and template ---
CLI_VALIDATE_RINGKAS = "periksa data (CSV, buku kerja, folder) tanpa menghitung, dan laporkan setiap temuan"
CLI_VALIDATE_DESKRIPSI = (
    "Membaca berkas CSV, buku kerja Excel atau folder berisi keduanya, lalu memeriksa semuanya: kolom wajib,\n"
    "jenis isian, nilai yang dikenal, indikator ganda, target rentang, kode OPD terhadap daftar induk, kode\n"
    "indikator yang dipakai ulang, tahun yang tidak cocok, target yang melonjak, dan realisasi yang sama persis\n"
    "dengan target. Setiap temuan menyebut berkas, lembar, baris dan kolom. Kode keluar 1 bila ada galat."
)
CLI_ARG_REPORT = "tulis temuan ke berkas .csv atau .xlsx (kolom berkas, lembar, baris, kolom, nilai, pesan, tingkat)"
CLI_ARG_DESIMAL = "cara membaca angka yang diketik sebagai teks: otomatis (bawaan), koma (1.234,5) atau titik (1,234.5)"
CLI_ARG_SEMUA = "tampilkan semua temuan (bawaan: 200 pertama)"
CLI_PEMETAAN = "{tempat}: tabel {tabel}, judul kolom di baris {baris}; angka teks dibaca {konvensi}."
CLI_PEMETAAN_KOLOM = "  kolom '{judul}' dibaca sebagai {kolom}"
CLI_KONVENSI = {
    "id": "sebagai angka Indonesia (1.234,5)",
    "standar": "sebagai angka standar (1,234.5)",
    None: "tanpa perlu menebak (tidak ada angka teks yang bermakna ganda)",
    "campur": "tidak dapat ditentukan: berkas mencampur 3.5 dan 3,5",
}
CLI_VALIDASI_RINGKAS = "Diperiksa {baris} baris indikator: {galat} galat, {peringatan} peringatan."
CLI_LAPORAN_DITULIS = "Laporan temuan ditulis ke {berkas}."
CLI_TEMPLATE_RINGKAS = "buat buku kerja Excel kosong untuk mengisi target dan realisasi satu tahun"
CLI_TEMPLATE_DESKRIPSI = (
    "Menulis buku kerja dengan lembar petunjuk, kinerja (daftar pilihan polaritas dan rumus, judul terkunci),\n"
    "opd (daftar induk OPD) dan anggaran. Isi, lalu periksa dengan 'kinerja validate'."
)
CLI_ARG_TEMPLATE_BERKAS = "berkas .xlsx yang akan dibuat"
CLI_ARG_TAHUN = "tahun anggaran buku kerja (bawaan: tahun ini)"
CLI_ARG_TIMPA = "timpa berkas yang sudah ada"
CLI_TEMPLATE_XLSX = "GALAT nama berkas harus berakhiran .xlsx."
CLI_TEMPLATE_TAHUN = "GALAT --tahun harus tahun empat angka antara {awal} dan {akhir}, bukan {tahun}."
CLI_TEMPLATE_ADA = "GALAT {berkas} sudah ada. Pakai --timpa untuk menimpanya, atau pilih nama lain."
CLI_TEMPLATE_DITULIS = "Buku kerja {berkas} untuk tahun {tahun} ditulis. Isi lembar 'kinerja', lalu jalankan: kinerja validate {berkas}"

# --- numbers typed as text (kinerja.inputs.numbers) ---
#: Examples of a well-written number per convention ("id", "standar", or None: not decided).
ANGKA_CONTOH = {"id": "mis. 100,86 atau 1.234,5", "standar": "mis. 100.86 atau 1,234.5", None: "mis. 100,86 atau 1234"}
ANGKA_TIDAK_SAH = "Bukan angka. Tulis angkanya saja ({contoh}), atau kosongkan atau tulis '-' bila belum ada data."
ANGKA_BERMAKNA_GANDA = (
    "Angka '{nilai}' bermakna ganda: {nama_tanda} di situ bisa pemisah ribuan ({bulat}) atau tanda desimal "
    "({utuh} koma {pecahan}), dan tidak ada angka lain di berkas ini yang menunjukkan dengan pasti mana yang dipakai. "
    "Bila maksudnya {bulat}, tulis {bulat} tanpa pemisah ribuan; bila maksudnya {utuh} koma {pecahan}, "
    "isi 'desimal: {nama_tanda}' di berkas parameter."
)
ANGKA_HARUS_KOMA = (
    "Angka ini ditulis dengan titik desimal atau koma pemisah ribuan, padahal berkas ini dibaca dengan koma desimal "
    "dan titik pemisah ribuan (kelompok tiga angka). Tulis {usul} bila itu maksudnya."
)
ANGKA_HARUS_TITIK = (
    "Angka ini ditulis dengan koma desimal atau titik pemisah ribuan, padahal berkas ini dibaca dengan titik desimal "
    "dan koma pemisah ribuan (kelompok tiga angka). Tulis {usul} bila itu maksudnya."
)
ANGKA_CAMPUR_KOLOM = (
    "Kolom ini mencampur dua cara menulis angka: kebanyakan angkanya memakai {mayoritas} desimal (mis. '{contoh}'), "
    "sedangkan angka ini hanya dapat dibaca dengan {minoritas} desimal. Tulis {usul} bila itu maksudnya, agar seragam."
)
ANGKA_CAMPUR_SERI = (
    "Kolom ini memuat sama banyak angka yang hanya dapat dibaca dengan koma desimal (mis. '{contoh_koma}') dan yang "
    "hanya dapat dibaca dengan titik desimal (mis. '{contoh_titik}'), sehingga tidak dapat ditentukan cara mana yang "
    "dipakai. Samakan cara menulis desimal di kolom ini, "
    "atau isi 'desimal: koma' atau 'desimal: titik' di berkas parameter."
)
ANGKA_KURUNG = (
    "Angka dalam kurung tidak dibaca: kurung bisa berarti negatif (cara akuntansi) atau sekadar catatan. "
    "Bila negatif, tulis {usul}; bila bukan, hapus kurungnya."
)
ANGKA_NOL_ATAU_KOSONG = (
    "'{nilai}' bisa berarti nol atau tidak ada data. Tulis 0 bila nilainya nol, atau kosongkan atau tulis '-' "
    "bila belum ada data."
)
ANGKA_NOTASI_ILMIAH = (
    "Angka ditulis dalam notasi ilmiah (mis. 1,2E+09), yang biasanya hasil pembulatan tampilan Excel. "
    "Ketik angkanya lengkap, atau ubah format sel menjadi angka sebelum menyimpan."
)
ANGKA_GALAT_EXCEL = "Sel berisi galat rumus Excel. Perbaiki rumusnya atau ketik angkanya, atau kosongkan bila belum ada data."
ANGKA_BENAR_SALAH = "Nilai benar/salah (TRUE/FALSE) bukan angka. Tulis angkanya, atau kosongkan bila belum ada data."
ANGKA_TAK_HINGGA = "Nilai tak hingga bukan angka yang dapat dihitung. Tulis angkanya, atau kosongkan bila belum ada data."
ANGKA_JENIS_SEL = (
    "Isi sel ini bukan angka (mis. tanggal). Ubah format selnya menjadi angka lalu ketik angkanya, "
    "atau kosongkan bila belum ada data."
)

# --- notebooks, figures, tables and `kinerja run` (kinerja.pages, figures, tables, run) ---
PARAMS_SUMBER_UBAH = "{berkas} dengan -p {ubah}"
PARAMS_UBAH_BENTUK = "Pengaturan -p '{ubah}' harus berbentuk kunci=nilai, misalnya -p aturan.batas_atas=120."
PARAMS_UBAH_KUNCI_BAGIAN = "sebutkan kunci di dalamnya, misalnya {contoh}."
PARAMS_UBAH_SKALAR = "harus satu nilai (angka, teks atau null), bukan daftar atau pemetaan."
PARAMS_UBAH_TIDAK_BERTINGKAT = "kunci '{kunci}' tidak mempunyai kunci di dalamnya."

HALAMAN_TAHUN_PARAMS = "{berkas}: tahun {tahun} pada berkas parameter berbeda dari tahun yang diminta ({diminta})."
HALAMAN_TANPA_DATA = "{berkas}: kunci 'data' kosong. Tuliskan berkas data (CSV atau .xlsx) yang dipakai."
HALAMAN_OPD_TIDAK_ADA = "{berkas}: kunci 'opd': kode_opd {kode} tidak ada dalam data."
HALAMAN_OPD_TANPA_DATA = "OPD dengan kode_opd {kode} tidak mempunyai data pada tahun {tahun}."
HALAMAN_PEMDA = "pemerintah daerah"
HALAMAN_JUDUL_RINGKASAN = "Ringkasan capaian kinerja {pemda} tahun {tahun}"
HALAMAN_JUDUL_OPD = "Capaian kinerja {opd} tahun {tahun}"
HALAMAN_JUDUL_TREN = "Tren capaian kinerja {pemda} {tahun}"
HALAMAN_TANPA_PREDIKAT = "Tidak dapat dihitung"
HALAMAN_INDIKATOR_BARU = "ditambahkan"
HALAMAN_INDIKATOR_HILANG = "dihapus"
HALAMAN_INDIKATOR_GANTI_NAMA = "berganti nama"
HALAMAN_UTAMA = "Capaian kinerja {pemda} tahun {tahun}: {capaian} (predikat {predikat})."
HALAMAN_PERUBAHAN = (
    "Dibanding tahun {sebelumnya} ({capaian_sebelumnya}): {poin}, atau {persen} secara relatif "
    "(poin = selisih persentase; persen = perubahan relatif)."
)
HALAMAN_TANPA_PERBANDINGAN = "Tidak ada data tahun {sebelumnya} untuk dibandingkan."
HALAMAN_TANPA_PERBANDINGAN_KARENA = "Perubahan dari tahun sebelumnya: {catatan}."
HALAMAN_METODE_JUDUL = "Metode."
HALAMAN_BERJALAN = (
    "Tahun {tahun} adalah tahun berjalan untuk {subjek}: target Perjanjian Kinerja sudah ditetapkan, "
    "realisasi belum dilaporkan, sehingga capaian dan predikat belum dihitung."
)
HALAMAN_BERJALAN_CATATAN = "Realisasi tahun {tahun} belum dilaporkan (tahun berjalan): belum ada capaian untuk ditampilkan."
KONVENSI_JUDUL = "Konvensi perhitungan yang berlaku."
KONVENSI_KALIMAT = "{nama}: {nilai} {bawaan}."
KONVENSI_BAWAAN = "(bawaan)"
KONVENSI_BAWAAN_LAIN = "(berbeda dari bawaan: {bawaan})"
KONVENSI_TANPA = "tidak ada"
KONVENSI_PEMBULATAN = "dibulatkan ke {n} desimal"
KONVENSI_NAMA = {
    "rumus_negatif": "Rumus indikator negatif",
    "lantai": "Batas bawah capaian indikator",
    "batas_atas": "Batas atas capaian dalam rata-rata",
    "agregasi_opd": "Capaian OPD",
    "agregasi_pemda": "Capaian pemda",
    "skala_predikat": "Skala predikat",
    "batas_atas_indikator": "Batas atas capaian indikator",
    "pembulatan_sebelum_rata": "Pembulatan capaian indikator sebelum dirata-rata",
    "sifat_bawaan": "Sifat indikator tanpa kolom sifat (pemantauan triwulan)",
    "ambang_tertinggal": "Indikator tertinggal bila capaian triwulannya di bawah",
}
KONVENSI_NILAI = {
    "sifat_bawaan": {"akhir": "akhir (nilai triwulan terakhir)", "kumulatif": "kumulatif (jumlah triwulan)",
                     "rata_rata": "rata-rata triwulan"},
    "rumus_negatif": {"selisih": "selisih, (2 − R/T) × 100", "rasio": "rasio, T/R × 100"},
    "lantai": {None: "tanpa batas bawah"},
    "batas_atas": {None: "tanpa batas atas"},
    "agregasi_opd": {"bertingkat": "rata-rata capaian sasarannya", "rata_rata": "rata-rata semua indikatornya",
                     "bobot": "rata-rata berbobot indikatornya"},
    "agregasi_pemda": {"rata_opd": "rata-rata capaian OPD", "rata_rata": "rata-rata semua indikator pemda"},
    "batas_atas_indikator": {None: "tanpa batas atas"},
    "pembulatan_sebelum_rata": {None: "tanpa pembulatan"},
}
KOLOM_CAPAIAN_TANPA_BATAS = "Capaian tanpa batas"
TERBIT_CAPAIAN_TANPA_BATAS = "{capaian} (tanpa batas: {tanpa})"
HALAMAN_METODE = (
    "Capaian pemda = {pemda}; capaian OPD = {opd}; capaian sasaran = rata-rata capaian "
    "indikatornya. Indikator negatif dihitung dengan {negatif}. {batas} {lantai} Predikat menurut {skala}. "
    "{tampil}; indikator yang tidak dapat dihitung tidak ikut dirata-ratakan."
)
HALAMAN_METODE_TANPA_BATAS_INDIKATOR = "Capaian indikator selalu ditampilkan tanpa batas atas"
HALAMAN_METODE_BATAS_INDIKATOR = (
    "Capaian setiap indikator dibatasi paling tinggi {batas} % (yang ditampilkan dan yang dirata-ratakan; "
    "nilai tanpa batas ditampilkan di sampingnya)"
)
HALAMAN_METODE_PEMDA = {"rata_opd": "rata-rata capaian OPD", "rata_rata": "rata-rata seluruh capaian indikator"}
HALAMAN_METODE_OPD = {
    "bertingkat": "rata-rata capaian sasarannya",
    "rata_rata": "rata-rata seluruh capaian indikatornya",
    "bobot": "rata-rata capaian indikatornya yang ditimbang dengan bobot",
}
HALAMAN_METODE_NEGATIF = {"selisih": "rumus (2 − R/T) × 100", "rasio": "rumus T/R × 100"}
HALAMAN_TANPA_BATAS = "Rata-rata dihitung tanpa batas atas."
HALAMAN_BATAS = "Dalam setiap rata-rata, capaian indikator di atas {batas} % dihitung {batas} % (batas atas {batas} %)."
HALAMAN_LANTAI = "Capaian indikator di bawah {lantai} % dinaikkan menjadi {lantai} %."
HALAMAN_TANPA_LANTAI = "Capaian indikator tidak diberi batas bawah."

# pemantauan triwulan (kinerja run --triwulan N)
HALAMAN_JUDUL_TRIWULAN = "Pemantauan triwulan {triwulan} {tahun}: {subjek}"
HALAMAN_UTAMA_TRIWULAN = "Capaian kinerja {subjek} s.d. triwulan {triwulan} {tahun}: {capaian} (predikat {predikat})."
HALAMAN_TERTINGGAL = (
    "{jumlah} dari {total} indikator yang dapat dihitung tertinggal (capaian s.d. triwulan {triwulan} di bawah {ambang} %)."
)
HALAMAN_TANPA_TERTINGGAL = (
    "Tidak ada indikator yang tertinggal dari {total} indikator yang dapat dihitung (capaian s.d. triwulan {triwulan} "
    "di bawah {ambang} %)."
)
HALAMAN_PERUBAHAN_TRIWULAN = "Dibanding s.d. triwulan {sebelumnya} ({capaian_sebelumnya}): {poin}."
TRIWULAN_TANPA_DATA_TAHUN = (
    "Data tahun {tahun} tidak mempunyai baris triwulan (lembar triwulan), jadi tidak ada yang dapat dipantau. "
    "Isi lembar triwulan, atau jalankan tanpa --triwulan."
)
TABEL_TERTINGGAL_JUDUL = "Indikator tertinggal s.d. triwulan {triwulan} {tahun} (capaian di bawah {ambang} %)"
TABEL_TANPA_TERTINGGAL = "Tidak ada indikator yang tertinggal."
TABEL_TRIWULAN_INDIKATOR_JUDUL = "Capaian indikator s.d. triwulan {triwulan} {tahun}"
TABEL_TRIWULAN_OPD_JUDUL = "Capaian OPD s.d. triwulan {triwulan} {tahun}"
KOLOM_SIFAT = "Sifat"
KOLOM_STATUS = "Status"
KOLOM_TERTINGGAL = "Indikator tertinggal"
KOLOM_TRIWULAN = "Triwulan"
SIFAT_NAMA = {"kumulatif": "kumulatif", "akhir": "posisi akhir", "rata_rata": "rata-rata"}
GAMBAR_TRIWULAN_JUDUL = "Capaian {subjek} s.d. setiap triwulan {tahun}"
GAMBAR_SUMBU_TRIWULAN = "s.d. triwulan"
GAMBAR_GARIS_AMBANG = "Ambang tertinggal {ambang} %"
GAMBAR_TRIWULAN_ALT = (
    "Grafik garis capaian kinerja {subjek} s.d. setiap triwulan tahun {tahun}, dengan garis 100 % dan ambang "
    "tertinggal {ambang} %: {rincian}."
)
GAMBAR_TRIWULAN_RINCI = "s.d. triwulan {triwulan} {capaian} ({jumlah} indikator tertinggal)"
TERBIT_TRIWULAN_DAFTAR_OPD = "Capaian setiap OPD s.d. triwulan {triwulan}: lihat [daftar OPD](opd/index.qmd)."
TERBIT_DESKRIPSI_TRIWULAN = "Capaian s.d. triwulan {triwulan} {capaian} · {jumlah} indikator tertinggal"
# Renstra on the OPD pages and in the LKjIP tables
KOLOM_CAPAIAN_RENSTRA = "Capaian thd. target akhir Renstra"
KOLOM_PERIODE = "Periode"
KOLOM_REALISASI_TAHUN = "Realisasi {tahun}"
KOLOM_TARGET_RENSTRA = "Target Renstra {tahun}"
KOLOM_TARGET_AKHIR = "Target akhir periode"
TABEL_RENSTRA_JUDUL = "Capaian {tahun} terhadap target akhir periode Renstra"
TABEL_TANPA_RENSTRA = "Indikator OPD ini tidak tercantum dalam Renstra."
RENSTRA_TIDAK_TERSEDIA = "Data tidak mempunyai lembar renstra untuk indikator OPD ini"
GAMBAR_RENSTRA_JUDUL = "Target Renstra dan realisasi: {opd}"
GAMBAR_RENSTRA_TARGET = "Target Renstra"
GAMBAR_RENSTRA_REALISASI = "Realisasi"
GAMBAR_RENSTRA_ALT = (
    "Grafik per indikator {opd}: garis target tahunan Renstra ({periode}) dan titik realisasi sampai tahun {tahun}. "
    "{rincian}"
)
GAMBAR_RENSTRA_RINCI = "{indikator}: realisasi {tahun} {realisasi}, target akhir {akhir} ({tahun_akhir})"
CLI_ARG_TRIWULAN_RUN = (
    "juga buat halaman Pemantauan triwulan N (1-4) tahun itu, untuk pemda dan setiap OPD "
    "(notebooks/triwulan.ipynb; terbit di <tahun>/triwulan-N/)"
)

GAMBAR_SUMBU_CAPAIAN = "Capaian"
GAMBAR_SUMBU_PERSEN = "Persen"
GAMBAR_SUMBU_TAHUN = "Tahun"
GAMBAR_SUMBU_JUMLAH_OPD = "Jumlah OPD"
GAMBAR_LEGENDA_PREDIKAT = "Predikat"
GAMBAR_LEGENDA_INDIKATOR = "Indikator"
GAMBAR_GARIS_100 = "100 % (target tercapai)"
GAMBAR_GARIS_PEMDA = "Capaian pemda {capaian}"
GAMBAR_TANPA_CAPAIAN = " Tanpa capaian (tidak digambar): {opd}."
GAMBAR_PERINGKAT_JUDUL = "Peringkat capaian kinerja OPD tahun {tahun}"
GAMBAR_PERINGKAT_ALT = (
    "Diagram batang mendatar capaian kinerja {jumlah} OPD tahun {tahun}, diurutkan dari yang tertinggi dan "
    "diwarnai menurut predikat, dengan garis putus-putus pada 100 %. Tertinggi: {tertinggi}. "
    "Terendah: {terendah}. Angka lengkapnya ada pada tabel peringkat."
)
GAMBAR_PERINGKAT_ALT_SEMUA = (
    "Diagram batang mendatar capaian kinerja {jumlah} OPD tahun {tahun}, diurutkan dari yang tertinggi dan "
    "diwarnai menurut predikat, dengan garis putus-putus pada 100 %: {rincian}."
)
GAMBAR_SEBARAN_JUDUL = "Sebaran capaian kinerja OPD tahun {tahun}"
GAMBAR_SEBARAN_ALT = (
    "Histogram capaian kinerja {jumlah} OPD tahun {tahun} dengan latar berwarna menurut rentang predikat. "
    "Terendah {terendah}, median {median}, tertinggi {tertinggi}; {di_atas} OPD mencapai 100 % atau lebih."
)
GAMBAR_TARGET = "Target"
GAMBAR_REALISASI = "Realisasi"
GAMBAR_BELUM_DILAPORKAN = "belum dilaporkan"
GAMBAR_TARGET_JUDUL = "Target dan realisasi indikator {opd} tahun {tahun}"
GAMBAR_TARGET_RINCI = "{indikator}: target {target}, realisasi {realisasi} {satuan}"
GAMBAR_TARGET_ALT = (
    "Panel kecil untuk setiap indikator ({jumlah} indikator) {opd} tahun {tahun}, masing-masing dengan "
    "satuannya sendiri: batang abu-abu target (pita abu-abu untuk target rentang) di samping batang realisasi "
    "yang diwarnai menurut predikat. {rincian}."
)
GAMBAR_RIWAYAT_JUDUL = "Capaian setiap indikator {opd} per tahun"
GAMBAR_RIWAYAT_ALT = (
    "Diagram garis capaian {jumlah} indikator {opd} dari tahun {tahun_awal} sampai {tahun}, satu garis per "
    "indikator, dengan garis putus-putus pada 100 %. Capaian {tahun}: {rincian}."
)
GAMBAR_CAPAIAN_KINERJA = "Capaian kinerja"
GAMBAR_SERAPAN = "Serapan anggaran"
GAMBAR_SERAPAN_JUDUL = "Capaian kinerja dan serapan anggaran {opd}"
GAMBAR_SERAPAN_RINCI = "{tahun}: capaian {capaian}, serapan {serapan}"
GAMBAR_SERAPAN_ALT = (
    "Diagram batang berpasangan capaian kinerja dan serapan anggaran {opd} per tahun, dengan garis putus-putus "
    "pada 100 %. {rincian}."
)
GAMBAR_TREN_PEMDA_JUDUL = "Capaian kinerja {pemda} per tahun"
GAMBAR_TREN_PEMDA_ALT = "Diagram garis capaian kinerja {pemda} per tahun, dengan garis putus-putus pada 100 %. {rincian}."
GAMBAR_TREN_OPD_JUDUL = "Capaian kinerja setiap OPD, {awal}–{akhir}"
GAMBAR_TREN_OPD_ALT = (
    "Peta panas capaian kinerja {jumlah} OPD dari tahun {awal} sampai {akhir}: satu baris per OPD (diurutkan "
    "menurut capaian tahun terakhir), satu kolom per tahun, setiap sel bertuliskan capaiannya dan diwarnai "
    "menurut predikat; sel kosong berarti tidak ada capaian. Angkanya ada pada tabel unduhan."
)

TABEL_KOSONG = "Tidak ada data."
TABEL_RATA_SASARAN = "Rata-rata capaian sasaran"
TABEL_RATA_SASARAN_BATAS = "Rata-rata capaian sasaran (batas atas {batas} %)"
TABEL_INDIKATOR_JUDUL = "Capaian indikator kinerja tahun {tahun}"
TABEL_CATATAN_JUDUL = "Catatan perhitungan capaian indikator tahun {tahun}"
TABEL_TANPA_CATATAN = "Tidak ada catatan: semua capaian indikator dihitung dengan rumus polaritasnya."
TABEL_OPD_JUDUL = "Capaian kinerja OPD tahun {tahun}"
TABEL_NAIK_JUDUL = "OPD dengan kenaikan capaian terbesar, {tahun} dibanding {sebelumnya}"
TABEL_TURUN_JUDUL = "OPD dengan penurunan capaian terbesar, {tahun} dibanding {sebelumnya}"
TABEL_TANPA_PERUBAHAN = "Tidak ada perubahan yang dapat dibandingkan."
TABEL_PREDIKAT_JUDUL = "Jumlah OPD menurut predikat tahun {tahun}"
TABEL_TIDAK_TERHITUNG_JUDUL = "Indikator yang capaiannya tidak dapat dihitung tahun {tahun}"
TABEL_SEMUA_TERHITUNG = "Semua capaian indikator dapat dihitung."
TABEL_PERUBAHAN_INDIKATOR_JUDUL = "Perubahan capaian indikator {tahun} dibanding {sebelumnya}"
TABEL_ANGGARAN_JUDUL = "Serapan anggaran dan capaian kinerja"
ANGGARAN_TIDAK_TERSEDIA = "Data anggaran tidak tersedia"
TABEL_TREN_PEMDA_JUDUL = "Capaian kinerja pemda per tahun"
TABEL_PERGERAKAN_JUDUL = "Perubahan capaian OPD terbesar antartahun (naik atau turun)"
TABEL_INDIKATOR_BERUBAH_JUDUL = "Indikator yang ditambahkan, dihapus atau berganti nama antartahun"
TABEL_INDIKATOR_TETAP = "Tidak ada indikator yang ditambahkan, dihapus atau berganti nama."
TABEL_TEMUAN_JUDUL = "Peringatan pemeriksaan data"
TABEL_TANPA_TEMUAN = "Tidak ada peringatan."
KOLOM_NO = "No"
KOLOM_OPD = "OPD"
KOLOM_SASARAN = "Sasaran"
KOLOM_INDIKATOR = "Indikator"
KOLOM_SATUAN = "Satuan"
KOLOM_TARGET = "Target"
KOLOM_REALISASI = "Realisasi"
KOLOM_CAPAIAN = "Capaian"
KOLOM_CAPAIAN_TAHUN = "Capaian {tahun}"
KOLOM_CAPAIAN_SEBELUMNYA = "Capaian {tahun}"
KOLOM_CAPAIAN_TAHUN_LALU = "Capaian tahun sebelumnya"
KOLOM_PREDIKAT = "Predikat"
KOLOM_SELISIH = "Selisih (poin)"
KOLOM_PERUBAHAN = "Perubahan relatif"
KOLOM_CATATAN = "Catatan"
KOLOM_ALASAN = "Alasan"
KOLOM_BATAS = "Batas capaian"
KOLOM_JUMLAH_OPD = "Jumlah OPD"
KOLOM_TAHUN = "Tahun"
KOLOM_PAGU = "Pagu (Rp)"
KOLOM_REALISASI_ANGGARAN = "Realisasi anggaran (Rp)"
KOLOM_SERAPAN = "Serapan"
KOLOM_CAPAIAN_MINUS_SERAPAN = "Capaian − serapan"
KOLOM_JENIS_PERUBAHAN = "Perubahan"
KOLOM_NAMA_SEBELUMNYA = "Nama sebelumnya"
KOLOM_TEMPAT = "Tempat"
KOLOM_NILAI = "Nilai"
KOLOM_PESAN = "Pesan"

CLI_RUN_RINGKAS = "jalankan notebook analisis (ringkasan, tren, satu per OPD) untuk tahun anggaran tertentu"
CLI_RUN_DESKRIPSI = (
    "Menjalankan notebooks/ringkasan.ipynb dan notebooks/tren.ipynb sekali, dan notebooks/opd.ipynb sekali\n"
    "untuk setiap OPD, per tahun yang diminta, dengan parameter params/<tahun>.yml, lewat Papermill.\n"
    "Hasilnya (notebook yang sudah dijalankan, beserta data yang dipakainya dalam CSV dan XLSX) ditulis ke\n"
    "<folder>/<tahun>/. Notebook hanya dijalankan ulang bila notebook, parameter, data atau paket kinerja\n"
    "berubah. Notebook yang gagal tidak menghentikan yang lain; kode keluar 1 bila ada yang gagal."
)
CLI_ARG_TAHUN = "tahun anggaran (boleh diulang, mis. --tahun 2023 --tahun 2024); membaca params/<tahun>.yml"
CLI_ARG_UBAH = "ubah satu pengaturan untuk run ini saja, mis. -p aturan.batas_atas=120 (boleh diulang)"
CLI_ARG_JOBS = "jumlah notebook yang dijalankan bersamaan (bawaan: jumlah inti prosesor)"
CLI_ARG_FORCE = "jalankan ulang semua notebook walaupun tidak ada yang berubah"
CLI_ARG_BUILD = "folder hasil (bawaan: _build)"
RUN_JOBS = "--jobs harus bilangan bulat 1 atau lebih, bukan {nilai}."
RUN_PROYEK = (
    "Folder kerja {folder} bukan folder proyek kinerja: tidak ada {hilang}. "
    "Jalankan kinerja run dari folder yang berisi params/ dan notebooks/."
)
RUN_NOTEBOOK_PARAMETER = "Notebook {berkas} tidak mempunyai sel bertanda 'parameters' yang memuat {nama}."
RUN_PROGRES = "Notebook"
RUN_TAHUN_GAGAL = "GAGAL tahun {tahun}: {pesan}"
RUN_GAGAL = "GAGAL {notebook}: {tempat}: {galat}"
RUN_GAGAL_SEL = "sel {sel}"
RUN_GAGAL_DISIMPAN = "      notebook yang gagal disimpan untuk diperiksa: {berkas}"
RUN_KERNEL_MATI = "kernel berhenti atau sel terlalu lama saat notebook dijalankan ({rincian})"
RUN_KERNEL_GAGAL = "kernel tidak dapat dimulai ({rincian})"
RUN_RINGKASAN = (
    "Selesai dalam {detik} detik: {jumlah} notebook; {dijalankan} dijalankan, {dilewati} dilewati "
    "(tidak berubah), {gagal} gagal. Hasil di {folder}."
)

# --- publishing: website and PDF report (kinerja.publish; `kinerja publish`, `kinerja build`) ---
TERBIT_TANPA_KONFIGURASI = "Berkas {berkas} tidak ada: struktur situs dibaca dari berkas itu."
TERBIT_KONFIGURASI_RUSAK = "Berkas {berkas} tidak dapat dibaca sebagai YAML: {rincian}"
TERBIT_KONFIGURASI_KURANG = "Berkas {berkas} tidak mempunyai kunci yang diperlukan untuk menerbitkan: {kunci}."
TERBIT_KONFIGURASI_KUNCI = "{berkas}: kunci '{kunci}': {masalah}"
TERBIT_KONFIGURASI_TIDAK_DIKENAL = "tidak dikenal. Kunci yang dikenal: {dikenal}."
TERBIT_KONFIGURASI_MAKSUD = " Mungkin maksudnya '{usul}'?"
TERBIT_KONFIGURASI_TEKS = "harus berupa teks."
TERBIT_KONFIGURASI_DAFTAR = "harus berupa daftar yang tidak kosong."
TERBIT_KONFIGURASI_PEMETAAN = "harus berupa pemetaan (kunci: nilai)."
TERBIT_KONFIGURASI_TAUTAN = "harus berupa jalur halaman (teks) atau pemetaan dengan text, href atau menu."
TERBIT_KONFIGURASI_TIDAK_SAH = "nilainya tidak sah."
TERBIT_BUILD_KURANG = (
    "Hasil run tidak lengkap atau ada notebook yang gagal: {berkas}. Jalankan kinerja run untuk tahun itu "
    "(atau kinerja build) dan perbaiki galatnya sebelum menerbitkan."
)
TERBIT_TANPA_BUILD = "Folder {folder} tidak berisi hasil run satu tahun pun. Jalankan dulu kinerja run --tahun TAHUN."
TERBIT_TAHUN_TIDAK_ADA = "Tahun {tahun} tidak ada di {folder}. Jalankan dulu kinerja run --tahun {tahun}."
TERBIT_NOTEBOOK_RUSAK = "Notebook {berkas} tidak dapat dibaca: {rincian}"
TERBIT_NOTEBOOK_JSON = (
    "isinya bukan JSON yang utuh (rusak mulai baris {baris}, kolom {kolom}; mungkin terpotong). "
    "Jalankan ulang notebook tahun itu dengan kinerja run --force."
)
TERBIT_NOTEBOOK_UTF8 = "isinya bukan teks UTF-8. Jalankan ulang notebook tahun itu dengan kinerja run --force."
TERBIT_NOTEBOOK_BENTUK = (
    "Notebook {berkas} bukan notebook hasil kinerja run yang utuh: {rincian}. Jalankan ulang notebook tahun itu "
    "dengan kinerja run --force."
)
TERBIT_NOTEBOOK_CACAT = {
    "objek": "isinya bukan objek notebook",
    "sel": "tidak ada daftar sel (cells)",
    "sel_n": "sel ke-{nomor} tidak berbentuk sel notebook",
    "keluaran_n": "keluaran sel ke-{nomor} tidak berbentuk keluaran notebook",
}
TERBIT_HALAMAN_TIDAK_ADA = "Halaman yang disebut _quarto.yml tidak ada: {berkas}."
TERBIT_HASIL_TIDAK_ADA = "Mesin {mesin} selesai tetapi halaman ini tidak dihasilkan: {berkas}."
TERBIT_PANDOC_TIDAK_ADA = "pandoc tidak ditemukan. Pasang paket pypandoc-binary (pip install -e .)."
TERBIT_PANDOC_GAGAL = "pandoc gagal mengubah {berkas}:\n{rincian}"
TERBIT_TYPST_GAGAL = "Typst gagal menyusun PDF {berkas}:\n{rincian}"
TERBIT_QUARTO_TIDAK_ADA = (
    "Quarto tidak ditemukan (perintah quarto tidak ada di PATH). Pasang Quarto 1.10 atau lebih baru, "
    "atau pakai --engine pandoc."
)
TERBIT_QUARTO_GAGAL = "quarto render gagal (kode keluar {kode}):\n{rincian}"
TERBIT_GAGAL = "Penerbitan gagal; {folder} tidak diubah. {rincian}"
TERBIT_MESIN = "Menerbitkan tahun {tahun} dengan mesin {mesin} ({alasan})."
TERBIT_MESIN_DIMINTA = "diminta"
TERBIT_MESIN_QUARTO_ADA = "Quarto ditemukan: {alamat}"
TERBIT_MESIN_QUARTO_TIDAK_ADA = "Quarto tidak ditemukan; pandoc dan Typst dari paket PyPI"
TERBIT_SELESAI = "Situs diterbitkan di {folder} dalam {detik} detik: {halaman} halaman, {pdf} laporan PDF (mesin {mesin})."
TERBIT_PERINTAH = "Menjalankan: {perintah}"

TERBIT_SPANDUK_HTML = (
    '<div class="spanduk-sintetis" role="note">CONTOH SINTETIS — data contoh, bukan data resmi. '
    "Angka di situs ini dikarang untuk mencoba perangkat kinerja dan tidak menggambarkan kinerja sebenarnya.</div>\n"
)
TERBIT_SINTETIS = (
    "CONTOH SINTETIS — data contoh, bukan data resmi. Angka dalam laporan ini dikarang untuk mencoba "
    "perangkat kinerja dan tidak menggambarkan kinerja sebenarnya."
)
TERBIT_SINTETIS_PENDEK = "CONTOH SINTETIS — bukan data resmi"
TERBIT_LAPORAN = "Laporan Capaian Kinerja"
TERBIT_LAPORAN_JUDUL = "Laporan Capaian Kinerja {tahun}"
TERBIT_TAHUN_ANGGARAN = "Tahun Anggaran"
TERBIT_HALAMAN = "Halaman"
TERBIT_DARI = "dari"
TERBIT_DIBUAT = "Dibuat {tanggal} dengan kinerja {versi}."
TERBIT_BAB_RINGKASAN = "Ringkasan capaian kinerja"
TERBIT_BAB_OPD = "Capaian kinerja setiap OPD"
TERBIT_BAB_RINCI = "Capaian indikator kinerja per OPD"
TERBIT_BAB_PERBANDINGAN = "Perbandingan dengan tahun sebelumnya"
TERBIT_PERUBAHAN_OPD_JUDUL = "Perubahan capaian OPD, {tahun} dibanding {sebelumnya} (dari kenaikan terbesar)"
TERBIT_HALAMAN_RUSAK = "Data halaman tidak dapat dibaca: {rincian}. Jalankan lagi kinerja run --tahun TAHUN."
TERBIT_DESKRIPSI_OPD = "Capaian {capaian} · {predikat}"
TERBIT_DESKRIPSI_OPD_BERJALAN = "Tahun berjalan: target Perjanjian Kinerja, realisasi belum dilaporkan"
TERBIT_KARTU_BERJALAN = "Tahun berjalan"
TERBIT_KARTU_LABEL = "Capaian kinerja utama"
TERBIT_KARTU_JUDUL = "Capaian kinerja {pemda} tahun {tahun}"
TERBIT_NAIK = "Naik: "
TERBIT_TURUN = "Turun: "
TERBIT_TETAP = "Tetap: "
TERBIT_ATURAN_BERLAKU = "Aturan yang berlaku"
TERBIT_UNDUH_RINGKASAN = "Ringkasan pemda (semua OPD)"
TERBIT_PK_GAGAL = "Dokumen Perjanjian Kinerja tahun {tahun} tidak dapat dibuat: {rincian}"
TERBIT_PK_KOLOM = "Perjanjian Kinerja (PDF)"
TERBIT_PK_TIDAK_ADA = "Belum ada dokumen Perjanjian Kinerja tahun {tahun} (params/{tahun}.yml tidak ada di proyek)."
TERBIT_PK_TAUTAN_OPD = "**Perjanjian Kinerja tahun {tahun}:** [unduh dokumen PK (PDF)]({berkas})"
TERBIT_UNDUH_TREN = "Tren antartahun"
TERBIT_SARING = "Ketik untuk menyaring…"
TERBIT_SARING_LABEL = "Saring baris:"
TERBIT_URUTKAN = "Urutkan menurut kolom ini"
TERBIT_JUMLAH_BARIS = "{n} dari {semua} baris"
TERBIT_TIDAK_DITEMUKAN = "Tidak ditemukan."
TERBIT_LEWATI = "Langsung ke isi"
TERBIT_NAVIGASI = "Navigasi utama"
TERBIT_MENU = "Menu"
TERBIT_CARI = "Cari"

CLI_PUBLISH_RINGKAS = "terbitkan situs web statis dan laporan PDF per tahun dari hasil kinerja run"
CLI_PUBLISH_DESKRIPSI = (
    "Menyusun situs web (Bahasa Indonesia) dan satu laporan PDF per tahun anggaran dari notebook yang sudah\n"
    "dijalankan di _build/, menurut struktur _quarto.yml. Mesin quarto menjalankan quarto render; mesin pandoc\n"
    "memakai pandoc dan Typst dari paket PyPI; auto (bawaan) memakai Quarto bila ada. Situs disusun di folder\n"
    "sementara dan baru menggantikan folder keluaran bila seluruhnya berhasil."
)
CLI_ARG_TAHUN_TERBIT = "tahun anggaran yang diterbitkan (boleh diulang; bawaan: semua tahun di folder build)"
CLI_ARG_MESIN = "mesin penerbit: auto (Quarto bila ada, selain itu pandoc), quarto, atau pandoc"
CLI_ARG_OUT_SITUS = "folder situs (bawaan: _site)"
CLI_BUILD_RINGKAS = "pekerjaan utama: periksa data, jalankan notebook, terbitkan situs dan laporan PDF"
CLI_BUILD_DESKRIPSI = (
    "Memeriksa data setiap tahun (seperti kinerja validate), menjalankan notebook (seperti kinerja run), lalu\n"
    "menerbitkan situs dan laporan PDF (seperti kinerja publish). Berhenti pada langkah pertama yang gagal;\n"
    "situs yang lama tidak diubah."
)
CLI_ARG_TAHUN_BUILD = "tahun anggaran (boleh diulang; bawaan: setiap params/<tahun>.yml)"
BUILD_TANPA_PARAMS = "Tidak ada berkas params/<tahun>.yml. Buat satu, atau sebutkan --tahun."
BUILD_PERIKSA = "Memeriksa data tahun {tahun}: {baris} baris indikator, {galat} galat, {peringatan} peringatan."
BUILD_BERHENTI = "Berhenti: data tahun {tahun} mempunyai galat (lihat di atas). Situs tidak diubah."
BUILD_RUN_GAGAL = "Berhenti: ada notebook yang gagal (lihat di atas). Situs tidak diubah."

# --- output folders: where kinerja writes, what it deletes (kinerja.support.safety) ---
AMAN_AKAR = (
    "{folder} adalah folder proyek (atau memuatnya); kinerja tidak menulis hasil langsung ke sana. "
    "Pilih folder baru, misalnya {saran}."
)
AMAN_RUMAH = (
    "{folder} adalah folder rumah atau akar sistem berkas (atau memuatnya); kinerja tidak menulis hasil ke sana. "
    "Pilih folder baru, misalnya {saran}."
)
AMAN_MEMUAT_MASUKAN = (
    "Folder {folder} memuat masukan ({masukan}); kinerja tidak menulis hasil ke folder yang memuat masukan. "
    "Pilih folder baru, misalnya {saran}."
)
AMAN_DALAM_MASUKAN = (
    "Folder {folder} berada di dalam masukan {masukan}; kinerja tidak menulis hasil di antara masukannya. "
    "Pilih folder di luarnya, misalnya {saran}."
)
AMAN_BERKAS = "{folder} adalah berkas, bukan folder. Sebutkan folder (baru, kosong, atau hasil kinerja sebelumnya)."
AMAN_ASING = (
    "Folder {folder} sudah berisi berkas dan tidak dibuat oleh kinerja (tidak ada berkas penanda {penanda}). "
    "kinerja hanya menulis ke folder baru, folder kosong, atau folder yang dibuatnya sendiri, agar tidak ada "
    "berkas yang hilang. Pilih folder lain (misalnya {saran}), atau pindahkan isi folder itu lebih dulu."
)
AMAN_JENIS_LAIN = "Folder {folder} dibuat oleh {pembuat}, bukan untuk hasil {perintah}. Pilih folder lain, misalnya {saran}."
AMAN_BERKAS_ASING = (
    "Folder {folder} berisi berkas yang tidak ditulis kinerja: {berkas}. kinerja tidak menimpa atau menghapusnya; "
    "pindahkan berkas itu lalu ulangi, atau pilih folder lain."
)
AMAN_SALING_MEMUAT = "Folder {a} dan {b} tidak boleh sama atau saling memuat: pilih dua folder yang terpisah."
AMAN_MASUKAN_DITIMPA = "{berkas} adalah masukan perintah ini; kinerja tidak menimpanya. Pilih nama berkas lain."
AMAN_PROYEK_BERKAS = "{folder} adalah berkas, bukan folder. Sebutkan folder baru untuk proyek, misalnya kinerja-pemda."
AMAN_PROYEK_TIDAK_KOSONG = (
    "Folder {folder} sudah ada dan tidak kosong; kinerja init tidak menimpa apa pun. Sebutkan folder baru "
    "(atau folder kosong), misalnya {folder}-baru."
)
AMAN_SUDAH_ADA = "{berkas} sudah ada; kinerja tidak menimpanya. Pindahkan atau hapus berkas itu dulu bila memang ingin membuatnya ulang."
AMAN_LAINNYA = "dan {jumlah} lainnya"
#: The note inside the marker file ``.kinerja`` of a folder kinerja made.
AMAN_PENANDA_CATATAN = (
    "Folder ini dibuat oleh {perintah} untuk hasilnya. kinerja hanya mengganti atau menghapus berkas yang "
    "ditulisnya sendiri; jangan simpan berkas lain di sini (bila ada, kinerja menolak menulis ke folder ini)."
)
#: The command that makes each kind of output folder.
AMAN_PERINTAH = {"hasil": "kinerja score", "build": "kinerja run", "situs": "kinerja publish", "pk": "kinerja pk"}
#: Suggested folder per kind, in messages.
AMAN_SARAN = {"hasil": "hasil", "build": "_build", "situs": "_site", "pk": "_pk"}

# --- internal errors (kinerja.support.crash) ---
CLI_GALAT_INTERNAL = (
    "GALAT INTERNAL: terjadi kesalahan di dalam kinerja ({jenis}), bukan pada data Anda. Rincian lengkapnya "
    "(traceback) ditulis ke {berkas}; lampirkan berkas itu bila melaporkan masalah ini."
)
CLI_GALAT_INTERNAL_TANPA_LOG = (
    "GALAT INTERNAL: terjadi kesalahan di dalam kinerja ({jenis}: {rincian}), bukan pada data Anda. Rinciannya "
    "tidak dapat ditulis ke berkas log ({folder} tidak dapat ditulisi)."
)

# --- the build's date (kinerja.support.reproducible) ---
WAKTU_SDE_SALAH = (
    "{nama}={nilai} bukan waktu yang dikenal: isinya harus bilangan bulat detik sejak 1 Januari 1970 UTC "
    "(misalnya {nama}=$(git log -1 --format=%ct)), atau hapus variabel itu."
)

# --- publishing with Quarto and pandoc alike: the site's script (issue 11) ---
TERBIT_TABEL_BERNOMOR = "Tabel {n}"

# --- kinerja score on national files (issue 13) ---
CLI_ARG_FORMAT = (
    "format tabel hasil: csv (bawaan; koma, titik desimal, UTF-8) atau parquet (<tabel>.parquet, "
    "jenis kolom tersimpan; cocok untuk data nasional)"
)

# --- running the notebooks on a Dask cluster (kinerja.run.cluster; `--scheduler`, issue 13) ---
CLI_ARG_SCHEDULER = ("alamat scheduler Dask (mis. tcp://10.0.0.5:8786): notebook dijalankan oleh worker cluster itu, "
                     "hasilnya ditulis di sini; perlu pip install 'kinerja[dask]'")
DASK_TIDAK_TERPASANG = ("Opsi --scheduler memerlukan Dask distributed, yang belum terpasang: "
                        "pip install 'kinerja[dask]'.")
DASK_TIDAK_TERJANGKAU = ("Scheduler Dask {alamat} tidak dapat dihubungi dalam {detik} detik ({rincian}). "
                         "Periksa alamatnya dan pastikan scheduler berjalan.")
DASK_TANPA_WORKER = "Scheduler Dask {alamat} tidak memiliki worker yang siap dalam {detik} detik."
DASK_VERSI_BEDA = ("Worker Dask {worker} memakai kinerja {versi_worker} (paket {paket_worker}), sedangkan di sini "
                   "kinerja {versi} (paket {paket}). Pasang versi kinerja dan pustaka yang sama di semua worker, "
                   "lalu jalankan lagi.")
DASK_BERKAS_LUAR = ("Berkas data {berkas} berada di luar folder proyek: dengan --scheduler semua berkas data harus "
                    "berada di dalam folder proyek (berkas itu dikirim ke worker).")

# --- quarterly monitoring (triwulan) and the five-year plan (renstra) ---
TRIWULAN_TIDAK_SAH_N = "Triwulan harus 1, 2, 3 atau 4, bukan {triwulan}."
CATATAN_TRIWULAN_KOSONG = "tidak dapat dihitung: realisasi triwulan {triwulan} belum dilaporkan"
CATATAN_TANPA_TRIWULAN = "tidak dapat dihitung: tidak ada data triwulan untuk indikator ini"
ATURAN_AMBANG = "Aturan 'ambang_tertinggal' harus berupa angka (persen), misalnya 91, bukan '{nilai}'."
SIFAT_TIDAK_DIKENAL = "Sifat tidak dikenal. Tulis kumulatif, akhir atau rata_rata (atau kosongkan untuk nilai bawaan)."
TRIWULAN_TIDAK_SAH = "Triwulan tidak dikenal. Tulis 1, 2, 3 atau 4 (atau I, II, III, IV)."
TRIWULAN_GANDA = "Triwulan ini sudah ada untuk indikator yang sama ({berkas} baris {baris}). Hapus salah satunya."
TRIWULAN_TARGET_KOSONG = "Target (rencana aksi) triwulan ini kosong. Isi target triwulan."
TRIWULAN_HILANG = (
    "Baris triwulan {hilang} untuk indikator ini tidak ada, padahal triwulan {triwulan} ada. "
    "Tambahkan baris triwulan {hilang} beserta targetnya."
)
TRIWULAN_LEWAT = (
    "{jumlah} realisasi triwulan sesudah triwulan {sampai} sudah terisi (yang pertama di baris ini), padahal "
    "pemantauan dihitung s.d. triwulan {sampai}: realisasi itu tidak dipakai."
)
TRIWULAN_BOLONG = (
    "Realisasi triwulan {triwulan} terisi, padahal realisasi triwulan {kosong} kosong. "
    "Isi triwulan {kosong} atau periksa nomor triwulannya."
)
TRIWULAN_TANPA_INDIKATOR = (
    "Tidak ada indikator dengan kode_indikator ini untuk OPD dan tahun yang sama di lembar kinerja. "
    "Periksa kode_opd, kode_indikator dan tahun."
)
TRIWULAN_TANPA_KODE = "kode_indikator wajib diisi di lembar triwulan: kode itulah yang menghubungkannya ke indikator."
TAHUNAN_BEDA_TRIWULAN = (
    "{kolom} tahunan {tahunan} berbeda dari gabungan empat triwulan ({sifat}): {gabungan}. "
    "Samakan angka tahunan dengan triwulannya, atau periksa sifat indikator."
)
RENSTRA_PERIODE_TIDAK_SAH = "Periode tidak dapat dibaca. Tulis tahun awal dan akhir, misalnya 2021–2026."
RENSTRA_PERIODE_TERBALIK = "Tahun awal periode lebih besar daripada tahun akhirnya."
RENSTRA_TAHUN_DI_LUAR = "Target tahun {tahun} terisi, padahal tahun itu di luar periode {periode}. Hapus atau perbaiki periodenya."
RENSTRA_TAHUN_KOSONG = "Target tahun {tahun} kosong, padahal tahun itu termasuk periode {periode}."
RENSTRA_GANDA = "Indikator ini sudah ada dalam renstra dengan periode yang beririsan ({berkas} baris {baris}). Hapus salah satunya."
RENSTRA_TANPA_INDIKATOR = (
    "kode_indikator ini tidak ada di lembar kinerja mana pun: capaian terhadap target akhir periode "
    "tidak dapat dihitung untuknya."
)
CLI_ARG_TRIWULAN = (
    "tulis juga tabel pemantauan triwulan s.d. triwulan N (1-4) tahun params (atau tahun terakhir data triwulan): "
    "triwulan_indikator, triwulan_sasaran, triwulan_opd, triwulan_pemda"
)
CLI_TRIWULAN_RINGKAS = (
    "Capaian s.d. triwulan {triwulan} {tahun}: {capaian}; {tertinggal} indikator tertinggal (di bawah {ambang} %)."
)
CLI_ARG_TRIWULAN_VALIDASI = "triwulan yang sedang dipantau (1-4): realisasi triwulan sesudahnya dilaporkan sebagai peringatan"
# --- reviu flags (kinerja.core.reviu; `kinerja reviu`, issue 15) ---
REVIU_TIDAK_DILAPORKAN = "realisasi belum dilaporkan"
REVIU_CAPAIAN_TINGGI = "capaian {capaian} di atas {batas} %: periksa target dan realisasinya"
REVIU_CAPAIAN_RENDAH = "capaian {capaian} di bawah {batas} %: periksa target dan realisasinya"
REVIU_SAMA_TARGET = "semua realisasi OPD ini ({jumlah} indikator) persis sama dengan targetnya"
REVIU_HILANG = ("indikator dengan capaian {capaian} pada {lalu} (di bawah {batas} %) tidak ada lagi pada {tahun}, "
                "padahal OPD-nya masih melapor")
REVIU_TARGET_BAWAH_REALISASI = "target {target} lebih rendah dari realisasi {lalu} ({realisasi}): target meminta kurang dari yang sudah dicapai"
REVIU_TARGET_ATAS_REALISASI = ("target {target} lebih tinggi dari realisasi {lalu} ({realisasi}) pada indikator negatif: "
                               "target meminta kurang dari yang sudah dicapai")
REVIU_TARGET_TURUN = "target turun dari {sebelumnya} ({lalu}) menjadi {target}"
REVIU_TARGET_NAIK_NEGATIF = "target indikator negatif naik dari {sebelumnya} ({lalu}) menjadi {target}: target dilonggarkan"
REVIU_LONJAKAN = "target berubah lebih dari {kali} kali lipat: {sebelumnya} ({lalu}) menjadi {target}; periksa satuan dan salah ketik"
REVIU_SATUAN = "satuan berubah dari \"{sebelumnya}\" ({lalu}) menjadi \"{satuan}\""
REVIU_SETELAN_ANGKA = "setelan reviu {nama} harus bilangan tidak negatif (nilai: {nilai})"
REVIU_SETELAN_URUTAN = "setelan reviu capaian_bawah ({bawah}) harus lebih kecil dari capaian_atas ({atas})"
REVIU_SETELAN_LONJAKAN = "setelan reviu lonjakan harus lebih dari 1 (nilai: {nilai})"
REVIU_JUDUL = {
    "target_di_bawah_realisasi_lalu": "Target di bawah realisasi tahun lalu",
    "target_turun": "Target turun (atau dilonggarkan)",
    "capaian_ekstrem": "Capaian ekstrem",
    "realisasi_sama_target": "Semua realisasi sama dengan target",
    "indikator_hilang_setelah_gagal": "Indikator hilang setelah gagal",
    "tidak_dilaporkan": "Realisasi tidak dilaporkan",
    "satuan_berubah": "Satuan berubah",
    "lonjakan_target": "Lonjakan target",
}

# --- jejak (trace) of every number (kinerja.render.jejak; `kinerja jejak`, issue 15) ---
JEJAK_TINGKAT = {
    "indikator": "indikator", "sasaran": "sasaran", "opd": "OPD", "pemda": "pemda",
    "perubahan_indikator": "perubahan indikator", "perubahan_opd": "perubahan OPD", "perubahan_pemda": "perubahan pemda",
}
JEJAK_TIDAK_DIHITUNG = "tidak dapat dihitung"
JEJAK_MASUKAN_INDIKATOR = "realisasi {realisasi}; target {target}"
JEJAK_RENTANG = "rentang {bawah}–{atas}"
JEJAK_DALAM_RENTANG = "realisasi {realisasi} dalam rentang {bawah}–{atas} → 100"
JEJAK_NOL_NOL = "target 0 dan realisasi 0 → 100"
JEJAK_LANTAI = "→ dinaikkan ke lantai {lantai}"
JEJAK_POLARITAS = "polaritas {polaritas}"
JEJAK_RUMUS_NEGATIF = "rumus negatif {rumus}"
JEJAK_DI_LUAR_RENTANG = "realisasi di luar rentang: dibandingkan dengan batas {target}"
JEJAK_ATURAN_LANTAI = "lantai {lantai}"
JEJAK_TANPA_BATAS_INDIKATOR = "capaian indikator tidak dibatasi"
JEJAK_BATAS_INDIKATOR = "capaian indikator dibatasi {batas}"
JEJAK_PEMBULATAN = "capaian indikator dibulatkan ke {desimal} desimal sebelum dirata-ratakan"
JEJAK_DIBATASI_INDIKATOR = "→ dibatasi {batas}"
JEJAK_DIBATASI = "{nilai}→{batas}"
JEJAK_METODE = {
    "rata_rata": "rata-rata sederhana",
    "bertingkat": "bertingkat: rata-rata capaian sasaran",
    "bobot": "rata-rata tertimbang kolom bobot",
    "rata_opd": "rata-rata capaian OPD",
}
JEJAK_OPD_DENGAN = "capaian OPD dengan agregasi {metode}"
JEJAK_BATAS = "batas atas {batas} dalam rata-rata"
JEJAK_BATAS_DI_BAWAH = "batas atas {batas} sudah diterapkan di tingkat bawah"
JEJAK_TANPA_BATAS = "tanpa batas atas"
JEJAK_ATURAN_PERUBAHAN = "selisih dalam poin; perubahan relatif dalam persen"
JEJAK_ALASAN = {
    "tidak_terhitung": "tidak dapat dihitung",
    "bobot_kosong": "bobot kosong",
    "bobot_nol": "bobot 0",
}

# --- `kinerja reviu` and `kinerja jejak` (issue 15) ---
CLI_REVIU_RINGKAS = "tandai pola yang patut diperiksa reviewer (APIP); tidak mengubah nilai"
CLI_REVIU_DESKRIPSI = (
    "Membaca dan memeriksa data, lalu menandai pola yang patut ditanyakan saat reviu: target di bawah\n"
    "realisasi tahun lalu, target turun, capaian ekstrem, semua realisasi sama dengan target, indikator\n"
    "hilang setelah gagal, realisasi tidak dilaporkan, satuan berubah, lonjakan target. Tanda reviu adalah\n"
    "pertanyaan, bukan galat: kode keluar tetap 0. Ambangnya diatur di bagian 'reviu:' berkas params."
)
CLI_ARG_TAHUN_REVIU = "hanya tanda untuk tahun ini (tahun sebelumnya tetap dibaca untuk perbandingan); bawaan: tahun params, atau semua tahun"
CLI_ARG_REPORT_REVIU = ("tulis tanda reviu ke berkas .csv atau .xlsx (kolom laporan validasi: berkas, lembar, baris, kolom, "
                        "nilai, pesan, tingkat; ditambah kode dan konteksnya)")
CLI_REVIU_KOSONG = "Tidak ada tanda reviu."
CLI_REVIU_BARIS = "[{kode}] {tempat} (OPD {opd}): {pesan}"
CLI_REVIU_JUMLAH = "{jumlah} × {kode}: {judul}"
CLI_LAPORAN_REVIU_DITULIS = "Laporan reviu ditulis ke {berkas}."
CLI_JEJAK_RINGKAS = "tunjukkan jejak perhitungan setiap angka: baris masukan, rumus berisi angka, aturan yang berlaku"
CLI_JEJAK_DESKRIPSI = (
    "Untuk setiap capaian indikator, rata-rata sasaran, capaian OPD, capaian pemda dan perubahan antartahun:\n"
    "baris masukan (berkas, lembar, baris), rumus dengan angkanya, aturan yang berlaku (batas atas, agregasi),\n"
    "dan untuk setiap rata-rata nilai yang dirata-ratakan serta yang dikeluarkan beserta alasannya."
)
CLI_ARG_TAHUN_JEJAK = "tahun yang ditelusuri (bawaan: tahun params, atau tahun terakhir dalam data)"
CLI_ARG_OPD_JEJAK = "hanya OPD dengan kode_opd ini (baris pemda tetap ditampilkan)"
CLI_ARG_OUT_JEJAK = "tulis jejak ke berkas .csv atau .xlsx (kolom tingkat, tahun, kunci, capaian, rumus, masukan, dikeluarkan, aturan, sumber, catatan)"
CLI_JEJAK_TANPA_TAHUN = "tahun {tahun} tidak ada dalam data (tahun yang ada: {ada})"
CLI_JEJAK_TANPA_OPD = "OPD dengan kode_opd {opd} tidak ada dalam data"
CLI_JEJAK_DITULIS = "Jejak ({baris} baris) ditulis ke {berkas}."

# --- how much the method decides (kinerja.render.metode, issue 15) ---
METODE_BERLAKU = "dengan metode yang berlaku"
METODE_LABEL = {
    "agregasi_opd=bertingkat": "OPD sebagai rata-rata capaian sasaran (bertingkat)",
    "agregasi_opd=rata_rata": "OPD sebagai rata-rata semua indikatornya",
    "agregasi_opd=bobot": "OPD sebagai rata-rata tertimbang bobot",
    "agregasi_pemda=rata_opd": "pemda sebagai rata-rata capaian OPD",
    "agregasi_pemda=rata_rata": "pemda sebagai rata-rata semua indikator",
    "rumus_negatif=selisih": "indikator negatif dengan rumus (2 − R/T) × 100",
    "rumus_negatif=rasio": "indikator negatif dengan rumus T/R × 100",
    "batas_atas=null": "tanpa batas atas",
    "batas_atas_indikator=null": "capaian indikator tanpa batas",
}
METODE_LABEL_BATAS = {
    "batas_atas": "dengan batas atas {batas} dalam rata-rata",
    "batas_atas_indikator": "capaian indikator dibatasi {batas}",
}
METODE_KALIMAT = "{capaian} {setelan} ({predikat})"
# --- the Perjanjian Kinerja documents (kinerja pk; format of the annex of PermenPAN-RB 53/2014) ---
PK_JUDUL = "PERJANJIAN KINERJA TAHUN {tahun}"
PK_PEMBUKA = (
    "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel serta "
    "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
)
PK_NAMA = "Nama"
PK_JABATAN = "Jabatan"
PK_NIP = "NIP"
PK_SEBUTAN_PERTAMA = "selanjutnya disebut pihak pertama"
PK_SEBUTAN_KEDUA = "selaku atasan pihak pertama, selanjutnya disebut pihak kedua"
PK_JANJI = (
    "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, "
    "dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen "
    "perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami."
)
PK_SUPERVISI = (
    "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian "
    "kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan "
    "dan sanksi."
)
PK_PIHAK_PERTAMA = "PIHAK PERTAMA,"
PK_PIHAK_KEDUA = "PIHAK KEDUA,"
PK_TEMPAT_TANGGAL = "{tempat}, {tanggal}"
PK_TANGGAL_KOSONG = "............................ {tahun}"
PK_TEMPAT_KOSONG = "...................."
PK_ISIAN_KOSONG = "........................................"
PK_LAMPIRAN = "LAMPIRAN PERJANJIAN KINERJA TAHUN {tahun}"
PK_KOLOM = ("No", "Sasaran Strategis", "Indikator Kinerja", "Target")
PK_KOLOM_PROGRAM = ("No", "Program", "Anggaran (Rp)", "Keterangan")
PK_JUMLAH = "Jumlah"
PK_SINTETIS = TERBIT_SINTETIS_PENDEK + ": nama dan angka dalam dokumen ini dikarang untuk mencoba perangkat kinerja."
PK_TANPA_INDIKATOR = "Tidak ada indikator kinerja tahun {tahun} dalam data{opd}."
PK_OPD_TIDAK_ADA = "Kode OPD {kode} tidak ada dalam data tahun {tahun}. Kode yang ada: {ada}."
PK_PARAMS_TIDAK_ADA = (
    "Berkas params untuk tahun {tahun} tidak ada ({berkas}). Buat dengan kinerja tahun-baru {tahun}, "
    "atau sebutkan berkasnya dengan --params."
)
PK_SELESAI = "{jumlah} dokumen Perjanjian Kinerja tahun {tahun} ditulis di {folder}."
PK_TYPST_GAGAL = "Dokumen Perjanjian Kinerja {opd} gagal dibuat oleh Typst: {rincian}"
PK_TAHUN_TIDAK_SAMA = "Berkas params {berkas} untuk tahun {params}, bukan {tahun}."
CLI_PK_RINGKAS = "tulis dokumen Perjanjian Kinerja (PDF) setiap OPD untuk satu tahun"
CLI_PK_DESKRIPSI = (
    "Menulis satu PDF Perjanjian Kinerja per OPD (bentuk lampiran PermenPAN-RB 53/2014): pernyataan\n"
    "PIHAK PERTAMA (kepala OPD, dari kolom nama_kepala, jabatan_kepala, nip_kepala lembar opd) dan\n"
    "PIHAK KEDUA (kepala_daerah di berkas params), tempat dan tanggal (pk.tempat, pk.tanggal), tanda\n"
    "tangan, dan lampiran: sasaran strategis, indikator kinerja, target dengan satuannya, serta program\n"
    "dan anggarannya bila ada lembar program. Cukup target: realisasi boleh masih kosong."
)
CLI_ARG_PK_TAHUN = "tahun Perjanjian Kinerja; membaca params/<tahun>.yml (kecuali --params diberikan)"
CLI_ARG_PK_PARAMS = "berkas parameter YAML (bawaan: params/<tahun>.yml)"
CLI_ARG_PK_OUT = "folder tujuan PDF (bawaan: _pk/<tahun>); dibuat bila belum ada"
CLI_ARG_PK_OPD = "hanya OPD dengan kode ini (boleh diulang); bawaan: pilihan opd di params, atau semua"

# --- kinerja init and kinerja tahun-baru (kinerja.inputs.project, kinerja.inputs.new_year) ---
CLI_INIT_RINGKAS = "buat folder proyek baru untuk satu pemda: params, data, notebook, halaman situs, README"
CLI_INIT_DESKRIPSI = (
    "Membuat proyek kinerja yang siap dipakai di FOLDER (baru, atau folder kosong; folder yang berisi\n"
    "tidak pernah ditimpa): params/, data/, notebooks/, situs/, _quarto.yml, README.md (petunjuk untuk\n"
    "analis) dan .gitignore. Tanpa --contoh, data/ berisi buku kerja kosong data/kinerja-TAHUN.xlsx dan\n"
    "params/TAHUN.yml menunjuk ke sana; dengan --contoh, data/ berisi data contoh sintetis tiga tahun\n"
    "sehingga 'cd FOLDER && kinerja build' langsung menghasilkan situs dan laporan PDF.\n\n"
    "Contoh:\n"
    "  kinerja init kinerja-contoh --pemda \"Kabupaten Contoh\" --contoh\n"
    "  kinerja init kinerja-2025 --pemda \"Kabupaten Contoh\" --tahun 2025"
)
CLI_ARG_INIT_FOLDER = "folder proyek baru (dibuat; bila sudah ada harus kosong)"
CLI_ARG_INIT_PEMDA = "nama pemerintah daerah, tampil di situs dan laporan PDF, mis. \"Kabupaten Contoh\""
CLI_ARG_INIT_CONTOH = "isi data/ dengan data contoh sintetis (2022–2024) agar kinerja build langsung jalan"
CLI_ARG_INIT_TAHUN = "tahun anggaran buku kerja kosong dan params-nya (bawaan: tahun ini; diabaikan dengan --contoh)"
INIT_DITULIS = "Proyek {folder} untuk {pemda} dibuat ({berkas} berkas; params tahun {tahun})."
INIT_LANGKAH_CONTOH = "Langkah berikutnya: cd {folder} && kinerja build   (lalu buka _site/index.html)"
INIT_LANGKAH_KOSONG = (
    "Langkah berikutnya: isi {folder}/data/kinerja-{tahun}.xlsx, lalu cd {folder} && "
    "kinerja validate data/kinerja-{tahun}.xlsx && kinerja build. Petunjuk lengkap: {folder}/README.md"
)
INIT_PEMDA_KOSONG = "--pemda tidak boleh kosong: tulis nama pemerintah daerah, mis. \"Kabupaten Contoh\"."
INIT_TEMPLAT_HILANG = "Templat proyek tidak ditemukan di {folder}: paket kinerja tidak terpasang lengkap. Pasang ulang kinerja."
PARAMS_UBAH_GAGAL = (
    "{berkas}: tidak dapat mengubah params secara otomatis tanpa mengubah artinya ({rincian}). "
    "Tulis berkas params baru dengan tangan."
)
CLI_TAHUN_BARU_RINGKAS = "siapkan tahun anggaran baru: params/TAHUN.yml dan buku kerja berisi sasaran dan indikator"
CLI_TAHUN_BARU_DESKRIPSI = (
    "Dijalankan di folder proyek. Menulis params/TAHUN.yml dari params tahun terakhir (hanya tahun diganti\n"
    "dan buku kerja baru ditambahkan ke daftar data; aturan, komentar dan lainnya tetap) dan\n"
    "data/kinerja-TAHUN.xlsx berisi sasaran dan indikator setiap OPD tahun terakhir (kode, satuan,\n"
    "polaritas, rumus, bobot) dengan target dari Renstra bila tersedia dan kosong bila tidak, realisasi\n"
    "kosong, serta daftar OPD (OPD yang berakhir menurut berlaku_sampai tidak dibawa). Tidak pernah\n"
    "menimpa berkas yang sudah ada.\n\n"
    "Contoh:\n"
    "  kinerja tahun-baru 2025"
)
CLI_ARG_TAHUN_BARU = "tahun anggaran baru, setelah tahun params terakhir, mis. 2025"
TAHUN_BARU_TANPA_PARAMS = "Tidak ada berkas params/<tahun>.yml di folder ini: jalankan kinerja tahun-baru di folder proyek (lihat kinerja init)."
TAHUN_BARU_SUDAH_LEWAT = "Tahun {tahun} tidak setelah tahun params terakhir ({terakhir}): tahun baru harus {berikut} atau sesudahnya."
TAHUN_BARU_TANPA_BARIS = "Data params/{terakhir}.yml tidak memuat indikator tahun {terakhir}: tidak ada yang dapat dibawa ke {tahun}."
TAHUN_BARU_DITULIS = "Ditulis: {berkas}"
TAHUN_BARU_RINGKAS = (
    "Tahun {tahun} disiapkan dari {terakhir}: {opd} OPD, {sasaran} sasaran, {indikator} indikator; "
    "target terisi {target} dari {indikator} (Renstra), realisasi kosong."
)
TAHUN_BARU_OPD_BERAKHIR = "OPD yang berakhir dan tidak dibawa: {opd}."
TAHUN_BARU_LANGKAH = "Langkah berikutnya: isi target dan realisasi di {berkas}, lalu kinerja validate {berkas}."
TAHUN_BARU_JUDUL_PETUNJUK = "Disiapkan oleh kinerja tahun-baru dari data tahun {terakhir}: isi target (bila kosong) dan realisasi."

# --- reviu, jejak and method sensitivity on the pages, the site and the PDF (issue 15) ---
HALAMAN_REVIU_JUDUL = "Catatan reviu"
HALAMAN_REVIU_KOSONG = "Tidak ada catatan reviu"
HALAMAN_REVIU_PENGANTAR = ("Catatan reviu adalah pertanyaan bagi peninjau (APIP), bukan kesalahan: catatan tidak "
                           "mengubah capaian mana pun.")
TABEL_REVIU_JUDUL = "Catatan reviu {opd} tahun {tahun}"
TABEL_REVIU_KODE_JUDUL = "Jumlah catatan reviu per jenis, tahun {tahun}"
TABEL_REVIU_OPD_JUDUL = "Jumlah catatan reviu per OPD, tahun {tahun}"
TABEL_REVIU_SEMUA_JUDUL = "Semua catatan reviu tahun {tahun}"
KOLOM_JENIS_CATATAN = "Jenis catatan"
KOLOM_PENJELASAN = "Penjelasan"
KOLOM_LETAK = "Letak di data"
KOLOM_JUMLAH_CATATAN = "Jumlah catatan"
KOLOM_KODE_CATATAN = "Kode"
REVIU_LETAK = "{berkas}, lembar {lembar}, baris {baris}"
REVIU_LETAK_TANPA_LEMBAR = "{berkas}, baris {baris}"
HALAMAN_JEJAK_JUDUL = "Jejak perhitungan"
HALAMAN_JEJAK_RINGKAS = "Jejak perhitungan: {jumlah} angka (klik untuk membuka)"
HALAMAN_JEJAK_PEMDA_RINGKAS = "Jejak perhitungan capaian pemda (klik untuk membuka)"
HALAMAN_JEJAK_TAUTAN = "Bagaimana angka ini dihitung?"
TABEL_JEJAK_JUDUL = "Jejak perhitungan {subjek} tahun {tahun}"
KOLOM_ANGKA = "Angka"
KOLOM_HASIL = "Hasil"
KOLOM_RUMUS = "Rumus"
KOLOM_MASUKAN = "Masukan"
KOLOM_DIKELUARKAN = "Tidak dirata-ratakan"
KOLOM_ATURAN = "Aturan"
KOLOM_SUMBER = "Sumber"
KOLOM_SETELAN = "Cara menghitung"
HALAMAN_KEPEKAAN_JUDUL = "Seberapa besar metode menentukan"
HALAMAN_KEPEKAAN_PENGANTAR = ("Tidak ada peraturan yang menetapkan cara menghitung angka seluruh pemda. Tabel ini "
                              "menghitung ulang capaian pemda tahun {tahun} dengan setiap cara baku, satu aturan "
                              "diubah setiap kali.")
TABEL_KEPEKAAN_JUDUL = "Capaian pemda tahun {tahun} menurut cara menghitung"
TERBIT_MENU_REVIU = "Catatan reviu {tahun}"
TERBIT_REVIU_JUDUL = "Catatan reviu {tahun}"
TERBIT_REVIU_DESKRIPSI = "Pola yang perlu ditinjau APIP sebelum LKjIP {tahun} terbit: jumlah per jenis dan per OPD."
TERBIT_LAMPIRAN_REVIU = "Lampiran: Catatan reviu"
TERBIT_UNDUH_REVIU = "Catatan reviu"
TERBIT_UNDUH_JEJAK = "Jejak perhitungan"
KOLOM_TINGKAT_JEJAK = "Tingkat"
