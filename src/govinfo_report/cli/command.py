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
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager, suppress
from itertools import chain
from pathlib import Path
from typing import Literal, TextIO

import attrs

from ..catalogue import SECTION_NUMBERS, TEMPLATES
from ..check.validate import Series, validate
from ..check.validate import series as body_series
from ..corpus.resume import Done, pending
from ..corpus.stream import iter_parse
from ..diagnostics import Diagnostic, diagnostic
from ..errors import GovinfoReportError, ParseError
from ..escape import escape
from ..limits import MAX_BYTES, MAX_DEPTH, OCR_TIMEOUT, TIMEOUT
from ..model import Report
from ..parser import parse, parse_source
from ..read.documents import KINDS, TAR_SUFFIXES, Document, listed, one_document
from ..read.source import read
from ..read.split import SEPARATOR, split_reports
from ..result import Result
from ..structure.layouts import available
from ..structure.skeleton import SECTION_NAMES
from ..version import __version__
from ..workers import STOP_SIGNALS
from ..write import checkpoint, export, records
from ..write.atomic import replaced
from ..write.checkpoint import SUFFIX
from ..write.export import COLUMN_NAMES
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
EXIT_INTERRUPTED = 130  # 128 + SIGINT; SIGTERM gives 143, SIGHUP 129
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a command the signal ended
PARSE_EXIT_STATUS = f"""exit status:
  {EXIT_COMPLETE}    every report was read fully: each cell parsed, derived or printed blank
  {EXIT_INCOMPLETE}    every document was read, but some reports have cells missing (partly
       read), or no cell at all; with --allow-partial, only the latter
  {EXIT_FAILED}    some document failed (not a report, unreadable, too large, timed out, its
       worker died), or the output could not be written, or the arguments are wrong, or
       an unexpected error (a one-line message says which)
  {EXIT_INTERRUPTED}  interrupted (Ctrl-C); 143 when stopped by SIGTERM, 129 by SIGHUP: the
       documents finished are kept (see --resume)
  {EXIT_BROKEN_PIPE}  stdout was closed by its reader (| head): the output stops there
Skipped files (named on stderr with the reason, and rows with status skipped) do not change
the exit status."""
#: ``--max-bytes`` suffixes.
_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (see ``PARSE_EXIT_STATUS``)."""
    _utf8_output()
    try:
        args = _arguments().parse_args(argv)
        command: Callable[[argparse.Namespace], int] = args.run
        with _stopped_by_signals():
            return command(args)
    except KeyboardInterrupt as stop:
        _say("interrupted")
        return _interrupted_status(stop)
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except Exception as error:  # a bug: one line, not a traceback
        said = escape(f"{type(error).__name__}: {error}").replace("\\u000a", " ")
        _say(f"govinfo-report: unexpected error, please report it: {said}")
        return EXIT_FAILED


class Stopped(KeyboardInterrupt):
    """A signal that stops a run as Ctrl-C does (SIGTERM: a scheduler's time limit,
    ``timeout``, ``docker stop``; SIGHUP: the terminal closed)."""

    def __init__(self, number: int) -> None:
        super().__init__(signal.Signals(number).name)
        self.number = number


def _interrupted_status(stop: KeyboardInterrupt) -> int:
    """128 and the signal's number, as a shell reports a command a signal ended: 130 for
    Ctrl-C, 143 for SIGTERM, 129 for SIGHUP."""
    return 128 + stop.number if isinstance(stop, Stopped) else EXIT_INTERRUPTED


@contextmanager
def _stopped_by_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP raise ``Stopped`` while the block runs (in the main thread), so
    that they end a run as Ctrl-C does: workers stopped, finished records kept, a summary."""

    def stop(number: int, frame: object) -> None:
        raise Stopped(number)

    before = {name: signal.getsignal(getattr(signal, name)) for name in STOP_SIGNALS}
    try:
        for name in STOP_SIGNALS:
            if name != "SIGINT":
                signal.signal(getattr(signal, name), stop)
    except ValueError:  # not the main thread: signals stay as they are
        yield
        return
    try:
        yield
    finally:
        for name, handler in before.items():
            signal.signal(getattr(signal, name), handler)


