"""Section 三 of a browser's PDF whose label column is narrow, through pdfplumber: each
row's label spelt down the column a character or two a line, its numbering on a baseline
of its own (``属`` / ``1.`` / ``于国``), the group labels' pieces (``不予公`` / ``开``) and
the section's vertical heading (``本`` / ``年`` / ``度``) beside them, and the row's values
on one of the label's lines (``sections.spelt_down``). Typed as pdfplumber prints such a
page, for a made-up report."""

from __future__ import annotations

from hypothesis import given, note
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report import labels
from govinfo_report.structure.layouts import Grid, Row
from govinfo_report.tables.sections.spelt_down import spelt_down
from govinfo_report.write.render import render

from conftest import scaled, wrong
from manglers import CentredRows
from strategies import narrow_reports

_HEAD = [
    "石门乡人民政府2021年政府信息公开工作年度报告",
    "",
    "一、总体情况",
    "2021年，石门乡人民政府认真落实政府信息公开工作要求。",
    "",
    "三、收到和处理政府信息公开申请情况",
    "申请人情况",
    "（本列数据的勾稽",
    "关系为：第一项加 自然人 法人或其他组织",
    "第二项之和，等于",
    "社会 法律",
    "总计",
    "第三项加第四项之 商业 科研",
    "公益 服务 其他",
    "和） 企业 机构",
    "组织 机构",
]

_TAIL = [
    "",
    "四、政府信息公开行政复议、行政诉讼情况",
    "",
    "五、存在的主要问题及改进情况",
    "无。",
    "",
]

#: pdfplumber's plain text: the values of a row on a line of their own, one space apart.
PLAIN = "\n".join(
    [
        *_HEAD,
        "一、本年新收政府",
        "5 1 0 0 0 0 6",
        "信息公开申请数量",
        "二、上年结转政府",
        "1 0 0 0 0 0 1",
        "信息公开申请数量",
        "三 （一）予以",
        "2 0 0 0 0 0 2",
        "、 公开",
        "本",
        "（二）部分",
        "年",
        "公开",
        "度",
        "（区分处理",
        "1 0 0 0 0 0 1",
        "办",
        "的，只计这",
        "理 一情形，不",
        "结 计其他情形）",
        "果",
        "（三） 属",
        "1.",
        "不予公 于国",
        "0 0 0 0 0 0 0",
        "开 家秘",
        "密",
        "其",
        "2.",
        "他法",
        "律行",
        "政法",
        "1 0 0 0 0 0 1",
        "规禁",
        "止公",
        "开",
        "危",
        "3.",
        "及",
        "三",
        "“",
        "0 0 0 0 0 0 0",
        "安全",
        "一稳",
        "定",
        "”",
        "保",
        "4.",
        "护第",
        "三方",
        "0 0 0 0 0 0 0",
        "合法",
        "权益",
        "（四） 本",
        "1.",
        "无法提 机关",
        "供 不掌",
        "握相",
        "2 1 0 0 0 0 3",
        "关政",
        "府信",
        "息",
        "（六） 其",
        "3. 0 0 0 0 0 0 0",
        "他",
        "（七）总计 6 1 0 0 0 0 7",
        "四、结转下年度继",
        "0 0 0 0 0 0 0",
        "续办理",
        *_TAIL,
    ]
)


def _row(report: gr.Report, row: str) -> list[object]:
    return [
        report.cell(f"applications.{row}.{column}").value for column in labels.APPLICANT_COLUMNS
    ]


def test_labels_spelt_down_a_narrow_column_take_the_values_on_their_lines() -> None:
    report = gr.parse(PLAIN)
    assert report.template == "2021"
    assert _row(report, "denied.state_secret") == [0] * 7
    assert _row(report, "denied.prohibited_by_law") == [1, 0, 0, 0, 0, 0, 1]
    assert _row(report, "denied.security_stability") == [0] * 7
    assert _row(report, "denied.third_party_rights") == [0] * 7
    # the group's label 无法提供 cut beside the row's
    assert _row(report, "unavailable.not_held") == [2, 1, 0, 0, 0, 0, 3]
    for key in ("denied.state_secret", "unavailable.not_held"):
        assert report.cell(f"applications.{key}.total").provenance == "parsed"


