"""Section 三 in python-docx's text of a Word table whose header rows split the grid each
their own way (``manglers.docx_split_header``): every row one cell wider than the section,
the cell over the grid column the header rows disagree on printed twice. Each cell is read
right, a zero left blank read blank (a small body's report too, whose rows of blank cells
beside one number add up with any grid column read once); where a row prints there a
number that copies neither neighbour, none of its cells comes back wrong."""

from __future__ import annotations

from random import Random

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.write.render import render

from conftest import SEEDS, printed, scaled, wrong
from manglers import docx_split_header
from strategies import enriched_reports, few_applicants, reports


@scaled(0.5)
@given(
    report=st.one_of(reports(missing=False), enriched_reports(), few_applicants()),
    rng=st.randoms(),
)
def test_every_cell_under_a_header_split_its_own_way_is_read(
    report: gr.Report, rng: Random
) -> None:
    text = docx_split_header(render(report, "tab-separated"), rng, foreign=False)
    back = printed(gr.parse(text))
    cells = {key: value for key, value in report.flat().items() if key.startswith("applications.")}
    # A zero printed blank (a page's &nbsp;) is read blank; every other cell as printed.
    assert {
        key: (back[key], value)
        for key, value in cells.items()
        if back[key] != value and not (value == 0 and back[key] is None)
    } == {}


@scaled(0.5)
@given(report=enriched_reports(), rng=st.randoms())
def test_a_number_under_the_disputed_grid_column_copying_neither_is_never_wrong(
    report: gr.Report, rng: Random
) -> None:
    text = docx_split_header(render(report, "tab-separated"), rng, foreign=True)
    assert wrong(gr.parse(text), report.flat()) == {}


@pytest.mark.parametrize("padding", ["\t", "\t\u00a0", "\t\t ", "\t "])
def test_the_mangler_splits_every_row_whatever_padding_a_tool_left(padding: str) -> None:
    # The thorough profile of the mangled-text property: after ``trailing_tabs`` and
    # ``trailing_spaces`` a row ending ``\t\xa0`` was taken for one cell wider and left
    # unsplit, a text python-docx never prints. python-docx prints no padding: each row of
    # values comes out as it does from the text without it.
    text = render(gr.parse(SEEDS[0]), "tab-separated")
    three = text.find("三、收到和处理")
    padded = text[:three] + "\n".join(
        line + padding if "\t" in line else line for line in text[three:].split("\n")
    )

    def rows(text: str) -> list[str]:
        split = docx_split_header(text, Random(3), foreign=False)
        section = split[split.find("三、收到和处理") : split.find("四、政府信息公开行政复议")]
        return [line for line in section.split("\n") if any(map(str.isdigit, line))]

    assert rows(padded) == rows(text)
