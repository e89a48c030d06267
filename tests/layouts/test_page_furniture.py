"""What a PDF's text does to a table's lines beyond its cells (issue 45, first target: right or
missing, never another number): a number too wide for its narrow cell wrapped onto the line
below (``4`` / ``6`` for 46), a page's footer number right after a row, and a merged cell
that python-docx prints once per grid column whose copies disagree."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import govinfo_report as gr
from govinfo_report import labels
from govinfo_report.write.render import render

from manglers import AlignedCells

#: The cells of section 二's 行政许可 row (2019 template).
LICENSING = ("previous_items", "change", "decisions")


def _report(values: dict[str, int]) -> gr.Report:
    """A 2019 report whose cells are 0 but for ``values`` (``None``: printed blank)."""
    every: dict[str, object] = {field.key: 0 for field in gr.fields("2019")}
    every.update(values)
    return gr.Report.from_values(
        {key: value for key, value in every.items() if value is not None},
        template="2019",
        organisation="青石县水务局",
        year=2019,
    )


def _laid_out(report: gr.Report) -> list[str]:
    """``report`` as ``pdftotext -layout`` lays it out (a CJK character one wide; a blank
    cell ``—``, which a test makes a gap)."""
    return render(report, AlignedCells(True)).split("\n")


def _line(lines: list[str], label: str) -> int:
    return next(at for at, line in enumerate(lines) if line.startswith(label))


@pytest.mark.parametrize("shift", [0, 1])
def test_a_count_wrapped_under_itself_is_not_read_as_two_cells(shift: int) -> None:
    """``行政许可  46     1283`` (its 本年增/减 blank) whose 46 wraps in its narrow cell: ``4``
    on the row's line, ``6`` on the line below, under it (or one column right). Section 二
    has no rule to confirm a row gathered from two lines, so the column order would read
    the row's three cells as 4, 6 and 1283 (or 6, 4, 1283): the row is missing, said."""
    values = {
        "proactive.licensing.previous_items": 46,
        "proactive.licensing.change": None,
        "proactive.licensing.decisions": 1283,
    }
    lines = _laid_out(_report(values))
    at = _line(lines, "行政许可")
    column = lines[at].index("46")
    lines[at] = (lines[at][:column] + "4 " + lines[at][column + 2 :]).replace("—", " ")
    lines.insert(at + 1, " " * (column + shift) + "6")
    back = gr.parse("\n".join(lines))
    for name in LICENSING:
        key = f"proactive.licensing.{name}"
        assert back.cell(key).value in (values[key], None), key
    assert back.cell("proactive.licensing.previous_items").value is None
    assert any("proactive.licensing.previous_items" in (d.keys or ()) for d in back.diagnostics)
    assert back.cell("proactive.penalties.decisions").value == 0  # the next row, untouched


@pytest.mark.parametrize("footer", ["6", "                                      6"])
def test_a_page_number_after_a_sparse_row_is_no_value_of_it(footer: str) -> None:
    """``行政强制  5        7`` (its 本年增/减 blank) ends a page whose footer is a bare ``6``:
    the footer line joins the row as one more value, and section 二's line order would read
    5, 7, 6. The number alone on the page's last line may be the page's: not read, said (a
    footer centred under the row's cells is a count wrapped, or not, said so too); the
    row's printed cells are right or missing, its blank never 7."""
    values = {
        "proactive.coercive_measures.previous_items": 5,
        "proactive.coercive_measures.change": None,
        "proactive.coercive_measures.decisions": 7,
    }
    lines = _laid_out(_report(values))
    at = _line(lines, "行政强制")
    lines[at] = lines[at].replace("—", " ")  # a blank cell a gap
    lines[at + 1 : at + 2] = ["", footer, "\f" + lines[at + 1]]
    back = gr.parse("\n".join(lines))
    for name in ("previous_items", "decisions"):
        key = f"proactive.coercive_measures.{name}"
        assert back.cell(key).value in (values[key], None), key
    assert back.cell("proactive.coercive_measures.change").value is None
    assert any(d.line == at + 3 for d in back.diagnostics)  # the footer's line is named


