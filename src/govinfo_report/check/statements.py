"""Text versus table: counts that the prose of section 一 (总体情况) states and a table also
holds, such as ``全年共受理依申请公开14件``. A count the table contradicts, or does not
give, is a ``text-table-mismatch`` warning naming both positions; nothing is changed. Where
section 二's values ran together (no rule cuts them), or a row of it printed fewer values
than cells (no rule places them), the counts the prose states for the row's cells choose
among the ways to read it (``by_cell``), never give a value.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import accumulate, pairwise
from operator import attrgetter
from typing import NamedTuple

from .. import labels
from ..catalogue import Template
from ..diagnostics import Diagnostic, diagnostic
from ..limits import MAX_LINE_CHARS
from ..structure.layouts import Printed
from ..tables.resolve import Resolved, Stated

_SPACE = re.compile(r"\s+")


class Statement(NamedTuple):
    """A count stated in the prose, at ``line``/``column`` (1-based). ``apart``: its count
    stands on a line of numbers alone, lifted out of its sentence (pdfplumber's layout text
    of a browser's PDF prints a paragraph's numbers on lines of their own, below it: ``新制作
    规范性文件      件，主动公开规范性文件`` / ``9`` / ``件。``), so it may be another
    clause's."""

    text: str
    value: int
    readings: tuple[tuple[str, ...], ...]
    line: int
    column: int
    apart: bool = False


class _Patterns(NamedTuple):
    """A template's statement patterns as one alternation, the ``i``-th pattern the group
    ``s<i>`` (its count, if it has one, the group ``n<i>``)."""

    union: re.Pattern[str]
    #: ``later[i]``: the alternation of the patterns after the ``i``-th (``None`` after
    #: the last), to ask which of them also match where the ``i``-th does.
    later: tuple[re.Pattern[str] | None, ...]
    readings: tuple[tuple[tuple[str, ...], ...], ...]
    counts: tuple[str | None, ...]


@cache
def _patterns(template: str) -> _Patterns:
    chosen = [
        (pattern, readings)
        for only, readings, pattern in labels.STATEMENTS
        if only in (None, template)
    ]
    alternatives = [
        f"(?P<s{i}>{pattern.replace('(?P<n>', f'(?P<n{i}>')})"
        for i, (pattern, _) in enumerate(chosen)
    ]
    # The lookahead lets the search skip every other character at C speed.
    union, *later = (
        re.compile(f"(?=[{labels.STATEMENT_STARTS}])(?:{'|'.join(alternatives[i:])})")
        for i in range(len(alternatives))
    )
    return _Patterns(
        union,
        (*later, None),
        tuple(readings for _, readings in chosen),
        tuple(f"n{i}" if "(?P<n>" in pattern else None for i, (pattern, _) in enumerate(chosen)),
    )


def find(lines: Iterable[tuple[int, str]], template: str) -> list[Statement]:
    """The count statements of ``lines`` (``(line number, text)`` pairs) for ``template``.

    The lines are read as one text without whitespace, so a statement wrapped onto the next
    line is found. The text is scanned once for all the patterns, and each pattern finds
    what its own ``finditer`` would: at each place where one matches, every pattern
    matching there is taken unless it overlaps that pattern's previous match."""
    kept = [(number, line) for number, line in lines if len(line) <= MAX_LINE_CHARS]
    compacts = [_compact(line) for _, line in kept]
    text = "".join(compacts)
    starts = list(accumulate(map(len, compacts), initial=0))
    columns: dict[int, int | list[int]] = {}  # per line, as ``_columns`` gives them
    patterns = _patterns(template)
    ends = [0] * len(patterns.readings)  # where each pattern's previous match ended
    found: list[Statement] = []
    match = patterns.union.search(text)
    while match is not None:
        start = match.start()
        while match is not None:  # the patterns matching at ``start``, in order
            which = int(match.lastgroup[1:])  # type: ignore[index]
            later = patterns.later[which]
            if start >= ends[which]:
                ends[which] = match.end()
                if not _part_of(text, start):
                    at = bisect_right(starts, start) - 1
                    number, line = kept[at]
                    if at not in columns:
                        columns[at] = _columns(line)
                    shift, index = columns[at], start - starts[at]
                    count = patterns.counts[which]
                    found.append(
                        Statement(
                            match[0],
                            int(match[count]) if count else 0,
                            patterns.readings[which],
                            number,
                            shift + index + 1 if isinstance(shift, int) else shift[index],
                            count is not None
                            and compacts[bisect_right(starts, match.start(count)) - 1].isascii(),
                        )
                    )
            match = later.match(text, start) if later is not None else None
        match = patterns.union.search(text, start + 1)
    found.sort(key=attrgetter("line", "column"))
    return found


