"""A row label wrapped in its narrow column so that the piece beside the row's values names
no row (``damage_real.py``'s ``wrapped_label`` page damage): the label's numbering's digits
alone (``7`` / ``.属于行政执法案卷``), or a group's label alone, the sub-row's label below it
in the same cell (``（五）不予处理  4`` / ``1.信访举报投诉类申请``). The row is read with its
values, never printed blank while its values stand beside another line."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report import labels
from govinfo_report.structure.layouts.space_aligned import _display_width

from conftest import RENDERINGS, scaled, wrong
from strategies import reports

PRINTED = labels.APPLICATION_PRINTED["2021"]
COLUMNS = tuple(labels.APPLICANT_COLUMNS)
#: The sub-rows of section 三 (2021): the rows whose label starts with a numbering (``1.``).
NUMBERED_ROWS = tuple(key for key, printed in PRINTED.items() if printed[2])


def _report(values: dict[str, tuple[int, ...]]) -> gr.Report:
    """A 2021 report of zeros but for the section 三 rows given, 总计 and 本年新收 their sums."""
    every: dict[str, object] = {field.key: 0 for field in gr.fields("2021")}
    totals = [0] * 7
    for row, numbers in values.items():
        every.update(zip((f"applications.{row}.{c}" for c in COLUMNS), numbers, strict=True))
        totals = [a + b for a, b in zip(totals, numbers, strict=True)]
    for row in ("total", "new"):
        every.update(zip((f"applications.{row}.{c}" for c in COLUMNS), totals, strict=True))
    return gr.Report.from_values(every, template="2021", organisation="青岚县水务局", year=2022)


def _wrapped(text: str, label: str, pieces: list[str], at: int | None = None) -> str:
    """``text`` with the line holding ``label`` printing it as ``pieces``, one a line, each
    starting where ``label`` did (or at column ``at``, 0-based, the cell's start), the
    first beside the row's values: their display columns kept, as lynx lays them out."""
    lines = text.split("\n")
    number = next(n for n, line in enumerate(lines) if label in line)
    line = lines[number]
    start = line.index(label)
    end = start + len(label)
    head = line[:start] if at is None else line[:at]
    first = head + pieces[0]
    beside = first + " " * (_display_width(line[:end]) - _display_width(first)) + line[end:]
    indent = " " * len(head)
    lines[number : number + 1] = [beside, *(indent + piece for piece in pieces[1:])]
    return "\n".join(lines)


def _row(report: gr.Report, row: str) -> list[object]:
    return [report.cell(f"applications.{row}.{column}").value for column in COLUMNS]


def test_a_numbering_wrapped_from_its_label_is_the_labels_not_a_value() -> None:
    """``pdftotext -layout`` of a narrow label column: ``7`` beside the row's values, the
    rest of ``7.属于行政执法案卷`` under it. The ``7`` is no value of the row above."""
    truth = _report(
        {
            "denied.process_information": (3, 0, 0, 0, 0, 0, 3),
            "denied.enforcement_files": (2, 1, 0, 0, 0, 0, 3),
        }
    )
    text = _wrapped(
        gr.render(truth, "space-aligned"), "7.属于行政执法案卷", ["7", ".属于行政执法案卷"]
    )
    lines = text.split("\n")
    below = next(n for n, line in enumerate(lines) if line.strip() == ".属于行政执法案卷")
    assert lines[below - 1].split()[:3] == ["7", "2", "1"]
    back = gr.parse(text)
    assert wrong(back, truth.flat()) == {}
    assert _row(back, "denied.process_information") == [3, 0, 0, 0, 0, 0, 3]
    assert _row(back, "denied.enforcement_files") == [2, 1, 0, 0, 0, 0, 3]


@pytest.mark.parametrize("blank_zeros", [False, True])
def test_a_group_label_beside_the_values_of_its_sub_row_below_it(blank_zeros: bool) -> None:
    """lynx prints ``（五）不予处理 1.信访举报投诉类申请`` as one narrow cell: the group's
    words beside the row's values, the sub-row's label under them (its numbering apart, or
    whole after an empty line). The row is the sub-row's where its own rules confirm its
    values (its zeros printed); with its zeros printed blank, its values, each right of the
    one before, are in their columns' order, and the table's rules place them as any short
    row's (stop 98's main left them missing): 4 and 4, the blanks between derived 0, never
    claimed printed blank."""
    truth = _report(
        {
            "not_processed.petition_complaint": (4, 0, 0, 0, 0, 0, 4),
            "not_processed.repeated": (2, 0, 0, 0, 0, 0, 2),
        }
    )
    text = gr.render(truth, "space-aligned", blank_zeros=blank_zeros).replace(
        "（五）不予处理  1.信访举报投诉类申请", "（五）不予处理 1.信访举报投诉类申请  "
    )
    at = next(line for line in text.split("\n") if "信访" in line).index("（五）不予处理")
    key = "applications.not_processed.petition_complaint.natural_person"
    for pieces in (
        ["（五）不予处理", " 1", ".信访举报投诉类申请"],
        ["（五）不予处理", "", "1.信访举报投诉类申请"],
    ):
        back = gr.parse(_wrapped(text, "（五）不予处理 1.信访举报投诉类申请", pieces, at))
        assert wrong(back, truth.flat()) == {}
        cell = back.cell(key)
        assert (cell.value, cell.provenance) == (4, "parsed")
        assert _row(back, "not_processed.petition_complaint") == [4, 0, 0, 0, 0, 0, 4]
        blank = back.cell("applications.not_processed.petition_complaint.commercial_enterprise")
        assert blank.provenance == ("derived" if blank_zeros else "parsed")
        assert back.flat()["applications.not_processed.repeated.natural_person"] == 2


@scaled(0.3)
@given(reports(template="2021", missing=False), st.sampled_from(NUMBERED_ROWS), st.booleans())
def test_labels_wrapped_after_their_numbering_are_never_read_wrong(
    truth: gr.Report, key: str, blank_zeros: bool
) -> None:
    """Any report, space-aligned, one sub-row's label wrapped right after its numbering's
    digits, the values beside them: every cell is right or missing, and the row's cells
    that print a number are never read as printed blank."""
    label = PRINTED[key][2]
    digits = label.split(".")[0]
    text = _wrapped(
        gr.render(truth, "space-aligned", blank_zeros=blank_zeros),
        label,
        [digits, label[len(digits) :]],
    )
    back = gr.parse(text)
    assert wrong(back, truth.flat()) == {}
    for column in COLUMNS:
        cell = back.cell(f"applications.{key}.{column}")
        assert not (cell.provenance == "blank" and truth.flat()[cell.key])


PINGTAN_2022 = RENDERINGS / "pt-2022-pingtan" / "pdftotext-layout.txt"


def test_an_opening_bracket_alone_beside_the_values_begins_its_own_row_s_label() -> None:
    # 平潭's 2022 report as pdftotext -layout prints it, （一）予以公开 wrapped right after its
    # opening bracket (damage_real.py --seed 107's wrapped_label): ``（`` beside the row's
    # values, ``一）予以公开`` below. The bracket was read as the last piece of 二、上年结转…'s
    # label above (it adds nothing to it), the two rows' values were merged and lost, and
    # 予以公开, its label alone, was claimed printed blank where 21 is printed. A bracket that
    # opens a numbering begins a row's label.
    page = PINGTAN_2022.read_text(encoding="utf-8")
    label = "（⼀）予以公开" + " " * 40
    assert page.count(label) == 1
    report = gr.parse(
        page.replace(label, "（" + " " * 46, 1).replace(
            "   21\n", "   21\n           ⼀）予以公开\n", 1
        )
    )
    for key, value in (("carried_over", 1), ("granted", 21)):
        for column in ("natural_person", "total"):
            assert report.cell(f"applications.{key}.{column}").value == value
