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

import pytest

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
#: Sub-table (一)'s columns, in order.
_COLUMNS = ("issued", "repealed", "in_force")


def test_a_short_row_s_values_are_placed_by_no_offset() -> None:
    report = gr.parse(TEXT_2021)
    for row in _SHORT_ROWS:
        for column in _COLUMNS:
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


def _one_char_header(lone: int, indented: bool) -> str:
    """``TEXT_2021`` with sub-table (一)'s header words wrapped a character a line, its
    three columns' cells as narrow (ending 3, 5 and 7 past the labels' start), 规章
    printing 438, 75 and 1, each pushed one space past the text before it (``规章 438 75
    1``), and 行政规范性文件 its 本年制发件数 1 where it ends, on its label's first line,
    and 现行有效件数 8 ``lone`` past the labels' start on its second; the section's lines
    ``indented`` as in ``TEXT_2021`` or at the page's margin."""
    first = TEXT_2021.index(_LABELS + " 第二十条第（一）项")
    after = TEXT_2021.index(_LABELS + " 第二十条第（五）项")
    table = [
        " 第二十条第（一）项",
        "   本 本 现",
        "   年 年 行",
        "信息 制 废 有",
        "内容 发 止 效",
        "   件 件 件",
        "   数 数 数",
        "规章 438 75 1",
        "行政 1",
        at_offsets("规范", (lone, "8")),
        "性文",
        "件",
        "",
    ]
    text = TEXT_2021[:first] + "\n".join(_LABELS + line for line in table) + TEXT_2021[after:]
    return text if indented else text.replace("\n" + _LABELS, "\n")


@pytest.mark.parametrize("indented", [True, False])
@pytest.mark.parametrize(("lone", "word"), [(7, "有"), (5, "废")])
def test_a_lone_value_under_another_columns_word_than_the_rows_say_is_missing(
    lone: int, word: str, indented: bool
) -> None:
    """Found by the thorough profile of ``test_narrow_header_rows``: 规章's wide 438 pushed
    its other values right, so 8 stands under 75 (本年废止件数's) or under 438 by that row's
    offsets, and under 有 or 废 by the header's words, another column. Stop 106's main read
    the first as 本年废止件数's, silently: at the page's margin the sub-table's header, on
    lines before the first row's, was prose, and in both nothing weighed its words. Now the
    header is the table's, and the row's cells are missing, said (at 废, 1 over 8 may also
    be one count wrapped); 规章, whose line prints all three in order, is read."""
    text = _one_char_header(lone, indented)
    header = next(line for line in text.split("\n") if line.strip().startswith("信息 制"))
    assert header[header.index("信息") + lone] == word
    report = gr.parse(text)
    for column in _COLUMNS:
        cell = report.cell(f"proactive.normative_documents.{column}")
        assert (cell.value, cell.provenance) == (None, "missing"), column
    rules = [report.cell(f"proactive.rules.{column}").value for column in _COLUMNS]
    assert rules == [438, 75, 1]
    unplaced = [d.line for d in report.diagnostics if d.code == "values-unplaced"]
    assert unplaced and set(unplaced) <= {15, 16}  # the row's lines
    assert report.cell("proactive.licensing.decisions").value == 318
