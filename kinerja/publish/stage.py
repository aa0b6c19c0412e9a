"""Stage the sources of one publication: a plain Quarto project in a folder of its own.

From the executed notebooks, pages (``<name>.halaman.json``, read with :meth:`kinerja.pages.Page.read`:
every sentence and number of the headline card, the listing, the Metodologi page and the report)
and extracts of ``_build/<tahun>/`` (see :mod:`kinerja.run`) and the Markdown pages of ``situs/``,
:func:`stage` writes::

    _quarto.yml              expanded (site.expand): year menus, render list, footer
    index.ipynb              Beranda: the newest year's overview, with the headline card
    tren.ipynb               the newest year's trend page
    metodologi.qmd           situs/metodologi.qmd + the rules in force per year
    unduh.qmd                situs/unduh.qmd + every download, per year
    <tahun>/index.ipynb      the year's overview
    <tahun>/opd/index.qmd    the year's OPD listing (situs/daftar-opd.qmd)
    <tahun>/opd/<kode>.ipynb one page per OPD
    <tahun>/pk/pk-<kode>.pdf the Perjanjian Kinerja of every OPD (:mod:`kinerja.publish.pk`), and
    <tahun>/pk/index.qmd     the year's page listing them (situs/daftar-pk.qmd)
    <tahun>/laporan.qmd      the year's PDF report (situs/laporan.qmd; Typst), with laporan.json,
                             kinerja-laporan.typ and its figures in gambar/
    unduh/<tahun>/...        the XLSX and CSV extracts (CSV cells guarded against formula
                             injection, see :func:`public_csv`)
    kinerja.css, kinerja-js.html, spanduk.html   style, script and the synthetic-data banner

Both engines render this folder; nothing in it is specific to one of them. Text from the data
reaches it only through :mod:`kinerja.support.escape` (HTML, Markdown, front matter, CSV cells).
"""

from __future__ import annotations

import csv
import datetime
import json
import os
import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pandas as pd

from kinerja.pages import PAGE_SUFFIX, Page, PageFileError, wording
from kinerja.publish import laporan, notebooks, pk, site
from kinerja.render.report import write_reviu_report
from kinerja.render.tables import JEJAK_PEMDA, reviu_letak
from kinerja.support import display, escape, pesan
from kinerja.support.reproducible import build_time, normalise_xlsx

SITUS = "situs"
#: Templates, stylesheet and script shipped with the package.
TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
UNDUH = "unduh"
#: Files of kinerja/templates/ copied into the staged project as they are.
ASSETS = ("kinerja.css",)


class StageError(ValueError):
    """The build lacks what a page needs; the message names the file (Bahasa Indonesia)."""


@dataclass(frozen=True)
class Context:
    """What every page shares: the pemda's name, whether the data is the synthetic sample, the
    generation date (``28 November 2026``) and the toolkit's version."""

    pemda: str
    sintetis: bool
    tanggal: str
    versi: str


