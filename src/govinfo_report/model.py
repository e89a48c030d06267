"""The public object model, shared by both templates: frozen, slotted attrs classes.

A ``Table`` stores its cells column-wise (one tuple per attribute) and is built once per
table; a ``Cell`` object is made only when asked for.
"""

from __future__ import annotations

import datetime
import json
from collections import Counter
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import attrs

from .catalogue import SECTIONS, TEMPLATES
from .cells import not_given
from .diagnostics import MISSING_CAUSES, Diagnostic
from .errors import export_extra
from .escape import escape

if TYPE_CHECKING:
    import pandas

#: Where a cell's value comes from: read from the text (``parsed``), worked out by a rule
#: (``derived``), printed empty by the report (``blank``: no value), not read (``missing``),
#: or settled by a reviewer (``corrected``: ``Cell.correction`` says who, when, and what the
#: machine read).
Provenance = Literal["parsed", "derived", "blank", "missing", "corrected"]
Number = int | Decimal
#: How much of a report was read: every cell (``complete``: nothing missing, blanks
#: included), some (``partial``), none (``empty``: nothing parsed, derived or printed blank).
Status = Literal["complete", "partial", "empty"]


#: How a value read by OCR from a scanned page stands (``Scanned.check``): checked by a
#: rule that holds (``rules``), or only by its two reads agreeing (``reads``: no rule that
#: can be checked covers it); or why it is missing: its two reads differ (``disagree``), it
#: is in a rule the report violates (``unverified``), or no rule checks it and OCR was
#: ``"strict"`` (``unchecked``).
OcrCheck = Literal["rules", "reads", "disagree", "unverified", "unchecked"]


class Scanned(NamedTuple):
    """A cell read by OCR from a scanned page (``Cell.ocr``).

    Attributes:
        check: how its value stands, or why it is missing (``OcrCheck``).
        page: the page (from 1).
        box: the cell on the page as scanned: x0, top, x1, bottom in PDF points from the
            page's top-left corner (the review page shows it cropped from the scan).
        reads: what the cell's two reads gave (its crop, and cut closer).
    """

    check: OcrCheck
    page: int
    box: tuple[float, float, float, float]
    reads: tuple[str, str]


class Machine(NamedTuple):
    """The machine's reading of a cell that a reviewer's verdict replaced (``Correction``).

    Attributes:
        value, provenance, raw: the cell's value, provenance and printed text.
        line, column: where its text is, for a cell read from text.
        page, box: where it is on a scanned page (``Scanned``), for a cell read by OCR.
    """

    value: Number | None
    provenance: str
    raw: str | None = None
    line: int | None = None
    column: int | None = None
    page: int | None = None
    box: tuple[float, ...] | None = None


class Correction(NamedTuple):
    """A reviewer's verdict on a cell (``Cell.correction``; provenance ``corrected``).

    Attributes:
        verdict: ``value`` (the reviewer typed it), ``blank`` (printed blank) or ``confirm``
            (the machine's value is right).
        reviewer, time, note: who, when (ISO 8601) and why.
        machine: the machine's reading when the verdict was given, if recorded.
        agrees: whether the machine now reads what the verdict says (``True``: confirmed by
            the machine; ``False``: it reads otherwise, ``correction-disagrees``; ``None``:
            it reads nothing).
    """

    verdict: str
    reviewer: str
    time: str
    note: str
    machine: Machine | None
    agrees: bool | None


@attrs.frozen
class Completeness:
    """How many of a report's cells were parsed, derived, printed blank and missing, and
    what that makes the report (``status``). A printed blank is read: the report says the
    cell holds nothing, so only ``missing`` cells make a report partial."""

    parsed: int
    derived: int
    missing: int
    blank: int = 0
    corrected: int = 0

    @property
    def status(self) -> Status:
        if not self.missing:
            return "complete"
        read = self.parsed or self.derived or self.blank or self.corrected
        return "partial" if read else "empty"

    @property
    def complete(self) -> bool:
        return not self.missing


