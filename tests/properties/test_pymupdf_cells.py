"""A report's tables as PyMuPDF's ``get_text()`` prints a browser's PDF of its page
(``manglers.pymupdf_cells``): a cell a line, a blank cell a line of one no-break space, a
number of four digits or more wrapped after its first digits in its narrow cell. A row
whose blank cells and values are more than its cells holds a wrapped number: read by its
values alone it could fit its cells, a wrapped number's two pieces taken for two cells
(``481`` / ``7`` beside a blank 本年增/减: 481 and 7). No cell comes back wrong, and no
printed number is read as a blank cell."""

from __future__ import annotations

from random import Random

from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.write.render import render

from conftest import scaled, wrong
from manglers import pymupdf_cells, pymupdf_tall_rows
from strategies import reports, sparse_reports


@scaled(3)
@given(
    report=st.one_of(sparse_reports(), reports()),
    rng=st.randoms(use_true_random=False),
)
def test_a_pymupdf_table_s_cells_are_never_wrong_nor_a_number_blank(
    report: gr.Report, rng: Random
) -> None:
    text = pymupdf_cells(render(report, "tab-separated", blank_zeros=True), rng)
    back = gr.parse(text)
    truth = report.flat()
    assert wrong(back, truth) == {}
    assert [key for key, value in truth.items() if value and back.cell(key).blank] == []


@scaled(2)
@given(
    report=st.one_of(sparse_reports(), reports()),
    rng=st.randoms(use_true_random=False),
)
def test_section_two_s_tall_rows_with_units_are_never_wrong_nor_a_number_blank(
    report: gr.Report, rng: Random
) -> None:
    """Section 二 with its units, its rows tall, values wrapped in narrow cells and two of
    one line run together (``manglers.pymupdf_tall_rows``)."""
    text = pymupdf_tall_rows(render(report, "tab-separated", blank_zeros=True), rng)
    back = gr.parse(text)
    truth = report.flat()
    assert wrong(back, truth) == {}
    assert [key for key, value in truth.items() if value and back.cell(key).blank] == []
