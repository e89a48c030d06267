"""Records back to reports: the inverse of ``export.record``, for JSON and JSON Lines files
as ``govinfo-report parse --format json|jsonl`` writes them. A record gives a report's
metadata and values (not its prose, layouts or diagnostics), rebuilt with
``Report.from_values``; money comes back as ``Decimal``, never through ``float``.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from ..catalogue import TEMPLATES, Kind
from ..errors import ParseError, RecordError
from ..model import Number, Report
from ..result import Result
from .export import FAILED, SKIPPED

#: The fields a record must have; the others may be left out (then unknown).
REQUIRED = ("template", "values")

_JSON_START = re.compile(r"[^ \t\n\r]")  # JSON's white space ends


def read(path: Path) -> list[Report]:
    """The reports of a JSON or JSON Lines file: every JSON object in it is a record (one
    document, several, a line each, or arrays of them).

    Raises:
        RecordError: the file is not UTF-8 JSON, holds no record, or a record is bad or is
            that of a document that failed (the message gives the line it starts on); the
            file is then taken as a whole or not. ``results`` takes failures as results.
    """
    reports = []
    for result in results(path):
        if result.report is None:
            raise RecordError(
                f"{result.name}: the record of a document that failed: {result.error}"
            )
        reports.append(result.report)
    return reports


def results(path: Path) -> list[Result]:
    """The documents of a JSON or JSON Lines file as ``parse --format json|jsonl`` writes
    them: a ``Result`` per record, its report, or for a record of a document that failed
    (``status`` ``failed``) its error; named by the record's ``source``.

    Raises:
        RecordError: as ``read``, but for records of documents that failed.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise RecordError(f"not UTF-8 text: {error}") from None
    found: list[Result] = []
    for line, value in _json_values(text):
        for item in value if isinstance(value, list) else [value]:
            try:
                found.append(_result(len(found), item))
            except RecordError as error:
                raise RecordError(f"line {line}: {error}") from None
    if not found:
        raise RecordError("no records in the file")
    return found


def _result(index: int, record: object) -> Result:
    """The ``Result`` of one record."""
    if not isinstance(record, dict) or record.get("status") not in (FAILED, SKIPPED):
        report = from_record(record)
        source = record.get("source") if isinstance(record, dict) else None
        name = source if isinstance(source, str) else f"record {index + 1}"
        return Result(index, name, report=attrs.evolve(report, source=name))
    error = record.get("error")
    source = record.get("source")
    if not isinstance(error, dict) or not isinstance(source, str):
        raise RecordError("a record of a document that failed needs its source and error")
    code, message = error.get("code"), error.get("message")
    line, column = error.get("line", 1), error.get("column", 1)
    if not (isinstance(code, str) and isinstance(message, str)):
        raise RecordError("error: code and message must be strings")
    if not all(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in (line, column)):
        raise RecordError("error: line and column must be whole numbers from 1")
    return Result(index, source, ParseError(message, code=code, line=line, column=column))


def _json_values(text: str) -> Iterator[tuple[int, Any]]:
    """The JSON values in ``text`` one after another (one document, several, or a line each),
    each with the line it starts on; JSON numbers with a fraction are read as ``Decimal``."""
    decoder = json.JSONDecoder(parse_float=Decimal)
    position, line = 0, 1
    while True:
        found = _JSON_START.search(text, position)
        if found is None:
            return
        start = found.start()
        line += text.count("\n", position, start)
        try:
            value, position = decoder.raw_decode(text, start)
        except json.JSONDecodeError as error:
            raise RecordError(f"not JSON: {error}") from None
        except (ValueError, RecursionError) as error:  # a 5,000-digit number, deep nesting
            raise RecordError(f"not a record: {error}") from None
        yield line, value
        line += text.count("\n", start, position)


def _printable(value: int | Decimal) -> bool:
    """Whether a report could print ``value``: at most 15 digits before the point and 8 after
    it, as ``cells`` reads numbers (a record with ``1e5000000`` would render 5 MB)."""
    number = Decimal(value) if isinstance(value, int) else value
    exponent = number.as_tuple().exponent  # an int for a finite number
    return number.is_finite() and (
        number.is_zero() or (number.adjusted() < 15 and int(exponent) >= -8)
    )


def from_record(record: object) -> Report:
    """The report of one record as ``export.record`` writes it (only the fields a report
    built from values has: template, organisation, year, published, values)."""
    if not isinstance(record, dict):
        raise RecordError("a record must be a JSON object")
    missing = [name for name in REQUIRED if name not in record]
    if missing:
        raise RecordError(f"missing field(s): {', '.join(missing)}")
    template = record["template"]
    if not isinstance(template, str) or template not in TEMPLATES:
        raise RecordError(f"template must be one of {', '.join(TEMPLATES)}, not {template!r}")
    published = _optional(record, "published", str)
    try:
        date = datetime.date.fromisoformat(published) if published is not None else None
    except ValueError:
        raise RecordError(f"published must be a date (YYYY-MM-DD), not {published!r}") from None
    return Report.from_values(
        _values(record["values"], template),
        template=template,
        organisation=_optional(record, "organisation", str),
        year=_optional(record, "year", int),
        published=date,
    )


def _optional(record: dict[str, Any], name: str, kind: type) -> Any:
    """The field ``name`` of ``record`` when it is a ``kind`` (not a bool), or ``None``."""
    value = record.get(name)
    if value is None or (isinstance(value, kind) and not isinstance(value, bool)):
        return value
    raise RecordError(f"{name} must be {kind.__name__} or null, not {value!r}")


def _values(values: object, template: str) -> dict[str, Number | None]:
    """The record's values, checked against the catalogue of ``template``: money as
    ``Decimal`` (export writes it as a JSON number), counts as ``int``."""
    if not isinstance(values, dict):
        raise RecordError("values must be a JSON object of catalogue keys")
    kinds = {field.key: field.kind for field in TEMPLATES[template].fields}
    unknown = sorted(set(values) - set(kinds))
    if unknown:
        raise RecordError(f"values: not keys of the {template} template: {', '.join(unknown)}")
    return {key: _number(key, value, kinds[key]) for key, value in values.items()}


def _number(key: str, value: object, kind: Kind) -> Number | None:
    """One value of a record as the model holds a cell of ``kind``."""
    if value is None:
        return None
    if isinstance(value, int | Decimal) and not isinstance(value, bool) and _printable(value):
        if isinstance(value, int):
            return Decimal(value) if kind == "money" else value
        if kind == "money":
            return value
    expected = (
        "a number with at most 15 digits before the point and 8 after it"
        if kind == "money"
        else "a whole number of at most 15 digits"
    )
    raise RecordError(f"values.{key} must be {expected} or null, not {value!r}")
