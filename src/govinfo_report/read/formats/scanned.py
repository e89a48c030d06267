"""Scanned pages of a PDF read by OCR (the ``ocr`` extra), through the same path as the
pages with text: a page becomes characters with boxes and ruling lines, and
``pdf.page_text`` makes its tables and lines of them.

A scanned page is rendered with pdfium at ``DPI`` in grey and straightened
(``raster.straighten``); its ruling lines are found with OpenCV (``raster.ruling``) and
given, as edges, to ``ruling`` as a vector page's lines are. The page is read the way a
person reads a form: where the lines draw a table, each cell is read from its own crop,
the crops of a page in one batch through the recogniser and no detection (a cell of
several lines is read by detection of that cell alone); detection runs only on the parts of
the page outside the tables, and the lines it finds there are read whole except in
sections 一 and 五, whose text no value of the report depends on: there each line is read
from its start only, to find the next heading (``Prose``). Then every table
cell that is not a label is read a second time, its crop cut closer: its text stands only
when the two reads agree (else it is ``cells.UNREAD``), and a cell with no ink is blank,
never 0. The two reads are the crop at two scales (``raster.crop``'s views), the second
with the other cells of its row as one line, and alone where that differs from the first;
the first read of a row's numbers is one line too (``cell_chars``).

OCR is slow (seconds a page), so only the pages that matter are read (``Scans``): page 1
(the title), every page with a ruled table, and the pages before and after each of those
(where the headings of the sections are).
"""

from __future__ import annotations

import contextlib
import pickle
import re
import zlib
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from ...cells import UNREAD
from ...fold import fold
from ...labels import SECTION_KEYWORDS, SECTION_NUMERALS
from . import ocr, pdf, pdfium, raster, ruling
from .base import APART, CellRead, PagesApart
from .pdfium import Box, Char, Edge, Page
from .raster import Image

#: Rendering resolution (dots per inch) of a scanned page.
DPI = 200
#: A cell whose ink is at most this high (points) is one line of print, read from its
#: crop; a taller one is read by detection (body text is at most 16 points, two lines of
#: the smallest print a report uses are taller).
LINE = 20.0
#: Print in a table's cell keeps at least this far (points) from its sides (``_ruled``).
CLEAR = 0.5
#: A cell's ink at most this many times as wide as it is high is a number's, or a short
#: label's: read first with its row's (``cell_chars``); a wider one is read alone.
SHORT = 6.0
#: What a first read with its row keeps: a number (folded), its separators inside.
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
#: What a speck of dirt beside a number is read as.
_SPECKS = ".·,"
#: A cell holding one of these is a label: read once.
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


#: A line of prose is first read from its start, this many times its height wide: a
#: heading's numeral, its mark and a character of its title.
HEAD = 3.0
#: The start of a section's heading: its numeral and the mark after it (folded).
_HEAD = re.compile(r"\s*[" + "".join(SECTION_NUMERALS) + r"]\s*[、.,:]")
#: The sections whose text is not read, only their headings: 一 (总体情况, the report's
#: overview) and 五 (存在的主要问题及改进情况, its problems), prose that no value of the
#: report depends on and most of a scanned report's text.
UNREAD_SECTIONS = frozenset({1, 5})
#: The height (points) of the ink of a line of the smallest print of a report's prose (10.5
#: points): detection's measure of a part of a page whose lines ``raster.line_height``
#: cannot measure (a page number alone).
SMALL_PRINT = 9.5


class Prose:
    """Where the reading of a document's prose stands: whether its lines are read whole
    (the title and the preamble with its period sentence, sections 二, 三, 四 and 六
    outside their ruled tables, the signature) or, in a section of ``UNREAD_SECTIONS``,
    only from their starts, to find the next section's heading among them."""

    def __init__(self, whole: bool = True) -> None:
        self.whole = whole

    def keeps(self, text: str) -> bool:
        """Whether a line read whole is kept: any line while lines are read whole, else a
        section's heading only. A section's heading sets how the lines after it are read."""
        named = _sections(text)
        kept = self.whole or bool(named)
        if named:
            self.whole = UNREAD_SECTIONS.isdisjoint(named)
        return kept


