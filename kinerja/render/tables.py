"""Tables of the notebooks as real HTML tables, in Indonesian formats, every cell escaped.

A :class:`Table` is what a notebook cell shows: its output is ``text/html`` holding one plain
``<table>`` (a ``<caption>``, one header row of ``<th scope="col">``, numbers right-aligned) that
pandoc and Quarto turn into a native table for the website and the PDF, with a ``text/plain``
alternative. The HTML is written here rather than by pandas' Styler because the LKjIP table needs
the sasaran cell spanning its rows with a single header row, and because Styler adds random ids and
a style block that pandoc does not need; the output is deterministic (snapshot-tested).

Numbers are formatted only here, at the edge, by :mod:`kinerja.support.display`: ``100,86 %``,
``+0,36 poin``, ``1.234,5``; an empty value is ``–``. Every text, from the data or not, is escaped
by :func:`kinerja.support.escape.html_text`. The headline and method sentences of the notebooks are HTML
paragraphs too (:func:`headline`, :func:`method`): only their fixed words carry markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd

from kinerja.support import display, escape, pesan
from kinerja.inputs.findings import Finding
from kinerja.pages import Page, improved_declined, wording

RIGHT = ' style="text-align: right"'


def teks(value: object) -> str:
    """Text as shown: empty for a missing value."""
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def angka(value: object) -> str:
    """A target or realisasi: ``1.234,5``, ``0,45``, ``115`` (as many decimals as needed, up to 2)."""
    return display.angka(value, 2, trim=True)


def bilangan(value: object) -> str:
    """A count or an amount of rupiah: ``1.234.567``."""
    return display.angka(value, 0)


def persen(value: object) -> str:
    return display.persen(value)


def poin(value: object) -> str:
    return display.poin(value)


def perubahan(value: object) -> str:
    return display.perubahan(value)


@dataclass(frozen=True)
class Column:
    """One column of a table: the DataFrame column ``name``, its header ``judul`` and how each
    value is shown (``format``); ``numeric`` columns are right-aligned."""

    name: str
    judul: str
    format: Callable[[object], str] = teks
    numeric: bool = False


@dataclass(frozen=True)
class Table:
    """A rendered table: ``html`` (one ``<table>``), ``frame`` (the shown strings) and ``judul``."""

    html: str
    frame: pd.DataFrame
    judul: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        if self.frame.empty:
            return f"{self.judul}\n{pesan.TABEL_KOSONG}"
        return f"{self.judul}\n{self.frame.to_string(index=False)}"


def render(
    frame: pd.DataFrame,
    columns: Sequence[Column],
    judul: str,
    group: str | None = None,
    row_class: Sequence[str] | None = None,
    kosong: str = pesan.TABEL_KOSONG,
) -> Table:
    """Render ``frame`` as an HTML table with the given columns, in order.

    ``group`` names a column whose equal consecutive values are shown once, in a cell spanning
    their rows (the sasaran of an LKjIP table). ``row_class`` gives each row a CSS class (e.g.
    ``rata-rata`` for a mean row). An empty ``frame`` gives a table with one row saying ``kosong``.
    """
    shown = pd.DataFrame({c.judul: [c.format(v) for v in frame[c.name]] for c in columns}, columns=[c.judul for c in columns])
    esc = escape.html_text
    head = "".join(f'<th scope="col"{RIGHT if c.numeric else ""}>{esc(c.judul)}</th>' for c in columns)
    lines = ['<table class="kinerja-tabel">', f"<caption>{esc(judul)}</caption>",
             f"<thead><tr>{head}</tr></thead>", "<tbody>"]
    if frame.empty:
        lines.append(f'<tr><td colspan="{len(columns)}">{esc(kosong)}</td></tr>')
    spans = _spans(frame[group].tolist()) if group and not frame.empty else {}
    for index in range(len(frame)):
        cells = []
        for position, column in enumerate(columns):
            value = esc(shown.iat[index, position])
            if column.name == group:
                if index not in spans:
                    continue
                rowspan = f' rowspan="{spans[index]}"' if spans[index] > 1 else ""
                cells.append(f'<th scope="rowgroup"{rowspan}>{value}</th>')
            else:
                cells.append(f"<td{RIGHT if column.numeric else ''}>{value}</td>")
        css = f' class="{esc(row_class[index])}"' if row_class and row_class[index] else ""
        lines.append(f"<tr{css}>{''.join(cells)}</tr>")
    lines += ["</tbody>", "</table>"]
    return Table("\n".join(lines), shown, judul)


def _spans(values: list) -> dict[int, int]:
    """Start index → length of each run of equal consecutive values."""
    spans: dict[int, int] = {}
    start = 0
    for index in range(1, len(values) + 1):
        if index == len(values) or values[index] != values[start]:
            spans[start] = index - start
            start = index
    return spans


# --- the tables of the pages -------------------------------------------------------------------


def lkjip_rows(page: Page) -> tuple[list[dict], list[str]]:
    """The rows of the LKjIP table of one OPD page, as shown (strings): each sasaran's indicators,
    then its mean row (the sasaran capaian, labelled with the cap in force); and each row's CSS
    class (``rata-rata`` for a mean row). The notebooks' table and the PDF report show these rows."""
    rows, classes = [], []
    sasaran = page.tables["sasaran"].set_index("sasaran")
    uncapped = "capaian_tanpa_batas" in page.tables["indikator"]
    for name, group in page.tables["indikator"].groupby("sasaran", sort=False):
        for row in group.itertuples(index=False):
            rows.append({"sasaran": teks(name), "indikator": teks(row.indikator), "satuan": teks(row.satuan),
                         "target": target_text(row), "realisasi": angka(row.realisasi), "capaian": persen(row.capaian),
                         "predikat": teks(row.predikat)})
            if uncapped:
                rows[-1]["capaian_tanpa_batas"] = persen(row.capaian_tanpa_batas)
            classes.append("")
        if page.berjalan:  # no capaian yet: no mean row
            continue
        mean = sasaran.loc[name]
        rows.append({"sasaran": teks(name), "indikator": wording.sasaran_mean_label(mean["batas_atas"]), "satuan": "",
                     "target": "", "realisasi": "", "capaian": persen(mean["capaian"]), "predikat": teks(mean["predikat"]),
                     **({"capaian_tanpa_batas": ""} if uncapped else {})})
        classes.append("rata-rata")
    if has_renstra(page):
        add_renstra_column(page, rows, classes)
    return rows, classes


