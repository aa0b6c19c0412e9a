"""The Perjanjian Kinerja (PK) of every OPD for one year, as PDF documents (``kinerja pk``).

The format is the one of the annex of PermenPAN-RB 53/2014: the title "PERJANJIAN KINERJA TAHUN
<tahun>", the statement by which PIHAK PERTAMA (the head of the OPD: name, jabatan, NIP) commits to
the targets attached before PIHAK KEDUA (the kepala daerah), place and date, two signature blocks;
then the attachment: No | Sasaran Strategis | Indikator Kinerja | Target (with its satuan) and, where
programme budgets are given (the ``program`` sheet), No | Program | Anggaran (Rp) | Keterangan.

The PK is made from targets only: a year whose realisasi are still empty makes the same documents.

Two steps, each usable alone:

* :func:`pk_documents` turns a year's tidy indicator table (and the OPD master list, the programme
  budgets and the signatories) into one :class:`PkDocument` per OPD: plain values, every number
  already written the Indonesian way (``0,49 %``, ``1.234,5 orang``, ``80–90 %``,
  ``1.200.000.000``), every fixed wording from :mod:`kinerja.support.pesan`.
* :func:`write_pk_pdfs` writes each document as ``<folder>/pk-<kode>.pdf`` (``kode`` through
  :func:`kinerja.support.names.file_name`), compiled in-process by the ``typst`` wheel from
  ``templates/kinerja-pk.typ`` with Typst's bundled fonts only (embedded in the PDF, the same on
  every machine). Each file appears whole or not at all (:mod:`kinerja.support.atomic`).

Text from the data (names, sasaran, indikator, satuan, programme names) reaches Typst only as JSON
strings that the template shows as text (:func:`kinerja.support.escape.text`, the Typst row of the
escaping table): ``#``, ``$``, ``*``, ``\\``, ``<…>`` and ``]`` are shown as typed, never evaluated.
"""

from __future__ import annotations

from collections.abc import Sequence

import datetime
import json
import math
import tempfile
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path

import pandas as pd

from kinerja.core.engine import canonical_order
from kinerja.support import atomic, display, names, pesan
from kinerja.support.escape import text
from kinerja.support.reproducible import build_time

TEMPLATE = "kinerja-pk.typ"


class PkError(RuntimeError):
    """A PK document that cannot be made; the message is in Bahasa Indonesia."""


@dataclass(frozen=True)
class Pihak:
    """A signatory: name, jabatan and (for the OPD head) NIP; empty text where not known, so that
    the document shows a dotted line to fill by hand."""

    nama: str = ""
    jabatan: str = ""
    nip: str = ""


@dataclass(frozen=True)
class PkIndikator:
    indikator: str
    target: str  # formatted, with its satuan: "0,49 %", "80–90 %", "12 orang"


@dataclass(frozen=True)
class PkSasaran:
    nama: str
    indikator: tuple[PkIndikator, ...]


@dataclass(frozen=True)
class PkProgram:
    program: str
    anggaran: str  # formatted rupiah without "Rp": "1.200.000.000"
    keterangan: str = ""


@dataclass(frozen=True)
class PkDocument:
    """One OPD's Perjanjian Kinerja for one year: everything the template shows, as text."""

    tahun: int
    kode_opd: str
    nama_opd: str
    pemda: str
    pihak_pertama: Pihak
    pihak_kedua: Pihak
    tempat: str
    tanggal: str
    sasaran: tuple[PkSasaran, ...]
    program: tuple[PkProgram, ...] = ()
    jumlah_anggaran: str = ""
    sintetis: bool = False
    file_stem: str = field(default="")

    @property
    def file_name(self) -> str:
        """``pk-<kode>.pdf``: the file this document is written to."""
        return f"pk-{self.file_stem or names.file_name(self.kode_opd)}.pdf"


def format_target(target: float, bawah: float = math.nan, atas: float = math.nan, satuan: str = "") -> str:
    """A target as people write it in a PK: Indonesian decimals, no trailing zeros, the satuan
    after it (``0,49 %``, ``1.234,5 orang``), a range as ``80–90 %``; ``–`` when there is none."""
    def number(value: float) -> str:
        return display.angka(value, 4, trim=True)

    satuan = text(satuan).strip()
    if not _missing(target):
        value = number(target)
    elif not _missing(bawah) and not _missing(atas):
        value = f"{number(bawah)}–{number(atas)}"
    else:
        return display.KOSONG
    return f"{value} {satuan}" if satuan else value


