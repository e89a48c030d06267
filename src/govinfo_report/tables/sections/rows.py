"""What every section does with a row once it knows the row's cells: give its values by
position, or set it aside as a unit (``reading.Unit``) when it printed fewer values than
cells or ran its values together; nothing is guessed here.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence, Set
from itertools import (
    accumulate,
    combinations,
    compress,
    count,
    islice,
    pairwise,
    permutations,
    product,
    repeat,
    takewhile,
)
from math import comb
from operator import and_, attrgetter, is_, itemgetter, not_

import attrs

from ...catalogue import SECTION_NUMBERS, Kind, Template
from ...cells import (
    MIN_CELL_DIGITS,
    NUMBER_WORDS,
    Value,
    count_values,
    is_number,
    not_given,
    printed_unit,
    unit_kind,
)
from ...diagnostics import Diagnostic, diagnostic
from ...escape import width as display_width
from ...fold import NO_BREAK_SPACE, fold
from ...labels import (
    APPLICATION_ROWS,
    COUNT_UNITS,
    MONEY_UNITS,
    PROACTIVE_BLOCKS,
    PROACTIVE_ROWS,
    PROACTIVE_UNITS,
    SIGNED_COLUMNS,
)
from ...limits import MAX_CELL_CHARS
from ...memo import Hashed, Memo, weighed
from ...structure import collapsed
from ...structure.layouts import Positions, Printed, Row
from ...structure.skeleton import SECTION_NAMES
from ..matching import LabelMatcher, matcher, normalise_label, numbered
from ..reading import Draft, Placement, Unit, fitting, in_order
from ..rules import Rule, Sides, hold, sides

#: Ways to cut a run of digits that are listed at most; past it the row's cells are missing.
MAX_WAYS = 20_000
#: Options a short row may have at most (C(15, 7) = 6,435: section 四 missing half its values).
MAX_OPTIONS = 20_000

#: A row with the digits its label cells end in (``collapsed.take``).
Taken = tuple[Row, tuple[Printed, ...]]


def label_text(row: Row) -> str:
    """A row's label cells, for messages."""
    return " / ".join(cell[0].replace("\n", "") for cell in row.labels)


def fill(
    draft: Draft,
    template: Template,
    cells: Sequence[int],
    row: Row,
    label: str,
    unit: str | None = None,
    runs: Sequence[Printed] = (),
    *,
    rules: Iterable[Rule],
    wraps: bool = True,
) -> None:
    """Give a row's values to ``cells`` by position, or set it aside as a unit: fewer values
    than cells, or a collapsed cell (one of ``runs``, the digits its label cells ended in);
    ``rules``, the section's, check a row gathered from wrapped lines; ``wraps``: one value
    more than cells may be a number its narrow cell wraps (``_wrapped``)."""
    if runs:
        _collapsed(draft, template, cells, row, runs, label, unit, rules)
        return
    if row.loose or row.stacked or len(row.values) > len(cells):
        rules = tuple(rules)  # read by two checks below (a generator, read by one, is cheaper)
    values = _read_once(draft, cells, row, label, rules)
    if (
        len(values) <= len(cells)
        and row.loose
        and not holds(rules, cells, values, blank=True)
        and not _short_in_column_order(row, values, cells)
    ):
        not_placed(
            draft,
            template,
            cells,
            values[0],
            f"{label}: {len(values)} values gathered from lines that wrap the row's cells; "
            "the row's own rules do not confirm their order",
        )
    elif (
        (row.stacked or (row.loose and _out_of_column_order(values)))
        and len(values) <= len(cells)
        and not _own_rules(rules, cells)
        and not (
            row.stacked
            and not row.gaps
            and _told_apart(values, [template.fields[at].column for at in cells])
        )
    ):
        not_placed(
            draft,
            template,
            cells,
            values[0],
            f"{label}: of {len(values)} values gathered from lines that wrap the row's "
            + (
                "cells, one stands under another: they may be one number wrapped in its "
                "cell, and no rule of the row checks them"
                if row.stacked
                else "cells, one stands left of or under one above it: they need not be in "
                "their columns' order, and no rule of the row checks them"
            ),
        )
    elif (
        len(values) <= len(cells)
        and not row.grid.cells
        and (stray := stray_value(values, template, cells))
    ):
        not_placed(
            draft,
            template,
            cells,
            stray,
            f"{label}: '{stray[0]}' is no whole cell of its column (a number cut at its "
            "point, or another kind of column's unit), so the row's values, gathered by "
            "their order, need not be its cells",
        )
    elif len(values) == len(cells):
        _full(draft, cells, row.line, values, label, unit, rules, bool(row.positions.cells))
    elif len(values) < len(cells):
        short(
            draft,
            template,
            (tuple(cells),),
            values,
            row.line,
            label,
            unit,
            row.traceless,
            gaps=row.gaps,
            fits=_own_fits(row, cells, rules),
        )
    elif _in_own_cells(row, values):
        _extra_values(
            draft,
            template,
            cells,
            f"{label}: {len(values)} cells of values for {len(cells)} columns; none placed",
            row.line,
            values[0][2],
        )
    elif (joined := _rest_joined(rules, cells, values)) is not None:
        _full(draft, cells, row.line, joined, label, unit, rules)
    elif wraps and (wrapped := _wrapped(row, values, cells, rules)) is not None:
        _full(draft, cells, row.line, wrapped, label, unit, rules)
        if not _own_rules(rules, cells):
            _joined_unchecked(draft, template, cells, values, wrapped, label)
    elif row.positions.whole:
        # every line a cell's, none lost: numbers wrapped, not cells out of order
        not_placed(
            draft,
            template,
            cells,
            values[0],
            f"{label}: {len(values)} lines for {len(cells)} cells, every blank cell printed, "
            "so numbers wrapped in their narrow cells, and no one sure way to join them makes its "
            "cells",
        )
    else:
        _extra_values(
            draft,
            template,
            cells,
            f"{label}: {len(values)} values for {len(cells)} columns; none placed",
            row.line,
            values[0][2],
        )


def _joined_unchecked(
    draft: Draft,
    template: Template,
    cells: Sequence[int],
    values: Sequence[Printed],
    joined: Sequence[Printed],
    label: str,
) -> None:
    """Say each number of ``joined`` (a row's ``values`` with the numbers its narrow cells
    wrap joined, ``_wrapped``) made of two lines, where no rule of the row checks it: the
    last line may be one of its own (a page's number between the row's lines)."""
    printed = {(line, column): text for text, line, column in values}
    for cell, (text, line, column) in zip(cells, joined, strict=True):
        if printed.get((line, column)) != text:
            draft.find(
                diagnostic(
                    "wrap-unchecked",
                    f"{label}: {text} is read from two lines, a number its narrow cell "
                    "wraps; no rule checks the row, and the last line may be one of its own "
                    "(a page's number)",
                    line,
                    column,
                    (template.fields[cell].key,),
                )
            )


def _told_apart(values: Sequence[Printed], columns: Sequence[str]) -> bool:
    """Whether a stacked row's ``values`` (``Row.stacked``), one for each of its ``columns``,
    are its cells in order for certain, as their signs and units tell: they stand on
    several lines (a row stacked on one line is so for lines outside it, which may hold a
    value's rest), in reading order, each fits its column (``_fits``), each the next of a
    flow of cells (``_next_in_flow``) or else no two texts fitting one column (the order
    then does not matter: ``0`` / ``0`` / ``0``; ``77项`` / ``+10`` / ``603件``), and none on a line
    below the one before it may be that one's rest (``_may_join``). PyMuPDF's ``77项+10``
    / ``603件`` is 77项, +10 and 603件: +10603件 fits no column, a change counting items,
    not decisions. Rows laid out in columns (``Row.gaps``) are left to their columns."""
    if len(values) != len(columns) or list(values) != sorted(values, key=itemgetter(1, 2)):
        return False
    if values[0][1] == values[-1][1]:
        return False  # stacked by lines outside the row: a value's rest may stand there
    texts = [text for text, _, _ in values]
    return (
        all(map(_fits, texts, columns))
        and (
            all(map(_next_in_flow, values, values[1:]))
            or all(len({text for text in texts if _fits(text, column)}) == 1 for column in columns)
        )
        and not any(
            lower[1] > upper[1] and _may_join(upper[0], lower[0], columns)
            for upper, lower in pairwise(values)
        )
    )


def _next_in_flow(upper: Printed, lower: Printed) -> bool:
    """Whether ``lower`` stands where the next cell of a flow of a row's cells would: on
    ``upper``'s line or the next (PyMuPDF's ``77项+10`` / ``603``). A line between them
    (a blank line, a unit wrapped below ``upper``) makes each a block of its own, and
    ``pdftotext`` orders a tall row's blocks by their places on the page, not their columns
    (Word's PDF: ``13`` / ``件`` / ``&nbsp;`` / ``29 件`` for 13件 and, two columns on,
    29件): their order is then unknown."""
    return lower[1] - upper[1] <= 1


def stray_value(
    values: Sequence[Printed], template: Template, cells: Sequence[int]
) -> Printed | None:
    """The first of a row's ``values`` that is no whole cell of its column, ``cells`` in
    order: a number cut at its decimal point (``10.``, its rest on the line below), or,
    where the row prints a value for each cell, one whose unit names another kind of column
    than its cell's: a count's (``0个``) under money, money's (``万元``) under a count. A
    number wrapped in its narrow cell (``10`` / ``0个`` for 100个, ``10.`` / ``1000`` for
    10.1000) so reads as two cells of a row gathered by its values' order."""
    if all(map(str.isdecimal, map(itemgetter(0), values))):
        return None  # digits alone, as most rows print: at C speed
    cut = next((value for value in values if _CUT_AT_POINT.fullmatch(value[0])), None)
    if cut is not None or len(values) != len(cells):
        return cut
    for value, cell in zip(values, cells, strict=True):
        printed = unit_kind(value[0])
        if printed is not None and (printed == "money") != (template.fields[cell].kind == "money"):
            return value
    return None


#: A number cut at its decimal point: a narrow cell wraps the rest onto the next line.
_CUT_AT_POINT = re.compile(r"[+-]?\d[\d,]*\.")


def _fits(text: str, column: str) -> bool:
    """Whether a number's ``text`` may be a cell of section 二's ``column``: signed only in a
    signed column, its unit, if it prints one, the column's (``PROACTIVE_UNITS``)."""
    if not is_number(text) or (text[0] in "+-" and column not in SIGNED_COLUMNS):
        return False
    unit = printed_unit(text)
    return unit is None or unit in PROACTIVE_UNITS.get(column, ())


def _may_join(head: str, rest: str, columns: Sequence[str]) -> bool:
    """Whether ``rest``, on a line below ``head``, may end the number ``head`` begins in one
    narrow cell: a unit ends a number, a sign begins one, a lone 0 begins none, and the
    number joined must fit one of ``columns``."""
    return (
        printed_unit(head) is None
        and head.lstrip("+-") != "0"
        and rest[:1].isdigit()
        and any(_fits(head + rest, column) for column in columns)
    )


def _in_own_cells(row: Row, values: Sequence[Printed]) -> bool:
    """Whether each of ``values`` is a cell of the row's own grid (a tab-separated line, a
    Markdown row, a block of tab-prefixed lines): a text that marks where each cell begins
    never splits a number over two cells, so more values than cells are no wrapped number
    (``100`` / ``0`` is two cells, never 1000)."""
    grid = row.grid.cells
    return bool(grid) and set(values).issubset(grid)


def wrapped_among_cells(row: Row) -> Printed | None:
    """The head of a number that a narrow cell may wrap among a row's values on several
    lines (``_sure_wrap``): a count with no unit, the next value its rest with the unit the
    count lacks (a unit wraps with the rest: ``100`` / ``0件`` / ``10件``, 1000件). A text
    that leaves blank cells out with no trace (a flow of one cell a line) then prints as
    many values as cells for a row of one wrapped number and one blank cell; ``None`` where
    no value is such a head."""
    values = row.values
    if len(values) < 2 or values[0][1] == values[-1][1]:
        return None  # one line: no value wraps onto another
    for at in range(len(values) - 1):
        head, rest = values[at], values[at + 1]
        if rest[0][-1:].isdigit() or len(head[0]) < MIN_WRAPPED_HEAD:
            continue  # no unit on the rest, or no head (most rows: checked at C speed)
        unit = _REST.fullmatch(rest[0])
        if (
            unit is not None
            and unit[0] != unit[1]
            and _may_wrap(head, rest)
            and _sure_wrap(row, values, (at, at + 1))
        ):
            return head
    return None


def wrapped_across_blocks(row: Row, worded: Collection[int]) -> Printed | None:
    """The head of a count that a narrow cell may wrap into two blocks of text: pdfminer
    (and plain ``pdftotext`` of some PDFs) prints each cell as a block, an empty line
    after it, and may print the two lines of a wrapped count as two blocks (``427`` /
    ``994`` / ``9`` for 427, a blank cell and 9949). A head of ``MIN_WRAPPED_HEAD`` digits
    or more alone on its line, its rest the next value, alone on a later line with only
    empty lines (or lines of spaces, a page's end) between, no line of ``worded`` (those
    that print label words): one digit, not 0, as a count one digit too wide for its
    cell leaves (a longer rest, or a 0, would doubt every row that prints a short count
    or a 0 after a long one: left); ``None`` where no value is such a head, or the text
    shows its blank cells (by position, in a grid or by gaps)."""
    if row.gaps or row.positions.cells or row.grid.cells:
        return None  # the text shows where a blank cell is
    values = row.values
    printed = Counter(line for _, line, _ in values)
    for head, rest in pairwise(values):
        if (
            rest[1] >= head[1] + 2
            and printed[head[1]] == printed[rest[1]] == 1
            and not any(line in worded for line in range(head[1] + 1, rest[1]))
            and len(head[0]) >= MIN_WRAPPED_HEAD
            and head[0].isdigit()
            and len(rest[0]) == 1
            and rest[0] in _WRAPPED_DIGITS
            and not head[0].startswith("0")
        ):
            return head
    return None


def _rest_joined(
    rules: Iterable[Rule], cells: Sequence[int], values: Sequence[Printed]
) -> tuple[Printed, ...] | None:
    """``values`` (a row's, one more than ``cells``, from several lines) with a number's
    rest joined to it, where exactly one such join gives as many values as cells and makes
    the row's own rules hold, one of which checks the whole row: a narrow cell wraps a wide
    number, its last digits on a later line (``52  106`` / ``信息公开申请数量`` / ``6``,
    1066). A rest is digits alone, no wider than the number it ends, on a later line than
    it; that number is digits alone, not starting with 0."""
    own = [rule for rule in rules if set(cells) >= set(rule.cells)]
    if len(values) != len(cells) + 1 or not own:
        return None
    confirmed = [
        joined
        for (at, (top, line, column)), (apart, (rest, below, _)) in permutations(
            enumerate(values), 2
        )
        if below > line
        and top.isdigit()
        and rest.isdigit()
        and top[0] != "0"
        and len(rest) <= len(top)
        and holds(
            own,
            cells,
            joined := tuple(
                (top + rest, line, column) if k == at else value
                for k, value in enumerate(values)
                if k != apart
            ),
        )
    ]
    return confirmed[0] if len(confirmed) == 1 else None


#: A number's head as a narrow cell wraps it: digits and no unit (the unit wraps with the
#: rest), not starting with 0 unless a point follows. Signed or shorter heads only rival.
_HEAD = re.compile(r"[+-]?(?:[1-9]\d*(?:\.\d*)?|0\.\d*)")
#: A number's rest on the next line of its cell: digits and its unit, if any.
_REST = re.compile(r"(\d+)(?: ?(?:{}))?".format("|".join((*MONEY_UNITS, *COUNT_UNITS))))
#: The last digit of a count wrapped into two blocks of text (``wrapped_across_blocks``):
#: not 0, which a count's next cell prints too often.
_WRAPPED_DIGITS = frozenset("123456789")
#: The fewest digits a narrow cell's line holds: a wrapped number's head has as many.
MIN_WRAPPED_HEAD = 3
#: The most joins a row's values may rival with (their sets are searched, 2 ** 12 at most).
MAX_RIVAL_JOINS = 12


def _wrapped(
    row: Row, values: Sequence[Printed], cells: Sequence[int], rules: Iterable[Rule]
) -> tuple[Printed, ...] | None:
    """``values`` (a row's, more than ``cells``) with each number a narrow cell wraps joined
    to its rest, where exactly one set of the joins that may be (``_rival_joins``) makes as
    many values as cells and each of its joins is sure (``_sure_wrap``); a set of more
    joins rivals it, the text leaving blank cells out: ``348 0`` / ``198`` / ``2`` as
    pdfium prints a row whose last cell wraps 1982, the cells in their columns' order and
    each line break where the print moves down. Where the row's order was gathered from
    several lines, the values must stand in their columns' order but for the last, a
    joined number below the rest, or each on the line after the one before (a flow of one
    cell a line, PyMuPDF's), and for the first, a joined number above the rest, where the
    row's own rules check it; the row's own rules, if any, must hold. Where the row prints
    every blank cell (``Positions.whole``: PyMuPDF's ``101`` / ``0`` / ``73`` … ``115`` /
    ``4``, 1010 and 1154), no set of more joins rivals, and of the sets that make as many
    values as cells the one its own rules hold for is taken (a row of section 二 has none).
    Where the row's own rules check it, only sets they let hold count: those that make as
    many values as cells, and those of more joins whose values, the cells they leave out
    blank, fill the cells some way that does (``100`` / ``1`` / ``0 0 0 0 0`` / ``100`` /
    ``1`` is 1001 and 1001: the 1 and a 0 make 10 too, but then the row does not add
    up)."""
    if len(values) <= len(cells):
        return None
    whole = row.positions.whole
    rivals = _rival_joins(values)
    if whole:  # every line of the row a cell's: a lone digit is no cell's line
        rivals = [pair for pair in rivals if _head_digits(values[pair[0]]) >= MIN_CELL_DIGITS]
    if len(rivals) > MAX_RIVAL_JOINS:
        return None
    needed = len(values) - len(cells)
    checked = bool(_own_rules(rules, cells))
    sets = (
        [
            chosen
            for chosen in _join_sets(rivals, needed)
            if holds(rules, cells, _joins(values, chosen))
        ]
        if whole
        else _holding_joins(values, rivals, needed, cells, rules)
        if checked
        else list(
            islice(
                (
                    chosen
                    for joins in range(needed, len(rivals) + 1)
                    for chosen in _join_sets(rivals, joins)
                ),
                2,
            )
        )
    )
    if len(sets) != 1 or not all(_sure_wrap(row, values, pair) for pair in sets[0]):
        return None
    heads = {head for head, _ in sets[0]}
    joined = _joins(values, sets[0])
    lines = [line for _, line, _ in values]
    if (row.loose or row.stacked) and lines != list(range(lines[0], lines[0] + len(lines))):
        below = len(values) - 2 in heads and max(lines[:-2], default=0) < lines[-2]
        above = 0 in heads and lines[1] < min(lines[2:], default=0) and checked
        if _out_of_column_order(joined[int(above) : len(joined) - below]):
            return None
    if any(_CUT_AT_POINT.fullmatch(text) for text, _, _ in joined):
        return None  # a number cut at its point left unjoined: the joins are not the cells
    return joined if holds(rules, cells, joined) else None


