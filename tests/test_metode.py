"""Method sensitivity (kinerja.core.metode): the pemda and OPD figures under each standard setting,
against hand-worked values on tests/fixtures/metode/kecil.csv.

2024 (B.2 has no realisasi and is left out everywhere):
A.1 = 130, A.2 = 90 (sasaran S1), A.3 negatif (2 − 8/10) × 100 = 120 or, as rasio, 10/8 × 100 = 125
(sasaran S2), B.1 = 80; bobot 2, 1, 1, 1.

=====================  ==============================  ===========================  =========
setting                OPD A                           pemda                        predikat
=====================  ==============================  ===========================  =========
in force (bertingkat)  ((130+90)/2 + 120) / 2 = 115    (115 + 80) / 2 = 97,5        Sangat Tinggi
agregasi_opd rata_rata (130+90+120) / 3 = 113,33       (113,33 + 80) / 2 = 96,67    Sangat Tinggi
agregasi_opd bobot     (2·130+90+120) / 4 = 117,5      (117,5 + 80) / 2 = 98,75     Sangat Tinggi
agregasi_pemda rata    115                             (130+90+120+80) / 4 = 105    Sangat Tinggi
rumus_negatif rasio    (110 + 125) / 2 = 117,5         98,75                        Sangat Tinggi
batas_atas 100         ((100+90)/2 + 100) / 2 = 97,5   (97,5 + 80) / 2 = 88,75      Tinggi
batas_atas 120         ((120+90)/2 + 120) / 2 = 112,5  (112,5 + 80) / 2 = 96,25     Sangat Tinggi
=====================  ==============================  ===========================  =========
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kinerja import load
from kinerja.core.metode import EXTRA_CHOICES, Setelan, method_sensitivity, standard_settings
from kinerja.core.rules import Rules

SMALL = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "metode" / "kecil.csv"

PEMDA_2024 = {
    ("berlaku", None): (97.5, "Sangat Tinggi", True),
    ("agregasi_opd", "bertingkat"): (97.5, "Sangat Tinggi", True),
    ("agregasi_opd", "rata_rata"): (96.6666666667, "Sangat Tinggi", False),
    ("agregasi_opd", "bobot"): (98.75, "Sangat Tinggi", False),
    ("agregasi_pemda", "rata_opd"): (97.5, "Sangat Tinggi", True),
    ("agregasi_pemda", "rata_rata"): (105.0, "Sangat Tinggi", False),
    ("rumus_negatif", "selisih"): (97.5, "Sangat Tinggi", True),
    ("rumus_negatif", "rasio"): (98.75, "Sangat Tinggi", False),
    ("batas_atas", None): (97.5, "Sangat Tinggi", True),
    ("batas_atas", 100.0): (88.75, "Tinggi", False),
    ("batas_atas", 120.0): (96.25, "Sangat Tinggi", False),
}


@pytest.fixture(scope="module")
def table():
    return load(SMALL).tidy


def test_standard_settings_follow_the_data(table):
    names = [(s.aturan, s.nilai) for s in standard_settings(table)]
    assert names[:10] == [key for key in PEMDA_2024 if key[0] != "berlaku"]
    extra = [(name, value) for name, values in EXTRA_CHOICES.items() if name in Rules.names() for value in values]
    assert names[10:] == extra  # e.g. an indicator-level cap, once the rules have it
    no_weights = table.drop(columns=["bobot"])
    assert ("agregasi_opd", "bobot") not in [(s.aturan, s.nilai) for s in standard_settings(no_weights)]


def test_pemda_figure_under_each_setting(table):
    frame = method_sensitivity(table)
    pemda = frame[(frame["tingkat"] == "pemda") & (frame["tahun"] == 2024)]
    got = {(r.aturan, r.nilai): (r.capaian, r.predikat, r.berlaku) for r in pemda.itertuples()
           if r.aturan in {k[0] for k in PEMDA_2024}}
    assert set(got) == set(PEMDA_2024)
    for key, (capaian, predikat, berlaku) in PEMDA_2024.items():
        assert got[key][0] == pytest.approx(capaian), key
        assert got[key][1:] == (predikat, berlaku), key
    cap100 = pemda[(pemda["aturan"] == "batas_atas") & (pemda["nilai"] == 100.0)]
    assert cap100["selisih_poin"].iloc[0] == pytest.approx(88.75 - 97.5)


def test_opd_figure_under_each_setting(table):
    frame = method_sensitivity(table)
    a = frame[(frame["tingkat"] == "opd") & (frame["tahun"] == 2024) & (frame["kode_opd"] == "A")]
    got = {(r.aturan, r.nilai): r.capaian for r in a.itertuples()}
    assert got[("berlaku", None)] == pytest.approx(115)
    assert got[("agregasi_opd", "rata_rata")] == pytest.approx(113.3333333333)
    assert got[("agregasi_opd", "bobot")] == pytest.approx(117.5)
    assert got[("rumus_negatif", "rasio")] == pytest.approx(117.5)
    assert got[("batas_atas", 100.0)] == pytest.approx(97.5)
    assert got[("batas_atas", 120.0)] == pytest.approx(112.5)
    # 2023: A.1 110, A.2 90, A.3 (2 − 10/10) × 100 = 100; cap 100 → ((100 + 90)/2 + 100)/2 = 97,5
    a23 = frame[(frame["tingkat"] == "opd") & (frame["tahun"] == 2023) & (frame["kode_opd"] == "A")]
    assert a23[(a23["aturan"] == "batas_atas") & (a23["nilai"] == 100.0)]["capaian"].iloc[0] == pytest.approx(97.5)


def test_settings_are_a_list_and_start_from_the_rules_in_force(table):
    rules = Rules(batas_atas=120)
    frame = method_sensitivity(table, rules, [Setelan("batas_atas", None), Setelan("agregasi_pemda", "rata_rata")],
                               opd=False)
    pemda = frame[frame["tahun"] == 2024]
    assert list(pemda["aturan"]) == ["berlaku", "batas_atas", "agregasi_pemda"]
    # in force: cap 120 → 96,25; no cap → 97,5; flat mean with cap 120: (120+90+120+80)/4 = 102,5
    assert list(pemda["capaian"]) == pytest.approx([96.25, 97.5, 102.5])
    assert list(pemda["berlaku"]) == [True, False, False]


def test_the_sentence_a_methodology_page_prints(table):
    from kinerja.render.metode import format_sensitivity, method_sentence

    frame = method_sensitivity(table, opd=False)
    assert method_sentence(frame, 2024).startswith(
        "97,50 % dengan metode yang berlaku (Sangat Tinggi); "
        "96,67 % OPD sebagai rata-rata semua indikatornya (Sangat Tinggi); "
        "98,75 % OPD sebagai rata-rata tertimbang bobot (Sangat Tinggi); "
        "105,00 % pemda sebagai rata-rata semua indikator (Sangat Tinggi); "
        "98,75 % indikator negatif dengan rumus T/R × 100 (Sangat Tinggi); "
        "88,75 % dengan batas atas 100 dalam rata-rata (Tinggi); "
        "96,25 % dengan batas atas 120 dalam rata-rata (Sangat Tinggi)")
    text = format_sensitivity(frame)
    row = text[(text["tahun"] == 2024) & (text["setelan"] == "dengan batas atas 100 dalam rata-rata")].iloc[0]
    assert (row["capaian"], row["selisih"], row["berlaku"]) == ("88,75 %", "-8,75 poin", "")
