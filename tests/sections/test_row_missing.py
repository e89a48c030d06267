"""``row-missing`` says "rows not found" only of a row whose label the table does not print
(issue 45): a row whose label is printed but names no row to the reader is said apart, at
the label that may hold it: glued to other words in one label (a heading piece before it, a
misspelt header line that runs into the first row's label: one of header words alone is cut
apart and read, ``header_glued``), or cut over label lines that each name
no row (a narrow PDF column, its characters spaced). The cells named and the cells read are
the same either way."""

from __future__ import annotations

import re

import pytest

import govinfo_report as gr
from govinfo_report import labels

TEMPLATES = ("2019", "2021")
APPLICANTS = tuple(labels.APPLICANT_COLUMNS)

#: Section 三's rows that print values (the others 0); every rule holds: 12 new + 2 carried
#: over = 10 answered (6 + 3 + 1) + 4 carried forward, in each column.
APPLICATIONS = {
    "new": (9, 3, 0, 0, 0, 0, 12),
    "carried_over": (2, 0, 0, 0, 0, 0, 2),
    "granted": (5, 1, 0, 0, 0, 0, 6),
    "partially_granted": (2, 1, 0, 0, 0, 0, 3),
    "not_processed.repeated": (1, 0, 0, 0, 0, 0, 1),
    "total": (8, 2, 0, 0, 0, 0, 10),
    "carried_forward": (3, 1, 0, 0, 0, 0, 4),
}
#: Section 二's counts that are not 0, per template.
PROACTIVE = {
    "2019": {
        "proactive.rules.made": 1,
        "proactive.rules.total_published": 5,
        "proactive.licensing.previous_items": 20,
        "proactive.licensing.change": 17,
        "proactive.licensing.decisions": 37,
    },
    "2021": {
        "proactive.rules.issued": 1,
        "proactive.rules.in_force": 5,
        "proactive.licensing.decisions": 37,
    },
}


def _report(template: str) -> gr.Report:
    values: dict[str, object] = {field.key: 0 for field in gr.fields(template)}
    values |= PROACTIVE[template]
    for row, numbers in APPLICATIONS.items():
        values |= {
            f"applications.{row}.{column}": n for column, n in zip(APPLICANTS, numbers, strict=True)
        }
    return gr.Report.from_values(
        values, template=template, organisation="某某县人民政府", year=2024
    )


def _row_keys(report: gr.Report, prefix: str) -> set[str]:
    return {key for key in report.flat() if key.startswith(prefix)}


def _missing(report: gr.Report) -> list[gr.Diagnostic]:
    return [d for d in report.diagnostics if d.code == "row-missing"]


def _position(text: str, piece: str) -> tuple[int, int]:
    """The line and column (from 1) where ``piece`` starts in ``text``."""
    before = text[: text.index(piece)]
    return before.count("\n") + 1, len(before) - before.rfind("\n")


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_row_of_section_three_glued_after_a_heading_piece_is_not_said_not_found(
    template: str,
) -> None:
    """部分公开's label cell starts with a heading's words (``政府信息公开申请情况``, a piece
    of the header a converter joined to it): the reader takes it for no row, and its values
    are placed by no rule; the finding says its label may be printed there, not that the row
    was not found."""
    label = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    glued = "政府信息公开申请情况（二）部分公开"
    text = gr.render(_report(template), "tab-separated").replace(label, glued, 1)
    report = gr.parse(text)
    [found] = _missing(report)
    assert (found.line, found.column) == _position(text, glued)
    assert set(found.keys) == _row_keys(report, "applications.partially_granted.")
    assert "not found" not in found.message
    assert found.message.startswith("section 三: 部分公开: no values read; its label may be")
    assert "政府信息公开申请情况(二)部分公开" in found.message
    assert report.cell("applications.granted.total").value == 6  # the rows around read


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_row_of_section_three_cut_over_spaced_lines_is_not_said_not_found(
    template: str,
) -> None:
    """重复申请's label cut over two lines, its characters spaced, numbering too (a narrow
    PDF column), in a cell a line: no piece names a row, and the row's values are not read;
    the finding names the pieces, at the first of the label's words."""
    text = gr.render(_report(template), "cell-per-line")
    spaced = text.replace("2.重复申请\n", "2 . 重 复\n申 请\n", 1)
    assert spaced != text
    report = gr.parse(spaced)
    said = [d for d in _missing(report) if set(d.keys) & _row_keys(report, "applications.not_")]
    [found] = said
    assert set(found.keys) == _row_keys(report, "applications.not_processed.repeated.")
    assert (found.line, found.column) == _position(spaced, "重 复\n")
    assert found.message == (
        "section 三: 重复申请: no values read; its label may be printed cut over "
        "'重' / '复' / '申' / '请', labels that name no row"
    )
    assert not any("not found" in d.message for d in _missing(report))


