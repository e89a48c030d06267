"""What a long command-line run tells its user on stderr: each failure with its document's
name, a progress line while the output is a terminal, and a summary at the end."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO

from .escape import escape
from .model import Report
from .stream import Result

#: Seconds between two updates of the progress line.
INTERVAL = 0.25
_CLEAR = "\r\x1b[K"  # back to the start of the line, erase it


class Tally:
    """Counts the results passing through ``reports``, names each failure on ``stream``,
    redraws a progress line there (only when ``stream`` is a terminal, at most every
    ``INTERVAL`` seconds) and sums up in ``summary``."""

    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.live = stream.isatty()
        self.clock = clock
        self.start = clock()
        self.shown = self.start - INTERVAL
        self.documents = 0
        self.failures: Counter[str] = Counter()
        self.diagnostics: Counter[str] = Counter()
        self.templates: Counter[str] = Counter()

    def reports(self, results: Iterable[Result]) -> Iterator[Report]:
        """The reports of ``results``, counting every result and naming each failure."""
        for result in results:
            self.documents += 1
            report = result.report
            if report is None:
                assert result.error is not None
                self.failures[result.error.code] += 1
                self._say(f"{escape(result.name)}: {result.error}")
            else:
                self.templates[report.template] += 1
                self.diagnostics.update(d.code for d in report.diagnostics)
                yield report
            now = self.clock()
            if self.live and now - self.shown >= INTERVAL:
                self.shown = now
                self.stream.write(f"{_CLEAR}{self._counts(now)}")
                self.stream.flush()

    def _say(self, line: str) -> None:
        self.stream.write(f"{_CLEAR if self.live else ''}{line}\n")

    def _counts(self, now: float) -> str:
        elapsed = now - self.start
        rate = self.documents / elapsed if elapsed > 0 else 0.0
        return (
            f"{self.documents:,} document{'' if self.documents == 1 else 's'}, "
            f"{sum(self.failures.values()):,} failed, {elapsed:.1f} s, "
            f"{rate:,.1f} documents/s"
        )

    def summary(self) -> str:
        """The counts, failures and diagnostics by code (most frequent first), and the
        reports by template."""
        lines = [self._counts(self.clock())]
        for title, counts in (
            ("failures", self.failures),
            ("diagnostics", self.diagnostics),
            ("templates", self.templates),
        ):
            if counts:
                shown = ", ".join(
                    f"{code} {count:,}"
                    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
                )
                lines.append(f"{title}: {shown}")
        return "\n".join(lines)

    def close(self) -> None:
        """Erase the progress line and write the summary."""
        self.stream.write(f"{_CLEAR if self.live else ''}{self.summary()}\n")
        self.stream.flush()
