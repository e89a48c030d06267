"""The ``govinfo-report`` command: parse (files, directories, archives, JSON Lines; in
worker processes), validate (the same inputs), render, show (a review page), fields, schema.

Whatever happens, a command ends with an exit status and at most a line of its own on
stderr, never a traceback: stdout is UTF-8 whatever the locale, a reader that stops reading
(``| head``) ends it quietly, Ctrl-C ends it with 130 and an unexpected error with 2.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager, suppress
from itertools import chain
from pathlib import Path
from typing import Literal, TextIO

import attrs

from ..catalogue import SECTION_NUMBERS, TEMPLATES
from ..check.validate import validate
from ..corpus.stream import Result, iter_parse
from ..diagnostics import Diagnostic, diagnostic
from ..errors import GovinfoReportError, ParseError
from ..escape import escape
from ..limits import MAX_BYTES, MAX_DEPTH, OCR_TIMEOUT, TIMEOUT
from ..model import Report
from ..parser import parse, parse_source
from ..read.documents import KINDS, listed, one_document
from ..read.source import read
from ..read.split import SEPARATOR, split_reports
from ..structure.layouts import available
from ..structure.skeleton import SECTION_NAMES
from ..version import __version__
from ..write import export, records
from ..write.atomic import replaced
from ..write.frames import write_parquet
from ..write.render import render, renderable
from ..write.review import review_html
from ..write.schema import correction_schema, record_schema
from .progress import Tally
from .review import review_arguments

#: What ``parse --format`` writes.
FORMATS = ("json", "jsonl", "csv", "csv-long", "parquet")
#: Files with these suffixes hold records written by ``parse --format json|jsonl``; ``render``
#: reads any other file as a report's text.
RECORD_SUFFIXES = (".json", ".jsonl")
#: Reads one file into its reports (each a ``Result``: a part of a file that holds several
#: may fail alone), raising ``GovinfoReportError`` or ``OSError`` when the file fails.
Loader = Callable[[Path], list[Result]]

#: ``parse``'s exit statuses.
EXIT_COMPLETE = 0  # every document read fully (every cell parsed, derived or printed blank)
EXIT_INCOMPLETE = 1  # no document failed, but some reports have cells missing
EXIT_FAILED = 2  # some document failed (or the output could not be written, or bad usage)
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a command the signal ended
PARSE_EXIT_STATUS = f"""exit status:
  {EXIT_COMPLETE}    every report was read fully: each cell parsed, derived or printed blank
  {EXIT_INCOMPLETE}    every document was read, but some reports have cells missing (partly
       read), or no cell at all; with --allow-partial, only the latter
  {EXIT_FAILED}    some document failed (not a report, unreadable, too large, timed out, its
       worker died), or the output could not be written, or the arguments are wrong, or
       an unexpected error (a one-line message says which)
  {EXIT_INTERRUPTED}  interrupted (Ctrl-C)
  {EXIT_BROKEN_PIPE}  stdout was closed by its reader (| head): the output stops there
