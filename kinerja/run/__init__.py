"""``kinerja run``: execute the analysis notebooks for fiscal years, in parallel and incrementally.

For every requested year, ``notebooks/ringkasan.ipynb`` and ``notebooks/tren.ipynb`` run once and
``notebooks/opd.ipynb`` once per OPD, through Papermill's Python API, into::

    <build>/<tahun>/ringkasan.ipynb       executed notebook (first raw cell: front matter)
    <build>/<tahun>/ringkasan.xlsx        the data it showed, one sheet per table
    <build>/<tahun>/ringkasan/<tabel>.csv the same tables as CSV
    <build>/<tahun>/ringkasan.stamp.json  content hash of what it was made from, and the files written
    <build>/<tahun>/opd/<kode_opd>.ipynb  (and .xlsx, folder, .stamp.json) per OPD
    <build>/<tahun>/opd/<kode_opd>.gagal.ipynb   a failed notebook, kept for inspection

With ``--triwulan N`` also ``notebooks/triwulan.ipynb`` (pemantauan triwulan N), once for the pemda
and once per OPD: ``<build>/<tahun>/triwulan-N/index.ipynb`` and ``.../triwulan-N/opd/<kode_opd>.ipynb``.

Incremental: a notebook runs again only when the hash of its notebook file, its parameters
(injected values, the params in force), its data (the tables of its :class:`kinerja.pages.Page`,
so a change to one OPD's rows reruns that OPD's page and the pemda-wide pages that include its
numbers, not the other OPDs) or the installed ``kinerja`` package and plotting libraries differs
from the stamp beside the output. Outputs are written to temporary files and moved into place,
the stamp last: an interrupted run never leaves an output a later run would take as done.

Safety (:mod:`kinerja.support.safety`): the build folder must be new, empty or marked as made by ``kinerja
run`` (``<build>/.kinerja``); clean-up removes only what kinerja wrote (the stamps and the kept
plan say which), and temporary files carry the id of the process that made them, so that the next
run removes those of a killed run and leaves those of a running one alone.

Execution: a process pool of ``jobs`` workers, each with one kernel of this very Python
(``sys.executable``, with ``MPLBACKEND`` removed from its environment) that it reuses for the
notebooks it is given, resetting the kernel's namespace and execution counter before each one
(starting a kernel and importing pandas and matplotlib costs more than running a page). A kernel
that does not start is retried once; a kernel that dies is replaced. A failing notebook does not
stop the others; the summary names its cell and error and the run's exit code is 1.

Interruption (:mod:`kinerja.support.lifetime`): workers get ``SIGTERM`` when the run's process dies (even
by ``kill -9``), then kill their kernel, remove its socket folder and exit without committing
anything; kernels get ``SIGKILL`` when their worker dies. A worker also checks that the run is
still there before it commits a notebook's outputs.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import logging
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kinerja.support import atomic, display, escape, lifetime, pesan, safety, xlsx

from kinerja import pages
from kinerja.inputs.findings import InputError
from kinerja.inputs.params import ParamsError

NOTEBOOKS = "notebooks"
PEMDA_PAGES = ("ringkasan", "tren")
OPD_PAGE = "opd"
#: The quarterly monitoring page (``kinerja run --triwulan N``): pemda and every OPD.
TRIWULAN_PAGE = "triwulan"
STAMP_SUFFIX = ".stamp.json"
FAILED_SUFFIX = ".gagal.ipynb"
TEMP_PREFIX = ".tmp-"
#: Name start of a worker's folder of kernel sockets, in the system's temporary folder.
SOCKETS_PREFIX = "kinerja-kernel-"
START_TIMEOUT = 120  # seconds; kernels start slowly on a busy machine
CELL_TIMEOUT = 900  # seconds for one cell: a hanging notebook fails instead of blocking the run
#: Libraries whose version changes what a notebook shows.
LIBRARIES = ("pandas", "numpy", "matplotlib", "seaborn", "babel", "papermill", "ipykernel")


@dataclass(frozen=True, eq=False)
class Job:
    """One notebook to produce. Paths are relative to the project folder."""

    tahun: int
    nama: str  # ringkasan | tren | opd
    kode_opd: str | None
    notebook: str
    output: str
    parameters: dict
    judul: str
    kunci: str | None  # content hash; None when the page's data has errors (always executed)
    bagian: dict = field(default_factory=dict)
    tables: dict | None = None
    halaman: str | None = None  # the page's JSON (kinerja.pages.Page.meta_json), written beside the notebook

    @property
    def label(self) -> str:
        return f"{self.tahun}/{self.nama}" + (f"/{self.kode_opd}" if self.kode_opd else "")


@dataclass(frozen=True)
class Outcome:
    """What happened to one job: ``dijalankan`` (executed), ``dilewati`` (unchanged) or ``gagal``."""

    label: str
    status: str
    output: str
    detik: float = 0.0
    sel: int | None = None
    galat: str = ""
    gagal_di: str = ""


@dataclass
class Summary:
    outcomes: list[Outcome]
    year_errors: list[str]
    detik: float
    build: str

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "gagal"]

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)

    @property
    def ok(self) -> bool:
        return not self.failed and not self.year_errors

    def problems(self) -> list[str]:
        """Years that could not run and failed notebooks, with the cell and error (Bahasa Indonesia)."""
        lines = list(self.year_errors)
        for outcome in self.failed:
            tempat = pesan.RUN_GAGAL_SEL.format(sel=outcome.sel) if outcome.sel is not None else "-"
            lines.append(pesan.RUN_GAGAL.format(notebook=outcome.label, tempat=tempat, galat=outcome.galat))
            if outcome.gagal_di:
                lines.append(pesan.RUN_GAGAL_DISIMPAN.format(berkas=outcome.gagal_di))
        return lines

    def total(self) -> str:
        """The closing line: how many notebooks ran, were skipped, failed, and how long it took."""
        return pesan.RUN_RINGKASAN.format(
            detik=display.angka(self.detik, 1),
            jumlah=len(self.outcomes),
            dijalankan=self.count("dijalankan"),
            dilewati=self.count("dilewati"),
            gagal=len(self.failed),
            folder=self.build,
        )


# --- planning (main process) ---------------------------------------------------------------------


def plan(tahun: Sequence[int], ubah: Sequence[str] = (), build: str = "_build", root: str | Path = ".",
         triwulan: int | None = None) -> tuple[list[Job], list[str]]:
    """The jobs of the requested years and the errors of years that cannot run at all; with
    ``triwulan`` also the quarterly monitoring pages of each year (:func:`triwulan_pieces`).

    Raises :class:`ParamsError` for a bad params file or override (nothing runs).
    """
    root = Path(root)
    missing = [name for name in ("params", NOTEBOOKS) if not (root / name).is_dir()]
    if missing:
        raise ParamsError(pesan.RUN_PROYEK.format(folder=root.resolve().name or str(root), hilang=", ".join(missing)))
    common = {"paket": package_hash()}
    notebooks = {}
    for name in (*PEMDA_PAGES, OPD_PAGE, *([TRIWULAN_PAGE] if triwulan else [])):
        path = root / NOTEBOOKS / f"{name}.ipynb"
        notebooks[name] = _sha(path.read_bytes())
        check_parameters(path, ["tahun", "proyek", "ubah", *(["kode_opd"] if name in (OPD_PAGE, TRIWULAN_PAGE) else []),
                                *(["triwulan"] if name == TRIWULAN_PAGE else [])])
    jobs, year_errors = [], []
    for year in tahun:
        try:
            analysis = pages.analyse(year, proyek=root, ubah=ubah)
        except InputError as error:
            year_errors.append(pesan.RUN_TAHUN_GAGAL.format(tahun=year, pesan=_findings_text(error)))
            continue
        params_text = repr(analysis.params)
        if str(root) != ".":  # the same settings hash the same from any working folder
            params_text = params_text.replace(str(root) + "/", "")
        folder = f"{build}/{year}"
        pieces = [(name, None, f"{folder}/{name}.ipynb") for name in PEMDA_PAGES]
        pieces += [(OPD_PAGE, code, f"{folder}/{OPD_PAGE}/{safe_name(code)}.ipynb") for code in analysis.opd_codes()]
        if triwulan:
            found = triwulan_pieces(analysis, folder, triwulan)
            if found is None:
                year_errors.append(pesan.RUN_TAHUN_GAGAL.format(
                    tahun=year, pesan=pesan.TRIWULAN_TANPA_DATA_TAHUN.format(tahun=year)))
            pieces += found or []
        for name, code, output in pieces:
            parameters = {"tahun": int(year), "proyek": ".", "ubah": list(ubah)}
            if code is not None:
                parameters["kode_opd"] = code
            if name == TRIWULAN_PAGE:
                parameters["triwulan"] = int(triwulan)
            try:
                page = _page(analysis, name, code, triwulan)
            except InputError:
                page = None
            bagian = {
                **common,
                "notebook": notebooks[name],
                "parameter": _sha(json.dumps(parameters, sort_keys=True).encode() + params_text.encode()),
            }
            if page is not None:
                bagian["data"] = tables_hash(page.tables)
                judul = page.judul
            else:
                judul = pesan.HALAMAN_JUDUL_OPD.format(opd=analysis.opd_name(code), tahun=year) if code else name
            kunci = _sha(json.dumps(bagian, sort_keys=True).encode()) if page is not None else None
            jobs.append(Job(year, name, code, f"{NOTEBOOKS}/{name}.ipynb", output, parameters, judul, kunci, bagian,
                            page.tables if page is not None else None,
                            page.meta_json() if page is not None else None))
    return jobs, year_errors


def _page(analysis: pages.Analysis, name: str, code: str | None, triwulan: int | None = None) -> pages.Page:
    if name == "ringkasan":
        return pages.ringkasan(analysis)
    if name == "tren":
        return pages.tren(analysis)
    if name == TRIWULAN_PAGE:
        return pages.triwulan(analysis, triwulan, code)
    return pages.opd(analysis, code)


def triwulan_folder(triwulan: int) -> str:
    """The folder of a year's quarterly pages, in the build and on the site: ``triwulan-2``."""
    return f"{TRIWULAN_PAGE}-{int(triwulan)}"