def template_text(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def years_in_build(build: Path) -> list[int]:
    """Fiscal years with an executed overview in ``build``."""
    if not build.is_dir():
        return []
    return sorted(int(p.name) for p in build.iterdir() if re.fullmatch(r"\d{4}", p.name) and (p / "ringkasan.ipynb").is_file())


def check_build(build: Path, years: list[int]) -> None:
    """Refuse a build that lacks a page or has a failed notebook (a site with holes)."""
    problems = []
    for year in years:
        folder = build / str(year)
        for name in ("ringkasan", "tren"):
            for suffix in (".ipynb", ".xlsx", PAGE_SUFFIX):
                if not (folder / f"{name}{suffix}").is_file():
                    problems.append(str(folder / f"{name}{suffix}"))
        problems += [str(p) for p in sorted(folder.rglob("*.gagal.ipynb"))]
        if not any((folder / "opd").glob("*.ipynb")):
            problems.append(str(folder / "opd" / "*.ipynb"))
    if problems:
        raise StageError(pesan.TERBIT_BUILD_KURANG.format(berkas=", ".join(problems)))


def stage(root: Path, build: Path, years: list[int], dest: Path, context: Context) -> dict:
    """Write the staged project for ``years`` into ``dest`` (an empty folder); return its
    expanded configuration. Raises :class:`StageError` or :class:`site.SiteConfigError`."""
    config = site.load_config(root)
    check_build(build, years)
    dest.mkdir(parents=True, exist_ok=True)
    newest = max(years)
    for name in ASSETS:
        (dest / name).write_text(template_text(name), encoding="utf-8")
    (dest / "kinerja-js.html").write_text(script_include(), encoding="utf-8")
    banner = pesan.TERBIT_SPANDUK_HTML if context.sintetis else ""
    (dest / "spanduk.html").write_text(banner, encoding="utf-8")

    situs = root / SITUS
    overviews: dict[int, Page] = {}
    for year in years:
        try:
            overviews[year] = _stage_year(build / str(year), year, dest, context, root)
        except pk.PkStageError as error:
            raise StageError(str(error)) from None
        except PageFileError as error:  # a page written by another version, or damaged
            raise StageError(pesan.TERBIT_HALAMAN_RUSAK.format(rincian=error)) from None
    newest_folder = dest / str(newest)
    shutil.copyfile(newest_folder / "index.ipynb", dest / "index.ipynb")
    tren = _read(build / str(newest) / "tren.ipynb")
    _write(dest / "tren.ipynb", notebooks.page_notebook(tren, {**_front(tren), "lang": "id"}))
    _copy_extract(build / str(newest), "tren", dest / UNDUH / str(newest))

    (dest / "metodologi.qmd").write_text(_page(situs, "metodologi.qmd") + rules_section(overviews)
                                         + sensitivity_section(overviews),
                                         encoding="utf-8")
    (dest / "unduh.qmd").write_text(_page(situs, "unduh.qmd") + downloads_section(dest, years), encoding="utf-8")
    fields = {"pemda": escape.markdown_text(context.pemda), "tanggal": context.tanggal, "versi": context.versi}
    expanded = site.expand(config, years, dest, fields)
    (dest / site.CONFIG).write_text(site.dump(expanded), encoding="utf-8")
    _set_times(dest, build_time().timestamp())
    return expanded


def _set_times(folder: Path, moment: float) -> None:
    """Give every staged file the build's time: Quarto's listings show file times (``SOURCE_DATE_EPOCH``)."""
    for path in folder.rglob("*"):
        os.utime(path, (moment, moment), follow_symlinks=False)


def _stage_year(folder: Path, year: int, dest: Path, context: Context, root: Path) -> Page:
    """Stage one year's pages and PK documents; return its overview page (its method and scale go
    on the Metodologi page)."""
    situs = root / SITUS
    out = dest / str(year)
    (out / "opd").mkdir(parents=True, exist_ok=True)
    overview = _read(folder / "ringkasan.ipynb")
    halaman = Page.read(laporan.page_path(folder, "ringkasan"))
    card = headline_card(halaman)
    _write(out / "index.ipynb", notebooks.page_notebook(overview, {**_front(overview), "lang": "id"}, card))
    _copy_extract(folder, "ringkasan", dest / UNDUH / str(year))
    opd_pages = {path.name.removesuffix(".ipynb"): path for path in sorted((folder / "opd").glob("*.ipynb"))
                 if not path.name.endswith(".gagal.ipynb")}
    opd_links: dict[str, str] = {}
    opd_data = {stem: Page.read(laporan.page_path(folder / "opd", stem)) for stem in opd_pages
                if laporan.page_path(folder / "opd", stem).is_file()}
    links = pk.stage_pk(root, year, dest, [str(p.kode_opd) for p in opd_data.values()], context.sintetis)
    (out / pk.FOLDER).mkdir(exist_ok=True)
    (out / pk.FOLDER / "index.qmd").write_text(pk.pk_page(_page(situs, "daftar-pk.qmd"), year, links), encoding="utf-8")
    for stem, path in opd_pages.items():
        page = _read(path)
        front = _front(page)
        front["opd"] = front.get("title", path.stem)  # the listing's link text: the OPD's name
        link = None
        if stem in opd_data:
            opd_page = opd_data[stem]
            front["opd"] = escape.text(opd_page.row["nama_opd"]) or front["opd"]
            front["description"] = wording.opd_description(opd_page.row, opd_page.berjalan)
            link = links.get(str(opd_page.kode_opd))
            opd_links[str(opd_page.kode_opd)] = f"opd/{path.name}"
        published = notebooks.page_notebook(page, {**front, "lang": "id"})
        if link is not None:  # the OPD's PK, right under the title
            published["cells"].insert(1, notebooks.markdown_cell(pk.opd_link_markdown(year, link)))
        _write(out / "opd" / path.name, published)
        _copy_extract(folder / "opd", path.stem, dest / UNDUH / str(year) / "opd")
    if "reviu" in halaman.tables:
        stage_review(halaman, out, dest / UNDUH / str(year), opd_links, folder)
    listing = _page(situs, "daftar-opd.qmd")
    (out / "opd" / "index.qmd").write_text(listing.replace("{tahun}", str(year)), encoding="utf-8")
    for quarter in sorted(folder.glob("triwulan-[1-4]")):
        stage_triwulan(quarter, year, dest, situs)

    figures = []
    (out / "gambar").mkdir(exist_ok=True)
    page_file = laporan.page_path(folder, "ringkasan")
    for caption in halaman.figures:  # the figures as kinerja run filed them, with the page's words
        picture = Page.figure_path(page_file, caption.nama)
        if picture.is_file():  # a notebook an analyst changed may not draw every figure
            name = f"gambar/ringkasan-{caption.nama}.png"
            shutil.copyfile(picture, out / name)
            figures.append({"berkas": name, "alt": caption.alt, "judul": caption.judul})
    data = laporan.report_data(folder, year, context.pemda, figures, context.sintetis,
                               pesan.TERBIT_DIBUAT.format(tanggal=context.tanggal, versi=context.versi))
    (out / "laporan.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "kinerja-laporan.typ").write_text(template_text("kinerja-laporan.typ"), encoding="utf-8")
    report = _page(situs, "laporan.qmd").replace("{tahun}", str(year))
    in_force = "\n".join(["", f"## {pesan.TERBIT_ATURAN_BERLAKU} {year}", "", *conventions_markdown(halaman)])
    (out / "laporan.qmd").write_text(report.replace("{metodologi}", _body(_page(situs, "metodologi.qmd")) + in_force),
                                     encoding="utf-8")
    return halaman


def stage_triwulan(folder: Path, year: int, dest: Path, situs: Path) -> None:
    """Stage the quarterly monitoring pages of one quarter (``<tahun>/triwulan-N/`` of the build,
    made by ``kinerja run --triwulan N``): the pemda page with a link to the OPD listing
    (``situs/daftar-triwulan.qmd``), one page per OPD (listed with its capaian s.d. triwulan N
    and its indicators behind), and their downloads."""
    pemda_notebook = folder / "index.ipynb"
    if not pemda_notebook.is_file():
        return
    out = dest / str(year) / folder.name
    (out / "opd").mkdir(parents=True, exist_ok=True)
    unduh = dest / UNDUH / str(year) / folder.name
    n = int(folder.name.removeprefix("triwulan-"))
    notebook = _read(pemda_notebook)
    link = notebooks.markdown_cell(pesan.TERBIT_TRIWULAN_DAFTAR_OPD.format(triwulan=display.romawi(n)))
    published = notebooks.page_notebook(notebook, {**_front(notebook), "lang": "id"})
    published["cells"].append(link)
    _write(out / "index.ipynb", published)
    _copy_extract(folder, "index", unduh)
    for path in sorted((folder / "opd").glob("*.ipynb")):
        if path.name.endswith(".gagal.ipynb"):
            continue
        page = _read(path)
        front = _front(page)
        front["opd"] = front.get("title", path.stem)
        data = laporan.page_path(folder / "opd", path.stem)
        if data.is_file():
            quarter_page = Page.read(data)
            front["opd"] = escape.text(quarter_page.row["nama_opd"]) or front["opd"]
            front["description"] = wording.quarter_description(quarter_page.row)
        _write(out / "opd" / path.name, notebooks.page_notebook(page, {**front, "lang": "id"}))
        _copy_extract(folder / "opd", path.stem, unduh / "opd")
    listing = _page(situs, "daftar-triwulan.qmd") if (situs / "daftar-triwulan.qmd").is_file() else ""
    listing = listing.replace("{tahun}", str(year)).replace("{triwulan}", display.romawi(n))
    (out / "opd" / "index.qmd").write_text(listing, encoding="utf-8")


def _page(situs: Path, name: str) -> str:
    text = (situs / name).read_text(encoding="utf-8")
    return text if text.endswith("\n") else text + "\n"


def _body(text: str) -> str:
    """A Markdown page without its front matter, headings one level down (under the report's
    own chapter heading)."""
    body = re.sub(r"\A---\n.*?\n---\n", "", text, count=1, flags=re.DOTALL)
    return re.sub(r"^(#+) ", lambda m: "#" + m.group(1) + " ", body, flags=re.MULTILINE)


def _read(path: Path) -> dict:
    """An executed notebook of the build, checked to have the shape the pages are made from.

    Raises :class:`StageError` naming the file when it cannot be read, is not JSON (truncated), or
    is JSON of another shape (see :func:`notebook_problem`)."""
    try:
        notebook = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        rincian = pesan.TERBIT_NOTEBOOK_JSON.format(baris=error.lineno, kolom=error.colno)
        raise StageError(pesan.TERBIT_NOTEBOOK_RUSAK.format(berkas=path, rincian=rincian)) from None
    except UnicodeDecodeError:
        raise StageError(pesan.TERBIT_NOTEBOOK_RUSAK.format(berkas=path, rincian=pesan.TERBIT_NOTEBOOK_UTF8)) from None
    except (OSError, ValueError) as error:
        raise StageError(pesan.TERBIT_NOTEBOOK_RUSAK.format(berkas=path, rincian=error)) from None
    problem = notebook_problem(notebook)
    if problem:
        raise StageError(pesan.TERBIT_NOTEBOOK_BENTUK.format(berkas=path, rincian=problem))
    return notebook


def _is_text(value) -> bool:
    """A notebook text field: a string, or a list of strings."""
    return isinstance(value, str) or (isinstance(value, list) and all(isinstance(item, str) for item in value))


def notebook_problem(notebook) -> str | None:
    """What keeps parsed JSON from being an executed notebook the pages can be made from (Bahasa
    Indonesia), or None: a mapping with a ``cells`` list; every cell a mapping with a text
    ``cell_type`` and ``source``, a mapping ``metadata`` with a list of text ``tags``; every output
    a mapping whose ``data`` maps types to text and whose ``metadata`` is a mapping."""
    if not isinstance(notebook, dict) or not isinstance(notebook.get("metadata", {}), dict):
        return pesan.TERBIT_NOTEBOOK_CACAT["objek"]
    cells = notebook.get("cells")
    if not isinstance(cells, list):
        return pesan.TERBIT_NOTEBOOK_CACAT["sel"]
    for number, cell in enumerate(cells, start=1):
        metadata = cell.get("metadata", {}) if isinstance(cell, dict) else None
        if not (isinstance(cell, dict) and isinstance(cell.get("cell_type"), str) and _is_text(cell.get("source", ""))
                and isinstance(metadata, dict) and _is_text(metadata.get("tags", []))
                and not isinstance(metadata.get("tags", []), str)):
            return pesan.TERBIT_NOTEBOOK_CACAT["sel_n"].format(nomor=number)
        outputs = cell.get("outputs", [])
        if not isinstance(outputs, list):
            return pesan.TERBIT_NOTEBOOK_CACAT["keluaran_n"].format(nomor=number)
        for output in outputs:
            data = output.get("data", {}) if isinstance(output, dict) else None
            if not (isinstance(data, dict) and all(_is_text(value) or not key.startswith(("text/", "image/png"))
                                                   for key, value in data.items())
                    and isinstance(output.get("metadata", {}), dict)):
                return pesan.TERBIT_NOTEBOOK_CACAT["keluaran_n"].format(nomor=number)
    return None


def _write(path: Path, notebook: dict) -> None:
    path.write_text(json.dumps(notebook, ensure_ascii=False, indent=1), encoding="utf-8")


def _front(notebook: dict) -> dict:
    """The title of an executed notebook as plain text (its front matter holds it as Markdown)."""
    found = notebooks.read_front_matter(notebook)
    return {"title": escape.markdown_plain(found["title"])} if found.get("title") else {}


def _copy_extract(folder: Path, stem: str, dest: Path) -> None:
    """A page's downloads: its XLSX as written by ``kinerja run`` (text cells are text), its CSV
    files through :func:`public_csv` (its figures' PNGs are not downloads)."""
    dest.mkdir(parents=True, exist_ok=True)
    if (folder / f"{stem}.xlsx").is_file():
        shutil.copyfile(folder / f"{stem}.xlsx", dest / f"{stem}.xlsx")
    if (folder / stem).is_dir():
        for source in sorted((folder / stem).rglob("*")):
            target = dest / stem / source.relative_to(folder / stem)
            if source.is_dir():
                target.mkdir(parents=True, exist_ok=True)
            elif source.suffix == ".csv":
                target.parent.mkdir(parents=True, exist_ok=True)
                public_csv(source, target)
            elif source.suffix == ".png":
                continue  # the page's figures: shown on its page and in the PDF, not a data download
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)


def public_csv(source: Path, target: Path) -> None:
    """Copy a CSV extract of ``kinerja run`` as a public download: every cell through
    :func:`kinerja.support.escape.csv_field` (text quoted, and prefixed with ``'`` when it starts like a
    formula; numbers and empty cells as they are). Encoding UTF-8, comma, ``\\n`` line ends."""
    with source.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    lines = [",".join(escape.csv_field(cell) for cell in row) for row in rows]
    target.write_text("".join(line + "\n" for line in lines), encoding="utf-8", newline="")


def headline_card(page: Page) -> str:
    """The overview's headline as HTML: capaian, predikat badge, and the change from the year
    before (:attr:`Page.perubahan`) with an arrow and a colour (every data text escaped). It takes
    the place of the notebook's headline paragraph, so the page says it once."""
    esc = escape.html_text
    row = page.row
    colours = laporan.predikat_colours()
    predikat = wording.predikat(row.get("predikat"))
    if pd.isna(row.get("selisih_poin")):
        arah, panah, kata = "tetap", "●", ""
    elif row["selisih_poin"] > 0:
        arah, panah, kata = "naik", "▲", pesan.TERBIT_NAIK
    elif row["selisih_poin"] < 0:
        arah, panah, kata = "turun", "▼", pesan.TERBIT_TURUN
    else:
        arah, panah, kata = "tetap", "●", pesan.TERBIT_TETAP
    colour = colours.get(predikat, "#777777")
    if page.berjalan:  # a year in progress: no capaian to show, the headline says why
        return (
            f'<section class="kartu-utama" aria-label="{esc(pesan.TERBIT_KARTU_LABEL)}">\n'
            f'<p class="kartu-judul">{esc(wording.card_title(page.pemda, page.tahun))}</p>\n'
            f'<p class="kartu-angka"><span class="angka">{esc(pesan.TERBIT_KARTU_BERJALAN)}</span></p>\n'
            f'<p class="kartu-perubahan tetap">{esc(page.utama)}</p>\n'
            "</section>"
        )
    return (
        f'<section class="kartu-utama" aria-label="{esc(pesan.TERBIT_KARTU_LABEL)}">\n'
        f'<p class="kartu-judul">{esc(wording.card_title(page.pemda, page.tahun))}</p>\n'
        f'<p class="kartu-angka"><span class="angka">{esc(display.persen(row["capaian"]))}</span> '
        f'<span class="predikat" data-predikat="{esc(predikat)}"><span class="titik" style="background:{esc(colour)}"></span>'
        f"{esc(predikat)}</span></p>\n"
        f'<p class="kartu-perubahan {arah}"><span class="panah" aria-hidden="true">{panah}</span> '
        f'<span class="visually-hidden">{esc(kata)}</span>{esc(page.perubahan)}</p>\n'
        f"{_trace_link(page)}"
        "</section>"
    )


def _trace_link(page: Page) -> str:
    """The headline card's link to the trace of the pemda figure (``#jejak-pemda`` on the same page)."""
    if "jejak" not in page.tables:
        return ""
    return (f'<p class="kartu-jejak"><a href="#{JEJAK_PEMDA}">'
            f"{escape.html_text(pesan.HALAMAN_JEJAK_TAUTAN)}</a></p>\n")


def script_include() -> str:
    """The site's script, inline (works from a file:// copy and on any base path), with the
    predikat colours and the wording it shows."""
    settings = {
        "warna": laporan.predikat_colours(),
        "teks": {
            "saring": pesan.TERBIT_SARING, "saringLabel": pesan.TERBIT_SARING_LABEL, "urutkan": pesan.TERBIT_URUTKAN,
            "kolomPredikat": pesan.KOLOM_PREDIKAT, "jumlahBaris": pesan.TERBIT_JUMLAH_BARIS,
            "tidakDitemukan": pesan.TERBIT_TIDAK_DITEMUKAN,
            "tabel": pesan.TERBIT_TABEL_BERNOMOR, "navigasi": pesan.TERBIT_NAVIGASI,
        },
    }
    data = json.dumps(settings, ensure_ascii=False).replace("<", "\\u003c")
    return f"<script>window.KINERJA = {data};</script>\n<script>\n{template_text('kinerja.js')}\n</script>\n"


def rules_section(overviews: dict[int, Page]) -> str:
    """Markdown: the method and predikat scale in force for each year (from its overview page)."""
    lines = ["", f"## {pesan.TERBIT_ATURAN_BERLAKU}", ""]
    for year in sorted(overviews, reverse=True):
        page = overviews[year]
        lines += [f"### {pesan.TERBIT_TAHUN_ANGGARAN} {year}", ""]
        if page.metode:
            lines += [escape.markdown_text(f"{wording.method_label()} {page.metode}"), ""]
        lines += conventions_markdown(page)
        lines += [f"| {pesan.KOLOM_PREDIKAT} | {pesan.KOLOM_BATAS} |", "|---|---|"]
        lines += [f"| {escape.markdown_text(r.predikat)} | {escape.markdown_text(r.batas)} |"
                  for r in page.tables["predikat"].itertuples(index=False)]
        lines.append("")
    return "\n".join(lines)


def conventions_markdown(page: Page) -> list[str]:
    """Markdown lines: the conventions in force of a page (:attr:`Page.konvensi`), as a list."""
    if not page.konvensi:
        return []
    return [f"**{escape.markdown_text(wording.conventions_label())}**", "",
            *[f"- {escape.markdown_text(item)}" for item in page.konvensi], ""]


def downloads_section(dest: Path, years: list[int]) -> str:
    """Markdown: every extract (XLSX, and the CSV of each table) of every page, per year."""
    lines = [""]
    for year in sorted(years, reverse=True):
        folder = dest / UNDUH / str(year)
        lines += [f"### {pesan.TERBIT_TAHUN_ANGGARAN} {year}", ""]
        lines += review_downloads(dest, year)
        for xlsx in sorted(folder.rglob("*.xlsx"), key=lambda p: (p.parent != folder, p.stem)):
            if xlsx.parent == folder and xlsx.stem == "reviu":
                continue  # listed with the jejak above
            rel = PurePosixPath(xlsx.relative_to(dest))
            label = _download_label(xlsx, folder)
            csvs = sorted(xlsx.with_suffix("").glob("*.csv"))
            links = ", ".join(f"[{c.stem}]({PurePosixPath(c.relative_to(dest))})" for c in csvs)
            lines.append(f"- {escape.markdown_text(label)}: [XLSX]({rel}); CSV: {links}")
        lines.append("")
    return "\n".join(lines)


def _download_label(xlsx: Path, folder: Path) -> str:
    if xlsx.parent == folder:
        return {"ringkasan": pesan.TERBIT_UNDUH_RINGKASAN, "tren": pesan.TERBIT_UNDUH_TREN}.get(xlsx.stem, xlsx.stem)
    opd_csv = xlsx.with_suffix("") / "opd.csv"
    if opd_csv.is_file():
        names = pd.read_csv(opd_csv, dtype=str)["nama_opd"].dropna()
        if len(names):
            return f"{names.iloc[0]} ({xlsx.stem})"
    return xlsx.stem


# --- reviu, jejak and method sensitivity (issue 15) ---------------------------------------------

#: The year's Reviu page, beside its overview.
REVIU_PAGE = "reviu.qmd"


def _cell(value: object) -> str:
    """A Markdown table cell: escaped text (pipes included), never markup."""
    return escape.markdown_text(value) or " "


def _markdown_table(head: list[str], rows: list[list[str]], numeric: tuple[int, ...] = ()) -> list[str]:
    """A pipe table (cells already Markdown); ``numeric`` columns right-aligned."""
    lines = ["| " + " | ".join(head) + " |",
             "|" + "|".join("---:" if i in numeric else "---" for i in range(len(head))) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def review_page(page: Page, opd_links: dict[str, str]) -> str:
    """The year's Reviu page (Markdown): the number of flags per flag code (every code, zeros
    included) and per OPD, then every flag, from the overview's ``reviu`` tables. ``opd_links``
    maps a ``kode_opd`` to its page (relative to the Reviu page)."""
    tahun = page.tahun
    front = escape.front_matter({"title": pesan.TERBIT_REVIU_JUDUL.format(tahun=tahun),
                                 "description": pesan.TERBIT_REVIU_DESKRIPSI.format(tahun=tahun), "lang": "id"})
    lines = [front, "", escape.markdown_text(pesan.HALAMAN_REVIU_PENGANTAR), ""]
    per_code = page.tables["reviu_kode"]
    lines += [f"## {escape.markdown_text(pesan.TABEL_REVIU_KODE_JUDUL.format(tahun=tahun))}", ""]
    lines += _markdown_table(
        [pesan.KOLOM_JENIS_CATATAN, pesan.KOLOM_KODE_CATATAN, pesan.KOLOM_JUMLAH_CATATAN],
        [[_cell(r.judul), _cell(r.kode), display.angka(r.jumlah, 0)] for r in per_code.itertuples(index=False)], (2,))
    per_opd = page.tables["reviu_opd"]
    lines += ["", f"## {escape.markdown_text(pesan.TABEL_REVIU_OPD_JUDUL.format(tahun=tahun))}", ""]
    if per_opd.empty:
        lines.append(escape.markdown_text(pesan.HALAMAN_REVIU_KOSONG) + ".")
    else:
        rows = []
        for r in per_opd.itertuples(index=False):
            name = _cell(r.nama_opd)
            link = opd_links.get(str(r.kode_opd))
            rows.append([f"[{name}]({link})" if link else name, _cell(r.kode_opd), display.angka(r.jumlah, 0)])
        lines += _markdown_table([pesan.KOLOM_OPD, pesan.KOLOM_KODE_CATATAN, pesan.KOLOM_JUMLAH_CATATAN], rows, (2,))
    flags = page.tables["reviu"]
    lines += ["", f"## {escape.markdown_text(pesan.TABEL_REVIU_SEMUA_JUDUL.format(tahun=tahun))}", ""]
    if flags.empty:
        lines.append(escape.markdown_text(pesan.HALAMAN_REVIU_KOSONG) + ".")
    else:
        lines += _markdown_table(
            [pesan.KOLOM_OPD, pesan.KOLOM_INDIKATOR, pesan.KOLOM_JENIS_CATATAN, pesan.KOLOM_PENJELASAN, pesan.KOLOM_LETAK],
            [[_cell(row["nama_opd"]), _cell(row["indikator"]), _cell(row["judul"]), _cell(row["pesan"]),
              _cell(reviu_letak(row))] for _, row in flags.iterrows()])
    return "\n".join(lines) + "\n"


def stage_review(page: Page, out: Path, unduh: Path, opd_links: dict[str, str], source: Path | None = None) -> None:
    """The year's Reviu page (``<tahun>/reviu.qmd``) and its downloads: ``reviu.csv`` and
    ``reviu.xlsx`` (the columns of ``kinerja reviu --report``) and ``jejak.csv`` (the trace of every
    figure of the year, as ``kinerja jejak --out``), from the overview page's tables. ``reviu.xlsx``
    carries the time of the run's ``ringkasan.xlsx`` in ``source`` (the build folder of the year),
    so that both engines, and every publish of one build, give the same bytes."""
    (out / REVIU_PAGE).write_text(review_page(page, opd_links), encoding="utf-8")
    unduh.mkdir(parents=True, exist_ok=True)
    flags = page.tables["reviu"]
    write_reviu_report(flags, unduh / "reviu.xlsx")
    moment = _xlsx_time(source / "ringkasan.xlsx") if source is not None else None
    if moment is not None:
        normalise_xlsx(unduh / "reviu.xlsx", moment)
    raw = unduh / ".reviu.mentah.csv"
    write_reviu_report(flags, raw)
    public_csv(raw, unduh / "reviu.csv")
    raw.unlink()
    raw = unduh / ".jejak.mentah.csv"
    page.tables["jejak"].to_csv(raw, index=False, encoding="utf-8", lineterminator="\n")
    public_csv(raw, unduh / "jejak.csv")
    raw.unlink()


def _xlsx_time(path: Path) -> datetime.datetime | None:
    """The time of an XLSX file written by ``kinerja run`` (its zip entries'), or None."""
    try:
        with zipfile.ZipFile(path) as book:
            return datetime.datetime(*book.infolist()[0].date_time, tzinfo=datetime.timezone.utc)
    except (OSError, zipfile.BadZipFile, IndexError):
        return None


def review_downloads(dest: Path, year: int) -> list[str]:
    """Markdown list items: the year's ``reviu.xlsx``/``reviu.csv`` and ``jejak.csv``."""
    folder = dest / UNDUH / str(year)
    lines = []
    if (folder / "reviu.xlsx").is_file():
        lines.append(f"- {escape.markdown_text(pesan.TERBIT_UNDUH_REVIU)}: [XLSX]({UNDUH}/{year}/reviu.xlsx); "
                     f"CSV: [reviu]({UNDUH}/{year}/reviu.csv)")
    if (folder / "jejak.csv").is_file():
        lines.append(f"- {escape.markdown_text(pesan.TERBIT_UNDUH_JEJAK)}: CSV: [jejak]({UNDUH}/{year}/jejak.csv)")
    return lines


def sensitivity_rows(page: Page) -> list[dict]:
    """The pemda figure under each method setting (the overview's ``metode`` table), formatted."""
    table = page.tables.get("metode")
    if table is None:
        return []
    return [{"setelan": escape.text(r.setelan), "capaian": display.persen(r.capaian),
             "predikat": wording.predikat(r.predikat), "selisih": "" if str(r.berlaku) == "True" else display.poin(r.selisih_poin)}
            for r in table.itertuples(index=False)]


def sensitivity_section(overviews: dict[int, Page]) -> str:
    """Markdown for the Metodologi page: per year, the pemda figure under each method setting,
    with its predikat, and the one-line summary."""
    lines = ["", f"## {escape.markdown_text(pesan.HALAMAN_KEPEKAAN_JUDUL)}", ""]
    for year in sorted(overviews, reverse=True):
        page = overviews[year]
        rows = sensitivity_rows(page)
        if not rows:
            continue
        lines += [f"### {pesan.TERBIT_TAHUN_ANGGARAN} {year}", "",
                  escape.markdown_text(pesan.HALAMAN_KEPEKAAN_PENGANTAR.format(tahun=year)), ""]
        lines += _markdown_table(
            [pesan.KOLOM_SETELAN, pesan.KOLOM_CAPAIAN, pesan.KOLOM_PREDIKAT, pesan.KOLOM_SELISIH],
            [[_cell(r["setelan"]), _cell(r["capaian"]), _cell(r["predikat"]), _cell(r["selisih"])] for r in rows], (1, 3))
        lines += ["", f": {escape.markdown_text(pesan.TABEL_KEPEKAAN_JUDUL.format(tahun=year))}", ""]
        if page.kepekaan:
            lines += [escape.markdown_text(page.kepekaan) + ".", ""]
    return "\n".join(lines)
