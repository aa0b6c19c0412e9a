"""File names for OPD codes: one agency, one file.

Every OPD of a year gets files named after its ``kode_opd``: the executed notebook and its extracts
(``_build/<tahun>/opd/<nama>.ipynb``, ``.xlsx``, ``<nama>/``, ``.stamp.json``, ``.gagal.ipynb``), the
web page (``_site/<tahun>/opd/<nama>.html``) and its section of the PDF report. :func:`file_name`
makes that name, one-to-one:

* A *plain* code is its own name: ``1.02.01`` stays ``1.02.01``, ``DINKES`` stays ``DINKES``. Plain
  means: ASCII letters, digits, ``.``, ``-`` and ``_`` only; starting with a letter or a digit
  (Quarto skips files starting with ``_`` or ``.``; ``-`` reads as an option in a shell); not
  ending with ``.`` (Windows drops it: ``1.02.`` would be ``1.02``); at most :data:`MAX_KODE`
  characters; not a device name Windows reserves (``CON``, ``NUL``, ``COM1`` … also with an
  extension, ``con.02``); not ``index`` (the year's OPD listing page); and not ending in a suffix
  kinerja gives its own files next to a page (``.gagal``, ``.stamp``, ``.ipynb``, …).
* Any other code is named ``<readable>~<hash>``: the code with accents removed and every other
  character outside ``[A-Za-z0-9._-]`` as ``_`` (runs collapsed, at most 40 characters, ``opd``
  when nothing is left), then ``~`` and the first 12 hexadecimal digits of the SHA-256 of the
  code. ``a/b`` → ``a_b~…``, ``a b`` → ``a_b~…`` (another hash), ``1.02.`` → ``1.02~…``.

Plain names never contain ``~`` and hashed names always do, so a plain code never takes the name
of another code; two hashed codes share a name only if their 48-bit hashes collide. What no
mapping can prevent is two plain codes that differ only in case (``dinkes``, ``DINKES``): distinct
files on Linux, the same file on Windows and macOS. :func:`clash_key` gives the key under which
names collide there, and ``kinerja validate`` reports such codes (and codes that cannot be a name
at all: too long, control characters, no letter or digit) as a ``galat`` (see
:mod:`kinerja.inputs.validate`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

#: Longest kode_opd accepted (longer is a galat of validation). The longest official codes
#: (Kepmendagri 050-5889/2021, ``1.02.0.00.0.00.01.0000``) have 22 characters.
MAX_KODE = 64
#: Characters kept from a code in the readable part of a hashed name.
READABLE_LENGTH = 40
HASH_DIGITS = 12

_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_OTHER = re.compile(r"[^A-Za-z0-9._-]+")
_WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$"}
    | {f"com{i}" for i in range(10)}
    | {f"lpt{i}" for i in range(10)}
)
#: Names that are pages of their own in the year's ``opd/`` folder.
_TAKEN = frozenset({"index"})
#: Last parts (after a dot) that are suffixes of kinerja's own files beside an OPD page.
_OWN_SUFFIXES = frozenset({"gagal", "stamp", "ipynb", "json", "xlsx", "csv", "html", "pdf", "qmd", "tmp"})


def is_plain(kode: str) -> bool:
    """Whether ``kode`` is its own file name (see the module docstring)."""
    if not kode or len(kode) > MAX_KODE or not _PLAIN.fullmatch(kode) or kode.endswith("."):
        return False
    lower = kode.casefold()
    if lower.split(".", 1)[0] in _WINDOWS_DEVICES or lower in _TAKEN:
        return False
    return "." not in lower or lower.rsplit(".", 1)[1] not in _OWN_SUFFIXES


def file_name(kode: str) -> str:
    """The file name (without extension) for OPD code ``kode``: the code itself when plain, else
    ``<readable>~<hash>``. Never empty, never longer than 53 characters for a non-plain code,
    always safe on Linux, Windows and macOS and in a URL."""
    kode = str(kode)
    if is_plain(kode):
        return kode
    ascii_text = unicodedata.normalize("NFKD", kode).encode("ascii", "ignore").decode("ascii")
    readable = _OTHER.sub("_", ascii_text).strip("._-")[:READABLE_LENGTH].strip("._-") or "opd"
    digest = hashlib.sha256(kode.encode("utf-8", "surrogatepass")).hexdigest()[:HASH_DIGITS]
    return f"{readable}~{digest}"


def clash_key(kode: str) -> str:
    """The key under which two codes' files collide on a case-insensitive file system (Windows,
    macOS): the case-folded file name."""
    return file_name(kode).casefold()


def unusable(kode: str) -> str | None:
    """Why ``kode`` cannot be an OPD code at all, as a key of :data:`PROBLEMS`; None when usable.

    ``panjang``: longer than :data:`MAX_KODE`; ``kendali``: holds a control or invisible format
    character (a tab, a line break, NUL, a zero-width space); ``tanpa_huruf``: no letter or digit
    (``.``, ``..``, ``-``, ``/``).
    """
    kode = str(kode)
    if len(kode) > MAX_KODE:
        return "panjang"
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") for c in kode):
        return "kendali"
    if not any(c.isalnum() for c in kode):
        return "tanpa_huruf"
    return None
