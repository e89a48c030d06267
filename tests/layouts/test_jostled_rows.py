"""Rows whose values start at other offsets, as ``pdftotext -layout`` prints a PDF in a
proportional font (issue 45 item 1): a line's text starts where the glyphs left of it end,
so each row keeps its values' spacing but the rows of a column do not line up, and no
columns are found. A row printing fewer values than columns is placed by the rules; a cell
its values leave out is printed blank (or holds a value the text put on another line), so
the rules derive it only as 0: a blank 总计 over parts that add up to 2 is not 2."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from hypothesis import example, given, note

import govinfo_report as gr
from govinfo_report import labels
from govinfo_report.structure.layouts import Writer
from govinfo_report.write.render import render

from conftest import scaled, wrong
from manglers import CentredRows, PackedHeader
from strategies import blank_totals, sparse_reports

#: Section 三's header as ``pdftotext -layout`` prints a browser's PDF in a proportional
#: font (typed for these tests): its words packed, wrapped over lines.
_HEADER = """三、收到和处理政府信息公开申请情况

                    （本列数据的勾稽                     申请人情况
                    关系为：第一项加                   法人或其他组织
第二项之和，等于 自然       社会 法律    总计
第三项加第四项之 人 商业 科研 公益 服务
                        其他
   和）       企业 机构
                  组织 机构

"""

#: Section 三 of a made-up 2021 report as ``pdftotext -layout`` prints a browser's PDF in a
#: proportional font (typed for this test; sections 二 and 四 left out): every cell printed,
#: zeros too, but 2.申请人逾期未按收费通知要求缴纳费用…, whose 总计 the page leaves blank.
SECTION = (
    _HEADER
    + """一、本年新收政府
                12    3    0    1    0    0    16
信息公开申请数量

二、上年结转政府
                  2    0    0    0    0    0    2
信息公开申请数量

   （一）予以
               8    2    0    1    0    0    11
    公开

   （二）部分
    公开
   （区分处理
   的，只计这      3    0    0    0    0    0    3
   一情形，不
   计其他情形
       ）

       1.本
       机关
       不掌
       握相    1    1    0    0    0    0    2
       关政
       府信
        息

（六 2.申
）其 请人
他处 逾期
理   未按
    收费
    通知
    要求
    缴纳
    费用
    、     2    0    0    0    0    0
    行政
    机关
    不再
    处理
    其政
    府信
    息公
    开申
    请

    （七）总计  14   3    0    1    0    0    18

  四、结转下年度继续办理
                 0    0    0    0    0    0    0
"""
)

TEXT = (
    "梧川市生态环境局2021年政府信息公开工作年度报告\n\n一、总体情况\n\n"
    "2021年，梧川市生态环境局认真落实政府信息公开工作要求。\n\n"
    + SECTION
    + "\n五、存在的主要问题及改进情况\n\n无。\n\n六、其他需要报告的事项\n\n无。\n\n"
    "梧川市生态环境局\n2022年1月20日\n"
)

_COLUMNS = tuple(labels.APPLICANT_COLUMNS)

#: The rows the table prints, typed from them (``None``: printed blank).
PRINTED = {
    "new": (12, 3, 0, 1, 0, 0, 16),
    "carried_over": (2, 0, 0, 0, 0, 0, 2),
    "granted": (8, 2, 0, 1, 0, 0, 11),
    "partially_granted": (3, 0, 0, 0, 0, 0, 3),
    "unavailable.not_held": (1, 1, 0, 0, 0, 0, 2),
    "other.unpaid_fee": (2, 0, 0, 0, 0, 0, None),
    "total": (14, 3, 0, 1, 0, 0, 18),
    "carried_forward": (0, 0, 0, 0, 0, 0, 0),
}

BLANK_TOTAL = "applications.other.unpaid_fee.total"

#: Section 三 of another made-up 2021 report so printed (rows with nothing but zeros left
#: out): 4.保护第三方合法权益's label wrapped two characters a line beside the group label
#: （三）不予公开, its piece on the values' line two characters left of the pieces above it
#: and one left of those below, which share their lines with the group label's pieces.
MOVED = (
    _HEADER
    + """一、本年新收政府
                10    0    0    0    0    6    16
信息公开申请数量

   （一）予以
               10    0    0    0    0    0    10
    公开

        4.保
        护第
      三方        0     0    0    0    0    6    6
   （三 合法
   ）不 权益
   予公
   开

    （七）总计  10   0    0    0    0    6    16