def test_a_row_spelt_with_its_number_apart_is_that_row_not_a_column_header() -> None:
    """``其`` / ``3.  0 0 …`` / ``他``: 3.其他, the sub-row of （六）, not the applicant column
    其他 that the header names."""
    report = gr.parse(PLAIN)
    assert _row(report, "other.other") == [0] * 7
    assert report.cell("applications.other.other.total").provenance == "parsed"


def test_values_below_a_spelt_label_s_last_line_are_joined_to_no_row() -> None:
    """4 / 4 stands after 属于国家秘密's last piece and before 其他法律…'s first: either
    row's by the lines alone, so no label spelt takes it."""
    rows = [
        Row((("（三）      属", 1, 8),), (), 1),
        Row((("1.", 2, 15),), (), 2),
        Row((("不予公", 3, 8), ("于国", 3, 18)), (), 3),
        Row((("开", 4, 10), ("家秘", 4, 17)), (), 4),
        Row((("密", 5, 16),), (), 5),
        Row((), (("4", 6, 35), ("4", 6, 73)), 6),
        Row((("其", 7, 17),), (), 7),
        Row((("2.", 8, 15),), (), 8),
        Row((("他法", 9, 15),), (), 9),
        Row((("律行政", 10, 15),), (("1", 10, 35), ("1", 10, 73)), 10),
        Row((("法规禁止公开", 11, 15),), (), 11),
    ]
    rest = _whole(list(labels.APPLICATION_ROWS["2021"])[6:], "2021", 12)
    joined = spelt_down([*rows, *rest], "2021")
    assert joined[-len(rest) :] == rest
    assert [row for row in joined[: -len(rest)] if row.values] == [
        rows[5],
        rows[9]._replace(labels=(("2.其他法律行政法规禁止公开", 7, 17),)),
    ]
    # 其 / 2. / 他法 / 法规禁止公开 joined into 律行政's line; 属于国家秘密's five lines kept
    assert len(joined) == 7 + len(rest)


def _after(labels_: list[list[str]], values: list[list[str]], first: int) -> list[Row]:
    """Rows as a layout gives pdfium's order: each label's pieces a line each, then its
    values on the next line, taken with the label's last piece."""
    rows: list[Row] = []
    line = first
    for pieces, row_values in zip(labels_, values, strict=True):
        for piece in pieces[:-1]:
            rows.append(Row(((piece, line, 1),), (), line))
            line += 1
        printed = tuple((value, line + 1, 1 + 4 * at) for at, value in enumerate(row_values))
        rows.append(Row(((pieces[-1], line, 1),), printed, line))
        line += 2
    return rows


_AFTER_LABELS = [
    ["1.属", "于国", "家秘", "密"],
    ["2.其", "他法", "律行", "政法", "规禁", "止公", "开"],
    ["3.危", "及", "“三", "安全", "一稳", "定”"],
    ["4.保", "护第", "三方", "合法", "权益"],
]
_AFTER_VALUES = [["1", "1"], ["2", "2"], ["3", "1", "4"], ["18", "18"]]


