"""Two values glued by a lost separator (``1 1`` printed ``11``): a row one value short, or
a row whose blank cell is where the second value stood, has rival readings, and its cells
are kept only where the rules single one out."""

from __future__ import annotations

import pytest
from damage import GLUED, parse, rendered, wrong_cells

import govinfo_report as gr
from govinfo_report import labels

APPEALS = [f"appeals.{g}.{o}" for g in labels.APPEAL_GROUPS for o in labels.APPEAL_OUTCOMES]
APPLICANTS = list(labels.APPLICANT_COLUMNS)


def _report(appeals: list[int]) -> gr.Report:
    """A 2019 report whose every rule holds: section 三 of two outcome rows, section 四 as
    given."""
    values: dict[str, int] = {field.key: 0 for field in gr.fields("2019")}
    rows = {"granted": [3, 12, 0, 7, 1, 0], "partially_granted": [0, 5, 2, 0, 30, 4]}
    total = [sum(column) for column in zip(*rows.values(), strict=True)]
    for row, numbers in (*rows.items(), ("total", total), ("new", total)):
        for column, value in zip(APPLICANTS, [*numbers, sum(numbers)], strict=True):
            values[f"applications.{row}.{column}"] = value
    values |= dict(zip(APPEALS, appeals, strict=True))
    return gr.Report.from_values(values, template="2019", organisation="梧川市统计局", year=2020)


@pytest.mark.parametrize("where", GLUED)
def test_a_group_whose_values_may_be_two_glued_is_left_missing(where: str) -> None:
    # 行政复议 printed ``21 0 0 3``: 21, 0, 0, 3 with its 总计 left out (24), or 2 and 1
    # glued with 总计 3. Each group's own rule holds either way: a reader cannot tell. Its
    # 其他结果 is 0 in both.
    report = _report([2, 1, 0, 0, 3, 4, 0, 1, 0, 5, 0, 0, 0, 6, 6])
    glued = ("appeals.review.upheld", "appeals.review.corrected")
    back = parse(rendered(report, {}, where, glued=glued), where)
    assert back is not None
    assert wrong_cells(back, report.flat(), {}) == {}
    review = [key for key in APPEALS if key.startswith("appeals.review.")]
    if where == "space-aligned":
        # The columns stay: 21, a blank, 0, 0 and 3 under 总计, which only 2 and 1 fit.
        assert [back.flat()[key] for key in review] == [2, 1, 0, 0, 3]
        assert [back.cell(key).provenance for key in review[:2]] == ["derived", "derived"]
        return
    assert [back.cell(key).value for key in review] == [None, None, 0, None, None]
    assert [back.flat()[key] for key in APPEALS[5:]] == [4, 0, 1, 0, 5, 0, 0, 0, 6, 6]
    found = [d for d in back.diagnostics if set(review) & set(d.keys)]
    assert any("glued by a lost separator" in d.message for d in found)


@pytest.mark.parametrize("where", GLUED)
def test_the_rules_single_out_the_glued_reading(where: str) -> None:
    # 予以公开's ``12 0`` printed ``120``: only 12 and 0 apart let the columns' sums hold.
    report = _report([2, 1, 0, 0, 3, 4, 0, 1, 0, 5, 0, 0, 0, 6, 6])
    pair = (
        "applications.granted.commercial_enterprise",
        "applications.granted.research_institution",
    )
    back = parse(rendered(report, {}, where, glued=pair), where)
    assert back is not None
    assert [back.flat()[f"applications.granted.{c}"] for c in APPLICANTS] == [3, 12, 0, 7, 1, 0, 23]
    assert [back.cell(key).provenance for key in pair] == ["derived", "derived"]
    assert wrong_cells(back, report.flat(), {}) == {}


@pytest.mark.xfail(
    strict=True,
    reason="space-aligned text: a value glued into the next column's place, that column "
    "then blank, in a row no rule checks (section 二): 600 and a blank, or 60 and 0",
)
def test_a_glued_value_in_a_row_no_rule_checks() -> None:
    report = _report([2, 1, 0, 0, 3, 4, 0, 1, 0, 5, 0, 0, 0, 6, 6])
    values = {key: value for key, value in report.flat().items() if value is not None}
    values |= {"proactive.licensing.previous_items": 60, "proactive.licensing.change": 0}
    report = gr.Report.from_values(values, template="2019", organisation="梧川市统计局", year=2020)
    glued = ("proactive.licensing.previous_items", "proactive.licensing.change")
    back = parse(rendered(report, {}, "space-aligned", glued=glued), "space-aligned")
    assert back is not None
    assert wrong_cells(back, report.flat(), {}) == {}


def test_a_short_row_with_a_blank_cell_and_two_glued_values() -> None:
    # 予以公开 printed 3, 12, a blank, 71, 0, 23: the blank cell is a value of the row's
    # short reading too (it crashed the rival readings once: the thorough profile found it).
    report = _report([2, 1, 0, 0, 3, 4, 0, 1, 0, 5, 0, 0, 0, 6, 6])
    row = "applications.granted"
    pair = (f"{row}.public_interest_organisation", f"{row}.legal_service_agency")
    text = rendered(report, {f"{row}.research_institution": ""}, "tab-separated", glued=pair)
    back = parse(text, "tab-separated")
    assert back is not None
    assert wrong_cells(back, report.flat(), {}) == {}
    assert [back.flat()[f"{row}.{c}"] for c in APPLICANTS] == [3, 12, 0, 7, 1, 0, 23]


def test_two_rows_of_a_box_grid_with_no_rule_between_them_are_no_wrapped_numbers() -> None:
    # A box grid's cell wraps over the lines of its row; two rows that lost the rule between
    # them read as one whose cells hold 3 and 0 (``30``), 12 and 5 (``125``). Numbers on two
    # lines of a cell are one wrapped only where the first fills the cell's width.
    report = _report([2, 1, 0, 0, 3, 4, 0, 1, 0, 5, 0, 0, 0, 6, 6])
    lines = rendered(report, {}, "box-grid").split("\n")
    at = next(i for i, line in enumerate(lines) if "（一）予以公开" in line)
    assert lines[at + 1].startswith("+-")
    back = parse("\n".join(lines[: at + 1] + lines[at + 2 :]), "box-grid")
    assert back is not None
    assert wrong_cells(back, report.flat(), {}) == {}
    granted = [back.cell(f"applications.granted.{c}").value for c in APPLICANTS]
    assert granted[:2] == [None, None]