def triwulan_pieces(analysis: pages.Analysis, folder: str, triwulan: int) -> list[tuple] | None:
    """The quarterly pages of a year (``kinerja run --triwulan N``): ``(name, kode_opd, output)``
    of the pemda page ``<tahun>/triwulan-N/index.ipynb`` and of one page per OPD,
    ``<tahun>/triwulan-N/opd/<kode_opd>.ipynb``; None when the year has no quarterly rows."""
    if not pages.has_quarters(analysis):
        return None
    base = f"{folder}/{triwulan_folder(triwulan)}"
    return [(TRIWULAN_PAGE, None, f"{base}/index.ipynb"),
            *((TRIWULAN_PAGE, code, f"{base}/{OPD_PAGE}/{safe_name(code)}.ipynb") for code in analysis.opd_codes())]


def is_current(job: Job, root: str | Path = ".") -> bool:
    """Whether the output of ``job`` exists and was made from exactly the same inputs."""
    if job.kunci is None:
        return False
    output = Path(root) / job.output
    stamp = _stamp_path(output)
    if not (output.is_file() and output.with_suffix(".xlsx").is_file() and stamp.is_file()):
        return False
    if job.halaman is not None and not output.with_name(output.name.removesuffix(".ipynb") + pages.PAGE_SUFFIX).is_file():
        return False  # a build of an earlier version, without the page beside the notebook
    return (_read_stamp(stamp) or {}).get("kunci") == job.kunci


