"""Where a scanned report's CPU goes, page by page, and how much of it a page could do
alone, before the pages ahead of it are read (issue 46 item 1: a long scan's pages read by
more than one worker).

The two real PDFs of ``tests/fixtures/realworld/raw`` are scanned clean (``scans.py``) and
each read with ``gr.parse(path, ocr=True)`` in this process, the model loaded first, with
the steps of ``read/formats/scanned.py`` timed in CPU (``time.process_time``; a step's time
less the steps it calls). Each step is one of:

- **alone**: a function of the page's image only (rendering, straightening, ruling lines,
  the cells' ink and first reads, detection of the prose, the starts of its lines and the
  headings read whole);
- **guessed**: a function of the page alone in practice, which a reading of the page alone
  would have to check after (the second reads of the cells: made for the tables that
  ``pdf.page_text`` draws with the prose's characters too, which keep outside them);
- **in order**: what needs the pages before (a line of prose read whole because the
  section it is in is read whole: ``scanned.Prose``; on page 1 that is known, a report
  starts so), and the report's assembly and parse.

    .venv/bin/python benchmarks/scan_parts.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import govinfo_report as gr
from govinfo_report.fold import fold
from govinfo_report.read.formats import ocr, pdf, raster
from govinfo_report.read.formats import scanned as reader

from scans import scanned

REAL = Path(__file__).parent.parent / "tests" / "fixtures" / "realworld" / "raw"
NAMES = ("ot-jiangsu-huaian-city-2024", "ot-jiangsu-huaian-hongze-2023")

#: Each step timed, its name and kind.
STEPS = {
    "render": "alone",
    "prepare": "alone",
    "tables": "alone",
    "cell_chars": "alone",
    "region_chars": "alone",
    "prose_chars": "alone",
    "boxes": "alone",
    "line starts": "alone",
    "headings whole": "alone",
    "page 1 lines whole": "alone",
    "second_reads": "guessed",
    "lines whole": "in order",
    "page_text": "in order",
    "the rest": "in order",
}


class Clock:
    """CPU seconds a step, a page, each step's own (less the steps it calls)."""

    def __init__(self) -> None:
        self.seconds: dict[tuple[int, str], float] = defaultdict(float)
        self.page = 0
        self.steps: list[str] = []
        self.start = 0.0  # of a line's read: ``line_start``'s width (``None``: whole)
        self.head = False
        self.prose: reader.Prose | None = None

    def timed(self, step: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            began = time.process_time()
            self.steps.append(step)
            try:
                return function(*args, **kwargs)
            finally:
                self.steps.pop()
                spent = time.process_time() - began
                self.charge(step, spent)

        return run

    def charge(self, step: str, spent: float) -> None:
        self.seconds[(self.page, step)] += spent
        if self.steps:
            self.seconds[(self.page, self.steps[-1])] -= spent


def instrument(clock: Clock) -> None:
    """Time ``scanned``'s steps and sort its reads of lines of prose by why they are made."""
    page = reader.Scans.page

    def scans_page(self: reader.Scans, read: Any) -> None:
        clock.page = read.number
        clock.prose = self.prose
        page(self, read)

    reader.Scans.page = scans_page  # type: ignore[method-assign]
    for name in ("render", "prepare", "tables", "cell_chars", "region_chars", "prose_chars"):
        setattr(reader, name, clock.timed(name, getattr(reader, name)))
    for name in ("second_reads",):
        setattr(reader, name, clock.timed(name, getattr(reader, name)))
    pdf.page_text = clock.timed("page_text", pdf.page_text)  # type: ignore[assignment]
    ocr.Engine.boxes = clock.timed("boxes", ocr.Engine.boxes)  # type: ignore[method-assign]
    line_start = raster.line_start

    def tagged(image: Any, box: Any, width: float | None) -> Any:
        clock.head = width is not None
        return line_start(image, box, width)

    raster.line_start = tagged  # type: ignore[assignment]
    lines = ocr.Engine.lines

    def read_lines(self: ocr.Engine, images: Any) -> list[str]:
        if not clock.steps or clock.steps[-1] != "prose_chars":
            return lines(self, images)
        began = time.process_time()
        texts = lines(self, images)
        spent = time.process_time() - began
        whole = clock.prose is not None and clock.prose.whole
        if clock.head:
            step = "line starts"
        elif not whole or reader._HEAD.match(fold(texts[0])):
            step = "headings whole"
        else:
            step = "page 1 lines whole" if clock.page == 1 else "lines whole"
        clock.seconds[(clock.page, step)] += spent
        clock.seconds[(clock.page, "prose_chars")] -= spent
        return texts

    ocr.Engine.lines = read_lines  # type: ignore[method-assign]


def measure(path: Path, clock: Clock) -> float:
    """The CPU seconds of the parse of ``path`` (its steps in ``clock``)."""
    clock.seconds.clear()
    began = time.process_time()
    gr.parse(path, ocr=True)
    total = time.process_time() - began
    clock.page = 0
    clock.seconds[(0, "the rest")] += total - sum(clock.seconds.values())
    return total


def table(name: str, total: float, clock: Clock) -> list[str]:
    pages = sorted({page for page, _ in clock.seconds if page})
    head = ["step", "kind", *(f"p{n}" for n in pages), "sum", "share"]
    rows = [f"| {' | '.join(head)} |", "|---|---|" + "---:|" * (len(pages) + 2)]
    kinds: dict[str, float] = defaultdict(float)
    for step, kind in STEPS.items():
        values = [clock.seconds.get((n, step), 0.0) for n in pages]
        spent = sum(values) + clock.seconds.get((0, step), 0.0)
        kinds[kind] += spent
        cells = [f"{v:.2f}" for v in values]
        rows.append(
            f"| {step} | {kind} | {' | '.join(cells)} | {spent:.2f} | {spent / total:.0%} |"
        )
    summary = ", ".join(
        f"{kind} {spent:.2f} s ({spent / total:.0%})" for kind, spent in kinds.items()
    )
    return [f"**{name}** (scanned clean, {total:.2f} CPU s): {summary}", "", *rows, ""]


def main() -> int:
    ocr.engine()
    clock = Clock()
    instrument(clock)
    out: list[str] = []
    with tempfile.TemporaryDirectory() as temporary:
        for name in NAMES:
            path = Path(temporary) / f"{name}.pdf"
            path.write_bytes(scanned((REAL / f"{name}.pdf").read_bytes()))
            out.extend(table(name, measure(path, clock), clock))
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