def _holding_joins(
    values: Sequence[Printed],
    rivals: Sequence[tuple[int, int]],
    needed: int,
    cells: Sequence[int],
    rules: Iterable[Rule],
) -> list[tuple[tuple[int, int], ...]]:
    """Two at most of the sets of ``rivals`` (``_wrapped``'s) that let the row's own rules
    hold: of ``needed`` joins (as many values as ``cells``), or more, their values filling
    the cells some way in order, the cells left out blank (0)."""
    inside = _own_rules(rules, cells)
    sums = sides(cells, inside)
    found: list[tuple[tuple[int, int], ...]] = []
    for joins in range(needed, len(rivals) + 1):
        for chosen in _join_sets(rivals, joins):
            joined = _joins(values, chosen)
            if joins == needed:
                held = holds(inside, cells, joined)
            else:
                amounts = count_values([text for text, _, _ in joined])
                held = None not in amounts and _fills_holding(
                    [int(amount) for amount in amounts if amount is not None], len(cells), sums
                )
            if held:
                found.append(chosen)
                if len(found) > 1:
                    return found
    return found


def _fills_holding(amounts: Sequence[int], size: int, sums: Sequence[Sides]) -> bool:
    """Whether ``amounts`` (fewer than ``size``) fill ``size`` cells in order some way, the
    others 0, that makes each pair of ``sums`` equal."""
    for chosen in combinations(range(size), len(amounts)):
        filled = [0] * size
        for at, amount in zip(chosen, amounts, strict=True):
            filled[at] = amount
        if hold(filled, sums):
            return True
    return False


def _own_rules(rules: Iterable[Rule], cells: Sequence[int]) -> list[Rule]:
    """The rules of ``rules`` (the section's) that check the row of ``cells`` on its own:
    all of whose cells are the row's."""
    inside = set(cells)
    return [rule for rule in rules if inside.issuperset(rule.cells)]


def _head_digits(head: Printed) -> int:
    """How many digits ``head`` prints."""
    return sum(map(str.isdigit, head[0]))


def _join_sets(
    rivals: Sequence[tuple[int, int]], joins: int
) -> Iterator[tuple[tuple[int, int], ...]]:
    """The sets of ``joins`` of ``rivals`` (pairs of a head and its rest), no value in two."""
    return (
        chosen
        for chosen in combinations(rivals, joins)
        if len({k for pair in chosen for k in pair}) == 2 * joins
    )


def _joins(values: Sequence[Printed], chosen: Iterable[tuple[int, int]]) -> tuple[Printed, ...]:
    """``values`` with each head of ``chosen`` joined to its rest."""
    heads = {head for head, _ in chosen}
    return tuple(
        (text + values[k + 1][0], line, column) if k in heads else (text, line, column)
        for k, (text, line, column) in enumerate(values)
        if k - 1 not in heads
    )


def _rival_joins(values: Sequence[Printed]) -> list[tuple[int, int]]:
    """The pairs of ``values`` (by index) that may be a wrapped number's head and rest: each
    value and the next in reading order (``_may_wrap``, or a full line's rest going on:
    ``_goes_on``), and for such a pair, each other value on the head's line with the same
    rest. A text that groups a row's print by lines (plain ``pdftotext``: ``行政 348 0 198``
    / ``许可`` / ``2``) puts every cell's first line on one line, so the rest may end any of
    them."""
    pairs: list[tuple[int, int]] = []
    for k in range(len(values) - 1):
        if _may_wrap(values[k], values[k + 1]) or (k and _goes_on(values[k - 1 : k + 2])):
            pairs += [
                (at, k + 1)
                for at, value in enumerate(values[: k + 1])
                if at == k or (value[1] == values[k][1] and _may_wrap(value, values[k + 1]))
            ]
    return pairs


def heads_unread(
    draft: Draft, template: Template, at: int, rests: Sequence[Printed], why: str
) -> None:
    """The cells of ``draft.given[at]`` whose value may be the head of a number that one of
    ``rests`` (values that went to no row) ends, on one of the two lines after it, taken
    back and left missing with the row's values such a head may wrap into, saying ``why``:
    plain pdftotext prints a line of rests apart from its row (``行政 100 0 100`` /
    ``许可`` / ``0项 件`` for 1000项 and 100件)."""
    cells, printed, unit = draft.given[at]
    kept = [
        not any(_may_wrap(value, rest) and rest[1] - value[1] <= 2 for rest in rests)
        for value in printed
    ]
    if all(kept):
        return
    # a head taken back takes with it the row's values it may wrap into: its rest is one
    # of them or one of ``rests`` (``35`` / ``0`` / ``件`` / ``1`` / ``件``: 350件, 1件)
    heads = list(compress(printed, map(not_, kept)))
    kept = [
        keep and not any(_may_wrap(head, value) and value[1] - head[1] <= 2 for head in heads)
        for value, keep in zip(printed, kept, strict=True)
    ]
    where = printed[kept.index(False)]
    draft.given[at] = (tuple(compress(cells, kept)), tuple(compress(printed, kept)), unit)
    not_placed(draft, template, [c for c, k in zip(cells, kept, strict=True) if not k], where, why)


def rests_unread(draft: Draft, template: Template, heads: Sequence[Printed], why: str) -> None:
    """The values of ``draft``'s rows (given, or a short row's) that may be the rest of a
    number one of ``heads`` (values that went to no row) begins, taken back, saying ``why``:
    Word's PDF of a narrow cell centres a tall row's count around the line of its other
    values (``10`` / ``重复  21  40  40`` / ``1`` for 101), and the head goes to no row while
    its rest is read as a count of its own, which then refutes the readings of other rows
    that are right. Such a rest stands two lines or fewer below the head, starting within
    its width, with some other value of its row on a line between them. A given row's
    cells so taken back are missing; a short row keeps its other values, placed by the
    rules as any short row (the rest's cell is one its values leave out)."""

    def rests(printed: Sequence[Printed]) -> list[bool]:
        lines = {line for _, line, _ in printed}
        return [
            any(
                _may_wrap(head, value)
                and value[1] - head[1] <= 2
                and head[2] - 1 <= value[2] <= head[2] + len(head[0])
                and any(head[1] < line < value[1] for line in lines)
                for head in heads
            )
            for value in printed
        ]

    for at, (cells, printed, money) in enumerate(draft.given):
        taken = rests(printed)
        if any(taken):
            kept = list(map(not_, taken))
            where = printed[taken.index(True)]
            draft.given[at] = (tuple(compress(cells, kept)), tuple(compress(printed, kept)), money)
            not_placed(draft, template, list(compress(cells, taken)), where, why)
    for at, unit in enumerate(draft.units):
        taken = rests(unit.pieces)
        if unit.kind != "short" or unit.options or not any(taken):
            continue
        kept = list(map(not_, taken))
        text, line, column = unit.pieces[taken.index(True)]
        draft.units[at] = attrs.evolve(
            unit,
            pieces=tuple(compress(unit.pieces, kept)),
            fits=tuple(compress(unit.fits, kept)) if unit.fits else (),
        )
        draft.find(
            diagnostic(
                "values-unplaced",
                f"{unit.label}: {text} not read as a count of its own; {why}",
                line,
                column,
                tuple(template.fields[cell].key for cell in unit.cells),
            )
        )


def _may_wrap(head: Printed, rest: Printed) -> bool:
    """Whether ``rest`` may end the number ``head`` begins: on a later line, digits (and a
    unit) no more than the head's, the head digits with no unit (it wraps with the rest),
    perhaps signed, and not 0 but before a point."""
    match = _REST.fullmatch(rest[0])
    return (
        rest[1] > head[1]
        and match is not None
        and _HEAD.fullmatch(head[0]) is not None
        and len(match[1]) <= sum(map(str.isdigit, head[0]))
    )


def _goes_on(pieces: Sequence[Printed]) -> bool:
    """Whether the second of three values, the rest of the first's number as a full line
    of its cell (as many digits), may go on to the third (``671`` / ``000`` / ``00``)."""
    (head, _, _), (middle, line, _), (rest, below, _) = pieces
    match = _REST.fullmatch(rest)
    return (
        _may_wrap(pieces[0], pieces[1])
        and middle.isdigit()
        and len(middle) == sum(map(str.isdigit, head))
        and below > line
        and match is not None
        and len(match[1]) <= len(middle)
    )


def _sure_wrap(row: Row, values: Sequence[Printed], pair: tuple[int, int]) -> bool:
    """Whether the pair of ``values`` is surely a wrapped number's head and rest: next to
    each other in reading order, the head unsigned and of ``MIN_WRAPPED_HEAD`` digits at
    least, the rest alone of the row's values on its line and not the head again (a line
    printed twice, as a copy or a PDF's text of a line drawn twice prints it: ``100`` /
    ``100``), and every line between them one of the row's label pieces (an empty line
    between is a paragraph's gap, not a cell's line: pdfminer's boxes, or another row's
    value). In text that lays its cells out in columns (``Row.gaps``), the rest stands
    nearer the head than any other value of the head's line: in its cell, not a value of
    another column lifted between two rows (``规章  0  100  1`` / ``0`` under the 1), and
    not wholly left of the head (``_left_of``)."""
    at, rest = pair
    (head, above, _), (_, below, _) = values[at], values[rest]
    labelled = {line for _, line, _ in row.labels}
    return (
        rest == at + 1
        and (not row.gaps or (_nearest(values, at, rest) and not _left_of(row, *pair, values)))
        and head[0].isdigit()
        and sum(map(str.isdigit, head)) >= MIN_WRAPPED_HEAD
        and values[rest][0] != head
        and not any(line == below for k, (_, line, _) in enumerate(values) if k != rest)
        and labelled.issuperset(range(above + 1, below))
    )


def _nearest(values: Sequence[Printed], head: int, rest: int) -> bool:
    """Whether of the values on ``values[head]``'s line, the head alone is the nearest to
    ``values[rest]`` across: by the columns between the rest's start and its characters."""
    _, line, _ = values[head]
    start = values[rest][2]
    gaps = sorted(
        (max(column - start, start - column - len(text) + 1, 0), at)
        for at, (text, on, column) in enumerate(values)
        if on == line
    )
    return gaps[0][1] == head and (len(gaps) == 1 or gaps[0][0] < gaps[1][0])


def _left_of(row: Row, head: int, rest: int, values: Sequence[Printed]) -> bool:
    """Whether ``values[rest]``, first on its line, ends left of where ``values[head]``
    starts: out of the head's cell, as a wrapped number's rest starts under its head (or
    right of it, centred or right-aligned), never left of it; a page number at the line's
    start (``行政许可  100`` / ``1``). Measured only where nothing stands before the rest:
    its column is then its display column, and the head's is at most its display column
    (a tool that lays out in characters counts a wide character once)."""
    text, line, column = values[rest]
    return column + len(text) <= values[head][2] and not any(
        on == line and at < column for _, on, at in row.labels
    )


def _short_in_column_order(row: Row, values: Sequence[Printed], cells: Sequence[int]) -> bool:
    """Whether ``row``, gathered from lines that wrap its cells in text that lays out its
    columns (``Row.gaps``), holds fewer values than cells, each right of the ones on the
    lines before it: their order is their columns' (``pdftotext -layout`` of a browser's PDF
    prints a tall row's values at their own heights: ``二、上年结转政府 2`` / ``信息公开申请数量
    … 2``), and which cells they fill is left to the rules, as for any short row."""
    return row.gaps and len(values) < len(cells) and not _out_of_column_order(values)


def _out_of_column_order(values: Sequence[Printed]) -> bool:
    """Whether of ``values`` (a ``loose`` row's, in reading order) one on a later line
    starts left of one on an earlier line, or under it: gathered line by line, they need
    not be in their columns' order (``行政  189项  259件`` / ``0`` / ``处罚``, 0 the middle
    column's). Plain ``pdftotext`` starts each line at its first column and prints a row's
    cells on one baseline on one line: a value alone on a line before them may be another
    row's cell, printed after this row's label (``行政`` / ``强制`` / ``8件`` / ``-10 4 件``,
    8 行政处罚's)."""
    return any(
        later[1] > earlier[1] and later[2] <= earlier[2]
        for at, later in enumerate(values)
        for earlier in values[:at]
    )


def _own_fits(row: Row, cells: Sequence[int], rules: Iterable[Rule]) -> tuple[tuple[int, ...], ...]:
    """The columns each of ``row``'s values may stand in (``Positions.fits``), where the
    layout names as many columns as ``cells`` and ``rules`` (the section's) check the row
    on its own: a value that two columns fit is then placed only where the rules leave it
    one (a section with no rules, section 二's, is read by its printed values)."""
    fits = row.positions.fits
    if not fits or row.positions.columns != len(cells) or len(fits) != len(row.values):
        return ()
    return fits if _own_rules(rules, cells) else ()


def _read_once(
    draft: Draft, cells: Sequence[int], row: Row, label: str, rules: Iterable[Rule]
) -> tuple[Printed, ...]:
    """A row's values, the last read once where it repeats a merged cell's text once per
    column it spans (python-docx's row.cells), and the repeats all alike or the row adding
    up without them. A row whose every line is a cell's (``Positions.whole``: text that
    prints each blank cell, and each merged cell once) repeats no merged cell: its repeat
    is a number wrapped in its narrow cell (``17`` / ``17`` for 1717). In text with no
    cell boundaries (a PDF's flow of lines), a repeat on the line after its like that may
    be a wrapped number's rest is one too (PyMuPDF's ``12`` / ``12`` for 1212): a tool
    that prints a merged cell's text per column prints cells (python-docx, Tika). Repeats
    that no number may wrap into (``0`` / ``0``) are read once."""
    values = row.values
    width = len(cells)
    if (
        len(values) > width
        and not row.positions.whole
        and _repeated(values, width)
        and (bool(row.grid.cells) or not any(map(_may_wrap, values[width - 1 :], values[width:])))
        and (len({text for text, _, _ in values}) == 1 or adds_up(rules, cells, values[:width]))
    ):
        draft.find(
            diagnostic(
                "merged-cell-repeated",
                f"{label}: {len(values)} values for {width} columns, the last repeated; "
                "read as one merged cell",
                row.line,
                values[width][2],
            )
        )
        return values[:width]
    return values


def _full(
    draft: Draft,
    cells: Sequence[int],
    line: int,
    values: tuple[Printed, ...],
    label: str,
    unit: str | None,
    rules: Iterable[Rule],
    placed: bool = False,
) -> None:
    """A row with as many values as cells: given, or set aside with its rival readings
    where a value may be two glued (``glued``; ``placed``: its values placed by where they
    stand)."""
    rivals = glued(rules, cells, values, placed)
    if not rivals:
        draft.give(cells, values, unit)
        return
    set_aside(draft, cells, values, rivals, (label, line), unit)


#: A row's rival readings: the halves of its glued values and their options (``glued``).
Rivals = tuple[tuple[Printed, ...], tuple[Placement, ...]]


def set_aside(
    draft: Draft,
    cells: Sequence[int],
    values: tuple[Printed, ...],
    rivals: Rivals,
    where: tuple[str, int],
    unit: str | None,
) -> None:
    """A row of as many values as cells set aside as a unit with its ``rivals`` (the halves
    of its glued readings and their options, ``glued``), the row as printed first;
    ``where``: its label and line."""
    label, line = where
    draft.units.append(
        Unit(
            "short",
            label,
            line,
            values[0][2],
            tuple(cells),
            (*values, *rivals[0]),
            (tuple(enumerate(range(len(cells)))), *rivals[1]),
            cut=frozenset(range(len(values), len(values) + len(rivals[0]))),
            money_unit=unit,
        )
    )


def _extra_values(
    draft: Draft, template: Template, cells: Sequence[int], message: str, line: int, column: int
) -> None:
    """More values than cells: none placed, and the reading marked overfull."""
    draft.overfull = True
    draft.close(cells)
    draft.find(
        diagnostic(
            "extra-values",
            message,
            line,
            column,
            tuple(template.fields[i].key for i in cells),
        )
    )


def by_position(
    taken: Sequence[Taken],
    widths: Sequence[int | None],
    widest: int,
    alone: bool = False,
    check: Callable[[Sequence[Taken]], bool] | None = None,
) -> list[Taken]:
    """``taken`` with each row's values read by position from its ``Row.positions`` (blank
    cells included), where those of every row fit: as many cells as the row has
    (``widths``: for each row, its template row's cells, or ``None`` for a row that is no
    one template row), any past them blank and the next row's. Where one row's do not fit,
    the layout's blank cells are not to be trusted (a rhythm or columns that no real table
    breaks) and every row is as it was: its printed values alone. A row of values that is
    no one template row must not print a value past the ``widest`` row's cells either.
    A row of more lines than cells whose every blank cell is a line of spaces (a page's
    ``&nbsp;``) lost none and gained none: its extra lines are wrapped numbers' pieces
    (``_wraps_a_count``, ``_spaced_overflow``), and the other rows keep their positions.

    A row of labels alone over fewer blank cells (a header, a merged group label) says
    nothing either way, nor do positions cut short by the end of the table's text: their
    last cells may be blank, or lost (``pdftotext`` writes nothing for an empty cell), and
    which the text does not show. Nor does a row of values whose last cell is blank where
    positions run on (``Positions.runs_on``, and some row's do past its cells): its end is
    not anchored, and a blank cell lost inside it would pass for one of the next row's;
    unless that cell is printed, a line of spaces (``Positions.spaced``: a page's
    ``&nbsp;``, which no merged label's continuation prints).
    These rows are read by their printed values, as the rules place them. So are rows whose
    positions one of two measures gave (``Positions.unsure``) in a section with no rules to
    check them (``alone``: section 二).

    Where the table's blank lines keep one line an empty cell (``Positions.other``: lynx's
    text of a table one cell a paragraph), the rows are read so where those of the rhythm
    found first do not all fit, they all fit exactly and ``check`` holds: every run of blank
    lines fits that rhythm, so only a row holding more or fewer lines than its cells refutes
    it; a line put in one place and taken out of another in the same row (an empty ``<td>``
    that lynx prints no line for, beside a number padded with an empty paragraph) would
    move its values unseen, and only the section's rules can show them moved (section 三's
    columns, 四's 总计s; section 二 has none: ``exact_only``). ``check`` None: not read so.
    Where both rhythms read the rows, and read some row differently, none is read; unless
    the first leaves each such row to its printed values, its positions cut short by the
    table's end (``Positions.cut``), where the other's end with the table's empty lines
    (lynx's, its last group of 四 blank up to ``五、``): that rhythm's reading is kept; or
    unless each such row shows its blank cells as lines of spaces in the first and does not
    fit the other (``_shown_not_other``): the first's reading is kept.

    Rows read by their printed values keep the blank cells printed among them where those
    show more cells than the row has (``_overfull``)."""
    placed = _placed(taken, widths, widest, alone)
    if check is None or not any(row.positions.other for row, _ in taken):
        return placed or _overfull(taken, widths)
    if not any(row.positions.cells for row, _ in taken):
        placed = None  # no first rhythm: nothing read by it
    other = [
        (row._replace(positions=row.positions.other or Positions()), runs) for row, runs in taken
    ]
    again = _placed(other, widths, widest, alone)
    if again is not None and not check(again):
        again = None
    if placed is None or again is None or _values(placed) == _values(again):
        return placed or again or _overfull(taken, widths)
    differ = [
        (row, width)
        for (row, _), (first, _), (second, _), width in zip(
            taken, placed, again, widths, strict=True
        )
        if first.values != second.values
    ]
    if all(_cut_but_other(row.positions) for row, _ in differ):
        return again
    if all(_shown_not_other(row, width, alone) for row, width in differ):
        return placed
    return _overfull(taken, widths)


