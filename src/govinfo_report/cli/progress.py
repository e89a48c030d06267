"""What a long command-line run tells its user on stderr: each failure and each skipped file
with its name, a progress line while the output is a terminal, and a summary at the end."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO, TypeVar

from ..errors import NOT_REPORTS
from ..escape import escape
from ..model import Report
from ..read.documents import SKIPPED, Skipped
from ..read.formats import kind_of
from ..result import Result

T = TypeVar("T")
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
        self.listed = 0  # documents listed so far
        self.total: int | None = None  # documents listed, once the listing is done
        self.earlier = 0  # documents an interrupted run had done (--resume)
        self.stop: str | None = None
        #: With corrections: the reports they were applied to, and their corrected cells.
        self.corrected: Counter[str] = Counter()

    def results(self, results: Iterable[Result]) -> Iterator[Result]:
        """``results``, each counted, each failure named."""
        for result in results:
            self.documents += 1
            report = result.report
            if report is None:
                assert result.error is not None
                if result.error.code != SKIPPED:  # named and counted by ``skip`` already
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

    def resumed(self, record: dict[str, Any]) -> None:
        """Count a document an interrupted run had done, by its record
        (``export.record``), without naming it again."""
        self.documents += 1
        self.earlier += 1
        error = record.get("error")
        if isinstance(error, dict):
            if error.get("code") != SKIPPED:  # a skipped file is counted as it is listed
                self.failures[str(error.get("code"))] += 1
            return
        self.templates[str(record.get("template"))] += 1
        self.read[str(record.get("status"))] += 1
        self.diagnostics.update(str(d.get("code")) for d in record.get("diagnostics") or ())

    def expect(self, total: int) -> None:
        """The listing will give ``total`` documents (counted ahead): the progress line
        shows it, and the time left."""
        self.total = total

    def listing(self, documents: Iterable[T]) -> Iterator[T]:
        """``documents``, counted as they are listed; their ``total`` once all are."""
        for document in documents:
            self.listed += 1
            yield document
        self.total = self.listed

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
            line = self._counts(now, progress=True)
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
        return self.kept(self.results(results), skip_failed)

    def kept(self, results: Iterable[Result], skip_failed: bool = False) -> Iterator[Result]:
        """``results`` counted in ``handed`` as they are handed on, but for those that
        failed with ``skip_failed``."""
        for result in results:
            if not (skip_failed and result.error is not None):
                self.handed += 1
                yield result

    def interrupted(self, signal: str, kept: object | None) -> None:
        """The run was stopped by ``signal``; what it did is kept in ``kept`` (a path)."""
        of = f" of {self.total:,}" if self.total is not None else f" ({self.listed:,} listed)"
        self.stop = f"interrupted by {signal} after {self._documents(self.documents)}{of}"
        if kept is not None:
            self.kept_in(kept)

    def kept_in(self, kept: object) -> None:
        """The documents finished are kept in ``kept`` (a path), for ``--resume``."""
        self.stop = f"{self.stop + '; ' if self.stop else ''}finished documents kept in "
        self.stop += f"{escape(str(kept))}: go on with --resume"

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

    def _counts(self, now: float, progress: bool = False) -> str:
        """The counts so far; on the progress line (``progress``), once the total is known,
        ``N of M documents`` and the time left at the rate of the documents parsed here."""
        elapsed = now - self.start
        rate = self.documents / elapsed if elapsed > 0 else 0.0
        done = self._documents(self.documents)
        left = ""
        if progress and self.total is not None:
            done = f"{self.documents:,} of {self._documents(self.total)}"
            parsed = self.documents - self.earlier
            if parsed and elapsed > 0:
                seconds = (self.total - self.documents) * elapsed / parsed
                left = f", about {_duration(seconds)} left"
        return (
            f"{done}, {sum(self.failures.values()):,} failed, {elapsed:.1f} s, "
            f"{rate:,.1f} documents/s{left}"
        )

    def summary(self) -> str:
        """The counts; how fully the reports were read; failures and diagnostics by code
        (most frequent first), the reports by template, the skipped files by reason, and
        what was written where (when said)."""
        lines = [self._counts(self.clock()), self._completeness()]
        if self.earlier:
            lines.append(f"resumed: {self._documents(self.earlier)} done by an earlier run")
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
        if self.stop is not None:
            lines.append(self.stop)
        return "\n".join(lines)

    def _completeness(self) -> str:
        """How many reports were read fully, partly, and not at all (read with no cell);
        how many documents are no report (``NOT_REPORTS``) and how many failed to be read
        (unreadable, too large, timed out, …)."""
        counts = [
            f"{self.read['complete']:,} read fully",
            f"{self.read['partial']:,} partly (cells missing)",
        ]
        if self.read["empty"]:
            counts.append(f"{self.read['empty']:,} with no cell read")
        not_reports = sum(self.failures[code] for code in NOT_REPORTS)
        failed = sum(self.failures.values()) - not_reports
        return (
            f"reports: {', '.join(counts)}; {not_reports:,} not a report; "
            f"{failed:,} failed to be read"
        )

    def close(self) -> None:
        """Erase the progress line and write the summary."""
        self.stream.write(f"{_CLEAR if self.live else ''}{self.summary()}\n")
        self.stream.flush()


def _duration(seconds: float) -> str:
    """``seconds`` as a person reads a time left: ``40 s``, ``12 min``, ``3.5 h``."""
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 90 * 60:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"
