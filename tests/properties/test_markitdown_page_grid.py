"""Every table as markitdown's PDF converter prints a page's words (``MarkitdownPageGrid``:
one padded grid of columns for the page, two values in one cell, a value in its neighbour's
column, blank places that are padding; or each row a small grid of its own, its words two a
cell, a label and a number in one; or each row's values a small grid between its label's
pieces): no cell comes back a wrong number, and none blank where a number is printed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.write.render import render

from conftest import printed, scaled, wrong
from manglers import MarkitdownPageGrid
from strategies import reports


@scaled(1)
@given(
    report=reports(),
    blanks=st.booleans(),
    merged=st.booleans(),
    shifted=st.booleans(),
    cut=st.booleans(),
    apart=st.booleans(),
)
def test_a_page_grid_of_pipes_makes_no_wrong_number_nor_false_blank(
    report: gr.Report, blanks: bool, merged: bool, shifted: bool, cut: bool, apart: bool
) -> None:
    _read_right(report, MarkitdownPageGrid(merged, shifted, cut, apart), blanks)


@scaled(1)
@given(report=reports(), merged=st.booleans())
def test_rows_of_values_apart_from_their_labels_are_read(report: gr.Report, merged: bool) -> None:
    """Each row's values a small grid between its label's pieces, no zero left blank: every
    row of section 三 prints all its values, so the rules read most of it: four in five
    cells at least (a row whose two values share a cell, ``merged``, may leave its pair's
    order open, and a cell printed \"not given\" (``—``) the row's)."""
    back = gr.parse(render(report, MarkitdownPageGrid(merged, False, apart=True)))
    truth = printed(report)
    assert wrong(back, truth) == {}
    keys = [key for key in truth if key.startswith("applications.")]
    read = [key for key in keys if back.cell(key).provenance != "missing"]
    assert len(read) >= 0.8 * len(keys)


@scaled(2)
@given(report=reports(), merged=st.booleans())
def test_small_page_grids_with_zeros_blank_make_no_wrong_number_nor_false_blank(
    report: gr.Report, merged: bool
) -> None:
    """Each row a small grid of its own, its words two a cell (``| 行政强制 10 | 1 |``), every
    zero left blank: a row's places are lost, so a row short of a value is placed nowhere."""
    _read_right(report, MarkitdownPageGrid(merged, False, cut=True), True)


def _read_right(report: gr.Report, writer: MarkitdownPageGrid, blanks: bool) -> None:
    """``report`` written by ``writer`` (``blanks``: every zero blank, an amount of 0.0000
    too) reads no wrong number, and no blank where a number is printed."""
    back = gr.parse(render(report, writer, blank_zeros=blanks))
    truth = {
        key: None if blanks and value == 0 else value for key, value in printed(report).items()
    }
    assert wrong(back, truth) == {}
    shown = [key for key, value in truth.items() if value is not None]
    assert [key for key in shown if back.cell(key).provenance == "blank"] == []
