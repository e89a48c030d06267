"""Exact resolution of what a report's text leaves uncertain.

The model: every count cell is a non-negative integer; cells the text gives are fixed; every
rule of the template is a linear equality ``sum(left) == sum(right)``; and each *unit* (a
row that printed fewer values than it has cells, a run of digits, a line shared by two
rows) takes exactly one of its *options*, each giving some of its cells a value. A cell is
certain when every solution of the model agrees on it, and only then is it reported.

The search is a depth-first enumeration of the units' options with bounds propagation:

- each cell has an interval ``[lo, hi]``; a rule narrows each of its cells to what the
  others' intervals allow (a cell that is the rule's only unknown gets its value; parts
  that sum to a printed 0 are all 0);
- a unit keeps the options whose values fit the intervals, and narrows each cell that all
  its options give to their range;
- both are repeated to a fixpoint; an empty interval or a unit left without options is a
  dead end; otherwise the unit with the fewest options is branched on.

After a first solution, the search looks for more from the root while each shows a cell
uncertain that none before did, then probes each cell asked about for a solution that gives
it another value (or its value from another printed value); a probe that finds none proves
a bound every solution keeps, which the root keeps from then on. Each tries first the options
that leave open, or give another value to, the most cells not yet seen uncertain: one
solution then shows many cells uncertain at once, where taking options in order showed one
per probe. Rows a swap maps the model onto (``_twins``: rows that printed nothing, or short
rows printed alike) are uncertain together: a cell seen uncertain shows its twins so too,
and they need no probe of their own.

Propagation never discards a solution, so every true solution is reached. A leaf whose
remaining intervals cannot all be met may be kept: it can only make a cell look uncertain,
never certain. Which solutions are visited depends on this order; what they agree on does
not (``resolve`` names a derived cell's rule from the final values, never from the solutions
visited). The search stops as soon as every cell it reports on has been seen uncertain (two
values, or an interval at a leaf), and after ``MAX_STEPS`` steps of propagation: then no
cell of that part is settled (``unsettled``), never the values seen so far.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cached_property, lru_cache
from itertools import chain, combinations, compress, count, starmap
from math import inf
from operator import attrgetter, itemgetter, ne
from typing import NamedTuple

import attrs

from ..memo import weighed
from .rules import Rule

#: Steps of propagation (a rule narrowed, a unit's options filtered) each part of a model may
#: take (the slowest of 12,600 tool-bed renderings parses in 0.67 s): past it none of its
#: cells is settled (docs/decisions.md).
MAX_STEPS = 100_000

#: One value an option gives a cell: (the cell's position in its unit's cells, value,
#: source), ``source`` the index of the printed value (or of the piece of a digit run) it is.
CellValue = tuple[int, int, int]
#: A value an option gives once completed (``_closed``): (cell, value, source); ``source`` is
#: ``-1`` for a value no printed value is in every merged option (a rule worked it out, or
#: the options merged take it from different printed values).
Completed = tuple[int, int, int]
#: An option: what it gives, in cell order.
Option = tuple[CellValue, ...]
Bound = int | float


@attrs.frozen
class Choice:
    """A unit as the solver sees it, one option of which every solution chooses: the cells
    it may give a value and its options, or for a short row (``in_order``) its printed
    counts, whose options are every way they fill the cells in order: those are completed
    group by group, never listed (``_closed_in_order``). (``reading.Unit`` is the unit as
    the text gives it.)"""

    cells: tuple[int, ...]
    options: tuple[Option, ...] = ()
    in_order: tuple[int, ...] | None = None


class Agreed(NamedTuple):
    """A cell on which every solution agrees: its value and the printed value it is in every
    solution (``(unit, source)``; ``None`` when solutions differ in the source or a rule gave
    it). A named tuple: a report makes hundreds."""

    value: int
    source: tuple[int, int] | None


@attrs.frozen
class Outcome:
    """What the solutions agree on.

    Attributes:
        agreed: the certain cells among those asked about.
        infeasible: the cells of parts of the model that have no solution (no reading of
            their units lets every rule hold).
        unsettled: the cells of parts whose search stopped at ``MAX_STEPS``: none of them
            is settled.
    """

    agreed: dict[int, Agreed]
    infeasible: frozenset[int]
    unsettled: frozenset[int]


def solve(
    lo: Sequence[Bound],
    hi: Sequence[Bound],
    rules: Sequence[Rule],
    units: Sequence[Choice],
    scope: Iterable[int],
    max_steps: int = MAX_STEPS,
) -> Outcome:
    """Every solution's agreement on the cells of ``scope``.

    The units ``_closed`` leaves one option are fixed first (``_fixed``), and the rest of the
    model splits into parts that share no unknown cell (rows whose rules meet only through
    printed cells), each solved alone.

    Args:
        lo, hi: each cell's interval (``hi`` may be ``math.inf``); a given cell's are equal.
        rules: the template's rules (those with no unknown cell are checks, and left out).
        units: the units and their options.
        scope: the cells to report on.
        max_steps: the steps of propagation each part may take.
    """
    index = _index(tuple(rules))
    unknown = _unknown(lo, hi)
    if not units:  # nothing to complete or fix: the lost cells' model as it stands
        return _search(lo, hi, rules, units, (), list(scope), max_steps, {}, index, unknown)
    closed = [_closed(unit, lo, unknown, index) for unit in units]
    scope = list(scope)
    fixed = _fixed(lo, hi, unknown, index.rules, closed)
    if fixed is not None:
        outcome = _search(
            fixed[0],
            fixed[1],
            rules,
            units,
            closed,
            scope,
            max_steps,
            fixed[2],
            index,
            unknown.difference(fixed[2]),
        )
        if not outcome.infeasible:
            return outcome  # else the report does not add up: say so as the whole model does
    return _search(lo, hi, rules, units, closed, scope, max_steps, {}, index, unknown)


def _search(
    lo: Sequence[Bound],
    hi: Sequence[Bound],
    rules: Sequence[Rule],
    units: Sequence[Choice],
    closed: Sequence[_Closed],
    scope: Sequence[int],
    max_steps: int,
    fixed: dict[int, tuple[int, Agreed]],
    index: _Index,
    unknown: set[int],
) -> Outcome:
    """``solve`` with the units of ``fixed`` (cell -> its unit, what it is) taken as given;
    ``index``: the index of ``rules``; ``unknown``: the cells whose interval is no point."""
    done = {at for at, _ in fixed.values()}
    kept = [at for at in range(len(units)) if at not in done]
    parts = _parts(rules, [units[at] for at in kept], unknown)
    return _outcome(lo, hi, parts, kept, closed, scope, max_steps, fixed, index)


def solve_without_each(
    lo: Sequence[Bound],
    hi: Sequence[Bound],
    rules: Sequence[Rule],
    dropped: Iterable[Rule],
    scope: Iterable[int],
    max_steps: int = MAX_STEPS,
) -> Iterator[Outcome]:
    """``solve(lo, hi, [r for r in rules if r is not rule], (), scope, max_steps)`` for each
    ``rule`` of ``dropped`` in turn: models of unknown cells alone, one rule left out of
    each. The rules' unknown cells are found once, and a part of the models is searched
    once for all the models it is a part of: its search sees its own rules and cells alone,
    so a part the dropped rule is not in comes out as it does in every model that has it."""
    scope = list(scope)
    linking = _linking(rules, _unknown(lo, hi))
    near = _near(linking)
    index = _index(tuple(rules))
    searched: dict[tuple[Rule, ...], _Found] = {}
    for rule in dropped:
        parts = _grouped_without(linking, near, rule)
        yield _outcome(lo, hi, parts, [], (), scope, max_steps, {}, index, searched)


def _near(linking: Sequence[tuple[Rule, list[int]]]) -> list[set[int]]:
    """Each rule of ``linking`` (``_linking``): the others it shares an unknown cell with,
    by their places in it."""
    on: dict[int, list[int]] = defaultdict(list)
    for at, (_, open_cells) in enumerate(linking):
        for cell in open_cells:
            on[cell].append(at)
    near: list[set[int]] = [set() for _ in linking]
    for at, (_, open_cells) in enumerate(linking):
        for cell in open_cells:
            near[at].update(on[cell])
        near[at].discard(at)
    return near


def _grouped_without(
    linking: Sequence[tuple[Rule, list[int]]], near: Sequence[set[int]], dropped: Rule
) -> list[tuple[set[int], list[Rule], list[int]]]:
    """``_grouped`` of the rules ``linking`` but ``dropped``, with no unit: the rules that
    share an unknown cell (``near``) gathered from each not yet gathered, in order. The same
    parts in the same order, each rule in order, as ``_grouped`` makes; no union of cells
    made for each model, only of rules (the 38 of section 三 and 四 against their 170
    cells)."""
    gathered = [pair[0] is dropped for pair in linking]
    parts: list[tuple[set[int], list[Rule], list[int]]] = []
    for start in range(len(linking)):
        if gathered[start]:
            continue
        gathered[start] = True
        members, stack = [start], [start]
        while stack:
            for other in near[stack.pop()]:
                if not gathered[other]:
                    gathered[other] = True
                    members.append(other)
                    stack.append(other)
        members.sort()
        cells: set[int] = set()
        for at in members:
            cells.update(linking[at][1])
        parts.append((cells, [linking[at][0] for at in members], []))
    return parts


#: A part's search: ``agreed`` and what its solutions agree on, or ``infeasible`` or
#: ``unsettled`` (and nothing).
_Found = tuple[str, dict[int, Agreed]]


def _outcome(
    lo: Sequence[Bound],
    hi: Sequence[Bound],
    parts: Sequence[tuple[set[int], list[Rule], list[int]]],
    kept: Sequence[int],
    closed: Sequence[_Closed],
    scope: Sequence[int],
    max_steps: int,
    fixed: dict[int, tuple[int, Agreed]],
    index: _Index,
    searched: dict[tuple[Rule, ...], _Found] | None = None,
) -> Outcome:
    """Each of ``parts`` (``_parts``: its units by their place among ``kept``) searched
    alone, what they find put together, with the cells of ``fixed``. ``index``: the
    model's rules, of which each part's are some in the same order. ``searched``: the
    parts with no unit already searched under the same bounds and cells asked about, by
    their rules (a part's cells are its rules' unknown cells; taken from there and kept
    there)."""
    asked = set(scope)
    agreed = {cell: seen for cell, (_, seen) in fixed.items() if cell in asked}
    infeasible: set[int] = set()
    unsettled: set[int] = set()
    for cells, part_rules, part_units in parts:
        ids = [kept[at] for at in part_units]
        if searched is None or ids:
            part_scope = tuple(filter(cells.__contains__, scope))
            units = [closed[at] for at in ids]
            found = _part(lo, hi, part_rules, units, ids, part_scope, max_steps, index)
        else:
            key = tuple(part_rules)
            kept_found = searched.get(key)
            if kept_found is None:
                part_scope = tuple(filter(cells.__contains__, scope))
                kept_found = searched[key] = _part(
                    lo, hi, part_rules, [], ids, part_scope, max_steps, index
                )
            found = kept_found
        kind, part_agreed = found
        if kind == "unsettled":
            unsettled.update(cells)
        elif kind == "infeasible":
            infeasible.update(cells)
        else:
            agreed.update(part_agreed)
    return Outcome(agreed, frozenset(infeasible), frozenset(unsettled))


def _part(
    lo: Sequence[Bound],
    hi: Sequence[Bound],
    rules: Sequence[Rule],
    units: Sequence[_Closed],
    ids: Sequence[int],
    scope: tuple[int, ...],
    max_steps: int,
    index: _Index,
) -> _Found:
    """The search of one part of a model: its ``rules`` and ``units`` (``ids``: their places
    among the model's), the cells of ``scope`` asked about, ``index`` the model's rules."""
    search = _Search(rules, units, scope, max_steps, index)
    search.ids = ids
    try:
        search.run(list(lo), list(hi))
    except _OutOfSteps:
        return "unsettled", {}
    if not search.feasible:
        return "infeasible", {}
    return "agreed", search.agreed()


def _fixed(
    lo: Sequence[Bound],
    hi: Sequence[Bound],
    unknown: set[int],
    rules: Sequence[Rule],
    closed: Sequence[_Closed],
) -> tuple[list[Bound], list[Bound], dict[int, tuple[int, Agreed]]] | None:
    """The model with the values of each unit left one option (by ``_closed``) that shares
    no cell with another unit: every solution takes that option, so its cells are certain.
    A short row of zeros is one, and most of a report's units are. ``None`` when there is
    none, or a value falls outside its cell's bounds or completes a rule that fails (the
    search then finds the model infeasible, as it must)."""
    single = _single(closed)
    if not single:
        return None
    low, high = list(lo), list(hi)
    fixed: dict[int, tuple[int, Agreed]] = {}
    for at in single:
        for cell, value, source in closed[at].options[0]:
            if not low[cell] <= value <= high[cell]:
                return None
            low[cell] = high[cell] = value
            # ``Agreed(...)`` without the named tuple's Python constructor: a report fixes
            # a hundred cells
            seen = tuple.__new__(Agreed, (value, (at, source) if source >= 0 else None))
            fixed[cell] = (at, seen)
    if _breaks(low, unknown.difference(fixed), rules, fixed):
        return None
    return low, high, fixed


def _single(closed: Sequence[_Closed]) -> list[int]:
    """The units left one option that share no cell with another unit."""
    cells = list(chain.from_iterable(map(attrgetter("cells"), closed)))
    if len(set(cells)) == len(cells):  # no unit shares a cell: no count needed
        return [at for at, unit in enumerate(closed) if len(unit.options) == 1]
    shared = Counter(cells)
    return [
        at
        for at, unit in enumerate(closed)
        if len(unit.options) == 1 and all(shared[cell] == 1 for cell in unit.cells)
    ]


def _breaks(
    low: Sequence[Bound], still: set[int], rules: Sequence[Rule], fixed: Mapping[int, object]
) -> bool:
    """Whether a rule on the ``fixed`` cells that has no unknown cell ``still`` fails with
    the values of ``low``. The model's rules are gone through once (a few dozen), not
    each fixed cell's (a hundred cells, two or three rules each)."""
    on_fixed = fixed.keys()
    return any(
        still.isdisjoint(rule.cells)
        and not on_fixed.isdisjoint(rule.cells)
        and sum(map(low.__getitem__, rule.left)) != sum(map(low.__getitem__, rule.right))
        for rule in rules
    )


