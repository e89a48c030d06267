"""A table continued over a page break, as ``pdftotext -layout`` prints Word's PDF of a page
pasted from Word (issue 45 item 1): each page is laid out on its own, so the rows printed on
the header's page stand under its words (``自然`` / ``人`` over 自然人's values), while the
rows on the next page put the same columns at other offsets, narrower (自然人 at 14, 总计 at
26 where the header's page has 19 and 54). The header's page is read by its columns; the
rows after the break keep their printed values, which the rules place or leave missing.
Section 三's group label ``三、本年度办理结果`` is written one character a line beside the
rows (``年  4  4`` between the pieces of （二）部分公开's wrapped label)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given

import govinfo_report as gr
from govinfo_report.write.render import render

from conftest import scaled, wrong
from manglers import CentredRows
from strategies import one_value_ending, sparse_reports

#: Section 三's header as Word's PDF prints it through ``pdftotext -layout``.
_HEADER = """三、收到和处理政府信息公开申请情况

                              申请人情况
（本列数据的勾稽关                     法人或其他组织
系为：第一项加第二         自然                                 总计
项之和，等于第三项         人     商业    科研    社会    法律    其他
 加第四项之和）                企业    机构    公益    服务
                                    组织    机构
"""

#: Section 三 of a made-up 2021 report, typed as Word's PDF prints it through ``pdftotext
#: -layout`` (sections 二 and 四 left out): a page break (``\\f``) after 4.保护第.
SECTION = (
    _HEADER
    + """
一、本年新收政府信
                   30   2                 1           33
 息公开申请数量

二、上年结转政府信
                   3                                  3
 息公开申请数量

三   （一）予以公开        20   1                 1           22
、
    （二）部分公开
本
    （区分处理的，
年                  4                                  4
    只计这一情形，
度   不计其他情形）
办
    （   1.属于国
理
    三    家秘密
结
\f        4.保护第
        三方合法  2           2
          权益

        1.本机关
        不掌握相
              5   1       6
        关政府信
           息

（七）总计       31   2   1    34

  四、结转下年度继续               2     2
     办理
"""
)

TEXT = (
    "青石县水务局2021年政府信息公开工作年度报告\n\n一、总体情况\n\n"
    "2021年，青石县水务局认真落实政府信息公开工作要求。\n\n"
    + SECTION
    + "\n\n五、存在的主要问题及改进情况\n\n无。\n\n六、其他需要报告的事项\n\n无。\n\n"
    "青石县水务局\n2022年1月20日\n"
)

#: What the table prints, typed from its rows: every other cell of section 三 is blank.
PRINTED = {
    "applications.new.natural_person": 30,
    "applications.new.commercial_enterprise": 2,
    "applications.new.legal_service_agency": 1,
    "applications.new.total": 33,
    "applications.carried_over.natural_person": 3,
    "applications.carried_over.total": 3,
    "applications.granted.natural_person": 20,
    "applications.granted.commercial_enterprise": 1,
    "applications.granted.legal_service_agency": 1,
    "applications.granted.total": 22,
    "applications.partially_granted.natural_person": 4,
    "applications.partially_granted.total": 4,
    "applications.denied.third_party_rights.natural_person": 2,
    "applications.denied.third_party_rights.total": 2,
    "applications.unavailable.not_held.natural_person": 5,
    "applications.unavailable.not_held.commercial_enterprise": 1,
    "applications.unavailable.not_held.total": 6,
    "applications.total.natural_person": 31,
    "applications.total.commercial_enterprise": 2,
    "applications.total.legal_service_agency": 1,
    "applications.total.total": 34,
    "applications.carried_forward.natural_person": 2,
    "applications.carried_forward.total": 2,
}

#: The rows printed on the header's page.
FIRST_PAGE = ("new", "carried_over", "granted", "partially_granted")


def test_the_header_pages_rows_are_read_by_its_columns() -> None:
    """The four rows above the break are read by position, blank cells included, and the
    rows below it are placed by the rules: every cell the table prints is read."""
    report = gr.parse(TEXT)
    for key, value in PRINTED.items():
        assert report.cell(key).value == value, key
    for key in PRINTED:
        if key.split(".")[1] in FIRST_PAGE:
            assert report.cell(key).provenance == "parsed"
    blank = [f"applications.{row}.research_institution" for row in FIRST_PAGE]
    assert all(report.cell(key).blank for key in blank)
    placed = [d.line for d in report.diagnostics if d.code == "short-row-placed"]
    assert placed and min(placed) > TEXT.split("\n").index(
        next(line for line in TEXT.split("\n") if "\f" in line)
    )


def test_a_group_labels_character_beside_values_takes_the_rows_wrapped_label() -> None:
    """``年  4  4`` prints （二）部分公开's values beside 年 of the group label written one
    character a line; the row's label is the pieces above and below it: the row is read,
    and its label's first line (``（二）部分公开`` alone) is no row of blank cells."""
    report = gr.parse(TEXT)
    assert report.cell("applications.partially_granted.natural_person").value == 4
    assert report.cell("applications.partially_granted.total").value == 4
    assert not [d for d in report.diagnostics if "no row label" in d.message]


