"""The compute floor of a year of agency pages, and where ``kinerja run``'s time goes beyond it.

On a temporary copy of the project with the 36-OPD sample (data/contoh, 2024: ringkasan, tren and
36 OPD pages; the repository is not touched), measures:

* floor: the notebooks' own code cells executed for every page of the year in one warm Python
  process: an IPython ``InteractiveShell`` runs each notebook's parameters cell, the parameters of
  the page (as Papermill injects them) and its code cells, after a namespace reset per page, and
  formats every result and display as a kernel would (the figures' PNG, the tables' HTML). No
  kernel protocol, no notebook read or written, no extracts or stamps. Between pages the
  namespace is made fresh as the runner's kernels do it (:mod:`kinerja.run.fresh`); IPython's own
  ``reset(new_session=True)`` is timed separately for comparison. One warm-up pass first
  (imports, the year's analysis, font caches), then the best of ``--repeat`` passes. The time of
  each cell is added up by kind: ``analysis`` (the cell calling ``pages.analyse`` and building the
  page), ``figures`` (cells calling ``kinerja.render.figures``), ``tables`` (the rest).
* ``kinerja run --tahun 2024 --force --jobs 2`` (and ``--jobs 1``) through the CLI, wall clock, best of
  ``--repeat``; the goal is run ≤ 1,5 × floor ÷ cores.
* with ``--profile``: one ``--jobs 1`` run in this process with the runner's steps timed (planning;
  per notebook: papermill reading and parameterising it, nbclient executing it in the warm
  kernel, writing the extracts, the notebook and the stamp), to show what the runner adds.

Prints Markdown tables for docs/notebooks.md.

    .venv/bin/python benchmarks/bench_pages_floor.py --repeat 3 --profile
    git archive HEAD~1 kinerja | tar -x -C /tmp/base   # an earlier package, timed alternately:
    .venv/bin/python benchmarks/bench_pages_floor.py --repeat 3 --baseline /tmp/base
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_run import KINERJA, compiled, project  # noqa: E402


def page_jobs(folder: Path) -> list[dict]:
    """The pages of 2024 as ``kinerja run`` plans them: notebook file and injected parameters."""
    from kinerja import run

    jobs, errors = run.plan([2024], root=folder)
    assert not errors, errors
    return [{"notebook": folder / job.notebook, "parameters": job.parameters, "label": job.label} for job in jobs]


def cells(notebook: Path) -> tuple[str, list[str]]:
    """The source of a notebook's ``parameters`` cell and of its other code cells, in order."""
    data = json.loads(notebook.read_text(encoding="utf-8"))
    parameters, code = "", []
    for cell in data["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            parameters = source
        else:
            code.append(source)
    return parameters, code


def kind(source: str) -> str:
    if "pages.analyse" in source:
        return "analysis"
    return "figures" if "figures." in source else "tables"


def floor_pass(shell, pages: list[dict], sources: dict, ipython_reset: bool = False) -> tuple[float, dict[str, float]]:
    """Execute every page once in ``shell``, made fresh before each page as the runner's kernels
    are (:mod:`kinerja.run.fresh`; ``ipython_reset``: IPython's ``reset(new_session=True)``);
    the total seconds and the seconds per kind of cell."""
    from IPython.utils.capture import capture_output

    from kinerja.run import fresh

    by_kind: dict[str, float] = collections.Counter()
    started = time.perf_counter()
    for page in pages:
        parameters, code = sources[page["notebook"]]
        reset_started = time.perf_counter()
        if ipython_reset:
            shell.reset(new_session=True)
        else:
            fresh.reset(shell, os.getcwd())
        by_kind["reset"] += time.perf_counter() - reset_started
        injected = "".join(f"{name} = {value!r}\n" for name, value in page["parameters"].items())
        for source in (parameters, injected, *code):
            cell_started = time.perf_counter()
            with capture_output() as captured:
                result = shell.run_cell(source, store_history=True)
            if not result.success:
                raise RuntimeError(f"{page['label']}: {result.error_in_exec or result.error_before_exec}")
            if source not in (parameters, injected) and "analyse" not in source:  # each shows something
                assert captured.outputs or captured.stdout, (page["label"], source)
            by_kind[kind(source) if source not in (parameters, injected) else "parameters"] += (
                time.perf_counter() - cell_started)
    return time.perf_counter() - started, dict(by_kind)


def floor(folder: Path, repeat: int) -> tuple[float, dict[str, float], int, float]:
    """Best of ``repeat`` passes over the year's pages in one warm shell (after a warm-up pass),
    and the time of IPython's own reset for the same pages (one pass, for comparison)."""
    from IPython.core.interactiveshell import InteractiveShell

    os.environ.pop("MPLBACKEND", None)
    pages = page_jobs(folder)
    sources = {page["notebook"]: cells(page["notebook"]) for page in pages}
    from traitlets.config import Config

    config = Config()
    config.HistoryManager.enabled = False  # as in the runner's kernels (no SQLite history)
    shell = InteractiveShell.instance(config=config)
    previous = os.getcwd()
    os.chdir(folder)
    try:
        from kinerja.run import fresh

        fresh.remember(shell)
        floor_pass(shell, pages, sources)  # warm-up: imports, the year's analysis, caches
        passes = [floor_pass(shell, pages, sources) for _ in range(repeat)]
        full = floor_pass(shell, pages, sources, ipython_reset=True)[1]["reset"]  # once: for comparison
    finally:
        os.chdir(previous)
    seconds, by_kind = min(passes, key=lambda item: item[0])
    return seconds, by_kind, len(pages), full


def cli(folder: Path, *args: str, package: str | None = None) -> float:
    """Wall-clock seconds of one ``kinerja run`` in ``folder``; with ``package``, the ``kinerja``
    package found in that folder instead (its kernels inherit ``PYTHONPATH``)."""
    env = dict(os.environ)
    if package:
        env["PYTHONPATH"] = package
    started = time.perf_counter()
    subprocess.run([*KINERJA, *args], cwd=folder, capture_output=True, text=True, check=True, env=env)
    return time.perf_counter() - started


@contextlib.contextmanager
def timed(module, name: str, totals: dict[str, float], label: str):
    """Add the time of every call of ``module.name`` to ``totals[label]`` while inside."""
    original = getattr(module, name)

    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            totals[label] += time.perf_counter() - started

    setattr(module, name, wrapper)
    try:
        yield
    finally:
        setattr(module, name, original)


def profile(folder: Path) -> dict[str, float]:
    """One in-process ``--jobs 1`` run (``--force``) with the runner's steps timed.

    The worker's code runs in this process (no pool), with the kernel started first and excluded.
    """
    from kinerja import run
    from kinerja.run import execute, kernel, outputs

    totals: dict[str, float] = collections.Counter()
    previous = os.getcwd()
    os.chdir(folder)
    try:
        kernel.start_worker(str(folder))
        kernel.KERNEL.ensure()
        started = time.perf_counter()
        jobs, _ = run.plan([2024], root=".")
        totals["plan (read, score, hash 38 pages)"] = time.perf_counter() - started
        run.execute_job(jobs[0])  # warm the kernel: imports and the year's analysis
        with (timed(execute, "prepare", totals, "papermill: read and parameterise the notebook"),
              timed(kernel.KERNEL, "run_silently", totals, "… of which the fresh-kernel reset"),
              timed(kernel.KERNEL, "execute", totals, "nbclient: execute in the warm kernel (reset included)"),
              timed(outputs, "write_extracts", totals, "extracts (CSV + XLSX)"),
              timed(outputs, "notebook_bytes", totals, "executed notebook: clean and serialise"),
              timed(outputs, "commit", totals, "commit (extracts, notebook, stamp; atomic)")):
            started = time.perf_counter()
            for job in jobs:
                outcome = run.execute_job(job)
                assert outcome.status == "dijalankan", outcome
            totals["all 38 notebooks (warm kernel)"] = time.perf_counter() - started
    finally:
        kernel.KERNEL.stop()
        os.chdir(previous)
    return dict(totals)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="also time the runner's steps in process")
    parser.add_argument("--jobs", default="2", help="comma-separated --jobs values to time (default 2; empty: none)")
    parser.add_argument("--baseline", help="a folder holding another kinerja package (e.g. an earlier commit's, "
                        "from git archive) to time alternately with this one")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    compiled()
    if args.baseline:
        compiled(Path(args.baseline) / "kinerja")
    with tempfile.TemporaryDirectory(prefix="bench-floor-") as temporary:
        folder = project(Path(temporary))
        runs, before = {}, {}
        for jobs in filter(None, args.jobs.split(",")):
            times, baseline = [], []
            for _ in range(args.repeat):  # alternated, so that both see the same load
                times.append(cli(folder, "--jobs", jobs, "--force"))
                if args.baseline:
                    baseline.append(cli(folder, "--jobs", jobs, "--force", package=args.baseline))
            runs[jobs] = min(times)
            if baseline:
                before[jobs] = min(baseline)
        seconds, by_kind, count, ipython_reset = floor(folder, args.repeat)
        steps = profile(folder) if args.profile else {}
    print(f"| measurement ({count} notebooks, {cores} cores, best of {args.repeat}) | seconds |")
    print("|---|---:|")
    print(f"| floor: the notebooks' code for every page in one warm InteractiveShell | {seconds:.2f} |")
    for name, value in sorted(by_kind.items()):
        print(f"| … of which {name} cells | {value:.2f} |")
    print(f"| (for comparison: IPython's `reset(new_session=True)` between the pages) | {ipython_reset:.2f} |")
    print(f"| floor ÷ {cores} cores | {seconds / cores:.2f} |")
    print(f"| goal: 1,5 × floor ÷ {cores} | {1.5 * seconds / cores:.2f} |")
    for jobs, value in runs.items():
        if jobs in before:
            print(f"| `kinerja run --tahun 2024 --force --jobs {jobs}`, baseline package | {before[jobs]:.2f} |")
        print(f"| `kinerja run --tahun 2024 --force --jobs {jobs}` | {value:.2f} |")
    if "2" in runs:
        ratio = runs["2"] / (seconds / cores)
        print(f"\nratio run (--jobs 2) / (floor ÷ {cores}): {ratio:.2f} (goal ≤ 1,5: {'met' if ratio <= 1.5 else 'MISSED'})")
    if steps:
        print("\n| runner step (in process, --jobs 1, warm kernel) | seconds |")
        print("|---|---:|")
        for name, value in steps.items():
            print(f"| {name} | {value:.2f} |")


if __name__ == "__main__":
    main()