def test_a_merged_cell_whose_copies_disagree_is_missing_not_blank() -> None:
    """python-docx prints a cell merged over three grid columns three times, the header's
    name too (``本年处理决定数量`` thrice); a copy that differs (``42件`` beside ``42``) leaves
    the column uncertain: missing, said, not a printed blank."""
    header = "\t".join(["信息内容", *["本年处理决定数量"] * 3])
    text = "\n".join(
        [
            "青石县水务局2021年政府信息公开工作年度报告",
            "二、主动公开政府信息情况",
            "\t".join(["第二十条第（一）项"] * 4),
            "\t".join(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]),
            "规章\t0\t0\t3",
            "行政规范性文件\t2\t0\t9",
            "\t".join(["第二十条第（五）项"] * 4),
            header,
            "行政许可\t35\t35\t35",
            "\t".join(["第二十条第（六）项"] * 4),
            header,
            "行政处罚\t8\t8\t8",
            "行政强制\t42件\t42\t42",
        ]
    )
    back = gr.parse(text)
    assert back.cell("proactive.licensing.decisions").value == 35
    assert back.cell("proactive.penalties.decisions").value == 8
    cell = back.cell("proactive.coercive_measures.decisions")
    assert (cell.value, cell.provenance) == (None, "missing")
    assert any(d.code == "merged-cells" and d.line == 13 for d in back.diagnostics)


def _markitdown_grid(*rows: str) -> str:
    """A 2019 report's section 二 as markitdown prints a Word table of five grid columns:
    an empty header row and its rule (the first row of the grid), then ``rows``, from line
    7 on."""
    return "\n".join(
        [
            "# 青石县水务局2019年政府信息公开工作年度报告",
            "",
            "二、主动公开政府信息情况",
            "",
            "|  |  |  |  |  |",
            "| --- | --- | --- | --- | --- |",
            *rows,
        ]
    )


def test_a_row_over_a_spacer_column_under_no_header_claims_no_blank() -> None:
    """A Word table's grid whose sub-table header (``信息内容 | 本年新制作数量 | | 本年新公开数量
    | …``) is lost, its spacer column a merged cell covers written as a blank cell (``|  |``,
    as a converter that does not tell them apart writes it): ``| 规章 | 0 |  | 0 | 0 |`` is
    three zeros with a spacer column, or a blank and a merged last cell printed twice
    (python-docx). No header says which: 本年新公开数量 is 0 or missing, never a blank."""
    text = _markitdown_grid(
        "| 第二十条第（一）项 | | | | |",
        "| 规章 | 0 |  | 0 | 0 |",
        "| 规范性文件 | 2 |  | 2 | 7 |",
    )
    back = gr.parse(text)
    for name, printed in (("made", 0), ("published", 0), ("total_published", 0)):
        cell = back.cell(f"proactive.rules.{name}")
        assert cell.value in (printed, None) and cell.provenance != "blank", name
    assert any(d.line == 8 and d.keys for d in back.diagnostics)


def test_markitdown_shows_the_spacer_column_a_merged_cell_covers() -> None:
    """markitdown writes a merged cell's covered places `` |`` after it (``| 规章 | 0 | | 0 |
    0 |``: the first 0 spans the spacer column) and a blank cell ``|  |``: with no header,
    the row's cells are still known, three zeros."""
    text = _markitdown_grid(
        "| 第二十条第（一）项 | | | | |",
        "| 规章 | 0 | | 0 | 0 |",
        "| 规范性文件 | 2 | | 2 | 7 |",
    )
    back = gr.parse(text)
    read = {
        row: [
            back.cell(f"proactive.{row}.{name}")
            for name in ("made", "published", "total_published")
        ]
        for row in ("rules", "normative_documents")
    }
    assert {row: [cell.value for cell in cells] for row, cells in read.items()} == {
        "rules": [0, 0, 0],
        "normative_documents": [2, 2, 7],
    }
    assert all(cell.provenance == "parsed" for cells in read.values() for cell in cells)


def test_a_blank_first_cell_of_a_grid_over_a_spacer_column_is_read_in_its_place() -> None:
    """pandoc's grid of a Word table whose sub-table spans a spacer column a merged cell
    covers (four grid columns for three), a row leaving 本年新制作数量 blank: ``| 规范性文件 |
    | 2 | | 7 |``. The blank first cell is the row's, not its label's: 本年新公开数量 is 2
    and 本年新制作数量 blank, never 2 and a blank."""
    rule = "+------------+--------+--------+----+--------+"
    text = "\n".join(
        [
            "青石县水务局2019年政府信息公开工作年度报告",
            "",
            "二、主动公开政府信息情况",
            "",
            rule,
            "| 第二十条第 |        |        |    |        |",
            "| （一）项   |        |        |    |        |",
            rule,
            "| 信息内容   | 本年新 | 本年新 |    | 对外公 |",
            "|            | 制作数 | 公开数 |    | 开总数 |",
            "|            | 量     | 量     |    | 量     |",
            rule,
            "| 规章       | 1      | 1      |    | 4      |",
            rule,
            "| 规范性文件 |        | 2      |    | 7      |",
            rule,
        ]
    )
    back = gr.parse(text)
    made, published = (
        back.cell(f"proactive.normative_documents.{n}") for n in ("made", "published")
    )
    assert (made.value, published.value) in ((None, 2), (None, None))
    assert made.provenance in ("blank", "missing")
    assert back.cell("proactive.normative_documents.total_published").value in (7, None)
    assert back.cell("proactive.rules.total_published").value == 4