def has_renstra(page: Page) -> bool:
    """Whether an OPD page has indicators in a Renstra period (its LKjIP table then gains the
    column "Capaian thd. target akhir Renstra")."""
    return "renstra" in page.tables and not page.tables["renstra"].empty


def add_renstra_column(page: Page, rows: list[dict], classes: list[str]) -> None:
    """Fill ``renstra`` (capaian terhadap target akhir periode, as shown) in the LKjIP ``rows``
    of :func:`lkjip_rows`, matching the indicators in order by ``kode_indikator`` (mean rows and
    indicators outside the plan: empty)."""
    plan = page.tables["renstra"].drop_duplicates("kode_indikator").set_index("kode_indikator")["capaian_akhir_periode"]
    indikator = page.tables["indikator"]
    codes = iter([code for _, group in indikator.groupby("sasaran", sort=False)
                  for code in (group["kode_indikator"] if "kode_indikator" in group else [None] * len(group))])
    for row, css in zip(rows, classes):
        code = None if css == "rata-rata" else next(codes, None)
        row["renstra"] = persen(plan.get(code)) if code is not None and code in plan.index else ""


def indikator(page: Page) -> Table:
    """The LKjIP table of one OPD: Sasaran | Indikator | Satuan | Target | Realisasi | Capaian |
    Predikat, each sasaran followed by its mean row (:func:`lkjip_rows`)."""
    rows, classes = lkjip_rows(page)
    names = ["sasaran", "indikator", "satuan", "target", "realisasi", "capaian", "predikat"]
    columns = [
        Column("sasaran", pesan.KOLOM_SASARAN),
        Column("indikator", pesan.KOLOM_INDIKATOR),
        Column("satuan", pesan.KOLOM_SATUAN),
        Column("target", pesan.KOLOM_TARGET, numeric=True),
        Column("realisasi", pesan.KOLOM_REALISASI, numeric=True),
        Column("capaian", pesan.KOLOM_CAPAIAN, numeric=True),
        Column("predikat", pesan.KOLOM_PREDIKAT),
    ]
    if page.berjalan:  # a year in progress: the PK targets only
        names, columns = names[:4], columns[:4]
    elif "capaian_tanpa_batas" in page.tables["indikator"]:  # the indicator cap is on: both values
        names.insert(6, "capaian_tanpa_batas")
        columns.insert(6, Column("capaian_tanpa_batas", pesan.KOLOM_CAPAIAN_TANPA_BATAS, numeric=True))
    frame = pd.DataFrame(rows).reindex(columns=names)
    if has_renstra(page) and not page.berjalan:  # the five-year plan's end target
        frame["renstra"] = [row["renstra"] for row in rows]
        columns.append(Column("renstra", pesan.KOLOM_CAPAIAN_RENSTRA, numeric=True))
    return render(frame, columns, pesan.TABEL_INDIKATOR_JUDUL.format(tahun=page.tahun), group="sasaran", row_class=classes)


