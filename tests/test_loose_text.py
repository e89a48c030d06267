"""Tables whose text lost the order of their cells (issue 16, items 2, 4 and 7): rows of
loose text gathered from several lines, wrapped labels, a header among the values, a column
header taken for a row. Each case is built here from a report of known values; a cell is
its true value or missing, never another number."""

from __future__ import annotations

import govinfo_report as gr
from govinfo_report import labels
from govinfo_report.write.render import render

from manglers import TRACELESS

#: Text as pdftotext -layout prints narrow columns (cells two spaces apart, not aligned) and
#: as pdftotext prints a table one cell a line (an empty cell not at all).
SPACED, PDFTOTEXT = TRACELESS["spaced"], TRACELESS["pdftotext"]

COLUMNS = ["natural_person", "commercial_enterprise", "research_institution",
           "public_interest_organisation", "legal_service_agency", "other_organisation",
           "total"]  # fmt: skip


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