@attrs.frozen(slots=False)  # a dict for the cached properties
class _Closed:
    """A unit with its options completed (``_closed``): ``inside``, the names of the rules
    that completed them, when no two of those rules share a cell of the unit (else empty).
    Each option is then a solution of those rules, and its completed cells are all the
    points those rules make (a rule left two cells open leaves them both open)."""

    cells: tuple[int, ...]
    options: tuple[tuple[Completed, ...], ...]
    inside: frozenset[str] = frozenset()

    # The search's views of the options, made the first time a search takes the unit and
    # kept with it (``_closed_unit`` keeps the unit for every report with the same row).

    @cached_property
    def grid(self) -> tuple[tuple[int | None, ...], ...]:
        """Each option as a value per cell of the unit (``None``: not given)."""
        return tuple(_by_cell(self.cells, option) for option in self.options)

    @cached_property
    def pieces(self) -> tuple[tuple[int | None, ...], ...]:
        """Each option's printed value per cell of the unit, as ``grid`` its values."""
        return tuple(
            tuple(map({cell: piece for cell, _, piece in option}.get, self.cells))
            for option in self.options
        )

    @cached_property
    def ways(self) -> list[tuple[int, int, frozenset[int]]]:
        """Each (cell, value) the options give, with the options that give it: what
        ``_Search._filter`` checks against the intervals, a value at a time."""
        found: dict[tuple[int, int], list[int]] = defaultdict(list)
        for at, option in enumerate(self.options):
            for cell, value, _ in option:
                found[cell, value].append(at)
        return [(cell, value, frozenset(options)) for (cell, value), options in found.items()]

    @cached_property
    def given(self) -> list[_Given]:
        """Each cell some option gives a value, in the unit's order: whether every option
        gives it, the options that do, and each value with the options that give it, lowest
        first: what ``_spans`` reads, a value at a time rather than an option at a time."""
        found: dict[int, dict[int, set[int]]] = {cell: {} for cell in self.cells}
        for at, option in enumerate(self.options):
            for cell, value, _ in option:
                found[cell].setdefault(value, set()).add(at)
        given = []
        for cell, by_value in found.items():
            if by_value:
                values = tuple((value, frozenset(by_value[value])) for value in sorted(by_value))
                givers = frozenset().union(*(options for _, options in values))
                given.append((cell, len(givers) == len(self.options), givers, values))
        return given


