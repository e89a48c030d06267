"""Section 二 of a browser's PDF of a narrow report page, through ``pdftotext -layout``:
each sub-table's header wrapped and packed one space apart (``信息 本年 本年 现行``), each
row's label wrapped two characters a line. poppler starts each value at a column set by
the blocks left of it on the page, not at its x (docs/layouts.md, "Why a page's offsets
name columns only in order"): a value may stand under another column's header word, or
be pushed one space after its label whatever its column (a Chromium PDF of a page whose
规章 prints only 本年新公开数量: ``规章 3``). With no rule across a row's cells, a row that
prints fewer values than its cells is not placed: its cells are missing, said, never
another column's number nor a blank where a number is printed."""

from __future__ import annotations

import govinfo_report as gr

from conftest import at_offsets

_LABELS = " " * 46

#: A 2021 report so printed: 规章 prints 本年废止件数 4 (pushed against its label) and
#: 现行有效件数 19, 行政规范性文件 本年制发件数 2 (pushed) and 现行有效件数 30; each of the
#: single-column sub-tables one value.
TEXT_2021 = "\n".join(
    [
        "青山乡人民政府2021年政府信息公开工作年度报告",
        "",
        "一、总体情况",
        "2021年，青山乡人民政府认真落实政府信息公开工作要求。",
        "",
        "    二、主动公开政府信息情况",
        _LABELS + " 第二十条第（一）项",
        _LABELS + "信息 本年 本年 现行",
        _LABELS + "      废止 有效",
        _LABELS + "内容 制发",
        _LABELS + "   件数 件数 件数",
        at_offsets(_LABELS + "规章 4", (56, "19")),
        _LABELS + "行政",
        at_offsets(_LABELS + "规范 2", (56, "30")),
        _LABELS + "性文",
        _LABELS + "件",
        _LABELS + " 第二十条第（五）项",
        _LABELS + "信息 本年处理决定数量",
        _LABELS + "内容",
        _LABELS + "行政",
        at_offsets(_LABELS + "许可", (53, "318")),
        "",
        _LABELS + " 第二十条第（六）项",
        _LABELS + "信息 本年处理决定数量",
        _LABELS + "内容",
        _LABELS + "行政",
        at_offsets(_LABELS + "处罚", (54, "46")),
        "",
        _LABELS + "行政",
        at_offsets(_LABELS + "强制", (55, "2")),
        "",
        _LABELS + " 第二十条第（八）项",
        _LABELS + "信息 本年收费金额",
        _LABELS + "内容 （单位：万元）",
        _LABELS + "行政",
        _LABELS + "事业",
        at_offsets(_LABELS + "性收", (54, "7.25")),
        "",
        _LABELS + "费",
        "         三、收到和处理政府信息公开申请情况",
        "",
        "         四、政府信息公开行政复议、行政诉讼情况",
        "",
        "         五、存在的主要问题及改进情况",
        "无。",
        "",
    ]
)

#: The first sub-table's rows, each two values of three columns: which two, the text
#: does not show (4 stands under 本年制发件数's word, 19 under 现行有效件数's).
_SHORT_ROWS = {"rules": 12, "normative_documents": 14}


def test_a_short_row_s_values_are_placed_by_no_offset() -> None:
    report = gr.parse(TEXT_2021)
    for row in _SHORT_ROWS:
        for column in ("issued", "repealed", "in_force"):
            cell = report.cell(f"proactive.{row}.{column}")
            assert (cell.value, cell.provenance) == (None, "missing"), (row, column)
    unplaced = {
        (d.line, d.message.split(":")[0]) for d in report.diagnostics if d.code == "values-unplaced"
    }
    assert unplaced >= {(12, "规章"), (14, "行政规范性文件")}


def test_a_row_that_prints_each_of_its_cells_is_read() -> None:
    report = gr.parse(TEXT_2021)
    values = {
        "proactive.licensing.decisions": 318,
        "proactive.penalties.decisions": 46,
        "proactive.coercive_measures.decisions": 2,
    }
    for key, value in values.items():
        cell = report.cell(key)
        assert (cell.value, cell.provenance) == (value, "parsed"), key
    assert str(report.cell("proactive.fees.amount").value) == "7.25"
