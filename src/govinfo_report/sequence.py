"""Reading section 三 by sequence, when a table read by the order of its cells came out of
step: pdftotext without -layout writes some merged labels after their rows' values, so a
row takes another's values. The row labels still come in template order and the values in
row order, so the n-th row label takes the n-th run of seven values.

That reading is kept only if it can be checked whole: the row labels (after the header) are
the template's rows in order (the last may fall after the table's last value line), the
values are seven printed counts for each, and every rule of the section is assessable and
holds.
Otherwise the table is dropped (``parser``), never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import labels
from .align import store_row
from .cells import count_values
from .diagnostics import Diagnostic
from .grid import Grid
from .layouts import Cell, Row
from .matching import matcher
from .rules import rule_set, violated

#: Column headers of section 三: a bare ``总计`` heads the total column, not the total row.
_HEADERS = frozenset(label for aliases in labels.APPLICANT_COLUMNS.values() for label in aliases)


def applications(rows: Sequence[Row], grid: Grid, found: list[Diagnostic]) -> bool:
    """Store section 三 read by sequence if that reading checks out whole; whether it did."""
    template = grid.template.name
    match = matcher(template, "applications").match
    keys = [
        key
        for row in rows
        for text, _, _ in row.labels
        if text not in _HEADERS
        for kind, key in [match(text)]
        if kind == "row" and key
    ]
    order = list(labels.APPLICATION_ROWS[template])
    keys = keys[keys.index(order[0]) :] if order[0] in keys else []  # header cells before
    values: list[Cell] = [cell for row in rows for cell in row.values]
    width = len(labels.APPLICANT_COLUMNS)
    # The last label may follow the last value, past the table's last table line.
    if keys not in (order, order[:-1]) or len(values) != width * len(order):
        return False
    keys = order
    if None in count_values([v[0] for v in values]):
        return False  # a placeholder or a bad number: the rules could not check it
    trial = list(grid.values)
    index = grid.template.index
    cells = [
        [index[f"applications.{key}.{column}"] for column in labels.APPLICANT_COLUMNS]
        for key in keys
    ]
    for row_cells, start in zip(cells, range(0, len(values), width), strict=True):
        for cell, value in zip(
            row_cells, count_values([v[0] for v in values[start : start + width]]), strict=True
        ):
            trial[cell] = value
    section = set(grid.template.sections["applications"])
    if any(
        violated(rule, trial) is not False
        for rule in rule_set(template).rules
        if section.issuperset(rule.cells)
    ):
        return False
    for row_cells, start in zip(cells, range(0, len(values), width), strict=True):
        store_row(grid, row_cells, values[start : start + width], None, found)
    return True
