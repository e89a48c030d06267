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
from manglers import pymupdf_cells
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
