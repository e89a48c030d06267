"""Blank cells where a table's cells are explicit (pipes, box grids, a document's table, a
row of tabs as wide as its table): a blank is a blank, and a row with at least as many cells
after its label as the section has columns is read from the table's right edge (issue 26,
item 1)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report import labels
from govinfo_report.write.render import render
from govinfo_report.write.spans import cell_text

from conftest import WRITTEN, printed, scaled, wrong
from strategies import reports

# Sections 三 and 四 as html2text prints a page's tables: no outer pipes, a merged cell
# once, the cells a rowspan covers left out (so rows are ragged), 总计 left blank in the
# outcome rows, zeros blank, a trailing blank cell as "|  ".
# Typed for this test; the values below are read from it by eye.
HTML2TEXT = """\
桃源县文化和旅游局2022年政府信息公开工作年度报告

三、收到和处理政府信息公开申请情况

（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）| 申请人情况
---|---
自然人| 法人或其他组织| 总计
商业企业| 科研机构| 社会公益组织| 法律服务机构| 其他
一、本年新收政府信息公开申请数量| 12| 3| | 1| | | 16
二、上年结转政府信息公开申请数量| | 2| | | | | 2
三、本年度办理结果| （一）予以公开| 7| 1| | 1| | |
（二）部分公开（区分处理的，只计这一情形，不计其他情形）| 3| | | | | |
（三）不予公开| 1.属于国家秘密| | | | | | |
2.其他法律行政法规禁止公开| | | | | | |
3.危及“三安全一稳定”| | | | | | |
4.保护第三方合法权益| | | | | | |
5.属于三类内部事务信息| | | | | | |
6.属于四类过程性信息| | 1| | | | |
7.属于行政执法案卷| | | | | | |
8.属于行政查询事项| | | | | | |
（四）无法提供| 1.本机关不掌握相关政府信息| 2| 1| | | | |
2.没有现成信息需要另行制作| | | | | | |
3.补正后申请内容仍不明确| | | | | | |
（五）不予处理| 1.信访举报投诉类申请| | | | | | |
2.重复申请| | | | | | |
3.要求提供公开出版物| | | | | | |
4.无正当理由大量反复申请| | | | | | |
5.要求行政机关确认或重新出具已获取信息| | | | | | |
（六）其他处理| 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请| | | | | | |
2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请| | | | | | |
3.其他| | | | | | |
（七）总计| 12| 3| | 1| | | 16
四、结转下年度继续办理| | 2| | | | | 2

四、政府信息公开行政复议、行政诉讼情况

