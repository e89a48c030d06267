"""What every layout strategy yields, and the cell helpers tab-based strategies share.

A layout turns the lines of one table region into canonical rows. A cell is a plain tuple
``(text, line, column)`` (1-based position of its first character), built once per cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import accumulate, compress, count, repeat
from operator import add, itemgetter
from typing import ClassVar, NamedTuple, Protocol

from ..cells import BLANK, LABEL, NUMBER, PLACEHOLDER, cell_kinds
from ..limits import MAX_CELL_CHARS, MAX_CELLS_PER_ROW

Cell = tuple[str, int, int]


class Row(NamedTuple):
    """A canonical row: its label cells, its value cells (blank text = not given), its line."""

    labels: tuple[Cell, ...]
    values: tuple[Cell, ...]
    line: int


class Layout(Protocol):
    """A layout strategy. Register it in ``layouts.BUILTIN`` or the entry-point group
    ``govinfo_report.layouts``.

    Attributes:
        name: the registry name, e.g. ``"tab-separated"``.
        table_line: a regular expression that finds a line belonging to this layout's tables.
    """

    name: ClassVar[str]
    table_line: ClassVar[str]

    def sniff(self, lines: Sequence[str], width: int) -> float:
        """Confidence in [0, 1] that ``lines`` (a table region) are in this layout.

        ``width`` is how many values a full row of this table holds. Builds nothing.
        """
        ...

    def rows(self, lines: Sequence[str], first_line: int) -> Iterator[Row]:
        """The canonical rows of ``lines``, whose first line is line ``first_line``."""
        ...

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        """The lines of a table given as rows of cell texts (``""``: a blank cell), laid out
        as this layout's source tool lays tables out. Used by ``render``."""
        ...


def split_tabs(line: str, line_number: int) -> list[Cell]:
    """The tab-separated cells of a line, stripped, with their 1-based columns."""
    parts = line.split("\t", MAX_CELLS_PER_ROW)
    # Column of part k: 1 + the lengths of the parts before it + the k tabs between them.
    columns = map(add, accumulate(map(len, parts), initial=1), count())
    if (len(line) <= MAX_CELL_CHARS and len(parts) <= MAX_CELLS_PER_ROW
            and not _SPACE.search(line)):  # the common case, at C speed
        return list(zip(parts, repeat(line_number), columns))
    return [(part.strip()[:MAX_CELL_CHARS], line_number,
             column + len(part) - len(part.lstrip()))
            for part, column in zip(parts, columns, strict=False)]


#: Whitespace other than tabs: a line without any has nothing to strip.
_SPACE = re.compile(r"[^\S\t]")


_VALUE_KINDS = NUMBER + PLACEHOLDER
_NOT_VALUES = LABEL + BLANK


def make_row(cells: Sequence[Cell], line: int, positional: bool) -> Row | None:
    """Split cells into labels and values; ``None`` for a row with no content.

    With ``positional``, blank cells between the first and the last value are kept as
    "not given" values (the grid is trusted); otherwise blank cells are dropped.
    """
    kinds = cell_kinds(map(itemgetter(0), cells))
    # The usual row, its labels first and then its values, is sliced; others are filtered.
    head = len(kinds) - len(kinds.lstrip(LABEL))
    labels = tuple(cells[:head]) if kinds.count(LABEL) == head else tuple(
        compress(cells, map(LABEL.__eq__, kinds)))
    first = len(kinds) - len(kinds.lstrip(_NOT_VALUES))
    if first == len(kinds):
        return Row(labels, (), line) if labels else None
    if positional:
        last = len(kinds.rstrip(_NOT_VALUES))
        values = tuple(cells[first:last]) if LABEL not in kinds[first:last] else tuple(
            compress(cells[first:last], map(LABEL.__ne__, kinds[first:last])))
    else:
        values = tuple(compress(cells, map(_VALUE_KINDS.__contains__, kinds)))
    return Row(labels, values, line)
