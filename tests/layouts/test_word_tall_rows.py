"""Section 二 as ``pdftotext -layout`` prints Word's (or LibreOffice's) PDF of a report's
DOCX: narrow columns, each row label wrapped two characters a line, a row whose label takes
two lines printing its one-line cells on a line of their own between them, and a cell that
wraps (a count too wide for it, or a count and its unit) beside the label's pieces
(``行政  139`` / ``95  -9`` / ``许可  0`` for 1390). Each cell right, or missing: never a
count cut short or joined to another row's."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, note

import govinfo_report as gr
from govinfo_report.write.render import render

from conftest import RENDERINGS, scaled, wrong
from manglers import CentredRows
from strategies import reports

#: The rows of the 2019 template's section 二 whose label wraps onto two lines.
_TWO_LINES = ("licensing", "penalties", "coercive_measures")


def _section_two(report: gr.Report, lines: str) -> str:
    """``report`` rendered space-aligned, its section 二 replaced by ``lines``."""
    text = gr.render(report, "space-aligned")
    start, end = text.index("二、主动公开"), text.index("三、收到")
    return text[:start] + lines + "\n\n" + text[end:]


def _report(template: str, proactive: dict[str, int | Decimal]) -> gr.Report:
    values: dict[str, object] = dict.fromkeys((f.key for f in gr.fields(template)), 0)
    values |= {f"proactive.{key}": value for key, value in proactive.items()}
    return gr.Report.from_values(values, template=template, organisation="梧川市交通局", year=2022)


#: A 2019 report's section 二 as Word's PDF prints it: each column's header one or two
#: characters a line, 信息 alone on a line of the last two sub-tables' headers, 行政许可's
#: 2417 wrapped over its label's lines around 63 and -4, 行政强制's 件 under 308 and its
#: 处理决定数量 5126 wrapped beside 项, and 行政处罚's one-line cells alone between its
#: label's lines.
WORD_2019 = """二、主动公开政府信息情况

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

规章   2    2    15

规范
性文   11   9    40
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

行政             241
     63   -4
许可              7

其他
对外
管理   12   0    30
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

行政
   104    6    877
处罚

行政 308         512
          -7
强制 件           6项

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
     5    1
性收
费

第二十条第（九）项

     采
     购        采购总金额
信息  项        （单位：万
内容  目         元）
     数
     量

