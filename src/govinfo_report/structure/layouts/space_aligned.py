"""Space-aligned columns (``lynx -dump``, ``pdftotext -layout``, ``pandoc -t plain``,
inscriptis): a row a line, cells separated by runs of spaces, dashed rules above and below
(pandoc); a wrapped label continues on lines of its own and a merged group label sits on a
line in its middle.

A blank cell is a gap: wider space between two values, or none where the row ends early. The
columns are found from the offsets of the whole table's values (``columns``), measured as
the tool laid them out: lynx and pandoc in display columns (a CJK character, full-width forms
too, two wide), ``pdftotext -layout`` in characters. Each row whose values sit on one line
gets its cells by position, gaps as blank cells (``Row.positions``), which its section reads where
every row fits it; elsewhere only printed values count, and a row printing fewer values than
columns is left to the consistency rules to place, and so is one whose values stand off
their columns in display columns (a full-width character before them, folded one wide:
``_shifted``). Such text loses no cell: one a row's values leave out is blank, or its
value is on another line (``Row.gaps``), so the rules derive it only as 0.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import reduce
from itertools import accumulate, pairwise
from math import gcd
from operator import itemgetter
from typing import ClassVar, NamedTuple
from unicodedata import east_asian_width

from ...cells import LABEL, NUMBER, PLACEHOLDER, is_value
from ...labels import COUNT_UNITS, MONEY_UNITS
from ...memo import weighed
from .base import (
    NUMBERED,
    VALUE,
    VALUE_APART,
    VALUE_START,
    Layout,
    Positions,
    Printed,
    Row,
    Words,
    line_words,
    loose_value_lines,
    page_breaks,
    paged,
    word_rows,
)

#: A value ending a line after a label or another value, across spaces; a number with its
#: unit apart only after a column's gap (two spaces or more: prose puts one), and count
#: units alone after it so (the units of counts on the line above, wrapped in narrow cells:
#: ``文件  0件  件``). The spaces before it are looked behind at, after a lookahead on its
#: first character: a line wide with spaces (pandoc, ``pdftotext -layout``) is then tried
#: only where a value may start.
_LAST_VALUE = (
    rf"(?={VALUE_START})(?:(?<=[^\S\t]){VALUE}|(?<=[^\S\t]{{2}}){VALUE_APART})"
    rf"(?:[^\S\t]{{2,}}(?:{'|'.join(COUNT_UNITS)}))*[^\S\t]*$"
)
_ROW = re.compile(rf"\S[^\S\t]*{_LAST_VALUE}")
#: A unit alone, which heads no column: ``pdftotext -layout`` prints a count's unit on the
#: line below it in a narrow cell (``258`` / ``项``), under the value, not the header.
_UNITS = frozenset((*COUNT_UNITS, *MONEY_UNITS))
#: How far (in columns) two offsets may be apart and still be the same column's.
_SLACK = 1
#: How far a value may stand off its column's header word when every word of that column
#: shares its line with the label column's note (``_fits``): the note's wide glyphs move
#: the words after it, and Word's PDF through ``pdftotext -layout`` prints such a column's
#: value up to three characters off its word (bed 5454 page 11: 商业企业 at 21-24 beside
#: ``加第四项之和）``, its ``1`` at 27 under ``科研``, whose line holds no note). A value that
#: near two columns' words may be either's: only the rules place it.
_DRIFT = 3
#: The widest whitespace that joins cells without laying them out in columns (``joined``).
_SEPARATOR = 2
#: The widest gap a table laid out cell by cell leaves after a column's widest cell: the
#: tool's cell separator (inscriptis: two spaces by default, a few at most). Text whose
#: narrowest such gap is wider is laid out by position (``pdftotext -layout`` of a page
#: whose two values stand 18 characters past its widest label, the next 54 further: three
#: gaps of 18 would be two columns empty in every row, claimed blank where the page's
#: columns merely stand apart), and is not read by cell index (``cell_starts``).
_CELL_SEPARATOR_MOST = 4
#: Two words a gap wider than one space apart: a line laid out in columns (``gridded``).
_COLUMN_GAP = re.compile(r"\S[^\S\t]{2,}\S")
#: Two words more spaces apart than a separator joins cells (``padded``).
_PADDING = re.compile(rf"\S {{{_SEPARATOR + 1},}}\S")


def _spelt_down(words: list[Words]) -> list[Words]:
    """``words`` with a one-character mark of "not given" (``无``) taken as a label's
    character where the lines right above and below it each hold a label of one character
    at its column: Word's PDF writes a vertical group label one character a line (``）`` /
    ``无`` / ``法`` / ``提`` / ``供``), beside other labels' pieces, and ``pdftotext -layout``
    keeps each at the label's column (as ``cell_per_line`` reads plain pdftotext's)."""
    for at in range(1, len(words) - 1):
        cells, kinds = words[at]
        marks = [
            index
            for index, (text, _, column) in enumerate(cells)
            if text == "无"
            and kinds[index] == PLACEHOLDER
            and all(
                any(
                    kind == LABEL and len(other) == 1 and start == column
                    for (other, _, start), kind in zip(*words[near], strict=True)
                )
                for near in (at - 1, at + 1)
            )
        ]
        if marks:
            words[at] = (cells, "".join(LABEL if n in marks else k for n, k in enumerate(kinds)))
    return words


def _by_column(row: Row, lines: Sequence[str], first_line: int, anchors: _Anchors) -> Row:
    """A row whose values sit on several lines, all right of its label, with its values in
    column order: ``pdftotext -layout`` centres a cell's text in a row made tall by a wrapped
    label, so a column's value may sit on a line above the values left of it (``行政 … 122``
    over ``45项 +28``). Columns are display columns (a CJK character is two wide, as the
    tool laid them out). The row stays ``loose``: a number cut over two lines also looks
    so, and the row's own rules, where it has any, must confirm it. A line wrapped back to
    the margin (left of the label) keeps the line order."""
    values = row.values
    if len(values) < 2 or values[0][1] == values[-1][1] or not row.labels:
        return row
    if min(column for _, _, column in values) <= row.labels[0][2]:
        return row
    placed = sorted((_display(lines[cell[1] - first_line], cell[2]), cell) for cell in values)
    return row._replace(
        values=tuple(cell for _, cell in placed),
        stacked=_stacked(placed) or _off_grid(row, anchors),
    )


def _off_grid(row: Row, anchors: _Anchors) -> bool:
    """Whether of ``row``'s values some stand beside its label and others on a line of
    their own whose values stand under no word of the table's labelled lines
    (``_Anchors.unanchored``): the text's offsets on the two lines tell no column order."""
    labelled = {line for _, line, _ in row.labels}
    on = {line for _, line, _ in row.values}
    own = labelled | on
    return bool(on & labelled) and any(
        anchors.unanchored(line, own) for line in sorted(on - labelled)
    )


def _lifted_apart(
    rows: list[Row], lines: Sequence[str], first_line: int, words: Sequence[Words]
) -> list[Row]:
    """``rows`` with a value lifted between two rows set apart as a row of its own, with no
    label (``Row.lifted``): lynx and ``pdftotext -layout`` print a tall cell's value
    centred, on a line of its own between its row's line and the next (``规章  372  587
    2711`` / ``4999`` / ``规范性文件  369  859``), and the line of values after a row is read
    as that row's. Under a value of the row's line, such a value is that number's rest only
    where its narrow cell wraps it: a cell is as wide as any header word printed over it on
    one line, and a value narrower than the narrowest such word by ``_WRAP_ROOM`` has room
    to go on in its cell. The value set apart may be this row's or the next one's: its
    section places it only where that is certain."""
    result: list[Row] = []
    header: list[tuple[str, tuple[Span, Span]]] | None = None
    for row in rows:
        last = _lone_last(row, lines, first_line)
        if last is not None:
            if header is None:
                header = _header_words(lines, first_line, words)
            if _has_room(_beside(row), last, lines, first_line, header):
                kept = tuple(value for value in row.values if value is not last)
                apart = len({line for _, line, _ in kept}) > 1
                result.append(
                    row._replace(
                        values=kept, loose=row.loose and apart, stacked=row.stacked and apart
                    )
                )
                result.append(Row((), (last,), last[1], lifted=True))
                continue
        result.append(row)
    return result


def _lone_last(row: Row, lines: Sequence[str], first_line: int) -> Printed | None:
    """``row``'s last value where it stands alone on a line after its label's, and it and
    the values beside the label's last piece stand as printed (none joined from pieces)."""
    if len(row.values) < 2 or not row.labels:
        return None
    last = row.values[-1]
    if last[1] <= max(line for _, line, _ in row.labels) or row.values[-2][1] == last[1]:
        return None
    beside = _beside(row)
    printed = all(
        lines[line - first_line].startswith(text, column - 1)
        for text, line, column in (*beside, last)
    )
    return last if beside and printed else None


def _beside(row: Row) -> list[Printed]:
    """``row``'s values on its label's last line."""
    return [value for value in row.values if value[1] == row.labels[-1][1]]


def _header_words(
    lines: Sequence[str], first_line: int, words: Sequence[Words]
) -> list[tuple[str, tuple[Span, Span]]]:
    """The words of the table's lines of labels alone, with their spans."""
    return [
        (text, span)
        for cells, kinds in words
        if LABEL in kinds and NUMBER not in kinds and PLACEHOLDER not in kinds
        for (text, _, _), span in zip(cells, _spans(lines, first_line, cells), strict=True)
    ]


#: How much narrower, in display columns, than its cell's narrowest header word a number
#: must be for its cell to have room for it on one line (a CJK character is two digits
#: wide in the fonts reports use; one digit's slack for a proportional font's).
_WRAP_ROOM = 2


def _has_room(
    beside: Sequence[Printed],
    last: Printed,
    lines: Sequence[str],
    first_line: int,
    header: Sequence[tuple[str, tuple[Span, Span]]],
) -> bool:
    """Whether ``last`` stands under one of the values ``beside`` a row's label's last piece
    (in display columns or in characters) whose header words leave that value room in its
    cell."""
    (rest,) = _spans(lines, first_line, [last])
    for head, span in zip(beside, _spans(lines, first_line, beside), strict=True):
        for m in (0, 1):
            if not (span[m][0] < rest[m][1] and rest[m][0] < span[m][1]):
                continue
            over = [
                _display_width(text)
                for text, word in header
                if word[m][0] < span[m][1] and span[m][0] < word[m][1]
            ]
            if over and min(over) >= len(head[0]) + _WRAP_ROOM:
                return True
    return False


def _stacked(placed: Sequence[tuple[int, Printed]]) -> bool:
    """Whether of a row's values (with their display columns, in their order) two on
    different lines stand one under the other, touching or overlapping, in characters
    (``pdftotext -layout``) or in display columns (lynx): a number wrapped in its narrow
    cell (``行政许可  4  1283`` / ``6``), whose pieces the column order reads as two cells."""
    return _overlap([(at, at + len(text), line) for at, (text, line, _) in placed]) or _overlap(
        sorted((column, column + len(text), line) for _, (text, line, column) in placed)
    )


def _overlap(spans: Sequence[tuple[int, int, int]]) -> bool:
    """Whether of ``spans`` (start, end, line), sorted by start, one starts before an earlier
    one of another line ends."""
    end, line = spans[0][1], spans[0][2]
    for start, stop, on in spans[1:]:
        if start <= end and on != line:
            return True
        if stop > end:
            end, line = stop, on
    return False


class _Anchors:
    """The spans (in display columns and in characters) of every word of the table's lines
    that hold a label: header words, label pieces and the values printed beside a label,
    measured once a table, when a row first asks (``_unanchored``)."""

    def __init__(self, lines: Sequence[str], first_line: int, words: Sequence[Words]) -> None:
        self.lines, self.first_line, self.words = lines, first_line, words
        self.spans: list[tuple[int, tuple[Span, Span]]] | None = None

    def unanchored(self, line: int, own: Iterable[int]) -> bool:
        """Whether a value on ``line`` (a line holding values and no label) stands under no
        word of a line that holds a label, but those of ``own`` (its row's lines), in
        either measure. A tall row's label-less line (``行政  2650`` / ``22  0`` / ``许可
        9``) is laid out on the table's grid where the text is (``pdftotext -layout``, lynx):
        its values stand under the header's words or other rows' values. PyMuPDF's
        ``get_text(sort=True)`` starts each line at its first word's x but spaces the words
        after a label by their gaps, narrower: the values after a label stand left of the
        label-less line's (header words at 15-27, ``22  0`` at 38-44), and offsets on the
        two kinds of line tell no column order. A count's unit is no anchor
        (``_unit_free``)."""
        if self.spans is None:
            self.spans = [
                (cells[0][1], mark)
                for cells, kinds in self.words
                if LABEL in kinds
                for (text, _, _), span in zip(
                    cells, _spans(self.lines, self.first_line, cells), strict=True
                )
                if (mark := _unit_free(text, span)) is not None
            ]
        cells, kinds = self.words[line - self.first_line]
        if LABEL in kinds:
            return False
        skip = set(own)
        anchors = [span for on, span in self.spans if on not in skip]
        return any(
            not any(
                value[m][0] < anchor[m][1] + _SLACK and anchor[m][0] < value[m][1] + _SLACK
                for anchor in anchors
                for m in (0, 1)
            )
            for value in _spans(self.lines, self.first_line, cells)
        )


def _unit_free(text: str, span: tuple[Span, Span]) -> tuple[Span, Span] | None:
    """``span`` (a word ``text``'s) without the units at either end of a count (``0 件``,
    ``件0``), ``None`` for a unit alone: a unit stands wherever its count ends, and where a
    line's cells run together (PyMuPDF's ``规章  0 件0 件0 件``) it marks no column."""
    if text in _UNITS:
        return None
    count = text.strip("".join(_UNITS)).strip()
    if count == text or not any(character.isdigit() for character in count):
        return span
    before, after = text[: text.index(count)], text[text.index(count) + len(count) :]
    (display, characters) = span
    return (
        (display[0] + _display_width(before), display[1] - _display_width(after)),
        (characters[0] + len(before), characters[1] - len(after)),
    )


