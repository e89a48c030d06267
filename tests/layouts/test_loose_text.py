"""Tables whose text lost the order of their cells (issue 16, items 2, 4 and 7): rows of
loose text gathered from several lines, wrapped labels, a header among the values, a column
header taken for a row. Each case is built here from a report of known values; a cell is
its true value or missing, never another number."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report import labels
from govinfo_report.catalogue import TEMPLATES
from govinfo_report.tables.reading import Draft, Reading
from govinfo_report.tables.resolve import confirmed
from govinfo_report.write.render import render

from conftest import HERE, scaled, wrong
from manglers import TRACELESS, RawLines
from strategies import reports

#: Text as pdftotext -layout prints narrow columns (cells two spaces apart, not aligned) and
#: as pdftotext prints a table one cell a line (an empty cell not at all).
SPACED, PDFTOTEXT = TRACELESS["spaced"], TRACELESS["pdftotext"]

COLUMNS = list(labels.APPLICANT_COLUMNS)


def _report(**rows: list[int]) -> gr.Report:
    """A 2021 report of zeros but for the section 三 outcome rows and section 四 groups
    given; section 三's 总计 and 本年新收 rows are their sums, so every rule holds."""
    values: dict[str, int | None] = {f.key: 0 for f in gr.fields("2021")}
    totals = [0] * 7
    for row, numbers in rows.items():
        section = "appeals" if row in ("review", "litigation_direct") else "applications"
        keys = [f.key for f in gr.fields("2021") if f.section == section and f.row == row]
        values.update(zip(keys, numbers, strict=True))
        if section == "applications" and row != "carried_forward":
            totals = [a + b for a, b in zip(totals, numbers, strict=True)]
    forward = rows.get("carried_forward", [0] * 7)
    new = [a + b for a, b in zip(totals, forward, strict=True)]
    for row, numbers in (("total", totals), ("new", new)):
        values.update(zip((f"applications.{row}.{c}" for c in COLUMNS), numbers, strict=True))
    return gr.Report.from_values(values, template="2021", organisation="青岚县市场监督管理局",
                                 year=2021)  # fmt: skip


def _row(report: gr.Report, section: str, row: str) -> list[object]:
    return [
        report.cell(f.key).value
        for f in gr.fields(report.template)
        if f.section == section and f.row == row
    ]


def _assert_never_wrong(back: gr.Report, truth: gr.Report) -> None:
    wrong = {
        key: (value, truth.flat()[key])
        for key, value in back.flat().items()
        if value is not None and value != truth.flat()[key]
    }
    assert wrong == {}


def test_a_total_printed_on_its_own_line_is_not_read_in_the_wrong_column() -> None:
    # pdftotext -layout centres a tall row's cells: its 总计 lands on the line above the
    # others. Read in reading order it would be the first column; it goes to the row above,
    # which then has a value too many (its cells are missing), and the row's own sum puts
    # the six values it keeps in their columns.
    truth = _report(granted=[4, 4, 1, 4, 5, 0, 18], carried_forward=[1, 0, 0, 0, 0, 0, 1])
    text = render(truth, SPACED)
    row = "四、结转下年度继续办理  1  0  0  0  0  0  1"
    assert row in text
    back = gr.parse(text.replace(row, " " * 40 + "1\n四、结转下年度继续办理  1  0  0  0  0  0"))
    _assert_never_wrong(back, truth)
    assert _row(back, "applications", "carried_forward") == [1, 0, 0, 0, 0, 0, 1]
    assert back.cell("applications.carried_forward.total").provenance == "derived"


def test_a_row_whose_values_wrap_out_of_order_is_refused() -> None:
    # The same row, its values on two lines whose reading order is not the columns':
    # nothing confirms them, so they are not kept.
    truth = _report(granted=[4, 4, 1, 4, 5, 0, 18])
    text = render(truth, SPACED)
    row = "（一）予以公开  4  4  1  4  5  0  18"
    assert row in text
    back = gr.parse(text.replace(row, "（一）予以公开  18  4  4\n" + " " * 30 + "1  4  5  0"))
    _assert_never_wrong(back, truth)
    assert "values-unplaced" in {d.code for d in back.diagnostics}


def test_a_row_gathered_from_several_lines_is_kept_when_its_sum_confirms_it() -> None:
    # The same wrap, but the values come in column order: the row's own sum confirms them.
    truth = _report(carried_forward=[4, 4, 1, 4, 5, 0, 18])
    text = render(truth, SPACED)
    row = "四、结转下年度继续办理  4  4  1  4  5  0  18"
    back = gr.parse(
        text.replace(row, "四、结转下年度继续办理  4  4  1\n" + " " * 30 + "4  5  0  18")
    )
    assert _row(back, "applications", "carried_forward") == [4, 4, 1, 4, 5, 0, 18]


