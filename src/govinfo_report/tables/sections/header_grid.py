"""Section 三's rows read by the grid columns its header rows name: python-docx's text of a
Word table prints a merged cell once per grid column it covers, in header rows and rows of
values alike, so a row of values prints more cells than the section has columns. Word lets
each row split the grid its own way: a header whose rows disagree (``自然人`` over grid
columns 4-5 in one, an empty cell at 4 and ``商业企业`` over 5-6 in the next) leaves a grid
column two columns' (5 here). Each grid column is given the column on which every header
row that names it agrees; a row's value is read at the grid columns its column holds alone,
and a value at a grid column two columns share must be a copy of one of theirs (a merged
cell printed again), else those columns' cells are not read."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import combinations, pairwise
from typing import NamedTuple

from ... import labels
from ...structure.layouts import Printed, Row
from ..matching import normalise_label
from .rows import Taken

#: The columns (indices into ``labels.APPLICANT_COLUMNS``) a header cell's name stands over:
#: one applicant column, or a group of them (``法人或其他组织``, ``申请人情况``).
_OVER: dict[str, frozenset[int]] = {
    **{
        alias: frozenset({at})
        for at, aliases in enumerate(labels.APPLICANT_COLUMNS.values())
        for alias in aliases
    },
    **{
        name: frozenset(map(list(labels.APPLICANT_COLUMNS).index, keys))
        for name, keys in labels.APPLICANT_GROUPS.items()
    },
}


class HeaderGrid(NamedTuple):
    """The grid columns of a row of values (``wide`` of them, its last cells): ``own``, for
    each of the section's columns, the grid columns every header row gives it alone;
    ``shared``, each grid column the header rows give to different columns, with them."""

    wide: int
    own: tuple[tuple[int, ...], ...]
    shared: tuple[tuple[int, frozenset[int]], ...]


def header_grid(taken: Sequence[Taken], columns: int) -> HeaderGrid | None:
    """The header's grid (``HeaderGrid``) where every row of values spans one grid wider
    than the section (``Grid.whole``, as a document's table does), the header rows above
    the first one span it too, one of them prints a merged cell again (a name twice side
    by side: python-docx's), and each of the section's columns holds a grid column alone;
    ``None`` elsewhere: the rows are read as before."""
    first, wide = None, 0
    for at, (row, runs) in enumerate(taken):
        if not (row.values or runs):
            continue
        if runs or not row.grid.whole:
            return None  # most tables: told by their first row of values
        if first is None:
            first, wide = at, len(row.grid.cells)
            if wide <= columns:
                return None
        elif len(row.grid.cells) != wide:
            return None
    if first is None:
        return None
    heads = [
        names
        for row, _ in taken[:first]
        if row.grid.whole
        and len(row.grid.spread) >= wide
        and (names := [normalise_label(text) for text, _, _ in row.grid.spread[-wide:]])
        and all(not name or name in _OVER for name in names)
    ]
    if not any(a and a == b for names in heads for a, b in pairwise(names)):
        return None
    return _grid(heads, wide, columns)


def _grid(heads: Sequence[Sequence[str]], wide: int, columns: int) -> HeaderGrid | None:
    """Each grid column given the column the header rows that name it agree on (the
    narrowest name each row gives it: ``自然人`` under ``申请人情况``); ``None`` where a grid
    column is named by none, or a column holds no grid column alone."""
    own: list[list[int]] = [[] for _ in range(columns)]
    shared: list[tuple[int, frozenset[int]]] = []
    for at in range(wide):
        over = [_OVER[names[at]] for names in heads if names[at]]
        if not over:
            return None
        agreed = frozenset.intersection(*over)
        if len(agreed) == 1:
            own[next(iter(agreed))].append(at)
            continue
        narrowest = [names for names in over if not any(other < names for other in over)]
        shared.append((at, frozenset.union(*narrowest)))
    if not all(own):
        return None
    return HeaderGrid(wide, tuple(map(tuple, own)), tuple(shared))


def by_header(
    row: Row, grid: HeaderGrid, holds: Callable[[Sequence[Printed]], bool]
) -> tuple[Row, tuple[int, ...]]:
    """``row`` (a row of values ``grid.wide`` wide) with one value a column, each read at the
    grid columns its column holds alone, and the columns it leaves unread: those whose own
    grid columns print different texts, and those that share a grid column printing a text
    none of their own prints (not a merged cell's copy: a value whose column the header
    does not tell). A blank shared grid column tells nothing and leaves none unread. Every
    column is unread where the row so read does not add up (``holds``: its own rules) and
    read with other cells taken for copies (side by side, alike) it does: a row that splits
    the grid its own way, its values one column off the header's."""
    cells = row.grid.cells[-grid.wide :]
    texts = [text for text, _, _ in cells]
    unread = {column for column, at in enumerate(grid.own) if len({texts[cell] for cell in at}) > 1}
    for at, over in grid.shared:
        if texts[at] and all(texts[grid.own[column][0]] != texts[at] for column in over):
            unread |= over
    values = tuple(cells[at[0]] for at in grid.own)
    if not holds(values) and any(map(holds, _copies_dropped(cells, len(grid.own)))):
        unread = set(range(len(grid.own)))
    return row._replace(values=values), tuple(sorted(unread))


def _copies_dropped(cells: Sequence[Printed], columns: int) -> Iterator[list[Printed]]:
    """``cells`` read ``columns`` wide each way that drops cells printing the text of the
    cell before them (a merged cell's copies)."""
    copies = [at for at in range(1, len(cells)) if cells[at][0] == cells[at - 1][0]]
    for dropped in combinations(copies, len(cells) - columns):
        yield [cell for at, cell in enumerate(cells) if at not in dropped]
