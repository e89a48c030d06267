"""The ``govinfo-report`` command: parse, validate, fields."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import export
from .catalogue import TEMPLATES
from .errors import GovinfoReportError
from .layouts import available
from .model import Report
from .parser import parse
from .validate import validate


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 errors found, 2 bad input)."""
    parser = argparse.ArgumentParser(
        prog="govinfo-report",
        description="Parse 政府信息公开工作年度报告 text into checked data.")
    commands = parser.add_subparsers(dest="command", required=True)

    parse_cmd = commands.add_parser("parse", help="parse reports and print their values")
    parse_cmd.add_argument("files", nargs="+", type=Path)
    parse_cmd.add_argument("--format", choices=("json", "jsonl", "csv"), default="json")
    parse_cmd.add_argument("--layout", choices=available(), help="force a layout")

    validate_cmd = commands.add_parser(
        "validate", help="print diagnostics; exit 1 if any report has an error")
    validate_cmd.add_argument("files", nargs="+", type=Path)
    validate_cmd.add_argument("--layout", choices=available(), help="force a layout")
    validate_cmd.add_argument("--quiet", action="store_true", help="errors and warnings only")
    validate_cmd.add_argument(
        "--series", action="store_true",
        help="the files are one body's reports over several years: also check each against "
             "the report of the year before (上年结转, 现行有效件数)")

    fields_cmd = commands.add_parser("fields", help="list the field catalogue")
    fields_cmd.add_argument("--template", choices=tuple(TEMPLATES), default="2019")

    args = parser.parse_args(argv)
    if args.command == "fields":
        for field in TEMPLATES[args.template].fields:
            print(f"{field.key}\t{field.kind}\t{field.row_label}\t{field.column_label}")
        return 0
    reports, failed = _parse_all(args.files, args.layout)
    if args.command == "parse":
        if args.format == "csv":
            sys.stdout.write(export.to_csv(reports))
        elif args.format == "jsonl":
            sys.stdout.writelines(export.to_jsonl(reports))
        else:
            for report in reports:
                print(export.to_json(report))
        return 2 if failed else 0
    return _validate(reports, args.quiet, args.series) or (2 if failed else 0)


def _parse_all(files: Sequence[Path], layout: str | None) -> tuple[list[Report], int]:
    reports: list[Report] = []
    failed = 0
    for path in files:
        try:
            reports.append(parse(path, layout=layout))
        except (GovinfoReportError, OSError) as error:
            failed += 1
            print(f"{path}: {error}", file=sys.stderr)
    return reports, failed


def _validate(reports: Sequence[Report], quiet: bool, series: bool) -> int:
    status = 0
    by_year = {report.year: report for report in reports} if series else {}
    if series and len(by_year) < len(reports):
        print("--series: several reports share a year; each year is compared with the last "
              "report given for the year before", file=sys.stderr)
    for report in reports:
        found = list(report.diagnostics)
        previous = by_year.get(report.year - 1) if report.year is not None else None
        if previous is not None:
            found.extend(d for d in validate(report, previous).diagnostics
                         if d not in report.diagnostics)
        for d in found:
            if not quiet or d.severity != "info":
                print(f"{report.source}:{d}")
        errors = sum(d.severity == "error" for d in found)
        warnings = sum(d.severity == "warning" for d in found)
        print(f"{report.source}: {errors} error(s), {warnings} warning(s)")
        status = status or (1 if errors else 0)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
