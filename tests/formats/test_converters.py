"""The text real converters make of reports (tests/fixtures/converters, made by the tools
themselves: see its README), every cell scored against the values the report was rendered
from: right, derived, missing or wrong. No cell may be wrong, ever. (The pages written as
government sites publish them, ``cms-*``, are held by tests/real/test_realworld.py.)"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

import govinfo_report as gr

from accuracy import FIXTURES, folders, score, truth

FOLDERS = folders()

#: The layout each converter's tables are read in.
LAYOUT = {
    "w3m": "box-grid",
    "lynx": "space-aligned",
    "pandoc-html": "space-aligned",
    "pandoc-docx": "space-aligned",
    "pdftotext-layout": "space-aligned",
    "word-pdftotext-layout": "space-aligned",
    "html2text": "markdown",
    "pdftotext": "cell-per-line",
    "word-pdftotext": "cell-per-line",
    "libreoffice": "cell-per-line",
    "docx2txt": "cell-per-line",
    "python-docx": "tab-separated",
}
#: Converters whose text no longer says which values belong to which row: pdftotext without
#: -layout reads merged label cells of section 三 after their values (wkhtmltopdf's PDF), or
#: a Word PDF's table column by column. No value may be wrong there either.
ORDER_LOST = {"pdftotext", "word-pdftotext"}


def _scored(converter: str) -> list[tuple[str, gr.Report, dict[str, str]]]:
    scored = []
    for folder in FOLDERS:
        report = gr.parse(folder / f"{converter}.txt")
        scored.append((folder.name, report, score(report, truth(folder))))
    return scored


def test_every_report_has_the_text_of_every_converter() -> None:
    assert len(FOLDERS) == 17
    for folder in FOLDERS:
        assert {path.stem for path in folder.glob("*.txt")} == set(LAYOUT), folder.name
        data = json.loads((folder / "truth.json").read_text("utf-8"))
        assert set(data["values"]) == {f.key for f in gr.fields(data["template"])}


@pytest.mark.parametrize("converter", sorted(LAYOUT))
def test_no_cell_is_wrong_and_each_table_is_read_in_its_layout(converter: str) -> None:
    outcomes: Counter[str] = Counter()
    for name, report, scores in _scored(converter):
        assert {table.layout for table in report.tables} == {LAYOUT[converter]}, name
        assert [key for key, outcome in scores.items() if outcome == "wrong"] == [], name
        outcomes.update(scores.values())
    if converter not in ORDER_LOST:
        assert outcomes["right"] + outcomes["derived"] >= 0.99 * sum(outcomes.values())


def test_pdftotext_reads_sections_2_and_4_and_section_3_whole_or_not_at_all() -> None:
    """Without -layout, section 三 comes out of order in most reports. Where its values are
    still in row order (seven for each row, the labels right before a run naming one of
    its rows) it is read by sequence, every rule checking it; otherwise the table is dropped
    whole (table-order-broken), never read into the wrong rows."""
    outcomes: Counter[str] = Counter()
    for name, report, scores in _scored("pdftotext"):
        assert all(
            outcome in ("right", "derived")
            for key, outcome in scores.items()
            if not key.startswith("applications.")
        ), name
        codes = {d.code for d in report.diagnostics}
        section = {outcome for key, outcome in scores.items() if key.startswith("applications.")}
        if "table-read-in-sequence" in codes:
            outcomes["sequence"] += 1
            assert section <= {"right", "derived"}, name
            # Nothing is said of the reading given up on.
            assert not codes & {"extra-values", "values-unplaced", "table-order-broken"}, name
        elif "table-order-broken" in codes:
            outcomes["dropped"] += 1
            assert all(
                report.cell(key).value is None for key in scores if key.startswith("applications.")
            ), name
    assert outcomes == {"sequence": 14, "dropped": 3}


def _corpus_0_lines() -> list[str]:
    """corpus-0's pdftotext text, whose section 三 is read by sequence, as lines."""
    text = (FIXTURES / "corpus-0" / "pdftotext.txt").read_text("utf-8")
    assert "table-read-in-sequence" in {d.code for d in gr.parse(text).diagnostics}
    return text.split("\n")


