"""Processes that end with their parent: the workers of ``kinerja run`` and their kernels.

When ``kinerja run`` is killed (``kill -9``, a closed terminal, an out-of-memory kill), its pool
workers and their Jupyter kernels must not go on executing notebooks and writing into the build
folder. :func:`die_with_parent` asks Linux for a signal when the parent dies
(``prctl(PR_SET_PDEATHSIG)``, through ctypes); where that is not available (macOS, other
systems) a daemon thread checks the parent's id twice a second instead. Either way the parent is
checked once at the start too: it may have died before the request was made.

Kernels are started through :data:`KERNEL_LAUNCHER`, a few lines of Python that do the same for
the kernel (``SIGKILL`` when the worker dies) before starting ipykernel, without importing
kinerja or anything that would choose a plotting backend before ipykernel does. ipykernel's own
parent poller (``JPY_PARENT_PID``, set by jupyter_client) stays in place as a second line.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

#: ``prctl`` option: the signal this process gets when its parent (thread) ends.
PR_SET_PDEATHSIG = 1
#: Environment variable naming the process a kernel must die with.
PARENT_ENV = "KINERJA_INDUK"
POLL_SECONDS = 0.5

#: ``python -c KERNEL_LAUNCHER -f CONNECTION_FILE …``: an ipykernel that dies with the process
#: named in :data:`PARENT_ENV` (self-contained: it runs before anything else in the kernel).
KERNEL_LAUNCHER = f"""\
import os, signal, sys
parent = int(os.environ.get({PARENT_ENV!r}) or 0)
if parent and sys.platform.startswith("linux"):
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl({PR_SET_PDEATHSIG}, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):
        pass
if parent and os.getppid() != parent:
    os._exit(1)
if sys.path and sys.path[0] in ("", os.getcwd()):
    del sys.path[0]  # as ipykernel_launcher does; the kernel puts the working folder back
from ipykernel import kernelapp
kernelapp.launch_new_instance()
"""


def request_parent_death_signal(sig: int) -> bool:
    """Ask Linux to send ``sig`` to this process when its parent ends; False where that cannot be
    done (not Linux, no C library)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def die_with_parent(parent: int, sig: int = signal.SIGTERM) -> None:
    """Have this process receive ``sig`` when the process ``parent`` (its parent now) ends: by
    ``prctl`` on Linux, else by a polling thread. When ``parent`` is already gone, ``sig`` is sent
    at once."""
    if not request_parent_death_signal(sig):
        _watch_parent(parent, sig)
    if not parent_alive(parent):
        os.kill(os.getpid(), sig)


def parent_alive(parent: int) -> bool:
    """Whether this process's parent is still ``parent`` (an orphan is adopted by another process)."""
    return os.getppid() == parent


def _watch_parent(parent: int, sig: int) -> None:
    def watch() -> None:
        while parent_alive(parent):
            time.sleep(POLL_SECONDS)
        os.kill(os.getpid(), sig)

    threading.Thread(target=watch, name="kinerja-induk", daemon=True).start()
