"""Values centred in a row made tall by its wrapped label, as ``pdftotext -layout`` prints a
browser's PDF (issue 45 item 1): the first lines of a label stand alone, the row's values on a
later line of their own or beside a later piece (``一、本年新收`` / ``政府信息公开  21  3`` /
``申请数量``). A line that may begin such a label is no row of blank cells: a label that
matches a row there must not make its printed values blanks."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given

import govinfo_report as gr
from govinfo_report.write.render import render

from conftest import report_around, scaled, wrong
from manglers import CentredRows
from strategies import sparse_reports

#: A 2019 report's section 三 as ``pdftotext -layout`` prints it with its label columns six
#: characters wide (typed for this test; sections 二 and 四 left out).
TEXT = """平安镇人民政府2019年政府信息公开工作年度报告

一、总体情况

2019年，平安镇认真落实政府信息公开工作要求。

三、收到和处理政府信息公开申请情况

（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）  申请人情况
                                    自然人  法人或其他组织                         总计
                                         商业企业  科研机构  社会公益组织  法律服务机构  其他
一、本年新收
政府信息公开                              21   3                   1           25
申请数量
二、上年结转
政府信息公开                              2                                    2
申请数量
三、本年度办  （一）予以公
                                    12   2                               14
理结果     开
        （二）部分公
        开（区分处理
        的，只计这一                      3                                    3
        情形，不计其
        他情形）
        （三）不予公  1.属于国家
        开       秘密
                2.其他法律
                行政法规禁止
                公开
                3.危及“三
                安全一稳定”
                4.保护第三
                                    1                                    1
                方合法权益
                5.属于三类
                内部事务信息
                6.属于四类
                过程性信息
                7.属于行政
                执法案卷
                8.属于行政
                查询事项
        （四）无法提  1.本机关不
        供       掌握相关政府              4    1                   1           6
                信息
                2.没有现成
                信息需要另行
                制作
                3.补正后申
                请内容仍不明
                确
        （五）不予处  1.信访举报
        理       投诉类申请
                2.重复申请              1                                    1
                3.要求提供
                公开出版物
                4.无正当理
                由大量反复申
                请
                5.要求行政
                机关确认或重
                新出具已获取
                信息
        （六）其他处
        理
        （七）总计                       21   3                   1           25
四、结转下年
                                    2                                    2
度继续办理

五、存在的主要问题及改进情况

无。

六、其他需要报告的事项

无。

平安镇人民政府
2020年1月15日
"""

#: The values the text prints in the rows whose label's first line stands alone.
PRINTED = {
    "applications.new.natural_person": 21,
    "applications.new.commercial_enterprise": 3,
    "applications.new.legal_service_agency": 1,
    "applications.new.total": 25,
    "applications.carried_over.natural_person": 2,
    "applications.carried_over.total": 2,
    "applications.carried_forward.natural_person": 2,
    "applications.carried_forward.total": 2,
}


def test_a_labels_first_line_alone_claims_no_blank_cells() -> None:
    """``一、本年新收`` alone on its line names the row 本年新收, whose values come on the
    next line: its cells are read as printed or left missing, never claimed blank."""
    report = gr.parse(TEXT)
    for key, value in PRINTED.items():
        cell = report.cell(key)
        assert cell.provenance != "blank", key
        assert cell.value in (None, value), key


def test_a_label_wrapped_around_its_values_names_its_row() -> None:
    """``一、本年新收`` / ``政府信息公开  21  3 …`` / ``申请数量``: the values sit beside
    the middle piece of a label wrapped over three lines; the pieces above and below join
    it into the row's label, and the row is read by its columns."""
    report = gr.parse(TEXT)
    assert {key: report.cell(key).value for key in PRINTED} == PRINTED
    assert not [d for d in report.diagnostics if d.code == "values-unplaced"]


