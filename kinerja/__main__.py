"""``python -m kinerja`` is the ``kinerja`` command."""

import sys

from kinerja.cli import main

sys.exit(main())
