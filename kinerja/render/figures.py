"""Figures of the notebooks, in one house style: the ``kinerja`` theme.

Every function takes a :class:`kinerja.pages.Page` and returns a :class:`Chart`: a matplotlib
figure (made without pyplot, so nothing is shown or kept behind the caller's back), its name, title
and alt text (the page's :class:`kinerja.pages.model.Caption`, worded by the function of the same
name in :mod:`kinerja.pages.captions`) and its PNG. A notebook displays a chart by leaving it as a
cell's last value: the output is a PNG image whose alt text travels in the output metadata
(``metadata["image/png"]["alt"]``, read by nbconvert and pandoc) and as the ``text/plain``
alternative; ``metadata["kinerja"]["gambar"]`` names the figure, and ``kinerja run`` files the
PNG as ``<page>/<nama>.png`` beside the page's tables. Because the PNG is rendered here, figures appear in executed notebooks
whatever matplotlib backend the kernel has (an exported ``MPLBACKEND=Agg`` does not drop them).

The theme: seaborn's ``whitegrid`` style, the colour-blind-safe Okabe–Ito palette, predikat colours
from the scale (``warna`` of :class:`kinerja.core.predikat.Level`), Indonesian number formats on the
axes (``100,5 %``, ``1.234``) through :mod:`kinerja.support.display`. It is applied inside each function
(:func:`theme`), never globally; :func:`set_theme` applies it globally for an analyst's own plots.

Text from the data (names, indicators, units, predikat) is shown as typed: the theme turns
matplotlib's mathtext off (``$``, ``_``, ``^`` and ``\\`` are characters, not TeX), every data text
goes through :func:`kinerja.support.escape.chart_text`, and :func:`finish` turns mathtext off on every text
of the figure, tick labels included.
"""

from __future__ import annotations

import base64
import contextlib
import io
import math
import textwrap
import warnings
from collections.abc import Iterator
from dataclasses import dataclass

import matplotlib as mpl
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter, MaxNLocator

from kinerja.support import display, escape, pesan
from kinerja.core.predikat import Scale
from kinerja.pages import captions
from kinerja.pages.model import GAMBAR_KEY, Caption, Page  # GAMBAR_KEY: a chart's output names its figure

#: Okabe & Ito (2008), safe for the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442"]
#: Reference lines: 100 % (target met) and the pemda capaian.
TARGET_COLOR = "#555555"
PEMDA_COLOR = "#000000"
MUTED = "#BBBBBB"
DPI = 150
WIDTH = 9.0  # inches

RC = {
    **sns.axes_style("whitegrid"),
    **sns.plotting_context("notebook", font_scale=0.85),
    "axes.prop_cycle": mpl.cycler(color=PALETTE),
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "legend.frameon": False,
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "text.parse_math": False,  # names from the data may hold $, _, ^ and \: text, never mathtext
}


@contextlib.contextmanager
def theme() -> Iterator[None]:
    """The house style for the figures made inside the block (rcParams restored afterwards).

    Also silences, inside the block only, the deprecation warnings seaborn 0.13 emits under
    pandas 3 and matplotlib 3.11 (they must not reach published notebooks).
    """
    with mpl.rc_context(RC), warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=DeprecationWarning, module="seaborn")
        warnings.filterwarnings("ignore", category=FutureWarning, module="seaborn")
        warnings.filterwarnings("ignore", category=PendingDeprecationWarning, module="seaborn")
        yield


def set_theme() -> None:
    """Apply the house style globally (for an analyst's own plots in a notebook)."""
    mpl.rcParams.update(RC)


@dataclass(frozen=True, eq=False)
class Chart:
    """A finished figure: the matplotlib ``figure``, its ``caption`` (name, title, alt text) and ``png``."""

    figure: Figure
    caption: Caption
    png: bytes

    @property
    def nama(self) -> str:
        return self.caption.nama

    @property
    def judul(self) -> str:
        return self.caption.judul

    @property
    def alt(self) -> str:
        return self.caption.alt

    def _repr_mimebundle_(self, include=None, exclude=None):
        width, height = (self.figure.get_size_inches() * 100).round().astype(int).tolist()
        data = {"image/png": base64.b64encode(self.png).decode("ascii"), "text/plain": self.alt}
        metadata = {"image/png": {"alt": self.alt, "width": width, "height": height},
                    GAMBAR_KEY: {"gambar": self.nama}}
        return data, metadata


