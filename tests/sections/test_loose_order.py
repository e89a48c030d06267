"""Section 二's loose rows (``Row.loose``: values gathered line by line from the lines a
tall row wraps over, ``pdftotext -layout`` of a narrow page): their reading order is the
columns' only where no value stands left of one on an earlier line, or under it. Word's
PDF centres a cell on a line of its own (``行政  189  259`` / ``0`` / ``处罚  项  件``:
189, 0 and 259), and no rule of section 二 checks a row, so such a row is not placed; one
whose values go on rightwards is read as printed."""

from __future__ import annotations

import pytest

from govinfo_report.catalogue import TEMPLATES
from govinfo_report.structure.layouts import Row
from govinfo_report.tables.sections import proactive

#: A three-column row of each template: its label and its cells' keys.
ROWS = {
    "2019": ("行政处罚", "proactive.penalties"),
    "2021": ("行政规范性文件", "proactive.normative_documents"),
}


def _read(
    template: str, values: tuple[tuple[str, int, int], ...]
) -> tuple[dict[str, str], set[str]]:
    """Section 二 of ``template`` read from its one loose row: the cells given (key -> text)
    and the codes of what it found."""
    label, _ = ROWS[template]
    found = proactive.read([Row(((label, 10, 1),), values, 10, loose=True)], TEMPLATES[template])
    fields = TEMPLATES[template].fields
    given = {
        fields[cell].key: text
        for cells, printed, _ in found.given
        for cell, (text, _, _) in zip(cells, printed, strict=True)
    }
    return given, {finding.code for finding in found.findings}


@pytest.mark.parametrize("template", sorted(ROWS))
def test_a_value_on_a_later_line_left_of_one_above_leaves_the_row_unplaced(template: str) -> None:
    given, codes = _read(template, (("189", 10, 22), ("259", 10, 64), ("0", 11, 38)))
    assert given == {}
    assert "values-unplaced" in codes


#: The row's three columns, in order, of each template (the catalogue's keys).
COLUMNS = {
    "2019": ("previous_items", "change", "decisions"),
    "2021": ("issued", "repealed", "in_force"),
}


@pytest.mark.parametrize("template", sorted(ROWS))
def test_a_value_alone_on_a_line_before_the_rows_line_leaves_the_row_unplaced(
    template: str,
) -> None:
    # plain pdftotext: every line starts at column 0, and a row's cells share one line
    # (``7 12件``); ``5件`` alone above them may be the row before's cell, printed after
    # this row's label
    given, codes = _read(template, (("5件", 11, 0), ("7", 12, 0), ("12件", 12, 2)))
    assert given == {}
    assert "values-unplaced" in codes


@pytest.mark.parametrize("template", sorted(ROWS))
def test_values_going_on_rightwards_over_lines_are_read_as_printed(template: str) -> None:
    _, prefix = ROWS[template]
    given, codes = _read(template, (("189", 10, 22), ("0", 11, 38), ("259", 11, 64)))
    columns = COLUMNS[template]
    assert given == {
        f"{prefix}.{columns[0]}": "189",
        f"{prefix}.{columns[1]}": "0",
        f"{prefix}.{columns[2]}": "259",
    }
    assert "values-unplaced" not in codes
