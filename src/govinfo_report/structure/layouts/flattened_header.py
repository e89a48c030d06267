"""Flattened headers (PDF text with a broken grid): tab-separated lines whose labels are
displaced into other rows, two labels on one row, value columns dropped on some rows.

The grid is not trusted: blank cells are extraction noise, only printed values count, and
rows with fewer values than columns are left to the consistency rules to place.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from ...cells import is_value
from .tab_separated import TabSeparated, grid_shares


class FlattenedHeader(TabSeparated):
    """Tab-separated text whose grid is broken; blank cells are dropped."""

    name: ClassVar[str] = "flattened-header"
    positional: ClassVar[bool] = False

    def sniff(self, lines: Sequence[str], width: int) -> float:
        multi, displaced = grid_shares(tuple(lines), width)
        return multi * min(1.0, 3.0 * displaced)

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        """As a broken PDF grid: header rows one cell a line, group labels on lines of their
        own, each row's label pushed right by empty cells, a row of values alone wrapped."""
        lines: list[str] = []
        for row in table:
            labels = [cell for cell in row if cell and not is_value(cell)]
            values = [cell for cell in row if is_value(cell)]
            if not values:
                lines.extend(labels)
            elif not labels:
                half = (len(values) + 1) // 2
                lines.extend(("\t".join(values[:half]), "\t".join(values[half:])))
            else:
                lines.extend(labels[:-1])
                lines.append("\t".join(["", "", "", labels[-1], *values]))
        return lines