def test_a_sequence_reading_the_report_contradicts_in_one_cell_is_kept() -> None:
    """corpus-0 with its total row's 总计 raised from 26 to 27 (the report's own error): the
    three rules that fail all pass through that one cell, so the reading by sequence is
    kept, 27 as printed, and each failing rule is reported, naming the cell."""
    lines = _corpus_0_lines()
    intact = gr.parse("\n".join(lines))
    total = lines.index("（七）总计")
    assert lines[total + 14] == "26"
    lines[total + 14] = "27"
    report = gr.parse("\n".join(lines))
    assert "table-read-in-sequence" in {d.code for d in report.diagnostics}
    cell = report.cell("applications.total.total")
    assert (cell.value, cell.provenance, cell.raw) == (27, "parsed", "27")
    violations = [d for d in report.diagnostics if d.code == "rule-violation"]
    assert len(violations) == 3
    assert all("applications.total.total" in d.keys for d in violations)
    keys = [f.key for f in gr.fields(report.template) if f.section == "applications"]
    assert [report.cell(k).value for k in keys if k != "applications.total.total"] == [
        intact.cell(k).value for k in keys if k != "applications.total.total"
    ]


def test_a_sequence_reading_that_breaks_rules_through_two_cells_is_refused() -> None:
    """corpus-0 with 商业企业's 9 of 本年新收 and 7 of 予以公开 swapped, as a misreading would
    move them: the rules that fail share no cell, so no reading checks out and the table is
    dropped, never read with a value in the wrong cell."""
    lines = _corpus_0_lines()
    new, granted = lines.index("⼀、本年新收政府信息公开申请数量"), lines.index("（⼀）予以公开")
    assert (lines[new + 4], lines[granted + 4]) == ("9", "7")
    lines[new + 4], lines[granted + 4] = "7", "9"
    report = gr.parse("\n".join(lines))
    codes = {d.code for d in report.diagnostics}
    assert "table-order-broken" in codes and "table-read-in-sequence" not in codes
    assert report.flat()["applications.new.commercial_enterprise"] is None


def _first_value_on_a_trailing_label_line(first: str) -> str:
    """corpus-0's pdftotext text with （一）予以公开's first value (12) printed on its label's
    line, and that line after the table, as pdftotext prints a tall label cell beside its
    row's first value: the row's other six values stay where they were."""
    text = (FIXTURES / "corpus-0" / "pdftotext.txt").read_text("utf-8")
    assert text.count("（⼀）予以公开\n\n12\n") == 1
    text = text.replace("（⼀）予以公开\n\n12\n", "")
    at = text.index("四、政府信息公开⾏政复议")
    return f"{text[:at]}（⼀）予以公开 {first}\n\n{text[at:]}"


def test_a_value_printed_on_its_rows_label_line_away_from_the_row_is_its_first() -> None:
    """Read in order, the six values left in place shift every later row by one and break
    the rules; taken as the first value of the row its label names, every cell is read as
    in the intact text (the rules check the reading whole before it is kept)."""
    intact = gr.parse(FIXTURES / "corpus-0" / "pdftotext.txt")
    report = gr.parse(_first_value_on_a_trailing_label_line("12"))
    keys = [f.key for f in gr.fields(report.template) if f.section == "applications"]
    assert [(report.cell(k).value, report.cell(k).provenance) for k in keys] == [
        (intact.cell(k).value, intact.cell(k).provenance) for k in keys
    ]
    assert report.cell("applications.granted.natural_person").raw == "12"
    (read,) = [d for d in report.diagnostics if d.code == "table-read-in-sequence"]
    assert "printed alone on a line of their row's label taken as its first" in read.message


