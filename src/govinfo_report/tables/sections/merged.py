"""Rows printed on a grid with more columns than the table has: a Word table, or an HTML
page pasted from one, lays every row on one grid, so a cell that another row splits in two
spans two grid columns. Readers (ours, ``render_html``'s pages) keep a merged cell's text at
its first grid position and leave the positions it covers blank, so such a row shows more
cells than columns, the surplus ones blank. Which blank cells are covered is not shown: each
way of dropping as many blank cells is a reading, and a column is read where every reading
agrees. Where one grid position is blank in every such row of the table, it is the one
covered (``covered_column``).

Such a grid is a whole grid (a Markdown table of trafilatura or markitdown gives every grid
column its cell), so a row whose first columns are blank shows them before its first value;
a layout takes them for its label's empty cells, and ``widened`` puts them back among the
values, as many as the table's widest row has.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from math import comb

from ... import labels
from ...structure.layouts import Printed, Row
from ..matching import normalise_label

#: Ways of dropping a row's blank cells that are tried at most.
MAX_WAYS = 64


def covered(values: Sequence[Printed], width: int) -> list[Printed | None] | None:
    """The ``width`` values of a row printed over more grid positions, its surplus blank
    cells covered by merged cells (the first cell never is: it starts the row's values).
    A column the readings disagree on is ``None``; the whole is ``None`` when the row has
    too few blank cells, or more than ``MAX_WAYS`` readings."""
    surplus = len(values) - width
    blanks = [at for at, (text, _, _) in enumerate(values) if not text and at]
    if surplus < 1 or len(blanks) < surplus or comb(len(blanks), surplus) > MAX_WAYS:
        return None
    options = [
        [value for at, value in enumerate(values) if at not in dropped]
        for dropped in map(set, combinations(blanks, surplus))
    ]
    return [
        column[0] if len({text for text, _, _ in column}) == 1 else None
        for column in zip(*options, strict=True)
    ]


def widened(rows: Sequence[Row], width: int) -> list[Row]:
    """``rows`` of a table whose grid is wider than its ``width`` columns, each row of a whole
    grid with as many values as the widest row, or as the header's grid has columns under
    its first column's name (``_header_width``: a report that leaves 自然人 blank in every
    row shows no row that wide), where its grid shows that many cells: the blank cells
    before its first value (its first columns left blank), which the layout took for its
    label's, put back among its values. Other tables' rows as they are."""
    widest = max((len(row.values) for row in rows), default=0)
    widest = max(widest, _header_width(rows))
    if widest <= width:
        return list(rows)
    return [_widened(row, widest) for row in rows]


def _widened(row: Row, widest: int) -> Row:
    grid = row.grid.cells
    short = widest - len(row.values)
    if not row.values or short <= 0 or not row.grid.whole or len(grid) < widest:
        return row
    values = grid[len(grid) - widest :]
    if values[short:] != row.values or any(text for text, _, _ in values[:short]):
        return row
    return row._replace(values=values)


#: The names a header prints over the section's first column: its own or a group's.
_FIRST = {
    normalise_label(name)
    for name in (
        *labels.APPLICANT_COLUMNS["natural_person"],
        *(group for group, keys in labels.APPLICANT_GROUPS.items() if "natural_person" in keys),
    )
}
_LAST = {normalise_label(name) for name in labels.APPLICANT_COLUMNS["total"]}


def _header_width(rows: Sequence[Row]) -> int:
    """How many grid columns a header row of a whole grid above the first row of values puts
    from the first column's name (``自然人``, ``申请人情况``) to its last cell, which names the
    last column (``总计``: a row padded past it, as tab text may be, does not tell), where
    every such row agrees; 0 where none does or they disagree."""
    widths = set()
    for row in rows:
        if row.values:
            break
        texts = [normalise_label(text) for text, _, _ in row.grid.spread]
        first = next((at for at, text in enumerate(texts) if text in _FIRST), None)
        if row.grid.whole and first is not None and texts[-1] in _LAST:
            widths.add(len(texts) - first)
    return widths.pop() if len(widths) == 1 else 0


def covered_column(rows: Sequence[Row], width: int) -> int | None:
    """The position among the values of rows one cell wider than ``width`` that is blank in
    every such row: the grid column a merged cell covers throughout the table (Word's
    grid). Where several side by side are (a column the report leaves blank in every row
    beside it), dropping any of them reads every row alike: the first is taken. ``None``
    where none is, where they are apart, or where no row is wider."""
    blank: set[int] | None = None
    for row in rows:
        if len(row.values) == width + 1:
            here = {at for at, (text, _, _) in enumerate(row.values) if at and not text}
            blank = here if blank is None else blank & here
    if not blank:
        return None
    if max(blank) - min(blank) + 1 == len(blank):
        return min(blank)
    return _unnamed(rows, width, blank)


#: Each applicant column's label, 总计 last, normalised.
_NAMES = [normalise_label(names[0]) for names in labels.APPLICANT_COLUMNS.values()]


def _column_named(text: str) -> int | None:
    """The applicant column a header cell names: its label, or the start of one label
    alone (``商业`` of ``商业企业``: a tool that keeps a cell's first paragraph, Word having
    broken the label over two); ``None`` for a group's name, a blank or anything else."""
    name = normalise_label(text)
    starts = [at for at, label in enumerate(_NAMES) if len(name) >= 2 and label.startswith(name)]
    return starts[0] if len(starts) == 1 else None


def _unnamed(rows: Sequence[Row], width: int, blank: set[int]) -> int | None:
    """Of the positions ``blank`` (blank in every row one cell wider than ``width``), the one
    the header rows above the first row of values name no column at, where they name every
    other position's column once, in the section's order (trafilatura's whole grid: a
    merged cell's text at its first grid column, the columns it covers blank, in header
    rows and rows of values alike, so a covered place cannot be told from a blank cell);
    ``None`` where the header does not say so."""
    named: dict[int, int] = {}
    for row in rows:
        if row.values:
            break
        spread = row.grid.spread
        if row.grid.whole and len(spread) >= width + 1:
            for at, (text, _, _) in enumerate(spread[-width - 1 :]):
                column = _column_named(text)
                if column is not None and named.setdefault(at, column) != column:
                    return None
    left = [at for at in range(width + 1) if at not in named]
    if len(left) != 1 or left[0] not in blank:
        return None
    order = [named[at] for at in sorted(named)]
    return left[0] if order == list(range(width)) else None