def test_a_group_label_two_characters_a_line_beside_the_values() -> None:
    """The group label written two characters a line (``三、`` / ``本年`` / ``度办`` /
    ``理结`` / ``果``, as a wider column wraps it): ``理结  4  4`` takes （二）部分公开's
    wrapped label around it all the same."""
    pieces = {"三": "三、", "、": "本年", "本": "度办", "年": "理结", "度": "果", "办": ""}
    lines = []
    for line in TEXT.split("\n"):
        head = line[:2].strip()
        if head in pieces and line.startswith(head) and not line.startswith("三、"):
            line = (pieces[head] + line[len(pieces[head]) :]).rstrip()
        lines.append(line)
    text = "\n".join(lines)
    assert any(line.split() == ["理结", "4", "4"] for line in lines)
    report = gr.parse(text)
    assert report.cell("applications.partially_granted.natural_person").value == 4
    assert report.cell("applications.partially_granted.total").value == 4
    assert wrong(report, PRINTED) == {}


def test_a_vertical_group_labels_repeated_character_heads_no_sub_table() -> None:
    """（四）无法提供 written one character a line beside its sub-rows on the next page,
    whose label column starts further left (``（   1.本机关``): ``（`` begins two label lines
    whose later words start apart, as section 二's sub-tables' ``信息内容`` lines do; a single
    character heads no sub-table, so the header's page is still read by its columns."""
    lines = TEXT.split("\n")
    pieces = {"1.本机关": "（   1.本机关", "不掌握相": "四   不掌握相", "关政府信": "）   关政府信"}
    lines = [pieces.get(line.strip(), line) for line in lines]
    lines = ["无      息" if line == "           息" else line for line in lines]
    assert sum(1 for line in lines if line.lstrip().startswith("（   1.")) == 2
    report = gr.parse("\n".join(lines))
    assert wrong(report, PRINTED) == {}
    for key in PRINTED:
        if key.split(".")[1] in FIRST_PAGE:
            assert report.cell(key).value == PRINTED[key], key


def test_values_under_the_headers_words_past_the_break_are_not_read_by_them() -> None:
    """Past the break, 保护第三方合法权益's 2 for 自然人 stands under 商业企业's header word
    and its 总计 under 自然人's: not read by position (it would be 商业企业's), but by the
    rules, which make 2 自然人's."""
    lines = TEXT.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("        三方合法"))
    lines[at] = "        三方合法" + " " * 12 + "2" + " " * 29 + "2"
    report = gr.parse("\n".join(lines))
    header = next(line for line in lines if "商业" in line)
    assert lines[at].index("2") == header.index("商业")
    assert wrong(report, PRINTED) == {}
    row = "applications.denied.third_party_rights"
    assert report.cell(f"{row}.natural_person").value == 2
    assert report.cell(f"{row}.commercial_enterprise").value in (0, None)


#: Section 二 of a made-up 2020 report as ``pdftotext -layout`` prints a browser's PDF whose
#: page breaks inside the （六） sub-table: 行政处罚's change (``-7``) under 本年增/减 on the
#: header's page, 行政强制 on the next, its columns six characters right of the header's,
#: its first value ending where ``-7`` starts.
SPLIT = """青石县水务局2020年政府信息公开工作年度报告

二、主动公开政府信息情况
  第二十条第（一）项
  信息内容     本年新制作数量  本年新公开数量       对外公开总数量
  规章
  规范性文件    352      288
  第二十条第（五）项
  信息内容     上一年项目数量  本年增/减         处理决定数量
  行政许可              -15           3902
  其他对外管理
           174
  服务事项
  第二十条第（六）项
  信息内容     上一年项目数量  本年增/减         处理决定数量
  行政处罚              -7
\f  行政强制          1450     -12           97
"""


def test_a_sub_table_over_a_page_break_puts_no_value_in_another_column() -> None:
    """The values of 行政处罚 (on the header's page) and 行政强制 (on the next) overlap
    as one column's, but each page alone puts them in other columns: the -7 is
    行政处罚's change or missing, never its 上一年项目数量; the full rows are read."""
    report = gr.parse(SPLIT)
    assert report.cell("proactive.penalties.previous_items").value is None
    assert report.cell("proactive.penalties.change").value in (-7, None)
    assert [
        report.cell(f"proactive.coercive_measures.{column}").value
        for column in ("previous_items", "change", "decisions")
    ] == [1450, -12, 97]
    assert [
        report.cell(f"proactive.licensing.{column}").value
        for column in ("previous_items", "change", "decisions")
    ] == [None, -15, 3902]


#: Section 二 of a made-up 2020 report as ``pdftotext -layout`` prints a browser's PDF
#: whose page breaks inside the （五） sub-table, the next page's columns two characters left
#: of the header's: 其他对外管理服务事项's ``2093`` (its 处理决定数量) alone on a line there.
SHIFTED_LEFT = """青石县水务局2020年政府信息公开工作年度报告

二、主动公开政府信息情况
  第二十条第（一）项
  信息内容     本年新制作数量  本年新公开数量       对外公开总数量
  规章       312      2046          175
  规范性文件                           418
  第二十条第（五）项
  信息内容     上一年项目数量  本年增/减         处理决定数量
  行政许可     267
\f  其他对外管理
                                2093
  服务事项
  第二十条第（六）项
  信息内容   上一年项目数量  本年增/减         处理决定数量
  行政处罚   412      36            155
  行政强制                          1302
"""


