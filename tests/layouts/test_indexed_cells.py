"""Tables laid out cell by cell, their spans ignored (inscriptis, issue 45 item 1): each
row's cells one after another at the table's offsets, each column as wide as the widest
cell at its index, so a row that prints two label cells (a group label beside its sub-label)
has its values one column right of a row that prints one, and the header's words stand over
other columns. A value's column is its offset's index less the label cells of its line."""

from __future__ import annotations

import govinfo_report as gr
from govinfo_report import labels
from govinfo_report.structure.layouts.space_aligned import cell_starts

from manglers import indexed_lines


def _by_index(rows: list[list[str]], starts: list[int]) -> list[str]:
    """``rows`` as inscriptis lays a table out: each row's ``n``-th cell at ``starts[n]``
    (in characters), a blank cell (``""``) printing nothing."""
    lines = []
    for row in rows:
        line = ""
        for cell, start in zip(row, starts, strict=False):
            if cell:
                line = line.ljust(start) + cell
        lines.append(line)
    return lines


_ = ""
#: Section 三 of a 2021 report of 白沙镇人民政府 as inscriptis prints its HTML table (typed for
#: this test): the 勾稽关系 note and 申请人情况 on the first line, the rowspans and colspans
#: left out, each ``n``-th cell at the ``n``-th offset; 科研机构 and 其他 blank in every row.
APPLICATION_LINES = _by_index(
    [
        ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
        ["自然人", "法人或其他组织", "总计"],
        ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
        ["一、本年新收政府信息公开申请数量", "40", "5", _, "2", "1", _, "48"],
        ["二、上年结转政府信息公开申请数量", "3", _, _, _, _, _, "3"],
        ["三、本年度办理结果", "（一）予以公开", "20", "2", _, "1", "1", _, "24"],
        ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "4", _, _, _, _, _, "4"],
        ["（三）不予公开", "1.属于国家秘密"],
        ["2.其他法律行政法规禁止公开", _, "1", _, _, _, _, "1"],
        ["3.危及“三安全一稳定”"],
        ["4.保护第三方合法权益", "2", _, _, _, _, _, "2"],
        ["5.属于三类内部事务信息"],
        ["6.属于四类过程性信息", "1", _, _, _, _, _, "1"],
        ["7.属于行政执法案卷"],
        ["8.属于行政查询事项"],
        ["（四）无法提供", "1.本机关不掌握相关政府信息", "8", "1", _, "1", _, _, "10"],
        ["2.没有现成信息需要另行制作", "2", _, _, _, _, _, "2"],
        ["3.补正后申请内容仍不明确"],
        ["（五）不予处理", "1.信访举报投诉类申请", "3", _, _, _, _, _, "3"],
        ["2.重复申请", _, "1", _, _, _, _, "1"],
        ["3.要求提供公开出版物"],
        ["4.无正当理由大量反复申请"],
        ["5.要求行政机关确认或重新出具已获取信息"],
        [
            "（六）其他处理",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "1",
            *[_] * 5,
            "1",
        ],
        ["2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"],
        ["3.其他", "1", _, _, _, _, _, "1"],
        ["（七）总计", "42", "5", _, "2", "1", _, "50"],
        ["四、结转下年度继续办理", "1", _, _, _, _, _, "1"],
    ],
    [0, 39, 74, 82, 90, 94, 97, 100, 104],
)
#: Section 四 likewise: 结果维持 … 总计 of 行政复议 merged down onto the second line.
APPEAL_LINES = _by_index(
    [
        ["行政复议", "行政诉讼"],
        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"],
        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2,
        ["1", "0", "1", "0", "2", "0", "0", "0", "1", "1", "0", "1", "0", "0", "1"],
    ],
    [0, 6, 12, 18, 24, 28, 38, 45, 51, 57, 61, 64, 67, 70, 73],
)
TEXT = "\n".join(
    [
        "白沙镇人民政府2021年政府信息公开工作年度报告",
        "",
        "一、总体情况",
        "",
        "2021年，白沙镇认真落实政府信息公开工作要求。",
        "",
        "三、收到和处理政府信息公开申请情况",
        "",
        *APPLICATION_LINES,
        "",
        "四、政府信息公开行政复议、行政诉讼情况",
        "",
        *APPEAL_LINES,
        "",
        "五、存在的主要问题及改进情况",
        "",
        "无。",
        "",
        "六、其他需要报告的事项",
        "",
        "无。",
        "",
        "白沙镇人民政府",
        "2022年1月20日",
    ]
)

