"""Collapsed cells: a row's values run together into one token, as crawlers and some
converters give a table row: ``行政许可3960181`` (a label, then the digits of three values),
or the digits alone. The boundaries between the values are lost. This module finds such
cells and lists the ways to cut their digits back into numbers; ``placement`` keeps a way
only where the consistency rules single it out. Only a label of the section runs into
digits so: unknown text before digits (``约为12``, ``共计12``) is a value cell whose text is
no value, never a label and a value.

A way gives the row exactly the values it lacks, each a number of at most
``cells.MAX_DIGITS`` digits with no leading zero (``0`` itself apart). The ways are counted
before any is listed, and a run longer than ``MAX_RUN_DIGITS`` is not cut at all, so the work
stays small whatever the input.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import chain, repeat
from operator import add, attrgetter, itemgetter, mul, sub

import attrs

from ..cells import MAX_DIGITS, Value
from ..fold import NO_BREAK_SPACE
from ..labels import COUNT_UNITS, MONEY_UNITS
from ..memo import Hashed, weighed
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


def take(row: Row, known: Callable[[str], bool]) -> tuple[Row, tuple[Printed, ...]]:
    """``row`` without the digits its label cells end in, and those digits as cells at their
    positions, after the row's own ``runs``. A label followed by ``MIN_RUN_DIGITS`` digits or
    more keeps its label; a label cell of digits alone (too long to be one number) is taken
    whole.

    Text before the digits that is no label of the section (``known``) is never cut off
    them: after the row's first value, such a cell is a value cell in its place, whose text
    is no value (``大约23``); before it, a label cell whole (the row then lacks a value)."""
    if not any(text[-1:].isdigit() for text, _, _ in row.labels):
        return (_untaken(row), row.runs.cells) if row.runs.cells else (row, ())
    first = min(map(itemgetter(1, 2), row.values), default=None)
    labels: list[Printed] = []
    runs: list[Printed] = []
    invalid: list[Printed] = []
    for cell in row.labels:
        text, line, column = cell
        label, digits = _split(text)
        if label and digits and not known(label):
            if first is not None and (line, column) > first:
                invalid.append(cell)
            else:
                labels.append(cell)
            continue
        if label:
            labels.append((label, line, column))
        if digits:
            runs.append((digits, line, column + len(text) - len(digits)))
    values = tuple(sorted((*row.values, *invalid), key=itemgetter(1, 2))) if invalid else row.values
    return _untaken(row)._replace(labels=tuple(labels), values=values), (*row.runs.cells, *runs)


def _untaken(row: Row) -> Row:
    """``row`` without its runs' cells (taken apart from it), its ``tail`` kept."""
    return row._replace(runs=row.runs._replace(cells=()))


def take_all(
    rows: Sequence[Row], known: Callable[[str], bool]
) -> list[tuple[Row, tuple[Printed, ...]]]:
    """``take`` of each row; a table none of whose labels ends in a digit, the usual one, is
    checked at once, with no Python code a row."""
    labels = chain.from_iterable(map(_LABELS, rows))
    ends = map(_LAST_CHAR, map(_TEXT, labels))
    if not any(map(str.isdigit, ends)) and not any(map(_RUN_CELLS, rows)):
        return list(zip(rows, repeat(())))
    return [take(row, known) for row in rows]


_LABELS = attrgetter("labels")
_RUN_CELLS = attrgetter("runs.cells")
_TEXT = itemgetter(0)
_LAST_CHAR = itemgetter(slice(-1, None))


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


