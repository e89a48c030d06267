"""Export: flat records, JSON (one document or JSON Lines), CSV with a row per report (wide)
or a row per cell (long), written as the reports come.

Every record and every wide row says how complete its report is (``Report.completeness``:
cells parsed, derived, printed blank and missing, and the status), how many of its values
were read by OCR from scanned pages (and of them, how many only their two reads check), how
many errors and warnings it has and which layout each table was read in, so that an output
alone tells a reader which reports to trust; a record and a long row say it of each OCR
value too. See ``docs/streaming.md`` for the columns.
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
    "cells_ocr",
    "cells_ocr_reads_only",
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
    "ocr",
)


def meta(report: Report) -> dict[str, Any]:
    """The values of ``META`` for ``report``: ``str``, ``int``, ``bool``, ``datetime.date``
    or ``None``."""
    counts = report.completeness()
    ocr = [mark.check for table in report.tables for mark in table.ocr if mark is not None]
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
        "cells_ocr": sum(check in ("rules", "reads") for check in ocr),
        "cells_ocr_reads_only": ocr.count("reads"),
        "errors": sum(d.severity == "error" for d in report.diagnostics),
        "warnings": sum(d.severity == "warning" for d in report.diagnostics),
        **{f"layout_{table.section}": table.layout for table in report.tables},
    }


def record(report: Report) -> dict[str, Any]:
    """A JSON-ready dict: metadata, how complete the report is, layouts, values, the rules
    of derived cells, the cells read by OCR (how each was checked, its page and box, its two
    reads), diagnostics."""
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
        "ocr": {
            key: {
                "check": mark.check,
                "page": mark.page,
                "box": [round(side, 1) for side in mark.box],
                "reads": list(mark.reads),
            }
            for table in report.tables
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
    missing), its provenance, the raw text and its line and column (parsed cells), the
    rule (derived cells), and for a cell read by OCR how it was checked (``Scanned.check``:
    ``rules``, ``reads``, or why it is missing); missing cells are rows too."""
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
                    "" if mark is None else mark.check,
                ]
                for key, value, provenance, raw, position, rule, mark in zip(
                    table.keys,
                    table.values,
                    table.provenance,
                    table.raws,
                    table.positions,
                    table.rules,
                    table.ocr or (None,) * len(table.keys),
                    strict=True,
                )
            )
