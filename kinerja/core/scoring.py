"""Capaian of each indicator, vectorised over the whole tidy table.

With R = realisasi and T = target (the rules and their sources are in ``docs/metodologi.md``):

=========================  =====================================================================
positif                    R / T × 100
negatif (``selisih``)      (2 − R / T) × 100
negatif (``rasio``)        T / R × 100
stabil                     100 − |R − T| / T × 100
range [bawah, atas]        100 inside the range; outside, the polarity's formula against the bound
                           R passed (below → ``target_bawah``, above → ``target_atas``)
=========================  =====================================================================

Edge cases, decided by this project where no rule exists:

* R missing: not computable.
* T = 0 and R = 0: 100. Otherwise a formula dividing by zero is taken at its limit: a limit of
  −∞ (negatif or stabil with R ≠ 0) is floored at ``rules.lantai`` (0), a limit of +∞ (positif
  with R > 0; ``rasio`` with R = 0) is not computable.
* T < 0 (or a negative bound in use): not computable, since the ratios lose their meaning.
* A capaian below ``rules.lantai`` (default 0) is raised to it, with a note.

"Not computable" gives an empty (NaN) capaian and a ``catatan`` saying why; such indicators stay
in every table and are left out of every average. Nothing here rounds.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kinerja.support import pesan
from kinerja.core.arrays import equals, text_from_codes
from kinerja.core.rules import NEGATIF, POSITIF, RUMUS_RASIO, STABIL, Rules


def score_indicators(table: pd.DataFrame, rules: Rules) -> pd.DataFrame:
    """Capaian (percent, unrounded; uncapped unless ``rules.batas_atas_indikator`` is set, then
    capped, with the uncapped value in an extra column ``capaian_tanpa_batas``) and catatan of
    every row of a tidy table.

    ``table`` needs the columns ``polaritas`` (canonical: positif/negatif/stabil), ``target``
    and ``realisasi`` (floats, NaN when empty), and optionally ``target_bawah``, ``target_atas``
    and ``rumus`` ("" or NaN for the polarity's default, ``selisih`` or ``rasio``).
    Returns a DataFrame with the same index and the columns ``capaian`` and ``catatan``.
    """
    n = len(table)
    realisasi = _floats(table, "realisasi", n)
    target = _floats(table, "target", n)
    bawah = _floats(table, "target_bawah", n)
    atas = _floats(table, "target_atas", n)
    positif, negatif, stabil = (equals(table["polaritas"], name) for name in (POSITIF, NEGATIF, STABIL))
    if "rumus" in table:
        rumus = table["rumus"].fillna("").astype("str").str.strip().str.lower()
        rumus_rasio, rumus_default = equals(rumus, RUMUS_RASIO), equals(rumus, "")
    else:
        rumus_rasio, rumus_default = np.zeros(n, dtype=bool), np.ones(n, dtype=bool)

    is_range = np.isnan(target) & ~np.isnan(bawah) & ~np.isnan(atas)
    below = is_range & (realisasi < bawah)
    above = is_range & (realisasi > atas)
    inside = is_range & ~below & ~above & ~np.isnan(realisasi)
    effective = np.where(below, bawah, np.where(above, atas, target))

    is_rasio = negatif & (rumus_rasio | (rumus_default & (rules.rumus_negatif == RUMUS_RASIO)))
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ratio = realisasi / effective
        value = np.select(
            [positif, is_rasio, negatif, stabil],
            [
                ratio * 100.0,
                effective / realisasi * 100.0,
                (2.0 - ratio) * 100.0,
                100.0 - np.abs(realisasi - effective) / effective * 100.0,
            ],
            default=np.nan,
        )

    notes = _Notes(n)
    missing = np.isnan(realisasi)
    zero_zero = (effective == 0) & (realisasi == 0)
    negative_target = effective < 0
    no_target = np.isnan(effective) & ~inside
    unknown_polarity = ~(positif | negatif | stabil)

    value = np.where(inside | zero_zero, 100.0, value)
    notes[inside] = pesan.CATATAN_DALAM_RENTANG
    notes[zero_zero & ~inside] = pesan.CATATAN_NOL_NOL

    infinite_up = np.isposinf(value)
    notes[infinite_up & is_rasio] = pesan.CATATAN_RASIO_NOL
    notes[infinite_up & ~is_rasio] = pesan.CATATAN_TARGET_NOL
    value = np.where(infinite_up, np.nan, value)

    infinite_down = np.isneginf(value)
    if rules.lantai is not None:
        floored = (value < rules.lantai) & ~missing
        notes[floored & infinite_down] = pesan.CATATAN_TARGET_NOL_LANTAI.format(lantai=pesan.angka_aturan(rules.lantai))
        notes[floored & ~infinite_down] = pesan.CATATAN_LANTAI.format(lantai=pesan.angka_aturan(rules.lantai))
        value = np.where(floored, rules.lantai, value)
    else:
        notes[infinite_down] = pesan.CATATAN_TARGET_NOL
        value = np.where(infinite_down, np.nan, value)

    notes[no_target & ~missing] = pesan.CATATAN_TARGET_KOSONG
    value = np.where(negative_target & ~missing, np.nan, value)
    notes[negative_target & ~missing] = pesan.CATATAN_TARGET_NEGATIF
    value = np.where(unknown_polarity, np.nan, value)
    notes[unknown_polarity] = pesan.CATATAN_POLARITAS_TIDAK_DIKENAL
    value = np.where(missing, np.nan, value)
    notes[missing] = pesan.CATATAN_REALISASI_KOSONG

    columns = {}
    if rules.batas_atas_indikator is not None:
        limit = rules.batas_atas_indikator
        over = value > limit
        columns["capaian_tanpa_batas"] = value
        for uncapped in np.unique(value[over & notes.empty()]):
            notes[over & notes.empty() & (value == uncapped)] = pesan.CATATAN_DIBATASI_INDIKATOR.format(
                batas=pesan.angka_aturan(limit), nilai=pesan.angka_aturan(round(float(uncapped), 2))
            )
        value = np.where(over, limit, value)

    if rules.batas_atas is not None:
        capped = (value > rules.batas_atas) & notes.empty()
        notes[capped] = pesan.CATATAN_DIBATASI.format(batas=pesan.angka_aturan(rules.batas_atas))

    return pd.DataFrame(
        {"capaian": value, **columns, "catatan": notes.column()},
        index=table.index,
    )


def capped(capaian: pd.Series, rules: Rules) -> pd.Series:
    """Capaian as they enter an average: rounded to ``rules.pembulatan_sebelum_rata`` decimals
    when set (half away from zero, as people round: 100,125 → 100,13), then clipped at
    ``rules.batas_atas`` when a cap is set."""
    if rules.pembulatan_sebelum_rata is not None:
        capaian = round_half_away(capaian, rules.pembulatan_sebelum_rata)
    if rules.batas_atas is None:
        return capaian
    return capaian.clip(upper=rules.batas_atas)


def round_half_away(values: pd.Series, digits: int) -> pd.Series:
    """``values`` rounded to ``digits`` decimals, halves away from zero, as a person rounds the
    decimal number shown (100,125 → 100,13, although the float 100.125 is exact and numpy would
    give 100,12; 0,285 → 0,29 although the float is 0.28499…). The scaled value is first taken to
    12 − ``digits`` decimals so that a float just below a written half still rounds up."""
    x = values.to_numpy(dtype=float, na_value=np.nan)
    scale = 10.0**digits
    shifted = np.round(np.abs(x) * scale, 12 - digits if digits < 12 else 0)
    rounded = np.sign(x) * np.floor(shifted + 0.5) / scale
    return pd.Series(rounded + 0.0, index=values.index, name=values.name)


class _Notes:
    """The ``catatan`` column under construction: a small code per row, one text per code (later
    assignments win, as with an array of strings, without a million Python strings)."""

    def __init__(self, n: int):
        self.codes = np.zeros(n, dtype=np.int32)
        self.texts = [""]

    def __setitem__(self, mask: np.ndarray, text: str) -> None:
        if text not in self.texts:
            self.texts.append(text)
        self.codes[mask] = self.texts.index(text)

    def empty(self) -> np.ndarray:
        return self.codes == 0

    def column(self) -> pd.api.extensions.ExtensionArray:
        return text_from_codes(self.codes, self.texts)


def _floats(table: pd.DataFrame, column: str, n: int) -> np.ndarray:
    if column not in table:
        return np.full(n, np.nan)
    return pd.to_numeric(table[column], errors="raise").to_numpy(dtype=float, na_value=np.nan)
