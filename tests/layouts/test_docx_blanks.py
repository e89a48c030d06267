"""python-docx's text of a Word table saved from a page that leaves its zeros blank (issue 45):
each row spans the table's grid, a merged cell given once per grid column it spans, and a
blank cell printed as the page's ``&nbsp;`` (a no-break space) or nothing. Section 二's rows of
a sub-table with fewer columns repeat their last cell to the grid's width (``行政许可 2940
2940 2940``), and section 三's rows print the applicant column merged over two grid columns
twice (``1 ⍽ ⍽ ⍽ ⍽ ⍽ ⍽ 1``). A row of such a grid is read by position, its blank cells blank,
where the text proves it; where it does not, its cells are missing and said, never wrong."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report import labels
from govinfo_report.write.render import render

from conftest import scaled, wrong
from manglers import docx_spanned, docx_twice
from strategies import few_applicants, sparse_reports

COLUMNS = list(labels.APPLICANT_COLUMNS)
#: ``render``'s blank cell (with ``blank_zeros``): a page's ``&nbsp;``.
NBSP = "\u00a0"


def _docx(report: gr.Report, column: int = 1, blank: str = NBSP, upper: bool = False) -> str:
    """``report`` as python-docx prints the Word table of a page that leaves its zeros blank:
    each blank cell ``blank``; section 二's lines as wide as its grid, each merged cell (a
    sub-table's last, an article line) once per grid column; section 三's applicant column
    ``column`` merged over two grid columns, printed twice in every row and in the header
    (python-docx's header names the merged column twice; ``upper``: its upper line names
    自然人 twice as well, split its own way)."""
    text = render(report, "tab-separated", blank_zeros=True)
    two = text.index("二、主动公开")
    three = text.index("三、收到和处理")
    four = text.index("四、政府信息公开行政复议")
    lines = [*map(docx_spanned, text[two:three].split("\n"))]
    lines += [docx_twice(line, column, upper) for line in text[three:four].split("\n")]
    body = "\n".join(
        "\t".join(blank if cell == NBSP else cell for cell in line.split("\t")) for line in lines
    )
    return text[:two] + body + text[four:]


def _report(template: str, values: dict[str, int | Decimal]) -> gr.Report:
    """A report of ``template``: ``values`` as given, every other cell 0 (printed blank)."""
    every = {field.key: 0 for field in gr.fields(template)}
    return gr.Report.from_values(
        every | values, template=template, organisation="梧川市生态环境局", year=2021
    )


def _read_as_typed(back: gr.Report, report: gr.Report, keys: list[str]) -> None:
    """Each of ``keys`` read as ``report`` holds it: a number parsed, a 0 a printed blank
    (not given, or derived 0 where the rules prove it)."""
    for key in keys:
        want, cell = report.flat()[key], back.cell(key)
        if want:
            assert (cell.value, cell.provenance) == (want, "parsed"), key
        else:
            assert cell.blank and cell.value in (None, 0), (key, cell)


#: Section 二 of each template: rows with a blank cell between two values, a row all blank,
#: a sub-table of fewer columns than the grid (its last cell repeated to the grid's width).
PROACTIVE = {
    "2019": {
        "proactive.normative_documents.made": 46,
        "proactive.normative_documents.published": 46,
        "proactive.normative_documents.total_published": 55,
        "proactive.licensing.previous_items": 336,
        "proactive.licensing.decisions": 24,
        "proactive.other_services.previous_items": 83,
        "proactive.other_services.decisions": 21,
        "proactive.penalties.previous_items": 203,
        "proactive.penalties.change": 5,
        "proactive.coercive_measures.previous_items": 57,
        "proactive.coercive_measures.decisions": 284,
        "proactive.fees.previous_items": 7,
        "proactive.procurement.projects": 207,
        "proactive.procurement.amount": Decimal("42.58"),
    },
    "2021": {
        "proactive.normative_documents.issued": 28,
        "proactive.normative_documents.in_force": 126,
        "proactive.licensing.decisions": 2940,
        "proactive.coercive_measures.decisions": 9,
        "proactive.fees.amount": Decimal("12.13"),
    },
}


@pytest.mark.parametrize("template", sorted(PROACTIVE))
def test_section_two_blank_cells_between_values_are_blank(template: str) -> None:
    """``行政许可  336  ⍽  24``: every row of the grid prints its three cells (a sub-table of
    two columns, or one, its last cell repeated), so the blank is a cell of its own, not
    where a value glued to 336 stood (a row that lost a cell prints fewer than the others).
    (With empty blank cells, a row's last cells blank cannot be told from a tool's padding:
    the rows are then as wide as the text shows, and only the property below holds.)"""
    report = _report(template, PROACTIVE[template])
    blank = NBSP
    text = _docx(report)
    if template == "2019":
        assert f"\n行政许可\t336\t{blank}\t24\n" in text
        assert "\n政府集中采购\t207\t42.58\t42.58\n" in text
    else:
        assert f"\n行政规范性文件\t28\t{blank}\t126\n" in text
        assert "\n行政许可\t2940\t2940\t2940\n" in text
    back = gr.parse(text)
    keys = [key for key in report.flat() if key.startswith("proactive.")]
    _read_as_typed(back, report, keys)
    assert not [d for d in back.diagnostics if d.code == "values-unplaced"]


def test_section_two_row_that_lost_a_cell_in_a_docx_grid_is_missing() -> None:
    """``行政处罚  203  5  ⍽`` with the tab between 203 and 5 lost prints two cells where
    every other row prints three: 2035 may be two values, the blank where the second stood.
    No rule checks section 二, so both cells are missing, said; the next row stands."""
    report = _report("2019", PROACTIVE["2019"])
    text = _docx(report).replace(f"\n行政处罚\t203\t5\t{NBSP}\n", f"\n行政处罚\t2035\t{NBSP}\n")
    assert "\n行政处罚\t2035\t" in text
    back = gr.parse(text)
    assert wrong(back, report.flat()) == {}
    glued = ["proactive.penalties.previous_items", "proactive.penalties.change"]
    assert [back.cell(key).value for key in glued] == [None, None]
    assert any(d.code == "values-unplaced" and set(glued) & set(d.keys) for d in back.diagnostics)
    assert back.flat()["proactive.coercive_measures.decisions"] == 284


#: Section 三 of a report that leaves its zeros blank: most rows one value and its 总计,
#: one column besides 自然人 with values in a few rows; the same rows in both templates.
SPARSE = {
    "new": {"natural_person": 9, "legal_service_agency": 2, "total": 11},
    "carried_over": {"natural_person": 1, "total": 1},
    "granted": {"natural_person": 4, "legal_service_agency": 2, "total": 6},
    "partially_granted": {"natural_person": 1, "total": 1},
    "denied.administrative_inquiry": {"natural_person": 1, "total": 1},
    "unavailable.not_held": {"natural_person": 2, "total": 2},
    "unavailable.needs_creation": {"natural_person": 1, "total": 1},
    "total": {"natural_person": 9, "legal_service_agency": 2, "total": 11},
    "carried_forward": {"natural_person": 1, "total": 1},
}


def _applications(rows: dict[str, dict[str, int]]) -> dict[str, int]:
    return {f"applications.{row}.{c}": v for row, cells in rows.items() for c, v in cells.items()}


@pytest.mark.parametrize("blank", [NBSP, ""])
@pytest.mark.parametrize("template", ["2019", "2021"])
def test_section_three_sparse_rows_of_a_docx_grid_are_read(template: str, blank: str) -> None:
    """``一、本年新收…  9  ⍽  ⍽  ⍽  ⍽  2  ⍽  11``: 商业企业 merged over two grid columns, its
    blank printed twice. Blank cells side by side repeat anywhere, and each such column read
    once makes every row add up, but each reads every row alike: the row is read."""
    report = _report(template, _applications(SPARSE))
    text = _docx(report, 1, blank)
    b = blank
    assert f"\t9\t{b}\t{b}\t{b}\t{b}\t2\t{b}\t11\n" in text
    back = gr.parse(text)
    keys = [key for key in report.flat() if key.startswith("applications.")]
    _read_as_typed(back, report, keys)
    assert any(d.code == "merged-cell-repeated" for d in back.diagnostics)


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_section_three_rows_two_columns_fit_are_missing(template: str) -> None:
    """``32  2  2  ⍽  ⍽  2  2  38``: 商业企业 printed twice, or 其他; read once either way
    the row adds up, and the two readings put 2 in other columns. Nothing else in the table
    chooses (a Word header's merged cells need not lie over its rows'): the rows one value
    too wide are missing, said, never wrong."""
    rows = {
        "new": {
            "natural_person": 32,
            "commercial_enterprise": 2,
            "legal_service_agency": 2,
            "other_organisation": 2,
            "total": 38,
        },
    }
    rows["total"] = rows["granted"] = rows["new"]
    report = _report(template, _applications(rows))
    b = NBSP
    text = _docx(report)
    assert f"\t32\t2\t2\t{b}\t{b}\t2\t2\t38\n" in text
    back = gr.parse(text)
    assert wrong(back, report.flat()) == {}
    assert back.cell("applications.new.natural_person").value is None
    line = text[: text.index("\t32\t2\t2\t")].count("\n") + 1
    assert any(d.code == "extra-values" and d.line == line for d in back.diagnostics)


def test_section_three_repeated_cells_that_disagree_are_no_merged_cell() -> None:
    """A row whose two cells under the merged column differ (``9  5  3``) is not a merged
    cell printed twice: no column is read once, the rows one value too wide are missing
    and said, never a value read one column off."""
    report = _report("2021", _applications(SPARSE))
    b = NBSP
    text = _docx(report).replace(
        f"\t9\t{b}\t{b}\t{b}\t{b}\t2\t{b}\t11\n", f"\t9\t5\t3\t{b}\t{b}\t2\t{b}\t11\n"
    )
    assert "\t9\t5\t3\t" in text
    back = gr.parse(text)
    new = [f"applications.new.{c}" for c in COLUMNS]
    assert [back.cell(key).value for key in new] == [None] * len(new)
    line = text[: text.index("\t9\t5\t3\t")].count("\n") + 1
    assert any(d.code == "extra-values" and d.line == line for d in back.diagnostics)
    truth = {key: value for key, value in report.flat().items() if key not in new}
    assert wrong(back, truth) == {}


def _false_blanks(back: gr.Report, truth: dict[str, object]) -> list[str]:
    """The cells read as printed blank whose true value is a number other than 0."""
    return [
        key
        for key, want in truth.items()
        if want not in (None, 0) and back.cell(key).value is None and back.cell(key).blank
    ]


@scaled(0.6)
@given(
    report=st.one_of(sparse_reports(), few_applicants()),
    column=st.integers(0, 5),
    blank=st.sampled_from([NBSP, ""]),
    upper=st.booleans(),
)
def test_a_docx_grid_with_blank_cells_is_never_a_wrong_number(
    report: gr.Report, column: int, blank: str, upper: bool
) -> None:
    """Any report that leaves its zeros blank, some applicant columns maybe blank from top to
    bottom, in python-docx's grid (section 二's rows as wide as the grid, any applicant
    column printed twice, the header's upper line maybe split its own way): what is read is
    right, and no number is read as a blank."""
    back = gr.parse(_docx(report, column, blank, upper))
    truth = report.flat()
    assert wrong(back, truth) == {}
    assert _false_blanks(back, truth) == []


#: Section 三 where no row prints 自然人 (its cell blank in every row): each row's first value
#: cells are blank, and only the grid tells them from the label's empty cells.
LED = {
    "new": {
        "commercial_enterprise": 2,
        "research_institution": 3,
        "legal_service_agency": 1,
        "total": 6,
    },
    "granted": {"research_institution": 3, "total": 3},
    "partially_granted": {"commercial_enterprise": 2, "total": 2},
    "denied.state_secret": {"legal_service_agency": 1, "total": 1},
    "total": {
        "commercial_enterprise": 2,
        "research_institution": 3,
        "legal_service_agency": 1,
        "total": 6,
    },
}


@pytest.mark.parametrize("upper", [False, True])
@pytest.mark.parametrize("padded", [False, True])
@pytest.mark.parametrize("column", [2, 4])
@pytest.mark.parametrize("blank", [NBSP, ""])
@pytest.mark.parametrize("template", ["2019", "2021"])
def test_section_three_rows_led_by_blank_cells_are_read_by_the_grid(
    template: str, blank: str, column: int, padded: bool, upper: bool
) -> None:
    """``一、本年新收… | | ⍽  2  3  3  ⍽  1  ⍽  6``: the label over three grid columns, 自然人
    blank, 科研机构 (or 法律服务机构) merged over two. The header names a column twice, so
    the grid holds eight value columns, and the row's last eight cells are its values, its
    blank 自然人 among them: read from the right edge as seven, 自然人 would take 商业企业's 2.
    ``padded``: a tool's empty cells after each row of values (no line shows where the grid
    ends): the blank cells before the row's first value fill it to eight. ``upper``: the
    header's upper line names 自然人 twice too (Word splits each row's grid its own way),
    over the same one grid column more: still eight value columns, not nine."""
    report = _report(template, _applications(LED))
    b = blank
    text = _docx(report, column, blank, upper)
    if upper:
        assert "\t自然人\t自然人\t" in text
    row = (
        f"\t{b}\t2\t3\t3\t{b}\t1\t{b}\t6\n" if column == 2 else f"\t{b}\t2\t3\t{b}\t1\t1\t{b}\t6\n"
    )
    assert f"\n一、本年新收政府信息公开申请数量\t\t{row}" in text  # the label's two empty cells
    if padded:
        text = "\n".join(
            line + "\t" if re.search(r"\t\d", line) else line for line in text.split("\n")
        )
    back = gr.parse(text)
    keys = [key for key in report.flat() if key.startswith("applications.")]
    if padded:  # rows of blank cells alone: as wide as the padding shows, maybe missing
        assert wrong(back, report.flat()) == {}
        keys = [key for key in keys if report.flat()[key]]
    _read_as_typed(back, report, keys)
    assert back.cell("applications.new.natural_person").value in (None, 0)
    assert back.cell("applications.new.commercial_enterprise").value == 2
    assert any(d.code == "merged-cell-repeated" for d in back.diagnostics)


def _typed_docx(template: str, proactive: list[str], appeals: str) -> str:
    """A page of ``template`` as python-docx prints its Word tables (``⇥`` a tab, ``⍽`` a
    no-break space: the page's ``&nbsp;``): section 二's sub-tables (``proactive``, each line
    as wide as the grid of four columns, a merged cell once per grid column), and section
    四's header and its row ``appeals``."""
    articles = ("一", "五", "六", "八", "九") if template == "2019" else ("一", "五", "六", "八")
    grid = [f"第二十条第（{articles[0]}）项⇥" * 3 + f"第二十条第（{articles[0]}）项", *proactive]
    outcomes = "⇥".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])
    lines = [
        "苍梧县自然资源局2022年政府信息公开工作年度报告",
        "一、总体情况",
        "2022年，苍梧县自然资源局认真贯彻落实《中华人民共和国政府信息公开条例》。",
        "二、主动公开政府信息情况",
        *grid,
        "四、政府信息公开行政复议、行政诉讼情况",
        "⇥".join(["行政复议"] * 5 + ["行政诉讼"] * 10),
        f"{outcomes}⇥" + "⇥".join(["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5),
        "⇥".join([outcomes] * 3),
        appeals,
        "五、存在的主要问题及改进情况",
        "信息公开的及时性有待加强。",
    ]
    return "\n".join(lines).replace("⇥", "\t").replace("⍽", NBSP)


#: Section 二's columns of 规章 and 规范性文件 in each template.
_DOCUMENTS = {
    "2019": ("made", "published", "total_published"),
    "2021": ("issued", "repealed", "in_force"),
}
#: Section 二 of each template as the page prints it: zeros printed, some rows' last cells
#: left blank (``⍽``), a row printed blank.
ROW_ENDS = {
    "2019": [
        "信息内容⇥本年新制作数量⇥本年新公开数量⇥对外公开总数量",
        "规章⇥0⇥0⇥3",
        "规范性文件⇥14⇥9⇥⍽",
        "第二十条第（五）项⇥第二十条第（五）项⇥第二十条第（五）项⇥第二十条第（五）项",
        "信息内容⇥上一年项目数量⇥本年增/减⇥处理决定数量",
        "行政许可⇥52⇥⍽⇥⍽",
        "其他对外管理服务事项⇥⍽⇥⍽⇥⍽",
    ],
    "2021": [
        "信息内容⇥本年制发件数⇥本年废止件数⇥现行有效件数",
        "规章⇥0⇥0⇥⍽",
        "行政规范性文件⇥7⇥2⇥⍽",
        "第二十条第（五）项⇥第二十条第（五）项⇥第二十条第（五）项⇥第二十条第（五）项",
        "信息内容⇥本年处理决定数量⇥本年处理决定数量⇥本年处理决定数量",
        "行政许可⇥⍽⇥⍽⇥⍽",
    ],
}


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_a_row_s_last_cells_printed_nbsp_are_its_blank_cells(template: str) -> None:
    """``规范性文件  14  9  ⍽`` and section 四's ``4 1 2 0 7 ⍽ ⍽ …``: python-docx prints every
    cell of the grid, a blank one as the page's ``&nbsp;``, which no tool pads a row with;
    two side by side (a row printed blank, a row's last cells) show the page prints its
    blank cells so, and a row's last ones are then its cells: read by position, blank."""
    text = _typed_docx(template, ROW_ENDS[template], "4⇥1⇥2⇥0⇥7" + "⇥⍽" * 10)
    back = gr.parse(text)
    outcomes = ("upheld", "corrected", "other", "pending", "total")
    assert [back.cell(f"appeals.review.{o}").value for o in outcomes] == [4, 1, 2, 0, 7]
    for group in ("litigation_direct", "litigation_after_review"):
        assert all(back.cell(f"appeals.{group}.{o}").blank for o in outcomes), group
    if template == "2019":
        assert back.cell("proactive.rules.total_published").value == 3
        assert back.cell("proactive.licensing.previous_items").value == 52
        assert back.cell("proactive.licensing.change").blank
        assert back.cell("proactive.licensing.decisions").blank
    else:
        assert back.cell("proactive.rules.issued").value == 0
        assert back.cell("proactive.rules.in_force").blank
        assert back.cell("proactive.licensing.decisions").blank
    row = [back.cell(f"proactive.normative_documents.{c}") for c in _DOCUMENTS[template]]
    assert [cell.value for cell in row] == ([14, 9, None] if template == "2019" else [7, 2, None])
    assert row[2].blank and row[2].provenance == "blank"
    assert not [d for d in back.diagnostics if d.code == "values-unplaced"]


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_a_row_s_one_last_nbsp_under_a_grid_printed_whole_is_its_blank_cell(
    template: str,
) -> None:
    """The same page with every other cell printed (section 四 whole, no row blank): the
    row's one last ``⍽`` is the text's only blank cell, which padding (tabs, then a stray
    ``&nbsp;``) after a row that lost a value would print alike, but the article line above
    prints its merged cell once per grid column, four: python-docx's grid, every row of it
    printed whole, and the row is four cells wide. Its last cell is blank."""
    text = _typed_docx(template, _printed(template), "4⇥1⇥2⇥0⇥7" + "⇥0" * 10)
    assert text.count(NBSP) == 1
    back = gr.parse(text)
    row = [back.cell(f"proactive.normative_documents.{c}") for c in _DOCUMENTS[template]]
    assert [cell.value for cell in row] == ([14, 9, None] if template == "2019" else [7, 2, None])
    assert row[2].provenance == "blank"
    assert not [d for d in back.diagnostics if d.code == "values-unplaced"]


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_a_row_s_one_last_nbsp_alone_in_the_text_leaves_its_values_missing(
    template: str,
) -> None:
    """That page with the article line printed once (its merged cell, then empty cells, as
    a tool that pads rows prints it): nothing shows the grid nor the ``&nbsp;`` habit, and
    the row's values are missing, said, never placed one column off; no cell is claimed
    blank."""
    spanned = "\t".join(["第二十条第（一）项"] * 4)
    text = _typed_docx(template, _printed(template), "4⇥1⇥2⇥0⇥7" + "⇥0" * 10)
    text = text.replace(spanned, "第二十条第（一）项" + "\t" * 3)
    assert text.count(NBSP) == 1 and spanned not in text
    back = gr.parse(text)
    assert back.cell("appeals.review.total").value == 7
    keys = [f"proactive.normative_documents.{c}" for c in _DOCUMENTS[template]]
    cells = [back.cell(key) for key in keys]
    assert [(cell.value, cell.provenance) for cell in cells] == [(None, "missing")] * 3
    assert any(d.code == "values-unplaced" and set(keys) & set(d.keys) for d in back.diagnostics)


def _printed(template: str) -> list[str]:
    """Section 二 of ``ROW_ENDS`` with every blank cell printed 0 but 规范性文件's last."""
    return [
        line.replace("⇥⍽⇥⍽⇥⍽", "⇥0⇥0⇥0")
        .replace("⇥52⇥⍽⇥⍽", "⇥52⇥0⇥0")
        .replace("规章⇥0⇥0⇥⍽", "规章⇥0⇥0⇥0")
        for line in ROW_ENDS[template]
    ]


#: The thorough profile's text (test_mangled.py's word_grid, after full_width and
#: merged_labels): 自然人 merged over two grid columns, printed twice in every row of 三.
DOUBLED_ZERO = Path(__file__).parents[1] / "fixtures" / "doubled-zero-beside-a-blank.txt"


def test_a_doubled_zero_beside_a_blank_is_no_certain_reading() -> None:
    # 本机关不掌握相关政府信息 prints its 自然人 0 twice and leaves its 其他 (0) blank:
    # ``０  ０  ２０５  ２２３  ２５6  １１２  ⍽  ７９６``. Read with the blank covered by a
    # merged cell, 0 0 205 … 112 796 adds up, as 0 205 … 112 0 796 (the doubled 0 read
    # once) does: 205 went to 科研机构, a column off, silently. Either reading holds, so the
    # row is missing and said.
    back = gr.parse(DOUBLED_ZERO)
    row = "applications.unavailable.not_held"
    for column in COLUMNS:
        assert back.cell(f"{row}.{column}").provenance == "missing"
    (said,) = [d for d in back.diagnostics if d.code == "values-unplaced" and row in d.keys[0]]
    assert said.line == 39
    assert "a merged cell's value printed twice read once, it adds up either way" in said.message
