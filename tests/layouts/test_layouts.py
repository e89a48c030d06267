"""The layout registry, detection, and what each strategy makes of its text."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from importlib.metadata import EntryPoint
from itertools import product
from typing import ClassVar
from unicodedata import east_asian_width

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report import cells as cells_module
from govinfo_report import labels
from govinfo_report.cells import cell_kinds
from govinfo_report.structure import layouts, skeleton
from govinfo_report.structure.layouts import (
    Grid,
    Row,
    base,
    markdown,
    row_per_cell,
    space_aligned,
    tab_separated,
)
from govinfo_report.structure.layouts.base import make_row
from govinfo_report.structure.layouts.flattened_header import FlattenedHeader
from govinfo_report.structure.layouts.tab_separated import TabSeparated
from govinfo_report.structure.page_grids import RULE

from conftest import SEEDS, wrong
from manglers import MarkitdownPageGrid


def test_builtin_layouts_are_registered() -> None:
    assert set(gr.available_layouts()) >= {"tab-separated", "row-per-cell", "flattened-header"}


def test_forcing_a_layout_overrides_detection() -> None:
    forced = gr.parse(SEEDS[3], layout="tab-separated")
    assert {table.layout for table in forced.tables} == {"tab-separated"}
    # The broken grid read as trusted: values land where they are, nothing is invented.
    assert forced.flat()["applications.carried_forward.total"] == 0


def test_tab_separated_keeps_blank_cells_inside_values() -> None:
    (row,) = layouts.get("tab-separated").rows(["行政许可\t5\t\t7"], 10)
    assert [cell[0] for cell in row.values] == ["5", "", "7"]
    assert row.values[2] == ("7", 10, 9)


def test_flattened_header_drops_blank_cells() -> None:
    (row,) = layouts.get("flattened-header").rows(["(三) 不予公开\t\t\t1.属于国家秘密\t0\t\t1"], 1)
    assert [cell[0] for cell in row.labels] == ["(三) 不予公开", "1.属于国家秘密"]
    assert [cell[0] for cell in row.values] == ["0", "1"]


def test_row_per_cell_joins_continued_cells_and_splits_rows_on_blank_lines() -> None:
    lines = [
        "\t",
        "\t（三）不予",
        "以公",
        "开",
        "\t1、属于国家秘密",
        "\t0",
        "\t2",
        "",
        "\t规章",
        "\t1",
    ]
    first, second = layouts.get("row-per-cell").rows(lines, 100)
    assert [c[0] for c in first.labels] == ["（三）不予\n以公\n开", "1、属于国家秘密"]
    assert [c[:2] for c in first.values] == [("0", 105), ("2", 106)]
    assert (second.labels[0][0], second.values[0][0], second.line) == ("规章", "1", 108)


def test_detection_reports_a_near_tie() -> None:
    tie = layouts.Detection(layouts.get("tab-separated"), 0.5, "flattened-header", 0.45)
    assert tie.ambiguous
    assert not layouts.Detection(layouts.get("tab-separated"), 0.9, "row-per-cell", 0.1).ambiguous


def test_detection_ranks_layouts_on_a_regions_first_lines() -> None:
    """Layouts are sniffed on the first ``SNIFF_LINES`` lines: what follows does not count."""
    cells = ["\t1"] * layouts.SNIFF_LINES
    rows = ["a\t1\t2\t3\t4\t5\t6\t7"] * 200
    assert layouts.detect(cells + rows, 7).layout is layouts.get("row-per-cell")
    assert layouts.detect(rows + cells, 7).layout is layouts.get("tab-separated")


def test_no_layout_for_a_table_of_unknown_shape() -> None:
    text = SEEDS[1].read_text(encoding="utf-8")
    section = text[text.index("四、政府信息公开行政复议") : text.index("五、存在")]
    garbled = text.replace(section, "四、政府信息公开行政复议、行政诉讼情况\n\n\t\t\t\n\t\t\n\n")
    report = gr.parse(garbled)
    assert "layout-unknown" in {d.code for d in report.diagnostics}
    assert report.appeals.layout is None


class Upper(layouts.Layout):
    """A third-party layout: cells separated by '|' (registered through an entry point)."""

    name: ClassVar[str] = "pipes-test"
    table_line: ClassVar[str] = r"^\|"

    def sniff(self, lines: Sequence[str], width: int) -> float:
        return 0.0

    def rows(self, lines: Sequence[str], first_line: int) -> Iterator[Row]:
        return iter(())


def test_entry_point_layouts_join_the_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    point = EntryPoint("pipes-test", f"{__name__}:Upper", layouts.ENTRY_POINT_GROUP)
    monkeypatch.setattr(
        layouts, "entry_points", lambda group: [point] if group == layouts.ENTRY_POINT_GROUP else []
    )
    layouts._registry.cache_clear()
    layouts.table_line_pattern.cache_clear()
    try:
        assert "pipes-test" in gr.available_layouts()
        assert layouts.table_line_pattern().search("| 1 | 2 |")
    finally:
        layouts._registry.cache_clear()
        layouts.table_line_pattern.cache_clear()


_CELL_TEXTS = ["0", "12", "—", "规章", "（三）不予公开", "1.属于国家秘密", "万 元", ""]
_USUAL_LINES = st.one_of(st.just(""), st.sampled_from(_CELL_TEXTS).map(lambda text: f"\t{text}"))
_RPC_LINES = st.one_of(
    _USUAL_LINES,
    st.just(" "),
    st.sampled_from(_CELL_TEXTS).map(lambda text: f"\t {text}"),  # padded cells
    st.sampled_from(_CELL_TEXTS).map(lambda text: f"\t{text}\u3000"),
    st.sampled_from(_CELL_TEXTS).map(lambda text: f"\t{text}\t1"),  # two cells
    st.sampled_from(_CELL_TEXTS[3:6]),  # a continuation, or a row's first cell
    st.sampled_from(_CELL_TEXTS[3:6]).map(lambda text: f" {text}"),  # padded, untabbed
    st.sampled_from(_CELL_TEXTS[3:6]).map(lambda text: f"{text}\u3000"),
)


@given(
    st.one_of(st.lists(_USUAL_LINES, max_size=40), st.lists(_RPC_LINES, max_size=40)),
    st.integers(1, 500),
)
def test_row_per_cell_reads_the_usual_shape_a_row_at_a_time_as_a_line_at_a_time(
    lines: list[str], first: int
) -> None:
    """The fast path (rows between empty lines) gives the rows of the line-by-line reading."""
    assert list(layouts.get("row-per-cell").rows(lines, first)) == list(
        row_per_cell._line_rows(lines, first)
    )


def test_row_per_cell_takes_the_fast_path_on_tika_tables_whose_cells_wrap_or_not() -> None:
    lines = SEEDS[0].read_text(encoding="utf-8").splitlines()  # Tika's text of a DOCX
    sections = skeleton.split(lines).sections
    proactive, applications = (
        [lines[i] for span in sections[n].lines("table") for i in span] for n in (2, 3)
    )
    assert row_per_cell._plain(proactive) == set()
    # its long labels wrap onto untabbed lines, and a heading starts a row of its own
    untabbed = row_per_cell._plain(applications)
    assert untabbed is not None
    assert sorted(applications[at] for at in untabbed) == sorted(
        ["企业", "机构", "三、本年度办理结果", "以公", "开", "提供", "不予", "处理"]
    )
    for odd in ("\t 1", "\t1 ", "\t1\t2", " 开", "开\u3000", " "):
        assert row_per_cell._plain([*proactive, odd]) is None
    assert row_per_cell._plain([*proactive, "开"]) == {len(proactive)}


def test_row_per_cell_reads_a_row_led_by_an_untabbed_line_and_wrapped_cells() -> None:
    lines = [
        "二、主动公开政府信息情况",
        "\t规章",
        "\t5",
        "",
        "\t（三）不予",
        "以公",
        "开",
        "\t",
        "继续",
        "\t7",
    ]
    assert row_per_cell._plain(lines) == {0, 5, 6, 8}  # read a row at a time
    first, second = layouts.get("row-per-cell").rows(lines, 10)
    assert [first, second] == list(row_per_cell._line_rows(lines, 10))
    assert [c for c in first.labels] == [("二、主动公开政府信息情况", 10, 1), ("规章", 11, 2)]
    assert [c[0] for c in first.values] == ["5"]
    assert second.labels[0] == ("（三）不予\n以公\n开", 14, 2)
    assert second.labels[1] == ("继续", 17, 2)  # an empty cell takes its continuation alone
    assert second.values[0][:2] == ("7", 19)


_TAB_LINES = st.lists(st.sampled_from([*_CELL_TEXTS, " 3", "5 ", "\u3000"]), max_size=9).map(
    "\t".join
)


@given(
    st.lists(_TAB_LINES, max_size=30),
    st.sampled_from([TabSeparated, FlattenedHeader]),
    st.integers(1, 500),
)
def test_tab_rows_read_a_region_at_once_as_a_line_at_a_time(
    lines: list[str], layout: type[TabSeparated], first: int
) -> None:
    """The region path (no cell to strip: kinds looked up at once) gives the rows of the
    line-by-line reading, and a region with a padded cell takes the line path."""
    assert list(layout().rows(lines, first)) == list(layout()._line_rows(lines, first))


def test_tab_rows_read_a_region_whose_labels_hold_spaces_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Spaces inside a cell (``1. 属于国家秘密``, PDF text of a label) leave nothing to strip:
    such a region is read at once, not a line at a time."""
    lines = SEEDS[1].read_text(encoding="utf-8").splitlines()  # tab-separated PDF text
    region = [lines[i] for span in skeleton.split(lines).sections[3].lines("table") for i in span]
    assert "\t1. 属于国家秘密\t0\t0\t0\t0\t0\t0" in region
    expected = list(TabSeparated()._line_rows(region, 1))
    monkeypatch.setattr(TabSeparated, "_line_rows", None)  # any call of it fails
    assert list(TabSeparated().rows(region, 1)) == expected
    assert any(row.labels[0][0] == "1. 属于国家秘密" for row in expected if row.labels)


