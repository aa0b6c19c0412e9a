"""The data of the yearly PDF report (``laporan.json``), from the pages of one year's build.

The Typst template ``kinerja/templates/kinerja-laporan.typ`` lays the report out from this data;
here the pages the notebooks showed (:class:`kinerja.pages.Page`, read back from
``<name>.halaman.json`` and its tables) are put in report order and every number is formatted in
Indonesian (:mod:`kinerja.support.display`). Nothing is computed and nothing is worded here: capaian,
changes and predikat are the run's, the sentences the page's (:mod:`kinerja.pages.wording`), the
LKjIP rows those of :func:`kinerja.render.tables.lkjip_rows`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kinerja.core.predikat import builtin_scale, builtin_scale_names
from kinerja.pages import Page, wording
from kinerja.pages.model import SUFFIX
from kinerja.render import tables
from kinerja.support import display, escape, pesan

#: Data text for the report: the template shows the strings of ``laporan.json`` as text (Typst
#: content from a string, never evaluated), so no escape is needed.
_text = escape.text


def page_path(folder: Path, nama: str) -> Path:
    """Where the page ``nama`` of a year's build folder is serialised."""
    return folder / f"{nama}{SUFFIX}"


def opd_pages(folder: Path) -> dict[str, Page]:
    """Every OPD page of a year's build folder, by ``kode_opd``."""
    found = {}
    for path in sorted((folder / "opd").glob(f"*{SUFFIX}")):
        page = Page.read(path)
        found[str(page.kode_opd)] = page
    return found


def predikat_colours() -> dict[str, str]:
    """Colour of every predikat of the built-in scales (by name), for badges."""
    colours: dict[str, str] = {}
    for name in builtin_scale_names():
        for level in builtin_scale(name).levels:
            if level.warna:
                colours.setdefault(level.predikat, level.warna)
    return colours


