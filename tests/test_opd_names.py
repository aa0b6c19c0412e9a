"""One agency, one file: the file names made from kode_opd (kinerja.support.names) are one-to-one and safe,
validation reports the codes that cannot name a file, and a real run and publish of OPDs whose
codes used to share a file name (a/b, a_b, a b) keep every OPD's page and report section."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from hypothesis import given
from hypothesis import strategies as st

import kinerja
from kinerja.support import names
from kinerja import run

ROOT = Path(__file__).resolve().parents[1]
SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~-]*")
WINDOWS_DEVICES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


@pytest.mark.parametrize(
    "kode,expected",
    [
        ("1.02.01", "1.02.01"),
        ("DINKES", "DINKES"),
        ("a_b", "a_b"),
        ("1.02.0.00.0.00.01.0000", "1.02.0.00.0.00.01.0000"),
        # the others: readable part, then "~" and the first 12 hex digits of SHA-256 of the code
        ("a/b", "a_b~c14cddc033f6"),
        ("a b", "a_b~c8687a08aa5d"),
        ("1.02.", "1.02~6e803614c359"),
        ("CON", "CON~a3dbc4b644a9"),
        ("Dinkés", "Dinkes~5afc4252bd14"),
        ("..", "opd~5ec1f7e700f3"),
        ("x.gagal", "x.gagal~03466dad480e"),  # would read as the failed notebook of OPD "x"
        ("index", "index~1bc04b5291c2"),  # the year's OPD listing page
    ],
)
def test_file_names_by_hand(kode, expected):
    assert names.file_name(kode) == expected
    assert run.safe_name(kode) == expected  # the run layer's name is the same mapping


def test_the_old_collisions_are_gone():
    """a/b, a_b and a b (and 1.02. and 1.02) were one file name; now each has its own."""
    for group in (["a/b", "a_b", "a b"], ["1.02.", "1.02"], ["x", "x.gagal"]):
        assert len({names.file_name(code) for code in group}) == len(group)


@given(st.text(min_size=1, max_size=80))
def test_every_name_is_safe(kode):
    name = names.file_name(kode)
    assert SAFE.fullmatch(name) and not name.endswith(".") and len(name) <= 64
    assert name.split(".")[0].casefold() not in WINDOWS_DEVICES
    assert not name.endswith((".gagal", ".stamp")) and name.casefold() != "index"


@given(st.text(min_size=1, max_size=30), st.text(min_size=1, max_size=30))
def test_distinct_codes_get_distinct_names(a, b):
    if a != b:
        assert names.file_name(a) != names.file_name(b)


@given(st.from_regex(r"[A-Za-z1-9][A-Za-z0-9._-]{0,40}[A-Za-z0-9]", fullmatch=True))
def test_ordinary_codes_stay_readable(kode):
    devices = kode.casefold().split(".")[0] in WINDOWS_DEVICES
    own = kode.casefold() == "index" or kode.casefold().rsplit(".", 1)[-1] in {
        "gagal", "stamp", "ipynb", "json", "xlsx", "csv", "html", "pdf", "qmd", "tmp"}
    if not devices and not (own and "." in kode or kode.casefold() == "index"):
        assert names.file_name(kode) == kode


def test_codes_differing_only_in_case_are_a_galat_per_year(tmp_path):
    path = tmp_path / "kinerja.csv"
    path.write_text(
        "tahun,kode_opd,nama_opd,sasaran,indikator,satuan,polaritas,target,realisasi\n"
        "2023,dinkes,Dinas Kesehatan,S,I1,%,positif,100,90\n"
        "2024,DINKES,Dinas Kesehatan,S,I1,%,positif,100,90\n"  # another year: its own folder, fine
        "2024,Dinkes,Dinas Kesehatan Lain,S,I2,%,positif,100,90\n",
        encoding="utf-8",
    )
    errors = [f for f in kinerja.check(path).findings if f.is_error]
    assert [(f.baris, f.kolom, f.nilai) for f in errors] == [(4, "kode_opd", "Dinkes")]
    assert "'DINKES'" in errors[0].pesan and f"{path} baris 3" in errors[0].pesan


def test_multi_pemda_codes_collide_only_within_a_pemda(tmp_path):
    path = tmp_path / "nasional.csv"
    path.write_text(
        "tahun,kode_pemda,nama_pemda,kode_opd,nama_opd,sasaran,indikator,satuan,polaritas,target,realisasi\n"
        "2024,11,Aceh,dinkes,Dinas Kesehatan,S,I1,%,positif,100,90\n"
        "2024,12,Sumut,DINKES,Dinas Kesehatan,S,I1,%,positif,100,90\n",
        encoding="utf-8",
    )
    assert kinerja.check(path).findings == []


def test_a_long_code_is_a_galat_not_an_oserror_of_the_run(tmp_path):
    path = tmp_path / "kinerja.csv"
    code = "1." + "0" * 298
    path.write_text(
        "tahun,kode_opd,nama_opd,sasaran,indikator,satuan,polaritas,target,realisasi\n"
        f"2024,{code},Dinas Panjang,S,I1,%,positif,100,90\n",
        encoding="utf-8",
    )
    (finding,) = kinerja.check(path).findings
    assert (finding.baris, finding.kolom, finding.tingkat) == (2, "kode_opd", "galat")
    assert "lebih dari 64 karakter" in finding.pesan
    assert len(names.file_name(code)) <= 64  # and the run could still name its (failed) page


@pytest.fixture(scope="module")
def colliding(tmp_path_factory):
    """The publishing fixture with the codes 1.01, 1.02, 1.03 renamed a/b, a_b and "a b" (one file
    name before), run for 2024 and published with the pandoc engine."""
    sys.path.insert(0, str(ROOT / "tests"))
    from publish_fixture import OPD_NAMES, make_project

    from kinerja.publish import publish

    project = make_project(tmp_path_factory.mktemp("kode") / "proyek")
    data = project / "data" / "kinerja.csv"
    text = data.read_text(encoding="utf-8")
    for old, new in (("1.01", "a/b"), ("1.02", "a_b"), ("1.03", "a b")):
        text = text.replace(f",{old},", f",{new},")
    data.write_text(text, encoding="utf-8")
    summary = run.run([2024], jobs=2, root=project, progress=False)
    assert summary.ok, summary.problems()
    publish(project, engine="pandoc")
    return project, dict(zip(["a/b", "a_b", "a b"], OPD_NAMES))


#: One indicator of each OPD of the publishing fixture, by its new code.
INDICATORS = {"a/b": "Cakupan layanan", "a_b": "Indeks keamanan", "a b": "Tingkat hunian"}


def test_run_writes_one_notebook_per_opd(colliding):
    project, opd_names = colliding
    folder = project / "_build" / "2024" / "opd"
    pages = sorted(p.name for p in folder.glob("*.ipynb"))
    assert pages == sorted(["a_b~c14cddc033f6.ipynb", "a_b.ipynb", "a_b~c8687a08aa5d.ipynb"])
    for code, indicator in INDICATORS.items():
        notebook = nbformat.read(folder / f"{names.file_name(code)}.ipynb", as_version=4)
        assert notebook.metadata.papermill.parameters.kode_opd == code
        text = "".join(str(o.get("data", {}).get("text/html", "")) for c in notebook.cells for o in c.get("outputs", []))
        assert indicator in text
        assert not any(other in text for other in INDICATORS.values() if other != indicator)


def test_site_and_report_keep_every_opd(colliding):
    project, opd_names = colliding
    site = project / "_site" / "2024" / "opd"
    pages = sorted(p.name for p in site.glob("*.html") if p.name != "index.html")
    assert pages == sorted(["a_b~c14cddc033f6.html", "a_b.html", "a_b~c8687a08aa5d.html"])
    for code, indicator in INDICATORS.items():
        html = (site / f"{names.file_name(code)}.html").read_text(encoding="utf-8")
        assert indicator in html
        assert not any(other in html for other in INDICATORS.values() if other != indicator)
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run([pdftotext, str(project / "_site" / "2024" / "laporan.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    # every OPD's own table is in the report (before, one OPD's table was there twice)
    for indicator in INDICATORS.values():
        assert indicator in text
    for name in opd_names.values():
        assert name in text


@pytest.mark.parametrize(
    "kode,problem",
    [("1.02.01", None), ("a/b", None), ("CON", None), ("-x", None), ("x" * 64, None),
     ("x" * 65, "panjang"), ("1.02\x0001", "kendali"), ("1.02\n", "kendali"), ("\u200b1.02", "kendali"),
     (".", "tanpa_huruf"), ("..", "tanpa_huruf"), ("-", "tanpa_huruf"), ("/", "tanpa_huruf")],
)
def test_unusable_codes(kode, problem):
    assert names.unusable(kode) == problem


def test_path_like_codes_in_a_table_are_findings():
    """Codes given in a DataFrame (no file reader in between): NUL, dots, a leading dash, a device
    name; each a galat or a warning naming its row."""
    import pandas as pd

    rows = [("1.02\x0001", "galat"), ("..", "galat"), (".", "galat"), ("-x", "peringatan"), ("CON", "peringatan"),
            ("NUL.1", "peringatan"), ("1.02.01", None)]
    frame = pd.DataFrame({
        "tahun": [2024] * len(rows), "kode_opd": [code for code, _ in rows],
        "nama_opd": [f"Dinas {i}" for i in range(len(rows))], "sasaran": "S", "indikator": "I", "satuan": "%",
        "polaritas": "positif", "target": 100, "realisasi": 90,
    })
    found = {(f.baris, f.tingkat) for f in kinerja.check(frame).findings if f.kolom == "kode_opd"}
    assert found == {(i + 2, level) for i, (_, level) in enumerate(rows) if level}
