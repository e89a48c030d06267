"""Text whose every line a tool pads with spaces to the page's width (pdfplumber's
``extract_text(layout=True)``): an indented heading padded to the page's width is as long as
a line of prose, and an empty line is a line of spaces. The padding is no text: the lines are
read without it (``read.source``), and a heading's line cut after its heading only where text
follows it (``structure.rebreak``), so a text that kept its line breaks is never read as a
web archive's, whose rows' labels printed alone are rows printed blank."""

from __future__ import annotations

import datetime

import govinfo_report as gr
from govinfo_report.structure import rebreak

from conftest import at_offsets

#: The page's width, in characters.
_WIDTH = 160

#: A 2019 report as pdfplumber lays its page out (before the padding): headings indented,
#: section 三's rows a line each, 本年新收 printing 7, 2 and 9 in 自然人, 商业企业 and 总计
#: (zeros printed), 上年结转 1 and 1, 予以公开 5 and 5, 部分公开 its label alone,
#: 本机关不掌握 3, 2 and 5, 总计 8, 2 and 10; section 四's values under its header: 行政复议
#: 2, 1 and 3, 未经复议直接起诉 1 and 1; signed on the body's name's line, the date's pieces
#: spaced to their glyphs' places, the last paragraph's year wrapped above its line's text
#: (a number before the signature: its pieces are no date on their own).
_LINES = (
    "      白沙县统计局2020年政府信息公开工作年度报告",
    "",
    "         一、总体情况",
    "         2020年，我局全年收到政府信息公开申请9件，上年结转1件。",
    "",
    "         二、主动公开政府信息情况",
    "",
    "                                第二十条第（一）项",
    "               信息内容        本年新制作数量    本年新公开数量    对外公开总数量",
    at_offsets("               规章", (32, "0"), (50, "0"), (68, "0")),
    at_offsets("               规范性文件", (32, "2"), (50, "2"), (68, "11")),
    "",
    "         三、收到和处理政府信息公开申请情况",
    "",
    "                                                        申请人情况",
    "                                                      法人或其他组织",
    at_offsets(
        "",
        (46, "自然人"),
        (54, "商业"),
        (60, "科研"),
        (66, "社会公益"),
        (76, "法律服务"),
        (86, "其他"),
        (92, "总计"),
    ),
    at_offsets("", (54, "企业"), (60, "机构"), (66, "组织"), (76, "机构")),
    at_offsets(
        "         一、本年新收政府信息公开申请数量",
        (46, "7"),
        (54, "2"),
        (60, "0"),
        (66, "0"),
        (76, "0"),
        (86, "0"),
        (92, "9"),
    ),
    at_offsets(
        "         二、上年结转政府信息公开申请数量",
        (46, "1"),
        (54, "0"),
        (60, "0"),
        (66, "0"),
        (76, "0"),
        (86, "0"),
        (92, "1"),
    ),
    at_offsets(
        "         三、本年度办理结果  （一）予以公开",
        (46, "5"),
        (54, "0"),
        (60, "0"),
        (66, "0"),
        (76, "0"),
        (86, "0"),
        (92, "5"),
    ),
    "                             （二）部分公开",
    at_offsets(
        "         （四）无法提供  1.本机关不掌握",
        (46, "3"),
        (54, "2"),
        (60, "0"),
        (66, "0"),
        (76, "0"),
        (86, "0"),
        (92, "5"),
    ),
    at_offsets(
        "                             （七）总计",
        (46, "8"),
        (54, "2"),
        (60, "0"),
        (66, "0"),
        (76, "0"),
        (86, "0"),
        (92, "10"),
    ),
    "         四、结转下年度继续办理",
    "",
    "         四、政府信息公开行政复议、行政诉讼情况",
    "",
    "         行政复议                                      行政诉讼",
    "                                                       未经复议直接起诉"
    "                              复议后起诉",
    "         结果维持  结果纠正  其他结果  尚未审结  总计  结果维持  结果纠正  其他结果  尚未审结"
    "  总计  结果维持  结果纠正  其他结果  尚未审结  总计",
    at_offsets("", (9, "2"), (19, "1"), (49, "3"), (55, "1"), (95, "1")),
    "",
    "         五、存在的主要问题及改进情况",
    "         公开的及时性有待提高。",
    "",
    "         六、其他需要报告的事项",
    "         我局将认真落实上级的各项部署，扎实做好                    2021",
    "         年政府信息公开工作。",
    "",
    "                                         白沙县统计局             2021  年  1 月 26 日",
)