"""
)


def test_a_blank_total_beside_a_jostled_rows_values_is_not_derived() -> None:
    """The row of the blank 总计 prints six values at offsets no other row shares: they are
    its six applicant columns (with 总计 among them its own sum breaks), and the 总计 they
    leave out stays missing, said at the row's line: the rules would make it 2, but the
    page prints it blank. Every other printed cell is read."""
    report = gr.parse(TEXT)
    for row, values in PRINTED.items():
        for column, value in zip(_COLUMNS, values, strict=True):
            key = f"applications.{row}.{column}"
            if value is not None:
                assert report.cell(key).value == value, key
    cell = report.cell(BLANK_TOTAL)
    assert cell.value is None
    assert cell.provenance == "missing"
    line = TEXT.split("\n").index(next(x for x in TEXT.split("\n") if x.startswith("    、")))
    said = [d for d in report.diagnostics if d.code == "gap-not-derived"]
    assert [(d.line, d.keys) for d in said] == [(line + 1, (BLANK_TOTAL,))]
    assert "总计 2" in said[0].message


def test_a_label_piece_moved_left_beside_a_group_label_names_its_row() -> None:
    """``三方`` starts two characters left of ``4.保`` / ``护第`` above it (a piece as wide
    as the one above, within its own width of it) and one left of ``合法`` / ``权益`` below:
    the pieces join into 4.保护第三方合法权益, whose seven printed values are read."""
    text = TEXT.replace(SECTION, MOVED)
    report = gr.parse(text)
    row = "applications.denied.third_party_rights"
    for column, value in zip(_COLUMNS, (0, 0, 0, 0, 0, 6, 6), strict=True):
        cell = report.cell(f"{row}.{column}")
        assert (cell.value, cell.provenance) == (value, "parsed"), column
    assert not [d for d in report.diagnostics if "三方" in d.message]


#: Section 三 of a third made-up 2021 report so printed (rows with nothing but zeros left
#: out): the 总计 column is three characters wide, so （七）总计's 1049 wraps, ``104`` on the
#: line above the row's values and ``9`` below, centred under it, and so does 本年新收's,
#: beside the pieces of its wrapped label.
WRAPPED = (
    _HEADER
    + """一、本年新收                                      104
政府信息公开    350   250  200  149  100  0
申请数量                                         9

二、上年结转政府
                 0    0    0    0    0    0    0
信息公开申请数量

   （一）予以
               200   250  200  149  100  0    899
    公开

   （二）部分公开  150   0    0    0    0    0    150
                                               104
    （七）总计  350   250  200  149  100  0
                                                9

  四、结转下年度继续办理
                 0    0    0    0    0    0    0
"""
)


def test_a_number_wrapped_around_its_rows_line_is_joined() -> None:
    """``104`` above （七）总计's values and ``9`` below are one number, 1049, the row's
    总计 (its six values add up to it); ``104`` is not the last value of （二）部分公开,
    whose seven values on its line are read. 本年新收's pieces, beside its label's first and
    last lines, are its 总计 too, and those lines no rows of their own."""
    report = gr.parse(TEXT.replace(SECTION, WRAPPED))
    printed = {
        "new": (350, 250, 200, 149, 100, 0, 1049),
        "partially_granted": (150, 0, 0, 0, 0, 0, 150),
        "total": (350, 250, 200, 149, 100, 0, 1049),
    }
    for row, values in printed.items():
        for column, value in zip(_COLUMNS, values, strict=True):
            cell = report.cell(f"applications.{row}.{column}")
            assert (cell.value, cell.provenance) == (value, "parsed"), (row, column)
    assert report.cell("applications.total.total").raw == "1049"
    assert report.cell("applications.new.total").raw == "1049"


@pytest.mark.parametrize(
    "writer",
    [
        CentredRows(wrap=4, jostled=2),
        CentredRows(wrap=6, jostled=3),
        CentredRows(jostled=5),
        CentredRows(wrap=2, leftward=2),
        CentredRows(wrap=4, jostled=2, leftward=2),
        CentredRows(wrap=6, digits=3),
        CentredRows(wrap=4, jostled=2, digits=3),
        CentredRows(wrap=4, centre=2),
        CentredRows(wrap=2, centre=3),
        PackedHeader(shift=2),
        PackedHeader(shift=4),
    ],
    ids=[
        "wrap4-by2",
        "wrap6-by3",
        "wrap2-by5",
        "wrap2-leftward",
        "wrap4-by2-leftward",
        "wrap6-digits3",
        "wrap4-by2-digits3",
        "wrap4-centre2",
        "wrap2-centre3",
        "packed-by2",
        "packed-by4",
    ],
)
@scaled(0.3)
@given(drawn=blank_totals())
def test_a_blank_total_among_jostled_rows_is_never_read_as_a_number(
    writer: Writer, drawn: tuple[gr.Report, list[str]]
) -> None:
    """Any report so printed, its zeros blank and one to three rows of section 三 leaving
    their 总计 blank over parts that are not all 0, its rows of values jostled (every other
    one ``shift`` columns right, its header packed, for ``PackedHeader``), or its cells
    centred under header words that wrap in narrow columns (``CentredRows.centre``): no cell
    wrong, no printed number claimed blank, and no blank 总计 of a row the text shows read
    as a number (the rules may derive a cell the text lost, never a printed blank but as 0).
    Sections 三 and 四 are checked here; section 二, which no rule checks, below
    (``test_section_two_among_jostled_rows_reads_no_wrong_number``)."""
    report, blank = drawn
    back = gr.parse(render(report, writer, blank_zeros=True))
    printed = {
        key: None if value == 0 else value
        for key, value in report.flat().items()
        if not key.startswith("proactive.")
    }
    assert wrong(back, printed) == {}
    assert not [k for k, v in printed.items() if v is not None and back.cell(k).blank]
    shown = [
        key
        for key in blank
        if any(back.cell(f"{key[: -len('total')]}{c}").provenance == "parsed" for c in _COLUMNS)
    ]
    assert [key for key in shown if back.cell(key).value not in (None, 0)] == []


#: Section 二 of a made-up 2021 report as ``pdftotext -layout`` prints a narrow 本年处理决定数量
#: column: 行政强制's 1000 wraps over the lines around its label's, ``100`` / ``0``, where
#: 行政处罚 prints nothing.
ONE_VALUE = """二、主动公开政府信息情况

