"""Numbers typed by hand, read without guessing.

Analysts type targets and realisations into Excel or CSV, often as text: ``100,86``, ``1.234,5``,
``95%``, ``Rp 1.200.000.000``, ``-``. :func:`parse_numbers` reads a column of such cells, vectorised
(regular expressions over the whole column, no Python loop per cell), and says per cell whether it
is a number (``ok``), not reported (``kosong``) or wrong (``galat``, with a message in Bahasa
Indonesia that says what to do). :func:`detect_convention` looks at all number columns of a file
and says which decimal convention the file shows evidence for.

Conventions for text cells
--------------------------
``"id"`` (Indonesian)
    ``,`` is the decimal mark; ``.`` only separates thousands, in groups of exactly three digits
    after a first group of 1–3 digits that does not start with 0: ``100,86``, ``1.234,5``,
    ``1.200.000.000``, ``1.234`` (= 1234), ``,5``. ``3.5`` or ``100.86`` is a galat, never a guess.
``"standar"``
    ``.`` is the decimal mark; ``,`` only separates thousands: ``1234.5``, ``1,234.5``, ``100.86``.
``"otomatis"``
    Decided from evidence. A cell is evidence for a convention when it is valid under that one
    only (``3,5``, ``1.234,5``, ``1.200.000``, ``0,123`` for id; ``3.5``, ``1,234.5``,
    ``1,200,000``, ``0.123`` for standar). A cell valid under both is *ambiguous* when it has a
    separator (``1.234``, ``1,234``: one group of exactly three digits) and *neutral* when it has
    none (``12``, ``2024``, ``1 234``). The column's own evidence decides first; when the column
    has both kinds, the majority decides and the cells of the minority are galat (naming the
    other form); on a tie every evidence cell is galat. A column without evidence of its own
    takes the file's (``evidence``, from :func:`detect_convention`) when that is ``"id"`` or
    ``"standar"``. Ambiguous cells with no convention decided are galat: refused, not guessed.

Decisions (each one documented here and pinned by tests)
---------------------------------------------------------
- Not reported (``kosong``, value NaN, never a galat): missing cells (None, NaN, NA), empty or
  whitespace text, ``-``, ``−``, ``–``, ``—``, ``n/a``, ``na``, ``#N/A``, ``belum ada data``,
  ``tidak ada data``, ``belum tersedia`` (case-insensitive, inner spaces collapsed).
- ``0``, ``0,0``, ``0.00`` are the number zero. ``nihil`` is a galat: the KBBI gives it both
  senses, "nol" and "kosong", so the analyst writes ``0`` or ``-``. ``Rp -`` (zero in Excel's
  accounting format, or nothing) is refused for the same reason.
- Stripped and recorded in :attr:`ParsedNumbers.stripped`: a trailing ``%`` (``95%``, ``95 %``:
  the value stays 95, the unit is the indicator's satuan) and a leading currency ``Rp``, ``Rp.``
  or ``IDR`` (any case, with or without space), recorded as ``"%"``, ``"Rp"`` or ``"IDR"``.
  A cell with both a currency and ``%`` is a galat.
- The rupiah ending ``,-`` (``Rp 1.200.000,-``: no sen) is read as ``,00``: id evidence, and a
  galat under ``"standar"``.
- Whitespace: NBSP, narrow/thin/figure spaces and tabs count as spaces; zero-width characters
  are removed; surrounding spaces are stripped. A single space may separate thousands
  (``1 234,5``, which is what ``1\\u00a0234,5`` copied from a formatted cell becomes) under every
  convention: groups of exactly three digits, never mixed with ``.`` or ``,`` groups. Spaces
  alone are not evidence for either convention.
- Signs: a leading ``-`` or ``+``, before or after the currency (``-Rp 5``, ``Rp -5``), the
  Unicode minus ``−`` as ``-``. ``-0`` is 0.
- Accounting negatives ``(1.234,5)`` are refused: in a hand-typed text cell brackets may also be
  a note, and a wrong sign silently turns a capaian upside down. Excel cells formatted as
  accounting numbers arrive as numbers and are not affected.
- Scientific notation (``1,2E+09``) is refused: in a CSV it is Excel's rounded display.
  Excel error values (``#DIV/0!``, ``#VALUE!`` …) are galat; ``#N/A`` is not reported.
- Cells that already are numbers (int, float, numpy numbers, Decimal, as openpyxl gives numeric
  Excel cells, also mixed with text in an object column) are taken as they are, never re-parsed
  (1.5 stays 1.5 under ``"id"``). NaN is not reported; ±inf and booleans are galat; any other
  object (a date) is galat. Text ``inf``/``nan`` is a galat like any other non-number.
- An en dash before digits (``–3,5``) is not a minus sign: galat.

Text is parsed with ``.str`` methods over the whole column (Arrow's RE2 when pyarrow backs the
``str`` dtype) and converted to float64 by a correctly rounded parser. One million text cells
take about 2 s (``benchmarks/bench_numbers.py``).
"""