def test_a_header_among_the_values_of_section_4_needs_the_group_sums() -> None:
    # pdftotext without -layout reads the header's tall cells after some values: the values
    # come in an order that is not the columns'. Read in order they break the group sums, so
    # none is kept.
    truth = _report(review=[3, 1, 0, 0, 4], litigation_direct=[2, 0, 0, 1, 3])
    text = render(truth, PDFTOTEXT)
    head, _, tail = text.partition("尚未审结\n总计\n3\n1\n0\n0\n4\n")
    assert tail
    scrambled = (
        head
        + "尚未审结\n总计\n3\n1\n0\n0\n2\n结果维持\n4\n"
        + tail.replace("2\n0\n0\n1\n3\n", "0\n0\n1\n3\n", 1)
    )
    back = gr.parse(scrambled)
    _assert_never_wrong(back, truth)
    assert set(back.appeals.values) == {None}
    # In the columns' order, with the header among them, the sums confirm every value.
    kept = gr.parse(head + "尚未审结\n总计\n3\n1\n0\n0\n4\n结果维持\n" + tail)
    assert _row(kept, "appeals", "review") == [3, 1, 0, 0, 4]
    assert _row(kept, "appeals", "litigation_direct") == [2, 0, 0, 1, 3]


def test_a_wrapped_label_never_takes_the_head_of_the_next_row() -> None:
    # A narrow label column wraps two characters a line, and the row's values sit in the
    # middle of its label. The fragment before them must not be completed with the next
    # row's head (5.要求… then 1.申请人…): the row it would name is not the one printed.
    truth = _report(**{"not_processed.confirmation": [34, 32, 0, 1, 6, 32, 105],
                       "other.no_correction": [0, 0, 34, 0, 30, 0, 64]})  # fmt: skip
    text = render(truth, SPACED)
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("5.要求行政机关确认"))
    wrapped = [
        *("    " + part for part in ("5.要", "求行", "政机", "关确")),
        "    认或   34   32   0    1    6    32   105",
        *("    " + part for part in ("重新", "出具", "已获", "取信", "息", "1.申", "请人")),
        *("    " + part for part in ("无正", "当理", "由逾", "期不", "补正", "、")),
        "    行政    0    0    34   0    30   0    64",
        *("    " + part for part in ("机关", "不再", "处理", "其政", "府信", "息公", "开申", "请")),
    ]
    back = gr.parse("\n".join([*lines[:at], *wrapped, *lines[at + 2 :]]))
    _assert_never_wrong(back, truth)


def test_a_bare_total_among_the_values_is_the_column_header() -> None:
    # Text read column by column puts the header 总计 before a run of seven values; the
    # total row is printed （七）总计.
    truth = _report(granted=[20, 2, 0, 0, 1, 1, 24], partially_granted=[25, 1, 0, 0, 1, 0, 27])
    text = render(truth, PDFTOTEXT)
    header = "\n".join(["自然人", "法人或其他组织", "总计", "商业企业", "科研机构",
                        "社会公益组织", "法律服务机构", "其他"])  # fmt: skip
    assert header in text
    moved = text.replace(header, "\n".join(["自然人", "法人或其他组织", "商业企业", "科研机构",
                                            "社会公益组织", "法律服务机构", "其他"]))  # fmt: skip
    granted = "（一）予以公开\n20\n2\n0\n0\n1\n1\n24\n"
    assert granted in moved
    back = gr.parse(moved.replace(granted, "（一）予以公开\n总计\n1\n1\n24\n20\n2\n0\n0\n"))
    _assert_never_wrong(back, truth)
    # Its values belong to no row; 予以公开 is what the column sums leave.
    assert _row(back, "applications", "granted") == [20, 2, 0, 0, 1, 1, 24]
    assert back.cell("applications.granted.total").provenance == "derived"


def _displaced(text: str, rows: list[str]) -> str:
    """``text`` (cell-per-line) with the labels of ``rows`` moved after their values, as
    pdftotext without -layout prints a tall merged label after the rows it spans."""
    lines = text.split("\n")
    for row in rows:
        label = next(p for p in reversed(labels.APPLICATION_PRINTED["2021"][row]) if p)
        at = lines.index(label)
        lines.insert(at + 7, lines.pop(at))
    return "\n".join(lines)