def run(
    tahun: Sequence[int],
    ubah: Sequence[str] = (),
    jobs: int | None = None,
    force: bool = False,
    build: str = "_build",
    root: str | Path = ".",
    progress: bool | None = None,
    scheduler: str | None = None,
    triwulan: int | None = None,
) -> Summary:
    """Plan, then execute what changed (everything with ``force``); see the module docstring.
    With ``triwulan`` (1–4) the quarterly monitoring pages of each year are made too
    (:func:`triwulan_pieces`); such a run neither uses nor keeps the remembered plan.

    ``progress=None`` shows the progress bar only on a terminal. With ``scheduler`` (a Dask
    scheduler's address) the jobs run on that cluster (:mod:`kinerja.run.cluster`). Raises :class:`ParamsError` for
    bad params, :class:`kinerja.support.safety.OutputFolderError` for a build folder kinerja must not write
    into (nothing runs).
    """
    started = time.perf_counter()
    root = Path(root)
    safety.check_output_folder(root / build, "build", root=root)
    if not force and not triwulan:
        remembered = [remembered_plan(year, ubah, build, root) for year in tahun]
        if all(jobs_of_year is not None for jobs_of_year in remembered):
            known = [job for jobs_of_year in remembered for job in jobs_of_year]
            if all(is_current(job, root) for job in known):
                outcomes = [Outcome(job.label, "dilewati", job.output) for job in known]
                return Summary(outcomes, [], time.perf_counter() - started, build)
    planned, year_errors = plan(tahun, ubah, build, root, triwulan)
    previous = {year: _planned_stems(root / build / str(year)) for year in tahun}  # before the plan is replaced
    if planned:
        safety.mark_folder(root / build, "build")
    for year in tahun:
        failed_year = any(error.startswith(pesan.RUN_TAHUN_GAGAL.format(tahun=year, pesan="")) for error in year_errors)
        if not failed_year and not triwulan:
            remember_plan(year, ubah, build, root, [job for job in planned if job.tahun == year])
    for year in tahun:
        _clean_year(root / build / str(year), [job for job in planned if job.tahun == year], previous[year])
    todo = [job for job in planned if force or not is_current(job, root)]
    outcomes = [Outcome(job.label, "dilewati", job.output) for job in planned if job not in todo]
    if todo:
        if scheduler:
            from kinerja.run import cluster as run_dask

            outcomes += run_dask.execute_all(todo, root, scheduler, progress)
        else:
            outcomes += _execute_all(todo, root, jobs or os.cpu_count() or 1, progress)
    order = {job.label: i for i, job in enumerate(planned)}
    outcomes.sort(key=lambda o: order.get(o.label, 0))
    return Summary(outcomes, year_errors, time.perf_counter() - started, build)


