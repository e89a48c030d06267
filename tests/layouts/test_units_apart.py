"""Plain ``pdftotext`` of a browser's PDF of a narrow table (tool bed seed 808): section
二's cells one value a line in reading order, a row's label wrapped over lines around its
values, a unit printed apart from its number on a line of its own (after it, or before it
where the tool orders a tall cell's lines by their baselines), a blank cell printing
nothing. A value's unit says its column's kind (a count unit 个, 件, 项; a money unit 元,
万元): the value goes in the cell of that kind; where nothing decides, the cells are missing,
never read by order nor claimed printed blank. The texts are typed here, not the tool
bed's pages."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.write.render import render

from conftest import scaled, wrong
from manglers import UnitsApart, UnitsBeneath, UnitsOver
from strategies import reports, sparse_reports

_HEAD_2019 = """\
青岚县水利局2020年政府信息公开工作年度报告

一、总体情况
2020年，青岚县水利局认真贯彻落实政府信息公开各项要求。

二、主动公开政府信息情况
第二十条第（一）项
本年 本年 对外
信息 新制 新 公开
内容 作数 公开 总数
量 数量 量
规章 3件 3件 12件
规范
性文 1件 1件 9件
件
第二十条第（五）项
信息 上一 本年 处理
内容 年项 增/减 决定
目数
量
行政 41项 -2 96件
许可
其他
对外
管理 6项 0 15件
服务
事项
第二十条第（六）项
上一
信息 年 本年 处理
内容 项目 增/减 决定
数量
数量
行政 52项 +3 18件
处罚
行政 9项 0 4件
强制
第二十条第（八）项
上一
信息 年 本年增/减
内容 项目
数量
行政
事业 7项 -1
性收
费
第二十条第（九）项
file:///tmp/report.html

3/9

\f11/26/26, 2:23 PM

青岚县水利局2020年政府信息公开工作年度报告_政府信息公开年报_青岚县人民政府

