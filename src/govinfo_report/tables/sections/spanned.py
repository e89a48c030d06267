"""Rows made tall by a label wrapped over several lines, each line a row of the layout's
(``pdftotext -layout`` of a browser's or Word's PDF with narrow cells): one table row.

A row's label wraps a few characters a line (``一、本年新收政府`` / ``信息公开申请数量``);
each of its value cells is centred in the tall row, or wraps itself, so the tool prints
the row's values on any of the label's lines, and a number too wide for its cell on two
(``126`` over ``1`` for 1261, ``263`` over ``0`` for 2630). The layout, which reads a
label after a value as the next row's, makes each line a row, and the first line's grid
claims the cells whose values the lines below print as blank. Here the lines whose label
pieces join into one template row's label whole are one row again, its cells gathered by
column over all its lines."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence, Set
from functools import cache
from itertools import combinations, pairwise
from operator import attrgetter, itemgetter

from ...cells import cut_at_point, not_given
from ...escape import width as display_width
from ...labels import COUNT_UNITS, MONEY_UNITS
from ...limits import MAX_CELL_CHARS
from ...structure.layouts import Positions, Printed, Row
from ...structure.layouts.space_aligned import pushed_values
from ..matching import LabelMatcher, numbered

#: How far (in characters) a wrapped label's next line may start from its first.
_DRIFT = 1
#: How far (in characters) a value may stand off the extent of its column's other values.
_SLACK = 1
#: The most lines a row's label wraps over (two characters a line).
_MOST_LINES = 20
#: How many lines apart (an empty line between) a wrapped label's pieces may stand.
_MOST_APART = 2
#: How many characters past the end of one value on a line the start of one on another
#: stands to be in another column: on tool-bed pages a count wrapped in its cell prints
#: its rest up to one past its first piece's end, two columns' values three or more.
_APART = 3
#: A column's extent: the first character of its values and the one past their last.
Span = tuple[int, int]
#: The extent of a column whose values near a row were all pushed against their labels
#: (``pushed_values``): no offset of its.
_UNKNOWN: Span = (10**9, -1)
#: A sub-table's header: the words of its lines, a line each.
Header = tuple[tuple[Printed, ...], ...]


#: A row's column gaps (``Row.gaps``).
_GAPS = attrgetter("gaps")


def spanned(
    rows: list[Row],
    matcher: LabelMatcher,
    width: int,
    alone: Mapping[str, int] | None = None,
    packed: bool = False,
) -> list[Row]:
    """``rows`` with each run of rows on consecutive lines whose label pieces join into one
    template row's label whole, two or more of them printing values, made that one row
    (``_merged``). ``width``: the section's columns; ``alone``: where the section has no
    rules to confirm a reading (section 二), the cells of each of its rows (by key), which
    may be fewer than ``width`` (a sub-table of its own). Only space-aligned text
    (``Row.gaps``) prints rows so; in text with no column gaps laid out by the page all the
    same (``_laid_out``: cells so narrow that each line holds one column's piece), the
    pieces a unit closes are joined and those that may go on doubted (``_closed``), and
    the rows left as they are. Section 二's pieces of amounts cut at their points are
    values in doubt (``_points_cut``). A line left empty between two of a label's pieces
    (``行政`` / ``事业  27`` / ``性收  0`` / (empty) / ``费``: ``pdftotext`` parts lines
    whose baselines stand further apart) does not part them. ``packed``: section 二's header
    packs its words (``proactive._packed_header``), pushed one space apart as its rows'
    values are: where the header's words put a value of a run in another column than the
    offsets of the rows near it do, neither is sure, and the run is not placed by them
    (``_under_other_words``)."""
    if alone is not None:
        rows = _points_cut(rows)
    if not any(map(_GAPS, rows)):  # at C speed: most layouts mark no column gaps
        if not _laid_out(rows, matcher):
            return rows
        rows, anchors = _units_under(rows)
        return _closed(rows, matcher, anchors)
    rows, anchors = _units_under(rows)
    rows = _closed(rows, matcher, anchors)
    grids = _Grids(rows, anchors)
    result: list[Row] = []
    at = 0
    while at < len(rows):
        end, label, own = _run(rows, at, matcher)
        merged = (
            _merged(rows, at, end, label, (width, alone, packed), (own, grids), matcher)
            if _to_merge(rows, (at, own, end), matcher, width if alone is None else None)
            else None
        )
        if merged is None:
            result.append(rows[at])
            at += 1
            continue
        result.append(merged)
        at = end
    return result


def _points_cut(rows: list[Row]) -> list[Row]:
    """``rows`` with each label that is a piece of an amount cut at its decimal point
    (``cells.cut_at_point``; a layout reads ``12.`` as a numbering) made a value of its
    row, that row ``stacked`` (and ``loose``): the amount's other digits stand on another
    line, and no rule joins them (section 二, whose labels are never numbered). In text
    read by order (no column gaps), a piece alone on its line goes to the row above, as a
    line of values does."""
    if not any("." in text for row in rows for text, _, _ in row.labels):
        return rows
    result: list[Row] = []
    for row in rows:
        cut = tuple(label for label in row.labels if cut_at_point(label[0]))
        if not cut:
            result.append(row)
            continue
        kept = tuple(label for label in row.labels if label not in cut)
        values = (*row.values, *cut)
        if not kept and not row.gaps and result:
            row = result.pop()
            kept, values = row.labels, (*row.values, *values)
        result.append(
            row._replace(
                labels=kept,
                values=tuple(sorted(values, key=itemgetter(1, 2))),
                positions=Positions(),
                loose=True,
                stacked=True,
            )
        )
    return result


def _laid_out(rows: Sequence[Row], matcher: LabelMatcher) -> bool:
    """Whether ``rows``, which show no column gaps, are text laid out by its place on the
    page all the same (``pdftotext -layout`` of cells so narrow that every line holds one
    column's piece: ``行政`` / ``62`` / ``许可``): a value stands on a line of no label
    between two pieces of one row's label (``_bands``), right of them, or one right of the
    labels is a count's first piece over its rest (``_around_a_line``). Text one cell a
    line (python-docx, docx2txt, plain ``pdftotext``: ``其他对外管理服务事`` / ``17`` /
    ``项``, ``行政`` / ``790 11`` / ``强制``) prints a cell's text whole and each line from
    its start, a value under its label, never beside it."""
    if any(row.grid.cells for row in rows):  # cells bounded by separators: read by them
        return False
    # a value on a line of no label, right of both pieces of a band, so right of the label
    # ending first (one cell a line: every value under its label, none that far right)
    labelled = {line for row in rows for _, line, _ in row.labels}
    right = max((c for row in rows for _, line, c in row.values if line not in labelled), default=0)
    if right < 2 or right < min((c + len(t) for row in rows for t, _, c in row.labels), default=0):
        return False
    ends: dict[int, int] = {}
    for row in rows:
        for text, line, column in row.labels:
            ends[line] = max(ends.get(line, 0), column + len(text))
    if not ends:  # no label, no piece of one: no band
        return False
    floor = max(2, min(ends.values()))
    starts: dict[int, int] = {}  # each line of values alone: where its first one starts
    for row in rows:
        for _, line, column in row.values:
            if line not in ends:
                starts[line] = min(starts.get(line, column), column)
    alone = [(line, start) for line, start in starts.items() if start >= floor]
    return bool(alone) and (
        any(
            first < line < last and start >= max(ends[first], ends[last])
            for first, last in _bands(rows, matcher, frozenset())
            for line, start in alone
        )
        or _around_a_line(rows, {line for line, _ in alone}, labelled)
    )


def _around_a_line(rows: Sequence[Row], alone: Set[int], labelled: Set[int]) -> bool:
    """Whether a number with no unit on one of the lines of values ``alone`` stands over a
    value on the next line or on the one after it (the line between a label's): a count
    or an amount Word's PDF wraps in its narrow cell around its row's line (``31`` /
    ``行政许可`` / ``3件`` for 313件, ``46`` / ``行政强制  27`` / ``件`` for 4627件, ``3.0`` /
    ``业性收`` / ``609`` for 3.0609), whichever row the layout gave each piece to."""
    values: dict[int, list[Printed]] = {}
    for row in rows:
        for value in row.values:
            values.setdefault(value[1], []).append(value)
    return any(
        _NO_UNIT.fullmatch(top[0])
        and (
            bool(_over(values.get(line + 1, ()), top))
            or (line + 1 in labelled and bool(_over(values.get(line + 2, ()), top)))
        )
        for line in alone
        for top in values.get(line, ())
    )


def _to_merge(
    rows: Sequence[Row], run: tuple[int, int, int], matcher: LabelMatcher, full: int | None
) -> bool:
    """Whether the run ``run`` (its start, where its own label's rows end, its end: ``_run``)
    is one row to make of its lines: two or more of them print values, or its values stand
    below them (``_values_below``), or its one line of values is a later piece of its
    label's that prints every one of the ``full`` cells of a row (section 三:
    ``1.申请人`` / … / ``政府信息公  13 … 102`` / ``开申请``, the ``2`` of 102 joined to its
    line by the layout): that piece alone is no row's, and a full line leaves no cell of
    the row to claim blank (one with fewer may print a cell blank where a line above or
    below left it: not merged so)."""
    at, own, end = run
    printing = [k for k in range(at, end) if rows[k].values]
    return (
        len(printing) > 1
        or (len(printing) == 1 and at < printing[0] < own and len(rows[printing[0]].values) == full)
        or _values_below(rows, run, matcher)
    )


def wrapped_around(rows: Sequence[Row], line: int, matcher: LabelMatcher) -> str:
    """The label of the row (of ``rows``, as ``spanned`` takes them) whose run of lines
    (``_run``) takes in ``line`` below its first: a later piece of its label printed there
    (``1.申请人无正当`` / … / ``理其政府信息公  60 … 11`` / ``开申请  0``), or a group label's
    piece below its label (``三、本年度办理  （一）予以公开`` / ``结果  16  14  30``); ``""``
    where none does. A line of values there that ``spanned`` left apart (``_to_merge``:
    short of a cell, or the next row printing none of its own) names no row of its own, and
    may be that row's."""
    at = next((k for k, row in enumerate(rows) if row.line == line), None)
    if at is None:
        return ""
    for start in range(at - 1, max(at - _MOST_LINES, -1), -1):
        end, label, _ = _run(rows, start, matcher)
        if label:
            return label if at < end else ""
    return ""


def _values_below(rows: Sequence[Row], run: tuple[int, int, int], matcher: LabelMatcher) -> bool:
    """Whether the run ``run`` (its start, where its own label's rows end, its end: ``_run``)
    prints its values only on lines below its own label's, beside a group label's last
    piece (``三、本年度办理结  （一）予以公开`` / ``果  10  11 … 21``), and the next row prints
    values of its own on its label's lines: they are then the run's, not its cells left
    blank and the next row's printed above its label."""
    at, own, end = run
    return (
        end > own
        and not any(row.values for row in rows[at:own])
        and _own_values(rows, end, matcher)
    )


def _units_under(rows: list[Row]) -> tuple[list[Row], dict[Printed, tuple[int, int]]]:
    """``rows`` with each count's unit that a tall row prints under its count, beside a
    later piece of its label (``对外  294`` / ``管理  项  0  2件``: 294项, 0, 2件; ``行政规
    0`` / ``范性文  件``), or right of a value of that line (``行政规  41  55  12`` / ``范性文
    2件  件  7件``: ``_units_after``), joined to that count, and where each such unit stands
    (line, column), by the count it joins: a unit ends its cell, so the values right of it
    on its line stand in later columns (``_in_columns``), not under the count as its wrapped
    digits. Only a unit under one count (or signed change, ``-1`` / ``项``) with no unit of
    its own, wholly within its extent, is joined; one under a placeholder (``—`` / ``件``)
    is that cell's, and left out."""
    result = _units_after(rows)
    anchors: dict[Printed, tuple[int, int]] = {}
    for at in range(1, len(result)):
        row, above = result[at], result[at - 1]
        if len(row.labels) < 2:
            continue
        kept = list(row.labels[:1])
        values = list(above.values)
        for label in row.labels[1:]:
            text, line, column = label
            under = [
                index
                for index, (number, on, start) in enumerate(values)
                if on == line - 1
                and (_bare(number) or not_given(number))
                and start <= column < start + len(number)
            ]
            if text not in COUNT_UNITS or len(under) != 1:
                kept.append(label)
                continue
            number, on, start = values[under[0]]
            if not _bare(number):
                continue  # a placeholder's unit (``—`` / ``件``): nothing to join
            values[under[0]] = (number + text, on, start)
            anchors[values[under[0]]] = (line, column)
        if len(kept) < len(row.labels):
            joined = dict(zip(above.values, values, strict=True))
            cells = tuple(joined.get(cell, cell) for cell in above.positions.cells)
            result[at - 1] = above._replace(
                values=tuple(values), positions=above.positions._replace(cells=cells)
            )
            result[at] = row._replace(labels=tuple(kept))
    return result, anchors


#: A cell's last piece that a count's or an amount's unit closes: the unit alone, or a
#: number's last digits with it (``1件`` under ``181``: 1811件; ``0元`` under ``82106000``).
_CLOSING = re.compile(rf"\d*(?:[{''.join(COUNT_UNITS)}]|{'|'.join(MONEY_UNITS)})")
#: A number printed with no unit: a count, a signed change or an amount that may go on.
_NO_UNIT = re.compile(r"[+-]?\d[\d.]*")
#: A unit alone, which is no row's label.
_UNITS = frozenset((*COUNT_UNITS, *MONEY_UNITS))


def _closed(
    rows: list[Row], matcher: LabelMatcher, anchors: dict[Printed, tuple[int, int]]
) -> list[Row]:
    """``rows`` with each count that Word's PDF wraps in its narrow cell joined to the
    piece that closes it (``_cell_top``): the count's unit alone, or its last digits with
    the unit, under its first digits (``行政  20  +1  181`` / ``许可  项  4  1件``: 1811件),
    or, in a row whose other cells print on one line, on the lines above and below it
    (``18`` / ``规章  3件  3件`` / ``件``: 18件). A unit ends its cell, so the joined count
    is whole. A unit alone closes the number over it whatever the rows (it is no cell of
    its own), and the lines of that cell are then one row's; digits with their unit may be
    a cell of their own, and close the number over them only within one row's lines: those
    of a label printed over several (``_bands``), or of a cell a unit alone closed. A count
    whose first piece stands on a line of values alone, with the row's line between its
    pieces, goes to that row with the values of its first line (the layout gave them to the
    row above: ``_taken``). Digits under a number that no unit closes may go on: their rows
    are ``_doubted``. ``anchors`` gets where each closing piece stands, as
    ``_units_under``'s."""
    words: dict[int, list[Printed]] = {}
    home: dict[Printed, int] = {}
    for at, row in enumerate(rows):
        for cell in (*row.labels, *row.values):
            words.setdefault(cell[1], []).append(cell)
            home[cell] = at
    labelled = {line for row in rows for text, line, _ in row.labels if text not in _UNITS}
    found = [
        (rest, first)
        for row in rows
        for rest in (*row.labels, *row.values)
        if _CLOSING.fullmatch(rest[0])
        and (first := _cell_top(rest, words, home, labelled)) is not None
    ]
    # a unit alone closes the number over it, whatever the rows: the lines of that cell
    # are one row's, as are those of a label's pieces
    cells = [(first[0][1], rest[1]) for rest, first in found if not rest[0][0].isdigit()]
    rests = {rest for rest, _ in found}
    spans = cache(lambda: [*cells, *_bands(rows, matcher, rests)])
    joins = [
        (top, rest, into)
        for rest, (top, into) in found
        if not rest[0][0].isdigit()
        or any(first <= top[1] and rest[1] <= last for first, last in spans())
    ]
    swap: dict[Printed, Printed] = {}
    for top, rest, _ in joins:
        swap[top] = (top[0] + rest[0], *top[1:])
        swap[rest] = ("", *rest[1:])
        anchors[swap[top]] = rest[1:]
    result = [
        row._replace(
            labels=tuple(label for label in row.labels if label not in swap),
            values=tuple(
                swap.get(value, value) for value in row.values if swap.get(value, value)[0]
            ),
            positions=row.positions._replace(
                cells=tuple(swap.get(cell, cell) for cell in row.positions.cells)
            ),
        )
        if _swapped(row, swap)
        else row
        for row in rows
    ]
    # a count around a row's line, its first piece on a line of values alone: that line's
    # values go to the row with it (the layout gave them to the row above)
    for top, _, into in joins:
        at, line = home[top], top[1]
        moving = [value for value in result[at].values if value[1] == line]
        if into == at or not moving:
            continue
        result[at] = result[at]._replace(
            values=tuple(value for value in result[at].values if value[1] != line),
            positions=Positions(),
        )
        for value in moving:
            result[into] = _taken(result[into], value)
    return _doubted([row for row in result if row.labels or row.values], spans)


def _swapped(row: Row, swap: Mapping[Printed, Printed]) -> bool:
    """Whether ``_closed``'s ``swap`` changes ``row``: one of its labels, values or cells is
    swapped, or a value of it is empty (dropped). A row it leaves alone is kept as it is
    (most rows: a table's few units close few numbers)."""
    if not all(text for text, _, _ in row.values):
        return True
    swapped = swap.keys()
    return not (
        swapped.isdisjoint(row.labels)
        and swapped.isdisjoint(row.values)
        and swapped.isdisjoint(row.positions.cells)
    )


def _doubted(rows: list[Row], spans: Callable[[], Sequence[tuple[int, int]]]) -> list[Row]:
    """``rows`` with each row ``stacked`` (and ``loose``) that holds a value standing
    under a number with no unit, or holds such a number, where the two may be one count
    wrapped in its narrow cell over three lines or more, or with no unit to close it: the
    value on the line under the number's, or two under it with none over it on the line
    between (of no label, or both theirs of none), and one of the two on a line of values
    alone (no label; a unit joined to its count none), or both within one of ``spans``
    (lines known to be one row's): ``15`` / ``规章  32`` / ``件`` for 1532件, ``规章  87  40
    50`` / ``件  66  3件`` / ``件`` for 4066件, ``65`` / ``规章`` / ``3件`` for 653件, ``政府集
    1.2`` / ``0个`` / ``中采购  271`` for 1.2271. Only a row's own rules may then confirm
    them as two cells (``Row.stacked``): no count is read whole off one of its lines. A
    value ``Row.lifted`` is no rest."""
    values: dict[int, list[Printed]] = {}
    labelled: set[int] = set()
    home: dict[Printed, int] = {}
    for at, row in enumerate(rows):
        for cell in row.values:
            values.setdefault(cell[1], []).append(cell)
            home[cell] = at
        labelled.update(line for _, line, _ in row.labels)
    doubted: set[int] = set()
    for value in home:
        if rows[home[value]].lifted:
            continue
        line = value[1]
        above = _over(values.get(line - 1, ()), value) or [
            top
            for top in _over(values.get(line - 2, ()), value)
            if line - 1 not in labelled or not labelled.intersection((top[1], line))
        ]
        for top in above:
            if _NO_UNIT.fullmatch(top[0]) and (
                not (top[1] in labelled and line in labelled)
                or any(first <= top[1] and line <= last for first, last in spans())
            ):
                doubted.update((home[top], home[value]))
    return [
        row._replace(stacked=True, loose=True) if at in doubted else row
        for at, row in enumerate(rows)
    ]


def _taken(row: Row, cell: Printed) -> Row:
    """``row`` with ``cell`` (a count printed around its line) among its values, in column
    order, and in its positions where one blank cell stands in its column; else with no
    positions (its cells then read by order, never claimed blank)."""
    values = tuple(sorted((*row.values, cell), key=itemgetter(2)))
    text, _, start = cell
    blank = [
        at
        for at, (found, _, column) in enumerate(row.positions.cells)
        if not found and start - 1 <= column <= start + len(text)
    ]
    if len(blank) != 1:
        return row._replace(values=values, positions=Positions())
    cells = list(row.positions.cells)
    cells[blank[0]] = cell
    return row._replace(values=values, positions=row.positions._replace(cells=tuple(cells)))


def _cell_top(
    rest: Printed,
    words: Mapping[int, Sequence[Printed]],
    home: Mapping[Printed, int],
    labelled: Set[int],
) -> tuple[Printed, int] | None:
    """The first piece of the cell ``rest`` closes, and the row (its index in the layout's
    rows) the cell goes to, or ``None`` where there is none such. The first piece is a
    number with no unit (signed or not), the one word over ``rest`` (within its extent, one
    column off), on the line above it or on the one above that (the line between holding
    words, none over either), with nothing but ``rest`` under it and no number with no unit
    over it (it may be a rest itself; a count its unit closes goes on on no line: ``762项``
    / ``4083`` / ``行政强制`` / ``项``). The cell goes to the first piece's row where it is
    on the line above or beside a label (of ``labelled`` lines), else to the one row whose
    words the line between holds (``18`` / ``规章  3件  3件`` / ``件``: the layout took 18 for the
    header's). ``words``: each line's labels and values; ``home``: the row of each."""
    text, line, column = rest
    gap = not _over(words.get(line - 1, ()), rest)
    above = _over(words.get(line - 1 - gap, ()), rest)
    if len(above) != 1:
        return None
    top = above[0]
    number, on, start = top
    if (
        not _bare(number)
        or not start - 1 <= column <= column + len(text) <= start + len(number) + 1
        or _over(words.get(line, ()), top) != [rest]
        or any(_NO_UNIT.fullmatch(word) for word, _, _ in _over(words.get(on - 1, ()), top))
    ):
        return None
    between = words.get(line - 1, ()) if gap else ()
    if _over(between, top):
        return None
    if not gap or on in labelled:
        return top, home[top]
    beside = {home[cell] for cell in between}
    return (top, beside.pop()) if len(beside) == 1 else None


def _bands(
    rows: Sequence[Row], matcher: LabelMatcher, rests: Set[Printed]
) -> list[tuple[int, int]]:
    """The first and last line of each row's label that ``rows`` print over several lines:
    pieces each the one label of its line (a unit alone that closes a cell, of ``rests``,
    none; one in the label's column is its last piece: ``规范`` / ``性文`` / ``件``),
    starting in one column (one off), each on the line after the one before or on the one
    after that (the line between holding no label: a line of values may stand between two
    pieces), that join into a row's label whole, the longest such from each first piece.
    A line between the two is the row's: another row's text stands above or below its
    label's lines."""
    pieces: dict[int, list[Printed]] = {}
    for row in rows:
        for cell in row.labels:
            if cell not in rests:
                pieces.setdefault(cell[1], []).append(cell)
    lone = sorted((found[0] for found in pieces.values() if len(found) == 1), key=itemgetter(1))
    chains: list[list[Printed]] = []
    for piece in lone:
        last = chains[-1][-1] if chains else None
        if (
            last is not None
            and 0 < piece[1] - last[1] <= _MOST_APART
            and not any(on in pieces for on in range(last[1] + 1, piece[1]))
            and abs(piece[2] - last[2]) <= _DRIFT
            and not numbered(piece[0])
        ):
            chains[-1].append(piece)
        else:
            chains.append([piece])
    bands: list[tuple[int, int]] = []
    for chain in chains:
        at = 0
        while at < len(chain) - 1:
            ends = [
                end
                for end in range(at + 1, min(len(chain), at + _MOST_LINES))
                if matcher.exact("".join(text for text, _, _ in chain[at : end + 1]))
            ]
            if ends:
                bands.append((chain[at][1], chain[ends[-1]][1]))
            at = ends[-1] + 1 if ends else at + 1
    return bands


def _over(line: Sequence[Printed], cell: Printed) -> list[Printed]:
    """The words of ``line`` that overlap ``cell`` in column."""
    return [word for word in line if _overlap(word, cell)]


def _bare(number: str) -> bool:
    """Whether ``number`` is a count or a signed change printed without its unit."""
    return number.lstrip("+-").isdigit()


def _units_after(rows: list[Row]) -> list[Row]:
    """``rows`` with each row of count units alone on the line of the row before's values,
    right of them (``范性文  2件  件  7件``: the layout reads a label after a value as the next
    row's), made labels of that row: a unit alone is no row's label, and right of a value it
    is no piece of one."""
    result: list[Row] = []
    for row in rows:
        before = result[-1] if result else None
        if (
            before is None
            or not before.values
            or not row.labels
            or not all(text in COUNT_UNITS for text, _, _ in row.labels)
            or {on for _, on, _ in row.labels} != {before.values[-1][1]}
            or row.labels[0][2] <= before.values[-1][2]
        ):
            result.append(row)
            continue
        result[-1] = before._replace(
            labels=(*before.labels, *row.labels),
            values=(*before.values, *row.values),
            positions=_cells_joined(before.positions, row.positions),
        )
    return result


def _cells_joined(one: Positions, two: Positions) -> Positions:
    """The positions of two rows' cells on one line made one row's: each cell the one of
    the two that prints a value, where no two do; else none."""
    if len(one.cells) != len(two.cells) or any(
        a[0] and b[0] for a, b in zip(one.cells, two.cells, strict=True)
    ):
        return Positions()
    return one._replace(
        cells=tuple(a if a[0] else b for a, b in zip(one.cells, two.cells, strict=True))
    )


def _run(
    rows: Sequence[Row], at: int, matcher: LabelMatcher, trail: bool = True
) -> tuple[int, str, int]:
    """Where the run of rows from ``at`` whose own labels (their last) join into one row's
    label ends, and that label: each next row's label on the line after the one before,
    (or on the one after that, the line between empty: ``_next_line``),
    starting under the first (or centred under the piece before it: no wider, starting
    right of it within its width), its other labels ending left of it (a group label's
    pieces), and no numbering (which begins the next row's label). The longest join that
    is a row's label whole (the first label alone too: ``一、本年新收`` is one of its
    row's), where every join that is names the same row, or at the table's end the join of
    all that begins one row's label only (``matching.begun``: its last lines left out);
    ``(at, "", at)`` where none is. The third: where the rows of the label's own pieces end
    (the rows the run goes on over, below, are not). The
    run goes on over the rows right after whose labels all end left of the first and are
    pieces (a group label's, beside none of this one's: no label whole, no numbering) and
    that print values: the row's lines go on to the next row's label, and a cell centred
    in the row may stand below its label's last line (``（一）予以公开  39 … 74`` / ``果
    35 …``, the group label 三、本年度办理结果's last piece beside), or a number's rest
    under it (``1  1`` / ``结果  0  0``). A line of values under the run's own is the
    next row's where that row prints none on its label's lines (``_own_values``), its
    values printed above its label (Word's PDF: ``3.补正后申请内容仍不明确  0 … 0`` /
    ``年  0 … 0`` / ``1.信访举报投诉类申请``). ``trail``: whether the run goes on so."""
    row = rows[at]
    after = rows[at + 1].labels if at + 1 < len(rows) else ()
    if not row.labels or not after or not _next_line(after[-1][1], row.labels[-1][1], rows, at):
        return at, "", at  # the usual row: the next one's label is not on the line after its own
    text, line, column = row.labels[-1]
    pieces: list[str] = []
    lines = [line]
    before = text
    for other in rows[at + 1 : at + _MOST_LINES]:
        if not other.labels or not (
            _next_line(other.labels[-1][1], lines[-1], rows, at)
            or _across_values(other.labels[-1][1], lines[-1], rows, at)
        ):
            break
        piece, on, start = other.labels[-1]
        under = abs(start - column) <= _DRIFT or (
            column < start <= column + display_width(before)
            and display_width(piece) <= display_width(before)
        )
        if not under or numbered(piece) or not _left_of(other.labels[:-1], column):
            break
        pieces.append(piece)
        lines.append(on)
        before = piece
    if not pieces and not _trailing(rows[at + 1], line, column):
        return at, "", at  # no piece and no line of the row's below: matched no further
    found = [
        (many, joined)
        for many in range(len(pieces) + 1)
        if matcher.exact(joined := text + "".join(pieces[:many]))
    ]
    if (
        not found
        and at + 1 + len(pieces) == len(rows)
        and matcher.begun(whole := text + "".join(pieces))
    ):
        found = [(len(pieces), whole)]  # the label's last lines left out past the table's end
    if len({matcher.match(joined)[1] for _, joined in found}) > 1:
        found = [(many, joined) for many, joined in found if not matcher.misnumbered(joined)]
    if len({matcher.match(joined)[1] for _, joined in found}) != 1:
        return at, "", at
    many, joined = found[-1]
    end, last = at + 1 + many, lines[many]
    own = end
    taken = [cell for other in rows[at:end] for cell in other.values]
    while (
        trail
        and end < len(rows)
        and _trailing(rows[end], last, column)
        and not any(matcher.exact(word) or numbered(word) for word, _, _ in rows[end].labels)
        and (
            not any(_overlap(one, two) for one in rows[end].values for two in taken)
            or _own_values(rows, end + 1, matcher)
        )
    ):
        last = _last_line(rows[end])
        taken.extend(rows[end].values)
        end += 1
    return end, joined, own


def _across_values(line: int, above: int, rows: Sequence[Row], at: int) -> bool:
    """Whether a label piece on ``line`` stands two lines under one on ``above``, the line
    between printing values and no label (none of the rows from ``at`` on: ``的，  11`` /
    ``6  31 … 18`` / ``只计  1``, a tall row's values centred between its label's pieces).
    Its join to the pieces above is the run's only where it makes the label whole
    (``_run``): else those values are the next row's, printed above its label."""
    between = above + 1
    return line == between + 1 and not any(
        on == between for near in rows[at : at + _MOST_LINES] for _, on, _ in near.labels
    )


def _next_line(line: int, above: int, rows: Sequence[Row], at: int) -> bool:
    """Whether a label piece on ``line`` may go on one on ``above``: on the next line, or on
    the one after where the line between is empty (none of the rows from ``at`` on prints
    on it: a row's values may stand on a line of their own, Word's PDF printing them above
    the next row's label)."""
    if line == above + 1:
        return True
    between = above + 1
    return between < line <= above + _MOST_APART and not any(
        on == between
        for near in rows[at : at + _MOST_LINES]
        for _, on, _ in (*near.labels, *near.values)
    )


def _own_values(rows: Sequence[Row], at: int, matcher: LabelMatcher) -> bool:
    """Whether the row whose label starts at ``rows[at]`` prints values on its label's
    lines (its first, or those its pieces wrap over: ``_run``): the values of the line
    above it are then not its own, printed above its label."""
    if at >= len(rows) or not rows[at].labels:
        return False
    row = rows[at]
    if row.values and row.values[0][1] == row.labels[0][1]:
        return True
    end, _, _ = _run(rows, at, matcher, trail=False)
    return any(other.values for other in rows[at:end])


def _trailing(row: Row, last: int, column: int) -> bool:
    """Whether ``row`` may be a line of the row whose label's last line is ``last``, its
    label starting at ``column``: values beside labels on the next line, all left of it."""
    return (
        bool(row.values)
        and bool(row.labels)
        and row.labels[-1][1] == last + 1
        and _left_of(row.labels, column)
    )


def _overlap(one: Printed, two: Printed) -> bool:
    """Whether two printed texts overlap in column."""
    return one[2] < two[2] + len(two[0]) and two[2] < one[2] + len(one[0])


def _last_line(row: Row) -> int:
    """The last line ``row`` prints a label or value on."""
    return max(on for _, on, _ in (*row.labels, *row.values))


def _left_of(labels: Sequence[Printed], column: int) -> bool:
    """Whether ``labels`` all end left of ``column``."""
    return all(left + len(word) <= column for word, _, left in labels)


def _merged(
    rows: Sequence[Row],
    at: int,
    end: int,
    label: str,
    shape: tuple[int, Mapping[str, int] | None, bool],
    own_grids: tuple[int, _Grids],
    matcher: LabelMatcher,
) -> Row:
    """``rows[at:end]`` made one row labelled ``label``: its values gathered by column
    (``_by_column``) over the columns the table's grid shows near it on its values' page
    (``_extents``: never another page's, laid out on its own), the columns no line fills
    blank; where they do not place every value
    in one column (or no row near shows the columns: zeros printed blank), its values in
    column order with each number's wrapped pieces joined (``_in_order``), ``loose``, for
    the row's own rules to confirm or set aside; where that order is not sure either (or
    its values stand on two pages), none: the row's cells are missing (``row-missing``),
    never read off one of its lines alone. ``shape``: the section's columns, and where
    it has no rules (section 二) the cells of each of its rows (``spanned``): then a row
    not placed by column keeps its values in line order, ``stacked``, which no rule
    confirms: its cells missing (``values-unplaced``), not read off its lines apart
    (``政府集  10  0.1394`` / ``中采购  0``: 10 for 100; a value on the label's second line
    standing in no column claimed blank); unless each value stands beside a piece of the
    row's own label and in a column of its own (``_in_columns``: ``事业  14`` / ``性收
    0``), no count wrapped: its values then in that order, placed by their count.
    ``own``: where the rows of the label's own pieces end (``_run``); ``matcher`` names
    the row ``label`` is. A row of section 二 with fewer cells than the columns found near
    it (another sub-table's: 行政事业性收费's two under 行政处罚's three) that puts a value
    past its own cells keeps its values in column order but no positions: they do not show
    its blank cells. Where those columns place it nowhere, or past its cells, the grids
    of its own width near it do (政府集中采购's two, ``政府集  6`` / ``中采购     —``), but
    join no count's pieces in a row of two cells or more: a sub-table's few lines do not
    tell a count's rest from a second count (``事业  14`` / ``性收  4``); a row of one
    cell prints one count (``行政许  52`` / ``可  7件``). A run of section 二, and in
    section 三 one with a line whose values the two measures place apart
    (``Positions.unsure``), is placed only by the columns of rows of its page under its own
    sub-table's header or one aligned with it (``_kin``): those of other rows near it may be
    another sub-table's (a browser's narrow PDF: ``其他对 52`` / ``外管理 15`` under ``上一
    本年 处理``, 15 read as 本年增/减 by 行政处罚's columns; 行政事业性收费's two columns on a
    grid of three, or 规章's ``5 278 24`` pushed right under a packed header); in section
    三, whose rules read a run in doubt otherwise, by none. A run of section 二 whose
    columns join two pieces while a cell of its own stays blank is not placed by them:
    the lower piece may be the count's rest or that cell's value, pushed left (``行政 435
    7`` / ``规范   1``: 435, 1 and 7, not 4351 and 7); nor, under a packed header
    (``shape``'s last), one a value of which its header's words put in another column
    (``_under_other_words``)."""
    width, alone, packed = shape
    own, grids = own_grids
    anchors = grids.anchors
    run = rows[at:end]
    first = run[0]
    _, line, column = first.labels[-1]
    labels = (*first.labels[:-1], (label[:MAX_CELL_CHARS], line, column))
    values = [cell for row in run for cell in row.values]
    # the page (and part of it) the run's values stand on: poppler lays out each on its own
    pages = {(row.page, row.part) for row in run if row.values}
    page = next(iter(pages)) if len(pages) == 1 else None
    own_cells = alone.get(matcher.match(label)[1] or "", width) if alone is not None else width
    doubt = any(row.positions.unsure for row in run)
    # section 三's rules read a run in doubt otherwise
    sure = len(pages) == 1 and not (doubt and alone is None)
    kin = _kin(rows, at, width) if (doubt or alone is not None) and sure else None
    pieces = {row.labels[-1][1] for row in rows[at:own]}
    beside = pieces if alone is not None else None
    # section 二, with no rules to place a pushed value, is read by its offsets as before
    spans = _extents(grids, at, width, kin, page, skip=alone is None) if sure else None
    pushed = frozenset(
        cell for row in run for cell in (pushed_values(row) if alone is None else ())
    )
    if pushed:
        spans = _extents(grids, at, width, kin, page, skip=True)
        found = _around_pushed(
            first, labels, values, pushed, spans or [], own_cells, (beside, anchors)
        )
        if found is not None:
            return found
    placed = _by_column(values, spans, first.line, beside, anchors) if spans else None
    if (
        (placed is None or _past(placed[0], own_cells))
        and sure
        and own_cells < width
        and not pushed
    ):
        narrow = _extents(grids, at, own_cells, kin, page)
        own_placed = _by_column(values, narrow, first.line, beside, anchors) if narrow else None
        if own_placed is not None and (own_cells == 1 or not own_placed[1]):
            placed = own_placed  # pieces joined by the section's columns, or in a row's one
    if placed is not None and alone is not None and placed[1] and _blank(placed[0], own_cells):
        placed = None  # a count's rest, or a value of its own in the row's blank cell
    if (
        placed is not None
        and packed
        and _under_other_words(placed[0], _headers(rows)[at], run, own_cells)
    ):
        placed = None  # the header's words name another column than the rows' offsets
    if (
        placed is None
        and alone is not None
        and len(pages) == 1
        and all(on in pieces for _, on, _ in values)
        and _in_columns(values, run, anchors)
    ):
        # every value beside its own label and in a column of its own, in line order
        return first._replace(
            labels=labels,
            values=tuple(values),
            loose=False,
            stacked=False,
            positions=Positions(),
            gaps=True,
        )
    fitted = _by_fits(run, width) if placed is None and alone is None else None
    if fitted is not None:
        return first._replace(
            labels=labels, values=fitted[0], loose=False, stacked=False, positions=fitted[1]
        )
    if placed is None:
        # section 二's pieces, which no rule could confirm, stay apart: its cells missing
        ordered = (
            tuple(values)
            if alone is not None
            else _in_order(values, run)
            if len(pages) == 1
            else None
        )
        return first._replace(
            labels=labels,
            values=ordered or (),
            loose=True,
            stacked=True,
            positions=Positions(),
            gaps=True,
        )
    cells, wrapped = placed
    past = _past(cells, own_cells)
    return first._replace(
        labels=labels,
        values=tuple(cell for cell in cells if cell[0]),
        loose=wrapped and alone is None,  # section 二's pieces joined beside its own label alone
        stacked=False,
        positions=Positions() if past else Positions(cells),
        gaps=True,
    )


def _under_other_words(
    cells: Sequence[Printed], header: Header, run: Sequence[Row], own_cells: int
) -> bool:
    """Whether a value of ``cells`` (a column each) that its line's order does not place
    (a line printing fewer than the row's ``own_cells`` values) stands under another
    column's word and not its own on a line of ``header`` naming one word a column right of
    ``run``'s label pieces, one space apart: the run of words a browser's narrow header
    prints beside its label column's word (a wide value may stand under two such words,
    one its own). A line whose words stand wider apart is laid out by columns, as the rows
    are, and no value is weighed against it."""
    counts = Counter(on for row in run for _, on, _ in row.values)
    labels_end = max(column + len(text) for row in run for text, _, column in row.labels)
    placed = [
        (at, cell) for at, cell in enumerate(cells) if cell[0] and counts[cell[1]] < own_cells
    ]
    for line in header:
        words = [word for word in line if word[2] >= labels_end]
        if len(words) != len(cells) or not _one_space_apart(words):
            continue
        for at, cell in placed:
            under = {other for other, word in enumerate(words) if _overlap(cell, word)}
            if under and at not in under:
                return True
    return False


def _one_space_apart(words: Sequence[Printed]) -> bool:
    """Whether each of ``words`` (of one line) stands one space after the one before."""
    return all(
        after == start + len(text) + 1 for (text, _, start), (_, _, after) in pairwise(words)
    )


def _blank(cells: Sequence[Printed], own: int) -> bool:
    """Whether one of the first ``own`` ``cells`` (a row's own) holds no value."""
    return any(not text for text, _, _ in cells[:own])


def _past(cells: Sequence[Printed], own: int) -> bool:
    """Whether ``cells`` hold a value past the first ``own`` (a row's own cells)."""
    return any(text for text, _, _ in cells[own:])


def _around_pushed(
    first: Row,
    labels: tuple[Printed, ...],
    values: Sequence[Printed],
    pushed: frozenset[Printed],
    spans: Sequence[Span],
    own_cells: int,
    by_column: tuple[set[int] | None, Mapping[Printed, tuple[int, int]]],
) -> Row | None:
    """The row of ``first``'s run (``_merged``), where some of its ``values`` are
    ``pushed`` against their labels: the others placed by column (``_by_column`` over
    ``spans``), each pushed one in any column (``Positions.fits``) left free between
    those of the placed values printed left and right of it, the row's values in that
    order. A pushed value's pieces stacked digits under digits are one number wrapped in
    its cell (``_stacks``: ``一、本年新收政府 151`` / ``信息公开申请数量 1`` for 1511), and
    the row is then ``loose`` where the section has rules to confirm it (``by_column``'s
    first is ``None``). A row printing every one of its ``own_cells`` on one line needs no
    column (``行政 361 -1 523`` / ``许可 项 4件``); a pushed value that may share a column
    with a value on another line (their order unknown), or placed values that do not
    place, leave the values in line order, ``loose`` and ``stacked``: no rule-less reading
    of them. ``None`` where the row needs columns and ``spans`` are none."""
    beside, anchors = by_column
    width = len(spans)
    # under a pushed value, the pieces of its number wrapped in its cell (with ``beside``,
    # the lines of a rule-less row's own label pieces, only on them)
    stacks = _stacks(
        sorted(values, key=itemgetter(1, 2)),
        lambda stack: (
            stack[0] in pushed
            and _wrapped(stack)
            and (beside is None or _beside_own(stack, beside))
        ),
    )
    if stacks is None:
        return first._replace(
            labels=labels, values=tuple(values), loose=True, stacked=True, positions=Positions()
        )
    own = [stack for stack in stacks if stack[0] in pushed]
    tops = [("".join(text for text, _, _ in stack), stack[0][1], stack[0][2]) for stack in own]
    others = [stack[0] for stack in stacks if stack[0] not in pushed]
    joined = any(len(stack) > 1 for stack in own) and beside is None
    if len(tops) + len(others) == own_cells and len({on for _, on, _ in (*tops, *others)}) == 1:
        return first._replace(
            labels=labels,
            values=tuple(sorted((*tops, *others), key=itemgetter(2))),
            loose=joined,
            stacked=False,
            positions=Positions(),
        )
    if not spans:
        return None
    others = [cell for cell in values if not any(cell in stack for stack in own)]
    placed = _by_column(others, spans, first.line, beside, anchors) if others else ((), False)
    if placed is None:
        return first._replace(
            labels=labels, values=tuple(values), loose=True, stacked=True, positions=Positions()
        )
    at_column = {cell: at for at, cell in enumerate(placed[0]) if cell[0]}
    order = sorted([*at_column, *tops], key=lambda cell: (cell[2], cell[1]))
    fits: list[tuple[int, ...]] = []
    for index, cell in enumerate(order):
        if cell in at_column:
            fits.append((at_column[cell],))
            continue
        left = max((at_column[c] for c in order[:index] if c in at_column), default=-1)
        right = min((at_column[c] for c in order[index + 1 :] if c in at_column), default=width)
        fits.append(tuple(c for c in range(left + 1, right) if c not in at_column.values()))
    if not all(fits) or any(
        one[1] != two[1] and set(a) & set(b)
        for (one, a), (two, b) in combinations(zip(order, fits, strict=True), 2)
    ):
        return first._replace(
            labels=labels, values=tuple(values), loose=True, stacked=True, positions=Positions()
        )
    joined = joined or (placed[1] and beside is None)
    return first._replace(
        labels=labels,
        values=tuple(order),
        loose=joined,
        stacked=False,
        positions=Positions(fits=tuple(fits), columns=width),
        gaps=True,
    )


def _by_fits(run: Sequence[Row], width: int) -> tuple[tuple[Printed, ...], Positions] | None:
    """The values of ``run``'s lines in column order, with the column of the table's
    ``width`` each stands in (``Positions.fits``), where the layout placed each line's
    values in one column each (``Positions.placed``: a tall row's line, which shows no
    blank cell of its own; or ``Positions.fits`` of one column) and no two values stand in
    one column: the columns none fills are blank, or hold a value printed on no line of the
    run. ``None`` otherwise (a number wrapped in its narrow cell, a value two columns fit,
    a line placed otherwise or in the other measure's columns too)."""
    placed: list[tuple[int, Printed]] = []
    for row in (row for row in run if row.values):
        positions = row.positions
        columns = positions.placed or tuple(fit[0] for fit in positions.fits if len(fit) == 1)
        if positions.columns != width or positions.unsure or len(columns) != len(row.values):
            return None
        placed.extend(zip(columns, row.values, strict=True))
    placed.sort()
    if len({column for column, _ in placed}) != len(placed):
        return None
    return (
        tuple(cell for _, cell in placed),
        Positions(fits=tuple((column,) for column, _ in placed), columns=width),
    )


def _in_columns(
    values: Sequence[Printed], run: Sequence[Row], anchors: Mapping[Printed, tuple[int, int]]
) -> bool:
    """Whether ``values`` (of the rows of ``run``, in line order) stand each in a column of
    its own, in that order: each on a later line than another starts right of where that
    one ends, the two ``apart``, or right of that one's unit printed on its line
    (``anchors``: ``_units_under``)."""
    labels = [label for row in run for label in row.labels]
    return all(
        later[1] == earlier[1]
        or (
            later[2] > earlier[2]
            and (apart(earlier, later, labels) or _after_unit(earlier, later, anchors))
        )
        for at, later in enumerate(values)
        for earlier in values[:at]
    )


def _after_unit(
    earlier: Printed, later: Printed, anchors: Mapping[Printed, tuple[int, int]]
) -> bool:
    """Whether ``later`` stands right of ``earlier``'s unit printed on its line."""
    unit = anchors.get(earlier)
    return unit is not None and unit[0] == later[1] and unit[1] < later[2]


def apart(one: Printed, two: Printed, labels: Sequence[Printed]) -> bool:
    """Whether ``one`` and ``two``, values on two lines, stand in two columns, neither a
    piece of a count wrapped under the other: ``pdftotext -layout`` starts a line's text
    where the glyphs left of it end (``proactive._jostled``), so only where the labels
    left of each (of ``labels``, those printed) are alike (where they start, how many
    characters and how wide) do their columns compare; a count's rest then stands within
    a character of its first piece's extent, and these stand three or more apart
    (``事业  27`` / ``性收      0``)."""
    if _left_of_it(one, labels) != _left_of_it(two, labels):
        return False
    return two[2] >= one[2] + len(one[0]) + _APART or one[2] >= two[2] + len(two[0]) + _APART


def _left_of_it(value: Printed, labels: Sequence[Printed]) -> list[tuple[int, int, int]]:
    """Where the labels left of ``value`` on its line start, and their characters and
    display widths."""
    _, line, column = value
    return sorted(
        (start, len(text), display_width(text))
        for text, on, start in labels
        if on == line and start < column
    )


class _Grids:
    """The grids of a table's rows (``_grid``), kept for every run ``_extents`` measures
    among them: each cell's extent (where it starts, and ends past its digits: ``anchors``,
    the values a unit printed below joins, stand where their digits do), ``None`` for a
    value pushed against its label (``pushed_values``) where asked, which gives its column
    no extent."""

    def __init__(self, rows: Sequence[Row], anchors: Mapping[Printed, tuple[int, int]]):
        self.rows = rows
        self.anchors = anchors
        self._kept: dict[
            tuple[int, frozenset[int] | None, tuple[int, int] | None, bool], list[_Extents]
        ] = {}

    def near(
        self,
        at: int,
        width: int,
        kin: frozenset[int] | None,
        page: tuple[int, int] | None,
        skip: bool,
    ) -> list[_Extents]:
        """The grids of ``width`` columns of the rows (of ``kin`` alone where given) on
        ``page``, nearest to ``rows[at]`` first, the nearer above where two stand as far."""
        key = (width, kin, page, skip)
        grids = self._kept.get(key)
        if grids is None:
            grids = self._kept[key] = [
                (row.line, self._extents(cells, pushed_values(row) if skip else frozenset()))
                for index, row in enumerate(self.rows)
                if (kin is None or index in kin)
                and (row.page, row.part) == page
                and (cells := _grid(row, width))
            ]
        line = self.rows[at].line
        return sorted(grids, key=lambda grid: abs(grid[0] - line))

    def _extents(self, cells: Sequence[Printed], pushed: Set[Printed]) -> tuple[Span | None, ...]:
        """Each of ``cells``' extent, ``None`` for one of ``pushed``."""
        anchors = self.anchors
        return tuple(
            None
            if cell in pushed
            else (cell[2], cell[2] + max(len(cell[0]) - (cell in anchors), 1))
            for cell in cells
        )


#: A row's line and its grid's extents (``_Grids``).
_Extents = tuple[int, tuple[Span | None, ...]]


def _extents(
    grids: _Grids,
    at: int,
    width: int,
    kin: frozenset[int] | None,
    page: tuple[int, int] | None,
    *,
    skip: bool = False,
) -> list[Span] | None:
    """The extent of each of the ``width`` columns, from the grids of the rows nearest to
    ``rows[at]`` (``_Grids``; of the rows of ``kin`` alone where given) on ``page`` (the
    ``Row.page`` and ``Row.part`` the run's values stand on; none where two), taken
    nearest first while the columns stay apart: a page of the table further off may indent
    its columns otherwise. poppler lays out each page of a PDF on its own, each at its own
    offset and stretch (docs/layouts.md), so another page's columns say nothing of where
    this one's stand (``息  38`` under 其他 on the header's page is 总计 on its own; past a
    break that moves the columns three right, ``2.没有  41  39  99`` puts 自然人's 41 under
    商业企业 of the header's page). ``None`` where no row near has such a grid. With
    ``skip``, a value pushed against its label (``pushed_values``) stands at no offset of
    its column, and gives it no extent."""
    spans: list[Span] | None = None
    for _, extents in grids.near(at, width, kin, page, skip):
        wider = [
            span if extent is None else (min(extent[0], span[0]), max(extent[1], span[1]))
            for extent, span in zip(extents, spans or [_UNKNOWN] * width, strict=True)
        ]
        known = [span for span in wider if span != _UNKNOWN]
        if not known or any(hi >= lo for (_, hi), (lo, _) in pairwise(known)):
            break
        spans = wider
    return spans


def _kin(rows: Sequence[Row], at: int, width: int) -> frozenset[int]:
    """The indices of the rows of ``rows[at]``'s page whose columns are its own: those
    under its sub-table's header (``_headers``), or under another's that prints a line of
    more than ``width`` words starting where a line of its own does (``上一`` / ``信息 年项
    本年 处理`` and ``本年`` / ``内容 制作 开数 总数``: the same columns, each named)."""
    heads = [_starts(head) for head in _headers(rows)]
    own = heads[at]
    page = rows[at].page
    return frozenset(
        index
        for index, row in enumerate(rows)
        if row.page == page and (heads[index] == own or _aligned(heads[index], own, width))
    )


def _starts(header: Header) -> tuple[tuple[int, ...], ...]:
    """Where the words of each of ``header``'s lines start."""
    return tuple(tuple(column for _, _, column in line) for line in header)


def _aligned(
    one: tuple[tuple[int, ...], ...], two: tuple[tuple[int, ...], ...], width: int
) -> bool:
    """Whether a line of ``one`` of more than ``width`` words starts them where a line of
    ``two`` does."""
    starts = {line for line in one if len(line) > width}
    return any(line in starts for line in two if len(line) > width)


def _headers(rows: Sequence[Row]) -> list[Header]:
    """For each of ``rows``, the header it stands under: the words of each line of the
    last run of rows of two labels or more and no value before it (a sub-table's header
    lines; a row of one label between them goes on the run, a row of values ends it)."""
    found: list[Header] = []
    current: Header = ()
    open_run = False
    for row in rows:
        if not row.values and len(row.labels) > 1:
            current = (*current, row.labels) if open_run else (row.labels,)
            open_run = True
        elif row.values:
            open_run = False
        found.append(current)
    return found


def _grid(row: Row, width: int) -> tuple[Printed, ...]:
    """``row``'s cells where they show the table's ``width`` columns: its grid
    (``Positions.cells``, blank cells at their column), or its ``width`` values on its one
    line; else none."""
    if not row.values:
        return ()
    if len(row.positions.cells) == width and not row.positions.unsure:
        return row.positions.cells
    if len(row.values) == width and len({on for _, on, _ in row.values}) == 1:
        return row.values
    return ()


def _by_column(
    values: Sequence[Printed],
    spans: Sequence[Span],
    line: int,
    alone: set[int] | None,
    anchors: Mapping[Printed, tuple[int, int]],
) -> tuple[tuple[Printed, ...], bool] | None:
    """The cells ``values`` fill, one a column of ``spans`` (``("", line, column)`` where
    none stands), and whether a number was joined from pieces: each value overlaps exactly
    one column's extent (within ``_SLACK``), and the pieces in one column are one number
    wrapped in its narrow cell, digits under digits, the top first (``_wrapped``). ``None``
    where a value stands in no column or in two, or a column's pieces are no number.
    ``alone``: the section has no rules to confirm a joined number (section 二), and the
    lines the row's own label pieces stand on: two pieces in one column may be a wrapped
    count, or a count over the next row's printed above its label (Word's PDF), so they
    are joined only where each stands beside a piece of the row's own label, on its
    consecutive lines (``行政  0  269`` / ``许可  8``, ``行政  0  0  10`` / ``规范  0``):
    the next row's lines start below them. ``anchors``: the values a unit printed on the
    line below joins (``_units_under``), which stand where their digits do."""
    columns: list[list[Printed]] = [[] for _ in spans]
    for cell in values:
        hit = _hits(cell, spans, anchors)
        wide = len(cell[0]) - (cell in anchors)
        if len(hit) != 1 or not _inside(cell[2], wide, spans, hit[0]):
            return None
        columns[hit[0]].append(cell)
    cells: list[Printed] = []
    joined = False
    for pieces, (lo, _) in zip(columns, spans, strict=True):
        if not pieces:
            cells.append(("", line, 0 if lo == _UNKNOWN[0] else lo))
            continue
        pieces.sort(key=itemgetter(1, 2))
        if len(pieces) > 1 and not _wrapped(pieces):
            return None
        if len(pieces) > 1 and alone is not None and not _beside_own(pieces, alone):
            return None
        joined = joined or len(pieces) > 1
        top = pieces[0]
        cells.append(("".join(text for text, _, _ in pieces), top[1], top[2]))
    return tuple(cells), joined


def _inside(start: int, wide: int, spans: Sequence[Span], at: int) -> bool:
    """Whether a value from ``start``, ``wide`` characters, is column ``at``'s of ``spans``
    (the one it overlaps within ``_SLACK``): it overlaps that column's extent, or stands in
    the gap past it no nearer to the other side's column than ``_SLACK`` further. A value
    in a gap a character or two wide, touching neither extent (``3`` at 22 and ``4`` at 25
    on one line, ``1`` at 23 on another: right-aligned counts beside left-aligned ones),
    may be either column's."""
    lo, hi = spans[at]
    if start < hi and start + wide > lo:
        return True
    near = [
        other
        for other, (left, right) in enumerate(spans)
        if start < right + 2 * _SLACK and start + wide > left - 2 * _SLACK
    ]
    return near == [at]


def _stacks(
    cells: Sequence[Printed], joins: Callable[[list[Printed]], bool]
) -> list[list[Printed]] | None:
    """``cells`` (in line order) in stacks, each a value and the pieces of its number
    wrapped under it, top first: a cell goes onto the stack it ``joins`` (given the stack
    with the cell on it); ``None`` where a piece may go under two."""
    stacks: list[list[Printed]] = []
    for cell in cells:
        onto = [stack for stack in stacks if joins([*stack, cell])]
        if len(onto) > 1:
            return None
        if onto:
            onto[0].append(cell)
        else:
            stacks.append([cell])
    return stacks


def _hits(
    cell: Printed, spans: Sequence[Span], anchors: Mapping[Printed, tuple[int, int]]
) -> list[int]:
    """The columns of ``spans`` whose extent ``cell`` overlaps (within ``_SLACK``); a value
    a unit printed below joins (``anchors``) stands where its digits do."""
    text, _, start = cell
    wide = len(text) - (cell in anchors)
    return [
        at
        for at, (lo, hi) in enumerate(spans)
        if (lo, hi) != _UNKNOWN and start < hi + _SLACK and start + wide > lo - _SLACK
    ]


def _beside_own(pieces: Sequence[Printed], lines: set[int]) -> bool:
    """Whether ``pieces`` (of one column, top first) stand on consecutive ``lines`` (those
    of a row's own label pieces)."""
    return all(on in lines for _, on, _ in pieces) and all(
        below == above + 1 for (_, above, _), (_, below, _) in pairwise(pieces)
    )


def _in_order(values: Sequence[Printed], run: Sequence[Row]) -> tuple[Printed, ...] | None:
    """``values`` (of the rows of ``run``, on several lines) in column order, the pieces of
    each number wrapped under itself joined (``_wrapped``: digits under digits, the top
    first), where that order is the same in characters (``pdftotext -layout``) and in
    display columns (the wide characters of the labels left of each value on its line
    counted twice); ``None`` where it is not, or a piece may join two numbers."""
    stacks = _stacks(sorted(values, key=itemgetter(1, 2)), _wrapped)
    if stacks is None:
        return None
    tops = sorted(stacks, key=lambda stack: stack[0][2])
    shown = sorted(stacks, key=lambda stack: stack[0][2] + _wide_before(run, stack[0]))
    if tops != shown:
        return None
    return tuple(
        ("".join(text for text, _, _ in stack), stack[0][1], stack[0][2]) for stack in tops
    )


def _wide_before(run: Sequence[Row], cell: Printed) -> int:
    """How many wide characters the labels of ``run`` print left of ``cell`` on its line."""
    _, line, column = cell
    return sum(
        display_width(text) - len(text)
        for row in run
        for text, on, start in row.labels
        if on == line and start < column
    )


def _wrapped(pieces: Sequence[Printed]) -> bool:
    """Whether ``pieces`` (of one column, top first) are one number wrapped in its cell:
    all digits, the last with its count's unit or not (``645`` / ``8件``), each on one of
    the two lines under the one before (a line of the row's other values may stand
    between), its digits under the first's and no wider."""
    (top, _, start), *rest = pieces
    end = start + len(top)
    last = len(pieces) - 2
    return top.isdigit() and all(
        (digits := _count_digits(text, at == last)).isdigit()
        and above < on <= above + 2
        and start <= column
        and column + len(digits) <= end
        for at, ((text, on, column), (_, above, _)) in enumerate(zip(rest, pieces, strict=False))
    )


def _count_digits(text: str, last: bool) -> str:
    """``text`` without the count's unit it ends in, where it is a number's ``last`` piece."""
    return text[:-1] if last and text[-1:] in COUNT_UNITS else text
