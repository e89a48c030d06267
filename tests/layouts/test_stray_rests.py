"""Plain ``pdftotext`` of a browser's PDF whose narrow cells wrap wide numbers: where the
row crosses a page break, a number's rest is printed on the next page, past its table
(``35180.25`` / … / ``三、收到和处理…`` / ``自然人`` / ``06``, 35180.2506). A number with a
leading zero (``06``, not ``0``) is no cell of its own: the cells read on the last line
that printed a number before it may be cut, and are missing, never read short. Also Word's
PDF, whose tall rows print a row's last cell after the next row's label (``行政`` /
``强制`` / ``18件`` / ``-2 4件``): a value alone on a line before the row's line of values
is not placed by order; and pdfminer.six's text of a Word PDF whose tall row a page break
cuts, its number's rest among the next row's boxes past the break. The texts are typed
here, not the tool bed's pages."""

from __future__ import annotations

from decimal import Decimal

import govinfo_report as gr

_HEAD = """\
青岚县水利局2020年政府信息公开工作年度报告

一、总体情况
2020年，青岚县水利局认真贯彻落实政府信息公开各项要求。

二、主动公开政府信息情况
第二十条第（一）项
信息 本年 本年 对外
内容 新制 新 公开
作数 公开 总数
量 数量 量
规章 3 3 12
规范
性文 1 1 9
件
第二十条第（五）项
信息 上一 本年 处理
内容 年项 增/减 决定
目数 数量
量
行政 41 -2 96
许可
其他
对外
管理 6 0 15
服务
事项
第二十条第（六）项
信息 上一 本年 处理
内容 年项 增/减 决定
目数 数量
量
行政 52 3 18
处罚
行政 9 0 4
强制
第二十条第（八）项
信息 上一 本年增/减
内容 年项
目数
量
行政
事业 7 -1
性收
费
第二十条第（九）项
信息 采购 采购总金额
内容 项目 （单位：万
数量 元）
政府
集中
采购
{procurement}
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
{header}
申请人情况
"""


def _parse(procurement: str, header: str = "自然人") -> gr.Report:
    return gr.parse(_HEAD.format(procurement=procurement, header=header))


def test_an_amount_whose_rest_strays_past_the_table_is_missing_not_read_short() -> None:
    # 35180.2506 wrapped in its narrow cell: 35180.25 on the page, 06 on the next one
    # among section 三's header words; the amount is missing, said so at its line
    back = _parse("\n5\n\n35180.25\n", "自然人\n\n06\n")
    flat = back.flat()
    assert flat["proactive.procurement.amount"] is None
    assert back.cell("proactive.procurement.amount").provenance == "missing"
    found = [
        d
        for d in back.diagnostics
        if d.code == "values-unplaced" and "proactive.procurement.amount" in d.keys
    ]
    assert found and "'06'" in found[0].message
    # the count on its own line before, and the rows above, keep their reading
    assert flat["proactive.procurement.projects"] == 5
    assert flat["proactive.licensing.decisions"] == 96
    assert flat["proactive.fees.previous_items"] == 7


def test_without_a_stray_rest_the_amount_is_read() -> None:
    back = _parse("\n5\n\n35180.25\n")
    assert back.flat()["proactive.procurement.amount"] == Decimal("35180.25")


def test_a_rest_on_a_line_of_its_own_after_the_next_heading_counts_too() -> None:
    # the same amount, its rest printed after section 三's heading, before any table line
    text = _HEAD.format(procurement="\n5\n\n35180.25\n", header="自然人").replace(
        "三、收到和处理政府信息公开申请情况\n", "三、收到和处理政府信息公开申请情况\n06\n"
    )
    assert gr.parse(text).flat()["proactive.procurement.amount"] is None


def test_a_page_number_is_no_rest() -> None:
    # ``- 02 -`` is a page's number, and the count 0 is in its row: the amount stands
    back = _parse("\n0\n\n35180.25\n", "自然人\n- 02 -\n")
    assert back.flat()["proactive.procurement.amount"] == Decimal("35180.25")


def test_a_lone_zero_apart_from_any_value_may_be_a_rest() -> None:
    # 35180.250 and 1000 wrapped as 35180.25 / 0 and 100 / 0: a 0 alone on its line past
    # the table, apart from any value, is a rest as often as any digit, so the head may be
    # cut; a printed count of 0 before it stays
    for amount, rest in (("35180.25", "0"), ("17", "0"), ("35", "0件")):
        back = gr.parse(_displaced(amount, rest))
        assert back.flat()["proactive.procurement.amount"] is None, (amount, rest)
        found = [
            d
            for d in back.diagnostics
            if d.code == "values-unplaced" and "proactive.procurement.amount" in d.keys
        ]
        assert found and f"'{rest}'" in found[0].message, (amount, rest)
        assert back.flat()["proactive.procurement.projects"] == 2
    back = _parse("\n0\n\n35180.25\n", "自然人\n- 02 -\n0\n")
    assert back.flat()["proactive.procurement.projects"] == 0
    assert back.flat()["proactive.procurement.amount"] is None


