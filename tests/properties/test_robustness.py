"""Bad input of any kind gets a report or one of the library's documented exceptions, never
anything else: arbitrary text and bytes, report fragments shuffled, truncated reports, one
section alone, a 5 MB file, 100,000 lines of tabs. The grammar is fuzzed with ``from_lark``."""

from __future__ import annotations

import tracemalloc

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark

import govinfo_report as gr
from govinfo_report import labels
from govinfo_report.read.source import read
from govinfo_report.structure import layouts, skeleton

from conftest import SEEDS, WRITTEN, scaled

TEXTS = [path.read_text(encoding="utf-8") for path in [*SEEDS, *sorted(WRITTEN.glob("*.txt"))]]
LINES = sorted({line for text in TEXTS for line in text.splitlines()})


#: What a message never holds raw: controls, format characters, line separators (escape.py).
UNSAFE = regex.compile(r"[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]")


def _answer(data: str | bytes) -> gr.Report | gr.ParseError:
    """The parser's answer: a report, or a documented error (anything else fails the test),
    whose messages hold no control character raw."""
    try:
        report = gr.parse(data)
    except gr.ParseError as error:
        assert error.code in gr.ERROR_CODES
        assert error.line >= 1 and error.column >= 1
        assert not any(UNSAFE.search(line) for line in str(error).split("\n"))
        return error
    for found in report.diagnostics:
        assert found.code in gr.CODES
        assert not UNSAFE.search(found.message)
    return report


@scaled(4)
@given(st.text())
def test_any_text(text: str) -> None:
    _answer(text)


@scaled(4)
@given(st.binary())
def test_any_bytes(data: bytes) -> None:
    _answer(data)


#: A line of a real report, a tab-separated row of random numbers, or random text.
report_lines = st.one_of(
    st.sampled_from(LINES),
    st.lists(
        st.sampled_from(["", "0", "12", "-3", "+4", "1.5", "—", "无", "总计"]), max_size=12
    ).map("\t".join),
    st.text(max_size=40),
)


@scaled(4)
@given(st.lists(report_lines, max_size=120).map("\n".join))
def test_shuffled_report_lines(text: str) -> None:
    _answer(text)


@scaled(2)
@given(st.sampled_from(TEXTS), st.data())
def test_truncated_reports(text: str, data: st.DataObject) -> None:
    cut = data.draw(st.integers(0, len(text)))
    answer = _answer(text[:cut])
    legacy = {"legacy-report"} if "2016" in text[:200] else set()
    assert isinstance(answer, gr.Report) or answer.code in {"empty-input", "not-a-report", *legacy}
    _answer(text[:cut].encode("utf-8")[:-1])  # a multi-byte character cut in two


@pytest.mark.parametrize("number", range(1, 7))
def test_one_section_alone(number: int) -> None:
    lines = read(TEXTS[0]).lines  # normalised: Tika's bookmarks blanked
    headings = [i for i, line in enumerate(lines) if skeleton.heading_number(line) is not None]
    start = next(i for i in headings if skeleton.heading_number(lines[i]) == number)
    end = next((i for i in headings if i > start), len(lines))
    answer = _answer("\n".join(lines[start:end]))
    if number not in (2, 3, 4):  # prose alone, with no title: nothing says it is a report
        assert isinstance(answer, gr.ParseError) and answer.code == "not-a-report"
        return
    assert isinstance(answer, gr.Report)
    missing = {d.message for d in answer.diagnostics if d.code == "section-missing"}
    assert len(missing) == 5


def test_a_five_megabyte_report() -> None:
    """A report whose overview runs to 5 MB: parsed, the tables still read."""
    text = TEXTS[1]
    heading = text.index("二、")
    padding = ("本机关认真贯彻落实《条例》，" * 40 + "\n") * 8000
    big = text[:heading] + padding + text[heading:]
    assert len(big.encode("utf-8")) > 5_000_000
    report = _answer(big)
    assert isinstance(report, gr.Report)
    assert report.flat() == gr.parse(text).flat()


def test_a_five_megabyte_single_line() -> None:
    answer = _answer(
        "某县2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n" + "行政许可\t1" * 500_000
    )
    assert isinstance(answer, gr.Report)
    assert "line-too-long" in {d.code for d in answer.diagnostics}


