"""``kinerja run --scheduler ADDRESS``: the notebook jobs of :mod:`kinerja.run` on a Dask cluster.

The client (this process) plans as for a local run, then sends only the jobs whose stamp is not
current to an existing ``dask.distributed`` cluster. No shared filesystem is needed:

* the project's inputs a notebook reads (``params/*.yml``, the data files the params of the years
  name, ``notebooks/*.ipynb``) are sent once per run as one bundle of bytes (scattered to every
  worker); each worker unpacks it into a temporary folder of its own (once per bundle);
* each worker process keeps one warm kernel between jobs, as a process of the local pool does
  (:class:`KernelPlugin`: the folder is made in ``setup``, the kernel and folder go in
  ``teardown``); the job runs there through the very :func:`kinerja.run.execute.execute_job` of the local
  pool, with a lock so that a worker with several threads still runs one notebook at a time;
* the worker sends back the outcome and the bytes of the executed notebook and its stamp (for a
  failed notebook its ``.gagal.ipynb``) and removes what the job wrote from its folder; the client
  writes them atomically into the build folder with the local pool's functions, the extracts
  (XLSX, CSV) from the page tables it computed itself, so that they carry the client's build date
  (``SOURCE_DATE_EPOCH``), and the stamp last (:func:`commit`).

Before any job is sent the client checks that every worker runs the same ``kinerja`` version and
package hash (:func:`kinerja.run.planning.package_hash`: the package's files and the plotting libraries'
versions) and refuses a mismatch; an unreachable scheduler or a cluster without workers is a
:class:`ClusterError` (a message in Bahasa Indonesia, exit code 1). A failing notebook fails only
its job; a job whose worker is lost runs on another worker (Dask), and one that keeps killing
workers fails alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

from kinerja.support import atomic, imports, pesan, safety

from kinerja.inputs.params import ParamsError
from kinerja.run import kernel, outputs, planning
from kinerja.run.execute import execute_job
from kinerja.run.jobs import NOTEBOOKS, TEMP_PREFIX, Job, Outcome

try:  # workers always have Dask; a client without it is told to install it (connect)
    from distributed.diagnostics.plugin import WorkerPlugin as _PluginBase
except ImportError:  # pragma: no cover - depends on the installation
    _PluginBase = object

#: Seconds to wait for the scheduler to answer, and for at least one worker to be there.
CONNECT_TIMEOUT = 5
WORKER_TIMEOUT = 30
PLUGIN_NAME = "kinerja-kernel"
FOLDER_PREFIX = "kinerja-dask-"


class ClusterError(ParamsError):
    """The cluster cannot take the jobs (no Dask, unreachable, no workers, other kinerja version).
    Reported as params errors are: one line, exit code 1, nothing runs."""


# --- client -----------------------------------------------------------------------------------------


def execute_all(todo: list[Job], root: Path, scheduler: str, progress: bool | None) -> list[Outcome]:
    """Run ``todo`` on the cluster at ``scheduler`` and commit each result as it arrives (progress
    bar fed by the futures as they complete). Raises :class:`ClusterError` before any job is sent
    when the cluster cannot take them."""
    from tqdm import tqdm

    bundle = project_bundle(todo, root)
    client = connect(scheduler)
    try:
        check_workers(client, scheduler)
        client.register_plugin(KernelPlugin(), name=PLUGIN_NAME)
        from dask.distributed import as_completed

        key = _bundle_key(bundle)
        [shared] = client.scatter([bundle], broadcast=True, hash=False)
        futures = {client.submit(execute_remote, job, key, shared, pure=False): job for job in todo}
        outcomes = []
        bar = tqdm(total=len(todo), desc=pesan.RUN_PROGRES, unit="nb",
                   disable=None if progress is None else not progress)
        try:
            for future in as_completed(list(futures), loop=client.loop):
                job = futures[future]
                try:
                    outcome, produced = future.result()
                    commit(root, job, outcome, produced)
                except Exception as error:  # noqa: BLE001 - a lost worker or a failed write: this job failed
                    outcome = Outcome(job.label, "gagal", job.output, galat=f"{type(error).__name__}: {error}")
                outcomes.append(outcome)
                bar.set_postfix_str(job.label, refresh=False)
                bar.update()
        except KeyboardInterrupt:
            client.cancel(list(futures))
            raise
        finally:
            bar.close()
        return outcomes
    finally:
        with contextlib.suppress(Exception):
            client.close(timeout=CONNECT_TIMEOUT)


def connect(scheduler: str):
    """A client of the scheduler at ``scheduler``; :class:`ClusterError` when Dask is not installed
    or the scheduler does not answer within :data:`CONNECT_TIMEOUT` seconds."""
    try:
        from dask.distributed import Client
    except ImportError as error:
        raise ClusterError(pesan.DASK_TIDAK_TERPASANG) from error
    logging.getLogger("distributed").setLevel(logging.CRITICAL)  # its own retries would garble the output
    try:
        _check_address(scheduler)  # a malformed address never reaches Client (whose clean-up would complain)
        return Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except Exception as error:  # noqa: BLE001 - OSError, TimeoutError, a malformed address (ValueError)
        rincian = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ClusterError(pesan.DASK_TIDAK_TERJANGKAU.format(alamat=scheduler, detik=CONNECT_TIMEOUT,
                                                              rincian=rincian)) from error


def _check_address(scheduler: str) -> None:
    """Raise ValueError for an address Dask cannot read (``tcp://HOST:PORT``; the scheme may be left
    out; schemes other than tcp and tls are left to Dask)."""
    from distributed.comm import parse_address, parse_host_port

    scheme, location = parse_address(scheduler, strict=False)
    if scheme in ("tcp", "tls"):
        parse_host_port(location)


def check_workers(client, scheduler: str) -> None:
    """Raise :class:`ClusterError` unless the cluster has a worker within :data:`WORKER_TIMEOUT`
    seconds and every worker has this ``kinerja`` version and package hash."""
    try:
        client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
    except Exception as error:  # noqa: BLE001 - dask raises TimeoutError
        raise ClusterError(pesan.DASK_TANPA_WORKER.format(alamat=scheduler, detik=WORKER_TIMEOUT)) from error
    here = identity()
    for worker, there in sorted(client.run(identity).items()):
        if tuple(there) != here:
            raise ClusterError(pesan.DASK_VERSI_BEDA.format(worker=worker, versi_worker=there[0],
                                                            paket_worker=there[1][:12], versi=here[0],
                                                            paket=here[1][:12]))


def identity() -> tuple[str, str]:
    """This process's ``kinerja`` version and package hash (run on every worker, too)."""
    import kinerja

    return kinerja.__version__, planning.package_hash()


