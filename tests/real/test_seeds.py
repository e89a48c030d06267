"""The five real reports: every one of the 198 values, the metadata, the layouts and the
diagnostics, against expectations typed by hand from reading each report."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import govinfo_report as gr

from conftest import SEEDS, expected, expected_cells


def test_every_value_and_its_provenance(seed: Path) -> None:
    report = gr.parse(seed)
    want = expected_cells(expected(seed))
    assert len(want) == 198
    flat = report.flat()
    assert list(flat) == [f.key for f in gr.fields("2019")]
    got = {key: (flat[key], report.cell(key).provenance) for key in want}
    assert got == want


def test_metadata(seed: Path) -> None:
    report = gr.parse(seed)
    meta = expected(seed)["metadata"]
    published = datetime.date.fromisoformat(meta["published"]) if meta["published"] else None
    assert (report.organisation, report.year, report.template, report.published) == (
        meta["organisation"],
        meta["year"],
        meta["template"],
        published,
    )


LAYOUTS = {
    "000": ("row-per-cell",) * 3,
    "001": ("tab-separated",) * 3,
    "002": ("tab-separated",) * 3,
    # Section 二 of 003 is an intact grid; its 三 and 四 are broken.
    "003": ("tab-separated", "flattened-header", "flattened-header"),
    "004": ("row-per-cell",) * 3,
}


def test_layout_detected_per_table(seed: Path) -> None:
    report = gr.parse(seed)
    assert tuple(table.layout for table in report.tables) == LAYOUTS[seed.stem[:3]]


#: (code, line) of every diagnostic but rule-not-assessable, typed from reading the reports.
DIAGNOSTICS = {
    "000": {("unit-unknown", 83)},
    "001": {("short-row-placed", line) for line in (55, 56, 57, 58, 60, 61)}
    | {
        ("rule-violation", 79),
        ("table-empty", 84),
        # line 17: 全年共受理依申请公开14件，因政府信息公开被申请行政复议14件，无行政诉讼。
        ("text-table-mismatch", 17),
    },
    "002": {("unit-unknown", 37)},
    "003": {("short-row-placed", line) for line in range(65, 82)} | {("short-row-placed", 89)},
    # line 7: 主动公开规范性文件2件, but 规范性文件 本年新公开数量 is 0.
    "004": {("local-subrow", 42), ("text-table-mismatch", 7)},
}


def test_diagnostics(seed: Path) -> None:
    report = gr.parse(seed)
    found = {(d.code, d.line) for d in report.diagnostics if d.code != "rule-not-assessable"}
    assert found == DIAGNOSTICS[seed.stem[:3]]


def test_001_totals_that_do_not_add_up_are_reported_not_fixed() -> None:
    report = gr.parse(SEEDS[1])
    violations = [d for d in report.diagnostics if d.code == "rule-violation"]
    assert sorted(d.keys[0] for d in violations) == [
        "applications.total.natural_person",
        "applications.total.total",
    ]
    assert all(d.severity == "error" and d.line == 79 for d in violations)
    assert report.flat()["applications.total.total"] == 0
    assert report.flat()["applications.granted.natural_person"] == 6


def test_001_rules_not_assessable() -> None:
    report = gr.parse(SEEDS[1])
    unassessed = {d.keys[0] for d in report.diagnostics if d.code == "rule-not-assessable"}
    # Section 四 is empty; the six rows printing 6 values for 7 columns (lines 55-58, 60,
    # 61) had their 总计 derived from their own row sum, which therefore checks nothing.
    assert unassessed == {
        "appeals.review.total",
        "appeals.litigation_direct.total",
        "appeals.litigation_after_review.total",
    } | {
        f"applications.{row}.total"
        for row in (
            "new",
            "carried_over",
            "granted",
            "partially_granted",
            "denied.state_secret",
            "denied.prohibited_by_law",
        )
    }


def test_parsed_cells_keep_raw_text_and_position() -> None:
    report = gr.parse(SEEDS[4])
    change = report.cell("proactive.penalties.change")
    assert (change.value, change.raw, change.line, change.column) == (408, "+408", 63, 2)
    amount = report.cell("proactive.procurement.amount")
    assert (amount.value, amount.raw, amount.line) == (Decimal("4176.9529"), "4176.9529万元", 89)


def test_derived_cells_name_their_rule() -> None:
    granted_total = gr.parse(SEEDS[1]).cell("applications.granted.total")
    assert (granted_total.value, granted_total.provenance, granted_total.rule) == (
        6,
        "derived",
        "placement: applications.row-sum.granted",
    )
    services = gr.parse(SEEDS[4]).cell("proactive.other_services.decisions")
    assert services.rule == "sum of local sub-rows 行政检查, 行政确认"


def test_prose_sections() -> None:
    report = gr.parse(SEEDS[0])
    assert report.overview is not None and report.overview.startswith("本年报根据")
    assert report.problems is not None and report.problems.startswith("1、存在的问题")
    assert report.other_matters == "无"
