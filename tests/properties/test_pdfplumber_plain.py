"""A report as pdfplumber's plain ``extract_text()`` prints a browser's PDF of its page
(``manglers.pdfplumber_plain``): a line's words joined by one space, the browser's page
header and footer so joined between its lines, the signature date's digits on a line of
their own under ``年 月 日``, the site's footer and its online date. The date read is the
signature's, never the site's (tool bed 6363: 8 of 20 pages read the site's, the page's
last footer, ``file:///…/report.html 8/8``, taken for the report's last line), and no
cell is wrong (6363/00 of Word's PDF: a tall row's ``事业 22`` / ``-1`` read in column
order, -1 as the first cell)."""

from __future__ import annotations

from random import Random

from hypothesis import given, note
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.write.render import render

from conftest import scaled, wrong
from manglers import pdfplumber_plain
from strategies import reports, sparse_reports


@scaled(1)
@given(
    report=st.one_of(reports(), sparse_reports()),
    blank_zeros=st.booleans(),
    tall=st.booleans(),
    rng=st.randoms(use_true_random=False),
)
def test_plain_pdfplumber_text_s_date_is_the_signature_s_and_no_cell_is_wrong(
    report: gr.Report, blank_zeros: bool, tall: bool, rng: Random
) -> None:
    laid = render(report, "space-aligned", blank_zeros=blank_zeros)
    text = pdfplumber_plain(laid, report, rng, tall=tall)
    note(text)
    back = gr.parse(text)
    assert (back.organisation, back.year) == (report.organisation, report.year)
    assert back.published in (report.published, None)
    if report.published is not None:
        assert back.published == report.published
    assert wrong(back, report.flat()) == {}


def test_a_tall_rows_values_on_several_lines_of_one_space_text_are_not_placed_by_order() -> None:
    """One-separator text (plain pdftotext or pdfplumber of a narrow PDF) prints a tall
    row's values on lines at their cells' own heights: 行政事业性收费's ``事业 25`` / ``-2``
    (25 and -2, in that order) and 规章's ``规章 0`` / ``180`` / ``5000`` (0, 5000, 180: a
    thorough run of the property above read 180 and 5000 swapped, since their offsets in
    such text agreed with their lines' order). Neither lines nor offsets tell the columns:
    section 二 has no rule to confirm them, so the cells are missing, never swapped."""
    values: dict[str, int | None] = {f.key: 0 for f in gr.fields("2019")}
    values["proactive.fees.previous_items"], values["proactive.fees.change"] = 25, -2
    values["proactive.rules.published"], values["proactive.rules.total_published"] = 5000, 180
    report = gr.Report.from_values(
        values, template="2019", organisation="青岚县市场监督管理局", year=2019
    )
    lines = []
    for line in render(report, "space-aligned").split("\n"):
        words = line.split()
        if words[:1] == ["行政事业性收费"]:
            lines += ["行政", "事业 25", "-2", "性收", "费"]
        elif words[:1] == ["规章"]:
            lines += ["规章 0", "180", "5000"]
        else:
            lines.append(" ".join(words))
    back = gr.parse("\n".join(lines))
    assert wrong(back, report.flat()) == {}
    for key in ("fees.previous_items", "fees.change", "rules.published", "rules.total_published"):
        assert back.cell(f"proactive.{key}").provenance == "missing", key