#: A cell as a unit's options give it (``_Closed.given``): the cell, whether every option
#: gives it, the options that do, and each value with the options that give it, lowest first.
_Given = tuple[int, bool, frozenset[int], tuple[tuple[int, frozenset[int]], ...]]


def _closed(unit: Choice, lo: Sequence[Bound], unknown: set[int], index: _Index) -> _Closed:
    """``unit``'s options completed by the rules whose unknown cells all lie in the unit (a
    row's 总计 from its six columns, parts that sum to a printed 0), those that break such a
    rule dropped, and those that then give the same values merged: a merged option keeps a
    cell's printed source only where all of them give it the same one. Done once, this
    leaves the search far fewer options (a row of zeros that lost one is one option)."""
    cells = unit.cells
    own: list[_Own] = []
    for name, left, right, outside_left, outside_right in index.around(cells):
        if unknown.isdisjoint(outside_left) and unknown.isdisjoint(outside_right):
            balance = sum(map(int, map(lo.__getitem__, outside_right))) - sum(
                map(int, map(lo.__getitem__, outside_left))
            )
            own.append((name, left, right, balance))
    return _closed_unit(cells, unit.options, unit.in_order, tuple(own))


@weighed(
    lambda closed, cells, options, in_order, own: _held(options) + _held(closed.options),
    lambda cells, options, in_order, own: _held(options),
)
def _closed_unit(
    cells: tuple[int, ...],
    options: tuple[Option, ...],
    in_order: tuple[int, ...] | None,
    own: tuple[_Own, ...],
) -> _Closed:
    """``_closed`` of a unit and the rules inside it: a report's rows are worked out once
    for every report with the same rows and counts."""
    shared = Counter(at for _, left, right, _ in own for at in (*left, *right))
    completed = (
        _closed_by_position(len(cells), options, own)
        if in_order is None
        else _closed_in_order(len(cells), in_order, own)
    )
    return _Closed(
        cells,
        tuple(
            tuple((cells[at], value, source) for at, value, source in option)
            for option in completed
        ),
        frozenset(name for name, *_ in own)
        if max(shared.values(), default=1) == 1
        else frozenset(),
    )


#: A rule as a unit sees it: its name, its cells in the unit by position (left, right) and
#: its cells outside the unit (left, right).
_Around = tuple[str, tuple[int, ...], tuple[int, ...], tuple[int, ...], tuple[int, ...]]
#: A rule's two sides and what reads each side's cells' bounds (``_picks``).
_Sided = tuple[tuple[int, ...], tuple[int, ...], "_Pick", "_Pick"]


class _Index:
    """A set of rules looked up by cell, and by the cells of a unit (``around``): made once
    per set of rules (a template's), each unit's rules worked out once per row."""

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        by_cell: dict[int, list[Rule]] = {}
        for rule in rules:
            for cell in rule.cells:
                by_cell.setdefault(cell, []).append(rule)
        self.rules = rules
        self.by_cell = {cell: tuple(found) for cell, found in by_cell.items()}
        #: Each rule's place in ``rules``, and the places of the rules on each cell.
        self.at = {rule: at for at, rule in enumerate(rules)}
        self.places = {cell: tuple(map(self.at.__getitem__, on)) for cell, on in by_cell.items()}
        #: Each rule's sides and what reads their cells' bounds (``_Search.sides``): made
        #: once, not for every search of a part or of a model without one rule.
        self.sides: list[_Sided] = [
            (rule.left, rule.right, _picks(rule.left), _picks(rule.right)) for rule in rules
        ]
        self._around: dict[tuple[int, ...], tuple[_Around, ...]] = {}

    def around(self, cells: tuple[int, ...]) -> tuple[_Around, ...]:
        """The rules on ``cells``, as the unit of those cells sees them."""
        found = self._around.get(cells)
        if found is None:
            by_cell = self.by_cell
            position = {cell: i for i, cell in enumerate(cells)}
            found = self._around[cells] = tuple(
                (
                    rule.name,
                    tuple(position[c] for c in rule.left if c in position),
                    tuple(position[c] for c in rule.right if c in position),
                    tuple(c for c in rule.left if c not in position),
                    tuple(c for c in rule.right if c not in position),
                )
                for rule in dict.fromkeys(rule for cell in cells for rule in by_cell.get(cell, ()))
            )
        return found


def _held(options: Sequence[Sequence[object]]) -> int:
    """The items ``options`` hold: a ``memo.weighed`` memo's weight."""
    return sum(map(len, options))


@lru_cache(maxsize=1 << 4)
def _index(rules: tuple[Rule, ...]) -> _Index:
    return _Index(rules)


@weighed(
    lambda closed, size, options, own: _held(options) + _held(closed),
    lambda size, options, own: _held(options),
)
def _closed_by_position(
    size: int, options: tuple[Option, ...], own: tuple[_Own, ...]
) -> tuple[tuple[Completed, ...], ...]:
    """``_closed`` of a unit of ``size`` cells, cells named by their position in the unit:
    rows of one shape (a short row of zeros, the same rule inside it) repeat within a report
    and across reports, and are worked out once. The rules split the unit into groups
    (section 四's three); each group's completion is worked out once per values it is
    given."""
    groups = _groups(own)
    done: dict[tuple[int, tuple[int | None, ...]], tuple[int | None, ...] | None] = {}
    merged: dict[_Values, _Sources] = {}
    every = tuple(range(size))
    checks = [(_Terms(left, right, size).__getitem__, outside) for _, left, right, outside in own]
    for option in options:
        if len(option) == size and tuple(map(_AT, option)) == every:
            # Every cell given (a way to cut a run): the rules only check, none gives a cell.
            for terms, outside in checks:
                if sum(map(terms, option)) != outside:
                    break
            else:
                _merge(merged, tuple(map(_VALUE, option)), tuple(map(_SOURCE, option)))
            continue
        values: list[int | None] = [None] * size
        sources = [-1] * size
        for at, value, source in option:
            values[at] = value
            sources[at] = source
        for number, (positions, rules) in enumerate(groups):
            given = tuple(map(values.__getitem__, positions))
            completed = done.get((number, given), _UNDONE)
            if completed is _UNDONE:
                part = list(given)
                completed = done[number, given] = tuple(part) if _complete(part, rules) else None
            if completed is None:
                break
            if completed != given:  # the rules gave some cells: write them in
                for at, done_value in zip(positions, completed, strict=True):
                    values[at] = done_value
        else:
            _merge(merged, tuple(values), tuple(sources))
    return tuple(_option(key, sources) for key, sources in merged.items())


