"""Params files: a strict model where a typo is an error, not a default."""

from __future__ import annotations

import pytest

from kinerja import Rules
from kinerja.inputs.params import ParamsError, load_params, parse_params


def write(tmp_path, text):
    path = tmp_path / "2024.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_full_file(tmp_path):
    path = write(
        tmp_path,
        """
pemda:
  nama: Pemerintah Provinsi Bengkulu
  kode: "17"
tahun: 2024
data: [data/a.csv, data/b.csv]
aturan:
  rumus_negatif: rasio
  lantai: null
  batas_atas: 120
  agregasi_opd: bobot
  agregasi_pemda: rata_rata
  skala_predikat: enam-tingkat
opd: ["007", 8]
""",
    )
    params = load_params(path)
    assert params.tahun == 2024 and params.pemda_nama == "Pemerintah Provinsi Bengkulu" and params.pemda_kode == "17"
    assert params.data == ("data/a.csv", "data/b.csv") and params.opd == ("007", "8")
    rules = params.rules
    assert (rules.rumus_negatif, rules.lantai, rules.batas_atas) == ("rasio", None, 120.0)
    assert (rules.agregasi_opd, rules.agregasi_pemda, rules.skala_predikat.nama) == ("bobot", "rata_rata", "enam-tingkat")


def test_defaults_are_domain_defaults(tmp_path):
    params = load_params(write(tmp_path, "tahun: 2024\n"))
    assert params.rules == Rules() and params.opd is None
    assert (params.desimal, params.sintetis) == ("otomatis", False)


def test_desimal_and_sintetis(tmp_path):
    params = load_params(write(tmp_path, "desimal: koma\nsintetis: true\n"))
    assert (params.desimal, params.sintetis) == ("koma", True)


@pytest.mark.parametrize(
    "text,message",
    [
        ("aturan:\n  batas_ats: 120\n", "kunci 'aturan.batas_ats': tidak dikenal.*Mungkin maksudnya 'batas_atas'"),
        ("tahn: 2024\n", "kunci 'tahn': tidak dikenal"),
        ("aturan:\n  agregasi_opd: median\n", "'agregasi_opd' bernilai 'median', padahal pilihannya: bertingkat, rata_rata, bobot"),
        ("aturan:\n  batas_atas: seratus\n", "'batas_atas' harus berupa angka"),
        ("aturan:\n  batas_atas: 0\n", "harus lebih dari 0"),
        ("aturan:\n  skala_predikat: tujuh\n", "skala bawaan tidak dikenal"),
        ("tahun: '2024'\n", "kunci 'tahun'"),
        ("tahun: 2024\ntahun: 2025\n", "kunci 'tahun' ditulis dua kali"),
        ("aturan: [1, 2]\n", "kunci 'aturan': harus berupa pemetaan"),
        ("aturan:\n  batas_atas: 120\n   lantai: 0\n", "bukan YAML yang sah: baris 3"),
        ("opd: beberapa\n", "kunci 'opd'"),
        ("desimal: koma-titik\n", "kunci 'desimal': harus otomatis, koma"),
        ("sintetis: ya\n", "kunci 'sintetis': harus true"),
        (
            "aturan:\n  skala_predikat:\n    tingkat:\n      - {predikat: A, batas_bawah: 50}\n      - {predikat: B, batas: 1}\n",
            r"tingkat\[2\].batas': tidak dikenal",
        ),
    ],
)
def test_mistakes_are_errors_with_file_and_key(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(ParamsError, match=message) as error:
        load_params(path)
    assert str(path) in str(error.value)


def test_custom_scale():
    params = parse_params(
        {"aturan": {"skala_predikat": {"nama": "dua", "judul": "Dua tingkat", "tingkat": [
            {"predikat": "Tercapai", "batas_bawah": 100}, {"predikat": "Belum tercapai"}]}}}
    )
    assert params.rules.skala_predikat.names == ["Tercapai", "Belum tercapai"]


def test_missing_file(tmp_path):
    with pytest.raises(ParamsError, match="tidak ditemukan"):
        load_params(tmp_path / "tidak-ada.yml")


def test_shipped_params_parse(root):
    for path in sorted((root / "params").glob("*.yml")):
        assert load_params(path).rules == Rules()
