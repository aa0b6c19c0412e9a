"""A page as data: :class:`Page`, what one notebook shows, built once by :mod:`kinerja.pages.build`.

A page holds its tables (unrounded numbers), its headline, its change from the year before, its
method sentence (all worded by :mod:`kinerja.pages.wording`) and the predikat scale its figures
colour by. ``kinerja run`` writes it beside the executed notebook::

    <name>.ipynb            the executed notebook (what the notebook displayed)
    <name>.halaman.json     the page (:meth:`Page.write`): title, sentences, scale, table names
    <name>/<table>.csv      its tables (the download extracts)
    <name>/<gambar>.png     its figures as the notebook drew them (the captions are in the JSON)

and both publishing engines and the PDF report read it back with :meth:`Page.read`, without a
kernel: nothing is scraped from notebook output.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kinerja.core.predikat import Level, Scale

#: Suffix of a serialised page, beside its notebook: ``ringkasan.halaman.json``.
SUFFIX = ".halaman.json"
#: The key of a chart's output metadata that names the figure (``{"kinerja": {"gambar": "peringkat"}}``):
#: :mod:`kinerja.render.figures` writes it, the runner reads it (without importing matplotlib).
GAMBAR_KEY = "kinerja"
#: Columns read back as text (codes keep their leading zeros).
TEXT_COLUMNS = {"kode_opd": str, "kode_indikator": str, "kode_pemda": str}
VERSION = 1


@dataclass(frozen=True)
class Caption:
    """The words of one figure of a page (:mod:`kinerja.pages.captions`): ``nama`` (the figure's
    name, also its file: ``<page>/<nama>.png``), ``judul`` (its title, plain text) and ``alt``
    (its alt text, with the key numbers)."""

    nama: str
    judul: str
    alt: str


class PageFileError(ValueError):
    """A serialised page cannot be read; the message names the file."""


@dataclass(frozen=True)
class Page:
    """What one notebook shows: ``nama`` (``ringkasan``, ``opd``, ``tren``), title, year, tables
    and sentences.

    ``tables`` maps a table name to a DataFrame (unrounded numbers), in the order of the download
    extracts. ``subjek`` is whom the headline speaks of (the pemda or the OPD), ``pemda`` the
    pemda's name (empty when the params name none); ``utama`` the headline sentence and
    ``perubahan`` the change from the year before (empty for the trend page); ``metode`` the method
    sentence; ``skala`` the predikat scale in force; ``konvensi`` the scoring settings in force, one
    sentence each (:func:`kinerja.pages.wording.conventions`); ``berjalan`` True for a year in
    progress (targets, no realisasi yet: no capaian, the page lists the PK targets).
    """

    nama: str
    judul: str
    tahun: int
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    kode_opd: str | None = None
    subjek: str = ""
    pemda: str = ""
    utama: str = ""
    perubahan: str = ""
    metode: str = ""
    skala: Scale | None = None
    konvensi: tuple[str, ...] = ()
    berjalan: bool = False
    kepekaan: str = ""  # the overview: the pemda figure under each method setting (kinerja.pages.reviu)
    figures: tuple[Caption, ...] = ()  # the figures the page shows (kinerja.pages.captions.for_page)

    @property
    def row(self) -> pd.Series:
        """The one row the headline is about: the pemda (overview, trend: this year) or the OPD
        (also on a quarterly page)."""
        table = self.tables["opd" if self.nama == "opd" or (self.nama == "triwulan" and self.kode_opd) else "pemda"]
        if self.nama == "tren":
            table = table[table["tahun"] == self.tahun]
        return table.iloc[0]

    @property
    def catatan(self) -> pd.DataFrame:
        """The notes of an OPD page: its indicators with a note (not computable, floored, capped)."""
        table = self.tables["indikator"]
        noted = table["catatan"].map(lambda note: isinstance(note, str) and note != "")
        return table[noted].reset_index(drop=True)

    @property
    def headline(self) -> str:
        """The headline and the change, as one plain text."""
        return " ".join(part for part in (self.utama, self.perubahan) if part)

    def meta(self) -> dict:
        """Everything but the tables, as JSON data (tables are listed by name)."""
        skala = None
        if self.skala is not None:
            skala = {"nama": self.skala.nama, "judul": self.skala.judul, "sumber": self.skala.sumber,
                     "levels": [dataclasses.asdict(level) for level in self.skala.levels]}
        return {
            "versi": VERSION, "nama": self.nama, "judul": self.judul, "tahun": int(self.tahun),
            "kode_opd": self.kode_opd, "subjek": self.subjek, "pemda": self.pemda, "utama": self.utama,
            "perubahan": self.perubahan, "metode": self.metode, "skala": skala, "tabel": list(self.tables),
            "konvensi": list(self.konvensi), "berjalan": bool(self.berjalan),
            "kepekaan": self.kepekaan, "gambar": [dataclasses.asdict(caption) for caption in self.figures],
        }

    def meta_json(self) -> str:
        return json.dumps(self.meta(), ensure_ascii=False, indent=1) + "\n"

    def figure(self, nama: str) -> Caption | None:
        """The caption of the figure ``nama`` (None when the page does not show it)."""
        return next((caption for caption in self.figures if caption.nama == nama), None)

    @staticmethod
    def figure_path(page_file: Path, nama: str) -> Path:
        """Where ``kinerja run`` files the picture of figure ``nama`` of the page serialised at
        ``page_file``: ``ringkasan.halaman.json`` → ``ringkasan/peringkat.png``."""
        page_file = Path(page_file)
        return page_file.with_name(page_file.name.removesuffix(SUFFIX)) / f"{nama}.png"

    @staticmethod
    def path_for(notebook: Path) -> Path:
        """Where the page of an executed notebook is written: ``opd/007.ipynb`` → ``opd/007.halaman.json``."""
        return notebook.with_name(notebook.name.removesuffix(".ipynb") + SUFFIX)

    @classmethod
    def read(cls, path: str | Path) -> Page:
        """The page serialised at ``path`` (``<name>.halaman.json``) with its tables from
        ``<name>/<table>.csv``. Raises :class:`PageFileError` naming the file."""
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            folder = path.with_name(path.name.removesuffix(SUFFIX))
            tables = {name: read_table(folder / f"{name}.csv") for name in data["tabel"]}
            skala = None
            if data.get("skala"):
                found = data["skala"]
                skala = Scale(found["nama"], found["judul"], tuple(Level(**level) for level in found["levels"]),
                              found.get("sumber", ""))
            return cls(data["nama"], data["judul"], int(data["tahun"]), tables, data.get("kode_opd"),
                       data.get("subjek", ""), data.get("pemda", ""), data.get("utama", ""),
                       data.get("perubahan", ""), data.get("metode", ""), skala,
                       tuple(str(item) for item in data.get("konvensi", [])), bool(data.get("berjalan", False)),
                       data.get("kepekaan", ""),
                       tuple(Caption(str(c["nama"]), str(c["judul"]), str(c["alt"])) for c in data.get("gambar", [])))
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise PageFileError(f"{path}: {error}") from None


def read_table(path: Path) -> pd.DataFrame:
    """A table of a page as the runner wrote it (codes as text, empty text cells as empty strings)."""
    table = pd.read_csv(path, dtype=TEXT_COLUMNS, keep_default_na=True, encoding="utf-8")
    for column in table.columns:
        if table[column].dtype == object:
            table[column] = table[column].fillna("")
    return table