def _sections(text: str) -> list[int]:
    """The sections a line read whole (folded) is the heading of: a numeral, its mark and
    a section's keyword (none: not a heading)."""
    if not _HEAD.match(text):
        return []
    return [n for n, words in SECTION_KEYWORDS.items() if any(w in text for w in words)]


def read_page(prepared: Prepared, number: int, prose: Prose | None = None) -> pdf.PageText:
    """A prepared page image read as a page with text: each cell of its ruled tables read
    from its own crop (``cell_chars``), the lines of the rest of the page that ``prose``
    (where the document's reading stands) reads by detection and recognition
    (``prose_chars``), then each table's cells that are not labels read a second time
    (``pdf.Table.reads``)."""
    level, angle, lines, scale = prepared
    height, width = (side / scale for side in level.shape)
    grids, inks, strokes = tables(prepared)
    chars = cell_chars(prepared, inks)
    others, text = prose_chars(
        prepared, outside(grids, width, height), [grid.box for grid in grids], prose or Prose()
    )
    edges = raster.closed(raster.clear_of(_outside(lines.edges, strokes), text))
    every = [*chars, *others]
    page = Page(number, width, height, every, edges, 0.0, len(every), 0, frozenset())
    read = pdf.page_text(page)
    for box in {
        box for block in read.blocks if isinstance(block, pdf.Table) for box in _all(block.boxes)
    }:
        if box not in inks:  # a table that the text's boxes changed: its cells' ink
            inks[box] = raster.ink(level, lines.mask, box, scale)
    again = second_reads(prepared, read, inks)

    def crop(box: Box) -> Callable[[int], str] | None:
        """The reader of a cell's crop by view (0: cut closer, read in ``again``; 1: with
        more room, enlarged), ``None`` when the cell has no ink."""
        found = inks[box]
        if found is None:
            return None
        return lambda view: (
            again[box]
            if view == 0
            else _plain(
                ocr.engine().lines([raster.crop(level, lines.mask, found, scale, view=2)])[0]
            )
        )

    blocks = [
        _read_again(block, number, angle, (width, height), crop)
        if isinstance(block, pdf.Table)
        else block._replace(ocr=True)
        for block in read.blocks
    ]
    return read._replace(blocks=blocks)


def has_tables(prepared: Prepared) -> bool:
    """Whether a page's ruling lines draw a grid (a table, or the strokes of large print)."""
    return bool(pdf.tables_of(raster.closed(prepared.lines.edges)))


def tables(
    prepared: Prepared,
) -> tuple[list[ruling.Grid], dict[Box, Box | None], list[Box]]:
    """The grids of a page's ruling lines that are tables (``_ruled``), the box of ink of
    each of their cells (``None`` where a cell has none), and the boxes of the other grids
    (strokes of large print)."""
    level, _, lines, scale = prepared
    inks: dict[Box, Box | None] = {}
    grids = []
    strokes = []
    for grid in pdf.tables_of(raster.closed(lines.edges)) or []:
        cells = {cell: raster.ink(level, lines.mask, cell, scale) for cell in grid.cells}
        if _ruled(cells):
            grids.append(grid)
            inks.update(cells)
        else:
            strokes.append(grid.box)
    return grids, inks, strokes


def _outside(edges: list[Edge], boxes: list[Box]) -> list[Edge]:
    """``edges`` less those inside one of ``boxes`` (a point of play each side)."""
    return [edge for edge in edges if not any(_inside(edge, box) for box in boxes)]


def _inside(edge: Edge, box: Box) -> bool:
    x0, top, x1, bottom = box
    (low, high), (first, last) = ((x0, x1), (top, bottom))[:: 1 if edge.orientation == "h" else -1]
    return first - 1 <= edge.position <= last + 1 and low - 1 <= edge.start and edge.end <= high + 1


