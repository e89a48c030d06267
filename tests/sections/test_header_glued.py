"""Section 二 in one-line page text (BeautifulSoup's ``get_text()``, lxml's
``text_content()``, a web archive's): a sub-table's header run into its first row's label
(``…对外公开总数量规章``, where that row prints no value), and each row's blank cells printed
``&nbsp;`` on a page that shows it prints every blank cell so (a row of 三 printed blank:
its label and seven). The first row after the header words is that row; a row's no-break
spaces decide its cells where they leave one way, and a run with several cuts stays
missing (section 二 has no rule), never a wrong number nor a false blank."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report import labels
from govinfo_report.write.render import render

from conftest import scaled, wrong
from manglers import tables_run_together, web_archive
from strategies import blank_first_rows

NBSP = "\u00a0"

#: Section 三's and 四's cells that print a value (the others 0, printed blank): 2 new
#: applications of 自然人, granted, and an appeal upheld; every rule holds.
OTHERS = {
    **{
        f"applications.{row}.{column}": 2
        for row in ("new", "granted", "total")
        for column in ("natural_person", "total")
    },
    "appeals.review.upheld": 1,
    "appeals.review.total": 1,
}


def _page(template: str, proactive: dict[str, object], archived: bool) -> str:
    """A page of ``template`` that leaves its zeros blank (``&nbsp;``), as ``get_text()``
    gives it (a no-break space each), or a web archive (``archived``: white space closed
    to one space): section 二 ``proactive`` (row: values), sections 三 and 四 ``OTHERS``."""
    values: dict[str, object] = {field.key: 0 for field in gr.fields(template)}
    values |= OTHERS
    for row, cells in proactive.items():
        columns = [f.key for f in gr.fields(template) if f.key.startswith(f"proactive.{row}.")]
        values |= dict(zip(columns, cells, strict=True))
    report = gr.Report.from_values(
        values,
        template=template,
        organisation="青石县市场监督管理局",
        year=2020 if template == "2019" else 2022,
    )
    tab = render(report, "tab-separated", blank_zeros=True)
    mangle = web_archive if archived else tables_run_together
    return mangle(tab, random.Random(0), traced=True)


def _cells(report: gr.Report, row: str) -> list[tuple[object, str]]:
    return [
        (report.cell(key).value, report.cell(key).provenance)
        for key in report.flat()
        if key.startswith(f"proactive.{row}.")
    ]


BLANK = (None, "blank")
MISSING = (None, "missing")


def test_a_blank_first_row_glued_to_its_header_is_read_and_the_rows_by_their_no_breaks() -> None:
    """2019, get_text(): ``…对外公开总数量规章&nbsp;&nbsp;&nbsp;规范性文件7&nbsp;215``: 规章
    after the header words is that row, printed blank; 规范性文件 is 7, a blank and 215 (one
    no-break space, one blank cell: the only way); 其他对外管理服务事项 ``3-144`` and the
    next article's indent (two no-break spaces, ``&nbsp;&nbsp;第二十条…``) cuts several ways,
    each with 3 first (a number never spans a sign): 3 is read, the rest stays missing;
    行政强制 ``5`` and four no-break spaces before the next article is 5 and two blank cells
    (how many of the four are the indent is not shown, but 5 alone is no three cells)."""
    text = _page(
        "2019",
        {
            "normative_documents": (7, 0, 215),
            "licensing": (12, 0, 30),
            "other_services": (3, -1, 44),
            "penalties": (0, 0, 9),
            "coercive_measures": (5, 0, 0),
            "procurement": (8, 0),
        },
        archived=False,
    )
    assert f"对外公开总数量规章{NBSP * 3}规范性文件7{NBSP}215" in text
    report = gr.parse(text)
    assert _cells(report, "rules") == [BLANK] * 3
    assert _cells(report, "normative_documents") == [(7, "parsed"), BLANK, (215, "parsed")]
    assert _cells(report, "licensing") == [(12, "parsed"), BLANK, (30, "parsed")]
    assert f"其他对外管理服务事项3-144{NBSP * 2}第二十条" in text
    assert f"行政强制5{NBSP * 4}第二十条" in text
    assert _cells(report, "other_services")[0][0] == 3
    assert _cells(report, "other_services")[1:] == [MISSING] * 2
    assert _cells(report, "penalties") == [BLANK, BLANK, (9, "parsed")]
    assert _cells(report, "coercive_measures")[0][0] == 5
    assert _cells(report, "coercive_measures")[1:] == [BLANK] * 2
    assert not any("规章" in d.message for d in report.diagnostics if d.code == "row-missing")


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_the_row_before_an_indented_article_is_read_by_its_own_no_breaks(template: str) -> None:
    """get_text(): the last row of a sub-table runs into the next article's indent
    (``行政规范性文件12&nbsp;34&nbsp;&nbsp;第二十条第（五）项``): how many of the no-break
    spaces after its values are blank cells and how many the indent is not shown, but the
    one between them is a blank cell, and 12, a blank and 34 fill the row: read so. Where
    the trailing ones decide the cut (2019's 行政事业性收费 ``27`` and three: 27 and a blank,
    or 2 and 7), the row stays missing, said at its line."""
    rows: dict[str, object] = (
        {"normative_documents": (12, 0, 34), "other_services": (6, 0, 48), "fees": (27, 0)}
        if template == "2019"
        else {"normative_documents": (12, 0, 34), "licensing": (9,), "coercive_measures": (5,)}
    )
    text = _page(template, rows, archived=False)
    label = "规范性文件" if template == "2019" else "行政规范性文件"
    assert f"{label}12{NBSP}34{NBSP * 2}第二十条" in text
    report = gr.parse(text)
    assert _cells(report, "normative_documents") == [(12, "parsed"), BLANK, (34, "parsed")]
    if template == "2021":
        assert _cells(report, "licensing") == [(9, "parsed")]
        assert _cells(report, "coercive_measures") == [(5, "parsed")]
        return
    assert f"其他对外管理服务事项6{NBSP}48{NBSP * 2}第二十条" in text
    assert _cells(report, "other_services") == [(6, "parsed"), BLANK, (48, "parsed")]
    assert f"行政事业性收费27{NBSP * 3}第二十条" in text
    assert _cells(report, "fees") == [MISSING] * 2
    assert any(
        d.code == "collapsed-cell" and "行政事业性收费" in d.message for d in report.diagnostics
    )


def test_two_blank_rows_glued_to_a_2021_header_are_each_read_blank() -> None:
    """2021, get_text(): ``…现行有效件数规章&nbsp;&nbsp;&nbsp;行政规范性文件&nbsp;…``: both
    rows of the first sub-table printed blank after the header words, each that row."""
    text = _page("2021", {"licensing": (53,), "coercive_measures": (847,)}, archived=False)
    assert f"现行有效件数规章{NBSP * 3}行政规范性文件{NBSP * 3}" in text
    report = gr.parse(text)
    assert _cells(report, "rules") == [BLANK] * 3
    assert _cells(report, "normative_documents") == [BLANK] * 3
    assert report.flat()["proactive.licensing.decisions"] == 53
    assert report.flat()["proactive.coercive_measures.decisions"] == 847


def test_a_2021_first_row_with_values_is_read_by_its_no_breaks() -> None:
    """2021, get_text(): 规章 prints 1, a blank and 5 (``规章1&nbsp;5``): its values follow
    it, so it was apart from the header already; one way to cut it."""
    text = _page("2021", {"rules": (1, 0, 5), "licensing": (6,)}, archived=False)
    assert f"现行有效件数规章1{NBSP}5" in text
    report = gr.parse(text)
    assert _cells(report, "rules") == [(1, "parsed"), BLANK, (5, "parsed")]


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_a_web_archive_s_blank_first_row_glued_to_its_header_is_read(template: str) -> None:
    """A web archive's text (white space closed to one space): ``…规章 规范性文件7 215``
    (2019) or ``…现行有效件数规章 行政规范性文件4 2`` (2021, its 现行有效件数 blank before
    the next article): 规章 is read blank; each space one or more blank cells, every row of
    section 二 cut one way."""
    proactive: dict[str, object] = (
        {
            "normative_documents": (7, 0, 215),
            "licensing": (12, 0, 30),
            "other_services": (0, 0, 7),
            "penalties": (9, 0, 0),
            "coercive_measures": (5, 0, 3),
        }
        if template == "2019"
        else {"normative_documents": (4, 0, 2), "licensing": (6,), "penalties": (11,)}
    )
    text = _page(template, proactive, archived=True)
    header = "对外公开总数量" if template == "2019" else "现行有效件数"
    assert f"{header}规章 " in text
    report = gr.parse(text)
    assert _cells(report, "rules") == [BLANK] * 3
    first, _, last = proactive["normative_documents"]  # type: ignore[misc]
    assert _cells(report, "normative_documents") == [(first, "parsed"), BLANK, (last, "parsed")]


@pytest.mark.parametrize(
    ("template", "cell", "label", "value"),
    [
        ("2021", "normative_documents.in_force", "行政规范性文件", 91),
        ("2019", "normative_documents.total_published", "规范性文件", 406),
        ("2019", "licensing.decisions", "行政许可", 7),
    ],
)
def test_a_lone_value_of_a_page_printing_empty_header_cells_as_no_breaks(
    template: str, cell: str, label: str, value: int
) -> None:
    """get_text() of a page that prints its empty cells ``&nbsp;``, the article line's and
    the header's too (``第二十条第（一）项&nbsp;&nbsp;&nbsp;信息内容…``), one value in section
    二 (``行政规范性文件&nbsp;&nbsp;91``). The runs of no-break spaces looked like columns
    once the lines were put back, and the value was placed by where it stood (91 under
    本年制发件数): a lone value aligns with nothing, so it is its own column's or missing."""
    values: dict[str, object] = {field.key: 0 for field in gr.fields(template)}
    values |= OTHERS | {f"proactive.{cell}": value}
    report = gr.Report.from_values(
        values, template=template, organisation="青石县市场监督管理局", year=2022
    )
    tab = render(report, "tab-separated", blank_zeros=True)
    text = tables_run_together(tab, random.Random(1), traced=True)
    assert f"{label}{NBSP * 2}{value}" in text
    back = gr.parse(text)
    for field in gr.fields(template):
        if field.key.startswith("proactive."):
            assert back.cell(field.key).value in (None, value if field.key.endswith(cell) else None)


