"""Every table as markitdown's PDF converter prints a page's words (``MarkitdownPageGrid``:
one padded grid of columns for the page, two values in one cell, a value in its neighbour's
column, blank places that are padding): no cell comes back a wrong number, and none blank
where a number is printed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.write.render import render

from conftest import printed, scaled, wrong
from manglers import MarkitdownPageGrid
from strategies import reports


@scaled(1)
@given(report=reports(), blanks=st.booleans(), merged=st.booleans(), shifted=st.booleans())
def test_a_page_grid_of_pipes_makes_no_wrong_number_nor_false_blank(
    report: gr.Report, blanks: bool, merged: bool, shifted: bool
) -> None:
    text = render(report, MarkitdownPageGrid(merged, shifted), blank_zeros=blanks)
    back = gr.parse(text)
    # ``blank_zeros`` leaves every zero blank, an amount of 0.0000 too.
    truth = {
        key: None if blanks and value == 0 else value for key, value in printed(report).items()
    }
    assert wrong(back, truth) == {}
    shown = [key for key, value in truth.items() if value is not None]
    assert [key for key in shown if back.cell(key).provenance == "blank"] == []