def _shown_not_other(row: Row, width: int | None, alone: bool) -> bool:
    """Whether ``row``'s grid in the rhythm found first shows each of its blank cells as a
    line of spaces (``Positions.spaced``: a page's ``&nbsp;``, one at least), and its grid in
    one line an empty cell (``Positions.other``) does not fit it: no empty line is counted
    as a cell in the first, so no rhythm of them moves its cells, and the other reads it
    with its separator lines as cells (docx2txt's ``规章`` / `` `` / ``1`` / `` ``, whose
    empty lines between the cells make five cells of three, beside sections 三 and 四 whose
    merged labels' empty continuations leave the text that rhythm)."""
    cells = row.positions.cells
    blank = [at for at, (text, _, _) in enumerate(cells) if not text]
    return (
        width is not None
        and bool(blank)
        and row.positions.spaced.issuperset(blank)
        and _misfit(row._replace(positions=row.positions.other or Positions()), width, alone)
    )


def _cut_but_other(positions: Positions) -> bool:
    """Whether ``positions`` are cut short by the table's end, those in the other rhythm
    (``Positions.other``) not."""
    return positions.cut and positions.other is not None and not positions.other.cut


def _overfull(taken: Sequence[Taken], widths: Sequence[int | None]) -> list[Taken]:
    """``taken`` read by their printed values, but each row whose positions hold more cells
    than it has, a blank one printed as a line of spaces among them (``Positions.spaced``: a
    page's ``&nbsp;``, a cell of the row's own), read with its blank cells among its values:
    one of its cells spans two lines, a number wrapped in its narrow cell (PyMuPDF's text of
    a browser's PDF: ``3项`` / `` `` / ``321`` / ``5件`` for 3, a blank cell and 3215;
    ``463`` / ``7`` / ``396`` / `` `` for 4637, 396 and a blank cell). Its printed values
    alone would fit its cells, and be read wrong; so it takes more values than it has
    cells, and none is placed."""
    read = list(taken)
    for at, ((row, runs), width) in enumerate(zip(taken, widths, strict=True)):
        grid = row.positions.cells
        if row.values and row.positions.spaced and not runs and len(grid) > (width or len(grid)):
            read[at] = (row._replace(values=grid), runs)
    return read


def exact_only(taken: Sequence[Taken]) -> bool:
    """``by_position``'s check for a section with no rules across its rows (section 二): a
    reading by one line an empty cell rests on every row fitting its cells exactly."""
    return bool(taken)


def _values(taken: Sequence[Taken]) -> list[tuple[Printed, ...]]:
    """The rows' values as read."""
    return [row.values for row, _ in taken]


def _placed(
    taken: Sequence[Taken], widths: Sequence[int | None], widest: int, alone: bool
) -> list[Taken] | None:
    """``taken`` read by position (``by_position``), or ``None`` where some row's positions
    do not fit."""
    runs_on = _runs_on(taken, widths)
    spaced = any(row.positions.spaced for row, _ in taken)
    placed: list[Taken] = []
    for (row, runs), width in zip(taken, widths, strict=True):
        if spaced and not alone and _wraps_a_count(row, width):
            read: Row | None = row._replace(positions=row.positions._replace(whole=True))
        elif spaced and not runs and width is not None and _spaced_overflow(row, width):
            read = _wrapped_in_grid(row, width, alone)
        else:
            read = _by_position(row, runs, width, widest, alone, runs_on)
        if read is None:
            return None
        placed.append((read, runs))
    return placed


def _wraps_a_count(row: Row, width: int | None) -> bool:
    """Whether ``row``'s positions hold more cells than its ``width``, every one a printed
    value, in text whose every blank cell is a line of spaces (a page's ``&nbsp;``): a
    count too wide for its narrow cell printed as two lines (PyMuPDF's ``101`` / ``0`` for
    1010), no cell of the rhythm lost or put in. The row is read by its printed values,
    where its own rules must join the count (``_wrapped``); the other rows keep their
    positions."""
    grid = row.positions.cells
    return (
        width is not None
        and len(grid) > width
        and not row.positions.spaced
        and all(text for text, _, _ in grid)
    )


def _spaced_overflow(row: Row, width: int) -> bool:
    """Whether ``row``'s positions hold more cells than its ``width``, every blank one a
    line of spaces (``Positions.spaced``: a page's ``&nbsp;``) and at least one blank, or
    none in a section with no rules (``_wraps_a_count`` reads those of the others): no
    blank cell was lost and none put in, so its extra lines are pieces of numbers, each
    wrapped in its narrow cell (PyMuPDF's ``471`` / `` `` / ``129`` / ``4`` for 471, a blank
    cell and 1294)."""
    grid = row.positions.cells
    return (
        len(grid) > width
        and not row.positions.exact
        and all(text or at in row.positions.spaced for at, (text, _, _) in enumerate(grid))
    )


def _wrapped_in_grid(row: Row, width: int, alone: bool) -> Row:
    """``row`` (``_spaced_overflow``) read by every line of its positions, blank cells
    included (``Positions.whole``): more values than cells, which ``fill`` joins where one
    set of joins alone makes its cells and its own rules hold (``_wrapped``); else none is
    placed. A row of a section with no rules (``alone``) is joined here, so that no row of
    more values than cells puts its neighbours in doubt: ``471`` / `` `` / ``129`` / ``4``
    is read 471, a blank cell and 1294; ``12`` / ``5`` / ``533`` / ``1`` may be 125 too.
    The joins checked the order of the values gathered from several lines, as ``fill``
    does a ``loose`` row's."""
    grid = row.positions.cells
    whole = row._replace(values=grid, positions=row.positions._replace(whole=True))
    joined = _wrapped(whole, grid, range(width), ()) if alone else None
    return whole if joined is None else whole._replace(values=joined, loose=False)


def _runs_on(taken: Sequence[Taken], widths: Sequence[int | None]) -> bool:
    """Whether positions run on: only where some row's do past its cells (docx2txt's
    merged cells)."""
    return any(
        row.positions.runs_on and len(row.positions.cells) > width
        for (row, _), width in zip(taken, widths, strict=True)
        if width is not None
    )


def signs_read(
    taken: Sequence[Taken],
    widths: Sequence[int | None],
    signed: Sequence[frozenset[int]],
    widest: int,
    alone: bool = False,
) -> tuple[list[Taken], dict[int, Printed]]:
    """``taken`` with each row that has a ``joined`` reading (a lone minus sign right before
    a number: the number's sign, split off by markup, or a dash cell before it) read in the
    one reading its row allows, and the rows that both readings fit, each with its sign.
    ``widths``: each row's cells (``by_position``); ``signed``: for each row, which of its
    cells take a sign (本年增/减): a joined value stands only there.

    Where the section reads its rows by position (every row fits: ``by_position``), a
    reading fits where its positions do, so the blank cells a page prints (its ``&nbsp;``
    lines) count the row's cells: a dash is a cell more than a sign. Elsewhere a reading
    fits where its values are no more than the row's cells, the joined one only where it
    can stand in a signed cell: a dash then reads as well as a sign wherever a signed cell
    comes right after a cell the row may print blank, and the row is in doubt."""
    marked = [
        at
        for at, ((row, runs), width) in enumerate(zip(taken, widths, strict=True))
        if row.joined is not None and not runs and width is not None
    ]
    if not marked:
        return list(taken), {}
    readings = {at: _readings(taken[at][0]) for at in marked}
    runs_on = _runs_on(taken, widths)
    fits = {
        at: [
            read
            for read, joined in readings[at]
            if _fits_by_position(read, widths[at], widest, alone, runs_on, joined, signed[at])
        ]
        for at in marked
    }
    trial = list(taken)
    for at in marked:
        trial[at] = (fits[at][0] if len(fits[at]) == 1 else readings[at][0][0], ())
    by_position = _placed(trial, widths, widest, alone) is not None
    doubtful: dict[int, Printed] = {}
    for at in marked:
        if by_position and fits[at]:
            if len(fits[at]) > 1:
                doubtful[at] = _sign(readings[at])
            continue
        width = widths[at] or 0
        allowed = [
            read for read, joined in readings[at] if _fits_by_count(read, width, joined, signed[at])
        ]
        if len(allowed) > 1:
            doubtful[at] = _sign(readings[at])
        trial[at] = (allowed[0] if len(allowed) == 1 else readings[at][0][0], ())
    return trial, doubtful


#: A row's reading with the indices of its values joined from a sign and a number.
_Reading = tuple[Row, tuple[int, ...]]


def _readings(row: Row) -> list[_Reading]:
    """``row`` as printed, then with its lone minus signs joined (``Row.joined``) where that
    reading's values are the row's own with some signs joined (the section has not reshaped
    the row since its layout read it)."""
    printed = row._replace(joined=None)
    other = row.joined
    if other is None:
        return [(printed, ())]
    wanted = set(other.values)
    values: list[Printed] = []
    joined: list[int] = []
    at = 0
    while at < len(row.values):
        sign, cell = row.values[at], None
        if sign[0] == "-" and at + 1 < len(row.values):
            digits = row.values[at + 1][0]
            # the joined cell stands where the sign does on its line, where the digits do below
            for _, line, column in row.values[at : at + 2]:
                if (f"-{digits}", line, column) in wanted:
                    cell = (f"-{digits}", line, column)
                    break
        if cell is not None:
            joined.append(len(values))
            values.append(cell)
            at += 2
        else:
            values.append(sign)
            at += 1
    if not joined or tuple(values) != other.values:
        return [(printed, ())]
    again = printed._replace(values=other.values, positions=other.positions)
    return [(printed, ()), (again, tuple(joined))]


def _sign(readings: Sequence[_Reading]) -> Printed:
    """The first sign a row's joined reading joins (for a diagnostic)."""
    joined_row, joined = readings[-1]
    return joined_row.values[joined[0]]


def _fits_by_count(row: Row, width: int, joined: tuple[int, ...], signed: frozenset[int]) -> bool:
    """Whether ``row``'s values are no more than its ``width`` cells, each of its ``joined``
    values (indices of ``row.values``) able to stand in a ``signed`` cell, the values in
    their order and any cells between them blank."""
    spare = width - len(row.values)
    return spare >= 0 and all(not signed.isdisjoint(range(k, k + spare + 1)) for k in joined)


def _fits_by_position(
    row: Row,
    width: int | None,
    widest: int,
    alone: bool,
    runs_on: bool,
    joined: tuple[int, ...],
    signed: frozenset[int],
) -> bool:
    """Whether ``row`` is read by its positions (``_by_position``), each of its ``joined``
    values (indices of ``row.values``) in a ``signed`` cell, and no line of spaces past its
    cells (``Positions.spaced``: a page's ``&nbsp;``, a blank cell of the row's own, where
    a blank past them may otherwise be a merged label's continuation). Where they do not
    show where the row ends (``_end_unshown``), it fits as its count does (``_fits_by_count``):
    a reading they cannot check is not refuted by them."""
    read = _by_position(row, (), width, widest, alone, runs_on)
    if read is None or max(row.positions.spaced, default=-1) >= (width or 0):
        return False  # a line of spaces past its cells is a blank cell of its own: one too many
    if read is row:
        return _end_unshown(row, width or 0, runs_on) and _fits_by_count(
            row, width or 0, joined, signed
        )
    places = {cell: at for at, cell in enumerate(read.values)}
    return all(places.get(row.values[k]) in signed for k in joined)


def _by_position(
    row: Row,
    runs: tuple[Printed, ...],
    width: int | None,
    widest: int,
    alone: bool,
    runs_on: bool,
) -> Row | None:
    """``row`` read by position (``by_position``), or as printed where its positions say
    nothing; ``None`` where they do not fit."""
    grid = row.positions.cells
    if not grid or runs or (alone and row.positions.unsure):
        return row
    if (
        alone
        and row.gaps
        and len(grid) > widest
        and not row.positions.runs_on
        and (_blank_inside(grid) or not all(text for text, _, _ in grid[: width or widest]))
    ):
        # more columns than any row of a section with no rules holds: the header's words
        # (a packed line's over another's) do not show the table's columns, and a blank
        # cell before a value, or among the row's own, may be one of those columns
        return row._replace(positions=Positions())
    if row.positions.open_end and width is not None and len(grid) < width:
        row = _blank_to(row, width)
        grid = row.positions.cells
    if width is None:
        return None if any(text for text, _, _ in grid[widest:]) else row
    if (
        len(grid) > width
        and (row.positions.unsure or not (row.positions.runs_on or _beyond(grid, width)))
        and not row.positions.open_end
        and _blank_inside(grid[:width])
    ):
        # more columns than the table's that the row's line spans (not cells past its end,
        # ``open_end``), by one of two measures or by header words the page prints out of
        # their columns (PyMuPDF's ``sort=True``: 科研 and ``和）`` left of 商业企业, ten
        # columns for seven): the grid's other columns may stand anywhere among its cells,
        # and a blank cell left of a value may be one of them
        return row._replace(positions=Positions())
    if (len(grid) < width and (row.positions.cut or not row.values)) or _end_unshown(
        row, width, runs_on
    ):
        return row
    if _misfit(row, width, alone):
        return None
    return row._replace(values=grid[:width])


def _beyond(grid: Sequence[Printed], width: int) -> bool:
    """Whether ``grid`` prints a value past its first ``width`` cells (``_misfit``)."""
    return any(text for text, _, _ in grid[width:])


def _end_unshown(row: Row, width: int, runs_on: bool) -> bool:
    """Whether ``row``'s positions do not show where it ends: they may run on with the next
    row's blank cells (``runs_on``), and its last cell (of ``width``) is blank and no line of
    spaces of its own (``Positions.spaced``)."""
    grid = row.positions.cells
    last = min(width, len(grid)) - 1
    return (
        runs_on
        and bool(row.values)
        and last >= 0
        and not grid[last][0]
        and last not in row.positions.spaced
    )


def _blank_inside(grid: Sequence[Printed]) -> bool:
    """Whether ``grid`` holds a blank cell left of a value."""
    filled = [at for at, (text, _, _) in enumerate(grid) if text]
    return bool(filled) and any(not text for text, _, _ in grid[: filled[-1]])


def _blank_to(row: Row, width: int) -> Row:
    """``row`` with its positions ``width`` cells long, the cells past them blank: its line
    prints nothing there (``Positions.open_end``)."""
    *_, (_, line, column) = row.positions.cells
    blank = ("", line, column)
    cells = (*row.positions.cells, *[blank] * (width - len(row.positions.cells)))
    return row._replace(positions=row.positions._replace(cells=cells))


def _misfit(row: Row, width: int, alone: bool) -> bool:
    """Whether ``row``'s positions do not fit its ``width`` cells: too few, a value or a
    blank cell printed as a line of spaces past them (the row's own, ``Positions.spaced``),
    a first cell blank where positions run on in a section with no rules, or not every
    printed value among them."""
    grid = row.positions.cells
    return (
        len(grid) < width
        or (row.positions.exact and len(grid) > width)
        or _beyond(grid, width)
        or any(at >= width for at in row.positions.spaced)
        or (alone and row.positions.runs_on and len(grid) > width and not grid[0][0])
        or sum(1 for text, _, _ in grid if text) != len(row.values)
    )


def headings(
    taken: Sequence[Taken], keys: Sequence[tuple[str, ...]]
) -> tuple[list[Taken], set[str]]:
    """``taken`` with no blank cells read for a line of a row's label alone (its
    ``Row.positions``) where the table prints that row again with values, and the template
    rows (of ``keys``, each row's) printed with values. Such a line is a heading over the row
    (a page that prints each row as a small table under a heading repeating its label), not
    the row with every cell blank; its label still names the row."""
    valued = {
        key
        for (row, runs), named in zip(taken, keys, strict=True)
        if row.values or runs
        for key in named
    }
    if all(map(is_, map(_POSITIONS, map(itemgetter(0), taken)), repeat(_NO_POSITIONS))):
        return list(taken), valued  # text of no positions (tabs, pipes): at C speed
    return [
        (row._replace(positions=Positions()), runs)
        if row.positions.cells and not row.values and not runs and valued.issuperset(named or "?")
        else (row, runs)
        for (row, runs), named in zip(taken, keys, strict=True)
    ], valued


def aligned(row: Row, width: int, left: bool = False, repeats: bool = True) -> Row:
    """``row`` read by position where its cells show (``Row.grid``) and at least ``width``
    of them follow its label, a blank one a cell the report left blank.

    From the table's right edge, where the row shows every cell of its table
    (``Grid.whole``): its last ``width`` cells are its values, and those before them must be
    blank (a merged label's empty cells, a rowspan's). From the ``left``, where the label
    is the table's only label column (section 二): its first ``width`` cells, those after
    them blank or, where a merged cell may be given once per column it spans (``repeats``:
    python-docx, whose header then names a column twice), repeating the last. Where the
    header names each column once, a value past the row's cells shows the row's cells
    spanning other grid columns than the header's (``0 | | 0 | 0`` under ``本年新制作数量 |
    | 本年新公开数量 | 对外公开总数量``): the blank is no cell of its own, and the row is
    left to the merged cells' reading, with the blank cells a whole grid prints before its
    first value (``_led``). Otherwise the row is left as it is."""
    grid = row.grid.cells
    extra = len(grid) - width
    if extra < 0 or row.runs.cells:
        return row
    if left:
        last = grid[width - 1][0] if width and repeats else None
        if any(text and text != last for text, _, _ in grid[width:]):
            return _led(row)
        return _with_values(row, grid[:width])
    if not row.grid.whole or (extra and any(text for text, _, _ in grid[:extra])):
        return row
    return _with_values(row, grid[extra:])


def _led(row: Row) -> Row:
    """``row`` with the blank cells its whole grid prints before its first value put back
    among its values (``| | 2 | | 7 |``, 本年新制作数量 blank): the layout took them for the
    label's empty cells, and the merged cells' reading must count them."""
    grid = row.grid.cells
    if not row.grid.whole or not row.values or row.values[0] not in grid:
        return row
    at = grid.index(row.values[0])
    return row._replace(values=grid[:at] + row.values) if at else row


def _with_values(row: Row, values: tuple[Printed, ...]) -> Row:
    """``row`` with ``values``: itself where it has them already (the usual row, whose
    values are its cells; ``_replace`` costs some thousands of instructions)."""
    return row if values == row.values else row._replace(values=values)


def holds(
    rules: Iterable[Rule],
    cells: Sequence[int],
    values: Sequence[Printed],
    unknown: bool = False,
    *,
    blank: bool = False,
) -> bool:
    """Whether ``values`` given to ``cells`` (as many) make every rule of ``rules`` (the
    section's) whose cells are all among them hold: a row's own check (a row of section 二
    has none, so nothing fails). A rule with a cell that is no number fails, or with
    ``unknown`` is not checked; ``blank``: a placeholder (``—``) is a blank cell, 0."""
    if len(values) != len(cells):
        return False
    texts = [text for text, _, _ in values]
    amounts = count_values(texts)
    if blank:
        amounts = [
            0 if not_given(text) else amount for text, amount in zip(texts, amounts, strict=True)
        ]
    given = dict(zip(cells, amounts, strict=True))
    inside = [rule for rule in rules if given.keys() >= set(rule.cells)]
    return all(
        sum(amounts[: len(rule.left)]) == sum(amounts[len(rule.left) :])  # type: ignore[arg-type]
        if None not in (amounts := [given[c] for c in rule.cells])
        else unknown
        for rule in inside
    )


