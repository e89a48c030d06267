"""govinfo_report: Chinese government information disclosure annual reports
(政府信息公开工作年度报告) as checked data.

>>> import govinfo_report as gr
>>> report = gr.parse(Path("report.txt"))             # doctest: +SKIP
>>> report.flat()["applications.total.total"]         # doctest: +SKIP
>>> gr.validate(report).violated                        # doctest: +SKIP
>>> frame = gr.read_reports("reports/", jobs=2)         # doctest: +SKIP

The public API is ``__all__``; ``dir(gr)`` lists it alone (the modules that implement it
stay importable, e.g. ``govinfo_report.dask``, but are not part of the front door).
"""

from .catalogue import Field, fields
from .check.validate import Check, Validation, validate
from .corpus.stream import iter_parse, parse_document
from .diagnostics import CODES, Diagnostic
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
from .model import Cell, Completeness, Correction, Report, Scanned, Table
from .parser import extract_text, parse
from .read.documents import (
    Document,
    Skipped,
    directory,
    documents,
    json_lines,
    tar_archive,
    zip_archive,
)
from .read.split import split_reports
from .result import Result
from .structure.layouts import available as available_layouts
from .version import __version__
from .write.frames import cells_frame, read_cells, read_reports, report_frame
from .write.render import render, render_html
from .write.review import review_html
from .write.schema import record_schema

__all__ = [
    "CODES",
    "ERROR_CODES",
    "Cell",
    "Check",
    "Completeness",
    "Correction",
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
    "__version__",
    "available_layouts",
    "cells_frame",
    "directory",
    "documents",
    "extract_text",
    "fields",
    "iter_parse",
    "json_lines",
    "parse",
    "parse_document",
    "read_cells",
    "read_reports",
    "record_schema",
    "render",
    "render_html",
    "report_frame",
    "review_html",
    "split_reports",
    "tar_archive",
    "validate",
    "zip_archive",
]


def __dir__() -> list[str]:
    """The public API only: the package's modules stay out of ``dir(gr)`` and tab
    completion (they are still importable: ``from govinfo_report import dask``)."""
    return sorted(__all__)
