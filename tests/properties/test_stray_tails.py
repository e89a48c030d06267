"""A wide number wrapped in its narrow cell, its rest displaced past its table the way plain
``pdftotext`` prints a browser's PDF (``manglers.stray_tail``: ``58001.17`` before section
三's heading, ``94`` after the heading, its note's first lines and the page's footer). The
rest has no leading zero to tell it from a count: a run of digits alone on its line that no
row takes. The head is never read as a whole, shorter number: the cells of its line are
read right or missing."""

from __future__ import annotations

from random import Random

from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.write.render import render

from conftest import scaled, wrong
from manglers import stray_tail
from strategies import enriched_reports

#: The layouts plain ``pdftotext`` and the tools like it print: a cell a line, rows of
#: words with their values after the label.
_LAYOUTS = ("cell-per-line", "row-per-cell", "space-aligned", "tab-separated")


@scaled(3)
@given(
    report=enriched_reports(),
    layout=st.sampled_from(_LAYOUTS),
    rng=st.randoms(use_true_random=False),
)
def test_a_number_whose_rest_strays_past_its_table_is_never_read_short(
    report: gr.Report, layout: str, rng: Random
) -> None:
    text = stray_tail(render(report, layout), rng)
    try:
        back = gr.parse(text)
    except gr.ParseError:
        return
    assert wrong(back, report.flat()) == {}
