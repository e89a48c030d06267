"""Space-aligned columns (``lynx -dump``, ``pdftotext -layout``, ``pandoc -t plain``): a row
a line, cells separated by runs of spaces, dashed rules above and below (pandoc); a wrapped
label continues on lines of its own and a merged group label sits on a line in its middle.

There is no grid to trust: a blank cell leaves no trace, so only printed values count and a
row printing fewer values than columns is left to the consistency rules to place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import ClassVar
from unicodedata import east_asian_width

from .base import VALUE, VALUE_APART, Row, loose_value_lines, word_rows

#: A value ending a line after a label or another value, across spaces; a number with its
#: unit apart only after a column's gap (two spaces or more: prose puts one).
_LAST_VALUE = rf"(?:[^\S\t]{VALUE}|[^\S\t]{{2}}{VALUE_APART})[^\S\t]*$"
_ROW = re.compile(rf"\S[^\S\t]*{_LAST_VALUE}")


def _by_column(row: Row, lines: Sequence[str], first_line: int) -> Row:
    """A row whose values sit on several lines, all right of its label, with its values in
    column order: ``pdftotext -layout`` centres a cell's text in a row made tall by a wrapped
    label, so a column's value may sit on a line above the values left of it (``行政 … 122``
    over ``45项 +28``). Columns are display columns (a CJK character is two wide, as the
    tool laid them out). The row stays ``loose``: a number cut over two lines also looks
    so, and the row's own rules, where it has any, must confirm it. A line wrapped back to
    the margin (left of the label) keeps the line order."""
    values = row.values
    if len(values) < 2 or values[0][1] == values[-1][1] or not row.labels:
        return row
    if min(column for _, _, column in values) <= row.labels[0][2]:
        return row
    placed = sorted((_display(lines[cell[1] - first_line], cell[2]), cell) for cell in values)
    return row._replace(values=tuple(cell for _, cell in placed))


def _display(line: str, column: int) -> int:
    """The display column where 1-based character ``column`` of ``line`` starts."""
    return _display_width(line[: column - 1])


def _display_width(text: str) -> int:
    return len(text) + sum(1 for char in text if east_asian_width(char) in "WF")


class SpaceAligned:
    """A row a line, cells split on spaces; blank cells are not seen."""

    name: ClassVar[str] = "space-aligned"
    table_line: ClassVar[str] = _LAST_VALUE

    def sniff(self, lines: Sequence[str], width: int) -> float:
        # Of the lines holding a value, the share holding it after other cells: wrapped labels
        # and headers add lines without values, which say nothing.
        valued = loose_value_lines(lines)
        return sum(1 for line in valued if _ROW.search(line)) / len(valued) if valued else 0.0

    def rows(self, lines: Sequence[str], first_line: int) -> Iterator[Row]:
        return (_by_column(row, lines, first_line) for row in word_rows(lines, first_line))

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        return ["  ".join(cell for cell in row if cell) for row in table if any(row)]
