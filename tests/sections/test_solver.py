"""The solver's short rows: every way a row's printed counts fill its cells in order, worked
out a stretch of cells at a time (``in_order``), must come to what listing those ways one by
one comes to, for any cells, counts and rules inside the row; and its probes, each starting
from what those before proved, to what probing from the bare root comes to."""

from __future__ import annotations

from itertools import combinations
from math import inf
from unittest import mock

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from govinfo_report.catalogue import TEMPLATES
from govinfo_report.tables import resolve, solver
from govinfo_report.tables.reading import Placement, in_order
from govinfo_report.tables.rules import Rule, hold, violated
from govinfo_report.tables.sections import rule_set, section_rule_set

from conftest import scaled


def _listed(size: int, counts: tuple[int, ...]) -> tuple[solver.Option, ...]:
    """Every in-order way, written out by hand: counts in order, some cells left out."""
    return tuple(
        tuple((at, counts[piece], piece) for piece, at in enumerate(chosen))
        for chosen in combinations(range(size), len(counts))
    )


@st.composite
def rows(draw: st.DrawFn) -> tuple[int, tuple[int, ...], list[Rule], list[int]]:
    """A row of 1-9 unknown cells (template cells 0 to size - 1) with printed counts that fit
    it, rules of the form total = parts over runs of its cells or any of them (a rule may
    also name a printed cell outside the row, ``size``), and that outside cell's value."""
    size = draw(st.integers(1, 9))
    counts = tuple(draw(st.lists(st.integers(0, 3), max_size=size)))
    rules = []
    start = 0
    while start < size:  # consecutive blocks, some with a rule total = the rest
        end = draw(st.integers(start + 1, size))
        if end - start > 1 and draw(st.booleans()):
            rest = tuple(range(start + 1, end)) + ((size,) if draw(st.booleans()) else ())
            rules.append(Rule(f"block{start}", "", (start,), rest))
        start = end
    if size > 1 and draw(st.booleans()):  # cells far apart in one rule: listed, not in stretches
        cells = draw(st.lists(st.integers(0, size - 1), min_size=2, max_size=3, unique=True))
        rules.append(Rule("spread", "", (cells[0],), tuple(cells[1:])))
    return size, counts, rules, [draw(st.integers(0, 3))]


@scaled(2)
@given(rows())
def test_a_short_row_in_order_comes_to_its_listed_ways(
    row: tuple[int, tuple[int, ...], list[Rule], list[int]],
) -> None:
    size, counts, rules, outside = row
    lo = [0] * size + outside
    hi: list[int | float] = [inf] * size + outside
    cells = tuple(range(size))
    index = solver._index(tuple(rules))
    in_order = solver._closed(solver.Choice(cells, in_order=counts), lo, set(cells), index)
    listed = solver._closed(solver.Choice(cells, _listed(size, counts)), lo, set(cells), index)

    assert sorted(in_order.options) == sorted(listed.options)
    solved = [
        solver.solve(lo, hi, rules, [unit], cells)
        for unit in (
            solver.Choice(cells, in_order=counts),
            solver.Choice(cells, _listed(size, counts)),
        )
    ]
    assert solved[0].infeasible == solved[1].infeasible
    assert {cell: seen[:2] for cell, seen in solved[0].agreed.items()} == {
        cell: seen[:2] for cell, seen in solved[1].agreed.items()
    }


def test_a_row_of_zeros_that_lost_one_is_one_option() -> None:
    """Seven cells, the last the total of the six before it, six zeros printed: whichever
    cell lost its value, the rule makes it 0, so every way is one option, all zeros, each
    cell's printed source lost (it differs between the ways)."""
    rule = Rule("row-sum", "", (6,), (0, 1, 2, 3, 4, 5))
    closed = solver._closed(
        solver.Choice(tuple(range(7)), in_order=(0,) * 6),
        [0] * 7,
        set(range(7)),
        solver._index((rule,)),
    )
    assert closed.options == (tuple((cell, 0, -1) for cell in range(7)),)


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_no_rule_joins_two_sections(template: str) -> None:
    """A reading is checked against its own section's rules alone (``resolve._alone``):
    that is exact only while every rule's cells lie in one section."""
    sections = TEMPLATES[template].sections
    every = rule_set(template).rules
    own = [rule for name in sections for rule in section_rule_set(template, name).rules]
    assert sorted(rule.name for rule in own) == sorted(rule.name for rule in every)
    for name, cells in sections.items():
        for rule in section_rule_set(template, name).rules:
            assert set(rule.cells) <= set(cells), (name, rule.name)