def test_a_value_alone_on_the_next_page_moved_left_is_not_read_in_another_column() -> None:
    """``2093``, printed under 处理决定数量 on a page whose columns stand two characters
    left of the header's, is 其他对外管理服务事项's 处理决定数量 or missing, never its
    本年增/减 (in display columns, which the （五） sub-table's two pages fit, both put it
    there; the （一） sub-table's values fit characters only, and the header's page of
    （五） fits both: the table is in characters). ``267``, alone on the header's page under
    上一年项目数量, is still read there, said by a diagnostic if the next page is not."""
    report = gr.parse(SHIFTED_LEFT)
    assert report.cell("proactive.other_services.change").value is None
    assert report.cell("proactive.other_services.decisions").value in (2093, None)
    assert report.cell("proactive.licensing.previous_items").value == 267
    assert report.cell("proactive.licensing.change").blank
    if report.cell("proactive.other_services.decisions").value is None:
        assert any(d.code == "values-unplaced" and "2093" in d.message for d in report.diagnostics)


#: Section 二 of a made-up 2021 report as ``pdftotext -layout`` prints a browser's PDF
#: whose page breaks after the （一） sub-table's header and its blank 规章 row: 行政规范性文件's
#: ``473`` (its 现行有效件数) alone on the next page, whose columns stand two characters
#: right of the header's. In characters it ends where 现行有效件数 does; in display columns
#: (the line holds no CJK before it) it starts where 本年废止件数 does.
NEXT_PAGE_ONLY = """青石县水务局2021年政府信息公开工作年度报告

二、主动公开政府信息情况
  第二十条第（一）项
  信息内容     本年制发件数         本年废止件数  现行有效件数
  规章
\f  行政规范性文
                                    473
  件
  第二十条第（五）项
  信息内容       本年处理决定数量
  行政许可       128
  第二十条第（六）项
  信息内容       本年处理决定数量
  行政处罚       563
  行政强制
"""


def test_values_only_past_the_break_are_read_where_both_measures_agree() -> None:
    """A sub-table whose header's page prints no value: nothing there anchors the next
    page's columns, and the header's words place ``473`` in other columns in each
    measure, so it is 现行有效件数's or missing (with a diagnostic), never 本年废止件数's."""
    report = gr.parse(NEXT_PAGE_ONLY)
    row = "proactive.normative_documents"
    assert report.cell(f"{row}.repealed").value is None
    assert report.cell(f"{row}.in_force").value in (473, None)
    if report.cell(f"{row}.in_force").value is None:
        assert any(d.code == "values-unplaced" and "473" in d.message for d in report.diagnostics)
    assert report.cell("proactive.licensing.decisions").value == 128
    assert report.cell("proactive.penalties.decisions").value == 563


def test_a_header_pages_row_that_fits_both_measures_apart_settles_no_column() -> None:
    """规章's ``77`` on the header's page starts where 现行有效件数 does in characters and
    where 本年废止件数 does in display columns (``规章`` is two characters, four columns
    wide); the next page's ``473``, moved two characters right, clusters with it in display
    columns only. The header's page cannot tell the measure, so neither row is read by
    position: each value is 现行有效件数's or missing, never 本年废止件数's."""
    text = NEXT_PAGE_ONLY.replace("  规章\n", "  规章" + " " * 30 + "77\n")
    header = next(line for line in text.split("\n") if "现行有效件数" in line)
    assert text.split("\n")[5].index("77") == header.index("现行有效件数")
    report = gr.parse(text)
    for row, value in (("rules", 77), ("normative_documents", 473)):
        assert report.cell(f"proactive.{row}.repealed").value is None
        assert report.cell(f"proactive.{row}.in_force").value in (value, None)


@pytest.mark.parametrize(
    ("page", "moved", "spaced", "packed"),
    [
        (2, -3, False, False),
        (3, 2, False, False),
        (4, 5, False, False),
        (3, -4, True, False),
        (5, 3, True, False),
        (3, -6, True, True),
        (4, -2, False, True),
    ],
)
@scaled(0.3)
@given(report=sparse_reports())
def test_tables_over_a_page_break_read_no_wrong_number(
    page: int, moved: int, spaced: bool, packed: bool, report: gr.Report
) -> None:
    """Any report so printed, its zeros blank, the rows after its ``page``-th row of values
    on a page whose columns start ``moved`` characters off the header's (``spaced``: an
    empty line after each row, rows printed blank their wrapped labels alone; ``packed``:
    the columns that print nothing there taking no room): no cell wrong, no printed number
    claimed blank. Packed, section 二's sub-tables past the break are not read right yet
    (see docs/accuracy.md, "Not covered yet"): sections 三 and 四 are checked."""
    writer = CentredRows(wrap=4, page=page, moved=moved, spaced=spaced, packed=packed)
    text = render(
        report,
        writer if spaced else CentredRows(page=page, moved=moved, packed=packed),
        blank_zeros=True,
    )
    back = gr.parse(text)
    printed = {
        key: None if value == 0 else value
        for key, value in report.flat().items()
        if not (packed and key.startswith("proactive."))
    }
    assert wrong(back, printed) == {}
    assert not [k for k, v in printed.items() if v is not None and back.cell(k).blank]


