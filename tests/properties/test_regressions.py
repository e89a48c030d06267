"""Regression examples: each failure the property tests found, kept as a plain test on the
text that showed it (seed 000, re-rendered tab-separated: 政府集中采购 8 projects,
208216.5 万元; 予以公开 1 by a natural person)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import damage
import pytest

import govinfo_report as gr
from govinfo_report import cells, labels
from govinfo_report.cells import convert
from govinfo_report.limits import MAX_CELLS_PER_ROW, MAX_MEMO_CHARS
from govinfo_report.memo import MEMO_ENTRIES, MEMO_WEIGHT, Memo, weighed
from govinfo_report.structure import layouts, skeleton
from govinfo_report.structure.layouts import space_aligned
from govinfo_report.structure.layouts.base import split_tabs
from govinfo_report.tables import matching
from govinfo_report.tables.matching import matcher, normalise_label
from govinfo_report.tables.sections import applications
from govinfo_report.write.render import render

from conftest import SEEDS, WRITTEN

REPORT = gr.parse(SEEDS[0])
TEXT = render(REPORT, "tab-separated")


def test_a_money_unit_split_by_a_space_is_still_wan_yuan() -> None:
    """``采购总金额（单位：万 元）`` was read as 元: 20.82165, 10,000 times too small."""
    text = TEXT.replace("（单位：万元）", "（单位：万 元）")
    assert text != TEXT
    assert gr.parse(text).flat()["proactive.procurement.amount"] == Decimal("208216.5")


@pytest.mark.parametrize("between", [" ", ""])
def test_a_money_unit_in_a_header_that_ran_together_is_read(between: str) -> None:
    """Text that lost its line breaks runs a header row's labels into one cell
    (``信息内容 采购项目数量 采购总金额（单位：元）``, with or without spaces): its unit was
    missed, and 2,082,165,000 元 was exported as printed, a number 10,000 times too large with
    only ``unit-unknown`` (found by the thorough profile of
    ``test_an_uncertain_cell_is_never_a_wrong_number``)."""
    text = TEXT.replace("（单位：万元）", "（单位：元）").replace("\t208216.5", "\t2082165000")
    flat = " ".join(" ".join(line.split("\t")) for line in text.split("\n")).replace(
        "信息内容 采购项目数量 采购总金额", f"信息内容{between}采购项目数量{between}采购总金额"
    )
    assert f"采购项目数量{between}采购总金额（单位：元） 政府集中采购 8 2082165000 " in flat
    report = gr.parse(flat)
    assert report.flat()["proactive.procurement.amount"] == Decimal("208216.5")
    assert "unit-unknown" not in {d.code for d in report.diagnostics}


def test_numberings_typed_with_a_space_run_into_the_values_before_them() -> None:
    """Lost line breaks with ``1. 属于国家秘密`` numbered as many offices type it: each
    sub-row's 总计 runs into the next label's numbering (``0 0 0 0 0 0 02. 其他…``), which the
    space after the point hid: the 91 cells of sections 三 and 四 were missing."""
    numbered = re.sub(r"(?<=\t)(\d)\.(?=\S)", r"\1. ", TEXT)
    flat = "".join(
        " ".join(cell for cell in line.split("\t") if cell) for line in numbered.split("\n")
    )
    assert "0 0 0 0 0 0 02. 其他法律行政法规禁止公开" in flat
    assert gr.parse(flat).flat() == REPORT.flat()


def test_a_page_marker_run_into_a_table_row_is_dropped() -> None:
    """Lost line breaks with a page marker (``3/7``) after a row: ``…0 0 03/7四、…`` read the
    marker's 3 as the row's 总计, so that row's seven cells were missing."""
    report = gr.parse(SEEDS[2])
    lines = render(report, "tab-separated").split("\n")
    row = next(at for at, line in enumerate(lines) if "结转下年度继续办理" in line)
    lines.insert(row + 1, "3/7")
    flat = "".join(" ".join(cell for cell in line.split("\t") if cell) for line in lines)
    assert "结转下年度继续办理 0 0 0 0 0 0 03/7四、" in flat
    assert gr.parse(flat).flat() == report.flat()


