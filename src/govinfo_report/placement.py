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
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations, product
from math import prod

import attrs

from .cells import Value, number
from .grid import Grid
from .layouts import Cell
from .rules import RuleSet, derive, solve, violated, within

#: Readings tried per short row at most (C(15, 14) = 15; C(7, 6) x 2 = 14 in real reports).
MAX_READINGS = 512
#: Combinations of readings tried when uncertain rows are placed together, at most.
MAX_COMBINATIONS = 20_000


@attrs.frozen
class ShortRow:
    """Values that fell short of their row(s): ``rows`` lists each candidate row's cells."""

    rows: tuple[tuple[int, ...], ...]
    values: tuple[Cell, ...]
    line: int
    label: str
    unit: str | None = None


@attrs.frozen
class Outcome:
    """What could be placed (cell -> value cell or ``None`` for derived) and what could not."""

    parsed: dict[int, Cell]
    derived: dict[int, tuple[Value, str]]
    unplaced: bool


#: A reading: the value cells it assigns, the resulting values, the rule deriving each cell.
Reading = tuple[dict[int, Cell], list[Value | None], dict[int, str]]


def place(short: ShortRow, grid: Grid, rules: RuleSet, signed: frozenset[int]) -> Outcome:
    """Place ``short``'s values into ``grid``'s cells where the rules make it certain."""
    amounts = [number(cell[0]) for cell in short.values]
    readings = _readings(short, grid, amounts, rules, signed)
    return _outcome(readings, sorted({cell for row in short.rows for cell in row}), rules)


def place_jointly(shorts: Sequence[ShortRow], grid: Grid, rules: RuleSet,
                  signed: frozenset[int]) -> list[Outcome] | None:
    """Place rows together that ``place`` left uncertain one at a time; ``None`` when
    their readings have more than ``MAX_COMBINATIONS`` combinations."""
    options = [_readings(short, grid, [number(cell[0]) for cell in short.values], rules,
                         signed) for short in shorts]
    if prod(len(found) for found in options) > MAX_COMBINATIONS:
        return None
    pending = {cell for short in shorts for row in short.rows for cell in row}
    own = [within(rules, frozenset(cell for row in short.rows for cell in row))
           for short in shorts]
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
        by = {cell: rule.name for cell, _, rule in derive(values, lost - assigned, rules,
                                                            signed, start=pending)}
        if any(_impossible(cell, values, rules, signed) for cell in pending) or any(
                violated(rule, values) for rules_of_row in own for rule in rules_of_row.rules):
            continue
        for row, reading in enumerate(combination):
            survivors[row].append((reading[0], values, by))
    return [_outcome(found, sorted({cell for row in short.rows for cell in row}), rules)
            for short, found in zip(shorts, survivors, strict=True)]


def _outcome(readings: list[Reading], cells: list[int], rules: RuleSet) -> Outcome:
    """Keep the cells on which all admissible readings (those breaking no rule, if any)
    agree."""
    if len(readings) > 1 and not _agree(readings, cells):
        consistent = [r for r in readings if not _breaks_rule(r, cells, rules)]
        readings = consistent or readings
    parsed: dict[int, Cell] = {}
    derived: dict[int, tuple[Value, str]] = {}
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
        if first is not None and len(sources) == 1:
            parsed[cell] = first
        else:
            used = sorted({reading[2][cell] for reading in readings if cell in reading[2]})
            derived[cell] = (seen.pop(), "placement: " + ", ".join(used))  # type: ignore[assignment]
    return Outcome(parsed, derived, unplaced)


def _readings(short: ShortRow, grid: Grid, amounts: Sequence[Value | None], rules: RuleSet,
              signed: frozenset[int]) -> list[Reading]:
    found: list[Reading] = []
    if None in amounts:  # a placeholder: see the module's docstring
        return found
    short_cells = frozenset(cell for row in short.rows for cell in row)
    own = within(rules, short_cells)
    # What the rest of the table lets the rules derive does not depend on the reading.
    base = list(grid.values)
    for cell in short_cells:
        base[cell] = None
    elsewhere = grid.lost() - short_cells
    derive(base, elsewhere, rules, signed)
    for row in short.rows:
        if len(short.values) > len(row):
            continue
        for chosen in combinations(row, len(short.values)):
            if len(found) >= MAX_READINGS:
                return found
            values = list(base)
            assigned = dict(zip(chosen, short.values, strict=True))
            for cell, amount in zip(chosen, amounts, strict=True):
                values[cell] = amount
            lost = (elsewhere | short_cells) - set(chosen)
            # The row's own rules first (a row's total is the sum of its own cells), then the
            # rules that tie it to other rows, whose numbers the report may have got wrong.
            by = {cell: rule.name for cell, _, rule in derive(values, lost, own, signed)}
            if any(_impossible(cell, values, own, signed) for cell in short_cells):
                continue
            by.update((cell, rule.name)
                      for cell, _, rule in derive(values, lost, rules, signed, start=short_cells))
            if any(_impossible(cell, values, rules, signed) for cell in short_cells) or any(
                    violated(rule, values) for rule in own.rules):
                continue
            found.append((assigned, values, by))
    return found


def _impossible(cell: int, values: list[Value | None], rules: RuleSet,
                signed: frozenset[int]) -> bool:
    """A count that is negative, or unknown while a rule, of which it is the only unknown
    cell, would make it negative. (An unknown that a rule would make non-negative is a cell
    printed as not given, such as ``—``: nothing is impossible about it.)"""
    value = values[cell]
    if cell in signed:
        return False
    if value is not None:
        return value < 0
    return any(solve(rule, values, cell) < 0 for rule in rules.by_cell.get(cell, ())
               if [i for i in rule.cells if values[i] is None] == [cell])


def _agree(readings: list[Reading], cells: Sequence[int]) -> bool:
    return all(len({reading[1][cell] for reading in readings}) == 1 for cell in cells)


def _breaks_rule(reading: Reading, cells: Sequence[int], rules: RuleSet) -> bool:
    touched = {rule for cell in cells for rule in rules.by_cell.get(cell, ())}
    return any(violated(rule, reading[1]) for rule in touched)
