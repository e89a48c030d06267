"""Every table as ``pdftotext -layout`` prints a browser's PDF of a narrow page whose header
cells wrap a character or two a line (``CentredRows(head=…)``): labels wrapped every few
characters, counts of one to three digits aligned right or left in their cells, zeros
printed blank, with and without a page break. No cell of any section comes back a wrong
number, and none is claimed printed blank where a number is printed; nor past a page
break that moves the columns about a column (its own property: few draws of the first
reach it). Shapes that many more draws than the ``ci`` profile's reach still read wrong
are recorded in docs/accuracy.md ("Not covered yet", fixed by h60e and by h61b, what is
left of them)."""

from __future__ import annotations

from hypothesis import given, note
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.write.render import render

from conftest import at_offsets, scaled, wrong
from manglers import CentredRows
from strategies import narrow_reports, slipped_totals

#: The sub-tables' article rows a page break may come before.
_ARTICLES = ("第二十条第（五）项", "第二十条第（六）项")


@st.composite
def _writers(draw: st.DrawFn) -> CentredRows:
    """A narrow page's ``CentredRows``: header words one or two characters a line, labels
    two to four, one or two spaces apart, counts right- or left-aligned, a tall row's values
    on its middle line or spread over its lines, and no page break, one before a
    sub-table's article, or one after some rows with the columns moved, either printed
    with a browser's footer and header lines (``furniture``) or as ``\f`` alone."""
    shape = {
        "wrap": draw(st.integers(2, 4)),
        "gap": draw(st.integers(1, 2)),
        "head": draw(st.sampled_from((1, 2))),
        "right": draw(st.booleans()),
        "spread": draw(st.sampled_from(((), (0, 1, 1), (0, 0, 1), (0, 1, 0)))),
    }
    broken = draw(st.sampled_from(("none", "before", "page")))
    if broken == "before":
        article = draw(st.sampled_from(_ARTICLES))
        return CentredRows(**shape, before=article, furniture=draw(st.booleans()))
    if broken == "page":
        return CentredRows(
            **shape,
            page=draw(st.integers(1, 12)),
            moved=draw(st.integers(-2, 3)),
            furniture=draw(st.booleans()),
        )
    return CentredRows(**shape)


def _right_or_missing(report: gr.Report, writer: CentredRows) -> None:
    """``report`` as ``writer`` prints it, zeros blank: no cell a wrong number, none claimed
    printed blank where a number is printed."""
    text = render(report, writer, blank_zeros=True)
    note(text)
    back = gr.parse(text)
    if back.template != report.template:
        # no year in the title and every template word wrapped apart: said, read as 2019
        assert any(d.code == "template-unknown" for d in back.diagnostics)
        return
    truth = {key: None if value == 0 else value for key, value in report.flat().items()}
    assert wrong(back, truth) == {}
    assert [k for k, v in truth.items() if v is not None and back.cell(k).blank] == []


@scaled(0.5)
@given(report=narrow_reports(), writer=_writers())
def test_a_narrow_pages_wrapped_header_reads_no_wrong_number_nor_a_false_blank(
    report: gr.Report, writer: CentredRows
) -> None:
    _right_or_missing(report, writer)


@scaled(0.5)
@given(report=slipped_totals(narrow_reports()), writer=_writers())
def test_a_row_that_leaves_its_total_blank_reads_no_wrong_number_nor_a_false_blank(
    report: gr.Report, writer: CentredRows
) -> None:
    """A section 三 outcome row printing its counts and a blank 总计 (a report's own slip),
    among full rows whose labels wrap around their values, on a page past a break or not:
    its values are read where they stand or left missing, its 总计 never a number."""
    _right_or_missing(report, writer)


@st.composite
def _moving_breaks(draw: st.DrawFn) -> CentredRows:
    """A narrow page's ``CentredRows`` as ``_writers`` draws them, a tall row's values
    spread over its lines (so few rows print every value on one line), with a page break
    after eight to sixteen rows of values (inside section 三, some of them on one line
    above it) past which the columns move right by the gap and two characters: a narrow
    column's pitch (two-digit counts, three-digit totals) less one, so that a value there
    stands nearer the next column of the page before than its own."""
    gap = draw(st.integers(1, 2))
    return CentredRows(
        wrap=draw(st.integers(2, 4)),
        gap=gap,
        head=draw(st.sampled_from((1, 2))),
        right=draw(st.booleans()),
        spread=draw(st.sampled_from(((0, 1, 1), (0, 0, 1), (0, 1, 0)))),
        page=draw(st.integers(8, 16)),
        moved=gap + 2,
    )


