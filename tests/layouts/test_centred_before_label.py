"""pdfminer.six's text of Word's PDF whose table cells are centred in their rows (tool bed
``word-pdfminer``): a tall row's values stand above the middle of its label, which wraps,
so they come before the label's pieces, one cell a line (``规章`` / ``17`` / ``3`` / ``20``
/ ``行政`` / ``规范`` / ``性文`` / ``件``: the values are 行政规范性文件's, 规章 is blank). The
same text is printed where the values are the first row's and the next row is blank, so
values read by their order alone before the cut label of a row that took none are left
missing. The texts are typed here, not the tool bed's page."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.labels import APPLICATION_ROWS
from govinfo_report.write.render import render

from conftest import scaled, wrong
from manglers import CellLines
from strategies import reports, sparse_reports

_HEAD = [
    "某区司法局2021年政府信息公开工作年度报告",
    "一、总体情况",
    "2021年，某区司法局认真贯彻落实政府信息公开各项要求。",
]

#: Section 二 as pdfminer prints it: 规章 blank (its cells an ``&nbsp;`` each), then
#: 行政规范性文件's values before its label, cut over lines and a page break.
_PROACTIVE = [
    "二、主动公开政府信息情况",
    "第二十条第（一）项",
    *("信息", "内容", "本年制发件数", "本年废止件数", "现行有效件数"),
    "规章 \u00a0",
    *("17", "3", "20"),
    *("行政", "规范", "\u00a0", "\f性文", "件"),
    "第二十条第（五）项",
    *("信息", "内容", "本年处理决定数量"),
    "行政许可 94",
    "第二十条第（六）项",
    *("信息", "内容", "本年处理决定数量"),
    "行政处罚 379",
    "行政强制 2",
    "第二十条第（八）项",
    *("信息", "内容", "本年收费金额（单位：万元）"),
    "行政事业性收费 0",
]


def _not_missing(report: gr.Report, keys: list[str]) -> dict[str, tuple[object, str]]:
    """The cells of ``keys`` the report does not leave missing, each with its value and
    provenance (``{}``: every one missing; a failing assert shows what was read)."""
    read = {key: (report.cell(key).value, report.cell(key).provenance) for key in keys}
    return {key: got for key, got in read.items() if got != (None, "missing")}


def test_values_before_a_cut_label_of_a_row_with_none_are_missing() -> None:
    report = gr.parse("\n\n".join([*_HEAD, *_PROACTIVE]) + "\n")
    for row in ("rules", "normative_documents"):
        for cell in ("issued", "repealed", "in_force"):
            key = f"proactive.{row}.{cell}"
            assert report.cell(key).value is None  # 规章 17 3 20 by order would be wrong
            assert report.cell(key).provenance == "missing"
    found = next(d for d in report.diagnostics if d.code == "values-unplaced")
    assert found.line == 23  # the 17 (an empty line after each line)
    assert "proactive.rules.issued" in found.keys
    # rows read whole beside their labels keep their values
    assert report.cell("proactive.licensing.decisions").value == 94
    assert report.cell("proactive.penalties.decisions").value == 379


def test_values_before_a_cut_label_are_missing_even_where_two_join_as_a_wrapped_number() -> None:
    """Four values before 行政规范性文件's cut label, one more than 规章's cells: 规章's blank
    and 319 and 20, then 982 and 1475, 行政规范性文件's, centred before its label. Joined
    as a number wrapped in its cell (``rows._wrapped``: 319 / 20), they fit 规章 (31920,
    982), and the values taken back were looked up as printed, not by where the joined
    number's head stands: 规章 read 31920 and 982 (found by the property below)."""
    lines = [*_HEAD, *_PROACTIVE]
    at = lines.index("规章 \u00a0")
    lines[at : at + 9] = ["规章", "319", "20", "982", "1475", "行政", "规范", "性文", "件"]
    report = gr.parse("\n".join(lines) + "\n")
    keys = [
        f"proactive.{row}.{cell}"
        for row in ("rules", "normative_documents")
        for cell in ("issued", "repealed", "in_force")
    ]
    assert _not_missing(report, keys) == {}


