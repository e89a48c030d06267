"""Template recognition: the year against the labels, legacy reports with and without a year,
and the prose counts that are found or deliberately not."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report import labels
from govinfo_report.check.statements import _columns, _compact, _part_of, find
from govinfo_report.structure.metadata import template_markers

from conftest import RENDERINGS, SEEDS, WRITTEN

LEGACY = (WRITTEN / "legacy_2016.txt").read_text(encoding="utf-8")
SEED_002 = SEEDS[2].read_text(encoding="utf-8")


def test_a_2019_form_filed_for_2022_is_read_and_flagged() -> None:
    report = gr.parse(SEED_002.replace("2019 年", "2022 年", 1))
    assert (report.year, report.template) == (2022, "2019")
    (mismatch,) = [d for d in report.diagnostics if d.code == "template-year-mismatch"]
    assert "2022" in mismatch.message and "2021 template" in mismatch.message
    assert report.flat()["applications.total.total"] == 0


def test_template_markers_are_found_split_over_lines_and_spaces() -> None:
    lines = [
        "信息内容\t本年制发件数\t本年废",
        "止件数\t现行有效 件数",
        "采购总金额（万元）\t1",
        "x",
    ]
    assert template_markers([10, 11, 12, 13], lines) == {
        "2019": [("采购总金额", 12)],
        "2021": [("本年制发件数", 10), ("本年废止件数", 10), ("现行有效件数", 11)],
    }
    assert template_markers([7], ["本年收费\t金额"]) == {"2019": [], "2021": [("本年收费金额", 7)]}
    assert template_markers([7], ["本年收费\t0"]) == {"2019": [], "2021": []}


def test_template_labels_in_a_pre_2019_report_are_read_not_refused() -> None:
    report = gr.parse(SEED_002.replace("2019 年", "2018 年", 1))
    assert report.template == "2019"
    assert [d.code for d in report.diagnostics].count("template-year-mismatch") == 1


def test_legacy_headings_without_a_year_are_refused() -> None:
    untitled = LEGACY.replace("2016年政府信息公开", "政府信息公开", 1)
    period = "本报告中所列数据的统计期限自2016年1月1日起至2016年12月31日止。"
    assert period in untitled
    for text, year in ((untitled, 2016), (untitled.replace(period, ""), None)):
        # Without its title, the report's period sentence still dates it.
        with pytest.raises(gr.LegacyReportError) as caught:
            gr.parse(text)
        assert caught.value.year == year


def test_a_report_dated_2019_or_later_is_never_refused_as_legacy() -> None:
    report = gr.parse(LEGACY.replace("2017年", "2021年").replace("2016年", "2020年"))
    assert report.year == 2020 and report.template == "2019"
    codes = {d.code for d in report.diagnostics}
    assert "template-unknown" in codes


@pytest.mark.parametrize(
    ("sentence", "key", "value"),
    [
        ("全年共受理依申请公开14件。", "applications.new.total", 14),
        ("本年度共收到政府信息公开申请 53 件，", "applications.new.total", 53),
        ("新收各类政府信息公开申请8件", "applications.new.total", 8),
        ("上年结转2件，", "applications.carried_over.total", 2),
        ("结转下年度继续办理4件。", "applications.carried_forward.total", 4),
        ("全年办结51件", "applications.total.total", 51),
        ("因政府信息公开被申请行政复议14件，", "appeals.review.total", 14),
        ("未发生因政府信息公开引起的行政复议、行政诉讼案件。", "appeals.review.total", 0),
        ("作出行政处罚决定326件", "proactive.penalties.decisions", 326),
    ],
)
def test_count_statements(sentence: str, key: str, value: int) -> None:
    found = {(s.readings[0][0], s.value) for s in find([(1, sentence)], "2021")}
    assert (key, value) in found


@pytest.mark.parametrize(
    "sentence",
    [
        "其中，收到政府信息公开申请10件通过网上提交。",  # a part of the total
        "其中受理依申请公开3件",
        "收到自然人申请10件",  # one applicant column, not the total
        "发布信息15余条",  # approximate, and no table holds it
        "受理群众咨询236件",
        "政务服务中心全年受理申请12000件",  # not a disclosure request
    ],
)
def test_sentences_that_are_not_table_counts(sentence: str) -> None:
    assert not [
        s for s in find([(1, sentence)], "2021") if s.readings[0][0].startswith("applications.")
    ]


def test_a_count_of_corrections_is_not_a_count_of_reviews() -> None:
    found = find([(1, "被申请行政复议3件，无被行政复议纠错的案件。")], "2021")
    assert [(s.readings[0][0], s.value) for s in found] == [("appeals.review.total", 3)]


def test_a_count_statement_is_placed_at_its_column_with_or_without_spaces() -> None:
    # Counted by hand: 收 is the 4th character of the first line, the 6th of the second.
    plain, spaced = (
        find([(7, line)], "2021")[0]
        for line in ("全年共收到政府信息公开申请14件。", "全年  共收到政府信息公开申请 14 件。")
    )
    assert (plain.line, plain.column, plain.value) == (7, 4, 14)
    assert (spaced.column, spaced.value) == (6, 14)


def test_a_part_of_a_total_is_told_by_its_own_clause_only() -> None:
    found = find([(1, "其中，网上申请3件；全年共收到政府信息公开申请14件。")], "2021")
    assert [(s.readings[0][0], s.value) for s in found] == [("applications.new.total", 14)]


def test_a_count_statement_wrapped_onto_the_next_line_is_found_where_it_starts() -> None:
    # PDF text wraps a paragraph anywhere: 收 is at column 6 of line 3 (after a
    # two-space indent), the number and 件 are on line 4; 上 starts line 6 (a blank between).
    lines = [(3, "  全年共收到政府信"), (4, "息公开申请 14件，"), (5, ""), (6, "上年结转2件。")]
    found = find(lines, "2021")
    assert [(s.readings[0][0], s.value, s.line, s.column) for s in found] == [
        ("applications.new.total", 14, 3, 6),
        ("applications.carried_over.total", 2, 6, 1),
    ]


def test_numbers_a_space_apart_are_two_counts_never_one() -> None:
    # ``1 4`` parts two numbers (a line of a paragraph's numbers, as pdfplumber prints them):
    # no count of 14 is stated; 上 is still the 19th character, counted by hand.
    found = find([(1, "全年共收到政府信息公开申请1 4件，上年结转2件。")], "2021")
    assert [(s.readings[0][0], s.value, s.column) for s in found] == [
        ("applications.carried_over.total", 2, 19)
    ]


@given(st.text(alphabet=" \u3000\t0123456789件申请，", max_size=40))
def test_each_character_of_a_line_read_without_white_space_keeps_its_column(line: str) -> None:
    """``_columns`` places each character ``_compact`` keeps (a run of white space between
    two digits kept as ``|``, at the run's first character), so a statement's column is the
    line's."""
    compact, columns = _compact(line), _columns(line)
    if isinstance(columns, int):  # no white space but the indent
        assert compact == line.strip()
        assert all(line[columns + at] == char for at, char in enumerate(compact))
    else:
        assert len(columns) == len(compact)
        for char, column in zip(compact, columns, strict=True):
            assert line[column - 1] == char if char != "|" else line[column - 1].isspace()


def test_counts_lifted_below_their_sentence_state_nothing_the_table_contradicts() -> None:
    # 平潭's 2022 report as pdftotext -layout prints it, its sentence 全区收到政府信息公开申请
    # 75件，涉及自然人72件 laid out as pdfplumber prints a browser's PDF: the counts on a line
    # of their own under it. Joined, ``75 72`` stated 7572 applications, which the table
    # (74 new, 1 carried over) was said to contradict; lifted out of the sentence, a count
    # may be another clause's and states nothing.
    path = RENDERINGS / "pt-2022-pingtan" / "pdftotext-layout.txt"
    page = path.read_text(encoding="utf-8")
    sentence = "全区收到政府信息公开申请75件，涉及⾃然⼈72件、"
    assert page.count(sentence) == 1
    numbers = " " * 34 + "75" + " " * 14 + "72"
    lifted = f"全区收到政府信息公开申请\n{numbers}\n件，涉及⾃然⼈       件、"
    report = gr.parse(page.replace(sentence, lifted))
    assert "text-table-mismatch" not in {d.code for d in report.diagnostics}
    assert report.cell("applications.new.total").value == 74


@given(
    st.sampled_from([pattern for _, _, pattern in labels.STATEMENTS]).flatmap(
        lambda pattern: st.from_regex(pattern, fullmatch=True)
    )
)
def test_every_statement_starts_with_a_character_the_search_looks_at(statement: str) -> None:
    """The patterns are searched for together only where ``STATEMENT_STARTS`` has a
    character: a statement starting with any other would be missed."""
    assert statement[0] in labels.STATEMENT_STARTS


_STATEMENT_PIECES = [
    "收到政府信息公开申请",
    "受理依申请公开",
    "新收",
    "共",
    "3件",
    "12件",
    "0件",
    "上年度结转",
    "结转下年度",
    "办结",
    "行政复议",
    "行政诉讼",
    "案件",
    "未发生",
    "无",
    "没有",
    "其中",
    "，",
    "。",
    "作出行政处罚",
    "行政处罚决定",
    "办理行政许可",
    "制定规范性文件",
    "废止规范性文件",
    "出台规章",
    "主动公开规范性文件",
    "新制作",
    "纠错",
]


@given(
    st.lists(st.sampled_from(_STATEMENT_PIECES), max_size=24).map("".join),
    st.sampled_from(["2019", "2021"]),
)
@example("未发生行政复议、行政诉讼案件。", "2021")  # two patterns matching at one place
@example("无无行政复议3件", "2019")  # a match inside the same pattern's previous match
def test_statements_found_together_are_those_each_pattern_finds(text: str, template: str) -> None:
    """One search for all the patterns finds what each pattern's own ``finditer`` finds,
    overlapping statements and clauses of ``其中`` included."""
    expected = sorted(
        (match.start() + 1, match[0], int(match["n"]) if "(?P<n>" in pattern else 0, readings)
        for only, readings, pattern in labels.STATEMENTS
        if only in (None, template)
        for match in re.finditer(pattern, text)
        if not _part_of(text, match.start())
    )
    assert (
        sorted((s.column, s.text, s.value, s.readings) for s in find([(1, text)], template))
        == expected
    )


def test_completeness_counts_every_cell_and_names_the_status() -> None:
    values = {"applications.new.total": 3, "appeals.review.total": 0}
    partial = gr.Report.from_values(values, template="2021")
    counts = partial.completeness()
    assert (counts.parsed, counts.derived, counts.missing) == (2, 0, 198)
    assert counts.status == "partial" and not counts.complete
    empty = gr.Report.from_values({}, template="2019").completeness()
    assert (empty.parsed, empty.missing, empty.status) == (0, 198, "empty")
    every = dict.fromkeys((field.key for field in gr.fields("2021")), 0)
    full = gr.Report.from_values(every, template="2021").completeness()
    assert (full.parsed, full.status, full.complete) == (200, "complete", True)