def test_labels_printed_whole_before_their_values_take_the_values_after_them() -> None:
    """pdfium prints each label cell whole, then the row's values (``2.其`` / ``他法`` / … /
    ``开`` / ``2 2``): every label spelt over three pieces or more has its values on the
    line after its last piece, none on its own lines, so that line is its row's."""
    rows = _after(_AFTER_LABELS, _AFTER_VALUES, 1)
    rest = _whole(list(labels.APPLICATION_ROWS["2021"])[8:], "2021", 40)
    joined = spelt_down([*rows, *rest], "2021")
    assert joined[-len(rest) :] == rest
    assert [(row.labels[0][0], [v for v, _, _ in row.values]) for row in joined[: -len(rest)]] == [
        ("1.属于国家秘密", ["1", "1"]),
        ("2.其他法律行政法规禁止公开", ["2", "2"]),
        ("3.危及“三安全一稳定”", ["3", "1", "4"]),
        ("4.保护第三方合法权益", ["18", "18"]),
    ]
    # 其他法律…'s values on one of its own lines (``他法  2  2``): the order is not shown,
    # and only that label, whose values stand on its lines, is joined
    rows[5] = rows[5]._replace(values=(("2", 6, 1), ("2", 6, 5)))
    rows[10] = rows[10]._replace(values=())
    again = spelt_down([*rows, *rest], "2021")
    assert [row.labels[0][0] for row in again[: -len(rest)] if row.values] == [
        "密",
        "2.其他法律行政法规禁止公开",
        "定”",
        "权益",
    ]


def _whole(keys: list[str], template: str, first: int) -> list[Row]:
    """The rows ``keys`` of section 三, each printed whole on a line of its own with seven
    zeros, from line ``first`` on: the rest of a table whose other labels are spelt down."""
    return [
        Row(
            ((labels.APPLICATION_ROWS[template][key][0], first + at, 1),),
            tuple(("0", first + at, 30 + 6 * column) for column in range(7)),
            first + at,
        )
        for at, key in enumerate(keys)
    ]


@scaled(0.3)
@given(
    report=narrow_reports(),
    spread=st.lists(st.integers(0, 2), min_size=1, max_size=2),
    blank=st.booleans(),
)
def test_labels_spelt_down_with_their_numbers_apart_are_never_read_wrong(
    report: gr.Report, spread: list[int], blank: bool
) -> None:
    """Any report printed as pdfplumber prints a browser's PDF of a narrow page: labels two
    characters a line, a sub-row's number on a line of its own after its first character
    (``CentredRows(numbering=True)``), each value on a line of its label (``spread``),
    zeros maybe blank. No cell wrong, none claimed blank where a number is printed."""
    text = render(
        report, CentredRows(wrap=2, numbering=True, spread=tuple(spread)), blank_zeros=blank
    )
    note(text)
    back = gr.parse(text)
    truth = report.flat()
    assert wrong(back, truth) == {}
    assert not [k for k, v in truth.items() if v not in (None, 0) and back.cell(k).blank]


#: The rows whose label starts with 无 (none), which the layout reads as a value where the
#: row's values stand on that line: that row and the one before are left to other readings.
_NONE_FIRST = ("not_processed.publication", "not_processed.excessive")


@scaled(0.3)
@given(report=narrow_reports(), line=st.integers(0, 2))
def test_rows_of_values_on_their_spelt_labels_lines_are_read_whole(
    report: gr.Report, line: int
) -> None:
    """The same pages with every value printed, each row's on one line of its label
    (``spread``): every cell of section 三 is read, but the two rows about 无正当理由….
    The reading before labels were spelt got 27% of these pages' non-zero cells."""
    text = render(report, CentredRows(wrap=2, numbering=True, spread=(line,)))
    note(text)
    back = gr.parse(text)
    missed = {
        key
        for key, value in report.flat().items()
        if key.startswith("applications.")
        and back.cell(key).value != value
        and not key.removeprefix("applications.").startswith(_NONE_FIRST)
    }
    assert missed == set()