def second_reads(
    prepared: Prepared, read: pdf.PageText, inks: dict[Box, Box | None]
) -> dict[Box, str]:
    """The second read of each cell with ink of ``read``'s tables that is not a label: its
    crop cut closer, its print larger (``raster.crop``'s view 1), a row's such cells read
    as one line (``by_rows``); a cell whose text there is not its first read's is read
    alone."""
    level, _, lines, scale = prepared
    first: dict[Box, str] = {}
    rows: list[list[tuple[Box, Image]]] = []
    for block in read.blocks:
        if not isinstance(block, pdf.Table):
            continue
        for texts, boxes in zip(block.rows, block.boxes, strict=True):
            row = []
            for text, box in zip(texts, boxes, strict=True):
                if text is None or box is None or _HAN.search(text):
                    continue
                if (found := inks[box]) is not None:
                    first[box] = _plain(text)
                    row.append((box, raster.crop(level, lines.mask, found, scale, view=1)))
            rows.append(row)
    again = by_rows(rows, lambda box, text: _same(first[box], _plain(text)))
    return {box: _plain(text) for box, text in again.items()}


def by_rows(
    rows: list[list[tuple[Box, Image]]], keeps: Callable[[Box, str], bool]
) -> dict[Box, str]:
    """The text of each cell's crop of ``rows``, a row's crops read together as one line
    (``ocr.Engine.row``: a crop costs its width, not the recogniser's least width, and a
    row one run); a cell whose text there ``keeps`` refuses, or whose row's line does not
    split into its crops, is read alone."""
    engine = ocr.engine()
    found: dict[Box, str] = {}
    alone: list[tuple[Box, Image]] = []
    for row in rows:
        texts = engine.row([image for _, image in row])
        for index, (box, image) in enumerate(row):
            if texts is not None and keeps(box, texts[index]):
                found[box] = texts[index]
            else:
                alone.append((box, image))
    texts = engine.lines([image for _, image in alone])
    found.update((box, text) for (box, _), text in zip(alone, texts, strict=True))
    return found


def _all(boxes: list[list[Box | None]]) -> list[Box]:
    return [box for row in boxes for box in row if box is not None]


def cell_chars(prepared: Prepared, inks: dict[Box, Box | None]) -> list[Char]:
    """The characters of the tables' cells (``inks``: each cell's box of ink, ``None``
    where it has none): a cell whose ink is one line high is read from its crop, its
    characters spread over its ink, and a taller one (a label of several lines) by
    detection and recognition of its own part of the page. A cell of one line whose ink is
    at most ``SHORT`` times as wide as high (a number's) is read with the others of its
    row as one line (``by_rows``), and alone when it reads there as no number does (a
    label, a dash, a letter, nothing): what is not a number is read as before, alone."""
    level, _, lines, scale = prepared
    single = {c: box for c, box in inks.items() if box is not None and box[3] - box[1] <= LINE}
    crops = {cell: raster.crop(level, lines.mask, ink, scale) for cell, ink in single.items()}
    rows: dict[float, list[tuple[Box, Image]]] = {}
    wide = []
    for cell, (x0, top, x1, bottom) in sorted(single.items()):
        if x1 - x0 <= SHORT * (bottom - top):
            rows.setdefault(cell[1], []).append((cell, crops[cell]))
        else:
            wide.append(cell)
    texts = by_rows(list(rows.values()), lambda _, text: bool(_NUMBER.fullmatch(_plain(text))))
    texts.update(zip(wide, ocr.engine().lines([crops[cell] for cell in wide]), strict=True))
    chars = [char for cell, ink in single.items() for char in _spread(texts[cell], ink)]
    tall = [cell for cell, box in inks.items() if box is not None and box[3] - box[1] > LINE]
    chars.extend(region_chars(prepared, tall))
    return chars


def region_chars(prepared: Prepared, cells: list[Box]) -> list[Char]:
    """The characters that detection and recognition read in each of ``cells`` that has
    ink (cells of several lines), in the page's points, the ruling lines painted over."""
    level, _, lines, scale = prepared
    engine = ocr.engine()
    chars: list[Char] = []
    for cell in cells:
        if raster.ink(level, lines.mask, cell, scale) is None:
            continue
        image, left, top = raster.region(level, lines.mask, cell, scale, [])
        chars.extend(_moved(c, left, top) for c in engine.page(image, scale))
    return chars