@weighed(
    lambda found, run, parts, limit, tail=0, signed=False, counts=False: 1 + parts * len(found.ways)
)
def cut(
    run: Printed, parts: int, limit: int, tail: int = 0, signed: bool = False, counts: bool = False
) -> Cuts:
    """The ways to cut ``run`` into ``parts`` numbers; listed only when there are at most
    ``limit``. Worked out once a run (its text and place): a page whose blank cells are
    no-break spaces is read with them and without (``table.read_tables``), and its rows
    of digits run together are the same runs in both readings.

    The run is digits, or (text whose line breaks were lost, ``layouts.run_together``)
    numbers as printed with a sign, decimals or a money unit, and dashes for cells not
    given, some apart by spaces: a number never spans a space (but for the one before its
    unit, ``246900 元``), starts with a sign or a digit, and ends where a unit does.
    ``tail``: the run's last ``tail`` characters may be the next row label's numbering
    (``…申请 20000022.申请人``), so the ways without them are counted too. A traced run
    (``Runs.traced``) holds blank cells: each no-break space one, each ``BLANK_RUN`` one or
    more, a ``BLANK_RUN_OR_NONE`` at its end any number. ``signed``: the run's row has a
    signed column (2019's 本年增/减), so a sign apart from its digits (``- 25``) may be one
    (``_ends``). ``counts``: the run's cells are all counts (no signed change, no amount), so
    where every number of the run prints a unit (``21件9件``), a number ends only at its unit
    (``_ends``)."""
    text, line, column = run
    if sum(map(str.isdigit, text)) > MAX_RUN_DIGITS:
        return Cuts(None, (), True)
    texts = _texts(text, tail)
    tables = [_ways(each, parts, signed, counts) for each in texts]
    count = sum(ways[0][parts] for ways, _ in tables)
    fewer = any(ways[0][k] for ways, _ in tables for k in range(1, parts))
    if count > limit:
        return Cuts(count, (), fewer)
    return Cuts(
        count,
        Hashed(
            chain.from_iterable(
                _pieces(each, line, column, parts, ways, steps)
                for each, (ways, steps) in zip(texts, tables, strict=True)
            )
        ),
        fewer,
    )


def _texts(text: str, tail: int) -> list[str]:
    """The texts ``cut`` cuts a run's ``text`` as: a ``BLANK_RUN_OR_NONE`` at its end as
    blank cells or none; else the text, and without its last ``tail`` characters."""
    if text.endswith(BLANK_RUN_OR_NONE):  # blank cells after the last value, or none
        return [text[:-1] + BLANK_RUN, text[:-1]]
    if tail and (rest := text[:-tail].rstrip()):  # never an empty text to cut
        return [text, rest]
    return [text]


#: What a number of a way adds to each of some sums (``some_way``).
Terms = tuple[Value, ...]


def some_way(
    run: Printed,
    parts: int,
    tail: int,
    signed: bool,
    counts: bool,
    terms: Callable[[int, str], Terms | None],
    goal: Terms,
) -> bool:
    """Whether some way ``cut(run, parts, limit, tail, signed, counts)`` lists has numbers
    whose ``terms`` (by a number's place among the way's and its text as ``cut`` gives it;
    ``None``: no way with it counts) add up to ``goal``, sum by sum: ``_reaches``, where
    checking each way listed costs a sum a way (14 digits cut into 7 numbers: 1,716)."""
    return any(_reaches(each, parts, signed, counts, terms, goal) for each in _texts(run[0], tail))


def _reaches(
    text: str,
    parts: int,
    signed: bool,
    counts: bool,
    terms: Callable[[int, str], Terms | None],
    goal: Terms,
) -> bool:
    """``some_way`` of one of the texts ``cut`` cuts a run as (the ways ``_pieces`` lists).
    The lowest and highest first sum the ways from each place (with as many numbers left)
    make are worked out once, by a dynamic program over the places; a search of the ways
    in order then follows a number only where what is left to reach lies between them,
    and gives up a place with as much left to reach once."""
    ways, steps = _ways(text, parts, signed, counts)
    if not ways[0][parts]:
        return False
    # each place's numbers: their text as a cell's, where the next starts, whether the
    # number is a blank run (one more blank cell may follow at the same place)
    numbers = [
        [(_cell(text[start:end]), after, text[start:end] == BLANK_RUN) for end, after in moves]
        for start, moves in enumerate(steps)
    ]
    # each place with numbers left: the numbers that lead to a way, with their terms,
    # where the next starts and the lowest and highest first sum of the ways through them
    follow: dict[tuple[int, int], list[tuple[Terms, int, Value, Value]]] = {}
    bounds: dict[tuple[int, int], tuple[Value, Value] | None] = {(len(steps), 0): (0, 0)}

    def span(start: int, left: int) -> tuple[Value, Value] | None:
        """The lowest and highest first sum of the ways from ``start`` with ``left``
        numbers (``None``: no way counts)."""
        key = (start, left)
        if key in bounds:
            return bounds[key]
        found: list[tuple[Terms, int, Value, Value]] = []
        low: Value = 0
        high: Value = 0
        count = ways[start][left - 1]  # a blank run's: one more blank cell at the same place
        for cell, after, blank in numbers[start]:
            for start_next in (after, start) if blank and count else (after,):
                if not ways[start_next][left - 1]:
                    continue
                added = terms(parts - left, cell)
                if added is None:
                    break
                rest = span(start_next, left - 1)
                if rest is None:
                    continue
                lowest, highest = added[0] + rest[0], added[0] + rest[1]
                if not found or lowest < low:
                    low = lowest
                if not found or highest > high:
                    high = highest
                found.append((added, start_next, lowest, highest))
        follow[key] = found
        bounds[key] = result = (low, high) if found else None
        return result

    failed: set[tuple[int, int, Terms]] = set()

    def reach(start: int, left: int, wanted: Terms) -> bool:
        """Whether a way from ``start`` with ``left`` numbers sums to ``wanted``."""
        if not left:
            return not any(wanted)
        if (start, left, wanted) in failed:
            return False
        first = wanted[0]
        for added, start_next, low, high in follow[start, left]:
            if low <= first <= high and reach(start_next, left - 1, tuple(map(sub, wanted, added))):
                return True
        failed.add((start, left, wanted))
        return False

    return span(0, parts) is not None and reach(0, parts, goal)