def test_a_markdown_row_whose_label_cell_is_blank_is_joined_to_no_label() -> None:
    """markitdown's text of a PDF: a row of values in a table of its own between a label's
    pieces, its label cells blank (``|  |  |  |  |  |  1 |  1 |  |``, one cell more than the
    section's columns). Its cells count the label's among them, so which are values no
    joined label tells: the row is left as it is (a first cut read 其他 1 and 总计 blank for
    法律服务机构 1 and 总计 1)."""
    keys = list(labels.APPLICATION_ROWS["2019"])
    before = _whole(keys[: keys.index("not_processed.excessive")], "2019", 1)
    blank = ["", "", "", "", "", "1", "1", ""]
    cells = tuple((text, 24, 1 + 6 * at) for at, text in enumerate(blank))
    rows = [
        Row((("无", 21, 1),), (), 21),
        Row((("4.", 22, 1),), (), 22),
        Row((("正当", 23, 1),), (), 23),
        Row((), (("1", 24, 31), ("1", 24, 37)), 24, grid=Grid(cells)),
        Row((("理由", 25, 1),), (), 25),
        Row((("大量", 26, 1),), (), 26),
        Row((("反复", 27, 1),), (), 27),
        Row((("申请", 28, 1),), (), 28),
    ]
    after = _whole(keys[keys.index("not_processed.excessive") + 1 :], "2019", 29)
    assert spelt_down([*before, *rows, *after], "2019") == [*before, *rows, *after]
    rows[3] = rows[3]._replace(grid=Grid())  # the same values as a line of text
    assert spelt_down([*before, *rows, *after], "2019") == [
        *before,
        rows[3]._replace(labels=(("4.无正当理由大量反复申请", 21, 1),)),
        *after,
    ]


#: The characters a line of each label column holds on a narrow page (a sub-row's
#: numbering, narrow, goes with its first character).
_WIDTHS = (8, 5, 2)


def _wrapped_cell(label: str, width: int) -> list[str]:
    """The lines of a label cell ``width`` characters wide (``1.属`` / ``于国`` / ``家秘``)."""
    head = len(label) - len(label.lstrip("0123456789.")) + width
    return (
        [label[:head], *(label[at : at + width] for at in range(head, len(label), width))]
        if label
        else []
    )


def _cell_order(report: gr.Report, blank: bool) -> str:
    """``report`` as pdfium prints a narrow page's section 三 (pypdfium2, PyMuPDF's text in
    the order of its content): each label cell whole, wrapped at its column's width, then
    the row's values on a line of their own (``2.其`` / ``他法`` / … / ``开`` / ``2 2``);
    ``blank``: zeros left out, as a page that leaves them empty prints them."""
    text = render(report, "tab-separated")
    start, end = text.index("一、本年新收"), text.index("四、政府信息公开行政复议")
    lines = []
    for line in text[start:end].splitlines():
        cells = line.split("\t")
        for column, label in enumerate(cells[:3]):
            lines += _wrapped_cell(label, _WIDTHS[column])
        values = [value for value in cells[3:] if value and not (blank and value == "0")]
        lines += [" ".join(values)] if values else []
    head = text[:start].replace("\t", " ")
    return head + "\n".join(lines) + "\n" + text[end:].replace("\t", " ")


@scaled(0.3)
@given(report=narrow_reports(), blank=st.booleans())
def test_labels_printed_whole_before_their_values_are_never_read_wrong(
    report: gr.Report, blank: bool
) -> None:
    """pdfium's order: each label cell spelt down the column, its values on the line after
    its last piece. No cell wrong, none claimed blank where a number is printed; with every
    value printed, every cell of section 三 read."""
    text = _cell_order(report, blank)
    note(text)
    back = gr.parse(text)
    truth = report.flat()
    assert wrong(back, truth) == {}
    assert not [k for k, v in truth.items() if v not in (None, 0) and back.cell(k).blank]
    if not blank:
        missed = {
            key
            for key, value in truth.items()
            if key.startswith("applications.") and back.cell(key).value != value
        }
        assert missed == set()


