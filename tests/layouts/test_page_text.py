"""The text HTML-to-text tools make of a page as sites publish it (issue 45, the tool bed of
``benchmarks/toolbed.py``): BeautifulSoup's ``get_text()`` and lxml's ``text_content()``
keep the headings' line breaks but run each table's cells together on one line;
trafilatura and markitdown write a Word grid's every column, one more than the table has;
html2text leaves out the outer pipes, so a row whose first cell is blank starts with one.
Each text here is typed for its test, its values read by eye."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report import labels
from govinfo_report.escape import starts, width
from govinfo_report.write.render import render

from conftest import printed, scaled, wrong
from manglers import (
    Html2TextPipes,
    MarkitdownPipes,
    WordGridPipes,
    not_given_blank,
    one_line_page,
    pandoc_gfm,
    pandoc_grid_spans,
    pandoc_simple_spans,
    tables_run_together,
    web_archive,
)
from strategies import few_applicants, given_blanks, reports

NBSP = "\u00a0"
#: The applicant columns of section 三, 总计 last.
COLUMNS = list(labels.APPLICANT_COLUMNS)

# A page whose headings and paragraphs kept their lines and whose tables did not (each on
# one line, cells run together: get_text() of markup with no white space between tags).
RUN_TOGETHER = f"""\
青石县市场监督管理局2022年政府信息公开工作年度报告
一、总体情况
2022年，青石县市场监督管理局认真贯彻落实《中华人民共和国政府信息公开条例》。
二、主动公开政府信息情况
第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件{NBSP}{NBSP}7\
第二十条第（五）项信息内容本年处理决定数量行政许可0第二十条第（六）项信息内容本年处理决定数量行政处罚\
0行政强制0第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计\
商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量3000003\
二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开2000002\
（二）部分公开（区分处理的，只计这一情形，不计其他情形）0000000（三）不予公开1.属于国家秘密0000000\
2.其他法律行政法规禁止公开00000003.危及“三安全一稳定”00000004.保护第三方合法权益0000000\
5.属于三类内部事务信息00000006.属于四类过程性信息00000007.属于行政执法案卷0000000\
8.属于行政查询事项0000000（四）无法提供1.本机关不掌握相关政府信息1000001\
2.没有现成信息需要另行制作00000003.补正后申请内容仍不明确0000000（五）不予处理\
1.信访举报投诉类申请00000002.重复申请00000003.要求提供公开出版物0000000\
4.无正当理由大量反复申请00000005.要求行政机关确认或重新出具已获取信息0000000（六）其他处理\
1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请0000000\
2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请00000003.其他0000000\
（七）总计3000003四、结转下年度继续办理0000000
四、政府信息公开行政复议、行政诉讼情况
行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结\
总计结果维持结果纠正其他结果尚未审结总计{NBSP * 5}1{NBSP * 3}1{NBSP * 5}
五、存在的主要问题及改进情况
信息公开的及时性有待加强。
六、其他需要报告的事项
本年度未收取信息处理费。
青石县市场监督管理局
2023年1月16日
"""


def test_tables_run_together_under_headings_that_kept_their_lines_are_cut_again() -> None:
    report = gr.parse(RUN_TOGETHER)
    flat = report.flat()
    assert (report.organisation, report.year, report.template) == (
        "青石县市场监督管理局",
        2022,
        "2021",
    )
    assert [flat[f"applications.new.{c}"] for c in ("natural_person", "total")] == [3, 3]
    assert flat["applications.granted.total"] == 2
    assert flat["applications.unavailable.not_held.natural_person"] == 1
    assert flat["applications.total.total"] == 3
    assert flat["proactive.licensing.decisions"] == 0
    assert any(d.code == "line-breaks-lost" for d in report.diagnostics)
    # 行政规范性文件 prints two blank cells (&nbsp;) and 7: which of its cells the 7 is,
    # the text of run-together cells does not show for certain (no rule checks section 二's
    # rows, so its no-break spaces are not read as blank cells); nothing wrong is read.
    assert flat["proactive.normative_documents.in_force"] in (None, 7)
    assert flat["proactive.normative_documents.issued"] in (None, 0)


def test_blank_cells_as_no_break_spaces_are_not_columns_of_spaces() -> None:
    """A row of cells run together whose blank cells are one U+00A0 each looks like
    space-aligned columns (``6.属于四类过程性信息 1    17.属于…``: the 1 under 商业企业, its
    total 1 run into the next label's numbering); its neighbours' values glued to their
    labels show the cells ran together, and nothing is read by columns."""
    blank = NBSP
    line = (
        f"（一）予以公开8{blank * 5}8（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
        f"{blank * 7}（三）不予公开1.属于国家秘密{blank * 7}"
        f"6.属于四类过程性信息{blank}1{blank * 4}17.属于行政执法案卷{blank * 7}"
    )
    text = RUN_TOGETHER.replace(
        RUN_TOGETHER[RUN_TOGETHER.index("（一）予以公开") : RUN_TOGETHER.index("8.属于行政查询")],
        line,
    )
    report = gr.parse(text)
    got = report.cell("applications.denied.process_information.natural_person")
    assert got.value is None and got.provenance != "blank"
    for column in ("commercial_enterprise", "total"):
        cell = report.cell(f"applications.denied.process_information.{column}")
        assert cell.value in (None, 1) and cell.provenance != "blank", column


# get_text() of a page that leaves its zeros blank, each blank cell one &nbsp;: every
# table on one line, ending in a value after blank cells (行政事业性收费's cell printed with a
# leading &nbsp;, 结转下年度继续办理's 1 and its total), so each line looks like a row of
# space-aligned columns; rows of blank cells only (``B7``) show no value.
B7 = NBSP * 7
BLANK_ZEROS = f"""\
青石县市场监督管理局2022年政府信息公开工作年度报告
一、总体情况
2022年，青石县市场监督管理局认真贯彻落实《中华人民共和国政府信息公开条例》。
二、主动公开政府信息情况
第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章{NBSP * 3}行政规范性文件2{NBSP}7\
第二十条第（五）项信息内容本年处理决定数量行政许可12第二十条第（六）项信息内容本年处理决定数量行政处罚\
{NBSP}行政强制{NBSP}第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费{NBSP}1.5
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计\
商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量4{NBSP * 5}4\
二、上年结转政府信息公开申请数量{B7}三、本年度办理结果（一）予以公开2{NBSP * 5}2\
（二）部分公开（区分处理的，只计这一情形，不计其他情形）{B7}（三）不予公开1.属于国家秘密{B7}\
2.其他法律行政法规禁止公开{B7}3.危及“三安全一稳定”{B7}4.保护第三方合法权益{B7}\
5.属于三类内部事务信息{B7}6.属于四类过程性信息{B7}7.属于行政执法案卷{B7}\
8.属于行政查询事项{B7}（四）无法提供1.本机关不掌握相关政府信息1{NBSP * 5}1\
2.没有现成信息需要另行制作{B7}3.补正后申请内容仍不明确{B7}（五）不予处理\
1.信访举报投诉类申请{B7}2.重复申请{B7}3.要求提供公开出版物{B7}\
4.无正当理由大量反复申请{B7}5.要求行政机关确认或重新出具已获取信息{B7}（六）其他处理\
1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请{B7}\
2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请{B7}3.其他{B7}\
（七）总计3{NBSP * 5}3四、结转下年度继续办理1{NBSP * 5}1
四、政府信息公开行政复议、行政诉讼情况
行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结\
总计结果维持结果纠正其他结果尚未审结总计{NBSP * 5}1{NBSP * 3}1{NBSP * 5}
五、存在的主要问题及改进情况
信息公开的及时性有待加强。
六、其他需要报告的事项
本年度未收取信息处理费。
青石县市场监督管理局
2023年1月16日
"""


def test_tables_on_one_line_each_that_look_like_columns_are_cut_again() -> None:
    """Each table on one line whose last value follows blank cells looks like a row of
    space-aligned columns, in every section; a line the cutting breaks into rows is a table
    run together, not one the text showed, and is read so."""
    report = gr.parse(BLANK_ZEROS)
    flat = report.flat()
    assert flat["proactive.licensing.decisions"] == 12
    assert flat["proactive.fees.amount"] == Decimal("1.5")
    assert any(d.code == "line-breaks-lost" for d in report.diagnostics)


#: The rows of ``BLANK_ZEROS`` that print a value: 自然人 and 总计, the other cells blank.
TOTALS = {"new": 4, "granted": 2, "unavailable.not_held": 1, "total": 3, "carried_forward": 1}


def test_runs_with_fewer_digits_than_cells_are_read_with_blank_cells() -> None:
    """The page's text with its no-break spaces made plain ones (a tool that prints
    ``&nbsp;`` as a space): ``4     4`` has two values for seven cells and no trace of which
    are blank (no digit is lost in one-line text), so it is read with blank cells among its
    values, and the whole table's rules choose. Each row's one count could stand under any
    applicant column (all six columns fit alike), so those stay missing; the 总计 column is
    certain."""
    report = gr.parse(BLANK_ZEROS.replace(NBSP, " "))
    flat = report.flat()
    for row, want in TOTALS.items():
        assert flat[f"applications.{row}.total"] == want, row
        assert flat[f"applications.{row}.natural_person"] is None, row
    found = {d.code for d in report.diagnostics if "4     4" in d.message}
    assert found == {"collapsed-cell"}


def test_blank_cells_printed_as_no_break_spaces_place_a_row_s_values() -> None:
    """``get_text()`` keeps each blank cell's ``&nbsp;`` as one no-break space, and the page
    shows it does (rows printed blank, seven of them after the label): ``4`` and five of
    them and ``4`` are the row's seven cells, so 4 is 自然人's and its 总计, and the cells
    between are printed blank (0 by the rules); section 四's fifteen cells are five blank,
    1 and three blank and 1, five blank. Section 二's rows, which no rule checks, are read
    as without them (``2 7``: which cells, the text does not show for certain)."""
    report = gr.parse(BLANK_ZEROS)
    flat = report.flat()
    for row, want in TOTALS.items():
        assert [flat[f"applications.{row}.{column}"] for column in COLUMNS] == [
            want,
            *[0] * 5,
            want,
        ], row
        for column in COLUMNS[1:6]:
            cell = report.cell(f"applications.{row}.{column}")
            assert cell.provenance == "derived", (row, column)
    assert wrong(report, {"proactive.normative_documents.issued": 2}) == {}
    assert flat["proactive.normative_documents.repealed"] is None
    assert [flat[f"appeals.litigation_direct.{c}"] for c in ("upheld", "total")] == [1, 1]
    assert flat["appeals.review.total"] is None
    assert report.cell("appeals.review.total").provenance == "blank"


def test_a_blank_cell_read_from_a_no_break_space_is_where_it_was_printed() -> None:
    report = gr.parse(BLANK_ZEROS)
    lines = BLANK_ZEROS.split("\n")
    cell = report.cell("applications.new.commercial_enterprise")
    assert cell.raw == "" and cell.line is not None and cell.column is not None
    assert lines[cell.line - 1][cell.column - 1] == NBSP
    four = report.cell("applications.new.total")
    assert four.line == cell.line and four.column is not None
    assert lines[four.line - 1][four.column - 1 :].startswith("4二、上年结转")


def _row_printed(text: str, row: str, cells: str) -> str:
    """``BLANK_ZEROS`` with section 三's row ``row`` (its label as printed) printing
    ``cells`` after its label instead."""
    start = text.index(row) + len(row)
    end = start
    while text[end] == NBSP or text[end].isdigit():  # the cells, up to the next label
        end += 1
    return text[:start] + cells + text[end:]


NEW = "一、本年新收政府信息公开申请数量"


def _row_said(report: gr.Report) -> list[str]:
    """The messages about section 三's first row."""
    return [d.message for d in report.diagnostics if d.message.startswith(NEW[2:])]


