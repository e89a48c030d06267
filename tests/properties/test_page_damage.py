"""Property: what a page hides, a footnote on its own line, and a page's links above the title
never make a wrong number or a wrong year (issue 48 items 2, 3 and 6).

Hypothesis writes enriched reports (``strategies.enriched_reports``) and damages one to three
value cells with ``damage.MARKUP_FORMS`` (digits hidden in every way a page hides them; digits
in markup whose hiding cannot be decided; a footnote line, ``863 1``) in every layout, HTML page
and Word document, or with ``damage.word_form`` in a Word document (runs struck, double-struck,
hidden, white, of 1 pt, or of a style the document does not define). Every cell read must be its
true value or, for a damaged cell, the number its text says. Link lines naming other years above
the title (paragraphs of a Word document, links of a page) leave the year right, or missing with
``year-ambiguous``."""

from __future__ import annotations

from random import Random

from damage import (
    FORMATS,
    MARKUP_FORMS,
    ONE_LINE,
    PAGES,
    Says,
    kinds,
    markup,
    parse,
    rendered,
    with_links,
    word_document,
    word_form,
    wrong_cells,
)
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.write.render import renderable

from conftest import scaled
from strategies import enriched_reports


def _chosen(draw: st.DrawFn, report: gr.Report) -> list[str]:
    return draw(
        st.lists(st.sampled_from(sorted(report.flat())), min_size=1, max_size=3, unique=True)
    )


@scaled(2)
@given(enriched_reports(), st.sampled_from(FORMATS), st.data())
def test_hidden_doubtful_and_footnote_digits_are_never_a_wrong_number(
    report: gr.Report, where: str, data: st.DataObject
) -> None:
    values, kind = report.flat(), kinds(report.template or "2021")
    rng = data.draw(st.randoms(use_true_random=False))
    printed: dict[str, str] = {}
    says: dict[str, Says] = {}
    for key in _chosen(data.draw, report):
        value = values[key]
        assert value is not None
        usable = [form for form in MARKUP_FORMS if form.applies(kind[key], value, where)]
        if not usable:
            continue
        form = data.draw(st.sampled_from(usable))
        text, said = form.make(value, kind[key], rng)
        printed[key], says[key] = (markup(text, form) if where in PAGES else text), said
    back = parse(rendered(report, printed, where), where)
    if back is not None:
        assert wrong_cells(back, values, says) == {}


@scaled(1)
@given(enriched_reports(), st.randoms(use_true_random=False), st.data())
def test_digits_a_word_run_hides_are_never_a_wrong_number(
    report: gr.Report, rng: Random, data: st.DataObject
) -> None:
    values = report.flat()
    keys = data.draw(st.lists(st.sampled_from(sorted(values)), min_size=1, max_size=3, unique=True))
    printed: dict[str, str] = {}
    says: dict[str, Says] = {}
    for key in keys:
        value = values[key]
        assert value is not None
        printed[key], says[key] = word_form(value, rng)
    back = gr.parse(word_document(rendered(report, printed, "tab-separated")), format="docx")
    assert wrong_cells(back, values, says) == {}


@scaled(1)
@given(enriched_reports(), st.sampled_from(FORMATS), st.randoms(use_true_random=False), st.data())
def test_links_above_the_title_never_give_a_wrong_year(
    report: gr.Report, where: str, rng: Random, data: st.DataObject
) -> None:
    assert report.year is not None and report.organisation is not None
    others = data.draw(
        st.lists(
            st.integers(2015, 2030).filter(lambda year: year != report.year), min_size=1, max_size=3
        )
    )
    text = rendered(report, {}, where)
    if where in PAGES:
        links = with_links("", report.organisation, others, rng).strip()
        page = text.replace(
            "<body>",
            "<body>" + "".join(f"<p><a href='#'>{line}</a></p>" for line in links.split("\n")),
            1,
        )
        back = parse(page, where)
    else:
        back = parse(with_links(text, report.organisation, others, rng), where)
    assert back is not None
    assert back.year in (report.year, None)
    if back.year is None:
        assert "year-ambiguous" in {found.code for found in back.diagnostics}


@scaled(1)
@given(
    enriched_reports(),
    st.sampled_from([*renderable(), ONE_LINE]),
    st.randoms(use_true_random=False),
    st.data(),
)
def test_listed_links_above_a_report_without_its_title_never_give_a_wrong_year(
    report: gr.Report, where: str, rng: Random, data: st.DataObject
) -> None:
    """A page's list of links to the body's reports of other years (``· XX局2021年…``) above a
    text whose own title was dropped (trafilatura): the year is right or missing, and told."""
    assert report.year is not None and report.organisation is not None
    others = data.draw(
        st.lists(
            st.integers(2015, 2030).filter(lambda year: year != report.year), min_size=1, max_size=3
        )
    )
    title, _, body = rendered(report, {}, where).partition("\n")
    assert str(report.year) in title  # the title is the text's first line
    links = with_links("", report.organisation, others, rng).strip().split("\n")
    listed = [line if line.startswith(("首页", "·")) else f"· {line}" for line in links]
    back = parse("\n".join([*listed, body]), where)
    assert back is not None
    assert back.year in (report.year, None)
    if back.year is None:
        assert {"title-missing", "year-ambiguous"} & {found.code for found in back.diagnostics}