def test_a_cell_printed_after_the_next_rows_label_is_placed_in_neither_row() -> None:
    # Word's PDF: 行政处罚 52项 (change blank) and 18件 printed after 行政强制's label,
    # whose previous count is blank and whose -2 and 4件 share one line
    back = gr.parse(
        _HEAD.format(procurement="\n5\n\n35180.25\n", header="自然人").replace(
            "行政 52 3 18\n处罚\n行政 9 0 4\n强制\n",
            "行政\n处罚\n52项\n行政\n强制\n18件\n-2 4件\n",
        )
    )
    flat = back.flat()
    for key in ("previous_items", "change", "decisions"):
        assert flat[f"proactive.coercive_measures.{key}"] is None
        assert back.cell(f"proactive.coercive_measures.{key}").provenance == "missing"
        assert back.cell(f"proactive.penalties.{key}").provenance == "missing"
    assert flat["proactive.licensing.previous_items"] == 41


#: A browser's page break as plain ``pdftotext`` prints it: the page's footer (the file's
#: address, the page's number), then the next page's header (the time printed, the title).
_BREAK = (
    "\nfile:///C:/Users/user/Downloads/report.html\n\n{rest}\n\n申请人情况\n3/7\n\n"
    "\f3/2/21, 9:15 AM\n\n年青岚县水利局政府信息公开工作年度报告_青岚县人民政府\n\n2020\n"
)


def _displaced(amount: str, rest: str) -> str:
    """The report with 采购总金额 printed ``amount``, and ``rest`` alone on a line after
    section 三's heading, its note's first line and the page's footer."""
    return _HEAD.format(procurement=f"\n2\n\n{amount}\n", header="自然人").replace(
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n",
        "（本列数据的勾稽\n关系为：第一项加\n" + _BREAK.format(rest=rest),
    )


def test_an_amount_whose_rest_with_no_leading_zero_strays_is_missing_not_read_short() -> None:
    # 4127.3516 wrapped as 4127.35 / 16, the 16 printed after the next section's heading,
    # its note and the page's footer: no row takes it, so 4127.35 may be cut
    back = gr.parse(_displaced("4127.35", "16"))
    assert back.flat()["proactive.procurement.amount"] is None
    found = [
        d
        for d in back.diagnostics
        if d.code == "values-unplaced" and "proactive.procurement.amount" in d.keys
    ]
    assert found and "'16'" in found[0].message and "'4127.35'" in found[0].message
    assert (found[0].line, found[0].column) == (56, 1) and "line 64" in found[0].message
    assert back.flat()["proactive.procurement.projects"] == 2
    assert back.flat()["proactive.fees.previous_items"] == 7


def test_a_pages_number_and_its_titles_year_are_no_rest() -> None:
    # the page's number alone before its break, and the running title's year printed apart
    # from its title, are the page's own: the amount stands
    text = _displaced("4127.35", "").replace("\n3/7\n\n\f", "\n3\n\n\f")
    assert gr.parse(text).flat()["proactive.procurement.amount"] == Decimal("4127.35")


def test_a_value_shorter_than_the_rest_is_no_head() -> None:
    # a narrow cell's head fills its line, so it holds no fewer digits than the rest's
    # line: ``35`` is no head of ``716``, which stays a number no row takes
    back = gr.parse(_displaced("35", "716"))
    assert back.flat()["proactive.procurement.amount"] == 35


def test_a_rest_before_a_pages_footer_still_stands_apart() -> None:
    # the rest ``16`` followed by the page's footer ``- 4 -`` (or ``4/7``): the footer's
    # number is the page's, not a value the rest sits among, so 4127.35 may still be cut
    for footer in ("- 4 -", "4/7", "第 4 页 共 7 页"):
        text = _displaced("4127.35", "16").replace("\n\n申请人情况\n3/7", f"\n{footer}\n申请人情况")
        assert "\n16\n" + footer + "\n" in text
        assert gr.parse(text).flat()["proactive.procurement.amount"] is None, footer


def test_a_rest_wrapped_with_its_unit_is_a_rest_too() -> None:
    # a narrow cell wraps the unit with the rest: 0.0001万元 as 0.00 / 01万元, 4127.3516万元
    # as 4127.35 / 16万元; the head alone is no amount
    for amount, rest in (("0.00", "01万元"), ("4127.35", "16万元"), ("4127.35", "16元")):
        back = gr.parse(_displaced(amount, rest))
        assert back.flat()["proactive.procurement.amount"] is None, rest
        assert any(
            d.code == "values-unplaced" and f"'{rest}'" in d.message for d in back.diagnostics
        ), rest


