"""Two values glued by a lost separator (``1 1`` printed ``11``): a row one value short, or
a row whose blank cell is where the second value stood, has rival readings, and its cells
are kept only where the rules single one out."""

from __future__ import annotations

import pytest
from damage import ON_A_LINE, parse, rendered, wrong_cells

import govinfo_report as gr
from govinfo_report import labels

APPEALS = [f"appeals.{g}.{o}" for g in labels.APPEAL_GROUPS for o in labels.APPEAL_OUTCOMES]
APPLICANTS = list(labels.APPLICANT_COLUMNS)


def _report(appeals: list[int]) -> gr.Report:
    """A 2019 report whose every rule holds: section 三 of two outcome rows, section 四 as
    given."""
    values: dict[str, int] = {field.key: 0 for field in gr.fields("2019")}
    rows = {"granted": [3, 12, 0, 7, 1, 0], "partially_granted": [0, 5, 2, 0, 30, 4]}
    total = [sum(column) for column in zip(*rows.values(), strict=True)]
    for row, numbers in (*rows.items(), ("total", total), ("new", total)):
        for column, value in zip(APPLICANTS, [*numbers, sum(numbers)], strict=True):
            values[f"applications.{row}.{column}"] = value
    values |= dict(zip(APPEALS, appeals, strict=True))
    return gr.Report.from_values(values, template="2019", organisation="梧川市统计局", year=2020)


@pytest.mark.parametrize("where", ON_A_LINE)
def test_a_group_whose_values_may_be_two_glued_is_left_missing(where: str) -> None:
    # 行政复议 printed ``21 0 0 3``: 21, 0, 0, 3 with its 总计 left out (24), or 2 and 1
    # glued with 总计 3. Each group's own rule holds either way: a reader cannot tell. Its
    # 其他结果 is 0 in both.
    report = _report([2, 1, 0, 0, 3, 4, 0, 1, 0, 5, 0, 0, 0, 6, 6])
    glued = ("appeals.review.upheld", "appeals.review.corrected")
    back = parse(rendered(report, {}, where, glued=glued), where)
    assert back is not None
    assert wrong_cells(back, report.flat(), {}) == {}
    review = [key for key in APPEALS if key.startswith("appeals.review.")]
    if where == "space-aligned":
        # The columns stay: 21, a blank, 0, 0 and 3 under 总计, which only 2 and 1 fit.
        assert [back.flat()[key] for key in review] == [2, 1, 0, 0, 3]
        assert [back.cell(key).provenance for key in review[:2]] == ["derived", "derived"]
        return
    assert [back.cell(key).value for key in review] == [None, None, 0, None, None]
    assert [back.flat()[key] for key in APPEALS[5:]] == [4, 0, 1, 0, 5, 0, 0, 0, 6, 6]
    found = [d for d in back.diagnostics if set(review) & set(d.keys)]
    assert any("glued by a lost separator" in d.message for d in found)


@pytest.mark.parametrize("where", ON_A_LINE)
def test_the_rules_single_out_the_glued_reading(where: str) -> None:
    # 予以公开's ``12 0`` printed ``120``: only 12 and 0 apart let the columns' sums hold.
    report = _report([2, 1, 0, 0, 3, 4, 0, 1, 0, 5, 0, 0, 0, 6, 6])
    pair = (
        "applications.granted.commercial_enterprise",
        "applications.granted.research_institution",
    )
    back = parse(rendered(report, {}, where, glued=pair), where)
    assert back is not None
    assert [back.flat()[f"applications.granted.{c}"] for c in APPLICANTS] == [3, 12, 0, 7, 1, 0, 23]
    assert [back.cell(key).provenance for key in pair] == ["derived", "derived"]
    assert wrong_cells(back, report.flat(), {}) == {}


def _proactive(values: dict[str, int], template: str = "2019") -> gr.Report:
    """A report of ``template`` whose section 二 prints ``values``, every other count 0."""
    counts: dict[str, int] = {field.key: 0 for field in gr.fields(template)}
    return gr.Report.from_values(
        counts | values, template=template, organisation="梧川市统计局", year=2020
    )


def _normative(template: str = "2021") -> gr.Report:
    """A report whose 行政规范性文件 prints ``55 698 12`` and 规章 ``1 0 9``."""
    return _proactive(
        {
            "proactive.rules.issued": 1,
            "proactive.rules.in_force": 9,
            "proactive.normative_documents.issued": 55,
            "proactive.normative_documents.repealed": 698,
            "proactive.normative_documents.in_force": 12,
        },
        template=template,
    )


_PAIR = ("proactive.normative_documents.issued", "proactive.normative_documents.repealed")


