"""Findings: every problem found in the inputs, with where it is and what to do.

A finding names the file (``berkas``), sheet (``lembar``, empty for CSV), row (``baris``: the row
number the analyst sees in Excel or a text editor, the header being row 1), column (``kolom``)
and value (``nilai``), says in Bahasa Indonesia what is wrong and what to do (``pesan``), and has
a level (``tingkat``): ``galat`` stops every command, ``peringatan`` is reported and let through.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

import pandas as pd

from kinerja.support import pesan

GALAT = "galat"
PERINGATAN = "peringatan"
COLUMNS = ["berkas", "lembar", "baris", "kolom", "nilai", "pesan", "tingkat"]


@dataclass(frozen=True)
class Finding:
    """One problem in the inputs (see the module docstring)."""

    berkas: str
    lembar: str
    baris: int | None
    kolom: str
    nilai: str
    pesan: str
    tingkat: str = GALAT

    @property
    def is_error(self) -> bool:
        return self.tingkat == GALAT

    def location(self) -> str:
        """``file, lembar X, baris N, kolom Y`` with the parts that are known."""
        parts = [self.berkas]
        if self.lembar:
            parts.append(f"lembar {self.lembar}")
        if self.baris is not None:
            parts.append(f"baris {self.baris}")
        if self.kolom:
            parts.append(f"kolom {self.kolom}")
        return ", ".join(parts)

    def __str__(self) -> str:
        value = f" (nilai: {self.nilai!r})" if self.nilai else ""
        return f"{self.tingkat.upper()} {self.location()}: {self.pesan}{value}"


class InputError(Exception):
    """The inputs have errors (``galat``); ``findings`` holds all of them, and the warnings."""

    def __init__(self, findings: Iterable[Finding]):
        self.findings = list(findings)
        errors = sum(f.is_error for f in self.findings)
        super().__init__(pesan.INPUT_GAGAL.format(jumlah=errors))

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]


def cell_text(value: object) -> str:
    """A cell's value as a finding shows it: empty for a blank cell, ``7`` for a whole float 7.0."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, str) and not value.strip():
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.is_error for f in findings)


def merge_findings(*groups: Iterable[Finding]) -> list[Finding]:
    """All findings of several checks, keeping only the first one about any cell (a cell the
    reader could not parse is not reported again as empty by a later check)."""
    seen: set[tuple] = set()
    merged = []
    for finding in (f for group in groups for f in group):
        cell = (finding.berkas, finding.lembar, finding.baris, finding.kolom, finding.tingkat)
        if finding.baris is not None and finding.kolom and cell in seen:
            continue
        seen.add(cell)
        merged.append(finding)
    return merged


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Errors first, then by file, sheet, row and column (file-level findings before row ones)."""
    return sorted(
        findings,
        key=lambda f: (not f.is_error, f.berkas, f.lembar, -1 if f.baris is None else f.baris, f.kolom),
    )


def findings_frame(findings: Iterable[Finding]) -> pd.DataFrame:
    """Findings as a table with the report columns, in :func:`sorted_findings` order."""
    frame = pd.DataFrame([asdict(f) for f in sorted_findings(findings)], columns=COLUMNS)
    frame["baris"] = frame["baris"].astype("Int64")
    return frame


def format_findings_table(findings: Iterable[Finding], limit: int | None = 200, width: int = 32) -> str:
    """Findings as an aligned table for the terminal (``tingkat berkas lembar baris kolom nilai
    pesan``), errors first; long cells are shortened to ``width`` characters, ``pesan`` never."""
    ordered = sorted_findings(findings)
    shown = ordered[: limit or None]
    header = ["tingkat", "berkas", "lembar", "baris", "kolom", "nilai", "pesan"]
    rows = [
        [f.tingkat, f.berkas, f.lembar, "" if f.baris is None else str(f.baris), f.kolom, f.nilai, f.pesan]
        for f in shown
    ]
    rows = [[_shorten(cell, width) if i < 6 else cell for i, cell in enumerate(row)] for row in rows]
    sizes = [max([len(header[i])] + [len(row[i]) for row in rows]) for i in range(6)]
    lines = ["  ".join(h.ljust(sizes[i]) if i < 6 else h for i, h in enumerate(header))]
    lines.append("  ".join("-" * sizes[i] if i < 6 else "-----" for i in range(7)))
    for row in rows:
        lines.append("  ".join(cell.ljust(sizes[i]) if i < 6 else cell for i, cell in enumerate(row)))
    if limit and len(ordered) > limit:
        lines.append(pesan.TEMUAN_LAINNYA.format(jumlah=len(ordered) - limit))
    return "\n".join(lines)


def _shorten(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_findings(findings: Iterable[Finding], limit: int | None = 50, separator: str = "\n") -> str:
    """Findings as lines for the terminal, errors first; at most ``limit`` lines and a count of the rest
    (joined by ``separator``: ``"; "`` puts them on one line)."""
    ordered = sorted_findings(findings)
    lines = [str(f) for f in ordered[: limit or None]]
    if limit and len(ordered) > limit:
        lines.append(pesan.TEMUAN_LAINNYA.format(jumlah=len(ordered) - limit))
    return separator.join(lines)
