"""The jejak (trace) as people read it: moved to :mod:`kinerja.pages.jejak` (the pages show it);
kept here so that ``from kinerja.render.jejak import ...`` goes on working."""

from kinerja.pages.jejak import READING_ORDER, TEXT_COLUMNS, format_trace, number, result, trace_text, write_trace

__all__ = ["READING_ORDER", "TEXT_COLUMNS", "format_trace", "number", "result", "trace_text", "write_trace"]