@pytest.mark.parametrize(
    "cells",
    [
        f"{NBSP}4{NBSP * 5}4",  # a value padded: &nbsp;4
        f"4{NBSP * 10}4",  # each blank cell two: &nbsp;&nbsp;
        f"4{NBSP * 6}4{NBSP}",  # padding after a value and a blank: 4&nbsp; … 4&nbsp;
        f"4{NBSP * 2}4",  # four cells of seven: blank cells that left no trace too
    ],
    ids=["padded", "doubled", "padded-after", "short"],
)
def test_no_break_spaces_that_are_not_the_row_s_cells_fall_back_to_the_reading_without_them(
    cells: str,
) -> None:
    """A page that pads a value with ``&nbsp;`` or prints a blank cell as two leaves more
    no-break spaces than the row has blank cells; one that leaves some blank cells empty
    leaves fewer: read as one blank cell each they do not make the row's seven cells, so the
    row is read as if they were plain spaces (its values and blank cells placed by the whole
    table's rules, or missing), never by them."""
    report = gr.parse(_row_printed(BLANK_ZEROS, NEW, cells))
    said = _row_said(report)
    assert said and not any("no-break space" in message for message in said)
    assert any("holds fewer values than its 7 cells" in message for message in said)
    truth = dict.fromkeys((f"applications.new.{c}" for c in COLUMNS), None)
    truth.update({"applications.new.natural_person": 4, "applications.new.total": 4})
    assert wrong(report, truth) == {}


def test_no_break_spaces_a_row_s_rules_refute_fall_back_to_the_reading_without_them() -> None:
    """``4 … 5``: five no-break spaces and two counts make the row's seven cells, but its
    总计 is not the sum of the six columns: the reading by no-break spaces is not kept, and
    the row is read as without them (here: no reading lets its rule hold, so its cells are
    missing and that is said; the report's inconsistency is never mended)."""
    report = gr.parse(_row_printed(BLANK_ZEROS, NEW, f"4{NBSP * 5}5"))
    assert [report.flat()[f"applications.new.{c}"] for c in COLUMNS] == [None] * 7
    said = _row_said(report)
    assert any("no reading of them lets its row's rules hold" in message for message in said)
    assert not any("no-break space" in message for message in said)


def test_no_break_spaces_are_blank_cells_only_where_the_page_shows_it_prints_them_so() -> None:
    """A page whose rows printed blank leave nothing (empty cells, not ``&nbsp;``) does not
    show that a no-break space is a blank cell: there ``4     4`` may be padding around
    values whose blank cells left no trace, so the rows are read as without them."""
    report = gr.parse(BLANK_ZEROS.replace(B7, ""))
    flat = report.flat()
    for row, want in TOTALS.items():
        assert flat[f"applications.{row}.total"] == want, row
        assert flat[f"applications.{row}.natural_person"] is None, row
    assert not any("no-break space" in d.message for d in report.diagnostics)


def test_no_break_spaces_in_prose_and_labels_change_nothing() -> None:
    """No-break spaces as a page's ordinary spacing, in its prose (``全年共收到申请&nbsp;4
    件``), its headings and a row's label, and none in the tables' cells: the report reads
    as the same text with plain spaces."""
    plain = BLANK_ZEROS.replace(NBSP, "").replace(
        "认真贯彻落实", "认真贯彻落实。全年共收到申请 4 件，"
    )
    spaced = (
        plain.replace("申请 4 件", f"申请{NBSP}4{NBSP}件")
        .replace("四、政府信息公开", f"四、{NBSP}政府信息公开")
        .replace("2.没有现成信息", f"2.没有{NBSP}现成信息")
    )
    assert spaced.count(NBSP) == 4
    got, want = gr.parse(spaced), gr.parse(spaced.replace(NBSP, " "))
    assert got.flat() == want.flat()
    assert [d.message for d in got.diagnostics] == [d.message for d in want.diagnostics]


def test_glued_counts_whose_blank_cells_closed_to_one_space_are_cut() -> None:
    """A web archive's text of the page: its white space closed up, each run of blank cells
    one space (``予以公开236 332``: 23 and 6, three blank cells, 3 and 32). Read as two counts
    apart, 236 and 332 add up in no way, which would leave every row of the table read as
    printed; cut further, they do (23 + 6 + 3 = 32), and the whole table's rules choose. The
    three counts fit any three applicant columns in order in every row alike, so those stay
    missing; the 总计 column is certain."""
    page = (
        BLANK_ZEROS.replace("申请数量4" + NBSP * 5 + "4", "申请数量246" + NBSP * 3 + "333")
        .replace("予以公开2" + NBSP * 5 + "2", "予以公开236" + NBSP * 3 + "332")
        .replace("总计3" + NBSP * 5 + "3", "总计246" + NBSP * 3 + "333")
        .replace("办理1" + NBSP * 5 + "1", "办理" + B7)
    )
    text = " ".join(page.split())
    assert "予以公开236 332" in text
    report = gr.parse(text)
    flat = report.flat()
    assert flat["applications.granted.total"] == 32
    assert flat["applications.new.total"] == 33
    assert flat["applications.total.total"] == 33
    assert flat["applications.unavailable.not_held.total"] == 1
    assert flat["applications.granted.natural_person"] in (None, 23)
    assert flat["applications.granted.other_organisation"] in (None, 3)


@scaled(1)
@given(
    report=reports(),
    seed=st.integers(0, 2**32),
    blanks=st.booleans(),
    archived=st.booleans(),
    traced=st.booleans(),
)
def test_pages_whose_tables_ran_together_are_never_read_wrong(
    report: gr.Report, seed: int, blanks: bool, archived: bool, traced: bool
) -> None:
    """``get_text()`` of a page with no white space between its table's tags, or
    (``archived``) a web archive's text of it: white space closed up, each run of blank
    cells one space between counts run together. ``traced``: the page prints every blank
    cell ``&nbsp;`` (a row that shows none has every cell filled); else some pages leave
    them empty, or some of them, or pad values."""
    text = tables_run_together(
        render(report, "tab-separated", blank_zeros=blanks), random.Random(seed), traced=traced
    )
    back = gr.parse(one_line_page(text, random.Random(seed)) if archived else text)
    assert back.template == report.template
    assert wrong(back, printed(report)) == {}
    assert not any(d.code == "table-missing" for d in back.diagnostics)


