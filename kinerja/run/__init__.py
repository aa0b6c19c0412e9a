"""``kinerja run``: execute the analysis notebooks for fiscal years, in parallel and incrementally.

For every requested year, ``notebooks/ringkasan.ipynb`` and ``notebooks/tren.ipynb`` run once and
``notebooks/opd.ipynb`` once per OPD (parameterised with papermill's public functions, executed by
nbclient in a warm kernel), into::

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

Execution: a process pool of ``jobs`` workers, started and warming their kernels while the run
plans (each job is handed to a worker as soon as it is planned; the kernels take the run's own
analysis of each year, and each page the run built, instead of making them again,
:func:`kinerja.pages.share`, :func:`kinerja.pages.share_page`), each with one
kernel of this very Python that it reuses for the notebooks it is given, made as a fresh kernel
before each one. A failing notebook does not stop the others; the summary
names its cell and error and the run's exit code is 1. Workers end with the run's process, even
when it is killed, and check that it is still there before they commit a notebook's outputs.

The modules, by job:

* :mod:`kinerja.run.jobs`: :class:`Job`, :class:`Outcome`, the build folder's file names;
* :mod:`kinerja.run.planning`: the plan and every hash (params hashed from their data);
* :mod:`kinerja.run.outputs`: extracts, executed notebook, stamps, commit, clean-up (atomic);
* :mod:`kinerja.run.kernel`: the warm kernel of a worker and the worker's lifetime;
  :mod:`kinerja.run.fresh` runs inside the kernel;
* :mod:`kinerja.run.execute`: one job: papermill's public functions parameterise the notebook,
  nbclient runs it in the warm kernel;
* :mod:`kinerja.run.pool`: the local process pool; :mod:`kinerja.run.cluster`: a Dask cluster.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kinerja.run import outputs, planning
from kinerja.run.execute import execute_job
from kinerja.run.jobs import (FAILED_SUFFIX, NOTEBOOKS, OPD_PAGE, PEMDA_PAGES, PLAN_FILE, STAMP_SUFFIX, TEMP_PREFIX,
                              TRIWULAN_PAGE, Job, Outcome)
from kinerja.run.kernel import SOCKETS_PREFIX
from kinerja.run.outputs import front_matter, is_current, write_extracts
from kinerja.run.planning import (check_parameters, inputs_key, package_hash, params_hash, plan, remember_plan,
                                  remembered_plan, safe_name, tables_hash, triwulan_folder, triwulan_pieces)
from kinerja.pages import release, share
from kinerja.support import display, pesan, safety

#: Name start of the run's private folder in which it hands each year's analysis to its kernels.
SHARED_PREFIX = "kinerja-analisis-"

__all__ = [
    "FAILED_SUFFIX", "NOTEBOOKS", "OPD_PAGE", "PEMDA_PAGES", "PLAN_FILE", "SOCKETS_PREFIX", "STAMP_SUFFIX",
    "TEMP_PREFIX", "Job", "Outcome", "Summary", "check_parameters", "execute_job", "front_matter", "inputs_key",
    "is_current", "package_hash", "params_hash", "plan", "remember_plan", "remembered_plan", "run", "safe_name",
    "TRIWULAN_PAGE", "tables_hash", "triwulan_folder", "triwulan_pieces", "write_extracts",
]

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
    (:func:`kinerja.run.planning.triwulan_pieces`); such a run neither uses nor keeps the remembered plan.

    ``progress=None`` shows the progress bar only on a terminal. With ``scheduler`` (a Dask
    scheduler's address) the jobs run on that cluster (:mod:`kinerja.run.cluster`). Raises
    :class:`ParamsError` for bad params, :class:`kinerja.support.safety.OutputFolderError` for a
    build folder kinerja must not write into (nothing runs).
    """
    started = time.perf_counter()
    root = Path(root)
    safety.check_output_folder(root / build, "build", root=root)
    workers = jobs or os.cpu_count() or 1
    if not force and not triwulan:
        remembered = [remembered_plan(year, ubah, build, root) for year in tahun]
        if all(jobs_of_year is not None for jobs_of_year in remembered):
            known = [job for jobs_of_year in remembered for job in jobs_of_year]
            stale = [job for job in known if not is_current(job, root)]
            if not stale:
                outcomes = [Outcome(job.label, "dilewati", job.output) for job in known]
                return Summary(outcomes, [], time.perf_counter() - started, build)
            workers = min(workers, len(stale))
    planning.check_project(root, tahun, ubah)  # a wrong params file stops the run before any worker starts
    workers_pool = shared = None
    if not scheduler:
        from kinerja.run import pool

        # each year's analysis is handed to the kernels (kinerja.pages.share): they would read and score it again
        shared = safety.staging_folder(tempfile.gettempdir(), SHARED_PREFIX)
        # the kernels warm up while the data is read and scored
        workers_pool = pool.start(root, workers, tahun, ubah, shared)
    submitted: dict = {}  # future → job: the jobs handed to the pool while the rest is planned

    def start_now(job: Job) -> None:
        """A job to run goes to a worker as soon as it is planned: the kernels compute pages while
        the main process builds and hashes the others (clean-up only touches outputs of pages
        not in the plan, and temporary files of processes no longer running)."""
        if force or not is_current(job, root):
            if not submitted:
                safety.mark_folder(root / build, "build")
            submitted[pool.submit(workers_pool, job)] = job

    try:
        previous = {year: outputs.planned_stems(root / build / str(year)) for year in tahun}  # before the plan is replaced
        try:
            planned, year_errors = plan(tahun, ubah, build, root, triwulan,
                                        on_job=start_now if workers_pool is not None else None,
                                        on_year=(lambda year: share(shared, year, proyek=root, ubah=ubah))
                                        if shared is not None else None)
        except BaseException:  # (a bad params file raises before any job is handed on)
            if workers_pool is not None:  # the jobs not started yet are dropped
                workers_pool.shutdown(wait=False, cancel_futures=True)
            raise
        if planned:
            safety.mark_folder(root / build, "build")
        for year in tahun:
            failed_year = any(error.startswith(pesan.RUN_TAHUN_GAGAL.format(tahun=year, pesan="")) for error in year_errors)
            if not failed_year and not triwulan:
                remember_plan(year, ubah, build, root, [job for job in planned if job.tahun == year])
        for year in tahun:
            outputs.clean_year(root / build / str(year), [job for job in planned if job.tahun == year], previous[year])
        if workers_pool is not None:  # every job was judged as it was planned (start_now)
            started_jobs = set(submitted.values())
            todo = [job for job in planned if job in started_jobs]
        else:
            todo = [job for job in planned if force or not is_current(job, root)]
        running = set(todo)
        outcomes = [Outcome(job.label, "dilewati", job.output) for job in planned if job not in running]
        if todo and scheduler:
            from kinerja.run import cluster

            outcomes += cluster.execute_all(todo, root, scheduler, progress)
        elif todo:
            outcomes += pool.execute_all(workers_pool, submitted, progress)
    finally:
        if shared is not None:
            release(shared, tahun)  # a kernel still waiting for a year stops waiting
        if workers_pool is not None:
            workers_pool.shutdown(wait=True, cancel_futures=True)
        if shared is not None:
            shutil.rmtree(shared, ignore_errors=True)
    order = {job.label: i for i, job in enumerate(planned)}
    outcomes.sort(key=lambda o: order.get(o.label, 0))
    return Summary(outcomes, year_errors, time.perf_counter() - started, build)