def test_a_misspelt_numbered_label_is_not_the_rest_of_a_blank_row_above() -> None:
    """``（七）总计`` misspelt ``（七计`` (the ``）总`` lost) under a blank ``3. 其他``: its
    unclosed bracket read as a note, so it joined the label above as its wrapped rest, and
    the 总计 row's 45 3 0 0 2 1 51 went into 其他's cells as printed (found by the thorough
    profile of the blank-zeros and misspelt-labels property). A numbered label is its own
    row's start: the row is now unplaced, with a diagnostic."""
    text = (WRITTEN / "2021_tab_separated.txt").read_text(encoding="utf-8")
    intact = gr.parse(text).flat()
    damaged = text.replace("\t3. 其他\t0\t0\t0\t0\t0\t0\t0", "\t3. 其他" + "\t" * 7)
    damaged = damaged.replace("（七）总计\t\t45", "（七计\t\t45")
    assert damaged.count("（七计") == 1 and "\t3. 其他\t\t" in damaged
    report = gr.parse(damaged)
    read = report.flat()
    assert {key: value for key, value in read.items() if value not in (None, intact[key])} == {}
    assert read["applications.other.other.natural_person"] != 45
    assert "unknown-label" in {d.code for d in report.diagnostics}


def test_a_money_value_with_a_spaced_unit() -> None:
    assert convert("12.5 万元", "money", None) == (Decimal("12.5"), None)
    assert convert("125000 元", "money", None) == (Decimal("12.5"), None)


def test_page_markers_inside_a_table_are_dropped() -> None:
    """A PDF footer between two rows of cells was read as the next row's first cell."""
    text = render(REPORT, "row-per-cell")
    marked = text.replace("\n\n\t\n\t（二）部分公开", "\n\n- 4 -\n\t\n\t（二）部分公开")
    marked = marked.replace("\n\n\t四、结转下年度", "\n\n第 3 页 共 5 页\n\t四、结转下年度")
    assert marked.count("页") == text.count("页") + 2 and "- 4 -" in marked
    report = gr.parse(marked)
    assert report.flat() == REPORT.flat()
    assert not [d for d in report.diagnostics if d.severity != "info"]


def test_a_line_without_pipes_in_a_markdown_table() -> None:
    """A wrapped cell on a line of its own inside a pipe table crashed the markdown layout."""
    row = "\n|  | （二）部分公开"
    text = render(REPORT, "markdown").replace(row, "\n续表" + row)
    assert gr.parse(text).flat() == REPORT.flat()


def test_a_row_label_run_together_with_its_group_labels() -> None:
    """Merged cells whose border was lost: the row was not found and its values unplaced."""
    text = TEXT.replace("三、本年度办理结果\t（一）予以公开", "三、本年度办理结果（一）予以公开\t")
    text = text.replace("（三）不予公开\t1.属于国家秘密", "（三）不予公开 1.属于国家秘密\t")
    assert "结果（一）予以公开\t\t\t1\t0" in text and "公开 1.属于国家秘密\t\t0" in text
    report = gr.parse(text)
    assert report.flat()["applications.granted.natural_person"] == 1
    assert report.flat() == REPORT.flat()


def test_a_row_with_a_not_given_cell_is_never_placed_wrongly() -> None:
    """Section 四 lost two values of 未经复议直接起诉 (3 and 2 of 2 1 3 2 8) and prints
    复议后起诉's 结果纠正 as ``—``. The true reading was once rejected (``—`` taken for a count
    its rule would make negative), and the one reading left gave 8 and 5 to the wrong group;
    a reading that hides a rule behind ``—`` can also beat a true one whose totals do not add
    up. A row with a placeholder is now never placed: its cells are missing, and said so."""
    row = "\t".join(["0"] * 15)
    text = TEXT.replace(row, "9\t7\t6\t5\t27\t2\t1\t8\t5\t—\t1\t4\t10")
    assert text != TEXT
    truth = dict(
        zip(
            ["review", "litigation_direct", "litigation_after_review"],
            [(9, 7, 6, 5, 27), (2, 1, 3, 2, 8), (5, None, 1, 4, 10)],
            strict=True,
        )
    )
    report = gr.parse(text)
    values = report.flat()
    for group, numbers in truth.items():
        for outcome, number in zip(
            ("upheld", "corrected", "other", "pending", "total"), numbers, strict=True
        ):
            got = values[f"appeals.{group}.{outcome}"]
            assert got is None or got == number, (group, outcome, got)
    assert "values-unplaced" in {d.code for d in report.diagnostics}