def target_text(row) -> str:
    """The target of an indicator row as shown: ``115``, a range ``80–90``, or ``–``."""
    target = getattr(row, "target", None)
    if target is not None and pd.notna(target):
        return angka(target)
    low, high = getattr(row, "target_bawah", None), getattr(row, "target_atas", None)
    if low is not None and high is not None and pd.notna(low) and pd.notna(high):
        return f"{angka(low)}–{angka(high)}"
    return display.KOSONG


def catatan_indikator(page: Page) -> Table:
    """The notes on the indicators of one OPD (not computable, floored, capped), if any."""
    noted = page.catatan
    columns = [Column("indikator", pesan.KOLOM_INDIKATOR), Column("catatan", pesan.KOLOM_CATATAN)]
    return render(noted, columns, pesan.TABEL_CATATAN_JUDUL.format(tahun=page.tahun), kosong=pesan.TABEL_TANPA_CATATAN)


def peringkat(page: Page) -> Table:
    """Every OPD of the overview, highest capaian first, with its change from the year before."""
    table = page.tables["opd"].reset_index(drop=True)
    frame = table.assign(no=[str(i + 1) if pd.notna(c) else "" for i, c in enumerate(table["capaian"])])
    columns = [
        Column("no", pesan.KOLOM_NO, numeric=True),
        Column("nama_opd", pesan.KOLOM_OPD),
        Column("capaian", pesan.KOLOM_CAPAIAN, persen, True),
        Column("predikat", pesan.KOLOM_PREDIKAT),
        Column("capaian_sebelumnya", pesan.KOLOM_CAPAIAN_SEBELUMNYA.format(tahun=page.tahun - 1), persen, True),
        Column("selisih_poin", pesan.KOLOM_SELISIH, poin, True),
        Column("perubahan_persen", pesan.KOLOM_PERUBAHAN, perubahan, True),
    ]
    return render(frame, columns, pesan.TABEL_OPD_JUDUL.format(tahun=page.tahun))


def opd_berubah(frame: pd.DataFrame, judul: str, tahun: int) -> Table:
    """OPDs with their capaian in two years and the change (for the biggest risers and fallers)."""
    columns = [
        Column("nama_opd", pesan.KOLOM_OPD),
        Column("capaian_sebelumnya", pesan.KOLOM_CAPAIAN_SEBELUMNYA.format(tahun=tahun - 1), persen, True),
        Column("capaian", pesan.KOLOM_CAPAIAN_TAHUN.format(tahun=tahun), persen, True),
        Column("selisih_poin", pesan.KOLOM_SELISIH, poin, True),
        Column("perubahan_persen", pesan.KOLOM_PERUBAHAN, perubahan, True),
    ]
    return render(frame, columns, judul, kosong=pesan.TABEL_TANPA_PERUBAHAN)


def opd_naik(page: Page, jumlah: int = 5) -> Table:
    """The OPDs of the overview whose capaian rose most from the year before (in poin)."""
    naik, _ = improved_declined(page.tables["opd"], jumlah)
    return opd_berubah(naik, pesan.TABEL_NAIK_JUDUL.format(tahun=page.tahun, sebelumnya=page.tahun - 1), page.tahun)


