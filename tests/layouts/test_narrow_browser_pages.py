"""Section 三 of a browser's PDF of a report page whose table is narrow, through
``pdftotext -layout`` (issue 45 item 1): the header's words wrapped one to three
characters a line and packed one space apart (总计 ten characters left of its values), so
no header word names a column; each value on a line of its own stands at its cell's
offset, and a sparse report's rows print two or three values (自然人, maybe a kind of
organisation, 总计). Within one part of the table (a page, or what the header's page
holds), the values at one offset are one column's in every row: the rules then prove the
last column the total, and each row's 总计 is read; which applicant column the others
stand in the rules cannot tell, so those cells are missing, said. Browser page breaks
(the page's address, ``\\f``, the next page's date line) cut the table into parts."""

from __future__ import annotations

import govinfo_report as gr

from conftest import at_offsets

_FOOTER = "file:///tmp/tmpq1/report.html" + " " * 52 + "{}/6"
_DATE = "\f5/6/25, 9:12 AM                        青石县水务局2019年政府信息公开年度报告"

#: A 2019 report typed as that PDF prints it: 自然人's values at 46, 总计's at 81; a page
#: break cuts the header, another falls before （四）无法提供.
TEXT_2019 = "\n".join(
    [
        "青石县水务局2019年政府信息公开年度报告",
        "",
        "一、总体情况",
        "2019年，青石县水务局认真落实政府信息公开工作要求。",
        "",
        "         三、收到和处理政府信息公开申请情况",
        "               （本列数据的勾稽                                    申请人情况",
        "               关系为：第一项加",
        _FOOTER.format(3),
        _DATE,
        "               第二项之和，等于                        自然人           法人或其他组织",
        "               第三项加第四项之",
        "                  和）                               商业      科研 社会 法律    总计",
        "                                                   企业      机构 公益 服务 其他",
        "                                                              组织 机构",
        "              一、本年新收政府",
        at_offsets("              信息公开申请数量", (46, "8"), (81, "8")),
        "",
        "              二、上年结转政府",
        "              信息公开申请数量",
        "              三、 （一）予以",
        "              本年 公开",
        _FOOTER.format(4),
        _DATE,
        "                   （四） 1.本",
        "                   无法提 机关",
        "                    供 不掌",
        at_offsets("                       握相", (46, "2"), (81, "2")),
        "                       关政",
        "                       府信",
        "                        息",
        at_offsets("                  （七）总计", (46, "7"), (81, "7")),
        "",
        "               四、结转下年度继",
        at_offsets("                 续办理", (46, "1"), (81, "1")),
        "",
        "         四、政府信息公开行政复议、行政诉讼情况",
        "",
        "         五、存在的主要问题及改进情况",
        "无。",
        "",
    ]
)

#: A 2021 report's section 三 on one page: 自然人 at 46, 商业企业 at 52, 总计 at 81.
TEXT_2021 = "\n".join(
    [
        "白沙镇人民政府2021年政府信息公开工作年度报告",
        "",
        "一、总体情况",
        "2021年，白沙镇人民政府认真落实政府信息公开工作要求。",
        "",
        "         三、收到和处理政府信息公开申请情况",
        "               （本列数据的勾稽                                    申请人情况",
        "               关系为：第一项加                        自然人           法人或其他组织",
        "               第二项之和，等于",
        "               第三项加第四项之                        商业      科研 社会 法律    总计",
        "                  和）                               企业      机构 公益 服务 其他",
        "                                                              组织 机构",
        "              一、本年新收政府",
        at_offsets("              信息公开申请数量", (46, "9"), (52, "3"), (81, "12")),
        "",
        "              二、上年结转政府",
        "              信息公开申请数量",
        "                   （四） 1.本机关不掌握",
        at_offsets("                   无法提 相关政府信息", (46, "1"), (52, "2"), (81, "3")),
        "                    供    2.没有现成信息",
        at_offsets("                          需要另行制作", (52, "1"), (81, "1")),
        "                   （五） 1.信访举报投诉",
        at_offsets("                   不予处 类申请", (46, "8"), (81, "8")),
        at_offsets("                  （七）总计", (46, "9"), (52, "3"), (81, "12")),
        "",
        "               四、结转下年度继",
        "                 续办理",
        "",
        "         四、政府信息公开行政复议、行政诉讼情况",
        "",
        "         五、存在的主要问题及改进情况",
        "无。",
        "",
    ]
)


