"""Section 三 rows whose labels a PDF-to-Markdown extraction lifted out of the table (issue 45,
item 7): the row keeps its values (``| 2 | 0 | 0 | 0 | 0 | 0 | 2 |``) and loses its label,
which the extraction prints on loose lines above it, far away among other labels, or cut, a
piece left in the row (``| 行政机关不再处理其政府信息公 | 40 | … |``). Such a row is the one
template row its labelled neighbours leave it, where the rules through its cells hold;
never another."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report import labels

from conftest import scaled, wrong
from strategies import reports

ROWS = labels.APPLICATION_ROWS["2021"]
PRINTED = labels.APPLICATION_PRINTED["2021"]
COLUMNS = tuple(labels.APPLICANT_COLUMNS)

#: How an extraction leaves a row's label: on loose lines right above the row (cut in two),
#: dropped (printed among other labels elsewhere), or cut with its second half in the row.
HOW = ("above", "dropped", "piece")


def lifted(report: gr.Report, rows: dict[str, str]) -> str:
    """``report`` in Markdown with the label of each row of ``rows`` (row -> how, ``HOW``)
    lifted out of its table row, as a PDF extraction does: the row's values start a table
    of their own (with its rule line), its label is printed above it in two lines, or not
    at all, or cut with the second half left as the row's one label cell."""
    lines = gr.render(report, "markdown").splitlines()
    for key, how in rows.items():
        label = next(part for part in reversed(PRINTED[key]) if part)
        (at,) = [n for n, line in enumerate(lines) if f"| {label} |" in line]
        values = [cell.strip() for cell in lines[at].strip().strip("|").split("|")][-len(COLUMNS) :]
        half = len(label) // 2
        head = f"| {label[half:]} " if how == "piece" else ""
        above = [label[:half], label[half:]] if how == "above" else []
        table = [f"{head}| {' | '.join(values)} |", "|" + "---|" * (len(COLUMNS) + bool(head))]
        lines[at : at + 1] = ["", *above, *table]
    return "\n".join(lines) + "\n"


def _report(**rows: tuple[int, ...]) -> gr.Report:
    """A 2021 report whose section 三 prints ``rows`` (the others 0), its totals theirs."""
    values: dict[str, object] = {f.key: 0 for f in gr.fields("2021")}
    for row, numbers in rows.items():
        values |= {f"applications.{row}.{c}": n for c, n in zip(COLUMNS, numbers, strict=True)}
    return gr.Report.from_values(values, template="2021", organisation="某某市人民政府", year=2024)


#: Natural persons 9 (5 + 1 + 3), companies 2 (1 + 1): every rule holds.
TRUTH = dict(
    new=(9, 2, 0, 0, 0, 0, 11),
    granted=(5, 1, 0, 0, 0, 0, 6),
    partially_granted=(1, 1, 0, 0, 0, 0, 2),
    **{"not_processed.confirmation": (0, 0, 0, 0, 0, 0, 0)},
    **{"other.no_correction": (3, 0, 0, 0, 0, 0, 3)},
    total=(9, 2, 0, 0, 0, 0, 11),
)


def _section(report: gr.Report, *rows: str) -> dict[str, object]:
    flat = report.flat()
    return {f"{row}.{c}": flat[f"applications.{row}.{c}"] for row in rows for c in COLUMNS}


def test_rows_whose_labels_were_lifted_are_the_rows_their_neighbours_leave() -> None:
    truth = _report(**TRUTH)
    text = lifted(
        truth,
        {
            "partially_granted": "above",
            "not_processed.confirmation": "dropped",
            "other.no_correction": "piece",
        },
    )
    assert "| 1 | 1 | 0 | 0 | 0 | 0 | 2 |" in text  # 部分公开's values, no label
    back = gr.parse(text)
    rows = ("partially_granted", "not_processed.confirmation", "other.no_correction")
    assert _section(back, *rows) == _section(truth, *rows)
    assert back.completeness().status == "complete"
    found = [d for d in back.diagnostics if d.code == "row-by-order"]
    assert [d.message.split(" is read as ")[1].split(":")[0] for d in found] == [
        ROWS[row][0] for row in rows
    ]


def test_a_label_piece_of_other_rows_is_not_placed_by_order() -> None:
    # 属于行政 names no row (属于行政执法案卷 and 属于行政查询事项 share it), and no piece of
    # 无正当理由逾期不补正's label: the row is not it, whatever the order says.
    truth = _report(**TRUTH)
    text = lifted(truth, {"other.no_correction": "dropped"})
    row = "| 3 | 0 | 0 | 0 | 0 | 0 | 3 |"
    text = text.replace(f"\n{row}", f"\n| 属于行政 {row}")
    back = gr.parse(text)
    assert wrong(back, truth.flat()) == {}
    # Its cells are only what the column rules derive, never read from that row.
    assert back.cell("applications.other.no_correction.natural_person").provenance == "derived"
    assert {"row-by-order", "values-unplaced"} & {d.code for d in back.diagnostics} == {
        "values-unplaced"
    }


def test_a_row_by_order_whose_rules_break_is_not_placed() -> None:
    # The report's own error in the row (总计 3 for 1 + 1): which cell is wrong is not known,
    # so the row is not read by its place alone.
    truth = _report(**TRUTH)
    text = lifted(truth, {"partially_granted": "above"})
    text = text.replace("| 1 | 1 | 0 | 0 | 0 | 0 | 2 |", "| 1 | 1 | 0 | 0 | 0 | 0 | 3 |")
    back = gr.parse(text)
    cells = [back.cell(f"applications.partially_granted.{c}") for c in COLUMNS]
    assert {cell.provenance for cell in cells} <= {"derived", "missing"}  # the rules' own
    assert "values-unplaced" in {d.code for d in back.diagnostics}


