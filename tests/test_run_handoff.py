"""``kinerja run`` hands each year's analysis to its kernels (``kinerja.pages.share`` /
``kinerja.pages.adopt``) and hands each page to a worker as soon as it is planned: the kernels
take the run's analysis only when it was made from the same params and data, and a params error
found while planning still stops the run before anything is written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kinerja import pages, run
from kinerja.inputs.params import ParamsError

from test_run import make_project

# In a new process, as a kernel would: adopt the shared analysis, then analyse with the data
# reader replaced by one that fails, so a result proves nothing was read; print the OPD scores.
ADOPT = """
import json, sys
from kinerja import pages
import kinerja.pages.analysis as analysis
taken = pages.adopt(sys.argv[1], 2024, proyek=".", wait=float(sys.argv[2]))
if taken:
    def unread(*args, **kwargs):
        raise AssertionError("the data was read again")
    analysis.check = unread
    result = pages.analyse(2024, proyek=".").result.opd
    print(json.dumps({"taken": True, "capaian": dict(zip(result["kode_opd"], result["capaian"].round(6)))}))
else:
    print(json.dumps({"taken": False}))
"""


def in_project(tmp_path: Path, monkeypatch) -> tuple[Path, Path]:
    """The fixture project as the working folder, and an empty folder to hand analyses on in."""
    project = make_project(tmp_path)
    monkeypatch.chdir(project)
    shared = tmp_path / "bersama"
    shared.mkdir()
    return project, shared


def adopt_in_new_process(project: Path, folder: Path, wait: float = 60) -> dict:
    done = subprocess.run([sys.executable, "-c", ADOPT, str(folder), str(wait)], cwd=project, capture_output=True,
                          text=True, timeout=300, check=True)
    return json.loads(done.stdout)


def test_a_kernel_takes_the_runs_analysis_without_reading_the_data(tmp_path, monkeypatch):
    project, shared = in_project(tmp_path, monkeypatch)
    made = pages.analyse(2024, proyek=".")
    assert pages.share(shared, 2024, proyek=".")
    found = adopt_in_new_process(project, shared)
    # the fixture's OPD capaian of 2024 (tests/test_pages.py works them by hand): taken as made here
    assert found["taken"]
    assert found["capaian"] == {code: round(value, 6) for code, value in zip(made.result.opd["kode_opd"],
                                                                            made.result.opd["capaian"])}
    assert sorted(found["capaian"]) == ["007", "008", "009"]


def test_a_kernel_does_not_take_an_analysis_of_other_data(tmp_path, monkeypatch):
    project, shared = in_project(tmp_path, monkeypatch)
    pages.analyse(2024, proyek=".")
    assert pages.share(shared, 2024, proyek=".")
    data = project / "data" / "kinerja-2024.csv"
    data.write_text(data.read_text(encoding="utf-8").replace(",hari,", ",hari kerja,"), encoding="utf-8")
    assert adopt_in_new_process(project, shared) == {"taken": False}


# In a new process, as a kernel would: adopt the shared analysis, then forbid building any page
# (every builder first checks the page's data): a page given back was built by the run.
SHOW = """
import json, sys
from kinerja import pages
taken = pages.adopt(sys.argv[1], 2024, proyek=".", wait=60)
def unbuilt(*args, **kwargs):
    raise AssertionError("the page was built again")
pages.Analysis.require = unbuilt
analysis = pages.analyse(2024, proyek=".")
shown = {}
for code in ("007", "008"):
    try:
        page = pages.opd(analysis, code)
        shown[code] = {"judul": page.judul, "indikator": page.tables["indikator"]["kode_indikator"].tolist()}
    except AssertionError as error:
        shown[code] = str(error)
print(json.dumps({"taken": taken, "shown": shown}))
"""


def test_a_kernel_shows_the_page_the_run_built_without_building_it(tmp_path, monkeypatch):
    project, shared = in_project(tmp_path, monkeypatch)
    analysis = pages.analyse(2024, proyek=".")
    assert not pages.share_page(analysis, "opd", "007", pages.opd(analysis, "007"))  # not handed on yet
    assert pages.share(shared, 2024, proyek=".")
    page = pages.opd(analysis, "007")
    assert pages.share_page(analysis, "opd", "007", page)  # 008's page is not handed on
    done = subprocess.run([sys.executable, "-c", SHOW, str(shared)], cwd=project, capture_output=True, text=True,
                          timeout=300, check=True)
    found = json.loads(done.stdout)
    assert found["taken"]
    assert found["shown"]["008"] == "the page was built again"
    # OPD 007's page: Dinas Kesehatan, indicators DK.1 and DK.2 in 2024 (tests/test_pages.py)
    assert found["shown"]["007"] == {"judul": "Capaian kinerja Dinas Kesehatan tahun 2024",
                                     "indikator": ["DK.1", "DK.2"]}


def test_a_page_of_an_ended_run_is_not_handed_on(tmp_path, monkeypatch):
    project, shared = in_project(tmp_path, monkeypatch)
    analysis = pages.analyse(2024, proyek=".")
    assert pages.share(shared, 2024, proyek=".")
    shared.joinpath("2024.analisis.pickle").unlink()
    shared.rmdir()  # the run has ended and removed its folder
    assert not pages.share_page(analysis, "opd", "007", pages.opd(analysis, "007"))
    assert pages.shared_page(analysis, "opd", "007") is None


def test_a_year_the_run_could_not_analyse_is_marked_and_not_taken(tmp_path, monkeypatch):
    project, shared = in_project(tmp_path, monkeypatch)
    assert not pages.share(shared, 2024, proyek="elsewhere")  # no such project: nothing to hand on
    assert [p.name for p in shared.iterdir()] == ["2024.analisis.tidak-ada"]
    assert adopt_in_new_process(project, shared, wait=600) == {"taken": False}  # the marker: no waiting
    pages.release(shared, [2023])
    assert sorted(p.name for p in shared.iterdir()) == ["2023.analisis.tidak-ada", "2024.analisis.tidak-ada"]


def test_a_params_error_found_while_planning_stops_the_run_before_any_page(tmp_path, monkeypatch):
    project = make_project(tmp_path)
    monkeypatch.chdir(project)
    params = project / "params" / "2023.yml"
    params.write_text(params.read_text(encoding="utf-8").replace("tahun: 2023", "tahun: 2022"), encoding="utf-8")
    # 2024 is read and scored first, its pages could start at once; 2023's params name another year
    with pytest.raises(ParamsError, match="2022"):
        run.run([2024, 2023], jobs=2, progress=False)
    assert not (project / "_build").exists() or not list((project / "_build").rglob("*.ipynb"))