@scaled(1)
@given(report=reports(), seed=st.integers(0, 2**32))
def test_web_archive_pages_that_leave_their_zeros_blank_are_never_read_wrong(
    report: gr.Report, seed: int
) -> None:
    """A web archive's text of a page that leaves its zeros blank (``web_archive``): white
    space closed up, so each run of blank cells is one space and filled cells meet with
    nothing between; on some pages blank cells typed over by hand leave no trace, or a value
    padded with ``&nbsp;`` prints a space that is no blank cell. A space is read as a run of
    blank cells only where the page shows it and no row refutes it; nothing read is wrong.
    (``tables_run_together`` then ``one_line_page``, above, prints a space for the empty
    label cells of a grid too, which no page with merged label cells does.)"""
    back = gr.parse(
        web_archive(render(report, "tab-separated", blank_zeros=True), random.Random(seed))
    )
    assert wrong(back, printed(report)) == {}


# Section 二 of a page that prints every cell, zeros as 0 and a cell the report leaves
# empty as ``&nbsp;``, as get_text() runs each table's cells together: the rows of zeros
# show that no blank cell hides between digits, but a blank cell prints a no-break space
# (a space once folded), and a web archive closes white space to one space.
PROACTIVE_2019 = (
    "第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件000"
    "第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可000"
    "其他对外管理服务事项{other}第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量"
    "行政处罚{penalties}行政强制000第二十条第（八）项信息内容上一年项目数量本年增/减"
    "行政事业性收费00第二十条第（九）项信息内容采购项目数量采购总金额（单位：万元）"
    "政府集中采购{procurement}"
)


def _page_2019(proactive: str) -> str:
    """A 2019 report's page as get_text() gives it, every table's cells run together, its
    section 三 and 四 zeros: section 二 ``proactive``."""
    report = gr.Report.from_values(
        {field.key: 0 for field in gr.fields("2019")},
        template="2019",
        organisation="青石县市场监督管理局",
        year=2020,
    )
    text = tables_run_together(render(report, "tab-separated"), random.Random(0), traced=True)
    start = text.index("第二十条第（一）项")
    return text[:start] + proactive + text[text.index("\n", start) :]


@pytest.mark.parametrize("archived", [False, True])
def test_a_blank_cell_at_a_space_leaves_a_cut_of_the_digits_unproven(archived: bool) -> None:
    """行政处罚 prints 518, a blank 本年增/减 and 7 (``518&nbsp;7``): cut at its digits alone,
    ``518 7`` is 51, 8 and 7, but 518, a blank cell and 7 fits the text as well. Section 二
    has no rule to choose: the two cells the readings differ on are missing, never 51 and
    8; the 7 both give is read. 其他对外管理服务事项 ``63 12`` (63, a blank, 12) and
    政府集中采购 ``12`` then the table's end (12 and a blank amount: nothing shows a blank
    cell where a table ends) are as unsure."""
    proactive = PROACTIVE_2019.format(
        other=f"63{NBSP}12", penalties=f"518{NBSP}7", procurement="12"
    )
    page = _page_2019(proactive)
    text = " ".join(page.split()) if archived else page
    report = gr.parse(text)
    assert any(d.code == "every-cell-printed" for d in report.diagnostics)
    flat = report.flat()
    for key in ("penalties.previous_items", "penalties.change", "other_services.change"):
        assert report.cell(f"proactive.{key}").provenance == "missing", key
    assert flat["proactive.penalties.decisions"] == 7
    assert flat["proactive.other_services.previous_items"] in (None, 63)
    assert flat["proactive.other_services.decisions"] in (None, 12)
    assert flat["proactive.procurement.projects"] in (None, 12)
    assert flat["proactive.procurement.amount"] is None
    assert flat["proactive.coercive_measures.decisions"] == 0


@pytest.mark.parametrize("archived", [False, True])
def test_counts_printed_with_their_unit_end_at_it(archived: bool) -> None:
    """行政规范性文件 prints 35件 and 6件 and leaves 现行有效件数 blank (``35件6件&nbsp;`` before
    the next header): every count of the row prints its unit, so 3 and 5件 would make one
    count without one; no cut of the digits fits the three cells, and the blank cell where
    the row printed a space does. A row that prints no unit (``12&nbsp;7``: 1, 2 and 7, or
    12, a blank and 7) is as unsure as any other."""
    page = RUN_TOGETHER.replace(
        f"行政规范性文件{NBSP}{NBSP}7第二十条", f"行政规范性文件35件6件{NBSP}第二十条"
    ).replace(f"{NBSP * 5}1{NBSP * 3}1{NBSP * 5}", "0" * 15)
    assert "35件6件" in page
    text = " ".join(page.split()) if archived else page
    report = gr.parse(text)
    assert any(d.code == "every-cell-printed" for d in report.diagnostics)
    flat = report.flat()
    assert flat["proactive.normative_documents.issued"] == 35
    assert flat["proactive.normative_documents.repealed"] == 6
    in_force = report.cell("proactive.normative_documents.in_force")
    assert (in_force.value, in_force.provenance) == (None, "blank")
    plain = page.replace(f"35件6件{NBSP}", f"12{NBSP}7")
    report = gr.parse(" ".join(plain.split()) if archived else plain)
    assert report.cell("proactive.normative_documents.issued").provenance == "missing"
    assert report.cell("proactive.normative_documents.repealed").provenance == "missing"
    assert report.flat()["proactive.normative_documents.in_force"] == 7


@scaled(1)
@given(report=given_blanks(), seed=st.integers(0, 2**32), archived=st.booleans())
def test_one_line_pages_printing_zeros_and_blank_cells_are_never_read_wrong(
    report: gr.Report, seed: int, archived: bool
) -> None:
    """A page that prints its zeros and a cell the report leaves empty as ``&nbsp;``
    (``not_given_blank``), as get_text() gives it (a no-break space each) or a web archive
    (``archived``: white space closed to one space): its rows of zeros show that no blank
    cell hides between digits, but one may stand where a row printed white space or where
    a table ends, so a cut that ignores it is no proof. Nothing is read wrong."""
    tab = not_given_blank(render(report, "tab-separated"), random.Random(seed))
    rng = random.Random(seed)
    text = (
        web_archive(tab, rng, traced=True)
        if archived
        else tables_run_together(tab, rng, traced=True)
    )
    assert wrong(gr.parse(text), printed(report)) == {}


# trafilatura's Markdown of a page pasted from Word (its section 三 shortened): every grid
# column a cell, 自然人 two grid columns wide in the header, 商业企业 two in every row, the
# second empty; zeros left blank.
TRAFILATURA = """\
红岭区卫生健康委员会2021年政府信息公开工作年度报告

三、收到和处理政府信息公开申请情况
| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） |  |  | 申请人情况 |\
  |  |  |  |  |  |  |
|  |  |  | 自然人 |  | 法人或其他组织 |  |  |  |  | 总计 |
|  |  |  |  | 商业企业 |  | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |  |
| 一、本年新收政府信息公开申请数量 |  |  | 41 | 9 |  |  |  | 2 | 1 | 53 |
| 二、上年结转政府信息公开申请数量 |  |  | 2 |  |  |  |  |  |  | 2 |
| 三、本年度办理结果 | （一）予以公开 |  | 20 | 4 |  |  |  | 1 |  | 25 |
|  | （二）部分公开（区分处理的，只计这一情形，不计其他情形） |  |  | 3 |  |  |  |  |  | 3 |
|  | （三）不予公开 | 1.属于国家秘密 |  |  |  |  |  |  |  |  |
|  |  | 2.其他法律行政法规禁止公开 |  | 1 |  |  |  |  |  | 1 |
|  | （四）无法提供 | 1.本机关不掌握相关政府信息 | 15 | 1 |  |  |  | 1 | 1 | 18 |
|  | （七）总计 |  | 35 | 9 |  |  |  | 2 | 1 | 47 |
| 四、结转下年度继续办理 |  |  | 8 |  |  |  |  |  |  | 8 |
"""


def test_a_word_grid_one_column_wider_than_its_table_is_read_without_it() -> None:
    report = gr.parse(TRAFILATURA)
    flat = report.flat()
    row = list(labels.APPLICANT_COLUMNS)
    assert [flat[f"applications.new.{c}"] for c in row] == [41, 9, 0, 0, 2, 1, 53]
    # 部分公开 and 其他法律行政法规禁止公开 leave 自然人 blank: their 3 and 1 are 商业企业's.
    for key in ("partially_granted", "denied.prohibited_by_law"):
        assert report.cell(f"applications.{key}.natural_person").value in (None, 0)
        assert (
            report.cell(f"applications.{key}.commercial_enterprise").value
            == flat[f"applications.{key}.total"]
        )
    assert flat["applications.carried_forward.natural_person"] == 8


@scaled(1)
@given(report=reports(missing=False), blanks=st.booleans())
def test_every_cell_of_a_word_grid_one_column_wider_is_read(
    report: gr.Report, blanks: bool
) -> None:
    back = gr.parse(render(report, WordGridPipes(), blank_zeros=blanks))
    assert wrong(back, printed(report)) == {}
    assert [k for k in report.applications.keys if back.cell(k).provenance == "missing"] == []


