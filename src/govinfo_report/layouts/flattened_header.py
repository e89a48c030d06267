"""Flattened headers (PDF text with a broken grid): tab-separated lines whose labels are
displaced into other rows, two labels on one row, value columns dropped on some rows.

The grid is not trusted: blank cells are extraction noise, only printed values count, and
rows with fewer values than columns are left to the consistency rules to place.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import ClassVar

from .base import Row, make_row, split_tabs
from .tab_separated import displacement_share, multi_cell_share


class FlattenedHeader:
    """Tab-separated text whose grid is broken; blank cells are dropped."""

    name: ClassVar[str] = "flattened-header"
    table_line: ClassVar[str] = r"\t"

    def sniff(self, lines: Sequence[str], width: int) -> float:
        return multi_cell_share(lines) * min(1.0, 3.0 * displacement_share(lines, width))

    def rows(self, lines: Sequence[str], first_line: int) -> Iterator[Row]:
        for offset, line in enumerate(lines):
            number = first_line + offset
            row = make_row(split_tabs(line, number), number, positional=False)
            if row is not None:
                yield row
