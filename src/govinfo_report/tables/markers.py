"""A row's label alone before a line that looks like a page's number.

A page's footer (``— 14 —``, ``- 3 -``, ``3/9``) is dropped wherever the text prints it
(``skeleton._Marks``), for a table's rows would take it as values. But a row of values can
print the same: a placeholder, a number and a placeholder (``行政强制`` / ``— 14 —``). Where
nothing shows such a line to be a page's (no page break beside it, no page numbered next to
it: ``Skeleton.doubtful``), the row whose label stands alone right before it may have
printed it, so its cells are not read as printed blank: they are missing, said.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..catalogue import Template
from ..diagnostics import diagnostic
from ..structure.layouts import Row
from ..structure.skeleton import Skeleton
from .matching import matcher
from .reading import Reading, cells_closed

#: The most blank lines looked past for the line after a row's label.
_GAP = 4


def blank_before_markers(
    reading: Reading, rows: Sequence[Row], skel: Skeleton, template: Template
) -> Reading:
    """``reading`` (of ``rows``, on ``skel``'s lines) without the printed blank cells of a
    row whose label alone stands right before a doubtful page marker (``Skeleton.doubtful``):
    missing, said (``values-unplaced``)."""
    if not skel.doubtful or not reading.blank:
        return reading
    own = matcher(template.name, reading.section)
    doubts = []
    for row in rows:
        if not row.labels or row.values:
            continue
        after = _next_printed(skel.lines, max(line for _, line, _ in row.labels))
        if after not in skel.doubtful:
            continue
        kind, key = own.match("".join(text for text, _, _ in row.labels))
        if kind != "row" or key is None:
            continue
        cells = reading.blank.intersection(template.rows.get((reading.section, key), ()))
        if cells:
            doubts.append((after, cells))
    return cells_closed(
        reading,
        frozenset(cell for _, cells in doubts for cell in cells),
        [
            diagnostic(
                "values-unplaced",
                f"{skel.lines[after - 1].strip()!r} right after the label of "
                f"{template.fields[min(cells)].row_label} may be the page's number or the "
                "row's values: not read as printed blank",
                after,
                1,
                tuple(template.fields[cell].key for cell in sorted(cells)),
            )
            for after, cells in doubts
        ],
    )


def _next_printed(lines: Sequence[str], line: int) -> int | None:
    """The first line after ``line`` (both from 1) that prints anything, past ``_GAP``
    blank lines at most."""
    for at in range(line, min(len(lines), line + _GAP + 1)):
        if lines[at].strip():
            return at + 1
    return None
