"""Benchmark of ``kinerja run`` on the synthetic Bengkulu sample (data/contoh: 36 OPD in 2024).

Measures, in a temporary copy of the project (the repository is not touched):

* floor: a bare Papermill execution of an empty notebook (fresh kernel of this Python), in process;
* full run of 2024 (38 notebooks) with ``--jobs 1`` and ``--jobs 2`` (``--force``), through the CLI;
* a no-change rerun, through the CLI (wall clock, Python start-up included);
* a one-OPD-changed rerun: one realisasi of one OPD edited in the 2024 workbook (that OPD's page and
  the two pemda-wide pages summarising it run again).

Every figure is the best of ``--repeat`` runs: the machine's cores are shared, so the minimum is the
least disturbed measurement. Prints a Markdown table for docs/notebooks.md.

    .venv/bin/python benchmarks/bench_run.py --repeat 3
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# nbformat, openpyxl and papermill are imported where they are used: bench_run_timeline.py forks
# the run's workers from this process, and they must import what they need as the CLI's do

ROOT = Path(__file__).resolve().parents[1]
KINERJA = [sys.executable, "-m", "kinerja", "run", "--tahun", "2024"]
PARAMS = """pemda:
  nama: Pemerintah Provinsi Bengkulu (CONTOH SINTETIS)
tahun: 2024
data:
  - data/contoh/kinerja-2022.xlsx
  - data/contoh/kinerja-2023.xlsx
  - data/contoh/kinerja-2024.xlsx
"""


def compiled(package: Path = ROOT / "kinerja") -> None:
    """Write the package's bytecode, as any install does (pip compiles on install; an editable
    install writes it at the first import unless ``PYTHONDONTWRITEBYTECODE`` is set, as on some CI
    machines): otherwise every process of a run, kernels included, compiles kinerja's sources."""
    import compileall

    compileall.compile_dir(str(package), quiet=1)


def project(folder: Path) -> Path:
    (folder / "params").mkdir()
    (folder / "params" / "2024.yml").write_text(PARAMS, encoding="utf-8")
    shutil.copytree(ROOT / "data" / "contoh", folder / "data" / "contoh")
    shutil.copytree(ROOT / "notebooks", folder / "notebooks")
    return folder


def floor(folder: Path, repeat: int) -> float:
    import nbformat
    import papermill

    empty = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                                "language": "python"}})
    path = folder / "kosong.ipynb"
    nbformat.write(empty, path)
    times = []
    for _ in range(repeat + 1):  # the first one warms the caches up
        started = time.perf_counter()
        papermill.execute_notebook(str(path), None, kernel_name="python3", progress_bar=False)
        times.append(time.perf_counter() - started)
    return min(times[1:])


def cli(folder: Path, *args: str) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run([*KINERJA, *args], cwd=folder, capture_output=True, text=True, check=True)
    return time.perf_counter() - started, result.stdout.strip()


def executed(summary: str) -> int:
    return int(re.search(r"(\d+) dijalankan", summary).group(1))


def edit_one_opd(folder: Path, step: int) -> None:
    """Change one realisasi of OPD 1.02.01 in the 2024 workbook (a different value each step)."""
    import openpyxl

    path = folder / "data" / "contoh" / "kinerja-2024.xlsx"
    book = openpyxl.load_workbook(path)
    sheet = book["kinerja"]
    header = [cell.value for cell in sheet[1]]
    code, value = header.index("Kode OPD"), header.index("Realisasi")
    for row in sheet.iter_rows(min_row=2):
        if row[code].value == "1.02.01" and isinstance(row[value].value, (int, float)):
            row[value].value = float(row[value].value) + 0.5 * (1 if step % 2 else -1)
            break
    book.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    compiled()
    with tempfile.TemporaryDirectory(prefix="bench-run-") as temporary:
        folder = project(Path(temporary))
        base = floor(folder, args.repeat)
        full = {}
        for jobs in (1, 2):
            runs = [cli(folder, "--jobs", str(jobs), "--force") for _ in range(args.repeat)]
            full[jobs] = min(seconds for seconds, _ in runs)
            notebooks = int(re.search(r"(\d+) notebook", runs[0][1]).group(1))
        unchanged = min(cli(folder)[0] for _ in range(max(args.repeat, 5)))
        changed = []
        for step in range(args.repeat):
            edit_one_opd(folder, step)
            seconds, summary = cli(folder, "--jobs", "2")
            changed.append((seconds, executed(summary)))
        cores = os.cpu_count() or 1
        goal = 1.3 * notebooks * base / cores
        print(f"| measurement ({notebooks} notebooks, {cores} cores, best of {args.repeat}) | seconds |")
        print("|---|---:|")
        print(f"| floor: bare Papermill execution of an empty notebook | {base:.2f} |")
        print(f"| full run, --jobs 1 | {full[1]:.1f} |")
        print(f"| full run, --jobs 2 | {full[2]:.1f} |")
        print(f"| goal for the parallel run: 1,3 × {notebooks} × floor / {cores} | {goal:.1f} |")
        print(f"| no-change rerun (CLI, wall clock) | {unchanged:.2f} |")
        best = min(changed)
        print(f"| one OPD changed ({best[1]} notebooks rerun, --jobs 2) | {best[0]:.1f} |")


if __name__ == "__main__":
    main()
