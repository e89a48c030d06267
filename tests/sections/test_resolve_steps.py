"""The small steps a glued value's readings are built from (``rows.glued``,
``resolve._glued``): the cuts of a value that may be two glued by a lost separator, and a
row's values against its own rules."""

from __future__ import annotations

from govinfo_report.tables.rules import hold
from govinfo_report.tables.sections.rows import splits


def test_a_value_cuts_into_two_numbers_neither_with_a_leading_zero() -> None:
    assert list(splits("105")) == [(2, "10", "5")]  # 1|05 has a leading 0
    assert list(splits("11")) == [(1, "1", "1")]
    assert list(splits("0")) == []
    assert list(splits("1a")) == []  # not digits: never cut


def test_a_row_holds_where_every_sum_does() -> None:
    # 总计 (position 2) = the other two
    assert hold([2, 3, 5], [([2], [0, 1])])
    assert not hold([2, 3, 6], [([2], [0, 1])])
    assert hold([2, 3, 5], [])