@pytest.mark.parametrize("piece", ["三、", "三、本年度"])
def test_a_label_wrapped_below_its_values_reads_them_or_claims_no_blank(piece: str) -> None:
    """``pdftotext -layout`` wraps ``三、本年度办理结果 （一）予以公开`` in its narrow label
    column with the values beside its first piece (``三、  2  0 … 2``) and the rest alone on
    the next line. The piece names no row and the rest names 予以公开 with no value: the
    values are that row's where the rules through its cells hold, never a printed blank
    beside them."""
    values = {
        "applications.new.natural_person": 2,
        "applications.new.total": 2,
        "applications.granted.natural_person": 2,
        "applications.granted.total": 2,
        "applications.total.natural_person": 2,
        "applications.total.total": 2,
    }
    every = {field.key: 0 for field in gr.fields("2021")} | values
    report = gr.Report.from_values(every, template="2021", organisation="青石县水务局", year=2021)
    lines = render(report, AlignedCells(True)).split("\n")
    at = _line(lines, "三、本年度办理结果")
    label = "本年度办理结果 （一）予以公开"[len(piece) - 2 :]
    rest = lines[at][len(piece) :].replace("本年度办理结果  （一）予以公开", "", 1)
    lines[at : at + 1] = [piece + " " * (len(lines[at]) - len(piece) - len(rest)) + rest, label]
    back = gr.parse("\n".join("   " + line if line.strip() else line for line in lines))
    for name in ("natural_person", "total", "commercial_enterprise"):
        cell = back.cell(f"applications.granted.{name}")
        assert cell.value in (every[f"applications.granted.{name}"], None), name
        assert cell.provenance != "blank", name


def test_a_blank_last_cell_of_a_grid_wider_than_its_columns_is_not_moved() -> None:
    """markitdown's grid of a page whose header spans 本年增/减 over two grid columns while
    its rows span their first value (``| 行政强制 | 2 | | 1 | 5 |``): a row leaving 处理决定数量
    blank prints ``| 行政处罚 | 3 | | 4 | |``. Its blank grid cells are the first value's
    spacer and the last cell, or the last cell is a surplus one and 本年增/减 blank: nothing
    says which, so 本年增/减 and 处理决定数量 are missing, never 4 moved."""
    text = _markitdown_grid(
        "| 第二十条第（六）项 | | | | |",
        "| 信息内容 | 上一年项目数量 | 本年增/减 | | 处理决定数量 |",
        "| 行政处罚 | 3 | | 4 | |",
        "| 行政强制 | 2 | | 1 | 5 |",
    )
    back = gr.parse(text)
    change, decisions = (back.cell(f"proactive.penalties.{n}") for n in ("change", "decisions"))
    assert change.value in (4, None) and change.provenance != "blank"
    assert decisions.value is None
    assert back.cell("proactive.coercive_measures.decisions").value in (5, None)


#: Each template's outcome groups printed with their first sub-row on one line, and that
#: sub-row's key.
FIRST_SUB_ROWS = [
    (template, group, first)
    for template, pairs in {
        "2019": [
            ("（三）不予公开", "denied.state_secret"),
            ("（四）无法提供", "unavailable.not_held"),
            ("（五）不予处理", "not_processed.petition_complaint"),
        ],
        "2021": [
            ("（三）不予公开", "denied.state_secret"),
            ("（四）无法提供", "unavailable.not_held"),
            ("（五）不予处理", "not_processed.petition_complaint"),
            ("（六）其他处理", "other.no_correction"),
        ],
    }.items()
    for group, first in pairs
]


def _group_wrapped(template: str, group: str, first: str, kept: int, rest: str = "") -> str:
    """A report whose sub-row ``first`` counts 3 applications of natural persons, laid out
    as ``pdftotext -layout`` does, the cell holding ``group`` and its first sub-row's label
    wrapped at its left edge: the group label, ``1.`` and ``kept`` characters of the
    sub-row's label beside the values, the label's rest (or ``rest``) alone on the line
    below, under the group label."""
    three = ("applications.new", f"applications.{first}", "applications.total")
    values = {f"{row}.{column}": 3 for row in three for column in ("natural_person", "total")}
    every = {field.key: 0 for field in gr.fields(template)} | values
    report = gr.Report.from_values(
        every, template=template, organisation="青石县水务局", year=int(template)
    )
    lines = render(report, AlignedCells(True)).split("\n")
    at = next(at for at, line in enumerate(lines) if line.strip().startswith(group))
    line = lines[at]
    left, start = line.index(group), line.index("1.", line.index(group))
    end = line.index("  ", start)
    cut = start + 2 + kept
    lines[at] = line[:cut] + " " * (end - cut) + line[end:]
    lines.insert(at + 1, " " * left + (rest or line[cut:end]))
    return "\n".join(lines)


