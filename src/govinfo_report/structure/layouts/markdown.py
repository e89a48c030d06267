"""Markdown pipe tables (converters such as html2text, pandoc, and LLM pipelines): a row a
line between pipes, ``| 119 | 25 | … |``, with a ``|---|---|`` rule under the first row;
html2text leaves out the outer pipes (``规章| 0| 0| 0``), so one of its rows whose first cell
is blank starts with a pipe all the same (`` |  | 26| 2``): a table's lines have outer pipes
only where every one of them with a pipe starts with one (a line with none is a wrapped
cell, or a cell a PDF extraction lifted out of the table).

The grid is trusted, as in tab-separated text: a blank cell between values is left empty.
A cell of whole numbers apart by spaces (``| 9 2 |``) is the cells of columns a converter
merged, one number each, where the table shows that converter's trace: such cells at the same
place in most of its rows, and in at least ``MERGED_ROWS`` of them (a lost column boundary
merges the column in every row). Elsewhere two numbers in one cell (a glued footnote
``| 863 1 |``, markitdown's ``<td>863<br>1</td>``; a misprint ``| 6 1 |``) are one cell that
holds no valid value, as in tab-separated text.

A merged place spans as many columns as its cells most often hold numbers. Its cell in a row
may hold a dash for a blank (``| — 0 |``), or fewer parts, its other columns blank and left
out (``| 5 |``): which columns the parts stand in is then not shown, and the row says so
(``Positions.fits``: each part may stand in any column that keeps the parts in order), so
that only the row's rules place them. A blank merged cell is blank in each of its columns.

markitdown writes every cell as `` text |`` and a ``colspan``'s covered places after it as
`` |`` each (``| 31 | 1 | |  | 33 |``: the ``1`` spans two grid columns, the cell after it is
blank), and leaves a ``rowspan``'s covered places out of the rows below. Where a table shows
that trace throughout (``_spans_shown``), a one-space cell is a merged cell's covered place,
not a cell: it is left out, so that each row holds the table's own cells, not its grid's.

markitdown's PDF converter prints a page's words as one grid of columns for the whole page,
each column padded to its widest text, its rule's dashes between single spaces
(``| 0   | ----- |``; markitdown pads no cell of an HTML table, pandoc writes ``|---|``:
``page_grids.page_grid``). Its columns are
not the table's: two columns' values share a cell (``| 0 0 |``), a value stands in its
neighbour's column, and a blank cell is padding, not a printed blank. Such a grid is not
trusted: each row is its values in order, apart at spaces between numbers, its blank cells
left out, so that only the section's rules place them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from operator import itemgetter
from typing import ClassVar

from ...cells import PLACEHOLDER_TEXT, cell_kinds
from ...limits import MAX_CELL_CHARS, MAX_CELLS_PER_ROW
from ..page_grids import RULE, page_grid
from .base import Layout, Positions, Printed, Row, make_row

#: A line of cells between pipes, the outer ones optional.
_PIPED = re.compile(r"[^|]*\|")
#: Whole numbers apart by spaces in one cell: the cells of merged columns (a PDF-to-Markdown
#: converter that lost a column boundary prints ``| 9 2 |``), each number its own cell.
_MERGED = re.compile(r"\d+(?: +\d+)+")
#: What every such cell holds: a line without it has none, and its cells are not matched.
_SPACED_DIGITS = re.compile(r"\d +\d")
_NUMBER = re.compile(r"\d+")
#: The parts of a cell at a merged place: whole numbers, or what a report prints for a blank.
_PART = re.compile(rf"\d+|{PLACEHOLDER_TEXT}")
_PARTS = re.compile(rf"(?:\d+|{PLACEHOLDER_TEXT})(?: +(?:\d+|{PLACEHOLDER_TEXT}))*")
#: How many rows must hold numbers apart by spaces at one place of their grid for that place
#: to be merged columns: more than a section's small tables (二, 四) have, so that two
#: damaged cells of one column never pass for a converter's trace.
MERGED_ROWS = 3
#: Spaces between two values in one cell of a page grid, numbers or dashes (never a minus
#: sign: ``—``, not ``-``): apart there (``page_grids.page_grid``: ``| — 1 |``, two cells).
_BETWEEN_NUMBERS = re.compile(r"(?<=[\d—–─/无]) +(?=[-+]?\d|[—–─/]|无)")
#: Spaces between a word and the numbers that end a page grid's cell (``| 行政强制 10 |``,
#: ``| 规章 0 0 |``): the page's words the grid put in one cell (``_loose_rows``).
_BEFORE_NUMBERS = re.compile(r"(?<=[^\s\d.]) +(?=[-+]?\d[\d.]*(?: +[-+]?\d[\d.]*)*$)")
#: The text markitdown writes for each grid place a merged cell covers (``_spans_shown``).
_COVERED = " "


class Markdown(Layout):
    """Pipe-delimited rows; the rule line under the header is skipped."""

    name: ClassVar[str] = "markdown"
    table_line: ClassVar[str] = r"\|"

    def sniff(self, lines: Sequence[str], width: int) -> float:
        if "|" not in "".join(lines):  # another layout's region: one search, no line loop
            return 0.0
        stripped = list(map(str.strip, lines))
        filled = len(stripped) - stripped.count("")
        piped = sum(map(bool, map(_PIPED.match, stripped)))
        if not piped:
            return 0.0
        # Box grids draw pipes too, with ``+---+`` rules between their rows (more rules than
        # piped lines where a grid's rows wrap: no confidence, not less than none).
        ruled = sum(1 for line in stripped if line.startswith("+-"))
        return max(0.0, (piped - ruled) / filled)

    def rows(self, lines: Sequence[str], first_line: int) -> Iterator[Row]:
        kept = [
            (number, line)
            for number, line in enumerate(lines, first_line)
            if line.strip() and not RULE.match(line)
        ]
        if page_grid(lines):
            yield from _loose_rows(kept)
            return
        outer = all(line.lstrip().startswith("|") for _, line in kept if "|" in line)
        spans = outer and _spans_shown(line for _, line in kept)
        merged = _merged_places((line for _, line in kept), outer, spans)
        numbered = [(number, _split(line, number, merged, outer, spans)) for number, line in kept]
        # Every cell's kind in one pass over the region; each row takes its slice.
        kinds = cell_kinds(
            map(itemgetter(0), chain.from_iterable(cells for _, (cells, _) in numbered))
        )
        at = 0
        for number, (cells, columns) in numbered:
            row = make_row(cells, number, True, kinds[at : at + len(cells)], whole=True)
            at += len(cells)
            if row is not None:
                yield _fitted(row, cells, columns) if columns else row

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        width = max((len(row) for row in table), default=0)
        lines = ["| " + " | ".join([*row, *[""] * (width - len(row))]) + " |" for row in table]
        return [*lines[:1], "|" + "---|" * width, *lines[1:]]


def _loose_rows(kept: Sequence[tuple[int, str]]) -> Iterator[Row]:
    """The rows of a page grid (``page_grids.page_grid``): each line's non-blank cells in order, a
    cell split at spaces between numbers and before the numbers that end it, with no grid
    (its blanks and places unknown)."""
    for number, line in kept:
        start, parts = _parts(line, True)
        cells: list[Printed] = []
        for part in parts:
            at = start + len(part) - len(part.lstrip()) + 1
            start += len(part) + 1
            text = part.strip()
            offset = 0
            pieces = [
                piece
                for part in _BEFORE_NUMBERS.split(text)
                for piece in _BETWEEN_NUMBERS.split(part)
            ]
            for piece in pieces if text else ():
                offset = text.index(piece, offset)
                cells.append((piece[:MAX_CELL_CHARS], number, at + offset))
                offset += len(piece)
        row = make_row(cells, number, False)
        if row is not None:
            yield row


def _spans_shown(lines: Iterable[str]) -> bool:
    """Whether a table with outer pipes is written as markitdown writes one: each cell's text
    between one space each side, a blank cell two spaces (``|  |``), a merged cell's covered
    place one (``| |``), and never at a line's start (it follows the cell that covers it);
    both kinds of blank present. A table that pads its cells (pandoc's), or writes every
    blank one way, does not show which of its blank cells are covered places."""
    lines = list(lines)
    joined = "\n".join(lines)
    if "| |" not in joined or "|  |" not in joined:  # at C speed: most tables show neither
        return False
    kinds: set[str] = set()
    for line in lines:
        if "|" not in line:
            continue
        for place, part in enumerate(_parts(line, True)[1]):
            text = part.strip()
            if text and part != f" {text} ":
                return False
            if not text:
                if part not in (_COVERED, "  ") or (part == _COVERED and not place):
                    return False
                kinds.add(part)
    return len(kinds) == 2


def _merged_places(lines: Iterable[str], outer: bool, shown: bool) -> dict[int, int]:
    """The places of a table's grid (0-based, among a line's cells) that hold merged columns,
    each with how many columns it spans: numbers apart by spaces in most of the lines with
    digits there, and in at least ``MERGED_ROWS`` lines; the count they most often hold
    (``shown``: a merged cell's covered places are no places, ``_spans_shown``)."""
    merged: Counter[int] = Counter()
    numbers: Counter[int] = Counter()
    spans: dict[int, Counter[int]] = {}
    for line in lines:
        if _SPACED_DIGITS.search(line) is None:
            continue  # no merged cell: counted as no vote (most lines of most tables)
        parts = _parts(line, outer)[1]
        if shown:
            parts = [part for at, part in enumerate(parts) if not _covered(parts, at)]
        for place, part in enumerate(parts):
            text = part.strip()
            if _MERGED.fullmatch(text):
                merged[place] += 1
                spans.setdefault(place, Counter())[len(text.split())] += 1
            elif any(char.isdigit() for char in text):
                numbers[place] += 1
    return {
        place: spans[place].most_common(1)[0][0]
        for place, count in merged.items()
        if count >= MERGED_ROWS and count > numbers[place]
    }


def _parts(line: str, outer: bool) -> tuple[int, list[str]]:
    """Where a line's first cell starts (0-based) and the texts between its pipes, in a
    table with ``outer`` pipes or without (html2text's: the text before its first pipe is
    the first cell and the text after its last pipe the last cell, blank or not)."""
    lead = line.find("|")
    outer = outer and not line[:lead].strip()
    start = lead + 1 if outer else 0
    parts = line[start:].split("|", MAX_CELLS_PER_ROW)
    if outer and line.rstrip().endswith("|"):
        parts.pop()  # the empty text after the closing pipe
    return start, parts


def _covered(parts: Sequence[str], at: int) -> bool:
    """Whether part ``at`` of a line of a table that shows its merged cells' spans
    (``_spans_shown``) is a place a merged cell covers: one space, after another part."""
    return at > 0 and parts[at] == _COVERED


def _split(
    line: str, line_number: int, merged: dict[int, int], outer: bool, spans: bool
) -> tuple[list[Printed], list[tuple[int, ...]]]:
    """The cells between the pipes of a line, stripped, with their 1-based columns (a cell
    at a ``merged`` place of the grid gives each of its parts, or a blank cell for each of
    its columns); a line without pipes inside a table (a wrapped cell) is one cell. With
    them, where a merged cell holds fewer parts than it spans, the grid columns each cell
    may stand in (none where every cell's is known). Where the table shows its merged
    cells' ``spans`` (``_spans_shown``), the places they cover are no cells."""
    cells: list[Printed] = []
    columns: list[tuple[int, ...]] = []
    unsure = False
    column = 0  # the grid column the next cell starts in
    place = -1  # the place of the grid the cell is at
    start, parts = _parts(line, outer)
    for index, part in enumerate(parts):
        at = start + len(part) - len(part.lstrip()) + 1
        start += len(part) + 1
        if spans and _covered(parts, index):
            continue
        place += 1
        text = part.strip()
        span = merged.get(place, 0)
        found = _PART.findall(text) if span and _PARTS.fullmatch(text) else []
        if span and not text:
            cells.extend(("", line_number, at) for _ in range(span))
            columns.extend((column + offset,) for offset in range(span))
        elif found and len(found) <= span:
            spare = span - len(found)
            unsure = unsure or spare > 0
            cells.extend((m.group(), line_number, at + m.start()) for m in _PART.finditer(text))
            columns.extend(
                tuple(range(column + i, column + i + spare + 1)) for i in range(len(found))
            )
        else:
            cells.append((text[:MAX_CELL_CHARS], line_number, at))
            columns.append((column,))
        column += max(span, 1)
    return cells, (columns if unsure else [])


def _fitted(row: Row, cells: list[Printed], columns: list[tuple[int, ...]]) -> Row:
    """``row`` with the grid columns each of its values may stand in (``Positions.fits``),
    counted from its first value's first to its line's last (a whole grid's last column).
    Its cells no longer show every cell of the grid (not ``Grid.whole``): they are not read
    from the table's right edge."""
    where = {id(cell): at for at, cell in enumerate(cells)}
    fits = [columns[where[id(value)]] for value in row.values]
    if not fits:
        return row
    first, end = fits[0][0], columns[-1][-1] + 1
    positions = Positions(
        fits=tuple(tuple(column - first for column in fit) for fit in fits), columns=end - first
    )
    return row._replace(grid=row.grid._replace(whole=False), positions=positions)