def short(
    draft: Draft,
    template: Template,
    rows: Sequence[tuple[int, ...]],
    values: Sequence[Printed],
    line: int,
    label: str,
    unit: str | None = None,
    traceless: bool = False,
    tail: int = 0,
    *,
    gaps: bool = False,
    fits: tuple[tuple[int, ...], ...] = (),
) -> None:
    """Set aside values that fall short of their row's cells (of one of ``rows``, for a
    line that several rows' labels share): each way they fill a row's cells in order is
    an option (a single row's are not listed: ``Unit.placements``). ``traceless``: the
    text leaves blank cells out without a trace (``Unit.traceless``); ``tail``: the last
    value may be the next label's numbering (``Unit.tail``); ``gaps``: a cell the values
    leave out is blank or its value is on another line (``Unit.gaps``); ``fits``: the
    cells each value may stand in (``Unit.fits``), kept where some placement in order
    fits them, else those the values' units name (``unit_fits``)."""
    cells = tuple(cell for row in rows for cell in row)
    if len(rows) != 1 or not fitting(in_order(len(cells), len(values)), fits):
        fits = ()
    by_units = not fits and len(rows) == 1
    if by_units:
        fits = unit_fits(template, cells, values)
        if not fitting(in_order(len(cells), len(values)), fits):
            fits = ()
    options: tuple[Placement, ...] = ()
    if len(rows) == 1:
        ways = comb(len(cells), len(values))
    else:
        offset = 0
        for row in rows:  # a shared line: each row's options, at its cells' positions
            if len(row) >= len(values):
                shape = in_order(len(row), len(values))
                options += (
                    shape
                    if not offset
                    else tuple(tuple((offset + at, piece) for at, piece in o) for o in shape)
                )
            offset += len(row)
        ways = len(options)
    if not ways or ways > MAX_OPTIONS:
        why = (
            f"{ways:,} ways to be placed, more than the {MAX_OPTIONS:,} that are tried"
            if ways
            else "more than a row holds"
        )
        not_placed(draft, template, cells, values[0], f"{label}: {len(values)} values; {why}")
        return
    draft.units.append(
        Unit(
            "shared" if len(rows) > 1 else "short",
            label,
            line,
            values[0][2] if values else 1,
            cells,
            tuple(values),
            options,
            money_unit=unit,
            tail=tail,
            traceless=traceless and len(rows) == 1,
            gaps=gaps and len(rows) == 1,
            fits=fits,
            units=by_units and bool(fits),
        )
    )


def placed_by_units(
    template: Template, cells: Sequence[int], values: Sequence[Printed]
) -> dict[int, Printed] | None:
    """Each of ``values`` in the one of ``cells`` whose kind its unit names
    (``cells.unit_kind``: a count unit a count column, a money unit a money one), whatever
    their order; ``None`` where a value has no unit, or its unit names no cell or several,
    or two values name one cell."""
    placed: dict[int, Printed] = {}
    for value in values:
        kind = unit_kind(value[0])
        if kind is None:
            return None
        named = [cell for cell in cells if _of_kind(template, cell, kind)]
        if len(named) != 1 or named[0] in placed:
            return None
        placed[named[0]] = value
    return placed


def unit_fits(
    template: Template, cells: Sequence[int], values: Sequence[Printed]
) -> tuple[tuple[int, ...], ...]:
    """The cells (positions in ``cells``) each of ``values`` may stand in by the kind its
    unit names (``cells.unit_kind``): a count with its unit (``2个``) a count column, money
    with its unit (``30.25万元``) a money column, a number with none any; empty where no
    value's unit rules out a cell. In text read by order a row's values say nothing else of
    their columns (政府集中采购 ``34775835元`` alone is its 采购总金额, not its 采购项目数量)."""
    if not any(template.fields[cell].kind == "money" for cell in cells):
        return ()  # a unit tells no column of a row of counts (section 三, 四) apart
    kinds = [unit_kind(text) for text, _, _ in values]
    fits = tuple(
        tuple(at for at, cell in enumerate(cells) if kind is None or _of_kind(template, cell, kind))
        for kind in kinds
    )
    return fits if any(len(fit) < len(cells) for fit in fits) else ()


def _of_kind(template: Template, cell: int, kind: Kind) -> bool:
    """Whether ``cell`` holds what a unit of ``kind`` counts: money a money column, a count
    any other (a count or a signed change)."""
    return (template.fields[cell].kind == "money") == (kind == "money")


def by_page(draft: Draft, rows: Sequence[Row], width: int) -> None:
    """Join the short rows of ``draft`` printed on one page past a break whose columns the
    layout ranked (``Positions.ranks``) into one unit a page: each option maps the page's
    ranks from the first those rows print a value at in order to ``width`` columns, the
    same rank the same column in every row, each
    cell no value maps to blank (0: a gap under the page's columns). Row by row, a short
    row's values fill its cells in any order-keeping way and the cells they leave out are
    unknown, so rows that print ``1  1`` at different offsets could each put their 1 in any
    column; one mapping for the page lets the rules linking the rows (sums down each column)
    tell the columns apart. A page with as many ranks as columns, one of its rows printing
    a value in each, maps them one way only: its rows are given so (as a table whose
    fullest row fills every column is read by position). Rows whose values are not all
    ranked on one page, and a page with more ranks than columns, stay as they are."""
    if not any(map(_RANKS, rows)):
        return  # at C speed: most text has no page past a break
    ranked = {
        (line, column): (row.positions.page, rank)
        for row in rows
        for (_, line, column), rank in zip(row.values, row.positions.ranks, strict=False)
    }
    if not ranked:
        return
    pages: dict[int, list[Unit]] = {}
    for unit in draft.units:
        if unit.kind != "short" or unit.options or unit.traceless or unit.tail:
            continue
        found = {ranked.get((line, column), (-1, 0))[0] for _, line, column in unit.pieces}
        if len(unit.cells) == width and len(found) == 1 and -1 not in found:
            pages.setdefault(found.pop(), []).append(unit)
    for page, units in pages.items():
        pieces = tuple(piece for unit in units for piece in unit.pieces)
        # the page's ranks from the first these rows print a value at: one left of them
        # that only a row set aside holds (a value with no row label, a title's year
        # wrapped into the page) would take a column of its own before them
        low = min(ranked[piece[1:]][1] for piece in pieces)
        # the page's ranks and fullest row, counted over every row ranked on it: a full row
        # the section rebuilt from its label's lines keeps no ranks of its own
        counted = [row.positions.counted for row in rows if row.positions.page == page]
        ranks = max(count for count, _ in counted) - low
        if ranks > width:
            continue
        blank = len(pieces)
        starts = accumulate((len(unit.pieces) for unit in units), initial=0)
        at_rank = [  # each row's pieces (their index in ``pieces``) by rank
            {
                ranked[line, column][1] - low: start + i
                for i, (_, line, column) in enumerate(unit.pieces)
            }
            for unit, start in zip(units, starts, strict=False)
        ]
        # each row's pieces as a list by rank, blank past the last: rank -1 (a column no
        # rank maps to) reads blank
        by_rank = [[taken.get(rank, blank) for rank in range(ranks)] + [blank] for taken in at_rank]
        places = range(len(at_rank) * width)
        options = tuple(
            tuple(zip(places, [row[rank] for row in by_rank for rank in rank_of], strict=True))
            for rank_of in _rank_maps(width, ranks)
        )
        kept = [unit for unit in draft.units if all(unit is not other for other in units)]
        fullest = max(most for _, most in counted)
        if len(options) == 1 and fullest == width:
            draft.units[:] = kept
            for row, unit in enumerate(units):
                nothing = ("", unit.line, unit.column)
                cells = options[0][row * width : (row + 1) * width]
                draft.give(
                    unit.cells, [pieces[i] if i < blank else nothing for _, i in cells], None
                )
            continue
        first = units[0]
        draft.units[:] = [
            *kept,
            Unit(
                "page",
                f"{first.label} … {units[-1].label}" if len(units) > 1 else first.label,
                first.line,
                first.column,
                tuple(cell for unit in units for cell in unit.cells),
                (*pieces, ("", first.line, first.column)),
                options,
            ),
        ]


def _rank_maps(width: int, ranks: int) -> Iterator[list[int]]:
    """Each way to map ``ranks`` ranks in order to ``width`` columns: each column's rank,
    -1 where none maps to it."""
    for columns in combinations(range(width), ranks):
        rank_of = [-1] * width
        for rank, column in enumerate(columns):
            rank_of[column] = rank
        yield rank_of


def _collapsed(
    draft: Draft,
    template: Template,
    cells: Sequence[int],
    row: Row,
    runs: Sequence[Printed],
    label: str,
    unit: str | None,
    rules: Iterable[Rule] = (),
) -> None:
    """Set aside a row with a collapsed cell, one option per way to cut the cell into the
    values the row lacks; its cells are missing when there is no way or too many.
    ``rules``: the section's (``_glued_not_apart``)."""
    run = runs[0]
    parts = len(cells) - len(row.values)
    digits = shown(run[0])
    if DAMAGED.search(run[0]):
        not_placed(
            draft,
            template,
            cells,
            run,
            f"{label}: {digits} holds a number with a separator or a letter inside, which no "
            "count is",
            "invalid-value",
        )
        return
    if len(runs) > 1:
        why = f"{len(runs)} collapsed cells ({', '.join(shown(r[0]) for r in runs)}) in one row"
    elif parts < 1:
        _extra_values(
            draft,
            template,
            cells,
            f"{label}: a collapsed cell {digits} and {len(row.values)} more values for "
            f"{len(cells)} columns; none placed",
            run[1],
            run[2],
        )
        return
    else:
        if row.runs.traced is not None:
            rules = tuple(rules)  # read by _by_no_breaks and again by _glued_not_apart
        read = _by_no_breaks(draft, template, cells, row, run, label, unit, rules)
        if read is None:
            # Each space a run of blank cells makes no way: a space that is none, or a blank
            # cell that left no trace; the page is not read so (``table.read_tables``).
            not_placed(draft, template, cells, run, f"{label}: {digits}: {NO_CLOSED_WAY}")
            return
        if read:
            return
        signed = _SIGNED.search(run[0]) is not None
        apart = signed and _signs(template, cells)  # a sign apart from its digits may be one
        counts = template.counts.issuperset(cells)
        cuts = collapsed.cut(run, parts, MAX_WAYS, row.runs.tail, apart, counts)
        kinds = _kinds(template, cells) if signed else []
        if signed:
            cuts = _signs_placed(cuts, kinds[_before(row, run) :])
        spaced = _spaced(run, row.runs.tail) if not row.values else None
        if spaced is not None and (
            not _apart_only(spaced, run, cells, rules, row.runs.tail, cuts)
            if cuts.count
            else _glued_not_apart(spaced, run, cells, rules, row.runs.tail)
        ):
            spaced = None
        if spaced is not None and len(spaced) - bool(row.runs.tail) < len(cells):
            # Values apart by spaces (or zeros), too few for the row's cells: the text keeps
            # its values apart and leaves its blank cells out without a trace.
            short(
                draft, template, (tuple(cells),), spaced, row.line, label, unit, True, row.runs.tail
            )
            return
        if _cut(draft, cells, row, run, cuts, label, unit, kinds):
            return
        why = _uncut(run, cuts, parts)
    not_placed(draft, template, cells, run, f"{label}: {why}", "collapsed-cell")


def _by_no_breaks(
    draft: Draft,
    template: Template,
    cells: Sequence[int],
    row: Row,
    run: Printed,
    label: str,
    unit: str | None,
    rules: Iterable[Rule],
) -> bool | None:
    """Give a row whose text printed each blank cell as one no-break space
    (``Runs.traced``, a page's ``&nbsp;``; or closed each run of them to one space,
    ``Runs.closed``) its values, or set it aside with each way to cut it an option, each
    no-break space one blank cell (each such space one or more) and the digits between them
    one value or more: only where that makes exactly the row's cells and, where the row has
    rules of its own, some way lets them hold. ``False`` otherwise (a no-break space that
    pads a value, several that are one cell's, a blank cell left out with no trace; too many
    ways to list): the run is then read as if they were plain spaces; ``None`` where a
    closed run of counts alone has no such way, which shows the text is not so."""
    traced = row.runs.traced
    if traced is None or traced[0].translate(_AS_SPACES).strip() != run[0]:
        return False
    at = _before(row, run)
    signed = _SIGNED.search(run[0]) is not None
    parts = len(cells) - len(row.values)
    apart = signed and _signs(template, cells)
    counts = template.counts.issuperset(cells)
    cuts = collapsed.cut(traced, parts, MAX_WAYS, row.runs.tail, apart, counts)
    kinds = _kinds(template, cells) if signed else []
    placed = signed and cuts.count == len(cuts.ways)  # ``_signs_placed`` leaves ways out
    if signed:
        cuts = _signs_placed(cuts, kinds[at:])
    refuted = None if row.runs.closed and _COUNTS_ONLY.fullmatch(run[0]) else False
    if not cuts.ways:
        return refuted if cuts.count == 0 else False
    inside = _own_rules(rules, cells)
    if inside:
        way = (traced, parts, row.runs.tail, apart, counts)
        if not _some_way_adds_up(
            inside, cells, row.values[:at], row.values[at:], way, kinds[at:] if placed else ()
        ):
            return refuted
    # Every blank cell leaves its trace: no way into fewer values with blanks among them.
    return _cut(draft, cells, row, traced, attrs.evolve(cuts, fewer=False), label, unit, kinds)


def _some_way_adds_up(
    inside: Sequence[Rule],
    cells: Sequence[int],
    before: Sequence[Printed],
    after: Sequence[Printed],
    way: tuple[Printed, int, int, bool, bool],
    kinds: Sequence[Kind],
) -> bool:
    """Whether some way to cut a run (``way``: ``collapsed.cut``'s run, parts, tail, signed
    and counts), between a row's values ``before`` and ``after``, makes its own rules
    ``inside`` hold (``adds_up`` of each way): each rule one signed sum of the cells it
    reads, 0 where it holds, the run's part of it found by ``collapsed.some_way`` (a
    closed run may be cut thousands of ways). ``kinds``: those of the run's cells where a
    way that gives a number printed with a sign to a column never signed is none
    (``_signs_placed``), else empty."""
    sums = sides(cells, inside)
    read = {at for left, right in sums for at in (*left, *right)}
    # each cell's weight in each rule: its sign, times the times the rule reads it
    weights = [
        tuple(left.count(at) - right.count(at) for left, right in sums) for at in range(len(cells))
    ]
    goal: list[Value] = [0] * len(sums)
    fixed = [*enumerate(_amounts(before)), *enumerate(_amounts(after), len(cells) - len(after))]
    for at, value in fixed:
        if at in read:
            if value is None:
                return False  # no way makes the rule hold
            goal = [total - weight * value for total, weight in zip(goal, weights[at], strict=True)]
    first, zero = len(before), (0,) * len(sums)
    known: dict[tuple[int, str], collapsed.Terms | None] = {}

    def terms(place: int, text: str) -> collapsed.Terms | None:
        if (place, text) in known:
            return known[place, text]
        at = first + place
        found: collapsed.Terms | None = zero
        if kinds and kinds[place] != "signed" and _SIGNED.match(text):
            found = None
        elif at in read:
            value = _AMOUNTS[text]
            found = None if value is None else tuple(weight * value for weight in weights[at])
        known[place, text] = found
        return found

    return collapsed.some_way(*way, terms, tuple(goal))


def _amount(text: str) -> Value | None:
    """A cell's count as a row's own rules read it (``adds_up``): a blank cell's 0."""
    return 0 if not_given(text) else count_values((text,))[0]


_AMOUNTS = Memo(_amount, len)


def _amounts(values: Sequence[Printed]) -> list[Value | None]:
    return list(map(_AMOUNTS.__getitem__, map(_TEXT, values)))


_TEXT = itemgetter(0)


def _cut(
    draft: Draft,
    cells: Sequence[int],
    row: Row,
    run: Printed,
    cuts: collapsed.Cuts,
    label: str,
    unit: str | None,
    kinds: Sequence[Kind],
) -> bool:
    """Give a row with a collapsed cell its values where the run's only reading cuts it
    where it printed spaces, or set it aside with a way to cut it an option; ``False``
    where there is no way to cut it (or too many). ``kinds``: those of ``cells`` where the
    run prints a sign (``_before_sign``), else empty."""
    at = _before(row, run)
    before, after = row.values[:at], row.values[at:]
    tail = row.runs.tail
    # Numbers printed apart are printed values, unless the run may be fewer values.
    if cuts.count == 1 and not cuts.fewer and all(_apart(run, p, tail) for p in cuts.ways[0]):
        # Its only reading cuts it only where it printed spaces: its values as printed.
        draft.give(cells, (*before, *cuts.ways[0], *after), unit)
        return True
    if not cuts.ways and not (cuts.count == 0 and cuts.fewer):
        return False  # too many ways, or none, not even into fewer values with blanks
    pieces, options, unsure = _options(before, cuts.ways, after, run, tail, cuts.fewer)
    sure = _before_sign(run, pieces, kinds[at:]) if cuts.fewer and kinds else frozenset()
    draft.units.append(
        Unit(
            "digits",
            label,
            row.line,
            run[2],
            tuple(cells),
            pieces,
            options,
            unsure,
            cuts.count or 0,
            cuts.fewer,
            sure,
            unit,
            run,
            row.runs.tail,
            ends=None if row.values and (any(row.runs.ends) or " " in run[0]) else row.runs.ends,
        )
    )
    return True


#: White space where blank cells may stand in a run: not the space before a unit
#: (``246900 元``).
_GAP = re.compile(rf"(?<! ) +(?! |{'|'.join(collapsed.UNITS)})")
#: Places a run may print blank cells at (its white space and ends) whose readings with
#: blank cells are listed at most (``gapped``: two to the power of them).
MAX_GAPS = 6


def gapped(unit: Unit, template: Template) -> tuple[tuple[Printed, ...], ...] | None:
    """The readings of ``unit``'s run of digits (a row's cells of ``template`` all its) with
    one blank cell or more at some of the places where its row printed white space: a space
    inside the run, right before it after its label or right after it (``Unit.ends``). Text
    that runs a row's cells together prints a blank cell as a space or a no-break space, or
    at a table's end as nothing; a text that shows it prints every cell hides no blank cell
    between digits, but may at its white space, so a cut that ignores those readings is no
    proof (``resolve._every_cell_printed``). Each reading gives the cells in order, a blank
    cell a piece ``""`` at its white space; ``None`` where the row prints values apart from
    the run and white space, or past ``MAX_GAPS`` places or ``MAX_WAYS`` readings."""
    assert unit.run is not None
    if unit.ends is None:
        return None
    text, line, column = unit.run
    lead, trail = unit.ends
    inner = [gap.start() for gap in _GAP.finditer(text)]
    places = len(inner) + lead + trail
    if not places:
        return ()
    if places > MAX_GAPS:
        return None
    counts = template.counts.issuperset(unit.cells)
    kinds = [template.fields[cell].kind for cell in unit.cells] if _SIGNED.search(text) else None
    found: list[tuple[Printed, ...]] = []
    for chosen in product((False, True), repeat=places):
        if not any(chosen):
            continue  # no blank cell: the run's own cuts
        chars = list(text)
        for space, blank in zip(inner, chosen[lead : lead + len(inner)], strict=True):
            if blank:
                chars[space] = collapsed.BLANK_RUN
        first = lead and chosen[0]
        variant = (
            collapsed.BLANK_RUN * first
            + "".join(chars)
            + collapsed.BLANK_RUN * (trail and chosen[-1]),
            line,
            column - first,
        )
        cuts = collapsed.cut(variant, len(unit.cells), MAX_WAYS, unit.tail, counts)
        if cuts.count is None or cuts.count > MAX_WAYS:
            return None
        if kinds is not None:
            cuts = _signs_placed(cuts, kinds)
        found += cuts.ways
        if len(found) > MAX_WAYS:
            return None
    return tuple(found)


