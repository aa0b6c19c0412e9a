"""Where the time of one ``kinerja run --tahun 2024 --force --jobs N`` goes, per process.

On a temporary copy of the project with the 36-OPD sample (as ``bench_run.py``), runs
:func:`kinerja.run.run` in this process with the runner's steps wrapped (the pool's workers are
forked, so they inherit the wrappers): for the main process planning (of which reading and scoring
the year, and handing it to the kernels), for each worker its kernel's warm-up and, per notebook,
papermill preparing it, nbclient executing it in the warm kernel, and the commit (extracts, notebook,
stamp). For every step: wall seconds, the CPU seconds of the process that ran it and of its kernel
(read from ``/proc``, Linux only), and when the first one started and the last one ended, counted
from the start of the run. Also the CPU seconds of the whole run (this process and its children).

    .venv/bin/python benchmarks/bench_run_timeline.py --jobs 2
    PYTHONPATH=/tmp/base .venv/bin/python benchmarks/bench_run_timeline.py   # an earlier package
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_run import compiled, project  # noqa: E402


def kernel_cpu() -> float:
    """CPU seconds of this worker's kernel so far (0 outside a worker or without /proc)."""
    from kinerja.run import kernel

    try:
        fields = Path(f"/proc/{kernel.KERNEL.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, TypeError, ValueError, IndexError):
        return 0.0


def wrap(log: Path, owner, name: str, step: str, label=lambda *args, **kwargs: "") -> None:
    """Replace ``owner.name`` by a wrapper that appends one JSON line per call to ``log``."""
    original = getattr(owner, name)

    @functools.wraps(original)
    def wrapper(*args, **kwargs):
        started, cpu, kcpu = time.perf_counter(), time.process_time(), kernel_cpu()
        try:
            return original(*args, **kwargs)
        finally:
            record = {"pid": os.getpid(), "step": step, "label": label(*args, **kwargs), "t0": started,
                      "t1": time.perf_counter(), "cpu": time.process_time() - cpu, "kcpu": kernel_cpu() - kcpu}
            with log.open("a", encoding="utf-8") as out:
                out.write(json.dumps(record) + "\n")

    setattr(owner, name, wrapper)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=2, help="workers of the run (default 2)")
    args = parser.parse_args()
    import kinerja

    compiled(Path(kinerja.__file__).parent)  # the package imported (PYTHONPATH may name another)
    import kinerja.run as runner
    from kinerja import pages, run
    from kinerja.run import execute, kernel, outputs, pool

    with tempfile.TemporaryDirectory(prefix="bench-timeline-") as temporary:
        log = Path(temporary) / "steps.jsonl"
        wrap(log, kernel.WarmKernel, "warm", "kernel warm-up (start, imports, the year's analysis)")
        wrap(log, execute, "execute_job", "notebook, all of it", lambda job: job.label)
        pool.execute_job = execute.execute_job  # the pool submits the function it imported
        wrap(log, execute, "prepare", "papermill: read, parameterise")
        wrap(log, kernel.WarmKernel, "execute", "nbclient: execute in the warm kernel")
        wrap(log, outputs, "write_extracts", "extracts (CSV, XLSX, PNG, page JSON)")
        wrap(log, outputs, "commit", "commit (extracts, notebook, stamp)")
        wrap(log, runner, "plan", "plan (read, score, build and hash the pages)")
        wrap(log, pages, "analyse", "… of which reading and scoring the year")
        if hasattr(runner, "share"):
            wrap(log, runner, "share", "… of which handing the year to the kernels")
        (Path(temporary) / "proyek").mkdir()
        folder = project(Path(temporary) / "proyek")
        previous = os.getcwd()
        os.chdir(folder)
        try:
            started, before = time.perf_counter(), os.times()
            summary = run.run([2024], jobs=args.jobs, force=True, root=".", progress=False)
            seconds, after = time.perf_counter() - started, os.times()
        finally:
            os.chdir(previous)
        assert summary.ok, summary.problems()
        records = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    cpu = sum(after[i] - before[i] for i in range(4))
    print(f"run: {seconds:.2f} s wall, {cpu:.2f} s CPU (this process and its children, kernels included)\n")
    print("| process | step | calls | wall s | CPU s | kernel CPU s | first start | last end |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for pid in sorted({r["pid"] for r in records}, key=lambda p: (p != os.getpid(), p)):
        who = "main" if pid == os.getpid() else f"worker {pid}"
        steps: dict[str, list[dict]] = {}
        for record in records:
            if record["pid"] == pid:
                steps.setdefault(record["step"], []).append(record)
        for step, calls in steps.items():
            print(f"| {who} | {step} | {len(calls)} | {sum(c['t1'] - c['t0'] for c in calls):.2f} | "
                  f"{sum(c['cpu'] for c in calls):.2f} | {sum(c['kcpu'] for c in calls):.2f} | "
                  f"{min(c['t0'] for c in calls) - started:.2f} | {max(c['t1'] for c in calls) - started:.2f} |")
        jobs = sorted((r for r in records if r["pid"] == pid and r["step"] == "notebook, all of it"),
                      key=lambda r: r["t0"])
        if jobs:
            print(f"| {who} | first and last notebooks | | | | | "
                  f"{jobs[0]['label']} | {jobs[-1]['label']} |")


if __name__ == "__main__":
    main()