def _ignore_signals() -> None:
    """Once a run is stopping, further Ctrl-C and signals wait until its records are kept
    (``_stopped_by_signals`` puts the handlers back)."""
    with suppress(ValueError):
        for name in STOP_SIGNALS:
            signal.signal(getattr(signal, name), signal.SIG_IGN)


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
        "(source, organisation, year, template, status, key, value, provenance, blank, raw, "
        "line, column, rule, ocr, error_code, error_message); parquet: as csv, to --output",
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
        "--column-names",
        choices=COLUMN_NAMES,
        default="dotted",
        help="csv and parquet: the keys' columns as the keys (dotted, the default: "
        "applications.granted.total) or with __ for each dot (snake: "
        "applications__granted__total, a name SQL and Stata take as it is)",
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
        "temporary name beside it and renamed when done, so it is never left half written; "
        "jsonl is written as documents finish, a line each, and csv, csv-long, json and "
        f"parquet keep a checkpoint beside it (FILE{SUFFIX}) while the run goes, so that an "
        "interrupted run keeps every finished document (see --resume)",
    )
    parse_cmd.add_argument(
        "--resume",
        action="store_true",
        help="go on with an interrupted run: the documents already in --output (jsonl) or "
        "its checkpoint, known by name and SHA-256, are passed over and the rest appended, "
        "so that the output ends as an uninterrupted run's would",
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
        help="also check each report against its body's report of the year before (上年结转, "
        "现行有效件数): the reports are grouped by organisation (full-width forms, spaces "
        "and punctuation aside), each group chained by year, and the series formed are "
        "named on stderr; two bodies are never compared, and a report whose organisation "
        "could not be read is a series of its own",
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
    args: argparse.Namespace,
    tally: Tally,
    ordered: bool = True,
    done: Sequence[Done] = (),
    rows: bool = False,
) -> Iterator[Iterator[Result]]:
    """The results of the documents ``args`` name (``_input_arguments``), parsed as they are
    asked for, but for those ``done`` (``resume.pending``); each file passed over is named
    to ``tally`` (which counts the listing), and with ``rows`` is a result too (status
    ``skipped``)."""
    options = {
        "text_field": args.text_field,
        "name_field": args.name_field,
        "max_depth": args.max_depth,
        "max_bytes": args.max_bytes,
        "timeout": args.timeout,
    }
    sources: Iterable[Document] = listed(
        args.files, args.pattern, **options, skipped=tally.skip, rows=rows
    )
    if tally.live and not any(_streamed(path) for path in args.files):
        tally.expect(sum(1 for _ in listed(args.files, args.pattern, **options, rows=rows)))
    sources = tally.listing(sources)
    if done:
        sources = pending(sources, done, args.max_bytes)
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