def _unplaced(report: gr.Report, line: int) -> list[str]:
    return [d.message for d in report.diagnostics if d.code == "values-unplaced" and d.line == line]


def _assert_parsed(report: gr.Report, values: dict[str, int]) -> None:
    for key, value in values.items():
        cell = report.cell(key)
        assert (cell.value, cell.provenance) == (value, "parsed"), key


def test_each_row_s_total_is_read_where_the_page_s_columns_are_named_by_the_rules() -> None:
    report = gr.parse(TEXT_2019)
    assert report.template == "2019"
    _assert_parsed(
        report,
        {
            "applications.new.total": 8,
            "applications.unavailable.not_held.total": 2,
            "applications.total.total": 7,
            "applications.carried_forward.total": 1,
        },
    )


def test_the_applicant_column_no_rule_tells_is_missing_and_said() -> None:
    report = gr.parse(TEXT_2019)
    for row in ("new", "unavailable.not_held", "total", "carried_forward"):
        for column in ("natural_person", "commercial_enterprise", "other_organisation"):
            cell = report.cell(f"applications.{row}.{column}")
            assert cell.value is None and cell.provenance == "missing", (row, column)
    # the rows past the second break are one part: their values, at two offsets, one unit
    said = _unplaced(report, 28)
    assert len(said) == 1 and "6 values (2 2 7 7 1 1) in one page's columns" in said[0]


def test_three_offsets_of_one_page_read_every_total_both_templates() -> None:
    report = gr.parse(TEXT_2021)
    assert report.template == "2021"
    _assert_parsed(
        report,
        {
            "applications.new.total": 12,
            "applications.unavailable.not_held.total": 3,
            "applications.unavailable.needs_creation.total": 1,
            "applications.not_processed.petition_complaint.total": 8,
            "applications.total.total": 12,
        },
    )
    # 9 and 3 stand at two applicant columns' offsets; which two, no rule tells
    for column in ("natural_person", "commercial_enterprise"):
        assert report.cell(f"applications.new.{column}").value is None
        assert report.cell(f"applications.total.{column}").value is None


#: Section 四 as that PDF prints it (tool-bed page 3131/05's header lines): the header's
#: words packed one space apart, 行政复议's on lines of their own, the row of values below.
_APPEALS_HEADER = (
    "                 行政复议                                        行政诉讼",
    "                    未经复议直接起诉         复议后起诉",
    "   结果 结果 其他 尚未 总计",
    "   维持 纠正 结果 审结    结果 结果 其他 尚未 总计 结果 结果 其他 尚未 总计",
    "                  维持 纠正 结果 审结    维持 纠正 结果 审结",
)


def _with_appeals(text: str, *cells: tuple[int, str]) -> str:
    """``text`` with section 四's table as that PDF prints it, its values at ``cells``."""
    heading = "         四、政府信息公开行政复议、行政诉讼情况"
    return text.replace(heading, "\n".join([heading, *_APPEALS_HEADER, at_offsets("", *cells)]))


def _appeal_cells(report: gr.Report) -> dict[str, object]:
    return {key: value for key, value in report.flat().items() if key.startswith("appeals.")}


def test_appeals_values_right_of_the_whole_header_stay_missing_and_said() -> None:
    """Each value a block of its own, poppler starts it three past the page's footer
    address (a block wholly left of it): 直接起诉's 维持 3, 尚未审结 1, 总计 4 and 复议后起诉's
    维持 2, 总计 2 at 46 to 86, right of every header word (3 to 46). No word names their
    columns, and the rules let the three and the two stand in any two groups."""
    text = _with_appeals(TEXT_2021, (46, "3"), (57, "1"), (62, "4"), (67, "2"), (86, "2"))
    report = gr.parse(text)
    assert report.template == "2021"
    assert set(_appeal_cells(report).values()) == {None}
    said = [d.message for d in report.diagnostics if d.code == "values-unplaced"]
    assert any("5 values (3 1 4 2 2) for 15 columns" in message for message in said)