def opd_turun(page: Page, jumlah: int = 5) -> Table:
    """The OPDs of the overview whose capaian fell most from the year before (in poin)."""
    _, turun = improved_declined(page.tables["opd"], jumlah)
    return opd_berubah(turun, pesan.TABEL_TURUN_JUDUL.format(tahun=page.tahun, sebelumnya=page.tahun - 1), page.tahun)


def predikat(page: Page) -> Table:
    """Number of OPD per predikat."""
    columns = [
        Column("predikat", pesan.KOLOM_PREDIKAT),
        Column("batas", pesan.KOLOM_BATAS),
        Column("jumlah_opd", pesan.KOLOM_JUMLAH_OPD, bilangan, True),
    ]
    return render(page.tables["predikat"], columns, pesan.TABEL_PREDIKAT_JUDUL.format(tahun=page.tahun))


def tidak_terhitung(page: Page) -> Table:
    """The indicators without a capaian in the overview's year, and why."""
    columns = [
        Column("nama_opd", pesan.KOLOM_OPD),
        Column("indikator", pesan.KOLOM_INDIKATOR),
        Column("catatan", pesan.KOLOM_ALASAN),
    ]
    return render(page.tables["tidak_terhitung"], columns, pesan.TABEL_TIDAK_TERHITUNG_JUDUL.format(tahun=page.tahun),
                  kosong=pesan.TABEL_SEMUA_TERHITUNG)


def perubahan_indikator(page: Page) -> Table:
    """Change of each indicator of one OPD from the year before."""
    columns = [
        Column("indikator", pesan.KOLOM_INDIKATOR),
        Column("capaian_sebelumnya", pesan.KOLOM_CAPAIAN_SEBELUMNYA.format(tahun=page.tahun - 1), persen, True),
        Column("capaian", pesan.KOLOM_CAPAIAN_TAHUN.format(tahun=page.tahun), persen, True),
        Column("selisih_poin", pesan.KOLOM_SELISIH, poin, True),
        Column("perubahan_persen", pesan.KOLOM_PERUBAHAN, perubahan, True),
        Column("catatan", pesan.KOLOM_CATATAN),
    ]
    return render(page.tables["perubahan_indikator"], columns,
                  pesan.TABEL_PERUBAHAN_INDIKATOR_JUDUL.format(tahun=page.tahun, sebelumnya=page.tahun - 1),
                  kosong=pesan.TABEL_TANPA_PERUBAHAN)


def anggaran(page: Page) -> Table:
    """Budget serapan beside capaian kinerja, per year."""
    columns = [
        Column("tahun", pesan.KOLOM_TAHUN, _year),
        Column("pagu", pesan.KOLOM_PAGU, bilangan, True),
        Column("realisasi_anggaran", pesan.KOLOM_REALISASI_ANGGARAN, bilangan, True),
        Column("serapan", pesan.KOLOM_SERAPAN, persen, True),
        Column("capaian", pesan.KOLOM_CAPAIAN, persen, True),
        Column("selisih_poin", pesan.KOLOM_CAPAIAN_MINUS_SERAPAN, poin, True),
    ]
    return render(page.tables["anggaran"], columns, pesan.TABEL_ANGGARAN_JUDUL, kosong=pesan.ANGGARAN_TIDAK_TERSEDIA)


def pemda_tren(page: Page) -> Table:
    """Pemda capaian per year with the change from the year before."""
    columns = [
        Column("tahun", pesan.KOLOM_TAHUN, _year),
        Column("capaian", pesan.KOLOM_CAPAIAN, persen, True),
        Column("predikat", pesan.KOLOM_PREDIKAT),
        Column("jumlah_opd", pesan.KOLOM_JUMLAH_OPD, bilangan, True),
        Column("selisih_poin", pesan.KOLOM_SELISIH, poin, True),
        Column("perubahan_persen", pesan.KOLOM_PERUBAHAN, perubahan, True),
    ]
    return render(page.tables["pemda"], columns, pesan.TABEL_TREN_PEMDA_JUDUL)