COLUMNS = tuple(labels.APPLICANT_COLUMNS)
#: The rows of section 三 that print a value, as the text prints them (None: blank).
APPLICATIONS = {
    "new": (40, 5, None, 2, 1, None, 48),
    "carried_over": (3, None, None, None, None, None, 3),
    "granted": (20, 2, None, 1, 1, None, 24),
    "partially_granted": (4, None, None, None, None, None, 4),
    "denied.prohibited_by_law": (None, 1, None, None, None, None, 1),
    "denied.third_party_rights": (2, None, None, None, None, None, 2),
    "denied.process_information": (1, None, None, None, None, None, 1),
    "unavailable.not_held": (8, 1, None, 1, None, None, 10),
    "unavailable.needs_creation": (2, None, None, None, None, None, 2),
    "not_processed.petition_complaint": (3, None, None, None, None, None, 3),
    "not_processed.repeated": (None, 1, None, None, None, None, 1),
    "other.no_correction": (1, None, None, None, None, None, 1),
    "other.other": (1, None, None, None, None, None, 1),
    "total": (42, 5, None, 2, 1, None, 50),
    "carried_forward": (1, None, None, None, None, None, 1),
}
APPEALS = (1, 0, 1, 0, 2, 0, 0, 0, 1, 1, 0, 1, 0, 0, 1)


def _applications(report: gr.Report) -> dict[str, object]:
    """Section 三's rows as read, a blank cell (printed blank, or derived 0 from it) None."""
    return {
        row: tuple(_printed(report.cell(f"applications.{row}.{column}")) for column in COLUMNS)
        for row in APPLICATIONS
    }


def _printed(cell: gr.Cell) -> object:
    blank = cell.provenance == "blank" or (cell.provenance == "derived" and cell.value == 0)
    return None if blank else cell.value


def test_rows_printing_two_label_cells_are_read_by_their_cells_index() -> None:
    """（四）无法提供 beside 1.本机关不掌握相关政府信息 puts 8 under 科研机构's offset, a
    column right of 2.没有现成信息需要另行制作's 2: both are 自然人's."""
    report = gr.parse(TEXT)
    assert _applications(report) == APPLICATIONS
    blank = report.cell("applications.denied.state_secret.natural_person")
    assert _printed(blank) is None
    appeals = [field.key for field in gr.fields("2021") if field.section == "appeals"]
    assert tuple(report.cell(key).value for key in appeals) == APPEALS
    assert [d.code for d in report.errors] == ["table-missing"]  # section 二, left out


def test_offsets_no_cell_by_cell_layout_gives_leave_the_cells_missing() -> None:
    """Without the line of 商业企业 … 其他, the offsets are still those that its words set:
    the gaps after the values under 商业企业 and 社会公益组织 are five and seven wider than
    their widest values, which no run of empty columns (two spaces each) makes, so 三 is not
    read by its cells' index: nothing is wrong."""
    text = "\n".join(line for line in TEXT.split("\n") if not line.startswith("商业企业"))
    report = gr.parse(text)
    read = _applications(report)
    for row, values in APPLICATIONS.items():
        for got, want in zip(read[row], values, strict=True):
            assert got is None or got == want, row
    assert read["unavailable.not_held"] != APPLICATIONS["unavailable.not_held"]