行政复议| 行政诉讼
---|---
结果维持| 结果纠正| 其他结果| 尚未审结| 总计| 未经复议直接起诉| 复议后起诉
结果维持| 结果纠正| 其他结果| 尚未审结| 总计| 结果维持| 结果纠正| 其他结果| 尚未审结| 总计
1| | | | 1| | | | | | | | | |
"""
HTML2TEXT = re.sub(r"(?m)(\|.*)$", r"\1  ", HTML2TEXT)


def _cells(report: gr.Report, prefix: str) -> list[tuple[object, str]]:
    return [(c.value, c.provenance) for t in report.tables for c in t if c.key.startswith(prefix)]


B = (None, "blank")
Z = (0, "derived")  # a printed blank that the report's own sums prove is 0


def test_ragged_pipe_rows_are_read_from_the_right_edge() -> None:
    report = gr.parse(HTML2TEXT)
    assert report.applications.layout == "markdown"
    # 12 + 3 + 1 = 16: the row's blanks are 0 by its own sum
    assert _cells(report, "applications.new.") == [
        (12, "parsed"), (3, "parsed"), Z, (1, "parsed"), Z, Z, (16, "parsed"),
    ]  # fmt: skip
    assert _cells(report, "applications.carried_over.") == [
        Z,
        (2, "parsed"),
        Z,
        Z,
        Z,
        Z,
        (2, "parsed"),
    ]
    # 总计 left blank in the outcome rows: a blank, never the sum of its row (8)
    granted = report.cell("applications.granted.total")
    assert (granted.value, granted.provenance, granted.raw) == (None, "blank", "")
    assert granted.blank and granted.line is not None
    assert _cells(report, "applications.granted.")[:4] == [
        (7, "parsed"),
        (1, "parsed"),
        Z,
        (1, "parsed"),
    ]
    assert _cells(report, "applications.partially_granted.")[0] == (3, "parsed")
    assert _cells(report, "applications.denied.process_information.")[1] == (1, "parsed")
    assert _cells(report, "applications.unavailable.not_held.")[:2] == [
        (2, "parsed"),
        (1, "parsed"),
    ]
    assert _cells(report, "applications.total.") == [
        (12, "parsed"), (3, "parsed"), Z, (1, "parsed"), Z, Z, (16, "parsed"),
    ]  # fmt: skip
    every = [report.cell(f.key) for f in gr.fields("2021") if f.section != "proactive"]
    printed = {c.key for c in every if c.provenance == "parsed"}
    assert len(printed) == 21
    assert all(c.blank and (c.value, c.provenance) in (B, Z) for c in every if c.key not in printed)
    # Section 四's one row of 15, its trailing cells blank: 复议 1 = 1 + 0 + 0 + 0.
    assert _cells(report, "appeals.review.") == [(1, "parsed"), Z, Z, Z, (1, "parsed")]
    assert _cells(report, "appeals.litigation_after_review.") == [B] * 5
    assert [c.key for c in every if c.provenance == "missing"] == []


def test_a_pdf_text_row_that_lost_a_cell_is_not_read_from_the_edge() -> None:
    """A tab row narrower than its table's widest (PDF text that dropped a value) shows no
    explicit cells: its six values are placed by the rules, not by position."""
    text = (WRITTEN / "2021_tab_separated.txt").read_text("utf-8")
    line = "三、本年度办理结果\t（一）予以公开\t20\t2\t0\t0\t1\t1\t24"  # line 48
    assert line in text
    report = gr.parse(text.replace(line, line.removesuffix("\t24")))
    granted = report.cell("applications.granted.total")
    assert (granted.value, granted.provenance) == (24, "derived")
    assert report.cell("applications.granted.natural_person").value == 20


def _blank_zeros(text: str, layout: str) -> str:
    """``text`` with every printed 0 of a table left blank, as pages print them."""
    if layout == "tab-separated":
        return re.sub(r"(?:(?<=\t)|^)0(?=\t|$)", "", text, flags=re.M)
    if layout == "row-per-cell":
        return re.sub(r"^\t0$", "\t", text, flags=re.M)
    if layout == "markdown":
        return re.sub(r"(?<=\| )0(?= \|)", " ", text)
    return re.sub(r"(?<=\|)0(?= *\|)", " ", text)  # box-grid: the width kept


def _ragged(text: str) -> str:
    """Markdown rows without the cells a rowspan covers, as html2text prints them: the
    empty cells before a row's label (never blank value cells: no rowspan covers those)."""
    return re.sub(r"^\|(?: +\|)+ (?=[^\s\d|])", "| ", text, flags=re.M)


GRIDS = ["tab-separated", "row-per-cell", "markdown", "box-grid"]


@pytest.mark.parametrize("layout", GRIDS)
@scaled(1)
@given(report=reports(missing=False), ragged=st.booleans())
def test_every_cell_of_a_grid_with_blank_zeros_is_read(
    layout: str, report: gr.Report, ragged: bool
) -> None:
    text = _blank_zeros(render(report, layout), layout)
    if ragged and layout == "markdown":
        text = _ragged(text)
    back = gr.parse(text)
    traceless = _padded_rows(report) if layout == "tab-separated" else set()
    assert wrong(back, printed(report)) == {}
    for key, want in report.flat().items():
        cell = back.cell(key)
        if key in traceless:
            continue
        if cell_text(want) != "0":
            assert (cell.value, cell.provenance) == (want, "parsed"), key
        else:  # printed blank: blank, or the 0 the rules prove
            assert cell.blank, key
            assert (cell.value, cell.provenance) in (B, (0, "derived")), key


def _padded_rows(report: gr.Report) -> set[str]:
    """The keys of the tab rows (a template row; section 四's fifteen cells are one line)
    with blank cells after their last value: text input drops those, as a tool's padding
    looks the same, so they leave no trace and the row is short: its values are placed by
    the rules, where the rules can (or left missing, never wrong)."""
    values = report.flat()
    lines: dict[tuple[str, str], list[str]] = {}
    for field in gr.fields(report.template):
        line = (field.section, "" if field.section == "appeals" else field.row)
        lines.setdefault(line, []).append(field.key)
    keys: set[str] = set()
    for row in lines.values():
        shown = [i for i, key in enumerate(row) if cell_text(values[key]) != "0"]
        if shown and shown[-1] < len(row) - 1:
            keys.update(row)
    return keys