from __future__ import annotations

import decimal
import numbers as _abc
import string
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kinerja.core.arrays import text_from_codes
from kinerja.support import pesan

# conventions
ID = "id"
STANDAR = "standar"
OTOMATIS = "otomatis"
CAMPUR = "campur"
CONVENTIONS = (ID, STANDAR, OTOMATIS)

# status of a cell
OK = "ok"
KOSONG = "kosong"
GALAT = "galat"

#: Text meaning "not reported", compared lower-cased with inner spaces collapsed.
NOT_REPORTED = frozenset({"", "-", "–", "—", "n/a", "na", "#n/a", "belum ada data", "tidak ada data", "belum tersedia"})


@dataclass(frozen=True)
class ParsedNumbers:
    """The cells of one column, read. Every Series has the index of the input, in its order."""

    values: pd.Series  # float64; NaN where kosong or galat
    status: pd.Series  # OK, KOSONG or GALAT per cell
    message: pd.Series  # "" or, for a galat cell, what is wrong and what to do (Bahasa Indonesia)
    stripped: pd.Series  # "" or what was stripped from an ok cell: "%", "Rp" or "IDR"
    convention: str | None  # ID or STANDAR as used for text cells; None when none was decided


# --- regular expressions (RE2-compatible: pandas may run them in pyarrow) ---
_SPACES = "[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\n\r\v\f]"
_INVISIBLE = "[\u200b-\u200d\u2060\ufeff\u00ad]"
_PREFIX = r"^[-+]? *(?:(?i:rp\.?|idr))? *[-+]? *"
_INT_ID = r"(?:[0-9]+|[1-9][0-9]{0,2}(?:\.[0-9]{3})+|[1-9][0-9]{0,2}(?: [0-9]{3})+)"
_INT_STD = r"(?:[0-9]+|[1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]{0,2}(?: [0-9]{3})+)"
_VALID_ID = "(?:" + _INT_ID + r"(?:,[0-9]+)?|,[0-9]+)"
_VALID_STD = "(?:" + _INT_STD + r"(?:\.[0-9]+)?|\.[0-9]+)"
_BRACKETS = r"^\( *[^()]*[0-9][^()]* *\)$"
_SCIENTIFIC = r"^[-+]?[0-9.,]*[0-9][eE][-+]?[0-9]+$"
_EXCEL_ERROR = r"^#[A-Za-z0-9/_]+[!?]$"
_ZERO_OR_NOTHING = r"^(?:(?i:nihil)|(?i:rp\.?|idr) *-+)$"


_COMPUTE = object()  # parse_numbers(plain=…) not given: look at the column itself


def plain_column(cells: pd.Series):
    """What :func:`detect_convention` and :func:`parse_numbers` find out about a column of plain
    numbers (every cell a plain number or empty), or None for any other column: pass it to both
    (``plain=``) so that a large column is looked at once, not twice."""
    return _PlainColumn.of(cells)


def detect_convention(columns: Iterable[pd.Series], plain: Sequence | None = None) -> str | None:
    """The decimal convention the text cells of a file's number columns show evidence for.

    ``"id"`` or ``"standar"`` when only that convention has evidence, ``"campur"`` when both
    have, None when no cell is evidence (only numeric cells, integers, ambiguous cells, not
    reported or invalid text). Pass all number columns of one file (or sheet) together, and
    ``plain`` (their :func:`plain_column`, in the same order) when the caller has it already.
    """
    has_id = has_std = False
    columns = list(columns)
    plains = list(plain) if plain is not None else [_COMPUTE] * len(columns)
    for column, plain in zip(columns, plains):
        column = column if isinstance(column, pd.Series) else pd.Series(column)
        plain = _PlainColumn.of(column) if plain is _COMPUTE else plain
        if plain is not None:  # plain numbers are never id evidence, and standar evidence when not grouped
            has_std = has_std or bool(plain.std_only.any())
            continue
        kinds, _ = _kinds(column)
        text = _Text(_text_cells(column, kinds))
        has_id = has_id or bool(text.id_only.any())
        has_std = has_std or bool(text.std_only.any())
    if has_id and has_std:
        return CAMPUR
    return ID if has_id else STANDAR if has_std else None


