"""Predikat: the category a capaian falls in, by a scale shipped as data.

A scale is an ordered list of levels, highest first. Each level has a lower bound and says whether
that bound is included (``>=``) or not (``>``): the default five-level scale of LKjIP tables citing
Permendagri 86/2017 uses half-open intervals (``>= 91`` Sangat Tinggi, ``>= 76`` Tinggi, ...), the
six-level scale uses strict bounds (``> 85`` Memuaskan, ...). A value falls in the first level whose
bound it passes; the last level has no bound and takes everything else. Values above 100 belong to
the top level.

The built-in scales are CSV files in ``kinerja/data/skala/`` (package data, read with
:mod:`importlib.resources`); a pemda can use its own through :meth:`Scale.from_records`.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from importlib import resources

import numpy as np
import pandas as pd

from kinerja.support import pesan
from kinerja.core.arrays import text_from_codes

DEFAULT_SCALE_NAME = "lima-tingkat"


@dataclass(frozen=True)
class Level:
    """One level of a scale: ``predikat`` for values ``>= batas_bawah`` (or ``>`` when
    ``termasuk_batas`` is false). ``batas_bawah`` is None for the last, catch-all level."""

    predikat: str
    batas_bawah: float | None
    termasuk_batas: bool = True
    warna: str = ""

    def describe(self) -> str:
        """The bound as people write it, e.g. ``≥ 91`` or ``> 85`` (raw numbers, no rounding)."""
        if self.batas_bawah is None:
            return pesan.SKALA_SISANYA
        sign = "≥" if self.termasuk_batas else ">"
        return f"{sign} {pesan.angka_aturan(self.batas_bawah)}"


@dataclass(frozen=True)
class Scale:
    """An ordered predikat scale, highest level first (see the module docstring)."""

    nama: str
    judul: str
    levels: tuple[Level, ...]
    sumber: str = ""

    def __post_init__(self) -> None:
        if not self.levels:
            raise ValueError(pesan.SKALA_KOSONG.format(nama=self.nama))
        *bounded, last = self.levels
        if last.batas_bawah is not None:
            raise ValueError(pesan.SKALA_TANPA_SISA.format(nama=self.nama))
        bounds = [level.batas_bawah for level in bounded]
        if any(b is None or not math.isfinite(b) for b in bounds):
            raise ValueError(pesan.SKALA_BATAS_KOSONG.format(nama=self.nama))
        if any(a <= b for a, b in zip(bounds, bounds[1:])):
            raise ValueError(pesan.SKALA_TIDAK_URUT.format(nama=self.nama))
        names = [level.predikat for level in self.levels]
        if len(set(names)) != len(names) or not all(names):
            raise ValueError(pesan.SKALA_PREDIKAT_GANDA.format(nama=self.nama))

    @classmethod
    def from_records(cls, nama: str, judul: str, records: list[dict], sumber: str = "") -> Scale:
        """Build a scale from dicts with ``predikat``, ``batas_bawah`` (number or empty for the last
        level), optional ``termasuk_batas`` (default true) and ``warna``."""
        levels = []
        for record in records:
            bound = record.get("batas_bawah")
            bound = None if bound in (None, "") else float(bound)
            inclusive = record.get("termasuk_batas", True)
            if isinstance(inclusive, str):
                inclusive = inclusive.strip().lower() in ("ya", "true", "1", "benar")
            levels.append(
                Level(
                    predikat=str(record["predikat"]).strip(),
                    batas_bawah=bound,
                    termasuk_batas=bool(inclusive),
                    warna=str(record.get("warna") or "").strip(),
                )
            )
        return cls(nama=nama, judul=judul, levels=tuple(levels), sumber=sumber)

    @property
    def names(self) -> list[str]:
        """The predikat names, highest first."""
        return [level.predikat for level in self.levels]

    def assign(self, capaian: pd.Series) -> pd.Series:
        """Predikat of each capaian (percent); empty string where capaian is missing."""
        values = capaian.to_numpy(dtype=float, na_value=np.nan)
        level = np.full(len(values), len(self.levels) - 1)  # the catch-all level
        for i in range(len(self.levels) - 2, -1, -1):  # lowest bound first, so the highest passed wins
            bound = self.levels[i]
            passed = values >= bound.batas_bawah if bound.termasuk_batas else values > bound.batas_bawah
            level = np.where(passed, i, level)
        level = np.where(np.isnan(values), len(self.levels), level)  # "" for a missing capaian
        return pd.Series(text_from_codes(level, [*self.names, ""]), index=capaian.index, dtype="str", name="predikat")


def builtin_scale_names() -> list[str]:
    """Names of the scales shipped with kinerja (the CSV files in ``kinerja/data/skala``)."""
    folder = resources.files("kinerja") / "data" / "skala"
    return sorted(entry.name.removesuffix(".csv") for entry in folder.iterdir() if entry.name.endswith(".csv"))


def builtin_scale(nama: str = DEFAULT_SCALE_NAME) -> Scale:
    """A scale shipped with kinerja: ``lima-tingkat`` (default), ``enam-tingkat`` or ``sakip``.

    Each file starts with ``#`` comment lines ``# judul: ...`` and ``# sumber: ...``.
    """
    if nama not in builtin_scale_names():
        raise ValueError(
            pesan.SKALA_TIDAK_DIKENAL.format(nama=nama, pilihan=", ".join(builtin_scale_names()))
        )
    text = (resources.files("kinerja") / "data" / "skala" / f"{nama}.csv").read_text(encoding="utf-8")
    meta = {}
    body = []
    for line in text.splitlines():
        if line.startswith("#"):
            key, _, value = line.lstrip("# ").partition(":")
            meta[key.strip()] = value.strip()
        elif line.strip():
            body.append(line)
    records = list(csv.DictReader(io.StringIO("\n".join(body))))
    return Scale.from_records(nama, meta.get("judul", nama), records, sumber=meta.get("sumber", ""))
