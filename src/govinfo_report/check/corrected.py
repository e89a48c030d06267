"""Reviewers' verdicts applied to a parsed report.

A verdict reaches only the document whose bytes have its fingerprint (the SHA-256 of the
document as read). A corrected cell has provenance ``corrected`` and its ``Correction``;
the cells the machine derived from the rules are derived again with the corrected values
(a missing total whose parts a reviewer typed is derived now), and the rules are checked
again: a correction that breaks one is reported as a printed error is. Verdicts on a
document of the same name whose bytes changed are not applied: ``correction-stale``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path, PurePath

import attrs

from ..catalogue import TEMPLATES
from ..corrections import CorrectionError, Entry, Store, latest, read_lines
from ..diagnostics import Diagnostic, diagnostic
from ..model import Cell, Correction, Machine, Number, Provenance, Report, Table, printed_blank
from ..tables.resolve import derive_again
from ..tables.rules import Rule
from ..tables.sections import rule_set
from .validate import failures

#: The diagnostics ``failures`` gives, replaced when the rules are checked again.
_RULE_CODES = frozenset({"rule-violation", "negative-count", "rule-not-assessable"})


@attrs.frozen
class Corrections:
    """Verdicts loaded once (from a store or a JSON Lines file) to apply to many reports:
    the latest verdict on each cell, by document fingerprint, and the fingerprints seen
    under each source name (to find stale ones). Pickles to worker processes."""

    by_document: dict[str, tuple[Entry, ...]]
    by_source: dict[str, frozenset[str]]

    @classmethod
    def of(cls, entries: Iterable[Entry]) -> Corrections:
        by_document: dict[str, list[Entry]] = {}
        by_source: dict[str, set[str]] = {}
        for e in latest(entries):
            by_document.setdefault(e.document, []).append(e)
            if e.source:
                by_source.setdefault(PurePath(e.source).name, set()).add(e.document)
        return cls(
            {document: tuple(found) for document, found in by_document.items()},
            {name: frozenset(found) for name, found in by_source.items()},
        )

    def __len__(self) -> int:
        return sum(map(len, self.by_document.values()))

    def stale(self, document: str, source: str | None) -> list[Entry]:
        """The verdicts on another version of ``source`` (other bytes, and a name that is
        the same or ends the other: ``report.pdf`` and ``reports/2021/report.pdf``, never
        ``2021/report.pdf`` and ``2022/report.pdf``)."""
        if not source:
            return []
        parts = PurePath(source).parts
        others = self.by_source.get(parts[-1], frozenset()) - {document}
        return [
            e
            for other in sorted(others)
            for e in self.by_document[other]
            if e.source and _same_name(PurePath(e.source).parts, parts)
        ]


def _same_name(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether one path's parts end the other's."""
    shorter = min(len(one), len(other))
    return one[-shorter:] == other[-shorter:]


#: What ``corrections=`` takes: a store's path, a ``.jsonl`` file's path, loaded verdicts.
CorrectionsSource = str | os.PathLike[str] | Corrections | Iterable[Entry]


def load(source: CorrectionsSource) -> Corrections:
    """The verdicts of ``source``: a corrections store (SQLite), a JSON Lines export (a
    path ending ``.jsonl``), ``Corrections`` or entries.

    Raises:
        FileNotFoundError: no file at the path.
        CorrectionError: a line of a JSON Lines file that is no valid verdict (naming it).
    """
    if isinstance(source, Corrections):
        return source
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        if not path.is_file():
            raise FileNotFoundError(f"no corrections store or JSON Lines file at {path}")
        if path.suffix.lower() in (".jsonl", ".ndjson"):
            with path.open(encoding="utf-8") as lines:
                return Corrections.of(read_lines(lines))
        with Store(path) as store:
            return Corrections.of(store.entries())
    return Corrections.of(source)


def apply(report: Report, corrections: Corrections, document: str) -> Report:
    """``report``, parsed from the bytes of SHA-256 ``document``, with its verdicts in
    ``corrections`` applied and the rules checked again (see the module docstring)."""
    verdicts = corrections.by_document.get(document, ())
    return corrected(report, verdicts, corrections.stale(document, report.source))


