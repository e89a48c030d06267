"""Export: flat records, JSON (one document or JSON Lines) and CSV, one row per report."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from .catalogue import TEMPLATES
from .model import Report

META = ("source", "organisation", "year", "template", "published")


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
        "derived": {key: rule for table in report.tables
                    for key, origin, rule in zip(table.keys, table.provenance, table.rules,
                                                 strict=True)
                    if origin == "derived"},
        "diagnostics": [
            {"code": d.code, "severity": d.severity, "message": d.message,
             "line": d.line, "column": d.column, "keys": list(d.keys)}
            for d in report.diagnostics],
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


def to_csv(reports: Sequence[Report]) -> str:
    """One row per report, one column per catalogue key of the reports' templates."""
    templates = sorted({report.template for report in reports})
    columns = csv_columns(templates or ["2019"])
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for report in reports:
        row = {key: "" if value is None else str(value) for key, value in report.flat().items()}
        row.update(source=report.source or "", organisation=report.organisation or "",
                   year=str(report.year or ""), template=report.template,
                   published=report.published.isoformat() if report.published else "")
        writer.writerow(row)
    return out.getvalue()