def test_values_after_a_cut_label_stay_with_the_row_before() -> None:
    # plain pdftotext's flow of the same page: 行政规范性文件's values after its label's
    # first pieces, so the values before them are 规章's own
    lines = [*_HEAD, *_PROACTIVE]
    at = lines.index("规章 \u00a0")
    lines[at : at + 9] = ["规章", "5", "0", "5", "行政", "规范", "17", "3", "20", "性文", "件"]
    report = gr.parse("\n".join(lines) + "\n")
    assert report.cell("proactive.rules.issued").value == 5
    assert report.cell("proactive.rules.in_force").value == 5
    assert "values-unplaced" not in {d.code for d in report.diagnostics}


def test_values_on_their_label_s_line_stay_before_a_cut_label() -> None:
    # plain pdftotext of a browser's PDF: 规章's values on its label's line (one text
    # line, one row), 规范性文件 blank, its label cut over the lines after them
    lines = [*_HEAD, *_PROACTIVE]
    at = lines.index("第二十条第（一）项")
    lines[at + 1 : at + 15] = [
        *("信息 本年 本年 现行", "内容 制发 废止 有效", "件数 件数 件数"),
        *("规章 3件 1件 19件", "行政", "规范", "性文", "件"),
    ]
    report = gr.parse("\n".join(lines) + "\n")
    assert report.cell("proactive.rules.issued").value == 3
    assert report.cell("proactive.rules.in_force").value == 19
    assert "values-unplaced" not in {d.code for d in report.diagnostics}


#: Section 三, 2021, a row of seven values (重复申请's) before 重复申请's label cut over
#: lines, after 信访举报投诉类申请, which is blank.
_APPLICATIONS = [
    "三、收到和处理政府信息公开申请情况",
    *("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"),
    *("自然人", "法人或其他组织", "总计"),
    *("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"),
    "一、本年新收政府信息公开申请数量",
    *("9", "1", "0", "0", "0", "0", "10"),
    "二、上年结转政府信息公开申请数量",
    *("1", "0", "0", "0", "0", "0", "1"),
    "三、本年度办理结果",
    "（五）不予处理",
    "1.信访举报投诉类申请",
    *("2", "1", "0", "0", "0", "0", "3"),
    *("2.", "重复", "申请"),
    "3.要求提供公开出版物",
    *("1", "0", "0", "0", "0", "0", "1"),
    "四、政府信息公开行政复议、行政诉讼情况",
]


def test_a_row_of_section_three_before_a_cut_label_is_missing() -> None:
    report = gr.parse("\n".join([*_HEAD, *_APPLICATIONS]) + "\n")
    for row in ("petition_complaint", "repeated"):
        key = f"applications.not_processed.{row}.total"
        assert report.cell(key).value is None  # 信访举报投诉类申请 3 by order would be wrong
        assert report.cell(key).provenance == "missing"
    found = next(d for d in report.diagnostics if d.code == "values-unplaced")
    assert found.line == 34  # the 2
    # rows read whole beside their labels keep their values
    assert report.cell("applications.new.total").value == 10
    assert report.cell("applications.not_processed.publication.total").value == 1


#: Section 三, 2021, (三)不予公开's last rows, each tall, its values before its label:
#: 6.属于四类过程性信息's after 5.'s label, 7.'s after 6.'s pieces, and 7. (属于行政执法案卷)
#: blank, its label cut (``7.属于行`` / ``政执法案卷``, the last piece matched alone).
_DENIED_AHEAD = [
    *_APPLICATIONS[:19],
    "三、本年度办理结果",
    "（三）不予公开",
    "5.属于三类内部事务信息",
    *("2", "1", "0", "0", "0", "0", "3"),
    *("6.属于四", "类过程性信", "息"),
    *("1", "0", "0", "0", "0", "0", "1"),
    *("7.属于行", "政执法案卷"),
]


