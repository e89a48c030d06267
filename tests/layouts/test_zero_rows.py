"""Rows whose printed values are all 0, in text that leaves blank cells out without a trace
(issue 26, item 5): a page copied as text with its whitespace closed up (BeautifulSoup's
``get_text(" ", strip=True)``) joins a row's cells with one space and drops the blank ones,
so ``0 0`` may stand in any two of seven columns. Counts are never negative and 总计 is the
sum of the six, so every cell of such a row is 0 wherever the zeros stand, and a row's total
is its last value. A value lost rather than left blank must never pass for a 0."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from random import Random

from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report import labels
from govinfo_report.write.render import render

from conftest import scaled, wrong
from manglers import one_line_page
from strategies import reports

#: A 2019-template report typed as a page copied as text prints it: section 三 joined by
#: single spaces, its blank cells gone (a made-up body; not a case file's text).
PAGE = """\
某市某区卫生健康委员会2020年政府信息公开工作年度报告

一、总体情况
2020年，我委认真贯彻落实《中华人民共和国政府信息公开条例》。

二、主动公开政府信息情况
第二十条第（一）项
信息内容 本年新制作数量 本年新公开数量 对外公开总数量
规章 0 0 0
规范性文件 1 1 12

三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况
自然人 法人或其他组织 总计
商业企业 科研机构 社会公益组织 法律服务机构 其他
一、本年新收政府信息公开申请数量 14 3 1 18
二、上年结转政府信息公开申请数量 2 2
三、本年度办理结果 （一）予以公开 9 1 10
（二）部分公开（区分处理的，只计这一情形，不计其他情形） 0 0
（三）不予公开 1.属于国家秘密 0
2.其他法律行政法规禁止公开 0 0
3.危及“三安全一稳定” 0 0
4.保护第三方合法权益 0 0
5.属于三类内部事务信息 0 0
6.属于四类过程性信息 0 0
7.属于行政执法案卷 0 0
8.属于行政查询事项 0 0
（四）无法提供 1.本机关不掌握相关政府信息 5 2 7
2.没有现成信息需要另行制作 0 0
3.补正后申请内容仍不明确 0 0
（五）不予处理 1.信访举报投诉类申请 0 0
2.重复申请 0 0
3.要求提供公开出版物 0 0
4.无正当理由大量反复申请 0 0
5.要求行政机关确认或重新出具已获取信息 0 0
（六）其他处理 0 0
（七）总计 14 3 17
四、结转下年度继续办理 2 1 3

四、政府信息公开行政复议、行政诉讼情况
行政复议 行政诉讼
结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉
结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计
1 0 0 0 1 0 0 0 0 0 0 0 0 0 0

