"""Issue 15 on the pages, the site and the PDF: reviu flags, jejak and how much the method decides.

Hand-worked figures of the publishing fixture (tests/publish_fixture.py; 2024): Dinas Uji Satu has
two sasaran of one indicator each, 110 / 100 × 100 = 110 and (2 − 9 / 10) × 100 = 110, so its
bertingkat mean is (110 + 110) / 2 = 110; the pemda figure is (110 + 75 + 90) / 3 = 91,67.
Under the other settings: pemda as the flat mean of the four indicators (110 + 110 + 75 + 90) / 4 =
96,25; the negatif indicator by T / R: 10 / 9 × 100 = 111,11, Uji Satu (110 + 111,11) / 2 = 110,56,
pemda (110,56 + 75 + 90) / 3 = 91,85; cap 100 in the means: (100 + 75 + 90) / 3 = 88,33 (Tinggi).
The sample (data/contoh) in 2024: 100,86 % with the method in force, 101,17 % as the flat mean of
every indicator, 97,14 % with a cap of 100 (figures verified by hand when the sensitivity was
built), and 5 indicators without a realisasi over 2022–2024 (1 + 1 + 3).
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from publish_fixture import FIXTURE, ROOT, engine_params, make_project, published

from kinerja import pages
from kinerja.support import display


def _main(markup: str) -> str:
    """The visible text of a page's main content, whitespace collapsed."""
    found = re.search(r"<main.*?</main>", markup, re.DOTALL)
    text = re.sub(r"<[^>]+>", " ", found.group(0) if found else markup)
    return " ".join(text.replace("&amp;", "&").split())


def _details(markup: str, ident: str | None = None) -> str:
    pattern = (rf'<details class="kinerja-jejak" id="{ident}">' if ident else r'<details class="kinerja-jejak">') + r".*?</details>"
    found = re.search(pattern, markup, re.DOTALL)
    assert found, f"no collapsed jejak {ident or ''}"
    return found.group(0)


# --- the pages (no kernel) --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample():
    return pages.analyse(2024, proyek=ROOT)


def test_overview_page_of_the_sample_has_the_method_sensitivity(sample):
    page = pages.ringkasan(sample)
    shown = {row.setelan: (display.persen(row.capaian), row.predikat) for row in page.tables["metode"].itertuples()}
    assert shown["dengan metode yang berlaku"] == ("100,86 %", "Sangat Tinggi")
    assert shown["pemda sebagai rata-rata semua indikator"][0] == "101,17 %"
    assert shown["dengan batas atas 100 dalam rata-rata"][0] == "97,14 %"
    assert page.tables["metode"]["berlaku"].tolist().count(True) == 1
    assert page.kepekaan.startswith("100,86 % dengan metode yang berlaku (Sangat Tinggi); ")
    assert "101,17 % pemda sebagai rata-rata semua indikator" in page.kepekaan


def test_sample_reviu_flags_on_the_pages():
    missing = 0
    for year in (2022, 2023, 2024):
        overview = pages.ringkasan(pages.analyse(year, proyek=ROOT))
        per_code = dict(zip(overview.tables["reviu_kode"]["kode"], overview.tables["reviu_kode"]["jumlah"]))
        assert per_code["tidak_dilaporkan"] == (overview.tables["reviu"]["kode"] == "tidak_dilaporkan").sum()
        missing += per_code["tidak_dilaporkan"]
        assert len(per_code) == 8  # every flag code, zeros included
    assert missing == 5


def test_each_opd_page_has_its_own_flags_and_trace(sample):
    overview = pages.ringkasan(sample)
    flags = overview.tables["reviu"]
    total = 0
    for kode in sample.opd_codes():
        page = pages.opd(sample, kode)
        assert set(page.tables["reviu"]["kode_opd"]) <= {kode}
        total += len(page.tables["reviu"])
        jejak = page.tables["jejak"]
        assert set(jejak["kode_opd"]) == {kode}
        assert "pemda" not in set(jejak["tingkat"])
        opd_row = jejak[jejak["tingkat"] == "opd"]
        assert len(opd_row) == 1 and opd_row["capaian"].iloc[0] == display.angka(page.row["capaian"], 2)
    assert total == len(flags)
    pemda = overview.tables["jejak"][overview.tables["jejak"]["tingkat"] == "pemda"]
    assert pemda["capaian"].tolist() == ["100,86"]


# --- the published site and PDF (fixture) -------------------------------------------------------------


@pytest.mark.parametrize("engine", engine_params())
def test_site_shows_reviu_jejak_and_the_method_table(tmp_path_factory, engine):
    site = published(tmp_path_factory, engine).site
    opd = (site / "2024" / "opd" / "1.01.html").read_text(encoding="utf-8")
    assert "Catatan reviu" in _main(opd) and "Tidak ada catatan reviu" in _main(opd)
    details = _details(opd)
    assert "<summary>Jejak perhitungan: " in details
    assert "(110,00 + 110,00) / 2 = 110,00" in details  # the OPD figure
    assert "(2 − 9 / 10) × 100 = 110,00" in details  # its negatif indicator
    overview = (site / "index.html").read_text(encoding="utf-8")
    card = re.search(r'<section class="kartu-utama".*?</section>', overview, re.DOTALL).group(0)
    assert 'href="#jejak-pemda"' in card
    assert "(110,00 + 75,00 + 90,00) / 3 = 91,67" in _details(overview, "jejak-pemda")
    reviu = (site / "2024" / "reviu.html").read_text(encoding="utf-8")
    assert "Realisasi tidak dilaporkan" in _main(reviu) and "Tidak ada catatan reviu" in _main(reviu)
    assert re.search(r'href="[^"]*2024/reviu\.html"|href="(\./)?reviu\.html"', (site / "2024" / "index.html").read_text(encoding="utf-8"))  # the year's menu
    method = _main((site / "metodologi.html").read_text(encoding="utf-8"))
    assert "Seberapa besar metode menentukan" in method
    for shown in ("dengan metode yang berlaku 91,67 % Sangat Tinggi", "pemda sebagai rata-rata semua indikator 96,25 %",
                  "indikator negatif dengan rumus T/R × 100 91,85 %", "dengan batas atas 100 dalam rata-rata 88,33 % Tinggi"):
        assert shown in method
    downloads = (site / "unduh.html").read_text(encoding="utf-8")
    for name in ("reviu.xlsx", "reviu.csv", "jejak.csv"):
        assert f'href="unduh/2024/{name}"' in downloads and (site / "unduh" / "2024" / name).is_file()