def _grid_shares_read_plainly(lines: list[str], width: int) -> tuple[float, float]:
    """``grid_shares``'s contract, a line at a time: of the lines with a tab, the share with
    two filled cells (or one and two blank: a row left blank); lines without a tab (a cell's
    text continued) do not count. Of the rows, the share with a displaced label or no label
    and fewer cells than ``width``."""
    filled = multi = two = rows = broken = 0
    for line in lines:
        kinds = cell_kinds(line.split("\t"))
        cells = len(kinds) - kinds.count("_")
        filled += cells > 0 and "\t" in line
        two += cells >= 2
        multi += cells >= 2 or (cells == 1 and len(kinds) >= 3)
        if len(kinds) > 1 and "N" in kinds:
            rows += 1
            broken += ("L" not in kinds and len(kinds) < width) or bool(
                re.search(r"^[^L]*___L|L[^L]*__L", kinds)
            )
    if not two:  # no line holds two filled cells: no grid
        return 0.0, 0.0
    return multi / filled, (broken / rows if rows else 0.0)


@given(st.lists(_TAB_LINES, max_size=30), st.integers(1, 8))
def test_grid_shares_count_the_region_as_a_line_at_a_time(lines: list[str], width: int) -> None:
    """The kinds of a whole region, looked up at once and counted at C speed, give the
    shares of the line-by-line count."""
    assert tab_separated.grid_shares(tuple(lines), width) == _grid_shares_read_plainly(lines, width)