@pytest.mark.parametrize("joiner", [" ", ""], ids=["space", "none"])
@pytest.mark.parametrize("template", TEMPLATES)
def test_a_row_of_section_two_glued_to_its_header_line_is_read(template: str, joiner: str) -> None:
    """The first sub-table's header line and 规章's label run together (a converter that
    joins a row's cells with a space, or with nothing, as BeautifulSoup's ``get_text()``
    does, lost the line break): 规章 after the header's words is that row, read with its
    values; nothing is said missing."""
    text = gr.render(_report(template), "tab-separated")
    glued = re.sub(r"(数量|件数)\n规章\t", rf"\1{joiner}规章\t", text, count=1)
    assert glued != text
    report = gr.parse(glued)
    assert not _missing(report)
    rules = (
        ("made", "published", "total_published")
        if template == "2019"
        else ("issued", "repealed", "in_force")
    )
    assert [report.cell(f"proactive.rules.{column}").value for column in rules] == [1, 0, 5]
    assert report.cell("proactive.licensing.decisions").value == 37


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_row_of_section_two_glued_to_a_misspelt_header_is_not_said_not_found(
    template: str,
) -> None:
    """As above, a space between, the header's last word misspelt (its last character
    lost): what comes before 规章 is not all header words, so the label is not cut; the
    line's labels name no row and its values are ignored (``unknown-label``); 规章 is said
    to be printed within the header's last cell, a word of its own there, not "not
    found"."""
    joiner = " "
    text = gr.render(_report(template), "tab-separated")
    glued = re.sub(r"(数|件)(?:量|数)\n规章\t", rf"\1{joiner}规章\t", text, count=1)
    assert glued != text
    report = gr.parse(glued)
    assert "unknown-label" in {d.code for d in report.diagnostics}
    [found] = _missing(report)
    header = ("对外公开总数" if template == "2019" else "现行有效件") + joiner + "规章"
    assert (found.line, found.column) == _position(glued, header)
    assert set(found.keys) == _row_keys(report, "proactive.rules.")
    assert found.message == (
        f"section 二: 规章: no values read; its label may be printed within {header!r}, "
        "a label that names no row"
    )
    assert report.cell("proactive.licensing.decisions").value == 37


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_row_of_section_two_cut_over_spaced_lines_is_not_said_not_found(
    template: str,
) -> None:
    """行政许可 printed ``行 政`` / ``许 可`` in a cell a line: no piece names a row, the values
    after them are ignored; the finding says the label may be cut over those pieces, and
    the other rows are read."""
    text = gr.render(_report(template), "cell-per-line")
    spaced = text.replace("\n行政许可\n", "\n行 政\n许 可\n", 1)
    assert spaced != text
    report = gr.parse(spaced)
    [found] = _missing(report)
    assert (found.line, found.column) == _position(spaced, "行 政\n")
    assert set(found.keys) == _row_keys(report, "proactive.licensing.")
    assert found.message == (
        "section 二: 行政许可: no values read; its label may be printed cut over "
        "'行' / '政' / '许' / '可', labels that name no row"
    )
    assert (
        report.cell(
            "proactive.rules.total_published" if template == "2019" else "proactive.rules.in_force"
        ).value
        == 5
    )


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_row_left_out_is_still_not_found_beside_a_label_that_names_no_row(
    template: str,
) -> None:
    """A row left out of the table is "not found", though a label naming no row stands in
    the section (a local row, ``行政审批``): its words are not the row's."""
    text = gr.render(_report(template), "tab-separated")
    lost = re.sub(r"\n行政强制\t[^\n]*", "\n行政审批事项说明\t1", text, count=1)
    assert lost != text
    report = gr.parse(lost)
    [found] = _missing(report)
    assert found.message == "section 二: rows not found: 行政强制"
    assert set(found.keys) == _row_keys(report, "proactive.coercive_measures.")


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_row_of_section_two_beside_a_label_that_names_no_row_is_printed_not_lost(
    template: str,
) -> None:
    """行政处罚 printed with a note in a label cell of its own (``说明``): the row's labels
    name something unknown, its values are ignored (``unknown-label``), but its label is
    printed: ``row-missing`` says so, and names its cells."""
    text = gr.render(_report(template), "tab-separated")
    noted = text.replace("\n行政处罚\t", "\n行政处罚\t说明\t", 1)
    assert noted != text
    report = gr.parse(noted)
    assert [d.message for d in report.diagnostics if d.code == "unknown-label"] == [
        "section 二: row '行政处罚 / 说明' matches no template row; values ignored"
    ]
    [found] = _missing(report)
    assert found.message == (
        "section 二: rows whose label is printed, their values not found: 行政处罚"
    )
    assert set(found.keys) == _row_keys(report, "proactive.penalties.")


