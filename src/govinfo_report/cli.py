"""The ``govinfo-report`` command: parse (files, directories, archives, JSON Lines; in
worker processes), validate, render, show (a review page), fields."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from itertools import chain
from pathlib import Path
from typing import TextIO

from . import export, records
from .catalogue import TEMPLATES
from .documents import PATTERNS, documents
from .errors import GovinfoReportError
from .frames import write_parquet
from .layouts import available
from .model import Report
from .parser import extract_text, parse
from .progress import Tally
from .render import render, renderable
from .review import review_html
from .stream import iter_parse
from .validate import validate

#: What ``parse --format`` writes.
FORMATS = ("json", "jsonl", "csv", "csv-long", "parquet")
#: Files with these suffixes hold records written by ``parse --format json|jsonl``; ``render``
#: reads any other file as a report's text.
RECORD_SUFFIXES = (".json", ".jsonl")
#: What ``render`` writes between two reports: a blank line, ``---`` and a blank line.
SEPARATOR = "\n---\n\n"
#: Reads one file into its reports, raising ``GovinfoReportError`` or ``OSError``.
Loader = Callable[[Path], list[Report]]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 errors found, 2 bad input)."""
    args = _arguments().parse_args(argv)
    command: Callable[[argparse.Namespace], int] = args.run
    return command(args)


def _arguments() -> argparse.ArgumentParser:
    """The argument parser, each subcommand naming the function that runs it."""
    parser = argparse.ArgumentParser(
        prog="govinfo-report", description="Parse 政府信息公开工作年度报告 text into checked data."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    parse_cmd = commands.add_parser(
        "parse",
        help="parse reports and write their values",
        description="Parse reports and write their values as they come; failures are named "
        "on stderr (exit status 2), a summary ends the run.",
    )
    parse_cmd.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="INPUT",
        help="a report's text file, a directory tree, a zip or tar archive (.tar, .tar.gz, "
        ".tgz, .tar.bz2, .tar.xz), or a .jsonl file with a report's text a line",
    )
    parse_cmd.add_argument(
        "--format",
        choices=FORMATS,
        default="json",
        help="json: a document per report (default); jsonl: a line per report; csv: a row "
        "per report, a column per catalogue key; csv-long: a row per cell (report, key, "
        "value, provenance); parquet: as csv, to --output",
    )
    parse_cmd.add_argument(
        "--output",
        type=Path,
        metavar="FILE",
        help="write to this file, not stdout (needed for parquet)",
    )
    parse_cmd.add_argument(
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="worker processes (default 1; 0: one per CPU)",
    )
    parse_cmd.add_argument(
        "--template",
        choices=(*TEMPLATES, "both"),
        help="the catalogue giving the csv and parquet columns (default: the template of "
        "the first report); a report of the other template fills the keys both share",
    )
    parse_cmd.add_argument(
        "--pattern",
        action="append",
        metavar="GLOB",
        help="files to read in directories and archives, repeatable (default: **/*.txt)",
    )
    parse_cmd.add_argument(
        "--text-field",
        default="text",
        metavar="NAME",
        help="the field of a .jsonl line holding the text (default: text)",
    )
    parse_cmd.add_argument(
        "--name-field",
        metavar="NAME",
        help="the field of a .jsonl line naming the report (default: FILE:LINE)",
    )
    parse_cmd.add_argument(
        "--unordered",
        action="store_true",
        help="write reports as they are done, not in input order",
    )
    parse_cmd.add_argument("--layout", choices=available(), help="force a layout")
    parse_cmd.set_defaults(run=_parse_command)

    validate_cmd = commands.add_parser(
        "validate", help="print diagnostics; exit 1 if any report has an error"
    )
    validate_cmd.add_argument("files", nargs="+", type=Path)
    validate_cmd.add_argument("--layout", choices=available(), help="force a layout")
    validate_cmd.add_argument("--quiet", action="store_true", help="errors and warnings only")
    validate_cmd.add_argument(
        "--series",
        action="store_true",
        help="the files are one body's reports over several years: also check each against "
        "the report of the year before (上年结转, 现行有效件数)",
    )
    validate_cmd.set_defaults(run=_validate_command)

    render_cmd = commands.add_parser(
        "render",
        help="write reports as clean, template-shaped text",
        description="Turn parsed data into a clean, template-shaped report. Reports are "
        "written one after another, separated by a blank line, a line '---' "
        "and a blank line.",
    )
    render_cmd.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="FILE",
        help="reports: .json/.jsonl files as 'parse --format json|jsonl' writes them (every "
        "record a report), any other file a report's text, parsed first",
    )
    render_cmd.add_argument(
        "--layout",
        choices=renderable(),
        default="markdown",
        help="how the tables are laid out (default: markdown, the most readable for people)",
    )
    render_cmd.add_argument(
        "--output", type=Path, metavar="PATH", help="write to this file (UTF-8), not stdout"
    )
    render_cmd.set_defaults(run=_render_command)

    show_cmd = commands.add_parser(
        "show",
        help="write a review page (HTML) of how a report was read",
        description="Write one self-contained HTML page showing the form as read, each cell "
        "coloured by provenance (parsed, derived, missing), the rules the report breaks, the "
        "diagnostics, and the source text with each cell's line.",
    )
    show_cmd.add_argument(
        "file", type=Path, metavar="FILE", help="a report: text, .html, .htm, .docx or .pdf"
    )
    show_cmd.add_argument(
        "--output", type=Path, metavar="PAGE", help="write the page to this file, not stdout"
    )
    show_cmd.add_argument("--layout", choices=available(), help="force a layout")
    show_cmd.set_defaults(run=_show_command)

    fields_cmd = commands.add_parser("fields", help="list the field catalogue")
    fields_cmd.add_argument("--template", choices=tuple(TEMPLATES), default="2019")
    fields_cmd.set_defaults(run=_fields_command)
    return parser


