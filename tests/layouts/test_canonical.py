"""The canonical grammar (grammars/canonical.lark and the tables generated from labels) is
the specification of render's output: every rendering of every template, in every layout it
covers, is accepted with its values in their cells; a corrupted rendering is refused where
it departs; texts drawn from the grammar are read by the library with their values; the
skeleton's regions are the grammar's sections and tables."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lark import Token, Tree

import govinfo_report as gr
from govinfo_report.read.source import read as read_source
from govinfo_report.structure import skeleton
from govinfo_report.write import canonical
from govinfo_report.write.spans import NOT_GIVEN, cell_text

from conftest import SEEDS, WRITTEN, scaled
from strategies import canonical_texts, reports

TEMPLATES = ("2019", "2021")
DOCS = Path(__file__).parents[2] / "docs"


def _printed(report: gr.Report) -> dict[str, str]:
    return {key: cell_text(value) for key, value in report.flat().items()}


@pytest.mark.parametrize("missing", [False, True], ids=["complete", "missing"])
@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("layout", list(canonical.LAYOUTS))
@scaled(0.2)
@given(data=st.data())
def test_every_rendering_is_accepted_with_its_values(
    layout: str, template: str, missing: bool, data: st.DataObject
) -> None:
    report = data.draw(reports(template, missing=missing))
    assert canonical.read(gr.render(report, layout), layout) == _printed(report)


@pytest.mark.parametrize(
    "path", [*SEEDS, *sorted(WRITTEN.glob("2021_*.txt"))], ids=lambda p: p.stem[:24]
)
def test_real_reports_render_canonically(path: Path) -> None:
    report = gr.parse(path)
    for layout in canonical.LAYOUTS:
        assert canonical.read(gr.render(report, layout), layout) == _printed(report)


def test_the_docs_example_is_canonical() -> None:
    page = (DOCS / "grammar.md").read_text(encoding="utf-8").split("## An example")[1]
    (example,) = re.findall(r"```text\n(.*?)```", page, re.DOTALL)
    assert "\t" in example  # the tabs survived editing
    cells = canonical.read(example)
    assert len(cells) == len(gr.fields("2021"))
    report = gr.parse(example)
    assert report.template == "2021" and _printed(report) == cells


# Corrupted renderings are refused where they depart from the grammar ------------------------


def _table_lines(text: str) -> list[int]:
    """The 0-based indices of the lines of the three tables (sections 二 to 四)."""
    lines = text.split("\n")
    heading = {skeleton.heading_number(line): index for index, line in enumerate(lines)}
    return [i for i in range(heading[2] + 1, heading[5]) if lines[i] and i not in heading.values()]


def _refused(text: str) -> gr.ParseError:
    with pytest.raises(gr.ParseError) as caught:
        canonical.read(text)
    assert caught.value.code == "not-canonical"
    return caught.value


@scaled(1)
@given(report=reports(), data=st.data())
def test_a_removed_row_is_refused_at_its_line(report: gr.Report, data: st.DataObject) -> None:
    lines = gr.render(report).split("\n")
    index = data.draw(st.sampled_from(_table_lines("\n".join(lines))))
    error = _refused("\n".join(lines[:index] + lines[index + 1 :]))
    assert (error.line, error.text) == (index + 1, lines[index + 1])  # the row now there
    first, now = lines[index].split("\t")[0], lines[index + 1].split("\t")[0]
    if first and first != now and not first[0].isdigit():  # a label was expected first
        assert error.column == 1 and error.message.startswith(
            f"not a canonical report: expected “{first}”"
        )


#: Words a report prints where a number should be.
WORDS = ("无", "不详", "N/A", "十二", "x", "空")


@scaled(1)
@given(report=reports(), data=st.data())
def test_a_value_replaced_by_a_word_is_refused_at_its_cell(
    report: gr.Report, data: st.DataObject
) -> None:
    lines = gr.render(report).split("\n")
    cells = [
        (index, position)
        for index in _table_lines("\n".join(lines))
        for position, cell in enumerate(lines[index].split("\t"))
        if cell == NOT_GIVEN or cell.lstrip("-").replace(".", "").isdigit()
    ]
    index, position = data.draw(st.sampled_from(cells))
    word = data.draw(st.sampled_from(WORDS))
    row = lines[index].split("\t")
    column = 1 + sum(len(cell) + 1 for cell in row[:position])
    row[position] = word
    lines[index] = "\t".join(row)
    error = _refused("\n".join(lines))
    assert (error.line, error.column) == (index + 1, column)
    assert f"found “{word}”" in error.message
    assert re.search(r"expected (a count|an integer|an amount) or “—”", error.message)


@scaled(1)
@given(report=reports(), data=st.data())
def test_a_changed_label_is_refused_at_its_cell(report: gr.Report, data: st.DataObject) -> None:
    lines = gr.render(report).split("\n")
    cells = [
        (index, position, cell)
        for index in _table_lines("\n".join(lines))
        for position, cell in enumerate(lines[index].split("\t"))
        if cell and cell != NOT_GIVEN and not cell.lstrip("-").replace(".", "").isdigit()
    ]
    index, position, label = data.draw(st.sampled_from(cells))
    typo = data.draw(st.integers(0, len(label) - 1))
    row = lines[index].split("\t")
    column = 1 + sum(len(cell) + 1 for cell in row[:position])
    row[position] = label[:typo] + "某" + label[typo + 1 :]
    lines[index] = "\t".join(row)
    error = _refused("\n".join(lines))
    assert (error.line, error.column) == (index + 1, column)
    assert f"“{label}”" in error.message  # the label the template prints there


def test_a_refusal_shows_the_line_and_what_was_expected() -> None:
    text = gr.render(gr.parse(SEEDS[1])).replace("\t（二）部分公开", "\t（二）部份公开")
    error = _refused(text)
    label = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    assert str(error).splitlines()[0] == (
        f"not a canonical report: expected “{label}”, found “{label.replace('分公', '份公')}” "
        f"(not-canonical, line {error.line}, column 2)"
    )
    assert text.split("\n")[error.line - 1].startswith("\t（二）部份公开")
    assert _refused("").message.endswith("found the end of the text")


@scaled(1)
@given(report=reports(), data=st.data(), junk=st.text(max_size=20))
def test_any_text_is_read_or_refused_with_a_position(
    report: gr.Report, data: st.DataObject, junk: str
) -> None:
    text = gr.render(report)
    cut = data.draw(st.integers(0, len(text) - 1))
    damaged = text[:cut] + junk
    lines = damaged.split("\n")
    try:
        cells = canonical.read(damaged)
    except gr.ParseError as error:
        assert error.code == "not-canonical"
        assert 1 <= error.line <= len(lines) and 1 <= error.column <= len(lines[error.line - 1]) + 1
    else:  # cut in the signature, the junk a signature too: the tables are whole
        assert cells == _printed(report)


# Texts drawn from the grammar ------------------------------------------------------------------


def _number(printed: str) -> int | Decimal:
    return Decimal(printed) if "." in printed else int(printed)


@pytest.mark.parametrize("template", TEMPLATES)
@scaled(1)
@given(data=st.data())
def test_the_library_reads_every_canonical_text_as_printed(
    template: str, data: st.DataObject
) -> None:
    text = data.draw(canonical_texts(template))
    printed = canonical.read(text)  # the grammar reads what it generates
    report = gr.parse(text)
    assert report.template == template
    for key, shown in printed.items():
        cell = report.cell(key)
        if shown == NOT_GIVEN:
            assert cell.blank and (cell.value, cell.provenance) in ((None, "blank"), (0, "derived"))
        elif cell.value is None:  # never silently: a diagnostic naming the cell, or on its
            # line (a missing cell has none: 未经复议直接起诉's 86897 doubted as a number cut
            # in its cell, whose rest may be a bare number in the prose below, is said at
            # the value's line with the cell's key)
            assert any(d.line == cell.line or key in d.keys for d in report.diagnostics), key
        else:
            assert (cell.value, cell.provenance) == (_number(shown), "parsed"), key


# The skeleton's regions are the grammar's sections -------------------------------------------


def _lines(tree: Tree[Token]) -> list[int]:
    """The 0-based lines of the tokens the grammar keeps under ``tree``."""
    return sorted({(token.line or 0) - 1 for token in tree.scan_values(lambda _: True)})


@scaled(0.4)
@given(report=reports())
def test_the_skeleton_finds_the_grammars_sections_and_tables(report: gr.Report) -> None:
    text = gr.render(report)
    lines = text.split("\n")
    (parsed,) = canonical.tree(text).children
    assert isinstance(parsed, Tree)
    found = skeleton.split(read_source(text).lines)
    assert not found.diagnostics
    assert [(r.kind, r.start, r.end) for r in found.front.regions] == [("prose", 0, 1)]
    for section in parsed.children:
        name = str(section.data)  # type: ignore[union-attr]
        if not name.startswith("section_"):
            continue
        assert isinstance(section, Tree)
        number = int(name.split("_")[1])
        heading, *body = _lines(section)
        kind = "table" if number in (2, 3, 4) else "prose"
        # Section 六 runs on over the signature, to the last line.
        end = max(i for i, line in enumerate(lines) if line) + 1 if number == 6 else body[-1] + 1
        assert found.sections[number].heading == heading
        assert [(r.kind, r.start, r.end) for r in found.sections[number].regions] == [
            (kind, body[0], end)
        ]