#: Section 三 of a made-up 2023 report as ``pdftotext -layout`` prints a browser's PDF of a
#: narrow page: the table's last page (its own columns, the browser's date and title at
#: its top) prints one line of values, （七）总计's ``3`` and ``3`` (商业企业 and 总计 on
#: the header's page, here at offsets of their own).
LAST_PAGE_ONE_LINE = """青石县水务局2023年政府信息公开工作年度报告

三、收到和处理政府信息公开申请情况
                     （本列数据的勾稽        申请人情况
                     关系为：第一项加       法人或其他组织
                     第二项之和，等于 自然
                     第三项加第四项之 人 商业 科研 社会  法律    总计
                        和）       企业 机构 公益 服务 其他
                                       组织 机构
                     一、本年新收政府
                     信息公开申请数量        3           3


                     二、上年结转政府
                     信息公开申请数量

                     三、 （一）予以
                     本年 公开                 3                    3

                     度办 （二）部分
                     理结 公开
file:///tmp/tmpq1/report.html                                             4/6
\f3/9/24, 10:15 AM              青石县水务局2023年政府信息公开工作年度报告_青石县人民政府
                           缴纳
                            费
                           用、
                           行政
                            3.其
                             他
                        （七）总计                          3                          3

                     四、结转下年度继
                       续办理

四、政府信息公开行政复议、行政诉讼情况
"""


def test_one_line_of_cells_shows_no_cell_by_cell_layout() -> None:
    """A table region of one line of values (a page of labels and its last row) shows no
    offsets of a table laid out cell by cell: its two values are not its first two cells
    with the rest blank (自然人 3, 商业企业 3, 总计 claimed blank); left to the rules: the
    page's two offsets are two columns, the rules make the last 总计 (a row's values
    printed in two applicant columns would leave its 总计 blank), and which applicant
    column the first is, none tells, so that cell stays missing."""
    report = gr.parse(LAST_PAGE_ONE_LINE)
    cells = [report.cell(f"applications.total.{c}") for c in ("natural_person", "total")]
    assert [(cell.value, cell.blank) for cell in cells] == [(None, False), (3, False)]


def test_cell_starts_are_each_after_the_widest_cell_and_one_gap() -> None:
    """Offsets 0, 6, 10 with cells up to 4 and 2 wide: two spaces apart each. A gap of two
    gaps hides an empty column (inscriptis gives it no width), at 10 between 6 and 12; a gap
    that is no whole number of the narrowest, or gaps of one space with a wider one (any
    width is a whole number of one), is no such layout."""
    assert cell_starts([[(0, 4), (6, 8), (10, 11)], [(0, 2), (10, 12)]]) == (0, 6, 10)
    assert cell_starts([[(0, 4), (6, 8), (12, 13)]]) == (0, 6, 10, 12)
    assert cell_starts([[(0, 4), (6, 8), (14, 15)], [(10, 12)]]) == (0, 6, 10, 14)
    assert cell_starts([[(0, 4), (6, 8), (11, 12)]]) is None
    assert cell_starts([[(0, 4), (5, 8), (11, 12)]]) is None
    assert cell_starts([[(0, 4), (6, 8)]]) is None


def test_cells_wider_apart_than_a_separator_are_no_layout_by_cell_index() -> None:
    """A page of ``pdftotext -layout`` past a break, its values 18 characters past its
    widest label and the next 54 further: three gaps of 18 would be two empty columns, every
    row's cells there claimed blank. A tool that lays cells out one after another leaves
    its separator after a column's widest cell (inscriptis: two spaces), four at most."""
    wide = [[(14, 22)], [(14, 17), (40, 42), (96, 98)], [(14, 20), (40, 41), (96, 97)]]
    assert cell_starts(wide) is None
    four = [[(14, 22)], [(14, 17), (26, 28), (40, 42)], [(14, 20), (26, 27), (40, 41)]]
    assert cell_starts(four) == (14, 26, 32, 36, 40)


