"""Validation: every consistency rule of a report's template, checked and explained, and
the checks that tie a report to the previous year's report of the same body.

``validate(report)`` returns a ``Validation``: one ``Check`` per rule, each with its status,
the cells involved (keys, values, provenance, positions), and the printed and expected
numbers. ``parse`` puts the diagnostics of the checks that did not pass into the report.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import chain
from typing import Literal, cast

import attrs

from .. import labels
from ..catalogue import TEMPLATES
from ..diagnostics import Diagnostic, diagnostic, located
from ..model import Cell, Number, Report, Table
from ..tables.rules import Rule, violated
from ..tables.sections import rule_set

Status = Literal["passed", "violated", "not-assessable"]

#: code of a broken check, per family of rules.
_BROKEN = {
    "rules": "rule-violation",
    "non-negative": "negative-count",
    "carry-over": "carry-over-mismatch",
    "in-force": "in-force-mismatch",
}


@attrs.frozen
class Check:
    """One rule applied to a report: ``sum(totals) == sum(sign × part)``.

    Attributes:
        rule: stable id, e.g. ``applications.balance.total``, ``years.carry-over.total``.
        title: the rule in words.
        status: ``passed``, ``violated`` or ``not-assessable`` (a cell it needs is missing).
        printed: the sum of ``totals`` as the report gives it (``None``: not assessable).
        expected: what ``parts`` add up to (``None``: not assessable).
        totals, parts: the cells involved. In a cross-year check the parts named
            ``carried_forward`` and the previous ``in_force`` come from the previous report.
        signs: +1 or -1 for each of ``parts``.
        diagnostic: the finding, unless the check passed.
    """

    rule: str
    title: str
    status: Status
    printed: Number | None
    expected: Number | None
    totals: tuple[Cell, ...]
    parts: tuple[Cell, ...]
    signs: tuple[int, ...]
    diagnostic: Diagnostic | None = None

    @property
    def cells(self) -> tuple[Cell, ...]:
        return self.totals + self.parts


@attrs.frozen
class Validation:
    """Every check of a report, with findings that are not rules (``notes``)."""

    checks: tuple[Check, ...]
    notes: tuple[Diagnostic, ...] = ()

    def __iter__(self) -> Iterator[Check]:
        return iter(self.checks)

    def _with(self, status: Status) -> tuple[Check, ...]:
        return tuple(check for check in self.checks if check.status == status)

    @property
    def passed(self) -> tuple[Check, ...]:
        return self._with("passed")

    @property
    def violated(self) -> tuple[Check, ...]:
        return self._with("violated")

    @property
    def not_assessable(self) -> tuple[Check, ...]:
        return self._with("not-assessable")

    @property
    def ok(self) -> bool:
        """No check is violated (checks not assessable do not count as passed either)."""
        return not self.violated

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        found = [*self.notes, *(c.diagnostic for c in self.checks if c.diagnostic)]
        return tuple(sorted(found, key=lambda d: (d.line is None, d.line or 0, d.column or 0)))


def validate(report: Report, previous: Report | None = None) -> Validation:
    """Check ``report`` against every rule of its template.

    Args:
        report: a parsed report.
        previous: the report of the same body for the year before; adds the cross-year
            checks (``上年结转`` = last year's ``结转下年度继续办理``, per column; for two
            2021-template reports, ``现行有效件数`` = last year's + ``制发`` − ``废止``).

    Raises:
        ValueError: ``previous`` is not the report of the year before ``report``'s.

    Example:
        >>> result = validate(report)  # doctest: +SKIP
        >>> [(c.rule, c.printed, c.expected) for c in result.violated]  # doctest: +SKIP
        [('applications.row-sum.granted', 6, 5)]
    """
    checks = [*_rule_checks(report), *_non_negative(report)]
    notes: list[Diagnostic] = []
    if previous is not None:
        checks.extend(_cross_year(report, previous, notes))
    return Validation(tuple(checks), tuple(notes))


def failures(report: Report) -> list[Diagnostic]:
    """The diagnostics of the checks of ``report`` that do not pass (``parse`` uses this;
    it builds no ``Check`` for rules that hold)."""
    values = list(chain.from_iterable(table.values for table in report.tables))
    derived_by = list(chain.from_iterable(table.rules for table in report.tables))
    # Each rule's name -> the derived cells' rule texts that name it: the texts a report's
    # cells repeat are looked at once, and a rule's cells are then matched by a set lookup.
    naming: dict[str, set[str]] = {}
    for text in set(filter(None, derived_by)):
        for name in _rules_named(text):
            naming.setdefault(name, set()).add(text)
    found: list[Diagnostic] = []
    positions: list[tuple[int, int] | None] = []  # made for the first rule that fails
    for rule in rule_set(report.template).rules:
        texts = naming.get(rule.name)
        circular = [i for i in rule.cells if derived_by[i] in texts] if texts else []
        holds = violated(rule, values)
        if holds is False and not circular:
            continue
        positions = positions or list(chain.from_iterable(t.positions for t in report.tables))
        missing = [i for i in rule.cells if values[i] is None] if holds is None else []
        if missing or circular:  # as ``_check`` says it, without building the check
            found.append(
                _not_assessable(report, rule, missing or circular, bool(missing), positions)
            )
        else:
            found.append(_broken(report, rule, values, positions))  # type: ignore[arg-type]
    if min(cast("Iterator[Number]", filter(None, values)), default=0) < 0:  # ``_least``, at once
        found.extend(
            check.diagnostic for check in _non_negative(report) if check.diagnostic is not None
        )
    return found


def _not_assessable(
    report: Report,
    rule: Rule,
    cells: list[int],
    missing: bool,
    positions: Sequence[tuple[int, int] | None],
) -> Diagnostic:
    """The ``rule-not-assessable`` note ``_check`` gives ``rule``: ``cells`` are missing, or
    were derived from the rule itself."""
    line, column = next(filter(None, map(positions.__getitem__, rule.cells)), (None, None))
    return located(_unassessed(report.template, rule, tuple(cells), missing), line, column)


def _broken(
    report: Report,
    rule: Rule,
    values: Sequence[Number],
    positions: Sequence[tuple[int, int] | None],
) -> Diagnostic:
    """The ``rule-violation`` ``_check`` gives ``rule``, from the report's values as they
    are (no ``Cell`` made for each of its cells)."""
    fields = TEMPLATES[report.template].fields
    names = [fields[i].key for i in rule.cells]
    provenance = list(chain.from_iterable(table.provenance for table in report.tables))
    message = _unequal(
        rule.title,
        [values[i] for i in rule.cells],
        [provenance[i] == "derived" for i in rule.cells],
        [1] * len(rule.right),
        names,
        len(rule.left),
    )
    line, column = next(filter(None, map(positions.__getitem__, rule.cells)), (None, None))
    return diagnostic(_BROKEN["rules"], message, line, column, tuple(dict.fromkeys(names)))


@lru_cache(maxsize=1 << 10)
def _unassessed(
    template_name: str, rule: Rule, cells: tuple[int, ...], missing: bool
) -> Diagnostic:
    """``_not_assessable``'s note, not located: the same in every report whose short rows
    of zeros the rules placed, so its long message is escaped once."""
    template = TEMPLATES[template_name]
    keys = ", ".join(template.fields[i].key for i in cells)
    why = f"missing {keys}" if missing else f"{keys} was derived from this very rule"
    return diagnostic(
        "rule-not-assessable",
        f"{rule.title}: not checked, {why}",
        keys=tuple(dict.fromkeys(template.fields[i].key for i in rule.cells)),
    )


def _rule_checks(report: Report) -> Iterator[Check]:
    cell = _cells(report)
    for rule in rule_set(report.template).rules:
        yield _from_rule(cell, rule)


def _cells(report: Report) -> Callable[[int], Cell]:
    """``report``'s cell at a template position, each made once (rules share cells)."""
    starts = [TEMPLATES[report.template].sections[table.section].start for table in report.tables]
    made: dict[int, Cell] = {}

    def cell(at: int) -> Cell:
        found = made.get(at)
        if found is None:
            table = bisect_right(starts, at) - 1
            found = made[at] = report.tables[table].at(at - starts[table])
        return found

    return cell


def _from_rule(cell: Callable[[int], Cell], rule: Rule) -> Check:
    totals = list(map(cell, rule.left))
    parts = list(map(cell, rule.right))
    return _check(rule.name, rule.title, "rules", totals, parts, [1] * len(parts))


def _least(table: Table) -> Number:
    """A table's least value (0 when it gives none): the usual table has no negative value
    at all, and this sees it at C speed."""
    return min(cast("Iterator[Number]", filter(None, table.values)), default=0)


def _non_negative(report: Report) -> Iterator[Check]:
    template = TEMPLATES[report.template]
    for table in report.tables:
        negative = (
            []
            if _least(table) >= 0
            else [
                table[key]
                for key, value in zip(table.keys, table.values, strict=True)
                if value is not None
                and value < 0
                and template.fields[template.index[key]].kind != "signed"
            ]
        )
        title = f"{table.section}: counts and amounts are not negative"
        if not negative:
            yield Check(f"{table.section}.non-negative", title, "passed", None, None, (), (), ())
        for cell in negative:
            message = f"{_label(report, cell.key)} is negative: {cell.raw or cell.value}"
            yield Check(
                f"{table.section}.non-negative",
                title,
                "violated",
                cell.value,
                0,
                (),
                (cell,),
                (1,),
                diagnostic("negative-count", message, cell.line, cell.column, (cell.key,)),
            )


def _label(report: Report, key: str) -> str:
    template = TEMPLATES[report.template]
    field = template.fields[template.index[key]]
    return f"{field.row_label} {field.column_label}"


def _check(
    name: str,
    title: str,
    family: str,
    totals: Sequence[Cell],
    parts: Sequence[Cell],
    signs: Sequence[int],
    before: str = "",
) -> Check:
    """``before`` (``"2020 "``) names the report of the first part when it is another."""
    names = [
        *(cell.key for cell in totals),
        *((before if i == 0 else "") + cell.key for i, cell in enumerate(parts)),
    ]
    cells = (*totals, *parts)
    missing = [shown for shown, cell in zip(names, cells, strict=True) if cell.value is None]
    circular = [
        shown for shown, cell in zip(names, cells, strict=True) if name in _rules_named(cell.rule)
    ]
    located = totals if before else cells
    if missing or circular:
        why = (
            f"missing {', '.join(missing)}"
            if missing
            else f"{', '.join(circular)} was derived from this very rule"
        )
        return Check(
            name,
            title,
            "not-assessable",
            None,
            None,
            tuple(totals),
            tuple(parts),
            tuple(signs),
            _diagnostic("rule-not-assessable", f"{title}: not checked, {why}", located),
        )
    printed = sum(cell.value for cell in totals)  # type: ignore[misc]
    expected = sum(sign * cell.value for sign, cell in zip(signs, parts, strict=True))  # type: ignore[operator,misc]
    if printed == expected:
        return Check(
            name, title, "passed", printed, expected, tuple(totals), tuple(parts), tuple(signs)
        )
    message = _unequal(
        title,
        [cell.value for cell in cells],  # type: ignore[misc]
        [cell.provenance == "derived" for cell in cells],
        signs,
        names,
        len(totals),
    )
    return Check(
        name,
        title,
        "violated",
        printed,
        expected,
        tuple(totals),
        tuple(parts),
        tuple(signs),
        _diagnostic(_BROKEN[family], message, located),
    )


def _unequal(
    title: str,
    values: Sequence[Number],
    derived: Sequence[bool],
    signs: Sequence[int],
    names: Sequence[str],
    totals: int,
) -> str:
    """A broken rule's message: what its first ``totals`` cells give, and what the others
    (``signs``) add up to; ``values``, ``derived`` and ``names`` are each cell's."""
    given = _terms(values[:totals], derived[:totals], [1] * totals, names[:totals])
    parts = _terms(values[totals:], derived[totals:], signs, names[totals:])
    return f"{title}: the report gives {given}, but {parts}"


def _terms(
    values: Sequence[Number], derived: Sequence[bool], signs: Sequence[int], names: Sequence[str]
) -> str:
    """``applications.granted.total 3 + 18 other cells 0 = 3``: non-zero cells named."""
    shown, zeros = [], 0
    for sign, value, star, name in zip(signs, values, derived, names, strict=False):
        if not value and len(values) > 1:
            zeros += 1
            continue
        prefix = "− " if sign < 0 else ""
        shown.append(f"{prefix}{name} {value}{'*' if star else ''}")
    if zeros:
        shown.append(f"{zeros} other cell{'s' if zeros > 1 else ''} 0")
    text = " + ".join(shown).replace("+ − ", "− ")
    if len(values) > 1:
        text += f" = {sum(s * v for s, v in zip(signs, values, strict=True))}"
    return text + (" (* derived)" if "*" in text else "")


@lru_cache(maxsize=1 << 10)
def _rules_named(rule: str | None) -> frozenset[str]:
    """The rule names in a derived cell's ``rule`` (``placement: a, b`` names two, and so
    does ``collapsed cell split: a, b``); cached, as a report's cells repeat a few."""
    return frozenset(rule.rpartition(": ")[2].split(", ")) if rule else frozenset()


def _diagnostic(code: str, message: str, cells: Sequence[Cell]) -> Diagnostic:
    """Located at the first of ``cells`` with a position (cells of this report only)."""
    located = [cell for cell in cells if cell.line is not None]
    line, column = (located[0].line, located[0].column) if located else (None, None)
    return diagnostic(code, message, line, column, tuple(dict.fromkeys(cell.key for cell in cells)))


def _cross_year(report: Report, previous: Report, notes: list[Diagnostic]) -> Iterator[Check]:
    if report.year is None or previous.year is None:
        raise ValueError(
            "a cross-year check needs both reports' years; "
            f"{'this' if report.year is None else 'the previous'} report's year "
            "is unknown"
        )
    if previous.year != report.year - 1:
        raise ValueError(
            f"previous must be the report of the year before: got years "
            f"{previous.year} and {report.year}"
        )
    if report.organisation != previous.organisation:
        notes.append(
            diagnostic(
                "body-mismatch",
                f"the {previous.year} report is of "
                f"{previous.organisation!r}, the {report.year} "
                f"report of {report.organisation!r}",
            )
        )
    before = f"{previous.year} "
    for column, (label, *_) in labels.APPLICANT_COLUMNS.items():
        yield _check(
            f"years.carry-over.{column}",
            f"column {label}: {report.year} 上年结转 = {previous.year} 结转下年度继续办理",
            "carry-over",
            [report.cell(f"applications.carried_over.{column}")],
            [previous.cell(f"applications.carried_forward.{column}")],
            [1],
            before,
        )
    if report.template == previous.template == "2021":
        for row in ("rules", "normative_documents"):
            label = labels.PROACTIVE_ROWS["2021"][row][0]
            yield _check(
                f"years.in-force.{row}",
                f"{label}: {report.year} 现行有效件数 = {previous.year} 现行有效件数 "
                "+ 本年制发件数 − 本年废止件数 (amendments also move it)",
                "in-force",
                [report.cell(f"proactive.{row}.in_force")],
                [
                    previous.cell(f"proactive.{row}.in_force"),
                    report.cell(f"proactive.{row}.issued"),
                    report.cell(f"proactive.{row}.repealed"),
                ],
                [1, 1, -1],
                before,
            )


@attrs.frozen
class Series:
    """One body's reports, by year: what ``series`` forms for the cross-year checks.

    Attributes:
        body: the organisation as compared (``body``), or ``None`` for a report whose
            organisation could not be read: a series of its own.
        reports: the reports, by year (those of one year in the order given).
    """

    body: str | None
    reports: tuple[Report, ...]

    def previous(self, report: Report) -> Report | None:
        """The report of the year before ``report``'s in this series (the last given for
        that year), or ``None``."""
        if report.year is None:
            return None
        before = [other for other in self.reports if other.year == report.year - 1]
        return before[-1] if before else None


def body(organisation: str | None) -> str | None:
    """An organisation as reports of one body are compared: compatibility forms folded
    (NFKC: full-width letters and digits), white space and punctuation left out; ``None``
    when nothing is left."""
    if organisation is None:
        return None
    folded = unicodedata.normalize("NFKC", organisation)
    kept = "".join(char for char in folded if unicodedata.category(char)[0] in "LN")
    return kept or None


def series(reports: Iterable[Report]) -> list[Series]:
    """``reports`` as one series per body (``body`` of the organisation), in the order each
    body first comes, each by year: the cross-year checks compare a report with the one of
    the year before in its series only, never with another body's. A report whose
    organisation could not be read is a series of its own."""
    groups: dict[str | int, list[Report]] = {}
    for number, report in enumerate(reports):
        key = body(report.organisation)
        groups.setdefault(number if key is None else key, []).append(report)
    return [
        Series(
            key if isinstance(key, str) else None,
            tuple(sorted(group, key=lambda r: -1 if r.year is None else r.year)),
        )
        for key, group in groups.items()
    ]
