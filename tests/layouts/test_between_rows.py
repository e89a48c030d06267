"""A tall cell's value printed on a line of its own between two rows of space-aligned
text (lynx, inscriptis, ``pdftotext -layout``: a cell centred vertically). The layout gives
it to the row above; where the row below leaves its column blank, it may be that row's, so
the row below must not claim the cell printed blank (nor the row above take it where its
own line leaves the column blank)."""

from __future__ import annotations

from decimal import Decimal

import govinfo_report as gr

from conftest import wrong

#: A 2019 report's section 二 as lynx prints it (typed for this test): 行政强制's
#: 处理决定数量 (7) is printed on a line of its own above its row's line, under 行政处罚's,
#: which ends in 7 too (so 行政处罚 may take it for its merged cell printed again).
PROACTIVE = """青岚县市场监督管理局2019年政府信息公开工作年度报告

一、总体情况
2019年，青岚县市场监督管理局认真落实政府信息公开工作要求。

二、主动公开政府信息情况
第二十条第（一）项
信息内容              本年新制作数量  本年新公开数量            对外公开总数量
规章                  2               2                         14
规范性文件            5               5                         31
第二十条第（五）项
信息内容              上一年项目数量  本年增/减                 处理决定数量
行政许可              12              +1                        40
其他对外管理服务事项  3               0                         9
第二十条第（六）项
信息内容              上一年项目数量  本年增/减                 处理决定数量
行政处罚              6               -1                        7
                                                                7
行政强制              2               0
第二十条第（八）项
信息内容              上一年项目数量  本年增/减
行政事业性收费        1               0
第二十条第（九）项
信息内容              采购项目数量    采购总金额（单位：万元）
政府集中采购          4               126.5

五、存在的主要问题及改进情况
无。

六、其他需要报告的事项
无。
"""

#: 行政处罚's line, and the columns of its sub-table.
ROW_ABOVE = "行政处罚              6               -1                        7"
COLUMNS = ("previous_items", "change", "decisions")

#: The same section with 规章's 对外公开总数量 (14) printed on the line below its row's,
#: and 规范性文件's 对外公开总数量 not given (a gap): 14 may be either row's.
BELOW = PROACTIVE.replace(
    "规章                  2               2                         14\n"
    "规范性文件            5               5                         31\n",
    "规章                  2               2\n"
    "                                                                14\n"
    "规范性文件            5               5\n",
)


def test_a_value_above_its_row_equal_to_the_row_above_s_last_is_never_claimed_blank() -> None:
    """行政强制's 7, printed between 行政处罚 (ending in 7) and 行政强制: 行政强制's
    处理决定数量 is 7 or missing, never printed blank, and said; its other cells are read as
    printed. 行政处罚's are its own or missing (a 7 under its 7 may be the rest of a
    number wrapped in its cell, 77)."""
    report = gr.parse(PROACTIVE)
    decisions = report.cell("proactive.coercive_measures.decisions")
    assert decisions.value in (7, None)
    assert not decisions.blank
    coercive = [report.cell(f"proactive.coercive_measures.{key}").value for key in COLUMNS[:2]]
    assert coercive == [2, 0]
    penalties = [report.cell(f"proactive.penalties.{key}") for key in COLUMNS]
    assert [cell.value for cell in penalties if cell.value is not None] in ([], [6, -1, 7])
    assert not any(cell.blank for cell in penalties)
    assert [d for d in report.diagnostics if d.code == "values-unplaced" and d.line == 19]


def test_a_value_between_a_row_and_the_next_s_label_makes_no_label_pieces() -> None:
    """行政处罚 printing its 处理决定数量 blank, 行政强制's 7 between them: the 2 and 0 of
    行政强制's line are its own cells, not the last digits of 行政处罚's 6 and -1 wrapped in
    narrow cells (62, -10): 行政处罚's label is narrower than 其他对外管理服务事项's, so it
    is no piece of a label wrapped in its column."""
    report = gr.parse(PROACTIVE.replace(ROW_ABOVE, ROW_ABOVE[: ROW_ABOVE.rindex("7")].rstrip()))
    assert [report.cell(f"proactive.penalties.{key}").value for key in COLUMNS[:2]] == [6, -1]
    assert report.cell("proactive.penalties.decisions").value is None
    coercive = [report.cell(f"proactive.coercive_measures.{key}") for key in COLUMNS]
    assert [cell.value for cell in coercive[:2]] == [2, 0]
    assert coercive[2].value in (7, None) and not coercive[2].blank


