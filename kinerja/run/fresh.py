"""Runs inside a kernel: the namespace of a fresh kernel before every notebook, cheaply.

IPython's ``reset(new_session=True)`` also collects garbage and rebuilds its aliases, which made up
about a quarter of a page's time. :func:`remember` keeps the namespace the kernel started with;
:func:`reset` restores exactly that namespace (every name a notebook bound is gone, ``In``,
``Out`` and ``_``, ``__``, ``___`` empty), restarts the execution counter at 1 and goes back to
the project folder. Imported modules stay imported, as they do after IPython's own reset.
Nothing from ``kinerja`` is imported here: this module is what the kernel loads first.
"""

from __future__ import annotations

import os

_BASE: dict | None = None


def remember(shell) -> None:
    """Keep ``shell``'s namespace as it is now (a kernel that has run nothing yet)."""
    global _BASE
    _BASE = dict(shell.user_ns)


def reset(shell, folder: str) -> None:
    """Make ``shell`` as a fresh kernel started in ``folder``: see the module docstring."""
    if _BASE is None:
        raise RuntimeError("fresh.remember was not called when the kernel started")
    history = shell.history_manager
    history.input_hist_parsed[:] = [""]
    history.input_hist_raw[:] = [""]
    history.output_hist.clear()
    history.output_hist_reprs.clear()
    os.chdir(folder)
    history.dir_hist[:] = [os.getcwd()]
    namespace = shell.user_ns
    namespace.clear()
    namespace.update(_BASE)
    shell.execution_count = 1
    shell.last_execution_succeeded = True
    shell.last_execution_result = None
