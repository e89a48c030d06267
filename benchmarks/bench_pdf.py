"""PDF files against the text path (issue 19), for ``bench.py`` or alone.

speed    each PDF fixture (the converter fixtures' ``report.pdf`` and the real PDFs of
         ``tests/fixtures/realworld/raw``): ms a page of ``formats.extract`` (the PDF read to
         text), of ``gr.parse`` on the file's bytes (end to end) and of ``gr.parse`` on the
         extracted text (the text path, the same report), best of ``rounds`` after a warm-up.
instructions  one round of the PDF fixtures under valgrind's callgrind (as
         ``bench_instructions.py`` counts texts): ``gr.parse`` of each and pypdfium2's bare text
         of each, each call counted apart after a warm-up; figures that do not move with the
         load, for issue 46's 2x.
long     a PDF of ``SHORT`` pages and one of ``LONG`` pages, made by appending the fixtures'
         pages in turn (pypdfium2's ``import_pages``), each read in a fresh process: seconds and
         ms a page of ``gr.extract_text`` and then of ``gr.parse``, and the peak RSS over the
         process's own after a warm-up read (``memory.peak_rss``).

Usage: python benchmarks/bench_pdf.py [--rounds 5] [--instructions]
"""

from __future__ import annotations

import argparse
import gc
import json
import operator
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

import govinfo_report as gr
from govinfo_report.read.formats import extract

from bench_instructions import MISSING, available, counted_calls
from memory import peak_rss

ROOT = Path(__file__).parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
PDFS = sorted(
    [
        *(FIXTURES / "converters").glob("*/report.pdf"),
        *(FIXTURES / "realworld" / "raw").glob("*.pdf"),
    ]
)
#: Pages of the short and the long generated PDF.
SHORT, LONG = 20, 200
#: The targets of issue 19.
TARGET_MS = 10.0  # ms a page, end to end
LINEAR_LIMIT = 1.5  # ms a page at LONG pages over that at SHORT
TARGET_MEMORY_MB = 50.0  # peak RSS over the warmed-up process's, reading LONG pages
#: Issue 46's: end to end at most this many times pypdfium2's bare text extraction.
TARGET_BARE = 2.0


class Speed(NamedTuple):
    """Best times a page of one PDF: read to text, parsed end to end, its text parsed, and
    pypdfium2's bare text extraction (each page's text, nothing else: the floor)."""

    name: str
    pages: int
    read_s: float
    parse_s: float
    text_s: float
    bare_s: float

    def cells(self) -> list[str]:
        per_page = [seconds / self.pages * 1000 for seconds in self.times()]
        return [
            self.name,
            f"{self.pages}",
            *(f"{ms:.2f}" for ms in per_page),
            f"{self.parse_s / self.text_s:.0f}x",
            f"{self.parse_s / self.bare_s:.1f}x",
        ]

    def times(self) -> tuple[float, float, float, float]:
        return (self.read_s, self.parse_s, self.text_s, self.bare_s)


def bare_text(data: bytes) -> int:
    """pypdfium2's bare text extraction of every page: what a reader that keeps no layout
    and checks nothing does. Returns the characters read."""
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return sum(len(page.get_textpage().get_text_range()) for page in document)
    finally:
        document.close()


def best(function: Callable[[], object], rounds: int) -> float:
    """The least CPU time of this process over ``rounds`` calls of ``function``."""
    times = []
    for _ in range(rounds):
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return min(times)


def pages_of(data: bytes) -> int:
    import pypdfium2

    return len(pypdfium2.PdfDocument(data))


def name_of(path: Path) -> str:
    return path.parent.name if path.name == "report.pdf" else path.name


def speeds(rounds: int) -> list[Speed]:
    """A row per PDF fixture and one for all of them."""
    rows = []
    gr.parse(PDFS[0].read_bytes(), format="pdf")  # warm up: the grammar and pdfium loaded
    for path in PDFS:
        data = path.read_bytes()
        text = extract(data, "pdf").encode()
        rows.append(
            Speed(
                name_of(path),
                pages_of(data),
                best(lambda: extract(data, "pdf"), rounds),  # noqa: B023
                best(lambda: gr.parse(data, format="pdf"), rounds),  # noqa: B023
                best(lambda: gr.parse(text), rounds),  # noqa: B023
                best(lambda: bare_text(data), rounds),  # noqa: B023
            )
        )
        print(f"  {rows[-1].name}: {rows[-1].cells()[3]} ms a page end to end", flush=True)
    rows.append(
        Speed(
            "all",
            sum(row.pages for row in rows),
            *(sum(row.times()[index] for row in rows) for index in range(4)),
        )
    )
    return rows


