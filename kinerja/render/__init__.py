"""Render: HTML tables, figures and the files written from results (CSV/Parquet extracts, reports)."""
