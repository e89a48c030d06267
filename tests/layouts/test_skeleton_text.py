"""A part's text read through the ``Skeleton`` (issue 47: the parser's slicing helpers over
``(text, skel)`` became its methods), and a section's table read through ``read_table``."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.catalogue import TEMPLATES
from govinfo_report.structure import skeleton
from govinfo_report.tables.reading import Reading
from govinfo_report.tables.table import read_table

LINES = [
    "某某县人民政府2023年政府信息公开工作年度报告",
    "",
    "一、总体情况：本年度依法公开政府信息",
    "本县共公开信息十条。",
    "",
    "六、其他需要报告的事项",
    "无。",
    "某某县人民政府办公室",
    "2024年1月20日",
]


def test_the_parts_of_a_report_are_read_through_its_skeleton() -> None:
    skel = skeleton.split(LINES)
    assert list(skel.front_lines) == LINES[:2]
    assert skel.prose_lines(1) == [(4, "本县共公开信息十条。")]
    assert skel.prose(1) == "本年度依法公开政府信息\n本县共公开信息十条。"
    assert skel.overview == ["本县共公开信息十条。"]
    assert skel.closing == ["无。", "某某县人民政府办公室", "2024年1月20日"]
    assert skel.prose(3) is None and skel.prose_lines(3) == [] and skel.tables(2) == []
    assert skel.spanned([range(0, 1), range(6, 9)], 2) == [LINES[0], "无。"]


def test_a_section_without_a_table_is_read_as_missing_with_its_keys() -> None:
    template = TEMPLATES["2021"]
    read = read_table(skeleton.split(LINES), "appeals", [], template, None)
    assert read.layout is None
    assert read.reading == Reading("appeals")
    ((missing,),) = (read.findings,)
    assert missing.code == "table-missing"
    assert missing.keys == template.section_keys("appeals")
    assert (missing.line, missing.column) == (None, None)  # the text has no heading 四


def test_a_section_without_a_table_is_said_at_its_heading() -> None:
    appeals = ["四、政府信息公开行政复议、行政诉讼情况", "本年度未发生行政复议。"]
    lines = [*LINES[:5], *appeals, *LINES[5:]]
    read = read_table(skeleton.split(lines), "appeals", [], TEMPLATES["2021"], None)
    ((missing,),) = (read.findings,)
    assert (missing.code, missing.line, missing.column) == ("table-missing", 6, 1)


#: The characters a heading's line is made of, and what may stand around one: tabs, the
#: white space of every kind a line may hold (``\f`` of a page break, a no-break space,
#: ``\x85``, ``\u2028``), Markdown's ``#``, numerals, the punctuation after them, a title's
#: characters.
_HEADING_CHARACTERS = "\t \f\x0b\x1c\x85\u2028\u3000\xa0#二三7、.:,政府信息公开情况x"


@given(st.lists(st.text(_HEADING_CHARACTERS, max_size=12), max_size=12))
def test_the_headings_lines_are_found_by_one_search_as_by_a_match_a_line(
    lines: list[str],
) -> None:
    """``_heading_lines`` searches the lines joined; it finds what ``_HEADING_LINE`` matched
    at each line's start, a line holding white space of any kind, or only tabs after the
    numeral's punctuation; each match's groups are ``_HEADING``'s of the line."""
    expected = [at for at, line in enumerate(lines) if skeleton._HEADING_LINE.match(line)]
    found = list(skeleton._heading_lines("\n" + "\n".join(lines)))
    assert [at for at, _ in found] == expected
    for at, heading in found:
        alone = skeleton._HEADING.match(lines[at])
        assert alone is not None
        assert heading.group("number", "title") == alone.group("number", "title")


def test_a_heading_after_a_table_line_or_white_space_is_found_on_its_own_line() -> None:
    lines = ["\t二、主动公开政府信息情况", " ", "  ## 二、主动公开政府信息情况", "二、\t", "三、 "]
    assert [at for at, _ in skeleton._heading_lines("\n" + "\n".join(lines))] == [2, 4]


def test_a_label_cut_after_a_table_s_last_value_alone_is_the_table_s() -> None:
    # pdfminer's centred cells: 行政强制's value before its label's pieces, past empty
    # lines, where more of the section follows; numbering marks are a piece's too
    lines = [
        "二、主动公开政府信息情况",
        *("第二十条第（六）项", "信息内容", "本年处理决定数量", "行政处罚"),
        *("2", "", "行政", "", "强制", "四、", "）总"),
        "第二十条第（八）项",
        "行政事业性收费",
    ]
    skel = skeleton.split(lines)
    assert skel.tables(2) == [range(1, 12)]
    # pieces that end the section are left to the table's reading again with them; the
    # empty line after the value, up to the next printed line, is the table's (its last
    # cell's separator, or lynx's empty cells)
    ended = [*lines[:12], "三、收到和处理政府信息公开申请情况"]
    assert [span.stop for span in skeleton.split(ended).tables(2)] == [7]
    # a value beside its label: the lines after it are not taken
    lines[5:10] = ["行政强制 2"]
    assert [span.stop for span in skeleton.split(lines).tables(2)] == [6]
