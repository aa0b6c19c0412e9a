"""The notebooks as shipped: clean source, a ``parameters`` cell, and they run top to bottom with their
defaults in a fresh kernel from their own folder, as an analyst runs them in JupyterLab."""

from __future__ import annotations

import ast
from pathlib import Path

import nbformat
import papermill
import pytest

from kinerja import run

ROOT = Path(__file__).resolve().parents[1]
#: The notebook for analysts in JupyterLab: never published, never run by ``kinerja run``.
ANALYST = ROOT / "notebooks" / "jelajah.ipynb"
NOTEBOOKS = sorted(path for path in (ROOT / "notebooks").glob("*.ipynb") if path != ANALYST)
PARAMETERS = {"ringkasan": {"tahun", "proyek", "params_berkas", "ubah"},
              "tren": {"tahun", "proyek", "params_berkas", "ubah"},
              "opd": {"tahun", "kode_opd", "proyek", "params_berkas", "ubah"},
              "triwulan": {"tahun", "triwulan", "kode_opd", "proyek", "params_berkas", "ubah"}}


def test_the_page_notebooks_are_shipped():
    assert [path.stem for path in NOTEBOOKS] == ["opd", "ringkasan", "tren", "triwulan"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_source_is_clean(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert notebook.cells[0].cell_type == "raw" and notebook.cells[0].source.startswith("---\ntitle:")
    assert set(notebook.metadata) == {"kernelspec", "language_info"}
    assert notebook.metadata.kernelspec.name == "python3"
    tagged = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    names = {n.id for n in ast.walk(ast.parse(tagged[0].source)) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    assert names == PARAMETERS[path.stem]
    run.check_parameters(path, sorted(PARAMETERS[path.stem] - {"params_berkas"}))
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
            assert not _computes(cell.source), cell.source  # every number comes from kinerja
            assert "plt." not in cell.source and "savefig" not in cell.source  # figures come from kinerja.render.figures


def _computes(source: str) -> list[str]:
    """Arithmetic or aggregation in a cell: what a notebook must leave to the kinerja package."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.BinOp) and not isinstance(node.op, ast.Add):  # + only joins texts here
            found.append(ast.unparse(node))
        if isinstance(node, ast.Attribute) and node.attr in {"mean", "sum", "groupby", "agg", "apply", "pivot_table"}:
            found.append(node.attr)
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_with_its_defaults(path, tmp_path):
    result = papermill.execute_notebook(
        str(path), str(tmp_path / path.name), kernel_name="python3", cwd=str(path.parent), progress_bar=False,
        start_timeout=120,
    )
    found = [o for cell in result.cells for o in cell.get("outputs", [])]
    assert all(o.output_type in ("display_data", "execute_result") for o in found), found
    assert any("image/png" in o.get("data", {}) for o in found)
    assert any("<table" in o.get("data", {}).get("text/html", "") for o in found)


def test_the_analyst_notebook_is_not_a_page():
    """``jelajah.ipynb`` is outside what ``kinerja run`` executes and ``kinerja publish`` stages."""
    assert ANALYST.is_file()
    assert "jelajah" not in (*run.PEMDA_PAGES, run.OPD_PAGE, run.TRIWULAN_PAGE)
    notebook = nbformat.read(ANALYST, as_version=4)
    nbformat.validate(notebook)
    assert notebook.metadata.kernelspec.name == "python3"
    tagged = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
            assert not _computes(cell.source), cell.source  # every number comes from kinerja


def test_the_analyst_notebook_runs_with_its_defaults(tmp_path):
    result = papermill.execute_notebook(
        str(ANALYST), str(tmp_path / ANALYST.name), kernel_name="python3", cwd=str(ANALYST.parent),
        progress_bar=False, start_timeout=120,
    )
    outputs = [o for cell in result.cells for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert "[pemda] 2024 · pemda: 100,86" in text  # the trace of the headline figure
    assert "target_di_bawah_realisasi_lalu" in text  # the reviu flags
    assert "agregasi_pemda" in text  # the method table