@scaled(0.5)
@given(
    report=narrow_reports(counts=st.integers(10, 99) | st.just(0)),
    writer=_moving_breaks(),
)
def test_rows_past_a_page_break_that_moves_the_columns_read_no_wrong_number(
    report: gr.Report, writer: CentredRows
) -> None:
    """Section 三's counts of two digits or blank, over a page break that moves its columns
    a character or three (about a column of a narrow page): a row past it is placed by its
    own page's columns or not at all, never by the header's page's."""
    _right_or_missing(report, writer)


#: Section 二's (五) as a narrow page prints it, its header one character a line: the lines
#: beside 信息 / 内容 one run of words (``信息 年 增 决``), the others at their columns'
#: places (``上`` at 3, ``本`` at 7, ``处`` at 10); 行政许可 prints -6 (本年增/减) and 4
#: (处理决定数量) on a line of their own, its 上一年项目数量 blank, 其他对外管理服务事项 98
#: and 2 beside its label's middle piece. In characters -6 stands between 上 and 本 (under
#: 增 of the packed line), in display columns under 上.
_PACKED_HEADER = """2019年政府信息公开工作年度报告

二、主动公开政府信息情况
第二十条第（五）项
   上   本  处
   一   年  理
信息 年 增 决
内容 项 / 定
   目   减  数
   数      量
   量
行政
    -6 4
许可
其他
对外
管理 98  2
服务
事项
"""


def test_values_under_a_header_of_more_stacks_than_columns_are_missing() -> None:
    """The header's words stand at four places (3, 5, 7, 10) for three columns: a grid of
    them put -6 under 上一年项目数量 and claimed 本年增/减 printed blank. No column of the
    row is sure: its cells are missing, said, not read."""
    back = gr.parse(_PACKED_HEADER)
    keys = [f"proactive.licensing.{c}" for c in ("previous_items", "change", "decisions")]
    assert [back.cell(key).value for key in keys] == [None, None, None]
    assert not any(back.cell(key).blank for key in keys)
    assert any(d.code == "values-unplaced" and "行政许可" in d.message for d in back.diagnostics)


#: Section 二's (一) of a narrow page (2021), its header one character a line and the line
#: beside 信息内容 one run of words (``制 废 有`` at 11, 13, 15); the other lines put the
#: columns' words at 7, 15 and 20. 行政规范性文件 prints 310 and 526 between its label's
#: pieces, pushed left of every column word, its 本年废止件数 or its 现行有效件数 blank.
_PACKED_ROW_SHORT = """2021年政府信息公开工作年度报告

二、主动公开政府信息情况
第二十条第（一）项
      本       本    现
      年       年    行
信息内容  制 废 有
      发       止    效
      件       件    件
      数       数    数
规章    697
行政规范
    310 526
性文件
第二十条第（五）项
      本
      年
      处
信息内容  理
      决
      定
      数
      量
行政许可  72
"""


def test_values_short_of_a_row_under_a_header_of_more_stacks_than_columns_are_missing() -> None:
    """The header's words stand at more places than (一) has columns, and 行政规范性文件's
    two values fill the first two places of that grid: read by it, 526 was 本年废止件数 and
    现行有效件数 claimed printed blank. Which of its three columns the row leaves blank the
    text does not show: its cells are missing, said; 行政许可's one cell is read."""
    back = gr.parse(_PACKED_ROW_SHORT)
    keys = [f"proactive.normative_documents.{c}" for c in ("issued", "repealed", "in_force")]
    assert [back.cell(key).value for key in keys] == [None, None, None]
    assert not any(back.cell(key).blank for key in keys)
    assert any(
        d.code == "values-unplaced" and "行政规范性文件" in d.message and d.line == 12
        for d in back.diagnostics
    )
    assert back.cell("proactive.licensing.decisions").value == 72