def test_values_before_labels_cut_into_pieces_that_name_rows_are_missing() -> None:
    # 6.'s values (1 … 1) come before 7.'s pieces, whose last one names 7. alone, and 7.
    # took none: they may be 7.'s. Taken back, 6. took none either, and its pieces, each
    # naming it, come right after 5.'s values (2 … 3): those may be 6.'s too.
    lines = [
        *_DENIED_AHEAD,
        "（四）无法提供",
        "1.本机关不掌握相关政府信息 2 0 0 0 0 0 2",
        "四、政府信息公开行政复议、行政诉讼情况",
    ]
    report = gr.parse("\n".join([*_HEAD, *lines]) + "\n")
    rows = ("internal_affairs", "process_information", "enforcement_files")
    assert _not_missing(report, [f"applications.denied.{row}.total" for row in rows]) == {}
    found = next(d for d in report.diagnostics if d.code == "values-unplaced")
    assert found.line == 26  # the 2 after 5.'s label
    assert report.cell("applications.unavailable.not_held.total").value == 2


def test_values_before_a_label_whose_first_pieces_name_its_row_are_missing() -> None:
    # 新收's values, then its label cut over four lines, then 上年结转's (1 … 1), then its
    # label, blank: 二、上年结 and 转政府信息 each name 上年结转 alone, 公开申请数 and 量 do
    # not; together, from the first, they are its label, so 1 … 1 may be its values
    lines = [
        *_APPLICATIONS[:11],
        *("9", "1", "0", "0", "0", "0", "10"),
        *("一、本年新", "收政府信息", "公开申请数", "量"),
        *("1", "0", "0", "0", "0", "0", "1"),
        *("二、上年结", "转政府信息", "公开申请数", "量"),
        "三、本年度办理结果",
        "（一）予以公开 10 1 0 0 0 0 11",
        "四、政府信息公开行政复议、行政诉讼情况",
    ]
    report = gr.parse("\n".join([*_HEAD, *lines]) + "\n")
    assert _not_missing(report, ["applications.new.total"]) == {}  # 1 is 上年结转's
    found = [d.line for d in report.diagnostics if d.code == "values-unplaced"]
    assert 26 in found  # the 1 after 新收's pieces
    assert report.cell("applications.granted.total").value == 11


def test_values_before_numbered_label_pieces_that_end_a_section_are_missing() -> None:
    # the same rows ending the section: the pieces after the last value keep their
    # numbering (``7.属于行``), and the table read again with them takes 6.'s back
    lines = [*_DENIED_AHEAD, "四、政府信息公开行政复议、行政诉讼情况"]
    report = gr.parse("\n".join([*_HEAD, *lines]) + "\n")
    # 1 by order would be wrong: it is 7.'s
    assert _not_missing(report, ["applications.denied.process_information.total"]) == {}
    assert report.cell("applications.new.total").value == 10


#: Section 二, 2021, its last row blank: 行政强制's value before its label's pieces, which
#: end the table, after 行政处罚, which is blank.
_LAST_PROACTIVE = [
    "二、主动公开政府信息情况",
    "第二十条第（一）项",
    *("信息", "内容", "本年制发件数", "本年废止件数", "现行有效件数"),
    "规章 5 0 5",
    "行政规范性文件 17 3 20",
    "第二十条第（六）项",
    *("信息", "内容", "本年处理决定数量"),
    "行政处罚",
    *("2", "", "行政", "", "强制"),
    "第二十条第（八）项",
    *("信息", "内容", "本年收费金额（单位：万元）"),
    "行政事业性收费",
]

#: Section 三, 2021, its last row blank: 总计's values before its label's pieces, which
#: end the table, after 3.其他, which is blank.
_LAST_APPLICATIONS = [
    "三、收到和处理政府信息公开申请情况",
    *_APPLICATIONS[1:19],
    "二、上年结转政府信息公开申请数量",
    *("1", "0", "0", "0", "0", "0", "1"),
    "三、本年度办理结果",
    "（一）予以公开",
    *("10", "1", "0", "0", "0", "0", "11"),
    "（六）其他处理",
    "3.其他",
    *("10", "1", "0", "0", "0", "0", "11"),
    *("（七", "）总", "计"),
    "四、结转下年度继续办理",
    "四、政府信息公开行政复议、行政诉讼情况",
]


