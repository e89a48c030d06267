"""Property: whatever values a table loses, placement never yields a wrong number.

Hypothesis builds consistent section 三 tables of either template (every rule holds), writes
them as tab-separated text into a real or written report, damages one to three rows (one to
three printed values dropped, the whole row blank, or its values run together into one run of
digits), and parses: every cell must then be its true value or missing, an undamaged row is
read as printed, and nothing may be reported as broken. The same holds where the table's
cells are joined by single spaces, text that leaves blank cells out without a trace: there a
dropped value looks like a blank cell, which is read as 0 unless the rules refuse it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report import labels

from conftest import SEEDS, WRITTEN, scaled

#: A report per template whose section 三 is replaced: from its note cell to the last row.
BASES = {
    "2019": SEEDS[2].read_text(encoding="utf-8"),
    "2021": (WRITTEN / "2021_tab_separated.txt").read_text(encoding="utf-8"),
}


def _rows(template: str) -> list[str]:
    return list(labels.APPLICATION_ROWS[template])


@st.composite
def tables(draw: st.DrawFn, template: str) -> dict[str, list[int]]:
    """A section 三 table of ``template`` in which every rule holds."""
    outcomes = _rows(template)[2:-2]
    count = st.integers(0, 30) | st.just(0)
    table = {row: [draw(count) for _ in range(6)] for row in outcomes}
    total = [sum(table[row][c] for row in outcomes) for c in range(6)]
    forward = [draw(st.integers(0, 5)) for _ in range(6)]
    over = [draw(st.integers(0, total[c] + forward[c])) for c in range(6)]
    table["total"] = total
    table["carried_forward"] = forward
    table["carried_over"] = over
    table["new"] = [total[c] + forward[c] - over[c] for c in range(6)]
    return {row: [*values, sum(values)] for row, values in table.items()}


#: How a row is damaged: values dropped (their columns), the row blank, its values a run.
Damage = tuple[int, ...] | str


@st.composite
def damaged(draw: st.DrawFn) -> tuple[str, dict[str, list[int]], dict[str, Damage]]:
    """A template, a consistent table, and the damage done to each of 1-3 rows."""
    template = draw(st.sampled_from(sorted(BASES)))
    table = draw(tables(template))
    rows = draw(st.lists(st.sampled_from(_rows(template)), min_size=1, max_size=3, unique=True))
    dropped = st.lists(st.integers(0, 6), min_size=1, max_size=3, unique=True).map(tuple)
    return template, table, {row: draw(dropped | st.sampled_from(["blank", "run"])) for row in rows}


def _printed(template: str, row: str) -> str:
    """A row's own label as the form prints it (its numbering included: （七）总计)."""
    return next(part for part in reversed(labels.APPLICATION_PRINTED[template][row]) if part)


def render(
    template: str, table: dict[str, list[int]], damage: dict[str, Damage], separator: str = "\t"
) -> str:
    """The report of ``template`` with ``table`` as its section 三, each row's cells joined
    by ``separator``, the ``damage`` done."""
    base = BASES[template]
    start = base.rindex("\n", 0, base.index("勾稽关系")) + 1
    end = base.index("\n", base.index("四、结转下年度继续办理"))
    lines = ["\t申请人情况", "\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计"]
    for row in _rows(template):
        values = [str(v) for v in table[row]]
        done = damage.get(row, ())
        if done == "blank":
            values = [""] * len(values)
        elif done == "run":
            values = ["".join(values)]
        else:
            values = [v for c, v in enumerate(values) if c not in done]
        lines.append(separator.join([_printed(template, row), *values]))
    if separator != "\t":
        lines = [separator.join(line.split()) for line in lines]
    return base[:start] + "\n".join(lines) + base[end:]


@pytest.mark.parametrize("separator", ["\t", " "], ids=["tabs", "single-spaces"])
@scaled(2.4)
@given(damaged())
def test_damaged_rows_are_placed_right_or_left_missing(
    separator: str, case: tuple[str, dict[str, list[int]], dict[str, Damage]]
) -> None:
    template, table, damage = case
    report = gr.parse(render(template, table, damage, separator))
    assert report.template == template
    columns = list(labels.APPLICANT_COLUMNS)
    for row in _rows(template):
        for c, column in enumerate(columns):
            cell = report.cell(f"applications.{row}.{column}")
            assert cell.value in (table[row][c], None), (row, column, cell)
            if row not in damage:
                assert (cell.value, cell.provenance) == (table[row][c], "parsed")
    codes = {d.code for d in report.diagnostics}
    assert "rule-violation" not in codes
    if any(done not in ("blank", "run") for done in damage.values()):
        assert codes & {"short-row-placed", "values-unplaced"}


def test_a_dropped_value_is_no_blank_that_a_lost_row_takes_the_amount_of() -> None:
    """Single spaces: 属于国家秘密 printed 0 0 20 0 0 0 20 loses its 20s (five 0s left) and
    补正后申请内容仍不明确 is printed without values (a row the text lost). Read as blanks,
    the 20s went into the lost row, derived: both rows' 科研机构 and 总计 are missing now."""
    zero = [0] * 7
    table = dict.fromkeys(_rows("2019"), zero)
    table |= {
        "denied.state_secret": [0, 0, 20, 0, 0, 0, 20],
        "denied.security_stability": [1, 0, 1, 0, 2, 0, 4],
        "not_processed.publication": [0, 19, 0, 16, 0, 0, 35],
        "total": [1, 19, 21, 16, 2, 0, 59],
        "new": [1, 19, 21, 16, 2, 0, 59],
    }
    damage: dict[str, Damage] = {
        "denied.state_secret": (6, 2),
        "unavailable.unclear_after_correction": "blank",
    }
    report = gr.parse(render("2019", table, damage, " "))
    for row in ("denied.state_secret", "unavailable.unclear_after_correction"):
        for column in ("research_institution", "total"):
            assert report.cell(f"applications.{row}.{column}").value is None, (row, column)
        assert report.cell(f"applications.{row}.natural_person").value == 0
    assert "values-unplaced" in {d.code for d in report.diagnostics}


def test_a_dropped_value_is_no_blank_that_another_short_row_takes_the_amount_of() -> None:
    """Single spaces: 予以公开 0 0 0 0 0 12 12 loses its 12s, and 要求提供公开出版物
    24 0 0 0 0 0 24 a 0 and its 24, so no reading with blanks fits it and its left-out cells
    are unknown: read as blanks, 予以公开's 12s went into that row, derived."""
    table = dict.fromkeys(_rows("2019"), [0] * 7)
    table |= {
        "granted": [0, 0, 0, 0, 0, 12, 12],
        "not_processed.publication": [24, 0, 0, 0, 0, 0, 24],
        "total": [24, 0, 0, 0, 0, 12, 36],
        "new": [24, 0, 0, 0, 0, 12, 36],
    }
    damage: dict[str, Damage] = {"granted": (5, 6), "not_processed.publication": (1, 6)}
    report = gr.parse(render("2019", table, damage, " "))
    for row in damage:
        for column in ("other_organisation", "total"):
            assert report.cell(f"applications.{row}.{column}").value is None, (row, column)
    assert report.cell("applications.not_processed.publication.natural_person").value == 24
