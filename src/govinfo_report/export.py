"""Export: flat records, JSON (one document or JSON Lines), CSV with a row per report (wide)
or a row per cell (long), written as the reports come."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, TextIO

from .catalogue import TEMPLATES
from .model import Report

META = ("source", "organisation", "year", "template", "published")
#: The columns of the long CSV format: a row per catalogue cell of a report.
LONG_COLUMNS = ("report", "key", "value", "provenance")


def record(report: Report) -> dict[str, Any]:
    """A JSON-ready dict: metadata, layouts, values, provenance of non-parsed cells,
    diagnostics."""
    return {
        "source": report.source,
        "organisation": report.organisation,
        "year": report.year,
        "template": report.template,
        "published": report.published.isoformat() if report.published else None,
        "layouts": {table.section: table.layout for table in report.tables},
        "values": report.flat(),
        "derived": {
            key: rule
            for table in report.tables
            for key, origin, rule in zip(table.keys, table.provenance, table.rules, strict=True)
            if origin == "derived"
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
            for d in report.diagnostics
        ],
    }


def _number(value: object) -> object:
    # Decimal money is written as a JSON number; float's shortest repr keeps its digits.
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def to_json(report: Report, indent: int | None = 2) -> str:
    """One report as a JSON document."""
    return json.dumps(record(report), ensure_ascii=False, indent=indent, default=_number)


def to_jsonl(reports: Iterable[Report]) -> Iterable[str]:
    """Reports as JSON Lines, one line each."""
    for report in reports:
        yield to_json(report, indent=None) + "\n"


def csv_columns(templates: Sequence[str]) -> list[str]:
    """The metadata columns, then every catalogue key of ``templates`` in catalogue order."""
    keys = dict.fromkeys(f.key for name in templates for f in TEMPLATES[name].fields)
    return [*META, *keys]


def row(report: Report, columns: Sequence[str]) -> list[Any]:
    """The report's values under ``columns`` (names of ``META`` and catalogue keys): ``str``,
    ``int``, ``Decimal``, ``datetime.date`` or ``None`` (missing, or a key of the other
    template)."""
    values: dict[str, Any] = dict(report.flat())
    values.update(
        source=report.source,
        organisation=report.organisation,
        year=report.year,
        template=report.template,
        published=report.published,
    )
    return [values.get(column) for column in columns]


def write_csv(reports: Iterable[Report], out: TextIO, templates: Sequence[str]) -> None:
    """Write a header of ``csv_columns(templates)`` and a row per report as it comes (a
    missing value is an empty cell; a report of another template fills the keys it shares
    with ``templates``)."""
    columns = csv_columns(templates)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for report in reports:
        writer.writerow(["" if value is None else str(value) for value in row(report, columns)])


def write_csv_long(reports: Iterable[Report], out: TextIO) -> None:
    """Write ``LONG_COLUMNS`` and a row per catalogue cell of each report as it comes: the
    report's ``source``, the key, the value (empty when missing) and its provenance, so that
    missing cells are rows too."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(LONG_COLUMNS)
    for report in reports:
        name = report.source or ""
        for table in report.tables:
            writer.writerows(
                (name, key, "" if value is None else str(value), provenance)
                for key, value, provenance in zip(
                    table.keys, table.values, table.provenance, strict=True
                )
            )