@weighed(lambda closed, size, counts, own: _held(closed))
def _closed_in_order(
    size: int, counts: tuple[int, ...], own: tuple[_Own, ...]
) -> tuple[tuple[Completed, ...], ...]:
    """``_closed_by_position`` of every way ``counts`` fill ``size`` cells in order, worked
    out a stretch of cells at a time (``_stretches``): what a stretch's cells come to depends
    only on which of the counts it takes, so half of section 四 with seven values costs a few
    hundred completions, not its 6,435 options. A merged option is the same either way; only
    the order of the options differs."""
    stretches = _stretches(size, own)
    wanted = len(counts)
    room = [sum(length for length, _ in stretches[at:]) for at in range(len(stretches) + 1)]
    # the options of the stretches so far, merged by what they give, per counts they took
    partial: dict[int, dict[_Values, _Sources]] = {0: {(): ()}}
    for at, (length, rules) in enumerate(stretches):
        after: dict[int, dict[_Values, _Sources]] = {}
        for used, merged in partial.items():
            for taken in range(
                max(0, wanted - used - room[at + 1]), min(length, wanted - used) + 1
            ):
                target = after.setdefault(used + taken, {})
                pieces = _stretch(length, rules, counts, used, taken).items()
                for key, sources in merged.items():
                    for values, more_sources in pieces:
                        _merge(target, key + values, sources + more_sources)
        partial = after
    return tuple(_option(key, sources) for key, sources in partial.get(wanted, {}).items())


def _stretches(size: int, own: Sequence[_Own]) -> list[tuple[int, list[_Own] | None]]:
    """The unit's cells as consecutive stretches, in order: the shortest runs of cells that
    no rule reaches across (section 四's three groups), each with its rules renamed to
    positions from its first cell, and each cell no rule holds alone (``None``)."""
    spans = sorted(
        (min(cells), max(cells), number)
        for number, (_, left, right, _) in enumerate(own)
        for cells in [left + right]
    )
    stretches: list[tuple[int, list[_Own] | None]] = []
    at = 0
    while at < size:
        if not spans or spans[0][0] > at:  # a cell no rule holds
            stretches.append((1, None))
            at += 1
            continue
        end, numbers = at, []
        while spans and spans[0][0] <= end:  # the rules from here, and those they reach
            _, last, number = spans.pop(0)
            end = max(end, last)
            numbers.append(number)
        rules = [own[number] for number in sorted(numbers)]
        stretches.append(
            (
                end - at + 1,
                [
                    (name, tuple(p - at for p in left), tuple(p - at for p in right), outside)
                    for name, left, right, outside in rules
                ],
            )
        )
        at = end + 1
    return stretches


def _stretch(
    length: int, rules: list[_Own] | None, counts: tuple[int, ...], used: int, taken: int
) -> dict[_Values, _Sources]:
    """The ways counts ``used`` to ``used + taken`` fill a stretch of ``length`` cells in
    order, completed by its ``rules`` and merged by what they give."""
    merged: dict[_Values, _Sources] = {}
    for chosen in combinations(range(length), taken):
        values: list[int | None] = [None] * length
        sources = [-1] * length
        for piece, at in enumerate(chosen, used):
            values[at], sources[at] = counts[piece], piece
        if rules is None or _complete(values, rules):
            _merge(merged, tuple(values), tuple(sources))
    return merged


#: What a merged option gives each cell (``None``: nothing), by position in its unit.
_Values = tuple[int | None, ...]
#: A merged option's sources, by position: a source is kept only where every option merged
#: gives the cell from that printed value (else ``-1``).
_Sources = tuple[int, ...]


def _merge(merged: dict[_Values, _Sources], key: _Values, sources: _Sources) -> None:
    """Merge an option that gives ``key`` into ``merged``."""
    before = merged.get(key)
    if before is None:
        merged[key] = sources
    elif before != sources:
        merged[key] = tuple(a if a == b else -1 for a, b in zip(before, sources, strict=True))


def _option(key: _Values, sources: _Sources) -> tuple[Completed, ...]:
    return tuple((at, value, sources[at]) for at, value in enumerate(key) if value is not None)


class _Terms(dict[CellValue, int]):
    """What each value an option gives adds to a rule's ``sum(left) - sum(right)``, worked
    out once per (position, value, source): an option that gives every cell checks the
    rule by one sum of its terms."""

    def __init__(self, left: tuple[int, ...], right: tuple[int, ...], size: int) -> None:
        super().__init__()
        self.weights = [left.count(at) - right.count(at) for at in range(size)]

    def __missing__(self, given: CellValue) -> int:
        self[given] = term = self.weights[given[0]] * given[1]
        return term


#: An option's position, value and source (``CellValue``).
_AT, _VALUE, _SOURCE = itemgetter(0), itemgetter(1), itemgetter(2)
#: A group's completion not worked out yet.
_UNDONE = (None,)


def _groups(own: Sequence[_Own]) -> list[tuple[tuple[int, ...], list[_Own]]]:
    """The positions the rules inside a unit link into groups, each with its rules renamed
    to positions within the group (``_complete`` works on one group's values)."""
    parent: dict[int, int] = {}

    def root(at: int) -> int:
        while parent.setdefault(at, at) != at:
            at = parent[at]
        return at

    for _, left, right, _ in own:  # each has a cell in the unit
        cells = (*left, *right)
        for at in cells:
            parent[root(at)] = root(cells[0])
    members: dict[int, list[int]] = {}
    for at in sorted(parent):
        members.setdefault(root(at), []).append(at)
    groups = []
    for positions in members.values():
        index = {at: i for i, at in enumerate(positions)}
        rules = [
            (name, tuple(index[at] for at in left), tuple(index[at] for at in right), outside)
            for name, left, right, outside in own
            if (*left, *right)[0] in index
        ]
        groups.append((tuple(positions), rules))
    return groups


#: A rule inside a unit: its name, the positions of its left and right cells in the unit,
#: and what its cells outside the unit (all known) add: sum(left) - sum(right) == that.
_Own = tuple[str, tuple[int, ...], tuple[int, ...], int]


def _complete(values: list[int | None], rules: Sequence[_Own]) -> bool:
    """Complete ``values`` (an option's, by position in its unit) in place by ``rules``, each
    applied until none gives a cell more (``_by_rule``); whether no rule is broken (or needs
    a negative count)."""
    changed = True
    while changed:
        changed = False
        for rule in rules:
            gave = _by_rule(values, rule)
            if gave is None:
                return False
            changed |= gave
    return True


def _by_rule(values: list[int | None], rule: _Own) -> bool | None:
    """Complete ``values`` in place by one rule: when its unknown cells are all on one side,
    it gives the only one its value, or all of them 0 when the rest already balances.
    Whether it gave a value; ``None`` when it is broken (or needs a negative count)."""
    _, left, right, outside = rule
    open_left = [i for i in left if values[i] is None]
    open_right = [i for i in right if values[i] is None]
    if open_left and open_right:
        return False
    # sum(left) - sum(right) == outside, in the cells known so far
    balance = outside - _known(values, left) + _known(values, right)
    unknown = open_left or open_right
    rest = balance if open_left else -balance
    if not unknown:
        return None if balance else False
    if rest < 0:
        return None
    if len(unknown) > 1 and rest:
        return False
    for i in unknown:  # the only one gets ``rest``, or all of them get ``rest``, 0
        values[i] = rest
    return True


def _known(values: Sequence[int | None], positions: Iterable[int]) -> int:
    """The sum of the values known at ``positions``."""
    return sum(v for i in positions if (v := values[i]) is not None)


def _unknown(lo: Sequence[Bound], hi: Sequence[Bound]) -> set[int]:
    """The cells whose interval is no point, found at C speed."""
    return set(compress(count(), map(ne, lo, hi)))


def _parts(
    rules: Sequence[Rule], units: Sequence[Choice], unknown: set[int]
) -> list[tuple[set[int], list[Rule], list[int]]]:
    """The independent parts of the model: its ``unknown`` cells grouped by the units and
    rules that link them, each with its rules and (the indices of) its units."""
    return _grouped(_linking(rules, unknown), units)


def _linking(rules: Sequence[Rule], unknown: set[int]) -> list[tuple[Rule, list[int]]]:
    """The rules with an ``unknown`` cell, each with its unknown cells (the set skips the
    others, and picks those out, at C speed: most of a report's rules have none)."""
    return [
        (rule, list(filter(unknown.__contains__, rule.cells)))
        for rule in rules
        if not unknown.isdisjoint(rule.cells)
    ]


