"""The PDF reader: its stages alone (ruling lines to tables, characters to text), whole
PDFs written by hand for each case (tables across pages, merged and wrapped cells, no
ruling lines, scans, encryption, fonts without a Unicode map), and every PDF fixture read
with no wrong value, cell for cell as pdfplumber reads it."""

from __future__ import annotations

import importlib.util
import io
import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pdfplumber
import pytest
from pdfs import Page, document

import govinfo_report as gr
from govinfo_report.read.formats import pdf, pdfium, positioned, ruling, tables
from govinfo_report.read.formats.pdfium import Char, Edge

FIXTURES = Path(__file__).parents[1] / "fixtures"
CONVERTERS = FIXTURES / "converters"
REALWORLD = FIXTURES / "realworld"
PDFS = sorted([*CONVERTERS.glob("*/report.pdf"), *(REALWORLD / "raw").glob("*.pdf")])


def _name(path: Path) -> str:
    return path.parent.name if path.name == "report.pdf" else path.stem


def _text(data: bytes) -> list[str]:
    return gr.extract_text(data, format="pdf").split("\n")


def _h(position: float, start: float, end: float) -> Edge:
    return Edge("h", position, start, end)


def _v(position: float, start: float, end: float) -> Edge:
    return Edge("v", position, start, end)


def _grid(xs: list[float], tops: list[float]) -> list[Edge]:
    return [_v(x, tops[0], tops[-1]) for x in xs] + [_h(top, xs[0], xs[-1]) for top in tops]


def _char(text: str, x0: float, bottom: float, width: float = 10.0) -> Char:
    return Char(text, x0, bottom - 10.0, x0 + width, bottom)


# Ruling lines to tables, stage by stage -----------------------------------------------------


def test_merge_snaps_joins_and_drops_short_stretches() -> None:
    merged = ruling.merge(
        [
            _h(100.0, 0.0, 50.0),
            _h(102.0, 52.0, 120.0),  # 2 points off and 2 points on: one edge at their mean
            _h(300.0, 0.0, 2.0),  # shorter than MIN_EDGE
            _v(10.0, 0.0, 0.5),  # shorter than MIN_STRETCH
            _v(10.0, 0.0, 40.0),
            _v(10.0, 45.0, 80.0),  # 5 points apart: not joined
        ]
    )
    assert sorted(merged) == [
        _h(101.0, 0.0, 120.0),
        _v(10.0, 0.0, 40.0),
        _v(10.0, 45.0, 80.0),
    ]


def test_crossings_reach_edges_that_stop_short() -> None:
    edges = [_v(10.0, 0.0, 100.0), _h(50.0, 12.0, 60.0), _h(103.0, 0.0, 60.0), _h(150.0, 0, 60)]
    points = ruling.crossings(edges)
    # (10, 50): the horizontal starts 2 points short; (10, 103): the vertical ends 3 short.
    assert set(points) == {(10.0, 50.0), (10.0, 103.0)}
    assert points[(10.0, 50.0)] == ruling.Crossing({0}, {1})


def test_crossings_are_capped() -> None:
    size = 70  # 4,900 crossings, over MAX_CROSSINGS
    xs = [float(10 * index) for index in range(size)]
    with pytest.raises(ruling.TooManyCrossings):
        ruling.crossings(_grid(xs, xs))


def test_cells_of_a_grid_with_a_merged_cell() -> None:
    # Columns 0-50-100, rows 0-20-40; the line between the two top cells is missing.
    edges = [
        _v(0.0, 0.0, 40.0),
        _v(50.0, 20.0, 40.0),
        _v(100.0, 0.0, 40.0),
        *(_h(top, 0.0, 100.0) for top in (0.0, 20.0, 40.0)),
    ]
    found = ruling.cells(ruling.crossings(edges))
    assert sorted(found) == [(0, 0, 100, 20), (0, 20, 50, 40), (50, 20, 100, 40)]
    grid = ruling.Grid(found)
    top_cell = found.index((0, 0, 100, 20))
    assert [[None if i is None else found[i] for i in row] for row in grid.rows()] == [
        [(0, 0, 100, 20), None],
        [(0, 20, 50, 40), (50, 20, 100, 40)],
    ]
    assert grid.locate(75.0, 10.0) == top_cell  # a point the merged cell covers
    assert grid.locate(100.0, 10.0) is None  # the right side is outside
    assert grid.box == (0, 0, 100, 40)