def documents_for_year(table: pd.DataFrame, tahun: int, params, opd: pd.DataFrame | None,
                       program: pd.DataFrame | None, kode_opd: Sequence[str] | None = None,
                       sintetis: bool = False) -> list[PkDocument]:
    """:func:`pk_documents` with the pemda, kepala daerah, place, date and sample flag of a year's
    params (:class:`kinerja.inputs.params.Params`): what ``kinerja pk`` and publishing both make."""
    return pk_documents(
        table, tahun, opd=opd, program=program, pemda=params.pemda_nama,
        kepala_daerah=Pihak(nama=params.kepala_daerah_nama, jabatan=params.kepala_daerah_jabatan),
        tempat=params.pk_tempat, tanggal=params.pk_tanggal, sintetis=params.sintetis or sintetis, kode_opd=kode_opd,
    )


def pk_documents(
    table: pd.DataFrame,
    tahun: int,
    *,
    opd: pd.DataFrame | None = None,
    program: pd.DataFrame | None = None,
    pemda: str = "",
    kepala_daerah: Pihak = Pihak(),
    tempat: str = "",
    tanggal: datetime.date | None = None,
    sintetis: bool = False,
    kode_opd: tuple[str, ...] | None = None,
) -> list[PkDocument]:
    """One :class:`PkDocument` per OPD with indicators in ``tahun``, in the order of ``kode_opd``.

    ``table`` is a tidy indicator table (:mod:`kinerja.inputs.schema`); realisasi are not used.
    ``opd`` (the master list) gives each head's ``nama_kepala``, ``jabatan_kepala`` and
    ``nip_kepala`` where present; ``program`` (``tahun, kode_opd, program, anggaran,
    keterangan``) the programme budgets. ``kode_opd`` limits the OPDs (None: all). Sasaran and
    indicators keep the order of the PK (by ``kode_indikator``, as in every other output).
    """
    rows = table[table["tahun"] == tahun]
    if kode_opd is not None:
        rows = rows[rows["kode_opd"].isin(kode_opd)]
    if rows.empty:
        raise PkError(pesan.PK_TANPA_INDIKATOR.format(tahun=tahun, opd=""))
    rows = canonical_order(rows.reset_index(drop=True))
    heads = _heads(opd)
    budgets = _budgets(program, tahun)
    place = text(tempat).strip() or pesan.PK_TEMPAT_KOSONG
    date = display.tanggal(tanggal) if tanggal is not None else pesan.PK_TANGGAL_KOSONG.format(tahun=tahun)
    documents = []
    for kode, group in rows.groupby("kode_opd", sort=False):
        nama_opd = text(group["nama_opd"].iloc[0])
        sasaran = []
        for name, indicators in group.groupby("sasaran", sort=False):
            sasaran.append(PkSasaran(
                nama=text(name),
                indikator=tuple(
                    PkIndikator(
                        indikator=text(row.get("indikator")),
                        target=format_target(row.get("target"), row.get("target_bawah", math.nan),
                                             row.get("target_atas", math.nan), row.get("satuan", "")),
                    )
                    for row in indicators.to_dict("records")
                ),
            ))
        programs, total = budgets.get(str(kode), ((), ""))
        documents.append(PkDocument(
            tahun=int(tahun),
            kode_opd=str(kode),
            nama_opd=nama_opd,
            pemda=text(pemda),
            pihak_pertama=heads.get(str(kode), Pihak()),
            pihak_kedua=kepala_daerah,
            tempat=place,
            tanggal=date,
            sasaran=tuple(sasaran),
            program=programs,
            jumlah_anggaran=total,
            sintetis=bool(sintetis),
            file_stem=names.file_name(str(kode)),
        ))
    return documents