#: Section 三 of a narrow page (2021): 自然人's counts end where 申请人情况 does (right
#: aligned), the others start at their columns' words; 3.其他's one line pushes its 4 two
#: spaces past its 3, so that line's columns (the only one-line row) stand at 22 and 25,
#: and 结转下年度继续办理's 1 (商业企业, at 23 like 229 and 20) falls in the gap between.
_NARROW_APPLICATIONS = """2021年政府信息公开工作年度报告

三、收到和处理政府信息公开申请情况
（本列数              申请人情况
据的勾稽
关系为：
第一项加
第二项之
和，等于
第三项加
第四项之
和）
                  自    法人或其他组织                  总
                  然                             计
                  人
                       商    科    社    法    其
                       业    研    会    律    他
                       企    机    公    服
                       业    构    益    务
                                 组    机
                                 织    构
一、本年                350          413            1634
新收政府                   229  120       375  147
信息公开
申请数量
二、上年                 37          17             637
结转政府                   20   331       69   163
信息公开
申请数量
            3.其他      3  4  39   22   33   1    102
      （七）总          387          426            2256
      计                248  447       440  308
四、结转                             4              15
下年度继                   1    4         4    2
续办理
"""


def test_a_value_in_the_gap_between_two_columns_extents_is_not_placed_by_them() -> None:
    """结转下年度继续办理's 1 stands at 23, past 自然人's extent on the one-line row (22)
    and short of 商业企业's (25): placed by those extents it was read as 自然人's, and
    商业企业 claimed printed blank. Now the extents do not place it; the header's columns
    and the rules do: 1 is 商业企业's, and 自然人's 0 (387 + x = 350 + 37)."""
    back = gr.parse(_NARROW_APPLICATIONS)
    row = "applications.carried_forward"
    assert back.cell(f"{row}.commercial_enterprise").value == 1
    assert not back.cell(f"{row}.commercial_enterprise").blank
    assert back.cell(f"{row}.natural_person").value in (None, 0)
    others = ("research_institution", "public_interest_organisation", "legal_service_agency")
    others += ("other_organisation",)
    assert [back.cell(f"{row}.{column}").value for column in others] == [4, 4, 4, 2]
    assert back.cell(f"{row}.total").value == 15


#: Section 二 of a narrow page (2019), header one character a line, counts right-aligned
#: under the words of the packed line beside 信息内容 (``项 / 定``), pushed right where a
#: label or the value before runs on: 行政处罚 prints 77 (本年增/减) and 26 (处理决定数量),
#: its 上一年项目数量 blank; 行政强制 484 (上一年项目数量) and -54, its 处理决定数量 blank.
#: 77 (7-8) overlaps 484 (5-7), one cluster, yet 77 stands under ``/`` and 484 under ``项``.
_CLUSTER_UNDER_TWO_WORDS = """2019年政府信息公开工作年度报告

二、主动公开政府信息情况
第二十条第（一）项
      本    本       对
      年    年       外
      新    新       公
信息内容  制 公 开
      作    开       总
      数    数       数
      量    量       量
规章  732
规范性文 647
件       9
第二十条第（五）项
      上    本       处
      一    年       理
      年    增       决
信息内容  项 / 定
      目    减       数
      数            量
      量
行政许可 585 -44 69
其他对外     70
管理服务   44
事项
第二十条第（六）项
      上    本       处
      一    年       理
      年    增       决
信息内容  项 / 定
      目    减       数
      数            量
      量
行政处罚   77 26
行政强制 484 -54
第二十条第（八）项
      上    本
      一    年
      年    增
信息内容  项 /
      目    减
      数
      量
行政事业 252
性收费   -12
第二十条第（九）项
      采    采
      购    购
      项    总
      目    金
      数    额
信息内容  量 （
           单
           位
           ：
           万
           元
           ）
政府集中  1
采购 0.0092
"""


def test_a_cluster_of_values_under_two_header_words_of_one_line_places_no_value() -> None:
    """Placed by the values' clusters (77 with 484, 26 with -54), 77 was read as 行政处罚's
    上一年项目数量, 26 as its 本年增/减, and its 处理决定数量 claimed printed blank. The
    words of one header line over one cluster name two columns: its rows are in doubt,
    their cells missing; 行政许可's full row is read in order."""
    back = gr.parse(_CLUSTER_UNDER_TWO_WORDS)
    keys = [f"proactive.penalties.{c}" for c in ("previous_items", "change", "decisions")]
    assert [back.cell(key).value for key in keys] == [None, None, None]
    assert not any(back.cell(key).blank for key in keys)
    licensing = [f"proactive.licensing.{c}" for c in ("previous_items", "change", "decisions")]
    assert [back.cell(key).value for key in licensing] == [585, -44, 69]


