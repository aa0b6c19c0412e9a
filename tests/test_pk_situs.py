"""The published PK documents, the "tahun berjalan" pages and the conventions in force on every page.

Two real projects, run with papermill and published with the pandoc engine:

* the shared publishing fixture (tests/publish_fixture.py: three OPD, 2023–2024, default rules);
* a "berjalan" project: the same fixture with the indicator cap ``batas_atas_indikator: 100`` in
  2024 and a year 2025 that has targets and no realisasi at all.

Hand-worked 2024 figures under the cap: Dinas Uji Satu's "Cakupan layanan" is 110 / 100 × 100 = 110
uncapped, 100 capped; "Jumlah keluhan" is (2 − 9 / 10) × 100 = 110 uncapped, 100 capped; the OPD is
mean(100, 100) = 100. The PK attachment of 2025
lists the targets typed in the data: 100 %, 10 kasus, 80 indeks, 50 %.
"""

from __future__ import annotations

import csv
import html
import re
import subprocess
from pathlib import Path

import pytest
from publish_fixture import SCRIPT_NAME, make_project, published

CONVENTIONS = "Konvensi perhitungan yang berlaku."


def text_of(path: Path) -> str:
    """The visible text of an HTML page (tags dropped, entities decoded, spaces collapsed)."""
    markup = path.read_text(encoding="utf-8")
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.DOTALL)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(done.stdout.split())


def links(path: Path) -> set[str]:
    return set(re.findall(r'href="([^"]+)"', path.read_text(encoding="utf-8")))


# --- the shared fixture: PK documents published and linked, conventions on every page -------------


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return published(tmp_path_factory, "pandoc").site


def test_one_pk_pdf_per_opd_linked_from_its_page_and_the_year(site):
    folder = site / "2024" / "pk"
    assert sorted(p.name for p in folder.glob("*.pdf")) == ["pk-1.01.pdf", "pk-1.02.pdf", "pk-1.03.pdf"]
    for kode in ("1.01", "1.02", "1.03"):
        assert f"../pk/pk-{kode}.pdf" in links(site / "2024" / "opd" / f"{kode}.html")
    assert "pk/index.html" in links(site / "2024" / "index.html")  # the year's menu
    assert "2024/pk/index.html" in links(site / "index.html")
    listing = folder / "index.html"
    assert {"pk-1.01.pdf", "pk-1.02.pdf", "pk-1.03.pdf"} <= links(listing)
    assert SCRIPT_NAME in text_of(listing) and "<script>alert(1)</script>" not in listing.read_text(encoding="utf-8")


def test_pk_pdf_holds_the_opd_and_its_targets(site):
    text = pdf_text(site / "2024" / "pk" / "pk-1.01.pdf")
    assert "PERJANJIAN KINERJA TAHUN 2024" in text
    assert "Dinas Uji Satu" in text
    for expected in ("Meningkatnya layanan", "Cakupan layanan", "100 %", "Jumlah keluhan", "10 kasus"):
        assert expected in text


def test_every_page_and_the_report_state_the_conventions(site):
    pages = [site / "index.html", site / "tren.html", site / "2024" / "index.html",
             *sorted((site / "2024" / "opd").glob("1.*.html"))]
    assert len(pages) == 6
    for page in pages:
        text = text_of(page)
        assert CONVENTIONS in text, page
        assert "Batas atas capaian indikator: tanpa batas atas (bawaan)." in text, page
        assert "Pembulatan capaian indikator sebelum dirata-rata: tanpa pembulatan (bawaan)." in text, page
    report = pdf_text(site / "2024" / "laporan.pdf")
    assert "Aturan yang berlaku 2024" in report
    assert "Rumus indikator negatif: selisih, (2 − R/T) × 100 (bawaan)." in report


# --- tahun berjalan and the indicator cap ---------------------------------------------------------


