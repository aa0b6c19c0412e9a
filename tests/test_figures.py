"""Figures: returned (never shown), PNG rendered, titled, alt text with the key numbers, house style,
Indonesian tick labels, no warnings. Runs in-process on the Agg canvas (no pyplot is involved)."""

from __future__ import annotations

import base64
import dataclasses
import warnings
from pathlib import Path

import matplotlib as mpl
import pandas as pd
import pytest

from kinerja import Rules, builtin_scale, pages

from kinerja.pages import captions
from kinerja.render import figures
from kinerja.run import outputs

FIXTURE = Path(__file__).parent / "fixtures" / "proyek"
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def analysis():
    return pages.analyse(2024, proyek=FIXTURE)


def charts(analysis) -> dict[str, figures.Chart]:
    ringkasan, opd, tren = pages.ringkasan(analysis), pages.opd(analysis, "007"), pages.tren(analysis)
    anggaran = pd.DataFrame({"tahun": [2023, 2024], "capaian": [85.0, 115.0], "serapan": [90.5, 80.0]})
    return {
        "peringkat": figures.peringkat(ringkasan),
        "sebaran": figures.sebaran(ringkasan),
        "target": figures.target_vs_realisasi(pages.opd(analysis, "009")),
        "riwayat": figures.riwayat(opd),
        "serapan": figures.capaian_vs_serapan(dataclasses.replace(opd, tables={**opd.tables, "anggaran": anggaran})),
        "tren_pemda": figures.pemda_tren(tren),
        "tren_opd": figures.opd_tren(tren),
    }


def test_every_figure_is_a_titled_png_with_alt_text_and_no_warning(analysis):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        made = charts(analysis)
    assert [str(w.message) for w in caught] == []
    for name, chart in made.items():
        assert chart.png.startswith(PNG), name
        assert chart.judul and len(chart.alt) > 60, name
        titles = [ax.get_title(loc="left") for ax in chart.figure.axes] + [chart.figure.get_suptitle()]
        assert chart.judul in titles, name
        data, metadata = chart._repr_mimebundle_()
        assert base64.b64decode(data["image/png"]) == chart.png
        assert data["text/plain"] == chart.alt and metadata["image/png"]["alt"] == chart.alt
        assert metadata["image/png"]["width"] == round(chart.figure.get_size_inches()[0] * 100) <= 900  # 100 px/in


def test_alt_text_carries_the_numbers_in_indonesian(analysis):
    made = charts(analysis)
    assert "Dinas Kesehatan 115,00 %, Dinas Sosial 100,00 %, Dinas Pendidikan 90,00 %" in made["peringkat"].alt
    assert "median 100,00 %" in made["sebaran"].alt and "2 OPD mencapai 100 % atau lebih" in made["sebaran"].alt
    assert "Waktu layanan bantuan sosial: target 70–90, realisasi 80 hari" in made["target"].alt
    assert "2023: 91,67 %; 2024: 101,67 %" in made["tren_pemda"].alt
    assert "2024: capaian 115,00 %, serapan 80,00 %" in made["serapan"].alt


def test_indonesian_ticks_and_years(analysis):
    made = charts(analysis)
    ax = made["tren_pemda"].figure.axes[0]
    made["tren_pemda"].figure.canvas.draw()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2023", "2024"]  # never 2.023
    assert all(t.get_text().endswith(" %") for t in ax.get_yticklabels() if t.get_text())
    assert figures.number_formatter()(1234.5, 0) == "1.234,5"
    assert figures.percent_formatter(1)(97.25, 0) == "97,3 %"


def test_predikat_colours_follow_the_scale():
    scale = builtin_scale("lima-tingkat")
    colors = figures.predikat_colors(scale)
    assert colors == {level.predikat: level.warna for level in scale.levels}
    assert colors["Sangat Tinggi"] == "#009E73"
    cmap, norm = figures._predikat_cmap(scale)
    assert mpl.colors.to_hex(cmap(norm(91.0))) == "#009e73" and mpl.colors.to_hex(cmap(norm(90.99))) == "#56b4e9"


def test_theme_is_local():
    before = dict(mpl.rcParams)
    with figures.theme():
        assert mpl.rcParams["axes.titleweight"] == "bold"
    assert dict(mpl.rcParams) == before


def test_opd_without_capaian_is_named_not_drawn():
    table = pd.DataFrame({"kode_opd": ["1", "2"], "nama_opd": ["Dinas A", "Dinas B"], "capaian": [95.0, float("nan")],
                          "predikat": ["Sangat Tinggi", ""]})
    page = pages.Page("ringkasan", "Ringkasan", 2024, {"opd": table}, skala=Rules().skala_predikat)
    chart = figures.peringkat(page)
    assert "Tanpa capaian (tidak digambar): Dinas B." in chart.alt


