"""``python -m kinerja`` is the ``kinerja`` command."""

from kinerja.cli import entry

entry()
