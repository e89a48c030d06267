"""lynx's text of a page whose tables are too wide for it (``lynx -dump``, any width): each cell
a paragraph of its own, centred, followed by one empty line; an empty cell (``&nbsp;``) one
empty line more, the paragraph after it set off its centred place; the paragraph after the
table takes no empty line of its own, so the empty lines after the table's last value are
its separator and one for each empty cell up to the next heading. Sections 二 and 四 are
read by those lines where every row holds exactly its cells (四: where its 总计s hold too);
a line too many or too few, or a value moved to another group, leaves the cells missing.
The texts are typed for these tests, as lynx writes them."""

from __future__ import annotations

from decimal import Decimal

import govinfo_report as gr

#: The columns lynx centres a paragraph in (``-width=80``).
WIDTH = 76
#: How far lynx sets the paragraph after an empty one left of its centred place.
ASKEW = 4


def _paragraphs(*cells: str) -> list[str]:
    """``cells`` as lynx writes a table one cell a paragraph (``_``: an empty cell)."""
    lines: list[str] = []
    askew = 0
    for cell in cells:
        if cell == "_":
            lines.append("")
            askew = ASKEW
            continue
        lines.extend((cell.center(WIDTH).rstrip()[askew:], ""))
        askew = 0
    return lines


HEADER_2 = ("信息内容", "本年", "制发件数", "本年", "废止件数", "现行有效件数")
HEADER_4 = (
    "行政复议",
    "行政诉讼",
    *("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"),
    "未经复议直接起诉",
    "复议后起诉",
    *("结果维持", "结果纠正", "其他结果", "尚未审结", "总计") * 2,
)
#: Section 二 of a 2021 report: 规章 2, blank, 15; 行政规范性文件 blank, 3, 27; 行政处罚 blank.
PROACTIVE = (
    "第二十条第（一）项",
    *HEADER_2,
    *("规章", "2", "_", "15"),
    *("行政规范性文件", "_", "3", "27"),
    *("第二十条第（五）项", "信息内容", "本年处理决定数量", "行政许可", "86件"),
    *("第二十条第（六）项", "信息内容", "本年处理决定数量", "行政处罚", "_", "行政强制", "9件"),
    *("第二十条第（八）项", "信息内容", "本年收费金额", "（单位：万元）", "行政事业性收费", "3.5"),
)
#: Section 四: 复议 3, blank, 1, blank, 4; 直接起诉 blank ×3, 2, 2; 复议后起诉 blank, up to 五、.
APPEALS = (*HEADER_4, "3", "_", "1", "_", "4", "_", "_", "_", "2", "2", *["_"] * 5)


def _page(proactive: list[str], appeals: list[str]) -> str:
    """A 2021 report as lynx writes the page, with sections 二 and 四's lines given."""
    return "\n".join(
        [
            "   青山县林业局2022年政府信息公开工作年度报告",
            "",
            "   一、总体情况",
            "",
            "   2022年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开工作。",
            "",
            "   二、主动公开政府信息情况",
            "",
            *proactive,
            "   三、收到和处理政府信息公开申请情况",
            "",
            "   本年度未收到政府信息公开申请。",
            "",
            "   四、政府信息公开行政复议、行政诉讼情况",
            "",
            *appeals,
            "   五、存在的主要问题及改进情况",
            "",
            "   信息公开的及时性有待提高。",
            "",
            "   六、其他需要报告的事项",
            "",
            "   无。",
            "",
        ]
    )


def _cells(report: gr.Report, section: str) -> dict[str, tuple[object, str]]:
    """Section ``section``'s cells: value and provenance, a blank cell read as 0 (derived from
    its group's 总计) counted as blank."""
    cells = {}
    for field in gr.fields("2021"):
        if field.section == section:
            cell = report.cell(field.key)
            blank = (cell.value, cell.provenance) == (0, "derived")
            cells[field.key.partition(".")[2]] = (
                (None, "blank")
                if blank
                else (
                    cell.value,
                    cell.provenance,
                )
            )
    return cells


