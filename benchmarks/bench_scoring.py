"""Time and peak memory of kinerja on the national dataset, next to a naive reference and the floor.

    .venv/bin/python benchmarks/generate_national.py --seed 1 --out _bench/nasional
    .venv/bin/python benchmarks/bench_scoring.py --store _bench/nasional --runs 5

Every measured stage runs in a fresh Python process (so that one stage's memory does not count
for the next): the child loads what the stage needs (untimed), runs the stage under
``time.perf_counter`` and reports its wall time and its peak resident memory
(``resource.getrusage(RUSAGE_SELF).ru_maxrss`` at exit: the whole process, interpreter, libraries
and the stage's input included). Each stage runs ``--runs`` times; the table shows the best and the
median time and the largest peak memory seen.

Stages:

* ``import``: import kinerja (the memory baseline of every other stage).
* ``read``: :meth:`store.Store.read` of every column (the source columns included).
* ``validate``: :func:`kinerja.inputs.validate.validate_table` on that table.
* ``order``: :func:`kinerja.core.engine.canonical_order` (the first step of ``score_table``).
* ``score``: indicator capaian and predikat (:func:`kinerja.core.scoring.score_indicators`).
* ``aggregate``: sasaran, OPD and pemda capaian with predikat.
* ``change``: year-over-year change of indicators, OPDs and pemda.
* ``end_to_end``: read the tidy columns + :func:`kinerja.core.engine.score_table` (canonical order,
  capaian, predikat, all aggregates, all changes): **the figure of the goals**.
* ``end_to_end_shuffled``: the same on the rows in random order (the canonical reordering then
  moves every row; measured after an untimed shuffle).
* ``floor``: read the same columns + one vectorised arithmetic pass over them (R / T × 100 with
  the polarity chosen by ``numpy.where``): the least any implementation must spend.
* ``reference``: the row-by-row implementation of ``benchmarks/reference.py`` on a 1 % sample of
  the pemda (all their OPDs and years), timed from a list of dicts; time extrapolated × rows.

Before timing, the engine's results on the sample are compared with the reference's, under three
rule sets, to 1e-9: any difference stops the benchmark with exit code 1.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).absolute().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

SAMPLE_EVERY = 100  # 1 % of the pemda: every 100th kode_pemda
TOLERANCE = 1e-9
GOAL_SECONDS, GOAL_MB, GOAL_FLOOR_RATIO = 5.0, 2048, 3.0
SOURCE_COLUMNS = ["_berkas", "_lembar", "_baris"]

STAGES = {
    "import": "import kinerja",
    "read": "Store.read(), all columns",
    "validate": "validate_table(table, rules)",
    "order": "canonical_order (sort rows; identity skips the copy)",
    "score": "capaian + predikat of every indicator",
    "aggregate": "sasaran, OPD, pemda capaian + predikat",
    "change": "year-over-year change: indicators, OPDs, pemda",
    "end_to_end": "read tidy columns + score_table (everything)",
    "end_to_end_shuffled": "same, rows in random order",
    "floor": "read tidy columns + one vectorised pass",
    "reference": "row-by-row Python on the 1 % sample",
}


# --- the stages (run in a child process) ---------------------------------------------------------


def run_stage(stage: str, store_path: str) -> dict:
    """Run one stage in this process; return its timing and peak memory."""
    start = time.perf_counter()
    import kinerja  # noqa: F401  (the import is what the "import" stage measures)
    from kinerja.core.engine import canonical_order, score_table
    from kinerja.core.rules import Rules
    from store import Store

    rules = Rules()
    store = Store(store_path)
    tidy_columns = [c for c in _stored_columns(store) if c not in SOURCE_COLUMNS]
    extra = {}
    if stage == "import":
        seconds = time.perf_counter() - start
    elif stage == "read":
        start = time.perf_counter()
        table = store.read()
        seconds = time.perf_counter() - start
        extra["rows"] = len(table)
    elif stage == "validate":
        from kinerja.inputs.validate import validate_table

        table = store.read()
        start = time.perf_counter()
        findings = validate_table(table, rules)
        seconds = time.perf_counter() - start
        extra["findings"] = len(findings)
        extra["galat"] = sum(f.is_error for f in findings)
    elif stage in ("order", "score", "aggregate", "change"):
        from kinerja.core.aggregate import aggregate_opd, aggregate_pemda, aggregate_sasaran
        from kinerja.core.change import change_indikator, change_opd, change_pemda
        from kinerja.core.scoring import score_indicators

        # the steps of score_table in order; those before the stage run untimed, none after it
        # (so that the peak memory is the stage's)
        table = store.read(columns=tidy_columns)
        start = time.perf_counter()
        table = canonical_order(table)
        if stage != "order":
            start = time.perf_counter()
            scored = score_indicators(table, rules)
            indikator = table.assign(
                capaian=scored["capaian"],
                predikat=rules.skala_predikat.assign(scored["capaian"]),
                catatan=scored["catatan"],
            )
        if stage in ("aggregate", "change"):
            start = time.perf_counter()
            sasaran = aggregate_sasaran(indikator, rules)
            opd = aggregate_opd(indikator, sasaran, rules)
            pemda = aggregate_pemda(indikator, opd, rules)
            for frame in (sasaran, opd, pemda):
                frame["predikat"] = rules.skala_predikat.assign(frame["capaian"])
        if stage == "change":
            start = time.perf_counter()
            change_indikator(indikator), change_opd(opd), change_pemda(pemda)
        seconds = time.perf_counter() - start
    elif stage in ("end_to_end", "floor"):
        start = time.perf_counter()
        table = store.read(columns=tidy_columns)
        if stage == "end_to_end":
            result = score_table(table, rules)
            extra["rows"] = {name: len(frame) for name, frame in result.tables().items()}
        else:
            _floor_pass(table)
        seconds = time.perf_counter() - start
    elif stage == "end_to_end_shuffled":
        table = store.read(columns=tidy_columns)
        table = table.sample(frac=1.0, random_state=1).reset_index(drop=True)
        start = time.perf_counter()
        score_table(table, rules)
        seconds = time.perf_counter() - start
    elif stage == "reference":
        import reference

        table = store.read(columns=tidy_columns)
        sample = _sample(table)
        records = sample.to_dict("records")
        start = time.perf_counter()
        reference.score(records, reference.RefRules())
        seconds = time.perf_counter() - start
        extra.update(sample_rows=len(sample), rows=len(table), scale=len(table) / len(sample))
    elif stage == "check":
        extra["problems"] = check_reference(store_path)
        seconds = time.perf_counter() - start
    elif stage == "machine":
        extra["machine"] = machine()
        seconds = 0.0
    else:
        raise SystemExit(f"unknown stage {stage}")
    return {"stage": stage, "seconds": seconds, "peak_mb": _peak_mb(), **extra}


def _floor_pass(table) -> None:
    """One vectorised pass: R / T × 100 (negatif: 2 − R/T) over the columns just read."""
    import numpy as np

    realisasi = table["realisasi"].to_numpy(dtype=float)
    target = table["target"].to_numpy(dtype=float)
    negatif = table["polaritas"].eq("negatif").to_numpy(dtype=bool)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = realisasi / target
        np.where(negatif, 2.0 - ratio, ratio) * 100.0


def _stored_columns(store) -> list[str]:
    return store.columns()


def _sample(table):
    codes = sorted(table["kode_pemda"].dropna().unique()) if "kode_pemda" in table else []
    if not codes:
        return table
    chosen = set(codes[::SAMPLE_EVERY])
    return table[table["kode_pemda"].isin(chosen)].reset_index(drop=True)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


# --- correctness against the reference ------------------------------------------------------------


def check_reference(store_path: str) -> list[str]:
    """Compare the engine with the reference on the 1 % sample under three rule sets; the problems."""
    import reference

    from kinerja.core.engine import score_table
    from kinerja.core.rules import Rules
    from store import Store

    store = Store(store_path)
    table = store.read(columns=[c for c in _stored_columns(store) if c not in SOURCE_COLUMNS])
    sample = _sample(table)
    records = sample.to_dict("records")
    rule_sets = [
        ({}, {}),
        (dict(agregasi_opd="rata_rata", agregasi_pemda="rata_rata", batas_atas=120.0),
         dict(agregasi_opd="rata_rata", agregasi_pemda="rata_rata", batas_atas=120.0)),
        (dict(agregasi_opd="bobot", rumus_negatif="rasio", lantai=None),
         dict(agregasi_opd="bobot", rumus_negatif="rasio", lantai=None)),
    ]
    problems = []
    for engine_rules, reference_rules in rule_sets:
        label = engine_rules or "default rules"
        expected = reference.score(records, reference.RefRules(**reference_rules))
        got = engine_as_reference(score_table(sample, Rules(**engine_rules)))
        for name in expected:
            problems += [f"{label}, {name}: {p}" for p in compare_keyed(expected[name], got[name])]
    return problems


def engine_as_reference(result) -> dict[str, dict]:
    """The engine's tables keyed as :func:`reference.score` keys its results."""

    def text(value):
        return None if _missing(value) else str(value)

    def number(value):
        return None if _missing(value) else float(value)

    out = {name: {} for name in ("indikator", "sasaran", "opd", "pemda", "perubahan_indikator", "perubahan_opd",
                                 "perubahan_pemda")}
    pemda = "kode_pemda" in result.indikator
    for row in result.indikator.to_dict("records"):
        key = (text(row.get("kode_pemda")), int(row["tahun"]), row["kode_opd"], row["indikator"])
        out["indikator"][key] = {"capaian": number(row["capaian"]), "predikat": row["predikat"] or ""}
    for row in result.sasaran.to_dict("records"):
        key = (text(row.get("kode_pemda")), int(row["tahun"]), row["kode_opd"], row["sasaran"])
        out["sasaran"][key] = {"capaian": number(row["capaian"]), "jumlah_indikator": int(row["jumlah_indikator"])}
    for row in result.opd.to_dict("records"):
        key = (text(row.get("kode_pemda")), int(row["tahun"]), row["kode_opd"])
        out["opd"][key] = {
            "capaian": number(row["capaian"]), "jumlah_indikator": int(row["jumlah_indikator"]),
            "jumlah_sasaran": int(row["jumlah_sasaran"]), "nama_opd": row["nama_opd"],
            "nama_pemda": text(row.get("nama_pemda")) if pemda else None,
        }
    for row in result.pemda.to_dict("records"):
        key = (text(row.get("kode_pemda")), int(row["tahun"]))
        out["pemda"][key] = {"capaian": number(row["capaian"]), "jumlah_opd": int(row["jumlah_opd"]),
                             "jumlah_indikator": int(row["jumlah_indikator"])}
    identities = {
        "perubahan_indikator": ("kode_pemda", "kode_opd", "kode_indikator", "indikator"),
        "perubahan_opd": ("kode_pemda", "kode_opd", "nama_opd"),
        "perubahan_pemda": ("kode_pemda",),
    }
    for name, identity in identities.items():
        for row in getattr(result, name).to_dict("records"):
            key = (int(row["tahun"]), *(text(row.get(f)) for f in identity))
            out[name][key] = {f: number(row[f]) for f in
                              ("capaian", "capaian_sebelumnya", "selisih_poin", "perubahan_persen")}
    return out