@pytest.mark.parametrize("moved", [-2, -1, 1, 2])
@scaled(0.3)
@given(drawn=one_value_ending())
def test_a_value_alone_on_the_next_page_is_in_its_column_or_missing(
    moved: int, drawn: tuple[gr.Report, str]
) -> None:
    """Any report so printed, its zeros blank, a page break before the row that ends a
    sub-table of section 二 and prints one value, alone on the next page in its sub-table,
    whose columns start ``moved`` characters off the header's (one or two: as close as a
    header word's neighbour may be in the other measure): no cell wrong."""
    report, label = drawn
    text = render(report, CentredRows(moved=moved, before=label), blank_zeros=True)
    assert "\f" in text
    back = gr.parse(text)
    printed = {key: None if value == 0 else value for key, value in report.flat().items()}
    assert wrong(back, printed) == {}


#: Section 三 of another made-up 2021 report as Word's PDF prints it through ``pdftotext
#: -layout``, an empty line between rows (the cells' padding): rows printed blank, their
#: labels wrapped four characters a line, on the header's page (属于国家秘密, beside the
#: group label's pieces) and past the page break, whose label column starts four characters
#: further left (属于三类内部事务信息, 属于行政查询事项 with its last line centred,
#: 补正后申请内容仍不明确).
BLANK_ROWS = """三、收到和处理政府信息公开申请情况

                              申请人情况
（本列数据的勾稽关                     法人或其他组织
系为：第一项加第二         自然                                 总计
项之和，等于第三项         人     商业    科研    社会    法律    其他
 加第四项之和）                企业    机构    公益    服务
                                    组织    机构

一、本年新收政府信
                   14                     1           15
 息公开申请数量

二、上年结转政府信
                   2                                  2
 息公开申请数量

三   （一）予以公开        8                      1           9
、
    （二）部分公开
本
    （区分处理的，
年                  3                                  3
    只计这一情形，
度   不计其他情形）
办
    （   1.属于国
理
    三    家秘密
结
    ）

\f    5.属于三
    类内部事
     务信息

    7.属于行
    政执法案    1           1
       卷

    8.属于行
    政查询事
       项

    1.本机关
    不掌握相
            2           2
    关政府信
       息

    3.补正后
    申请内容
    仍不明确

（七）总计       14      1   15

  四、结转下年度继续 2           2
     办理
"""

#: The rows BLANK_ROWS prints blank, with wrapped labels.
BLANK = (
    "denied.state_secret",
    "denied.internal_affairs",
    "denied.administrative_inquiry",
    "unavailable.unclear_after_correction",
)


def test_rows_printed_blank_with_wrapped_labels_are_blank_on_either_page() -> None:
    """A row printed blank whose label wraps over lines that print no value, with no value
    on the lines next to them, is that row's label whole and its cells blank: on the
    header's page among the group label's pieces, and past the break, where the rows have
    no columns of the header's page; no value is wrong."""
    text = TEXT.replace(SECTION, BLANK_ROWS)
    report = gr.parse(text)
    for row in BLANK:
        for column in ("natural_person", "commercial_enterprise", "total"):
            assert report.cell(f"applications.{row}.{column}").blank, row
    lost = " ".join(d.message for d in report.diagnostics if d.code == "row-missing")
    for label in (
        "属于国家秘密",
        "属于三类内部事务信息",
        "属于行政查询事项",
        "补正后申请内容仍不明确",
    ):
        assert label not in lost
    printed = {
        "applications.new.natural_person": 14,
        "applications.new.legal_service_agency": 1,
        "applications.new.total": 15,
        "applications.carried_over.natural_person": 2,
        "applications.carried_over.total": 2,
        "applications.granted.natural_person": 8,
        "applications.granted.legal_service_agency": 1,
        "applications.granted.total": 9,
        "applications.partially_granted.natural_person": 3,
        "applications.partially_granted.total": 3,
        "applications.denied.enforcement_files.natural_person": 1,
        "applications.denied.enforcement_files.total": 1,
        "applications.unavailable.not_held.natural_person": 2,
        "applications.unavailable.not_held.total": 2,
        "applications.total.natural_person": 14,
        "applications.total.legal_service_agency": 1,
        "applications.total.total": 15,
        "applications.carried_forward.natural_person": 2,
        "applications.carried_forward.total": 2,
    }
    for key, value in printed.items():
        assert report.cell(key).value in (value, None), key


#: Section 三 of another made-up 2021 report as Word's PDF prints it through ``pdftotext
#: -layout``: the header's page as SECTION's, and past the break a page that packs its
#: columns, each column that prints no value there taking no room (自然人 at 14, 商业企业
#: at 18, 法律服务机构 at 22, 总计 at 26; 科研机构, 社会公益组织 and 其他 left out).
PACKED = (
    _HEADER
    + """
一、本年新收政府信
                   20   3                 4           27
 息公开申请数量

二、上年结转政府信
                   1                                  1
 息公开申请数量

三   （一）予以公开        10   2                 1           13
、
    （二）部分公开
本
    （区分处理的，
年                  2                                  2
    只计这一情形，
度   不计其他情形）
办
    （   1.属于国
理
    三    家秘密
结
\f        4.保护第
        三方合法  1           1
          权益

        6.属于四
        类过程性  1           1
          信息

        7.属于行
        政执法案          1   1
           卷

        1.本机关
        不掌握相
              3   1       4
        关政府信
           息

（七）总计         17  3   2   22

  四、结转下年度继续   4       2   6
     办理
"""
)