@given(
    st.lists(
        st.lists(st.sampled_from([*_CELL_TEXTS, " 3 ", "|", "---"]), max_size=6).map(
            lambda cells: "| " + " | ".join(cells) + " |" if cells else ""
        ),
        max_size=20,
    ),
    st.integers(1, 500),
)
def test_markdown_rows_are_the_rows_of_each_line(lines: list[str], first: int) -> None:
    """Kinds looked up for the whole region give each line's row as ``make_row`` reads it
    alone (rules, blank lines and lines of no cell give none)."""
    kept = [line for line in lines if line.strip() and not RULE.match(line)]
    outer = all(line.lstrip().startswith("|") for line in kept)
    spans = outer and markdown._spans_shown(kept)
    merged = markdown._merged_places(kept, outer, spans)

    def alone(line: str, number: int) -> Row | None:
        cells, columns = markdown._split(line, number, merged, outer, spans)
        row = make_row(cells, number, positional=True, whole=True)
        return markdown._fitted(row, cells, columns) if row is not None and columns else row

    expected = [
        alone(line, number)
        for number, line in enumerate(lines, first)
        if line.strip() and not RULE.match(line)
    ]
    rows = list(layouts.get("markdown").rows(lines, first))
    assert rows == [row for row in expected if row is not None]