def test_downloads_hold_the_flags_and_the_trace(tmp_path_factory):
    site = published(tmp_path_factory).site
    with (site / "unduh" / "2024" / "reviu.csv").open(encoding="utf-8") as stream:
        header = next(csv.reader(stream))
    assert header == ["berkas", "lembar", "baris", "kolom", "nilai", "pesan", "tingkat", "kode", "tahun", "kode_opd",
                      "nama_opd", "kode_indikator", "indikator", "terkait"]
    with (site / "unduh" / "2024" / "jejak.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    pemda = [row for row in rows if row["tingkat"] == "pemda"]
    assert [row["rumus"] for row in pemda] == ["(110,00 + 75,00 + 90,00) / 3 = 91,67"]
    assert {row["kode_opd"] for row in rows if row["tingkat"] == "opd"} == {"1.01", "1.02", "1.03"}


def _pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True)
    return " ".join(done.stdout.split())


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_pdf_has_the_method_table_and_the_reviu_appendix(tmp_path_factory):
    text = _pdf_text(published(tmp_path_factory).site / "2024" / "laporan.pdf")
    method = text[text.index("Seberapa besar metode menentukan"):]
    assert "pemda sebagai rata-rata semua indikator 96,25 % Sangat Tinggi +4,58 poin" in method
    assert "dengan batas atas 100 dalam rata-rata 88,33 % Tinggi -3,33 poin" in method
    assert "Lampiran: Catatan reviu" in text
    appendix = text[text.index("Lampiran: Catatan reviu"):]
    assert "Realisasi tidak dilaporkan tidak_dilaporkan 0" in appendix


# --- a planted flag, end to end -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def flagged(tmp_path_factory):
    """The fixture with the 2024 realisasi of Dinas Uji Satu's negatif indicator (CSV row 7) left
    empty: one ``tidak_dilaporkan`` flag; Uji Satu = 110 (its other sasaran), pemda still 91,67."""
    from kinerja import run
    from kinerja.publish import publish

    base = tmp_path_factory.mktemp("reviu-situs")
    source = base / "sumber"
    shutil.copytree(FIXTURE, source)
    data = source / "data" / "kinerja.csv"
    lines = data.read_text(encoding="utf-8").splitlines()
    assert lines[6].startswith("2024,1.01,Dinas Uji Satu,Menurunnya keluhan,U1.2") and lines[6].endswith(",10,9,CONTOH SINTETIS")
    lines[6] = lines[6].replace(",10,9,CONTOH SINTETIS", ",10,,CONTOH SINTETIS")
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    project = make_project(base / "proyek", source)
    summary = run.run([2024], jobs=2, root=project, progress=False)
    assert summary.ok, summary.problems()
    publish(project, engine="pandoc", out="_site")
    return project / "_site"


def test_a_planted_flag_reaches_the_opd_page_the_reviu_page_the_downloads_and_the_pdf(flagged):
    opd = _main((flagged / "2024" / "opd" / "1.01.html").read_text(encoding="utf-8"))
    section = opd[opd.index("Catatan reviu"):]
    assert "Realisasi tidak dilaporkan Jumlah keluhan realisasi belum dilaporkan kinerja.csv, baris 7" in section
    assert "Tidak ada catatan reviu" not in opd
    assert "Tidak ada catatan reviu" in _main((flagged / "2024" / "opd" / "1.02.html").read_text(encoding="utf-8"))
    reviu_html = (flagged / "2024" / "reviu.html").read_text(encoding="utf-8")
    reviu = _main(reviu_html)
    assert "Realisasi tidak dilaporkan tidak_dilaporkan 1" in reviu
    assert "Target turun (atau dilonggarkan) target_turun 0" in reviu
    assert "Dinas Uji Satu 1.01 1" in reviu and 'href="opd/1.01.html"' in reviu_html
    with (flagged / "unduh" / "2024" / "reviu.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert [(r["kode"], r["kode_opd"], r["baris"], r["kolom"]) for r in rows] == [("tidak_dilaporkan", "1.01", "7", "realisasi")]
    text = _pdf_text(flagged / "2024" / "laporan.pdf")
    appendix = text[text.index("Lampiran: Catatan reviu"):]
    assert "Realisasi tidak dilaporkan tidak_dilaporkan 1" in appendix
    every = appendix[appendix.index("Semua catatan reviu tahun 2024"):]
    assert "Dinas Uji Satu" in every and "realisasi belum dilaporkan kinerja.csv, baris 7" in every
