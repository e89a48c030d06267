"""Collapsed cells: a row's values run together into one token, as crawlers and some
converters give a table row: ``行政许可3960181`` (a label, then the digits of three values),
or the digits alone. The boundaries between the values are lost. This module finds such
cells and lists the ways to cut their digits back into numbers; ``placement`` keeps a way
only where the consistency rules single it out.

A way gives the row exactly the values it lacks, each a number of at most
``cells.MAX_DIGITS`` digits with no leading zero (``0`` itself apart). The ways are counted
before any is listed, and a run longer than ``MAX_RUN_DIGITS`` is not cut at all, so the work
stays small whatever the input.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import pairwise

import attrs

from .cells import MAX_DIGITS
from .layouts import Printed, Row

#: The longest run of digits that is cut (a row of section 四: 15 values of two digits).
MAX_RUN_DIGITS = 30
#: Digits after a label that make its cell a collapsed one (a single digit may be a note mark).
MIN_RUN_DIGITS = 2

#: A label, then digits to the end. The label ends in a character no value has (not a
#: digit, sign, decimal point, separator or placeholder), so the digits are all the run.
_LABELLED = re.compile(r"(?P<label>.*[^0-9\s.,，．/\\+\-—–─－])\s*(?P<digits>[0-9]+)", re.DOTALL)


@attrs.frozen
class Cuts:
    """The ways to cut a run of digits into a number of values."""

    #: How many ways there are; ``None`` for a run longer than ``MAX_RUN_DIGITS``.
    count: int | None
    #: Each way's numbers with their positions in the text; empty past the limit.
    ways: tuple[tuple[Printed, ...], ...]
    #: Whether the digits could also be fewer numbers (blank cells leave no trace when
    #: cells run together): then no way is certain unless a rule checks it.
    fewer: bool


def take(row: Row) -> tuple[Row, tuple[Printed, ...]]:
    """``row`` without the digits its label cells end in, and those digits as cells at their
    positions. A label followed by ``MIN_RUN_DIGITS`` digits or more keeps its label; a label
    cell of digits alone (too long to be one number) is taken whole."""
    if not any(text[-1:].isdigit() for text, _, _ in row.labels):
        return row, ()
    labels: list[Printed] = []
    runs: list[Printed] = []
    for text, line, column in row.labels:
        label, digits = _split(text)
        if label:
            labels.append((label, line, column))
        if digits:
            runs.append((digits, line, column + len(text) - len(digits)))
    return row._replace(labels=tuple(labels)), tuple(runs)


def take_all(rows: Sequence[Row]) -> list[tuple[Row, tuple[Printed, ...]]]:
    """``take`` of each row; a table none of whose labels ends in a digit, the usual one, is
    checked at once."""
    ends = "".join([text[-1:] for row in rows for text, _, _ in row.labels])
    if not any(map(str.isdigit, ends)):
        return [(row, ()) for row in rows]
    return list(map(take, rows))


def _split(text: str) -> tuple[str, str]:
    """A label cell's label and the digits it ends in (``""`` for either it lacks)."""
    if text.isascii() and text.isdigit():
        return "", text
    match = _LABELLED.fullmatch(text)
    if match is None or len(match["digits"]) < MIN_RUN_DIGITS:
        return text, ""
    return match["label"], match["digits"]


def alone(row: Row, width: int) -> tuple[Row, tuple[Printed, ...]]:
    """``row`` without its value and that value as a run, when the value is the row's only
    one and a run of at least ``width`` digits: for a row of section 三 or 四, one count of
    seven digits or more is not plausible, the row's values run together are."""
    if len(row.values) == 1:
        text = row.values[0][0]
        if text.isascii() and text.isdigit() and len(text) >= width:
            return row._replace(values=()), row.values
    return row, ()


def cut(run: Printed, parts: int, limit: int) -> Cuts:
    """The ways to cut ``run``'s digits into ``parts`` numbers; listed only when there are
    at most ``limit``."""
    digits, line, column = run
    if len(digits) > MAX_RUN_DIGITS:
        return Cuts(None, (), True)
    ways = _ways(digits, parts)
    count = ways[0][parts]
    fewer = any(ways[0][k] for k in range(1, parts))
    if count > limit:
        return Cuts(count, (), fewer)
    return Cuts(
        count,
        tuple(
            tuple((digits[start:end], line, column + start) for start, end in pairwise(bounds))
            for bounds in _bounds(digits, parts, ways, 0)
        ),
        fewer,
    )


def _ways(digits: str, parts: int) -> list[list[int]]:
    """``ways[i][k]``: in how many ways ``digits[i:]`` is cut into ``k`` numbers."""
    size = len(digits)
    ways = [[0] * (parts + 1) for _ in range(size + 1)]
    ways[size][0] = 1
    for start in range(size - 1, -1, -1):
        longest = _longest(digits, start)
        for k in range(1, parts + 1):
            ways[start][k] = sum(ways[start + length][k - 1] for length in range(1, longest + 1))
    return ways


def _longest(digits: str, start: int) -> int:
    """The most digits a number starting at ``start`` may have (a ``0`` stands alone)."""
    return 1 if digits[start] == "0" else min(MAX_DIGITS, len(digits) - start)


def _bounds(
    digits: str, parts: int, ways: list[list[int]], start: int
) -> Iterator[tuple[int, ...]]:
    """Where each number of every way to cut ``digits[start:]`` into ``parts`` starts,
    and the end; only branches that lead to a way are followed."""
    if not parts:
        yield (start,)
        return
    for length in range(1, _longest(digits, start) + 1):
        if ways[start + length][parts - 1]:
            for rest in _bounds(digits, parts - 1, ways, start + length):
                yield (start, *rest)
