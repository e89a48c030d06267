"""Section 二's rows short of values, read by their order (``pdftotext -raw``, pypdfium2 and
pdfplumber leave a blank cell out with no trace; a PDF text tool that loses a tall row's
positions gives its values in line order): which of the row's cells its values fill is
unknown, and the section has no rule to tell. Where section 一 states a count for one of its
cells (``全年作出行政许可决定26040件``), the placements that give that cell a printed value
of that count (none, or a 0, for a count of 0) are kept, where some but not all do: the
cells they all fill alike are read, the rest stay missing (bed 8530: pypdfium2's ``行政`` /
``许可`` / ``1 312`` with ``行政许可决定312件``; ``pdftotext -layout``'s ``行政 346     260``
/ ``许可 项       40件`` with ``行政许可决定26040件``). Each text is printed as those tools
print a PDF, from a report of values typed here."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.write.render import render

from conftest import scaled, wrong
from manglers import TRACELESS, lifted_numbers
from strategies import STATED, sparse_reports, stating

RAW = TRACELESS["pdftotext-raw"]
#: The tools whose text leaves a blank cell out with no trace.
NO_TRACE = ("pdftotext-raw", "pdftotext-raw-centred", "spaced", "pdftotext")
LICENSING = [f"proactive.licensing.{c}" for c in ("previous_items", "change", "decisions")]
PENALTIES = [f"proactive.penalties.{c}" for c in ("previous_items", "change", "decisions")]


def _text(changed: dict[str, int], template: str, prose: str, tool: str = "pdftotext-raw") -> str:
    """A report of zeros but ``changed``, its zeros printed blank, section 一 saying
    ``prose`` (instead of 无。)."""
    values: dict[str, int | None] = {f.key: 0 for f in gr.fields(template)}
    report = gr.Report.from_values(
        values | changed,
        template=template,
        organisation="青岚县自然资源局",
        year=2020 if template == "2019" else 2022,
    )
    text = render(report, TRACELESS[tool], blank_zeros=True)
    assert text.count("一、总体情况\n无。") == 1
    return text.replace("一、总体情况\n无。", f"一、总体情况\n{prose}", 1)


def _unplaced(report: gr.Report, label: str) -> gr.Diagnostic:
    (found,) = [
        d for d in report.diagnostics if d.code == "values-unplaced" and d.message.startswith(label)
    ]
    return found


#: 行政许可 346, a blank 本年增/减, 26040; 行政处罚 16, a blank, 87 (2019).
SHORT_ROWS = dict(zip(LICENSING, (346, 0, 26040), strict=True)) | dict(
    zip(PENALTIES, (16, 0, 87), strict=True)
)


@pytest.mark.parametrize("tool", ["pdftotext-raw", "spaced"])
def test_the_count_the_prose_states_places_the_value_that_prints_it(tool: str) -> None:
    text = _text(SHORT_ROWS, "2019", "全年作出行政许可决定26040件，行政处罚决定87件。", tool)
    assert "行政许可 346 26040\n" in text.replace("  ", " ")
    report = gr.parse(text)
    for keys, count in ((LICENSING, 26040), (PENALTIES, 87)):
        decisions = report.cell(keys[2])
        assert (decisions.value, decisions.provenance) == (count, "parsed")
        # 346 may be 上一年项目数量's or 本年增/减's: the prose says nothing of either
        assert [report.cell(key).value for key in keys[:2]] == [None, None]
    found = _unplaced(report, "行政许可: 2 values (346 26040) for 3 columns")
    assert "the counts the prose states for its cells ('行政许可决定26040件')" in found.message
    assert found.keys == tuple(LICENSING[:2])
    assert "text-table-mismatch" not in {d.code for d in report.diagnostics}


def test_without_a_count_in_the_prose_the_row_stays_missing() -> None:
    report = gr.parse(_text(SHORT_ROWS, "2019", "本年度政府信息公开工作有序开展。"))
    assert [report.cell(key).value for key in LICENSING + PENALTIES] == [None] * 6
    found = _unplaced(report, "行政许可: 2 values (346 26040) for 3 columns")
    assert "prose" not in found.message


@pytest.mark.parametrize(
    "prose",
    [
        "全年作出行政许可决定2604件。",  # no value of the row is 2604
        "全年作出行政许可决定346件。",  # 346 comes first: no placement in order gives it there
        "全年作出行政许可决定26040件，又作出行政许可决定12件。",  # the prose contradicts itself
    ],
)
def test_a_count_no_placement_gives_leaves_the_row_missing_and_is_reported(prose: str) -> None:
    report = gr.parse(_text(SHORT_ROWS, "2019", prose))
    assert [report.cell(key).value for key in LICENSING] == [None] * 3
    assert "prose" not in _unplaced(report, "行政许可: 2 values").message
    mismatched = [d for d in report.diagnostics if d.code == "text-table-mismatch"]
    assert LICENSING[2] in {key for d in mismatched for key in d.keys}


def test_a_stated_zero_keeps_the_placements_that_print_nothing_there() -> None:
    # 2021's 行政规范性文件: none issued (blank), 5 repealed, 5 in force; the prose's 0 issued
    # leaves one placement of 5 and 5, and both are read.
    documents = [f"proactive.normative_documents.{c}" for c in ("issued", "repealed", "in_force")]
    changed = dict(zip(documents, (0, 5, 5), strict=True))
    report = gr.parse(_text(changed, "2021", "本年度制发的行政规范性文件0件。"))
    assert [report.cell(key).value for key in documents[1:]] == [5, 5]
    assert report.cell(documents[0]).value in (None, 0)
    # without it, 5 and 5 fill any two of the three cells
    report = gr.parse(_text(changed, "2021", "本年度政府信息公开工作有序开展。"))
    assert [report.cell(key).value for key in documents] == [None] * 3


def test_the_count_of_another_row_places_nothing() -> None:
    # the prose's 26040 is 行政处罚's (the table contradicts it), never 行政许可's
    report = gr.parse(_text(SHORT_ROWS, "2019", "全年作出行政处罚决定26040件。"))
    assert [report.cell(key).value for key in LICENSING + PENALTIES] == [None] * 6


def test_a_count_lifted_out_of_its_sentence_places_nothing() -> None:
    # bed 8524, pdfplumber's layout text of a browser's PDF: the first line's 9 (新制作)
    # stands between 主动公开规范性文件 and 件, whose own 8 is on the line after the next
    prose = "本年度新制作规范性文件9件，主动公开规范性文件8件。"
    lifted = lifted_numbers(prose, prose.index("8"))
    assert [line.strip() for line in lifted.split("\n")[1:3]] == ["9", "件。"]
    documents = [f"proactive.normative_documents.{c}" for c in ("made", "published")]
    report = gr.parse(_text(dict(zip(documents, (9, 8), strict=True)), "2019", lifted))
    assert [report.cell(key).value for key in documents] == [None, None]
    # said in its sentence, the counts place both
    report = gr.parse(_text(dict(zip(documents, (9, 8), strict=True)), "2019", prose))
    assert [report.cell(key).value for key in documents] == [9, 8]


@pytest.mark.parametrize("tool", NO_TRACE)
@scaled(0.5)
@given(report=sparse_reports(), data=st.data())
def test_short_rows_placed_by_the_prose_are_never_read_wrong(
    tool: str, report: gr.Report, data: st.DataObject
) -> None:
    # A generated report with zeros printed blank by a tool that leaves no trace of them,
    # section 一 stating some of section 二's counts (its own), now and then with its
    # numbers lifted out of its lines as pdfplumber's layout text prints them: no cell is
    # read wrong.
    values = report.flat()
    text = render(report, TRACELESS[tool], blank_zeros=True)
    keys = [key for key in sorted(STATED[report.template]) if values.get(key) is not None]
    said = data.draw(st.sets(st.sampled_from(keys), min_size=1)) if keys else set()
    prose = stating(report.template, {key: values[key] for key in said})
    if data.draw(st.booleans()):
        prose = lifted_numbers(prose, data.draw(st.integers(8, 40)))
    assert "一、总体情况\n无。" in text
    back = gr.parse(text.replace("一、总体情况\n无。", f"一、总体情况\n{prose}", 1))
    assert wrong(back, {k: v for k, v in values.items() if v is not None}) == {}
