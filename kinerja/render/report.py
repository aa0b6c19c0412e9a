"""The findings report of ``kinerja validate --report`` and the reviu report of ``kinerja reviu
--report``: CSV or Excel, written atomically."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from kinerja.core.reviu import PEMDA_COLUMNS as REVIU_COLUMNS
from kinerja.inputs.findings import Finding, findings_frame
from kinerja.support.xlsx import write_report


def write_findings_report(findings: Iterable[Finding], path: str | Path) -> Path:
    """Write the findings with the columns ``berkas, lembar, baris, kolom, nilai, pesan, tingkat``;
    ``.xlsx`` gives a workbook (sheet ``temuan``), anything else UTF-8 CSV."""
    path = Path(path)
    frame = findings_frame(findings)
    return write_report(frame, path, "temuan")


def write_reviu_report(flags: pd.DataFrame, path: str | Path) -> Path:
    """Write the reviu flags of :func:`kinerja.core.reviu.reviu_flags`: the columns of the findings
    report (``berkas, lembar, baris, kolom, nilai, pesan, tingkat``), ``kode``, then the context
    (``tahun, [kode_pemda,] kode_opd, nama_opd, kode_indikator, indikator, terkait``); ``.xlsx`` gives a workbook
    (sheet ``reviu``), anything else UTF-8 CSV."""
    path = Path(path)
    frame = flags[[c for c in REVIU_COLUMNS if c in flags]].astype({"baris": "Int64"})
    return write_report(frame, path, "reviu")
