"""A table's values read by blocks: the order a PDF's text flow gives the cells of a ruled
table (``pdftotext`` plain of a Word or WPS PDF), read back where the rules leave one way.

pdftotext without ``-layout`` writes a page as blocks of text: a cell is a block, cells
side by side on one text line may join one, and blocks go out column by column within a
band of rows that share text lines. So the values of a table come out in row order by
bands: a band of rows is read row by row or column by column, or cut once into a left and
a right part (the first columns of a band of tall rows, then the rest), each part read
row by row or column by column, the right one in smaller bands. Which bands the text
used is not written anywhere; every way of cutting the rows into such bands is tried
(``by_blocks``), and a row is read where every way that makes all of the section's rules
hold gives it the same values. Values and labels of other rows never interleave in a
way this misses without the count or the rules showing it: a value too many or too few
leaves no reading at all.

The cells of one column in a band are one block of the flow: its lines one under another,
then an empty line (``11`` / ``3``). A value alone between empty lines or other text is a
block of its own (LibreOffice's tall rows after a page break: each row's values a block
each, row by row). So an order that reads a cell right after the one above it is taken
only where the text prints the two on consecutive lines, on one, or with only lines of the
table's labels between them (``apart``: else). A browser's PDF of a narrow table prints the
label column and the first column on the same text lines, one block: each row's wrapped
label with its first value beside a piece (``2.重`` / ``复申 0`` / ``请`` / ``3.要`` /
``求提`` / ``供公 0``), no empty line between.

A cell printed "not given" (``—``, ``/``, ``无``) is a value of the flow too. Its number is
the one its row's rule gives it (a row of 三: its 总计 less the other cells, or their sum),
never below 0, where it is the row's only such cell; otherwise the rules through it are
not checked, and a reading through them ends like any other. Either way the cell is read
as printed, a blank.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterator, Sequence
from functools import cache
from itertools import chain, compress, pairwise, product, repeat
from operator import add, itemgetter

from ..catalogue import Template
from ..cells import not_given
from ..diagnostics import diagnostic
from ..memo import weighed
from ..structure.layouts import Printed
from ..structure.skeleton import SECTION_NAMES
from .reading import Draft, Reading
from .rules import Rule
from .sections import SECTIONS, section_rule_set

#: The most rows a band read column by column holds: a band is the rows that share a text
#: line, at most a page's group of tall rows.
MAX_BAND = 6
#: The most rows a band cut into a left and a right part holds: a page's rows, whose first
#: columns go with the labels' flow and whose last columns come as blocks of their own.
MAX_CUT_BAND = 9
#: The most distinct partial sums the search keeps at one row boundary, and the most steps
#: (a band's filling added to a partial sum) it takes: beyond, the values leave too many
#: readings open to single one out, and none is kept.
MAX_STATES = 4096
MAX_STEPS = 50_000

#: A cell printed "not given" among the numbers searched.
BLANK = -1
#: What a rule across rows takes from a cell whose number no rule of its row gives: far
#: above any partial sum of counts, so that a rule holding it is not checked (``_held``).
_UNCHECKED = 1 << 80

#: An order of a band's cells: the position in the band (row * width + column) of each of
#: its values in the order printed.
Order = tuple[int, ...]


def by_blocks(
    template: Template,
    section: str,
    values: Sequence[Printed],
    worded: Collection[int] = frozenset(),
) -> Reading | None:
    """The reading of ``section`` from its ``values`` in the order printed, taken as the
    cells of its rows in bands (see the module docstring), if every row of the section has
    the same width and the values are whole numbers or "not given" (a blank, ``—``), as
    many as its cells; ``worded``: the lines that print the table's labels (values with
    only such lines between them are one block). A row is given
    where every way of reading the bands that makes every rule of the section hold gives
    it the same values; the other rows are missing, each said so. ``None`` where no way
    makes the rules hold (or too many stay open)."""
    rows = [cells for (name, _), cells in template.rows.items() if name == section]
    width = len(rows[0]) if rows else 0
    if not width or any(len(cells) != width for cells in rows) or len(values) != width * len(rows):
        return None
    texts = [text for text, _, _ in values]
    if not all((text.isascii() and text.isdigit()) or not_given(text) for text in texts):
        return None
    numbers = tuple(int(text) if text.isascii() and text.isdigit() else BLANK for text in texts)
    apart = _apart(values, worded)
    found = _readings(tuple(rows), section_rule_set(template.name, section).rules, numbers, apart)
    if found is None:
        return None
    draft = Draft(section)
    open_rows = []
    for at, cells in enumerate(rows):
        taken = found[at]
        if taken is None:
            open_rows.append(at)
            draft.close(cells)
        else:
            draft.give(cells, [values[index] for index in taken], None)
    if len(open_rows) == len(rows):
        return None
    draft.find(
        diagnostic(
            "table-read-in-blocks",
            f"section {SECTION_NAMES[SECTIONS[section].NUMBER]}: its {len(values)} values come "
            "out of order (a PDF's text flow gives a table's rows in bands, each row by row, "
            "column by column or cut into a left and a right part); "
            f"{len(rows) - len(open_rows)} of its "
            f"{len(rows)} rows take the same values in every reading by bands that makes "
            "every rule of the section hold, and are read so"
            + (
                f"; {len(open_rows)} rows are left missing (the readings differ)"
                if open_rows
                else ""
            ),
            values[0][1],
            1,
            tuple(template.fields[cell].key for at in open_rows for cell in rows[at]),
        )
    )
    return draft.freeze()


def _apart(values: Sequence[Printed], worded: Collection[int]) -> tuple[bool, ...]:
    """For each two values in a row of ``values``, whether a line between them prints no
    label (none of ``worded``): the labelled lines between them, counted by bisection, are
    fewer than the lines between them (a table's values are a few dozen, their labels'
    lines a few hundred)."""
    labelled = sorted(worded)
    return tuple(
        after[1] - before[1] - 1
        > bisect_left(labelled, after[1]) - bisect_right(labelled, before[1])
        for before, after in pairwise(values)
    )


@weighed(lambda found, rows, rules, numbers, apart: len(numbers))
def _readings(
    rows: tuple[tuple[int, ...], ...],
    rules: tuple[Rule, ...],
    numbers: tuple[int, ...],
    apart: tuple[bool, ...],
) -> tuple[tuple[int, ...] | None, ...] | None:
    """``_Grid.readings`` of ``numbers`` (each ``apart`` from the next or not) in ``rows``
    held by ``rules``, kept per values: a text read by blocks again and again (each pick of
    a section's spilled values, each layout) searches once."""
    return _grid(rows, rules).readings(numbers, apart)


@cache
def _grid(rows: tuple[tuple[int, ...], ...], rules: tuple[Rule, ...]) -> _Grid:
    """The ``_Grid`` of ``rows`` held by ``rules``, made once: it keeps its last search, which
    the next one of values alike up to a row takes on from (a section's own values with
    each pick of its spilled ones)."""
    return _Grid(rows, rules)


class _Grid:
    """A section's rows and rules, searched for the readings by bands of a value sequence.

    A rule within one row is checked on each band as it is filled; a rule across rows is
    carried as a partial sum (``left − right``) from band to band, and must be 0 once the
    band holding its last row is filled."""

    def __init__(self, rows: Sequence[Sequence[int]], rules: Sequence[Rule]) -> None:
        self.width = len(rows[0])
        self.count = len(rows)
        where = {
            cell: (at, column) for at, cells in enumerate(rows) for column, cell in enumerate(cells)
        }
        #: per row, each rule within it as the columns of its two sides
        self.local: list[tuple[_Local, ...]] = [() for _ in rows]
        across: list[Rule] = []
        for rule in rules:
            held = {where[cell][0] for cell in rule.cells}
            if len(held) == 1:
                at = held.pop()
                self.local[at] += (
                    (
                        tuple(where[c][1] for c in rule.left),
                        tuple(where[c][1] for c in rule.right),
                    ),
                )
            else:
                across.append(rule)
        #: per row, per column: (rule index, +1 or -1) of each rule across rows on the cell
        self.terms: list[list[list[tuple[int, int]]]] = [
            [[] for _ in range(self.width)] for _ in rows
        ]
        self.closing: list[list[int]] = [[] for _ in rows]  # rules whose last row it is
        for index, rule in enumerate(across):
            for sign, side in ((1, rule.left), (-1, rule.right)):
                for cell in side:
                    at, column = where[cell]
                    self.terms[at][column].append((index, sign))
            self.closing[max(where[cell][0] for cell in rule.cells)].append(index)
        self.across = len(across)
        #: the last search that ran to its end: its values, partial sums reached at each row
        #: boundary and steps taken by the bands ending at each
        self.last: tuple[tuple[int, ...], tuple[bool, ...], list[_Reach], list[int]] = (
            (),
            (),
            [],
            [],
        )
        #: whether each value of the search is apart from the next (``readings``)
        self.apart: tuple[bool, ...] = ()

    def readings(
        self, numbers: Sequence[int], apart: Sequence[bool] = ()
    ) -> tuple[tuple[int, ...] | None, ...] | None:
        """For each row, the indices into ``numbers`` of its values where every reading by
        bands that makes the rules hold gives it the same values (``None`` where they
        differ); ``None`` where no reading does, or the search outgrows ``MAX_STATES`` or
        ``MAX_STEPS``. A search that cannot end with one is refused first (``_finishes``).
        ``apart``: whether each value is apart from the next (see the module docstring;
        none where not given)."""
        self.apart = tuple(apart)
        return self._searched(numbers) if self._finishes(numbers) else None

    def _searched(self, numbers: Sequence[int]) -> tuple[tuple[int, ...] | None, ...] | None:
        """``readings``, found by filling the bands forward from each row boundary the
        search reaches, carrying the rules across rows as partial sums."""
        width, count = self.width, self.count
        reach, ended, same = self._resumed(numbers)
        steps = sum(ended)
        blanks = BLANK in numbers
        for at in range(count):
            if not reach[at]:
                continue
            for height in range(1, min(MAX_CUT_BAND, count - at) + 1):
                if at + height <= same:
                    continue
                fills = self._fills(numbers, at, height)
                steps += len(fills) * len(reach[at])
                ended[at + height] += len(fills) * len(reach[at])
                if steps > MAX_STEPS:
                    return None
                moves = [(taken, self._sums(numbers, at, taken)) for taken in fills]
                closing = [index for row in range(at, at + height) for index in self.closing[row]]
                for state in reach[at]:
                    for taken, sums in moves:
                        moved = tuple(map(add, state, sums))
                        if not any(map(moved.__getitem__, closing)) or (
                            blanks and _held(moved, closing)
                        ):
                            reach[at + height].setdefault(moved, []).append((at, state, taken))
                if len(reach[at + height]) > MAX_STATES:
                    return None
        self.last = (tuple(numbers), self.apart, reach, ended)
        if not reach[count]:
            return None
        # Every partial sum reaching the end held each rule as its last row closed it: 0,
        # or not checked (a blank no rule of its row gives a number), which ends as it is.
        alive: list[set[tuple[int, ...]]] = [set() for _ in range(count + 1)]
        alive[count].update(reach[count])
        seen: list[set[tuple[int, ...]]] = [set() for _ in range(count)]
        chosen: list[tuple[int, ...] | None] = [None] * count
        for end in range(count, 0, -1):
            for state in alive[end]:
                for at, before, taken in reach[end].get(state, ()):
                    alive[at].add(before)
                    for row in range(at, end):
                        picked = taken[(row - at) * width : (row - at + 1) * width]
                        seen[row].add(tuple(numbers[index] for index in picked))
                        chosen[row] = picked
        return tuple(chosen[row] if len(seen[row]) == 1 else None for row in range(count))

    def _finishes(self, numbers: Sequence[int]) -> bool:
        """Whether the rows can be cut into bands each of which some filling makes its rows'
        own rules hold: every reading is such a cut, so a search without one ends with no
        reading (``None``, as the search would end). Found from the last rows back, a band
        filled only where the rows after it can be cut so: where the last values fit no
        band, a few bands' fillings refuse the search, which would fill every band from each
        row it reaches first. A search that follows takes the same steps as without this
        (the fillings are kept: ``_band_fills``), so the same searches pass its budget."""
        count = self.count
        finish = [False] * count + [True]
        for at in range(count - 1, -1, -1):
            finish[at] = any(
                finish[at + height] and self._fills(numbers, at, height)
                for height in range(1, min(MAX_CUT_BAND, count - at) + 1)
            )
        return finish[0]

    def _resumed(self, numbers: Sequence[int]) -> tuple[list[_Reach], list[int], int]:
        """Where a search of ``numbers`` starts: the first rows whose values are those of the
        last search (what it reached up to their end depends on them only), with what it
        reached at each of their boundaries and the steps of the bands ending there; or
        from nothing."""
        width, count = self.width, self.count
        before, was_apart, kept, kept_steps = self.last
        same = 0
        while (
            same < count
            and before[same * width : (same + 1) * width]
            == tuple(numbers[same * width : (same + 1) * width])
            and was_apart[: (same + 1) * width - 1] == self.apart[: (same + 1) * width - 1]
        ):
            same += 1
        if not same:
            first: _Reach = {(0,) * self.across: []}
            return [first] + [{} for _ in range(count)], [0] * (count + 1), 0
        fresh = count - same
        return (
            kept[: same + 1] + [{} for _ in range(fresh)],
            kept_steps[: same + 1] + [0] * fresh,
            same,
        )

    def _fills(self, numbers: Sequence[int], at: int, height: int) -> list[tuple[int, ...]]:
        """The distinct fillings of rows ``at`` to ``at + height`` as one band: for each of
        its cells in row order, the index into ``numbers`` of its value, each filling
        giving other values, and every rule within a row holding (``_band_fills``: worked
        out once per values and rules, rows of zeros alike), no cell of a column read
        column by column apart from the one below it (see the module docstring)."""
        width = self.width
        base = at * width
        band = tuple(numbers[base : base + height * width])
        return [
            tuple(map(add, offsets, repeat(base)))
            for offsets in _band_fills(
                band,
                width,
                tuple(self.local[at : at + height]),
                self.apart[base : base + height * width - 1],
            )
        ]

    def _sums(self, numbers: Sequence[int], at: int, taken: tuple[int, ...]) -> tuple[int, ...]:
        """What the band from row ``at`` filled by ``taken`` adds to each rule across rows
        (worked out once per filling, then added to every partial sum reaching the band);
        a rule the band closes must then be 0."""
        sums = [0] * self.across
        width = self.width
        given: dict[int, int | None] = {}  # a band's place printed blank: the number its row gives
        for place, index in enumerate(taken):
            if numbers[index] == BLANK:
                row = place - place % width
                values = tuple(numbers[n] for n in taken[row : row + width])
                given[place] = _blank_row(values, self.local[at + place // width])[1]
        for place, index in enumerate(taken):
            value = given.get(place, numbers[index])
            if value is None:
                for rule, _ in self.terms[at + place // width][place % width]:
                    sums[rule] += _UNCHECKED
            elif value:
                for rule, sign in self.terms[at + place // width][place % width]:
                    sums[rule] += sign * value
        return tuple(sums)


def _held(sums: tuple[int, ...], closing: Sequence[int]) -> bool:
    """Whether each rule ``closing`` holds at its partial sum in ``sums``: 0, or not checked
    (a cell no rule of its row gives a number took part in it: ``_UNCHECKED``)."""
    return all(sums[rule] == 0 or sums[rule] >= _UNCHECKED // 2 for rule in closing)


def _blank_row(values: tuple[int, ...], rules: tuple[_Local, ...]) -> tuple[bool, int | None]:
    """Whether a row's ``values`` (``BLANK`` for a cell printed blank) may make its
    ``rules`` hold, and the number they give its one blank cell. Where the row has one
    blank and a rule holds it, that rule gives it (never below 0) and the others must hold
    with it; otherwise the rules holding a blank are not checked and it has no number."""
    blank = [column for column, value in enumerate(values) if value == BLANK]
    if len(blank) == 1:
        for left, right in rules:
            if blank[0] in left or blank[0] in right:
                near, far = (left, right) if blank[0] in left else (right, left)
                number = sum(values[c] for c in far) - sum(values[c] for c in near if c != blank[0])
                if number < 0:
                    return False, None
                filled = (*values[: blank[0]], number, *values[blank[0] + 1 :])
                return all(
                    sum(filled[c] for c in left) == sum(filled[c] for c in right)
                    for left, right in rules
                ), number
    held = all(
        sum(values[c] for c in left) == sum(values[c] for c in right)
        for left, right in rules
        if not set(blank) & {*left, *right}
    )
    return held, None


#: The partial sums a search reaches at a row boundary, each with the ways it got there:
#: (the band's first row, the partial sum before it, the band's filling).
_Reach = dict[tuple[int, ...], list[tuple[int, tuple[int, ...], tuple[int, ...]]]]

#: A rule within a row: the columns of its left side and of its right side.
_Local = tuple[tuple[int, ...], tuple[int, ...]]


@weighed(lambda fills, band, width, local, apart=(): len(band) * (len(fills) + 1))
def _band_fills(
    band: tuple[int, ...],
    width: int,
    local: tuple[tuple[_Local, ...], ...],
    apart: tuple[bool, ...] = (),
) -> tuple[tuple[int, ...], ...]:
    """``_Grid._fills`` of a band of ``len(local)`` rows of ``width`` cells printing
    ``band`` in order, each row held by its ``local`` rules: the distinct fillings, each
    the offset into ``band`` of the value of each cell in row order. A row's rules are
    checked once per cells it may take (``_row_pickers``), each order's values picked at C
    speed (``_pickers``). An order that reads a cell right after the one above it (column
    by column) where the text prints them ``apart`` is not a filling (none given: every
    value joined to the next)."""
    pickers = _pickers(len(local), width)
    holds = []  # per row with rules: for each order, whether they hold on its row
    for (getters, ids), rules in zip(_row_pickers(len(local), width), local, strict=True):
        if not rules:
            continue
        tried: dict[tuple[int, ...], bool] = {}
        held = []
        for getter in getters:
            values = getter(band)
            found = tried.get(values)
            if found is None and BLANK in values:
                found = tried[values] = _blank_row(values, rules)[0]
            elif found is None:
                get = values.__getitem__
                found = tried[values] = all(
                    sum(map(get, left)) == sum(map(get, right)) for left, right in rules
                )
            held.append(found)
        if not any(held):
            return ()  # no order makes this row's rules hold: the others need no checking
        if not all(held):
            holds.append(map(held.__getitem__, ids))
    if holds:
        pickers = tuple(compress(pickers, map(all, zip(*holds, strict=True))))
    kept: dict[tuple[int, ...], tuple[int, ...]] = {}
    for pick, offsets, downs in pickers:
        if not apart or not any(map(apart.__getitem__, downs)):
            kept.setdefault(pick(band), offsets)
    return tuple(kept.values())


@cache
def _pickers(
    height: int, width: int
) -> tuple[tuple[Callable[[tuple[int, ...]], tuple[int, ...]], Order, tuple[int, ...]], ...]:
    """For each of ``_orders``: the offset into the values printed of each cell's value, in
    row order, a getter that picks them (a band's values, cell by cell), and the offsets
    whose value is followed by that of the cell below it (read column by column)."""
    found = []
    for order in _orders(height, width):
        offsets = [0] * len(order)
        for offset, place in enumerate(order):
            offsets[place] = offset
        pick = itemgetter(*offsets) if len(offsets) > 1 else tuple
        downs = tuple(
            at for at, (place, then) in enumerate(pairwise(order)) if then == place + width
        )
        found.append((pick, tuple(offsets), downs))
    return tuple(found)


@cache
def _row_pickers(
    height: int, width: int
) -> tuple[tuple[tuple[Callable[[tuple[int, ...]], tuple[int, ...]], ...], tuple[int, ...]], ...]:
    """Per row of ``_pickers``' orders: a getter of each distinct set of offsets its cells
    take (a row's values, in column order), and for each order the index of its own."""
    found = []
    for row in range(height):
        index: dict[tuple[int, ...], int] = {}
        ids = tuple(
            index.setdefault(offsets[row * width : (row + 1) * width], len(index))
            for _, offsets, _ in _pickers(height, width)
        )
        getters = tuple(
            itemgetter(*cells) if width > 1 else itemgetter(slice(cells[0], cells[0] + 1))
            for cells in index
        )
        found.append((getters, ids))
    return tuple(found)


@cache
def _orders(height: int, width: int) -> tuple[Order, ...]:
    """Each order a band of ``height`` rows of ``width`` cells may be printed in: one row
    as it is; more rows column by column, or cut at a column into a left part (row by row
    or column by column) and then a right part (in bands of its rows, each column by
    column: a band of one row is that row). A band of more than ``MAX_BAND`` rows is only
    read cut, its left part row by row (beside its labels) and its right part in bands of
    at most ``MAX_BAND`` rows."""
    if height == 1:
        return (tuple(range(width)),)
    tall = height > MAX_BAND
    orders = set() if tall else {_by_columns(range(height), range(width), width)}
    for cut in range(1, width):
        left = range(cut), range(cut, width)
        lefts = [tuple(row * width + column for row in range(height) for column in left[0])]
        if not tall:
            lefts.append(_by_columns(range(height), left[0], width))
        for first, rest in product(lefts, _banded(height, left[1], width)):
            orders.add(first + rest)
    return tuple(sorted(orders))


def _banded(height: int, columns: range, width: int) -> Iterator[Order]:
    """The cells of ``columns`` of ``height`` rows in bands of rows, each column by
    column: every way of cutting the rows into bands of at most ``MAX_BAND`` rows."""
    for bands in _partitions(height):
        yield tuple(chain.from_iterable(_by_columns(rows, columns, width) for rows in bands))


@cache
def _partitions(height: int) -> tuple[tuple[range, ...], ...]:
    """Every way of cutting ``height`` rows into bands of at most ``MAX_BAND`` rows."""
    found = []
    for cuts in product((False, True), repeat=height - 1):
        bands = []
        start = 0
        for row in range(height):
            if row == height - 1 or cuts[row]:
                bands.append(range(start, row + 1))
                start = row + 1
        if all(len(band) <= MAX_BAND for band in bands):
            found.append(tuple(bands))
    return tuple(found)


@cache
def _by_columns(rows: range, columns: range, width: int) -> Order:
    """The cells of ``rows`` × ``columns`` column by column (kept: ``_banded`` asks for the
    same bands again for each way of cutting the rows and each cut of the columns)."""
    return tuple(row * width + column for column in columns for row in rows)