#: What PACKED prints past the break, typed from its rows (the header's page as SECTION's,
#: other numbers): every other cell of those rows is blank.
PACKED_PAST_BREAK = {
    "applications.denied.third_party_rights.natural_person": 1,
    "applications.denied.third_party_rights.total": 1,
    "applications.denied.process_information.natural_person": 1,
    "applications.denied.process_information.total": 1,
    "applications.denied.enforcement_files.legal_service_agency": 1,
    "applications.denied.enforcement_files.total": 1,
    "applications.unavailable.not_held.natural_person": 3,
    "applications.unavailable.not_held.commercial_enterprise": 1,
    "applications.unavailable.not_held.total": 4,
    "applications.total.natural_person": 17,
    "applications.total.commercial_enterprise": 3,
    "applications.total.legal_service_agency": 2,
    "applications.total.total": 22,
    "applications.carried_forward.natural_person": 4,
    "applications.carried_forward.legal_service_agency": 2,
    "applications.carried_forward.total": 6,
}


def _packed_report(section: str) -> gr.Report:
    return gr.parse(TEXT.replace(SECTION, section))


def test_a_packed_page_past_the_break_is_read_by_one_mapping_of_its_columns() -> None:
    """The page past the break prints its values at four offsets, for four of seven
    columns; row by row the rules cannot tell which of the three rows printing ``1  1``
    puts its 1 under 法律服务机构 (the sums down the columns hold either way), but one
    mapping of the page's offsets for all its rows, the cells no offset maps to blank, is
    pinned by them (本年新收 + 上年结转 = 总计 + 结转下年度继续办理): every value is read
    where it is printed, and the other cells of those rows are blank (0)."""
    report = _packed_report(PACKED)
    for key, value in PACKED_PAST_BREAK.items():
        assert report.cell(key).value == value, key
        assert report.cell(key).provenance == "parsed", key
    for row in ("denied.enforcement_files", "unavailable.not_held", "total"):
        for column in ("research_institution", "public_interest_organisation"):
            assert report.cell(f"applications.{row}.{column}").value in (0, None)
    assert not [d for d in report.diagnostics if d.code == "values-unplaced"]


def test_a_packed_page_whose_values_touch_is_read_row_by_row() -> None:
    """Where a line's values stand a character or two off the others' (总计's ``17`` one
    left, touching the 1s under 自然人), the page's offsets are not its columns beyond
    doubt: its rows keep their printed values, which the rules place or leave missing, and
    no cell is read wrong."""
    moved = PACKED.replace("（七）总计         17  3   2   22", "（七）总计   17   3   2   22")
    report = _packed_report(moved)
    assert not [d for d in report.diagnostics if "one page's columns" in d.message]
    truth = {**PACKED_PAST_BREAK}
    assert wrong(report, truth) == {}


#: PACKED's page past the break, with a value in every column there: 总计's row fills all
#: seven, and 保护第三方合法权益 prints six and leaves its 总计 blank (the page's own slip).
FULL_PAGE = """\f        4.保护第
        三方合法  1   1   2   1   1   1
          权益

（七）总计         17  3   2   1   2   1   26

  四、结转下年度继续   4               2       6
     办理
"""


def test_a_page_past_the_break_with_a_value_in_every_column_is_read_by_them() -> None:
    """Where the page's fullest row prints a value at each of as many offsets as there are
    columns, each offset is its column: the row of six values reads them in the first six
    and its 总计 stays printed blank, not the sum the rules would make it."""
    section = PACKED[: PACKED.index("\f")] + FULL_PAGE
    report = _packed_report(section)
    row = "applications.denied.third_party_rights"
    columns = ("natural_person", "commercial_enterprise", "research_institution")
    columns += ("public_interest_organisation", "legal_service_agency", "other_organisation")
    for column, value in zip(columns, (1, 1, 2, 1, 1, 1), strict=True):
        assert report.cell(f"{row}.{column}").value == value, column
        assert report.cell(f"{row}.{column}").provenance == "parsed", column
    assert report.cell(f"{row}.total").blank
    assert report.cell("applications.total.total").value == 26


#: Section 三 as Word's PDF prints it through ``pdftotext -layout`` where the header's words
#: stand at other offsets than the values under them: 商业企业 pushed left beside the wrapped
#: label's last line (at 20, its values at 22), 科研 on a line of its own at 27 (its value
#: at 32). The header's page prints one row with a value in every column; a page break
#: (``\\f``) after 部分公开, past which the columns stand narrower (自然人 at 16, 总计 at 42).
UNDER_NO_WORD = """三、收到和处理政府信息公开申请情况

                           申请人情况
（本列数据的勾稽关
               自然人              法人或其他组织
系为：第一项加第二
项之和，等于第三项                           社会   法律        总计
                           科研
 加第四项之和）            商业企业            公益   服务   其他
                           机构
                                    组织   机构

一、本年新收政府信
              52      6         1   2    3    4    68
 息公开申请数量

二、上年结转政府信
              7                          2         9
 息公开申请数量

三   （一）予以公开   40      5             2    3    2    52
、
    （二）部分公开   6       1                  2         9
本
\f
（七）总计           46   6       2   5    2   61

  四、结转下年度继续     13       1            2   16
     办理
"""


