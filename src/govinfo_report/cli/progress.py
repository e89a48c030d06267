"""What a long command-line run tells its user on stderr: each failure and each skipped file
with its name, a progress line while the output is a terminal, and a summary at the end."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO

from ..corpus.stream import Result
from ..escape import escape
from ..model import Report
from ..read.documents import Skipped
from ..read.formats import kind_of

#: Seconds between two updates of the progress line.
INTERVAL = 0.25
_CLEAR = "\r\x1b[K"  # back to the start of the line, erase it


class Tally:
    """Counts the results passing through ``results`` (and the files passed to ``skip``),
    names each failure and skipped file on ``stream``, redraws a progress line there (only
    when ``stream`` is a terminal and ``progress``, at most every ``INTERVAL`` seconds) and
    sums up in ``summary``, what was written included (``wrote``, ``unwritten``).

    ``read`` counts the reports by how fully they were read (``Completeness.status``:
    ``complete``, ``partial``, ``empty``); ``skipped``, the files passed over by reason;
    ``handed``, the rows handed on by ``rows``."""

    def __init__(
        self,
        stream: TextIO,
        clock: Callable[[], float] = time.monotonic,
        progress: bool = True,
        ocr: bool = False,
    ) -> None:
        self.stream = stream
        self.ocr = ocr  # PDFs may be scans read by OCR: the line names the one being read
        self.current: str | None = None
        self.live = progress and stream.isatty()
        self.clock = clock
        self.start = clock()
        self.shown = self.start - INTERVAL
        self.documents = 0
        self.failures: Counter[str] = Counter()
        self.diagnostics: Counter[str] = Counter()
        self.templates: Counter[str] = Counter()
        self.read: Counter[str] = Counter()
        self.skipped: Counter[str] = Counter()
        self.handed = 0
        self.output: str | None = None
        #: With corrections: the reports they were applied to, and their corrected cells.
        self.corrected: Counter[str] = Counter()

    def results(self, results: Iterable[Result]) -> Iterator[Result]:
        """``results``, each counted, each failure named."""
        for result in results:
            self.documents += 1
            report = result.report
            if report is None:
                assert result.error is not None
                self.failures[result.error.code] += 1
                self._say(f"{escape(result.name)}: {result.error}")
            else:
                self.templates[report.template] += 1
                self.read[report.completeness().status] += 1
                self.diagnostics.update(d.code for d in report.diagnostics)
                if report.reviewed:
                    cells = report.completeness().corrected
                    self.corrected.update(reports=1, corrected=bool(cells), cells=cells)
            yield result
            self._show()

    def started(self, index: int, name: str) -> None:
        """Note that a worker started reading the document ``name``: with OCR, a PDF takes
        seconds, and the progress line names it meanwhile."""
        if self.ocr and kind_of(name) == "pdf":
            self.current = name
            self._show(force=True)
        else:
            self.current = None

    def _show(self, force: bool = False) -> None:
        now = self.clock()
        if self.live and (force or now - self.shown >= INTERVAL):
            self.shown = now
            line = self._counts(now)
            if self.current is not None:
                line += f"; reading {escape(self.current)} (OCR if scanned)"
            self.stream.write(f"{_CLEAR}{line}")
            self.stream.flush()

    def reports(self, results: Iterable[Result]) -> Iterator[Report]:
        """The reports of ``results``, counting every result and naming each failure."""
        for result in self.results(results):
            if result.report is not None:
                yield result.report

    def rows(self, results: Iterable[Result], skip_failed: bool = False) -> Iterator[Result]:
        """``results`` as an output's rows: each counted (``results``), and in ``handed``
        when handed on; those that failed left out with ``skip_failed``."""
        for result in self.results(results):
            if not (skip_failed and result.error is not None):
                self.handed += 1
                yield result

    def wrote(self, where: str) -> None:
        """The rows handed on were written to ``where``."""
        self.output = f"{self._documents(self.handed)} to {where}"

    def unwritten(self, where: str, replaced: bool, error: str) -> None:
        """Writing to ``where`` failed with ``error``: a file written whole or not at all
        (``replaced``) holds nothing; a stream, at most the rows handed on before."""
        done = "nothing" if replaced else f"at most {self._documents(max(self.handed - 1, 0))}"
        self.output = f"{done} to {where}, which failed: {error}"

    def skip(self, skipped: Skipped) -> None:
        """Name a file or member that was passed over, and count it."""
        self.skipped[skipped.reason] += 1
        self._say(str(skipped))

    def _say(self, line: str) -> None:
        self.stream.write(f"{_CLEAR if self.live else ''}{line}\n")

    @staticmethod
    def _documents(count: int) -> str:
        return f"{count:,} document{'' if count == 1 else 's'}"

    def _counts(self, now: float) -> str:
        elapsed = now - self.start
        rate = self.documents / elapsed if elapsed > 0 else 0.0
        return (
            f"{self._documents(self.documents)}, "
            f"{sum(self.failures.values()):,} failed, {elapsed:.1f} s, "
            f"{rate:,.1f} documents/s"
        )

    def summary(self) -> str:
        """The counts; how fully the reports were read; failures and diagnostics by code
        (most frequent first), the reports by template, the skipped files by reason, and
        what was written where (when said)."""
        lines = [self._counts(self.clock()), self._completeness()]
        for title, counts in (
            ("failures", self.failures),
            ("diagnostics", self.diagnostics),
            ("templates", self.templates),
            ("skipped", self.skipped),
        ):
            if counts:
                shown = ", ".join(
                    f"{code} {count:,}"
                    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
                )
                lines.append(f"{title}: {shown}")
        if self.corrected:
            lines.append(
                f"corrections: {self.corrected['cells']:,} cell(s) corrected in "
                f"{self.corrected['corrected']:,} of {self.corrected['reports']:,} report(s)"
            )
        if self.output is not None:
            lines.append(f"written: {self.output}")
        return "\n".join(lines)

    def _completeness(self) -> str:
        """How many reports were read fully, partly, and not at all (failed, or read with no
        cell)."""
        empty = self.read["empty"]
        none = sum(self.failures.values()) + empty
        return (
            f"reports: {self.read['complete']:,} read fully, {self.read['partial']:,} partly "
            f"(cells missing), {none:,} not at all"
            + (f" ({empty:,} with no cell read)" if empty else "")
        )

    def close(self) -> None:
        """Erase the progress line and write the summary."""
        self.stream.write(f"{_CLEAR if self.live else ''}{self.summary()}\n")
        self.stream.flush()