PLAN_FILE = ".rencana.json"


def inputs_key(tahun: int, ubah: Sequence[str], root: str | Path = ".") -> str | None:
    """Hash of everything a year's plan is made from, read without parsing the data: the params
    file, the overrides, the content of every data file, the notebooks and the package. None when
    the params cannot be read (the full plan reports why)."""
    from kinerja.inputs.params import load_params

    root = Path(root)
    path = root / "params" / f"{tahun}.yml"
    try:
        params = load_params(path, ubah)
    except ParamsError:
        return None
    parts = [str(tahun), json.dumps(list(ubah)), _sha(path.read_bytes()), package_hash()]
    base = str(root.resolve()) + os.sep  # the same project hashes the same in any folder
    parts += [repr(pages.fingerprint(root / data)).replace(base, "") for data in params.data]
    parts += [_sha((root / NOTEBOOKS / f"{name}.ipynb").read_bytes()) for name in (*PEMDA_PAGES, OPD_PAGE)]
    return _sha("\n".join(parts).encode())


def remember_plan(tahun: int, ubah: Sequence[str], build: str, root: str | Path, jobs: list[Job]) -> None:
    """Keep a year's plan (without the tables) under the hash of its inputs, for :func:`remembered_plan`."""
    key = inputs_key(tahun, ubah, root)
    if key is None or any(job.kunci is None for job in jobs):
        return
    records = [{name: getattr(job, name) for name in ("tahun", "nama", "kode_opd", "notebook", "output", "parameters",
                                                        "judul", "kunci", "bagian")} for job in jobs]
    atomic.write_bytes(Path(root) / build / str(tahun) / PLAN_FILE, json.dumps({"kunci": key, "jobs": records}).encode(), TEMP_PREFIX)


def remembered_plan(tahun: int, ubah: Sequence[str], build: str, root: str | Path = ".") -> list[Job] | None:
    """The plan kept by the last run when nothing it was made from has changed (so a run with
    nothing to do does not read and score the data again), else None."""
    path = Path(root) / build / str(tahun) / PLAN_FILE
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        if kept.get("kunci") != inputs_key(tahun, ubah, root):
            return None
        return [Job(**record) for record in kept["jobs"]]
    except (OSError, ValueError, AttributeError, KeyError, TypeError):  # missing, or not a plan kinerja wrote
        return None


def _execute_all(todo: list[Job], root: Path, workers: int, progress: bool | None) -> list[Outcome]:
    from tqdm import tqdm

    workers = max(1, min(workers, len(todo)))
    # fork: workers start at once without re-importing the caller's main module; every job is
    # submitted (so every worker is forked) before the progress bar starts its thread
    context = multiprocessing.get_context("fork")
    outcomes = []
    safety.remove_stale(tempfile.gettempdir(), SOCKETS_PREFIX, legacy="empty")  # of killed runs
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_start,
                             initargs=(str(root.resolve()), os.getpid())) as pool:
        futures = {pool.submit(execute_job, job): job for job in todo}
        bar = tqdm(total=len(todo), desc=pesan.RUN_PROGRES, unit="nb", disable=None if progress is None else not progress)
        try:
            for future in as_completed(futures):
                job = futures[future]
                try:
                    outcome = future.result()
                except Exception as error:  # noqa: BLE001 - a worker that died: the job failed, the others go on
                    outcome = Outcome(job.label, "gagal", job.output, galat=f"{type(error).__name__}: {error}")
                outcomes.append(outcome)
                bar.set_postfix_str(job.label, refresh=False)
                bar.update()
        except KeyboardInterrupt:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        finally:
            bar.close()
    return outcomes


# --- execution (worker processes) ----------------------------------------------------------------

_KERNEL = None
_CLIENT = None
_SOCKETS: str | None = None
_ROOT = "."
_PARENT = 0  # the process of the run, which this worker must not outlive


