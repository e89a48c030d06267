"""Rows of section 二 as ``pdftotext -layout`` prints a Word or browser PDF whose label
column is narrow (issue 45 item 1): the label wraps two characters a line, and a cell's
number and its unit stand on different lines of the row, one over the other
(``行政 163`` / ``+7  36件`` / ``处罚  项``). Each row is a block of lines between empty
lines: its label the label column's pieces joined, each cell its column's pieces."""

from __future__ import annotations

import govinfo_report as gr

from conftest import wrong

TEXT = """白沙镇人民政府2020年政府信息公开工作年度报告
   一、总体情况
   本镇依照条例做好政府信息公开工作。
   二、主动公开政府信息情况
                                     第二十条第（一）项

                                        本年 本年 对外
                                   信息    新    新      公开
                                   内容 制作 公开 总数
                                        数量 数量        量

                                   规章    2件   1件     7件

                                        第二十条第（五）项

                        上一
                             本年 处理
                  信息 年
                  内容 项目 增/       决定
                        数量 减        数量


                  行政 12
                             0        5件
                  许可 34项

                  行政 163
                             +7       36件
                  处罚    项

                  行政
                                      902
                  强制 14项     -2
                                      件

三、收到和处理政府信息公开申请情况
"""

#: The cells of the rows whose number and unit stand on different lines, as printed.
STACKED = {
    "proactive.penalties.previous_items": 163,
    "proactive.penalties.change": 7,
    "proactive.penalties.decisions": 36,
    "proactive.coercive_measures.previous_items": 14,
    "proactive.coercive_measures.change": -2,
    "proactive.coercive_measures.decisions": 902,
}

#: The row whose first column prints two numbers one over the other (``12`` / ``34项``):
#: one column holds one cell of a row, and both stand within the lines of 行政许可's label,
#: the unit closing the cell: 1234项 (issue 45).
WRAPPED = {
    "proactive.licensing.previous_items": 1234,
    "proactive.licensing.change": 0,
    "proactive.licensing.decisions": 5,
}


def test_a_row_stacked_over_lines_is_read_by_its_columns() -> None:
    """``行政`` / ``902`` / ``强制 14项  -2`` / ``件``: the label's pieces join into
    行政强制, and ``902`` over ``件`` is the last column's cell."""
    report = gr.parse(TEXT)
    assert {key: report.cell(key).value for key in STACKED} == STACKED


def test_a_number_over_its_rest_and_unit_within_its_labels_lines_is_one_count() -> None:
    """A number over the rest of its digits and its unit, both within the lines of the row's
    label (``行政  12`` / ``0  5件`` / ``许可  34项``), is one count wrapped in its cell."""
    report = gr.parse(TEXT)
    assert wrong(report, WRAPPED) == {}
    assert [report.cell(key).value for key in WRAPPED] == [1234, 0, 5]
    assert report.cell("proactive.licensing.previous_items").raw == "1234项"


#: Section 二 of a 2021 report whose only count is 行政强制's, on a line of its own between
#: its label's pieces (typed for this test): ``行政`` / ``处罚`` / ``行政`` / ``1647`` /
#: ``强制  件``. Above, the whole label 规章 prints no values.
SET_ASIDE = """青石镇人民政府2021年政府信息公开工作年度报告

二、主动公开政府信息情况

            第二十条第（一）项
            信息内容    本年制发件数         本年废止件数         现行有效件数
            规章
            行政
            规范
            性文
            件
            第二十条第（五）项
            信息内容    本年处理决定数量
            行政
            许可
            第二十条第（六）项
            信息内容    本年处理决定数量
            行政
            处罚
            行政
                    1647
            强制      件
            第二十条第（八）项
            信息内容    本年收费金额（单位：万元）
            行政
            事业
            性收
            费

三、收到和处理政府信息公开申请情况
"""


def test_values_whose_label_was_set_aside_are_not_joined_to_the_pieces_above() -> None:
    """The fragment ``行政`` beside ``1647`` is set aside (a whole label above prints no
    values: the values may be its), and the pieces above it, ``行政`` / ``处罚``, do not
    join into 行政处罚 for those values: 1647 is 行政强制's or missing, never 行政处罚's."""
    report = gr.parse(SET_ASIDE)
    truth = {
        "proactive.penalties.decisions": None,
        "proactive.coercive_measures.decisions": 1647,
    }
    assert wrong(report, truth) == {}
    assert report.cell("proactive.penalties.decisions").value is None
