"""Planning: the jobs of the requested years, and the hashes that say whether a job's output is
still current.

A job's key (``kunci``) hashes, separately (``bagian``, kept in its stamp): the installed package
and plotting libraries (:func:`package_hash`), the notebook file, the injected parameters and the
params in force (:func:`params_hash`: a canonical JSON of the params' fields), and the page's
data (:func:`tables_hash`). A year's plan is kept beside its outputs under the hash of what it is
made from (:func:`inputs_key`), so a run with nothing to do neither reads nor scores the data.
"""

from __future__ import annotations

import ast
import dataclasses
import hashlib
import importlib.metadata
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd

from kinerja import pages
from kinerja.inputs.findings import InputError, format_findings
from kinerja.inputs.fingerprint import fingerprint
from kinerja.inputs.params import Params, ParamsError, load_params
from kinerja.run.jobs import NOTEBOOKS, OPD_PAGE, PEMDA_PAGES, PLAN_FILE, TEMP_PREFIX, TRIWULAN_PAGE, Job
from kinerja.support import atomic, pesan

#: Libraries whose version changes what a notebook shows.
LIBRARIES = ("pandas", "numpy", "matplotlib", "seaborn", "babel", "papermill", "nbclient", "ipykernel")
#: Fields of :class:`Params` left out of :func:`params_hash`: ``sumber`` names the params file
#: (always ``params/<tahun>.yml`` of the project, seen from the working folder) and the overrides,
#: which the injected parameters hash already.
UNHASHED_PARAMS = ("sumber",)


#: OPD pages handed on before the pemda pages: an OPD page is built in well under a tenth of a
#: second, a pemda page needs every OPD's reviu and method tables (about half a second), and the
#: kernels, warm by the time the year is scored, would wait for it.
FIRST_OPD_PAGES = 2


def plan(tahun: Sequence[int], ubah: Sequence[str] = (), build: str = "_build", root: str | Path = ".",
         triwulan: int | None = None, on_job: Callable[[Job], None] | None = None,
         on_year: Callable[[int], None] | None = None) -> tuple[list[Job], list[str]]:
    """The jobs of the requested years and the errors of years that cannot run at all; with
    ``triwulan`` also the quarterly monitoring pages of each year (:func:`triwulan_pieces`).
    ``on_job`` is called with each job as soon as it is planned (the run hands it to a worker
    while the rest is planned), in :func:`submission_order` (the heaviest OPD pages first, so that
    the workers end close together); the returned list keeps the order of the build folder (pemda
    pages, then OPD pages by code). ``on_year`` is called with each year once it is read and scored (or
    found unreadable), before its pages are built.

    Raises :class:`ParamsError` for a bad params file or override (nothing runs).
    """
    root = Path(root)
    check_project(root, triwulan=triwulan)
    common = {"paket": package_hash()}
    names = (*PEMDA_PAGES, OPD_PAGE, *([TRIWULAN_PAGE] if triwulan else []))
    notebooks = {name: sha((root / NOTEBOOKS / f"{name}.ipynb").read_bytes()) for name in names}
    jobs: list[Job] = []
    errors: dict[int, list[str]] = {year: [] for year in tahun}
    analyses = {}
    for year in tahun:  # every year read and scored first: a bad params file raises before any job is handed on
        try:
            analyses[year] = pages.analyse(year, proyek=root, ubah=ubah)
        except InputError as error:
            found = format_findings(error.errors or error.findings, limit=5, separator="; ")
            errors[year].append(pesan.RUN_TAHUN_GAGAL.format(tahun=year, pesan=f"{error} {found}"))
        if on_year is not None:
            on_year(year)
    for year, analysis in analyses.items():
        year_errors = errors[year]
        settings = params_hash(analysis.params)
        folder = f"{build}/{year}"
        pieces = [(name, None, f"{folder}/{name}.ipynb") for name in PEMDA_PAGES]
        pieces += [(OPD_PAGE, code, f"{folder}/{OPD_PAGE}/{safe_name(code)}.ipynb") for code in analysis.opd_codes()]
        if triwulan:
            found = triwulan_pieces(analysis, folder, triwulan)
            if found is None:
                year_errors.append(pesan.RUN_TAHUN_GAGAL.format(
                    tahun=year, pesan=pesan.TRIWULAN_TANPA_DATA_TAHUN.format(tahun=year)))
            pieces += found or []
        place = {output: index for index, (_, _, output) in enumerate(pieces)}  # the order of the returned list
        planned: list[Job] = []
        for name, code, output in submission_order(analysis, pieces):
            parameters = {"tahun": int(year), "proyek": ".", "ubah": list(ubah)}
            if code is not None:
                parameters["kode_opd"] = code
            if name == TRIWULAN_PAGE:
                parameters["triwulan"] = int(triwulan)
            try:
                page = page_of(analysis, name, code, triwulan)
            except InputError:
                page = None
            bagian = {**common, "notebook": notebooks[name], "parameter": sha(canonical({"parameter": parameters,
                                                                                      "params": settings}))}
            if page is not None:
                if name != TRIWULAN_PAGE:  # the kernel that shows it takes it instead of building it again
                    pages.share_page(analysis, name, code, page)
                bagian["data"] = tables_hash(page.tables)
                judul = page.judul
            else:
                judul = pesan.HALAMAN_JUDUL_OPD.format(opd=analysis.opd_name(code), tahun=year) if code else name
            kunci = sha(canonical(bagian)) if page is not None else None
            planned.append(Job(year, name, code, f"{NOTEBOOKS}/{name}.ipynb", output, parameters, judul, kunci,
                               bagian, page.tables if page is not None else None,
                               page.meta_json() if page is not None else None))
            if on_job is not None:
                on_job(planned[-1])
        jobs += sorted(planned, key=lambda job: place[job.output])
    return jobs, [error for year in tahun for error in errors[year]]