def _worker_start(root: str, parent: int = 0) -> None:
    """Pool initializer: work in the project folder; end with the run's process (``parent``);
    shut the kernel down when the worker exits."""
    global _ROOT, _PARENT
    _ROOT, _PARENT = root, parent
    signal.signal(signal.SIGTERM, _worker_terminated)
    if parent:
        lifetime.die_with_parent(parent, signal.SIGTERM)
    os.chdir(root)
    logging.getLogger("papermill").setLevel(logging.ERROR)  # its info and warnings would garble the bar
    from multiprocessing import util

    util.Finalize(None, _stop_kernel, exitpriority=100)


def _worker_terminated(signum: int, frame) -> None:
    """``SIGTERM`` in a worker (the run's process died, or the pool ends it): kill the kernel,
    remove its socket folder and exit at once, committing nothing. Temporary files left in the
    build folder are removed by the next run."""
    if _KERNEL is not None:
        with contextlib.suppress(Exception):  # best effort: the kernel also dies with this worker
            os.killpg(_KERNEL.provisioner.process.pid, signal.SIGKILL)
    if _SOCKETS is not None:
        shutil.rmtree(_SOCKETS, ignore_errors=True)
    os._exit(128 + signum)


def _kernel_environment() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "MPLBACKEND"}
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"  # no debugger warning on stderr
    env.pop("JPY_PARENT_PID", None)
    env[lifetime.PARENT_ENV] = str(os.getpid())  # the kernel dies with this worker
    return env