def document_data(document: PkDocument) -> dict:
    """The JSON the template reads: the document's values and every fixed wording."""
    data = asdict(document)
    data["teks"] = {
        "judul": pesan.PK_JUDUL.format(tahun=document.tahun),
        "pembuka": pesan.PK_PEMBUKA,
        "nama": pesan.PK_NAMA,
        "jabatan": pesan.PK_JABATAN,
        "nip": pesan.PK_NIP,
        "sebutan_pertama": pesan.PK_SEBUTAN_PERTAMA,
        "sebutan_kedua": pesan.PK_SEBUTAN_KEDUA,
        "janji": pesan.PK_JANJI,
        "supervisi": pesan.PK_SUPERVISI,
        "pihak_pertama": pesan.PK_PIHAK_PERTAMA,
        "pihak_kedua": pesan.PK_PIHAK_KEDUA,
        "tempat_tanggal": pesan.PK_TEMPAT_TANGGAL.format(tempat=document.tempat, tanggal=document.tanggal),
        "kosong": pesan.PK_ISIAN_KOSONG,
        "lampiran": pesan.PK_LAMPIRAN.format(tahun=document.tahun),
        "kolom": list(pesan.PK_KOLOM),
        "kolom_program": list(pesan.PK_KOLOM_PROGRAM),
        "jumlah": pesan.PK_JUMLAH,
        "sintetis": pesan.PK_SINTETIS if document.sintetis else "",
    }
    return data


def write_pk_pdfs(documents: list[PkDocument], folder: str | Path) -> list[Path]:
    """Write every document to ``folder/pk-<kode>.pdf``; return the paths written, in order.

    The caller has checked the folder (:func:`kinerja.support.safety.check_output_folder`). Typst
    runs in a private temporary folder holding only the template and the document's JSON, so
    nothing from the data can reach another file. Raises :class:`PkError` when Typst fails."""
    import typst

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    template = resources.files("kinerja").joinpath("templates", TEMPLATE).read_text(encoding="utf-8")
    timestamp = int(build_time().timestamp())  # the PDF's creation date (SOURCE_DATE_EPOCH)
    written = []
    with tempfile.TemporaryDirectory(prefix="kinerja-pk-") as work:
        work = Path(work)
        (work / TEMPLATE).write_text(template, encoding="utf-8")
        for document in documents:
            (work / "pk.json").write_text(json.dumps(document_data(document), ensure_ascii=False), encoding="utf-8")
            target = folder / document.file_name
            with atomic.atomic_file(target) as temporary:
                try:
                    typst.compile(str(work / TEMPLATE), output=str(temporary), root=str(work), font_paths=[],
                                  ignore_system_fonts=True, timestamp=timestamp)
                except Exception as error:  # noqa: BLE001 - typst.TypstError and friends: name the OPD
                    raise PkError(pesan.PK_TYPST_GAGAL.format(opd=document.nama_opd, rincian=str(error)[-2000:])) from None
            written.append(target)
    return written


def _heads(opd: pd.DataFrame | None) -> dict[str, Pihak]:
    """Each OPD's head from the master list (the last row of a code wins: the newest entry)."""
    if opd is None or opd.empty or "kode_opd" not in opd:
        return {}
    heads = {}
    for row in opd.to_dict("records"):
        kode = text(row.get("kode_opd"))
        if not kode:
            continue
        head = Pihak(nama=text(row.get("nama_kepala")).strip(), jabatan=text(row.get("jabatan_kepala")).strip(),
                     nip=text(row.get("nip_kepala")).strip())
        if head != Pihak() or kode not in heads:
            heads[kode] = head
    return heads


def _budgets(program: pd.DataFrame | None, tahun: int) -> dict[str, tuple[tuple[PkProgram, ...], str]]:
    """Programmes and their total per OPD for ``tahun``, in the order given."""
    if program is None or program.empty or "program" not in program:
        return {}
    rows = program[program["tahun"] == tahun]
    result = {}
    for kode, group in rows.groupby("kode_opd", sort=False):
        items = tuple(
            PkProgram(program=text(row.get("program")), anggaran=display.angka(row.get("anggaran"), 0),
                      keterangan=text(row.get("keterangan")))
            for row in group.to_dict("records")
        )
        amounts = pd.to_numeric(group["anggaran"], errors="coerce")
        total = display.angka(float(amounts.sum()), 0) if amounts.notna().any() else display.KOSONG
        result[str(kode)] = (items, total)
    return result


def _missing(value: object) -> bool:
    try:
        return value is None or value is pd.NA or math.isnan(float(value))
    except (TypeError, ValueError):
        return True


__all__ = ["Pihak", "PkDocument", "PkError", "PkIndikator", "PkProgram", "PkSasaran", "document_data",
           "format_target", "pk_documents", "write_pk_pdfs"]
