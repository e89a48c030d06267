"""Tab-separated rows (PDF text extraction): one table row a line, cells split by tabs.

The grid is trusted: a blank cell between values is a cell the report left empty.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import ClassVar

from ..cells import is_number, is_value
from .base import Row, make_row, split_tabs


def multi_cell_share(lines: Sequence[str]) -> float:
    """Share of the non-blank lines that hold two or more non-empty tab-separated cells."""
    filled = multi = 0
    for line in lines:
        if not line.strip():
            continue
        filled += 1
        if "\t" in line and sum(1 for part in line.split("\t") if part.strip()) >= 2:
            multi += 1
    return multi / filled if filled else 0.0


def displacement_share(lines: Sequence[str], width: int) -> float:
    """Share of the rows holding values that show a broken grid.

    Signs: a row's first label preceded by three or more empty cells, a second label parted
    from the previous one by two or more empty cells, or a row with no label that prints
    some numbers but fewer values (numbers or dashes) than ``width``.
    """
    rows = broken = 0
    for line in lines:
        if "\t" not in line:
            continue
        cells = [part.strip() for part in line.split("\t")]
        numbers = sum(1 for text in cells if is_number(text))
        if not numbers:
            continue
        rows += 1
        values = sum(1 for text in cells if is_value(text))
        broken += _displaced(cells) or (
            all(not text or is_value(text) for text in cells) and values < width)
    return broken / rows if rows else 0.0


def _displaced(cells: Sequence[str]) -> bool:
    gap = labels = 0
    for text in cells:
        if not text:
            gap += 1
            continue
        if not is_value(text):
            if gap >= (2 if labels else 3):
                return True
            labels += 1
        gap = 0
    return False


class TabSeparated:
    """One row a line, cells split by tabs; blank cells inside the values are kept."""

    name: ClassVar[str] = "tab-separated"
    table_line: ClassVar[str] = r"\t"
    #: Whether the grid is trusted, so that a blank cell between values is a value left empty.
    positional: ClassVar[bool] = True

    def sniff(self, lines: Sequence[str], width: int) -> float:
        return multi_cell_share(lines) * (1.0 - displacement_share(lines, width))

    def rows(self, lines: Sequence[str], first_line: int) -> Iterator[Row]:
        for offset, line in enumerate(lines):
            number = first_line + offset
            row = make_row(split_tabs(line, number), number, self.positional)
            if row is not None:
                yield row

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        return ["\t".join(row) for row in table]