def _row_read_plainly(texts: list[str], positional: bool, whole: bool = False) -> Row | None:
    """``make_row``'s contract, a cell at a time: labels are the non-blank non-values;
    values are, on a trusted grid, every non-label cell from the first value to the last,
    else the values alone; on a trusted grid, the grid is every cell after the last label."""
    cells = [(text, 7, column) for column, text in enumerate(texts, 1)]
    value = [bool(text.strip()) and cells_module.is_value(text.strip()) for text in texts]
    label = [bool(text.strip()) and not value[i] for i, text in enumerate(texts)]
    at = [i for i, is_value in enumerate(value) if is_value]
    if positional and at:
        values = [cell for i, cell in enumerate(cells) if at[0] <= i <= at[-1] and not label[i]]
    else:
        values = [cell for i, cell in enumerate(cells) if value[i]]
    labels = [cell for i, cell in enumerate(cells) if label[i]]
    last = max((i for i, is_label in enumerate(label) if is_label), default=-1)
    grid = tuple(cells[last + 1 :]) if positional else ()
    if not labels and not values:  # a row left blank: only a whole one on a trusted grid
        blank = whole and positional and len(cells) > 1
        return Row((), (), 7, grid=Grid(tuple(cells), True)) if blank else None
    spread = tuple(cells) if positional and not values else ()
    return Row(tuple(labels), tuple(values), 7, grid=Grid(grid, whole, spread))


@given(
    st.lists(st.sampled_from([*_CELL_TEXTS, " ", "/", "3.5", "无"]), max_size=12),
    st.booleans(),
    st.booleans(),
)
def test_a_row_is_its_label_cells_and_its_values(
    texts: list[str], positional: bool, whole: bool
) -> None:
    """The memoised shape of a row's kinds takes the cells the plain reading takes."""
    cells = [(text, 7, column) for column, text in enumerate(texts, 1)]
    assert make_row(cells, 7, positional, whole=whole) == _row_read_plainly(
        texts, positional, whole
    )


@pytest.mark.parametrize(
    ("line", "table"),
    [
        ("+---+---+", True),
        ("a+=", True),
        ("│ 规章 │", True),
        ("└──┘", True),
        ("x+1", False),
        ("1+", False),
        ("+ -", False),
        ("共计5项", False),
    ],
)
def test_box_grid_table_lines_are_bars_corners_and_rules(line: str, table: bool) -> None:
    assert bool(re.search(layouts.get("box-grid").table_line, line)) is table


_PLAIN_LAST_VALUE = re.compile(rf"(?:[^\S\t]{base.VALUE}|[^\S\t]{{2}}{base.VALUE_APART})[^\S\t]*$")


#: Pieces of a line's end: a label, values, a unit apart, a placeholder, and spaces.
_PIECES = ("行政", "12", "元", "—", "无", " ", "  ", "\t", "\u3000")


def test_a_space_aligned_line_is_found_as_the_plain_pattern_finds_it() -> None:
    """``space_aligned._LAST_VALUE`` looks behind for the spaces before a line's last value
    and ahead for its first character, to be searched fast: on every line of up to five
    pieces it finds a value ending the line exactly where the plain pattern (the spaces
    matched, then the value) does, alone and after another cell (``_ROW``)."""
    row = re.compile(rf"\S[^\S\t]*{_PLAIN_LAST_VALUE.pattern}")
    fast = re.compile(space_aligned._LAST_VALUE)
    for size in range(1, 6):
        for line in map("".join, product(_PIECES, repeat=size)):
            assert bool(fast.search(line)) == bool(_PLAIN_LAST_VALUE.search(line)), line
            assert bool(space_aligned._ROW.search(line)) == bool(row.search(line)), line


def test_folded_punctuation_is_counted_as_the_plain_pattern_counts_it() -> None:
    """``space_aligned._FOLDED_WIDE`` looks ahead for the punctuation before its lookbehind,
    to be searched fast: up to every place of every line of up to four pieces it finds what
    the plain pattern (either side of the punctuation looked at) finds."""
    cjk = r"[\u3000-\u9fff\uff00-\uffef]"
    plain = re.compile(rf"(?<={cjk})[(),:;]|[(),:;](?={cjk})")
    for size in range(1, 5):
        for line in map("".join, product("(),:;行a ，", repeat=size)):
            for end in range(len(line) + 1):
                found = space_aligned._FOLDED_WIDE.findall(line, 0, end)
                assert found == plain.findall(line, 0, end), (line, end)


def test_display_columns_count_folded_punctuation_as_a_search_up_to_the_cell_does() -> None:
    """``space_aligned._display`` finds a line's folded punctuation once and counts what lies
    before a cell: at every column of every line of up to five pieces it gives the display
    column that counting up to the cell (the line read as ending there) gives."""
    for size in range(1, 6):
        for line in map("".join, product("(:行，a ", repeat=size)):
            widths = space_aligned._widths(line)
            for column in range(1, len(line) + 2):
                folded = len(space_aligned._FOLDED_WIDE.findall(line, 0, column - 1))
                expected = widths[column - 1] + folded
                assert space_aligned._display(line, column) == expected, (line, column)