Skipped files (named on stderr with the reason) do not change the exit status."""
#: ``--max-bytes`` suffixes.
_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (see ``PARSE_EXIT_STATUS``)."""
    _utf8_output()
    try:
        args = _arguments().parse_args(argv)
        command: Callable[[argparse.Namespace], int] = args.run
        return command(args)
    except KeyboardInterrupt:
        _say("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except Exception as error:  # a bug: one line, not a traceback
        said = escape(f"{type(error).__name__}: {error}").replace("\\u000a", " ")
        _say(f"govinfo-report: unexpected error, please report it: {said}")
        return EXIT_FAILED


def _utf8_output() -> None:
    """stdout writes UTF-8 whatever the locale (a GBK console's ``PYTHONIOENCODING``
    included), so that no output fails on a character; stderr keeps the console's encoding
    but writes what it cannot encode as escapes."""
    for stream, encoding in ((sys.stdout, "utf-8"), (sys.stderr, None)):
        if isinstance(stream, io.TextIOWrapper):
            with suppress(ValueError, OSError):  # a stream that cannot change: leave it
                stream.reconfigure(encoding=encoding, errors="backslashreplace")


def _silence_stdout() -> None:
    """Point stdout at the null device once its reader is gone, so that the interpreter's
    last flush does not fail again."""
    with suppress(OSError, ValueError, io.UnsupportedOperation):  # no descriptor (tests)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _say(line: str) -> None:
    """Write a line to stderr, if stderr is still there."""
    with suppress(OSError, ValueError):
        print(line, file=sys.stderr)


def _arguments() -> argparse.ArgumentParser:
    """The argument parser, each subcommand naming the function that runs it."""
    parser = argparse.ArgumentParser(
        prog="govinfo-report", description="Parse 政府信息公开工作年度报告 text into checked data."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    inputs = _input_arguments()

    parse_cmd = commands.add_parser(
        "parse",
        parents=[inputs],
        help="parse reports and write their values",
        description="Parse reports and write their values as they come, a row or record per "
        "document: a document that failed is one too (status failed, its error). Failures "
        "and skipped files are named on stderr, a summary ends the run.",
        epilog=PARSE_EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parse_cmd.add_argument(
        "--format",
        choices=FORMATS,
        default="json",
        help="json: one JSON document (default): the record of the one input when that is a "
        "file, else an array of records; jsonl: a line per record; csv: a row per document, "
        "how complete it is, then a column per catalogue key; csv-long: a row per cell "
        "(source, organisation, year, template, status, key, value, provenance, raw, line, "
        "column, rule, error_code, error_message); parquet: as csv, to --output",
    )
    parse_cmd.add_argument(
        "--excel",
        "--bom",
        action="store_true",
        help="csv and csv-long: start with a UTF-8 byte-order mark, so that Excel reads the "
        "Chinese right, and start a text cell that Excel would run as a formula (=, +, -, @) "
        "with '",
    )
    parse_cmd.add_argument(
        "--provenance",
        action="store_true",
        help="csv and parquet: follow each value's column with KEY:provenance (parsed, "
        "derived, blank or missing)",
    )
    parse_cmd.add_argument(
        "--skip-failed",
        action="store_true",
        help="leave the documents that failed out of the output (they are still named on "
        "stderr and still make the exit status 2)",
    )
    parse_cmd.add_argument(
        "--output",
        type=Path,
        metavar="FILE",
        help="write to this file, not stdout (needed for parquet); it is written under a "
        "temporary name beside it and renamed when done, so it is never left half written",
    )
    parse_cmd.add_argument(
        "--template",
        choices=(*TEMPLATES, "both"),
        help="the catalogue giving the csv and parquet columns (default: both, the union "
        "of their keys); with one, a report of the other template fills only the keys both "
        "share, and a note says so",
    )
    parse_cmd.add_argument(
        "--allow-partial",
        action="store_true",
        help=f"exit {EXIT_COMPLETE} when some reports are read only partly (cells missing)",
    )
    parse_cmd.add_argument(
        "--unordered",
        action="store_true",
        help="write reports as they are done, not in input order",
    )
    parse_cmd.set_defaults(run=_parse_command)

    validate_cmd = commands.add_parser(
        "validate",
        parents=[inputs],
        help="print diagnostics; exit 1 if any report has an error, 2 if a document failed",
        description="Print each report's diagnostics, then its counts of errors and warnings. "
        "Takes the inputs parse takes; a text file holding several reports (as render writes "
        "them) is read report by report (FILE#1, FILE#2, …). Exit status: 2 if a document "
        "failed, else 1 if a report has an error, else 0.",
    )
    validate_cmd.add_argument("--quiet", action="store_true", help="errors and warnings only")
    validate_cmd.add_argument(
        "--verbose",
        action="store_true",
        help="every rule not checked on a line of its own (default: one line per table)",
    )
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
        "record a report; a record of a document that failed is named as failed), any other "
        "file a report's text, parsed first",
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
        "coloured by provenance (parsed, derived, blank, missing), the rules the report "
        "breaks, the diagnostics, and the source text with each cell's line.",
    )
    show_cmd.add_argument(
        "file", type=Path, metavar="FILE", help="a report: text, .html, .htm, .docx or .pdf"
    )
    show_cmd.add_argument(
        "--output", type=Path, metavar="PAGE", help="write the page to this file, not stdout"
    )
    show_cmd.add_argument("--layout", choices=available(), help="force a layout")
    _ocr_argument(show_cmd)
    show_cmd.set_defaults(run=_show_command)

    fields_cmd = commands.add_parser("fields", help="list the field catalogue")
    fields_cmd.add_argument("--template", choices=tuple(TEMPLATES), default="2019")
    fields_cmd.set_defaults(run=_fields_command)

    schema_cmd = commands.add_parser(
        "schema",
        help="print the JSON Schema of a record (parse --format json|jsonl)",
        description="Print the JSON Schema (draft 2020-12) that every record written by "
        "'parse --format json|jsonl' (one per document, failures too) follows.",
    )
    schema_cmd.add_argument(
        "--corrections",
        action="store_true",
        help="the schema of a line of the corrections exchange format (review "
        "--export-corrections, --corrections FILE.jsonl) instead",
    )
    schema_cmd.set_defaults(run=_schema_command)
    review_arguments(commands)
    return parser


def _ocr_argument(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--ocr",
        action="store_true",
        help="read the scanned pages of PDFs by OCR (the ocr extra; offline, seconds a page): "
        "a number stands only where two reads agree and the rules hold",
    )
    command.add_argument(
        "--ocr-strict",
        action="store_true",
        help="as --ocr, and leave missing the values no rule checks (only their two reads agree)",
    )


def _ocr(args: argparse.Namespace) -> bool | Literal["strict"]:
    """The ``ocr`` of ``parse`` that ``--ocr`` and ``--ocr-strict`` ask for."""
    return "strict" if args.ocr_strict else bool(args.ocr)


def _input_arguments() -> argparse.ArgumentParser:
    """The arguments naming the documents to read and how, shared by ``parse`` and
    ``validate`` (one input path: ``_results``)."""
    inputs = argparse.ArgumentParser(add_help=False)
    inputs.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="INPUT",
        help="a report (text, .html, .docx, .pdf), a directory tree, a zip or tar archive "
        "(.tar, .tar.gz, .tgz, .tar.bz2, .tar.xz), or a .jsonl file with a report's text a "
        "line; archives in directories and archives are opened too",
    )
    inputs.add_argument(
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="worker processes (default 1; 0: one per CPU)",
    )
    inputs.add_argument(
        "--pattern",
        action="append",
        metavar="GLOB",
        help="files to read in directories and archives, repeatable (default: every "
        f"supported kind, {' '.join(KINDS)}, any case; other files are named as skipped, "
        ".doc and .wps with how to convert them)",
    )
    inputs.add_argument(
        "--max-bytes",
        type=_size,
        default=MAX_BYTES,
        metavar="SIZE",
        help="the size limit of a document: a file, an archive member, a JSON line (bytes, "
        "or with K, M or G; default 64M; 0: none); a larger one fails as too-large",
    )
    inputs.add_argument(
        "--timeout",
        type=_seconds,
        default=TIMEOUT,
        metavar="SECONDS",
        help="the time a document may take in its worker process (default %(default)g; "
        "0: none, and with --jobs 1 parsing happens in this process); past it the "
        "document fails as timeout and a new worker takes over; a tar archive's listing "
        "may take this long for each document it gives",
    )
    inputs.add_argument(
        "--max-depth",
        type=_count,
        default=MAX_DEPTH,
        metavar="N",
        help="how many archives deep documents are read: 1, the members of an archive "
        "given or found in a directory; 2 (default), also those of an archive inside it",
    )
    inputs.add_argument(
        "--text-field",
        default="text",
        metavar="NAME",
        help="the field of a .jsonl line holding the text (default: text)",
    )
    inputs.add_argument(
        "--name-field",
        metavar="NAME",
        help="the field of a .jsonl line naming the report (default: FILE:LINE)",
    )
    inputs.add_argument("--layout", choices=available(), help="force a layout")
    _ocr_argument(inputs)
    inputs.add_argument(
        "--ocr-timeout",
        type=_seconds,
        default=OCR_TIMEOUT,
        metavar="SECONDS",
        help="with --ocr, the time a PDF document may take instead of --timeout (default "
        "%(default)g; 0: none)",
    )
    inputs.add_argument(
        "--corrections",
        type=Path,
        metavar="STORE",
        help="apply reviewers' corrections: a store written by govinfo-report review "
        "(review.db) or its JSON Lines export (.jsonl); corrected cells have provenance "
        "corrected (see docs/review.md)",
    )
    return inputs


@contextmanager
def _results(
    args: argparse.Namespace, tally: Tally, ordered: bool = True
) -> Iterator[Iterator[Result]]:
    """The results of the documents ``args`` name (``_input_arguments``), parsed as they are
    asked for; each file passed over is named to ``tally``."""
    sources = listed(
        args.files,
        args.pattern,
        text_field=args.text_field,
        name_field=args.name_field,
        max_depth=args.max_depth,
        max_bytes=args.max_bytes,
        skipped=tally.skip,
        timeout=args.timeout,
    )
    with closing(
        iter_parse(
            sources,
            jobs=args.jobs,
            ordered=ordered,
            layout=args.layout,
            max_bytes=args.max_bytes,
            timeout=args.timeout,
            ocr=_ocr(args),
            ocr_timeout=args.ocr_timeout,
            started=tally.started,
            corrections=args.corrections,
        )
    ) as results:
        yield results


def _jobs(text: str) -> int:
    """A ``--jobs`` value: a whole number, 0 or more."""
    try:
        jobs = int(text)
    except ValueError:
        jobs = -1
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (one per CPU) or more, not {text!r}")
    return jobs


def _count(text: str) -> int:
    """A whole number, 0 or more."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"must be a whole number, 0 or more, not {text!r}")
    return int(text)


def _size(text: str) -> int | None:
    """A ``--max-bytes`` value: bytes, or with a K, M or G suffix (1,024 based); 0: none."""
    unit = text[-1:].upper() if text[-1:].isalpha() else ""
    number = text[: len(text) - len(unit)]
    if unit not in _UNITS or not number.isdigit():
        raise argparse.ArgumentTypeError(f"must be bytes, or with K, M or G (64M), not {text!r}")
    return int(number) * _UNITS[unit] or None


def _seconds(text: str) -> float | None:
    """A ``--timeout`` value: seconds, more than 0; 0: none."""
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError(f"must be seconds, 0 (none) or more, not {text!r}")
    return seconds or None


def _fields_command(args: argparse.Namespace) -> int:
    """Print the field catalogue of one template, a field a line."""
    for field in TEMPLATES[args.template].fields:
        print(f"{field.key}\t{field.kind}\t{field.row_label}\t{field.column_label}")
    return 0


def _schema_command(args: argparse.Namespace) -> int:
    """Print the JSON Schema of a record."""
    schema = correction_schema() if args.corrections else record_schema()
    print(json.dumps(schema, ensure_ascii=False, indent=2))
    return 0


def _parse_command(args: argparse.Namespace) -> int:
    """Write a row or record per document as they are parsed; the exit status says how
    complete they are (``PARSE_EXIT_STATUS``). The summary ends every run, the output
    written or not."""
    for refused, formats in (
        ("--excel", ("csv", "csv-long")),
        ("--provenance", ("csv", "parquet")),
    ):
        if getattr(args, refused[2:]) and args.format not in formats:
            print(f"{refused} applies to --format {' and '.join(formats)}", file=sys.stderr)
            return EXIT_FAILED
    if args.format == "parquet" and args.output is None:
        print("--format parquet needs --output FILE", file=sys.stderr)
        return EXIT_FAILED
    tally = Tally(sys.stderr, ocr=bool(_ocr(args)))
    where = escape(str(args.output or "stdout"))
    try:
        with _results(args, tally, ordered=not args.unordered) as results:
            columns = _write_rows(args, tally.rows(results, args.skip_failed))
    except KeyboardInterrupt:
        tally.close()
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        tally.close()
        raise
    except (OSError, GovinfoReportError) as error:
        said = escape(str(error), keep="\n")
        print(f"{where}: {said}", file=sys.stderr)
        tally.unwritten(where, args.output is not None, escape(str(error)))
        tally.close()
        return EXIT_FAILED
    except Exception:  # a bug: the summary, then main's one line
        tally.close()
        raise
    tally.wrote(where)
    tally.close()
    other = sorted(set(tally.templates) - set(columns or TEMPLATES))
    if other:
        count = sum(tally.templates[name] for name in other)
        print(
            f"note: the columns are those of the {' and '.join(columns or ())} template; "
            f"{count} report(s) of the {', '.join(other)} template have only the keys both "
            "templates share (leave out --template, or use --format csv-long, for every key)",
            file=sys.stderr,
        )
    if tally.failures:
        return EXIT_FAILED
    if tally.read["empty"] or (tally.read["partial"] and not args.allow_partial):
        return EXIT_INCOMPLETE
    return EXIT_COMPLETE


def _write_rows(args: argparse.Namespace, rows: Iterator[Result]) -> list[str] | None:
    """Write ``rows`` in ``args.format`` to ``args.output`` or stdout, as they come; returns
    the templates whose keys are the columns (csv, parquet). With no document at all, csv,
    csv-long and jsonl write nothing (an empty ``--output`` file), not even a CSV header;
    json writes an empty array. An ``--output`` file is replaced only once whole."""
    templates = list(TEMPLATES) if args.template in (None, "both") else [args.template]
    if args.format == "parquet":
        with replaced(args.output) as temporary:
            write_parquet(rows, temporary, templates, provenance=args.provenance)
        return templates
    first = next(rows, None)
    array = args.format == "json" and not (len(args.files) == 1 and one_document(args.files[0]))
    with _opened(args.output, args.excel and first is not None) as out:
        if first is None:
            out.write("[]\n" if array else "")
            return None
        rows = chain([first], rows)
        if args.format == "csv":
            export.write_csv(
                rows,
                out,
                templates,
                provenance=args.provenance,
                excel=args.excel,
                corrected=args.corrections is not None,
            )
            return templates
        if args.format == "csv-long":
            export.write_csv_long(rows, out, excel=args.excel)
        elif args.format == "jsonl":
            out.writelines(export.to_jsonl(rows))
        elif array:
            out.writelines(export.to_json_array(rows))
        else:
            out.writelines(export.to_json(row) + "\n" for row in rows)
    return None


@contextmanager
def _opened(output: Path | None, bom: bool = False) -> Iterator[TextIO]:
    """``output`` opened for UTF-8 text (under a temporary name, renamed when the block
    ends: ``atomic.replaced``), or stdout; with ``bom``, a byte-order mark first."""
    if output is None:
        if bom:
            sys.stdout.write("\ufeff")
        yield sys.stdout
        sys.stdout.flush()  # a closed pipe or a full disk fails here, within the run
        return
    with (
        replaced(output) as temporary,
        open(temporary, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle,
    ):
        yield handle


def _validate_command(args: argparse.Namespace) -> int:
    """Print the reports' diagnostics (and, with ``--series``, the cross-year ones); 2 when
    a document failed, else 1 when a report has an error."""
    tally = Tally(sys.stderr, progress=False, ocr=bool(_ocr(args)))
    with _results(args, tally) as results:
        reports = tally.reports(_split_several(results, args.layout))
        status = _validate(reports, args.quiet, args.verbose, args.series)
    return EXIT_FAILED if tally.failures else status


def _split_several(results: Iterable[Result], layout: str | None) -> Iterator[Result]:
    """``results``, a text file that holds several reports (``several-reports``) replaced
    by the results of its parts (``_text_parts``)."""
    for result in results:
        error = result.error
        if error is not None and error.code == "several-reports" and os.path.isfile(result.name):
            yield from _text_parts(Path(result.name), layout)
        else:
            yield result


def _render_command(args: argparse.Namespace) -> int:
    """Write the reports as template-shaped text, ``SEPARATOR`` between two."""
    reports, failed = _load_all(args.files, _render_loader)
    text = SEPARATOR.join(render(report, args.layout) for report in reports)
    return _write(text, args.output) or (2 if failed else 0)


def _show_command(args: argparse.Namespace) -> int:
    """Write the review page of one report, read and parsed once; 2 if it cannot be read."""
    ocr = _ocr(args)
    try:
        given = read(args.file, ocr=bool(ocr))
        report = parse_source(given, layout=args.layout, ocr=ocr)
        scan = args.file.read_bytes() if any(table.ocr for table in report.tables) else None
        page = review_html(report, "\n".join(given.lines), scan)
    except (GovinfoReportError, OSError) as error:
        print(f"{escape(str(args.file))}: {escape(str(error), keep=chr(10))}", file=sys.stderr)
        return 2
    return _write(page, args.output)


def _load_all(files: Sequence[Path], load: Loader) -> tuple[list[Report], int]:
    """The reports of every file that loads, and how many did not (each said on stderr)."""
    reports: list[Report] = []
    failed = 0
    for path in files:
        try:
            results = load(path)
        except (GovinfoReportError, OSError) as error:
            failed += 1
            said = escape(str(error), keep="\n")  # a ParseError's excerpt is on lines of its own
            print(f"{escape(str(path))}: {said}", file=sys.stderr)
            continue
        for result in results:
            if result.report is None:
                failed += 1
                # A ParseError escapes its own message.
                print(f"{escape(result.name)}: {result.error}", file=sys.stderr)
            else:
                reports.append(result.report)
    return reports, failed


def _text_reports(path: Path, layout: str | None = None) -> list[Result]:
    """The report of a text file; when the file holds several, separated as ``render``
    separates them, each of them (``_text_parts``)."""
    try:
        return [Result(0, str(path), report=parse(path, layout=layout))]
    except ParseError as error:
        if error.code != "several-reports":
            raise
    return _text_parts(path, layout)


def _text_parts(path: Path, layout: str | None) -> list[Result]:
    """The reports of a text file holding several, named ``FILE#1``, ``FILE#2``, … (a part
    that is not a report fails alone)."""
    text = read(path)
    results = []
    for number, part in enumerate(split_reports("\n".join(text.lines)), 1):
        name = f"{path}#{number}"
        try:
            report = parse(part, layout=layout)
        except ParseError as error:
            results.append(Result(number - 1, name, error))
            continue
        named = attrs.evolve(report, source=name, encoding=text.encoding)
        results.append(Result(number - 1, name, report=named))
    return results


def _render_loader(path: Path) -> list[Result]:
    """Load a file as records when it is JSON (by its suffix), otherwise as reports' text."""
    if path.suffix.lower() in RECORD_SUFFIXES:
        return records.results(path)
    return _text_reports(path)