#: A 2021 section 三 typed here (rows not listed are blank: 0), no row printing every cell.
_SPARSE_ROWS = {
    "new": (120, 6, 0, 0, 2, 1, 129),
    "carried_over": (3, 0, 0, 0, 0, 0, 3),
    "granted": (80, 4, 0, 0, 1, 1, 86),
    "partially_granted": (10, 1, 0, 0, 0, 0, 11),
    "denied.prohibited_by_law": (2, 0, 0, 0, 0, 0, 2),
    "denied.third_party_rights": (3, 0, 0, 0, 1, 0, 4),
    "denied.process_information": (1, 0, 0, 0, 0, 0, 1),
    "unavailable.not_held": (15, 1, 0, 0, 0, 0, 16),
    "unavailable.needs_creation": (4, 0, 0, 0, 0, 0, 4),
    "not_processed.petition_complaint": (3, 0, 0, 0, 0, 0, 3),
    "not_processed.repeated": (2, 0, 0, 0, 0, 0, 2),
    "not_processed.confirmation": (1, 0, 0, 0, 0, 0, 1),
    "total": (121, 6, 0, 0, 2, 1, 130),
    "carried_forward": (2, 0, 0, 0, 0, 0, 2),
}


def test_a_label_no_value_follows_is_a_row_printed_blank() -> None:
    """pdfium's order with zeros left out (pypdfium2's text of a browser's narrow PDF, bed
    8529): a row printing no value shows its label and then the next row's (``1.属于`` /
    ``国家`` / ``秘密`` / ``2.其他`` / …). Its cells were lost, not blank, and lost cells
    leave every other row's placement open: the whole section was missing. In text that
    leaves blank cells out, such a row is printed blank, and the rules place the others
    (here each row's 总计; its other values may stand in several columns that the rules
    cannot tell apart: 科研机构 and 社会公益组织 print nothing)."""
    values = {f.key: 0 for f in gr.fields("2021")}
    for row, cells in _SPARSE_ROWS.items():
        values |= dict(
            zip((f"applications.{row}.{c}" for c in labels.APPLICANT_COLUMNS), cells, strict=True)
        )
    report = gr.Report.from_values(
        values, template="2021", organisation="青山镇人民政府", year=2022
    )
    text = _cell_order(report, blank=True)
    assert "1.属于\n国家\n秘密\n2.其他\n" in text
    back = gr.parse(text)
    assert wrong(back, values) == {}
    # (3.其他's label is printed whole on one line: a row printed blank so too)
    for row in [row for row in labels.APPLICATION_ROWS["2021"] if row not in _SPARSE_ROWS]:
        assert {back.cell(f"applications.{row}.{c}").value for c in labels.APPLICANT_COLUMNS} == {
            0
        }, row
    for row, cells in _SPARSE_ROWS.items():
        assert back.cell(f"applications.{row}.total").value == cells[-1], row


def test_values_one_space_apart_in_text_that_leaves_blank_cells_out_leave_them_out_too() -> None:
    """A part of the table too short to show how it joins cells (a page's last lines past
    the browser's footer: one line of two values) is not told to leave blank cells out by
    its own lines; where the rest of the table is, values one space apart leave them out
    too, while values a column's gap apart show their blank cells."""
    rows = _after(_AFTER_LABELS, _AFTER_VALUES, 1)
    for at, row in enumerate(rows):
        if row.values:
            line = row.values[0][1]
            columns = [1]
            for text, _, _ in row.values[:-1]:
                columns.append(columns[-1] + len(text) + 1)
            spaced = tuple(
                (text, line, c) for (text, _, _), c in zip(row.values, columns, strict=True)
            )
            rows[at] = row._replace(values=spaced, traceless=row.values[0][0] != "18")
    rest = _whole(list(labels.APPLICATION_ROWS["2021"])[8:], "2021", 40)
    joined = spelt_down([*rows, *rest], "2021")
    assert [(row.labels[0][0], row.traceless) for row in joined[: -len(rest)]] == [
        ("1.属于国家秘密", True),
        ("2.其他法律行政法规禁止公开", True),
        ("3.危及“三安全一稳定”", True),
        ("4.保护第三方合法权益", True),  # 18 18, one space apart
    ]
    wide = [
        row._replace(values=(("18", row.values[0][1], 1), ("18", row.values[0][1], 30)))
        if row.values and row.values[0][0] == "18"
        else row
        for row in rows
    ]
    joined = spelt_down([*wide, *rest], "2021")
    assert [row.traceless for row in joined[: -len(rest)]] == [True, True, True, False]
