"""A table read by blocks (``tables.blocks``): the fillings of a band of rows, worked out
once per values printed and rules (``_band_fills``), are each band's own wherever it
stands in the table; a search of values whose first rows are the last search's takes on
from it and reads what a search from nothing reads."""

from __future__ import annotations

from govinfo_report.tables.blocks import _Grid
from govinfo_report.tables.rules import Rule


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