@attrs.frozen
class Cell:
    """One value with its provenance.

    Attributes:
        key: the catalogue key, e.g. ``applications.granted.total``.
        value: the number, or ``None`` when blank or missing.
        provenance: ``parsed`` (read from the text), ``derived`` (computed by ``rule``:
            the text lost it, or printed it blank and the rules prove it 0), ``blank``
            (printed empty, ``—``, ``/``, ``-`` or ``无``: no value) or ``missing`` (not read).
        raw: the text as printed (``+408``, ``4176.9529万元``, ``—``, ``""`` for an empty
            cell), for cells read from the text.
        line, column: where ``raw`` starts in the input (1-based), where known.
        rule: the rule that derived the value, for derived cells.
        ocr: for a cell read by OCR from a scanned page, how it was checked and where it
            is on the page (``Scanned``); ``None`` for a cell read from text.
        correction: for a ``corrected`` cell, the reviewer's verdict and the machine's
            reading it replaced (``Correction``).
    """

    key: str
    value: Number | None
    provenance: Provenance
    raw: str | None = None
    line: int | None = None
    column: int | None = None
    rule: str | None = None
    ocr: Scanned | None = None
    correction: Correction | None = None

    @property
    def blank(self) -> bool:
        """Whether the report printed this cell blank (provenance ``blank``, or ``derived``
        when the rules prove the blank is 0; ``corrected`` when a reviewer said so)."""
        return printed_blank(self.provenance, self.raw)


def printed_blank(provenance: Provenance, raw: str | None) -> bool:
    """Whether a cell of ``provenance`` and ``raw`` text was printed blank (``Cell.blank``)."""
    return raw is not None and provenance != "parsed" and not_given(raw)


@attrs.frozen
class Table:
    """A table of the report (section 二, 三 or 四) as parallel tuples, in catalogue order.

    Index it with a full key (``table["applications.granted.total"]``) or one relative to the
    section (``table["granted.total"]``) to get a ``Cell``. ``ocr`` is empty for a table read
    from text, else parallel too: each cell's ``Scanned`` record (``None`` for a cell not
    read by OCR). ``corrections`` is empty for a table no reviewer corrected, else parallel:
    each cell's ``Correction`` (``None`` for a cell not corrected).
    """

    section: str
    layout: str | None
    keys: tuple[str, ...]
    values: tuple[Number | None, ...]
    provenance: tuple[Provenance, ...]
    raws: tuple[str | None, ...]
    positions: tuple[tuple[int, int] | None, ...]
    rules: tuple[str | None, ...]
    _index: dict[str, int] = attrs.field(eq=False, repr=False, alias="_index")
    ocr: tuple[Scanned | None, ...] = ()
    corrections: tuple[Correction | None, ...] = ()

    def __getitem__(self, key: str) -> Cell:
        position = self._index.get(key)
        if position is None:
            position = self._index.get(f"{self.section}.{key}")
        if position is None:
            raise KeyError(key)
        return self.at(position)

    def at(self, position: int) -> Cell:
        """The cell at ``position`` in the table's order."""
        line, column = self.positions[position] or (None, None)
        return Cell(
            self.keys[position],
            self.values[position],
            self.provenance[position],
            self.raws[position],
            line,
            column,
            self.rules[position],
            self.ocr[position] if self.ocr else None,
            self.corrections[position] if self.corrections else None,
        )

    def __iter__(self) -> Iterator[Cell]:
        return (self[key] for key in self.keys)

    def __repr__(self) -> str:
        counts = ", ".join(
            f"{self.provenance.count(state)} {state}"
            for state in ("parsed", "derived", "blank", "missing", "corrected")
            if state != "corrected" or state in self.provenance
        )
        return f"<Table {self.section} ({self.layout or 'no layout'}): {counts}>"

    def __len__(self) -> int:
        return len(self.keys)

    def to_frame(self) -> pandas.DataFrame:
        """The table as printed, a pandas DataFrame (the ``export`` extra): a row per row
        label, a column per column label, both the official Chinese labels in catalogue
        order; counts ``Int64`` (``<NA>`` for a blank or missing cell, or a column the row
        has not), money exact ``Decimal`` objects. Provenance is in the cells
        (``table[key]``)."""
        pandas = export_extra("pandas")
        fields = next(
            by_key
            for name in TEMPLATES
            if set(self.keys) <= (by_key := {f.key: f for f in TEMPLATES[name].fields}).keys()
        )
        rows = dict.fromkeys(fields[key].row_label for key in self.keys)
        columns = dict.fromkeys(fields[key].column_label for key in self.keys)
        grid: dict[str, dict[str, object]] = {column: dict.fromkeys(rows) for column in columns}
        money = set()
        for key, value in zip(self.keys, self.values, strict=True):
            field = fields[key]
            grid[field.column_label][field.row_label] = value
            if field.kind == "money":
                money.add(field.column_label)
        frame = pandas.DataFrame(grid, index=list(rows), columns=list(columns), dtype=object)
        return frame.astype({column: "Int64" for column in columns if column not in money})

    def value(self, key: str) -> Number | None:
        """The value of ``key`` (full or relative), without building a ``Cell``."""
        return self[key].value


