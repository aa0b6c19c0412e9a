"""Jejak (kinerja.core.jejak, kinerja.render.jejak, `kinerja jejak`): every OPD and pemda figure
recomputed from its trace row alone equals the one kinerja.score gives, for every method."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from kinerja import load, score
from kinerja.cli import main
from kinerja.core.jejak import recompute, trace
from kinerja.core.rules import Rules
from kinerja.render.jejak import format_trace, trace_text

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "contoh"
SMALL = ROOT / "tests" / "fixtures" / "metode" / "kecil.csv"

METHODS = [
    Rules(),
    Rules(agregasi_opd="rata_rata"),
    Rules(agregasi_pemda="rata_rata"),
    Rules(batas_atas=120),
    Rules(batas_atas=100, agregasi_opd="rata_rata"),
    Rules(rumus_negatif="rasio", batas_atas=110),
    Rules(batas_atas_indikator=100),
    Rules(pembulatan_sebelum_rata=0, batas_atas=120, agregasi_pemda="rata_rata"),
]


def _check_recomputed(data, rules: Rules) -> int:
    """Every sasaran, OPD and pemda row of the jejak, recomputed from its values and rules, equals
    kinerja.score's figure. Returns how many figures were checked."""
    published = score(data, rules)
    jejak = trace(load(data, rules).table, rules)
    checked = 0
    for level, table, keys in (("sasaran", published.sasaran, ["tahun", "kode_opd", "sasaran"]),
                               ("opd", published.opd, ["tahun", "kode_opd"]),
                               ("pemda", published.pemda, ["tahun"])):
        figures = {tuple(k): v for k, v in zip(table[keys].itertuples(index=False, name=None), table["capaian"])}
        rows = jejak[jejak["tingkat"] == level]
        assert len(rows) == len(figures)
        for _, row in rows.iterrows():
            expected = figures[tuple(row[k] for k in keys)]
            assert recompute(row) == pytest.approx(expected, rel=1e-12, abs=1e-9, nan_ok=True), row["kunci"]
            checked += 1
    return checked


@pytest.mark.parametrize("rules", METHODS, ids=lambda r: f"{r.agregasi_opd}-{r.agregasi_pemda}-{r.batas_atas}-{r.rumus_negatif}-"
                                                  f"{r.batas_atas_indikator}-{r.pembulatan_sebelum_rata}")
def test_the_sample_recomputed_from_its_jejak(rules):
    assert _check_recomputed([SAMPLE], rules) == 236 + 106 + 3


@pytest.mark.parametrize("rules", [*METHODS, Rules(agregasi_opd="bobot"), Rules(agregasi_opd="bobot", batas_atas=120)],
                         ids=lambda r: f"{r.agregasi_opd}-{r.agregasi_pemda}-{r.batas_atas}-{r.rumus_negatif}-"
                                       f"{r.batas_atas_indikator}-{r.pembulatan_sebelum_rata}")
def test_the_small_fixture_recomputed_from_its_jejak(rules):
    assert _check_recomputed(SMALL, rules) == 6 + 4 + 2  # 3 sasaran, 2 OPD, 1 pemda per year


