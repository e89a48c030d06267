"""Property: what pypdfium2's and markitdown's texts of a PDF do to a report never make a
wrong number or a wrong date (issue 45).

pypdfium2 joins a browser's running header and footer with one space (``11/27/26, 6:37 PM
<title>``, ``file:///…/report.html 8/8``); markitdown's PDF converter lays the signature into
a form's pipe rows by where its words stand; pypdfium2 prints a narrow PDF table one cell a
line with no blank line for a blank cell, its labels and its numbers with their units wrapped
a few characters a line (``行政`` / ``处罚`` / ``0`` / ``403`` / ``0件`` for 4030件). The signature
date must be read, never the site's; a cell read must be its value."""

from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.write.render import proactive, render

from conftest import scaled
from strategies import reports

#: The site's date, after the signature's: a reader that took it would be wrong.
SITE_DATE = "发布日期：2026-11-20"


def _browser_furniture(report: gr.Report, page: int, scheme: str = "file") -> list[str]:
    """A browser's page break as pypdfium2 prints it: the page's address and number, and the
    next page's date and time and title, each joined by one space (pdfminer's ``scheme``
    starts with the ligature ``ﬁ``)."""
    title = f"{report.organisation}{report.year}年度政府信息公开工作年度报告"
    return [
        f"{scheme}:///tmp/tmpabcd/report.html {page}/{page + 1}",
        f"11/27/26, 6:{page + 10} PM {title}_政府信息公开年报_某市人民政府",
    ]


def _with_site_date(text: str) -> str:
    title, rest = text.split("\n", 1)
    return f"{title}\n{SITE_DATE}\n{rest}"


@scaled(2)
@given(
    reports(),
    st.sampled_from(("tab-separated", "cell-per-line")),
    st.booleans(),
    st.sampled_from(("file", "\ufb01le")),
)
def test_a_browser_furniture_joined_by_one_space_is_no_signature_line(
    report: gr.Report, layout: str, crlf: bool, scheme: str
) -> None:
    lines = _with_site_date(render(report, layout)).split("\n")
    at = lines.index(next(line for line in lines if line.startswith("二、")))
    lines[at:at] = _browser_furniture(report, 1)
    footer = ["主办：某市人民政府办公室 网站标识码：1234567890", "ICP备12345678号"]
    lines.extend([*footer, *_browser_furniture(report, 2, scheme)])
    text = "\n".join(lines)
    read = gr.parse(text.replace("\n", "\r\n") if crlf else text)
    assert read.published == report.published
    assert read.year == report.year


def _piped_signature(report: gr.Report, form: int) -> list[str]:
    """The signature as markitdown's PDF converter lays it into a form's rows."""
    date = report.published
    assert date is not None and report.organisation is not None
    name, y, m, d = report.organisation, date.year, date.month, date.day
    rule = "| --- | --- | --- | --- | --- |"
    return [
        [f"| {name} |     | 年 | 月 | 日 |", f"|     |     | {y} | {m} {d} |     |"],
        [name, "| 年 月 日 |     |     |", "| ----- | --- | --- |", f"{y} {m} {d}"],
        [
            f"| {name[:-2]} |     |     |     |     |",
            f"| {name[-2:]} {y} |  | 年 | {m} 月 {d} | 日 |",
            rule,
        ],
    ][form]


@scaled(2)
@given(reports(), st.integers(0, 2))
def test_a_signature_in_a_form_s_pipe_rows_is_read_not_the_site_s_date(
    report: gr.Report, form: int
) -> None:
    lines = _with_site_date(render(report, "cell-per-line")).rstrip("\n").split("\n")
    text = "\n".join([*lines[:-2], *_piped_signature(report, form), "ICP备12345678号"])
    assert gr.parse(text).published == report.published


@scaled(2)
@given(reports(), st.integers(0, 3))
def test_a_site_footer_run_onto_the_signature_is_passed_over(report: gr.Report, cut: int) -> None:
    """PyMuPDF's sorted text of Word's PDF: the signature joined to the last paragraph, the
    site's footer run onto the line the date ends (``cut``: the date wrapped before its
    day, before its month, not wrapped, or the last sentence's full stop lost and the name
    joined to it), the site's own date after it: the signature's date is read, never the
    site's."""
    date = report.published
    assert date is not None and report.organisation is not None
    lines = _with_site_date(render(report, "cell-per-line")).rstrip("\n").split("\n")
    y, m, d = date.year, date.month, date.day
    paragraph, name = lines[-4], report.organisation
    footer = "主办：某市人民政府办公室 网站标识码：1234567890"
    signature = [
        [f"{paragraph} {name} {y} 年{m} 月", f"{d} 日{footer}"],
        [f"{paragraph} {name} {y} 年", f"{m} 月 {d} 日 {footer}"],
        [f"{paragraph} {name}", f"{y} 年{m} 月{d} 日{footer}"],
        [f"{paragraph.rstrip('。')}，接受社会监督{name} {y} 年{m} 月{d} 日", footer],
    ][cut]
    tail = ["ICP 备12345678 号", "更新日期：2026-05-05"]
    assert gr.parse("\n".join([*lines[:-4], *signature, *tail])).published == date


