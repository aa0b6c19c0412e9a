"""``kinerja tahun-baru TAHUN``: prepare the next fiscal year of a project from its latest one.

Writes, never over an existing file (:func:`kinerja.support.safety.check_new_file`):

* ``params/<TAHUN>.yml``: the latest year's params text with ``tahun`` changed and the new
  workbook added to ``data`` (the earlier years stay listed for the year-over-year change and the
  trend); every other setting, the comments and the layout kept
  (:func:`kinerja.inputs.project.edit_params_text`);
* ``data/kinerja-<TAHUN>.xlsx``: the template workbook (:func:`kinerja.inputs.workbook.build_template`)
  with one row per indicator of the latest year of every OPD still in force: ``kode_opd``,
  ``nama_opd``, ``sasaran``, ``kode_indikator``, ``indikator``, ``satuan``, ``polaritas``, ``rumus``,
  ``bobot`` and ``sifat`` carried over; ``target`` from the Renstra (sheet ``renstra``:
  :func:`renstra_targets`) where one is given, empty otherwise; ``realisasi`` and the range targets empty. The ``opd`` sheet carries the
  master list over, without the agencies whose ``berlaku_sampai`` is before 1 January of the new
  year (their indicators are left out too).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kinerja.inputs.load import LoadedData, load
from kinerja.inputs.params import load_params
from kinerja.inputs.project import ProjectError, edit_params_text, params_years
from kinerja.inputs.schema import OPD_COLUMNS
from kinerja.inputs.workbook import TEMPLATE_COLUMNS, build_template
from kinerja.support import pesan, safety
from kinerja.support.atomic import atomic_file, write_bytes
from kinerja.support.xlsx import save_workbook

#: Columns carried over from the latest year into the new workbook (the rest start empty).
CARRIED = ("kode_opd", "nama_opd", "sasaran", "kode_indikator", "indikator", "satuan", "polaritas", "rumus", "bobot",
           "sifat")
TEXT_COLUMNS = ("kode_opd", "kode_indikator")


@dataclass(frozen=True)
class NewYear:
    """What :func:`prepare_new_year` wrote and what it carried over."""

    tahun: int
    terakhir: int
    params: Path
    workbook: Path
    rows: pd.DataFrame  # the kinerja sheet as written (TEMPLATE_COLUMNS)
    opd: pd.DataFrame  # the opd sheet as written (OPD_COLUMNS)
    ended: tuple[str, ...]  # kode_opd left out: ended by berlaku_sampai

    @property
    def targets(self) -> int:
        return int(self.rows["target"].notna().sum())


def prepare_new_year(tahun: int, root: str | Path = ".") -> NewYear:
    """Write the params and the workbook of fiscal year ``tahun`` in the project at ``root`` (see
    the module docstring). Raises :class:`ProjectError` (no params, a year not after the latest),
    :class:`kinerja.support.safety.OutputFolderError` (a file already there),
    :class:`kinerja.inputs.params.ParamsError` and :class:`kinerja.inputs.findings.InputError`
    (the latest year's params or data have errors). Nothing is written when it raises."""
    root = Path(root)
    workbook_name = f"data/kinerja-{tahun}.xlsx"
    params_path, workbook_path = root / "params" / f"{tahun}.yml", root / workbook_name
    years = params_years(root)
    if not years:
        raise ProjectError(pesan.TAHUN_BARU_TANPA_PARAMS)
    for path in (params_path, workbook_path):
        safety.check_new_file(path)
    latest = years[-1]
    if tahun <= latest:
        raise ProjectError(pesan.TAHUN_BARU_SUDAH_LEWAT.format(tahun=tahun, terakhir=latest, berikut=latest + 1))
    latest_path = root / "params" / f"{latest}.yml"
    params = load_params(latest_path)
    if workbook_name in params.data:  # already listed: written over by nobody, named once
        data = list(params.data)
    else:
        data = [*params.data, workbook_name]
    text = edit_params_text(latest_path.read_text(encoding="utf-8"), f"params/{latest}.yml", tahun=tahun, data=data)
    loaded = load([str(root / item) for item in params.data], params.rules, params.desimal, latest)
    opd, ended = carried_opd(loaded, tahun)
    rows = carried_rows(loaded, latest, tahun, ended)
    if rows.empty:
        raise ProjectError(pesan.TAHUN_BARU_TANPA_BARIS.format(terakhir=latest, tahun=tahun))
    if opd.empty:  # no master list in the data: the agencies of the rows
        opd = rows[["kode_opd", "nama_opd"]].drop_duplicates("kode_opd").reindex(columns=OPD_COLUMNS)
    book = new_year_workbook(rows, opd, tahun, latest)
    for path in (params_path, workbook_path):  # still free?
        safety.check_new_file(path)
    with atomic_file(workbook_path) as temporary:
        save_workbook(book, temporary)
    try:
        write_bytes(params_path, text.encode("utf-8"))
    except BaseException:
        workbook_path.unlink(missing_ok=True)  # both or neither
        raise
    return NewYear(tahun, latest, params_path, workbook_path, rows, opd, ended)


def carried_opd(loaded: LoadedData, tahun: int) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """The OPD master list for ``tahun``: every agency of the loaded list whose ``berlaku_sampai``
    is empty or not before 1 January of ``tahun``; and the codes of the ones left out."""
    master = loaded.opd.reindex(columns=OPD_COLUMNS)
    if master.empty:
        return master.reset_index(drop=True), ()
    until = pd.to_datetime(master["berlaku_sampai"], errors="coerce")
    ended = until.notna() & (until < pd.Timestamp(datetime.date(tahun, 1, 1)))
    codes = tuple(sorted(set(master.loc[ended, "kode_opd"].astype(str))))
    return master[~ended].reset_index(drop=True), codes


def carried_rows(loaded: LoadedData, latest: int, tahun: int, ended: tuple[str, ...] = ()) -> pd.DataFrame:
    """The ``kinerja`` rows of ``tahun``: the indicators of year ``latest`` (without the agencies
    in ``ended``), :data:`CARRIED` columns kept, targets from :func:`renstra_targets`, realisasi empty."""
    table = loaded.tidy
    rows = table[(table["tahun"] == latest) & ~table["kode_opd"].astype(str).isin(ended)]
    rows = rows.reindex(columns=list(CARRIED)).reset_index(drop=True)
    new = pd.DataFrame({name: pd.Series([None] * len(rows), dtype=object) for name in TEMPLATE_COLUMNS})
    for name in CARRIED:
        new[name] = rows[name].astype(object).where(rows[name].notna(), None)
    new["tahun"] = tahun
    new["target"] = renstra_targets(loaded, new, tahun).astype(object)
    new["target"] = new["target"].where(pd.notna(new["target"]), None)
    return new


def renstra_targets(loaded: LoadedData, rows: pd.DataFrame, tahun: int) -> pd.Series:
    """The target of each row of ``rows`` for ``tahun`` from the Renstra, NaN where there is none.

    The Renstra is a table ``renstra`` of the loaded inputs (``loaded.renstra``) with one row per
    indicator and year: ``kode_opd``, ``kode_indikator`` and/or ``indikator``, ``tahun``, ``target``.
    Rows are matched on ``kode_opd`` and ``kode_indikator`` where both sides have a code, else on
    ``kode_opd`` and the indicator's text. Without such a table every target is NaN (the analyst
    types the PK targets in)."""
    empty = pd.Series(float("nan"), index=rows.index, dtype=float)
    renstra = getattr(loaded, "renstra", None)
    if isinstance(renstra, pd.DataFrame) and "tahun_awal" in renstra:  # the renstra sheet: one column per year
        from kinerja.core.renstra import targets_for_year

        renstra = targets_for_year(renstra, tahun).rename(columns={"target_renstra": "target"})
    if not isinstance(renstra, pd.DataFrame) or renstra.empty or not {"kode_opd", "tahun", "target"} <= set(renstra):
        return empty
    plan = renstra[pd.to_numeric(renstra["tahun"], errors="coerce") == tahun]
    result = empty.copy()
    for key in ("kode_indikator", "indikator"):
        if key not in plan or key not in rows:
            continue
        lookup = plan.dropna(subset=[key]).drop_duplicates(["kode_opd", key], keep="last")
        lookup = lookup.set_index([lookup["kode_opd"].astype(str), lookup[key].astype(str)])["target"]
        for position, row in rows.iterrows():
            if pd.isna(result[position]) and pd.notna(row[key]) and row[key] != "":
                found = lookup.get((str(row["kode_opd"]), str(row[key])))
                result[position] = pd.to_numeric(found, errors="coerce") if found is not None else float("nan")
    return result


def new_year_workbook(rows: pd.DataFrame, opd: pd.DataFrame, tahun: int, latest: int):
    """The template workbook of ``tahun`` with ``rows`` in the ``kinerja`` sheet and ``opd`` in the
    ``opd`` sheet (codes stored as text: 007 stays 007)."""
    book = build_template(tahun)
    book["petunjuk"]["A2"] = pesan.TAHUN_BARU_JUDUL_PETUNJUK.format(terakhir=latest)
    _fill(book["kinerja"], rows, list(TEMPLATE_COLUMNS))
    _fill(book["opd"], opd, list(OPD_COLUMNS))
    return book


def _fill(sheet, table: pd.DataFrame, columns: list[str]) -> None:
    for offset, record in enumerate(table.reindex(columns=columns).itertuples(index=False), start=2):
        for position, (name, value) in enumerate(zip(columns, record), start=1):
            if value is None or (not isinstance(value, str) and pd.isna(value)):
                continue
            if isinstance(value, pd.Timestamp):
                value = value.date()
            elif name in TEXT_COLUMNS or name == "digantikan_oleh":
                value = str(value)
            elif hasattr(value, "item"):  # numpy scalar
                value = value.item()
            cell = sheet.cell(row=offset, column=position, value=value)
            if name in TEXT_COLUMNS or name == "digantikan_oleh":
                cell.number_format = "@"
            elif isinstance(value, datetime.date):
                cell.number_format = "dd/mm/yyyy"