@pytest.mark.parametrize("kept", [0, 2])
@pytest.mark.parametrize(("template", "group", "first"), FIRST_SUB_ROWS)
def test_a_group_and_its_first_sub_row_wrapped_in_one_cell_read_the_sub_row(
    template: str, group: str, first: str, kept: int
) -> None:
    """``（五）不予处理 1.`` beside the values, ``信访举报投诉类申请`` alone below it, starting
    under the group label (one cell holds both labels and wraps at its left edge): the
    pieces join into the group's first sub-row's label, so the values are that row's, not
    left unplaced with the sub-row claimed printed blank."""
    back = gr.parse(_group_wrapped(template, group, first, kept))
    assert back.cell(f"applications.{first}.natural_person").value == 3
    assert back.cell(f"applications.{first}.total").value == 3
    assert back.cell(f"applications.{first}.legal_service_agency").value == 0


@pytest.mark.parametrize(("template", "group", "first"), FIRST_SUB_ROWS)
def test_a_wrapped_sub_row_label_of_another_place_is_never_a_blank_row(
    template: str, group: str, first: str
) -> None:
    """``（五）不予处理 1.`` beside the values and below it a label of the group's second
    sub-row (``重复申请``, numbered 2): the pieces do not join into the first sub-row's
    label beyond doubt, so the first sub-row's cells are right or missing, and neither
    sub-row is claimed printed blank from the line below."""
    second = next(
        key
        for key in labels.APPLICATION_ROWS[template]
        if key.startswith(first.split(".")[0] + ".") and key != first
    )
    text = _group_wrapped(template, group, first, 0, labels.APPLICATION_ROWS[template][second][0])
    back = gr.parse(text)
    for row, want in ((first, 3), (second, 0)):
        for column, value in (("natural_person", want), ("legal_service_agency", 0)):
            cell = back.cell(f"applications.{row}.{column}")
            assert cell.value in (value, None), (row, column)
            assert cell.provenance != "blank", (row, column)


def test_a_page_number_standing_off_a_row_of_a_value_a_line_is_no_value_of_it() -> None:
    """Plain ``pdftotext`` prints a table a cell a line and leaves a blank cell out:
    ``行政规范性文件`` / ``5`` / ``2`` (its 现行有效件数 blank) ends a page whose footer, a
    blank line below, is a bare ``6``. Read by the order of its cells, the footer would
    fill the row's third cell; it stands further below the row's last value than the row's
    values stand apart, so it may be the page's number: not read, said."""
    values: dict[str, object] = {field.key: 0 for field in gr.fields("2021")}
    values |= {"proactive.normative_documents.issued": 5}
    values |= {"proactive.normative_documents.repealed": 2}
    values |= {"proactive.normative_documents.in_force": 34}
    report = gr.Report.from_values(
        values, template="2021", organisation="某县卫生健康委员会", year=2021
    )
    lines = [line for line in render(report, "cell-per-line").split("\n") if line.strip()]
    at = lines.index("行政规范性文件") + 2
    assert lines[at : at + 2] == ["2", "34"]
    lines[at + 1 : at + 3] = ["", "6", "\f" + lines[at + 2]]  # 34 left out, a page's end
    back = gr.parse("\n".join(lines))
    assert back.cell("proactive.normative_documents.in_force").value is None
    for name, printed in (("issued", 5), ("repealed", 2)):
        assert back.cell(f"proactive.normative_documents.{name}").value in (printed, None)
    assert any(d.line == at + 3 and d.code == "values-unplaced" for d in back.diagnostics)


