"""The warm kernel of a worker process, and the worker's lifetime.

Each worker (of the local pool, or of a Dask cluster) keeps one kernel of this very Python
(``sys.executable``, with ``MPLBACKEND`` removed from its environment) for the notebooks it is
given: starting a kernel and importing pandas and matplotlib costs more than running a page.
Notebooks run in it through nbclient's public :class:`nbclient.NotebookClient`, given the kernel
manager and the open kernel client (so neither is started or closed per notebook). Before each
notebook the kernel is made as a fresh one (:mod:`kinerja.run.fresh`). A kernel that does not
start is retried once; a dead one is replaced by :meth:`WarmKernel.ensure`.

Interruption (:mod:`kinerja.support.lifetime`): workers get ``SIGTERM`` when the run's process dies
(even by ``kill -9``), then kill their kernel, remove its socket folder and exit without
committing anything; kernels get ``SIGKILL`` when their worker dies.
"""

from __future__ import annotations

import contextlib
import copy
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence

from kinerja.support import imports, lifetime, safety

#: Name start of a worker's folder of kernel sockets, in the system's temporary folder.
SOCKETS_PREFIX = "kinerja-kernel-"
START_TIMEOUT = 120  # seconds; kernels start slowly on a busy machine
CELL_TIMEOUT = 900  # seconds for one cell: a hanging notebook fails instead of blocking the run
#: Imported by a new kernel while the run plans (a warm kernel runs its first page at full speed).
WARM_MODULES = ("pandas", "matplotlib.pyplot", "seaborn", "kinerja.pages", "kinerja.render.figures",
                "kinerja.render.tables")


class KernelError(RuntimeError):
    """The kernel did not do what it was asked (reset, warm-up)."""


