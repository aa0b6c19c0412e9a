"""The yearly PDF report of each engine, read back with poppler (pdftotext, pdffonts).

Both engines lay the report out with the same Typst template (kinerja/templates/kinerja-laporan.typ):
the pandoc engine through pandoc's Typst writer and the typst wheel, the Quarto engine through
Quarto's ``format: typst``. Every check runs on both (the Quarto one where Quarto is installed).
Hand-worked figures: see tests/test_publish.py (pemda 2024 = 91,67 %, −8,33 poin from 2023).
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from publish_fixture import OPD_NAMES, engine_params, published

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="poppler-utils (pdftotext, pdffonts) is not installed; .ci/run installs it",
)


@pytest.fixture(scope="module", params=engine_params())
def pdf(request, tmp_path_factory):
    return published(tmp_path_factory, request.param).site / "2024" / "laporan.pdf"


@pytest.fixture(scope="module")
def text(pdf):
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_cover_and_headline_in_indonesian_format(text):
    cover = text.split("\f")[0]
    assert "Laporan Capaian Kinerja" in cover and "Tahun Anggaran 2024" in cover
    assert "Pemerintah Daerah Uji (CONTOH SINTETIS)" in cover
    assert "CONTOH SINTETIS — data contoh, bukan data resmi" in cover
    assert "tahun 2024: 91,67 % (predikat Sangat Tinggi)." in " ".join(cover.split())
    assert "Dibanding tahun 2023 (100,00 %): -8,33 poin, atau -8,333 % secara relatif" in " ".join(text.split())


def test_every_opd_and_the_lkjip_headers(text):
    flat = " ".join(text.split())
    for name in OPD_NAMES:
        assert name in flat, name
    for header in ("No", "Sasaran", "Indikator", "Satuan", "Target", "Realisasi", "Capaian", "Predikat"):
        assert re.search(rf"\b{header}\b", text), header
    assert "Rata-rata capaian sasaran" in flat
    assert "Jumlah keluhan kasus 10 9 110,00 % Sangat Tinggi" in flat  # (2 − 9/10) × 100
    assert "Indeks keamanan indeks 80 60 75,00 % Sedang" in flat
    assert "Perbandingan dengan tahun sebelumnya" in flat and "Metodologi" in flat


def test_page_numbers_on_every_page(text):
    pages = [page for page in text.split("\f") if page.strip()]
    assert len(pages) >= 4
    for number, page in enumerate(pages, start=1):
        assert f"Halaman {number} dari {len(pages)}" in page


def test_fonts_are_embedded(pdf):
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert lines, "no fonts listed"
    for line in lines:
        emb = line.split()[-5]  # columns: name type encoding emb sub uni object ID
        assert emb == "yes", line
    assert any("LibertinusSerif" in line for line in lines)


def test_long_table_repeats_its_header(tmp_path):
    """A table longer than a page (many indicators in one OPD) repeats its header on the next page."""
    import json

    import typst

    from kinerja.publish.stage import TEMPLATES

    rows = [{"indikator": f"Indikator {i}", "satuan": "%", "target": "100", "realisasi": "99", "capaian": "99,00 %",
             "predikat": "Sangat Tinggi"} for i in range(90)]
    data = {"sasaran": [{"nama": "Sasaran panjang", "label": "Rata-rata capaian sasaran", "capaian": "99,00 %",
                         "predikat": "Sangat Tinggi", "indikator": rows}]}
    teks = {"kolom-lkjip": ["No", "Sasaran", "Indikator", "Satuan", "Target", "Realisasi", "Capaian", "Predikat"]}
    shutil.copyfile(TEMPLATES / "kinerja-laporan.typ", tmp_path / "kinerja-laporan.typ")
    (tmp_path / "data.json").write_text(json.dumps({"opd": data, "teks": teks}), encoding="utf-8")
    (tmp_path / "main.typ").write_text(
        '#import "kinerja-laporan.typ": tabel-lkjip\n#let d = json("data.json")\n#tabel-lkjip(d.opd, d.teks, (:))\n',
        encoding="utf-8")
    typst.compile(str(tmp_path / "main.typ"), output=str(tmp_path / "t.pdf"), font_paths=[], ignore_system_fonts=True)
    pages = subprocess.run(["pdftotext", "-layout", str(tmp_path / "t.pdf"), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    pages = [page for page in pages if page.strip()]
    assert len(pages) >= 2
    for page in pages:
        assert re.search(r"No\s+Sasaran\s+Indikator\s+Satuan\s+Target\s+Realisasi\s+Capaian\s+Predikat", page)


def test_figures_with_their_captions(pdf, text):
    """The overview's two figures, as kinerja run filed them, captioned with the page's titles."""
    flat = " ".join(text.split())
    assert "Peringkat capaian kinerja OPD tahun 2024" in flat
    assert "Sebaran capaian kinerja OPD tahun 2024" in flat
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    images = [line for line in listing.splitlines()[2:] if line.split() and line.split()[2] == "image"]
    assert len(images) >= 2