def corrected(report: Report, verdicts: Sequence[Entry], stale: Sequence[Entry] = ()) -> Report:
    """``report`` with ``verdicts`` (its own, the latest on each cell) applied, ``stale``
    ones listed, derived cells derived again and the rules checked again."""
    cells = _Cells(report)
    found: list[Diagnostic] = []
    for verdict in verdicts:
        found.extend(cells.settle(verdict))
    found.extend(cells.derive())
    if stale:
        found.append(_stale(stale))
    tables = cells.tables()
    report = attrs.evolve(
        report,
        proactive=tables[0],
        applications=tables[1],
        appeals=tables[2],
        reviewed=True,
    )
    kept = [d for d in report.diagnostics if d.code not in _RULE_CODES]
    return attrs.evolve(report, diagnostics=_sorted([*kept, *found, *failures(report)]))


class _Cells:
    """A report's cells as parallel lists over its template, while verdicts are applied."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.template = TEMPLATES[report.template]
        tables = report.tables
        self.values: list[Number | None] = [v for t in tables for v in t.values]
        self.provenance: list[Provenance] = [p for t in tables for p in t.provenance]
        self.raws = [r for t in tables for r in t.raws]
        self.positions = [p for t in tables for p in t.positions]
        self.rules = [r for t in tables for r in t.rules]
        self.ocr = [t.ocr[i] if t.ocr else None for t in tables for i in range(len(t))]
        self.marks: list[Correction | None] = [None] * len(self.values)
        #: Verdicts of ``blank``: the cells that stay printed blank unless the rules make 0.
        self.blank: set[int] = set()

    def machine(self, at: int) -> Machine:
        line, column = self.positions[at] or (None, None)
        return _reading(
            Cell(
                self.template.fields[at].key,
                self.values[at],
                self.provenance[at],
                self.raws[at],
                line,
                column,
                ocr=self.ocr[at],
            )
        )

    def settle(self, verdict: Entry) -> list[Diagnostic]:
        """Apply ``verdict``; what it finds (``correction-disagrees``,
        ``correction-not-applied``)."""
        at = self.template.index.get(verdict.key)
        if at is None:
            return [
                diagnostic(
                    "correction-not-applied",
                    f"a correction by {verdict.reviewer} names {verdict.key}, not a key of the "
                    f"{self.template.name} template this report is read by",
                )
            ]
        now = self.machine(at)
        blank_now = printed_blank(now.provenance, now.raw)  # type: ignore[arg-type]
        value: Number | None
        if verdict.verdict == "blank":
            value, agrees = None, (True if blank_now else None if now.value is None else False)
        elif verdict.verdict == "value":
            value = verdict.value
            agrees = None if now.value is None else now.value == value and not blank_now
        else:
            said = verdict.machine.value if verdict.machine is not None else now.value
            if said is None:
                return [_not_applied(verdict, now)]
            value = said
            agrees = None if now.value is None else now.value == said
        found = [] if agrees is not False else [_disagrees(self.report, verdict, value, now)]
        self.values[at] = value
        self.provenance[at] = "corrected"
        self.raws[at] = "" if verdict.verdict == "blank" else None
        self.rules[at] = None
        if verdict.verdict == "blank":
            self.blank.add(at)
        else:
            self.blank.discard(at)
        self.marks[at] = Correction(
            verdict.verdict,
            verdict.reviewer,
            verdict.time,
            verdict.note,
            verdict.machine or now,
            agrees,
        )
        return found

    def derive(self) -> list[Diagnostic]:
        """Derive again what the rules derive from the corrected values: the cells derived
        from lost ones, the cells no row gave that a rule through a corrected cell reaches,
        and the printed blanks the rules made 0."""
        if not any(self.marks):
            return []
        rules: Sequence[Rule] = rule_set(self.template.name).rules
        through = {rule.name: any(self.marks[c] is not None for c in rule.cells) for rule in rules}
        touched = {cell for rule in rules if through[rule.name] for cell in rule.cells}
        lost: list[int] = []
        blanks: list[int] = []
        for at, provenance in enumerate(self.provenance):
            raw = self.raws[at]
            if provenance == "derived" and raw == "":
                blanks.append(at)  # a printed blank the rules made 0
            elif raw is None and _again(provenance, self.rules[at], at in touched, through):
                lost.append(at)
        blanks.extend(self.blank)
        values = list(self.values)
        for at in (*lost, *blanks):
            values[at] = None
        derived, found = derive_again(self.template, values, lost, blanks)
        for at in lost:
            if at in derived:
                self.values[at], self.rules[at] = derived[at]
                self.provenance[at] = "derived"
            else:
                self.values[at], self.rules[at], self.provenance[at] = None, None, "missing"
        for at in blanks:
            self.values[at], self.rules[at] = derived.get(at, (None, None))
            if at not in self.blank:
                self.provenance[at] = "derived" if self.values[at] is not None else "blank"
        return found

    def tables(self) -> list[Table]:
        tables = []
        for table in self.report.tables:
            span = self.template.sections[table.section]
            cut = slice(span.start, span.stop)
            marks = tuple(self.marks[cut])
            tables.append(
                attrs.evolve(
                    table,
                    values=tuple(self.values[cut]),
                    provenance=tuple(self.provenance[cut]),
                    raws=tuple(self.raws[cut]),
                    positions=tuple(self.positions[cut]),
                    rules=tuple(self.rules[cut]),
                    corrections=marks if any(marks) else (),
                )
            )
        return tables


def reading(report: Report, key: str) -> Machine:
    """The machine's reading of the cell ``key`` of ``report`` (what a verdict records)."""
    return _reading(report.cell(key))


