"""Page text that prints a space between any two cells and leaves its blank cells out
(BeautifulSoup's ``get_text(' ', strip=True)`` of a page that leaves its zeros empty), its
line breaks lost: ``（一）予以公开 139 42 2 15 36 234`` is six values apart, one cell
blank, never seven values one of which is cut from 139 (issue 45, item 3).

Such a row was read as a run whose digits the rules might cut further, its left-out
cells unknown; the table then read no row with blank cells, and the solver's search of
section 三 stopped at its budget (``search-budget``) with every short row missing."""

from __future__ import annotations

import random
import re

from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report import labels

from conftest import scaled
from strategies import sparse_reports

# A made-up 2021 page as ``get_text(' ', strip=True)`` gives it: one line, section 三's
# zeros left empty. ``1 1 2.其他…``: the 2 is the next label's numbering.
PAGE = (
    "白沙镇人民政府2023年政府信息公开工作年度报告_政府信息公开年报 首页 政务公开 白沙镇人民政"
    "府2023年政府信息公开工作年度报告 一、总体情况 2023年，白沙镇认真贯彻落实《中华人民共和国"
    "政府信息公开条例》。 二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年制发件数 "
    "本年废止件数 现行有效件数 规章 行政规范性文件 1 1 第二十条第（五）项 信息内容 本年处理决"
    "定数量 行政许可 36 第二十条第（六）项 信息内容 本年处理决定数量 行政处罚 12 行政强制 第"
    "二十条第（八）项 信息内容 本年收费金额（单位：万元） 行政事业性收费 三、收到和处理政府信"
    "息公开申请情况 （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请"
    "人情况 自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他 一、"
    "本年新收政府信息公开申请数量 436 81 3 3 40 48 611 二、上年结转政府信息公开申请数量 15 7 "
    "1 3 26 三、本年度办理结果 （一）予以公开 139 42 2 15 36 234 （二）部分公开（区分处理的，"
    "只计这一情形，不计其他情形） 47 8 1 4 2 62 （三）不予公开 1.属于国家秘密 1 1 2.其他法律"
    "行政法规禁止公开 3 3 3.危及“三安全一稳定” 3 3 4.保护第三方合法权益 2 2 5.属于三类内部事"
    "务信息 1 1 6.属于四类过程性信息 2 2 4 7.属于行政执法案卷 3 3 8.属于行政查询事项 4 1 5 （"
    "四）无法提供 1.本机关不掌握相关政府信息 42 17 2 14 5 80 2.没有现成信息需要另行制作 43 2 "
    "2 1 48 3.补正后申请内容仍不明确 10 1 2 13 （五）不予处理 1.信访举报投诉类申请 26 3 2 31 "
    "2.重复申请 17 1 1 19 3.要求提供公开出版物 2 2 4.无正当理由大量反复申请 7 1 8 5.要求行政"
    "机关确认或重新出具已获取信息 7 7 （六）其他处理 1.申请人无正当理由逾期不补正、行政机关不"
    "再处理其政府信息公开申请 28 1 29 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理"
    "其政府信息公开申请 2 2 3.其他 48 1 1 1 2 53 （七）总计 437 79 3 3 37 51 610 四、结转下年"
    "度继续办理 14 9 4 27 四、政府信息公开行政复议、行政诉讼情况 行政复议 行政诉讼 结果维持 "
    "结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉 结果维持 结果纠正 其他结果 "
    "尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计 1 1 五、存在的主要问题及改进情况 "
    "一是公开内容不够全面。 六、其他需要报告的事项 无。 白沙镇人民政府 2024年1月20日 主办：白"
    "沙镇人民政府"
)

COLUMNS = tuple(labels.APPLICANT_COLUMNS)

