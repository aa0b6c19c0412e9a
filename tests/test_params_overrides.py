"""``-p key=value`` overrides of a params file: as strict as the file itself."""

from __future__ import annotations

import pytest

from kinerja.inputs.params import ParamsError, load_params

TEXT = """
pemda:
  nama: Kabupaten Uji
tahun: 2024
data: [data/a.csv]
aturan:
  batas_atas: 120
opd: semua
"""


@pytest.fixture
def path(tmp_path):
    file = tmp_path / "2024.yml"
    file.write_text(TEXT, encoding="utf-8")
    return file


def test_overrides_replace_settings(path):
    params = load_params(path, ["aturan.batas_atas=null", "aturan.skala_predikat=enam-tingkat", "opd=007, 1.02.01",
                                "pemda.nama=Kota: Uji = 1", "data=data/b.csv,data/c.xlsx"])
    assert params.rules.batas_atas is None and params.rules.skala_predikat.nama == "enam-tingkat"
    assert params.opd == ("007", "1.02.01")  # codes stay text: 007 is not the number 7
    assert params.pemda_nama == "Kota: Uji = 1" and params.data == ("data/b.csv", "data/c.xlsx")
    assert "-p aturan.batas_atas=null" in params.sumber
    assert load_params(path, ["opd=semua"]).opd is None
    assert load_params(path).rules.batas_atas == 120.0  # the file itself is untouched


@pytest.mark.parametrize(
    "override,message",
    [
        ("aturan.batas_ats=100", "kunci 'aturan.batas_ats': tidak dikenal.*Mungkin maksudnya 'batas_atas'"),
        ("tahn=2024", "kunci 'tahn': tidak dikenal"),
        ("aturan.batas_atas=seratus", "'batas_atas' harus berupa angka"),
        ("aturan.agregasi_opd=median", "pilihannya: bertingkat, rata_rata, bobot"),
        ("aturan=1", "sebutkan kunci di dalamnya, misalnya aturan.rumus_negatif"),
        ("tahun.x=1", "kunci 'tahun.x'"),
        ("aturan.batas_atas=[1, 2]", "harus satu nilai"),
        ("batas_atas", "harus berbentuk kunci=nilai"),
        ("opd=", "kunci 'opd'"),
    ],
)
def test_wrong_overrides_are_errors_naming_the_override(path, override, message):
    with pytest.raises(ParamsError, match=message) as error:
        load_params(path, [override])
    if "=" in override:
        assert f"-p {override}" in str(error.value)
