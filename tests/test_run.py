"""``kinerja run``: real Papermill executions of the shipped notebooks on the fixture project
(3 OPDs with codes 007, 008, 009; 2023–2024; hand-worked values in tests/test_pages.py)."""

from __future__ import annotations

import base64
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from kinerja.support import pesan

from kinerja import pages, run
from kinerja.run import planning

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "proyek"
KINERJA = [sys.executable, "-m", "kinerja"]


def make_project(folder: Path) -> Path:
    """A project folder: the fixture's params and data, and the notebooks as shipped."""
    project = folder / "proyek"
    shutil.copytree(FIXTURE, project)
    shutil.copytree(ROOT / "notebooks", project / "notebooks")
    return project


def kinerja_run(project: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*KINERJA, "run", *args], cwd=project, capture_output=True, text=True, timeout=900,
                          env=env or os.environ.copy(), check=False)


def outputs(path: Path) -> list[dict]:
    return [output for cell in nbformat.read(path, as_version=4).cells for output in cell.get("outputs", [])]


def executed(summary: run.Summary) -> list[str]:
    return sorted(o.label for o in summary.outcomes if o.status == "dijalankan")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Both years, two workers, with ``MPLBACKEND=Agg`` exported as on a headless server."""
    project = make_project(tmp_path_factory.mktemp("built"))
    result = kinerja_run(project, "--tahun", "2023", "--tahun", "2024", "--jobs", "2",
                         env={**os.environ, "MPLBACKEND": "Agg"})
    return project, result


def test_full_run_succeeds_with_every_output(built):
    project, result = built
    assert result.returncode == 0, result.stderr
    assert "10 notebook; 10 dijalankan, 0 dilewati (tidak berubah), 0 gagal" in result.stdout
    for year in (2023, 2024):
        folder = project / "_build" / str(year)
        for stem in ["ringkasan", "tren", "opd/007", "opd/008", "opd/009"]:
            for suffix in (".ipynb", ".xlsx", ".stamp.json", ".halaman.json"):
                assert (folder / f"{stem}{suffix}").is_file(), f"{year}/{stem}{suffix}"
        assert sorted(p.name for p in (folder / "opd" / "007").iterdir()) == [
            "anggaran.csv", "capaian_tahunan.csv", "indikator.csv", "jejak.csv", "opd.csv", "perubahan_indikator.csv",
            "reviu.csv", "riwayat.csv", "riwayat.png", "sasaran.csv", "target_vs_realisasi.png",
        ]  # no budget data in the fixture: no capaian_vs_serapan
    leftovers = [p for p in (project / "_build").rglob("*") if p.name.startswith(run.TEMP_PREFIX)]
    assert leftovers == []


def test_parameters_are_injected_as_given(built):
    project, _ = built
    notebook = nbformat.read(project / "_build/2024/opd/007.ipynb", as_version=4)
    injected = [c for c in notebook.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1
    assert 'kode_opd = "007"' in injected[0].source and "tahun = 2024" in injected[0].source  # 007 stays text
    assert notebook.metadata.papermill.parameters == {"tahun": 2024, "proyek": ".", "ubah": [], "kode_opd": "007"}
    assert notebook.cells[0].cell_type == "raw"
    assert "title: Capaian kinerja Dinas Kesehatan tahun 2024" in notebook.cells[0].source
    counts = [c.execution_count for c in notebook.cells if c.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1))  # as in a fresh kernel


def test_outputs_have_tables_figures_and_the_hand_worked_numbers(built):
    project, _ = built
    found = outputs(project / "_build/2024/ringkasan.ipynb")
    images = [o for o in found if "image/png" in o.get("data", {})]
    assert len(images) == 2  # ranking and distribution, even with MPLBACKEND=Agg exported
    for image in images:
        assert image.metadata["image/png"]["alt"] and image.data["text/plain"] == image.metadata["image/png"]["alt"]
    html = "".join(o.data["text/html"] for o in found if "text/html" in o.get("data", {}))
    assert html.count('<table class="kinerja-tabel">') == 7  # with the pemda figure's jejak
    assert "101,67 % (predikat Sangat Tinggi).</strong>" in html and "+10,00 poin, atau +10,909 %" in html  # headline
    assert not any("text/markdown" in o.get("data", {}) for o in found)  # sentences with data are HTML, never Markdown
    opd = outputs(project / "_build/2024/opd/008.ipynb")
    opd_html = "".join(o.data["text/html"] for o in opd if "text/html" in o.get("data", {}))
    assert "Persentase sekolah terakreditasi" in opd_html and "Rata-rata capaian sasaran" in opd_html
    assert sum("image/png" in o.get("data", {}) for o in opd) == 2
    assert any(pesan.ANGGARAN_TIDAK_TERSEDIA in o.data.get("text/markdown", "") for o in opd if "data" in o)
    assert sum("image/png" in o.get("data", {}) for o in outputs(project / "_build/2024/tren.ipynb")) == 2


def test_figures_are_page_data(built):
    """The page lists the captions of its figures, in the notebook's order, and kinerja run files
    the PNG the notebook shows for each as <page>/<nama>.png (listed in the stamp)."""
    project, _ = built
    folder = project / "_build/2024"
    page = pages.Page.read(folder / "ringkasan.halaman.json")
    assert [c.nama for c in page.figures] == ["peringkat", "sebaran"]
    peringkat = page.figure("peringkat")
    assert peringkat.judul == "Peringkat capaian kinerja OPD tahun 2024"
    assert "Dinas Kesehatan 115,00 %, Dinas Sosial 100,00 %, Dinas Pendidikan 90,00 %" in peringkat.alt
    shown = {o.metadata["kinerja"]["gambar"]: base64.b64decode(o.data["image/png"])
             for o in outputs(folder / "ringkasan.ipynb") if "image/png" in o.get("data", {})}
    assert list(shown) == ["peringkat", "sebaran"]
    for caption in page.figures:
        picture = pages.Page.figure_path(folder / "ringkasan.halaman.json", caption.nama)
        assert picture == folder / "ringkasan" / f"{caption.nama}.png"
        assert picture.read_bytes() == shown[caption.nama] and picture.read_bytes().startswith(b"\x89PNG")
    stamp = json.loads((folder / "ringkasan.stamp.json").read_text(encoding="utf-8"))
    assert {"ringkasan/peringkat.png", "ringkasan/sebaran.png"} <= set(stamp["berkas"])
    opd = pages.Page.read(folder / "opd/007.halaman.json")
    assert [c.nama for c in opd.figures] == ["target_vs_realisasi", "riwayat"]
    assert "Waktu" not in opd.figure("target_vs_realisasi").alt  # 007's own indicators, not 009's
    tren = pages.Page.read(folder / "tren.halaman.json")
    assert [c.nama for c in tren.figures] == ["pemda_tren", "opd_tren"]
    assert "2023: 91,67 %; 2024: 101,67 %" in tren.figure("pemda_tren").alt


def test_outputs_are_publishable(built):
    project, _ = built
    for path in (project / "_build").rglob("*.ipynb"):
        text = path.read_text(encoding="utf-8")
        assert str(project) not in text and "/tmp/" not in text and str(ROOT) not in text, path
        for output in outputs(path):
            assert output.output_type in ("display_data", "execute_result"), (path, output)  # no stream, no error
        notebook = nbformat.read(path, as_version=4)
        assert all("papermill" not in c.metadata and "execution" not in c.metadata for c in notebook.cells)
        assert notebook.metadata.papermill.input_path.startswith("notebooks/")


def test_extracts_hold_the_data_unrounded(built):
    project, _ = built
    indikator = pd.read_csv(project / "_build/2024/opd/007/indikator.csv", dtype={"kode_opd": str})
    assert indikator["capaian"].tolist() == [110 / 100 * 100.0, (2.0 - 8 / 10) * 100.0]  # as computed, not rounded
    sheets = pd.read_excel(project / "_build/2024/ringkasan.xlsx", sheet_name=None)
    assert list(sheets) == ["pemda", "opd", "predikat", "tidak_terhitung", "reviu", "reviu_kode", "reviu_opd", "jejak",
                            "metode"]
    assert sheets["pemda"]["capaian"].iloc[0] == pytest.approx(305 / 3)


def test_jobs_1_gives_the_same_outputs_as_jobs_2(built, monkeypatch):
    project, _ = built
    monkeypatch.chdir(project)
    summary = run.run([2023, 2024], jobs=1, build="_build1", progress=False)
    assert summary.ok and summary.count("dijalankan") == 10
    for path in (project / "_build").rglob("*.ipynb"):
        other = project / "_build1" / path.relative_to(project / "_build")
        one, two = nbformat.read(path, as_version=4), nbformat.read(other, as_version=4)
        assert [(c.source, c.get("outputs")) for c in one.cells] == [(c.source, c.get("outputs")) for c in two.cells]


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A fresh project, working folder set to it; the package hash pinned, so that edits to the
    package made by others while the tests run do not count as a change (it has its own test)."""
    folder = make_project(tmp_path)
    monkeypatch.chdir(folder)
    monkeypatch.setattr(planning, "package_hash", lambda: "paket-tetap")
    return folder


