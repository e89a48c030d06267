"""Text whose every line a tool pads with spaces to the page's width (pdfplumber's
``extract_text(layout=True)``: ``manglers.page_width``), an empty line too, reads as the
same text unpadded: the same values, blanks and diagnostics, in every layout, zeros printed
or blank. Padded, a heading is as long as a line of prose, an empty line a line of spaces
(a cell printed blank in text laid out a cell a line), and a heading's line text after its
heading (tool bed 7070: the report read as a web archive's one-line text, its rows' labels
printed alone claimed blank)."""

from __future__ import annotations

from random import Random

from hypothesis import given, note
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.write.render import render, renderable

from conftest import scaled
from manglers import page_width
from strategies import reports, sparse_reports


def _read(report: gr.Report) -> tuple[object, ...]:
    return (
        report.template,
        report.organisation,
        report.year,
        report.published,
        {key: (report.cell(key).provenance, report.cell(key).value) for key in report.flat()},
        [str(d) for d in report.diagnostics],
    )


@scaled(1)
@given(
    report=st.one_of(reports(), sparse_reports()),
    layout=st.sampled_from(renderable()),
    blank_zeros=st.booleans(),
    rng=st.randoms(use_true_random=False),
)
def test_lines_padded_to_the_page_s_width_read_as_the_text_unpadded(
    report: gr.Report, layout: str, blank_zeros: bool, rng: Random
) -> None:
    text = render(report, layout, blank_zeros=blank_zeros)
    padded = page_width(text, rng)
    note(padded)
    assert _read(gr.parse(padded)) == _read(gr.parse(text))
