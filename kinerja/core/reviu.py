"""Reviu flags: patterns an internal auditor (APIP) looks at before the LKjIP is published.

A flag is a question for the reviewer, never an error: it changes no score and fails no run. Each
flag has a code, a short explanation in Bahasa Indonesia and the input rows it concerns (file,
sheet, row from the source columns ``_berkas``, ``_lembar``, ``_baris`` when the table has them).

==================================  =================================================================
code                                when (positif; the mirror for negatif in brackets)
==================================  =================================================================
``target_di_bawah_realisasi_lalu``  target(t) < realisasi(t−1) [target(t) > realisasi(t−1)]
``target_turun``                    target(t) < target(t−1) [target(t) > target(t−1): loosened]
``capaian_ekstrem``                 capaian > ``capaian_atas`` or < ``capaian_bawah`` (150 / 50)
``realisasi_sama_target``           every reported realisasi of an OPD in a year equals its target
                                    (at least ``minimal_sama_target`` indicators, default 2)
``indikator_hilang_setelah_gagal``  capaian(t−1) < ``batas_gagal`` (76) and the indicator is absent
                                    in t while its OPD is present
``tidak_dilaporkan``                realisasi missing
``satuan_berubah``                  satuan(t) differs from satuan(t−1) (case and spaces ignored)
``lonjakan_target``                 target(t) / target(t−1) > ``lonjakan`` (10) or < 1 / ``lonjakan``
==================================  =================================================================

Stabil indicators have no direction, so the two direction flags (the first two) skip them. A
target given as a range is compared through its lenient bound (``target_bawah`` for positif,
``target_atas`` for negatif). Indicators are matched across years by ``kode_indikator`` within the
pemda, else by OPD and normalised name (as the year-over-year change does).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
import pandas as pd

from kinerja.core.aggregate import pemda_keys
from kinerja.core.change import normalised_name
from kinerja.core.rules import NEGATIF, POSITIF, Rules
from kinerja.core.scoring import score_indicators
from kinerja.support import display, pesan

#: The flag codes, in the order the report lists them.
KODE = (
    "target_di_bawah_realisasi_lalu",
    "target_turun",
    "capaian_ekstrem",
    "realisasi_sama_target",
    "indikator_hilang_setelah_gagal",
    "tidak_dilaporkan",
    "satuan_berubah",
    "lonjakan_target",
)
#: Columns of :func:`reviu_flags`: those of the validation report, ``kode``, then the context.
COLUMNS = ["berkas", "lembar", "baris", "kolom", "nilai", "pesan", "tingkat", "kode",
           "tahun", "kode_opd", "nama_opd", "kode_indikator", "indikator", "terkait"]
#: Where the table has several pemda, ``kode_pemda`` comes after ``tahun``.
PEMDA_COLUMNS = [*COLUMNS[:9], "kode_pemda", *COLUMNS[9:]]
TINGKAT = "reviu"


class ReviuSettingsError(ValueError):
    """A reviu threshold that cannot be used; the message is in Bahasa Indonesia."""


@dataclass(frozen=True)
class ReviuSettings:
    """Thresholds of the reviu flags (params section ``reviu:``).

    Attributes:
        capaian_atas: an indicator capaian above this (percent) is extreme (default 150).
        capaian_bawah: an indicator capaian below this (percent) is extreme (default 50).
        batas_gagal: a capaian below this (percent; default 76, the lower bound of Tinggi) counts
            as failed for ``indikator_hilang_setelah_gagal``.
        lonjakan: a target multiplied or divided by more than this from one year to the next is a
            jump (default 10).
        minimal_sama_target: the fewest reported indicators an OPD needs for
            ``realisasi_sama_target`` (default 2: one indicator on target is no pattern).
    """

    capaian_atas: float = 150.0
    capaian_bawah: float = 50.0
    batas_gagal: float = 76.0
    lonjakan: float = 10.0
    minimal_sama_target: int = 2

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not np.isfinite(value) or value < 0:
                raise ReviuSettingsError(pesan.REVIU_SETELAN_ANGKA.format(nama=f.name, nilai=value))
        if self.capaian_bawah >= self.capaian_atas:
            raise ReviuSettingsError(pesan.REVIU_SETELAN_URUTAN.format(bawah=pesan.angka_aturan(self.capaian_bawah),
                                                                      atas=pesan.angka_aturan(self.capaian_atas)))
        if self.lonjakan <= 1:
            raise ReviuSettingsError(pesan.REVIU_SETELAN_LONJAKAN.format(nilai=self.lonjakan))
        if int(self.minimal_sama_target) != self.minimal_sama_target or self.minimal_sama_target < 1:
            raise ReviuSettingsError(pesan.REVIU_SETELAN_ANGKA.format(nama="minimal_sama_target",
                                                                      nilai=self.minimal_sama_target))

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]


def reviu_flags(table: pd.DataFrame, rules: Rules | None = None, settings: ReviuSettings | None = None,
                tahun: int | None = None) -> pd.DataFrame:
    """Every reviu flag of a validated tidy table (all years together), one row per flag.

    ``table`` is :attr:`kinerja.LoadedData.table` (with the source columns) or a tidy table; the
    capaian are computed with ``rules``. ``tahun`` keeps only the flags of that year (the years
    before are still read for the comparisons). Returns the columns :data:`COLUMNS`: ``berkas,
    lembar, baris`` of the row the flag is about (for a flag comparing two years: the year-t row;
    for ``indikator_hilang_setelah_gagal``: the t−1 row), ``kolom`` and ``nilai`` the cell in
    question, ``pesan`` the explanation, ``tingkat`` = ``reviu``, ``kode``, then ``tahun``
    (the year the flag is raised for), ``kode_opd``, ``nama_opd``, ``kode_indikator``,
    ``indikator`` and ``terkait`` (the other rows concerned, as text); ``kode_pemda`` after
    ``tahun`` when the table has several pemda. Sorted by year, OPD, row, code.
    """
    rules = rules or Rules()
    settings = settings or ReviuSettings()
    frame = _prepared(table, rules)
    found: list[dict] = []
    found += _single_year(frame, settings)
    found += _same_as_target(frame, settings)
    found += _across_years(frame, settings)
    columns = PEMDA_COLUMNS if pemda_keys(frame) else COLUMNS
    result = pd.DataFrame(found, columns=[*PEMDA_COLUMNS, "_urut"])[[*columns, "_urut"]]
    if tahun is not None:
        result = result[result["tahun"] == tahun]
    order = {code: i for i, code in enumerate(KODE)}
    result = result.assign(_kode=result["kode"].map(order))
    result = result.sort_values(["tahun", "kode_opd", "_urut", "_kode"], kind="stable")
    return result.drop(columns=["_urut", "_kode"]).reset_index(drop=True)


def count_flags(flags: pd.DataFrame) -> pd.DataFrame:
    """Counts per year, OPD and code (``tahun, kode_opd, nama_opd, kode, jumlah``): for a page's
    summary table."""
    if flags.empty:
        return pd.DataFrame(columns=["tahun", "kode_opd", "nama_opd", "kode", "jumlah"])
    return (flags.groupby(["tahun", "kode_opd", "nama_opd", "kode"], sort=True, dropna=False)
            .size().rename("jumlah").reset_index())


# --- the pieces ---------------------------------------------------------------------------------

def _prepared(table: pd.DataFrame, rules: Rules) -> pd.DataFrame:
    frame = table.reset_index(drop=True)
    frame = frame.assign(_capaian=score_indicators(frame, rules)["capaian"].to_numpy(), _urut=np.arange(len(frame)))
    for column in ("_berkas", "_lembar", "kode_indikator", "satuan", "nama_opd"):
        if column not in frame:
            frame[column] = pd.Series(pd.NA, index=frame.index, dtype="str")
    if "_baris" not in frame:
        frame["_baris"] = pd.NA
    for column in ("target", "realisasi", "target_bawah", "target_atas"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce") if column in frame else np.nan
    positif = frame["polaritas"] == POSITIF
    negatif = frame["polaritas"] == NEGATIF
    lenient = np.where(positif, frame["target_bawah"], np.where(negatif, frame["target_atas"], np.nan))
    frame["_target"] = frame["target"].where(frame["target"].notna(), lenient)
    pemda = pemda_keys(frame)
    code = frame["kode_indikator"].astype("str").str.strip()
    name = normalised_name(frame["indikator"])
    by_code = code.notna() & (code != "")
    key = pd.Series(np.where(by_code, "k:" + code.fillna(""), "n:" + frame["kode_opd"].astype("str") + "\x1f" + name),
                    index=frame.index)
    for column in reversed(pemda):
        key = frame[column].astype("str") + "\x1f" + key
    frame["_kunci"] = key
    return frame


def _flag(row, kode: str, tahun: int, kolom: str, nilai, teks: str, terkait: str = "") -> dict:
    return {
        "berkas": _text(row["_berkas"]), "lembar": _text(row["_lembar"]), "baris": _int(row["_baris"]),
        "kolom": kolom, "nilai": nilai, "pesan": teks, "tingkat": TINGKAT, "kode": kode, "tahun": int(tahun),
        "kode_pemda": _text(row.get("kode_pemda")),
        "kode_opd": _text(row["kode_opd"]), "nama_opd": _text(row["nama_opd"]),
        "kode_indikator": _text(row["kode_indikator"]), "indikator": _text(row["indikator"]),
        "terkait": terkait, "_urut": int(row["_urut"]),
    }


def _single_year(frame: pd.DataFrame, settings: ReviuSettings) -> list[dict]:
    found = []
    missing = frame["realisasi"].isna()
    for _, row in frame[missing].iterrows():
        found.append(_flag(row, "tidak_dilaporkan", row["tahun"], "realisasi", "", pesan.REVIU_TIDAK_DILAPORKAN))
    capaian = frame["_capaian"]
    extreme = (capaian > settings.capaian_atas) | (capaian < settings.capaian_bawah)
    for _, row in frame[extreme.fillna(False)].iterrows():
        high = row["_capaian"] > settings.capaian_atas
        text = (pesan.REVIU_CAPAIAN_TINGGI if high else pesan.REVIU_CAPAIAN_RENDAH).format(
            capaian=display.persen(row["_capaian"]),
            batas=pesan.angka_aturan(settings.capaian_atas if high else settings.capaian_bawah))
        found.append(_flag(row, "capaian_ekstrem", row["tahun"], "realisasi", _number(row["realisasi"]), text))
    return found


def _same_as_target(frame: pd.DataFrame, settings: ReviuSettings) -> list[dict]:
    found = []
    reported = frame[frame["realisasi"].notna()]
    if reported.empty:
        return found
    keys = [*pemda_keys(frame), "tahun", "kode_opd"]
    equal = (reported["target"].notna() & (reported["realisasi"] == reported["target"])).to_numpy()
    ids = reported.groupby(keys, sort=False, dropna=False).ngroup().to_numpy()
    size = np.bincount(ids)
    all_equal = np.bincount(ids, weights=equal.astype(float)) == size
    flagged = np.flatnonzero(all_equal & (size >= settings.minimal_sama_target))
    for group_id in flagged:
        group = reported.iloc[np.flatnonzero(ids == group_id)]
        first = group.iloc[0]
        found.append(_flag(first, "realisasi_sama_target", first["tahun"], "realisasi", _number(first["realisasi"]),
                           pesan.REVIU_SAMA_TARGET.format(jumlah=len(group)), _places(group.iloc[1:])))
    return found


def _across_years(frame: pd.DataFrame, settings: ReviuSettings) -> list[dict]:
    """The flags comparing year t with t−1: each matched pair is tested column-wise; only the rows
    that raise a flag are turned into flags."""
    found = []
    pemda = pemda_keys(frame)
    unique = frame[~frame.duplicated(["tahun", "_kunci"], keep=False)]  # an ambiguous key is never compared
    unique = unique.assign(_satuan=unique["satuan"].map(_unit, na_action="ignore"))
    years = sorted(set(unique["tahun"].astype(int)))
    opd_years = frame[[*pemda, "kode_opd", "tahun"]].drop_duplicates().assign(_hadir=True)
    for year in years:
        if year - 1 not in years:
            continue
        now = unique[unique["tahun"] == year]
        before = unique[unique["tahun"] == year - 1]
        pairs = now.merge(before, on="_kunci", suffixes=("", "_lalu"))
        found += _compare(pairs, year, settings)
        gone = before[~before["_kunci"].isin(now["_kunci"])]
        gone = gone[gone["_capaian"] < settings.batas_gagal]
        present = gone[[*pemda, "kode_opd"]].assign(tahun=year).merge(opd_years, how="left", on=[*pemda, "kode_opd", "tahun"])
        for (_, last), still in zip(gone.iterrows(), present["_hadir"].eq(True).to_numpy()):
            if still:
                found.append(_flag(last, "indikator_hilang_setelah_gagal", year, "indikator", _text(last["indikator"]),
                                   pesan.REVIU_HILANG.format(tahun=year, lalu=year - 1,
                                                             capaian=display.persen(last["_capaian"]),
                                                             batas=pesan.angka_aturan(settings.batas_gagal))))
    return found


def _compare(pairs: pd.DataFrame, year: int, settings: ReviuSettings) -> list[dict]:
    """Flags of the matched pairs (columns of year t, and of t−1 with the suffix ``_lalu``)."""
    found = []
    if pairs.empty:
        return found
    lalu = year - 1
    target, target_last, real_last = pairs["_target"], pairs["_target_lalu"], pairs["realisasi_lalu"]
    sign = np.where(pairs["polaritas"] == POSITIF, 1.0, np.where(pairs["polaritas"] == NEGATIF, -1.0, np.nan))
    below_real = (sign * (target - real_last) < 0).to_numpy()
    lowered = (sign * (target - target_last) < 0).to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = (target / target_last).to_numpy(dtype=float)
    positive = ((target > 0) & (target_last > 0)).to_numpy()
    jump = positive & ((ratio > settings.lonjakan) | (ratio < 1 / settings.lonjakan))
    unit, unit_last = pairs["_satuan"], pairs["_satuan_lalu"]
    unit_changed = (unit.notna() & unit_last.notna() & (unit != unit_last)).to_numpy(dtype=bool)
    flagged = below_real | lowered | jump | unit_changed
    for i in np.flatnonzero(flagged):
        row = pairs.iloc[i]
        last = pd.Series({c: row[f"{c}_lalu"] for c in ("_berkas", "_lembar", "_baris")})
        where = _places(last.to_frame().T)
        t = display.angka(row["_target"], 2, trim=True)
        if below_real[i]:
            template = pesan.REVIU_TARGET_BAWAH_REALISASI if sign[i] > 0 else pesan.REVIU_TARGET_ATAS_REALISASI
            found.append(_flag(row, "target_di_bawah_realisasi_lalu", year, "target", _number(row["_target"]),
                               template.format(target=t, lalu=lalu,
                                               realisasi=display.angka(row["realisasi_lalu"], 2, trim=True)), where))
        if lowered[i]:
            template = pesan.REVIU_TARGET_TURUN if sign[i] > 0 else pesan.REVIU_TARGET_NAIK_NEGATIF
            found.append(_flag(row, "target_turun", year, "target", _number(row["_target"]),
                               template.format(target=t, lalu=lalu,
                                               sebelumnya=display.angka(row["_target_lalu"], 2, trim=True)), where))
        if jump[i]:
            found.append(_flag(row, "lonjakan_target", year, "target", _number(row["_target"]),
                               pesan.REVIU_LONJAKAN.format(target=t, lalu=lalu,
                                                           sebelumnya=display.angka(row["_target_lalu"], 2, trim=True),
                                                           kali=pesan.angka_aturan(settings.lonjakan)), where))
        if unit_changed[i]:
            found.append(_flag(row, "satuan_berubah", year, "satuan", _text(row["satuan"]),
                               pesan.REVIU_SATUAN.format(lalu=lalu, sebelumnya=_text(row["satuan_lalu"]),
                                                         satuan=_text(row["satuan"])), where))
    return found


def _places(rows: pd.DataFrame) -> str:
    """The rows as text: ``kinerja-2023.xlsx, lembar kinerja, baris 5; …``."""
    parts = []
    for _, row in rows.iterrows():
        bits = [_text(row["_berkas"])]
        if _text(row["_lembar"]):
            bits.append(f"lembar {_text(row['_lembar'])}")
        if _int(row["_baris"]) is not None:
            bits.append(f"baris {_int(row['_baris'])}")
        parts.append(", ".join(bit for bit in bits if bit))
    return "; ".join(part for part in parts if part)


def _unit(value) -> str | None:
    text = _text(value)
    return " ".join(text.casefold().split()) or None


def _text(value) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)) else str(value)


def _int(value) -> int | None:
    try:
        return None if pd.isna(value) else int(value)
    except (TypeError, ValueError):
        return None


def _number(value) -> str:
    if pd.isna(value):
        return ""
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)
