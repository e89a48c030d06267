"""PyMuPDF's text of a report's PDF (``page.get_text()``, plain and ``sort=True``, each page's
text joined to the next): a browser's PDF of a narrow page prints each table cell's text as
a line of its own, a blank cell as a line of one no-break space, a number too wide for its
narrow cell wrapped onto the next line (``321`` / ``5件`` for 3215件), and the cells one
line of a row holds run together (``27件24件``); ``sort=True`` lays each line out with
spaces by its own characters' widths (a value of a line of digits alone stands far right
of its column), and ends each page's text with no line break (a table's last cell runs
into the next page's heading, a browser's footer into the next page's header). Texts typed
from those traits, their values our own: no cell is read wrong, none claimed blank where a
number is printed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.labels import APPLICANT_COLUMNS
from govinfo_report.write.render import render

from conftest import SEEDS, assert_seed, at_offsets, scaled
from strategies import reports

_FURNITURE = "file:///tmp/report.html" + " " * 90 + "2/311/27/26, 6:37 PM" + " " * 10
_TITLE = "青山镇人民政府2019年度政府信息公开工作年度报告"


def _report(proactive: list[str], applications: list[str] = ()) -> str:  # type: ignore[assignment]
    """A 2019 report printing ``proactive`` as section 二's table and ``applications`` as
    section 三's (none: its heading alone)."""
    return "\n".join(
        [
            _TITLE,
            "一、总体情况",
            "2019年，青山镇人民政府认真落实政府信息公开工作要求。",
            "二、主动公开政府信息情况",
            *proactive,
            "三、收到和处理政府信息公开申请情况",
            *applications,
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "无。",
            "六、其他需要报告的事项",
            "无。",
            "青山镇人民政府",
            "2020年1月20日",
        ]
    )


def _cells(*rows: tuple[str, ...]) -> list[str]:
    """Rows as PyMuPDF prints a browser's PDF of them: a cell a line, a blank cell ``""``
    a line of one no-break space."""
    return [cell or "\u00a0" for row in rows for cell in row]


#: Section 二 of a browser's PDF: 行政处罚 prints 9项, a blank 本年增/减 and 4817件, the
#: count wrapped in its narrow cell (``481`` / ``7件``); 政府集中采购 a blank count and
#: 603125000元, wrapped (``60312500`` / ``0元``); 规范性文件's cells run together.
PLAIN = _report(
    _cells(
        ("第二十条第（一）项", "信息", "内容", "本年", "新制", "作数", "量"),
        ("本年", "新公", "开数", "量", "对外", "公开", "总数", "量"),
        ("规章", "", "", ""),
        ("规范", "性文", "件", "12件8件130件"),
        ("第二十条第（五）项", "信息", "内容", "上一", "年", "项目", "数量"),
        ("本年", "增/减", "处理", "决定", "数量"),
        ("行政", "许可", "44项", "+3", "27件"),
        ("其他", "对外", "管理", "服务", "事项", "", "-2", "6件"),
        ("第二十条第（六）项", "信息", "内容", "上一", "年", "项目", "数量"),
        ("本年", "增/减", "处理", "决定", "数量"),
        ("行政", "处罚", "9项", "", "481", "7件"),
        ("行政", "强制", "2项", "0", "15件"),
        ("第二十条第（八）项", "信息", "内容", "上一", "年", "项目", "数量", "本年增/减"),
        ("行政", "事业", "性收", "费", "", "-5"),
        ("第二十条第（九）项", "信息", "内容", "采购", "项目", "数量", "采购总金额"),
        ("政府", "集中", "采购", "", "60312500", "0元"),
    )
)


def test_a_number_wrapped_beside_a_blank_cell_is_never_read_as_two_cells() -> None:
    report = gr.parse(PLAIN)
    values = report.flat()
    # 481 / 7件 with the blank line: four cells for three; read by its values alone the
    # row would fit, 481 as 本年增/减 and 7 as 处理决定数量
    assert values["proactive.penalties.change"] is None
    assert values["proactive.penalties.decisions"] in (None, 4817)
    # blank, 60312500, 0元: three cells for two, never the amount 0
    assert values["proactive.procurement.amount"] in (None, 60312.5)
    assert values["proactive.procurement.projects"] is None
    assert not report.cell("proactive.penalties.decisions").blank


#: The same 政府集中采购 printing its count: the count and the amount's first piece run
#: together on one line (``17个60312500``), the amount's rest below (``0元``).
RUN_TOGETHER = _report(
    _cells(
        ("第二十条第（九）项", "信息", "内容", "采购", "项目", "数量", "采购总金额"),
        ("政府", "集中", "采购", "17个60312500", "0元"),
    )
)


def test_cells_run_together_are_cut_after_each_unit() -> None:
    values = gr.parse(RUN_TOGETHER).flat()
    # 17个, 60312500, 0元: three values for two cells, none placed; never 0 for the amount
    assert values["proactive.procurement.amount"] in (None, 60312.5)
    assert values["proactive.procurement.projects"] in (None, 17)


def test_cells_run_together_each_with_its_unit_are_read() -> None:
    values = gr.parse(
        _report(
            _cells(
                ("第二十条第（一）项", "信息", "内容", "本年", "新制", "作数", "量"),
                ("本年", "新公", "开数", "量", "对外", "公开", "总数", "量"),
                ("规章", "1件", "1件", "6件"),
                ("规范", "性文", "件", "12件8件130件"),
            )
        )
    ).flat()
    assert values["proactive.normative_documents.made"] in (None, 12)
    assert values["proactive.normative_documents.published"] in (None, 8)
    assert values["proactive.normative_documents.total_published"] in (None, 130)


_LABELS = " " * 15

