"""Checks on a tidy table that look at more than one cell: empty required cells, targets and ranges,
formulas, duplicates, names, weights. Every failure is collected (not just the first one), each
naming its file, sheet, row and column through the ``_berkas``, ``_lembar``, ``_baris`` columns
that :mod:`kinerja.readers` attaches.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kinerja import pesan, schema
from kinerja.aggregate import pemda_keys
from kinerja.change import normalised_name
from kinerja.findings import GALAT, PERINGATAN, Finding
from kinerja.rules import NEGATIF, RUMUS_RASIO, Rules


def validate_table(table: pd.DataFrame, rules: Rules) -> list[Finding]:
    """All findings about a tidy table under the given rules (``galat`` and ``peringatan``)."""
    if table.empty:
        return []
    findings: list[Finding] = []
    report = _Reporter(table, findings)

    for column in schema.COLUMNS:
        if column.required and column.must_fill and column.name in table:
            report(table[column.name].isna(), column.name, pesan.WAJIB_DIISI)
    if "satuan" in table:
        report(table["satuan"].isna(), "satuan", pesan.SATUAN_KOSONG, PERINGATAN)

    target = table["target"]
    bawah = _column(table, "target_bawah")
    atas = _column(table, "target_atas")
    has_range = bawah.notna() | atas.notna()
    report(target.isna() & ~has_range, "target", pesan.TARGET_KOSONG)
    report(target.notna() & has_range, "target", pesan.TARGET_DAN_RENTANG)
    report(target.isna() & bawah.notna() & atas.isna(), "target_atas", pesan.RENTANG_SEPARUH)
    report(target.isna() & bawah.isna() & atas.notna(), "target_bawah", pesan.RENTANG_SEPARUH)
    report(bawah.notna() & atas.notna() & (bawah > atas), "target_bawah", pesan.RENTANG_TERBALIK)

    if "rumus" in table:
        report((table["rumus"] == RUMUS_RASIO) & (table["polaritas"] != NEGATIF), "rumus", pesan.RASIO_BUKAN_NEGATIF)

    bobot = _column(table, "bobot")
    report(bobot < 0, "bobot", pesan.BOBOT_NEGATIF)
    if rules.agregasi_opd == "bobot":
        report(bobot.isna(), "bobot", pesan.BOBOT_WAJIB)

    _duplicates(table, report)
    _opd_names(table, report)
    return findings


class _Reporter:
    """Turns a boolean mask over the table into findings for one column."""

    def __init__(self, table: pd.DataFrame, findings: list[Finding]):
        self.table, self.findings = table, findings

    def __call__(self, mask: pd.Series, kolom: str, message: str | list[str], tingkat: str = GALAT) -> None:
        """One finding per row where ``mask`` holds; ``message`` is one text for all, or one per such row."""
        mask = mask.reindex(self.table.index, fill_value=False).fillna(False).to_numpy(dtype=bool)
        if not mask.any():
            return
        rows = self.table.loc[mask]
        values = rows[kolom] if kolom in rows else pd.Series(pd.NA, index=rows.index)
        texts = [message] * len(rows) if isinstance(message, str) else message
        for berkas, lembar, baris, value, text in zip(rows["_berkas"], rows["_lembar"], rows["_baris"], values, texts):
            shown = "" if pd.isna(value) else str(value)
            self.findings.append(Finding(str(berkas), str(lembar), int(baris), kolom, shown, text, tingkat))


def _duplicates(table: pd.DataFrame, report: _Reporter) -> None:
    """The same indicator twice in one year and OPD, or one ``kode_indikator`` used twice in a year."""
    pemda = pemda_keys(table)
    keyed = table.assign(_nama=normalised_name(table["indikator"]))
    checks = [([*pemda, "tahun", "kode_opd", "_nama"], "indikator", pesan.INDIKATOR_GANDA)]
    if "kode_indikator" in table:
        checks.append(([*pemda, "tahun", "kode_indikator"], "kode_indikator", pesan.KODE_INDIKATOR_GANDA))
    for keys, kolom, message in checks:
        rows = keyed.loc[keyed[keys].notna().all(axis=1)]
        repeated = rows.duplicated(keys, keep="first")
        if not repeated.any():
            continue
        first = rows.groupby(keys, sort=False)[["_berkas", "_baris"]].transform("first").loc[repeated]
        texts = [message.format(berkas=f, baris=b) for f, b in zip(first["_berkas"], first["_baris"])]
        report(repeated, kolom, texts)


def _opd_names(table: pd.DataFrame, report: _Reporter) -> None:
    """One ``kode_opd`` with two different ``nama_opd`` in the same year."""
    keys = [*pemda_keys(table), "tahun", "kode_opd"]
    rows = table.loc[table[keys + ["nama_opd"]].notna().all(axis=1)]
    first = rows.groupby(keys, sort=False)["nama_opd"].transform("first")
    differs = rows["nama_opd"] != first
    report(differs, "nama_opd", [pesan.NAMA_OPD_BERBEDA.format(nama=name) for name in first[differs]])


def _column(table: pd.DataFrame, name: str) -> pd.Series:
    return table[name] if name in table else pd.Series(np.nan, index=table.index)