def _streamed(path: Path) -> bool:
    """Whether listing ``path`` reads it through (a tar archive, JSON Lines), too dear to
    do twice to count its documents ahead of a progress line; a directory's files and a
    zip's central directory are cheap to count."""
    return path.name.lower().endswith((*TAR_SUFFIXES, ".jsonl"))


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
    written or not. With ``--output``, every finished document is kept as it comes (the
    JSON Lines output itself, or the checkpoint of an output written whole at the end), so
    that an interrupted run keeps them and ``--resume`` goes on from there."""
    for refused, formats in (
        ("--excel", ("csv", "csv-long")),
        ("--provenance", ("csv", "parquet")),
        ("--column-names", ("csv", "parquet")),
    ):
        given = getattr(args, refused[2:].replace("-", "_"))
        if given and given != "dotted" and args.format not in formats:
            print(f"{refused} applies to --format {' and '.join(formats)}", file=sys.stderr)
            return EXIT_FAILED
    for option, needed in (
        ("--format parquet", args.format == "parquet"),
        ("--resume", args.resume),
    ):
        if needed and args.output is None:
            print(f"{option} needs --output FILE", file=sys.stderr)
            return EXIT_FAILED
    tally = Tally(sys.stderr, ocr=bool(_ocr(args)))
    where = escape(str(args.output or "stdout"))
    journal = args.output is not None and args.format == "jsonl"
    kept = None
    if args.output is not None:  # a link named as the output is followed (as replaced does)
        output = Path(os.path.realpath(args.output))
        kept = output if journal else checkpoint.checkpoint_of(output)
    stop: KeyboardInterrupt | None = None
    columns = None
    try:
        done = _resumed(kept, journal, tally) if args.resume and kept is not None else []
        with _results(args, tally, not args.unordered, done, rows=True) as results:
            if kept is None:
                columns = _write_rows(args, tally.rows(results, args.skip_failed))
            else:
                _keep(kept, args, tally, results, journal)
    except KeyboardInterrupt as interruption:
        _ignore_signals()
        stop = interruption
    except BrokenPipeError:
        tally.close()
        raise
    except (OSError, GovinfoReportError) as error:
        return _unwritten(args, tally, where, error)
    except Exception:  # a bug: the summary, then main's one line
        tally.close()
        raise
    if kept is not None and not journal:
        try:  # the output, whole, from the checkpoint; kept for --resume when interrupted
            columns = _write_rows(args, tally.kept(checkpoint.results(kept), args.skip_failed))
            if stop is None:
                os.remove(kept)
        except KeyboardInterrupt as interruption:  # the last step: the output left as it was
            _ignore_signals()
            tally.unwritten(where, True, "interrupted")
            tally.interrupted(str(interruption) or "SIGINT", kept)
            tally.close()
            return _interrupted_status(interruption)
        except (OSError, GovinfoReportError) as error:
            tally.kept_in(kept)
            return _unwritten(args, tally, where, error)
    tally.wrote(where)
    if stop is not None:
        tally.interrupted(str(stop) or "SIGINT", kept)
        tally.close()
        return _interrupted_status(stop)
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


def _resumed(kept: Path, journal: bool, tally: Tally) -> list[Done]:
    """The documents an interrupted run kept in ``kept`` (the JSON Lines output itself, or
    a checkpoint), each counted by ``tally``."""
    if journal:
        records = list(checkpoint.lines(kept))
        tally.handed += len(records)
    else:
        records = [export.record(result) for result in checkpoint.results(kept)]
    for record in records:
        tally.resumed(record)
    return [(record["source"], record.get("sha256")) for record in records]


def _keep(
    kept: Path, args: argparse.Namespace, tally: Tally, results: Iterator[Result], journal: bool
) -> None:
    """Append each result to ``kept`` as it comes, a line flushed at once: its record to the
    JSON Lines output, or its line to the checkpoint (every result, for ``--resume``)."""
    with checkpoint.appended(kept, args.resume) as out:
        if journal:
            for result in tally.rows(results, args.skip_failed):
                out.write(export.to_json(result, indent=None) + "\n")
                out.flush()
        else:
            for result in tally.results(results):
                out.write(checkpoint.line(result))
                out.flush()


def _unwritten(
    args: argparse.Namespace, tally: Tally, where: str, error: OSError | GovinfoReportError
) -> int:
    """Say that the output could not be written (naming ``where``, the file asked for, not
    a temporary one), then the summary; 2."""
    why = str(error)
    if isinstance(error, OSError) and error.strerror:  # not the temporary file's name
        why = f"[Errno {error.errno}] {error.strerror}" if error.errno else error.strerror
    print(f"{where}: {escape(why, keep=chr(10))}", file=sys.stderr)
    tally.unwritten(where, args.output is not None and args.format != "jsonl", escape(why))
    tally.close()
    return EXIT_FAILED


def _write_rows(args: argparse.Namespace, rows: Iterator[Result]) -> list[str] | None:
    """Write ``rows`` in ``args.format`` to ``args.output`` or stdout, as they come; returns
    the templates whose keys are the columns (csv, parquet). With no document at all, csv,
    csv-long and jsonl write nothing (an empty ``--output`` file), not even a CSV header;
    json writes an empty array. An ``--output`` file is replaced only once whole."""
    templates = list(TEMPLATES) if args.template in (None, "both") else [args.template]
    if args.format == "parquet":
        with replaced(args.output) as temporary:
            write_parquet(
                rows,
                temporary,
                templates,
                provenance=args.provenance,
                column_names=args.column_names,
            )
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
                column_names=args.column_names,
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
    previous_of: dict[int, Report] = {}
    if series:
        reports = every = list(reports)
        for group in body_series(every):
            _say_series(group)
            for report in group.reports:
                before = group.previous(report)
                if before is not None:
                    previous_of[id(report)] = before
    for report in reports:
        found = list(report.diagnostics)
        previous = previous_of.get(id(report))
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


def _say_series(group: Series) -> None:
    """Name on stderr the reports ``--series`` chained as one body's, by year."""
    named = ", ".join(f"{report.year} {escape(str(report.source))}" for report in group.reports)
    if group.body is None:
        print(
            f"--series: {named}: the organisation could not be read; a series of its own, "
            "compared with no other report",
            file=sys.stderr,
        )
        return
    years = [report.year for report in group.reports]
    shared = ""
    if len(set(years)) < len(years):
        shared = " (several share a year: each is compared with the last given before it)"
    print(f"--series: {escape(group.body)}: {named}{shared}", file=sys.stderr)


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