def test_appeals_values_under_their_header_s_characters_stay_missing_too() -> None:
    """The same kind of row where the whole table is one block, each value under the
    character of its column's word over its left edge (行政复议's 纠正 1 and 总计 1 at 7
    and 16, 复议后起诉's 其他 2 and 总计 2 at 40 and 46): the text does not show which
    case it is, and 1 … 1 adds up in any group as 2 … 2 does."""
    text = _with_appeals(TEXT_2019, (7, "1"), (16, "1"), (40, "2"), (46, "2"))
    report = gr.parse(text)
    assert report.template == "2019"
    assert set(_appeal_cells(report).values()) == {None}
    assert not any(report.cell(key).blank for key in _appeal_cells(report))
    said = [d.message for d in report.diagnostics if d.code == "values-unplaced"]
    assert any("4 values (1 1 2 2) for 15 columns" in message for message in said)


#: A 2019 report's section 三 as that PDF prints it, a page of its own holding 1.信访举报投诉类申请
#: and 2.重复申请 (自然人 and 总计, 12 and 5 each): their values at 36 and 86, 16 characters past
#: the page's widest label and 48 (three times 16) further; the table's 总计 row lost.
TEXT_PAGE_APART = "\n".join(
    [
        *TEXT_2019.splitlines()[:16],  # its header, up to 一、本年新收政府
        at_offsets("              信息公开申请数量", (46, "20"), (81, "20")),
        "",
        "              二、上年结转政府",
        "              信息公开申请数量",
        _FOOTER.format(4),
        _DATE,
        "              1.信访举报投诉",
        at_offsets("              类申请", (36, "12"), (86, "12")),
        "",
        at_offsets("              2.重复申请", (36, "5"), (86, "5")),
        "",
        _FOOTER.format(5),
        _DATE,
        "               四、结转下年度继",
        at_offsets("                 续办理", (46, "3"), (81, "3")),
        "",
        "         四、政府信息公开行政复议、行政诉讼情况",
        "",
    ]
)


def test_a_page_whose_values_stand_gaps_apart_claims_no_blank_between_them() -> None:
    """The gaps look like a table laid out cell by cell with two empty columns between the
    values (``space_aligned.cell_starts``). Read so, each row's second value stood under
    社会公益组织 and 总计 was blank: where the rules could not check it, that was the reading
    (a hunt of ``test_values_pushed_against_their_labels…``: 56 in 社会公益组织, 总计 claimed
    blank), and here both rows were left missing. Its page ranks them: the rules prove the
    last rank 总计, and which applicant column the first is, none tells."""
    report = gr.parse(TEXT_PAGE_APART)
    for row, total in (("petition_complaint", 12), ("repeated", 5)):
        cells = {
            column: report.cell(f"applications.not_processed.{row}.{column}")
            for column in gr.labels.APPLICANT_COLUMNS
        }
        assert (cells.pop("total").value, row) == (total, row)
        assert all(cell.value is None and not cell.blank for cell in cells.values()), row


def test_a_rows_values_at_its_label_s_two_lines_are_placed_by_the_rules() -> None:
    # pdftotext -layout prints a tall row's values at their own heights: 新收's 自然人 on
    # its label's first line, its 总计 on the second (stop 98's main: "the row's own rules
    # do not confirm their order", both missing). Each right of the one before it, they are
    # in their columns' order; the rules then read 总计 as in the rows of one line
    first = TEXT_2019.index("              一、本年新收政府")
    second = TEXT_2019.index("\n", TEXT_2019.index("信息公开申请数量", first))
    text = (
        TEXT_2019[:first]
        + at_offsets("              一、本年新收政府", (46, "8"))
        + "\n"
        + at_offsets("              信息公开申请数量", (81, "8"))
        + TEXT_2019[second:]
    )
    report = gr.parse(text)
    _assert_parsed(report, {"applications.new.total": 8, "applications.total.total": 7})
    assert report.cell("applications.new.total").line == 17
    assert report.cell("applications.new.natural_person").provenance == "missing"
