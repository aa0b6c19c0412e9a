"""Engine ``pandoc``: the staged project to a website and PDFs with the pandoc and typst wheels.

Pandoc converts every page (``-f ipynb`` for executed notebooks, ``-f markdown`` for the Markdown
pages) with one HTML template (``halaman.html``), one filter (``kinerja.lua``) and the stylesheet,
banner and script the staged ``_quarto.yml`` names; the navbar, titles, footer and render list come
from that file too. Each report (``<tahun>/laporan.qmd``) goes through pandoc to Typst and is
compiled in-process by ``typst.compile`` with Typst's bundled fonts only, so the PDF is the same on
every machine. This module only orchestrates: it builds command lines, the navbar and the OPD
listing (the part of Quarto's listings the site uses), and a search index.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

import yaml

from kinerja.support import escape, pesan
from kinerja.publish import notebooks, site
from kinerja.support.reproducible import build_time

PAGE_TEMPLATE = "halaman.html"
FILTER = "kinerja.lua"
REPORT_TEMPLATE = "pandoc-laporan.typ"
SEARCH_INDEX = "cari.js"


class EngineError(RuntimeError):
    """A converter failed; the message names the page and quotes the tool (Bahasa Indonesia)."""


def pandoc_path() -> str:
    """The pandoc binary of the ``pypandoc-binary`` wheel (else one on PATH)."""
    try:
        import pypandoc

        return pypandoc.get_pandoc_path()
    except (ImportError, OSError):
        found = shutil.which("pandoc")
        if not found:
            raise EngineError(pesan.TERBIT_PANDOC_TIDAK_ADA) from None
        return found


def _template(name: str) -> str:
    from kinerja.publish.stage import TEMPLATES

    return str(TEMPLATES / name)


@dataclass(frozen=True)
class SitePage:
    """A page of the site: its source in the staged project and its output path (not a
    :class:`kinerja.pages.Page`, which is what a notebook shows)."""

    source: str  # path in the staged project, POSIX
    output: str  # path in the site

    @property
    def root(self) -> str:
        """Relative path from the page to the site's root (``""`` or ``../../``)."""
        depth = len(PurePosixPath(self.output).parts) - 1
        return "../" * depth


def relative(href: str, page: SitePage) -> str:
    """A site path as a link from ``page``."""
    return posixpath.relpath(href, posixpath.dirname(page.output) or ".")


def navbar_html(items: list[site.NavItem], page: SitePage) -> str:
    """The navbar as nested lists; menus are ``<details>`` (no script needed); the current page
    is marked with ``aria-current``."""

    def link(item: site.NavItem) -> str:
        target = site.output_path(item.href or "")
        current = ' aria-current="page"' if target == page.output else ""
        return f'<a href="{html.escape(relative(target, page))}"{current}>{html.escape(item.text)}</a>'

    parts = ['<ul class="kj-nav">']
    for item in items:
        if item.menu:
            inner = "".join(f"<li>{link(sub)}</li>" for sub in item.menu)
            parts.append(f'<li class="menu"><details><summary>{html.escape(item.text)}</summary><ul>{inner}</ul></details></li>')
        else:
            parts.append(f"<li>{link(item)}</li>")
    parts.append("</ul>")
    return "".join(parts)


