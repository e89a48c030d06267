"""A value printed on a line of its own between two rows of space-aligned text (lynx,
inscriptis, ``pdftotext -layout``): a tall cell's value that the tool centres vertically,
on a line between its row's line and the next row's or the one before's. The layout gives
it to the row above (a row ends where a label follows a value), so the row below reads the
column it stands in as a gap: printed blank. Where the row below is read with a blank cell
in that column, the value may be either row's, and the text does not say which: that cell
is missing, not printed blank, and so is the cell the value filled in the row above, where
that row's own lines printed too few values to fill its cells without it. Where the row
below prints a value in that column, or is no row (a wrapped label's last piece), the
value is the row above's.

Where the row below shows no columns (text read by the order of its cells alone, one cell
a line; a label alone, or past the rows the layout read), a value alone on its line that
the row above took, right of both rows' labels (a column of values, not the cell-per-line
rhythm, whose values stand at the labels' column), may be either row's too where the row
below printed no value or too few to give its cells (``between_labels``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from itertools import pairwise, takewhile

import attrs

from ..catalogue import Template
from ..cells import is_value
from ..diagnostics import Diagnostic, diagnostic
from ..escape import width
from ..structure.layouts import Printed, Row
from .matching import LabelMatcher, matcher
from .reading import Given, Reading
from .sections.rows import label_text

#: Where a character of a line starts: in characters (``pdftotext -layout``) or in display
#: columns (lynx, inscriptis: a CJK character two wide).
_MEASURES: tuple[Callable[[str, int], int], ...] = (
    lambda line, at: at,
    lambda line, at: width(line[:at]),
)

#: The most lines a label wrapped one piece a line is looked for on (``_label_below``).
_PIECES = 4


@attrs.frozen
class _Between:
    """A value alone on a line between two rows: how many values the row above that took
    it printed on its own lines (``own``), the blank cells of the row below it may stand
    in, and why neither may be read."""

    own: int
    blanks: tuple[Printed, ...]
    why: str

    def said(self, blank: bool) -> str:
        """Why a cell is not read: the row below's blank cell (``blank``) or the row
        above's, given the value."""
        return self.why + (
            "its blank cell there is not read as printed blank"
            if blank
            else "the row above's cell it filled is not read as it"
        )


def between_rows(
    reading: Reading, rows: Sequence[Row], lines: Sequence[str], template: Template
) -> Reading:
    """``reading`` (of ``rows``, space-aligned, on ``lines``: the text's) without the cells
    a value alone on a line between two rows leaves in doubt (the module's docstring):
    closed, each said (``values-unplaced``)."""
    printed_cells = {cell for _, printed, _ in reading.given for cell in printed}
    found = {
        value: between
        for value, between in _between(rows, lines).items()
        if printed_cells.intersection(between.blanks)
    }
    if not found:
        return reading
    blanks = {blank: between for between in found.values() for blank in between.blanks}
    given: list[Given] = []
    closed: set[int] = set()
    findings: list[Diagnostic] = []
    for cells, printed, unit in reading.given:
        doubts = [
            (at, blanks.get(cell) or found[cell])
            for at, cell in enumerate(printed)
            if cell in blanks or (cell in found and found[cell].own < len(cells))
        ]
        if not doubts:
            given.append((cells, printed, unit))
            continue
        out = {at for at, _ in doubts}
        kept = [at for at in range(len(cells)) if at not in out]
        if kept:
            given.append((tuple(cells[at] for at in kept), tuple(printed[at] for at in kept), unit))
        closed.update(cells[at] for at in out)
        at, between = doubts[0]
        findings.append(
            diagnostic(
                "values-unplaced",
                f"{between.said(not printed[at][0])}; its cells are missing",
                printed[at][1],
                printed[at][2],
                tuple(template.fields[cells[at]].key for at in sorted(out)),
            )
        )
    if not findings:
        return reading
    return attrs.evolve(
        reading,
        given=tuple(given),
        closed=reading.closed | closed,
        findings=(*reading.findings, *findings),
    )


def _between(rows: Sequence[Row], lines: Sequence[str]) -> dict[Printed, _Between]:
    """Each value alone on a line between a row (which took it) and the next, whose line
    leaves blank a column it may stand in: with those blank cells."""
    labelled = {line for row in rows for _, line, _ in row.labels}
    found: dict[Printed, _Between] = {}
    for above, below in pairwise(rows):
        grid = below.positions.cells
        if not above.labels or not below.labels or not grid:
            continue
        top = max(line for _, line, _ in above.labels)
        bottom = min(line for _, line, _ in (*below.labels, *below.values))
        lone = [
            value for value in above.values if top < value[1] < bottom and value[1] not in labelled
        ]
        for value in lone:
            blanks = _blanks_under(value, grid, lines)
            if blanks:
                found[value] = _Between(
                    len(above.values) - len(lone),
                    blanks,
                    f"{value[0]} printed alone on line {value[1]}, between {label_text(above)} "
                    f"and {label_text(below)}, may be either row's (a tall cell's value centred "
                    f"between rows): {label_text(below)} leaves its column blank, so ",
                )
    return found


