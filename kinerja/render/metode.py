"""The method-sensitivity table as people read it: moved to :mod:`kinerja.pages.metode` (the pages
show it); kept here so that ``from kinerja.render.metode import ...`` goes on working."""

from kinerja.pages.metode import TEXT_COLUMNS, format_sensitivity, method_sentence, setting_label

__all__ = ["TEXT_COLUMNS", "format_sensitivity", "method_sentence", "setting_label"]
