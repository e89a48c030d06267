"""Section 三 as ``pdftotext -layout`` prints Word's PDF of a narrow table that leaves zeros
blank: each row label wrapped a few characters a line, the group labels one or two
characters a line beside them, a row's values on one of its label's lines. A row whose
label's lines (to the next row's label) hold no value is printed blank; one whose lines hold
a value it may own, even on a line no row label names, is never claimed blank. Section 二
so printed: a count wrapped around its row's one line may be two rows' pieces, and is
missing, never read off one piece."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, note
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.write.render import render

from conftest import at_offsets, scaled, wrong
from manglers import NarrowCells
from strategies import reports, sparse_reports

#: A narrow table's heading and header as Word's PDF through ``pdftotext -layout`` prints
#: them: the note in the label column wrapped, the applicant columns' words jumbled.
_HEADER = (
    "三、收到和处理政府信息公开申请情况",
    "",
    "  （本列数据的勾稽关                     申请人情况",
    "  系为：第一项加第二",
    "              自然               法人或其他组织               总计",
    "  项之和，等于第三项",
    "              人",
    "   加第四项之和）             商        科        社   法   其",
    "",
)


#: A narrow table's first rows: 本年新收 printing 12, 3 and 15 on a line between its label's
#: two, 上年结转 blank, （一）予以公开's 5 and 5 on a line that holds only a piece of the group
#: label, between its label and （二）部分公开's (blank, but the 5s may be its: a value
#: centred in its tall cell may print on a line above its label), 属于国家秘密 blank over
#: three lines, 其他法律… printing 1 and 1 on its label's third line.
NARROW = "\n".join(
    (
        *_HEADER,
        "一、本年新收政府信",
        at_offsets("", (16, "12"), (22, "3"), (42, "15")),
        " 息公开申请数量",
        "",
        "二、上年结转政府信",
        " 息公开申请数量",
        "",
        "三   （一）予以公开",
        at_offsets("、", (16, "5"), (42, "5")),
        "    （二）部分公开",
        "本   （区分处理的，",
        "年   只计这一情形，",
        "度   不计其他情形）",
        "办",
        "    （   1.属于国",
        "理",
        "    三    家秘密",
        "结",
        "    ）",
        "果       2.其他法",
        "    不",
        "        律行政法",
        at_offsets("    予", (16, "1"), (42, "1")),
        "        规禁止公",
        "    公",
        "           开",
        "    开",
        "         3.危及",
        "        “三安全",
        "        一稳定”",
        "",
    )
)


#: A 2021 table's last rows: （四）无法提供 written down one character a line beside
#: 1.本机关… (7, 7) and 2.没有现成… (blank), its 无 at the column of ）, 法, 提 and 供 around
#: it; （六）其他处理 likewise beside its three rows, 3.其他 blank; （七）总计; and the last row's
#: label past the table's last value, wrapped (``四、结转下年度继续`` / ``办理``), blank.
NARROW_2021 = "\n".join(
    (
        *_HEADER,
        "一、本年新收政府信",
        at_offsets("", (16, "9"), (44, "9")),
        " 息公开申请数量",
        "",
        "三       1.本机关",
        "、       不掌握相",
        at_offsets("", (16, "7"), (44, "7")),
        "本       关政府信",
        "    （",
        "年          息",
        "    四",
        "度   ）   2.没有现",
        "办   无   成信息需",
        "理   法   要另行制",
        "结   提      作",
        "果   供",
        "        3.补正后",
        "        申请内容",
        "        仍不明确",
        "",
        "    （   1.申请人无",
        "    六   正当理由逾",
        "    ）   期不补正、",
        at_offsets("    其   行政机关不", (16, "2"), (44, "2")),
        "    他   再处理其政",
        "    处   府信息公开",
        "    理     申请",
        "",
        "        2.申请人逾",
        "        期未按收费",
        "        通知要求缴",
        "        纳费用、行",
        "        政机关不再",
        "        处理其政府",
        "        信息公开申",
        "            请",
        "",
        "         3.其他",
        "",
        at_offsets("    （七）总计", (16, "9"), (44, "9")),
        "",
        "     四、结转下年度继续",
        "        办理",
        "",
        "四、政府信息公开行政复议、行政诉讼情况",
        "",
    )
)


def _cell(report: gr.Report, key: str) -> tuple[object, bool]:
    cell = report.cell(f"applications.{key}")
    return cell.value, cell.blank


def test_rows_whose_label_lines_hold_no_value_are_printed_blank() -> None:
    report = gr.parse(NARROW)
    for row in ("carried_over", "denied.state_secret"):
        for column in ("natural_person", "commercial_enterprise", "total"):
            value, blank = _cell(report, f"{row}.{column}")
            assert blank and value in (None, 0), (row, column)


def test_a_row_with_a_value_on_its_lines_is_never_blank() -> None:
    """（一）予以公开's values stand on a line that names no row, 其他法律…'s beside a group
    label's piece: neither row is claimed blank, whatever is read of its values; nor is
    （二）部分公开, the 5s on the line after （一）予以公开's label being perhaps its."""
    report = gr.parse(NARROW)
    for row, printed in (("granted", 5), ("denied.prohibited_by_law", 1)):
        for column in ("natural_person", "total"):
            value, blank = _cell(report, f"{row}.{column}")
            assert not blank and value in (None, printed), (row, column, value)
    assert _cell(report, "partially_granted.total") == (None, False)


