"""The log of an internal error: the full traceback goes to a file, the user gets one line.

The log is written to ``$XDG_CACHE_HOME/kinerja/`` (``~/.cache/kinerja/`` when the variable is not
set) as ``kinerja-galat-<YYYYmmdd-HHMMSS>-<pid>.log``; when that folder cannot be written, to the
system's temporary folder. It holds the command line, the versions of kinerja, Python and the
platform, and the traceback.
"""

from __future__ import annotations

import datetime
import os
import platform
import sys
import tempfile
import traceback
from pathlib import Path

from kinerja import __version__


def log_folders() -> list[Path]:
    """Where a log is written, in order of preference."""
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return [Path(cache) / "kinerja", Path(tempfile.gettempdir())]


def write_crash_log(error: BaseException, argv: list[str] | None = None) -> Path | None:
    """Write the traceback of ``error`` to a new log file; return its path (None when no folder of
    :func:`log_folders` can be written)."""
    moment = datetime.datetime.now()
    name = f"kinerja-galat-{moment:%Y%m%d-%H%M%S}-{os.getpid()}.log"
    text = "".join([
        f"kinerja {__version__}; Python {platform.python_version()}; {platform.platform()}\n",
        f"waktu: {moment.isoformat(timespec='seconds')}\n",
        f"perintah: {' '.join(sys.argv[:1] + list(argv if argv is not None else sys.argv[1:]))}\n",
        f"folder kerja: {os.getcwd()}\n\n",
        *traceback.format_exception(error),
    ])
    for folder in log_folders():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / name
            with open(path, "x", encoding="utf-8") as stream:
                stream.write(text)
            return path
        except OSError:
            continue
    return None
