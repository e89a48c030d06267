"""A report as pypdfium2 prints a browser's PDF of its page (``manglers.pdfplumber_plain``,
then ``manglers.labels_above``): a line's words joined by one space, each row's label
wrapped over lines of its own in its narrow cell, its values on the line after them. A
table begins at its first line of values, so the first row's label lines stood in the
section's prose and its values named no row (tool bed 6565, pypdfium2: 本年新收 missing
on every page); they are the table's now, and no cell is wrong."""

from __future__ import annotations

from random import Random

from hypothesis import given, note
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.write.render import render

from conftest import scaled, wrong
from manglers import labels_above, pdfplumber_plain
from strategies import reports


@scaled(1)
@given(report=reports(), rng=st.randoms(use_true_random=False))
def test_a_first_rows_label_above_its_values_names_them(report: gr.Report, rng: Random) -> None:
    text = labels_above(pdfplumber_plain(render(report, "space-aligned"), report, rng), rng)
    note(text)
    back = gr.parse(text)
    assert wrong(back, report.flat()) == {}
    new = [key for key in report.flat() if key.startswith("applications.new.")]
    assert [back.cell(key).value for key in new] == [report.cell(key).value for key in new]