def test_words_and_value_words_are_found_as_their_plain_patterns_find_them() -> None:
    """``base._WORD`` and ``base.VALUE_WORD`` look ahead for their first character so that a
    search skips to where they may start: on every line of up to four pieces they find
    what their plain patterns find, where they find it."""
    word = re.compile(base._WORD.pattern.removeprefix(r"(?=\S)(?:").removesuffix(")"))
    value = re.compile(rf"(?<!\S)(?:{base.VALUE_APART}|{base.VALUE})(?!\S)")
    pieces = ("12", "元", "1.", "（三）", "行政", "—", "无", " ", "  ", "\t")
    for size in range(1, 5):
        for line in map("".join, product(pieces, repeat=size)):
            found = [(m.group(), m.start()) for m in base._WORD.finditer(line)]
            assert found == [(m.group(), m.start()) for m in word.finditer(line)], line
            assert bool(base.VALUE_WORD.search(line)) == bool(value.search(line)), line


def test_a_line_of_one_word_is_split_as_the_word_pattern_splits_it() -> None:
    """``base.line_words`` takes a line of one word without the pattern: on every line of up
    to four pieces (spaces of several kinds around and between them) its cells and kinds
    are those of ``split_words``, a word of counts run together (``12元12``) cut after
    each unit."""
    pieces = ("12", "元", "1.", "行政", "—", " ", "\t", "\u3000", "\x1c", "x" * base.MAX_CELL_CHARS)
    for size in range(1, 5):
        for line in map("".join, product(pieces, repeat=size)):
            ((cells, kinds),) = base.line_words([line], 7)
            expected = []
            for text, number, column in base.split_words(line, 7) if line.strip() else []:
                run = re.search(r"\d元\d", line) and re.fullmatch(
                    r"(?:\d[\d,.]*元)+\d[\d,.]*元?", text
                )
                for piece in re.findall(r"\d[\d,.]*元?", text) if run else [text]:
                    expected.append((piece, number, column))
                    column += len(piece)
            assert list(cells) == expected, line
            assert kinds == cell_kinds(text for text, _, _ in expected), line


def test_a_markdown_cell_of_merged_columns_is_only_in_a_line_with_spaced_digits() -> None:
    """``markdown._split`` matches a cell against ``_MERGED`` only in a line where
    ``_SPACED_DIGITS`` finds something: every text of up to five pieces that ``_MERGED``
    matches whole holds what ``_SPACED_DIGITS`` finds."""
    merged = 0
    for size in range(1, 6):
        for text in map("".join, product(("9", "12", " ", "  ", "a", "\t", "\u3000"), repeat=size)):
            if markdown._MERGED.fullmatch(text):
                merged += 1
                assert markdown._SPACED_DIGITS.search(text), text
    assert merged > 100


def test_two_numbers_in_one_pipe_cell_are_no_value_unless_the_table_merged_that_column() -> None:
    # markitdown writes a footnote on its own line in a cell (``<td>41<br>2</td>``) as
    # ``| 41 2 |``, and a misprint glues two numbers in one cell; neither is two columns: the
    # cell holds no valid value, its neighbours are read. A converter that lost a column
    # boundary merges that column in every row: there each number is a cell.
    values = {field.key: 0 for field in gr.fields("2021")}
    values |= {"proactive.rules.issued": 4, "proactive.rules.in_force": 4}
    values |= {"applications.new.natural_person": 41, "applications.new.total": 41}
    values |= {"applications.total.natural_person": 41, "applications.total.total": 41}
    values |= {"applications.carried_forward.natural_person": 41}
    values |= {"applications.carried_forward.total": 41}
    report = gr.Report.from_values(values, template="2021", organisation="某县人民政府", year=2023)
    text = gr.render(report, "markdown")
    for row, damaged in (
        ("| 规章 | 4 | 0 | 4 |", "| 规章 | 4 | 0 3 | 4 |"),
        (
            "| 一、本年新收政府信息公开申请数量 |  |  | 41 |",
            "| 一、本年新收政府信息公开申请数量 |  |  | 41 2 |",
        ),
    ):
        assert text.count(row) == 1
        text = text.replace(row, damaged)
    back = gr.parse(text)
    for key in ("proactive.rules.repealed", "applications.new.natural_person"):
        assert back.cell(key).provenance == "missing", key
    assert back.cell("proactive.rules.in_force").value == 4
    assert back.cell("applications.new.commercial_enterprise").value == 0
    assert "invalid-value" in {found.code for found in back.diagnostics}