@pytest.mark.parametrize(
    ("header", "footer"),
    [
        # Chromium's, with the page's layout kept (pdftotext -layout) and without.
        (
            "11/26/26, 11:18 AM        青石县水务局2019年政府信息公开工作年度报告_年报",
            "file:///home/user/report.html                                  {page}/4",
        ),
        ("2024/1/5 10:28", "https://www.qingshi.gov.cn/art/2024/1/5/art_{page}.html"),
    ],
)
def test_a_browsers_page_header_and_footer_are_page_furniture(header: str, footer: str) -> None:
    """A page a browser saved as PDF has the date and the title above each page, the page's
    address and its number below: dropped like a page's number, inside a table too, and the
    signature before the site's footer and the last page's is still the report's end."""
    truth = gr.Report.from_values(
        {field.key: 1 for field in gr.fields("2019")},
        template="2019",
        organisation="青石县水务局",
        year=2019,
        published=datetime.date(2020, 1, 15),
    )
    lines = _laid_out(truth)
    clean = gr.parse("\n".join(lines))
    for page, label in enumerate(("行政处罚", "（三）不予公开", "五、"), start=1):
        at = _line(lines, label) if label != "（三）不予公开" else _line_with(lines, label)
        lines[at:at] = [footer.format(page=page), f"\f{header}"]
    lines += ["主办：青石县人民政府办公室", "ICP备12345678号", "更新日期：2020-03-01"]
    lines += [footer.format(page=4)]
    back = gr.parse("\n".join(lines))
    assert back.flat() == clean.flat() == truth.flat()
    assert back.published == datetime.date(2020, 1, 15)


def _line_with(lines: list[str], text: str) -> int:
    return next(at for at, line in enumerate(lines) if text in line)


@pytest.mark.parametrize("first", [0, 3])
def test_a_browsers_page_break_before_a_row_of_cells_a_line_keeps_the_row_s_first_value(
    first: int,
) -> None:
    """Tika's text (a tab and a cell a line) of a page a browser printed, its page breaks
    falling before two rows of section 三 whose first values agree: the address and page
    number, the next page's date and time, then the row's lines. A number alone on a
    line right under two such headers was taken for a piece of the page's title
    (``_title_pieces``) and dropped, so each row was one value short and missing
    (found by the composed lossless manglers' property); a tab-prefixed cell is a
    table's, never the header's."""
    values: dict[str, object] = {field.key: 0 for field in gr.fields("2019")}
    rows = ("denied.state_secret", "denied.prohibited_by_law")
    printed = (first, 0, 13, 20, 0, 0, 33 + first)
    for row, times in ((rows[0], 1), (rows[1], 1), ("new", 2), ("total", 2)):
        columns = [f"applications.{row}.{column}" for column in labels.APPLICANT_COLUMNS]
        values |= dict(zip(columns, (times * value for value in printed), strict=True))
    truth = gr.Report.from_values(values, template="2019", organisation="青石县水务局", year=2019)
    lines = render(truth, "row-per-cell").split("\n")
    for page, label in enumerate(("1.属于国家秘密", "2.其他法律行政法规禁止公开"), start=4):
        at = _line_with(lines, label)
        while lines[at - 1]:  # the row's first line: its group's empty cells come first
            at -= 1
        lines[at:at] = [
            f"https://www.qingshi.gov.cn/art/art_{page}.html  {page}/9",
            "2024/1/5 10:28",
        ]
    back = gr.parse("\n".join(lines))
    for row in rows:
        keys = [f"applications.{row}.{column}" for column in labels.APPLICANT_COLUMNS]
        assert [back.cell(key).value for key in keys] == list(printed), row


@pytest.mark.parametrize("label", ["一、本年新收政府信息公开申请数量", "（一）予以公开"])
def test_a_rows_values_on_its_wrapped_labels_lines_are_not_blank_cells(label: str) -> None:
    """``pdftotext -layout`` of a browser's PDF prints each cell of a tall row on the line
    its text starts: the first value beside the label's first line, the others beside its
    wrapped end (``一、本年新收政府  24`` / ``信息公开申请数量  3  0  0  0  2  29``). The
    columns the first line leaves blank are not blank cells: read, or missing."""
    values = {"natural_person": 24, "commercial_enterprise": 3, "other_organisation": 2}
    row = "new" if label.startswith("一") else "granted"
    every: dict[str, object] = {field.key: 0 for field in gr.fields("2021")}
    every.update({f"applications.{row}.{column}": value for column, value in values.items()})
    every[f"applications.{row}.total"] = 29
    truth = gr.Report.from_values(every, template="2021", organisation="青石县水务局", year=2021)
    lines = render(truth, AlignedCells(True)).split("\n")
    at = _line_with(lines, label)
    line, start, first = lines[at], lines[at].index(label), lines[at].index("24")
    cut = start + (len(label) + 1) // 2  # a wrapped label's first line is the fuller
    lines[at : at + 1] = [
        line[:cut].ljust(first) + "24",
        (" " * start + label[cut - start :]).ljust(first + 2) + line[first + 2 :],
    ]
    back = gr.parse("\n".join(lines))
    for key, want in truth.flat().items():
        cell = back.cell(key)
        assert cell.value in (want, None), key
        assert cell.provenance != "blank" or want is None, key