def fewer_readings(unit: Unit, template: Template) -> tuple[tuple[Printed, ...], ...] | None:
    """The readings of ``unit``'s run of digits (a row's cells of ``template`` all its)
    into fewer values than cells: blank cells leave no trace where a row's cells run
    together. Each cuts the run as ``collapsed.cut`` does into fewer numbers and gives them
    to the cells in order, a number printed with a sign only to a signed column (2019's
    本年增/减), each cell left out a blank piece ``""``. ``None`` where the row prints
    values apart from the run, or past ``MAX_WAYS`` readings."""
    assert unit.run is not None
    if len(unit.pieces) != len(unit.cut):
        return None  # values printed apart from the run share its row
    size = len(unit.cells)
    signed = _SIGNED.search(unit.run[0]) is not None
    apart = signed and _signs(template, unit.cells)
    counts = template.counts.issuperset(unit.cells)
    kinds = _kinds(template, unit.cells)
    blank: Printed = ("", unit.line, unit.column)
    found: list[tuple[Printed, ...]] = []
    for parts in range(1, size):
        cuts = collapsed.cut(unit.run, parts, MAX_WAYS, unit.tail, apart, counts)
        if cuts.count is None or cuts.count > MAX_WAYS:
            return None
        for way in cuts.ways:
            for chosen in combinations(range(size), parts):
                if signed and any(
                    _SIGNED.match(text) and kinds[at] != "signed"
                    for (text, _, _), at in zip(way, chosen, strict=True)
                ):
                    continue
                taken = dict(zip(chosen, way, strict=True))
                found.append(tuple(taken.get(at, blank) for at in range(size)))
        if len(found) > MAX_WAYS:
            return None
    return tuple(found)


@weighed(lambda found, before, ways, after, run, tail, fewer: 1 + _held(found[1]))
def _options(
    before: tuple[Printed, ...],
    ways: tuple[tuple[Printed, ...], ...],
    after: tuple[Printed, ...],
    run: Printed,
    tail: int,
    fewer: bool,
) -> tuple[tuple[Printed, ...], tuple[tuple[tuple[int, int], ...], ...], frozenset[int]]:
    """``_cut``'s unit of a row whose ``run`` is cut ``ways``, with the values ``before`` and
    ``after`` it: its pieces, its options, and the pieces not printed apart (all of them
    where the run may be ``fewer`` values). Worked out once a run and its row's values: a
    page read with its no-break spaces and without (``table.read_tables``) has the same
    rows of digits in both readings."""
    pieces: dict[Printed, int] = {value: i for i, value in enumerate(before)}
    # Each way an option of (position, piece) pairs, the pieces numbered in the order they
    # first come (each way followed by the values after it): each pair is made once and
    # shared by the ways, and each piece hashed once a way (a run may have thousands).
    size = len(before) + max(map(len, ways), default=0) + len(after)
    pairs = [_Pairs(at, pieces) for at in range(size)]
    filled = [(*before, *way, *after) for way in ways] if before or after else ways
    options = Hashed([tuple(map(dict.__getitem__, pairs, way)) for way in filled])
    for value in after:  # no way to cut the run (only into fewer values): still the row's
        pieces.setdefault(value, len(pieces))
    printed = set(before) | set(after)
    if not fewer:
        printed.update(p for p in pieces if p not in printed and _apart(run, p, tail))
    return (
        tuple(pieces),
        options,
        frozenset(i for piece, i in pieces.items() if piece not in printed),
    )


def _held(options: tuple[tuple[object, ...], ...]) -> int:
    """The items ``options`` hold: a ``memo.weighed`` memo's weight."""
    return sum(map(len, options))


class _Pairs(dict[Printed, tuple[int, int]]):
    """The (position, piece number) pair of each piece at one position of a unit's options,
    made the first time a piece is seen there; a piece seen first anywhere is numbered next
    in ``pieces``."""

    def __init__(self, at: int, pieces: dict[Printed, int]) -> None:
        super().__init__()
        self.at, self.pieces = at, pieces

    def __missing__(self, piece: Printed) -> tuple[int, int]:
        pair = self[piece] = (self.at, self.pieces.setdefault(piece, len(self.pieces)))
        return pair


def _before(row: Row, run: Printed) -> int:
    """How many of ``row``'s values come before its collapsed cell ``run``."""
    return sum((line, column) < run[1:] for _, line, column in row.values)


#: A number printed with a sign.
_SIGNED = re.compile(r"[+-] ?\d")


def _signs(template: Template, cells: Sequence[int]) -> bool:
    """Whether one of ``cells`` takes a sign (2019's 本年增/减)."""
    return any(template.fields[cell].kind == "signed" for cell in cells)


def _kinds(template: Template, cells: Sequence[int]) -> list[Kind]:
    """The kinds of ``cells`` (``Field.kind``), in order."""
    return [template.fields[cell].kind for cell in cells]


def _before_sign(run: Printed, pieces: Sequence[Printed], kinds: Sequence[Kind]) -> frozenset[int]:
    """The piece (its index in ``pieces``) that is all of ``run`` before its first sign,
    where one cell of the run's (``kinds``: theirs in order) comes before the signed one: a
    count or an amount prints no sign, so the sign starts the signed column's value in
    every reading, blank cells left out without a trace or not, and what comes before it is
    that one cell's (``20+1737``'s 20, ``627项-26件``'s 627)."""
    sign = _SIGNED.search(run[0])
    if sign is None or list(kinds[1:2]) != ["signed"] or "signed" in kinds[:1]:
        return frozenset()
    head = run[0][: sign.start()].rstrip()
    return frozenset(
        i
        for i, (text, line, column) in enumerate(pieces)
        if (line, column) == run[1:] and text == head
    )


def _signs_placed(cuts: collapsed.Cuts, kinds: Sequence[Kind]) -> collapsed.Cuts:
    """``cuts`` without the ways that give a number printed with a sign to a column that is
    never signed (``kinds``: the kinds of the cells the run's numbers go to, in order): a
    count or an amount prints no sign, so a sign starts the value of the signed column
    (2019 本年增/减). ``20+1737`` is 20 then +1 737, +17 37 or +173 7, never 2 0 +1737; 20
    is then read whatever the cut."""
    if cuts.count != len(cuts.ways):
        return cuts
    ways = tuple(
        way
        for way in cuts.ways
        if all(
            kind == "signed"
            for (text, _, _), kind in zip(way, kinds, strict=False)
            if _SIGNED.match(text)
        )
    )
    return attrs.evolve(cuts, count=len(ways), ways=ways)


def _uncut(run: Printed, cuts: collapsed.Cuts, parts: int) -> str:
    """Why a collapsed cell is not cut into ``parts`` numbers."""
    digits = shown(run[0])
    if cuts.count is None:
        return (
            f"a collapsed cell of {len(run[0])} digits, more than the "
            f"{collapsed.MAX_RUN_DIGITS} that are cut"
        )
    if cuts.count:
        return (
            f"a collapsed cell {digits}: {cuts.count:,} ways to cut it into {parts} "
            f"numbers, more than the {MAX_WAYS:,} that are tried"
        )
    return f"a collapsed cell {digits}: no way to cut it into {parts} numbers"


#: Steps the search for a glued reading of a run of counts apart may take
#: (``_glued_not_apart``).
MAX_GLUED_STEPS = 20_000


def _glued_not_apart(
    spaced: Sequence[Printed], run: Printed, cells: Sequence[int], rules: Iterable[Rule], tail: int
) -> bool:
    """Whether ``run``, counts apart by single spaces (``spaced``), is rather counts run
    together with each run of blank cells closed to one space (a web archive's text of a
    page whose filled cells have no white space between them: ``236 332`` for 23, 6, three
    blank cells, 3, 32): no reading of the counts as printed, the cells they leave out blank,
    lets the row's own rules hold, and some reading of them cut further does. Where neither
    does, a value was lost, and the counts are read as printed (the table then reads no row
    with blank cells)."""
    inside = _own_rules(rules, cells)
    if not inside:
        return False
    sums = sides(cells, inside)
    amounts = [int(text) for text, _, _ in spaced]
    size = len(cells)
    for placed in [len(amounts)] + ([len(amounts) - 1] if tail else []):
        if _fills_holding(amounts[:placed], size, sums):
            return False
    found = collapsed.spread(run, size, tail, sums, MAX_GLUED_STEPS)
    return bool(found)


def _apart_only(
    spaced: Sequence[Printed],
    run: Printed,
    cells: Sequence[int],
    rules: Iterable[Rule],
    tail: int,
    cuts: collapsed.Cuts,
) -> bool:
    """Whether ``run``, counts apart by single spaces (``spaced``) that some way cuts
    further into as many values as ``cells``, holds apart values alone: some reading of the
    counts as printed, the cells they leave out blank, lets the row's own rules hold, and no
    reading that cuts a count (into as many values as cells, or fewer with blanks) does. A
    text that prints a space between any two cells (BeautifulSoup's ``get_text(' ',
    strip=True)``) leaves its blank cells out without a trace, and ``139 42 2 15 36 234``
    is six values, one cell blank, not seven values one of which is cut from 139."""
    inside = _own_rules(rules, cells)
    if not inside or cuts.count is None or len(cuts.ways) != cuts.count:
        return False
    sums = sides(cells, inside)
    if any(hold([int(text) for text, _, _ in way], sums) for way in cuts.ways):
        return False
    readings = collapsed.spread(run, len(cells), tail, sums, MAX_GLUED_STEPS)
    if not readings:
        return False
    printed = set(spaced)
    return all(piece is None or piece in printed for reading in readings for piece in reading)


def _spaced(run: Printed, tail: int) -> tuple[Printed, ...] | None:
    """The counts of ``run`` where it is counts apart by single spaces (a page whose cells
    were joined by one space), or one digit, each 0 a count of its own (zeros never run into
    one number: ``000000`` is six), else None; where its last ``tail`` characters may be the
    next label's numbering, only if they are a count of their own (``0 0 2``)."""
    text, line, column = run
    words = text.split(" ")
    if not all(word.isascii() and word.isdigit() for word in words) or (
        len(words) == 1 and len(text) > 1 and text.strip("0")  # ``12``: one value, or two
    ):
        return None
    if tail and len(words[-1]) != tail:
        return None
    pieces: list[Printed] = []
    at = column
    for word in words:
        zeros = not word.strip("0")
        pieces += [(d, line, at + i) for i, d in enumerate(word)] if zeros else [(word, line, at)]
        at += len(word) + 1
    return tuple(pieces)


def _apart(run: Printed, number: Printed, tail: int) -> bool:
    """Whether ``number``, a piece of ``run``, is printed apart: between spaces, the run's
    ends, or the start of its ``tail`` (the next label's numbering)."""
    text, _, column = run
    if not number[0]:
        return True  # a blank cell, a no-break space (``Runs.traced``)
    start = number[2] - column
    end = start + len(number[0])
    return (start == 0 or text[start - 1] in _APART) and (
        end == len(text) or text[end] in _APART or (tail > 0 and end == len(text) - tail)
    )


#: What prints values apart: a space, or a no-break space or a run of blank cells between
#: them (``Runs.traced``).
_APART = " " + NO_BREAK_SPACE + collapsed.BLANK_RUN + collapsed.BLANK_RUN_OR_NONE
#: Counts run together and single spaces (no sign, unit, decimals or placeholder).
_COUNTS_ONLY = re.compile(r"\d+(?: \d+)*")
#: Why a row of text that closes each run of blank cells to one space is not read so.
NO_CLOSED_WAY = "no way to cut it into its cells with each space one blank cell or more"
#: The blank cells of a traced run as the spaces the text printed.
_AS_SPACES = str.maketrans(dict.fromkeys(_APART, " "))


def not_placed(
    draft: Draft,
    template: Template,
    cells: Sequence[int],
    at: Printed,
    why: str,
    code: str = "values-unplaced",
) -> None:
    """Leave a row's cells missing, saying ``why``."""
    draft.close(cells)
    draft.find(
        diagnostic(
            code,
            f"{why}; its cells are missing",
            at[1],
            at[2],
            tuple(template.fields[i].key for i in cells),
        )
    )


def blanks_unread(draft: Draft, template: Template, at: int, where: Printed, why: str) -> None:
    """The blank cells of ``draft.given[at]`` taken back and left missing, saying ``why``
    (at ``where``): a row's blank cells beside values that went to no row, which may be
    that row's, are not read as printed blank. Nothing where the row printed every cell."""
    cells, printed, unit = draft.given[at]
    kept = [not not_given(text) for text, _, _ in printed]
    if all(kept):
        return
    draft.given[at] = (tuple(compress(cells, kept)), tuple(compress(printed, kept)), unit)
    not_placed(draft, template, [c for c, k in zip(cells, kept, strict=True) if not k], where, why)


def shown(digits: str) -> str:
    """A run of digits for a message: a long one cut short."""
    return repr(digits) if len(digits) <= 40 else f"'{digits[:20]}…' ({len(digits)} digits)"


def adds_up(rules: Iterable[Rule], cells: Sequence[int], values: Sequence[Printed]) -> bool:
    """Whether a rule lies inside the row and every such rule holds with ``values`` given to
    ``cells``, a blank cell counted as 0: a reading of a row checked by its own rules."""
    inside = _own_rules(rules, cells)
    shown = [("0" if not_given(text) else text, line, column) for text, line, column in values]
    return bool(inside) and holds(inside, cells, shown)


#: A run of digits holding what no number does: a separator between digits (``9、487``, ``0。5``), a
#: Latin letter (OCR's ``948Q``), what makes a number no count (``484人次``, ``约46``,
#: ``超过40``) or a note that is no footnote mark (``1283注1``).
DAMAGED = re.compile(
    r"\d[、。'’‘\u2009\u202f][ ]?\d|[A-Za-z]|\d(?:人|余|多|万(?!元)|%|左右|以上|[?？]|注)"
    rf"|(?:{'|'.join(NUMBER_WORDS)}|[约近超≈<>~≤≥±])[ ]*\d"
)
#: A count printed with a leading zero: two values glued, the first of them 0.
_LEADING_ZERO = re.compile(r"0[0-9]")


def glued(
    rules: Iterable[Rule], cells: Sequence[int], values: Sequence[Printed], placed: bool = False
) -> Rivals | None:
    """The rival readings of a row with one blank cell whose own rules break, or that
    prints a count with a leading zero (``06``): its printed values in order with one of
    them split into two (two values glued by a lost separator: ``405`` for ``40 5``),
    filling its cells, that let the rules hold. Their pieces (the halves, numbered after the
    row's) and options (the row by position first); ``None`` where there is none. A row
    with more blank cells is left as it is: its blanks are not where a glued value's second
    half stood (text the layout took for a label, say). ``placed``: the values stand in
    the columns the text lays out (space-aligned text), so a glued value fills its own cell
    and the blank one beside it, and every other value keeps its column: a report whose 总计
    is blank over parts that do not make 0 (its own error) is no pair glued further left
    (``33`` cut as 3 and 3, and 36, under 其他, read as 总计)."""
    inside = _own_rules(rules, cells)
    texts = [text for text, _, _ in values]
    if not _may_be_glued(inside, cells, values, texts):
        return None
    sums = sides(cells, inside)
    blank = texts.index("")
    printed = [at for at, text in enumerate(texts) if text]
    amounts = count_values(texts)
    if any(amounts[at] is None for at in printed):
        return None
    shapes = in_order(len(cells), len(printed) + 1)
    halves: list[Printed] = []
    options: list[Placement] = [tuple((at, at) for at in range(len(values)))]
    for at in printed:
        text, line, column = values[at]
        for cut, head, tail in splits(text):
            pieces, counts = _halved(printed, amounts, at, len(values) + len(halves), head, tail)
            found = _fitting(shapes, pieces, counts, sums, len(cells), blank)
            if placed:
                found = [
                    option
                    for option in found
                    if all(piece == cell for cell, piece in option if piece < len(values))
                ]
            if found:
                options += found
                halves += [(head, line, column), (tail, line, column + cut)]
    return (tuple(halves), tuple(options)) if len(options) > 1 else None


def glued_into_blank(values: Sequence[Printed], blank: int, beside: Iterable[int]) -> Rivals | None:
    """The rival readings of a row whose ``blank`` cell may be where one of two values glued
    by a lost separator stood, the glued value one of the cells ``beside`` it (the one before,
    or after: a tool leaves the token where its first value stood, or its last): each split
    of the value fills the two cells, the rest of the row read as printed. As ``glued``: the
    halves and the options (the row as printed first); ``None`` where no value splits."""
    halves: list[Printed] = []
    options: list[Placement] = [tuple((c, c) for c in range(len(values)))]
    for at in beside:
        text, line, column = values[at]
        for cut, head, tail in splits(text):
            first = len(values) + len(halves)
            halves += [(head, line, column), (tail, line, column + cut)]
            pieces = {min(at, blank): first, max(at, blank): first + 1}
            options.append(tuple((c, pieces.get(c, c)) for c in range(len(values))))
    return (tuple(halves), tuple(options)) if halves else None


def _may_be_glued(
    inside: Sequence[Rule], cells: Sequence[int], values: Sequence[Printed], texts: list[str]
) -> bool:
    """Whether a row may print two values glued: it has one blank cell and rules of its own,
    and they break or it prints a count with a leading zero."""
    if not inside or texts.count("") != 1:
        return False
    return not adds_up(inside, cells, values) or any(_LEADING_ZERO.match(text) for text in texts)


def _halved(
    printed: Sequence[int],
    amounts: Sequence[Value | None],
    at: int,
    first: int,
    head: str,
    tail: str,
) -> tuple[list[int], dict[int, Value]]:
    """The pieces of a row whose printed value ``at`` is cut into ``head`` and ``tail``
    (pieces ``first`` and ``first + 1``), in order, and each piece's count."""
    pieces = [p for p in printed if p < at] + [first, first + 1]
    pieces += [p for p in printed if p > at]
    counts = {p: amounts[p] for p in printed} | {first: int(head), first + 1: int(tail)}
    return pieces, counts  # type: ignore[return-value]


def _fitting(
    shapes: Iterable[Placement],
    pieces: Sequence[int],
    counts: Mapping[int, Value],
    sums: Sequence[Sides],
    size: int,
    blank: int,
) -> list[Placement]:
    """The ``shapes`` (``pieces`` in order filling ``size`` cells, the others the ``blank``
    piece, 0) whose counts make every one of ``sums`` hold, as options."""
    found: list[Placement] = []
    for shape in shapes:
        filled = {cell: pieces[piece] for cell, piece in shape}
        sizes = [counts[filled[c]] if c in filled else 0 for c in range(size)]
        if hold(sizes, sums):
            found.append(tuple((c, filled.get(c, blank)) for c in range(size)))
    return found


def splits(text: str) -> Iterator[tuple[int, str, str]]:
    """Each cut of ``text``, digits, into two numbers, neither with a leading 0 (two values
    glued by a lost separator): where it is cut, and the two."""
    for cut in range(1, len(text) if text.isascii() and text.isdigit() else 0):
        head, tail = text[:cut], text[cut:]
        if not ((head[0] == "0" and cut > 1) or (tail[0] == "0" and len(tail) > 1)):
            yield cut, head, tail


