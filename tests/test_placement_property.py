"""Property: whatever value a table loses, placement never yields a wrong number.

Hypothesis builds consistent section 三 tables (every rule of the template holds), writes them
as tab-separated text into a real report, drops one printed value from one row, and parses:
every cell must then be its true value or missing, and nothing may be reported as broken."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report import labels

from conftest import SEEDS

BASE = SEEDS[2].read_text(encoding="utf-8")
START = BASE.index("(本列数据的勾稽关系")
END = BASE.index("\n", BASE.index("四、结转下年度继续办理"))
ROWS = list(labels.APPLICATION_ROWS["2019"])
OUTCOMES = ROWS[2:-2]
#: Examples per run: CI keeps the default; GOVINFO_EXAMPLES=3000 for a thorough local run.
EXAMPLES = int(os.environ.get("GOVINFO_EXAMPLES", "60"))


@st.composite
def tables(draw: st.DrawFn) -> dict[str, list[int]]:
    """A section 三 table of the 2019 template in which every rule holds."""
    count = st.integers(0, 30) | st.just(0)
    table = {row: [draw(count) for _ in range(6)] for row in OUTCOMES}
    total = [sum(table[row][c] for row in OUTCOMES) for c in range(6)]
    forward = [draw(st.integers(0, 5)) for _ in range(6)]
    over = [draw(st.integers(0, total[c] + forward[c])) for c in range(6)]
    table["total"] = total
    table["carried_forward"] = forward
    table["carried_over"] = over
    table["new"] = [total[c] + forward[c] - over[c] for c in range(6)]
    return {row: [*values, sum(values)] for row, values in table.items()}


def render(table: dict[str, list[int]], short_row: str, dropped: int) -> str:
    lines = ["\t申请人情况", "\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计"]
    for row in ROWS:
        values = [str(v) for v in table[row]]
        if row == short_row:
            del values[dropped]
        lines.append("\t".join([labels.APPLICATION_ROWS["2019"][row][0], *values]))
    return BASE[:START] + "\n".join(lines) + BASE[END:]


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(), st.sampled_from(ROWS), st.integers(0, 6))
def test_a_dropped_value_is_placed_right_or_left_missing(
        table: dict[str, list[int]], short_row: str, dropped: int) -> None:
    report = gr.parse(render(table, short_row, dropped))
    columns = list(labels.APPLICANT_COLUMNS)
    for row in ROWS:
        for c, column in enumerate(columns):
            cell = report.cell(f"applications.{row}.{column}")
            assert cell.value in (table[row][c], None), (row, column, cell)
            if row != short_row:
                assert (cell.value, cell.provenance) == (table[row][c], "parsed")
    codes = {d.code for d in report.diagnostics}
    assert "rule-violation" not in codes
    assert codes & {"short-row-placed", "values-unplaced"}
