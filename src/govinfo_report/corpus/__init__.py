"""Corpus: many documents parsed in worker processes within a time budget (``stream``, with the
core's ``workers``), and their results packed (``compact``).
"""
