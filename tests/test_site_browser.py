"""The published site in a real browser: Debian's Chromium, driven by Playwright's Python package
(``executable_path``; no browser is ever downloaded), over a local HTTP server on 127.0.0.1.

Every page: no console error, no failed request, no request to another host, ``lang="id"``, every
image loaded and with alt text, every link, image and download found. The OPD named
``<script>alert(1)</script>`` shows as text (and runs nothing). Screenshots of Beranda at desktop
and phone width are saved in ``test-artifacts/``.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from publish_fixture import ROOT, SCRIPT_NAME, published

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright (test extra) is not installed")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).is_file(), reason="Debian's chromium is not installed; .ci/run installs it")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    site = published(tmp_path_factory).site
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/", site
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


def html_pages(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))


def visit(browser, url: str, width: int = 1280):
    """Open ``url``; return the page and what went wrong (console errors, failed or foreign requests)."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems: list[str] = []
    origin = url.split("/", 3)[:3]
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    page.on("request", lambda r: problems.append(f"other host: {r.url}") if r.url.split("/", 3)[:3] != origin
            and not r.url.startswith("data:") else None)
    page.goto(url, wait_until="load")
    return page, problems


def test_every_page_loads_cleanly_with_alt_text_and_working_links(server, browser):
    base, site = server
    pages = html_pages(site)
    assert len(pages) == 9
    links: set[str] = set()
    for name in pages:
        page, problems = visit(browser, base + name)
        assert page.evaluate("document.documentElement.lang") == "id", name
        images = page.evaluate("""Array.from(document.images).map(i => [i.getAttribute('src'), i.getAttribute('alt'),
                                  i.complete && i.naturalWidth > 0])""")
        for src, alt, loaded in images:
            assert alt and alt.strip(), f"{name}: image {src} without alt text"
            assert loaded, f"{name}: image {src} not loaded"
        assert "CONTOH SINTETIS" in page.inner_text("body"), name
        links |= set(page.evaluate("Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"))
        assert problems == [], f"{name}: {problems}"
        page.close()
    local = sorted(link.split("#")[0] for link in links if link.startswith(base))
    assert any(link.endswith(".xlsx") for link in local) and any(link.endswith(".csv") for link in local)
    assert any(link.endswith("laporan.pdf") for link in local)
    for link in sorted(set(local)):
        try:
            with urllib.request.urlopen(link) as response:
                assert response.status == 200, link
        except urllib.error.HTTPError as error:
            pytest.fail(f"broken link {link}: HTTP {error.code}")


def test_script_named_opd_shows_as_text(server, browser):
    base, _ = server
    page, problems = visit(browser, base + "2024/opd/1.02.html")
    assert SCRIPT_NAME in page.inner_text("h1")
    assert SCRIPT_NAME in page.title()
    assert page.evaluate("document.querySelectorAll('main script').length") == 0
    page.close()
    page, more = visit(browser, base + "index.html")
    cells = page.locator("main table td", has_text=SCRIPT_NAME)
    assert cells.count() >= 1
    assert problems == [] and more == []  # no alert dialog, no error
    page.close()


def test_opd_table_sorts_and_shows_badges(server, browser):
    base, _ = server
    page, problems = visit(browser, base + "index.html")
    table = page.locator("main table", has_text="Capaian kinerja OPD tahun 2024").first
    names = lambda: table.locator("tbody tr td:nth-child(2)").all_inner_texts()
    assert names() == ["Dinas Uji Satu", "Badan Uji Tiga", SCRIPT_NAME]  # highest capaian first
    table.locator("thead button", has_text="Capaian").first.click()
    assert names() == [SCRIPT_NAME, "Badan Uji Tiga", "Dinas Uji Satu"]  # ascending: 75, 90, 110
    assert table.locator("thead th[aria-sort='ascending']").count() == 1
    badges = table.locator(".predikat").all_inner_texts()
    assert badges == ["Sedang", "Tinggi", "Sangat Tinggi"]
    card = page.locator(".kartu-utama")
    assert "91,67 %" in card.inner_text() and card.locator(".kartu-perubahan.turun").count() == 1
    assert problems == []
    page.close()


def test_long_tables_filter_and_search_finds_pages(server, browser):
    base, _ = server
    page, problems = visit(browser, base + "unduh.html")
    box = page.locator(".kinerja-saring input").first
    box.fill("predikat")
    rows = page.locator("main table").first.locator("tbody tr:not([hidden])")
    assert 1 <= rows.count() < page.locator("main table").first.locator("tbody tr").count()
    page.fill("#cari-masukan", "Badan Uji Tiga")
    hits = page.locator("#cari-hasil a").all_inner_texts()
    assert "Capaian kinerja Badan Uji Tiga tahun 2024" in hits
    assert problems == []
    page.close()


def test_screenshots_of_beranda_desktop_and_phone(server, browser):
    base, _ = server
    ARTIFACTS.mkdir(exist_ok=True)
    for width, name in ((1280, "beranda-desktop.png"), (390, "beranda-ponsel.png")):
        page, problems = visit(browser, base + "index.html", width)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"page wider than a {width}px screen by {overflow}px"
        page.screenshot(path=str(ARTIFACTS / name), full_page=True)
        assert (ARTIFACTS / name).stat().st_size > 10_000
        assert problems == []
        page.close()
