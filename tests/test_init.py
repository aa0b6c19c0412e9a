"""`kinerja init`: a new project from the template the package ships, which is the repository's own
project (one source), refused over anything that exists; and from a wheel installed outside the repo."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import openpyxl
import pytest

from conftest import run_cli
from kinerja.inputs.params import load_params
from kinerja.inputs.project import ProjectError, edit_params_text, packaged_template, template_files

SYNC = "python scripts/sync_template.py"


def test_packaged_template_is_the_repository_project(root):
    """The copy in kinerja/templates/proyek/ holds exactly the repository's template files, byte for byte."""
    source, copy = template_files(root), template_files(packaged_template())
    assert "_quarto.yml" in source and "notebooks/opd.ipynb" in source and "params/2024.yml" in source
    assert "situs/metodologi.qmd" in source and "data/contoh/kinerja-2024.xlsx" in source
    assert source == copy, f"the packaged template lists other files than the repository: run `{SYNC}`"
    differing = [name for name in source if (root / name).read_bytes() != (packaged_template() / name).read_bytes()]
    assert not differing, f"the packaged template differs from the repository in {differing}: run `{SYNC}`"


def test_sync_script_lists_the_same_files(root):
    result = subprocess.run([sys.executable, str(root / "scripts" / "sync_template.py"), "--check"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr + f"\nrun `{SYNC}`"


def test_init_with_sample(tmp_path, capsys, root):
    folder = tmp_path / "proyek"
    code, out = run_cli(capsys, "init", folder, "--pemda", "Kabupaten Contoh", "--contoh")
    assert code == 0, out
    assert "Kabupaten Contoh" in out and "kinerja build" in out
    for name in ("_quarto.yml", "README.md", ".gitignore", "notebooks/opd.ipynb", "notebooks/ringkasan.ipynb",
                 "notebooks/tren.ipynb", "situs/metodologi.qmd", "data/contoh/kinerja-2022.xlsx",
                 "params/2022.yml", "params/2023.yml", "params/2024.yml"):
        assert (folder / name).is_file(), name
    assert (folder / "notebooks/opd.ipynb").read_bytes() == (root / "notebooks/opd.ipynb").read_bytes()
    for year in (2022, 2023, 2024):
        mine = (folder / f"params/{year}.yml").read_text(encoding="utf-8").splitlines()
        theirs = (root / f"params/{year}.yml").read_text(encoding="utf-8").splitlines()
        changed = [(a, b) for a, b in zip(theirs, mine) if a != b]
        # only the name changed; every comment and setting kept
        assert len(mine) == len(theirs) and changed == [("  nama: Pemerintah Provinsi Bengkulu", "  nama: Kabupaten Contoh")]
        params = load_params(folder / f"params/{year}.yml")
        assert params.pemda_nama == "Kabupaten Contoh" and params.sintetis is True and params.tahun == year
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Capaian kinerja Kabupaten Contoh")
    assert "kinerja validate data/contoh/kinerja-2024.xlsx" in readme and "kinerja tahun-baru 2025" in readme
    assert "{{" not in readme
    assert "_site/" in (folder / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert not list(tmp_path.glob(".kinerja-init-*"))  # no staging folder left


def test_init_empty_workbook(tmp_path, capsys):
    folder = tmp_path / "baru"
    folder.mkdir()  # an empty folder is fine
    code, out = run_cli(capsys, "init", folder, "--pemda", "Kota Contoh: Timur", "--tahun", "2026")
    assert code == 0, out
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) == sorted([
        ".gitignore", "README.md", "_quarto.yml", "data/kinerja-2026.xlsx", "notebooks/jelajah.ipynb",
        "notebooks/opd.ipynb", "notebooks/ringkasan.ipynb", "notebooks/tren.ipynb", "params/2026.yml",
        "situs/daftar-opd.qmd", "situs/daftar-pk.qmd",
        "situs/laporan.qmd", "situs/metodologi.qmd", "situs/unduh.qmd"])
    params = load_params(folder / "params/2026.yml")
    assert params.tahun == 2026 and params.pemda_nama == "Kota Contoh: Timur"
    assert params.data == ("data/kinerja-2026.xlsx",) and params.sintetis is False
    text = (folder / "params/2026.yml").read_text(encoding="utf-8")
    assert text.startswith("# Parameter tahun anggaran 2026. Setiap kunci")  # the header comment follows the year
    assert "  nama: 'Kota Contoh: Timur'\n" in text  # quoted: the colon would break the YAML
    assert "sintetis: false               # data contoh sintetis" in text  # comment kept in its column
    assert "  rumus_negatif: selisih      # selisih: (2 - R/T) x 100" in text
    book = openpyxl.load_workbook(folder / "data/kinerja-2026.xlsx")
    assert book.sheetnames == ["petunjuk", "kinerja", "opd", "anggaran", "program", "triwulan", "renstra"]
    assert book["kinerja"].max_row == 1
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "kinerja validate data/kinerja-2026.xlsx" in readme and "Kota Contoh: Timur" in readme


@pytest.mark.parametrize("make", ["file_inside", "is_file"])
def test_init_refuses_what_exists(tmp_path, capsys, make):
    folder = tmp_path / "ada"
    if make == "file_inside":
        folder.mkdir()
        (folder / "catatan.txt").write_text("punya saya", encoding="utf-8")
    else:
        folder.write_text("punya saya", encoding="utf-8")
    code, out = run_cli(capsys, "init", folder, "--pemda", "Kabupaten Contoh", "--contoh")
    assert code == 1
    assert ("tidak kosong" if make == "file_inside" else "adalah berkas") in out and "GALAT" in out
    if make == "file_inside":
        assert [p.name for p in folder.iterdir()] == ["catatan.txt"]
        assert (folder / "catatan.txt").read_text(encoding="utf-8") == "punya saya"
    else:
        assert folder.read_text(encoding="utf-8") == "punya saya"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ada"]


def test_init_in_the_working_folder(tmp_path, capsys, monkeypatch):
    here = tmp_path / "kosong"
    here.mkdir()
    monkeypatch.chdir(here)
    code, out = run_cli(capsys, "init", ".", "--pemda", "Kabupaten Contoh", "--tahun", "2025")
    assert code == 0, out
    assert (here / "params" / "2025.yml").is_file() and (here / "data" / "kinerja-2025.xlsx").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kosong"]  # no staging folder left beside it


def test_help_describes_init_and_new_year(capsys):
    from kinerja.cli import main

    with pytest.raises(SystemExit):
        main(["--help"])
    top = capsys.readouterr().out
    assert "init" in top and "tahun-baru" in top and 'kinerja init kinerja-saya --pemda "Kabupaten Contoh" --contoh' in top
    with pytest.raises(SystemExit):
        main(["init", "--help"])
    init = capsys.readouterr().out
    for option in ("--pemda", "--contoh", "--tahun", "FOLDER"):
        assert option in init
    assert "tidak pernah ditimpa" in " ".join(init.split()) and "README.md" in init
    with pytest.raises(SystemExit):
        main(["tahun-baru", "--help"])
    assert "berlaku_sampai" in capsys.readouterr().out


def test_init_needs_a_name(tmp_path, capsys):
    code, out = run_cli(capsys, "init", tmp_path / "x", "--pemda", "  ")
    assert code == 1 and "--pemda" in out and not (tmp_path / "x").exists()


def test_edit_params_text_keeps_the_rest():
    text = (
        "# Parameter tahun 2024\n"
        "pemda:\n"
        "  nama: Lama   # nama resmi\n"
        "  kode: '1700'\n"
        "tahun: 2024\n"
        "# data tahun ini dan sebelumnya\n"
        "data:\n"
        "  - data/a.xlsx\n"
        "  # tahun lalu\n"
        "  - data/b.xlsx\n"
        "\n"
        "sintetis: true     # contoh\n"
        "aturan:\n"
        "  lantai: 0\n"
    )
    edited = edit_params_text(text, "p.yml", tahun=2025, pemda="Kabupaten Baru", data=["data/a.xlsx", "data/c.xlsx"],
                              sintetis=False)
    assert edited == (
        "# Parameter tahun 2025\n"
        "pemda:\n"
        "  nama: Kabupaten Baru   # nama resmi\n"
        "  kode: '1700'\n"
        "tahun: 2025\n"
        "# data tahun ini dan sebelumnya\n"
        "data:\n"
        "  # tahun lalu\n"
        "  - data/a.xlsx\n"
        "  - data/c.xlsx\n"
        "\n"
        "sintetis: false    # contoh\n"
        "aturan:\n"
        "  lantai: 0\n"
    )


def test_edit_params_text_refuses_a_layout_it_cannot_edit():
    with pytest.raises(ProjectError, match="p.yml"):
        edit_params_text("pemda: {nama: Lama}\ntahun: 2024\n", "p.yml", pemda="Baru")


# --- from a wheel, outside the repository --------------------------------------------------------


def _wheel(root: Path, work: Path) -> Path:
    """Build kinerja's wheel from a copy of the working tree (offline: no build isolation)."""
    source = work / "src"
    shutil.copytree(root, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "_build", "_site", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache",
        ".hypothesis", "test-artifacts", "_bench", ".kinerja*", "node_modules"))
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                             "-w", str(work / "dist"), str(source)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    [wheel] = (work / "dist").glob("kinerja-*.whl")
    return wheel


def test_init_and_build_from_an_installed_wheel(tmp_path, root):
    wheel = _wheel(root, tmp_path)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    fresh = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                capture_output=True, text=True, check=True).stdout.strip())
    # the dependencies come from this test's environment (offline), kinerja only from the wheel
    (fresh / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
                             str(wheel)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    project = tmp_path / "elsewhere" / "pk"
    (tmp_path / "elsewhere").mkdir()
    env = {**os.environ, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    env.pop("PYTHONPATH", None)
    where = subprocess.run([str(python), "-c", "import kinerja; print(kinerja.__file__)"], cwd=tmp_path / "elsewhere",
                           capture_output=True, text=True, env=env, check=True).stdout.strip()
    assert Path(where).is_relative_to(fresh), where  # the installed wheel, not the repository
    kinerja = str(venv / "bin" / "kinerja")
    result = subprocess.run([kinerja, "init", "pk", "--contoh", "--pemda", "Kabupaten Uji"], cwd=tmp_path / "elsewhere",
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    # one year with the built-in engine keeps this test to a few minutes; the engines and years are
    # tested elsewhere, what matters here is that the installed wheel carries everything a project needs
    result = subprocess.run([kinerja, "build", "--tahun", "2024", "--engine", "pandoc", "--jobs", "2"], cwd=project, capture_output=True, text=True, env=env,
                            timeout=1800)
    assert result.returncode == 0, result.stdout + result.stderr
    home = (project / "_site" / "index.html").read_text(encoding="utf-8")
    assert "Kabupaten Uji" in home and "Pemerintah Provinsi Bengkulu" not in home
    pdf = project / "_site" / "2024" / "laporan.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # the sample's agencies keep their names (some name the province); the pemda is the one given
    assert "Capaian kinerja Kabupaten Uji tahun 2024" in " ".join(text.split())
    assert "Pemerintah Provinsi Bengkulu" not in text
