"""kinerja: score, analyse and publish the capaian kinerja of a pemda's OPDs.

The Python API for notebooks::

    import kinerja
    rules = kinerja.Rules(batas_atas=120)
    result = kinerja.score("data/contoh-kecil/kinerja.csv", rules)
    result.opd, result.pemda, result.perubahan_pemda
    loaded = kinerja.load("data/contoh")
    kinerja.reviu_flags(loaded.table)          # questions for the reviewer (never errors)
    kinerja.trace(loaded.table, rules, tahun=2024)   # how every number was obtained
    kinerja.method_sensitivity(loaded.tidy, rules)   # the figures under each standard method

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
from kinerja.core.reviu import ReviuSettings, reviu_flags  # noqa: E402
from kinerja.core.jejak import trace  # noqa: E402
from kinerja.core.metode import Setelan, method_sensitivity, standard_settings  # noqa: E402

__all__ = [
    "Finding",
    "InputError",
    "LoadedData",
    "Params",
    "ParamsError",
    "Rules",
    "ReviuSettings",
    "RulesError",
    "Scale",
    "ScoreResult",
    "TriwulanResult",
    "Setelan",
    "__version__",
    "builtin_scale",
    "check",
    "load",
    "load_params",
    "plan_path",
    "plan_progress",
    "plan_targets",
    "method_sensitivity",
    "reviu_flags",
    "score",
    "score_quarter",
    "score_table",
    "standard_settings",
    "trace",
]
