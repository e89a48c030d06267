"""What each cell text becomes (docs/robustness.md, "Cell texts"): a cell's text is all of its
number or none of it. A documented form (``12件``, ``+17``, ``1,234``, a footnote mark after
the number) is the number; anything else beside the digits makes the cell invalid: missing,
with a diagnostic that quotes it, never the digits alone. The report below is written by
``gr.render`` and ``gr.render_html`` with one cell's text replaced (``damage.rendered``)."""

from __future__ import annotations

import io

import docx
import pytest
from damage import parse, rendered
from docx.enum.text import WD_BREAK

import govinfo_report as gr

GRANTED = "applications.granted.natural_person"
LICENSING = "proactive.licensing.decisions"
UPHELD = "appeals.review.upheld"


def _report() -> gr.Report:
    """A 2021 report whose cells are 0 but 112 granted to natural persons (the row's, the
    column's and the table's totals agree), 3850 licensing decisions and 12 reviews upheld."""
    values: dict[str, object] = dict.fromkeys((field.key for field in gr.fields("2021")), 0)
    for key in ("granted", "total", "new"):
        values[f"applications.{key}.natural_person"] = values[f"applications.{key}.total"] = 112
    values |= {LICENSING: 3850, UPHELD: 12, "appeals.review.total": 12}
    return gr.Report.from_values(values, template="2021", organisation="某某区人民政府", year=2023)


REPORT = _report()


def _read(key: str, text: str, where: str = "tab-separated") -> gr.Report:
    back = parse(rendered(REPORT, {key: text}, where), where)
    assert back is not None
    return back


def _quoted(report: gr.Report, text: str) -> list[str]:
    return [d.code for d in report.diagnostics if f"{text}" in d.message]


@pytest.mark.parametrize(
    ("text", "value"),
    [("112件", 112), ("+112", 112), ("112¹", 112), ("112①", 112), ("112*", 112), ("１１２", 112)],
)
def test_a_documented_form_is_its_number(text: str, value: int) -> None:
    report = _read(GRANTED, text)
    cell = report.cell(GRANTED)
    assert (cell.value, cell.provenance, cell.raw) == (
        value,
        "parsed",
        text.replace("１１２", "112"),
    )


@pytest.mark.parametrize(
    "text", ["l12", "I12", "O12", "S12", "B12", "约12", "≈12", "<12", ">12", "~12", "第12", "共12"]
)
def test_text_before_the_digits_makes_the_cell_invalid_never_the_digits(text: str) -> None:
    # 112 misread, or about 12: the digits alone are not the number the cell says. The rules
    # would give 112 (总计 less the rest), but a printed cell is never overwritten: it stays
    # missing, its text kept, and the rules it is in are not checked.
    report = _read(GRANTED, text)
    cell = report.cell(GRANTED)
    assert (cell.value, cell.provenance, cell.raw) == (None, "missing", text)
    assert _quoted(report, f"'{text}'") == ["invalid-value"]


@pytest.mark.parametrize(
    ("text", "raw"), [("3,850", "3,850"), ("3，850", "3,850"), ("3850件", "3850件")]
)
def test_thousands_separators_and_units_in_section_two(text: str, raw: str) -> None:
    cell = _read(LICENSING, text).cell(LICENSING)
    assert (cell.value, cell.provenance, cell.raw) == (3850, "parsed", raw)


@pytest.mark.parametrize("text", ["3、850", "~3850", "约3850", "3850 3851"])
def test_a_section_two_cell_is_all_of_its_number_or_none(text: str) -> None:
    report = _read(LICENSING, text)
    cell = report.cell(LICENSING)
    assert (cell.value, cell.provenance) == (None, "missing")  # no rule of 二 gives it back
    assert _quoted(report, f"'{text}'") == ["invalid-value"]


@pytest.mark.parametrize("text", ["约12", "l2", "12 13"])
def test_a_section_four_cell_is_all_of_its_number_or_none(text: str) -> None:
    report = _read(UPHELD, text)
    cell = report.cell(UPHELD)
    assert (cell.value, cell.provenance, cell.raw) == (None, "missing", text)
    assert _quoted(report, f"'{text}'") == ["invalid-value"]


@pytest.mark.parametrize("where", ["html", "cms"])
@pytest.mark.parametrize(
    ("markup", "value", "raw"),
    [
        ("112<sup>1</sup>", 112, "112¹"),  # a Word footnote
        ("112<sub>2</sub>", 112, "112₂"),
        ("112<sup>注</sup>", None, "112 注"),  # a note in words: a token apart, no number
        ('112<span style="display:none">9</span>', 112, "112"),  # a CMS's anti-copy digit
        ('1<span style="DISPLAY: none;">9</span>12', 112, "112"),
        ("<span hidden>9</span>112", 112, "112"),
        ('112<i aria-hidden="true">0</i>', 112, "112"),
        ('<font style="visibility:hidden">3</font>112', 112, "112"),
        ('1<font face="Calibri">12</font>', 112, "112"),  # two runs of one number
    ],
)
def test_what_a_page_cell_becomes(where: str, markup: str, value: int | None, raw: str) -> None:
    cell = _read(GRANTED, markup, where).cell(GRANTED)
    provenance = "parsed" if value is not None else "missing"
    assert (cell.value, cell.provenance, cell.raw) == (value, provenance, raw)