def prose_chars(
    prepared: Prepared, regions: list[Box], covered: list[Box], prose: Prose
) -> tuple[list[Char], list[Box]]:
    """The characters of the lines of ``regions`` (the parts of a page outside its tables,
    the parts in ``covered`` painted over) that ``prose`` reads whole, and the boxes of all
    their lines, in the page's points. Each line that detection finds is read whole where
    ``prose`` reads every line, else from its start (``HEAD``), and then whole only when
    that starts as a heading does (kept when it is a section's); a line read whole has its
    characters spread over its box."""
    level, _, lines, scale = prepared
    engine = ocr.engine()
    chars: list[Char] = []
    boxes: list[Box] = []
    for region in regions:
        if raster.ink(level, lines.mask, region, scale) is None:
            continue
        image, left, top = raster.region(level, None, region, scale, covered)
        line = raster.line_height(image, scale) or SMALL_PRINT
        for found in engine.boxes(image, line * scale):
            x0, y0, x1, y1 = (side / scale for side in found)
            box = (x0 + left, y0 + top, x1 + left, y1 + top)
            boxes.append(box)
            if not prose.whole:
                head = engine.lines([raster.line_start(image, found, HEAD)])[0]
                if not _HEAD.match(fold(head)):
                    continue
            text = engine.lines([raster.line_start(image, found, None)])[0]
            if prose.keeps(fold(text)):
                chars.extend(_spread(text, box))
    return chars, boxes


def _moved(char: Char, left: float, top: float) -> Char:
    return char._replace(
        x0=char.x0 + left, top=char.top + top, x1=char.x1 + left, bottom=char.bottom + top
    )


def outside(grids: list[ruling.Grid], width: float, height: float) -> list[Box]:
    """The parts of a page of ``width`` by ``height`` points that no table of ``grids``
    covers: the bands across the page above, between and below the tables, and the parts
    beside each table."""
    regions: list[Box] = []
    top = 0.0
    for x0, upper, x1, lower in sorted((grid.box for grid in grids), key=lambda b: b[1]):
        if upper > top:
            regions.append((0.0, top, width, upper))
        regions.extend([(0.0, upper, x0, lower), (x1, upper, width, lower)])
        top = max(top, lower)
    if top < height:
        regions.append((0.0, top, width, height))
    return [r for r in regions if r[2] - r[0] > 1 and r[3] - r[1] > 1]


def _ruled(inks: dict[Box, Box | None]) -> bool:
    """Whether a grid's cells (each with its box of ink, ``None`` where it has none) are a
    table's: print keeps clear of the ruling lines, so that in most cells that have ink it
    touches no side; the grid that the strokes of a large title make has its ink running
    into the strokes that drew it."""
    inked = [(cell, ink) for cell, ink in inks.items() if ink is not None]
    touching = sum(
        min(ink[0] - cell[0], ink[1] - cell[1], cell[2] - ink[2], cell[3] - ink[3])
        < raster.BORDER + CLEAR
        for cell, ink in inked
    )
    return 2 * touching <= len(inked)


def _spread(text: str, box: Box) -> list[Char]:
    """The characters of a line read from a crop, spread evenly over its ink ``box``."""
    printed = [c for c in text if not c.isspace()]
    x0, top, x1, bottom = box
    step = (x1 - x0) / max(len(printed), 1)
    return [Char(c, x0 + k * step, top, x0 + (k + 1) * step, bottom) for k, c in enumerate(printed)]


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
                row.append(again)  # a label the first read missed: read once, as labels are
                found.append(None)
                continue
            row.append(agreed if agreed is not None else UNREAD * max(len(first), 1))
            box = raster.unrotate(box, angle, size)
            found.append(CellRead(number, box, first, again, agreed is not None))
        rows.append(row)
        reads.append(found)
    return table._replace(rows=rows, reads=reads)