def test_tables_are_cells_sharing_corners_and_one_cell_is_no_table() -> None:
    left = [(0, 0, 10, 10), (10, 0, 20, 10), (0, 10, 10, 20)]
    right = [(50, 5, 60, 15), (60, 5, 70, 15)]
    lonely = [(0, 100, 10, 110)]
    assert ruling.tables([*right, *lonely, *left]) == [left, right]


# Characters to text -------------------------------------------------------------------------


def test_lines_group_by_bottom_and_sort_left_to_right() -> None:
    chars = [
        _char("b", 16.0, 101.0),
        _char("a", 0.0, 100.0),
        _char("c", 0.0, 105.5),  # 3.5 points under the lowest: a line of its own
        Char("2", 10.0, 93.0, 15.0, 102.0),  # another font, a shorter box: the same line
    ]
    assert [positioned.line_text(line) for line in positioned.lines(chars)] == ["a2b", "c"]


def test_words_split_at_gaps_and_blanks() -> None:
    line = [
        _char("本", 0.0, 10.0),
        _char("年", 10.0, 10.0),
        _char("1", 23.5, 10.0, 5.0),  # 3.5 points after 年
        _char(" ", 28.5, 10.0, 2.0),
        _char("2", 30.5, 10.0, 5.0),
    ]
    assert [len(word) for word in positioned.words(line)] == [2, 1, 1]
    assert positioned.line_text(line) == "本年 1 2"
    assert positioned.spaced_text(
        [_char("规", 0, 10), _char("章", 10, 10), _char("3", 60, 10)]
    ) == (
        "规章" + " " * 8 + "3"  # a gap of 40 points, 8 halves of the 10-point line
    )


def test_a_cell_wrapped_over_lines_is_one_text() -> None:
    chars = [_char("制", 0, 30), _char("作", 10, 30), _char("本", 0, 15), _char("年", 10, 15)]
    assert positioned.cell_text(chars) == "本年制作"


# Whole PDFs -------------------------------------------------------------------------------------

COLUMNS = [72.0, 220.0, 300.0, 380.0]
HEADER = ["信息内容", "本年制发件数", "现行有效件数"]


def test_a_page_of_text_and_a_ruled_table() -> None:
    page = (
        Page()
        .text(72, 80, "某某县2023年政府信息公开工作年度报告", 16)
        .text(72, 110, "二、主动公开政府信息情况")
        .table(COLUMNS, 120, [HEADER, ["规章", "1", "2"], ["行政规范性文件", "3", "45"]])
        .text(72, 220, "三、收到和处理政府信息公开申请情况")
    )
    assert _text(document([page])) == [
        "某某县2023年政府信息公开工作年度报告",
        "二、主动公开政府信息情况",
        "信息内容\t本年制发件数\t现行有效件数",
        "规章\t1\t2",
        "行政规范性文件\t3\t45",
        "三、收到和处理政府信息公开申请情况",
    ]


def test_merged_and_wrapped_cells() -> None:
    page = Page()
    # A header cell spanning the two number columns (no line between them in its row), a
    # label cell spanning two rows, and a label wrapped over two lines in one cell.
    page.lines += [
        (72, 100, 380, 100),
        (72, 120, 380, 120),
        (220, 140, 380, 140),
        (72, 180, 380, 180),
        (72, 100, 72, 180),
        (220, 100, 220, 180),
        (300, 120, 300, 180),
        (380, 100, 380, 180),
    ]
    page.text(75, 114, "信息内容").text(230, 114, "件数")
    page.text(75, 150, "行政规范").text(75, 163, "性文件")
    page.text(230, 134, "1").text(310, 134, "2").text(230, 164, "3").text(310, 164, "4")
    assert _text(document([page])) == [
        "信息内容\t件数\t",
        "行政规范性文件\t1\t2",
        "\t3\t4",
    ]


def _footer(page: Page, number: int) -> Page:
    return page.text(280, 810, f"- {number} -")