def test_values_in_row_order_are_read_by_sequence_when_every_rule_holds() -> None:
    truth = _report(granted=[20, 2, 0, 0, 1, 1, 24], partially_granted=[4, 0, 0, 0, 1, 0, 5],
                    **{"unavailable.not_held": [3, 1, 0, 0, 0, 0, 4]})  # fmt: skip
    moved = _displaced(render(truth, PDFTOTEXT), ["partially_granted", "unavailable.not_held"])
    back = gr.parse(moved)
    assert "table-read-in-sequence" in {d.code for d in back.diagnostics}
    assert back.flat() == truth.flat()


def test_values_out_of_row_order_are_not_read_by_sequence() -> None:
    # The last value of 予以公开 and the first of the next row printed the other way round:
    # the count still fits, but the runs of seven no longer hold the rows, and the sums break.
    truth = _report(granted=[20, 2, 0, 0, 1, 1, 24], partially_granted=[4, 0, 0, 0, 1, 0, 5])
    text = render(truth, PDFTOTEXT)
    moved = _displaced(text, ["partially_granted"])
    printed = "20\n2\n0\n0\n1\n1\n24\n4\n"
    assert printed in moved
    back = gr.parse(moved.replace(printed, "20\n2\n0\n0\n1\n1\n4\n24\n"))
    assert "table-read-in-sequence" not in {d.code for d in back.diagnostics}
    _assert_never_wrong(back, truth)


def test_a_merged_label_printed_a_character_a_line_in_every_row_of_tab_text() -> None:
    # The usual python-docx script joins each row's cell.text with tabs: a merged vertical
    # label typed a character a paragraph (三/、/本/年/度…) brings line breaks into every row
    # it spans. Those lines hold no tab: they continue a cell and say nothing of the grid.
    truth = _report(granted=[20, 2, 0, 0, 1, 1, 24], partially_granted=[4, 0, 0, 0, 1, 0, 5])
    lines = render(truth, "tab-separated").split("\n")
    vertical = "\n".join("三、本年度办理结")
    first = next(i for i, line in enumerate(lines) if line.startswith("三、本年度办理结果\t"))
    last = next(i for i, line in enumerate(lines) if "（七）总计" in line)
    for at in range(first, last + 1):  # python-docx gives the merged cell in every row
        lines[at] = f"{vertical}\n果\t" + lines[at].partition("\t")[2]
    back = gr.parse("\n".join(lines))
    assert back.applications.layout == "tab-separated"
    assert back.flat() == truth.flat()


# pdftotext plain of real PDFs (issue 26, item 7) ------------------------------------------

#: The keys of section 三's rows, in template order.
_ROWS = list(labels.APPLICATION_ROWS["2021"])


def _segment(lines: list[str], row: str) -> int:
    """Where ``row``'s label line is in ``lines`` (text of ``render(…, PDFTOTEXT)``): its
    seven values follow it."""
    label = next(p for p in reversed(labels.APPLICATION_PRINTED["2021"][row]) if p)
    return lines.index(label)


def _by_columns(text: str, rows: list[str]) -> str:
    """``text`` with ``rows`` (consecutive) printed as pdftotext prints a block of a Word
    PDF's table: their labels first, then their values one column at a time, each column's
    run on consecutive lines and apart from the next."""
    lines = text.split("\n")
    first, last = _segment(lines, rows[0]), _segment(lines, rows[-1]) + 8
    values = {at + k for row in rows for at in [_segment(lines, row)] for k in range(1, 8)}
    kept = [line for at, line in enumerate(lines[first:last], first) if at not in values]
    table = [[lines[_segment(lines, row) + k] for k in range(1, 8)] for row in rows]
    columns = [line for column in zip(*table, strict=True) for line in (*column, "")]
    return "\n".join([*lines[:first], *kept, *columns, *lines[last:]])


#: The rows of the block printed column by column: 不予公开 and 无法提供's rows but the last.
_BLOCK = _ROWS[_ROWS.index("denied.state_secret") : _ROWS.index("unavailable.needs_creation") + 1]


#: Rows of section 三 with values in the block and above it.
_VARIED: dict[str, list[int]] = {
    "granted": [20, 2, 0, 0, 1, 1, 24],
    "denied.state_secret": [1, 0, 0, 0, 0, 0, 1],
    "denied.third_party_rights": [2, 1, 0, 0, 0, 0, 3],
    "denied.process_information": [0, 0, 3, 0, 0, 1, 4],
    "unavailable.not_held": [10, 3, 0, 0, 0, 1, 14],
    "unavailable.needs_creation": [0, 1, 0, 0, 0, 0, 1],
}