def test_a_value_below_its_row_where_the_next_row_leaves_its_column_blank_is_either_row_s() -> None:
    """规章's 14, on the line below its row's, over 规范性文件's gap in that column: it may
    be either row's, so neither cell is read (not 14 for 规范性文件, not printed blank); the
    rows' other cells are."""
    report = gr.parse(BELOW)
    assert report.cell("proactive.rules.total_published").value in (14, None)
    others = report.cell("proactive.normative_documents.total_published")
    assert others.value is None and not others.blank
    assert [report.cell(f"proactive.rules.{key}").value for key in ("made", "published")] == [2, 2]
    assert [
        report.cell(f"proactive.normative_documents.{key}").value for key in ("made", "published")
    ] == [5, 5]


#: A 2021 report's section 三 as ``pdftotext -layout`` prints it (in characters; values
#: made up for this test): 予以公开's 总计 (8) on a line of its own above its row's line,
#: under 上年结转's 总计 (1). A line too long for the source goes on after a backslash.
APPLICATIONS = """青岚县市场监督管理局2021年政府信息公开工作年度报告

一、总体情况
2021年，青岚县市场监督管理局认真落实政府信息公开工作要求。

三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）                        \
 申请人情况
                                                           自然人  法人或其他组织               \
          总计
                                                                商业企业  科研机构 \
 社会公益组织  法律服务机构  其他
一、本年新收政府信息公开申请数量                                           9    2     0     0   \
    1       0   12
二、上年结转政府信息公开申请数量                                           1    0     0     0   \
    0       0   1
                                                                                                8
三、本年度办理结果  （一）予以公开                                         6    1     0     0   \
    1       0
           （二）部分公开（区分处理的，只计这一情形，不计其他情形）                    2    0   \
  0     0       0       0   2
           （三）不予公开  1.属于国家秘密                               0    0     0     0      \
 0       0   0
                    2.其他法律行政法规禁止公开                         0    0     0     0      \
 0       0   0
                    3.危及“三安全一稳定”                           0    0     0     0       0   \
    0   0
                    4.保护第三方合法权益                            0    0     0     0       0  \
     0   0
                    5.属于三类内部事务信息                           0    0     0     0       0 \
      0   0
                    6.属于四类过程性信息                            0    0     0     0       0  \
     0   0
                    7.属于行政执法案卷                             0    0     0     0       0   \
    0   0
                    8.属于行政查询事项                             0    0     0     0       0   \
    0   0
           （四）无法提供  1.本机关不掌握相关政府信息                         1    1     0    \
 0       0       0   2
                    2.没有现成信息需要另行制作                         0    0     0     0      \
 0       0   0
                    3.补正后申请内容仍不明确                          0    0     0     0      \
 0       0   0
           （五）不予处理  1.信访举报投诉类申请                            0    0     0     0   \
    0       0   0
                    2.重复申请                                 0    0     0     0       0      \
 0   0
                    3.要求提供公开出版物                            0    0     0     0       0  \
     0   0
                    4.无正当理由大量反复申请                          0    0     0     0      \
 0       0   0
                    5.要求行政机关确认或重新出具已获取信息                   0    0     0     0 \
      0       0   0
           （六）其他处理  1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请     \
 0    0     0     0       0       0   0
                    2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请  0 \
   0     0     0       0       0   0
                    3.其他                                   0    0     0     0       0       0 \
  0
           （七）总计                                           9    2     0     0       1      \
 0   12
四、结转下年度继续办理                                                1    0     0     0      \
 0       0   1

五、存在的主要问题及改进情况
无。

六、其他需要报告的事项
无。
"""

#: The counts the text prints in section 三 (the rows not named print zeros).
PRINTED = {
    "new": (9, 2, 0, 0, 1, 0, 12),
    "carried_over": (1, 0, 0, 0, 0, 0, 1),
    "granted": (6, 1, 0, 0, 1, 0, 8),
    "partially_granted": (2, 0, 0, 0, 0, 0, 2),
    "unavailable.not_held": (1, 1, 0, 0, 0, 0, 2),
    "total": (9, 2, 0, 0, 1, 0, 12),
    "carried_forward": (1, 0, 0, 0, 0, 0, 1),
}