def test_a_total_is_narrowed_to_its_parts_sums_and_its_parts_by_it() -> None:
    rule = Rule("t", "", (0,), (1, 2))  # cell 0 = cell 1 + cell 2
    search = solver._Search([rule], [], (), 100)
    # parts in [2, 5] and [1, 3]: the total lies in [3, 8], the parts are left as they are
    state = solver._State([0, 2, 1], [inf, 5, 3], [])
    assert search._narrow(state, 0) == [0]
    assert (state.lo, state.hi) == ([3, 2, 1], [8, 5, 3])
    # a total of 4 and a part in [1, 3]: the other part lies in [1, 3]
    state = solver._State([4, 0, 1], [4, inf, 3], [])
    assert search._narrow(state, 0) == [1]
    assert (state.lo, state.hi) == ([4, 1, 1], [4, 3, 3])
    # parts that sum to at least 5 under a total of 4: the rule cannot hold
    assert search._narrow(solver._State([4, 2, 3], [4, 9, 9], []), 0) is None


@st.composite
def bounded_rules(draw: st.DrawFn) -> tuple[Rule, list[float], list[float]]:
    """A rule over cells 0-6 (one or two cells left, the rest of up to five right) and
    each cell's interval: a low of 0-6 and a high that many above it, or none (``inf``),
    as a search's cells are before and after the printed totals bound them."""
    cells = draw(st.permutations(range(7)))
    split = draw(st.integers(1, 2))
    end = draw(st.integers(split + 1, 7))
    rule = Rule("r", "", tuple(cells[:split]), tuple(cells[split:end]))
    lo = [float(draw(st.integers(0, 6))) for _ in range(7)]
    hi = [low + draw(st.sampled_from([0, 1, 3, 8, inf, inf])) for low in lo]
    return rule, lo, hi


@scaled(4)
@given(bounded_rules())
def test_a_rule_narrows_each_cell_to_the_other_side_less_the_rest_of_its_own(
    drawn: tuple[Rule, list[float], list[float]],
) -> None:
    """Each cell of a side lies between the other side's lowest less the rest of its side's
    highest and the other side's highest less the rest's lowest, all read before the rule
    narrows (a side with no bound above, a total of parts with none: ``_Search._narrow``
    takes shorter ways there); ``None`` where an interval is left empty."""
    rule, lo, hi = drawn
    low, high = list(lo), list(hi)
    for side, other in ((rule.left, rule.right), (rule.right, rule.left)):
        other_low, other_high = sum(lo[c] for c in other), sum(hi[c] for c in other)
        for cell in side:
            rest = [c for c in side if c != cell]
            low[cell] = max(lo[cell], other_low - sum(hi[c] for c in rest))
            high[cell] = min(hi[cell], other_high - sum(lo[c] for c in rest))
    state = solver._State(list(lo), list(hi), [])
    changed = solver._Search([rule], [], (), 100)._narrow(state, 0)
    if any(low[c] > high[c] for c in rule.cells):
        assert changed is None
        return
    assert changed is not None
    assert sorted(changed) == [c for c in range(7) if (low[c], high[c]) != (lo[c], hi[c])]
    assert (state.lo, state.hi) == (low, high)


def test_a_part_s_search_finds_a_cell_s_rules_in_its_model_s_index() -> None:
    """A search of a part of a model looks a cell's rules up in the model's index the first
    time it needs them (``_Search._near``): their places among the part's rules, in order,
    a rule twice where it holds the cell twice, with the cell's units; as a search of the
    part's rules alone lists them, and it comes to the same answers in the same steps."""
    model = [
        Rule("a", "", (0,), (1, 2)),  # cell 0 = cell 1 + cell 2
        Rule("elsewhere", "", (5,), (6, 7)),  # not one of the part's
        Rule("b", "", (3,), (1, 4)),  # cell 3 = cell 1 + cell 4
        Rule("twice", "", (1,), (1, 8)),  # cell 1 = cell 1 + cell 8: cell 8 is 0
    ]
    part = [model[0], model[2], model[3]]
    unit = solver._Closed((4, 8), (((4, 1, 0),), ((8, 1, 0),)))  # a 1 in cell 4 or in 8
    # printed: cell 0 = 5, cell 2 = 2, cell 3 = 4; so cell 1 = 3, cell 4 = 1, cell 8 = 0
    lo = [5, 0, 2, 4, 0, 0, 0, 0, 0]
    hi = [5, inf, 2, 4, inf, inf, inf, inf, inf]
    searches = [
        solver._Search(part, [unit], (1, 4, 8), 100, solver._index(tuple(model))),
        solver._Search(part, [unit], (1, 4, 8), 100),
    ]
    for search in searches:
        assert search._near(1) == ([0, 1, 2, 2], ())
        assert search._near(4) == ([1], [0])
        assert search._near(8) == ([2], [0])
        assert search._near(5) == ([], ())
        search.run(list(lo), list(hi))
        assert search.agreed() == {
            1: solver.Agreed(3, None),
            4: solver.Agreed(1, (0, 0)),
            8: solver.Agreed(0, None),
        }
    assert searches[0].steps_left == searches[1].steps_left