# Section 三 as the page prints it, typed from the text above (0: a cell left empty).
PRINTED = {
    "new": (436, 81, 3, 3, 40, 48, 611),
    "carried_over": (15, 7, 0, 0, 1, 3, 26),
    "granted": (139, 42, 2, 0, 15, 36, 234),
    "partially_granted": (47, 8, 0, 1, 4, 2, 62),
    "denied.state_secret": (1, 0, 0, 0, 0, 0, 1),
    "denied.prohibited_by_law": (3, 0, 0, 0, 0, 0, 3),
    "denied.security_stability": (3, 0, 0, 0, 0, 0, 3),
    "denied.third_party_rights": (2, 0, 0, 0, 0, 0, 2),
    "denied.internal_affairs": (1, 0, 0, 0, 0, 0, 1),
    "denied.process_information": (2, 2, 0, 0, 0, 0, 4),
    "denied.enforcement_files": (3, 0, 0, 0, 0, 0, 3),
    "denied.administrative_inquiry": (4, 1, 0, 0, 0, 0, 5),
    "unavailable.not_held": (42, 17, 0, 2, 14, 5, 80),
    "unavailable.needs_creation": (43, 2, 0, 0, 2, 1, 48),
    "unavailable.unclear_after_correction": (10, 1, 0, 0, 0, 2, 13),
    "not_processed.petition_complaint": (26, 3, 0, 0, 0, 2, 31),
    "not_processed.repeated": (17, 1, 0, 0, 0, 1, 19),
    "not_processed.publication": (2, 0, 0, 0, 0, 0, 2),
    "not_processed.excessive": (7, 1, 0, 0, 0, 0, 8),
    "not_processed.confirmation": (7, 0, 0, 0, 0, 0, 7),
    "other.no_correction": (28, 0, 0, 0, 1, 0, 29),
    "other.unpaid_fee": (2, 0, 0, 0, 0, 0, 2),
    "other.other": (48, 1, 1, 0, 1, 2, 53),
    "total": (437, 79, 3, 3, 37, 51, 610),
    "carried_forward": (14, 9, 0, 0, 4, 0, 27),
}

#: Rows the rules place one way: the 科研机构 and 社会公益组织 columns hold the same
#: counts, so a value of either may stand in the other in the rest.
PLACED = (
    "carried_over",
    "denied.state_secret",
    "denied.prohibited_by_law",
    "denied.process_information",
    "unavailable.needs_creation",
    "not_processed.petition_complaint",
    "not_processed.publication",
    "not_processed.confirmation",
    "other.unpaid_fee",
    "carried_forward",
)


def _row(report: gr.Report, row: str) -> tuple[object, ...]:
    return tuple(report.cell(f"applications.{row}.{c}").value for c in COLUMNS)


def test_values_apart_with_blank_cells_left_out_are_placed_by_the_rules() -> None:
    report = gr.parse(PAGE)
    for row in PLACED:
        assert _row(report, row) == PRINTED[row], row
    for row, values in PRINTED.items():  # the rest: right or missing, never wrong
        pairs = zip(_row(report, row), values, strict=True)
        assert all(got in (None, want) for got, want in pairs), row
    # the values are the text's own; the cells left out are derived 0 by the row's rule
    printed = report.cell("applications.carried_over.natural_person")
    assert (printed.value, printed.provenance, printed.raw) == (15, "parsed", "15")
    blank = report.cell("applications.carried_over.research_institution")
    assert (blank.value, blank.provenance) == (0, "derived")
    assert report.cell("applications.denied.prohibited_by_law.total").raw == "3"
    assert "search-budget" not in {d.code for d in report.diagnostics}
    assert sum(v is not None for row in PRINTED for v in _row(report, row)) >= 140


def _stripped(report: gr.Report, rng: random.Random) -> str:
    """``report`` as ``get_text(' ', strip=True)`` gives a page that leaves some zero cells
    empty: its title line, then every cell's text joined by one space on one line, an
    empty cell giving nothing (no space of its own)."""
    title, *body = gr.render(report, "tab-separated").split("\n")
    cells = [
        cell
        for line in body
        for cell in line.split("\t")
        if cell and not (cell == "0" and rng.random() < 0.7)
    ]
    return f"{title}\n" + re.sub(" +", " ", " ".join(cells)) + "\n"


@scaled(1)
@given(report=sparse_reports(missing=False), seed=st.integers(0, 2**32))
def test_stripped_pages_are_never_read_wrong(report: gr.Report, seed: int) -> None:
    back = gr.parse(_stripped(report, random.Random(seed)))
    assert back.template == report.template
    for key, want in report.flat().items():
        cell = back.cell(key)
        assert cell.value in (None, want), (key, cell, want)
        assert cell.provenance != "blank" or want == 0, (key, cell)