@pytest.mark.parametrize("where", [where for where in ON_A_LINE if where != "space-aligned"])
def test_two_glued_values_of_a_row_no_rule_checks_are_never_a_wrong_number(where: str) -> None:
    # 行政规范性文件's 本年发布 and 本年废止 glued: ``55698``, a row short of a value, which
    # section 二 cannot place.
    report = _normative()
    back = parse(rendered(report, {}, where, glued=_PAIR), where)
    assert back is not None
    assert wrong_cells(back, report.flat(), {}) == {}
    assert [back.cell(key).value for key in _PAIR] == [None, None]
    assert any(set(_PAIR) & set(d.keys) for d in back.diagnostics)
    assert back.flat()["proactive.rules.in_force"] == 9


def _spacer(text: str) -> str:
    """Tab-separated ``text`` whose section 二 rows of three values print a blank spacer
    column before their last (a Word table's merged cell, as HTML and python-docx give it)."""
    lines = text.split("\n")
    for at, line in enumerate(lines):
        cells = line.split("\t")
        if cells[0] in ("信息内容", "规章", "行政规范性文件") and len(cells) == 4:
            lines[at] = "\t".join([*cells[:3], "", cells[3]])
    return "\n".join(lines)


def test_a_glued_value_before_a_blank_in_a_grid_with_merged_cells_is_missing() -> None:
    # The rows print a spacer column: ``55\t698\t\t12``. Glued, ``55698\t\t12`` prints
    # just its three columns' cells, one of them blank: it lost a cell, and 55698 may be two
    # values. No rule checks section 二: both cells are missing, said; 现行有效 stands.
    report = _normative()
    text = _spacer(rendered(report, {}, "tab-separated"))
    intact = gr.parse(text)
    assert wrong_cells(intact, report.flat(), {}) == {}
    assert intact.flat()["proactive.normative_documents.repealed"] == 698
    back = gr.parse(text.replace("55\t698\t\t12", "55698\t\t12"))
    assert [back.cell(key).value for key in _PAIR] == [None, None]
    assert back.flat()["proactive.normative_documents.in_force"] == 12
    found = [d for d in back.diagnostics if set(_PAIR) & set(d.keys)]
    assert [d.code for d in found] == ["values-unplaced"]
    assert "glued by a lost separator" in found[0].message


def test_a_glued_value_wider_than_its_columns_others_in_space_aligned_text_is_missing() -> None:
    # Space-aligned text keeps the line's columns: ``55698`` under 本年发布, a blank under
    # 本年废止 and ``12``, in a table that prints its zeros. 规章 prints ``1 0 9``: a count
    # five digits wide under a column whose other value is one is two values glued as well
    # as a sparse row's, and so is 12 after the blank (1 and 2). No rule checks section
    # 二: the three cells are missing, said; 规章 stands.
    report = _normative()
    back = parse(rendered(report, {}, "space-aligned", glued=_PAIR), "space-aligned")
    assert back is not None
    row = [*_PAIR, "proactive.normative_documents.in_force"]
    assert [back.cell(key).value for key in row] == [None, None, None]
    rules = [f"proactive.rules.{c}" for c in ("issued", "repealed", "in_force")]
    assert [back.flat()[key] for key in rules] == [1, 0, 9]
    found = [d for d in back.diagnostics if set(_PAIR) & set(d.keys)]
    assert [d.code for d in found] == ["values-unplaced"]
    assert "glued by a lost separator" in found[0].message


def test_a_glued_value_as_wide_as_its_columns_others_is_read_as_printed_and_said() -> None:
    # 规章 prints ``12345`` under 本年发布 and ``10`` under 现行有效: ``55698``, a blank
    # and ``12`` are as wide as counts of their columns, a sparse row's as well as a glue.
    # Read as printed, the doubt said.
    report = _proactive(
        {
            "proactive.rules.issued": 12345,
            "proactive.rules.in_force": 10,
            "proactive.normative_documents.issued": 55,
            "proactive.normative_documents.repealed": 698,
            "proactive.normative_documents.in_force": 12,
        },
        template="2021",
    )
    back = parse(rendered(report, {}, "space-aligned", glued=_PAIR), "space-aligned")
    assert back is not None
    assert back.flat()["proactive.normative_documents.issued"] == 55698
    found = [d for d in back.diagnostics if d.code == "glue-possible"]
    assert len(found) == 1
    assert set(_PAIR) <= set(found[0].keys)  # and 12 after the blank, which could be too


