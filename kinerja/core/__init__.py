"""The pure core: rules, scoring, aggregation, change and predikat, on DataFrames only.

No file, plot or print here; every other layer builds on this one.
"""
