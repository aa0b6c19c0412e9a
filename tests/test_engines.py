"""Parity of the two engines: the fixture published by the pandoc engine and by the Quarto engine
shows the same thing. Same pages (paths), the same headline figures and bold statements, the same
tables cell by cell, the same downloads byte for byte, and the same PDF text. Each site is parsed
on its own (Python's html.parser); nothing here comes from the code under test.

Runs where Quarto is installed (skipped with the reason elsewhere).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from publish_fixture import QUARTO, QUARTO_SKIP, SCRIPT_NAME, published

pytestmark = pytest.mark.skipif(QUARTO is None, reason=QUARTO_SKIP)


class _Content(HTMLParser):
    """What a page of the site says inside ``<main>``: its tables (caption and rows of cell
    texts), the text of its headline card and of every ``<strong>``. Scripts and styles ignored."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.main = 0
        self.skip = 0
        self.tables: list[dict] = []
        self.strong: list[str] = []
        self.card: list[str] = []
        self._stack: list[list[str]] = []  # open text collectors
        self._kinds: list[str] = []
        self._card_depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self.main += 1
        if not self.main:
            return
        if tag in ("script", "style"):
            self.skip += 1
        if tag == "section" and "kartu-utama" in (attrs.get("class") or "").split():
            self._card_depth = 1
        elif self._card_depth and tag == "section":
            self._card_depth += 1
        if tag == "table":
            self.tables.append({"caption": "", "rows": []})
        elif tag == "tr" and self.tables:
            self.tables[-1]["rows"].append([])
        if tag in ("td", "th", "caption", "strong"):
            self._stack.append([])
            self._kinds.append(tag)

    def handle_endtag(self, tag):
        if tag == "main":
            self.main -= 1
        if not self.main:
            return
        if tag in ("script", "style"):
            self.skip -= 1
        if tag == "section" and self._card_depth:
            self._card_depth -= 1
        if tag in ("td", "th", "caption", "strong") and self._kinds and self._kinds[-1] == tag:
            text = " ".join("".join(self._stack.pop()).split())
            self._kinds.pop()
            if tag == "strong":
                self.strong.append(text)
            elif tag == "caption":
                self.tables[-1]["caption"] = text
            elif self.tables and self.tables[-1]["rows"]:
                self.tables[-1]["rows"][-1].append(text)
            if self._stack:
                self._stack[-1].append(text)

    def handle_data(self, data):
        if not self.main or self.skip:
            return
        if self._stack:
            self._stack[-1].append(data)
        if self._card_depth:
            self.card.append(data)


def content(path: Path) -> dict:
    parser = _Content()
    parser.feed(path.read_text(encoding="utf-8"))
    return {"tables": parser.tables, "strong": parser.strong, "card": " ".join("".join(parser.card).split())}


def pages(site: Path) -> list[str]:
    """The site's pages and reports (what a visitor reads), not the engines' own files."""
    return sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.suffix in (".html", ".pdf")
                  and "site_libs" not in p.parts)


def digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    return published(tmp_path_factory, "pandoc").site, published(tmp_path_factory, "quarto").site


def test_same_pages(sites):
    pandoc, quarto = sites
    assert pages(quarto) == pages(pandoc)
    assert "2024/opd/1.02.html" in pages(pandoc) and "2024/laporan.pdf" in pages(pandoc)


def test_same_headlines_and_tables_on_every_page(sites):
    pandoc, quarto = sites
    for name in pages(pandoc):
        if not name.endswith(".html"):
            continue
        left, right = content(pandoc / name), content(quarto / name)
        assert right["card"] == left["card"], name
        assert right["strong"] == left["strong"], name
        assert [t["caption"] for t in right["tables"]] == [t["caption"] for t in left["tables"]], name
        for number, (a, b) in enumerate(zip(left["tables"], right["tables"])):
            assert b["rows"] == a["rows"], f"{name}, table {number + 1} ({a['caption']})"
    # the comparison compares something: hand-worked figures of the fixture (tests/test_publish.py)
    overview = content(pandoc / "index.html")
    assert "91,67 %" in overview["card"] and "Dibanding tahun 2023 (100,00 %): -8,33 poin, atau -8,333 % secara relatif" in overview["card"]
    ranking = next(t for t in overview["tables"] if t["caption"] == "Capaian kinerja OPD tahun 2024")
    assert [row[1] for row in ranking["rows"][1:]] == ["Dinas Uji Satu", "Badan Uji Tiga", SCRIPT_NAME]
    assert [row[2] for row in ranking["rows"][1:]] == ["110,00 %", "90,00 %", "75,00 %"]
    listing = content(pandoc / "2024" / "opd" / "index.html")["tables"][0]["rows"]
    assert listing[0] == ["OPD", "Capaian dan predikat"]
    assert sorted(listing[1:]) == [[SCRIPT_NAME, "Capaian 75,00 % · Sedang"],
                                   ["Badan Uji Tiga", "Capaian 90,00 % · Tinggi"],
                                   ["Dinas Uji Satu", "Capaian 110,00 % · Sangat Tinggi"]]
    names = [row[0] for row in listing[1:]]
    assert names.index("Badan Uji Tiga") < names.index("Dinas Uji Satu")  # sorted by name (the order: Quarto's)
    opd = content(pandoc / "2024" / "opd" / "1.01.html")
    assert any(s.startswith("Capaian kinerja Dinas Uji Satu tahun 2024: 110,00 %") for s in opd["strong"])


def test_same_downloads_byte_for_byte(sites):
    pandoc, quarto = sites
    left, right = digests(pandoc / "unduh"), digests(quarto / "unduh")
    assert right == left
    assert "2024/opd/1.02.xlsx" in left and "2024/ringkasan/opd.csv" in left


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed")
def test_same_report_text_and_pages(sites):
    pandoc, quarto = sites

    def text(site: Path) -> str:
        return subprocess.run(["pdftotext", "-layout", str(site / "2024" / "laporan.pdf"), "-"], capture_output=True,
                              text=True, check=True).stdout

    left, right = text(pandoc), text(quarto)
    assert right == left
    assert left.count("\f") >= 4 and "Laporan Capaian Kinerja" in left


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed")
def test_same_pk_documents(sites):
    """Both engines publish the same Perjanjian Kinerja PDF per OPD under <tahun>/pk/, with the same text."""
    pandoc, quarto = sites
    names = sorted(str(p.relative_to(pandoc)) for p in (pandoc / "2024" / "pk").iterdir())
    assert names == ["2024/pk/index.html", "2024/pk/pk-1.01.pdf", "2024/pk/pk-1.02.pdf", "2024/pk/pk-1.03.pdf"]
    assert sorted(str(p.relative_to(quarto)) for p in (quarto / "2024" / "pk").iterdir()) == names
    for name in names[1:]:
        left, right = (subprocess.run(["pdftotext", str(site / name), "-"], capture_output=True, text=True,
                                      check=True).stdout for site in (pandoc, quarto))
        assert right == left and "PERJANJIAN KINERJA TAHUN 2024" in left, name