def _blanks_under(
    value: Printed, grid: Sequence[Printed], lines: Sequence[str]
) -> tuple[Printed, ...]:
    """The blank cells of ``grid`` (a row's cells on its line, in column order) that
    ``value``, alone on a line of its own, may stand in: those whose column (from its start
    to the next cell's) it overlaps, in characters or in display columns; every blank cell
    of a row that shows no column (a label alone on its line)."""
    if len({column for _, _, column in grid}) == 1:
        return tuple(cell for cell in grid if not cell[0])
    text, line, column = value
    own, row = lines[line - 1], lines[grid[0][1] - 1]
    near: set[int] = set()
    for measure in _MEASURES:
        start = measure(own, column - 1)
        end = measure(own, column - 1 + len(text))
        starts = [measure(row, at - 1) for _, _, at in grid]
        ends = [*starts[1:], end + 1]
        near.update(
            at
            for at, (left, right) in enumerate(zip(starts, ends, strict=True))
            if start < right and (end > left or at == 0)
        )
    return tuple(grid[at] for at in sorted(near) if not grid[at][0])


def between_labels(
    reading: Reading, rows: Sequence[Row], lines: Sequence[str], template: Template
) -> Reading:
    """``reading`` (of ``rows``, space-aligned or read by the order of their cells alone, on
    ``lines``: the text's) without the cells a value alone on a line between two rows
    leaves in doubt, wherever the rows show no columns: one the row above took, right of
    the labels of both, where the next line's label (the row below: another template row
    than the one above's, not its label's next piece; whole or wrapped a piece a line, a row
    of the layout's or not) begins a row that printed no value or too few to give its
    cells. Both rows' cells are closed, said (``values-unplaced``)."""
    own = matcher(template.name, reading.section)
    given = {cell for cells, _, _ in reading.given for cell in cells}
    taken = {value: cells for cells, printed, _ in reading.given for value in printed}
    shown = Counter(line for row in rows for _, line, _ in (*row.labels, *row.values))
    doubts: dict[tuple[int, ...], tuple[Printed, tuple[int, ...]]] = {}
    for above in rows:
        if not above.labels:
            continue
        top = max(line for _, line, _ in above.labels)
        for value in above.values:
            cells = taken.get(value)
            if cells is None or value[1] <= top or shown[value[1]] != 1:
                continue
            below = _label_below(lines, value[1], own)
            if below is None or not _right_of(value, (*above.labels, below[1])):
                continue
            other = template.rows.get((reading.section, below[0]), ())
            if below[0] != template.fields[cells[0]].row and other and given.isdisjoint(other):
                doubts[cells] = (value, other)
    if not doubts:
        return reading
    closed = {cell for cells, (_, other) in doubts.items() for cell in (*cells, *other)}
    return attrs.evolve(
        reading,
        given=tuple(entry for entry in reading.given if entry[0] not in doubts),
        closed=reading.closed | closed,
        blank=reading.blank - closed,
        findings=(
            *reading.findings,
            *(
                diagnostic(
                    "values-unplaced",
                    f"{value[0]} printed alone on line {value[1]}, right of the labels of "
                    f"{template.fields[cells[0]].row_label} and "
                    f"{template.fields[other[0]].row_label}, may be either row's (a tall "
                    "cell's value centred between rows), and the row below prints too few "
                    "values to say: both rows' cells are missing",
                    value[1],
                    value[2],
                    tuple(template.fields[cell].key for cell in (*cells, *other)),
                )
                for cells, (value, other) in doubts.items()
            ),
        ),
    )


def _label_below(lines: Sequence[str], line: int, own: LabelMatcher) -> tuple[str, Printed] | None:
    """The template row whose label the line right after ``line`` (counted from 1) starts
    with, joined to the label pieces of the lines after it where it is no row's whole (a
    label wrapped a piece a line), and that first piece as printed; ``None`` where that line
    starts with no label or no row's is found."""
    texts: list[str] = []
    first: Printed | None = None
    for at in range(line, min(len(lines), line + _PIECES)):
        words = lines[at].split()
        label = list(takewhile(lambda word: not is_value(word), words))
        if not label:
            return None
        if first is None:
            first = (" ".join(label), at + 1, len(lines[at]) - len(lines[at].lstrip()) + 1)
        texts.append("".join(label))
        kind, key = own.match("".join(texts))
        if kind == "row" and key is not None:
            return key, first
        if len(words) > len(label):  # the line prints values: the label ends there
            return None
    return None


def _right_of(value: Printed, labels: Sequence[Printed]) -> bool:
    """Whether ``value`` starts right of where each of ``labels`` ends, a space apart at
    least (in characters: never further than in display columns)."""
    return all(value[2] > column + len(text) for text, _, column in labels)
