"""Row-per-cell (Apache Tika's text of a DOCX table): each cell on its own tab-prefixed
line, rows separated by blank lines, a cell's text continued on untabbed lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import compress, count, repeat
from operator import itemgetter, not_
from typing import ClassVar

from ...cells import cell_kinds
from ...limits import MAX_CELL_CHARS, MAX_CELLS_PER_ROW
from .base import Layout, Printed, Row, make_row, split_tabs

#: In lines joined by newlines (and framed by them), a non-blank line that is one
#: tab-prefixed cell. Linear: no backtracking.
_ONE_CELL = re.compile(r"\n\t[^\t\S\n]*\S[^\t\n]*(?=\n)")
#: In lines joined by newlines, a cell's text with a space at its start, or at its end (two
#: patterns: each scans faster than their union).
_PADDED_START = re.compile(r"\t[^\S\n]")
_PADDED_END = re.compile(r"[^\S\t\n](?:\n|\Z)")
_AFTER_TAB = itemgetter(slice(1, None))


class RowPerCell(Layout):
    """One cell a line; a blank line ends a row (a lone tab is an empty cell); untabbed lines
    continue the last cell."""

    name: ClassVar[str] = "row-per-cell"
    table_line: ClassVar[str] = r"\t"  # the same pattern as tab-separated: one test per line

    def sniff(self, lines: Sequence[str], width: int) -> float:
        framed = "\n" + "\n".join(lines) + "\n"
        if "\t" not in framed:  # another layout's region: one search, no line loop
            return 0.0
        filled = len(lines) - list(map(str.strip, lines)).count("")
        single = len(_ONE_CELL.findall(framed))
        return single / filled if filled else 0.0

    def rows(self, lines: Sequence[str], first_line: int) -> Iterator[Row]:
        yield from (_plain_rows if _plain(lines) else _line_rows)(lines, first_line)

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


def _plain(lines: Sequence[str]) -> bool:
    """Whether ``lines`` are in the usual shape: each empty, or a tab and a cell's text with
    no space at its ends (a lone tab is an empty cell), no cell over the length cap.
    Checked by counting over the joined text, no Python code per line."""
    joined = "\n".join(lines)
    cells = len(lines) - list(lines).count("")
    return (
        joined.count("\n") == len(lines) - 1  # no line holds a newline
        and joined.count("\t") == cells == joined.count("\n\t") + joined.startswith("\t")
        and _PADDED_START.search(joined) is None
        and _PADDED_END.search(joined) is None
        and (len(joined) <= MAX_CELL_CHARS or max(map(len, lines)) <= MAX_CELL_CHARS)
    )


def _plain_rows(lines: Sequence[str], first_line: int) -> Iterator[Row]:
    """``rows`` of lines in the usual shape, a row at a time instead of a line at a time:
    the rows are the runs between empty lines, each line a cell at column 2."""
    texts = list(map(_AFTER_TAB, lines))
    kinds = cell_kinds(texts)  # every cell's kind in one pass; each row takes its slice
    start = 0
    for end in [*compress(count(), map(not_, lines)), len(lines)]:
        if end > start:
            stop = min(end, start + MAX_CELLS_PER_ROW)
            cells = list(
                zip(texts[start:stop], range(first_line + start, first_line + stop), repeat(2))
            )
            row = make_row(cells, first_line + start, True, kinds[start:stop], whole=True)
            if row is not None:
                yield row
        start = end + 1