def test_a_total_above_its_row_in_section_three_is_never_claimed_blank() -> None:
    """予以公开's 总计 (8), printed between 上年结转 and 予以公开: read, derived by the
    row's sum, or missing, never printed blank; no cell of the section is wrong."""
    report = gr.parse(APPLICATIONS)
    total = report.cell("applications.granted.total")
    assert total.value in (8, None)
    assert not total.blank
    columns = [f.column for f in gr.fields("2021") if f.key.startswith("applications.new.")]
    truth = {f.key: 0 for f in gr.fields("2021") if f.section == "applications"} | {
        f"applications.{row}.{column}": value
        for row, counts in PRINTED.items()
        for column, value in zip(columns, counts, strict=True)
    }
    assert wrong(report, truth) == {}
    granted = [report.cell(f"applications.granted.{column}").value for column in columns[:6]]
    assert granted == [6, 1, 0, 0, 1, 0]


#: A 2021 report as ``pdftotext -layout`` prints a narrow page (header cells one character a
#: line, labels four; values made up for this test), read one cell a line (most value lines
#: hold their value alone): (六)'s two one-column rows print 27 on a line of its own between
#: 行政处罚 and 行政强制, right of both labels. A tall cell's value centred between rows, it
#: may be 行政处罚's (行政强制 printing 0 as a blank) or 行政强制's (行政处罚 blank).
#: 行政事业性收费's 1.5 stands between its own label's two pieces.
NARROW = """松溪县交通运输局2021年政府信息公开工作年度报告

一、总体情况
无。

二、主动公开政府信息情况
第二十条第（一）项
           本       本    现
           年       年    行
信息内容       制       废    有
           发       止    效
           件       件    件
           数       数    数
规章         5       9
行政规范
                   412
性文件
第二十条第（五）项
           本
           年
           处
信息内容       理
           决
           定
           数
           量
行政许可       64
第二十条第（六）项
           本
           年
           处
信息内容       理
           决
           定
           数
           量
行政处罚
               27
行政强制
第二十条第（八）项
           本
           年
           收
           费
           金
           额
信息内容       （
           单
           位
           ：
           万
           元
           ）
行政事业
           1.5
性收费

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
一、本年
新收政府
                  232  235  507  42   316       1332
信息公开
申请数量
二、上年
结转政府
                  257  137       363  88   333  1178
信息公开
申请数量
三、本年  （一）予
度办理结  以公开         17   24   33   9    22   8    113
果
      （二）部
      分公开（
      区分处理
      的，只计        27   34   5    8    10   21   105
      这一情形
      ，不计其
      他情形）
      （三）不  1.属于
                  37   39   14   28   23   35   176
      予公开   国家秘密
            2.其他
            法律行政
                  28   23   30   18   15   10   124
            法规禁止
            公开
            3.危及
            “三安全  20   30   36   16   17   9    128
            一稳定”
            4.保护
            第三方合  23   32   14   37   11   7    124
            法权益
            5.属于
            三类内部  11   9    33   11   40   7    111
            事务信息
            6.属于
            四类过程  39        37   16   1    2    95
            性信息
            7.属于
            行政执法  21   8    21   32   11   1    94
            案卷
            8.属于
            行政查询  39   14   36   20   6    11   126
            事项
      （四）无  1.本机
      法提供   关不掌握
                  33   4    22   3    12   6    80
            相关政府
            信息
            2.没有
            现成信息
                  10   19   27   31   12   16   115
            需要另行
            制作
            3.补正
            后申请内
                  23   1    39   27   4    40   134
            容仍不明
            确
      （五）不  1.信访
      予处理   举报投诉  24   15   23   29   36   31   158
            类申请
            2.重复
                  7    23   13   7    22   14   86
            申请
            3.要求
            提供公开  20        23   32   11   4    90
            出版物
            4.无正
            当理由大
                  17   28   6    14   38   29   132
            量反复申
            请
            5.要求
            行政机关
            确认或重  39   37   14   32   39   31   192
            新出具已
            获取信息
      （六）其  1.申请
      他处理   人无正当
            理由逾期
            不补正、
            行政机关  16   18   23   12   7    31   107
            不再处理
            其政府信
            息公开申
            请
            2.申请
            人逾期未
            按收费通
            知要求缴
            纳费用、
                  19   12   40   1    37   15   124
            行政机关
            不再处理
            其政府信
            息公开申
            请
            3.其他  18   1    17   19   25   3    83
      （七）总
                  488  371  506  402  399  331  2497
      计
四、结转
下年度继              1    1    1    3    5    2    13
续办理

五、存在的主要问题及改进情况
无。

六、其他需要报告的事项
无。
"""


