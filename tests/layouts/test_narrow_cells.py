"""Numbers that ``pdftotext -layout`` wraps in a narrow cell, and the piece of a browser's
page header a PDF's text prints apart: each cell right, or missing, never a number cut
short, read in the wrong unit or taken from the page's furniture."""

from __future__ import annotations

from decimal import Decimal

import pytest

import govinfo_report as gr

from conftest import wrong

COLUMNS = ("natural_person", "commercial_enterprise")


def _report(template: str, values: dict[str, object]) -> gr.Report:
    every: dict[str, object] = {field.key: 0 for field in gr.fields(template)}
    every.update(values)
    return gr.Report.from_values(every, template=template, organisation="青岚县水务局", year=2022)


def _replaced(text: str, start: str, lines: list[str]) -> str:
    """``text`` with its line starting with ``start`` replaced by ``lines``."""
    found = text.split("\n")
    at = next(n for n, line in enumerate(found) if line.startswith(start))
    found[at : at + 1] = lines
    return "\n".join(found)


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_a_total_wrapped_under_itself_with_its_rows_label(template: str) -> None:
    """A row's label and its widest number wrapped together in narrow cells: ``2468`` prints
    ``246`` beside the row's other values and ``8`` under it, beside the label's rest."""
    rows = {"new": (1203, 1265, 2468), "granted": (1203, 1265, 2468), "total": (1203, 1265, 2468)}
    values = {
        f"applications.{row}.{column}": number
        for row, numbers in rows.items()
        for column, number in zip((*COLUMNS, "total"), numbers, strict=True)
    }
    truth = _report(template, values)
    text = gr.render(truth, "space-aligned")
    line = next(line for line in text.split("\n") if line.startswith("一、本年新收"))
    at = line.rindex("2468")
    label = "一、本年新收政府信息公开申请数量"
    first = "一、本年新收政府" + " " * (len(label) - len("一、本年新收政府")) * 2
    first = first[: len(label)] + line[len(label) : at] + "246"
    second = "信息公开申请数量" + " " * (at - len("信息公开申请数量")) + "8"
    back = gr.parse(_replaced(text, "一、本年新收", [first, second]))
    assert wrong(back, truth.flat()) == {}
    assert back.cell("applications.new.total").value == 2468


def test_a_title_piece_of_a_browsers_page_header_is_no_value() -> None:
    """Chromium's page header prints the page's date and time and its title; the title's
    first word (the year of ``2022年…报告``) wraps onto a line of its own under it, on every
    page, where a table's one value would stand (``行政事业性收费`` printed blank)."""
    truth = _report("2021", {"proactive.fees.amount": None})
    text = gr.render(truth, "space-aligned")
    header = "11/26/26, 1:00 PM          年青岚县水务局政府信息公开工作年度报告"
    year = " " * 24 + "2022"
    text = _replaced(
        text,
        "行政事业性收费",
        [
            " " * 30 + "行政",
            " " * 30 + "事业",
            "file:///tmp/tmpa1b2c3/report.html                            1/2",
            "\f" + header,
            " " * 30 + "性收",
            year,
            "",
            "",
            " " * 30 + "费",
        ],
    )
    back = gr.parse(f"{header}\n{year}\n{text}")
    assert wrong(back, truth.flat()) == {}
    assert back.cell("proactive.fees.amount").value is None


@pytest.mark.parametrize(
    ("template", "key", "start", "label", "number", "value"),
    [
        (
            "2019",
            "proactive.procurement.amount",
            "政府集中采购",
            ["政府", "集中", "采购"],
            "1175208",
            "117.5208",
        ),
        (
            "2021",
            "proactive.fees.amount",
            "行政事业性收费",
            ["行政事", "业性收", "费"],
            "863500",
            "86.35",
        ),
        (
            "2021",
            "proactive.fees.amount",
            "行政事业性收费",
            ["行政事业", "性收费"],
            "52300",
            "5.23",
        ),
    ],
)
def test_a_money_unit_wrapped_under_its_amount(
    template: str, key: str, start: str, label: list[str], number: str, value: str
) -> None:
    """LibreOffice's PDF of a narrow cell: the amount ``863500元`` prints its unit on a line
    under the number, the row's label wrapped beside; the column's header names no unit, so
    the number alone would be read in 万元."""
    truth = _report(template, {key: Decimal(value)})
    text = gr.render(truth, "space-aligned")
    lines = text.split("\n")
    header = next(n for n, line in enumerate(lines) if line.startswith(start)) - 1
    lines[header] = lines[header].replace("（单位：万元）", "")
    row = next(line for line in lines if line.startswith(start))
    at = row.index(next(word for word in row.split()[1:]))
    printed = row.split()[1:]
    beside = " " * at + "  ".join([*printed[:-1], number])
    unit = " " * (len(beside) - len(number) + 2) + "元"
    text = _replaced("\n".join(lines), start, [label[0], beside, label[1], unit, *label[2:]])
    back = gr.parse(text)
    assert wrong(back, truth.flat()) == {}
    assert back.cell(key).value == Decimal(value)


def test_an_amount_with_no_unit_under_it_stays_as_printed() -> None:
    """The same narrow cell with no unit wrapped under the amount: the label's pieces after
    it name no unit, so the amount is read as printed and said to have none."""
    truth = _report("2021", {"proactive.fees.amount": Decimal("4100")})
    lines = gr.render(truth, "space-aligned").split("\n")
    header = next(n for n, line in enumerate(lines) if line.startswith("行政事业性收费")) - 1
    lines[header] = lines[header].replace("（单位：万元）", "")
    text = _replaced("\n".join(lines), "行政事业性收费", ["行政事", "      4100", "业性收", "费"])
    back = gr.parse(text)
    assert back.cell("proactive.fees.amount").value == Decimal("4100")
    assert [d.keys for d in back.diagnostics if d.code == "unit-unknown"] == [
        ("proactive.fees.amount",)
    ]