def parse_numbers(
    cells: pd.Series, convention: str = OTOMATIS, evidence: str | None = None, plain=_COMPUTE
) -> ParsedNumbers:
    """Read one column of number cells (see the module docstring for every rule).

    ``convention`` is ``"id"``, ``"standar"`` or ``"otomatis"``; ``evidence`` (used only with
    ``"otomatis"``) is what :func:`detect_convention` said about the whole file. Numeric cells are
    taken as they are under every convention. ``plain`` is :func:`plain_column` of ``cells`` when
    the caller has it already. Raises ValueError for an unknown convention or
    evidence (a programming error, not a data error).
    """
    if convention not in CONVENTIONS:
        raise ValueError(f"unknown convention {convention!r}; expected one of {CONVENTIONS}")
    if evidence not in (ID, STANDAR, CAMPUR, None):
        raise ValueError(f"unknown evidence {evidence!r}; expected 'id', 'standar', 'campur' or None")

    plain = _PlainColumn.of(cells) if plain is _COMPUTE else plain
    if plain is not None:
        parsed = plain.parse(convention, evidence)
        if parsed is not None:
            return parsed

    n = len(cells)
    values = np.full(n, np.nan)
    status = np.full(n, GALAT, dtype=object)
    message = np.full(n, "", dtype=object)
    stripped = np.full(n, "", dtype=object)

    kinds, numeric = _kinds(cells)
    status[kinds == _MISSING] = KOSONG
    finite = (kinds == _NUMBER) & np.isfinite(numeric)
    values[finite] = numeric[finite] + 0.0  # -0.0 becomes 0.0
    status[finite] = OK
    message[(kinds == _NUMBER) & ~finite] = pesan.ANGKA_TAK_HINGGA
    message[kinds == _BOOL] = pesan.ANGKA_BENAR_SALAH
    message[kinds == _OTHER] = pesan.ANGKA_JENIS_SEL

    at = np.flatnonzero(kinds == _TEXT)
    text = _Text(_text_cells(cells, kinds))
    used, read_id, read_std, text_message = _read_text(text, convention, evidence)
    ok = read_id | read_std
    text_values = np.full(len(at), np.nan)
    for read, way in ((read_id, ID), (read_std, STANDAR)):
        if read.any():
            text_values[read] = text.number(read, way)
    text_status = np.where(ok, OK, np.where(text.kosong, KOSONG, GALAT))
    values[at] = text_values
    status[at] = text_status
    message[at] = np.where(text_status == GALAT, text_message, "")
    stripped[at] = np.where(ok, text.stripped, "")
    index = cells.index
    return ParsedNumbers(
        values=pd.Series(values, index=index, dtype="float64", name=cells.name),
        status=pd.Series(status, index=index, dtype="str", name=cells.name),
        message=pd.Series(message, index=index, dtype="str", name=cells.name),
        stripped=pd.Series(stripped, index=index, dtype="str", name=cells.name),
        convention=used,
    )