def _varied() -> gr.Report:
    return _report(**_VARIED)


def _with(values: dict[str, object]) -> gr.Report:
    """The 2021 report of ``values`` (a cell ``None``: not given, printed ``—``)."""
    return gr.Report.from_values(values, template="2021", organisation="青岚县市场监督管理局",
                                 year=2021)  # fmt: skip


def test_rows_printed_column_by_column_are_read_by_sequence() -> None:
    # The lower part of section 三 as pdftotext prints hongze's real PDF: ten rows, their
    # labels, then seven runs of ten values, the last the sum of the others.
    truth = _varied()
    text = _by_columns(render(truth, PDFTOTEXT), _BLOCK)
    assert "\n1\n0\n0\n2\n0\n0\n0\n0\n10\n0\n\n" in text  # 自然人's run
    back = gr.parse(text)
    assert "table-read-in-sequence" in {d.code for d in back.diagnostics}
    assert back.flat() == truth.flat()


def test_a_block_whose_rows_do_not_add_up_across_is_not_turned() -> None:
    # The same block with two values of 自然人's run the other way round: two rows no
    # longer add up, so the block is not read as rows, and nothing is read in a wrong cell.
    truth = _varied()
    text = _by_columns(render(truth, PDFTOTEXT), _BLOCK)
    run = "\n1\n0\n0\n2\n0\n0\n0\n0\n10\n0\n\n"
    back = gr.parse(text.replace(run, "\n0\n1\n0\n2\n0\n0\n0\n0\n10\n0\n\n"))
    assert "table-read-in-sequence" not in {d.code for d in back.diagnostics}
    _assert_never_wrong(back, truth)
    assert back.flat()["applications.denied.third_party_rights.total"] is None


def test_a_block_printed_column_by_column_with_a_footnote_mark_is_turned() -> None:
    # The same block with 10 (本机关不掌握's 自然人) printed with a footnote mark, 10³: its
    # rows still add up across, so the block is read as rows; the mark is no digit of the
    # value. Not turned, the values were read in another order that the rules confirmed but
    # for one cell, and 0 was read for 10 (issue 48, found by benchmarks/damage_real.py).
    truth = _varied()
    text = _by_columns(render(truth, PDFTOTEXT), _BLOCK)
    run = "\n1\n0\n0\n2\n0\n0\n0\n0\n10\n0\n\n"
    back = gr.parse(text.replace(run, "\n1\n0\n0\n2\n0\n0\n0\n0\n10³\n0\n\n"))
    assert "table-read-in-sequence" in {d.code for d in back.diagnostics}
    assert back.flat() == truth.flat()


def test_a_block_printed_column_by_column_with_a_cell_not_given_is_turned() -> None:
    # The same block with 2.其他法律行政法规禁止公开's 自然人 printed —: the row gives no number
    # there, its 总计 counts 2 there, so the row adds up with the blank 2, the others as
    # before, and the block is read as rows; the blank stays a blank.
    key = "applications.denied.prohibited_by_law.natural_person"
    truth = _report(**{**_VARIED, "denied.prohibited_by_law": [2, 0, 0, 0, 0, 0, 2]})
    values = {**truth.flat(), key: None}
    lines = _by_columns(render(_with(values), PDFTOTEXT), _BLOCK)
    assert "\n1\n—\n0\n2\n0\n0\n0\n0\n10\n0\n\n" in lines  # 自然人's run
    back = gr.parse(lines)
    assert "table-read-in-sequence" in {d.code for d in back.diagnostics}
    assert back.cell(key).blank and back.cell(key).value is None
    assert {k: v for k, v in back.flat().items() if k != key} == {
        k: v for k, v in values.items() if k != key
    }


@scaled(0.5)
@given(reports("2021"), st.data())
def test_blocks_printed_column_by_column_with_cells_not_given_are_never_read_wrong(
    truth: gr.Report, data: st.DataObject
) -> None:
    """Any block of consecutive rows printed column by column, in a report that gives no
    number in up to four cells (``—``): never a value in a wrong cell."""
    start = data.draw(st.integers(0, len(_ROWS) - 2), label="block start")
    end = data.draw(st.integers(start + 2, len(_ROWS)), label="block end")
    back = gr.parse(_by_columns(render(truth, PDFTOTEXT), _ROWS[start:end]))
    assert wrong(back, truth.flat()) == {}


def _doubled(text: str, row: str) -> str:
    """``text`` with ``row`` printed on both sides of a page break, as wkhtmltopdf prints a
    row cut by the page and pdftotext reads it: its values before its label on the first
    page, then the label and the values again."""
    lines = text.split("\n")
    at = _segment(lines, row)
    label, values = lines[at], lines[at + 1 : at + 8]
    lines[at : at + 8] = [*values, label, "\f" + label, *values]
    return "\n".join(lines)


