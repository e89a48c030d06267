"""Reports written by hand as clerks fill the 2021 template, one per layout, and a report
mixing both templates: every value against expectations typed from reading each report,
the rules each report breaks, and the prose counts that disagree with the tables."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import govinfo_report as gr
from govinfo_report.check.statements import find

from conftest import WRITTEN, expected, expected_cells

REPORTS = {
    "2021_tab_separated": ("tab-separated",) * 3,
    "2021_row_per_cell": ("row-per-cell",) * 3,
    # Section 二 is an intact grid; sections 三 and 四 are broken like seed 003.
    "2021_flattened_header": ("tab-separated", "flattened-header", "flattened-header"),
    "mixed_2022": ("tab-separated",) * 3,
}
WITH_STATEMENTS = [name for name in REPORTS if name != "mixed_2022"]


def _path(name: str) -> Path:
    return WRITTEN / f"{name}.txt"


@pytest.fixture(params=sorted(REPORTS))
def written(request: pytest.FixtureRequest) -> Path:
    return _path(request.param)


def test_every_value_and_its_provenance(written: Path) -> None:
    report = gr.parse(written)
    want = expected_cells(expected(written))
    assert len(want) == 200
    flat = report.flat()
    assert list(flat) == [f.key for f in gr.fields("2021")]
    assert {key: (flat[key], report.cell(key).provenance) for key in want} == want


def test_metadata(written: Path) -> None:
    report = gr.parse(written)
    meta = expected(written)["metadata"]
    assert (report.organisation, report.year, report.template, report.published) == (
        meta["organisation"],
        meta["year"],
        meta["template"],
        datetime.date.fromisoformat(meta["published"]),
    )


def test_layout_detected_per_table(written: Path) -> None:
    assert tuple(t.layout for t in gr.parse(written).tables) == REPORTS[written.stem]


def test_rules_the_report_breaks(written: Path) -> None:
    result = gr.validate(gr.parse(written))
    want = set(expected(written).get("violations", {}).get("rules", []))
    assert {check.rule for check in result.violated} == want


def test_2021_tab_separated_typo_is_explained() -> None:
    report = gr.parse(_path("2021_tab_separated"))
    (row_sum,) = [
        c
        for c in gr.validate(report).violated
        if c.rule == "applications.row-sum.partially_granted"
    ]
    # Line 49: （二）部分公开 prints 总计 6, but its six applicant cells add up to 5.
    assert (row_sum.printed, row_sum.expected) == (6, 5)
    assert [(c.key, c.line) for c in row_sum.totals] == [
        ("applications.partially_granted.total", 49)
    ]
    assert row_sum.diagnostic is not None and row_sum.diagnostic.line == 49
    assert {d.code for d in report.errors} == {"rule-violation"}


def _table_value(spec: dict, key: str) -> object:
    cells = expected_cells(spec)
    if key == "appeals.litigation.total":
        parts = [
            cells[f"appeals.{group}.total"][0]
            for group in ("litigation_direct", "litigation_after_review")
        ]
        return sum(parts)  # type: ignore[arg-type]
    return cells[key][0]


@pytest.mark.parametrize("name", WITH_STATEMENTS)
def test_every_prose_count_is_found(name: str) -> None:
    spec = expected(_path(name))
    template = spec["metadata"]["template"]
    lines = enumerate(_path(name).read_text(encoding="utf-8").splitlines(), 1)
    found = {(s.line, s.value, s.readings[0]) for s in find(lines, template)}
    for item in spec["statements"]["items"]:
        keys = (
            ("appeals.litigation_direct.total", "appeals.litigation_after_review.total")
            if item["key"] == "appeals.litigation.total"
            else (item["key"],)
        )
        assert (item["line"], item["value"], keys) in found, item["text"]


@pytest.mark.parametrize("name", WITH_STATEMENTS)
def test_prose_counts_that_disagree_are_warned(name: str) -> None:
    spec = expected(_path(name))
    disagreeing = {
        item["line"]
        for item in spec["statements"]["items"]
        if item["value"] != _table_value(spec, item["key"])
    }
    report = gr.parse(_path(name))
    mismatches = [d for d in report.diagnostics if d.code == "text-table-mismatch"]
    assert {d.line for d in mismatches} == disagreeing
    assert len(mismatches) == len(disagreeing)
    assert all(d.severity == "warning" for d in mismatches)


def test_mixed_report_is_read_by_its_year_and_says_so() -> None:
    report = gr.parse(_path("mixed_2022"))
    codes = [d.code for d in report.diagnostics]
    assert codes.count("template-mixed") == 1
    # Section 二 is the 2019 form: 规章, 规范性文件 and 收费 lose their cells; 许可, 处罚 and
    # 强制 keep 处理决定数量; 其他对外管理服务事项 and 政府集中采购 are rows of 2019 only.
    foreign = {d.line for d in report.diagnostics if d.code == "foreign-label"}
    assert foreign == {22, 23, 26, 27, 30, 31, 34, 37}


def test_legacy_report_is_refused() -> None:
    with pytest.raises(gr.LegacyReportError) as caught:
        gr.parse(_path("legacy_2016"))
    assert (caught.value.code, caught.value.year, caught.value.line) == ("legacy-report", 2016, 2)
    assert isinstance(caught.value, gr.ParseError)


def test_gb18030_bytes_give_the_same_report() -> None:
    text = _path("2021_row_per_cell").read_text(encoding="utf-8")
    from_bytes = gr.parse(text.encode("gb18030"))
    assert from_bytes.encoding == "gb18030"
    assert from_bytes.flat() == gr.parse(text).flat()


def test_2021_sub_rows_in_a_2019_reading_are_not_placed() -> None:
    # The mixed report dated 2020 is read as 2019: its three 2021 其他处理 sub-rows (lines
    # 65-67) have no cell in that catalogue, so 其他处理 stays missing rather than taking the
    # first sub-row's values.
    text = _path("mixed_2022").read_text(encoding="utf-8")
    report = gr.parse(text.replace("2022年政府信息公开", "2020年政府信息公开", 1))
    assert report.template == "2019"
    assert report.cell("applications.other.total").value is None
    foreign = [d.line for d in report.diagnostics if d.code == "foreign-label"]
    assert foreign == [65, 66]
    # ``3.其他`` reads as the 其他 column header of 2019: a row with no row label.
    assert 67 in [d.line for d in report.diagnostics if d.code == "values-unplaced"]