class _FromTheBareRoot(solver._Search):
    """The search as it probed before the root kept what probes prove: each probe from the
    root as the first settle left it."""

    def probe(self, root: solver._State, cell: int) -> None:
        for _, narrowed in self._others(root, cell):
            if self.seen.get(cell) is None:
                return
            if narrowed is not None and self.settle(narrowed[0], *narrowed[1:]):
                self.first(narrowed[0])


@st.composite
def tables(
    draw: st.DrawFn, alike: bool = False
) -> tuple[list[int], list[float], list[Rule], list[solver.Choice], list[int], list[int]]:
    """A table of 2-4 rows of 2-4 counts (0-3) with a total column and a total row, each
    total the sum of its parts; each row printed whole, printed short (some of its values
    left out, blanks or not: its values in order are a unit, the cells left out unknown),
    or with cells lost (unknown, no unit), a total too. ``alike``: 3-6 rows, their counts
    and how each is printed drawn from two (rows printed alike, the search's twins). Returns
    the bounds, rules, units, the unknown cells and the true values (a solution)."""
    height = draw(st.integers(3, 6) if alike else st.integers(2, 4))
    width = draw(st.integers(2, 4))
    size = width + 1

    def row() -> tuple[list[int], str, list[int]]:
        """A row's counts, how it is printed, and the positions it keeps (short) or loses."""
        kind = draw(st.sampled_from(["printed", "short", "lost"]))
        positions = st.lists(st.integers(0, size - 1), min_size=1, unique=True)
        return (
            [draw(st.integers(0, 3)) for _ in range(width)],
            kind,
            draw(positions.filter(lambda kept: len(kept) < size))
            if kind == "short"
            else draw(positions),
        )

    pool = [row(), row()] if alike else []
    rows = [draw(st.sampled_from(pool)) if alike else row() for _ in range(height)]
    parts = [counts for counts, _, _ in rows]
    grid = [[*row, sum(row)] for row in parts]
    grid.append([sum(column) for column in zip(*grid, strict=True)])
    values = [value for line in grid for value in line]
    rules = [
        Rule(f"row{r}", "", (r * size + width,), tuple(r * size + c for c in range(width)))
        for r in range(height + 1)
    ] + [
        Rule(f"col{c}", "", (height * size + c,), tuple(r * size + c for r in range(height)))
        for c in range(size)
    ]
    lo, hi = list(values), [float(value) for value in values]
    units, unknown = [], []
    for r, (_, kind, positions) in enumerate([*rows, row()]):
        cells = tuple(range(r * size, (r + 1) * size))
        if kind == "printed":
            continue
        if kind == "short":
            kept = sorted(cells[at] for at in positions)
            units.append(solver.Choice(cells, in_order=tuple(values[c] for c in kept)))
            gone = list(cells)
        else:
            gone = [cells[at] for at in positions]
        for cell in gone:
            lo[cell], hi[cell] = 0, inf
        unknown.extend(gone)
    return lo, hi, rules, units, sorted(set(unknown)), values


@scaled(8)  # cheap: a table is solved in about a millisecond
@given(tables())
def test_probes_from_what_those_before_proved_come_to_the_same_answers(
    table: tuple[list[int], list[float], list[Rule], list[solver.Choice], list[int], list[int]],
) -> None:
    """The root keeping the bounds that probes prove changes the steps, never the answers:
    the search comes to what probing from the bare root comes to (with a budget neither
    reaches), and every cell it settles has its true value."""
    lo, hi, rules, units, unknown, values = table
    kept = solver.solve(lo, hi, rules, units, unknown, 1_000_000)
    with mock.patch.object(solver, "_Search", _FromTheBareRoot):
        bare = solver.solve(lo, hi, rules, units, unknown, 1_000_000)
    assert not bare.unsettled
    assert kept == bare
    assert all(values[cell] == agreed.value for cell, agreed in kept.agreed.items())