@scaled(2)
@given(
    report=blank_first_rows(),
    seed=st.integers(0, 2**32),
    traced=st.booleans(),
    archived=st.booleans(),
)
def test_blank_first_rows_glued_to_their_headers_are_never_read_wrong(
    report: gr.Report, seed: int, traced: bool, archived: bool
) -> None:
    """A page that leaves its zeros blank, a first row of some sub-tables of section 二
    printing none, as get_text() gives it or a web archive (``archived``), each blank cell
    a no-break space (``traced``) or, on some pages, nothing, some values padded with one:
    the headers are glued to those rows' labels, and nothing is read wrong, nor blank where
    a number is printed."""
    tab = render(report, "tab-separated", blank_zeros=True)
    mangle = web_archive if archived else tables_run_together
    text = mangle(tab, random.Random(seed), traced=traced)
    template = report.template or "2019"
    firsts = [labels.PROACTIVE_ROWS[template][rows[0]][0] for _, _, rows in _blocks(template)]
    glued = rf"(?:数量|件数|增/减|[)）])(?:{'|'.join(firsts)})(?!\d)"
    assert re.search(glued, text) is not None  # a header and a blank first row run together
    back = gr.parse(text)
    truth = {key: None if value == 0 else value for key, value in report.flat().items()}
    assert wrong(back, truth) == {}
    false_blank = [
        key for key in truth if truth[key] is not None and back.cell(key).provenance == "blank"
    ]
    assert false_blank == []


