"""What the runner works with: a :class:`Job` (one notebook to produce), its :class:`Outcome`,
and the names of the build folder's files."""

from __future__ import annotations

from dataclasses import dataclass, field

NOTEBOOKS = "notebooks"
PEMDA_PAGES = ("ringkasan", "tren")
OPD_PAGE = "opd"
STAMP_SUFFIX = ".stamp.json"
FAILED_SUFFIX = ".gagal.ipynb"
TEMP_PREFIX = ".tmp-"
#: A year's kept plan, in ``<build>/<tahun>/``.
PLAN_FILE = ".rencana.json"


@dataclass(frozen=True, eq=False)
class Job:
    """One notebook to produce. Paths are relative to the project folder."""

    tahun: int
    nama: str  # ringkasan | tren | opd
    kode_opd: str | None
    notebook: str
    output: str
    parameters: dict
    judul: str
    kunci: str | None  # content hash; None when the page's data has errors (always executed)
    bagian: dict = field(default_factory=dict)
    tables: dict | None = None
    halaman: str | None = None  # the page's JSON (kinerja.pages.Page.meta_json), written beside the notebook

    @property
    def label(self) -> str:
        return f"{self.tahun}/{self.nama}" + (f"/{self.kode_opd}" if self.kode_opd else "")


@dataclass(frozen=True)
class Outcome:
    """What happened to one job: ``dijalankan`` (executed), ``dilewati`` (unchanged) or ``gagal``."""

    label: str
    status: str
    output: str
    detik: float = 0.0
    sel: int | None = None
    galat: str = ""
    gagal_di: str = ""
