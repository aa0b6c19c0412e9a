"""The data of each notebook page, on the fixture project (3 OPDs, 2023–2024), worked by hand.

Fixture (tests/fixtures/proyek), capaian per indicator:
  2023  007 Dinas Kesehatan   DK.1 positif 90/100 → 90;  DK.2 negatif T 10 R 12 → (2 − 1,2) × 100 = 80
        008 Dinas Pendidikan  DP.1 positif 50/50 → 100
        009 Dinas Sosial      DS.1 stabil T 80 R 72 → 100 − 8/80 × 100 = 90
  2024  007                   DK.1 110/100 → 110;  DK.2 negatif T 10 R 8 → 120
        008                   DP.1 45/50 → 90;  DP.2 realisasi empty → not computable (new indicator)
        009                   DS.1 stabil range 70–90, R 80 inside → 100
OPD (one sasaran each): 2023 007 85, 008 100, 009 90; 2024 007 115, 008 90, 009 100.
Pemda (mean of OPD): 2023 275/3 = 91,666…; 2024 305/3 = 101,666…; +10 poin, relative
(305/275 − 1) × 100 = 10,909… %.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from kinerja import pages
from kinerja.pages import wording

from kinerja.support import pesan
from kinerja.inputs.findings import InputError
from kinerja.inputs.params import ParamsError

FIXTURE = Path(__file__).parent / "fixtures" / "proyek"


@pytest.fixture(scope="module")
def analysis():
    return pages.analyse(2024, proyek=FIXTURE)


def test_ringkasan_headline_numbers(analysis):
    page = pages.ringkasan(analysis)
    pemda = page.tables["pemda"].iloc[0]
    assert pemda["capaian"] == pytest.approx(305 / 3)
    assert pemda["capaian_sebelumnya"] == pytest.approx(275 / 3)
    assert pemda["selisih_poin"] == pytest.approx(10.0)
    assert pemda["perubahan_persen"] == pytest.approx((305 / 275 - 1) * 100)
    text = page.headline
    assert text.startswith("Capaian kinerja Kabupaten Uji tahun 2024: 101,67 % (predikat Sangat Tinggi). Dibanding")
    assert "Dibanding tahun 2023 (91,67 %): +10,00 poin, atau +10,909 % secara relatif" in text


def test_ringkasan_tables(analysis):
    page = pages.ringkasan(analysis)
    opd = page.tables["opd"]
    assert opd["kode_opd"].tolist() == ["007", "009", "008"]  # highest first; codes stay text
    assert opd["capaian"].tolist() == pytest.approx([115, 100, 90])
    assert opd["selisih_poin"].tolist() == pytest.approx([30, 10, -10])
    counts = page.tables["predikat"].set_index("predikat")["jumlah_opd"]
    assert counts.to_dict() == {"Sangat Tinggi": 2, "Tinggi": 1, "Sedang": 0, "Rendah": 0, "Sangat Rendah": 0}
    missing = page.tables["tidak_terhitung"]
    assert missing[["kode_opd", "indikator", "catatan"]].values.tolist() == [
        ["008", "Persentase sekolah terakreditasi", pesan.CATATAN_REALISASI_KOSONG]
    ]
    naik, turun = pages.improved_declined(opd)
    assert naik["kode_opd"].tolist() == ["007", "009"] and turun["kode_opd"].tolist() == ["008"]


def test_opd_page(analysis):
    page = pages.opd(analysis, "008")
    assert page.judul == "Capaian kinerja Dinas Pendidikan tahun 2024"
    indikator = page.tables["indikator"]
    assert indikator["indikator"].tolist() == ["Angka partisipasi sekolah", "Persentase sekolah terakreditasi"]
    assert indikator["capaian"].iloc[0] == pytest.approx(90) and pd.isna(indikator["capaian"].iloc[1])
    sasaran = page.tables["sasaran"].iloc[0]
    assert sasaran["capaian"] == pytest.approx(90) and sasaran["jumlah_indikator"] == 1
    history = page.tables["riwayat"]
    assert history[["tahun", "kode_indikator"]].values.tolist() == [[2023, "DP.1"], [2024, "DP.1"], [2024, "DP.2"]]
    assert page.tables["capaian_tahunan"]["capaian"].tolist() == pytest.approx([100, 90])
    change = page.tables["perubahan_indikator"].set_index("kode_indikator")
    assert change.loc["DP.1", "selisih_poin"] == pytest.approx(-10)
    assert change.loc["DP.2", "catatan"].startswith(pesan.TIDAK_DAPAT_DIBANDINGKAN)
    assert page.tables["anggaran"].empty  # CSV input has no budget
    assert page.headline.startswith("Capaian kinerja Dinas Pendidikan tahun 2024: 90,00 % (predikat Tinggi). ")


def test_tren_page(analysis):
    page = pages.tren(analysis)
    assert page.tables["pemda"]["capaian"].tolist() == pytest.approx([275 / 3, 305 / 3])
    moves = page.tables["pergerakan"]
    assert moves["kode_opd"].tolist() == ["007", "008", "009"]  # |+30|, then |−10| = |+10| in code order
    changed = page.tables["indikator_berubah"]
    assert changed[["tahun", "perubahan", "kode_indikator"]].values.tolist() == [
        [2024, pesan.HALAMAN_INDIKATOR_BARU, "DP.2"]
    ]
    assert page.judul == "Tren capaian kinerja Kabupaten Uji 2023–2024"


def test_renamed_and_dropped_indicators():
    indikator = pd.DataFrame(
        {
            "tahun": [2023, 2023, 2024],
            "kode_opd": ["1", "1", "1"],
            "nama_opd": ["A", "A", "A"],
            "kode_indikator": ["X.1", "X.2", "X.1"],
            "indikator": ["Jumlah peserta", "Indikator lama", "Jumlah peserta pelatihan"],
        }
    )
    perubahan = pd.DataFrame(
        {
            "tahun": [2024, 2024],
            "kode_opd": ["1", "1"],
            "nama_opd": ["A", "A"],
            "kode_indikator": ["X.1", "X.2"],
            "indikator": ["Jumlah peserta pelatihan", "Indikator lama"],
            "catatan": ["", pesan.TIDAK_DAPAT_DIBANDINGKAN_HILANG.format(tahun=2024)],
        }
    )
    table = pages.indicator_changes(indikator, perubahan)
    assert table[["perubahan", "kode_indikator", "indikator", "indikator_sebelumnya"]].values.tolist() == [
        [pesan.HALAMAN_INDIKATOR_GANTI_NAMA, "X.1", "Jumlah peserta pelatihan", "Jumlah peserta"],
        [pesan.HALAMAN_INDIKATOR_HILANG, "X.2", "Indikator lama", ""],
    ]


def test_serapan_beside_capaian():
    anggaran = pd.DataFrame({"tahun": [2024, 2024], "kode_opd": ["1", "2"], "pagu": [200.0, 0.0],
                             "realisasi_anggaran": [150.0, 10.0]})
    scores = pd.DataFrame({"tahun": [2024, 2024], "kode_opd": ["1", "2"], "capaian": [90.0, 80.0]})
    table = pages.serapan(anggaran, scores).set_index("kode_opd")
    assert table.loc["1", "serapan"] == pytest.approx(75.0)
    assert table.loc["1", "selisih_poin"] == pytest.approx(15.0) and table.loc["1", "rasio"] == pytest.approx(1.2)
    assert pd.isna(table.loc["2", "serapan"]) and pd.isna(table.loc["2", "rasio"])  # pagu 0: no serapan


def test_method_sentence_states_cap_and_scale():
    from kinerja import Rules

    text = pages.method_sentence(Rules(batas_atas=120))
    assert "di atas 120 % dihitung 120 %" in text and "rata-rata capaian OPD" in text
    assert "Skala lima tingkat" in text
    assert pesan.HALAMAN_TANPA_BATAS in pages.method_sentence(Rules())


def test_broken_opd_fails_its_page_and_the_pemda_pages_only(tmp_path):
    project = tmp_path / "proyek"
    shutil.copytree(FIXTURE, project)
    path = project / "data" / "kinerja-2024.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",50,,,45,", ",lima puluh,,,45,"), encoding="utf-8")
    analysis = pages.analyse(2024, proyek=project)
    assert pages.opd(analysis, "007").tables["opd"]["capaian"].iloc[0] == pytest.approx(115)
    with pytest.raises(InputError) as error:
        pages.opd(analysis, "008")
    assert "kinerja-2024.csv, baris 4, kolom target" in str(error.value)
    with pytest.raises(InputError):
        pages.ringkasan(analysis)


def test_params_year_and_opd_checks(tmp_path):
    with pytest.raises(ParamsError, match="berbeda dari tahun yang diminta"):
        pages.analyse(2023, proyek=FIXTURE, params_berkas="params/2024.yml")
    with pytest.raises(ParamsError, match="kode_opd 010 tidak ada dalam data"):
        pages.analyse(2024, proyek=FIXTURE, ubah=["opd=007,010"])
    only = pages.analyse(2024, proyek=FIXTURE, ubah=["opd=007,009"])
    assert only.opd_codes() == ["007", "009"]
    assert pages.ringkasan(only).tables["pemda"]["capaian"].iloc[0] == pytest.approx(107.5)  # (115 + 100) / 2


def test_headline_shows_names_from_the_data_as_text():
    from kinerja.render import tables

    name = "<script>alert(1)</script> & [Klik](javascript:alert(1)) {{< env HOME >}}"
    row = pd.DataFrame(
        {"nama_opd": [name], "capaian": [75.0], "predikat": ["Sedang"], "selisih_poin": [float("nan")], "catatan": [""]}
    )
    page = pages.Page(nama="opd", judul="OPD", tahun=2024, tables={"opd": row}, kode_opd="x",
                      utama=wording.headline(name, 2024, row.iloc[0]), perubahan=wording.change(row.iloc[0], 2024))
    plain = f"Capaian kinerja {name} tahun 2024: 75,00 % (predikat Sedang). Tidak ada data tahun 2023 untuk dibandingkan."
    assert page.headline == plain
    shown = tables.headline(page)
    assert shown.html == (
        "<p><strong>Capaian kinerja &lt;script&gt;alert(1)&lt;/script&gt; &amp; [Klik](javascript:alert(1)) "
        "{{&lt; env HOME &gt;}} tahun 2024: 75,00 % (predikat Sedang).</strong> "
        "Tidak ada data tahun 2023 untuk dibandingkan.</p>"
    )
    assert shown.text == plain and shown._repr_html_() == shown.html and repr(shown) == plain


def test_method_is_a_paragraph_with_the_label_in_bold():
    from kinerja import Rules
    from kinerja.render import tables

    shown = tables.method(pages.Page("ringkasan", "Ringkasan", 2024, metode=wording.method(Rules())))
    assert shown.html.startswith("<p><strong>Metode.</strong> Capaian pemda = rata-rata capaian OPD; ")
    assert shown.text.startswith("Metode. Capaian pemda = rata-rata capaian OPD; ")
