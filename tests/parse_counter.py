"""Counting ``parse`` calls in Dask worker processes (``tests/corpus/test_dask.py``): a module
of its own, so that a worker imports only this to run it, not the test module and its imports."""

from __future__ import annotations

import hashlib
import os
from typing import Any

from govinfo_report.corpus import stream


def start(log: str) -> None:
    """Make every call of ``parse`` in this process append a line to ``log``: this process's
    id (a parse in a worker process it started for the time budget is its parse too) and the
    SHA-256 of the input."""
    original = stream.parse
    worker = os.getpid()

    def counting(source: Any, **options: Any) -> Any:
        data = source if isinstance(source, bytes) else str(source).encode()
        with open(log, "a", encoding="ascii") as handle:
            handle.write(f"{worker} {hashlib.sha256(data).hexdigest()}\n")
        return original(source, **options)

    counting.original = original  # type: ignore[attr-defined]
    stream.parse = counting


def stop() -> None:
    """Undo ``start``."""
    stream.parse = getattr(stream.parse, "original", stream.parse)