def test_a_table_running_on_to_the_next_page_is_one_table() -> None:
    first = Page().text(72, 80, "二、主动公开政府信息情况")
    first.table(COLUMNS, 640, [HEADER, ["规章", "1", "2"]], height=50)
    second = Page().text(72, 40, "某某县2023年政府信息公开工作年度报告")  # a page header
    second.table(COLUMNS, 60, [HEADER, ["行政规范性文件", "3", "45"]])
    second.text(72, 140, "三、收到和处理政府信息公开申请情况")
    assert _text(document([_footer(first, 1), _footer(second, 2)])) == [
        "二、主动公开政府信息情况",
        "信息内容\t本年制发件数\t现行有效件数",
        "规章\t1\t2",
        "行政规范性文件\t3\t45",  # the repeated header left out
        "- 1 -",
        "某某县2023年政府信息公开工作年度报告",
        "三、收到和处理政府信息公开申请情况",
        "- 2 -",
    ]
    # Without a repeated header, and on over a third page.
    third = Page().table(COLUMNS, 60, [["合计", "4", "47"]])
    second = Page().table(COLUMNS, 60, [["行政规范性文件", "3", "45"]], height=370)
    lines = _text(document([_footer(first, 1), _footer(second, 2), third]))
    assert lines[1:] == [
        "\t".join(HEADER),
        "规章\t1\t2",
        "行政规范性文件\t3\t45",
        "合计\t4\t47",
        "- 1 -",
        "- 2 -",
    ]


def test_tables_apart_are_not_joined() -> None:
    first = Page().table(COLUMNS, 640, [HEADER, ["规章", "1", "2"]], height=50)
    other_columns = Page().table([72.0, 300.0, 450.0], 60, [["行政许可", "5"]])
    assert _text(document([_footer(first, 1), other_columns])) == [
        "\t".join(HEADER),
        "规章\t1\t2",
        "- 1 -",
        "行政许可\t5",
    ]
    # Text after the table that is no footer (a heading mid-page) keeps them apart too.
    first = Page().table(COLUMNS, 540, [HEADER, ["规章", "1", "2"]], height=50)
    first.text(72, 680, "三、收到和处理政府信息公开申请情况")
    second = Page().table(COLUMNS, 60, [["行政规范性文件", "3", "45"]])
    assert _text(document([first, second]))[2:4] == [
        "三、收到和处理政府信息公开申请情况",
        "行政规范性文件\t3\t45",
    ]


def test_text_in_a_table_but_in_no_cell_is_kept() -> None:
    # The top line stops short of the first column (as WPS draws a table's first row on a
    # new page): the first cell is found with the table's frame closed.
    page = Page()
    page.lines += [(220, 100, 380, 100), (72, 120, 380, 120), (72, 140, 380, 140)]
    page.lines += [(x, 100, x, 140) for x in COLUMNS]
    page.text(75, 114, "信息内容").text(230, 114, "件数").text(75, 134, "规章").text(230, 134, "7")
    assert _text(document([page])) == ["信息内容\t件数\t", "规章\t7\t"]


def test_lines_drawn_in_a_form_xobject_are_ruling_lines() -> None:
    page = Page(form_offset=(0.0, 100.0))  # the form is moved 100 points down
    page.form_lines = [(72, 100, 300, 100), (72, 120, 300, 120)]
    page.form_lines += [(x, 100, x, 120) for x in (72, 200, 300)]
    page.text(75, 214, "行政许可").text(210, 214, "550")
    assert _text(document([page])) == ["行政许可\t550"]


def _width(text: str, size: float) -> float:
    return sum(size if ord(char) >= 0x2E80 else size / 2 for char in text)


