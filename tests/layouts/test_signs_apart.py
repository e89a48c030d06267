"""A number's sign apart from its digits in text read one cell a line (issue 45): Word's HTML
splits a run before a number's first digit (``<font>-</font><font>25</font>``), and
BeautifulSoup's ``get_text('\\n')`` writes each run a line, so ``-`` / ``25`` may be -25 or a
dash cell (not given) before a cell of 25. The row's cells (a page's ``&nbsp;`` lines count
its blank ones) and the template's signed column (2019's 本年增/减) tell which; where both
readings fit, the row's cells are missing, never a wrong sign and never a printed blank for
a sign. The texts are typed for these tests, as the tools write them."""

from __future__ import annotations

import pytest
from hypothesis import given

import govinfo_report as gr
from govinfo_report.write.render import render

from conftest import scaled, wrong
from manglers import TOOLS, TRACELESS
from strategies import sparse_reports

NBSP = "\u00a0"
COLUMNS = ("previous_items", "change", "decisions")


def _page(template: str, *rows: list[str]) -> str:
    """A report's section 二 as ``get_text('\\n')`` writes a page: each cell a line, a blank
    cell a line of one no-break space; ``rows`` each a label and its lines."""
    header = {
        "2019": ["上一年项目数量", "本年增/减", "处理决定数量"],
        "2021": ["本年制发件数", "本年废止件数", "现行有效件数"],
    }[template]
    lines = [
        f"青山县水利局{template}年政府信息公开工作年度报告",
        "二、主动公开政府信息情况",
        f"{NBSP}{NBSP}第二十条第（{'五' if template == '2019' else '一'}）项",
        "信息内容",
        *header,
    ]
    for row in rows:
        lines.extend(NBSP if cell == "_" else cell for cell in row)
    return "\n".join([*lines, "三、收到和处理政府信息公开申请情况"])


def _row(report: gr.Report, row: str, columns: tuple[str, ...] = COLUMNS) -> list[object]:
    return [report.cell(f"proactive.{row}.{column}").value for column in columns]


def test_a_minus_sign_on_a_line_of_its_own_signs_the_number_its_cells_leave_it() -> None:
    # 行政许可 prints four lines for three cells unless the minus is 4's sign; 行政处罚's
    # blank cells (&nbsp; lines) leave the minus no cell of its own either.
    text = _page(
        "2019",
        ["行政许可", "12项", "-", "4", "30件"],
        ["其他对外管理服务事项", "8项", "_", "2件"],
        ["行政处罚", "_", "－", "7", "_"],  # a full-width minus
        ["行政强制", "_", "−", "13", "9件"],  # the minus sign, U+2212
    )
    back = gr.parse(text)
    assert _row(back, "licensing") == [12, -4, 30]
    assert _row(back, "other_services") == [8, None, 2]
    assert _row(back, "penalties") == [None, -7, None]
    assert _row(back, "coercive_measures") == [None, -13, 9]
    assert back.cell("proactive.licensing.change").raw == "-4"
    assert back.cell("proactive.penalties.previous_items").blank


def test_a_dash_cell_before_a_number_stays_a_dash() -> None:
    # As signs, 行政许可's minus would leave it two cells for three, and 行政处罚's would sign
    # its 处理决定数量, a count: each is a dash, 上一年项目数量 / 本年增/减 not given.
    text = _page(
        "2019",
        ["行政许可", "-", "6", "9件"],
        ["其他对外管理服务事项", "8项", "_", "2件"],
        ["行政处罚", "3项", "-", "15件"],
    )
    back = gr.parse(text)
    assert _row(back, "licensing") == [None, 6, 9]
    assert back.cell("proactive.licensing.previous_items").raw == "-"
    assert _row(back, "penalties") == [3, None, 15]
    assert back.cell("proactive.penalties.change").blank
    assert not [d for d in back.diagnostics if d.code == "sign-or-placeholder"]


def test_a_plus_sign_apart_is_always_a_sign() -> None:
    text = _page(
        "2019",
        ["行政许可", "12项", "＋", "4", "30件"],  # a full-width plus
        ["其他对外管理服务事项", "8项", "﹢", "5", "2件"],  # a small plus, U+FE62
        ["行政处罚", "3项", "+ 6", "15件"],  # on the digits' line, a space between
    )
    back = gr.parse(text)
    assert _row(back, "licensing") == [12, 4, 30]
    assert _row(back, "other_services") == [8, 5, 2]
    assert _row(back, "penalties") == [3, 6, 15]
    assert back.cell("proactive.other_services.change").raw == "+5"


def test_where_both_readings_fit_the_row_is_missing_and_said() -> None:
    # get_text('\n', strip=True) drops the &nbsp; cells: 行政事业性收费's two lines are its
    # 上一年项目数量 left '-' and 本年增/减 25, or 本年增/减 -25 (上一年项目数量 blank,
    # dropped). 行政许可's four lines fit its three cells only with the minus a sign.
    text = _page(
        "2019",
        ["行政许可", "12项", "-", "4", "30件"],
        ["其他对外管理服务事项", "8项", "2件"],
        [f"{NBSP}{NBSP}第二十条第（八）项", "信息内容", "上一年项目数量", "本年增/减"],
        ["行政事业性收费", "-", "25"],
    ).replace(f"\n{NBSP}\n", "\n")
    back = gr.parse(text)
    assert _row(back, "licensing") == [12, -4, 30]
    fees = [back.cell(f"proactive.fees.{c}") for c in ("previous_items", "change")]
    assert [(cell.value, cell.provenance) for cell in fees] == [(None, "missing")] * 2
    (said,) = [d for d in back.diagnostics if d.code == "sign-or-placeholder"]
    assert "行政事业性收费" in said.message
    assert set(said.keys) == {"proactive.fees.previous_items", "proactive.fees.change"}