def test_text_printing_each_value_on_a_line_of_its_own_claims_no_row_blank() -> None:
    """pdfminer's boxes of the same table: each value a line of its own at the margin,
    其他法律…'s 1 and 1 after the last label (read as space-aligned, as a real page's text
    of it was). No line holds two values side by side, so the text does not keep a row's
    values within its height: no row is printed blank by its lines, 其他法律… above all."""
    text = (
        NARROW.replace(at_offsets("", (16, "12"), (22, "3"), (42, "15")), "12\n3\n15")
        .replace(at_offsets("、", (16, "5"), (42, "5")), "、\n5\n5")
        .replace(at_offsets("    予", (16, "1"), (42, "1")), "    予")
        .replace("        一稳定”\n", "        一稳定”\n1\n1\n")
    )
    report = gr.parse(text, layout="space-aligned")
    for row in ("carried_over", "denied.state_secret", "denied.prohibited_by_law"):
        for column in ("natural_person", "total"):
            value, blank = _cell(report, f"{row}.{column}")
            assert value is None and not blank, (row, column)


def test_a_row_cut_short_of_its_label_is_not_claimed() -> None:
    """属于国家秘密's label is not spelt whole before the next row's starts (its last piece
    lost): its lines are not known, so it stays missing, not blank."""
    report = gr.parse(NARROW.replace("    三    家秘密\n", "    三\n"))
    value, blank = _cell(report, "denied.state_secret.total")
    assert value is None and not blank


def test_a_group_label_spelt_down_and_a_last_label_past_the_table_are_no_values() -> None:
    """无 of （四）无法提供, one character a line at its column, is a label's character, not a
    cell printed "not given": 2.没有现成… prints no value, so it is printed blank, as are
    3.其他 and 结转下年度继续办理, whose label the table's text ends before."""
    report = gr.parse(NARROW_2021)
    assert report.template == "2021"
    for row in ("unavailable.needs_creation", "other.other", "carried_forward"):
        value, blank = _cell(report, f"{row}.total")
        assert blank and value in (None, 0), row
    assert not any("(无)" in d.message for d in report.diagnostics)
    assert _cell(report, "unavailable.not_held.total") in ((7, False), (None, False))


