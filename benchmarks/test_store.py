"""The Parquet store: round trip, layout, incremental update from real CSV files, atomicity."""

from __future__ import annotations

import json
import os

import numpy as np
import pandas as pd
import pyarrow.dataset as ds
import pytest

from kinerja.support import pesan
from kinerja.inputs.readers import read_inputs
from store import MANIFEST, SOURCE_KEY, Store, StoreError
from tests.conftest import tidy

HEADER = "tahun,kode_opd,nama_opd,sasaran,kode_indikator,indikator,satuan,polaritas,target,realisasi\n"


def with_sources(table: pd.DataFrame, berkas: str = "data.csv") -> pd.DataFrame:
    return table.assign(
        _berkas=pd.array([berkas] * len(table), dtype="str"),
        _lembar=pd.array([""] * len(table), dtype="str"),
        _baris=np.arange(2, len(table) + 2, dtype=np.int64),
    )


def sample_table() -> pd.DataFrame:
    rows = [
        dict(tahun=2023, kode_opd="007", kode_indikator="1.1", target=100, realisasi=90, bobot=2),
        dict(tahun=2023, kode_opd="007", kode_indikator="1.2", polaritas="negatif", target=10, realisasi=8),
        dict(tahun=2024, kode_opd="007", kode_indikator="1.1", target=100, realisasi=95, keterangan="catatan"),
        dict(tahun=2024, kode_opd="010", target_bawah=7, target_atas=8, realisasi=6.5, rumus="rasio"),
    ]
    return with_sources(tidy(rows))


def parts(store: Store) -> dict[int, str]:
    manifest = json.loads((store.root / MANIFEST).read_text(encoding="utf-8"))
    return {int(year): entry["file"] for year, entry in manifest["partitions"].items()}


def test_round_trip_keeps_values_and_types(tmp_path):
    table = sample_table()
    store = Store(tmp_path / "toko")
    assert store.write(table) == [2023, 2024]
    back = store.read()
    expected = table[[c for c in back.columns]]  # contract order
    pd.testing.assert_frame_equal(back, expected)
    assert set(back.columns) == set(table.columns)
    assert store.columns() == list(back.columns)
    assert back["kode_opd"].tolist() == ["007", "007", "007", "010"]  # text stays text
    assert str(back["tahun"].dtype) == "Int64" and str(back["kode_opd"].dtype) == "str"
    assert np.isnan(back.loc[0, "target_bawah"]) and back.loc[3, "target_bawah"] == 7.0


def test_layout_is_partitioned_by_year_and_readable_by_pyarrow(tmp_path):
    store = Store(tmp_path / "toko")
    store.write(sample_table())
    assert sorted(p.name for p in (tmp_path / "toko").iterdir()) == [MANIFEST, "tahun=2023", "tahun=2024"]
    assert store.years() == [2023, 2024]
    # plain pyarrow (or DuckDB, polars) reads the folder as a Hive-partitioned dataset
    dataset = ds.dataset(tmp_path / "toko", format="parquet", partitioning="hive")
    table = dataset.to_table(columns=["tahun", "kode_opd", "realisasi"]).to_pandas()
    assert sorted(table["tahun"].tolist()) == [2023, 2023, 2024, 2024]
    assert sorted(table["realisasi"].tolist()) == [6.5, 8.0, 90.0, 95.0]


def test_read_some_years_and_columns(tmp_path):
    store = Store(tmp_path / "toko")
    store.write(sample_table())
    only = store.read(years=[2024, 2030], columns=["realisasi", "kode_opd", "tahun", "tidak_ada"])
    assert list(only.columns) == ["realisasi", "kode_opd", "tahun"]  # absent column left out
    assert only["realisasi"].tolist() == [95.0, 6.5]
    assert SOURCE_KEY not in store.read().columns
    assert set(store.read(columns=[SOURCE_KEY])[SOURCE_KEY]) == {""}  # rows stored by write()
    assert store.read(years=[1999]).empty
    assert Store(tmp_path / "kosong").read().empty


