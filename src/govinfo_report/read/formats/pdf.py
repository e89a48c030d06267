"""PDF files (the ``pdf`` extra: pypdfium2): page by page, the tables that ruling lines draw
as tab-separated rows and the text outside them as lines, in order down the page.

pdfium gives each page's characters and ruling lines (``pdfium``); the tables are found
from the lines as pdfplumber finds them (``ruling``) and each cell's characters become its
text (``positioned``). A table that runs on at the top of the next page is one table: the
page footer and header between its parts go after it, and a header repeated on the new page
is left out. A page with no ruled table keeps its lines' columns as runs of spaces, for the
``space-aligned`` layout. Scanned pages, password-protected files and fonts without a real
Unicode map are told apart (``no-text-layer``, ``encrypted``, ``private-use-text``).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from typing import NamedTuple, Protocol, TypeVar

from ...diagnostics import Diagnostic, diagnostic
from ...errors import ParseError
from . import pdfium, positioned, ruling, tables
from .base import CellRead, Extracted, PlacedRead, Scan
from .pdfium import Box, Char, Edge, Page

#: Text lines in this share of the page's height at its top or bottom are its header or
#: footer: between the parts of a table running on to the next page, they go after it.
MARGIN = 0.15
#: Lines at most between the two parts of a table that runs on to the next page.
MAX_BETWEEN = 4
#: How far apart (points) the columns of two parts of one table may be.
ALIGNED = 3.0
#: A page whose images cover this share of it and that has fewer printed characters than
#: ``SCAN_TEXT`` (a page number, a stamp) is a scanned page.
SCAN_COVER = 0.5
SCAN_TEXT = 20
#: A page's text with more of its characters private-use than this share is unreadable.
MAX_PRIVATE_SHARE = 0.5

#: How to read scanned pages, as errors and diagnostics say it.
OCR_HINT = (
    "gr.parse(path, ocr=True), or govinfo-report parse --ocr (the ocr extra: "
    "pip install 'govinfo-report[ocr]')"
)

#: pdfium is not thread-safe (threads reading PDFs at once crash it): one PDF at a time is
#: read in a process; several at once need processes, as ``gr.iter_parse(..., jobs=N)`` runs.
PDFIUM = threading.Lock()

#: A line of a page with no ruled table looks like a table's row when it has three cells
#: or more apart by two spaces or more, one of them a number.
_CELL_GAP = re.compile(r" {2,}")
_NUMBER = re.compile(r"[-+]?\d[\d,.]*")


class Table(NamedTuple):
    """A table of a page: its box, the left side of each column, its rows of cell texts
    (``None`` where a merged cell covers the position) and the boxes of those cells; on a
    scanned page, the two reads of each cell that is not a label (``None`` elsewhere)."""

    box: Box
    lefts: tuple[float, ...]
    rows: list[list[str | None]]
    boxes: list[list[Box | None]]
    reads: list[list[CellRead | None]] | None = None


class Line(NamedTuple):
    """A line of text of a page, its top and bottom, and whether OCR read it (once)."""

    text: str
    top: float
    bottom: float
    ocr: bool = False


Block = Line | Table
T = TypeVar("T")


class PageText(NamedTuple):
    """A page read: its lines and tables top to bottom, and what was seen on it."""

    page: Page
    blocks: list[Block]
    #: lines that look like the rows of a table drawn without ruling lines
    unruled_rows: int
    #: the ruling lines cross too often to be searched for tables (``ruling.MAX_CROSSINGS``)
    dense: bool


class ScanReader(Protocol):
    """What reads a document's scanned pages as ``read`` meets them (``scanned.Scans``)."""

    def page(self, page: Page) -> None:
        """Read (or hold, or skip) a scanned page."""

    def flush(self) -> None:
        """A page with text or the end of the document comes next."""

    def close(self) -> None:
        """The document is read."""


#: What opens a ``ScanReader`` over a document's bytes, given where a page read goes and
#: where a page skipped goes (``scanned.Scans`` itself).
OpenScans = Callable[[bytes, Callable[[PageText], None], Callable[[Page], None]], ScanReader]


