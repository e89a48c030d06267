"""Values read by OCR, held to the rules: OCR output is evidence, not truth.

A scanned cell's text reaches the parser only where its two reads agree (``formats.scanned``;
else ``cells.UNREAD``: missing, ``ocr-disagree``). Then, on the parsed report:

- a value read from a scanned page outside a ruled table's cells was read once: it is made
  missing, ``ocr-read-once``;
- a value read by OCR in a rule the report violates (or a negative count) is made missing,
  ``ocr-unverified``: a misread cannot be told from a printing error;
- each value read by OCR is marked ``rules`` when a rule that holds (every cell known, none
  derived from it) checks it, else ``reads``: its two reads agree and that is all;
- with ``ocr="strict"``, ``reads`` values are made missing too (``ocr-unchecked``).

A value is made missing by writing ``UNREAD`` over it in the text and parsing again, so that
nothing the parser derived from it is left (a derived cell needs every other cell of its
rule).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from ..catalogue import TEMPLATES
from ..cells import UNREAD
from ..diagnostics import Diagnostic, diagnostic
from ..model import Cell, OcrCheck, Report, Scanned
from ..read.formats import CellRead
from ..read.source import Source
from .validate import validate

#: Rounds of making values missing and parsing again: a round only removes values, so a
#: second round finds a violation only where the parse placed values otherwise.
MAX_ROUNDS = 3

#: A cell's text position: line and column (from 1).
Position = tuple[int, int]


def verify(report: Report, text: Source, strict: bool, parse: Callable[[Source], Report]) -> Report:
    """``report`` (parsed from ``text``, which OCR read in part) with its OCR values checked
    by the rules as the module says; ``parse`` parses a text again."""
    assert text.scan is not None
    reads = _Reads(text.scan.cells)
    removed: dict[Position, tuple[Diagnostic, int]] = {}
    lines = list(text.lines)
    found = _read_once(report, reads, frozenset(text.scan.lines))
    for _ in range(MAX_ROUNDS):
        found.update(_unverified(report, reads, removed))
        if not found:
            break
        removed.update(found)
        report = parse(attrs.evolve(text, lines=_unread(lines, found)))
        found = {}
    checked = _checked(report)
    if strict:
        unchecked = {
            position: (_unchecked(cell), len(cell.raw or ""))
            for cell, position in reads.values(report)
            if cell.key not in checked
        }
        if unchecked:
            removed.update(unchecked)
            report = parse(attrs.evolve(text, lines=_unread(lines, unchecked)))
    return _marked(report, reads, removed, checked)


def _read_once(
    report: Report, reads: _Reads, lines: frozenset[int]
) -> dict[Position, tuple[Diagnostic, int]]:
    """The values of ``report`` read from ``lines`` (OCR's, outside ruled tables) with no
    second read, each with its ``ocr-read-once`` diagnostic and the length of its text."""
    found: dict[Position, tuple[Diagnostic, int]] = {}
    for table in report.tables:
        for cell in table:
            if cell.provenance != "parsed" or cell.line not in lines or reads.of(cell):
                continue
            said = diagnostic(
                "ocr-read-once",
                f"{_label(report, cell.key)}: read by OCR as {cell.raw!r} from a scanned page "
                "outside the cells of a ruled table, so read once: it is missing",
                cell.line,
                cell.column,
                (cell.key,),
            )
            found[(cell.line, cell.column or 1)] = (said, len(cell.raw or ""))
    return found


class _Reads:
    """The reads of a text's scanned cells, by where their text is."""

    def __init__(self, placed: Iterable[tuple[int, int, CellRead]]) -> None:
        self.at: dict[Position, CellRead] = {(line, column): read for line, column, read in placed}

    def of(self, cell: Cell) -> tuple[CellRead, Position] | None:
        """The reads of ``cell``'s text, when OCR read it."""
        if cell.line is None or cell.column is None:
            return None
        position = (cell.line, cell.column)
        found = self.at.get(position)
        return None if found is None else (found, position)

    def values(self, report: Report) -> Iterable[tuple[Cell, Position]]:
        """The cells of ``report`` with a value read by OCR, and where their text is."""
        for table in report.tables:
            for cell in table:
                found = self.of(cell) if cell.provenance == "parsed" else None
                if found is not None:
                    yield cell, found[1]


def _unverified(
    report: Report, reads: _Reads, removed: dict[Position, tuple[Diagnostic, int]]
) -> dict[Position, tuple[Diagnostic, int]]:
    """The OCR values of ``report`` in a rule it violates (not yet ``removed``), each with
    its ``ocr-unverified`` diagnostic (naming the first such rule) and the length of its
    text."""
    found: dict[Position, tuple[Diagnostic, int]] = {}
    for check in validate(report).violated:
        for cell in check.cells:
            located = reads.of(cell) if cell.provenance == "parsed" else None
            if located is None or located[1] in removed or located[1] in found:
                continue
            said = (
                f"the rule {check.title!r} gives {check.printed}, expected {check.expected}"
                if check.printed is not None
                else f"{check.title}"
            )
            found[located[1]] = (
                diagnostic(
                    "ocr-unverified",
                    f"{_label(report, cell.key)}: read by OCR as {cell.raw!r}, but {said}: a "
                    "misread cannot be told from a printing error, so it is missing",
                    *located[1],
                    (cell.key,),
                ),
                len(cell.raw or ""),
            )
    return found


def _unchecked(cell: Cell) -> Diagnostic:
    return diagnostic(
        "ocr-unchecked",
        f"{cell.key}: read by OCR as {cell.raw!r}, but no rule checks it (only its two reads "
        "agree): missing, as ocr='strict' asks",
        cell.line,
        cell.column,
        (cell.key,),
    )


def _unread(lines: list[str], found: dict[Position, tuple[Diagnostic, int]]) -> tuple[str, ...]:
    """``lines`` (changed in place, and returned as a tuple) with the text of each cell of
    ``found`` written over with ``UNREAD``, its length kept so that no position moves."""
    for (line, column), (_, length) in found.items():
        text = lines[line - 1]
        lines[line - 1] = text[: column - 1] + UNREAD * length + text[column - 1 + length :]
    return tuple(lines)


def _checked(report: Report) -> set[str]:
    """The keys of the cells that a rule which holds checks (every cell of it known, none
    derived from it)."""
    return {cell.key for check in validate(report).passed for cell in check.cells}


def _marked(
    report: Report,
    reads: _Reads,
    removed: dict[Position, tuple[Diagnostic, int]],
    checked: set[str],
) -> Report:
    """``report`` with each scanned cell's ``Scanned`` record, and the diagnostics of the
    cells made missing (those of resolve, which only saw ``UNREAD``, replaced)."""
    tables = []
    for table in report.tables:
        marks: list[Scanned | None] = []
        for cell in table:
            located = reads.of(cell)
            if located is None:
                marks.append(None)
                continue
            read, position = located
            check: OcrCheck
            if position in removed:
                code = removed[position][0].code
                check = "unverified" if code == "ocr-unverified" else "unchecked"
            elif not read.agreed:
                check = "disagree"
            else:
                check = "rules" if cell.key in checked else "reads"
            marks.append(Scanned(check, read.page, read.box, (read.first, read.second)))
        if any(marks):
            table = attrs.evolve(table, ocr=tuple(marks))
        tables.append(table)
    diagnostics = []
    for d in report.diagnostics:
        position = (d.line or 0, d.column or 0)
        if d.code == "ocr-disagree":
            if position in removed:
                d = removed[position][0]
            elif position in reads.at:
                d = _disagree(report, d, reads.at[position])
        diagnostics.append(d)
    proactive, applications, appeals = tables
    return attrs.evolve(
        report,
        proactive=proactive,
        applications=applications,
        appeals=appeals,
        diagnostics=tuple(diagnostics),
    )


def _disagree(report: Report, found: Diagnostic, read: CellRead) -> Diagnostic:
    where = _label(report, found.keys[0]) if found.keys else "a cell"
    second = f"{read.second!r}" if read.second else "nothing"
    return attrs.evolve(
        found,
        message=f"{where}: the cell's crop on page {read.page} read {read.first!r}, read "
        f"again cut closer {second}: the reads differ, so it is missing",
    )


def _label(report: Report, key: str) -> str:
    template = TEMPLATES[report.template]
    field = template.fields[template.index[key]]
    return f"{field.row_label} {field.column_label} ({key})"
