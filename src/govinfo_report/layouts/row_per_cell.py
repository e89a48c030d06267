"""Row-per-cell (Apache Tika's text of a DOCX table): each cell on its own tab-prefixed
line, rows separated by blank lines, a cell's text continued on untabbed lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import ClassVar

from ..limits import MAX_CELL_CHARS, MAX_CELLS_PER_ROW
from .base import Cell, Row, make_row, split_tabs

#: A non-blank line that is one tab-prefixed cell.
_ONE_CELL = re.compile(r"\t[^\t\S]*\S[^\t]*\Z")  # linear: no backtracking


class RowPerCell:
    """One cell a line; a blank line ends a row (a lone tab is an empty cell); untabbed lines
    continue the last cell."""

    name: ClassVar[str] = "row-per-cell"
    table_line: ClassVar[str] = r"\t"  # the same pattern as tab-separated: one test per line

    def sniff(self, lines: Sequence[str], width: int) -> float:
        if "\t" not in "".join(lines):  # another layout's region: one search, no line loop
            return 0.0
        filled = len(lines) - list(map(str.strip, lines)).count("")
        single = sum(map(bool, map(_ONE_CELL.match, lines)))
        return single / filled if filled else 0.0

    def rows(self, lines: Sequence[str], first_line: int) -> Iterator[Row]:
        cells: list[Cell] = []
        start = first_line
        for offset, line in enumerate(lines):
            number = first_line + offset
            if not line.strip() and not line.startswith("\t"):
                if cells:
                    row = make_row(cells, start, positional=True)
                    if row is not None:
                        yield row
                    cells = []
                continue
            if not cells:
                start = number
            if line.find("\t", 1) < 0 and line[:1] == "\t" and len(cells) < MAX_CELLS_PER_ROW:
                # The common line, one tab and its cell: no splitting.
                text = line[1:]
                cells.append((text.strip()[:MAX_CELL_CHARS], number,
                              2 + len(text) - len(text.lstrip())))
            elif line.startswith("\t") or not cells:
                parts = split_tabs(line, number)[1 if line.startswith("\t") else 0:]
                cells.extend(parts[:MAX_CELLS_PER_ROW - len(cells)])
            else:
                text, at_line, column = cells[-1]
                joined = f"{text}\n{line.strip()}" if text else line.strip()
                cells[-1] = (joined[:MAX_CELL_CHARS], at_line, column)
        if cells:
            row = make_row(cells, start, positional=True)
            if row is not None:
                yield row

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        lines: list[str] = []
        for row in table:
            lines.extend(f"\t{cell}" for cell in row)
            lines.append("")
        return lines
