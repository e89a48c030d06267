"""Resolve: a report's readings become cell values. This is the only place values are
written.

Cells a reading gives are converted as printed (``parsed``; ``blank`` for an empty cell or a
placeholder, ``missing`` for a text that is no value); cells it closes are ``missing``; sums
of local sub-rows are ``derived``. What the text leaves uncertain (the units, and count cells
no row gave at all) goes to the ``solver`` with every rule of the template: a unit's cell is
kept only where every solution agrees on it, as ``parsed`` when every solution takes the same
printed value, else ``derived``; a cell no row gave is ``derived`` where the solutions agree,
else ``missing``; a printed blank is ``derived`` where every solution makes it 0, else it
stays ``blank``. A cell so derived names a rule that gives it from the final values
(``_Work._name``), never one of the solutions the search happened to visit. Where a search
runs out of budget its cells are missing, and a diagnostic names the budget.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from itertools import chain
from math import inf
from operator import attrgetter, itemgetter
from typing import Literal

import attrs

from ..catalogue import TEMPLATES, Field, Template
from ..cells import Value, convert, count_values, not_given, number
from ..diagnostics import Diagnostic, diagnostic
from ..fold import NO_BREAK_SPACE
from ..memo import Hashed, Memo, weighed
from ..model import Provenance
from ..structure import collapsed
from ..structure.layouts import Printed
from ..structure.skeleton import SECTION_NAMES
from . import solver
from .reading import Placement, Reading, Unit, in_order
from .rules import Rule, RuleSet, Sides, hold, sides, violated
from .sections import SECTIONS, rule_set, section_rule_set
from .sections.rows import fewer_readings, gapped, shown, splits

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


#: Counts the prose states for one cell of section 二 each, by cell: ``(count, (text, line,
#: column))`` of each statement.
Stated = Mapping[int, tuple[tuple[int, Printed], ...]]


def resolve(
    template: Template,
    readings: Iterable[Reading],
    rules: RuleSet | None = None,
    stated: Stated | None = None,
) -> Resolved:
    """The values of ``readings`` (one per section at most) under ``template``, placed and
    derived by ``rules`` (every rule of the template unless given); ``stated``: the counts
    the prose states for cells (``statements.by_cell``), which choose among the ways to cut
    a run of section 二's digits (``_by_prose``)."""
    work = _Work(template, rules or rule_set(template.name))
    units: list[Unit] = []
    readings = tuple(readings)
    for reading in readings:
        for cells, printed, unit in reading.given:
            work.give(cells, printed, unit)
            if len(cells) > 1 and _no_place(printed):
                work.label_alone.update(cells)
        for cell in reading.closed:
            work.origins[cell] = "missing"
        for cell in reading.blank:
            work.origins[cell], work.raws[cell] = "blank", ""
        work.label_alone.update(reading.blank)
        for total in reading.sums:
            kind = template.fields[total.cell].kind
            parts = [convert(text, kind, None)[0] for text, _, _ in total.parts]
            work.derive(total.cell, sum(parts), total.rule)  # type: ignore[arg-type]
        work.findings.extend(reading.findings)
        units.extend(reading.units)
    units = _every_cell_printed(template, units, readings, work.findings)
    work.place([_by_prose(unit, stated, template) for unit in units] if stated else units)
    work.findings.extend(_zero_led(work))
    return work.freeze()


def _no_place(printed: Sequence[Printed]) -> bool:
    """Whether a row's cells are all printed blank at one place: a line of its label alone,
    no cell of it seen."""
    first = printed[0]
    return printed[-1] == first and printed.count(first) == len(printed) and not_given(first[0])


def _by_prose(unit: Unit, stated: Stated, template: Template) -> Unit:
    """``unit``, where it is a row of section 二 (which no rule places: the section has
    none) that the text leaves several ways to read, left those that agree with every count
    the prose states for its cells (``stated``): a way agrees where it gives each such cell
    a printed value of its stated count (none, or a 0, for a count of 0). Its ways are a
    short row's placements (fewer values than cells, read by their order), or a run of
    digits' cuts, into fewer values with blank cells among them too where its digits may be
    fewer (blank cells leave no trace). Where some but not all agree, the cells they all
    give alike are then placed (a blank cell where none gives it a value), the rest stay
    missing. Otherwise (no count stated for its cells, no way agreeing, its readings not all
    listed) as it is. The values are always the row's own; the prose only chooses among its
    readings, and a count no reading gives is a ``text-table-mismatch``."""
    if unit.kind not in ("digits", "short") or stated.keys().isdisjoint(unit.cells):
        return unit  # (at C speed: most rows are no such row, or section 三's or 四's)
    every = _every_reading(unit, template)
    if every is None:
        return unit
    named = [(at, said) for at, cell in enumerate(unit.cells) for said in stated.get(cell, ())]
    options = every.placements()
    agree = tuple(
        option
        for option in options
        if all(_agrees(every, dict(option).get(at), count) for at, (count, _) in named)
    )
    if not agree or len(agree) == len(options):
        return unit
    return attrs.evolve(every, options=agree, prose=tuple(said for _, (_, said) in named))


def _every_reading(unit: Unit, template: Template) -> Unit | None:
    """``unit`` with every reading of it listed: a run of digits that may be fewer values
    with its readings into fewer values, blank cells among them, among its options
    (``rows.fewer_readings``; no rule of section 二 narrows them); ``None`` where those are
    not all listed."""
    if not unit.fewer:
        return unit
    readings = fewer_readings(unit, template)
    return None if readings is None else _listed(unit, readings)


def _agrees(unit: Unit, piece: int | None, count: int) -> bool:
    """Whether ``piece`` of ``unit`` (``None``: no piece, a blank cell) gives the cell the
    prose states ``count`` for: a printed value of that count, or none but a 0 for 0."""
    value = None if piece is None else convert(unit.pieces[piece][0], "count", None)[0]
    return value == count if count else not value


#: Rows of zeros run together, one 0 a cell, that show a text prints every cell.
MIN_FULL_ZERO_ROWS = 3


def _every_cell_printed(
    template: Template, units: list[Unit], readings: Sequence[Reading], findings: list[Diagnostic]
) -> list[Unit]:
    """``units``, their runs of digits cut into as many values as cells only (not fewer
    with blank cells among them) where the report shows that it prints every cell: at least
    ``MIN_FULL_ZERO_ROWS`` rows of zeros run together hold one 0 for each of their cells
    (zeros never run into one number, so each is a printed cell), and no row shows a blank
    cell (a row that left one out, ``Unit.traceless``, or a row printed blank). A table that
    leaves a 总计 blank shows it in its rows of zeros (``000000`` for seven cells); one that
    prints each of them whole prints its values whole. A finding says so."""
    if (
        not any(unit.fewer for unit in units)
        or any(unit.traceless for unit in units)
        or any(reading.blank for reading in readings)
    ):
        return units
    full = [
        unit
        for unit in units
        if unit.run is not None
        and len(digits := unit.run[0][: len(unit.run[0]) - unit.tail].replace(" ", ""))
        == len(unit.cells)
        and not digits.strip("0")
    ]
    if len(full) < MIN_FULL_ZERO_ROWS:
        return units
    findings.append(
        diagnostic(
            "every-cell-printed",
            f"{len(full)} rows of values run together print a 0 for each of their cells "
            f"({full[0].label}: {full[0].run[0]}), and no row leaves a cell out: blank cells "  # type: ignore[index]
            "do not hide in this text's runs of digits, each is cut into as many values as "
            "its row has cells",
            full[0].line,
            full[0].column,
        )
    )
    return [_printed_cells(unit, template) if unit.fewer else unit for unit in units]


def _printed_cells(unit: Unit, template: Template) -> Unit:
    """``unit``, a run of digits that could be fewer values, read in a text that prints
    every cell: its cuts into as many values as cells, and its readings with blank cells
    where it printed white space (``rows.gapped``), a blank cell a piece ``""``; still
    ``fewer`` where those are not listed."""
    ways = gapped(unit, template)
    if ways is None:
        return unit
    return _listed(unit, ways)


def _listed(unit: Unit, ways: Iterable[Sequence[Printed]]) -> Unit:
    """``unit``, a run of digits, with ``ways`` (each a piece a cell in order, a blank
    cell's ``""``) among its options: its readings all listed, no longer ``fewer``."""
    pieces = {piece: i for i, piece in enumerate(unit.pieces)}
    options = tuple(
        tuple([(at, pieces.setdefault(piece, len(pieces))) for at, piece in enumerate(way)])
        for way in ways
    )
    return attrs.evolve(
        unit,
        pieces=tuple(pieces),
        options=(*unit.options, *options),
        cut=unit.cut | frozenset(range(len(unit.pieces), len(pieces))),
        fewer=False,
    )


