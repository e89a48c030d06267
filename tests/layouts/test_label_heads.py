"""A table begins at its first line of values; pypdfium2 and pdfplumber print a browser's
PDF of narrow label cells with each row's label wrapped over lines of its own before its
values (``一、本年新收政府`` / ``信息公开申请数量`` / ``549 49 1 4 13 6 622``). The first
row's label lines are the table's where together they print one of its row labels whole;
a header's last word that is also a row's label (``其他``) names no values. Where the
first line of values begins with a piece of its label, the lines before it that begin
that label are the table's (plain ``pdftotext``: ``规范`` / ``性文 46 45 65`` / ``件``). The
texts are typed here after tool bed 6565's pypdfium2 page 17 and bed 8507's page 0."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.write.render import render

from conftest import scaled, wrong
from manglers import RawLines, UnitsOver
from strategies import reports

_TEXT = """\
松原市人民政府办公室2019年政府信息公开工作年度报告

一、总体情况
本机关认真落实政府信息公开工作。

三、收到和处理政府信息公开申请情况
（本列数据的勾稽
关系为：第一项加
第二项之和，等于
第三项加第四项之
和）
申请人情况
自然人 法人或其他组织
总计
商业企业
科研
机构
社会
公益
组织
法律
服务
机构
其他
{first}
二、上年结转政府
信息公开申请数量
58 4 2 1 65
"""

#: Section 三's first row's cells, in the catalogue's order.
_NEW = [f.key for f in gr.fields("2019") if f.key.startswith("applications.new.")]


def test_a_first_rows_label_wrapped_above_its_values_names_them() -> None:
    back = gr.parse(_TEXT.format(first="一、本年新收政府\n信息公开申请数量\n549 49 1 4 13 6 622"))
    assert [back.cell(key).value for key in _NEW] == [549, 49, 1, 4, 13, 6, 622]
    assert back.cell("applications.new.total").line == 27
    assert not any(d.code == "row-missing" and _NEW[0] in d.keys for d in back.diagnostics)


def test_a_first_rows_whole_label_on_its_own_line_names_its_values() -> None:
    back = gr.parse(_TEXT.format(first="一、本年新收政府信息公开申请数量\n549 49 1 4 13 6 622"))
    assert [back.cell(key).value for key in _NEW] == [549, 49, 1, 4, 13, 6, 622]


def test_lines_that_make_no_row_label_whole_stay_prose() -> None:
    # a piece that begins a label but does not finish it names no row: not taken
    back = gr.parse(_TEXT.format(first="一、本年新收政府\n549 49 1 4 13 6 622"))
    assert [back.cell(key).value for key in _NEW] == [None] * 7


def test_a_headers_last_word_that_is_a_rows_label_names_no_values() -> None:
    # 2021's section 三 has a row 3.其他 (under （六）其他处理): the header's 其他, taken in
    # before a first row printed on its values' line, is a row of no values of its own
    text = _TEXT.replace("2019年", "2021年").format(
        first="一、本年新收政府信息公开申请数量 549 49 1 4 13 6 622"
    )
    back = gr.parse(text)
    assert [back.cell(key).value for key in _NEW] == [549, 49, 1, 4, 13, 6, 622]
    assert back.cell("applications.other.other.total").provenance == "missing"


#: Section 二 as plain ``pdftotext`` prints a browser's PDF of narrow label cells (typed
#: after tool bed 8507's page 0): each header word wrapped over lines, 规章 printing no
#: value (its blank cells leave no trace), and 规范性文件's values on the middle line of
#: its label (``规范`` / ``性文 46 45 65`` / ``件``), its first piece before the table's
#: first line of values.
_PROACTIVE = """\
青山县市场监督管理局{year}年政府信息公开工作年度报告

一、总体情况
本机关认真落实政府信息公开工作。