def report_data(folder: Path, tahun: int, pemda: str, figures: list[dict], sintetis: bool, dibuat: str) -> dict:
    """Everything the report shows for fiscal year ``tahun``, from ``folder`` (``_build/<tahun>``)."""
    overview = Page.read(page_path(folder, "ringkasan"))
    tren_path = page_path(folder, "tren")
    trend = Page.read(tren_path).tables["pemda"] if tren_path.is_file() else pd.DataFrame()
    opd = overview.tables["opd"]
    missing = overview.tables["tidak_terhitung"]
    previous = pesan.KOLOM_CAPAIAN_SEBELUMNYA.format(tahun=tahun - 1)
    ranked = []
    for number, row in enumerate(opd.itertuples(index=False), start=1):
        ranked.append({
            "no": str(number) if pd.notna(row.capaian) else "",
            "nama": _text(row.nama_opd), "capaian": display.persen(row.capaian), "predikat": _text(row.predikat),
            "sebelumnya": display.persen(row.capaian_sebelumnya), "selisih": display.poin(row.selisih_poin),
            "perubahan": display.perubahan(row.perubahan_persen),
        })
    by_code = opd_pages(folder)
    details = [_opd_detail(by_code[code]) for code in sorted(opd["kode_opd"].astype(str)) if code in by_code]
    changes = opd[opd["selisih_poin"].notna()].sort_values("selisih_poin", ascending=False, kind="stable")
    data = {
        "tahun": int(tahun),
        "pemda": wording.pemda(pemda),
        "judul-dokumen": pesan.TERBIT_LAPORAN_JUDUL.format(tahun=tahun),
        "sintetis": bool(sintetis),
        "dibuat": dibuat,
        "warna": predikat_colours(),
        "teks": {
            "judul": pesan.TERBIT_LAPORAN,
            "tahun-anggaran": pesan.TERBIT_TAHUN_ANGGARAN,
            "sintetis": pesan.TERBIT_SINTETIS,
            "sintetis-pendek": pesan.TERBIT_SINTETIS_PENDEK,
            "halaman": pesan.TERBIT_HALAMAN,
            "dari": pesan.TERBIT_DARI,
            "bab-ringkasan": pesan.TERBIT_BAB_RINGKASAN,
            "bab-opd": pesan.TERBIT_BAB_OPD,
            "bab-rinci": pesan.TERBIT_BAB_RINCI,
            "bab-perbandingan": pesan.TERBIT_BAB_PERBANDINGAN,
            "tidak-terhitung": pesan.TABEL_TIDAK_TERHITUNG_JUDUL.format(tahun=tahun),
            "kolom-tidak-terhitung": [pesan.KOLOM_OPD, pesan.KOLOM_INDIKATOR, pesan.KOLOM_ALASAN],
            "kolom-lkjip": [pesan.KOLOM_NO, pesan.KOLOM_SASARAN, pesan.KOLOM_INDIKATOR, pesan.KOLOM_SATUAN,
                            pesan.KOLOM_TARGET, pesan.KOLOM_REALISASI, pesan.KOLOM_CAPAIAN, pesan.KOLOM_PREDIKAT],
            "kolom-renstra": pesan.KOLOM_CAPAIAN_RENSTRA,
        },
        "ringkasan": {  # a year in progress: no capaian, the headline says why
            "capaian": pesan.TERBIT_KARTU_BERJALAN if overview.berjalan else display.persen(overview.row["capaian"]),
            "predikat": "" if overview.berjalan else _text(overview.row["predikat"]),
            "kalimat": overview.utama,
            "perubahan": overview.utama if overview.berjalan else overview.perubahan,
            "metode": f"{wording.method_label()} {overview.metode}",
        },
        "gambar": figures,
        "tabel-opd": {
            "judul": pesan.TABEL_OPD_JUDUL.format(tahun=tahun),
            "kepala": [pesan.KOLOM_NO, pesan.KOLOM_OPD, pesan.KOLOM_CAPAIAN, pesan.KOLOM_PREDIKAT, previous,
                       pesan.KOLOM_SELISIH, pesan.KOLOM_PERUBAHAN],
            "baris": ranked,
        },
        "tidak-terhitung": [{"opd": _text(r.nama_opd), "indikator": _text(r.indikator), "catatan": _text(r.catatan)}
                            for r in missing.itertuples(index=False)],
        "opd-rinci": details,
        "tabel-tren": {
            "judul": pesan.TABEL_TREN_PEMDA_JUDUL,
            "kepala": [pesan.KOLOM_TAHUN, pesan.KOLOM_CAPAIAN, pesan.KOLOM_PREDIKAT, pesan.KOLOM_JUMLAH_OPD,
                       pesan.KOLOM_SELISIH, pesan.KOLOM_PERUBAHAN],
            "baris": [{"tahun": str(int(r.tahun)), "capaian": display.persen(r.capaian), "predikat": _text(r.predikat),
                       "jumlah": display.angka(r.jumlah_opd, 0), "selisih": display.poin(r.selisih_poin),
                       "perubahan": display.perubahan(r.perubahan_persen)} for r in trend.itertuples(index=False)],
        },
        "tabel-perubahan": {
            "judul": pesan.TERBIT_PERUBAHAN_OPD_JUDUL.format(tahun=tahun, sebelumnya=tahun - 1),
            "kepala": [pesan.KOLOM_OPD, previous, pesan.KOLOM_CAPAIAN_TAHUN.format(tahun=tahun), pesan.KOLOM_SELISIH,
                       pesan.KOLOM_PERUBAHAN],
            "baris": [{"nama": _text(r.nama_opd), "sebelumnya": display.persen(r.capaian_sebelumnya),
                       "capaian": display.persen(r.capaian), "selisih": display.poin(r.selisih_poin),
                       "perubahan": display.perubahan(r.perubahan_persen)} for r in changes.itertuples(index=False)],
        },
    }
    data.update(review_data(overview))
    return data


