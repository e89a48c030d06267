"""Section 三 as ``pdftotext -layout`` prints Word's narrow PDF with zeros blank, the
header's words stacked two characters a line, some beside the label column's note: one
measure of the header's words finds more columns than the table has (nine for seven), so
a row's values stand in a grid that is not the table's (bed 4444 page 12: 商业企业's 1 and
总计's 1 read as 自然人's and 其他's, 商业企业 and 总计 claimed blank). Such a row's values
are placed by the rules or left missing, never read off that grid."""

from __future__ import annotations

from conftest import assert_right_or_missing, at_offsets, report_around

#: A made-up report's section 三 so printed (typed for this test): 本年新收 prints 12 under
#: 商业企业 and 12 under 总计; every other cell blank. Counted in display columns, the
#: words beside the note stand seven or nine columns right of the others.
SECTION = "\n".join(
    (
        "三、收到和处理政府信息公开申请情况",
        "",
        at_offsets("", (31, "申请人情况")),
        "（本列数据的勾稽关",
        at_offsets("", (16, "自然人"), (34, "法人或其他组织")),
        "系为：第一项加第二",
        at_offsets("项之和，等于第三项", (36, "社会"), (41, "法律"), (51, "总计")),
        at_offsets("", (21, "商业"), (31, "科研")),
        at_offsets(" 加第四项之和）", (36, "公益"), (41, "服务"), (46, "其他")),
        at_offsets("", (21, "企业"), (31, "机构")),
        at_offsets("", (36, "组织"), (41, "机构")),
        "",
        "一、本年新收政府信",
        at_offsets("", (21, "12"), (50, "12")),
        " 息公开申请数量",
        "",
        "二、上年结转政府信",
        " 息公开申请数量",
        "",
        "四、结转下年度继续办理",
        "",
    )
)


def test_a_row_in_a_grid_wider_than_the_table_is_not_read_off_it() -> None:
    """The 12s are 商业企业's and 总计's: each cell of 本年新收 is read right or missing, and
    none is claimed blank where a 12 is printed."""
    report = report_around(SECTION)
    assert_right_or_missing(report, "new", {"commercial_enterprise": 12, "total": 12})
