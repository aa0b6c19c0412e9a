"""The jejak (trace) as people read it (the pages and `kinerja jejak`): the formula with the numbers put in, the inputs, the rules.

:func:`format_trace` turns the table of :func:`kinerja.core.jejak.trace` into text columns
(``tingkat, tahun, kunci, capaian, rumus, masukan, dikeluarkan, aturan, sumber``), with
Indonesian number formats: ``(2 − 6,5 / 7) × 100 = 107,14``. :func:`trace_text` lays the rows out
for the terminal; :func:`write_trace` writes them as CSV or XLSX. Nothing is computed here.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from kinerja.support import display, pesan
from kinerja.support.xlsx import write_report

TEXT_COLUMNS = ["tingkat", "tahun", "kunci", "capaian", "rumus", "masukan", "dikeluarkan", "aturan", "sumber",
                "catatan"]
#: Order of the levels when laid out for reading (top-down).
READING_ORDER = ("pemda", "perubahan_pemda", "opd", "perubahan_opd", "sasaran", "indikator", "perubahan_indikator")


def number(value: float, digits: int = 4) -> str:
    """An input as written (up to 4 decimals, no trailing zeros): ``6,5``; ``1.234``."""
    return display.angka(value, digits, trim=True)


def result(value: float) -> str:
    """A computed figure, to 2 decimals: ``107,14``."""
    return display.angka(value, 2)


def format_trace(trace: pd.DataFrame) -> pd.DataFrame:
    """The text columns of every jejak row (same order as ``trace``); ``capaian_angka`` keeps the
    unrounded number beside its text."""
    rows = [_row(row) for _, row in trace.iterrows()]
    frame = pd.DataFrame(rows, columns=TEXT_COLUMNS)
    frame["capaian_angka"] = trace["capaian"].to_numpy(dtype=float) if len(trace) else []
    return frame


def trace_text(trace: pd.DataFrame) -> str:
    """The jejak laid out for the terminal: a block per number, top-down (pemda first)."""
    text = format_trace(trace)
    order = {name: i for i, name in enumerate(READING_ORDER)}
    text = text.assign(_t=text["tingkat"].map(order), _i=np.arange(len(text)))
    text = text.sort_values(["tahun", "_t", "_i"], kind="stable")
    blocks = []
    for _, row in text.iterrows():
        lines = [f"[{pesan.JEJAK_TINGKAT.get(row['tingkat'], row['tingkat'])}] {row['kunci']}: {row['capaian']}"]
        for column in ("rumus", "masukan", "dikeluarkan", "aturan", "sumber", "catatan"):
            if row[column]:
                lines.append(f"    {column}: {row[column]}")
        blocks.append("\n".join(lines))
    return "\n".join(blocks)


def write_trace(trace: pd.DataFrame, path: str | Path) -> Path:
    """The formatted jejak as UTF-8 CSV, or ``.xlsx`` (sheet ``jejak``), written atomically."""
    path = Path(path)
    frame = format_trace(trace)
    return write_report(frame, path, "jejak")


# --- one row --------------------------------------------------------------------------------------

def _row(row: pd.Series) -> list:
    tingkat = row["tingkat"]
    if tingkat == "indikator":
        rumus, aturan = _indicator(row)
        masukan = pesan.JEJAK_MASUKAN_INDIKATOR.format(realisasi=number(row["nilai"][0]), target=_target_text(row))
        capaian = result(row["capaian"]) if row["capaian"] == row["capaian"] else pesan.JEJAK_TIDAK_DIHITUNG
    elif tingkat.startswith("perubahan"):
        rumus, aturan, masukan = _change(row), pesan.JEJAK_ATURAN_PERUBAHAN, ""
        capaian = display.poin(row["capaian"]) if row["capaian"] == row["capaian"] else pesan.JEJAK_TIDAK_DIHITUNG
    else:
        rumus, aturan = _mean(row), _mean_rules(row)
        masukan = "; ".join(f"{label} = {result(value)}" for label, value in zip(row["label"], row["nilai"]))
        capaian = result(row["capaian"]) if row["capaian"] == row["capaian"] else pesan.JEJAK_TIDAK_DIHITUNG
    left_out = "; ".join(f"{label} ({pesan.JEJAK_ALASAN.get(reason, reason)})" for label, reason in row["dikeluarkan"])
    note = row["catatan"] if isinstance(row["catatan"], str) else ""
    return [tingkat, int(row["tahun"]), row["kunci"], capaian, rumus, masukan, left_out, aturan, _sources(row["sumber"]),
            note]


def _target_text(row) -> str:
    if row["target_bawah"] == row["target_bawah"] and row["target_atas"] == row["target_atas"]:
        return pesan.JEJAK_RENTANG.format(bawah=number(row["target_bawah"]), atas=number(row["target_atas"]))
    return number(row["nilai"][1])


def _indicator(row) -> tuple[str, str]:
    r, t = (number(v) for v in row["nilai"])
    metode, raw, capaian = row["metode"], row["mentah"], row["capaian"]
    formulas = {
        "positif": f"{r} / {t} × 100",
        "negatif_selisih": f"(2 − {r} / {t}) × 100",
        "negatif_rasio": f"{t} / {r} × 100",
        "stabil": f"100 − |{r} − {t}| / {t} × 100",
    }
    if metode in formulas:
        rumus = f"{formulas[metode]} = {result(raw)}"
        cap = row["batas_indikator"]
        if raw == raw and capaian == capaian and not np.isclose(raw, capaian, rtol=0, atol=1e-9):
            if cap == cap and capaian < raw and np.isclose(capaian, cap, rtol=0, atol=1e-9):
                rumus += " " + pesan.JEJAK_DIBATASI_INDIKATOR.format(batas=pesan.angka_aturan(cap))
            else:
                rumus += " " + pesan.JEJAK_LANTAI.format(lantai=pesan.angka_aturan(row["lantai"]))
        elif raw != raw or np.isinf(raw):
            rumus = pesan.JEJAK_TIDAK_DIHITUNG
    elif metode == "dalam_rentang":
        rumus = pesan.JEJAK_DALAM_RENTANG.format(realisasi=r, bawah=number(row["target_bawah"]),
                                                 atas=number(row["target_atas"]))
    elif metode == "nol_nol":
        rumus = pesan.JEJAK_NOL_NOL
    else:
        rumus = pesan.JEJAK_TIDAK_DIHITUNG
    rules = [pesan.JEJAK_POLARITAS.format(polaritas=row["polaritas"])]
    if metode.startswith("negatif"):
        rules.append(pesan.JEJAK_RUMUS_NEGATIF.format(rumus=metode.removeprefix("negatif_")))
    if row["target_bawah"] == row["target_bawah"] and row["target_atas"] == row["target_atas"] and metode != "dalam_rentang":
        rules.append(pesan.JEJAK_DI_LUAR_RENTANG.format(target=t))
    if row["lantai"] == row["lantai"]:
        rules.append(pesan.JEJAK_ATURAN_LANTAI.format(lantai=pesan.angka_aturan(row["lantai"])))
    if row["batas_indikator"] == row["batas_indikator"]:
        rules.append(pesan.JEJAK_BATAS_INDIKATOR.format(batas=pesan.angka_aturan(row["batas_indikator"])))
    else:
        rules.append(pesan.JEJAK_TANPA_BATAS_INDIKATOR)
    return rumus, "; ".join(rules)


def _mean(row) -> str:
    values, weights, cap = row["nilai"], row["bobot"], row["batas_atas"]
    if not values:
        return pesan.JEJAK_TIDAK_DIHITUNG
    terms = []
    for value, weight in zip(values, weights):
        shown = result(value)
        if cap == cap and value > cap:
            shown = pesan.JEJAK_DIBATASI.format(nilai=result(value), batas=pesan.angka_aturan(cap))
        terms.append(shown if weight == 1 else f"{number(weight)} × {shown}")
    total = sum(weights)
    divisor = str(len(values)) if all(w == 1 for w in weights) else number(total)
    inner = " + ".join(terms)
    return f"({inner}) / {divisor} = {result(row['capaian'])}" if len(values) > 1 or divisor != "1" \
        else f"{inner} = {result(row['capaian'])}"


def _mean_rules(row) -> str:
    metode = row["metode"]
    kind = pesan.JEJAK_METODE.get(metode.split(" ")[0], metode)
    parts = [kind]
    if metode.startswith("rata_opd"):
        parts.append(pesan.JEJAK_OPD_DENGAN.format(metode=metode.split("(")[-1].rstrip(")")))
    if row["pembulatan"] == row["pembulatan"]:
        parts.append(pesan.JEJAK_PEMBULATAN.format(desimal=int(row["pembulatan"])))
    cap_here, cap_in_force = row["batas_atas"], row["batas_berlaku"]
    if cap_here == cap_here:
        parts.append(pesan.JEJAK_BATAS.format(batas=pesan.angka_aturan(cap_here)))
    elif cap_in_force == cap_in_force:
        parts.append(pesan.JEJAK_BATAS_DI_BAWAH.format(batas=pesan.angka_aturan(cap_in_force)))
    else:
        parts.append(pesan.JEJAK_TANPA_BATAS)
    return "; ".join(parts)


def _change(row) -> str:
    now, before = row["nilai"]
    if row["capaian"] != row["capaian"]:
        return pesan.JEJAK_TIDAK_DIHITUNG
    text = f"{result(now)} − {result(before)} = {display.poin(row['capaian'])}"
    if row["mentah"] == row["mentah"]:
        text += f"; ({result(now)} / {result(before)} − 1) × 100 = {display.perubahan(row['mentah'], 3)}"
    return text


def _sources(sources: tuple) -> str:
    """``kinerja-2024.xlsx, lembar kinerja, baris 2, 3, 4`` grouped by file and sheet."""
    grouped: dict[tuple[str, str], list[int]] = {}
    for berkas, lembar, baris in sources:
        grouped.setdefault((berkas, lembar), [])
        if baris is not None:
            grouped[(berkas, lembar)].append(baris)
    parts = []
    for (berkas, lembar), rows in grouped.items():
        bits = [berkas] + ([f"lembar {lembar}"] if lembar else []) + ([f"baris {_ranges(rows)}"] if rows else [])
        parts.append(", ".join(bits))
    return "; ".join(parts)


def _ranges(rows: list[int]) -> str:
    """``2–5, 7`` from ``[2, 3, 4, 5, 7]``."""
    rows = sorted(set(rows))
    spans, start = [], rows[0]
    for previous, current in zip(rows, rows[1:] + [None]):
        if current != previous + 1 if current is not None else True:
            spans.append(str(start) if start == previous else f"{start}–{previous}")
            start = current
    return ", ".join(spans)
