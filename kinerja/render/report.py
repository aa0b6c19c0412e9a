"""The findings report of ``kinerja validate --report``: CSV or Excel, written atomically."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kinerja.inputs.findings import Finding, findings_frame
from kinerja.support.atomic import atomic_file
from kinerja.support.xlsx import write_tables


def write_findings_report(findings: Iterable[Finding], path: str | Path) -> Path:
    """Write the findings with the columns ``berkas, lembar, baris, kolom, nilai, pesan, tingkat``;
    ``.xlsx`` gives a workbook (sheet ``temuan``), anything else UTF-8 CSV."""
    path = Path(path)
    frame = findings_frame(findings)
    with atomic_file(path) as temporary:
        if path.suffix.lower() == ".xlsx":
            write_tables(temporary, {"temuan": frame})  # values from the data stay text, never formulas
        else:
            frame.to_csv(temporary, index=False, encoding="utf-8", lineterminator="\n")
    return path