def test_the_header_pages_full_row_places_its_sparse_rows() -> None:
    """Where the header's words place no value (the columns' words pushed aside), the
    header's page is read by the offsets of its row that prints every column: 上年结转's
    three values are 自然人's, 法律服务机构's and 总计's, the cells between them printed
    blank, and no cell is read wrong."""
    report = gr.parse(TEXT.replace(SECTION, UNDER_NO_WORD))
    read = {
        "applications.carried_over.natural_person": 7,
        "applications.carried_over.legal_service_agency": 2,
        "applications.carried_over.total": 9,
        "applications.partially_granted.natural_person": 6,
        "applications.partially_granted.commercial_enterprise": 1,
        "applications.partially_granted.legal_service_agency": 2,
        "applications.partially_granted.total": 9,
    }
    for key, value in read.items():
        assert report.cell(key).value == value, key
        assert report.cell(key).provenance == "parsed", key
    for column in ("commercial_enterprise", "research_institution", "other_organisation"):
        assert report.cell(f"applications.carried_over.{column}").blank, column
    truth: dict[str, object] = {
        **read,
        "applications.new.natural_person": 52,
        "applications.new.commercial_enterprise": 6,
        "applications.new.research_institution": 1,
        "applications.new.public_interest_organisation": 2,
        "applications.new.legal_service_agency": 3,
        "applications.new.other_organisation": 4,
        "applications.new.total": 68,
        "applications.granted.natural_person": 40,
        "applications.granted.commercial_enterprise": 5,
        "applications.granted.research_institution": None,
        "applications.granted.total": 52,
        "applications.total.natural_person": 46,
        "applications.total.total": 61,
        "applications.carried_forward.natural_person": 13,
        "applications.carried_forward.total": 16,
    }
    assert wrong(report, truth) == {}


def _header_moved(text: str, moved: int) -> str:
    """``text`` with section 三's header words (its lines before the first row's) ``moved``
    characters right of their columns: a line that starts with a word has its first gap
    widened, any other line starts further right."""
    lines = text.split("\n")
    start = next(at for at, line in enumerate(lines) if "收到和处理政府信息公开申请情况" in line)
    end = next(
        at
        for at in range(start + 1, len(lines))
        if lines[at].startswith("一、") or re.search(r"\d", lines[at])
    )
    for at in range(start + 1, end):
        line = lines[at]
        if line.startswith(" "):
            lines[at] = " " * moved + line
        elif line.strip():
            lines[at] = re.sub(r"(?<=\S)(  +)(?=\S)", r"\1" + " " * moved, line, count=1)
    return "\n".join(lines)


@scaled(0.3)
@given(report=sparse_reports())
def test_a_header_pages_values_off_their_header_words_read_no_wrong_number(
    report: gr.Report,
) -> None:
    """Any report so printed, its zeros blank, a page break after its third row of values
    (the next page's columns three characters left) and section 三's header words four
    characters right of their columns, as Word's PDF prints words pushed beside a wrapped
    label (商业企业 at 20 over values at 22): the header's page is read by its values'
    own columns where they fall into some, and no cell is wrong, no printed number claimed
    blank."""
    text = render(report, CentredRows(page=3, moved=-3), blank_zeros=True)
    back = gr.parse(_header_moved(text, 4))
    printed = {key: None if value == 0 else value for key, value in report.flat().items()}
    assert wrong(back, printed) == {}
    assert not [k for k, v in printed.items() if v is not None and back.cell(k).blank]


#: Section 三 of another made-up 2021 report as Word's PDF prints it through ``pdftotext
#: -layout``, its header on a page of its own (tool bed 5151/09 by Word's PDF): a page
#: break (``\\f``) before the first row, the rows on that page at 15, 35 and 50, and a
#: second break before 保护第三方合法权益, past which the columns stand at 15, 23 and 31. No
#: row prints every column, and the header's words stand over no value.
HEADER_BEFORE = """三、收到和处理政府信息公开申请情况

                           申请人情况
（本列数据的勾稽关
               自然人              法人或其他组织
系为：第一项加第二
项之和，等于第三项                           社会   法律        总计
                           科研
 加第四项之和）            商业企业            公益   服务   其他
                           机构
                                    组织   机构

\f一、本年新收政府信
              23                  2              25
 息公开申请数量

二、上年结转政府信
              1                                  1
 息公开申请数量

三   （一）予以公开   12                  1              13
、
    （二）部分公开
本
    （区分处理的，
年             4                                  4
    只计这一情形，
度   不计其他情形）
办
    （   1.属于国
理
    三    家秘密
结
\f        4.保护第
        三方合法  2               2
          权益

        1.本机关
        不掌握相
              5       1       6
        关政府信
           息

（七）总计         23      2       25

  四、结转下年度继续   1               1
     办理
"""