def _grouped(
    linking: Sequence[tuple[Rule, list[int]]], units: Sequence[Choice]
) -> list[tuple[set[int], list[Rule], list[int]]]:
    """``_parts`` of the rules ``linking`` (``_linking``) and ``units``."""
    parent: dict[int, int] = {}

    def root(cell: int) -> int:
        while parent.setdefault(cell, cell) != cell:
            parent[cell] = parent[parent[cell]]
            cell = parent[cell]
        return cell

    def join(cells: Sequence[int]) -> None:
        first = root(cells[0])
        for cell in cells[1:]:
            parent[root(cell)] = first

    for unit in units:
        join(unit.cells)
    for _, open_cells in linking:
        join(open_cells)
    parts: dict[int, tuple[set[int], list[Rule], list[int]]] = {}
    for cell in list(parent):
        parts.setdefault(root(cell), (set(), [], []))[0].add(cell)
    for rule, open_cells in linking:
        parts[root(open_cells[0])][1].append(rule)
    for at, unit in enumerate(units):
        parts[root(unit.cells[0])][2].append(at)
    return list(parts.values())


class _OutOfSteps(Exception):
    """The search of a part ran past its budget of steps."""


class _State:
    """A node of the search: cell intervals and open options."""

    __slots__ = ("hi", "lo", "open")

    def __init__(self, lo: list[Bound], hi: list[Bound], open: list[list[int]]) -> None:
        self.lo, self.hi, self.open = lo, hi, open

    def copy(self) -> _State:
        return _State(list(self.lo), list(self.hi), [list(o) for o in self.open])