# markitdown's Markdown of a 2019 page pasted from Word (section 三 shortened, zeros left
# blank): a colspan's covered places written `` |`` after its cell, a blank cell ``|  |``,
# a rowspan's covered places left out of the rows below. 其他 is blank in every row, and so
# are 科研机构 and 社会公益组织: blank in every row one cell wider are the places after
# 商业企业 (covered) and after 法律服务机构 (其他), and only the trace tells them apart.
MARKITDOWN = """\
青石县交通运输局2019年政府信息公开工作年度报告

三、收到和处理政府信息公开申请情况

|  |  |  |  |  |  |  |  |  |  |  |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | | 申请人情况 |\
 | | | | | | |
| 自然人 | | 法人或其他组织 | | | | | 总计 |
|  | 商业企业 | | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |
| 一、本年新收政府信息公开申请数量 | | | 24 | 3 | |  |  | 2 |  | 29 |
| 二、上年结转政府信息公开申请数量 | | | 1 |  | |  |  |  |  | 1 |
| 三、本年度办理结果 | （一）予以公开 | | 17 | 2 | |  |  | 2 |  | 21 |
| （二）部分公开（区分处理的，只计这一情形，不计其他情形） | | 3 |  | |  |  |  |  | 3 |
| （四）无法提供 | 1.本机关不掌握相关政府信息 | 4 | 1 | |  |  |  |  | 5 |
| 2.没有现成信息需要另行制作 |  |  | |  |  |  |  |  |
| （六）其他处理 | | 1 |  | |  |  |  |  | 1 |
| （七）总计 | | 25 | 3 | |  |  | 2 |  | 30 |
| 四、结转下年度继续办理 | | |  |  | |  |  |  |  |  |
"""


def test_markitdown_word_grid_rows_are_read_without_the_places_a_colspan_covers() -> None:
    report = gr.parse(MARKITDOWN)
    assert report.template == "2019"
    expected = {
        "new": [24, 3, None, None, 2, None, 29],
        "carried_over": [1, None, None, None, None, None, 1],
        "granted": [17, 2, None, None, 2, None, 21],
        "partially_granted": [3, None, None, None, None, None, 3],
        "unavailable.not_held": [4, 1, None, None, None, None, 5],
        "other": [1, None, None, None, None, None, 1],
        "total": [25, 3, None, None, 2, None, 30],
    }
    for row, values in expected.items():
        cells = [report.cell(f"applications.{row}.{column}") for column in COLUMNS]
        assert [cell.value or None for cell in cells] == values, row
        assert all(cell.provenance != "missing" for cell in cells), row


# trafilatura's text of a 2019 page pasted from Word (section 三 shortened, zeros left
# blank): a whole grid, each cell ``text | ``, a colspan's covered places and a rowspan's
# blank like any blank cell (``|  | ``), a cell's later paragraphs (``企业`` of 商业企业,
# Word's ``<o:p>`` after each) on lines of their own after the table.
TRAFILATURA_HEADER = """\
| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） |  |  | 申请人情况 |\
  |  |  |  |  |  |  |
|  |  |  | 自然人 |  | 法人或其他组织 |  |  |  |  | 总计 |
|  |  |  |  | 商业 |  | 科研 | 社会公益 | 法律服务 | 其他 |  |
"""
TRAFILATURA_AFTER = """\
企业
机构
组织
机构
、
本
年
度
办
理
结
果
（区分处理的，只计这一情形，不计其他情形）
"""
# 科研机构 and 法律服务机构 blank in every row: blank in every row one cell wider are the
# place after 商业企业 (covered) and theirs, apart; the header names every place's column
# but the covered one's.
TRAFILATURA_SPARSE = (
    "青石县交通运输局2019年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
    + TRAFILATURA_HEADER
    + """\
| 一、本年新收政府信息公开申请数量 |  |  | 14 | 3 |  |  | 1 |  | 2 | 20 |
| 二、上年结转政府信息公开申请数量 |  |  | 2 |  |  |  |  |  |  | 2 |
| 三 | （一）予以公开 |  | 9 | 2 |  |  | 1 |  |  | 12 |
|  | （二）部分公开 |  | 1 |  |  |  |  |  |  | 1 |
|  | （四）无法提供 | 1.本机关不掌握相关政府信息 | 3 | 1 |  |  |  |  | 1 | 5 |
|  | （六）其他处理 |  | 1 |  |  |  |  |  |  | 1 |
|  | （七）总计 |  | 14 | 3 |  |  | 1 |  | 1 | 19 |
| 四、结转下年度继续办理 |  |  | 2 |  |  |  |  |  | 1 | 3 |
"""
    + TRAFILATURA_AFTER
)
TRAFILATURA_SPARSE = re.sub(r"(?m)\|$", "| ", TRAFILATURA_SPARSE)  # trafilatura ends rows so


def test_trafilatura_word_grid_rows_are_read_by_the_place_no_header_names() -> None:
    report = gr.parse(TRAFILATURA_SPARSE)
    expected = {
        "new": [14, 3, None, 1, None, 2, 20],
        "carried_over": [2, None, None, None, None, None, 2],
        "granted": [9, 2, None, 1, None, None, 12],
        "partially_granted": [1, None, None, None, None, None, 1],
        "unavailable.not_held": [3, 1, None, None, None, 1, 5],
        "other": [1, None, None, None, None, None, 1],
        "total": [14, 3, None, 1, None, 1, 19],
        "carried_forward": [2, None, None, None, None, 1, 3],
    }
    for row, values in expected.items():
        cells = [report.cell(f"applications.{row}.{column}") for column in COLUMNS]
        assert [cell.value or None for cell in cells] == values, row
        assert all(cell.provenance != "missing" for cell in cells), row


# A body whose applicants are enterprises alone: 自然人 blank in every row, so that no row
# shows the grid one cell wider; its header does (the first column's name, 申请人情况 and
# 自然人, eight places from the grid's end). Read seven wide, every value sat one column
# left (自然人 5, 商业企业 blank: main before h63t).
TRAFILATURA_NO_PERSONS = (
    "青石县交通运输局2019年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
    + TRAFILATURA_HEADER
    + """\
| 一、本年新收政府信息公开申请数量 |  |  |  | 5 |  | 1 |  |  | 2 | 8 |
| 三 | （一）予以公开 |  |  | 4 |  | 1 |  |  |  | 5 |
|  | （四）无法提供 | 1.本机关不掌握相关政府信息 |  | 1 |  |  |  |  | 2 | 3 |
|  | （七）总计 |  |  | 5 |  | 1 |  |  | 2 | 8 |
"""
    + TRAFILATURA_AFTER
)
TRAFILATURA_NO_PERSONS = re.sub(r"(?m)\|$", "| ", TRAFILATURA_NO_PERSONS)


def test_a_trafilatura_word_grid_shows_its_width_in_its_header() -> None:
    report = gr.parse(TRAFILATURA_NO_PERSONS)
    expected = {
        "new": [None, 5, 1, None, None, 2, 8],
        "granted": [None, 4, 1, None, None, None, 5],
        "unavailable.not_held": [None, 1, None, None, None, 2, 3],
        "total": [None, 5, 1, None, None, 2, 8],
    }
    for row, values in expected.items():
        cells = [report.cell(f"applications.{row}.{column}") for column in COLUMNS]
        assert [cell.value or None for cell in cells] == values, row
        assert all(cell.provenance != "missing" for cell in cells), row


# A table that writes every blank cell ``| |`` (no ``|  |`` beside): no trace of covered
# places, so its one-space cells are its blank cells.
ONE_SPACE_BLANKS = """\
青石县交通运输局2019年政府信息公开工作年度报告

三、收到和处理政府信息公开申请情况

| | | | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| 一、本年新收政府信息公开申请数量 | | | 24 | 3 | | | 2 | | 29 |
| 二、上年结转政府信息公开申请数量 | | | 1 | | | | | | 1 |
| 三、本年度办理结果 | （一）予以公开 | | 17 | 2 | | | 2 | | 21 |
| （七）总计 | | | 25 | 3 | | | 2 | | 30 |
"""


def test_one_space_cells_of_a_table_that_writes_every_blank_so_are_its_blank_cells() -> None:
    report = gr.parse(ONE_SPACE_BLANKS)
    for row, values in {
        "new": [24, 3, None, None, 2, None, 29],
        "granted": [17, 2, None, None, 2, None, 21],
    }.items():
        cells = [report.cell(f"applications.{row}.{column}") for column in COLUMNS]
        assert [cell.value or None for cell in cells] == values, row
        assert all(cell.provenance != "missing" for cell in cells), row


@scaled(1)
@given(report=few_applicants(), blanks=st.booleans(), word_grid=st.booleans())
def test_every_cell_of_markitdown_tables_is_read(
    report: gr.Report, blanks: bool, word_grid: bool
) -> None:
    """markitdown's tables (``MarkitdownPipes``: a colspan's covered places `` |``, a
    rowspan's left out), on the official form's grid or Word's one column wider, of a
    body whose applicants are of a few kinds (columns blank from top to bottom, beside
    which a covered place passes for any of them): every cell of 三 and 四 is read, none
    wrong."""
    writer = MarkitdownPipes.of(report, blanks, word_grid)
    back = gr.parse(render(report, writer, blank_zeros=blanks))
    assert wrong(back, printed(report)) == {}
    keys = [*report.applications.keys, *report.appeals.keys]
    assert [k for k in keys if back.cell(k).provenance == "missing"] == []