#: Section 二 of a narrow page (2019), counts right-aligned under the packed lines' words
#: and pushed right: (一)'s 规章 prints ``5 278 24`` on one line (its only grid), (五)'s
#: 其他对外管理服务事项 1 (上一年项目数量) and 3 (处理决定数量) on its label's first two
#: lines, 本年增/减 blank.
_ANOTHER_SUB_TABLES_GRID = """2019年政府信息公开工作年度报告

二、主动公开政府信息情况
第二十条第（一）项
     本    本       对
     年    年       外
信息内  新 新 公
容    制 公 开
     作    开       总
     数    数       数
     量    量       量
规章   5 278 24
规范性  4
文件      73
第二十条第（五）项
     上    本       处
     一    年       理
信息内  年 增 决
容    项 / 定
     目    减       数
     数            量
     量
行政许 418
可
其他对  1
外管理      3
服务事
项
第二十条第（六）项
     上    本       处
     一    年       理
信息内  年 增 决
容    项 / 定
     目    减       数
     数            量
     量
行政处
罚    438 230
行政强 599
制      —
第二十条第（八）项
     上    本
     一    年
信息内  年 增
容    项 /
     目    减
     数
     量
行政事
业性收   68
费
第二十条第（九）项
     采    采
     购    购
     项    总
     目    金
     数    额
信息内  量 （
容         单
          位
          ：
          万
          元
          ）
政府集 41
中采购 0.2048
"""


def test_a_tall_rows_values_are_not_joined_by_another_sub_tables_grid() -> None:
    """其他对外管理服务事项's lines were joined by the extents of 规章's one line, a
    sub-table of other columns 13 lines up: 3 under 278 read as 本年增/减, and 处理决定数量
    claimed printed blank. A tall row of section 二 is joined by the grids of its own
    sub-table (and those whose header is aligned with it) alone; (五) prints none, so its
    cells are missing, said."""
    back = gr.parse(_ANOTHER_SUB_TABLES_GRID)
    keys = [f"proactive.other_services.{c}" for c in ("previous_items", "change", "decisions")]
    assert [back.cell(key).value for key in keys] == [None, None, None]
    assert not any(back.cell(key).blank for key in keys)
    assert [back.cell(f"proactive.rules.{c}").value for c in ("made", "published")] == [5, 278]


#: Section 三 of a narrow page (2021) over a page break: on the header's page each value
#: starts at its column's word (12, 16, … 36), past the break three characters further
#: right (15, 19, … 39), as ``pdftotext -layout`` lays out each page on its own. Past the
#: break 没有现成信息需要另行制作 prints 52 (自然人), 3 (科研机构, on its second line), 17
#: (法律服务机构) and 72 (总计); the page prints no row of all seven columns on one line.
_PAST_A_BREAK = "\n".join(
    (
        "2021年政府信息公开工作年度报告",
        "",
        "三、收到和处理政府信息公开申请情况",
        "（本列         申请人情况",
        *("数据的", "勾稽关", "系为：", "第一项", "加第二", "项之和", "，等于", "第三项"),
        *("加第四", "项之和", "）"),
        "            自然  法人或其他组织             总计",
        "            人",
        "                商业  科研  社会  法律  其他",
        "                企业  机构  公益  服务",
        "                        组织  机构",
        at_offsets("一、本", (12, "152"), (16, "318"), (24, "207"), (28, "44"), (36, "1060")),
        at_offsets("年新收", (20, "129"), (32, "210")),
        *("政府信", "息公开", "申请数", "量"),
        at_offsets("二、上", (12, "38"), (16, "17"), (24, "26"), (28, "9"), (36, "148")),
        at_offsets("年结转", (20, "31"), (32, "27")),
        *("政府信", "息公开", "申请数", "量"),
        at_offsets("三、本 （一）", (16, "40"), (24, "19"), (32, "8"), (36, "89")),
        at_offsets("年度办 予以公", (20, "22")),
        "理结果 开",
        at_offsets("    （二）", (12, "11"), (16, "107"), (24, "15"), (36, "133")),
        *("    部分公", "    开（区", "    分处理", "    的，只", "    计这一", "    情形，"),
        *("    不计其", "    他情形", "    ）"),
        at_offsets(
            "    （三） 1.属", *zip(range(16, 40, 4), ("12", "4", "3", "9", "6", "34"), strict=True)
        ),
        *("    不予公 于国家", "    开   秘密"),
        "\f" + at_offsets("    （四） 1.本", (19, "6"), (31, "4"), (39, "10")),
        *("    无法提 机关不", "    供   掌握相", "        关政府", "        信息"),
        at_offsets("        2.没", (15, "52"), (31, "17"), (39, "72")),
        at_offsets("        有现成", (23, "3")),
        *("        信息需", "        要另行", "        制作"),
        at_offsets("        3.补", (35, "5"), (39, "14")),
        at_offsets("        正后申", (23, "9")),
        *("        请内容", "        仍不明", "        确"),
    )
)


