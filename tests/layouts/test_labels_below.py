"""Plain text whose every row prints its values on the line before its label (a PDF whose
value cells a tool reads above their label cells; ``../shared/cases/5-pdf-markdown-merged-
cells`` with its pipes let go): read one row off, each label with the values after it, every
row's own rule held, until ``tables.orientation`` read such a table both ways."""

from __future__ import annotations

from hypothesis import given

import govinfo_report as gr
from govinfo_report.cells import is_value
from govinfo_report.write.render import render

from conftest import scaled, wrong
from strategies import reports


def _labels_below(text: str) -> str:
    """``text`` (tab-separated) with each row of section 三 printed as two lines: its
    values one space apart, then its label's words run together."""
    lines: list[str] = []
    inside = False
    for line in text.split("\n"):
        inside = (inside or line.startswith("三、")) and not line.startswith("四、政府")
        if not (inside and "\t" in line):
            lines.append(line)
            continue
        cells = [cell for cell in line.split("\t") if cell.strip()]
        values = [cell for cell in cells if is_value(cell)]
        words = [cell for cell in cells if not is_value(cell)]
        lines.extend(line for line in (" ".join(values), "".join(words)) if line)
    return "\n".join(lines)


def test_rows_whose_labels_follow_their_values_are_read_with_them() -> None:
    # Read each label with the values after it, the section gave 24 wrong cells; read
    # each with the values before it, every rule holds: that reading is kept.
    values: dict[str, object] = {field.key: 0 for field in gr.fields("2021")}
    rows = {
        "new": (9, 2, 11),
        "carried_over": (1, 0, 1),
        "granted": (5, 1, 6),
        "denied.administrative_inquiry": (3, 1, 4),
        "total": (8, 2, 10),
        "carried_forward": (2, 0, 2),
    }
    for row, (natural, commercial, total) in rows.items():
        values[f"applications.{row}.natural_person"] = natural
        values[f"applications.{row}.commercial_enterprise"] = commercial
        values[f"applications.{row}.total"] = total
    report = gr.Report.from_values(values, template="2021", organisation="某县人民政府", year=2022)
    text = _labels_below(render(report))
    assert "9 2 0 0 0 0 11\n一、本年新收政府信息公开申请数量\n1 0 0 0 0 0 1" in text
    back = gr.parse(text)
    assert wrong(back, report.flat()) == {}
    assert [back.flat()[f"applications.new.{c}"] for c in ("natural_person", "total")] == [9, 11]
    assert back.cell("applications.carried_forward.total").value == 2


@scaled(0.5)
@given(reports(missing=False))
def test_rows_whose_labels_follow_their_values_are_never_read_wrong(report: gr.Report) -> None:
    """Any report printing every cell, its section 三 printed each row's values before its
    label: whatever is read is right. (A blank cell here leaves no trace, and a row of
    zeros with one blank reads 0 in it, as any text whose blanks leave none does.)"""
    back = gr.parse(_labels_below(render(report)))
    assert wrong(back, report.flat()) == {}
