"""A header packed in characters over values placed as on the page (issue 45 item 1): where
a browser's PDF sets narrow header cells close together, ``pdftotext -layout`` prints a
header line as one run of text, a CJK character one column, while each value starts where
its cell does on the page; and it starts a line's text after the widest text left of it,
so the lines of one column need not start together. A value then stands under a later
column's header word (case 11's 商业企业 7 under 社会公益组织's 社会公). Where the text
does not show a value's column, the cell is missing, never another column's number."""

from __future__ import annotations

import pytest
from hypothesis import given

import govinfo_report as gr
from govinfo_report.write.render import render

from conftest import scaled, wrong
from manglers import PackedHeader
from strategies import sparse_reports

#: Section 三's cells of a made-up report: 科研机构 and 总计 beside 自然人, the rest 0.
APPLICATIONS = {
    "applications.new.natural_person": 40,
    "applications.new.research_institution": 5,
    "applications.new.total": 45,
    "applications.carried_over.natural_person": 2,
    "applications.carried_over.total": 2,
    "applications.granted.natural_person": 30,
    "applications.granted.research_institution": 4,
    "applications.unavailable.not_held.natural_person": 8,
    "applications.total.natural_person": 38,
    "applications.total.research_institution": 4,
    "applications.total.total": 42,
    "applications.carried_forward.natural_person": 4,
    "applications.carried_forward.research_institution": 1,
    "applications.carried_forward.total": 5,
}


def _report() -> gr.Report:
    every = {field.key: 0 for field in gr.fields("2019")}
    every.update(APPLICATIONS)
    return gr.Report.from_values(every, template="2019", organisation="青石县水务局", year=2019)


@pytest.mark.parametrize("shift", [0, 7])
def test_a_value_under_a_later_columns_header_word_is_left_missing(shift: int) -> None:
    """本年新收's 5 is 科研机构's, but the packed header puts 社会公益组织 over it: the text
    does not tell its column, so no cell of the row is read, and a diagnostic says why."""
    report = _report()
    text = render(report, PackedHeader(shift=shift), blank_zeros=True)
    lines = text.split("\n")
    header = next(line for line in lines if "社会公益组织" in line)
    new = next(line for line in lines if "本年新收" in line)
    five = new.index(" 5 ") + 1
    assert header.index("社会公益组织") <= five < header.index("法律服务机构")
    back = gr.parse(text)
    assert wrong(back, {key: value or None for key, value in report.flat().items()}) == {}
    assert {key: back.cell(key).value for key in APPLICATIONS} == dict.fromkeys(APPLICATIONS)
    unplaced = [d.message for d in back.diagnostics if d.code == "values-unplaced"]
    # said of the row, or of the rows whose values the page's offsets rank together (the
    # made-up report prints no 总计 for 予以公开, so no reading of them holds)
    assert any(
        message.startswith("本年新收政府信息公开申请数量") and "(40 5 45" in message
        for message in unplaced
    )


@pytest.mark.parametrize("shift", [0, 2, 7])
@scaled(0.3)
@given(report=sparse_reports())
def test_packed_headers_read_no_wrong_number(shift: int, report: gr.Report) -> None:
    """Any report so printed, its zeros blank, lines of values moved or not: no cell wrong."""
    back = gr.parse(render(report, PackedHeader(shift=shift), blank_zeros=True))
    printed = {key: None if value == 0 else value for key, value in report.flat().items()}
    assert wrong(back, printed) == {}
