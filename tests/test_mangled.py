"""Properties over mangled text: after changes that lose nothing (see ``manglers``), every
value comes back and nothing is warned about; after one that loses values, none comes back
wrong."""

from __future__ import annotations

from random import Random

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.render import render, renderable

from conftest import scaled
from manglers import ENCODINGS, LOSSLESS, LOSSY, NEWLINES, UNCERTAIN, Mangler, encode, mangle
from strategies import reports

LAYOUTS = renderable()
SINGLE = [(m, layout) for m in LOSSLESS for layout in LAYOUTS if layout in m.layouts]
#: The layouts the manglers are written for (the converters' layouts are tested on the real
#: tools' text instead: tests/test_converters.py).
COMPOSABLE = sorted({layout for _, layout in SINGLE})


def _same_values(back: gr.Report, report: gr.Report) -> None:
    assert (back.template, back.organisation, back.year) == (
        report.template,
        report.organisation,
        report.year,
    )
    expected, got = report.flat(), back.flat()
    assert {k: (got[k], v) for k, v in expected.items() if got[k] != v} == {}
    assert [str(d) for d in back.diagnostics if d.severity != "info"] == []


@pytest.mark.parametrize(
    ("mangler", "layout"), SINGLE, ids=[f"{m.name}-{layout}" for m, layout in SINGLE]
)
@scaled(0.4)
@given(report=reports(), rng=st.randoms(use_true_random=False))
def test_each_lossless_mangler_keeps_every_value(
    mangler: Mangler, layout: str, report: gr.Report, rng: Random
) -> None:
    _same_values(gr.parse(mangle(render(report, layout), [mangler], rng)), report)


@scaled(4)
@given(report=reports(), layout=st.sampled_from(COMPOSABLE), data=st.data())
def test_composed_lossless_manglers_keep_every_value(
    report: gr.Report, layout: str, data: st.DataObject
) -> None:
    usable = [m for m in LOSSLESS if layout in m.layouts]
    chosen = data.draw(
        st.lists(st.sampled_from(usable), unique_by=lambda m: m.name, min_size=2, max_size=6),
        label="manglers",
    )
    encoding = data.draw(st.sampled_from(ENCODINGS), label="encoding")
    newline = data.draw(st.sampled_from(NEWLINES), label="newline")
    rng = data.draw(st.randoms(use_true_random=False))
    data_bytes = encode(mangle(render(report, layout), chosen, rng), encoding, newline)
    _same_values(gr.parse(data_bytes), report)


@scaled(1.2)
@given(report=reports(), layout=st.sampled_from(LOSSY[0].layouts), data=st.data())
def test_a_dropped_value_is_never_a_wrong_number(
    report: gr.Report, layout: str, data: st.DataObject
) -> None:
    """Values lost from some rows (with lossless changes around them): every cell is its
    true value (parsed, or derived by a rule) or missing, and a loss is never silent. A cell
    the report left out may come back derived: the rules that hold in the whole report fix
    its value."""
    usable = [m for m in LOSSLESS if layout in m.layouts]
    lossy = data.draw(
        st.lists(st.sampled_from(LOSSY), unique_by=lambda m: m.name, min_size=1), label="lossy"
    )
    chosen = [
        *data.draw(
            st.lists(st.sampled_from(usable), unique_by=lambda m: m.name, max_size=3),
            label="lossless",
        ),
        *lossy,
    ]
    chosen = data.draw(st.permutations(chosen), label="order")
    back = gr.parse(mangle(render(report, layout), chosen, data.draw(st.randoms())))
    truth, got = report.flat(), back.flat()
    wrong = {
        key: (got[key], truth[key])
        for key in truth
        if got[key] is not None
        and got[key] != truth[key]
        and not (truth[key] is None and back.cell(key).provenance == "derived")
    }
    assert wrong == {}
    lost = [key for key in truth if got[key] is None and truth[key] is not None]
    if lost:
        assert [d for d in back.diagnostics if d.severity != "info"], lost


def _never_wrong(text: str, report: gr.Report) -> None:
    """Every cell of ``text`` read is its true value in ``report`` (parsed, or derived by a
    rule) or missing; a cell the report left out may come back derived. Text the parser
    refuses as no report at all gives no value, so nothing wrong either."""
    try:
        back = gr.parse(text)
    except gr.ParseError:
        return
    truth, got = report.flat(), back.flat()
    wrong = {
        key: (got[key], truth[key], back.cell(key).provenance)
        for key in truth
        if got[key] is not None
        and got[key] != truth[key]
        and not (truth[key] is None and back.cell(key).provenance == "derived")
    }
    assert wrong == {}


def _uncertain(name: str) -> Mangler:
    return next(m for m in UNCERTAIN if m.name == name)


@pytest.mark.parametrize("name", ["misspelt_labels", "lost_line_breaks"])
@scaled(2)
@given(report=reports(), data=st.data())
def test_an_uncertain_cell_is_never_a_wrong_number(
    name: str, report: gr.Report, data: st.DataObject
) -> None:
    """Labels misspelt, line breaks lost: each alone, in every layout it applies to, after up
    to two lossless changes."""
    mangler = _uncertain(name)
    layout = data.draw(st.sampled_from(mangler.layouts), label="layout")
    usable = [m for m in LOSSLESS if layout in m.layouts]
    lossless = data.draw(
        st.lists(st.sampled_from(usable), unique_by=lambda m: m.name, max_size=2)
        if usable
        else st.just([]),
        label="lossless",
    )
    rng = data.draw(st.randoms(use_true_random=False))
    _never_wrong(mangle(render(report, layout), [*lossless, mangler], rng), report)
