"""Text from the data, made safe for each output it reaches: the one way data text gets onto a page.

Agency names, sasaran, indikator, satuan, keterangan, codes, the pemda's name and the names of a
custom predikat scale are typed by analysts and published. Wherever such text meets a format that
gives characters a meaning, it goes through exactly one function of this module, so that it is
shown as the characters typed and never as markup, a link, a formula or a macro:

============================  ==================================================================
output                        function
============================  ==================================================================
HTML (tables, sentences,      :func:`html_text` (every ``& < > " '`` as a character reference,
headline card, listings)      whitespace collapsed; this also breaks Quarto's ``{{<``)
Markdown: body, headings,     :func:`markdown_text` (every ASCII punctuation backslash-escaped,
titles, front matter, Quarto  whitespace collapsed, Quarto's ``{{<`` and ``>}}`` broken by an
metadata, footer              empty span); :func:`front_matter` for a YAML front matter block;
                              :func:`markdown_plain` reads such text back
matplotlib                    :func:`chart_text` (the figures also turn mathtext off)
XLSX cells                    :func:`xlsx_text` and :func:`xlsx_protect` (through
                              :mod:`kinerja.support.xlsx`, the project's one XLSX writer)
public CSV cells              :func:`csv_field` (OWASP advice against formula injection)
Typst (PDF report, PK)        :func:`text`: the report reads its data from ``laporan.json`` (the
                              Perjanjian Kinerja from ``pk.json``) and shows the strings as text
                              (the template never evaluates them). Where data text must be written
                              into Typst source itself: :func:`typst_markup` (markup) or
                              :func:`typst_string` (a string literal)
============================  ==================================================================

Sentences that mix fixed words with data are built as HTML (:class:`Html`, :func:`sentence`), so
that only the fixed words carry markup. Both publishing engines read HTML outputs of notebooks as
they are, whereas Markdown outputs would be read as Markdown (pandoc: links, strike-through,
citations, smart quotes) and, under Quarto, searched for shortcodes.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
import yaml

#: Every ASCII punctuation character: pandoc's Markdown (and CommonMark) take each of them
#: literally after a backslash.
_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")
#: An empty span: splits the words around it without showing anything. Placed inside Quarto's
#: shortcode delimiters, so that no part of the text starts or ends with them (Quarto looks for
#: ``{{<`` at the end and ``>}}`` at the start of each word of metadata, and for ``{{<`` anywhere
#: in Markdown source).
_BREAK = "[]{}"
_MARKDOWN_TOKEN = re.compile(r"\\([!-/:-@\[-`{-~])|\[\]\{\}")
#: Characters XML 1.0 (and so XLSX) cannot hold: C0 controls except tab, line feed, carriage return.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: What a spreadsheet program reads as the start of a formula (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: A plain decimal number as ``pandas.DataFrame.to_csv`` writes one: a spreadsheet reads it as a
#: number, never as a formula, so it is written as it is (negative numbers stay numbers).
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
#: Front matter keys whose values are shown as text (Quarto and pandoc read them as Markdown).
FRONT_MATTER_TEXT = ("title", "subtitle", "description", "pagetitle", "opd")
#: Zero-width space: keeps a chart label starting with ``_`` in the legend (matplotlib leaves out
#: labels that start with an underscore).
_ZERO_WIDTH_SPACE = "\u200b"


def text(value: object) -> str:
    """``value`` as text: ``""`` for a missing value (None, NaN, ``pd.NA``), else ``str(value)``.

    This is all the Typst report needs: its data are JSON strings that the template shows as text.
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return str(value)


def html_text(value: object) -> str:
    """Text as HTML character data or a quoted attribute value: ``& < > " '`` escaped, and
    whitespace collapsed to single spaces (as a browser shows it anyway).

    Collapsing matters because both engines put HTML outputs into a Markdown document: a line
    break would let a data line such as ``---`` start a YAML metadata block (Quarto reads it as
    the page's front matter), and a blank line would end the HTML block.

    >>> html_text('<script>alert("x")</script> & {{< env HOME >}}')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; {{&lt; env HOME &gt;}}'
    """
    return html.escape(" ".join(text(value).split()), quote=True)