@scaled(8)
@given(tables(alike=True))
def test_twins_seen_uncertain_together_come_to_the_same_answers(
    table: tuple[list[int], list[float], list[Rule], list[solver.Choice], list[int], list[int]],
) -> None:
    """Taking a cell seen uncertain as showing its twins uncertain (``solver._twins``: rows
    a swap maps onto each other) changes the steps, never the answers: on tables whose
    rows are printed alike, the search comes to what it comes to with no twins, sources
    too, and every cell it settles has its true value. With no twins, a table of six rows
    alike may take more than the budget (what the twins are for: seed 98 of the thorough
    profile drew one): such a table has nothing to compare against."""
    lo, hi, rules, units, unknown, values = table
    twinned = solver.solve(lo, hi, rules, units, unknown, 1_000_000)
    assert all(values[cell] == agreed.value for cell, agreed in twinned.agreed.items())
    with mock.patch.object(solver, "_twins", lambda *_: {}):
        alone = solver.solve(lo, hi, rules, units, unknown, 1_000_000)
    assume(not alone.unsettled)
    assert twinned == alone
    assert list(twinned.agreed.items()) == list(alone.agreed.items())


def _lost_rows(
    extra: list[Rule],
) -> tuple[list[int | float], list[int | float], list[Rule], list[solver.Choice]]:
    """Four rows of two counts and their total (cells 3r, 3r + 1, 3r + 2), every one lost,
    a fifth printed short, ``1`` (cells 12-14), and a total row printed short, ``1 1``
    (cells 15-17): each short row's values in order a unit. With the ``extra`` rules;
    cells 18 (printed 1) and 19 (lost) for those to use."""
    lo: list[int | float] = [0] * 18 + [1, 0]
    hi: list[int | float] = [inf] * 18 + [1, inf]
    rules = [Rule(f"row{r}", "", (3 * r + 2,), (3 * r, 3 * r + 1)) for r in range(6)] + [
        Rule(f"col{c}", "", (15 + c,), tuple(3 * r + c for r in range(5))) for c in range(3)
    ]
    units = [
        solver.Choice((12, 13, 14), in_order=(1,)),
        solver.Choice((15, 16, 17), in_order=(1, 1)),
    ]
    return lo, hi, rules + extra, units


def test_rows_that_printed_nothing_under_a_total_of_one_are_uncertain_together() -> None:
    """Four lost rows, a row printed ``1`` and a total row printed ``1 1``: the total row's
    1s are the first column's and the total, the second column's and the total, or both
    columns' (the total then 2), and the short row holds one of them; any lost row may hold
    the other, so no cell of the lost rows is certain. The lost rows are twins: a solution
    that gives one of them a 1 shows its twins uncertain too, in fewer steps than a probe a
    cell. A row a rule of its own ties elsewhere (cell 0 + cell 19 = the printed 1 of cell
    18) is nobody's twin; the answers are the same."""
    scope = [*range(18), 19]
    for extra, twins in (
        ([], {(0, 3, 6, 9), (1, 4, 7, 10), (2, 5, 8, 11)}),
        ([Rule("tie", "", (18,), (0, 19))], {(3, 6, 9), (4, 7, 10), (5, 8, 11)}),
    ):
        lo, hi, rules, units = _lost_rows(extra)
        outcome = solver.solve(lo, hi, rules, units, scope, 1_000_000)
        assert outcome.agreed == {}
        with mock.patch.object(solver, "_twins", lambda *_: {}):
            assert solver.solve(lo, hi, rules, units, scope, 1_000_000) == outcome
        index = solver._index(tuple(rules))
        closed = [solver._closed(unit, lo, set(scope), index) for unit in units]
        searches = []
        for twinned in (solver._twins, lambda *_: {}):
            with mock.patch.object(solver, "_twins", twinned):
                searches.append(solver._Search(rules, closed, tuple(scope), 1_000_000))
                searches[-1].run(list(lo), list(hi))
        found = searches[0].twins
        assert {tuple(sorted([cell, *found[cell]])) for cell in found} == twins
        assert searches[0].steps_left > searches[1].steps_left