def title(caption: Caption) -> str:
    """A caption's title as drawn on the chart (:func:`kinerja.support.escape.chart_text`)."""
    return escape.chart_text(caption.judul)


def finish(figure: Figure, caption: Caption) -> Chart:
    """Render ``figure`` to PNG (inside the theme, so ticks get the house style) and wrap it with
    its ``caption``.

    Mathtext is turned off on every text of the figure before and after drawing (drawing makes
    the tick labels), so a later redraw outside the theme shows the same text.
    """
    buffer = io.BytesIO()
    _text_only(figure)
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    _text_only(figure)
    return Chart(figure, caption, buffer.getvalue())


# --- formats and colours -------------------------------------------------------------------------


def percent_formatter(digits: int = 0) -> FuncFormatter:
    """Axis ticks as Indonesian percentages: ``100 %``, ``97,5 %``."""
    return FuncFormatter(lambda value, _: f"{display.angka(value, digits, trim=True)} %")


def number_formatter(digits: int = 2) -> FuncFormatter:
    """Axis ticks as Indonesian numbers: ``1.234``, ``0,45``."""
    return FuncFormatter(lambda value, _: display.angka(value, digits, trim=True))


def year_formatter() -> FuncFormatter:
    """Years without a thousands separator (``2024``, never ``2.024``)."""
    return FuncFormatter(lambda value, _: str(round(value)))


def _percent_axis(axis) -> None:
    """Percent ticks at round steps (1, 2, 5 or 10 points apart), so no tick label is rounded."""
    axis.set_major_locator(MaxNLocator(nbins=7, steps=[1, 2, 5, 10], integer=True))
    axis.set_major_formatter(percent_formatter())


def predikat_colors(scale: Scale) -> dict[str, str]:
    """Colour of each predikat: the scale's ``warna``, else a colour-blind-safe palette."""
    fallback = sns.color_palette("colorblind", len(scale.levels)).as_hex()
    return {level.predikat: level.warna or fallback[i] for i, level in enumerate(scale.levels)}


def _text_only(figure: Figure) -> None:
    for artist in figure.findobj(Text):
        artist.set_parse_math(False)


def wrap(text: str, width: int = 38, lines: int = 3) -> str:
    """Data text as a chart label of at most ``lines`` lines of ``width`` characters."""
    return textwrap.fill(escape.chart_text(text), width=width, max_lines=lines, placeholder=" …")


def _figure(height: float, width: float = WIDTH) -> Figure:
    return Figure(figsize=(width, max(height, 2.5)), layout="constrained")


def _fixed(height: float, left: float, right: float, width: float = WIDTH) -> Figure:
    """A figure with fixed margins (in inches at the top and bottom): for the figures of every OPD
    page, where constrained layout would cost more than drawing."""
    figure = Figure(figsize=(width, height))
    figure.subplots_adjust(left=left, right=right, bottom=0.75 / height, top=1 - 0.5 / height)
    return figure


def _persen(value: float) -> str:
    return display.persen(value)


# --- ringkasan -----------------------------------------------------------------------------------