#: Section 二's rows after 行政许可, the last that prints a value, per template.
AFTER_LICENSING = {
    "2019": ("other_services", "penalties", "coercive_measures", "fees", "procurement"),
    "2021": ("penalties", "coercive_measures", "fees"),
}


@pytest.mark.parametrize("template", TEMPLATES)
def test_rows_whose_labels_stand_on_lines_outside_the_table_read_are_not_said_not_found(
    template: str,
) -> None:
    """Zeros left blank in a cell a line: section 二's rows after 行政许可 print no value,
    and their lines fall outside the table the reader is given (the section's outline
    takes them for prose). Their cells are not read, but their labels are printed: each
    is said apart at its label's line, none "not found"."""
    values = _report(template).flat() | {
        key: 0 for key in PROACTIVE[template] if key.startswith("proactive.rules.")
    }
    report = gr.Report.from_values(
        values, template=template, organisation="某某县人民政府", year=2024
    )
    text = gr.render(report, "cell-per-line", blank_zeros=True)
    back = gr.parse(text)
    lines = text.split("\n")
    found = {
        next(row for row in AFTER_LICENSING[template] if f"proactive.{row}." in d.keys[0]): d
        for d in _missing(back)
    }
    assert set(found) == set(AFTER_LICENSING[template])
    for row, finding in found.items():
        label = labels.PROACTIVE_ROWS[template][row][0]
        assert lines[finding.line - 1] == label
        assert finding.message == (
            f"section 二: {label}: no values read; its label may be printed apart from the "
            f"table read: {label!r}"
        )
        assert set(finding.keys) == _row_keys(back, f"proactive.{row}.")


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_row_cut_over_lines_outside_the_table_read_is_not_said_not_found(
    template: str,
) -> None:
    """The same text, 行政处罚's label cut over two lines (``行政`` / ``处罚``, a narrow
    column): neither line names a row; the row is said to be printed cut over them, at
    the first."""
    values = _report(template).flat() | {
        key: 0 for key in PROACTIVE[template] if key.startswith("proactive.rules.")
    }
    report = gr.Report.from_values(
        values, template=template, organisation="某某县人民政府", year=2024
    )
    text = gr.render(report, "cell-per-line", blank_zeros=True)
    cut = text.replace("\n行政处罚\n", "\n行政\n处罚\n", 1)
    assert cut != text
    back = gr.parse(cut)
    [found] = [d for d in _missing(back) if "proactive.penalties.decisions" in d.keys]
    assert (found.line, found.column) == _position(cut, "行政\n处罚")
    assert found.message == (
        "section 二: 行政处罚: no values read; its label may be printed apart from the table "
        "read, cut over '行政' / '处罚', labels that name no row"
    )
    assert not any("not found" in d.message for d in _missing(back))


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_row_cut_beside_a_vertical_group_label_is_not_said_not_found(template: str) -> None:
    """Plain ``pdftotext`` of a narrow column beside the group label ``（四）无法提供``
    printed a piece a line: the two columns' pieces share lines (``(四 有现``, ``)无 成信``)
    and the row's values are printed elsewhere (here: left out). The row's label is read
    down the column beside the values, each line's last piece: no "not found"."""
    text = gr.render(_report(template), "cell-per-line")
    pieces = "2.没\n(四 有现\n)无 成信\n法提 息需\n供 要另\n行制\n作\n"
    cut = re.sub(r"2\.没有现成信息需要另行制作\n(\n0\n){7}", pieces, text, count=1)
    assert cut != text
    report = gr.parse(cut)
    [found] = _missing(report)
    assert (found.line, found.column) == _position(cut, pieces)
    assert set(found.keys) == _row_keys(report, "applications.unavailable.needs_creation.")
    assert found.message == (
        "section 三: 没有现成信息需要另行制作: no values read; its label may be printed cut "
        "over '2.没' / '有现' / '成信' / '息需' / '要另' / '行制' / '作', labels that name no row"
    )


@pytest.mark.parametrize("template", TEMPLATES)
def test_rows_not_found_are_said_where_the_table_starts(template: str) -> None:
    """A row the table does not print at all (its line dropped) is said "not found" of the
    table, at its first line (the header's first cell), where a reviewer starts looking."""
    text = gr.render(_report(template), "tab-separated")
    dropped = next(line for line in text.split("\n") if "2.其他法律行政法规禁止公开" in line)
    report = gr.parse(text.replace(dropped + "\n", "", 1))
    [found] = [d for d in _missing(report) if "rows not found" in d.message]
    assert found.message == "section 三: rows not found: 其他法律行政法规禁止公开"
    assert (found.line, found.column) == _position(text, "（本列数据的勾稽关系为")
    assert set(found.keys) == _row_keys(report, "applications.denied.prohibited_by_law.")
