"""Section 三 pasted from Word, read from the page or the document itself (issue 45): Word
gives the table one grid for all its rows, so a header row whose boundaries are not the
rows of values' adds grid columns that those rows' cells span (``自然人`` over two grid
columns beside ``法人或其他组织``; under it an empty cell, then ``商业企业`` and each row's
value under it over two). The readers know which positions a span covers: a grid column
where only such a header begins is folded into the one before it, so a covered position is
never taken for a blank cell, and every cell is read as printed."""

from __future__ import annotations

import io
from html import escape

import docx
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report import labels
from govinfo_report.read.formats.tables import Spanned
from govinfo_report.write import spans

import cms
from conftest import printed, scaled, wrong
from strategies import few_applicants

#: Section 三 of a 2021 report that leaves its zeros blank, by row: 自然人, 商业企业,
#: 科研机构, 社会公益组织, 法律服务机构, 其他, 总计 (``None``: printed blank).
ROWS: dict[str, tuple[int | None, ...]] = {
    "new": (12, 3, None, None, 2, 4, 21),
    "carried_over": (1, None, None, None, None, 1, 2),
    "granted": (8, 2, None, None, 1, 3, 14),
    "partially_granted": (2, None, None, None, None, None, 2),
    "denied.third_party_rights": (None, 1, None, None, None, None, 1),
    "unavailable.not_held": (1, None, None, None, 1, None, 2),
    "not_processed.repeated": (None, None, None, None, None, 1, 1),
    "total": (11, 3, None, None, 2, 4, 20),
    "carried_forward": (2, None, None, None, None, 1, 3),
}
COLUMNS = list(labels.APPLICANT_COLUMNS)


def _report() -> gr.Report:
    values: dict[str, object] = {f.key: 0 for f in gr.fields("2021") if f.section != "applications"}
    for row, printed_ in ROWS.items():
        values |= {
            f"applications.{row}.{column}": value
            for column, value in zip(COLUMNS, printed_, strict=True)
            if value is not None
        }
    return gr.Report.from_values(values, template="2021", year=2022, organisation="某县人民政府")


def _word_table(report: gr.Report) -> list[list[Spanned]]:
    """Section 三 on a Word grid of one more column, typed as Word lays it out: 其他 and
    every value under it span two grid columns, the group head 法人或其他组织 ends in the
    first of them and 总计's head spans the second and the column of the totals, over an
    empty cell."""
    table = spans.applications("2021", report.flat())
    header: list[list[Spanned]] = [
        [(table[0][0][0], 3, 3), ("申请人情况", 1, 8)],
        [("自然人", 2, 1), ("法人或其他组织", 1, 5), ("总计", 1, 2)],
        [
            *((text, 1, 1) for text in ("商业企业", "科研机构", "社会公益组织", "法律服务机构")),
            ("其他", 1, 2),
            ("", 1, 1),
        ],
    ]
    body = []
    for row in table[3:]:
        cells = [
            ("" if text == spans.NOT_GIVEN else text, down, across) for text, down, across in row
        ]
        text, down, _ = cells[-2]
        body.append([*cells[:-2], (text, down, 2), cells[-1]])
    return header + body