政府
集中    3       12.5
采购"""


#: The counts ``WORD_2019`` prints.
PRINTED_2019: dict[str, int | Decimal] = {
    "rules.made": 2,
    "rules.published": 2,
    "rules.total_published": 15,
    "normative_documents.made": 11,
    "normative_documents.published": 9,
    "normative_documents.total_published": 40,
    "licensing.previous_items": 63,
    "licensing.change": -4,
    "licensing.decisions": 2417,
    "other_services.previous_items": 12,
    "other_services.change": 0,
    "other_services.decisions": 30,
    "penalties.previous_items": 104,
    "penalties.change": 6,
    "penalties.decisions": 877,
    "coercive_measures.previous_items": 308,
    "coercive_measures.change": -7,
    "coercive_measures.decisions": 5126,
    "fees.previous_items": 5,
    "fees.change": 1,
    "procurement.projects": 3,
    "procurement.amount": Decimal("12.5"),
}


def test_word_pdf_section_two_with_cells_wrapped_beside_tall_labels() -> None:
    """Each count and unit wrapped beside a two-line label is joined to its first line, and
    each sub-table read by its own header, 信息 alone on a header line starting it."""
    truth = _report("2019", PRINTED_2019)
    back = gr.parse(_section_two(truth, WORD_2019))
    expected = {
        "proactive.licensing.previous_items": 63,
        "proactive.licensing.change": -4,
        "proactive.licensing.decisions": 2417,
        "proactive.penalties.decisions": 877,
        "proactive.coercive_measures.previous_items": 308,
        "proactive.coercive_measures.change": -7,
        "proactive.coercive_measures.decisions": 5126,
        "proactive.fees.previous_items": 5,
        "proactive.fees.change": 1,
    }
    assert {key: back.cell(key).value for key in expected} == expected
    assert back.cell("proactive.coercive_measures.decisions").raw == "5126项"
    assert wrong(back, truth.flat()) == {}


@pytest.mark.parametrize(
    ("top", "middle", "bottom"),
    [
        ("行政             241", "     63   -4", "许可           7"),  # the rest left of 241
        ("行政             241", "     63   -4   5", "许可              7"),  # a value under it
        ("行政             241", "     63", "许可              7"),  # a blank cell beside
    ],
    ids=["rest-apart", "value-under", "blank-beside"],
)
def test_a_piece_not_under_a_wrapped_count_joins_nothing(
    top: str, middle: str, bottom: str
) -> None:
    """A count beside a tall label's last piece that stands apart from the count above it,
    a one-line cell under that count, or a row printing fewer values than its cells: the
    pieces are not known to be one count's, and 行政许可's cells are missing, never 241, 7
    or 2417 in the wrong cell."""
    truth = _report("2019", PRINTED_2019)
    lines = WORD_2019.replace(
        "行政             241\n     63   -4\n许可              7", f"{top}\n{middle}\n{bottom}"
    )
    back = gr.parse(_section_two(truth, lines))
    assert back.cell("proactive.licensing.decisions").value is None
    got = {key: back.cell(key).value for key in truth.flat() if key.startswith("proactive.")}
    assert {k: v for k, v in got.items() if v is not None and v != truth.flat()[k]} == {}


#: A 2019 report's first two sub-tables as PyMuPDF's ``get_text(sort=True)`` prints a
#: browser's PDF: each line starts at its first word's place, but words after a label are
#: spaced by their gaps, so 行政许可's 2650 (of 26509, wrapped) stands left of its one-line
#: cells 22 and 0, which print alone where they are, under no word of the header.
SORTED_2019 = """二、主动公开政府信息情况
                第二十条第（一）项
                  本年 本年 对外
               信息 新  新 公开
               内容 制作 公开 总数
                  数量 数量 量
               规章   0     0     0
               规范
               性文   22    19    37
               件
                第二十条第（五）项
                  上一
                        处理
               信息 年 本年
                        决定
               内容 项目 增/减
                        数量
                  数量
               行政              2650
{middle}
               许可               9
               其他
               对外
               管理   13    0   2624
               服务
               事项
""" + WORD_2019[WORD_2019.index("第二十条第（六）项") :]


def test_a_tall_row_whose_offsets_tell_no_column_order_is_missing() -> None:
    """The wrapped count's pieces are joined (26509), but the text's offsets do not say
    which column it is: 22 and 0 stand under no word of a line that holds a label. The
    row's cells are missing, never 26509, 22, 0 (22, 0, 26509 printed); where the line of
    values alone stands under the header's words, the offsets order the row."""
    printed = dict.fromkeys(("rules.made", "rules.published", "rules.total_published"), 0)
    printed |= {"normative_documents.made": 22, "normative_documents.published": 19}
    printed |= {"normative_documents.total_published": 37, "other_services.previous_items": 13}
    printed |= {"other_services.change": 0, "other_services.decisions": 2624}
    printed |= dict(zip((f"licensing.{k}" for k in _DECISION_CELLS), (22, 0, 26509), strict=True))
    truth = _report("2019", PRINTED_2019 | printed)
    apart = gr.parse(_section_two(truth, SORTED_2019.format(middle=" " * 37 + "22    0")))
    row = [apart.cell(f"proactive.licensing.{key}").value for key in _DECISION_CELLS]
    assert row == [None, None, None]
    assert apart.cell("proactive.other_services.decisions").value == 2624
    assert wrong(apart, truth.flat()) == {}
    under = gr.parse(_section_two(truth, SORTED_2019.format(middle=" " * 18 + "22   0")))
    licensing = [under.cell(f"proactive.licensing.{key}").value for key in _DECISION_CELLS]
    assert licensing == [22, 0, 26509]
    assert wrong(under, truth.flat()) == {}


#: ``sort=True`` of Word's PDF (the shape of bed 8506's page 10): 规章's cells run together
#: with their units (``0 件0 件0 件``), and 行政许可's one-line cell 0 stands alone right of
#: its row's 35 and 37, under 规章's last unit (``{middle}``).
SORTED_WORD = """二、主动公开政府信息情况
              第二十条第（一）项
                 本  本
                 年  年
                      对外
                 新  新
              信息      公开
                 制  公
              内容      总数
                 作  开
                      量
                 数  数
                 量  量

              规章  {rules}

              规范
                                   11
              性文  4 件3 件
                      件
              件

              第二十条第（五）项

                 上
                 一
                   本
                 年    处理
              信息    年
                 项    决定
              内容      增/
                 目    数量
                   减
                 数
                 量

              行政  35      37
{middle}
              许可 项    件

              其他  12  0  30
              对外 项    件
              管理
              服务事项

""" + WORD_2019[WORD_2019.index("第二十条第（六）项") :]