def repeated_columns(rows: Iterable[Sequence[Printed]], width: int) -> set[int]:
    """The grid columns whose value every row one value too wide prints twice, side by
    side, as python-docx gives a cell merged over two grid columns (once per column it
    spans): the positions where the text of each such row's value equals the next one's
    (rows of zeros fit anywhere; one row that fits none rules it out); none without such
    rows."""
    common: set[int] | None = None
    for values in rows:
        if len(values) == width + 1:
            same = {at for at in range(width) if values[at][0] == values[at + 1][0]}
            common = same if common is None else common & same
    return common or set()


def _repeated(values: Sequence[Printed], width: int) -> bool:
    """Whether the values past ``width`` all repeat the text of the last one within it."""
    last = values[width - 1][0] if width else None
    return all(cell[0] == last for cell in values[width:])


#: What ``row-missing`` says of rows whose label it finds nowhere.
NOT_FOUND = "rows not found"


def missing_rows(
    draft: Draft,
    template: Template,
    section: str,
    row_labels: Mapping[str, Sequence[str]],
    seen: Collection[str],
    printed: Iterable[str] = (),
    rows: Iterable[Row] = (),
) -> None:
    """Say which of a section's rows (``row_labels``: row key -> its labels) were not found
    (not in ``seen``): their cells are lost, and the finding names them. Those among
    ``printed`` (a label of theirs printed in the table) are said apart: their label is
    printed, their values are not found. So is each row whose label may be printed in label
    cells of the table's ``rows`` that name no row (``_labelled_in``), one finding each, at
    the first of those cells. Neither is looked for unless a row is missing."""
    absent = [row for row in row_labels if row not in seen]
    if not absent:
        return
    rows = list(rows)
    where = start(rows)  # the table's: where its rows are looked for
    printed = set(printed)
    held = _labelled_in(
        [row for row in absent if row not in printed],
        row_labels,
        rows,
        matcher(template.name, section),
    )

    for what, found in (
        (NOT_FOUND, [r for r in absent if r not in printed and r not in held]),
        (
            "rows whose label is printed, their values not found",
            [r for r in absent if r in printed],
        ),
    ):
        if found:
            draft.find(_rows_missing(template, section, row_labels, found, what, where))
    for row, cells in held.items():
        draft.find(_row_perhaps(template, section, row_labels, row, _where(cells), cells[0]))


def _where(cells: Sequence[Printed]) -> str:
    """Where a label may be printed: within one cell, or cut over several."""
    if len(cells) == 1:
        return f"within {cells[0][0]!r}, a label that names no row"
    return f"cut over {' / '.join(repr(cell[0]) for cell in cells)}, labels that name no row"


def _rows_missing(
    template: Template,
    section: str,
    row_labels: Mapping[str, Sequence[str]],
    rows: Sequence[str],
    what: str,
    where: tuple[int | None, int | None],
) -> Diagnostic:
    """The ``row-missing`` that says ``what`` of ``rows``, naming their cells, at ``where``
    (the table's start: the rows are said of the table, none of them found in it)."""
    return diagnostic(
        "row-missing",
        f"section {SECTION_NAMES[SECTION_NUMBERS[section]]}: {what}: "
        + ", ".join(row_labels[row][0] for row in rows),
        *where,
        _cell_keys(template, section, rows),
    )


def _row_perhaps(
    template: Template,
    section: str,
    row_labels: Mapping[str, Sequence[str]],
    row: str,
    where: str,
    cell: Printed,
) -> Diagnostic:
    """The ``row-missing`` of a row whose label may be printed ``where``, at ``cell``."""
    return diagnostic(
        "row-missing",
        f"section {SECTION_NAMES[SECTION_NUMBERS[section]]}: {row_labels[row][0]}: no values "
        f"read; its label may be printed {where}",
        cell[1],
        cell[2],
        _cell_keys(template, section, (row,)),
    )


def _cell_keys(template: Template, section: str, rows: Iterable[str]) -> tuple[str, ...]:
    return tuple(template.fields[cell].key for row in rows for cell in template.rows[section, row])


#: Each section with rows that ``labels_apart`` looks for, and their labels by template.
_ROW_LABELS = {"proactive": PROACTIVE_ROWS, "applications": APPLICATION_ROWS}


def labels_apart(
    found: Sequence[Diagnostic],
    template: Template,
    prose: Callable[[str], Sequence[tuple[int, str]]],
) -> list[Diagnostic]:
    """``found`` where each ``rows not found`` of section 二 or 三 names no row whose label
    stands on lines the section's outline gave to its prose, not to the table read
    (``prose``: a section's name -> its prose lines, with their numbers from 1): a line no
    longer than the row's longest label that the matcher takes for the row, whole or a
    piece of it cut by a wrap (``规章``, ``1.属于国``; ``_alone``), or short lines one after
    another that each name no row, cut from it (``行政`` / ``许可``; ``_labelled_in``, a
    label glued inside a line left out: a sentence may name a row). Such a row is said
    apart, at the first such line; the others are still not found. The lines are read only
    where a row is not found."""
    said: list[Diagnostic] = []
    for finding in found:
        section = finding.keys[0].partition(".")[0] if finding.keys else ""
        if (
            finding.code != "row-missing"
            or section not in _ROW_LABELS
            or not finding.message.partition(": ")[2].startswith(f"{NOT_FOUND}: ")
        ):
            said.append(finding)
            continue
        row_labels = _ROW_LABELS[section][template.name]
        keys = set(finding.keys)
        absent = [row for row in row_labels if set(_cell_keys(template, section, (row,))) <= keys]
        labels = matcher(template.name, section)
        lines = prose(section)
        alone: dict[str, tuple[Printed, ...]] = {
            row: (cell,) for row, cell in _alone(absent, row_labels, lines, labels).items()
        }
        for block in _short_lines(lines, row_labels):
            rest = [row for row in absent if row not in alone]
            alone |= _labelled_in(rest, row_labels, block, labels, glued=False)
        rest = [row for row in absent if row not in alone]
        if rest:
            where = (finding.line, finding.column)
            said.append(_rows_missing(template, section, row_labels, rest, NOT_FOUND, where))
        said.extend(
            _row_perhaps(
                template,
                section,
                row_labels,
                row,
                "apart from the table read"
                + (f": {cells[0][0]!r}" if len(cells) == 1 else f", {_where(cells)}"),
                cells[0],
            )
            for row, cells in alone.items()
        )
    return said


def _short_lines(
    lines: Sequence[tuple[int, str]], row_labels: Mapping[str, Sequence[str]]
) -> Iterator[list[Row]]:
    """``lines`` no longer than a row's longest label, as rows of one label cell each, in
    blocks that a longer line (a sentence) ends; a line that is a number is passed over
    (a value among a cut label's pieces)."""
    longest = max(len(normalise_label(label)) for labels in row_labels.values() for label in labels)
    block: list[Row] = []
    for number, line in lines:
        text = line.strip()
        if not text or is_number(text):
            continue
        if len(normalise_label(text)) > longest:
            if block:
                yield block
            block = []
            continue
        block.append(Row(((text, number, len(line) - len(line.lstrip()) + 1),), (), number))
    if block:
        yield block


def _alone(
    rows: Sequence[str],
    row_labels: Mapping[str, Sequence[str]],
    lines: Sequence[tuple[int, str]],
    labels: LabelMatcher,
) -> dict[str, Printed]:
    """For each of ``rows``, the first of ``lines`` that the matcher takes for it and is no
    longer than its longest label (a sentence that starts with a label is not one), as a
    printed cell: its text, line and column."""
    found: dict[str, Printed] = {}
    for number, line in lines:
        text = line.strip()
        words = normalise_label(text)
        kind, key = labels.match(text) if words else ("unknown", None)
        if (
            kind == "row"
            and key is not None
            and key in rows
            and key not in found
            and len(words) <= max(map(len, map(normalise_label, row_labels[key])))
        ):
            found[key] = (text, number, len(line) - len(line.lstrip()) + 1)
    return found


#: The shortest label looked for among a label's other words (``_Hosts``), and over several
#: labels (``_labelled_in``).
_MIN_GLUED = 3
_MIN_CUT = 4


def _labelled_in(
    keys: Sequence[str],
    row_labels: Mapping[str, Sequence[str]],
    rows: Iterable[Row],
    labels: LabelMatcher,
    *,
    glued: bool = True,
) -> dict[str, tuple[Printed, ...]]:
    """For each row of ``keys``, the label cells of ``rows`` naming no row in which its
    label may be printed: one that matches none or is taken for header words and holds the
    label glued to other words (``_Hosts``; unless not ``glued``: lines of prose, where a
    sentence may name a row), else cells one after another cut from it (``cut_over``):
    in reading order, or each row's last label cell alone, the column beside the values,
    where a vertical group label's pieces share the lines (``(四`` / ``有现``, ``)无`` /
    ``成信``)."""
    if not keys:
        return {}
    rows = list(rows)
    found: dict[str, tuple[Printed, ...]] = {}
    if glued:
        hosts = _Hosts(
            [cell for row in rows for cell in row.labels if labels.match(cell[0])[0] in _HOSTS],
            labels,
        )
        for key in keys:
            host = hosts.holding(key, [normalise_label(label) for label in row_labels[key]])
            if host is not None:
                found[key] = (host,)
    for cells in (
        (cell for row in rows for cell in _in_reading_order(row)),
        (row.labels[-1] for row in rows if row.labels),
    ):
        rest = [key for key in keys if key not in found]
        if rest:
            found |= cut_over(rest, row_labels, cells, labels)
    return found


#: What a label cell that may hold a label glued to other words is taken for.
_HOSTS = ("unknown", "furniture")


def _in_reading_order(row: Row) -> Sequence[Printed]:
    """A row's label cells, and among its values those that are words, not numbers (``无``,
    a printed blank, may be a cut label's first piece), in the order printed."""
    words = [cell for cell in row.values if not (cell[0].isascii() or is_number(cell[0]))]
    return sorted((*row.labels, *words), key=_PLACE) if words else row.labels


def cut_over(
    keys: Sequence[str],
    row_labels: Mapping[str, Sequence[str]],
    cells: Iterable[Printed],
    labels: LabelMatcher,
    shortest: int = _MIN_CUT,
) -> dict[str, tuple[Printed, ...]]:
    """For each row of ``keys``, a run of ``cells`` one after another, each matching no row
    or taken for a group or header words by a piece of them (``开``, ``”``), whose words,
    joined, hold a label of the row's, starting in the first and ending in the last (a
    label cut over lines: ``行政`` / ``规范`` / ``性文`` / ``件``); a label of ``shortest``
    characters or more (规章, 其他, 总计 stand in too many words)."""
    starts: list[int] = []
    kept: list[Printed] = []
    run_of: list[int] = []
    words: list[str] = []
    run = at = 0
    for cell in cells:
        kind = labels.match(cell[0])[0]
        if kind == "row" or (kind != "unknown" and labels.named(cell[0])):
            run += 1  # a label that names something ends a run
            continue
        starts.append(at)
        kept.append(cell)
        run_of.append(run)
        words.append(normalise_label(cell[0]))
        at += len(words[-1])
    text = "".join(words)
    found: dict[str, tuple[Printed, ...]] = {}
    for key in keys if text else ():
        own = {normalise_label(label) for label in row_labels[key]}
        for label in sorted(own, key=len, reverse=True):
            hit = text.find(label) if len(label) >= shortest else -1
            while hit >= 0 and key not in found:
                first = bisect_right(starts, hit) - 1
                last = bisect_right(starts, hit + len(label) - 1) - 1
                if run_of[first] == run_of[last]:
                    piece = slice(first, last + 1)  # cells of no words left out: ``(四``, ``、``
                    found[key] = tuple(compress(kept[piece], words[piece]))
                hit = text.find(label, hit + 1)
    return found


#: A printed cell's line and column.
_PLACE = itemgetter(1, 2)


class _Hosts:
    """Label cells that may hold a row's label glued to other words, their words worked out
    once for every row looked for in them."""

    def __init__(self, cells: Sequence[Printed], labels: LabelMatcher) -> None:
        self._cells = cells
        words = [normalise_label(cell[0]) for cell in cells]
        self._text = "\0".join(words)  # each cell's words, apart
        self._starts = list(accumulate((len(word) + 1 for word in words[:-1]), initial=0))
        #: The first cell in which a word names a row whole, by (the row, that word
        #: normalised): all that follows the cell's last header word, and each word apart.
        self._named: dict[tuple[str | None, str], int] = {}
        for at, cell in enumerate(cells):
            for word in (labels.after_header(cell[0]), *cell[0].split()):
                kind, row = labels.match(word)
                if kind == "row":
                    self._named.setdefault((row, normalise_label(word)), at)

    def holding(self, key: str, own: Sequence[str]) -> Printed | None:
        """The first cell that holds one of the row ``key``'s labels (``own``, normalised)
        glued to other words: within its words, a label of ``_MIN_GLUED`` characters or more
        (``申请情况（一）予以公开``), or, shorter, all that follows its last header word, which
        the matcher takes for the row (``…现行有效件数规章``: a header line run into the first
        row's label), or a word of its own apart so (``… 件数 规章``)."""
        within = (
            bisect_right(self._starts, hit) - 1
            for label in own
            if len(label) >= _MIN_GLUED and (hit := self._text.find(label)) >= 0
        )
        named = (self._named.get((key, label)) for label in own)
        first = min((at for at in (*within, *named) if at is not None), default=None)
        return None if first is None else self._cells[first]


def start(rows: Sequence[Row]) -> tuple[int | None, int | None]:
    """Where a table's first row starts."""
    first = next((row.labels or row.values for row in rows if row.labels or row.values), None)
    return (None, None) if first is None else first[0][1:]


def empty(taken: Sequence[Taken]) -> bool:
    """Whether rows print no number, neither as a value nor collapsed into a label cell."""
    return not any(runs or any(is_number(cell[0]) for cell in row.values) for row, runs in taken)


#: How far (in characters) a wrapped label's next line may start from its first.
_DRIFT = 1


def labels_below(rows: list[Row], matcher: LabelMatcher) -> list[Row]:
    """``rows`` whose labels a converter printed on the line below their values
    (PDF-to-Markdown that writes a table's label column after each row: ``| 9 2 | … |`` /
    ``一、本年新收…``) rejoined. Only where the table's first row of values has no label,
    the row after it is a row's label alone, and the next row of values has no label either
    and a row's label alone after it too: then each row of values without a label takes the
    row label alone right below it. A next row of values with its own label shows labels
    printed above their values (``pdftotext -raw``: ``二、上年结转政府信息公`` / ``开申请数量
    2 1 0 …``), and one with none and no label below it labels lifted above theirs (an
    extraction that lifts a row's label out of its table, ``二、上年结转政府`` / ``信息公开
    申请数量`` / ``| 120 | … |``): the first row's label is one the table's text lost."""
    first = next((at for at, row in enumerate(rows) if row.values), None)
    if first is None or rows[first].labels or not _label_alone(rows, first + 1, matcher):
        return rows
    after = next((at for at in range(first + 2, len(rows)) if rows[at].values), None)
    if after is not None and (rows[after].labels or not _label_alone(rows, after + 1, matcher)):
        return rows
    result: list[Row] = []
    taken = False
    for at, row in enumerate(rows):
        if taken:
            taken = False
            continue
        taken = bool(row.values) and not row.labels and _label_alone(rows, at + 1, matcher)
        result.append(row._replace(labels=rows[at + 1].labels) if taken else row)
    return result


def _label_alone(rows: Sequence[Row], at: int, matcher: LabelMatcher) -> bool:
    """Whether ``rows[at]`` is a template row's label alone (no values)."""
    if at >= len(rows) or rows[at].values or not rows[at].labels:
        return False
    return matcher.match(rows[at].labels[-1][0])[0] == "row"


def rewrapped(rows: list[Row], matcher: LabelMatcher) -> list[Row]:
    """``rows`` with their own labels completed by the lines they wrapped onto.

    A narrow label column wraps its text a few characters a line, below or above the row's
    values (Word's PDFs: ``1.属于`` / ``国家秘`` / ``密``; a cut ``2.其他`` even names another
    row; text of one cell a line: ``1.信访举报投诉类`` / ``申请`` / its values). A row's own
    label (its last) takes the cells of the label-only rows after it, or else before it,
    that start under it, when the joined label is a row label whole: a whole label (``规章``)
    never takes the next row's first line (``行政规范`` / ``性文件``), and a fragment never
    takes the head of the next row's label (``认或`` / ``重新出具…`` / ``1.申请人…``). A
    fragment row (neither a row's label whole nor a group's) with another row's whole label
    above it, under its own in label-only rows, loses its own label: its values may be that
    row's (pdftotext prints labels away from their values).
    """
    rows = _rest_valued(rows, matcher)
    result = list(rows)
    valued = list(map(bool, map(itemgetter(1), rows)))
    labelled = list(map(bool, map(itemgetter(0), rows)))
    # The rows with labels and values whose next row has no values: found at C speed.
    used: set[Printed] = set()
    for at in compress(count(), map(and_, map(and_, valued, labelled), map(not_, valued[1:]))):
        result[at] = _wrapped_below(rows, at, matcher)
        if result[at] is rows[at]:
            result[at], pieces = _wrapped_under_group(rows, at, matcher)
            used.update(pieces)
        # A row whose label the lines below completed is no block of stacked rows
        # (``stacked``): the units below its numbers are joined here.
        if result[at] is not rows[at] and (below := _units_below(rows, at))[1]:
            result[at] = _with_units(result[at], below[0])
            used.update(below[1])
    # A row of blank cells in text whose every blank line is an empty cell has cells too
    # (text of no positions, tabs or pipes, has none: its rows with values, at C speed).
    celled = (
        valued
        if all(map(is_, map(_POSITIONS, rows), repeat(_NO_POSITIONS)))
        else [
            bool(row.values or (row.positions.other and row.positions.other.cells)) for row in rows
        ]
    )
    for at in compress(count(1), map(and_, map(and_, celled[1:], labelled[1:]), map(not_, celled))):
        result[at] = _wrapped_above(
            rows, _wrapped_around(rows, result[at], at, matcher), at, matcher
        )
    # The rows with values between two rows of labels alone: found at C speed.
    bare = list(map(not_, valued))
    framed = map(and_, map(and_, bare[:-2], bare[2:]), map(and_, labelled[:-2], labelled[2:]))
    for at in compress(count(1), map(and_, framed, valued[1:-1])):
        result[at], pieces = _straddled(rows, result[at], at, matcher)
        used.update(pieces)
    if used:
        result = _without(result, used)
    return _blank_wrapped(result, matcher)


def _rest_valued(rows: list[Row], matcher: LabelMatcher) -> list[Row]:
    """``rows`` with each row read by order joined by the next, where that one's label is
    the rest of its own (no row's label whole) and it prints values: plain ``pdftotext`` of
    a narrow cell prints a row's label wrapped (``一、本年新收政府`` / ``信息公开申请数量``),
    the row's values beside its first line and the rests of numbers its cells wrap on one
    line after the label's last line (``… 52  106`` / ``信息公开申请数量`` / ``6``, 1066),
    no more rests than numbers. Values read by order are their last label's, and that label
    is the row's: the row then holds values from several lines (``Row.loose``), placed only
    where its own rules confirm them (``_rest_joined``)."""
    if not rows or not by_order(rows[0]):
        return rows  # a layout that places values (cells, positions, runs): at C speed
    # The rows of one label whose values start on a later line: found first, and rarely.
    below = [
        at
        for at, (labels, values) in enumerate(
            zip(map(itemgetter(0), rows), map(itemgetter(1), rows), strict=True)
        )
        if at and values and len(labels) == 1 and values[0][1] > labels[0][1]
    ]
    if not below:
        return rows
    result = list(rows)
    for at in reversed(below):
        before, row = result[at - 1], result[at]
        if (
            before.values
            and before.labels
            and by_order(before)
            and by_order(row)
            and all(line == before.labels[-1][1] for _, line, _ in before.values)
            and len({line for _, line, _ in row.values}) == 1
            and len(row.values) <= len(before.values)
            and not matcher.named(rest := row.labels[0][0])
            and matcher.exact((text := before.labels[-1])[0] + rest)
        ):
            labels = (*before.labels[:-1], _joined(text[0] + rest, *text[1:]))
            values = (*before.values, *row.values)
            result[at - 1] = before._replace(labels=labels, values=values, loose=True)
            del result[at]
    return result if len(result) < len(rows) else rows


