"""Rendering: a ``Report`` written back as the text of a template-shaped report, its tables
laid out as a registered layout's source tool lays them out (merged label cells printed
once, multi-row headers, the 勾稽关系 note cell). ``parse(render(report, layout))`` gives
the report's values back, for every layout and both templates.
"""

from __future__ import annotations

from decimal import Decimal

from . import labels, layouts
from .errors import UnknownLayoutError
from .model import Number, Report

#: How a value the report does not give is printed: a dash, which every layout keeps in
#: place (a blank cell would be dropped by layouts that do not trust the grid).
NOT_GIVEN = "—"
#: Prose written for a section the report has no text for.
NO_TEXT = "无。"
MONEY_UNIT = "（单位：万元）"


def render(report: Report, layout: str = "tab-separated") -> str:
    """The text of ``report``, its tables flattened as ``layout`` lays them out.

    Raises:
        UnknownLayoutError: ``layout`` is not registered, or cannot write tables.

    Example:
        >>> print(render(report, "markdown"))  # doctest: +SKIP
    """
    writer = layouts.get(layout)
    if not callable(getattr(writer, "write", None)):
        raise UnknownLayoutError(f"layout {layout!r} cannot write tables")
    values = report.flat()
    year = f"{report.year}年" if report.year is not None else ""
    lines = [f"{report.organisation or ''}{year}政府信息公开工作年度报告", ""]
    tables = {2: proactive(report.template, values), 3: applications(report.template, values),
              4: appeals(values)}
    prose = {1: report.overview, 5: report.problems, 6: report.other_matters}
    for number, title in labels.SECTION_TITLES.items():
        lines.append(title)
        if number in tables:
            lines.extend(writer.write(tables[number]))
        else:
            lines.append(prose[number] or NO_TEXT)
        lines.append("")
    if report.organisation:
        lines.append(report.organisation)
    if report.published:
        date = report.published
        lines.append(f"{date.year}年{date.month}月{date.day}日")
    return "\n".join(lines) + "\n"


def _text(value: Number | None) -> str:
    if value is None:
        return NOT_GIVEN
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def proactive(template: str, values: dict[str, Number | None]) -> list[list[str]]:
    """Section 二 as rows of cells: each sub-table's article, header and rows."""
    columns = labels.PROACTIVE_COLUMNS[template]
    table: list[list[str]] = []
    for article, keys, rows in labels.PROACTIVE_BLOCKS[template]:
        table.append([article, *[""] * len(keys)])
        table.append(["信息内容", *(columns[key][0] + (MONEY_UNIT if key in
                                                     labels.MONEY_COLUMNS else "")
                                  for key in keys)])
        for row in rows:
            table.append([labels.PROACTIVE_ROWS[template][row][0],
                          *(_text(values[f"proactive.{row}.{key}"]) for key in keys)])
    return table


def applications(template: str, values: dict[str, Number | None]) -> list[list[str]]:
    """Section 三 as rows of cells: three label columns, then the seven columns."""
    applicants = [labels.APPLICANT_COLUMNS[key][0] for key in labels.APPLICANT_COLUMNS]
    table = [
        [labels.APPLICATION_NOTE, "", "", "申请人情况", *[""] * 6],
        ["", "", "", applicants[0], "法人或其他组织", "", "", "", "", applicants[-1]],
        ["", "", "", "", *applicants[1:-1], ""],
    ]
    for row, printed in labels.APPLICATION_PRINTED[template].items():
        table.append([*printed, *(_text(values[f"applications.{row}.{column}"])
                                  for column in labels.APPLICANT_COLUMNS)])
    return table


def appeals(values: dict[str, Number | None]) -> list[list[str]]:
    """Section 四 as rows of cells: the three header rows and the row of 15 values."""
    keys = [f"appeals.{group}.{outcome}" for group in labels.APPEAL_GROUPS
            for outcome in labels.APPEAL_OUTCOMES]
    return [*(list(row) for row in labels.APPEAL_HEADER), [_text(values[k]) for k in keys]]


def renderable() -> tuple[str, ...]:
    """The registered layouts that can write tables."""
    return tuple(name for name in layouts.available()
                 if callable(getattr(layouts.get(name), "write", None)))


