"""kinerja: score, analyse and publish the capaian kinerja of a pemda's OPDs.

The Python API for notebooks::

    import kinerja
    rules = kinerja.Rules(batas_atas=120)
    result = kinerja.score("data/contoh-kecil/kinerja.csv", rules)
    result.opd, result.pemda, result.perubahan_pemda

See ``docs/metodologi.md`` for every rule and its source.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kinerja")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0+unknown"

from kinerja.inputs.load import (  # noqa: E402
    LoadedData, check, load, plan_path, plan_progress, plan_targets, score, score_quarter,
)
from kinerja.core.triwulan import TriwulanResult  # noqa: E402
from kinerja.core.engine import ScoreResult, score_table  # noqa: E402
from kinerja.inputs.findings import Finding, InputError  # noqa: E402
from kinerja.inputs.params import Params, ParamsError, load_params  # noqa: E402
from kinerja.core.predikat import Scale, builtin_scale  # noqa: E402
from kinerja.core.rules import Rules, RulesError  # noqa: E402

__all__ = [
    "Finding",
    "InputError",
    "LoadedData",
    "Params",
    "ParamsError",
    "Rules",
    "RulesError",
    "Scale",
    "ScoreResult",
    "TriwulanResult",
    "__version__",
    "builtin_scale",
    "check",
    "load",
    "load_params",
    "plan_path",
    "plan_progress",
    "plan_targets",
    "score",
    "score_quarter",
    "score_table",
]
