"""What alignment does with rows that do not fit: short, long, repeated, unknown, invalid.

Each case edits one line of a real report (seed 002, all of whose rows are complete)."""

from __future__ import annotations

from decimal import Decimal

import govinfo_report as gr

from conftest import SEEDS, WRITTEN

TEXT = SEEDS[2].read_text(encoding="utf-8")
GRANTED = "→(一) 予以公开→0→0→0→0→0→0→0→".replace("→", "\t")


def _edit(old: str, new: str) -> gr.Report:
    assert TEXT.count(old) == 1
    return gr.parse(TEXT.replace(old, new))


def _codes(report: gr.Report) -> dict[str, int]:
    return {d.code: d.line for d in report.diagnostics if d.code != "rule-not-assessable"}


def test_a_short_row_the_rules_cannot_place_is_left_missing() -> None:
    report = _edit(GRANTED, GRANTED.replace("\t0" * 7, "\t5\t3\t0\t0\t0\t8"))
    cells = [
        report.cell(f"applications.granted.{f.column}")
        for f in gr.fields()
        if f.section == "applications" and f.row == "granted"
    ]
    # Whichever column was dropped, 社会公益组织 and 法律服务机构 come out 0: only they are kept.
    assert [(c.value, c.provenance) for c in cells] == (
        [(None, "missing")] * 3 + [(0, "derived")] * 2 + [(None, "missing")] * 2
    )
    assert _codes(report)["values-unplaced"] == 46


def test_a_short_row_placed_by_the_row_sum() -> None:
    report = _edit(GRANTED, GRANTED.replace("\t0" * 7, "\t2\t1\t0\t0\t0\t0"))
    granted = {
        f.column: report.cell(f.key)
        for f in gr.fields()
        if f.section == "applications" and f.row == "granted"
    }
    assert [(c.value, c.provenance) for c in granted.values()] == [
        (2, "parsed"),
        (1, "parsed"),
        (0, "parsed"),
        (0, "parsed"),
        (0, "parsed"),
        (0, "parsed"),
        (3, "derived"),
    ]
    assert granted["natural_person"].raw == "2"


def test_extra_values_are_not_placed() -> None:
    report = _edit(GRANTED, GRANTED + "\t9")
    assert report.flat()["applications.granted.total"] is None
    assert _codes(report)["extra-values"] == 46


def test_a_repeated_row_keeps_the_first() -> None:
    report = _edit(GRANTED, GRANTED + "\n" + GRANTED.replace("\t0" * 7, "\t1" * 7))
    assert report.flat()["applications.granted.total"] == 0
    assert _codes(report)["duplicate-row"] == 47


def test_an_unknown_row_label_is_reported_and_its_values_ignored() -> None:
    report = _edit(GRANTED, GRANTED + "\n\t(八) 其他未列明事项\t1\t1\t1\t1\t1\t1\t6")
    assert _codes(report)["unknown-label"] == 47
    assert _codes(report)["values-unplaced"] == 47


def test_a_count_with_decimals_is_invalid_not_rounded() -> None:
    report = _edit("行政许可\t0\t0\t0", "行政许可\t0\t0\t3.5")
    assert report.flat()["proactive.licensing.decisions"] is None
    assert _codes(report)["invalid-value"] == 25


def test_a_negative_count_is_kept_and_flagged() -> None:
    report = _edit("行政处罚\t0\t0\t0", "行政处罚\t0\t-2\t-1")
    assert report.flat()["proactive.penalties.change"] == -2  # change may be negative
    assert report.flat()["proactive.penalties.decisions"] == -1
    assert _codes(report) == {"unit-unknown": 37, "negative-count": 29}


def test_placeholders_are_printed_blanks_never_zero() -> None:
    report = _edit("行政强制\t0\t0\t0", "行政强制\t/\t—\t-")
    cells = [
        report.cell(f"proactive.coercive_measures.{c}")
        for c in ("previous_items", "change", "decisions")
    ]
    assert [(c.value, c.provenance, c.raw, c.blank) for c in cells] == [
        (None, "blank", "/", True),
        (None, "blank", "—", True),
        (None, "blank", "-", True),
    ]


def test_money_in_yuan_is_converted_to_wan_yuan() -> None:
    report = _edit("政府集中采购\t4\t56580", "政府集中采购\t4\t251000元")
    assert str(report.flat()["proactive.procurement.amount"]) == "25.1"
    assert "unit-unknown" not in _codes(report)


def test_a_money_unit_on_a_header_line_read_as_no_row_still_counts() -> None:
    # A PDF's page number read onto the amount header's line makes that line a row of no
    # template row (a value ``3``); its 元 still says the amount below is in 元.
    report = _edit(
        "信息内容\t采购项目数量\t采购总金额\n",
        "信息内容\t采购项目数量\t采购总金额（单位：元）\t- 3 -\n",
    )
    assert report.cell("proactive.procurement.amount").value == Decimal("5.658")
    assert "unit-unknown" not in _codes(report)
    assert _codes(report)["unknown-label"] == 36


def test_a_fee_in_yuan_under_a_header_line_with_a_page_footer() -> None:
    # A browser's page number (``3/9``) read onto the header's line, in the 2021 template.
    text = (WRITTEN / "2021_tab_separated.txt").read_text(encoding="utf-8")
    header = "信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t58.46\n"
    assert text.count(header) == 1
    footer = "信息内容\t本年收费金额（单位：元）\t3/9\n行政事业性收费\t584600.00\n"
    report = gr.parse(text.replace(header, footer))
    assert report.cell("proactive.fees.amount").value == Decimal("58.46")
    assert "unit-unknown" not in _codes(report)


def test_two_labels_on_one_line_with_both_rows_of_values() -> None:
    other = "\t(六) 其他处理\t\t0\t0\t0\t0\t0\t0\t0"
    total = "\t(七) 总计\t\t0\t0\t0\t0\t0\t0\t0"
    merged = "\t(六) 其他处理\t(七) 总计" + "\t1\t0\t0\t0\t0\t0\t1" + "\t1\t0\t0\t0\t0\t0\t1"
    report = _edit(other + "\n" + total, merged)
    assert report.cell("applications.other.natural_person").value == 1
    assert report.cell("applications.total.total").provenance == "parsed"
    assert report.cell("applications.total.total").value == 1


def test_a_split_label_fragment_does_not_mark_its_row_blank() -> None:
    # ``行政规范`` / ``性文件 3 …``: the fragment alone is not a blank 行政规范性文件 row.
    text = (WRITTEN / "2021_tab_separated.txt").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("行政规范性文件\t"))
    split = "行政规范\n性文件\t" + line.split("\t", 1)[1]
    report = gr.parse(text.replace(line, split))
    assert report.cell("proactive.normative_documents.issued").value == 3
