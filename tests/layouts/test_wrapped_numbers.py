"""A number too wide for its narrow cell, wrapped over two lines of it, as PDF text tools
print a browser's or Word's PDF (tool bed: pypdfium2, PyMuPDF, plain pdftotext). pdfium
prints a row's cells in their columns' order and breaks the line where the print moves
down, so the wrapped cell's head and rest stand alone after the row's centred values
(``348 0`` / ``198`` / ``2``: 1982). Where nothing else may be the head of that rest, the
two are one number; where another value may be (plain pdftotext puts every cell's first
line on one line: ``行政 348 0 198`` / ``许可`` / ``2``; a signed cell wrapped too:
``+1`` / ``8``; PyMuPDF's value a line: ``348`` / ``0`` / ``198`` / ``2``), the row's
cells stay missing, as before. The texts are typed here, not the tool bed's pages."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report import labels

from manglers import FLOWS, narrow_row

_HEAD = [
    "某县人民政府2020年政府信息公开工作年度报告",
    "一、总体情况",
    "2020年，某县认真贯彻落实政府信息公开各项要求。",
    "二、主动公开政府信息情况",
]

#: Each sub-table's header as pdfium prints a narrow column: two characters a line.
_FIRST = ["第二十条第（一）项", "信息", "内容", "本年", "新", "制作", "数量", "本年", "新公"]
_FIRST += ["开数", "量", "对外", "公开", "总数", "量"]
_ITEMS = ["信息", "内容", "上一", "年项", "目数", "量", "本年", "增/减"]
_DECISIONS = [*_ITEMS, "处理", "决定", "数量"]
#: 行政强制's label as pdfium prints it.
_COERCIVE = ["行政", "强制"]


def _text(licensing: list[str], coercive: list[str]) -> str:
    """A 2019 section 二 in pdfium's flow, 行政许可's and 行政强制's lines (their labels'
    too) as given."""
    lines = [
        *_HEAD,
        *_FIRST,
        "规章 0 0 0",
        *("规范", "性文", "件", "5 2 8"),
        "第二十条第（五）项",
        *_DECISIONS,
        *licensing,
        *("其他", "对外", "管理", "服务", "事项", "93 0 18"),
        "第二十条第（六）项",
        *_DECISIONS,
        *("行政", "处罚", "17 0 21"),
        *coercive,
        "第二十条第（八）项",
        *_ITEMS,
        *("行政", "事业", "性收", "费", "1 0"),
        "第二十条第（九）项",
        *("信息", "内容", "采购", "项目", "数量", "采购", "总金", "额"),
        *("政府", "集中", "采购", "3 512.41"),
        "三、收到和处理政府信息公开申请情况",
    ]
    return "\n".join(lines) + "\n"


def _row(report: gr.Report, row: str) -> list[object]:
    """A 2019 section 二 decisions row's three cells."""
    return [
        report.cell(f"proactive.{row}.{cell}").value
        for cell in ("previous_items", "change", "decisions")
    ]


def test_a_last_cell_wrapped_after_the_row_s_values_is_one_number() -> None:
    report = gr.parse(
        _text(["行政", "许可", "348 0", "198", "2"], [*_COERCIVE, "1项 +5", "543", "7件"])
    )
    assert _row(report, "licensing") == [348, 0, 1982]
    assert _row(report, "coercive_measures") == [1, 5, 5437]
    assert report.cell("proactive.licensing.decisions").provenance == "parsed"
    assert report.cell("proactive.licensing.decisions").raw == "1982"
    assert not [d for d in report.diagnostics if d.code == "extra-values"]
    # the rows around them are read as before
    assert _row(report, "other_services") == [93, 0, 18]
    assert _row(report, "penalties") == [17, 0, 21]


def test_a_value_a_line_with_one_way_to_join_is_one_number() -> None:
    # PyMuPDF's flow: each cell's line a line; 1项 carries its unit and +5 is shorter than
    # 543, so only 543 may be the head of 7件
    lines = ["行政", "许可", "16项", "0", "643", "9件"]
    report = gr.parse(_text(lines, [*_COERCIVE, "1项", "+5", "543", "7件"]))
    assert _row(report, "licensing") == [16, 0, 6439]
    assert _row(report, "coercive_measures") == [1, 5, 5437]


def _flow(licensing: list[str], coercive: list[str]) -> str:
    """``_text`` as PyMuPDF prints it: each cell's line a line, a blank cell none."""
    flow = _text(licensing, coercive).replace(" ", "\n")
    return flow.replace("\n93\n0\n18\n", "\n9\n0\n18\n").replace("\n17\n0\n", "\n7\n0\n")


