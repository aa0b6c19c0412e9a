"""What openpyxl does not say about a workbook file: what the file really is, and, per sheet, its
merged cells and its formulas that were saved without a value.

* :func:`file_problem` looks at the first bytes of a file named ``.xlsx``/``.xlsm`` before it is
  opened, and says in Bahasa Indonesia what it is when it is not a workbook: empty (0 bytes), a
  password-protected workbook (Excel encrypts it into an OLE compound file holding an
  ``EncryptedPackage`` stream), an Excel 97–2003 ``.xls`` renamed, a text file (CSV, HTML)
  renamed, a damaged or truncated zip, or another kind of file.
* :func:`sheet_facts` reads one worksheet's XML (streamed, a chunk at a time) for the merged
  ranges (``<mergeCell ref="A2:A5"/>``) and the formula cells without a stored value (``<c><f>…</f></c>``
  with no ``<v>``): a workbook written by a program that does not compute formulas (openpyxl,
  many exporters) holds only the formula, and ``openpyxl``'s ``data_only`` mode then gives an
  empty cell, indistinguishable from a cell left empty. Workbooks without formulas are read once.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string, range_boundaries

from kinerja.support import pesan

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: The stream name of an encrypted OOXML package inside its OLE container (UTF-16LE).
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
CHUNK = 1 << 20

_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Za-z]{1,3}[0-9]{1,7}(?::[A-Za-z]{1,3}[0-9]{1,7})?)"')
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


def file_problem(path: str | Path) -> str | None:
    """Why ``path`` (named like a workbook) is not one, as a message; None when it starts like a
    zip (it may still be damaged inside: see :func:`damaged_message`)."""
    with open(path, "rb") as stream:
        head = stream.read(1 << 16)
        if head.startswith(OLE_MAGIC):
            # the directory of a small OLE file is within the first sectors; read it all to be sure
            head += stream.read()
    if not head:
        return pesan.BUKU_NOL_BITA
    if head.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        return None
    if head.startswith(OLE_MAGIC):
        return pesan.BUKU_BERSANDI if ENCRYPTED_STREAM in head else pesan.BUKU_XLS
    if _looks_like_text(head):
        return pesan.BUKU_TEKS
    return pesan.BUKU_BUKAN_EXCEL


def damaged_message(path: str | Path) -> str:
    """The message for a file that starts like a zip but cannot be opened as a workbook: a
    truncated or damaged zip, or a zip that is not a workbook (no workbook part)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return pesan.BUKU_TERPOTONG
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        return pesan.BUKU_ZIP_LAIN
    return pesan.BUKU_RUSAK_ISI


def _looks_like_text(head: bytes) -> bool:
    """Text (UTF-8, UTF-16 with a BOM, or a single-byte code page): no NUL byte outside a
    UTF-16 file, and printable for the most part."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        return False
    printable = sum(1 for b in head if b >= 0x20 or b in b"\t\r\n")
    return printable >= 0.95 * len(head)


@dataclass(frozen=True)
class SheetFacts:
    """Per worksheet: ``merged`` ranges as ``(min_row, min_col, max_row, max_col)`` and
    ``uncomputed`` formula cells as ``(row, col)``, all 1-based as in Excel."""

    merged: tuple[tuple[int, int, int, int], ...] = ()
    uncomputed: frozenset[tuple[int, int]] = frozenset()


def sheet_facts(archive: zipfile.ZipFile, part: str | None) -> SheetFacts:
    """The :class:`SheetFacts` of the worksheet stored at ``part`` in ``archive`` (nothing known
    when ``part`` is None or not in the archive)."""
    if not part:
        return SheetFacts()
    part = part.lstrip("/")
    try:
        archive.getinfo(part)
    except KeyError:
        return SheetFacts()
    merged: set[str] = set()
    has_formula = False
    tail = b""
    with archive.open(part) as stream:
        while chunk := stream.read(CHUNK):
            text = tail + chunk
            merged.update(match.decode("ascii") for match in _MERGE.findall(text))
            has_formula = has_formula or _FORMULA.search(text) is not None
            tail = text[-512:]
    ranges = []
    for ref in sorted(merged):
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        if (min_row, min_col) != (max_row, max_col):
            ranges.append((min_row, min_col, max_row, max_col))
    uncomputed = frozenset(_uncomputed(archive, part)) if has_formula else frozenset()
    return SheetFacts(tuple(ranges), uncomputed)


def _uncomputed(archive: zipfile.ZipFile, part: str) -> list[tuple[int, int]]:
    """Cells with a formula (``<f>``) and no stored value: no ``<v>``, or an empty one in a cell
    that is not of a text type (an empty text result is a value)."""
    found = []
    row = col = 0
    formula = value = None
    with archive.open(part) as stream:
        for event, element in ElementTree.iterparse(stream, events=("start", "end")):
            tag = element.tag.rpartition("}")[2]
            if event == "start":
                if tag == "row":
                    row = int(element.get("r") or row + 1)
                    col = 0
                elif tag == "c":
                    ref = element.get("r")
                    if ref:
                        letters, number = coordinate_from_string(ref)
                        row, col = number, column_index_from_string(letters)
                    else:
                        col += 1
                    formula = value = None
                continue
            if tag == "f":
                formula = element
            elif tag == "v":
                value = element
            elif tag == "c":
                if formula is not None and (
                    value is None or (not value.text and element.get("t") not in ("str", "inlineStr"))
                ):
                    found.append((row, col))
                formula = value = None
                element.clear()
            elif tag == "row":
                element.clear()
    return found