class Instructions(NamedTuple):
    """One round of the PDFs in instructions: end to end and pypdfium2's bare text."""

    parse: int
    bare: int

    def ratio(self) -> float:
        return self.parse / self.bare


def instructions() -> Instructions | None:
    """One round of the PDFs under callgrind (``counted``); ``None`` without valgrind."""
    if not available():
        print(MISSING, flush=True)
        return None
    counts = counted_calls(Path(__file__), "--counted")
    if len(counts) != 2 * len(PDFS):
        raise SystemExit(f"callgrind wrote {len(counts)} counts for {2 * len(PDFS)} calls")
    return Instructions(sum(counts[0::2]), sum(counts[1::2]))


def counted() -> None:
    """Run under callgrind: each PDF parsed and read bare once uncounted, what that made
    frozen, then each again through ``operator.call`` (counted, a dump a call)."""
    datas = [path.read_bytes() for path in PDFS]
    for data in datas:
        gr.parse(data, format="pdf")
        bare_text(data)
    gc.freeze()
    for data in datas:
        operator.call(gr.parse, data, format="pdf")
        operator.call(bare_text, data)


def long_pdf(pages: int, path: Path) -> Path:
    """A PDF of ``pages`` pages: the fixtures' pages one after another, again and again.
    Each fixture's pages are copied in one go, so that its copies share their fonts and
    images as the pages of one long document do."""
    import pypdfium2

    sources = [pypdfium2.PdfDocument(pdf) for pdf in PDFS]
    order = [(number, page) for number, source in enumerate(sources) for page in range(len(source))]
    taken = [order[index % len(order)] for index in range(pages)]
    made = pypdfium2.PdfDocument.new()
    for number, source in enumerate(sources):
        chosen = [page for which, page in taken if which == number]
        if chosen:  # (an empty list would import every page)
            made.import_pages(source, chosen)
    made.save(path)
    return path


def child(path: Path) -> dict[str, float]:
    """In a fresh process: read the PDF at ``path`` to text, then parse it; seconds and
    peak RSS (MB) over the process's own after a warm-up read of a fixture."""
    gr.parse(PDFS[0])
    baseline = peak_rss()
    start = time.process_time()
    gr.extract_text(path)
    extracted = time.process_time()
    read_peak = peak_rss()
    gr.parse(path)
    return {
        "pages": pages_of(path.read_bytes()),
        "megabytes": path.stat().st_size / 1e6,
        "extract_s": extracted - start,
        "parse_s": time.process_time() - extracted,
        "extract_mb": read_peak - baseline,
        "parse_mb": peak_rss() - baseline,
    }


def long_runs(sizes: tuple[int, int] = (SHORT, LONG)) -> list[dict[str, float]]:
    """``child`` for a short and a long PDF (``sizes`` pages), each in a fresh process."""
    runs = []
    with tempfile.TemporaryDirectory() as folder:
        for pages in sizes:
            path = long_pdf(pages, Path(folder) / f"{pages}.pdf")
            done = subprocess.run(
                [sys.executable, __file__, "--child", str(path)],
                check=True,
                capture_output=True,
                text=True,
            )
            runs.append(json.loads(done.stdout.splitlines()[-1]))
            print(
                f"  {pages} pages: {runs[-1]['parse_s']:.2f} s parse, "
                f"+{runs[-1]['parse_mb']:.1f} MB",
                flush=True,
            )
    return runs


def table(header: Sequence[str], rows: Sequence[Sequence[str]], labels: int = 1) -> list[str]:
    align = ["---"] * labels + ["---:"] * (len(header) - labels)
    return [f"| {' | '.join(row)} |" for row in (header, align, *rows)]