def listing_html(source_dir: Path, listing: dict, page: SitePage) -> str:
    """A Quarto ``type: table`` listing: one row per document matching ``contents``, with the
    ``fields`` of its front matter (those in ``field-links``, default ``title``, link to the page),
    sorted by ``sort`` as Quarto sorts it (lodash ``orderBy``: the front matter values as written,
    in code point order; ``desc`` reverses), every value escaped."""
    patterns = listing.get("contents", [])
    patterns = [patterns] if isinstance(patterns, str) else patterns
    fields = listing.get("fields", ["title", "description"])
    names = listing.get("field-display-names", {})
    linked = listing.get("field-links", ["title"])
    items = []
    for pattern in patterns:
        for path in sorted(source_dir.glob(pattern)):
            if path.suffix == ".ipynb":
                meta = notebooks.read_front_matter(json.loads(path.read_text(encoding="utf-8")))
            else:
                meta = _markdown_front(path.read_text(encoding="utf-8"))
            meta = {key: value for key, value in meta.items() if isinstance(value, (str, int, float))}
            items.append((meta, site.output_path(path.name)))
    key, *direction = str(listing.get("sort", "title")).split()
    items.sort(key=lambda item: _sort_key(item[0].get(key)), reverse=direction == ["desc"])
    items = [({k: escape.markdown_plain(str(v)) for k, v in meta.items()}, href) for meta, href in items]
    head = "".join(f'<th scope="col">{html.escape(str(names.get(f, f)))}</th>' for f in fields)
    rows = []
    for meta, href in items:
        cells = []
        for field in fields:
            value = escape.html_text(meta.get(field, ""))
            if field in linked:
                value = f'<a href="{escape.html_text(href)}">{value}</a>'
            cells.append(f"<td>{value}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (f'<table class="kinerja-daftar"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def _sort_key(value) -> tuple:
    """Numbers before text, numbers by value, text by code point (missing values last)."""
    if value is None:
        return (2, 0, "")
    if isinstance(value, (int, float)):
        return (0, value, "")
    return (1, 0, str(value))


def _markdown_front(text: str) -> dict:
    match = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    data = yaml.safe_load(match.group(1)) if match else {}
    return data if isinstance(data, dict) else {}


class _Text(HTMLParser):
    """The visible text of a page's ``<main>`` (for the search index)."""

    def __init__(self):
        super().__init__()
        self.inside, self.skip, self.parts = 0, 0, []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.inside += 1
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == "main":
            self.inside -= 1
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data):
        if self.inside and not self.skip:
            self.parts.append(data)


def page_text(markup: str, limit: int = 4000) -> str:
    parser = _Text()
    parser.feed(markup)
    return " ".join(" ".join(parser.parts).split())[:limit]


def render(staged: Path, config: dict, out: Path, context, jobs: int = 2) -> list[str]:
    """Render the staged project into ``out``; returns the site paths written (pages and PDFs)."""
    sources = list(config["project"]["render"])
    pages = [SitePage(s, site.output_path(s)) for s in sources]
    missing = [p.source for p in pages if not (staged / p.source).is_file()]
    if missing:
        raise EngineError(pesan.TERBIT_HALAMAN_TIDAK_ADA.format(berkas=", ".join(missing)))
    nav = site.navbar(config)
    html_options = (config.get("format") or {}).get("html") or {}
    title = str((config.get("website") or {}).get("title", ""))
    pandoc = pandoc_path()
    out.mkdir(parents=True, exist_ok=True)
    for name in _as_list(html_options.get("css")):
        shutil.copyfile(staged / name, out / name)
    _copy_resources(staged, out, _as_list((config.get("project") or {}).get("resources")))

    def one(page: SitePage) -> str:
        if site.is_report(page.source):
            return _report(pandoc, staged, out, page)
        return _html(pandoc, staged, out, page, nav, config, context)

    with ThreadPoolExecutor(max(1, jobs)) as pool:
        written = list(pool.map(one, pages))
    _search_index(out, [p for p in pages if not site.is_report(p.source)], title)
    return written


def _as_list(value) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _copy_resources(staged: Path, out: Path, patterns: list[str]) -> None:
    """The files of ``project.resources`` (the downloads) go to the site as they are."""
    for pattern in patterns:
        pattern = pattern + "/*" if pattern.endswith("**") else pattern  # Quarto's "dir/**": every file below
        for path in sorted(staged.glob(pattern)):
            if path.is_file():
                target = out / path.relative_to(staged)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)


