"""The data of the yearly PDF report (``laporan.json``), read from one year's build outputs.

The Typst template ``kinerja/templates/kinerja-laporan.typ`` lays the report out from this data;
here the tables the notebooks showed (their CSV extracts) are put in report order and every
number is formatted in Indonesian (:mod:`kinerja.support.display`), every wording taken from
:mod:`kinerja.support.pesan`. Nothing is computed: capaian, changes and predikat are the run's.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kinerja.support import display, escape, pesan

from kinerja.render import tables
from kinerja.core.predikat import builtin_scale, builtin_scale_names


def _rows(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype={"kode_opd": str, "kode_indikator": str}, keep_default_na=True)


def _text(value: object) -> str:
    """Data text for the report: the template shows the strings of ``laporan.json`` as text (Typst
    content from a string, never evaluated), so no escape is needed (:func:`kinerja.support.escape.text`)."""
    return escape.text(value)


def predikat_colours() -> dict[str, str]:
    """Colour of every predikat of the built-in scales (by name), for badges."""
    colours: dict[str, str] = {}
    for name in builtin_scale_names():
        for level in builtin_scale(name).levels:
            if level.warna:
                colours.setdefault(level.predikat, level.warna)
    return colours


def change_words(row: pd.Series, tahun: int) -> str:
    """"+0,36 poin (+0,358 % relatif) dibanding 2023 (100,50 %)", or why there is no comparison."""
    if pd.isna(row.get("selisih_poin")):
        note = _text(row.get("catatan"))
        if not note:
            return pesan.TERBIT_TANPA_DATA_SEBELUMNYA.format(sebelumnya=tahun - 1)
        return pesan.TERBIT_TANPA_PERBANDINGAN.format(sebelumnya=tahun - 1, catatan=note)
    return pesan.TERBIT_PERUBAHAN.format(
        poin=display.poin(row["selisih_poin"]),
        persen=display.perubahan(row["perubahan_persen"], 3),
        sebelumnya=tahun - 1,
        capaian_sebelumnya=display.persen(row["capaian_sebelumnya"]),
    )


def report_data(folder: Path, tahun: int, pemda: str, metode: str, figures: list[dict], sintetis: bool,
                dibuat: str) -> dict:
    """Everything the report shows for fiscal year ``tahun``, from ``folder`` (``_build/<tahun>``)."""
    pemda_row = _rows(folder / "ringkasan" / "pemda.csv").iloc[0]
    opd = _rows(folder / "ringkasan" / "opd.csv")
    missing = _rows(folder / "ringkasan" / "tidak_terhitung.csv")
    trend = _rows(folder / "tren" / "pemda.csv") if (folder / "tren" / "pemda.csv").is_file() else pd.DataFrame()
    previous = pesan.KOLOM_CAPAIAN_SEBELUMNYA.format(tahun=tahun - 1)
    ranked = []
    for number, row in enumerate(opd.itertuples(index=False), start=1):
        ranked.append({
            "no": str(number) if pd.notna(row.capaian) else "",
            "nama": _text(row.nama_opd), "capaian": display.persen(row.capaian), "predikat": _text(row.predikat),
            "sebelumnya": display.persen(row.capaian_sebelumnya), "selisih": display.poin(row.selisih_poin),
            "perubahan": display.perubahan(row.perubahan_persen),
        })
    details = [_opd_detail(folder / "opd", str(code), tahun) for code in sorted(opd["kode_opd"].astype(str))]
    changes = opd[opd["selisih_poin"].notna()].sort_values("selisih_poin", ascending=False, kind="stable")
    return {
        "tahun": int(tahun),
        "pemda": pemda or pesan.HALAMAN_PEMDA,
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
        },
        "ringkasan": {
            "capaian": display.persen(pemda_row["capaian"]),
            "predikat": _text(pemda_row["predikat"]),
            "kalimat": pesan.TERBIT_KALIMAT_UTAMA.format(
                pemda=pemda or pesan.HALAMAN_PEMDA, tahun=tahun, capaian=display.persen(pemda_row["capaian"]),
                predikat=_text(pemda_row["predikat"]) or pesan.HALAMAN_TANPA_PREDIKAT),
            "perubahan": change_words(pemda_row, tahun),
            "metode": metode,
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


def _opd_detail(folder: Path, code: str, tahun: int) -> dict:
    from kinerja.run import safe_name

    base = folder / safe_name(code)
    one = _rows(base / "opd.csv").iloc[0]
    indicators = _rows(base / "indikator.csv")
    means = _rows(base / "sasaran.csv").set_index("sasaran")
    sasaran = []
    for name, group in indicators.groupby("sasaran", sort=False):
        mean = means.loc[name]
        label = pesan.TABEL_RATA_SASARAN
        if pd.notna(mean["batas_atas"]):
            label = pesan.TABEL_RATA_SASARAN_BATAS.format(batas=pesan.angka_aturan(mean["batas_atas"]))
        sasaran.append({
            "nama": _text(name), "label": label, "capaian": display.persen(mean["capaian"]), "predikat": _text(mean["predikat"]),
            "indikator": [{"indikator": _text(r.indikator), "satuan": _text(r.satuan), "target": tables._target(r),
                           "realisasi": tables.angka(r.realisasi), "capaian": display.persen(r.capaian),
                           "predikat": _text(r.predikat)} for r in group.itertuples(index=False)],
        })
    noted = indicators[indicators["catatan"].map(_text) != ""]
    return {
        "kode": code,
        "nama": _text(one["nama_opd"]),
        "kalimat": pesan.TERBIT_KALIMAT_OPD.format(
            capaian=display.persen(one["capaian"]), predikat=_text(one["predikat"]) or pesan.HALAMAN_TANPA_PREDIKAT,
            perubahan=change_words(one, tahun)),
        "sasaran": sasaran,
        "catatan": [{"indikator": _text(r.indikator), "catatan": _text(r.catatan)} for r in noted.itertuples(index=False)],
    }
