"""Counts typed with their units (``55件``, ``407项``) in Word's narrow cells, as
``pdftotext -layout`` prints the PDF: a unit alone under its number (``16`` / ``件``), a
count's digits split over two lines of its cell and closed by the unit (``236`` / ``1件``
for 2361件), a two-line cell centred around a row's one line (``18`` / ``规章  3件  3件`` /
``件``), and the lines of a label wrapped around its values' lines. A unit closes its cell,
so such a count is read whole; digits with no unit under a number may go on, and the
row's cells are then missing, never a count cut short (issue 45)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, note
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.write.render import render

from conftest import scaled, wrong
from manglers import NarrowCells
from strategies import reports


def _report(template: str, proactive: dict[str, int]) -> gr.Report:
    values: dict[str, object] = dict.fromkeys((f.key for f in gr.fields(template)), 0)
    values |= {f"proactive.{key}": value for key, value in proactive.items()}
    year = 2020 if template == "2019" else 2022
    return gr.Report.from_values(values, template=template, organisation="青石县林业局", year=year)


def _with_section_two(report: gr.Report, lines: str) -> str:
    """``report`` rendered space-aligned, its section 二 replaced by ``lines``."""
    text = gr.render(report, "space-aligned")
    start, end = text.index("二、主动公开"), text.index("三、收到")
    return text[:start] + lines + "\n\n" + text[end:]


def _proactive(report: gr.Report, row: str) -> tuple[object, ...]:
    return tuple(
        report.cell(field.key).value
        for field in gr.fields(report.template)
        if field.key.startswith(f"proactive.{row}.")
    )


#: A 2019 report's section 二 as Word's PDF of narrow cells prints it: 规章's 25件 a
#: two-line cell centred around its row's one line; 规范性文件's units under its counts
#: beside its label's pieces; 行政许可's 3072件 split after 307 and 项 under 41, its
#: label's two lines the cells' two; 其他对外管理服务事项's 9项 and 4410件 around 管理,
#: their first lines beside no label; 行政处罚's 608件 centred around 处罚's line.
WORD_UNITS_2019 = """二、主动公开政府信息情况

第二十条第（一）项

     本   本
     年   年
               对外
     新   新
信息           公开
     制   公
内容           总数
     作   开
               量
     数   数
     量   量

               25
规章   4件  6件
               件

规范
     12   7    31
性文
     件    件    件
件

第二十条第（五）项

     上
     一
          本
     年         处理
信息        年
     项         决定
内容        增/
     目         数量
          减
     数
     量

行政   41   -2   307
许可   项    项    2件

其他
对外
     9         441
管理        0
     项         0件
服务
事项

第二十条第（六）项

     上
     一
          本
     年         处理
信息        年
     项         决定
内容        增/
     目         数量
          减
     数
     量

                608
行政   15项  3项
                件
处罚

第二十条第（八）项

     上
     一
     年
信息
     项    本年增/减
内容
     目
     数
     量

行政
事业
     2项   0项
