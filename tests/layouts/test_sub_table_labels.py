"""A row's label wrapped over lines above its values is completed from them
(``行政`` / ``许可 1 项 +8 7 件``), and dropped where another row's whole label stands above
it with no values: pdftotext prints labels away from their values, so the values may be
that row's. Only a label of the row's own sub-table counts: above the sub-table's heading
(``第二十条第（五）项``) and its header, a row printed blank (规章) is another sub-table's.
Word's PDF through pypdfium2 prints each label two characters a line and each header word
a character a line, the values beside a label's last piece. The text is typed after tool
bed 8524's page 10, its values our own."""

from __future__ import annotations

import govinfo_report as gr

_HEADER = ["信息", "内容", *"上一年项目数量", "本", "年", "增/", "减", "处理", "决定", "数量"]

_TEXT = "\n".join(
    [
        "青岚县人民政府2020年政府信息公开工作年度报告",
        "一、总体情况",
        "2020年，我县认真落实政府信息公开工作要求。",
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        "信息",
        "内容",
        *"本年新制作数量",
        *"本年新公开数量",
        "对外",
        "公开",
        "总数",
        "量",
        "规章",
        "规范",
        "性文",
        "件",
        "第二十条第（五）项",
        *_HEADER,
        "行政",
        "许可 3 项 +2 46 件",
        "其他",
        "对外",
        "管理",
        "服务",
        "事项",
        "15",
        "项",
        "208",
        "件",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "无。",
        "六、其他需要报告的事项",
        "无。",
        "青岚县人民政府",
        "2021年3月8日",
    ]
)


def _row(report: gr.Report, row: str) -> list[object]:
    return [
        report.cell(f"proactive.{row}.{cell}").value
        for cell in ("previous_items", "change", "decisions")
    ]


def test_a_blank_row_of_another_sub_table_leaves_a_row_its_label() -> None:
    """规章 and 规范性文件, printed blank above (一)'s heading, are no label of (五)'s: 行政许可
    keeps its label and its values (before, it lost both, and its values were read as
    其他对外管理服务事项's: 3, 2 and 46 for 15, a blank and 208)."""
    back = gr.parse(_TEXT)
    assert _row(back, "licensing") == [3, 2, 46]
    other = _row(back, "other_services")
    assert other[0] in (15, None) and other[2] in (208, None) and other[1] is None