五、存在的主要问题及改进情况
无。
"""

#: The section 三 rows of ``PAGE`` that print only zeros (key stems).
ZERO_ROWS = [
    "partially_granted",
    "denied.state_secret",
    "denied.prohibited_by_law",
    "denied.enforcement_files",
    "unavailable.needs_creation",
    "not_processed.excessive",
    "other",
]


def _row(report: gr.Report, row: str) -> list[object]:
    return [
        report.cell(f"applications.{row}.{column}").value for column in labels.APPLICANT_COLUMNS
    ]


def test_a_row_of_zeros_is_zeros_wherever_they_stand() -> None:
    report = gr.parse(PAGE)
    assert report.template == "2019"
    for row in ZERO_ROWS:
        assert _row(report, row) == [0] * 7, row
        assert {
            report.cell(f"applications.{row}.{c}").provenance for c in labels.APPLICANT_COLUMNS
        } == {"derived"}, row
    placed = [d for d in report.diagnostics if d.code == "short-row-placed"]
    assert any(
        d.message.startswith("部分公开: 2 values (0 0) for 7 columns")
        and "blank cells leave no trace" in d.message
        for d in placed
    )


def test_a_row_s_total_is_its_last_value_and_the_rest_waits_for_the_rules() -> None:
    report = gr.parse(PAGE)
    # 14 3 1 18: the total is 18 in every reading that keeps the row's sum; which three of
    # the six columns 14, 3 and 1 stand in, the rules linking the rows do not say.
    totals = {"new": 18, "carried_over": 2, "granted": 10, "unavailable.not_held": 7}
    totals |= {"total": 17, "carried_forward": 3}
    for row, total in totals.items():
        cell = report.cell(f"applications.{row}.total")
        assert (cell.value, cell.provenance) == (total, "parsed"), row
    assert report.cell("applications.new.natural_person").value is None
    assert report.flat()["appeals.review.upheld"] == 1


def test_a_lost_value_is_not_read_as_a_blank_cell() -> None:
    """The zeros of ``0 0 27 0 0 0 27`` with its 27s lost look like a row of zeros; the
    report's totals show the 27 missing, and the row is not read as zeros."""
    lost = PAGE.replace(
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 0 0",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 0 0 0 0 0",
    )
    lost = lost.replace("（七）总计 14 3 17", "（七）总计 14 27 3 44")
    lost = lost.replace("四、结转下年度继续办理 2 1 3", "四、结转下年度继续办理 2 1 3\n")
    lost = lost.replace(
        "一、本年新收政府信息公开申请数量 14 3 1 18",
        "一、本年新收政府信息公开申请数量 14 27 3 1 45",
    )
    report = gr.parse(lost)
    for column in labels.APPLICANT_COLUMNS:
        cell = report.cell(f"applications.partially_granted.{column}")
        assert cell.value in (None, 27 if column in ("research_institution", "total") else 0)
    assert report.cell("applications.partially_granted.total").value is None


class _Joined:
    """A page copied as text: a row's cells joined by one space, a blank cell left out, and
    a printed 0 left out too where ``rng`` says so, each with chance ``zeros`` (bodies print
    some zeros, leave others blank; a page that leaves every zero blank, 1)."""

    def __init__(self, rng: Random, zeros: float = 0.5) -> None:
        self.rng = rng
        self.zeros = zeros

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        return [
            line
            for row in table
            if (
                line := " ".join(
                    cell.strip()
                    for cell in row
                    if cell.strip() and not (cell.strip() == "0" and self.rng.random() < self.zeros)
                )
            )
        ]


@scaled(0.6)
@given(report=reports(missing=False), seed=st.integers(0, 2**32 - 1))
def test_rows_of_zeros_and_totals_of_joined_text_are_read(report: gr.Report, seed: int) -> None:
    """Whatever zeros a page prints or leaves blank, no cell comes back wrong, every cell of
    a section 三 row of zeros that prints one comes back 0, and every total that is printed
    comes back."""
    text = render(report, _Joined(Random(seed)))
    back = gr.parse(text)
    truth = report.flat()
    assert wrong(back, truth) == {}
    for row in labels.APPLICATION_ROWS[report.template]:
        keys = [f"applications.{row}.{column}" for column in labels.APPLICANT_COLUMNS]
        if all(truth[key] == 0 for key in keys):
            # A row that printed a 0 (none of its cells a printed blank) is zeros whole.
            if all(back.cell(key).provenance != "blank" for key in keys):
                assert [back.flat()[key] for key in keys] == [0] * 7, row
        elif truth[keys[-1]]:
            assert back.flat()[keys[-1]] == truth[keys[-1]], row


def test_a_page_of_columns_put_on_one_line_is_read_by_its_columns() -> None:
    """Space-aligned text whose line breaks were lost (BeautifulSoup's ``strip=True`` of a
    page that lays its table out in columns) keeps its columns once its rows are cut again:
    the table is read by them, not as cells run together (a made-up page, from
    ``../shared/cases``)."""
    text = (Path(__file__).parents[1] / "fixtures" / "cases" / "meta-one-line-page.txt").read_text(
        encoding="utf-8"
    )
    assert text.count("\n") <= 1
    report = gr.parse(text)
    assert report.tables[1].layout == "space-aligned"
    # 一、本年新收… 9 under 自然人, 2 under 商业企业, 11 under 总计; the rest blank.
    assert _row(report, "new") == [9, 2, 0, 0, 0, 0, 11]
    assert _row(report, "unavailable.not_held") == [3, 1, 0, 0, 0, 0, 4]
    assert report.cell("applications.new.natural_person").provenance == "parsed"


