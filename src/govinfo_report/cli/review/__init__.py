"""``govinfo-report review FOLDER --store review.db``: the review app, and the exports of a
reviewed folder (``--export``, the signed-off dataset; ``--export-corrections``, the
verdicts as JSON Lines)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ...errors import ParseError
from ...escape import escape
from ...result import Result
from ...write import export
from ...write.atomic import replaced
from .corpus import Corpus
from .server import App, serve


def review_arguments(commands: Any) -> None:
    """Add the ``review`` subcommand to ``commands`` (argparse subparsers)."""
    review = commands.add_parser(
        "review",
        help="review a folder in a local web app; corrections go to a store",
        description="Serve a local web app (http://127.0.0.1 only, nothing fetched from "
        "outside) to review the reports of FOLDER: every document with its status, each "
        "one's form beside its source, and a keyboard queue of doubtful cells. Each verdict "
        "(a value, a printed blank, or the machine's value confirmed) is appended to the "
        "store at once. With --export or --export-corrections, write those and exit.",
    )
    review.add_argument("folder", type=Path, metavar="FOLDER")
    review.add_argument(
        "--store",
        type=Path,
        required=True,
        metavar="STORE",
        help="the corrections store, a SQLite file (created when absent), e.g. review.db",
    )
    review.add_argument(
        "--port", type=int, default=8765, help="the port on 127.0.0.1 (default 8765; 0: any)"
    )
    review.add_argument("--ocr", action="store_true", help="read scanned PDF pages by OCR")
    review.add_argument(
        "--export",
        type=Path,
        metavar="FILE",
        help="write the signed-off dataset: every document's record with the corrections "
        "applied (JSON Lines; .csv: a row per document), then exit",
    )
    review.add_argument(
        "--export-corrections",
        type=Path,
        metavar="FILE",
        help="write every verdict of the store as JSON Lines ('-': stdout), then exit",
    )
    review.set_defaults(run=_review_command)


def _review_command(args: argparse.Namespace) -> int:
    if not args.folder.exists():
        print(f"{escape(str(args.folder))}: no such folder or file", file=sys.stderr)
        return 2
    corpus = Corpus(args.folder, args.store, ocr=args.ocr)
    try:
        if args.export_corrections is not None:
            _export_corrections(corpus, args.export_corrections)
        if args.export is not None:
            _export(corpus, args.export)
        if args.export is not None or args.export_corrections is not None:
            return 0
        corpus.open()
        app = App(corpus)
        try:
            serve(
                app,
                args.port,
                lambda url: print(
                    f"reviewing {len(corpus.items):,} documents at {url} (Ctrl-C to stop)",
                    file=sys.stderr,
                    flush=True,
                ),
            )
        except KeyboardInterrupt:
            print("stopped; every verdict is in the store", file=sys.stderr)
        return 0
    finally:
        corpus.close()


def _said(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _export_corrections(corpus: Corpus, output: Path) -> None:
    if str(output) == "-":
        count = corpus.store.export_lines(sys.stdout)
    else:
        with replaced(output) as temporary, open(temporary, "w", encoding="utf-8") as out:
            count = corpus.store.export_lines(out)
    print(f"{count:,} verdict(s) written to {escape(str(output))}", file=sys.stderr)


def _export(corpus: Corpus, output: Path) -> None:
    corpus.open()
    items = [
        Result(item.index, item.name, error=ParseError(item.error or "unread", code="unreadable"))
        if report is None
        else report
        for item, report in corpus.reports()
    ]
    with replaced(output) as temporary, open(temporary, "w", encoding="utf-8", newline="") as out:
        if output.suffix.lower() == ".csv":
            export.write_csv(items, out, ["2019", "2021"], provenance=True, corrected=True)
        else:
            out.writelines(export.to_jsonl(items))
    corrected = sum(
        report.completeness().corrected for report in items if not isinstance(report, Result)
    )
    print(
        f"{len(items):,} document(s), {corrected:,} corrected cell(s) written to "
        f"{escape(str(output))}",
        file=sys.stderr,
    )