def read(data: bytes, ocr: Callable[[], OpenScans] | None = None) -> Extracted:
    """The text of a PDF file's pages; with ``ocr`` (what gives ``scanned.Scans``, called at
    the first scanned page), scanned pages are read by OCR, the others as always.

    Raises:
        MissingDependencyError: pypdfium2 is not installed; with ``ocr``, a scanned page
            met and the ``ocr`` extra not installed.
        ParseError: the file is empty (``empty-input``), not a readable PDF
            (``unreadable``), needs a password (``encrypted``), has no text on any page
            but images (``no-text-layer``: a scan, read without ``ocr``), or its text is
            mostly in private-use code points (``private-use-text``).
    """
    if not data.strip():
        raise ParseError("the input is empty", code="empty-input")
    writer = _Writer(ocr is not None)
    with PDFIUM:
        scans = None
        try:
            for page in pdfium.pages(data):
                if ocr is not None and is_scan(page):
                    if scans is None:
                        scans = ocr()(data, partial(writer.add, ocr=True), writer.skip)
                    scans.page(page)
                    continue
                if scans is not None:
                    scans.flush()
                writer.add(page_text(page))
        finally:
            if scans is not None:
                scans.close()
    return writer.finish()


def is_scan(page: Page) -> bool:
    """Whether a page is a scan: images cover ``SCAN_COVER`` of it and it prints fewer than
    ``SCAN_TEXT`` characters."""
    return page.images >= SCAN_COVER and page.printed < SCAN_TEXT


def page_text(page: Page) -> PageText:
    """A page's tables (found from its ruling lines) and the lines of text outside them,
    top to bottom.

    Characters inside a table but in none of its cells (a side of a cell left undrawn, as
    some producers do where a table crosses a page break) are found again with the table's
    frame closed (its box's sides taken as lines too), and those still in no cell are read
    as text outside the tables: no character is lost.
    """
    grids = tables_of(page.edges)
    dense = grids is None
    grids = grids or []
    inside, outside, stray = _assign(grids, page.chars)
    if stray:
        frames = [
            Edge(orientation, position, start, end)
            for x0, top, x1, bottom in (grid.box for grid in grids)
            for orientation, position, start, end in (
                ("h", top, x0, x1),
                ("h", bottom, x0, x1),
                ("v", x0, top, bottom),
                ("v", x1, top, bottom),
            )
        ]
        grids = tables_of([*page.edges, *frames]) or []
        inside, outside, stray = _assign(grids, page.chars)
        outside.extend(stray)
    blocks: list[Block] = [
        _table(grid, [positioned.cell_text(chars) for chars in cells])
        for grid, cells in zip(grids, inside, strict=True)
    ]
    write = positioned.line_text if grids else positioned.spaced_text
    lines = [
        Line(write(line), min(c.top for c in line), max(c.bottom for c in line))
        for line in positioned.lines(outside)
    ]
    blocks.extend(line for line in lines if line.text)
    blocks.sort(key=_top)
    unruled = 0 if grids else sum(map(_row_like, (line.text for line in lines)))
    return PageText(page, blocks, unruled, dense)


def tables_of(edges: Sequence[Edge]) -> list[ruling.Grid] | None:
    """The tables that ``edges`` draw; ``None`` when they cross too often to search."""
    try:
        points = ruling.crossings(ruling.merge(edges))
    except ruling.TooManyCrossings:
        return None
    return [ruling.Grid(cells) for cells in ruling.tables(ruling.cells(points))]