# html2text's section 四: no outer pipes, its row's first cells blank (&nbsp;).
HTML2TEXT = """\
白沙镇人民政府2023年政府信息公开工作年度报告

四、政府信息公开行政复议、行政诉讼情况

行政复议| 行政诉讼
---|---
结果维持| 结果纠正| 其他结果| 尚未审结| 总计| 未经复议直接起诉| 复议后起诉
结果维持| 结果纠正| 其他结果| 尚未审结| 总计| 结果维持| 结果纠正| 其他结果| 尚未审结| 总计
 |  |  |  |  | 5| 1|  | 2| 8|  |  |  |  |
"""
HTML2TEXT = re.sub(r"(?m)(\|.*)$", r"\1  ", HTML2TEXT)  # html2text ends its rows so


def test_an_html2text_row_whose_first_cell_is_blank_keeps_it() -> None:
    report = gr.parse(HTML2TEXT)
    values = [report.cell(k).value for k in report.appeals.keys]
    assert values[5:10] == [5, 1, None, 2, 8] or values[5:10] == [5, 1, 0, 2, 8]
    assert all(report.cell(k).blank for k in report.appeals.keys[:5])


@scaled(1)
@given(report=reports(missing=False))
def test_every_cell_of_html2text_tables_with_blank_zeros_is_read(report: gr.Report) -> None:
    back = gr.parse(render(report, Html2TextPipes(), blank_zeros=True))
    assert wrong(back, printed(report)) == {}
    assert [k for k in report.appeals.keys if back.cell(k).provenance == "missing"] == []


# pandoc's GFM of a page pasted from Word: paragraphs in Word's runs kept as raw HTML, a
# table with merged cells as a raw HTML table (section 三 shortened; zeros left blank).
PANDOC_GFM = """\
东湖区统计局2022年政府信息公开工作年度报告

<span
style="font-family:黑体;font-size:16.0000pt;">三、收到和处理政府信息公开申请情况</span><span
style="font-family:Calibri;"></span>

<table>
<tbody>
<tr class="odd">
<td colspan="3" rowspan="3">
<p>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</p></td>
<td colspan="7"><p>申请人情况</p></td>
</tr>
<tr class="even">
<td rowspan="2"><p>自然人</p></td>
<td colspan="5"><p>法人或其他组织</p></td>
<td rowspan="2"><p>总计</p></td>
</tr>
<tr class="odd">
<td><p>商业企业</p></td>
<td><p>科研机构</p></td>
<td><p>社会公益组织</p></td>
<td><p>法律服务机构</p></td>
<td><p>其他</p></td>
</tr>
<tr class="even">
<td colspan="3"><p>一、本年新收政府信息公开申请数量</p></td>
<td><p>12</p></td>
<td><p>4</p></td>
<td><p>&nbsp;</p></td>
<td><p>&nbsp;</p></td>
<td><p>1</p></td>
<td><p>&nbsp;</p></td>
<td><p>17</p></td>
</tr>
<tr class="odd">
<td rowspan="2"><p>三、本年度办理结果</p></td>
<td colspan="2"><p>（一）予以公开</p></td>
<td><p>9</p></td>
<td><p>&nbsp;</p></td>
<td><p>&nbsp;</p></td>
<td><p>&nbsp;</p></td>
<td><p>1</p></td>
<td><p>&nbsp;</p></td>
<td><p>10</p></td>
</tr>
</tbody>
</table>

<span
style="font-family:仿宋_GB2312;">本年度未收取信息处理费。 东湖区统计局 2023年1月30日</span>
"""


def test_html_tables_and_runs_in_markdown_are_read_as_a_page_s() -> None:
    report = gr.parse(PANDOC_GFM)
    flat = report.flat()
    columns = [f"applications.new.{c}" for c in ("natural_person", "commercial_enterprise")]
    assert [flat[k] for k in columns] == [12, 4]
    assert flat["applications.new.legal_service_agency"] == 1
    assert flat["applications.new.total"] == 17
    assert flat["applications.granted.natural_person"] == 9
    assert report.cell("applications.granted.commercial_enterprise").blank
    assert flat["applications.granted.total"] == 10
    assert str(report.published) == "2023-01-30"
    (said,) = [d for d in report.diagnostics if d.code == "html-table-in-text"]
    assert "1 HTML table" in said.message
    # The table's rows come first and empty lines fill its place: the lines after it keep
    # their numbers.
    lines = gr.extract_text(PANDOC_GFM).splitlines()
    assert len(lines) == len(PANDOC_GFM.splitlines())
    assert lines[-1].strip().endswith("2023年1月30日")


def test_an_html_table_s_last_blank_cells_in_markdown_are_cells_not_padding() -> None:
    """pandoc's GFM keeps a page's section 四 as raw HTML; its row's last five cells are
    empty. The table is the page's, every cell of it: read as a page's table, its blank
    cells are no padding, and the five values stand in their cells. Typed for this test."""
    outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    values = ["3", "", "", "1", "4", "", "2", "", "", "2", "", "", "", "", ""]

    def row(cells: list[str]) -> str:
        return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"

    text = "\n".join(
        [
            "青山县水利局2022年政府信息公开工作年度报告",
            "",
            "四、政府信息公开行政复议、行政诉讼情况",
            "",
            "<table>",
            '<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>',
            "<tr>"
            + "".join(f'<td rowspan="2">{o}</td>' for o in outcomes)
            + '<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>',
            row(outcomes * 2),
            row(values),
            "</table>",
            "",
            "五、存在的主要问题及改进情况",
        ]
    )
    back = gr.parse(text)
    keys = ("upheld", "corrected", "other", "pending", "total")
    groups = ("review", "litigation_direct", "litigation_after_review")
    got = {g: [back.cell(f"appeals.{g}.{k}").value for k in keys] for g in groups}
    assert got == {
        "review": [3, 0, 0, 1, 4],
        "litigation_direct": [0, 2, 0, 0, 2],
        "litigation_after_review": [None] * 5,
    }


@scaled(1)
@given(report=reports(), seed=st.integers(0, 2**32), blanks=st.booleans())
def test_markdown_with_raw_html_tables_reads_as_its_tables_do(
    report: gr.Report, seed: int, blanks: bool
) -> None:
    """pandoc's GFM (``pandoc_gfm``) of a report reads as the report's tab-separated text
    does: every table read as a page's, every paragraph's runs unwrapped."""
    text = render(report, "tab-separated", blank_zeros=blanks)
    back = gr.parse(pandoc_gfm(text, random.Random(seed)))
    assert back.flat() == gr.parse(text).flat()
    assert back.published == report.published
    assert wrong(back, printed(report)) == {}


def test_a_table_with_its_grid_beside_one_run_together_is_read_in_its_own_layout() -> None:
    """Section 二 printed with its grid (tabs), 三 and 四 run together on one line each: the
    run-together lines are cut again, the grid is kept whole and read as a grid."""
    start = RUN_TOGETHER.index("第二十条第（一）项")
    end = RUN_TOGETHER.index("\n三、收到")
    grid = "\n".join(
        [
            "第二十条第（一）项\t\t\t",
            "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
            "规章\t0\t0\t0",
            "行政规范性文件\t21\t1\t5",
            "第二十条第（五）项\t\t\t",
            "信息内容\t本年处理决定数量\t\t",
            "行政许可\t356\t\t",
        ]
    )
    report = gr.parse(RUN_TOGETHER[:start] + grid + RUN_TOGETHER[end:])
    flat = report.flat()
    assert [flat[f"proactive.normative_documents.{c}"] for c in ("issued", "repealed")] == [21, 1]
    assert flat["proactive.normative_documents.in_force"] == 5
    assert flat["proactive.licensing.decisions"] == 356
    assert flat["applications.new.total"] == 3
    layouts = {table.section: table.layout for table in report.tables}
    assert layouts["proactive"] == "tab-separated"
    assert layouts["applications"] == "run-together"


def _docx_cells(text: str, rng: random.Random, breaks: bool = True) -> str:
    """``text`` (tab-separated) as the usual python-docx script prints a Word document saved
    from a page pasted from Word: section 三 on Word's grid, its 商业企业 cells two grid
    columns wide, so python-docx gives each twice (``row.cells``); a blank cell ``&nbsp;``
    (U+00A0); with ``breaks``, paragraphs of a cell joined by line breaks (``cell.text``):
    三、本年度办理结果 a character a paragraph, 部分公开's label broken before its note,
    header words broken in two (``商业`` / ``企业``)."""
    lines = []
    table = text.split("\n")
    header = next(at for at, line in enumerate(table) if "\t商业企业\t" in line)
    wide = table[header].split("\t").index("商业企业")
    start = next(at for at in range(header, 0, -1) if "\t" not in table[at - 1])
    end = next(at for at in range(header, len(table)) if "\t" not in table[at])
    for at, line in enumerate(table):
        cells = [NBSP if cell == " " else cell for cell in line.split("\t")]
        if start <= at < end:
            cells.insert(wide, cells[wide])
        split = rng.random() < 0.7
        if breaks:
            cells = [_paragraphs(cell, split) for cell in cells]
        lines.append("\t".join(cells))
    return "\n".join(lines)


