"""What every layout strategy yields, and the cell helpers tab-based strategies share.

A layout turns the lines of one table region into canonical rows. A cell is a plain tuple
``(text, line, column)`` (1-based position of its first character), built once per cell.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import ClassVar, NamedTuple, Protocol

from ..cells import is_value
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
    cells: list[Cell] = []
    column = 1
    for text in line.split("\t", MAX_CELLS_PER_ROW):
        stripped = text.strip()
        lead = len(text) - len(text.lstrip())
        cells.append((stripped[:MAX_CELL_CHARS], line_number, column + lead))
        column += len(text) + 1
    return cells


def make_row(cells: Sequence[Cell], line: int, positional: bool) -> Row | None:
    """Split cells into labels and values; ``None`` for a row with no content.

    With ``positional``, blank cells between the first and the last value are kept as
    "not given" values (the grid is trusted); otherwise blank cells are dropped.
    """
    labels = tuple(c for c in cells if c[0] and not is_value(c[0]))
    values_at = [i for i, c in enumerate(cells) if c[0] and is_value(c[0])]
    if not labels and not values_at:
        return None
    if not values_at:
        return Row(labels, (), line)
    if positional:
        first, last = values_at[0], values_at[-1]
        values = tuple(c for c in cells[first:last + 1] if not c[0] or is_value(c[0]))
    else:
        values = tuple(cells[i] for i in values_at)
    return Row(labels, values, line)