@scaled(0.3)
@given(
    report=sparse_reports(),
    wrap=st.integers(2, 4),
    top=st.booleans(),
    spaced=st.booleans(),
    merged=st.booleans(),
)
def test_narrow_word_rows_printed_blank_are_never_a_number_nor_wrong(
    report: gr.Report, wrap: int, top: bool, spaced: bool, merged: bool
) -> None:
    """A sparse report (few applicants, most rows blank) as Word's PDF of narrow cells
    prints it with its zeros blank (``NarrowCells``: labels wrapped every ``wrap``
    characters, each cell at the top of its row or centred in it): no cell wrong, none
    claimed blank where a number is printed, in section 三 (section 二: the property
    below)."""
    writer = NarrowCells(wrap=wrap, top=top, spaced=spaced, amounts=False, merged=merged)
    text = render(report, writer, blank_zeros=True)
    note(text)
    back = gr.parse(text)
    truth = {key: value for key, value in report.flat().items() if key.startswith("applications.")}
    assert wrong(back, truth) == {}
    assert not [k for k, v in truth.items() if v not in (None, 0) and back.cell(k).blank]


@scaled(0.3)
@given(
    report=reports(),
    wrap=st.integers(2, 4),
    width=st.integers(2, 4),
    top=st.booleans(),
    spaced=st.booleans(),
    merged=st.booleans(),
)
def test_narrow_word_rows_whose_values_stand_at_their_own_heights_are_never_wrong(
    report: gr.Report, wrap: int, width: int, top: bool, spaced: bool, merged: bool
) -> None:
    """Any report as Word's PDF of narrow cells prints it with its zeros blank
    (``NarrowCells``): a row's cells centred in it stand on lines of their own where their
    heights differ, so a row of sections 三 and 四 is gathered from several lines with
    fewer values than cells. Those each right of the ones before are in their columns'
    order and placed by the rules, as any short row (``rows._short_in_column_order``):
    no cell wrong, none claimed blank where a number is printed."""
    writer = NarrowCells(
        wrap=wrap, width=width, top=top, spaced=spaced, amounts=False, merged=merged
    )
    text = render(report, writer, blank_zeros=True)
    note(text)
    back = gr.parse(text)
    truth = {
        key: value
        for key, value in report.flat().items()
        if key.startswith(("applications.", "appeals."))
    }
    assert wrong(back, truth) == {}
    assert not [k for k, v in truth.items() if v not in (None, 0) and back.cell(k).blank]


@scaled(0.3)
@given(
    report=st.one_of(reports(), sparse_reports()),
    wrap=st.integers(2, 4),
    width=st.integers(2, 4),
    top=st.booleans(),
    spaced=st.booleans(),
    amounts=st.booleans(),
)
def test_narrow_word_section_two_with_zeros_blank_is_never_wrong(
    report: gr.Report, wrap: int, width: int, top: bool, spaced: bool, amounts: bool
) -> None:
    """Any report, or a sparse one, as Word's PDF of narrow cells prints it with its zeros
    blank, with or without an empty line between rows (``NarrowCells``): a count wrapped
    around its row's one line (``52`` / ``行政许可`` / ``6件``) may be that row's or two
    rows' pieces, the layout giving its first to the row above (past the empty line too:
    ``40`` / ``行政  88`` / ``00`` / ``强制  2项`` / ``件``); no cell of section 二 is wrong,
    none claimed blank where a number is printed."""
    writer = NarrowCells(wrap=wrap, width=width, top=top, spaced=spaced, amounts=amounts)
    text = render(report, writer, blank_zeros=True)
    note(text)
    back = gr.parse(text)
    truth = {key: value for key, value in report.flat().items() if key.startswith("proactive.")}
    assert wrong(back, truth) == {}
    assert not [k for k, v in truth.items() if v not in (None, 0) and back.cell(k).blank]


#: A real report's section 三 as ``pdftotext -layout`` prints Word's PDF of it
#: (``pt-2019-scjgj``): tall cells, each row's values on one line of its label's, the
#: group labels (``（三）不予公开``, ``（五）不予处理``) one piece a line down their merged
#: cells; three rows print their values on the line above their label's, beside a group
#: label's piece (``（三）不`` over ``4.保护第三方合法权益``) or the outer label's (``年``).
WORD_TALL = Path(__file__).parents[1] / (
    "fixtures/realworld/renderings/pt-2019-scjgj/word-pdftotext-layout.txt"
)


