"""pdfminer.six's text of Word's PDF (tool bed ``word-pdfminer``): a blank line after each
line (none between a number and its unit under it, nor between some lines of a label),
and a sub-table of section 二 printed column by column, not row by row: both rows'
上一年项目数量 with their units apart, then both labels, then both 本年增/减, then both
处理决定数量. The values after the last label outnumber its row's cells once the numbers
after a unit that could be either's are counted: its cells are missing, never read by
order. The text is typed here, not the tool bed's page."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

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
    # said for the row's cells: its values are unplaced, or the sub-table is read as
    # printed a column at a time (each number's unit joined, ``57`` / ``项``, the values
    # before the first label go to no row)
    assert any(
        d.code in ("values-unplaced", "table-order-broken")
        and "proactive.other_services.previous_items" in d.keys
        for d in report.diagnostics
    )
    # the row printed whole on its line keeps its reading
    assert flat["proactive.normative_documents.total_published"] == 15


#: A sub-table as pdfminer's boxes print Word's PDF: the first column's numbers (their
#: units under them) under its header words, before both rows' labels, then the rows' other
#: cells; 行政许可's 本年增/减
#: is blank, so 其他对外管理服务事项, whose label comes last, is followed by three numbers
#: (30, 0, 7) of which only the last two are its own (it printed 4 / 0 / 7).
_LED = [
    "某县民政局2020年政府信息公开工作年度报告",
    "一、总体情况",
    "2020年，某县民政局认真贯彻落实政府信息公开各项要求。",
    "二、主动公开政府信息情况",
    "第二十条第（一）项",
    "信息内容",
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "规章 0 0 0",
    "规范性文件 2 2 9",
    "第二十条第（五）项",
    *("信息", "内容", "上一年", "项目", "数量"),
    *("12\n项", "4\n项"),
    *("本年", "增/减", "处理", "决定", "数量"),
    *("行政", "许可", "其他对外", "管理服务", "事项"),
    *("30", "0", "7"),
    "第二十条第（六）项",
    "信息内容",
    "上一年项目数量",
    "本年增/减",
    "处理决定数量",
    "行政处罚 5 0 16",
    "行政强制 1 0 2",
    "三、收到和处理政府信息公开申请情况",
]


def test_a_first_column_printed_before_its_rows_labels_leaves_the_sub_table_missing() -> None:
    report = gr.parse("\n\n".join(_LED) + "\n")
    flat = report.flat()
    for row in ("licensing", "other_services"):
        for cell in ("previous_items", "change", "decisions"):
            key = f"proactive.{row}.{cell}"
            assert flat[key] is None  # 其他对外管理服务事项 30 / 0 / 7 by order: 30 is wrong
            assert report.cell(key).provenance == "missing"
    found = next(d for d in report.diagnostics if d.code == "table-order-broken")
    assert "proactive.other_services.previous_items" in found.keys
    # the other sub-tables, printed row by row, keep their readings
    assert flat["proactive.normative_documents.total_published"] == 9
    assert flat["proactive.penalties.decisions"] == 16


def _procurement(values: list[str], after: list[str]) -> str:
    """Section 二 of the 2019 template as pdfminer's boxes print Word's PDF, a box a line: its
    first sub-table (规章 blank, its cells' boxes a space each: a label alone before the
    next row's would leave both rows' values in doubt) and its last, 政府集中采购's
    ``values`` under the header's words, before the row's label, then ``after`` (a line of
    a space each: a blank cell's box)."""
    lines = [
        *_LED[:4],
        "第二十条第（一）项",
        *("信息", "内容", *"本年新制作数量", *"本年新公开数量", "对外", "公开", "总数", "量"),
        *("规章  ", " ", " ", " ", "规范", "性文", "件", "4", "4", "81"),
        "第二十条第（九）项",
        *(*"采购项目数量", "采购总金", "额", "（单位：", "万元）"),
        *values,
        *("信息", "内容", "政府", "集中", "采购"),
        *after,
        *("申请人情况", "法人或其他组织"),
        "三、收到和处理政府信息公开申请情况",
    ]
    # the blank cell's no-break space ends the page, and the next begins with 其他
    return "\n\n".join(lines).replace("\n\n其他", "\n\n\u00a0\n\f其他", 1) + "\n"


def test_a_row_printed_blank_after_its_sub_table_s_numbers_went_to_no_row_is_missing() -> None:
    # 143 and 0.44 come under the header's words, before the label, and go to no row; the
    # row's label is followed by its cells' boxes, a space each: they may be 143 and 0.44
    report = gr.parse(_procurement(["143", "0.44"], [" ", " "]))
    for cell in ("projects", "amount"):
        key = f"proactive.procurement.{cell}"
        assert report.cell(key).value is None
        assert report.cell(key).provenance == "missing", key
    found = next(d for d in report.diagnostics if "proactive.procurement.amount" in d.keys)
    assert found.code == "values-unplaced" and "went to no row" in found.message
    assert report.flat()["proactive.normative_documents.total_published"] == 81
    # its values after its label are its own, read as printed
    after = gr.parse(_procurement([], ["143", "0.44"]))
    assert after.cell("proactive.procurement.projects").value == 143
    assert after.cell("proactive.procurement.amount").value == Decimal("0.44")


#: A 2021 report's first sub-table as pdfminer's boxes print a browser's PDF, a box a line:
#: 规章's first count beside its label, 行政规范性文件's label, then the first two columns'
#: other counts (5; 0 and 1), then the last column's header words and its counts (9, 40);
#: a blank line after each box, none inside one of the next sub-table's header boxes.
_LAST_COLUMN_AFTER = [
    "白沙镇人民政府2022年政府信息公开工作年度报告",
    "一、总体情况",
    "2022年，白沙镇人民政府认真贯彻落实政府信息公开各项要求。",
    "二、主动公开政府信息情况",
    "第二十条第（一）项",
    *("信息", "内容", "本年", "制发", "件数", "本年", "废止", "件数"),
    "规章 2",
    *("行政", "规范", "性文", "件"),
    *("5", "0", "1"),
    *("现行", "有效", "件数"),
    *("9", "40"),
    "第二十条第（五）项",
    "信息内容",
    "本年\n处理决定数量",
    "行政许可 36",
    "三、收到和处理政府信息公开申请情况",
]


def test_a_last_column_printed_after_the_rows_leaves_the_full_row_missing() -> None:
    """规章 prints 2, 0, 9 and 行政规范性文件 5, 1, 40. Read by order, 行政规范性文件 takes
    5 0 1, a row's worth, and 9 and 40, under 现行有效件数's words, go to no row, while
    规章 holds one count of three: the full row may hold the short row's counts, so the
    sub-table's rows are missing, said (main read 0 and 1 for 1 and 40)."""
    report = gr.parse("\n\n".join(_LAST_COLUMN_AFTER) + "\n")
    for row in ("rules", "normative_documents"):
        for cell in ("issued", "repealed", "in_force"):
            key = f"proactive.{row}.{cell}"
            assert (report.cell(key).value, report.cell(key).provenance) == (None, "missing")
    found = next(d for d in report.diagnostics if d.code == "table-order-broken")
    assert "past a full row's label" in found.message
    assert "proactive.normative_documents.repealed" in found.keys
    # the next sub-table, printed row by row, keeps its reading
    assert report.flat()["proactive.licensing.decisions"] == 36


def test_a_full_row_a_value_a_line_after_a_short_one_is_missing_where_blanks_print_nothing() -> (
    None
):
    """规章 prints 1, a blank and 14; 行政规范性文件 33, a blank and 34; the blank cells
    print nothing, so the sub-table's four values stand for six cells. Printed a column at
    a time, 行政规范性文件's ``33`` / ``14`` / ``34`` hold 规章's 14, and read by order
    14 went to 本年废止件数 (main): which of its values are its own the text does not
    show, so its cells are missing, said."""
    lines = [
        *_LAST_COLUMN_AFTER[:4],
        "第二十条第（一）项",
        *("信息", "内容", "本年", "制发", "件数", "本年", "废止", "件数", "现行", "有效", "件数"),
        "规章 1",
        *("行政", "规范", "性文", "件"),
        *("33", "14", "34"),
        *_LAST_COLUMN_AFTER[-5:],
    ]
    report = gr.parse("\n\n".join(lines) + "\n")
    for cell in ("issued", "repealed", "in_force"):
        key = f"proactive.normative_documents.{cell}"
        assert (report.cell(key).value, report.cell(key).provenance) == (None, "missing")
    found = next(d for d in report.diagnostics if d.code == "table-order-broken")
    assert "stand a line each" in found.message
    assert report.flat()["proactive.licensing.decisions"] == 36


def _blocks(licensing: tuple[str, ...]) -> str:
    """A 2019 report's section 二 as pdfminer prints a browser's PDF of a narrow page, each
    cell a block of its own with an empty line after it (typed after tool bed 8509's page
    0), 行政许可 printing ``licensing``, then a line of a no-break space, and the page's
    end."""
    lines = [
        "松原县人民政府2019年政府信息公开工作年度报告",
        "一、总体情况",
        "2019年，松原县人民政府认真贯彻落实政府信息公开各项要求。",
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        *("信息", "内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"),
        *("规章", "1", "1", "2", "规范性文件", "8", "6", "123"),
        "第二十条第（五）项",
        *("信息", "内容", "上一年项目数量", "本年增/减", "处理决定数量"),
        *("行政", "许可", *licensing),
        *("其他对外管理服务事项", "3", "5", "33"),
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "无。",
        "六、其他需要报告的事项",
        "无。",
        "松原县人民政府",
        "2020年1月15日",
    ]
    # the blank cell's no-break space ends the page, and the next begins with 其他
    return "\n\n".join(lines).replace("\n\n其他", "\n\n\u00a0\n\f其他", 1)


_LICENSING = ("previous_items", "change", "decisions")


def test_a_count_wrapped_into_two_blocks_beside_a_blank_cell_is_missing() -> None:
    """``427`` / ``994`` / ``9``: 427, a blank 本年增/减 and 9949 wrapped in its narrow
    cell, its last digit a block of its own. Read in order the row fills its three cells
    (427, 994, 9), and section 二 has no rule to tell: its cells are missing, said, never
    994 and 9 (main). A one-digit value after a count is how a count one digit too wide
    for its cell wraps; the other rows are read."""
    report = gr.parse(_blocks(("427", "994", "9")))
    cells = [report.cell(f"proactive.licensing.{key}") for key in _LICENSING]
    assert [cell.value for cell in cells] == [None, None, None]
    assert any("994, a block of its own" in d.message for d in report.diagnostics)
    assert report.cell("proactive.other_services.decisions").value == 33
    assert report.cell("proactive.normative_documents.total_published").value == 123


def test_a_row_whose_short_value_has_two_digits_is_read_in_order() -> None:
    """``427`` / ``94`` / ``19``: no value of one digit after a longer count, as a count
    one digit too wide for its cell would leave: the row is read in order."""
    report = gr.parse(_blocks(("427", "94", "19")))
    assert [report.cell(f"proactive.licensing.{key}").value for key in _LICENSING] == [427, 94, 19]


def test_a_count_wrapped_across_a_page_break_beside_a_blank_cell_is_missing() -> None:
    """``行政 15`` / ``3578`` / lines of no-break spaces / the page's end / ``7`` / ``许可``
    (tool bed 8513's page 0): 15, a blank 本年增/减 and 35787 wrapped in its narrow cell,
    its last digit the next page's first block. The lines between hold nothing of the
    row's, so the two blocks may be one count: missing, never 3578 and 7 (stop 86's
    commits before this)."""
    printed = "行政\n\n许可\n\n15\n\n3578\n\n7\n\n\u00a0\n\f其他"
    paged = "行政 15\n\n3578\n\n\u00a0\n\u00a0\n\u00a0\n\f7\n\n许可\n\n其他"
    text = _blocks(("15", "3578", "7"))
    assert printed in text
    text = text.replace(printed, paged)
    report = gr.parse(text)
    assert [report.cell(f"proactive.licensing.{key}").value for key in _LICENSING] == [None] * 3
    assert report.cell("proactive.other_services.decisions").value == 33


def _six_in_blocks(previous: tuple[str, str], decisions: tuple[str, ...]) -> str:
    """A 2019 report whose section 二 prints only its (六) sub-table as pdfminer's boxes
    print a browser's PDF, a blank line after each line: both rows' 上一年项目数量
    (``previous``) under the header's first words, then both labels cut over two lines,
    then the 处理决定数量 column's lines (``decisions``, a count wrapped over two of them
    where its cell is narrow), 本年增/减 blank; the header's last words after them."""
    lines = [
        "青岚县应急管理局2019年政府信息公开工作年度报告",
        "一、总体情况",
        "2019年，青岚县应急管理局认真贯彻落实政府信息公开各项要求。",
        "二、主动公开政府信息情况",
        "第二十条第（六）项",
        *("信息", "内容", "上一", "年", "项目", "数量"),
        *previous,
        *("行政", "处罚", "行政", "强制"),
        *decisions,
        *("本年增/减", "处理决定数量"),
        "三、收到和处理政府信息公开申请情况",
    ]
    return "\n\n".join(lines) + "\n"


_SIX = [
    f"proactive.{row}.{cell}" for row in ("penalties", "coercive_measures") for cell in _LICENSING
]


def test_a_sub_table_printed_by_columns_one_cell_a_line_is_not_read_by_its_lines() -> None:
    """``41`` / ``26`` before both labels, then ``15`` / ``518`` / ``3`` (tool bed 8520's
    page 27: 行政处罚 41, blank, 15; 行政强制 26, blank, 5183): the text is one cell a line,
    and the lines after 行政强制's label were read as its three cells, 15, 518 and 3. The
    numbers under the header, before any label, show the sub-table printed a column at a
    time, and 行政处罚's label stands alone before 行政强制's (its values may be either
    row's): its rows are missing, said (stop 87's commit before this reads 15, 518, 3)."""
    report = gr.parse(_six_in_blocks(("41", "26"), ("15", "518", "3")))
    assert [report.cell(key).value for key in _SIX] == [None] * 6
    said = {key for d in report.diagnostics if d.code == "values-unplaced" for key in d.keys}
    assert said >= set(_SIX[3:])
    assert "行政处罚" in next(d.message for d in report.diagnostics if _SIX[5] in d.keys)


@given(
    previous=st.tuples(st.integers(1, 999), st.integers(1, 999)),
    decisions=st.tuples(st.integers(0, 99999), st.integers(0, 99999)),
    cut=st.integers(1, 4),
)
def test_a_sub_table_printed_by_columns_reads_no_wrong_number(
    previous: tuple[int, int], decisions: tuple[int, int], cut: int
) -> None:
    """Any 上一年项目数量 and 处理决定数量 of the two rows so printed, each count of the
    last column wrapped after its first ``cut`` digits where it has more: no cell of the
    sub-table is read wrong."""
    lines = [
        piece
        for count in map(str, decisions)
        for piece in ((count[:cut], count[cut:]) if len(count) > cut else (count,))
    ]
    report = gr.parse(_six_in_blocks((str(previous[0]), str(previous[1])), tuple(lines)))
    truth = dict(
        zip(_SIX, (previous[0], None, decisions[0], previous[1], None, decisions[1]), strict=True)
    )
    for key, want in truth.items():
        assert report.cell(key).value in (None, want), (key, report.cell(key).value, want)