def _page(report: gr.Report) -> str:
    """``gr.render_html``'s page with section 三 as ``_word_table``, a blank cell ``&nbsp;``."""
    page = gr.render_html(report)
    start = page.index("<table", page.index("三、收到和处理政府信息公开申请情况"))
    end = page.index("</table>", start)
    rows = "".join(
        "<tr>"
        + "".join(
            f'<td rowspan="{down}" colspan="{across}">{escape(text) or "&nbsp;"}</td>'
            for text, down, across in row
        )
        + "</tr>"
        for row in _word_table(report)
    )
    return page[:start] + f"<table>{rows}" + page[end:]


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(report: gr.Report) -> bytes:
    """The report as a Word document: its lines as paragraphs, section 三's table as
    ``_word_table`` in Word's markup (``w:gridSpan`` across, ``w:vMerge`` down)."""
    from docx.oxml import parse_xml

    text = gr.render(report, "tab-separated")
    start = text.index("\n", text.index("三、收到和处理政府信息公开申请情况")) + 1
    end = text.index("四、政府信息公开行政复议")
    document = docx.Document()
    for line in text[:start].splitlines():
        document.add_paragraph(line)
    grid = _word_table(report)
    rows = []
    below: dict[int, tuple[int, int]] = {}  # grid column -> rows still merged, its span
    for row in grid:
        cells, column = [], 0
        queue = list(row)
        while queue or column in below:
            if column in below:
                left, across = below.pop(column)
                if left > 1:
                    below[column] = (left - 1, across)
                cells.append(_tc("", across, "continue"))
                column += across
                continue
            text_, down, across = queue.pop(0)
            if down > 1:
                below[column] = (down - 1, across)
            cells.append(_tc(text_, across, "restart" if down > 1 else None))
            column += across
        rows.append(f"<w:tr>{''.join(cells)}</w:tr>")
    columns = "<w:gridCol/>" * 11
    table = f"<w:tbl {_W}><w:tblGrid>{columns}</w:tblGrid>{''.join(rows)}</w:tbl>"
    body = document.element.body
    body.insert(len(body) - 1, parse_xml(table))  # before the section's properties
    for line in text[end:].splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _tc(text: str, across: int, merge: str | None) -> str:
    span = f'<w:gridSpan w:val="{across}"/>' if across > 1 else ""
    vmerge = f'<w:vMerge w:val="{merge}"/>' if merge else ""
    return (
        f"<w:tc><w:tcPr>{span}{vmerge}</w:tcPr>"
        f"<w:p><w:r><w:t>{escape(text or chr(0xA0))}</w:t></w:r></w:p></w:tc>"
    )


def _assert_read(read: gr.Report) -> None:
    for row, want in ROWS.items():
        cells = [read.cell(f"applications.{row}.{column}") for column in COLUMNS]
        for cell, value in zip(cells, want, strict=True):
            if value is None:
                assert cell.blank, (row, cell)
            else:
                assert (cell.value, cell.provenance) == (value, "parsed"), (row, cell)
    assert not [d for d in read.diagnostics if d.code in ("values-unplaced", "merged-cells")]


def test_a_word_grid_page_reads_every_cell_of_section_three() -> None:
    page = _page(_report())
    assert 'colspan="2">4<' in page and 'colspan="2">总计<' in page
    lines = gr.extract_text(page, format="html").split("\n")
    # Ten cells a row: the three label columns, then the seven of the table.
    assert "一、本年新收政府信息公开申请数量\t\t\t12\t3\t\t\t2\t4\t21" in lines
    _assert_read(gr.parse(page, format="html"))


def test_a_word_grid_document_reads_every_cell_of_section_three() -> None:
    data = _docx(_report())
    lines = gr.extract_text(data, format="docx").split("\n")
    assert "一、本年新收政府信息公开申请数量\t\t\t12\t3\t\t\t2\t4\t21" in lines
    assert "二、上年结转政府信息公开申请数量\t\t\t1\t\t\t\t\t1\t2" in lines
    _assert_read(gr.parse(data, format="docx"))


@scaled(0.4)
@given(report=few_applicants(), blanks=st.booleans(), seed=st.integers(0, 99))
def test_every_cell_of_a_page_pasted_from_word_is_read(
    report: gr.Report, blanks: bool, seed: int
) -> None:
    """``tests/cms.py``'s Word grid (自然人 over two grid columns, 商业企业 over two), some
    applicant columns unused: blank from top to bottom where the page leaves zeros blank,
    beside the covered column."""
    habits = cms.Habits(blank_zeros=cms.SECTIONS if blanks else (), word_grid=True)
    shown = cms.blank_zeros(report) if blanks else report
    read = gr.parse(cms.render_cms_html(shown, habits, seed), format="html")
    assert wrong(read, printed(shown)) == {}
    assert [k for k in shown.applications.keys if read.cell(k).provenance == "missing"] == []