def test_incremental_runs_execute_only_what_changed(project):
    assert len(executed(run.run([2024], jobs=2, progress=False))) == 5
    again = run.run([2024], jobs=2, progress=False)
    assert executed(again) == [] and again.count("dilewati") == 5

    data = project / "data" / "kinerja-2024.csv"
    data.write_text(data.read_text(encoding="utf-8").replace(",hari,", ",hari kerja,"), encoding="utf-8")
    # the unit shows on its page, and the overview lists the reviu flag "satuan berubah" it raises
    assert executed(run.run([2024], jobs=2, progress=False)) == ["2024/opd/009", "2024/ringkasan"]

    data.write_text(data.read_text(encoding="utf-8").replace(",70,90,80,", ",70,90,95,"), encoding="utf-8")
    assert executed(run.run([2024], jobs=2, progress=False)) == ["2024/opd/009", "2024/ringkasan", "2024/tren"]

    notebook = project / "notebooks" / "opd.ipynb"
    notebook.write_text(notebook.read_text(encoding="utf-8").replace("## Metode", "## Metode perhitungan"), encoding="utf-8")
    assert executed(run.run([2024], jobs=2, progress=False)) == ["2024/opd/007", "2024/opd/008", "2024/opd/009"]

    assert len(executed(run.run([2024], jobs=2, force=True, progress=False))) == 5


