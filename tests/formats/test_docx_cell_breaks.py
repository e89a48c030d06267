"""A Word cell of several paragraphs, as python-docx's ``cell.text`` gives it (issue 26,
item 1: every cell the text still holds): the paragraph break is a line break inside the
tab row, so a row whose label cell holds two paragraphs (``（二）部分公开`` /
``（区分处理的…）``), or a vertical label a character a line, comes out on several lines,
the first ones short of the grid and without values. Where their tabs add up to the grid's
and every other row of values spans the grid, they are one row again."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.write.render import render

from conftest import SEEDS, WRITTEN, scaled, wrong
from strategies import reports

#: The written 2021 report, tab-separated as PDF text gives it: section 二's sub-tables
#: each as narrow as its columns.
PDF_TEXT = (WRITTEN / "2021_tab_separated.txt").read_text("utf-8")


def _section_three(report: gr.Report) -> dict[str, object]:
    return {k: v for k, v in report.flat().items() if k.startswith("applications.")}


def test_a_label_of_two_paragraphs_and_a_vertical_one_keep_their_rows() -> None:
    """Seed 000 as a Word table: the labels of 部分公开, 属于行政查询事项 and 重复申请 in two
    paragraphs each (``8.属于行政查询事`` / ``项``: a fragment too short to name a row),
    本年度办理结果 a character a paragraph. Every cell of section 三 is read as printed."""
    report = gr.parse(SEEDS[0])
    text = render(report, "tab-separated")
    broken = text.replace("（二）部分公开（区分处理的", "（二）部分公开\n（区分处理的", 1)
    broken = broken.replace("8.属于行政查询事项", "8.属于行政查询事\n项", 1)
    broken = broken.replace("2.重复申请", "2.重\n复申请", 1)
    broken = broken.replace("三、本年度办理结果\t", "三\n、\n本\n年\n度\n办\n理\n结\n果\t", 1)
    assert broken.count("\n") == text.count("\n") + 11
    back = gr.parse(broken)
    assert _section_three(back) == _section_three(report)
    assert {back.cell(key).provenance for key in _section_three(report)} == {"parsed"}


def test_lines_of_values_short_of_the_grid_are_never_joined() -> None:
    """PDF text of the same table, a label-only line before a row that lost a cell: the
    tabs add up, but a row of values short of the grid is no document's, so nothing is
    joined (the row is read as it was, by position from its label)."""
    report = gr.parse(SEEDS[0])
    text = render(report, "tab-separated")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("二、上年结转"))
    lines[at] = lines[at].replace("\t\t", "\t", 1)  # a row that lost its first blank cell
    lines.insert(at, "\t\t")  # a label-only line short of the grid before it
    back = gr.parse("\n".join(lines))
    assert wrong(back, report.flat()) == {}


@scaled(0.6)
@given(report=reports(missing=False), data=st.data())
def test_labels_cut_by_paragraph_breaks_keep_their_rows(
    report: gr.Report, data: st.DataObject
) -> None:
    """Any consistent report as a Word table through python-docx, some of section 三's row
    labels cut in two paragraphs anywhere past their numbering: every cell is read."""
    text = render(report, "tab-separated")
    start, end = text.index("三、收到"), text.index("四、政府信息公开行政复议")
    lines = text[start:end].split("\n")
    for at, line in enumerate(lines):
        cells = line.split("\t")
        label = max(cells[:3], key=len, default="")
        if len(cells) == 10 and len(label) > 4 and data.draw(st.booleans()):
            cut = data.draw(st.integers(3, len(label) - 1))
            cells[cells.index(label)] = label[:cut] + "\n" + label[cut:]
            lines[at] = "\t".join(cells)
    back = gr.parse(text[:start] + "\n".join(lines) + text[end:])
    assert wrong(back, report.flat()) == {}
    assert _section_three(back) == _section_three(report)


def test_short_sub_tables_of_pdf_text_are_never_joined() -> None:
    """Section 二 as PDF text prints each sub-table as narrow as its columns, under a
    grid as wide as its widest: a sub-table's heading, header and row (a placeholder, or a
    number after a page footer) add up to the grid's tabs, but they are rows of their own
    (found by the canonical texts' and the page footers' property tests)."""
    for row, footer in (("行政许可\t—", ""), ("行政许可\t937", "第 3 页 共 9 页\n")):
        text = PDF_TEXT.replace("第二十条第（五）项\t\n", f"第二十条第（五）项\t\n{footer}", 1)
        text = text.replace("行政许可\t937\n", f"{row}\n", 1)
        assert f"{row}\n" in text and footer in text
        cell = gr.parse(text).cell("proactive.licensing.decisions")
        assert (cell.value, cell.provenance) == ((None, "blank") if "—" in row else (937, "parsed"))
