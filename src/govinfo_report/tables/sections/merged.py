"""Rows printed on a grid with more columns than the table has: a Word table, or an HTML
page pasted from one, lays every row on one grid, so a cell that another row splits in two
spans two grid columns. Readers (ours, ``render_html``'s pages) keep a merged cell's text at
its first grid position and leave the positions it covers blank, so such a row shows more
cells than columns, the surplus ones blank. Which blank cells are covered is not shown: each
way of dropping as many blank cells is a reading, and a column is read where every reading
agrees.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from math import comb

from ...structure.layouts import Printed

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