@pytest.mark.parametrize("rules", ["0 件0 件0 件", "0 件 0 件 0 件"])
def test_a_value_under_a_unit_alone_is_under_no_column(rules: str) -> None:
    """A count's unit alone marks no column: where a line's cells run together (``0 件0
    件0 件``), it stands wherever its count ends. A tall row's one-line cell under only
    such a unit is under no word of the table, so its offset tells no column order: the
    row is missing, never 35, 37, 0 (35, 0, 37 printed). Under a header word, it is read."""
    printed = {"rules.made": 0, "rules.published": 0, "rules.total_published": 0}
    printed |= {"normative_documents.made": 4, "normative_documents.published": 3}
    printed |= {"normative_documents.total_published": 11}
    printed |= dict(zip((f"licensing.{k}" for k in _DECISION_CELLS), (35, 0, 37), strict=True))
    truth = _report("2019", PRINTED_2019 | printed)
    last_unit = 14 + 4 + 2 + len(rules) + rules.count("件") - 2  # 件 is two columns wide
    apart = gr.parse(
        _section_two(truth, SORTED_WORD.format(rules=rules, middle=" " * (last_unit + 1) + "0"))
    )
    row = [apart.cell(f"proactive.licensing.{key}").value for key in _DECISION_CELLS]
    assert row == [None, None, None]
    assert apart.cell("proactive.other_services.decisions").value == 30
    assert wrong(apart, truth.flat()) == {}
    under = gr.parse(_section_two(truth, SORTED_WORD.format(rules=rules, middle=" " * 24 + "0")))
    licensing = [under.cell(f"proactive.licensing.{key}").value for key in _DECISION_CELLS]
    assert licensing == [35, 0, 37]
    assert wrong(under, truth.flat()) == {}


#: The cells of a row of decisions of the 2019 template's section 二, in column order.
_DECISION_CELLS = ("previous_items", "change", "decisions")


#: 2021's 第二十条第（一）项 with 行政规范性文件's 现行有效件数 1290 wrapped beside its label's
#: first and last pieces, its other counts between them.
WORD_2021 = """二、主动公开政府信息情况

第二十条第（一）项

     本   本   现
     年   年   行
信息 制   废   有
内容 发   止   效
     件   件   件
     数   数   数

规章   1    0    6

行政
规范           129
     5    3
性文            0
件

第二十条第（五）项

信息      本年处理决定
内容      数量

行政
许可      88

第二十条第（六）项

信息      本年处理决定
内容      数量

行政
处罚      41

行政
强制      7

第二十条第（八）项

信息      本年收费金额
内容      （单位：万元）

行政
事业      0.5
性收
费"""


def test_word_pdf_2021_count_wrapped_beside_a_tall_label() -> None:
    """2021's sub-table of three columns: 1290 wrapped over 规范 / 性文 around 5 and 3."""
    truth = _report(
        "2021",
        {
            "rules.issued": 1,
            "rules.repealed": 0,
            "rules.in_force": 6,
            "normative_documents.issued": 5,
            "normative_documents.repealed": 3,
            "normative_documents.in_force": 1290,
            "licensing.decisions": 88,
            "penalties.decisions": 41,
            "coercive_measures.decisions": 7,
            "fees.amount": Decimal("0.5"),
        },
    )
    back = gr.parse(_section_two(truth, WORD_2021))
    keys = ("issued", "repealed", "in_force")
    got = {key: back.cell(f"proactive.normative_documents.{key}").value for key in keys}
    assert got == {"issued": 5, "repealed": 3, "in_force": 1290}
    assert wrong(back, truth.flat()) == {}


