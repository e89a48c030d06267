"""Section 三's row labels spelt down a narrow column, a character or two a line, the row's
values on one of those lines: a browser's PDF through pdfplumber (``属`` / ``1.`` / ``于国
0  0 …`` / ``家秘`` / ``密``, the number on a baseline of its own), PyMuPDF's sorted text or
``pdftotext -layout``, with the group labels' pieces (``不予公`` / ``开``) and the section's
vertical heading (``本`` / ``年`` / ``度``) between them.

Each row's label is spelt, in the template's order, from the label pieces of consecutive
lines: each piece the next characters of the label, or one a label is spelt past (a
numbering, a quote, a group label's piece, a numeral alone). A row's label and its values
stand within the row's height, so in text whose lines are the page's (never text read by
the order of its cells) values whose lines lie between the label's first and last piece
are the row's. Where exactly one row of values stands there, it is joined: its label the
label whole, with the sub-row's number printed apart (``3.其他``, not the column 其他), and
the pieces' lines dropped. Where none or two do (values centred below a short label, a
number wrapped onto two lines), or they stand beside another row's piece, the lines are
left as they are for the other readings. A label printed on one line needs no spelling.

Text in the order of the page's content (pdfium's: pypdfium2, PyMuPDF's unsorted text)
prints each label cell whole and then the row's values, on the lines after its last piece
(``2.其`` / ``他法`` / … / ``开`` / ``2  2``). Where the table shows that order (labels
spelt over three pieces or more: several with values right after their last piece, three
times as many as with values on their lines), a row's values may stand from its label's
first piece to the line before the next row's label (``_row_ends``). Where that text also
leaves blank cells out without a trace (``Row.traceless``: a browser's page that leaves
its zeros empty), a row that prints no value there printed none at all: its label alone,
a row printed blank (``_printed_blank``), not one whose values were lost.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from itertools import pairwise
from typing import NamedTuple

from ... import labels
from ...fold import fold
from ...structure.layouts import Row
from ..matching import normalise_label

#: A sub-row's number printed alone (``3.``): the row's, kept before its joined label, so
#: that ``3.其他`` is a row, not the applicant column ``其他``.
_SUB_NUMBER = re.compile(r"\d{1,2}[.、]")

#: A group's numeral, printed alone when its numbering is cut a character a line.
_NUMERALS = frozenset("一二三四五六七八九十")
#: The fewest rows of label pieces alone, one of them ``_SHORT`` characters or fewer, for a
#: table's labels to be looked for as spelt down a narrow column.
_FEW_PIECES = 4
_SHORT = 2
#: The fewest pieces of a label whose lines show where a row's values stand.
_TALL = 3
#: The most pieces one label may be spelt over, skipped ones included.
_MOST_PIECES = 60


class _Piece(NamedTuple):
    """A label piece: a run of a label cell's text with no space in it."""

    text: str
    words: str  # after ``normalise_label``
    row: int  # the index of its row
    line: int
    column: int
    value: bool  # read as a value: a word (``无``, none) that may start a label


def spelt_down(rows: list[Row], template: str) -> list[Row]:
    """``rows`` (of section 三's table in template ``template``, in text whose lines are the
    page's) with each row whose label is spelt down a narrow column over a line of values
    joined into that line (the module's docstring)."""
    row_labels = labels.APPLICATION_ROWS[template]
    # A narrow label column prints each label over two lines or more: a table of about a
    # line a row has none (told at once), nor one with few rows of short pieces alone.
    if len(rows) < len(row_labels) + _FEW_PIECES or sum(map(_short_alone, rows)) < _FEW_PIECES:
        return rows
    return _joined(rows, row_labels, _groups(template))


@cache
def _groups(template: str) -> frozenset[str]:
    """The words of section 三's group labels in ``template``."""
    return frozenset(
        normalise_label(label)
        for aliases in labels.APPLICATION_GROUPS[template].values()
        for label in aliases
    )