def _write(text: str, output: Path | None) -> int:
    """Write ``text`` to ``output`` (UTF-8, whole or not at all) or to stdout; 2 if the
    file cannot be written."""
    try:
        with _opened(output) as out:
            out.write(text)
    except OSError as error:
        if isinstance(error, BrokenPipeError):
            raise
        print(f"{escape(str(output or 'stdout'))}: {error}", file=sys.stderr)
        return 2
    return 0


def _validate(reports: Iterable[Report], quiet: bool, verbose: bool, series: bool) -> int:
    """Print each report's diagnostics (the rules not checked one line per table unless
    ``verbose``) and counts, as the reports come (with ``series``, once all have come); 1 if
    any report has an error."""
    status = 0
    by_year: dict[int | None, Report] = {}
    if series:
        reports = every = list(reports)
        by_year = {report.year: report for report in every}
        if len(by_year) < len(every):
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
        name = escape(str(report.source))
        for d in found if verbose else _by_table(report, found):
            if not quiet or d.severity != "info":
                print(f"{name}:{d}")
        errors = sum(d.severity == "error" for d in found)
        warnings = sum(d.severity == "warning" for d in found)
        print(f"{name}: {errors} error(s), {warnings} warning(s)")
        status = status or (1 if errors else 0)
    return status


