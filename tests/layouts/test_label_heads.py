"""A table begins at its first line of values; pypdfium2 and pdfplumber print a browser's
PDF of narrow label cells with each row's label wrapped over lines of its own before its
values (``一、本年新收政府`` / ``信息公开申请数量`` / ``549 49 1 4 13 6 622``). The first
row's label lines are the table's where together they print one of its row labels whole;
a header's last word that is also a row's label (``其他``) names no values. The texts
are typed here after tool bed 6565's pypdfium2 page 17."""

from __future__ import annotations

import govinfo_report as gr

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