@scaled(0.3)
@given(report=reports(template="2019", missing=False))
def test_counts_wrapped_beside_two_line_labels_are_read(report: gr.Report) -> None:
    """Any 2019 report whose section 二 prints as Word's PDF narrows it (each label two
    characters a line, a count wider than two digits wrapped over the label's lines around
    its row's values, ``CentredRows(wrap=2, digits=2)``): no cell wrong, and every cell of
    a row whose label takes two lines (行政许可, 行政处罚, 行政强制) read as printed."""
    text = render(report, CentredRows(wrap=2, digits=2))
    note(text[text.index("二、") : text.index("三、收到")])
    back = gr.parse(text)
    assert wrong(back, report.flat()) == {}
    printed = {
        key: value
        for key, value in report.flat().items()
        if key.split(".")[1] in _TWO_LINES and key.startswith("proactive.")
    }
    assert {key: back.cell(key).value for key in printed} == printed


#: Word's PDF through ``pdftotext -layout`` of a made-up 2019 report that received no
#: application (the tool bed's, seed 1919, page 11): section 三 prints no number, and its
#: header's note (wrapped) shares a line with 申请人情况.
EMPTY_THREE = Path(__file__).parents[1] / "fixtures" / "jostled"
EMPTY_THREE /= "word-pdftotext-layout-empty-section-three.txt"


def test_an_empty_section_three_header_beside_its_note_breaks_no_line() -> None:
    """``（本列数据的勾稽关系        申请人情况``: a header laid out in columns, no body whose
    line breaks were lost, so section 二 is read as printed (cutting the text at
    申请人情况 lost it all: the cut made section 三 a table of no number)."""
    back = gr.parse(EMPTY_THREE.read_text("utf-8"))
    assert "line-breaks-lost" not in {d.code for d in back.diagnostics}
    printed = {
        "licensing": (0, 0, 976),
        "other_services": (463, 0, 3),
        "penalties": (25, 0, 4),
        "coercive_measures": (381, 0, 7359),
    }
    got = {
        row: tuple(
            back.cell(f"proactive.{row}.{column}").value
            for column in ("previous_items", "change", "decisions")
        )
        for row in printed
    }
    assert got == printed
    assert back.cell("proactive.normative_documents.total_published").value == 49
    assert back.cell("proactive.procurement.amount").value == Decimal("0.4")


#: ``WORD_2019`` with its 第二十条第（一）项 as Word's PDF prints a narrower page's (bed 2828
#: page 17's layout, other counts): each row's cells centred in its tall row, 对外公开总数量
#: (the widest, its unit wrapped) a line above the row's label line and its unit a line
#: below; the header's last words (``量   量``) take the one above.
CENTRED_TOTAL = """二、主动公开政府信息情况

                  第二十条第（一）项

                      本   本
                      年   年
                               对外
                      新   新
                 信息            公开
                      制   公
                 内容            总数
                      作   开
                               量
                      数   数
                      量   量

                               37
                 规章   3件 2件
                               件

                 规范
                            215
                 性文 4 件 4 件
                             件
                 件

""" + WORD_2019[WORD_2019.index("第二十条第（五）项") :]


def test_a_total_centred_above_its_rows_line_is_never_claimed_blank() -> None:
    """规章's 对外公开总数量 (37, a line above 规章's line, taken with the header's last
    words) is read or missing, never claimed printed blank; the row's own line is read."""
    counts = {"made": 3, "published": 2, "total_published": 37}
    others = {"made": 4, "published": 4, "total_published": 215}
    truth = _report(
        "2019",
        PRINTED_2019
        | {f"rules.{key}": value for key, value in counts.items()}
        | {f"normative_documents.{key}": value for key, value in others.items()},
    )
    back = gr.parse(_section_two(truth, CENTRED_TOTAL))
    total = back.cell("proactive.rules.total_published")
    assert total.value in (37, None)
    assert not total.blank
    assert [back.cell(f"proactive.rules.{key}").value for key in ("made", "published")] == [3, 2]
    assert wrong(back, truth.flat()) == {}


#: Found by the thorough profile of ``test_word_blank_rows.py``'s section 二 property
#: (``NarrowCells``, labels and counts wrapped every three characters): 规范性文件
#: prints 100件 and 1000件 over its label's two lines, ``规范性  100  100`` / ``文件  件
#: 0件``, the first count's unit under it, the second's last digit and unit under it.
UNIT_OVER_A_WRAPPED_COUNT = Path(__file__).parents[1] / "fixtures" / "unit-over-a-wrapped-count.txt"