def test_a_row_of_values_is_never_taken_for_a_page_marker() -> None:
    """``3\t/\t5``, a row of values alone, once matched the page-number pattern ``3/5``
    and was dropped from its table without a word."""
    lines = ["二、主动公开政府信息情况", "\t\t规章", "3\t/\t5", "- 2 -", "行政许可\t1"]
    tables = list(skeleton.split(lines).sections[2].lines("table"))
    assert tables == [range(1, 3), range(4, 5)]


def test_a_repeated_title_is_a_page_header_only_on_a_line_of_its_own() -> None:
    """Word's PDFs repeat the title at the top of each page: such a line inside a table is
    dropped; a line with a tab is a row, even one naming the report."""
    header = "某县2020年政府信息公开工作年度报告"
    lines = ["二、主动公开政府信息情况", "规章\t1", header, "行政许可\t2", header, "行政处罚\t3"]
    assert list(skeleton.split(lines).sections[2].lines("table")) == [
        range(1, 2),
        range(3, 4),
        range(5, 6),
    ]
    tabbed = ["二、主动公开政府信息情况", "规章\t1", "年报\t2", "行政许可\t2", "年报\t2"]
    assert list(skeleton.split(tabbed).sections[2].lines("table")) == [range(1, 5)]


def test_a_long_line_inside_a_table_is_skipped() -> None:
    row = "行政许可\t0\t0\t0"
    assert row in TEXT
    text = TEXT.replace(row, row + "\n" + "行政处罚\t9\t9\t9" + " " * 10_001)
    report = gr.parse(text)
    assert report.flat() == REPORT.flat()
    found = [d for d in report.diagnostics if d.code == "line-too-long"]
    assert len(found) == 1 and TEXT.split("\n")[found[0].line - 2] == row


def test_the_last_of_too_many_cells_is_stripped() -> None:
    """Past ``MAX_CELLS_PER_ROW`` the last cell is the rest of the line, tabs included: the
    fast path of ``split_tabs`` kept it unstripped, so a 5 became not a number."""
    line = "x" + "\t" * 300 + "5"
    cells = split_tabs(line, 1)
    assert len(cells) == MAX_CELLS_PER_ROW + 1
    assert cells[-1] == ("5", 1, 302)


def test_a_count_too_long_for_any_real_report_is_invalid() -> None:
    """Comma groups let a number pass the 15-digit cap: 9,999,…,999 became a count no int64
    (Parquet) holds. It is now an invalid value, not a number."""
    huge = "9,999,999,999,999,999,999"
    assert convert(huge, "count", None) == (None, "invalid-value")
    assert convert("999,999,999,999,999", "count", None) == (999_999_999_999_999, None)
    assert convert("1234567890123456.5", "money", "万元") == (None, "invalid-value")
    text = TEXT.replace("\t208216.5\n", f"\t{huge}\n")
    assert text != TEXT
    report = gr.parse(text)
    assert report.flat()["proactive.procurement.amount"] is None
    assert "invalid-value" in {d.code for d in report.diagnostics}


def test_a_number_too_long_to_be_a_count_keeps_its_place_in_the_row() -> None:
    """Sixteen digits were a label, not a number: the row 本年新收 then had six values for
    seven columns, and the rules placed them, moving 自然人's printed 0 to "derived". The
    long number is an invalid value in its own column; the rest stay where printed."""
    assert cells.cell_kinds(["1000000000000000", "9" * 15]) == cells.NUMBER * 2
    assert cells.number("1000000000000000") is None
    row = next(line for line in TEXT.splitlines() if line.startswith("一、本年新收"))
    values = row.split("\t")
    long_row = "\t".join([*values[:-1], "1000000000000000"])
    report = gr.parse(TEXT.replace(row, long_row))
    assert report.cell("applications.new.total").value is None
    for key in ("natural_person", "commercial_enterprise", "other_organisation"):
        printed = REPORT.cell(f"applications.new.{key}")
        assert (
            report.cell(f"applications.new.{key}").value,
            report.cell(f"applications.new.{key}").provenance,
        ) == (printed.value, "parsed")
    assert "invalid-value" in {d.code for d in report.diagnostics}


