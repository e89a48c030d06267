"""Scanned pages of a PDF read by OCR (the ``ocr`` extra), through the same path as the
pages with text: a page becomes characters with boxes and ruling lines, and
``pdf.page_text`` makes its tables and lines of them.

A scanned page is rendered with pdfium at ``DPI`` in grey and straightened
(``raster.straighten``); its ruling lines are found with OpenCV (``raster.ruling``) and
given, as edges, to ``ruling`` as a vector page's lines are; RapidOCR reads the page
(``ocr``) and its text boxes become positioned characters. Then every table cell that is
not a label is read a second time, from its own crop: its text stands only when the two
reads agree (else it is ``cells.UNREAD``), and a cell with no ink is blank, whatever the
page's OCR put in it.

OCR is slow (seconds a page), so only the pages that matter are read (``Scans``): page 1
(the title), every page with a ruled table, and the page before each of those (where the
heading of the table's section may be).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple

from .. import source
from ..cells import UNREAD
from . import ocr, pdf, raster
from .base import CellRead
from .pdfium import Box, Page
from .raster import Image

#: Rendering resolution (dots per inch) of a scanned page.
DPI = 200
#: A cell holding one of these is a label: read once, with the page.
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


class Prepared(NamedTuple):
    """A page image straightened, the angle it was turned by (degrees), its ruling lines,
    and its pixels a point."""

    image: Image
    angle: float
    lines: raster.Lines
    scale: float


def prepare(image: Image, scale: float) -> Prepared:
    """A page image (grey, ``scale`` pixels a point) straightened, its ruling lines found."""
    level, angle = raster.straighten(image)
    return Prepared(level, angle, raster.ruling(level, scale), scale)


def read_page(prepared: Prepared, number: int) -> pdf.PageText:
    """A prepared page image read as a page with text: its blocks, each table's cells that
    are not labels read twice (``pdf.Table.reads``)."""
    level, angle, lines, scale = prepared
    height, width = (side / scale for side in level.shape)
    engine = ocr.engine()
    chars = engine.page(level, scale)
    page = Page(number, width, height, chars, lines.edges, 0.0, len(chars), 0, frozenset())
    read = pdf.page_text(page)

    def second(box: Box) -> str | None:
        """The second read of a cell: the text of its crop, ``None`` when it has no ink."""
        found = raster.ink(level, lines.mask, box, scale)
        if found is None:
            return None
        return _plain(engine.crop(raster.crop(level, lines.mask, found, scale)))

    blocks = [
        _read_again(block, number, angle, (width, height), second)
        if isinstance(block, pdf.Table)
        else block
        for block in read.blocks
    ]
    return read._replace(blocks=blocks)


def _read_again(
    table: pdf.Table,
    number: int,
    angle: float,
    size: tuple[float, float],
    second: Callable[[Box], str | None],
) -> pdf.Table:
    """``table`` with every cell that is not a label read again (``second``, ``None`` for a
    cell with no ink): its text kept where both reads agree, ``UNREAD`` where they do not,
    blank where there is no ink; and the reads."""
    rows: list[list[str | None]] = []
    reads: list[list[CellRead | None]] = []
    for texts, boxes in zip(table.rows, table.boxes, strict=True):
        row: list[str | None] = []
        found: list[CellRead | None] = []
        for text, box in zip(texts, boxes, strict=True):
            if text is None or box is None or _HAN.search(text):
                row.append(text)
                found.append(None)
                continue
            first = _plain(text)
            again = second(box)
            if again is None and not first:
                row.append("")
                found.append(None)
                continue
            if again is not None and not first and _HAN.search(again):
                row.append(again)  # a label the page's OCR missed: read once, as labels are
                found.append(None)
                continue
            crop = again or ""
            row.append(first if first == crop else UNREAD * max(len(first), 1))
            found.append(CellRead(number, raster.unrotate(box, angle, size), first, crop))
        rows.append(row)
        reads.append(found)
    return table._replace(rows=rows, reads=reads)


def _plain(text: str) -> str:
    """A read as compared: folded as every text is (full-width digits), no white space."""
    return "".join(source.fold(text).split())


def render(document: Any, index: int) -> tuple[Image, float]:
    """Page ``index`` (from 0) of a ``pypdfium2.PdfDocument`` at ``DPI``, in grey, and its
    pixels a point."""
    scale = DPI / 72
    bitmap = document[index].render(scale=scale, grayscale=True)
    image = bitmap.to_numpy()
    if image.ndim == 3:  # pdfium gives grey as one channel; some builds give three
        image = image[:, :, 0]
    return image.copy(), scale


class Scans:
    """The scanned pages of a document as ``pdf.read`` meets them, read by OCR when they
    matter (page 1, a page with a ruled table, the page before one) and passed to ``add``;
    the others are passed to ``skip``. A page without a table is held (its image prepared)
    until the next page says whether it comes before one."""

    def __init__(
        self,
        data: bytes,
        add: Callable[[pdf.PageText], None],
        skip: Callable[[Page], None],
    ) -> None:
        import pypdfium2

        self.document = pypdfium2.PdfDocument(data)
        self.add = add
        self.skip = skip
        self.held: tuple[Page, Prepared] | None = None

    def page(self, page: Page) -> None:
        """Read (or hold, or skip) a scanned page."""
        prepared = prepare(*render(self.document, page.number - 1))
        has_table = bool(pdf.tables_of(prepared.lines.edges))
        if has_table and self.held is not None:
            self._read(*self.held)
            self.held = None
        self.flush()
        if page.number == 1 or has_table:
            self._read(page, prepared)
        else:
            self.held = (page, prepared)

    def flush(self) -> None:
        """Skip the held page: a page with text or the end of the document comes next."""
        if self.held is not None:
            self.skip(self.held[0])
            self.held = None

    def _read(self, page: Page, prepared: Prepared) -> None:
        read = read_page(prepared, page.number)
        self.add(read._replace(page=read.page._replace(width=page.width, height=page.height)))

    def close(self) -> None:
        self.flush()
        self.document.close()
