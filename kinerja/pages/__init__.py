"""The pages: what each notebook shows, built once as data.

- :mod:`kinerja.pages.analysis`: :func:`analyse` reads and scores one fiscal year (:class:`Analysis`);
- :mod:`kinerja.pages.build`: one function per notebook (:func:`ringkasan`, :func:`opd`,
  :func:`tren`) that builds its :class:`Page`, and the pure building blocks they share;
- :mod:`kinerja.pages.model`: the :class:`Page` value, written beside the executed notebook and
  read back by the publishing layer (:meth:`Page.read`);
- :mod:`kinerja.pages.triwulan`: :func:`triwulan`, the quarterly monitoring page (pemda or one OPD);
- :mod:`kinerja.pages.wording`: every sentence of a page, worded once.
- :mod:`kinerja.pages.captions`: the title and alt text of every figure of a page (:class:`Caption`).

>>> analysis = analyse(2024, proyek="..")                      # doctest: +SKIP
>>> page = opd(analysis, "1.02.01")                            # doctest: +SKIP
>>> page.tables["indikator"]                                   # doctest: +SKIP
"""

from kinerja.pages.analysis import (SOURCE, Analysis, PageDataError, adopt, analyse, fingerprint, release, share,
                                    share_page, shared_page)
from kinerja.pages.build import (
    CHANGE_COLUMNS,
    biggest_moves,
    improved_declined,
    indicator_changes,
    opd,
    predikat_counts,
    ringkasan,
    serapan,
    tren,
)
from kinerja.pages.model import SUFFIX as PAGE_SUFFIX
from kinerja.pages.triwulan import NoQuarterlyData, has_quarters, triwulan
from kinerja.pages.model import Caption, Page, PageFileError
from kinerja.pages.wording import method as method_sentence

__all__ = [
    "CHANGE_COLUMNS", "PAGE_SUFFIX", "Caption", "SOURCE", "Analysis", "Page", "PageDataError", "PageFileError",
    "adopt", "analyse", "biggest_moves", "release", "share", "share_page", "shared_page",
    "fingerprint", "improved_declined", "indicator_changes", "method_sentence", "opd", "predikat_counts", "ringkasan",
    "serapan", "tren", "triwulan", "NoQuarterlyData", "has_quarters",
]