#: Cell keys named in a line that stands for a table's rules not checked.
_KEYS_SHOWN = 3


def _by_table(report: Report, found: Sequence[Diagnostic]) -> list[Diagnostic]:
    """``found`` with each table's ``rule-not-assessable`` notes as one note, in the place
    of the first: how many rules, which cells they miss, how many derived a cell of their
    own."""
    unchecked: dict[str, list[Diagnostic]] = {}
    for d in found:
        if d.code == "rule-not-assessable" and d.keys:
            unchecked.setdefault(d.keys[0].partition(".")[0], []).append(d)
    shown: list[Diagnostic] = []
    for d in found:
        group = unchecked.get(d.keys[0].partition(".")[0], []) if d.keys else []
        if d not in group:
            shown.append(d)
        elif d is group[0]:
            shown.append(_unchecked(report, d.keys[0].partition(".")[0], group))
    return shown


def _unchecked(report: Report, section: str, group: Sequence[Diagnostic]) -> Diagnostic:
    needed = dict.fromkeys(k for d in group for k in d.keys)
    missing = [key for key in needed if _provenance(report, key) == "missing"]
    blank = [key for key in needed if _provenance(report, key) == "blank"]
    circular = sum(
        not any(_provenance(report, key) in ("missing", "blank") for key in d.keys) for d in group
    )
    why = []
    for keys, state in ((missing, "missing"), (blank, "printed blank")):
        if keys:
            named = ", ".join(keys[:_KEYS_SHOWN])
            more = f" and {len(keys) - _KEYS_SHOWN} more" if len(keys) > _KEYS_SHOWN else ""
            why.append(f"{_plural(len(keys), 'cell')} they need {state} ({named}{more})")
    if circular:
        why.append(f"{circular} filled a cell the text lost, so hold by construction")
    number = SECTION_NAMES[SECTION_NUMBERS[section]]
    return diagnostic(
        "rule-not-assessable",
        f"section {number}: {_plural(len(group), 'rule')} not checked: {'; '.join(why)} "
        "(--verbose lists each)",
        keys=(*missing, *blank),
    )


def _plural(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _provenance(report: Report, key: str) -> str | None:
    try:
        return report.cell(key).provenance
    except KeyError:  # a key of the previous report's template only
        return None


if __name__ == "__main__":
    raise SystemExit(main())
