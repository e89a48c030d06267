"""A table read by blocks (``tables.blocks``): the fillings of a band of rows, worked out
once per values printed and rules (``_band_fills``), are each band's own wherever it
stands in the table; a search of values whose first rows are the last search's takes on
from it and reads what a search from nothing reads; a search that cannot end with a reading
is refused before it fills the bands. Two values are apart where a line between them prints
no label (``_apart``)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from govinfo_report.tables.blocks import (
    BLANK,
    MAX_CUT_BAND,
    Order,
    _apart,
    _band_fills,
    _blank_row,
    _Grid,
    _orders,
)
from govinfo_report.tables.rules import Rule

from conftest import scaled


def _numbers(size: int) -> st.SearchStrategy[list[int]]:
    """``size`` small counts, now and then a cell printed not given (``BLANK``)."""
    return st.lists(st.one_of(st.integers(0, 6), st.just(BLANK)), min_size=size, max_size=size)


def _grid(rows: int) -> _Grid:
    """``rows`` rows of three cells, each row's first cell the sum of the other two."""
    cells = [[3 * row, 3 * row + 1, 3 * row + 2] for row in range(rows)]
    return _Grid(cells, [Rule(f"r{at}", "", (a,), (b, c)) for at, (a, b, c) in enumerate(cells)])


def test_a_row_is_filled_as_printed_where_its_rule_holds() -> None:
    grid = _grid(2)
    assert grid._fills([5, 3, 2, 9, 4, 5], 0, 1) == [(0, 1, 2)]
    assert grid._fills([5, 3, 2, 9, 4, 5], 1, 1) == [(3, 4, 5)]
    assert grid._fills([5, 3, 3, 9, 4, 5], 0, 1) == []  # 5 != 3 + 3


def test_a_band_of_two_rows_is_filled_by_the_orders_whose_rows_add_up() -> None:
    # 5 3 | 9 4 | 2 5: the band's first two columns row by row (5 3, 9 4), then its last
    # column (2, 5): 5 = 3 + 2 and 9 = 4 + 5. Read column by column (5 9 3 4 2 5) or with
    # the last columns cut off (5 9 3 2 4 5) the first row would be 5 = 9 + ..., which fails.
    grid = _grid(2)
    assert grid._fills([5, 3, 9, 4, 2, 5], 0, 2) == [(0, 1, 4, 2, 3, 5)]


def test_a_band_of_the_same_values_is_filled_alike_further_down_the_table() -> None:
    grid = _grid(4)
    numbers = [5, 3, 9, 4, 2, 5] * 2
    assert grid._fills(numbers, 0, 2) == [(0, 1, 4, 2, 3, 5)]
    assert grid._fills(numbers, 2, 2) == [(6, 7, 10, 8, 9, 11)]


def test_a_band_of_zeros_has_one_filling() -> None:
    # every order prints the same zeros: the first order (the first two columns row by
    # row, then the last) stands for them all
    assert _grid(2)._fills([0] * 6, 0, 2) == [(0, 1, 4, 2, 3, 5)]


def test_a_search_takes_on_from_the_last_one_where_its_first_rows_are_alike() -> None:
    # two rows of parts and their totals (each row's first cell the sum of the other two,
    # each total the sum of the parts above it); the second text prints the last two rows
    # column by column (4 9 | 1 4 | 3 5), and is read as a search from nothing reads it
    cells = [[0, 1, 2], [3, 4, 5], [6, 7, 8]]
    rules = [Rule(f"r{at}", "", (a,), (b, c)) for at, (a, b, c) in enumerate(cells)]
    rules += [Rule(f"c{k}", "", (6 + k,), (k, 3 + k)) for k in range(3)]
    grid = _Grid(cells, rules)
    assert grid.readings([5, 3, 2, 4, 1, 3, 9, 4, 5]) == ((0, 1, 2), (3, 4, 5), (6, 7, 8))
    second = [5, 3, 2, 4, 9, 1, 4, 3, 5]
    assert grid._resumed(second)[2] == 1  # the first row alike
    assert grid.readings(second) == ((0, 1, 2), (3, 5, 7), (4, 6, 8))
    assert _Grid(cells, rules).readings(second) == grid.readings(second)