def test_a_value_a_line_that_no_narrow_cell_may_wrap_is_read() -> None:
    """PyMuPDF's flow of rows whose labels wrap: ``8`` / ``0`` / ``35`` and ``3`` / ``-2``
    / ``61`` are three cells each, as no narrow cell wraps a number after one digit (each
    column's header prints a Chinese character, as wide as two digits), nor a rest longer
    than its head, nor a signed one. Main left such rows to their own rules, which
    section 二 has none of: every cell of all but 规章 missing."""
    report = gr.parse(_flow(["行政", "许可", "8", "0", "35"], [*_COERCIVE, "3", "-2", "61"]))
    assert _row(report, "licensing") == [8, 0, 35]
    assert _row(report, "coercive_measures") == [3, -2, 61]
    assert _row(report, "other_services") == [9, 0, 18]
    assert _row(report, "penalties") == [7, 0, 21]
    assert report.cell("proactive.coercive_measures.change").provenance == "parsed"


def test_a_value_a_line_that_may_be_one_wrapped_number_stays_missing() -> None:
    # 12 / 5 may be 125 (a blank cell left out), 40 / 7件 407件
    report = gr.parse(_flow(["行政", "许可", "12", "5", "30"], [*_COERCIVE, "3", "40", "7件"]))
    for row in ("licensing", "coercive_measures"):
        assert _row(report, row) == [None, None, None]
        assert not report.cell(f"proactive.{row}.change").blank
    assert _row(report, "penalties") == [7, 0, 21]


@pytest.mark.parametrize(
    "licensing",
    [
        # plain pdftotext: every cell's first line on the row's line, so 2 may end 348
        ["行政 348 0 198", "许可", "2"],
        # a value a line: 348 / 0 may be 3480 as well as 198 / 2 1982
        ["行政", "许可", "348", "0", "198", "2"],
        # a signed cell wrapped too: +1 / 8 may be +18 as well as 373 / 4件 3734
        ["行政", "许可", "+1", "8", "373", "4 件"],
        # an empty line between: a paragraph's gap, not a cell's line (another row's 2)
        ["行政", "许可", "348 0", "198", "", "2"],
        # a head of two digits is no sure head: a column holds three at least
        ["行政", "许可", "348 0", "19", "2"],
    ],
)
def test_a_rest_that_may_end_another_value_leaves_the_row_missing(licensing: list[str]) -> None:
    report = gr.parse(_text(licensing, [*_COERCIVE, "1项 +5", "543", "7件"]))
    assert _row(report, "licensing") == [None, None, None]
    assert report.cell("proactive.licensing.decisions").provenance == "missing"
    found = next(d for d in report.diagnostics if d.code == "extra-values")
    assert found.keys[-1] == "proactive.licensing.decisions"
    assert _row(report, "coercive_measures") == [1, 5, 5437]  # read where it is sure


def _cells(draw: st.DrawFn) -> tuple[list[str], list[int | None]]:
    """A decisions row's cells as printed (blank ones empty) and their values."""
    items = draw(st.none() | st.integers(0, 99_999))
    change = draw(st.integers(-99, 99))
    decisions = draw(st.integers(0, 99_999_999))
    unit = draw(st.booleans())
    printed = [
        "" if items is None else f"{items}项" if unit else str(items),
        f"{change:+d}" if change else "0",
        f"{decisions}件" if unit else str(decisions),
    ]
    return printed, [items, change, decisions]


@st.composite
def _narrow_rows(draw: st.DrawFn) -> tuple[str, int, str, list[list[int | None]], list[str]]:
    """Section 二 with 行政许可's and 行政强制's cells wrapped in cells of 3 to 5 characters
    as a PDF text tool prints them (``manglers.narrow_row``): the text, the width, the
    flow, each row's values and cells as printed."""
    width = draw(st.integers(3, 5))
    flow = draw(st.sampled_from(FLOWS))
    rows = [_cells(draw), _cells(draw)]
    printed = []
    for label, (cells, _) in zip((("行政", "许可"), ("行政", "强制")), rows, strict=True):
        lines = narrow_row(cells, width, flow)
        if flow == "pdftotext":  # the label's first piece and the row's first line are one
            printed.append([f"{label[0]} {lines[0]}", label[1], *lines[1:]])
        else:
            printed.append([*label, *lines])
    text = _text(*printed)
    return text, width, flow, [values for _, values in rows], [cells for cells, _ in rows]