@scaled(2)
@given(reports(), st.integers(0, 3), st.booleans())
def test_a_signature_dates_digits_apart_from_its_characters_are_put_back(
    report: gr.Report, shape: int, kangxi: bool
) -> None:
    """pdfminer's and pdfplumber's texts of a browser's PDF print the date's digits in their
    own font on the line under the characters they go with (``shape``): the line's last
    character under the digits (``… 年 月`` / ``2021 1 15`` / ``日``), the paragraph's own
    year first and the date's characters on a line between (``我局 年度…。 某局`` / ``2020
    2021`` / ``年 月 日`` / ``2 27``), or the day's digits under 日 (``… 年 月`` / ``2021
    1`` / ``日`` / ``15``), or the year's digits above the characters and the month's and
    day's under them (``我局 年度…`` / ``2020`` / ``…。 某局`` / ``2021`` / ``年 月 日`` /
    ``1 15``, pdfplumber's); ``kangxi``: 月 and 日 the Kangxi radicals ⽉ and ⽇, the site's
    date after too. The signature's date is read, never the site's."""
    date = report.published
    assert date is not None and report.organisation is not None and report.year is not None
    lines = _with_site_date(render(report, "cell-per-line")).rstrip("\n").split("\n")
    y, m, d = date.year, date.month, date.day
    paragraph, name = lines[-4], report.organisation
    signature = [
        [f"{paragraph} {name} 年 月", f"{y} {m} {d}", "日"],
        [f"我局 年度未收取信息处理费。 {name}", f"{report.year} {y}", "年 月 日", f"{m} {d}"],
        [f"{paragraph} {name} 年 月", f"{y} {m}", "日", f"{d}"],
        [
            "我局 年度未收取信息处理费。",
            f"{report.year}",
            f"{paragraph} {name}",
            f"{y}",
            "年 月 日",
            f"{m} {d}",
        ],
    ][shape]
    tail = ["主办：某市人民政府办公室 网站标识码：1234567890", "更新日期：2026-05-05"]
    text = "\n".join([*lines[:-4], *signature, *tail])
    if kangxi:
        text = text.replace("月", "\u2f49").replace("日", "\u2f47")
    assert gr.parse(text).published == date


def _pieces(text: str, width: int) -> list[str]:
    return [text[at : at + width] for at in range(0, len(text), width)] or [""]


#: Where a count's unit starts after its digits.
_UNIT_APART = re.compile(r"(?<=\d)(?=件)")


def _narrow_flow(report: gr.Report, beside: bool = False) -> list[str]:
    """Section 二 as pypdfium2 prints a browser's narrow table: each cell's text wrapped a few
    characters a line (labels 2, values 3), a blank cell (a 0 but a change's) not at all,
    counts with their unit (``件``; a change none), money whole (a number alone overflows its
    cell: ``4050000``). A row of one line is one line; a taller
    row prints its label's pieces, then its cells in order, those of one line that follow
    each other on one line (their centred baseline: ``0项 0`` / ``276`` / ``件``).
    ``beside``: a row whose values each fit a line prints them on its label's last line,
    each count's unit apart (Word's PDF: ``行政`` / ``许可 1 项 +8 7 件``, tool bed 8524)."""
    keys = [field.key for field in gr.fields(report.template or "2019")]
    cells = iter(key for key in keys if key.startswith("proactive."))
    flat = report.flat()
    out: list[str] = []
    for row in proactive(report.template or "2019", flat):
        if not any(row[1:]) and row[0].startswith("第"):
            out.append(row[0])
            continue
        if row[0] == "信息内容" or "数量" in "".join(row[1:]):
            out.extend(piece for cell in row for piece in _pieces(cell, 2))
            continue
        printed = []
        for _ in row[1:]:
            key = next(cells)
            value, change = flat[key], key.endswith(".change")
            if value is not None and (value != 0 or change):
                money = isinstance(value, Decimal)
                unit = "" if money or change else "件"
                printed.append([f"{value}"] if money else _pieces(f"{value}{unit}", 3))
        label = _pieces(row[0], 2)
        if len(label) == 1 and all(len(pieces) == 1 for pieces in printed):
            out.append(" ".join([*label, *(pieces[0] for pieces in printed)]))
            continue
        if beside and printed and all(len(pieces) == 1 for pieces in printed):
            out.extend(label[:-1])
            values = " ".join(pieces[0] for pieces in printed)
            out.append(f"{label[-1]} {_UNIT_APART.sub(' ', values)}")
            continue
        out.extend(label)
        line: list[str] = []
        for pieces in printed:
            if len(pieces) == 1:
                line.append(pieces[0])
                continue
            out.extend([" ".join(line)] if line else [])
            out.extend(pieces)
            line = []
        out.extend([" ".join(line)] if line else [])
    return out