def _report_without_ruling() -> tuple[gr.Report, bytes]:
    """A converter fixture's report drawn as a PDF whose tables have no ruling lines: each
    table's cells at its columns' positions (each column as wide as its widest cell, 16
    points apart), blank cells left blank."""
    report = gr.parse(CONVERTERS / "hypothesis-1" / "report.html")
    lines = gr.render(report, "tab-separated").split("\n")
    size, lefts = 8.0, {}
    for start, line in enumerate(lines):
        if "\t" in line and (start == 0 or "\t" not in lines[start - 1]):
            block = [row.split("\t") for row in lines[start:]]
            block = block[: next((i for i, row in enumerate(block) if len(row) == 1), None)]
            widths = [
                max(_width(row[column], size) for row in block if column < len(row))
                for column in range(max(map(len, block)))
            ]
            starts = [40.0]
            for width in widths:
                starts.append(starts[-1] + width + 16.0)
            lefts.update(dict.fromkeys(range(start, start + len(block)), starts))
    pages: list[Page] = []
    for first in range(0, len(lines), 50):
        page = Page(width=1400.0, height=595.0)
        for row, line in enumerate(lines[first : first + 50], first):
            for column, cell in enumerate(line.split("\t")):
                if cell:
                    x = lefts[row][column] if row in lefts else 40.0
                    page.text(x, 40.0 + 10.5 * (row - first), cell, size)
        pages.append(page)
    return report, document(pages)


def test_tables_without_ruling_lines_are_read_by_their_columns() -> None:
    report, data = _report_without_ruling()
    read = gr.parse(data, format="pdf")
    assert "unruled-table" in {d.code for d in read.diagnostics}
    assert {table.layout for table in read.tables} == {"space-aligned"}
    want, got = report.flat(), read.flat()
    assert {key: (got[key], value) for key, value in want.items() if got[key] != value} == {}
    spaced = next(
        line for line in gr.extract_text(data, format="pdf").split("\n") if line.startswith("规章")
    )
    assert "  " in spaced  # its columns apart by runs of spaces


def test_a_scan_has_no_text_layer() -> None:
    numbered = Page(image=1.0).text(280, 810, "- 3 -")  # a page number is no text layer
    scan = document([Page(image=1.0), Page(image=1.0), numbered])
    with pytest.raises(gr.ParseError) as caught:
        gr.parse(scan, format="pdf")
    assert caught.value.code == "no-text-layer"
    assert caught.value.message.startswith("no text layer on pages 1-3 of 3: a scanned PDF?")
    assert "OCR" in caught.value.message


def test_scanned_pages_among_text_pages_are_named() -> None:
    text = Page(image=0.2).text(72, 80, "一、总体情况").text(72, 100, "本年度共收到申请3件。")
    signed = Page(image=0.3).text(300, 200, "某某县人民政府")  # a seal on the signature
    extracted = pdf.read(document([text, Page(image=1.0), Page(), Page(image=1.0), signed]))
    assert extracted.text == "一、总体情况\n本年度共收到申请3件。\n某某县人民政府"
    (found,) = extracted.diagnostics
    assert (found.code, found.severity) == ("no-text-layer", "warning")
    assert found.message.startswith("no text layer on pages 2, 4 of 5 (images only)")


def test_a_pdf_without_text_or_images_is_empty() -> None:
    with pytest.raises(gr.ParseError) as caught:
        gr.parse(document([Page(), Page()]), format="pdf")
    assert caught.value.code == "empty-input"


def test_encryption() -> None:
    page = Page().text(72, 80, "一、总体情况")
    # Encrypted only to restrict its use: it opens without a password and is read.
    assert _text(document([page], owner_password=b"owner")) == ["一、总体情况"]
    with pytest.raises(gr.ParseError) as caught:
        gr.parse(document([page], owner_password=b"owner", user_password=b"user"), format="pdf")
    assert caught.value.code == "encrypted"
    assert "needs a password" in caught.value.message


def test_private_use_characters() -> None:
    # A font whose map sends the glyphs to the private use area: unreadable text.
    mapped = Page().text(72, 80, "一、总体情况").text(72, 100, "\ue001\ue002")
    extracted = pdf.read(document([mapped]))
    (found,) = extracted.diagnostics
    assert (found.code, found.line, found.column) == ("private-use-text", 2, 1)
    assert "2 characters are private-use code points (font TestSong)" in found.message
    with pytest.raises(gr.ParseError) as caught:
        pdf.read(document([Page().text(72, 80, "\ue001\ue002\ue003一")]))
    assert caught.value.code == "private-use-text"
    assert "3 of 4 characters; font TestSong" in caught.value.message


def test_a_page_ruled_too_densely_is_read_as_text() -> None:
    xs = [float(40 + 7 * index) for index in range(70)]
    page = Page()
    page.grid(xs, xs)
    page.text(40, 560, "一、总体情况")
    extracted = pdf.read(document([page]))
    assert extracted.text == "一、总体情况"
    assert [d.code for d in extracted.diagnostics] == ["table-too-large"]