#: Section 三's counts of a made-up report: a few in its first column, more in 其他.
SPARSE = {
    "applications.new.natural_person": 15,
    "applications.new.commercial_enterprise": 1,
    "applications.new.other_organisation": 32,
    "applications.new.total": 48,
    "applications.denied.third_party_rights.natural_person": 1,
    "applications.denied.third_party_rights.total": 1,
    "applications.denied.internal_affairs.commercial_enterprise": 1,
    "applications.denied.internal_affairs.total": 1,
    "applications.denied.administrative_inquiry.natural_person": 14,
    "applications.denied.administrative_inquiry.total": 14,
    "applications.not_processed.petition_complaint.other_organisation": 32,
    "applications.not_processed.petition_complaint.total": 32,
    "applications.total.natural_person": 15,
    "applications.total.commercial_enterprise": 1,
    "applications.total.other_organisation": 32,
    "applications.total.total": 48,
}


def test_sub_row_labels_on_lines_of_their_own_head_no_column() -> None:
    """No row prints a value beside a sub-row's label (``4.保护第三`` / values /
    ``方合法权益``), so the labels printed beside values end left of the sub-row labels'
    column: that column, on lines of its own below the header, is no blank value column.
    And ``8.属于行政`` / values / ``查询事项`` takes its second piece alone, though the next
    row's first line (``（四）无法提  1.本机关不``) follows it. Every count is read."""
    every = {field.key: 0 for field in gr.fields("2019")}
    every.update(SPARSE)
    text = render(
        gr.Report.from_values(every, template="2019", organisation="平安镇人民政府", year=2019),
        CentredRows(),
        blank_zeros=True,
    )
    lines = text.split("\n")
    inquiry = lines.index(next(line for line in lines if line.strip() == "8.属于行政"))
    assert lines[inquiry + 1].split() == ["14", "14"]
    assert lines[inquiry + 2].strip() == "查询事项"
    assert "（四）无法提" in lines[inquiry + 3]
    report = gr.parse(text)
    assert {key: report.cell(key).value for key in SPARSE} == SPARSE


#: Section 二 as ``pdftotext`` prints a Word PDF with narrow columns (typed for this test):
#: 行政规范性文件 wraps over four lines; its 现行有效件数 ``25``, its ``件`` on a later line,
#: comes before the row's other two values, ``4件 2件``.
LOOSE = """青崖县林业局2022年政府信息公开工作年度报告

二、主动公开政府信息情况

第二十条第（一）项

信息
内容

规章

本年
制发
件数

本年
废止
件数

现行
有效
件数

0件 0件 0件

行政
规范
25
4件 2件
性文
件
件
第二十条第（五）项
信息
内容

本年处理决定数
量

行政
许可

316 件
"""


def test_values_gathered_from_several_lines_do_not_complete_a_wrapped_label() -> None:
    """``规范`` / ``25`` / ``4件 2件``: the row's values come from two lines in an order that
    is not its columns' (25 is the last column's), and section 二 has no rule to tell: its
    label is not completed from the pieces around it, and its cells are left missing."""
    report = gr.parse(LOOSE)
    keys = [
        f"proactive.normative_documents.{column}" for column in ("issued", "repealed", "in_force")
    ]
    truth = dict(zip(keys, (4, 2, 25), strict=True))
    assert wrong(report, truth) == {}
    assert [report.cell(key).value for key in keys] == [None, None, None]