def _reading(cell: Cell) -> Machine:
    scanned = cell.ocr
    return Machine(
        cell.value,
        cell.provenance,
        cell.raw,
        cell.line,
        cell.column,
        scanned.page if scanned else None,
        scanned.box if scanned else None,
    )


def _again(provenance: str, rule: str | None, touched: bool, through: Mapping[str, bool]) -> bool:
    """Whether a cell no text gave is derived again: a missing one a rule through a
    corrected cell reaches (``touched``), or one the machine derived by the template's
    rules alone (not summed from local sub-rows: that stands on printed text) where a rule
    it was derived by holds a corrected cell (``through``: each rule's name, and whether it
    does). A derived cell whose rules hold no corrected cell keeps its value (a placement
    of printed values, derived again from values alone, would lose what it placed)."""
    if provenance == "missing":
        return touched
    if provenance != "derived" or rule is None:
        return False
    named = rule.rpartition(": ")[2]  # ``placement: a, b`` names the rules a and b
    if named == "the rules":
        return touched
    names = named.split(", ")
    return all(name in through for name in names) and any(through[name] for name in names)


def _disagrees(report: Report, verdict: Entry, value: Number | None, now: Machine) -> Diagnostic:
    said = "printed blank" if verdict.verdict == "blank" else f"{value}"
    reads = "a printed blank" if printed_blank(now.provenance, now.raw) else f"{now.value}"  # type: ignore[arg-type]
    return diagnostic(
        "correction-disagrees",
        f"{_label(report, verdict.key)}: {verdict.reviewer} corrected it to {said} "
        f"({verdict.time}), but the machine now reads {reads} ({now.provenance}); the "
        "correction stands",
        now.line,
        now.column,
        (verdict.key,),
    )


def _not_applied(verdict: Entry, now: Machine) -> Diagnostic:
    return diagnostic(
        "correction-not-applied",
        f"{verdict.key}: {verdict.reviewer} confirmed the machine's value ({verdict.time}), but "
        "the verdict records none and the machine now reads none: nothing to confirm",
        now.line,
        now.column,
        (verdict.key,),
    )


def _stale(stale: Sequence[Entry]) -> Diagnostic:
    keys = tuple(dict.fromkeys(e.key for e in stale))
    return diagnostic(
        "correction-stale",
        f"{len(stale)} correction(s) were made on another version of this document (same "
        "name, other bytes: SHA-256 "
        + ", ".join(sorted({e.document[:12] for e in stale}))
        + "…); they are not applied: review it again",
        keys=keys,
    )


def _label(report: Report, key: str) -> str:
    template = TEMPLATES[report.template]
    field = template.fields[template.index[key]]
    return f"{field.row_label} {field.column_label} ({key})"


def _sorted(found: Sequence[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(sorted(found, key=lambda d: (d.line is not None, d.line or 0, d.column or 0)))


__all__ = [
    "CorrectionError",
    "Corrections",
    "CorrectionsSource",
    "apply",
    "corrected",
    "load",
]