def _without(rows: Sequence[Row], used: Set[Printed]) -> list[Row]:
    """``rows`` without the label cells ``used``: the pieces a row's label was joined from
    are its, not labels of rows of their own."""
    kept = [
        row._replace(labels=tuple(c for c in row.labels if c not in used))
        if not used.isdisjoint(row.labels)
        else row
        for row in rows
    ]
    return [row for row in kept if row.labels or row.values]


def _blank_wrapped(rows: list[Row], matcher: LabelMatcher) -> list[Row]:
    """``rows`` with the label of each row printed blank joined from the lines it wrapped
    onto, a row of blank cells: space-aligned text (Word's PDF through ``pdftotext
    -layout``) prints a blank row's wrapped label a few characters a line and nothing else
    (``1.属于国`` / ``家秘密``, ``3.危及`` / ``“三安全`` / ``一稳定”``), the layout making
    each line a row of blank cells, or marking it as a label that may wrap on
    (``Positions.wraps``). A row of labels alone whose own label (its last) is a fragment
    takes the pieces under it (``_pieces``) where the counts of them that join into a row's
    label whole all name one row (the longest taken: 费用 and 费用、行政机关… both name
    缴纳费用's row), only where every line from its first to its last is such a row, as
    are the rows next to them (a row whose values were set aside is not), and no line from
    the one above the label's first to the one below its last prints a value:
    ``pdftotext -layout`` prints a row's values on one of its lines, or on a line of their
    own between or next to them."""
    if all(map(is_, map(_POSITIONS, rows), repeat(_NO_POSITIONS))):
        return rows  # text of no positions (tabs, pipes, a cell a line): at C speed
    blank = [at for at, row in enumerate(rows) if _label_line(row)]
    if not blank:
        return rows
    value_lines = {
        line for row in rows if row.values for line in (row.line, *map(itemgetter(1), row.values))
    }
    result = list(rows)
    used: set[Printed] = set()
    for at in blank:
        row = rows[at]
        if row.labels[-1] in used:
            continue
        text, line, column = row.labels[-1]
        if matcher.exact(text) or matcher.match(text)[0] == "group":
            continue
        pieces = _pieces(rows, at + 1, 1, column, text)
        found = [
            (many, joined)
            for many in range(1, len(pieces) + 1)
            if matcher.exact(joined := text + "".join(part for part, _, _ in pieces[:many]))
        ]
        if len({matcher.match(joined)[1] for _, joined in found}) != 1:
            continue
        many, whole = found[-1]
        taken = pieces[:many]
        end = next(k for k in range(at, len(rows)) if taken[-1] in rows[k].labels)
        run = rows[at : end + 1]
        around = [rows[k] for k in (at - 1, end + 1) if 0 <= k < len(rows)]
        if (
            value_lines.intersection(range(line - 1, taken[-1][1] + 2))
            or any(b.line != a.line + 1 or not _label_line(b) for a, b in pairwise(run))
            or not all(other.values or _label_line(other) for other in around)
        ):
            continue
        grids = [other.positions for other in run if other.positions.cells]
        if not grids:
            continue
        labels = (*row.labels[:-1], _joined(whole, line, column))
        result[at] = row._replace(labels=labels, positions=grids[0])
        used.update(taken)
    return _without(result, used) if used else result


#: A row's columns ranked on its page (``Positions.ranks``).
_RANKS = attrgetter("positions.ranks")
#: A row's positions, and those of a row of a layout that gives none.
_POSITIONS = attrgetter("positions")
_NO_POSITIONS = Row._field_defaults["positions"]


def _label_line(row: Row) -> bool:
    """Whether ``row`` is labels alone on a line that prints no value, as space-aligned
    text's layout found it: a row of blank cells, or a label that may wrap on."""
    cells = row.positions.cells
    return (
        bool(row.labels)
        and not row.values
        and (row.positions.wraps or (bool(cells) and not any(map(itemgetter(0), cells))))
    )


def _wrapped_below(rows: Sequence[Row], at: int, matcher: LabelMatcher) -> Row:
    """``rows[at]`` with its own label (its last: group labels come first) completed by the
    label-only rows below that start under it, where they join into a row's label whole:
    all of them, or else the first few, where one count of them does (the next row's
    label may begin below it before its values: ``8.属于行政`` / values / ``查询事项`` /
    ``（四）无法提  1.本机关不``), but not for values gathered from several lines
    (``Row.loose``, see ``_wrapped_around``). Where counts that do name one row (a label
    and its shorter alias: ``其他对外管理服务`` / ``事项``), the most pieces are its."""
    row = rows[at]
    text, _, column = row.labels[-1]
    rest = [
        cell
        for later in _label_rows(rows, at + 1, 1)
        for cell in later.labels
        if abs(cell[2] - column) <= _DRIFT
    ]
    if rest and matcher.exact(whole := text + "".join([piece for piece, _, _ in rest])):
        return _completed(rows, at, whole, rest, matcher)
    found: list[tuple[str, int]] = []
    joined = text
    pieces = [] if row.loose else _pieces(rows, at + 1, 1, column, text)
    for taken, (part, _, _) in enumerate(pieces, 1):
        joined += part  # the label and its first few pieces, one more each time
        if matcher.exact(joined):
            found.append((joined, taken))
    if len({matcher.match(joined)[1] for joined, _ in found}) == 1:
        return _completed(rows, at, found[-1][0], pieces[: found[-1][1]], matcher)
    return row


def _completed(
    rows: Sequence[Row], at: int, label: str, pieces: Sequence[Printed], matcher: LabelMatcher
) -> Row:
    """``rows[at]`` with its own label ``label``, completed by ``pieces`` of the label-only
    rows below. A piece past a page break shows the row cut by it (Word splits a tall row
    over two pages, each cell's lines on both), and a number its narrow cell wraps may go on
    past the break too (``行政 1 项 -1 446`` / ``\\f处罚`` / ``行政`` / ``强制`` / ``45`` /
    ``项`` / ``7 件`` / ``381``, 4467). Where the text past the break, up to the next header
    (``_past_break``), prints numbers on more than one line, one of them may be such a rest:
    the row is then ``loose`` and ``stacked``, as ``cell_per_line.in_blocks`` makes a row
    whose number goes on below it, so only its own rules may confirm its values. Numbers on
    one line past the break are taken as the next row's (its one cell, or its boxes that
    pdfminer.six groups on a line), and none leave no rest: the row is read as it is. (A
    rest alone on that line, the next row printing nothing, would look the same; the
    tool bed's Word PDFs print none, and doubting every such row cost 29 right cells in
    12,600 renderings.)"""
    row = rows[at]
    _, line, column = row.labels[-1]
    row = row._replace(labels=(*row.labels[:-1], _joined(label, line, column)))
    if not row.values:
        return row
    lines = {piece[1] for piece in pieces}
    pages = {
        later.page
        for later in _label_rows(rows, at + 1, 1)
        if lines & {on for _, on, _ in later.labels}
    }
    if not pages - {row.page} or len(_past_break(rows, at, matcher)) < 2:
        return row
    return row._replace(loose=True, stacked=True)


def _past_break(rows: Sequence[Row], at: int, matcher: LabelMatcher) -> set[int]:
    """The lines that print values in the rows after ``rows[at]``, up to the next row whose
    label is a header's word (the next sub-table's, ``第二十条第（八）项``)."""
    lines: set[int] = set()
    for later in rows[at + 1 :]:
        if any(matcher.match(text)[0] == "furniture" for text, _, _ in later.labels):
            break
        lines.update(on for _, on, _ in later.values)
    return lines


def _units_below(rows: Sequence[Row], at: int) -> tuple[tuple[Printed, ...], tuple[Printed, ...]]:
    """The values of ``rows[at]`` with the units wrapped below its numbers joined to them,
    and those units' cells: a number and its unit too wide for a narrow cell print the unit
    on a line below (``政府  56  1175208`` / ``集中`` / ``个     元`` for 1175208元, which the
    number alone would give in the column's unit, 万元). Joined where the label-only rows
    below print units alone right of the label column, each starting under exactly one
    number printed without a unit; else none."""
    values = rows[at].values
    left = min(column for _, _, column in values) - _DRIFT
    taken: dict[Printed, Printed] = {}
    for later in _label_rows(rows, at + 1, 1):
        units = [cell for cell in later.labels if cell[2] >= left]
        if any(unit not in _UNITS for unit, _, _ in units):
            break
        for unit in units:
            over = [
                cell
                for cell in values
                if _BARE_NUMBER.fullmatch(cell[0])
                and cell[2] - _DRIFT <= unit[2] <= cell[2] + len(cell[0])
            ]
            if len(over) != 1 or over[0] in taken:
                return values, ()
            taken[over[0]] = unit
    if not taken:
        return values, ()
    joined = tuple(
        (cell[0] + taken[cell][0], *cell[1:]) if cell in taken else cell for cell in values
    )
    return joined, tuple(taken.values())


def units_apart(rows: list[Row], matcher: LabelMatcher) -> list[Row]:
    """``rows`` with each unit printed alone on a line of text read by order (no cell
    boundaries, no positions: plain ``pdftotext``) joined to the number it belongs to: a
    narrow cell wraps a number's unit onto a line of its own, after it (``34775835`` /
    ``元``) or, where the tool orders lines by their baselines, before it (``元`` / ``0``,
    the layout then taking the unit for the label of the values after it). The unit goes
    to the number of the row before it (a template row's, past pieces of its own label
    wrapped below it) that it follows, where that number prints no unit of its own; else,
    weaker, to the number after it, which then continues that row (values read by order
    are the last label's); where numbers without units stand on both sides, it could be
    either's and is left alone (its values name no row: not read), and the row before it
    is ``Row.loose`` and ``Row.stacked``: the numbers after the unit may continue it, a
    sub-table printed column by column (pdfminer.six of Word's PDF: ``事项`` / ``0`` /
    ``0`` / ``21`` / ``件`` / ``942``, more values than its cells), so only its own rules
    place them. A unit its own label ends in is left alone too (``规范`` / ``性文 10 9 10``
    / ``件``: the label's last piece). A row so joined
    whose values stand on several lines is ``Row.loose`` and ``Row.stacked`` (a cell's
    pieces one under the other): a cell wrapped onto two lines makes its row tall, and the
    tool prints the row's other cells by their baselines among its lines, not in column
    order (Word's PDF: ``10`` / ``件`` / ``33 件`` / ``10`` / ``件`` for 10件, 10件, 33件),
    so only the row's own rules, or its values' units (``placed_by_units``), place them;
    values on one line stand in its order (``行政 529 -22 450`` / ``强制 项`` / ``件``).
    In a flow of a cell a line read by position (PyMuPDF's), a unit alone on the line under
    a row's last value, printing no cell of its own, is that value's (``100`` / ``个``): a
    unit starts no row, and the count is no cell of the next column (0 for 采购总金额)."""
    result = list(rows)
    dropped: set[int] = set()
    for at, row in enumerate(rows):
        if at in dropped or not row.values or not row.labels or row.grid.cells or row.runs.cells:
            continue
        placed = bool(row.positions.cells)  # a flow of a cell a line: its unit's row prints none
        own = row.labels[-1][0]
        after = at + 1
        while after < len(rows) and _own_piece(rows[after], own, matcher):
            after += 1
        if after >= len(rows) or not _unit_alone(rows[after], placed):
            continue
        unit, below = rows[after].labels[0][0], rows[after].values
        if placed and rows[after].labels[0][1] != row.values[-1][1] + 1:
            continue  # a unit by position is the last value's only on the line under it
        if own.endswith(unit) and not (placed and _label_whole_above(rows, at, unit)):
            continue  # the last piece of its label (规范 / 性文 10 9 10 / 件)
        last = result[at].values[-1]
        before_bare = _BARE_NUMBER.fullmatch(last[0]) is not None
        after_bare = bool(below) and _BARE_NUMBER.fullmatch(below[0][0]) is not None
        if before_bare and after_bare:
            # A unit for either number, and the numbers after it may continue the row
            # (``事项`` / ``0`` / ``0`` / ``21`` / ``件`` / ``942``): its order is unknown.
            result[at] = result[at]._replace(loose=True, stacked=True)
            continue
        if before_bare == after_bare:
            continue  # a unit for neither number
        values = result[at].values
        if before_bare:
            values = (*values[:-1], (last[0] + unit, *last[1:]), *below)
        else:
            values = (*values, (below[0][0] + unit, *below[0][1:]), *below[1:])
        apart = len({line for _, line, _ in values}) > 1
        result[at] = (
            _with_unit_row(_with_units(result[at], values), rows[after].positions)
            if placed
            else result[at]._replace(
                values=values, loose=row.loose or apart, stacked=row.stacked or apart
            )
        )
        dropped.add(after)
    return [row for at, row in enumerate(result) if at not in dropped] if dropped else result


def _label_whole_above(rows: Sequence[Row], at: int, unit: str) -> bool:
    """Whether ``rows[at]``'s own label, ending in ``unit``, was printed whole by the row's
    own line: the label-only pieces right above it, then its own piece, ``unit`` alone
    (``规范`` / ``性文`` / ``件`` / ``&nbsp;`` / ``10``). A ``unit`` alone under the row's
    values is then no piece of its label, but the last value's unit (``0`` / ``件``)."""
    own, first = rows[at].labels[-1][:2]
    pieces: list[str] = []
    for back in range(at - 1, -1, -1):  # the label-only rows right above, from its first line
        row = rows[back]
        if row.values or not row.labels or row.line < first:
            break
        pieces[:0] = (text for text, _, _ in row.labels)
    return own == "".join(pieces) + unit


def by_order(row: Row) -> bool:
    """Whether ``row`` is read by the order of its values alone: no cell boundaries, no
    positions, no run of values together."""
    return not (row.positions.cells or row.grid.cells or row.runs.cells)


def _own_piece(row: Row, label: str, matcher: LabelMatcher) -> bool:
    """Whether ``row`` is labels alone that are pieces of ``label`` (a row's label wrapped
    over lines below its values: ``政府`` / ``集中 2个`` / ``采购``), naming no row."""
    return (
        bool(row.labels)
        and not row.values
        and all(
            text in label and text not in _UNITS and matcher.match(text)[0] != "row"
            for text, _, _ in row.labels
        )
    )


def _with_unit_row(row: Row, unit: Positions) -> Row:
    """``row``, read by position, with the blank cells its unit's row printed after the unit
    (``unit``): they are the row's own next cells (``100`` / ``个`` / ``&nbsp;``: 100个
    and a blank), so the row holds as many cells as it printed."""
    mine = row.positions
    cells = (*mine.cells, *unit.cells)
    spaced = mine.spaced | {len(mine.cells) + at for at in unit.spaced}
    return row._replace(positions=mine._replace(cells=cells, spaced=frozenset(spaced)))


def _unit_alone(row: Row, placed: bool = False) -> bool:
    """Whether ``row``'s one label is a unit alone (``元``, ``个``), read by order, or, after
    a row read by position (``placed``), on a line of its own: PyMuPDF's ``100`` / ``个``,
    the unit of a number wrapped in its cell, then the next cells' lines (``&nbsp;``,
    ``+9``): a unit starts no row."""
    return (
        len(row.labels) == 1
        and row.labels[0][0] in _UNITS
        and (by_order(row) or (placed and not row.grid.cells))
    )


def _with_units(row: Row, values: tuple[Printed, ...]) -> Row:
    """``row`` with ``values``, its numbers with the units wrapped below them joined
    (``_units_below``), in its positions too: a row read by position must not read the
    number without its unit (``1630000`` for 1630000元, taken in the column's 万元)."""
    joined = {cell[1:]: cell for cell in values}
    cells = tuple(joined.get(cell[1:], cell) for cell in row.positions.cells)
    return row._replace(values=values, positions=row.positions._replace(cells=cells))


#: A sub-row's number before its label (``1.``, ``２．``).
_SUB_NUMBER = re.compile(r"\s*(\d{1,2})\s*[.,、]")


def _wrapped_under_group(
    rows: Sequence[Row], at: int, matcher: LabelMatcher
) -> tuple[Row, tuple[Printed, ...]]:
    """``rows[at]`` with its own label completed by the label-only rows below that start
    under the group label before it, where the two shared one cell that wrapped at its left
    edge (``（五）不予处理 1.`` / ``信访举报投诉类申请``, the values beside the first line):
    only where the pieces join into one row's label whole, that row is in the group the
    group label names, and its place there is the number the label starts with. Returns the
    row and the pieces under the group label: its label's, taken or not (in doubt they are
    no row's label printed with blank cells: that row's cells are missing, never blank)."""
    row = rows[at]
    if len(row.labels) == 1 and not row.loose:
        return _sub_row_below(rows, at, matcher)
    if len(row.labels) < 2 or row.loose:
        return row, ()
    (group, _, left), (text, line, column) = row.labels[-2:]
    number = _SUB_NUMBER.match(fold(text))
    kind, key = matcher.match(group)
    if number is None or kind != "group" or matcher.exact(text):
        return row, ()
    pieces = _pieces(rows, at + 1, 1, left)
    found = [
        (many, joined)
        for many in range(1, len(pieces) + 1)
        if matcher.exact(joined := text + "".join(part for part, _, _ in pieces[:many]))
    ]
    named = matcher.match(found[0][1])[1] if len(found) == 1 else None
    if named is None or not named.startswith(f"{key}.") or matcher.place(named) != int(number[1]):
        return row, tuple(pieces)  # the label's own lines, whatever they name: not a row's
    many, joined = found[0]
    return row._replace(labels=(*row.labels[:-1], _joined(joined, line, column))), tuple(
        pieces[:many]
    )


def _sub_row_below(
    rows: Sequence[Row], at: int, matcher: LabelMatcher
) -> tuple[Row, tuple[Printed, ...]]:
    """``rows[at]``, whose one label is a group's whole, with the label of its sub-row that
    the label-only rows below print under the group label: the sub-row's label wrapped in its
    narrow column left the values beside the group label alone (``（五）不予处理  4`` / ``1``
    / ``.信访举报投诉类申请``). Only where one count of the nearest such rows' pieces (one a
    row, each starting under the group label) joins into one row's label whole, that row is
    in the group the group label names, and its place there is the number the label starts
    with. The row's values are taken as gathered (``Row.loose``): the line beside a group's
    label does not show their columns (inscriptis prints a row's label in the first value
    column and its values one column right), so only the row's own rules confirm them.
    Returns the row and the pieces it took."""
    row = rows[at]
    below = rows[at + 1].labels if at + 1 < len(rows) else ()
    if len(below) != 1 or not below[0][0][:1].isdigit():
        return row, ()  # a sub-row's label starts with its number
    group, line, left = row.labels[0]
    kind, key = matcher.match(group)
    if kind != "group" or not matcher.named(group):
        return row, ()
    pieces: list[Printed] = []
    for later in _label_rows(rows, at + 1, 1):
        if len(later.labels) != 1 or abs(later.labels[0][2] - left) > _DRIFT:
            break
        pieces.append(later.labels[0])
    found = [
        (many, joined)
        for many in range(1, len(pieces) + 1)
        if matcher.exact(joined := "".join(part for part, _, _ in pieces[:many]))
    ]
    if len(found) != 1:
        return row, ()
    many, joined = found[0]
    named = matcher.match(joined)[1]
    number = _SUB_NUMBER.match(fold(joined))
    if (
        named is None
        or number is None
        or not named.startswith(f"{key}.")
        or matcher.place(named) != int(number[1])
    ):
        return row, ()
    _, _, column = pieces[0]
    labelled = (row.labels[0], _joined(joined, line, column))
    return row._replace(labels=labelled, loose=True), tuple(pieces[:many])