def peringkat(page: Page) -> Chart:
    """Horizontal bars of the overview's OPD capaian, highest first, coloured by predikat; lines at
    100 % and at the pemda capaian. OPDs without a capaian are left out (and named in the alt text)."""
    opd_table, scale = page.tables["opd"], page.skala
    pemda_capaian = page.tables["pemda"]["capaian"].iloc[0] if "pemda" in page.tables and len(page.tables["pemda"]) else None
    data = opd_table[opd_table["capaian"].notna()].sort_values("capaian", ascending=False, kind="stable")
    data = data.assign(label=[wrap(name, 45, 2) for name in data["nama_opd"]],
                       shown=[escape.chart_text(name) for name in data["predikat"]])
    colors = {escape.chart_text(name): color for name, color in predikat_colors(scale).items()}
    caption = captions.peringkat(page)
    judul = title(caption)
    with theme():
        figure = _figure(0.42 * len(data) + 1.6)
        ax = figure.subplots()
        present = [escape.chart_text(name) for name in scale.names if name in set(data["predikat"])]
        sns.barplot(data=data, y="label", x="capaian", hue="shown", hue_order=present, palette=colors,
                    dodge=False, orient="h", ax=ax, saturation=1)
        ax.axvline(100, color=TARGET_COLOR, linestyle="--", linewidth=1, label=pesan.GAMBAR_GARIS_100)
        if pemda_capaian is not None and not pd.isna(pemda_capaian):
            ax.axvline(pemda_capaian, color=PEMDA_COLOR, linewidth=1.2,
                       label=pesan.GAMBAR_GARIS_PEMDA.format(capaian=_persen(pemda_capaian)))
        for position, value in enumerate(data["capaian"]):
            ax.text(value, position, f" {_persen(value)}", va="center", ha="left", fontsize=8)
        ax.set_xlim(0, max(110.0, float(data["capaian"].max() if len(data) else 100) * 1.12))
        ax.xaxis.set_major_formatter(percent_formatter())
        ax.set(xlabel=pesan.GAMBAR_SUMBU_CAPAIAN, ylabel="", title=judul)
        ax.grid(axis="y", visible=False)
        ax.legend(title=pesan.GAMBAR_LEGENDA_PREDIKAT, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8,
                  title_fontsize=8)
        return finish(figure, caption)


def sebaran(page: Page) -> Chart:
    """Histogram of OPD capaian over the predikat bands of the scale."""
    opd_table, scale = page.tables["opd"], page.skala
    values = opd_table["capaian"].dropna().astype(float)
    caption = captions.sebaran(page)
    judul = title(caption)
    with theme():
        figure = _figure(3.6)
        ax = figure.subplots()
        low = math.floor(min(values.min() if len(values) else 50, 50) / 10) * 10
        high = math.ceil(max(values.max() if len(values) else 110, 110) / 10) * 10
        _predikat_bands(ax, scale, low, high)
        sns.histplot(x=values, binwidth=5, binrange=(low, high), ax=ax, color=PALETTE[0], edgecolor="white")
        sns.rugplot(x=values, ax=ax, color=PEMDA_COLOR, height=0.04)
        ax.set_xlim(low, high)
        ax.xaxis.set_major_formatter(percent_formatter())
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.yaxis.set_major_formatter(number_formatter(0))
        ax.set(xlabel=pesan.GAMBAR_SUMBU_CAPAIAN, ylabel=pesan.GAMBAR_SUMBU_JUMLAH_OPD, title=judul)
        ax.legend(loc="upper left", fontsize=8, title=pesan.GAMBAR_LEGENDA_PREDIKAT, title_fontsize=8)
        return finish(figure, caption)


def _predikat_bands(ax, scale: Scale, low: float, high: float) -> None:
    colors = predikat_colors(scale)
    upper = high
    for level in scale.levels:
        lower = level.batas_bawah if level.batas_bawah is not None else low
        lower = max(lower, low)
        if lower < upper:
            ax.axvspan(lower, upper, color=colors[level.predikat], alpha=0.18, linewidth=0,
                       label=escape.chart_text(level.predikat))
        upper = min(upper, lower)


# --- opd -----------------------------------------------------------------------------------------


def target_vs_realisasi(page: Page) -> Chart:
    """One small panel per indicator, in its own unit: the target (a bar, or a band for a range
    target) beside the realisasi (coloured by predikat). Unreported realisasi are marked."""
    indikator, scale = page.tables["indikator"], page.skala
    colors = predikat_colors(scale)
    count = len(indikator)
    columns = min(3, max(count, 1))
    rows = max(1, math.ceil(count / columns))
    caption = captions.target_vs_realisasi(page)
    judul = title(caption)
    with theme():
        # a fixed layout: constrained layout would cost more than the rest of the page (many panels)
        height = 2.9 * rows + 0.5
        figure = Figure(figsize=(WIDTH, height))
        figure.subplots_adjust(left=0.08, right=0.98, bottom=0.55 / height, top=1 - 1.05 / height,
                               wspace=0.45, hspace=1.05 / 1.9)
        axes = np.atleast_1d(figure.subplots(rows, columns, squeeze=False)).ravel()
        figure.suptitle(judul, x=0.01, y=1 - 0.12 / height, ha="left", va="top", fontweight="bold", fontsize=12)
        for ax, row in zip(axes, indikator.itertuples(index=False)):
            _target_panel(ax, row, colors)
        for ax in axes[count:]:
            ax.set_visible(False)
        return finish(figure, caption)