#: ``sort=True`` of a browser's PDF: 行政处罚's count 4817件 wrapped (``481`` above,
#: ``7件`` below 9项's line), 行政强制's 26项 and 15件 each with its unit below, -3 on a
#: line of its own between them, spaced by its own characters far right of 15.
SORTED = _report(
    [
        _LABELS + " 第二十条第（六）项",
        _LABELS + "信息 上一 本年 处理",
        _LABELS + "内容 年  增/减 决定",
        _LABELS + "   项目      数量",
        _LABELS + "   数量",
        "",
        at_offsets(_LABELS + "行政", (30, "481")),
        at_offsets("", (23, "9项")),
        at_offsets(_LABELS + "处罚", (28, "7件")),
        "",
        at_offsets(_LABELS + "行政  26", (29, "15")),
        at_offsets("", (43, "-3")),
        at_offsets(_LABELS + "强制 项", (29, "件")),
        "",
    ]
)


def test_a_sorted_row_s_values_on_several_lines_are_never_read_out_of_their_columns() -> None:
    report = gr.parse(SORTED)
    values = report.flat()
    for key, want in (("previous_items", 9), ("change", None), ("decisions", 4817)):
        assert values[f"proactive.penalties.{key}"] in (None, want), key
    for key, want in (("previous_items", 26), ("change", -3), ("decisions", 15)):
        assert values[f"proactive.coercive_measures.{key}"] in (None, want), key


def test_a_browser_s_footer_run_into_the_next_page_s_header_is_furniture() -> None:
    header = (
        ("第二十条第（一）项", "信息", "内容", "本年", "新制", "作数", "量"),
        ("本年", "新公", "开数", "量", "对外", "公开", "总数", "量"),
    )
    text = _report(
        [
            *_cells(*header, ("规章", "1", "1", "6")),
            _FURNITURE + _TITLE,
            *_cells(("规范", "性文", "件", "12", "8", "130")),
        ]
    )
    report = gr.parse(text)
    assert not [d for d in report.diagnostics if "file://" in d.message]
    assert report.flat()["proactive.rules.total_published"] in (None, 6)


#: Section 三 of ``sort=True`` of a Word PDF whose page ends with 政府集中采购's last label
#: piece: the next page's heading runs into it (``采购三、…``). Each row's label wraps
#: over the lines above and below its values; 予以公开's is beside its group's ``三``.
_APPLICATIONS = [
    "   申请人情况",
    "                  法人或其他组织",
    "  自然  商业 科研 社会 法律 其他 总计",
    "  人   企业 机构 公益 服务",
    "                  组织 机构",
    "",
    "  一、本年新收政府信",
    "                     14   2   0   0   1   0   17",
    "   息公开申请数量",
    "",
    "  二、上年结转政府信",
    "                     1    0   0   0   0   0   1",
    "   息公开申请数量",
    "",
    "  三 （一）予以公开  12   1   0   0   1   0   14",
    "",
]


def test_a_heading_run_into_a_page_s_last_line_claims_no_cell_blank() -> None:
    text = _report(
        [
            _LABELS + " 第二十条第（九）项",
            _LABELS + "信息 采购 采购总金额",
            _LABELS + "内容 项目",
            _LABELS + "   数量",
            "",
            _LABELS + "政府",
            _LABELS + "集中   9      0.1",
            _LABELS + "采购三、收到和处理政府信息公开申请情况",
            *_APPLICATIONS,
        ]
    ).replace("三、收到和处理政府信息公开申请情况\n四", "四")
    report = gr.parse(text)
    truth = {
        "new": (14, 2, 0, 0, 1, 0, 17),
        "carried_over": (1, 0, 0, 0, 0, 0, 1),
        "granted": (12, 1, 0, 0, 1, 0, 14),
    }
    for row, cells in truth.items():
        for key, want in zip(APPLICANT_COLUMNS, cells, strict=True):
            cell = report.cell(f"applications.{row}.{key}")
            assert cell.value in (None, want), (row, key)
            assert not (want and cell.blank), (row, key)


def _applications_2019(*rows: tuple[str, ...]) -> list[str]:
    """Section 三 of a 2019 report as PyMuPDF prints Word's PDF, a cell a line (a blank
    cell a line of one no-break space): its header, then ``rows``, each label's pieces and
    group labels' characters lines of their own."""
    header = ("（本列数据的勾稽关", "系为：第一项加第二", "项之和，等于第三项", "加第四项之和）")
    columns = ("申请人情况", "自然人", "法人或其他组织", "总计", "", "商业", "企业", "科研")
    columns += ("机构", "社会", "公益", "组织", "法律", "服务", "机构", "其他")
    return _cells(header, columns, *rows)


_BLANK = ("",) * 7
#: 3.补正后申请内容仍不明确 printed blank, then （五）不予处理 written down its column around
#: 1.信访举报投诉类申请, whose label's last piece ``申请`` comes after the group's characters.
_GROUP_AROUND = _applications_2019(
    ("一、本年新收政府信", "息公开申请数量", "5", "", "", "", "", "", "5"),
    ("二、上年结转政府信", "息公开申请数量", *_BLANK),
    ("三", "、", "本", "年", "度", "办", "理", "结", "果"),
    ("（一）予以公开", "2", "", "", "", "", "", "2"),
    ("（二）部分公开", "（区分处理的，", "只计这一情形，", "不计其他情形）", *_BLANK),
    ("（", "三", "）", "不", "予", "1.属于国", "家秘密", *_BLANK),
    ("2.其他法", "律行政法", "规禁止公", "开", *_BLANK),
    ("公", "开", "3.危及“", "三安全一", "稳定”", *_BLANK),
    ("4.保护第", "三方合法", "权益", *_BLANK),
    ("5.属于三", "类内部事", "务信息", *_BLANK),
    ("6.属于四", "类过程性", "信息", *_BLANK),
    ("7.属于行", "政执法案", "卷", *_BLANK),
    ("8.属于行", "政查询事", "项", *_BLANK),
    ("（", "四", "）", "无", "法", "1.本机关", "不掌握相", "关政府信息"),
    ("1", "", "", "", "", "", "1"),
    ("提", "供", "2.没有现", "成信息需", "要另行制", "作", *_BLANK),
    ("3.补正后", "申请内容", "仍不明确", *_BLANK),
    ("（", "五", "1.信访举", "报投诉类", "2", "", "", "", "", "", "2"),
    ("）", "不", "予", "处", "理", "申请"),
    ("2.重复申", "请", *_BLANK),
    ("3.要求提", "供公开出", "版物", *_BLANK),
    ("4.无正当", "理由大量", "反复申请", *_BLANK),
    ("5.要求行", "政机关确", "认或重新", "出具已获", "取信息", *_BLANK),
    ("（六）其他处理", *_BLANK),
    ("（七）总计", "5", "", "", "", "", "", "5"),
    ("四、结转下年度继", "续办理", *_BLANK),
)


