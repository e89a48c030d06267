"""govinfo_report: Chinese government information disclosure annual reports
(政府信息公开工作年度报告) as checked data.

>>> import govinfo_report as gr
>>> report = gr.parse(path_or_text_or_bytes)          # doctest: +SKIP
>>> report.flat()["applications.total.total"]         # doctest: +SKIP
>>> gr.validate(report).violated                        # doctest: +SKIP
"""

from .catalogue import Field, fields
from .diagnostics import CODES, Diagnostic
from .documents import (
    Document,
    Skipped,
    directory,
    documents,
    json_lines,
    tar_archive,
    zip_archive,
)
from .errors import (
    ERROR_CODES,
    GovinfoReportError,
    InternalError,
    LegacyReportError,
    MissingDependencyError,
    ParseError,
    RecordError,
    UnknownLayoutError,
)
from .frames import report_frame
from .layouts import available as available_layouts
from .model import Cell, Completeness, Report, Scanned, Table
from .parser import extract_text, parse
from .render import render, render_html
from .review import review_html
from .split import split_reports
from .stream import Result, iter_parse, parse_document
from .validate import Check, Validation, validate

__all__ = [
    "CODES",
    "ERROR_CODES",
    "Cell",
    "Check",
    "Completeness",
    "Diagnostic",
    "Document",
    "Field",
    "GovinfoReportError",
    "InternalError",
    "LegacyReportError",
    "MissingDependencyError",
    "ParseError",
    "RecordError",
    "Report",
    "Result",
    "Scanned",
    "Skipped",
    "Table",
    "UnknownLayoutError",
    "Validation",
    "available_layouts",
    "directory",
    "documents",
    "extract_text",
    "fields",
    "iter_parse",
    "json_lines",
    "parse",
    "parse_document",
    "render",
    "render_html",
    "report_frame",
    "review_html",
    "split_reports",
    "tar_archive",
    "validate",
    "zip_archive",
]
__version__ = "0.1.0"
