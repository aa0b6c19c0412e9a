"""``kinerja run --scheduler``: the notebooks on a real local Dask cluster (kinerja.run.cluster).

A scheduler and two single-threaded worker processes (``dask scheduler`` / ``dask worker`` from
this environment, on 127.0.0.1 only) are started by the tests and torn down after. The workers
run in temporary folders of their own: the project reaches them only as the bytes the client
sends. The reference is a local ``--jobs 1`` run of the same fixture project, with the same
``SOURCE_DATE_EPOCH``: every file of the build folder must be byte-identical.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from publish_fixture import make_project

pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1739232000"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_cluster(folder: Path, nworkers: int, env: dict | None = None) -> tuple[str, list[subprocess.Popen]]:
    """A scheduler and ``nworkers`` worker processes on 127.0.0.1; returns its address and the
    processes (the workers first). Waits until every worker is registered."""
    from dask.distributed import Client

    folder.mkdir(parents=True, exist_ok=True)
    address = f"tcp://127.0.0.1:{free_port()}"
    log = (folder / "scheduler.log").open("w")
    scheduler = subprocess.Popen([BIN / "dask", "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
                                  "--no-dashboard"], stdout=log, stderr=subprocess.STDOUT, cwd=folder)
    worker_log = (folder / "worker.log").open("w")
    workers = subprocess.Popen([BIN / "dask", "worker", address, "--nworkers", str(nworkers), "--nthreads", "1",
                                "--host", "127.0.0.1", "--no-dashboard", "--local-directory", str(folder / "dask")],
                               stdout=worker_log, stderr=subprocess.STDOUT, cwd=folder, env=env or os.environ)
    deadline = time.monotonic() + 120
    while True:
        try:
            with Client(address, timeout=5, set_as_default=False) as client:
                client.wait_for_workers(nworkers, timeout=60)
            return address, [workers, scheduler]
        except Exception:
            if time.monotonic() > deadline:
                stop([workers, scheduler])
                raise
            time.sleep(1)


def stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    address, processes = start_cluster(tmp_path_factory.mktemp("cluster"), 2)
    yield address
    stop(processes)


def kinerja(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kinerja", *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          env=ENV, timeout=900, check=False)


def digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_cluster_run_writes_the_same_bytes_as_a_local_run(cluster, tmp_path):
    local = make_project(tmp_path / "lokal")
    remote = make_project(tmp_path / "cluster")
    done = kinerja("run", "--tahun", "2024", "--jobs", "1", cwd=local)
    assert done.returncode == 0, done.stderr
    done = kinerja("run", "--tahun", "2024", "--scheduler", cluster, cwd=remote)
    assert done.returncode == 0, done.stderr
    assert "5 notebook; 5 dijalankan, 0 dilewati (tidak berubah), 0 gagal" in done.stdout, done.stdout
    expected, got = digests(local / "_build"), digests(remote / "_build")
    # ringkasan, tren and three OPD: notebook, workbook, stamp and CSV extracts each
    assert {"2024/ringkasan.ipynb", "2024/opd/1.02.ipynb", "2024/opd/1.03.stamp.json",
            "2024/tren.xlsx"} <= set(expected)
    assert len(expected) > 30
    assert sorted(name for name in expected.keys() | got.keys() if expected.get(name) != got.get(name)) == []

    kernels = kernel_pids(cluster)
    assert any(kernels.values()), kernels  # the workers keep their kernel after the run

    # incremental: nothing changed, nothing is sent; one OPD's row changed, only its pages run
    again = kinerja("run", "--tahun", "2024", "--scheduler", cluster, cwd=remote)
    assert again.returncode == 0, again.stderr
    assert "5 notebook; 0 dijalankan, 5 dilewati (tidak berubah), 0 gagal" in again.stdout, again.stdout
    data = remote / "data" / "kinerja.csv"
    lines = data.read_text(encoding="utf-8").splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("2024,1.03,"))
    cells = lines[row].split(",")
    cells[9] = str(float(cells[9]) - 1)  # realisasi of one 1.03 indicator
    lines[row] = ",".join(cells)
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = digests(remote / "_build")
    changed = kinerja("run", "--tahun", "2024", "--scheduler", cluster, cwd=remote)
    assert changed.returncode == 0, changed.stderr
    assert "5 notebook; 3 dijalankan, 2 dilewati (tidak berubah), 0 gagal" in changed.stdout, changed.stdout
    after = digests(remote / "_build")
    assert before["2024/opd/1.01.ipynb"] == after["2024/opd/1.01.ipynb"]
    assert before["2024/opd/1.03.stamp.json"] != after["2024/opd/1.03.stamp.json"]
    assert not list((remote / "_build").rglob(".tmp-*"))
    # warm kernels: a worker that had a kernel ran the new jobs in that same kernel
    later = kernel_pids(cluster)
    assert all(later[worker] == pid for worker, pid in kernels.items() if pid), (kernels, later)


def kernel_pids(address: str) -> dict[str, int | None]:
    """The process id of each worker's kernel (None: none started)."""
    from dask.distributed import Client

    def pid():
        from kinerja.run import kernel

        return kernel.KERNEL.pid

    with Client(address, timeout=5, set_as_default=False) as client:
        return client.run(pid)