性收
费"""


def test_counts_closed_by_their_units_in_word_cells_are_read_whole() -> None:
    """Each count wrapped in its narrow cell and closed by its unit is one cell, in the row
    whose lines it stands on (规章's 25 above its label's line; 其他对外管理服务事项's
    values between its label's pieces), and 行政许可's 3072件 is no 307 and a 2件."""
    truth = _report(
        "2019",
        {
            "rules.made": 4,
            "rules.published": 6,
            "rules.total_published": 25,
            "normative_documents.made": 12,
            "normative_documents.published": 7,
            "normative_documents.total_published": 31,
            "licensing.previous_items": 41,
            "licensing.change": -2,
            "licensing.decisions": 3072,
            "other_services.previous_items": 9,
            "other_services.change": 0,
            "other_services.decisions": 4410,
            "penalties.previous_items": 15,
            "penalties.change": 3,
            "penalties.decisions": 608,
            "fees.previous_items": 2,
        },
    )
    back = gr.parse(_with_section_two(truth, WORD_UNITS_2019))
    assert _proactive(back, "rules") == (4, 6, 25)
    assert _proactive(back, "normative_documents") == (12, 7, 31)
    assert _proactive(back, "licensing") == (41, -2, 3072)
    assert _proactive(back, "other_services") == (9, 0, 4410)
    assert _proactive(back, "penalties") == (15, 3, 608)
    assert back.cell("proactive.licensing.decisions").raw == "3072件"
    assert wrong(back, truth.flat()) == {}


#: A 2021 report's section 二, its cells top-aligned: 规章's 5件 and 1460件 wrapped, the
#: unit alone under 5 making the next line its row's, and its 本年废止件数 4066件 wrapped
#: over three lines, 40 / 66 / 件 (66 on a line of no label under 40: 40 may go on).
WORD_TOP_2021 = """二、主动公开政府信息情况

第二十条第（一）项

信息   本年  本年  现行
内容   制发  废止  有效
     件数  件数  件数

规章   5    40   146
     件    66   0件
          件

行政   2件  0件  8件
规范
性文
件

第二十条第（五）项

信息内容   本年处理决定数量

行政许可   17件

第二十条第（六）项

信息内容   本年处理决定数量

行政处罚   9件

行政强制   0

第二十条第（八）项

信息内容   本年收费金额（单位：万元）

行政事业性收费   0"""


def test_a_count_wrapped_over_three_lines_is_never_read_off_one() -> None:
    """规章's 40 over 66 (on a line of no label: a line of the row, the unit under 5
    ending that cell there) may be one count, so 规章's cells are missing, said so, never
    40; 行政规范性文件's counts are read."""
    truth = _report(
        "2021",
        {
            "rules.issued": 5,
            "rules.repealed": 4066,
            "rules.in_force": 1460,
            "normative_documents.issued": 2,
            "normative_documents.in_force": 8,
            "licensing.decisions": 17,
            "penalties.decisions": 9,
        },
    )
    back = gr.parse(_with_section_two(truth, WORD_TOP_2021))
    assert _proactive(back, "rules") == (None, None, None)
    assert any(d.code == "values-unplaced" and "规章" in d.message for d in back.diagnostics)
    assert _proactive(back, "normative_documents") == (2, 0, 8)
    assert wrong(back, truth.flat()) == {}


#: A 2021 report's section 二 as Word's PDF of cells two characters wide prints it, each
#: cell centred in its row: every count over two lines or more, so the text shows no
#: column gaps. 行政许可's 3862件 stands over three lines around its label's two,
#: ``38`` / ``行政`` / ``62`` / ``许可`` / ``件`` (62 between the label's pieces, 38 above
#: them); 行政处罚's 56件 beside its label's two; 行政事业性收费's 0.0913 cut at its point
#: and wrapped, ``0.`` / ``09`` / ``13`` between its label's four pieces, with no unit.
WORD_NARROW_2021 = """二、主动公开政府信息情况
第二十条第（一）项

      本年   本年   现行
信息
      制发   废止   有效
内容
      件数   件数   件数

规章    3件   0件   1件

行政
规范
      0件   0件   0件
性文
件

第二十条第（五）项

      本年
信息    处理
内容    决定
      数量

      38
行政
      62
许可
      件

第二十条第（六）项

      本年
信息    处理
内容    决定
      数量

行政    56
处罚    件

行政
      0件
强制

第二十条第（八）项

      本年
      收费
      金额
信息
      （单
内容
      位：
      万元
      ）

行政
      0.
事业
      09
性收
      13
费"""


def test_one_column_cells_wrapped_with_no_column_gaps_are_never_read_off_one_line() -> None:
    """行政许可's 62 between its label's pieces has 38 over it and its unit under it: it
    may be 3862件's rest, so the cell is missing, said so, never 62; 行政事业性收费's
    amount, cut at its point, is missing, never 0 or 13. 行政处罚's 56件 and the rest are
    read."""
    truth = _report(
        "2021",
        {
            "rules.issued": 3,
            "rules.in_force": 1,
            "licensing.decisions": 3862,
            "penalties.decisions": 56,
            "fees.amount": Decimal("0.0913"),
        },
    )
    back = gr.parse(_with_section_two(truth, WORD_NARROW_2021))
    assert back.cell("proactive.licensing.decisions").value is None
    assert any(
        d.code == "values-unplaced" and "行政许可" in d.message and d.line is not None
        for d in back.diagnostics
    )
    assert back.cell("proactive.fees.amount").value is None
    assert _proactive(back, "rules") == (3, 0, 1)
    assert _proactive(back, "normative_documents") == (0, 0, 0)
    assert _proactive(back, "penalties") == (56,)
    assert _proactive(back, "coercive_measures") == (0,)
    assert wrong(back, truth.flat()) == {}