第二十条第（六）项
信息内容      本年处理
            决定数量
行政处罚
              100
行政强制
               0
"""


def test_a_count_wrapped_around_a_one_value_rows_label_is_never_read_wrong() -> None:
    """``100`` and ``0`` around 行政强制's label are its 1000, wrapped, or 行政处罚's 100 below
    its label and 行政强制's 0: both readings fit the text, so both cells are missing, said
    at the values' lines."""
    text = TEXT.replace(SECTION, ONE_VALUE + "\n" + SECTION)
    report = gr.parse(text)
    keys = ("proactive.penalties.decisions", "proactive.coercive_measures.decisions")
    for key in keys:
        cell = report.cell(key)
        assert (cell.value, cell.provenance) == (None, "missing"), key
    lines = text.split("\n")
    at = [lines.index("              100") + 1, lines.index("               0") + 1]
    said = [d for d in report.diagnostics if set(d.keys) & set(keys)]
    assert [(d.code, d.line, d.keys) for d in said] == [
        ("values-unplaced", line, (key,)) for line, key in zip(at, keys, strict=True)
    ]


#: Section 二 of the same report with its one-value rows' counts printed as lynx prints a
#: table's cells, each centred on a line of its own, an empty line between: no count wraps.
APART = """二、主动公开政府信息情况

第二十条第（六）项
信息内容      本年处理
            决定数量

行政处罚

              100

行政强制

               5
"""


def test_counts_apart_below_their_labels_are_their_rows() -> None:
    """``100`` and ``5``, an empty line around each, are 行政处罚's and 行政强制's: a count
    wrapped in its cell prints its pieces on the lines next to its label's."""
    report = gr.parse(TEXT.replace(SECTION, APART + "\n" + SECTION))
    assert report.cell("proactive.penalties.decisions").value == 100
    assert report.cell("proactive.coercive_measures.decisions").value == 5


#: Section 二 of a made-up 2021 report so printed: 规章's 2795 and 2019 wrap around its
#: label's line, their first pieces right under the header's line, and so does 行政许可's 1098.
UNDER_HEADER = """二、主动公开政府信息情况

第二十条第（一）项
信息内容       本年制发件数         本年废止件数  现行有效件数
           279            201
规章
           5              9
第二十条第（五）项
信息内容       本年处理决定数量
           109
行政许可
           8
"""


def test_counts_wrapped_around_a_label_under_the_header_are_never_read_wrong() -> None:
    """``279 201`` / ``规章`` / ``5 9`` are 规章's 2795 and 2019 wrapped, or 规章's 5 and 9
    below its label under values of the header's line: 规章's three cells and 行政许可's one
    are missing, said, never 5, 9 or 8."""
    report = gr.parse(TEXT.replace(SECTION, UNDER_HEADER + "\n" + SECTION))
    keys = [f"proactive.rules.{c}" for c in ("issued", "repealed", "in_force")]
    keys.append("proactive.licensing.decisions")
    for key in keys:
        cell = report.cell(key)
        assert (cell.value, cell.provenance) == (None, "missing"), key
    said = {k for d in report.diagnostics if d.code == "values-unplaced" for k in d.keys}
    assert said >= set(keys)