@given(_narrow_rows())
def test_numbers_wrapped_in_narrow_cells_are_never_read_wrong(
    drawn: tuple[str, int, str, list[list[int | None]], list[str]],
) -> None:
    text, width, flow, values, printed = drawn
    report = gr.parse(text)
    for row, want, cells in zip(("licensing", "coercive_measures"), values, printed, strict=True):
        got = _row(report, row)
        assert all(g is None or g == w for g, w in zip(got, want, strict=True)), (got, want)
        # pdfium's flow of a row whose last cell alone wraps, over two lines, and whose
        # other cells print, with fewer digits than a line holds: nothing else may end the
        # rest
        head, rest = cells[-1][:width], cells[-1][width:]
        alone = all(
            0 < len(cell) <= width and sum(map(str.isdigit, cell)) < width for cell in cells[:2]
        )
        if flow == "pdfium" and alone and 0 < len(rest) <= width and rest[0].isdigit():
            assert got == want, (got, want, head, rest)


def _may_be_one(upper: str, lower: str) -> bool:
    """Whether ``lower`` may be the rest of a number ``upper`` begins in a narrow cell:
    ``upper`` of two digits or more and no unit, ``lower`` digits first, no more of them."""
    digits = len(upper.lstrip("+-"))
    rest = len(lower) - len(lower.lstrip("0123456789"))
    return upper.lstrip("+-").isdigit() and digits >= 2 and 0 < rest <= digits


@st.composite
def _fitting_rows(draw: st.DrawFn) -> tuple[str, list[list[int]], list[list[str]]]:
    """Section 二 in PyMuPDF's flow (``_flow``) with 行政许可's and 行政强制's cells all
    printed, each fitting its cell 3 to 5 characters wide: the text, each row's values and
    cells as printed."""
    width = draw(st.integers(3, 5))
    fits = st.integers(0, 10 ** (width - 1) - 1)  # room for a unit
    rows = []
    for _ in range(2):
        items, decisions = draw(st.integers(0, 9) | fits), draw(fits)
        change = draw(st.integers(-9, 9) | st.integers(-99, 99))
        unit = draw(st.booleans())
        printed = [
            f"{items}项" if unit else str(items),
            f"{change:+d}" if change else "0",
            f"{decisions}件" if unit else str(decisions),
        ]
        rows.append((printed, [items, change, decisions]))
    lines = [narrow_row(printed, width, "value-a-line") for printed, _ in rows]
    text = _flow(["行政", "许可", *lines[0]], [*_COERCIVE, *lines[1]])
    return text, [values for _, values in rows], [printed for printed, _ in rows]


@given(_fitting_rows())
def test_a_flow_s_rows_that_no_narrow_cell_may_wrap_are_read(
    drawn: tuple[str, list[list[int]], list[list[str]]],
) -> None:
    """PyMuPDF's flow of rows whose cells fit their narrow cells: never read wrong, and
    where no value of either row may be the head of the next one's number
    (``_may_be_one``), both read whole."""
    text, values, printed = drawn
    report = gr.parse(text)
    got = [_row(report, row) for row in ("licensing", "coercive_measures")]
    for row, want in zip(got, values, strict=True):
        assert all(g is None or g == w for g, w in zip(row, want, strict=True)), (row, want)
    sure = not any(_may_be_one(*pair) for cells in printed for pair in pairwise(cells))
    event(f"sure={sure}")
    if sure:
        assert got == values


def test_a_row_after_a_label_alone_is_not_joined() -> None:
    # plain pdftotext's column blocks: 行政处罚's label alone, then 行政强制's, then values
    # that may be either row's; a fourth value is no wrapped number's rest there, and
    # 行政处罚 is not claimed printed blank
    text = _text(["行政", "许可", "348 0", "198", "2"], [*_COERCIVE, "1项 +5", "543", "7件"])
    blocks = "行政处罚\n行政强制\n100 0\n198\n2\n"
    report = gr.parse(text.replace("行政\n处罚\n17 0 21\n行政\n强制\n1项 +5\n543\n7件\n", blocks))
    assert _row(report, "licensing") == [348, 0, 1982]  # its own label before its values
    assert _row(report, "penalties") == [None, None, None]
    assert _row(report, "coercive_measures") == [None, None, None]
    for row in ("penalties", "coercive_measures"):
        assert report.cell(f"proactive.{row}.decisions").provenance == "missing"
    found = [d for d in report.diagnostics if "proactive.coercive_measures.change" in d.keys]
    assert [d.code for d in found] == ["values-unplaced"]
    assert "行政处罚" in found[0].message