#: The most values a row of section 二 prints (its widest sub-table's columns).
_MOST_PROACTIVE = 3


def _wrapped_numbers(rows: list[Row], words: Sequence[Words], first_line: int) -> list[Row]:
    """``rows`` with each number wrapped over the lines around its row's line joined:
    ``pdftotext -layout`` centres a row's one-line cells on the middle line of a cell that
    wraps, so a number too wide for its narrow cell prints its first digits on the line
    above the row's values and the rest on the line below (``107`` / ``（七）总计  162  223
    …  131`` / ``2``; ``一、本年新收  100`` / ``政府信息公开  170 … 110`` / ``申请数量  0``),
    the first piece taken for the row above's last value, the second for the row's last or
    the next row's only one. Joined where the row's line holds its label and its other
    values, all left of the number, each piece is the one value of its line (right of any
    label piece there), both are digits, and the second is no wider than the first and
    under it. The row stays loose (``Row.loose``): its own rules must confirm the number,
    so only a row of more values than a row of section 二 holds (which no rule checks) is
    joined."""
    for at in range(1, len(rows)):
        row, before = rows[at], rows[at - 1]
        if not row.labels or not before.values:
            continue
        line = row.labels[-1][1]
        if (
            len(row.values) == 1
            and len(before.values) > _MOST_PROACTIVE
            and _continued(before, row, line, words, first_line)
        ):
            top, bottom = before.values[-1], row.values[0]
            rows[at - 1] = before._replace(
                values=(*before.values[:-1], (top[0] + bottom[0], *top[1:])), loose=True
            )
            rows[at] = row._replace(values=())
            continue
        after = rows[at + 1] if at + 1 < len(rows) else None
        if row.values and row.values[-1][1] == line + 1:
            own, bottom, below = row.values[:-1], row.values[-1], None
        elif after is not None and len(after.values) == 1 and after.labels:
            own, bottom, below = row.values, after.values[0], after
        else:
            continue
        top = before.values[-1]
        if (
            len(own) <= _MOST_PROACTIVE
            or not _wrapped(top, bottom, own, line, words, first_line)
            or _across_a_start(row, top, below, words, first_line)
        ):
            continue
        rows[at] = row._replace(values=(*own, (top[0] + bottom[0], *top[1:])), loose=True)
        rows[at - 1] = _without_last(before)
        if below is not None:
            rows[at + 1] = _without_last(below)
    return [row for row in rows if row.labels or row.values]


def _straddling(
    rows: list[Row],
    lines: Sequence[str],
    first_line: int,
    words: Sequence[Words],
    anchors: _Anchors,
) -> list[Row]:
    """``rows`` with the pieces of a tall row's cells printed on its label's last line
    joined to the cells they wrap: Word's PDF through ``pdftotext -layout`` prints a row
    whose label wraps in its narrow cell (``行政`` / ``许可``) on three lines, the first
    line of each cell that wraps beside the label's first piece, each one-line cell
    centred on the line between, and each wrapped cell's rest beside the label's last
    piece, under its first line: a number's rest (``1390`` in a narrow cell: ``行政  139`` /
    ``95  -9`` / ``许可  0``) or a count's unit (``行政  172  497`` / ``-6`` / ``许可  项
    件``). Joined where the first line holds only the label piece and the values that wrap,
    the next only values, none under those, and the last only the next row's one label
    piece and a rest under each of some of them (``_rests``). The next row keeps its label
    piece (a cut label's rest, which its section joins). The row's values are then whole
    cells in column order (``_by_column``'s, in display columns): not ``loose``, though on
    two lines (no grid places them, ``_on_one_line``).

    A label wraps only in a column too narrow for it, so its first piece is as wide as the
    widest label piece printed beside values: a narrower one is a whole label, and the
    line after it another row's (``行政处罚  6  -1`` / ``7`` / ``行政强制  2  0``: 行政强制's
    last value centred above its line), not the pieces' rests. A label's rest never starts
    with a row's numbering: ``二、上年结转…  0  0 …`` under ``一、本年新收…  64 … 7`` / ``0`` (70
    wrapped in its cell) is the next row, its zeros no rests of 64 … 7 (640 … 70)."""
    widest = max(
        (
            len(text)
            for row in rows
            for text, line, _ in row.labels
            if any(on == line for _, on, _ in row.values)
        ),
        default=0,
    )
    for at in range(len(rows) - 1):
        row, after = rows[at], rows[at + 1]
        if (
            len(row.labels) != 1
            or not after.labels
            or len(row.labels[0][0]) < widest
            or NUMBERED.match(after.labels[0][0])
        ):
            continue
        line = row.labels[0][1]
        tops = [value for value in row.values if value[1] == line]
        own = [value for value in row.values if value[1] == line + 1]
        rests = [*after.labels[1:], *after.values]
        if (
            not tops
            or not own
            or len(tops) + len(own) != len(row.values)
            or after.labels[0][1] != line + 2
            or any(on != line + 2 for _, on, _ in rests)
            or [len(words[on - first_line][0]) for on in range(line, line + 3)]
            != [1 + len(tops), len(own), 1 + len(rests)]
        ):
            continue
        joined = _rests(tops, rests, own)
        if joined is not None:
            values = sorted(
                (*own, *joined), key=lambda cell: _display(lines[cell[1] - first_line], cell[2])
            )
            if anchors.unanchored(line + 1, (line, line + 1, line + 2)):
                # the one-line cells' offsets tell no order beside the wrapped ones'
                rows[at] = row._replace(values=tuple(values), loose=True, stacked=True)
            else:
                rows[at] = row._replace(values=tuple(values), loose=False)
            rows[at + 1] = after._replace(labels=after.labels[:1], values=())
    return rows


def _rests(
    tops: Sequence[Printed], rests: Sequence[Printed], own: Sequence[Printed]
) -> list[Printed] | None:
    """``tops`` (the first lines of a tall row's wrapped cells) with ``rests`` (their last
    lines) joined, or ``None`` where some rest is no such: each rest stands under one top
    (from its first column to its last), no two under one; it is a unit (``项``) under a
    number, or digits, with a unit or not, under a number with no unit (the number's last
    digits). No value of ``own`` (the row's one-line cells) stands under a top: a value in
    the column of a wrapped cell would be a piece of it."""
    joined = list(tops)
    for rest in rests:
        text, _, column = rest
        under = [
            at
            for at, (top, _, start) in enumerate(tops)
            if start <= column and column + len(text) <= start + len(top)
        ]
        if len(under) != 1 or joined[under[0]] is not tops[under[0]]:
            return None
        top = tops[under[0]]
        number = top[0].lstrip("+-")
        digits = text.rstrip("".join(_UNITS))
        if not number.isdigit() or not (
            text in _UNITS or (digits.isdigit() and len(text) - len(digits) <= 1)
        ):
            return None
        joined[under[0]] = (top[0] + text, *top[1:])
    if joined == list(tops) or any(
        start < at + len(text) and at < start + len(top)
        for top, _, start in tops
        for text, _, at in own
    ):
        return None
    return joined


#: A group label's numbering alone on its line, written down its column (``三、``, ``三``,
#: ``（五）``, ``（五``): no row's label piece.
_NUMERAL = "[一二三四五六七八九十]{1,3}"
_GROUP_NUMBERING = re.compile(rf"{_NUMERAL}、?|[(（]{_NUMERAL}[)）]?")
#: A label's rest after its numbering wrapped off (``.属于行政执法案卷``, ``、重复申请``).
_NUMBERING_REST = re.compile(r"[.．、]\D")
#: A line starting with such a rest.
_REST_FIRST = re.compile(r"\s*[.．、]\D")


def _numbering_apart(words: list[Words]) -> list[Words]:
    """``words`` with each number that is a label's numbering wrapped apart from the rest of
    its label taken for a label: a row's label wrapped in its narrow column right after its
    numbering's digits prints them alone, beside the row's values, and the rest under them
    (``7  1  0 … 1`` / ``.属于行政执法案卷``). A number is such where it is its line's first
    word, one or two digits, and the next line's first word starts in its column (one off:
    a space kept) with the numbering's mark and the label's words; else the number is a
    value (a count wrapped onto a line of its own, ``_wrapped_numbers``)."""
    found = words
    for at in range(len(words) - 1):
        (cells, kinds), (below, _) = words[at], words[at + 1]
        if (
            kinds[:1] == NUMBER
            and below
            and len(cells[0][0]) <= 2
            and cells[0][0].isdigit()
            and abs(below[0][2] - cells[0][2]) <= 1
            and _NUMBERING_REST.match(below[0][0])
        ):
            if found is words:
                found = list(words)
            found[at] = (cells, LABEL + kinds[1:])
    return found


def _wrapped(
    top: Printed,
    bottom: Printed,
    own: Sequence[Printed],
    line: int,
    words: Sequence[Words],
    first_line: int,
) -> bool:
    """Whether ``top`` and ``bottom`` are the pieces of one number wrapped over the lines
    around ``line``, which holds the row's ``own`` values (``_wrapped_numbers``)."""
    (upper, above, start), (lower, below, column) = top, bottom
    first = min(at for _, _, at in own)
    return (
        above == line - 1
        and below == line + 1
        and upper.isdigit()
        and lower.isdigit()
        and start <= column
        and column + len(lower) <= start + len(upper)
        and all(on == line and at + len(text) < start for text, on, at in own)
        and all(_alone(words[on - first_line], first) for on in (above, below))
    )


def _across_a_start(
    row: Row, top: Printed, below: Row | None, words: Sequence[Words], first_line: int
) -> bool:
    """Whether the pieces of a number wrapped around ``row``'s line stand across a row's
    start, each then its own row's value: ``top`` beside a label piece on the line above
    ``row``'s numbered label, the row above's last (``复申请  38`` / ``5.要求行  0 … 0`` /
    ``政机关确认  47``), or the bottom beside ``below``'s numbered label, the next row's
    first (``1.属于  50`` / ``国家秘密  18 … 0`` / ``2.其他  42``). A numbering alone beside
    ``top`` (``三、``, or ``三`` with its ``、`` on the next line: a group label written down
    its column, ``本年`` / ``度办`` under it) is no row's label piece, and no value is its
    own."""
    cells, kinds = words[top[1] - first_line]
    pieces = [text for (text, _, _), kind in zip(cells, kinds, strict=True) if kind == LABEL]
    return (
        NUMBERED.match(row.labels[-1][0]) is not None
        and bool(pieces)
        and not all(_GROUP_NUMBERING.fullmatch(text.strip()) for text in pieces)
    ) or (below is not None and NUMBERED.match(below.labels[-1][0]) is not None)


def _continued(before: Row, row: Row, line: int, words: Sequence[Words], first_line: int) -> bool:
    """Whether ``row``'s one value, on the line of its label's piece (``line``), is the rest
    of ``before``'s last value wrapped under it in its narrow cell: the row's label wrapped
    onto the next line and the number with it (``一、本年新收政府  529 … 234  137`` /
    ``信息公开申请数量  1`` for 1371, the cell's one-line neighbours on its first line).
    Both digits, every value of ``before`` on the line above, the rest no wider than the
    number and under it, the one value of its line (right of any label piece there), and
    that piece no numbered label: a row's label starts below the row above's cells, so a
    value beside it is its own (``量反复申请  22 … 55`` / ``5.要求行政机关  44``)."""
    if row.values[0][1] != line or NUMBERED.match(row.labels[-1][0]):
        return False
    (upper, above, start), (lower, _, column) = before.values[-1], row.values[0]
    first = min(at for _, _, at in before.values)
    return (
        above == line - 1
        and upper.isdigit()
        and lower.isdigit()
        and start <= column
        and column + len(lower) <= start + len(upper)
        and all(on == above for _, on, _ in before.values)
        and _alone(words[line - first_line], first)
    )


def _alone(words: Words, first: int) -> bool:
    """Whether a line's ``words`` hold one value, any label pieces ending left of column
    ``first`` (the row's first value)."""
    cells, kinds = words
    labels = [cell for cell, kind in zip(cells, kinds, strict=True) if kind == LABEL]
    return len(labels) == len(kinds) - 1 and all(at + len(text) <= first for text, _, at in labels)


def _without_last(row: Row) -> Row:
    """``row`` without its last value, ``loose`` as its other values are."""
    kept = row.values[:-1]
    lines = Counter(on for _, on, _ in kept)
    return row._replace(values=kept, loose=len(lines) > 1 and max(lines.values()) > 1)


def _display(line: str, column: int) -> int:
    """The display column where 1-based character ``column`` of ``line`` starts. The text
    has its full-width punctuation folded (``source``): ``(``, ``)``, ``,``, ``:`` and ``;``
    next to a CJK character were most likely full-width, and are counted two wide."""
    return _widths(line)[column - 1] + _folded_before(line, _folded(line), column)


def _folded_before(line: str, folded: list[int], column: int) -> int:
    """How many of ``line``'s folded punctuation marks (at ``folded``) come before
    1-based character ``column``, as a search up to there finds them."""
    before = column - 2  # the last character before the cell's
    count = bisect_left(folded, before)
    if before >= 0 and _FOLDED_WIDE.match(line, before, column - 1):
        count += 1  # as it reads when the line ends at the cell: no lookahead past it
    return count


@weighed(lambda result, line: len(line))
def _widths(line: str) -> tuple[int, ...]:
    """The display column where each character of ``line`` starts, and where it ends: each
    line of a table is measured once, not once for each cell on it. The memo is weighed by the
    lines' characters (about 10 MB at most): an ``lru_cache`` of 1,024 lines, cleared at each
    table, held 370 MB for a table of lines of 7,000 characters."""
    return (0, *accumulate(map(_WIDTH.__getitem__, line)))


@weighed(lambda result, line: len(line))
def _folded(line: str) -> list[int]:
    """Where ``line``'s folded full-width punctuation (``_FOLDED_WIDE``) is: found once a
    line, not once for each cell on it."""
    return [match.start() for match in _FOLDED_WIDE.finditer(line)]