@pytest.mark.parametrize(
    ("head", "tail", "total"),
    [("100", "0件", 1000), ("400", "0件", 4000), ("12", "3件", 123)],
    ids=["found", "four-digits", "three-digits"],
)
def test_a_unit_under_a_count_beside_the_tail_of_another_is_no_label(
    head: str, tail: str, total: int
) -> None:
    """The unit alone under 本年新公开数量's 100 ends the line of the label's second piece,
    beside 对外公开总数量's wrapped tail: it is that count's unit, no piece of the label, so
    the line is the row's and the tail joins its count; stop 103's main read the count's
    first digits alone (100, 400, 12) and ignored the line as an unknown row."""
    text = UNIT_OVER_A_WRAPPED_COUNT.read_text(encoding="utf-8")
    lines = "规范性           100   100\n文件            件     0件"
    assert lines in text
    back = gr.parse(
        text.replace(lines, f"规范性           100   {head}\n文件            件     {tail}")
    )
    assert back.cell("proactive.normative_documents.published").value == 100
    assert back.cell("proactive.normative_documents.total_published").value == total
    assert back.cell("proactive.rules.made").value == 1


@pytest.mark.parametrize("total", ["100", "37"])
def test_units_between_two_rows_whose_lower_prints_its_own_are_the_upper_rows(total: str) -> None:
    """规章's 对外公开总数量 wrapped too (``100  {total}`` / ``规章  1件`` / ``件  件``), its
    units on the line over 规范性文件's counts, whose own units and tail print under them
    (``件  0件``): those units are 规章's, not 规范性文件's, whose 1000件 is read whole;
    stop 103's main gave the units to 规范性文件's counts, ignored the line under them,
    and read 100 for its 1000."""
    text = UNIT_OVER_A_WRAPPED_COUNT.read_text(encoding="utf-8")
    lines = "              100\n规章      1件\n              件\n"
    assert lines in text
    back = gr.parse(
        text.replace(
            lines, f"              100   {total}\n规章      1件\n              件     件\n"
        )
    )
    assert back.cell("proactive.normative_documents.published").value == 100
    assert back.cell("proactive.normative_documents.total_published").value == 1000
    assert back.cell("proactive.rules.made").value == 1
    assert back.cell("proactive.rules.published").value in (100, None)
    assert back.cell("proactive.rules.total_published").value in (int(total), None)


#: Found by the thorough profile of the same property: each row of sub-tables (五) and
#: (六) prints one count, 100件 wrapped (``100`` / ``件``), standing in characters right at
#: 处理决定数量's word and in display columns between it and 本年增/减's.
LONE_COUNTS = Path(__file__).parents[1] / "fixtures" / "lone-counts-under-their-words.txt"


def test_lone_counts_are_read_under_their_header_words() -> None:
    """The header's wrapped words stand one over the other in characters (``本年增`` /
    ``/减``, ``处理决`` / ``定数量``) and askew in display columns, where the count's own
    column fell between two words and the count was read as 本年增/减's (stop 104's main,
    silently): the text is laid out in characters. There 上一年项目数量's column is its
    wrapped word's, on a header line of its own (``上一年`` / ``项目数`` / ``量``). Each
    count is 处理决定数量's, the cells beside it printed blank; 8.3107 is 采购总金额's."""
    back = gr.parse(LONE_COUNTS.read_text(encoding="utf-8"))
    for row in ("other_services", "penalties"):
        assert back.cell(f"proactive.{row}.decisions").value == 100
        assert back.cell(f"proactive.{row}.change").blank
        assert back.cell(f"proactive.{row}.previous_items").blank
    assert str(back.cell("proactive.procurement.amount").value) == "8.3107"
    assert back.cell("proactive.procurement.projects").blank


#: Found by the thorough profile of the same property: 规范性文件 prints 1000件 and 100件
#: wrapped (``规范性  100  [blank]  100`` / ``文件  0件  [blank]  件``), and no row after it
#: in section 二 prints a value (all zeros, left blank).
UNIT_ENDING_A_WRAPPED_LINE = (
    Path(__file__).parents[1] / "fixtures" / "unit-ending-a-wrapped-line.txt"
)