def test_a_row_printed_on_both_sides_of_a_page_break_is_read_once() -> None:
    truth = _varied()
    back = gr.parse(_doubled(render(truth, PDFTOTEXT), "denied.third_party_rights"))
    assert "table-read-in-sequence" in {d.code for d in back.diagnostics}
    assert back.flat() == truth.flat()


def test_a_value_between_the_halves_of_a_wrapped_label_is_that_rows_first() -> None:
    # pdftotext prints a tall label cell after the table, and the row's first value between
    # the label's first line and the group label's fragment and its last line; the row's
    # other six values stay in place. The label line before the value names the row.
    truth = _report(**{"other.unpaid_fee": [3, 0, 0, 0, 0, 1, 4]})
    lines = render(truth, PDFTOTEXT).split("\n")
    at = _segment(lines, "other.unpaid_fee")
    assert lines[at + 1] == "3"
    label = lines[at]
    del lines[at : at + 2]
    lines.remove("（六）其他处理")
    end = lines.index("四、政府信息公开行政复议、行政诉讼情况")
    cut = label.index("处理其")
    lines[end:end] = ["（六）其他", label[:cut], "处理", "3", label[cut:]]
    back = gr.parse("\n".join(lines))
    assert "table-read-in-sequence" in {d.code for d in back.diagnostics}
    assert back.flat() == truth.flat()


@scaled(0.5)
@given(reports("2021", missing=False), st.data())
def test_blocks_printed_column_by_column_and_rows_printed_twice_are_never_read_wrong(
    truth: gr.Report, data: st.DataObject
) -> None:
    """Any block of consecutive rows printed column by column, and maybe a row before it
    printed on both sides of a page break: section 三 is read whole or not at all, never a
    value in a wrong cell."""
    start = data.draw(st.integers(0, len(_ROWS) - 2), label="block start")
    end = data.draw(st.integers(start + 2, len(_ROWS)), label="block end")
    text = _by_columns(render(truth, PDFTOTEXT), _ROWS[start:end])
    if start and data.draw(st.booleans(), label="doubled"):
        text = _doubled(text, _ROWS[data.draw(st.integers(0, start - 1), label="row")])
    back = gr.parse(text)
    assert wrong(back, truth.flat()) == {}
    read = {key: value for key, value in back.flat().items() if key.startswith("applications.")}
    assert set(read.values()) == {None} or None not in read.values()


def _given(truth: gr.Report, swapped: tuple[str, str] | None = None) -> Reading:
    """A reading of section 三 that gives every row ``truth``'s values as printed, with the
    values of the two rows ``swapped`` the other way round."""
    template = TEMPLATES["2021"]
    draft = Draft("applications")
    for key in _ROWS:
        source = {swapped[0]: swapped[1], swapped[1]: swapped[0]}.get(key, key) if swapped else key
        values = [str(truth.flat()[f"applications.{source}.{column}"]) for column in COLUMNS]
        draft.give(template.rows["applications", key], [(v, 1, 1) for v in values], None)
    return draft.freeze()


def test_a_reading_is_confirmed_only_where_no_other_confirmed_reading_differs() -> None:
    # Two outcome rows the other way round keep every rule of section 三: both readings
    # hold, so the text leaves the choice open and neither is kept. A reading that breaks
    # rules through two cells or more (本年新收 and 予以公开 the other way round) is no rival.
    template, truth, empty = TEMPLATES["2021"], _varied(), Reading("applications")
    right, swapped = _given(truth), _given(truth, ("granted", "denied.state_secret"))
    broken = _given(truth, ("new", "granted"))
    assert confirmed(template, empty, [right, swapped]) is None
    assert confirmed(template, empty, [broken, right, _given(truth)]) is right
    assert confirmed(template, empty, [broken]) is None


#: ``pdftotext -raw`` of a ruled table: a label wider than its column broken over lines of
#: its own, the row's values on the line after its last piece.
RAW = TRACELESS["pdftotext-raw-wide"]