def settle(first: str, reader: Callable[[int], str] | None) -> tuple[str, str | None]:
    """The second read of a cell first read as ``first`` (``reader(view)``: its crop cut
    closer, view 0, or with more room and enlarged, view 1; ``None``: the cell has no
    ink), and the text both give (``None``: they do not agree).

    A dot at either end of ``first`` that the crop, whose specks of ink are left out, does
    not show is a speck. When one read found nothing, the crop is read a third way, and a
    text stands when that read agrees with the one that found something."""
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
    (its image prepared) until the next page says whether it comes before one. While
    ``APART`` is set, a document of several pages raises ``PagesApart`` instead; within
    ``given``, a page read apart is neither rendered nor prepared again, nor its reads made
    again."""

    def __init__(
        self,
        data: bytes,
        add: Callable[[pdf.PageText], None],
        skip: Callable[[Page], None],
    ) -> None:
        import pypdfium2

        self.document = pypdfium2.PdfDocument(data)
        if APART.get() and 1 < (count := len(self.document)) <= MOST_APART:
            self.document.close()
            raise PagesApart(data, count)
        self.given = dict(_GIVEN)
        self.add = add
        self.skip = skip
        self.held: tuple[Page, Prepared | PageWork] | None = None
        self.after = False  # the page before had a table
        self.prose = Prose()

    def page(self, page: Page) -> None:
        """Read (or hold, or skip) a scanned page."""
        work = self.given.pop(page.number, None)
        if work is None:
            image = prepare(*render(self.document, page.number - 1))
            prepared: Prepared | PageWork = image
            has_table = has_tables(image)
        else:
            prepared, has_table = work, work.table
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

    def _read(self, page: Page, prepared: Prepared | PageWork) -> None:
        """Read a page (``prepared``: its image, or its reading apart, whose read stands when
        its prose started as it starts here)."""
        if not isinstance(prepared, PageWork):
            read = read_page(prepared, page.number, self.prose)
        elif prepared.start == self.prose.whole:
            read, self.prose.whole = prepared.read, prepared.end
        else:
            read = read_page(prepared.unpack(), page.number, self.prose)
        self.add(read._replace(page=read.page._replace(width=page.width, height=page.height)))

    def close(self) -> None:
        self.flush()
        self.document.close()


class PageWork(NamedTuple):
    """A scanned page read apart from its document (``page_work``): its image prepared
    (pickled and compressed: a page's image and ruling mask are 7.7 MB, 0.4-1 MB so),
    whether it has a ruled table, how its prose was read at its start (whole or not,
    ``Prose``) and its read so, how its prose is read at its end, and every OCR read made of
    it (``ocr.kept``)."""

    packed: bytes
    table: bool
    start: bool
    read: pdf.PageText
    end: bool
    reads: dict[tuple[Any, ...], Any]

    def unpack(self) -> Prepared:
        prepared: Prepared = pickle.loads(zlib.decompress(self.packed))
        return prepared


#: The most pages a document read a page at a time has (``APART``): the process that reads
#: it with its pages holds each page's reading (``PageWork``, 0.4-1 MB, most of it the
#: page's image, compressed), within 100 MB.
MOST_APART = 100
#: The pages of the document being read that were read apart (``given``), by number.
_GIVEN: dict[int, PageWork] = {}


@contextlib.contextmanager
def given(works: dict[int, PageWork | None]) -> Iterator[None]:
    """While it runs, the scanned pages of ``works`` (by number; ``None``: a page that is no
    scan) are not rendered and prepared again, and their reads are not made again: the
    document is read as it would be alone, with the same results."""
    global _GIVEN
    pages = {number: work for number, work in works.items() if work is not None}
    reads: dict[tuple[Any, ...], Any] = {}
    for work in pages.values():
        reads.update(work.reads)
    before, _GIVEN = _GIVEN, pages
    try:
        with ocr.kept(reads):
            yield
    finally:
        _GIVEN = before


def page_work(data: bytes, number: int) -> PageWork | None:
    """Page ``number`` (from 1) of the PDF ``data`` (weighed already: ``PagesApart``) read
    apart from the pages before it, as far as it can be: rendered and prepared, then read
    (``read_page``) with its OCR reads kept, its prose read from its lines' starts where it
    is not page 1 (where a report starts, read whole): a page's tables, the parts of it
    outside them, its lines' starts and its headings depend on the page alone, and the
    lines its document reads whole beyond those are read with the document (``given``).
    ``None`` when the page is no scan."""
    import pypdfium2

    with pdf.PDFIUM:
        (page,) = pdfium.pages(data, number)
        if not pdf.is_scan(page):
            return None
        document = pypdfium2.PdfDocument(data)
        try:
            prepared = prepare(*render(document, number - 1))
        finally:
            document.close()
    prose = Prose(whole=number == 1)
    with ocr.kept({}) as reads:
        read = read_page(prepared, number, prose)
    packed = zlib.compress(pickle.dumps(prepared, protocol=pickle.HIGHEST_PROTOCOL), 1)
    return PageWork(packed, has_tables(prepared), number == 1, read, prose.whole, reads)


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