def project_bundle(todo: Sequence[Job], root: Path) -> dict[str, bytes]:
    """The files the jobs' notebooks read, by path relative to the project: the params of their
    years, the data files those name (a folder: its files) and the notebooks. Raises
    :class:`ClusterError` for a data file outside the project folder (a worker could not find it)."""
    from kinerja.inputs.params import load_params

    base = root.resolve()
    files: dict[str, bytes] = {}
    for path in sorted((root / NOTEBOOKS).glob("*.ipynb")):
        files[f"{NOTEBOOKS}/{path.name}"] = path.read_bytes()
    for year in sorted({job.tahun for job in todo}):
        params_path = root / "params" / f"{year}.yml"
        files[f"params/{year}.yml"] = params_path.read_bytes()
        ubah = next(job.parameters.get("ubah", []) for job in todo if job.tahun == year)
        for data in load_params(params_path, ubah).data:
            path = (root / data).resolve()
            if not path.is_relative_to(base):
                raise ClusterError(pesan.DASK_BERKAS_LUAR.format(berkas=data))
            for file in sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]:
                files[file.relative_to(base).as_posix()] = file.read_bytes()
    return files


def commit(root: Path, job: Job, outcome: Outcome, produced: dict[str, bytes]) -> None:
    """Write what a worker sent back for ``job`` into the build folder under ``root`` with the
    local pool's own functions. A job that ran: its stamp removed first, the executed notebook
    moved into place atomically, the extracts written here from the tables the client computed
    (:func:`kinerja.run.outputs.commit`: the client's build date in the workbooks, CSV files of
    tables the page no longer has removed), the stamp last, a previous failed notebook removed. A
    job that failed: its outputs removed, its failed notebook kept when there is one."""
    output = root / job.output
    if outcome.status != "dijalankan":
        outputs.remove_output(output, list(job.tables or ()))
        for name, data in produced.items():
            atomic.write_bytes(root / name, data, TEMP_PREFIX)
        return
    record = json.loads(produced[outputs.stamp_path(output).relative_to(root).as_posix()])
    record.pop("berkas", None)
    outputs.commit(output, job, produced[job.output], record)


