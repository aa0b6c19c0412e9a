"""Tables and the chart of the quarterly monitoring page (:func:`kinerja.pages.triwulan.triwulan`):
the indicators behind, the indicators or OPDs s.d. triwulan n, and capaian s.d. each quarter.

Same house style and escaping as :mod:`kinerja.render.tables` and :mod:`kinerja.render.figures`;
kept in a module of its own beside them.
"""

from __future__ import annotations

import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from kinerja.pages import captions
from kinerja.pages.model import Page
from kinerja.render import figures
from kinerja.render.tables import Column, Table, angka, persen, render, teks
from kinerja.support import display, pesan


def _head(page: Page) -> pd.Series:
    return page.tables["opd" if page.kode_opd else "pemda"].iloc[0]


def _sifat(value: object) -> str:
    return pesan.SIFAT_NAMA.get(str(value), teks(value))


def _indicator_columns(page: Page, with_opd: bool) -> list[Column]:
    columns = [Column("nama_opd", pesan.KOLOM_OPD)] if with_opd else [Column("sasaran", pesan.KOLOM_SASARAN)]
    return [
        *columns,
        Column("indikator", pesan.KOLOM_INDIKATOR),
        Column("satuan", pesan.KOLOM_SATUAN),
        Column("sifat", pesan.KOLOM_SIFAT, _sifat),
        Column("target", pesan.KOLOM_TARGET, angka, numeric=True),
        Column("realisasi", pesan.KOLOM_REALISASI, angka, numeric=True),
        Column("capaian", pesan.KOLOM_CAPAIAN, persen, numeric=True),
    ]


def tertinggal(page: Page) -> Table:
    """The indicators behind s.d. triwulan n (capaian below the threshold), lowest first; on the
    pemda page with their OPD."""
    row = _head(page)
    judul = pesan.TABEL_TERTINGGAL_JUDUL.format(triwulan=display.romawi(row["triwulan"]), tahun=page.tahun,
                                                ambang=pesan.angka_aturan(row["ambang_tertinggal"]))
    return render(page.tables["tertinggal"], _indicator_columns(page, page.kode_opd is None), judul,
                  kosong=pesan.TABEL_TANPA_TERTINGGAL)


def indikator(page: Page) -> Table:
    """Every indicator of an OPD s.d. triwulan n, with its status and note."""
    row = _head(page)
    columns = [*_indicator_columns(page, False), Column("status", pesan.KOLOM_STATUS), Column("catatan", pesan.KOLOM_CATATAN)]
    judul = pesan.TABEL_TRIWULAN_INDIKATOR_JUDUL.format(triwulan=display.romawi(row["triwulan"]), tahun=page.tahun)
    return render(page.tables["indikator"], columns, judul, group="sasaran")


def opd(page: Page) -> Table:
    """Every OPD s.d. triwulan n (pemda page), lowest capaian first, with its indicators behind."""
    row = _head(page)
    columns = [
        Column("nama_opd", pesan.KOLOM_OPD),
        Column("capaian", pesan.KOLOM_CAPAIAN, persen, numeric=True),
        Column("predikat", pesan.KOLOM_PREDIKAT),
        Column("jumlah_tertinggal", pesan.KOLOM_TERTINGGAL, lambda v: display.angka(v, 0), numeric=True),
    ]
    judul = pesan.TABEL_TRIWULAN_OPD_JUDUL.format(triwulan=display.romawi(row["triwulan"]), tahun=page.tahun)
    return render(page.tables["opd_triwulan"], columns, judul)


def grafik(page: Page) -> figures.Chart:
    """Capaian s.d. each quarter 1..n (line, each value written), with the 100 % line and the
    threshold below which an indicator is behind."""
    steps = page.tables["triwulan"].assign(triwulan=lambda t: t["triwulan"].astype(int))
    ambang = float(_head(page)["ambang_tertinggal"])
    caption = captions.triwulan(page)
    judul = figures.title(caption)
    with figures.theme():
        figure = Figure(figsize=(figures.WIDTH, 3.8))
        figure.subplots_adjust(left=0.09, right=0.74, bottom=0.75 / 3.8, top=1 - 0.5 / 3.8)
        ax = figure.subplots()
        ax.axhline(100, color=figures.TARGET_COLOR, linestyle="--", linewidth=1, label=pesan.GAMBAR_GARIS_100)
        ax.axhline(ambang, color=figures.PALETTE[5], linestyle=":", linewidth=1.2,
                   label=pesan.GAMBAR_GARIS_AMBANG.format(ambang=pesan.angka_aturan(ambang)))
        data = steps[steps["capaian"].notna()]
        if len(data):
            sns.lineplot(data=data, x="triwulan", y="capaian", marker="o", ax=ax, color=figures.PALETTE[0],
                         label=figures.wrap(page.subjek, 28, 2))
            for item in data.itertuples(index=False):
                ax.annotate(display.persen(item.capaian), (item.triwulan, item.capaian), textcoords="offset points",
                            xytext=(0, 8), ha="center", fontsize=9)
        quarters = [1, 2, 3, 4]
        ax.set_xticks(quarters, [display.romawi(q) for q in quarters])
        ax.set_xlim(0.5, 4.5)
        values = data["capaian"].tolist()
        ax.set_ylim(min([*values, ambang]) - 5, max([*values, 100.0]) + 5)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=7, steps=[1, 2, 5, 10], integer=True))
        ax.yaxis.set_major_formatter(figures.percent_formatter())
        ax.set(xlabel=pesan.GAMBAR_SUMBU_TRIWULAN, ylabel=pesan.GAMBAR_SUMBU_CAPAIAN, title=judul)
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
        return figures.finish(figure, caption)
