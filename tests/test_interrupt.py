"""Interrupted work leaves nothing running and nothing behind: ``kill -9`` of ``kinerja run`` ends
its workers and kernels within seconds, and what killed commands leave (temporary files, kernel
socket folders, publish staging folders) is removed by the next command, while what running
processes use is left alone."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import psutil
import pytest
from publish_fixture import make_project, published

from kinerja import run

from kinerja.support import safety
from kinerja.publish import TEMP_PREFIX as STAGING_PREFIX

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "contoh-kecil" / "kinerja.csv"


def dead_pid() -> int:
    """The id of a process that has ended (and been reaped)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.fixture
def short_tmp():
    """A temporary folder with a short path (kernel sockets are Unix sockets: at most 107 characters)."""
    folder = tempfile.mkdtemp(prefix="kj-", dir="/tmp" if os.path.isdir("/tmp") else None)
    yield Path(folder)
    shutil.rmtree(folder, ignore_errors=True)


def files_state(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def alive(processes: list[psutil.Process]) -> list[psutil.Process]:
    found = []
    for process in processes:
        try:
            if process.is_running() and process.status() != psutil.STATUS_ZOMBIE:
                found.append(process)
        except psutil.NoSuchProcess:
            continue
    return found


def command(process: psutil.Process) -> str:
    """The command line of ``process``; "" once it has ended (a short-lived child, such as the
    ``uname -p`` that Python's ``platform`` module runs, can end while it is looked at)."""
    try:
        return " ".join(process.cmdline())
    except psutil.Error:
        return ""


def describe(processes: list[psutil.Process]) -> list[str]:
    out = []
    for process in processes:
        try:
            out.append(f"{process.pid}: {' '.join(process.cmdline())[:120]}")
        except psutil.Error:
            out.append(str(process.pid))
    return out


def test_kill_9_of_run_ends_its_workers_and_kernels(tmp_path, short_tmp):
    project = make_project(tmp_path / "proyek")
    notebook = nbformat.read(project / "notebooks" / "opd.ipynb", as_version=4)
    started = tmp_path / "mulai"  # each OPD page says here that it is executing, then takes its time
    started.mkdir()
    notebook.cells.insert(3, nbformat.v4.new_code_cell(
        f"import pathlib, time\npathlib.Path({str(started)!r}, str(kode_opd)).touch()\ntime.sleep(8)"))
    nbformat.write(notebook, project / "notebooks" / "opd.ipynb")
    env = {**os.environ, "TMPDIR": str(short_tmp)}
    process = subprocess.Popen([sys.executable, "-m", "kinerja", "run", "--tahun", "2024", "--jobs", "2"], cwd=project,
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    descendants: list[psutil.Process] = []
    try:
        parent = psutil.Process(process.pid)
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline and process.poll() is None:  # until both kernels run notebooks
            descendants = parent.children(recursive=True)
            kernels = [p for p in descendants if "ipykernel" in command(p)]
            if len(kernels) == 2 and any(started.iterdir()):  # a notebook is executing
                break
            time.sleep(0.2)
        assert process.poll() is None, "the run ended before it could be interrupted"
        time.sleep(1)
        descendants = parent.children(recursive=True)
        assert len(descendants) >= 4, describe(descendants)  # two workers, two kernels
        os.kill(process.pid, signal.SIGKILL)  # the run only: its children are not signalled
        process.wait()
        psutil.wait_procs(descendants, timeout=10)
        left = alive(descendants)
        assert left == [], f"still running 10 s after the run was killed: {describe(left)}"
        before = files_state(project / "_build")
        time.sleep(3)
        assert files_state(project / "_build") == before  # nothing writes into the build any more
    finally:
        for child in alive(descendants):
            child.kill()
        if process.poll() is None:
            process.kill()
    assert [p.name for p in short_tmp.iterdir() if p.name.startswith(run.SOCKETS_PREFIX)] == []  # sockets removed


def test_the_next_run_removes_what_killed_runs_left_and_keeps_what_running_ones_use(tmp_path, short_tmp, monkeypatch):
    project = make_project(tmp_path / "proyek")
    dead, build = dead_pid(), project / "_build" / "2024"
    (build / "opd").mkdir(parents=True)
    safety.mark_folder(project / "_build", "build")  # as the killed run made it
    left = [
        build / f"{run.TEMP_PREFIX}{dead}-ringkasan.abc.ipynb",
        build / "opd" / f"{run.TEMP_PREFIX}{dead}-1.01.1.01.opd.csv.xyz.csv",
        build / f"{run.TEMP_PREFIX}ringkasan.lama",  # an earlier version's (no process id)
    ]
    for path in left:
        path.write_text("sisa", encoding="utf-8")
    running = build / f"{safety.temporary_prefix(run.TEMP_PREFIX)}tren.def.ipynb"  # this (running) process's
    running.write_text("sedang ditulis", encoding="utf-8")
    sockets = short_tmp / f"{run.SOCKETS_PREFIX}{dead}-abcd"
    sockets.mkdir()
    (sockets / "kernel.json").write_text("{}", encoding="utf-8")
    (short_tmp / f"{run.SOCKETS_PREFIX}lama1234").mkdir()  # an earlier version's, empty for an hour
    os.utime(short_tmp / f"{run.SOCKETS_PREFIX}lama1234", (time.time() - 3600, time.time() - 3600))
    kept = [short_tmp / f"{run.SOCKETS_PREFIX}lama5678", short_tmp / f"{safety.temporary_prefix(run.SOCKETS_PREFIX)}x"]
    for folder in kept:  # an earlier version's still in use (not empty); a running process's
        folder.mkdir()
        (folder / "kernel-1").write_text("", encoding="utf-8")
    kept.append(short_tmp / f"{run.SOCKETS_PREFIX}baru9999")  # an earlier version's, empty but new: starting
    kept[-1].mkdir()
    monkeypatch.setenv("TMPDIR", str(short_tmp))
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    monkeypatch.chdir(project)
    summary = run.run([2024], ["opd=1.01"], jobs=2, progress=False)  # one OPD is enough
    assert summary.ok, summary.problems()
    assert [path for path in left if path.exists()] == []
    assert running.exists()
    assert sorted(p.name for p in short_tmp.iterdir() if p.name.startswith(run.SOCKETS_PREFIX)) == sorted(
        p.name for p in kept)


def test_a_killed_publish_leaves_staging_the_next_publish_removes(tmp_path_factory, tmp_path):
    built = published(tmp_path_factory)
    project = tmp_path / "proyek"
    shutil.copytree(built.project, project, ignore=shutil.ignore_patterns("_site*"))
    process = subprocess.Popen([sys.executable, "-m", "kinerja", "publish", "--engine", "pandoc"], cwd=project,
                               start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    staging: list[Path] = []
    try:
        while process.poll() is None and not staging:
            staging = [p for p in project.iterdir() if p.name.startswith(STAGING_PREFIX)]
            time.sleep(0.005)
        os.killpg(process.pid, signal.SIGKILL)  # publish and its pandoc processes
    except ProcessLookupError:
        pass
    process.wait()
    assert staging, "publish ended before its staging folder was seen"
    assert [p for p in project.iterdir() if p.name.startswith(STAGING_PREFIX)] == staging  # the kill left it
    assert staging[0].name.startswith(f"{STAGING_PREFIX}{process.pid}-")
    legacy = project / f"{STAGING_PREFIX}abcd1234"  # an earlier version's
    legacy.mkdir()
    running = project / f"{safety.temporary_prefix(STAGING_PREFIX)}x"  # a publish still running (this process)
    running.mkdir()
    try:
        done = subprocess.run([sys.executable, "-m", "kinerja", "publish", "--engine", "pandoc"], cwd=project,
                              capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stderr
        assert [p for p in project.iterdir() if p.name.startswith(STAGING_PREFIX)] == [running]
    finally:
        shutil.rmtree(running, ignore_errors=True)


def test_score_removes_the_staging_folder_a_killed_score_left(tmp_path):
    shutil.copyfile(SAMPLE, tmp_path / "pk.csv")
    stale = tmp_path / f".kinerja-hasil-{dead_pid()}-abcd"
    stale.mkdir()
    (stale / "opd.csv").write_text("setengah", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "kinerja", "score", "pk.csv", "--out", "hasil", "-q"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hasil", "pk.csv"]


def test_pid_alive():
    assert safety.pid_alive(os.getpid())
    assert not safety.pid_alive(dead_pid())
    zombie = subprocess.Popen([sys.executable, "-c", "pass"])
    deadline = time.monotonic() + 30
    while psutil.Process(zombie.pid).status() != psutil.STATUS_ZOMBIE and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not safety.pid_alive(zombie.pid)  # ended, not yet reaped
    zombie.wait()


def test_die_with_parent_in_a_child_process(tmp_path):
    """A grandchild that asked to die with its parent ends when that parent is killed."""
    flag = tmp_path / "pid"
    code = (
        "import os, signal, sys, time\n"
        "from kinerja.support import lifetime\n"
        "child = os.fork()\n"
        "if child == 0:\n"
        "    lifetime.die_with_parent(os.getppid(), signal.SIGKILL)\n"
        f"    open({str(flag)!r}, 'w').write(str(os.getpid()))\n"
        "    time.sleep(120)\n"
        "    os._exit(0)\n"
        "time.sleep(120)\n"
    )
    process = subprocess.Popen([sys.executable, "-c", code])
    try:
        deadline = time.monotonic() + 60
        while not (flag.exists() and flag.read_text()) and time.monotonic() < deadline:
            time.sleep(0.05)
        grandchild = psutil.Process(int(flag.read_text()))
        process.kill()
        process.wait()
        psutil.wait_procs([grandchild], timeout=10)
        assert alive([grandchild]) == []
    finally:
        if process.poll() is None:
            process.kill()
