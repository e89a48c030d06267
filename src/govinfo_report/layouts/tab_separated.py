"""Tab-separated rows (PDF text extraction): one table row a line, cells split by tabs.

The grid is trusted: a blank cell between values is a cell the report left empty.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import chain, repeat
from typing import ClassVar

from ..cells import cell_kinds
from ..limits import MAX_CELL_CHARS, MAX_CELLS_PER_ROW
from .base import SPACE, Row, make_row, plain_cells, split_tabs

#: A row's cells as a string of kinds (``_`` blank, ``L`` label, ``N`` number, ``P``
#: placeholder) shows a broken grid when its first label follows three or more empty cells,
#: or a later label follows two or more.
_DISPLACED = re.compile(r"^[^L]*___L|L[^L]*__L")


@lru_cache(maxsize=2)
def grid_shares(lines: tuple[str, ...], width: int) -> tuple[float, float]:
    """The share of a region's non-blank lines that hold two or more non-empty tab cells,
    and the share of its rows holding numbers that show a broken grid.

    Signs of a broken grid: a displaced label (see ``_DISPLACED``), or a row with no label
    that prints some numbers but fewer values (numbers or dashes) than ``width``. Memoised
    (the last two regions): both tab-based layouts sniff the same region. A region where no
    line holds two filled cells (no tab, or one cell a line) is no grid: ``(0.0, 0.0)``,
    found with no line loop (a stripped line holds a tab only between two filled cells).
    """
    if "\t" not in "\n".join(map(str.strip, lines)):
        return 0.0, 0.0
    parts_of = list(map(str.split, lines, repeat("\t")))
    every_kind = cell_kinds(chain.from_iterable(parts_of))  # one pass over the cells
    filled = multi = rows = broken = at = 0
    for size in map(len, parts_of):
        kinds = every_kind[at:at + size]
        at += size
        if size == 1:  # no tab: a line of text
            filled += kinds != "_"
            continue
        blank = kinds.count("_")
        if blank == len(kinds):
            continue
        filled += 1
        multi += len(kinds) - blank >= 2
        numbers = kinds.count("N")
        if not numbers:
            continue
        rows += 1
        broken += (("L" not in kinds and numbers + kinds.count("P") < width)
                   or _DISPLACED.search(kinds) is not None)
    return (multi / filled if filled else 0.0), (broken / rows if rows else 0.0)


class TabSeparated:
    """One row a line, cells split by tabs; blank cells inside the values are kept."""

    name: ClassVar[str] = "tab-separated"
    table_line: ClassVar[str] = r"\t"
    #: Whether the grid is trusted, so that a blank cell between values is a value left empty.
    positional: ClassVar[bool] = True

    def sniff(self, lines: Sequence[str], width: int) -> float:
        multi, displaced = grid_shares(tuple(lines), width)
        return multi * (1.0 - displaced)

    def rows(self, lines: Sequence[str], first_line: int) -> Iterator[Row]:
        parts_of = list(map(str.split, lines, repeat("\t")))
        if (SPACE.search("\t".join(lines)) or max(map(len, lines), default=0) > MAX_CELL_CHARS
                or max(map(len, parts_of), default=0) > MAX_CELLS_PER_ROW):
            yield from self._line_rows(lines, first_line)
            return
        # The usual region: no cell to strip or cut, so the lines' parts are the cells and
        # their kinds are looked up in one pass over the region.
        kinds = cell_kinds(chain.from_iterable(parts_of))
        at = 0
        for number, parts in enumerate(parts_of, first_line):
            row = make_row(plain_cells(parts, number), number, self.positional,
                           kinds[at:at + len(parts)])
            at += len(parts)
            if row is not None:
                yield row

    def _line_rows(self, lines: Sequence[str], first_line: int) -> Iterator[Row]:
        """``rows`` a line at a time, any line."""
        for number, line in enumerate(lines, first_line):
            row = make_row(split_tabs(line, number), number, self.positional)
            if row is not None:
                yield row

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        return ["\t".join(row) for row in table]