def _run(command: list[str], cwd: Path, page: str) -> None:
    done = subprocess.run(command, check=False, cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        raise EngineError(pesan.TERBIT_PANDOC_GAGAL.format(berkas=page, rincian=(done.stderr or done.stdout).strip()[-2000:]))


def _footer_text(value) -> str:
    """A footer part: Markdown-escaped text from _quarto.yml, shown as plain escaped HTML."""
    return escape.html_text(escape.markdown_plain(value or ""))


def _html(pandoc, staged, out, page, nav, config, context) -> str:
    options = (config.get("format") or {}).get("html") or {}
    footer = (config.get("website") or {}).get("page-footer") or {}
    title = str((config.get("website") or {}).get("title", ""))
    target = out / page.output
    target.parent.mkdir(parents=True, exist_ok=True)
    source = staged / page.source
    reader = "ipynb" if source.suffix == ".ipynb" else "markdown"
    media = PurePosixPath(page.output).stem + "_files"
    command = [
        pandoc, str(source), "--from", reader, "--to", "html5", "--standalone",
        "--template", _template(PAGE_TEMPLATE), "--lua-filter", _template(FILTER),
        f"--extract-media={media}", "--output", str(target),
        "--metadata", f"lang={config.get('lang', 'id')}",
        "--variable", f"akar={page.root}",
        "--variable", f"navigasi={navbar_html(nav, page)}",
        "--variable", f"situs={html.escape(title)}",
        "--variable", f"versi={html.escape(context.versi)}",
        "--variable", f"kaki-kiri={_footer_text(footer.get('left'))}",
        "--variable", f"kaki-kanan={_footer_text(footer.get('right'))}",
        "--variable", f"teks-lewati={html.escape(pesan.TERBIT_LEWATI)}",
        "--variable", f"teks-navigasi={html.escape(pesan.TERBIT_NAVIGASI)}",
        "--variable", f"teks-menu={html.escape(pesan.TERBIT_MENU)}",
        "--variable", f"teks-cari={html.escape(pesan.TERBIT_CARI)}",
    ]
    for name in _as_list(options.get("css")):
        command += ["--variable", f"css={name}"]
    for name in _as_list(options.get("include-before-body")):
        command += ["--include-before-body", str(staged / name)]
    for name in _as_list(options.get("include-after-body")):
        command += ["--include-after-body", str(staged / name)]
    if reader == "ipynb":
        # pandoc's ipynb reader does not read the front matter of the first raw cell: hand it
        # over as a metadata file (values are Markdown there, as the front matter's are)
        front = notebooks.read_front_matter(json.loads(source.read_text(encoding="utf-8")))
        meta = source.with_name(source.name + ".meta.yml")
        meta.write_text(yaml.safe_dump(front, allow_unicode=True), encoding="utf-8")
        command += ["--metadata-file", str(meta)]
    if reader == "markdown":
        listing = _markdown_front(source.read_text(encoding="utf-8")).get("listing")
        if isinstance(listing, dict):
            command += ["--variable", f"daftar={listing_html(source.parent, listing, page)}"]
    _run(command, target.parent, page.source)
    return page.output


def _report(pandoc, staged, out, page) -> str:
    """``laporan.qmd`` → Typst (pandoc) → PDF (typst, bundled fonts only)."""
    import typst

    source = staged / page.source
    typ = source.with_name("laporan.typ")
    _run([pandoc, str(source), "--from", "markdown", "--to", "typst", "--standalone",
          "--template", _template(REPORT_TEMPLATE), "--output", str(typ)], source.parent, page.source)
    target = out / page.output
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        typst.compile(str(typ), output=str(target), root=str(source.parent), font_paths=[], ignore_system_fonts=True,
                      timestamp=int(build_time().timestamp()))  # the PDF's creation date (SOURCE_DATE_EPOCH)
    except Exception as error:  # noqa: BLE001 - typst.TypstError and friends: report the page and Typst's words
        raise EngineError(pesan.TERBIT_TYPST_GAGAL.format(berkas=page.source, rincian=str(error)[-2000:])) from None
    return page.output


def _search_index(out: Path, pages: list[SitePage], title: str) -> None:
    """``cari.js``: title, path and text of every page, for the search box (a script, not JSON
    fetched at run time, so that search works from a file:// copy too)."""
    entries = []
    for page in pages:
        markup = (out / page.output).read_text(encoding="utf-8")
        found = re.search(r"<h1 class=\"title\">(.*?)</h1>", markup, re.DOTALL)
        heading = html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).strip() if found else page.output
        entries.append({"judul": heading, "alamat": page.output, "teks": page_text(markup)})
    data = json.dumps(entries, ensure_ascii=False).replace("<", "\\u003c")
    (out / SEARCH_INDEX).write_text(f"window.KINERJA_CARI = {data};\n", encoding="utf-8")
