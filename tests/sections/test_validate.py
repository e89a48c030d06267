"""gr.validate: each rule broken on purpose in a consistent 2021 report, rules that cannot
be checked, and the cross-year checks between two reports of one body."""

from __future__ import annotations

import pytest

import govinfo_report as gr

from conftest import WRITTEN

#: A consistent 2021 report in the row-per-cell layout: one cell per line (see its TOML).
BASE = (WRITTEN / "2021_row_per_cell.txt").read_text(encoding="utf-8").splitlines()


def _edited(changes: dict[int, str], lines: list[str] = BASE) -> str:
    """The report with the cells on the given (1-based) lines replaced."""
    edited = list(lines)
    for number, text in changes.items():
        edited[number - 1] = f"\t{text}"
    return "\n".join(edited) + "\n"


def test_the_base_report_passes_every_rule() -> None:
    result = gr.validate(gr.parse(_edited({})))
    assert result.ok and not result.violated and not result.not_assessable
    assert len(result.passed) == 7 * 2 + 25 + 3 + 3  # columns x 2, rows, groups, sections


@pytest.mark.parametrize(
    ("line", "text", "broken"),
    [
        # 结转下年度继续办理 总计 1 → 3: the balance of the 总计 column and that row's sum.
        (
            357,
            "3",
            {
                "applications.balance.total": (22, 20),
                "applications.row-sum.carried_forward": (3, 1),
            },
        ),
        # 予以公开 商业企业 2 → 4: the outcomes of that column and the row's sum.
        (
            105,
            "4",
            {
                "applications.outcomes.commercial_enterprise": (3, 5),
                "applications.row-sum.granted": (8, 10),
            },
        ),
        # 本年新收 自然人 14 → 15: the balance of that column and the row's sum.
        (
            85,
            "15",
            {"applications.balance.natural_person": (16, 17), "applications.row-sum.new": (18, 19)},
        ),
        # 行政复议 总计 1 → 2: the group's sum only.
        (401, "2", {"appeals.group-sum.review": (2, 1)}),
    ],
)
def test_each_rule_broken_on_purpose(
    line: int, text: str, broken: dict[str, tuple[int, int]]
) -> None:
    report = gr.parse(_edited({line: text}))
    result = gr.validate(report)
    assert {c.rule: (c.printed, c.expected) for c in result.violated} == broken
    assert not result.ok
    for check in result.violated:
        assert check.diagnostic is not None and check.diagnostic.code == "rule-violation"
        assert check.diagnostic.severity == "error"
        edited = [cell for cell in check.cells if cell.line == line]
        assert [cell.raw for cell in edited] == [text]
    assert sorted(d.message for d in report.errors) == sorted(
        c.diagnostic.message for c in result.violated if c.diagnostic
    )


def test_a_negative_count_is_an_error_at_its_cell() -> None:
    report = gr.parse(_edited({48: "-5"}))  # 行政处罚 本年处理决定数量
    (check,) = gr.validate(report).violated
    assert (check.rule, check.printed, check.expected) == ("proactive.non-negative", -5, 0)
    (error,) = report.errors
    assert (error.code, error.line, error.column, error.keys) == (
        "negative-count",
        48,
        2,
        ("proactive.penalties.decisions",),
    )


def test_a_rule_touching_a_missing_cell_is_not_assessable_not_passed() -> None:
    result = gr.validate(gr.parse(_edited({397: ""})))  # 行政复议 结果维持 left blank
    (check,) = result.not_assessable
    assert (check.rule, check.status, check.printed, check.expected) == (
        "appeals.group-sum.review",
        "not-assessable",
        None,
        None,
    )
    assert check.diagnostic is not None and check.diagnostic.code == "rule-not-assessable"
    assert "appeals.review.upheld" in check.diagnostic.message
    assert result.ok and "appeals.group-sum.review" not in {c.rule for c in result.passed}


# Cross-year: the same body's report for 2022, made from its 2021 report: its title, period
# sentence, opening and signature a year on (a title alone dated ahead leaves the year
# missing, ``metadata.settled``).
NEXT_YEAR = [line.replace("2022年", "2023年").replace("2021年", "2022年") for line in BASE]


