"""Write the corpus of malformed input files in ``tests/fixtures/rusak/`` (see its README.md).

    .venv/bin/python scripts/make_malformed_corpus.py            # writes tests/fixtures/rusak/
    .venv/bin/python scripts/make_malformed_corpus.py --out /tmp/rusak

The files are committed; this script documents how each was made and remakes them. Every file but
one is made with the project's own dependencies (openpyxl, zipfile). The password-protected
workbook ``bersandi.xlsx`` needs ``msoffcrypto-tool`` (``pip install msoffcrypto-tool``, in a
separate environment: it is not a dependency of kinerja); without it the committed file is kept.
"""

from __future__ import annotations

import argparse
import io
import re
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.chart import BarChart, Reference

HEADER = ["tahun", "kode_opd", "nama_opd", "sasaran", "indikator", "satuan", "polaritas", "target", "realisasi"]
CSV_TEXT = (
    "tahun,kode_opd,nama_opd,sasaran,indikator,satuan,polaritas,target,realisasi\n"
    "2024,1.02.01,Dinas Kesehatan,Derajat kesehatan,Angka kematian ibu,per 100.000 KH,negatif,120,110\n"
    "2024,1.02.01,Dinas Kesehatan,Derajat kesehatan,Cakupan imunisasi,%,positif,95,90\n"
)
PASSWORD = "rahasia"


def workbook_bytes(book: openpyxl.Workbook) -> bytes:
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def rewrite_part(data: bytes, part: str, change) -> bytes:
    """The zip ``data`` with member ``part`` replaced by ``change(text)``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == part:
                content = change(content.decode("utf-8")).encode("utf-8")
            target.writestr(item, content)
    return out.getvalue()


def good_book() -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "kinerja"
    sheet.append(HEADER)
    sheet.append([2024, "1.02.01", "Dinas Kesehatan", "Derajat kesehatan", "Angka kematian ibu", "per 100.000 KH",
                  "negatif", 120, 110])
    sheet.append([2024, "1.02.01", "Dinas Kesehatan", "Derajat kesehatan", "Cakupan imunisasi", "%", "positif", 95, 90])
    return book


def per_opd() -> bytes:
    """One sheet per OPD, no sheet named kinerja, and a summary sheet that is not a table."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for code, name, realisasi in (("1.01", "Dinas Pendidikan", 80), ("1.02", "Dinas Kesehatan", 90),
                                  ("1.03", "Dinas PUPR", 100)):
        sheet = book.create_sheet(name)
        sheet.append(["PERJANJIAN KINERJA 2024"])
        sheet.append([])
        sheet.append(HEADER)
        sheet.append([2024, code, name, "Sasaran utama", "Indikator utama", "%", "positif", 100, realisasi])
    summary = book.create_sheet("rekap")
    summary.append(["Kode OPD", "Nama OPD", "Capaian"])
    summary.append(["1.01", "Dinas Pendidikan", 80])
    return workbook_bytes(book)


def hidden_sheet() -> bytes:
    """A visible sheet and a hidden one, both with indicator rows."""
    book = openpyxl.Workbook()
    first = book.active
    first.title = "2024"
    first.append(HEADER)
    first.append([2024, "1.02", "Dinas Kesehatan", "S", "Cakupan imunisasi", "%", "positif", 100, 90])
    hidden = book.create_sheet("2023")
    hidden.append(HEADER)
    hidden.append([2023, "1.02", "Dinas Kesehatan", "S", "Cakupan imunisasi", "%", "positif", 100, 80])
    hidden.sheet_state = "hidden"
    return workbook_bytes(book)