def review_data(overview: Page) -> dict:
    """The report's method-sensitivity table (in its methodology chapter) and its appendix of
    reviu flags (per flag code, per OPD, then every flag), from the overview page; empty lists
    when the page has no such tables (a build of an older version)."""
    tahun = overview.tahun
    metode = overview.tables.get("metode")
    flags = overview.tables.get("reviu")
    per_code = overview.tables.get("reviu_kode")
    per_opd = overview.tables.get("reviu_opd")
    return {
        "kepekaan": {
            "judul": pesan.HALAMAN_KEPEKAAN_JUDUL,
            "pengantar": pesan.HALAMAN_KEPEKAAN_PENGANTAR.format(tahun=tahun),
            "tabel-judul": pesan.TABEL_KEPEKAAN_JUDUL.format(tahun=tahun),
            "kalimat": overview.kepekaan,
            "kepala": [pesan.KOLOM_SETELAN, pesan.KOLOM_CAPAIAN, pesan.KOLOM_PREDIKAT, pesan.KOLOM_SELISIH],
            "baris": [] if metode is None else [
                {"setelan": _text(r.setelan), "capaian": display.persen(r.capaian), "predikat": wording.predikat(r.predikat),
                 "selisih": "" if str(r.berlaku) == "True" else display.poin(r.selisih_poin)}
                for r in metode.itertuples(index=False)],
        },
        "reviu": {
            "judul": pesan.TERBIT_LAMPIRAN_REVIU,
            "pengantar": pesan.HALAMAN_REVIU_PENGANTAR,
            "kosong": pesan.HALAMAN_REVIU_KOSONG,
            "judul-kode": pesan.TABEL_REVIU_KODE_JUDUL.format(tahun=tahun),
            "judul-opd": pesan.TABEL_REVIU_OPD_JUDUL.format(tahun=tahun),
            "judul-semua": pesan.TABEL_REVIU_SEMUA_JUDUL.format(tahun=tahun),
            "kepala-kode": [pesan.KOLOM_JENIS_CATATAN, pesan.KOLOM_KODE_CATATAN, pesan.KOLOM_JUMLAH_CATATAN],
            "kepala-opd": [pesan.KOLOM_OPD, pesan.KOLOM_JUMLAH_CATATAN],
            "kepala-semua": [pesan.KOLOM_OPD, pesan.KOLOM_INDIKATOR, pesan.KOLOM_JENIS_CATATAN, pesan.KOLOM_PENJELASAN,
                             pesan.KOLOM_LETAK],
            "per-kode": [] if per_code is None else [
                {"judul": _text(r.judul), "kode": _text(r.kode), "jumlah": display.angka(r.jumlah, 0)}
                for r in per_code.itertuples(index=False)],
            "per-opd": [] if per_opd is None else [
                {"nama": _text(r.nama_opd), "jumlah": display.angka(r.jumlah, 0)} for r in per_opd.itertuples(index=False)],
            "semua": [] if flags is None else [
                {"opd": _text(row["nama_opd"]), "indikator": _text(row["indikator"]), "judul": _text(row["judul"]),
                 "pesan": _text(row["pesan"]), "letak": tables.reviu_letak(row)} for _, row in flags.iterrows()],
        },
    }


def _opd_detail(page: Page) -> dict:
    """One OPD's section: its headline, its LKjIP table by sasaran (indicators, then the mean
    row), and the notes on its indicators."""
    rows, classes = tables.lkjip_rows(page)
    sasaran: list[dict] = []
    for row, css in zip(rows, classes):
        if css == "rata-rata":
            sasaran[-1].update({"label": row["indikator"], "capaian": row["capaian"], "predikat": row["predikat"]})
            continue
        if not sasaran or "label" in sasaran[-1] or sasaran[-1]["nama"] != row["sasaran"]:
            sasaran.append({"nama": row["sasaran"], "indikator": []})
        shown = {key: row[key] for key in ("indikator", "satuan", "target", "realisasi", "capaian", "predikat", "renstra")
                 if key in row}
        if row.get("capaian_tanpa_batas") and row["capaian_tanpa_batas"] != row["capaian"]:  # the indicator cap cut it
            shown["capaian"] = pesan.TERBIT_CAPAIAN_TANPA_BATAS.format(capaian=row["capaian"], tanpa=row["capaian_tanpa_batas"])
        sasaran[-1]["indikator"].append(shown)
    sasaran = [{"nama": s["nama"], "label": s.get("label", ""), "capaian": s.get("capaian", ""), "predikat": s.get("predikat", ""),
                "indikator": s["indikator"]} for s in sasaran]
    noted = page.catatan
    return {
        "kode": str(page.kode_opd),
        "nama": _text(page.row["nama_opd"]),
        "kalimat": page.headline,
        "sasaran": sasaran,
        "renstra": tables.has_renstra(page),  # the LKjIP table gains teks.kolom-renstra
        "catatan": [{"indikator": _text(r.indikator), "catatan": _text(r.catatan)} for r in noted.itertuples(index=False)],
    }