class _Search:
    def __init__(
        self,
        rules: Sequence[Rule],
        units: Sequence[_Closed],
        scope: tuple[int, ...],
        max_steps: int,
        index: _Index | None = None,
    ) -> None:
        """``index``: the rules of the model, of which ``rules`` are some in the same order
        (by default ``rules`` themselves; a model's rules are distinct, a rule's name its
        id)."""
        self.rules = rules
        self.units = units
        #: The units' indices among all the model's units, to name a value's source.
        self.ids: Sequence[int] = range(len(units))
        self.scope = scope
        self.steps_left = max_steps
        self.solutions = 0
        self.unit_of: dict[int, list[int]] = defaultdict(list)
        for at, unit in enumerate(units):
            for cell in unit.cells:
                self.unit_of[cell].append(at)
        index = _index(tuple(rules)) if index is None else index
        #: The places of the rules on each cell among the model's; each of the model's
        #: rules' place among ``rules`` (-1: not one of them).
        self.places = index.places
        self.place = [-1] * len(index.rules)
        #: Each rule's sides and what reads their cells' bounds (``_side``).
        self.sides: list[_Sided] = []
        for at, rule in enumerate(rules):
            model_at = index.at[rule]
            self.place[model_at] = at
            self.sides.append(index.sides[model_at])
        #: Each cell's rules (their places in ``rules``) and units, for propagation to look
        #: up once per cell it changes: worked out the first time (``_near``).
        self.near: dict[int, tuple[list[int], Sequence[int]]] = {}
        #: What each unit's options left open (by the unit and those options) give each
        #: cell they all give, lowest and highest (``_spans``): a search filters a unit
        #: with the same options left again and again (450 times, 111 alike, on a page).
        self.spans: dict[tuple[int, tuple[int, ...]], list[tuple[int, int, int]]] = {}
        #: What the solutions seen give each cell: ``None`` once uncertain.
        self.seen: dict[int, _Seen | None] = {}
        #: The cells asked about that each cell is uncertain together with (``_twins``).
        self.twins: dict[int, list[int]] = {}

    # Propagation ------------------------------------------------------------------------

    def settle(self, state: _State, rules: Iterable[int], units: Iterable[int]) -> bool:
        """Narrow ``state`` to a fixpoint of the rules and units; ``False`` at a dead end.
        Every rule queued is narrowed (``_narrow_queued``) before the next unit is filtered."""
        rule_queue = deque(dict.fromkeys(rules))
        unit_queue = deque(dict.fromkeys(units))
        queued_rules, queued_units = set(rule_queue), set(unit_queue)
        while rule_queue or unit_queue:
            if not self._narrow_queued(state, rule_queue, queued_rules, unit_queue, queued_units):
                return False
            if unit_queue:
                at = unit_queue.popleft()
                queued_units.discard(at)
                changed = (
                    self._take(state, at) if len(state.open[at]) == 1 else self._filter(state, at)
                )
                if changed is None:
                    return False
                for cell in changed:
                    rules_on, units_on = self.near.get(cell) or self._near(cell)
                    for rule in rules_on:
                        if rule not in queued_rules:
                            queued_rules.add(rule)
                            rule_queue.append(rule)
                    for unit in units_on:
                        if unit != at and unit not in queued_units:
                            queued_units.add(unit)
                            unit_queue.append(unit)
        return True

    def _narrow_queued(
        self,
        state: _State,
        rule_queue: deque[int],
        queued_rules: set[int],
        unit_queue: deque[int],
        queued_units: set[int],
    ) -> bool:
        """Narrow by each rule queued until none is, queueing the rules and units on the
        cells it changed; ``False`` at a dead end."""
        near = self.near  # its ``get`` called as a method: faster than a bound one kept
        sides, lo, hi = self.sides, state.lo, state.hi
        while rule_queue:
            at = rule_queue.popleft()
            queued_rules.discard(at)
            left, right, _, pick_right = sides[at]
            if len(left) == 1:  # a printed total: ``_narrow``'s first case, without its call
                self.steps_left -= 1
                if self.steps_left < 0:
                    raise _OutOfSteps
                changed = _narrow_total(lo, hi, left[0], right, pick_right)
            else:
                changed = self._narrow(state, at)
            if changed is None:
                return False
            for cell in changed:
                rules_on, units_on = near.get(cell) or self._near(cell)
                for other in rules_on:
                    if other != at and other not in queued_rules:
                        queued_rules.add(other)
                        rule_queue.append(other)
                for unit in units_on:
                    if unit not in queued_units:
                        queued_units.add(unit)
                        unit_queue.append(unit)
        return True

    def _near(self, cell: int) -> tuple[list[int], Sequence[int]]:
        """The rules (their places in the search's) and units on ``cell``, kept in ``near``.
        Worked out when first looked up, not for every cell at the start: a search that
        ends at its root looks up a few of its cells (a model of section 三 without one
        rule, that does not add up, breaks at its 13th narrow, 24 of its 175 cells
        changed). A rule holding the cell twice is listed twice, and the rules come in
        their order: the search's are the model's in order."""
        place = self.place
        found = self.near[cell] = (
            [at for model_at in self.places.get(cell, ()) if (at := place[model_at]) >= 0],
            self.unit_of.get(cell, ()),
        )
        return found

    def _step(self) -> None:
        """Count a step of propagation against the budget."""
        self.steps_left -= 1
        if self.steps_left < 0:
            raise _OutOfSteps

    def _narrow(self, state: _State, at: int) -> list[int] | None:
        """Narrow the cells of rule ``at``; the cells changed, ``None`` when it cannot hold.

        Each cell of one side equals the other side's sum less the rest of its own side, so
        it lies between (the other side's lowest - the rest's highest) and (the other side's
        highest - the rest's lowest). A side of one cell (a printed total) has no rest: it
        lies between the other side's lowest and highest, worked out without its side."""
        self.steps_left -= 1  # ``_step``, without its call
        if self.steps_left < 0:
            raise _OutOfSteps
        lo, hi = state.lo, state.hi
        left, right, pick_left, pick_right = self.sides[at]
        if len(left) == 1:  # a printed total of its parts, most often: no side made for it
            return _narrow_total(lo, hi, left[0], right, pick_right)
        changed: list[int] = []
        left_highs, right_highs = pick_left(hi), pick_right(hi)
        if inf in left_highs and inf in right_highs:
            # neither side bounded above: each side's lows, then each side's lone
            # unbounded cell, if it has one
            left_low, right_low = sum(pick_left(lo)), sum(pick_right(lo))
            _lone_unbounded(lo, left, left_highs, right_low, changed)
            _lone_unbounded(lo, right, right_highs, left_low, changed)
            return changed
        first, second = _side(lo, hi, left, pick_left), _side(lo, hi, right, pick_right)
        pairs = ((first, second[1], second[4]), (second, first[1], first[4]))
        for (cells, low_sum, unbounded, finite_high, _, highs), other_low, other_high in pairs:
            # (the other side's highest - the rest's lowest), less this cell's lowest
            reach = other_high - low_sum
            if not unbounded:
                # every high bounded: a cell narrows only when it is wider (high - low) than
                # ``reach`` (then ``upper < high``) or than finite_high - other_low (then
                # ``lower > low``), a subtraction and a comparison for most cells
                base = other_low - finite_high
                slack = reach if reach < -base else -base
                for cell in cells:
                    low, high = lo[cell], hi[cell]
                    if high - low > slack:
                        lower, upper = base + high, reach + low
                        if lower > low:
                            low = lower
                        if upper < high:
                            high = upper
                        if low > high:
                            return None
                        lo[cell], hi[cell] = low, high
                        changed.append(cell)
            elif not _narrow_unbounded(
                lo, hi, cells, highs, unbounded, finite_high, other_low, reach, changed
            ):
                return None
        return changed

    def _take(self, state: _State, at: int) -> list[int] | None:
        """Give the cells of unit ``at``, left one option, that option's values; the cells
        changed, ``None`` when a value is outside its cell's interval."""
        self._step()
        lo, hi = state.lo, state.hi
        changed: list[int] = []
        for cell, value in zip(
            self.units[at].cells, self.units[at].grid[state.open[at][0]], strict=True
        ):
            if value is None or (lo[cell] == value == hi[cell]):
                continue
            if not lo[cell] <= value <= hi[cell]:
                return None
            lo[cell] = hi[cell] = value
            changed.append(cell)
        return changed

    def _filter(self, state: _State, at: int) -> list[int] | None:
        """Keep the options of unit ``at`` (open to more than one) that fit the intervals, and
        narrow the cells all of them give; the cells changed, ``None`` when none is left."""
        self._step()
        lo, hi = state.lo, state.hi
        out: set[int] = set()
        for cell, value, options in self.units[at].ways:
            if not lo[cell] <= value <= hi[cell]:
                out.update(options)
        kept = [option for option in state.open[at] if option not in out] if out else state.open[at]
        if not kept:
            return None
        state.open[at] = kept
        key = (at, tuple(kept))
        spans = self.spans.get(key)
        if spans is None:
            spans = self.spans[key] = _spans(self.units[at], kept)
        changed: list[int] = []
        for cell, low, high in spans:
            if low > lo[cell] or high < hi[cell]:
                lo[cell], hi[cell] = max(lo[cell], low), min(hi[cell], high)
                changed.append(cell)
        return changed

    # Search -----------------------------------------------------------------------------

    def run(self, lo: list[Bound], hi: list[Bound]) -> None:
        """Find what the solutions agree on: by trying each option of a part's only unit,
        else by one solution and a probe per cell for another."""
        root = _State(lo, hi, [list(range(len(u.options))) for u in self.units])
        if not self.settle(root, range(len(self.rules)), range(len(self.units))):
            return
        if len(self.units) == 1:
            inside = {rule.name for rule in self.rules} <= self.units[0].inside
            for option in root.open[0]:
                if inside:  # the option is a solution as it stands: no propagation to do
                    self.record(root, option)
                else:
                    state = root.copy()
                    state.open[0] = [option]
                    if self.settle(state, (), (0,)):
                        self.record(state)
                if self.done():
                    return
            return
        if not self.first(root):
            return
        if all(len(options) == 1 for options in root.open):
            return  # the root is the only solution: its points are certain, the rest not
        self.twins = _twins(self.rules, self.units, root, self.scope)
        for cell in [cell for cell, seen in self.seen.items() if seen is None]:
            self._uncertain(cell)
        self.explore(root)
        for cell in self.scope:
            if root.lo[cell] == root.hi[cell] and not self.ambiguous(root, cell):
                continue  # one value in every solution, from one source
            self.probe(root, cell)

    def explore(self, root: _State) -> None:
        """Find solutions from the root, each trying first the options that differ most from
        the solutions seen, while each shows some cell uncertain: cells a probe of their own
        would each have needed a solution for are settled a few at a time."""
        uncertain = sum(seen is None for seen in self.seen.values())
        while not self.done():
            self.first(root)
            before, uncertain = uncertain, sum(seen is None for seen in self.seen.values())
            if uncertain == before:
                return

    def ambiguous(self, root: _State, cell: int) -> bool:
        """Whether solutions may take ``cell``'s value from different sources: a unit still
        open at the root gives it in some options and not in all the same way."""
        for at in self.unit_of.get(cell, ()):
            options = root.open[at]
            if len(options) > 1:
                given = {
                    next((g[2] for g in self.units[at].options[o] if g[0] == cell), None)
                    for o in options
                }
                if len(given) > 1 or None in given or -1 in given:
                    return True
        return False

    def done(self) -> bool:
        """Whether every cell asked about has been seen uncertain."""
        return len(self.seen) == len(self.scope) and not any(self.seen.values())

    def first(self, state: _State) -> bool:
        """Find and record one solution under ``state`` (settled); whether there is one."""
        branch, fewest = -1, 0  # the first unit with the fewest options, past one
        for at, options in enumerate(state.open):
            if (size := len(options)) > 1 and (branch < 0 or size < fewest):
                branch, fewest = at, size
        if branch < 0:
            self.record(state)
            return True
        options = state.open[branch]
        if self.seen:  # a probe: the options that may show most cells uncertain first
            options = self._novel_first(branch, options)
        for option in options:
            child = state.copy()
            child.open[branch] = [option]
            if self.settle(child, (), (branch,)) and self.first(child):
                return True
        return False

    def _novel_first(self, at: int, options: list[int]) -> list[int]:
        """``options`` of unit ``at``, those that stray furthest from the solutions seen
        first, on the cells not yet seen uncertain: the cells an option leaves open or gives
        another value, then those it gives the same value from another printed value (a
        stable sort: in order where they stray alike, as where no such cell is left)."""
        seen, unit = self.seen, self.units[at]
        asked = [
            (position, before)
            for position, cell in enumerate(unit.cells)
            if (before := seen.get(cell)) is not None
        ]
        if not asked:
            return options
        grid, pieces, unit_id = unit.grid, unit.pieces, self.ids[at]

        def novelty(option: int) -> tuple[int, int]:
            row, printed = grid[option], pieces[option]
            values = sources = 0
            for position, before in asked:
                if row[position] != before.value:
                    values += 1
                elif printed[position] >= 0 and before.source != (unit_id, printed[position]):  # type: ignore[operator]
                    sources += 1
            return values, sources

        return sorted(options, key=novelty, reverse=True)

    def probe(self, root: _State, cell: int) -> None:
        """Look for a solution in which ``cell`` has another value than in those seen, or
        the same value from another printed value; recorded if found.

        Where none has a lower (or higher) value, no solution does (propagation discards
        none): the root keeps that bound and is settled again, so that each probe after
        starts from what those before proved. A cell a rule ties to cells proved so (a
        blank part of a total proved 0) is then a point at the root, and needs no probe:
        the same answers as probing each cell from the bare root, in far fewer steps."""
        for lower, narrowed in self._others(root, cell):
            seen = self.seen.get(cell)
            if seen is None:
                return
            if narrowed is None or (
                self.settle(narrowed[0], *narrowed[1:]) and self.first(narrowed[0])
            ):
                continue
            if lower is None:  # every solution takes the value from one printed value
                continue
            if lower:
                root.lo[cell] = seen.value
            else:
                root.hi[cell] = seen.value
            # a solution has the value, so the root stays feasible
            self.settle(root, *(self.near.get(cell) or self._near(cell)))

    def _others(
        self, root: _State, cell: int
    ) -> Iterator[tuple[bool | None, tuple[_State, Iterable[int], Iterable[int]] | None]]:
        """The root narrowed to: a lower value of ``cell``, a higher one, and (when every
        solution so far takes it from one printed value) the options that do not give it
        that value; each with the rules and units to settle first (``None`` where there is
        no such value or option), after whether it is the lower value (``None``: the
        options)."""
        rules, units = self.near.get(cell) or self._near(cell)
        for lower in (True, False):
            seen = self.seen.get(cell)
            if seen is None:
                return
            state = root.copy()
            if lower:
                state.hi[cell] = seen.value - 1
            else:
                state.lo[cell] = seen.value + 1
            yield lower, (state, rules, units) if state.lo[cell] <= state.hi[cell] else None
        seen = self.seen.get(cell)
        if seen is None or seen.source is None:
            return
        at, piece = seen.source
        at = self.ids.index(at)
        state = root.copy()
        state.open[at] = [
            option
            for option in state.open[at]
            if not any(g[0] == cell and g[2] == piece for g in self.units[at].options[option])
        ]
        yield None, (state, (), (at,)) if state.open[at] else None

    def record(self, state: _State, option: int | None = None) -> None:
        """Take in a solution: each cell stays agreed while every solution gives it one
        value (and one printed value, to be its source). ``option``: the solution is
        ``state`` with the only unit taking that option, as it stands."""
        self.solutions += 1
        points, given = self._taken(state, option)
        seen = self.seen
        for cell in self.scope:
            low = points.get(cell, state.lo[cell])
            before = seen.get(cell, _UNSEEN)
            if before is None:
                continue
            if (low != state.hi[cell] and cell not in points) or (
                before is not _UNSEEN and before.value != low
            ):
                seen[cell] = None
                if cell in self.twins:
                    self._uncertain(cell)
                continue
            source = given.get(cell)
            if before is _UNSEEN:
                seen[cell] = _Seen(int(low), source)
            elif before.source != source:
                before.source = None

    def _uncertain(self, cell: int) -> None:
        """Take ``cell``, seen uncertain, as showing its twins uncertain too."""
        for twin in self.twins.get(cell, ()):
            self.seen[twin] = None

    def _taken(
        self, state: _State, option: int | None
    ) -> tuple[dict[int, int], dict[int, tuple[int, int]]]:
        """What the options of a solution (``record``'s) give: the values of the only unit's
        ``option`` (none when ``option`` is ``None``: the cells' intervals are then points),
        and the printed value (unit, source) each cell is."""
        given: dict[int, tuple[int, int]] = {}
        points: dict[int, int] = {}
        for at, options in enumerate(state.open):
            for cell, value, piece in self.units[at].options[
                options[0] if option is None else option
            ]:
                points[cell] = value
                if piece >= 0:
                    given[cell] = (self.ids[at], piece)
        if option is None:
            points = {}
        return points, given

    @property
    def feasible(self) -> bool:
        return self.solutions > 0

    def agreed(self) -> dict[int, Agreed]:
        return {
            cell: Agreed(seen.value, seen.source)
            for cell, seen in self.seen.items()
            if seen is not None
        }