class WarmKernel:
    """One kernel and its open client, kept between notebooks. ``root`` is the folder it starts
    in and goes back to before every notebook."""

    def __init__(self, root: str = ".") -> None:
        self.root = root
        self.manager = None
        self.client = None
        self.sockets: str | None = None
        self.language_info: dict | None = None  # the kernel's answer to kernel_info, asked once

    @property
    def pid(self) -> int | None:
        """The kernel's process id (None: no kernel)."""
        return self.manager.provisioner.process.pid if self.manager is not None else None

    def start(self) -> None:
        """A kernel of this Python (the project's own environment) in ``root``, a ready client of
        it, and the namespace it started with remembered (:func:`kinerja.run.fresh.remember`)."""
        from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
        from jupyter_client.manager import AsyncKernelManager
        from jupyter_core.utils import run_sync

        class OwnPython(KernelSpecManager):
            def get_kernel_spec(self, kernel_name):
                argv = [sys.executable, "-Xfrozen_modules=off", "-c", lifetime.KERNEL_LAUNCHER, "-f",
                        "{connection_file}", "--HistoryManager.enabled=False"]
                return KernelSpec(argv=argv, display_name="Python 3 (ipykernel)", language="python", resource_dir="")

        # IPC sockets (and the connection file) in a folder of this worker's own: no TCP port races
        # between parallel kernels, and one folder to remove after a killed run
        self.sockets = tempfile.mkdtemp(prefix=safety.temporary_prefix(SOCKETS_PREFIX))
        # asynchronous manager and client, as nbclient expects: with blocking ones, a kernel that dies
        # mid-cell is never noticed (the wait for its output blocks the loop that checks it is alive)
        self.manager = AsyncKernelManager(kernel_name="python3", kernel_spec_manager=OwnPython(), transport="ipc",
                                          ip=os.path.join(self.sockets, "kernel"),
                                          connection_file=os.path.join(self.sockets, "kernel.json"))
        run_sync(self.manager.start_kernel)(env=_kernel_environment(), cwd=self.root, stdout=subprocess.DEVNULL,
                                            stderr=subprocess.DEVNULL)
        self.client = self.manager.client()
        self.client.start_channels()
        _import_execution()  # while the kernel starts
        run_sync(self.client.wait_for_ready)(timeout=START_TIMEOUT)
        self.run_silently("__import__('kinerja.run.fresh', fromlist=['remember']).remember(get_ipython())")

    def ensure(self) -> None:
        """A live kernel: started when missing or dead, retried once (a kernel can fail to answer
        in time when the machine is busy)."""
        from jupyter_core.utils import run_sync

        if self.manager is not None and run_sync(self.manager.is_alive)():
            return
        self.stop()
        try:
            self.start()
        except Exception:  # noqa: BLE001 - once more, then the error is reported
            self.stop()
            self.start()

    def warm(self, tahun: Sequence[int] = (), ubah: Sequence[str] = (), shared: str | None = None) -> None:
        """Start the kernel and do now what its first page would do first: import what the
        notebooks import (:data:`WARM_MODULES`), read and score the data of the years ``tahun``
        (``pages.analyse`` keeps the result for the pages; with ``shared``, the folder in which the
        run hands on its own analysis of each year, :func:`kinerja.pages.adopt` takes that one
        when it was made from the same params and data), draw one small figure (font caches).
        In a namespace of its own: no name is bound in the notebooks' namespace. A year whose
        data cannot be analysed is left to its pages, which report it."""
        self.ensure()
        code = (
            "import importlib, io\n"
            "for name in MODULES:\n"
            "    importlib.import_module(name)\n"
            "from kinerja import pages\n"
            "for year in YEARS:\n"
            "    try:\n"
            "        if SHARED is None or not pages.adopt(SHARED, year, proyek='.', ubah=UBAH):\n"
            "            pages.analyse(year, proyek='.', ubah=UBAH)\n"
            "    except Exception:\n"
            "        pass\n"
            "import matplotlib.pyplot as plt\n"
            "figure = plt.figure(figsize=(2, 1))\n"
            "figure.text(0.1, 0.5, 'Capaian 1.234,5 %')\n"
            "figure.savefig(io.BytesIO(), format='png')\n"
            "plt.close(figure)\n"
        )
        names = {"MODULES": list(WARM_MODULES), "YEARS": [int(year) for year in tahun], "UBAH": list(ubah),
                 "SHARED": shared}
        self.run_silently(f"exec({code!r}, {names!r})")

    def run_silently(self, code: str, timeout: float = START_TIMEOUT) -> None:
        """Execute ``code`` in the kernel without output, history or execution count; raise
        :class:`KernelError` unless it succeeds within ``timeout`` seconds."""
        from jupyter_core.utils import run_sync

        async def reply_to(msg_id: str) -> dict:
            deadline = time.monotonic() + timeout
            while True:
                reply = await self.client.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
                if reply.get("parent_header", {}).get("msg_id") == msg_id:
                    return reply

        reply = run_sync(reply_to)(self.client.execute(code, silent=True, store_history=False))
        if reply["content"]["status"] != "ok":
            content = reply["content"]
            raise KernelError(f"{content.get('ename', '')}: {content.get('evalue', '')}")

    def execute(self, notebook, timeout: int = CELL_TIMEOUT):
        """Run every cell of ``notebook`` (a NotebookNode, changed in place) as in a fresh kernel:
        the namespace reset (:func:`kinerja.run.fresh.reset`), then each cell through nbclient's
        :class:`nbclient.NotebookClient` with this kernel and its open client (its public
        ``async_execute_cell``: no kernel or client is started or closed, and no signal handler
        replaces the worker's). Raises nbclient's ``CellExecutionError`` for an error in a cell,
        ``DeadKernelError`` or a timeout when the kernel dies or a cell hangs."""
        from jupyter_core.utils import run_sync
        from nbclient import NotebookClient

        client = NotebookClient(notebook, km=self.manager, kernel_name="python3", timeout=timeout,
                                startup_timeout=START_TIMEOUT, record_timing=False)
        client.kc = self.client

        async def cells():
            if self.language_info is None:  # once per kernel: it does not change
                info = await client.async_wait_for_reply(self.client.kernel_info())
                if info is not None and "language_info" in info["content"]:
                    self.language_info = info["content"]["language_info"]
            if self.language_info is not None:
                notebook.metadata["language_info"] = copy.deepcopy(self.language_info)
            for index, cell in enumerate(notebook.cells):
                await client.async_execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
            client.set_widgets_metadata()

        self.run_silently(f"__import__('kinerja.run.fresh', fromlist=['reset']).reset(get_ipython(), {self.root!r})")
        run_sync(cells)()
        return notebook

    def stop(self) -> None:
        """Close the client, shut the kernel down and remove its socket folder."""
        self.language_info = None
        if self.client is not None:
            self.client.stop_channels()
            self.client = None
        if self.manager is not None:
            from jupyter_core.utils import run_sync

            with contextlib.suppress(Exception):  # best effort: the kernel may be gone already
                run_sync(self.manager.shutdown_kernel)(now=True)
            self.manager = None
        if self.sockets is not None:
            shutil.rmtree(self.sockets, ignore_errors=True)
            self.sockets = None

    def kill(self) -> None:
        """Kill the kernel at once (``SIGKILL`` to its process group) and remove its sockets."""
        if self.manager is not None:
            with contextlib.suppress(Exception):  # best effort: the kernel also dies with this worker
                os.killpg(self.pid, signal.SIGKILL)
        if self.sockets is not None:
            shutil.rmtree(self.sockets, ignore_errors=True)