class _CharWidths(dict[str, int]):
    """Each character's display width (2 for East Asian wide and full-width ones), looked
    up once per character; at most ``_MAX_CHARS`` characters are kept, so that a stream of
    texts using every code point does not grow the table without bound."""

    def __missing__(self, char: str) -> int:
        width = 2 if east_asian_width(char) in "WF" else 1
        if len(self) < _MAX_CHARS:
            self[char] = width
        return width


#: The characters whose widths are kept: the CJK of many reports, a few MB at most.
_MAX_CHARS = 1 << 15


_WIDTH = _CharWidths()


def _display_width(text: str) -> int:
    return sum(map(_WIDTH.__getitem__, text))


#: ASCII punctuation next to a CJK character: full-width in the text as printed. The
#: lookahead on the punctuation first lets a search skip the other characters at C speed.
_FOLDED_WIDE = re.compile(
    r"(?=[(),:;])(?:(?<=[\u3000-\u9fff\uff00-\uffef])[(),:;]"
    r"|[(),:;](?=[\u3000-\u9fff\uff00-\uffef]))"
)


class SpaceAligned(Layout):
    """A row a line, cells split on spaces; blank cells are gaps under the columns."""

    name: ClassVar[str] = "space-aligned"
    table_line: ClassVar[str] = _LAST_VALUE
    by_page: ClassVar[bool] = True

    def sniff(self, lines: Sequence[str], width: int) -> float:
        # Of the lines holding a value, the share holding it after other cells: wrapped labels
        # and headers add lines without values, which say nothing.
        valued = loose_value_lines(lines)
        return sum(1 for line in valued if _ROW.search(line)) / len(valued) if valued else 0.0

    def rows(self, lines: Sequence[str], first_line: int) -> Iterator[Row]:
        words = line_words(lines, first_line)
        if "无" in "".join(lines):  # at C speed: most tables print no 无
            words = _spelt_down(words)
        if any(map(_REST_FIRST.match, lines)):  # at C speed: most tables have none
            words = _numbering_apart(words)
        found = _wrapped_numbers(list(word_rows(lines, first_line, words)), words, first_line)
        anchors = _Anchors(lines, first_line, words)
        rows = _lifted_apart(
            _straddling(
                [_by_column(row, lines, first_line, anchors) for row in found],
                lines,
                first_line,
                words,
                anchors,
            ),
            lines,
            first_line,
            words,
        )
        if joined(rows, lines, first_line):
            # unless its header pads its words as columns do and every cell stands at the
            # offsets of a table laid out cell by cell (inscriptis: a row's values alone past
            # its blank cells, two spaces apart)
            indexed = (
                by_cell_index(rows, lines, first_line, words)
                if padded(lines, first_line, words)
                else None
            )
            if indexed is None:
                return map(_traceless, found)
            rows = indexed
        laid = (
            row._replace(gaps=True) if row.values else row
            for row in gridded(rows, lines, first_line, words)
        )
        breaks = page_breaks(lines, first_line) if any("\f" in line for line in lines) else []
        return paged(laid, breaks) if breaks else laid

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        """As lynx lays out a table: each cell left-aligned at its column's start, columns two
        spaces apart and as wide as their widest cell (in display columns: a CJK character
        is two wide), a cell followed by empty ones spanning them (a merged cell), a blank
        cell a gap, the line's end trimmed."""
        return aligned(table, _display_width)


def joined(rows: Sequence[Row], lines: Sequence[str], first_line: int) -> bool:
    """Whether the table's cells are joined by one short separator, not laid out in
    columns: every value after another cell on its line follows the same one or two
    whitespace characters, and more than one does (BeautifulSoup's ``get_text(" ",
    strip=True)``, a page copied as text). Columns pad their cells to the widest, so labels
    and values narrower than their header leave wider gaps, and a blank cell would be a gap
    as wide as its column: in such text blank cells leave no trace (``Row.traceless``), and
    where the values stand says nothing of their columns."""
    gaps: set[str] = set()
    seen = 0
    for row in rows:
        for _, line, column in row.values:
            before = lines[line - first_line][: column - 1]
            gap = before[len(before.rstrip()) :]
            if gap and len(gap) < len(before):
                gaps.add(gap)
                seen += 1
                if len(gaps) > 1 or len(gap) > _SEPARATOR:
                    return False
    return seen > 1


def _traceless(row: Row) -> Row:
    """A row of text whose cells are joined by one separator (``joined``), as its words
    stand: where its values stand says nothing of their columns, so they are not put in
    column order (``_by_column``: plain pdfplumber's Word PDF prints a tall row's ``事业 22``
    / ``-1`` / ``性收 项``, 22项 the first cell). Values on lines one right under another
    are gathered from them (``Row.loose``), in an order the row's rules must confirm: a text
    of a page's lines (pdfplumber, pypdfium2) prints a tall row's cells at their own
    heights (``规章 0`` / ``180`` / ``5000`` for 0, 5000 and 180), and neither their lines
    nor their offsets tell their columns. A text of blocks (plain pdftotext) puts a blank
    line between cells a line each (``5`` / ```` / ``35180.25``), in the row's order."""
    if not row.values:
        return row
    lines = sorted({line for _, line, _ in row.values})
    banded = any(after == before + 1 for before, after in pairwise(lines))
    return row._replace(traceless=True, loose=row.loose or banded)


def padded(lines: Sequence[str], first_line: int, words: Sequence[Words]) -> bool:
    """Whether two label cells side by side on a line stand wider apart than a separator
    joins cells (``joined``), by spaces alone: a header laid out in columns, its words
    padded to their columns' widest cell (inscriptis's ``结果维持      结果纠正``), which
    text joined by one separator never shows (a cell's own no-break spaces are no padding).
    ``words``: the lines' ``line_words``."""
    if not any(map(_PADDING.search, lines)):  # at C speed: joined text has none
        return False
    for cells, kinds in words:
        for at, (before, after) in enumerate(pairwise(cells)):
            if kinds[at] == kinds[at + 1] == LABEL:
                line = lines[before[1] - first_line]
                gap = line[before[2] - 1 + len(before[0]) : after[2] - 1]
                if len(gap) > _SEPARATOR and gap == " " * len(gap):
                    return True
    return False


def aligned(table: Sequence[Sequence[str]], width: Callable[[str], int], gap: int = 2) -> list[str]:
    """``table`` laid out in columns ``gap`` apart, each as wide as its widest cell by
    ``width`` (display columns for lynx, characters for ``pdftotext -layout``), cells
    left-aligned; a label followed by empty cells before the row's first value spans them
    (a merged cell), a blank cell (spaces, ``&nbsp;``) is a gap."""
    offsets = _offsets(table, width, gap)
    lines = []
    for row in table:
        line, end = "", 0
        for cell, offset in zip(row, offsets, strict=False):
            if cell and not cell.isspace():
                space = offset - end if offset > end else gap if line else 0
                line += " " * space + cell
                end += space + width(cell)
        if line:
            lines.append(line)
    return lines


def _offsets(table: Sequence[Sequence[str]], width: Callable[[str], int], gap: int) -> list[int]:
    """Where each column of ``table`` starts, as ``aligned`` lays it out."""
    widths = [0] * max(map(len, table))
    spanning = []
    above: set[int] = set()  # the columns where a cell of an earlier row starts
    for row in table:
        first = next((at for at, cell in enumerate(row) if is_value(cell)), len(row))
        filled = [at for at, cell in enumerate(row) if cell and not cell.isspace()]
        for at, after in zip(filled, [*filled[1:], len(row)], strict=False):
            # A row's last label spans its empty cells up to a column an earlier row starts
            # a cell at: past it they are that cell's, merged down (总计 beside 其他).
            if after == len(row):
                after = min((column for column in above if column > at), default=after)
            end = at + 1 if at >= first else min(after, first)
            if end == at + 1:
                widths[at] = max(widths[at], width(row[at]))
            else:
                spanning.append((at, end, width(row[at])))
        above.update(filled)
    for at, end, needed in spanning:
        room = sum(widths[at:end]) + gap * (end - at - 1)
        widths[end - 1] += max(0, needed - room)
    return [sum(widths[:at]) + gap * at for at in range(len(widths))]


#: Where a text puts a cell, in some measure: its start and end (0-based).
Span = tuple[int, int]


#: A printed cell's line and column, to sort by.
_LINE_COLUMN = itemgetter(1, 2)


class _Cluster(NamedTuple):
    """Values whose spans overlap: one column's. ``aligned``: they all start at one offset;
    ``widest``: the widest of them."""

    start: int
    end: int
    aligned: bool
    widest: int


class Columns(NamedTuple):
    """A table's columns in one measure (0: display columns, 1: characters): where each
    starts, for each value of each row, its column, and for each row whether the other
    measure fits too and puts its values in other columns (only rules can tell which).
    ``other``: where that measure finds as many columns, each value's column in it."""

    measure: int
    starts: tuple[int, ...]
    placed: tuple[tuple[int, ...], ...]
    unsure: tuple[bool, ...]
    other: tuple[tuple[int, ...], ...] = ()


def gridded(
    rows: list[Row], lines: Sequence[str], first_line: int, words: Sequence[Words]
) -> list[Row]:
    """``rows`` with a grid each where their values sit on one line and the table's values
    fall into columns (``columns``): the values at their columns, the other columns blank.
    A row of labels alone on a line is a row of blank cells (where its label names a row:
    its section decides). Sub-tables (``_sub_tables``) are each read by their own header
    (``_by_sub_table``). Text that lays out no column (no line holds two
    words a gap wider than one space apart) has no grid. ``words``: the lines'
    ``line_words``."""
    valued = _on_one_line(rows)
    # text whose words are one space apart throughout (plain ``pdftotext``: a cell's words
    # and its neighbours' alike) lays out no column: where a value stands names no column,
    # and a blank cell leaves no gap
    if not valued or not any(map(_COLUMN_GAP.search, lines)):
        return rows
    indexed = by_cell_index(rows, lines, first_line, words)
    if indexed is not None:
        return indexed
    label_lines = [
        kept
        for cells, kinds in words
        if cells and kinds == LABEL * len(cells)
        if (kept := [cell for cell in cells if cell[0] not in _UNITS])
    ]
    heads = [_spans(lines, first_line, cells) for cells in label_lines]
    # Rows with no label on the line of their values (section 四's one row, under its
    # header) have no label column to tell the header's words over the values' columns
    # from others: the words with no word under them count (the group heads over them would
    # be columns of their own), or failing that the header line naming the most columns.
    labelled = any(
        label[1] == rows[at].values[0][1] for at in valued for label in rows[at].labels
    ) or any(_labels_left(rows[at]) for at in valued)
    first_value = min(rows[at].values[0][2] for at in valued) - 1
    if labelled and _sub_tables(label_lines, heads, first_value):
        return _by_sub_table(rows, lines, first_line, label_lines, heads)
    if labelled:
        tops = _tops(rows, label_lines)
        named = zip(label_lines[:tops], heads[:tops], strict=True)
        top = next((cells[0][1] for cells, head in named if len(head) > 1), None)
        placed = _placed(rows, valued, lines, first_line, heads, tops=tops, top=top)
        if placed is not None:
            placed = _ranked_beside(placed, valued, lines, first_line)
        wider = _width(placed) if placed is not None else 0
        fitted = _fitted(rows, valued, lines, first_line, heads[:tops], label_lines, wider)
        if placed is not None and fitted is None:
            return placed
        return (
            _first_page(rows, valued, lines, first_line, heads, tops)
            or fitted
            or _first_page(rows, valued, lines, first_line, heads, tops, by_header=False)
            or _ranked_alone(rows, valued, lines, first_line)
        )
    fullest = [max(heads, key=len, default=[])]
    placed = _placed(
        rows, valued, lines, first_line, heads, labelled=False, nested=True
    ) or _placed(rows, valued, lines, first_line, fullest, labelled=False)
    wider = _width(placed) if placed is not None else 0
    header = heads[: _tops(rows, label_lines)]
    fitted = _fitted(rows, valued, lines, first_line, header, label_lines, wider, labelled=False)
    if placed is None or fitted is None:
        return fitted or placed or rows
    # Both: the columns the values found keep their grid, and the header's their fits;
    # section 四 reads the grid where it is fifteen cells (``sections.appeals``).
    return [
        row._replace(positions=row.positions._replace(fits=fit.fits, columns=fit.columns))
        if (fit := other.positions).fits
        else row
        for row, other in zip(placed, fitted, strict=True)
    ]


def _labels_left(row: Row) -> bool:
    """Whether ``row`` prints its label on lines of its own above its values, one piece a
    line, each ending left of its first value (in characters): a tall row's label pieces,
    whose values ``pdftotext -layout`` puts on a line between them (``行政`` / ``1`` /
    ``处罚``), so the table has a label column though no label shares a line with a value.
    A header line over a row of values (section 四's) holds several words: no label."""
    first = min(column for _, _, column in row.values)
    lines = [line for _, line, _ in row.labels]
    return (
        bool(row.labels)
        and len(set(lines)) == len(lines)
        and all(
            line != row.values[0][1] and column + len(text) <= first
            for text, line, column in row.labels
        )
    )


