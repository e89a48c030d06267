"""What every reader of a document format gives: the document as text, and for a PDF whose
scanned pages were read by OCR, the two reads of each of their table cells."""

from __future__ import annotations

from contextvars import ContextVar
from typing import NamedTuple

import attrs

from ...diagnostics import Diagnostic
from .pdfium import Box


class CellRead(NamedTuple):
    """A table cell of a scanned page read twice from its own crop, two ways
    (``formats.scanned``): with room around its print, and cut closer.

    Attributes:
        page: the page (from 1).
        box: the cell on the page as it is in the document (before it was straightened).
        first, second: the two texts (white space left out).
        agreed: whether they agree (``formats.scanned.settle``); where they do not, the
            cell's text is unread (``cells.UNREAD``).
    """

    page: int
    box: Box
    first: str
    second: str
    agreed: bool


class PlacedRead(NamedTuple):
    """A ``CellRead`` and where its text is in the extracted text: line and column (from 1)."""

    line: int
    column: int
    read: CellRead


@attrs.frozen
class Scan:
    """What OCR read of a document: the pages it read, the scanned pages it left (no table
    on them), the reads of every table cell that is not a label (numbers, placeholders,
    cells it could not read), and the lines it read outside tables (once: a number there is
    no value)."""

    pages: tuple[int, ...]
    skipped: tuple[int, ...]
    cells: tuple[PlacedRead, ...]
    lines: tuple[int, ...] = ()


@attrs.frozen
class Extracted:
    """A document as text: paragraphs a line each, each table as tab-separated rows.

    Attributes:
        text: the text, lines separated by ``\\n``.
        encoding: how the document was read: the charset of an HTML page (``"str"`` for
            markup given as text), ``"docx"`` or ``"pdf"``.
        diagnostics: findings made while reading (an HTML page's wrong declaration).
        scan: for a PDF read with OCR that had scanned pages, what OCR read.
    """

    text: str
    encoding: str
    diagnostics: tuple[Diagnostic, ...] = ()
    scan: Scan | None = None


#: Whether a PDF of several pages (at most ``scanned.MOST_APART``) that has scanned pages is
#: read a page at a time: then ``scanned.Scans`` raises ``PagesApart`` at its first scanned
#: page (set by ``corpus.stream``'s workers, when there are several and OCR is on).
APART: ContextVar[bool] = ContextVar("APART", default=False)


class PagesApart(Exception):
    """Raised, while ``APART`` is set, at the first scanned page of a PDF (``data``,
    weighed already) of ``pages`` pages: its pages are to be read apart, by any process
    (``scanned.page_work``), then the document with them (``scanned.given``)."""

    def __init__(self, data: bytes, pages: int) -> None:
        super().__init__(f"a scanned document of {pages} pages, to be read a page at a time")
        self.data = data
        self.pages = pages
