"""One-line page text (BeautifulSoup's ``get_text()``, lxml's ``text_content()``, a web
archive's) whose rows run their cells together: a row that shows no blank cell, on a page
that shows it prints each one ``&nbsp;``, has every cell filled; and a sign starts 2019's
本年增/减 in every reading, so the digits before it are 上一年项目数量 even where blank cells
may have left no trace (issue 45, items 3 and 6)."""

from __future__ import annotations

import pytest

import govinfo_report as gr

NBSP = "\u00a0"
B7 = NBSP * 7

# A 2019 page whose tables ran together one line each, every blank cell ``&nbsp;`` (its
# rows of 三 printed blank show it: a label and seven): section 二's 行政处罚 prints 58, -4
# and 9 with no blank cell (``58-49``), 行政强制 31, a blank and 6; 四 prints its fifteen
# cells, none blank (``300030000052108``: 3 0 0 0 3, five zeros, 5 2 1 0 8).
PAGE_2019 = f"""\
青石县市场监督管理局2020年政府信息公开工作年度报告
一、总体情况
2020年，青石县市场监督管理局认真贯彻落实《中华人民共和国政府信息公开条例》。
二、主动公开政府信息情况
第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件000\
第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可000其他对外管理服务事项000\
第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚58-49行政强制31{NBSP}6\
第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费00\
第二十条第（九）项信息内容采购项目数量采购总金额（单位：万元）政府集中采购00
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计\
商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量4{NBSP * 5}4\
二、上年结转政府信息公开申请数量{B7}三、本年度办理结果（一）予以公开4{NBSP * 5}4\
（二）部分公开（区分处理的，只计这一情形，不计其他情形）{B7}（三）不予公开1.属于国家秘密{B7}\
2.其他法律行政法规禁止公开{B7}3.危及“三安全一稳定”{B7}4.保护第三方合法权益{B7}\
5.属于三类内部事务信息{B7}6.属于四类过程性信息{B7}7.属于行政执法案卷{B7}\
8.属于行政查询事项{B7}（四）无法提供1.本机关不掌握相关政府信息{B7}\
2.没有现成信息需要另行制作{B7}3.补正后申请内容仍不明确{B7}（五）不予处理\
1.信访举报投诉类申请{B7}2.重复申请{B7}3.要求提供公开出版物{B7}\
4.无正当理由大量反复申请{B7}5.要求行政机关确认或重新出具已获取信息{B7}（六）其他处理{B7}\
（七）总计4{NBSP * 5}4四、结转下年度继续办理{B7}
四、政府信息公开行政复议、行政诉讼情况
行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结\
总计结果维持结果纠正其他结果尚未审结总计300030000052108
五、存在的主要问题及改进情况
信息公开的及时性有待加强。
六、其他需要报告的事项
本年度未收取信息处理费。
青石县市场监督管理局
2021年1月16日
"""

APPEALS = ("review", "litigation_direct", "litigation_after_review")
OUTCOMES = ("upheld", "corrected", "other", "pending", "total")


def _appeals(report: gr.Report) -> list[object]:
    flat = report.flat()
    return [flat[f"appeals.{group}.{outcome}"] for group in APPEALS for outcome in OUTCOMES]


def test_a_row_with_no_blank_cell_on_a_page_that_prints_each_nbsp_has_every_cell_filled() -> None:
    """``58-49`` shows no no-break space, on a page that prints every blank cell as one:
    none of its cells is blank, so its three values are 58, -4 and 9 (-49 and a blank
    cell would show one); before, a blank cell that left no trace kept -49 a reading and
    the row missing. Section 四's ``300030000052108`` is fifteen digits for fifteen cells."""
    report = gr.parse(PAGE_2019)
    flat = report.flat()
    penalties = [flat[f"proactive.penalties.{c}"] for c in ("previous_items", "change")]
    assert [*penalties, flat["proactive.penalties.decisions"]] == [58, -4, 9]
    coercive = report.cell("proactive.coercive_measures.change")
    assert flat["proactive.coercive_measures.previous_items"] == 31
    assert (coercive.value, coercive.provenance) == (None, "blank")
    assert flat["proactive.coercive_measures.decisions"] == 6
    assert _appeals(report) == [3, 0, 0, 0, 3, 0, 0, 0, 0, 0, 5, 2, 1, 0, 8]


@pytest.mark.parametrize("archived", [False, True])
def test_the_digits_before_a_sign_are_the_first_cell_whatever_blank_cells_left_no_trace(
    archived: bool,
) -> None:
    """The same page printing its blank cells as nothing (empty cells), so the text does not
    show them: ``58-49`` is 58, -4 and 9 or 58, -49 and a blank cell, and section 二 has no
    rule to choose; either way the sign starts 本年增/减 (no count prints one) and 58 is all
    before it, so 58 is read and the other two stay missing. ``7-3`` under
    行政事业性收费 (上一年项目数量, 本年增/减) is 7 and -3, as before (no fewer values make
    it). A web archive's text (white space closed, ``archived``) reads alike."""
    page = PAGE_2019.replace(NBSP, "").replace("行政事业性收费00", "行政事业性收费7-3")
    text = " ".join(page.split()) if archived else page
    report = gr.parse(text)
    flat = report.flat()
    assert flat["proactive.penalties.previous_items"] == 58
    for cell in ("change", "decisions"):
        assert report.cell(f"proactive.penalties.{cell}").provenance == "missing", cell
    assert [flat["proactive.fees.previous_items"], flat["proactive.fees.change"]] == [7, -3]


def test_the_digits_before_a_sign_are_read_only_as_one_value() -> None:
    """The digits before the sign are read where they are one value (``158-49``: 158), not
    where a space cuts them (``1 58-49``: 1 and 58 are two values, or a blank cell and
    values, for the one cell before 本年增/减: no reading, the cell stays missing)."""
    page = PAGE_2019.replace(NBSP, "")
    report = gr.parse(page.replace("行政处罚58-49", "行政处罚158-49"))
    assert report.flat()["proactive.penalties.previous_items"] == 158
    spaced = gr.parse(page.replace("行政处罚58-49", "行政处罚1 58-49"))
    assert spaced.cell("proactive.penalties.previous_items").provenance == "missing"