def _assign(
    grids: Sequence[ruling.Grid], chars: Iterable[Char]
) -> tuple[list[list[list[Char]]], list[Char], list[Char]]:
    """Each grid's characters by cell (by the centre of their box), the characters outside
    every grid, and those inside a grid but in none of its cells."""
    inside: list[list[list[Char]]] = [[[] for _ in grid.cells] for grid in grids]
    outside: list[Char] = []
    stray: list[Char] = []
    boxes = [(*grid.box, grid, cells) for grid, cells in zip(grids, inside, strict=True)]
    for char in chars:
        _, x0, top, x1, bottom = char
        x, y = (x0 + x1) / 2, (top + bottom) / 2
        for left, upper, right, lower, grid, cells in boxes:
            if left <= x < right and upper <= y < lower:
                cell = grid.locate(x, y)
                (stray if cell is None else cells[cell]).append(char)
                break
        else:
            outside.append(char)
    return inside, outside, stray


def _table(grid: ruling.Grid, texts: Sequence[str]) -> Table:
    rows = grid.rows()
    return Table(
        grid.box,
        tuple(grid.lefts),
        [[None if index is None else texts[index] for index in row] for row in rows],
        [[None if index is None else grid.cells[index] for index in row] for row in rows],
    )


def _row_like(text: str) -> bool:
    cells = _CELL_GAP.split(text.strip())
    return len(cells) >= 3 and any(_NUMBER.fullmatch(cell) for cell in cells)


def _top(block: Block) -> float:
    return block.box[1] if isinstance(block, Table) else block.top


