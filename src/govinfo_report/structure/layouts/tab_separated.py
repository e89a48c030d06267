"""Tab-separated rows (PDF text extraction): one table row a line, cells split by tabs.

The grid is trusted: a blank cell between values is a cell the report left empty.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import chain, repeat
from typing import ClassVar

from ...cells import BLANK, LABEL, LINE_BREAK, NUMBER, PLACEHOLDER, cell_kinds
from ...limits import MAX_CELL_CHARS, MAX_CELLS_PER_ROW
from ...memo import Memo
from .base import SPACE, Layout, Printed, Row, make_row, plain_cells, split_tabs, unpadded

#: A row's cells as a string of kinds (``_`` blank, ``L`` label, ``N`` number, ``P``
#: placeholder) shows a broken grid when its first label follows three or more empty cells,
#: or a later label follows two or more.
_DISPLACED = re.compile(r"^[^L]*___L|L[^L]*__L")
#: The kinds of a line of two cells, one filled and one blank: a cell, no grid.
_ONE_OF_TWO = frozenset(
    kinds
    for kind in (LABEL, NUMBER, PLACEHOLDER, LINE_BREAK)
    for kinds in (kind + BLANK, BLANK + kind)
)


def _displaced(kinds: str) -> bool:
    """Whether a row of ``kinds`` shows a displaced label (``_DISPLACED``)."""
    return _DISPLACED.search(kinds) is not None


#: ``_displaced`` once per string of kinds (a dict lookup at C speed, not a search a row):
#: a table's rows repeat a few (``LNNN``).
_DISPLACED_ROWS = Memo(_displaced, len)


@lru_cache(maxsize=2)
def tab_kinds(lines: tuple[str, ...]) -> tuple[str, ...]:
    """Each line's ``cell_kinds``, its cells split by tabs, looked up in one pass over the
    region. Memoised (the last two regions): a region is sniffed, then read."""
    if not lines:
        return ()
    return tuple(cell_kinds("\t\n\t".join(lines).split("\t")).split(LINE_BREAK))


@lru_cache(maxsize=2)
def grid_shares(lines: tuple[str, ...], width: int) -> tuple[float, float]:
    """The share of a region's non-blank lines with a tab that hold two or more non-empty tab
    cells (or one and two or more blank ones: a row the report left blank), and the share of
    its rows (lines of two or more cells, some of them numbers) that show
    a broken grid.

    Signs of a broken grid: a displaced label (see ``_DISPLACED``), or a row with no label
    that prints some numbers in fewer cells than ``width`` (a row as wide, some of its cells
    blank, is a row the report left partly blank). Memoised
    (the last two regions): both tab-based layouts sniff the same region. A region where no
    line holds two filled cells (no tab, or one cell a line) is no grid: ``(0.0, 0.0)``,
    found with no line loop (a stripped line holds a tab only between two filled cells).
    """
    if "\t" not in "\n".join(map(str.strip, lines)):
        return 0.0, 0.0
    kinds_of = tab_kinds(lines)
    # A line without a tab continues a cell whose text holds line breaks (python-docx's
    # cell.text of a vertical label, a character a paragraph): it says nothing of the grid.
    tabbed = [kinds for kinds in kinds_of if len(kinds) > 1]
    filled_of = list(map(str.replace, tabbed, repeat(BLANK), repeat("")))
    filled = len(filled_of) - filled_of.count("")
    # A filled line holds two filled cells or more, or one and two blank ones or more: all
    # but those of two cells, one blank (counted at C speed).
    multi = filled - sum(map(_ONE_OF_TWO.__contains__, tabbed))
    rows = [kinds for kinds in kinds_of if NUMBER in kinds and len(kinds) > 1]
    broken = sum(1 for kinds in rows if LABEL not in kinds and len(kinds) < width)
    broken += sum(map(_DISPLACED_ROWS.__getitem__, rows))  # labelled: never counted twice
    return (multi / filled if filled else 0.0), (broken / len(rows) if rows else 0.0)


class TabSeparated(Layout):
    """One row a line, cells split by tabs; blank cells inside the values are kept. A row
    with as many cells as the region's widest (a document's table, where every row spans
    the grid) shows all its cells; a shorter one (PDF text that lost a cell) does not. The
    widest must be a line without numbers (a header, a blank row): a region of value rows
    alone (a table's part after a page break) may have lost a column in every row."""

    name: ClassVar[str] = "tab-separated"
    table_line: ClassVar[str] = r"\t"
    #: Whether the grid is trusted, so that a blank cell between values is a value left empty.
    positional: ClassVar[bool] = True

    def sniff(self, lines: Sequence[str], width: int) -> float:
        multi, displaced = grid_shares(tuple(lines), width)
        return multi * (1.0 - displaced)

    def rows(self, lines: Sequence[str], first_line: int) -> Iterator[Row]:
        parts_of = list(map(str.split, lines, repeat("\t")))
        # No white space but tabs in the region (one search): no part to strip, unchecked.
        spaced = SPACE.search("\t".join(lines)) is not None
        if (
            (spaced and not unpadded(list(chain.from_iterable(parts_of))))
            or max(map(len, lines), default=0) > MAX_CELL_CHARS
            or max(map(len, parts_of), default=0) > MAX_CELLS_PER_ROW
        ):
            yield from self._line_rows(lines, first_line)
            return
        # The usual region: no cell to strip or cut, so the lines' parts are the cells and
        # their kinds are those the sniff looked up. Lines of a document's table whose cells
        # hold line breaks are joined where no cell holds a space.
        kinds_of = tab_kinds(tuple(lines))
        widths = list(map(len, parts_of))
        widest = _framed_width(widths, kinds_of)
        runs = {} if spaced else _wrapped_runs(parts_of, kinds_of, widest)
        at = 0
        while at < len(lines):
            end = runs.get(at, at)
            number = first_line + at
            if end == at:
                cells = plain_cells(parts_of[at], number)
                row = make_row(cells, number, self.positional, kinds_of[at], widths[at] == widest)
            else:
                cells = _joined(parts_of[at : end + 1], number)
                row = make_row(cells, number, self.positional, whole=True)
            if row is not None:
                yield row
            at = end + 1

    def _line_rows(self, lines: Sequence[str], first_line: int) -> Iterator[Row]:
        """``rows`` a line at a time, any line, its cells stripped; lines of a document's
        table whose cells hold line breaks joined (``_wrapped_runs``), as in the usual
        region (a page's ``&nbsp;`` in a blank cell is a cell of a space)."""
        cells_of = [split_tabs(line, number) for number, line in enumerate(lines, first_line)]
        kinds_of = [cell_kinds([text for text, _, _ in cells]) for cells in cells_of]
        widths = [line.count("\t") + 1 for line in lines]
        widest = _framed_width(widths, kinds_of)
        parts_of = [[text for text, _, _ in cells] for cells in cells_of]
        runs = _wrapped_runs(parts_of, kinds_of, widest)
        at = 0
        while at < len(lines):
            end = runs.get(at, at)
            number = first_line + at
            if end == at:
                whole = widths[at] == widest
                row = make_row(cells_of[at], number, self.positional, whole=whole)
            else:
                row = make_row(_joined_cells(cells_of[at : end + 1]), number, True, whole=True)
            if row is not None:
                yield row
            at = end + 1

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        return ["\t".join(row) for row in table]


def _wrapped_runs(
    parts_of: Sequence[list[str]], kinds_of: Sequence[str], widest: int
) -> dict[int, int]:
    """The runs of lines that are one row of a document's table whose cells hold line breaks
    (python-docx's ``cell.text``: ``（二）部分公开`` / ``（区分处理的…）``, a vertical label a
    character a line): {first line: last line}. A run is lines with no value but its last,
    each short of the grid (``widest`` cells, known whole), whose tabs add up to the grid's
    exactly, and where each break falls inside a cell (text on both sides of it); then the
    cut cells join into the row the document has. Only where every other line of values
    spans the grid, as every row of a document's table does (lines of PDF text may be short
    rows of narrower sub-tables), and some does."""
    runs: dict[int, int] = {}
    if widest < 2:
        return runs
    widths = list(map(len, parts_of))
    start, tabs = None, 0
    for at, (width, kinds) in enumerate(zip(widths, kinds_of, strict=True)):
        if width >= widest or (
            start is not None and not (parts_of[at - 1][-1] and parts_of[at][0])
        ):
            start, tabs = None, 0
            if width >= widest:
                continue
        if start is None:
            start, tabs = at, 0
        tabs += width - 1
        if _valued(kinds) or tabs >= widest - 1:
            if tabs == widest - 1 and at > start:
                runs[start] = at
            start, tabs = None, 0
    ends = set(runs.values())
    valued = [
        (at, width)
        for at, (width, kinds) in enumerate(zip(widths, kinds_of, strict=True))
        if _valued(kinds) and at not in ends
    ]
    if any(width != widest for _, width in valued) or not valued:
        # A row of values short of the grid: not a document's grid (PDF text). No row of
        # values whole: nothing shows the grid is one (a header's trailing tabs may be all
        # that is that wide, in a region a page marker cut short).
        return {}
    return runs


def _valued(kinds: str) -> bool:
    """Whether a line's cells hold a value: a number or a placeholder (``—``)."""
    return NUMBER in kinds or PLACEHOLDER in kinds


def _joined(parts_of: Sequence[list[str]], first_line: int) -> list[Printed]:
    """The cells of lines that are one row: each line's first part ends the cell the line
    before it cut (joined as printed, the line break dropped)."""
    return _joined_cells(
        [plain_cells(parts, number) for number, parts in enumerate(parts_of, first_line)]
    )


def _joined_cells(cells_of: Sequence[list[Printed]]) -> list[Printed]:
    """The cells of lines that are one row (``_joined``), from each line's cells."""
    cells: list[Printed] = []
    for line_cells in cells_of:
        if cells:
            text, line, column = cells[-1]
            cells[-1] = (text + line_cells[0][0], line, column)
            line_cells = line_cells[1:]
        cells.extend(line_cells)
    return cells


def _framed_width(widths: Sequence[int], kinds_of: Sequence[str]) -> int:
    """The number of cells of a region's widest line, where such a line holds no number (a
    header or a blank row spans the table's grid); else -1: no row is known whole."""
    widest = max(widths, default=0)
    framed = any(
        width == widest and NUMBER not in kinds
        for width, kinds in zip(widths, kinds_of, strict=True)
    )
    return widest if framed else -1
