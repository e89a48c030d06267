"""Property: never a wrong number, whatever a cell holds.

Hypothesis writes enriched reports (``strategies.enriched_reports``: numbers of one to five
digits in every cell, almost never zero, every rule holding), leaves some zeros blank, damages
one to three value cells in any of the forms of ``damage`` (footnote marks, hidden digits,
line breaks inside a number, OCR letters, prefixes, units, thousands separators, full-width
digits, doubled numbers, ``3、850``), and writes the report in every layout ``render`` writes
and as HTML pages. Every cell read (parsed, or derived by a rule) must then be its true value,
or, for a damaged cell, the number its text says; anything else is missing."""

from __future__ import annotations

from damage import FORMATS, FORMS, PAGES, Says, kinds, markup, parse, rendered, wrong_cells
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr

from conftest import scaled
from strategies import enriched_reports

Case = tuple[gr.Report, str, dict[str, str], dict[str, Says], int]


@st.composite
def damaged_reports(draw: st.DrawFn) -> Case:
    """An enriched report, where it is written, the text of each damaged or blank cell, what
    each damaged cell's text says, and the seed of the page's habits."""
    report = draw(enriched_reports())
    where = draw(st.sampled_from(FORMATS), label="where")
    values = report.flat()
    kind = kinds(report.template or "2021")
    keys = sorted(values)
    chosen = draw(st.lists(st.sampled_from(keys), min_size=1, max_size=3, unique=True))
    rng = draw(st.randoms(use_true_random=False))
    printed: dict[str, str] = {}
    says: dict[str, Says] = {}
    for key in chosen:
        value = values[key]
        assert value is not None
        usable = [form for form in FORMS if form.applies(kind[key], value, where)]
        form = draw(st.sampled_from(usable), label=key)
        text, said = form.make(value, kind[key], rng)
        printed[key] = markup(text, form) if where in PAGES else text
        says[key] = said
    zeros = [key for key in keys if values[key] == 0 and key not in printed]
    if zeros:
        printed |= dict.fromkeys(draw(st.lists(st.sampled_from(zeros), unique=True)), "")
    return report, where, printed, says, draw(st.integers(0, 2**16))


@scaled(10)
@given(damaged_reports())
def test_a_damaged_cell_is_never_a_wrong_number(case: Case) -> None:
    report, where, printed, says, seed = case
    back = parse(rendered(report, printed, where, seed), where)
    if back is not None:
        assert wrong_cells(back, report.flat(), says) == {}