def test_package_hash_follows_the_package():
    assert run.package_hash() == run.package_hash() and len(run.package_hash()) == 64


def test_a_broken_opd_fails_alone_among_the_opds(tmp_path):
    project = make_project(tmp_path)
    data = project / "data" / "kinerja-2024.csv"
    data.write_text(data.read_text(encoding="utf-8").replace(",50,,,45,", ",lima puluh,,,45,"), encoding="utf-8")
    result = kinerja_run(project, "--tahun", "2024", "--jobs", "2")
    assert result.returncode == 1
    assert "5 notebook; 2 dijalankan, 0 dilewati (tidak berubah), 3 gagal" in result.stdout
    failed = [line for line in result.stderr.splitlines() if line.startswith("GAGAL")]
    assert [line.split(":")[0] for line in failed] == ["GAGAL 2024/ringkasan", "GAGAL 2024/tren", "GAGAL 2024/opd/008"]
    assert all("sel 3: PageDataError" in line for line in failed)  # the cell after the parameters
    assert "data/kinerja-2024.csv, baris 4, kolom target" in result.stderr
    build = project / "_build" / "2024"
    assert (build / "opd" / "007.ipynb").is_file() and (build / "opd" / "009.ipynb").is_file()
    assert not (build / "opd" / "008.ipynb").exists() and not (build / "opd" / "008.stamp.json").exists()
    kept = outputs(build / "opd" / "008.gagal.ipynb")
    assert any(o.output_type == "error" and o.ename == "PageDataError" for o in kept)


