"""Every table as trafilatura 2 writes a page pasted from Word (``TrafilaturaPipes``: a
whole grid whose covered places are blank cells like any other, rows of no text left out,
a cell's later paragraphs after the table), of a body whose applicants are of a few kinds
(columns blank from top to bottom, zeros left blank). No cell comes back a wrong number
nor a false blank, and every cell of 三 in a row that prints a value is read: on Word's
grid one column wider, the places blank in every row are the covered one and the empty
columns, and the header names the column of every place but the covered one
(``merged.covered_column``); a report that leaves 自然人 blank in every row shows the
grid's width in its header alone (``merged.widened``). A row of 三 whose cells are all
blank may be left missing where no rule proves it 0, and so is 四's row of blanks, which
trafilatura leaves out."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.write.render import render

from conftest import printed, scaled, wrong
from manglers import TrafilaturaPipes
from strategies import few_applicants


def _read(report: gr.Report, blanks: bool, word_grid: bool, broken: bool, vertical: bool) -> None:
    tables = TrafilaturaPipes.of(report, blanks).tables
    writer = TrafilaturaPipes(tables, word_grid, broken, vertical)
    back = gr.parse(render(report, writer, blank_zeros=blanks))
    assert wrong(back, printed(report)) == {}
    values = report.flat()
    rows = {key.rpartition(".")[0] for key in report.applications.keys if values[key]}
    keys = [key for key in report.applications.keys if key.rpartition(".")[0] in rows]
    assert [key for key in keys if back.cell(key).provenance == "missing"] == []


@scaled(1)
@given(report=few_applicants(least=1), broken=st.booleans(), vertical=st.booleans())
def test_every_cell_of_a_sparse_word_grid_trafilatura_writes_is_read(
    report: gr.Report, broken: bool, vertical: bool
) -> None:
    _read(report, True, True, broken, vertical)


@scaled(0.5)
@given(
    report=few_applicants(),
    blanks=st.booleans(),
    word_grid=st.booleans(),
    broken=st.booleans(),
    vertical=st.booleans(),
)
def test_every_cell_of_trafilatura_tables_is_read(
    report: gr.Report, blanks: bool, word_grid: bool, broken: bool, vertical: bool
) -> None:
    _read(report, blanks, word_grid, broken, vertical)
