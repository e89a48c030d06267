"""pdfminer.six's text of Word's PDF (tool bed ``word-pdfminer``): a blank line after each
line (none between a number and its unit under it, nor between some lines of a label),
and a sub-table of section 二 printed column by column, not row by row: both rows'
上一年项目数量 with their units apart, then both labels, then both 本年增/减, then both
处理决定数量. The values after the last label outnumber its row's cells once the numbers
after a unit that could be either's are counted: its cells are missing, never read by
order. The text is typed here, not the tool bed's page."""

from __future__ import annotations

import govinfo_report as gr

_LINES = [
    "桐溪镇人民政府2020年政府信息公开工作年度报告",
    "一、总体情况",
    "2020年，桐溪镇人民政府认真贯彻落实政府信息公开各项要求。",
    "二、主动公开政府信息情况",
    "第二十条第（一）项",
    "信息",
    "内容",
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "规章 0 件 0 件 0 件",
    "规范性文件 4 件 4 件 15 件",
    "第二十条第（五）项",
    *("本年", "处理", "增/", "减", "决定", "数量", "信息", "内容"),
    *("上", "一", "年", "项", "目", "数", "\f量"),
    *("57\n项", "13\n项"),
    *("行政", "许可", "其他", "对外", "管理", "服务", "事项"),
    *("0", "0"),
    *("36\n件", "805\n件"),
    "第二十条第（六）项",
    "信息",
    "内容",
    "上一年项目数量",
    "本年增/减",
    "处理决定数量",
    "行政处罚 9 项 0 31 件",
    "行政强制 2 项 0 3 件",
    "三、收到和处理政府信息公开申请情况",
]


def test_values_of_a_sub_table_printed_by_columns_are_missing_not_read_by_order() -> None:
    report = gr.parse("\n\n".join(_LINES) + "\n")
    flat = report.flat()
    for cell in ("previous_items", "change", "decisions"):
        key = f"proactive.other_services.{cell}"
        assert flat[key] is None  # 13, 0, 805 printed: 0 / 0 / 36 read by order are wrong
        assert report.cell(key).provenance == "missing"
    assert any(
        d.code == "values-unplaced" and "其他对外管理服务事项" in d.message
        for d in report.diagnostics
    )
    # the row printed whole on its line keeps its reading
    assert flat["proactive.normative_documents.total_published"] == 15