def _paragraphs(cell: str, split: bool) -> str:
    """A cell's text as ``cell.text`` gives it, its paragraphs apart by line breaks."""
    if cell.startswith("三、本年度办理结果"):
        return "\n".join(cell)
    if cell in ("商业企业", "科研机构") and split:
        return f"{cell[:2]}\n{cell[2:]}"
    return cell.replace("公开（区分", "公开\n（区分")


@scaled(1)
@given(report=reports(missing=False), seed=st.integers(0, 2**32), blanks=st.booleans())
def test_document_rows_whose_cells_hold_line_breaks_read_as_the_rows_do(
    report: gr.Report, seed: int, blanks: bool
) -> None:
    """python-docx's rows of a Word document saved from a page (``_docx_cells``): a cell of
    several paragraphs spans lines, a blank cell is a no-break space; the rows read as the
    same rows on one line each do."""
    text = render(report, "tab-separated", blank_zeros=blanks)
    back = gr.parse(_docx_cells(text, random.Random(seed)))
    assert back.flat() == gr.parse(_docx_cells(text, random.Random(seed), breaks=False)).flat()
    assert wrong(back, printed(report)) == {}
    # A row's last cells printed ``&nbsp;`` are cells, not padding: every count is read.
    got = back.flat()
    assert [key for key, value in printed(report).items() if value and got[key] is None] == []