def test_a_numbered_label_piece_takes_no_label_above_it() -> None:
    """``1.信访举`` / ``报投诉类`` and its 2 … 2 after 3.补正后申请内容仍不明确's blank row
    and the group label's ``（`` / ``五``: a numbered piece begins a label, so the lines
    above it (a whole row's label, a group's characters) are none of its label's. Joined
    with them, the pieces read as 3.补正后申请内容仍不明确, whose blank row took 2 … 2
    and left 1.信访举报投诉类申请 0 (main): every row now holds its own."""
    report = gr.parse(_report([], _GROUP_AROUND))
    for row, want in (("not_processed.petition_complaint", 2), ("granted", 2), ("total", 5)):
        cells = [report.cell(f"applications.{row}.{key}") for key in APPLICANT_COLUMNS]
        assert [cell.value for cell in cells] in (
            [want, 0, 0, 0, 0, 0, want],
            [want, None, None, None, None, None, want],
        ), row
        assert cells[0].provenance == "parsed", row
    unclear = [
        report.cell(f"applications.unavailable.unclear_after_correction.{key}")
        for key in APPLICANT_COLUMNS
    ]
    assert all(cell.value in (None, 0) and cell.provenance != "parsed" for cell in unclear)


def test_a_whole_label_above_rows_that_print_their_cells_takes_no_values() -> None:
    """``1.本机关`` / ``不掌握相`` / ``关政府信息`` / ``1`` … ``1``: its pieces join into
    1.本机关不掌握相关政府信息. （二）部分公开's first line, a whole label with no cells of
    its own (its blank cells come after its last piece), stands far above, with rows between
    that print their cells: pdftotext's labels away from their values would not be
    separated from them so, and the row keeps its label (main dropped it: missing)."""
    report = gr.parse(_report([], _GROUP_AROUND))
    cells = [report.cell(f"applications.unavailable.not_held.{key}") for key in APPLICANT_COLUMNS]
    assert [cell.value for cell in cells] in ([1, 0, 0, 0, 0, 0, 1], [1, *[None] * 5, 1])
    assert (cells[0].provenance, cells[-1].provenance) == ("parsed", "parsed")


#: Section 三's cells of a 2021 report as PyMuPDF prints a browser's PDF of a narrow page
#: (typed after tool bed 8507's page 21), a cell a line, a blank cell a line of one
#: no-break space: its header's last cell 其他 (a row's label too, 3.其他, where numbered),
#: 一、本年新收's label wrapped over two lines, its counts ``{new}``.
def _applications_2021(new: tuple[str, ...]) -> list[str]:
    header = (
        "（本列数据的勾稽",
        "关系为：第一项加",
        "第二项之和，等于",
        "第三项加第四项之",
        "和）",
    )
    columns = ("申请人情况", "自然", "人", "法人或其他组织", "总计", "商业", "企业", "科研")
    columns += ("机构", "社会", "公益", "组织", "法律", "服务", "机构", "其他")
    denied = ("1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”")
    denied += ("4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息")
    denied += ("7.属于行政执法案卷", "8.属于行政查询事项")
    not_processed = ("1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物")
    not_processed += ("4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息")
    other = "行政机关不再处理其政府信息公开申请"
    return _cells(
        header,
        columns,
        ("一、本年新收政府", "信息公开申请数量", *new),
        ("二、上年结转政府信息公开申请数量", "84", "2", "", "1", "1", "3", "91"),
        ("三、本年度办理结果",),
        ("（一）予以公开", "700", "50", "2", "8", "5", "35", "800"),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）",),
        ("100", "5", "", "2", "1", "5", "113"),
        ("（三）不予公开",),
        *((label, *_BLANK) for label in denied),
        ("（四）无法提供", "1.本机关不掌握相关政府信息", "200", "10", "", "1", "2", "10", "223"),
        ("2.没有现成信息需要另行制作", *_BLANK),
        ("3.补正后申请内容仍不明确", *_BLANK),
        ("（五）不予处理",),
        *((label, *_BLANK) for label in not_processed),
        ("（六）其他处理", f"1.申请人无正当理由逾期不补正、{other}", *_BLANK),
        (f"2.申请人逾期未按收费通知要求缴纳费用、{other}", *_BLANK),
        ("3.其他", *_BLANK),
        ("（七）总计", "1000", "65", "2", "11", "8", "50", "1136"),
        ("四、结转下年度继续办理", "94", "10", "", "", "", "5", "109"),
    )


def _report_2021(applications: list[str]) -> str:
    return _report([], applications).replace("2019年", "2021年").replace("2020年1月", "2022年1月")


_NEW_2021 = (1010, 73, 2, 10, 7, 52, 1154)