def test_row_per_cell_sniffs_long_cells_as_before() -> None:
    """The one-cell pattern was quadratic on a long line with a second tab (``benchmarks/
    bench_scaling.py``, shape ``long-cells``, shows the time); what it accepts is unchanged."""
    sniff = layouts.get("row-per-cell").sniff
    assert sniff(["\t" + "a" * 5000 + "\tb"], 7) == 0.0
    assert sniff(["\t " + "a" * 5000, "\t", "", "x\ty", "\t\t"], 7) == 0.5


def test_long_texts_are_not_memoised() -> None:
    """Memos are bounded in entries and, by ``MAX_MEMO_CHARS``, in the size of each."""
    long = "标签" * MAX_MEMO_CHARS
    assert cells.cell_kinds([long, "7"]) == "LN"
    assert long not in cells._KINDS and "7" in cells._KINDS
    assert normalise_label(f"（一）{long}") == long and normalise_label("（一）标签") == "标签"
    assert f"（一）{long}" not in matching._NORMALISED and "（一）标签" in matching._NORMALISED


def test_a_memo_is_cleared_when_full_and_never_keeps_a_long_key() -> None:
    memo = Memo(str.upper, len)
    for number in range(MEMO_ENTRIES):
        assert memo[str(number)] == str(number)
    assert len(memo) == MEMO_ENTRIES
    assert memo["x"] == "X" and len(memo) == 1  # full: cleared, then the new key kept
    long = "a" * (MAX_MEMO_CHARS + 1)
    assert memo[long] == long.upper() and long not in memo
    labels = ("标签" * MAX_MEMO_CHARS,)  # a row's labels count together
    assert not applications._PLANS["2021", labels].keys
    assert ("2021", labels) not in applications._PLANS