def test_a_tab_row_padded_after_losing_a_value_is_not_read_by_position() -> None:
    """Word and PDF tools end ragged rows with tabs: text whose row lost its first value
    (``行政规范性文件 3 1 12`` printed ``1 12`` and padded) must not read ``1`` as 本年制发,
    and the padding leaves the row short, so its two values are not placed at all."""
    text = (WRITTEN / "2021_tab_separated.txt").read_text("utf-8")
    line = "行政规范性文件\t3\t1\t12"  # line 27
    assert line in text
    report = gr.parse(text.replace(line, "行政规范性文件\t1\t12\t\t"))
    cells = [report.cell(f"proactive.normative_documents.{c}") for c in ("issued", "repealed")]
    assert [cell.value for cell in cells] == [None, None]
    assert report.cell("proactive.normative_documents.in_force").value in (None, 12)


def test_a_document_reader_keeps_a_row_s_blank_last_cell() -> None:
    """A document this package reads keeps every cell of its tables: a blank last cell
    stays a blank cell (read from the table's edge), where the same row given as text is
    short (a tool's padding looks the same) and its total derived by the rules."""
    text = gr.render(gr.parse(WRITTEN / "2021_tab_separated.txt"), "tab-separated")
    line = "三、本年度办理结果\t（一）予以公开\t\t20\t2\t0\t0\t1\t1\t24"  # the file's line 48
    assert line in text
    blanked = text.replace(line, line.removesuffix("24"))
    as_text = gr.parse(blanked).cell("applications.granted.total")
    assert (as_text.value, as_text.provenance) == (24, "derived") and not as_text.blank
    page = gr.parse(_html(blanked).encode("utf-8")).cell("applications.granted.total")
    assert (page.value, page.provenance, page.raw) == (None, "blank", "")


def _html(text: str) -> str:
    """``text`` as a web page: each run of tab lines a table, a cell a tab-separated part
    (an empty one an empty ``<td>``), every other line a paragraph."""
    out, rows = ["<html><body>"], []
    for line in [*text.split("\n"), ""]:
        if "\t" in line:
            rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in line.split("\t")) + "</tr>")
            continue
        if rows:
            out.append("<table>" + "".join(rows) + "</table>")
            rows = []
        out.append(f"<p>{line}</p>")
    return "\n".join([*out, "</body></html>"])


def _proactive_page(header: str, rows: dict[str, str]) -> str:
    """A 2019 page whose section 二 sub-table of 规章 and 规范性文件 is a pipe table with
    ``header`` and ``rows`` (label -> the cells after it)."""
    lines = [
        "| 第二十条第（一）项 | | | | |",
        "| --- | --- | --- | --- | --- |",
        f"| {header} |",
        *(f"| {label} | {cells} |" for label, cells in rows.items()),
    ]
    title = "红山县司法局2020年政府信息公开工作年度报告"
    return "\n".join([title, "", "二、主动公开政府信息情况", "", *lines, ""])


@scaled(0.5)
@given(made=st.integers(0, 40), published=st.integers(0, 40), total=st.integers(0, 400))
def test_a_first_value_spanning_two_columns_under_a_header_that_splits_them(
    made: int, published: int, total: int
) -> None:
    """Issue 45 item 2, issue 48 item 7: the header spans its first column over two grid
    columns and the rows span their first value over two (a blank cell after it, as the
    page's colspans leave it): three values under three columns are three cells, never a
    blank and a repeated last value, whatever the values are."""
    header = "信息内容 | 本年新制作数量 | | 本年新公开数量 | 对外公开总数量"
    text = _proactive_page(header, {"规章": f"{made} | | {published} | {total}"})
    back = gr.parse(text)
    got = [back.cell(f"proactive.rules.{c}") for c in ("made", "published", "total_published")]
    assert [(c.value, c.provenance) for c in got] == [
        (made, "parsed"),
        (published, "parsed"),
        (total, "parsed"),
    ]


def test_a_merged_cell_given_once_per_column_under_a_header_naming_it_twice() -> None:
    # python-docx gives a merged cell once per grid column it spans, in the header too: the
    # blank is the row's own, and the repeated last value one cell.
    header = "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 | 对外公开总数量"
    back = gr.parse(_proactive_page(header, {"规章": "3 | | 7 | 7"}))
    got = [back.cell(f"proactive.rules.{c}") for c in ("made", "published", "total_published")]
    assert [(c.value, c.provenance) for c in got] == [(3, "parsed"), (None, "blank"), (7, "parsed")]