def test_a_headers_last_word_takes_no_label_from_the_first_row() -> None:
    """The header's last cell 其他 is 2021's row 3.其他 too, printed bare: a column's
    header, no row's label printed away from its values. 一、本年新收's label, joined from
    its two lines, keeps its values, and every row its own."""
    report = gr.parse(_report_2021(_applications_2021(tuple(map(str, _NEW_2021)))))
    assert report.template == "2021"
    new = [report.cell(f"applications.new.{key}").value for key in APPLICANT_COLUMNS]
    assert new == list(_NEW_2021)
    total = [report.cell(f"applications.total.{key}").value for key in APPLICANT_COLUMNS]
    assert total == [1000, 65, 2, 11, 8, 50, 1136]


def test_counts_wrapped_in_a_row_that_prints_its_blank_cells_are_joined_by_its_rule() -> None:
    """``101`` / ``0`` … ``115`` / ``4``: 1010 and 1154, each too wide for its narrow cell,
    printed over two lines, in text whose every blank cell is a line of its own: nine
    lines for seven cells, every one a value, so no blank cell was left out, and of the
    ways to join two pairs of them only one adds up (73 and 2, or 10 and 7, joined, do
    not). The row is read so, and the other rows keep the blank cells they print (main
    left the whole section missing: its rows read by their values alone). Its label is
    its own: the header's 其他 above it (printed bare, a column's) is no row's label
    printed away from its values (main dropped the row's label for it)."""
    wrapped = ("101", "0", "73", "2", "10", "7", "52", "115", "4")
    report = gr.parse(_report_2021(_applications_2021(wrapped)))
    new = [report.cell(f"applications.new.{key}").value for key in APPLICANT_COLUMNS]
    assert new == list(_NEW_2021)
    carried = [report.cell(f"applications.carried_over.{key}") for key in APPLICANT_COLUMNS]
    assert [cell.value for cell in carried] == [84, 2, 0, 1, 1, 3, 91]
    assert carried[2].provenance != "parsed"  # printed blank: never a number read
    forward = [
        report.cell(f"applications.carried_forward.{key}").value for key in APPLICANT_COLUMNS
    ]
    assert forward == [94, 10, 0, 0, 0, 5, 109]


def test_counts_wrapped_where_two_ways_add_up_are_not_joined() -> None:
    """``100`` / ``5`` / ``100`` / ``5`` … ``111`` / ``6``: joined as 1005, 100, 5 or as
    100, 5, 1005, the row adds up either way (1116), so its rule tells nothing: none is
    joined, and the row's cells are missing, never one of the two readings."""
    ambiguous = ("100", "5", "100", "5", "1", "2", "3", "111", "6")
    report = gr.parse(_report_2021(_applications_2021(ambiguous)))
    new = [report.cell(f"applications.new.{key}").value for key in APPLICANT_COLUMNS]
    assert new == [None] * 7


#: Section 二 of a browser's PDF, every blank cell a line of one no-break space: 行政许可
#: prints 2, 7 and 6158 (``615`` / ``8``), 其他对外管理服务事项 390, a blank cell and 2047
#: (``204`` / ``7``); the other rows fit their cells.
_PROACTIVE_WRAPPED = (
    ("第二十条第（五）项", "信息", "内容", "上一年", "项目数量", "本年", "增/减"),
    ("处理", "决定", "数量"),
    ("行政", "许可", "2", "7", "615", "8"),
    ("其他", "对外", "管理", "服务", "事项", "390", "", "204", "7"),
    ("第二十条第（六）项", "信息", "内容", "上一年", "项目数量", "本年", "增/减"),
    ("处理", "决定", "数量"),
    ("行政", "处罚", "13", "", "6"),
    ("行政", "强制", "52", "-4", ""),
    ("第二十条第（八）项", "信息", "内容", "上一年", "项目数量", "本年增/减"),
    ("行政", "事业", "性收", "费", "29", ""),
)
#: The columns of (五) and (六).
_COLUMNS = ("previous_items", "change", "decisions")


def test_section_two_with_a_wrapped_count_keeps_every_row_s_blank_cells() -> None:
    """A row of section 二 with a line more than its cells, every blank cell printed: the
    extra line is a count's rest, joined where one pair alone may be a count's head and
    rest (615 / 8: 2 and 7 are too short for a narrow cell to wrap), and the other rows
    keep the blank cells they print (main left the whole table to the values' order, and
    placed none of these rows: 行政处罚's 13 and 6 are two values for three cells)."""
    report = gr.parse(_report(_cells(*_PROACTIVE_WRAPPED)))
    values = report.flat()
    rows = {
        "licensing": (2, 7, 6158),
        "other_services": (390, None, 2047),
        "penalties": (13, None, 6),
        "coercive_measures": (52, -4, None),
    }
    for row, want in rows.items():
        keys = (f"proactive.{row}.{column}" for column in _COLUMNS)
        assert tuple(values[key] for key in keys) == want, row
    assert report.cell("proactive.penalties.change").blank
    assert values["proactive.fees.previous_items"] == 29
    assert report.cell("proactive.fees.change").blank


def test_section_two_row_whose_lines_join_two_ways_is_left_missing() -> None:
    """``204`` / ``736`` / ``5``: 204 and 7365 or 204736 and 5, both a count's head and
    rest; section 二 has no rule to tell, so none of the row's cells is placed. Every blank
    cell printed, its lines are wrapped numbers, not cells out of order: the other rows
    keep their cells (main, and the commit before, dropped the whole table)."""
    rows = list(_PROACTIVE_WRAPPED)
    rows[3] = ("其他", "对外", "管理", "服务", "事项", "", "204", "736", "5")
    report = gr.parse(_report(_cells(*rows)))
    for column in _COLUMNS:
        cell = report.cell(f"proactive.other_services.{column}")
        assert cell.value is None and not cell.blank, column
    values = report.flat()
    assert [values[f"proactive.penalties.{column}"] for column in _COLUMNS] == [13, None, 6]
    assert report.cell("proactive.penalties.change").blank
    assert [values[f"proactive.licensing.{column}"] for column in _COLUMNS] == [2, 7, 6158]