def test_two_rows_with_no_label_where_their_neighbours_leave_one_are_not_placed() -> None:
    truth = _report(**TRUTH)
    text = lifted(truth, {"partially_granted": "dropped"})
    stray = "| 1 | 1 | 0 | 0 | 0 | 0 | 2 |"
    text = text.replace(stray, f"{stray}\n{stray}")
    back = gr.parse(text)
    assert wrong(back, truth.flat()) == {}
    cells = [back.cell(f"applications.partially_granted.{c}") for c in COLUMNS]
    assert {cell.provenance for cell in cells} <= {"derived", "missing"}


@scaled(0.5)
@given(reports("2021", missing=False), st.data())
def test_rows_with_lifted_labels_are_never_read_wrong(
    truth: gr.Report, data: st.DataObject
) -> None:
    """One to three rows of section 三 with their labels lifted, in any of the ways an
    extraction lifts them: nothing is ever wrong, and rows between labelled rows are read
    whole (the report's rules all hold)."""
    keys = sorted(ROWS)
    chosen = data.draw(st.sets(st.sampled_from(keys), min_size=1, max_size=3), label="rows")
    how = {key: data.draw(st.sampled_from(HOW), label=key) for key in sorted(chosen)}
    back = gr.parse(lifted(truth, how))
    assert wrong(back, truth.flat()) == {}
    order = list(ROWS)
    inner = all(0 < order.index(key) < len(order) - 1 for key in chosen)
    if inner:
        assert _section(back, *chosen) == _section(truth, *chosen)


def test_a_groups_own_row_of_sums_leaves_the_rows_around_it_to_be_read_by_order() -> None:
    # The table prints 不予公开's sums as a row of its own above its sub-rows: it is no row
    # of the template, and the row of values with no label before it is still 部分公开.
    truth = _report(**TRUTH)
    text = lifted(truth, {"partially_granted": "dropped"})
    first = "|  | （三）不予公开 | 1.属于国家秘密 |"
    assert first in text
    text = text.replace(
        first, "|  | （三）不予公开 |  | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n|  |  | 1.属于国家秘密 |"
    )
    back = gr.parse(text)
    assert wrong(back, truth.flat()) == {}
    assert _section(back, "partially_granted") == _section(truth, "partially_granted")
    assert "row-by-order" in {d.code for d in back.diagnostics}


def _with_group_sums(text: str, report: gr.Report, group: str) -> str:
    """``text`` (``lifted``) with ``group``'s sums printed as a row of its own above the
    first line of its sub-rows' labels (if one is left), as some tables print a group's
    subtotal."""
    subrows = [key for key in ROWS if key.startswith(f"{group}.")]
    names = [next(part for part in reversed(PRINTED[key]) if part) for key in subrows]
    flat = report.flat()
    sums = [sum(flat[f"applications.{key}.{c}"] for key in subrows) for c in COLUMNS]  # type: ignore[misc]
    lines = text.split("\n")
    at = next(
        (n for n, line in enumerate(lines) if any(f"| {name} |" in line for name in names)), None
    )
    if at is None:
        return text
    title = labels.APPLICATION_GROUPS["2021"][group][0]
    lines.insert(at, f"|  | {title} |  | " + " | ".join(map(str, sums)) + " |")
    return "\n".join(lines)


@scaled(0.5)
@given(reports("2021", missing=False), st.data())
def test_rows_with_lifted_labels_beside_a_groups_sums_are_never_read_wrong(
    truth: gr.Report, data: st.DataObject
) -> None:
    """As above, with a group's sums printed as a row of their own above its sub-rows: the
    same rows are read."""
    keys = sorted(ROWS)
    chosen = data.draw(st.sets(st.sampled_from(keys), min_size=1, max_size=3), label="rows")
    how = {key: data.draw(st.sampled_from(HOW), label=key) for key in sorted(chosen)}
    group = data.draw(st.sampled_from(["denied", "unavailable", "not_processed", "other"]))
    back = gr.parse(_with_group_sums(lifted(truth, how), truth, group))
    assert wrong(back, truth.flat()) == {}
    order = list(ROWS)
    if all(0 < order.index(key) < len(order) - 1 for key in chosen):
        assert _section(back, *chosen) == _section(truth, *chosen)


def test_a_label_lifted_above_the_second_row_is_not_taken_as_the_first_row_s_below_it() -> None:
    # 本年新收's label dropped, 上年结转's lifted above its values in two lines: the first
    # row of values has no label and a row's label alone follows it, as where a converter
    # writes each label below its values; but the next row of values has no label below
    # it, so the labels are above theirs, and the swap (every rule holds either way:
    # 本年新收 + 上年结转 is one sum) is not made.
    truth = _report(
        new=(9, 2, 0, 0, 0, 0, 11),
        carried_over=(3, 1, 0, 0, 0, 0, 4),
        granted=(10, 2, 0, 0, 0, 0, 12),
        total=(10, 2, 0, 0, 0, 0, 12),
        carried_forward=(2, 1, 0, 0, 0, 0, 3),
    )
    text = lifted(truth, {"new": "dropped", "carried_over": "above"})
    assert "| 9 | 2 | 0 | 0 | 0 | 0 | 11 |\n|---|" in text
    assert "二、上年结转政府\n信息公开申请数量\n| 3 | 1 |" in text
    back = gr.parse(text)
    assert wrong(back, truth.flat()) == {}
    assert _section(back, "carried_over") == _section(truth, "carried_over")
