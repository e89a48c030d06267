"""Plain ``pdftotext`` of a PDF's table (issue 45: right or missing, never another number):
each cell a block of text, a blank line after each block, an empty cell nothing at all. The
blocks come in the order of the page's flow, which in a tall row (its label wrapped over
lines in a narrow column, as a Word PDF of a web page has it) need not be the columns'; a
block of two lines is a number wrapped in its narrow cell, or two rows' cells of one column;
a number's last digits may come lines below its row. None of it is read as the row's cells
unless the row's own rules confirm them, and a row that gives a signed number to a column
never signed is out of order."""

from __future__ import annotations

from random import Random

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.write.render import render

from conftest import scaled, wrong
from manglers import CellLines, word_pdf_blocks
from strategies import reports, sparse_reports

#: The cells of section 二's sub-tables of three columns (2019 template).
COLUMNS = ("previous_items", "change", "decisions")
#: The labels of their rows.
LABELS = {
    "licensing": "行政许可",
    "other_services": "其他对外管理服务事项",
    "penalties": "行政处罚",
    "coercive_measures": "行政强制",
}


def _report(values: dict[str, int]) -> gr.Report:
    """A 2019 report whose cells are 0 but for ``values``."""
    every: dict[str, object] = {field.key: 0 for field in gr.fields("2019")}
    every.update(values)
    return gr.Report.from_values(every, template="2019", organisation="青石县水务局", year=2019)


def _pdftotext(report: gr.Report, row: str, printed: str) -> str:
    """``report`` as plain ``pdftotext`` prints a PDF of it (a blank line after each cell,
    a page break before section 三), with section 二's row ``row`` (its label and values,
    a block each) printed as ``printed``."""
    text = render(report, CellLines(blank=None, merged=False))
    values = report.flat()
    cells = [str(values[f"proactive.{row}.{column}"]) for column in COLUMNS]
    block = "\n\n".join([LABELS[row], *cells])
    assert block in text
    return text.replace(block, printed).replace("三、收到和处理", "\f三、收到和处理")


def _cells(back: gr.Report, row: str) -> list[object]:
    return [back.cell(f"proactive.{row}.{column}").value for column in COLUMNS]


def _said(back: gr.Report, row: str) -> bool:
    """Whether a diagnostic names one of the row's cells."""
    keys = {f"proactive.{row}.{column}" for column in COLUMNS}
    return any(keys & set(found.keys or ()) for found in back.diagnostics)


def test_a_tall_rows_blocks_out_of_the_columns_order_are_not_its_cells() -> None:
    """A Word PDF's 其他对外管理服务事项 wraps in its narrow column; pdftotext prints its
    cells 7, 0 and 172 as ``172`` / ``7`` / ``0``. Section 二 has no rule to tell."""
    truth = _report(
        {
            "proactive.other_services.previous_items": 7,
            "proactive.other_services.change": 0,
            "proactive.other_services.decisions": 172,
        }
    )
    back = gr.parse(
        _pdftotext(truth, "other_services", "其他\n对外\n管理\n服务\n事项\n\n172\n\n7\n\n0")
    )
    assert _cells(back, "other_services") == [None, None, None]
    assert _said(back, "other_services")
    assert back.cell("proactive.penalties.decisions").value == 0  # the next rows, untouched


@pytest.mark.parametrize(
    "printed",
    [
        # 1352 wrapped in its narrow cell: a block of two lines
        "行政许可\n\n8\n\n3\n\n135\n2",
        # two rows' cells of one column in one block
        "行政许可\n\n8\n3\n\n1352",
    ],
)
def test_a_block_of_two_numbers_is_not_two_cells_of_a_row(printed: str) -> None:
    truth = _report(
        {
            "proactive.licensing.previous_items": 8,
            "proactive.licensing.change": 3,
            "proactive.licensing.decisions": 1352,
        }
    )
    back = gr.parse(_pdftotext(truth, "licensing", printed))
    assert _cells(back, "licensing") == [None, None, None]
    assert _said(back, "licensing")


