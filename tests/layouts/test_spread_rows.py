"""Rows made tall by a label wrapped over several lines, as ``pdftotext -layout`` prints a
browser's or Word's PDF with narrow cells: each value cell centred or wrapped on its own,
so a row's values stand on any of its label's lines, and a number too wide for its cell
continues under itself (``214`` / ``3`` for 2143). Each cell right or missing, never a
number cut short, and never claimed blank where a line of the row prints it."""

from __future__ import annotations

import pytest
from hypothesis import Phase, given, note, settings
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.write.render import render

from conftest import scaled, wrong
from manglers import CentredRows
from strategies import reports

#: Section 三's columns, in the catalogue's order.
_COLUMNS = tuple(
    field.key.rpartition(".")[2]
    for field in gr.fields("2021")
    if field.key.startswith("applications.new.")
)

#: Section 三 of a made-up 2021 report (typed for this test; the other sections left out):
#: 本年新收 prints 2143 as ``214`` / ``3`` and 2222 as ``222`` / ``2``, its values on both
#: of its label's lines; 予以公开 likewise 1650 and 1706, beside a group label's pieces.
SECTION_2021 = """三、收到和处理政府信息公开申请情况
               （本列数据的勾稽                                  申请人情况
               关系为：第一项加    自然人                             法人或其他组织
               第二项之和，等于
               第三项加第四项之      商业                          科研 社会 法律    总计
                  和）         企业                          机构 公益 服务 其他
                                                            组织 机构
               一、本年新收政府 214  58                                                 222
               信息公开申请数量 3                                 3     0    11   7
                                                                                2

               二、上年结转政府 15
               信息公开申请数量      2                            0     0    1    0     18

               三 （一）予以  165  40                                                 170
               、   公开   0                                 2     0    9    5
                                                                                6
               本 （二）部分  300  10                           1     0    2    2     315
               年   公开
               度 （区分处理
               办 的，只计这
               理 一情形，不
               结 计其他情形）
               果
               （七）总计     1950 50                           3     0    11   7     2021
               四、结转下年度
               继续办理       208  10                           0     0    1    0     219
"""

#: Section 三 of a made-up 2020 report (the 2019 template), its labels wrapped every six
#: characters over three lines: 本年新收 prints 1234 as ``123`` / ``4``.
SECTION_2019 = """三、收到和处理政府信息公开申请情况
            （本列数据                              申请人情况
            的勾稽关系      自然人                  法人或其他组织
            为：第一项
            加第二项之               商业    科研   社会   法律          总计
            和，等于第               企业    机构   公益   服务   其他
            三项加第四                              组织   机构
            项之和）
            一、本年新收    586                                         1836
            政府信息公开             123     0      2
            申请数量                 4                     5      9

            二、上年结转    7        0       0      0      1      0     8
            政府信息公开
            申请数量
            三   （一）予   40       3       0      1      0      2     46
            、   以公开
            本   （二）部   12       1       0      0      0      0     13
            年   分公开
            度   （区分处
                 理的，只计
                 这一情形，
                 不计其他情
                 形）
四、结转下                  11               0                                17
年度继续                             2               0      1      3
办理
"""


def _text(organisation: str, year: int, section: str) -> str:
    return (
        f"{organisation}{year}年政府信息公开工作年度报告\n\n一、总体情况\n\n"
        f"{year}年，{organisation}认真落实政府信息公开工作要求。\n\n{section}"
        "\n五、存在的主要问题及改进情况\n\n无。\n\n六、其他需要报告的事项\n\n无。\n\n"
        f"{organisation}\n{year + 1}年1月20日\n"
    )


def _row(report: gr.Report, row: str) -> tuple[object, ...]:
    return tuple(report.cell(f"applications.{row}.{column}").value for column in _COLUMNS)


def test_a_tall_rows_values_on_its_label_lines_are_one_row_2021() -> None:
    report = gr.parse(_text("梧川市生态环境局", 2022, SECTION_2021))
    assert report.template == "2021"
    assert _row(report, "new") == (2143, 58, 3, 0, 11, 7, 2222)
    assert _row(report, "carried_over") == (15, 2, 0, 0, 1, 0, 18)
    assert _row(report, "granted") == (1650, 40, 2, 0, 9, 5, 1706)
    assert _row(report, "partially_granted") == (300, 10, 1, 0, 2, 2, 315)


def test_a_tall_rows_values_on_its_label_lines_are_one_row_2019() -> None:
    report = gr.parse(_text("青岚县水务局", 2020, SECTION_2019))
    assert report.template == "2019"
    assert _row(report, "new") == (586, 1234, 0, 2, 5, 9, 1836)
    assert _row(report, "carried_over") == (7, 0, 0, 0, 1, 0, 8)
    assert _row(report, "granted") == (40, 3, 0, 1, 0, 2, 46)
    # the table's text ends before the label's last line, unindented: 办理
    assert _row(report, "carried_forward") == (11, 2, 0, 0, 1, 3, 17)


def test_pieces_of_one_column_that_break_the_rows_sum_are_left_missing() -> None:
    """予以公开 prints ``165`` with nothing under it, and its 总计 ``170`` / ``6``: 165 and
    1706 do not add up with the row's other cells, so the row is no reading of its own."""
    section = SECTION_2021.replace("公开   0      ", "公开          ")
    report = gr.parse(_text("梧川市生态环境局", 2022, section))
    assert _row(report, "granted") == (None,) * 7
    assert report.cell("applications.granted.total").provenance == "missing"
    assert any(d.code == "values-unplaced" and d.line == 21 for d in report.diagnostics)
    assert _row(report, "new") == (2143, 58, 3, 0, 11, 7, 2222)


@pytest.mark.xfail(
    strict=True,
    reason="shapes main reads wrong too, found by this property and not fixed yet: a "
    "one-line label alone, its values on the next line beside a group label's piece "
    "(（一）予以公开 / 果  0 … 36), and 3.其他's 总计 under （六）其他处理 "
    "(docs/accuracy.md, 'Not covered yet')",
)
@settings(scaled(0.3), phases=(Phase.explicit, Phase.reuse, Phase.generate))  # not shrunk
@given(
    report=reports(),
    wrap=st.integers(2, 8),
    spread=st.lists(st.integers(0, 5), min_size=1, max_size=7).map(tuple),
)
def test_values_spread_over_a_tall_rows_lines_are_right_or_missing(
    report: gr.Report, wrap: int, spread: tuple[int, ...]
) -> None:
    """Any report whose narrow label cells wrap every ``wrap`` characters, each value of a
    tall row on one of its label's lines (``CentredRows.spread``): no cell wrong, and none
    claimed blank where a number is printed. Counts wrapped under themselves as well
    (``digits``) are the typed tests' above: the property still finds wrong numbers there
    that main reads so too (docs/accuracy.md, "Not covered yet")."""
    text = render(report, CentredRows(wrap=wrap, spread=spread))
    note(text)
    back = gr.parse(text)
    truth = report.flat()
    assert wrong(back, truth) == {}
    assert not [k for k, v in truth.items() if v not in (None, 0) and back.cell(k).blank]