def test_hand_worked_means_and_what_was_left_out():
    """2024 of kecil.csv: S1 of A = (130 + 90) / 2 = 110; S2 = (2 − 8 / 10) × 100 = 120; A = 115;
    B = 40 / 50 × 100 = 80 (B.2 has no realisasi: left out); pemda = (115 + 80) / 2 = 97,5."""
    text = format_trace(trace(load(SMALL).table, tahun=2024)).set_index("kunci")
    assert text.loc["2024 · pemda", "rumus"] == "(115,00 + 80,00) / 2 = 97,50"
    assert text.loc["2024 · A Dinas A", "rumus"] == "(110,00 + 120,00) / 2 = 115,00"
    assert text.loc["2024 · A · S2 · A.3 Indikator tiga", "rumus"] == "(2 − 8 / 10) × 100 = 120,00"
    assert text.loc["2024 · B · S1", "dikeluarkan"] == "B.2 Indikator lima (tidak dapat dihitung)"
    assert text.loc["2024 · B · S1", "sumber"] == f"{SMALL}, baris 9–10"
    assert text.loc["2024 vs 2023 · pemda", "rumus"] == "97,50 − 95,00 = +2,50 poin; (97,50 / 95,00 − 1) × 100 = +2,632 %"

    weighted = format_trace(trace(load(SMALL).table, Rules(agregasi_opd="bobot", batas_atas=120), tahun=2024))
    weighted = weighted.set_index("kunci")
    # (2 × min(130; 120) + 1 × 90 + 1 × 120) / 4 = 450 / 4 = 112,5
    assert weighted.loc["2024 · A Dinas A", "rumus"] == "(2 × 130,00→120 + 90,00 + 120,00) / 4 = 112,50"
    assert weighted.loc["2024 · A Dinas A", "aturan"] == "rata-rata tertimbang kolom bobot; batas atas 120 dalam rata-rata"


def test_the_range_examples_of_the_methodology():
    """Negatif 7–8 months: R 6,5 → (2 − 6,5 / 7) × 100 = 107,14; R 9 → 87,5. Positif 80–90:
    R 70 → 87,5; R 85 → 100 (inside)."""
    base = {"tahun": 2024, "kode_opd": "X", "nama_opd": "Dinas X", "sasaran": "S", "satuan": "bulan"}
    rows = [
        {**base, "kode_indikator": "1", "indikator": "Waktu a", "polaritas": "negatif", "target_bawah": 7,
         "target_atas": 8, "realisasi": 6.5},
        {**base, "kode_indikator": "2", "indikator": "Waktu b", "polaritas": "negatif", "target_bawah": 7,
         "target_atas": 8, "realisasi": 9},
        {**base, "kode_indikator": "3", "indikator": "Cakupan a", "polaritas": "positif", "target_bawah": 80,
         "target_atas": 90, "realisasi": 70},
        {**base, "kode_indikator": "4", "indikator": "Cakupan b", "polaritas": "positif", "target_bawah": 80,
         "target_atas": 90, "realisasi": 85},
        {**base, "kode_indikator": "5", "indikator": "Kasus", "polaritas": "negatif", "target": 7, "realisasi": 20},
    ]
    frame = pd.DataFrame(rows)
    text = format_trace(trace(load(frame).table)).set_index("kunci")
    rumus = {key.split(" · ")[-1]: value for key, value in text["rumus"].items() if key.count(" · ") == 3}
    assert rumus == {
        "1 Waktu a": "(2 − 6,5 / 7) × 100 = 107,14",
        "2 Waktu b": "(2 − 9 / 8) × 100 = 87,50",
        "3 Cakupan a": "70 / 80 × 100 = 87,50",
        "4 Cakupan b": "realisasi 85 dalam rentang 80–90 → 100",
        "5 Kasus": "(2 − 20 / 7) × 100 = -85,71 → dinaikkan ke lantai 0",
    }
    aturan = text.loc["2024 · X · S · 2 Waktu b", "aturan"]
    assert aturan == ("polaritas negatif; rumus negatif selisih; realisasi di luar rentang: dibandingkan dengan "
                      "batas 8; lantai 0; capaian indikator tidak dibatasi")


