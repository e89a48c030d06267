"""Row-per-cell (Apache Tika's text of a DOCX table): each cell on its own tab-prefixed
line, rows separated by blank lines, a cell's text continued on untabbed lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import compress, count
from operator import itemgetter, not_
from typing import ClassVar

from ...cells import cell_kinds
from ...limits import MAX_CELL_CHARS, MAX_CELLS_PER_ROW
from .base import Layout, Printed, Row, make_row, split_tabs

#: In lines joined by newlines (and framed by them), the newline before a non-blank line
#: that is one tab-prefixed cell (the line in a lookahead: ``findall`` then returns the
#: newline, a string Python keeps made, not a new string of each cell). Linear: no
#: backtracking.
_ONE_CELL = re.compile(r"\n(?=\t[^\t\S\n]*\S[^\t\n]*\n)")
#: In lines joined by newlines, a cell's text with a space at its start, or at its end (two
#: patterns: each scans faster than their union).
_PADDED_START = re.compile(r"\t[^\S\n]")
_PADDED_END = re.compile(r"[^\S\t\n](?:\n|\Z)")
_AFTER_TAB = itemgetter(slice(1, None))
#: In lines joined by newlines, the start of a line that is not empty and not tabbed.
_UNTABBED = re.compile(r"\n[^\t\n]")


class RowPerCell(Layout):
    """One cell a line; a blank line ends a row (a lone tab is an empty cell); untabbed lines
    continue the last cell."""

    name: ClassVar[str] = "row-per-cell"
    table_line: ClassVar[str] = r"\t"  # the same pattern as tab-separated: one test per line

    def sniff(self, lines: Sequence[str], width: int) -> float:
        framed = "\n" + "\n".join(lines) + "\n"
        if "\t" not in framed:  # another layout's region: one search, no line loop
            return 0.0
        single = len(_ONE_CELL.findall(framed))
        if not single:  # a grid's region (tab-separated): no line counted
            return 0.0
        # a blank line is empty or all white space: no stripped copy of each line made
        filled = len(lines) - lines.count("") - sum(map(str.isspace, lines))
        return single / filled if filled else 0.0

    def rows(self, lines: Sequence[str], first_line: int) -> Iterator[Row]:
        continued = _plain(lines)
        if continued is None:
            yield from _line_rows(lines, first_line)
        else:
            yield from _plain_rows(lines, first_line, continued)

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        lines: list[str] = []
        for row in table:
            lines.extend(f"\t{cell}" for cell in row)
            lines.append("")
        return lines


def _line_rows(lines: Sequence[str], first_line: int) -> Iterator[Row]:
    """``rows`` of any lines, a line at a time."""
    cells: list[Printed] = []
    start = first_line
    for number, line in enumerate(lines, first_line):
        tabbed = line[:1] == "\t"
        if not tabbed and not line.strip():
            if cells:
                row = make_row(cells, start, positional=True, whole=True)
                if row is not None:
                    yield row
                cells = []
            continue
        if not cells:
            start = number
        if tabbed and line.find("\t", 1) < 0 and len(cells) < MAX_CELLS_PER_ROW:
            # The common line, one tab and its cell: no splitting.
            text = line[1:]
            cells.append(
                (text.strip()[:MAX_CELL_CHARS], number, 2 + len(text) - len(text.lstrip()))
            )
        elif tabbed or not cells:
            parts = split_tabs(line, number)[1 if tabbed else 0 :]
            cells.extend(parts[: MAX_CELLS_PER_ROW - len(cells)])
        else:
            text, at_line, column = cells[-1]
            joined = f"{text}\n{line.strip()}" if text else line.strip()
            cells[-1] = (joined[:MAX_CELL_CHARS], at_line, column)
    if cells:
        row = make_row(cells, start, positional=True, whole=True)
        if row is not None:
            yield row


def _plain(lines: Sequence[str]) -> set[int] | None:
    """The untabbed lines (each a row's first cell, at column 1, or the continuation of
    the cell before it) where ``lines`` are in the usual shape: each empty, a tab and a
    cell's text, or untabbed text, with no space at their ends (a lone tab is an empty
    cell), no line over the length cap; ``None`` where they are not. Checked by counting
    over the joined text, no Python code per line."""
    joined = "\n".join(lines)
    filled = len(lines) - lines.count("")
    tabs = joined.count("\t")
    if not (
        joined.count("\n") == len(lines) - 1  # no line holds a newline
        and tabs == joined.count("\n\t") + joined.startswith("\t")  # only at a line's start
        and _PADDED_START.search(joined) is None
        and _PADDED_END.search(joined) is None
        and (len(joined) <= MAX_CELL_CHARS or max(map(len, lines)) <= MAX_CELL_CHARS)
    ):
        return None
    untabbed: set[int] = set()
    if tabs < filled:  # the few untabbed lines, found by their line breaks
        if lines[0][:1] not in ("", "\t"):
            untabbed.add(0)
        at = line = 0
        for found in _UNTABBED.finditer(joined):
            line += joined.count("\n", at, found.end())
            at = found.end()
            untabbed.add(line)
        texts = list(map(lines.__getitem__, untabbed))
        if list(map(str.strip, texts)) != texts:
            return None
    return untabbed


def _plain_rows(lines: Sequence[str], first_line: int, untabbed: set[int]) -> Iterator[Row]:
    """``rows`` of lines in the usual shape, a row at a time instead of a line at a time:
    the rows are the runs between empty lines, each line a cell at column 2; a row with
    ``untabbed`` lines (``_plain``) is read as ``_line_rows`` reads it (``_untabbed``)."""
    texts = list(map(_AFTER_TAB, lines))
    kinds = cell_kinds(texts)  # every cell's kind in one pass; each row takes its slice
    start = 0
    for end in [*compress(count(), map(not_, lines)), len(lines)]:
        if end > start:
            if untabbed and not untabbed.isdisjoint(range(start, end)):
                cells = _untabbed(lines, first_line, start, end, untabbed)
                row = make_row(cells, first_line + start, True, whole=True)
            else:
                stop = min(end, start + MAX_CELLS_PER_ROW)
                cells = [(texts[at], first_line + at, 2) for at in range(start, stop)]
                row = make_row(cells, first_line + start, True, kinds[start:stop], whole=True)
            if row is not None:
                yield row
        start = end + 1


def _untabbed(
    lines: Sequence[str], first_line: int, start: int, end: int, untabbed: set[int]
) -> list[Printed]:
    """The cells of lines ``start`` to ``end`` (a row, unpadded) as ``_line_rows`` reads
    them: an ``untabbed`` line is the row's first cell at column 1, or continues the cell
    before it after a newline (replaces it, if empty)."""
    cells: list[Printed] = []
    for at in range(start, end):
        line = lines[at]
        if at not in untabbed:
            if len(cells) < MAX_CELLS_PER_ROW:
                cells.append((line[1:], first_line + at, 2))
        elif not cells:
            cells.append((line, first_line + at, 1))
        else:
            text, number, column = cells[-1]
            joined = f"{text}\n{line}" if text else line
            cells[-1] = (joined[:MAX_CELL_CHARS], number, column)
    return cells
