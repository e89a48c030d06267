"""Section 二's units printed on a line of their own, over or under their numbers.

pdfplumber's text of a browser's PDF sets a cell's unit apart from its digits: the Chinese
character's box stands higher or lower in the line than the digits' and the tool's line
grouping parts them, so a row's units print on its label's line and its numbers on the
next (``规章  件  件  件`` / ``0  0  0``), on a line alone between its label's pieces
(``行政`` / ``项  件`` / ``0  0  0`` / ``许可``), or beside another piece of the label
(``事业  元`` / ``性收  1``). The layout reads each unit as a label cell, of the numbers' row
or of a row of labels alone next to it, a label that names nothing: the row's values were
ignored, or an amount's 元 lost, and the amount read in the column's 万元.

Where the text lays its rows out by position (``Row.gaps``: ``pdfplumber``'s ``layout``
text), the units that end a row's labels, right of its label and not at their line's
start, each standing right over or under exactly one number of the row on the next line,
within that number's extent (a character either side: the tool centres a unit and a
narrower number alike in their cell), are those numbers' and are joined to them. A row
that prints a unit beside one of its numbers takes none: such text (PyMuPDF's sorted
text of Word's PDF) spaces each line by its own glyphs, and a unit under one number
there may be another's. Units that end a row of labels alone are joined so to
the numbers of the row on the line next to theirs, where one row's numbers take them all.
A unit that stands over no number, or over two, is left as it is: which number it ends is
not shown. In text that lays out no columns (pdfplumber's plain text, words one space
apart), count units over or under as many numbers on the line next to theirs are those
numbers' in order (a blank cell prints neither); an amount's 元 is left, and so are
fewer units than numbers, but two count units or more so are no labels and are left out
(``项 件`` / ``8 0 27``: 本年增/减 prints no unit, and which number prints none is not
shown; a unit alone may end a label: ``性文`` / ``件``). Count units alone on a line
between two rows' numbers, each row's numbers able to take them all, may be either row's:
they are no labels, and are left out (a count's unit changes no count; an amount's 元
stays, as it would change the amount ten thousand times). Units that end the labels of
a row printing values, under or over none of them, go to the numbers of the row before
or after that they stand under or over, where the row continues that one's counts
wrapped in narrow cells (Word's PDF through ``pdftotext -layout``: ``行政  435  0  226`` /
``许可  项  25件``, 435项 and 22625件): left a label piece, a unit makes the line an
unknown row and its counts' tails are ignored, or leaves which number the tail ends open.
Units beside a piece of a label there are left to the label's rows (``rows._units_below``:
the piece tells whose they are).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ...labels import COUNT_UNITS, MONEY_UNITS
from ...structure.layouts import Printed, Row

_UNITS = frozenset((*COUNT_UNITS, *MONEY_UNITS))
#: How far a unit may stand left of its number's first character or right of its last.
_DRIFT = 1
#: How many lines from a unit's line the rows looked at for its number may start (a tall
#: row's label's lines).
_MOST_LINES = 20


def units_over(rows: Iterable[Row]) -> list[Row]:
    """``rows`` with each unit that a row's labels print over or under a number joined to
    that number (the module's docstring)."""
    result = list(rows)
    if _UNITS.isdisjoint(row.labels[-1][0] for row in result if row.labels):
        return result  # most texts end no row's labels with a unit
    for at, row in enumerate(result):
        units = _trailing_units(row) or _plain_units_alone(row)
        if not units:
            continue
        if row.values:
            taken = _taken(units, row)
            if taken:
                result[at] = _with_units(_without_units(row, units), taken)
            elif _fewer(units, row):
                result[at] = _without_units(row, units)
            elif (wrapped := _wrapped_with(units, result, at)) is not None:
                result[wrapped[0]] = _with_units(result[wrapped[0]], wrapped[1])
                result[at] = _without_units(row, units)
            continue
        near = [
            index
            for index in (at - 1, at + 1)
            if 0 <= index < len(result)
            and (taken := _taken(units, result[index]))
            and not (index == at + 1 and _ends_below(taken, result, index))
        ]
        if len(near) == 1:
            taken = _taken(units, result[near[0]])
            result[near[0]] = _with_units(result[near[0]], taken)
            result[at] = _without_units(row, units)
        elif near and len(units) == len(row.labels) and _counts_only(units):
            # a line of units alone between two rows' numbers, under the one or over the
            # other: a count's unit changes no count, and is no label either
            result[at] = _without_units(row, units)
    return [row for row in result if row.labels or row.values]


def _trailing_units(row: Row) -> tuple[Printed, ...]:
    """The units alone that end ``row``'s labels, on one line, right of the label before
    them on it (or all its labels), none at its line's start: text whose lines start at
    their first word (plain ``pdftotext``) puts a unit there whatever its column."""
    labels = row.labels
    at = len(labels)
    while at and labels[at - 1][0] in _UNITS:
        at -= 1
    units = labels[at:]
    if not units or len({line for _, line, _ in units}) != 1 or units[0][2] <= 1:
        return ()
    if at and (labels[at - 1][1] != units[0][1] or labels[at - 1][2] >= units[0][2]):
        return ()  # a unit on another line than the label before it: a piece of the label
    return units


def _plain_units_alone(row: Row) -> tuple[Printed, ...]:
    """The labels of ``row``, a row with values in text that lays out no columns, where
    they are two units or more alone on one line (``项 件`` / ``8 0 27``): plain text starts
    each line at its first word, so the units' offsets say nothing, but no label is among
    them (a unit alone may be a label's last piece: ``性文`` / ``件`` / ``58``)."""
    labels = row.labels
    if row.gaps or not row.values or len(labels) < 2 or len({line for _, line, _ in labels}) != 1:
        return ()
    return labels if all(text in _UNITS for text, _, _ in labels) else ()


def _wrapped_with(
    units: Sequence[Printed], rows: Sequence[Row], at: int
) -> tuple[int, dict[Printed, Printed]] | None:
    """The row before or after row ``at`` (which prints values, none under ``units``, the
    units ending its labels) whose counts row ``at``'s line continues, wrapped in their
    narrow cells, and each of its numbers printed without a unit that one of ``units``
    stands right under or over: a number of it printed without one has a count's last
    digits and unit starting under or over it among row ``at``'s values, and each unit
    stands under or over a number of it (``行政  435  0  226`` / ``许可  项  25件``, 435项
    and 22625件; ``规范性  100件  100`` / ``文件  件  0件``, the 件 already the first's). A
    row printing no such piece (``对外  361`` / ``管理  项  0  6700件``) is left to the label's
    rows (``rows._units_below``). The rows before and after are those of the lines above and
    below the units' (``_lines_next``): the layout may part one line into two rows
    (``可  0项`` / ``项  0件``, the second's 项 over the next row's 0 and under the row
    above's)."""
    row = rows[at]
    if any(_beneath(unit, value) for unit in units for value in row.values):
        return None
    for near in _lines_next(rows, at, units[0][1]):
        # a signed change is a number a unit may stand under too (``0  -1  10`` / ``项  项
        # 0件``: the row's 项 under 0 and -1), though it takes none
        numbers = [value for value in rows[near].values if value[0].lstrip("+-")[:1].isdigit()]
        over = [[number for number in numbers if _beneath(unit, number)] for unit in units]
        if all(len(found) == 1 for found in over) and any(
            _starts_within(value, number)
            for number in numbers
            if number[0].isdigit()
            for value in row.values
            if value[0][:1].isdigit() and _ends_in_a_unit(value[0])
        ):
            return near, {
                found[0]: unit
                for unit, found in zip(units, over, strict=True)
                if found[0][0].isdigit()
            }
    return None


def _lines_next(rows: Sequence[Row], at: int, line: int) -> list[int]:
    """The indices of the nearest row before row ``at`` printing values on the line above
    ``line``, and of the nearest after it printing values on the line below, in that order:
    rows printing values on ``line`` alone, or none, are passed over, and one printing
    values on another line ends the search."""
    found = []
    for step, target in ((-1, line - 1), (1, line + 1)):
        near = at + step
        while 0 <= near < len(rows) and abs(rows[near].line - line) <= _MOST_LINES:
            lines = {on for _, on, _ in rows[near].values}
            if target in lines:
                found.append(near)
            if lines - {line}:
                break
            near += step
    return found


def _starts_within(value: Printed, number: Printed) -> bool:
    """Whether ``value`` starts on the line next to ``number``'s, within its digits."""
    return abs(value[1] - number[1]) == 1 and number[2] <= value[2] < number[2] + len(number[0])


def _ends_below(taken: dict[Printed, Printed], rows: Sequence[Row], at: int) -> bool:
    """Whether each number of ``taken`` (of row ``at``, units over it) has a piece ending in
    a count's unit under it on the next row's line (a unit alone, or a wrapped count's last
    digits and unit): its unit is that one, and the units over it are another count's,
    wrapped around a row between (``100`` / ``规章  1件`` / ``件`` / ``规范性  100`` /
    ``文件  件  0件``). The pieces under it are those of every row on that line: the layout
    may start a row at a unit right of a value (``文件  0件  件``, the last 件 a row's)."""
    under = {number[1] + 1 for number in taken}
    below = []
    for row in rows[at + 1 :]:
        pieces = (*row.labels, *row.values)
        if min((line for _, line, _ in pieces), default=0) > max(under, default=0):
            break
        below += [piece for piece in pieces if piece[1] in under]
    return all(
        any(_ends_in_a_unit(piece[0]) and _beneath(piece, number) for piece in below)
        for number in taken
    )


def _ends_in_a_unit(text: str) -> bool:
    """Whether ``text`` is a count's unit, alone or after digits (a wrapped count's rest)."""
    return text.lstrip("0123456789") in COUNT_UNITS


def _counts_only(units: Sequence[Printed]) -> bool:
    """Whether ``units`` are all counts' units (no amount's 元 or 万元 among them)."""
    return all(text in COUNT_UNITS for text, _, _ in units)


def _taken(units: Sequence[Printed], row: Row) -> dict[Printed, Printed]:
    """Each of ``row``'s numbers one of ``units`` stands right over or under, with it; empty
    unless each unit so stands over exactly one number, a number apiece, and the row
    prints no unit beside a number (text that does, PyMuPDF's sorted text of Word's PDF,
    spaces each line by its own glyphs: a unit under one number may be another's)."""
    taken: dict[Printed, Printed] = {}
    if not all(text[-1:].isdigit() for text, _, _ in row.values):
        return taken  # units printed beside the row's numbers
    if not row.gaps:
        return _in_order(units, row.values)
    for unit in units:
        under = [value for value in row.values if _beneath(unit, value)]
        if len(under) != 1 or under[0] in taken:
            return {}
        taken[under[0]] = unit
    return taken


def _in_order(units: Sequence[Printed], values: Sequence[Printed]) -> dict[Printed, Printed]:
    """In text that lays out no columns (words one space apart: pdfplumber's plain text),
    count ``units`` over or under as many numbers, those all on the line next to theirs,
    each the unit of the number in its place (a blank cell prints neither); else none: a
    unit fewer leaves which number prints none open, and an amount's 元 is never guessed."""
    if len(units) != len(values) or not _counts_only(units) or not _next_line(units, values):
        return {}
    return dict(zip(values, units, strict=True))


def _next_line(units: Sequence[Printed], values: Sequence[Printed]) -> bool:
    """Whether ``values`` all stand on one line, the one next to that of ``units``."""
    lines = {line for _, line, _ in values}
    return len(lines) == 1 and abs(lines.pop() - units[0][1]) == 1


def _fewer(units: Sequence[Printed], row: Row) -> bool:
    """Whether ``units`` are two count units or more, fewer than ``row``'s numbers, all on
    the line next to theirs, in text that lays out no columns (``项 件`` / ``8 0 27``:
    本年增/减 prints no unit): which number prints none is not shown, but they are no
    labels, and a count's unit changes no count. One unit may be a label's last piece
    (``规范`` / ``性文`` / ``件`` / ``58 56 118``), and is left."""
    return (
        not row.gaps
        and 1 < len(units) < len(row.values)
        and _counts_only(units)
        and _next_line(units, row.values)
        and all(text[-1:].isdigit() for text, _, _ in row.values)
    )


def _beneath(unit: Printed, value: Printed) -> bool:
    """Whether ``unit`` stands on the line next to ``value``'s, within its extent."""
    text, line, column = value
    return abs(line - unit[1]) == 1 and column - _DRIFT <= unit[2] < column + len(text) + _DRIFT


def _without_units(row: Row, units: Sequence[Printed]) -> Row:
    """``row`` without the ``units`` that end its labels."""
    return row._replace(labels=row.labels[: len(row.labels) - len(units)])


def _with_units(row: Row, taken: dict[Printed, Printed]) -> Row:
    """``row`` with each number of ``taken`` printed with its unit. Numbers on one line are
    no longer stacked over anything (the layout took their units for values over them)."""

    def joined(value: Printed) -> Printed:
        return (value[0] + taken[value][0], *value[1:]) if value in taken else value

    one_line = len({line for _, line, _ in row.values}) == 1
    return row._replace(
        values=tuple(map(joined, row.values)),
        positions=row.positions._replace(cells=tuple(map(joined, row.positions.cells))),
        loose=row.loose and not one_line,
        stacked=row.stacked and not one_line,
    )
