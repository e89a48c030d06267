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


@scaled(0.5)
@given(report=reports(), gap=st.integers(1, 3), rng=st.randoms(use_true_random=False))
def test_a_signature_laid_out_on_the_name_s_line_gives_its_date(
    report: gr.Report, gap: int, rng: Random
) -> None:
    signed = report.published
    assert signed is not None
    lines = render(report, "space-aligned").split("\n")
    date = f"{signed.year}年{signed.month}月{signed.day}日"
    at = max(at for at, line in enumerate(lines) if line.strip() == date)
    space = " " * gap
    pieces = space.join((str(signed.year), "年", str(signed.month), "月", str(signed.day), "日"))
    lines[at - 1 : at + 1] = [f"{lines[at - 1].strip()}{' ' * 13}{pieces}"]
    padded = page_width("\n".join(lines), rng)
    note(padded)
    assert gr.parse(padded).published == signed