def test_values_before_the_cut_label_that_ends_a_table_are_missing() -> None:
    # the label's pieces follow the table's last value: they are the table's, not prose
    report = gr.parse("\n".join([*_HEAD, *_LAST_PROACTIVE, *_LAST_APPLICATIONS]) + "\n")
    for key in ("proactive.penalties.decisions", "proactive.coercive_measures.decisions"):
        assert report.cell(key).value is None  # 行政处罚 2 by order would be wrong
        assert report.cell(key).provenance == "missing"
    for column in ("natural_person", "commercial_enterprise", "total"):
        key = f"applications.other.other.{column}"
        assert report.cell(key).value is None  # 3.其他 10 1 … 11 by order would be wrong
    found = {d.line for d in report.diagnostics if d.code == "values-unplaced"}
    assert found == {18, 66}  # the 2; the 10 of 总计
    # the rows read beside their labels, or before the rows that took them, keep them
    assert report.cell("proactive.normative_documents.in_force").value == 20
    assert report.cell("applications.granted.total").value == 11


#: Section 三, 2021, every row tall at its end: 总计's values before its label's pieces,
#: after 3.其他, which is blank, and 结转下年度继续办理's before its own, which end the
#: section.
_CARRIED_AHEAD = [
    "三、收到和处理政府信息公开申请情况",
    *_APPLICATIONS[1:19],
    "二、上年结转政府信息公开申请数量",
    *("1", "0", "0", "0", "0", "0", "1"),
    "三、本年度办理结果",
    "（一）予以公开",
    *("9", "1", "0", "0", "0", "0", "10"),
    "（六）其他处理",
    "3.其他",
    *("9", "1", "0", "0", "0", "0", "10"),
    *("（七", "）总", "计"),
    *("1", "0", "0", "0", "0", "0", "1"),
    *("四、", "结转", "下年", "度继", "续办", "理"),
    "四、政府信息公开行政复议、行政诉讼情况",
]


def test_values_before_the_cut_label_that_ends_a_section_are_missing() -> None:
    # by order, 3.其他 would read 总计's values and 总计 结转下年度继续办理's; the pieces
    # after the last value end the section, and the reading with them takes both back
    report = gr.parse("\n".join([*_HEAD, *_CARRIED_AHEAD]) + "\n")
    columns = ("natural_person", "commercial_enterprise", "total")
    keys = [
        f"applications.{row}.{column}" for row in ("other.other", "total") for column in columns
    ]
    assert _not_missing(report, keys) == {}
    assert report.cell("applications.carried_forward.natural_person").value is None
    found = next(d for d in report.diagnostics if d.code == "values-unplaced")
    assert found.line == 42  # the 9 after 3.其他
    assert {"applications.other.other.total", "applications.total.total"} <= set(found.keys)
    assert report.cell("applications.granted.total").value == 10
    assert report.cell("applications.new.total").value == 10


def test_a_total_the_rules_vouch_for_keeps_its_values_before_a_cut_last_label() -> None:
    # the same order with every outcome row printed: 总计's values follow its label, and
    # 总计 = the sum of the outcome rows holds with them, so the blank last row's pieces
    # after them do not take them back
    outcomes = [labels[0] for labels in APPLICATION_ROWS["2021"].values()][2:-2]
    total = sum(range(1, len(outcomes) + 1))  # 1 2 … 21 applications, one a row

    def row(label: str, count: int) -> list[str]:
        return [label, str(count), "0", "0", "0", "0", "0", str(count)]

    lines = [
        "三、收到和处理政府信息公开申请情况",
        *_APPLICATIONS[1:11],
        *row("一、本年新收政府信息公开申请数量", total),
        *row("二、上年结转政府信息公开申请数量", 0),
        "三、本年度办理结果",
        *(line for at, label in enumerate(outcomes, 1) for line in row(label, at)),
        *row("（七）总计", total),
        *("四、", "结转", "下年", "度继", "续办", "理"),
        "四、政府信息公开行政复议、行政诉讼情况",
    ]
    report = gr.parse("\n".join([*_HEAD, *lines]) + "\n")
    assert report.cell("applications.total.natural_person").value == 231
    assert report.cell("applications.total.total").value == 231
    assert report.cell("applications.other.other.total").value == 21
    assert "values-unplaced" not in {d.code for d in report.diagnostics}


