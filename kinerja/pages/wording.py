"""Every sentence a page says, worded once: the notebooks, the website (headline card, OPD
listing) and the PDF report all take their sentences from here (through the :class:`Page` that
carries them), so a page never says the same thing in two wordings.

The templates themselves are in :mod:`kinerja.support.pesan` (every user-facing text is); this
module is the only one that fills in the page sentences. Plain text: the render layer adds markup
(bold, badges), :mod:`kinerja.support.escape` escapes it for each output.
"""

from __future__ import annotations

import pandas as pd

from kinerja.core.rules import Rules, settings_in_force
from kinerja.support import display, pesan
from kinerja.support.escape import text


def predikat(value: object) -> str:
    """A predikat as shown, or "Tidak dapat dihitung" when there is none."""
    return text(value) or pesan.HALAMAN_TANPA_PREDIKAT


def pemda(nama: str) -> str:
    """The pemda's name, or the generic word when the params name none."""
    return nama or pesan.HALAMAN_PEMDA


def headline(subjek: str, tahun: int, row: pd.Series) -> str:
    """"Capaian kinerja Dinas Kesehatan tahun 2024: 100,86 % (predikat Sangat Baik)."."""
    return pesan.HALAMAN_UTAMA.format(pemda=subjek, tahun=tahun, capaian=display.persen(row["capaian"]),
                                      predikat=predikat(row["predikat"]))


def change(row: pd.Series, tahun: int) -> str:
    """"Dibanding tahun 2023 (100,50 %): +0,36 poin, atau +0,358 % secara relatif (…)." or why
    there is no comparison."""
    if pd.isna(row.get("selisih_poin")):
        note = text(row.get("catatan"))
        if note:
            return pesan.HALAMAN_TANPA_PERBANDINGAN_KARENA.format(catatan=note)
        return pesan.HALAMAN_TANPA_PERBANDINGAN.format(sebelumnya=tahun - 1)
    return pesan.HALAMAN_PERUBAHAN.format(
        sebelumnya=tahun - 1,
        capaian_sebelumnya=display.persen(row["capaian_sebelumnya"]),
        poin=display.poin(row["selisih_poin"]),
        persen=display.perubahan(row["perubahan_persen"], 3),
    )


def method(rules: Rules) -> str:
    """How the averages were made, with the cap in force (every published figure states it)."""
    cap = (
        pesan.HALAMAN_TANPA_BATAS
        if rules.batas_atas is None
        else pesan.HALAMAN_BATAS.format(batas=pesan.angka_aturan(rules.batas_atas))
    )
    floor = (
        pesan.HALAMAN_TANPA_LANTAI if rules.lantai is None else pesan.HALAMAN_LANTAI.format(lantai=pesan.angka_aturan(rules.lantai))
    )
    return pesan.HALAMAN_METODE.format(
        pemda=pesan.HALAMAN_METODE_PEMDA[rules.agregasi_pemda],
        opd=pesan.HALAMAN_METODE_OPD[rules.agregasi_opd],
        negatif=pesan.HALAMAN_METODE_NEGATIF[rules.rumus_negatif],
        batas=cap,
        lantai=floor,
        skala=rules.skala_predikat.judul,
        tampil=pesan.HALAMAN_METODE_TANPA_BATAS_INDIKATOR if rules.batas_atas_indikator is None
        else pesan.HALAMAN_METODE_BATAS_INDIKATOR.format(batas=pesan.angka_aturan(rules.batas_atas_indikator)),
    )


def method_label() -> str:
    """The label the method sentence is shown under ("Metode.")."""
    return pesan.HALAMAN_METODE_JUDUL


def card_title(pemda_nama: str, tahun: int) -> str:
    """The title of the overview's headline card: "Capaian kinerja Kabupaten X tahun 2024"."""
    return pesan.TERBIT_KARTU_JUDUL.format(pemda=pemda(pemda_nama), tahun=tahun)


def opd_description(row: pd.Series, berjalan: bool = False) -> str:
    """One OPD in the site's listing: "Capaian 100,86 % · Sangat Baik" (a year in progress: that
    its realisasi are not reported yet)."""
    if berjalan:
        return pesan.TERBIT_DESKRIPSI_OPD_BERJALAN
    return pesan.TERBIT_DESKRIPSI_OPD.format(capaian=display.persen(row["capaian"]), predikat=predikat(row["predikat"]))


def sasaran_mean_label(batas_atas: object) -> str:
    """The label of a sasaran's mean row in an LKjIP table (with the cap in force, if any)."""
    if batas_atas is not None and pd.notna(batas_atas):
        return pesan.TABEL_RATA_SASARAN_BATAS.format(batas=pesan.angka_aturan(batas_atas))
    return pesan.TABEL_RATA_SASARAN



def berjalan(subjek: str, tahun: int) -> str:
    """The headline of a year in progress: targets set, realisasi not reported yet, so no capaian."""
    return pesan.HALAMAN_BERJALAN.format(subjek=subjek, tahun=tahun)


def _setting_value(nama: str, value: object) -> str:
    """A setting's value as readers say it (Bahasa Indonesia)."""
    words = pesan.KONVENSI_NILAI.get(nama, {})
    if value is None:
        return words.get(None, pesan.KONVENSI_TANPA)
    if isinstance(value, str):
        return words.get(value, value)
    if nama == "pembulatan_sebelum_rata":
        return pesan.KONVENSI_PEMBULATAN.format(n=value)
    return f"{pesan.angka_aturan(value)} %"


def conventions(rules: Rules) -> tuple[str, ...]:
    """The scoring settings in force (:func:`kinerja.core.rules.settings_in_force`), one sentence
    each: "Batas atas capaian indikator: 100 % (bawaan: tanpa batas atas)." or "…: tanpa pembulatan
    (bawaan).". Every page and the PDF state them."""
    sentences = []
    for setting in settings_in_force(rules):
        label = pesan.KONVENSI_NAMA.get(setting.nama, setting.nama)
        value = _setting_value(setting.nama, setting.nilai)
        if setting.berbeda:
            tail = pesan.KONVENSI_BAWAAN_LAIN.format(bawaan=_setting_value(setting.nama, setting.bawaan))
        else:
            tail = pesan.KONVENSI_BAWAAN
        sentences.append(pesan.KONVENSI_KALIMAT.format(nama=label, nilai=value, bawaan=tail))
    return tuple(sentences)


def conventions_label() -> str:
    """The label the conventions are shown under."""
    return pesan.KONVENSI_JUDUL