#: Section 二's (一) and (五) of a browser's narrow PDF (2019) through ``pdftotext -layout``,
#: below (一)'s article line: 规范性文件 prints 31, 17 and 260; 行政许可 5 and 618 on its
#: label's two lines, 本年增/减 blank.
_FIRST_SUB_TABLES = (
    "                                                 本年 本年 对外",
    "                                              信息 新 新公 公开",
    "                                              内容 制作 开数 总数",
    "                                                 数量 量 量",
    "                                              规章",
    "                                              规范",
    "                                              性文 31 17 260",
    "                                              件",
    "                                               第二十条第（五）项",
    "                                                 上一",
    "                                              信息 年项 本年 处理",
    "                                              内容 目数 增/减 决定",
    "                                                        数量",
    "                                                  量",
    "                                              行政 5",
    "                                              许可        618",
)


#: (六)'s header below its article line, and 行政处罚's 63 and 28 on its label's two lines.
_PENALTIES = (
    "                                                 上一",
    "                                              信息 年 本年 处理",
    "                                              内容 项目 增/减 决定",
    "                                                        数量",
    "                                                 数量",
    "                                              行政 63",
    "                                              处罚        28",
)


#: Section 二 of a browser's narrow PDF (2019) through ``pdftotext -layout``, the page's
#: footer and the next page's running title between 行政处罚 and 行政强制: the table's
#: region is cut there into two parts, each laid out on its own page (``Row.part``).
#: 行政处罚 prints 63 (上一年项目数量) and 28 (处理决定数量) on its label's two lines,
#: 本年增/减 blank; (五)'s 行政许可 5 and 618 so; 行政强制 past the break ``4 12 377``.
_CUT_BY_FURNITURE = "\n".join(
    (
        "2019年政府信息公开工作年度报告",
        "",
        "     二、主动公开政府信息情况",
        "file:///tmp/report.html                                            1/8",
        "\f11/27/26, 7:27 AM                       2019年政府信息公开工作年度报告",
        "                                               第二十条第（一）项",
        *_FIRST_SUB_TABLES,
        "",
        "",
        "                                               第二十条第（六）项",
        *_PENALTIES,
        "",
        "",
        "file:///tmp/report.html                                            2/8",
        "\f11/27/26, 7:27 AM                       2019年政府信息公开工作年度报告",
        "                                              行政 4 12 377",
        "                                              强制",
        "",
    )
)


def test_a_tall_row_is_placed_by_its_own_part_of_the_page_not_the_next() -> None:
    """The grid nearest 行政处罚 is 行政强制's, past the footer, its columns at 49, 51 and
    54 (``4 12 377``): 63 at 49-50 stood in two of them, and the row went missing. A page
    part is laid out on its own: 行政处罚 is placed by its own part's grid (规范性文件's
    ``31 17 260`` at 49, 52, 55), 63 and 28 read, 本年增/减 blank."""
    back = gr.parse(_CUT_BY_FURNITURE)
    keys = [f"proactive.penalties.{cell}" for cell in LICENSING]
    assert [back.cell(key).value for key in keys[::2]] == [63, 28]
    assert back.cell(keys[1]).value in (None, 0)
    assert [back.cell(f"proactive.coercive_measures.{cell}").value for cell in LICENSING] == [
        4,
        12,
        377,
    ]


def _browser_break(page: int) -> list[str]:
    """A browser's page break through ``pdftotext -layout``, the next page's running title
    too long for its line: page ``page - 1``'s address and number, ``\\f`` and the date
    line, whose title's year poppler prints below the page's first line (``_YEAR``)."""
    return [
        f"file:///tmp/report.html{' ' * 44}{page - 1}/8",
        "\f11/27/26, 7:27 AM                       年政府信息公开工作年度报告",
    ]


_YEAR = " " * 38 + "2019"

#: Section 二 of a browser's narrow PDF (2019) over three pages, each laid out on its own,
#: the title's year on a line of its own below each page's first line: furniture that cuts
#: the page into two parts, both of that page. 行政处罚 (page 3) prints 63 (上一年项目数量)
#: and 28 (处理决定数量) on its label's two lines, 本年增/减 blank, and no row of its page
#: a value in every column; page 4's 行政强制 ``4  12  377`` puts its 本年增/减 at 57.
_YEAR_BELOW_FIRST_LINES = "\n".join(
    (
        "2019年政府信息公开工作年度报告",
        "",
        "     一、总体情况",
        "     2019年，本局认真落实政府信息公开工作要求。",
        "     二、主动公开政府信息情况",
        *_browser_break(2),
        "                                               第二十条第（一）项",
        _YEAR,
        *_FIRST_SUB_TABLES,
        "",
        *_browser_break(3),
        "                                               第二十条第（六）项",
        _YEAR,
        *_PENALTIES,
        "",
        *_browser_break(4),
        "                                              行政",
        _YEAR,
        "                                              强制 4       12   377",
        "     三、收到和处理政府信息公开申请情况",
        "     四、政府信息公开行政复议、行政诉讼情况",
        "     五、存在的主要问题及改进情况",
        "     无。",
        "     六、其他需要报告的事项",
        "     无。",
    )
)


