"""The method-sensitivity table as people read it (:func:`kinerja.core.metode.method_sensitivity`).

:func:`format_sensitivity` gives each setting an Indonesian label and formats the figures;
:func:`method_sentence` writes the one-line summary a Metodologi page or the PDF prints under the
pemda figure ("100,86 % dengan metode yang berlaku; 101,17 % sebagai rata-rata semua indikator; …").
Nothing is computed here.
"""

from __future__ import annotations

import pandas as pd

from kinerja.support import display, pesan

TEXT_COLUMNS = ["tahun", "tingkat", "kode_opd", "nama_opd", "setelan", "capaian", "predikat", "selisih", "berlaku"]


def setting_label(aturan: str, nilai) -> str:
    """``agregasi_pemda`` / ``rata_rata`` → "rata-rata semua indikator pemda"; unknown settings as
    ``aturan = nilai``."""
    if aturan == "berlaku":
        return pesan.METODE_BERLAKU
    key = f"{aturan}={'null' if nilai is None else pesan.angka_aturan(nilai) if isinstance(nilai, float) else nilai}"
    if key in pesan.METODE_LABEL:
        return pesan.METODE_LABEL[key]
    if aturan in pesan.METODE_LABEL_BATAS:
        return pesan.METODE_LABEL_BATAS[aturan].format(batas=pesan.angka_aturan(nilai))
    return f"{aturan} = {nilai}"


def format_sensitivity(frame: pd.DataFrame) -> pd.DataFrame:
    """The columns of :data:`TEXT_COLUMNS`: labels, ``100,86 %``, ``+0,31 poin``, ``ya`` where the
    setting is the one in force."""
    return pd.DataFrame({
        "tahun": frame["tahun"].astype(int),
        "tingkat": frame["tingkat"],
        "kode_opd": frame["kode_opd"],
        "nama_opd": frame["nama_opd"],
        "setelan": [setting_label(a, n) for a, n in zip(frame["aturan"], frame["nilai"])],
        "capaian": [display.persen(v) for v in frame["capaian"]],
        "predikat": frame["predikat"],
        "selisih": [display.poin(v) for v in frame["selisih_poin"]],
        "berlaku": ["ya" if b else "" for b in frame["berlaku"]],
    }).reset_index(drop=True)


def method_sentence(frame: pd.DataFrame, tahun: int) -> str:
    """The pemda figure of ``tahun`` under the rules in force and each setting that moves it
    (settings giving the same figure as the one in force are left out)."""
    rows = frame[(frame["tahun"] == tahun) & (frame["tingkat"] == "pemda")]
    parts = []
    for row in rows.itertuples():
        if row.aturan != "berlaku" and row.berlaku:
            continue
        parts.append(pesan.METODE_KALIMAT.format(capaian=display.persen(row.capaian), setelan=setting_label(row.aturan, row.nilai),
                                                 predikat=row.predikat or pesan.CLI_TANPA_PREDIKAT))
    return "; ".join(parts)