def markdown_text(value: object) -> str:
    """Text as Markdown that pandoc and Quarto show as exactly these characters.

    Whitespace (line breaks included) is collapsed to single spaces, every ASCII punctuation
    character is backslash-escaped (no emphasis, links, citations, smart quotes, dashes, math,
    tables, headings or lists can start), and Quarto's shortcode delimiters ``{{<`` and ``>}}`` are
    split by an empty span (shown as nothing) so that no shortcode is recognised in the body, in
    titles and other metadata, in listings or in the footer. Works in a YAML string (front matter).

    >>> markdown_text("Dinas [A](javascript:x) {{< env HOME >}}")
    'Dinas \\\\[A\\\\]\\\\(javascript\\\\:x\\\\) \\\\{\\\\{[]{}\\\\< env HOME \\\\>[]{}\\\\}\\\\}'
    """
    escaped = _PUNCTUATION.sub(lambda m: "\\" + m.group(0), " ".join(text(value).split()))
    escaped = escaped.replace(r"\{\{\<", r"\{\{" + _BREAK + r"\<")
    return escaped.replace(r"\>\}\}", r"\>" + _BREAK + r"\}\}")


def markdown_plain(markdown: object) -> str:
    """The text :func:`markdown_text` escaped, read back (backslash escapes and the empty spans
    undone). Markdown written by hand without escapes (``_quarto.yml``, ``situs/``) is returned
    as it is."""
    return _MARKDOWN_TOKEN.sub(lambda m: m.group(1) or "", text(markdown))


def front_matter(fields: Mapping[str, Any]) -> str:
    """A YAML front matter block (``---`` lines included) for a page or notebook.

    The values of :data:`FRONT_MATTER_TEXT` keys are plain text and are escaped with
    :func:`markdown_text` (Quarto and pandoc read metadata strings as Markdown, and Quarto expands
    shortcodes in them); other values (``lang``, ``params``, ``listing``) are written as they are.
    YAML quoting keeps ``---`` lines, ``:`` and ``#`` of a value inside its string.
    """
    safe = {key: markdown_text(value) if key in FRONT_MATTER_TEXT and isinstance(value, str) else value
            for key, value in fields.items()}
    return "---\n" + yaml.safe_dump(safe, allow_unicode=True, sort_keys=False, width=1000) + "---"


def quarto_attribute(value: object) -> str:
    r"""Text for a value Quarto writes into a Markdown attribute (``{fig-alt='…'}``): whitespace
    collapsed (a line break ends the attribute block), backslashes doubled (Quarto escapes only
    the quote; a backslash before it would end the value early) and Quarto's shortcode delimiters
    ``{{<`` and ``>}}`` split by a zero-width space (Quarto expands shortcodes in attributes; the
    space is not shown and screen readers skip it). Checked with Quarto 1.11: the alt attribute
    then holds the text as typed.

    >>> quarto_attribute('a\\b {{< env HOME >}}')
    'a\\\\b {{\u200b< env HOME >\u200b}}'
    """
    shown = " ".join(text(value).split()).replace("\\", "\\\\")
    return shown.replace("{{<", "{{\u200b<").replace(">}}", ">\u200b}}")


#: What Typst markup gives a meaning to: every ASCII punctuation character (``#`` code, ``$`` math,
#: ``*``/``_`` strong and emphasis, ``<label>``, ``@ref``, ``[ ]``, `` ` `` raw, ``~`` nbsp, ``/``
#: comments, ``-``/``+``/``=`` at a line start, ``'``/``"`` smart quotes, ``\\`` escapes…); each is
#: taken literally after a backslash.
_TYPST_ACTIVE = re.compile(r"[!-/:-@\[-`{-~]")


