"""Export: flat records, JSON (one document, an array or JSON Lines), CSV with a row per
document (wide) or a row per cell (long), written as the documents come.

Every input document is a row of every output: a report, or a document that failed
(``status`` ``failed``, its error's code, message, line and column, no values). Every
record and every wide row says how complete its report is (``Report.completeness``: cells
parsed, derived, printed blank and missing, and the status), how many of its values were
read by OCR from scanned pages (and of them, how many only their two reads check), why cells
are missing (``reasons``), which keys were derived and which printed blank, how many errors
and warnings it has and which layout each table was read in, so that an output alone tells
a reader which reports to trust; a record and a long row say it of each OCR value too. See
``docs/streaming.md`` for the columns.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, TextIO

from ..catalogue import SECTIONS, TEMPLATES
from ..errors import LegacyReportError, ParseError
from ..escape import escape
from ..model import Report, json_text, kept_keys, printed_blank, reasons
from ..result import Result

#: What an output writes a row for: a report, or the result of a document (a failed one
#: is a row too; one that parsed is its report's row).
Item = Report | Result
#: The ``status`` of a document that failed, and of a file passed over (``SKIPPED``).
FAILED = "failed"
SKIPPED = "skipped"
#: The columns of a wide row before the catalogue keys, each with what it holds: who and
#: when, how complete, why cells are missing, which keys were derived or printed blank, the
#: layouts, and for a document that failed, its error. (The Parquet schema carries these
#: as its fields' descriptions.)
META_COLUMNS: dict[str, str] = {
    "source": "the document's name: a path, archive:member, file.jsonl:LINE or a name field",
    "organisation": "the issuing body, as the title prints it",
    "year": "the reporting year",
    "template": "the template: 2019 or 2021",
    "published": "the signature date, when printed",
    "status": "complete (no cell missing), partial (some missing), empty (none read), "
    "failed (the document is no report that could be read: see error_code) or skipped (a "
    "file passed over: error_message says why)",
    "complete": "true when no cell is missing",
    "cells_parsed": "cells read from the text",
    "cells_derived": "cells computed by a consistency rule (see keys_derived)",
    "cells_blank": "cells the report prints blank (empty, —, /, -, 无): not missing; a blank "
    "the rules prove 0 is derived, counted in cells_derived too (keys_blank names them all)",
    "cells_missing": "cells that could not be read: no value",
    "cells_ocr": "values read by OCR from scanned pages (0 for a report read from text)",
    "cells_ocr_reads_only": "of the values read by OCR, those no rule checks: only their two "
    "reads agree",
    "errors": "diagnostics of severity error (the report breaks its own rules)",
    "warnings": "diagnostics of severity warning",
    "reasons": "the diagnostic codes that left cells missing, the one naming most cells first",
    "keys_derived": "the keys whose value a rule derived: not printed by the report",
    "keys_blank": "the keys the report prints blank (a blank a rule proves 0 is derived too)",
    **{
        f"layout_{section}": f"the layout the table of section {number} was read in"
        for section, number in zip(SECTIONS, "二三四", strict=True)
    },
    "error_code": "why the document failed (ParseError code: not-a-report, unreadable, …)",
    "error_message": "why the document failed, in words",
    "error_line": "where the document failed: line",
    "error_column": "where the document failed: column",
}
META = tuple(META_COLUMNS)
#: The column a wide row has after ``cells_missing`` when corrections were applied.
CORRECTED_COLUMN = "cells_corrected"
CORRECTED_MEANING = "cells a reviewer settled (provenance corrected: see the JSON corrected)"
#: The columns of ``META`` holding lists of words (codes, keys): lists in JSON, Parquet and
#: DataFrames; in CSV, the words separated by spaces.
LISTS = ("reasons", "keys_derived", "keys_blank")
#: With ``provenance``, each key's column is followed by ``KEY:provenance``.
PROVENANCE = ":provenance"
#: The columns of the long CSV format: a row per catalogue cell of a report, and one row
#: for a document that failed.
LONG_COLUMNS = (
    "source",
    "organisation",
    "year",
    "template",
    "status",
    "key",
    "value",
    "provenance",
    "blank",
    "raw",
    "line",
    "column",
    "rule",
    "ocr",
    "error_code",
    "error_message",
)
#: What a CSV cell may start with that a spreadsheet takes for a formula (OWASP's list),
#: after any white space: under ``excel``, such a text cell starts with ``'``.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def outcome(item: Item) -> tuple[Report | None, ParseError | None, str | None]:
    """The report of ``item``, or its error, and its name."""
    if isinstance(item, Report):
        return item, None, item.source
    return item.report, item.error, item.name


def status_of(error: ParseError) -> str:
    """The ``status`` of a document that ``error`` stopped: ``skipped`` for a file the
    listing passed over, else ``failed``."""
    return SKIPPED if error.code == SKIPPED else FAILED


def failed(item: Item) -> bool:
    """Whether ``item`` is a document that failed."""
    return isinstance(item, Result) and item.error is not None


def meta(item: Item) -> dict[str, Any]:
    """The values of ``META`` for ``item``: ``str``, ``int``, ``bool``, ``datetime.date``,
    a list of ``str`` (``LISTS``) or ``None``."""
    report, error, name = outcome(item)
    if report is None:
        assert error is not None
        return _failure(name, error)
    counts = report.completeness()
    derived, blank = kept_keys(report)
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
        "cells_blank": len(blank),
        "cells_missing": counts.missing,
        CORRECTED_COLUMN: counts.corrected,
        "cells_ocr": sum(check in ("rules", "reads") for check in ocr),
        "cells_ocr_reads_only": ocr.count("reads"),
        "errors": sum(d.severity == "error" for d in report.diagnostics),
        "warnings": sum(d.severity == "warning" for d in report.diagnostics),
        "reasons": reasons(report),
        "keys_derived": derived,
        "keys_blank": blank,
        **{f"layout_{table.section}": table.layout for table in report.tables},
        "error_code": None,
        "error_message": None,
        "error_line": None,
        "error_column": None,
    }


def _failure(name: str | None, error: ParseError) -> dict[str, Any]:
    """``META`` of a document that failed: its name and error, no values (the year of a
    report from before 2019, which the error knows)."""
    row: dict[str, Any] = dict.fromkeys(META)
    row.update(
        source=name,
        year=error.year if isinstance(error, LegacyReportError) else None,
        status=status_of(error),
        complete=False,
        reasons=[],
        keys_derived=[],
        keys_blank=[],
        error_code=error.code,
        error_message=error.message,
        error_line=error.line,
        error_column=error.column,
    )
    return row


def record(item: Item) -> dict[str, Any]:
    """A JSON-ready dict: a report's record (``Report.to_dict``), or for a document that
    failed its name, its ``error`` (code, message, line and column) and everything else
    empty. A ``Result``'s record has the fingerprint of its bytes (``sha256``) after the
    source: what ``--resume`` and ``done=`` know a document by. ``govinfo-report schema``
    is its JSON Schema."""
    report, error, name = outcome(item)
    if not isinstance(item, Result):
        return item.to_dict()
    sha256 = item.sha256
    if report is not None:
        return {"source": report.source, "sha256": sha256, **report.to_dict()}
    assert error is not None
    row = _failure(name, error)
    return {
        "source": row["source"],
        "sha256": sha256,
        "organisation": None,
        "year": row["year"],
        "template": None,
        "published": None,
        "status": status_of(error),
        "complete": False,
        "cells": None,
        "errors": None,
        "warnings": None,
        "reasons": [],
        "layouts": {},
        "values": {},
        "derived": {},
        "blank": [],
        "ocr": {},
        "diagnostics": [],
        "error": {
            "code": error.code,
            "message": error.message,
            "line": error.line,
            "column": error.column,
        },
    }


def to_json(item: Item, indent: int | None = 2) -> str:
    """One record as a JSON document (control characters as ``\\u`` escapes, so that the
    document is safe to print)."""
    return json_text(record(item), indent)


def to_jsonl(items: Iterable[Item]) -> Iterator[str]:
    """Records as JSON Lines, one line each."""
    for item in items:
        yield to_json(item, indent=None) + "\n"


def to_json_array(items: Iterable[Item]) -> Iterator[str]:
    """Records as one JSON array, written piece by piece as they come (``[]`` for none)."""
    opening = "[\n"
    for item in items:
        yield opening + "  " + to_json(item).replace("\n", "\n  ")
        opening = ",\n"
    yield "[]\n" if opening == "[\n" else "\n]\n"


def columns(
    templates: Sequence[str], provenance: bool = False, corrected: bool = False
) -> list[str]:
    """The ``META`` columns, then every catalogue key of ``templates``, section by section
    (二, 三, 四), each in the catalogue order of the first template that has it: with both
    templates, a section's 2021-only keys follow its 2019 keys. With ``provenance``, each
    key is followed by ``KEY:provenance``; with ``corrected`` (corrections were applied),
    ``cells_corrected`` follows ``cells_missing``."""
    keys = dict.fromkeys(
        field.key
        for section in SECTIONS
        for name in templates
        for field in TEMPLATES[name].fields
        if field.section == section
    )
    head = list(META)
    if corrected:
        head.insert(head.index("cells_missing") + 1, CORRECTED_COLUMN)
    if provenance:
        return [*head, *(column for key in keys for column in (key, key + PROVENANCE))]
    return [*head, *keys]


#: How ``--column-names`` writes a key's column: ``dotted`` as the key
#: (``applications.granted.total``), ``snake`` with ``__`` for each dot and for the colon of
#: ``:provenance`` (``applications__granted__total``), a name SQL and Stata take unquoted.
COLUMN_NAMES = ("dotted", "snake")


def column_name(name: str, style: str = "dotted") -> str:
    """``name`` as a column of ``style`` (``COLUMN_NAMES``)."""
    return name.replace(".", "__").replace(":", "__") if style == "snake" else name


def row(item: Item, names: Sequence[str]) -> list[Any]:
    """The values of ``item`` under ``names`` (names of ``META``, catalogue keys and
    ``KEY:provenance``): as ``meta`` gives them, ``int`` or ``Decimal`` values and
    provenance words, ``None`` where there is none (missing, a key of the other template, a
    document that failed)."""
    values = meta(item)
    report = outcome(item)[0]
    if report is not None:
        for table in report.tables:
            values.update(zip(table.keys, table.values, strict=True))
            values.update(
                (key + PROVENANCE, provenance)
                for key, provenance in zip(table.keys, table.provenance, strict=True)
            )
    return [values.get(name) for name in names]


def _cell(value: object, excel: bool = False) -> str:
    """A value as a CSV cell: empty for ``None``, ``true``/``false`` for a flag, a list's
    words separated by spaces, text with its control characters escaped; with ``excel``, a
    text that a spreadsheet would take for a formula starts with ``'`` (numbers never do)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | Decimal):
        return str(value)
    text = " ".join(value) if isinstance(value, list) else escape(str(value))
    # Spreadsheets skip white space before a formula (" =1+2" runs too).
    return "'" + text if excel and text.lstrip().startswith(FORMULA_START) else text


