"""The build's date, the one date every output carries (reproducible builds).

When ``SOURCE_DATE_EPOCH`` is set (the convention of https://reproducible-builds.org: whole seconds
since 1970-01-01 UTC), every date kinerja writes into an output is that moment instead of now: the
"Dibuat …" date of the site's footer and of the PDF report, the PDF's creation date, the dates an
XLSX file carries (its document properties and the times of its zip entries). Executed notebooks
carry no date at all (papermill's start and end times are removed). With the same inputs and the
same ``SOURCE_DATE_EPOCH``, two builds are byte-identical.

Without it, the date is the current one (UTC for times, the local calendar day for the "Dibuat"
date). A value that is not a whole number of seconds is an error (the convention asks the build
to stop rather than guess).
"""

from __future__ import annotations

import datetime
import io
import os
import re
import zipfile
from pathlib import Path

from kinerja.support import pesan

ENV = "SOURCE_DATE_EPOCH"
#: The earliest time a zip entry can hold.
ZIP_EPOCH = datetime.datetime(1980, 1, 1, tzinfo=datetime.timezone.utc)
CORE_PROPERTIES = "docProps/core.xml"


class BuildTimeError(ValueError):
    """``SOURCE_DATE_EPOCH`` is not a whole number of seconds; the message says so (Bahasa Indonesia)."""


def source_date_epoch() -> int | None:
    """The value of ``SOURCE_DATE_EPOCH`` in seconds; None when it is not set (or empty).
    Raises :class:`BuildTimeError` for any other value."""
    value = os.environ.get(ENV, "").strip()
    if not value:
        return None
    if not re.fullmatch(r"\d{1,12}", value):
        raise BuildTimeError(pesan.WAKTU_SDE_SALAH.format(nama=ENV, nilai=value))
    return int(value)


def build_time() -> datetime.datetime:
    """The build's moment, timezone-aware (UTC), to the second: ``SOURCE_DATE_EPOCH`` or now."""
    epoch = source_date_epoch()
    if epoch is None:
        return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    return datetime.datetime.fromtimestamp(epoch, tz=datetime.timezone.utc)


def build_date() -> datetime.date:
    """The build's calendar day: that of ``SOURCE_DATE_EPOCH`` in UTC, else today's local date."""
    return build_time().date() if source_date_epoch() is not None else datetime.date.today()


def normalise_xlsx(path: str | Path, moment: datetime.datetime | None = None) -> None:
    """Give the XLSX file at ``path`` the build's time wherever it carries a time: the
    ``created`` and ``modified`` document properties and the time of every zip entry (openpyxl
    writes the current time in both). The entries keep their names, order and content, and are
    compressed the same way every time.

    Rewrites the file in place: call it on a temporary file before moving it into place. A file
    that is not a zip archive is left as it is (whoever reads it reports that). ``moment``
    (default: :func:`build_time`) is the time to give it, e.g. that of the run whose data it holds.
    """
    path = Path(path)
    data = path.read_bytes()
    normalised = normalised_xlsx(data, moment)
    if normalised is not data:
        path.write_bytes(normalised)


def normalised_xlsx(data: bytes, moment: datetime.datetime | None = None) -> bytes:
    """The XLSX file ``data`` as :func:`normalise_xlsx` makes it, in memory (``data`` itself when
    it is not a zip archive)."""
    moment = moment or build_time()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            entries = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    except zipfile.BadZipFile:
        return data
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    entry_time = max(moment, ZIP_EPOCH).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name, data in entries:
            if name == CORE_PROPERTIES:
                data = re.sub(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:)", rb"\g<1>" + stamp + rb"\g<2>",
                              data)
            entry = zipfile.ZipInfo(name, date_time=entry_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            target.writestr(entry, data)
    return buffer.getvalue()