def merged_sasaran() -> bytes:
    """Sasaran and OPD name merged down over their indicators (as LKjIP tables are laid out), and
    a title merged across the top."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "kinerja"
    sheet.append(["Perjanjian Kinerja Dinas Kesehatan 2024"])
    sheet.merge_cells("A1:I1")
    sheet.append(HEADER)
    rows = [
        [2024, "1.02", "Dinas Kesehatan", "Derajat kesehatan", "Cakupan imunisasi", "%", "positif", 100, 90],
        [2024, "1.02", None, None, "Cakupan persalinan", "%", "positif", 100, 110],
        [2024, "1.02", None, "Mutu layanan", "Puskesmas terakreditasi", "%", "positif", 80, 60],
        [2024, "1.02", None, None, "Keluhan pasien", "kasus", "negatif", 50, 40],
    ]
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("C3:C6")  # nama_opd over all four indicators
    sheet.merge_cells("D3:D4")  # each sasaran over its two
    sheet.merge_cells("D5:D6")
    return workbook_bytes(book)


def merged_across() -> bytes:
    """A section heading merged across the table between the header and an indicator row."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "kinerja"
    sheet.append(HEADER)
    sheet.append(["Sasaran 1: Derajat kesehatan"])
    sheet.merge_cells("A2:I2")
    sheet.append([2024, "1.02", "Dinas Kesehatan", "Derajat kesehatan", "Cakupan imunisasi", "%", "positif", 100, 90])
    return workbook_bytes(book)


def two_row_header() -> bytes:
    """The header of LKjIP tables: most headers merged over two rows, ``Kinerja`` merged across
    ``Target`` and ``Realisasi`` written below it."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "kinerja"
    sheet.append([*HEADER[:7], "Kinerja", None])
    sheet.append([None] * 7 + ["Target", "Realisasi"])
    for column in "ABCDEFG":
        sheet.merge_cells(f"{column}1:{column}2")
    sheet.merge_cells("H1:I1")
    sheet.append([2024, "1.02", "Dinas Kesehatan", "Derajat kesehatan", "Cakupan imunisasi", "%", "positif", 100, 90])
    sheet.append([2024, "1.02", "Dinas Kesehatan", "Derajat kesehatan", "Keluhan pasien", "kasus", "negatif", 50, 40])
    return workbook_bytes(book)


def formulas(with_values: bool) -> bytes:
    """Target and realisasi as formulas, as a program that does not compute them writes them (no
    stored value); or with the values Excel stores when it saves."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "kinerja"
    sheet.append(HEADER)
    sheet.append([2024, "1.02", "Dinas Kesehatan", "S", "Cakupan imunisasi", "%", "positif", 100, 90])
    sheet.append([2024, "1.02", "Dinas Kesehatan", "S", "Cakupan persalinan", "%", "positif", "=H2", "=I2*1.1"])
    data = workbook_bytes(book)
    if not with_values:
        return data

    def store(text: str) -> str:
        text = text.replace("<f>H2</f><v />", "<f>H2</f><v>100</v>")
        return text.replace("<f>I2*1.1</f><v />", "<f>I2*1.1</f><v>99</v>")

    return rewrite_part(data, "xl/worksheets/sheet1.xml", store)