#: Section 二 as markitdown's PDF converter prints a page's words: one grid of columns for
#: the page, padded, its rule's cells between spaces; two values in one cell (``3 1``),
#: values in their neighbour's column, a blank place that is padding, not a printed blank.
_PAGE_GRID = """\
|     | 第二十条第（一）项 |        |        |        |
| --- | --------- | ------ | ------ | ------ |
|     | 信息内容      | 本年制发件数 | 本年废止件数 | 现行有效件数 |
|     | 规章        | 3 1    |        | 12     |
|     | 行政规范性文件   |        | 5      | 2      | 40 |
|     | 第二十条第（五）项 |        |        |        |
|     | 信息内容      | 本年处理决定数量 |      |        |
|     | 行政许可      |        | 197    |        |
|     | 第二十条第（六）项 |        |        |        |
|     | 信息内容      | 本年处理决定数量 |      |        |
|     | 行政处罚      |        |        | 108    |
|     | 行政强制      | 6      |        |        |
|     | 第二十条第（八）项 |        |        |        |
|     | 信息内容      | 本年收费金额（单位：万元） |  |   |
|     | 行政事业性收费   |        | 2.5    |        |"""


@pytest.mark.parametrize(
    ("rules", "expected"),
    [("| 3 1    |        | 12     |", (3, 1, 12)), ("| 3      |        | 12     |", (None,) * 3)],
)
def test_a_pdf_page_grid_of_pipes_is_read_by_its_values_in_order_not_its_places(
    rules: str, expected: tuple[int | None, ...]
) -> None:
    # Each row's values fill its columns in order; two values of three columns could stand
    # in any two, and no rule of the section tells which: missing, never a blank claimed.
    report = gr.Report.from_values(
        {field.key: 0 for field in gr.fields("2021")},
        template="2021",
        organisation="某县人民政府",
        year=2023,
    )
    text = gr.render(report, "markdown")
    start, end = text.index("| 第二十条第（一）项"), text.index("\n\n三、")
    grid = _PAGE_GRID.replace("| 3 1    |        | 12     |", rules)
    read = gr.parse(text[:start] + grid + text[end:])
    rows = ("rules", "normative_documents")
    got = {
        f"{row}.{column}": read.cell(f"proactive.{row}.{column}").value
        for row in rows
        for column in ("issued", "repealed", "in_force")
    }
    assert list(got.values()) == [*expected, 5, 2, 40]
    assert read.cell("proactive.rules.repealed").provenance != "blank"
    assert read.cell("proactive.licensing.decisions").value == 197
    assert read.cell("proactive.penalties.decisions").value == 108
    assert read.cell("proactive.coercive_measures.decisions").value == 6
    assert read.cell("proactive.fees.amount").value == Decimal("2.5")


def test_a_small_page_grid_whose_words_share_cells_is_not_read_by_its_places() -> None:
    # markitdown cuts a page's words into small grids of a row each, with no padding to
    # show them a page's: ``| 规章 0 0 | 100 |     |``. A number sharing a cell with the
    # word before it is the trace; read by places, 100 went to 本年制发件数 and the places
    # after it were claimed blank. Now every such row is read by its values alone.
    values: dict[str, object] = {field.key: 0 for field in gr.fields("2021")}
    values |= {"proactive.rules.in_force": 100, "proactive.normative_documents.in_force": 250}
    report = gr.Report.from_values(values, template="2021", organisation="某县人民政府", year=2022)
    text = gr.render(report, MarkitdownPageGrid(merged=True, shifted=False, cut=True))
    assert "| 规章 0 0 | 100 |" in text
    back = gr.parse(text)
    assert wrong(back, report.flat()) == {}
    for row in ("rules", "normative_documents"):
        for column in ("issued", "repealed", "in_force"):
            assert back.cell(f"proactive.{row}.{column}").provenance != "blank", (row, column)