def test_cli_jejak_prints_and_writes(tmp_path, capsys):
    out = tmp_path / "jejak.csv"
    assert main(["jejak", str(SMALL), "--tahun", "2024", "--opd", "A", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("[pemda] 2024 · pemda: 97,50\n    rumus: (115,00 + 80,00) / 2 = 97,50\n")
    assert "[OPD] 2024 · B" not in printed
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["tingkat", "tahun", "kunci", "capaian", "rumus", "masukan", "dikeluarkan", "aturan",
                             "sumber", "catatan", "capaian_angka"]
    assert [r["tingkat"] for r in rows].count("indikator") == 3
    assert main(["jejak", str(SMALL), "--tahun", "2030"]) == 1
    assert "tahun 2030 tidak ada dalam data" in capsys.readouterr().err
    assert main(["jejak", str(SMALL), "--opd", "Z"]) == 1


def test_trace_text_is_top_down():
    text = trace_text(trace(load(SMALL).table, tahun=2023))
    levels = [line.split("]")[0] + "]" for line in text.splitlines() if line.startswith("[")]
    assert levels == ["[pemda]", "[OPD]", "[OPD]", "[sasaran]", "[sasaran]", "[sasaran]", "[indikator]",
                      "[indikator]", "[indikator]", "[indikator]"]


@pytest.mark.parametrize("data", [SMALL, SAMPLE], ids=["kecil", "contoh"])
def test_changes_recomputed_from_their_jejak(data):
    """capaian(t) − capaian(t−1) from the trace's values equals the published selisih_poin."""
    published = score([data])
    loaded = load([data])
    jejak = trace(loaded.table, opd=loaded.opd)  # the OPD master list: a renamed OPD is compared under its new code
    for level, table in (("perubahan_opd", published.perubahan_opd), ("perubahan_pemda", published.perubahan_pemda)):
        rows = jejak[jejak["tingkat"] == level]
        assert len(rows) == len(table) > 0  # one trace row per published change, in the same order
        for (_, row), (_, change) in zip(rows.iterrows(), table.iterrows()):
            assert row["tahun"] == change["tahun"]
            now, before = row["nilai"]
            assert now - before == pytest.approx(change["selisih_poin"], nan_ok=True)
            assert row["catatan"] == change["catatan"]


def test_several_pemda_are_traced_and_flagged_apart():
    """The multi-pemda table of test_multi_pemda: the pemda figures recomputed from the trace, per
    pemda; the only reviu flag is the province's K2 (target 100 in 2024 < realisasi 110 in 2023):
    the kabupaten's K1 of the same code is never compared with the province's."""
    from kinerja.core.engine import score_table
    from kinerja.core.reviu import reviu_flags
    from tests.conftest import tidy
    from tests.test_multi_pemda import ROWS

    table = tidy(ROWS)
    published = score_table(table, Rules())
    jejak = trace(table)
    pemda = jejak[jejak["tingkat"] == "pemda"]
    figures = dict(zip(published.pemda[["kode_pemda", "tahun"]].itertuples(index=False, name=None),
                       published.pemda["capaian"]))
    assert len(pemda) == len(figures) == 4
    for _, row in pemda.iterrows():
        assert recompute(row) == pytest.approx(figures[(row["kode_pemda"], row["tahun"])])
    flags = reviu_flags(table)
    assert [(r.kode, r.kode_pemda, r.kode_indikator, r.tahun) for r in flags.itertuples()] == [
        ("target_di_bawah_realisasi_lalu", "17", "K2", 2024)]


def test_an_indicator_level_cap_and_rounding_are_shown():
    """batas_atas_indikator 100: A.1 (130 / 100 × 100 = 130) is shown and averaged as 100, so S1 of A
    in 2024 = (100 + 90) / 2 = 95."""
    text = format_trace(trace(load(SMALL).table, Rules(batas_atas_indikator=100), tahun=2024)).set_index("kunci")
    assert text.loc["2024 · A · S1 · A.1 Indikator satu", "rumus"] == "130 / 100 × 100 = 130,00 → dibatasi 100"
    assert text.loc["2024 · A · S1 · A.1 Indikator satu", "aturan"] == (
        "polaritas positif; lantai 0; capaian indikator dibatasi 100")
    assert text.loc["2024 · A · S1", "rumus"] == "(100,00 + 90,00) / 2 = 95,00"
    rounded = format_trace(trace(load(SMALL).table, Rules(pembulatan_sebelum_rata=0), tahun=2024)).set_index("kunci")
    assert rounded.loc["2024 · A · S1", "aturan"] == (
        "rata-rata sederhana; capaian indikator dibulatkan ke 0 desimal sebelum dirata-ratakan; tanpa batas atas")