def test_a_search_whose_last_values_fit_no_band_is_refused_after_a_band_a_height(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # twelve rows of 5 = 3 + 2, then 50 1 1: 50 is no sum of two values of any band it may
    # stand in, nor a part of one, so no band holding the last row fills; the bands ending
    # there, one a height, are all that is filled before the search is refused
    grid = _grid(13)
    filled = []
    fills = _Grid._fills

    def counted(self: _Grid, numbers: Sequence[int], at: int, height: int) -> list[Order]:
        filled.append((at, height))
        return fills(self, numbers, at, height)

    monkeypatch.setattr(_Grid, "_fills", counted)
    assert grid.readings([5, 3, 2] * 12 + [50, 1, 1]) is None
    assert filled == [(13 - height, height) for height in range(1, MAX_CUT_BAND + 1)]


def _rows_and_totals(rows: int) -> _Grid:
    """``rows`` rows of three cells, each row's first cell the sum of the other two, and a
    last row of the columns' totals."""
    cells = [[3 * row, 3 * row + 1, 3 * row + 2] for row in range(rows + 1)]
    rules = [Rule(f"r{at}", "", (a,), (b, c)) for at, (a, b, c) in enumerate(cells)]
    rules += [Rule(f"c{k}", "", (3 * rows + k,), tuple(range(k, 3 * rows, 3))) for k in range(3)]
    return _Grid(cells, rules)


@st.composite
def _printed(draw: st.DrawFn) -> tuple[int, list[int]]:
    """A table of ``_rows_and_totals`` whose rules hold, a band of it printed in one of its
    orders, some cells printed not given and now and then one value changed."""
    rows = draw(st.integers(1, 4))
    parts = [draw(st.tuples(st.integers(0, 5), st.integers(0, 5))) for _ in range(rows)]
    table = [(b + c, b, c) for b, c in parts]
    table.append(tuple(sum(column) for column in zip(*table, strict=True)))
    numbers = [value for row in table for value in row]
    at = draw(st.integers(0, rows))
    height = draw(st.integers(1, rows + 1 - at))
    order = draw(st.sampled_from(_orders(height, 3)))
    band = numbers[3 * at : 3 * (at + height)]
    numbers[3 * at : 3 * (at + height)] = [band[place] for place in order]
    for place in draw(st.lists(st.integers(0, len(numbers) - 1), max_size=2)):
        numbers[place] = BLANK
    if draw(st.booleans()):
        numbers[draw(st.integers(0, len(numbers) - 1))] = draw(st.integers(0, 6))
    return rows, numbers


@scaled(8)
@given(
    st.one_of(
        _printed(),
        st.integers(1, 4).flatmap(lambda rows: st.tuples(st.just(rows), _numbers(3 * rows + 3))),
    )
)
def test_a_search_is_refused_only_where_it_would_end_with_no_reading(
    drawn: tuple[int, list[int]],
) -> None:
    rows, numbers = drawn
    assert _rows_and_totals(rows).readings(numbers) == _rows_and_totals(rows)._searched(numbers)


@scaled(4)
@given(st.integers(1, 4).flatmap(lambda rows: st.tuples(st.just(rows), _numbers(3 * rows))))
def test_a_bands_fillings_are_the_distinct_orders_whose_rows_hold_their_rules(
    drawn: tuple[int, list[int]],
) -> None:
    rows, band = drawn
    local = ((((0,), (1, 2)),),) * rows
    expected: dict[tuple[int, ...], Order] = {}
    for order in _orders(rows, 3):
        offsets = tuple(order.index(place) for place in range(len(order)))
        values = tuple(band[offset] for offset in offsets)
        if all(_blank_row(values[at : at + 3], local[0])[0] for at in range(0, len(values), 3)):
            expected.setdefault(values, offsets)
    assert _band_fills(tuple(band), 3, local) == tuple(expected.values())


@example([1, 3], {3})
@example([3, 1], {2})
@given(st.lists(st.integers(0, 12), max_size=12), st.sets(st.integers(0, 12)))
def test_two_values_are_apart_where_a_line_between_them_prints_no_label(
    lines: list[int], worded: set[int]
) -> None:
    """By lines in any order (a value on an earlier line than the one before it is apart
    from it by no line), against each line between them looked at."""
    values = [("1", line, 1) for line in lines]
    expected = tuple(
        any(line not in worded for line in range(before + 1, after))
        for before, after in pairwise(lines)
    )
    assert _apart(values, frozenset(worded)) == expected