def typst_markup(value: object) -> str:
    """Text to place in Typst *markup* (``[...]`` content): every ASCII punctuation character
    backslash-escaped, whitespace collapsed to single spaces (a line break would end a list item or
    a heading). Letters and digits are never escaped, so no ``\\u{…}`` escape can form."""
    shown = " ".join(text(value).split())
    return _TYPST_ACTIVE.sub(lambda m: "\\" + m.group(0), shown)


def typst_string(value: object) -> str:
    """Text as a Typst string literal, quotes included: ``"`` and ``\\`` escaped, line breaks as
    ``\\n``. Show it in markup with ``#`` + the literal (a string is shown as text, never parsed)."""
    shown = text(value).replace("\\", "\\\\").replace('"', '\\"')
    shown = shown.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n").replace("\t", "\\t")
    return f'"{shown}"'


def chart_text(value: object) -> str:
    """Text for a matplotlib label, tick, legend entry or title.

    Whitespace is collapsed (a name typed over several lines stays one label) and a leading ``_``
    gets a zero-width space before it (matplotlib drops legend entries whose label starts with
    ``_``). ``$``, ``^``, ``_`` and ``\\`` need no escape: the house style of :mod:`kinerja.render.figures`
    turns mathtext off (``text.parse_math``).
    """
    shown = " ".join(text(value).split())
    return _ZERO_WIDTH_SPACE + shown if shown.startswith("_") else shown


def xlsx_text(value: str) -> str:
    """A string an XLSX cell can hold: control characters XML cannot carry (all C0 controls but
    tab, line feed and carriage return) become U+FFFD, and a carriage return (alone or before a
    line feed) becomes a line feed, as an XML reader would read it anyway. Other text is unchanged."""
    return _XML_ILLEGAL.sub("\ufffd", value.replace("\r\n", "\n").replace("\r", "\n"))


def xlsx_protect(cell) -> None:
    """Keep an openpyxl cell holding a string a string: openpyxl stores any string that starts
    with ``=`` as a formula, and a spreadsheet program would evaluate it. The project writes no
    formulas into cells, so every string cell is text. Other cells are left alone."""
    if isinstance(cell.value, str) and cell.data_type != "s":
        cell.data_type = "s"


def csv_field(value: str) -> str:
    """A cell of a public CSV download, quoted for a comma-separated file.

    Empty cells and plain decimal numbers (``-8.33``, ``1e-05``) are written as they are. Any
    other text is put in double quotes (so a spreadsheet program set to ``;`` as its list separator
    does not split it either) and, when it starts with ``=``, ``+``, ``-``, ``@``, a tab or a
    carriage return, gets a ``'`` in front, so that no spreadsheet program reads it as a formula
    (OWASP, "CSV Injection").

    >>> csv_field('=HYPERLINK("http://x","y")'), csv_field("-8.33"), csv_field("Dinas")
    ('"\\'=HYPERLINK(""http://x"",""y"")"', '-8.33', '"Dinas"')
    """
    if value == "" or _NUMBER.fullmatch(value):
        return value
    if value.startswith(FORMULA_START):
        value = "'" + value
    return '"' + value.replace('"', '""') + '"'


# --- sentences that mix fixed words with data ------------------------------------------------------


@dataclass(frozen=True)
class Html:
    """A piece of HTML built from fixed markup and escaped data text, with its plain-text twin.

    A notebook shows it as a ``text/html`` output (``text/plain``: :attr:`text`), which both
    publishing engines pass through as HTML.
    """

    html: str
    text: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text


def sentence(lead: str, rest: str = "") -> Html:
    """A paragraph: ``lead`` in bold, then ``rest``; both are plain text (escaped here).

    >>> sentence("Capaian <b>A</b>:", "naik.").html
    '<p><strong>Capaian &lt;b&gt;A&lt;/b&gt;:</strong> naik.</p>'
    """
    tail = f" {html_text(rest)}" if rest else ""
    return Html(f"<p><strong>{html_text(lead)}</strong>{tail}</p>", f"{lead} {rest}".strip())

