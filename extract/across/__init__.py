"""Across articles: entity profiles, figure series and conflicting figures, from per-article analyses.

Pure (no I/O): analyses and article metadata in, the records of `extract.across.model` out.
"""