def test_a_line_of_rests_that_is_no_row_s_leaves_their_heads_missing() -> None:
    # 1000项 and 100件 in cells of three characters, as plain pdftotext prints them: the
    # line of rests and a unit matches no row and is set aside, so the values it may end
    # are missing, not read whole (100 for 1000)
    lines = narrow_row(["1000项", "0", "100件"], 3, "pdftotext")
    assert lines == ["100 0 100", "0项 件"]
    text = _text([f"行政 {lines[0]}", "许可", lines[1]], ["行政 0 0", "强制"])
    report = gr.parse(text)
    assert _row(report, "licensing") == [None, 0, None]
    found = next(d for d in report.diagnostics if d.code == "values-unplaced")
    assert found.keys == ("proactive.licensing.previous_items", "proactive.licensing.decisions")
    assert (found.line, found.column) == (text.split("\n").index("行政 100 0 100") + 1, 4)


def test_a_value_lifted_between_rows_under_another_column_is_no_rest() -> None:
    # pdftotext -layout of a tall row: 规范性文件's 对外公开总数量 (0) printed on the line
    # between the two rows, under its column. Four values for 规章's three cells, but the 0
    # stands under the 1, right of 100's end: no rest of 100 (1000 was read), and the row
    # does not say which cell it joins, so 100 is read only where the 0 is set aside.
    layout = [
        *_HEAD,
        "第二十条第（一）项",
        "信息内容              本年新制作数量  本年新公开数量            对外公开总数量",
        "规章                  0               100                       1",
        "                                                                0",
        "规范性文件            0               0",
        "第二十条第（五）项",
        "信息内容              上一年项目数量  本年增/减                 处理决定数量",
        "行政许可              0               0                         0",
        "三、收到和处理政府信息公开申请情况",
    ]
    report = gr.parse("\n".join(layout) + "\n")
    published = report.cell("proactive.rules.published").value
    assert published in (None, 100)
    assert report.cell("proactive.rules.made").value in (None, 0)
    assert report.cell("proactive.normative_documents.total_published").value is None
    assert _row(report, "licensing") == [0, 0, 0]


#: Section 三 of a made-up 2021 report as ``pdftotext -layout`` prints Word's PDF (typed for
#: this test, its rows after （二）部分公开 left out): the 总计 column is three characters
#: wide, so 1548 and 1036 wrap over the lines around their rows' values (``154`` / ``8``,
#: ``103`` / ``6``), and 三、本年度办理结果 is written down its column two characters a line,
#: its ``三、`` beside ``103``.
_GROUP_BESIDE = """某县人民政府2022年政府信息公开工作年度报告
一、总体情况
2022年，某县认真贯彻落实政府信息公开各项要求。
三、收到和处理政府信息公开申请情况

（本列数据的勾稽关系                 申请人情况
                              法人或其他组织
为：第一项加第二项之                     科   会    律
                 自然
和，等于第三项加第四              商业企    研   公    服    其    总计
                 人
   项之和）                  业     机   益    务    他

一、本年新收政府信息                                        154
                 1410   60    3   11   40   24
  公开申请数量                                           8

二、上年结转政府信息
                 20     1     0   0    1    0    22
  公开申请数量

三、                                                103
     （一）予以公开  900     60     3   11   40   22
本年                                                6
度办
     （二）部分公开
理结
     （区分处理的，
果                 30     2               3         35
     只计这一情形，
     不计其他情形）

四、政府信息公开行政复议、行政诉讼情况
"""


#: The same with the group's numbering written ``三`` / ``、`` (its 、 a line of its own).
_NUMERAL_BESIDE = _GROUP_BESIDE.replace("三、" + " " * 48 + "103", "三" + " " * 49 + "103").replace(
    "本年" + " " * 48 + "6\n度办", "、" + " " * 49 + "6\n本年\n度办"
)


@pytest.mark.parametrize("text", [_GROUP_BESIDE, _NUMERAL_BESIDE], ids=["三、", "三"])
def test_a_numbering_alone_beside_a_wrapped_head_is_no_rows_label(text: str) -> None:
    """``103`` beside ``三、`` (a group label's first piece, written down its column) is the
    head of （一）予以公开's 总计, ``6`` under it its rest: no row's label stands beside it,
    so it is not the row above's value. Read as the row's total alone, 6 broke the row's
    own rule and was reported as the report's error (main); joined, the row's values
    gathered from three lines are left to the rules, which confirm them here (where they
    cannot, the cells are missing, never 6)."""
    assert "103" in text and "本年" in text
    report = gr.parse(text)
    columns = [*labels.APPLICANT_COLUMNS]
    granted = [report.cell(f"applications.granted.{column}") for column in columns]
    assert [(cell.value, cell.provenance) for cell in granted] == [
        (value, "parsed") for value in (900, 60, 3, 11, 40, 22, 1036)
    ]
    assert report.cell("applications.granted.total").raw == "1036"
    assert not [d for d in report.diagnostics if d.code == "rule-violation"]
    assert report.cell("applications.new.total").value == 1548


