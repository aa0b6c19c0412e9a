"""The shipped sample data ``data/contoh/``: synthetic Provinsi Bengkulu 2022–2024 workbooks,
calibrated to the published pemda capaian (100,50 % in 2023, 100,86 % in 2024), reproducible from
``scripts/generate_sample_data.py`` and never modified by reading or scoring them."""

from __future__ import annotations

import datetime
import hashlib
import importlib.util
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

import kinerja
from kinerja.support import display, pesan
from kinerja.inputs.findings import PERINGATAN

ROOT = Path(__file__).resolve().parents[1]
CONTOH = ROOT / "data" / "contoh"
SCRIPT = ROOT / "scripts" / "generate_sample_data.py"
YEARS = (2022, 2023, 2024)
FILES = [CONTOH / f"kinerja-{tahun}.xlsx" for tahun in YEARS]
SYNTHETIC_LINE = "CONTOH SINTETIS — bukan data resmi Pemerintah Provinsi Bengkulu"
KINERJA = [sys.executable, "-m", "kinerja"]


def digests() -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(CONTOH.iterdir())}


@pytest.fixture(scope="module")
def loaded():
    before = digests()
    data = kinerja.load(CONTOH)  # raises InputError on any galat
    assert digests() == before
    return data


@pytest.fixture(scope="module")
def result(loaded):
    return kinerja.score_table(loaded.tidy, kinerja.Rules(), opd=loaded.opd)


def pemda(result) -> pd.Series:
    return result.pemda.set_index("tahun")["capaian"]


def test_reads_without_galat_and_warns_only_about_stripped_signs(loaded):
    stripped = re.compile(re.escape(pesan.TANDA_DIBUANG).replace(r"\{jumlah\}", r"\d+").replace(r"\{tanda\}", ".+"))
    assert loaded.findings, "the sample has % and Rp typed in text cells: expected warnings"
    for finding in loaded.findings:
        assert finding.tingkat == PERINGATAN, str(finding)
        assert stripped.fullmatch(finding.pesan), str(finding)
        assert finding.kolom in ("target", "realisasi")
    assert len(loaded.tidy) == 422


def test_pemda_capaian_round_to_the_published_figures(result):
    capaian = pemda(result)
    assert display.persen(capaian[2023]) == "100,50 %"
    assert display.persen(capaian[2024]) == "100,86 %"
    assert round(capaian[2023], 2) == 100.50 and round(capaian[2024], 2) == 100.86
    assert 99.0 <= capaian[2022] <= 100.0
    assert list(result.pemda["jumlah_opd"]) == [35, 35, 36]
    assert set(result.pemda["metode"]) == {"rata_opd (bertingkat)"}
    change = result.perubahan_pemda.set_index("tahun").loc[2024]
    assert display.poin(change["selisih_poin"]) == "+0,36 poin"
    assert display.perubahan(change["perubahan_persen"], 3) == "+0,358 %"


def test_pemda_capaian_recomputed_by_hand_from_the_formulas(loaded, result):
    """Independent of the engine: the formulas of docs/metodologi.md, then sasaran → OPD → pemda means."""
    table = loaded.tidy
    r, t = table["realisasi"], table["target"]
    bawah, atas = table["target_bawah"], table["target_atas"]
    effective = t.where(t.notna(), np.where(r < bawah, bawah, np.where(r > atas, atas, np.nan)))
    rasio = table["rumus"].fillna("") == "rasio"
    value = np.select(
        [table["polaritas"] == "positif", rasio, table["polaritas"] == "negatif"],
        [r / effective * 100, effective / r * 100, (2 - r / effective) * 100],
        default=100 - (r - effective).abs() / effective * 100,
    )
    inside = t.isna() & r.between(bawah, atas)
    value = pd.Series(np.where(inside, 100.0, value), index=table.index).clip(lower=0).where(r.notna())
    assert value.notna().sum() == 3 * 139
    sasaran = table.assign(c=value).groupby(["tahun", "kode_opd", "sasaran"])["c"].mean()
    opd = sasaran.groupby(level=["tahun", "kode_opd"]).mean()
    by_hand = opd.groupby(level="tahun").mean()
    pd.testing.assert_series_equal(by_hand.rename(None), pemda(result).rename(None), check_index_type=False, rtol=1e-12)


