"""The section readers as chains of row handlers (``tables/sections/chain.py``): a row goes
through its section's handlers in order until one handles it, and the cases every section
shares (a duplicate, the usual row) are handled alike in each."""

from __future__ import annotations

from collections.abc import Callable

import govinfo_report as gr
from govinfo_report import labels
from govinfo_report.catalogue import TEMPLATES
from govinfo_report.structure.layouts import Row
from govinfo_report.tables.reading import Draft
from govinfo_report.tables.sections import proactive
from govinfo_report.tables.sections.chain import Context, Step, run

from conftest import SEEDS

TEXT = SEEDS[2].read_text(encoding="utf-8")
TEMPLATE = TEMPLATES["2021"]


def _step(label: str) -> Step:
    return Step(Row(((label, 1, 1),), (), 1), (), (label,), (), (), label, ())


def test_each_row_stops_at_the_first_handler_that_handles_it() -> None:
    tried: list[tuple[str, str]] = []

    def note(name: str, handles: str) -> Callable[[Context, Step], bool]:
        def handler(context: Context, step: Step) -> bool:
            tried.append((name, step.label))
            return step.label == handles

        return handler

    context = Context(Draft("proactive"), TEMPLATE, "section 二", proactive.rules)
    chain = (note("first", "a"), note("second", "b"), note("third", "none"))
    run(chain, context, [_step("a"), _step("b"), _step("c")])
    assert tried == [
        ("first", "a"),
        ("first", "b"),
        ("second", "b"),
        ("first", "c"),
        ("second", "c"),
        ("third", "c"),
    ]


def test_a_repeated_row_of_section_two_keeps_the_first_and_names_its_row() -> None:
    row = "行政处罚\t0\t0\t0\n"
    report = gr.parse(TEXT.replace(row, row + "行政处罚\t7\t8\t9\n", 1))
    assert report.flat()["proactive.penalties.decisions"] == 0
    [found] = [d for d in report.diagnostics if d.code == "duplicate-row"]
    assert found.message == "section 二: 行政处罚 appears again; first kept"


def test_a_repeated_row_of_section_three_keeps_the_first_and_names_its_label() -> None:
    row = "\t(四) 无法提供\t1. 本机关不掌握相关政府信息\t0\t0\t0\t0\t0\t0\t0\n"
    again = row.replace("\t0" * 7, "\t1" * 7)
    report = gr.parse(TEXT.replace(row, row + again, 1))
    assert report.flat()["applications.unavailable.not_held.total"] == 0
    [found] = [d for d in report.diagnostics if d.code == "duplicate-row"]
    assert found.message.startswith("section 三: ") and "appears again; first kept" in found.message


def test_a_row_of_section_two_printed_blank_is_blank_not_missing() -> None:
    # Its label alone, its cells all blank: bare_row ends it, the context noting it blank.
    report = gr.parse(TEXT.replace("行政强制\t0\t0\t0\n", "行政强制\t\t\t\n", 1))
    cells = [report.cell(f"proactive.coercive_measures.{c}") for c in ("previous_items", "change")]
    assert [(c.value, c.provenance) for c in cells] == [(None, "blank"), (None, "blank")]


def test_a_row_of_section_three_whose_label_stands_alone_is_not_said_not_found() -> None:
    """A row whose label is printed with no value beside it, and a row left out of the table:
    both rows' cells are named by ``row-missing``, but only the one left out is "not found";
    the other's label is printed."""
    zeros = "\t0" * 7
    text = TEXT.replace(
        f"\t\t2. 没有现成信息需要另行制作{zeros}\n", "\t\t2. 没有现成信息需要另行制作\n", 1
    ).replace(f"\t\t2. 重复申请{zeros}\n", "", 1)
    assert text.count("\n") == TEXT.count("\n") - 1
    report = gr.parse(text)
    found = {d.message: set(d.keys) for d in report.diagnostics if d.code == "row-missing"}
    columns = labels.APPLICANT_COLUMNS
    assert found == {
        "section 三: rows not found: 重复申请": {
            f"applications.not_processed.repeated.{column}" for column in columns
        },
        "section 三: rows whose label is printed, their values not found: "
        "没有现成信息需要另行制作": {
            f"applications.unavailable.needs_creation.{column}" for column in columns
        },
    }