@attrs.frozen
class Report:
    """A parsed report.

    Attributes:
        organisation: the issuing body as printed in the title, e.g. ``城东区韵家口镇政府``.
        year: the reporting year.
        template: ``"2019"`` or ``"2021"``.
        published: the signature date, when printed.
        overview, problems, other_matters: the prose of sections 一, 五 and 六.
        proactive, applications, appeals: the tables of sections 二, 三 and 四.
        diagnostics: every finding, in document order.
        source: the file name, when parsed from a path; encoding: how it was decoded (an
            HTML page's charset; ``"docx"``, ``"pdf"`` for those documents).
        reviewed: whether corrections were applied (``parse(..., corrections=...)``): the
            outputs then say which cells are ``corrected``, even none.
    """

    organisation: str | None
    year: int | None
    template: str
    published: datetime.date | None
    overview: str | None
    proactive: Table
    applications: Table
    appeals: Table
    problems: str | None
    other_matters: str | None
    diagnostics: tuple[Diagnostic, ...]
    source: str | None = None
    encoding: str = "str"
    reviewed: bool = False

    def __repr__(self) -> str:
        done = self.completeness()
        return (
            f"<Report {escape(self.organisation or '?')} {self.year or '?'} "
            f"template {self.template}: "
            f"{done.status}, {done.parsed} parsed, {done.derived} derived, {done.blank} blank, "
            f"{done.missing} missing"
            + (f", {done.corrected} corrected" if self.reviewed else "")
            + ">"
        )

    @property
    def tables(self) -> tuple[Table, Table, Table]:
        return (self.proactive, self.applications, self.appeals)

    def to_dict(self) -> dict[str, Any]:
        """The report as the record ``govinfo-report parse --format json`` writes: source,
        metadata (``published`` an ISO date), how complete it is, the codes of what left
        cells missing (``reasons``), layouts, ``values`` (money as exact ``Decimal``), the
        rules of derived cells, the keys printed blank, the cells read by OCR (how each was
        checked, its page and box, its two reads), diagnostics and ``error`` (``None``:
        ``export.record`` writes a document that failed) (``docs/streaming.md``;
        ``govinfo-report schema`` is its JSON Schema). A ``reviewed`` report counts its
        ``corrected`` cells too, and ``corrected`` maps each corrected key to its verdict,
        reviewer and time."""
        counts = self.completeness()
        blank = kept_keys(self)[1]
        record: dict[str, Any] = {
            "source": self.source,
            "organisation": self.organisation,
            "year": self.year,
            "template": self.template,
            "published": self.published.isoformat() if self.published else None,
            "status": counts.status,
            "complete": counts.complete,
            "cells": {
                "parsed": counts.parsed,
                "derived": counts.derived,
                "blank": len(blank),
                "missing": counts.missing,
            },
            "errors": sum(d.severity == "error" for d in self.diagnostics),
            "warnings": sum(d.severity == "warning" for d in self.diagnostics),
            "reasons": reasons(self),
            "layouts": {t.section: t.layout for t in self.tables},
            "values": self.flat(),
            "derived": {
                key: rule
                for table in self.tables
                for key, origin, rule in zip(table.keys, table.provenance, table.rules, strict=True)
                if origin == "derived"
            },
            "blank": blank,
            "ocr": {
                key: {
                    "check": mark.check,
                    "page": mark.page,
                    "box": [round(side, 1) for side in mark.box],
                    "reads": list(mark.reads),
                }
                for table in self.tables
                for key, mark in zip(table.keys, table.ocr, strict=False)
                if mark is not None
            },
            "diagnostics": [
                {
                    "code": d.code,
                    "severity": d.severity,
                    "message": d.message,
                    "line": d.line,
                    "column": d.column,
                    "keys": list(d.keys),
                }
                for d in self.diagnostics
            ],
            "error": None,
        }
        if self.reviewed:
            record["cells"]["corrected"] = counts.corrected
            record["corrected"] = corrected(self)
        return record

    def to_json(self, indent: int | None = 2) -> str:
        """``to_dict()`` as a JSON document (money as JSON numbers; ``indent=None``: one
        line, as in JSON Lines)."""
        return json_text(self.to_dict(), indent)

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """The diagnostics of severity ``error``."""
        return tuple(d for d in self.diagnostics if d.severity == "error")

    def completeness(self) -> Completeness:
        """The counts of parsed, derived, blank and missing cells over the three tables."""
        counts = {"parsed": 0, "derived": 0, "blank": 0, "missing": 0, "corrected": 0}
        for table in self.tables:
            for provenance in table.provenance:
                counts[provenance] += 1
        return Completeness(**counts)

    def flat(self) -> dict[str, Number | None]:
        """Every catalogue key of ``template`` with its value (``None`` when missing)."""
        flat: dict[str, Number | None] = {}
        for table in self.tables:
            flat.update(zip(table.keys, table.values, strict=True))
        return flat

    @classmethod
    def from_values(
        cls,
        values: Mapping[str, Number | None],
        *,
        template: str,
        organisation: str | None = None,
        year: int | None = None,
        published: datetime.date | None = None,
        overview: str | None = None,
        problems: str | None = None,
        other_matters: str | None = None,
    ) -> Report:
        """A report built from values rather than text (to render it, or to test with).

        ``values`` maps catalogue keys of ``template`` to numbers; keys left out are missing.
        Given values count as ``parsed``, with no source position.

        Raises:
            KeyError: a key that is not in the catalogue of ``template``.
        """
        catalogue = TEMPLATES[template]
        unknown = set(values) - set(catalogue.index)
        if unknown:
            raise KeyError(f"not keys of the {template} template: {', '.join(sorted(unknown))}")
        tables = []
        for section in SECTIONS:
            span = catalogue.sections[section]
            keys = tuple(f.key for f in catalogue.fields[span.start : span.stop])
            numbers = tuple(values.get(key) for key in keys)
            tables.append(
                Table(
                    section,
                    None,
                    keys,
                    numbers,
                    tuple("missing" if v is None else "parsed" for v in numbers),
                    (None,) * len(keys),
                    (None,) * len(keys),
                    (None,) * len(keys),
                    _index={key: i for i, key in enumerate(keys)},
                )
            )
        proactive, applications, appeals = tables
        return cls(
            organisation,
            year,
            template,
            published,
            overview,
            proactive,
            applications,
            appeals,
            problems,
            other_matters,
            (),
        )

    def cell(self, key: str) -> Cell:
        """The cell of a full catalogue key, with its provenance."""
        section = key.partition(".")[0]
        for table in self.tables:
            if table.section == section:
                return table[key]
        raise KeyError(key)