def test_rows_on_the_pages_after_their_header_are_ranked_by_each_pages_offsets() -> None:
    """With the header on the page before its rows, neither its words nor a full row give
    the columns; each page's values stand in their columns' order at that page's own
    offsets (poppler lays out each page on its own), so each page is ranked alone and the
    rules name its last rank 总计 in every row: each row's 总计 is read, and the two-value
    rows' 其他 is 0 where the rules prove it (本年新收 + 上年结转 = 总计 + 结转下年度继续办理
    down 其他's column). Which of the six applicant columns the first and middle values
    stand in, no rule tells: those cells stay missing, none wrong."""
    report = gr.parse(TEXT.replace(SECTION, HEADER_BEFORE))
    totals = {
        "new": 25,
        "carried_over": 1,
        "granted": 13,
        "partially_granted": 4,
        "denied.third_party_rights": 2,
        "unavailable.not_held": 6,
        "total": 25,
        "carried_forward": 1,
    }
    for row, value in totals.items():
        assert report.cell(f"applications.{row}.total").value == value, row
        assert report.cell(f"applications.{row}.total").provenance == "parsed", row
    truth: dict[str, object] = {f"applications.{row}.total": v for row, v in totals.items()}
    truth |= {
        "applications.new.natural_person": 23,
        "applications.new.other_organisation": 2,
        "applications.carried_over.natural_person": 1,
        "applications.granted.natural_person": 12,
        "applications.granted.other_organisation": 1,
        "applications.partially_granted.natural_person": 4,
        "applications.denied.third_party_rights.natural_person": 2,
        "applications.unavailable.not_held.natural_person": 5,
        "applications.unavailable.not_held.other_organisation": 1,
        "applications.total.natural_person": 23,
        "applications.total.other_organisation": 2,
        "applications.carried_forward.natural_person": 1,
    }
    truth |= {
        f"applications.{row}.other_organisation": None
        for row in ("carried_over", "partially_granted", "denied.third_party_rights")
    }
    assert wrong(report, truth) == {}


#: Section 三 as ``pdftotext -layout`` prints a narrow page (its header's words one space
#: apart, on the page before its rows' first break) whose report leaves the 总计 of
#: （六）2. blank though its six applicant cells print 3 and 1 (a report's own slip): on
#: the page of 1.属于国家秘密 that row prints six values at the offsets of the full row's
#: first six, and both rows wrap their labels a few characters a line around their values.
SLIPPED_TOTAL = """三、收到和处理政府信息公开申请情况

                    （本列数据的勾稽                     申请人情况
                    关系为：第一项加                   法人或其他组织
\f第二项之和，等于 自然       社会 法律    总计
第三项加第四项之 人 商业 科研 公益 服务
                        其他
   和）       企业 机构
                  组织 机构

一、本年新收政府
                20    3    1    1    0    3    28
信息公开申请数量

二、上年结转政府
                1     0    0    0    0    0    1
信息公开申请数量

   （一）予以
                10    2    1    0    0    1    14
    公开

   （二）部分
    公开
   （区分处理
   的，只计这        4     1    0    0    0    0    5
   一情形，不
   计其他情形
       ）

\f    1.属
    于国
          2    0    0    1    0    1    4
    家秘
       密

    2.申
    请人
    逾期
    未按
    收费
    通知
    要求
    缴纳
    费用
    、     3    0    0    0    0    1
    行政
    机关
    不再
    处理
    其政
    府信
    息公
    开申
    请
\f
                               （七）总计 19   3    1    1    0    3    27

  四、结转下年度继续   2    0    0    0    0    0    2
     办理
"""


def test_a_row_one_short_of_a_page_whose_full_rows_wrap_their_labels_reads_its_six() -> None:
    """A full row the section rebuilds from its wrapped label's lines keeps no ranks of
    its own; its page's seven ranks still count (``Positions.counted``), so the short row's
    six values stand in the page's first six columns, 自然人 to 其他, and its 总计, under no
    value, is printed blank; no rule tells the report's slip from a reading (the row's sum
    is not checked against a blank), none read wrong."""
    report = gr.parse(TEXT.replace(SECTION, SLIPPED_TOTAL))
    row = "applications.other.unpaid_fee"
    printed = {"natural_person": 3, "commercial_enterprise": 0, "research_institution": 0}
    printed |= {"public_interest_organisation": 0, "legal_service_agency": 0}
    printed |= {"other_organisation": 1}
    for column, value in printed.items():
        assert report.cell(f"{row}.{column}").value == value, column
        assert report.cell(f"{row}.{column}").provenance == "parsed", column
    assert report.cell(f"{row}.total").blank
    truth: dict[str, object] = {f"{row}.{column}": v for column, v in printed.items()}
    truth |= {
        "applications.denied.state_secret.natural_person": 2,
        "applications.denied.state_secret.public_interest_organisation": 1,
        "applications.denied.state_secret.other_organisation": 1,
        "applications.denied.state_secret.total": 4,
        "applications.total.natural_person": 19,
        "applications.total.total": 27,
        "applications.carried_forward.total": 2,
    }
    assert wrong(report, truth) == {}


#: The first row of section 三, which ``CentredRows(before=…)`` puts past a page break.
_FIRST_ROW = "一、本年新收政府信息公开申请数量"


