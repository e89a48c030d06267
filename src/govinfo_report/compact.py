"""A report as plain tuples of primitives, and back: what a worker process sends its parent.

Pickling a ``Report`` pickles a dozen attrs objects and a ``Diagnostic`` per finding, which
costs about as much as parsing the report; ``pack`` flattens it into tuples of ``str``,
``int`` and ``None`` that pickle several times faster, and ``unpack`` rebuilds an equal
``Report``. Table keys are not sent: they are the catalogue's (``pack`` checks it). Money
(``Decimal``) travels as its exact text. Equal rule names are sent once, as the provenance
words are (pickle writes an object it has seen as a reference).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from functools import cache
from typing import Any

from .catalogue import SECTIONS, TEMPLATES
from .diagnostics import Diagnostic
from .model import Correction, Machine, Report, Scanned, Table

#: The packed form: metadata, prose, three tables, diagnostics, all plain tuples.
Packed = tuple[Any, ...]


def pack(report: Report) -> Packed:
    """``report`` as nested tuples of primitives (see the module docstring).

    Raises:
        ValueError: a table's keys are not its template's catalogue keys (only a ``Report``
            built by hand can have others).
    """
    tables = []
    seen: dict[str | None, str | None] = {}
    for table in report.tables:
        keys, _, money = _section(report.template, table.section)
        if table.keys != keys:
            raise ValueError(
                f"table {table.section}: keys are not the {report.template} template's catalogue"
            )
        values: list[object] = list(table.values)
        for i in money:
            value = values[i]
            if isinstance(value, Decimal):
                values[i] = str(value)
        tables.append(
            (
                table.layout,
                tuple(values),
                table.provenance,
                table.raws,
                table.positions,
                _shared(table.rules, seen),
                tuple([None if mark is None else tuple(mark) for mark in table.ocr]),
                tuple([None if mark is None else _packed_mark(mark) for mark in table.corrections]),
            )
        )
    published = report.published
    return (
        report.organisation,
        report.year,
        report.template,
        None if published is None else published.toordinal(),
        report.overview,
        report.problems,
        report.other_matters,
        report.source,
        report.encoding,
        tuple(tables),
        tuple(
            [(d.code, d.severity, d.message, d.line, d.column, d.keys) for d in report.diagnostics]
        ),
        report.reviewed,
    )


def unpack(packed: Packed) -> Report:
    """The ``Report`` that ``pack`` flattened, equal to the original."""
    (
        organisation,
        year,
        template,
        published,
        overview,
        problems,
        other_matters,
        source,
        encoding,
        packed_tables,
        diagnostics,
        reviewed,
    ) = packed
    tables = []
    for section, (layout, values, provenance, raws, positions, rules, ocr, marked) in zip(
        SECTIONS, packed_tables, strict=True
    ):
        keys, index, money = _section(template, section)
        if money:
            values = list(values)
            for i in money:
                if isinstance(values[i], str):
                    values[i] = Decimal(values[i])
            values = tuple(values)
        marks = tuple([None if mark is None else Scanned(*mark) for mark in ocr])
        tables.append(
            Table(
                section,
                layout,
                keys,
                values,
                provenance,
                raws,
                positions,
                rules,
                _index=index,
                ocr=marks,
                corrections=tuple([None if mark is None else _mark(*mark) for mark in marked]),
            )
        )
    proactive, applications, appeals = tables
    return Report(
        organisation,
        year,
        template,
        None if published is None else datetime.date.fromordinal(published),
        overview,
        proactive,
        applications,
        appeals,
        problems,
        other_matters,
        tuple([Diagnostic(*diagnostic) for diagnostic in diagnostics]),
        source,
        encoding,
        reviewed,
    )


def _packed_mark(mark: Correction) -> tuple[Any, ...]:
    """A ``Correction`` as plain tuples (its machine reading's money as exact text)."""
    machine = mark.machine
    read = None
    if machine is not None:
        value = machine.value
        read = (str(value) if isinstance(value, Decimal) else value, *machine[1:])
    return (*mark[:4], read, mark.agrees)


def _mark(
    verdict: str,
    reviewer: str,
    time: str,
    note: str,
    machine: tuple[Any, ...] | None,
    agrees: bool | None,
) -> Correction:
    """The ``Correction`` ``_packed_mark`` flattened."""
    read = None
    if machine is not None:
        read = Machine(*machine)
        if isinstance(read.value, str):
            read = read._replace(value=Decimal(read.value))
    return Correction(verdict, reviewer, time, note, read, agrees)


def _shared(
    rules: tuple[str | None, ...], seen: dict[str | None, str | None]
) -> tuple[str | None, ...]:
    """``rules`` with each equal name the same object (the first seen)."""
    if not any(rules):
        return rules
    return tuple([seen.setdefault(rule, rule) for rule in rules])


@cache
def _section(
    template: str, section: str
) -> tuple[tuple[str, ...], dict[str, int], tuple[int, ...]]:
    """A section's catalogue keys, their positions (shared by every unpacked table: a
    ``Table`` never changes it) and the positions of its money cells."""
    catalogue = TEMPLATES[template]
    fields = catalogue.fields[catalogue.sections[section].start : catalogue.sections[section].stop]
    keys = tuple(f.key for f in fields)
    return (
        keys,
        {key: i for i, key in enumerate(keys)},
        tuple(i for i, f in enumerate(fields) if f.kind == "money"),
    )