# The PDF fixtures ---------------------------------------------------------------------------

#: Where the two readers' cells differ ((fixture, page) -> (table, row, column) -> ours,
#: pdfplumber's), and why. A character that a page break cuts in two has its centre in the
#: cell by pdfium's box (as tall as the font's ascent and descent) and below the page by
#: pdfminer's (as tall as the font size). A cell whose top line stops short
#: (``test_text_in_a_table_but_in_no_cell_is_kept``) loses its text in pdfplumber.
DIFFERENCES = {
    ("corpus-0", 1): {(1, 7, 1): ("（三）不予公开", "（三）不予公")},
    ("typed-2021_tab_separated", 1): {(1, 15, 1): ("（四）⽆法提供", "（四）⽆法")},
    ("ot-jiangsu-huaian-hongze-2023", 3): {(0, 0, 0): ("信息内容", "")},
}


def _plumbed(data: bytes) -> list[list[list[list[str]]]]:
    """pdfplumber's cells, page by page, as the reader it replaced took them."""
    with pdfplumber.open(io.BytesIO(data)) as opened:
        return [
            [
                [
                    [tables.clean("".join((cell or "").splitlines())) for cell in row]
                    for row in found.extract()
                ]
                for found in page.crop(page.bbox).find_tables()
            ]
            for page in opened.pages
        ]


@pytest.mark.parametrize("path", PDFS, ids=_name)
def test_both_readers_give_the_same_cells(path: Path) -> None:
    data = path.read_bytes()
    ours = [
        [
            [[tables.clean(cell or "") for cell in row] for row in block.rows]
            for block in pdf.page_text(page).blocks
            if isinstance(block, pdf.Table)
        ]
        for page in pdfium.pages(data)
    ]
    theirs = _plumbed(data)
    assert len(ours) == len(theirs)
    for number, (mine, plumbed) in enumerate(zip(ours, theirs, strict=True), 1):
        for (table, row, column), (text, other) in DIFFERENCES.get(
            (_name(path), number), {}
        ).items():
            assert mine[table][row][column] == text
            mine[table][row][column] = other
        assert mine == plumbed, f"page {number}"


def _scorer() -> Callable[[object, object], bool]:
    """The real reports' scorer's test of a value: a number, ``None`` or a list of either."""
    spec = importlib.util.spec_from_file_location("score", REALWORLD / "score.py")
    assert spec is not None and spec.loader is not None
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    same: Callable[[object, object], bool] = score.same
    return same


def _truth(path: Path) -> tuple[dict[str, object], dict[str, object]]:
    if path.name == "report.pdf":
        truth = json.loads((path.parent / "truth.json").read_text("utf-8"))
        return truth["values"], {"organisation": truth["organisation"], "year": truth["year"]}
    gold = json.loads((REALWORLD / "gold-flat" / f"{path.stem}.json").read_text("utf-8"))
    return gold["values"], {"year": gold["year"]}


@pytest.mark.parametrize("path", PDFS, ids=_name)
def test_every_pdf_fixture_reads_with_no_wrong_value(path: Path) -> None:
    same = _scorer()
    values, metadata = _truth(path)
    report = gr.parse(path)
    got = report.flat()
    wrong = {
        key: (got[key], want)
        for key, want in values.items()
        if got[key] is not None
        and not same(got[key], want)
        and not (want is None and got[key] == 0 and report.cell(key).blank)
    }
    missing = [key for key, want in values.items() if got[key] is None and not same(None, want)]
    assert wrong == {}
    assert missing == []  # every value right, as pdfplumber read them
    assert {name: getattr(report, name) for name in metadata} == metadata


def test_threads_read_pdfs_one_at_a_time() -> None:
    """pdfium is not thread-safe: PDFs read from several threads at once are read in turn,
    each whole."""
    data = (CONVERTERS / "hypothesis-1" / "report.pdf").read_bytes()
    want = gr.extract_text(data, format="pdf")
    with ThreadPoolExecutor(4) as pool:
        texts = list(pool.map(lambda _: gr.extract_text(data, format="pdf"), range(8)))
    assert texts == [want] * 8