def _start_kernel():
    """A kernel of this Python (the project's own environment) in the project folder, and a ready
    client of it."""
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync

    class OwnPython(KernelSpecManager):
        def get_kernel_spec(self, kernel_name):
            argv = [sys.executable, "-Xfrozen_modules=off", "-c", lifetime.KERNEL_LAUNCHER, "-f", "{connection_file}",
                    "--HistoryManager.enabled=False"]
            return KernelSpec(argv=argv, display_name="Python 3 (ipykernel)", language="python", resource_dir="")

    # IPC sockets (and the connection file) in a folder of this worker's own: no TCP port races
    # between parallel kernels, and one folder to remove after a killed run
    global _SOCKETS
    _SOCKETS = tempfile.mkdtemp(prefix=safety.temporary_prefix(SOCKETS_PREFIX))
    # asynchronous manager and client, as nbclient expects: with blocking ones, a kernel that dies
    # mid-cell is never noticed (the wait for its output blocks the loop that checks it is alive)
    manager = AsyncKernelManager(kernel_name="python3", kernel_spec_manager=OwnPython(), transport="ipc",
                                 ip=os.path.join(_SOCKETS, "kernel"),
                                 connection_file=os.path.join(_SOCKETS, "kernel.json"))  # goes with the folder
    run_sync(manager.start_kernel)(env=_kernel_environment(), cwd=_ROOT, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
    client = manager.client()
    client.start_channels()
    try:
        run_sync(client.wait_for_ready)(timeout=START_TIMEOUT)
    except RuntimeError:
        client.stop_channels()
        run_sync(manager.shutdown_kernel)(now=True)
        raise
    return manager, client


def _ensure_kernel() -> None:
    """A live kernel and client for this worker: started when missing or dead, retried once (a
    kernel can fail to answer in time when the machine is busy)."""
    global _KERNEL, _CLIENT
    from jupyter_core.utils import run_sync

    if _KERNEL is not None and run_sync(_KERNEL.is_alive)():
        return
    _stop_kernel()
    try:
        _KERNEL, _CLIENT = _start_kernel()
    except Exception:  # noqa: BLE001 - once more, then the error is reported
        _stop_kernel()
        _KERNEL, _CLIENT = _start_kernel()


def _stop_kernel() -> None:
    global _KERNEL, _CLIENT, _SOCKETS
    if _CLIENT is not None:
        _CLIENT.stop_channels()
        _CLIENT = None
    if _KERNEL is not None:
        from jupyter_core.utils import run_sync

        with contextlib.suppress(Exception):  # best effort: the kernel may be gone already
            run_sync(_KERNEL.shutdown_kernel)(now=True)
        _KERNEL = None
    if _SOCKETS is not None:
        shutil.rmtree(_SOCKETS, ignore_errors=True)
        _SOCKETS = None


def execute_job(job: Job) -> Outcome:
    """Execute one notebook (in a worker), commit its outputs, return what happened."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    _register_engine()
    started = time.perf_counter()
    output = Path(job.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f"{safety.temporary_prefix(TEMP_PREFIX)}{output.stem}.", suffix=".ipynb",
                                         dir=output.parent)
    os.close(handle)
    temporary = Path(temporary)
    try:
        try:
            _ensure_kernel()
        except Exception as error:  # noqa: BLE001 - reported in the summary, the other jobs go on
            _discard_outputs(output, job.tables)
            return Outcome(job.label, "gagal", job.output, time.perf_counter() - started, None,
                           pesan.RUN_KERNEL_GAGAL.format(rincian=f"{type(error).__name__}: {error}"))
        try:
            notebook = papermill.execute_notebook(
                job.notebook, str(os.path.relpath(temporary)), parameters=job.parameters, engine_name="kinerja",
                request_save_on_cell_execute=False, progress_bar=False, km=_KERNEL, kc=_CLIENT,
                start_timeout=START_TIMEOUT, execution_timeout=CELL_TIMEOUT,
            )
        except PapermillExecutionError as error:
            _discard_outputs(output, job.tables)
            failed = output.with_name(output.name.removesuffix(".ipynb") + FAILED_SUFFIX)
            _finish_notebook(temporary, failed, job)
            return Outcome(job.label, "gagal", job.output, time.perf_counter() - started, error.exec_count,
                           _error_text(error.ename, error.evalue), str(failed))
        except Exception as error:  # noqa: BLE001 - the kernel died or a cell timed out: replace the kernel
            _stop_kernel()
            _discard_outputs(output, job.tables)
            return Outcome(job.label, "gagal", job.output, time.perf_counter() - started, None,
                           pesan.RUN_KERNEL_MATI.format(rincian=f"{type(error).__name__}: {error}"))
        if _PARENT and not lifetime.parent_alive(_PARENT):  # the run is gone: commit nothing
            _worker_terminated(signal.SIGTERM, None)
        previous = _read_stamp(_stamp_path(output))
        _stamp_path(output).unlink(missing_ok=True)  # the outputs change from here on: no longer "done"
        written = _write_extracts(output, job.tables or {}, _listed_files(previous), job.halaman)
        _finish_notebook(temporary, output, job, notebook)
        record = {"kunci": job.kunci, "bagian": job.bagian, "berkas": [output.name, *written]}
        atomic.write_bytes(_stamp_path(output), json.dumps(record, indent=1).encode(), TEMP_PREFIX)
        output.with_name(output.name.removesuffix(".ipynb") + FAILED_SUFFIX).unlink(missing_ok=True)
        return Outcome(job.label, "dijalankan", job.output, time.perf_counter() - started)
    finally:
        temporary.unlink(missing_ok=True)


def _register_engine() -> None:
    """Papermill engine ``kinerja``: nbclient with a kernel and a kernel client that outlive the
    notebook.

    Papermill's own engine, given a running kernel, opens a new client per notebook and never
    closes it (it only closes what it started): sockets and a thread leak per notebook, and waiting
    for the new client to be ready costs a fifth of a page. This engine takes the worker's one open
    client instead, and resets the kernel (namespace, execution counter, working folder) before the
    first cell, so every notebook starts as in a fresh kernel.
    """
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines

    if "kinerja" in papermill_engines._engines:
        return

    reset = (
        "get_ipython().reset(new_session=True)\n"
        f"__import__('os').chdir({_ROOT!r})\n"
    )

    class Client(PapermillNotebookClient):
        def papermill_execute_cells(self):
            reply = self.wait_for_reply(self.kc.execute(reset, silent=True, store_history=False))
            if reply is None or reply["content"]["status"] != "ok":
                raise RuntimeError("kernel reset failed")
            super().papermill_execute_cells()

    class Engine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None, stderr_file=None,
                                     start_timeout=60, execution_timeout=None, **kwargs):
            kwargs.pop("input_path", None)
            client = Client(nb_man, km=kwargs.pop("km"), kernel_name=kernel_name, startup_timeout=start_timeout,
                            timeout=execution_timeout, record_timing=False, log_output=log_output)
            client.kc = kwargs.pop("kc")  # ready, and kept open for the next notebook
            return client.execute()

    papermill_engines.register("kinerja", Engine)


def _finish_notebook(temporary: Path, destination: Path, job: Job, notebook=None) -> None:
    """Clean the executed notebook (front matter, relative paths, no timing noise: no start and
    end times, and the id of papermill's parameter cell fixed instead of random, so that the same
    inputs give the same bytes) and move it into place atomically."""
    import nbformat

    if notebook is None:
        notebook = nbformat.read(temporary, as_version=4)
    meta = notebook.metadata.get("papermill", {})
    meta["input_path"] = job.notebook
    meta["output_path"] = job.output
    for key in ("start_time", "end_time", "duration"):
        meta.pop(key, None)
    for cell in notebook.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if "injected-parameters" in cell.metadata.get("tags", []) and "id" in cell:
            cell.id = "injected-parameters"
    if notebook.cells and notebook.cells[0].cell_type == "raw":
        notebook.cells[0].source = front_matter(job)
    atomic.write_bytes(destination, nbformat.writes(notebook).encode("utf-8"), TEMP_PREFIX)


def front_matter(job: Job) -> str:
    """YAML front matter for the first raw cell (read by Quarto listings): the title, which holds
    names from the data, escaped as Markdown text; ``params`` as they are."""
    data = {"title": job.judul, "lang": "id", "params": {"tahun": job.tahun}}
    if job.kode_opd:
        data["params"]["kode_opd"] = job.kode_opd
    return escape.front_matter(data)


def _write_extracts(output: Path, tables: dict[str, pd.DataFrame], previous: Sequence[str] = (),
                    halaman: str | None = None) -> list[str]:
    """The page's tables as ``<name>.xlsx`` (one sheet each) and ``<name>/<table>.csv``, each file
    written to a temporary file and moved into place; returns the files written, relative to
    ``output``'s folder.

    ``previous`` lists the files the last run wrote for this output (its stamp): those CSV files
    of tables the page no longer has are removed. Other files in ``<name>/`` are left alone.
    """
    stem = output.name.removesuffix(".ipynb")
    folder = output.parent / stem
    folder.mkdir(exist_ok=True)
    written = []
    for name, table in tables.items():
        with atomic.atomic_file(folder / f"{name}.csv", TEMP_PREFIX) as temporary:
            table.to_csv(temporary, index=False, encoding="utf-8")
        written.append(f"{stem}/{name}.csv")
    for gone in set(previous) - set(written):
        if gone.startswith(f"{stem}/") and gone.endswith(".csv") and "/" not in gone.removeprefix(f"{stem}/"):
            (output.parent / gone).unlink(missing_ok=True)
    with atomic.atomic_file(output.parent / f"{stem}.xlsx", TEMP_PREFIX) as temporary:
        xlsx.write_tables(temporary, tables)  # text stays text; the build's date only
    written.append(f"{stem}.xlsx")
    if halaman is not None:  # the page itself (kinerja.pages.Page.read reads it with the CSV files)
        atomic.write_bytes(output.parent / f"{stem}{pages.PAGE_SUFFIX}", halaman.encode("utf-8"), TEMP_PREFIX)
        written.append(f"{stem}{pages.PAGE_SUFFIX}")
    return written


def _read_stamp(path: Path) -> dict | None:
    """The stamp at ``path`` (None when missing or not a stamp kinerja wrote)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and "kunci" in data else None


def _listed_files(stamp: dict | None) -> list[str]:
    """The files a stamp says its run wrote (relative to the output's folder); [] for stamps of
    earlier versions, which did not list them."""
    listed = (stamp or {}).get("berkas")
    return [item for item in listed if isinstance(item, str)] if isinstance(listed, list) else []


def _remove_output(output: Path, tables: Sequence[str] = ()) -> None:
    """Remove the outputs of one notebook that kinerja wrote, stamp first: the notebook, the
    workbook, and in the extract folder the CSV files its stamp lists or of the ``tables`` named
    (then the folder, if that leaves it empty). Any other file stays."""
    stem = output.name.removesuffix(".ipynb")
    stamp = _stamp_path(output)
    listed = _listed_files(_read_stamp(stamp))
    stamp.unlink(missing_ok=True)
    output.unlink(missing_ok=True)
    output.with_name(f"{stem}.xlsx").unlink(missing_ok=True)
    output.with_name(f"{stem}{pages.PAGE_SUFFIX}").unlink(missing_ok=True)
    folder = output.with_name(stem)
    names = {f"{name}.csv" for name in tables} | {item.removeprefix(f"{stem}/") for item in listed
                                                   if item.startswith(f"{stem}/")}
    for name in names:
        if "/" not in name and name.endswith(".csv"):
            (folder / name).unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # not there, or holds files kinerja did not write
        folder.rmdir()


def _discard_outputs(output: Path, tables: dict | None = None) -> None:
    """Remove a job's previous outputs, stamp first (they no longer match the inputs)."""
    _remove_output(output, list(tables or ()))


def _planned_stems(folder: Path) -> set[str]:
    """The OPD outputs (file stems) the plan kept in a year's folder lists: kinerja made them."""
    try:
        records = json.loads((folder / PLAN_FILE).read_text(encoding="utf-8"))["jobs"]
        return {Path(r["output"]).name.removesuffix(".ipynb") for r in records if r.get("nama") == OPD_PAGE}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return set()


def _made_by_run(notebook: Path, stem: str) -> bool:
    """Whether ``notebook`` is a notebook ``kinerja run`` wrote for the OPD output ``stem`` (its
    papermill metadata names that output)."""
    try:
        meta = json.loads(notebook.read_text(encoding="utf-8"))["metadata"]["papermill"]
        return str(meta["output_path"]).endswith(f"{OPD_PAGE}/{stem}.ipynb")
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _output_stem(entry: Path) -> str | None:
    """The output an entry of an ``opd/`` folder belongs to (``007`` for ``007.xlsx``), or None."""
    if entry.is_dir():
        return entry.name
    for suffix in (FAILED_SUFFIX, STAMP_SUFFIX, pages.PAGE_SUFFIX, ".ipynb", ".xlsx"):
        if entry.name.endswith(suffix) and not entry.name.startswith("."):
            return entry.name.removesuffix(suffix)
    return None


def _clean_year(folder: Path, planned: list[Job], previous: set[str] = frozenset()) -> None:
    """Remove what interrupted runs left (temporary files of processes no longer running) and the
    outputs of OPDs no longer in the plan (``planned``: the year's jobs), but only what kinerja
    wrote: an OPD's outputs when its stamp is there or the previous plan (``previous``) listed it,
    a failed notebook also when its metadata names its output. Unknown files stay."""
    for directory in (folder, folder / OPD_PAGE):
        safety.remove_stale(directory, TEMP_PREFIX)
    opd = folder / OPD_PAGE
    if not opd.is_dir():
        return
    keep = {Path(job.output).name.removesuffix(".ipynb") for job in planned if job.nama == OPD_PAGE}
    tables = sorted({name for job in planned if job.nama == OPD_PAGE and job.tables for name in job.tables})
    stems = {_output_stem(entry) for entry in opd.iterdir()} - keep - {None}
    for stem in sorted(stems):
        output = opd / f"{stem}.ipynb"
        ours = stem in previous or _read_stamp(_stamp_path(output)) is not None
        failed = opd / f"{stem}{FAILED_SUFFIX}"
        if failed.is_file() and (ours or _made_by_run(failed, stem)):
            failed.unlink()
        if ours:
            _remove_output(output, tables)


# --- hashing ---------------------------------------------------------------------------------------


def package_hash() -> str:
    """Hash of the ``kinerja`` package's files and the versions of the libraries that draw."""
    package = Path(__file__).resolve().parents[1]  # all of kinerja, not only run/
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    for name in LIBRARIES:
        try:
            digest.update(f"{name}={importlib.metadata.version(name)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(name.encode())
    return digest.hexdigest()


def tables_hash(tables: dict[str, pd.DataFrame]) -> str:
    """Hash of a page's tables: names, columns, dtypes and every value (as CSV, unrounded)."""
    digest = hashlib.sha256()
    for name, table in tables.items():
        digest.update(name.encode())
        digest.update(repr(list(zip(table.columns, map(str, table.dtypes)))).encode())
        digest.update(table.to_csv(index=False).encode())
    return digest.hexdigest()


def check_parameters(notebook: Path, names: Sequence[str]) -> None:
    """Raise :class:`ParamsError` unless the notebook's ``parameters`` cell assigns every name
    (papermill only warns about unknown parameters)."""
    import ast

    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    assigned: set[str] = set()
    for cell in cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            for node in ast.walk(ast.parse(source)):
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                    assigned.add(node.id)
    missing = [name for name in names if name not in assigned]
    if missing:
        raise ParamsError(pesan.RUN_NOTEBOOK_PARAMETER.format(berkas=notebook, nama=", ".join(missing)))


def safe_name(kode: str) -> str:
    """A file name for an OPD code, one-to-one: :func:`kinerja.support.names.file_name`."""
    from kinerja.support.names import file_name

    return file_name(kode)


def _stamp_path(output: Path) -> Path:
    return output.with_name(output.name.removesuffix(".ipynb") + STAMP_SUFFIX)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _error_text(ename: str, evalue: str) -> str:
    first = "\n".join(line for line in str(evalue).splitlines()[:6])
    return f"{ename}: {first}" if first else ename


def _findings_text(error: InputError) -> str:
    errors = error.errors or error.findings
    shown = "; ".join(str(f) for f in errors[:5])
    more = f" {pesan.TEMUAN_LAINNYA.format(jumlah=len(errors) - 5)}" if len(errors) > 5 else ""
    return f"{error} {shown}{more}"
