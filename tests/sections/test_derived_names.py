"""The rule a derived cell names comes from the values alone (docs/decisions.md): the first
rule of the catalogue that holds with every other cell of it known, its unit's own row's
rules first; never from the solutions a search happened to visit."""

from __future__ import annotations

from pathlib import Path

import pytest

import govinfo_report as gr
from govinfo_report.catalogue import TEMPLATES
from govinfo_report.tables import solver
from govinfo_report.tables.sections import rule_set

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _cells(report: gr.Report) -> dict[str, tuple[object, str, str | None]]:
    return {
        cell.key: (cell.value, cell.provenance, cell.rule)
        for table in report.tables
        for cell in table
    }


def _cell(report: gr.Report, key: str) -> gr.Cell:
    return next(table[key] for table in report.tables if key in table.keys)


def test_a_lost_cell_names_the_first_rule_that_gives_it() -> None:
    # The page prints no value of 结转下年度继续办理 for 商业企业: the cell is derived. Its
    # rules in the catalogue's order: the column's balance (总计 + 结转下年度 = 新收 +
    # 上年结转), then the row's sum; both hold, the first names it.
    report = gr.parse((FIXTURES / "cases" / "meta-one-line-page.txt").read_bytes())
    cell = _cell(report, "applications.carried_forward.commercial_enterprise")
    assert (cell.value, cell.provenance) == (0, "derived")
    at = TEMPLATES[report.template].index[cell.key]
    names = [rule.name for rule in rule_set(report.template).by_cell[at]]
    assert names[:2] == [
        "applications.balance.commercial_enterprise",
        "applications.row-sum.carried_forward",
    ]
    assert cell.rule == "applications.balance.commercial_enterprise"


def test_a_placed_cell_names_its_own_rows_rule_first() -> None:
    # Seed 001 prints 本年新收 as a short row of zeros: placed, each cell named by its row's
    # sum, though the column's balance comes first in the catalogue.
    report = gr.parse(next((FIXTURES / "seeds").glob("001_*.txt")).read_bytes())
    cell = _cell(report, "applications.new.natural_person")
    assert (cell.value, cell.provenance) == (0, "derived")
    assert cell.rule == "placement: applications.row-sum.new"


@pytest.mark.parametrize(
    "name",
    [
        "cases/meta-one-line-page.txt",
        "converters/cms-typed-2021_flattened_header/html2text.txt",
        "jostled/pdftotext-layout-sub-tables.txt",
    ],
)
def test_the_names_do_not_depend_on_the_search_order(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Rows of zeros and lost cells that many rules give: with the rules handed to the solver
    # in the other order, its propagation makes other cells points first and it visits
    # other solutions, and every cell, name and diagnostic stays the same.
    data = (FIXTURES / name).read_bytes()
    before = gr.parse(data)
    solve = solver.solve
    monkeypatch.setattr(
        solver,
        "solve",
        lambda lo, hi, rules, units, scope, *rest: solve(lo, hi, rules[::-1], units, scope, *rest),
    )
    after = gr.parse(data)
    assert sum(cell[1] == "derived" for cell in _cells(before).values()) > 10
    assert _cells(after) == _cells(before)
    assert after.diagnostics == before.diagnostics
