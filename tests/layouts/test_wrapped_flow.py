"""pypdfium2's text of a browser's PDF of a narrow table (issue 45): one cell a line, no
blank line for a blank cell nor between pages, CRLF line ends; a tall row's label wrapped two
characters a line, its cells that fit on one line together on their centred baseline, a
number with its unit too wide for its cell wrapped (``403`` / ``0件`` for 4030件). Two values
one under the other at the label's margin may be one number's pieces: only the row's own
rules may confirm them as two cells. The text is typed here, not the tool bed's page."""

from __future__ import annotations

import govinfo_report as gr

_REPORT = """\
青岚县水利局2020年政府信息公开工作年度报告
一、总体情况
2020年，青岚县水利局认真贯彻落实政府信息公开各项要求。
二、主动公开政府信息情况
第二十条第（五）项
信息
内容
上一
年项
目数
量
本年
增/减
处理
决定
数量
行政
许可{licensing}
第二十条第（六）项
信息
内容
上一
年项
目数
量
本年
增/减
处理
决定
数量
行政
处罚{penalties}
行政
强制 8项 0 5件
三、收到和处理政府信息公开申请情况
"""


def _read(licensing: str, penalties: str) -> gr.Report:
    text = _REPORT.format(licensing=licensing, penalties=penalties)
    return gr.parse(text.replace("\n", "\r\n"))


def _row(report: gr.Report, row: str) -> tuple[object, ...]:
    flat = report.flat()
    keys = ("previous_items", "change", "decisions")
    return tuple(flat[f"proactive.{row}.{key}"] for key in keys)


def test_a_number_wrapped_in_its_narrow_cell_is_not_read_as_two_cells() -> None:
    # 上一年项目数量 blank, 本年增/减 0, 处理决定数量 6120件 wrapped as 612 / 0件: read by
    # order, 0 / 612 / 0 would be three cells, every one wrong.
    report = _read("\n3项 0\n271\n件", "\n0\n612\n0件")
    assert _row(report, "penalties") == (None, None, None)
    assert report.cell("proactive.penalties.change").provenance == "missing"
    assert "values-unplaced" in {d.code for d in report.diagnostics}
    # a row whose values stand on one line is read as it is
    assert _row(report, "coercive_measures") == (8, 0, 5)