def _next_year(changes: dict[int, str]) -> gr.Report:
    return gr.parse(_edited(changes, NEXT_YEAR))


def test_cross_year_checks_pass_when_the_years_agree() -> None:
    previous = gr.parse(_edited({}))
    # 上年结转 = last year's 结转下年度继续办理 (1 … 1); 行政规范性文件 in force 7 + 2 − 1 = 8.
    current = _next_year({94: "1", 100: "1", 32: "8"})
    result = gr.validate(current, previous=previous)
    years = [c for c in result.checks if c.rule.startswith("years.")]
    assert len(years) == 7 + 2 and all(c.status == "passed" for c in years)
    assert not result.notes


def test_cross_year_mismatches_name_both_reports() -> None:
    previous = gr.parse(_edited({}))
    current = _next_year({})  # carries over 2 and keeps 7 in force, as the 2021 report did
    result = gr.validate(current, previous=previous)
    got = {
        c.rule: (c.printed, c.expected, c.diagnostic.code if c.diagnostic else None)
        for c in result.checks
        if c.rule.startswith("years.") and c.status != "passed"
    }
    assert got == {
        "years.carry-over.natural_person": (2, 1, "carry-over-mismatch"),
        "years.carry-over.total": (2, 1, "carry-over-mismatch"),
        "years.in-force.normative_documents": (7, 8, "in-force-mismatch"),
    }
    carry = next(c for c in result.violated if c.rule == "years.carry-over.total")
    assert [(c.key, c.line) for c in carry.totals] == [("applications.carried_over.total", 100)]
    assert [(c.key, c.line) for c in carry.parts] == [("applications.carried_forward.total", 357)]
    assert "2021 applications.carried_forward.total 1" in carry.diagnostic.message  # type: ignore[union-attr]
    severities = {d.code: d.severity for d in result.diagnostics if d.code.endswith("mismatch")}
    assert severities == {"carry-over-mismatch": "error", "in-force-mismatch": "warning"}


def test_cross_year_needs_consecutive_years() -> None:
    report = gr.parse(_edited({}))
    with pytest.raises(ValueError, match="year before"):
        gr.validate(report, previous=report)


def test_cross_year_notes_a_different_body() -> None:
    previous = gr.parse(_edited({}))
    lines = list(NEXT_YEAR)
    lines[0] = "青岚县交通运输局"
    result = gr.validate(gr.parse(_edited({}, lines)), previous=previous)
    assert [d.code for d in result.notes] == ["body-mismatch"]


def test_a_rule_that_derived_a_lost_cell_is_not_assessable() -> None:
    # Without its 上年结转 row (lines 93-100), the balance rules derive that row: they then
    # hold by construction and check nothing.
    report = gr.parse(_edited({}, BASE[:92] + BASE[100:]))
    cell = report.cell("applications.carried_over.natural_person")
    assert (cell.value, cell.rule) == (2, "applications.balance.natural_person")
    status = {c.rule: c.status for c in gr.validate(report).checks}
    for column in ("natural_person", "commercial_enterprise", "other_organisation"):
        assert status[f"applications.balance.{column}"] == "not-assessable"
    # Its 总计 comes from one of two rules, the row sum of those cells or the balance of the
    # 总计 column; whichever derived it checks nothing, and the other still checks that the
    # column balances add up.
    rules = {"applications.row-sum.carried_over", "applications.balance.total"}
    derived_by = report.cell("applications.carried_over.total").rule
    assert derived_by in rules
    assert status[derived_by] == "not-assessable"
    assert status[(rules - {derived_by}).pop()] == "passed"


def test_cross_year_needs_both_years() -> None:
    report = gr.parse(_edited({}))
    period = "本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。"
    lines = ["青岚县市场监督管理局", "政府信息公开工作年度报告", *BASE[2:]]
    undated = gr.parse(_edited({}, [line.replace(period, "") for line in lines]))
    assert undated.year is None
    with pytest.raises(ValueError, match="year is unknown"):
        gr.validate(undated, previous=report)
