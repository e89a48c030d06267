"""The JSON Schema (draft 2020-12) of a record: what ``govinfo-report parse --format
json|jsonl`` writes per document, ``Report.to_dict`` returns and the Dask engine's JSON
Lines parts hold. ``govinfo-report schema`` prints it; the tests validate every output
against it."""

from __future__ import annotations

from typing import Any, get_args

from ..catalogue import SECTIONS, TEMPLATES
from ..corrections import REQUIRED, VERDICTS
from ..diagnostics import CODES, MISSING_CAUSES
from ..model import OcrCheck
from .export import FAILED, SKIPPED

DRAFT = "https://json-schema.org/draft/2020-12/schema"
_STATUSES = ("complete", "partial", "empty", FAILED, SKIPPED)


def _nullable(kind: str, **more: Any) -> dict[str, Any]:
    return {"type": [kind, "null"], **more}


def _values(template: str) -> dict[str, Any]:
    """``values`` of a report of ``template``: every key of its catalogue, no other."""
    fields = TEMPLATES[template].fields
    return {
        "type": "object",
        "properties": {
            f.key: {
                **_nullable("number" if f.kind == "money" else "integer"),
                "description": f"{f.row_label} · {f.column_label}",
            }
            for f in fields
        },
        "required": [f.key for f in fields],
        "additionalProperties": False,
    }


def _keys(template: str) -> dict[str, Any]:
    return {"enum": [f.key for f in TEMPLATES[template].fields]}


def _of_template(template: str) -> dict[str, Any]:
    """What a report of ``template`` holds: its keys in ``values``, ``derived`` and
    ``blank``."""
    return {
        "if": {"properties": {"template": {"const": template}}, "required": ["template"]},
        "then": {
            "properties": {
                "values": _values(template),
                "derived": {"propertyNames": _keys(template)},
                "blank": {"items": _keys(template)},
            }
        },
    }