#: A 2021 report's section 二 as Word's PDF of narrow cells prints it with its zeros blank
#: and no empty line between rows: each label on one line, each count centred around it.
#: 行政许可's 526件 wraps as ``52`` over its label's line and ``6件`` under it, the layout
#: giving ``52`` to the header's last line; 行政处罚 prints nothing, so 行政强制's 184件
#: wraps as ``18`` on the line after 行政处罚's label (the layout gives it to 行政处罚) and
#: ``4件`` under 行政强制's.
AROUND_ONE_LINE_2021 = """二、主动公开政府信息情况
第二十条第（一）项
          本年   本年   现行
信息内容      制发   废止   有效
          件数   件数   件数
规章        2件          5件
行政规范      7件   1件   40件
性文件
第二十条第（五）项
          本年
          处理
信息内容
          决定
          数量
          52
行政许可
          6件
第二十条第（六）项
          本年
          处理
信息内容
          决定
          数量
行政处罚
          18
行政强制
          4件
第二十条第（八）项
          本年
          收费
          金额
信息内容      （单
          位：
          万元
          ）
行政事业      3.5
性收费"""


@pytest.mark.parametrize(
    "text",
    (
        AROUND_ONE_LINE_2021,
        # 184件 over three lines: ``18`` / ``行政强制  4`` / ``件``
        AROUND_ONE_LINE_2021.replace("行政强制\n          4件", "行政强制      4\n          件"),
    ),
)
def test_a_count_wrapped_around_a_one_line_label_is_no_row_read_off_one_piece(
    text: str,
) -> None:
    """``52`` / ``行政许可`` / ``6件`` and ``18`` / ``行政强制`` / ``4件`` (or ``18`` /
    ``行政强制  4`` / ``件``): each count's first piece stands on a line of values alone over
    its rest, so either may be one count wrapped around its row's line or two rows' cells.
    行政许可, 行政处罚 and 行政强制 are missing, each said at its line, never 6, 18 or 4
    (main read all three so where ``4件`` stands under 行政强制); 行政规范性文件, printed
    whole on its line, and the amount are read."""
    truth = _report(
        "2021",
        {
            "rules.issued": 2,
            "rules.in_force": 5,
            "normative_documents.issued": 7,
            "normative_documents.repealed": 1,
            "normative_documents.in_force": 40,
            "licensing.decisions": 526,
            "coercive_measures.decisions": 184,
            "fees.amount": Decimal("3.5"),
        },
    )
    assert text == AROUND_ONE_LINE_2021 or "行政强制      4\n          件" in text
    back = gr.parse(_with_section_two(truth, text))
    for row, label in (
        ("licensing", "行政许可"),
        ("penalties", "行政处罚"),
        ("coercive_measures", "行政强制"),
    ):
        cell = back.cell(f"proactive.{row}.decisions")
        assert (cell.value, cell.blank) == (None, False), row
        assert any(
            d.code == "values-unplaced" and label in d.message and d.line is not None
            for d in back.diagnostics
        ), row
    assert _proactive(back, "normative_documents") == (7, 1, 40)
    assert back.cell("proactive.fees.amount").value == Decimal("3.5")
    assert wrong(back, truth.flat()) == {}


#: A 2019 report's (六) sub-table in Word's narrow cells two wide, zeros blank, an empty
#: line after each row: 行政处罚 prints 31项 and +2 (its 处理决定数量 blank); 行政强制's
#: 7005件 wraps over three lines around its label's two (``70`` past the empty line,
#: ``05`` between ``行政  65`` and ``强制  4项``, ``件`` under), 654项 beside them.
SPACED_THREE_LINES_2019 = """二、主动公开政府信息情况

第二十条第（六）项

      上一
           本年   处理
信息    年项
           增/   决定
内容    目数
           减    数量
      量

行政    31
           +2
处罚    项

                70
行政    65
                05
强制    4项
                件"""