def _bundle_key(bundle: dict[str, bytes]) -> str:
    digest = hashlib.sha256()
    for name, data in sorted(bundle.items()):
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


# --- workers ------------------------------------------------------------------------------------------

_LOCK = threading.Lock()
_FOLDER: str | None = None
_UNPACKED: str | None = None  # key of the bundle unpacked in _FOLDER


class KernelPlugin(_PluginBase):
    """Per worker process: a temporary project folder of its own and one warm kernel (started by
    the first job, as in the local pool; stopped, and the folder removed, in ``teardown``)."""

    name = PLUGIN_NAME
    idempotent = True  # registered again by every run: keep the warm kernel

    def setup(self, worker=None) -> None:
        global _FOLDER
        imports.skip_iri_grammar()  # before papermill and nbclient import nbformat, where not too late
        with _LOCK:
            if _FOLDER is None:
                _FOLDER = tempfile.mkdtemp(prefix=safety.temporary_prefix(FOLDER_PREFIX))
                kernel.KERNEL.root = _FOLDER  # the kernel starts, and is reset, in this folder
            logging.getLogger("papermill").setLevel(logging.ERROR)

    def teardown(self, worker=None) -> None:
        global _FOLDER, _UNPACKED
        with _LOCK:
            stopper = threading.Thread(target=kernel.KERNEL.stop)  # not in the worker's event loop
            stopper.start()
            stopper.join(timeout=30)
            if _FOLDER is not None:
                shutil.rmtree(_FOLDER, ignore_errors=True)
            _FOLDER = _UNPACKED = None


def execute_remote(job: Job, key: str, bundle: dict[str, bytes]) -> tuple[Outcome, dict[str, bytes]]:
    """On a worker: unpack the project (once per bundle), run ``job`` with the local pool's
    :func:`kinerja.run.execute.execute_job` in the worker's folder, and return the outcome and the bytes
    of the files it wrote (taken out of the folder, so nothing is left for the next job)."""
    if _FOLDER is None:  # the plugin was not set up (a worker that joined without it)
        KernelPlugin().setup()
    with _LOCK:
        _unpack(key, bundle)
        os.chdir(_FOLDER)
        outcome = execute_job(job)
        return outcome, _take_outputs(Path(_FOLDER), job, outcome)


def _unpack(key: str, bundle: dict[str, bytes]) -> None:
    """Write the project bundle into the worker's folder unless it holds that bundle already
    (a new bundle replaces the previous project's files and outputs)."""
    global _UNPACKED
    if _UNPACKED == key:
        return
    folder = Path(_FOLDER)
    for entry in folder.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    for name, data in bundle.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    _UNPACKED = key


def _take_outputs(folder: Path, job: Job, outcome: Outcome) -> dict[str, bytes]:
    """What the client needs of the files ``job`` wrote, by path relative to the project: the
    executed notebook and its stamp, or the failed notebook (if any). Everything the job wrote is
    removed from the worker's folder, so that nothing is left for the next job."""
    output = folder / job.output
    stamp = outputs.stamp_path(output)
    if outcome.status == "dijalankan":
        wanted = [output, stamp]
    else:
        wanted = [folder / outcome.gagal_di] if outcome.gagal_di else []
    produced = {path.relative_to(folder).as_posix(): path.read_bytes() for path in wanted if path.is_file()}
    outputs.remove_output(output)
    outputs.failed_path(output).unlink(missing_ok=True)
    return produced