@pytest.mark.parametrize("unit", ["1234567890", "123 4567 890 ", "行政许可 1 2 3 "])
def test_a_one_line_input_needs_memory_linear_in_its_size(unit: str) -> None:
    # Issue 28: numbers on one line were split into a word each, per line of the front
    # block and of the signature (16 times the input). Python's allocations while parsing stay
    # within 4 times the input's size (benchmarks/bench_untrusted.py measures the process).
    data = (unit * (2_000_000 // len(unit))).encode()
    tracemalloc.start()
    try:
        _answer(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak <= 4 * len(data)


def test_a_hundred_thousand_lines_of_tabs() -> None:
    answer = _answer("\t\t\t\n" * 100_000)
    assert isinstance(answer, gr.ParseError) and answer.code == "empty-input"
    answer = _answer("\t1\t\t2\n" * 100_000)
    assert isinstance(answer, gr.ParseError) and answer.code == "not-a-report"
    report = _answer(TEXTS[1].replace("三、收到和处理", "\t\t\t\n" * 100_000 + "三、收到和处理"))
    assert isinstance(report, gr.Report)
    assert "table-too-large" in {d.code for d in report.diagnostics}


def test_a_hundred_thousand_table_rows() -> None:
    row = "行政许可\t1\t2\t3\n"
    report = _answer(TEXTS[1].replace("三、收到和处理", row * 100_000 + "三、收到和处理"))
    assert isinstance(report, gr.Report)
    assert "table-too-large" in {d.code for d in report.diagnostics}


# The grammar, fuzzed: Hypothesis writes token sequences the grammar accepts, each declared
# token as text the lexer should turn back into it; the skeleton must find those sections.

HEADINGS = {
    f"H{n}": st.sampled_from(
        [title, title.replace("、", ".", 1), f"{n}、{title.split('、', 1)[1]}"]
    ).map(lambda h: h + "\n")
    for n, title in labels.SECTION_TITLES.items()
}


def _heading_shaped(line: str) -> bool:
    """Whether ``line`` is a heading, or shaped as one with a title naming a section (a
    misnumbered heading, which the skeleton takes as that section's where it is missing)."""
    numbered = skeleton._numbered(line)
    return numbered is not None and bool(skeleton._named(numbered[2]))


PROSE = st.lists(
    st.sampled_from(
        [
            line
            for line in LINES
            if line.strip()
            and not layouts.table_line_pattern().search(line)
            and not _heading_shaped(line)
        ]
    ),
    min_size=1,
    max_size=3,
).map(lambda lines: "\n".join(lines) + "\n")
TABLE = st.lists(
    st.sampled_from(
        [line for line in LINES if "\t" in line and skeleton.heading_number(line) is None]
    ),
    min_size=1,
    max_size=4,
).map(lambda lines: "\n".join(lines) + "\n")
GRAMMAR = from_lark(skeleton.parser(), explicit={**HEADINGS, "PROSE": PROSE, "TABLE": TABLE})


@scaled(4)
@given(GRAMMAR)
def test_the_skeleton_finds_what_the_grammar_generated(text: str) -> None:
    lines = text.splitlines()
    numbers = [n for n in map(skeleton.heading_number, lines) if n is not None]
    found = skeleton.split(lines)
    assert sorted(found.sections) == numbers
    for number, section in found.sections.items():
        assert section.heading is not None
        assert skeleton.heading_number(lines[section.heading]) == number
        # A table runs from its first table line to its last (a page header inside it
        # splits it, and the lines before the header need not be table lines).
        spans = list(section.lines("table"))
        if spans:
            assert "\t" in lines[spans[0].start] and "\t" in lines[spans[-1].stop - 1]
    _answer(text)


def test_the_keyword_prefilter_never_changes_which_sections_a_title_names() -> None:
    """``_named`` tests a few plain substrings before its fuzzy search: the sections it finds
    are those the fuzzy search alone finds, for every keyword with any one character
    inserted or deleted anywhere, alone and inside a title."""
    titles = []
    for word in (w for words in labels.SECTION_KEYWORDS.values() for w in words):
        for at in range(len(word) + 1):
            titles.extend(word[:at] + extra + word[at:] for extra in ("", "的", "法", "x"))
            titles.append(word[:at] + word[at + 1 :])
    for title in [*titles, *(f"二、{title}情况" for title in titles)]:
        searched = frozenset(n for n, words in skeleton._KEYWORDS.items() if words.search(title))
        assert skeleton._named(title) == searched, title
        for number in labels.SECTION_KEYWORDS:
            assert skeleton._named(title, number) == searched & {number}, title
