"""Corrections: reviewers' verdicts on cells, kept in a SQLite store (``store``) and applied
to parsed reports (``apply``); ``server`` is the review app that writes them."""

from .apply import Corrections, CorrectionsSource, apply, fingerprint, load
from .store import CorrectionError, Entry, Store

__all__ = [
    "CorrectionError",
    "Corrections",
    "CorrectionsSource",
    "Entry",
    "Store",
    "apply",
    "fingerprint",
    "load",
]
