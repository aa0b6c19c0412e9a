"""The words of every figure of a page: its title and its alt text, as data (:class:`Caption`).

A figure is two things: a picture, drawn by :mod:`kinerja.render.figures` in the notebook's kernel,
and its words, worded here from the page's tables (plain text, with the key numbers, in Bahasa
Indonesia). A :class:`kinerja.pages.Page` lists the captions of the figures it shows
(:func:`for_page`, in the notebook's order) and serialises them in ``<name>.halaman.json``; the
chart drawn in the notebook takes its title and alt text from the same function, and
``kinerja run`` files the notebook's PNG of each as ``<name>/<nama>.png`` beside the page's tables.
The PDF report reads a figure's caption, alt text and picture from there, never from notebook
output.

One function per figure, named as the figure (:func:`peringkat` here, ``figures.peringkat`` there).
Nothing here plots or reads files.
"""

from __future__ import annotations

import pandas as pd

from kinerja.pages.model import Caption, Page
from kinerja.support import display, pesan

__all__ = [
    "Caption", "capaian_vs_serapan", "for_page", "opd_tren", "pemda_tren", "peringkat", "renstra", "riwayat",
    "sebaran", "target_vs_realisasi", "triwulan",
]


def peringkat(page: Page) -> Caption:
    """The overview's ranking of OPD capaian: all OPDs named when there are six or fewer, else the
    three highest and the three lowest; OPDs without a capaian named as left out."""
    opd_table, tahun = page.tables["opd"], page.tahun
    data = opd_table[opd_table["capaian"].notna()].sort_values("capaian", ascending=False, kind="stable")
    if len(data) <= 6:
        alt = pesan.GAMBAR_PERINGKAT_ALT_SEMUA.format(tahun=tahun, jumlah=len(data), rincian=named(data))
    else:
        alt = pesan.GAMBAR_PERINGKAT_ALT.format(
            tahun=tahun, jumlah=len(data), tertinggi=named(data.head(3)), terendah=named(data.tail(3).iloc[::-1])
        )
    alt += left_out(opd_table)
    return _caption("peringkat", pesan.GAMBAR_PERINGKAT_JUDUL.format(tahun=tahun), alt)


def sebaran(page: Page) -> Caption:
    """The overview's histogram of OPD capaian: lowest, median, highest, how many at or above 100 %."""
    values = page.tables["opd"]["capaian"].dropna().astype(float)
    tahun = page.tahun
    alt = pesan.GAMBAR_SEBARAN_ALT.format(
        tahun=tahun,
        jumlah=len(values),
        terendah=display.persen(values.min()) if len(values) else display.KOSONG,
        median=display.persen(values.median()) if len(values) else display.KOSONG,
        tertinggi=display.persen(values.max()) if len(values) else display.KOSONG,
        di_atas=int((values >= 100).sum()),
    )
    return _caption("sebaran", pesan.GAMBAR_SEBARAN_JUDUL.format(tahun=tahun), alt)


def target_vs_realisasi(page: Page) -> Caption:
    """An OPD's indicators, target beside realisasi, each in its own unit."""
    indikator, nama_opd, tahun = page.tables["indikator"], page.subjek, page.tahun
    described = "; ".join(target_words(row) for row in indikator.itertuples(index=False))
    alt = pesan.GAMBAR_TARGET_ALT.format(opd=nama_opd, tahun=tahun, jumlah=len(indikator), rincian=described)
    return _caption("target_vs_realisasi", pesan.GAMBAR_TARGET_JUDUL.format(opd=nama_opd, tahun=tahun), alt)


