"""HTML tables: exact markup (snapshots written by hand), escaping, Indonesian formats, LKjIP layout."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kinerja import pages

from kinerja.support import pesan

from kinerja.render import tables
from kinerja.pages import Page
from kinerja.render.tables import Column

FIXTURE = Path(__file__).parent / "fixtures" / "proyek"


def test_render_snapshot():
    frame = pd.DataFrame({"nama": ["Dinas <A> & B", "Dinas C"], "capaian": [100.855, np.nan]})
    table = tables.render(frame, [Column("nama", "OPD"), Column("capaian", "Capaian", tables.persen, True)], "Judul & uji")
    assert table.html == (
        '<table class="kinerja-tabel">\n'
        "<caption>Judul &amp; uji</caption>\n"
        '<thead><tr><th scope="col">OPD</th><th scope="col" style="text-align: right">Capaian</th></tr></thead>\n'
        "<tbody>\n"
        '<tr><td>Dinas &lt;A&gt; &amp; B</td><td style="text-align: right">100,86 %</td></tr>\n'
        '<tr><td>Dinas C</td><td style="text-align: right">–</td></tr>\n'
        "</tbody>\n"
        "</table>"
    )
    assert table._repr_html_() == table.html
    assert "Dinas <A> & B" in repr(table) and "100,86 %" in repr(table)  # the text/plain alternative


def test_render_groups_and_empty():
    frame = pd.DataFrame({"g": ["S1", "S1", "S2"], "x": ["a", "b", "c"]})
    table = tables.render(frame, [Column("g", "Sasaran"), Column("x", "Indikator")], "T", group="g",
                          row_class=["", "rata-rata", ""])
    rows = table.html.split("<tbody>\n")[1].split("\n</tbody>")[0].splitlines()
    assert rows == [
        '<tr><th scope="rowgroup" rowspan="2">S1</th><td>a</td></tr>',
        '<tr class="rata-rata"><td>b</td></tr>',
        '<tr><th scope="rowgroup">S2</th><td>c</td></tr>',
    ]
    empty = tables.render(frame.iloc[:0], [Column("g", "Sasaran"), Column("x", "Indikator")], "T", kosong="Kosong <ya>")
    assert '<tr><td colspan="2">Kosong &lt;ya&gt;</td></tr>' in empty.html


@pytest.mark.parametrize(
    "function,value,shown",
    [
        (tables.angka, 1234.5, "1.234,5"),
        (tables.angka, 0.45, "0,45"),
        (tables.angka, 115.0, "115"),
        (tables.bilangan, 950_000_000_000.0, "950.000.000.000"),
        (tables.persen, 104.347826, "104,35 %"),
        (tables.poin, 0.36, "+0,36 poin"),
        (tables.perubahan, -3.865377, "-3,87 %"),
        (tables.teks, np.nan, ""),
    ],
)
def test_formats(function, value, shown):
    assert function(value) == shown


def test_lkjip_table_of_an_opd():
    analysis = pages.analyse(2024, proyek=FIXTURE)
    html = tables.indikator(pages.opd(analysis, "007")).html
    body = html.split("<tbody>\n")[1].split("\n</tbody>")[0].splitlines()
    right = ' style="text-align: right"'
    assert body == [
        (f'<tr><th scope="rowgroup" rowspan="3">Meningkatnya derajat kesehatan</th><td>Cakupan imunisasi &lt;dasar&gt; '
         f"&amp; lengkap</td><td>%</td><td{right}>100</td><td{right}>110</td><td{right}>110,00 %</td>"
         "<td>Sangat Tinggi</td></tr>"),
        (f"<tr><td>Angka kesakitan</td><td>per 1.000 penduduk</td><td{right}>10</td><td{right}>8</td>"
         f"<td{right}>120,00 %</td><td>Sangat Tinggi</td></tr>"),
        (f'<tr class="rata-rata"><td>{pesan.TABEL_RATA_SASARAN}</td><td></td><td{right}></td><td{right}></td>'
         f"<td{right}>115,00 %</td><td>Sangat Tinggi</td></tr>"),
    ]
    assert "<caption>Capaian indikator kinerja tahun 2024</caption>" in html
    head = html.split("<thead>")[1].split("</thead>")[0]
    assert [cell.rsplit(">", 1)[1] for cell in head.split("</th>")[:-1]] == [
        "Sasaran", "Indikator", "Satuan", "Target", "Realisasi", "Capaian", "Predikat"
    ]
    range_target = tables.indikator(pages.opd(analysis, "009")).html
    assert "<td style=\"text-align: right\">70–90</td>" in range_target


def test_mean_row_names_the_cap():
    page = Page("opd", "x", 2024, {
        "indikator": pd.DataFrame({"sasaran": ["S"], "indikator": ["I"], "satuan": ["%"], "target": [100.0],
                                   "realisasi": [150.0], "capaian": [150.0], "predikat": ["Sangat Tinggi"]}),
        "sasaran": pd.DataFrame({"sasaran": ["S"], "capaian": [120.0], "predikat": ["Sangat Tinggi"],
                                 "jumlah_indikator": [1], "batas_atas": [120.0]}),
    })
    html = tables.indikator(page).html
    assert "Rata-rata capaian sasaran (batas atas 120 %)" in html and "150,00 %" in html and "120,00 %" in html


def test_overview_tables():
    analysis = pages.analyse(2024, proyek=FIXTURE)
    page = pages.ringkasan(analysis)
    ranking = tables.peringkat(page)
    assert ranking.frame.iloc[0].tolist() == ["1", "Dinas Kesehatan", "115,00 %", "Sangat Tinggi", "85,00 %",
                                              "+30,00 poin", "+35,29 %"]
    assert tables.opd_turun(page).frame["OPD"].tolist() == ["Dinas Pendidikan"]
    assert "Persentase sekolah terakreditasi" in tables.tidak_terhitung(page).html
    assert "<td>Tinggi</td><td>≥ 76</td>" in tables.predikat(page).html
    empty_budget = tables.anggaran(pages.opd(analysis, "007"))
    assert pesan.ANGGARAN_TIDAK_TERSEDIA in empty_budget.html