def test_a_failing_notebook_fails_only_its_job(cluster, tmp_path):
    project = make_project(tmp_path / "proyek")
    notebook = project / "notebooks" / "opd.ipynb"
    content = json.loads(notebook.read_text(encoding="utf-8"))
    at = next(i for i, cell in enumerate(content["cells"]) if "parameters" in cell["metadata"].get("tags", []))
    content["cells"].insert(at + 1, {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
                                     "source": "if kode_opd == '1.02':\n    raise ValueError('OPD rusak')"})
    notebook.write_text(json.dumps(content), encoding="utf-8")
    done = kinerja("run", "--tahun", "2024", "--scheduler", cluster, cwd=project)
    assert done.returncode == 1
    assert "5 notebook; 4 dijalankan, 0 dilewati (tidak berubah), 1 gagal" in done.stdout, done.stdout
    assert "2024/opd/1.02" in done.stderr and "ValueError: OPD rusak" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    opd = project / "_build" / "2024" / "opd"
    failed = json.loads((opd / "1.02.gagal.ipynb").read_text(encoding="utf-8"))
    assert any("OPD rusak" in json.dumps(cell.get("outputs", [])) for cell in failed["cells"])
    assert not (opd / "1.02.ipynb").exists() and not (opd / "1.02.stamp.json").exists()
    assert (opd / "1.01.stamp.json").is_file() and (opd / "1.03.stamp.json").is_file()


@pytest.mark.parametrize("address", ["closed-port", "bukan-alamat"])
def test_a_scheduler_that_does_not_answer_is_a_clear_message(tmp_path, address):
    project = make_project(tmp_path / "proyek")
    if address == "closed-port":
        address = f"tcp://127.0.0.1:{free_port()}"  # nothing listens there
    started = time.monotonic()
    done = kinerja("run", "--tahun", "2024", "--scheduler", address, cwd=project)
    assert done.returncode == 1
    assert f"Scheduler Dask {address} tidak dapat dihubungi dalam 5 detik" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr, done.stderr
    assert time.monotonic() - started < 120
    assert not list((project / "_build").rglob("*.ipynb"))


def test_workers_with_another_kinerja_are_refused(tmp_path):
    """A worker whose kinerja package differs (a copy with one changed file, first on its
    PYTHONPATH) is refused before any job is sent."""
    other = tmp_path / "lain"
    shutil.copytree(ROOT / "kinerja", other / "kinerja", ignore=shutil.ignore_patterns("__pycache__"))
    with (other / "kinerja" / "__init__.py").open("a", encoding="utf-8") as stream:
        stream.write("# another build\n")
    env = {**os.environ, "PYTHONPATH": str(other)}
    address, processes = start_cluster(tmp_path / "cluster", 1, env=env)
    try:
        project = make_project(tmp_path / "proyek")
        done = kinerja("run", "--tahun", "2024", "--scheduler", address, cwd=project)
    finally:
        stop(processes)
    assert done.returncode == 1
    assert "Worker Dask tcp://127.0.0.1:" in done.stderr and "memakai kinerja 0.1.0 (paket " in done.stderr, done.stderr
    assert "Pasang versi kinerja dan pustaka yang sama di semua worker" in done.stderr
    assert "Traceback" not in done.stderr
    assert not list((project / "_build").rglob("*.ipynb"))


def test_without_dask_the_message_says_how_to_install_it(monkeypatch):
    from kinerja.run import cluster as run_dask

    monkeypatch.setitem(sys.modules, "dask.distributed", None)  # import fails as where Dask is missing
    with pytest.raises(run_dask.ClusterError, match=r"pip install 'kinerja\[dask\]'"):
        run_dask.connect("tcp://127.0.0.1:1")
