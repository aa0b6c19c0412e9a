"""The published site in a real browser, for each engine (pandoc; Quarto where it is installed):
Debian's Chromium, driven by Playwright's Python package (``executable_path``; no browser is ever
downloaded), over a local HTTP server on 127.0.0.1.

Every page, at desktop and phone width: no console error, no failed request, ``lang="id"``,
every image loaded and with alt text, every link, image and download found, the synthetic banner,
and no serious or critical axe-core violation (axe-core vendored in tests/vendor/). Every request
the pages make is intercepted: one to any other host is refused and fails the test (a published
site must work on an intranet). The OPD named ``<script>alert(1)</script>`` shows as text (and
runs nothing). Screenshots of Beranda at desktop and phone width are saved in ``test-artifacts/``.
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
from publish_fixture import OPD_NAMES, ROOT, SCRIPT_NAME, engine_params, published

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
AXE = ROOT / "tests" / "vendor" / "axe.min.js"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]
PAGES = ["2024/index.html", "2024/opd/1.01.html", "2024/opd/1.02.html", "2024/opd/1.03.html", "2024/opd/index.html",
         "2024/pk/index.html", "2024/reviu.html",
         "index.html", "metodologi.html", "tren.html", "unduh.html"]
PHONE = 390

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright (test extra) is not installed")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).is_file(), reason="Debian's chromium is not installed; .ci/run installs it")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves the site; remembers every request answered with an error (the browser's own ones,
    such as /favicon.ico, never reach Playwright's events)."""

    errors: list[str]

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        self.errors.append(f"HTTP {code}: {self.path}")
        super().send_error(code, message, explain)