def test_a_number_after_a_label_in_a_small_page_grid_s_cell_is_a_value() -> None:
    # The same small grids of a report that leaves its zeros blank: ``| 行政强制 10 | 1 |``
    # (its 本年增/减 blank). The 10 sharing the label's cell was lost with the label's
    # words, and the 1 left alone was read under 处理决定数量, a wrong number. Split from
    # the label, two values for three cells place neither: missing, never a blank claimed.
    values: dict[str, object] = {field.key: 0 for field in gr.fields("2019")}
    values |= {
        "proactive.coercive_measures.previous_items": 10,
        "proactive.coercive_measures.change": 1,
        "proactive.penalties.previous_items": 4,
        "proactive.penalties.change": 2,
        "proactive.penalties.decisions": 7,
    }
    report = gr.Report.from_values(values, template="2019", organisation="某县人民政府", year=2020)
    text = gr.render(
        report, MarkitdownPageGrid(merged=False, shifted=False, cut=True), blank_zeros=True
    )
    assert "| 行政强制 10 | 1   |" in text
    back = gr.parse(text)
    for column in ("previous_items", "change", "decisions"):
        cell = back.cell(f"proactive.coercive_measures.{column}")
        assert (cell.value, cell.provenance) == (None, "missing"), column
    # a row printing all its cells is read in order, the label's cell's number first
    columns = ("previous_items", "change", "decisions")
    assert [back.cell(f"proactive.penalties.{column}").value for column in columns] == [4, 2, 7]


#: Section 三's first rows as markitdown's PDF converter prints a page whose label column
#: pdfplumber found no lines for: each row's values a small grid of their own, two columns'
#: values in one cell (``| 0 0 |``), the label's pieces plain lines around it.
_VALUES_APART = [
    "三、收到和处理政府信息公开申请情况",
    "（本列数据的勾稽 申请人情况",
    "|     | 自然人 | 法人或其他组织 |     |     |",
    "| --- | --- | ------- | --- | --- |",
    "一、本年新收政府",
    "| 25  | 3   | 0 0 | 2 2 | 32  |",
    "| --- | --- | --- | --- | --- |",
    "信息公开申请数量",
    "二、上年结转政府",
    "| 1   | 0   | 0 0 | 0 0 | 1   |",
    "| --- | --- | --- | --- | --- |",
    "信息公开申请数量",
    "三、 （一）予以",
    "| 16  | 3   | 0 0 | 0 1 | 20  |",
    "| --- | --- | --- | --- | --- |",
    "本年 公开",
]


def test_rows_of_values_apart_from_their_labels_in_small_page_grids_are_read() -> None:
    # Neither a grid (its labels are plain lines) nor plain text (its values are between
    # pipes), no layout read such a table: every value was missing. The text's page grids
    # are read as their words (structure.page_grids), the rows as a PDF page's text whose
    # columns are not shown, and each value keeps its place in the text as given.
    text = "\n".join(
        ["某县人民政府2022年政府信息公开工作年度报告", "一、总体情况", "无。", *_VALUES_APART]
    )
    report = gr.parse(text)
    rows = {"new": [25, 3, 0, 0, 2, 2, 32], "carried_over": [1, 0, 0, 0, 0, 0, 1]}
    rows["granted"] = [16, 3, 0, 0, 0, 1, 20]
    columns = list(labels.APPLICANT_COLUMNS)
    for row, values in rows.items():
        assert [report.flat()[f"applications.{row}.{c}"] for c in columns] == values, row
    lines = text.split("\n")
    for key, raw in (
        ("applications.new.total", "32"),
        ("applications.granted.other_organisation", "1"),
    ):
        cell = report.cell(key)
        assert cell.line is not None and cell.column is not None
        assert lines[cell.line - 1][cell.column - 1 :].startswith(raw), key
    new_total = report.cell("applications.new.total")
    assert (new_total.line, new_total.column) == (9, 27)


def test_the_display_width_table_stays_bounded_and_right_past_its_cap() -> None:
    """Widths of characters past the kept ones are still looked up right, and not kept."""
    table = space_aligned._CharWidths()
    for char in map(chr, range(0x3000, 0x3000 + space_aligned._MAX_CHARS + 100)):
        assert table[char] == (2 if east_asian_width(char) in "WF" else 1), hex(ord(char))
    assert len(table) == space_aligned._MAX_CHARS
    assert table["一"] == 2 and table["a"] == 1 and "a" not in table