PADDED = "\n".join(line.ljust(_WIDTH) for line in _LINES)


def _row(report: gr.Report, row: str) -> list[tuple[object, str]]:
    """自然人, 商业企业 and 总计 of section 三's ``row``: value and provenance."""
    return [
        (report.cell(key).value, report.cell(key).provenance)
        for key in (f"applications.{row}.{column}" for column in _COLUMNS)
    ]


_COLUMNS = ("natural_person", "commercial_enterprise", "total")


def test_lines_padded_to_the_page_s_width_read_as_typed() -> None:
    report = gr.parse(PADDED)
    assert (report.organisation, report.year, report.template) == ("白沙县统计局", 2020, "2019")
    assert report.published == datetime.date(2021, 1, 26)
    assert not any(d.code == "line-breaks-lost" for d in report.diagnostics)
    assert report.cell("proactive.normative_documents.total_published").value == 11
    for row, values in (
        ("new", (7, 2, 9)),
        ("carried_over", (1, 0, 1)),
        ("granted", (5, 0, 5)),
        ("unavailable.not_held", (3, 2, 5)),
        ("total", (8, 2, 10)),
    ):
        assert _row(report, row) == [(value, "parsed") for value in values], row
    # a label alone in text that shows blank cells as gaps: not read as printed blank
    assert [prov for _, prov in _row(report, "partially_granted")] != ["blank"] * 3
    assert [report.cell(f"appeals.review.{key}").value for key in ("upheld", "total")] == [2, 3]
    assert report.cell("appeals.litigation_direct.total").value == 1


def test_the_padding_reads_as_no_padding() -> None:
    """The same text without the padding reads the same values."""
    assert gr.parse(PADDED).flat() == gr.parse("\n".join(_LINES)).flat()


def test_a_heading_padded_is_no_heading_with_text_after_it() -> None:
    """Headings whose lines are padded with spaces (kept, where the reader is given the
    lines as they are): nothing to cut, the text kept its line breaks; a heading with text
    after it on its line is cut there."""
    prose = [*_LINES[:6], *_LINES[-9:]]
    assert sum(line.lstrip()[1:2] == "、" for line in prose) == 4
    assert rebreak.restore([line.ljust(_WIDTH) for line in prose]) is None
    run_together = "         一、总体情况 2020年，我局全年收到申请9件。二、主动公开政府信息情况"
    assert rebreak.restore([run_together.ljust(_WIDTH)]) is not None


#: Section 四 drawn as a box grid (a text file's table, pandoc's grid) as wide as the page:
#: its lines end in their ``|``, with no padding after it, and make a fifth of the page's.
_OUTCOMES = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
_APPEALS_GRID = (
    ("行政复议", "", "", "", "", "行政诉讼", *[""] * 9),
    ("", "", "", "", "", "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""),
    _OUTCOMES * 3,
    ("2", "1", "0", "0", "3", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0"),
)


def _box(rows: tuple[tuple[str, ...], ...], width: int = 10) -> list[str]:
    """``rows`` as a box grid of cells ``width`` display columns wide."""
    border = "+" + "+".join("-" * width for _ in rows[0]) + "+"
    lines = [border]
    for row in rows:
        cells = (cell.ljust(width - sum(ord(char) > 0x7F for char in cell)) for cell in row)
        lines += ["|" + "|".join(cells) + "|", border]
    return lines


def test_a_box_grid_as_wide_as_the_page_is_no_line_left_unpadded() -> None:
    """Every line padded to the widest, the box grid's, which is padded with nothing: the
    text is still read as a page laid out, its lines without their padding (before, the
    grid's lines, unpadded, made the page's padding count for too few lines, and the padded
    headings and rows read no cell at all)."""
    heading = _LINES.index("         四、政府信息公开行政复议、行政诉讼情况")
    lines = [*_LINES[: heading + 2], *_box(_APPEALS_GRID), *_LINES[heading + 5 :]]
    width = max(map(len, lines))
    report = gr.parse("\n".join(line.ljust(width) for line in lines))
    assert report.flat() == gr.parse("\n".join(lines)).flat()
    assert [report.cell(f"appeals.review.{key}").value for key in ("upheld", "total")] == [2, 3]
    assert report.cell("appeals.litigation_direct.total").value == 1
    assert _row(report, "new") == [(7, "parsed"), (2, "parsed"), (9, "parsed")]
    assert report.cell("proactive.normative_documents.total_published").value == 11