def _inscriptis(rows: list[list[str]], indent: int = 6) -> list[str]:
    """``rows`` as inscriptis lays out an HTML table's rows (its cells, each a list of the
    cell's lines joined by newlines): the ``n``-th cells of all rows in one column as wide
    as their longest line, two spaces apart, each line of a cell at its column's offset; an
    empty cell (``""``) as wide as nothing; ``indent`` spaces of the page's margin."""
    return indexed_lines([[cell.split("\n") for cell in row] for row in rows], indent, 2)


#: Section 三 of a 2019 report of 青石乡人民政府 as inscriptis prints a page saved from Word
#: (typed for this test): 自然人 spans two columns of the header's second row, so its third
#: row begins with an empty cell and 商业企业 stands an offset right; 社会公益组织 and
#: 法律服务机构 print on two lines; 其他 is blank in every row, and 法律服务机构 in every row
#: that prints two label cells, so nothing starts at the seventh offset: the gap after 其他
#: (of the header) is two spaces wider.
_HEADER_ROWS = [
    ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
    ["自然人", "法人或其他组织", "总计"],
    [_, "商业企业", "科研机构", "社会公益\n组织", "法律服务\n机构", "其他"],
]
_LABEL_ROWS = [
    ["一、本年新收政府信息公开申请数量", "55", "6", "1", _, "2", _, "64"],
    ["二、上年结转政府信息公开申请数量", "4", _, _, _, "1", _, "5"],
    ["三、本年度办理结果", "（一）予以公开", "30", "3", _, _, _, _, "33"],
    ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "5", "1", _, _, _, _, "6"],
    ["（三）不予公开", "1.属于国家秘密"],
    ["2.其他法律行政法规禁止公开"],
    ["3.危及“三安全一稳定”"],
    ["4.保护第三方合法权益", "2", _, _, _, _, _, "2"],
    ["5.属于三类内部事务信息"],
    ["6.属于四类过程性信息"],
    ["7.属于行政执法案卷"],
    ["8.属于行政查询事项"],
    ["（四）无法提供", "1.本机关不掌握相关政府信息", "9", "1", _, _, _, _, "10"],
    ["2.没有现成信息需要另行制作", "3", _, _, _, "2", _, "5"],
    ["3.补正后申请内容仍不明确"],
    ["（五）不予处理", "1.信访举报投诉类申请", "4", _, _, _, _, _, "4"],
    ["2.重复申请", "1", _, _, _, _, _, "1"],
    ["3.要求提供公开出版物"],
    ["4.无正当理由大量反复申请"],
    ["5.要求行政机关确认或重新出具已获取信息"],
    ["（六）其他处理", "3", _, "1", _, "1", _, "5"],
    ["（七）总计", "57", "5", "1", _, "3", _, "66"],
    ["四、结转下年度继续办理", "2", "1", _, _, _, _, "3"],
]
WORD_APPLICATIONS = _inscriptis([*_HEADER_ROWS, *_LABEL_ROWS])
#: Section 四 likewise, 行政诉讼's 复议后起诉 printing 结果维持, 尚未审结 and 总计 alone: the
#: offsets past the header's words are those of its values, two empty columns between them.
_APPEAL_HEADER = [
    ["行政复议", "行政诉讼"],
    ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"],
    ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2,
]
WORD_APPEALS = _inscriptis(
    [*_APPEAL_HEADER, ["2", "1", _, _, "3", _, _, _, _, _, "1", _, _, "1", "2"]]
)
WORD_TEXT = "\n".join(
    [
        "青石乡人民政府2020年政府信息公开工作年度报告",
        "",
        "  一、总体情况",
        "",
        "  2020年，青石乡认真落实政府信息公开工作要求。",
        "",
        "  三、收到和处理政府信息公开申请情况",
        "",
        *WORD_APPLICATIONS,
        "",
        "  四、政府信息公开行政复议、行政诉讼情况",
        "",
        *WORD_APPEALS,
        "",
        "  五、存在的主要问题及改进情况",
        "",
        "  无。",
        "",
        "  青石乡人民政府",
        "  2021年1月18日",
    ]
)
#: The rows of ``WORD_TEXT``'s section 三 that print a value, as typed (None: blank).
WORD_ROWS = {
    "new": (55, 6, 1, None, 2, None, 64),
    "carried_over": (4, None, None, None, 1, None, 5),
    "granted": (30, 3, None, None, None, None, 33),
    "partially_granted": (5, 1, None, None, None, None, 6),
    "denied.third_party_rights": (2, None, None, None, None, None, 2),
    "unavailable.not_held": (9, 1, None, None, None, None, 10),
    "unavailable.needs_creation": (3, None, None, None, 2, None, 5),
    "not_processed.petition_complaint": (4, None, None, None, None, None, 4),
    "not_processed.repeated": (1, None, None, None, None, None, 1),
    "other": (3, None, 1, None, 1, None, 5),
    "total": (57, 5, 1, None, 3, None, 66),
    "carried_forward": (2, 1, None, None, None, None, 3),
}