def test_blank_cells_of_sections_two_and_four_are_read() -> None:
    back = gr.parse(_page(_paragraphs(*PROACTIVE), _paragraphs(*APPEALS)))
    assert back.template == "2021"
    assert _cells(back, "proactive") == {
        "rules.issued": (2, "parsed"),
        "rules.repealed": (None, "blank"),
        "rules.in_force": (15, "parsed"),
        "normative_documents.issued": (None, "blank"),
        "normative_documents.repealed": (3, "parsed"),
        "normative_documents.in_force": (27, "parsed"),
        "licensing.decisions": (86, "parsed"),
        "penalties.decisions": (None, "blank"),
        "coercive_measures.decisions": (9, "parsed"),
        "fees.amount": (Decimal("3.5"), "parsed"),
    }
    blank = (None, "blank")
    assert _cells(back, "appeals") == {
        "review.upheld": (3, "parsed"),
        "review.corrected": blank,
        "review.other": (1, "parsed"),
        "review.pending": blank,
        "review.total": (4, "parsed"),
        "litigation_direct.upheld": blank,
        "litigation_direct.corrected": blank,
        "litigation_direct.other": blank,
        "litigation_direct.pending": (2, "parsed"),
        "litigation_direct.total": (2, "parsed"),
        **{
            f"litigation_after_review.{outcome}": blank
            for outcome in ("upheld", "corrected", "other", "pending", "total")
        },
    }


def _without_line(lines: list[str], after: str, skip: int = 0) -> list[str]:
    """``lines`` less the empty line right after the ``skip``-th line that reads ``after``."""
    at = [n for n, line in enumerate(lines) if line.strip() == after][skip] + 1
    assert not lines[at]
    return [*lines[:at], *lines[at + 1 :]]


def test_a_row_of_section_two_a_line_short_leaves_its_blank_cells_unread() -> None:
    """规章's blank cell lost (``2`` / ``15`` one line apart, as lynx prints an empty ``<td>``):
    the row holds two cells of three, so no row of the section is read by its lines, and
    no cell is claimed blank."""
    proactive = _without_line(_paragraphs(*PROACTIVE), "2")
    back = gr.parse(_page(proactive, _paragraphs(*APPEALS)))
    cells = _cells(back, "proactive")
    assert {key: cell for key, cell in cells.items() if cell[1] == "blank"} == {
        "penalties.decisions": (None, "blank")  # a row of one cell, its label's line alone
    }
    assert cells["rules.repealed"] == (None, "missing")
    assert cells["normative_documents.issued"] == (None, "missing")
    assert cells["licensing.decisions"] == (86, "parsed")


def test_a_value_of_section_four_moved_to_another_group_leaves_it_missing() -> None:
    """A line taken out of 行政复议 (after its ``3``) and one put in before 直接起诉's ``2``:
    fifteen cells still, but 复议 would read 3, 1, blank, 4 and a blank 总计, which does not
    hold, so the row is not read by its lines: its five values for fifteen cells are
    placed nowhere, and no cell is claimed blank."""
    lines = _without_line(_paragraphs(*APPEALS), "3")
    at = next(n for n, line in enumerate(lines) if line.strip() == "2")
    lines = [*lines[:at], "", *lines[at:]]
    back = gr.parse(_page(_paragraphs(*PROACTIVE), lines))
    assert set(_cells(back, "appeals").values()) == {(None, "missing")}


def test_the_empty_lines_after_the_last_value_tell_two_rhythms_apart() -> None:
    """Each run of empty cells between 四's values is two (``9`` / three empty lines /
    ``3``), which fits one line an empty cell and, as docx2txt writes them, two lines (one
    empty cell). Read two lines an empty cell, the row is cut short at its last value;
    read one line an empty cell, the empty lines after it up to 五's heading (its
    separator, then one for each of the last group's empty cells) end it, every cell in
    place and its 总计s holding: that reading is kept (main left both tables missing).
    Section 二 prints every cell, so no table of the page shows the rhythm otherwise."""
    blank = (None, "blank")
    proactive = [cell if cell != "_" else "1" for cell in PROACTIVE]
    for appeals, cells in (
        (
            ("6", "1", "_", "_", "7", "4", "1", "_", "_", "5", *["_"] * 5),
            {
                "review.upheld": (6, "parsed"),
                "review.corrected": (1, "parsed"),
                "review.total": (7, "parsed"),
                "litigation_direct.upheld": (4, "parsed"),
                "litigation_direct.corrected": (1, "parsed"),
                "litigation_direct.total": (5, "parsed"),
            },
        ),
        (
            ("9", "_", "_", "3", "12", *["_"] * 10),
            {
                "review.upheld": (9, "parsed"),
                "review.pending": (3, "parsed"),
                "review.total": (12, "parsed"),
            },
        ),
    ):
        back = gr.parse(_page(_paragraphs(*proactive), _paragraphs(*HEADER_4, *appeals)))
        read = _cells(back, "appeals")
        assert {key: cell for key, cell in read.items() if cell != blank} == cells