def compare_keyed(expected: dict, got: dict) -> list[str]:
    problems = []
    if set(expected) != set(got):
        only_expected = sorted(set(expected) - set(got), key=str)[:3]
        only_got = sorted(set(got) - set(expected), key=str)[:3]
        problems.append(f"{len(expected)} vs {len(got)} rows; only in reference {only_expected}, "
                        f"only in engine {only_got}")
    for key in set(expected) & set(got):
        for field, want in expected[key].items():
            have = got[key][field]
            if isinstance(want, float) or isinstance(have, float):
                same = (want is None and have is None) or (
                    want is not None and have is not None and abs(want - have) <= TOLERANCE
                )
            else:
                same = want == have
            if not same:
                problems.append(f"{key} {field}: reference {want!r}, engine {have!r}")
                if len(problems) > 20:
                    return problems
    return problems


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or str(value) in ("<NA>", "nan")


# --- the driver ---------------------------------------------------------------------------------


def measure(stage: str, store: str, runs: int) -> list[dict]:
    results = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, __file__, "--stage", stage, "--store", store],
            capture_output=True, text=True, check=False,
        )
        if done.returncode != 0:
            raise SystemExit(f"stage {stage} failed:\n{done.stderr}")
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return results


def machine() -> str:
    import numpy
    import pandas
    import pyarrow

    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB RAM, {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, pandas {pandas.__version__}, numpy {numpy.__version__}, "
        f"pyarrow {pyarrow.__version__}; load average at start {os.getloadavg()[0]:.2f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, help="the Parquet store of generate_national.py")
    parser.add_argument("--runs", type=int, default=5, help="runs of each stage (best and median shown)")
    parser.add_argument("--stages", default=",".join(STAGES), help="comma-separated stages to run")
    parser.add_argument("--stage", help=argparse.SUPPRESS)  # internal: run one stage in this process
    args = parser.parse_args(argv)
    if args.stage:
        print(json.dumps(run_stage(args.stage, args.store)))
        return 0

    # the driver stays small and imports nothing heavy: a child's peak memory (ru_maxrss) starts
    # from the size of the process it was forked from
    print(f"Machine: {measure('machine', args.store, 1)[0]['machine']}", flush=True)
    problems = measure("check", args.store, 1)[0]["problems"]
    if problems:
        print("ENGINE AND REFERENCE DIFFER on the 1 % sample:", *problems[:40], sep="\n  ", file=sys.stderr)
        return 1
    print(f"Engine = reference on the 1 % sample under 3 rule sets (every table, to {TOLERANCE:g}).", flush=True)

    measured = {}
    for stage in args.stages.split(","):
        measured[stage] = measure(stage, args.store, args.runs)
        best = min(r["seconds"] for r in measured[stage])
        print(f"  {stage}: best {best:.3f} s", flush=True)

    rows = ["| stage | what is timed | best (s) | median (s) | peak memory (MB) |", "|---|---|---:|---:|---:|"]
    summary = {}
    for stage, results in measured.items():
        times = [r["seconds"] for r in results]
        peak = max(r["peak_mb"] for r in results)
        best, median = min(times), statistics.median(times)
        summary[stage] = (best, median, peak, results[-1])
        if stage == "reference":
            scale = results[-1]["scale"]
            rows.append(f"| reference (1 % sample, {results[-1]['sample_rows']:,} rows) | {STAGES[stage]} | "
                        f"{best:.3f} | {median:.3f} | {peak:.0f} |")
            rows.append(f"| reference, extrapolated × {scale:.1f} | same, whole table | {best * scale:.1f} | "
                        f"{median * scale:.1f} | – |")
        else:
            rows.append(f"| {stage} | {STAGES[stage]} | {best:.3f} | {median:.3f} | {peak:.0f} |")
    print()
    print("\n".join(rows))

    if "end_to_end" in summary:
        best, _, peak, last = summary["end_to_end"]
        print()
        print(f"Rows: {last.get('rows')}")
        goals = [f"- end to end {best:.2f} s (goal < {GOAL_SECONDS:g} s): {'met' if best < GOAL_SECONDS else 'MISSED'}",
                 f"- peak memory {peak:.0f} MB (goal < {GOAL_MB} MB): {'met' if peak < GOAL_MB else 'MISSED'}"]
        if "floor" in summary:
            ratio = best / summary["floor"][0]
            goals.append(f"- {ratio:.1f}× the floor (goal ≤ {GOAL_FLOOR_RATIO:g}×): "
                         f"{'met' if ratio <= GOAL_FLOOR_RATIO else 'MISSED'}")
        if "reference" in summary:
            ref_best, _, _, ref_last = summary["reference"]
            goals.append(f"- {ref_best * ref_last['scale'] / best:.1f}× faster than the row-by-row reference "
                         "(extrapolated)")
        goals.append(f"- results equal to the reference on the 1 % sample to {TOLERANCE:g}: met")
        print("\n".join(goals))
    if "validate" in summary:
        print(f"\nvalidate_table findings: {summary['validate'][3].get('findings')} "
              f"(galat: {summary['validate'][3].get('galat')})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