#: Section 三 of a made-up 2021 report as ``pdftotext -layout`` prints a browser's PDF in a
#: proportional font whose header words wrap in narrow columns (typed for these tests;
#: rows of nothing but zeros left out): zeros blank, each value centred in its cell, a
#: header word's text half as wide as its glyphs, so the one-digit counts of 法律服务机构
#: start right of ``机构``'s text, a character left of ``其他``'s (``1`` at 44, ``机构`` at
#: 42-43, ``其他`` at 45-46), and 商业企业's ``2`` a character left of the ``1`` below it.
OFF_HEADER = """三、收到和处理政府信息公开申请情况
                                  申请人情况
    （本列数据的勾稽
    关系为：第一项加      自然人                法人或其他组织
    第二项之和，等于
                                       社会 法律      总计
    第三项加第四项之               商业    科研
                                       公益 服务 其他
       和）                  企业    机构
                                       组织 机构

    一、本年新收政府
                  12       2                1 1   16
    信息公开申请数量

    二、上年结转政府
                   1                               1
    信息公开申请数量

       （一）予以
                   8       1                       9
        公开

       （二）部分
        公开
       （区分处理
       的，只计这       2                               2
       一情形，不
       计其他情形
         ）

          1.本
          机关
          不掌
          握相       1        1               1 1    4
          关政
          府信
           息

       （七）总计      11        2               1 1   15

  四、结转下年度继续办理
                   2                               2
"""

#: ``OFF_HEADER``'s rows, typed from them (a blank cell 0).
OFF_HEADER_ROWS = {
    "new": (12, 2, 0, 0, 1, 1, 16),
    "carried_over": (1, 0, 0, 0, 0, 0, 1),
    "granted": (8, 1, 0, 0, 0, 0, 9),
    "partially_granted": (2, 0, 0, 0, 0, 0, 2),
    "unavailable.not_held": (1, 1, 0, 0, 1, 1, 4),
    "total": (11, 2, 0, 0, 1, 1, 15),
    "carried_forward": (2, 0, 0, 0, 0, 0, 2),
}

#: The rows of ``OFF_HEADER`` that print a count of 其他, as they would print with none.
NO_OTHER = {
    "12       2                1 1   16": "12       2                1     15",
    "1        1               1 1    4": "1        1               1      3",
    "11        2               1 1   15": "11        2               1     14",
}


def _applications(text: str) -> dict[str, tuple[int | None, ...]]:
    """Section 三's cells of ``text`` read, by row (``None``: missing)."""
    report = gr.parse(TEXT.replace(SECTION, text))
    rows = ("new", "carried_over", "granted", "partially_granted", "unavailable.not_held")
    return {
        row: tuple(report.cell(f"applications.{row}.{column}").value for column in _COLUMNS)
        for row in (*rows, "total", "carried_forward")
    }


def test_values_off_the_header_words_are_read_by_the_columns_they_stand_under() -> None:
    """Every value stands under one column's word but 法律服务机构's ``1``, between ``机构``
    and ``其他``: under 法律服务机构 or 其他, and left of the row's ``1`` under ``其他``, so
    法律服务机构's. Every printed value is read in its column; the blank cells are 0, as
    the rules derive them."""
    assert _applications(OFF_HEADER) == OFF_HEADER_ROWS


def test_centred_cells_under_wrapped_header_words_are_read_by_their_columns() -> None:
    """``OFF_HEADER``'s counts, every other cell of section 三 0, written as
    ``CentredRows(centre=2)`` writes a proportional font's page: the one-digit counts of
    法律服务机构 and 其他 start right of their words' text, and the values' offsets fall into
    five clusters for seven columns, which no row fills. Each row is read in the columns
    its values stand under."""
    printed = OFF_HEADER_ROWS
    values = {f.key: 0 for f in gr.fields("2021") if f.key.startswith("applications.")}
    for row, numbers in printed.items():
        for column, number in zip(_COLUMNS, numbers, strict=True):
            values[f"applications.{row}.{column}"] = number
    report = gr.Report.from_values(
        values, template="2021", organisation="梧川市生态环境局", year=2021
    )
    back = gr.parse(render(report, CentredRows(wrap=4, centre=2), blank_zeros=True))
    for row, numbers in printed.items():
        for column, number in zip(_COLUMNS, numbers, strict=True):
            cell = back.cell(f"applications.{row}.{column}")
            assert cell.value == number, (row, column)
            assert cell.provenance == ("parsed" if number else "derived"), (row, column)


def test_a_value_two_columns_fit_stays_missing() -> None:
    """With 其他 blank in every row, each ``1`` between ``机构`` and ``其他`` is 法律服务机构's
    or 其他's, and the rules hold either way: those cells are missing, said, never 1 or 0
    in a column the text does not show; the other cells are read."""
    text = OFF_HEADER
    for row, blank in NO_OTHER.items():
        text = text.replace(row, blank)
    read = _applications(text)
    assert read["new"] == (12, 2, 0, 0, None, None, 15)
    assert read["unavailable.not_held"] == (1, 1, 0, 0, None, None, 3)
    assert read["total"] == (11, 2, 0, 0, None, None, 14)
    assert read["granted"] == (8, 1, 0, 0, 0, 0, 9)
    report = gr.parse(TEXT.replace(SECTION, text))
    said = {key for d in report.diagnostics if d.code == "values-unplaced" for key in d.keys}
    assert "applications.new.legal_service_agency" in said


