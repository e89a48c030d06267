"""Resolve: a report's readings become cell values. This is the only place values are
written.

Cells a reading gives are converted as printed (``parsed``; ``blank`` for an empty cell or a
placeholder, ``missing`` for a text that is no value); cells it closes are ``missing``; sums
of local sub-rows are ``derived``. What the text leaves uncertain (the units, and count cells
no row gave at all) goes to the ``solver`` with every rule of the template: a unit's cell is
kept only where every solution agrees on it, as ``parsed`` when every solution takes the same
printed value, else ``derived`` naming the rules; a cell no row gave is ``derived`` where the
solutions agree, else ``missing``; a printed blank is ``derived`` where every solution makes
it 0, else it stays ``blank``. Where a search runs out of budget its cells are missing, and a
diagnostic names the budget.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import compress
from math import inf
from operator import itemgetter
from typing import Literal

import attrs

from ..catalogue import TEMPLATES, Field, Template
from ..cells import Value, convert, count_values, not_given, number
from ..diagnostics import Diagnostic, diagnostic
from ..memo import Memo, weighed
from ..model import Provenance
from ..structure import collapsed
from ..structure.layouts import Printed
from . import solver
from .reading import Placement, Reading, Unit, in_order
from .rules import Rule, RuleSet
from .sections import rule_set, section_rule_set
from .sections.rows import shown

#: ``lost``: a cell no row gave (it may be derived); ``blank``: printed empty (derived only
#: as 0); ``missing``: printed but not read or not placed (never derived).
Origin = Literal["parsed", "derived", "blank", "missing", "lost"]


@attrs.frozen
class Resolved:
    """Every cell of a report: values, provenance, printed text and position, the rule that
    derived it; parallel tuples indexed like ``Template.fields``."""

    template: Template
    values: tuple[Value | None, ...]
    provenance: tuple[Provenance, ...]
    raws: tuple[str | None, ...]
    positions: tuple[tuple[int, int] | None, ...]
    rules: tuple[str | None, ...]
    findings: tuple[Diagnostic, ...]


def resolve(
    template: Template, readings: Iterable[Reading], rules: RuleSet | None = None
) -> Resolved:
    """The values of ``readings`` (one per section at most) under ``template``, placed and
    derived by ``rules`` (every rule of the template unless given)."""
    work = _Work(template, rules or rule_set(template.name))
    units: list[Unit] = []
    for reading in readings:
        for cells, printed, unit in reading.given:
            work.give(cells, printed, unit)
        for cell in reading.closed:
            work.origins[cell] = "missing"
        for cell in reading.blank:
            work.origins[cell], work.raws[cell] = "blank", ""
        for total in reading.sums:
            kind = template.fields[total.cell].kind
            parts = [convert(text, kind, None)[0] for text, _, _ in total.parts]
            work.derive(total.cell, sum(parts), total.rule)  # type: ignore[arg-type]
        work.findings.extend(reading.findings)
        units.extend(reading.units)
    work.place(units)
    work.findings.extend(_zero_led(work))
    return work.freeze()


#: A count's text with a leading zero (``0470``), among a report's texts joined by ``\x1f``.
_ZERO_LED = re.compile(r"(?:^|\x1f)[+-]?0\d")


def _zero_led(work: _Work) -> list[Diagnostic]:
    """A ``leading-zero`` finding for each count read from a text with a leading zero: no
    report pads its counts, so the zero is likely a blank cell's 0 glued on (``0`` and
    ``470`` with their separator lost) or an artefact. The value read is kept, doubted."""
    if not _ZERO_LED.search("\x1f".join(filter(None, work.raws))):
        return []
    found = []
    for cell, (field, raw) in enumerate(zip(work.template.fields, work.raws, strict=True)):
        at = work.positions[cell]
        if (
            raw
            and _ZERO_LED.match(raw)
            and field.kind != "money"
            and at is not None
            and work.origins[cell] in ("parsed", "derived")
        ):
            found.append(
                diagnostic(
                    "leading-zero",
                    f"{field.row_label} {field.column_label}: {raw!r} is read as "
                    f"{work.values[cell]}, but a count printed with a leading zero may be "
                    "two values run together (a blank's 0 and the next) or an artefact",
                    *at,
                    (field.key,),
                )
            )
    return found


def verifies(template: Template, reading: Reading) -> bool:
    """Whether ``reading`` gives every cell of its section, and every rule of the section
    holds."""
    return _broken(template, reading.section, _alone(template, reading).values) == []


def _alone(template: Template, reading: Reading) -> Resolved:
    """``reading`` resolved by its own section's rules: its cells are what they are with
    every rule (no rule joins two sections), and the other sections' cells, none of them
    given, are not searched for. The last reading resolved is kept (``confirmed`` asks
    again for the one ``verifies`` has just resolved); readings are frozen, so one reading
    resolves alike every time."""
    for known, of, resolved in _LAST_ALONE:
        if of is reading and known is template:
            return resolved
    resolved = resolve(template, [reading], section_rule_set(template.name, reading.section))
    _LAST_ALONE[:] = [(template, reading, resolved)]
    return resolved


#: The reading ``_alone`` last resolved, with its template and resolution.
_LAST_ALONE: list[tuple[Template, Reading, Resolved]] = []


def _broken(
    template: Template, section: str, values: Sequence[Value | None]
) -> list[set[int]] | None:
    """The cells of each rule of ``section`` that ``values`` break; None where they leave
    a cell of the section without a value."""
    if any(values[cell] is None for cell in template.sections[section]):
        return None
    return [
        set(rule.cells)
        for rule in section_rule_set(template.name, section).rules
        if sum(values[c] for c in rule.left) != sum(values[c] for c in rule.right)  # type: ignore[misc]
    ]


def confirmed(template: Template, first: Reading, others: Iterable[Reading]) -> Reading | None:
    """The reading of ``others`` that the rules confirm, if there is one and only one.

    A reading is confirmed where it gives every cell of its section, agrees with every cell
    ``first`` gives for certain, and every rule of the section holds, or the rules it breaks
    all pass through one cell: a report's own error in that cell, which the checks then
    report. A misreading moves values between cells, so it breaks rules through two cells
    or more. Where two confirmed readings give different values, the text leaves the choice
    open and none is kept."""
    mine = _alone(template, first)
    certain = [
        cell for cells, _, _ in first.given for cell in cells if mine.provenance[cell] == "parsed"
    ]
    kept: tuple[Reading, tuple[Value | None, ...]] | None = None
    for other in others:
        values = _alone(template, other).values
        broken = _broken(template, first.section, values)
        if (
            broken is None
            or (broken and not set.intersection(*broken))
            or any(values[cell] != mine.values[cell] for cell in certain)
        ):
            continue
        if kept is None:
            kept = other, values
        elif kept[1] != values:
            return None
    return kept[0] if kept else None


#: ``cells.number`` of a piece's text, once per distinct text.
_NUMBERS = Memo(number, len)


def _touching(by_cell: dict[int, tuple[Rule, ...]], cell: int) -> list[str]:
    """The names of the rules on ``cell``, sorted."""
    return sorted(rule.name for rule in by_cell.get(cell, ()))


@weighed(lambda options, placements, amounts: 2 * sum(map(len, options)))
def _options(
    placements: tuple[Placement, ...], amounts: tuple[int, ...]
) -> tuple[solver.Option, ...]:
    """A unit's options as the solver takes them: each placement with its pieces' counts.
    Rows of one shape and values (a short row of zeros) share them."""
    return tuple(
        tuple((at, amounts[piece], piece) for at, piece in placement) for placement in placements
    )


class _Work:
    """The cells of a report while it is resolved: parallel lists, written in place."""

    def __init__(self, template: Template, rules: RuleSet) -> None:
        size = len(template.fields)
        self.template = template
        self.rule_set = rules
        self.values: list[Value | None] = [None] * size
        self.origins: list[Origin] = ["lost"] * size
        self.raws: list[str | None] = [None] * size
        self.positions: list[tuple[int, int] | None] = [None] * size
        self.rules: list[str | None] = [None] * size
        self.findings: list[Diagnostic] = []

    def give(self, cells: Sequence[int], printed: Sequence[Printed], unit: str | None) -> None:
        """Convert printed cells into their values. The usual row, consecutive count cells
        that all hold a number, is stored with slice assignments (no Python code per cell)."""
        span = _count_span(self.template.name, tuple(cells))
        if span is not None:
            texts = list(map(itemgetter(0), printed))
            values = count_values(texts)
            if None not in values:
                self.values[span] = values
                self.origins[span] = ["parsed"] * len(values)
                self.raws[span] = texts
                self.positions[span] = map(itemgetter(1, 2), printed)
                return
        fields = self.template.fields
        for cell, (text, line, column) in zip(cells, printed, strict=True):
            kind = fields[cell].kind
            value, problem = convert(text, kind, unit if kind == "money" else None)
            self.values[cell] = value
            self.origins[cell] = (
                "parsed" if value is not None else "blank" if not_given(text) else "missing"
            )
            self.raws[cell] = text
            self.positions[cell] = (line, column)
            if problem:
                self.findings.append(_problem(fields[cell], problem, text, line, column))

    def derive(self, cell: int, value: Value, rule: str) -> None:
        self.values[cell] = value
        self.origins[cell] = "derived"
        self.rules[cell] = rule

    def place(self, units: Sequence[Unit]) -> None:
        """Settle the units and the lost cells: what every solution agrees on is kept.

        Where the rules contradict each other (the report does not add up), no solution
        exists; each unit of printed values there is then placed by its own row's rules alone
        (those all of whose cells are the unit's), and the lost cells by the rules the placed
        values leave unknown. A run of digits is placed so too: where it cuts one way only,
        or one way only under its own row's rules; the broken rules are reported. A run that
        could be fewer values has its readings with blank cells among its options too
        (``_with_blanks``): without them a wrong cut could be the only one to add up.

        A short row of text that leaves blank cells out without a trace (``Unit.traceless``)
        has the cells its values leave out blank (0) in every option (``_blank_around``), so
        that a row of zeros is zeros wherever they stand, and a total is the row's last
        value. Where no solution exists so, a value may have been lost rather than a blank,
        and those rows are solved as any other: the cells their values leave out unknown."""
        rules = self.rule_set
        checked = set(rules.by_cell)
        solvable: list[tuple[Unit, solver.Unit]] = []
        printed: list[Unit] = []  # each solvable unit as the text gives it
        assumed: list[bool] = []  # whether its left-out cells are read as blanks
        for unit in units:
            if unit.fewer and self.template.counts.issuperset(unit.cells):
                widened = _with_blanks(unit, self._own(unit))
                if widened is None:
                    self._not_placed(
                        unit,
                        "its digits could also be fewer values with blank cells among them "
                        "(blank cells leave no trace), and those readings are not all tried",
                    )
                    continue
                unit = widened
            amounts = [_NUMBERS[text] if text else 0 for text, _, _ in unit.pieces]
            if not checked.intersection(unit.cells):
                self._unchecked(unit)
            elif None in amounts or not self.template.counts.issuperset(unit.cells):
                self._not_placed(
                    unit,
                    "a placeholder or a text that is no number among them leaves the rules "
                    "unchecked",
                )
            else:
                own = self._own(unit)
                blanked = _blank_around(unit, own) if unit.traceless else None
                solvable.append(_modelled(_glued(blanked or _as_printed(unit), own)))
                printed.append(unit)
                assumed.append(blanked is not None)
        lost = self._lost(checked, units)
        blanks = self._lost(checked, units, "blank")
        if not lost and not solvable and not blanks:
            return
        outcome = self._solve(rules.rules, solvable, [*lost, *blanks])
        if any(unit.traceless and unit.cells[0] in outcome.infeasible for unit, _ in solvable):
            # No reading with blank cells lets the rules hold: the cells a row's values leave
            # out may hold lost values, not blanks, and are read as the text gives them.
            solvable = [_modelled(_glued(_as_printed(unit), self._own(unit))) for unit in printed]
            outcome = self._solve(rules.rules, solvable, [*lost, *blanks])
        elif any(assumed) and (lost or not all(assumed)):
            free = [
                *lost,
                *(
                    cell
                    for unit, a in zip(printed, assumed, strict=True)
                    if not a
                    for cell in unit.cells
                ),
            ]
            solvable, outcome = self._unassumed(solvable, printed, outcome, free, [*lost, *blanks])
        contradicted = [
            (at, pair) for at, pair in enumerate(solvable) if pair[1].cells[0] in outcome.infeasible
        ]
        for at, (unit, model) in enumerate(solvable):
            if unit.cells[0] in outcome.unsettled:
                own = self._own(unit)
                self._settle(unit, 0, self._solve(own, [(unit, model)], []), own, _BUDGET)
            elif unit.cells[0] not in outcome.infeasible:
                self._settle(unit, at, outcome)
        for _, (unit, model) in contradicted:
            own = self._own(unit)
            if unit.run is not None and len(unit.options) == 1 and not unit.fewer:
                own = []  # digits that cut one way only: certain whatever the rules say
            self._settle(unit, 0, self._solve(own, [(unit, model)], []), own, _BROKEN)
        for cell in lost:
            agreed = outcome.agreed.get(cell)
            if agreed is not None:
                self.derive(cell, agreed.value, ", ".join(sorted(agreed.rules)) or "the rules")
        for cell in blanks:  # a printed blank the rules prove is 0 (never another number)
            agreed = outcome.agreed.get(cell)
            if agreed is not None and agreed.value == 0:
                self.derive(cell, 0, ", ".join(sorted(agreed.rules)) or "the rules")
        if contradicted or outcome.infeasible.intersection(lost):
            self._derive_despite(rules.rules, self._lost(checked, units))

    def _unassumed(
        self,
        solvable: list[tuple[Unit, solver.Unit]],
        printed: Sequence[Unit],
        outcome: solver.Outcome,
        free: Sequence[int],
        unknown: Sequence[int],
    ) -> tuple[list[tuple[Unit, solver.Unit]], solver.Outcome]:
        """The units and outcome where the blank cells a traceless row's values leave out
        decide nothing the rules do not: where a rule links such a row to a ``free`` cell (a
        lost one, or one a row read as printed leaves unknown), the free cell could take what
        the blanks assume away (a dropped value read as a blank, its amount derived into the
        other row), so that part of the model is solved as printed, the cells the row's
        values leave out unknown; ``unknown``: the lost and blank cells to solve for."""
        tied = _tied(self.rule_set.rules, solvable, free)
        as_printed = [
            _modelled(_glued(_as_printed(unit), self._own(unit)))
            if tied & set(unit.cells)
            else pair
            for unit, pair in zip(printed, solvable, strict=True)
        ]
        if as_printed == solvable:
            return solvable, outcome
        again = self._solve(self.rule_set.rules, as_printed, unknown)
        mixed = solver.Outcome(
            {
                cell: seen
                for cell, seen in (outcome.agreed | again.agreed).items()
                if (again if cell in tied else outcome).agreed.get(cell) is seen
            },
            frozenset(cell for cell in again.infeasible if cell in tied)
            | frozenset(cell for cell in outcome.infeasible if cell not in tied),
            frozenset(cell for cell in again.unsettled if cell in tied)
            | frozenset(cell for cell in outcome.unsettled if cell not in tied),
        )
        return as_printed, mixed

    def _derive_despite(self, rules: Sequence[Rule], lost: list[int]) -> None:
        """Derive the ``lost`` cells where the rules contradict each other (the report does
        not add up): a cell is kept where every model without one of the rules that has a
        solution agrees on it, as a single error of the report's own breaks only the rules
        of the cell it misprints."""
        outcome = self._solve(rules, [], lost)
        stuck = [cell for cell in lost if cell in outcome.infeasible]
        kept = dict(outcome.agreed)
        if stuck:
            touching = [rule for rule in rules if not outcome.infeasible.isdisjoint(rule.cells)]
            agreed: dict[int, solver.Agreed] | None = None
            suspects: list[str] = []
            for rule in touching:
                without = self._solve([r for r in rules if r is not rule], [], stuck)
                if without.infeasible or without.unsettled:
                    continue
                suspects.append(rule.name)
                agreed = (
                    without.agreed
                    if agreed is None
                    else {
                        cell: seen
                        for cell, seen in agreed.items()
                        if cell in without.agreed and without.agreed[cell].value == seen.value
                    }
                )
            kept.update(agreed or {})
            self.findings.append(
                diagnostic(
                    "rules-contradict",
                    f"the rules cannot all hold with the values printed, so the {len(stuck)} "
                    "cell(s) the text does not give are derived only where every way of "
                    "dropping one rule agrees"
                    + (f" (one of {', '.join(suspects)} is broken)" if suspects else ""),
                    None,
                    None,
                    tuple(self.template.fields[cell].key for cell in stuck),
                )
            )
        for cell, seen in kept.items():
            self.derive(cell, seen.value, ", ".join(sorted(seen.rules)) or "the rules")

    def _lost(self, checked: set[int], units: Sequence[Unit], origin: Origin = "lost") -> list[int]:
        """The count cells no row gave (or of another ``origin``) that a rule touches, units'
        cells aside."""
        placed = {cell for unit in units for cell in unit.cells}
        return [
            cell
            for cell in compress(range(len(self.origins)), map(origin.__eq__, self.origins))
            if cell in checked and cell not in placed
        ]

    def _solve(
        self,
        rules: Sequence[Rule],
        units: Sequence[tuple[Unit, solver.Unit]],
        lost: Sequence[int],
    ) -> solver.Outcome:
        """The solver's outcome for ``units`` and the ``lost`` cells, every other cell with
        a value fixed to it."""
        size = len(self.values)
        lo: list[int | float] = [0] * size
        hi: list[int | float] = [inf] * size
        for cell, value in enumerate(self.values):
            if value is not None:
                lo[cell] = hi[cell] = value  # type: ignore[assignment]
        scope = [*(cell for unit, _ in units for cell in unit.cells), *lost]
        return solver.solve(lo, hi, rules, [model for _, model in units], scope)

    def _settle(
        self,
        unit: Unit,
        at: int,
        outcome: solver.Outcome,
        alone: Sequence[Rule] | None = None,
        reason: str = "",
    ) -> None:
        """Keep the cells of ``unit`` (unit ``at`` of the model) every solution agrees on;
        say what became of it. ``alone``: placed by these rules of its own row only, for
        ``reason`` (``_BROKEN``, ``_BUDGET``)."""
        by_cell = self.rule_set.by_cell if alone is None else _by_cell(alone)
        if unit.cells[0] in outcome.unsettled:
            self._not_placed(
                unit,
                f"the search for the readings that fit the rules stopped at its budget of "
                f"{solver.MAX_STEPS:,} steps",
                "search-budget",
            )
            return
        if unit.cells[0] in outcome.infeasible:
            self._not_placed(
                unit,
                "no reading of them lets "
                + ("its row's rules" if alone is not None else "every rule")
                + " hold",
            )
            return
        kept = 0
        for cell in unit.cells:
            agreed = outcome.agreed.get(cell)
            cut = agreed is not None and agreed.source is not None and agreed.source[1] in unit.cut
            if agreed is None or (cut and unit.fewer and cell not in by_cell):
                self.origins[cell] = "missing"
                continue
            kept += 1
            if (
                agreed.source is not None
                and agreed.source[0] == at
                and unit.pieces[agreed.source[1]][0]
            ):
                text, line, column = unit.pieces[agreed.source[1]]
                self.raws[cell], self.positions[cell] = text, (line, column)
                if not cut:
                    self.values[cell], self.origins[cell] = agreed.value, "parsed"
                    continue
                why = "collapsed cell split: " + (
                    ", ".join(_touching(by_cell, cell)) or "the only split"
                )
            else:
                why = "placement: " + ", ".join(sorted(agreed.rules) or _touching(by_cell, cell))
            self.derive(cell, agreed.value, why)
        self.findings.append(
            _placed(
                unit,
                kept == len(unit.cells),
                self._left_missing(unit),
                reason if alone is not None else "",
            )
        )

    def _own(self, unit: Unit) -> list[Rule]:
        """The rules all of whose cells are ``unit``'s: its own row's."""
        inside = set(unit.cells)
        return [rule for rule in self.rule_set.rules if inside.issuperset(rule.cells)]

    def _unchecked(self, unit: Unit) -> None:
        """A unit no rule checks: a cell is kept only where every option gives it the same
        printed value (a value cut from digits that could also be fewer values, never)."""
        kept = 0
        for at, cell in enumerate(unit.cells):
            pieces = {dict(option).get(at) for option in unit.placements()}
            piece = pieces.pop() if len(pieces) == 1 else None
            if piece is None or (piece in unit.cut and unit.fewer):
                self.origins[cell] = "missing"
                continue
            kept += 1
            self.give((cell,), (unit.pieces[piece],), unit.money_unit)
            if piece in unit.cut and self.values[cell] is not None:
                self.derive(cell, self.values[cell], "collapsed cell split: the only split")  # type: ignore[arg-type]
        self.findings.append(_placed(unit, kept == len(unit.cells), self._left_missing(unit)))

    def _left_missing(self, unit: Unit) -> tuple[str, ...]:
        """The keys of the cells of ``unit`` left missing."""
        return tuple(
            self.template.fields[cell].key for cell in unit.cells if self.origins[cell] == "missing"
        )

    def _not_placed(self, unit: Unit, why: str, code: str | None = None) -> None:
        for cell in unit.cells:
            self.origins[cell] = "missing"
        self.findings.append(
            diagnostic(
                code or ("collapsed-cell" if unit.kind == "digits" else "values-unplaced"),
                f"{_head(unit)}; {why}, so its cells are missing",
                unit.line,
                unit.column,
                tuple(self.template.fields[cell].key for cell in unit.cells),
            )
        )

    def freeze(self) -> Resolved:
        return Resolved(
            self.template,
            tuple(self.values),
            tuple(map(_PROVENANCE.__getitem__, self.origins)),
            tuple(self.raws),
            tuple(self.positions),
            tuple(self.rules),
            tuple(self.findings),
        )


#: A cell the text lost and no rule derived is missing.
_PROVENANCE: dict[Origin, Provenance] = {
    "parsed": "parsed",
    "derived": "derived",
    "blank": "blank",
    "missing": "missing",
    "lost": "missing",
}


#: Why a unit is placed by its own row's rules alone (``_placed``).
_BROKEN = "the rules linking the rows do not hold together"
_BUDGET = (
    f"the search for the readings that fit every rule stopped at its budget of "
    f"{solver.MAX_STEPS:,} steps"
)

#: Steps the search for a run's readings with blank cells may take (``_with_blanks``).
MAX_BLANK_STEPS = 20_000


def _with_blanks(unit: Unit, rules: Sequence[Rule]) -> Unit | None:
    """``unit``, a run of digits that could also be fewer values, with the readings that
    cut it into fewer values and leave blank cells (0, a piece ``""``) among them as
    options too, those that let ``rules`` (its own row's) hold: blank cells leave no trace,
    so a cut into as many values as cells is only one kind of reading. ``None`` where
    values printed apart share its row, or the search passes ``MAX_BLANK_STEPS``."""
    assert unit.run is not None
    if len(unit.pieces) != len(unit.cut):
        return None
    where = {cell: i for i, cell in enumerate(unit.cells)}
    sums = [([where[c] for c in rule.left], [where[c] for c in rule.right]) for rule in rules]
    readings = collapsed.spread(unit.run, len(unit.cells), unit.tail, sums, MAX_BLANK_STEPS)
    if readings is None:
        return None
    pieces = {piece: i for i, piece in enumerate(unit.pieces)}
    blank = pieces.setdefault(("", unit.line, unit.column), len(pieces))
    options = tuple(
        tuple(
            (at, blank if cell is None else pieces.setdefault(cell, len(pieces)))
            for at, cell in enumerate(reading)
        )
        for reading in readings
    )
    return attrs.evolve(
        unit,
        pieces=tuple(pieces),
        options=(*unit.options, *options),
        cut=frozenset(pieces.values()),
    )


def _tied(
    rules: Sequence[Rule], solvable: Sequence[tuple[Unit, solver.Unit]], free: Sequence[int]
) -> set[int]:
    """The unknown cells (the units' and the ``free`` ones) that rules link, through other
    unknown cells, to a free cell."""
    unknown = {cell for unit, _ in solvable for cell in unit.cells} | set(free)
    tied = set(free)
    grown = True
    while grown:
        grown = False
        for rule in rules:
            inside = unknown.intersection(rule.cells)
            if tied.isdisjoint(inside) or inside <= tied:
                continue
            tied |= inside
            grown = True
    units = [set(unit.cells) for unit, _ in solvable]
    return tied | {cell for cells in units if not tied.isdisjoint(cells) for cell in cells}


def _blank_around(unit: Unit, rules: Sequence[Rule]) -> Unit | None:
    """A short row of text that leaves blank cells out without a trace, with its options
    listed: each way its values fill its cells in order, every cell left out taking a blank
    piece (``""``, 0) of its own, that lets ``rules`` (its own row's) hold. ``None`` where
    none does: a value was lost, not left blank."""
    blank = len(unit.pieces)
    size = len(unit.cells)
    amounts = [int(_NUMBERS[text] or 0) for text, _, _ in unit.pieces]
    where = {cell: at for at, cell in enumerate(unit.cells)}
    sums = [([where[c] for c in rule.left], [where[c] for c in rule.right]) for rule in rules]
    options = []
    for placement in in_order(size, blank):
        taken = dict(placement)
        values = [amounts[taken[at]] if at in taken else 0 for at in range(size)]
        if all(
            sum(values[a] for a in left) == sum(values[b] for b in right) for left, right in sums
        ):
            options.append(tuple((at, taken.get(at, blank)) for at in range(size)))
    if not options:
        return None
    return attrs.evolve(
        unit, pieces=(*unit.pieces, ("", unit.line, unit.column)), options=tuple(options)
    )


def _glued(unit: Unit, rules: Sequence[Rule]) -> Unit:
    """``unit``, a short row one value short, with rival readings among its options: each
    split of one of its values into two (two values glued by a lost separator, ``11`` for
    ``1 1``) that fills the row and lets ``rules`` (its own row's) hold. A reader of the text
    cannot tell a glued pair from a left-out cell either, so the cells are kept only where
    the rules single one reading out. Other units are returned as they are."""
    size = len(unit.cells)
    if unit.kind != "short" or len(unit.pieces) - (1 if unit.options else 0) != size - 1:
        return unit
    printed = unit.pieces[: size - 1]
    amounts = [_NUMBERS[text] if text else 0 for text, _, _ in printed]
    where = {cell: at for at, cell in enumerate(unit.cells)}
    sums = [([where[c] for c in rule.left], [where[c] for c in rule.right]) for rule in rules]
    pieces = list(unit.pieces)
    glued: list[Placement] = []
    for at, (text, line, column) in enumerate(printed):
        for cut in range(1, len(text) if text.isascii() and text.isdigit() else 0):
            head, tail = text[:cut], text[cut:]
            if (head[0] == "0" and cut > 1) or (tail[0] == "0" and len(tail) > 1):
                continue
            values = [*amounts[:at], int(head), int(tail), *amounts[at + 1 :]]
            if all(
                sum(values[a] for a in left) == sum(values[b] for b in right)  # type: ignore[misc]
                for left, right in sums
            ):
                pieces += [(head, line, column), (tail, line, column + cut)]
                order = [*range(at), len(pieces) - 2, len(pieces) - 1, *range(at + 1, size - 1)]
                glued.append(tuple(enumerate(order)))
    if not glued:
        return unit
    return attrs.evolve(
        unit,
        pieces=tuple(pieces),
        options=(*unit.placements(), *glued),
        cut=frozenset(range(len(unit.pieces), len(pieces))),
    )


def _as_printed(unit: Unit) -> Unit:
    """``unit`` as the text gives it: a short row's blank cells taken back
    (``_blank_around``), the cells its values leave out unknown."""
    if not unit.traceless:
        return unit
    pieces = unit.pieces[:-1] if unit.options else unit.pieces
    return attrs.evolve(unit, pieces=pieces, options=(), traceless=False)


def _modelled(unit: Unit) -> tuple[Unit, solver.Unit]:
    """``unit`` and the solver's model of it: a short row's printed counts in order, or its
    options with their pieces' counts (a blank piece's 0)."""
    counts = tuple(int(_NUMBERS[text] or 0) if text else 0 for text, _, _ in unit.pieces)
    if unit.kind == "short" and not unit.options:
        return unit, solver.Unit(unit.cells, in_order=counts)
    return unit, solver.Unit(unit.cells, _options(unit.options, counts))


def _by_cell(rules: Sequence[Rule]) -> dict[int, tuple[Rule, ...]]:
    """The ``rules`` on each cell they touch."""
    found: dict[int, tuple[Rule, ...]] = {}
    for rule in rules:
        for cell in rule.cells:
            found[cell] = (*found.get(cell, ()), rule)
    return found


def _head(unit: Unit) -> str:
    """What a unit holds, for messages."""
    if unit.run is not None:
        digits = unit.run[0] if len(unit.run[0]) <= 40 else shown(unit.run[0])
        parts = len(unit.cells) - (len(unit.pieces) - len(unit.cut))
        return f"{unit.label}: {digits} holds {parts} values run together"
    printed = [  # a blank piece is no value, nor is a glued value's split (``_glued``)
        text for at, (text, _, _) in enumerate(unit.pieces) if text and at not in unit.cut
    ]
    where = (
        "on a line two rows share" if unit.kind == "shared" else f"for {len(unit.cells)} columns"
    )
    return f"{unit.label}: {len(printed)} values ({' '.join(printed)}) {where}"


def _placed(unit: Unit, whole: bool, lost: tuple[str, ...], alone: str = "") -> Diagnostic:
    """The finding on how a unit was placed, naming the cells it leaves missing (``lost``;
    ``alone``: why it was placed by its own row's rules only, ``_BROKEN`` or ``_BUDGET``)."""
    why = f" ({alone})" if alone else ""
    rules = f"its row's own rules{why}" if alone else "the consistency rules"
    if unit.run is not None:
        ways = f"{unit.ways:,} way{'s' if unit.ways != 1 else ''} to cut it"
        if whole:
            one = alone and unit.ways == 1 and not unit.fewer
            code, outcome = (
                "collapsed-cell-split",
                (
                    "it cuts one way only"
                    if one
                    else f"of the {ways}, "
                    + ("its row's own rules" if alone else "the consistency rules")
                    + " leave one reading"
                )
                + f"{why}; its cells are derived from it",
            )
        else:
            fewer = (
                " (its digits could also be fewer values: blank cells leave no trace)"
                if unit.fewer
                else ""
            )
            code, outcome = (
                "collapsed-cell",
                f"of the {ways}, {rules} do not single out one{fewer}, so the uncertain cells "
                "are missing",
            )
    elif whole:
        code, outcome = ("short-row-placed", f"placed by {rules}")
    else:
        code, outcome = (
            "values-unplaced",
            f"{rules} do not make their placement unique, so the uncertain cells are missing",
        )
    if alone == _BUDGET:
        code = "search-budget"
    if unit.kind == "short" and unit.cut and not whole:
        outcome += " (one of its values could also be two values glued by a lost separator)"
    if unit.traceless:
        outcome += (
            " (blank cells leave no trace in this text: the cells its values leave out are "
            "read as blank, 0)"
        )
    return diagnostic(code, f"{_head(unit)}; {outcome}", unit.line, unit.column, lost)


@lru_cache(maxsize=1 << 10)
def _count_span(template: str, cells: tuple[int, ...]) -> slice | None:
    """The slice of a row's cells when they are consecutive count cells."""
    fields = TEMPLATES[template].fields
    start = cells[0] if cells else 0
    if cells == tuple(range(start, start + len(cells))) and all(
        fields[i].kind == "count" for i in cells
    ):
        return slice(start, start + len(cells))
    return None


def _problem(field: Field, problem: str, text: str, line: int, column: int) -> Diagnostic:
    if problem == "unit-unknown":
        return diagnostic(
            problem,
            f"{field.row_label} {field.column_label} {text!r} has no unit; exported as printed",
            line,
            column,
            (field.key,),
        )
    return diagnostic(
        problem,
        f"{field.row_label} {field.column_label}: {text!r} is not a valid {field.kind}",
        line,
        column,
        (field.key,),
    )


def derive_again(
    template: Template,
    values: Sequence[Value | None],
    lost: Iterable[int],
    blanks: Iterable[int],
) -> tuple[dict[int, tuple[Value, str]], list[Diagnostic]]:
    """What the rules derive once a reviewer's values are known (``check.corrected``):
    each of the ``lost`` cells every solution agrees on, and each of the printed ``blanks``
    every solution makes 0, with the rules that gave it, as ``resolve`` derives them from a
    text; and the findings (``rules-contradict``). ``values``: every cell, ``None`` where
    unknown."""
    work = _Work(template, rule_set(template.name))
    work.values[:] = values
    work.origins[:] = ["parsed" if value is not None else "missing" for value in values]
    for cell in lost:
        work.origins[cell] = "lost"
    for cell in blanks:
        work.origins[cell], work.raws[cell] = "blank", ""
    asked = {cell for cell, origin in enumerate(work.origins) if origin in ("lost", "blank")}
    work.place(())
    return (
        {
            cell: (work.values[cell], work.rules[cell] or "the rules")  # type: ignore[misc]
            for cell in asked
            if work.origins[cell] == "derived"
        },
        work.findings,
    )