class _PlainColumn:
    """A ``str`` column whose every cell is a plain number or empty (:data:`_PLAIN`), as a CSV
    exported from a database has: read as a whole, without the per-cell normalisation, with
    exactly the outcome of the full path (:class:`_Text` gives such cells the same flags). Only
    outcomes without a galat are taken here: a plain ``3.5`` in a ``,`` column, or an
    ambiguous ``1.234`` no convention settles, go through the full path for their messages."""

    def __init__(self, cells: pd.Series):
        self.cells = cells
        self.kosong = (cells == "").to_numpy(dtype=bool)
        self.separator = _flag(cells.str.contains(".", regex=False))
        if self.separator.any():
            # the sign in the pattern, not removed first (a copy of every cell): cells match _PLAIN
            grouped = _flag(cells.str.fullmatch(f"-?(?:{_PLAIN_ID_GROUPED})"))
        else:
            grouped = self.separator
        self.ambiguous = self.separator & grouped  # 1.234: 1234 or 1,234
        self.std_only = self.separator & ~grouped  # 3.5, 1234.5: standar only

    @classmethod
    def of(cls, cells) -> _PlainColumn | None:
        if not isinstance(cells, pd.Series) or cells.dtype != "str" or not len(cells) or cells.isna().any():
            return None
        if not _flag(cells.str.fullmatch(_PLAIN)).all():
            return None
        return cls(cells)

    def parse(self, convention: str, evidence: str | None) -> ParsedNumbers | None:
        """The column read under ``convention`` (see :func:`_read_text` for the same decisions),
        or None when some cell would be a galat."""
        if convention == ID:
            if self.std_only.any():
                return None
            used = ID
        elif convention == STANDAR or self.std_only.any():
            used = STANDAR
        else:
            used = evidence if evidence in (ID, STANDAR) else None
        if used is None and self.ambiguous.any():
            return None
        text = self.cells
        if used == ID and self.ambiguous.any():  # 1.234 is a thousands group: 1234
            text = text.str.replace(".", "", regex=False)
        n = len(text)
        values = np.full(n, np.nan)
        filled = ~self.kosong
        # str → float64 is correctly rounded, as in _Text.number; -0.0 becomes 0.0
        values[filled] = _plain_floats(text, filled) + 0.0
        index, name = self.cells.index, self.cells.name
        return ParsedNumbers(
            values=pd.Series(values, index=index, dtype="float64", name=name),
            status=pd.Series(text_from_codes(self.kosong.astype(np.int8), [OK, KOSONG]), index=index, name=name),
            message=pd.Series(text_from_codes(np.zeros(n, dtype=np.int8), [""]), index=index, name=name),
            stripped=pd.Series(text_from_codes(np.zeros(n, dtype=np.int8), [""]), index=index, name=name),
            convention=used,
        )