#: This process's kernel.
KERNEL = WarmKernel()
#: The process of the run, which this worker must not outlive (0: none).
PARENT = 0


def start_worker(root: str, parent: int = 0, warm: tuple | None = None) -> None:
    """Pool initializer: work in the project folder; end with the run's process (``parent``); shut
    the kernel down when the worker exits; with ``warm`` (the run's years and overrides, and the
    folder of the analyses it hands on), start and warm the kernel now (:meth:`WarmKernel.warm`),
    while the run plans."""
    global PARENT
    imports.skip_iri_grammar()  # before papermill and nbclient import nbformat (kinerja.support.imports)
    KERNEL.root, PARENT = root, parent
    signal.signal(signal.SIGTERM, worker_terminated)
    if parent:
        lifetime.die_with_parent(parent, signal.SIGTERM)
    os.chdir(root)
    logging.getLogger("papermill").setLevel(logging.ERROR)  # its info and warnings would garble the bar
    from multiprocessing import util

    util.Finalize(None, KERNEL.stop, exitpriority=100)
    if warm is not None:
        with contextlib.suppress(Exception):  # a kernel that does not start is reported by its first job
            KERNEL.warm(*warm)


def run_alive() -> bool:
    """Whether the run this worker works for is still there (always, outside a pool)."""
    return not PARENT or lifetime.parent_alive(PARENT)


def worker_terminated(signum: int, frame) -> None:
    """``SIGTERM`` in a worker (the run's process died, or the pool ends it): kill the kernel,
    remove its socket folder and exit at once, committing nothing. Temporary files left in the
    build folder are removed by the next run."""
    KERNEL.kill()
    os._exit(128 + signum)


def _import_execution() -> None:
    """Import what executing a notebook needs (papermill, nbclient, nbformat), so that a worker
    does it while its kernel starts rather than in its first job."""
    import nbclient.client  # noqa: F401
    import papermill.execute  # noqa: F401
    import papermill.iorw  # noqa: F401
    import papermill.parameterize  # noqa: F401


def _kernel_environment() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "MPLBACKEND"}
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"  # no debugger warning on stderr
    env.pop("JPY_PARENT_PID", None)
    env[lifetime.PARENT_ENV] = str(os.getpid())  # the kernel dies with this worker
    return env