def test_a_page_cut_by_its_title_s_year_is_one_page_not_another_s() -> None:
    """Each page's year line cuts the region again below the page's first line. The
    parts below it were taken for no page's (every such part one), so 行政处罚 was placed
    by page 4's columns, the nearest: 28 read as 本年增/减 and 处理决定数量 claimed blank.
    Each part now is its page's: page 3 shows no columns, so 行政处罚 is read right or
    left missing (it is missing today); 行政强制 is read by its own page's row, (五)'s
    行政许可 by page 2's."""
    back = gr.parse(_YEAR_BELOW_FIRST_LINES)

    def row(name: str) -> list[object]:
        return [back.cell(f"proactive.{name}.{cell}").value for cell in LICENSING]

    previous, change, decisions = (back.cell(f"proactive.penalties.{c}") for c in LICENSING)
    assert previous.value in (63, None) and decisions.value in (28, None)
    assert change.value is None and decisions.provenance != "blank"
    assert row("coercive_measures") == [4, 12, 377]
    assert row("licensing") == [5, None, 618]
    assert back.cell("proactive.licensing.change").provenance == "blank"


def _narrow_break(page: int) -> list[str]:
    """A browser's page break through ``pdftotext -layout``: page ``page - 1``'s address
    and number, ``\\f`` and the next page's date line, its title's year wrapped away."""
    return [
        f"file:///tmp/tmpabcd/report.html{' ' * 43}{page - 1}/9",
        "\f11/27/26, 7:26 AM                        年某某县人民政府政府信息公开年度报告",
    ]


_WRAPPED_YEAR = " " * 40 + "2019"

#: Section 三 (2019) of a browser's narrow PDF through ``pdftotext -layout``, as the narrow
#: browser property draws it: the title's year printed below a page's first lines, a row's
#: first values pushed against its label. On page 5, 本年新收 prints its values at their
#: columns above the year; 其他处理 below it prints 37 (社会公益组织) and 25 (法律服务机构)
#: pushed against its label and 62 under 总计, and （七）总计 its first two (自然人 and
#: 商业企业) so.
_PUSHED_BELOW_THE_YEAR = "\n".join(
    (
        "城东区韵家口镇政府2019年政府信息公开工作年度报告",
        "一、总体情况",
        "无。",
        "二、主动公开政府信息情况",
        "         三、收到和处理政府信息公开申请情况",
        *_narrow_break(5),
        "              本年新收政府信息",
        "              公开申请数量" + " " * 26 + "12    79     212   58    48   28   437",
        _WRAPPED_YEAR,
        "",
        "          其他处理 37 25" + " " * 74 + "62",
        "",
        "          总计 180 216" + " " * 39 + "288      196       97      168     1145",
        *_narrow_break(6),
        "          结转下年度继续办 1",
        _WRAPPED_YEAR,
        "          理" + " " * 49 + "1      4     5          4    15",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "无。",
        "六、其他需要报告的事项",
        "无。",
    )
)


def test_a_page_s_parts_cut_by_its_title_s_year_are_laid_out_as_one_page() -> None:
    """The year's line cut page 5 into two parts, and the part below it, laid out alone,
    took its columns from （七）总计's seven values, two of them pushed: 其他处理's 37 and 25
    were read as 自然人's and 商业企业's. The page's parts are now laid out as one, the year
    a blank line: 本年新收's values, at their columns, stand apart from the pushed ones, so
    no column is made of pushed values alone, and 其他处理 is left to its rules."""
    back = gr.parse(_PUSHED_BELOW_THE_YEAR)
    other = {
        column: back.cell(f"applications.other.{column}")
        for column in ("natural_person", "commercial_enterprise", "total")
    }
    assert other["natural_person"].value in (None, 0) and other["total"].value in (62, None)
    assert other["commercial_enterprise"].value in (None, 0)
    assert [back.cell(f"applications.new.{c}").value for c in ("natural_person", "total")] == [
        12,
        437,
    ]


TITLE_YEAR_ALONE = Path(__file__).parents[1] / "fixtures" / "title-year-under-one-page-header.txt"


