"""Section 二's value printed under its column's header word after its sub-table's only row
(Word's PDF of a narrow table through plain pdftotext, ``proactive._under_own_header``):
what the word's block holds, and what only looks like it."""

from __future__ import annotations

import govinfo_report as gr

from conftest import wrong


def _narrow(after_word: str) -> str:
    """A 2019 report's section 二 as plain pdftotext prints Word's PDF of a narrow table:
    each sub-table's header words, its row's label and values a line each; 行政事业性收费's
    本年增/减 in a block of its own after the row, ``after_word`` following the word."""
    return f"""青石县市场监督管理局2019年政府信息公开工作年度报告
一、总体情况
2019年，青石县市场监督管理局认真贯彻落实《中华人民共和国政府信息公开条例》。
二、主动公开政府信息情况
第二十条第（一）项
信息内容
本年新制作数量
本年新公开数量
对外公开总数量
规章
0
0
0
规范性文件
2
2
5
第二十条第（五）项
信息内容
上一年项目数量
本年增/减
处理决定数量
行政许可
20
-3
17
其他对外管理服务事项
5
0
9
第二十条第（六）项
信息内容
上一年项目数量
本年增/减
处理决定数量
行政处罚
67
36
103
行政强制
1
0
2
第二十条第（八）项
信息内容
上一年项目数量
行政事业性收费
3
本年增/减{after_word}
第二十条第（九）项
信息内容
采购项目数量
采购总金额（单位：万元）
政府集中采购
15
680.5
三、收到和处理政府信息公开申请情况
略。
四、政府信息公开行政复议、行政诉讼情况
略。
五、存在的主要问题及改进情况
信息公开的及时性有待加强。
六、其他需要报告的事项
无。
"""


def test_a_value_in_its_header_word_s_block_is_its_row_s() -> None:
    report = gr.parse(_narrow("\n\n2\n"))
    assert wrong(report, {"proactive.fees.previous_items": 3, "proactive.fees.change": 2}) == {}
    assert report.flat()["proactive.fees.change"] == 2


def test_a_page_number_after_a_header_word_whose_cell_is_blank_is_no_value_of_it() -> None:
    """行政事业性收费's 本年增/减 is blank and pdftotext leaves it out; the word is the page's
    last line of the table and Word's footer prints the page number, ``4``, before the page
    break. 4 is no cell of the report: 本年增/减 is missing (or blank), never 4."""
    report = gr.parse(_narrow("\n\n4\n\f"))
    assert wrong(report, {"proactive.fees.previous_items": 3, "proactive.fees.change": 0}) == {}
    assert report.flat()["proactive.fees.change"] is None
    assert any(d.code == "values-unplaced" and d.line == 51 for d in report.diagnostics)


def test_a_bare_number_before_the_next_pages_first_line_is_no_header_words_value() -> None:
    """The same with page 12's number right before the break that starts the next page's
    first line (``12`` / ``\f第二十条第（九）项``, no blank line): one page's number, or the
    word's value, the text does not say which; the rows of the next page are read."""
    report = gr.parse(_narrow("\n12\n\f").replace("\f\n", "\f"))
    assert wrong(report, {"proactive.fees.previous_items": 3, "proactive.fees.change": 0}) == {}
    assert report.flat()["proactive.fees.change"] is None
    assert report.flat()["proactive.procurement.amount"] == 680.5
    assert "values-unplaced" in {d.code for d in report.diagnostics}


def test_page_numbers_the_pages_agree_on_are_no_values() -> None:
    """Word's footer numbers every page with a bare number, the last line before each page
    break: pages 1 to 4, so the ``4`` after 行政事业性收费's blank 本年增/减 is page 4's
    number, and so are the others; none is a value, and the rows around them are read
    (on the text as it was, the bare numbers left section 二 unread: extra values)."""
    text = (
        _narrow("\n\n4\n\f")
        .replace("规范性文件\n", "\n1\n\f规范性文件\n", 1)
        .replace("第二十条第（六）项", "\n2\n\f第二十条第（六）项", 1)
        .replace("第二十条第（八）项", "\n3\n\f第二十条第（八）项", 1)
    )
    report = gr.parse(text)
    truth = {
        "proactive.rules.made": 0,
        "proactive.normative_documents.total_published": 5,
        "proactive.other_services.decisions": 9,
        "proactive.penalties.previous_items": 67,
        "proactive.coercive_measures.decisions": 2,
        "proactive.fees.previous_items": 3,
        "proactive.fees.change": 0,
        "proactive.procurement.amount": 680.5,
    }
    assert wrong(report, truth) == {}
    flat = report.flat()
    # 3 alone for 行政事业性收费's two columns, the word after it naming the other: which
    # column 3 is, the row does not say, so the row may stay missing; the rest is read.
    read = [key for key in truth if not key.startswith("proactive.fees.")]
    assert [flat[key] for key in read] == [0, 5, 9, 67, 2, 680.5]
