"""Report structure and metadata beyond the seeds' happy path."""

from __future__ import annotations

import datetime

import govinfo_report as gr

from conftest import SEEDS

TEXT = SEEDS[1].read_text(encoding="utf-8")


def test_a_heading_out_of_order_is_read_as_text_and_reported() -> None:
    heading = "五、存在的主要问题及改进情况"
    stray = "二、主动公开政府信息情况（补充说明）"
    report = gr.parse(TEXT.replace(heading, f"{stray}\n\n{heading}"))
    out_of_order = [d for d in report.diagnostics if d.code == "section-out-of-order"]
    assert [d.line for d in out_of_order] == [87]
    assert report.flat() == gr.parse(TEXT).flat()


def test_a_report_without_title() -> None:
    # Its period sentence still gives the year, its signature the body.
    untitled = TEXT.replace("2020 年政府信息公开工作年度报告", "")
    report = gr.parse(untitled)
    assert (report.organisation, report.year) == ("韵家口镇人民政府", 2020)
    assert "title-missing" in {d.code for d in report.diagnostics}
    period = "本报告中使用数据统计期限为 2020 年 1 月 1 日至 12 月 31 日。"
    signature = "韵家口镇人民政府\n\n2021年1月19日"
    assert period in untitled and signature in untitled
    bare = gr.parse(untitled.replace(period, "").replace(signature, ""))
    assert (bare.organisation, bare.year) == (None, None)


def test_a_signature_date_in_chinese_numerals() -> None:
    report = gr.parse(TEXT.replace("2021年1月19日", "二〇二一年一月十九日"))
    assert report.published == datetime.date(2021, 1, 19)


def test_tables_iterate_their_cells_in_catalogue_order() -> None:
    report = gr.parse(SEEDS[4])
    assert [len(table) for table in report.tables] == [22, 161, 15]
    first = next(iter(report.proactive))
    assert (first.key, first.value, first.provenance) == ("proactive.rules.made", 0, "parsed")
    assert report.proactive.value("penalties.decisions") == 118
    assert report.applications["total.total"] == report.cell("applications.total.total")


def test_only_sections_two_three_and_four_have_tables() -> None:
    # Seed 003 answers section 六 with 无 on a line of its own: text, not a table of one cell
    # a line (无 is a value in a table). A lone number in section 五 is text there too.
    assert gr.parse(SEEDS[3]).other_matters == "无"
    heading = "五、存在的主要问题及改进情况"
    report = gr.parse(TEXT.replace(heading, f"{heading}\n\n2\n"))
    assert report.problems is not None and report.problems.startswith("2\n")
