"""Rendering: a ``Report`` written back as the text of a template-shaped report, its tables
laid out as a registered layout's source tool lays them out (merged label cells printed
once, multi-row headers, the 勾稽关系 note cell). ``parse(render(report, layout))`` gives
the report's values back, for every layout and both templates.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape as html_escape

from .. import labels
from ..catalogue import SECTIONS
from ..errors import UnknownLayoutError
from ..escape import escape
from ..model import Number, Report
from ..structure import layouts
from ..structure.layouts import Writer
from . import spans
from .spans import APPLICANTS, BLANK, CONTENT, MONEY_UNIT, ORGANISATIONS, cell_text

#: Prose written for a section the report has no text for.
NO_TEXT = "无。"
#: Written under the title of a report that read nothing (no cell parsed or derived), and
#: in place of each of its tables, so that its form cannot pass for a report that printed
#: its tables empty.
NOTHING_READ = (
    "【未读出任何数值 · nothing read】No cell of this report's tables was read from its "
    "source: the tables are left out. Its diagnostics say why."
)
NO_TABLE_READ = "【未读出 · nothing read】"
#: The report's name in its title, after the organisation and the year; how the title's
#: year and the signature's date are written.
REPORT_TITLE = "政府信息公开工作年度报告"
YEAR = "{year}年"
DATE = "{year}年{month}月{day}日"

_APPLICANTS = [aliases[0] for aliases in labels.APPLICANT_COLUMNS.values()]
#: Section 三's header rows as the text is flattened: the 勾稽关系 note over the three label
#: columns, 申请人情况 over the seven columns, 法人或其他组织 over the five organisations.
APPLICATION_HEADER: tuple[tuple[str, ...], ...] = (
    (labels.APPLICATION_NOTE, "", "", APPLICANTS, *[""] * 6),
    ("", "", "", _APPLICANTS[0], ORGANISATIONS, "", "", "", "", _APPLICANTS[-1]),
    ("", "", "", "", *_APPLICANTS[1:-1], ""),
)


def render(
    report: Report, layout: str | Writer = "tab-separated", *, blank_zeros: bool = False
) -> str:
    """The text of ``report``, its tables flattened as ``layout`` (a registered layout's
    name, or a ``Writer``) lays them out. With ``blank_zeros``, a cell holding 0 is printed
    blank, as many bodies fill their tables; each layout writes a blank cell as its tool
    does (an empty cell between tabs or pipes, a gap between aligned columns, an empty line
    where each cell is a line).

    Raises:
        UnknownLayoutError: ``layout`` is not registered, or cannot write tables.

    Example:
        >>> print(render(report, "markdown"))  # doctest: +SKIP
    """
    writer = layouts.get(layout) if isinstance(layout, str) else layout
    if not isinstance(writer, Writer):
        raise UnknownLayoutError(f"layout {layout!r} cannot write tables")
    flat = report.flat()
    values: Mapping[str, Number | str | None] = (
        {key: BLANK if value == 0 else value for key, value in flat.items()}
        if blank_zeros
        else flat
    )
    read = _anything_read(report)
    lines = [_title(report), ""] if read else [_title(report), "", NOTHING_READ, ""]
    tables = {
        2: proactive(report.template, values),
        3: applications(report.template, values),
        4: appeals(values),
    }
    prose = {1: report.overview, 5: report.problems, 6: report.other_matters}
    for number, title in labels.SECTION_TITLES.items():
        lines.append(title)
        if number in tables:
            lines.extend(writer.write(tables[number]) if read else [NO_TABLE_READ])
        else:
            lines.extend(_prose(prose[number]))
        lines.append("")
    lines.extend(_signature(report))
    return "\n".join(lines) + "\n"


def _anything_read(report: Report) -> bool:
    """Whether any cell of the report was parsed or derived: a report that read nothing
    renders as a "nothing read" form."""
    return report.completeness().status != "empty"


def _prose(text: str | None) -> list[str]:
    """A section's prose as lines, its control characters escaped (tabs kept)."""
    return escape(text or NO_TEXT, keep="\t\n").split("\n")


