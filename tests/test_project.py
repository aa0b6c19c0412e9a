"""The project's promises about itself: the README's commands, CI, the skeleton."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib

import yaml


def readme_commands(root) -> list[str]:
    text = (root / "README.md").read_text(encoding="utf-8")
    quick_start = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n\s*(.+?)\n\s*```", quick_start)


def test_readme_has_the_two_commands(root):
    main_job, tests = [command.strip() for command in readme_commands(root)]
    assert main_job.endswith("kinerja build") and "pip install -e ." in main_job
    assert "pytest" in tests and ".[test]" in tests


def test_ci_runs_the_readme_test_command(root):
    _, tests = [command.strip() for command in readme_commands(root)]
    ci = (root / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in ci.splitlines()
    assert ci.startswith("#!/usr/bin/env bash") and "set -euo pipefail" in ci


def test_skeleton(root):
    for name in ("pyproject.toml", "kinerja", "notebooks", "params", "_quarto.yml", "tests", "README.md"):
        assert (root / name).exists(), name
    assert yaml.safe_load((root / "_quarto.yml").read_text(encoding="utf-8"))["lang"] == "id"


def test_dependencies_pinned_to_ranges(root):
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = project["dependencies"] + project["optional-dependencies"]["test"]
    names = {re.split(r"[<>=!~ ]", r, maxsplit=1)[0].lower() for r in requirements}
    assert {"pandas", "seaborn", "papermill", "jupyterlab", "pyyaml", "openpyxl", "pytest", "hypothesis"} <= names
    for requirement in requirements:
        assert ">=" in requirement and "<" in requirement, requirement  # a compatible range, not open-ended
    assert project["optional-dependencies"]["quarto"] == ["quarto-cli>=1.6"]
    assert project["scripts"]["kinerja"] == "kinerja.cli:entry"


def _tracked_text_files(root):
    import subprocess

    names = subprocess.run(["git", "ls-files"], cwd=root, capture_output=True, text=True, check=True).stdout.split()
    for name in names:
        path = root / name
        if path.suffix in {".py", ".md", ".qmd", ".yml", ".yaml", ".ipynb", ".toml", ".typ", ".html", ".css", ".js", ""}:
            if path.is_file():
                yield name, path.read_text(encoding="utf-8", errors="replace")


#: Names of the team's private notes, which are not part of the repository (spelt in pieces so that this
#: file does not name them itself).
FOREIGN = ("DOMAIN" + ".md", "../" + "shared")


def test_the_repository_cites_its_own_methodology(root):
    """The methodology is the repository's own document: nothing points to a file it does not hold."""
    offending = [name for name, text in _tracked_text_files(root) if any(word in text for word in FOREIGN)]
    assert offending == []
    assert (root / "docs" / "metodologi.md").is_file()


def test_methodology_lists_every_setting_with_its_default(root):
    """docs/metodologi.md's settings table names every rule setting and its default value."""
    from kinerja.core.rules import Rules

    text = (root / "docs" / "metodologi.md").read_text(encoding="utf-8")
    table = text.split("## 7. Settings and their defaults", 1)[1].split("\n## ", 1)[0]
    rows = {line.split("|")[1].strip().strip("`"): line.split("|")[3].strip() for line in table.splitlines()
            if line.startswith("| `")}
    defaults = Rules()
    expected = {
        "aturan.rumus_negatif": f"`{defaults.rumus_negatif}`",
        "aturan.lantai": "`0`" if defaults.lantai == 0 else "?",
        "aturan.batas_atas": "`null`" if defaults.batas_atas is None else "?",
        "aturan.agregasi_opd": f"`{defaults.agregasi_opd}`",
        "aturan.agregasi_pemda": f"`{defaults.agregasi_pemda}`",
        "aturan.skala_predikat": f"`{defaults.skala_predikat.nama}`",
    }
    assert {f"aturan.{name}" for name in Rules.names()} <= set(rows)
    assert {key: rows[key] for key in expected} == expected

def test_ci_says_which_quarto_it_found(root, tmp_path):
    """.ci/run prints the Quarto the Quarto engine's tests use, or that they are skipped."""
    assert "bash .ci/quarto" in (root / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    bash = shutil.which("bash")
    script = str(root / ".ci" / "quarto")
    empty = tmp_path / "kosong"
    empty.mkdir()
    done = subprocess.run([bash, script], env={"PATH": str(empty)}, capture_output=True, text=True)
    assert done.stdout == "Quarto tidak ada: uji mesin quarto dilewati\n"
    fake = tmp_path / "bin" / "quarto"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 1.11.0\n", encoding="utf-8")
    fake.chmod(0o755)
    done = subprocess.run([bash, script], env={"PATH": str(fake.parent)}, capture_output=True, text=True)
    assert done.stdout == f"Quarto 1.11.0 ({fake}): uji mesin quarto dijalankan\n"
    done = subprocess.run([bash, script], env={"PATH": str(empty), "QUARTO_PATH": str(fake)}, capture_output=True,
                          text=True)
    assert done.stdout == f"Quarto 1.11.0 ({fake}): uji mesin quarto dijalankan\n"