def _carried_over_report() -> gr.Report:
    """A 2021 report whose 本年新收 and 上年结转 rows differ, and every rule holds."""
    rows = {
        "new": [9, 2, 0, 1, 0, 0, 12],
        "carried_over": [3, 1, 0, 0, 0, 0, 4],
        "granted": [10, 3, 0, 1, 0, 0, 14],
        "total": [10, 3, 0, 1, 0, 0, 14],
        "carried_forward": [2, 0, 0, 0, 0, 0, 2],
    }
    values: dict[str, int | None] = {f.key: 0 for f in gr.fields("2021")}
    for row, numbers in rows.items():
        values.update(zip((f"applications.{row}.{c}" for c in COLUMNS), numbers, strict=True))
    return gr.Report.from_values(values, template="2021", organisation="青岚县市场监督管理局",
                                 year=2021)  # fmt: skip


def test_a_row_whose_label_is_broken_above_its_values_keeps_them() -> None:
    # The table's first line of values has no label on it (its label's pieces come before
    # the table's first table line): the next label's pieces belong to the next line of
    # values, not to these.
    truth = _carried_over_report()
    text = render(truth, RAW)
    assert "一、本年新收政府信息公\n开申请数量\n9 2 0 1 0 0 12\n二、上年结转政府信息公" in text
    back = gr.parse(text)
    _assert_never_wrong(back, truth)
    assert _row(back, "applications", "new") == [9, 2, 0, 1, 0, 0, 12]
    assert _row(back, "applications", "carried_over") == [3, 1, 0, 0, 0, 0, 4]


def _denied_report() -> gr.Report:
    """A 2021 report with values in two neighbouring 不予公开 sub-rows that the column rules
    alone cannot tell apart (both in the 自然人 or 商业企业 columns)."""
    return _report(
        granted=[3, 1, 0, 0, 1, 0, 5],
        **{
            "denied.prohibited_by_law": [2, 0, 0, 0, 0, 0, 2],
            "denied.security_stability": [0, 1, 0, 0, 0, 0, 1],
        },
        carried_forward=[1, 0, 0, 0, 0, 0, 1],
    )


def test_rows_whose_broken_labels_name_no_row_are_read_by_their_neighbours() -> None:
    # A label column three characters wide: 本年新收's label is printed with the header, its
    # values alone; （一）予以公开's last piece 开 reads as the group 不予公开, and
    # 2.其他法律行政法规禁止公开's 公开 as no row. Each row of values is the one template
    # row its named neighbours leave it, the first before the first row named.
    truth = _denied_report()
    text = render(truth, RawLines(wrap=3))
    assert "予以公\n开\n3 1 0 0 1 0 5\n" in text
    assert "规禁止\n公开\n2 0 0 0 0 0 2\n3.危\n及“三\n安全一\n稳定”\n0 1 0 0 0 0 1" in text
    back = gr.parse(text)
    _assert_never_wrong(back, truth)
    assert _row(back, "applications", "new") == [6, 2, 0, 0, 1, 0, 9]
    assert _row(back, "applications", "granted") == [3, 1, 0, 0, 1, 0, 5]
    assert _row(back, "applications", "denied.prohibited_by_law") == [2, 0, 0, 0, 0, 0, 2]
    assert _row(back, "applications", "denied.security_stability") == [0, 1, 0, 0, 0, 0, 1]
    assert "row-by-order" in {d.code for d in back.diagnostics}


def test_rows_whose_values_come_among_their_label_pieces_are_read_by_order() -> None:
    # LibreOffice centres a cell's text vertically: each row's values come after the middle
    # piece of its label (``2.其`` / ``他法律`` / ``行政法`` / values / ``规禁止`` / ``公开``),
    # the rest before the next row's label.
    truth = _denied_report()
    text = render(truth, RawLines(wrap=3, centred=True))
    assert "2.其\n他法律\n行政法\n2 0 0 0 0 0 2\n规禁止\n公开\n3.危\n及“三\n0 1 0 0 0 0 1" in text
    back = gr.parse(text)
    _assert_never_wrong(back, truth)
    for row in ("new", "granted", "denied.prohibited_by_law", "denied.security_stability",
                "total", "carried_forward"):  # fmt: skip
        assert _row(back, "applications", row) == [
            truth.flat()[f"applications.{row}.{column}"] for column in COLUMNS
        ]


def test_a_row_of_values_left_by_its_neighbours_is_not_read_where_the_rules_refuse_it() -> None:
    # The same text with 其他法律行政法规禁止公开's 总计 printed 3 for parts of 2: the rows
    # its neighbours leave would break the section's rules, so no row of values without a
    # label of its own is read by order. Since stop 92 the table shows that it prints each
    # label whole and then its values (every tall label's values right after its last
    # piece, none on its lines: ``spelt_down._row_ends``), so each row has its label: the
    # row is read as printed, and the report's own error is said, not fixed.
    truth = _denied_report()
    text = render(truth, RawLines(wrap=3)).replace("公开\n2 0 0 0 0 0 2", "公开\n2 0 0 0 0 0 3")
    back = gr.parse(text)
    assert "row-by-order" not in {d.code for d in back.diagnostics}
    assert _row(back, "applications", "denied.prohibited_by_law") == [2, 0, 0, 0, 0, 0, 3]
    assert any(
        d.code == "rule-violation" and "applications.denied.prohibited_by_law.total" in d.keys
        for d in back.diagnostics
    )
    assert back.flat()["applications.granted.natural_person"] == 3


