"""A row of values that looks like a page's number: ``行政强制`` / ``— 14 —`` (its 上一年项目数量
and 处理决定数量 printed ``—``, not given), in text that prints each row's label on a line and
its values on the next (markitdown's PDF text with its grids let go, plain pdfplumber). The
line was dropped as a page's footer, and the row, its label alone, was read printed blank:
three cells claimed blank, 14 among them. Where nothing shows the line to be a page's (a
page break beside it, the pages before or after it numbered in turn), the row is missing,
said; where something does, it is the footer it looks like."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.cells import is_value
from govinfo_report.write.render import render

from conftest import scaled

#: For each template, a row of three cells of section 二 and its label.
ROWS = {
    "2019": ("proactive.coercive_measures", "行政强制"),
    "2021": ("proactive.normative_documents", "行政规范性文件"),
}
KEYS = [f"proactive.coercive_measures.{name}" for name in ("previous_items", "change", "decisions")]


def _plain(change: int, template: str = "2019", gap: bool = False) -> list[str]:
    """A report of ``template`` whose cells are 0 but those of its row in ``ROWS`` (``—``,
    ``change``, ``—``), section 二's rows printed as their label's line then their values'
    line, one space apart (``gap``: an empty line between, as pdfminer.six prints boxes)."""
    row, _ = ROWS[template]
    keys = [field.key for field in gr.fields(template) if field.key.startswith(row + ".")]
    values: dict[str, object] = {field.key: 0 for field in gr.fields(template)}
    values[keys[1]] = change
    for key in (keys[0], keys[2]):
        del values[key]
    year = 2019 if template == "2019" else 2022
    report = gr.Report.from_values(
        values, template=template, organisation="青石县水务局", year=year
    )
    lines: list[str] = []
    inside = False
    for line in render(report).split("\n"):
        inside = (inside or line.startswith("二、")) and not line.startswith("三、")
        cells = [cell for cell in line.split("\t") if cell.strip()]
        if not (inside and "\t" in line):
            lines.append(line)
            continue
        words = [cell for cell in cells if not is_value(cell)]
        printed = [cell for cell in cells if is_value(cell)]
        if words and printed and gap:
            lines.extend(["".join(words), "", " ".join(printed)])
        else:
            lines.extend(part for part in ("".join(words), " ".join(printed)) if part)
    return lines


def _row(lines: list[str]) -> gr.Report:
    return gr.parse("\n".join(lines))


@pytest.mark.parametrize("template", ["2019", "2021"])
@pytest.mark.parametrize("gap", [False, True])
def test_a_row_that_looks_like_a_page_number_is_not_claimed_blank(template: str, gap: bool) -> None:
    row, label = ROWS[template]
    keys = [field.key for field in gr.fields(template) if field.key.startswith(row + ".")]
    lines = _plain(14, template, gap)
    at = lines.index(label) + 1 + gap
    assert lines[at] == "— 14 —"
    back = _row(lines)
    assert [back.cell(key).provenance for key in keys] == ["missing"] * 3
    assert any(set(keys) <= set(d.keys) for d in back.diagnostics)
    # the rows around it are read as printed
    after = "licensing.decisions" if template == "2021" else "penalties.decisions"
    assert back.cell(f"proactive.{after}").value == 0


def test_the_doubt_is_said_at_the_line_that_looks_like_a_page_number() -> None:
    lines = _plain(14)
    at = lines.index("行政强制") + 1
    back = _row(lines)
    said = [d for d in back.diagnostics if d.code == "values-unplaced" and d.line == at + 1]
    assert len(said) == 1 and set(said[0].keys) == set(KEYS)
    assert "— 14 —" in said[0].message and "行政强制" in said[0].message


@pytest.mark.parametrize("marker", ["- 14 -", "–14–", "14/15", "14 / 15"])
def test_every_shape_of_a_page_number_a_row_can_print_is_doubted(marker: str) -> None:
    lines = _plain(14)
    at = lines.index("行政强制")
    lines[at + 1] = marker
    back = _row(lines)
    assert [back.cell(key).provenance for key in KEYS] == ["missing"] * 3


def test_a_footer_numbered_in_turn_with_another_is_a_page_s() -> None:
    # ``- 1 -`` after the row, ``- 2 -`` at the text's end: pages numbered in turn, the row
    # before the first printed blank.
    lines = _plain(14)
    at = lines.index("行政强制")
    lines[at + 1] = "- 1 -"
    lines.append("- 2 -")
    back = _row(lines)
    assert [back.cell(key).provenance for key in KEYS] == ["blank"] * 3


@pytest.mark.parametrize("page_break", ["before", "after"])
def test_a_footer_beside_a_page_break_is_a_page_s(page_break: str) -> None:
    lines = _plain(14)
    at = lines.index("行政强制")
    lines[at + 1] = "\f— 14 —" if page_break == "before" else "— 14 —"
    if page_break == "after":
        lines[at + 2] = "\f" + lines[at + 2]
    back = _row(lines)
    assert [back.cell(key).provenance for key in KEYS] == ["blank"] * 3


@scaled(0.5)
@given(
    change=st.integers(1, 9999),
    dash=st.sampled_from("-—–"),
    space=st.sampled_from(["", " ", "  "]),
)
def test_a_placeholder_a_number_and_a_placeholder_are_never_a_blank_row(
    change: int, dash: str, space: str
) -> None:
    lines = _plain(change)
    at = lines.index("行政强制")
    lines[at + 1] = f"{dash}{space}{change}{space}{dash}"
    back = _row(lines)
    assert [back.cell(key).provenance for key in KEYS] == ["missing"] * 3
    assert back.cell("proactive.penalties.decisions").value == 0
