"""The build folder's files: a notebook's extracts, its executed notebook, its stamp, and the
clean-up of what earlier runs left.

Every file is written to a temporary file and moved into place (:mod:`kinerja.support.atomic`);
:func:`commit` writes one notebook's outputs in the order that keeps a half-finished job from
ever looking done (stamp removed first, written last). The local pool and the Dask client
(:mod:`kinerja.run.cluster`) both commit through it.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import re
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from kinerja import pages
from kinerja.run.jobs import FAILED_SUFFIX, OPD_PAGE, PLAN_FILE, STAMP_SUFFIX, TEMP_PREFIX, Job
from kinerja.pages.model import GAMBAR_KEY  # (kinerja.render.figures would import matplotlib)
from kinerja.support import atomic, escape, safety, xlsx

#: A figure's name as it may name a file (``peringkat``, ``target_vs_realisasi``).
FIGURE_NAME = re.compile(r"[a-z][a-z0-9_]{0,63}")


def stamp_path(output: Path) -> Path:
    return output.with_name(output.name.removesuffix(".ipynb") + STAMP_SUFFIX)


def failed_path(output: Path) -> Path:
    return output.with_name(output.name.removesuffix(".ipynb") + FAILED_SUFFIX)


def read_stamp(path: Path) -> dict | None:
    """The stamp at ``path`` (None when missing or not a stamp kinerja wrote)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and "kunci" in data else None


def listed_files(stamp: dict | None) -> list[str]:
    """The files a stamp says its run wrote (relative to the output's folder); [] for stamps of
    earlier versions, which did not list them."""
    listed = (stamp or {}).get("berkas")
    return [item for item in listed if isinstance(item, str)] if isinstance(listed, list) else []


def is_current(job: Job, root: str | Path = ".") -> bool:
    """Whether the output of ``job`` exists and was made from exactly the same inputs."""
    if job.kunci is None:
        return False
    output = Path(root) / job.output
    stamp = stamp_path(output)
    if not (output.is_file() and output.with_suffix(".xlsx").is_file() and stamp.is_file()):
        return False
    if job.halaman is not None and not output.with_name(output.name.removesuffix(".ipynb") + pages.PAGE_SUFFIX).is_file():
        return False  # a build of an earlier version, without the page beside the notebook
    return (read_stamp(stamp) or {}).get("kunci") == job.kunci


def figure_pngs(notebook: dict) -> dict[str, bytes]:
    """The PNG of every kinerja figure an executed notebook shows, by the figure's name (the
    output metadata ``{"kinerja": {"gambar": NAME}}`` that :class:`kinerja.render.figures.Chart`
    sets). Other images (an analyst's own plots) are not figures of the page and are left out;
    a name that could not name a file is ignored. When a figure is shown twice, the last counts."""
    found: dict[str, bytes] = {}
    for cell in notebook.get("cells", []):
        for item in cell.get("outputs", []) or []:
            if not isinstance(item, dict) or not isinstance(item.get("data"), dict):
                continue
            tag = (item.get("metadata") or {}).get(GAMBAR_KEY)
            name = tag.get("gambar") if isinstance(tag, dict) else None
            data = item["data"].get("image/png")
            if not isinstance(name, str) or not FIGURE_NAME.fullmatch(name) or data is None:
                continue
            text = "".join(data) if isinstance(data, list) else str(data)
            try:
                found[name] = base64.b64decode(text)  # line breaks in the base64 are discarded
            except (binascii.Error, ValueError):
                continue
    return found