#: Section 二 of a 2019 report as ``pdftotext -layout`` prints a PDF whose label column is
#: two characters wide (typed for this test; sections 三 and 四 left out): a row made tall
#: by its label prints its values on a line of their own between the label's pieces, each
#: count's unit on the line below it, and its first cells blank (``行政`` / ``1`` under
#: 本年增/减 / ``处罚  项``).
UNITS_BELOW = """青石镇人民政府2019年政府信息公开工作年度报告

一、总体情况

2019年，青石镇认真落实政府信息公开工作要求。

二、主动公开政府信息情况

            第二十条第（一）项
            信息内容    本年新制作数量      本年新公开数量         对外公开总数量
            规章      1            1               4
                    件            件               件
            规范
            性文      6            6               31
            件       件            件               件
            第二十条第（五）项
            信息内容    上一年项目数量      本年增/减     处理决定数量
            行政
                    35                     12
            许可      项                      件
            其他
            对外
            管理                   2         40
            服务                   项         件
            事项
            第二十条第（六）项
            信息内容    上一年项目数量      本年增/减     处理决定数量
            行政
                                 1
            处罚                   项
            行政
                                           7
            强制                             件
            第二十条第（八）项
            信息内容    上一年项目数量      本年增/减
            行政
            事业
                                 -12
            性收                   项
            费
            第二十条第（九）项
            信息内容    采购项目数量       采购总金额（单位：万元）
            政府
            集中                   12.5
            采购

三、收到和处理政府信息公开申请情况

本年度未收到政府信息公开申请。
"""

#: The cells of section 二 as printed: counts, and blank cells (None).
UNITS_BELOW_CELLS = {
    "proactive.rules.made": 1,
    "proactive.rules.published": 1,
    "proactive.rules.total_published": 4,
    "proactive.normative_documents.made": 6,
    "proactive.normative_documents.published": 6,
    "proactive.normative_documents.total_published": 31,
    "proactive.licensing.previous_items": 35,
    "proactive.licensing.change": None,
    "proactive.licensing.decisions": 12,
    "proactive.other_services.previous_items": None,
    "proactive.other_services.change": 2,
    "proactive.other_services.decisions": 40,
    "proactive.penalties.previous_items": None,
    "proactive.penalties.change": 1,
    "proactive.penalties.decisions": None,
    "proactive.coercive_measures.previous_items": None,
    "proactive.coercive_measures.change": None,
    "proactive.coercive_measures.decisions": 7,
    "proactive.fees.previous_items": None,
    "proactive.fees.change": -12,
}


def test_a_value_on_a_line_of_its_own_stands_under_its_own_header_word() -> None:
    """No label is printed beside the values of 行政处罚, 行政强制 or 行政事业性收费, so the
    label column ends where their labels' pieces do, not at their first value: the header
    words between (上一年项目数量) head blank columns, and ``1`` is 行政处罚's 本年增/减,
    not its 上一年项目数量. ``管理  2  40`` beside the middle piece of 其他对外管理服务事项
    joins the pieces around it, though fewer below (``服务``) name the row too. Every
    printed count is read in its column, every blank cell blank."""
    report = gr.parse(UNITS_BELOW)
    assert wrong(report, {"proactive.procurement.amount": Decimal("12.5")}) == {}
    assert {key: report.cell(key).value for key in UNITS_BELOW_CELLS} == UNITS_BELOW_CELLS
    blanks = [key for key, value in UNITS_BELOW_CELLS.items() if value is None]
    assert [report.cell(key).provenance for key in blanks] == ["blank"] * len(blanks)


#: Section 二 of a 2021 report laid out cell by cell, two spaces after each column's widest
#: cell, its label column wrapped six characters a line (typed for this test): no row
#: prints a label beside its values, which stand on a line of their own between the label's
#: pieces, each count's unit on the line below (``行政规范性文`` / ``5  2`` / ``件  件  件``).
OWN_LINES = """青石镇人民政府2021年政府信息公开工作年度报告

一、总体情况

2021年，青石镇认真落实政府信息公开工作要求。

二、主动公开政府信息情况
第二十条第（一）项
信息内容       本年制发件数         本年废止件数  现行有效件数
规章
行政规范性文
           5              2
件          件              件
第二十条第（五）项
信息内容       本年处理决定数量
行政许可
第二十条第（六）项
信息内容       本年处理决定数量
行政处罚
行政强制
第二十条第（八）项
信息内容       本年收费金额（单位：万元）
行政事业性收
           3.5
费

三、收到和处理政府信息公开申请情况

本年度未收到政府信息公开申请。
"""


