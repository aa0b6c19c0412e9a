"""Inputs: the schema, reading CSV/XLSX, Indonesian numbers, validation findings, params and the template."""
