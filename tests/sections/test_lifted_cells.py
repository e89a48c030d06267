"""Section 二 cells that a PDF-to-Markdown extraction lifted out of the table (issue 45, item
7): a cell that prints a note under its count (``22`` / ``（其中修订 16 件）``) comes out
above the table, and its row keeps its other values (``| 规章 | 22 | 235 |``). The count is
read in the column the note's wording names, never in another."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report import labels

from conftest import scaled, wrong
from strategies import reports

#: The rows of 第二十条第（一）项 and their columns.
ROWS = ("rules", "normative_documents")
COLUMNS = ("issued", "repealed", "in_force")
#: Notes as reports print them under a count, by the column their words name (None: none).
NOTES = {
    "repealed": ("（其中修订 {n} 件）", "（含自然失效 {n} 件）", "（其中宣布废止 {n} 件）"),
    "issued": ("（其中新制定 {n} 件）",),
    None: ("（其中市级 {n} 件）", "（含部门 {n} 件）"),
}


def lifted(report: gr.Report, notes: dict[str, tuple[str, str]]) -> str:
    """``report`` in Markdown, with the cell of each row of ``notes`` (row -> column, note)
    printed as a PDF extraction prints a cell holding a note: the count, then the note
    (``{n}`` a smaller count), on lines of their own above the table; the row keeps its
    other values."""
    text = gr.render(report, "markdown")
    values = report.flat()
    above = ["第二十条第（一）项"]
    for row in ROWS:
        if row not in notes:
            continue
        column, note = notes[row]
        count = values[f"proactive.{row}.{column}"]
        above += [str(count), note.format(n=count // 2)]  # type: ignore[operator]
        label = labels.PROACTIVE_ROWS["2021"][row][0]
        printed = [str(values[f"proactive.{row}.{c}"]) for c in COLUMNS]
        kept = [cell for c, cell in zip(COLUMNS, printed, strict=True) if c != column]
        whole = f"| {label} | {' | '.join(printed)} |"
        assert text.count(whole) == 1
        text = text.replace(whole, f"| {label} | {' | '.join(kept)} |")
    heading = "二、主动公开政府信息情况\n"
    return text.replace(heading, heading + "\n".join(above) + "\n\n", 1)


def _report(**rows: tuple[int, int, int]) -> gr.Report:
    values: dict[str, object] = {f.key: 0 for f in gr.fields("2021")}
    for row, numbers in rows.items():
        values |= {f"proactive.{row}.{c}": n for c, n in zip(COLUMNS, numbers, strict=True)}
    return gr.Report.from_values(values, template="2021", organisation="某某市人民政府", year=2024)


def _proactive(report: gr.Report) -> dict[str, object]:
    return {f"{row}.{c}": report.flat()[f"proactive.{row}.{c}"] for row in ROWS for c in COLUMNS}


def test_counts_lifted_above_the_table_are_read_in_the_columns_their_notes_name() -> None:
    truth = _report(rules=(5, 22, 120), normative_documents=(40, 18, 261))
    text = lifted(
        truth,
        {
            "rules": ("repealed", "（其中修订 {n} 件）"),
            "normative_documents": ("issued", "（其中新制定 {n} 件）"),
        },
    )
    assert "| 规章 | 5 | 120 |" in text and "| 行政规范性文件 | 18 | 261 |" in text
    back = gr.parse(text)
    assert _proactive(back) == _proactive(truth)
    found = [d for d in back.diagnostics if d.code == "cell-lifted"]
    assert [d.keys for d in found] == [
        ("proactive.rules.repealed",),
        ("proactive.normative_documents.issued",),
    ]


def test_a_lifted_count_whose_note_names_no_column_is_not_placed() -> None:
    # 市级 says what the count holds, not which column it is: 22 could be any of the three.
    truth = _report(rules=(5, 22, 120), normative_documents=(40, 18, 261))
    text = lifted(
        truth,
        {
            "rules": ("repealed", "（其中市级 {n} 件）"),
            "normative_documents": ("repealed", "（含自然失效 {n} 件）"),
        },
    )
    back = gr.parse(text)
    assert wrong(back, truth.flat()) == {}
    assert "cell-lifted" not in {d.code for d in back.diagnostics}
    assert back.flat()["proactive.rules.repealed"] is None


@scaled(0.5)
@given(reports("2021", missing=False), st.data())
def test_lifted_counts_are_read_where_their_notes_name_the_column_and_never_wrong(
    truth: gr.Report, data: st.DataObject
) -> None:
    """Either row or both with one cell lifted, its note naming its column where reports'
    notes do (a note says what its own cell counts) or none: nothing is ever wrong; where
    every note names its column, both rows are read whole."""
    notes: dict[str, tuple[str, str]] = {}
    named = True
    for row in data.draw(st.sampled_from([ROWS[:1], ROWS[1:], ROWS]), label="rows"):
        column = data.draw(st.sampled_from(COLUMNS), label="column")
        names = data.draw(st.sampled_from([column, None]), label="note names its column")
        names = names if names in NOTES else None
        notes[row] = column, data.draw(st.sampled_from(NOTES[names]), label="note")
        named = named and names is not None
    back = gr.parse(lifted(truth, notes))
    assert wrong(back, truth.flat()) == {}
    if named:
        assert _proactive(back) == _proactive(truth)