def _section_two_2021(
    rules: tuple[str, ...], documents: tuple[str, ...], decisions: tuple[str, ...], fees: str
) -> str:
    """A 2021 report whose section 二 prints, as PyMuPDF does, 规章's and 行政规范性文件's
    three cells, 行政许可's, 行政处罚's and 行政强制's lines of 本年处理决定数量 (``decisions``:
    each row's lines, 行政强制's last) and 行政事业性收费's cell."""
    licensing, penalties, *coercive = decisions
    return _report(
        _cells(
            ("第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
            ("规章", *rules),
            ("行政规范性文件", *documents),
            ("第二十条第（五）项", "信息内容", "本年处理决定数量"),
            ("行政许可", licensing),
            ("第二十条第（六）项", "信息内容", "本年处理决定数量"),
            ("行政处罚", penalties),
            ("行政强制", *coercive),
            ("第二十条第（八）项", "信息内容", "本年收费金额（单位：万元）"),
            ("行政事业性收费", fees),
        )
    )


def test_a_count_wrapped_into_two_like_pieces_is_no_merged_cell_printed_twice() -> None:
    """2021's one-column 行政强制 printing 1717 over two lines (``17`` / ``17``), every
    blank cell a line of spaces: two like values for one cell read as a merged cell's
    text printed twice (python-docx's), main read 17. A text that prints each blank cell
    prints each merged cell once: the row is a wrapped number, its head too short to be
    sure of, and its cell is missing."""
    blank = ("", "", "")
    report = gr.parse(_section_two_2021(blank, blank, ("", "", "17", "17"), ""))
    assert report.template == "2021"
    cell = report.cell("proactive.coercive_measures.decisions")
    assert cell.value is None and not cell.blank
    assert report.cell("proactive.penalties.decisions").blank


def test_a_count_wrapped_into_two_like_pieces_where_no_cell_is_blank_is_missing() -> None:
    """The same ``12`` / ``12`` (1212) in a section 二 whose every cell prints a value, so
    no line of spaces shows that each blank cell is printed: a merged cell's repeats stand
    on its row's line or each on a cell's tab-prefixed line, never in a PDF's flow of
    lines, so the two are no merged cell printed twice (main read 12, a hypothesis run of
    the PyMuPDF property found it): the cell is missing. Read by the order of its values
    alone, a row of more values than columns puts the table's order in doubt: no other
    cell is read wrong (here none is kept)."""
    text = _section_two_2021(("1", "1", "1"), ("2", "0", "3"), ("5", "1", "12", "12"), "0")
    report = gr.parse(text)
    assert report.template == "2021"
    cell = report.cell("proactive.coercive_measures.decisions")
    assert cell.value is None and not cell.blank
    typed = {
        "rules.issued": 1,
        "rules.repealed": 1,
        "rules.in_force": 1,
        "normative_documents.issued": 2,
        "normative_documents.repealed": 0,
        "normative_documents.in_force": 3,
        "licensing.decisions": 5,
        "penalties.decisions": 1,
        "fees.amount": 0,
    }
    for key, value in typed.items():
        assert report.cell(f"proactive.{key}").value in (value, None), key


#: Section 二 of a narrow PDF whose every cell prints a value with its unit, no blank
#: line: 规范性文件's label wraps over three lines, its three counts one a line below.
_UNITS_FLOW = (
    ("第二十条第（一）项", "信息", "内容", "本年", "新", "制作", "数量", "本年", "新公"),
    ("开数", "量", "对外", "公开", "总数", "量"),
    ("规章", "0件", "0件", "0件"),
    ("规范", "性文", "件", "9件", "7件", "36件"),
    ("第二十条第（五）项", "信息", "内容", "上一", "年", "项目", "数量", "本年", "增/减"),
    ("处理", "决定", "数量"),
    ("行政", "许可", "1项", "0", "11件"),
)


def test_counts_with_their_units_one_under_another_are_no_wrapped_number() -> None:
    """``9件`` / ``7件`` / ``36件`` under a label wrapped from the line above: a number
    with its unit is whole (a wrapped number's head prints no unit), so the row is read
    in its cells' order (main left both rows missing: two values one under the other
    might be one number's pieces, and section 二 has no rule to tell)."""
    values = gr.parse(_report(_cells(*_UNITS_FLOW))).flat()
    made = ("made", "published", "total_published")
    assert [values[f"proactive.normative_documents.{key}"] for key in made] == [9, 7, 36]
    assert [values[f"proactive.licensing.{key}"] for key in _COLUMNS] == [1, 0, 11]


def test_a_count_over_its_rest_in_a_flow_of_units_is_never_read_as_two_cells() -> None:
    """``403`` / ``0件``: 4030件 wrapped in its narrow cell, in the same flow: the row's
    cells are missing, never 403 and 0."""
    rows = list(_UNITS_FLOW)
    rows[3] = ("规范", "性文", "件", "9件", "403", "0件")
    report = gr.parse(_report(_cells(*rows)))
    for key in ("published", "total_published"):
        cell = report.cell(f"proactive.normative_documents.{key}")
        assert cell.value is None and not cell.blank, key


#: Section 二 as PyMuPDF prints a browser's PDF of tall rows: the cells that share a line
#: run together (``77项+10``), a count wrapped with its unit alone below (``603`` / ``件``).
_SIGNED_FLOW = (
    ("第二十条第（五）项", "信息", "内容", "上一", "年", "项目", "数量", "本年", "增/减"),
    ("处理", "决定", "数量"),
    ("行政", "许可", "2项", "0", "101", "1件"),
    ("其他", "对外", "管理", "服务", "事项", "77项+10", "603", "件"),
    ("第二十条第（六）项", "信息", "内容", "上一", "年", "项目", "数量", "本年", "增/减"),
    ("处理", "决定", "数量"),
    ("行政", "处罚", "21项", "0", "2394件"),
    ("行政", "强制", "34项", "-12", "18件"),
)


def test_a_signed_change_between_counts_with_their_units_is_read_in_order() -> None:
    """77项 / +10 / 603件 and 34项 / -12 / 18件, one under another: a unit ends a number
    and a sign begins one, and +10603件 or -1218件 fits no column (a change counts items,
    项), so each row is read in its cells' order (main left both missing)."""
    values = gr.parse(_report(_cells(*_SIGNED_FLOW))).flat()
    assert [values[f"proactive.other_services.{key}"] for key in _COLUMNS] == [77, 10, 603]
    assert [values[f"proactive.coercive_measures.{key}"] for key in _COLUMNS] == [34, -12, 18]


@pytest.mark.parametrize(
    "cells",
    [
        ("77项+10", "603"),  # +10603, a change, and a blank 处理决定数量
        ("77项", "32", "7件"),  # 327件, and a blank 本年增/减
        ("77项", "27件", "-3"),  # -3 is no count of decisions: not in its columns' order
    ],
)
def test_a_stacked_row_whose_values_may_join_or_fit_no_column_is_missing(
    cells: tuple[str, ...],
) -> None:
    rows = list(_SIGNED_FLOW)
    rows[3] = ("其他", "对外", "管理", "服务", "事项", *cells)
    report = gr.parse(_report(_cells(*rows)))
    for key in _COLUMNS:
        cell = report.cell(f"proactive.other_services.{key}")
        assert cell.value is None and not cell.blank, key
    assert report.flat()["proactive.coercive_measures.change"] == -12


_ARTICLE_ONE = (
    ("第二十条第（一）项", "信息", "内容", "本年", "新制", "作数", "量"),
    ("本年", "新公", "开数", "量", "对外", "公开", "总数", "量"),
)


@pytest.mark.parametrize(
    ("rows", "keys"),
    [
        # 228件 wrapped in a cell two digits wide, ``22`` / ``8`` / ``件``, between two
        # blank cells (main: 本年新公开数量 22 and 对外公开总数量 8)
        (
            (
                *_ARTICLE_ONE,
                ("规章", "", "22", "8", "件", ""),
                ("规范", "性文", "件", "1件", "", ""),
            ),
            ("proactive.rules.published", "proactive.rules.total_published"),
        ),
        # 100个 wrapped, ``10`` / ``0`` / ``个``, beside a blank amount (main: 10 projects
        # and an amount of 0)
        (
            (
                ("第二十条第（九）项", "信息", "内容", "采购", "项目", "数量", "采购总金额"),
                ("政府", "集中", "采购", "10", "0", "个", ""),
            ),
            ("proactive.procurement.projects", "proactive.procurement.amount"),
        ),
    ],
)
def test_a_unit_alone_under_a_wrapped_count_ends_its_cell(
    rows: tuple[tuple[str, ...], ...], keys: tuple[str, ...]
) -> None:
    """A unit alone on the line under a value, in a flow of a cell a line whose blank cells
    print as lines of spaces, is that value's: the count's cell ends there, and the blank
    line after it is the next cell, so the row prints more lines than cells and no count
    is read off a piece of another."""
    report = gr.parse(_report(_cells(*rows)))
    for key in keys:
        cell = report.cell(key)
        assert cell.value is None and not cell.blank, key


@pytest.mark.parametrize(
    ("pieces", "whole"), [(("10.", "100", "0"), "10.1000"), (("10.", "5"), "10.5")]
)
def test_an_amount_wrapped_after_its_point_is_never_read_off_its_rest(
    pieces: tuple[str, ...], whole: str
) -> None:
    """10.1000 (or 10.5) wrapped in a cell three digits wide after its point, beside a
    blank count: a number never ends in its point, so ``10.`` is no cell of its own, and
    no value is read off the rest (main read 1000 for the amount)."""
    rows = (
        ("第二十条第（九）项", "信息", "内容", "采购", "项目", "数量", "采购总金额"),
        ("政府", "集中", "采购", "", *pieces),
    )
    report = gr.parse(_report(_cells(*rows)))
    amount = report.cell("proactive.procurement.amount")
    assert amount.value in (None, Decimal(whole))
    assert not amount.blank


def test_a_label_s_last_piece_run_into_the_first_value_is_cut_from_it() -> None:
    """``行政`` / ``许可91项`` / ``0`` / ``10件``: PyMuPDF prints the label's last piece and
    the first value, on one baseline, as one line; the piece is cut off and 行政许可 read
    (main left the row missing: ``许可91项`` named no row)."""
    rows = list(_SIGNED_FLOW)
    rows[2] = ("行政", "许可91项", "0", "10件")
    rows[6] = ("行政", "处罚11项", "-2", "4件")
    values = gr.parse(_report(_cells(*rows))).flat()
    assert [values[f"proactive.licensing.{key}"] for key in _COLUMNS] == [91, 0, 10]
    assert [values[f"proactive.penalties.{key}"] for key in _COLUMNS] == [11, -2, 4]


def test_a_head_left_unread_takes_its_rest_below_with_it() -> None:
    """350件 and 1件 wrapped in cells two digits wide, each unit alone below (``35`` /
    ``0`` / ``件`` / ``1`` / ``件``), after a blank cell: 35 may be the head of a number
    whose rest is the 0 under it, and is not read; the 0 is then no cell of its own (main
    read it as 对外公开总数量)."""
    rows = (
        *_ARTICLE_ONE,
        ("规章", "", "35", "0", "件", "1", "件"),
        ("规范", "性文", "件", "", "", ""),
    )
    report = gr.parse(_report(_cells(*rows)))
    for key, want in (("published", 350), ("total_published", 1)):
        assert report.cell(f"proactive.rules.{key}").value in (want, None), key


def test_a_label_whose_last_piece_reads_as_a_group_s_is_completed_above() -> None:
    """``（一）予以`` / ``公开`` and ``3.其`` / ``他``: 予以公开's and 3.其他's labels wrapped
    in their narrow cells, the values after the last piece. Alone, ``公开`` reads as a piece
    of （三）不予公开 and ``他`` of （六）其他处理, group labels; joined with the piece
    above they name a row whole, and in text that prints every blank cell the rows are
    read (main left 予以公开 missing: a row with no label)."""
    cells = _applications_2021(tuple(map(str, _NEW_2021)))
    at = cells.index("（一）予以公开")
    cells[at : at + 1] = ["（一）予以", "公开"]
    at = cells.index("3.其他")
    cells[at : at + 1] = ["3.其", "他"]
    report = gr.parse(_report_2021(cells))
    granted = [report.cell(f"applications.granted.{key}").value for key in APPLICANT_COLUMNS]
    assert granted == [700, 50, 2, 8, 5, 35, 800]
    other = [report.cell(f"applications.other.other.{key}") for key in APPLICANT_COLUMNS]
    assert all(cell.value in (None, 0) and cell.provenance != "parsed" for cell in other)
    assert report.cell("applications.total.total").value == 1136


#: Section 二 as PyMuPDF prints Word's PDF (typed after tool bed 8512's page 25, our own
#: counts): a cell's line a line, a blank cell a line of one no-break space, each
#: sub-table's article indented by two; 行政许可's tall row its first line's cells
#: ``行政`` / ``35`` / ``-2`` / ``{head}``, then its second's ``许可`` / ``项`` / ``{rest}``:
#: 35项's unit and the rest of a count its narrow cell wraps.
_TALL_LICENSING = [
    "\u00a0\u00a0第二十条第（一）项",
    *("信息", "内容", "本", "年", "新", "制", "作", "数", "量", "本", "年", "新", "公", "开"),
    *("数", "量", "对外", "公开", "总数", "量"),
    *("规章", "0 件0 件", "0 件", "规范", "性文", "件", "12", "件", "11", "件", "\u00a0"),
    "\u00a0\u00a0第二十条第（五）项",
    *("信息", "内容", "上", "一", "年", "项", "目", "数", "量"),
    *("本", "年", "增/", "减", "处理", "决定", "数量"),
    *("行政", "35", "-2", "{head}", "许可", "项", "{rest}"),
    *("其他", "对外", "管理", "服务", "事项", "2 项", "0", "303", "件"),
    "\u00a0\u00a0第二十条第（六）项",
    *("信息", "内容", "上", "一", "年", "项", "目", "数", "量"),
    *("本", "年", "增/", "减", "处理", "决定", "数量"),
    *("行政", "处罚", "\u00a0", "0", "17", "件", "行政", "强制", "210", "项", "0", "26", "件"),
]


def test_a_counts_rest_after_its_rows_unit_alone_leaves_the_count_missing() -> None:
    """``127`` … ``许可`` / ``项`` / ``6 件``: 1276件 wrapped, its rest parted off with 35's
    unit as a row ``项`` that names no row. 127 may be the head of that rest: it is
    missing, said, never 127 (main); 35 and -2 are read."""
    lines = [line.format(head="127", rest="6 件") for line in _TALL_LICENSING]
    report = gr.parse(_report(lines))
    licensing = [report.cell(f"proactive.licensing.{key}").value for key in _DECISIONS]
    assert licensing == [35, -2, None]
    assert any("head of a number" in d.message for d in report.diagnostics)


def test_a_whole_count_before_its_rows_unit_alone_is_read() -> None:
    """``1276件`` whole on its row's first line, ``许可`` / ``项`` after it: no rest went to
    no row, and the count is read."""
    lines = [line.format(head="1276件", rest="") for line in _TALL_LICENSING if line != "{rest}"]
    report = gr.parse(_report(lines))
    licensing = [report.cell(f"proactive.licensing.{key}").value for key in _DECISIONS]
    assert licensing == [35, -2, 1276]


_DECISIONS = ("previous_items", "change", "decisions")


#: Section 三's header as ``sort=True`` prints a browser's narrow PDF across a page break:
#: each line's words in the order of their tops, so 科研 and the label column's ``和）``
#: stand left of 商业企业, 社会 and 法律 a line above 公益 and 服务, and the header's words
#: make more columns than the table has.
_SORTED_HEADER = [
    "",
    "     （本列数据的勾稽          申请人情况",
    "",
    "     关系为：第一项加",
    "                自然人     法人或其他组织   总计",
    "     第二项之和，等于",
    "",
    _FURNITURE + _TITLE,
    "     第三项加第四项之                          社会 法律",
    "                       科研        和）                 商业企业    公益 服务 其他",
    "                       机构",
    "                          组织 机构",
    "",
]


def _sorted_rows(new: list[tuple[int, int]], granted: list[tuple[int, int]]) -> str:
    """A report whose section 三 is ``_SORTED_HEADER`` over 本年新收 and 予以公开 printing
    ``new`` and ``granted`` (offset, count), 上年结转 blank."""
    return _report(
        [],
        [
            *_SORTED_HEADER,
            "     一、本年新收政府",
            at_offsets("", *((at, str(n)) for at, n in new)),
            "     信息公开申请数量",
            "",
            "     二、上年结转政府",
            "",
            "     信息公开申请数量",
            "",
            "    三、 （一）予以",
            at_offsets("", *((at, str(n)) for at, n in granted)),
            "    本年   公开",
        ],
    )


def test_a_grid_wider_than_its_rows_places_no_value_by_its_first_columns() -> None:
    """本年新收 prints 5 (自然人), 2 (商业企业) and 7 (总计), 予以公开 4 and 4: the header's
    words give ten columns, and stop 86's main read the row by the first seven of them, 2
    in the third (科研机构) and 商业企业 blank. A grid wider than the row may have its other
    columns anywhere among the cells: the 2 is 商业企业's or missing, never 科研机构's."""
    text = _sorted_rows([(23, 5), (30, 2), (55, 7)], [(23, 4), (55, 4)])
    report = gr.parse(text)
    new = {c: report.cell(f"applications.new.{c}") for c in APPLICANT_COLUMNS}
    assert new["commercial_enterprise"].value in (None, 2)
    assert not new["commercial_enterprise"].blank
    assert new["research_institution"].value in (None, 0)
    assert new["total"].value in (None, 7) and not new["total"].blank


@given(
    natural=st.integers(1, 99),
    other=st.integers(1, 99),
    at=st.integers(28, 50),
    granted=st.integers(1, 99),
)
def test_a_count_among_header_words_out_of_their_columns_is_never_another_columns(
    natural: int, other: int, at: int, granted: int
) -> None:
    """``_SORTED_HEADER`` over 本年新收 printing a count under 自然人, one anywhere between
    it and 总计, and their sum under 总计; 予以公开 a count under 自然人 and 总计. The
    middle count's column is not shown (the header's words stand out of their columns):
    本年新收 reads it nowhere, and reads 自然人 and 总计 right or missing."""
    new = [(23, natural), (at, other), (55, natural + other)]
    report = gr.parse(_sorted_rows(new, [(23, granted), (55, granted)]))
    cells = {c: report.cell(f"applications.new.{c}") for c in APPLICANT_COLUMNS}
    assert cells["natural_person"].value in (None, natural)
    assert cells["total"].value in (None, natural + other)
    assert all(cells[column].value is None for column in list(APPLICANT_COLUMNS)[1:-1])


@pytest.mark.parametrize("between", ["", "   "])
def test_a_heading_run_into_the_prose_line_before_it_starts_its_section(between: str) -> None:
    # ``sort=True`` joins text of one baseline: a paragraph's last line and the heading
    # beside it on the page (``…社会群众对我镇信息公开评议结果较好。二、主动公开政府信息情况``).
    # Section 二's heading was not found, and its table was nobody's: the seed, its heading
    # run into the line before, reads as typed by hand.
    given = SEEDS[0].read_text("utf-8")
    text = _heading_joined(given, "二", between)
    assert text != given
    report = gr.parse(text)
    assert "section-missing" not in {d.code for d in report.diagnostics}
    assert_seed(report, SEEDS[0])


def _heading_joined(text: str, number: str, between: str) -> str:
    """``text`` with section ``number``'s heading run into the end of the last line before
    it, after ``between``, where that line is prose (no tab: a table the text shows keeps
    its lines)."""
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(f"{number}、"))
    before = max(i for i in range(at) if lines[i].strip())
    if "\t" in lines[before]:
        return text
    return "\n".join([*lines[:before], lines[before] + between + lines[at], *lines[at + 1 :]])