#: Sums that must be equal, as positions of cells: ``(left, right)``.
Sums = Sequence[tuple[Sequence[int], Sequence[int]]]


def spread(
    run: Printed, size: int, tail: int, sums: Sums, limit: int
) -> tuple[tuple[Printed | None, ...], ...] | None:
    """Every way to cut ``run`` into fewer than ``size`` counts and spread them over
    ``size`` cells in order, the others blank (``None``, read as 0), that makes each pair of
    ``sums`` equal: blank cells leave no trace when cells run together. ``tail`` as for
    ``cut``. ``None`` when the search takes more than ``limit`` steps and ways kept.

    A dynamic program over (cell, place in the text, how far each sum is from equal): ways
    that reach one state share what follows it, so the work grows with the states, not with
    the ways. The ways of a run are worked out once (``_spread``): a report's table is
    resolved again alone (``resolve.holds_together``) with the same runs and rules."""
    return _spread(
        run, size, tail, tuple((tuple(left), tuple(right)) for left, right in sums), limit
    )


@weighed(lambda found, run, size, tail, sums, limit: 1 + size * len(found or ()))
def _spread(
    run: Printed,
    size: int,
    tail: int,
    sums: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...],
    limit: int,
) -> tuple[tuple[Printed | None, ...], ...] | None:
    """``spread``, its ``sums`` tuples (a memo's key)."""
    text, line, column = run
    texts = [text]
    if tail and (rest := text[:-tail].rstrip()):
        texts.append(rest)
    found: list[tuple[Printed | None, ...]] = []
    for each in texts:
        spreading = _Spread(each, line, column, size, sums, limit)
        ways = (
            spreading.follow_one(0, 0, 0)
            if len(sums) == 1
            else spreading.follow(0, 0, (0,) * len(sums))
        )
        if ways is None:
            return None
        found.extend(way for way in ways if None in way)
        limit = spreading.left
    return tuple(found)


