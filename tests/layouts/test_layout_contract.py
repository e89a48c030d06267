"""The layout contract (``structure/layouts/base.Layout``), held over every registered layout, so
that a new layout (built in, or a plug-in) is checked by adding it to the registry alone:

- ``sniff`` gives a confidence in [0, 1], the same each time (it builds nothing that
  changes a later answer);
- every printed cell ``rows`` yields lies inside the region, at a column of its line, and a
  value's text starts there;
- what ``write`` lays out, ``table_line`` finds and ``rows`` reads back, value for value, for
  both templates' tables.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.cells import is_value
from govinfo_report.structure import layouts
from govinfo_report.structure.layouts import NO_LINE, Printed
from govinfo_report.write import render

from conftest import SEEDS, WRITTEN, scaled
from strategies import reports

REGISTERED = layouts.available()
WRITERS = render.renderable()
TABLES = {2: render.proactive, 3: render.applications}
WIDTHS = {2: 3, 3: 7, 4: 15}


def _tables(report: gr.Report) -> dict[int, list[list[str]]]:
    """The three tables of ``report`` as rows of cell texts, as ``render`` lays them out."""
    flat = report.flat()
    return {
        2: render.proactive(report.template, flat),
        3: render.applications(report.template, flat),
        4: render.appeals(flat),
    }


def _regions() -> list[tuple[list[str], int]]:
    """Table regions as tools print them: each writer's tables of the seeds and written
    reports, the same tables with their cells run together (web-archive text), and the
    seeds' own text."""
    found: list[tuple[list[str], int]] = []
    for path in [*SEEDS, *sorted(WRITTEN.glob("20*.txt"))[:4]]:
        report = gr.parse(path)
        for number, table in _tables(report).items():
            found.append((["".join(row) for row in table], WIDTHS[number]))
            for name in WRITERS:
                found.append((layouts.get(name).write(table), WIDTHS[number]))
        lines = path.read_text(encoding="utf-8").splitlines()
        found.append((lines[: layouts.SNIFF_LINES], 7))
    return found


REGIONS = _regions()


@pytest.mark.parametrize("name", REGISTERED)
def test_sniff_is_a_confidence_and_pure(name: str) -> None:
    layout = layouts.get(name)
    for lines, width in REGIONS:
        first = layout.sniff(lines, width)
        assert isinstance(first, float) and 0.0 <= first <= 1.0
        assert layout.sniff(lines, width) == first


@pytest.mark.parametrize("name", REGISTERED)
@given(st.lists(st.text(st.sampled_from("\t |│-—0123456789规章行政许可总计 　\n"), max_size=30)))
def test_sniff_is_a_confidence_on_any_lines(name: str, lines: list[str]) -> None:
    confidence = layouts.get(name).sniff(lines, 7)
    assert isinstance(confidence, float) and 0.0 <= confidence <= 1.0


def _inside(cell: Printed, lines: Sequence[str], first: int, *, value: bool) -> None:
    """A cell lies on a line of the region; one with text starts at a column of its line (a
    blank cell's column is where it would be printed: space-aligned text ends a line at
    its last printed cell)."""
    text, line, column = cell
    assert first <= line < first + len(lines), f"{cell} lies outside the region"
    printed = lines[line - first]
    assert column >= 1 and (not text or column <= len(printed)), f"{cell} is not on {printed!r}"
    if value and text:
        assert printed[column - 1 :].startswith(text[0]), f"{cell} does not start at its column"


@pytest.mark.parametrize("name", REGISTERED)
def test_every_printed_cell_lies_inside_its_line(name: str) -> None:
    """On the regions the layout recognises (a layout run on another's text reads nothing
    that is used)."""
    layout = layouts.get(name)
    for lines, width in REGIONS:
        if layout.sniff(lines, width) < layouts.MIN_CONFIDENCE:
            continue
        for row in layout.rows(lines, 11):
            for cell in row.labels:
                _inside(cell, lines, 11, value=False)
            for cell in (*row.values, *row.runs.cells, *row.positions.cells):
                _inside(cell, lines, 11, value=is_value(cell[0]))


@pytest.mark.parametrize("name", WRITERS)
@scaled(0.4)
@given(report=reports())
def test_what_a_layout_writes_it_finds_and_reads_back(name: str, report: gr.Report) -> None:
    layout = layouts.get(name)
    for number, table in _tables(report).items():
        lines = layout.write(table)
        if layout.table_line != NO_LINE:
            pattern = layouts.table_line_pattern()
            valued = [line for line in lines if any(is_value(part) for part in line.split())]
            assert all(pattern.search(line) for line in valued), (name, number)
        printed = [cell for row in table for cell in row if cell and is_value(cell)]
        read = [
            text
            for row in layout.rows(lines, 1)
            for text, _, _ in (row.positions.cells or row.values)
            if is_value(text)
        ]
        assert read == printed, (name, number, lines)