def test_a_count_over_three_lines_whose_first_piece_the_row_above_took_is_missing() -> None:
    """``70`` stands over ``05`` / ``件`` (7005件, 行政强制's): the layout gives it to
    行政处罚's lines, whose pieces are then joined into one row; the doubt on it stays, so
    行政处罚's cells are missing (main read its blank 处理决定数量 as 70), none claimed
    blank, and 行政强制 is never read 5 or 705."""
    truth = _report(
        "2019",
        {
            "penalties.previous_items": 31,
            "penalties.change": 2,
            "coercive_measures.previous_items": 654,
            "coercive_measures.decisions": 7005,
        },
    )
    back = gr.parse(_with_section_two(truth, SPACED_THREE_LINES_2019))
    assert _proactive(back, "penalties") == (None, None, None)
    assert any(
        d.code == "values-unplaced" and "行政处罚" in d.message and d.line is not None
        for d in back.diagnostics
    )
    for row in ("penalties", "coercive_measures"):
        for field in gr.fields("2019"):
            if field.key.startswith(f"proactive.{row}."):
                assert not back.cell(field.key).blank, field.key
    assert wrong(back, truth.flat()) == {}


#: 行政事业性收费's amount cut at its decimal point, with the amount: 47.25 in a cell three
#: characters wide, centred (``47.`` / ``25`` beside its label's middle pieces: the layout
#: reads ``47.`` as a numbering), and 47.2 in one two wide at the top of its row (``47`` /
#: ``.2``: ``.2``, under the table's last value, is no value a layout finds).
FEES_CUT_AT_THE_POINT = (
    (
        """第二十条第（八）项

        本年收
        费金额
信息
        （单位
内容
        ：万元
        ）

行政
事业      47.
性收      25
费""",
        Decimal("47.25"),
    ),
    (
        """第二十条第（八）项

信息内     本年
容       收费
        金额
        （单
        位：
        万元
        ）

行政事     47
业性收     .2
费""",
        Decimal("47.2"),
    ),
)


@pytest.mark.parametrize(("table", "amount"), FEES_CUT_AT_THE_POINT)
def test_an_amount_cut_at_its_point_in_a_one_column_cell_is_missing(
    table: str, amount: Decimal
) -> None:
    """Either piece of the amount read alone (25, 47) would be a wrong number: the amount
    is missing, said so (its pieces two values for its one column, or one under another);
    行政许可's 17件 is read."""
    truth = _report("2021", {"licensing.decisions": 17, "fees.amount": amount})
    two = "二、主动公开政府信息情况\n\n第二十条第（五）项\n\n信息内容   本年处理决定数量\n\n"
    back = gr.parse(_with_section_two(truth, f"{two}行政许可   17件\n\n{table}"))
    assert back.cell("proactive.fees.amount").value is None
    assert any(
        d.code in ("values-unplaced", "extra-values")
        and d.line is not None
        and "行政事业性收费" in d.message
        for d in back.diagnostics
    )
    assert back.cell("proactive.licensing.decisions").value == 17
    assert wrong(back, truth.flat()) == {}


#: A 2019 report's section 二 as plain ``pdftotext`` prints Word's PDF (tool bed 6161, page
#: 19, its (一) and (六) sub-tables): one cell a line from the line's start, but where two
#: cells' lines meet it prints them on one line, ``行政`` / ``790 11`` / ``强制``, the
#: values between the pieces of 行政强制's label.
PLAIN_WORD_2019 = """二、主动公开政府信息情况

第二十条第（一）项
本
年
新

本
年
新

制
作
数
量

公
开
数
量

规章

0

0

0

规范
性文
件

7

7

51

信息
内容

对外
公开
总数
量
第二十条第（六）项

信息
内容

行政
处罚

上
一
年
项
目
数
量
36

本
处理
年
决定
增/
数量
减

0

77

行政
790 11
强制

27"""


