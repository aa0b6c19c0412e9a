"""One job in a worker: the notebook parameterised with papermill's public functions, executed in
the worker's warm kernel (:mod:`kinerja.run.kernel`), its outputs committed
(:func:`kinerja.run.outputs.commit`).

A failing cell fails its job only: the executed notebook is kept as ``<name>.gagal.ipynb`` (with
papermill's note of the failing cell at the top) and the job's previous outputs are removed. A
kernel that dies or a cell that times out fails the job and the kernel is replaced.
"""

from __future__ import annotations

import signal
import time
from pathlib import Path

from kinerja.run import kernel, outputs
from kinerja.run.jobs import TEMP_PREFIX, Job, Outcome
from kinerja.support import atomic, pesan


def prepare(job: Job):
    """The notebook of ``job`` as papermill prepares it: read with its papermill metadata, the
    parameters injected after the ``parameters`` cell, input and output paths recorded."""
    from papermill.execute import prepare_notebook_metadata
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    notebook = load_notebook_node(job.notebook)
    notebook = parameterize_notebook(notebook, job.parameters, kernel_name="python3", language="python")
    notebook = prepare_notebook_metadata(notebook, job.notebook, job.output)
    notebook.metadata.papermill["exception"] = None
    return notebook


def execute_job(job: Job) -> Outcome:
    """Execute one notebook (in a worker, in its folder), commit its outputs, return what happened."""
    from nbclient.exceptions import CellExecutionError
    from papermill.exceptions import PapermillExecutionError
    from papermill.execute import raise_for_execution_errors

    started = time.perf_counter()
    output = Path(job.output)

    def failed(galat: str, sel: int | None = None, kept: str = "") -> Outcome:
        return Outcome(job.label, "gagal", job.output, time.perf_counter() - started, sel, galat, kept)

    try:
        kernel.KERNEL.ensure()
    except Exception as error:  # noqa: BLE001 - reported in the summary, the other jobs go on
        outputs.remove_output(output, list(job.tables or ()))
        return failed(pesan.RUN_KERNEL_GAGAL.format(rincian=f"{type(error).__name__}: {error}"))
    notebook = prepare(job)
    try:
        kernel.KERNEL.execute(notebook)
    except CellExecutionError:
        notebook.metadata.papermill["exception"] = True
        outputs.remove_output(output, list(job.tables or ()))
        kept = outputs.failed_path(output)
        try:  # papermill adds its note of the failing cell at the top (None: it writes no file)
            raise_for_execution_errors(notebook, None)
        except PapermillExecutionError as error:
            atomic.write_bytes(kept, outputs.notebook_bytes(notebook, job), TEMP_PREFIX)
            return failed(_error_text(error.ename, error.evalue), error.exec_count, str(kept))
        return failed("CellExecutionError")
    except Exception as error:  # noqa: BLE001 - the kernel died or a cell timed out: replace the kernel
        kernel.KERNEL.stop()
        outputs.remove_output(output, list(job.tables or ()))
        return failed(pesan.RUN_KERNEL_MATI.format(rincian=f"{type(error).__name__}: {error}"))
    if not kernel.run_alive():  # the run is gone: commit nothing
        kernel.worker_terminated(signal.SIGTERM, None)
    outputs.commit(output, job, outputs.notebook_bytes(notebook, job), {"kunci": job.kunci, "bagian": job.bagian})
    return Outcome(job.label, "dijalankan", job.output, time.perf_counter() - started)


def _error_text(ename: str, evalue: str) -> str:
    first = "\n".join(line for line in str(evalue).splitlines()[:6])
    return f"{ename}: {first}" if first else ename
