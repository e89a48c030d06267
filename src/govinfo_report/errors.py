"""The library's exceptions: one root, subclasses that callers can catch by meaning."""

from __future__ import annotations


class GovinfoReportError(Exception):
    """Root of every exception raised by govinfo_report."""


class ParseError(GovinfoReportError, ValueError):
    """The input is not a report that can be read (empty, binary, undecodable, not a report),
    or, with ``strict=True``, the report has diagnostics of severity ``error``.

    ``line`` and ``column`` (1-based) locate the problem; ``code`` is a stable diagnostic code.
    """

    def __init__(self, message: str, *, code: str, line: int = 1, column: int = 1) -> None:
        self.message = message
        self.code = code
        self.line = line
        self.column = column
        super().__init__(f"{message} ({code}, line {line}, column {column})")


class LegacyReportError(ParseError):
    """The report predates the 2019 template (a free-form report under the 2008
    regulations, e.g. with ``一、概述``): its tables fit no catalogue, so none is guessed.

    ``year`` is the reporting year when the title gives one.
    """

    def __init__(self, message: str, *, year: int | None, line: int = 1) -> None:
        self.year = year
        super().__init__(message, code="legacy-report", line=line)


class UnknownLayoutError(GovinfoReportError, LookupError):
    """A layout name was asked for that no registered layout answers to."""
