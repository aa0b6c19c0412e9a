"""``kinerja score`` on a national-shape CSV, against the I/O floor.

    .venv/bin/python benchmarks/bench_cli_csv.py --make _bench/nasional.csv      # once: ~1.1 M rows, ~190 MB
    .venv/bin/python benchmarks/bench_cli_csv.py --csv _bench/nasional.csv --runs 3

The file has the national shape of ``generate_national.py`` (552 pemda × ~40 OPD × ~10 indicators ×
5 years, with ``kode_pemda`` and ``nama_pemda``), written as a plain CSV (comma, ``.`` decimals,
UTF-8): the input a ministry exports from a database.

Two commands, each in a fresh process, run back to back (a floor, then the cli, ``--runs`` times:
on a shared machine each pair sees about the same load), best of ``--runs`` (wall time and peak
resident memory of the process, from ``wait4`` of the child):

* **floor**: pandas ``read_csv`` of the file, one computed column (R / T × 100) and ``to_csv`` of
  the table: the least any tool reading and writing this file must do;
* **cli**: ``kinerja score FILE --out DIR`` (read, parse Indonesian numbers, validate, score every
  level with year-over-year changes, write the seven CSV files), ``--format`` as given.

Prints a Markdown table for ``docs/performance.md`` and the goal (cli within 1,5× the floor, peak
under 2 GB) as met / MISSED. The data is synthetic. ``_bench/`` is a scratch folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).absolute().parents[1]
GOAL_RATIO = 1.5
GOAL_MB = 2048

FLOOR = """
import sys
import pandas as pd
table = pd.read_csv(sys.argv[1])
table["capaian"] = table["realisasi"] / table["target"] * 100.0
table.to_csv(sys.argv[2], index=False)
"""


def make(path: Path, seed: int) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate_national import generate

    start = time.perf_counter()
    table = generate(seed)
    table = table.drop(columns=[c for c in table.columns if c.startswith("_")])
    path.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(path, index=False)
    print(f"{len(table):,} rows, {path.stat().st_size / 1e6:.0f} MB in {time.perf_counter() - start:.1f} s → {path}")


def timed(command: list[str]) -> tuple[float, float]:
    """(seconds, peak MB) of one child process (its own ``ru_maxrss``, from ``wait4``); raises when it fails."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    error = child.stderr.read().decode("utf-8", "replace")
    child.stderr.close()
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}):\n{error[-3000:]}")
    return seconds, usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--make", type=Path, help="write the national CSV here and stop")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--csv", type=Path, help="the national CSV")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--format", default=None, help="passed to kinerja score --format (csv, parquet)")
    args = parser.parse_args(argv)
    if args.make:
        make(args.make, args.seed)
        return 0
    if not args.csv:
        parser.error("--csv or --make")
    kinerja = str(Path(sys.executable).with_name("kinerja"))
    work = Path(tempfile.mkdtemp(prefix="bench-cli-"))
    try:
        floors, clis = [], []
        for run in range(args.runs):  # back to back: a floor, then the cli, under the same load
            floors.append(timed([sys.executable, "-c", FLOOR, str(args.csv), str(work / "floor.csv")]))
            out = work / f"hasil-{run}"
            command = [kinerja, "score", str(args.csv), "--out", str(out), "-q"]
            if args.format:
                command += ["--format", args.format]
            clis.append(timed(command))
            shutil.rmtree(out, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    floor = min(seconds for seconds, _ in floors)
    cli = min(seconds for seconds, _ in clis)
    peak_cli = max(peak for _, peak in clis)
    ratio = cli / floor
    pairs = [c / f for (f, _), (c, _) in zip(floors, clis)]
    print(f"| command | best of {args.runs} (s) | all runs (s) |")
    print("|---|---|---|")
    print(f"| floor (read_csv + 1 column + to_csv) | {floor:.1f} | {', '.join(f'{s:.1f}' for s, _ in floors)} |")
    fmt = f" --format {args.format}" if args.format else ""
    print(f"| `kinerja score FILE --out DIR{fmt}` | {cli:.1f} | {', '.join(f'{s:.1f}' for s, _ in clis)} |")
    print()
    print(f"ratio {ratio:.2f}× the floor (goal ≤ {GOAL_RATIO}×): {'met' if ratio <= GOAL_RATIO else 'MISSED'}")
    print(f"ratio of each back-to-back pair: {', '.join(f'{r:.2f}' for r in pairs)} (best {min(pairs):.2f})")
    print(f"peak memory of the floor {max(p for _, p in floors):.0f} MB")
    print(f"peak memory {peak_cli:.0f} MB (goal < {GOAL_MB} MB): {'met' if peak_cli < GOAL_MB else 'MISSED'}")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