def test_a_row_past_a_page_break_is_not_placed_by_the_columns_of_the_page_before() -> None:
    """Placed by the columns of the header's page ((二)'s and (三)'s one-line rows), 52 was
    read as 商业企业's, 3 as 社会公益组织's and 17 as 其他's, and 自然人, 科研机构 and 法律服务
    机构 claimed printed blank (the row adds up either way). Past the break the page's own
    rows show no column: the row's cells are missing, said; the header's page reads on."""
    back = gr.parse(_PAST_A_BREAK)
    row = "applications.unavailable.needs_creation"
    columns = ("natural_person", "commercial_enterprise", "research_institution")
    columns += ("public_interest_organisation", "legal_service_agency", "other_organisation")
    keys = [f"{row}.{column}" for column in (*columns, "total")]
    assert [back.cell(key).value for key in keys] == [None] * 7
    assert not any(back.cell(key).blank for key in keys)
    assert any(
        d.code == "values-unplaced" and "没有现成信息需要另行制作" in d.message
        for d in back.diagnostics
    )
    secret = [back.cell(f"applications.denied.state_secret.{c}").value for c in columns]
    assert secret == [0, 12, 4, 3, 9, 6]
    partly = [back.cell(f"applications.partially_granted.{c}").value for c in columns]
    assert partly == [11, 107, 0, 15, 0, 0]


#: Section 二's (一) of a narrow page, counts right-aligned: 规范性文件 prints 268
#: (本年制发件数) and 4 (现行有效件数) on its label's first line and 3 (本年废止件数) on its
#: second, under the last digit of 268.
_REST_OR_OWN_2021 = "\n".join(
    (
        "某县某镇人民政府2022年政府信息公开工作年度报告",
        "",
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        *("   本   本   现", "   年   年   行", "信息 制 废 有"),
        *("   发   止   效", "   件   件   件", "   数   数   数"),
        "规章 518 276 9",
        "行政 268 4",
        "规范   3",
        "性文",
        "件",
    )
)
#: The same shape in 2019's template: 规范性文件 prints 58 (本年新制作数量) and 902
#: (对外公开总数量) on its label's first line and 6 (本年新公开数量) on its second, under
#: the last digit of 902.
_REST_OR_OWN_2019 = "\n".join(
    (
        "某县某镇人民政府2019年政府信息公开工作年度报告",
        "",
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        *("     本   本   对", "     年   年   外", "     新   新   公"),
        "信息内容 制 公 开",
        *("     作   开   总", "     数   数   数", "     量   量   量"),
        "规章 731 520 64",
        "规范性文 58 902",
        "件         6",
    )
)


def test_a_digit_under_a_counts_last_digit_that_may_be_a_value_of_its_own_is_not_placed() -> None:
    """行政规范性文件's 3 under the last digit of 268 was read as its wrapped rest (2683), 4
    as 本年废止件数's and 现行有效件数 claimed printed blank: in a narrow right-aligned
    cell 3 may be that rest or 本年废止件数's own, pushed left. The row's cells are
    missing, said; 规章's one line reads on."""
    back = gr.parse(_REST_OR_OWN_2021)
    keys = [f"proactive.normative_documents.{c}" for c in ("issued", "repealed", "in_force")]
    assert [back.cell(key).value for key in keys] == [None, None, None]
    assert not any(back.cell(key).blank for key in keys)
    assert any(d.code == "values-unplaced" and d.line == 12 for d in back.diagnostics)
    rules = [back.cell(f"proactive.rules.{c}").value for c in ("issued", "repealed", "in_force")]
    assert rules == [518, 276, 9]
    back = gr.parse(_REST_OR_OWN_2019)
    keys = [f"proactive.normative_documents.{c}" for c in ("made", "published", "total_published")]
    assert [back.cell(key).value for key in keys] == [None, None, None]
    assert not any(back.cell(key).blank for key in keys)


