"""Result tables written with Arrow (kinerja.render.output): the content pandas ``to_csv`` writes (pandas
is the independent reference), floats that read back identically, and ``--format parquet``."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

from kinerja.render.output import csv_bytes, csv_chunks
from test_cli import FILES, SAMPLE, kinerja


def pandas_csv(table: pd.DataFrame) -> bytes:
    """What ``kinerja score`` wrote before the Arrow writer."""
    return table.to_csv(index=False, encoding="utf-8", lineterminator="\n").encode("utf-8")


def tricky_table() -> pd.DataFrame:
    return pd.DataFrame({
        "tahun": pd.array([2024, None, 2025, 2026], dtype="Int64"),
        "jumlah": np.array([1, 0, -3, 12], dtype="int64"),
        "nama": pd.Series(["Dinas A, B dan C", None, 'Badan "Satu"', "baris\nbaru"], dtype="str"),
        "catatan": pd.Series(["", "=1+2", " spasi ", "a\rb;c\td é ✓"], dtype="str"),
        "capaian": [100.0, np.nan, 100.86, -0.0],
        "lain": [0.1, 99.99999999999999, 1 / 3, 2.5],
    })


def test_csv_is_byte_for_byte_what_pandas_writes():
    table = tricky_table()
    assert csv_bytes(table) == pandas_csv(table)


def test_csv_worked_by_hand():
    table = tricky_table()[["tahun", "nama", "capaian"]]
    assert csv_bytes(table).decode("utf-8") == (
        "tahun,nama,capaian\n"
        '2024,"Dinas A, B dan C",100.0\n'
        ",,\n"
        '2025,"Badan ""Satu""",100.86\n'
        '2026,"baris\nbaru",-0.0\n'
    )


@pytest.mark.parametrize("rows", [1, 2, 3, 100])
def test_csv_in_pieces_is_the_same_file(rows):
    table = tricky_table()
    pieces = [bytes(piece) for piece in csv_chunks(table, rows=rows)]
    assert len(pieces) == 1 + -(-len(table) // rows)  # the header, then one piece per `rows` rows
    assert b"".join(pieces) == pandas_csv(table)


@pytest.mark.parametrize("rows", [0, 1])
def test_csv_header_only_and_single_row(rows):
    table = tricky_table().iloc[:rows]
    assert csv_bytes(table) == pandas_csv(table)


def test_csv_single_column_with_empty_cells_is_what_pandas_writes():
    table = pd.DataFrame({"nama": pd.Series(["a,b", None, "", "x"], dtype="str")})
    assert csv_bytes(table) == b'nama\n"a,b"\n""\n""\nx\n'
    assert csv_bytes(table) == pandas_csv(table)


def test_floats_differ_from_pandas_only_in_form_and_read_back_identically():
    values = [1e-05, 1e15, 123456789012345.6, 5e-324, 1.7976931348623157e308, 1e16, 0.3]
    table = pd.DataFrame({"x": values})
    written = csv_bytes(table).decode("utf-8")
    assert written == "x\n0.00001\n1e+15\n1.234567890123456e+14\n5e-324\n1.7976931348623157e+308\n1e+16\n0.3\n"
    assert written != pandas_csv(table).decode("utf-8")  # the documented difference
    back = np.array([float(line) for line in written.splitlines()[1:]])  # Python's correctly rounded parser
    assert back.tobytes() == np.array(values).tobytes()


def test_random_floats_read_back_to_the_same_float64():
    rng = np.random.default_rng(13)
    values = np.concatenate([
        rng.normal(100, 30, 2000), rng.uniform(-1e-6, 1e-6, 500), rng.lognormal(20, 8, 500),
        np.round(rng.uniform(0, 200, 1000), 2), rng.integers(-10**6, 10**6, 500).astype(float),
    ])
    written = csv_bytes(pd.DataFrame({"x": values})).decode()
    back = np.array([float(line) for line in written.splitlines()[1:]])  # Python's correctly rounded parser
    assert back.tobytes() == values.tobytes()


def test_other_dtypes_are_written_by_pandas():
    table = pd.DataFrame({"a": [True, False], "d": pd.to_datetime(["2024-01-01", "2024-12-31"]), "n": [1.5, 2.0]})
    assert csv_bytes(table) == b"a,d,n\nTrue,2024-01-01,1.5\nFalse,2024-12-31,2.0\n"
    nullable = pd.DataFrame({"f": pd.array([100.0, None], dtype="Float64"), "g": np.array([0.1, 2.0], "float32")})
    assert csv_bytes(nullable) == pandas_csv(nullable)


def test_score_sample_csv_content_is_what_pandas_writes(tmp_path):
    from kinerja.inputs.load import load
    from kinerja.core.engine import score_table
    from kinerja.inputs.params import Params

    out = tmp_path / "hasil"
    done = kinerja("score", SAMPLE, "--out", out)
    assert done.returncode == 0, done.stderr
    params = Params()
    loaded = load([SAMPLE], params.rules, "otomatis", params.tahun)
    tables = score_table(loaded.tidy, params.rules, opd=loaded.opd).tables()
    for name in FILES:
        assert (out / name).read_bytes() == pandas_csv(tables[name.removesuffix(".csv")]), name


def test_score_format_parquet_writes_the_same_tables(tmp_path):
    csv_out, parquet_out = tmp_path / "csv", tmp_path / "parquet"
    assert kinerja("score", SAMPLE, "--out", csv_out).returncode == 0
    done = kinerja("score", SAMPLE, "--out", parquet_out, "--format", "parquet")
    assert done.returncode == 0, done.stderr
    names = [name.removesuffix(".csv") + ".parquet" for name in FILES]
    assert sorted(p.name for p in parquet_out.iterdir()) == sorted([*names, ".kinerja"])
    for name in FILES:
        from_parquet = pq.read_table(parquet_out / name.replace(".csv", ".parquet")).to_pandas()
        from_csv = pd.read_csv(csv_out / name, dtype=str, keep_default_na=False)
        assert list(from_parquet.columns) == list(from_csv.columns), name
        assert len(from_parquet) == len(from_csv), name
        for column in from_parquet.columns:
            if from_parquet[column].dtype.kind == "f":
                expected = pd.to_numeric(from_csv[column].replace("", np.nan)).to_numpy()
                np.testing.assert_array_equal(from_parquet[column].to_numpy(), expected)
            else:
                got = from_parquet[column].astype(object).where(from_parquet[column].notna(), "").astype(str)
                assert got.tolist() == from_csv[column].tolist(), (name, column)


def test_score_format_rejects_an_unknown_format(tmp_path):
    done = kinerja("score", SAMPLE, "--out", tmp_path / "hasil", "--format", "xlsx")
    assert done.returncode == 2 and "--format" in done.stderr
    assert not (tmp_path / "hasil").exists()
