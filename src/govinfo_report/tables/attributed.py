"""Rows of text read by the order of its cells alone whose values only that order gives
their row (``order_alone``): kept where a rule to another row bears them out.

Read by order, a row's values are the label's before them. Two shapes leave that doubtful,
and a row's own sum cannot settle it:

- **A row's label alone, then another row's label and values** (``一、本年新收…`` /
  ``二、上年结转…`` / ``1`` … ``6``), the first row left with no value: plain ``pdftotext``
  prints a block's labels before its values and leaves blank cells out, so the values may
  be the first row's, the second's printed blank.
- **A group's label and values, then its sub-row's label alone** (``（三）不予公开`` /
  ``0`` … ``29`` ``29`` / ``1.属于国家秘密``): the values printed before their row's label, as
  pdftotext prints a wkhtmltopdf row whose cells it reads out of line order, its first
  value after its last. A row whose applicant is one column keeps its own sum so
  (``29 0 0 0 0 0 29`` printed ``0 0 0 0 0 29 29``).

Only a rule through the row's cells and another row's, every cell of it printed, tells
such values' row and order: they are kept where at least one does and none breaks. In a
section whose rules join no rows (二, 四), nothing can tell, and the order is taken.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..catalogue import Template
from ..structure.layouts import Printed, Row
from .matching import LabelMatcher, matcher
from .reading import Reading, rows_taken_back
from .resolve import borne_out
from .sections import section_rule_set


def order_alone(
    template: Template, reading: Reading, rows: Sequence[Row], lines: Sequence[str]
) -> Reading:
    """``reading`` (of ``rows``, text read by the order of its cells alone; ``lines``, the
    text's lines, numbered from 1) without the rows whose values only that order gives
    them and no rule to another row bears out: their cells closed, each said
    (``values-unplaced``)."""
    if not _rows_joined(template, reading.section):
        return reading
    doubted = _doubted(template, reading, rows, lines)
    dropped = [
        (cells, printed)
        for cells, printed, _ in reading.given
        if doubted.intersection(printed) and not borne_out(template, reading, cells)
    ]
    return rows_taken_back(
        template,
        reading,
        dropped,
        "in text read by the order of its cells alone, its values follow another row's "
        "label printed alone, or come before its own label, so they may be another row's "
        "or out of order; no rule to another row, every cell printed, bears them out, so "
        "none is placed",
    )


def _rows_joined(template: Template, section: str) -> bool:
    """Whether a rule of ``section`` goes through cells of two rows (found once a template's
    section)."""
    joined = _JOINED.get((template.name, section))
    if joined is None:
        fields = template.fields
        joined = _JOINED[template.name, section] = any(
            len({fields[cell].row for cell in rule.cells}) > 1
            for rule in section_rule_set(template.name, section).rules
        )
    return joined


#: ``_rows_joined``, by template name and section.
_JOINED: dict[tuple[str, str], bool] = {}


def _doubted(
    template: Template, reading: Reading, rows: Sequence[Row], lines: Sequence[str]
) -> set[Printed]:
    """The printed values of ``rows`` that only their order gives their row: under a group's
    label with the label of a row alone after them (``ahead``), or after a row's label alone
    that no line of spaces follows (``_untraced``) and whose row ``reading`` gives no cell,
    unless values under a group's label before that label are its own."""
    labels = matcher(template.name, reading.section)
    match = labels.match
    placed = {cell for cells, _, _ in reading.given for cell in cells} | reading.blank
    section = reading.section
    ahead = [
        bool(row.values)
        and bool(row.labels)
        and all(match(text)[0] == "group" for text, _, _ in row.labels)
        and any(_named(labels, text) for text in _labels_alone(rows, at + 1)[:1])
        for at, row in enumerate(rows)
    ]
    doubted: set[Printed] = set()
    for at, row in enumerate(rows):
        if not row.values or not row.labels:
            continue
        first = at
        while first and rows[first - 1].labels and not rows[first - 1].values:
            first -= 1
        unread = any(
            key is not None
            and placed.isdisjoint(template.rows[section, key])
            and _untraced(rows, alone, at, lines)
            for alone in range(first, at)
            for key in (_named(labels, text) for text, _, _ in rows[alone].labels)
        )
        if ahead[at] or (unread and not (first and ahead[first - 1])):
            doubted.update(row.values)
    return doubted


def _named(labels: LabelMatcher, text: str) -> str | None:
    """The row whose label ``text`` is whole, if any."""
    kind, key = labels.match(text)
    return key if kind == "row" and labels.exact(text) else None


def _untraced(rows: Sequence[Row], at: int, to: int, lines: Sequence[str]) -> bool:
    """Whether nothing but labels and empty lines stands between ``rows[at]``'s label and
    the values of ``rows[to]``: a line of spaces between (a page's ``&nbsp;``) traces a row
    printed blank, whose values are then no other row's; an empty line traces nothing
    (plain pdftotext's keep no rhythm)."""
    labelled = {line for row in rows[at : to + 1] for _, line, _ in row.labels}
    first = min(line for _, line, _ in rows[to].values)
    return all(
        line in labelled or not lines[line - 1]
        for line in range(max(line for _, line, _ in rows[at].labels) + 1, first)
    )


def _labels_alone(rows: Sequence[Row], at: int) -> list[str]:
    """The label texts of the rows of labels alone from ``rows[at]`` on."""
    found: list[str] = []
    while at < len(rows) and rows[at].labels and not rows[at].values:
        found.extend(text for text, _, _ in rows[at].labels)
        at += 1
    return found