def corrected(report: Report) -> dict[str, dict[str, Any]]:
    """The corrected cells of ``report``: key → verdict, reviewer, time, and whether the
    machine now reads the same (``agrees``), in catalogue order."""
    return {
        key: {
            "verdict": mark.verdict,
            "reviewer": mark.reviewer,
            "time": mark.time,
            "agrees": mark.agrees,
        }
        for table in report.tables
        for key, mark in zip(table.keys, table.corrections, strict=False)
        if mark is not None
    }


def reasons(report: Report) -> list[str]:
    """The codes of the diagnostics that left cells of ``report`` missing
    (``diagnostics.MISSING_CAUSES``), the code naming the most missing cells first (ties
    by code); empty when nothing is missing."""
    missing = {
        key
        for table in report.tables
        for key, provenance in zip(table.keys, table.provenance, strict=True)
        if provenance == "missing"
    }
    if not missing:
        return []
    named: dict[str, set[str]] = {}
    for d in report.diagnostics:
        if d.code in MISSING_CAUSES:
            named.setdefault(d.code, set()).update(missing.intersection(d.keys))
    counts = Counter({code: len(keys) for code, keys in named.items() if keys})
    return [code for code, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def kept_keys(report: Report) -> tuple[list[str], list[str]]:
    """The keys of ``report`` that were derived, and those printed blank (a blank the rules
    prove 0 is both), in catalogue order."""
    derived: list[str] = []
    blank: list[str] = []
    for table in report.tables:
        for key, provenance, raw in zip(table.keys, table.provenance, table.raws, strict=True):
            if provenance == "derived":
                derived.append(key)
            if printed_blank(provenance, raw):
                blank.append(key)
    return derived, blank


def json_text(record: dict[str, Any], indent: int | None = 2) -> str:
    """A record as a JSON document (money as JSON numbers; control characters as ``\\u``
    escapes, so that the document is safe to print)."""
    return escape(json.dumps(record, ensure_ascii=False, indent=indent, default=_number), keep="\n")


def _number(value: object) -> object:
    # Decimal money is written as a JSON number; float's shortest repr keeps its digits.
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")