#: A proactive count on one line of its narrow cell: up to two digits and its unit.
_NARROW = st.integers(0, 2) | st.integers(10, 99)


@st.composite
def _narrow_reports(draw: st.DrawFn) -> gr.Report:
    """A 2019 report whose section 二 counts fit their narrow cells (``_NARROW``) but for one
    to three of four digits, which wrap (``403`` / ``0件``)."""
    report = draw(reports("2019", missing=False))
    counts = sorted(
        key
        for key, value in report.flat().items()
        if key.startswith("proactive.") and isinstance(value, int)
    )
    wide = draw(st.sets(st.sampled_from(counts), min_size=1, max_size=3))
    values = report.flat() | {
        key: draw(st.integers(1000, 9999) if key in wide else _NARROW) for key in counts
    }
    return gr.Report.from_values(
        values,
        template="2019",
        organisation=report.organisation,
        year=report.year,
        published=report.published,
    )


@scaled(2)
@given(_narrow_reports())
def test_a_number_wrapped_in_a_narrow_cell_of_a_flow_is_never_two_cells(
    report: gr.Report,
) -> None:
    lines = render(report, "cell-per-line", blank_zeros=True).split("\n")
    start = lines.index(next(line for line in lines if line.startswith("二、")))
    end = lines.index(next(line for line in lines if line.startswith("三、")))
    text = "\r\n".join([*lines[: start + 1], *_narrow_flow(report), *lines[end:]])
    read = gr.parse(text)
    for key, value in report.flat().items():
        if key.startswith("proactive."):
            got = read.cell(key).value
            assert got is None or got == value or (got == 0 and value is None), key


def _flowed(values: dict[str, int], beside: bool = False) -> gr.Report:
    """A 2019 report of ``values`` whose section 二 is printed as pypdfium2 prints a narrow
    table (``_narrow_flow``, ``beside`` its), read."""
    report = gr.Report.from_values(
        values, template="2019", organisation="某县人民政府", year=2020, published=None
    )
    lines = render(report, "cell-per-line", blank_zeros=True).split("\n")
    start = lines.index(next(line for line in lines if line.startswith("二、")))
    end = lines.index(next(line for line in lines if line.startswith("三、")))
    flow = _narrow_flow(report, beside)
    return gr.parse("\r\n".join([*lines[: start + 1], *flow, *lines[end:]]))


def test_a_wrapped_count_beside_a_blank_cell_left_out_is_not_two_cells() -> None:
    # 规章: 1000件 made, none newly published (a blank cell, left out), 10件 in all, printed
    # 规章 / 100 / 0件 / 10件: three values for three cells, but 0件 prints the unit 100
    # lacks, so 100 may be 1000件's head; section 二 has no rule to tell, so the row is
    # missing, and said so, where it was read 100, 0, 10
    row = ("made", "published", "total_published")
    values = dict(zip((f"proactive.rules.{cell}" for cell in row), (1000, 0, 10), strict=True))
    normative = (f"proactive.normative_documents.{cell}" for cell in row)
    read = _flowed(values | dict(zip(normative, (5, 3, 12), strict=True)))
    assert [read.cell(f"proactive.rules.{cell}").value for cell in row] == [None, None, None]
    found = next(d for d in read.diagnostics if "proactive.rules.made" in d.keys)
    assert found.code == "values-unplaced" and "100 over the next value" in found.message
    # the row below, its values one line, is read
    below = [read.cell(f"proactive.normative_documents.{cell}").value for cell in row]
    assert below == [5, 3, 12]


@scaled(1)
@given(_narrow_reports(), st.sets(st.sampled_from(("rules", "normative_documents")), min_size=1))
def test_rows_printed_blank_in_a_sub_table_above_lend_no_label_below(
    report: gr.Report, blank: set[str]
) -> None:
    """(一)'s rows printed blank, their labels alone above (五)'s heading and header: a row
    below whose label wraps above its values keeps it, its values never another row's
    (tool bed 8524: 行政许可's read as 其他对外管理服务事项's)."""
    cells = ("made", "published", "total_published")
    values = report.flat() | {f"proactive.{row}.{cell}": 0 for row in blank for cell in cells}
    read = _flowed(values, beside=True)
    for key, value in values.items():
        if key.startswith("proactive."):
            got = read.cell(key).value
            assert got is None or got == value or (got == 0 and value is None), key
