"""Collapsed cells: a row's values run together into one token (``行政许可3960181``). The
digits are cut back into values only where the consistency rules leave one way; otherwise
the cells are missing with a warning, never a wrong number."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.structure import collapsed
from govinfo_report.structure.layouts import Row

from conftest import SEEDS, WRITTEN, scaled, wrong
from strategies import reports

SEED = SEEDS[2].read_text(encoding="utf-8")  # 2019 template, tab-separated, all zeros
WRITTEN_2021 = (WRITTEN / "2021_tab_separated.txt").read_text(encoding="utf-8")
NEW_2021 = "一、本年新收政府信息公开申请数量\t\t46\t4\t0\t0\t2\t1\t53"  # line 46


def _edit(text: str, old: str, new: str) -> gr.Report:
    assert text.count(old) == 1
    return gr.parse(text.replace(old, new))


def _row(report: gr.Report, section: str, row: str) -> list[tuple[object, str]]:
    return [
        (report.cell(f.key).value, report.cell(f.key).provenance)
        for f in gr.fields(report.template)
        if f.section == section and f.row == row
    ]


def _codes(report: gr.Report) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for d in report.diagnostics:
        found.setdefault(d.code, []).append(d.message)
    return found


def test_a_collapsed_row_is_cut_where_the_rules_leave_one_way() -> None:
    # 46 4 0 0 2 1 53 run together: 16 ways to cut 464002153 into 7 numbers; the row sum
    # and each column's balance (总计 + 结转下年度 = 本年新收 + 上年结转) leave one.
    report = _edit(WRITTEN_2021, NEW_2021, "一、本年新收政府信息公开申请数量464002153")
    assert _row(report, "applications", "new") == [
        (46, "derived"),
        (4, "derived"),
        (0, "derived"),
        (0, "derived"),
        (2, "derived"),
        (1, "derived"),
        (53, "derived"),
    ]
    cell = report.cell("applications.new.total")
    assert (cell.raw, cell.line, cell.column) == ("53", 46, 24)
    assert cell.rule == (
        "collapsed cell split: applications.balance.total, applications.row-sum.new"
    )
    assert _codes(report)["collapsed-cell-split"] == [
        "本年新收政府信息公开申请数量: 464002153 holds 7 values run together; of the 16 ways "
        "to cut it, the consistency rules leave one reading; its cells are derived from it"
    ]
    # The rules that chose the cut check nothing; the report's own typo is still found.
    assert {check.rule for check in gr.validate(report).violated} == {
        "applications.row-sum.partially_granted",
        "applications.outcomes.total",
    }


def test_a_collapsed_row_of_a_real_report() -> None:
    report = _edit(SEED, "(一) 予以公开\t0\t0\t0\t0\t0\t0\t0", "(一) 予以公开0000000")
    assert _row(report, "applications", "granted") == [(0, "derived")] * 7
    assert set(_codes(report)) - set(_codes(gr.parse(SEED))) == {
        "collapsed-cell-split",
        "rule-not-assessable",
    }  # the rules that chose the cut


def test_an_error_of_the_report_does_not_choose_a_way() -> None:
    # 予以公开 11 6 0 0 0 0 17 run together: 1 16 0 0 0 0 17 keeps the row sum too. The report
    # misprints 总计 自然人 as 1, so the true way breaks column 自然人's sum, and the wrong one
    # keeps it; column 商业企业 cannot be checked (其他处理 prints — there). The broken rules
    # choose nothing: the row's own sum keeps both ways, so only the cells they agree on stand.
    values: dict[str, int | None] = {
        f.key: 0 for f in gr.fields("2019") if f.section == "applications"
    }
    for row in ("new", "granted", "total"):
        values |= {
            f"applications.{row}.natural_person": 11,
            f"applications.{row}.commercial_enterprise": 6,
            f"applications.{row}.total": 17,
        }
    values |= {
        "applications.total.natural_person": 1,
        "applications.other.commercial_enterprise": None,
    }
    text = gr.render(gr.Report.from_values(values, template="2019", year=2019), "tab-separated")
    line = next(line for line in text.split("\n") if "予以公开" in line)
    report = gr.parse(text.replace(line, _collapse(line)))
    assert _row(report, "applications", "granted") == [
        (None, "missing"),
        (None, "missing"),
        *[(0, "derived")] * 4,
        (17, "derived"),
    ]
    assert _codes(report)["collapsed-cell"] == [
        "予以公开: 116000017 holds 7 values run together; of the 7 ways to cut it, its row's "
        "own rules (the rules linking the rows do not hold together) do not single out one "
        "(its digits could also be fewer values: blank cells leave no trace), so the uncertain "
        "cells are missing"
    ]
    assert "applications.row-sum.total" in {c.rule for c in gr.validate(report).violated}


def test_values_printed_apart_stay_parsed() -> None:
    # The label ran into the first value only: 46 is the one number left for one cell, its
    # start and end shown by the label and the tab, so it is printed (parsed) like the rest.
    report = _edit(WRITTEN_2021, NEW_2021, NEW_2021.replace("\t\t46", "46"))
    assert _row(report, "applications", "new") == [
        (value, "parsed") for value in (46, 4, 0, 0, 2, 1, 53)
    ]
    assert "collapsed-cell-split" not in _codes(report)


def test_an_ambiguous_collapsed_cell_is_left_missing() -> None:
    # 2019 section 二 has no consistency rule: each of the 11 ways to cut 3960181 into
    # 上一年项目数量, 本年增/减 and 处理决定数量 fits.
    before = gr.parse(SEED)
    report = _edit(SEED, "行政许可\t0\t0\t0", "行政许可3960181")
    licensing = [f.key for f in gr.fields("2019") if f.row == "licensing"]
    assert [(report.cell(key).value, report.cell(key).provenance) for key in licensing] == [
        (None, "missing")
    ] * 3
    assert _codes(report)["collapsed-cell"] == [
        "行政许可: 3960181 holds 3 values run together; of the 11 ways to cut it, the "
        "consistency rules do not single out one (its digits could also be fewer values: "
        "blank cells leave no trace), so the uncertain cells are missing"
    ]
    changed = {
        key
        for key, value in report.flat().items()
        if (value, report.cell(key).provenance) != (before.flat()[key], before.cell(key).provenance)
    }
    assert changed == set(licensing)


def test_digits_that_could_be_fewer_values_need_a_rule() -> None:
    # 105 cuts into three numbers one way only (1 0 5), but it may also be 105 with two blank
    # cells gone (blank cells leave no trace); 005 can only be 0 0 5.
    doubtful = _edit(SEED, "行政许可\t0\t0\t0", "行政许可105")
    assert _row(doubtful, "proactive", "licensing") == [(None, "missing")] * 3
    assert "could also be fewer values" in _codes(doubtful)["collapsed-cell"][0]
    certain = _edit(SEED, "行政许可\t0\t0\t0", "行政许可005")
    assert _row(certain, "proactive", "licensing") == [
        (0, "derived"),
        (0, "derived"),
        (5, "derived"),
    ]
    assert certain.cell("proactive.licensing.decisions").rule == (
        "collapsed cell split: the only split"
    )


def test_digits_beside_a_full_row_are_values_too_many() -> None:
    report = _edit(SEED, "行政许可\t0\t0\t0", "行政许可12\t0\t0\t0")
    assert _row(report, "proactive", "licensing") == [(None, "missing")] * 3
    assert _codes(report)["extra-values"] == [
        "行政许可: a collapsed cell '12' and 3 more values for 3 columns; none placed"
    ]


def test_a_collapsed_section_四() -> None:
    report = _edit(SEED, "\t".join("0" * 15), "0" * 15)
    assert {report.cell(key).provenance for key in report.appeals.keys} == {"derived"}
    assert set(report.appeals.values) == {0}


@pytest.mark.parametrize(
    ("digits", "why"),
    [
        ("7" * 500, "a collapsed cell of 500 digits, more than the 30 that are cut"),
        (
            "1" * 30,
            "a collapsed cell '111111111111111111111111111111': 453,999 ways to cut it "
            "into 7 numbers, more than the 20,000 that are tried",
        ),
    ],
)
def test_runs_that_are_not_cut(digits: str, why: str) -> None:
    report = _edit(SEED, "(一) 予以公开\t0\t0\t0\t0\t0\t0\t0", f"(一) 予以公开{digits}")
    assert _row(report, "applications", "granted") == [(None, "missing")] * 7
    assert _codes(report)["collapsed-cell"] == [f"予以公开: {why}; its cells are missing"]


def test_a_run_too_short_for_its_cells_is_read_with_blank_cells_or_not_at_all() -> None:
    """Six digits for seven cells: only readings with blank cells among the values are
    left, and none lets the row add up (1+2+3+4+5 is no 6, nor is any other cut)."""
    report = _edit(SEED, "(一) 予以公开\t0\t0\t0\t0\t0\t0\t0", "(一) 予以公开123456")
    assert _row(report, "applications", "granted") == [(None, "missing")] * 7
    assert _codes(report)["collapsed-cell"] == [
        "予以公开: 123456 holds fewer values than its 7 cells, run together; no reading of "
        "them lets its row's rules hold, so its cells are missing"
    ]


@pytest.mark.parametrize(
    ("text", "label", "runs"),
    [
        ("行政许可3960181", "行政许可", ("3960181",)),
        ("行政许可 39", "行政许可 ", ("39",)),
        ("7" * 20, None, ("7" * 20,)),
        ("行政许可3", "行政许可3", ()),  # one digit may be a note mark
        ("行政事业性收费58.46", "行政事业性收费58.46", ()),  # a decimal is not a run
        ("本年增/减-12", "本年增/减-12", ()),
    ],
)
def test_what_a_collapsed_cell_is(text: str, label: str | None, runs: tuple[str, ...]) -> None:
    row, found = collapsed.take(Row(((text, 5, 3),), (), 5), lambda label: True)
    assert [cell[0] for cell in row.labels] == ([label.strip()] if label else [])
    assert tuple(cell[0] for cell in found) == runs
    assert all(cell[2] == 3 + text.index(cell[0]) for cell in found)


def test_text_no_label_of_the_section_is_never_cut_off_digits() -> None:
    # 约为 (about) is no label: after the row's first value, 约为39 is a value cell whose text
    # is no number (missing, quoted); before it, a label cell whole. Its digits are no run.
    known = {"行政许可"}.__contains__
    row = Row((("行政许可", 5, 0),), (("7", 5, 9),), 5)
    after, found = collapsed.take(row._replace(labels=(*row.labels, ("约为39", 5, 12))), known)
    assert (after.labels, after.values, found) == (
        (("行政许可", 5, 0),),
        (("7", 5, 9), ("约为39", 5, 12)),
        (),
    )
    before, found = collapsed.take(Row((("约为39", 5, 0),), (("7", 5, 9),), 5), known)
    assert (before.labels, before.values, found) == ((("约为39", 5, 0),), (("7", 5, 9),), ())


def test_the_ways_to_cut() -> None:
    # 1001 in three numbers: 10 0 1 (1 00 1 and 1 0 01 have leading zeros); in fewer: 1001,
    # 100 1.
    cuts = collapsed.cut(("1001", 4, 9), 3, 512)
    assert cuts.ways == ((("10", 4, 9), ("0", 4, 11), ("1", 4, 12)),)
    assert (cuts.count, cuts.fewer) == (1, True)
    assert collapsed.cut(("000", 1, 1), 3, 512).fewer is False


def test_a_tail_that_is_the_whole_run_is_not_cut_off() -> None:
    # "\xa00" less its last character is a no-break space alone: no text to cut, so only
    # the run itself is: a blank cell (its no-break space) and a 0, which one number cannot
    # hold and two can.
    assert collapsed.cut(("\xa00", 2, 5), 1, 512, tail=1) == collapsed.Cuts(0, (), False)
    assert collapsed.cut(("\xa00", 2, 5), 2, 512, tail=1).ways == ((("", 2, 5), ("0", 2, 6)),)


def test_counts_that_all_print_their_unit_end_at_it() -> None:
    # 48项12条 in three counts: 4, 8项 and 12条 would leave one count without the unit every
    # other prints; in two, 48项 and 12条, each ending at its unit.
    texts = [
        lambda cuts: [tuple(text for text, _, _ in way) for way in cuts.ways],
        lambda cuts: (cuts.count, cuts.fewer),
    ]
    cuts = collapsed.cut(("48项12条", 3, 7), 3, 512, counts=True)
    assert [show(cuts) for show in texts] == [[], (0, True)]
    assert texts[0](collapsed.cut(("48项12条", 3, 7), 2, 512, counts=True)) == [("48项", "12条")]
    # a signed change prints no unit: 7项, +3 and 15件 is a reading of 7项+315件
    signed = collapsed.cut(("7项+315件", 3, 7), 3, 512)
    assert ("7项", "+3", "15件") in texts[0](signed)
    # a row whose counts are not all printed with a unit may print one without it
    assert ("4", "8", "12条") in texts[0](collapsed.cut(("4812条", 3, 7), 3, 512, counts=True))


def test_the_ways_to_cut_come_in_order_where_they_share_their_ends() -> None:
    # 12345 in four numbers, the shortest first number first: 1 23 and 12 3 both leave 45
    # for two numbers, each then cut 4 5.
    cuts = collapsed.cut(("12345", 2, 5), 4, 512)
    assert [tuple(text for text, _, _ in way) for way in cuts.ways] == [
        ("1", "2", "3", "45"),
        ("1", "2", "34", "5"),
        ("1", "23", "4", "5"),
        ("12", "3", "4", "5"),
    ]
    assert cuts.ways[2] == (("1", 2, 5), ("23", 2, 6), ("4", 2, 8), ("5", 2, 9))
    assert cuts.ways[3][2:] == (("4", 2, 8), ("5", 2, 9))


# --- Property: collapsed rows of rendered reports --------------------------------------

_VALUE = re.compile(r"\d+")


def _collapsible(line: str) -> bool:
    """A rendered row of section 三 or 四 whose values are all printed numbers."""
    cells = [cell for cell in line.split("\t") if cell]
    values = [cell for cell in cells if _VALUE.fullmatch(cell)]
    return len(values) >= 7 and all(_VALUE.fullmatch(cell) for cell in cells[-len(values) :])


def _collapse(line: str) -> str:
    """The row with its label and values run together into one cell."""
    cells = line.split("\t")
    first = next(i for i, cell in enumerate(cells) if _VALUE.fullmatch(cell))
    head = cells[:first]
    while head and not head[-1]:
        head.pop()
    digits = "".join(cell for cell in cells[first:] if cell)
    return "\t".join([*head[:-1], head[-1] + digits] if head else [digits])


@st.composite
def collapsed_reports(draw: st.DrawFn) -> tuple[gr.Report, str]:
    """A rendered report with one or two rows of section 三 or 四 collapsed."""
    report = draw(reports())
    lines = gr.render(report, "tab-separated").split("\n")
    start = next(i for i, line in enumerate(lines) if "勾稽关系" in line)
    rows = [i for i in range(start, len(lines)) if _collapsible(lines[i])]
    picked = draw(st.lists(st.sampled_from(rows), min_size=1, max_size=2, unique=True))
    for i in picked:
        lines[i] = _collapse(lines[i])
    return report, "\n".join(lines)


@scaled(1)
@given(collapsed_reports())
def test_collapsed_rows_give_true_values_or_none(case: tuple[gr.Report, str]) -> None:
    report, text = case
    back = gr.parse(text)
    assert wrong(back, report.flat()) == {}
    codes = {d.code for d in back.diagnostics}
    # Never silent. (A collapsed last row of section 三 has no tab left: the table ends
    # before it, and its row is reported missing.)
    assert codes & {"collapsed-cell", "collapsed-cell-split", "row-missing"}
    assert "rule-violation" not in codes


def test_a_run_certain_by_its_own_row_is_placed_in_a_report_that_does_not_add_up() -> None:
    # Issue 26: a report whose printed rows contradict each other (予以公开 gives 11 natural
    # persons, 总计 1) lost every run of its section 三. 0000000 cuts into seven numbers one
    # way only, whatever the rules say. 100000010 cuts two ways (10 0 0 0 0 0 10 and
    # 100 0 0 0 0 1 0); its row's own sum keeps one. The broken column rules choose nothing.
    values: dict[str, int | None] = {
        f.key: 0 for f in gr.fields("2019") if f.section == "applications"
    }
    values |= {
        "applications.granted.natural_person": 11,
        "applications.granted.commercial_enterprise": 6,
        "applications.granted.total": 17,
        "applications.not_processed.repeated.natural_person": 10,
        "applications.not_processed.repeated.total": 10,
    }
    for row in ("new", "total"):
        values |= {
            f"applications.{row}.natural_person": 1,
            f"applications.{row}.commercial_enterprise": 6,
            f"applications.{row}.total": 7,
        }
    text = gr.render(gr.Report.from_values(values, template="2019", year=2019), "tab-separated")
    for label in ("部分公开", "重复申请", "结转下年度继续办理"):
        line = next(line for line in text.split("\n") if label in line)
        text = text.replace(line, _collapse(line))
    report = gr.parse(text)
    assert _row(report, "applications", "partially_granted") == [(0, "derived")] * 7
    assert _row(report, "applications", "not_processed.repeated") == [
        (value, "derived") for value in (10, 0, 0, 0, 0, 0, 10)
    ]
    assert report.cell("applications.not_processed.repeated.total").rule == (
        "collapsed cell split: applications.row-sum.not_processed.repeated"
    )
    assert _row(report, "applications", "granted")[0] == (11, "parsed")
    split = {m.split(":")[0]: m for m in _codes(report).get("collapsed-cell-split", [])}
    assert split["部分公开"] == (
        "部分公开: 0000000 holds 7 values run together; it cuts one way only (the rules "
        "linking the rows do not hold together); its cells are derived from it"
    )
    assert split["重复申请"] == (
        "重复申请: 100000010 holds 7 values run together; of the 2 ways to cut it, its row's "
        "own rules leave one reading (the rules linking the rows do not hold together); its "
        "cells are derived from it"
    )
    # 0000000 could be no fewer values; 结转下年度继续办理's zeros neither, and are read too.
    assert _row(report, "applications", "carried_forward") == [(0, "derived")] * 7
    violated = {check.rule for check in gr.validate(report).violated}
    assert "applications.outcomes.natural_person" in violated


def test_the_readings_with_blank_cells_that_keep_a_sum() -> None:
    # 55 for three cells whose third is the sum of the first two: cut into fewer numbers
    # with blanks (read as 0) among them, 5 _ 5 and _ 5 5 keep it; 55 alone, or 5 5 _,
    # do not. The full cut (three numbers) is no such reading: 55 has none anyway.
    third_is_the_sum = [([2], [0, 1])]
    ways = collapsed.spread(("55", 3, 10), 3, 0, third_is_the_sum, 1000)
    assert ways is not None
    assert set(ways) == {(("5", 3, 10), None, ("5", 3, 11)), (None, ("5", 3, 10), ("5", 3, 11))}
    # The last digit may be the next label's numbering (552.申请人…): the same two, and
    # none of 552's own (5 52, 55 2) keeps the sum.
    assert set(collapsed.spread(("552", 3, 10), 3, 1, third_is_the_sum, 1000) or []) == set(ways)
    # With no rule every spread counts; the search stops at its limit.
    assert len(collapsed.spread(("123", 3, 1), 3, 0, [], 1000) or []) == 3 + 3 * 2
    assert collapsed.spread(("1234567", 7, 1), 7, 0, [], 5) is None


def test_a_run_is_cut_once_for_both_readings_of_a_page() -> None:
    """A page whose blank cells are no-break spaces is read with them and without, the same
    runs of digits in both: a run is cut once (the second reading takes the first's ways),
    and its ways are those worked out afresh: ``1203`` into three counts is 1|20|3 or
    12|0|3 (a count has no leading zero: not 1|2|03)."""
    run = ("1203", 7, 11)
    first = collapsed.cut(run, 3, 100)
    assert collapsed.cut(run, 3, 100) is first
    assert first == collapsed.cut.__wrapped__(run, 3, 100)  # type: ignore[attr-defined]
    assert [tuple(text for text, _, _ in way) for way in first.ways] == [
        ("1", "20", "3"),
        ("12", "0", "3"),
    ]


def test_a_space_a_web_archive_closed_a_run_of_blank_cells_to_is_one_blank_cell_or_more() -> None:
    """A traced run's ``BLANK_RUN`` is one blank cell or more (the spaces of a run of blank
    cells closed to one), and a ``BLANK_RUN_OR_NONE`` at its end any number: ``57␣8`` in four
    cells is 57, two blank cells, 8 or 5, 7, one blank cell, 8; a leading one is a blank first
    cell; the digits between are cut as ever."""
    run, maybe = collapsed.BLANK_RUN, collapsed.BLANK_RUN_OR_NONE

    def ways(text: str, parts: int) -> set[tuple[str, ...]]:
        found = collapsed.cut((text, 1, 1), parts, 100)
        assert found.count == len(found.ways)
        return {tuple(piece for piece, _, _ in way) for way in found.ways}

    assert ways(f"57{run}8", 4) == {("57", "", "", "8"), ("5", "7", "", "8")}
    assert ways(f"5{run}7", 4) == {("5", "", "", "7")}
    assert ways(f"{run}3{maybe}", 3) == {("", "3", ""), ("", "", "3")}
    assert ways(f"12{maybe}", 2) == {("12", ""), ("1", "2")}
    assert ways(f"{run}12{run}", 3) == {("", "12", "")}
    assert ways(f"{run}12{run}", 2) == set()  # each space one blank cell at least


# --- Some way that adds up: searched, not listed -----------------------------------------


def test_some_way_finds_the_cut_that_adds_up() -> None:
    """``12012`` in three numbers is 1|20|12, 1|201|2, 12|0|12 or 120|1|2 (no number with a
    leading zero): only 12|0|12 has its third the sum of the first two (and its first the
    sum of the other two), none its second."""

    def terms(weights: tuple[int, ...]) -> collapsed.Terms:
        return lambda place, text: (weights[place] * int(text),)  # type: ignore[return-value]

    run = ("12012", 3, 0)
    assert collapsed.some_way(run, 3, 0, False, False, terms((-1, -1, 1)), (0,))
    assert collapsed.some_way(run, 3, 0, False, False, terms((1, -1, -1)), (0,))
    assert not collapsed.some_way(run, 3, 0, False, False, terms((-1, 1, -1)), (0,))
    # the sum it must come to: 1 + 20 - 12 = 9
    assert collapsed.some_way(run, 3, 0, False, False, terms((1, 1, -1)), (9,))
    # a number that counts for no way (``None``): 12|0|12 without its 0
    no_zero = lambda place, text: None if text == "0" else (int(text) * (-1, -1, 1)[place],)  # noqa: E731
    assert not collapsed.some_way(run, 3, 0, False, False, no_zero, (0,))


_RUN_CHARACTERS = st.sampled_from(
    ["0", "1", "2", "3", "5", "9", " ", "+", "-", collapsed.NO_BREAK_SPACE, collapsed.BLANK_RUN]
)


@st.composite
def runs_and_sums(draw: st.DrawFn) -> tuple[str, int, int, bool, list[tuple[int, ...]], bool]:
    """A run of digits as a text prints it (signs, spaces, no-break spaces, blank runs
    between its digits, a blank run or none at its end), how many numbers to cut it into,
    a tail, whether it is signed, each place's weight in one or two sums, and whether a
    sign placed at some places makes the way none."""
    digit = st.sampled_from("0123456789")
    inside = draw(st.lists(_RUN_CHARACTERS, max_size=10).map("".join))
    text = draw(digit) + inside + draw(digit)  # a run starts and ends with a digit
    if draw(st.booleans()):
        text += collapsed.BLANK_RUN_OR_NONE
    parts = draw(st.integers(1, 6))
    sums = draw(st.integers(1, 2))
    weights = draw(
        st.lists(st.tuples(*[st.integers(-2, 2)] * sums), min_size=parts, max_size=parts)
    )
    return text, parts, draw(st.integers(0, 3)), draw(st.booleans()), weights, draw(st.booleans())


@given(runs_and_sums(), st.data())
def test_some_way_is_some_way_cut_lists(
    case: tuple[str, int, int, bool, list[tuple[int, ...]], bool], data: st.DataObject
) -> None:
    """``some_way`` answers as checking each way ``cut`` lists: a goal one of its ways
    makes, and any goal, with numbers that count for no way (a sign at an even place)."""
    text, parts, tail, signed, weights, unsigned_even = case
    run = (text, 2, 4)

    def terms(place: int, piece: str) -> collapsed.Terms | None:
        if unsigned_even and place % 2 == 0 and piece[:1] in "+-" and piece:
            return None
        if piece and not re.fullmatch(r"[+-]?\d+", piece):
            return None  # a dash, no number
        amount = int(piece) if piece else 0
        return tuple(weight * amount for weight in weights[place])

    cuts = collapsed.cut(run, parts, 10**6, tail, signed)
    made = set()
    for way in cuts.ways:
        added = [terms(place, piece) for place, (piece, _, _) in enumerate(way)]
        if None not in added:
            made.add(tuple(map(sum, zip(*added, strict=True))))
    goals = [*made, data.draw(st.tuples(*[st.integers(-30, 30)] * len(weights[0])))]
    for goal in goals:
        assert collapsed.some_way(run, parts, tail, signed, False, terms, goal) == (goal in made)