def by_cell_index(
    rows: Sequence[Row], lines: Sequence[str], first_line: int, words: Sequence[Words]
) -> list[Row] | None:
    """``rows`` with their grids where the table is laid out cell by cell, its spans
    ignored (inscriptis): a line's cells start one after another at the table's offsets,
    each as far from the next as the widest cell there and a fixed gap (``cell_starts``),
    so a row that prints two label cells (a group label beside its sub-label) has its
    values an offset further right than a row that prints one, and the header's words
    stand over other columns than their values. A value's column is its offset's index
    less the label cells printed at the first offsets of its line; its row's cells past
    the offsets are blank (``Positions.open_end``: nothing is printed there).

    Empty columns (``cell_starts``) are counted only right of every label cell's offset
    (``_last_word``), and where two lines or more print two cells or more (one line's gaps
    are not the table's: a page's text run together on one line, its blank cells
    no-break spaces); the rows so read are ``Positions.unsure``, which a section with no
    rules (二) does not read.

    ``None`` where fewer than two lines print two cells or more (one line's cells stand at
    offsets of their own: the last page of a ``pdftotext -layout`` table that prints one
    row of values, ``（七）总计  1  1``, is no table laid out cell by cell, whose cells
    past its values would be blank), where the offsets are not so laid out in one measure,
    where a line of the
    table begins with a row's numbered label past the first offset (a tool that keeps the
    spans prints a row under a group label's rowspan indented; inscriptis prints a header
    word there after an empty header cell, or the next line of a cell of two), or where a
    row of values does not fit them: a value at no offset, label cells off the
    first offsets, or no label on its line in a table whose rows print labels, beside their
    values or on lines of their own left of them (``_labels_left``: an empty label cell and
    a blank value cannot be told apart). A row of labels alone off the
    first offsets keeps no grid. ``words``: the lines' ``line_words``; the offsets are
    measured on the lines from the first that holds two cells to the last (a heading above
    the table is none of its)."""
    wide = [at for at, (cells, _) in enumerate(words) if len(cells) > 1]
    if len(wide) < 2:
        return None
    table = [line for line in words[wide[0] : wide[-1] + 1] if line[0]]
    labelled = any(
        label[1] == row.values[0][1] for row in rows if row.values for label in row.labels
    ) or any(_labels_left(row) for row in rows if row.values)
    readings = []
    measured = [_spans(lines, first_line, cells) for cells, _ in table]  # once for both
    for measure in (0, 1):
        spans = [[span[measure] for span in line] for line in measured]
        starts = cell_starts(spans)
        if starts is None or any(
            kinds[0] == LABEL and line[0][0] != starts[0] and NUMBERED.match(cells[0][0])
            for (cells, kinds), line in zip(table, spans, strict=True)
        ):
            continue
        hidden = set(starts).difference(start for line in spans for start, _ in line)
        if hidden and (len(wide) < 2 or min(hidden) < _last_word(table, spans)):
            continue
        placed = _indexed(rows, lines, first_line, starts, measure, labelled, bool(hidden))
        if placed is not None:
            readings.append(placed)
    texts = {
        tuple(tuple(cell[0] for cell in row.positions.cells) for row in rows) for rows in readings
    }
    return readings[0] if len(texts) == 1 else None


def _last_word(table: Sequence[Words], spans: Sequence[Sequence[Span]]) -> int:
    """The offset of the rightmost label cell (a header word, a row's label) of the
    ``table``'s lines, whose ``spans`` (in one measure) are given. Left of it, a gap wider
    than the table's is no run of empty columns: each offset there is a word's (a header
    line prints one cell at each), and a column whose widest cell sits in a line past the
    table's text (a later sub-table's header, a blank row's label under its last value)
    leaves such a gap (``by_cell_index``)."""
    return max(
        (
            start
            for (_, kinds), line in zip(table, spans, strict=True)
            for kind, (start, _) in zip(kinds, line, strict=True)
            if kind == LABEL
        ),
        default=-1,
    )


