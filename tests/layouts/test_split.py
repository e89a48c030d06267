"""Render and round trip: several reports in one text, separated as ``render`` separates
them, are refused by ``parse`` and read one by one through ``split_reports`` (and by the
command line's ``render`` and ``validate``); a report that read nothing renders as a
"nothing read" form, never as a form of dashes."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

import govinfo_report as gr
from govinfo_report.cli.command import main
from govinfo_report.read.split import SEPARATOR
from govinfo_report.write.render import NO_TABLE_READ, NOTHING_READ

from conftest import SEEDS, WRITTEN

REPORTS = [gr.parse(SEEDS[1]), gr.parse(SEEDS[4]), gr.parse(WRITTEN / "2021_row_per_cell.txt")]


@pytest.mark.parametrize("layout", ["markdown", "tab-separated"])
def test_rendered_reports_split_back_into_each(layout: str) -> None:
    texts = [gr.render(report, layout) for report in REPORTS]
    parts = gr.split_reports(SEPARATOR.join(texts))
    assert len(parts) == 3
    for part, report in zip(parts, REPORTS, strict=True):
        assert gr.parse(part).flat() == report.flat()


def test_a_part_keeps_its_line_numbers() -> None:
    texts = [gr.render(report) for report in REPORTS]
    parts = gr.split_reports(SEPARATOR.join(texts))
    before = texts[0].count("\n") + 3  # the first report's lines, a blank line, ---, a blank
    alone = gr.parse(texts[1]).diagnostics
    assert alone  # seed 004 keeps its local-subrow note and text-table warning
    assert [d.line for d in gr.parse(parts[1]).diagnostics] == [
        None if d.line is None else d.line + before for d in alone
    ]


def test_parse_refuses_several_reports() -> None:
    text = SEPARATOR.join(gr.render(report) for report in REPORTS)
    with pytest.raises(gr.ParseError) as caught:
        gr.parse(text)
    error = caught.value
    second = gr.render(REPORTS[0]).count("\n") + 4  # its title, after a blank line, ---, a blank
    assert (error.code, error.line) == ("several-reports", second)
    assert "3 reports" in error.message and "split_reports" in error.message
    assert error.text == "北京市门头沟区潭柘寺镇人民政府2020年政府信息公开工作年度报告"


def test_iter_parse_reads_the_split_text() -> None:
    text = SEPARATOR.join(gr.render(report, "markdown") for report in REPORTS)
    results = list(gr.iter_parse(gr.split_reports(text)))
    assert [r.ok for r in results] == [True] * 3
    assert [r.report.flat() for r in results if r.report] == [r.flat() for r in REPORTS]


def test_a_rule_line_inside_one_report_is_no_separator() -> None:
    # A Markdown converter writes <hr> as '---' between blank lines: the text after it has
    # no title, so the report is one report.
    lines = SEEDS[4].read_text(encoding="utf-8").split("\n")
    heading = next(i for i, line in enumerate(lines) if line.startswith("五"))
    lines[heading:heading] = ["", "---", ""]
    report = gr.parse("\n".join(lines))
    assert report.flat() == gr.parse(SEEDS[4]).flat()
    assert len(gr.split_reports("\n".join(lines))) == 2  # split_reports cuts wherever asked


def test_white_space_parts_are_dropped() -> None:
    assert gr.split_reports("\n---\n\n" + gr.render(REPORTS[0]) + "\n---\n\n \n") == [
        "\n\n\n" + gr.render(REPORTS[0])
    ]
    assert gr.split_reports("no separator\n") == ["no separator\n"]


def test_render_reads_back_a_file_of_several_reports(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["render", *(str(path) for path in (SEEDS[1], SEEDS[4]))]) == 0
    first = capsys.readouterr().out
    rendered = tmp_path / "two.md"
    rendered.write_text(first, encoding="utf-8")
    assert main(["render", str(rendered)]) == 0
    again = gr.split_reports(capsys.readouterr().out)  # two reports, not one
    assert [gr.parse(part).flat() for part in again] == [REPORTS[0].flat(), REPORTS[1].flat()]


def test_validate_names_each_report_of_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = "二、主动公开政府信息情况\n（这一份没有标题）\n"  # a part that is not a report
    path = tmp_path / "three.txt"
    path.write_text(SEPARATOR.join([gr.render(REPORTS[0]), gr.render(REPORTS[1]), broken]), "utf-8")
    status = main(["validate", "--quiet", str(path)])
    captured = capsys.readouterr()
    assert status == 2  # part 3 failed, which wins over seed 001's errors
    assert f"{path}#1: 2 error(s)" in captured.out
    assert f"{path}#2: 0 error(s)" in captured.out
    assert captured.err.startswith(f"{path}#3: not a government information")


def _empty() -> gr.Report:
    return gr.Report.from_values({}, template="2021", organisation="某县某局", year=2022)


@pytest.mark.parametrize("layout", ["markdown", "tab-separated", "box-grid"])
def test_a_report_that_read_nothing_renders_as_nothing_read(layout: str) -> None:
    text = gr.render(_empty(), layout)
    lines = text.split("\n")
    assert lines[:3] == ["某县某局2022年政府信息公开工作年度报告", "", NOTHING_READ]
    assert lines.count(NO_TABLE_READ) == 3
    assert not any(line.strip("-—|+ \t") == "" and line for line in lines)  # no grid, no dash
    back = gr.parse(text)
    assert back.completeness().status == "empty"
    assert [d.code for d in back.diagnostics if d.code == "table-missing"] == ["table-missing"] * 3


def test_a_report_that_read_nothing_renders_as_nothing_read_in_html() -> None:
    page = gr.render_html(_empty())
    assert page.count(NO_TABLE_READ) == 3 and "<table" not in page
    assert f"<p><strong>{html.escape(NOTHING_READ)}</strong></p>" in page


def test_a_report_with_one_cell_read_is_a_form() -> None:
    report = gr.Report.from_values(
        {"appeals.review.total": 0}, template="2021", organisation="某县某局", year=2022
    )
    text = gr.render(report, "markdown")
    assert NOTHING_READ not in text and NO_TABLE_READ not in text and text.count("\n|---|") == 3
    assert gr.parse(text).flat()["appeals.review.total"] == 0