class _Spread:
    """The search of ``spread`` over one text."""

    def __init__(self, text: str, line: int, column: int, size: int, sums: Sums, limit: int):
        self.text, self.line, self.column, self.size = text, line, column, size
        self.left = limit
        self.ways, self.steps = _ways(text, size)
        #: For each cell, each sum's weight on it (+1 left, -1 right), and the sums it ends.
        self.weights = [
            tuple((left.count(cell) - right.count(cell)) for left, right in sums)
            for cell in range(size)
        ]
        self.weighted = list(map(any, self.weights))
        self.ends = [
            [k for k, (left, right) in enumerate(sums) if max((*left, *right)) == cell]
            for cell in range(size)
        ]
        #: For each cell, how many cells of each sum's left and right sides follow it.
        self.after = [
            tuple(
                (sum(c > cell for c in left), sum(c > cell for c in right)) for left, right in sums
            )
            for cell in range(size)
        ]
        #: For each place in the text, the counts that may start there: each as its piece,
        #: where the next one starts, and its value.
        self.pieces: list[list[tuple[Printed, int, int]]] = [
            [
                ((text[at:end], line, column + at), after, value)
                for end, after in self.steps[at]
                if (value := _count(text[at:end])) is not None
            ]
            for at in range(len(text))
        ]
        #: For each number, the last place in the text it may start at (a number may start
        #: at ``at`` or later where that is ``at`` or later), and for each place the most the
        #: text from it can add up to (all its digits as one number).
        self.last: dict[int, int] = {
            value: at for at, pieces in enumerate(self.pieces) for _, _, value in pieces
        }
        self.most = [
            int("0" + "".join(filter(str.isdigit, text[at:]))) for at in range(len(text) + 1)
        ]
        #: ``fits[at][cells]``: whether the text from ``at`` is at most ``cells`` numbers.
        self.fits = [
            [at == len(text) or any(self.ways[at][1 : cells + 1]) for cells in range(size + 1)]
            for at in range(len(text) + 1)
        ]
        self.known: dict[tuple[int, int, tuple[int, ...]], list[tuple[Printed | None, ...]]] = {}
        self.known_one: dict[tuple[int, int, int], list[tuple[Printed | None, ...]]] = {}
        self._choices: dict[tuple[int, int], list[tuple[Printed | None, int, int]]] = {}

    def choices(self, cell: int, at: int) -> list[tuple[Printed | None, int, int]]:
        """What ``cell`` may take from the text at ``at`` and leave the cells after it a
        way to take the rest: a blank (``None``, 0) or a count, each with where the text
        goes on and its value; worked out once per cell and place."""
        found = self._choices.get((cell, at))
        if found is None:
            left = self.size - cell - 1
            fits = self.fits
            found = [(None, at, 0)] if fits[at][left] else []
            if at < len(self.text):
                found.extend(choice for choice in self.pieces[at] if fits[choice[1]][left])
            self._choices[cell, at] = found
        return found

    def hopeless(self, cell: int, at: int, apart: tuple[int, ...]) -> bool:
        """Whether a sum ``apart`` from equal after ``cell`` cannot be mended by the cells
        after it from the text at ``at``: no cell of the side it lacks follows, the text left
        cannot add up to the gap, or one cell alone must close it (no cell of the other side
        follows) and no number left is the gap."""
        most, last = self.most[at], self.last
        for (lefts, rights), gap in zip(self.after[cell], apart, strict=True):
            if not gap:
                continue
            cells, others, need = (lefts, rights, -gap) if gap < 0 else (rights, lefts, gap)
            if not cells or need > most or (cells == 1 and not others and last.get(need, -1) < at):
                return True
        return False

    def follow(
        self, cell: int, at: int, apart: tuple[int, ...]
    ) -> list[tuple[Printed | None, ...]] | None:
        """The ways to fill the cells from ``cell`` on with the text from ``at``, each sum
        ``apart`` from equal so far; ``None`` once out of steps."""
        if cell == self.size:
            return [()] if at == len(self.text) else []
        key = (cell, at, apart)
        if key in self.known:
            return self.known[key]
        self.left -= 1
        if self.left < 0:
            return None
        found: list[tuple[Printed | None, ...]] = []
        weights, weighted, ends = self.weights[cell], self.weighted[cell], self.ends[cell]
        for piece, after, value in self.choices(cell, at):
            moved = (
                tuple(map(add, apart, map(mul, weights, repeat(value))))
                if value and weighted
                else apart
            )
            if any(map(moved.__getitem__, ends)) or (
                any(moved) and self.hopeless(cell, after, moved)
            ):
                continue
            rest = self.follow(cell + 1, after, moved)
            if rest is None:
                return None
            found.extend((piece, *way) for way in rest)
        self.left -= len(found)  # the ways kept count against the limit too
        if self.left < 0:
            return None
        self.known[key] = found
        return found

    def follow_one(self, cell: int, at: int, gap: int) -> list[tuple[Printed | None, ...]] | None:
        """``follow`` for one sum (a row's total and its parts), ``gap`` its distance from
        equal: the same search step for step, ``hopeless`` worked out inline on a number,
        not a tuple, and the last cell's ways without a call (most runs are a row's, and
        this is the slowest text's inner loop)."""
        if cell == self.size:
            return [()] if at == len(self.text) else []
        key = (cell, at, gap)
        found = self.known_one.get(key)
        if found is not None:
            return found
        self.left -= 1
        if self.left < 0:
            return None
        found = []
        weight, ends = self.weights[cell][0], bool(self.ends[cell])
        ((lefts, rights),) = self.after[cell]
        most, last = self.most, self.last
        final, end = cell + 1 == self.size, len(self.text)
        choices = self._choices.get((cell, at)) or self.choices(cell, at)
        for piece, after, value in choices:
            moved = gap + weight * value
            if moved > 0 and (
                ends
                or not rights
                or moved > most[after]
                or (rights == 1 and not lefts and last.get(moved, -1) < after)
            ):
                continue
            if moved < 0 and (
                ends
                or not lefts
                or -moved > most[after]
                or (lefts == 1 and not rights and last.get(-moved, -1) < after)
            ):
                continue
            if final:  # follow_one(size, ...): one way where the text ends, else none
                if after == end:
                    found.append((piece,))
                continue
            rest = self.follow_one(cell + 1, after, moved)
            if rest is None:
                return None
            if rest:
                head = (piece,)
                found.extend([head + way for way in rest])
        self.left -= len(found)  # the ways kept count against the limit too
        if self.left < 0:
            return None
        self.known_one[key] = found
        return found


