"""Documents that are not plain text: HTML pages, Word (``.docx``) and PDF files, each read
by its optional library (the ``html``, ``docx`` and ``pdf`` extras, imported only when such
a document is read) into text the parser reads: paragraphs a line each, each table as the
lines of the ``tab-separated`` layout (``tables``). See ``docs/formats.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath
from typing import TYPE_CHECKING

from ...errors import MissingDependencyError
from ...limits import MAX_BYTES
from .. import bounded, weighing
from . import docx, html, pdf
from .base import CellRead, Extracted, PlacedRead, Scan

if TYPE_CHECKING:
    from .scanned import Scans

__all__ = [
    "READERS",
    "SUFFIXES",
    "CellRead",
    "Extracted",
    "PlacedRead",
    "Scan",
    "check",
    "extract",
    "kind_of",
    "read",
]

#: format -> its reader.
READERS: dict[str, Callable[[bytes], Extracted]] = {
    "html": html.read,
    "docx": docx.read,
    "pdf": pdf.read,
}
#: Formats that are zip archives of parts, which their readers inflate whole.
ZIPPED = frozenset({"docx"})
#: file suffix (lower case) -> format.
SUFFIXES: dict[str, str] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}


def check(kind: str | None) -> None:
    """Raise ``ValueError`` unless ``kind`` is ``None``, ``"text"`` or a format of
    ``READERS``."""
    if kind is not None and kind != "text" and kind not in READERS:
        raise ValueError(f"unknown format {kind!r}: one of text, {', '.join(READERS)}")


def kind_of(name: str) -> str | None:
    """The format of a file named ``name`` by its suffix, ``None`` for text."""
    return SUFFIXES.get(PurePath(name).suffix.lower())


def read(
    data: bytes, kind: str, *, max_bytes: int | None = MAX_BYTES, ocr: bool = False
) -> Extracted:
    """The document ``data`` in format ``kind`` as text, with how it was read; with ``ocr``,
    the scanned pages of a PDF are read by OCR (other formats have none).

    Raises:
        ValueError: ``kind`` is not a format of ``READERS``.
        MissingDependencyError: the format's extra is not installed.
        ParseError: the document is empty (``empty-input``), cannot be read
            (``unreadable``), is an HTML page in no known encoding (``not-text``), or is a
            Word file whose parts, or a PDF file whose streams, would inflate past
            ``max_bytes`` (a Word part also as a zip bomb's does; ``too-large``).
    """
    check(kind)
    if kind in ZIPPED:
        bounded.check_zipped(data, f"the {kind} document", max_bytes)
    elif kind == "pdf":
        weighing.check_pdf(data, "the pdf document", max_bytes)
        return pdf.read(data, ocr=_scans if ocr else None)
    return READERS[kind](data)


def extract(data: bytes, kind: str) -> str:
    """The document ``data`` in format ``kind`` as text: paragraphs a line each, each table
    as tab-separated rows (raises as ``read``)."""
    return read(data, kind).text


def _scans() -> type[Scans]:
    """``scanned.Scans``, whose libraries (the ``ocr`` extra) are imported only now."""
    try:
        from .scanned import Scans
    except ImportError as error:
        raise MissingDependencyError(
            f"{error.name} is not installed: reading scanned pages needs the ocr extra "
            "(pip install 'govinfo-report[ocr]')"
        ) from None
    return Scans