# Section 四 as python-docx prints a page's table (saved as Word) that leaves its zeros
# blank, each blank cell ``&nbsp;``: the last group prints nothing. Typed for this test.
_APPEALS_DOCX = [
    "\t".join(["行政复议"] * 5 + ["行政诉讼"] * 10),
    "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])
    + "\t"
    + "\t".join(["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5),
    "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3),
    f"3\t{NBSP}\t{NBSP}\t1\t4\t{NBSP}\t2\t{NBSP}\t{NBSP}\t2\t" + "\t".join([NBSP] * 5),
]


def test_a_row_s_last_cells_printed_nbsp_are_cells_not_padding() -> None:
    """A row whose last cells hold a no-break space keeps them (a tool's padding is tabs and
    spaces): section 四's fifteen cells are read by position, five values among them, where
    without those cells the five could be any of the three groups'."""
    text = "\n".join(
        [
            "青山县水利局2022年政府信息公开工作年度报告",
            "一、总体情况",
            "2022年，青山县水利局认真贯彻落实《中华人民共和国政府信息公开条例》。",
            "四、政府信息公开行政复议、行政诉讼情况",
            *_APPEALS_DOCX,
            "五、存在的主要问题及改进情况",
            "信息公开的及时性有待加强。",
        ]
    )
    back = gr.parse(text)
    outcomes = ("upheld", "corrected", "other", "pending", "total")
    groups = ("review", "litigation_direct", "litigation_after_review")
    got = {g: [back.cell(f"appeals.{g}.{o}").value for o in outcomes] for g in groups}
    assert got == {
        "review": [3, 0, 0, 1, 4],
        "litigation_direct": [0, 2, 0, 0, 2],
        "litigation_after_review": [None] * 5,
    }
    assert all(back.cell(f"appeals.litigation_after_review.{o}").blank for o in outcomes)
    # Spaces, or an empty cell before the no-break space, may be a tool's padding (a row
    # that lost a value, padded, then a stray ``&nbsp;``): the five values are not placed.
    for end in ("\t".join([" "] * 5), f"\t{NBSP}", f"{NBSP}\t\t{NBSP}"):
        padded = text.replace("\t".join([NBSP] * 5), end)
        assert gr.parse(padded).cell("appeals.review.upheld").value is None, end
    # Where no blank cell inside a row is a no-break space, the five last cells side by
    # side still show the page prints its blank cells so (no padding prints two): read.
    inside = f"3\t{NBSP}\t{NBSP}\t1\t4\t{NBSP}\t2\t{NBSP}\t{NBSP}"
    alone = text.replace(inside, inside.replace(NBSP, ""))
    assert alone != text
    back = gr.parse(alone)
    assert [back.cell(f"appeals.review.{o}").value for o in outcomes] == [3, 0, 0, 1, 4]
    assert all(back.cell(f"appeals.litigation_after_review.{o}").blank for o in outcomes)
    # But one last no-break space, the text's only one, may be that stray ``&nbsp;``.
    one = alone.replace("\t".join([NBSP] * 5), NBSP)
    back = gr.parse(one)
    assert back.cell("appeals.review.upheld").value is None
    assert any(d.code == "values-unplaced" for d in back.diagnostics)


# pandoc's Markdown of a Word page's section 二 (2021): a grid table whose cells keep Word's
# runs as spans, their attributes wrapped over the cell's lines, a label broken between two
# characters (``[行`` / ``政许可]{``), a blank cell a no-break space before an empty span.
PANDOC_GRID = f"""\
青石县统计局2021年政府信息公开工作年度报告
一、总体情况
2021年，青石县统计局认真贯彻落实《中华人民共和国政府信息公开条例》。
[二、主动公开政府信息情况]{{style="font-family:黑体;"}}

::: {{align="center"}}
+--------------+--------------+--------------+--------------+
| [  第二十    |              |              |              |
| 条第（一）项 |              |              |              |
| ]{{style="fon |              |              |              |
| t-size:14pt; |              |              |              |
| "}}           |              |              |              |
+--------------+--------------+--------------+--------------+
| [信息内容]{{  | [本年制发件  | [本年废止件  | [现行有效件  |
| style="font- | 数]{{         | 数]{{         | 数]{{         |
| size:14pt;"}} | style="font- | style="font- | style="font- |
|              | size:14pt;"}} | size:14pt;"}} | size:14pt;"}} |
+--------------+--------------+--------------+--------------+
| [规章]{{      | {NBSP}[]{{style | [0]{{         | [0]{{         |
| style="font- | ="font-size: | style="font- | style="font- |
| size:14pt;"}} | 12pt;"}}      | size:14pt;"}} | size:14pt;"}} |
+--------------+--------------+--------------+--------------+
| [行政规范性  | [12件]{{      | [3件]{{       | [45件]{{      |
| 文件]{{       | style="font- | style="font- | style="font- |
| style="font- | size:14pt;"}} | size:14pt;"}} | size:14pt;"}} |
| size:14pt;"}} | []{{style="fo | []{{style="fo | []{{style="fo |
|              | nt-size:12pt | nt-size:12pt | nt-size:12pt |
|              | ;"}}          | ;"}}          | ;"}}          |
+--------------+--------------+--------------+--------------+
| [  第二十    |              |              |              |
| 条第（五）项 |              |              |              |
| ]{{style="fon |              |              |              |
| t-size:14pt; |              |              |              |
| "}}           |              |              |              |
+--------------+--------------+--------------+--------------+
| [信息内容]{{  | [本年处理决  |              |              |
| style="font- | 定数量]{{     |              |              |
| size:14pt;"}} | style="font- |              |              |
|              | size:14pt;"}} |              |              |
+--------------+--------------+--------------+--------------+
| [行          | [356件]{{     |              |              |
| 政许可]{{     | style="font- |              |              |
| style="font- | size:14pt;"}} |              |              |
| size:14pt;"}} |              |              |              |
+--------------+--------------+--------------+--------------+
:::

[三、收到和处理政府信息公开申请情况]{{style="font-family:黑体;"}}
"""


def test_a_grid_s_cells_spans_wrapped_over_its_lines_are_read_as_their_text() -> None:
    """pandoc's Markdown grid of a Word page (``PANDOC_GRID``): each cell is its spans'
    text, a label broken over two lines is one label, a blank cell is printed blank, and
    the lines after the grid keep their numbers."""
    report = gr.parse(PANDOC_GRID)
    assert report.cell("proactive.rules.issued").blank
    assert [report.flat()[f"proactive.rules.{c}"] for c in ("repealed", "in_force")] == [0, 0]
    columns = ("issued", "repealed", "in_force")
    assert [report.flat()[f"proactive.normative_documents.{c}"] for c in columns] == [12, 3, 45]
    assert report.flat()["proactive.licensing.decisions"] == 356
    assert {t.section: t.layout for t in report.tables}["proactive"] == "box-grid"
    lines = gr.extract_text(PANDOC_GRID).splitlines()
    assert len(lines) == len(PANDOC_GRID.splitlines())
    assert lines[-1] == "三、收到和处理政府信息公开申请情况"


# pandoc's Markdown of a page's section 四 as a headerless simple table: its columns as
# wide as their widest cell with the attributes, the values far from the words over them.
SPAN = '[{}]{{style="font-size:14pt;"}}[]{{style="font-size:12pt;"}}'


def _simple_row(*cells: str) -> str:
    """A simple table's line: each cell a span, padded to 72 display columns."""
    texts = [f'{NBSP}[]{{style="font-size:12pt;"}}' if c == NBSP else SPAN.format(c) for c in cells]
    return "  " + " ".join(
        t + " " * (72 - len(t) - sum(ord(ch) > 0x2E80 for ch in t)) for t in texts
    )


def _column(line: str, at: int) -> int:
    """The display column of ``line``'s ``at``-th character: a CJK character takes two."""
    return at + sum(ord(char) > 0x2E80 for char in line[:at])


PANDOC_SIMPLE = "\n".join(
    [
        "四、政府信息公开行政复议、行政诉讼情况",
        "",
        "  " + " ".join(["-" * 72] * 4),
        _simple_row("结果维持", "其他结果", "总计", "未经复议直接起诉"),
        _simple_row(NBSP, "3", "3", "2"),
        "  " + " ".join(["-" * 72] * 4),
        "",
        "五、存在的主要问题及改进情况",
    ]
)


def test_a_simple_table_s_spans_are_read_where_their_columns_were() -> None:
    """The rows of a simple table whose columns pandoc measured with the spans' attributes
    in them are cut at its rule's columns and laid out again without them: each value
    stays under its column's words (a blank, 3 and 3 under 结果维持, 其他结果 and 总计)."""
    lines = gr.extract_text(PANDOC_SIMPLE).splitlines()
    assert len(lines) == len(PANDOC_SIMPLE.splitlines())
    words, values = lines[3], lines[4]
    assert _column(values, values.index("3")) == _column(words, words.index("其他结果"))
    assert _column(values, values.rindex("3")) == _column(words, words.index("总计"))
    assert _column(values, values.index("2")) == _column(words, words.index("未经复议直接起诉"))
    assert lines[-1] == "五、存在的主要问题及改进情况"


def test_a_simple_table_is_cut_where_its_characters_start() -> None:
    """A simple table's line is cut at its rule's columns by where each character starts
    in display columns (a CJK character takes two): one starting in the space between two
    columns, or past the last, leaves the table as the text prints it (its spans unwrapped
    as anywhere else); one starting in a column's last display column is that column's,
    and the table is laid out again, each column as wide as its widest text."""
    rule = "  " + " ".join(["-" * 8] * 3)  # columns at 2-9, 11-18 and 20-27

    def simple(row: str) -> list[str]:
        text = "\n".join(["四、政府信息公开行政复议、行政诉讼情况", "", rule, row, rule, ""])
        return gr.extract_text(text).splitlines()[2:5]

    assert simple("  [3]{a}  行 1") == [rule, "  3  行 1", rule]  # 行 at 10, between
    assert simple("  [3]{a}  1        2 行") == [rule, "  3  1        2 行", rule]  # past
    assert simple("  [3]{a} 行  1") == ["  ----  ---  ---", "  3 行  1", "  ----  ---  ---"]


@given(st.text(alphabet=st.sampled_from("a 1\t总计—（）\u00a0\u3000"), max_size=40))
def test_display_starts_are_the_widths_before_each_character(text: str) -> None:
    """``escape.starts``: each character's display column is the width of the text before
    it, and the last is the whole text's width (a CJK character takes two)."""
    assert list(starts(text)) == [width(text[:at]) for at in range(len(text) + 1)]


@scaled(1)
@given(
    report=reports(),
    seed=st.integers(0, 2**32),
    blanks=st.booleans(),
    writer=st.sampled_from([pandoc_grid_spans, pandoc_simple_spans]),
)
def test_markdown_tables_with_spans_read_as_their_tables_do(
    report: gr.Report, seed: int, blanks: bool, writer: Callable[[str, random.Random], str]
) -> None:
    """pandoc's Markdown grids and simple tables of a Word page (``pandoc_grid_spans``,
    ``pandoc_simple_spans``) read as the report's tab-separated text does: every cell's
    spans unwrapped, whatever the columns' width. A blank cell that ends a row is printed
    there, where tab-separated text drops it with a row's padding, so the tables may read
    more cells than the text does, never fewer."""
    text = render(report, "tab-separated", blank_zeros=blanks)
    back = gr.parse(writer(text, random.Random(seed)))
    read = {key: value for key, value in gr.parse(text).flat().items() if value is not None}
    assert {key: back.flat()[key] for key in read} == read
    assert wrong(back, printed(report)) == {}


def test_a_page_that_shows_it_pads_values_does_not_read_its_no_break_spaces_as_blank_cells() -> (
    None
):
    """A page printing its blank cells ``&nbsp;`` shows in section 三 that it also pads a
    value (``&nbsp;4`` and five blank cells and ``4``: eight cells' worth for seven), and in
    section 四 its 行政复议 prints 结果维持 empty, 结果纠正 1 padded (``1&nbsp;``), two
    blank cells and 总计 1: ``1`` and three no-break spaces and ``1``. Read one no-break
    space a blank cell, that is 结果维持 1 and the group's rule holds; the page has shown
    that a no-break space may be padding, so 1 is 结果纠正's or 结果维持's: missing, never
    结果维持 1 in silence."""
    new = "一、本年新收政府信息公开申请数量"
    text = BLANK_ZEROS.replace(f"{new}4{NBSP * 5}4", f"{new}{NBSP}4{NBSP * 5}4").replace(
        f"总计{NBSP * 5}1{NBSP * 3}1{NBSP * 5}\n", f"总计1{NBSP}{NBSP * 2}1{NBSP * 10}\n"
    )
    report = gr.parse(text)
    truth = {f"appeals.review.{c}": 0 for c in ("upheld", "other", "pending")}
    truth.update({"appeals.review.corrected": 1, "appeals.review.total": 1})
    assert wrong(report, truth) == {}


def test_a_signed_row_shows_padding_that_a_run_of_digits_would_not() -> None:
    """A 2019 page printing each blank cell ``&nbsp;`` (section 三's rows printed blank are
    their labels and seven of them) pads some values too: 行政强制 prints 37, -5 and 260
    as ``37&nbsp;-5&nbsp;260``, three values and two no-break spaces, five cells' worth for
    three. The sign starts a value of its own, so the row shows the padding, though no run
    of digits alone makes more cells than a row holds. 行政许可's ``12&nbsp;453607`` (12, 45
    and 3607, 12 padded) is then no 12, a blank 本年增/减 and 453607, and section 二 has no
    rule to choose a cut of its digits: the row is missing (main read 453607, 本年增/减
    claimed blank)."""
    values = {field.key: 0 for field in gr.fields("2019")}
    for row, count in (("new", 5), ("granted", 4), ("unavailable.not_held", 1), ("total", 5)):
        values[f"applications.{row}.natural_person"] = values[f"applications.{row}.total"] = count
    report = gr.Report.from_values(values, template="2019", organisation="青石县水务局", year=2020)
    page = tables_run_together(
        render(report, "tab-separated", blank_zeros=True), random.Random(0), traced=True
    )
    proactive = (
        f"第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章{NBSP * 3}"
        f"规范性文件3{NBSP}3第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量"
        f"行政许可12{NBSP}453607其他对外管理服务事项{NBSP * 3}第二十条第（六）项信息内容"
        f"上一年项目数量本年增/减处理决定数量行政处罚{NBSP * 3}行政强制37{NBSP}-5{NBSP}260"
        f"第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费{NBSP * 2}"
        f"第二十条第（九）项信息内容采购项目数量采购总金额（单位：万元）政府集中采购{NBSP * 2}"
    )
    start = page.index("第二十条第（一）项")
    back = gr.parse(page[:start] + proactive + page[page.index("\n", start) :])
    for key in ("previous_items", "change", "decisions"):
        cell = back.cell(f"proactive.licensing.{key}")
        assert (cell.value, cell.provenance) == (None, "missing"), key
    assert [
        back.flat()[f"proactive.coercive_measures.{key}"]
        for key in ("previous_items", "change", "decisions")
    ] == [37, -5, 260]


# get_text() of a page whose empty cells (and a value's padding) are ``&nbsp;`` and whose
# HTML source breaks its line after some of a table's rows and not others (a CMS's editor
# wraps its source at whatever tag passes its line width): each table on a few lines,
# several rows a line, cells run together. Section 三's row 上年结转 prints seven zeros and
# the heading 三、本年度办理结果 comes right after them, 予以公开's label and values with it.
SOURCE_BREAKS = f"""\
白沙镇人民政府2023年政府信息公开工作年度报告
一、总体情况
2023年，白沙镇人民政府认真贯彻落实《中华人民共和国政府信息公开条例》。
二、主动公开政府信息情况
第二十条第（一）项{NBSP * 3}信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件002
第二十条第（五）项{NBSP * 2}信息内容本年处理决定数量行政许可5第二十条第（六）项{NBSP * 2}\
信息内容本年处理决定数量行政处罚0行政强制0第二十条第（八）项{NBSP * 2}\
信息内容本年收费金额（单位：万元）行政事业性收费{NBSP}0
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）{NBSP * 2}申请人情况{NBSP * 6}\
自然人法人或其他组织{NBSP * 4}总计{NBSP * 3}商业企业科研机构社会公益组织法律服务机构其他{NBSP}\
一、本年新收政府信息公开申请数量{NBSP * 2}200001{NBSP}3\
二、上年结转政府信息公开申请数量{NBSP * 3}0000000三、本年度办理结果（一）予以公开{NBSP}2000013
{NBSP}（二）部分公开（区分处理的，只计这一情形，不计其他情形）{NBSP}0000000\
（三）不予公开1.属于国家秘密0000000{NBSP * 2}2.其他法律行政法规禁止公开0000000
{NBSP * 2}3.危及“三安全一稳定”0000000{NBSP * 2}4.保护第三方合法权益0000000\
{NBSP * 2}5.属于三类内部事务信息0000000{NBSP * 2}6.属于四类过程性信息0000000\
{NBSP * 2}7.属于行政执法案卷0000000{NBSP * 2}8.属于行政查询事项0000000
（四）无法提供1.本机关不掌握相关政府信息0000000{NBSP * 2}2.没有现成信息需要另行制作0000000\
{NBSP * 2}3.补正后申请内容仍不明确0000000（五）不予处理1.信访举报投诉类申请0000000\
{NBSP * 2}2.重复申请0000000{NBSP * 2}3.要求提供公开出版物0000000\
{NBSP * 2}4.无正当理由大量反复申请0000000{NBSP * 2}5.要求行政机关确认或重新出具已获取信息0000000
（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请0000000\
{NBSP * 2}2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请0000000\
{NBSP * 2}3.其他0000000（七）总计{NBSP}2000013四、结转下年度继续办理{NBSP * 2}0000000
四、政府信息公开行政复议、行政诉讼情况
行政复议{NBSP * 4}行政诉讼{NBSP * 14}未经复议直接起诉{NBSP * 4}复议后起诉{NBSP * 4}\
结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计
000000000000000
五、存在的主要问题及改进情况
无。
六、其他需要报告的事项
无。
"""


def test_a_row_s_values_run_into_the_chinese_numbered_heading_after_it_are_not_the_next_row_s() -> (
    None
):
    """上年结转's seven zeros run into 三、本年度办理结果（一）予以公开, then 予以公开's own
    values apart after a no-break space: the label cell read by columns of spaces is
    ``0000000三、本年度办理结果（一）予以公开``, which names no row, and the values after it are
    予以公开's, not 上年结转's (read as 上年结转's they gave it 予以公开's 2 and 1, found by the
    thorough profile of ``test_an_uncertain_cell_is_never_a_wrong_number[tables_run_together]``).
    They are not placed, and that is said where the label is."""
    report = gr.parse(SOURCE_BREAKS)
    truth = {f"applications.{row}.{column}": 0 for row in ("carried_over",) for column in COLUMNS}
    truth |= {
        f"applications.granted.{column}": value
        for column, value in zip(COLUMNS, (2, 0, 0, 0, 0, 1, 3), strict=True)
    }
    assert wrong(report, truth) == {}
    said = [d for d in report.diagnostics if d.code == "values-unplaced"]
    assert any("0000000三、本年度办理结果" in d.message and "上年结转" in d.message for d in said)


def test_a_row_whose_values_run_into_the_heading_after_it_is_printed_not_lost() -> None:
    """上年结转 (1 0 0 0 0 0 1) printed apart from 本年新收 by no-break spaces, its values run
    into ``三、本年度办理结果（一）予以公开``: its cells are missing, said by the finding that
    leaves them missing, at 上年结转's own label, which names them; no ``row-missing`` says
    the row was not found, since its label is printed."""
    text = SOURCE_BREAKS.replace(
        f"200001{NBSP}3二、上年结转政府信息公开申请数量{NBSP * 3}0000000",
        f"2000013{NBSP * 2}二、上年结转政府信息公开申请数量{NBSP * 3}1000001",
    )
    assert text != SOURCE_BREAKS
    report = gr.parse(text)
    carried = {f"applications.carried_over.{column}" for column in COLUMNS}
    assert all(report.flat()[key] is None for key in carried)
    missing = [d for d in report.diagnostics if d.code == "row-missing"]
    assert not any(carried & set(d.keys) for d in missing)
    assert not any("上年结转" in d.message for d in missing)
    line = next(n for n, row in enumerate(text.split("\n"), 1) if "二、上年结转" in row)
    column = text.split("\n")[line - 1].index("二、上年结转") + 1
    said = [d for d in report.diagnostics if d.code == "values-unplaced" and carried <= set(d.keys)]
    assert [(d.line, d.column) for d in said] == [(line, column)]
    assert "上年结转" in said[0].message


def test_a_row_s_last_values_run_into_the_next_label_leave_its_cells_missing() -> None:
    """属于行政查询事项 (102 13 11 5 0 0 131) printed ``10213115``, then a padded
    ``&nbsp;00131`` with the next group's label run into it (``00131（四）无法提供…``): read
    by columns of spaces, the row prints one run of values, and the rest of it starts the
    next label cell. Read as the whole row, blank cells among its values, every cut of the
    run that keeps its row's sum made its 总计 115 (102 + 13), derived for 131, where 本年新收
    and 总计, printed the same way, do not pin it (found by the thorough profile of
    ``test_an_uncertain_cell_is_never_a_wrong_number[tables_run_together]``: 305 for 587).
    Its cells are missing, said at the label its values may be run into."""
    inquiry = (102, 13, 11, 5, 0, 0, 131)
    total = f"10413115{NBSP}01134"  # 104 13 11 5 0 1 134: 予以公开's row and this one
    text = (
        SOURCE_BREAKS.replace(f"200001{NBSP}3", total)
        .replace(f"（七）总计{NBSP}2000013", f"（七）总计{NBSP}{total}")
        .replace(
            f"7.属于行政执法案卷0000000{NBSP * 2}8.属于行政查询事项0000000\n"
            "（四）无法提供1.本机关不掌握相关政府信息0000000",
            f"7.属于行政执法案卷0000000\n{NBSP}8.属于行政查询事项{NBSP}10213115{NBSP}00131"
            f"（四）无法提供1.本机关不掌握相关政府信息000000{NBSP}0\n",
        )
    )
    assert text.count(total) == 2 and "00131（四）" in text
    report = gr.parse(text)
    truth = {
        f"applications.denied.administrative_inquiry.{column}": value
        for column, value in zip(COLUMNS, inquiry, strict=True)
    }
    assert wrong(report, truth) == {}
    said = [d for d in report.diagnostics if d.code == "values-unplaced"]
    assert any(
        "run into the next label" in d.message
        and "applications.denied.administrative_inquiry.total" in d.keys
        for d in said
    )


# get_text() of a page that numbers its headings and section 三's top rows 1. to 6. (no
# heading of the template, so the text is not cut again at its labels), its empty cells
# ``&nbsp;``, cells run together, its tables one line each, a label justified with a
# full-width space (``3.本年　度办理结果``).
NUMBERED = f"""\
石门乡人民政府2023年政府信息公开工作年度报告
1.总体情况
无。
3.收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）{NBSP * 2}申请人情况{NBSP * 6}\
自然人法人或其他组织{NBSP * 4}总计{NBSP * 3}商业企业科研机构社会公益组织法律服务机构其他{NBSP}\
1.本年新收政府信息公开申请数量{NBSP * 2}204613041000100012021001755\
32.上年结转政府信息公开申请数量{NBSP * 2}20000023.本年\u3000度办理结果（一）予以公开{NBSP}\
2020130210001000120110017524{NBSP}（二）部分公开（区分处理的，只计这一情形，不计其他情形）{NBSP}0000000
5.存在的主要问题及改进情况
无。
"""


def test_values_after_a_label_of_values_run_into_the_next_are_not_the_first_row_s() -> None:
    """本年新收's values run into ``2.上年结转…``, 上年结转's into ``3.本年``, whose label a
    full-width space cuts, so the cell right before 予以公开's values is
    ``度办理结果（一）予以公开``, which names no row. 本年新收, the one row the line's labels
    name before the values, took them (2020 for 2046; the thorough profile of
    ``test_an_uncertain_cell_is_never_a_wrong_number[tables_run_together]`` found it).
    Since stop 102 the text's headings numbered ``1.`` … ``5.`` are the template's to
    ``rebreak`` (as ``1、`` was), so the line is cut again at its labels: 上年结转 and
    予以公开 are read whole, and 本年新收's run, cut too many ways, is missing, said."""
    report = gr.parse(NUMBERED)
    rows = {
        "new": (2046, 1304, 1000, 1000, 1202, 1001, 7553),
        "carried_over": (2, 0, 0, 0, 0, 0, 2),
        "granted": (2020, 1302, 1000, 1000, 1201, 1001, 7524),
    }
    truth = {
        f"applications.{row}.{column}": value
        for row, values in rows.items()
        for column, value in zip(COLUMNS, values, strict=True)
    }
    assert wrong(report, truth) == {}
    for row in ("carried_over", "granted"):
        assert [report.cell(f"applications.{row}.{c}").value for c in COLUMNS] == list(rows[row])
    assert report.cell("applications.new.natural_person").value is None
    assert any(
        d.code == "collapsed-cell" and "applications.new.natural_person" in d.keys
        for d in report.diagnostics
    )
