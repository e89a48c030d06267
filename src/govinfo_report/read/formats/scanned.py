"""Scanned pages of a PDF read by OCR (the ``ocr`` extra), through the same path as the
pages with text: a page becomes characters with boxes and ruling lines, and
``pdf.page_text`` makes its tables and lines of them.

A scanned page is rendered with pdfium at ``DPI`` in grey and straightened
(``raster.straighten``); its ruling lines are found with OpenCV (``raster.ruling``) and
given, as edges, to ``ruling`` as a vector page's lines are; RapidOCR reads the page
(``ocr``) and its text boxes become positioned characters. Then every table cell that is
not a label is read a second time, from its own crop: its text stands only when the two
reads agree (else it is ``cells.UNREAD``), and a cell with no ink where the page's OCR read
nothing is blank, never 0 (with ink and nothing read, or read and no ink, it is unread).

OCR is slow (seconds a page), so only the pages that matter are read (``Scans``): page 1
(the title), every page with a ruled table, and the pages before and after each of those
(where the headings of the sections are).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple

from ...cells import UNREAD
from ...fold import fold
from . import ocr, pdf, raster
from .base import CellRead
from .pdfium import Box, Page
from .raster import Image

#: Rendering resolution (dots per inch) of a scanned page.
DPI = 200
#: What a speck of dirt beside a number is read as.
_SPECKS = ".·,"
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
    chars, text = engine.page(level, scale)
    edges = raster.closed(raster.clear_of(lines.edges, text))
    page = Page(number, width, height, chars, edges, 0.0, len(chars), 0, frozenset())
    read = pdf.page_text(page)

    def crop(box: Box) -> Callable[[int], str] | None:
        """The reader of a cell's crop (by view: as is, enlarged), ``None`` when the cell
        has no ink."""
        found = raster.ink(level, lines.mask, box, scale)
        if found is None:
            return None
        return lambda view: _plain(
            engine.crop(raster.crop(level, lines.mask, found, scale, enlarged=bool(view)))
        )

    blocks = [
        _read_again(block, number, angle, (width, height), crop)
        if isinstance(block, pdf.Table)
        else block._replace(ocr=True)
        for block in read.blocks
    ]
    return read._replace(blocks=blocks)


def _read_again(
    table: pdf.Table,
    number: int,
    angle: float,
    size: tuple[float, float],
    crop: Callable[[Box], Callable[[int], str] | None],
) -> pdf.Table:
    """``table`` with every cell that is not a label read again (``crop`` gives a cell's
    reader of its crop, ``None`` when it has no ink): its text kept where the reads agree
    (``settle``), ``UNREAD`` where they do not, blank where there is no ink; and the reads."""
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
            reader = crop(box)
            if reader is None and not first:
                row.append("")
                found.append(None)
                continue
            again, agreed = settle(first, reader)
            if agreed is None and not first and _HAN.search(again):
                row.append(again)  # a label the page's OCR missed: read once, as labels are
                found.append(None)
                continue
            row.append(agreed if agreed is not None else UNREAD * max(len(first), 1))
            box = raster.unrotate(box, angle, size)
            found.append(CellRead(number, box, first, again, agreed is not None))
        rows.append(row)
        reads.append(found)
    return table._replace(rows=rows, reads=reads)


def settle(first: str, reader: Callable[[int], str] | None) -> tuple[str, str | None]:
    """The crop's read of a cell the page's OCR read as ``first`` (``reader(view)``: the
    crop read as is, view 0, or enlarged, view 1; ``None``: the cell has no ink), and the
    text both give (``None``: they do not agree).

    A dot at either end of ``first`` that the crop, whose specks of ink are left out, does
    not show is a speck. When one read found nothing (the page's detector passed the cell
    by, or the recogniser gave nothing for the crop), the crop is read again enlarged, and
    a text stands when that read agrees with the one that found something."""
    if reader is None:
        return "", None
    again = reader(0)
    if _same(first, again):
        return again, again
    if first and again:
        return again, None
    enlarged = reader(1)
    known = first or again
    return (enlarged, enlarged) if _same(known, enlarged) else (again, None)


def _same(page: str, crop: str) -> bool:
    return bool(crop) and (page == crop or page.strip(_SPECKS) == crop)


def _plain(text: str) -> str:
    """A read as compared: folded as every text is (full-width digits), no white space."""
    return "".join(fold(text).split())


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
    matter and passed to ``add``: page 1 (the title), each page with a ruled table, and the
    pages before and after one (the headings of the sections whose tables they hold, and of
    五 and 六, are there); the others are passed to ``skip``. A page without a table is held
    (its image prepared) until the next page says whether it comes before one."""

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
        self.after = False  # the page before had a table

    def page(self, page: Page) -> None:
        """Read (or hold, or skip) a scanned page."""
        prepared = prepare(*render(self.document, page.number - 1))
        has_table = bool(pdf.tables_of(raster.closed(prepared.lines.edges)))
        after = self.after
        if has_table and self.held is not None:
            self._read(*self.held)
            self.held = None
        self.flush()
        if page.number == 1 or has_table or after:
            self._read(page, prepared)
        else:
            self.held = (page, prepared)
        self.after = has_table

    def flush(self) -> None:
        """Skip the held page: a page with text or the end of the document comes next."""
        if self.held is not None:
            self.skip(self.held[0])
            self.held = None
        self.after = False

    def _read(self, page: Page, prepared: Prepared) -> None:
        read = read_page(prepared, page.number)
        self.add(read._replace(page=read.page._replace(width=page.width, height=page.height)))

    def close(self) -> None:
        self.flush()
        self.document.close()


def crops(data: bytes, boxes: dict[str, tuple[int, Box]]) -> dict[str, bytes]:
    """Each box of ``boxes`` (a key's page, from 1, and box on it as scanned) cut from the
    PDF ``data`` as a PNG image, with a little of the page around it."""
    import pypdfium2

    found: dict[str, bytes] = {}
    with pdf.PDFIUM:
        document = pypdfium2.PdfDocument(data)
        try:
            for number in sorted({page for page, _ in boxes.values()}):
                image, scale = render(document, number - 1)
                for key, (page, box) in boxes.items():
                    if page == number:
                        found[key] = raster.png(image, box, scale)
        finally:
            document.close()
    return found