def _compact(line: str) -> str:
    """``line`` without white space, but for a run of it between two digits, made one
    ``_APART``: the run parts two numbers, which the text without white space must not
    join. pdfplumber prints a paragraph's numbers on a line of their own below it (``…申请
    件，上年结转`` / ``6  0`` / ``件，办结…``): joined, ``6 0`` would state ``上年结转60件``,
    a count the report does not print. Split at C speed, the parts looked at only where
    there are two or more (most lines of prose hold no white space but their indent)."""
    parts = line.split()
    if len(parts) < 2:
        return "".join(parts)
    joined = [parts[0]]
    for before, part in pairwise(parts):
        if before[-1].isdecimal() and part[0].isdecimal():
            joined.append(_APART)
        joined.append(part)
    return "".join(joined)


#: What ``_compact`` makes of white space between two digits (no pattern's character).
_APART = "|"
#: A digit and the white space after it before another digit, as ``_compact`` reads them.
_DIGITS_APART = re.compile(r"\d(\s+)(?=\d)")


def _apart(gap: re.Match[str]) -> str:
    """The digit and white space of ``gap`` as the digit and ``_APART``, padded to the run's
    length: each character of the line keeps its column."""
    return gap[0][0] + _APART.ljust(len(gap[1]))


def _columns(line: str) -> int | list[int]:
    """Where the characters of ``_compact(line)`` are: its indent, when it has no other
    whitespace (most prose), else the 1-based column of each (an ``_APART`` at the first
    character of the white space it stands for)."""
    indent = len(line) - len(line.lstrip())
    if not _SPACE.search(line, indent):
        return indent
    parted = _DIGITS_APART.sub(_apart, line)
    return [i + 1 for i, char in enumerate(parted) if not char.isspace()]


#: How far back a clause is looked at: a clause is far shorter, and the prose of a section is
#: one text, so an unbounded look back would cost time quadratic in its length.
_MAX_CLAUSE_CHARS = 200


def _part_of(text: str, start: int) -> bool:
    """Whether the clause holding ``start`` counts a part (``其中，…``): a word of
    ``PART_OF`` ends before ``start`` and starts at most three characters before the clause
    (which starts at most ``_MAX_CLAUSE_CHARS`` back). The nearest occurrence of the word
    decides, so a text without one costs one search."""
    back = max(0, start - _MAX_CLAUSE_CHARS)
    for word in labels.PART_OF:
        at = text.rfind(word, back, start)
        if at < 0:
            continue
        clause = max(text.rfind(end, back, start) for end in labels.CLAUSE_ENDS) + 1
        if at >= clause - 3:
            return True
    return False


def compare(statements: Sequence[Statement], resolved: Resolved) -> list[Diagnostic]:
    """A warning for each statement that no reading of the table agrees with. A count lifted
    out of its sentence (``Statement.apart``) states nothing: it may be another clause's, and
    a warning would say the report states what it may not."""
    index = resolved.template.index
    found: list[Diagnostic] = []
    for statement in statements:
        if statement.apart:
            continue
        readings = [
            reading for reading in statement.readings if all(key in index for key in reading)
        ]
        sums = [_sum(_counted(resolved, index[key]) for key in reading) for reading in readings]
        if not readings or statement.value in sums:
            continue
        first = readings[0]
        found.append(
            diagnostic(
                "text-table-mismatch",
                f"section 一 states {statement.text!r} ({statement.value}) at line "
                f"{statement.line}, column {statement.column}, but the table gives "
                f"{_shown(first, resolved)}",
                statement.line,
                statement.column,
                first,
            )
        )
    return found


def _counted(resolved: Resolved, cell: int) -> object:
    """The value of ``cell`` a count is compared with: a cell printed blank counts 0 (a
    report leaves its zeros blank); else its value (``None``: none read)."""
    value = resolved.values[cell]
    return 0 if value is None and resolved.provenance[cell] == "blank" else value


def _sum(values: Iterable[object]) -> int | None:
    total = 0
    for value in values:
        if value is None:
            return None
        total += value  # type: ignore[operator]
    return total


def _shown(keys: tuple[str, ...], resolved: Resolved) -> str:
    parts = []
    for key in keys:
        cell = resolved.template.index[key]
        value, origin = resolved.values[cell], resolved.provenance[cell]
        if value is None:
            parts.append(f"{key} printed blank" if origin == "blank" else f"no value for {key}")
            continue
        where = resolved.positions[cell]
        at = f" at line {where[0]}, column {where[1]}" if where else ""
        parts.append(f"{key} = {value} ({origin}{at})")
    return " + ".join(parts)


def by_cell(statements: Sequence[Statement], template: Template) -> Stated:
    """The counts ``statements`` state for one cell of section 二 each (``制发规范性文件88件``),
    by cell: what ``resolve`` lets choose among the ways to read a row of the section,
    which no rule cuts or places (the other sections' rows are read by their rules alone).
    A count lifted out of its sentence (``Statement.apart``) states nothing here."""
    stated: dict[int, tuple[tuple[int, Printed], ...]] = {}
    for statement in statements:
        if statement.apart:
            continue  # its count may be another clause's
        if len(statement.readings) == 1 and len(statement.readings[0]) == 1:
            key = statement.readings[0][0]
            cell = template.index.get(key)
            if cell is not None and key.startswith("proactive."):
                said = (statement.value, (statement.text, statement.line, statement.column))
                stated[cell] = (*stated.get(cell, ()), said)
    return stated