def test_a_title_s_year_under_one_page_header_cut_after_it_is_no_value() -> None:
    """The thorough profile of ``test_values_pushed_against_their_labels_on_pages_of_their_
    own_are_never_misread`` (a browser's PDF through ``pdftotext -layout``, each page its own
    columns): the last page's header prints its title cut right after its year
    (``11/27/26, 7:26 AM  年某某县…报告``), and the year it lost stands two lines below, under
    重复申请's values (``重复申请  1  1  1  1  4`` / ``2019``). Under one header only, it was
    no title's piece, and 2019 was read as 重复申请's 自然人, the row's values a column off.
    A year under a header whose title starts with 年 is that title's piece."""
    back = gr.parse(TITLE_YEAR_ALONE)
    printed = dict(zip(labels.APPLICANT_COLUMNS, (1, 1, 0, 1, 0, 1, 4), strict=True))
    for column, value in printed.items():
        assert back.cell(f"applications.not_processed.repeated.{column}").value in (value, None)
    assert back.cell("applications.not_processed.repeated.total").value == 4


#: Section 二 as Word's PDF of narrow cells prints a tall row: 行政处罚's label wrapped
#: around its cells, 本年增/减 -3 and 处理决定数量's placeholder on the line between its
#: pieces, which reads as a page's number between two dashes (``- 3 —``).
_MARKER_IN_A_ROW = """青山镇人民政府2019年政府信息公开工作年度报告
一、总体情况
2019年，青山镇人民政府认真落实政府信息公开工作要求。
二、主动公开政府信息情况
第二十条第（六）项
      上一年
信息          本年增   处理决
      项目数
内容          /减    定数量
      量
行政    250
            -3    —
处罚    项
行政    17
强制    项           0    —
三、收到和处理政府信息公开申请情况
四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
无。
六、其他需要报告的事项
无。
青山镇人民政府
2020年1月20日
"""


def test_a_value_like_page_marker_between_a_tall_row_s_label_pieces_claims_no_blank() -> None:
    """``-3    —`` between ``行政  250`` and ``处罚  项`` is dropped as a page's number, which
    nothing shows it is: 行政处罚's 本年增/减 is missing, said, never claimed blank (stop
    107's main read it printed blank beside 250)."""
    back = gr.parse(_MARKER_IN_A_ROW)
    assert back.cell("proactive.penalties.previous_items").value in (250, None)
    for name in ("change", "decisions"):
        cell = back.cell(f"proactive.penalties.{name}")
        assert cell.value is None and not cell.blank, name
    assert any(
        d.line == 12 and "proactive.penalties.change" in (d.keys or ()) for d in back.diagnostics
    )


#: The real report's plain pdftotext rendering (wkhtmltopdf's PDF): section 四's header
#: cells and values interleaved, 行政复议's five (1 0 2 0 3) before the litigation groups'.
PINGTAN = Path(__file__).parents[1] / "fixtures" / "realworld" / "renderings" / "pt-2021-pingtan"


@pytest.mark.parametrize(("number", "read"), [("5", None), ("- 5 -", (1, 0, 2, 0, 3))])
def test_a_page_number_among_section_four_s_values_leaves_them_missing_not_shifted(
    number: str, read: tuple[int, ...] | None
) -> None:
    """A page ends after 行政复议's 总计 and its number prints there, before the form feed:
    16 values for 四's 15 cells. A bare ``5``: dropping the first value (``0 2 0 3 5`` /
    ``12 0 0 0 12`` / zeros) makes every group's 总计 hold, and so does dropping the 5; the
    text does not say which, so 四 is missing, said (main read 0, 2, 0, 3 and 5 for 1, 0,
    2, 0, 3). ``- 5 -`` is a page's number by its dashes, and 四 is read."""
    lines = (PINGTAN / "pdftotext.txt").read_text(encoding="utf-8").split("\n")
    four = next(n for n, line in enumerate(lines) if line.startswith("四、政府信息公开"))
    header = next(n for n in range(four, len(lines)) if "结果维持" in lines[n])
    review = [n for n in range(header + 1, header + 11) if lines[n].strip()][:5]
    assert [lines[n] for n in review] == ["1", "0", "2", "0", "3"]
    lines[review[-1] + 1 : review[-1] + 1] = ["", number, "", "\f"]
    back = gr.parse("\n".join(lines))
    cells = [back.cell(f"appeals.review.{cell}") for cell in _OUTCOMES]
    if read is None:
        assert [(cell.value, cell.blank) for cell in cells] == [(None, False)] * 5
        assert any(
            d.code == "values-unplaced" and d.message.startswith("section 四")
            for d in back.diagnostics
        )
    else:
        assert tuple(cell.value for cell in cells) == read


#: The cells of each group of section 四, in printed order.
_OUTCOMES = ("upheld", "corrected", "other", "pending", "total")
