"""A report as pypdfium2 prints a browser's PDF of its page (``manglers.pdfplumber_plain``,
then ``manglers.labels_above``): a line's words joined by one space, each row's label
wrapped over lines of its own in its narrow cell, its values on the line after them. A
table begins at its first line of values, so the first row's label lines stood in the
section's prose and its values named no row (tool bed 6565, pypdfium2: 本年新收 missing
on every page); they are the table's now, and no cell is wrong."""

from __future__ import annotations

from random import Random

from hypothesis import example, given, note
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report import labels
from govinfo_report.write.render import render

from conftest import scaled, wrong
from manglers import labels_above, pdfplumber_plain
from strategies import reports

APPLICANTS = list(labels.APPLICANT_COLUMNS)


def _not_given_in_the_first_row() -> gr.Report:
    """The thorough profile's example: 本年新收 prints ``14 47 0 128 — 3 192``, its 法律服务机构
    not given (the other rows of 三 as it, or 0)."""
    counts = dict(zip(APPLICANTS, (14, 47, 0, 128, None, 3, 192), strict=True))
    values: dict[str, object] = {field.key: 0 for field in gr.fields("2021")}
    for row in ("new", "granted", "total"):
        values |= {f"applications.{row}.{column}": n for column, n in counts.items()}
    values["applications.granted.legal_service_agency"] = 0
    values["applications.total.legal_service_agency"] = 0
    return gr.Report.from_values(values, template="2021", organisation="某某县人民政府", year=2021)


@scaled(1)
@given(report=reports(), rng=st.randoms(use_true_random=False))
@example(report=_not_given_in_the_first_row(), rng=Random(0))
def test_a_first_rows_label_above_its_values_names_them(report: gr.Report, rng: Random) -> None:
    text = labels_above(pdfplumber_plain(render(report, "space-aligned"), report, rng), rng)
    note(text)
    back = gr.parse(text)
    assert wrong(back, report.flat()) == {}
    # Every cell of 本年新收 read: as printed, or one printed "not given" (—) derived 0 by
    # the row's rule, as every reading of a placeholder the rules prove 0 is.
    for key in (key for key in report.flat() if key.startswith("applications.new.")):
        cell, want = back.cell(key), report.cell(key).value
        assert cell.value == want or (want, cell.value, cell.provenance) == (None, 0, "derived")