def test_label_pieces_on_lines_of_their_own_make_a_label_column() -> None:
    """The label column's offset is no value column, though no value shares a line with a
    label: ``5`` under 本年制发件数 is 行政规范性文件's 本年制发件数, not the column after,
    and the unit lines below the values head no column."""
    report = gr.parse(OWN_LINES)
    truth = {
        "proactive.normative_documents.issued": 5,
        "proactive.normative_documents.repealed": 2,
        "proactive.normative_documents.in_force": None,
        "proactive.fees.amount": Decimal("3.5"),
    }
    assert wrong(report, truth) == {}
    assert report.cell("proactive.normative_documents.issued").value == 5
    assert report.cell("proactive.normative_documents.repealed").value == 2


def _false_blanks(back: gr.Report, report: gr.Report) -> dict[str, object]:
    """The cells ``back`` claims blank where ``report`` prints a number."""
    return {
        key: value
        for key, value in report.flat().items()
        if value not in (0, None) and back.cell(key).provenance == "blank"
    }


#: The unit a Word PDF's section 二 prints after each count, wrapped onto the line below it
#: in a narrow cell (``258`` / ``项``): items for 上一年项目数量 and its change, documents
#: and decisions for the others; amounts print none.
UNITS = {
    **dict.fromkeys(("本年新制作数量", "本年新公开数量", "对外公开总数量"), "件"),
    **dict.fromkeys(("上一年项目数量", "本年增/减", "采购项目数量"), "项"),
    **dict.fromkeys(("处理决定数量", "本年处理决定数量"), "件"),
    **dict.fromkeys(("本年制发件数", "本年废止件数", "现行有效件数"), "件"),
}


@pytest.mark.parametrize(
    "writer",
    [
        CentredRows(wrap=3),
        CentredRows(wrap=6),
        CentredRows(wrap=2, units=UNITS),
        CentredRows(wrap=6, units=UNITS),
        CentredRows(wrap=2, centred=3),
        CentredRows(wrap=4, centred=3),
        CentredRows(wrap=2, centred=4),
        CentredRows(wrap=4, spaced=True),
        CentredRows(wrap=2, centred=3, spaced=True, page=4, moved=-3),
    ],
    ids=[
        "wrap3",
        "wrap6",
        "wrap2-units",
        "wrap6-units",
        "wrap2-centred",
        "wrap4-centred",
        "wrap2-centred-edge",
        "wrap4-spaced",
        "wrap2-centred-spaced-page",
    ],
)
@scaled(0.3)
@given(report=sparse_reports())
def test_values_centred_in_tall_rows_are_never_wrong_nor_blank(
    writer: CentredRows, report: gr.Report
) -> None:
    """Whatever is read of a table whose labels wrap (every ``wrap`` characters: a label
    over three lines or more puts the values beside a middle piece; a line narrower than
    the one above centred under it, ``centred`` characters right, up to where the line
    above ends in display columns) and whose values are
    centred in the height of their rows, their units (if any) on the line below them, is
    right: no wrong number, no printed number claimed blank."""
    back = gr.parse(render(report, writer, blank_zeros=True))
    assert wrong(back, {k: None if v == 0 else v for k, v in report.flat().items()}) == {}
    assert _false_blanks(back, report) == {}