def test_a_weighed_memo_keeps_what_its_calls_hold_under_its_budget() -> None:
    """The solver's memos were ``lru_cache``s of 1,024 calls, each holding a unit's options:
    a long run of one-line reports grew to a GB (issue 48). Now what they keep is weighed."""
    computed: list[tuple[int, ...]] = []

    @weighed(lambda result, items: len(items))
    def total(items: tuple[int, ...]) -> int:
        computed.append(items)
        return sum(items)

    light, heavy = (1, 2, 3), tuple(range(MEMO_WEIGHT // 4 + 1))
    assert total(light) == total(light) == 6 and computed == [light]  # kept
    assert total(heavy) == total(heavy) and computed[1:] == [heavy, heavy]  # never kept
    part = tuple(range(MEMO_WEIGHT // 4))
    for first in range(4):  # four calls of a quarter each fill the budget, light's with them
        total((first, *part[1:]))
    assert total(light) == 6 and computed[-1] == light  # cleared when the budget was passed


def test_the_lines_of_a_space_aligned_table_are_measured_in_bounded_memory() -> None:
    """Each line's display columns were kept in an ``lru_cache`` of 1,024 lines: a table of
    lines of 7,200 characters kept 370 MB until the next table (issue 48, every memo
    bounded). The memo is weighed by the lines' characters now: a line is measured once,
    and let go once longer lines than the memo's weight came after it."""
    first = "行政许可 0  " * 900
    widths = space_aligned._widths(first)
    assert len(widths) == len(first) + 1 and space_aligned._widths(first) is widths
    for number in range(1, 40):  # 40 lines of 7,200 characters: past MEMO_WEIGHT
        space_aligned._widths(f"行政许可 {number}  " * 900)
    assert 40 * len(first) > MEMO_WEIGHT
    assert space_aligned._widths(first) is not widths


def test_a_long_label_is_not_compared_letter_by_letter_with_every_row() -> None:
    """Fuzzy matching compared a 1,500-character cell with every canonical label (quadratic
    each; seconds for a section of such lines, ``bench_scaling.py`` shape ``long-cells``);
    candidates whose similarity bound is too low are now skipped, with the same results."""
    match = matcher("2021", "applications").match
    assert match("测" * 1500) == ("unknown", None)
    assert (
        match("属于第三类内部事务信息")
        == match("属于三类内部事务信息")
        == ("row", "denied.internal_affairs")
    )


def test_a_gzipped_tar_cut_inside_its_header_is_one_unreadable_document(tmp_path: Path) -> None:
    """Found by the thorough fuzz profile: tarfile raises TypeError (not a TarError) when a
    gzip header stops after three bytes, and the listing raised it."""
    archive = tmp_path / "cut.tar.gz"
    archive.write_bytes(b"\x1f\x8b\x08")
    (document,) = gr.documents(archive)
    assert document.unreadable == (
        f"cannot read {archive}: damaged (TypeError: ord() expected a character, but string "
        "of length 0 found)"
    )


def _appeals(report: gr.Report) -> dict[str, tuple[object, str]]:
    return {
        f.key: (report.cell(f.key).value, report.cell(f.key).provenance)
        for f in gr.fields(report.template)
        if f.section == "appeals"
    }


def test_values_dropped_from_the_front_of_section_4_are_never_given_to_its_first_cells() -> None:
    """The old placement stopped at 512 readings, all of which put the first value in the
    first cell: with the five 行政复议 values dropped, 未经复议直接起诉's 3 became
    appeals.review.upheld, ``parsed``. Ten values for fifteen cells fit many ways: none of
    the fifteen is certain."""
    seed = SEEDS[2].read_text(encoding="utf-8")
    zeros = "\t".join(["0"] * 15)
    values = ["1", "0", "0", "0", "1", "3", "1", "0", "0", "4", "0", "2", "1", "0", "3"]
    whole = gr.parse(seed.replace(zeros, "\t".join(values)))
    assert [value for value, _ in _appeals(whole).values()] == list(map(int, values))
    cut = gr.parse(seed.replace(zeros, "\t".join(values[5:])))
    assert set(_appeals(cut).values()) == {(None, "missing")}
    assert "values-unplaced" in {d.code for d in cut.diagnostics}


@pytest.mark.parametrize("blank", ["\t\t\t\t\t\t\t\t", ""], ids=["blank-cells", "label-only"])
def test_a_blank_total_row_never_takes_the_values_of_the_row_after_it(blank: str) -> None:
    """（七）总计 printed with no values, right above 结转下年度继续办理: the values below are
    that row's, never read into the total row. Printed as a row of blank cells as wide as
    the table, the total row is blank (the report left it so: never derived as another
    number); printed as a label alone, its values are lost and derived from the rules (here
    each column's outcome rows)."""
    text = (WRITTEN / "2021_tab_separated.txt").read_text(encoding="utf-8")
    printed = "（七）总计\t\t45\t3\t0\t0\t2\t1\t51\t"
    assert text.count(printed) == 1
    report = gr.parse(text.replace(printed, "（七）总计" + blank))
    columns = [*labels.APPLICANT_COLUMNS]
    carried = [report.cell(f"applications.carried_forward.{c}") for c in columns]
    assert [(c.value, c.provenance) for c in carried] == [
        (v, "parsed") for v in (3, 1, 0, 0, 0, 0, 4)
    ]
    total = [report.cell(f"applications.total.{c}") for c in columns]
    if blank:
        assert all(c.blank for c in total)
        # (the report breaks two rules elsewhere, so no blank is proven 0 either)
        assert [(c.value, c.provenance) for c in total] == [(None, "blank")] * 7
    else:
        assert [(c.value, c.provenance) for c in total] == [
            (v, "derived") for v in (45, 3, 0, 0, 2, 1, 51)
        ]


@pytest.mark.parametrize("where", ["tab-separated", "markdown", "box-grid"])
@pytest.mark.parametrize(
    ("key", "letter"),
    [("appeals.review.upheld", "s"), ("applications.granted.natural_person", "l")],
)
def test_a_letter_alone_in_a_value_cell_is_no_label(where: str, key: str, letter: str) -> None:
    """A value cell OCR read as one Latin letter (``s`` for 5, ``l`` for 1) was a label: in
    section 四 the row was one value short and placed by its sums, every value after it a
    column off; in section 三 the letter was the row's label and its values moved a column
    (issue 48, found by ``benchmarks/damage_real.py``). It holds its cell's place, which is
    missing (``invalid-value``)."""
    values = {field.key: 0 for field in gr.fields("2021")}
    for group in ("appeals.review", "appeals.litigation_after_review"):
        values |= {f"{group}.upheld": 5, f"{group}.corrected": 1, f"{group}.total": 6}
    for row in ("granted", "total", "new"):
        values |= {f"applications.{row}.natural_person": 1, f"applications.{row}.total": 1}
    report = gr.Report.from_values(
        values, template="2021", organisation="某某区人民政府", year=2023
    )
    back = gr.parse(damage.rendered(report, {key: letter}, where))
    assert back.cell(key).value is None
    assert "invalid-value" in {d.code for d in back.diagnostics if key in d.keys}
    assert damage.wrong_cells(back, report.flat(), {key: None}) == {}


@pytest.mark.parametrize("printed", ["149以上", "12左右", "30以下"])
@pytest.mark.parametrize("where", ["tab-separated", "markdown"])
def test_a_number_then_a_bound_is_no_label(printed: str, where: str) -> None:
    """``149以上`` in 其他对外管理服务事项's first cell was a label, a local sub-row: the
    row's 本年增/减 was then read as its 上一年项目数量, a wrong number nothing named (issue
    48, found by ``benchmarks/damage_real.py``). A number then a bound or an approximation is
    a value cell that is no count (``invalid-value``), as ``约12`` is."""
    row = "proactive.other_services"
    values = {field.key: 0 for field in gr.fields("2019")}
    values |= {f"{row}.previous_items": 144, f"{row}.change": 5, f"{row}.decisions": 149}
    report = gr.Report.from_values(values, template="2019", organisation="梧川市商务局", year=2020)
    key = f"{row}.previous_items"
    back = gr.parse(damage.rendered(report, {key: printed}, where))
    assert back.cell(key).value is None
    assert "invalid-value" in {d.code for d in back.diagnostics if key in d.keys}
    assert damage.wrong_cells(back, report.flat(), {key: None}) == {}


def test_values_apart_after_a_run_glued_to_its_label_stay_in_its_row() -> None:
    """Cells run together, blank cells ``&nbsp;`` and some values padded with one: 属于三类
    内部事务信息 (0 0 0 0 0 1 1) printed as ``…信息00`` and ``00011``. The run glued to the
    label could be cut no way into the row's other six cells, only into fewer values with
    blank cells among them, and those readings spread it over all seven cells, the value
    printed apart left out: 其他 and 总计 were read 0 (found by the thorough profile of
    ``test_an_uncertain_cell_is_never_a_wrong_number[tables_run_together]``)."""
    values = REPORT.flat()
    for row in ("applications.denied.internal_affairs", "applications.total", "applications.new"):
        for column in ("other_organisation", "total"):
            values[f"{row}.{column}"] += 1
    report = gr.Report.from_values(
        {key: value for key, value in values.items() if value is not None},
        template=REPORT.template,
        organisation=REPORT.organisation,
        year=REPORT.year,
        published=REPORT.published,
    )
    text = render(report, "tab-separated")
    row = "\t\t5.属于三类内部事务信息\t0\t0\t0\t0\t0\t1\t1"
    assert row in text
    back = gr.parse(text.replace(row, "\t\t5.属于三类内部事务信息00\t00011"))
    truth = report.flat()
    keys = [key for key in truth if key.startswith("applications.denied.internal_affairs.")]
    got = back.flat()
    assert {key: got[key] for key in keys if got[key] not in (None, truth[key])} == {}
    missing = {key for key in keys if got[key] is None}
    assert missing
    assert any(missing.intersection(d.keys) for d in back.diagnostics if d.severity != "info")
    assert "rule-violation" not in {d.code for d in back.diagnostics}


def test_label_lines_with_digits_after_the_last_heading_but_no_value_do_not_crash() -> None:
    """The thorough profile (seed 90210) wrote section 四's heading, then 五's prose heading
    followed by a tab line whose label holds digits (``1.信访举报投诉类申请``) and a group
    label: no line there is a value alone, and looking for the last value section 四 runs
    on over raised ``max() arg is an empty sequence``. The text parses."""
    text = (
        "二、主动公开政府信息情况\n四、政府信息公开行政复议、行政诉讼情况\n\t\n"
        "五、存在的主要问题及改进情况\n\t\t\t\t\t1.信访举报投诉类申请\t1\t0\t0\t0\t0\t0\t1\n"
        "\t行政复议\n六、其他需要报告的事项\n"
    )
    try:
        report = gr.parse(text)
    except gr.ParseError:
        return  # refused as no report: no value, so nothing wrong
    assert report.cell("appeals.review.total").value in (None, 0)
