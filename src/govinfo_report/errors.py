"""The library's exceptions: one root, subclasses that callers can catch by meaning."""

from __future__ import annotations

from typing import Any

from .escape import escape, width

#: code -> when ``ParseError`` is raised with it (besides any diagnostic code under
#: ``strict=True``); ``docs/diagnostics.md`` explains each.
ERROR_CODES: dict[str, str] = {
    "empty-input": "the input is empty or only white space",
    "not-text": "the input is binary, or neither UTF-8 nor GB18030 text",
    "not-a-report": "no title, section headings or tables were found",
    "path-as-text": "a str that names an existing file was given as a report's text: pass a "
    "pathlib.Path to read the file",
    "legacy-report": "a report from before the 2019 template",
    "several-reports": "the text holds several reports separated by '---' lines, as render "
    "writes them (split them with split_reports)",
    "unreadable": "a document cannot be read (a damaged DOCX or PDF, a Word 97-2003 or WPS "
    "document to convert to .docx; in a stream also a "
    "missing file, a bad archive member, a JSON line that is not a record with "
    "a text, a document whose format's extra is not installed)",
    "encrypted": "a PDF document is encrypted and needs a password to open",
    "no-text-layer": "a PDF document's pages are scans (images, next to no text): OCR it first",
    "private-use-text": "a PDF document's text is mostly private-use code points: its fonts "
    "map glyphs to no real characters",
    "too-large": "a document is larger than the size limit (max_bytes), or an archive member "
    "would inflate more than 1,000 times its compressed size (a zip bomb)",
    "too-complex": "a PDF document has a stream (a page's content) that inflates past 16 MiB "
    "or shows more than 20,000 pieces of text: no report's page does, and reading it "
    "would take gigabytes",
    "timeout": "a document of a stream, or a report parsed with a timeout, took longer than "
    "the time budget (timeout)",
    "worker-died": "the worker process parsing a document of a stream died (killed, out of "
    "memory, a crash in a C library)",
    "internal-error": "parsing a document of a stream raised an unexpected exception (a bug)",
    "not-canonical": "a text given to canonical.read is not a report as render writes it",
    "skipped": "a file or archive member the listing passed over (another kind, a .doc to "
    "convert, a link, junk, …), a row of its own in the outputs (status skipped); the message "
    "says why",
}
#: The codes of documents that are no report to read (the summary counts them apart from
#: the documents that failed to be read).
NOT_REPORTS = ("not-a-report", "empty-input", "not-text", "legacy-report", "path-as-text")

#: Characters of the offending line shown around the column.
_EXCERPT_CHARS = 60


class GovinfoReportError(Exception):
    """Root of every exception raised by govinfo_report."""


class ParseError(GovinfoReportError, ValueError):
    """The input is not a report that can be read (empty, binary, undecodable, not a report),
    or, with ``strict=True``, the report has diagnostics of severity ``error``.

    ``line`` and ``column`` (1-based, in characters) locate the problem; ``code`` is a key of
    ``ERROR_CODES`` or, under ``strict=True``, a diagnostic code; ``text`` is the offending
    line when there is one, shown under the message with a caret at the column.
    """

    def __init__(
        self, message: str, *, code: str, line: int = 1, column: int = 1, text: str | None = None
    ) -> None:
        self.message = escape(message)
        self.code = code
        self.line = line
        self.column = column
        self.text = text
        where = f"{self.message} ({code}, line {line}, column {column})"
        super().__init__(where if text is None else f"{where}\n{excerpt(text, column)}")

    def __reduce__(self) -> tuple[object, ...]:
        # Exceptions pickle their ``args``, which cannot rebuild these keyword-only ones; a
        # worker process sends its failures to the parent pickled.
        return _rebuild, (type(self), self.message, self._fields())

    def _fields(self) -> dict[str, object]:
        """The keyword arguments that rebuild this error with ``message``."""
        return {"code": self.code, "line": self.line, "column": self.column, "text": self.text}


class LegacyReportError(ParseError):
    """The report predates the 2019 template (a free-form report under the 2008
    regulations, e.g. with ``一、概述``): its tables fit no catalogue, so none is guessed.

    ``year`` is the reporting year when the title gives one.
    """

    def __init__(
        self, message: str, *, year: int | None, line: int = 1, text: str | None = None
    ) -> None:
        self.year = year
        super().__init__(message, code="legacy-report", line=line, text=text)

    def _fields(self) -> dict[str, object]:
        return {"year": self.year, "line": self.line, "text": self.text}


class InternalError(ParseError):
    """Parsing one document of a stream (``iter_parse``) raised an unexpected exception: a
    bug in govinfo_report, reported as that document's failure (code ``internal-error``) so
    that a long run goes on. ``traceback`` is the exception's formatted traceback: please
    report it."""

    def __init__(self, message: str, *, traceback: str) -> None:
        self.traceback = traceback
        super().__init__(message, code="internal-error")

    def _fields(self) -> dict[str, object]:
        return {"traceback": self.traceback}


class RecordError(GovinfoReportError, ValueError):
    """A JSON record that is not a report as ``govinfo-report parse --format json|jsonl``
    writes it (see ``records``)."""


class MissingDependencyError(GovinfoReportError, ImportError):
    """An optional dependency is not installed: DataFrames and Parquet need the ``export``
    extra (``pip install 'govinfo-report[export]'``: pandas and pyarrow), HTML pages the
    ``html`` extra (lxml), Word documents ``docx`` (python-docx), PDF files ``pdf``
    (pypdfium2). The message names the extra to install."""


class UnknownLayoutError(GovinfoReportError, LookupError):
    """A layout name was asked for that no registered layout answers to."""


def export_extra(module: str) -> Any:
    """Import ``module`` (pandas or pyarrow, of the ``export`` extra), or raise
    ``MissingDependencyError`` saying how to install it."""
    try:
        return __import__(module, fromlist=["_"])
    except ImportError:
        raise MissingDependencyError(
            f"{module.partition('.')[0]} is not installed: DataFrames and Parquet files need "
            "the export extra (pip install 'govinfo-report[export]')"
        ) from None


def _rebuild(cls: type[ParseError], message: str, fields: dict[str, Any]) -> ParseError:
    return cls(message, **fields)


def excerpt(text: str, column: int) -> str:
    """``text`` clipped around ``column`` and a caret under that column, both indented, for
    a terminal: tabs are shown as two spaces, control characters as their escapes
    (``\\u001b``, see ``escape``), and wide (CJK) characters count as two columns."""
    start = max(0, column - 1 - _EXCERPT_CHARS // 2)
    shown = text[start : start + _EXCERPT_CHARS]
    before = shown[: column - 1 - start]
    lead = "…" if start else ""
    tail = "…" if start + _EXCERPT_CHARS < len(text) else ""
    return (
        f"    {lead}{_display(shown)}{tail}\n    {' ' * (width(lead) + width(_display(before)))}^"
    )


def _display(text: str) -> str:
    return escape(text.replace("\t", "  "))


def byte_position(data: bytes, offset: int, encoding: str = "utf-8") -> tuple[int, int, str]:
    """Line, column and line text of byte ``offset`` in undecodable ``data``: the line is
    decoded as ``encoding`` with each bad byte shown as ``�``, and the column counts its
    characters."""
    start = data.rfind(b"\n", 0, offset) + 1
    end = data.find(b"\n", offset)
    line = data[start : end if end >= 0 else len(data)]
    return (
        data.count(b"\n", 0, offset) + 1,
        len(data[start:offset].decode(encoding, "replace")) + 1,
        line.decode(encoding, "replace").rstrip("\r"),
    )