@scaled(0.5)
@given(reports(), st.sampled_from("二五六"), st.sampled_from(["", " ", "   "]))
def test_a_heading_run_into_the_prose_line_before_it_costs_no_cell(
    truth: gr.Report, number: str, between: str
) -> None:
    """A report whose heading of section ``number`` shares a line with the prose before it
    (``sort=True``'s baseline) reads every cell as the same report with it on its own line
    does (五's and 六's print no table: their text is the section's before, no cell lost)."""
    text = render(truth)
    joined = _heading_joined(text, number, between)
    assume(joined != text)
    assert gr.parse(joined).flat() == gr.parse(text).flat()


@pytest.mark.parametrize(
    ("lines", "cells"),
    [
        # 100件 in 本年废止件数: its unit alone under it, a blank cell after
        (("", "100", "件", ""), [None, 100, None]),
        # 100件 wrapped two digits wide: ``10`` / ``0`` / ``件``; main read 10 and 0
        (("", "10", "0", "件", ""), ["missing"] * 3),
    ],
)
def test_a_unit_alone_under_a_count_is_no_piece_of_a_label_printed_above(
    lines: tuple[str, ...], cells: list[object]
) -> None:
    """2021's 行政规范性文件 wrapped two characters a line, its last piece 件 alone
    (``行政`` / ``规范`` / ``性文`` / ``件``), then its cells: the 件 alone under a count is
    that count's unit, not the label's last piece again, so the blank cell after it is the
    row's own. Each cell right, or missing: never 10 and 0 for 100."""
    blank = ("", "", "")
    head = _section_two_2021(blank, blank, ("", "", "", ""), "")
    start = head.index("行政规范性文件")
    end = head.index("第二十条第（五）项")
    pieces = ("行政", "规范", "性文", "件", *(line or "\u00a0" for line in lines))
    report = gr.parse(head[:start] + "\n".join(pieces) + "\n" + head[end:])
    got = [
        "missing" if cell.value is None and not cell.blank else cell.value
        for cell in (
            report.cell(f"proactive.normative_documents.{column}")
            for column in ("issued", "repealed", "in_force")
        )
    ]
    assert got == cells
    assert report.cell("proactive.rules.issued").blank


#: A text the tall-rows property found (cells two digits wide): 行政事业性收费's 2153项 over
#: three lines (``21`` / ``53`` / ``项``), then its +9; kept as it was found.
UNIT_BEFORE_VALUE = Path(__file__).parents[1] / "fixtures" / "pymupdf-unit-before-value.txt"


def test_a_unit_alone_under_a_count_before_the_next_value_is_the_counts() -> None:
    """A unit starts no row: 项 alone under ``53`` ends that cell, and +9 is the row's
    next cell, not a row labelled 项. Three lines for a count read by position, 21 too
    short a head to be sure of, so both cells are missing (main read 21 and 53)."""
    back = gr.parse(UNIT_BEFORE_VALUE.read_text(encoding="utf-8"))
    got = [back.cell(f"proactive.fees.{key}") for key in ("previous_items", "change")]
    assert [(cell.value, cell.blank) for cell in got] == [(None, False), (None, False)]
