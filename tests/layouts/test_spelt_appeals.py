"""Section 四's one row as ``pdftotext -layout`` prints Word's PDF (issue 45): its fifteen
narrow columns print their header words one character a line, each over its column, and
each value is centred in its cell, so a value in a wider cell stands right of its header's
character, in the gap before the next column's, under no word. A value between the words
of two adjacent columns is the one's or the other's; a value of the row under one of
those words leaves it the other. Such a header's characters, one a line, stand one under
another in characters, ``pdftotext``'s measure, not in display columns."""

from __future__ import annotations

import pytest
from hypothesis import given

import govinfo_report as gr
from govinfo_report.write.render import render

from conftest import APPEAL_OUTCOMES, appeals_read, report_around, scaled, wrong
from manglers import SpeltAppeals
from strategies import sparse_reports

#: Section 四 of a made-up 2021 report so printed (typed for these tests), columns at
#: characters 1, 6, 11, 16, 22, 27 … 72: 行政复议 3 维持 and 2 尚未审结 of 5, 未经复议直接起诉
#: 1 结果纠正 of 1, 复议后起诉 2 维持 of 2, every other cell blank. 行政复议's 2 stands at 19,
#: right of ``尚`` (16) and left of ``总`` (22), under which its 总计 5 stands.
SECTION = """四、政府信息公开行政复议、行政诉讼情况

         行政复议                                 行政诉讼

                              未经复议直接起诉              复议后起诉
 结    结    其    尚          结    结    其    尚         结    结    其    尚
 果    果    他    未     总    果    果    他    未    总    果    果    他    未    总
 维    纠    结    审     计    维    纠    结    审    计    维    纠    结    审    计
 持    正    果    结          持    正    果    结         持    正    果    结

 3                 2  5         1              1    2                   2
"""

VALUES = " 3                 2  5         1              1    2                   2"


def test_a_value_between_two_words_takes_the_column_its_row_leaves_it() -> None:
    """The 2 at 19 is 尚未审结's or 总计's, and 总计's 5 stands under ``总``: it is 尚未审结's.
    Every other value stands under its column's character; the blank cells of a group
    that prints a value are 0 by its 总计, and the group that prints none is blank."""
    report = report_around(SECTION)
    assert appeals_read(report) == {
        "review": (3, 0, 0, 2, 5),
        "litigation_direct": (0, 1, 0, 0, 1),
        "litigation_after_review": (2, 0, 0, 0, 2),
    }
    assert report.cell("appeals.review.pending").provenance == "parsed"
    assert report.cell("appeals.review.pending").raw == "2"
    assert not [d for d in report.diagnostics if d.code == "values-unplaced"]


def test_a_value_both_columns_beside_it_may_hold_is_not_placed() -> None:
    """The 2 at 13, between ``其`` (11) and ``尚`` (16), neither column holding another
    value: 其他结果's or 尚未审结's, and 3 + 2 = 5 either way. The text does not say which,
    so the section is not read by the header's words; no number is wrong."""
    report = report_around(SECTION.replace(VALUES, VALUES.replace("      2  5", "2        5")))
    for group, values in appeals_read(report).items():
        for outcome, value in zip(APPEAL_OUTCOMES, values, strict=True):
            assert value in (None, *_typed(group, outcome)), (group, outcome)
    assert report.cell("appeals.review.other").value is None
    assert report.cell("appeals.review.pending").value is None
    assert any(d.code == "values-unplaced" for d in report.diagnostics)


def test_a_value_line_moved_against_its_header_is_not_placed_by_it() -> None:
    """Every value two characters right of its column's character: most stand in gaps,
    under no word, so the header's words do not place them; no number is wrong."""
    report = report_around(SECTION.replace(VALUES, "  " + VALUES))
    for group, values in appeals_read(report).items():
        for outcome, value in zip(APPEAL_OUTCOMES, values, strict=True):
            assert value in (None, *_typed(group, outcome)), (group, outcome)
    assert any(d.code == "values-unplaced" for d in report.diagnostics)


def _typed(group: str, outcome: str) -> tuple[int, ...]:
    """The value ``SECTION`` prints in a cell (0 for a blank, as its 总计 derives it)."""
    printed = {
        "review": (3, 0, 0, 2, 5),
        "litigation_direct": (0, 1, 0, 0, 1),
        "litigation_after_review": (2, 0, 0, 0, 2),
    }
    return (printed[group][APPEAL_OUTCOMES.index(outcome)],)


@pytest.mark.parametrize(
    "writer",
    [SpeltAppeals(), SpeltAppeals(width=4, extra=3), SpeltAppeals(wide=1, extra=5)],
    ids=["pending-wide", "wider-cells", "corrected-wide"],
)
@scaled(0.3)
@given(report=sparse_reports())
def test_values_in_gaps_of_a_spelt_header_are_never_read_wrong(
    writer: SpeltAppeals, report: gr.Report
) -> None:
    """Any report so printed, its zeros blank, one outcome of each group in a wider cell
    (its values between two header characters): no cell wrong, and no printed number
    claimed blank."""
    back = gr.parse(render(report, writer, blank_zeros=True))
    printed = {key: None if value == 0 else value for key, value in report.flat().items()}
    assert wrong(back, printed) == {}
    assert not [k for k, v in printed.items() if v is not None and back.cell(k).blank]


#: Section 二's first sub-table of a made-up 2021 report as Word's PDF through ``pdftotext
#: -layout`` prints it (typed for this test): its header one or two characters a line over
#: each column, 规章 printing no value, 行政规范性文件's 5 under 本年制发件数 and 12 under
#: 现行有效件数 on a line of their own among its label's pieces, 本年废止件数 blank.
SPELT_TWO = """二、主动公开政府信息情况

                  第二十条第（一）项

                        本    本
                        年    年
                                    现行
                  信息  制    废
                                    有效
                  内容  发    止
                                    件数
                        件    件
                        数    数

                  规章

                  行政
                  规范
                        5           12
                  性文
                  件
"""


def test_a_header_spelt_down_is_measured_in_characters() -> None:
    """Counted in display columns, the header's characters one a line stand at other
    offsets on each line (the wide characters left of them vary), and name five columns
    where there are three; counted in characters they stand one under another. The row is
    read in characters: 5 and 12 in their columns, 本年废止件数 printed blank."""
    report = gr.parse(
        "青石县水务局2021年政府信息公开工作年度报告\n\n一、总体情况\n\n"
        "2021年，青石县水务局认真落实政府信息公开工作要求。\n\n"
        + SPELT_TWO
        + "\n三、收到和处理政府信息公开申请情况\n\n无。\n\n"
        "四、政府信息公开行政复议、行政诉讼情况\n\n无。\n\n"
        "五、存在的主要问题及改进情况\n\n无。\n\n六、其他需要报告的事项\n\n无。\n\n"
        "青石县水务局\n2022年1月20日\n"
    )
    read = {
        outcome: (cell.value, cell.provenance)
        for outcome in ("issued", "repealed", "in_force")
        if (cell := report.cell(f"proactive.normative_documents.{outcome}"))
    }
    assert read == {
        "issued": (5, "parsed"),
        "repealed": (None, "blank"),
        "in_force": (12, "parsed"),
    }
    assert report.cell("proactive.rules.issued").provenance == "blank"