def write_extracts(output: Path, tables: dict[str, pd.DataFrame], previous: Sequence[str] = (),
                   halaman: str | None = None, figures: dict[str, bytes] | None = None) -> list[str]:
    """THE writer of a page's extracts: its tables as ``<name>.xlsx`` (one sheet each) and
    ``<name>/<table>.csv``, its ``figures`` (name → PNG, :func:`figure_pngs`) as
    ``<name>/<figure>.png``, each file written to a temporary file and moved into place; returns
    the files written, relative to ``output``'s folder.

    ``previous`` lists the files the last run wrote for this output (its stamp): those CSV and PNG
    files the page no longer has are removed. Other files in ``<name>/`` are left alone.
    ``halaman``, the page's JSON, is written as ``<name>`` + :data:`kinerja.pages.PAGE_SUFFIX`
    (:meth:`kinerja.pages.Page.read` reads it with the CSV files; its captions name the PNGs).
    """
    stem = output.name.removesuffix(".ipynb")
    folder = output.parent / stem
    folder.mkdir(exist_ok=True)
    written = []
    for name, table in tables.items():
        with atomic.atomic_file(folder / f"{name}.csv", TEMP_PREFIX) as temporary:
            table.to_csv(temporary, index=False, encoding="utf-8")
        written.append(f"{stem}/{name}.csv")
    for name, png in (figures or {}).items():
        atomic.write_bytes(folder / f"{name}.png", png, TEMP_PREFIX)
        written.append(f"{stem}/{name}.png")
    for gone in set(previous) - set(written):
        if gone.startswith(f"{stem}/") and gone.endswith((".csv", ".png")) and "/" not in gone.removeprefix(f"{stem}/"):
            (output.parent / gone).unlink(missing_ok=True)
    with atomic.atomic_file(output.parent / f"{stem}.xlsx", TEMP_PREFIX) as temporary:
        xlsx.write_tables(temporary, tables)  # text stays text; the build's date only
    written.append(f"{stem}.xlsx")
    if halaman is not None:
        atomic.write_bytes(output.parent / f"{stem}{pages.PAGE_SUFFIX}", halaman.encode("utf-8"), TEMP_PREFIX)
        written.append(f"{stem}{pages.PAGE_SUFFIX}")
    return written


def notebook_bytes(notebook, job: Job) -> bytes:
    """The executed notebook as it is kept: front matter, relative paths, no timing noise (no
    start and end times, and the id of the injected parameter cell fixed instead of random, so
    that the same inputs give the same bytes)."""
    import nbformat

    meta = notebook.metadata.get("papermill", {})
    meta["input_path"] = job.notebook
    meta["output_path"] = job.output
    for key in ("start_time", "end_time", "duration"):
        meta.pop(key, None)
    for cell in notebook.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if "injected-parameters" in cell.metadata.get("tags", []) and "id" in cell:
            cell.id = "injected-parameters"
    if notebook.cells and notebook.cells[0].cell_type == "raw":
        notebook.cells[0].source = front_matter(job)
    return nbformat.writes(notebook).encode("utf-8")


def front_matter(job: Job) -> str:
    """YAML front matter for the first raw cell (read by Quarto listings): the title, which holds
    names from the data, escaped as Markdown text; ``params`` as they are."""
    data = {"title": job.judul, "lang": "id", "params": {"tahun": job.tahun}}
    if job.kode_opd:
        data["params"]["kode_opd"] = job.kode_opd
    return escape.front_matter(data)


def commit(output: Path, job: Job, notebook: bytes, record: dict) -> None:
    """Write the outputs of a notebook that ran: its stamp removed first (from here on it is no
    longer "done"), the extracts (:func:`write_extracts`, from the page tables of ``job`` and the
    figures the notebook drew), the
    executed ``notebook``, the stamp ``record`` last (with the list of files written), then a
    failed notebook of an earlier run removed."""
    stamp = stamp_path(output)
    previous = read_stamp(stamp)
    output.parent.mkdir(parents=True, exist_ok=True)
    stamp.unlink(missing_ok=True)
    figures = figure_pngs(json.loads(notebook)) if job.halaman is not None else {}
    written = write_extracts(output, job.tables or {}, listed_files(previous), job.halaman, figures)
    atomic.write_bytes(output, notebook, TEMP_PREFIX)
    record = {**record, "berkas": [output.name, *written]}
    atomic.write_bytes(stamp, json.dumps(record, indent=1).encode(), TEMP_PREFIX)
    failed_path(output).unlink(missing_ok=True)