@pytest.mark.parametrize(("head", "tail", "made"), [("100", "0件", 1000), ("23", "4件", 234)])
def test_a_wrapped_line_ending_in_a_unit_alone_stays_in_its_table(
    head: str, tail: str, made: int
) -> None:
    """The line of the counts' rests ends in a unit alone (``件``, 对外公开总数量's), which no
    value pattern ended: the table's lines stopped before it, and 本年新制作数量 was read off
    its first line alone (stop 103's main: 100 for 1000, 23 for 234). Now the line is the
    table's: the count is read whole or missing, never its head."""
    text = UNIT_ENDING_A_WRAPPED_LINE.read_text(encoding="utf-8")
    lines = "规范性     100         100\n文件      0件          件"
    assert lines in text
    back = gr.parse(
        text.replace(lines, f"规范性     {head.ljust(12)}100\n文件      {tail.ljust(13)}件")
    )
    assert back.cell("proactive.normative_documents.made").value in (made, None)
    assert back.cell("proactive.normative_documents.total_published").value in (100, None)


def test_a_unit_under_a_count_wrapped_around_a_row_is_not_the_next_rows() -> None:
    """规章 prints 100件 wrapped around its label (``100`` / ``规章`` / ``件``), 规范性文件
    1000件 and 100件 (``100  100`` / ``0件  件``), no cell between. The 件 under 规章 also
    stands over 规范性文件's second 100, which has its own 件 under it on a line of its own
    (the thorough profile of the section 二 property: stop 104's main gave it that 件,
    then read 100 for 1000). A count's own unit under it is its unit: 1000 is read whole
    or missing."""
    text = UNIT_ENDING_A_WRAPPED_LINE.read_text(encoding="utf-8")
    lines = "规章\n规范性     100         100\n文件      0件          件\n"
    assert lines in text
    wrapped = "\n".join(
        [
            "              100",
            "规章",
            "              件",
            "规范性     100   100",
            "文件      0件    件",
            "",
        ]
    )
    back = gr.parse(text.replace(lines, wrapped))
    assert back.cell("proactive.normative_documents.made").value in (1000, None)
    assert back.cell("proactive.normative_documents.published").value in (100, None)
    assert back.cell("proactive.rules.published").value in (100, None)
    assert back.cell("proactive.rules.made").value is None


#: Found by the thorough profile of the section 二 property (stop 105): 行政处罚 prints
#: 10项 beside its label, 行政强制 4010件 wrapped over three lines centred on its label of
#: two (``40`` / ``行政`` / ``10`` / ``强制`` / ``件``), each other cell blank.
WRAPPED_AROUND_A_LABEL = (
    Path(__file__).parents[1] / "fixtures" / "count-wrapped-around-a-two-line-label.txt"
)


#: 行政处罚 and 行政强制 as the fixture prints them; and with 行政强制 printing 1项 beside the
#: rest of 1000件 (``10`` / ``1项  00`` / ``件``), found by the same profile run again.
PRINTED = "行政    10\n处罚    项\n                40\n行政\n                10\n强制\n"
BESIDE = "行政    10\n处罚    项\n                10\n行政\n      1项        00\n强制\n"


@pytest.mark.parametrize(
    ("lines", "made", "previous"),
    [(PRINTED, 4010, None), (BESIDE, 1000, 1)],
    ids=["printed", "beside another count"],
)
def test_a_count_wrapped_around_a_label_of_two_lines_is_not_the_row_aboves(
    lines: str, made: int, previous: int | None
) -> None:
    """The count's first line stands between the two rows' labels, over its rest: stop
    104's main read 40 (10) as 行政处罚's 处理决定数量, silently. It may be that row's
    count and 行政强制's rest, or 行政强制's count wrapped; section 二 has no rule to tell,
    so both rows are missing and said, as where the rest stands right below the label
    (``proactive._wrapped_over_label``)."""
    text = WRAPPED_AROUND_A_LABEL.read_text(encoding="utf-8")
    assert PRINTED in text
    back = gr.parse(text.replace(PRINTED, lines))
    assert back.cell("proactive.penalties.decisions").value is None
    assert back.cell("proactive.coercive_measures.decisions").value in (made, None)
    assert back.cell("proactive.coercive_measures.previous_items").value in (previous, None)
    said = [d for d in back.diagnostics if d.code == "values-unplaced" and d.line in (43, 45)]
    assert {key for d in said for key in d.keys} >= {
        "proactive.penalties.decisions",
        "proactive.coercive_measures.decisions",
    }