def test_a_section_that_prints_only_digits_is_no_rest() -> None:
    # 五 and 六 whose whole text is 0 and 00: each is its section's, not the rest of the
    # amount printed last before them
    for prose in ("0", "00", "16"):
        tail = f"五、存在的主要问题及改进情况\n{prose}\n\n六、其他需要报告的事项\n{prose}\n"
        back = gr.parse(_HEAD.format(procurement="\n5\n\n35180.25\n", header="自然人") + tail)
        assert back.flat()["proactive.procurement.amount"] == Decimal("35180.25"), prose
    # the same 0 after 五's heading but before its prose may be a rest
    tail = "五、存在的主要问题及改进情况\n0\n一是公开内容不够全面。\n六、其他需要报告的事项\n无\n"
    back = gr.parse(_HEAD.format(procurement="\n5\n\n35180.25\n", header="自然人") + tail)
    assert back.flat()["proactive.procurement.amount"] is None


def test_a_count_with_its_unit_alone_is_no_rest_of_a_shorter_head() -> None:
    # ``716件`` holds more digits than ``35``: no narrow cell wraps 35716件 so
    assert gr.parse(_displaced("35", "716件")).flat()["proactive.procurement.amount"] == 35


def test_a_placeholder_or_a_zero_beside_the_head_is_no_head() -> None:
    # 06 may end any number read on the last line of numbers before it, but no number
    # starts with 0 and goes on, and a dash is no number: the count beside 35180.25 keeps
    # its reading (0, or printed blank), the amount alone is missing
    for count, want in (("0", (0, "parsed")), ("—", (None, "blank"))):
        back = _parse(f"{count} 35180.25\n", "自然人\n\n06\n")
        projects = back.cell("proactive.procurement.projects")
        assert (projects.value, projects.provenance) == want, count
        assert back.cell("proactive.procurement.amount").provenance == "missing", count


def _cut_by_a_page(head: str, past: tuple[str, ...]) -> str:
    """Section 二's sub-table （六） of a Word PDF as pdfminer.six prints it, a text box a
    line and an empty line after each: 行政处罚's tall row cut by a page break, its first
    line's boxes (``行政 52 项 3 {head}``) on one page, its label's rest 处罚 on the next,
    where 行政强制's label and then the boxes ``past`` follow."""
    boxes = (
        "青岚县市场监督管理局2020年政府信息公开工作年度报告",
        "一、总体情况",
        "2020年，本局认真贯彻落实政府信息公开各项要求。",
        "二、主动公开政府信息情况",
        "\u00a0\u00a0第二十条第（六）项",
        *("信息", "内容", "上", "一", "年", "项", "目", "数", "量"),
        *("本", "年", "增/", "减", "处理", "决定", "数量"),
        f"行政 52 项 3 {head}",
        "\f处罚",
        *("行政", "强制", *past),
        "\u00a0\u00a0第二十条第（八）项",
        *("信息", "内容", "上", "一", "年", "项", "目", "数", "量", "本年增/减"),
        *("行政 7 项 -1", "事业", "性收", "费"),
        "三、收到和处理政府信息公开申请情况",
    )
    return "\n\n".join(boxes) + "\n"


_CUT_ROW = ("previous_items", "change", "decisions")


def test_a_row_cut_by_a_page_break_is_missing_where_its_number_may_go_on_past_it() -> None:
    # 1875件 wrapped in its narrow cell over the break: 187 before it, 5 件 after
    # 行政强制's label and its 9 项 (its change blank, its 4 件 last); read in order,
    # 行政处罚 would be 52, 3, 187 and 行政强制 9, 5, 4
    back = gr.parse(_cut_by_a_page("187", ("9", "项", "5 件", "4", "件")))
    for row in ("penalties", "coercive_measures"):
        for key in _CUT_ROW:
            assert back.cell(f"proactive.{row}.{key}").provenance == "missing", (row, key)
    found = [d for d in back.diagnostics if "proactive.penalties.decisions" in d.keys]
    assert [d.code for d in found] == ["values-unplaced"]
    assert found[0].line == 43
    assert back.flat()["proactive.fees.previous_items"] == 7


def test_a_row_cut_by_a_page_break_is_read_where_nothing_past_it_may_be_its_rest() -> None:
    # past the break, 行政强制 prints nothing, or its three boxes on one line, whose
    # order is the columns' (pdfminer groups a line's boxes): 187 is whole
    for past, coercive in (((), [None] * 3), (("9 项 0 4 件",), [9, 0, 4])):
        flat = gr.parse(_cut_by_a_page("187", past)).flat()
        assert [flat[f"proactive.penalties.{key}"] for key in _CUT_ROW] == [52, 3, 187], past
        assert [flat[f"proactive.coercive_measures.{key}"] for key in _CUT_ROW] == coercive