def test_a_row_moved_off_every_column_leaves_the_page_to_the_rules() -> None:
    """本年新收's values four characters right of the others' (``12`` under no word): the
    header's words do not place the page's values, and no cell is read by them; none is
    wrong."""
    row = "                  12       2                1 1   16"
    read = _applications(OFF_HEADER.replace(row, "    " + row))
    for key, values in read.items():
        for got, want in zip(values, OFF_HEADER_ROWS[key], strict=True):
            assert got in (None, want), key
    assert read["new"] == (None,) * 7


#: Section 二 of a made-up 2019 report as ``pdftotext -layout`` prints a browser's PDF in a
#: proportional font (typed for this test): every row of values starts at an offset of its
#: own, the second of three five characters right of its columns, the third ten, so
#: 其他对外管理服务事项's 上一年项目数量 (652) and 政府集中采购's 采购项目数量 (823) sit under
#: the next column's header word; 规范性文件's and 行政强制's values are not under theirs.
JOSTLED_2019 = """二、主动公开政府信息情况

第二十条第（一）项
信息内容       本年新制作数量  本年新公开数量       对外公开总数量
规章                  5000          836
规范性文件                    347           32
第二十条第（五）项
信息内容       上一年项目数量  本年增/减         处理决定数量
行政许可
其他对外管理
                     652
服务事项
第二十条第（六）项
信息内容       上一年项目数量  本年增/减         处理决定数量
行政处罚       1447
行政强制            4999                   570
第二十条第（八）项
信息内容       上一年项目数量  本年增/减
行政事业性收
费
第二十条第（九）项
信息内容       采购项目数量   采购总金额（单位：万元）
政府集中采购               823
"""


def test_a_value_jostled_under_the_next_columns_word_is_not_read_there() -> None:
    """652 and 823 sit under 本年增/减 and 采购总金额, but other rows show that the rows'
    values start right of their columns (行政强制's 4999 left of 本年增/减, 570 past
    处理决定数量's start): 其他对外管理服务事项's and 政府集中采购's cells are missing, said,
    never 652 as its 本年增/减 or 823 as an amount. No cell of the section is another
    number than the page prints."""
    text = TEXT.replace(SECTION, JOSTLED_2019 + "\n" + SECTION).replace("2021年", "2019年")
    report = gr.parse(text)
    assert report.template == "2019"
    printed = {
        "rules": {"made": None, "published": 5000, "total_published": 836},
        "normative_documents": {"made": None, "published": 347, "total_published": 32},
        "other_services": {"previous_items": 652, "change": None, "decisions": None},
        "penalties": {"previous_items": 1447, "change": None, "decisions": None},
        "coercive_measures": {"previous_items": 4999, "change": None, "decisions": 570},
        "procurement": {"projects": 823, "amount": None},
    }
    for row, cells in printed.items():
        for column, value in cells.items():
            cell = report.cell(f"proactive.{row}.{column}")
            assert cell.value in (None, value), (row, column)
    said = {k for d in report.diagnostics if d.code == "values-unplaced" for k in d.keys}
    for key in ("other_services.change", "procurement.amount", "procurement.projects"):
        assert report.cell(f"proactive.{key}").provenance == "missing", key
        assert f"proactive.{key}" in said, key


#: Section 二 of another made-up 2019 report so printed, jostled four characters a row:
#: 行政许可's 上一年项目数量 (448) sits under 本年增/减. Every sub-table's rows are placed, but
#: 其他对外管理服务事项 and 行政处罚, under the same header words, print all their cells and
#: their 上一年项目数量 (1024, 4691) share no column: the rows start at offsets of their own.
JOSTLED_APART = """二、主动公开政府信息情况
第二十条第（一）项
信息内容       本年新制作数量  本年新公开数量       对外公开总数量
规章                  2686
规范性文
               884      812           3082
件
第二十条第（五）项
信息内容       上一年项目数量  本年增/减         处理决定数量
行政许可               448
其他对外
管理服务       1024     -39           302
事项
第二十条第（六）项
信息内容       上一年项目数量  本年增/减         处理决定数量
行政处罚           4691     -60           —
行政强制
"""