#: The same profile run a fourth time: 行政强制 prints 18项 beside its label's first piece,
#: the rest of 1000件 between its pieces (``10`` / ``行政  18`` / ``00`` / ``强制  项``).
SPLIT = "行政    14\n处罚    项\n                10\n行政    18\n                00\n强制    项\n"


def test_a_count_wrapped_around_a_label_read_in_pieces_is_not_the_row_aboves() -> None:
    """行政强制's label is read as two rows of pieces (``行政`` with 18项, ``强制`` with the
    rest ``00件``), neither naming a row, and ``_wrapped_over_label`` looks only at rows
    that name one: 10 stayed 行政处罚's 处理决定数量, said only of its blank cell. Now the
    count over a piece's count is doubted (``proactive._over_pieces``): 行政处罚 missing,
    said; 行政强制 missing (``row-missing``)."""
    text = WRAPPED_AROUND_A_LABEL.read_text(encoding="utf-8")
    assert PRINTED in text
    back = gr.parse(text.replace(PRINTED, SPLIT))
    assert back.cell("proactive.penalties.decisions").value is None
    assert back.cell("proactive.penalties.previous_items").value in (14, None)
    assert back.cell("proactive.coercive_measures.decisions").value in (1000, None)
    said = [d for d in back.diagnostics if d.code == "values-unplaced" and d.line == 43]
    assert "proactive.penalties.decisions" in {key for d in said for key in d.keys}
    assert any(d.code == "row-missing" and "行政强制" in d.message for d in back.diagnostics)


PINGTAN_2021 = RENDERINGS / "pt-2021-pingtan" / "word-pdftotext-layout.txt"


def test_the_next_numbered_row_is_no_rest_of_a_count_wrapped_in_its_cell() -> None:
    # 平潭's 2021 report as pdftotext -layout prints its Word PDF, 本年新收's 总计 70 wrapped
    # in its narrow cell (7 / 0, the 0 a line below, right of the 7: damage_real.py --seed
    # 106's wrapped_number). 一's line, the 0's and 二's line looked like a tall row whose
    # label wraps, and 二's zeros were taken for the rests of 一's counts: 640, 20, 40 and
    # 700 for 64, 2, 4 and 70, 二 missing. 二、 starts a row's label, never a label's rest.
    page = PINGTAN_2021.read_text(encoding="utf-8")
    printed = "   0   4   70\n"
    assert page.count(printed) == 1
    report = gr.parse(page.replace(printed, "   0   4   7 \n" + " " * 49 + "0\n"))
    new = ("natural_person", "commercial_enterprise", "research_institution")
    new += ("public_interest_organisation", "legal_service_agency", "other_organisation", "total")
    assert [report.cell(f"applications.new.{key}").value for key in new] == [64, 0, 0, 2, 0, 4, 70]
    assert [report.cell(f"applications.carried_over.{key}").value for key in new] == [0] * 7


#: Found by the thorough profile of `test_narrow_word_section_two_with_zeros_blank_is_never_wrong`
#: (`NarrowCells(wrap=3, width=2)`): counts wrapped two digits a line, their units below
#: (`21` / `63` / `项` for 2163项). A row's blank cells taken back left a given row of no
#: cell, and the check for sub-tables printed a column at a time read its first cell's line.
ROW_EMPTIED = Path(__file__).parents[1] / "fixtures" / "narrow-word-row-emptied.txt"

#: Section 二 of the text, read by a person: each count whole, each blank cell None.
ROW_EMPTIED_TRUTH = {
    "rules": (5000, None, 355),
    "normative_documents": (None, None, None),
    "licensing": (None, None, 132),
    "other_services": (None, None, None),
    "penalties": (2163, None, 1127),
    "coercive_measures": (None, 2, 1660),
    "fees": (910, -48),
    "procurement": (1492, None),
}


def test_a_row_whose_cells_were_all_taken_back_stops_no_later_check() -> None:
    """The text parses (stop 107's main raised ``IndexError``), and each cell of section 二
    is its count or missing, never another number."""
    back = gr.parse(ROW_EMPTIED.read_text(encoding="utf-8"))
    for row, values in ROW_EMPTIED_TRUTH.items():
        keys = [key for key in back.flat() if key.startswith(f"proactive.{row}.")]
        assert len(keys) == len(values), row
        for key, want in zip(keys, values, strict=True):
            assert back.cell(key).value in (want, None), key
