"""PDF-to-Markdown text of section 三 (issue 26 item 7): a converter that lost the boundaries
between pairs of columns prints each pair in one pipe cell (``| 9 2 |``), and writes the
label column after each row, on a line of its own below the row's values. Each number of a
merged cell is its column's value, and each row of values takes the label below it.

A merged cell may print a dash for a blank (``| — 0 |``), or leave a blank out (``| 1 |``):
then which of its columns the number stands in is not shown, and only the row's rules place
it; a number is never read in the wrong column, nor a column of a printed number as blank."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report import labels

from conftest import scaled, wrong
from strategies import reports

COLUMNS = ("natural_person", "commercial_enterprise", "research_institution")
COLUMNS += ("public_interest_organisation", "legal_service_agency", "other_organisation", "total")


def pdf_markdown(report: gr.Report, texts: dict[str, str] | None = None) -> str:
    """``report`` with its section 三 as such a converter prints it (the other sections as
    ``gr.render`` writes them in tab-separated text), a cell of ``texts`` printing its text
    there (a dash; a blank, which leaves nothing in its merged cell)."""
    texts = texts or {}
    template = report.template or "2021"
    text = gr.render(report, "tab-separated")
    start = text.index("三、收到和处理政府信息公开申请情况")
    end = text.index("四、政府信息公开行政复议")
    values = report.flat()
    lines = [
        "三、收到和处理政府信息公开申请情况",
        "",
        "|     |     | 自然人  | 社会  | 法律    | 总计  |",
        "| --- | --- | ---- | --- | ----- | --- |",
        "|     |     | 商业 企业  | 科研 机构 公益 组织 | 服务 机构 其他  |     |",
    ]
    for row, printed in labels.APPLICATION_PRINTED[template].items():
        keys = [f"applications.{row}.{column}" for column in COLUMNS]
        numbers = [texts.get(key, str(values[key])) for key in keys]
        pairs = [" ".join(filter(None, numbers[at : at + 2])) for at in range(0, 6, 2)]
        lines.append(f"|     |     | {' | '.join(pairs)} | {numbers[6]} |")
        lines.append(next(part for part in reversed(printed) if part))
    return text[:start] + "\n".join(lines) + "\n\n" + text[end:]


def _report() -> gr.Report:
    values: dict[str, object] = {f.key: 0 for f in gr.fields("2021")}
    for row, numbers in {
        "new": (9, 2, 0, 0, 0, 1),
        "carried_over": (1, 0, 0, 0, 0, 0),
        "granted": (5, 1, 0, 0, 0, 1),
        "unavailable.not_held": (3, 1, 0, 0, 0, 0),
        "total": (8, 2, 0, 0, 0, 1),
        "carried_forward": (2, 0, 0, 0, 0, 0),
    }.items():
        values |= {f"applications.{row}.{c}": n for c, n in zip(COLUMNS, numbers, strict=False)}
        values[f"applications.{row}.total"] = sum(numbers)
    return gr.Report.from_values(values, template="2021", organisation="某某区人民政府", year=2023)


def _read_whole(report: gr.Report, back: gr.Report) -> list[str]:
    """The cells of section 三 not read as printed. The last row's label,
    ``四、结转下年度继续办理``, stands after the table's last line and is read as the end of
    section 三 (it is numbered as section 四); its values, the rows' last, are still that
    row's: the template's row after the last one named, where its rules hold (issue 45)."""
    section = [key for key in report.flat() if key.startswith("applications.")]
    return [
        key
        for key in section
        if back.cell(key).value != report.flat()[key] or back.cell(key).provenance != "parsed"
    ]


def test_merged_cells_and_labels_below_their_values_are_read() -> None:
    report = _report()
    back = gr.parse(pdf_markdown(report))
    assert _read_whole(report, back) == []
    assert back.cell("applications.new.natural_person").raw == "9"
    assert back.cell("applications.new.commercial_enterprise").raw == "2"


@scaled(0.5)
@given(report=reports(missing=False))
def test_pdf_markdown_text_is_read_whole_and_never_wrong(report: gr.Report) -> None:
    back = gr.parse(pdf_markdown(report))
    assert wrong(back, report.flat()) == {}
    assert _read_whole(report, back) == []


def _blank_claimed(back: gr.Report, report: gr.Report, printed: dict[str, str]) -> list[str]:
    """The cells that print a number but are read as printed blank."""
    return [
        key
        for key in report.flat()
        if key.startswith("applications.")
        and printed.get(key, "0") not in ("", "—", "－", "-", "无")
        and back.cell(key).provenance == "blank"
    ]


def test_a_merged_cell_with_a_dash_or_a_blank_left_out_reads_no_wrong_column() -> None:
    report = _report()
    printed = {
        "applications.granted.legal_service_agency": "—",  # | — 1 |
        "applications.unavailable.not_held.public_interest_organisation": "",  # | 0 |
        "applications.carried_forward.commercial_enterprise": "",  # | 2 |
    }
    back = gr.parse(pdf_markdown(report, printed))
    assert wrong(back, report.flat()) == {}
    assert _blank_claimed(back, report, printed) == []
    # the dash is its own column's, so the 1 after it is 其他's, as printed
    assert back.cell("applications.granted.other_organisation").value == 1
    assert back.cell("applications.granted.legal_service_agency").value in (None, 0)
    # the rows' rules say where the lone numbers stand, or they are missing
    for key, value in (
        ("applications.unavailable.not_held.research_institution", 0),
        ("applications.carried_forward.natural_person", 2),
    ):
        assert back.cell(key).value in (value, None), key
    # a row whose merged cells are whole is read as printed
    assert back.cell("applications.new.commercial_enterprise").value == 2


@st.composite
def _blanks(draw: st.DrawFn) -> tuple[gr.Report, dict[str, str]]:
    """A report and, for some of its section 三 zeros, what prints instead: a blank or a
    dash, as reports print zeros."""
    report = draw(reports(missing=False))
    zeros = sorted(
        key
        for key, value in report.flat().items()
        if key.startswith("applications.") and value == 0 and not key.endswith(".total")
    )
    chosen = draw(st.lists(st.sampled_from(zeros), unique=True, max_size=12)) if zeros else []
    texts = st.sampled_from(("", "", "—", "－", "-", "——", "无"))
    return report, {key: draw(texts) for key in chosen}


@scaled(0.5)
@given(_blanks())
def test_merged_cells_with_blank_zeros_never_read_a_wrong_column(
    case: tuple[gr.Report, dict[str, str]],
) -> None:
    report, printed = case
    back = gr.parse(pdf_markdown(report, printed))
    assert wrong(back, report.flat()) == {}
    assert _blank_claimed(back, report, printed) == []