def write_csv(path, rows: list[str]) -> None:
    path.write_text(HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")


class CountingReader:
    """The reader layer as the store sees it: path → tidy table, counting the calls."""

    def __init__(self):
        self.calls: list[str] = []

    def __call__(self, path: str) -> pd.DataFrame:
        self.calls.append(os.path.basename(path))
        inputs = read_inputs([path])
        assert not [f for f in inputs.findings if f.is_error], inputs.findings
        return inputs.kinerja


@pytest.fixture
def project(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    write_csv(folder / "2023.csv", [
        "2023,1.02.01,Dinas Kesehatan,S1,K1,Angka kematian ibu,kasus,negatif,120,118",
        "2023,1.02.01,Dinas Kesehatan,S1,K2,Prevalensi stunting,%,negatif,18,19.5",
    ])
    write_csv(folder / "2024.csv", [
        "2024,1.02.01,Dinas Kesehatan,S1,K1,Angka kematian ibu,kasus,negatif,115,110",
    ])
    # one file with rows of two years (e.g. a Renstra workbook)
    write_csv(folder / "bappeda.csv", [
        "2023,5.01.01,Bappeda,S2,B1,Dokumen perencanaan tepat waktu,%,positif,100,100",
        "2024,5.01.01,Bappeda,S2,B1,Dokumen perencanaan tepat waktu,%,positif,100,90",
    ])
    return folder


def sources(folder) -> list[str]:
    return [str(folder / name) for name in ("2023.csv", "2024.csv", "bappeda.csv")]


def test_update_reads_only_what_changed(tmp_path, project):
    store, reader = Store(tmp_path / "toko"), CountingReader()

    first = store.update(sources(project), reader)
    assert reader.calls == ["2023.csv", "2024.csv", "bappeda.csv"]
    assert first.years_written == [2023, 2024]
    table = store.read()
    assert len(table) == 5
    assert table.groupby("tahun")["realisasi"].sum().to_dict() == {2023: 118 + 19.5 + 100, 2024: 110 + 90}
    assert set(table["_berkas"]) == set(sources(project))  # findings can still name the file
    before = parts(store)

    # nothing changed: nothing read, nothing rewritten
    reader.calls.clear()
    again = store.update(sources(project), reader)
    assert reader.calls == [] and again.years_written == [] and len(again.unchanged) == 3
    assert parts(store) == before

    # a file touched but not changed (same content): not read again
    os.utime(project / "2024.csv", ns=(10**18, 10**18))
    store.update(sources(project), reader)
    assert reader.calls == []

    # one file changed: only it is read, only its year's partition rewritten
    write_csv(project / "2024.csv", ["2024,1.02.01,Dinas Kesehatan,S1,K1,Angka kematian ibu,kasus,negatif,115,100"])
    changed = store.update(sources(project), reader)
    assert reader.calls == ["2024.csv"] and changed.read == [str(project / "2024.csv")]
    assert changed.years_written == [2024]
    after = parts(store)
    assert after[2023] == before[2023] and after[2024] != before[2024]
    assert not (store.root / before[2024]).exists()  # the old partition file is gone
    table = store.read()
    assert table.loc[table["tahun"] == 2024, "realisasi"].sort_values().tolist() == [90.0, 100.0]
    assert len(table) == 5

    # a file spanning two years changed: both partitions rewritten
    reader.calls.clear()
    write_csv(project / "bappeda.csv", ["2023,5.01.01,Bappeda,S2,B1,Dokumen perencanaan tepat waktu,%,positif,100,80"])
    spanning = store.update(sources(project), reader)
    assert reader.calls == ["bappeda.csv"] and spanning.years_written == [2023, 2024]
    assert store.read(years=[2024])["kode_opd"].tolist() == ["1.02.01"]


def test_update_removes_sources_no_longer_given(tmp_path, project):
    store, reader = Store(tmp_path / "toko"), CountingReader()
    store.update(sources(project), reader)
    reader.calls.clear()
    report = store.update([str(project / "2023.csv")], reader)
    assert reader.calls == []
    assert report.removed == [str(project / "2024.csv"), str(project / "bappeda.csv")]
    assert report.years_removed == [2024] and report.years_written == [2023]
    assert store.years() == [2023]
    assert not (store.root / "tahun=2024").exists()
    assert store.read()["kode_indikator"].tolist() == ["K1", "K2"]
    assert list(store.sources()) == [str(project / "2023.csv")]


def test_failed_update_leaves_the_store_as_it_was(tmp_path, project):
    store, reader = Store(tmp_path / "toko"), CountingReader()
    store.update(sources(project), reader)
    manifest = (store.root / MANIFEST).read_bytes()
    files = sorted(p.relative_to(store.root) for p in store.root.rglob("*"))
    write_csv(project / "2023.csv", ["2023,1.02.01,Dinas Kesehatan,S1,K1,Angka kematian ibu,kasus,negatif,120,1"])
    write_csv(project / "2024.csv", ["2024,1.02.01,Dinas Kesehatan,S1,K1,Angka kematian ibu,kasus,negatif,120,2"])

    def broken(path: str) -> pd.DataFrame:
        if path.endswith("2024.csv"):
            raise OSError("disk hilang")
        return reader(path)

    with pytest.raises(OSError):
        store.update(sources(project), broken)
    assert (store.root / MANIFEST).read_bytes() == manifest
    assert sorted(p.relative_to(store.root) for p in store.root.rglob("*")) == files
    assert store.read()["realisasi"].tolist().count(118.0) == 1  # old data still in force


def test_interrupted_commit_is_invisible_and_cleaned_up(tmp_path, project, monkeypatch):
    store, reader = Store(tmp_path / "toko"), CountingReader()
    store.update(sources(project), reader)
    old = store.read()
    write_csv(project / "2023.csv", ["2023,1.02.01,Dinas Kesehatan,S1,K1,Angka kematian ibu,kasus,negatif,120,60"])

    def crash(self, manifest, obsolete):  # dies after writing partitions, before the manifest
        raise KeyboardInterrupt

    with monkeypatch.context() as patched:
        patched.setattr(Store, "_commit", crash)
        with pytest.raises(KeyboardInterrupt):
            store.update(sources(project), reader)
    orphans = [p for p in store.root.glob("tahun=*/*") if str(p.relative_to(store.root)) not in parts(store).values()]
    assert orphans  # the new partition file exists on disk ...
    pd.testing.assert_frame_equal(store.read(), old)  # ... but the store still shows the old state

    store.update(sources(project), reader)
    assert not [p for p in store.root.glob("tahun=*/*")
                if str(p.relative_to(store.root)) not in parts(store).values()]
    assert 60.0 in store.read()["realisasi"].tolist()


def test_rows_without_year_are_refused(tmp_path):
    store = Store(tmp_path / "toko")
    table = sample_table()
    table.loc[1, "tahun"] = pd.NA
    with pytest.raises(StoreError) as error:
        store.write(table)
    assert str(error.value) == pesan.STORE_TANPA_TAHUN.format(berkas=pesan.STORE_TABEL)
    assert not (tmp_path / "toko").exists()

    def no_year(path: str) -> pd.DataFrame:
        return sample_table().drop(columns="tahun")

    source = tmp_path / "a.csv"
    source.write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="a.csv"):
        store.update([str(source)], no_year)


def test_damaged_manifest_is_reported(tmp_path):
    store = Store(tmp_path / "toko")
    store.write(sample_table())
    (store.root / MANIFEST).write_text("{bukan json", encoding="utf-8")
    with pytest.raises(StoreError, match="manifes penyimpanan Parquet rusak"):
        store.read()