def test_shape_of_the_data(loaded, result):
    table, master = loaded.tidy, loaded.opd
    assert table["kode_indikator"].notna().all() and table["keterangan"].str.startswith("CONTOH SINTETIS").all()
    per_opd = table.groupby(["tahun", "kode_opd"])["sasaran"].nunique()
    per_sasaran = table.groupby(["tahun", "kode_opd", "sasaran"]).size()
    assert per_opd.between(2, 4).all() and per_sasaran.between(1, 3).all()
    assert table.groupby("tahun")["kode_opd"].nunique().to_dict() == {2022: 35, 2023: 35, 2024: 36}
    # every polarity, rasio, ranges, not reported; some numbers typed as text (checked by the warnings)
    assert set(table["polaritas"]) == {"positif", "negatif", "stabil"}
    assert (table["rumus"] == "rasio").sum() == 3 * 4
    assert table["target_bawah"].notna().sum() == 3 * 4
    assert table["realisasi"].isna().sum() == 5
    # Badan Pendapatan Daerah: created 1 September 2024
    bapenda = master.set_index("kode_opd").loc["5.02.02"]
    assert bapenda["nama_opd"] == "Badan Pendapatan Daerah"
    assert pd.Timestamp(bapenda["berlaku_mulai"]) == pd.Timestamp(2024, 9, 1)
    assert set(table.loc[table["kode_opd"] == "5.02.02", "tahun"]) == {2024}
    # one OPD renamed with a new code from 2024; its indicators keep their codes
    old = master.set_index("kode_opd").loc["2.16.01"]
    assert old["digantikan_oleh"] == "2.16.02" and pd.Timestamp(old["berlaku_sampai"]).year == 2023
    assert set(table.loc[table["kode_opd"] == "2.16.01", "tahun"]) == {2022, 2023}
    assert set(table.loc[table["kode_opd"] == "2.16.02", "tahun"]) == {2024}
    renamed = result.perubahan_opd.set_index(["tahun", "kode_opd"]).loc[(2024, "2.16.02")]
    assert not np.isnan(renamed["selisih_poin"])
    indicator = result.perubahan_indikator.set_index(["tahun", "kode_indikator"]).loc[(2024, "DISKOMINFO.1.1")]
    assert not np.isnan(indicator["selisih_poin"])
    # budget: one row per OPD per year, serapan 80–98 %
    budget = loaded.anggaran
    assert len(budget) == 35 + 35 + 36
    serapan = budget["realisasi_anggaran"] / budget["pagu"]
    assert serapan.between(0.80, 0.98).all()


@pytest.mark.parametrize("tahun", YEARS)
def test_spread_of_opd_capaian_is_realistic(result, tahun):
    capaian = result.opd.loc[result.opd["tahun"] == tahun, "capaian"]
    assert capaian.between(85, 115).mean() >= 0.8
    assert (capaian < 76).sum() == 2
    assert 1 <= (capaian > 120).sum() <= 2


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_workbook_marks_itself_synthetic(path):
    book = openpyxl.load_workbook(path)
    assert "CONTOH SINTETIS" in book.properties.title and book.properties.subject == SYNTHETIC_LINE
    assert book["petunjuk"]["A1"].value == SYNTHETIC_LINE
    sheet = book["kinerja"]
    header = [cell.value for cell in sheet[1]]
    notes = [row[header.index("Keterangan")] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]]
    assert notes and all(note.startswith("CONTOH SINTETIS") for note in notes)
    # reproducible files: fixed document dates and zip timestamps
    assert book.properties.created == book.properties.modified == datetime.datetime(2025, 2, 11)
    with zipfile.ZipFile(path) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2025, 2, 11, 0, 0, 0)}


def test_readme_says_synthetic():
    text = (CONTOH / "README.md").read_text(encoding="utf-8")
    assert SYNTHETIC_LINE in text and "SYNTHETIC EXAMPLE" in text
    assert "scripts/generate_sample_data.py" in text


def test_commands_leave_the_inputs_byte_identical(tmp_path):
    before = digests()
    validate = subprocess.run([*KINERJA, "validate", CONTOH], check=False, capture_output=True, text=True, cwd=ROOT)
    assert validate.returncode == 0, validate.stdout + validate.stderr
    out = tmp_path / "hasil"
    score = subprocess.run(
        [*KINERJA, "score", CONTOH, "--params", ROOT / "params" / "2024.yml", "--out", out],
        check=False, capture_output=True, text=True, cwd=ROOT,
    )
    assert score.returncode == 0, score.stdout + score.stderr
    assert "2024: 100,86 %" in score.stdout and "2023: 100,50 %" in score.stdout
    written = pd.read_csv(out / "pemda.csv").set_index("tahun")["capaian"]
    assert [display.persen(written[t]) for t in (2023, 2024)] == ["100,50 %", "100,86 %"]
    assert digests() == before