def _target_panel(ax, row, colors: dict[str, str]) -> None:
    target = getattr(row, "target", np.nan)
    low, high = getattr(row, "target_bawah", np.nan), getattr(row, "target_atas", np.nan)
    realisasi = row.realisasi
    labels = [pesan.GAMBAR_TARGET, pesan.GAMBAR_REALISASI]
    if pd.notna(target):
        ax.bar(0, target, color=MUTED, width=0.6)
        ax.text(0, target, display.angka(target, 2, trim=True), ha="center", va="bottom", fontsize=8)
    elif pd.notna(low) and pd.notna(high):
        ax.axhspan(low, high, color=MUTED, alpha=0.6, linewidth=0)
        ax.text(0, high, f"{display.angka(low, 2, trim=True)}–{display.angka(high, 2, trim=True)}",
                ha="center", va="bottom", fontsize=8)
    if pd.notna(realisasi):
        ax.bar(1, realisasi, color=colors.get(row.predikat, PALETTE[0]), width=0.6)
        ax.text(1, realisasi, display.angka(realisasi, 2, trim=True), ha="center", va="bottom", fontsize=8)
    else:
        ax.text(1, 0, pesan.GAMBAR_BELUM_DILAPORKAN, ha="center", va="bottom", fontsize=8, rotation=90)
    top = np.nanmax([v for v in (target, high, realisasi, 0.0) if pd.notna(v)])
    ax.set_ylim(0, top * 1.22 if top > 0 else 1)
    ax.set_xticks([0, 1], labels)
    ax.set_xlim(-0.6, 1.6)
    ax.yaxis.set_major_formatter(number_formatter())
    ax.set_ylabel(wrap(row.satuan or "", 24, 2), fontsize=8)
    ax.set_title(wrap(row.indikator, 28, 3), fontsize=9, fontweight="bold")
    ax.grid(axis="x", visible=False)


def riwayat(page: Page) -> Chart:
    """Capaian of each indicator of an OPD in every year up to ``tahun`` (one line each), with
    the 100 % line. Indicators are followed by ``kode_indikator`` where present."""
    riwayat = page.tables["riwayat"]
    key = captions.riwayat_key(riwayat)
    names = riwayat.sort_values("tahun").groupby(key, sort=False)["indikator"].last()
    data = riwayat[riwayat["capaian"].notna()].assign(
        label=lambda t: [wrap(names[k], 40, 2) for k in t[key]], tahun=lambda t: t["tahun"].astype(int)
    )
    years = sorted(int(t) for t in riwayat["tahun"].unique())
    caption = captions.riwayat(page)
    judul = title(caption)
    with theme():
        height = max(4.2, 0.36 * len(names) + 1.2)
        figure = _fixed(height, left=0.08, right=0.6)
        ax = figure.subplots()
        ax.axhline(100, color=TARGET_COLOR, linestyle="--", linewidth=1)
        if len(data):
            sns.lineplot(data=data, x="tahun", y="capaian", hue="label", style="label", markers=True, dashes=False,
                         ax=ax, palette=PALETTE[: data["label"].nunique()] if data["label"].nunique() <= len(PALETTE) else None)
            ax.legend(title=pesan.GAMBAR_LEGENDA_INDIKATOR, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8,
                      title_fontsize=8)
        ax.set_xticks(years)
        ax.set_xlim(years[0] - 0.5, years[-1] + 0.5)
        ax.xaxis.set_major_formatter(year_formatter())
        _percent_axis(ax.yaxis)
        ax.set(xlabel=pesan.GAMBAR_SUMBU_TAHUN, ylabel=pesan.GAMBAR_SUMBU_CAPAIAN, title=judul)
        return finish(figure, caption)


