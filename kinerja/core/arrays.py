"""Small vectorised helpers the core uses to stay fast on a national table (a million rows).

Pure functions over pandas/numpy arrays: no I/O. pandas keeps text columns in Arrow (the ``str``
dtype); these helpers build such columns directly from small integer codes instead of going
through millions of Python string objects.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa


def text_from_codes(codes: np.ndarray, texts: Sequence[str]) -> pd.api.extensions.ExtensionArray:
    """A ``str`` column whose row ``i`` is ``texts[codes[i]]`` (``codes`` small non-negative ints)."""
    codes = np.asarray(codes)
    if len(codes) and codes.min() == codes.max():  # one text repeated (a column of "" or of "ok"): its buffers directly
        text = str(texts[int(codes[0])]).encode("utf-8")
        offsets = np.arange(len(codes) + 1, dtype=np.int64) * len(text)
        array = pa.LargeStringArray.from_buffers(len(codes), pa.py_buffer(offsets), pa.py_buffer(text * len(codes)))
        return pd.array(array, dtype="str")
    dictionary = pa.array(list(texts), type=pa.large_string())
    indices = pa.array(np.asarray(codes, dtype=np.int32))
    return pd.array(pa.DictionaryArray.from_arrays(indices, dictionary).cast(pa.large_string()), dtype="str")


def row_ids(frame: pd.DataFrame, columns: Sequence[str], missing_as_value: bool = False) -> np.ndarray:
    """An integer id per distinct combination of ``columns`` (``0 ≤ id < len(frame)``); ``−1`` where
    any of them is missing. For rows without a missing value: equal ids ⇔ equal values in every
    column.

    With ``missing_as_value`` a missing cell counts as one more value (as ``groupby(dropna=False)``
    and ``DataFrame.duplicated`` take it): every row gets an id, equal ids ⇔ equal values or both
    missing in every column."""
    n = len(frame)
    if missing_as_value:
        return _combined(frame, columns)
    valid = np.ones(n, dtype=bool)
    for column in columns:
        valid &= frame[column].notna().to_numpy(dtype=bool)
    if valid.sum() < n // 2:  # factorize only the rows that get an id (e.g. the few matched by name)
        result = np.full(n, -1, dtype=np.int64)
        if valid.any():
            result[valid] = row_ids(frame.loc[valid, list(columns)], columns)
        return result
    ids = _combined(frame, columns)
    return ids if valid.all() else np.where(valid, ids, -1)


def _combined(frame: pd.DataFrame, columns: Sequence[str]) -> np.ndarray:
    """Dense ids (in order of first appearance) of the combinations of ``columns``, a missing cell
    counting as a value. The columns' codes are combined as digits of one number and numbered once
    while that number fits in 62 bits, renumbered densely after each column otherwise (the same
    ids either way: both number the combinations by first appearance)."""
    ids = np.zeros(len(frame), dtype=np.int64)
    span = 1  # ids < span
    for column in columns:
        codes, uniques = pd.factorize(frame[column])  # −1 where missing
        base = len(uniques) + 1
        if span * base >= 2**62:
            ids, distinct = pd.factorize(ids)
            span = len(distinct)
        ids = ids * base + (codes + 1)
        span *= base
    return pd.factorize(ids)[0]


def equals(values: pd.Series, text: str) -> np.ndarray:
    """``values == text`` as a numpy bool array (missing → False), without Python objects."""
    return values.eq(text).fillna(False).to_numpy(dtype=bool)