@pytest.fixture(scope="module")
def berjalan(tmp_path_factory):
    from kinerja import run
    from kinerja.publish import publish

    project = make_project(tmp_path_factory.mktemp("berjalan") / "proyek")
    params = (project / "params" / "2024.yml").read_text(encoding="utf-8")
    (project / "params" / "2024.yml").write_text(params + "aturan:\n  batas_atas_indikator: 100\n", encoding="utf-8")
    with (project / "data" / "kinerja.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    header, year = rows[0], [row for row in rows[1:] if row[0] == "2024"]
    realisasi = header.index("realisasi")
    with (project / "data" / "kinerja-2025.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        for row in year:
            writer.writerow(["2025", *row[1:realisasi], "", *row[realisasi + 1:]])
    (project / "params" / "2025.yml").write_text(
        "pemda:\n  nama: Pemerintah Daerah Uji (CONTOH SINTETIS)\ntahun: 2025\n"
        "data:\n  - data/kinerja.csv\n  - data/kinerja-2025.csv\n", encoding="utf-8")
    summary = run.run([2024, 2025], jobs=2, root=project, progress=False)
    assert summary.ok, summary.problems()
    publish(project, engine="pandoc")
    return project / "_site"


def test_year_without_realisasi_publishes_targets_and_pk(berjalan):
    page = berjalan / "2025" / "opd" / "1.01.html"
    text = text_of(page)
    assert ("Tahun 2025 adalah tahun berjalan untuk Dinas Uji Satu: target Perjanjian Kinerja sudah ditetapkan, "
            "realisasi belum dilaporkan, sehingga capaian dan predikat belum dihitung.") in text
    assert "Sasaran Indikator Satuan Target Meningkatnya layanan Cakupan layanan % 100 Menurunnya keluhan Jumlah keluhan kasus 10" in text
    assert "Realisasi tahun 2025 belum dilaporkan (tahun berjalan)" in text
    assert "../pk/pk-1.01.pdf" in links(page)
    assert "Tahun berjalan" in text_of(berjalan / "2025" / "index.html")
    listing = text_of(berjalan / "2025" / "opd" / "index.html")
    assert listing.count("Tahun berjalan: target Perjanjian Kinerja, realisasi belum dilaporkan") == 3
    pk = pdf_text(berjalan / "2025" / "pk" / "pk-1.02.pdf")
    assert "PERJANJIAN KINERJA TAHUN 2025" in pk and "Indeks keamanan" in pk and "80 indeks" in pk
    report = pdf_text(berjalan / "2025" / "laporan.pdf")
    assert "Tahun berjalan" in report


def test_indicator_cap_shows_the_uncapped_value_beside_the_capped_one(berjalan):
    text = text_of(berjalan / "2024" / "opd" / "1.01.html")
    assert "Capaian Capaian tanpa batas Predikat" in text
    assert "Cakupan layanan % 100 110 100,00 % 110,00 %" in text
    assert "Jumlah keluhan kasus 10 9 100,00 % 110,00 %" in text
    assert "Batas atas capaian indikator: 100 % (berbeda dari bawaan: tanpa batas atas)." in text
    report = pdf_text(berjalan / "2024" / "laporan.pdf")
    assert "Batas atas capaian indikator: 100 % (berbeda dari bawaan: tanpa batas atas)." in report
    assert re.search(r"Cakupan layanan % 100 110 100,00 % \(tanpa batas: 110,00 %\)", report)
    # the year without the cap says so
    assert "Batas atas capaian indikator: tanpa batas atas (bawaan)." in text_of(berjalan / "2025" / "opd" / "1.01.html")


def test_conventions_are_worded_setting_by_setting():
    from kinerja.core.rules import Rules
    from kinerja.pages import wording

    assert wording.conventions(Rules(rumus_negatif="rasio", batas_atas_indikator=100, pembulatan_sebelum_rata=2,
                                     lantai=None)) == (
        "Rumus indikator negatif: rasio, T/R × 100 (berbeda dari bawaan: selisih, (2 − R/T) × 100).",
        "Batas bawah capaian indikator: tanpa batas bawah (berbeda dari bawaan: 0 %).",
        "Batas atas capaian dalam rata-rata: tanpa batas atas (bawaan).",
        "Capaian OPD: rata-rata capaian sasarannya (bawaan).",
        "Capaian pemda: rata-rata capaian OPD (bawaan).",
        "Skala predikat: lima-tingkat (bawaan).",
        "Sifat indikator tanpa kolom sifat (pemantauan triwulan): akhir (nilai triwulan terakhir) (bawaan).",
        "Indikator tertinggal bila capaian triwulannya di bawah: 91 % (bawaan).",
        "Batas atas capaian indikator: 100 % (berbeda dari bawaan: tanpa batas atas).",
        "Pembulatan capaian indikator sebelum dirata-rata: dibulatkan ke 2 desimal (berbeda dari bawaan: tanpa pembulatan).",
    )
    assert "Batas atas capaian dalam rata-rata: 120,5 % (berbeda dari bawaan: tanpa batas atas)." in \
        wording.conventions(Rules(batas_atas=120.5))
    assert ("Sifat indikator tanpa kolom sifat (pemantauan triwulan): kumulatif (jumlah triwulan) (berbeda dari bawaan: "
            "akhir (nilai triwulan terakhir)).") in wording.conventions(Rules(sifat_bawaan="kumulatif"))
