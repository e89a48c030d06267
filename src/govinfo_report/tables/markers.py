"""Lines of a table that look like a page's number: a row's label alone before one, and a
value that ends a page.

A page's footer (``— 14 —``, ``- 3 -``, ``3/9``) is dropped wherever the text prints it
(``skeleton._Marks``), for a table's rows would take it as values. But a row of values can
print the same: a placeholder, a number and a placeholder (``行政强制`` / ``— 14 —``). Where
nothing shows such a line to be a page's (no page break beside it, no page numbered next to
it: ``Skeleton.doubtful``), the row whose label stands alone right before it may have
printed it, and so may a tall row whose label wraps around it (``行政  100`` / ``-1  —`` /
``处罚  项``: 本年增/减 -1 and a placeholder), so their cells are not read as printed blank:
they are missing, said. A value of a row no rule checks printed alone as a page's last line
(before pdftotext's ``\f``) may be that page's number as well (a page numbered where the
others are not, or a table's value there): read as printed, said.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..catalogue import Template
from ..diagnostics import diagnostic
from ..structure.layouts import Row
from ..structure.skeleton import PAGE_NUMBER, Skeleton, ends_page
from .matching import matcher
from .reading import Reading, cells_closed
from .sections import section_rule_set

#: The most blank lines looked past for the line after a row's label.
_GAP = 4


def blank_before_markers(
    reading: Reading, rows: Sequence[Row], skel: Skeleton, template: Template
) -> Reading:
    """``reading`` (of ``rows``, on ``skel``'s lines) without the printed blank cells of a
    row whose label alone stands right before a doubtful page marker (``Skeleton.doubtful``),
    or whose label's pieces stand right before and right after it: missing, said
    (``values-unplaced``)."""
    if not skel.doubtful:
        return reading
    blank = _blank_cells(reading)
    if not blank:
        return reading
    own = matcher(template.name, reading.section)
    doubts = []
    for at, row in enumerate(rows):
        if not row.labels:
            continue
        after = _next_printed(skel.lines, _last_line(row))
        if after not in skel.doubtful:
            continue
        names = [label for label in _labels_around(rows, at) if label]
        if not row.values:
            names.insert(0, "".join(text for text, _, _ in row.labels))
        for name in names:
            kind, key = own.match(name)
            if kind != "row" or key is None:
                continue
            cells = blank.intersection(template.rows.get((reading.section, key), ()))
            if cells:
                doubts.append((after, cells))
                break
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


def values_ending_pages(reading: Reading, skel: Skeleton, template: Template) -> Reading:
    """``reading`` with a doubt said (``page-number-possible``) for each value of a cell no
    rule checks that is a page's bare number in form and its page's last line alone."""
    if not skel.paged:
        return reading
    checked = section_rule_set(template.name, reading.section).by_cell
    lines = skel.lines
    doubts = [
        diagnostic(
            "page-number-possible",
            f"{template.fields[cell].row_label} {template.fields[cell].column_label}: "
            f"{text} is the last line of its page, alone, as a page's number is: read as "
            "the cell's value",
            line,
            column,
            (template.fields[cell].key,),
        )
        for cells, printed, _ in reading.given
        for cell, (text, line, column) in zip(cells, printed, strict=True)
        if cell not in checked
        and PAGE_NUMBER.fullmatch(text)
        and lines[line - 1].strip() == text
        and ends_page(lines, line - 1)
    ]
    if not doubts:
        return reading
    return attrs.evolve(reading, findings=(*reading.findings, *doubts))


def _blank_cells(reading: Reading) -> frozenset[int]:
    """The cells ``reading`` reads as printed blank: a row printed blank, or a blank cell
    of a row read by position."""
    given = (
        cell
        for cells, texts, _ in reading.given
        for cell, (text, _, _) in zip(cells, texts, strict=True)
        if not text.strip()
    )
    return frozenset(reading.blank).union(given)


def _last_line(row: Row) -> int:
    """The last line ``row`` prints a cell on."""
    return max(line for _, line, _ in (*row.labels, *row.values))


def _labels_around(rows: Sequence[Row], at: int) -> tuple[str, str]:
    """The label row ``at`` ends in, joined to the first of the next row's where that row
    starts with a label (a tall row's label wrapped around the doubtful line: ``行政  100``
    / ``-1  —`` / ``处罚  项``), and the next row's first label alone."""
    here = rows[at].labels[-1][0]
    after = rows[at + 1].labels if at + 1 < len(rows) else ()
    return (here + after[0][0], after[0][0]) if after else ("", "")


def _next_printed(lines: Sequence[str], line: int) -> int | None:
    """The first line after ``line`` (both from 1) that prints anything, past ``_GAP``
    blank lines at most."""
    for at in range(line, min(len(lines), line + _GAP + 1)):
        if lines[at].strip():
            return at + 1
    return None