def _third_party(natural_person: str, total: str) -> str:
    """``WORD_TALL``'s text with 4.保护第三方合法权益 printing 2 applications of natural
    persons (over ``（三）不``), 总计 ``total`` of them and ``natural_person`` in its
    自然人 column (3 and 3 add up), 本年新收 3 and 3."""
    text = WORD_TALL.read_text(encoding="utf-8")
    for before, after in (
        (
            "（三）不                          0   0   0   0       0       0   0",
            "（三）不                          2   0   0   0       0       0   2",
        ),
        (
            "（七）总计                           1   0   0   0       0       0   1",
            "（七）总计" + " " * 27 + f"{natural_person}   0   0   0       0       0   {total}",
        ),
        (
            "申请数量             1     0    0   0   0    0   1",
            "申请数量             3     0    0   0   0    0   3",
        ),
    ):
        assert text.count(before) == 1
        text = text.replace(before, after)
    return text


def test_values_beside_a_group_label_are_the_row_below_printed_with_none() -> None:
    """The line of values beside ``（三）不`` is 4.保护第三方合法权益's, whose label's line
    prints none: read as its where every rule through its cells holds, never printed
    blank."""
    report = gr.parse(_third_party("3", "3"))
    assert _cell(report, "denied.third_party_rights.natural_person") == (2, False)
    assert _cell(report, "denied.third_party_rights.total") == (2, False)
    assert _cell(report, "denied.third_party_rights.commercial_enterprise") == (0, False)
    assert _cell(report, "not_processed.petition_complaint.total") == (0, False)
    assert _cell(report, "not_processed.excessive.total") == (0, False)


def test_values_beside_a_group_label_of_a_report_that_contradicts_itself_are_missing() -> None:
    """The same table, its 总计 printing 4 natural persons (its rows add up to 3): no
    reading of the line beside ``（三）不`` is checked by the rules, and the row below it,
    whose label's line prints no value, may be the one those values are: missing, never
    claimed printed blank."""
    report = gr.parse(_third_party("4", "3"))
    for column in ("natural_person", "commercial_enterprise", "total"):
        assert _cell(report, f"denied.third_party_rights.{column}") == (None, False), column
    assert any(d.code == "values-unplaced" and "不予公开" in d.message for d in report.diagnostics)


#: A count of ``WORD_TALL``'s section 三: its 23 rows print their values on one line each,
#: in the template's order, seven a line.
_COUNT = re.compile(r"(?<=\s)\d+(?=\s|$)")


def _on_word_tall(values: dict[str, object], blank_zeros: bool) -> str:
    """``WORD_TALL`` printing ``values`` (section 三's, by key) in its cells: each value
    line's counts replaced in order, each starting where the page's did (a wider count
    pushes the rest right), a 0 printed as nothing where ``blank_zeros``."""
    text = WORD_TALL.read_text(encoding="utf-8")
    lines = text.split("\n")
    start = next(at for at, line in enumerate(lines) if line.startswith("三、收到"))
    end = next(at for at, line in enumerate(lines) if line.startswith("四、结转"))
    rows = [at for at in range(start, end + 1) if len(_COUNT.findall(lines[at])) == 7]
    keys = [f.key for f in gr.fields("2019") if f.key.startswith("applications.")]
    assert len(rows) * 7 == len(keys)
    for row, at in enumerate(rows):
        line = lines[at]
        out = line[: _COUNT.search(line).start()]  # type: ignore[union-attr]
        for found, key in zip(_COUNT.finditer(line), keys[7 * row : 7 * row + 7], strict=True):
            value = values[key]
            printed = "" if blank_zeros and value == 0 else str(value)
            out = (out.ljust(found.start()) if len(out) < found.start() else out + " ") + printed
        lines[at] = out.rstrip()
    return "\n".join(lines)