def _jobs(text: str) -> int:
    """A ``--jobs`` value: a whole number, 0 or more."""
    try:
        jobs = int(text)
    except ValueError:
        jobs = -1
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (one per CPU) or more, not {text!r}")
    return jobs


def _fields_command(args: argparse.Namespace) -> int:
    """Print the field catalogue of one template, a field a line."""
    for field in TEMPLATES[args.template].fields:
        print(f"{field.key}\t{field.kind}\t{field.row_label}\t{field.column_label}")
    return 0


def _parse_command(args: argparse.Namespace) -> int:
    """Write the reports' values as they are parsed; 2 if any document failed."""
    if args.format == "parquet" and args.output is None:
        print("--format parquet needs --output FILE", file=sys.stderr)
        return 2
    sources = (
        document
        for path in args.files
        for document in documents(
            path, args.pattern or PATTERNS, text_field=args.text_field, name_field=args.name_field
        )
    )
    tally = Tally(sys.stderr)
    with closing(
        iter_parse(sources, jobs=args.jobs, ordered=not args.unordered, layout=args.layout)
    ) as results:
        try:
            columns = _write_reports(args, tally.reports(results))
        except KeyboardInterrupt:
            tally.close()
            print("interrupted", file=sys.stderr)
            return 130
        except (OSError, GovinfoReportError) as error:
            print(f"{args.output or 'stdout'}: {error}", file=sys.stderr)
            return 2
    tally.close()
    other = sorted(set(tally.templates) - set(columns or TEMPLATES))
    if other:
        print(
            f"note: the columns are those of the {' and '.join(columns or ())} template; "
            f"reports of the {', '.join(other)} template have only the keys both templates "
            "share (--template both or --format csv-long give every key)",
            file=sys.stderr,
        )
    return 2 if tally.failures else 0


