"""Values that only the text's order gives their row (``tables.attributed``): in text read by
the order of its cells alone, a row's values after another row's label printed alone, or
before their own label, are kept only where a rule to another row bears them out. Each text
is printed as plain pdftotext prints a wkhtmltopdf or Word PDF, from a report of known
values typed here; the texts are moved as those tools move them."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report import labels
from govinfo_report.write.render import render

from conftest import scaled, wrong
from manglers import TRACELESS
from strategies import sparse_reports

PDFTOTEXT = TRACELESS["pdftotext"]
COLUMNS = list(labels.APPLICANT_COLUMNS)


def _report(**rows: list[int]) -> dict[str, int | None]:
    """A 2021 report's values: zeros, but for the section 三 rows given."""
    values: dict[str, int | None] = {f.key: 0 for f in gr.fields("2021")}
    for row, numbers in rows.items():
        values |= {f"applications.{row}.{c}": n for c, n in zip(COLUMNS, numbers, strict=True)}
    return values


def _text(values: dict[str, int | None], blank_zeros: bool = False) -> str:
    report = gr.Report.from_values(
        values, template="2021", organisation="青岚县自然资源局", year=2023
    )
    return render(report, PDFTOTEXT, blank_zeros=blank_zeros)


def _label(row: str) -> str:
    return next(p for p in reversed(labels.APPLICATION_PRINTED["2021"][row]) if p)


def _row(back: gr.Report, row: str) -> list[int | None]:
    return [back.flat()[f"applications.{row}.{column}"] for column in COLUMNS]


def _unplaced(back: gr.Report, row: str) -> bool:
    return any(
        d.code == "values-unplaced" and f"applications.{row}.total" in d.keys
        for d in back.diagnostics
    )


#: A report whose every rule holds: 30 new applications from natural persons, one granted,
#: 29 denied as state secrets.
SECRET = _report(
    new=[30, 0, 0, 0, 0, 0, 30],
    granted=[1, 0, 0, 0, 0, 0, 1],
    **{"denied.state_secret": [29, 0, 0, 0, 0, 0, 29]},
    total=[30, 0, 0, 0, 0, 0, 30],
)


def test_a_sub_row_whose_values_come_before_its_label_out_of_order_is_not_read() -> None:
    # pdftotext reads the row's cells out of line order, its first value after its last,
    # and prints them under the group's label, before the row's own: 29 0 0 0 0 0 29 as
    # 0 0 0 0 0 29 29, which keeps the row's own sum. The column rules, every cell printed,
    # break: the values are not 属于国家秘密's in this order, and none is read.
    lines = _text(SECRET).split("\n")
    at = lines.index(_label("denied.state_secret"))
    lines[at : at + 8] = [*lines[at + 2 : at + 8], lines[at + 1], lines[at]]
    assert lines[at - 1 : at + 9] == [
        "（三）不予公开", "0", "0", "0", "0", "0", "29", "29", "1.属于国家秘密",
        "2.其他法律行政法规禁止公开",
    ]  # fmt: skip
    back = gr.parse("\n".join(lines))
    assert wrong(back, SECRET) == {}
    assert _row(back, "denied.state_secret") == [None] * 7
    assert _unplaced(back, "denied.state_secret")
    # The rows whose label comes right before their values are read.
    assert _row(back, "granted") == [1, 0, 0, 0, 0, 0, 1]
    assert _row(back, "total") == [30, 0, 0, 0, 0, 0, 30]


def test_a_sub_row_whose_values_come_before_its_label_in_order_is_read() -> None:
    # The same text with the row's cells in their order: the column rules bear them out.
    lines = _text(SECRET).split("\n")
    at = lines.index(_label("denied.state_secret"))
    lines[at : at + 8] = [*lines[at + 1 : at + 8], lines[at]]
    assert lines[at - 1 : at + 2] == ["（三）不予公开", "29", "0"]
    back = gr.parse("\n".join(lines))
    assert wrong(back, SECRET) == {}
    assert _row(back, "denied.state_secret") == [29, 0, 0, 0, 0, 0, 29]


#: A report whose 上年结转 prints no application (its zeros left blank), all read this year.
CARRIED = _report(
    new=[4, 1, 1, 1, 1, 1, 9],
    granted=[4, 1, 1, 1, 1, 1, 9],
    total=[4, 1, 1, 1, 1, 1, 9],
)
#: Its values printed as 上年结转's, 本年新收 printing none.
NONE_NEW = _report(
    carried_over=[4, 1, 1, 1, 1, 1, 9],
    granted=[4, 1, 1, 1, 1, 1, 9],
    total=[4, 1, 1, 1, 1, 1, 9],
)
VALUES = ["4", "1", "1", "1", "1", "1", "9"]


def test_values_after_two_labels_the_rules_cannot_place_are_not_read() -> None:
    # 一、本年新收 / 二、上年结转 / 4 1 1 1 1 1 9: plain pdftotext prints a block of a Word
    # PDF's rows so, their labels first, a blank cell left out. The values are the first
    # row's, the second printed blank, or the second's, the first printed blank (as in a
    # wkhtmltopdf PDF's rows, blank cells left out). The rules through them pass through
    # the first row, which nothing gives: they are read as neither row's.
    lines = _text(CARRIED, blank_zeros=True).split("\n")
    label = lines.pop(lines.index(_label("carried_over")))
    at = lines.index(_label("new"))
    lines.insert(at + 1, label)
    assert lines[at : at + 9] == [_label("new"), _label("carried_over"), *VALUES]
    for truth in (CARRIED, NONE_NEW):
        back = gr.parse("\n".join(lines))
        assert wrong(back, truth) == {}
        assert _row(back, "carried_over") == [None] * 7
        assert _unplaced(back, "carried_over")


def test_values_after_a_label_whose_blank_cells_are_traced_are_read() -> None:
    # The first row printed blank, a line of spaces a cell (a page's &nbsp;): its cells
    # are traced, so the values after the next label are that label's.
    lines = _text(NONE_NEW).split("\n")
    at = lines.index(_label("new"))
    assert lines[at + 1 : at + 9] == ["0"] * 7 + [_label("carried_over")]
    lines[at + 1 : at + 8] = ["\xa0"] * 7
    back = gr.parse("\n".join(lines))
    assert wrong(back, NONE_NEW) == {}
    assert _row(back, "carried_over") == [4, 1, 1, 1, 1, 1, 9]
    assert not _unplaced(back, "carried_over")


@scaled(3)
@given(sparse_reports(missing=False), st.data())
def test_a_rows_label_printed_before_the_values_of_the_row_above_is_never_read_wrong(
    truth: gr.Report, data: st.DataObject
) -> None:
    """Any report printed as plain pdftotext prints it, its zeros left blank, with one row
    of section 三's label moved before the values of the row above, as pdftotext prints a
    block of a Word PDF's rows (labels first): no cell is read wrong."""
    template = truth.template or ""
    rows = list(labels.APPLICATION_ROWS[template])
    at = data.draw(st.integers(0, len(rows) - 2), label="row above")
    printed = [
        next(p for p in reversed(labels.APPLICATION_PRINTED[template][row]) if p)
        for row in rows[at : at + 2]
    ]
    lines = render(truth, PDFTOTEXT, blank_zeros=True).split("\n")
    assume(all(lines.count(label) == 1 for label in printed))
    label = lines.pop(lines.index(printed[1]))
    lines.insert(lines.index(printed[0]) + 1, label)
    back = gr.parse("\n".join(lines))
    assert wrong(back, truth.flat()) == {}
