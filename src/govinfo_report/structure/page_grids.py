"""markitdown's PDF text read as the page's lines of words: its page grids' pipes let go.

markitdown's PDF converter lays a grid of pipes over a page's words wherever pdfplumber
finds lines that look like a table's: one grid for the page, each column padded to its
widest text, its rule's dashes between single spaces (``| 0   | ----- |``; markitdown pads
no cell of an HTML table, and pandoc writes ``|---|``), and a number sharing a cell with
the word before it (``| 规章 0 |``). Its columns are not the table's: two columns' values
share a cell (``| 0 0 |``), a value stands in its neighbour's column, a blank cell is
padding, not a printed blank. And where a page's lines do not all align it cuts the table
into small grids, a row of values each (``| 5 | 1 | 0 0 | 0 0 | 6 |``), with the lines of
the row labels between them as plain text (``一、本年新收政府`` above the row, ``信息公开申
请数量`` below): neither a grid nor plain text, no layout read such a table.

So where a text shows that trace and cuts its tables so (most rows of values a grid of
their own), every line of its grids is read as the words it prints:
its cells' texts one space apart, its rules empty lines (``Ungridded``), and the tables are
read as the text of a PDF page whose columns are not shown (plain pdfplumber's). No
position of a word on these lines is a column's (each small grid pads to its own widths).
A word keeps its place in the text as given: the report is placed back on it
(``Ungridded.relocate``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import attrs

from ..diagnostics import Diagnostic
from ..model import Report

#: A rule line under a grid's first row (``| --- | --- |``), with or without outer pipes.
RULE = re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$")
#: A rule cell between single spaces, and a cell's text after one space padded right to its
#: column's width or a number sharing a cell with a word before it (``| 0 0 |``,
#: ``| 规章 0 |``): the rule with either is markitdown's PDF converter (``page_grid``).
_SPACED_RULE = re.compile(r"\| -{3,} \|")
_PADDED_CELL = re.compile(r"\| [^\s|](?:[^|]*[^\s|])? {2,}\|")
_NUMBER_SHARING = re.compile(r"\| [^\s|][^|]* [-+]?\d[\d.]* \|")
#: A digit: a grid's row of values holds one.
_DIGIT = re.compile(r"\d")
#: A position a diagnostic's message names.
_NAMED_POSITION = re.compile(r"\bline (\d+), column (\d+)")


def page_grid(lines: Sequence[str]) -> bool:
    """Whether ``lines`` hold a grid markitdown's PDF converter laid over a page's words: a
    rule whose cells stand between single spaces and a cell padded to its column's width,
    or a number sharing a cell with the word before it (a grid of one row may show no
    padding)."""
    ruled = any(RULE.match(line) and _SPACED_RULE.search(line) for line in lines)
    return ruled and any(
        _PADDED_CELL.search(line) or _NUMBER_SHARING.search(line) for line in lines
    )


@attrs.frozen
class Ungridded:
    """A text's lines with its page grids' lines read as their words.

    Attributes:
        lines: the lines, as many as given: a grid's row its cells' texts one space apart,
            its rule empty, any other line as given.
        columns: for each line changed (0-based), the column in the line as given (0-based)
            of each of its characters, and of its end.
    """

    lines: tuple[str, ...]
    columns: Mapping[int, tuple[int, ...]]

    def column(self, line: int, column: int | None) -> int | None:
        """The 1-based column in the text as given of a position on ``lines``."""
        placed = self.columns.get(line - 1)
        if placed is None or column is None:
            return column
        return placed[min(column, len(placed)) - 1] + 1

    def relocate(self, report: Report) -> Report:
        """``report`` with every position in the text as given."""
        proactive, applications, appeals = (
            attrs.evolve(table, positions=tuple(map(self._cell, table.positions)))
            for table in report.tables
        )
        return attrs.evolve(
            report,
            proactive=proactive,
            applications=applications,
            appeals=appeals,
            diagnostics=tuple(map(self._moved, report.diagnostics)),
        )

    def _cell(self, at: tuple[int, int] | None) -> tuple[int, int] | None:
        if at is None:
            return None
        column = self.column(*at)
        assert column is not None
        return at[0], column

    def _moved(self, found: Diagnostic) -> Diagnostic:
        """``found`` at its column in the text as given, and so every position its message
        names (``at line 12, column 26``)."""
        message = _NAMED_POSITION.sub(
            lambda named: f"line {named[1]}, column {self.column(int(named[1]), int(named[2]))}",
            found.message,
        )
        if found.line is None:
            return attrs.evolve(found, message=message)
        return attrs.evolve(found, column=self.column(found.line, found.column), message=message)


def ungrid(lines: Sequence[str]) -> Ungridded | None:
    """``lines`` with the lines of their page grids read as their words (``Ungridded``), or
    ``None`` where they hold no page grid (``page_grid``) or no grid cut small: most of its
    rows of values a grid of their own, its rule right under them (a grid whose rows follow
    one another, its labels between them, is read as a grid: ``layouts.markdown``).
    Linear in the text."""
    if "|" not in "".join(lines) or not page_grid(lines):
        return None
    valued = [
        at
        for at, line in enumerate(lines)
        if line.lstrip().startswith("|") and _DIGIT.search(line) and not RULE.match(line)
    ]
    alone = sum(1 for at in valued if at + 1 < len(lines) and RULE.match(lines[at + 1]))
    if alone * 2 <= len(valued):
        return None
    written = list(lines)
    columns: dict[int, tuple[int, ...]] = {}
    for at, line in enumerate(lines):
        if RULE.match(line):
            written[at], columns[at] = "", (len(line),)
        elif line.lstrip().startswith("|"):
            written[at], columns[at] = _words(line)
    return Ungridded(tuple(written), columns)


def _words(line: str) -> tuple[str, tuple[int, ...]]:
    """A grid's row as its cells' texts one space apart, with the column as given of each of
    its characters and of its end."""
    texts: list[str] = []
    placed: list[int] = []
    start = 0
    for cell in line.split("|"):
        text = cell.strip()
        if text:
            if texts:
                placed.append(start + cell.index(text) - 1)  # the space before: its pipe's
            texts.append(text)
            first = start + cell.index(text)
            placed.extend(range(first, first + len(text)))
        start += len(cell) + 1
    return " ".join(texts), (*placed, len(line))