def test_a_one_line_page_reads_its_rows_of_zeros_and_totals() -> None:
    """``PAGE`` as BeautifulSoup's ``strip=True`` leaves it on one line: the rows are cut
    again at their labels, each row's values apart by one space (``0 0 2.其他…``: the 2 may
    be the next label's numbering). Its rows of zeros and totals are read as on the page
    with its lines (issue 45, item 3)."""
    report = gr.parse(one_line_page(PAGE, Random(0)))
    assert report.tables[1].layout == "run-together"
    for row in ZERO_ROWS:
        assert _row(report, row) == [0] * 7, row
    assert _row(report, "granted")[-1] == 10
    assert _row(report, "total")[-1] == 17
    assert report.cell("applications.new.natural_person").value is None


def test_a_one_line_page_that_lost_a_value_reads_no_row_with_blanks() -> None:
    """A row whose values add up under no reading with blank cells lost a value: the
    table's other short rows may have lost one too, and no row is read with blanks."""
    lost = PAGE.replace("（一）予以公开 9 1 10", "（一）予以公开 9 10")
    report = gr.parse(one_line_page(lost, Random(0)))
    assert report.cell("applications.partially_granted.natural_person").value is None
    assert any(
        d.code == "values-unplaced" and d.message.startswith("予以公开: 2 values (9 10)")
        for d in report.diagnostics
    )


def test_rows_printed_blank_on_a_one_line_page_are_blank_not_lost() -> None:
    """``PAGE`` with its rows of zeros left blank, on one line: such a row is its label
    alone, the next row's numbered label right after it (``2.其他法律行政法规禁止公开 3.危及…``),
    so the text is not cut before it; each is a row printed blank, not a lost one, and the
    rows of values read as where the zeros are printed."""
    blank = re.sub(r"(?m)(?<=[^\d\s])(?: 0)+$", "", PAGE)
    assert "3.危及“三安全一稳定”\n" in blank  # the zeros are gone
    report = gr.parse(one_line_page(blank, Random(0)))
    assert not any(
        d.code == "row-missing" and "section 三" in d.message for d in report.diagnostics
    )
    for row in ("denied.security_stability", "unavailable.unclear_after_correction"):
        cell = report.cell(f"applications.{row}.total")
        assert (cell.value, cell.provenance) in ((None, "blank"), (0, "derived")), row
    assert _row(report, "granted")[-1] == 10
    assert _row(report, "total")[-1] == 17
    assert report.cell("applications.carried_forward.total").value == 3


@scaled(0.6)
@given(
    report=reports(missing=False), seed=st.integers(0, 2**32 - 1), zeros=st.sampled_from((0.5, 1))
)
def test_rows_of_zeros_of_a_one_line_page_are_read(
    report: gr.Report, seed: int, zeros: float
) -> None:
    """The same page on one line (``one_line_page``): no cell comes back wrong. A row of
    zeros that prints one 0 may come back missing, where a rule ties it to a cell its blanks
    could take a lost value from (a row read as printed, a lost cell): there the blank
    reading decides nothing (``resolve._unassumed``); ``PAGE`` above is read whole. A row
    that leaves every cell out is its label alone, and is found: a row printed blank."""
    back = gr.parse(one_line_page(render(report, _Joined(Random(seed), zeros)), Random(seed)))
    truth = report.flat()
    assert wrong(back, truth) == {}
    assert [
        d.message for d in back.diagnostics if d.message.startswith("section 三: rows not")
    ] == []
