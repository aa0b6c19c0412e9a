"""A straightforward row-by-row implementation of the scoring rules, to check the engine against.

Written from the rules in ``docs/metodologi.md`` (and the edge cases the README states), independently of
:mod:`kinerja`: plain Python loops over rows, dicts and lists, no pandas or numpy, nothing
imported from the package. It is not slow on purpose: it is what a careful analyst would write in
plain Python, and the benchmark uses it (a) to check that the vectorised
engine gives the same numbers on a sample and (b) as the "naive" time, extrapolated.

Input: a list of dicts, one per indicator row, with the tidy columns (missing values as ``None``
or NaN). Output: dicts keyed by entity, see :func:`score`. Only the default predikat scale (five
levels, Permendagri 86/2017) is implemented.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

INF = math.inf


@dataclass(frozen=True)
class RefRules:
    """The settings of the rules (same names and defaults as ``docs/metodologi.md``)."""

    rumus_negatif: str = "selisih"  # selisih | rasio
    lantai: float | None = 0.0
    batas_atas: float | None = None
    agregasi_opd: str = "bertingkat"  # bertingkat | rata_rata | bobot
    agregasi_pemda: str = "rata_opd"  # rata_opd | rata_rata


def missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def text(value) -> str | None:
    return None if missing(value) else str(value)


def _divide(a: float, b: float) -> float:
    """a / b, taking a division by zero at its limit (±∞; 0/0 is not a number)."""
    if b != 0:
        return a / b
    if a == 0:
        return math.nan
    return INF if a > 0 else -INF


def capaian(row: dict, rules: RefRules) -> float | None:
    """Capaian (percent) of one indicator, or None when it cannot be computed."""
    r = row.get("realisasi")
    polaritas = text(row.get("polaritas"))
    if missing(r) or polaritas not in ("positif", "negatif", "stabil"):
        return None
    t, bawah, atas = row.get("target"), row.get("target_bawah"), row.get("target_atas")
    if missing(t):
        if missing(bawah) or missing(atas):
            return None  # no target at all
        if bawah <= r <= atas:
            return 100.0  # inside the range
        t = bawah if r < bawah else atas  # the bound R passed
    if t < 0:
        return None
    if t == 0 and r == 0:
        return 100.0
    rumus = (text(row.get("rumus")) or "").strip().lower()
    rasio = polaritas == "negatif" and (rumus == "rasio" or (rumus == "" and rules.rumus_negatif == "rasio"))
    if polaritas == "positif":
        value = _divide(r, t) * 100
    elif rasio:
        value = _divide(t, r) * 100
    elif polaritas == "negatif":
        value = (2 - _divide(r, t)) * 100
    else:
        value = 100 - _divide(abs(r - t), t) * 100
    if value == INF or math.isnan(value):
        return None
    if rules.lantai is not None and value < rules.lantai:
        return rules.lantai
    if value == -INF:
        return None
    return value


def predikat(value: float | None) -> str:
    """Default scale: ≥ 91 Sangat Tinggi, ≥ 76 Tinggi, ≥ 66 Sedang, ≥ 51 Rendah, else Sangat Rendah."""
    if value is None:
        return ""
    for bound, name in ((91, "Sangat Tinggi"), (76, "Tinggi"), (66, "Sedang"), (51, "Rendah")):
        if value >= bound:
            return name
    return "Sangat Rendah"


def mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def normalised(name: str) -> str:
    """Indicator name as matched across years: case-folded, runs of anything but word characters
    and ``%`` turned into one space, trimmed."""
    return re.sub(r"[^\w%]+", " ", name.casefold()).strip()


def score(rows: list[dict], rules: RefRules = RefRules()) -> dict[str, dict]:
    """Every result, keyed by entity:

    * ``indikator``: (pemda, tahun, kode_opd, indikator) → {capaian, predikat}
    * ``sasaran``: (pemda, tahun, kode_opd, sasaran) → {capaian, jumlah_indikator}
    * ``opd``: (pemda, tahun, kode_opd) → {capaian, jumlah_indikator, jumlah_sasaran, nama_opd, nama_pemda}
    * ``pemda``: (pemda, tahun) → {capaian, jumlah_opd, jumlah_indikator}
    * ``perubahan_indikator`` / ``perubahan_opd`` / ``perubahan_pemda``: (tahun, identity…) →
      {capaian, capaian_sebelumnya, selisih_poin, perubahan_persen}

    ``pemda`` is ``kode_pemda`` (None for a single-pemda table).
    """
    cap = rules.batas_atas

    def capped(value: float) -> float:
        return value if cap is None else min(value, cap)

    indikator, sasaran_values, opd_rows = {}, {}, {}
    scored = []
    for row in rows:
        pemda, tahun, opd = text(row.get("kode_pemda")), int(row["tahun"]), text(row["kode_opd"])
        value = capaian(row, rules)
        indikator[(pemda, tahun, opd, row["indikator"])] = {"capaian": value, "predikat": predikat(value)}
        scored.append((row, value))
        sasaran_values.setdefault((pemda, tahun, opd, row["sasaran"]), []).append(value)
        opd_rows.setdefault((pemda, tahun, opd), []).append((row, value))

    sasaran = {}
    for key, values in sasaran_values.items():
        used = [capped(v) for v in values if v is not None]
        sasaran[key] = {"capaian": mean(used), "jumlah_indikator": len(used)}

    opd_result = {}
    for key, members in opd_rows.items():
        first = members[0][0]
        computable = [(row, capped(v)) for row, v in members if v is not None]
        if rules.agregasi_opd == "bertingkat":
            names = []
            for row, _ in members:
                if row["sasaran"] not in names:
                    names.append(row["sasaran"])
            parts = [sasaran[(*key, name)] for name in names]
            with_value = [p["capaian"] for p in parts if p["capaian"] is not None]
            value = mean(with_value)
            jumlah_indikator = sum(p["jumlah_indikator"] for p in parts)
            jumlah_sasaran = len(with_value)
        else:
            if rules.agregasi_opd == "bobot":
                weighted = [(v, row.get("bobot")) for row, v in computable if not missing(row.get("bobot"))]
            else:
                weighted = [(v, 1.0) for _, v in computable]
            total = sum(w for _, w in weighted)
            value = sum(v * w for v, w in weighted) / total if weighted and total > 0 else None
            jumlah_indikator = len(computable)
            jumlah_sasaran = len({row["sasaran"] for row, _ in computable})
        opd_result[key] = {
            "capaian": value,
            "jumlah_indikator": jumlah_indikator,
            "jumlah_sasaran": jumlah_sasaran,
            "nama_opd": first["nama_opd"],
            "nama_pemda": text(first.get("nama_pemda")),
        }

    pemda_members = {}
    for key, result in opd_result.items():
        pemda_members.setdefault(key[:2], []).append(result)
    pemda_indicators = {}
    for row, value in scored:
        if value is not None:
            pemda_indicators.setdefault((text(row.get("kode_pemda")), int(row["tahun"])), []).append(capped(value))
    pemda_result = {}
    for key, members in pemda_members.items():
        with_value = [m["capaian"] for m in members if m["capaian"] is not None]
        if rules.agregasi_pemda == "rata_opd":
            value = mean(with_value)
        else:
            value = mean(pemda_indicators.get(key, []))
        pemda_result[key] = {
            "capaian": value,
            "jumlah_opd": len(with_value),
            "jumlah_indikator": sum(m["jumlah_indikator"] for m in members),
        }

    return {
        "indikator": indikator,
        "sasaran": sasaran,
        "opd": opd_result,
        "pemda": pemda_result,
        "perubahan_indikator": _indicator_changes(scored),
        "perubahan_opd": _changes(
            [{"tahun": k[1], "pemda": k[0], "kode_opd": k[2], "nama_opd": v["nama_opd"], "capaian": v["capaian"]}
             for k, v in opd_result.items()],
            passes=[("pemda", "kode_opd")], identity=("pemda", "kode_opd", "nama_opd"),
        ),
        "perubahan_pemda": _changes(
            [{"tahun": k[1], "pemda": k[0], "capaian": v["capaian"]} for k, v in pemda_result.items()],
            passes=[("pemda",)], identity=("pemda",),
        ),
    }


def _indicator_changes(scored: list[tuple[dict, float | None]]) -> dict:
    items = []
    for row, value in scored:
        items.append({
            "tahun": int(row["tahun"]),
            "pemda": text(row.get("kode_pemda")),
            "kode_opd": text(row["kode_opd"]),
            "kode_indikator": text(row.get("kode_indikator")),
            "nama": normalised(row["indikator"]),
            "indikator": row["indikator"],
            "capaian": value,
        })
    return _changes(
        items,
        passes=[("pemda", "kode_indikator"), ("pemda", "kode_opd", "nama")],
        identity=("pemda", "kode_opd", "kode_indikator", "indikator"),
    )


def _changes(items: list[dict], passes: list[tuple[str, ...]], identity: tuple[str, ...]) -> dict:
    """Each year t against t−1 (when t−1 is in the data): match by the passes in order (a pass
    ignores entities with an empty key part and those already matched), then list what is only
    in t and only in t−1. Identity values are those of year t, else of t−1."""
    by_year = {}
    for item in items:
        by_year.setdefault(item["tahun"], []).append(item)
    result = {}
    for year in sorted(by_year):
        if year - 1 not in by_year:
            continue
        now, before = by_year[year], by_year[year - 1]
        free_now, free_before = set(range(len(now))), set(range(len(before)))
        pairs = []
        for fields in passes:
            index = {}
            for j in sorted(free_before):
                key = tuple(before[j][f] for f in fields)
                if all(part is not None for part in key[1:]):  # key[0] is the pemda (None: single pemda)
                    index[key] = j
            for i in sorted(free_now):
                key = tuple(now[i][f] for f in fields)
                if any(part is None for part in key[1:]):
                    continue
                j = index.get(key)
                if j is not None and j in free_before:
                    pairs.append((now[i], before[j]))
                    free_now.discard(i)
                    free_before.discard(j)
        pairs += [(now[i], None) for i in sorted(free_now)]
        pairs += [(None, before[j]) for j in sorted(free_before)]
        for current, previous in pairs:
            ident = tuple(
                current[f] if current is not None and current[f] is not None else (previous or {}).get(f)
                for f in identity
            )
            a = current["capaian"] if current else None
            b = previous["capaian"] if previous else None
            both = a is not None and b is not None
            result[(year, *ident)] = {
                "capaian": a,
                "capaian_sebelumnya": b,
                "selisih_poin": a - b if both else None,
                "perubahan_persen": (a / b - 1) * 100 if both and b != 0 else None,
            }
    return result
