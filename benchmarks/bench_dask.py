"""Benchmark of ``kinerja run --scheduler`` (a Dask cluster) against the local pool.

Generates, in a temporary folder, a synthetic project (CONTOH SINTETIS) of one pemda with ``--opd``
agencies × 3 indicators for 2024, so that a run is ``--opd`` + 2 notebooks (the shape of the
national case: many small agency pages), then measures with ``--force`` through the CLI:

* the local pool, ``--jobs W``;
* a local Dask cluster (``dask scheduler`` and ``dask worker --nworkers W --nthreads 1`` on
  127.0.0.1, started by this script and stopped after; the start is not timed, and one unmeasured
  run warms the workers' kernels up, as a long-lived cluster's are).

Every figure is the best of ``--repeat`` runs. Prints a Markdown table for docs/notebooks.md.

    .venv/bin/python benchmarks/bench_dask.py --opd 200 --workers 2 --repeat 3

``--pemda N`` measures the national case instead: N projects (one pemda each, ``--opd`` agencies
x 3 indicators, 2024), run one after the other as a national body would, each with
``kinerja run --jobs W`` (every run starts its own kernels) and each with ``kinerja run --scheduler``
against one long-lived cluster (its workers keep their kernels warm from one pemda to the next).
One pass each (no repeat); prints the totals and the time per pemda.

    .venv/bin/python benchmarks/bench_dask.py --pemda 40 --opd 2 --workers 2
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PARAMS = """pemda:
  nama: Pemerintah Daerah Tolok Ukur (CONTOH SINTETIS)
tahun: 2024
data:
  - data/kinerja.csv
"""
HEADER = "tahun,kode_opd,nama_opd,sasaran,kode_indikator,indikator,satuan,polaritas,target,realisasi,keterangan"


def project(folder: Path, opd: int, seed: int = 1) -> Path:
    """A project with ``opd`` agencies × 3 indicators in 2024 (seeded, synthetic)."""
    rng = random.Random(seed)
    (folder / "params").mkdir(parents=True)
    (folder / "params" / "2024.yml").write_text(PARAMS, encoding="utf-8")
    (folder / "data").mkdir()
    rows = [HEADER]
    for number in range(1, opd + 1):
        code = f"9.{number:03d}"
        for indicator in range(1, 4):
            polarity = "negatif" if indicator == 3 else "positif"
            target = rng.randint(50, 100)
            rows.append(f"2024,{code},Dinas Sintetis {number},Sasaran {indicator},S{number}.{indicator},"
                        f"Indikator {indicator},%,{polarity},{target},{rng.randint(40, 110)},CONTOH SINTETIS")
    (folder / "data" / "kinerja.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    shutil.copytree(ROOT / "notebooks", folder / "notebooks")
    return folder


def cli(folder: Path, *args: str) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "kinerja", "run", "--tahun", "2024", "--force", *args], cwd=folder,
                          capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"kinerja run {' '.join(args)} failed:\n{done.stderr}")
    return seconds, done.stdout.strip()


def start_cluster(folder: Path, workers: int) -> tuple[str, list[subprocess.Popen]]:
    from dask.distributed import Client

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    log = (folder / "cluster.log").open("w")
    scheduler = subprocess.Popen([BIN / "dask", "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                  "--no-dashboard"], stdout=log, stderr=subprocess.STDOUT)
    worker = subprocess.Popen([BIN / "dask", "worker", address, "--nworkers", str(workers), "--nthreads", "1",
                               "--host", "127.0.0.1", "--no-dashboard", "--local-directory", str(folder / "dask")],
                              stdout=log, stderr=subprocess.STDOUT)
    for _ in range(60):
        try:
            with Client(address, timeout=5, set_as_default=False) as client:
                client.wait_for_workers(workers, timeout=60)
            return address, [worker, scheduler]
        except Exception:  # noqa: BLE001 - the scheduler is still starting
            time.sleep(1)
    raise SystemExit("the Dask cluster did not start")


def national(count: int, opd: int, workers: int) -> None:
    """``count`` pemda projects run one after the other: local pool against one warm cluster."""
    with tempfile.TemporaryDirectory(prefix="kinerja-bench-dask-") as temporary:
        folder = Path(temporary)
        local = [project(folder / "lokal" / f"p{number}", opd, seed=number) for number in range(count)]
        remote = [project(folder / "cluster" / f"p{number}", opd, seed=number) for number in range(count)]
        started = time.perf_counter()
        for one in local:
            _, summary = cli(one, "--jobs", str(workers))
        local_total = time.perf_counter() - started
        notebooks = int(re.search(r"(\d+) notebook", summary).group(1))
        address, processes = start_cluster(folder, workers)
        try:
            cli(project(folder / "pemanasan", opd), "--scheduler", address)  # warms the workers' kernels up
            started = time.perf_counter()
            for one in remote:
                cli(one, "--scheduler", address)
            dask_total = time.perf_counter() - started
        finally:
            for process in processes:
                process.terminate()
                process.wait(timeout=30)
    print(f"| {count} pemda x {notebooks} notebooks, one after the other, {workers} workers | total (s) | per pemda (s) |")
    print("|---|---:|---:|")
    for label, total in ((f"local pool, `--jobs {workers}` per pemda", local_total),
                         (f"one local Dask cluster, `--nworkers {workers} --nthreads 1`", dask_total)):
        print(f"| {label} | {total:.1f} | {total / count:.2f} |".replace(".", ","))
    print(f"| ratio Dask / local | {dask_total / local_total:.2f} | |".replace(".", ","))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--opd", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pemda", type=int, default=0, help="the national case: this many projects, one after the other")
    args = parser.parse_args()
    if args.pemda:
        national(args.pemda, args.opd, args.workers)
        return
    with tempfile.TemporaryDirectory(prefix="kinerja-bench-dask-") as temporary:
        folder = Path(temporary)
        local = project(folder / "lokal", args.opd)
        remote = project(folder / "cluster", args.opd)
        times = {"local": [], "dask": []}
        for _ in range(args.repeat):
            seconds, summary = cli(local, "--jobs", str(args.workers))
            times["local"].append(seconds)
        notebooks = int(re.search(r"(\d+) notebook", summary).group(1))
        address, processes = start_cluster(folder, args.workers)
        try:
            cli(remote, "--scheduler", address)  # warms the workers' kernels up
            for _ in range(args.repeat):
                times["dask"].append(cli(remote, "--scheduler", address)[0])
        finally:
            for process in processes:
                process.terminate()
                process.wait(timeout=30)
    local_best, dask_best = min(times["local"]), min(times["dask"])
    print(f"| measurement ({notebooks} notebooks, {args.workers} workers, best of {args.repeat}) | seconds |")
    print("|---|---:|")
    print(f"| local pool, `--jobs {args.workers}` | {local_best:.1f} |".replace(".", ","))
    print(f"| local Dask cluster, `--nworkers {args.workers} --nthreads 1`, warm kernels | {dask_best:.1f} |"
          .replace(".", ","))
    print(f"| ratio Dask / local | {dask_best / local_best:.2f} |".replace(".", ","))


if __name__ == "__main__":
    main()