#: A count's text with a leading zero (``0470``), among a report's texts each led by
#: ``\x1f`` (a literal first character: the search skips to each at C speed).
_ZERO_LED = re.compile(r"\x1f[+-]?0\d")


def _zero_led(work: _Work) -> list[Diagnostic]:
    """A ``leading-zero`` finding for each count read from a text with a leading zero: no
    report pads its counts, so the zero is likely a blank cell's 0 glued on (``0`` and
    ``470`` with their separator lost) or an artefact. The value read is kept, doubted."""
    if not _ZERO_LED.search("\x1f" + "\x1f".join(filter(None, work.raws))):
        return []
    found = []
    for cell, (field, raw) in enumerate(zip(work.template.fields, work.raws, strict=True)):
        at = work.positions[cell]
        if (
            raw
            and _ZERO_LED.match("\x1f" + raw)
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


def holds_together(template: Template, reading: Reading) -> bool:
    """Whether the rules of ``reading``'s section all hold with it, resolved alone: none
    that it gives every cell of breaks, and no row had to be placed by its own rules alone
    because those linking the rows could not all hold."""
    resolved = _alone(template, reading)
    if any(
        found.code == "rules-contradict" or _BROKEN in found.message for found in resolved.findings
    ):
        return False
    values = resolved.values
    return not any(
        violated(rule, values) for rule in section_rule_set(template.name, reading.section).rules
    )


def settled_whole(template: Template, reading: Reading) -> bool:
    """Whether ``reading``'s section, resolved alone, leaves none of its cells missing."""
    resolved = _alone(template, reading)
    return not any(
        how == "missing"
        for field, how in zip(template.fields, resolved.provenance, strict=True)
        if field.section == reading.section
    )


def _alone(template: Template, reading: Reading) -> Resolved:
    """``reading`` resolved by its own section's rules: its cells are what they are with
    every rule (no rule joins two sections), and the other sections' cells, none of them
    given, are not searched for. The last ``ALONE_KEPT`` readings resolved are kept
    (``confirmed`` asks again for the one ``verifies`` has just resolved, and
    ``confirmed_but_one_row`` for each reading by sequence ``confirmed`` has just
    resolved); readings are frozen, so one reading resolves alike every time."""
    for known, of, resolved in _LAST_ALONE:
        if of is reading and known is template:
            return resolved
    resolved = resolve(template, [reading], section_rule_set(template.name, reading.section))
    _LAST_ALONE[:] = [(template, reading, resolved), *_LAST_ALONE[: ALONE_KEPT - 1]]
    return resolved


#: How many readings ``_alone`` keeps resolved: a section read by its order alone has a
#: handful of readings by sequence (four on a plain ``pdftotext`` of a Word PDF, each
#: resolved at a few M instructions), checked by ``confirmed`` and again by
#: ``confirmed_but_one_row``.
ALONE_KEPT = 8
#: The readings ``_alone`` last resolved, newest first, with their templates and
#: resolutions.
_LAST_ALONE: list[tuple[Template, Reading, Resolved]] = []


def _broken(
    template: Template,
    section: str,
    values: Sequence[Value | None],
    provenance: Sequence[Provenance] | None = None,
    unread: bool = False,
    numbered_all: bool = False,
) -> list[set[int]] | None:
    """The cells of each rule of ``section`` that ``values`` break; None where they leave
    a cell of the section without a value. With ``provenance``, a cell printed blank
    (``—``) with no value takes the number the rules give it (``_numbered``), and a rule
    through a blank no rule gives a number is not checked; with ``unread`` too, so does a
    missing cell (a value that is no number, ``21l``). A rule broken through a blank
    breaks the rule that gave the blank its number too: the two give it different numbers,
    and the text does not say which is right (a misread value moved out of the blank's
    column would otherwise pass as the report's own error where the two rules meet). With
    ``numbered_all``, None also where a blank or missing cell is left with no number: a
    rule through two such cells checks nothing."""
    cells = template.sections[section]
    rules = section_rule_set(template.name, section).rules
    known = list(values)
    broken: list[Rule] = []
    by: dict[int, Rule] = {}
    if provenance is not None:
        numbered = ("blank", "missing") if unread else ("blank",)
        blank = {cell for cell in cells if known[cell] is None and provenance[cell] in numbered}
        broken = _numbered(rules, known, blank, by)
        if any(known[cell] is None and (numbered_all or cell not in blank) for cell in cells):
            return None
    elif any(known[cell] is None for cell in cells):
        return None
    failing = [
        rule
        for rule in rules
        if all(known[c] is not None for c in rule.cells)
        and sum(known[c] for c in rule.left) != sum(known[c] for c in rule.right)  # type: ignore[misc]
    ]
    given = [by[c] for rule in failing for c in rule.cells if c in by and by[c] is not rule]
    return [set(rule.cells) for rule in broken + failing + given]


def _numbered(
    rules: Sequence[Rule],
    known: list[Value | None],
    blank: set[int],
    by: dict[int, Rule],
) -> list[Rule]:
    """``known`` with each cell of ``blank`` given the number the first rule it is the only
    unknown cell of gives it, as long as one does (that rule in ``by``); each rule that
    gives a number below 0 (broken: the cell stays without a number)."""
    broken = []
    found = True
    while blank and found:
        found = False
        for rule in rules:
            unknown = [cell for cell in rule.cells if cell in blank]
            if len(unknown) != 1 or any(known[c] is None for c in rule.cells if c != unknown[0]):
                continue
            cell = unknown[0]
            near, far = (rule.left, rule.right) if cell in rule.left else (rule.right, rule.left)
            number = sum(known[c] for c in far) - sum(known[c] for c in near if c != cell)  # type: ignore[misc]
            blank.discard(cell)
            found = True
            if number < 0:
                broken.append(rule)
            else:
                known[cell] = number
                by[cell] = rule
    return broken


def confirmed(template: Template, first: Reading, others: Iterable[Reading]) -> Reading | None:
    """The reading of ``others`` that the rules confirm, if there is one and only one.

    A reading is confirmed where it gives every cell of its section, agrees with every cell
    ``first`` gives for certain, and every rule of the section holds, or the rules it breaks
    all pass through one cell and every cell is printed: a report's own error in that cell,
    which the checks then report. A misreading moves values between cells, so it breaks
    rules through two cells or more, unless a value moves into a cell the rules fill
    (``_one_error_witnessed``). A cell printed blank (``—``), or missing (a value that is
    no number), is checked with the number the rules give it (``_broken``); the one reading
    that fits is not kept where it leaves one with no number, as the rules through it check
    nothing (a
    group printed as one row, its sub-rows missing: read by sequence a row off, with rows
    alike, only 总计 + 结转 = 新收 + 上年结转 would be left to check the rows, and
    ``1 + 21 = 21 + 1``). Where two confirmed readings give different values, the text
    leaves the choice open and none is kept. A reading with a value that is no number (the
    text damaged where it stands) in a cell only one rule passes through (each cell of
    section 四) is not kept either: that rule gives the cell its number and checks nothing,
    so the other cells of the rule stand unchecked wherever the reading puts them (a run of
    四's values, ``0 0 0 30 1S``, 三's last values among them)."""
    found = _only(_fitting(template, first, others))
    if found is None or _unread_unchecked(template, found):
        return None
    resolved = _alone(template, found)
    numbered = _broken(template, first.section, resolved.values, resolved.provenance, True, True)
    return found if numbered is not None else None


def _unread_unchecked(template: Template, reading: Reading) -> bool:
    """Whether ``reading`` gives a value that is no number (``1S``) to a cell that fewer
    than two rules of its section pass through."""
    by_cell = section_rule_set(template.name, reading.section).by_cell
    return any(
        len(by_cell.get(cell, ())) < 2
        for cells, printed, _ in reading.given
        for cell, (text, _, _) in zip(cells, printed, strict=True)
        if number(text) is None and not not_given(text)
    )


def _fitting(
    template: Template, first: Reading, others: Iterable[Reading]
) -> Iterator[tuple[Reading, tuple[Value | None, ...]]]:
    """Each of ``others`` that the rules confirm (``confirmed``), with its values."""
    mine, certain = _certain(template, first)
    for other in others:
        resolved = _alone(template, other)
        values = resolved.values
        broken = _broken(template, first.section, values, resolved.provenance, unread=True)
        if (
            broken is not None
            and (not broken or _one_error_witnessed(template, first.section, broken, resolved))
            and all(values[cell] == mine.values[cell] for cell in certain)
        ):
            yield other, values


def contested(
    template: Template, first: Reading, reading: Reading, others: Iterable[Reading]
) -> bool:
    """Whether a reading of ``others`` that the rules confirm (``confirmed``) gives a cell
    that ``reading`` (another way of reading ``first``'s text) gives another value: two ways
    of reading the text then fit the rules (a table read by bands, the same values read by
    sequence with one moved), and the text does not say which."""
    mine = _alone(template, reading).values
    cells = [cell for given in reading.given for cell in given[0]]
    return any(
        any(rival[cell] != mine[cell] for cell in cells)
        for _, rival in _fitting(template, first, others)
    )


def unmoved(template: Template, reading: Reading) -> Reading:
    """``reading`` (a reading by sequence the rules confirm) with each row left missing, said
    so, whose printed values with one of them moved to another place in the row (a blank
    too) fit the rules as well, the moves changing no rule's sums but through the numbers
    cells printed blank (``—``) take from the rules. The rules confirm the place of a value
    read by sequence only where placing it otherwise breaks one; two blanks of one row, in
    the columns a value moves between, take any such move between them, and a blank among
    zeros takes 0 in any of their cells (doubted outright, ``_blank_swaps``)."""
    ruled = section_rule_set(template.name, reading.section)
    blank = {
        cell
        for cells, printed, _ in reading.given
        for cell, (text, _, _) in zip(cells, printed, strict=True)
        if not_given(text)
    }
    if not blank:
        return reading
    resolved = _alone(template, reading)
    values, provenance = list(resolved.values), list(resolved.provenance)
    for cell in blank:
        values[cell], provenance[cell] = None, "blank"
    numbered = list(values)
    _numbered(ruled.rules, numbered, set(blank), {})  # it takes each cell it numbers out
    doubtful = [
        at
        for at, (cells, _, _) in enumerate(reading.given)
        if _blank_swaps(cells, blank, values, numbered)
        or any(
            _one_error_at_most(broken)
            for moved, shown in _moves(ruled, cells, values, provenance)
            if (broken := _broken(template, reading.section, moved, shown)) is not None
        )
    ]
    if not doubtful:
        return reading
    left = [cell for at in doubtful for cell in reading.given[at][0]]
    _, line, column = reading.given[doubtful[0]][1][0]
    note = diagnostic(
        "values-unplaced",
        f"section {SECTION_NAMES[SECTIONS[reading.section].NUMBER]}: {len(doubtful)} rows "
        "read by sequence fit the rules as well with one of their values moved, cells printed "
        "blank (—) taking the difference: their cells are missing",
        line,
        column,
        tuple(template.fields[cell].key for cell in left),
    )
    return attrs.evolve(
        reading,
        given=tuple(given for at, given in enumerate(reading.given) if at not in doubtful),
        closed=reading.closed.union(left),
        findings=(*reading.findings, note),
    )


def _blank_swaps(
    cells: tuple[int, ...],
    blank: set[int],
    values: Sequence[Value | None],
    numbered: Sequence[Value | None],
) -> bool:
    """Whether a cell of ``cells`` (a row) printed blank takes 0 from the rules
    (``numbered``) and another cell of the row prints 0: the two may swap places and every
    sum stays as it is, so no rule confirms which of them is the blank (``—`` among
    zeros), whatever the rules that meet elsewhere in a report that contradicts itself."""
    return any(numbered[cell] == 0 for cell in cells if cell in blank) and any(
        values[cell] == 0 for cell in cells if cell not in blank
    )


def _moves(
    ruled: RuleSet,
    cells: tuple[int, ...],
    values: list[Value | None],
    provenance: list[Provenance],
) -> Iterator[tuple[list[Value | None], list[Provenance]]]:
    """``values`` and ``provenance`` with the values of ``cells`` (a row), one of them moved
    to another place, a cell printed blank (``blank``: no value) moving as a value does,
    each way that changes some rule's sums through a blank and no other rule's.

    A move only permutes the row, so each rule on it is looked at through its places in
    the row (with their signs) and whether a cell of it outside the row is blank, worked
    out once per row; the values are copied only for a move that is yielded."""
    row = [(values[cell], provenance[cell]) for cell in cells]
    size = len(row)
    # a place of the row is blank once it holds a value printed blank or none; a rule
    # through a place whose old value is none passes through a blank whatever moves there
    blank = [mark == "blank" or value is None for value, mark in row]
    unread = [value is None for value, _ in row]
    where = {cell: at for at, cell in enumerate(cells)}
    on: dict[int, tuple[list[tuple[int, int]], bool]] = {}
    touching: list[list[int]] = []
    for cell in cells:
        keys = []
        for rule in ruled.by_cell.get(cell, ()):
            key = id(rule)
            keys.append(key)
            if key not in on:
                spots = sorted({where[c] for c in rule.cells if c in where})
                on[key] = (
                    [(p, (cells[p] in rule.left) - (cells[p] in rule.right)) for p in spots],
                    any(
                        provenance[c] == "blank" or values[c] is None
                        for c in rule.cells
                        if c not in where
                    ),
                )
        touching.append(keys)
    for at in range(size):
        rest = [p for p in range(size) if p != at]
        for to in range(size):
            if to == at:
                continue
            moved = [*rest[:to], at, *rest[to:]]  # the place each place's value comes from
            changed = [p for p in range(size) if row[moved[p]] != row[p]]
            if not changed:
                continue
            through = False
            fits = True
            for key in dict.fromkeys(key for p in changed for key in touching[p]):
                places, outside = on[key]
                if outside or any(blank[moved[p]] or unread[p] for p, _ in places):
                    through = True
                    continue
                total: Value = 0
                for p, sign in places:
                    if sign and p in changed:
                        total += sign * (row[moved[p]][0] - row[p][0])  # type: ignore[operator]
                if total:
                    fits = False
                    break
            if not through or not fits:
                continue
            shown, marks = list(values), list(provenance)
            for p in changed:
                shown[cells[p]], marks[cells[p]] = row[moved[p]]
            yield shown, marks


def agrees(template: Template, first: Reading, other: Reading) -> bool:
    """Whether ``other`` gives more cells of its section than ``first`` (or as many, fewer of
    them amounts in no known unit) and the same value to every cell ``first`` gives for
    certain."""
    mine, certain = _certain(template, first)
    theirs = _alone(template, other)
    cells = template.sections[first.section]
    given = sum(theirs.values[c] is not None for c in cells) - sum(
        mine.values[c] is not None for c in cells
    )
    more = given > 0 or (given == 0 and len(_unit_unknown(theirs)) < len(_unit_unknown(mine)))
    return more and all(theirs.values[cell] == mine.values[cell] for cell in certain)


def vouched(template: Template, reading: Reading, keys: Collection[str]) -> bool:
    """Whether a rule through a cell of ``keys`` and a cell of none holds with ``reading``
    resolved alone, each of its cells printed (a number or blank, none derived from the
    rules): a row's own sum holds wherever its values are put, a rule to another row
    only where they are that row's."""
    resolved = _alone(template, reading)
    by_cell = section_rule_set(template.name, reading.section).by_cell
    cells = {template.index[key] for key in keys}
    return any(
        not cells.issuperset(rule.cells)
        and violated(rule, resolved.values) is False
        and all(resolved.provenance[cell] in _PRINTED for cell in rule.cells)
        for cell in cells
        for rule in by_cell.get(cell, ())
    )


def borne_out(template: Template, reading: Reading, cells: Collection[int]) -> bool:
    """Whether the rules through a cell of ``cells`` and a cell of none, each of their cells
    printed (a number or blank, none derived from the rules), all hold with ``reading``
    resolved alone, and there is one: a row's own sum holds wherever its values are put,
    and in whatever order of its parts; a rule to another row only where they are that
    row's, in its columns."""
    resolved = _alone(template, reading)
    by_cell = section_rule_set(template.name, reading.section).by_cell
    checked = {
        rule.name: rule
        for cell in cells
        for rule in by_cell.get(cell, ())
        if not set(cells).issuperset(rule.cells)
        and all(resolved.provenance[c] in _PRINTED for c in rule.cells)
    }
    return bool(checked) and not any(violated(rule, resolved.values) for rule in checked.values())


#: The provenance of a cell the text prints (``vouched``, ``borne_out``).
_PRINTED = frozenset(("parsed", "blank"))


def in_no_unit(template: Template, reading: Reading) -> bool:
    """Whether ``reading`` gives an amount as printed, in no unit its cell or its column's
    header names."""
    return bool(_unit_unknown(_alone(template, reading)))


def _unit_unknown(resolved: Resolved) -> set[str]:
    """The keys of the amounts ``resolved`` gives as printed, in no unit the cell or its
    column's header names (``unit-unknown``)."""
    return {
        key for found in resolved.findings if found.code == "unit-unknown" for key in found.keys
    }


def confirmed_but_one_row(
    template: Template, first: Reading, others: Iterable[Reading]
) -> Reading | None:
    """The reading of ``others`` that the rules confirm but for one of its rows, whose
    printed values they put in another order, if there is one and only one: a report that
    contradicts itself, read by sequence, keeps the rows certain on their own, and the row
    whose order the text lost is read in the order the rules give it (issue 45 item 5).

    A reading that gives every cell of its section but is not ``confirmed`` is tried
    without each row (a ``given``) whose own rules break. The rules then check that row:
    its cells, solved from the other rows (``_solved``), must be the values the text
    printed for it in another order, and every rule holds, or the ones that break all pass
    through one cell (the report's own error, as in ``confirmed``). The row's printed values
    are then placed in that order (``_in_rule_order``): a single error of the report's
    elsewhere changes one solved cell, and so never gives the printed values back. The
    rest must agree with every cell ``first`` gives for certain. Where leaving out one row
    or another both check out with different values, none is kept."""
    mine, certain = _certain(template, first)
    rules = section_rule_set(template.name, first.section).rules

    def agreeing() -> Iterator[tuple[Reading, tuple[Value | None, ...]]]:
        for other in others:
            resolved = _alone(template, other)
            whole = resolved.values
            if _broken(template, first.section, whole, resolved.provenance) is None:
                continue
            for at, (cells, _, _) in enumerate(other.given):
                if not any(
                    violated(rule, whole) for rule in rules if set(rule.cells) <= set(cells)
                ):
                    continue
                values = _alone(template, _without(other, at)).values
                agrees = all(values[c] == mine.values[c] for c in certain if c not in cells)
                solved = _reordered(rules, values, cells, whole) if agrees else None
                if solved is not None:
                    placed = _in_rule_order(template, other, at, solved)
                    yield placed, _alone(template, placed).values

    return _only(agreeing())


def _certain(template: Template, first: Reading) -> tuple[Resolved, list[int]]:
    """``first`` resolved alone, and the cells it gives for certain (parsed, and an amount
    only in a known unit)."""
    mine = _alone(template, first)
    unknown = _unit_unknown(mine)
    fields = template.fields
    return mine, [
        cell
        for cells, _, _ in first.given
        for cell in cells
        if mine.provenance[cell] == "parsed" and fields[cell].key not in unknown
    ]


def _one_error_witnessed(
    template: Template, section: str, broken: list[set[int]], resolved: Resolved
) -> bool:
    """Whether the rules ``broken`` all pass through one cell, and every cell of the section
    is printed (or printed blank): a cell missing (a value that is no number, ``21l``) or
    derived (a group row's) takes whatever the rules need, so a value moved into it breaks
    no rule, and one broken rule no longer shows a single error of the report's."""
    return _one_error_at_most(broken) and all(
        resolved.provenance[cell] not in ("derived", "missing")
        for cell in template.sections[section]
    )


def _one_error_at_most(broken: list[set[int]]) -> bool:
    """Whether the rules ``broken`` all pass through one cell (or none is broken)."""
    return not broken or bool(set.intersection(*broken))


def _only(found: Iterable[tuple[Reading, tuple[Value | None, ...]]]) -> Reading | None:
    """The reading ``found`` gives, where every one found gives the same values."""
    kept: tuple[Reading, tuple[Value | None, ...]] | None = None
    for reading, values in found:
        if kept is None:
            kept = reading, values
        elif kept[1] != values:
            return None
    return kept[0] if kept else None


def _reordered(
    rules: Sequence[Rule],
    values: Sequence[Value | None],
    cells: Sequence[int],
    whole: Sequence[Value | None],
) -> list[Value] | None:
    """The values the rules give ``cells`` (unknown in ``values``), where they are the
    values ``whole`` printed for them in another order and the rules then hold, or break
    through one cell only; else None."""
    solved = _solved(rules, values, cells)
    if solved is None or sorted(solved) != sorted(whole[cell] for cell in cells):  # type: ignore[type-var]
        return None
    filled = list(values)
    for cell, value in zip(cells, solved, strict=True):
        filled[cell] = value
    broken = [set(rule.cells) for rule in rules if violated(rule, filled)]
    return solved if _one_error_at_most(broken) else None


def _solved(
    rules: Sequence[Rule], values: Sequence[Value | None], cells: Sequence[int]
) -> list[Value] | None:
    """The values of ``cells`` (unknown in ``values``) that the rules give them, each from
    a rule whose other cells are known, or None where a cell is given none or two. Other
    unknown cells (printed blank) take the values the rules give them on the way, never
    below 0."""
    known = list(values)
    found: dict[int, Value] = {}
    progress = True
    while progress and not found.keys() >= set(cells):
        progress = False
        for rule in rules:
            cell = _only_unknown(rule, known)
            if cell is not None:
                known[cell] = found[cell] = _balance(rule, known, cell)
                progress = True
    if (
        not found.keys() >= set(cells)
        or any(value < 0 for cell, value in found.items() if cell not in cells)
        or any(violated(rule, known) for rule in rules if set(rule.cells) & set(cells))
    ):
        return None
    return [found[cell] for cell in cells]


def _only_unknown(rule: Rule, known: Sequence[Value | None]) -> int | None:
    """The one cell of ``rule`` without a value, where it has one and counts it once."""
    unknown = [cell for cell in rule.cells if known[cell] is None]
    if len(unknown) != 1 or rule.cells.count(unknown[0]) != 1:
        return None
    return unknown[0]


def _balance(rule: Rule, known: Sequence[Value | None], cell: int) -> Value:
    """The value of ``cell`` that makes ``rule`` hold, its other cells ``known``."""
    left = sum(known[c] for c in rule.left if c != cell)  # type: ignore[misc]
    right = sum(known[c] for c in rule.right if c != cell)  # type: ignore[misc]
    return right - left if cell in rule.left else left - right


def _without(reading: Reading, at: int) -> Reading:
    """``reading`` with its ``at``-th row left out, its cells missing."""
    cells, _, _ = reading.given[at]
    return attrs.evolve(
        reading,
        given=reading.given[:at] + reading.given[at + 1 :],
        closed=reading.closed.union(cells),
    )


def _in_rule_order(
    template: Template, reading: Reading, at: int, solved: Sequence[Value]
) -> Reading:
    """``reading`` with the printed values of its ``at``-th row placed in the order that
    ``solved`` (a reordering of them) gives, and said so."""
    cells, printed, unit = reading.given[at]
    left = list(printed)
    ordered = []
    for value in solved:
        piece = next(p for p in left if convert(p[0], "count", None)[0] == value)
        left.remove(piece)
        ordered.append(piece)
    _, line, column = printed[0]
    return attrs.evolve(
        reading,
        given=(*reading.given[:at], (cells, tuple(ordered), unit), *reading.given[at + 1 :]),
        findings=(
            *reading.findings,
            diagnostic(
                "values-reordered",
                f"in text read by sequence, the {len(printed)} values taken for this row "
                f"({' '.join(p[0] for p in printed)}) break its own sum; the other rows' "
                "rules give it exactly these values in another order, so the text lost "
                f"their order: read as {' '.join(p[0] for p in ordered)}",
                line,
                column,
                tuple(template.fields[cell].key for cell in cells),
            ),
        ),
    )


#: ``cells.number`` of a piece's text, once per distinct text.
_NUMBERS = Memo(number, len)


def _count(text: str) -> int:
    """The count a piece's text gives the solver: its number, 0 for a blank piece or a
    text that is none."""
    return int(_NUMBERS[text] or 0) if text else 0


#: ``_count`` of a piece's text, once per distinct text (looked up at C speed by ``map``).
_COUNTS = Memo(_count, len)


#: A unit's cells.
_CELLS = attrgetter("cells")

#: How a derived cell is named (``_Work._name``): the rules on each cell that may name it,
#: and the rules of the unit that placed it, in the catalogue's order (``None``: a lost cell).
_Naming = tuple[dict[int, tuple[Rule, ...]], tuple[Rule, ...] | None]


def _held(rule: Rule, values: Sequence[Value | None], holds: dict[str, bool]) -> bool:
    """Whether ``rule`` holds with ``values``, checked once (``holds``: by rule, what was
    found)."""
    held = holds.get(rule.name)
    if held is None:
        held = holds[rule.name] = violated(rule, values) is False
    return held


def _first_held(
    rules: Iterable[Rule], values: Sequence[Value | None], holds: dict[str, bool]
) -> Rule | None:
    """The first of ``rules`` that holds with ``values`` (``_held``), if any."""
    return next((rule for rule in rules if _held(rule, values, holds)), None)


def _first_held_on_cells(
    own: Sequence[Rule], values: Sequence[Value | None], holds: dict[str, bool]
) -> dict[int, Rule]:
    """Each cell's first of a unit's ``own`` rules (in the catalogue's order, as each
    cell's rules are) that holds with ``values`` (``_held``)."""
    firsts: dict[int, Rule] = {}
    for rule in own:
        if _held(rule, values, holds):
            for cell in rule.cells:
                firsts.setdefault(cell, rule)
    return firsts


@lru_cache(maxsize=1 << 10)
def _own_rules(rules: RuleSet, cells: tuple[int, ...]) -> tuple[Rule, ...]:
    """The rules of ``rules`` all of whose cells are among ``cells``, in their order: a
    report's rows are the template's rows, worked out once."""
    inside = frozenset(cells)
    return tuple(rule for rule in rules.rules if inside.issuperset(rule.cells))


def _touching(by_cell: dict[int, tuple[Rule, ...]], cell: int) -> list[str]:
    """The names of the rules on ``cell``, sorted."""
    return sorted(rule.name for rule in by_cell.get(cell, ()))


@weighed(
    lambda options, placements, amounts: 2 * sum(map(len, options)),
    lambda placements, amounts: 2 * sum(map(len, placements)),
)
def _options(
    placements: tuple[Placement, ...], amounts: tuple[int, ...]
) -> tuple[solver.Option, ...]:
    """A unit's options as the solver takes them: each placement with its pieces' counts.
    Rows of one shape and values (a short row of zeros) share them."""
    triples = _Triples(amounts)
    return Hashed(tuple(map(triples.__getitem__, placement)) for placement in placements)


class _Triples(dict[tuple[int, int], solver.CellValue]):
    """A placement's ``(position, piece)`` as the solver's ``(position, count, piece)``,
    each made once and shared by every option that has it: a run's thousands of ways
    would otherwise keep as many copies alive for the garbage collector to walk."""

    def __init__(self, amounts: tuple[int, ...]) -> None:
        super().__init__()
        self.amounts = amounts

    def __missing__(self, pair: tuple[int, int]) -> solver.CellValue:
        at, piece = pair
        self[pair] = found = (at, self.amounts[piece], piece)
        return found


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
        #: The cells read printed blank because their row's label stands with no value at
        #: all (``Reading.blank``): no place in the text shows them empty.
        self.label_alone: set[int] = set()
        #: The cells the solver derived, named once every value is known (``_name``): each
        #: with the rules that may name it, by cell, and the rules of the unit that placed it
        #: (its own row's, in the catalogue's order, first; ``None`` for a lost cell).
        self.unnamed: dict[int, _Naming] = {}

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
        amounts = False  # a count prints an amount of money
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
                amounts = amounts or (kind == "count" and _amount(text))
        if amounts:
            self._out_of_order(cells, printed)

    def _out_of_order(self, cells: Sequence[int], printed: Sequence[Printed]) -> None:
        """A row whose count prints an amount of money (a decimal): its values may be out of
        order (a line moved among its cells), so its money cells are not taken as printed
        either: missing, the doubt said on each."""
        fields = self.template.fields
        for cell, (text, line, column) in zip(cells, printed, strict=True):
            field = fields[cell]
            if field.kind == "money" and self.origins[cell] == "parsed":
                self.values[cell] = None
                self.origins[cell] = "missing"
                self.findings.append(
                    diagnostic(
                        "values-unplaced",
                        f"{field.row_label} {field.column_label}: {text!r} left missing: the "
                        "row's count prints an amount of money, so its values may be out of "
                        "order",
                        line,
                        column,
                        (field.key,),
                    )
                )

    def derive(self, cell: int, value: Value, rule: str) -> None:
        self.values[cell] = value
        self.origins[cell] = "derived"
        self.rules[cell] = rule
        self.unnamed.pop(cell, None)

    def derive_solved(self, cell: int, value: Value, naming: _Naming | None = None) -> None:
        """Derive ``cell`` as the solver agreed (placed from a unit's values, ``naming``: the
        rules that may name it and the unit's own; else a lost cell), to be named by
        ``_name`` once every value is known: which solutions a search visited must not name
        a cell's rule."""
        self.derive(cell, value, "the rules")
        self.unnamed[cell] = (self.rule_set.by_cell, None) if naming is None else naming

    def _name(self) -> None:
        """Name each cell the solver derived by a rule on it that holds with every other
        cell known (it gives the value from the others' final values): the first, in the
        catalogue's order, of its unit's own row, else the first of all; where none holds,
        ``the rules`` (a lost cell) or ``placement:`` and the rules on the cell. The name so
        depends on the values alone, never on the solutions a search visited. Each rule is
        checked once, and a unit's own rules are matched to its cells once: a report's
        derived cells share their rows' and columns' rules."""
        values = self.values
        holds: dict[str, bool] = {}  # by rule: whether it holds with the final values
        firsts: dict[int, dict[int, Rule]] = {}  # by a unit's own rules (their id)
        for cell, (by_cell, own) in self.unnamed.items():
            if own is None:
                chosen = _first_held(by_cell.get(cell, ()), values, holds)
                self.rules[cell] = "the rules" if chosen is None else chosen.name
                continue
            mine = firsts.get(id(own))
            if mine is None:
                mine = firsts[id(own)] = _first_held_on_cells(own, values, holds)
            chosen = mine.get(cell) or _first_held(by_cell.get(cell, ()), values, holds)
            self.rules[cell] = "placement: " + (
                chosen.name if chosen else ", ".join(_touching(by_cell, cell))
            )
        self.unnamed.clear()

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
        value. Where a row's values add up under no such reading, or no solution exists so,
        a value may have been lost rather than a blank, and every short row is solved as any
        other: the cells its values leave out unknown."""
        rules = self.rule_set
        checked = set(rules.by_cell)
        readings = self._solvable(units, checked)
        solvable, assumed = _with_blank_readings(readings)
        lost = self._lost(checked, units)
        blanks = self._lost(checked, units, "blank")
        if not lost and not solvable and not blanks:
            return
        unknown = [*lost, *blanks]
        outcome = self._solve(rules.rules, solvable, unknown)
        solvable, outcome = self._without_blank_readings(
            readings, solvable, assumed, outcome, lost, unknown
        )
        contradicted = self._settle_units(solvable, outcome)
        self._derive_agreed(lost, blanks, outcome)
        if contradicted or outcome.infeasible.intersection(lost):
            self._derive_despite(rules.rules, self._lost(checked, units))
        self._name()

    def _without_blank_readings(
        self,
        readings: Sequence[tuple[Unit, list[Rule], Unit | None]],
        solvable: list[tuple[Unit, solver.Choice]],
        assumed: Sequence[bool],
        outcome: solver.Outcome,
        lost: Sequence[int],
        unknown: Sequence[int],
    ) -> tuple[list[tuple[Unit, solver.Choice]], solver.Outcome]:
        """The units and outcome with the blank readings taken back where they may hide a
        lost value: every one where no reading with blank cells lets the rules hold (the
        cells a row's values leave out may hold lost values, and are read as the text gives
        them), and where a rule ties a row read with blanks to a free cell, that part of the
        model (``_unassumed``)."""
        rules = self.rule_set.rules
        if any(unit.traceless and unit.cells[0] in outcome.infeasible for unit, _ in solvable):
            solvable = [_modelled(_glued(_as_printed(unit), own)) for unit, own, _ in readings]
            return solvable, self._solve(rules, solvable, unknown)
        if any(assumed) and (lost or not all(assumed)):
            printed = [unit for unit, _, _ in readings]
            free = [
                *lost,
                *(c for u, a in zip(printed, assumed, strict=True) if not a for c in u.cells),
            ]
            return self._unassumed(solvable, printed, outcome, free, unknown)
        return solvable, outcome

    def _solvable(
        self, units: Sequence[Unit], checked: set[int]
    ) -> list[tuple[Unit, list[Rule], Unit | None]]:
        """The units the rules check, each with its own row's rules and, for a row that
        leaves its blank cells out without a trace, its reading with those cells blank
        (``_blank_around``; None where no such reading adds up); the others placed here: a
        unit no rule checks by its options alone, one with a placeholder or a text that is
        no number not at all."""
        readings: list[tuple[Unit, list[Rule], Unit | None]] = []
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
            if not checked.intersection(unit.cells):
                self._unchecked(unit)
            # ``is None``, not ``None in``: ``Decimal == None`` asks ``numbers.Rational``'s
            # ``isinstance`` in Python (about 2,000 instructions a value)
            elif not self.template.counts.issuperset(unit.cells) or any(
                _NUMBERS[text] is None for text, _, _ in unit.pieces if text
            ):
                self._not_placed(
                    unit,
                    "a placeholder or a text that is no number among them leaves the rules "
                    "unchecked",
                )
            else:
                own = self._own(unit)
                readings.append((unit, own, _blank_around(unit, own) if unit.traceless else None))
        return readings

    def _settle_units(
        self, solvable: Sequence[tuple[Unit, solver.Choice]], outcome: solver.Outcome
    ) -> list[tuple[Unit, solver.Choice]]:
        """Settle each unit by ``outcome``; one its search left unsettled, and one the
        rules contradict, by its own row's rules alone. Returns the contradicted units."""
        contradicted = [pair for pair in solvable if pair[1].cells[0] in outcome.infeasible]
        for at, (unit, model) in enumerate(solvable):
            if unit.cells[0] in outcome.unsettled:
                own = self._own(unit)
                self._settle(unit, 0, self._solve(own, [(unit, model)], []), own, _BUDGET)
            elif unit.cells[0] not in outcome.infeasible:
                self._settle(unit, at, outcome)
        for unit, model in contradicted:
            own = self._own(unit)
            if unit.run is not None and len(unit.options) == 1 and not unit.fewer:
                own = []  # digits that cut one way only: certain whatever the rules say
            self._settle(unit, 0, self._solve(own, [(unit, model)], []), own, _BROKEN)
        return contradicted

    def _derive_agreed(
        self, lost: Sequence[int], blanks: Sequence[int], outcome: solver.Outcome
    ) -> None:
        """The ``lost`` cells every solution agrees on, derived; a printed blank (of
        ``blanks``) only where the rules prove it is 0 (never another number). A row read
        printed blank because its label stands with no value (``label_alone``), whose cells
        the rules prove another number, is no blank the reading can claim: its values may
        stand elsewhere (a line moved away), or the report contradicts itself, and the rules
        cannot tell which (``_not_blank``). A cell seen empty in its place (a grid's, a
        space-aligned gap, a dash) is printed blank whatever the rules say: reports leave
        their 总计 column blank."""
        for cell in lost:
            agreed = outcome.agreed.get(cell)
            if agreed is not None:
                self.derive_solved(cell, agreed.value)
        contradicted: dict[int, Value | None] = {}
        unsettled = []
        for cell in blanks:
            agreed = outcome.agreed.get(cell)
            if agreed is not None and agreed.value == 0:
                self.derive_solved(cell, 0)
            elif cell in self.label_alone:
                if agreed is None:
                    unsettled.append(cell)
                else:
                    contradicted[cell] = agreed.value
        contradicted.update(dict.fromkeys(self._refuted_together(unsettled)))
        if contradicted:
            self._not_blank(contradicted)

    def _refuted_together(self, cells: Sequence[int]) -> set[int]:
        """Those of ``cells`` (read printed blank by their label alone, which the rules do
        not settle one by one) that a rule through them breaks with all of them 0, its other
        side known and the unread cells of their side 0 too: two rows whose value lines moved
        away, in one column whose total leaves 2 for them, are not both blank, and which is
        not is not shown; nor is it where a row beside them was not read (its values, or
        theirs, moved away). A cell printed "not given" (``—``) counts as 0 here too: the
        number may be its, or a moved row's, which the text does not tell."""
        if not cells:
            return set()
        values = list(self.values)
        for cell, origin in enumerate(self.origins):
            if origin == "blank" and values[cell] is None:
                values[cell] = 0  # printed blank: what it adds up to
        blank = set(cells)
        refuted: set[int] = set()
        for cell in cells:
            for rule in self.rule_set.by_cell.get(cell, ()):
                left = cell in rule.left
                side, other = (rule.left, rule.right) if left else (rule.right, rule.left)
                if any(values[c] is None for c in other):
                    continue
                if sum(values[c] or 0 for c in side) != sum(values[c] for c in other):  # type: ignore[misc]
                    refuted.update(blank.intersection(rule.cells))
        return refuted

    def _not_blank(self, contradicted: dict[int, Value | None]) -> None:
        """The printed blanks of ``contradicted`` missing, with what the rules make each
        (``None``: a number they do not settle)."""
        fields = self.template.fields
        cells = sorted(contradicted)
        for cell in cells:
            self.origins[cell], self.raws[cell] = "missing", None
        made = ", ".join(
            f"{fields[cell].row_label} {fields[cell].column_label}"
            + ("" if contradicted[cell] is None else f" {contradicted[cell]}")
            for cell in cells
        )
        self.findings.append(
            diagnostic(
                "blank-contradicted",
                "cells read as printed blank that the rules do not let all be 0 "
                f"({made}), the cells beside them that the text does not give (not read, "
                "or printed not given) taken as 0 too: their values may stand elsewhere in "
                "the text, or the report contradicts itself; left missing",
                keys=tuple(fields[cell].key for cell in cells),
            )
        )

    def _unassumed(
        self,
        solvable: list[tuple[Unit, solver.Choice]],
        printed: Sequence[Unit],
        outcome: solver.Outcome,
        free: Sequence[int],
        unknown: Sequence[int],
    ) -> tuple[list[tuple[Unit, solver.Choice]], solver.Outcome]:
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
            {cell: seen for cell, seen in again.agreed.items() if cell in tied}
            | {cell: seen for cell, seen in outcome.agreed.items() if cell not in tied},
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
            agreed, suspects = self._agreed_without_one(rules, outcome, stuck)
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
            self.derive_solved(cell, seen.value)

    def _agreed_without_one(
        self, rules: Sequence[Rule], outcome: solver.Outcome, stuck: list[int]
    ) -> tuple[dict[int, solver.Agreed] | None, list[str]]:
        """What every model without one of the rules touching the contradiction (of
        ``outcome``) that has a solution agrees on for the ``stuck`` cells, and those rules
        (one of them is broken)."""
        touching = [rule for rule in rules if not outcome.infeasible.isdisjoint(rule.cells)]
        agreed: dict[int, solver.Agreed] | None = None
        suspects: list[str] = []
        lo, hi = self._bounds()
        models = solver.solve_without_each(lo, hi, rules, touching, stuck)
        for rule, without in zip(touching, models, strict=True):
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
        return agreed, suspects

    def _lost(self, checked: set[int], units: Sequence[Unit], origin: Origin = "lost") -> list[int]:
        """The count cells no row gave (or of another ``origin``) that a rule touches, units'
        cells aside."""
        origins = self.origins
        placed = set(chain.from_iterable(map(_CELLS, units)))
        found: list[int] = []
        cell = -1
        for _ in range(origins.count(origin)):  # each found by a search at C speed
            cell = origins.index(origin, cell + 1)
            if cell in checked and cell not in placed:
                found.append(cell)
        return found

    def _solve(
        self,
        rules: Sequence[Rule],
        units: Sequence[tuple[Unit, solver.Choice]],
        lost: Sequence[int],
    ) -> solver.Outcome:
        """The solver's outcome for ``units`` and the ``lost`` cells, every other cell with
        a value fixed to it."""
        lo, hi = self._bounds()
        scope = [*(cell for unit, _ in units for cell in unit.cells), *lost]
        return solver.solve(lo, hi, rules, [model for _, model in units], scope)

    def _bounds(self) -> tuple[list[int | float], list[int | float]]:
        """Each cell's interval for the solver: its value fixed, or any count."""
        values = self.values
        lo: list[int | float] = [0 if value is None else value for value in values]  # type: ignore[misc]
        hi: list[int | float] = [inf if value is None else value for value in values]  # type: ignore[misc]
        return lo, hi

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
        gaps = _gaps(unit, at, outcome)
        cells = unit.cells
        if gaps:
            for cell in gaps:
                self.origins[cell] = "missing"
            cells = tuple(cell for cell in cells if cell not in gaps)
        naming = (
            (self.rule_set.by_cell, _own_rules(self.rule_set, unit.cells))
            if alone is None
            else (_by_cell(alone), tuple(alone))
        )
        kept = sum(self._keep(unit, at, cell, outcome, naming) for cell in cells)
        self.findings.append(
            _placed(
                unit,
                kept + len(gaps) == len(unit.cells),
                self._left_missing(unit),
                reason if alone is not None else "",
                self._unstood(unit),
            )
        )
        if gaps:
            self.findings.append(self._not_derived(unit, gaps))

    def _keep(
        self,
        unit: Unit,
        at: int,
        cell: int,
        outcome: solver.Outcome,
        naming: _Naming,
    ) -> bool:
        """Keep ``cell`` of ``unit`` (unit ``at`` of the model) where every solution agrees
        on it: parsed where a printed piece of the unit's own gives it whole, else derived
        (``naming``: the rules that may name it, ``derive_solved``); whether it was kept
        (else it is missing)."""
        by_cell = naming[0]
        agreed = outcome.agreed.get(cell)
        piece = agreed.source[1] if agreed is not None and agreed.source is not None else None
        cut = piece in unit.cut
        unsure = cut and unit.fewer and piece not in unit.sure
        if agreed is None or (unsure and cell not in by_cell):
            self.origins[cell] = "missing"
            return False
        if (
            agreed.source is not None
            and agreed.source[0] == at
            and unit.pieces[agreed.source[1]][0]
        ):
            text, line, column = unit.pieces[agreed.source[1]]
            self.raws[cell], self.positions[cell] = text, (line, column)
            if not cut:
                self.values[cell], self.origins[cell] = agreed.value, "parsed"
                return True
            why = "collapsed cell split: " + (
                ", ".join(_touching(by_cell, cell)) or "the only split"
            )
        else:
            self.derive_solved(cell, agreed.value, naming)
            return True
        self.derive(cell, agreed.value, why)
        return True

    def _not_derived(self, unit: Unit, gaps: Mapping[int, Value]) -> Diagnostic:
        """The finding on the ``gaps`` of ``unit`` left missing: the cells its values leave
        out, with the values the rules would give them."""
        fields = self.template.fields
        named = ", ".join(f"{fields[cell].column_label} {value}" for cell, value in gaps.items())
        return diagnostic(
            "gap-not-derived",
            f"{unit.label}: the rules would give the cell(s) its {len(unit.pieces)} values "
            f"leave out ({named}), but in this text such a cell is printed blank or holds a "
            "value printed on another line, and a blank is derived only as 0: missing",
            unit.line,
            unit.column,
            tuple(fields[cell].key for cell in gaps),
        )

    def _own(self, unit: Unit) -> list[Rule]:
        """The rules all of whose cells are ``unit``'s: its own row's."""
        return list(_own_rules(self.rule_set, unit.cells))

    def _unchecked(self, unit: Unit) -> None:
        """A unit no rule checks: a cell is kept only where every option gives it the same
        printed value (a value cut from digits that could also be fewer values, only where
        every such reading gives it the cell too: ``Unit.sure``)."""
        kept = 0
        for at, cell in enumerate(unit.cells):
            pieces = {dict(option).get(at) for option in unit.placements()}
            piece = pieces.pop() if len(pieces) == 1 else None
            if piece is None or (piece in unit.cut and unit.fewer and piece not in unit.sure):
                self.origins[cell] = "missing"
                continue
            kept += 1
            self.give((cell,), (unit.pieces[piece],), unit.money_unit)
            if piece in unit.cut and self.values[cell] is not None:
                why = "the cut the prose states" if unit.prose else "the only split"
                self.derive(cell, self.values[cell], f"collapsed cell split: {why}")  # type: ignore[arg-type]
        found = _placed(unit, kept == len(unit.cells), self._left_missing(unit))
        if found.code == "run-cut-by-prose":  # it names the cells the prose chose the cut of
            found = attrs.evolve(found, keys=tuple(self.template.fields[c].key for c in unit.cells))
        self.findings.append(found)

    def _unstood(self, unit: Unit) -> tuple[str, ...]:
        """The keys of the cells of ``unit`` left missing that stand under no column any of
        its values may stand in (``Unit.fits``): no placement gives them a value."""
        if not unit.fits:
            return ()  # not placed by columns (most units: at once)
        covered = {at for fit in unit.fits for at in fit}
        return tuple(
            self.template.fields[cell].key
            for at, cell in enumerate(unit.cells)
            if at not in covered and self.origins[cell] == "missing"
        )

    def _left_missing(self, unit: Unit) -> tuple[str, ...]:
        """The keys of the cells of ``unit`` left missing."""
        if "missing" not in map(self.origins.__getitem__, unit.cells):
            return ()  # every cell kept (most units): found at C speed
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
    sums = sides(unit.cells, rules)
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


def _with_blank_readings(
    readings: Sequence[tuple[Unit, list[Rule], Unit | None]],
) -> tuple[list[tuple[Unit, solver.Choice]], list[bool]]:
    """The units modelled for the solver, each traceless row by its blank reading where it
    has one, and whether it was (its left-out cells assumed blank). A row that no blank
    reading lets add up lost a value: the table's other short rows may have lost one too,
    and none is read with blank cells."""
    lossy = any(unit.traceless and blanked is None for unit, _, blanked in readings)
    assumed = [blanked is not None and not lossy for _, _, blanked in readings]
    solvable = [
        _modelled(_glued((None if lossy else blanked) or _as_printed(unit), own))
        for unit, own, blanked in readings
    ]
    return solvable, assumed


def _tied(
    rules: Sequence[Rule], solvable: Sequence[tuple[Unit, solver.Choice]], free: Sequence[int]
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
    sums = sides(unit.cells, rules)
    options = []
    for count in (blank, blank - 1) if unit.tail else (blank,):
        for chosen in _fillings(size, amounts[:count], sums):
            taken = dict(zip(chosen, range(count), strict=True))
            options.append(tuple((at, taken.get(at, blank)) for at in range(size)))
    if not options:
        return None
    return attrs.evolve(
        unit, pieces=(*unit.pieces, ("", unit.line, unit.column)), options=tuple(options)
    )


def _fillings(
    size: int, amounts: Sequence[int], sums: Sequence[Sides]
) -> Iterator[tuple[int, ...]]:
    """The cells ``amounts`` fill in order, the other cells 0, that make each pair of
    ``sums`` equal: those of ``combinations(range(size), len(amounts))``, in its order
    (``reading.in_order``), each rule checked as soon as its last cell is filled or left
    out, so that a placement it breaks is not followed further (a row of 15 cells with 5
    values is 3,003 placements)."""
    count = len(amounts)
    weights = [[0] * len(sums) for _ in range(size)]
    ends: list[list[int]] = [[] for _ in range(size)]
    for at, (left, right) in enumerate(sums):
        for cell in left:
            weights[cell][at] += 1
        for cell in right:
            weights[cell][at] -= 1
        if left or right:
            ends[max((*left, *right))].append(at)

    def holds(gaps: list[int], after: int, upto: int) -> bool:
        """Whether the rules ending after cell ``after`` up to cell ``upto`` hold."""
        return all(not gaps[at] for cell in range(after + 1, upto + 1) for at in ends[cell])

    def fill(piece: int, last: int, gaps: list[int]) -> Iterator[tuple[int, ...]]:
        if piece == count:
            if holds(gaps, last, size - 1):
                yield ()
            return
        amount = amounts[piece]
        for cell in range(last + 1, size - (count - piece) + 1):
            moved = [gap + weight * amount for gap, weight in zip(gaps, weights[cell], strict=True)]
            if holds(moved, last, cell):
                yield from ((cell, *rest) for rest in fill(piece + 1, cell, moved))

    yield from fill(0, -1, [0] * len(sums))


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
    if max(map(len, map(itemgetter(0), printed)), default=0) < 2:
        return unit  # a value of one digit is never two glued
    amounts = [_NUMBERS[text] if text else 0 for text, _, _ in printed]
    sums = sides(unit.cells, rules)
    pieces = list(unit.pieces)
    glued: list[Placement] = []
    for at, (text, line, column) in enumerate(printed):
        for cut, head, tail in splits(text):
            values = [*amounts[:at], int(head), int(tail), *amounts[at + 1 :]]
            if hold(values, sums):  # type: ignore[arg-type]
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


def _gaps(unit: Unit, at: int, outcome: solver.Outcome) -> dict[int, Value]:
    """The cells of ``unit`` (unit ``at`` of the model) that a row of space-aligned text
    (``Unit.gaps``) may leave out, to which every solution gives one value other than 0:
    each with that value. Such a cell is printed blank, or its value is on another line;
    the rules' value is kept for neither, as a blank is derived only as 0."""
    if not unit.gaps:
        return {}
    found: dict[int, Value] = {}
    for cell in unit.cells:
        agreed = outcome.agreed.get(cell)
        if agreed is None or agreed.value == 0:
            continue
        source = agreed.source
        if source is None or source[0] != at or not unit.pieces[source[1]][0]:
            found[cell] = agreed.value
    return found


def _in_order_tail(size: int, count: int, tail: int) -> tuple[Placement, ...]:
    """Every way ``count`` values fill ``size`` cells in order, and where the last may be
    the next label's numbering (``tail``), every way the others do."""
    return (*in_order(size, count), *(in_order(size, count - 1) if tail else ()))


def _as_printed(unit: Unit) -> Unit:
    """``unit`` as the text gives it: a short row's blank cells taken back
    (``_blank_around``), the cells its values leave out unknown."""
    if not unit.traceless:
        return unit
    pieces = unit.pieces[:-1] if unit.options else unit.pieces
    options = _in_order_tail(len(unit.cells), len(pieces), unit.tail) if unit.tail else ()
    return attrs.evolve(unit, pieces=pieces, options=options, traceless=False)


def _modelled(unit: Unit) -> tuple[Unit, solver.Choice]:
    """``unit`` and the solver's model of it: a short row's printed counts in order, or its
    options with their pieces' counts (a blank piece's 0)."""
    counts = tuple(map(_COUNTS.__getitem__, map(itemgetter(0), unit.pieces)))
    if unit.kind == "short" and not unit.options and not unit.fits:
        return unit, solver.Choice(unit.cells, in_order=counts)
    return unit, solver.Choice(unit.cells, _options(unit.placements(), counts))


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
        text = unit.run[0].translate(_CLOSED_AS_SPACES)
        digits = text if len(text) <= 40 else shown(text)
        if any(map(unit.run[0].__contains__, _CLOSED)):  # ``Runs.traced``: blank runs closed
            end = unit.run[0].endswith(collapsed.BLANK_RUN_OR_NONE)
            if end and NO_BREAK_SPACE in unit.run[0]:  # ``run_together._last_indented``
                return (
                    f"{unit.label}: {digits} holds values run together, each no-break space "
                    "among them one blank cell, those after them blank cells or none (the "
                    "next sub-table article's indent)"
                )
            return (
                f"{unit.label}: {digits} holds values run together, each space before, "
                "among or after them one blank cell or more"
                + (" (the last perhaps none: the space after a table)" if end else "")
            )
        blanks = unit.run[0].count(NO_BREAK_SPACE)
        if blanks:  # ``Runs.traced``: each no-break space a blank cell of the row
            return (
                f"{unit.label}: {digits} holds {len(unit.cells) - blanks} values run together "
                f"and {blanks} blank cell(s), each a no-break space"
            )
        parts = len(unit.cells) - sum(1 for piece in unit.pieces if _outside(piece, unit.run))
        if not unit.ways:  # too few digits for every cell: blank cells among its values
            return f"{unit.label}: {digits} holds fewer values than its {parts} cells, run together"
        return f"{unit.label}: {digits} holds {parts} values run together"
    printed = [  # a blank piece is no value, nor is a glued value's split (``_glued``)
        text for at, (text, _, _) in enumerate(unit.pieces) if text and at not in unit.cut
    ]
    where = (
        "on a line two rows share"
        if unit.kind == "shared"
        else "in one page's columns"
        if unit.kind == "page"
        else f"for {len(unit.cells)} columns"
    )
    return f"{unit.label}: {len(printed)} values ({' '.join(printed)}) {where}"


def _outside(piece: Printed, run: Printed) -> bool:
    """Whether ``piece`` is a value of its row printed before or after ``run``, not one of
    the run's readings (a run apart by spaces whose last value may end in the next label's
    numbering is read two ways: ``2322`` and ``232``, each a piece) nor a blank cell."""
    text, line, column = run
    return bool(piece[0]) and (piece[1] != line or not column <= piece[2] < column + len(text))


#: The runs of blank cells of a traced run (``collapsed.BLANK_RUN``), and as the spaces
#: printed.
_CLOSED = (collapsed.BLANK_RUN, collapsed.BLANK_RUN_OR_NONE)
_CLOSED_AS_SPACES = str.maketrans(dict.fromkeys(_CLOSED, " "))


def _placed(
    unit: Unit,
    whole: bool,
    lost: tuple[str, ...],
    alone: str = "",
    unstood: tuple[str, ...] = (),
) -> Diagnostic:
    """The finding on how a unit was placed, naming the cells it leaves missing (``lost``;
    ``alone``: why it was placed by its own row's rules only, ``_BROKEN`` or ``_BUDGET``;
    ``unstood``: those of ``lost`` under no column its values may stand in, ``_unstood``)."""
    why = f" ({alone})" if alone else ""
    rules = f"its row's own rules{why}" if alone else "the consistency rules"
    under = "stands under the columns of"
    if unit.units:
        rules, under = f"the columns their units name and {rules}", "has a unit naming"
    elif unit.fits:
        rules = f"the header's columns its values stand under and {rules}"
    if unit.prose and unit.run is None:  # a run's cut by the prose is ``_run_placed``'s
        said = ", ".join(repr(text) for text, _, _ in unit.prose)
        rules = f"the counts the prose states for its cells ({said}) and {rules}"
    if unit.run is not None:
        code, outcome = _run_placed(unit, whole, alone, why, rules)
    elif whole:
        code, outcome = ("short-row-placed", f"placed by {rules}")
    elif unstood and len(unstood) == len(lost):
        code, outcome = (
            "values-unplaced",
            f"placed by {rules}, but no value {under} the cells left missing and no rule "
            "derives them",
        )
    else:
        code, outcome = (
            "values-unplaced",
            f"{rules} do not make their placement unique, so the uncertain cells are missing",
        )
        if unstood:
            outcome += f"; no value {under} {', '.join(unstood)} and no rule derives them"
    if alone == _BUDGET:
        code = "search-budget"
    if unit.kind == "short" and unit.cut and not whole:
        outcome += " (one of its values could also be two values glued by a lost separator)"
    if unit.traceless:
        outcome += (
            " (blank cells leave no trace in this text: the cells its values leave out are "
            "read as blank, 0)"
        )
    # Cut by the prose: where the prose states it (the cells' positions are the run's).
    line, column = unit.prose[0][1:] if code == "run-cut-by-prose" else (unit.line, unit.column)
    return diagnostic(code, f"{_head(unit)}; {outcome}", line, column, lost)


def _cut_by_prose(unit: Unit, whole: bool, ways: str) -> tuple[str, str]:
    """The code and the outcome ``_placed`` gives a run of digits the prose's counts read
    (``_by_prose``): wholly where one reading agrees, else in the cells all agreeing give
    alike. Its readings may be fewer values than cells where one is a blank piece."""
    if unit.ways and any(not text for text, _, _ in unit.pieces):
        ways += " (and those into fewer values with blank cells among them)"
    said = ", ".join(repr(text) for text, _, _ in unit.prose)
    if whole:
        return (
            "run-cut-by-prose",
            f"of the {ways}, no rule singles out one; one agrees with every count the "
            f"prose states for its cells ({said}; the first at this position) and no other "
            "does; its cells are derived from it",
        )
    return (
        "collapsed-cell",
        f"of the {ways}, no rule singles out one; those that agree with every count the "
        f"prose states for its cells ({said}) give some cells alike, placed from them, and "
        "differ in the others, which are missing",
    )


def _run_placed(unit: Unit, whole: bool, alone: str, why: str, rules: str) -> tuple[str, str]:
    """The code and the outcome ``_placed`` gives a run of digits (``why``: ``alone`` in
    parentheses; ``rules``: the rules that placed it)."""
    ways = (
        f"{unit.ways:,} way{'s' if unit.ways != 1 else ''} to cut it"
        if unit.ways
        else "ways to cut it with blank cells among its values"
    )
    if unit.prose:
        return _cut_by_prose(unit, whole, ways)
    if whole:
        one = alone and unit.ways == 1 and not unit.fewer
        return (
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
    fewer = (
        " (its digits could also be fewer values: blank cells leave no trace)"
        if unit.fewer and unit.ways
        else ""
    )
    return (
        "collapsed-cell",
        f"of the {ways}, {rules} do not single out one{fewer}, so the uncertain cells are missing",
    )


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


def _amount(text: str) -> bool:
    """Whether a count's text is an amount of money: a number with a fractional part."""
    value = convert(text, "money", None)[0]
    return value is not None and value % 1 != 0


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