@pytest.fixture(scope="module", params=engine_params())
def server(request, tmp_path_factory):
    """(base URL, site folder, engine, server-side errors) for the fixture published by one engine."""
    site = published(tmp_path_factory, request.param).site
    errors: list[str] = []
    handler = functools.partial(type("Handler", (_Quiet,), {"errors": errors}), directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/", site, request.param, errors
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


def html_pages(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html") if "site_libs" not in p.parts)


def visit(browser, url: str, width: int = 1280):
    """Open ``url`` in a fresh context whose every request is intercepted: one to another host
    than the local server is aborted (never sent) and reported. Returns the page and what went
    wrong (console errors, page errors, dialogs, failed requests, HTTP errors, other hosts)."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    origin = url.split("/", 3)[:3]

    def route(handle):
        if handle.request.url.split("/", 3)[:3] == origin:
            handle.continue_()
        else:
            problems.append(f"other host: {handle.request.url}")
            handle.abort("blockedbyclient")

    context.route("**/*", route)
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    return page, problems


def axe_violations(page) -> list[str]:
    """The serious and critical axe-core violations of the page (injected from the vendored file)."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


def close(page) -> None:
    context = page.context
    page.close()
    context.close()


def test_every_page_loads_cleanly_with_alt_text_and_working_links(server, browser):
    base, site, engine, served = server
    assert html_pages(site) == PAGES
    links: set[str] = set()
    for name in PAGES:
        page, problems = visit(browser, base + name)
        assert page.evaluate("document.documentElement.lang") == "id", name
        assert page.locator("head link[rel='icon']").count() == 1, name  # no request for /favicon.ico
        images = page.evaluate("""Array.from(document.images).map(i => [i.getAttribute('src'), i.getAttribute('alt'),
                                  i.complete && i.naturalWidth > 0])""")
        for src, alt, loaded in images:
            assert alt and alt.strip(), f"{engine} {name}: image {src} without alt text"
            assert loaded, f"{engine} {name}: image {src} not loaded"
        body = page.inner_text("body")
        assert "CONTOH SINTETIS" in body, name
        assert "lang: id" not in body and "title:" not in body, f"{engine} {name}: front matter shown as text"
        links |= set(page.evaluate("Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"))
        assert problems == [], f"{engine} {name}: {problems}"
        close(page)
    local = sorted(link.split("#")[0].split("?")[0] for link in links if link.startswith(base))
    assert any(link.endswith(".xlsx") for link in local) and any(link.endswith(".csv") for link in local)
    assert any(link.endswith("laporan.pdf") for link in local)
    for link in sorted(set(local)):
        try:
            with urllib.request.urlopen(link) as response:
                assert response.status == 200, link
        except urllib.error.HTTPError as error:
            pytest.fail(f"{engine}: broken link {link}: HTTP {error.code}")
    assert served == [], served


@pytest.mark.parametrize("width", [1280, PHONE], ids=["desktop", "ponsel"])
def test_no_serious_accessibility_violation(server, browser, width):
    base, _, engine, served = server
    for name in PAGES:
        page, problems = visit(browser, base + name, width)
        found = axe_violations(page)
        assert found == [], f"{engine} {name} at {width}px: {found}"
        assert problems == [], f"{engine} {name}: {problems}"
        close(page)
    assert served == [], served


def test_script_named_opd_shows_as_text(server, browser):
    base, _, engine, _ = server
    page, problems = visit(browser, base + "2024/opd/1.02.html")
    assert SCRIPT_NAME in page.inner_text("h1")
    assert SCRIPT_NAME in page.title()
    assert page.evaluate("document.querySelectorAll('main script').length") == 0
    close(page)
    page, more = visit(browser, base + "index.html")
    cells = page.locator("main table td", has_text=SCRIPT_NAME)
    assert cells.count() >= 1
    assert problems == [] and more == []  # no alert dialog, no error
    close(page)


def test_opd_listing_links_each_opd_by_name(server, browser):
    """One row per OPD: its name linked to its page and its capaian; no title repeated on every
    row, and only the site's own table controls (not Quarto's sort and filter boxes)."""
    base, _, engine, _ = server
    page, problems = visit(browser, base + "2024/opd/index.html")
    table = page.locator("main table").first
    links = table.locator("tbody tr td:first-child a")
    assert sorted(links.all_inner_texts()) == sorted(OPD_NAMES)
    hrefs = dict(zip(links.all_inner_texts(), [urllib.parse.urljoin(page.url, h) for h in
                                               links.evaluate_all("as => as.map(a => a.getAttribute('href'))")]))
    assert hrefs[SCRIPT_NAME] == base + "2024/opd/1.02.html"
    assert "Capaian 75,00 % · Sedang" in table.inner_text()
    assert "Capaian kinerja" not in table.inner_text()  # the page title is not repeated on every row
    assert page.locator(".quarto-listing-filter, .quarto-listing-sort, .listing-actions-group").count() == 0
    assert table.locator("thead button", has_text="OPD").count() == 1  # the site's sort button
    assert problems == []
    close(page)


def test_opd_table_sorts_and_shows_badges(server, browser):
    base, _, _, _ = server
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
    close(page)


def test_long_tables_filter_and_search_finds_pages(server, browser):
    base, _, engine, _ = server
    page, problems = visit(browser, base + "unduh.html")
    box = page.locator(".kinerja-saring input").first
    box.fill("predikat")
    rows = page.locator("main table").first.locator("tbody tr:not([hidden])")
    assert 1 <= rows.count() < page.locator("main table").first.locator("tbody tr").count()
    if engine == "pandoc":  # the pandoc engine's search box (cari.js)
        page.fill("#cari-masukan", "Badan Uji Tiga")
        hits = page.locator("#cari-hasil a").all_inner_texts()
    else:  # Quarto's own search (search.json, scripts under site_libs/)
        page.locator("#quarto-search .aa-DetachedSearchButton").click()
        page.locator(".aa-Input").fill("Badan Uji Tiga")
        page.wait_for_selector(".aa-Item")
        hits = [text.split("\n")[0] for text in page.locator(".aa-Item").all_inner_texts()]
    assert "Capaian kinerja Badan Uji Tiga tahun 2024" in hits
    assert problems == []
    close(page)


def test_screenshots_of_beranda_desktop_and_phone(server, browser):
    base, _, engine, _ = server
    ARTIFACTS.mkdir(exist_ok=True)
    suffix = "" if engine == "pandoc" else f"-{engine}"
    for width, name in ((1280, f"beranda-desktop{suffix}.png"), (PHONE, f"beranda-ponsel{suffix}.png")):
        page, problems = visit(browser, base + "index.html", width)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{engine}: page wider than a {width}px screen by {overflow}px"
        page.screenshot(path=str(ARTIFACTS / name), full_page=True)
        assert (ARTIFACTS / name).stat().st_size > 10_000
        assert problems == []
        close(page)


def test_the_harness_catches_other_hosts_and_missing_files(browser, tmp_path):
    """The checks above can fail: a page asking another host and a missing file is caught, and the
    other host is never contacted (the request is aborted before it leaves the browser)."""
    (tmp_path / "index.html").write_text(
        '<!DOCTYPE html><html lang="id"><head><title>x</title><link rel="icon" href="data:,"></head><body>'
        '<img src="https://cdn.jsdelivr.net/npm/x.png" alt="x"><img src="hilang.png" alt="y"></body></html>',
        encoding="utf-8")
    handler = functools.partial(type("Handler", (_Quiet,), {"errors": []}), directory=str(tmp_path))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        page, problems = visit(browser, f"http://127.0.0.1:{httpd.server_address[1]}/index.html")
        close(page)
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert "other host: https://cdn.jsdelivr.net/npm/x.png" in problems
    assert any(p.startswith("HTTP 404") and p.endswith("/hilang.png") for p in problems)