class _Writer:
    """Pages into text: a table held back at the end of a page until the next page says
    whether it runs on there."""

    def __init__(self, ocr: bool = False) -> None:
        self.ocr = ocr  # scanned pages are read by OCR
        self.ocr_pages: list[int] = []  # pages read by OCR
        self.cells: list[PlacedRead] = []  # the reads of their table cells, placed
        self.ocr_lines: list[int] = []  # their lines outside tables, read once
        self.lines: list[str] = []
        self.held: Table | None = None
        self.after: list[str] = []  # lines to write after the held table: footers, headers
        self.trail = 0  # of them, the footer lines of the page before
        self.pages = 0
        self.scanned: list[int] = []  # pages of images without text, not read
        self.read = 0  # pages with text that are not scans, and pages read by OCR
        self.unruled: list[tuple[int, int]] = []  # page, its first line
        self.dense: list[int] = []  # pages ruled too densely to search
        self.private = self.printed = 0
        self.fonts: set[str] = set()

    def skip(self, page: Page) -> None:
        """Count a scanned page that is not read (OCR leaves it: no table on it)."""
        self.pages += 1
        self.scanned.append(page.number)

    def add(self, read: PageText, ocr: bool = False) -> None:
        """Write a page (``ocr``: a scanned page read by OCR)."""
        page = read.page
        self.pages += 1
        if ocr:
            self.ocr_pages.append(page.number)
            self.read += 1
        elif is_scan(page):
            self.scanned.append(page.number)
        elif page.printed:
            self.read += 1
        if not page.printed:
            return
        self.private += page.private
        self.printed += page.printed
        self.fonts |= page.private_fonts
        blocks = read.blocks
        if self.held is not None:
            blocks = self._run_on(blocks, page.height)
        if read.unruled_rows >= 2:
            self.unruled.append((page.number, len(self.lines) + 1))
        if read.dense:
            self.dense.append(page.number)
        before, last, tail = _last_table(blocks)
        for block in before:
            self._write(block)
        if (last is not None or self.held is not None) and _margin(tail, page.height, bottom=True):
            # The page ends with a table (or the held table it ran on), and a footer: the
            # next page may run it on.
            if last is not None:
                self._release()
                self.held = last
            self.after.extend(line.text for line in _lines(tail))
            self.trail = len(tail)
            return
        for block in [last, *tail] if last is not None else tail:
            self._write(block)

    def _run_on(self, blocks: list[Block], height: float) -> list[Block]:
        """The blocks of a page after the held table: when the page's first table runs it
        on (only a header before it), the two are joined and the blocks after that table
        are left; otherwise the held table is written, and every block is left."""
        before, first, after = _first_table(blocks)
        if (
            self.held is not None
            and first is not None
            and len(before) + self.trail <= MAX_BETWEEN
            and _margin(before, height, bottom=False)
        ):
            joined = _join(self.held, first)
            if joined is not None:
                self.held = joined
                self.after.extend(line.text for line in _lines(before))
                return after
        self._release()
        return blocks

    def _write(self, block: Block) -> None:
        if self.held is not None:
            self._release()
        if isinstance(block, Table):
            self._table(block)
        else:
            self.lines.append(block.text)
            if block.ocr:
                self.ocr_lines.append(len(self.lines))

    def _release(self) -> None:
        held, self.held = self.held, None
        if held is not None:
            self._table(held)
        self.lines.extend(self.after)
        self.after = []
        self.trail = 0

    def _table(self, table: Table) -> None:
        """Write a table's rows, and where the text of each cell read twice is."""
        if table.reads is None:
            self.lines.extend(tables.tab_lines(table.rows))
            return
        for row, reads in zip(table.rows, table.reads, strict=True):
            written = tables.tab_row(row)
            if written is None:
                continue
            line, starts = written
            self.lines.append(line)
            self.cells.extend(
                PlacedRead(len(self.lines), start + 1, found)
                for start, found in zip(starts, reads, strict=True)
                if found is not None
            )

    def finish(self) -> Extracted:
        self._release()
        if self.scanned and not self.read:
            raise ParseError(
                f"no text layer on {_pages(self.scanned)} of {self.pages}: a scanned PDF? "
                f"read it with OCR: {OCR_HINT}",
                code="no-text-layer",
            )
        if self.printed and self.private > self.printed * MAX_PRIVATE_SHARE:
            raise ParseError(
                f"the PDF's text is mostly private-use code points ({self.private:,} of "
                f"{self.printed:,} characters; {_fonts(self.fonts)}): its fonts map glyphs "
                "to no real characters, so it cannot be read; OCR the pages instead",
                code="private-use-text",
            )
        text = "\n".join(self.lines)
        scan = None
        if self.ocr_pages:
            scan = Scan(
                tuple(self.ocr_pages),
                tuple(self.scanned),
                tuple(self.cells),
                tuple(self.ocr_lines),
            )
        return Extracted(text, "pdf", tuple(self._diagnostics(text)), scan)

    def _diagnostics(self, text: str) -> Iterator[Diagnostic]:
        if self.ocr_pages:
            yield diagnostic(
                "ocr-read",
                f"{_pages(self.ocr_pages)} of {self.pages} "
                f"{'is a scan' if len(self.ocr_pages) == 1 else 'are scans'}, read by OCR: "
                "each number of a table there stands only where two reads agree and the rules "
                "hold; the text of sections 一 and 五 there is not read, only their headings",
            )
        if self.scanned and self.ocr:
            yield diagnostic(
                "ocr-pages-skipped",
                f"{_pages(self.scanned)} of {self.pages}, scanned with no ruled table, "
                f"{'was' if len(self.scanned) == 1 else 'were'} not read by OCR (only page 1, "
                "the pages with tables and the pages next to them are): their prose is not read",
            )
        elif self.scanned:
            yield diagnostic(
                "no-text-layer",
                f"no text layer on {_pages(self.scanned)} of {self.pages} (images only): "
                f"what they show is not read; read it with OCR: {OCR_HINT}",
            )
        if self.private:
            where = next((i for i, char in enumerate(text) if pdfium.is_private(char)), None)
            yield diagnostic(
                "private-use-text",
                f"{self.private:,} characters are private-use code points "
                f"({_fonts(self.fonts)}): their fonts map glyphs to no real characters, "
                "so that text is unreadable",
                None if where is None else text.count("\n", 0, where) + 1,
                None if where is None else where - text.rfind("\n", 0, where),
            )
        if self.dense:
            yield diagnostic(
                "table-too-large",
                f"the ruling lines of {_pages(self.dense)} cross more than "
                f"{ruling.MAX_CROSSINGS:,} times: no table is looked for there, the text is "
                "read as lines",
            )
        if self.unruled:
            yield diagnostic(
                "unruled-table",
                f"{_pages([number for number, _ in self.unruled])} "
                f"{'holds' if len(self.unruled) == 1 else 'hold'} a table drawn without "
                "ruling lines: its rows are written with their columns apart by spaces, for "
                "the space-aligned layout, which cannot see blank cells",
                self.unruled[0][1],
            )