def pergerakan(page: Page) -> Table:
    """The largest changes of OPD capaian between consecutive years."""
    columns = [
        Column("tahun", pesan.KOLOM_TAHUN, _year),
        Column("nama_opd", pesan.KOLOM_OPD),
        Column("capaian_sebelumnya", pesan.KOLOM_CAPAIAN_TAHUN_LALU, persen, True),
        Column("capaian", pesan.KOLOM_CAPAIAN, persen, True),
        Column("selisih_poin", pesan.KOLOM_SELISIH, poin, True),
        Column("perubahan_persen", pesan.KOLOM_PERUBAHAN, perubahan, True),
    ]
    return render(page.tables["pergerakan"], columns, pesan.TABEL_PERGERAKAN_JUDUL, kosong=pesan.TABEL_TANPA_PERUBAHAN)


def indikator_berubah(page: Page) -> Table:
    """Indicators added, dropped or renamed between consecutive years."""
    columns = [
        Column("tahun", pesan.KOLOM_TAHUN, _year),
        Column("perubahan", pesan.KOLOM_JENIS_PERUBAHAN),
        Column("nama_opd", pesan.KOLOM_OPD),
        Column("indikator", pesan.KOLOM_INDIKATOR),
        Column("indikator_sebelumnya", pesan.KOLOM_NAMA_SEBELUMNYA),
    ]
    return render(page.tables["indikator_berubah"], columns, pesan.TABEL_INDIKATOR_BERUBAH_JUDUL,
                  kosong=pesan.TABEL_INDIKATOR_TETAP)


def temuan(findings: Sequence[Finding]) -> Table:
    """Warnings found in the data (the checks that let the data through)."""
    frame = pd.DataFrame(
        [{"tempat": f.location(), "pesan": f.pesan, "nilai": f.nilai} for f in findings], columns=["tempat", "pesan", "nilai"]
    )
    columns = [Column("tempat", pesan.KOLOM_TEMPAT), Column("nilai", pesan.KOLOM_NILAI), Column("pesan", pesan.KOLOM_PESAN)]
    return render(frame, columns, pesan.TABEL_TEMUAN_JUDUL, kosong=pesan.TABEL_TANPA_TEMUAN)


# --- sentences ----------------------------------------------------------------------------------


def renstra(page: Page) -> Table:
    """Capaian terhadap target akhir periode of an OPD's indicators (Renstra): Indikator | Satuan
    | Realisasi <tahun> | Target Renstra <tahun> | Target akhir periode (tahun) | Capaian thd.
    target akhir periode."""
    table = page.tables["renstra"]
    frame = table.assign(akhir=[f"{angka(v)} ({_year(t)})" if pd.notna(v) else display.KOSONG
                                for v, t in zip(table["target_akhir"], table["tahun_akhir"])])
    columns = [
        Column("indikator", pesan.KOLOM_INDIKATOR),
        Column("satuan", pesan.KOLOM_SATUAN),
        Column("periode", pesan.KOLOM_PERIODE),
        Column("realisasi", pesan.KOLOM_REALISASI_TAHUN.format(tahun=page.tahun), angka, numeric=True),
        Column("target_renstra", pesan.KOLOM_TARGET_RENSTRA.format(tahun=page.tahun), angka, numeric=True),
        Column("akhir", pesan.KOLOM_TARGET_AKHIR, numeric=True),
        Column("capaian_akhir_periode", pesan.KOLOM_CAPAIAN_RENSTRA, persen, numeric=True),
    ]
    return render(frame, columns, pesan.TABEL_RENSTRA_JUDUL.format(tahun=page.tahun), kosong=pesan.TABEL_TANPA_RENSTRA)


def headline(page: Page) -> escape.Html:
    """The headline of an overview or OPD page (:attr:`Page.utama`, :attr:`Page.perubahan`) as an
    HTML paragraph: the capaian sentence in bold, then the change; names are text."""
    return escape.sentence(page.utama, page.perubahan)


def method(page: Page) -> escape.Html:
    """"**Metode.** Capaian pemda = …" (:attr:`Page.metode`) as an HTML paragraph, then the
    conventions in force (:attr:`Page.konvensi`) as a list."""
    lead = escape.sentence(wording.method_label(), page.metode)
    if not page.konvensi:
        return lead
    items = "".join(f"<li>{escape.html_text(item)}</li>" for item in page.konvensi)
    html = f'{lead.html}\n<p><strong>{escape.html_text(wording.conventions_label())}</strong></p>\n<ul class="konvensi">{items}</ul>'
    text = "\n".join([lead.text, wording.conventions_label(), *(f"- {item}" for item in page.konvensi)])
    return escape.Html(html, text)


