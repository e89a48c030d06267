"""A cell merged over two grid columns, printed once per column (issue 26, item 1): python-docx
gives a merged cell's text for every grid column it spans, so where a Word table splits
法人或其他组织's header unevenly, every row of section 三 prints one of its values twice, side
by side (``15 9 9 1 0 1 1 27``), and the header names that column twice. The one column that
every such row repeats, and that makes every such row add up read once, is read once; where
that is not certain, nothing is dropped, and nothing is wrong."""

from __future__ import annotations

import re
import tomllib

from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report import labels
from govinfo_report.write.render import render

from conftest import EXPECTED, WRITTEN, scaled, wrong
from strategies import reports

REPORT = (WRITTEN / "2021_tab_separated.txt").read_text("utf-8")
TYPED = tomllib.loads((EXPECTED / "2021_tab_separated.toml").read_text("utf-8"))["applications"]
COLUMNS = list(labels.APPLICANT_COLUMNS)
#: A value of section 三 as printed: digits, or a blank cell.
VALUE = re.compile(r"\d*")


def _twice(text: str, column: int) -> str:
    """``text`` as python-docx prints it when grid column ``column`` of section 三's values
    is one cell with the next: every row ending in seven values (empty cells after them
    dropped) prints that value twice, and the header line naming 商业企业 prints it twice."""
    start, end = text.index("三、"), text.index("四、政府信息公开行政复议")
    lines = []
    for line in text[start:end].split("\n"):
        cells = line.split("\t")
        while len(cells) > 8 and not cells[-1].strip():
            cells.pop()
        values = cells[-7:]
        if len(cells) > 7 and all(map(VALUE.fullmatch, values)) and any(values):
            at = len(cells) - 7 + column
            cells.insert(at, cells[at])
        elif re.fullmatch("商业 ?企业", cells[min(len(cells) - 1, 2)]):
            cells.insert(2, cells[2])
        lines.append("\t".join(cells))
    return text[:start] + "\n".join(lines) + text[end:]


def test_the_column_python_docx_prints_twice_is_read_once() -> None:
    """The written 2021 report (its clerk's typo in 部分公开 corrected: 5, not 6) with
    商业企业 merged over two grid columns: every cell of section 三 is read as typed."""
    text = REPORT.replace("\t4\t0\t0\t0\t1\t0\t6\n", "\t4\t0\t0\t0\t1\t0\t5\n", 1)
    twice = _twice(text, 1)
    assert "一、本年新收政府信息公开申请数量\t\t46\t4\t4\t0\t0\t2\t1\t53" in twice
    back = gr.parse(twice)
    typed = {**TYPED, "partially_granted": [4, 0, 0, 0, 1, 0, 5]}
    for row, values in typed.items():
        got = [back.cell(f"applications.{row}.{c}") for c in COLUMNS]
        assert [cell.value for cell in got] == values, row
        assert {cell.provenance for cell in got} == {"parsed"}, row
    repeated = [d for d in back.diagnostics if d.code == "merged-cell-repeated"]
    assert len(repeated) == len(typed)  # one a row of values
    assert all("the value of column 2 printed twice" in d.message for d in repeated)


def test_a_row_that_does_not_add_up_leaves_every_value_where_it_is() -> None:
    """With the clerk's typo (部分公开 4+1 printed as 6), no reading of that row adds up, so
    which column repeats is not certain: no value is dropped, and the rows one value too
    wide are missing (never a value read one column off)."""
    back = gr.parse(_twice(REPORT, 1))
    assert not any("as in every row" in d.message for d in back.diagnostics)
    assert back.cell("applications.new.total").value is None
    truth = {
        f"applications.{row}.{c}": v
        for row, vs in TYPED.items()
        for c, v in zip(COLUMNS, vs, strict=True)
    }
    assert wrong(back, truth) == {}


def test_without_a_header_naming_a_column_twice_nothing_is_dropped() -> None:
    """Values alone that repeat side by side are not enough: a header must print the merged
    column's name twice too (the sign of python-docx's repeated cells)."""
    text = REPORT.replace("\t4\t0\t0\t0\t1\t0\t6\n", "\t4\t0\t0\t0\t1\t0\t5\n", 1)
    twice = re.sub(r"商业 ?企业\t商业 ?企业", "商业企业", _twice(text, 1))
    back = gr.parse(twice)
    assert not any("as in every row" in d.message for d in back.diagnostics)
    assert back.cell("applications.new.natural_person").value is None


@scaled(0.6)
@given(report=reports(missing=False), column=st.integers(0, 5))
def test_a_column_printed_twice_is_never_a_wrong_number(report: gr.Report, column: int) -> None:
    """Any consistent report, any applicant column merged with the next: what is read is
    right (and where zero rows and equal neighbours leave two columns possible, nothing)."""
    text = _twice(render(report, "tab-separated"), column)
    back = gr.parse(text)
    assert wrong(back, report.flat()) == {}


def test_a_row_of_one_value_repeated_is_read_once() -> None:
    """Section 二's 行政许可 has one column and no rule inside it: its merged cell printed
    three times is that value whichever column the merge covers."""
    text = REPORT.replace("行政许可\t937\n", "行政许可\t937\t937\t937\n", 1)
    assert "\n行政许可\t937\t937\t937\n" in text
    back = gr.parse(text)
    assert back.cell("proactive.licensing.decisions").value == 937
    assert wrong(back, gr.parse(REPORT).flat()) == {}
