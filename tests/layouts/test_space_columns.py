"""Space-aligned columns found from the whole table (issue 45 item 1): a header merged down
over the lines above it (``rowspan``) prints its words on the line of the group heads beside
it, so no one header line names every column; a tool that counts a CJK character one wide
(lynx, inscriptis, ``pdftotext -layout``) lays every sub-table of section 二 out in that one
measure, though the rows of one sub-table may fit the other too."""

from __future__ import annotations

from unicodedata import east_asian_width

import pytest
from hypothesis import given

import govinfo_report as gr
from govinfo_report.structure.layouts.space_aligned import columns
from govinfo_report.write.render import render

from conftest import scaled, wrong
from manglers import AlignedCells
from strategies import beside_wide_counts, sparse_reports


def _report(values: dict[str, int]) -> gr.Report:
    """A 2019 report whose cells are 0 but for ``values``."""
    every = {field.key: 0 for field in gr.fields("2019")}
    every.update(values)
    return gr.Report.from_values(every, template="2019", organisation="青石县水务局", year=2019)


def _read(back: gr.Report, keys: list[str]) -> dict[str, object]:
    return {key: back.cell(key).value for key in keys}


@pytest.mark.parametrize("characters", [True, False])
def test_appeal_heads_merged_down_are_read_with_the_group_heads(characters: bool) -> None:
    """Under 行政复议, 结果维持 … 总计 share the line of 未经复议直接起诉 and 复议后起诉; the
    line below, the fullest, starts right of the row's first values: the columns are its
    words and the words above that no word is under."""
    values = {
        "appeals.review.corrected": 4,
        "appeals.review.other": 7,
        "appeals.review.total": 11,
        "appeals.litigation_direct.pending": 2,
        "appeals.litigation_direct.total": 2,
        "appeals.litigation_after_review.upheld": 3,
        "appeals.litigation_after_review.total": 3,
    }
    text = render(_report(values), AlignedCells(characters, raised=True), blank_zeros=True)
    assert "结果维持" in text.split("未经复议直接起诉")[0].splitlines()[-1]
    back = gr.parse(text)
    keys = [field.key for field in gr.fields("2019") if field.section == "appeals"]
    assert _read(back, keys) == {key: values.get(key, 0) for key in keys}


def _in_characters(rows: list[list[str]], starts: list[int]) -> str:
    """``rows`` laid out as lynx lays out a table: each cell at its column's start counted
    in characters (a CJK character one wide), blank cells empty."""
    lines = []
    for row in rows:
        line = ""
        for cell, start in zip(row, starts, strict=False):
            if cell:
                line = line.ljust(start) if len(line) < start else line + " "
                line += cell
        lines.append(line)
    return "\n".join(lines)


def test_a_sub_table_fitting_both_measures_is_read_in_the_tables_one() -> None:
    """lynx's section 二, counted in characters: 行政处罚's 140 starts where 本年增/减 does
    in display columns and where 处理决定数量 does in characters. The sub-table of
    其他对外管理服务事项 fits characters only (in display columns its long label runs into
    the first value column), so the whole table is read in characters. The sub-tables'
    headers differ (本年新公开数量 is wider than 本年增/减), so each is read by its own."""
    head = ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]
    table = _in_characters(
        [
            ["第二十条第（一）项"],
            ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
            ["规章", "", "", "4"],
            ["规范性文件", "3", "3", "25"],
            ["第二十条第（五）项"],
            head,
            ["行政许可", "120", "", "3310"],
            ["其他对外管理服务事项", "7", "2", "88"],
            ["第二十条第（六）项"],
            head,
            ["行政处罚", "61", "", "140"],
            ["行政强制", "9", "", "12"],
        ],
        [3, 14, 22, 30],
    )
    text = f"青石县水务局2019年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n{table}\n"
    back = gr.parse(text)
    keys = [
        f"proactive.{row}.{column}"
        for row in ("licensing", "other_services", "penalties", "coercive_measures")
        for column in ("previous_items", "change", "decisions")
    ]
    assert _read(back, keys) == dict(
        zip(keys, [120, None, 3310, 7, 2, 88, 61, None, 140, 9, None, 12], strict=True)
    )
    changes = [back.cell(key).provenance for key in keys[1::3]]
    assert changes == ["blank", "parsed", "blank", "blank"]