@pytest.mark.parametrize(
    ("moved", "spaced", "packed", "furniture"),
    [
        (-3, False, False, False),
        (4, True, False, False),
        (-2, True, True, False),
        (3, False, False, True),
        (-4, True, False, True),
    ],
)
@scaled(0.3)
@given(report=sparse_reports())
def test_rows_on_the_page_after_their_header_read_no_wrong_number(
    moved: int, spaced: bool, packed: bool, furniture: bool, report: gr.Report
) -> None:
    """Any report so printed, its zeros blank, a page break between section 三's header and
    its first row, past which the columns start ``moved`` characters off the header's
    (``spaced``, ``packed`` as above; ``furniture``: a browser's footer and header lines
    at the break, which cut the table's text there): no cell wrong, no printed number
    claimed blank (section 二 not checked where packed, as above)."""
    writer = CentredRows(
        wrap=4 if spaced else 6,
        before=_FIRST_ROW,
        moved=moved,
        spaced=spaced,
        packed=packed,
        furniture=furniture,
    )
    text = render(report, writer, blank_zeros=True)
    assert "\f" in text
    back = gr.parse(text)
    printed = {
        key: None if value == 0 else value
        for key, value in report.flat().items()
        if not (packed and key.startswith("proactive."))
    }
    assert wrong(back, printed) == {}
    assert not [k for k, v in printed.items() if v is not None and back.cell(k).blank]


def test_a_tall_last_rows_value_two_characters_off_a_total_row_s_is_no_column_of_its_own() -> None:
    """（七）总计 alone on a last page beside its label (31 at 13), 结转下年度继续办理's
    values on a line of their own between its label's pieces, 2 two characters right of
    31: Word's PDF lays the two kinds of line out apart (tool bed 8510's page 1). Ranked as
    two columns, the page put 结转's 2 right of 自然人, and 自然人 was derived 0; the
    page is not ranked so, and its rows are placed by the rules."""
    text = TEXT.replace(
        "（七）总计       31   2   1    34", "\f（七）总计       31      2       1    34"
    ).replace(
        "  四、结转下年度继续               2     2\n     办理",
        "  四、结转下年度继续\n" + " " * 17 + "2" + " " * 16 + "2\n     办理",
    )
    total = next(line for line in text.split("\n") if "（七）总计" in line)
    assert total.index("31") + len("31") + 2 == 17  # two characters apart
    report = gr.parse(text)
    assert wrong(report, PRINTED) == {}
    forward = [
        report.cell(f"applications.carried_forward.{key}") for key in ("natural_person", "total")
    ]
    assert [cell.value for cell in forward] == [2, 2]


#: Section 三 of a made-up 2021 report as Word's PDF of a narrow page prints it through
#: ``pdftotext -layout`` (typed after tool bed 8512's page 7, our own counts): the header
#: packs its words, so the rows are ranked by their values' offsets. 本年新收's ``61`` and
#: 上年结转's ``3`` both 自然人's, stand at 18 and 22, two characters apart.
_CLOSE = """三、收到和处理政府信息公开申请情况

                                申请人情况

                                法人或其他组织
  （本列数据的勾稽关
                                    社   法
  系为：第一项加第二
                  自然       商    科   会   律
  项之和，等于第三项                                     总计
                  人        业    研   公   服   其
   加第四项之和）
                           企    机   益   务   他
                           业    构   组   机
                                    织   构

  一、本年新收政府信
                  61        5                   66
   息公开申请数量

  二、上年结转政府信
                      3                         3
   息公开申请数量

  三   （一）予以公开     40        4                   44
  、
      （二）部分公开
  本
      （区分处理的，
  年                   7                         7
      只计这一情形，
  度   不计其他情形）

\f（七）总计       47   4   51

  四、结转下年度继续办理
                     17   1   18
"""

#: What ``_CLOSE`` prints (every other cell blank).
_CLOSE_PRINTED = {
    "new": {"natural_person": 61, "commercial_enterprise": 5, "total": 66},
    "carried_over": {"natural_person": 3, "total": 3},
    "granted": {"natural_person": 40, "commercial_enterprise": 4, "total": 44},
    "partially_granted": {"natural_person": 7, "total": 7},
}


def test_values_two_characters_apart_on_a_ranked_page_are_no_two_columns() -> None:
    """Ranked as two columns, 18 and 22 put 上年结转's 3 and 部分公开's 7 right of 自然人,
    which was derived 0 for both (stop 86's main); a page whose columns stand so close is
    not ranked, and no cell is read wrong."""
    text = TEXT.replace(SECTION, _CLOSE)
    lines = _CLOSE.split("\n")
    first, second = (
        next(line for line in lines if line.strip().startswith(v)) for v in ("61", "3 ")
    )
    assert second.index("3") - (first.index("61") + 2) == 2
    report = gr.parse(text)
    printed = {
        f"applications.{row}.{key}": value
        for row, cells in _CLOSE_PRINTED.items()
        for key, value in cells.items()
    }
    assert wrong(report, printed) == {}
    for row in ("carried_over", "partially_granted"):
        assert report.cell(f"applications.{row}.natural_person").value in (
            None,
            printed[f"applications.{row}.natural_person"],
        )