def render_html(report: Report, encoding: str = "utf-8") -> str:
    """``report`` as an HTML page whose tables carry the official form's merged cells
    (``rowspan``/``colspan``, header rows in ``<thead>``), declaring ``encoding``.

    Example:
        >>> Path("report.html").write_text(render_html(report), "utf-8")  # doctest: +SKIP
    """
    values = report.flat()
    title = _title(report)
    read = _anything_read(report)
    body = [f"<h1>{html_escape(title)}</h1>"]
    if not read:
        body.append(f"<p><strong>{html_escape(NOTHING_READ)}</strong></p>")
    tables = {
        2: spans.proactive(report.template, values),
        3: spans.applications(report.template, values),
        4: spans.appeals(values),
    }
    prose = {1: report.overview, 5: report.problems, 6: report.other_matters}
    for number, heading in labels.SECTION_TITLES.items():
        body.append(f"<h2>{html_escape(heading)}</h2>")
        if number in tables and not read:
            body.append(f"<p><strong>{html_escape(NO_TABLE_READ)}</strong></p>")
        elif number in tables:
            head = spans.header_rows(SECTIONS[number - 2])
            body.append(_html_table(tables[number], head))
        else:
            body.extend(f"<p>{html_escape(line)}</p>" for line in _prose(prose[number]))
    body.extend(
        f'<p style="text-align:right">{html_escape(line)}</p>' for line in _signature(report)
    )
    return (
        f'<!DOCTYPE html>\n<html>\n<head>\n<meta charset="{encoding}">\n'
        f"<title>{html_escape(title)}</title>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def _html_table(table: spans.SpanTable, head: int) -> str:
    rows = [
        "<tr>"
        + "".join(
            "<td"
            + (f' rowspan="{down}"' if down > 1 else "")
            + (f' colspan="{across}"' if across > 1 else "")
            + f">{html_escape(text)}</td>"
            for text, down, across in row
        )
        + "</tr>"
        for row in table
    ]
    thead = f"<thead>{''.join(rows[:head])}</thead>" if head else ""
    return f'<table border="1">{thead}<tbody>\n' + "\n".join(rows[head:]) + "\n</tbody></table>"


def _title(report: Report) -> str:
    year = YEAR.format(year=report.year) if report.year is not None else ""
    return escape(f"{report.organisation or ''}{year}{REPORT_TITLE}")


def _signature(report: Report) -> list[str]:
    lines = [escape(report.organisation)] if report.organisation else []
    if report.published:
        date = report.published
        lines.append(DATE.format(year=date.year, month=date.month, day=date.day))
    return lines


def proactive(template: str, values: Mapping[str, Number | str | None]) -> list[list[str]]:
    """Section 二 as rows of cells: each sub-table's article, header and rows."""
    columns = labels.PROACTIVE_COLUMNS[template]
    table: list[list[str]] = []
    for article, keys, rows in labels.PROACTIVE_BLOCKS[template]:
        table.append([article, *[""] * len(keys)])
        table.append(
            [
                CONTENT,
                *(
                    columns[key][0] + (MONEY_UNIT if key in labels.MONEY_COLUMNS else "")
                    for key in keys
                ),
            ]
        )
        for row in rows:
            table.append(
                [
                    labels.PROACTIVE_ROWS[template][row][0],
                    *(cell_text(values[f"proactive.{row}.{key}"]) for key in keys),
                ]
            )
    return table


def applications(template: str, values: Mapping[str, Number | str | None]) -> list[list[str]]:
    """Section 三 as rows of cells: three label columns, then the seven columns."""
    table = [list(row) for row in APPLICATION_HEADER]
    for row, printed in labels.APPLICATION_PRINTED[template].items():
        table.append(
            [
                *printed,
                *(
                    cell_text(values[f"applications.{row}.{column}"])
                    for column in labels.APPLICANT_COLUMNS
                ),
            ]
        )
    return table


def appeals(values: Mapping[str, Number | str | None]) -> list[list[str]]:
    """Section 四 as rows of cells: the three header rows and the row of 15 values."""
    keys = [
        f"appeals.{group}.{outcome}"
        for group in labels.APPEAL_GROUPS
        for outcome in labels.APPEAL_OUTCOMES
    ]
    return [*(list(row) for row in labels.APPEAL_HEADER), [cell_text(values[k]) for k in keys]]


def renderable() -> tuple[str, ...]:
    """The registered layouts that can write tables."""
    return tuple(name for name in layouts.available() if isinstance(layouts.get(name), Writer))