def results(
    rows: Sequence[Speed],
    runs: Sequence[dict[str, float]],
    counts: Instructions | None,
    rounds: int,
) -> list[str]:
    """The two tables as markdown, and the instructions of a round."""
    title = "One round of the PDF fixtures in instructions (callgrind, after a warm-up, millions)"
    counted = (
        f"{title}: not measured, {MISSING}."
        if counts is None
        else f"{title}: end to end {counts.parse / 1e6:,.0f}, pypdfium2's bare text "
        f"{counts.bare / 1e6:,.0f}: {counts.ratio():.2f}x bare."
    )
    return [
        f"**PDF against text** (each PDF fixture; CPU ms a page, best of {rounds} rounds: the "
        "PDF read to text, parsed end to end, its extracted text parsed, and pypdfium2's bare "
        "text extraction; the last columns are end to end over text and over the bare "
        "extraction):",
        "",
        *table(
            [
                "PDF",
                "pages",
                "read ms/page",
                "end to end ms/page",
                "text ms/page",
                "bare ms/page",
                "PDF/text",
                "x bare",
            ],
            [row.cells() for row in rows],
        ),
        "",
        f"**Long PDFs** (the fixtures' pages appended up to {runs[0]['pages']:.0f} and "
        f"{runs[-1]['pages']:.0f} pages, each "
        "read to text and then parsed end to end in a fresh process; CPU seconds; peak RSS over "
        "the process's after a warm-up read):",
        "",
        *table(
            [
                "pages",
                "MB",
                "read s",
                "read ms/page",
                "end to end s",
                "end to end ms/page",
                "read peak +MB",
                "parse peak +MB",
            ],
            [
                [
                    f"{run['pages']:.0f}",
                    f"{run['megabytes']:.1f}",
                    f"{run['extract_s']:.2f}",
                    f"{run['extract_s'] / run['pages'] * 1000:.2f}",
                    f"{run['parse_s']:.2f}",
                    f"{run['parse_s'] / run['pages'] * 1000:.2f}",
                    f"{run['extract_mb']:.1f}",
                    f"{run['parse_mb']:.1f}",
                ]
                for run in runs
            ],
            labels=0,
        ),
        "",
        counted,
    ]


def per_page(run: dict[str, float]) -> float:
    return run["parse_s"] / run["pages"]


def targets(
    rows: Sequence[Speed], runs: Sequence[dict[str, float]], counts: Instructions | None
) -> list[list[str]]:
    """Each target of issues 19 and 46: what it asks, what was measured, PASS or FAIL."""
    everything = rows[-1]
    ms = everything.parse_s / everything.pages * 1000
    bare = everything.parse_s / everything.bare_s
    short, long = runs
    linear = per_page(long) / per_page(short)
    pages = f"{long['pages']:,.0f}"
    return [
        [
            f"PDF at most {TARGET_MS:.0f} ms a page end to end",
            f"{ms:.2f} ms",
            "PASS" if ms <= TARGET_MS else "FAIL",
        ],
        [
            f"PDF end to end at most {TARGET_BARE:g}x pypdfium2's bare text extraction",
            f"{bare:.2f}x",
            "PASS" if bare <= TARGET_BARE else "FAIL",
        ],
        [
            f"PDF end to end at most {TARGET_BARE:g}x the bare text in instructions",
            "not measured (no valgrind)" if counts is None else f"{counts.ratio():.2f}x",
            "NOT RUN" if counts is None else ("PASS" if counts.ratio() <= TARGET_BARE else "FAIL"),
        ],
        [
            f"PDF linear: ms a page at {pages} pages at most {LINEAR_LIMIT}x that at "
            f"{short['pages']:.0f}",
            f"{linear:.2f}x",
            "PASS" if linear <= LINEAR_LIMIT else "FAIL",
        ],
        [
            f"PDF of {pages} pages read within {TARGET_MEMORY_MB:.0f} MB of peak memory",
            f"+{long['parse_mb']:.1f} MB",
            "PASS" if long["parse_mb"] <= TARGET_MEMORY_MB else "FAIL",
        ],
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--counted", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child)))
        return 0
    if args.counted:
        counted()
        return 0
    rows, runs, counts = speeds(args.rounds), long_runs(), instructions()
    print(
        "\n".join(
            [
                *results(rows, runs, counts, args.rounds),
                "",
                *table(["target", "measured", "verdict"], targets(rows, runs, counts)),
            ]
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
