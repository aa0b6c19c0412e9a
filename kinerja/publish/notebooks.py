"""Pure transforms of executed notebooks into the pages of the site (no I/O here).

An executed notebook of ``_build/`` becomes a page by :func:`page_notebook`: the parameter cells
(``parameters`` and papermill's ``injected-parameters``) and their metadata go, the first raw cell
becomes the page's front matter (title and description escaped as Markdown text by
:mod:`kinerja.support.escape`, so an OPD named ``<script>alert(1)</script>`` or ``{{< env HOME >}}`` is
shown as those characters), ``text/markdown`` outputs lose their
``text/plain`` twin (so pandoc's ``best`` output choice keeps them) and any HTML in them, stream and
error outputs go, and optional raw HTML blocks (the headline card of the overview) are inserted.

Two more steps make the same notebook render alike under Quarto and pandoc: ``text/html`` outputs
(the tables) become raw HTML cells in their place, since Quarto loads require.js and jQuery from a
CDN for any notebook with an HTML output; and the alt text of every image output
(``metadata["image/png"]["alt"]``, which pandoc reads) is also given as the cell's ``fig-alt``
option, which Quarto reads. Quarto writes that option into Markdown attribute syntax
(``{fig-alt='…'}``) and expands shortcodes in it, so it is escaped for that place
(:func:`kinerja.support.escape.quarto_attribute`). A raw HTML ``<img>`` with the picture inline would
avoid the attribute, but Quarto 1.11 fails with "Maximum call stack size exceeded" on a raw cell
of a hundred thousand characters. Every source is written as a list of lines, as nbformat writes
it: Quarto reads a string source as one line (a front matter cell would show as text).
"""

from __future__ import annotations

import copy
import re
from typing import Any

import yaml

from kinerja.support import escape as _escape

PARAMETER_TAGS = {"parameters", "injected-parameters"}

#: Text from the data as Markdown: :func:`kinerja.support.escape.markdown_text`.
markdown_text = _escape.markdown_text


def front_matter(fields: dict[str, Any]) -> str:
    """A YAML front matter block (:func:`kinerja.support.escape.front_matter`): the texts for people
    (``title``, ``subtitle``, ``description``, ``pagetitle`` and the listing field ``opd``) are
    escaped as Markdown (Quarto and pandoc read metadata strings as Markdown, and Quarto expands
    shortcodes in them)."""
    return _escape.front_matter(fields)


def read_front_matter(notebook: dict) -> dict:
    """The front matter of a notebook's first raw cell ({} when there is none)."""
    cells = notebook.get("cells", [])
    if not cells or cells[0].get("cell_type") != "raw":
        return {}
    text = cell_source(cells[0])
    match = re.match(r"\s*---\n(.*?)\n---\s*$", text, re.DOTALL)
    if not match:
        return {}
    data = yaml.safe_load(match.group(1))
    return data if isinstance(data, dict) else {}


def source_lines(text: str) -> list[str]:
    """``text`` as a notebook source: its lines, each keeping its newline (``""`` → ``[]``)."""
    return text.splitlines(keepends=True)


def raw_html_cell(markup: str) -> dict:
    """A raw cell passed through as HTML by pandoc and Quarto."""
    return {"cell_type": "raw", "metadata": {"raw_mimetype": "text/html", "format": "text/html"},
            "source": source_lines(markup)}


def markdown_cell(text: str) -> dict:
    """A Markdown cell (``text`` is Markdown, its data parts already escaped)."""
    return {"cell_type": "markdown", "metadata": {}, "source": source_lines(text)}


def page_notebook(notebook: dict, front: dict[str, Any], headline: str | None = None) -> dict:
    """The published form of an executed notebook (a new dict; ``notebook`` is not changed).

    ``front`` replaces the front matter; ``headline`` is raw HTML (the headline card of the
    overview) that takes the place of the first cell that has an output (the notebook's headline
    paragraph), so the page states its headline once.
    """
    result = copy.deepcopy(notebook)
    result.get("metadata", {}).pop("papermill", None)
    cells = []
    first = None  # (start, end) of the cells made from the first code cell with outputs
    for cell in result.get("cells", []):
        tags = set(cell.get("metadata", {}).get("tags", []))
        if cell.get("cell_type") == "code" and tags & PARAMETER_TAGS:
            continue
        cell.get("metadata", {}).pop("papermill", None)
        cell.get("metadata", {}).pop("execution", None)
        if cell.get("cell_type") == "code":
            cell["outputs"] = [_clean_output(o) for o in cell.get("outputs", []) if o.get("output_type") in ("display_data", "execute_result")]
            start = len(cells)
            cells += [_with_alt(piece) for piece in _html_outputs_apart(cell)]
            if cell["outputs"] and first is None:
                first = (start, len(cells))
        else:
            cells.append(cell)
    if headline and first is not None:
        cells[first[0]:first[1]] = [raw_html_cell(headline)]
    if cells and cells[0].get("cell_type") == "raw" and cells[0].get("metadata", {}).get("raw_mimetype") is None:
        cells[0]["source"] = source_lines(front_matter(front))
    else:
        cells.insert(0, {"cell_type": "raw", "metadata": {}, "source": source_lines(front_matter(front))})
    result["cells"] = cells
    return result


