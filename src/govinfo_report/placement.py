"""Placing a short row: a row (or two rows sharing one line) that printed fewer values than
it has cells. A value is placed only where the consistency rules make it certain.

Every reading is tried: the values belong to one of the rows, in order, with some of its
columns dropped. A reading is admissible if, after deriving what the rules then determine
(the rows' own rules first, then those linking them to other rows), no count of these rows is
negative (or would have to be) and the rows' own rules hold. Where the admissible readings
disagree, those that break no rule are preferred. A cell is kept when all remaining readings
agree on it: as ``parsed`` if they all give it the same printed value, else as ``derived``
(rule ``placement: <the rules that derived it>``).

A row that prints a placeholder (``—``, ``/``, ``无``) among its values is never placed: the
placeholder leaves every rule it would sit in unchecked, so a shifted reading can pass where
the true one breaks a rule of the report's own (totals that do not add up), and the cells it
fills would be wrong. Its uncertain cells stay missing.

Rows that stay uncertain alone are then placed together (``place_jointly``): every
combination of their readings is tried against all rules at once, so that the column rules
can settle what each row's own numbers cannot.

A row with a collapsed cell (``collapsed``) is read once per way to cut the cell's digits
into the values the row lacks. Ways are many, so only those in which every rule touching the
row can be checked and holds are kept: then the truth is always among them in a consistent
report, and a single error of the report's own cannot make a wrong way the only one left. A
value cut from the cell is never ``parsed``: the text did not show where it starts. Kept
where all remaining ways agree, it is ``derived`` (rule ``collapsed cell split: <the rules
touching it>``); if the digits could also be fewer numbers, only where a rule touches it.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations, product
from math import prod

import attrs

from .cells import Value, number
from .grid import Grid
from .layouts import Cell
from .rules import Rule, RuleSet, derive, solve, violated, within

#: Readings tried per short row at most (C(15, 14) = 15; C(7, 6) x 2 = 14 in real reports).
MAX_READINGS = 512
#: Combinations of readings tried when uncertain rows are placed together, at most.
MAX_COMBINATIONS = 20_000


@attrs.frozen
class Collapsed:
    """A short row's collapsed cell (its digits and their position), the row's values read
    with the cell cut each way into numbers, and whether the digits could also be fewer
    numbers."""

    cell: Cell
    readings: tuple[tuple[Cell, ...], ...]
    fewer: bool


@attrs.frozen
class ShortRow:
    """Values that fell short of their row(s): ``rows`` lists each candidate row's cells.
    With ``collapsed``, one of ``values`` is a collapsed cell, read as its ways to cut."""

    rows: tuple[tuple[int, ...], ...]
    values: tuple[Cell, ...]
    line: int
    label: str
    unit: str | None = None
    collapsed: Collapsed | None = None


@attrs.frozen
class Outcome:
    """What could be placed (cell -> value cell, or value and rule for derived; ``cut``:
    cell -> the number cut from a collapsed cell and its rule) and what could not;
    ``readings``: how many readings were left."""

    parsed: dict[int, Cell]
    derived: dict[int, tuple[Value, str]]
    unplaced: bool
    cut: dict[int, tuple[Cell, str]] = attrs.field(factory=dict)
    readings: int = 0


#: A reading: the value cells it assigns, the resulting values, the rule deriving each cell.
Reading = tuple[dict[int, Cell], list[Value | None], dict[int, str]]


def place(short: ShortRow, grid: Grid, rules: RuleSet, signed: frozenset[int]) -> Outcome:
    """Place ``short``'s values into ``grid``'s cells where the rules make it certain."""
    return _outcome(_readings(short, grid, rules, signed), short, rules)


def place_jointly(
    shorts: Sequence[ShortRow], grid: Grid, rules: RuleSet, signed: frozenset[int]
) -> list[Outcome] | None:
    """Place rows together that ``place`` left uncertain one at a time; ``None`` when
    their readings have more than ``MAX_COMBINATIONS`` combinations."""
    options = [_readings(short, grid, rules, signed) for short in shorts]
    if prod(len(found) for found in options) > MAX_COMBINATIONS:
        return None
    pending = {cell for short in shorts for row in short.rows for cell in row}
    own = [within(rules, frozenset(cell for row in short.rows for cell in row)) for short in shorts]
    lost = grid.lost() | pending
    survivors: list[list[Reading]] = [[] for _ in shorts]
    for combination in product(*options):
        values = list(grid.values)
        assigned: set[int] = set()
        for reading in combination:
            for cell, value_cell in reading[0].items():
                values[cell] = number(value_cell[0])
            assigned.update(reading[0])
        for cell in pending - assigned:
            values[cell] = None
        by = {
            cell: rule.name
            for cell, _, rule in derive(values, lost - assigned, rules, signed, start=pending)
        }
        if any(_impossible(cell, values, rules, signed) for cell in pending) or any(
            violated(rule, values) for rules_of_row in own for rule in rules_of_row.rules
        ):
            continue
        for row, reading in enumerate(combination):
            survivors[row].append((reading[0], values, by))
    return [_outcome(found, short, rules) for short, found in zip(shorts, survivors, strict=True)]


def _outcome(readings: list[Reading], short: ShortRow, rules: RuleSet) -> Outcome:
    """Keep the cells on which all admissible readings (those breaking no rule, if any)
    agree."""
    cells = sorted({cell for row in short.rows for cell in row})
    if short.collapsed is not None:
        readings = [r for r in readings if _fits(r, cells, rules)]
    elif len(readings) > 1 and not _agree(readings, cells):
        consistent = [r for r in readings if not _breaks_rule(r, cells, rules)]
        readings = consistent or readings
    printed = set(map(id, short.values))
    parsed: dict[int, Cell] = {}
    derived: dict[int, tuple[Value, str]] = {}
    cut: dict[int, tuple[Cell, str]] = {}
    unplaced = not readings
    for cell in cells:
        if not readings:
            break
        seen = {reading[1][cell] for reading in readings}
        if len(seen) != 1 or None in seen:
            unplaced = True
            continue
        sources = {id(reading[0].get(cell)) for reading in readings}
        first = readings[0][0].get(cell)
        if first is not None and len(sources) == 1 and id(first) in printed:
            parsed[cell] = first
        elif first is not None and short.collapsed is not None:
            checked = [rule.name for rule in rules.by_cell.get(cell, ())]
            if short.collapsed.fewer and not checked:
                unplaced = True
                continue
            cut[cell] = (first, "collapsed cell split: " + (", ".join(checked) or "the only split"))
        else:
            used = sorted({reading[2][cell] for reading in readings if cell in reading[2]})
            derived[cell] = (seen.pop(), "placement: " + ", ".join(used))  # type: ignore[assignment]
    return Outcome(parsed, derived, unplaced, cut, len({id(reading[0]) for reading in readings}))


def _readings(short: ShortRow, grid: Grid, rules: RuleSet, signed: frozenset[int]) -> list[Reading]:
    found: list[Reading] = []
    alternatives = short.collapsed.readings if short.collapsed else (short.values,)
    options = [(given, [number(cell[0]) for cell in given]) for given in alternatives]
    if any(None in amounts for _, amounts in options):  # a placeholder: see the docstring
        return found
    short_cells = frozenset(cell for row in short.rows for cell in row)
    own = within(rules, short_cells)
    # What the rest of the table lets the rules derive does not depend on the reading.
    base = list(grid.values)
    for cell in short_cells:
        base[cell] = None
    elsewhere = grid.lost() - short_cells
    derive(base, elsewhere, rules, signed)
    for (given, amounts), row in product(options, short.rows):
        if len(given) > len(row):
            continue
        for chosen in combinations(row, len(given)):
            if len(found) >= MAX_READINGS:
                return found
            values = list(base)
            assigned = dict(zip(chosen, given, strict=True))
            for cell, amount in zip(chosen, amounts, strict=True):
                values[cell] = amount
            lost = (elsewhere | short_cells) - set(chosen)
            # The row's own rules first (a row's total is the sum of its own cells), then the
            # rules that tie it to other rows, whose numbers the report may have got wrong.
            by = {cell: rule.name for cell, _, rule in derive(values, lost, own, signed)}
            if any(_impossible(cell, values, own, signed) for cell in short_cells):
                continue
            by.update(
                (cell, rule.name)
                for cell, _, rule in derive(values, lost, rules, signed, start=short_cells)
            )
            if any(_impossible(cell, values, rules, signed) for cell in short_cells) or any(
                violated(rule, values) for rule in own.rules
            ):
                continue
            found.append((assigned, values, by))
    return found


def _impossible(
    cell: int, values: list[Value | None], rules: RuleSet, signed: frozenset[int]
) -> bool:
    """A count that is negative, or unknown while a rule, of which it is the only unknown
    cell, would make it negative. (An unknown that a rule would make non-negative is a cell
    printed as not given, such as ``—``: nothing is impossible about it.)"""
    value = values[cell]
    if cell in signed:
        return False
    if value is not None:
        return value < 0
    return any(
        solve(rule, values, cell) < 0
        for rule in rules.by_cell.get(cell, ())
        if [i for i in rule.cells if values[i] is None] == [cell]
    )


def _agree(readings: list[Reading], cells: Sequence[int]) -> bool:
    return all(len({reading[1][cell] for reading in readings}) == 1 for cell in cells)


def _breaks_rule(reading: Reading, cells: Sequence[int], rules: RuleSet) -> bool:
    return any(violated(rule, reading[1]) for rule in _touching(cells, rules))


def _fits(reading: Reading, cells: Sequence[int], rules: RuleSet) -> bool:
    """Whether every rule touching ``cells`` can be checked and holds."""
    return all(violated(rule, reading[1]) is False for rule in _touching(cells, rules))


def _touching(cells: Sequence[int], rules: RuleSet) -> set[Rule]:
    return {rule for cell in cells for rule in rules.by_cell.get(cell, ())}