def test_overrides_are_checked_and_change_the_plan(project):
    result = kinerja_run(project, "--tahun", "2024", "-p", "aturan.batas_ats=100")
    assert result.returncode == 1 and "Mungkin maksudnya 'batas_atas'" in result.stderr
    assert "-p aturan.batas_ats=100" in result.stderr and not (project / "_build").exists()
    result = kinerja_run(project, "--tahun", "2024", "-p", "aturan.batas_atas=seratus")
    assert result.returncode == 1 and "harus berupa angka" in result.stderr
    plain, _ = run.plan([2024])
    capped, _ = run.plan([2024], ["aturan.batas_atas=100"])
    assert all(a.kunci != b.kunci for a, b in zip(plain, capped))
    only, _ = run.plan([2024], ["opd=007"])
    assert [job.label for job in only] == ["2024/ringkasan", "2024/tren", "2024/opd/007"]


def test_a_run_interrupted_midway_is_completed_by_the_next(tmp_path, monkeypatch):
    project = make_project(tmp_path)
    monkeypatch.chdir(project)
    process = subprocess.Popen([*KINERJA, "run", "--tahun", "2024", "--jobs", "1"], cwd=project, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(3000):  # until the first notebook is committed (at most ~10 minutes)
            if list((project / "_build").rglob("*.stamp.json")) or process.poll() is not None:
                break
            time.sleep(0.2)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    build = project / "_build" / "2024"
    for stamp in build.rglob("*.stamp.json"):  # what a later run would take as done is complete
        stem = stamp.name.removesuffix(run.STAMP_SUFFIX)
        nbformat.read(stamp.with_name(f"{stem}.ipynb"), as_version=4)
        assert stamp.with_name(f"{stem}.xlsx").is_file() and stamp.with_name(stem).is_dir()
    summary = run.run([2024], jobs=1, progress=False)
    assert summary.ok and summary.count("dijalankan") + summary.count("dilewati") == 5
    assert [p for p in build.rglob("*") if p.name.startswith(run.TEMP_PREFIX)] == []
    assert len(list(build.rglob("*.stamp.json"))) == 5


def test_a_notebook_that_kills_its_kernel_fails_and_the_next_gets_a_new_kernel(project):
    notebook = nbformat.read(project / "notebooks" / "opd.ipynb", as_version=4)
    notebook.cells.insert(3, nbformat.v4.new_code_cell('if kode_opd == "007":\n    import os\n    os._exit(1)'))
    nbformat.write(notebook, project / "notebooks" / "opd.ipynb")
    summary = run.run([2024], jobs=1, progress=False)
    failed = {o.label: o for o in summary.failed}
    assert list(failed) == ["2024/opd/007"] and "DeadKernelError" in failed["2024/opd/007"].galat
    assert executed(summary) == ["2024/opd/008", "2024/opd/009", "2024/ringkasan", "2024/tren"]


def test_run_usage(project):
    result = kinerja_run(project, "--tahun", "2024", "--jobs", "0")
    assert result.returncode == 2 and "--jobs harus bilangan bulat 1 atau lebih" in result.stderr
    help_text = kinerja_run(project, "--help").stdout
    assert "--tahun" in help_text and "params/<tahun>.yml" in help_text


def test_params_hash_is_made_from_the_settings_not_the_folder(tmp_path):
    from kinerja.inputs.params import load_params

    text = "pemda:\n  nama: Kabupaten Contoh\ntahun: 2024\ndata:\n  - data/kinerja.csv\n"
    for name in ("a", "b"):
        (tmp_path / name / "params").mkdir(parents=True)
        (tmp_path / name / "params" / "2024.yml").write_text(text, encoding="utf-8")
    one = load_params(tmp_path / "a" / "params" / "2024.yml")
    two = load_params(tmp_path / "b" / "params" / "2024.yml")
    assert planning.params_hash(one) == planning.params_hash(two)
    data = planning.params_data(one)
    assert data["data"] == ["data/kinerja.csv"] and data["pemda_nama"] == "Kabupaten Contoh" and "sumber" not in data
    capped = load_params(tmp_path / "a" / "params" / "2024.yml", ["aturan.batas_atas=120"])
    assert planning.params_data(capped)["rules"]["batas_atas"] == 120
    assert planning.params_hash(capped) != planning.params_hash(one)


def test_a_warm_kernel_starts_every_notebook_as_a_fresh_kernel(tmp_path):
    from kinerja.run import kernel

    def notebook(*sources):
        return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in sources],
                                        metadata={"kernelspec": {"name": "python3", "language": "python",
                                                                "display_name": "Python 3"}})

    warm = kernel.WarmKernel(str(tmp_path))
    try:
        warm.ensure()
        pid = warm.pid
        asked = []
        kernel_info = warm.client.kernel_info
        warm.client.kernel_info = lambda: asked.append(1) or kernel_info()
        first = warm.execute(notebook("import os\nx = 1", "os.chdir('/')\nx + 1", "print(len(Out), len(In))"))
        assert first.cells[1].outputs[0]["data"]["text/plain"] == "2"
        second = warm.execute(notebook("print(sorted(n for n in ('x', 'os') if n in dir()), len(Out), len(In))",
                                       "import os\nprint(os.getcwd())", "_"))
        assert warm.pid == pid  # the same kernel
        assert [c.execution_count for c in second.cells] == [1, 2, 3]  # counted from 1 again
        assert second.cells[0].outputs[0]["text"] == "[] 0 2\n"  # x and os gone; Out empty; In: "", this cell
        assert second.cells[1].outputs[0]["text"] == f"{tmp_path}\n"  # back in the project folder
        assert second.cells[2].outputs[0]["data"]["text/plain"] == "''"  # the last result is forgotten
        for done in (first, second):  # the kernel's language, asked once per kernel
            assert done.metadata["language_info"]["name"] == "python"
            assert done.metadata["language_info"]["version"] == ".".join(map(str, sys.version_info[:3]))
        assert len(asked) == 1
        second.metadata["language_info"]["name"] = "changed"  # each notebook has its own copy
        assert warm.execute(notebook("1")).metadata["language_info"]["name"] == "python"
    finally:
        warm.stop()
    assert warm.pid is None