def target_words(row) -> str:
    """One indicator in words: its target (or range) and realisasi, in its unit."""
    target = getattr(row, "target", float("nan"))
    if pd.isna(target):
        low, high = getattr(row, "target_bawah", float("nan")), getattr(row, "target_atas", float("nan"))
        target_text = f"{display.angka(low, 2, trim=True)}–{display.angka(high, 2, trim=True)}"
    else:
        target_text = display.angka(target, 2, trim=True)
    realisasi = display.angka(row.realisasi, 2, trim=True) if pd.notna(row.realisasi) else pesan.GAMBAR_BELUM_DILAPORKAN
    return pesan.GAMBAR_TARGET_RINCI.format(indikator=row.indikator, target=target_text, realisasi=realisasi,
                                            satuan=row.satuan or "")


def riwayat_key(riwayat_table: pd.DataFrame) -> str:
    """The column that tells an OPD's indicators apart across years: ``kode_indikator`` where every
    row has one, else the indicator's name."""
    if "kode_indikator" in riwayat_table and riwayat_table["kode_indikator"].notna().all():
        return "kode_indikator"
    return "indikator"


def riwayat(page: Page) -> Caption:
    """The capaian of each indicator of an OPD per year: how many, since when, this year's values."""
    table, nama_opd, tahun = page.tables["riwayat"], page.subjek, page.tahun
    names = table[riwayat_key(table)].nunique()
    years = sorted(int(t) for t in table["tahun"].unique())
    latest = table[table["capaian"].notna() & (table["tahun"].astype(int) == tahun)]
    alt = pesan.GAMBAR_RIWAYAT_ALT.format(
        opd=nama_opd, jumlah=names, tahun_awal=years[0] if years else tahun, tahun=tahun,
        rincian="; ".join(f"{row.indikator} {display.persen(row.capaian)}" for row in latest.itertuples(index=False))
        or display.KOSONG,
    )
    return _caption("riwayat", pesan.GAMBAR_RIWAYAT_JUDUL.format(opd=nama_opd), alt)


def capaian_vs_serapan(page: Page) -> Caption:
    """An OPD's capaian kinerja beside its serapan anggaran, per year."""
    anggaran, nama_opd = page.tables["anggaran"], page.subjek
    rincian = "; ".join(
        pesan.GAMBAR_SERAPAN_RINCI.format(tahun=int(row.tahun), capaian=display.persen(row.capaian),
                                          serapan=display.persen(row.serapan))
        for row in anggaran.itertuples(index=False)
    )
    alt = pesan.GAMBAR_SERAPAN_ALT.format(opd=nama_opd, rincian=rincian)
    return _caption("capaian_vs_serapan", pesan.GAMBAR_SERAPAN_JUDUL.format(opd=nama_opd), alt)


def pemda_tren(page: Page) -> Caption:
    """The pemda's capaian per year."""
    pemda, pemda_nama = page.tables["pemda"], page.subjek
    alt = pesan.GAMBAR_TREN_PEMDA_ALT.format(
        pemda=pemda_nama,
        rincian="; ".join(f"{int(r.tahun)}: {display.persen(r.capaian)}" for r in pemda.itertuples(index=False)),
    )
    return _caption("pemda_tren", pesan.GAMBAR_TREN_PEMDA_JUDUL.format(pemda=pemda_nama), alt)


def opd_tren(page: Page) -> Caption:
    """Every OPD's capaian per year (a heat map)."""
    opd_table = page.tables["opd"]
    years = sorted(int(y) for y in opd_table["tahun"].unique())
    awal, akhir = (years[0], years[-1]) if years else (page.tahun, page.tahun)
    alt = pesan.GAMBAR_TREN_OPD_ALT.format(jumlah=opd_table["kode_opd"].nunique(), awal=awal, akhir=akhir)
    return _caption("opd_tren", pesan.GAMBAR_TREN_OPD_JUDUL.format(awal=awal, akhir=akhir), alt)