def _count(text: str) -> int | None:
    """The count a piece of a run is: digits alone (no sign, decimals or unit)."""
    return int(text) if text.isascii() and text.isdigit() else None


#: Units a number may end in (``246900元``, ``1个``), right after it or past spaces; a unit
#: ends its number.
UNITS = tuple(sorted((*MONEY_UNITS, *COUNT_UNITS), key=len, reverse=True))
#: The first characters of the units: only there is a unit looked for.
_UNIT_STARTS = frozenset(unit[0] for unit in UNITS)
#: The most decimals a number may have (as ``cells`` reads them).
_MAX_DECIMALS = 8


def _ends(text: str, start: int, signed: bool = False, whole: bool = False) -> list[int]:
    """Where a number starting at ``start`` may end: an optional sign, an integer part (a
    ``0`` stands alone, else at most ``cells.MAX_DIGITS`` digits), decimals right after the
    whole integer part, a unit; or a placeholder (``—``, a cell not given: one dash or
    several; ``-``, ``/`` or ``无`` between spaces), or a no-break space (``Runs.traced``:
    one blank cell; ``BLANK_RUN``: one or more, ``_ways``); and only where the next number
    or a space may follow. Where the row has a signed column (``signed``), a sign apart from
    its digits (``- 25``, ``+ 4``) may start a number too. ``whole``: every number of a run of
    counts prints a unit (``21件9件``), so a number ends only at its unit: ``2`` and ``1件``
    would make the row's one count without one (a signed change prints none: ``21项+61233件``
    may be 21项, +6 and 1233件, so a row with one is never ``whole``)."""
    size = len(text)
    ends: list[int] = []
    end = start
    first = text[start]
    if first in _BLANKS:
        return [start + 1]
    if (
        signed
        and first in _SIGNS
        and text[start + 1 : start + 2] == " "
        and text[start + 2 : start + 3].isdigit()
    ):
        if text[start - 1 : start] not in _APART:
            return []
        # ``- 25``: a sign apart from its digits (markup split its run, and the text put a
        # space between), or a dash apart (a cell not given) before a number: both are ways
        dash = [start + 1] if first in APART_PLACEHOLDERS else []
        return [*dash, *_ends(text, start + 2, whole=whole)]
    if first in APART_PLACEHOLDERS and text[start + 1 : start + 2] in _APART:
        return [start + 1] if text[start - 1 : start] in _APART else []
    if first in PLACEHOLDERS:
        while end < size and text[end] in PLACEHOLDERS:
            end += 1
            ends.append(end)
        return [end for end in ends if end == size or text[end] in _STARTS]
    at = end = start + (text[start] in "+-")
    if at >= size or not text[at].isdigit():
        return []
    longest = 1 if text[at] == "0" else MAX_DIGITS
    while end < size and end - at < longest and text[end].isdigit():
        end += 1
        ends.append(end)
    if end + 1 < size and text[end] == "." and text[end + 1].isdigit():
        point = end + 1
        while point < size and point - end <= _MAX_DECIMALS and text[point].isdigit():
            point += 1
            ends.append(point)
    for number_end in list(ends):
        unit_start = _next(text, number_end)
        if text[unit_start : unit_start + 1] in _UNIT_STARTS:
            ends.extend(
                unit_start + len(unit) for unit in UNITS if text.startswith(unit, unit_start)
            )
    if whole:
        ends = [end for end in ends if not text[end - 1].isdigit()]
    return [end for end in ends if end == size or text[end] in _STARTS]


#: Dashes that print a cell as not given, in a run of numbers (``—0000011``).
PLACEHOLDERS = "—–─"
#: A run of one blank cell or more (``Runs.traced`` of text that closes each run of blank
#: cells to one space: a web archive's), and the same at a run's end where it may be none
#: (the space after a table's last row).
BLANK_RUN = "\u2423"
BLANK_RUN_OR_NONE = "\u2422"
#: What stands for blank cells in a traced run.
_BLANKS = frozenset(NO_BREAK_SPACE + BLANK_RUN)
#: What prints a cell as not given only between spaces (``12 3 - 1 0 2 18``): run into a
#: number, ``-`` is its sign, and ``/`` or ``无`` may be text's.
APART_PLACEHOLDERS = "-/无"
#: What stands either side of one: a space, or the run's end.
_APART = ("", " ")
#: A number's signs: apart from its digits by a space (``- 25``), one of two ways to read.
_SIGNS = "+-"
#: What may follow a number: a space, or the next number's sign or first digit, or a dash,
#: or blank cells.
_STARTS = frozenset(" +-0123456789" + PLACEHOLDERS + NO_BREAK_SPACE + BLANK_RUN)