def test_a_numbers_end_lines_below_its_row_is_not_lost_silently() -> None:
    """``行政 635 +2 535`` / ``处罚 项`` / ``件`` / ``7``: +27 wrapped in its narrow cell,
    its 7 after the lines the label's and the units' ends took."""
    truth = _report(
        {
            "proactive.penalties.previous_items": 635,
            "proactive.penalties.change": 27,
            "proactive.penalties.decisions": 535,
        }
    )
    back = gr.parse(_pdftotext(truth, "penalties", "行政 635项 +2 535\n处罚 项\n件\n7"))
    assert _cells(back, "penalties") == [None, None, None]
    assert _said(back, "penalties")


def test_a_signed_number_in_a_column_never_signed_puts_the_row_out_of_order() -> None:
    """2, -4 and 306 printed ``-4`` / ``306`` / ``2``: -4 would be 上一年项目数量, a count."""
    truth = _report(
        {
            "proactive.coercive_measures.previous_items": 2,
            "proactive.coercive_measures.change": -4,
            "proactive.coercive_measures.decisions": 306,
        }
    )
    printed = "行政强制\n\n-4\n\n306\n\n2"
    for text in (
        _pdftotext(truth, "coercive_measures", printed),
        _pdftotext(truth, "coercive_measures", printed).replace("\f", ""),
    ):
        back = gr.parse(text)
        assert _cells(back, "coercive_measures") == [None, None, None]
        assert "values-unplaced" in {
            found.code for found in back.diagnostics if "行政强制" in found.message
        }


def test_rows_whose_blocks_keep_their_order_are_read() -> None:
    """The same report with every row's cells in order: each block one cell, read."""
    truth = _report(
        {
            "proactive.licensing.previous_items": 8,
            "proactive.licensing.change": 3,
            "proactive.licensing.decisions": 1352,
        }
    )
    back = gr.parse(_pdftotext(truth, "licensing", "行政许可\n\n8\n\n3\n\n1352"))
    assert _cells(back, "licensing") == [8, 3, 1352]


def test_a_tall_rows_blocks_of_one_unit_out_of_the_columns_order_are_not_its_cells() -> None:
    """Word's PDF of 规章 wraps two of its cells, 13件 and 12件, in their narrow columns;
    pdftotext prints the blocks ``13`` / ``件``, ``29 件``, ``12`` / ``件``: 13, 12 and 29
    in the columns' order, 13, 29 and 12 in the text's. Each count fits each column, so
    the units tell nothing, and a blank line between two blocks leaves their order
    unknown (main read 29 as 本年新公开数量)."""
    columns = ("made", "published", "total_published")
    cells = dict(zip(columns, (13, 12, 29), strict=True))
    truth = _report({f"proactive.rules.{column}": value for column, value in cells.items()})
    text = render(truth, CellLines(blank=None, merged=False))
    block = "\n\n".join(["规章", "13", "12", "29"])
    assert block in text
    back = gr.parse(text.replace(block, "规章\n\n13\n件\n\n29 件\n\n12\n件"))
    assert [back.cell(f"proactive.rules.{column}").value for column in columns] == [None] * 3
    assert any("proactive.rules.made" in (found.keys or ()) for found in back.diagnostics)
    assert back.cell("proactive.normative_documents.made").value == 0  # the next row


@scaled(2)
@given(
    report=st.one_of(sparse_reports(), reports()),
    rng=st.randoms(use_true_random=False),
)
def test_word_pdf_blocks_in_any_order_are_never_wrong_nor_a_number_blank(
    report: gr.Report, rng: Random
) -> None:
    """Every table a block a cell, section 二's units printed (some wrapped onto a line of
    their own) and a tall row's blocks in an order the columns do not give
    (``manglers.word_pdf_blocks``)."""
    text = word_pdf_blocks(render(report, "tab-separated", blank_zeros=True), rng)
    back = gr.parse(text)
    truth = report.flat()
    assert wrong(back, truth) == {}
    assert [key for key, value in truth.items() if value and back.cell(key).blank] == []