def renstra(page: Page) -> Caption:
    """An OPD's Renstra path: for each indicator with a realisasi this year, that realisasi against
    the target at the end of the period."""
    path, nama_opd, tahun = page.tables["renstra_jalur"], page.subjek, page.tahun
    details = []
    for code in dict.fromkeys(path["kode_indikator"]):
        one = path[path["kode_indikator"] == code]
        latest = one[one["realisasi"].notna() & (one["tahun"].astype(int) == tahun)]
        if len(latest):
            row = latest.iloc[0]
            details.append(pesan.GAMBAR_RENSTRA_RINCI.format(
                indikator=row["indikator"], tahun=tahun, realisasi=display.angka(row["realisasi"], 2, trim=True),
                akhir=display.angka(row["target_akhir"], 2, trim=True), tahun_akhir=int(row["tahun_akhir"])))
    periode = ", ".join(str(p) for p in dict.fromkeys(path["periode"])) or display.KOSONG
    alt = pesan.GAMBAR_RENSTRA_ALT.format(opd=nama_opd, periode=periode, tahun=tahun,
                                          rincian="; ".join(details) + ("." if details else ""))
    return _caption("renstra", pesan.GAMBAR_RENSTRA_JUDUL.format(opd=nama_opd), alt)


def triwulan(page: Page) -> Caption:
    """Capaian s.d. each quarter (the quarterly monitoring page), with how many indicators are behind."""
    steps = page.tables["triwulan"]
    head = page.tables["opd" if page.kode_opd else "pemda"].iloc[0]
    ambang = float(head["ambang_tertinggal"])
    rincian = "; ".join(
        pesan.GAMBAR_TRIWULAN_RINCI.format(triwulan=display.romawi(int(item.triwulan)), capaian=display.persen(item.capaian),
                                           jumlah=int(item.jumlah_tertinggal))
        for item in steps.itertuples(index=False)
    )
    alt = pesan.GAMBAR_TRIWULAN_ALT.format(subjek=page.subjek, tahun=page.tahun, ambang=pesan.angka_aturan(ambang),
                                           rincian=rincian or display.KOSONG)
    return _caption("triwulan", pesan.GAMBAR_TRIWULAN_JUDUL.format(subjek=page.subjek, tahun=page.tahun), alt)


def for_page(page: Page) -> tuple[Caption, ...]:
    """The captions of the figures ``page`` shows, in the order its notebook shows them.

    The overview shows the ranking and the spread (none in a year in progress: no capaian yet); an
    OPD page its targets beside realisasi (not in a year in progress), the history of its
    indicators, capaian beside serapan (when there is budget data) and its Renstra path (when its
    indicators are in a Renstra period); the trend page the pemda's and every OPD's trend; a
    quarterly page capaian s.d. each quarter.
    """
    tables = page.tables
    if page.nama == "ringkasan":
        shown = [] if page.berjalan else [peringkat, sebaran]
    elif page.nama == "opd":
        shown = [] if page.berjalan else [target_vs_realisasi]
        shown.append(riwayat)
        if "anggaran" in tables and not tables["anggaran"].empty:
            shown.append(capaian_vs_serapan)
        if "renstra" in tables and not tables["renstra"].empty and "renstra_jalur" in tables:
            shown.append(renstra)
    elif page.nama == "tren":
        shown = [pemda_tren, opd_tren]
    elif page.nama == "triwulan":
        shown = [triwulan]
    else:
        shown = []
    return tuple(caption(page) for caption in shown)


def _caption(nama: str, judul: str, alt: str) -> Caption:
    """A caption; its title on one line (a name typed over several lines stays one title)."""
    return Caption(nama, " ".join(judul.split()), alt)


def named(rows: pd.DataFrame) -> str:
    """OPDs with their capaian, ``"Dinas A 101,2 %, Dinas B 99,8 %"`` (``–`` when there are none)."""
    return ", ".join(f"{row.nama_opd} {display.persen(row.capaian)}" for row in rows.itertuples(index=False)) or display.KOSONG


def left_out(opd_table: pd.DataFrame) -> str:
    """The sentence naming the OPDs without a capaian (empty when every OPD has one)."""
    missing = opd_table.loc[opd_table["capaian"].isna(), "nama_opd"].tolist()
    return pesan.GAMBAR_TANPA_CAPAIAN.format(opd=", ".join(missing)) if missing else ""