def record_schema() -> dict[str, Any]:
    """The JSON Schema of a record (``export.record``): a report, or a document that failed
    (``status`` ``failed``: ``error`` set, no values)."""
    count = {"type": "integer", "minimum": 0}
    position = _nullable("integer", minimum=1)
    diagnostic = {
        "type": "object",
        "properties": {
            "code": {"enum": sorted(CODES)},
            "severity": {"enum": ["error", "warning", "info"]},
            "message": {"type": "string"},
            "line": position,
            "column": position,
            "keys": {"type": "array", "items": {"type": "string"}},
        },
        "required": ["code", "severity", "message", "line", "column", "keys"],
        "additionalProperties": False,
    }
    error = {
        "type": "object",
        "description": "why the document failed: a ParseError",
        "properties": {
            "code": {"type": "string"},
            "message": {"type": "string"},
            "line": {"type": "integer", "minimum": 1},
            "column": {"type": "integer", "minimum": 1},
        },
        "required": ["code", "message", "line", "column"],
        "additionalProperties": False,
    }
    cells = {
        "type": "object",
        "properties": {
            state: count for state in ("parsed", "derived", "blank", "missing", "corrected")
        },
        "required": ["parsed", "derived", "blank", "missing"],
        "additionalProperties": False,
    }
    properties: dict[str, Any] = {
        "source": _nullable("string", description="the document's name"),
        "sha256": _nullable(
            "string",
            pattern="^[0-9a-f]{64}$",
            description="the SHA-256 of the document's bytes (null when they could not be "
            "read, or for a report not read from a document): what --resume knows it by",
        ),
        "organisation": _nullable("string"),
        "year": _nullable("integer"),
        "template": {"enum": [*TEMPLATES, None]},
        "published": _nullable("string", format="date"),
        "status": {"enum": list(_STATUSES)},
        "complete": {"type": "boolean"},
        "cells": {"oneOf": [cells, {"type": "null"}]},
        "errors": _nullable("integer", minimum=0),
        "warnings": _nullable("integer", minimum=0),
        "reasons": {
            "type": "array",
            "items": {"enum": sorted(MISSING_CAUSES)},
            "uniqueItems": True,
            "description": "the codes that left cells missing, most cells first",
        },
        "layouts": {
            "type": "object",
            "propertyNames": {"enum": list(SECTIONS)},
            "additionalProperties": _nullable("string"),
        },
        "values": {"type": "object"},
        "derived": {
            "type": "object",
            "additionalProperties": {"type": "string"},
            "description": "key -> the rule that derived its value",
        },
        "blank": {
            "type": "array",
            "items": {"type": "string"},
            "uniqueItems": True,
            "description": "the keys printed blank",
        },
        "ocr": {
            "type": "object",
            "description": "key -> how a value read by OCR from a scanned page was checked",
            "additionalProperties": {
                "type": "object",
                "properties": {
                    "check": {"enum": list(get_args(OcrCheck))},
                    "page": {"type": "integer", "minimum": 1},
                    "box": {"type": "array", "items": {"type": "number"}},
                    "reads": {"type": "array", "items": {"type": "string"}},
                },
                "required": ["check", "page", "box", "reads"],
                "additionalProperties": False,
            },
        },
        "diagnostics": {"type": "array", "items": diagnostic},
        "error": {"oneOf": [error, {"type": "null"}]},
        "corrected": {
            "type": "object",
            "description": "with corrections applied only: key -> the reviewer's verdict on "
            "a corrected cell, who and when, and whether the machine now reads the same",
            "additionalProperties": {
                "type": "object",
                "properties": {
                    "verdict": {"enum": list(VERDICTS)},
                    "reviewer": {"type": "string"},
                    "time": {"type": "string"},
                    "agrees": {"type": ["boolean", "null"]},
                },
                "required": ["verdict", "reviewer", "time", "agrees"],
                "additionalProperties": False,
            },
        },
    }
    failure = {
        "properties": {
            "template": {"const": None},
            "cells": {"const": None},
            "complete": {"const": False},
            "values": {"maxProperties": 0},
            "derived": {"maxProperties": 0},
            "blank": {"maxItems": 0},
            "ocr": {"maxProperties": 0},
            "diagnostics": {"maxItems": 0},
            "error": error,
        }
    }
    report = {
        "properties": {
            "template": {"enum": list(TEMPLATES)},
            "cells": cells,
            "errors": count,
            "warnings": count,
            "error": {"const": None},
        }
    }
    return {
        "$schema": DRAFT,
        "title": "govinfo-report record",
        "description": "One document read by govinfo_report: a report (its metadata, how "
        "complete it is, values, provenance, diagnostics) or a document that failed "
        "(status failed, error).",
        "type": "object",
        "properties": properties,
        "required": [name for name in properties if name not in ("sha256", "corrected")],
        "additionalProperties": False,
        "allOf": [
            {
                "if": {
                    "properties": {"status": {"enum": [FAILED, SKIPPED]}},
                    "required": ["status"],
                },
                "then": failure,
                "else": report,
            },
            *(_of_template(name) for name in TEMPLATES),
        ],
    }


def correction_schema() -> dict[str, Any]:
    """The JSON Schema of a line of the corrections exchange format (JSON Lines: what
    ``govinfo-report review --export-corrections`` writes and ``--corrections`` reads)."""
    keys = sorted({f.key for template in TEMPLATES.values() for f in template.fields})
    reading = {
        "type": "object",
        "description": "the machine's reading the verdict replaced",
        "properties": {
            "value": {"type": ["number", "null"]},
            "provenance": {"type": "string"},
            "raw": _nullable("string"),
            "line": _nullable("integer", minimum=1),
            "column": _nullable("integer", minimum=1),
            "page": _nullable("integer", minimum=1),
            "box": {"type": ["array", "null"], "items": {"type": "number"}},
        },
        "additionalProperties": False,
    }
    return {
        "$schema": DRAFT,
        "title": "govinfo-report correction",
        "description": "One reviewer's verdict on one cell of one document (a line of JSON "
        "Lines); the latest verdict on a (document, key) wins.",
        "type": "object",
        "properties": {
            "document": {"type": "string", "pattern": "^[0-9a-fA-F]{64}$"},
            "key": {"enum": keys},
            "verdict": {"enum": list(VERDICTS)},
            "value": {"type": ["number", "null"]},
            "reviewer": {"type": "string", "minLength": 1},
            "time": {"type": "string", "description": "ISO 8601"},
            "note": {"type": "string"},
            "source": _nullable("string", description="the document's name when reviewed"),
            "machine": reading,
        },
        "required": list(REQUIRED),
        "additionalProperties": False,
        "if": {"properties": {"verdict": {"const": "value"}}},
        "then": {"properties": {"value": {"type": "number"}}},
        "else": {"properties": {"value": {"type": "null"}}},
    }