二、主动公开政府信息情况
第二十条第（一）项
{header}
{rows}
第二十条第（五）项
上一
信息 年项 本年 处理
内容 目数 增/减 决定
数量
量
行政 12 1 30
许可
三、收到和处理政府信息公开申请情况
"""

_HEADER_2019 = "本年 本年 对外\n信息 新 新公 公开\n内容 制作 开数 总数\n数量 量 量"
_HEADER_2021 = "本年 本年 现行\n信息 制发 废止 有效\n内容 件数 件数 件数"


def test_a_first_rows_label_begun_above_its_values_line_names_them() -> None:
    text = _PROACTIVE.format(year=2019, header=_HEADER_2019, rows="规章\n规范\n性文 46 45 65\n件")
    back = gr.parse(text)
    documents = ("made", "published", "total_published")
    assert [back.cell(f"proactive.normative_documents.{k}").value for k in documents] == [
        46,
        45,
        65,
    ]
    # 规章 printed its label alone: its cells are not read, blank or otherwise
    assert back.cell("proactive.rules.made").provenance == "missing"
    assert back.cell("proactive.licensing.decisions").value == 30


#: ``pdftotext -layout``'s section 二 of a narrow browser PDF, indented as printed: the
#: first sub-table prints no value, 规章's label alone above 规范性文件's pieces.
_INDENTED_BLANK = "\n".join(
    " " * 43 + line
    for line in (
        " 第二十条第（一）项",
        "   本年 本年 对外",
        "信息 新 新 公开",
        "内容 制作 公开 总数",
        "   数量 数量 量",
        "规章",
        "规范",
        "性文",
        "件",
        " 第二十条第（五）项",
        "   上一",
        "信息 年项 本年 处理",
        "内容 目数 增/减 决定",
        "          数量",
        "   量",
        "行政 12     1  30",
        "许可",
    )
)


def test_a_label_alone_above_a_row_that_prints_no_value_is_a_printed_blank_row() -> None:
    # A row printing no value after another row's label alone holds nothing that may be
    # that row's: both are printed blank (main left both missing, a flow of labels first
    # suspected; a tool bed's pdftotext -layout page)
    text = _PROACTIVE.format(year=2019, header="", rows="")
    start, end = text.index("第二十条第（一）项"), text.index("三、收到")
    back = gr.parse(text[:start] + _INDENTED_BLANK + "\n" + text[end:])
    cells = [
        f"proactive.{row}.{key}"
        for row in ("rules", "normative_documents")
        for key in ("made", "published", "total_published")
    ]
    assert {back.cell(key).provenance for key in cells} == {"blank"}
    assert back.cell("proactive.licensing.decisions").value == 30


@pytest.mark.parametrize(
    "rows", ["规章\n行政\n规范\n性文 5 2 30\n件", "行政\n规范\n性文 5 2 30\n件"]
)
def test_a_first_rows_label_begun_two_lines_above_its_values_line_names_them(rows: str) -> None:
    back = gr.parse(_PROACTIVE.format(year=2021, header=_HEADER_2021, rows=rows))
    documents = ("issued", "repealed", "in_force")
    values = [back.cell(f"proactive.normative_documents.{k}").value for k in documents]
    assert values == [5, 2, 30]


def test_a_piece_that_the_values_line_does_not_continue_stays_prose() -> None:
    # 规范 + 规章 begins no label: the line above is no piece of the first row's label
    text = _PROACTIVE.format(year=2019, header=_HEADER_2019, rows="规范\n规章 46 45 65")
    back = gr.parse(text)
    assert back.cell("proactive.rules.made").value == 46
    assert back.cell("proactive.normative_documents.made").provenance == "missing"


def test_a_first_rows_label_wrapped_around_its_values_names_them() -> None:
    # pdfplumber and pdfminer centre a tall row's values on its label's middle: the head
    # before the table's first line of values, the rest after it
    back = gr.parse(_TEXT.format(first="一、本年新收政府\n549 49 1 4 13 6 622\n信息公开申请数量"))
    assert [back.cell(key).value for key in _NEW] == [549, 49, 1, 4, 13, 6, 622]
    assert back.cell("applications.new.total").line == 26


def test_a_first_rows_label_with_its_units_over_its_values_names_them() -> None:
    # plain pdfplumber of a browser's PDF sets each unit apart from its digits: the first
    # row's units print on its label's line, over its values
    text = _PROACTIVE.format(year=2019, header=_HEADER_2019, rows="规章 件 件 件\n0 0 0")
    back = gr.parse(text)
    cells = ("made", "published", "total_published")
    assert [back.cell(f"proactive.rules.{key}").value for key in cells] == [0, 0, 0]
    assert back.cell("proactive.rules.made").raw == "0件"
    assert back.cell("proactive.licensing.decisions").value == 30


@scaled(0.5)
@given(reports(missing=False), st.integers(3, 8))
def test_a_first_row_whose_label_wraps_around_its_values_is_read(
    truth: gr.Report, wrap: int
) -> None:
    """Any report as ``pdftotext -raw`` prints LibreOffice's PDF (``RawLines``, centred):
    each label ``wrap`` characters a line, the row's values after its middle piece, the
    first row of section 三 too, its head before the table's first line of values."""
    back = gr.parse(render(truth, RawLines(wrap=wrap, centred=True)))
    assert wrong(back, truth.flat()) == {}
    for key in (f.key for f in gr.fields(truth.template) if f.key.startswith("applications.new.")):
        assert back.cell(key).value == truth.flat()[key], key


@scaled(0.5)
@given(reports(missing=False), st.booleans())
def test_a_first_row_whose_units_print_over_its_values_is_read(
    truth: gr.Report, wrap: bool
) -> None:
    """Any report as pdfplumber's plain text prints a browser's PDF whose section 二 cells
    print units (``UnitsOver`` with words one space apart), 规章's units over its numbers,
    on its label's line: 规章's cells are read."""
    text = render(truth, UnitsOver(frozenset({0}), wrap))
    back = gr.parse("\n".join(" ".join(line.split()) for line in text.split("\n")))
    assert wrong(back, truth.flat()) == {}
    for key in (f.key for f in gr.fields(truth.template) if f.key.startswith("proactive.rules.")):
        assert back.cell(key).value == truth.flat()[key], key