def _twins(
    rules: Sequence[Rule], units: Sequence[_Closed], root: _State, scope: Iterable[int]
) -> dict[int, list[int]]:
    """The cells of ``scope`` each cell's value is uncertain together with, by the symmetries
    of the settled ``root``: two rows alike (``_alike``) may be swapped cell for cell when
    the swap maps every rule to a rule and every unit to a unit with the same options
    (``_Swaps``). A swap maps solutions to solutions, so where one of two swapped cells
    takes two values over the solutions the other does too; the cells joined by swaps are
    uncertain together, and each needs no probe of its own once one of them is seen
    uncertain. (Twelve rows that printed nothing under a printed column total of 1: the
    solution that gives one of them the 1 shows all twelve uncertain.)"""
    swaps = _Swaps(rules, units, root)
    parent: dict[int, int] = {}

    def root_of(cell: int) -> int:
        while parent.setdefault(cell, cell) != cell:
            cell = parent[cell]
        return cell

    for alike in _alike(rules, units, root):
        kinds: list[tuple[int, ...]] = []  # a row of each set of rows swapped so far
        for row in alike:
            kind = next((kind for kind in kinds if swaps.map(kind, row)), None)
            if kind is None:
                kinds.append(row)
                continue
            for a, b in zip(kind, row, strict=True):
                parent[root_of(b)] = root_of(a)
    asked = set(scope)
    joined: dict[int, list[int]] = defaultdict(list)
    for cell in list(parent):
        if cell in asked:
            joined[root_of(cell)].append(cell)
    return {
        cell: [twin for twin in group if twin != cell]
        for group in joined.values()
        if len(group) > 1
        for cell in group
    }


def _alike(
    rules: Sequence[Rule], units: Sequence[_Closed], root: _State
) -> Iterator[list[tuple[int, ...]]]:
    """The rows of the settled ``root`` that may be twins, grouped: units still open to the
    same options of the same values, and rules whose cells no unit gives (rows that
    printed nothing) with as many cells on each side, each row's cells with the same
    bounds, and no cell twice in a row."""
    lo, hi = root.lo, root.hi
    in_units = {cell for unit in units for cell in unit.cells}
    shapes: dict[object, int] = {}
    rows: dict[tuple[object, ...], list[tuple[int, ...]]] = defaultdict(list)
    for at, unit in enumerate(units):
        shape = shapes.setdefault(unit.grid, len(shapes))
        if len(root.open[at]) > 1:
            rows[shape, tuple(root.open[at]), *_bounds(lo, hi, unit.cells)].append(unit.cells)
    for rule in rules:
        cells = (*rule.left, *rule.right)
        if in_units.isdisjoint(cells) and any(lo[cell] != hi[cell] for cell in cells):
            rows[len(rule.left), *_bounds(lo, hi, cells)].append(cells)
    for alike in rows.values():
        alike = [row for row in alike if len(set(row)) == len(row)]
        if len(alike) > 1:
            yield alike


def _bounds(
    lo: Sequence[Bound], hi: Sequence[Bound], cells: tuple[int, ...]
) -> tuple[tuple[Bound, ...], tuple[Bound, ...]]:
    """The lows and the highs of ``cells``."""
    return tuple(map(lo.__getitem__, cells)), tuple(map(hi.__getitem__, cells))


class _Swaps:
    """The rules and units of a settled root, to tell whether swapping two rows cell for
    cell maps the model onto itself (``map``)."""

    def __init__(self, rules: Sequence[Rule], units: Sequence[_Closed], root: _State) -> None:
        self.sides = [(rule.left, rule.right) for rule in rules]
        self.equations = set(starmap(_equation, self.sides))
        #: Each rule's side of each of its cells (``None`` for a rule with a cell twice).
        self.side_of = [
            {cell: side for side, cells in enumerate(sides) for cell in cells}
            if len(set(rule.cells)) == len(rule.cells)
            else None
            for rule, sides in zip(rules, self.sides, strict=True)
        ]
        #: Each cell's rules, by their places in ``sides``.
        self.rules: dict[int, list[int]] = defaultdict(list)
        for at, rule in enumerate(rules):
            for cell in rule.cells:
                self.rules[cell].append(at)
        shapes: dict[object, int] = {}
        #: Each unit as its cells, the values of its options (numbered) and those still open.
        self.units = {
            (unit.cells, shapes.setdefault(unit.grid, len(shapes)), tuple(root.open[at]))
            for at, unit in enumerate(units)
        }
        self.units_of: dict[int, list[tuple[tuple[int, ...], int, tuple[int, ...]]]] = defaultdict(
            list
        )
        for unit in self.units:
            for cell in unit[0]:
                self.units_of[cell].append(unit)

    def map(self, first: tuple[int, ...], second: tuple[int, ...]) -> bool:
        """Whether swapping the two rows (no cell in both) maps every rule to a rule and
        every unit to a unit. A rule that holds each cell it moves and its twin on one side
        (a column's total of both rows) is mapped onto itself; the others (each row's own)
        are checked once each."""
        if not set(first).isdisjoint(second):
            return False
        swap = dict(zip(first, second, strict=True)) | dict(zip(second, first, strict=True))
        moved = swap.get
        elsewhere: set[int] = set()
        for cell, twin in swap.items():
            for at in self.rules[cell]:
                side = self.side_of[at]
                if side is None or side.get(twin) != side[cell]:
                    elsewhere.add(at)
        return all(
            _equation([moved(c, c) for c in left], [moved(c, c) for c in right]) in self.equations
            for left, right in map(self.sides.__getitem__, elsewhere)
        ) and all(
            (tuple(moved(c, c) for c in cells), shape, open_) in self.units
            for cell in swap
            for cells, shape, open_ in self.units_of[cell]
        )


