"""The public API, typed out: every name of ``govinfo_report`` and ``govinfo_report.dask``
stays importable where users import it from, whatever module implements it (issue 31: the
package was regrouped into the pipeline's stages without breaking users' code)."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import govinfo_report as gr

#: ``govinfo_report.__all__``, as users know it.
PUBLIC = [
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

#: What ``govinfo_report.dask`` offers (docs/streaming.md).
DASK = [
    "FAILURES",
    "PART_DIGITS",
    "Failure",
    "Input",
    "Written",
    "listing",
    "results",
    "write_jsonl",
    "write_parquet",
]


def test_the_public_api_is_the_list_users_know() -> None:
    assert gr.__all__ == PUBLIC
    assert dir(gr) == sorted(PUBLIC)


@pytest.mark.parametrize("name", PUBLIC)
def test_each_public_name_imports_from_the_package(name: str) -> None:
    namespace: dict[str, object] = {}
    exec(f"from govinfo_report import {name}", namespace)
    assert namespace[name] is getattr(gr, name)


@pytest.mark.parametrize("name", DASK)
def test_each_name_of_the_dask_engine_imports_from_govinfo_report_dask(name: str) -> None:
    dask = importlib.import_module("govinfo_report.dask")
    namespace: dict[str, object] = {}
    exec(f"from govinfo_report.dask import {name}", namespace)
    assert namespace[name] is getattr(dask, name)


def test_the_command_runs_as_a_module_and_says_its_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "govinfo_report.cli", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout == f"govinfo-report {gr.__version__}\n"