@scaled(0.5)
@given(reports(missing=False), st.integers(3, 8), st.booleans())
def test_rows_among_the_pieces_of_their_broken_labels_are_never_read_wrong(
    truth: gr.Report, wrap: int, centred: bool
) -> None:
    """Any report as ``pdftotext -raw`` prints a ruled table whose label column is ``wrap``
    characters wide, each row's values after its label's last piece or its middle one
    (``RawLines``): whatever is read is right."""
    back = gr.parse(render(truth, RawLines(wrap=wrap, centred=centred)))
    assert wrong(back, truth.flat()) == {}


def test_values_before_a_broken_label_are_not_given_to_it() -> None:
    # The same text with the table's header and first label lost: its first values have no
    # label, and the label after them is the head of the next row's (its end is on that
    # row's values), not a label printed below them.
    truth = _carried_over_report()
    text = render(truth, RAW)
    heading = labels.SECTION_TITLES[3] + "\n"
    text = heading.join((text.split(heading)[0], text[text.index("9 2 0 1 0 0 12") :]))
    back = gr.parse(text)
    _assert_never_wrong(back, truth)
    assert _row(back, "applications", "carried_over") == [3, 1, 0, 0, 0, 0, 4]


def _wrapped_rest(truth: gr.Report, block: str, wrapped: str) -> gr.Report:
    """``truth`` printed one cell a line (plain ``pdftotext``), the row of ``block`` printed
    ``wrapped`` instead, as plain ``pdftotext`` prints a browser's narrow cells: the label
    wrapped, the values beside its first line, the last digits of the widest after its rest."""
    text = render(truth, PDFTOTEXT)
    assert block in text
    return gr.parse(text.replace(block, wrapped))


def test_a_numbers_rest_after_its_rows_wrapped_label_is_joined() -> None:
    """``… 52 106`` / ``信息公开申请数量`` / ``6``: the 6 is 1066's, not a value of no row
    (106 read, the row's sum broken); only 1066 makes the row add up."""
    truth = _report(granted=[877, 64, 7, 14, 52, 52, 1066])
    back = _wrapped_rest(
        truth,
        "一、本年新收政府信息公开申请数量\n877\n64\n7\n14\n52\n52\n1066\n",
        "一、本年新收政府 877 64 7 14 52 52 106\n信息公开申请数量\n6\n",
    )
    assert _row(back, "applications", "new") == [877, 64, 7, 14, 52, 52, 1066]
    forward = "四、结转下年度继续办理\n100\n3\n0\n0\n0\n2\n105\n"
    truth = _report(granted=[20, 1, 0, 0, 0, 0, 21], carried_forward=[100, 3, 0, 0, 0, 2, 105])
    back = _wrapped_rest(truth, forward, "四、结转下年度 100 3 0 0 0 2 10\n继续办理\n5\n")
    assert _row(back, "applications", "carried_forward") == [100, 3, 0, 0, 0, 2, 105]
    assert _row(back, "applications", "new") == [120, 4, 0, 0, 0, 2, 126]


def test_a_rest_that_no_join_makes_add_up_leaves_the_row_missing() -> None:
    """The same row whose rest joins into no total the row adds up to (``106`` / ``5``):
    eight values for seven cells, none placed, never 106."""
    truth = _report(granted=[877, 64, 7, 14, 52, 52, 1066])
    back = _wrapped_rest(
        truth,
        "一、本年新收政府信息公开申请数量\n877\n64\n7\n14\n52\n52\n1066\n",
        "一、本年新收政府 877 64 7 14 52 52 106\n信息公开申请数量\n5\n",
    )
    assert _row(back, "applications", "new") == [None] * 7
    extra = [d for d in back.diagnostics if d.code == "extra-values"]
    assert [d.keys[-1] for d in extra] == ["applications.new.total"]