def _joined(
    rows: list[Row], row_labels: Mapping[str, Sequence[str]], groups: frozenset[str]
) -> list[Row]:
    """``rows`` with each row's label spelt (``row_labels``: the template's rows in order,
    each with its labels; ``groups``: the words of the section's group labels) joined
    into its one line of values."""
    pieces = list(_pieces(rows))
    skipped = _skipped(pieces, groups)
    by_row: dict[int, list[int]] = defaultdict(list)
    for index, piece in enumerate(pieces):
        by_row[piece.row].append(index)
    found_all: list[tuple[int, int, list[int]]] = []
    start = 0
    for aliases in row_labels.values():
        found = _spelt(pieces, skipped, aliases, start)
        if found is not None:
            start = found[1] + 1
            found_all.append(found)
    # a label printed whole needs no joining
    spellings = [found for found in found_all if len(found[2]) >= 2]
    consumed = {index for _, _, used in spellings for index in used}

    def numbers(at: int) -> bool:
        """Whether row ``at`` holds a value that no label spelt took as its word."""
        taken = sum(pieces[index].value and index in consumed for index in by_row[at])
        return len(rows[at].values) > taken

    numbered = [at for at in range(len(rows)) if numbers(at)]
    valued_lines = sorted(line for at in numbered for _, line, _ in rows[at].values)
    ends = _row_ends(pieces, found_all, valued_lines)
    # text that leaves blank cells out (``Row.traceless``) prints a blank row's label alone
    traceless = any(row.traceless for row in rows)
    blank = _printed_blank(pieces, found_all, valued_lines) if ends and traceless else {}
    joined: dict[int, Row] = {
        at: rows[at]._replace(traceless=True)
        for first, at in blank.items()
        if all(index == first or skipped[index] for index in by_row[at])
    }
    covered: set[int] = set()  # the pieces from the first to the last of a joined label's
    for first, last, used in spellings:
        spelt = range(first, last + 1)
        lines = range(pieces[first].line, ends.get(first, pieces[last].line) + 1)
        valued = [at for at in numbered if any(line in lines for _, line, _ in rows[at].values)]
        if not valued and first in blank:
            valued = [blank[first]]
        if len(valued) != 1:
            continue
        at = valued[0]
        if (
            rows[at].grid.cells
            or not all(line in lines for _, line, _ in rows[at].values)
            or not all(
                (index in spelt or skipped[index]) and not pieces[index].value
                for index in by_row[at]
            )
        ):
            # cells that count the label's among them (a markdown table's row whose label
            # cell is blank), values outside the label's lines, another row's label beside
            # them, or a word of this one
            continue
        numbering = [
            pieces[index].text for index in spelt if _SUB_NUMBER.fullmatch(fold(pieces[index].text))
        ]
        label = "".join([*numbering[:1], *(pieces[index].text for index in used)])
        joined[at] = rows[at]._replace(
            labels=((label, pieces[first].line, pieces[first].column),),
            traceless=rows[at].traceless or (traceless and _one_space_apart(rows[at])),
        )
        covered.update(spelt)
    dropped = {
        row
        for row in {pieces[index].row for index in covered}
        if row not in joined
        and row not in numbered
        and all(index in covered or skipped[index] for index in by_row[row])
    }
    if not joined:
        return rows
    return [joined.get(at, row) for at, row in enumerate(rows) if at not in dropped]


def _row_ends(
    pieces: Sequence[_Piece], found: Sequence[tuple[int, int, list[int]]], valued: Sequence[int]
) -> dict[int, int]:
    """Where each row spelt (``found``: by its first piece) ends, where the text prints each
    label cell whole and then the row's values (pdfium's order: ``2.其`` / ``他法`` / … /
    ``开`` / ``2  2``): the line before the next row's label, for a row whose values follow
    its last piece there, on a line of values alone (values beside the next row's numbering,
    ``4.  18  18``, are that row's, its label's other pieces below: top-aligned). Empty
    unless the text shows that order: of the labels spelt over three pieces or more,
    ``_FEW_PIECES`` or more have values right after their last piece, and three times as
    many as have values on their lines (a label cut by a page break may hold its values
    before the break; values centred in a tall row stand on its label's lines in text
    ordered by the page's lines). ``valued``: the lines of values no label took, sorted."""
    labelled = {piece.line for piece in pieces}
    ends: dict[int, int] = {}
    for at, (first, last, _) in enumerate(found):
        below = pieces[last].line + 1
        if below not in labelled and _any_within(valued, below, below):
            ends[first] = pieces[found[at + 1][0]].line - 1 if at + 1 < len(found) else below
    tall = [(first, last) for first, last, used in found if len(used) >= _TALL]
    followed = sum(first in ends for first, _ in tall)
    within = sum(_any_within(valued, pieces[first].line, pieces[last].line) for first, last in tall)
    return ends if followed >= max(_FEW_PIECES, 3 * within) else {}