def write_csv(
    items: Iterable[Item],
    out: TextIO,
    templates: Sequence[str],
    *,
    provenance: bool = False,
    excel: bool = False,
    column_names: str = "dotted",
    corrected: bool = False,
) -> int:
    """Write a header of ``columns(templates, provenance, corrected)`` (named as
    ``column_names`` says: ``column_name``) and a row per item as it comes (a missing value is
    an empty cell, as is a key of a template that is not the report's, and every value of a
    document that failed); ``excel``: text cells guarded against formulas
    (``FORMULA_START``). Returns the rows written."""
    names = columns(templates, provenance, corrected)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([column_name(name, column_names) for name in names])
    written = 0
    for item in items:
        writer.writerow([_cell(value, excel) for value in row(item, names)])
        written += 1
    return written


def long_rows(item: Item) -> Iterator[list[Any]]:
    """The rows of ``LONG_COLUMNS`` for ``item``: a row per catalogue cell of a report (its
    metadata and status, the key, value, provenance, whether the report printed it blank
    (``Cell.blank``: a blank the rules prove 0 is ``derived`` and blank), raw text, line and
    column, rule, and for
    a cell read by OCR how it was checked: ``Scanned.check``, ``rules``, ``reads`` or why it
    is missing), or one row for a document that failed (its name, ``failed``, the error's
    line, column, code and message)."""
    report, error, name = outcome(item)
    if report is None:
        assert error is not None
        legacy = error.year if isinstance(error, LegacyReportError) else None
        nothing = [None] * 5  # key, value, provenance, blank, raw
        where = [error.line, error.column, None, None]  # line, column, rule, ocr
        status = status_of(error)
        yield [name, None, legacy, None, status, *nothing, *where, error.code, error.message]
        return
    status = report.completeness().status
    about = [report.source, report.organisation, report.year, report.template, status]
    for table in report.tables:
        for key, value, provenance, raw, position, rule, mark in zip(
            table.keys,
            table.values,
            table.provenance,
            table.raws,
            table.positions,
            table.rules,
            table.ocr or (None,) * len(table.keys),
            strict=True,
        ):
            line, column = position or (None, None)
            check = None if mark is None else mark.check
            blank = printed_blank(provenance, raw)
            yield [
                *about,
                key,
                value,
                provenance,
                blank,
                raw,
                line,
                column,
                rule,
                check,
                None,
                None,
            ]


def write_csv_long(items: Iterable[Item], out: TextIO, *, excel: bool = False) -> int:
    """Write ``LONG_COLUMNS`` and the rows of each item as it comes (``long_rows``: a row
    per catalogue cell of a report, missing cells too; a row for a document that failed);
    ``excel`` as for ``write_csv``. Returns the documents written."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(LONG_COLUMNS)
    written = 0
    for item in items:
        writer.writerows([_cell(value, excel) for value in values] for values in long_rows(item))
        written += 1
    return written
