"""kinerja.publish: _quarto.yml, staging, the pandoc engine, the Quarto command, atomic swap, CLI.

The fixture (tests/publish_fixture.py) is three OPD over 2023–2024. Hand-worked 2024 figures:
Dinas Uji Satu = mean(110 / 100 × 100, (2 − 9 / 10) × 100) = mean(110, 110) = 110;
the OPD named <script>alert(1)</script> = 60 / 80 × 100 = 75 (Sedang);
Badan Uji Tiga = 100 − |55 − 50| / 50 × 100 = 90 (Tinggi);
pemda = (110 + 75 + 90) / 3 = 91,666… → "91,67 %" (Sangat Tinggi); 2023 = 100 for every OPD, so the
change is −8,33 poin, relatively (91,666… / 100 − 1) × 100 = −8,333 %.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from publish_fixture import QUARTO, QUARTO_SKIP, SCRIPT_NAME, make_project, published

from kinerja.pages import Page, PageFileError
from kinerja.publish import PublishError, choose_engine, notebooks, publish, quarto_engine, site, stage

PAGES = ["index.html", "tren.html", "metodologi.html", "unduh.html", "2024/index.html", "2024/opd/index.html",
         "2024/opd/1.01.html", "2024/opd/1.02.html", "2024/opd/1.03.html", "2024/reviu.html", "2024/laporan.pdf"]


@pytest.fixture(scope="module")
def fixture(tmp_path_factory):
    return published(tmp_path_factory)


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# --- _quarto.yml -------------------------------------------------------------------------------


def test_quarto_config_is_a_website_with_the_required_navigation(root):
    config = site.load_config(root)
    assert config["project"]["type"] == "website" and config["project"]["output-dir"] == "_site"
    assert config["lang"] == "id"
    assert [item["text"] for item in config["website"]["navbar"]["left"]] == ["Beranda", "Tren", "Metodologi", "Unduh Data"]
    assert config["website"]["navbar"]["left"][0]["href"] == "index.ipynb"
    assert config["website"]["search"]  # site search
    assert config["execute"]["enabled"] is False and config["execute"]["echo"] is False  # never re-execute
    menu = config["kinerja"]["menu-tahun"]
    assert [m["href"] for m in menu["menu"]] == ["{tahun}/index.ipynb", "{tahun}/opd/index.qmd", "{tahun}/reviu.qmd",
                                                 "{tahun}/laporan.pdf", "{tahun}/pk/index.qmd"]
    for name in ("metodologi.qmd", "unduh.qmd", "daftar-opd.qmd", "daftar-pk.qmd", "laporan.qmd"):
        assert (root / "situs" / name).is_file()


def test_report_page_is_typst_and_listing_reads_notebooks(root):
    front = yaml.safe_load((root / "situs" / "laporan.qmd").read_text(encoding="utf-8").split("---")[1])
    assert list(front["format"]) == ["typst"] and front["format"]["typst"]["papersize"] == "a4"
    listing = yaml.safe_load((root / "situs" / "daftar-opd.qmd").read_text(encoding="utf-8").split("---")[1])["listing"]
    assert listing["contents"] == "*.ipynb" and listing["type"] == "table"
    # one row per OPD, its name linked (not the page title repeated); sorting and filtering are the
    # site's script's, as on every table, so Quarto's own controls are off
    assert listing["fields"][0] == "opd" and listing["field-links"] == ["opd"] and listing["sort"] == "opd"
    assert listing["sort-ui"] is False and listing["filter-ui"] is False


def test_expand_adds_one_menu_per_year_newest_first(root, tmp_path):
    config = site.load_config(root)
    for year in (2023, 2024):
        (tmp_path / str(year) / "opd").mkdir(parents=True)
        (tmp_path / str(year) / "opd" / "1.01.ipynb").write_text("{}")
    expanded = site.expand(config, [2023, 2024], tmp_path, {"pemda": "P", "tanggal": "1 Januari 2025", "versi": "9"})
    assert "kinerja" not in expanded
    texts = [item["text"] for item in expanded["website"]["navbar"]["left"]]
    assert texts == ["Beranda", "2024", "2023", "Tren", "Metodologi", "Unduh Data"]
    assert "2023/opd/1.01.ipynb" in expanded["project"]["render"] and "2024/laporan.qmd" in expanded["project"]["render"]
    assert expanded["website"]["page-footer"]["right"] == "Dibuat 1 Januari 2025 dengan kinerja 9"


def test_missing_config_key_is_reported(tmp_path):
    (tmp_path / "_quarto.yml").write_text("project:\n  type: website\n", encoding="utf-8")
    with pytest.raises(site.SiteConfigError, match="project.render"):
        site.load_config(tmp_path)


@pytest.mark.parametrize("change, expected", [
    (("halaman-tahun:", "halaman-tahn:"),
     "kunci 'kinerja.halaman-tahn': tidak dikenal. Kunci yang dikenal: menu-tahun, halaman-tahun, menu-triwulan. "
     "Mungkin maksudnya 'halaman-tahun'?"),
    (("  render:\n    - index.ipynb\n    - tren.ipynb\n    - metodologi.qmd\n    - unduh.qmd", "  render: index.ipynb"),
     "kunci 'project.render': harus berupa daftar yang tidak kosong."),
    (('      - text: "Tren"\n        href: tren.ipynb', "      - 5"),
     "kunci 'website.navbar.left[2]': harus berupa jalur halaman (teks) atau pemetaan dengan text, href atau menu."),
    (('  halaman-tahun:\n    - "{tahun}/index.ipynb"', '  halaman-tahun:\n    - ["{tahun}/index.ipynb"]'),
     "kunci 'kinerja.halaman-tahun[1]': harus berupa teks."),
])
def test_site_config_errors_name_the_file_and_the_key(root, tmp_path, change, expected):
    text = (root / "_quarto.yml").read_text(encoding="utf-8")
    assert change[0] in text
    (tmp_path / "_quarto.yml").write_text(text.replace(change[0], change[1]), encoding="utf-8")
    with pytest.raises(site.SiteConfigError) as raised:
        site.load_config(tmp_path)
    assert str(raised.value) == f"{tmp_path / '_quarto.yml'}: {expected}"


# --- notebook transforms ------------------------------------------------------------------------


def test_markdown_text_reads_back_as_the_same_text():
    import pypandoc

    for text in [SCRIPT_NAME, "Dinas *A* _B_ [c](d) `e` $f$ & g", "- dash", "12. nomor", "a\\b"]:
        escaped = notebooks.markdown_text(text)
        back = pypandoc.convert_text(escaped, "plain", format="markdown", extra_args=["--wrap=none"]).strip()
        assert back == text


def test_page_notebook_strips_parameters_and_rewrites_front_matter():
    notebook = {"metadata": {"papermill": {"x": 1}}, "cells": [
        {"cell_type": "raw", "metadata": {}, "source": "---\ntitle: x\nparams:\n  tahun: 2024\n---"},
        {"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": "tahun = 1", "outputs": []},
        {"cell_type": "code", "metadata": {"tags": ["injected-parameters"]}, "source": "tahun = 2024", "outputs": []},
        {"cell_type": "code", "metadata": {}, "source": "headline", "outputs": [
            {"output_type": "execute_result", "data": {"text/plain": "Capaian kinerja pemda: 90 %."}}]},
        {"cell_type": "code", "metadata": {}, "source": "x", "outputs": [
            {"output_type": "stream", "name": "stderr", "text": "warning"},
            {"output_type": "execute_result", "data": {"text/markdown": "**<b>A</b>**", "text/plain": "<Markdown>"}}]},
    ]}
    page = notebooks.page_notebook(notebook, {"title": SCRIPT_NAME}, "<p>kartu</p>")
    assert "papermill" not in page["metadata"] and "papermill" in notebook["metadata"]  # input not changed
    assert [c["cell_type"] for c in page["cells"]] == ["raw", "raw", "code"]
    assert notebooks.read_front_matter(page) == {"title": notebooks.markdown_text(SCRIPT_NAME)}
    # the card takes the place of the headline (the first output): the page says it once
    assert page["cells"][1]["source"] == ["<p>kartu</p>"]
    assert page["cells"][1]["metadata"]["raw_mimetype"] == "text/html"
    assert "Capaian kinerja pemda" not in json.dumps(page)
    assert page["cells"][2]["outputs"] == [{"output_type": "execute_result", "data": {"text/markdown": "**&lt;b>A&lt;/b>**"}}]


def test_page_notebook_gives_quarto_what_it_reads():
    """Quarto reads a string source as one line (a front matter cell would show as text), loads
    require.js and jQuery from a CDN for any text/html output, and takes image alt text from the
    ``fig-alt`` cell option only, written into a Markdown attribute: sources become lines, HTML
    outputs raw HTML cells in their place, image alt text a ``fig-alt`` escaped for that place."""
    alt = 'Diagram "A" {{< env HOME >}} [x](javascript:y) a\\b: 110 %'
    figure = {"output_type": "display_data", "data": {"image/png": "iVBO", "text/plain": "Diagram A"},
              "metadata": {"image/png": {"alt": alt, "width": 900}}}
    table = {"output_type": "execute_result", "data": {"text/html": ["<table>\n", "<tr><td>1</td></tr>\n", "</table>"],
                                                        "text/plain": "x"}}
    note = {"output_type": "display_data", "data": {"text/markdown": "**A**", "text/plain": "A"}}
    notebook = {"metadata": {}, "cells": [
        {"cell_type": "raw", "metadata": {}, "source": "---\ntitle: x\n---"},
        {"cell_type": "code", "id": "c1", "metadata": {}, "source": "f()", "outputs": [figure, table, note]},
        {"cell_type": "code", "id": "c2", "metadata": {}, "source": "g()", "outputs": [table]},
    ]}
    page = notebooks.page_notebook(notebook, {"title": "Judul", "lang": "id"})
    assert page["cells"][0]["source"] == ["---\n", "title: Judul\n", "lang: id\n", "---"]
    kinds = [(c["cell_type"], c.get("id"), c.get("metadata", {}).get("raw_mimetype")) for c in page["cells"]]
    assert kinds == [("raw", None, None), ("code", "c1", None), ("raw", None, "text/html"), ("code", "c1-2", None),
                     ("raw", None, "text/html")]
    assert page["cells"][1]["outputs"] == [figure]
    assert page["cells"][1]["metadata"]["fig-alt"] == (
        'Diagram "A" {{\u200b< env HOME >\u200b}} [x](javascript:y) a\\\\b: 110 %')
    assert page["cells"][2]["source"] == ["<table>\n", "<tr><td>1</td></tr>\n", "</table>"]
    assert page["cells"][3]["outputs"] == [{"output_type": "display_data", "data": {"text/markdown": "**A**"}}]
    assert "fig-alt" not in page["cells"][3]["metadata"]
    assert not any("text/html" in o.get("data", {}) for c in page["cells"] for o in c.get("outputs", []))
    assert notebooks.read_front_matter(page) == {"title": "Judul", "lang": "id"}


def test_listing_links_the_named_field_and_sorts_as_quarto(tmp_path):
    from kinerja.publish import pandoc_engine

    for code, name in (("1", "dinas B"), ("2", "<b>"), ("3", "Badan A")):
        page = notebooks.page_notebook({"cells": []}, {"title": f"Capaian {name}", "opd": name})
        (tmp_path / f"{code}.ipynb").write_text(json.dumps(page), encoding="utf-8")
    listing = {"contents": "*.ipynb", "fields": ["opd", "title"], "field-links": ["opd"], "sort": "opd"}
    markup = pandoc_engine.listing_html(tmp_path, listing, pandoc_engine.SitePage("index.qmd", "index.html"))
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td></tr>", markup)
    # code point order of the front matter values, as Quarto (lodash orderBy): "B" < "\\" < "d"
    assert rows == [('<a href="3.html">Badan A</a>', "Capaian Badan A"),
                    ('<a href="2.html">&lt;b&gt;</a>', "Capaian &lt;b&gt;"),
                    ('<a href="1.html">dinas B</a>', "Capaian dinas B")]


# --- staging and the pandoc engine --------------------------------------------------------------


def test_every_page_the_config_lists_exists_after_a_run(fixture, tmp_path):
    context = stage.Context("Pemda Uji", True, "1 Januari 2025", "0.0")
    config = stage.stage(fixture.project, fixture.project / "_build", [2024], tmp_path / "sumber", context)
    staged = tmp_path / "sumber"
    assert yaml.safe_load((staged / "_quarto.yml").read_text(encoding="utf-8")) == config
    assert len(config["project"]["render"]) == 12  # 4 site pages; per year: overview, listing, 3 OPD, reviu, PK page, report
    assert sorted(p.name for p in (staged / "2024" / "pk").glob("*.pdf")) == ["pk-1.01.pdf", "pk-1.02.pdf", "pk-1.03.pdf"]
    for source in config["project"]["render"]:
        assert (staged / source).is_file(), source
    for item in site.navbar(config):
        for link in item.menu or (item,):
            source = link.href.replace("laporan.pdf", "laporan.qmd")
            assert source in config["project"]["render"], link.href
    for name in ("kinerja.css", "kinerja-js.html", "spanduk.html", "2024/laporan.json", "2024/kinerja-laporan.typ"):
        assert (staged / name).is_file(), name
    opd_page = json.loads((staged / "2024" / "opd" / "1.02.ipynb").read_text(encoding="utf-8"))
    tags = [tag for cell in opd_page["cells"] for tag in cell.get("metadata", {}).get("tags", [])]
    assert "parameters" not in tags and "injected-parameters" not in tags
    front = notebooks.read_front_matter(opd_page)
    assert front["title"] == notebooks.markdown_text("Capaian kinerja <script>alert(1)</script> tahun 2024")
    assert front["description"] == "Capaian 75\\,00 \\% · Sedang"  # Markdown-escaped text


def test_run_writes_each_page_beside_its_notebook_and_it_reads_back(fixture):
    """The page is data: read back from _build without a kernel, with its sentences and tables."""
    build = fixture.project / "_build" / "2024"
    overview = Page.read(build / "ringkasan.halaman.json")
    assert (overview.nama, overview.tahun, overview.kode_opd) == ("ringkasan", 2024, None)
    assert overview.utama == "Capaian kinerja Pemerintah Daerah Uji (CONTOH SINTETIS) tahun 2024: 91,67 % (predikat Sangat Tinggi)."
    assert overview.perubahan.startswith("Dibanding tahun 2023 (100,00 %): -8,33 poin, atau -8,333 % secara relatif")
    assert overview.metode.startswith("Capaian pemda = rata-rata capaian OPD; ")
    assert list(overview.tables) == ["pemda", "opd", "predikat", "tidak_terhitung", "reviu", "reviu_kode", "reviu_opd",
                                     "jejak", "metode"]
    assert overview.tables["opd"]["kode_opd"].tolist() == ["1.01", "1.03", "1.02"]  # text, highest capaian first
    assert overview.tables["pemda"]["capaian"].iloc[0] == pytest.approx(275 / 3)
    assert overview.skala is not None and overview.skala.levels[0].predikat == "Sangat Tinggi"
    one = Page.read(build / "opd" / "1.02.halaman.json")
    assert one.kode_opd == "1.02" and one.subjek == SCRIPT_NAME
    assert one.utama.startswith(f"Capaian kinerja {SCRIPT_NAME} tahun 2024: 75,00 % (predikat Sedang).")
    with pytest.raises(PageFileError, match="tren.halaman.json"):
        Page.read(build / "tidak-ada" / "tren.halaman.json")


def test_report_data_has_the_hand_worked_figures(fixture, tmp_path):
    context = stage.Context("Pemda Uji", True, "1 Januari 2025", "0.0")
    stage.stage(fixture.project, fixture.project / "_build", [2024], tmp_path / "s", context)
    data = json.loads((tmp_path / "s" / "2024" / "laporan.json").read_text(encoding="utf-8"))
    assert data["ringkasan"]["capaian"] == "91,67 %" and data["ringkasan"]["predikat"] == "Sangat Tinggi"
    # the sentence is the page's: the pemda named by that year's params
    assert data["ringkasan"]["kalimat"] == "Capaian kinerja Pemerintah Daerah Uji (CONTOH SINTETIS) tahun 2024: 91,67 % (predikat Sangat Tinggi)."
    assert data["ringkasan"]["perubahan"].startswith("Dibanding tahun 2023 (100,00 %): -8,33 poin, atau -8,333 % secara relatif")
    assert data["ringkasan"]["metode"].startswith("Metode. Capaian pemda = rata-rata capaian OPD; ")
    assert [row["nama"] for row in data["tabel-opd"]["baris"]] == ["Dinas Uji Satu", "Badan Uji Tiga", SCRIPT_NAME]
    assert [row["capaian"] for row in data["tabel-opd"]["baris"]] == ["110,00 %", "90,00 %", "75,00 %"]
    first = data["opd-rinci"][0]
    assert [s["capaian"] for s in first["sasaran"]] == ["110,00 %", "110,00 %"]
    assert first["sasaran"][1]["indikator"][0] == {"indikator": "Jumlah keluhan", "satuan": "kasus", "target": "10",
                                                    "realisasi": "9", "capaian": "110,00 %", "predikat": "Sangat Tinggi"}


def test_pandoc_engine_builds_every_page(fixture):
    for page in PAGES:
        assert (fixture.site / page).is_file(), page
    downloads = sorted(str(p.relative_to(fixture.site)) for p in (fixture.site / "unduh").rglob("*.xlsx"))
    assert downloads == ["unduh/2024/opd/1.01.xlsx", "unduh/2024/opd/1.02.xlsx", "unduh/2024/opd/1.03.xlsx",
                         "unduh/2024/reviu.xlsx", "unduh/2024/ringkasan.xlsx", "unduh/2024/tren.xlsx"]
    for page in PAGES[:-1]:
        text = (fixture.site / page).read_text(encoding="utf-8")
        assert '<html lang="id">' in text, page
        assert "CONTOH SINTETIS" in text, page  # the banner
        assert re.search(r"Dibuat \d{1,2} \w+ \d{4} dengan kinerja \d", text), page  # footer: date and version
        assert "<script>alert(1)" not in text, page  # the data's "script" is text everywhere
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", text), page  # nothing from another host


def test_overview_shows_headline_with_arrow_and_escaped_names(fixture):
    text = (fixture.site / "index.html").read_text(encoding="utf-8")
    card = re.search(r'<section class="kartu-utama".*?</section>', text, re.DOTALL).group(0)
    assert "91,67 %" in card and "Sangat Tinggi" in card
    assert 'class="kartu-perubahan turun"' in card and "▼" in card
    assert "Dibanding tahun 2023 (100,00 %): -8,33 poin, atau -8,333 % secara relatif" in card
    assert text.count("Dibanding tahun 2023 (100,00 %)") == 1  # the card replaces the headline paragraph
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert 'alt="' in text and "Diagram batang mendatar capaian kinerja 3 OPD" in text


def test_methodology_and_downloads_pages(fixture):
    method = (fixture.site / "metodologi.html").read_text(encoding="utf-8")
    for formula in ("R / T × 100", "(2 − R / T) × 100", "T / R × 100", "Aturan yang berlaku", "Rata-rata dihitung tanpa batas atas"):
        assert formula in method
    downloads = (fixture.site / "unduh.html").read_text(encoding="utf-8")
    assert 'href="unduh/2024/opd/1.02.xlsx"' in downloads and 'href="unduh/2024/ringkasan/opd.csv"' in downloads
    assert "Kamus data" in downloads


# --- engines ------------------------------------------------------------------------------------


def test_quarto_command_line(tmp_path):
    assert quarto_engine.command("/opt/quarto/bin/quarto", tmp_path) == ["/opt/quarto/bin/quarto", "render", str(tmp_path)]


def test_engine_choice(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv(quarto_engine.ENV, raising=False)
    engine, quarto, why = choose_engine("auto")
    assert (engine, quarto) == ("pandoc", None) and "Quarto tidak ditemukan" in why
    with pytest.raises(PublishError, match="Quarto tidak ditemukan"):
        choose_engine("quarto")
    fake = tmp_path / "quarto"
    fake.write_text("#!/bin/sh\nexit 0\n")
    fake.chmod(0o755)
    assert choose_engine("auto")[:2] == ("quarto", str(fake))
    assert choose_engine("pandoc")[0] == "pandoc"


def scripts(markup: str) -> list[str]:
    """The text of every <script> element of a page (a name in an attribute value is no script)."""
    from html.parser import HTMLParser

    class Scripts(HTMLParser):
        def __init__(self):
            super().__init__()
            self.found, self.inside = [], False

        def handle_starttag(self, tag, attrs):
            if tag == "script":
                self.inside = True
                self.found.append("")

        def handle_endtag(self, tag):
            self.inside = self.inside and tag != "script"

        def handle_data(self, data):
            if self.inside:
                self.found[-1] += data

    parser = Scripts()
    parser.feed(markup)
    return parser.found


@pytest.mark.skipif(QUARTO is None, reason=QUARTO_SKIP)
def test_quarto_renders_the_whole_site(tmp_path_factory):
    quarto = published(tmp_path_factory, "quarto")
    for page in PAGES + ["search.json"]:
        assert (quarto.site / page).is_file(), page
    for page in PAGES[:-1]:
        text = (quarto.site / page).read_text(encoding="utf-8")
        assert '<html xmlns="http://www.w3.org/1999/xhtml" lang="id"' in text, page
        assert "CONTOH SINTETIS" in text and not any("alert(1)" in code for code in scripts(text)), page
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", text), page  # no CDN: nothing from another host
        assert "lang: id" not in text, page  # the front matter is read, not shown
    opd = (quarto.site / "2024" / "opd" / "1.01.html").read_text(encoding="utf-8")
    assert '<h1 class="title">Capaian kinerja Dinas Uji Satu tahun 2024</h1>' in opd
    assert re.search(r'<img src="[^"]+\.png"[^>]* alt="Panel kecil untuk setiap indikator', opd)


@pytest.mark.skipif(QUARTO is None, reason=QUARTO_SKIP)
def test_cli_build_auto_uses_quarto_when_installed(tmp_path_factory):
    quarto = published(tmp_path_factory, "quarto")
    path = os.pathsep.join([os.path.dirname(sys.executable), os.path.dirname(QUARTO), os.environ.get("PATH", "")])
    done = subprocess.run([sys.executable, "-m", "kinerja", "build", "--out", "_site-auto"], cwd=quarto.project,
                          capture_output=True, text=True, env={**os.environ, "PATH": path})
    assert done.returncode == 0, done.stderr
    assert "dengan mesin quarto (Quarto ditemukan:" in done.stdout and "(mesin quarto)" in done.stdout
    built = tree_digest(quarto.project / "_site-auto")
    assert built.keys() == tree_digest(quarto.site).keys()
    assert {k: v for k, v in built.items() if k.startswith("unduh/")} == {
        k: v for k, v in tree_digest(quarto.site).items() if k.startswith("unduh/")}


def test_failed_publish_leaves_the_previous_site_byte_identical(fixture, tmp_path):
    project = tmp_path / "proyek"
    shutil.copytree(fixture.project, project, ignore=shutil.ignore_patterns("_site*"))
    publish(project, engine="pandoc")
    before = tree_digest(project / "_site")
    # a page pandoc cannot read, found only while rendering (other pages are written by then)
    (project / "situs" / "metodologi.qmd").write_text("---\ntitle: [tidak ditutup\n---\n\nIsi.\n", encoding="utf-8")
    with pytest.raises(PublishError, match="tidak diubah"):
        publish(project, engine="pandoc")
    assert tree_digest(project / "_site") == before
    assert not [p for p in project.iterdir() if p.name.startswith(".kinerja-terbit-")]


def test_publish_refuses_a_year_that_was_not_run(fixture):
    with pytest.raises(PublishError, match="Tahun 2030 tidak ada"):
        publish(fixture.project, tahun=[2030], engine="pandoc", out="_site-tidak-ada")
    assert not (fixture.project / "_site-tidak-ada").exists()


# --- command line -------------------------------------------------------------------------------


def kinerja(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kinerja", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PATH": os.path.dirname(sys.executable)})


def test_cli_publish_says_which_engine(fixture):
    done = kinerja("publish", "--engine", "auto", "--out", "_site-cli", cwd=fixture.project)
    assert done.returncode == 0, done.stderr
    assert "dengan mesin pandoc (Quarto tidak ditemukan" in done.stdout
    assert "11 halaman, 1 laporan PDF" in done.stdout  # 4 site pages; overview, listing, 3 OPD, reviu, PK page
    assert (fixture.project / "_site-cli" / "2024" / "laporan.pdf").is_file()


def test_cli_publish_errors(fixture, tmp_path):
    done = kinerja("publish", "--tahun", "2030", cwd=fixture.project)
    assert done.returncode == 1 and "Tahun 2030 tidak ada" in done.stderr
    done = kinerja("publish", "--engine", "quarto", "--out", "_site-q", cwd=fixture.project)
    assert done.returncode == 1 and "Quarto tidak ditemukan" in done.stderr
    assert not (fixture.project / "_site-q").exists()
    done = kinerja("publish", cwd=tmp_path)
    assert done.returncode == 1 and "tidak berisi hasil run" in done.stderr


def test_cli_build_validates_runs_and_publishes(fixture):
    done = kinerja("build", "--engine", "pandoc", "--out", "_site-build", cwd=fixture.project)
    assert done.returncode == 0, done.stderr
    assert "Memeriksa data tahun 2024: 8 baris indikator, 0 galat, 1 peringatan." in done.stdout
    assert "dilewati" in done.stdout and "laporan PDF" in done.stdout
    assert tree_digest(fixture.project / "_site-build").keys() == tree_digest(fixture.site).keys()


def test_cli_build_stops_on_data_errors(tmp_path):
    project = make_project(tmp_path / "proyek")
    data = project / "data" / "kinerja.csv"
    data.write_text(data.read_text(encoding="utf-8").replace("positif,100,110", "naik,100,110"), encoding="utf-8")
    done = kinerja("build", "--engine", "pandoc", cwd=project)
    assert done.returncode == 1 and "Berhenti: data tahun 2024 mempunyai galat" in done.stderr
    assert not (project / "_site").exists() and not (project / "_build").exists()