def capaian_vs_serapan(page: Page) -> Chart:
    """Capaian kinerja beside serapan anggaran (both percent), per year."""
    anggaran = page.tables["anggaran"]
    long = anggaran.melt(id_vars=["tahun"], value_vars=["capaian", "serapan"], var_name="ukuran", value_name="nilai")
    names = {"capaian": pesan.GAMBAR_CAPAIAN_KINERJA, "serapan": pesan.GAMBAR_SERAPAN}
    long = long.assign(ukuran=long["ukuran"].map(names), tahun=long["tahun"].astype(int).astype(str))
    caption = captions.capaian_vs_serapan(page)
    judul = title(caption)
    with theme():
        figure = _fixed(3.8, left=0.09, right=0.98)
        ax = figure.subplots()
        sns.barplot(data=long, x="tahun", y="nilai", hue="ukuran", palette=PALETTE[:2], ax=ax, saturation=1)
        for container in ax.containers:
            ax.bar_label(container, labels=[_persen(bar.get_height()) if not np.isnan(bar.get_height()) else ""
                                            for bar in container], fontsize=8)
        ax.axhline(100, color=TARGET_COLOR, linestyle="--", linewidth=1)
        top = float(np.nanmax(long["nilai"].to_numpy(dtype=float))) if long["nilai"].notna().any() else 100.0
        ax.set_ylim(0, max(top, 100.0) * 1.15)
        ax.yaxis.set_major_formatter(percent_formatter())
        ax.set(xlabel=pesan.GAMBAR_SUMBU_TAHUN, ylabel=pesan.GAMBAR_SUMBU_PERSEN, title=judul)
        ax.legend(title="", loc="lower right", fontsize=8)
        return finish(figure, caption)


# --- tren ----------------------------------------------------------------------------------------


def pemda_tren(page: Page) -> Chart:
    """Pemda capaian per year, with each value written and the 100 % line."""
    pemda = page.tables["pemda"]
    data = pemda.assign(tahun=pemda["tahun"].astype(int))
    caption = captions.pemda_tren(page)
    judul = title(caption)
    with theme():
        figure = _figure(3.6)
        ax = figure.subplots()
        ax.axhline(100, color=TARGET_COLOR, linestyle="--", linewidth=1)
        sns.lineplot(data=data, x="tahun", y="capaian", marker="o", ax=ax, color=PALETTE[0])
        for row in data.itertuples(index=False):
            if pd.notna(row.capaian):
                ax.annotate(_persen(row.capaian), (row.tahun, row.capaian), textcoords="offset points", xytext=(0, 8),
                            ha="center", fontsize=9)
        years = data["tahun"].tolist()
        ax.set_xticks(years)
        ax.set_xlim(min(years) - 0.5, max(years) + 0.5)
        values = data["capaian"].dropna()
        low = min(values.min() if len(values) else 90, 95)
        high = max(values.max() if len(values) else 105, 105)
        ax.set_ylim(low - 5, high + 5)
        ax.xaxis.set_major_formatter(year_formatter())
        _percent_axis(ax.yaxis)
        ax.set(xlabel=pesan.GAMBAR_SUMBU_TAHUN, ylabel=pesan.GAMBAR_SUMBU_CAPAIAN, title=judul)
        return finish(figure, caption)