def wrong_dimension() -> bytes:
    """A sheet whose stored size says two rows while it has four (some exporters write that)."""
    book = good_book()
    book.active.append([2024, "1.02.01", "Dinas Kesehatan", "Derajat kesehatan", "Keluhan pasien", "kasus", "negatif",
                        50, 40])
    data = workbook_bytes(book)
    return rewrite_part(data, "xl/worksheets/sheet1.xml",
                        lambda text: re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:I2"', text))


def with_chart() -> bytes:
    """A data sheet and a chart sheet (a sheet without cells)."""
    book = good_book()
    chart = BarChart()
    chart.add_data(Reference(book.active, min_col=9, min_row=1, max_row=3), titles_from_data=True)
    book.create_chartsheet("grafik").add_chart(chart)
    return workbook_bytes(book)


def other_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("laporan.txt", "bukan buku kerja")
    return out.getvalue()


def ole_without_password() -> bytes:
    """The first sector of an OLE compound file (what an Excel 97-2003 .xls starts with)."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


def encrypted(out: Path) -> bytes | None:
    try:
        import msoffcrypto.format.ooxml as ooxml
    except ImportError:
        return None
    plain = io.BytesIO(workbook_bytes(good_book()))
    target = io.BytesIO()
    ooxml.OOXMLFile(plain).encrypt(PASSWORD, target)
    return target.getvalue()


def opd_codes() -> str:
    """OPD codes that cannot name a file as they are, or that collide."""
    rows = [
        ("a/b", "Dinas Garis Miring"),
        ("a_b", "Dinas Garis Bawah"),
        ("a b", "Dinas Spasi"),
        ("1.02.", "Dinas Titik Akhir"),
        ("1.02", "Dinas Tanpa Titik"),
        ("CON", "Dinas Nama Perangkat"),
        ("..", "Dinas Titik Dua"),
        ("-x", "Dinas Tanda Hubung"),
        ("DINKES", "Dinas Kesehatan"),
        ("dinkes", "Dinas Kesehatan Kecil"),
        ("X" * 300, "Dinas Kode Panjang"),
        ('"1.0\t2"', "Dinas Tab"),
    ]
    lines = [",".join(HEADER)]
    for i, (code, name) in enumerate(rows, start=1):
        lines.append(f"2024,{code},{name},Sasaran,Indikator {i},%,positif,100,90")
    return "\n".join(lines) + "\n"


def corpus(out: Path) -> dict[str, bytes]:
    good = workbook_bytes(good_book())
    files = {
        "nol-bita.xlsx": b"",
        "nol-bita.csv": b"",
        "terpotong.xlsx": good[: len(good) // 2],
        "teks.xlsx": CSV_TEXT.encode("utf-8"),
        "ole-lama.xlsx": ole_without_password(),
        "zip-lain.xlsx": other_zip(),
        "buku-kerja.csv": good,
        "per-opd.xlsx": per_opd(),
        "tersembunyi.xlsx": hidden_sheet(),
        "gabung-sasaran.xlsx": merged_sasaran(),
        "gabung-melintang.xlsx": merged_across(),
        "judul-dua-baris.xlsx": two_row_header(),
        "rumus-tanpa-nilai.xlsx": formulas(with_values=False),
        "rumus-bernilai.xlsx": formulas(with_values=True),
        "dimensi-salah.xlsx": wrong_dimension(),
        "grafik.xlsx": with_chart(),
        "bom.csv": b"\xef\xbb\xbf" + CSV_TEXT.encode("utf-8"),
        "crlf.csv": CSV_TEXT.replace("\n", "\r\n").encode("utf-8"),
        "latin1.csv": CSV_TEXT.replace("Dinas Kesehatan", "Dinas Kesehatan dan Keluarga Berencana – Bengkulu é")
        .replace("–", "-").encode("latin-1"),
        "utf16.csv": CSV_TEXT.encode("utf-16"),
        "hanya-judul.csv": (",".join(HEADER) + "\n").encode("utf-8"),
        "kolom-lebih.csv": (CSV_TEXT + "2024,1.02.01,Dinas Kesehatan,S,I,%,positif,1,2,3\n").encode("utf-8"),
        "kutip-terbuka.csv": (CSV_TEXT + '2024,1.02.01,"Dinas Kesehatan,S,I,%,positif,1,2\n').encode("utf-8"),
        "kode-opd.csv": opd_codes().encode("utf-8"),
    }
    secret = encrypted(out)
    if secret is not None:
        files["bersandi.xlsx"] = secret
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "rusak")
    out = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    files = corpus(out)
    for name, data in sorted(files.items()):
        (out / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")
    if "bersandi.xlsx" not in files:
        print("bersandi.xlsx kept as it is (msoffcrypto-tool is not installed)")


if __name__ == "__main__":
    main()