def test_a_value_on_a_label_line_the_rules_contradict_in_that_cell_is_kept_and_reported() -> None:
    """The same text with 13 on the label line: only the reading that takes it as 予以公开's
    first value keeps every other rule; the rules that fail all pass through that cell, so
    it is read as printed and each failing rule is reported, naming it."""
    intact = gr.parse(FIXTURES / "corpus-0" / "pdftotext.txt")
    report = gr.parse(_first_value_on_a_trailing_label_line("13"))
    cell = report.cell("applications.granted.natural_person")
    assert (cell.value, cell.provenance) == (13, "parsed")
    violations = [d for d in report.diagnostics if d.code == "rule-violation"]
    assert violations
    assert all("applications.granted.natural_person" in d.keys for d in violations)
    keys = [f.key for f in gr.fields(report.template) if f.section == "applications"]
    assert [report.cell(k).value for k in keys if k != cell.key] == [
        intact.cell(k).value for k in keys if k != cell.key
    ]


def test_a_value_on_a_label_line_that_fits_no_reading_is_not_placed() -> None:
    """The same text with 13 on the label line and 予以公开's 总计 (22) made 23: the rules that
    fail pass through two cells, so no reading checks out and section 三 is dropped whole,
    never read with a guess."""
    text = _first_value_on_a_trailing_label_line("13")
    assert text.count("\n1\n\n1\n\n22\n") == 1
    report = gr.parse(text.replace("\n1\n\n1\n\n22\n", "\n1\n\n1\n\n23\n"))
    codes = {d.code for d in report.diagnostics}
    assert "table-order-broken" in codes and "table-read-in-sequence" not in codes
    assert all(
        report.cell(f.key).value is None
        for f in gr.fields(report.template)
        if f.section == "applications"
    )


def test_a_word_pdf_read_with_layout_keeps_its_page_furniture_out() -> None:
    """Word's PDF repeats section 三's header on the next page and prints ``-N-`` footers;
    its narrow label columns wrap (``1.属于`` / ``国家秘`` / ``密``): all read right."""
    text = (FIXTURES / "corpus-0" / "word-pdftotext-layout.txt").read_text("utf-8")
    assert text.count("申请人情况") == 2 and "-1-" in text
    assert any(line.split()[-1:] == ["国家秘"] for line in text.splitlines())  # 1.属于国家秘密
    for name, report, scores in _scored("word-pdftotext-layout"):
        assert set(scores.values()) <= {"right", "derived"}, name
        assert not [d for d in report.diagnostics if d.code in ("unknown-label", "row-missing")]


def test_the_accuracy_tables_in_the_docs_are_current() -> None:
    """All three tables: the converter fixtures, the pages written as sites publish them,
    and the real reports (with the targets of each input class)."""
    import accuracy

    page = (Path(__file__).parents[2] / "docs" / "accuracy.md").read_text("utf-8")
    assert accuracy.markdown(accuracy.measure()) in page
    assert accuracy.markdown(accuracy.measure(cms=True)) in page
    assert accuracy.real_markdown(accuracy.measure_real()) in page


@pytest.mark.parametrize(
    ("fixture", "start"),
    [
        ("typed-001_9c0197b4049a0334/html2text.txt", "2020 年,韵家口镇坚持“以公开为常态"),
        ("typed-002_3a0847339f04a27e/pandoc-docx.txt", "2019\n年,我镇严格按照中央和省、市、县"),
    ],
)
def test_a_wrapped_number_does_not_cut_the_overview(fixture: str, start: str) -> None:
    """html2text ends a line with `城东区 2020`, pandoc puts `2019` on a line of its own: in
    section 一, which has no table, they are text, so the overview keeps its first paragraph."""
    overview = gr.parse(FIXTURES / fixture).overview
    assert overview is not None and overview.startswith(start)