def test_a_value_jostled_where_full_rows_values_stand_apart_is_not_read_there() -> None:
    """1024 and 4691, one column's values, share no character: 行政许可's 448, under
    本年增/减, is not known to be its 本年增/减, and its cells are missing, said; the rows
    printing all their cells are read by their order."""
    text = TEXT.replace(SECTION, JOSTLED_APART + "\n" + SECTION).replace("2021年", "2019年")
    report = gr.parse(text)
    assert report.template == "2019"
    for column in ("previous_items", "change", "decisions"):
        cell = report.cell(f"proactive.licensing.{column}")
        assert (cell.value, cell.provenance) == (None, "missing"), column
    said = {k for d in report.diagnostics if d.code == "values-unplaced" for k in d.keys}
    assert "proactive.licensing.change" in said
    read = {
        "normative_documents": {"made": 884, "published": 812, "total_published": 3082},
        "other_services": {"previous_items": 1024, "change": -39, "decisions": 302},
        "penalties": {"previous_items": 4691, "change": -60},
    }
    for row, cells in read.items():
        for column, value in cells.items():
            cell = report.cell(f"proactive.{row}.{column}")
            assert (cell.value, cell.provenance) == (value, "parsed"), (row, column)
    assert report.cell("proactive.rules.published").value in (None, 2686)


#: Section 二 of another made-up 2019 report so printed (typed for this test), the rows of
#: values starting at offsets of their own and no row printing a value under another
#: column's word: 规章's values start where their words do, 行政许可's five characters right
#: of theirs, and 行政处罚's one value, its 上一年项目数量 (96), ten right, under 本年增/减.
JOSTLED_UNSEEN = """二、主动公开政府信息情况
第二十条第（一）项
信息内容       本年新制作数量  本年新公开数量       对外公开总数量
规章         7                      7
规范性文件
第二十条第（五）项
信息内容       上一年项目数量  本年增/减         处理决定数量
行政许可            352      12            40
其他对外管理服务事项
第二十条第（六）项
信息内容       上一年项目数量  本年增/减         处理决定数量
行政处罚                 96
行政强制
"""

#: The same rows, each value where its header word starts (a tool laying out its cells in
#: characters, left-aligned): 行政处罚's 96 is its 本年增/减, 行政强制's 3 its 处理决定数量.
ALIGNED_LEFT = """二、主动公开政府信息情况
第二十条第（一）项
信息内容       本年新制作数量  本年新公开数量       对外公开总数量
规章         7                      7
规范性文件
第二十条第（五）项
信息内容       上一年项目数量  本年增/减         处理决定数量
行政许可       352      12            40
其他对外管理服务事项
第二十条第（六）项
信息内容       上一年项目数量  本年增/减         处理决定数量
行政处罚                96
行政强制                              3
"""


def _proactive(section: str, year: str) -> gr.Report:
    """The made-up report with ``section`` before its section 三, of ``year``'s template."""
    return gr.parse(TEXT.replace(SECTION, section + "\n" + SECTION).replace("2021年", year))


def test_a_lone_value_among_rows_aligned_no_one_way_is_not_read_by_position() -> None:
    """96 stands under 本年增/减, but the values under the header words stand as far from
    them no one way (规章's start where their words do, 行政许可's five characters right, and
    neither their ends nor their centres line up): the rows start at offsets of their own,
    and 行政处罚's one value may be the column left of it moved right. Its cells are
    missing, said, never 96 as its 本年增/减; 行政许可, printing every cell, is read."""
    report = _proactive(JOSTLED_UNSEEN, "2019年")
    assert report.template == "2019"
    keys = [f"proactive.penalties.{c}" for c in ("previous_items", "change", "decisions")]
    for key in keys:
        assert (report.cell(key).value, report.cell(key).provenance) == (None, "missing"), key
    said = {k for d in report.diagnostics if d.code == "values-unplaced" for k in d.keys}
    assert set(keys) <= said
    for column, value in zip(("previous_items", "change", "decisions"), (352, 12, 40), strict=True):
        cell = report.cell(f"proactive.licensing.{column}")
        assert (cell.value, cell.provenance) == (value, "parsed"), column
    for column, value in (("made", 7), ("published", None), ("total_published", 7)):
        assert report.cell(f"proactive.rules.{column}").value in (None, value), column


def test_lone_values_of_rows_aligned_on_their_words_are_read_by_position() -> None:
    """Every value starts where its header word does: the text is aligned, and each lone
    value is its word's column (96 行政处罚's 本年增/减, 3 行政强制's 处理决定数量)."""
    report = _proactive(ALIGNED_LEFT, "2019年")
    read = {
        "rules": (7, None, 7),
        "licensing": (352, 12, 40),
        "penalties": (None, 96, None),
        "coercive_measures": (None, None, 3),
    }
    columns = {
        "rules": ("made", "published", "total_published"),
        "licensing": ("previous_items", "change", "decisions"),
        "penalties": ("previous_items", "change", "decisions"),
        "coercive_measures": ("previous_items", "change", "decisions"),
    }
    for row, values in read.items():
        for column, value in zip(columns[row], values, strict=True):
            cell = report.cell(f"proactive.{row}.{column}")
            want = (value, "parsed") if value is not None else (None, "blank")
            assert (cell.value, cell.provenance) == want, (row, column)