def _equation(left: Sequence[int], right: Sequence[int]) -> tuple[tuple[int, ...], ...]:
    """A rule as an equation, whichever side each sum is written on."""
    return min(
        (tuple(sorted(left)), tuple(sorted(right))), (tuple(sorted(right)), tuple(sorted(left)))
    )


def _spans(unit: _Closed, kept: list[int]) -> list[tuple[int, int, int]]:
    """Each cell of ``unit`` that every option of ``kept`` gives, with the lowest and the
    highest value they give it."""
    among = set(kept)
    found = []
    for cell, every, givers, values in unit.given:
        if every or among <= givers:
            for value, options in values:
                if not options.isdisjoint(among):
                    low = value
                    break
            for value, options in reversed(values):
                if not options.isdisjoint(among):
                    high = value
                    break
            found.append((cell, low, high))
    return found


def _narrow_total(
    lo: list[Bound], hi: list[Bound], total: int, parts: tuple[int, ...], pick: _Pick
) -> list[int] | None:
    """``_Search._narrow`` of a printed ``total`` of its ``parts`` (their bounds read by
    ``pick``), the most common rule: one call, no side made. The cells changed, ``None``
    when the rule cannot hold."""
    changed = []
    total_low, total_high = lo[total], hi[total]
    highs = pick(hi)
    if total_high == inf and inf in highs:
        # neither side bounded above, most often: the total's low rises to its parts'
        # lowest sum, and a part's low only where it is the one unbounded (as
        # ``_lone_unbounded``)
        parts_low = sum(pick(lo))
        if parts_low > total_low:
            lo[total] = parts_low
            changed.append(total)
        if highs.count(inf) == 1:
            cell = parts[highs.index(inf)]
            lower = total_low - sum(filter(inf.__ne__, highs))
            if lower > lo[cell]:
                lo[cell] = lower
                changed.append(cell)
        return changed
    lows = pick(lo)
    parts_low, parts_high = sum(lows), sum(highs)
    # the total lies between its parts' lowest sum and their highest
    if parts_low > total_low or parts_high < total_high:
        low = parts_low if parts_low > total_low else total_low
        high = parts_high if parts_high < total_high else total_high
        if low > high:
            return None
        lo[total], hi[total] = low, high
        changed.append(total)
    # each part lies between (the total's lowest - the rest's highest) and (the total's
    # highest - the rest's lowest), as ``_Search._narrow`` narrows a side
    reach = total_high - parts_low
    if parts_high == inf:
        unbounded, finite_high = highs.count(inf), sum(filter(inf.__ne__, highs))
        if not _narrow_unbounded(
            lo, hi, parts, highs, unbounded, finite_high, total_low, reach, changed
        ):
            return None
        return changed
    # the loop of ``_Search._narrow``'s bounded side, written out again: as one function
    # called from both, it cost the seeds 0.24 M instructions (26x's margin is 0.5 M)
    base = total_low - parts_high
    slack = reach if reach < -base else -base
    if parts_high - parts_low <= slack:
        # the parts' widths add up to no more than the slack, so none is wider: none
        # narrows (a fifth of the calls that narrow nothing, for one subtraction)
        return changed
    for cell in parts:
        low, high = lo[cell], hi[cell]
        if high - low > slack:
            lower, upper = base + high, reach + low
            if lower > low:
                low = lower
            if upper < high:
                high = upper
            if low > high:
                return None
            lo[cell], hi[cell] = low, high
            changed.append(cell)
    return changed


def _lone_unbounded(
    lo: list[Bound],
    cells: tuple[int, ...],
    highs: tuple[Bound, ...],
    other_low: Bound,
    changed: list[int],
) -> None:
    """``_narrow_unbounded`` of a side (``cells``, their ``highs``) whose other side is
    unbounded too: only the low of the side's one unbounded cell, if it has one, rises (to
    the other side's lowest less the rest's highest), appended to ``changed`` if it did."""
    if highs.count(inf) == 1:
        cell = cells[highs.index(inf)]
        lower = other_low - sum(filter(inf.__ne__, highs))
        if lower > lo[cell]:
            lo[cell] = lower
            changed.append(cell)


def _narrow_unbounded(
    lo: list[Bound],
    hi: list[Bound],
    cells: tuple[int, ...],
    highs: tuple[Bound, ...],
    unbounded: int,
    finite_high: Bound,
    other_low: Bound,
    reach: Bound,
    changed: list[int],
) -> bool:
    """``_Search._narrow`` of a side with an unbounded high: each cell narrowed, appended to
    ``changed`` if it was; whether the rule can still hold. With the other side unbounded
    too (``reach``), no cell's high narrows, nor a bounded cell's low: only the low of the
    side's one unbounded cell, if it has one."""
    if reach == inf:
        if unbounded == 1:
            cell = cells[highs.index(inf)]
            lower = other_low - finite_high
            if lower > lo[cell]:
                lo[cell] = lower
                changed.append(cell)
        return True
    for cell in cells:
        low, high = lo[cell], hi[cell]
        upper = reach + low
        # the other side's lowest - the highest of the rest of this side
        if high == inf:
            lower = other_low - (inf if unbounded > 1 else finite_high)
        else:
            lower = other_low - (inf if unbounded else finite_high - high)
        if lower > low or upper < high:
            if lower > low:  # max and min without their calls
                low = lower
            if upper < high:
                high = upper
            if low > high:
                return False
            lo[cell], hi[cell] = low, high
            changed.append(cell)
    return True


#: One side of a rule, its bounds taken once per rule (they change only after every cell of
#: the rule has been narrowed): its cells, the sum of their lows, how many highs are
#: unbounded, the sum of the bounded highs, the sum of all highs, and the highs.
_Sides = tuple[tuple[int, ...], Bound, int, Bound, Bound, tuple[Bound, ...]]


def _side(lo: Sequence[Bound], hi: Sequence[Bound], cells: tuple[int, ...], pick: _Pick) -> _Sides:
    """A side of a rule, its cells' bounds read by ``pick`` (``_picks``) at C speed; the
    highs' sum made once, and again without the unbounded only when there is one."""
    highs = pick(hi)
    high = sum(highs)
    if high == inf:
        return (
            cells,
            sum(pick(lo)),
            highs.count(inf),
            sum(filter(inf.__ne__, highs)),
            inf,
            highs,
        )
    return (cells, sum(pick(lo)), 0, high, high, highs)


#: What reads a side's cells out of a list of bounds, as a tuple.
_Pick = Callable[[Sequence[Bound]], tuple[Bound, ...]]


def _picks(cells: tuple[int, ...]) -> _Pick:
    """``cells`` read out of a list of bounds as a tuple, a side of one cell as well."""
    if len(cells) == 1:
        (cell,) = cells
        return lambda bounds: (bounds[cell],)
    return itemgetter(*cells)


class _Seen:
    """What the solutions seen so far give a cell: one value, and the printed value it is in
    all of them (``None``: not always the same one)."""

    __slots__ = ("source", "value")

    def __init__(self, value: int, source: tuple[int, int] | None) -> None:
        self.value, self.source = value, source


#: A cell no solution has been seen for yet.
_UNSEEN = _Seen(0, None)


def _by_cell(cells: Sequence[int], option: Sequence[Completed]) -> tuple[int | None, ...]:
    values = {given[0]: given[1] for given in option}
    return tuple(map(values.get, cells))
