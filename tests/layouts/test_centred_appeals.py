"""Section 四's one row as ``pdftotext -layout`` prints a browser's PDF in a proportional
font (issue 45 item 1): its zeros left blank, so the row prints a few values for fifteen
cells, each centred in its cell and so a character or two off the header's words. Which
group and column a value belongs to is shown only by the header word it stands under."""

from __future__ import annotations

from conftest import APPEAL_OUTCOMES, appeals_read, report_around

#: Section 四 of a made-up 2021 report so printed (typed for these tests): 行政复议 3 维持 and
#: 1 尚未审结 of 4, 未经复议直接起诉 2 维持 of 2, 复议后起诉 1 其他结果 of 1, every other cell
#: blank. The 1 of 尚未审结 ends a character right of ``审结``, each 总计 a character or two
#: right of its ``总计``: no columns hold every value and the header's words both.
SECTION = """四、政府信息公开行政复议、行政诉讼情况

         行政复议                                行政诉讼
                               未经复议直接起诉               复议后起诉
  结果 结果 其他 尚未         结果 结果 其他 尚未         结果 结果 其他 尚未
                       总计                        总计                        总计
  维持 纠正 结果 审结         维持 纠正 结果 审结         维持 纠正 结果 审结

     3               1     4     2                     2              1            1
"""

VALUES = "     3               1     4     2                     2              1            1"


#: What the row prints, by group (``None``: printed blank).
PRINTED = {
    "review": (3, None, None, 1, 4),
    "litigation_direct": (2, None, None, None, 2),
    "litigation_after_review": (None, None, 1, None, 1),
}


def test_a_sparse_row_is_read_by_the_header_words_its_values_stand_under() -> None:
    """Each value overlaps one column's word (a character of slack): every printed value
    is read in its column, and the blank cells are 0 as each group's 总计 derives them."""
    report = report_around(SECTION)
    for group, values in PRINTED.items():
        for outcome, value in zip(APPEAL_OUTCOMES, values, strict=True):
            cell = report.cell(f"appeals.{group}.{outcome}")
            assert cell.value == (value or 0), (group, outcome)
            assert cell.provenance == ("parsed" if value else "derived"), (group, outcome)


def test_a_value_two_columns_fit_stays_missing() -> None:
    """复议后起诉's 1 two characters right, ending where ``尚未`` starts: 其他结果's or
    尚未审结's, and its 总计 holds either way. Those two cells are missing, said; none is
    wrong, and the other groups are read."""
    moved = VALUES.replace("2              1            1", "2                1          1")
    report = report_around(SECTION.replace(VALUES, moved))
    read = appeals_read(report)
    assert read["review"] == (3, 0, 0, 1, 4)
    assert read["litigation_direct"] == (2, 0, 0, 0, 2)
    assert read["litigation_after_review"] == (0, 0, None, None, 1)
    said = {key for d in report.diagnostics if d.code == "values-unplaced" for key in d.keys}
    assert {
        "appeals.litigation_after_review.other",
        "appeals.litigation_after_review.pending",
    } <= said


def test_values_on_a_page_of_their_own_are_not_placed_by_the_header() -> None:
    """The row past a page break: ``pdftotext -layout`` lays out each page on its own, so
    the header's words place no value there. The section's cells are missing, said; none is
    wrong."""
    report = report_around(SECTION.replace(VALUES, "\f" + VALUES))
    for group, values in appeals_read(report).items():
        for got, want in zip(values, PRINTED[group], strict=True):
            assert got in (None, want or 0), group
    assert any(d.code == "values-unplaced" for d in report.diagnostics)


#: 未经复议直接起诉 prints no value at all: its five cells blank, each value of the other
#: two groups where ``VALUES`` prints it.
NO_DIRECT = "     3               1     4" + " " * 42 + "1            1"


def test_a_group_that_prints_no_value_is_read_as_printed_blank() -> None:
    """Every value stands under one column's word only and each group's 总计 holds: the
    text shows a blank cell by space, so the five cells of 未经复议直接起诉, under which
    nothing stands, are printed blank (not missing, and no rule makes them 0); the other
    groups are read, their blanks 0 by their 总计."""
    assert len(NO_DIRECT) == len(VALUES)
    report = report_around(SECTION.replace(VALUES, NO_DIRECT))
    assert appeals_read(report) == {
        "review": (3, 0, 0, 1, 4),
        "litigation_direct": (None,) * 5,
        "litigation_after_review": (0, 0, 1, 0, 1),
    }
    for outcome in APPEAL_OUTCOMES:
        assert report.cell(f"appeals.litigation_direct.{outcome}").provenance == "blank"
    assert not [d for d in report.diagnostics if d.code == "values-unplaced"]


def test_a_blank_group_beside_a_value_two_columns_fit_is_said_so() -> None:
    """复议后起诉's 1 fits 其他结果's column or 尚未审结's: the row is placed by the rules,
    those two cells stay missing, and so do the five of the group under which no value
    stands, said so (not as a placement the rules leave open). None is wrong."""
    moved = NO_DIRECT.replace("1            1", "  1          1")
    report = report_around(SECTION.replace(VALUES, moved))
    read = appeals_read(report)
    assert read["review"] == (3, 0, 0, 1, 4)
    assert read["litigation_direct"] == (None,) * 5
    assert read["litigation_after_review"] == (0, 0, None, None, 1)
    (said,) = [d for d in report.diagnostics if d.code == "values-unplaced"]
    direct = tuple(f"appeals.litigation_direct.{outcome}" for outcome in APPEAL_OUTCOMES)
    assert set(direct) <= set(said.keys)
    assert "no value stands under the columns of " + ", ".join(direct) in said.message


def test_a_row_whose_total_breaks_is_not_read_blank_around_its_values() -> None:
    """Each value under one column's word, but 行政复议's 总计 5 is not 3 + 1: the row is
    not taken as laid out (a value may be where no word shows it), and 未经复议直接起诉 is
    never read blank; no number is wrong."""
    report = report_around(SECTION.replace(VALUES, NO_DIRECT.replace("4", "5")))
    read = appeals_read(report)
    assert read["litigation_direct"] == (None,) * 5
    assert all(
        report.cell(f"appeals.litigation_direct.{outcome}").provenance == "missing"
        for outcome in APPEAL_OUTCOMES
    )
    for got, want in zip(read["review"], (3, 0, 0, 1, 5), strict=True):
        assert got in (None, want)
