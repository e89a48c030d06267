"""Section 三 as ``pdftotext -layout`` prints a browser's PDF of a page whose table is
narrow (``manglers.narrow_pdf_applications``): the header wrapped and packed, so no word
names a column, each row's label wrapped every eight characters, its values on the
label's second line at their columns' offsets, each page past a break at its own
(poppler starts each block at a column the blocks left of it set), zeros blank, the first
value sometimes pushed against the label's first piece, browser page breaks between rows.
Bodies whose applicants are natural persons and at most one kind of organisation, or a
few kinds: each row prints two or three values. Section 四 so printed
(``manglers.narrow_pdf_appeals``): its packed header, its values under their header's
characters or pushed right of them. Section 二 so printed
(``manglers.narrow_pdf_proactive``): each sub-table's header packed, its values at
offsets of their own in order, the first sometimes pushed against its label. No cell comes
back wrong, and no printed number is read as a blank cell."""

from __future__ import annotations

from random import Random

from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.write.render import render

from conftest import scaled, wrong
from manglers import (
    narrow_pdf_appeals,
    narrow_pdf_applications,
    narrow_pdf_proactive,
    pymupdf_sorted_appeals,
)
from strategies import few_applicants, natural_persons, sparse_reports


@scaled(1)
@given(
    report=st.one_of(natural_persons(most=1), few_applicants(least=3)),
    rng=st.randoms(use_true_random=False),
)
def test_a_narrow_browser_table_s_cells_are_never_wrong_nor_a_number_blank(
    report: gr.Report, rng: Random
) -> None:
    text = narrow_pdf_applications(render(report, "space-aligned", blank_zeros=True), report, rng)
    _never_wrong_nor_blank(text, report, "applications.")


@scaled(1)
@given(report=sparse_reports(), rng=st.randoms(use_true_random=False))
def test_a_narrow_browser_appeals_row_is_never_wrong_nor_a_number_blank(
    report: gr.Report, rng: Random
) -> None:
    """Section 四 of that PDF (``manglers.narrow_pdf_appeals``): the header packed, each
    value at the column of the header's character over it or pushed right of it by as
    much as the page's footer reaches: no value names its column, so none is placed
    where the rules leave two columns."""
    text = narrow_pdf_appeals(render(report, "space-aligned", blank_zeros=True), report, rng)
    _never_wrong_nor_blank(text, report, "appeals.")


#: Section 四 as PyMuPDF's sorted text gives a browser's PDF (tool bed 8530/25's shape,
#: other values): 行政复议's column words split between a line of their own and the end of
#: the others' first line. The page prints 未经复议直接起诉's 结果纠正 3 and 总计 3, at the
#: offsets of those columns in the page; by the words' offsets they would be 复议后起诉's
#: 结果维持 and 总计.
SORTED_APPEALS = """青岚县统计局2020年政府信息公开工作年度报告

四、政府信息公开行政复议、行政诉讼情况

     行政复议                行政诉讼

                 未经复议直接起诉       复议后起诉
 结果 结果 其他 尚未
              结果 结果 其他 尚未   结果 结果 其他 尚未 维持 纠正 结果 审结总计
              维持 纠正 结果 审结总计 维持 纠正 结果 审结总计

                                   3               3

五、存在的主要问题及改进情况
"""


def test_a_sorted_appeals_header_places_no_value_by_its_offsets() -> None:
    back = gr.parse(SORTED_APPEALS)
    read = {k: v for k, v in back.flat().items() if k.startswith("appeals.") and v is not None}
    assert read == {}
    assert "values-unplaced" in {d.code for d in back.diagnostics}


@scaled(1)
@given(report=sparse_reports())
def test_a_sorted_appeals_header_whose_group_stands_higher_is_never_wrong(
    report: gr.Report,
) -> None:
    """Section 四 as PyMuPDF's sorted text gives it (``manglers.pymupdf_sorted_appeals``):
    行政复议's column words split between a line of their own and the end of the others'
    first line, so no offset names a column: no value is placed by one."""
    text = pymupdf_sorted_appeals(render(report, "space-aligned", blank_zeros=True), report)
    _never_wrong_nor_blank(text, report, "appeals.")


@scaled(1)
@given(report=sparse_reports(), rng=st.randoms(use_true_random=False))
def test_a_narrow_browser_proactive_row_is_never_wrong_nor_a_number_blank(
    report: gr.Report, rng: Random
) -> None:
    """Section 二 of that PDF (``manglers.narrow_pdf_proactive``): no value's offset names
    its column, so a row printing fewer values than its cells is not placed (tool bed
    4040/00: 采购项目数量's ``1`` under 采购总金额, read as the amount beside a blank count)."""
    text = narrow_pdf_proactive(render(report, "space-aligned", blank_zeros=True), report, rng)
    _never_wrong_nor_blank(text, report, "proactive.")


@scaled(1)
@given(
    report=st.one_of(natural_persons(most=1), few_applicants(least=3), few_applicants(most=1)),
    rng=st.randoms(use_true_random=False),
)
def test_values_pushed_against_their_labels_on_pages_of_their_own_are_never_misread(
    report: gr.Report, rng: Random
) -> None:
    # each page past a break lays out its own columns, and a row pushes its first value,
    # or its first two, against its label: those pushed values line up like a column of
    # their own, and another page's full row puts a column at their offsets
    text = narrow_pdf_applications(
        render(report, "space-aligned", blank_zeros=True), report, rng, pages=True
    )
    _never_wrong_nor_blank(text, report, "applications.")


def _never_wrong_nor_blank(text: str, report: gr.Report, section: str) -> None:
    """``text`` (``report`` printed) read with no cell of ``section`` (its keys' prefix)
    wrong, and none claimed blank where a number is printed."""
    back = gr.parse(text)
    truth = {key: value for key, value in report.flat().items() if key.startswith(section)}
    assert wrong(back, truth) == {}
    assert [key for key, value in truth.items() if value and back.cell(key).blank] == []