#: White space and blank cells between numbers, in a run as cut (``Runs.traced``).
_BETWEEN = f"[ {NO_BREAK_SPACE}{BLANK_RUN}{BLANK_RUN_OR_NONE}]*"
#: A run of two numbers or more, each printing a unit (``21件9件``): one number alone with
#: its unit (``4812条``) shows no habit of the row's (4, 8 and 12条 may be its counts).
_UNITED = re.compile(
    rf"(?:{_BETWEEN}[+-]?\d+(?:\.\d+)?[ ]*(?:{'|'.join(map(re.escape, UNITS))})){{2,}}{_BETWEEN}"
)
#: What such a run ends in: a unit's last character, or white space or blank cells.
_UNIT_ENDS = frozenset(unit[-1] for unit in UNITS) | frozenset(
    f" {NO_BREAK_SPACE}{BLANK_RUN}{BLANK_RUN_OR_NONE}"
)


def _next(text: str, end: int) -> int:
    """Where the number after one ending at ``end`` starts (past spaces)."""
    while end < len(text) and text[end] == " ":
        end += 1
    return end


@weighed(lambda found, text, parts, signed=False, counts=False: 1 + len(text) * parts)
def _ways(
    text: str, parts: int, signed: bool = False, counts: bool = False
) -> tuple[list[list[int]], list[list[tuple[int, int]]]]:
    """``ways[i][k]``: in how many ways ``text[i:]`` is cut into ``k`` numbers; and for each
    position, the numbers that may start there as ``(end, where the next one starts)``.
    ``signed``, ``counts``: as for ``cut``."""
    size = len(text)
    ways = [[0] * (parts + 1) for _ in range(size + 1)]
    ways[size][0] = 1
    steps: list[list[tuple[int, int]]] = [[] for _ in range(size)]
    whole = counts and text[-1:] in _UNIT_ENDS and _UNITED.fullmatch(text) is not None
    for start in range(size - 1, -1, -1):
        row = ways[start]
        if text[start] == BLANK_RUN:  # a blank cell, then the text after it or more blanks
            after = _next(text, start + 1)
            steps[start].append((start + 1, after))
            for k in range(1, parts + 1):
                row[k] = ways[after][k - 1] + row[k - 1]
            continue
        for end in _ends(text, start, signed, whole):
            after = _next(text, end)
            steps[start].append((end, after))
            row[1:] = map(add, row[1:], ways[after][:-1])  # row[k] += ways[after][k - 1]
    return ways, steps


def _pieces(
    text: str,
    line: int,
    column: int,
    parts: int,
    ways: list[list[int]],
    steps: list[list[tuple[int, int]]],
) -> list[tuple[Printed, ...]]:
    """The numbers of every way to cut ``text`` into ``parts`` numbers, as printed pieces,
    in order; only branches that lead to a way are followed. The ways from one place in the
    text with as many numbers left are listed once and shared by every way that reaches
    it."""
    known: dict[tuple[int, int], list[tuple[Printed, ...]]] = {}

    def rest(start: int, left: int) -> list[tuple[Printed, ...]]:
        found = known.get((start, left))
        if found is None:
            if not left:
                found = [()] if start == len(steps) else []
            else:
                found = []
                for end, after in steps[start]:
                    piece = text[start:end]
                    head = ((_cell(piece), line, column + start),)
                    if ways[after][left - 1]:
                        found.extend([head + way for way in rest(after, left - 1)])
                    if piece == BLANK_RUN and ways[start][left - 1]:  # one more blank cell
                        found.extend([head + way for way in rest(start, left - 1)])
            known[start, left] = found
        return found

    return rest(0, parts)


def _cell(piece: str) -> str:
    """A number of a run as its cell's text: a no-break space or a blank run a blank cell
    (``""``), a sign apart from its digits the number signed."""
    if piece[1:2] == " " and piece[0] in _SIGNS:
        return piece[0] + piece[2:]
    return piece if piece not in _BLANKS else ""