def test_opd_pages_go_to_the_workers_heaviest_first():
    from types import SimpleNamespace

    table = pd.DataFrame({
        "tahun": [2024, 2024, 2024, 2024, 2024, 2023, 2023, 2023, 2024, 2024, 2025],
        "kode_opd": ["A", "A", "B", "B", "B", "C", "C", "C", "C", "C", "D"],
    })
    analysis = SimpleNamespace(table=table, tahun=2024)
    # B: 3 indicators this year; A and C: 2 each, C has 5 rows up to 2024 against A's 2; D: none by 2024
    assert planning.heaviest_first(analysis, ["A", "B", "C", "D"]) == ["B", "C", "A", "D"]
    assert planning.heaviest_first(analysis, ["D", "A"]) == ["A", "D"]


def test_the_plan_lists_jobs_in_build_order_and_hands_them_on_heaviest_first(tmp_path):
    """The two heaviest OPD pages, then the pemda pages (slower to build), then the other OPD pages."""
    project = make_project(tmp_path)
    with (project / "data" / "kinerja-2024.csv").open("a", encoding="utf-8") as data:  # 009: 3 indicators, 007 and 008: 2
        for number in (2, 3):
            data.write(f"2024,009,Dinas Sosial,Meningkatnya perlindungan sosial,DS.{number},Layanan {number},hari,"
                       "positif,10,,,9,CONTOH SINTETIS\n")
    handed = []
    jobs, errors = run.plan([2024], root=project, on_job=lambda job: handed.append(job.label))
    assert not errors
    assert [job.label for job in jobs] == ["2024/ringkasan", "2024/tren", "2024/opd/007", "2024/opd/008", "2024/opd/009"]
    assert handed == ["2024/opd/009", "2024/opd/007", "2024/ringkasan", "2024/tren", "2024/opd/008"]