def _wrapped_above(rows: Sequence[Row], row: Row, at: int, matcher: LabelMatcher) -> Row:
    """``row`` (at ``at``), whose own label is a fragment, completed by the label-only rows
    above it that start over it, or, in text of one cell a paragraph (lynx centres each
    line of a cell, wherever it starts), that run into it with no empty cell between
    (``_runs_into``), up to a numbered piece (a label's start: ``1.信访举`` / ``报投诉类``
    never takes the lines above it, a row's label whole and a group's pieces); its own
    label dropped where another row's whole label stands above it, under its own and in
    its own sub-table (below the last heading, ``_heads``), but in text of one cell a
    paragraph, where every row prints its cells; a column's header word, which names
    whose column the values are (``现行有效件数`` / ``1``), is kept. A fragment that reads
    as a group's piece (``公开`` of （三）不予公开, ``他`` of （六）其他处理) is completed too
    where the row's cells are placed by position: a group's piece has none of its own."""
    text, _, column = row.labels[-1]
    if (
        matcher.exact(text)
        or numbered(text)
        or (matcher.match(text)[0] == "group" and (matcher.named(text) or not row.positions.cells))
    ):
        return row
    earlier_rows = list(_label_rows(rows, at - 1, -1))
    paragraphs = bool(row.positions.other and row.positions.other.cells)
    above = ""
    for used, earlier in enumerate(earlier_rows):
        parts = [part for part, _, start in earlier.labels if abs(start - column) <= _DRIFT]
        if not parts and paragraphs and all(map(_runs_into, earlier_rows[: used + 1])):
            parts = [earlier.labels[-1][0]]
        if not parts:
            break
        above = parts[-1] + above
        if matcher.exact(above + text):
            earlier_rows = earlier_rows[used + 1 :]
            start = earlier.labels[-1]
            row = row._replace(labels=(*row.labels[:-1], _joined(above + text, *start[1:])))
            break
        if numbered(parts[-1]):
            break  # a numbered piece begins a label: none above it is this label's
    if (
        not paragraphs
        and matcher.match(text)[0] != "furniture"
        and any(
            matcher.exact(part) and matcher.match(part)[0] == "row"
            for other in takewhile(
                lambda above: _no_cells(above) and not _heads(above), earlier_rows
            )
            for part, _, start in other.labels
            if abs(start - column) <= _DRIFT
        )
    ):
        # Another row's whole label above it, with no values of its own: pdftotext prints
        # labels away from their values, so these may be that row's. Neither is guessed.
        # A column's header word printed bare (总计, 2021's 其他) is the header's, no row's.
        # A row that prints its cells, all blank (text of one cell a line, blank cells in
        # its rhythm), holds its own. In text of one cell a paragraph (lynx's) every row
        # above prints its cells, or runs into the next label (a label's next paragraph,
        # a group's rows): none is a label printed away from its values. A column's header
        # word beside the values is kept: it says whose column they are (``现行有效件数``
        # / ``1`` under 行政事业性收费 is a block of 第二十条第（一）项's column, no 本年收费金额).
        row = row._replace(labels=row.labels[:-1])
    return row


def _heads(row: Row) -> bool:
    """Whether ``row`` prints a sub-table's heading (section 二's article line,
    ``第二十条第（五）项``), above which the rows are another sub-table's."""
    return any(fold(text) in _ARTICLES for text, _, _ in row.labels)


#: Section 二's sub-tables' article lines, folded.
_ARTICLES = frozenset(
    fold(article) for blocks in PROACTIVE_BLOCKS.values() for article, _, _ in blocks
)


def _no_cells(row: Row) -> bool:
    """Whether ``row`` prints no cells of its own (no positions, no grid)."""
    return not (row.positions.cells or row.grid.cells)


def _wrapped_around(rows: Sequence[Row], row: Row, at: int, matcher: LabelMatcher) -> Row:
    """``row`` (at ``at``), whose own label is a piece of a label wrapped over lines above
    and below it, completed by both: ``pdftotext -layout`` prints the values of a row made
    tall by its wrapped label on the middle one of an odd count of its lines
    (``一、本年新收`` / ``政府信息公开  58  7 …`` / ``申请数量``). The pieces are the cells of
    the label-only rows around it that start under its label, nearest first; the label is
    completed only where the counts of pieces above and below that join into a row's label
    whole all name one row (the longest join taken: ``其他`` / ``对外`` / ``管理  2  40`` /
    ``服务`` / ``事项`` joins into 其他对外管理服务 and 其他对外管理服务事项, both its
    aliases; a quote mark or a note in brackets is no part of the name, so
    ``3.危及“三安全一稳定`` names the row ``…”`` does), and only for a row whose values sit
    on one line: values gathered from several lines (``Row.loose``: ``规范  12`` /
    ``3件 1件``, 12 the last column's) need not come in the columns' order, and a named row
    would be read in it."""
    if not row.values or not row.labels or row.loose:
        return row
    text, _, column = row.labels[-1]
    if matcher.exact(text) or matcher.match(text)[0] == "group" or numbered(text):
        return row
    above, below = _pieces(rows, at - 1, -1, column, text), _pieces(rows, at + 1, 1, column, text)
    found = [
        (many, joined)
        for many in range(1, len(above) + 1)
        for fewer in range(1, len(below) + 1)
        if matcher.exact(
            joined := "".join(part for part, _, _ in reversed(above[:many]))
            + text
            + "".join(part for part, _, _ in below[:fewer])
        )
    ]
    if len({matcher.match(joined)[1] for _, joined in found}) != 1:
        return row
    many, joined = max(found, key=lambda join: len(join[1]))
    _, line, start = above[many - 1]
    return row._replace(labels=(*row.labels[:-1], _joined(joined, line, start)))


def _pieces(
    rows: Sequence[Row], start: int, step: int, column: int, own: str = ""
) -> list[Printed]:
    """The cells of the label-only rows from ``start`` on (``step`` 1: down, -1: up) that
    start under ``column``, one a row (the nearest to the row the pieces go with), up to
    a row with none. A row whose labels all end left of ``column`` (a group label's pieces
    beside the wrapped one, one or two characters a line: ``本`` / ``年``, ``本年`` / ``度办``)
    is passed over. A numbered piece begins a label: going up, the pieces end with it; going down,
    before it. A line of a wrapped label narrower than the one before it may be centred under
    it (``政执法案`` / ``卷``, ``3.危`` / ``及“``), and the piece on a row's values' line may
    start left of the pieces around it (``4.保`` / ``护第`` / ``三方  0  0 …``, two characters
    left, the group label （三）不予公开 beside the pieces below): where no cell starts under
    ``column``, one no wider starting right of it within the piece before (or ``own``, the
    label piece of the row the pieces go with) is the next piece (in characters, as
    ``pdftotext -layout`` counts them, a CJK character one though its glyph is two wide:
    within twice the piece's characters, or right where its glyphs end, as ``pdftotext``
    rounds a narrow line centred under a wider one: ``3.其`` / ``    他``)."""
    pieces: list[Printed] = []
    for row in _label_rows(rows, start, step):
        under = [cell for cell in row.labels if abs(cell[2] - column) <= _DRIFT]
        if not under and all(at + len(text) < column - _DRIFT for text, _, at in row.labels):
            continue
        if not under and (pieces or own):
            before = display_width(pieces[-1][0] if pieces else own)
            under = [
                cell
                for cell in row.labels
                if column < cell[2] <= column + before and display_width(cell[0]) <= before
            ]
        if not under or (step > 0 and numbered(under[0][0])):
            break  # going down, a numbered piece begins the next row's label
        pieces.append(under[-1] if step < 0 else under[0])
        if step < 0 and numbered(pieces[-1][0]):
            break  # going up, a numbered piece begins this label: above it is another's
    return pieces


def _straddled(
    rows: Sequence[Row], row: Row, at: int, matcher: LabelMatcher
) -> tuple[Row, tuple[Printed, ...]]:
    """``row`` (at ``at``) with its own label from the label-only rows around it, where its
    labels name no row (a group label, or a piece of one) and the last cell above and the
    first below start at one column right of them and join into a row's label:
    ``pdftotext -layout`` prints the values of a row made tall by its wrapped label on its
    middle line, beside the middle of a merged group label (``2.申请人…不再`` / ``他处理  16
    15 …`` / ``处理其政府信息公开申请``). Where those two alone do not, the pieces above and
    below at that column (``_pieces``) do where one count of each joins into a row's label
    whole (Word's PDF: ``（二）部分公开`` / ``（区分处理的，`` / ``年  4  1  6`` /
    ``只计这一情形，`` / ``不计其他情形）``, the group label ``三、本年度办理结果`` one or
    two characters a line: the row's labels end left of the pieces), all the counts that do
    naming one row (its note in brackets is no part of the name). Returns the row and the
    pieces its label took."""
    if not row.values or at == 0 or at + 1 == len(rows):
        return row, ()
    above, below = rows[at - 1], rows[at + 1]
    if above.values or below.values or not above.labels or not below.labels:
        return row, ()
    if any(matcher.match(text)[0] == "row" for text, _, _ in row.labels):
        return row, ()
    (text, line, column), rest = above.labels[-1], below.labels[0]
    left = max((start for _, _, start in row.labels), default=0)
    if column <= left or abs(rest[2] - column) > _DRIFT:
        return row, ()
    if matcher.exact(text) or matcher.exact(rest[0]):
        return row, ()  # a label whole is its own row's, no piece of another's
    if matcher.exact(text + rest[0]):
        return row._replace(labels=(*row.labels, _joined(text + rest[0], line, column))), ()
    if not row.labels or any(start + len(part) >= column - _DRIFT for part, _, start in row.labels):
        return row, ()
    ups, downs = _pieces(rows, at - 1, -1, column), _pieces(rows, at + 1, 1, column)
    found = [
        (many, fewer, joined)
        for many in range(1, len(ups) + 1)
        for fewer in range(1, len(downs) + 1)
        if matcher.exact(
            joined := "".join(part for part, _, _ in reversed(ups[:many]))
            + "".join(part for part, _, _ in downs[:fewer])
        )
    ]
    if len({matcher.match(joined)[1] for _, _, joined in found}) != 1:
        return row, ()
    many, fewer, joined = min(found)
    _, line, start = ups[many - 1]
    used = (*ups[:many], *downs[:fewer])
    return row._replace(labels=(*row.labels, _joined(joined, line, start))), used


def _runs_into(row: Row) -> bool:
    """Whether a row of labels alone runs into the next row's label with no empty cell
    between, in text whose every blank line is an empty cell (``Positions.other``): a
    label cell's next paragraph."""
    other = row.positions.other
    return other is not None and not other.cells and not other.cut


def _label_rows(rows: Sequence[Row], start: int, step: int) -> Iterator[Row]:
    """The rows of labels alone from ``start`` on (``step`` 1: down, -1: up), up to a row of
    values."""
    at = start
    while 0 <= at < len(rows) and not rows[at].values:
        yield rows[at]
        at += step


def _joined(text: str, line: int, column: int) -> Printed:
    return (text[:MAX_CELL_CHARS], line, column)


def stacked(rows: list[Row], matcher: LabelMatcher) -> list[Row]:
    """``rows`` with each block of rows stacked in one row of the table made one row: a
    narrow label column wraps its label a few characters a line, and ``pdftotext -layout``
    prints a cell's number and its unit on different lines of the row (Word's and
    browsers' PDFs: ``行政 258`` / ``0  5件`` / ``许可  项``). A block is a run of rows on
    consecutive lines, holding values, one of them with a label that names no row: a whole
    run (an empty line ends it), or the one part of it that ends it or a row of values and
    follows no row of values with a fragment label. It is made one row only where it is
    certain (``_stacked_row``), else left as it is (its fragments then name no row, and
    its cells stay missing).

    A block holds a row of values with no cell boundaries (``_stacked_row``): rows that all
    have them (tab, pipe or cell-per-line text) or no values are passed over at once."""
    for row in rows:
        if row.values and not row.grid.cells and not row.runs.cells:
            break
    else:
        return rows
    result: list[Row] = []
    start = 0
    while start < len(rows):
        end = start + 1
        while end < len(rows) and rows[end].line == _last_line(rows[end - 1]) + 1:
            end += 1
        if end - start > 1:  # a block spans two rows at least
            result.extend(_stacked_run(rows[start:end], matcher))
        else:
            result.append(rows[start])
        start = end
    return result


#: The most rows a block of stacked rows may span (a label wrapped two characters a line).
_MOST_STACKED = 12


def _stacked_run(run: Sequence[Row], matcher: LabelMatcher) -> Iterator[Row]:
    """The rows of ``run`` (rows on consecutive lines), its blocks made one row each. A
    block holds no row whose label names a row (``_stacked_row``), so none is tried past
    one: a table whose rows each name theirs tries none."""
    names = [_names_row(row, matcher) for row in run]
    if all(names):
        yield from run
        return
    at = 0
    while at < len(run):
        if at and run[at - 1].values and not names[at - 1]:
            yield run[at]
            at += 1
            continue
        named = next((k for k in range(at, len(run)) if names[k]), len(run))
        found = [
            (end, joined)
            for end in range(at + 2, min(len(run), at + _MOST_STACKED, named) + 1)
            if end == len(run) or run[end].values
            if (joined := _stacked_row(run[at:end], matcher)) is not None
        ]
        if len(found) == 1:
            yield found[0][1]
            at = found[0][0]
        else:
            yield run[at]
            at += 1


def _names_row(row: Row, matcher: LabelMatcher) -> bool:
    return any(matcher.match(text)[0] == "row" for text, _, _ in row.labels)


def _last_line(row: Row) -> int:
    return max((line for _, line, _ in (*row.labels, *row.values)), default=row.line)


#: The units of money and counts a cell may print after its number.
_UNITS = frozenset((*COUNT_UNITS, *MONEY_UNITS))
#: A number printed without its unit, which may stand on a line below it.
_BARE_NUMBER = re.compile(r"[+-]?\d[\d,]*(?:\.\d+)?")


def _stacked_row(block: Sequence[Row], matcher: LabelMatcher) -> Row | None:
    """The one row ``block`` prints, or None where it is not certain. Its label is the
    cells left of every value, one a line at most, joined: a template row's label whole.
    Every other label cell is a unit alone, stacked under exactly one number without a
    unit whose text it starts under (``258`` / ``项``); two values whose texts overlap in
    column on different lines (a number wrapped: ``12`` / ``34``) leave the block as it is.
    The values go in the order of their columns, which must be the same in characters
    (``pdftotext -layout``) and in display columns (the wide characters left of each value
    on its line counted twice), whichever the tool laid them out in. A row of values whose
    line prints none of its cells had its label set aside (``rewrapped``: a fragment under
    another row's whole label, its values maybe that row's): the block is left as it is,
    its pieces above naming no row for those values (``行政`` / ``处罚`` / ``[行政]`` /
    ``1647``, the last piece set aside, is no 行政处罚). A row whose value may be a piece
    of another row's count (``Row.stacked``: ``行政  54项  -4`` / ``处罚`` / ``40`` / ``行政
    88`` / ``00件``, 4000件 wrapped over three lines) keeps the joined row ``stacked``."""
    valued = [row for row in block if row.values]
    if not valued or any(row.runs.cells or row.grid.cells for row in block):
        return None
    if len({row.page for row in valued}) > 1:
        return None  # two pages' columns, each laid out on its own (``Row.page``)
    if any(row.line not in {cell[1] for cell in (*row.labels, *row.values)} for row in valued):
        return None
    if any(_names_row(row, matcher) for row in block):
        return None
    values = [cell for row in valued for cell in row.values]
    if any(not text for text, _, _ in values):
        return None
    left = min(column for _, _, column in values)
    pieces: list[Printed] = []
    units: list[Printed] = []
    for row in block:
        here = [cell for cell in row.labels if cell[2] < left]
        if len(here) > 1:
            return None
        pieces.extend(here)
        units.extend(cell for cell in row.labels if cell[2] >= left)
    label = "".join(text for text, _, _ in pieces)
    if not pieces or not matcher.exact(label):
        return None
    if any(one[1] != two[1] and _overlap(one, two) for one, two in combinations(values, 2)):
        return None
    taken: dict[Printed, str] = {}
    for unit, line, column in units:
        if unit not in COUNT_UNITS and unit not in MONEY_UNITS:
            return None
        over = [
            cell
            for cell in values
            if cell[1] < line
            and _BARE_NUMBER.fullmatch(cell[0])
            and cell[2] - _DRIFT <= column <= cell[2] + len(cell[0])
        ]
        if len(over) != 1 or over[0] in taken:
            return None
        taken[over[0]] = unit
    ordered = sorted(values, key=itemgetter(2))
    wide = [_wide_before(block, cell) for cell in ordered]
    if any(
        a[2] >= b[2] or a[2] + x >= b[2] + y
        for (a, x), (b, y) in pairwise(zip(ordered, wide, strict=True))
    ):
        return None
    first = valued[0]
    return first._replace(
        labels=(_joined(label, *pieces[0][1:]),),
        values=tuple(
            (text + taken.get((text, line, column), ""), line, column)
            for text, line, column in ordered
        ),
        line=min(pieces[0][1], first.line),
        loose=True,
        # a value doubted stays in doubt
        stacked=any(row.stacked for row in valued) or _between_pieces(values),
        positions=Positions(),
    )


def _between_pieces(values: Sequence[Printed]) -> bool:
    """Whether a value of a block stands on a line between two other values' lines: a
    number wrapped in its narrow cell over two lines (``321`` / ``5件``) straddles the
    cells of one line beside it, centred between its lines, and which column each of those
    stands in is then read across lines of different text: PyMuPDF's
    ``get_text(sort=True)`` spaces each line by its own characters' widths (``行政  321`` /
    ``3项`` / ``处罚  5件``: 5件 printed left of 321, for 3, a blank cell and 3215), so only
    rules may confirm them. A unit alone below its number (``行政 258`` / ``0  5件`` / ``许可
    项``, ``pdftotext -layout``) is no such piece: those columns stand as laid out."""
    lines = [line for _, line, _ in values]
    return any(min(lines) < line < max(lines) for line in lines)


def _wide_before(block: Sequence[Row], cell: Printed) -> int:
    """How many wide characters the cells of ``block`` print left of ``cell`` on its line:
    how far its column in characters falls short of its column in display columns."""
    _, line, column = cell
    return sum(
        len(_WIDE.findall(text))
        for row in block
        for text, at, start in (*row.labels, *row.values)
        if at == line and start < column
    )


#: A CJK character or a full-width form: two display columns wide.
_WIDE = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


def _overlap(one: Printed, two: Printed) -> bool:
    """Whether two printed texts overlap in column."""
    return one[2] < two[2] + len(two[0]) and two[2] < one[2] + len(one[0])