#: Section 二's (一) under a header line that packs its words one space apart (``信息内容
#: 制 废 有``), its other lines setting the same words elsewhere: 规章 prints 47
#: (本年制发件数) and 913 (现行有效件数), 本年废止件数 blank; 行政规范性文件 326, 5 and 318
#: on a line between its label's two.
_PACKED_2021 = "\n".join(
    (
        "某县某镇人民政府2022年政府信息公开工作年度报告",
        "",
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        *("     本       本 现", "     年       年 行", "信息内容 制 废 有"),
        *("     发       止 效", "     件       件 件", "     数       数 数"),
        "规章  47 913",
        "行政规范",
        "   326 5 318",
        "性文件",
    )
)
#: The same in 2019's template: 规章 62 (本年新制作数量) and 847 (对外公开总数量).
_PACKED_2019 = "\n".join(
    (
        "某县某镇人民政府2019年政府信息公开工作年度报告",
        "",
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        *("     本       本 对", "     年       年 外", "     新       新 公"),
        "信息内容 制 公 开",
        *("     作       开 总", "     数       数 数", "     量       量 量"),
        "规章  62 847",
        "规范性文",
        "   409 7 356",
        "件",
    )
)


def test_a_row_short_of_its_cells_under_a_packed_header_is_not_placed() -> None:
    """规章's 47 stands under 本年废止件数's word in the grid of 行政规范性文件's line and under
    本年制发件数's on the header: read as 本年废止件数's, 本年制发件数 claimed printed blank.
    Under a header line packing its words one space apart no offset names a column: the
    row's cells are missing, said; a row printing every cell on its line reads in order."""
    back = gr.parse(_PACKED_2021)
    keys = [f"proactive.rules.{c}" for c in ("issued", "repealed", "in_force")]
    assert [back.cell(key).value for key in keys] == [None, None, None]
    assert not any(back.cell(key).blank for key in keys)
    assert any(d.code == "values-unplaced" and d.line == 11 for d in back.diagnostics)
    documents = [f"proactive.normative_documents.{c}" for c in ("issued", "repealed", "in_force")]
    assert [back.cell(key).value for key in documents] == [326, 5, 318]
    back = gr.parse(_PACKED_2019)
    keys = [f"proactive.rules.{c}" for c in ("made", "published", "total_published")]
    assert [back.cell(key).value for key in keys] == [None, None, None]
    assert not any(back.cell(key).blank for key in keys)
    documents = [
        f"proactive.normative_documents.{c}" for c in ("made", "published", "total_published")
    ]
    assert [back.cell(key).value for key in documents] == [409, 7, 356]


#: 2019's (八) of a narrow page, labels two spaces from the header's packed words (``信息内
#: 年 增``): 行政事业性收费 prints 4 (本年增/减) alone, 上一年项目数量 blank.
_PACKED_AFTER_TWO_SPACES = "\n".join(
    (
        "某县某镇人民政府2019年政府信息公开工作年度报告",
        "",
        "二、主动公开政府信息情况",
        "第二十条第（八）项",
        *("     上    本", "     一    年", "信息内  年 增", "容    项 /"),
        *("     目    减", "     数", "     量"),
        "行政事",
        "业性收    4",
        "费",
    )
)


def test_a_lone_value_under_a_header_packed_after_two_spaces_is_not_placed() -> None:
    """行政事业性收费's 4 (under 增 of the packed line, between 上 and 本 of the others) was
    read as 上一年项目数量's and 本年增/减 claimed printed blank. A header line whose column
    words stand one space apart is packed whether the label's piece stands one or two
    spaces before them: the row's cells are missing, said."""
    back = gr.parse(_PACKED_AFTER_TWO_SPACES)
    keys = [f"proactive.fees.{c}" for c in ("previous_items", "change")]
    assert [back.cell(key).value for key in keys] == [None, None]
    assert not any(back.cell(key).blank for key in keys)
    assert any(d.code == "values-unplaced" and d.line == 13 for d in back.diagnostics)