def test_empty_columns_a_header_line_past_the_first_offset_and_wrapped_words() -> None:
    """A 2019 report: every row of 三 is read at its cells' index, the seventh offset,
    where nothing prints, counted from its gap (before, the table was left to the reading
    by columns and its 84 cells missing); 四's 复议后起诉 values past the header's words at
    their offsets, the two between them blank."""
    report = gr.parse(WORD_TEXT)
    assert report.template == "2019"
    read = {
        row: tuple(_printed(report.cell(f"applications.{row}.{column}")) for column in COLUMNS)
        for row in WORD_ROWS
    }
    assert read == WORD_ROWS
    blank = report.cell("applications.denied.state_secret.total")
    assert _printed(blank) is None
    appeals = [field.key for field in gr.fields("2019") if field.section == "appeals"]
    assert [_printed(report.cell(key)) for key in appeals] == [
        2,
        1,
        None,
        None,
        3,
        None,
        None,
        None,
        None,
        None,
        1,
        None,
        None,
        1,
        2,
    ]


def test_section_four_read_where_section_three_prints_no_number() -> None:
    """A body that had no application prints section 三's labels alone, so the text shows
    fewer tables than the template's and its lines are cut again at the template's
    landmarks (``rebreak``): 四's first line, cut at 行政复议, keeps its indent (before, it
    lost it, its offset 0 stood left of the others' and every value was read a column
    right, so the row was refused), and its row, printing nothing past 行政复议's 总计,
    is read as a grid shorter than its fifteen cells (before, only a grid of fifteen)."""
    blank = [row[:1] if len(row) == 8 else row[:2] for row in _LABEL_ROWS]
    text = WORD_TEXT.replace(
        "\n".join(WORD_APPLICATIONS), "\n".join(_inscriptis([*_HEADER_ROWS, *blank]))
    ).replace(
        "\n".join(WORD_APPEALS),
        "\n".join(_inscriptis([*_APPEAL_HEADER, ["7", _, "2", "1", "10"]])),
    )
    report = gr.parse(text)
    appeals = [field.key for field in gr.fields("2019") if field.section == "appeals"]
    assert [_printed(report.cell(key)) for key in appeals] == [7, None, 2, 1, 10] + [None] * 10


def test_section_four_printing_only_its_last_five_cells_is_read_past_its_header() -> None:
    """Only 复议后起诉 prints values, all five: they stand alone past the header's words, two
    spaces apart, as if one separator joined them (before, read as such, their blank cells
    untraced, and the five cells missing); the header pads its words as columns do
    (``结果维持      结果纠正``), and the values' offsets continue its own."""
    text = WORD_TEXT.replace(
        "\n".join(WORD_APPEALS),
        "\n".join(_inscriptis([*_APPEAL_HEADER, [*[_] * 10, "4", "2", "1", "1", "8"]])),
    )
    assert "            4  2  1  1  8" in text
    report = gr.parse(text)
    appeals = [field.key for field in gr.fields("2019") if field.section == "appeals"]
    assert [_printed(report.cell(key)) for key in appeals] == [None] * 10 + [4, 2, 1, 1, 8]
