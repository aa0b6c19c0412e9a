"""The quarterly monitoring pages and the Renstra on the site and in the PDF, from real runs.

The project is the publishing fixture (tests/fixtures/publish: three OPD, 2023–2024) plus a
``triwulan`` table and a ``renstra`` table, built with ``kinerja build --triwulan 2`` (papermill
kernels, the pandoc engine, typst), and with the Quarto engine where it is installed.

Hand-worked, every indicator ``sifat`` = akhir (the default: the quarter's own values):

=========  ===========================  ==================  ===================
indikator  triwulan I                   triwulan II         polaritas
=========  ===========================  ==================  ===================
U1.1       95 / 100 → 95 %              80 / 100 → 80 %     positif (Dinas Uji Satu)
U1.2       (2 − 10/10) × 100 → 100 %    (2 − 9/10) → 110 %  negatif (Dinas Uji Satu)
U2.1       72 / 80 → 90 %               76 / 80 → 95 %      positif (the <script> OPD)
U3.1       no quarters: not computable  idem                stabil (Badan Uji Tiga)
=========  ===========================  ==================  ===================

s.d. triwulan II: Dinas Uji Satu (80 + 110) / 2 = 95 %; <script> OPD 95 %; pemda (95 + 95) / 2 =
95,00 %; behind (below 91 %): U1.1 only. s.d. triwulan I: (95 + 100) / 2 = 97,5 and 90 → pemda
93,75 %; change +1,25 poin; behind: U2.1.

Renstra 2022–2026 of Dinas Uji Satu, target akhir periode: U1.1 120 (positif) → 110 / 120 =
91,67 %; U1.2 8 (negatif) → (2 − 9/8) × 100 = 87,50 %.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from publish_fixture import QUARTO, QUARTO_SKIP, SCRIPT_NAME, make_project

from kinerja import pages, run
from kinerja.publish import site

TRIWULAN = """tahun,kode_opd,kode_indikator,triwulan,target,realisasi
2024,1.01,U1.1,1,100,95
2024,1.01,U1.1,2,100,80
2024,1.01,U1.2,1,10,10
2024,1.01,U1.2,2,10,9
2024,1.02,U2.1,1,80,72
2024,1.02,U2.1,2,80,76
"""
RENSTRA = """kode_opd,kode_indikator,periode,Target 2022,Target 2023,Target 2024,Target 2025,Target 2026,Target Akhir Periode
1.01,U1.1,2022–2026,90,95,100,105,120,120
1.01,U1.2,2022–2026,12,11,10,9,8,8
"""


def quarterly_project(dest: Path) -> Path:
    project = make_project(dest)
    (project / "data" / "triwulan.csv").write_text(TRIWULAN, encoding="utf-8")
    (project / "data" / "renstra.csv").write_text(RENSTRA, encoding="utf-8")
    params = project / "params" / "2024.yml"
    params.write_text(params.read_text(encoding="utf-8").replace(
        "  - data/kinerja.csv\n", "  - data/kinerja.csv\n  - data/triwulan.csv\n  - data/renstra.csv\n"), encoding="utf-8")
    return project


def kinerja(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kinerja", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PATH": os.path.dirname(sys.executable)})


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = quarterly_project(tmp_path_factory.mktemp("triwulan") / "proyek")
    done = kinerja("build", "--triwulan", "2", "--engine", "pandoc", "-j", "2", cwd=project)
    assert done.returncode == 0, done.stderr
    return project


def plain(path: Path) -> str:
    """The visible text of a page (tags removed, spaces collapsed)."""
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", path.read_text(encoding="utf-8"), flags=re.DOTALL)
    text = re.sub(r"<[^>]+>", " ", markup)
    return " ".join(text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").split())


# --- the pages as data (no kernel) -------------------------------------------------------------


def test_quarterly_page_has_the_hand_worked_figures(tmp_path):
    analysis = pages.analyse(2024, proyek=quarterly_project(tmp_path / "proyek"))
    page = pages.triwulan(analysis, 2)
    assert page.judul == "Pemantauan triwulan II 2024: Pemerintah Daerah Uji (CONTOH SINTETIS)"
    assert page.row["capaian"] == pytest.approx(95.0) and page.row["jumlah_tertinggal"] == 1
    assert page.tables["tertinggal"]["kode_indikator"].tolist() == ["U1.1"]
    assert page.tables["triwulan"]["capaian"].tolist() == pytest.approx([93.75, 95.0])
    assert page.tables["triwulan"]["jumlah_tertinggal"].tolist() == [1, 1]
    assert page.utama.startswith("Capaian kinerja Pemerintah Daerah Uji (CONTOH SINTETIS) s.d. triwulan II 2024: "
                                 "95,00 % (predikat Sangat Tinggi). 1 dari 3 indikator yang dapat dihitung tertinggal "
                                 "(capaian s.d. triwulan II di bawah 91 %).")
    assert page.perubahan == "Dibanding s.d. triwulan I (93,75 %): +1,25 poin."
    opd = pages.triwulan(analysis, 2, "1.01")
    assert opd.row["nama_opd"] == "Dinas Uji Satu" and opd.row["capaian"] == pytest.approx(95.0)
    status = opd.tables["indikator"].set_index("kode_indikator")
    assert status.loc["U1.1", "status"] == "tertinggal" and status.loc["U1.2", "status"] == "sesuai"
    none = pages.triwulan(analysis, 2, "1.03").tables["indikator"]
    assert none["catatan"].tolist() == ["tidak dapat dihitung: tidak ada data triwulan untuk indikator ini"]
    assert pages.triwulan(analysis, 1).perubahan == ""  # no quarter before the first


def test_sample_data_by_quarter():
    """The sample data 2024 (figures verified by hand when the sample was made): s.d. triwulan
    I–IV 100,87 / 101,22 / 100,22 / 100,98 %, 11 indicators behind s.d. triwulan II."""
    analysis = pages.analyse(2024, proyek=Path(__file__).resolve().parents[1])
    page = pages.triwulan(analysis, 4)
    assert [f"{v:.2f}" for v in page.tables["triwulan"]["capaian"]] == ["100.87", "101.22", "100.22", "100.98"]
    assert page.tables["triwulan"]["jumlah_tertinggal"].iloc[1] == 11


def test_opd_page_has_capaian_against_the_end_target(tmp_path):
    analysis = pages.analyse(2024, proyek=quarterly_project(tmp_path / "proyek"))
    plan = pages.opd(analysis, "1.01").tables["renstra"].set_index("kode_indikator")
    assert plan["capaian_akhir_periode"].to_dict() == pytest.approx({"U1.1": 91.666667, "U1.2": 87.5})
    assert plan.loc["U1.1", "target_renstra"] == 100 and plan.loc["U1.1", "target_akhir"] == 120
    path = pages.opd(analysis, "1.01").tables["renstra_jalur"]
    u11 = path[path["kode_indikator"] == "U1.1"]
    assert u11["tahun"].tolist() == [2022, 2023, 2024, 2025, 2026]
    assert u11["target_renstra"].tolist() == [90, 95, 100, 105, 120]
    assert u11["realisasi"].tolist()[1:3] == [100, 110] and pd.isna(u11["realisasi"].tolist()[3])
    assert pages.opd(analysis, "1.02").tables["renstra"].empty  # not in the plan


def test_a_year_without_quarters_is_a_year_error(tmp_path):
    project = make_project(tmp_path / "proyek")
    jobs, errors = run.plan([2024], root=project, triwulan=2)
    assert len(errors) == 1 and "tidak mempunyai baris triwulan" in errors[0]
    assert {job.nama for job in jobs} == {"ringkasan", "tren", "opd"}


def test_year_menu_lists_each_monitored_quarter(tmp_path):
    config = site.load_config(Path(__file__).resolve().parents[1])
    for n in (3, 1):
        (tmp_path / "2024" / f"triwulan-{n}").mkdir(parents=True)
        (tmp_path / "2024" / f"triwulan-{n}" / "index.ipynb").write_text("{}", encoding="utf-8")
    expanded = site.expand(config, [2024, 2023], tmp_path, {})
    menus = {item["text"]: item["menu"] for item in expanded["website"]["navbar"]["left"] if "menu" in item}
    assert menus["2024"][-2:] == [{"text": "Pemantauan triwulan I 2024", "href": "2024/triwulan-1/index.ipynb"},
                                  {"text": "Pemantauan triwulan III 2024", "href": "2024/triwulan-3/index.ipynb"}]
    assert not any("triwulan" in item["href"] for item in menus["2023"])
    assert "2024/triwulan-1/index.ipynb" in expanded["project"]["render"]


# --- the published site and PDF (kinerja build --triwulan 2, pandoc engine) --------------------


def test_build_writes_the_quarterly_pages(built):
    folder = built / "_build" / "2024" / "triwulan-2"
    assert (folder / "index.ipynb").is_file() and (folder / "index.halaman.json").is_file()
    assert sorted(p.name for p in (folder / "opd").glob("*.ipynb")) == ["1.01.ipynb", "1.02.ipynb", "1.03.ipynb"]


def test_a_second_run_skips_the_unchanged_quarterly_pages(built):
    again = run.run([2024], jobs=1, root=built, progress=False, triwulan=2)
    assert again.ok and again.count("dijalankan") == 0
    assert sum(o.label.startswith("2024/triwulan") for o in again.outcomes) == 4  # the pemda and three OPD
    plain_run = run.run([2024], jobs=1, root=built, progress=False)  # without --triwulan: the pages stay
    assert plain_run.ok and plain_run.count("dijalankan") == 0
    assert (built / "_build" / "2024" / "triwulan-2" / "opd" / "1.01.ipynb").is_file()


def test_pemda_quarterly_page(built):
    text = plain(built / "_site" / "2024" / "triwulan-2" / "index.html")
    assert "s.d. triwulan II 2024: 95,00 % (predikat Sangat Tinggi). 1 dari 3 indikator yang dapat dihitung" in text
    assert "Dibanding s.d. triwulan I (93,75 %): +1,25 poin." in text
    assert "Indikator tertinggal s.d. triwulan II 2024 (capaian di bawah 91 %)" in text
    assert "Dinas Uji Satu Cakupan layanan % posisi akhir 100 80 80,00 %" in text
    assert "Indeks keamanan" not in text.split("Capaian dari triwulan")[0].split("Indikator tertinggal s.d.")[1]
    markup = (built / "_site" / "2024" / "triwulan-2" / "index.html").read_text(encoding="utf-8")
    assert 'href="opd/index.html"' in markup and "s.d. setiap triwulan" in markup  # the chart's alt text
    assert "<script>alert(1)</script>" not in markup  # the OPD's name, escaped
    listing = plain(built / "_site" / "2024" / "triwulan-2" / "opd" / "index.html")
    assert "Dinas Uji Satu Capaian s.d. triwulan II 95,00 % · 1 indikator tertinggal" in listing


def test_opd_quarterly_page_and_the_year_menu(built):
    text = plain(built / "_site" / "2024" / "triwulan-2" / "opd" / "1.01.html")
    assert "Capaian kinerja Dinas Uji Satu s.d. triwulan II 2024: 95,00 %" in text
    assert "Cakupan layanan % posisi akhir 100 80 80,00 % tertinggal" in text
    overview = (built / "_site" / "2024" / "index.html").read_text(encoding="utf-8")
    assert '<a href="triwulan-2/index.html">Pemantauan triwulan II 2024</a>' in overview


def test_opd_page_and_pdf_show_the_renstra(built):
    text = plain(built / "_site" / "2024" / "opd" / "1.01.html")
    assert "Capaian thd. target akhir Renstra" in text
    assert "Cakupan layanan % 2022–2026 110 100 120 (2026) 91,67 %" in text
    assert "Jumlah keluhan kasus 2022–2026 9 10 8 (2026) 87,50 %" in text
    markup = (built / "_site" / "2024" / "opd" / "1.01.html").read_text(encoding="utf-8")
    assert "garis target tahunan Renstra (2022–2026)" in markup  # the chart's alt text
    assert "Cakupan layanan: realisasi 2024 110, target akhir 120 (2026)" in markup
    assert "tidak tercantum" not in text
    assert "Data tidak mempunyai lembar renstra untuk indikator OPD ini" in plain(built / "_site" / "2024" / "opd" / "1.02.html")
    pdf = subprocess.run(["pdftotext", str(built / "_site" / "2024" / "laporan.pdf"), "-"], capture_output=True,
                         text=True, check=True).stdout
    flat = " ".join(pdf.split())
    assert "91,67 %" in flat and "87,50 %" in flat
    layout = subprocess.run(["pdftotext", "-layout", str(built / "_site" / "2024" / "laporan.pdf"), "-"],
                            capture_output=True, text=True, check=True).stdout
    assert re.search(r"Cakupan layanan\s+%\s+100\s+110\s+110,00 %\s+Sangat Tinggi\s+91,67 %", layout)
    assert re.search(r"Indeks keamanan\s+indeks\s+80\s+60\s+75,00 %\s+Sedang\s*\n", layout)  # no plan: no column


@pytest.mark.skipif(QUARTO is None, reason=QUARTO_SKIP)
def test_quarto_engine_shows_the_same_quarterly_pages(built):
    from test_engines import content

    from kinerja.publish import publish

    assert publish(built, engine="quarto", out="_site-quarto").mesin == "quarto"
    for name in ("2024/triwulan-2/index.html", "2024/triwulan-2/opd/1.01.html", "2024/triwulan-2/opd/1.02.html",
                 "2024/triwulan-2/opd/index.html", "2024/opd/1.01.html"):
        left, right = content(built / "_site" / name), content(built / "_site-quarto" / name)
        assert right["strong"] == left["strong"], name
        assert [t["caption"] for t in right["tables"]] == [t["caption"] for t in left["tables"]], name
        for a, b in zip(left["tables"], right["tables"]):
            assert sorted(b["rows"]) == sorted(a["rows"]), f"{name}: {a['caption']}"
    behind = content(built / "_site-quarto" / "2024/triwulan-2/index.html")["tables"][0]["rows"]
    assert behind[1][:1] == ["Dinas Uji Satu"] and behind[1][-1] == "80,00 %"
    assert SCRIPT_NAME in str(content(built / "_site-quarto" / "2024/triwulan-2/index.html")["tables"])
    menu = (built / "_site-quarto" / "2024" / "index.html").read_text(encoding="utf-8")
    assert "triwulan-2/index.html" in menu and "Pemantauan triwulan II 2024" in menu


def test_pages_never_show_the_analysts_folders(built):
    """Source files are named as the params file names them (``data/...``), wherever the project sits
    and from whichever working folder it runs: the reviu and jejak sections show file and row, and
    must not publish the analyst's own folders (a run given the project as an absolute path)."""
    assert built.is_absolute()
    done = run.run([2024], jobs=1, root=built, progress=False, force=True)
    assert done.ok
    leaked = [p.relative_to(built).as_posix() for p in (built / "_build").rglob("*")
              if p.suffix in {".json", ".csv", ".ipynb"} and str(built) in p.read_text(encoding="utf-8")]
    assert leaked == []
    assert "data/" in (built / "_build" / "2024" / "opd" / "1.01" / "jejak.csv").read_text(encoding="utf-8")