@scaled(0.5)
@given(st.one_of(reports(missing=False), sparse_reports()), st.integers(0, 1))
def test_values_centred_before_their_cut_label_are_never_read_wrong(
    truth: gr.Report, separators: int
) -> None:
    """Every table printed one cell a line, a zero left blank, each row's label cut every
    two characters and its values before the pieces (``CellLines.ahead``), as pdfminer
    prints Word's PDF of centred cells: section 二, which has no rule, reads nothing wrong,
    its last row blank too (the last values 行政强制's, its label's pieces before the next
    sub-table's heading), and nor do section 三's last two rows, whose pieces end the
    section. The rest of section 三 is not claimed: a label cut every two characters leaves
    its numbering alone (``4.``), which puts the rows after it a row off; docs/accuracy.md
    says so."""
    writer = CellLines(separators=separators, blank=None, merged=False, wrap=2, ahead=True)
    back = gr.parse(render(truth, writer, blank_zeros=True))
    found = wrong(back, truth.flat())
    claimed = ("proactive.", "applications.total.", "applications.carried_forward.")
    assert {key: got for key, got in found.items() if key.startswith(claimed)} == {}


@scaled(0.5)
@given(st.one_of(reports(missing=False), sparse_reports()), st.integers(0, 1), st.integers(4, 6))
def test_values_centred_before_labels_cut_at_a_columns_width_are_never_read_wrong(
    truth: gr.Report, separators: int, width: int
) -> None:
    """The same flow with each row's label cut every 4 to 6 characters, a narrow label
    column's width, which keeps a numbering with the label's first characters (``4.无正``):
    no cell of sections 三 and 四 is ever wrong (1,868 wrong cells over 200 reports at 4,
    and 66 at 5, before stop 78). Section 二 is not claimed: the thorough profile finds
    规章's blank cells read 1 1 1 (docs/accuracy.md)."""
    writer = CellLines(separators=separators, blank=None, merged=False, wrap=width, ahead=True)
    back = gr.parse(render(truth, writer, blank_zeros=True))
    found = wrong(back, truth.flat())
    assert {key: got for key, got in found.items() if not key.startswith("proactive.")} == {}


#: Section 三 in the same flow, cut short: 保护第三方合法权益's values before a stray piece
#: (``属于``), then 总计's label cut over three lines, seven values, and the pieces of
#: 结转下年度继续办理's label, which end the section: the seven values stand before them,
#: so they may be 结转's (values before their cut label) as much as 总计's (after its own).
_TOTAL_BEFORE_A_CUT_LAST_LABEL = [
    "三、收到和处理政府信息公开申请情况",
    *("保护", "第三", "方合", "法权", "益"),
    *("21", "6", "3", "21", "6", "19", "—"),
    "属于",
    *("（七", "）总", "计"),
    *("8", "2", "4", "1", "3", "6", "24"),
    *("结转", "下年", "度继", "续办", "理"),
    "",
    "四、政府信息公开行政复议、行政诉讼情况",
]


def test_values_before_the_last_cut_label_are_missing_where_reading_it_changes_other_rows() -> None:
    # Read with the pieces after the table's last value, the table takes 总计's values back,
    # but also reads a row above otherwise: that reading is not kept, and the doubt about
    # the seven values is taken back from the reading without the pieces all the same.
    report = gr.parse("\n".join([*_HEAD, *_TOTAL_BEFORE_A_CUT_LAST_LABEL]) + "\n")
    columns = ("natural_person", "commercial_enterprise", "total")
    keys = [f"applications.{row}.{c}" for row in ("total", "carried_forward") for c in columns]
    assert _not_missing(report, keys) == {}
    found = [d for d in report.diagnostics if d.code == "values-unplaced" and d.line == 21]
    assert len(found) == 1 and "applications.total.total" in found[0].keys
