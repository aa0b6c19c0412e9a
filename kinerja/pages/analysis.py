"""The data and results of one fiscal year, as every page of that year uses them: :func:`analyse`
reads the params and data of a year (through :func:`kinerja.inputs.load.check`) and scores them.

Nothing here draws or rounds: capaian stay unrounded percent, as the core computed them.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from kinerja.core.engine import ScoreResult, score_table
from kinerja.core.renstra import renstra_path
from kinerja.inputs.findings import Finding, InputError, format_findings
from kinerja.inputs.fingerprint import fingerprint  # noqa: F401 - also kinerja.pages.fingerprint
from kinerja.inputs.load import LoadedData, check
from kinerja.inputs.params import Params, ParamsError, load_params
from kinerja.inputs.readers import SOURCE_COLUMNS as SOURCE
from kinerja.support import atomic, pesan

#: How many findings a :class:`PageDataError` lists before counting the rest.
SHOWN_FINDINGS = 10


class PageDataError(InputError):
    """The data a page needs has errors; the message lists them (it is what a failed notebook and
    the summary of ``kinerja run`` show)."""

    def __str__(self) -> str:
        return f"{self.args[0]}\n{format_findings(self.errors, SHOWN_FINDINGS)}"


@dataclass(frozen=True)
class Analysis:
    """The data and results of one fiscal year, as every page of that year uses them.

    Attributes:
        tahun: the fiscal year of the report; rows of later years are not allowed in its data.
        params: the settings in force (file plus overrides).
        loaded: every row read, with every finding.
        table: the indicator rows in scope (the OPDs of ``params.opd``), with their source columns.
        result: scores of every OPD whose rows have no galat (other OPDs are left out here;
            their pages, and the pemda-wide pages, raise :class:`InputError` instead).
        anggaran: budget rows (``tahun, kode_opd, pagu, realisasi_anggaran``; empty when absent).
        errors_opd: galat findings on the rows of one OPD, by ``kode_opd``.
        errors_all: galat findings that concern every page (file-level, or not tied to a row).
    """

    tahun: int
    params: Params
    loaded: LoadedData
    table: pd.DataFrame
    result: ScoreResult
    anggaran: pd.DataFrame
    errors_opd: dict[str, list[Finding]]
    errors_all: list[Finding]

    @cached_property
    def renstra_path(self) -> pd.DataFrame:
        """The Renstra's path of yearly targets of every OPD (:func:`kinerja.core.renstra.renstra_path`
        of ``loaded.renstra``), made once and shared by the year's OPD pages (read only)."""
        return renstra_path(self.loaded.renstra)

    @property
    def pemda_nama(self) -> str:
        return self.params.pemda_nama

    def opd_codes(self) -> list[str]:
        """``kode_opd`` of every OPD with rows in :attr:`tahun` (also those with data errors)."""
        table = self.table
        codes = table.loc[table["tahun"] == self.tahun, "kode_opd"].dropna().unique()
        return sorted(str(code) for code in codes)

    def opd_name(self, kode_opd: str) -> str:
        table = self.table
        names = table.loc[(table["kode_opd"] == kode_opd) & (table["tahun"] == self.tahun), "nama_opd"].dropna()
        return str(names.iloc[0]) if len(names) else kode_opd

    def berjalan(self, kode_opd: str | None = None) -> bool:
        """True for a year in progress: indicators in :attr:`tahun` (of the OPD ``kode_opd``, or,
        by default, of the whole pemda: what the pages use) and not one realisasi reported yet."""
        rows = self.table[self.table["tahun"] == self.tahun]
        if kode_opd is not None:
            rows = rows[rows["kode_opd"].astype(str) == str(kode_opd)]
        return bool(len(rows)) and bool(pd.to_numeric(rows["realisasi"], errors="coerce").isna().all())

    def errors(self, kode_opd: str | None = None) -> list[Finding]:
        """The galat findings a page depends on: all of them for a pemda-wide page
        (``kode_opd=None``), else those of that OPD and those concerning every page."""
        if kode_opd is None:
            return [*self.errors_all, *(f for found in self.errors_opd.values() for f in found)]
        return [*self.errors_all, *self.errors_opd.get(kode_opd, [])]

    def require(self, kode_opd: str | None = None) -> None:
        """Raise :class:`InputError` (every finding of the page) when the page's data has a galat."""
        errors = self.errors(kode_opd)
        if errors:
            raise PageDataError(errors)