信息 采购
采购总金额
内容 项目
数量
"""
_TAIL = "\n三、收到和处理政府信息公开申请情况\n"


def _procurement(*lines: str) -> gr.Report:
    """The 2019 report above, its 政府集中采购 row printed as ``lines`` on the page after a
    break (the browser's footer and header between), as the tool bed's pages print it."""
    return gr.parse(_HEAD_2019 + "\n".join(lines) + "\n" + _TAIL)


def _cells(report: gr.Report) -> tuple[object, object]:
    flat = report.flat()
    return flat["proactive.procurement.projects"], flat["proactive.procurement.amount"]


def test_a_count_beside_the_label_and_an_amounts_unit_after_it_place_both() -> None:
    # 5 projects (5个, beside the label) for 128000元 (12.8万元), its 元 wrapped onto a
    # line of its own after the number, the table's last line.
    back = _procurement("政府集中采购 5个", "", "128000", "", "元")
    assert _cells(back) == (5, Decimal("12.8"))
    # the rows above, printed whole on their lines, keep their reading
    assert back.flat()["proactive.fees.previous_items"] == 7
    assert back.flat()["proactive.penalties.change"] == 3


def test_an_amount_alone_with_its_unit_after_it_is_the_amount_not_the_count() -> None:
    # 采购项目数量 left blank (nothing printed), 2500万元 with 万元 on its own line: 2500 is
    # the amount; the count is not claimed printed blank (nothing shows where it would be).
    back = _procurement("政府", "集中", "采购", "", "2500", "", "万元")
    assert _cells(back) == (None, Decimal("2500"))
    assert back.cell("proactive.procurement.projects").provenance == "missing"


def test_a_lone_number_with_no_unit_is_neither_cell_and_neither_is_blank() -> None:
    # 34 alone, no unit, in text whose words are one space apart (no column laid out):
    # 采购项目数量 or 采购总金额, nothing tells; neither is read, neither claimed blank.
    back = _procurement("政府", "集中", "采购", "", "34")
    assert _cells(back) == (None, None)
    for key in ("proactive.procurement.projects", "proactive.procurement.amount"):
        assert back.cell(key).provenance == "missing"


def test_a_unit_before_its_number_is_taken_where_the_other_value_has_its_own() -> None:
    # 3个, then 元 before 45000 (the baselines' order): 45000元 is the amount, 4.5万元.
    back = _procurement("政府", "集中 3个", "采购", "", "元", "", "45000")
    assert _cells(back) == (3, Decimal("4.5"))


def test_a_unit_between_two_bare_numbers_is_neithers_and_the_row_is_missing() -> None:
    # 7 / 元 / 9: 7个 and 9元, or 7元 and 9, or 7 and 9元: nothing tells, so both cells
    # are missing, neither read by order nor blank.
    back = _procurement("政府", "集中", "采购", "", "7", "", "元", "", "9")
    assert _cells(back) == (None, None)
    for key in ("proactive.procurement.projects", "proactive.procurement.amount"):
        assert back.cell(key).provenance == "missing"


def test_a_count_alone_with_its_unit_attached_is_the_count() -> None:
    # 采购总金额 blank: 4个 alone is the count, whatever its place among the lines.
    back = _procurement("政府", "集中", "采购", "", "4个")
    assert _cells(back) == (4, None)
    assert back.cell("proactive.procurement.amount").provenance == "missing"


def test_a_wrapped_unit_breaks_the_order_of_a_rows_counts() -> None:
    # 规范性文件 of Word's PDF: 10件 and 10件 wrap (``10`` / ``件``), 33件 does not and prints
    # between them by its baseline: 10, 33, 10 is not the columns' order, and units of one
    # kind cannot place them, so the row is missing (10, 10, 33 printed).
    text = _HEAD_2019.replace(
        "规范\n性文 1件 1件 9件\n件\n", "规范\n性文\n件\n\n10\n件\n\n33 件\n\n10\n件\n"
    )
    back = gr.parse(text + "政府\n集中 5个\n采购\n" + _TAIL)
    flat = back.flat()
    assert [
        flat[f"proactive.normative_documents.{c}"] for c in ("made", "published", "total_published")
    ] == [None, None, None]
    assert flat["proactive.rules.total_published"] == 12


def test_an_amounts_unit_printed_off_its_column_leaves_the_amount_missing() -> None:
    # PyMuPDF's sorted text of Word's PDF: 27个 for 6450000元 (645万元), each unit on the
    # line below its number, 元 under neither number's digits. The amount's unit is not
    # known: 6450000 is not exported as 万元, the cell is missing with its reason.
    back = _procurement(
        "            政府",
        "                        27  6450000",
        "            集中",
        "               个   元",
        "            采购",
    )
    assert _cells(back)[1] is None
    assert back.cell("proactive.procurement.amount").provenance == "missing"
    found = [d for d in back.diagnostics if "proactive.procurement.amount" in d.keys]
    assert [(d.code, d.line) for d in found] == [("values-unplaced", 61)]


def test_an_amount_cut_where_it_wraps_is_missing_not_its_first_digits() -> None:
    # 520314000元 wrapped in its narrow cell: 52031400 / 0元, the rest in the count's column.
    # Neither 52031400 (a cut number, in no known unit) nor 0元 as the count is read.
    back = _procurement(
        "               政府",
        "                                 52031400",
        "               集中",
        "                            0元",
        "               采购",
    )
    assert _cells(back) == (None, None)


def test_an_amount_with_no_unit_anywhere_is_still_read_as_printed() -> None:
    # No unit in the cell, the header nor the table: 6450000 is exported as printed, with
    # its warning (the unit is not known either way, and nothing contradicts it).
    back = _procurement("政府集中采购 27 6450000")
    assert _cells(back) == (27, 6450000)
    assert [d.code for d in back.diagnostics if "proactive.procurement.amount" in d.keys] == [
        "unit-unknown"
    ]


_FEES_2021 = """\
青岚县水利局2022年政府信息公开工作年度报告

一、总体情况
2022年，青岚县水利局认真贯彻落实政府信息公开各项要求。

二、主动公开政府信息情况
第二十条第（一）项
本年 本年 现行
信息 制发 废止 有效
内容 件数 件数 件数
规章 0 0 2
行政
规范 4 1 17
性文
件
第二十条第（五）项
信息 本年处理
内容 决定数量
行政 336
许可
第二十条第（六）项
信息 本年处理
内容 决定数量
行政 25
处罚
行政 3
强制
第二十条第（八）项
信息 本年收费金额
内容 （单位：万元）
行政
事业
性收
费
{fees}

三、收到和处理政府信息公开申请情况
"""


def test_a_2021_fee_amounts_unit_after_it_gives_its_value() -> None:
    # 86000元 (8.6万元), its 元 on a line of its own after the table's last value: read
    # in 元, not as 86000 of the header's 万元.
    back = gr.parse(_FEES_2021.format(fees="\n86000\n\n元"))
    assert back.template == "2021"
    assert back.flat()["proactive.fees.amount"] == Decimal("8.6")
    assert back.flat()["proactive.licensing.decisions"] == 336


_MODES = ("attached", "after", "before")


@scaled(0.5)
@given(
    sparse_reports(missing=False),
    st.sampled_from(_MODES),
    st.sampled_from(_MODES),
    st.integers(0, 1),
    st.booleans(),
    st.booleans(),
)
def test_units_apart_from_their_numbers_give_right_cells_or_missing_ones(
    truth: gr.Report, count: str, money: str, gap: int, below: bool, slip: bool
) -> None:
    """Every table as plain pdftotext prints a browser's PDF of a narrow table, section
    二's values with their units, attached or apart (after or before the number), zeros
    printed blank and leaving nothing, and (``slip``, Word's PDF of tall rows) a row's last
    cell after the next row's label (``manglers.UnitsApart``): no cell is ever wrong, and
    none where a number is printed is claimed printed blank."""
    mangler = UnitsApart(count, money, gap, below=below, slip=slip)
    text = render(truth, mangler, blank_zeros=True)
    back = gr.parse(text)
    assert wrong(back, truth.flat()) == {}
    printed = [key for key, value in truth.flat().items() if value]
    assert [key for key in printed if back.cell(key).provenance == "blank"] == []


@scaled(0.5)
@given(reports(), st.integers(8, 10))
def test_units_beneath_their_numbers_off_their_columns_never_give_a_wrong_amount(
    truth: gr.Report, shift: int
) -> None:
    """Every table as PyMuPDF's sorted text prints Word's PDF of a narrow table: section
    二's units on the line below their numbers, left of their columns (``11  8880000`` /
    ``个   元``; ``manglers.UnitsBeneath``): an amount in 元 whose 元 is printed apart is
    never exported as printed (万元); no cell is wrong."""
    text = render(truth, UnitsBeneath(shift))
    back = gr.parse(text)
    assert wrong(back, truth.flat()) == {}


#: pdfplumber's layout text of a browser's PDF of a 2019 section 二 (the tool bed's
#: narrow page, numbers our own): each cell's unit on a line of its own over its number
#: (规章's on its label's line, 行政许可's between its label's pieces), 其他对外管理服务事项's
#: under its numbers, and 政府集中采购's 元 beside a piece of the label above the amount.
_UNITS_OVER = """\
某县水利局2020年政府信息公开工作年度报告

一、总体情况
2020年，某县水利局认真贯彻落实政府信息公开各项要求。

二、主动公开政府信息情况
                                  第二十条第（一）项
                                      本年    本年    对外
                                信息    新制    新    公开
                                内容    作数   公开    总数
                                      量    数量     量
                                规章     件     件    件
                                      2     2    14
                                规范
                                性文     件    件    件
                                      6    5    38
                                 件
                                  第二十条第（五）项
                                      上一
                                                 处理
                                信息    年项   本年
                                                 决定
                                内容    目数   增/减
                                                 数量
                                      量
                                行政
                                       项          件
                                      12     3   408
                                许可
                                其他
                                对外
                                      27        519
                                管理
                                             -4
                                      项           件
                                服务
                                事项
                                  第二十条第（九）项
                                信息    采购
                                      项目    采购总金额
                                内容    数量
                                政府
                                集中     个          元
                                采购     3       2860000
三、收到和处理政府信息公开申请情况
"""


def test_units_over_or_under_their_numbers_are_those_numbers() -> None:
    """Each unit printed right over or under one number, within its extent, is that
    number's: the rows read whole (main ignored 规章's, 规范性文件's and 行政许可's values,
    their units read as labels that name nothing), and the amount is 2860000元, 286万元,
    not 2860000万元 (its 元 beside the label's piece 集中 above it)."""
    back = gr.parse(_UNITS_OVER)
    flat = back.flat()
    rows = {
        "rules": ("made", "published", "total_published"),
        "normative_documents": ("made", "published", "total_published"),
        "licensing": ("previous_items", "change", "decisions"),
    }
    got = {row: [flat[f"proactive.{row}.{cell}"] for cell in cells] for row, cells in rows.items()}
    assert got == {
        "rules": [2, 2, 14],
        "normative_documents": [6, 5, 38],
        "licensing": [12, 3, 408],
    }
    assert back.cell("proactive.licensing.decisions").raw == "408件"
    assert flat["proactive.procurement.projects"] == 3
    assert flat["proactive.procurement.amount"] == Decimal("286")


def test_a_unit_over_no_number_leaves_the_row_as_it_was() -> None:
    # 件 over the gap between 5 and 38 stands over neither: which number it ends is not
    # shown, and the row's cells are not read from a guess
    text = _UNITS_OVER.replace("性文     件    件    件", "性文     件    件 件")
    back = gr.parse(text)
    assert back.flat()["proactive.normative_documents.total_published"] is None
    assert back.flat()["proactive.rules.total_published"] == 14


@scaled(0.5)
@given(reports(), st.just(frozenset()) | st.frozensets(st.integers(0, 8)), st.booleans())
def test_units_over_or_under_their_numbers_never_give_a_wrong_cell(
    truth: gr.Report, over: frozenset[int], wrap: bool
) -> None:
    """Every table as pdfplumber's layout text prints a browser's PDF whose section 二 cells
    print units (``manglers.UnitsOver``): each row's units on a line of their own over or
    under its numbers, its label whole or two characters a line around them. No cell is
    wrong (an amount's 元 over it is never lost, the amount read in 万元), and where each
    label is whole, every row's units stand under its numbers and no row's cell is blank,
    every cell of section 二 is read. (A row's units over its numbers put its numbers two
    lines over the last row's, the next row's label between, which may be one count
    wrapped beside it: ``_wrapped_in_a_column`` leaves those missing.)"""
    back = gr.parse(render(truth, UnitsOver(over, wrap)))
    assert wrong(back, truth.flat()) == {}
    proactive = {key: value for key, value in truth.flat().items() if key.startswith("proactive")}
    if not wrap and not over and None not in proactive.values():
        assert {key: back.flat()[key] for key in proactive} == proactive


def test_units_over_as_many_numbers_in_plain_text_are_theirs_in_order() -> None:
    """pdfplumber's plain text of the same page (words one space apart: no column shown):
    three count units over three numbers are theirs in order, a blank cell printing
    neither (规范性文件 6件 5件 38件; main ignored the row); two units over three numbers
    leave which number prints none open, but are no labels, and the row is read as printed
    (行政许可 12, 3, 408; stop 98's main left it missing); and the amount under a 元 printed
    over it is missing, its unit not known (main exported 2860000 as 万元)."""
    plain = "\n".join(" ".join(line.split()) for line in _UNITS_OVER.split("\n"))
    back = gr.parse(plain)
    flat = back.flat()
    cells = ("made", "published", "total_published")
    assert [flat[f"proactive.normative_documents.{c}"] for c in cells] == [6, 5, 38]
    assert back.cell("proactive.normative_documents.made").raw == "6件"
    licensing = ("previous_items", "change", "decisions")
    assert [flat[f"proactive.licensing.{c}"] for c in licensing] == [12, 3, 408]
    assert back.cell("proactive.licensing.decisions").raw == "408"
    amount = back.cell("proactive.procurement.amount")
    assert amount.value is None and amount.provenance == "missing"
    assert any(
        d.code == "values-unplaced" and "proactive.procurement.amount" in d.keys
        for d in back.diagnostics
    )


@scaled(0.5)
@given(reports(), st.frozensets(st.integers(0, 8)), st.booleans())
def test_units_over_numbers_in_plain_text_never_give_a_wrong_cell(
    truth: gr.Report, over: frozenset[int], wrap: bool
) -> None:
    """``manglers.UnitsOver`` with every line's words one space apart, as pdfplumber's
    plain text prints them: no cell is wrong, and an amount whose 元 stands over or under
    it (the last row's on a line past the table's last value too) is never read in 万元."""
    text = render(truth, UnitsOver(over, wrap))
    back = gr.parse("\n".join(" ".join(line.split()) for line in text.split("\n")))
    assert wrong(back, truth.flat()) == {}


def test_an_amount_whose_unit_prints_past_the_last_row_is_not_read_in_wan() -> None:
    # pdfplumber's plain text: 政府集中采购's 个 and 元 on the line after its numbers, past
    # the table's last value; main kept the reading without that line and exported 223 as
    # 223 万元 (for 223 元), flagged only unit-unknown
    text = _UNITS_OVER.split("二、主动公开政府信息情况")[0] + (
        "二、主动公开政府信息情况\n第二十条第（九）项\n信息内容\n采购项目数量\n采购总金额\n"
        "政府集中采购 20 223\n个 元\n\n三、收到和处理政府信息公开申请情况\n"
    )
    back = gr.parse(text)
    assert back.flat()["proactive.procurement.projects"] == 20
    amount = back.cell("proactive.procurement.amount")
    assert amount.value is None and amount.provenance == "missing"


@scaled(0.5)
@given(reports(missing=False), st.booleans())
def test_a_rows_count_units_over_or_under_its_numbers_in_plain_text_leave_it_read(
    truth: gr.Report, over: bool
) -> None:
    """``manglers.UnitsOver`` in plain text (words one space apart), each label whole, every
    row's units over its numbers or every row's under them: 本年增/减 prints no unit, so a
    2019 row of 项, a change and 件 prints two units over three numbers. Every cell of the
    rows with two units or more, or as many as numbers, is read (stop 98's main ignored
    2019's rows of two units over three numbers), or said to be doubted as one count
    wrapped: a row's units over its numbers put them two lines under the last row's, its
    label between (``_wrapped_in_a_column``, docs/accuracy.md). Left: 行政事业性收费's one
    项 over two numbers (a unit alone may be a label's last piece) and 政府集中采购's 元 (an
    amount's unit is not guessed in plain text: ``test_units_over_as_many_numbers_…``)."""
    text = render(truth, UnitsOver(frozenset(range(9)) if over else frozenset(), False))
    back = gr.parse("\n".join(" ".join(line.split()) for line in text.split("\n")))
    assert wrong(back, truth.flat()) == {}
    doubted = {
        key
        for d in back.diagnostics
        if d.code == "values-unplaced" and "wrapped in its narrow cell" in d.message
        for key in d.keys
    }
    left = ("proactive.fees.", "proactive.procurement.")
    counts = [f.key for f in gr.fields(truth.template) if f.section == "proactive"]
    counts = [key for key in counts if not key.startswith(left) and key not in doubted]
    assert {key: back.flat()[key] for key in counts} == {key: truth.flat()[key] for key in counts}


def test_a_unit_alone_over_a_rows_numbers_may_be_its_labels_last_piece() -> None:
    # pypdfium2's text of a narrow page: 件 ends 规范性文件's label, on the line over its
    # values; a unit alone is left to the label, two or more are no label's
    plain = "\n".join(" ".join(line.split()) for line in _UNITS_OVER.split("\n"))
    start, end = plain.index("规章 件 件 件"), plain.index("第二十条第（五）项")
    back = gr.parse(plain[:start] + "规章 2 2 14\n规范\n性文\n件\n58 56 118\n" + plain[end:])
    cells = ("made", "published", "total_published")
    assert [back.flat()[f"proactive.normative_documents.{c}"] for c in cells] == [58, 56, 118]
    assert [back.flat()[f"proactive.licensing.{c}"] for c in ("previous_items", "decisions")] == [
        12,
        408,
    ]