def submission_order(analysis: pages.Analysis, pieces: list[tuple]) -> list[tuple]:
    """A year's ``(name, kode_opd, output)`` pieces in the order their jobs go to the workers: the
    OPD pages by :func:`heaviest_first`, with the pemda pages after the first
    :data:`FIRST_OPD_PAGES` of them, then the quarterly pages."""
    by_code = {piece[1]: piece for piece in pieces if piece[0] == OPD_PAGE}
    opd = [by_code[code] for code in heaviest_first(analysis, list(by_code))]
    pemda = [piece for piece in pieces if piece[0] in PEMDA_PAGES]
    rest = [piece for piece in pieces if piece[0] not in (*PEMDA_PAGES, OPD_PAGE)]
    return [*opd[:FIRST_OPD_PAGES], *pemda, *opd[FIRST_OPD_PAGES:], *rest]


def heaviest_first(analysis: pages.Analysis, codes: Sequence[str]) -> list[str]:
    """``codes`` with the OPD that have the most indicators in :attr:`Analysis.tahun` first (an
    OPD page draws a panel per indicator: its time grows with them), then the most indicator
    rows up to that year, ties in the given order. Handed to the workers in this order, the
    longest pages start first and the last ones are short, so the workers end close together."""
    table = analysis.table
    codes_of = table["kode_opd"].astype(str)
    this_year = codes_of[table["tahun"] == analysis.tahun].value_counts()
    up_to = codes_of[table["tahun"] <= analysis.tahun].value_counts()
    return sorted(codes, key=lambda code: (-int(this_year.get(str(code), 0)), -int(up_to.get(str(code), 0))))


def check_project(root: Path, tahun: Sequence[int] = (), ubah: Sequence[str] = (), triwulan: int | None = None) -> None:
    """Raise :class:`ParamsError` when ``root`` is not a project (no ``params/`` or ``notebooks/``),
    a notebook lacks a parameter the runner injects, or (for ``tahun``) a params file or override is
    wrong: what stops a run before anything runs, found without reading the data."""
    missing = [name for name in ("params", NOTEBOOKS) if not (root / name).is_dir()]
    if missing:
        raise ParamsError(pesan.RUN_PROYEK.format(folder=root.resolve().name or str(root), hilang=", ".join(missing)))
    for name in (*PEMDA_PAGES, OPD_PAGE, *([TRIWULAN_PAGE] if triwulan else [])):
        check_parameters(root / NOTEBOOKS / f"{name}.ipynb",
                         ["tahun", "proyek", "ubah", *(["kode_opd"] if name in (OPD_PAGE, TRIWULAN_PAGE) else []),
                          *(["triwulan"] if name == TRIWULAN_PAGE else [])])
    for year in tahun:
        load_params(root / "params" / f"{year}.yml", ubah)


def page_of(analysis: pages.Analysis, name: str, code: str | None, triwulan: int | None = None) -> pages.Page:
    """The page model a job's notebook shows: ``ringkasan``, ``tren``, the OPD ``code``'s page, or
    the quarterly monitoring page (``triwulan``) of the pemda or of an OPD."""
    if name == "ringkasan":
        return pages.ringkasan(analysis)
    if name == "tren":
        return pages.tren(analysis)
    if name == TRIWULAN_PAGE:
        return pages.triwulan(analysis, triwulan, code)
    return pages.opd(analysis, code)


def triwulan_folder(triwulan: int) -> str:
    """The folder of a year's quarterly pages, in the build and on the site: ``triwulan-2``."""
    return f"{TRIWULAN_PAGE}-{int(triwulan)}"


def triwulan_pieces(analysis: pages.Analysis, folder: str, triwulan: int) -> list[tuple] | None:
    """The quarterly pages of a year (``kinerja run --triwulan N``): ``(name, kode_opd, output)``
    of the pemda page ``<tahun>/triwulan-N/index.ipynb`` and of one page per OPD,
    ``<tahun>/triwulan-N/opd/<kode_opd>.ipynb``; None when the year has no quarterly rows."""
    if not pages.has_quarters(analysis):
        return None
    base = f"{folder}/{triwulan_folder(triwulan)}"
    return [(TRIWULAN_PAGE, None, f"{base}/index.ipynb"),
            *((TRIWULAN_PAGE, code, f"{base}/{OPD_PAGE}/{safe_name(code)}.ipynb") for code in analysis.opd_codes())]