def test_the_2021_template_signs_no_column_so_a_minus_is_a_dash() -> None:
    text = _page(
        "2021",
        ["规章", "-", "2", "15"],
        ["行政规范性文件", "3", "_", "40"],
    )
    back = gr.parse(text)
    columns = ("issued", "repealed", "in_force")
    assert _row(back, "rules", columns) == [None, 2, 15]
    assert back.cell("proactive.rules.issued").raw == "-"
    assert _row(back, "normative_documents", columns) == [3, None, 40]


def test_a_sign_line_then_a_blank_line_is_no_sign_apart() -> None:
    # A blank cell (a line of &nbsp;) between the minus and the number: the minus is a cell
    # of its own, a dash, and the row's three cells are read as printed. A plus sign there
    # signs no number: its row is not read, nothing is placed wrong.
    text = _page(
        "2019",
        ["行政许可", "-", "_", "9件"],
        ["其他对外管理服务事项", "8项", "_", "2件"],
        ["行政处罚", "+", "_", "15件"],
    )
    back = gr.parse(text)
    assert _row(back, "licensing") == [None, None, 9]
    assert back.cell("proactive.licensing.previous_items").raw == "-"
    assert _row(back, "other_services") == [8, None, 2]
    assert _row(back, "penalties") == [None, None, None]
    assert all(back.cell(f"proactive.penalties.{c}").provenance == "missing" for c in COLUMNS)


def test_a_minus_sign_an_empty_line_before_its_number_may_still_sign_it() -> None:
    # A page's text whose empty lines come and go (its blank cells are &nbsp; lines, so an
    # empty line is no cell): 其他对外管理服务事项's minus and 37 are -37 and a blank
    # 处理决定数量, or a dash and 37 with its &nbsp; line taken for the indent before the
    # next sub-table. Both fit, so the row is missing: never 37 read as the count, never
    # 本年增/减 claimed blank.
    text = _page(
        "2019",
        ["行政许可", "_", "+", "59", "_"],
        ["其他对外管理服务事项", "1767", "-", "", "37", "_"],
        ["第二十条第（六）项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
        ["行政处罚", "3477", "_", "_"],
    )
    back = gr.parse(text)
    assert _row(back, "other_services") == [None, None, None]
    assert not back.cell("proactive.other_services.change").blank
    (said,) = [d for d in back.diagnostics if d.code == "sign-or-placeholder"]
    assert "其他对外管理服务事项" in said.message


def test_a_minus_sign_right_before_its_number_and_an_empty_line_after_may_sign_it() -> None:
    # 行政处罚's 520 / - / 16, then an empty line and its &nbsp; line: -16 and a blank
    # 处理决定数量, or a dash and 16 with the &nbsp; line a merged label's continuation
    # (the empty line hides whose it is). Its positions cannot check the first reading,
    # which is no reason to take the second: both fit, and the row is missing, never 16
    # read as the count, never 本年增/减 claimed blank.
    text = _page(
        "2019",
        ["行政许可", "_", "-", "58", "281"],
        ["其他对外管理服务事项", "9", "_", "_"],
        ["第二十条第（六）项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
        ["行政处罚", "520", "-", "16", "", "_"],
        ["行政强制", "73", "+", "4", "_"],
    )
    back = gr.parse(text)
    assert _row(back, "licensing") == [None, -58, 281]
    assert _row(back, "penalties") == [None, None, None]
    assert all(back.cell(f"proactive.penalties.{c}").provenance == "missing" for c in COLUMNS)
    (said,) = [d for d in back.diagnostics if d.code == "sign-or-placeholder"]
    assert "行政处罚" in said.message


#: Value-a-line writers that split a 本年增/减's sign onto a line of its own: a page's text
#: (its blank cells &nbsp; lines), and the same with its blank cells dropped (strip=True).
SIGNED = {"soup-signed": TOOLS["soup-signed"], "soup-stripped": TRACELESS["soup-stripped"]}


def _printed(report: gr.Report) -> dict[str, object]:
    return {key: None if value == 0 else value for key, value in report.flat().items()}


@pytest.mark.parametrize("tool", sorted(SIGNED))
@scaled(0.6)
@given(report=sparse_reports())
def test_signs_apart_never_read_wrong_nor_blank(tool: str, report: gr.Report) -> None:
    back = gr.parse(render(report, SIGNED[tool], blank_zeros=True))
    truth = _printed(report)
    assert wrong(back, truth) == {}
    # a sign is never read as a printed blank (a dash)
    assert {
        key: value
        for key, value in truth.items()
        if value is not None and back.cell(key).provenance == "blank"
    } == {}