@scaled(0.5)
@given(previous=st.integers(0, 60), change=st.integers(-9, 9), decisions=st.integers(0, 900))
def test_a_page_whose_header_spans_differ_from_its_rows_spans(
    previous: int, change: int, decisions: int
) -> None:
    """Issue 45 item 2 on the page itself (HTML): the header spans 本年增/减 over two grid
    columns, the row spans its first value over two; three values under a header of three
    columns are three cells, a printed 0 never a blank."""
    rows = [
        '<tr><td colspan="5">第二十条第（五）项</td></tr>',
        '<tr><td>信息内容</td><td>上一年项目数量</td><td colspan="2">本年增/减</td>'
        "<td>处理决定数量</td></tr>",
        f'<tr><td>行政许可</td><td colspan="2">{previous}</td><td>{change}</td>'
        f"<td>{decisions}</td></tr>",
    ]
    page = (
        "<html><body><p>红山县司法局2020年政府信息公开工作年度报告</p>"
        f"<p>二、主动公开政府信息情况</p><table>{''.join(rows)}</table></body></html>"
    )
    back = gr.parse(page.encode("utf-8"))
    got = [back.cell(f"proactive.licensing.{c}") for c in ("previous_items", "change", "decisions")]
    assert [(c.value, c.provenance) for c in got] == [
        (previous, "parsed"),
        (change, "parsed"),
        (decisions, "parsed"),
    ]


#: Section 三's rows whose label covers more than one label column: Tika prints the label,
#: then an empty cell for each further column it covers, then the values.
SPANNING = ("new", "carried_over", "granted", "partially_granted", "total", "carried_forward")


@pytest.mark.parametrize("row", SPANNING)
def test_a_tika_row_that_lost_a_value_is_not_read_from_the_edge(row: str) -> None:
    """Tika's text of a Word table prints a merged label's empty cells after it, so a row
    that lost one value line (moved elsewhere on the page, or dropped) still prints as many
    cells as a row of the sub-label rows: read from the right edge, every value before the
    lost one would move a column left and the label's empty cell would pass for 自然人's
    blank. Whichever value is lost, no cell is wrong and none is claimed blank (the report
    prints no blank cell in section 三). The lost cell may be derived by the rules: this
    report's 部分公开 does not add up (4 + 1 for 6), so its 总计 lost is derived as 5."""
    source = gr.parse(WRITTEN / "2021_tab_separated.txt")
    text = gr.render(source, "row-per-cell")
    truth = printed(source)
    label = labels.APPLICATION_PRINTED["2021"][row]
    start = text.index(f"\t{label[1] or label[0]}\n")
    block = text[start : text.index("\n\n", start)].split("\n")
    values = [at for at, line in enumerate(block) if line.strip()][-7:]
    assert len(values) == 7 and all(block[at].strip().isdigit() for at in values)
    rest = text[start + len("\n".join(block)) :]
    for lost, column in zip(values, labels.APPLICANT_COLUMNS, strict=True):
        report = gr.parse(text[:start] + "\n".join(block[:lost] + block[lost + 1 :]) + rest)
        found = wrong(report, truth)
        if report.cell(key := f"applications.{row}.{column}").provenance == "derived":
            found.pop(key, None)
        assert found == {}, (row, column)
        assert [cell.key for cell in report.applications if cell.blank] == [], (row, column)


def test_a_tika_value_line_moved_up_among_its_row_s_labels_is_never_read_in_order() -> None:
    """Tika's text of 1.本机关不掌握相关政府信息 (9 1 0 0 0 0 10) with one value line moved
    up between its group's label and its own: ``（四）无法提供`` / ``1`` / ``1.本机关…`` / ``9``
    … ``10``. Read in order, the row still adds up (1 + 9 = 10) but 自然人 would read 1 for
    9; six cells after the label are fewer than its columns, so its order is broken and
    the row is missing, said, whichever value moved."""
    source = gr.parse(WRITTEN / "2021_tab_separated.txt")
    text = gr.render(source, "row-per-cell")
    truth = printed(source)
    block = "\t（四）无法提供\n\t1.本机关不掌握相关政府信息\n"
    values = ["9", "1", "0", "0", "0", "0", "10"]
    assert block + "".join(f"\t{value}\n" for value in values) in text
    for moved in range(len(values)):
        rest = [value for at, value in enumerate(values) if at != moved]
        damaged = text.replace(
            block + "".join(f"\t{value}\n" for value in values),
            "\t（四）无法提供\n"
            + f"\t{values[moved]}\n\t1.本机关不掌握相关政府信息\n"
            + "".join(f"\t{value}\n" for value in rest),
        )
        report = gr.parse(damaged)
        assert wrong(report, truth) == {}, moved
        cells = [
            c for c in report.applications if c.key.startswith("applications.unavailable.not_held.")
        ]
        assert all(cell.provenance in ("missing", "derived") for cell in cells), moved
        assert any(
            d.code == "values-unplaced" and values[moved] in d.message for d in report.diagnostics
        )