def analyse(
    tahun: int, proyek: str | Path = ".", params_berkas: str | Path | None = None, ubah: Sequence[str] = ()
) -> Analysis:
    """Read the params and data of fiscal year ``tahun`` and score them.

    ``proyek`` is the project folder (with ``params/`` and the data), relative to the working
    directory; ``params_berkas`` the params file relative to it (default ``params/<tahun>.yml``);
    ``ubah`` the ``key=value`` overrides of ``kinerja run -p``. Data paths in the params file are
    relative to the project folder. Raises :class:`ParamsError` for bad params and
    :class:`InputError` when nothing can be scored (an unreadable file); galat findings on the rows
    of single OPDs are kept in the result for :meth:`Analysis.require`.
    """
    root, params, paths, key = _prepared(tahun, proyek, params_berkas, ubah)
    if key in _MEMO:
        return _MEMO[key]
    desimal = getattr(params, "desimal", None) or "otomatis"
    loaded = check(paths, params.rules, desimal, tahun)
    table = loaded.table
    if params.opd is not None:
        unknown = sorted(set(params.opd) - set(table["kode_opd"].dropna().astype(str)))
        if unknown:
            raise ParamsError(pesan.HALAMAN_OPD_TIDAK_ADA.format(berkas=params.sumber, kode=", ".join(unknown)))
        table = table[table["kode_opd"].isin(params.opd)]
    errors_opd, errors_all = _errors_by_opd(table, loaded.findings)
    clean = table[~table["kode_opd"].isin(list(errors_opd))]
    if errors_all or clean.empty:
        raise PageDataError(loaded.findings)
    tidy = clean.drop(columns=[c for c in SOURCE if c in clean]).reset_index(drop=True)
    result = score_table(tidy, params.rules, opd=loaded.opd)
    anggaran = loaded.anggaran
    if params.opd is not None:
        anggaran = anggaran[anggaran["kode_opd"].isin(params.opd)]
    table = project_relative(table, root)  # after the findings were matched to their rows
    analysis = Analysis(tahun, params, loaded, table, result, anggaran.reset_index(drop=True), errors_opd, errors_all)
    _remember(key, analysis)
    return analysis


def _prepared(tahun: int, proyek: str | Path, params_berkas: str | Path | None, ubah: Sequence[str]):
    """The project folder, params, data paths and memo key of :func:`analyse` (reads the params
    and hashes the data files, nothing more); raises :class:`ParamsError` as :func:`analyse` does."""
    root = Path(proyek)
    params = load_params(root / (params_berkas or f"params/{tahun}.yml"), ubah)
    if params.tahun is not None and params.tahun != tahun:
        raise ParamsError(pesan.HALAMAN_TAHUN_PARAMS.format(berkas=params.sumber, tahun=params.tahun, diminta=tahun))
    if not params.data:
        raise ParamsError(pesan.HALAMAN_TANPA_DATA.format(berkas=params.sumber))
    paths = [root / path for path in params.data]
    return root, params, paths, (tahun, repr(params), tuple(fingerprint(path) for path in paths))


def _remember(key: tuple, analysis: Analysis) -> None:
    while len(_MEMO) >= 4:
        _MEMO.pop(next(iter(_MEMO)))
    _MEMO[key] = analysis


#: A year's analysis handed from ``kinerja run`` to its kernels (:func:`share`, :func:`adopt`):
#: ``<folder>/<tahun>`` + this suffix; ``NOT_SHARED`` marks a year the run could not analyse.
SHARED_SUFFIX = ".analisis.pickle"
NOT_SHARED = ".analisis.tidak-ada"


def share(folder: str | Path, tahun: int, proyek: str | Path = ".", params_berkas: str | Path | None = None,
          ubah: Sequence[str] = ()) -> bool:
    """Hand the analysis of ``tahun`` that this process made (:func:`analyse` with the same
    arguments) to the kernels of the same run, which would otherwise read and score the same data
    again: pickled with its memo key into ``folder`` (a private temporary folder of the run),
    written atomically. When there is none (not made here, or the year cannot be read) a marker
    says so, and the kernels analyse for themselves at once. Returns whether it was handed on."""
    folder = Path(folder)
    try:
        key = _prepared(tahun, proyek, params_berkas, ubah)[3]
    except (ParamsError, InputError, OSError):
        key = None
    analysis = _MEMO.get(key) if key is not None else None
    if analysis is None:
        release(folder, [tahun])
        return False
    atomic.write_bytes(folder / f"{int(tahun)}{SHARED_SUFFIX}", pickle.dumps((key, analysis), pickle.HIGHEST_PROTOCOL))
    _HANDED[id(analysis)] = (folder, key, analysis)
    return True


def release(folder: str | Path, tahun: Sequence[int]) -> None:
    """Mark every year of ``tahun`` not handed on in ``folder`` as not coming (so no kernel waits for it)."""
    folder = Path(folder)
    for year in tahun:
        if not (folder / f"{int(year)}{SHARED_SUFFIX}").exists():
            atomic.write_bytes(folder / f"{int(year)}{NOT_SHARED}", b"")