def _lines(blocks: Iterable[Block]) -> Iterator[Line]:
    return (block for block in blocks if isinstance(block, Line))


def _first_table(blocks: list[Block]) -> tuple[list[Block], Table | None, list[Block]]:
    """The lines before a page's first table, the table, and the blocks after it (all the
    blocks before, and no table, when there is none)."""
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            return blocks[:index], block, blocks[index + 1 :]
    return blocks, None, []


def _last_table(blocks: list[Block]) -> tuple[list[Block], Table | None, list[Block]]:
    """The blocks before a page's last table, the table, and the lines after it (all the
    blocks after, and no table, when there is none)."""
    for index in range(len(blocks) - 1, -1, -1):
        block = blocks[index]
        if isinstance(block, Table):
            return blocks[:index], block, blocks[index + 1 :]
    return [], None, blocks


def _margin(blocks: Sequence[Block], height: float, *, bottom: bool) -> bool:
    """Whether ``blocks`` are at most ``MAX_BETWEEN`` lines (no table) all in the page's
    bottom (or top) margin: its footer (or header)."""
    if len(blocks) > MAX_BETWEEN or any(isinstance(block, Table) for block in blocks):
        return False
    if bottom:
        return all(line.top >= height * (1 - MARGIN) for line in _lines(blocks))
    return all(line.bottom <= height * MARGIN for line in _lines(blocks))


def _join(first: Table, then: Table) -> Table | None:
    """``first`` with the rows of ``then`` after it when ``then`` runs it on (the same
    left and right sides, each of its columns one of ``first``'s), its header rows that
    repeat ``first``'s first rows left out; ``None`` when it does not."""
    if abs(first.box[0] - then.box[0]) > ALIGNED or abs(first.box[2] - then.box[2]) > ALIGNED:
        return None
    columns = []
    for left in then.lefts:
        column = next((i for i, x in enumerate(first.lefts) if abs(x - left) <= ALIGNED), None)
        if column is None:
            return None
        columns.append(column)
    width = len(first.lefts)
    rows = _placed(then.rows, columns, width)
    repeated = 0
    while repeated < min(len(first.rows), len(rows) - 1) and _clean(rows[repeated]) == _clean(
        first.rows[repeated]
    ):
        repeated += 1
    reads = None
    if first.reads is not None or then.reads is not None:
        before = first.reads or [[None] * width for _ in first.rows]
        after = _placed(then.reads or [[None] * len(then.lefts) for _ in then.rows], columns, width)
        reads = before + after[repeated:]
    return first._replace(
        rows=first.rows + rows[repeated:],
        boxes=first.boxes + _placed(then.boxes, columns, width)[repeated:],
        reads=reads,
    )


def _placed(
    rows: Sequence[Sequence[T | None]], columns: Sequence[int], width: int
) -> list[list[T | None]]:
    """The rows of a table's grid (texts, boxes, reads) put in the columns ``columns`` of a
    table ``width`` columns wide."""
    placed_rows = []
    for row in rows:
        placed: list[T | None] = [None] * width
        for column, item in zip(columns, row, strict=True):
            placed[column] = item
        placed_rows.append(placed)
    return placed_rows


def _clean(row: Sequence[str | None]) -> list[str]:
    return [tables.clean(cell or "") for cell in row]


def _pages(numbers: Sequence[int]) -> str:
    """``[1, 2, 3, 5]`` as ``pages 1-3, 5``."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    spans = ", ".join(f"{run[0]}-{run[-1]}" if len(run) > 1 else f"{run[0]}" for run in runs)
    return f"page{'s' if len(numbers) > 1 else ''} {spans}"


def _fonts(names: Iterable[str]) -> str:
    found = sorted(names)
    return f"font{'s' if len(found) > 1 else ''} {', '.join(found)}" if found else "no font named"