def test_a_value_between_two_rows_read_one_cell_a_line_is_neither_row_s() -> None:
    """27, between 行政处罚 and 行政强制 (which prints no value): neither row's cell is read,
    nor claimed printed blank, and the doubt is said where 27 stands; the value between one
    label's pieces (行政事业 / 1.5 / 性收费) and the rows printing theirs on their label's
    line are read."""
    report = gr.parse(NARROW)
    rows = ("penalties", "coercive_measures")
    cells = [report.cell(f"proactive.{row}.decisions") for row in rows]
    assert [cell.value for cell in cells] == [None, None]
    assert not any(cell.blank for cell in cells)
    assert [(d.line, d.column) for d in report.diagnostics if "27" in d.message] == [(38, 16)]
    assert report.cell("proactive.licensing.decisions").value == 64
    assert report.cell("proactive.fees.amount").value == Decimal("1.5")


def test_a_value_after_its_label_in_the_cell_per_line_rhythm_is_its_row_s() -> None:
    """The same rows one cell a line as ``docx2txt`` prints them (an empty line after each
    cell, two for a blank one): 27 right after 行政处罚's label, at the labels' column, is its
    row's by the text's order, and 行政强制 prints its cell blank."""
    text = NARROW.replace(
        "行政处罚\n               27\n行政强制\n", "行政处罚\n\n27\n\n行政强制\n\n\n\n"
    )
    report = gr.parse(text)
    assert report.cell("proactive.penalties.decisions").value == 27
    assert report.cell("proactive.coercive_measures.decisions").blank


#: The same section with 规范性文件's 对外公开总数量 (96) printed on the line above its row's,
#: right under 规章's 400: the header prints 对外公开总数量 on one line over them, seven
#: characters as wide as fourteen digits, so 400 has room in its cell and 96 is no rest of
#: it (not 40096).
UNDER_A_WIDE_HEADER = PROACTIVE.replace(
    "规章                  2               2                         14\n"
    "规范性文件            5               5                         31\n",
    "规章                  2               2                         400\n"
    "                                                                96\n"
    "规范性文件            5               5\n",
)
#: The columns of section 二's first sub-table.
PUBLISHED = ("made", "published", "total_published")


def test_a_value_under_a_number_whose_cell_has_room_is_no_rest_of_it() -> None:
    """96, between 规章 (ending in 400) and 规范性文件 (its last cell not on its line), is
    never joined to 400: 规章's cells are read, and 规范性文件's 对外公开总数量 is 96 or
    missing, never claimed blank, and said."""
    report = gr.parse(UNDER_A_WIDE_HEADER)
    assert [report.cell(f"proactive.rules.{key}").value for key in PUBLISHED] == [2, 2, 400]
    normative = [report.cell(f"proactive.normative_documents.{key}") for key in PUBLISHED]
    assert [cell.value for cell in normative[:2]] == [5, 5]
    assert normative[2].value in (96, None)
    assert not normative[2].blank
    assert any(d.code == "values-unplaced" and "96" in d.message for d in report.diagnostics)


#: A 2021 report's section 二 as ``pdftotext -layout`` prints it (in characters; typed for
#: this test), a page's number (3) at the left margin on the line after 行政许可's row, whose
#: one cell prints 400.
PAGE_NUMBER_AT_THE_MARGIN = """青岚县市场监督管理局2021年政府信息公开工作年度报告

一、总体情况
2021年，青岚县市场监督管理局认真落实政府信息公开工作要求。

二、主动公开政府信息情况
第二十条第（一）项
信息内容            本年制发件数    本年废止件数    现行有效件数
规章                2               0               14
行政规范性文件      5               1               31
第二十条第（五）项
信息内容            本年处理决定数量
行政许可            400
3
第二十条第（六）项
信息内容            本年处理决定数量
行政处罚            27
行政强制            6
第二十条第（八）项
信息内容            本年收费金额（单位：万元）
行政事业性收费      12.5

五、存在的主要问题及改进情况
无。
"""


def test_a_number_at_the_line_s_start_is_no_rest_of_a_value_right_of_it() -> None:
    """The page number 3, left of where 400 starts, is out of 400's cell (a wrapped
    number's rest starts under its head, or right of it): never joined as 4003. 行政许可's
    处理决定数量 is 400 or missing, said; the rows around it are read."""
    report = gr.parse(PAGE_NUMBER_AT_THE_MARGIN)
    licensing = report.cell("proactive.licensing.decisions").value
    assert licensing in (400, None)
    if licensing is None:
        assert any(d.code == "extra-values" and d.line == 13 for d in report.diagnostics)
    assert report.cell("proactive.penalties.decisions").value == 27
    assert report.cell("proactive.normative_documents.in_force").value == 31