def adopt(folder: str | Path, tahun: int, proyek: str | Path = ".", params_berkas: str | Path | None = None,
          ubah: Sequence[str] = (), wait: float = 120.0) -> bool:
    """In a kernel of ``kinerja run``: take the analysis of ``tahun`` that the run handed on in
    ``folder`` (:func:`share`; waiting up to ``wait`` seconds for it or for the marker saying it
    is not coming), when it was made from exactly the params and data :func:`analyse` would read
    here (the same memo key: year, params, content of every data file); :func:`analyse` then
    returns it without reading and scoring the data again. Returns whether it was taken."""
    folder = Path(folder)
    shared, missing = folder / f"{int(tahun)}{SHARED_SUFFIX}", folder / f"{int(tahun)}{NOT_SHARED}"
    deadline = time.monotonic() + wait
    while not shared.exists():
        if missing.exists() or time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    key = _prepared(tahun, proyek, params_berkas, ubah)[3]
    stored, analysis = pickle.loads(shared.read_bytes())  # written by this run's own process, in its private folder
    if stored != key or not isinstance(analysis, Analysis):
        return False
    _remember(key, analysis)
    _HANDED[id(analysis)] = (folder, key, analysis)
    return True


#: A page the run built (to hash its data and write its extracts) handed to the kernel that shows
#: it, which would otherwise build the same page again from the same analysis:
#: ``<folder>/<hash of the analysis' memo key, the page's name and OPD>`` + this suffix.
PAGE_SHARED_SUFFIX = ".halaman.pickle"


def _page_file(folder: Path, key: tuple, nama: str, kode_opd: str | None) -> Path:
    return folder / (hashlib.sha256(repr((key, nama, kode_opd)).encode()).hexdigest() + PAGE_SHARED_SUFFIX)


def share_page(analysis: Analysis, nama: str, kode_opd: str | None, page) -> bool:
    """Hand ``page`` (built by ``kinerja.pages.<nama>(analysis[, kode_opd])`` with the builder's
    defaults) on to the kernels, in the folder ``analysis`` was handed on in (:func:`share`); a page
    of an analysis not handed on (or whose run has ended) is not. Returns whether it was."""
    handed = _HANDED.get(id(analysis))
    if handed is None or handed[2] is not analysis or not handed[0].is_dir():
        return False
    folder, key, _ = handed
    try:
        atomic.write_bytes(_page_file(folder, key, nama, kode_opd), pickle.dumps(page, pickle.HIGHEST_PROTOCOL))
    except OSError:  # the run's folder is gone: the kernels build the page themselves
        return False
    return True


def shared_page(analysis: Analysis, nama: str, kode_opd: str | None = None):
    """In a kernel of ``kinerja run``: the page ``nama`` (of ``kode_opd``) of ``analysis`` that the
    run built and handed on (:func:`share_page`), when ``analysis`` is the one the run handed on
    (:func:`adopt`), so the same page from the same data; else None (the caller builds it)."""
    handed = _HANDED.get(id(analysis))
    if handed is None or handed[2] is not analysis:
        return None
    folder, key, _ = handed
    try:
        data = _page_file(folder, key, nama, kode_opd).read_bytes()
    except OSError:
        return None
    return pickle.loads(data)  # written by this run's own process, in its private folder


def project_relative(table: pd.DataFrame, root: Path) -> pd.DataFrame:
    """``table`` with its source file names (``_berkas``) as the params file says them
    (``data/kinerja-2024.xlsx``), wherever the project folder is: pages (reviu, jejak) never show
    the analyst's own folders, and the same project gives the same pages from any working folder."""
    prefix = f"{root}{os.sep}"
    if "_berkas" not in table or root == Path("."):
        return table
    berkas = table["_berkas"].astype(str)
    return table.assign(_berkas=berkas.where(~berkas.str.startswith(prefix), berkas.str.slice(len(prefix))))


#: Analyses already made in this process, by year, params and the content of every input file: a
#: kernel that ``kinerja run`` reuses for many pages of one year reads and scores the data once.
_MEMO: dict[tuple, Analysis] = {}
#: The analyses handed on (:func:`share`) or taken (:func:`adopt`) in this process: ``id`` → (the
#: run's folder, memo key, the analysis itself, which also keeps the ``id`` from being reused).
_HANDED: dict[int, tuple[Path, tuple, Analysis]] = {}


def _errors_by_opd(table: pd.DataFrame, findings: list[Finding]) -> tuple[dict[str, list[Finding]], list[Finding]]:
    """Galat findings on a row of the indicator table, by the ``kode_opd`` of that row; the others."""
    owner: dict[tuple, str] = {}
    if all(column in table for column in SOURCE):
        for berkas, lembar, baris, kode in zip(table["_berkas"], table["_lembar"], table["_baris"], table["kode_opd"]):
            if isinstance(kode, str) and kode:
                owner[(str(berkas), str(lembar or ""), int(baris))] = kode
    by_opd: dict[str, list[Finding]] = {}
    general = []
    for finding in findings:
        if not finding.is_error:
            continue
        kode = owner.get((finding.berkas, finding.lembar or "", finding.baris)) if finding.baris is not None else None
        if kode is None:
            general.append(finding)
        else:
            by_opd.setdefault(kode, []).append(finding)
    return by_opd, general
