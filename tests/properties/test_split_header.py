"""Section 三 in python-docx's text of a Word table whose header rows split the grid each
their own way (``manglers.docx_split_header``): every row one cell wider than the section,
the cell over the grid column the header rows disagree on printed twice. Each cell is read
right, a zero left blank read blank (a small body's report too, whose rows of blank cells
beside one number add up with any grid column read once); where a row prints there a
number that copies neither neighbour, none of its cells comes back wrong."""

from __future__ import annotations

from random import Random

from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.write.render import render

from conftest import printed, scaled, wrong
from manglers import docx_split_header
from strategies import enriched_reports, few_applicants, reports


@scaled(0.5)
@given(
    report=st.one_of(reports(missing=False), enriched_reports(), few_applicants()),
    rng=st.randoms(),
)
def test_every_cell_under_a_header_split_its_own_way_is_read(
    report: gr.Report, rng: Random
) -> None:
    text = docx_split_header(render(report, "tab-separated"), rng, foreign=False)
    back = printed(gr.parse(text))
    cells = {key: value for key, value in report.flat().items() if key.startswith("applications.")}
    # A zero printed blank (a page's &nbsp;) is read blank; every other cell as printed.
    assert {
        key: (back[key], value)
        for key, value in cells.items()
        if back[key] != value and not (value == 0 and back[key] is None)
    } == {}


@scaled(0.5)
@given(report=enriched_reports(), rng=st.randoms())
def test_a_number_under_the_disputed_grid_column_copying_neither_is_never_wrong(
    report: gr.Report, rng: Random
) -> None:
    text = docx_split_header(render(report, "tab-separated"), rng, foreign=True)
    assert wrong(gr.parse(text), report.flat()) == {}