def _html_outputs_apart(cell: dict) -> list[dict]:
    """The code cell as cells in the same order: each ``text/html`` output becomes a raw HTML cell
    (:func:`_output_html`), the other outputs stay in code cells (a cell split by such an
    output continues as a copy with the id ``<id>-2``, ``<id>-3``, …). A cell without them is
    returned as it is."""
    outputs = cell.get("outputs", [])
    if not any(_output_html(o) is not None for o in outputs):
        return [cell]
    pieces: list[dict] = []
    waiting: list[dict] = []
    parts = 0

    def flush() -> None:
        nonlocal parts
        if waiting:
            parts += 1
            piece = {**copy.deepcopy({k: v for k, v in cell.items() if k != "outputs"}), "outputs": list(waiting)}
            if parts > 1 and "id" in piece:
                piece["id"] = f"{cell['id']}-{parts}"
            pieces.append(piece)
            waiting.clear()

    for output in outputs:
        markup = _output_html(output)
        if markup is None:
            waiting.append(output)
            continue
        flush()
        pieces.append(raw_html_cell(markup))
    flush()
    return pieces


def _output_html(output: dict) -> str | None:
    """The HTML of a ``text/html`` output (the project's tables, built with every text escaped),
    published as a raw HTML cell; None for other outputs."""
    data = output.get("data", {})
    return source_text(data["text/html"]) if "text/html" in data else None


def _with_alt(cell: dict) -> dict:
    """A code cell with image outputs gets Quarto's ``fig-alt`` option (one entry per output, by
    position) from the images' own alt text, escaped for a Markdown attribute; other cells are
    returned as they are."""
    if cell.get("cell_type") != "code":
        return cell
    alts = [_escape.quarto_attribute(_image_alt(output)) for output in cell.get("outputs", [])]
    if any(alts):
        cell.setdefault("metadata", {})["fig-alt"] = alts if len(alts) > 1 else alts[0]
    return cell


def _image_alt(output: dict) -> str:
    """The alt text of an image output (its metadata, else its ``text/plain``); ``""`` otherwise."""
    data = output.get("data", {})
    for mime in ("image/png", "image/jpeg", "image/svg+xml"):
        if mime in data:
            return str(output.get("metadata", {}).get(mime, {}).get("alt") or source_text(data.get("text/plain", "")))
    return ""


def _clean_output(output: dict) -> dict:
    data = output.get("data", {})
    if "text/markdown" in data:
        data.pop("text/plain", None)
        # generated Markdown sentences hold no HTML; any "<" comes from the data (a name): text
        data["text/markdown"] = source_text(data["text/markdown"]).replace("<", "&lt;")
    return output


def markdown_outputs(notebook: dict) -> list[str]:
    """Every ``text/markdown`` output of the notebook, in order."""
    found = []
    for cell in notebook.get("cells", []):
        for output in cell.get("outputs", []) or []:
            if "text/markdown" in output.get("data", {}):
                found.append(source_text(output["data"]["text/markdown"]))
    return found


def plain_outputs(notebook: dict) -> list[str]:
    """The ``text/plain`` of every output that also has ``text/html`` (a table or a sentence), in order."""
    found = []
    for cell in notebook.get("cells", []):
        for output in cell.get("outputs", []) or []:
            data = output.get("data", {})
            if "text/html" in data and "text/plain" in data:
                found.append(source_text(data["text/plain"]))
    return found


def png_outputs(notebook: dict) -> list[tuple[str, str]]:
    """Every PNG output as (base64 data, alt text), in order."""
    found = []
    for cell in notebook.get("cells", []):
        for output in cell.get("outputs", []) or []:
            data = output.get("data", {})
            if "image/png" in data:
                alt = output.get("metadata", {}).get("image/png", {}).get("alt") or source_text(data.get("text/plain", ""))
                found.append((source_text(data["image/png"]).replace("\n", ""), alt))
    return found


def cell_source(cell: dict) -> str:
    """The source of a notebook cell as one text."""
    return source_text(cell.get("source", ""))


def source_text(value: str | list[str]) -> str:
    """A notebook text field (a string or a list of lines) as one text."""
    return "".join(value) if isinstance(value, list) else str(value)