def _blocks(template: str) -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    return labels.PROACTIVE_BLOCKS[template]


def test_a_padded_value_before_an_article_on_a_page_that_does_not_indent_is_not_cut() -> None:
    """A page that prints each blank cell ``&nbsp;``, does not indent its articles (规范性文件's
    last value runs straight into ``第二十条第（五）项``) and pads a value with one
    (``行政事业性收费&nbsp;929&nbsp;第二十条第（九）项``: 929 and a blank cell). The no-break
    space before the article is then the row's, so the row's no-break spaces make three cells
    for two and do not cut it: 929 is never read as 本年增/减 with 上一年项目数量 blank."""
    page = _page("2019", {"fees": (929, 0), "normative_documents": (15, 0, 6)}, archived=False)
    page = page.replace(NBSP * 2 + "第二十条", "第二十条")  # no indent: Random(0) gave two
    page = page.replace("行政事业性收费929", f"行政事业性收费{NBSP}929")
    assert f"规范性文件15{NBSP}6第二十条" in page
    assert f"行政事业性收费{NBSP}929{NBSP}第二十条" in page
    back = gr.parse(page)
    previous, change = (back.cell(f"proactive.fees.{key}") for key in ("previous_items", "change"))
    assert previous.value in (929, None) and not previous.blank
    assert change.value is None and change.provenance in ("blank", "missing")
    if previous.value is None:
        assert change.provenance == "missing"
        assert any("proactive.fees.previous_items" in d.keys for d in back.diagnostics)


def test_digits_on_a_page_that_leaves_some_blank_cells_empty_are_not_cut_by_its_spaces() -> None:
    """A web archive's text of a page whose blank cells are ``&nbsp;`` (one space once
    closed up) but some typed over and left empty: 行政规范性文件's 11, blank, 7 reads
    ``117``, and 行政处罚's blank cell leaves no trace (``行政处罚行政强制``). That page does
    not print every run of blank cells as a space, so ``117`` is no three values for sure:
    never 1 1 7, and the cells that print a number are never claimed blank."""
    page = _page("2021", {"normative_documents": (11, 0, 7)}, archived=True)
    page = page.replace("行政规范性文件11 7", "行政规范性文件117")
    page = page.replace("行政处罚 行政强制", "行政处罚行政强制")
    back = gr.parse(page)
    columns = ("issued", "repealed", "in_force")
    cells = [back.cell(f"proactive.normative_documents.{key}") for key in columns]
    assert [cell.value for cell in cells] in ([11, None, 7], [None, None, None])
    assert not any(cell.provenance == "blank" for cell in cells[::2])
    assert back.cell("proactive.penalties.decisions").value is None
