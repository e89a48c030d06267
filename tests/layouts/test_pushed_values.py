"""Section 三 of a browser's narrow PDF through ``pdftotext -layout``, past a page break:
each row's label wrapped two characters a line, its first value pushed one space after
the label's piece on its line (``复申 9``), off its cell; the total row prints its first
two values so (``（七）总计 30 15``), one space apart. Where a value is pushed names no
column: 9 stands where the total row's pushed 15 does, and is 自然人's, not 商业企业's."""

from __future__ import annotations

import govinfo_report as gr

from conftest import at_offsets

_FOOTER = "file:///tmp/tmpq7/report.html" + " " * 52 + "{}/6"
_DATE = "\f3/2/26, 8:40 AM                        青石县水务局2019年政府信息公开年度报告"

#: 予以公开's line: its values at their columns' offsets.
GRANTED = at_offsets(
    "              本年 公开",
    *zip((40, 46, 56, 62, 67, 73, 77), ("21", "15", "1", "2", "2", "4", "45"), strict=True),
)

#: 自然人 at 40, 商业企业 at 46, 科研机构 56, 社会公益组织 62, 法律服务机构 67, 其他 73,
#: 总计 77 on the header's page; the rows past the break print their labels two
#: characters a line at 32.
TEXT = "\n".join(
    [
        "青石县水务局2019年政府信息公开年度报告",
        "",
        "一、总体情况",
        "2019年，青石县水务局认真落实政府信息公开工作要求。",
        "",
        "         三、收到和处理政府信息公开申请情况",
        "                     （本列数据的勾稽        申请人情况",
        "                     关系为：第一项加       法人或其他组织",
        "                     第二项之和，等于 自然          法律",
        "                     第三项加第四项之 人 商业 科研 社会  服务",
        "                                                总计",
        "                        和）       企业 机构 公益",
        "                                       组织 机构",
        "                                             其他",
        "              一、本年新收政府",
        at_offsets(
            "              信息公开申请数量",
            *zip((40, 46, 56, 62, 67, 73, 77), ("30", "15", "1", "2", "3", "4", "55"), strict=True),
        ),
        "",
        "              二、上年结转政府",
        "              信息公开申请数量",
        "              三、 （一）予以",
        GRANTED,
        _FOOTER.format(4),
        _DATE,
        "                            （五） 1.信",
        "                            不予处 访举",
        "                             理 报投",
        "                                诉类",
        "                                申请",
        "                                2.重",
        "                                复申 9",
        at_offsets("                                 请", (67, "1"), (77, "10")),
        "",
        at_offsets(
            "                        （七）总计 30 15",
            (56, "1"),
            (62, "2"),
            (67, "3"),
            (73, "4"),
            (77, "55"),
        ),
        "",
        "                     四、结转下年度继",
        "                       续办理",
        "",
        "         四、政府信息公开行政复议、行政诉讼情况",
        "",
        "         五、存在的主要问题及改进情况",
        "无。",
        "",
    ]
)


def test_a_value_pushed_against_its_label_is_never_another_column_s() -> None:
    report = gr.parse(TEXT)
    assert report.template == "2019"
    row = "applications.not_processed.repeated"
    # 9 is printed: 自然人's, or missing where the rules cannot tell, never blank
    natural = report.cell(f"{row}.natural_person")
    assert natural.value in (9, None) and not natural.blank
    for column in ("commercial_enterprise", "research_institution", "public_interest_organisation"):
        assert report.cell(f"{row}.{column}").value in (0, None), column
    assert report.cell(f"{row}.legal_service_agency").value == 1
    assert report.cell(f"{row}.total").value == 10


def test_where_no_rule_tells_its_column_the_pushed_value_s_cells_are_missing_and_said() -> None:
    # 予以公开 printed without its values: no column sum tells whether 9 is 自然人's or
    # 商业企业's (总计 prints 30 and 15 there); 科研机构 and 社会公益组织 total 1 and 2
    text = TEXT.replace(GRANTED, "              本年 公开")
    report = gr.parse(text)
    row = "applications.not_processed.repeated"
    for column in ("natural_person", "commercial_enterprise"):
        cell = report.cell(f"{row}.{column}")
        assert (cell.value, cell.provenance) == (None, "missing"), column
    for column in ("research_institution", "public_interest_organisation"):
        assert report.cell(f"{row}.{column}").value in (0, None), column
    assert report.cell(f"{row}.legal_service_agency").value == 1
    assert report.cell(f"{row}.total").value == 10
    said = [d.message for d in report.diagnostics if d.code == "values-unplaced"]
    assert any("(9 1 10)" in message for message in said), said


def test_the_total_row_s_pushed_values_are_read_in_their_order() -> None:
    report = gr.parse(TEXT)
    printed = {"natural_person": 30, "commercial_enterprise": 15, "total": 55}
    for column, value in printed.items():
        assert report.cell(f"applications.total.{column}").value == value, column
