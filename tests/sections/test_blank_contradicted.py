"""A row read printed blank because its label stands with no value, whose cells the rules
make other numbers than 0 (``resolve._Work._not_blank``): missing and said, never blank.

The real page is the `pdftotext -layout` text of 淮安市's 2024 report (its PDF by Word), where
``5.要求行政机关确认或重新出`` / ``具已获取信息`` prints ``1 0 0 0 0 0 1`` between its
label's two lines. A PDF's page may flow another table's lines among these (the page damage
``interleaved`` of ``tests/page_damage.py``), or a tool may drop the line: the label then
stands alone, and the rows' lines (``label_lines``) read the row printed blank, a claim the
column rules refute (自然人 and 总计 add up only with 1 there)."""

from __future__ import annotations

from pathlib import Path

import govinfo_report as gr

PAGE = (
    Path(__file__).parents[1]
    / "fixtures"
    / "realworld"
    / "renderings"
    / "ot-jiangsu-huaian-city-2024"
    / "pdftotext-layout.txt"
)
ROW = "applications.not_processed.confirmation"
#: The row's label's first line, its value line (``1  0 … 1``) right after it.
LABEL = "5.要求行政机关确认或重新出\n"
#: Section 四's one line of values starts so.
APPEALS = "72   64    178"
OTHERS = (
    "commercial_enterprise",
    "research_institution",
    "public_interest_organisation",
    "legal_service_agency",
    "other_organisation",
)


def _page() -> tuple[str, str, str]:
    """The page, the row's value line and section 四's value line."""
    text = PAGE.read_text(encoding="utf-8")
    values = text[text.index(LABEL) + len(LABEL) :].partition("\n")[0] + "\n"
    appeals = text[text.index(APPEALS) :].partition("\n")[0] + "\n"
    assert values.split() == ["1", "0", "0", "0", "0", "0", "1"]
    assert text.count(values) == 1 and text.count(appeals) == 1
    return text, values, appeals


def test_the_page_as_printed_reads_the_row() -> None:
    back = gr.parse(_page()[0])
    assert back.cell(f"{ROW}.natural_person").value == 1
    assert back.cell(f"{ROW}.total").value == 1
    assert not [d for d in back.diagnostics if d.code == "blank-contradicted"]


def _refuted(back: gr.Report) -> None:
    """The row's 自然人 and 总计 missing and said; its other cells 0, as printed."""
    for column in ("natural_person", "total"):
        cell = back.cell(f"{ROW}.{column}")
        assert cell.provenance == "missing", column
        assert not cell.blank, column
    for column in OTHERS:
        assert back.cell(f"{ROW}.{column}").value in (0, None), column
    said = [d for d in back.diagnostics if d.code == "blank-contradicted"]
    assert len(said) == 1
    assert set(said[0].keys) == {f"{ROW}.natural_person", f"{ROW}.total"}
    assert "要求行政机关确认或重新出具已获取信息 自然人 1" in said[0].message
    # what the check took as 0 besides them: a "—" may hold the number as well (stop 112)
    assert "(not read, or printed not given) taken as 0" in said[0].message


def test_a_row_whose_value_line_moved_into_another_table_is_not_claimed_blank() -> None:
    """The line moved after section 四's values (stop 104's main: the row printed blank,
    a blank claimed where 1 is printed)."""
    text, values, appeals = _page()
    text = text.replace(values, "").replace(appeals, appeals + values)
    _refuted(gr.parse(text))


def test_a_row_whose_value_line_is_lost_is_not_claimed_blank() -> None:
    text, values, _ = _page()
    _refuted(gr.parse(text.replace(values, "")))


def test_a_row_of_zeros_lost_is_read_blank_where_the_rules_agree() -> None:
    """The same row printing zeros (its column totals one less), its line lost: the rules
    make each cell 0, so the row stays read as printed, nothing said."""
    text, values, _ = _page()
    start = text.index("（七）总计")
    total = text[start:].partition("\n")[0]
    assert total.split() == ["（七）总计", "2932", "53", "0", "0", "61", "4", "3050"]
    zeros = total.replace("2932", "2931").replace("3050", "3049")
    text = text.replace(values, "").replace(total, zeros)
    back = gr.parse(text)
    for column in ("natural_person", "total", *OTHERS):
        cell = back.cell(f"{ROW}.{column}")
        assert cell.value in (0, None) and cell.provenance in ("blank", "derived"), column
    assert not [d for d in back.diagnostics if d.code == "blank-contradicted"]


#: 平潭's 2022 report, `pdftotext -layout` of its PDF: section 三's rows （六）1 and 2.
PINGTAN = PAGE.parents[1] / "pt-2022-pingtan" / "pdftotext-layout.txt"
NO_CORRECTION = "applications.other.no_correction"
UNPAID_FEE = "applications.other.unpaid_fee"


