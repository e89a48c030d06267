"""Export: flat records, JSON (one document or JSON Lines), CSV with a row per report (wide)
or a row per cell (long), written as the reports come.

Every record and every wide row says how complete its report is (``Report.completeness``:
cells parsed, derived, printed blank and missing, and the status), how many errors and
warnings it has and which layout each table was read in, so that an output alone tells a
reader which reports to trust. See ``docs/streaming.md`` for the columns.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, TextIO

from .catalogue import SECTIONS, TEMPLATES
from .escape import escape
from .model import Report

#: The columns of a wide row before the catalogue keys: who and when, then how complete.
META = (
    "source",
    "organisation",
    "year",
    "template",
    "published",
    "status",
    "complete",
    "cells_parsed",
    "cells_derived",
    "cells_blank",
    "cells_missing",
    "errors",
    "warnings",
    *(f"layout_{section}" for section in SECTIONS),
)
#: The columns of the long CSV format: a row per catalogue cell of a report.
LONG_COLUMNS = (
    "source",
    "organisation",
    "year",
    "template",
    "key",
    "value",
    "provenance",
    "raw",
    "line",
    "column",
    "rule",
)


def meta(report: Report) -> dict[str, Any]:
    """The values of ``META`` for ``report``: ``str``, ``int``, ``bool``, ``datetime.date``
    or ``None``."""
    counts = report.completeness()
    return {
        "source": report.source,
        "organisation": report.organisation,
        "year": report.year,
        "template": report.template,
        "published": report.published,
        "status": counts.status,
        "complete": counts.complete,
        "cells_parsed": counts.parsed,
        "cells_derived": counts.derived,
        "cells_blank": counts.blank,
        "cells_missing": counts.missing,
        "errors": sum(d.severity == "error" for d in report.diagnostics),
        "warnings": sum(d.severity == "warning" for d in report.diagnostics),
        **{f"layout_{table.section}": table.layout for table in report.tables},
    }


def record(report: Report) -> dict[str, Any]:
    """A JSON-ready dict: metadata, how complete the report is, layouts, values, the rules
    of derived cells, diagnostics."""
    row = meta(report)
    return {
        "source": report.source,
        "organisation": report.organisation,
        "year": report.year,
        "template": report.template,
        "published": report.published.isoformat() if report.published else None,
        "status": row["status"],
        "complete": row["complete"],
        "cells": {
            "parsed": row["cells_parsed"],
            "derived": row["cells_derived"],
            "blank": row["cells_blank"],
            "missing": row["cells_missing"],
        },
        "errors": row["errors"],
        "warnings": row["warnings"],
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
    """One report as a JSON document (control characters as ``\\u`` escapes, so that the
    document is safe to print)."""
    return escape(
        json.dumps(record(report), ensure_ascii=False, indent=indent, default=_number),
        keep="\n",
    )


def to_jsonl(reports: Iterable[Report]) -> Iterable[str]:
    """Reports as JSON Lines, one line each."""
    for report in reports:
        yield to_json(report, indent=None) + "\n"


def csv_columns(templates: Sequence[str]) -> list[str]:
    """The ``META`` columns, then every catalogue key of ``templates``, section by section
    (二, 三, 四), each in the catalogue order of the first template that has it: with both
    templates, a section's 2021-only keys follow its 2019 keys."""
    keys = dict.fromkeys(
        field.key
        for section in SECTIONS
        for name in templates
        for field in TEMPLATES[name].fields
        if field.section == section
    )
    return [*META, *keys]


def row(report: Report, columns: Sequence[str]) -> list[Any]:
    """The report's values under ``columns`` (names of ``META`` and catalogue keys): ``str``,
    ``int``, ``bool``, ``Decimal``, ``datetime.date`` or ``None`` (missing, or a key of the
    other template)."""
    values: dict[str, Any] = dict(report.flat())
    values.update(meta(report))
    return [values.get(column) for column in columns]


def _cell(value: object) -> str:
    """A value as a CSV cell: empty for ``None``, ``true``/``false`` for a flag, text with
    its control characters escaped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return escape(str(value))


def write_csv(reports: Iterable[Report], out: TextIO, templates: Sequence[str]) -> None:
    """Write a header of ``csv_columns(templates)`` and a row per report as it comes (a
    missing value is an empty cell, as is a key of a template that is not the report's)."""
    columns = csv_columns(templates)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for report in reports:
        writer.writerow([_cell(value) for value in row(report, columns)])


def write_csv_long(reports: Iterable[Report], out: TextIO) -> None:
    """Write ``LONG_COLUMNS`` and a row per catalogue cell of each report as it comes: the
    report's source, organisation, year and template, the key, the value (empty when
    missing), its provenance, the raw text and its line and column (parsed cells), and the
    rule (derived cells); missing cells are rows too."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(LONG_COLUMNS)
    for report in reports:
        about = [_cell(report.source), _cell(report.organisation), _cell(report.year)]
        about.append(report.template)
        for table in report.tables:
            writer.writerows(
                [
                    *about,
                    key,
                    _cell(value),
                    provenance,
                    _cell(raw),
                    *(_cell(number) for number in (position or (None, None))),
                    _cell(rule),
                ]
                for key, value, provenance, raw, position, rule in zip(
                    table.keys,
                    table.values,
                    table.provenance,
                    table.raws,
                    table.positions,
                    table.rules,
                    strict=True,
                )
            )
