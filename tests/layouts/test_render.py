"""Rendering: parse(render(report, layout)) gives the report back, for every layout that
can write and both templates; a report broken on purpose is caught by exactly the rules the
changed cell takes part in."""

from __future__ import annotations

import pytest
from hypothesis import given

import govinfo_report as gr
from govinfo_report.structure import layouts
from govinfo_report.tables.sections import rule_set
from govinfo_report.write.render import render, renderable

from conftest import SEEDS, WRITTEN, printed, scaled
from strategies import broken_reports, reports

LAYOUTS = renderable()


def test_every_layout_found_by_its_lines_can_write() -> None:
    """So that the round trips below cover it: only a layout whose tables no line pattern
    finds (run-together text, cut by ``rebreak``) may have no writer."""
    found_by_lines = {
        name for name in layouts.BUILTIN if layouts.get(name).table_line != layouts.NO_LINE
    }
    assert found_by_lines <= set(LAYOUTS)
    assert found_by_lines


def _same(back: gr.Report, report: gr.Report) -> None:
    assert (back.template, back.organisation, back.year, back.published) == (
        report.template,
        report.organisation,
        report.year,
        report.published,
    )
    assert printed(back) == report.flat()


@pytest.mark.parametrize("layout", LAYOUTS)
@scaled(1)
@given(report=reports())
def test_round_trip(layout: str, report: gr.Report) -> None:
    back = gr.parse(render(report, layout))
    _same(back, report)
    assert all(table.layout == layout for table in back.tables)
    assert not [d for d in back.diagnostics if d.severity != "info"]


@scaled(1)
@given(case=broken_reports())
def test_a_broken_rule_is_caught_after_rendering(case: tuple[gr.Report, str]) -> None:
    report, key = case
    back = gr.parse(render(report, "tab-separated"))
    index = {f.key: i for i, f in enumerate(gr.fields(report.template))}[key]
    touching = {rule.name for rule in rule_set(report.template).rules if index in rule.cells}
    assert {check.rule for check in gr.validate(back).violated} == touching


@pytest.mark.parametrize(
    "path", [*SEEDS, *sorted(WRITTEN.glob("2021_*.txt"))], ids=lambda p: p.stem[:24]
)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_real_and_written_reports_round_trip(path: object, layout: str) -> None:
    report = gr.parse(path)  # type: ignore[arg-type]
    _same(gr.parse(render(report, layout)), report)


def test_a_layout_that_cannot_write_is_refused() -> None:
    with pytest.raises(gr.UnknownLayoutError):
        render(gr.parse(SEEDS[0]), "no-such-layout")