#: Section 二 of a made-up 2021 report so printed: 规章's one value, its 现行有效件数 (48),
#: starts where 现行有效件数 does in characters and where 本年废止件数 does in display columns
#: (a CJK glyph two wide); 行政事业性收费's 0.75, on a line of its own, five characters right
#: of its word's start.
TWO_MEASURES = """二、主动公开政府信息情况
第二十条第（一）项
信息内容       本年制发件数         本年废止件数  现行有效件数
规章                                48
行政规范性文件
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
                0.75
费
"""


def test_a_lone_value_under_other_words_in_the_two_measures_is_not_read_by_position() -> None:
    """Both measures align the values (one value a sub-table), and 48 is under 现行有效件数 in
    one, 本年废止件数 in the other: which column it is the text does not show, and section
    二 has no rule. 规章's cells are missing, said, never 48 as its 本年废止件数."""
    report = _proactive(TWO_MEASURES, "2021年")
    keys = [f"proactive.rules.{c}" for c in ("issued", "repealed", "in_force")]
    for key in keys:
        assert (report.cell(key).value, report.cell(key).provenance) == (None, "missing"), key
    said = {k for d in report.diagnostics if d.code == "values-unplaced" for k in d.keys}
    assert set(keys) <= said
    assert report.cell("proactive.fees.amount").value == Decimal("0.75")


#: The header of section 二's first sub-table in 2021, as typed for the tests below.
_RULES_HEADER = """二、主动公开政府信息情况

第二十条第（一）项
信息内容       本年制发件数  本年废止件数  现行有效件数
"""

#: 行政规范性文件's 现行有效件数, 2940, wrapped in its narrow cell over the first and last
#: lines of its wrapped label (``294`` / ``0``), its other counts on the line between.
OVER_WRAPPED_LABEL = (
    _RULES_HEADER
    + """规章           12            0             150
行政规范性文                               294
               3             1
件                                         0
"""
)

#: 规章's 本年制发件数 (4569) and 现行有效件数 (1992) wrapped around the line of its label,
#: which prints its 本年废止件数 (1).
AROUND_VALUES_LINE = (
    _RULES_HEADER
    + """               456                         199
规章                         1
               9                           2
行政规范性文件 5             0             80
"""
)


@pytest.mark.parametrize(
    ("section", "doubtful", "read"),
    [
        (OVER_WRAPPED_LABEL, "normative_documents", {"rules": (12, 0, 150)}),
        (AROUND_VALUES_LINE, "rules", {"normative_documents": (5, 0, 80)}),
    ],
    ids=["over-a-wrapped-label", "around-a-values-line"],
)
def test_a_count_wrapped_in_its_cell_is_never_read_by_its_pieces(
    section: str, doubtful: str, read: dict[str, tuple[int, ...]]
) -> None:
    """The pieces of a wrapped count are its digits or two rows' counts (section 二 has no
    rule to tell): the row around them has every cell missing, said at its line, never 294,
    0, 9 or 2; the row beside it, on lines of its own, is read."""
    report = gr.parse(TEXT.replace(SECTION, section + "\n" + SECTION))
    columns = ("issued", "repealed", "in_force")
    keys = [f"proactive.{doubtful}.{column}" for column in columns]
    for key in keys:
        cell = report.cell(key)
        assert (cell.value, cell.provenance) == (None, "missing"), key
    said = [
        d for d in report.diagnostics if d.code == "values-unplaced" and set(keys) <= set(d.keys)
    ]
    assert len(said) == 1
    assert "wrapped" in said[0].message
    for row, values in read.items():
        for column, value in zip(columns, values, strict=True):
            cell = report.cell(f"proactive.{row}.{column}")
            assert (cell.value, cell.provenance) == (value, "parsed"), (row, column)


def _made(template: str, proactive: dict[str, int | Decimal]) -> gr.Report:
    """A report of ``template`` with section 二's ``proactive`` counts (its other cells 0),
    sixteen applications granted in section 三 and one review upheld in section 四."""
    values: dict[str, int | Decimal] = dict.fromkeys((f.key for f in gr.fields(template)), 0)
    for row in ("new", "granted", "total"):
        values |= {
            f"applications.{row}.{column}": value
            for column, value in zip(_COLUMNS, (12, 3, 0, 1, 0, 0, 16), strict=True)
        }
    values |= {"appeals.review.upheld": 1, "appeals.review.total": 1}
    year = int(template)
    return gr.Report.from_values(
        values | {f"proactive.{key}": value for key, value in proactive.items()},
        template=template,
        organisation="梧川市生态环境局",
        year=year,
        published=datetime.date(year + 1, 1, 20),
    )