def test_regenerating_with_the_same_seed_gives_the_same_cells(tmp_path):
    run = subprocess.run(
        [sys.executable, SCRIPT, "--out", tmp_path, "--tanpa-periksa"],
        check=False, capture_output=True, text=True, cwd=ROOT,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    for shipped in FILES:
        again = tmp_path / shipped.name
        assert cells(again) == cells(shipped), shipped.name
        a, b = openpyxl.load_workbook(again).properties, openpyxl.load_workbook(shipped).properties
        assert (a.title, a.subject, a.created, a.modified) == (b.title, b.subject, b.created, b.modified)


def cells(path) -> dict[str, list[tuple]]:
    book = openpyxl.load_workbook(path)
    return {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames}


def load_script():
    spec = importlib.util.spec_from_file_location("generate_sample_data", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_generator_calibrates_any_seed():
    """The calibration is done by the generator, not by hand-picked numbers: another seed gives
    other realisasi and the same rounded pemda figures."""
    generator = load_script()
    data = generator.build(seed=7)
    scored = kinerja.score_table(data.kinerja[generator.TIDY_COLUMNS], kinerja.Rules())
    capaian = scored.pemda.set_index("tahun")["capaian"]
    assert [display.persen(capaian[t]) for t in YEARS] == ["99,72 %", "100,50 %", "100,86 %"]
    shipped = kinerja.load(FILES[1]).tidy.set_index("kode_indikator")["realisasi"]
    other = data.kinerja[data.kinerja["tahun"] == 2023].set_index("kode_indikator")["realisasi"]
    assert (other.reindex(shipped.index) != shipped).sum() > 50


def test_2024_is_also_reported_by_quarter_consistently_with_the_year(loaded, result):
    """Every 2024 indicator with a point target has four quarters (quarter 4 empty where the year
    is not reported) whose consolidation under its sifat gives the annual row: quarter 4's
    capaian of each indicator is its year's capaian."""
    quarters = loaded.triwulan
    assert set(quarters["tahun"]) == {2024}
    year = loaded.tidy[loaded.tidy["tahun"] == 2024]
    point = year[year["target"].notna()]
    assert len(quarters) == 4 * len(point) and set(quarters["triwulan"]) == {1, 2, 3, 4}
    assert set(year["sifat"]) == {"kumulatif", "akhir", "rata_rata"}
    fourth = kinerja.score_quarter(loaded, 4).indikator.set_index("kode_indikator")["capaian"]
    annual = result.indikator[result.indikator["tahun"] == 2024].set_index("kode_indikator")["capaian"]
    both = fourth.dropna().index
    assert len(both) == point["realisasi"].notna().sum()
    np.testing.assert_allclose(fourth[both].to_numpy(), annual[both].to_numpy(), rtol=1e-9)
    second = kinerja.score_quarter(loaded, 2)
    assert second.pemda["jumlah_indikator"].iloc[0] == len(point)
    assert 95 <= second.pemda["capaian"].iloc[0] <= 105 and second.pemda["jumlah_tertinggal"].iloc[0] >= 1


def test_every_opd_has_a_renstra_consistent_with_its_pk_targets(loaded):
    plan = loaded.renstra
    year = loaded.tidy[loaded.tidy["tahun"] == 2024]
    assert set(plan["kode_opd"]) == set(year["kode_opd"])
    assert set(plan["periode"]) == {"2021–2026", "2024–2026"}  # Bapenda: created in 2024
    assert set(plan.loc[plan["kode_opd"] == "5.02.02", "periode"]) == {"2024–2026"}
    assert (plan["target_akhir"] == plan["target_2026"]).all()
    path = kinerja.plan_path(loaded).merge(loaded.tidy, on=["kode_indikator", "tahun"])
    pk = path[path["target"].notna()]
    assert len(pk) > 350 and (pk["target_renstra"] == pk["target"]).all()  # the plan's year = the PK's
    progress = kinerja.plan_progress(loaded)
    assert progress["capaian_akhir_periode"].notna().sum() > 390
    assert len(kinerja.plan_targets(loaded, 2025)) == len(plan)
