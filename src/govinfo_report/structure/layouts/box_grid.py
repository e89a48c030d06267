"""Box grids (``w3m -dump``, pandoc and Emacs grid tables): cells between vertical bars
(``│``, ``|``), rows between rules (``├──┼──┤``, ``+---+``); a cell's text wraps over the
lines of its row, and a merged cell's text runs on through rules that stop at its borders.
In a grid whose rules close its rows, a line of no grid between a row's lines (a paragraph
moved there, a page's header) is no line of the table: the row goes on after it.

The grid is trusted, as in tab-separated text: a blank cell between values is left empty.
Cells are matched across the lines of a row by their place between the bars (not by display
column: folding full-width brackets to ASCII changes widths, never the bars).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import ClassVar
from unicodedata import east_asian_width

from ...limits import MAX_CELL_CHARS, MAX_CELLS_PER_ROW
from .base import Layout, Printed, Row, is_rule, make_row

_BARS = "│┃║|├┤┼┬┴┌┐└┘╋┣┫┳┻┏┓┗┛+"
#: A cell's text: no bar, but a ``+`` before a digit, a sign (``| +17 |``), not a corner.
_SEGMENT = re.compile(rf"(?:[^{re.escape(_BARS)}]|\+(?=\d))+")
_HORIZONTAL = re.compile(r"[-=─━═]{2,}")
#: The bars a grid's line holds: the sniff looks for each with ``in``, faster than a search.
_UPRIGHTS = "│┃║|"
_GRID_LINE = re.compile(f"[{_UPRIGHTS}]")
_JUNCTIONS = ("├", "┤", "┼", "┬", "┴", "╋", "┣", "┫", "┳", "┻", "+-", "+=")
_JUNCTION = re.compile("|".join(map(re.escape, _JUNCTIONS)))
_NUMBER = re.compile(r"[+-]?[\d,.]*\d")


class BoxGrid(Layout):
    """Rows between rules, cells between bars, matched by their place between the bars."""

    name: ClassVar[str] = "box-grid"
    #: A bar or corner, or a ``+`` before a rule (``+---``): written as one character class
    #: first, which ``re`` tests at each position in one step (``[│┃║├┌└]|\+[-=]`` costs two).
    table_line: ClassVar[str] = r"[│┃║├┌└+](?:(?<=\+)[-=]|(?<!\+))"

    def sniff(self, lines: Sequence[str], width: int) -> float:
        joined = "\n".join(lines)  # another layout's region: a few searches, no line loop
        if not any(map(joined.__contains__, _UPRIGHTS)) or not any(
            map(joined.__contains__, _JUNCTIONS)
        ):
            return 0.0  # no bar, or no rule: not a grid (the score below would be 0)
        filled = [line for line in lines if line.strip()]
        rules = sum(1 for line in filled if _JUNCTION.search(line))
        barred = sum(1 for line in filled if _GRID_LINE.search(line) or is_rule(line))
        # A grid rules off each row: about as many rule lines as rows.
        return barred / len(filled) * min(1.0, 3.0 * rules / len(filled))

    def rows(self, lines: Sequence[str], first_line: int) -> Iterator[Row]:
        block: dict[int, list[Printed]] = {}  # place between the bars -> the cell's parts
        rooms: dict[int, int] = {}  # place between the bars -> its text's room, in columns
        ruling = False  # whether a rule has closed a row yet
        for offset, line in enumerate(lines):
            if ruling and block and not _GRID_LINE.search(line) and not is_rule(line):
                continue  # a line of no grid inside a row's block: the block goes on after it
            number = first_line + offset
            segments = list(enumerate(_segments(line, number)))
            ruled = any(_HORIZONTAL.fullmatch(text) for _, (text, _, _) in segments)
            for start, cell in segments:
                if _HORIZONTAL.fullmatch(cell[0]):
                    continue
                if not ruled:  # every cell of a row's line, blank or not
                    block.setdefault(start, []).append(cell)
                elif cell[0] and start in block:  # a merged cell's text running on
                    block[start].append(cell)
            if not ruled:
                for start, match in enumerate(_SEGMENT.finditer(line)):
                    rooms[start] = max(rooms.get(start, 0), _width(match.group()) - 2)
            if ruled or not _GRID_LINE.search(line):
                yield from _row(block, rooms)
                block, rooms = {}, {}
                ruling = ruling or ruled
        yield from _row(block, rooms)

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        widths = [
            max((_width(row[i]) if i < len(row) else 0) for row in table) + 1
            for i in range(max(map(len, table), default=0))
        ]
        rule = "+" + "+".join("-" * width for width in widths) + "+"
        lines = [rule]
        for row in table:
            cells = [*row, *[""] * (len(widths) - len(row))]
            lines.append(
                "|"
                + "|".join(
                    cell + " " * (width - _width(cell))
                    for cell, width in zip(cells, widths, strict=True)
                )
                + "|"
            )
            lines.append(rule)
        return lines


def _width(text: str) -> int:
    """Display columns of ``text`` (to write a grid): wide and full-width characters take
    two."""
    return len(text) + sum(1 for char in text if east_asian_width(char) in "WF")


def _segments(line: str, number: int) -> Iterator[Printed]:
    """The texts between a line's bars, stripped, with their 1-based columns."""
    for match in _SEGMENT.finditer(line):
        text = match.group()
        lead = len(text) - len(text.lstrip())
        yield text.strip()[:MAX_CELL_CHARS], number, match.start() + lead + 1


def _row(block: dict[int, list[Printed]], rooms: dict[int, int]) -> Iterator[Row]:
    """A block's cells in order, each the joined texts of its lines. Numbers on two lines
    of a cell are one number wrapped only where each line but the last fills the cell's
    ``rooms`` (``680`` / ``594`` / ``7.4`` / ``3元``) and are not one number repeated; else
    they are two values (a row printed twice, rows with no rule between them), kept apart,
    and the cell is no value. Where one cell of the block holds two values, every cell's
    numbers on several lines are apart: the block is two rows' lines (a row's line moved
    into another's block), and a number that happens to fill its cell is no wrap there."""
    if not block:
        return
    texts: list[list[Printed]] = []
    several: list[bool] = []  # numbers on several lines
    apart: list[bool] = []
    for start, parts in sorted(block.items())[:MAX_CELLS_PER_ROW]:
        filled = [part for part in parts if part[0]] or parts
        numbers = [part[0] for part in filled if _NUMBER.fullmatch(part[0])]
        texts.append(filled)
        several.append(len(numbers) > 1)
        apart.append(
            len(numbers) > 1
            and (
                len(set(numbers)) == 1
                or any(_width(text) < rooms.get(start, 0) for text, _, _ in filled[:-1])
            )
        )
    two_rows = any(apart)
    cells: list[Printed] = []
    for filled, many in zip(texts, several, strict=True):
        joint = " " if two_rows and many else ""
        cells.append(
            (joint.join(part[0] for part in filled)[:MAX_CELL_CHARS], filled[0][1], filled[0][2])
        )
    row = make_row(cells, min(cell[1] for cell in cells), positional=True, whole=True)
    if row is not None:
        yield row