def inputs_key(tahun: int, ubah: Sequence[str], root: str | Path = ".") -> str | None:
    """Hash of everything a year's plan is made from, read without parsing the data: the params
    file, the overrides, the content of every data file, the notebooks and the package. None when
    the params cannot be read (the full plan reports why)."""
    root = Path(root)
    path = root / "params" / f"{tahun}.yml"
    try:
        params = load_params(path, ubah)
    except ParamsError:
        return None
    base = root.resolve()  # the same project hashes the same in any folder
    files = [[os.path.relpath(name, base), digest] for data in params.data for name, digest in fingerprint(root / data)]
    notebooks = [sha((root / NOTEBOOKS / f"{name}.ipynb").read_bytes()) for name in (*PEMDA_PAGES, OPD_PAGE)]
    return sha(canonical({"tahun": tahun, "ubah": list(ubah), "params": sha(path.read_bytes()), "paket": package_hash(),
                          "data": files, "notebook": notebooks}))


def remember_plan(tahun: int, ubah: Sequence[str], build: str, root: str | Path, jobs: list[Job]) -> None:
    """Keep a year's plan (without the tables) under the hash of its inputs, for :func:`remembered_plan`."""
    key = inputs_key(tahun, ubah, root)
    if key is None or any(job.kunci is None for job in jobs):
        return
    records = [{name: getattr(job, name) for name in ("tahun", "nama", "kode_opd", "notebook", "output", "parameters",
                                                        "judul", "kunci", "bagian")} for job in jobs]
    plan_file = Path(root) / build / str(tahun) / PLAN_FILE
    atomic.write_bytes(plan_file, json.dumps({"kunci": key, "jobs": records}).encode(), TEMP_PREFIX)


def remembered_plan(tahun: int, ubah: Sequence[str], build: str, root: str | Path = ".") -> list[Job] | None:
    """The plan kept by the last run when nothing it was made from has changed (so a run with
    nothing to do does not read and score the data again), else None."""
    path = Path(root) / build / str(tahun) / PLAN_FILE
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        if kept.get("kunci") != inputs_key(tahun, ubah, root):
            return None
        return [Job(**record) for record in kept["jobs"]]
    except (OSError, ValueError, AttributeError, KeyError, TypeError):  # missing, or not a plan kinerja wrote
        return None


# --- hashing ---------------------------------------------------------------------------------------


def canonical(data) -> bytes:
    """``data`` (JSON values) as canonical JSON bytes: sorted keys, no spaces, UTF-8."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()


def params_data(params: Params) -> dict:
    """The params' fields as JSON values (nested dataclasses as mappings, tuples as lists), without
    :data:`UNHASHED_PARAMS`."""
    data = dataclasses.asdict(params)
    for name in UNHASHED_PARAMS:
        data.pop(name, None)
    return json.loads(json.dumps(data, allow_nan=False))  # tuples → lists; a value JSON cannot hold raises


def params_hash(params: Params) -> str:
    """Hash of the params in force, from their data: :func:`canonical` of :func:`params_data`."""
    return sha(canonical(params_data(params)))


def package_hash() -> str:
    """Hash of the ``kinerja`` package's files and the versions of the libraries that draw."""
    package = Path(__file__).resolve().parents[1]  # all of kinerja, not only run/
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    for name in LIBRARIES:
        try:
            digest.update(f"{name}={importlib.metadata.version(name)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(name.encode())
    return digest.hexdigest()


def tables_hash(tables: dict[str, pd.DataFrame]) -> str:
    """Hash of a page's tables: names, columns, dtypes and every value (as CSV, unrounded)."""
    digest = hashlib.sha256()
    for name, table in tables.items():
        digest.update(name.encode())
        digest.update(repr(list(zip(table.columns, map(str, table.dtypes)))).encode())
        digest.update(table.to_csv(index=False).encode())
    return digest.hexdigest()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_parameters(notebook: Path, names: Sequence[str]) -> None:
    """Raise :class:`ParamsError` unless the notebook's ``parameters`` cell assigns every name
    (papermill only warns about unknown parameters)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    assigned: set[str] = set()
    for cell in cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            for node in ast.walk(ast.parse(source)):
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                    assigned.add(node.id)
    missing = [name for name in names if name not in assigned]
    if missing:
        raise ParamsError(pesan.RUN_NOTEBOOK_PARAMETER.format(berkas=notebook, nama=", ".join(missing)))


def safe_name(kode: str) -> str:
    """A file name for an OPD code, one-to-one: :func:`kinerja.support.names.file_name`."""
    from kinerja.support.names import file_name

    return file_name(kode)