def _plain_floats(text: pd.Series, filled: np.ndarray) -> np.ndarray:
    """The filled cells of a plain-number ``str`` column as float64: Arrow's cast (correctly
    rounded, the same floats as ``astype``, without pandas' per-column overhead)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        cells = pa.array(text, from_pandas=True)
        if not filled.all():
            cells = pc.filter(cells, pa.array(filled))
        return pc.cast(cells, pa.float64()).to_numpy(zero_copy_only=False)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return text[filled].astype("float64").to_numpy()


# --- reading the text cells ---


def _read_text(
    text: _Text, convention: str, evidence: str | None
) -> tuple[str | None, np.ndarray, np.ndarray, np.ndarray]:
    """Decide the convention for the text cells and which cells it reads.

    Returns (convention used, cells read as id, cells read as standar, message per cell for the
    cells that turn out galat)."""
    none = np.zeros(text.size, dtype=bool)
    refusals: list[tuple[np.ndarray, str, Callable[[np.ndarray], dict]]] = []
    if convention == ID:
        used = ID
        refusals.append((text.std_only, pesan.ANGKA_HARUS_KOMA, lambda at: {"usul": text.swapped(at)}))
    elif convention == STANDAR:
        used = STANDAR
        refusals.append((text.id_only, pesan.ANGKA_HARUS_TITIK, lambda at: {"usul": text.swapped(at)}))
    else:
        n_id, n_std = int(text.id_only.sum()), int(text.std_only.sum())
        if n_id and n_std and n_id != n_std:
            used = ID if n_id > n_std else STANDAR
            majority, minority = (text.id_only, text.std_only) if used == ID else (text.std_only, text.id_only)
            fields = {
                "mayoritas": _SEPARATOR_NAME[used],
                "minoritas": _SEPARATOR_NAME[STANDAR if used == ID else ID],
                "contoh": text.cleaned[majority].iloc[0],
            }
            refusals.append((minority, pesan.ANGKA_CAMPUR_KOLOM, lambda at: {**fields, "usul": text.swapped(at)}))
        elif n_id and n_std:
            used = None
            fields = {
                "contoh_koma": text.cleaned[text.id_only].iloc[0],
                "contoh_titik": text.cleaned[text.std_only].iloc[0],
            }
            refusals.append((text.id_only | text.std_only, pesan.ANGKA_CAMPUR_SERI, lambda at: fields))
        elif n_id or n_std:
            used = ID if n_id else STANDAR
        else:
            used = evidence if evidence in (ID, STANDAR) else None
    if used is None:
        refusals.append((text.ambiguous, pesan.ANGKA_BERMAKNA_GANDA, text.readings))
    read_id = text.valid_id if used == ID else text.neutral if used is None else none
    read_std = text.valid_std if used == STANDAR else none

    message = text.invalid_messages(used)
    for mask, template, fields_at in refusals:
        if mask.any():
            message[mask] = _fill(template, fields_at(mask))
    return used, read_id, read_std, message


_SEPARATOR_NAME = {ID: "koma", STANDAR: "titik"}


class _Text:
    """The text cells of one column, normalised and taken apart (arrays in the cells' order).

    Fast path: cells that are plain numbers (``12``, ``-3.5``, ``0.25``: digits, an optional
    leading ``-`` and at most one ``.`` with digits on both sides) or empty are taken apart by one
    vectorised match instead of the full normalisation; they get exactly the flags the full path
    gives them (``1.234`` stays ambiguous, ``3.5`` is standar evidence, ``12`` is neutral). Every
    other cell goes through the full path. A column of plain numbers thus costs one regular
    expression and one native float conversion.
    """

    def __init__(self, raw: np.ndarray | pd.Series):
        text = raw.reset_index(drop=True) if isinstance(raw, pd.Series) else pd.Series(raw, dtype="str")
        self.size = len(text)
        plain = _flag(text.str.fullmatch(_PLAIN)) if self.size else np.zeros(0, dtype=bool)
        if plain.all():
            parts = _plain_parts(text)
        elif not plain.any():
            parts = _full_parts(text)
        else:
            parts = _merge(plain, _plain_parts(_part(text, plain)), _full_parts(_part(text, ~plain)))
        self.cleaned, self.body = parts["cleaned"], parts["body"]
        self.kosong, self.dash, self.negative = parts["kosong"], parts["dash"], parts["negative"]
        self.valid_id, self.valid_std, self.stripped = parts["valid_id"], parts["valid_std"], parts["stripped"]
        both = self.valid_id & self.valid_std
        self.id_only = self.valid_id & ~self.valid_std
        self.std_only = self.valid_std & ~self.valid_id
        self.ambiguous = both & parts["separator"]
        self.neutral = both & ~parts["separator"]

    @property
    def sign(self) -> np.ndarray:
        return np.where(self.negative, "-", "")

    def number(self, at: np.ndarray, way: str) -> np.ndarray:
        """The values of the valid cells ``at`` read by convention ``way`` (ID or STANDAR)."""
        body = _part(self.body, at).str.replace(" ", "", regex=False)
        if way == ID:
            body = body.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
        else:
            body = body.str.replace(",", "", regex=False)
        # str → float64 is correctly rounded (Python's float() or Arrow's parser); -0.0 becomes 0.0
        return (self.sign[at] + body).astype("float64").to_numpy() + 0.0

    def swapped(self, at: np.ndarray) -> pd.Series:
        """The cells ``at`` written the other way round (``3.5`` → ``3,5``), for messages."""
        return self.sign[at] + _part(self.body, at).str.translate(str.maketrans(".,", ",."))

    def readings(self, at: np.ndarray) -> dict:
        """The two readings of the ambiguous cells ``at`` (``1.234``: 1234, or 1 koma 234)."""
        body = _part(self.body, at)
        whole = self.sign[at] + body.str.replace(r"[.,].*$", "", regex=True)
        fraction = body.str.replace(r"^[0-9]*[.,]", "", regex=True)
        return {
            "nilai": _part(self.cleaned, at),
            "nama_tanda": body.str.replace(r"[0-9]", "", regex=True).map({".": "titik", ",": "koma"}),
            "bulat": whole + fraction,
            "utuh": whole,
            "pecahan": fraction,
        }

    def invalid_messages(self, used: str | None) -> np.ndarray:
        """The message for every cell: specific where an invalid form is recognised (brackets,
        scientific notation, Excel errors, ``nihil``), generic otherwise."""
        message = np.full(self.size, pesan.ANGKA_TIDAK_SAH.format(contoh=pesan.ANGKA_CONTOH[used]), dtype=object)
        invalid = np.flatnonzero(~(self.valid_id | self.valid_std | self.kosong))
        if not len(invalid):
            return message
        text = _part(self.cleaned, invalid)
        checks = [
            (_BRACKETS, pesan.ANGKA_KURUNG, lambda t: {"usul": "-" + t.str.replace(r"^\( *| *\)$", "", regex=True)}),
            (_SCIENTIFIC, pesan.ANGKA_NOTASI_ILMIAH, lambda t: {}),
            (_EXCEL_ERROR, pesan.ANGKA_GALAT_EXCEL, lambda t: {}),
            (_ZERO_OR_NOTHING, pesan.ANGKA_NOL_ATAU_KOSONG, lambda t: {"nilai": t}),
        ]
        for pattern, template, fields in checks:
            hit = _flag(text.str.contains(pattern, regex=True))
            if hit.any():
                message[invalid[hit]] = _fill(template, fields(_part(text, hit)))
        return message


#: A plain number (digits, optional leading ``-``, at most one ``.`` between digits) or nothing.
_PLAIN = r"(?:-?[0-9]+(?:\.[0-9]+)?)?"
#: A plain number's body (sign removed) that is also a valid id number: one thousands group.
_PLAIN_ID_GROUPED = r"[1-9][0-9]{0,2}\.[0-9]{3}"


def _plain_parts(text: pd.Series) -> dict:
    """The parts of cells that all match :data:`_PLAIN` (see :class:`_Text`), as the full path
    would give them: nothing to clean or strip, no ``%``, currency or ``,-``; empty is kosong;
    every other cell is valid standar; valid id when it has no ``.`` or one thousands group."""
    n = len(text)
    kosong = (text == "").to_numpy(dtype=bool)
    negative = _flag(text.str.startswith("-"))
    body = text.str.removeprefix("-")
    separator = _flag(body.str.contains(".", regex=False))
    grouped = _flag(body.str.fullmatch(_PLAIN_ID_GROUPED)) if separator.any() else separator
    return {
        "cleaned": text, "body": body, "kosong": kosong, "dash": np.zeros(n, dtype=bool), "negative": negative,
        "valid_std": ~kosong, "valid_id": ~kosong & (~separator | grouped), "separator": separator,
        "stripped": np.full(n, "", dtype=object),
    }


def _full_parts(text: pd.Series) -> dict:
    """The parts of any text cells: normalised, stripped of ``%``, currency, sign and ``,-``,
    and matched against both conventions (every rule of the module docstring)."""
    text = (
        text.str.replace(_SPACES, " ", regex=True)
        .str.replace(_INVISIBLE, "", regex=True)
        .str.replace("\u2212", "-", regex=False)
        .str.strip()
    )
    key = text.str.lower().str.replace(" +", " ", regex=True)
    kosong = key.isin(NOT_REPORTED).to_numpy(dtype=bool)

    percent = _flag(text.str.contains(r"[0-9] *%$", regex=True))
    rest = text.str.replace(r"([0-9]) *%$", r"\1", regex=True)
    dash = _flag(rest.str.contains(r"[0-9],--?$", regex=True))
    rest = rest.str.replace(r"([0-9]),--?$", r"\1", regex=True)
    prefix = rest.str.replace("(" + _PREFIX + ").*$", r"\1", regex=True)
    body = rest.str.replace(_PREFIX, "", regex=True)
    negative = _flag(prefix.str.contains("-", regex=False))
    rupiah = _flag(prefix.str.contains(r"(?i)rp", regex=True))
    idr = _flag(prefix.str.contains(r"(?i)idr", regex=True))
    signs = prefix.str.count(r"[-+]").to_numpy()
    well_formed = ~kosong & (signs <= 1) & ~((rupiah | idr) & percent) & ~(dash & percent)

    integer_id = _flag(body.str.fullmatch(_INT_ID))
    return {
        "cleaned": text, "body": body, "kosong": kosong, "dash": dash, "negative": negative,
        "valid_id": well_formed & np.where(dash, integer_id, _flag(body.str.fullmatch(_VALID_ID))),
        "valid_std": well_formed & ~dash & _flag(body.str.fullmatch(_VALID_STD)),
        "separator": _flag(body.str.contains(r"[.,]", regex=True)),
        "stripped": np.where(percent, "%", np.where(rupiah, "Rp", np.where(idr, "IDR", ""))).astype(object),
    }


def _merge(at: np.ndarray, inside: dict, outside: dict) -> dict:
    """The parts of all cells from the parts of the cells ``at`` (a mask) and of the others."""
    merged = {}
    for name, value in inside.items():
        other = outside[name]
        if isinstance(value, pd.Series):
            both = np.empty(len(at), dtype=object)
            both[at] = value.to_numpy(dtype=object)
            both[~at] = other.to_numpy(dtype=object)
            merged[name] = pd.Series(both, dtype="str")
        else:
            both = np.empty(len(at), dtype=np.result_type(value, other))
            both[at], both[~at] = value, other
            merged[name] = both
    return merged


def _text_cells(cells: pd.Series, kinds: np.ndarray) -> pd.Series | np.ndarray:
    """The text cells of ``cells`` in order: the column itself when it is all text of the ``str``
    dtype (no copy to Python objects), else its text cells as an object array."""
    text = kinds == _TEXT
    if text.all() and isinstance(cells, pd.Series) and cells.dtype == "str":
        return cells
    cells = cells if isinstance(cells, pd.Series) else pd.Series(cells)
    return cells.to_numpy(dtype=object)[text]


def _part(series: pd.Series, at: np.ndarray) -> pd.Series:
    """The cells ``at`` (a boolean mask or positions) of a Series, renumbered from 0."""
    return series[at].reset_index(drop=True)


def _fill(template: str, fields: dict) -> np.ndarray | str:
    """``template.format(**fields)``, vectorised: each field is one string for all cells or a
    Series over the cells to fill (numbered from 0)."""
    out: pd.Series | str = ""
    for literal, name, _, _ in string.Formatter().parse(template):
        out = out + literal
        if name is not None:
            out = out + fields[name]
    return out.to_numpy(dtype=object) if isinstance(out, pd.Series) else out


def _flag(result: pd.Series) -> np.ndarray:
    """A boolean result of a ``.str`` method as a numpy bool array (missing → False)."""
    return result.fillna(False).to_numpy(dtype=bool)


# --- what kind of cell ---

_TEXT, _NUMBER, _MISSING, _BOOL, _OTHER = range(5)


def _kinds(cells: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Per cell: its kind (_TEXT, _NUMBER, _MISSING, _BOOL, _OTHER) and, for numbers, the value."""
    if not isinstance(cells, pd.Series):
        cells = pd.Series(cells)
    dtype = cells.dtype
    missing = cells.isna().to_numpy(dtype=bool)
    numeric = np.full(len(cells), np.nan)
    if isinstance(dtype, pd.CategoricalDtype):
        return _kinds(cells.astype(object))
    if pd.api.types.is_bool_dtype(dtype):
        kind = _BOOL
    elif pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_complex_dtype(dtype):
        kind = _NUMBER
        numeric = cells.to_numpy(dtype="float64", na_value=np.nan)
    elif isinstance(dtype, pd.StringDtype):
        kind = _TEXT
    elif dtype == object:
        inferred = pd.api.types.infer_dtype(cells, skipna=True)
        if inferred in ("string", "empty"):
            kind = _TEXT
        elif inferred in ("integer", "floating", "mixed-integer-float", "decimal"):
            kind = _NUMBER
            numeric[~missing] = np.asarray(cells.to_numpy()[~missing], dtype="float64")
        elif inferred == "boolean":
            kind = _BOOL
        else:
            return _kinds_per_cell(cells, missing)
    else:
        kind = _OTHER
    return np.where(missing, _MISSING, kind), numeric


def _kinds_per_cell(cells: pd.Series, missing: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Kinds of an object column mixing types: ``type`` of every cell (one C-level pass), then
    a decision per distinct type."""
    types = cells.map(type).to_numpy()
    table = {kind: _kind_of_type(kind) for kind in pd.unique(types)}
    kinds = pd.Series(types).map(table).to_numpy(dtype=np.int64)
    kinds = np.where(missing, _MISSING, kinds)
    numeric = np.full(len(cells), np.nan)
    number = kinds == _NUMBER
    numeric[number] = np.asarray(cells.to_numpy()[number], dtype="float64")
    return kinds, numeric


def _kind_of_type(kind: type) -> int:
    if issubclass(kind, str):
        return _TEXT
    if issubclass(kind, (bool, np.bool_)):
        return _BOOL
    if issubclass(kind, (_abc.Real, decimal.Decimal)):
        return _NUMBER
    return _OTHER


# --- targets written with a comparison, ratios written "1:32" ---

#: Direction of a target written with a comparison: an upper bound (lower is better: negatif)
#: or a lower bound (higher is better: positif); "" when the target has no comparison.
BATAS_MAKS, BATAS_MIN = "maks", "min"

_COMPARISON = (
    r"^\s*(?P<kata><=|>=|≤|≥|=<|=>|<|>|(?i:kurang\s+dari(?:\s+sama\s+dengan)?|maksimal|maksimum|paling\s+tinggi"
    r"|lebih\s+dari(?:\s+sama\s+dengan)?|minimal|minimum|paling\s+rendah|sekurang-kurangnya|setinggi-tingginya))"
    r"\s*(?P<sisa>.*\S)\s*$"
)
_UPPER_WORDS = ("<", "≤", "<=", "=<", "kurang", "maksimal", "maksimum", "paling tinggi", "setinggi-tingginya")


@dataclass(frozen=True)
class Comparisons:
    """Cells with their comparison word taken off (``"< 0,49"`` → ``"0,49"``), in the input's order.

    ``cells`` holds the rest of each cell (unchanged where there was no comparison), ready for
    :func:`parse_numbers`; ``arah`` is :data:`BATAS_MAKS`, :data:`BATAS_MIN` or ``""`` per cell and
    ``kata`` the comparison as written (for messages)."""

    cells: pd.Series
    arah: pd.Series
    kata: pd.Series


def _may_hold_words(cells: pd.Series) -> bool:
    """Whether any text cell could hold a ratio or a comparison (a ``:``, ``<``, ``>``, ``≤``, ``≥`` or
    a word): a quick vectorised look, so that columns of plain numbers skip the cell-by-cell reading."""
    if not (cells.dtype == object or pd.api.types.is_string_dtype(cells.dtype)):
        return False
    return bool(pd.Series(cells, dtype="str").str.contains(r"[:<>≤≥]|[^\W\d_]{2}", regex=True, na=False).any())


def split_comparisons(cells: pd.Series) -> Comparisons:
    """Take the comparison off targets written ``< 0,49``, ``≤ 0,49``, ``kurang dari 0,49``,
    ``maksimal 0,49`` (upper bound: a lower-is-better indicator) or ``> 80``, ``≥ 80``,
    ``lebih dari 80``, ``minimal 80`` (lower bound: higher-is-better). Only text cells are looked
    at; the number itself is read afterwards like any other cell."""
    if not _may_hold_words(cells):
        empty = pd.Series("", index=cells.index, dtype="str")
        return Comparisons(cells=cells, arah=empty, kata=empty)
    text = cells.astype(object).where(cells.map(lambda v: isinstance(v, str)), None)
    found = pd.Series(text, dtype="str").str.extract(_COMPARISON)
    has = found["kata"].notna().to_numpy()
    words = found["kata"].fillna("").str.lower().str.replace(r"\s+", " ", regex=True)
    upper = words.map(lambda w: any(w.startswith(u) for u in _UPPER_WORDS) and not w.startswith("lebih")).to_numpy()
    arah = np.where(has, np.where(upper, BATAS_MAKS, BATAS_MIN), "")
    rest = cells.astype(object).copy()
    rest[has] = found["sisa"][has].to_numpy(dtype=object)
    return Comparisons(
        cells=rest,
        arah=pd.Series(arah, index=cells.index, dtype="str"),
        kata=pd.Series(np.where(has, found["kata"].fillna(""), ""), index=cells.index, dtype="str"),
    )


_RATIO = r"^\s*(?P<a>[0-9]+(?:[.,][0-9]+)?)\s*:\s*(?P<b>[0-9][0-9., ]*)\s*$"


@dataclass(frozen=True)
class Ratios:
    """Cells written as a ratio ``1:32`` replaced by their second term (``"32"``); ``galat`` marks
    ratios whose first term is not 1 (``2:64``), which are refused rather than divided."""

    cells: pd.Series
    rasio: np.ndarray
    galat: np.ndarray


def split_ratios(cells: pd.Series) -> Ratios:
    """Ratios written ``1:32`` (one teacher to 32 pupils) read as their second term, 32: the
    number the indicator measures. Only text cells are looked at."""
    if not (cells.dtype == object or pd.api.types.is_string_dtype(cells.dtype)) or not bool(
            pd.Series(cells, dtype="str").str.contains(":", regex=False, na=False).any()):
        none = np.zeros(len(cells), dtype=bool)
        return Ratios(cells=cells, rasio=none, galat=none)
    text = cells.astype(object).where(cells.map(lambda v: isinstance(v, str)), None)
    found = pd.Series(text, dtype="str").str.extract(_RATIO)
    has = found["a"].notna().to_numpy()
    one = found["a"].fillna("").str.fullmatch(r"1(?:[.,]0*)?").fillna(False).to_numpy(dtype=bool)
    rest = cells.astype(object).copy()
    use = has & one
    rest[use] = found["b"][use].str.strip().to_numpy(dtype=object)
    return Ratios(cells=rest, rasio=use, galat=has & ~one)