def cell_starts(lines: Sequence[Sequence[Span]]) -> tuple[int, ...] | None:
    """The offsets where the cells of a table laid out cell by cell start, from the spans
    of its lines' cells: every offset followed by the next after its widest cell and one
    gap, the same throughout (inscriptis: two spaces). A column blank in every row is as
    wide as nothing (inscriptis strips a cell's white space, ``&nbsp;`` too, before it
    measures it), so it leaves one gap more: a wider gap that is a whole number of gaps
    hides that many columns less one, whose offsets are given too. ``None`` where they are
    not so (a gap that is no whole number of the narrowest), where the narrowest is one
    space and another is wider (any width is a whole number of one: such a gap is a wide
    cell's, not empty columns'), or where there are fewer than three."""
    widest: dict[int, int] = {}
    for spans in lines:
        for start, end in spans:
            widest[start] = max(widest.get(start, 0), end - start)
    starts = sorted(widest)
    if len(starts) < 3:
        return None
    gaps = [after - start - widest[start] for start, after in pairwise(starts)]
    gap = min(gaps)
    if (
        not 0 < gap <= _CELL_SEPARATOR_MOST
        or (gap == 1 and max(gaps) > 1)
        or any(wider % gap for wider in gaps)
    ):
        return None
    hidden = (
        start + widest[start] + gap * at
        for start, wider in zip(starts, gaps, strict=False)
        for at in range(1, wider // gap)
    )
    return tuple(sorted((*starts, *hidden)))


def _indexed(
    rows: Sequence[Row],
    lines: Sequence[str],
    first_line: int,
    starts: Sequence[int],
    measure: int,
    labelled: bool,
    unsure: bool,
) -> list[Row] | None:
    """``rows`` with their grids by the index of their cells' offsets ``starts`` (in
    ``measure``), as ``by_cell_index`` reads them, ``unsure`` where some offsets are empty
    columns counted from a gap (``Positions.unsure``); ``None`` where a row of values does
    not fit them."""
    index = {start: at for at, start in enumerate(starts)}
    gridded = []
    for at, row in enumerate(rows):
        number = (row.values or row.labels)[0][1]
        if any(line != number for _, line, _ in row.values):
            return None  # values on several lines (a wrapped count's piece): no one line's
        on_line = [cell for cell in row.labels if cell[1] == number]
        cells = [*on_line, *row.values]
        ranks = [
            rank
            for span in _spans(lines, first_line, cells)
            if (rank := index.get(span[measure][0])) is not None
        ]
        fits = len(ranks) == len(cells) and ranks[: len(on_line)] == list(range(len(on_line)))
        if not row.values:
            if not fits or len(on_line) != len(row.labels) or _wraps_on(rows, at):
                gridded.append(row)
                continue
        elif not fits or (labelled and not on_line):
            return None
        line = lines[number - first_line]
        grid: list[Printed] = [
            ("", number, column) for column in _characters(line, starts[len(on_line) :], measure)
        ]
        for cell, rank in zip(row.values, ranks[len(on_line) :], strict=True):
            grid[rank - len(on_line)] = cell
        positions = Positions(tuple(grid), unsure=unsure, open_end=True)
        gridded.append(row._replace(positions=positions))
    return gridded


def _wraps_on(rows: Sequence[Row], at: int) -> bool:
    """Whether row ``at``, labels alone on one line, may begin a label wrapped onto the
    next line: the next row's labels start on the next line, at the same columns as its
    own, none narrower than the one below (a wrapped label's lines are full but its last),
    and no numbering begins them (``一、本年新收`` over ``政府信息公开``). ``pdftotext
    -layout`` centres a row's values in the height of its wrapped label, so they come on a
    later line: such a line is no row of blank cells (its cells are left to the rules)."""
    if at + 1 == len(rows) or not rows[at + 1].labels or not rows[at].labels:
        return False
    labels, below = rows[at].labels, rows[at + 1].labels
    after = [cell for cell in below if cell[1] == below[0][1]]
    return (
        after[0][1] == labels[0][1] + 1
        and [cell[2] for cell in after] == [cell[2] for cell in labels]
        and all(len(upper[0]) >= len(lower[0]) for upper, lower in zip(labels, after, strict=True))
        and not any(NUMBERED.match(cell[0]) for cell in after)
    )


def _on_one_line(rows: Sequence[Row]) -> list[int]:
    """The rows whose values all sit on one line (those a grid can place)."""
    return [
        at
        for at, row in enumerate(rows)
        if row.values
        and not row.loose
        and all(line == row.values[0][1] for _, line, _ in row.values)
    ]


def _placed(
    rows: list[Row],
    valued: Sequence[int],
    lines: Sequence[str],
    first_line: int,
    header: Sequence[Sequence[tuple[Span, Span]]],
    measures: Sequence[int] = (0, 1),
    labelled: bool = True,
    nested: bool = False,
    tops: int | None = None,
    by_header: bool = False,
    top: int | None = None,
) -> list[Row] | None:
    """``rows`` with their grids (``gridded``), where the values of rows ``valued`` fall
    into columns under the words of ``header``'s lines (``labelled``: the rows print
    labels on their values' lines, and the words over those are the label column's), in
    one of ``measures``; ``None`` where they do not. ``nested``: see ``columns``;
    ``tops``: how many of ``header``'s lines come before the table's first value;
    ``by_header``: the columns only where the header's words place the values; ``top``:
    the line of the header naming the columns (``None``: the first value's, as far as
    page breaks go, see ``_over_pages``)."""
    spans = [_spans(lines, first_line, rows[at].values) for at in valued]
    label_end = _label_end(rows, valued, lines, first_line, spans) if labelled else None
    above = None if tops is None else header[:tops]
    found = columns(spans, header, label_end, measures, nested, above, by_header=by_header)
    if found is not None:
        found = _over_pages(
            found,
            [rows[at].line for at in valued],
            page_breaks(lines, first_line),
            spans,
            lambda part, first, measure=None: columns(
                part,
                header,
                label_end,
                measures if measure is None else (measure,),
                nested,
                above if first else None,
                by_header or measure is not None,
            ),
            measures,
            rows[valued[0]].line if top is None else top,
        )
    if found is None:
        return None
    gridded = [_blank_grid(rows, at, len(found.starts)) for at in range(len(rows))]
    shifted = _shifted(spans, found.placed) if found.measure == 0 else ()
    split = {
        at + step
        for index, at in enumerate(valued[:-1])
        if valued[index + 1] == at + 1
        and _split_by_its_label(rows, at, found.placed[index], found.placed[index + 1])
        for step in (0, 1)
    }
    for index, (at, placed, unsure) in enumerate(
        zip(valued, found.placed, found.unsure, strict=True)
    ):
        if index in shifted:
            continue  # its values are left to the rules to place
        row = rows[at]
        if found.other and found.other[index] != placed:
            # the measures place its values apart: each may stand in either's column
            fits = tuple(
                tuple(sorted({a, b})) for a, b in zip(placed, found.other[index], strict=True)
            )
            gridded[at] = row._replace(
                positions=Positions(unsure=True, fits=fits, columns=len(found.starts))
            )
            continue
        if at in split:
            # a tall row's line, which shows no blank cell (``Positions.placed``)
            gridded[at] = row._replace(
                positions=Positions(unsure=unsure, columns=len(found.starts), placed=placed)
            )
            continue
        line = lines[row.values[0][1] - first_line]
        grid: list[Printed] = [
            ("", row.values[0][1], column)
            for column in _characters(line, found.starts, found.measure)
        ]
        for cell, column in zip(row.values, placed, strict=True):
            grid[column] = cell
        gridded[at] = row._replace(positions=Positions(tuple(grid), unsure=unsure))
    return gridded


def _split_by_its_label(
    rows: Sequence[Row], at: int, columns: Sequence[int], below_columns: Sequence[int]
) -> bool:
    """Whether row ``at``'s values (in ``columns``) may go on on the next line: its last
    label is numbered, and the next row starts on the line below with an unnumbered label
    under it, no wider (a wrapped label's lines are full but its last; where rows are
    numbered, the next row's label starts with its number): the label's wrapped end
    (``一、本年新收政府  24`` / ``信息公开申请数量  3  0 …  29``; centred in its cell,
    ``（六）其他  2`` / ``处理  0 … 2``), whose values stand only in columns this row's leave
    blank (``below_columns``). ``pdftotext -layout`` of a browser's PDF prints a tall row's
    cells so, each on the line its text starts: the columns either line leaves blank are
    not shown blank."""
    row, below = rows[at], rows[at + 1]
    if not row.labels or not below.labels:
        return False
    (label, _, start), (end, line, under) = row.labels[-1], below.labels[-1]
    return (
        line == row.values[-1][1] + 1
        and 0 <= under - start < len(label)
        and len(end) <= len(label)
        and NUMBERED.match(label) is not None
        and not NUMBERED.match(end)
        and not set(columns).intersection(below_columns)
    )


def _shifted(
    spans: Sequence[Sequence[tuple[Span, Span]]], placed: Sequence[Sequence[int]]
) -> set[int]:
    """The rows (indexes of ``spans``) with a value off its column in display columns: the
    column's other values (two or more) all start at one offset, and this one does not
    start there nor end where they all do (a column aligned right). The text is folded
    (``fold``): a full-width character printed two columns wide (``２５８``) is one wide in
    it, so the values after it on its line stand that much left of their columns, the 总计
    under 其他 where a blank cell comes between. Such a row's values are left to the rules
    to place (or are missing, ``values-unplaced``)."""
    by_column: dict[int, list[tuple[int, Span]]] = {}
    for index, (row, columns) in enumerate(zip(spans, placed, strict=True)):
        for span, column in zip(row, columns, strict=True):
            by_column.setdefault(column, []).append((index, span[0]))
    shifted = set()
    for values in by_column.values():
        starts = Counter(start for _, (start, _) in values)
        ends = Counter(end for _, (_, end) in values)
        for index, (start, _) in values:
            if starts[start] == 1 and len(starts) == 2 and len(ends) > 1 and len(values) > 2:
                shifted.add(index)
    return shifted


def _blank_grid(rows: Sequence[Row], at: int, cells: int) -> Row:
    """``rows[at]`` as a row of ``cells`` blank cells where it is labels alone on one line
    that begin no label wrapped onto the next (``_wraps_on``; one that may is marked
    ``Positions.wraps``): a line that prints no value prints none in any column, wherever
    the page puts its columns."""
    row = rows[at]
    if row.values or row.labels[0][1] != row.labels[-1][1]:
        return row
    # a table's rows are gridded in one measure and another, by page and by header words:
    # each blank row is made once for the rows of the table being gridded
    kept = _BLANKS.kept
    if kept is None or kept[0] is not rows:
        kept = _BLANKS.kept = (rows, {})
    found = kept[1].get((at, cells))
    if found is None:
        if _wraps_on(rows, at):
            found = row._replace(positions=Positions(wraps=True))
        else:
            found = row._replace(
                positions=Positions(tuple(("", row.line, 1) for _ in range(cells)))
            )
        kept[1][at, cells] = found
    return found


class _Blanks(threading.local):
    """The rows ``_blank_grid`` last made blank rows of in this thread (kept alive, so that
    no other list takes their id), and those blank rows by place and cells."""

    kept: tuple[Sequence[Row], dict[tuple[int, int], Row]] | None = None


_BLANKS = _Blanks()


def _over_pages(
    found: Columns,
    lines: Sequence[int],
    breaks: Sequence[int],
    spans: Sequence[Sequence[tuple[Span, Span]]],
    own: Callable[..., Columns | None],
    measures: Sequence[int],
    top: int,
) -> Columns | None:
    """``found``, the columns of the rows of values at ``lines`` (their ``spans``) found
    together, where they keep them on each page alone; ``None`` where a page break (at
    ``breaks``) comes among them and they do not: ``pdftotext -layout`` lays out each page
    on its own, so the columns of the next page can stand at other offsets, and values
    that overlap across the break need not be one column's (行政处罚's ``-11`` under
    本年增/减 on the header's page, 行政强制's ``2005`` under 上一年项目数量 moved five
    characters right on the next, clustered as one column).
    Each page's rows must find the same columns alone (``own``), or, where they find none,
    each of their values must start or end where a value of the other page in its column
    does. The rows of the header's page settle the measure: where they alone fit the
    header's words in both measures but in other columns (``Columns.unsure``: ``规章  77``
    under 现行有效件数 in characters, under 本年废止件数 in display columns), every row is
    unsure, as the next page's, moved, may fit one measure only.

    Where a break comes between the header (at line ``top``) and the first value, no value
    on the header's page anchors the rows: the header's words must place them alike in
    each of ``measures`` (``own`` with one measure: by the header alone), as a value
    moved two characters off its column can stand under a neighbour's word in the other
    measure (``473`` under 现行有效件数 in characters, under 本年废止件数 in display
    columns); the pages after the first page of values are then held to it as above."""
    cut = next((line for line in breaks if top < line <= lines[-1]), None)
    if cut is None:
        return found
    first = sum(1 for line in lines if line < cut)
    if not first:
        alike = all(
            (alone := own(spans, True, measure)) is not None
            and len(alone.starts) == len(found.starts)
            and alone.placed == found.placed
            for measure in measures
        )
        return _over_pages(found, lines, breaks, spans, own, measures, lines[0]) if alike else None
    sides = (
        (spans[:first], found.placed[:first]),
        (spans[first:], found.placed[first:]),
    )
    unsure = found.unsure
    for at, (part, placed) in enumerate(sides):
        alone = own(part, at == 0)
        if alone is None:
            if not _anchored(part, placed, *sides[1 - at], found.measure):
                return None
        elif len(alone.starts) != len(found.starts) or alone.placed != placed:
            return None
        elif at == 0 and any(alone.unsure):
            unsure = (True,) * len(found.unsure)
    return found._replace(unsure=unsure)


def _anchored(
    spans: Sequence[Sequence[tuple[Span, Span]]],
    placed: Sequence[Sequence[int]],
    others: Sequence[Sequence[tuple[Span, Span]]],
    others_placed: Sequence[Sequence[int]],
    measure: int,
) -> bool:
    """Whether each value of ``spans`` (in its column of ``placed``) starts or ends, in
    ``measure``, where a value of ``others`` in the same column does."""
    edges: dict[int, set[tuple[int, int]]] = {}
    for row, columns in zip(others, others_placed, strict=True):
        for span, column in zip(row, columns, strict=True):
            start, end = span[measure]
            edges.setdefault(column, set()).update(((0, start), (1, end)))
    return all(
        bool(edges.get(column, set()) & {(0, span[measure][0]), (1, span[measure][1])})
        for row, columns in zip(spans, placed, strict=True)
        for span, column in zip(row, columns, strict=True)
    )


def _first_page(
    rows: list[Row],
    valued: Sequence[int],
    lines: Sequence[str],
    first_line: int,
    header: Sequence[Sequence[tuple[Span, Span]]],
    tops: int,
    measures: Sequence[int] = (0, 1),
    by_header: bool = True,
) -> list[Row] | None:
    """``rows`` with grids for the rows of values on the header's page alone, where the
    table runs over a page break and its values fall into no columns, but those of the
    rows before the break do under the header's words: ``pdftotext -layout`` lays out each
    page on its own, so a table continued on the next page has its columns at other
    offsets there, narrower or wider (Word's PDF: 自然人 at 19 under ``自然`` on the
    header's page, at 16 on the next, at 12 on the one after), and a value there may stand
    under another column's header word. The rows up to the break are read by position,
    labels alone among them as rows of blank cells; the rows after it keep their printed
    values, which the rules place, and those that print labels alone on one line are rows
    of blank cells too (``_blank_grid``). ``None`` where the table has no page break after its
    first value, or one before it (no value on the header's page). ``by_header``: the
    header's page only where its header's words place its values; else also where its
    values alone fall into columns (``columns``' other ways: Word's PDF prints 商业企业 and
    科研 several characters left of their values, and the page's fullest row places them)."""
    breaks = page_breaks(lines, first_line)
    first = rows[valued[0]].line
    after = [line for line in breaks if line > first]
    if not after or any(line <= first for line in breaks):
        return None
    count = sum(1 for at in valued if rows[at].line < after[0])
    if not 0 < count < len(valued):
        return None
    page = _placed(
        rows, valued[:count], lines, first_line, header, measures, tops=tops, by_header=by_header
    )
    if page is None:
        return None
    cells = len(page[valued[0]].positions.cells)
    ranked = _page_ranks(rows, valued[count:], lines, first_line, after)
    return [
        row
        if row.line < after[0]
        else row._replace(positions=ranked[at])
        if at in ranked
        else _blank_grid(rows, at, cells)
        for at, row in enumerate(page)
    ]


def _width(rows: Sequence[Row]) -> int:
    """How many columns the grids of ``rows`` have (0: none)."""
    return max((len(row.positions.cells) for row in rows), default=0)


def _fitted(
    rows: list[Row],
    valued: Sequence[int],
    lines: Sequence[str],
    first_line: int,
    header: Sequence[Sequence[tuple[Span, Span]]],
    label_lines: Sequence[Sequence[Printed]],
    wider: int = 0,
    *,
    labelled: bool = True,
) -> list[Row] | None:
    """``rows`` with each row of values on the header's page given the columns each of its
    values may stand in (``Positions.fits``), where no columns hold them all or those that
    do are fewer than the header's (``gridded`` keeps the wider: the clusters of values
    that one row fills, five of seven columns, ``_by_fullest``): ``pdftotext
    -layout`` of a proportional font centres each value in its cell, so its offset moves
    with its width and with the glyphs left of it, and a value can end in the gap between
    two header words (``31  5  1  1  38`` under 自然人, 商业企业, 社会公益组织, 法律服务机构 and
    总计, the second 1 a character right of 机构 and left of 其他). The columns are the
    header's words with no word under them (``_leaves``) right of the label column; a
    value's are those it overlaps, a character of slack either side. The values of the
    page are clustered (``_clusters``) and each cluster takes the columns of its span:
    none where a cluster's values fall under no column, the first cluster not under the
    first column or the last not under the last (a header packed tighter or looser than
    the values), two clusters under one column alone (rows jostled against each other),
    clusters out of the columns' order, or a row printing a value in every column not
    under them in order, and the page keeps no fits (a row whose values stand anywhere
    else the header puts them is not read so). In both measures where both fit, a value
    may stand in any column either gives it. The rows past a page break keep their ranks
    on their own page (``_page_ranks``), and a row of labels alone there is a row of blank
    cells, as ``_first_page`` gives them.
    ``header``: the spans of the header's lines (those of ``label_lines`` before the first
    value); ``None`` where there are none, or where the header names no more columns than
    ``wider`` (those found already). ``labelled``: the rows print labels on their values'
    lines (see ``gridded``); section 四's one row prints none, and every word of its header
    names a column or a group of them."""
    if not header:
        return None
    breaks = page_breaks(lines, first_line)
    first = rows[valued[0]].line
    if any(label_lines[0][0][1] < line <= first for line in breaks):
        return None  # the header on a page of its own: its words place no value
    after = [line for line in breaks if line > first]
    end = after[0] if after else None
    page = [at for at in valued if end is None or rows[at].line < end]
    spans = [_spans(lines, first_line, rows[at].values) for at in page]
    label_end = _label_end(rows, page, lines, first_line, spans) if labelled else (0, 0)
    found = [
        fits
        for measure in (0, 1)
        if (fits := _fits(spans, header, label_end[measure], measure, wider)) is not None
    ]
    if not found or len({len(columns) for columns, _ in found}) != 1:
        return None
    width = len(found[0][0])
    fitted = {
        at: Positions(
            fits=tuple(
                tuple(sorted({c for _, fits in found for c in fits[row][value]}))
                for value in range(len(rows[at].values))
            ),
            columns=width,
        )
        for row, at in enumerate(page)
    }
    ranked = _page_ranks(rows, valued[len(page) :], lines, first_line, after) if after else {}
    return [
        row._replace(positions=fitted[at])
        if at in fitted
        else row
        if end is None or row.line < end
        else row._replace(positions=ranked[at])
        if at in ranked
        else _blank_grid(rows, at, width)
        for at, row in enumerate(rows)
    ]


def _fits(
    rows: Sequence[Sequence[tuple[Span, Span]]],
    header: Sequence[Sequence[tuple[Span, Span]]],
    label_end: int,
    measure: int,
    wider: int = 0,
) -> tuple[list[Span], list[list[tuple[int, ...]]]] | None:
    """The columns ``header``'s words right of ``label_end`` name in ``measure``, and for
    each value of ``rows`` (their spans) the columns it may stand in (``_fitted``; within
    ``_DRIFT`` of a column whose words all stand beside the label column's note);
    ``None`` where the values do not fit them so, or they are no more than ``wider``."""
    right = [[span for span in head if span[measure][0] >= label_end] for head in header]
    noted = {
        span[measure]
        for head, kept in zip(header, right, strict=True)
        if kept != head
        for span in kept
    }
    columns: list[Span] = []
    drifted: list[bool] = []  # each column's words all beside the label column's note
    for start, stop in sorted(_leaves(right, measure)):
        if columns and start < columns[-1][1]:
            columns[-1] = (columns[-1][0], max(columns[-1][1], stop))
            drifted[-1] = drifted[-1] and (start, stop) in noted
        else:
            columns.append((start, stop))
            drifted.append((start, stop) in noted)
    if len(columns) < 2 or len(columns) <= wider:
        return None
    clustered = _clusters([[span[measure] for span in row] for row in rows])
    if clustered is None:
        return None
    clusters, of = _touching(*clustered)
    if any(len(set(row)) != len(row) for row in of):
        return None  # two values of a row in touching clusters: not one column's
    fits = _overlapping(columns, clusters, [_SLACK] * len(columns))
    alone = [fit[0] for fit in fits if len(fit) == 1]
    if (
        not all(fits)
        or 0 not in fits[0]
        or len(columns) - 1 not in fits[-1]
        or len(alone) != len(set(alone))
        or any(a[0] > b[0] or a[-1] > b[-1] for a, b in pairwise(fits))
        or any(
            len(row) == len(columns) and any(at not in fits[c] for at, c in enumerate(row))
            for row in of
        )
    ):
        return None
    if any(drifted):  # the columns found, each value may be a drifted column's too
        fits = _overlapping(columns, clusters, [_DRIFT if d else _SLACK for d in drifted])
    return columns, [[fits[cluster] for cluster in row] for row in of]


def _overlapping(
    columns: Sequence[Span], clusters: Sequence[_Cluster], slacks: Sequence[int]
) -> list[tuple[int, ...]]:
    """For each of ``clusters``, the columns it overlaps, each within its slack."""
    return [
        tuple(
            at
            for at, ((start, stop), slack) in enumerate(zip(columns, slacks, strict=True))
            if start - slack < cluster.end and cluster.start < stop + slack
        )
        for cluster in clusters
    ]


def _touching(
    clusters: list[_Cluster], of: list[list[int]]
) -> tuple[list[_Cluster], list[list[int]]]:
    """``clusters`` (and each value's, ``of``) with those that touch, one ending where the
    next starts, merged: values a character apart in one column (``1`` and ``2`` each
    centred in a cell, their offsets rounded apart); a row may then hold two values of
    one (its first value's end is another row's value's start), which ``_fits`` refuses."""
    merged: list[_Cluster] = []
    index = []
    for cluster in clusters:
        if merged and cluster.start <= merged[-1].end:
            last = merged[-1]
            merged[-1] = _Cluster(
                last.start, max(last.end, cluster.end), False, max(last.widest, cluster.widest)
            )
        else:
            merged.append(cluster)
        index.append(len(merged) - 1)
    return merged, [[index[at] for at in row] for row in of]


def _page_ranks(
    rows: Sequence[Row],
    valued: Sequence[int],
    lines: Sequence[str],
    first_line: int,
    breaks: Sequence[int],
) -> dict[int, Positions]:
    """For rows ``valued`` (their values on one line, after the first of ``breaks``), each
    value's column rank on its page (``Positions.ranks``), where the page's values fall
    into columns by characters: ``pdftotext -layout`` packs each page on its own, a column
    that prints no value on the page taking no room there (Word's PDF: ``45  3  2  1  51``
    at 12, 17, 21, 25, 29 for 自然人, 商业企业, 法律服务机构, 其他 and 总计), so a page's
    offsets name its columns in order, though not which. A page whose values are not
    ``_apart`` in columns, or put two of a row's values in one column, gives no ranks; a row
    printing anything but counts, or a value one space after text on its line
    (``_packed``), is not ranked."""
    pages: dict[int, list[int]] = {}
    for at in valued:
        if not all(text.isdigit() for text, _, _ in rows[at].values):
            continue  # a placeholder, or a vertical label's character (``无``): no count
        if _packed(rows[at], lines, first_line):
            continue  # a value pushed against its label: its offset names no rank
        page = max(line for line in breaks if line <= rows[at].line)
        pages.setdefault(page, []).append(at)
    ranked = {}
    for page, members in pages.items():
        spans = [[span[1] for span in _spans(lines, first_line, rows[at].values)] for at in members]
        found = _clusters(spans)
        if found is None or not _apart(found[0]) or _close_columns(found):
            continue
        counted = (len(found[0]), max(map(len, found[1])))
        for at, ranks in zip(members, found[1], strict=True):
            ranked[at] = Positions(ranks=tuple(ranks), page=page, counted=counted)
    return ranked


def _close_columns(found: tuple[list[_Cluster], list[list[int]]]) -> bool:
    """Whether two neighbouring columns of a page stand no more than ``_SEPARATOR`` apart
    with no row printing a value in both: Word's PDF through ``pdftotext -layout`` lays out
    a line with a label and a line of values alone apart, and a one-digit count apart from
    a two-digit one in a centred cell (（七）总计's ``15`` at 25 and 结转下年度继续办理's ``2``
    alone at 29; 本年新收's ``72`` at 19 and 上年结转's ``4`` at 23, all 自然人's), so
    narrow a gap tells no two columns unless a row shows both (a packed page's
    ``17  3``)."""
    clusters, of = found
    shared = {pair for ranks in of for pair in pairwise(sorted(set(ranks)))}
    return any(
        after.start - before.end <= _SEPARATOR and (at, at + 1) not in shared
        for at, (before, after) in enumerate(pairwise(clusters))
    )


def _ranked_beside(
    rows: list[Row], valued: Sequence[int], lines: Sequence[str], first_line: int
) -> list[Row]:
    """``rows`` (gridded) with the ranks of each row of values (``_part_ranks``) kept
    beside its grid: a grid that holds fewer cells than the section's row is not read by
    position, and the ranks let the section's rules name its columns, the same rank one
    column in every row of the part (a page of a browser's PDF cut from the header by a
    page break: ``（七）总计  6  6`` / ``续办理  1  1`` at the offsets of 自然人 and 总计); a
    part without a page break only."""
    if any("\f" in line for line in lines):
        return rows
    ranked = _part_ranks(rows, valued, lines, first_line, first_line)
    return [
        row._replace(
            positions=row.positions._replace(
                ranks=found.ranks, page=found.page, counted=found.counted
            )
        )
        if (found := ranked.get(at)) is not None and row.positions.cells
        else row
        for at, row in enumerate(rows)
    ]


def _ranked_alone(
    rows: list[Row], valued: Sequence[int], lines: Sequence[str], first_line: int
) -> list[Row]:
    """``rows`` with the ranks of those of ``valued`` (``_part_ranks``), where neither the
    header's words nor the values' clusters give the part columns: a browser's narrow PDF
    through ``pdftotext -layout`` packs the header's words one space apart (总计 ten
    characters left of its values), and starts each value not at its x but at a column the
    blocks left of it on the page set (poppler: three past the end of one wholly left, in
    proportion inside one it falls within), so a page's values stand in their columns'
    order, right or left of their header's words (docs/layouts.md). A table over page
    breaks (``\f``) is ranked a page at a time, each page's values by its own offsets
    (Word's PDF, tool bed 5151/09: 总计's values at 49 on one page, at 66 on the next); a
    row on the line that starts a page (its ``\f`` a character before its values) is not
    ranked."""
    breaks = page_breaks(lines, first_line) if any("\f" in line for line in lines) else []
    ranked: dict[int, Positions] = {}
    for start, stop in pairwise([first_line, *breaks, first_line + len(lines)]):
        page = [
            at
            for at in valued
            if start <= rows[at].line < stop and rows[at].values[0][1] not in breaks
        ]
        if page:
            ranked |= _part_ranks(rows, page, lines, first_line, start)
    return [
        row._replace(positions=found) if (found := ranked.get(at)) is not None else row
        for at, row in enumerate(rows)
    ]


def _part_ranks(
    rows: Sequence[Row], valued: Sequence[int], lines: Sequence[str], first_line: int, page: int
) -> dict[int, Positions]:
    """``_page_ranks`` of rows ``valued``, all on the page starting at line ``page`` (of
    ``lines``: a table, or one page's part of it), where its values are laid out in
    characters: none where they fall into fewer columns in display columns (lynx, a
    writer padding to display widths: counted in characters, a row whose label has fewer
    CJK characters puts its values left of the others', and they would rank as columns of
    their own). A row with a value
    one space after text on its line (``一、本年新收政府 7``: pushed against its label, not
    at its cell) is not ranked, nor counted among the part's offsets."""
    valued = [at for at in valued if not _packed(rows[at], lines, first_line)]
    spans = [_spans(lines, first_line, rows[at].values) for at in valued]
    shown = _clusters([[span[0] for span in row] for row in spans])
    counted = _clusters([[span[1] for span in row] for row in spans])
    if counted is None or (shown is not None and len(shown[0]) < len(counted[0])):
        return {}
    return _page_ranks(rows, valued, lines, first_line, [page])


def _packed(row: Row, lines: Sequence[str], first_line: int) -> bool:
    """Whether one of ``row``'s values follows label text on its line across one space or
    none: ``pdftotext -layout`` pushed it against the label, off its cell's offset."""
    for _, line, column in row.values:
        before = lines[line - first_line][: column - 1]
        if before.strip() and len(before) - len(before.rstrip()) < 2:
            return True
    return False


def pushed_values(row: Row) -> frozenset[Printed]:
    """``row``'s values pushed against its label: each starting one space or none after a
    label on its line, or after a value so pushed (``（七）总计 308 26``). ``pdftotext
    -layout`` of a browser's narrow PDF prints a value that does not fit beside its label
    so, left of its cell's offset: where it stands names no column."""
    found: set[Printed] = set()
    for value in sorted(row.values, key=_LINE_COLUMN):
        _, line, column = value
        if any(
            on == line and 0 <= column - start - len(text) <= 1
            for text, on, start in (*row.labels, *found)
        ):
            found.add(value)
    return frozenset(found)


def _apart(clusters: Sequence[_Cluster]) -> bool:
    """Whether ``clusters`` are columns beyond doubt: each one's values start at one offset,
    and each ends ``_SEPARATOR`` characters or more before the next starts (values that
    touch or nearly do may be one column's, a line's values moved a character or two)."""
    return all(cluster.aligned for cluster in clusters) and all(
        after.start - before.end >= _SEPARATOR for before, after in pairwise(clusters)
    )


def _tops(rows: Sequence[Row], label_lines: Sequence[Sequence[Printed]]) -> int:
    """How many of ``label_lines`` (in line order) come before the first value of
    ``rows``."""
    first = min((row.values[0][1] for row in rows if row.values), default=0)
    return sum(1 for cells in label_lines if cells[0][1] < first)


def _label_end(
    rows: Sequence[Row],
    valued: Sequence[int],
    lines: Sequence[str],
    first_line: int,
    spans: Sequence[Sequence[tuple[Span, Span]]],
) -> tuple[int, int]:
    """Where the label column ends in each measure: where the widest label printed on the
    line of the values of rows ``valued`` ends; if none is, where the widest of those rows'
    labels on lines of their own ends left of the first value (``pdftotext -layout`` puts a
    tall row's values on a line between its label's pieces: ``行政`` / ``1`` / ``处罚``, the
    header words between them and the value heading blank columns); failing that, where
    the first value (of ``spans``, theirs) starts."""
    ends = [
        _spans(lines, first_line, on_line)[-1]
        for at in valued
        if (on_line := [cell for cell in rows[at].labels if cell[1] == rows[at].values[0][1]])
    ]
    if ends:
        return max(end[0][1] for end in ends), max(end[1][1] for end in ends)
    starts = [row[0] for row in spans]
    first = min(start[0][0] for start in starts), min(start[1][0] for start in starts)
    pieces = [
        span
        for at in valued
        for label in rows[at].labels
        for span in _spans(lines, first_line, [label])
        if span[0][1] <= first[0] and span[1][1] <= first[1]
    ]
    if not pieces:
        return first
    return max(span[0][1] for span in pieces), max(span[1][1] for span in pieces)


def _by_sub_table(
    rows: list[Row],
    lines: Sequence[str],
    first_line: int,
    label_lines: Sequence[Sequence[Printed]],
    heads: Sequence[Sequence[tuple[Span, Span]]],
) -> list[Row]:
    """``rows`` with their grids where each sub-table's values fall into its own columns:
    a sub-table runs from its header (``_header_starts``: from a header line that begins
    with the word other header lines begin with, section 二's ``信息内容``) to the next,
    and its columns are found from its own header and values, never from another's (one
    grid over all of them clusters one sub-table's values with another's: 行政事业性收费's
    ``0.0237`` with 规章's ``85``). The rows before the first keep no grid; a sub-table
    that prints no value has rows of blank cells, one a column of its header. A line
    holding that word alone starts one too: Word's PDF through ``pdftotext -layout``
    writes a narrow header cell one piece a line (``信息`` / ``内容``), beside no other
    header word where the other columns' heads, written one character a line, end above
    it or start below it.

    A tool lays out a page in one measure: where some sub-table's values fall into
    columns in one measure only (lynx's ``其他对外管理服务事项 12 -1 260``, counted in
    characters), every sub-table of its page is read in that one, though its own rows would
    fit both; those of another page are not (a browser's PDF printed with no header and
    footer lines: (六)'s ``处罚  14`` past the break fits display columns only, while (五)'s
    ``许可  106`` before it is 处理决定数量 in characters, 本年增/减 in display columns).
    A sub-table whose rows print a placeholder (``—`` for a cell not given) settles none:
    the placeholder may stand off the column a count would (``政府集中采购  6  —``). Nor
    does one whose values overlap two header words of a line in the other measure
    (``_across``): that measure is in doubt, not refuted; and a sub-table read in the
    settled measure whose values do so in the other is read ``unsure`` (a browser's narrow
    PDF, header words one space apart, values aligned right: ``可  17  8`` is 本年增/减 and
    处理决定数量 in characters, 17 under 上一年项目数量's words in display columns)."""
    firsts = Counter(
        _first_word(cells) for cells, head in zip(label_lines, heads, strict=True) if len(head) > 1
    )
    starts = _header_starts(
        [cells[0][1] for cells in label_lines],
        [len(head) > 1 for head in heads],
        [(first := _first_word(cells)) is not None and firsts[first] > 1 for cells in label_lines],
    )
    blocks = []
    for start, end in zip(starts, [*starts[1:], first_line + len(lines)], strict=True):
        block = [row for row in rows if start <= row.line < end]
        own = [
            (cells, head)
            for cells, head in zip(label_lines, heads, strict=True)
            if start <= cells[0][1] < end
        ]
        tops = _tops(block, [cells for cells, _ in own])
        blocks.append((start, block, _on_one_line(block), [head for _, head in own], tops))
    breaks = page_breaks(lines, first_line)
    # a placeholder (``—``) is no count a column aligns: it settles no measure
    fitting = [
        (
            bisect_right(breaks, start),
            {
                m
                for m in (0, 1)
                if _placed(block, laid, lines, first_line, header, (m,), tops=tops)
                or _across(block, laid, lines, first_line, header, m)
            },
        )
        for start, block, valued, header, tops in blocks
        if (laid := _on_header_page(block, valued, start, breaks))
        and all(_counted(block[at]) for at in laid)
    ]
    gridded = [row for row in rows if row.line < starts[0]]
    for start, block, valued, header, tops in blocks:
        page = bisect_right(breaks, start)
        only = {m for on, fits in fitting if on == page and len(fits) == 1 for m in fits}
        measures = tuple(only) if len(only) == 1 else (0, 1)
        placed = (
            _placed(block, valued, lines, first_line, header, measures, tops=tops, top=start)
            or _first_page(block, valued, lines, first_line, header, tops, measures)
            if valued
            else None
        )
        if (
            placed is not None
            and len(measures) == 1
            and _across(block, valued, lines, first_line, header, 1 - measures[0])
        ):
            placed = _unsure(placed)
        if placed is None and not valued and header:
            # a sub-table that prints no value: its rows of labels alone are rows of blank
            # cells, one a column its header's fullest line names right of the labels
            width = max(map(len, header)) - 1
            placed = [_blank_grid(block, at, width) for at in range(len(block))] if width else None
        gridded.extend(placed or block)
    return gridded


def _across(
    rows: list[Row],
    valued: Sequence[int],
    lines: Sequence[str],
    first_line: int,
    header: Sequence[Sequence[tuple[Span, Span]]],
    measure: int,
) -> bool:
    """Whether the values of rows ``valued`` cluster across two words of one of
    ``header``'s lines in ``measure`` (``_across_words``): a doubt in that measure, not a
    misfit."""
    spans = [_spans(lines, first_line, rows[at].values) for at in valued]
    label_end = _label_end(rows, valued, lines, first_line, spans)
    found = _clusters([[span[measure] for span in row] for row in spans])
    return found is not None and _across_words(found[0], header, measure, label_end)


def _unsure(rows: list[Row]) -> list[Row]:
    """``rows`` with the grid of each row of values marked ``Positions.unsure``."""
    return [
        row._replace(positions=row.positions._replace(unsure=True))
        if row.values and row.positions.cells
        else row
        for row in rows
    ]


def _header_starts(
    lines: Sequence[int], words: Sequence[bool], repeated: Sequence[bool]
) -> list[int]:
    """Where each sub-table's header starts, of the label ``lines`` (their line numbers):
    at a line that begins with a repeated word (``repeated``), or at the first of the
    lines of several words (``words``) on the lines right above it, the header's own
    (``上一 本年 处理`` over ``信息 年项 增/ 决定`` over ``内容 目数 减 数量``: the label
    column's header word wrapped every two characters, ``信息`` / ``内容``, begins two
    lines, and the header's first line neither); one start a header."""
    starts: list[int] = []
    for at in range(len(lines)):
        if not repeated[at]:
            continue
        first = at
        while first and words[first - 1] and lines[first - 1] == lines[first] - 1:
            first -= 1
        if not starts or lines[first] > starts[-1]:
            starts.append(lines[first])
    return starts


def _counted(row: Row) -> bool:
    """Whether each of ``row``'s values prints a digit (no placeholder: ``—``)."""
    return all(any(char.isdigit() for char in text) for text, _, _ in row.values)


def _on_header_page(
    rows: Sequence[Row], valued: Sequence[int], header: int, breaks: Sequence[int]
) -> list[int]:
    """Those of ``rows`` ``valued`` printed on the page of line ``header``: no page break
    (at ``breaks``) comes between it and them."""
    return [at for at in valued if not any(header < line <= rows[at].line for line in breaks)]


def _sub_tables(
    words: Sequence[Sequence[Printed]],
    heads: Sequence[Sequence[tuple[Span, Span]]],
    first_value: int,
) -> bool:
    """Whether the table is sub-tables, each under a header of its own: header lines (of
    two words or more, one reaching the values' first column, from character
    ``first_value`` on) that begin with the same word (section 二's ``信息内容``, one a
    sub-table). Each is read by its own header (``_by_sub_table``), even where their words
    line up: one grid over all of them would place a row's values by another's columns.
    Lines of label pieces alone are no header: a narrow label column wraps section 三's
    labels every two characters, and ``）不`` begins two lines (（三）不予公开, （五）不予处理)."""
    firsts = Counter(
        first
        for cells, head in zip(words, heads, strict=True)
        if len(head) > 1
        and any(span[1][1] > first_value - _SLACK for span in head[1:])
        and (first := _first_word(cells)) is not None
    )
    return any(count > 1 for count in firsts.values())


def _first_word(cells: Sequence[Printed]) -> str | None:
    """The first word of a header line, as sub-tables' header lines repeat it (section
    二's ``信息内容``); ``None`` for a single character: a label written vertically, one
    character a line (``三、本年度办理结果``), repeats characters that head no sub-table."""
    text = cells[0][0]
    return text if len(text) > 1 else None


def _spans(
    lines: Sequence[str], first_line: int, cells: Sequence[Printed]
) -> list[tuple[Span, Span]]:
    """The spans of ``cells``, cells of one line, in display columns and in characters:
    the line is measured once for all of them. A table's rows are placed by one header
    and another, in one measure and another (``_placed``, ``_fitted``, ``_first_page``):
    the spans of each row's cells are worked out once for the lines being gridded."""
    if not cells:
        return []
    kept = _SPANS.kept
    if kept is None or kept[0] is not lines or kept[1] != first_line:
        kept = _SPANS.kept = (lines, first_line, {})
    key = tuple(cells)
    found = kept[2].get(key)
    if found is None:
        found = kept[2][key] = _measured(lines[cells[0][1] - first_line], cells)
    return found


class _Spans(threading.local):
    """The lines (and their first line's number) ``_spans`` last measured cells of in this
    thread (kept alive, so that no other list takes their id), and the spans by cells."""

    kept: tuple[Sequence[str], int, dict[tuple[Printed, ...], list[tuple[Span, Span]]]] | None = (
        None
    )


_SPANS = _Spans()


def _measured(printed: str, cells: Sequence[Printed]) -> list[tuple[Span, Span]]:
    """``_spans`` of ``cells`` on the line ``printed``."""
    widths, folded = _widths(printed), _folded(printed)
    spans = []
    for text, _, column in cells:
        start = widths[column - 1] + _folded_before(printed, folded, column)
        end = column - 1 + len(text)  # a cell is its line's text from its column on
        spans.append(((start, start + widths[end] - widths[column - 1]), (column - 1, end)))
    return spans


def _characters(line: str, offsets: Sequence[int], measure: int) -> list[int]:
    """The 1-based character column at each of ``offsets`` (in ``measure``) of ``line``:
    the first character whose display column reaches the offset, or past the line's end
    as far as the offset is beyond it."""
    if measure:
        return [offset + 1 for offset in offsets]
    widths = _widths(line)
    end = len(line)
    found = []
    for offset in offsets:
        at = bisect_left(widths, offset, 0, end)
        found.append(at + 1 if at < end else end + 1 + max(0, offset - widths[end]))
    return found


def columns(
    rows: Sequence[Sequence[tuple[Span, Span]]],
    header: Sequence[Sequence[tuple[Span, Span]]],
    label_end: tuple[int, int] | None = None,
    measures: Sequence[int] = (0, 1),
    nested: bool = False,
    above: Sequence[Sequence[tuple[Span, Span]]] | None = None,
    by_header: bool = False,
) -> Columns | None:
    """The columns of a table whose rows print values at ``rows`` (each value's span in
    both measures) under the header words of ``header``'s lines; ``None`` where the values
    fall into no columns for certain. ``label_end``: where the rows print labels on their
    values' lines, where the widest of those ends in each measure (``None``: no label
    column). ``measures``: those the table allows. ``nested``: ``header``'s lines are
    group heads over the columns below them, wrapped as they are (section 四's 行政复议 over
    结果维持 … 总计, and 未经复议直接起诉 over five more on the next line): only the words
    with no word under them on a later line head columns. ``above``: the lines of ``header``
    before the table's first value, the only ones that name blank columns (a label-only
    line among the rows is a row label's piece: ``pdftotext -layout`` puts the sub-rows'
    labels ``1.属于国家`` / ``秘密`` on lines of their own, right of the labels printed
    beside values); default ``header``. ``by_header``: only the first way below.

    In each measure the values' spans are clustered (spans that overlap are one column's);
    a measure is kept where no cluster holds two values of a row or is much wider than its
    widest value (lynx measures in display columns, ``pdftotext -layout`` in characters).
    The columns are then the first of these that holds, in a measure kept (the one with
    fewer clusters first):

    - the header words right of the row labels, where each cluster starts (or ends, or is
      centred) where the words of exactly one position do: a column for each position;
    - a column every ``p`` offsets from the first cluster to the last, where the values of
      each cluster all start at one offset, ``p`` (the greatest common divisor of their
      distances) is wider than any value, and the header words start at as many positions,
      the first where the first cluster does;
    - the clusters, where a row prints a value in each of them (the fullest rows).

    Where the rows have labels, the header words that start left of every value are left
    out: those left of ``label_end`` are the label column's. Where the header words place
    the values, each position of those right of it is one more column before the others,
    blank in every row (本年制发件数 where no rule was issued). A value's column is its
    cluster's; where two candidate columns are left, there are no columns at all. Where
    the other measure finds columns the same way too and puts some row's values in other
    columns, every row is ``unsure``: the header alone cannot tell which, and the blank
    cells of the rows both place alike stand at one measure's columns (a tall row's lines
    joined by them would put its later line's value under 本年增/减 in display columns,
    under 处理决定数量 in characters). Unless the header's words cross in one measure
    (``_crossed``): the other's columns are then sure. Where both find as many columns,
    ``Columns.other`` keeps the other's, and a row they place apart has each value's two
    columns for the rules to choose (``Positions.fits``), not one measure's grid. A
    measure in which the header's characters written one a line stand at more offsets than
    in another is not the text's (``_spelt``)."""
    measures = _spelt(header if above is None else above, measures)
    found_in = {
        measure: found
        for measure in measures
        if (found := _clusters([[spans[measure] for spans in row] for row in rows])) is not None
    }
    across = {m for m, found in found_in.items() if _across_words(found[0], header, m, label_end)}
    kept = [(len(found[0]), m, *found) for m, found in found_in.items() if m not in across]
    fullest = max(map(len, rows))
    heads = {
        measure: _leaves(header, measure) if nested else _wrapped_words(header, measure)
        for _, measure, _, _ in kept
    }
    # a value between two header words is placed by its row's others: one row only
    ways = (_by_header, _between_words)[: 1 + (len(rows) == 1)]
    for way in ways if by_header else (*ways, _by_pitch, _by_fullest):
        fits: list[Columns] = []
        right: dict[int, int] = {}
        for _, measure, clusters, of in sorted(kept):
            leftmost = right[measure] = clusters[0].start - _SLACK
            found_columns = way(
                clusters,
                [word for word in heads[measure] if label_end is None or word[0] >= leftmost],
                fullest,
            )
            if found_columns is not None:
                starts, mapping = found_columns
                blank = (
                    _blank_before(
                        header if above is None else above, measure, label_end[measure], leftmost
                    )
                    if label_end is not None and way in ways
                    else []
                )
                placed = tuple(
                    tuple(len(blank) + mapping[cluster] for cluster in row) for row in of
                )
                fits.append(Columns(measure, (*blank, *starts), placed, ()))
        if fits:
            first, other = fits[0].placed, fits[-1].placed
            apart = first != other
            if apart:
                head = header if above is None else above
                uncrossed = [
                    fit
                    for fit in fits
                    if not _crossed(head, fit.measure, right[fit.measure] if label_end else None)
                ]
                if len(uncrossed) == 1:
                    return uncrossed[0]._replace(unsure=(False,) * len(first))
            measure = fits[0].measure
            alone = (
                _placed_apart(fits[0], rows, header, label_end, kept, nested, above)
                if way in ways and not apart
                else (False,) * len(first)
            )
            mixed = _mixed(
                header if above is None else above,
                [[spans[measure] for spans in row] for row in rows],
                found_in[measure][1],
                measure,
                right[measure] if label_end else None,
            )
            return fits[0]._replace(
                unsure=tuple(apart or bool(across) or mixed or doubt for doubt in alone),
                other=other if apart and len(fits[0].starts) == len(fits[-1].starts) else (),
            )
    return None


def _placed_apart(
    found: Columns,
    rows: Sequence[Sequence[tuple[Span, Span]]],
    header: Sequence[Sequence[tuple[Span, Span]]],
    label_end: tuple[int, int] | None,
    kept: Sequence[tuple[int, int, list[_Cluster], list[list[int]]]],
    nested: bool,
    above: Sequence[Sequence[tuple[Span, Span]]] | None,
) -> tuple[bool, ...]:
    """For each row of ``rows``, whether another measure kept (``columns``') that fits no
    table places the row alone under the header's words, as many columns as ``found``'s,
    and in other columns than ``found`` does: a proportional font's ``pdftotext -layout``
    text may stand a lone value exactly at one header word in characters and at another
    in display columns (``规章  1462`` at 现行有效件数 and at 本年废止件数), and the measure
    the table was fitted in may rest on a row jostled off its column; only rules can tell
    which, as where both measures fit the table (``Positions.unsure``)."""
    others = [measure for _, measure, _, _ in kept if measure != found.measure]
    return tuple(
        any(
            (alone := columns([row], header, label_end, (m,), nested, above, by_header=True))
            is not None
            and len(alone.starts) == len(found.starts)
            and alone.placed[0] != placed
            for m in others
        )
        for row, placed in zip(rows, found.placed, strict=True)
    )


def _mixed(
    header: Sequence[Sequence[tuple[Span, Span]]],
    rows: Sequence[Sequence[Span]],
    of: Sequence[Sequence[int]],
    measure: int,
    leftmost: int | None,
) -> bool:
    """Whether the values of one cluster (``of``, by row) stand under two words of one
    header line (in ``measure``, from ``leftmost`` on), each under one alone: the words
    over them name two columns, so the cluster is no one column (``pdftotext -layout`` of a
    browser's narrow PDF: a header line beside a label's piece is one run of words one
    space apart, counts right-aligned under them: ``项 / 定`` over ``484 -54`` and ``77
    26``, 77 under ``/`` and 484 under ``项`` overlapping in one cluster)."""
    for line in header:
        words = [
            spans[measure] for spans in line if leftmost is None or spans[measure][0] >= leftmost
        ]
        under: dict[int, set[int]] = {}
        for row, clusters in zip(rows, of, strict=True):
            for (start, end), cluster in zip(row, clusters, strict=True):
                hits = [at for at, (lo, hi) in enumerate(words) if lo < end and start < hi]
                if len(hits) == 1:
                    under.setdefault(cluster, set()).add(hits[0])
        if any(len(named) > 1 for named in under.values()):
            return True
    return False


def _crossed(
    header: Sequence[Sequence[tuple[Span, Span]]], measure: int, leftmost: int | None
) -> bool:
    """Whether in ``measure`` a header word (from ``leftmost`` on) stands over one word of
    the next line alone, that word over no other and reaching further left than it and as
    far right: another column's word under it, not its own wrapped rest nor the columns its
    group spans. A table's header words never so cross in the text's measure; in the other
    they may, wide characters counted twice (characters: ``总计`` at 73, ``其他`` ending at
    71 below; display columns: ``总计`` at 83 to 87 over ``法律服务机构`` at 75 to 87)."""
    lines = [
        [spans[measure] for spans in head if leftmost is None or spans[measure][0] >= leftmost]
        for head in header
    ]
    for upper, lower in pairwise(lines):
        for word in upper:
            under = [other for other in lower if other[0] < word[1] and word[0] < other[1]]
            if len(under) != 1:
                continue
            below = under[0]
            over = [other for other in upper if other[0] < below[1] and below[0] < other[1]]
            if len(over) == 1 and below[0] < word[0] - _SLACK and below[1] >= word[1] - _SLACK:
                return True
    return False


def _across_words(
    clusters: Sequence[_Cluster],
    header: Sequence[Sequence[tuple[Span, Span]]],
    measure: int,
    label_end: tuple[int, int] | None,
) -> bool:
    """Whether some cluster of values shares columns (in ``measure``) with two words of one
    header line right of the labels (``label_end``): values of two columns whose words
    stand one space apart, aligned right and of unlike widths, overlap into one cluster
    (``22`` under 上一年项目数量 and ``-66`` under 本年增/减: ``年项 增/`` over ``22``,
    `` -66``), as does a count wider than its column's words; the header cannot tell
    which column each value is in, and this measure places none."""
    start = 0 if label_end is None else label_end[measure]
    left = min((head[0][measure][0] for head in header if head), default=0)
    for head in header:
        if len(head) < 2:
            continue  # a line of one word shares no cluster with two
        words = [
            spans[measure]
            for at, spans in enumerate(head)
            if spans[measure][1] > start and not (at == 0 and spans[measure][0] == left)
        ]
        if len(words) < 2:
            continue
        # the words a cluster shares columns with: those starting before its end less
        # those ending by its start (each of which starts before its end too)
        starts = sorted(a for a, _ in words)
        ends = sorted(b for _, b in words)
        for cluster in clusters:
            if bisect_left(starts, cluster.end) - bisect_right(ends, cluster.start) > 1:
                return True
    return False


def _spelt(header: Sequence[Sequence[tuple[Span, Span]]], measures: Sequence[int]) -> Sequence[int]:
    """``measures`` less those in which the header's words of one character, on two lines
    or more, stand at more offsets than in another: Word's PDF through ``pdftotext
    -layout`` writes a narrow column's header one character a line (``本`` / ``年`` / ``制``
    / ``发``), each column's characters at one offset in characters, the text's measure,
    and at as many as the wide characters left of them on each line vary in display
    columns. ``columns`` passes the lines above the first value where it has them: the
    row labels' one-character pieces below (``三`` / ``、`` / ``本``, section 三's group
    label) are no column's header. A header with no such characters, or with them at as
    many offsets in each measure, is written two or three characters a line
    (``_staggered``)."""
    if len(measures) < 2:
        return measures
    lines = [[spans for spans in head if spans[1][1] - spans[1][0] == 1] for head in header]
    if sum(1 for line in lines if line) < 2:
        return _staggered(header, measures)
    offsets = {
        measure: len(
            _distinct(sorted(spans[measure][0] for line in lines for spans in line), _SLACK)
        )
        for measure in measures
    }
    fewest = min(offsets.values())
    if all(count == fewest for count in offsets.values()):
        return _staggered(header, measures)
    return [measure for measure in measures if offsets[measure] == fewest]


def _staggered(
    header: Sequence[Sequence[tuple[Span, Span]]], measures: Sequence[int]
) -> Sequence[int]:
    """``measures`` less those in which more pairs of the header's words of three characters
    or fewer, on two lines, overlap staggered (neither their starts, their ends nor their
    centres within ``_SLACK``) than in another. A narrow column's header wrapped two
    characters a line stands at one offset in the text's measure, and two columns' words
    never overlap; in the other, the wide characters left of each word on its line move
    them by unlike amounts: Word's PDF through ``pdftotext -layout`` prints the label
    column's note on some header lines (``项之和，等于第三项  社会  法律  总计``), and in
    display columns 社会 (48-52) overlaps 公益 (46-50) on a line below, so a count under
    其他 stood under 社会 there (bed 8517 page 18); Word's narrow cells wrap section 二's
    sub-table headers three characters a line, ``本年增`` over ``/减`` and ``处理决`` over
    ``定数量`` at one offset in characters, askew in display columns, where a count under
    定数量 stood between two columns' words. Wider words (group heads over several
    columns: 申请人情况) overlap their columns' words in any measure."""
    counts: dict[int, int] = {}
    for measure in measures:
        words = sorted(
            (spans[measure], at)
            for at, head in enumerate(header)
            for spans in head
            if spans[1][1] - spans[1][0] <= 3
        )
        count = 0
        for index, ((start, end), line) in enumerate(words):
            for (other, other_end), other_line in words[index + 1 :]:
                if other >= end:
                    break
                count += (
                    other_line != line
                    and other - start > _SLACK
                    and abs(other_end - end) > _SLACK
                    and abs(other + other_end - start - end) > 2 * _SLACK
                )
        counts[measure] = count
    fewest = min(counts.values())
    return [measure for measure in measures if counts[measure] == fewest]


def _wrapped_words(header: Sequence[Sequence[tuple[Span, Span]]], measure: int) -> list[Span]:
    """``_unwrapped`` of ``header`` in ``measure``, worked out once for the header being
    gridded: a table's rows are placed by one header in one measure and another, by page
    and by its words alone (``gridded``: ``_placed``, then ``_first_page`` twice)."""
    kept = _WORDS.kept
    if kept is None or kept[0] is not header:
        kept = _WORDS.kept = (header, {})
    found = kept[1].get(measure)
    if found is None:
        found = kept[1][measure] = _unwrapped(header, measure)
    return found


class _Words(threading.local):
    """The header ``_wrapped_words`` last worked out words of in this thread (kept alive,
    so that no other list takes its id), and its words by measure."""

    kept: tuple[Sequence[Sequence[tuple[Span, Span]]], dict[int, list[Span]]] | None = None


_WORDS = _Words()


def _unwrapped(header: Sequence[Sequence[tuple[Span, Span]]], measure: int) -> list[Span]:
    """The words of ``header``'s lines (in ``measure``), a word wrapped onto the lines
    below one span: the one word under a word on the next line, within its extent and
    under no other word of its line, is the rest of its text (a narrow header cell's:
    ``商业企`` / `` 业``, ``自然`` / ``人``), not a column of its own. A word over two words
    of one later line heads a group of columns (``法人或其他组织``, ``申请人情况``) and is
    left out: no column's value is placed by it (in the measure that is not the text's,
    ``申请人情况`` over ``社会公益组织`` and ``法律服务机构`` stands where a 总计 does)."""
    lines = [[spans[measure] for spans in head] for head in header]
    # each two neighbouring words of the lines after each line (where the one ends, where
    # the other starts): a word over both heads a group
    later: list[list[Span]] = []
    gaps: list[Span] = []
    for line in reversed(lines):
        later.append(gaps)
        if len(line) > 1:
            gaps = [(left[1], right[0]) for left, right in pairwise(line)] + gaps
    later.reverse()
    joined: set[tuple[int, int]] = set()
    words = []
    for at, line in enumerate(lines):
        for index, word in enumerate(line):
            if (at, index) in joined:
                continue
            start, end = word
            row, last = at, word
            while (found := _under(lines, row, last)) is not None:
                row, piece = found
                below = lines[row][piece]
                joined.add(found)
                last, end = below, max(end, below[1])
            if not any(start < ends and starts < end for ends, starts in later[row]):
                words.append((start, end))
    return words


def _under(lines: Sequence[Sequence[Span]], row: int, word: Span) -> tuple[int, int] | None:
    """The line and index of the one word under ``word`` (of line ``row``) on the next
    line, where it is within ``word``'s extent and under no other word of its line
    (``_unwrapped``); else ``None``."""
    if row + 1 == len(lines):
        return None
    under = [
        piece
        for piece, other in enumerate(lines[row + 1])
        if other[0] < word[1] and word[0] < other[1]
    ]
    if len(under) != 1:
        return None
    below = lines[row + 1][under[0]]
    if not word[0] <= below[0] <= below[1] <= word[1] + _SLACK:
        return None
    over = [other for other in lines[row] if other[0] < below[1] and below[0] < other[1]]
    return (row + 1, under[0]) if len(over) == 1 else None


def _leaves(header: Sequence[Sequence[tuple[Span, Span]]], measure: int) -> list[Span]:
    """The words of ``header``'s lines (in ``measure``) with no word of a later line under
    them: the columns' own heads, not the group heads over them."""
    return [
        word
        for at, head in enumerate(header)
        for word in (spans[measure] for spans in head)
        if not any(
            below[measure][0] < word[1] and word[0] < below[measure][1]
            for later in header[at + 1 :]
            for below in later
        )
    ]


def _blank_before(
    header: Sequence[Sequence[tuple[Span, Span]]], measure: int, start: int, end: int
) -> list[int]:
    """Where the columns headed by words that start from ``start`` to before ``end`` (in
    ``measure``) start: the words' positions on the header line that has most of them (a
    header word wrapped over two lines heads one column), or the header's words' unwrapped
    (``_wrapped_words``) where those are more: a column's word may stand on lines of its
    own, beside no other column's (``上一年`` / ``项目数`` / ``量`` a line above and below
    ``本年增`` / ``/减``)."""
    on_a_line = max(
        (
            _distinct(
                sorted(at for (at, _) in (word[measure] for word in head) if start <= at < end),
                _SLACK,
            )
            for head in header
        ),
        key=len,
        default=[],
    )
    unwrapped = _distinct(
        sorted(at for at, _ in _wrapped_words(header, measure) if start <= at < end), _SLACK
    )
    return max(on_a_line, unwrapped, key=len)


def _clusters(rows: Sequence[Sequence[Span]]) -> tuple[list[_Cluster], list[list[int]]] | None:
    """The values' spans clustered, and each value's cluster; ``None`` where a cluster holds
    two values of a row or is too wide for one column."""
    spans = sorted(
        (span, at, index) for at, row in enumerate(rows) for index, span in enumerate(row)
    )
    clusters: list[_Cluster] = []
    of = [[0] * len(row) for row in rows]
    # The open cluster, grown in place: where it starts and ends, its widest value, where its
    # last value starts (the spans come sorted: its values start at one offset if that is
    # where it starts) and the rows it holds a value of.
    first = reach = widest = latest = -1
    members: set[int] = set()
    for (start, end), at, index in spans:
        if members and start < reach:
            if at in members:
                return None
            if end > reach:
                reach = end
            if end - start > widest:
                widest = end - start
        else:
            if members:
                clusters.append(_Cluster(first, reach, latest == first, widest))
            first, reach, widest = start, end, end - start
            members = set()
        latest = start
        members.add(at)
        of[at][index] = len(clusters)
    if members:
        clusters.append(_Cluster(first, reach, latest == first, widest))
    if any(c.end - c.start > c.widest + 2 * _SLACK for c in clusters):
        return None
    return clusters, of


#: The columns found one way: where each starts, and the column of each cluster.
_Found = tuple[tuple[int, ...], tuple[int, ...]]


def _by_header(
    clusters: Sequence[_Cluster], words: Sequence[Span], fullest: int, between: bool = False
) -> _Found | None:
    """Columns at the header words' positions, where every cluster is at one of them and
    under a word there (shares a column with it): a value one character wide that ends
    a column after a word does lies in the gap beside it, under no word (a value line
    moved against its header). ``between``: see ``_between_words``."""
    positions: tuple[Callable[[Span], int], ...] = (
        lambda span: 2 * span[0],
        lambda span: 2 * span[1],
        lambda span: span[0] + span[1],
    )
    for position in positions:
        slots = _distinct(sorted(map(position, words)), 2 * _SLACK)
        mapping = []
        for cluster in clusters:
            at = position((cluster.start, cluster.end))
            hits = [i for i, slot in enumerate(slots) if abs(slot - at) <= 2 * _SLACK]
            if between and not hits and not _under_word(cluster, words):
                mapping.append(-1 - bisect_left(slots, at))  # in the gap left of that slot
                continue
            if len(hits) != 1:
                break
            slot = slots[hits[0]]
            if not any(  # under no word at that position: in the gap beside it
                word[0] < cluster.end and cluster.start < word[1]
                for word in words
                if abs(position(word) - slot) <= 2 * _SLACK
            ):
                break
            mapping.append(hits[0])
        else:
            placed = _gaps_placed(mapping, len(slots)) if between else mapping
            if placed is not None and all(a < b for a, b in pairwise(placed)):
                starts = [slot // 2 for slot in slots]
                for cluster, column in zip(clusters, placed, strict=True):
                    starts[column] = cluster.start
                return tuple(starts), tuple(placed)
    return None


def _between_words(
    clusters: Sequence[_Cluster], words: Sequence[Span], fullest: int
) -> _Found | None:
    """``_by_header`` for a table of one row of values, some of which stand in the gap
    between two header words, under neither: Word's PDF through ``pdftotext -layout``
    prints section 四's header one character a line over each column (``结`` / ``果`` /
    ``维`` / ``持``), and a value centred in a wide cell may stand right of its column's
    character (``1`` at 19, ``尚`` at 16 and ``总`` at 23). Columns keep their order and a
    column's header word stands in it: a value between the words of two adjacent columns
    is the one's or the other's, and a value of the row under one of those two words (the
    row's values left to right, one a column) leaves it the other. Only values under
    their words tell that, as many of them as stand in gaps or more (the value line is not
    moved against its header): where both columns are left, none is placed."""
    return _by_header(clusters, words, fullest, between=True)


def _under_word(cluster: _Cluster, words: Sequence[Span]) -> bool:
    """Whether ``cluster`` shares a column with one of ``words``."""
    return any(word[0] < cluster.end and cluster.start < word[1] for word in words)


def _gaps_placed(mapping: Sequence[int], slots: int) -> list[int] | None:
    """``mapping`` (each value's slot, ``-1 - k`` for one in the gap left of slot ``k``,
    the values of one row) with each value in a gap given the one of the two slots beside
    it that the values under their words leave it (``_between_words``); ``None`` where
    the values in gaps outnumber the others, a gap is left of the first slot or
    right of the last, or leaves both slots or neither."""
    gaps = sum(1 for slot in mapping if slot < 0)
    if 2 * gaps > len(mapping):
        return None
    placed = list(mapping)
    for at, slot in enumerate(mapping):
        if slot >= 0:
            continue
        right = -1 - slot
        low = max((column for column in mapping[:at] if column >= 0), default=-1)
        high = min((column for column in mapping[at + 1 :] if column >= 0), default=slots)
        options = [column for column in (right - 1, right) if low < column < high]
        if not 0 < right < slots or len(options) != 1:
            return None
        placed[at] = options[0]
    return placed


def _by_fullest(clusters: Sequence[_Cluster], words: Sequence[Span], fullest: int) -> _Found | None:
    """A column for each cluster, where some row prints a value in every one."""
    if fullest != len(clusters):
        return None
    return tuple(cluster.start for cluster in clusters), tuple(range(len(clusters)))


def _by_pitch(clusters: Sequence[_Cluster], words: Sequence[Span], fullest: int) -> _Found | None:
    """A column every ``p`` offsets, where the clusters and the header words say so."""
    if len(clusters) < 3 or not all(cluster.aligned for cluster in clusters):
        return None
    firsts = [cluster.start for cluster in clusters]
    pitch = reduce(gcd, (b - a for a, b in pairwise(firsts)))
    count = (firsts[-1] - firsts[0]) // pitch + 1
    heads = _distinct(sorted(start for start, _ in words), _SLACK)
    if pitch <= max(cluster.widest for cluster in clusters) or len(heads) != count:
        return None
    if abs(heads[0] - firsts[0]) > _SLACK:
        return None
    return (
        tuple(firsts[0] + k * pitch for k in range(count)),
        tuple((first - firsts[0]) // pitch for first in firsts),
    )


def _distinct(positions: Sequence[int], slack: int) -> list[int]:
    """``positions`` (sorted), those within ``slack`` of the one before merged into it."""
    distinct: list[int] = []
    for position in positions:
        if not distinct or position - distinct[-1] > slack:
            distinct.append(position)
    return distinct