def _write_reports(args: argparse.Namespace, reports: Iterator[Report]) -> list[str] | None:
    """Write ``reports`` in ``args.format`` to ``args.output`` or stdout, as they come;
    returns the templates whose keys are the columns (csv, parquet)."""
    if args.format in ("csv", "parquet"):
        templates, reports = _columns(args.template, reports)
        if args.format == "parquet":
            write_parquet(reports, args.output, templates)
            return templates
    with _opened(args.output) as out:
        if args.format == "csv":
            export.write_csv(reports, out, templates)
            return templates
        if args.format == "csv-long":
            export.write_csv_long(reports, out)
        elif args.format == "jsonl":
            out.writelines(export.to_jsonl(reports))
        else:
            out.writelines(export.to_json(report) + "\n" for report in reports)
    return None


def _columns(choice: str | None, reports: Iterator[Report]) -> tuple[list[str], Iterator[Report]]:
    """The templates giving the wide columns: ``choice`` (``both`` is both), else the first
    report's (2019 when there is none); and the reports, the first one put back."""
    if choice is not None:
        return (list(TEMPLATES) if choice == "both" else [choice]), reports
    first = next(reports, None)
    if first is None:
        return ["2019"], reports
    return [first.template], chain([first], reports)


@contextmanager
def _opened(output: Path | None) -> Iterator[TextIO]:
    """``output`` opened for UTF-8 text, or stdout."""
    if output is None:
        yield sys.stdout
        return
    with open(output, "w", encoding="utf-8", newline="") as handle:
        yield handle


def _validate_command(args: argparse.Namespace) -> int:
    """Print the reports' diagnostics (and, with ``--series``, the cross-year ones)."""
    reports, failed = _load_all(args.files, _text_loader(args.layout))
    return _validate(reports, args.quiet, args.series) or (2 if failed else 0)


def _render_command(args: argparse.Namespace) -> int:
    """Write the reports as template-shaped text, ``SEPARATOR`` between two."""
    reports, failed = _load_all(args.files, _render_loader)
    text = SEPARATOR.join(render(report, args.layout) for report in reports)
    return _write(text, args.output) or (2 if failed else 0)


def _show_command(args: argparse.Namespace) -> int:
    """Write the review page of one report; 2 if it cannot be read."""
    try:
        report = parse(args.file, layout=args.layout)
        text = extract_text(args.file)
    except (GovinfoReportError, OSError) as error:
        print(f"{args.file}: {error}", file=sys.stderr)
        return 2
    return _write(review_html(report, text), args.output)


def _load_all(files: Sequence[Path], load: Loader) -> tuple[list[Report], int]:
    """The reports of every file that loads, and how many did not (each said on stderr)."""
    reports: list[Report] = []
    failed = 0
    for path in files:
        try:
            reports.extend(load(path))
        except (GovinfoReportError, OSError) as error:
            failed += 1
            print(f"{path}: {error}", file=sys.stderr)
    return reports, failed


def _text_loader(layout: str | None) -> Loader:
    """Load a file as one report's text, with ``layout`` forced when given."""
    return lambda path: [parse(path, layout=layout)]


def _render_loader(path: Path) -> list[Report]:
    """Load a file as records when it is JSON (by its suffix), otherwise as a report's text."""
    if path.suffix.lower() in RECORD_SUFFIXES:
        return records.read(path)
    return [parse(path)]


def _write(text: str, output: Path | None) -> int:
    """Write ``text`` to ``output`` (UTF-8) or to stdout; 2 if the file cannot be written."""
    if output is None:
        sys.stdout.write(text)
        return 0
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"{output}: {error}", file=sys.stderr)
        return 2
    return 0


def _validate(reports: Sequence[Report], quiet: bool, series: bool) -> int:
    """Print each report's diagnostics and counts; 1 if any report has an error."""
    status = 0
    by_year = {report.year: report for report in reports} if series else {}
    if series and len(by_year) < len(reports):
        print(
            "--series: several reports share a year; each year is compared with the last "
            "report given for the year before",
            file=sys.stderr,
        )
    for report in reports:
        found = list(report.diagnostics)
        previous = by_year.get(report.year - 1) if report.year is not None else None
        if previous is not None:
            found.extend(
                d for d in validate(report, previous).diagnostics if d not in report.diagnostics
            )
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
