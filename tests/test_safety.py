"""Outputs never destroy what kinerja did not make (kinerja.support.safety and every command that writes a
folder), as a careless user would try it: real commands on real project copies.

The first four tests are the cases seen in the field (``publish --out .`` deleted the project,
``publish --out data/x`` replaced a data folder, ``score opd.csv --out .`` overwrote its own input,
``run --build data/y`` deleted input files). Each asserts exit 1, a message in Bahasa Indonesia,
and every file of the project byte-identical afterwards.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from publish_fixture import published

from kinerja import run
from kinerja.run import outputs

from kinerja.support import safety
from kinerja.publish import PublishError, publish

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "contoh-kecil" / "kinerja.csv"


def kinerja(*args, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kinerja", *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=600, check=False)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file and folder below ``folder`` (dotfiles included): path → content hash ("dir" for folders)."""
    return {str(p.relative_to(folder)): "dir" if p.is_dir() else hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The publishing fixture project, run and published once (shared with the publishing tests)."""
    return published(tmp_path_factory)


@pytest.fixture
def project(built, tmp_path):
    """A copy of the fixture project with its ``_build`` (no site), and a ``.git`` as a real clone has."""
    folder = tmp_path / "proyek"
    shutil.copytree(built.project, folder, ignore=shutil.ignore_patterns("_site*"))
    (folder / ".git").mkdir()
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    return folder


def refused(done: subprocess.CompletedProcess, *words: str) -> None:
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    assert done.stderr.startswith("GALAT ") and "Traceback" not in done.stderr, done.stderr
    for word in words:
        assert word in done.stderr, done.stderr


# --- the cases seen ------------------------------------------------------------------------------


def test_publish_out_dot_refuses_and_leaves_the_project_as_it_was(project):
    before = snapshot(project)
    done = kinerja("publish", "--engine", "pandoc", "--out", ".", cwd=project)
    refused(done, "adalah folder proyek", "tidak menulis hasil langsung ke sana", "misalnya _site")
    assert snapshot(project) == before


def test_publish_out_into_a_data_folder_refuses(project):
    data = project / "data" / "x"
    data.mkdir()
    (data / "kinerja-2025.csv").write_text("tahun,kode_opd\n2025,1.01\n", encoding="utf-8")
    (data / "catatan.txt").write_text("catatan analis\n", encoding="utf-8")
    before = snapshot(project)
    done = kinerja("publish", "--engine", "pandoc", "--out", "data/x", cwd=project)
    refused(done, "Folder data/x sudah berisi berkas dan tidak dibuat oleh kinerja", ".kinerja")
    assert snapshot(project) == before


def test_score_out_dot_never_overwrites_its_input(tmp_path):
    shutil.copyfile(SAMPLE, tmp_path / "opd.csv")  # named like one of the results
    before = snapshot(tmp_path)
    done = kinerja("score", "opd.csv", "--out", ".", cwd=tmp_path)
    refused(done, "adalah folder proyek")
    assert snapshot(tmp_path) == before
    # nor into a folder that holds it, nor into a folder of kinerja's results that holds it
    (tmp_path / "hasil").mkdir()
    shutil.copyfile(SAMPLE, tmp_path / "hasil" / "opd.csv")
    before = snapshot(tmp_path)
    refused(kinerja("score", "hasil/opd.csv", "--out", "hasil", cwd=tmp_path), "memuat masukan (hasil/opd.csv)")
    assert snapshot(tmp_path) == before


def test_run_build_into_a_data_folder_refuses(project):
    folder = project / "data" / "y"
    (folder / "2024" / "opd").mkdir(parents=True)
    (folder / "kinerja-2023.csv").write_text("tahun,kode_opd\n2023,1.01\n", encoding="utf-8")
    (folder / "2024" / "opd" / "lampiran.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    before = snapshot(project)
    done = kinerja("run", "--tahun", "2024", "--build", "data/y", cwd=project)
    refused(done, "Folder data/y sudah berisi berkas dan tidak dibuat oleh kinerja", "misalnya _build")
    assert snapshot(project) == before


# --- every input is protected --------------------------------------------------------------------


@pytest.mark.parametrize(("args", "words"), [
    (("run", "--tahun", "2024", "--build", "."), ["adalah folder proyek"]),
    (("run", "--tahun", "2024", "--build", ".."), ["adalah folder proyek (atau memuatnya)"]),
    (("run", "--tahun", "2024", "--build", "data"), ["Folder data memuat masukan (data/kinerja.csv)"]),
    (("run", "--tahun", "2024", "--build", "params/hasil"), ["berada di dalam masukan params"]),
    (("run", "--tahun", "2024", "--build", "notebooks"), ["memuat masukan (notebooks)"]),
    (("run", "--tahun", "2024", "--build", ".git/x"), ["berada di dalam masukan .git"]),
    (("publish", "--engine", "pandoc", "--out", "situs"), ["memuat masukan (situs)"]),
    (("publish", "--engine", "pandoc", "--out", "_build"), ["memuat masukan (_build)"]),
    (("publish", "--engine", "pandoc", "--out", "_build/situs"), ["berada di dalam masukan _build"]),
    (("publish", "--engine", "pandoc", "--out", "_quarto.yml"), ["_quarto.yml adalah berkas, bukan folder"]),
    (("build", "--engine", "pandoc", "--out", "_build/situs"), ["berada di dalam masukan _build"]),
    (("build", "--engine", "pandoc", "--build", "data"), ["memuat masukan (data/kinerja.csv)"]),
    (("score", "data/kinerja.csv", "--out", "data"), ["memuat masukan (data/kinerja.csv)"]),
    (("score", "data", "--out", "data/hasil"), ["berada di dalam masukan data"]),
    (("score", "data/kinerja.csv", "--params", "params/2024.yml", "--out", "params"), ["memuat masukan"]),
    (("score", "data/kinerja.csv", "--out", "data/kinerja.csv"), ["data/kinerja.csv adalah berkas, bukan folder"]),
    (("validate", "data/kinerja.csv", "--report", "data/kinerja.csv"), ["adalah masukan perintah ini"]),
    (("validate", "data/kinerja.csv", "--report", "params/temuan.csv"), ["adalah masukan perintah ini"]),
])
def test_outputs_never_go_over_or_around_inputs(project, args, words, monkeypatch, capsys):
    from kinerja.cli import main

    before = snapshot(project)
    monkeypatch.chdir(project)
    code = main(list(args))  # in this process: the same code path as the command, without its start-up time
    refused(subprocess.CompletedProcess(args, code, *capsys.readouterr()), *words)
    assert snapshot(project) == before


def test_home_and_root_folders_are_refused(tmp_path):
    home = tmp_path / "rumah"
    (home / "dokumen").mkdir(parents=True)
    shutil.copyfile(SAMPLE, home / "dokumen" / "pk.csv")
    env = {"HOME": str(home)}
    for target in (home, "/", tmp_path):
        refused(kinerja("score", "pk.csv", "--out", target, cwd=home / "dokumen", env=env), "folder rumah atau akar")
    assert sorted(p.name for p in home.rglob("*")) == ["dokumen", "pk.csv"]


# --- marked folders ------------------------------------------------------------------------------


def test_score_writes_into_its_own_folder_again_but_never_over_a_file_it_did_not_write(tmp_path):
    shutil.copyfile(SAMPLE, tmp_path / "pk.csv")
    assert kinerja("score", "pk.csv", "--out", "hasil", "-q", cwd=tmp_path).returncode == 0
    marker = json.loads((tmp_path / "hasil" / ".kinerja").read_text(encoding="utf-8"))
    assert marker["dibuat_oleh"] == "kinerja score" and marker["jenis"] == "hasil"
    assert "Folder ini dibuat oleh kinerja score" in marker["catatan"]
    assert marker["berkas"] == ["indikator.csv", "opd.csv", "pemda.csv", "perubahan_indikator.csv",
                                "perubahan_opd.csv", "perubahan_pemda.csv", "sasaran.csv"]
    assert kinerja("score", "pk.csv", "--out", "hasil", "-q", cwd=tmp_path).returncode == 0  # again: fine
    (tmp_path / "hasil" / "catatan.txt").write_text("milik analis\n", encoding="utf-8")
    assert kinerja("score", "pk.csv", "--out", "hasil", "-q", cwd=tmp_path).returncode == 0  # other files stay
    assert (tmp_path / "hasil" / "catatan.txt").read_text(encoding="utf-8") == "milik analis\n"
    # a file of the analyst's under a result's name: refused, not replaced
    marker["berkas"].remove("opd.csv")
    (tmp_path / "hasil" / ".kinerja").write_text(json.dumps(marker), encoding="utf-8")
    before = snapshot(tmp_path)
    refused(kinerja("score", "pk.csv", "--out", "hasil", cwd=tmp_path), "berisi berkas yang tidak ditulis kinerja: opd.csv")
    assert snapshot(tmp_path) == before


def test_a_folder_made_for_another_command_is_refused(project):
    assert kinerja("publish", "--engine", "pandoc", cwd=project).returncode == 0
    before = snapshot(project)
    refused(kinerja("run", "--tahun", "2024", "--build", "_site", cwd=project),
            "Folder _site dibuat oleh kinerja publish, bukan untuk hasil kinerja run")
    refused(kinerja("score", "data/kinerja.csv", "--out", "_build", cwd=project),
            "dibuat oleh kinerja run, bukan untuk hasil kinerja score")
    assert snapshot(project) == before


def test_publish_never_deletes_a_file_it_did_not_write(project):
    assert kinerja("publish", "--engine", "pandoc", cwd=project).returncode == 0
    listed = json.loads((project / "_site" / ".kinerja").read_text(encoding="utf-8"))["berkas"]
    assert listed == safety.folder_files(project / "_site") and "2024/laporan.pdf" in listed
    assert kinerja("publish", "--engine", "pandoc", cwd=project).returncode == 0  # its own site: replaced
    (project / "_site" / "CNAME").write_text("kinerja.example.go.id\n", encoding="utf-8")
    before = snapshot(project)
    refused(kinerja("publish", "--engine", "pandoc", cwd=project), "berisi berkas yang tidak ditulis kinerja: CNAME")
    assert snapshot(project) == before


# --- folders made by the previous version (no marker) --------------------------------------------


def test_build_and_site_of_the_previous_version_are_adopted(project):
    assert kinerja("publish", "--engine", "pandoc", cwd=project).returncode == 0
    for marker in (project / "_build" / ".kinerja", project / "_site" / ".kinerja"):
        marker.unlink()  # as the previous version left them: no marker, stamps without their files
    for stamp in (project / "_build").rglob("*.stamp.json"):
        record = json.loads(stamp.read_text(encoding="utf-8"))
        record.pop("berkas")
        stamp.write_text(json.dumps(record), encoding="utf-8")
    for picture in (project / "_build").rglob("*.png"):
        picture.unlink()  # nor the figures' PNGs beside the tables
    done = kinerja("run", "--tahun", "2024", "-p", "opd=1.02", cwd=project)
    assert done.returncode == 0 and "3 notebook; 3 dijalankan" in done.stdout, done.stderr
    assert safety.read_marker(project / "_build")["jenis"] == "build"
    opd = project / "_build" / "2024" / "opd"
    assert sorted(p.name for p in opd.iterdir()) == ["1.02", "1.02.halaman.json", "1.02.ipynb", "1.02.stamp.json",
                                                     "1.02.xlsx"]
    done = kinerja("publish", "--engine", "pandoc", cwd=project)
    assert done.returncode == 0, done.stderr
    assert safety.read_marker(project / "_site")["jenis"] == "situs"
    assert not (project / "_site" / "2024" / "opd" / "1.01.html").exists()


def test_unmarked_folders_that_do_not_look_like_kinerja_outputs_are_refused(project):
    (project / "_build" / ".kinerja").unlink()
    (project / "_build" / "2024" / "laporan-final.docx").write_text("bukan keluaran kinerja", encoding="utf-8")
    site = project / "_site"
    site.mkdir()
    (site / "index.html").write_text("<html><body>situs lama dinas</body></html>", encoding="utf-8")
    before = snapshot(project)
    refused(kinerja("run", "--tahun", "2024", cwd=project), "Folder _build sudah berisi berkas dan tidak dibuat oleh kinerja")
    refused(kinerja("publish", "--engine", "pandoc", cwd=project), "Folder _site sudah berisi berkas")
    assert snapshot(project) == before


def test_legacy_recognition_by_content(tmp_path):
    build = tmp_path / "_build"
    (build / "2024" / "opd" / "007").mkdir(parents=True)
    for name in ("2024/.rencana.json", "2024/ringkasan.ipynb", "2024/ringkasan.stamp.json", "2024/opd/007.xlsx",
                 "2024/opd/007/opd.csv"):
        (build / name).write_text("{}", encoding="utf-8")
    assert safety.legacy_output(build, "build")
    (build / "README.md").write_text("x", encoding="utf-8")
    assert not safety.legacy_output(build, "build")
    site = tmp_path / "_site"
    (site / "2024").mkdir(parents=True)
    (site / "index.html").write_text('<meta name="generator" content="kinerja 0.1.0 (pandoc)">', encoding="utf-8")
    (site / "2024" / "laporan.pdf").write_bytes(b"%PDF")
    assert safety.legacy_output(site, "situs")
    (site / "2024" / "anggaran.docx").write_bytes(b"x")
    assert not safety.legacy_output(site, "situs")
    quarto = tmp_path / "quarto"
    quarto.mkdir()
    (quarto / "index.html").write_text('<meta name="generator" content="quarto-1.11"><script>window.KINERJA = {};',
                                       encoding="utf-8")
    assert safety.legacy_output(quarto, "situs")
    (quarto / "index.html").write_text('<meta name="generator" content="quarto-1.11">', encoding="utf-8")
    assert not safety.legacy_output(quarto, "situs")  # a Quarto site, but not kinerja's


# --- clean-up of old outputs ---------------------------------------------------------------------


def test_cleanup_removes_only_what_kinerja_wrote(project, monkeypatch):
    monkeypatch.chdir(project)
    opd = project / "_build" / "2024" / "opd"
    (opd / "catatan.txt").write_text("milik analis\n", encoding="utf-8")
    (opd / "1.01" / "lampiran.csv").write_text("a\n1\n", encoding="utf-8")
    (opd / "analisis.gagal.ipynb").write_text('{"cells": [], "metadata": {}}', encoding="utf-8")  # not run's
    summary = run.run([2024], ["opd=1.02"], jobs=2, progress=False)
    assert summary.ok, summary.problems()
    assert sorted(p.relative_to(opd).as_posix() for p in opd.rglob("*")) == [
        "1.01", "1.01/lampiran.csv",  # the folder stays for the analyst's file; kinerja's tables went
        "1.02", "1.02.halaman.json", "1.02.ipynb", "1.02.stamp.json", "1.02.xlsx",
        "1.02/anggaran.csv", "1.02/capaian_tahunan.csv", "1.02/indikator.csv", "1.02/jejak.csv", "1.02/opd.csv",
        "1.02/perubahan_indikator.csv", "1.02/reviu.csv", "1.02/riwayat.csv", "1.02/riwayat.png", "1.02/sasaran.csv",
        "1.02/target_vs_realisasi.png", "analisis.gagal.ipynb", "catatan.txt",
    ]
    stamp = json.loads((opd / "1.02.stamp.json").read_text(encoding="utf-8"))
    assert sorted(stamp["berkas"]) == ["1.02.halaman.json", "1.02.ipynb", "1.02.xlsx", "1.02/anggaran.csv", "1.02/capaian_tahunan.csv",
                                       "1.02/indikator.csv", "1.02/jejak.csv", "1.02/opd.csv",
                                       "1.02/perubahan_indikator.csv", "1.02/reviu.csv", "1.02/riwayat.csv",
                                       "1.02/riwayat.png", "1.02/sasaran.csv", "1.02/target_vs_realisasi.png"]


def test_clean_year_judges_ownership_by_stamp_plan_and_metadata(tmp_path):
    opd = tmp_path / "2024" / "opd"
    opd.mkdir(parents=True)
    notebook = {"cells": [], "metadata": {"papermill": {"output_path": "_build/2024/opd/{}.ipynb"}}}
    for stem in ("a", "b", "c", "d"):  # a: stamped; b: in the previous plan; c: failed, run's; d: nobody's
        (opd / f"{stem}.ipynb").write_text("{}", encoding="utf-8")
        (opd / f"{stem}.xlsx").write_bytes(b"x")
        (opd / stem).mkdir()
        (opd / stem / "opd.csv").write_text("x", encoding="utf-8")
    (opd / "a.stamp.json").write_text(json.dumps({"kunci": "k", "berkas": ["a.ipynb", "a/opd.csv", "a.xlsx"]}))
    meta = json.loads(json.dumps(notebook).replace("{}.ipynb", "c.ipynb"))
    (opd / "c.gagal.ipynb").write_text(json.dumps(meta), encoding="utf-8")
    (opd / "d.gagal.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    (opd / f"{run.TEMP_PREFIX}999999999-a.ipynb.xyz").write_text("sisa", encoding="utf-8")  # a dead process's
    live = opd / f"{safety.temporary_prefix(run.TEMP_PREFIX)}b.ipynb.xyz"
    live.write_text("sedang ditulis", encoding="utf-8")
    planned = [run.Job(2024, "opd", "x", "notebooks/opd.ipynb", "_build/2024/opd/x.ipynb", {}, "x", "k", {},
                       {"opd": None})]  # the tables an OPD page has (for b, which has no stamp to list them)
    outputs.clean_year(tmp_path / "2024", planned, {"b"})
    assert sorted(p.relative_to(opd).as_posix() for p in opd.rglob("*")) == sorted([
        "c.ipynb", "c.xlsx", "c", "c/opd.csv",  # only its failed notebook was provably run's
        "d.ipynb", "d.xlsx", "d", "d/opd.csv", "d.gagal.ipynb", live.name,
    ])


def test_publish_api_refuses_the_project_root(project):
    before = snapshot(project)
    with pytest.raises(PublishError, match="adalah folder proyek"):
        publish(project, out=".", engine="pandoc")
    assert snapshot(project) == before
