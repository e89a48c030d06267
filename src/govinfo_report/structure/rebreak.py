"""Text whose line breaks were lost, broken again at the template's landmarks.

A web archive's page text puts a report's body on one line: the section headings inline
(``…电话:0591-23165385)。 一、总体情况 2022年…``), each table's rows run together
(``规章000行政规范性文件8855698第二十条第(五)项…``). When the text as given holds no
table, its lines are broken before each section heading and after its title, before each
``第二十条第(X)项`` header of section 二, and before each row label of sections 二 and 三
(with its numbering) that values follow, and section 四's table is set apart from the
heading; the lines that start a table row are told to the skeleton as table lines. Lines
are only ever cut, never changed, so each new line is a piece of one given line: a position
in the new lines maps back to the text as given (``Restored.position``).

The landmarks are the template's labels (``labels``), searched for with one pattern in one
pass over each line; a row label is a landmark only inside its section's table (after the
table's first header or row) and only when a value follows it, so prose naming 行政许可
breaks nothing. Where a row's last value runs into the next label's numbering
(``…申请 20000022.申请人``) the line is cut after the numbering's digits: which digits are
the row's is for the rules to settle (``layouts.run_together``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence

import attrs

from .. import labels
from ..diagnostics import Diagnostic, diagnostic
from ..fold import fold
from ..limits import MAX_REBREAKS
from ..model import Report

#: A line at least this long holding most of a text's characters is a body whose line
#: breaks were lost (the longest paragraph of a real report is a few thousand characters).
LONG_LINE = 2_000


#: Text after a heading on its line: spaces alone (a line padded to a page's width, as
#: pdfplumber's layout text pads it) end the heading's line, and cut nothing.
_TEXT_AFTER = re.compile(r"\s*\S")


def _any(words: Iterable[str]) -> str:
    """An alternation of ``words`` (folded like the text), the longest first."""
    return "|".join(
        re.escape(word) for word in sorted({fold(w) for w in words}, key=len, reverse=True)
    )


_NUMERALS = "一二三四五六七八九十"
_KEYWORDS = _any([word for words in labels.SECTION_KEYWORDS.values() for word in words])
#: A section heading inline: its numeral (a Chinese one, or an Arabic one no digit runs
#: into, with ``、`` or a point: ``5、``, ``5.``, ``5．`` folded), a few characters that
#: are no digits and no other numbered item, a keyword of a section, more keywords joined
#: to it, and ``情况`` or ``的事项``. An Arabic numeral not cut off so stays with the table
#: before it, a value there (四's last run ``…077 5``, 复议后起诉's 总计 read 5).
_HEADING = (
    rf"(?:[一二三四五六]|(?<!\d)[1-6](?=\s*[、.]))\s*[、.]\s*"
    rf"(?:(?![{_NUMERALS}\d]\s*[、.])[^\d。;]){{0,16}}?"
    rf"(?:{_KEYWORDS})(?:[、和及与]?(?:{_KEYWORDS}))*(?:情况|的事项)?"
)
#: A sub-table header of section 二: ``第二十条第(五)项``.
_ARTICLE = rf"第[{_NUMERALS}]{{1,4}}条第\(\s*[{_NUMERALS}\d]{{1,3}}\s*\)项"
#: A sub-table's article at a line's start: where text lost its line breaks, the no-break
#: spaces before it (Word's HTML indents the article's cell ``&nbsp;&nbsp;``) end the line
#: before, after the last row's values, whose blank cells they are not.
ARTICLE_START = re.compile(rf"\s*{_ARTICLE}")
#: A row label's numbering: ``一、``, ``(一)``, ``1.``, ``1、``. The template numbers no
#: row past 8, so an Arabic numbering is one digit: in ``…5749/92.重复申请`` (a page
#: marker ``9/9`` run in) the numbering is ``2``, and the ``9`` is the text's before it.
_NUMBERING = rf"(?:[1-9]\s*[.、]|[{_NUMERALS}]{{1,2}}\s*、|\(\s*[{_NUMERALS}\d]{{1,2}}\s*\))\s*"
#: What follows a row label that values follow: its bracketed note, spaces, then a number
#: that is not the next label's numbering (``1.属于``).
_VALUE_NEXT = r"(?=\s*(?:\([^()]{0,40}\))?\s*[+-]?\d(?!\d?\s*[.、][^\d\s]))"

#: A row or group label of section 三 with its numbering (``3.要求提供公开出版物``,
#: ``(三)不予公开``): where label text that no value follows holds several, each starts a row
#: printed blank (``layouts.run_together``), as a cut before it would.
NUMBERED_ROW = re.compile(
    _NUMBERING
    + "(?:"
    + _any(
        w
        for table in (labels.APPLICATION_ROWS, labels.APPLICATION_GROUPS)
        for rows in table.values()
        for ws in rows.values()
        for w in ws
    )
    + ")"
)

_PROACTIVE_ROWS = [w for rows in labels.PROACTIVE_ROWS.values() for ws in rows.values() for w in ws]
_PROACTIVE_HEADERS = [
    *(w for columns in labels.PROACTIVE_COLUMNS.values() for ws in columns.values() for w in ws),
    "信息内容",
]
_HEADER_WORDS = {
    *(w for ws in labels.APPLICANT_COLUMNS.values() for w in ws),
    *(w for ws in labels.APPEAL_OUTCOMES.values() for w in ws),
}
_APPLICATION_ROWS = {
    w for rows in labels.APPLICATION_ROWS.values() for ws in rows.values() for w in ws
}
#: Section 三's table starts at its header or its first row.
_APPLICATION_START = ["申请人情况", *labels.APPLICATION_ROWS["2019"]["new"]]
_APPEAL_HEADERS = [
    *(w for ws in labels.APPEAL_GROUPS.values() for w in ws),
    *(w for ws in labels.APPEAL_OUTCOMES.values() for w in ws),
]

#: Where a landmark may start: an ideograph (or other non-ASCII text), a bracket, or a
#: digit before ``.`` or ``、``. Checked first at each position, so that a long run of
#: digits, Latin or spaces is passed over without trying every label.
_MAY_START = r"(?=[^\x00-\x27\x29-\x7f]|\d\s*[.、])"
#: Every landmark, one named group each; a match of a group that does not belong to the
#: section the scan is in is passed over.
_LANDMARK = re.compile(
    rf"{_MAY_START}(?:(?P<heading>{_HEADING})"
    rf"|(?P<article>{_ARTICLE})"
    rf"|(?P<application_row>(?:{_NUMBERING})?(?:{_any(_APPLICATION_ROWS - _HEADER_WORDS)})"
    rf"{_VALUE_NEXT}|{_NUMBERING}(?:{_any(_APPLICATION_ROWS & _HEADER_WORDS)}){_VALUE_NEXT})"
    rf"|(?P<proactive_row>(?:{_any(_PROACTIVE_ROWS)}){_VALUE_NEXT})"
    rf"|(?P<application_start>{_any(_APPLICATION_START)})"
    rf"|(?P<proactive_start>{_any(_PROACTIVE_HEADERS)})"
    rf"|(?P<appeal_start>{_any(_APPEAL_HEADERS)}))"
)
_KEYWORD = re.compile(_KEYWORDS)
#: A position a diagnostic's message names, on the lines broken again.
_NAMED_POSITION = re.compile(r"\bline (\d+)(?:, column (\d+))?")
#: Which section each heading keyword names.
_KEYWORD_SECTIONS = {
    fold(word): number for number, words in labels.SECTION_KEYWORDS.items() for word in words
}
#: The landmarks of each section's table: those that may start it (``_opens``), and those
#: that start a row or header once it has started.
_STARTS = {
    2: ("article", "proactive_start", "proactive_row"),
    3: ("application_start", "application_row"),
    4: ("appeal_start",),
}
_ROWS = {2: ("article", "proactive_row"), 3: ("application_row",), 4: ()}


@attrs.frozen
class Restored:
    """Lines broken again at the template's landmarks.

    Attributes:
        lines: the new lines, each a piece of one given line.
        origins: for each new line, the given line (0-based) and the column it starts at
            (0-based).
        tables: the new lines (0-based) that start a table row or header.
        broken: the given lines (0-based) that were broken, with their lengths.
        kept: the given lines (0-based) kept whole: tables the text showed as they were.
    """

    lines: tuple[str, ...]
    origins: tuple[tuple[int, int], ...]
    tables: tuple[int, ...]
    broken: tuple[tuple[int, int], ...]
    kept: frozenset[int] = frozenset()

    def position(self, line: int, column: int | None) -> tuple[int, int | None]:
        """The 1-based ``(line, column)`` in the given text of a position in ``lines``; a
        position without a column keeps none, unless its line starts inside a given one."""
        given, offset = self.origins[line - 1]
        if column is None:
            return given + 1, (offset + 1 if offset else None)
        return given + 1, column + offset

    def no_breaks(self, given: Collection[tuple[int, int]]) -> dict[int, frozenset[int]]:
        """The positions ``given`` (0-based line and column in the text as given: its
        no-break spaces, ``Source.no_breaks``) on the new lines: for each new line (1-based)
        that holds some, where in it (0-based)."""
        found: dict[int, set[int]] = {}
        for line, column in given:
            found.setdefault(line, set()).add(column)
        placed: dict[int, frozenset[int]] = {}
        for at, (line, offset) in enumerate(self.origins):
            columns = found.get(line)
            if columns:
                end = offset + len(self.lines[at])
                inside = frozenset(c - offset for c in columns if offset <= c < end)
                if inside:
                    placed[at + 1] = inside
        return placed

    def relocate(self, report: Report) -> Report:
        """``report`` with every position in the text as given, and ``line-breaks-lost``
        saying what was done."""
        proactive, applications, appeals = (
            attrs.evolve(table, positions=tuple(map(self._cell, table.positions)))
            for table in report.tables
        )
        found = [*map(self._moved, report.diagnostics)]
        said = self.diagnostic(report.completeness().missing)
        return attrs.evolve(
            report,
            proactive=proactive,
            applications=applications,
            appeals=appeals,
            diagnostics=tuple(
                sorted(
                    [*found, *([said] if said else [])],
                    key=lambda d: (d.line is not None, d.line or 0, d.column or 0),
                )
            ),
        )

    def _cell(self, at: tuple[int, int] | None) -> tuple[int, int] | None:
        if at is None:
            return None
        given, offset = self.origins[at[0] - 1]
        return given + 1, at[1] + offset

    def _moved(self, found: Diagnostic) -> Diagnostic:
        """``found`` at its position in the text as given, and so every position its
        message names (``at line 12, column 263``: a statement's, a cell's)."""
        message = _NAMED_POSITION.sub(self._named, found.message)
        if found.line is None:
            return attrs.evolve(found, message=message)
        line, column = self.position(found.line, found.column)
        return attrs.evolve(found, line=line, column=column, message=message)

    def _named(self, match: re.Match[str]) -> str:
        line = int(match[1])
        if not 0 < line <= len(self.origins):
            return match[0]
        given, column = self.position(line, int(match[2]) if match[2] else None)
        return f"line {given}" + (f", column {column}" if column is not None else "")

    def diagnostic(self, missing: int) -> Diagnostic | None:
        """What was done, where the first broken line is; ``missing``: how many cells of
        the report are missing."""
        if not self.broken:
            return None
        first, length = self.broken[0]
        where = (
            f"line {first + 1} ({length:,} characters) holds"
            if len(self.broken) == 1
            else f"{len(self.broken)} lines (the first, line {first + 1}, {length:,} characters) "
            "hold"
        )
        return diagnostic(
            "line-breaks-lost",
            f"line breaks were lost: {where} the report's headings and table rows run "
            "together, as a web archive's page text does; the text was broken again at the "
            "template's headings and row labels, and where a row's values ran together only "
            "the split the consistency rules allow was kept"
            + (
                f" ({missing} cell(s) are missing): read the page itself (HTML) or a text that "
                "keeps its line breaks for every cell"
                if missing
                else ""
            ),
            first + 1,
            1,
        )


def restore(lines: Sequence[str], keep: Collection[int] = ()) -> Restored | None:
    """``lines`` broken again at the template's landmarks, with the lines that start a
    table row; ``None`` when no line holds a landmark after other text (the text kept its
    line breaks). The lines of ``keep`` (0-based: tables the text shows as they are) are
    never cut.

    Linear in the text: one search of each line, at most ``MAX_REBREAKS`` cuts in all."""
    if _LANDMARK.search("\n".join(lines)) is None:  # one pass at C speed: nothing to cut
        return None
    scan = _Scan()
    pieces: list[str] = []
    origins: list[tuple[int, int]] = []
    tables: list[int] = []
    broken: list[tuple[int, int]] = []
    for index, line in enumerate(lines):
        cuts = scan.cuts(line) if index not in keep else {}
        if not cuts:
            pieces.append(line)
            origins.append((index, 0))
            continue
        first = min(cuts)
        if first and not line[:first].strip():  # a landmark after the line's indent keeps it
            cuts[0] = cuts.pop(first)
        starts = sorted({0, *cuts})
        if len(starts) > 2 or (len(starts) == 2 and line[: starts[1]].strip()):
            broken.append((index, len(line)))  # text before a landmark: not a line's indent
        for start, end in zip(starts, [*starts[1:], len(line)], strict=True):
            if cuts.get(start):
                tables.append(len(pieces))
            pieces.append(line[start:end])
            origins.append((index, start))
    if not broken:
        return None
    return Restored(tuple(pieces), tuple(origins), tuple(tables), tuple(broken), frozenset(keep))


class _Scan:
    """The landmarks of the lines, in order: the section they are in, and whether its table
    has started, carried from line to line."""

    def __init__(self) -> None:
        self.section = 0
        self.started = False
        self.budget = MAX_REBREAKS

    def cuts(self, line: str) -> dict[int, bool]:
        """Where ``line`` is cut, each with whether the piece from there starts a table row
        or header."""
        cuts: dict[int, bool] = {}
        for match in _LANDMARK.finditer(line):
            if self.budget <= 0:
                break
            kind = match.lastgroup
            start = match.start()
            if kind == "heading":
                number = self._heading(match.group())
                if number is None:
                    continue
                self.section, self.started = number, False
                cuts[start] = cuts.get(start, False)
                if _TEXT_AFTER.match(line, match.end()):  # not a heading's line padded
                    cuts.setdefault(match.end(), False)
            elif self.section in _STARTS and kind in _STARTS[self.section]:
                opens = not self.started and _opens(kind, match.group())
                if not (opens or (self.started and kind in _ROWS[self.section])):
                    continue
                table = True
                if kind == "appeal_start":
                    table = any(map(str.isdigit, line[start : _next_heading(line, start)]))
                self.started = True
                cuts[_cut(line, start)] = table
            else:
                continue
            self.budget -= 1
        cuts.pop(len(line), None)
        return cuts

    def _heading(self, text: str) -> int | None:
        """The section a heading landmark starts: its numeral's, when a keyword of that
        section is in it, or the next section's, when its keywords name that one (a
        misnumbered heading); ``None`` for a numbered item of the prose."""
        numeral = text.lstrip()[0]
        number = labels.SECTION_NUMERALS[numeral]
        named = {_KEYWORD_SECTIONS[word] for word in _KEYWORD.findall(text)}
        if number in named:
            return number
        if self.section + 1 in named:
            return self.section + 1
        return None


def _opens(kind: str, text: str) -> bool:
    """Whether a landmark starts its section's table: a header (an article, a column
    header, 申请人情况, 行政复议 …), or the first row of section 三; a row of section 二 never
    does (prose before the table names 行政处罚 with its count)."""
    return kind != "proactive_row" and (
        kind != "application_row" or any(word in text for word in _APPLICATION_START)
    )


def _next_heading(line: str, start: int) -> int:
    """Where the next section heading after ``start`` begins (the line's end if none)."""
    for match in _LANDMARK.finditer(line, start + 1):
        if match.lastgroup == "heading":
            return match.start()
    return len(line)


def _cut(line: str, start: int) -> int:
    """Where to cut before a landmark at ``start``: at it, or, when its numbering's digits
    follow a number (``…申请 20000022.申请人``, ``… 0 2.申请人``), after those digits, so
    that the row before keeps every digit that may be its own."""
    end = start
    while end < len(line) and line[end].isdigit():
        end += 1
    if end == start:
        return start
    at = start - 1
    while at >= 0 and line[at] == " ":
        at -= 1
    return end if at >= 0 and line[at].isdigit() else start


def lost(lines: Sequence[str]) -> Diagnostic | None:
    """``line-breaks-lost`` for a text whose body sits on a few very long lines in which no
    landmark of the template was found."""
    sizes = list(map(len, lines))
    long = [i for i, size in enumerate(sizes) if size >= LONG_LINE]
    if not long or sum(sizes[i] for i in long) * 2 < sum(sizes):
        return None
    return diagnostic(
        "line-breaks-lost",
        f"line breaks were lost: {len(long)} line(s) of {LONG_LINE:,} characters or more "
        f"(the first, line {long[0] + 1}, {sizes[long[0]]:,}) hold most of the text, and no "
        "heading or table row of the template was found in them: give the text with its "
        "line breaks (the page itself, or its HTML)",
        long[0] + 1,
        1,
    )