def _one_space_apart(row: Row) -> bool:
    """Whether ``row``'s values on each line stand one space apart (none: a row printed
    blank), as text that leaves blank cells out prints them: never a column's gap."""
    return all(
        after[2] == before[2] + len(before[0]) + 1
        for before, after in pairwise(row.values)
        if before[1] == after[1]
    )


def _printed_blank(
    pieces: Sequence[_Piece], found: Sequence[tuple[int, int, list[int]]], valued: Sequence[int]
) -> dict[int, int]:
    """The rows printed blank where the text prints each label cell whole and then the
    row's values (``_row_ends``): each label found (by its first piece, with the index of
    that piece's row) that no line of values (``valued``, sorted) follows from its first
    piece up to the next row's label. The table's last label is not told so."""
    return {
        first: pieces[first].row
        for (first, _, _), (after, _, _) in pairwise(found)
        if not _any_within(valued, pieces[first].line, pieces[after].line - 1)
    }


def _any_within(lines: Sequence[int], low: int, high: int) -> bool:
    """Whether some of ``lines`` (sorted) lies from ``low`` to ``high``."""
    at = bisect_left(lines, low)
    return at < len(lines) and lines[at] <= high


def _short_alone(row: Row) -> bool:
    """Whether ``row`` is labels alone, one of them a piece of two characters or fewer."""
    return not row.values and any(len(text) <= _SHORT for text, _, _ in row.labels)


def _pieces(rows: Sequence[Row]) -> Iterator[_Piece]:
    """The label pieces of ``rows`` in reading order, each label cell's text cut at spaces
    (a group label's piece and a row's on one line may print as one cell: ``（三）  属``),
    and each value that is a word (``无``, which starts ``无正当理由…``)."""
    for at, row in enumerate(rows):
        cells = [(line, column, text, False) for text, line, column in row.labels]
        cells += [(line, column, text, True) for text, line, column in row.values if _word(text)]
        for line, column, text, value in sorted(cells) if len(cells) > len(row.labels) else cells:
            offset = 0
            for part in text.split():
                offset = text.index(part, offset)
                yield _Piece(part, normalise_label(part), at, line, column + offset, value)
                offset += len(part)


def _word(text: str) -> bool:
    """Whether a value's text is a word: no digit in it, and words left by
    ``normalise_label``."""
    return not any(map(str.isdigit, text)) and bool(normalise_label(text))


def _skipped(pieces: Sequence[_Piece], groups: frozenset[str]) -> list[bool]:
    """For each piece, whether a label may be spelt past it: no word of a row (a numbering,
    a quote: nothing left by ``normalise_label``), a piece of a group's label, or a numeral
    alone (a group's numbering printed a character a line: ``（`` / ``五`` / ``）``), each
    with the brackets of a numbering cut with it (``）不``) set aside."""
    return [
        not (words := piece.words.strip("()"))
        or words in _NUMERALS
        or any(words in group for group in groups)
        for piece in pieces
    ]


def _spelt(
    pieces: Sequence[_Piece], skipped: Sequence[bool], aliases: Sequence[str], start: int
) -> tuple[int, int, list[int]] | None:
    """The first spelling of one of a row's ``aliases`` from ``start`` on: the indices of its
    first and last pieces and of the pieces whose characters spell it."""
    for alias in aliases:
        label = normalise_label(alias)
        for first in range(start, len(pieces)):
            if pieces[first].words and label.startswith(pieces[first].words):
                used = _spelling(pieces, skipped, label, first)
                if used is not None:
                    return first, used[-1], used
    return None


def _spelling(
    pieces: Sequence[_Piece], skipped: Sequence[bool], label: str, first: int
) -> list[int] | None:
    """The pieces from ``first`` on that spell ``label`` whole, the others between them
    skipped, ending at the earliest piece that can: each reachable count of the label's
    characters spelt kept with the pieces that spelt it."""
    reached: dict[int, list[int]] = {0: []}
    for index in range(first, min(len(pieces), first + _MOST_PIECES)):
        words = pieces[index].words
        after: dict[int, list[int]] = {}
        for spelt, used in reached.items():
            if words and label.startswith(words, spelt):
                after.setdefault(spelt + len(words), [*used, index])
            if spelt and skipped[index]:
                after.setdefault(spelt, used)
        if len(label) in after:
            return after[len(label)]
        if not after:
            return None
        reached = after
    return None
