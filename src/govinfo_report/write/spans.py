"""The template's tables as printed in the official DOCX/HTML forms: merged cells with their
row and column spans (section 三's 勾稽关系 note cell over three header rows, group labels
down their rows, section 四's two-level header). ``render.render_html`` writes them as HTML
tables, ``review.review_html`` as the form of a review page; the fixture generator writes
them into DOCX.

A table is a list of rows; a row lists the cells that *start* on it, as ``(text, rowspan,
colspan)``, exactly as HTML's ``<tr><td rowspan colspan>`` does. A ``Form`` is the same
layout before values are filled in: each cell also names the catalogue key whose value it
holds (``None`` for a label).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from .. import labels
from ..model import Number

SpanCell = tuple[str, int, int]
SpanTable = list[list[SpanCell]]
#: ``(label, rowspan, colspan, key)``: a label cell (``key`` ``None``) or the value cell of
#: a catalogue key (``label`` empty).
FormCell = tuple[str, int, int, str | None]
Form = list[list[FormCell]]

#: How a value the report does not give is printed: a dash, which every layout keeps in
#: place (a blank cell would be dropped by layouts that do not trust the grid).
NOT_GIVEN = "—"
MONEY_UNIT = "（单位：万元）"
#: Header cells of the printed form that label no row or column (``labels.TABLE_FURNITURE``
#: lists them for recognition): section 二's label column, section 三's applicants and their
#: group, section 四's litigation group.
CONTENT = "信息内容"
APPLICANTS = "申请人情况"
ORGANISATIONS = "法人或其他组织"
LITIGATION = "行政诉讼"

#: Section 二's width: the label column and up to three value columns.
_PROACTIVE_WIDTH = 3


def form(section: str, template: str) -> Form:
    """The layout of ``section`` (``proactive``, ``applications`` or ``appeals``) in the
    official form of ``template``."""
    if section == "proactive":
        return _proactive(template)
    if section == "applications":
        return _applications(template)
    if section == "appeals":
        return _appeals()
    raise KeyError(section)


def fill(table: Form, values: Mapping[str, Number | None]) -> SpanTable:
    """``table`` with each value cell printed from ``values`` (``NOT_GIVEN`` when missing)."""
    return [
        [
            (text if key is None else cell_text(values[key]), down, across)
            for text, down, across, key in row
        ]
        for row in table
    ]


def proactive(template: str, values: Mapping[str, Number | None]) -> SpanTable:
    """Section 二: each article a full-width row, then its header and rows; a sub-table of
    fewer columns stretches its last column over the rest."""
    return fill(_proactive(template), values)


def applications(template: str, values: Mapping[str, Number | None]) -> SpanTable:
    """Section 三: the note cell over the three header rows and three label columns, then a
    row per template row, its labels merged as the official form merges them."""
    return fill(_applications(template), values)


def appeals(values: Mapping[str, Number | None]) -> SpanTable:
    """Section 四: 行政复议 over its five outcomes (each two rows high), 行政诉讼 over its two
    groups of five, and the row of fifteen values."""
    return fill(_appeals(), values)


def _proactive(template: str) -> Form:
    columns = labels.PROACTIVE_COLUMNS[template]
    table: Form = []
    for article, keys, rows in labels.PROACTIVE_BLOCKS[template]:
        spans = [1] * (len(keys) - 1) + [_PROACTIVE_WIDTH - len(keys) + 1]
        table.append([(article, 1, _PROACTIVE_WIDTH + 1, None)])
        table.append(
            [
                (CONTENT, 1, 1, None),
                *(
                    (
                        columns[key][0] + (MONEY_UNIT if key in labels.MONEY_COLUMNS else ""),
                        1,
                        span,
                        None,
                    )
                    for key, span in zip(keys, spans, strict=True)
                ),
            ]
        )
        for row in rows:
            table.append(
                [
                    (labels.PROACTIVE_ROWS[template][row][0], 1, 1, None),
                    *(
                        ("", 1, span, f"proactive.{row}.{key}")
                        for key, span in zip(keys, spans, strict=True)
                    ),
                ]
            )
    return table


def _applications(template: str) -> Form:
    applicants = [labels.APPLICANT_COLUMNS[key][0] for key in labels.APPLICANT_COLUMNS]
    table: Form = [
        [(labels.APPLICATION_NOTE, 3, 3, None), (APPLICANTS, 1, 7, None)],
        [
            (applicants[0], 2, 1, None),
            (ORGANISATIONS, 1, 5, None),
            (applicants[-1], 2, 1, None),
        ],
        [(text, 1, 1, None) for text in applicants[1:-1]],
    ]
    printed = labels.APPLICATION_PRINTED[template]
    keys = list(printed)
    outcome_rows = sum(1 for top, _, _ in printed.values() if not top) + 1
    for index, (row, (top, outcome, sub)) in enumerate(printed.items()):
        cells: list[FormCell] = []
        if top and not outcome:
            cells.append((top, 1, 3, None))
        elif top:
            cells.append((top, outcome_rows, 1, None))
        if outcome and not sub:
            cells.append((outcome, 1, 2, None))
        elif outcome:
            size = 1 + sum(1 for _ in _continuations(printed, keys[index + 1 :]))
            cells.append((outcome, size, 1, None))
        if sub:
            cells.append((sub, 1, 1, None))
        cells.extend(
            ("", 1, 1, f"applications.{row}.{column}") for column in labels.APPLICANT_COLUMNS
        )
        table.append(cells)
    return table


def _continuations(printed: dict[str, tuple[str, str, str]], keys: list[str]) -> list[str]:
    """The rows after a group's first that stay in its merged group cell."""
    rows: list[str] = []
    for key in keys:
        top, outcome, sub = printed[key]
        if top or outcome or not sub:
            break
        rows.append(key)
    return rows


def _appeals() -> Form:
    outcomes = [labels.APPEAL_OUTCOMES[key][0] for key in labels.APPEAL_OUTCOMES]
    groups = [labels.APPEAL_GROUPS[key][0] for key in labels.APPEAL_GROUPS]
    return [
        [(groups[0], 1, 5, None), (LITIGATION, 1, 10, None)],
        [
            *((text, 2, 1, None) for text in outcomes),
            (groups[1], 1, 5, None),
            (groups[2], 1, 5, None),
        ],
        [(text, 1, 1, None) for _ in range(2) for text in outcomes],
        [
            ("", 1, 1, f"appeals.{group}.{outcome}")
            for group in labels.APPEAL_GROUPS
            for outcome in labels.APPEAL_OUTCOMES
        ],
    ]


#: A cell printed blank (``render``'s ``blank_zeros``): ``&nbsp;``, as web pages fill an
#: empty cell (a cell a merged cell covers is ``""``); a layout writes it as its tool writes
#: an empty cell.
BLANK = "\u00a0"


def cell_text(value: Number | str | None) -> str:
    """A value as printed in a table cell (a text, ``BLANK``, as it is)."""
    if value is None:
        return NOT_GIVEN
    if isinstance(value, str):
        return value
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def header_rows(section: str) -> int:
    """How many leading rows of a section's table are its header (repeated on each page)."""
    return {"proactive": 0, "applications": 3, "appeals": 3}[section]