def test_each_chart_carries_the_caption_its_page_lists(analysis):
    """A chart's title and alt text are the page's caption of that figure (one wording), and its
    output metadata names the figure, so kinerja run can file its PNG."""
    ringkasan = pages.ringkasan(analysis)
    assert [c.nama for c in ringkasan.figures] == ["peringkat", "sebaran"]
    for caption in ringkasan.figures:
        chart = getattr(figures, caption.nama)(ringkasan)
        assert chart.caption == caption
        _, metadata = chart._repr_mimebundle_()
        assert metadata["kinerja"] == {"gambar": caption.nama}
    assert ringkasan.figure("sebaran").judul == "Sebaran capaian kinerja OPD tahun 2024"
    assert "median 100,00 %" in ringkasan.figure("sebaran").alt
    assert ringkasan.figure("renstra") is None


def test_captions_follow_what_the_page_shows(analysis):
    opd = pages.opd(analysis, "007")
    assert [c.nama for c in opd.figures] == ["target_vs_realisasi", "riwayat"]  # no budget, no Renstra
    anggaran = pd.DataFrame({"tahun": [2023, 2024], "capaian": [85.0, 115.0], "serapan": [90.5, 80.0]})
    with_budget = dataclasses.replace(opd, tables={**opd.tables, "anggaran": anggaran})
    assert [c.nama for c in captions.for_page(with_budget)] == ["target_vs_realisasi", "riwayat", "capaian_vs_serapan"]
    assert captions.capaian_vs_serapan(with_budget).alt.endswith(
        "2023: capaian 85,00 %, serapan 90,50 %; 2024: capaian 115,00 %, serapan 80,00 %.")
    berjalan = dataclasses.replace(pages.ringkasan(analysis), berjalan=True)
    assert captions.for_page(berjalan) == ()  # a year in progress: no capaian to draw
    assert [c.nama for c in captions.for_page(dataclasses.replace(opd, berjalan=True))] == ["riwayat"]


def test_captions_survive_the_page_file(analysis, tmp_path):
    page = pages.ringkasan(analysis)
    (tmp_path / "ringkasan").mkdir()
    for name, table in page.tables.items():
        table.to_csv(tmp_path / "ringkasan" / f"{name}.csv", index=False)
    (tmp_path / "ringkasan.halaman.json").write_text(page.meta_json(), encoding="utf-8")
    again = pages.Page.read(tmp_path / "ringkasan.halaman.json")
    assert again.figures == page.figures


def test_figure_pngs_keeps_only_named_kinerja_figures():
    png = base64.b64encode(PNG + b"data").decode("ascii")
    notebook = {"cells": [
        {"cell_type": "code", "outputs": [
            {"output_type": "display_data", "data": {"image/png": png[:8] + "\n" + png[8:]},
             "metadata": {"kinerja": {"gambar": "peringkat"}}},
            {"output_type": "display_data", "data": {"image/png": png}, "metadata": {}},  # an analyst's own plot
            {"output_type": "display_data", "data": {"image/png": png},
             "metadata": {"kinerja": {"gambar": "../../etc/passwd"}}},  # not a name that may name a file
        ]},
        {"cell_type": "markdown", "source": "## Catatan"},
    ]}
    assert outputs.figure_pngs(notebook) == {"peringkat": PNG + b"data"}


def test_a_figure_no_longer_shown_loses_its_png_but_an_analysts_file_stays(tmp_path):
    output = tmp_path / "007.ipynb"
    (tmp_path / "007").mkdir()
    (tmp_path / "007" / "capaian_vs_serapan.png").write_bytes(PNG)  # filed by the last run (its stamp lists it)
    (tmp_path / "007" / "foto.png").write_bytes(PNG)  # the analyst's own
    table = pd.DataFrame({"kode_opd": ["007"], "capaian": [101.5]})
    written = outputs.write_extracts(output, {"opd": table}, ["007/opd.csv", "007/capaian_vs_serapan.png"],
                                     figures={"riwayat": PNG + b"r"})
    assert sorted(written) == ["007.xlsx", "007/opd.csv", "007/riwayat.png"]
    assert sorted(p.name for p in (tmp_path / "007").iterdir()) == ["foto.png", "opd.csv", "riwayat.png"]
    assert (tmp_path / "007" / "riwayat.png").read_bytes() == PNG + b"r"
