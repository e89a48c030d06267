"""A wide number wrapped in its narrow cell, its rest displaced past its table the way plain
``pdftotext`` prints a browser's PDF (``manglers.stray_tail``: ``58001.17`` before section
三's heading, ``94`` after the heading, its note's first lines and the page's footer). The
rest has no leading zero to tell it from a count: a run of digits alone on its line that no
row takes. The head is never read as a whole, shorter number: the cells of its line are
read right or missing."""

from __future__ import annotations

from random import Random

from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.write.render import render

from conftest import scaled, wrong
from manglers import stray_tail
from strategies import enriched_reports

#: The layouts plain ``pdftotext`` and the tools like it print: a cell a line, rows of
#: words with their values after the label.
_LAYOUTS = ("cell-per-line", "row-per-cell", "space-aligned", "tab-separated")


@scaled(3)
@given(
    report=enriched_reports(),
    layout=st.sampled_from(_LAYOUTS),
    rng=st.randoms(use_true_random=False),
)
def test_a_number_whose_rest_strays_past_its_table_is_never_read_short(
    report: gr.Report, layout: str, rng: Random
) -> None:
    text = stray_tail(render(report, layout), rng)
    try:
        back = gr.parse(text)
    except gr.ParseError:
        return
    assert wrong(back, report.flat()) == {}


def test_a_lone_zero_rest_after_section_four_s_heading_is_not_section_four_s() -> None:
    # 结转下年度继续办理's 总计 130 wrapped as 13 / 0, the 0 printed right after 四's
    # heading, before its header cells; 四 all zeros, so its runs of 15 of its 16 values
    # give the same values with the 0 as without: the one after it is 四's, and the 0 is
    # a stray rest that leaves 13 missing, never read short
    columns = [field.column for field in gr.fields("2021") if field.row == "carried_forward"]
    values: dict[str, int] = dict.fromkeys((field.key for field in gr.fields("2021")), 0)
    for row in ("carried_forward", "new"):
        values |= {
            f"applications.{row}.{column}": count
            for column, count in zip(columns, (14, 4, 8, 6, 46, 52, 130), strict=True)
        }
    report = gr.Report.from_values(values, template="2021", organisation="某镇人民政府", year=2021)
    lines = render(report, "cell-per-line").split("\n")
    heading = next(at for at, line in enumerate(lines) if line.startswith("四、政府信息公开"))
    total = max(at for at in range(heading) if lines[at] == "130")
    lines[total] = "13"
    lines.insert(heading + 1, "0")
    back = gr.parse("\n".join(lines))
    assert back.cell("applications.carried_forward.total").value is None
    assert all(value == 0 for key, value in back.flat().items() if key.startswith("appeals."))
