"""Section 四 in text that leaves blank cells out without a trace (issue 45, item 3): plain
pdfplumber or pypdfium2 of a browser's PDF prints a row a line, its cells one space apart,
its blank cells gone: ``53 4 6 12 75 4 4 1 1`` for 15 cells. Section 四 gathers its row
of values from the lines it reads; the row keeps the text's trait, so the cells every
reading with blanks agrees on are read (a group's 总计 is the sum of its four), and the
cells that could stand in more than one column are missing. Typed here (a made-up body,
not a tool bed's page), and a property whose oracle tries every placement."""

from __future__ import annotations

from itertools import combinations

from hypothesis import given

import govinfo_report as gr
from govinfo_report.write.render import render

from conftest import scaled, wrong
from manglers import RawLines
from strategies import reports

_TEXT = """\
某县交通运输局2021年政府信息公开工作年度报告

一、总体情况
本机关认真落实政府信息公开工作。

四、政府信息公开行政复议、行政诉讼情况
行政复议 行政诉讼
未经复议直接起诉 复议后起诉
结果 结果 其他 尚未
总计
结果 结果 其他 尚未 结果 结果 其他 尚未
维持 纠正 结果 审结
总计 总计
维持 纠正 结果 审结 维持 纠正 结果 审结
53 4 6 12 75 4 4 1 1

五、存在的主要问题及改进情况
无。
"""

#: Section 四's groups, in the catalogue's order.
_GROUPS = ("review", "litigation_direct", "litigation_after_review")


def _group(report: gr.Report, group: str) -> list[object]:
    return [
        report.cell(f"appeals.{group}.{column}").value
        for column in ("upheld", "corrected", "other", "pending", "total")
    ]


def test_a_row_whose_blanks_left_no_trace_reads_the_cells_every_placement_agrees_on() -> None:
    # 53+4+6+12 = 75 only as 行政复议's five; then 4 4 and 1 1 are each a group's one part
    # and its 总计, the part's column unknown (any of the four)
    back = gr.parse(_TEXT)
    assert _group(back, "review") == [53, 4, 6, 12, 75]
    assert _group(back, "litigation_direct") == [None, None, None, None, 4]
    assert _group(back, "litigation_after_review") == [None, None, None, None, 1]
    assert back.cell("appeals.review.total").provenance == "parsed"
    unplaced = [d for d in back.diagnostics if d.code == "values-unplaced"]
    assert unplaced and "appeals.litigation_direct.upheld" in unplaced[0].keys
    assert "leave no trace" in unplaced[0].message


def _agreed(printed: list[int]) -> dict[int, int]:
    """The cells (0-14) that every placement of ``printed`` in order, the other cells 0,
    gives one number, where each group's 总计 is the sum of its four: by trying them all."""
    seen: dict[int, set[int]] = {}
    for places in combinations(range(15), len(printed)):
        cells = [0] * 15
        for at, value in zip(places, printed, strict=True):
            cells[at] = value
        if all(sum(cells[g : g + 4]) == cells[g + 4] for g in (0, 5, 10)):
            for at, value in enumerate(cells):
                seen.setdefault(at, set()).add(value)
    return {at: next(iter(values)) for at, values in seen.items() if len(values) == 1}


@scaled(0.5)
@given(reports(missing=False))
def test_section_4_with_no_trace_of_its_blanks_reads_what_every_placement_agrees_on(
    truth: gr.Report,
) -> None:
    """Any report printed a row a line, cells one space apart, zeros blank and gone
    (``RawLines``, as plain pdfplumber prints a browser's PDF): never a wrong number, and
    every section 四 cell that each placement of its printed values agrees on is read."""
    back = gr.parse(render(truth, RawLines(wrap=40), blank_zeros=True))
    assert wrong(back, truth.flat()) == {}
    keys = [f"appeals.{group}.{column}" for group in _GROUPS
            for column in ("upheld", "corrected", "other", "pending", "total")]  # fmt: skip
    printed = [value for key in keys if (value := truth.flat()[key])]
    if not printed:
        return  # a section that prints no number may be a table lost: missing, said
    for at, value in _agreed(printed).items():
        assert back.cell(keys[at]).value == value, keys[at]
