"""Section 三 in python-docx's text of a Word table whose header rows split the grid each
their own way: every row prints a merged cell once per grid column it covers, so the rows
print eight cells for seven columns, and a grid column one header row gives to one column
and the next to another is read only as a copy of one of theirs."""

from __future__ import annotations

import govinfo_report as gr
from govinfo_report import labels

_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
_RESULTS = "三、本年度办理结果"

#: The header of a made-up 2021-template table (typed for this test): its upper row gives
#: 总计 two grid columns (the last two), its lower row gives the first of them to 其他
#: (merged over two) and leaves an empty cell under 总计; 自然人 is merged down, so
#: python-docx prints it in both rows.
_HEADER = [
    [_NOTE] * 3 + ["申请人情况"] * 8,
    [_NOTE] * 3 + ["自然人"] + ["法人或其他组织"] * 5 + ["总计"] * 2,
    [_NOTE] * 3
    + ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "其他", "\u00a0"],
]


def _cells(label: list[str], values: str) -> list[str]:
    """A row's three label cells and its value cells (typed apart by spaces)."""
    return [*label, *values.split(" ")]


_PARTIAL = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"

#: Its rows: three label cells, then the values, 其他 printed twice (its cell covers the grid
#: column the header rows disagree on). 3.其他 prints its 1 once, the shared cell blank
#: (``&nbsp;``).
_ROWS = [
    _cells(["一、本年新收政府信息公开申请数量"] * 3, "12 3 0 1 0 2 2 18"),
    _cells(["二、上年结转政府信息公开申请数量"] * 3, "1 0 0 0 0 1 1 2"),
    _cells([_RESULTS, "（一）予以公开", "（一）予以公开"], "6 1 0 1 0 1 1 9"),
    _cells([_RESULTS, *[_PARTIAL] * 2], "2 0 0 0 0 0 0 2"),
    _cells([_RESULTS, "（三）不予公开", "1.属于国家秘密"], "0 0 0 0 0 0 0 0"),
    _cells([_RESULTS, "（四）无法提供", "1.本机关不掌握相关政府信息"], "3 1 0 0 0 1 1 5"),
    _cells([_RESULTS, "（五）不予处理", "2.重复申请"], "1 0 0 0 0 0 0 1"),
    _cells([_RESULTS, "（六）其他处理", "3.其他"], "0 0 0 0 0 1 \u00a0 1"),
    _cells([_RESULTS, "（七）总计", "（七）总计"], "12 2 0 1 0 3 3 18"),
    _cells(["四、结转下年度继续办理"] * 3, "1 1 0 0 0 0 0 2"),
]


def _text(rows: list[list[str]]) -> str:
    """A report around section 三's table as python-docx prints it (a row a line, its cells
    joined by tabs)."""
    table = "\n".join("\t".join(row) for row in [*_HEADER, *rows])
    return (
        "鹤鸣县应急管理局2022年政府信息公开工作年度报告\n一、总体情况\n"
        "2022年，鹤鸣县应急管理局认真落实政府信息公开工作要求。\n"
        f"三、收到和处理政府信息公开申请情况\n{table}\n"
        "五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n"
        "鹤鸣县应急管理局\n2023年1月16日\n"
    )


def _row(report: gr.Report, row: str) -> list[object]:
    return [
        report.cell(f"applications.{row}.{column}").value for column in labels.APPLICANT_COLUMNS
    ]


def test_rows_are_read_by_the_grid_columns_the_header_rows_agree_on() -> None:
    report = gr.parse(_text(_ROWS))
    assert report.template == "2021"
    assert _row(report, "new") == [12, 3, 0, 1, 0, 2, 18]
    assert _row(report, "carried_over") == [1, 0, 0, 0, 0, 1, 2]
    assert _row(report, "granted") == [6, 1, 0, 1, 0, 1, 9]
    assert _row(report, "partially_granted") == [2, 0, 0, 0, 0, 0, 2]
    assert _row(report, "unavailable.not_held") == [3, 1, 0, 0, 0, 1, 5]
    assert _row(report, "not_processed.repeated") == [1, 0, 0, 0, 0, 0, 1]
    assert _row(report, "other.other") == [0, 0, 0, 0, 0, 1, 1]
    assert _row(report, "total") == [12, 2, 0, 1, 0, 3, 18]
    assert _row(report, "carried_forward") == [1, 1, 0, 0, 0, 0, 2]
    assert "extra-values" not in {d.code for d in report.diagnostics}


def test_a_value_under_the_shared_grid_column_that_copies_neither_is_not_placed() -> None:
    # 予以公开 prints 4 where 其他's copy belongs: 其他's 1 or 总计's 9, neither is it, so
    # the grid column may be either's; the row's other cells are read.
    rows = [list(row) for row in _ROWS]
    rows[2][-2] = "4"
    report = gr.parse(_text(rows))
    assert _row(report, "granted")[:5] == [6, 1, 0, 1, 0]
    # Not read from the row; the columns' sums may derive them (1 and 9), never the 4.
    for key in ("other_organisation", "total"):
        assert report.cell(f"applications.granted.{key}").provenance != "parsed"
    assert report.cell("applications.granted.other_organisation").value in (None, 1)
    assert report.cell("applications.granted.total").value in (None, 9)
    unplaced = [d for d in report.diagnostics if d.code == "values-unplaced"]
    assert [d.line for d in unplaced] == [_text(rows).split("\n").index("\t".join(rows[2])) + 1]
    assert _row(report, "new") == [12, 3, 0, 1, 0, 2, 18]


def test_a_row_that_adds_up_only_one_column_off_the_header_is_not_placed() -> None:
    # 2.重复申请 prints 自然人's 1 twice (its row merges 自然人 over two grid columns, the
    # header rows do not): read by the header, 商业企业 would be 1 and the row would not add
    # up; with the first 1 taken for a copy it does. The row's cells are not read from it.
    rows = [list(row) for row in _ROWS]
    rows[6] = _cells([_RESULTS, "（五）不予处理", "2.重复申请"], "1 1 0 0 0 0 0 1")
    report = gr.parse(_text(rows))
    for column, value in zip(labels.APPLICANT_COLUMNS, (1, 0, 0, 0, 0, 0, 1), strict=True):
        cell = report.cell(f"applications.not_processed.repeated.{column}")
        assert cell.provenance != "parsed"
        assert cell.value in (None, value)
    assert _row(report, "unavailable.not_held") == [3, 1, 0, 0, 0, 1, 5]
