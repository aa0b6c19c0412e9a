"""The local pool: ``jobs`` worker processes, each with one warm kernel (:mod:`kinerja.run.kernel`).

The pool is started (and its kernels warmed) before the run plans, so that the kernels start and
import pandas, matplotlib and kinerja while the main process reads and scores the data; the run
hands each job on (:func:`submit`) as soon as it is planned. A failing
notebook does not stop the others; a worker that dies fails only its job.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from pathlib import Path

from kinerja.run import kernel
from kinerja.run.execute import execute_job
from kinerja.run.jobs import Job, Outcome
from kinerja.support import pesan, safety


def start(root: Path, workers: int, tahun: Sequence[int] = (), ubah: Sequence[str] = (),
          shared: Path | None = None) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes working in ``root``, every one of them started now and
    warming its kernel for the years ``tahun`` with the overrides ``ubah`` (the caller shuts the
    pool down); ``shared``: the folder in which the run hands on each year's analysis
    (:func:`kinerja.pages.share`), which the kernels take instead of making it again."""
    # fork: workers start at once without re-importing the caller's main module; every worker is
    # forked here, before the progress bar starts its thread
    safety.remove_stale(tempfile.gettempdir(), kernel.SOCKETS_PREFIX, legacy="empty")  # of killed runs
    pool = ProcessPoolExecutor(max(1, workers), mp_context=multiprocessing.get_context("fork"),
                               initializer=kernel.start_worker,
                               initargs=(str(root.resolve()), os.getpid(),
                                         (list(tahun), list(ubah), str(shared) if shared else None)))
    pool.submit(int)  # with fork, the first submission starts every worker
    return pool


def submit(pool: ProcessPoolExecutor, job: Job) -> Future:
    """Hand ``job`` to the next free worker of ``pool`` (jobs start in the order they are submitted)."""
    return pool.submit(execute_job, job)


def execute_all(pool: ProcessPoolExecutor, futures: dict[Future, Job], progress: bool | None) -> list[Outcome]:
    """Wait for the jobs handed to ``pool`` (:func:`submit`: future → job); the outcomes in the
    order they finish (progress bar on a terminal when ``progress`` is None)."""
    from tqdm import tqdm

    outcomes = []
    bar = tqdm(total=len(futures), desc=pesan.RUN_PROGRES, unit="nb",
               disable=None if progress is None else not progress)
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
