"""PDF files (the ``pdf`` extra: pdfplumber): page by page, the tables pdfplumber finds from
their ruling lines as tab-separated rows, and the text outside them as lines, in order of
their position down the page."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from ..errors import MissingDependencyError, ParseError
from . import tables
from .base import Extracted

if TYPE_CHECKING:
    from pdfplumber.page import Page

Box = tuple[float, float, float, float]


def read(data: bytes) -> Extracted:
    """The text of a PDF file's pages.

    Raises:
        MissingDependencyError: pdfplumber is not installed.
        ParseError: the file is empty (``empty-input``) or not a readable PDF
            (``unreadable``: damaged, encrypted, not a PDF at all).
    """
    try:
        import pdfplumber
    except ImportError:
        raise MissingDependencyError(
            "pdfplumber is not installed: PDF files need the pdf extra "
            "(pip install 'govinfo-report[pdf]')"
        ) from None
    if not data.strip():
        raise ParseError("the input is empty", code="empty-input")
    lines: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as document:
            for page in document.pages:
                lines.extend(_page(page))
    # pdfminer fails on a broken file anywhere (syntax, streams, fonts, encryption), each
    # time with its own exception; all of them mean the same to the caller.
    except Exception as error:
        reason = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        raise ParseError(f"not a readable PDF document: {reason}", code="unreadable") from None
    return Extracted("\n".join(lines), "pdf")


def _page(page: Page) -> list[str]:
    """A page's lines: its text lines and its tables' rows, top to bottom."""
    page = page.crop(page.bbox)
    found = page.find_tables()
    boxes: list[Box] = [table.bbox for table in found]
    text = page.filter(lambda obj: not _inside(obj, boxes)) if boxes else page
    placed: list[tuple[float, list[str]]] = [
        (line["top"], [line["text"]]) for line in text.extract_text_lines()
    ]
    placed.extend(
        (
            table.bbox[1],
            tables.tab_lines([[_cell(cell) for cell in row] for row in table.extract()]),
        )
        for table in found
    )
    placed.sort(key=lambda item: item[0])
    return [line for _, lines in placed for line in lines]


def _inside(obj: dict[str, Any], boxes: list[Box]) -> bool:
    """Whether a character's centre lies in one of ``boxes`` (other objects: never)."""
    if obj.get("object_type") != "char":
        return False
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(left <= x <= right and top <= y <= bottom for left, top, right, bottom in boxes)


def _cell(text: str | None) -> str:
    """A cell's text on one line (``None``, a position a merged cell covers: empty); its
    lines are joined with no separator, as Chinese wraps."""
    return "".join(text.splitlines()) if text else ""