@pytest.mark.parametrize("characters", [True, False])
@scaled(0.3)
@given(report=sparse_reports())
def test_heads_merged_down_read_no_wrong_number(characters: bool, report: gr.Report) -> None:
    """Any report so laid out, its zeros blank: no cell wrong, and section 四 read whole
    where it prints a number in each group's 总计 (each cell the report gives, a zero as a
    printed blank; one it leaves out, printed ``—``, may be derived by its group's rule,
    which then leaves the group's blanks without a number)."""
    back = gr.parse(render(report, AlignedCells(characters, raised=True), blank_zeros=True))
    printed = {key: None if value == 0 else value for key, value in report.flat().items()}
    assert wrong(back, printed) == {}
    keys = [field.key for field in gr.fields(report.template) if field.section == "appeals"]
    if all(printed[key] is not None for key in keys[4::5]):
        given = [key for key in keys if report.flat()[key] is not None]
        read = {
            key: 0 if back.cell(key).provenance == "blank" else back.cell(key).value
            for key in given
        }
        assert read == {key: report.flat()[key] for key in given}


def _section_two(rules: list[str], normative: tuple[str, str] = ("14", "")) -> gr.Report:
    """A 2021 section 二 laid out as lynx lays it out, counted in characters: 规章 printing
    ``rules``, 行政规范性文件 ``normative`` and 230."""
    table = _in_characters(
        [
            ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            ["规章", *rules],
            ["行政规范性文件", *normative, "230"],
            ["信息内容", "本年处理决定数量"],
            ["行政许可", "3310"],
            ["行政处罚", "140"],
            ["行政强制", "12"],
        ],
        [3, 14, 22, 30],
    )
    return gr.parse(
        f"青石县水务局2021年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n{table}\n"
    )


_NORMATIVE = [f"proactive.normative_documents.{c}" for c in ("issued", "repealed", "in_force")]


@pytest.mark.parametrize(
    ("normative", "read"),
    [
        (("", "14"), [None, None, 230]),
        (("14", ""), [None, None, None]),  # 230 may be 2 and 30, the blank where 2 stood
    ],
)
def test_a_count_beside_the_one_blank_of_a_table_printing_its_zeros_is_missing(
    normative: tuple[str, str], read: list[int | None]
) -> None:
    """规章 prints 0, 0, 0: the table marks what it has nothing for, and 行政规范性文件's
    blank is its one gap. A count beside it wider than every value its column prints
    elsewhere may be two values glued by a lost separator, the blank where one of them
    stood (a tool leaves the token where its first value stood, or its last): 14 and a
    blank, or 1 and 4, a reader cannot tell. Both cells missing, said."""
    back = _section_two(["0", "0", "0"], normative)
    assert _read(back, _NORMATIVE) == dict(zip(_NORMATIVE, read, strict=True))
    assert [back.cell(key).provenance for key in _NORMATIVE[:2]] == ["missing", "missing"]
    said = [d for d in back.diagnostics if d.code == "values-unplaced"]
    assert set(_NORMATIVE[:2]) <= set(said[0].keys)
    assert back.flat()["proactive.rules.issued"] == 0


@pytest.mark.parametrize(
    "rules",
    [
        ["", "", "6"],  # a sparse table: it leaves its zeros blank
        ["21", "0", "960"],  # 规章's 21 is as wide as 14, its 960 as 230
    ],
)
def test_a_count_beside_a_blank_a_sparse_or_as_wide_column_prints_is_read(rules: list[str]) -> None:
    back = _section_two(rules)
    assert _read(back, _NORMATIVE) == dict(zip(_NORMATIVE, [14, None, 230], strict=True))
    assert back.cell(_NORMATIVE[1]).provenance == "blank"