def opd_tren(page: Page) -> Chart:
    """Heat map of every OPD's capaian per year, coloured by predikat, each cell written."""
    opd_table, scale = page.tables["opd"], page.skala
    data = opd_table.assign(tahun=opd_table["tahun"].astype(int))
    latest = data.sort_values("tahun").groupby("kode_opd", sort=False)["nama_opd"].last()
    grid = data.pivot_table(index="kode_opd", columns="tahun", values="capaian", aggfunc="first", dropna=False)
    order = grid.iloc[:, -1].sort_values(ascending=False, na_position="last", kind="stable").index
    grid = grid.loc[order]
    text = grid.map(lambda v: display.angka(v, 1) if pd.notna(v) else "")
    cmap, norm = _predikat_cmap(scale)
    years = [int(y) for y in grid.columns]
    caption = captions.opd_tren(page)
    judul = title(caption)
    with theme():
        figure = _figure(0.34 * len(grid) + 1.8, width=min(WIDTH, 5.5 + 1.1 * len(years)))
        ax = figure.subplots()
        sns.heatmap(grid.astype(float), annot=text.to_numpy(), fmt="", cmap=cmap, norm=norm, ax=ax, linewidths=0.5,
                    linecolor="white", cbar=False, annot_kws={"fontsize": 8, "color": "black"})
        ax.set_yticks(np.arange(len(grid)) + 0.5, [wrap(latest[k], 45, 1) for k in grid.index], rotation=0, fontsize=8)
        ax.set_xticks(np.arange(len(years)) + 0.5, [str(y) for y in years], rotation=0)
        ax.set(xlabel=pesan.GAMBAR_SUMBU_TAHUN, ylabel="", title=judul)
        ax.grid(False)
        handles = [mpl.patches.Patch(color=color, label=escape.chart_text(name))
                   for name, color in predikat_colors(scale).items()]
        ax.legend(handles=handles, title=pesan.GAMBAR_LEGENDA_PREDIKAT, loc="upper left", bbox_to_anchor=(1.01, 1),
                  fontsize=8, title_fontsize=8)
        return finish(figure, caption)


def _predikat_cmap(scale: Scale) -> tuple[ListedColormap, BoundaryNorm]:
    """A colour map with one colour per predikat band (lowest first) and its boundaries.

    Bounds are those of the scale; a strict bound (``> 85``) is treated as inclusive for colouring,
    which only matters for a value exactly on it.
    """
    colors = predikat_colors(scale)
    levels = list(scale.levels)[::-1]  # lowest first
    bounds = [-1e9] + [level.batas_bawah for level in levels[1:]] + [1e9]
    return ListedColormap([colors[level.predikat] for level in levels]), BoundaryNorm(bounds, len(levels))


# --- helpers ---------------------------------------------------------------------------------------


# --- Renstra -------------------------------------------------------------------------------------


def renstra(page: Page) -> Chart:
    """The Renstra of an OPD's indicators (``renstra_jalur``): one panel per indicator (units
    differ), the plan's yearly targets as a dashed line ending at the target akhir periode, the
    realisasi of the years up to ``tahun`` as points joined by a line."""
    path = page.tables["renstra_jalur"]
    codes = list(dict.fromkeys(path["kode_indikator"]))
    columns = 3 if len(codes) > 4 else max(1, min(len(codes), 2))
    rows = max(1, math.ceil(len(codes) / columns))
    caption = captions.renstra(page)
    judul = title(caption)
    with theme():
        figure = Figure(figsize=(WIDTH, 2.5 * rows + 0.9))
        figure.subplots_adjust(left=0.07, right=0.98, bottom=0.7 / (2.5 * rows + 0.9), top=1 - 0.75 / (2.5 * rows + 0.9),
                               hspace=0.75, wspace=0.3)
        axes = np.atleast_1d(figure.subplots(rows, columns, squeeze=False).ravel())
        for ax, code in zip(axes, codes):
            one = path[path["kode_indikator"] == code].sort_values("tahun")
            years = one["tahun"].astype(int).to_numpy()
            ax.plot(years, one["target_renstra"].to_numpy(dtype=float), linestyle="--", marker="s", markersize=3,
                    color=TARGET_COLOR, linewidth=1, label=pesan.GAMBAR_RENSTRA_TARGET)
            done = one[one["realisasi"].notna()]
            ax.plot(done["tahun"].astype(int), done["realisasi"].to_numpy(dtype=float), marker="o", color=PALETTE[0],
                    linewidth=1.5, label=pesan.GAMBAR_RENSTRA_REALISASI)
            ax.set_xticks(years, [str(y) for y in years])
            ax.yaxis.set_major_formatter(number_formatter())
            ax.set_title(wrap(one["indikator"].iloc[0], 34, 2), fontsize=8, fontweight="bold", loc="left")
            ax.tick_params(labelsize=7)
        for ax in axes[len(codes):]:
            ax.set_visible(False)
        if codes:
            handles, labels = axes[0].get_legend_handles_labels()
            figure.legend(handles, labels, loc="upper right", fontsize=8, ncols=2)
        figure.suptitle(judul, x=0.07, ha="left", fontsize=12, fontweight="bold")
        return finish(figure, caption)