@scaled(4)
@given(tables(), st.data())
def test_models_with_one_rule_left_out_come_out_as_each_solved_alone(
    table: tuple[list[int], list[float], list[Rule], list[solver.Choice], list[int], list[int]],
    data: st.DataObject,
) -> None:
    """``solve_without_each`` (a report that does not add up, each rule left out in turn)
    searches a part the rule left out is not in once for all the models: the same
    outcomes, in the same order, as solving each model alone, where a printed value is off
    (the rules contradict) or not, and with a budget some parts run out of."""
    lo, hi, rules, _, unknown, _ = table
    printed = [cell for cell in range(len(lo)) if lo[cell] == hi[cell]]
    if printed and data.draw(st.booleans(), label="misprinted"):
        cell = data.draw(st.sampled_from(printed), label="cell")
        lo[cell] += 1
        hi[cell] += 1
    dropped = data.draw(st.lists(st.sampled_from(rules), unique=True), label="dropped")
    budget = data.draw(st.sampled_from([3, 20, 1_000_000]), label="budget")
    together = list(solver.solve_without_each(lo, hi, rules, dropped, unknown, budget))
    alone = [
        solver.solve(lo, hi, [r for r in rules if r is not rule], [], unknown, budget)
        for rule in dropped
    ]
    assert together == alone
    assert [list(found.agreed.items()) for found in together] == [
        list(found.agreed.items()) for found in alone
    ]


@scaled(4)
@given(st.data())
def test_parts_without_a_rule_are_those_grouped_afresh(data: st.DataObject) -> None:
    """``solve_without_each`` gathers each model's parts by the rules that share an unknown
    cell (``_grouped_without``): the same parts, in the same order, each with its rules in
    order, as grouping the rules left afresh (``_grouped``), for rules over up to 12 cells,
    some sharing cells, the rule left out among them or not."""
    cells = st.lists(st.integers(0, 11), min_size=1, max_size=4, unique=True)
    rules = [
        Rule(f"r{at}", "", tuple(open_cells[:1]), tuple(open_cells[1:]))
        for at, open_cells in enumerate(data.draw(st.lists(cells, max_size=8), label="rules"))
    ]
    linking = [(rule, list(rule.cells)) for rule in rules]
    near = solver._near(linking)
    for dropped in [*rules, Rule("elsewhere", "", (20,), (21,))]:
        assert solver._grouped_without(linking, near, dropped) == solver._grouped(
            [pair for pair in linking if pair[0] is not dropped], []
        )


@scaled(4)
@given(st.data())
def test_a_short_row_s_fillings_are_its_placements_that_hold(data: st.DataObject) -> None:
    """``resolve._fillings`` follows a short row's placements in order (cells left out 0)
    only while the rules whose cells are all decided hold: the placements of
    ``reading.in_order`` that make every rule hold, in the same order, for rows of up to 15
    cells with sums on either side (a cell on both sides too) and no rule at all."""
    size = data.draw(st.integers(1, 15), label="size")
    amounts = data.draw(st.lists(st.integers(0, 4), max_size=size), label="amounts")
    cells = st.lists(st.integers(0, size - 1), max_size=4)
    sums = data.draw(st.lists(st.tuples(cells, cells), max_size=4), label="sums")
    everything = [
        tuple(cell for cell, _ in placement)
        for placement in in_order(size, len(amounts))
        if hold(_values(size, placement, amounts), sums)
    ]
    assert list(resolve._fillings(size, amounts, sums)) == everything


def _values(size: int, placement: Placement, amounts: list[int]) -> list[int]:
    taken = dict(placement)
    return [amounts[taken[at]] if at in taken else 0 for at in range(size)]


def test_violated_sums_a_lone_cell_and_stops_at_an_unknown_one() -> None:
    """``Rule.taking`` takes a side of one cell as a slice of one, so it is summed as any
    side: cell 0 = cell 1 + cell 2 + cell 3, and cell 4 = cell 1 alone."""
    total = Rule("total", "", (0,), (1, 2, 3))
    alone = Rule("alone", "", (4,), (1,))
    assert violated(total, [6, 1, 2, 3, 1]) is False
    assert violated(total, [7, 1, 2, 3, 1]) is True
    assert violated(alone, [6, 1, 2, 3, 1]) is False
    assert violated(alone, [6, 1, 2, 3, 2]) is True
    assert violated(total, [6, 1, None, 3, 1]) is None
    assert violated(alone, (6, 1, 2, 3, None)) is None