def test_a_sparse_rows_blank_beside_a_count_is_a_blank_the_doubt_said() -> None:
    # 行政许可 printed ``46``, a blank 本年增/减 and ``1283`` in columns, as a sparse report
    # is: read as printed, the doubt said (46, or 1283, could be two values glued).
    values = {
        "proactive.licensing.previous_items": 46,
        "proactive.licensing.decisions": 1283,
        "proactive.penalties.previous_items": 38,
        "proactive.penalties.decisions": 95,
    }
    report = _proactive(values)
    printed = {"proactive.licensing.change": "", "proactive.penalties.change": ""}
    back = parse(rendered(report, printed, "space-aligned"), "space-aligned")
    assert back is not None
    assert {key: back.flat()[key] for key in values} == values
    assert back.cell("proactive.licensing.change").provenance == "blank"
    found = [d for d in back.diagnostics if d.code == "glue-possible"]
    assert {d.line for d in found} == {back.cell("proactive.licensing.decisions").line} | {
        back.cell("proactive.penalties.decisions").line
    }


def test_a_signed_value_in_a_box_grid_is_one_cell() -> None:
    # pandoc's grid table prints 本年增/减 ``| +17 |``: the ``+`` is the value's sign, not a
    # corner of the grid splitting the cell (which shifted the row's cells by one).
    report = _proactive(
        {"proactive.licensing.previous_items": 20, "proactive.licensing.decisions": 37}
    )
    back = parse(rendered(report, {"proactive.licensing.change": "+17"}, "box-grid"), "box-grid")
    assert back is not None
    change = back.cell("proactive.licensing.change")
    assert (change.value, change.raw) == (17, "+17")
    assert back.flat()["proactive.licensing.decisions"] == 37


def test_a_short_row_with_a_blank_cell_and_two_glued_values() -> None:
    # 予以公开 printed 3, 12, a blank, 71, 0, 23: the blank cell is a value of the row's
    # short reading too (it crashed the rival readings once: the thorough profile found it).
    report = _report([2, 1, 0, 0, 3, 4, 0, 1, 0, 5, 0, 0, 0, 6, 6])
    row = "applications.granted"
    pair = (f"{row}.public_interest_organisation", f"{row}.legal_service_agency")
    text = rendered(report, {f"{row}.research_institution": ""}, "tab-separated", glued=pair)
    back = parse(text, "tab-separated")
    assert back is not None
    assert wrong_cells(back, report.flat(), {}) == {}
    assert [back.flat()[f"{row}.{c}"] for c in APPLICANTS] == [3, 12, 0, 7, 1, 0, 23]


def test_two_rows_of_a_box_grid_with_no_rule_between_them_are_no_wrapped_numbers() -> None:
    # A box grid's cell wraps over the lines of its row; two rows that lost the rule between
    # them read as one whose cells hold 3 and 0 (``30``), 12 and 5 (``125``). Numbers on two
    # lines of a cell are one wrapped only where the first fills the cell's width.
    report = _report([2, 1, 0, 0, 3, 4, 0, 1, 0, 5, 0, 0, 0, 6, 6])
    lines = rendered(report, {}, "box-grid").split("\n")
    at = next(i for i, line in enumerate(lines) if "（一）予以公开" in line)
    assert lines[at + 1].startswith("+-")
    back = parse("\n".join(lines[: at + 1] + lines[at + 2 :]), "box-grid")
    assert back is not None
    assert wrong_cells(back, report.flat(), {}) == {}
    granted = [back.cell(f"applications.granted.{c}").value for c in APPLICANTS]
    assert granted[:2] == [None, None]


def test_a_blank_total_in_space_aligned_text_is_no_value_glued_further_left() -> None:
    # 部分公开 prints 10 13 4 3 33 36 in its columns and leaves 总计 blank (its parts make
    # 99: the report's own error). Its own rule breaks, and ``33`` cut as 3 and 3 with 36
    # moved to 总计 would make it hold; but the values stand in their columns, 36 under
    # 其他: a glued value fills only its cell and the blank beside it. Read as printed.
    values: dict[str, int | None] = {field.key: 0 for field in gr.fields("2021")}
    printed = dict(zip(APPLICANTS, [10, 13, 4, 3, 33, 36, None], strict=True))
    values |= {f"applications.partially_granted.{c}": v for c, v in printed.items()}
    report = gr.Report.from_values(values, template="2021", organisation="梧川市统计局", year=2022)
    lines = rendered(report, {}, "space-aligned").split("\n")
    at = next(n for n, line in enumerate(lines) if "（二）部分公开" in line)
    assert lines[at].endswith("33            36    —")
    lines[at] = lines[at].removesuffix("    —")  # the blank 总计 prints nothing
    back = parse("\n".join(lines), "space-aligned")
    assert back is not None
    row = [back.cell(f"applications.partially_granted.{c}") for c in APPLICANTS]
    assert [cell.value for cell in row] == [10, 13, 4, 3, 33, 36, None]
    assert row[-1].provenance == "blank"