#: Section 三 as ``pdftotext -layout`` prints a browser's PDF whose sub-row label column is
#: two characters wide (typed for this test; sections 二 and 四 left out): each row's values
#: on a line of their own among its label's pieces, a piece narrower than the one above
#: centred under it (``家秘`` / ``密``, ``3.危`` / ``及“``), in characters three columns right.
NARROW = """三、收到和处理政府信息公开申请情况

                                  申请人情况
（本列数据的勾稽关系为：第一项加  法人或其他组织
第二项之和，等于第三项加第四项之和）
                自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计

一、本年新收
政府信息公开          10   2    0    0    0    0    12
申请数量

二、上年结转
政府信息公开          0    0    0    0    0    0    0
申请数量

   （一）予以
                5    1    0    0    0    0    6
    公开

   （二）部分
                1    0    0    0    0    0    1
    公开

        1.属
        于国
                1    0    0    0    0    0    1
        家秘
           密

        2.其
        他法
        律行
        政法      0    0    0    0    0    0    0
        规禁
        止公
           开

        3.危
           及“
        三安
                2    0    0    0    0    0    2
        全一
        稳定
           ”

        4.保
        护第
        三方      0    1    0    0    0    0    1
        合法
        权益

        5.属
        于三
        类内
                0    0    0    0    0    0    0
        部事
        务信
           息

        6.属
        于四
        类过      0    0    0    0    0    0    0
        程性
        信息

        7.属
        于行
        政执      0    0    0    0    0    0    0
        法案
           卷

        8.属
        于行
        政查      0    0    0    0    0    0    0
        询事
           项

        1.本
        机关
        不掌
        握相      1    0    0    0    0    0    1
        关政
        府信
           息

        2.没
        有现
        成信
        息需      0    0    0    0    0    0    0
        要另
        行制
           作

        3.补
        正后
        申请
                0    0    0    0    0    0    0
        内容
        仍不
        明确

        1.信
        访举
        报投      0    0    0    0    0    0    0
        诉类
        申请

        2.重
        复申      0    0    0    0    0    0    0
           请

        3.要
        求提
        供公      0    0    0    0    0    0    0
        开出
        版物

        4.无
        正当
        理由
                0    0    0    0    0    0    0
        大量
        反复
        申请

        5.要
        求行
        政机
        关确
        认或
                0    0    0    0    0    0    0
        重新
        出具
        已获
        取信
           息

        1.申
        请人
        无正
        当理
        由逾
        期不
        补正
        、行
                0    0    0    0    0    0    0
        政机
        关不
        再处
        理其
        政府
        信息
        公开
        申请

        2.申
        请人
        逾期
        未按
        收费
        通知
        要求
        缴纳
        费用
                0    0    0    0    0    0    0
        、行
        政机
        关不
        再处
        理其
        政府
        信息
        公开
        申请

        3.其
                0    0    0    0    0    0    0
           他

   （七）总计        10   2    0    0    0    0    12

四、结转下
年度继续办           0    0    0    0    0    0    0
理"""

#: The values NARROW prints that are not 0.
NARROW_PRINTED = {
    "applications.new.natural_person": 10,
    "applications.new.commercial_enterprise": 2,
    "applications.new.total": 12,
    "applications.granted.natural_person": 5,
    "applications.granted.commercial_enterprise": 1,
    "applications.granted.total": 6,
    "applications.partially_granted.natural_person": 1,
    "applications.partially_granted.total": 1,
    "applications.denied.state_secret.natural_person": 1,
    "applications.denied.state_secret.total": 1,
    "applications.denied.security_stability.natural_person": 2,
    "applications.denied.security_stability.total": 2,
    "applications.denied.third_party_rights.commercial_enterprise": 1,
    "applications.denied.third_party_rights.total": 1,
    "applications.unavailable.not_held.natural_person": 1,
    "applications.unavailable.not_held.total": 1,
    "applications.total.natural_person": 10,
    "applications.total.commercial_enterprise": 2,
    "applications.total.total": 12,
}


def test_a_labels_centred_pieces_join_it() -> None:
    """Every row of NARROW is named by its own label, its centred pieces joined (``1.属`` /
    ``于国`` / values / ``家秘`` / ``密``), a numbered piece ending the pieces above (``开``,
    the last of 2.其他法律…禁止公开's, centred over ``3.危``, is none of 3.危及…'s), so no
    row is left to its neighbours' order; every value is read."""
    report = report_around(NARROW)
    named = [d.message for d in report.diagnostics if d.code in ("row-by-order", "unknown-label")]
    assert named == []
    printed = {key: 0 for key in report.flat() if key.startswith("applications.")}
    printed.update(NARROW_PRINTED)
    assert {key: report.cell(key).value for key in printed} == printed