def test_plain_pdftotext_one_cell_a_line_is_not_put_in_doubt() -> None:
    """``790 11`` stands between two pieces of a label but from its line's start, as text
    one cell a line prints it, not right of them as text laid out by the page does: the
    values one under another (规章's 0 / 0 / 0) are three cells, read."""
    truth = _report(
        "2019",
        {
            "normative_documents.made": 7,
            "normative_documents.published": 7,
            "normative_documents.total_published": 51,
            "penalties.previous_items": 36,
            "penalties.decisions": 77,
            "coercive_measures.previous_items": 790,
            "coercive_measures.change": 11,
            "coercive_measures.decisions": 27,
        },
    )
    back = gr.parse(_with_section_two(truth, PLAIN_WORD_2019))
    assert _proactive(back, "rules") == (0, 0, 0)
    assert wrong(back, truth.flat()) == {}


def test_a_row_label_wrapped_around_its_line_of_values_is_read_whole() -> None:
    """Section 三's (二)部分公开 in cells two characters wide, its label three a line: 15
    pieces, its values centred on a line of their own between ``的，`` and ``只计``, its
    总计 111 cut ``11`` / ``1`` around that line. The label's pieces go on across the line
    of values (its join is the row's label whole), so 111 is read, never 11."""
    values: dict[str, object] = dict.fromkeys((f.key for f in gr.fields("2021")), 0)
    applicants = (6, 31, 0, 38, 18, 18, 111)
    for row in ("new", "partially_granted", "total"):
        for field, value in zip(
            (f for f in gr.fields("2021") if f.key.startswith(f"applications.{row}.")),
            applicants,
            strict=True,
        ):
            values[field.key] = value
    truth = gr.Report.from_values(values, template="2021", organisation="青石县林业局", year=2022)
    text = render(truth, NarrowCells(wrap=3, width=2))
    assert "的，                                      11\n" in text
    back = gr.parse(text)
    assert (
        tuple(
            back.cell(f.key).value
            for f in gr.fields("2021")
            if f.key.startswith("applications.partially_granted.")
        )
        == applicants
    )
    assert wrong(back, truth.flat()) == {}


@scaled(0.3)
@given(
    report=reports(),
    wrap=st.integers(2, 3),
    width=st.integers(2, 4),
    top=st.booleans(),
    amounts=st.booleans(),
)
def test_narrow_word_cells_with_units_are_right_or_missing(
    report: gr.Report, wrap: int, width: int, top: bool, amounts: bool
) -> None:
    """Any report as Word's PDF of narrow cells prints it (``NarrowCells``: labels wrapped
    every ``wrap`` characters, other cells every ``width``, section 二's counts with their
    units, cells centred or at the top of their rows, amounts wrapped as counts are or on
    one line): no cell wrong, none claimed blank where a number is printed. Cells two
    characters wide wrap every count over two lines or more, so a sub-table of one column
    (2021's) shows no column gaps: a count over three lines (``49`` / ``行政`` / ``99`` /
    ``许可`` / ``件``) and an amount cut at its point or after it (``0.`` / ``09`` / ``13``,
    ``12`` / ``.5``) are missing, never read off one line
    (``test_one_column_cells_wrapped_with_no_column_gaps_are_never_read_off_one_line``);
    in sub-tables of several columns too
    (``test_a_count_wrapped_over_three_lines_is_never_read_off_one``)."""
    text = render(report, NarrowCells(wrap=wrap, width=width, top=top, amounts=amounts))
    note(text)
    back = gr.parse(text)
    truth = report.flat()
    assert wrong(back, truth) == {}
    assert not [k for k, v in truth.items() if v not in (None, 0) and back.cell(k).blank]


#: 政府集中采购 of a 2019 report in Word's narrow cells: its amount 1.2271 (万元) wraps after
#: ``1.2``, its rest ``271`` beside the label's last piece, 0个 centred between.
AMOUNT_WRAPPED = """二、主动公开政府信息情况

第二十条第（九）项

              采购总
信息内     采购项   金额（
容       目数量   单位：
              万元）

政府集           1.2
        0个
中采购           271"""


def test_an_amount_wrapped_with_no_unit_is_never_read_off_its_first_line() -> None:
    """``1.2`` over ``271`` within 政府集中采购's lines may be one amount: it is missing,
    never 1.2."""
    truth = _report("2019", {})
    back = gr.parse(_with_section_two(truth, AMOUNT_WRAPPED))
    assert back.cell("proactive.procurement.amount").value is None
    assert any(
        d.code == "values-unplaced" and "政府集中采购" in d.message for d in back.diagnostics
    )