def test_two_rows_whose_value_lines_are_lost_are_not_both_claimed_blank() -> None:
    """Both rows of （六） lose their value lines (``2 0 … 2`` and ``0 … 0``, the second
    beside the group label's piece ``处理``, which stays): each prints no value on its
    label's lines. The rules do not settle either alone (自然人's total leaves 2 for the
    two), but both blank breaks it: neither is claimed blank, which one holds the 2 is
    not shown. The columns whose totals leave 0 are 0."""
    text = PINGTAN.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if "1.申请⼈⽆正当理由逾期不补正" in line)
    assert lines[at + 1].split() == ["2", "0", "0", "0", "0", "0", "2"]
    assert lines[at + 5].split() == ["处理", "0", "0", "0", "0", "0", "0", "0"]
    lines[at + 5] = lines[at + 5][: lines[at + 5].index("处理") + 2] + "\n"
    del lines[at + 1]
    back = gr.parse("".join(lines))
    for row in (NO_CORRECTION, UNPAID_FEE):
        for column in ("natural_person", "total"):
            cell = back.cell(f"{row}.{column}")
            assert cell.provenance == "missing" and not cell.blank, (row, column)
        for column in OTHERS:
            assert back.cell(f"{row}.{column}").value == 0, (row, column)
    said = [d for d in back.diagnostics if d.code == "blank-contradicted"]
    assert len(said) == 1
    assert set(said[0].keys) == {
        f"{row}.{column}"
        for row in (NO_CORRECTION, UNPAID_FEE)
        for column in ("natural_person", "total")
    }


#: 平潭's 2022 report as Word's PDF prints it (``pdftotext -layout``): section 三's row （二）.
PINGTAN_WORD = PINGTAN.with_name("word-pdftotext-layout.txt")
PARTIALLY = "applications.partially_granted"


def test_a_row_whose_value_line_moved_beside_a_row_not_read_is_not_claimed_blank() -> None:
    """（二）部分公开's value line (``8 1 0 … 9``) moved after section 四's: its label stands
    alone, and the lines the move shifted leave （三）3's values to no row (its row is
    missing, said). 自然人's total leaves 8 for the two rows; the rules do not say which holds
    it, so neither is claimed blank (stop 110's main: （二） printed blank, 8 and 9 lost in
    silence)."""
    text = PINGTAN_WORD.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.split() == [*"8100009"])
    appeals = next(i for i, line in enumerate(lines) if line.startswith("0   1    1   0"))
    lines.insert(appeals + 1, lines.pop(at))
    back = gr.parse("".join(lines))
    for column in ("natural_person", "commercial_enterprise", "total"):
        cell = back.cell(f"{PARTIALLY}.{column}")
        assert cell.provenance == "missing" and not cell.blank, column
    said = [d for d in back.diagnostics if d.code == "blank-contradicted"]
    assert len(said) == 1
    assert {f"{PARTIALLY}.natural_person", f"{PARTIALLY}.total"} <= set(said[0].keys)
    missing = [d for d in back.diagnostics if d.code == "row-missing"]
    assert any("危及“三安全一稳定”" in d.message for d in missing)


#: 平潭's 2019 市场监督管理局 report as Word's PDF prints it (``pdftotext -layout``).
SCJGJ_WORD = PAGE.parents[1] / "pt-2019-scjgj" / "word-pdftotext-layout.txt"
PETITION = "applications.not_processed.petition_complaint"


def test_a_label_alone_in_space_aligned_text_beside_a_row_not_read_is_not_claimed_blank() -> None:
    """Section 二's four value rows flowed among section 三's (the page damage
    ``interleaved``): one lands between （五）1's value line (``0 … 0``, printed above its
    label) and the label, which then stands alone, read as a row of blank gaps at one place;
    another joins （五）2's line (``1 0 … 1``), whose row is then not read (``extra-values``).
    自然人's total leaves 1 for the two: neither is claimed blank (stop 110's main: （五）1
    printed blank, a blank claimed where 0 is printed, the 1 left to a row not read)."""
    lines = SCJGJ_WORD.read_text(encoding="utf-8").splitlines(keepends=True)

    def at(start: str) -> int:
        return next(i for i, line in enumerate(lines) if line.lstrip().startswith(start))

    assert lines[at("年 ")].split() == ["年", *"0000000"]
    moves = (
        ("行政许可", "年 "),
        ("其他对外", "度 "),
        ("行政处罚", "（五）不"),
        ("行政强制", "办 "),
    )
    for row, after in moves:
        line = lines.pop(at(row))
        lines.insert(at(after) + 1, line)
    back = gr.parse("".join(lines))
    for column in ("natural_person", "total"):
        cell = back.cell(f"{PETITION}.{column}")
        assert cell.provenance == "missing" and not cell.blank, column
    said = [d for d in back.diagnostics if d.code == "blank-contradicted"]
    assert len(said) == 1
    assert set(said[0].keys) == {f"{PETITION}.natural_person", f"{PETITION}.total"}
    unread = [d for d in back.diagnostics if d.code == "extra-values"]
    assert any(d.message.startswith("重复申请") for d in unread)