def test_a_header_word_wrapped_over_two_lines_heads_one_blank_column() -> None:
    # Section 二's first column is blank in both rows and its header word, 本年制发件数, is
    # wrapped, 件数 centred under 本年制发: two positions left of every value, on two lines.
    # Counted together they made two blank columns, and the rows' 3 and 5 landed under
    # 现行有效件数 (a grid of four cells for three, its last one blank). A header line
    # heads one column per word: the line with most such words gives the blank columns.
    lines = [
        "信息内容       本年制发       本年废止件数  现行有效件数",
        "                 件数",
        "规章                          3",
        "行政规范性文件                5",
    ]
    rows = list(layouts.get("space-aligned").rows(lines, 8))
    assert [[text for text, _, _ in row.positions.cells] for row in rows if row.values] == [
        ["", "3", ""],
        ["", "5", ""],
    ]


def test_a_header_is_not_joined_to_the_row_below_where_no_row_of_values_shows_the_grid() -> None:
    """A page marker cut this sub-table off from the rest of its section: only the article
    line's trailing tabs are as wide as the header and the row together, and that is no
    python-docx cell broken over two lines (``本年增/减`` + ``行政事业性收费``)."""
    lines = ["第二十条第（八）项\t\t\t", "信息内容\t本年增/减", "行政事业性收费\t12\t-3"]
    rows = list(TabSeparated().rows(lines, 40))
    assert [([c[0] for c in r.labels], [c[0] for c in r.values]) for r in rows][-1] == (
        ["行政事业性收费"],
        ["12", "-3"],
    )
    report = gr.parse(
        "2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
        + "\n".join(
            ["第二十条第（一）项", "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量"]
        )
        + "\n规章\t1\t2\t3\n- 2 -\n"
        + "\n".join(lines)
        + "\n三、收到和处理政府信息公开申请情况\n"
    )
    assert (
        report.proactive["fees.previous_items"].value,
        report.proactive["fees.change"].value,
    ) == (
        12,
        -3,
    )


def test_a_sub_row_s_number_alone_on_its_line_is_no_value() -> None:
    """pdfplumber's layout text of a browser's narrow page prints each sub-row's number on
    a baseline of its own (``属`` / ``1.`` / ``于国``). Eight such lines and four rows of
    values side by side: space-aligned text, not one cell a line (which read the rows by
    their order, and left every short row missing)."""
    lines = [
        "              一、本年新收政府",
        "                                117   10    1     3    4    13   148",
        "              信息公开申请数量",
        "                                 2                           1    3",
        "                   （三）      属",
        *(
            line
            for number in range(1, 9)
            for line in (f"                          {number}.", "                          属于")
        ),
        "                                 8                                8",
        "                                23    1                3     3    30",
    ]
    assert layouts.detect(lines, 7).layout is layouts.get("space-aligned")


@pytest.mark.parametrize("layout", ["row-per-cell", "tab-separated", "markdown"])
@pytest.mark.parametrize(("head", "rest"), [("100", "0"), ("403", "0"), ("12", "34")])
def test_a_cell_too_many_in_a_grid_is_no_wrapped_number(layout: str, head: str, rest: str) -> None:
    # From the thorough profile of the line-damage property: row-per-cell text (each cell a
    # tab-prefixed line) whose 规范性文件 prints one cell twice, ``100`` / ``0`` / ``0`` /
    # ``0``, read 1000 as if a narrow cell wrapped it. A text that marks where each cell
    # begins never splits a number over two cells: the row is left missing, said.
    report = gr.parse(SEEDS[0])
    key = "proactive.normative_documents"
    values = {k: v for k, v in report.flat().items() if v is not None}
    values |= {f"{key}.made": int(head), f"{key}.published": 0, f"{key}.total_published": 0}
    report = gr.Report.from_values(
        values, template="2019", organisation=report.organisation, year=report.year
    )
    text = gr.render(report, layout)
    before, after = {
        "row-per-cell": ("\t规范性文件\n\t{}\n\t0\n", "\t规范性文件\n\t{}\n\t{}\n\t0\n"),
        "tab-separated": ("规范性文件\t{}\t0", "规范性文件\t{}\t{}\t0"),
        "markdown": ("| 规范性文件 | {} | 0 |", "| 规范性文件 | {} | {} | 0 |"),
    }[layout]
    assert text.count(before.format(head)) == 1
    back = gr.parse(text.replace(before.format(head), after.format(head, rest)))
    cells = [back.cell(f"{key}.{cell}") for cell in ("made", "published", "total_published")]
    assert [(cell.value, cell.provenance) for cell in cells] == [(None, "missing")] * 3
    assert any(d.code == "extra-values" and f"{key}.made" in d.keys for d in back.diagnostics), (
        back.diagnostics
    )
