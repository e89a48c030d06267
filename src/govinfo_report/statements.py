"""Text versus table: counts that the prose of section 一 (总体情况) states and a table also
holds, such as ``全年共受理依申请公开14件``. A count the table contradicts, or does not
give, is a ``text-table-mismatch`` warning naming both positions; nothing is changed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import accumulate
from operator import attrgetter
from typing import NamedTuple

from . import labels
from .diagnostics import Diagnostic, diagnostic
from .grid import Grid
from .limits import MAX_LINE_CHARS

_SPACE = re.compile(r"\s+")


class Statement(NamedTuple):
    """A count stated in the prose, at ``line``/``column`` (1-based)."""

    text: str
    value: int
    readings: tuple[tuple[str, ...], ...]
    line: int
    column: int


@cache
def _patterns(template: str) -> tuple[tuple[re.Pattern[str], tuple[tuple[str, ...], ...]],
                                      ...]:
    return tuple((re.compile(pattern), readings)
                 for only, readings, pattern in labels.STATEMENTS
                 if only in (None, template))


def find(lines: Iterable[tuple[int, str]], template: str) -> list[Statement]:
    """The count statements of ``lines`` (``(line number, text)`` pairs) for ``template``.

    The lines are read as one text without whitespace, so a statement wrapped onto the next
    line is found; each pattern searches that text once."""
    kept = [(number, line) for number, line in lines if len(line) <= MAX_LINE_CHARS]
    compacts = ["".join(line.split()) for _, line in kept]
    text = "".join(compacts)
    starts = list(accumulate(map(len, compacts), initial=0))
    columns: dict[int, int | list[int]] = {}  # per line, as ``_columns`` gives them
    found: list[Statement] = []
    for pattern, readings in _patterns(template):
        for match in pattern.finditer(text):
            start = match.start()
            if _part_of(text, start):
                continue
            at = bisect_right(starts, start) - 1
            number, line = kept[at]
            value = int(match["n"]) if "n" in pattern.groupindex else 0
            if at not in columns:
                columns[at] = _columns(line)
            shift, index = columns[at], start - starts[at]
            found.append(Statement(match[0], value, readings, number,
                                   shift + index + 1 if isinstance(shift, int) else shift[index]))
    found.sort(key=attrgetter("line", "column"))
    return found


def _columns(line: str) -> int | list[int]:
    """Where the characters of ``line`` without whitespace are: its indent, when it has no
    other whitespace (most prose), else the 1-based column of each."""
    indent = len(line) - len(line.lstrip())
    if not _SPACE.search(line, indent):
        return indent
    return [i + 1 for i, char in enumerate(line) if not char.isspace()]


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


def compare(statements: Sequence[Statement], grid: Grid) -> list[Diagnostic]:
    """A warning for each statement that no reading of the table agrees with."""
    index, values = grid.template.index, grid.values
    found: list[Diagnostic] = []
    for statement in statements:
        readings = [reading for reading in statement.readings
                    if all(key in index for key in reading)]
        sums = [_sum(values[index[key]] for key in reading) for reading in readings]
        if not readings or statement.value in sums:
            continue
        first = readings[0]
        found.append(diagnostic(
            "text-table-mismatch",
            f"section 一 states {statement.text!r} ({statement.value}) at line "
            f"{statement.line}, column {statement.column}, but the table gives "
            f"{_shown(first, grid)}", statement.line, statement.column, first))
    return found


def _sum(values: Iterable[object]) -> int | None:
    total = 0
    for value in values:
        if value is None:
            return None
        total += value  # type: ignore[operator]
    return total


def _shown(keys: tuple[str, ...], grid: Grid) -> str:
    parts = []
    for key in keys:
        cell = grid.template.index[key]
        value, origin = grid.values[cell], grid.origins[cell]
        if value is None:
            parts.append(f"no value for {key}")
            continue
        where = grid.positions[cell]
        at = f" at line {where[0]}, column {where[1]}" if where else ""
        parts.append(f"{key} = {value} ({origin}{at})")
    return " + ".join(parts)
