"""The scoring rules in force: an immutable value that params files set.

Every default is the one of ``docs/metodologi.md``. Change a rule with :func:`dataclasses.replace`::

    rules = Rules(batas_atas=120, agregasi_opd="rata_rata")
    looser = dataclasses.replace(rules, batas_atas=None)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields

from kinerja.support import pesan
from kinerja.core.predikat import Scale, builtin_scale

#: Canonical polarities (see ``schema.POLARITAS_SINONIM`` for what inputs may write).
POSITIF, NEGATIF, STABIL = "positif", "negatif", "stabil"
POLARITAS = (POSITIF, NEGATIF, STABIL)

#: Formulas of a negatif indicator: ``selisih`` = (2 − R/T) × 100 [regulation], ``rasio`` = T/R × 100.
RUMUS_SELISIH, RUMUS_RASIO = "selisih", "rasio"
RUMUS_NEGATIF = (RUMUS_SELISIH, RUMUS_RASIO)

#: How an OPD capaian is made from its indicators.
AGREGASI_OPD = ("bertingkat", "rata_rata", "bobot")
#: How the pemda capaian is made: mean of OPD capaian, or flat mean of all indicators.
AGREGASI_PEMDA = ("rata_opd", "rata_rata")
#: How the quarters of an indicator make its year (column ``sifat``): sum, last quarter, mean.
KUMULATIF, AKHIR, RATA_RATA = "kumulatif", "akhir", "rata_rata"
SIFAT = (KUMULATIF, AKHIR, RATA_RATA)


class RulesError(ValueError):
    """A rule set to a value that does not exist; the message is in Bahasa Indonesia."""


@dataclass(frozen=True)
class Rules:
    """How capaian are computed and averaged.

    Attributes:
        rumus_negatif: default formula of negatif indicators whose ``rumus`` is empty:
            ``"selisih"`` (2 − R/T) × 100, or ``"rasio"`` T/R × 100.
        lantai: lower bound of an indicator capaian in percent (default 0: a negatif indicator
            with R > 2T scores 0, never below). ``None`` keeps negative values.
        batas_atas: optional cap in percent applied **only when averaging** (sasaran, OPD, pemda);
            indicator capaian are always reported uncapped. ``None`` means no cap.
        agregasi_opd: ``"bertingkat"`` (mean of the sasaran means, default), ``"rata_rata"``
            (flat mean of the OPD's indicators) or ``"bobot"`` (mean weighted by ``bobot``).
        agregasi_pemda: ``"rata_opd"`` (mean of the OPD capaian, default) or ``"rata_rata"``
            (flat mean of all indicators of the pemda).
        skala_predikat: the predikat scale (default: five levels, Permendagri 86/2017).
        sifat_bawaan: how the quarters make the year for indicators whose ``sifat`` is empty:
            ``"akhir"`` (the last quarter's value, default), ``"kumulatif"`` (sum) or
            ``"rata_rata"`` (mean).
        ambang_tertinggal: an indicator whose capaian s.d. triwulan n is below this (percent,
            default 91: below Sangat Tinggi of the default scale) is flagged as behind.
        batas_atas_indikator: optional cap in percent on every **indicator** capaian (the value
            shown and averaged), as some pemda print them (Kota Dumai: 100 where R/T = 100,43);
            the uncapped value is kept beside it in ``capaian_tanpa_batas``. ``None``: no cap.
        pembulatan_sebelum_rata: number of decimals each indicator capaian is rounded to (half
            away from zero) before it enters an average, as many reports do; ``None``: no
            rounding (the default: display rounding only at the edge).
    """

    rumus_negatif: str = RUMUS_SELISIH
    lantai: float | None = 0.0
    batas_atas: float | None = None
    agregasi_opd: str = "bertingkat"
    agregasi_pemda: str = "rata_opd"
    skala_predikat: Scale = field(default_factory=builtin_scale)
    sifat_bawaan: str = AKHIR
    ambang_tertinggal: float = 91.0
    batas_atas_indikator: float | None = None
    pembulatan_sebelum_rata: int | None = None

    def __post_init__(self) -> None:
        _choice("rumus_negatif", self.rumus_negatif, RUMUS_NEGATIF)
        _choice("sifat_bawaan", self.sifat_bawaan, SIFAT)
        value = self.ambang_tertinggal
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise RulesError(pesan.ATURAN_AMBANG.format(nilai=value))
        object.__setattr__(self, "ambang_tertinggal", float(value))
        _choice("agregasi_opd", self.agregasi_opd, AGREGASI_OPD)
        _choice("agregasi_pemda", self.agregasi_pemda, AGREGASI_PEMDA)
        for name in ("lantai", "batas_atas", "batas_atas_indikator"):
            value = getattr(self, name)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise RulesError(pesan.ATURAN_BUKAN_ANGKA.format(nama=name, nilai=value))
            object.__setattr__(self, name, float(value))
        if self.batas_atas is not None and self.batas_atas <= 0:
            raise RulesError(pesan.ATURAN_BATAS_ATAS.format(nilai=self.batas_atas))
        if self.lantai is not None and self.batas_atas is not None and self.lantai >= self.batas_atas:
            raise RulesError(pesan.ATURAN_LANTAI_BATAS.format(lantai=self.lantai, batas=self.batas_atas))
        if self.batas_atas_indikator is not None and self.batas_atas_indikator <= 0:
            raise RulesError(pesan.ATURAN_BATAS_ATAS_INDIKATOR.format(nilai=self.batas_atas_indikator))
        if self.lantai is not None and self.batas_atas_indikator is not None and self.lantai >= self.batas_atas_indikator:
            raise RulesError(pesan.ATURAN_LANTAI_BATAS.format(lantai=self.lantai, batas=self.batas_atas_indikator))
        digits = self.pembulatan_sebelum_rata
        if digits is not None and (isinstance(digits, bool) or not isinstance(digits, int) or not 0 <= digits <= 6):
            raise RulesError(pesan.ATURAN_PEMBULATAN.format(nilai=digits))
        if not isinstance(self.skala_predikat, Scale):
            raise RulesError(pesan.ATURAN_SKALA.format(nilai=self.skala_predikat))

    @classmethod
    def names(cls) -> list[str]:
        """Names of the settings, as params files write them."""
        return [f.name for f in fields(cls)]


@dataclass(frozen=True)
class Setting:
    """One scoring setting as data, for pages and the PDF to word: its name as params files
    write it, its value in force (``skala_predikat``: the scale's name) and whether that differs
    from the default."""

    nama: str
    nilai: object
    bawaan: object
    berbeda: bool


def settings_in_force(rules: Rules) -> list[Setting]:
    """Every setting of ``rules`` with its value and default, in the order of :meth:`Rules.names`.

    The conventions that differ between pemda (``batas_atas``, ``batas_atas_indikator``,
    ``pembulatan_sebelum_rata``, ``rumus_negatif``, …) are the ones with ``berbeda`` True; the
    wording shown to readers belongs to the pages layer."""
    defaults = Rules()
    result = []
    for name in Rules.names():
        value, default = getattr(rules, name), getattr(defaults, name)
        if isinstance(value, Scale):
            value, default = value.nama, default.nama
            differs = getattr(rules, name) != getattr(defaults, name)
        else:
            differs = value != default
        result.append(Setting(nama=name, nilai=value, bawaan=default, berbeda=bool(differs)))
    return result


def _choice(name: str, value: object, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise RulesError(pesan.ATURAN_PILIHAN.format(nama=name, nilai=value, pilihan=", ".join(allowed)))