#: NARROW with 3.其他 printing 2 for 自然人 (its 总计 2, and the table's totals 2 more) and
#: its last piece ``他`` four characters right of ``3.其``: where that piece's glyphs end
#: in display columns, as ``pdftotext -layout`` rounds a narrow line centred under a wider
#: one (``3.其`` / ``2 … 2`` / ``    他``).
EDGE = (
    NARROW.replace(
        "        3.其\n                0    0    0    0    0    0    0\n           他",
        "        3.其\n                2    0    0    0    0    0    2\n            他",
    )
    .replace(
        "政府信息公开          10   2    0    0    0    0    12",
        "政府信息公开          12   2    0    0    0    0    14",
    )
    .replace(
        "（七）总计        10   2    0    0    0    0    12",
        "（七）总计        12   2    0    0    0    0    14",
    )
)


def test_a_piece_starting_where_the_piece_above_ends_joins_the_label() -> None:
    """``他`` starts where ``3.其`` ends in display columns (four characters right in
    ``pdftotext``'s count): it is the label's next piece, so the row names 3.其他 (其他处理)
    itself and its 2 is read there, not left to its neighbours' order."""
    assert EDGE.count("12   2    0    0    0    0    14") == 2 and "            他" in EDGE
    report = report_around(EDGE)
    named = [d.message for d in report.diagnostics if d.code in ("row-by-order", "unknown-label")]
    assert named == []
    other = report.cell("applications.other.other.natural_person")
    assert (other.value, other.provenance) == (2, "parsed")
    assert report.cell("applications.other.other.total").value == 2
    assert report.cell("applications.new.natural_person").value == 12


#: Section 二 of a made-up 2021 report as ``pdftotext -layout`` prints a narrow label
#: column (typed for this test): 行政强制's 6 on the middle line of its label, ``强制`` right
#: under it, and 行政事业性收费 after it printing no value, so 6 is the table's last value.
LAST_WRAPPED = """二、主动公开政府信息情况

                    第二十条第（一）项
                    信息       本年     本年     现行
                    内容       制发     废止     有效
                               件数     件数     件数
                    规章        1        0        5
                    行政
                    规范        3        1        12
                    性文件

                    第二十条第（五）项
                    信息       本年处理决定数量
                    内容
                    行政
                                25
                    许可

                    第二十条第（六）项
                    信息       本年处理决定数量
                    内容
                    行政
                                8
                    处罚

                    行政
                                6
                    强制

                    第二十条第（八）项
                    信息       本年收费金额
                    内容      （单位：万元）
                    行政
                    事业
                    性收
                    费
"""


def test_the_last_values_label_piece_after_them_is_the_tables() -> None:
    """``强制``, on the line right after the table's last value, ends 行政强制's label (the
    table's region runs on over it): 行政强制 is read, 6, not left to a row ``行政``."""
    report = gr.parse(
        "青石县水务局2021年政府信息公开工作年度报告\n\n一、总体情况\n\n"
        "2021年，青石县水务局认真落实政府信息公开工作要求。\n\n"
        + LAST_WRAPPED
        + "\n三、收到和处理政府信息公开申请情况\n\n无。\n\n"
        "四、政府信息公开行政复议、行政诉讼情况\n\n无。\n\n"
        "五、存在的主要问题及改进情况\n\n无。\n\n六、其他需要报告的事项\n\n无。\n\n"
        "青石县水务局\n2022年1月20日\n"
    )
    cell = report.cell("proactive.coercive_measures.decisions")
    assert (cell.value, cell.provenance) == (6, "parsed")
    assert report.cell("proactive.penalties.decisions").value == 8
    assert not [d for d in report.diagnostics if d.code == "unknown-label"]