_ROW = "applications.denied.enforcement_files"


def _display_width(text: str) -> int:
    return sum(2 if east_asian_width(char) in "WF" else 1 for char in text)


def _with_row(text: str, label: str, model: str, cells: list[str]) -> str:
    """``text`` with the line of ``label`` printing ``cells`` where lynx puts them: each
    at its column's start counted in display columns (a full-width digit two wide), the
    columns where the values of the line of ``model`` start."""
    lines = text.split("\n")
    below = next(line for line in lines if model in line)
    starts, width, gap = [], 0, True
    for char in below:
        if char != " " and gap and width > _display_width(below.split()[0]):
            starts.append(width)
        gap = char == " "
        width += _display_width(char)
    at = next(at for at, line in enumerate(lines) if label in line)
    line = lines[at][: lines[at].index(label) + len(label)]
    for cell, start in zip(cells, starts[-len(cells) :], strict=True):
        if cell:
            line += " " * (start - _display_width(line)) + cell
    lines[at] = line
    return "\n".join(lines)


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_a_full_width_count_before_a_blank_moves_no_value(template: str) -> None:
    """lynx lays a row out in display columns: ``２５８`` is six wide, three characters, so
    once folded to ``258`` the 总计 after it stands three columns left of its own, under
    其他 (a blank cell between them, wide from the other rows' counts). It is placed by
    the rules, never read as 其他's."""
    values = beside_wide_counts(template, _ROW, (1, 244, 0, 0, 258, 0))
    report = gr.Report.from_values(
        values, template=template, organisation="青石县水务局", year=2021
    )
    text = _with_row(
        gr.render(report, "space-aligned"),
        "属于行政执法案卷",
        "（一）予以公开",
        ["1", "244", "0", "0", "２５８", "", "503"],
    )
    assert "２５８" in text
    back = gr.parse(text)
    assert wrong(back, values) == {}
    assert back.flat()[f"{_ROW}.total"] == 503


#: A header's words in both measures (display columns, characters) over three columns, as
#: a value line whose wide characters left of a value count twice in display columns puts
#: the second value under the third word there and under the second in characters.
_HEADER = [[((10, 14), (10, 12)), ((24, 28), (20, 22)), ((38, 42), (30, 32))]]
_ROWS = [[((10, 12), (10, 12)), ((38, 40), (20, 22))]]


def test_two_measures_that_place_a_rows_values_apart_are_both_kept() -> None:
    """Both measures fit the header's words with as many columns, the second value in
    other columns: the columns are unsure, and the other measure's placement is kept, for
    the rules to choose (each value then fits either column)."""
    found = columns(_ROWS, _HEADER)
    assert found is not None
    assert (found.measure, found.placed, found.unsure, found.other) == (
        0,
        ((0, 2),),
        (True,),
        ((0, 1),),
    )


def test_a_measure_whose_header_words_cross_is_not_the_texts() -> None:
    """A word of the next line under the third word, reaching further left than it, in
    display columns (in characters it is that word's wrapped rest): display columns are
    not the text's measure, and the characters' columns are sure."""
    found = columns(_ROWS, [*_HEADER, [((33, 42), (30, 31))]])
    assert found is not None
    assert (found.measure, found.placed, found.unsure, found.other) == (1, ((0, 1),), (False,), ())


def test_a_value_under_a_group_head_alone_is_in_no_column() -> None:
    """A group head (a word over two words of the next line) names no column: a value
    under it and under neither of its columns' words is placed by no header word."""
    header = [[((10, 14), (10, 14)), ((24, 30), (24, 30))], [((20, 26),) * 2, ((28, 34),) * 2]]
    rows = [[((10, 12), (10, 12)), ((27, 28), (27, 28))]]
    assert columns(rows, header, measures=(1,), by_header=True) is None