@scaled(0.3)
@given(
    report=sparse_reports(template="2019", missing=False),
    blank_zeros=st.booleans(),
    slip=st.integers(0, 2),
)
def test_word_tall_cells_with_any_counts_are_never_wrong_nor_claimed_blank(
    report: gr.Report, blank_zeros: bool, slip: int
) -> None:
    """The real page's section 三 (``WORD_TALL``: values over their labels beside a group
    label's piece, ``（三）不  2 … 2`` / ``4.保护第三方合法权益``) printing any counts, zeros
    blank or not, its 总计 of 自然人 printing ``slip`` more than its rows' sum (a report
    that contradicts itself): no cell wrong, none claimed blank where a number is
    printed."""
    truth = {key: value for key, value in report.flat().items() if key.startswith("applications.")}
    truth["applications.total.natural_person"] += slip  # type: ignore[operator]
    text = _on_word_tall(truth, blank_zeros)
    note(text)
    back = gr.parse(text)
    printed = {k: None if blank_zeros and v == 0 else v for k, v in truth.items()}
    assert wrong(back, printed) == {}
    assert not [k for k, v in truth.items() if v not in (None, 0) and back.cell(k).blank]


#: Section 二's sub-table (一) as Word's PDF of narrow cells prints it with zeros blank
#: (``NarrowCells(wrap=4, width=3)``): 规章 300件 and 3000件 on the lines over and under its
#: label, 规范性文件 200件 and 7700件 on its label's two lines, the second of which starts
#: with the label's last character, 件, a count unit too.
LABEL_ENDING_IN_A_UNIT = """青石县水务局2019年政府信息公开工作年度报告

二、主动公开政府信息情况
第二十条第（一）项
          本年新   本年新   对外公
信息内容      制作数   公开数   开总数
          量     量     量
          300   300
规章
          件     0件
规范性文      200   770
件         件     0件
三、收到和处理政府信息公开申请情况
"""


def test_a_labels_last_piece_that_is_a_unit_leaves_the_count_over_its_rest_unread() -> None:
    """Found by the thorough profile of
    ``test_narrow_word_section_two_with_zeros_blank_is_never_wrong`` (stop 113): the line
    ``件  件  0件`` (规范性文件's last character, 200's unit, 7700's rest) names no row and
    went to no row, and 770 was read for 7700 (stop 112's main, said only as a possible
    glue). A line of a label's piece and units alone holds the rests of the counts over it
    (``proactive._beside_ignored``): 770 may be a head, and is missing."""
    back = gr.parse(LABEL_ENDING_IN_A_UNIT)
    assert back.cell("proactive.normative_documents.made").value == 200
    assert back.cell("proactive.normative_documents.published").value is None


#: A report's text as the property below printed it (``NarrowCells(wrap=2, width=2)``):
#: 重复申请's 总计 101 centred around its label's line (``10`` / ``重复  21  40  40`` / ``1``),
#: the ``10`` on the line after ``2.``, the row's numbering.
HEAD_ASTRAY = Path(__file__).parents[1] / "fixtures" / "narrow-word-head-astray.txt"
#: The applicant columns of section 三, in the template's order.
_APPLICANTS = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "public_interest_organisation",
    "legal_service_agency",
    "other_organisation",
    "total",
)


def test_a_count_whose_head_went_to_no_row_is_not_read_off_its_rest() -> None:
    """Found by the thorough profile of
    ``test_narrow_word_rows_whose_values_stand_at_their_own_heights_are_never_wrong`` (stop
    113): 重复申请's ``10`` went to no row and its ``1`` was read as a count of its own,
    which refuted every reading of 本年新收's six values (a blank among them, 总计 193
    wrapped ``19`` / ``3``) but the one that gives 法律服务机构 21 and 其他 193 (stop 112's
    main, placed by the rules). ``1`` may be the rest of ``10`` (``rows.rests_unread``):
    not read, and no cell is wrong."""
    back = gr.parse(HEAD_ASTRAY.read_text(encoding="utf-8"))
    printed = {  # read off the text by hand
        "new": (21, 71, 40, 40, 0, 21, 193),
        "not_processed.repeated": (21, 0, 40, 40, 0, 0, 101),
    }
    for row, values in printed.items():
        for column, value in zip(_APPLICANTS, values, strict=True):
            assert back.cell(f"applications.{row}.{column}").value in (None, value), column
    assert back.cell("applications.new.natural_person").value == 21