@pytest.mark.parametrize(
    "writer",
    [
        CentredRows(jostled=5),
        CentredRows(wrap=6, digits=3),
        CentredRows(wrap=2, digits=2),
        CentredRows(wrap=4, jostled=2, digits=3),
        CentredRows(wrap=6, jostled=3, digits=2),
    ],
    ids=["wrap6-by5", "wrap6-digits3", "wrap2-digits2", "wrap4-by2-digits3", "wrap6-by3-digits2"],
)
@scaled(0.3)
@example(  # 1803 ten characters right, under 本年增/减, no row under another column's word
    report=_made(
        "2019",
        {
            "normative_documents.made": 109,
            "normative_documents.total_published": 329,
            "other_services.previous_items": 2065,
            "other_services.change": -46,
            "other_services.decisions": 276,
            "penalties.previous_items": 1803,
            "coercive_measures.previous_items": 318,
            "coercive_measures.decisions": 21,
            "fees.previous_items": 2590,
            "fees.change": 14,
        },
    )
)
@example(  # 260 under 现行有效件数 in characters, under 本年废止件数 in display columns
    report=_made("2021", {"rules.in_force": 260, "fees.amount": Decimal("1.8609")})
)
@example(  # a: 652 and 823 jostled under the next column's word (CentredRows(jostled=5))
    report=_made(
        "2019",
        {
            "rules.published": 5000,
            "rules.total_published": 836,
            "normative_documents.published": 347,
            "normative_documents.total_published": 32,
            "other_services.previous_items": 652,
            "penalties.previous_items": 1447,
            "coercive_measures.previous_items": 4999,
            "coercive_measures.decisions": 570,
            "procurement.projects": 823,
        },
    )
)
@example(  # b: 2000 over 行政规范性文 / 件 (CentredRows(wrap=6, digits=3))
    report=_made(
        "2021",
        {
            "rules.repealed": 241,
            "rules.in_force": 174,
            "normative_documents.issued": 2000,
            "normative_documents.repealed": 402,
            "normative_documents.in_force": 64,
        },
    )
)
@example(  # c: 2026 around 规章's line of 768 and 172 (CentredRows(wrap=6, digits=3))
    report=_made(
        "2021",
        {
            "rules.issued": 768,
            "rules.repealed": 172,
            "rules.in_force": 2026,
            "normative_documents.repealed": 745,
            "normative_documents.in_force": 542,
        },
    )
)
@example(  # 3909 wrapped past 规范性文件's 71 (wrap=6, digits=3): the layout read a row of
    # values on two lines by one line's offsets and failed (IndexError), before any reading
    report=_made(
        "2019",
        {
            "rules.made": 734,
            "rules.published": 46,
            "normative_documents.made": 71,
            "normative_documents.published": 3909,
            "other_services.change": -6,
            "other_services.decisions": 179,
            "coercive_measures.change": 44,
            "procurement.amount": Decimal("24088.5672"),
        },
    )
)
@given(report=sparse_reports())
def test_section_two_among_jostled_rows_reads_no_wrong_number(
    writer: Writer, report: gr.Report
) -> None:
    """Section 二 of any report so printed, its zeros blank, its rows of values jostled or its
    wide counts wrapped around their rows' lines: no rule confirms a reading there, so each
    cell is right or missing, never another number, and a printed blank stays blank."""
    text = render(report, writer, blank_zeros=True)
    note(text[text.index("二、") : text.index("三、收到")])
    back = gr.parse(text)
    printed = {
        key: value or None for key, value in report.flat().items() if key.startswith("proactive.")
    }
    got = {key: back.cell(key).value for key in printed}
    assert {k: (v, printed[k]) for k, v in got.items() if v is not None and v != printed[k]} == {}


@pytest.mark.parametrize(("count", "other"), [(1462, 1295), (2081, 1300), (35, 9012), (7, 1295)])
def test_a_lone_count_where_the_measures_disagree_on_its_column_is_not_read(
    count: int, other: int
) -> None:
    # 规章 prints its 现行有效件数 alone (``1462`` at character 34, where 现行有效件数 starts
    # in characters, and at display column 36, where 本年废止件数 starts in display
    # columns), and the next row is jostled five characters right (``pdftotext -layout`` of
    # a proportional font): only display columns match every value to a header word, so
    # stop 102's main read 1462 as 本年废止件数's (found by its thorough profile). Either
    # measure may be the text's, and section 二 has no rule to tell: the row is missing.
    values: dict[str, object] = {field.key: 0 for field in gr.fields("2021")}
    values |= {"proactive.rules.in_force": count, "proactive.normative_documents.issued": other}
    report = gr.Report.from_values(values, template="2021", organisation="某某局", year=2021)
    text = render(report, CentredRows(wrap=6, gap=2, jostled=5), blank_zeros=True)
    assert "规章" + " " * 32 + str(count) + "\n" in text
    back = gr.parse(text)
    assert [
        back.cell(f"proactive.rules.{c}").value for c in ("issued", "repealed", "in_force")
    ] == [
        None,
        None,
        None,
    ]
    assert back.cell("proactive.normative_documents.issued").value == other