#: Section 三's columns, in order.
_APPLICANTS = tuple(labels.APPLICANT_COLUMNS)


#: Section 三 of a 2021 report in pdfium's flow: each label cell whole, then the row's
#: cells in their columns' order, the line broken where the print moves down. 本年新收's
#: 自然人 (1437) and 总计 (1735) wrap in their narrow cells, the rest centred between: the
#: first cell's head and rest stand before the others, the last's after them.
_FIRST_WRAPPED = """\
某区人民政府2023年政府信息公开工作年度报告
一、总体情况
2023年，某区认真贯彻落实政府信息公开各项要求。
三、收到和处理政府信息公开申请情况
申请人情况
自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计
一、本年新收政府信息公开申请数量
143
7
148 3 21 76 50
173
5
二、上年结转政府信息公开申请数量
0 0 0 0 0 0 0
三、本年度办理结果
（一）予以公开
1197 120 3 20 70 45 1455
（二）部分公开（区分处理的，只计这一情形，不计其他情形）
240 28 0 1 6 5 280
（三）不予公开
1.属于国家秘密
0 0 0 0 0 0 0
（七）总计
143
7
148 3 21 76 50
173
5
四、结转下年度继续办理
0 0 0 0 0 0 0
四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
无。
"""


def test_a_first_cell_wrapped_before_the_row_s_values_is_one_number() -> None:
    """pdfium prints 1437 in a narrow first cell as ``143`` / ``7`` before the row's other
    values (``148 3 21 76 50``), and 1735 in its last as ``173`` / ``5`` after them. The
    head of the first stands on an earlier line than values of later columns, which the
    check of the columns' order read as values out of order: both rows were missing. A
    first cell's join is now left out of that check, as a last cell's is, where the row's
    own rule checks it (1437 + 148 + 3 + 21 + 76 + 50 = 1735)."""
    report = gr.parse(_FIRST_WRAPPED)
    for row in ("new", "total"):
        got = [report.cell(f"applications.{row}.{column}").value for column in _APPLICANTS]
        assert got == [1437, 148, 3, 21, 76, 50, 1735], row
    assert report.cell("applications.new.natural_person").raw == "1437"


@st.composite
def _wide_rows(draw: st.DrawFn) -> tuple[str, list[int], int]:
    """Section 三 whose 本年新收 and 总计 (the same counts, all granted) print in cells 3 or
    4 characters wide in pdfium's flow (``manglers.narrow_row``): the text, the counts, the
    width."""
    width = draw(st.integers(3, 4))
    counts = [
        draw(st.integers(1, 99_999)),
        *draw(st.lists(st.integers(0, 999), min_size=5, max_size=5)),
    ]
    counts.append(sum(counts))
    lines = narrow_row([str(count) for count in counts], width, "pdfium")
    text = _FIRST_WRAPPED
    for row in ("一、本年新收政府信息公开申请数量\n", "（七）总计\n"):
        text = text.replace(f"{row}143\n7\n148 3 21 76 50\n173\n5\n", row + "\n".join(lines) + "\n")
    values = " ".join(map(str, counts))
    text = text.replace("1197 120 3 20 70 45 1455\n", f"{values}\n")
    text = text.replace("240 28 0 1 6 5 280\n", "0 0 0 0 0 0 0\n")
    return text, counts, width


@given(_wide_rows())
def test_section_three_rows_wrapped_in_narrow_cells_are_never_read_wrong(
    drawn: tuple[str, list[int], int],
) -> None:
    text, counts, width = drawn
    report = gr.parse(text)
    for row in ("new", "total"):
        got = [report.cell(f"applications.{row}.{column}").value for column in _APPLICANTS]
        assert all(g is None or g == w for g, w in zip(got, counts, strict=True)), (got, counts)
        # only the first and last cells wrap, each over two lines, and no other cell fills
        # a line: nothing else may end either rest
        middle = [str(count) for count in counts[1:-1]]
        first, last = str(counts[0]), str(counts[-1])
        if (
            width < len(first) <= 2 * width
            and width < len(last) <= 2 * width
            and all(len(cell) < width for cell in middle)
        ):
            assert got == counts, (got, counts, width)