def remove_output(output: Path, tables: Sequence[str] = ()) -> None:
    """Remove the outputs of one notebook that kinerja wrote, stamp first: the notebook, the
    workbook, and in the extract folder the CSV files its stamp lists or of the ``tables`` named
    (then the folder, if that leaves it empty). Any other file stays."""
    stem = output.name.removesuffix(".ipynb")
    stamp = stamp_path(output)
    listed = listed_files(read_stamp(stamp))
    stamp.unlink(missing_ok=True)
    output.unlink(missing_ok=True)
    output.with_name(f"{stem}.xlsx").unlink(missing_ok=True)
    output.with_name(f"{stem}{pages.PAGE_SUFFIX}").unlink(missing_ok=True)
    folder = output.with_name(stem)
    names = {f"{name}.csv" for name in tables} | {item.removeprefix(f"{stem}/") for item in listed
                                                   if item.startswith(f"{stem}/")}
    for name in names:
        if "/" not in name and name.endswith((".csv", ".png")):
            (folder / name).unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # not there, or holds files kinerja did not write
        folder.rmdir()


def planned_stems(folder: Path) -> set[str]:
    """The OPD outputs (file stems) the plan kept in a year's folder lists: kinerja made them."""
    try:
        records = json.loads((folder / PLAN_FILE).read_text(encoding="utf-8"))["jobs"]
        return {Path(r["output"]).name.removesuffix(".ipynb") for r in records if r.get("nama") == OPD_PAGE}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return set()


def _made_by_run(notebook: Path, stem: str) -> bool:
    """Whether ``notebook`` is a notebook ``kinerja run`` wrote for the OPD output ``stem`` (its
    papermill metadata names that output)."""
    try:
        meta = json.loads(notebook.read_text(encoding="utf-8"))["metadata"]["papermill"]
        return str(meta["output_path"]).endswith(f"{OPD_PAGE}/{stem}.ipynb")
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _output_stem(entry: Path) -> str | None:
    """The output an entry of an ``opd/`` folder belongs to (``007`` for ``007.xlsx``), or None."""
    if entry.is_dir():
        return entry.name
    for suffix in (FAILED_SUFFIX, STAMP_SUFFIX, pages.PAGE_SUFFIX, ".ipynb", ".xlsx"):
        if entry.name.endswith(suffix) and not entry.name.startswith("."):
            return entry.name.removesuffix(suffix)
    return None


def clean_year(folder: Path, planned: list[Job], previous: set[str] = frozenset()) -> None:
    """Remove what interrupted runs left (temporary files of processes no longer running) and the
    outputs of OPDs no longer in the plan (``planned``: the year's jobs), but only what kinerja
    wrote: an OPD's outputs when its stamp is there or the previous plan (``previous``) listed it,
    a failed notebook also when its metadata names its output. Unknown files stay."""
    for directory in (folder, folder / OPD_PAGE):
        safety.remove_stale(directory, TEMP_PREFIX)
    opd = folder / OPD_PAGE
    if not opd.is_dir():
        return
    keep = {Path(job.output).name.removesuffix(".ipynb") for job in planned if job.nama == OPD_PAGE}
    tables = sorted({name for job in planned if job.nama == OPD_PAGE and job.tables for name in job.tables})
    stems = {_output_stem(entry) for entry in opd.iterdir()} - keep - {None}
    for stem in sorted(stems):
        output = opd / f"{stem}.ipynb"
        ours = stem in previous or read_stamp(stamp_path(output)) is not None
        failed = opd / f"{stem}{FAILED_SUFFIX}"
        if failed.is_file() and (ours or _made_by_run(failed, stem)):
            failed.unlink()
        if ours:
            remove_output(output, tables)