def test_a_rows_values_one_a_line_after_its_labels_rest_are_no_rests() -> None:
    """``四、结转下年度 100 3`` / ``继续办理`` / then the row's other five values one a line:
    cells of their own, read in order, not the rests of wrapped numbers."""
    forward = "四、结转下年度继续办理\n100\n3\n0\n0\n0\n2\n105\n"
    truth = _report(granted=[20, 1, 0, 0, 0, 0, 21], carried_forward=[100, 3, 0, 0, 0, 2, 105])
    back = _wrapped_rest(truth, forward, "四、结转下年度 100 3\n继续办理\n0\n0\n0\n2\n105\n")
    assert _row(back, "applications", "carried_forward") == [100, 3, 0, 0, 0, 2, 105]
    assert _row(back, "applications", "granted") == [20, 1, 0, 0, 0, 0, 21]


def _rests_wrapped(text: str, data: st.DataObject) -> str:
    """``text`` (one cell a line) with some rows of seven values, their label six characters
    or more, printed as plain ``pdftotext`` prints a browser's narrow cells: the label cut
    in two, the values on its first line, the last digits of one of its widest numbers on a
    line of their own after the label's rest (``一、本年新收政府 877 … 106`` /
    ``信息公开申请数量`` / ``6``)."""
    lines = text.split("\n")
    out: list[str] = []
    at = 0
    while at < len(lines):
        label, values = lines[at], lines[at + 1 : at + 8]
        if (
            len(label) >= 6
            and not label.isdigit()
            and len(values) == 7
            and all(value.isdigit() for value in values)
            and (at + 8 == len(lines) or not lines[at + 8].isdigit())
            and max(map(len, values)) >= 2
            and data.draw(st.booleans(), label=f"wrap {label}")
        ):
            cut = data.draw(st.integers(2, len(label) - 2), label="label cut")
            widest = max(range(7), key=lambda k: (len(values[k]), k))
            digits = data.draw(st.integers(1, len(values[widest]) - 1), label="digits kept")
            first = [*values[:widest], values[widest][:digits], *values[widest + 1 :]]
            out += [" ".join([label[:cut], *first]), label[cut:], values[widest][digits:]]
            at += 8
        else:
            out.append(label)
            at += 1
    return "\n".join(out)


@given(reports(missing=False), st.data())
def test_numbers_wrapped_after_their_rows_labels_are_right_or_missing(
    truth: gr.Report, data: st.DataObject
) -> None:
    """Any report as plain ``pdftotext`` prints a browser's narrow cells, some rows' widest
    numbers wrapped after their labels' rest (``_rests_wrapped``): no cell wrong, none
    claimed blank where a number is printed."""
    back = gr.parse(_rests_wrapped(render(truth, PDFTOTEXT), data))
    flat = truth.flat()
    assert wrong(back, flat) == {}
    assert not [k for k, v in flat.items() if v not in (None, 0) and back.cell(k).blank]


def test_the_last_two_rows_printed_column_by_column_are_never_one_wrapped_number() -> None:
    # The thorough profile's example of the property above, as the text it wrote: every
    # column of the last two rows a block, ``100`` over ``0``, a blank line between. Read
    # 1000 and 6000 for 结转下年度继续办理 before 总计's label alone was seen (stop 103).
    back = gr.parse((HERE / "fixtures" / "column-blocks-after-a-label-alone.txt").read_bytes())
    columns = [*labels.APPLICANT_COLUMNS]
    assert [back.cell(f"applications.carried_forward.{c}").value for c in columns] == [0] * 7
    assert [back.cell(f"applications.total.{c}").value for c in columns] == [100] * 6 + [600]


@pytest.mark.parametrize(
    "forward",
    [[0, 0, 0, 0, 0, 0, 0], [3, 0, 5, 0, 0, 1, 9], [0, 12, 0, 0, 4, 0, 16]],
)
def test_a_row_after_a_label_alone_is_not_joined_to_its_values(forward: list[int]) -> None:
    # 总计 and 结转下年度继续办理 printed column by column: both labels, then each column's
    # block, 总计's count over the carried-forward count (``350`` / ``3``, ``402`` / ``0``).
    # Every count of 总计 joined to the one under it makes a row that adds up (3503, 4020,
    # …), but the carried-forward row's values follow a label printed alone, so its
    # fourteen are the two rows' and never counts their narrow cells wrapped.
    truth = _report(granted=[350, 402, 120, 101, 300, 200, 1473], carried_forward=forward)
    text = _by_columns(render(truth, PDFTOTEXT), _ROWS[-2:])
    assert "\n350\n" + str(forward[0]) + "\n\n402\n" in text
    back = gr.parse(text)
    assert wrong(back, truth.flat()) == {}
    for row in ("total", "carried_forward"):
        assert _row(back, "applications", row) == _row(truth, "applications", row)