@pytest.mark.parametrize("where", ["html", "cms"])
@pytest.mark.parametrize(
    ("markup", "raw"),
    [
        ("112<br>1", "112 1"),
        ("112<br/>1", "112 1"),
        ("<p>11</p><p>2</p>", "11 2"),
        ("11<div>2</div>", "11 2"),
    ],
)
def test_a_line_break_in_a_page_cell_separates_tokens(where: str, markup: str, raw: str) -> None:
    report = _read(GRANTED, markup, where)
    cell = report.cell(GRANTED)
    assert (cell.value, cell.provenance, cell.raw) == (None, "missing", raw)  # never 1121
    assert _quoted(report, f"'{raw}'") == ["invalid-value"]


def test_a_footnote_on_a_zero_in_section_three_is_no_value() -> None:
    # 0<sup>2</sup> was read as 2 before: the mark is a note, the cell 0.
    key = "applications.granted.commercial_enterprise"
    cell = _read(key, "0<sup>2</sup>", "html").cell(key)
    assert (cell.value, cell.provenance, cell.raw) == (0, "parsed", "0²")


def _docx_cell(*runs: tuple[str, dict[str, bool]], paragraphs: tuple[str, ...] = ()) -> str:
    """The text ``gr.extract_text`` gives of a Word table's one cell holding ``runs`` (each
    with its font's properties) and then ``paragraphs``."""
    document = docx.Document()
    cell = document.add_table(rows=1, cols=2).cell(0, 1)
    paragraph = cell.paragraphs[0]
    for text, font in runs:
        if text == "\n":
            paragraph.add_run().add_break(WD_BREAK.LINE)
            continue
        run = paragraph.add_run(text)
        for name, on in font.items():
            setattr(run.font, name, on)
    for text in paragraphs:
        cell.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return gr.extract_text(out.getvalue()).split("\t")[1]


def test_what_a_word_cell_becomes() -> None:
    assert _docx_cell(("863", {}), ("1", {"superscript": True})) == "863¹"
    assert _docx_cell(("863", {}), ("2", {"subscript": True})) == "863₂"
    assert _docx_cell(("86", {}), ("9", {"hidden": True}), ("3", {})) == "863"
    assert _docx_cell(("863", {}), ("\n", {}), ("1", {})) == "863 1"
    assert _docx_cell(("863", {}), paragraphs=("1",)) == "863 1"
    assert _docx_cell(("本年新", {}), paragraphs=("制作数量",)) == "本年新制作数量"


@pytest.mark.parametrize("where", ["tab-separated", "space-aligned", "markdown", "cell-per-line"])
@pytest.mark.parametrize("text", ["112人次", "112件次", "112个工", "共计112", "约为112"])
def test_a_number_whose_unit_or_word_runs_on_is_an_invalid_value_never_a_label(
    where: str, text: str
) -> None:
    # Two ideographs made the cell a label: an unknown row, its column then blank (space-aligned
    # text) or its digits taken; the text says a count we do not take (人次: person-times).
    report = _read(GRANTED, text, where)
    cell = report.cell(GRANTED)
    assert (cell.value, cell.provenance, cell.raw) == (None, "missing", text)
    assert "invalid-value" in _quoted(report, f"'{text}'")
    assert "unknown-label" not in {d.code for d in report.diagnostics}


@pytest.mark.parametrize("where", ["tab-separated", "space-aligned", "markdown"])
def test_a_count_printed_with_a_leading_zero_is_read_and_doubted(where: str) -> None:
    # 0112: a blank cell's 0 glued onto 112, or an artefact; no report pads its counts.
    report = _read(GRANTED, "0112", where)
    cell = report.cell(GRANTED)
    assert (cell.value, cell.provenance, cell.raw) == (112, "parsed", "0112")
    found = [d for d in report.diagnostics if d.code == "leading-zero"]
    assert [(d.keys, d.line) for d in found] == [((GRANTED,), cell.line)]
    assert "leading-zero" not in {d.code for d in _read(GRANTED, "112", where).diagnostics}


@pytest.mark.parametrize("where", ["space-aligned", "cell-per-line", "row-per-cell", "one-line"])
@pytest.mark.parametrize("space", ["\u2009", "\u202f", "\u3000"])
def test_a_space_inside_a_number_beside_a_blank_cell_is_no_two_values(
    where: str, space: str
) -> None:
    # 1 12 for 112, the next cell blank: split at the space, 1 and 12 filled the row (12 in
    # the blank's column). A thin, narrow or ideographic space lays out no column.
    blank = "applications.granted.commercial_enterprise"
    report = parse(rendered(REPORT, {GRANTED: f"1{space}12", blank: ""}, where), where)
    assert report is not None
    assert report.cell(GRANTED).value in (None, 112)
    assert report.cell(blank).value in (None, 0)
    assert report.cell(GRANTED).provenance == "missing"