def _year(value: object) -> str:
    return "" if pd.isna(value) else str(int(value))


# --- reviu and jejak (issue 15) --------------------------------------------------------------------


def reviu_letak(row) -> str:
    """Where a flag's row is in the data: "kinerja-2024.xlsx, lembar kinerja, baris 7"."""
    berkas, lembar, baris = teks(row.get("berkas")), teks(row.get("lembar")), row.get("baris")
    berkas = berkas.replace("\\", "/").rsplit("/", 1)[-1]  # the file name, not the path the run saw
    if not berkas:
        return ""
    if baris is None or pd.isna(baris) or baris == "":
        return berkas
    template = pesan.REVIU_LETAK if lembar else pesan.REVIU_LETAK_TANPA_LEMBAR
    return template.format(berkas=berkas, lembar=lembar, baris=int(float(baris)))


def reviu(page: Page) -> Table:
    """The reviu flags of an OPD page (its OPD, its year): the flag, the indicator, the
    explanation and where the row is; "Tidak ada catatan reviu" when there are none."""
    frame = page.tables["reviu"].copy()
    frame["letak"] = [reviu_letak(row) for _, row in frame.iterrows()] if len(frame) else []
    columns = [
        Column("judul", pesan.KOLOM_JENIS_CATATAN),
        Column("indikator", pesan.KOLOM_INDIKATOR),
        Column("pesan", pesan.KOLOM_PENJELASAN),
        Column("letak", pesan.KOLOM_LETAK),
    ]
    subjek = page.subjek or page.kode_opd or ""
    return render(frame, columns, pesan.TABEL_REVIU_JUDUL.format(opd=subjek, tahun=page.tahun),
                  kosong=pesan.HALAMAN_REVIU_KOSONG)


def jejak(page: Page, tingkat: Sequence[str] | None = None, anchor: str | None = None,
          ringkas: str | None = None) -> escape.Html:
    """The jejak of a page's figures as a collapsed ``<details>`` (HTML, no script): a table of
    every number (key, result, formula with the numbers put in, inputs, what was left out, rules,
    source rows). ``tingkat`` keeps only those levels; ``anchor`` is the id of the ``<details>``
    (a link target, e.g. ``jejak-pemda``); ``ringkas`` its summary line."""
    frame = page.tables["jejak"]
    if tingkat is not None:
        frame = frame[frame["tingkat"].isin(list(tingkat))]
    frame = frame.assign(jenis=frame["tingkat"].map(lambda t: pesan.JEJAK_TINGKAT.get(t, t)))
    columns = [
        Column("jenis", pesan.KOLOM_TINGKAT_JEJAK),
        Column("kunci", pesan.KOLOM_ANGKA),
        Column("capaian", pesan.KOLOM_HASIL, teks, True),
        Column("rumus", pesan.KOLOM_RUMUS),
        Column("masukan", pesan.KOLOM_MASUKAN),
        Column("dikeluarkan", pesan.KOLOM_DIKELUARKAN),
        Column("aturan", pesan.KOLOM_ATURAN),
        Column("sumber", pesan.KOLOM_SUMBER),
    ]
    subjek = page.subjek or page.kode_opd or ""
    table = render(frame.reset_index(drop=True), columns, pesan.TABEL_JEJAK_JUDUL.format(subjek=subjek, tahun=page.tahun))
    summary = ringkas or pesan.HALAMAN_JEJAK_RINGKAS.format(jumlah=len(frame))
    ident = f' id="{escape.html_text(anchor)}"' if anchor else ""
    return escape.Html(f'<details class="kinerja-jejak"{ident}>\n<summary>{escape.html_text(summary)}</summary>\n'
                       f"{table.html}\n</details>", f"{summary}\n{table!r}")


#: The id of the pemda figure's jejak on the overview: the headline card links to it.
JEJAK_PEMDA = "jejak-pemda"


def jejak_pemda(page: Page) -> escape.Html:
    """The jejak of the pemda figure (and its change) on the overview, collapsed, at ``#jejak-pemda``."""
    return jejak(page, ("pemda", "perubahan_pemda"), JEJAK_PEMDA, pesan.HALAMAN_JEJAK_PEMDA_RINGKAS)
