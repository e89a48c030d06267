"""One-space text of a browser's PDF (pypdfium2) leaves a row's blank cells out without a
trace (``58 4 2 1 65`` for 7 cells). Such a row is read with its blanks where the rules
allow one placement; where a lost cell elsewhere could take what the blanks assume away,
the rows tied to it through unknown cells are read as printed instead. Rows tied to it
through printed cells alone keep their reading (tool bed 6565, pypdfium2 page 17: 上年结转
and 结转下年度 were missing because another sub-table had a lost cell). Typed here."""

from __future__ import annotations

import govinfo_report as gr

_TEXT = """\
松原市人民政府办公室2019年政府信息公开工作年度报告

一、总体情况
本机关认真落实政府信息公开工作。

三、收到和处理政府信息公开申请情况
申请人情况
自然人 法人或其他组织 总计
商业企业 科研机构 社会公益组织 法律服务机构 其他
一、本年新收政府信息公开申请数量 549 49 1 4 13 6 622
二、上年结转政府信息公开申请数量 58 4 2 1 65
三、本年度办理结果
（二）部分公开 74 10 1 85
（七）总计 589 53 1 4 15 7 669
四、结转下年度继续办理 18 18
"""

#: Section 三's columns, in the catalogue's order.
_COLUMNS = [f.column for f in gr.fields("2019") if f.key.startswith("applications.new.")]


def _row(report: gr.Report, row: str) -> list[object]:
    return [report.cell(f"applications.{row}.{column}").value for column in _COLUMNS]


def test_rows_tied_to_a_lost_cell_only_through_printed_cells_keep_their_blanks() -> None:
    # 新收 + 上年结转 = 总计 + 结转下年度, column by column, with 新收 and 总计 printed
    # whole: 58 4 2 1 and 18 stand in one place each; 部分公开's cells are tied to the
    # outcome rows this text lost, through 总计's printed cells only
    back = gr.parse(_TEXT)
    assert _row(back, "carried_over") == [58, 4, 0, 0, 2, 1, 65]
    assert _row(back, "carried_forward") == [18, 0, 0, 0, 0, 0, 18]
    assert back.cell("applications.carried_over.legal_service_agency").provenance == "parsed"
    assert back.cell("applications.carried_over.research_institution").provenance == "derived"
    # 74 10 1 85 could stand in several places while the other outcome rows are lost
    assert back.cell("applications.partially_granted.commercial_enterprise").value is None
