"""One cell a line without tabs (``pdftotext`` plain, LibreOffice's text export,
``docx2txt``, BeautifulSoup's ``get_text('\\n')``): cells follow each other down the page,
blank lines between them or not; a header's cells may share a line, and a wrapped label goes
on over several lines.

Rows are rebuilt from the order of cells alone: a row is a label and the values after it.

Blank cells are lines too, where the tool writes every cell in one rhythm: ``docx2txt`` a
separator line after each cell (an empty cell is then two empty lines), LibreOffice nothing
between cells (an empty cell is one empty line), a page's ``&nbsp;`` a line of spaces. The
rhythm (``s`` separator lines after a cell, ``b`` lines an empty cell takes) is learnt from
the table's values printed one after another; each row's cells by position, blank cells
included, are its ``positions``, which its section reads where every row fits it
(``sections.rows.by_position``). Text whose blank lines keep no rhythm (``pdftotext``) has
no grid.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import pairwise, repeat
from operator import contains
from typing import ClassVar

from ...cells import LABEL, MIN_CELL_DIGITS, NUMBER, NUMBER_WORDS, PLACEHOLDER
from ...labels import COUNT_UNITS, MONEY_UNITS, PROACTIVE_ROWS
from .base import (
    VALUE,
    VALUE_APART,
    Layout,
    Positions,
    Printed,
    Row,
    Words,
    is_rule,
    line_words,
    loose_value_lines,
    page_breaks,
    paged,
    word_rows,
)

#: A value alone on its line.
_VALUE_LINE = re.compile(rf"\s*(?:{VALUE_APART}|{VALUE})\s*")
#: A number's head that its narrow cell may wrap: digits, no unit, no leading zero.
_WRAP_HEAD = re.compile(r"[+-]?(?:[1-9]\d*(?:\.\d*)?|0\.\d*)")
#: The digits a number's rest starts with.
_DIGITS_FIRST = re.compile(r"\d+")
#: A narrow label cell's last piece run into the row's first value on one line, as PyMuPDF
#: joins the spans of one baseline (``许可91项``): a piece of one to three characters.
_PIECE_THEN_VALUE = re.compile(
    r"\s*(?P<piece>[\u4e00-\u9fff]{{1,3}})(?P<value>[+-]?[1-9]\d*(?:{})?)\s*".format(
        "|".join((*MONEY_UNITS, *COUNT_UNITS))
    )
)
#: A sign alone, as a word of its own (``fold`` makes ``－`` ``−`` ``＋`` ``﹢`` plain ones).
_LONE_SIGN = re.compile(r"(?<!\S)[-+](?!\S)")


class CellPerLine(Layout):
    """Cells one after another down the page; a label after a value starts a row."""

    name: ClassVar[str] = "cell-per-line"
    #: Rows are rebuilt from the order of cells alone: a row with too many values means the
    #: order is broken, and the whole table is dropped (``parser``).
    by_order: ClassVar[bool] = True
    table_line: ClassVar[str] = rf"^[^\S\t]*(?:{VALUE_APART}|{VALUE})[^\S\t]*$"

    def sniff(self, lines: Sequence[str], width: int) -> float:
        valued = loose_value_lines(lines)  # the share of them holding their value alone
        alone = sum(1 for line in valued if _VALUE_LINE.fullmatch(line))
        return alone / len(valued) if valued else 0.0

    def rows(self, lines: Sequence[str], first_line: int) -> Iterator[Row]:
        words = _spelt_down(line_words(lines, first_line))
        # most tables print no sign apart: one search at C speed a line rules it out
        signs = any(map(_LONE_SIGN.search, lines))
        words = _signs_joined(words) if signs else words
        # most lines print no label's piece run into a value: one search at C speed a line
        words = _labels_apart(words) if any(map(_PIECE_THEN_VALUE.fullmatch, lines)) else words
        rows = gridded(list(word_rows(lines, first_line, words)), lines, first_line, words)
        minus = _minus_apart(words) if signs else []
        rows = _with_minus_joined(rows, lines, first_line, words, minus) if minus else rows
        breaks = page_breaks(lines, first_line) if any(map(contains, lines, repeat("\f"))) else []
        return paged(rows, breaks) if breaks else iter(rows)

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        """As ``docx2txt`` writes a Word table: each cell of each row on a line of its own,
        followed by an empty line. A row's empty cells before its first text are merged
        cells' continuations below their first row, written as empty cells (an empty line);
        those after a text are covered by it (a cell merged across columns is one cell)."""
        lines: list[str] = []
        for row in table:
            begun = False
            for cell in row:
                begun = begun or bool(cell)
                if cell or not begun:
                    lines.extend((cell, ""))
        return lines


def _spelt_down(words: list[Words]) -> list[Words]:
    """``words`` with a one-character mark of "not given" (``无``) alone on its line between
    lines of one label character each taken as a label's character: pdftotext writes a Word
    PDF's vertical group label one character a line (``（`` / ``四`` / ``）`` / ``无`` / ``法``
    / ``提`` / ``供``), and a printed ``无`` cell stands among values, not inside a word."""
    texts = [at for at, (cells, _) in enumerate(words) if cells]
    for before, at, after in zip(texts, texts[1:], texts[2:], strict=False):
        # the rare mark first: most lines are no one-character mark
        if _one_character(words[at], PLACEHOLDER) and all(
            _one_character(words[n], LABEL) for n in (before, after)
        ):
            words[at] = (words[at][0], LABEL)
    return words


def _signs_joined(words: list[Words]) -> list[Words]:
    """``words`` with each plus sign apart from the unsigned number after it joined to it
    (``_sign_apart``: ``+`` / ``18``, ``+ 18``: ``+18``): Word splits a run before its first
    digit, and BeautifulSoup's ``get_text('\\n')`` writes each run a line. A lone ``+`` is no
    label and no value; a lone ``-`` may be a blank cell's placeholder, and is joined only in
    a row's other reading (``_minus_apart``)."""
    for at in range(len(words)):
        # reversed: a join shifts the cells after it
        for index, below in reversed(_sign_apart(words, at, "+", LABEL)):
            _join(words, at, index, below)
    return words


def _labels_apart(words: list[Words]) -> list[Words]:
    """``words`` with each label piece run into a value cut apart, where a line of one
    piece of a label alone stands right above it (``行政`` / ``许可91项``): PyMuPDF prints a
    tall row's cells that share a baseline on one line, the label's last piece and the
    first value with nothing between. A word before a number that makes it no count
    (``共计145``) is left whole."""
    for at in range(1, len(words)):
        cells, kinds = words[at]
        above, above_kinds = words[at - 1]
        if kinds != LABEL or above_kinds != LABEL or len(above[0][0]) > _PIECE:
            continue
        text, line, column = cells[0]
        match = _PIECE_THEN_VALUE.fullmatch(text)
        if match is None or match["piece"] in NUMBER_WORDS:
            continue
        piece = match["piece"]
        words[at] = (
            ((piece, line, column), (match["value"], line, column + len(piece))),
            LABEL + NUMBER,
        )
    return words


def _minus_apart(words: Sequence[Words]) -> list[tuple[int, int, int]]:
    """Where a lone minus sign stands right before an unsigned number (``_sign_apart``):
    a sign markup split off its number, or a dash cell (not given) before the next cell.
    Empty lines may stand between them: a text whose blank lines come and go (a page's,
    its blank cells printed ``&nbsp;``) parts a sign from its number so too, and this is
    only a row's other reading. ``(line offset, cell index, the number's line offset)``
    each."""
    return [
        (at, index, below)
        for at in range(len(words))
        for index, below in _sign_apart(words, at, "-", across=True)
    ]


def _sign_apart(
    words: Sequence[Words], at: int, sign: str, kind: str = PLACEHOLDER, across: bool = False
) -> list[tuple[int, int]]:
    """The indices of line ``at``'s cells that are ``sign`` alone (of ``kind``) right before
    an unsigned number, each with the offset of the number's line: the last cell, with the
    number first on the next line (no blank line between, unless ``across`` empty lines),
    or a cell with the number next on its line one space after it (``- 25``)."""
    cells, kinds = words[at]
    if kind not in kinds:
        return []
    found = []
    for index, (text, line, column) in enumerate(cells):
        if text != sign or kinds[index] != kind:
            continue
        below = at
        if index + 1 < len(cells):
            after, after_kind = cells[index + 1], kinds[index + 1]
            apart = after[1] == line and after[2] == column + 2
        else:
            below = at + 1
            while across and below < len(words) and not words[below][0]:
                below += 1
            if below >= len(words) or not words[below][0]:
                continue
            after, after_kind = words[below][0][0], words[below][1][0]
            apart = True
        if apart and after_kind == NUMBER and after[0][:1].isdecimal():
            found.append((index, below))
    return found


def _join(words: list[Words], at: int, index: int, below: int) -> None:
    """Line ``at``'s cell ``index`` (a sign) joined to the number after it: on its line
    (``below`` is ``at``), the cell where the sign is; first on line ``below``, the cell
    where the digits are (the sign's line then holds its other cells, or none), so that the
    blank lines after the cell are counted from its last line."""
    cells, kinds = words[at]
    sign, line, column = cells[index]
    if index + 1 < len(cells):
        joined = (f"{sign}{cells[index + 1][0]}", line, column)
        words[at] = (
            (*cells[:index], joined, *cells[index + 2 :]),
            f"{kinds[:index]}{NUMBER}{kinds[index + 2 :]}",
        )
        return
    (digits, *after), after_kinds = words[below]
    words[at] = (cells[:index], kinds[:index])
    words[below] = (((f"{sign}{digits[0]}", *digits[1:]), *after), f"{NUMBER}{after_kinds[1:]}")


def _with_minus_joined(
    rows: list[Row],
    lines: Sequence[str],
    first_line: int,
    words: Sequence[Words],
    minus: Sequence[tuple[int, int, int]],
) -> list[Row]:
    """``rows`` each with its ``joined`` reading where it holds one of the lone minus signs
    ``minus`` (``_minus_apart``): the text read again with each joined to the number after
    it. Where the two texts keep different rhythms of blank lines, such a row is read by
    neither's positions: a rhythm that joining a sign makes is no evidence of one."""
    joined = list(words)
    for at, index, below in reversed(minus):  # a join shifts the cells after it, on its lines
        _join(joined, at, index, below)
    other = gridded(list(word_rows(lines, first_line, joined)), lines, first_line, joined)
    if len(other) != len(rows):
        return rows
    same = _rhythms(*_stream(lines, first_line, words)[:2]) == _rhythms(
        *_stream(lines, first_line, joined)[:2]
    )
    signs = {words[at][0][index][1:] for at, index, _ in minus}
    read = []
    for row, again in zip(rows, other, strict=True):
        if any(cell[1:] in signs for cell in row.values):
            if not same:
                row = row._replace(positions=Positions())
                again = again._replace(positions=Positions())
            row = row._replace(joined=again)
        read.append(row)
    return read


def _one_character(words: Words, kind: str) -> bool:
    """Whether a line is one cell of one character, of ``kind``."""
    cells, kinds = words
    return kinds == kind and len(cells[0][0]) == 1


#: A cell of the table's text in reading order: the cell, whether it is a label, and how many
#: blank lines come before it (after the line with text before it; ``INLINE`` for a cell on
#: the same line as the one before, ``None`` where a rule line breaks the count).
_Cell = tuple[Printed, bool, int | None]
INLINE = -1


def gridded(
    rows: list[Row], lines: Sequence[str], first_line: int, words: Sequence[Words]
) -> list[Row]:
    """``rows`` (of ``word_rows``) with their grids, where the table's blank lines keep a
    rhythm (``_rhythms``), each with its grid in the other rhythm (``Positions.other``)
    where two fit. Where the runs leave one line an empty cell alone, or no rhythm (and no
    lines of spaces keep one of their own), the rows have no grid in another rhythm and
    ``Positions.exact``: one tool wrote the text's other tables, which are not read in
    another rhythm either (``tables.table._one_rhythm``). ``words``: the lines'
    ``line_words``."""
    stream, explicit, spaced = _stream(lines, first_line, words)
    rhythms = _rhythms(stream, explicit)
    tail, ending = _tail(lines), _ending(lines)
    # Lines of spaces, and empty lines among them: counted alone, they may keep a rhythm of
    # their own that runs could refute (separator lines, more than one line an empty cell),
    # and a row that it reads otherwise is read by neither.
    beside = [rhythm for rhythm in _rhythms(spaced, True)[:1] if rhythm[0] and rhythm[1] > 1]
    if not rhythms:
        if beside or not any(gap is not None and gap >= 0 for _, _, gap in stream[1:]):
            return rows
        # Cells one a line and no rhythm: none for the text's other tables either.
        return [row._replace(positions=Positions(exact=True)) for row in rows]
    at = {cell[1:]: index for index, (cell, _, _) in enumerate(stream)}
    centre = _centre(stream)
    gridded = []
    for row in rows:
        if row.labels:
            start, lead = at[row.labels[-1][1:]] + 1, True
        elif row.values:
            start, lead = at[row.values[0][1:]], False
        else:
            gridded.append(row)
            continue
        grids = [_grid(stream, start, rhythm, lead, tail, ending, centre) for rhythm in rhythms]
        alone = False  # one line an empty cell is the only rhythm the runs leave
        if rhythms[-1][0]:  # one line an empty cell, read only where the others do not fit
            exact = grids.pop()
            other = exact and Positions(exact[0], cut=exact[1], exact=True)
            alone = not grids and not beside  # no lines of spaces keep another
            grids = grids or [((), False)]
        else:
            other = None
        if beside and grids[0] and _differ(grids[0], _grid(spaced, start, beside[0], lead)):
            grids[0] = None
        cells, cut = grids[0] or ((), False)
        shown = _spaced(cells, lines, first_line)
        row = row._replace(
            positions=Positions(cells, True, cut, exact=alone, other=other, spaced=shown)
        )
        gridded.append(row)
    return gridded


def in_blocks(rows: Sequence[Row], lines: Sequence[str], first_line: int) -> list[Row]:
    """``rows`` (of ``lines``, the first ``first_line``) of ``pdftotext``'s plain text, where
    a blank line ends each block of text (an empty cell prints nothing), with each row
    whose values' order the text does not show ``loose`` and ``stacked``, so that only its
    own rules may confirm them (``_apart``). Text with no blank line among its cells is a
    flow of one cell a line, and text with lines or values indented is laid out in columns
    (``pdftotext -layout``): left as they are."""
    if any(map(str.startswith, lines, repeat("  "))):
        return list(rows)  # laid out with spaces: ``pdftotext -layout``
    printed = [at for at, line in enumerate(lines) if line.strip()]
    if not printed or all(lines[at].strip() for at in range(printed[0], printed[-1])):
        return list(rows)

    def flush(value: Printed) -> bool:
        return lines[value[1] - first_line].startswith(value[0])

    def continued(row: Row) -> bool:
        """Whether a number alone on its line, flush, comes in the row's block after its
        values: the end of a number wrapped in its narrow cell, under the lines its
        label's and units' ends took (``行政 635 +2 535`` / ``处罚 项`` / ``件`` / ``7``
        for +27)."""
        at = row.values[-1][1] - first_line + 1
        while at < len(lines) and lines[at].strip():
            if lines[at][:1].strip() and _VALUE_LINE.fullmatch(lines[at]):
                return True
            at += 1
        return False

    return [
        row._replace(loose=True, stacked=True)
        if row.values and ((all(map(flush, row.values)) and _apart(rows, at)) or continued(row))
        else row
        for at, row in enumerate(rows)
    ]


def wrapped(rows: Sequence[Row], lines: Sequence[str]) -> list[Row]:
    """``rows`` of a flow of one cell a line with no page breaks nor blank lines (pypdfium2's
    text of a PDF, which a layout may read as cells or as columns), with each row ``loose``
    and ``stacked`` whose label wraps from the line above (a row of labels alone there:
    ``行政`` / ``处罚``, a narrow PDF cell's) and two of whose values start lines one under the
    other, at the label's margin: its narrow value cells wrap too, and a number with its unit
    wrapped in its cell (``403`` / ``0件`` for 4030件) reads as two cells, so only the row's
    own rules may confirm them. A page's table (HTML) prints each label on one line, a flow
    with a line for each blank cell shows its cells, and text laid out in columns a value's
    rest under its column: their rows are left as they are."""
    if not all(map(str.strip, lines)):
        return list(rows)
    return [
        row._replace(loose=True, stacked=True) if _label_wrapped(rows, at) else row
        for at, row in enumerate(rows)
    ]


#: The most characters a narrow PDF cell prints of a label a line (``行政`` / ``处罚``,
#: ``规范`` / ``性文`` / ``件``): a whole label above a row's (a header's last column
#: ``现行有效件数`` over ``规章``) is no piece of it.
_PIECE = 3
#: Section 二's short row labels whole (``规章``): under a header's piece (``量``), no piece.
_WHOLE = frozenset(
    label for rows in PROACTIVE_ROWS.values() for names in rows.values() for label in names
)


def _label_wrapped(rows: Sequence[Row], at: int) -> bool:
    """Whether row ``at``'s label wraps from a row of labels alone on the line above, both
    pieces a narrow cell's (``_PIECE``) and its own no row's label whole, and two of its
    values start lines one under the other at its label's margin, the upper a number's
    head and the lower its rest (``_may_wrap``): ``9件`` / ``9件`` / ``36件`` wraps none,
    nor do ``1`` / ``1`` / ``28``."""
    row = rows[at]
    if not at or not row.labels or len(row.values) < 2:
        return False
    above, margin = rows[at - 1], row.labels[0][2]
    return (
        not above.values
        and bool(above.labels)
        and above.labels[-1][1] + 1 == row.labels[0][1]
        and max(len(above.labels[-1][0].strip()), len(row.labels[0][0].strip())) <= _PIECE
        and row.labels[0][0].strip() not in _WHOLE
        and any(
            below[1] - upper[1] == 1
            and upper[2] == below[2] == margin
            and _may_wrap(upper[0], below[0])
            for upper, below in pairwise(row.values)
        )
    )


def _may_wrap(head: str, rest: str) -> bool:
    """Whether ``rest``, on the line below ``head`` in one narrow cell, may end the number
    ``head`` begins: the head a number's (``_WRAP_HEAD``: digits and no unit, which ends a
    number) that fills its line, so of ``MIN_CELL_DIGITS`` or more, and the rest digits
    first (a unit may follow), no more of them than the head's (they fit on one line)."""
    digits = _DIGITS_FIRST.match(rest)
    width = sum(map(str.isdigit, head))
    return (
        _WRAP_HEAD.fullmatch(head) is not None
        and width >= MIN_CELL_DIGITS
        and digits is not None
        and len(digits[0]) <= width
    )


def _apart(rows: Sequence[Row], at: int) -> bool:
    """Whether row ``at`` is tall, its label wrapped from the line above (a row of labels
    alone there), and its values stand on several lines: in text of blocks, blocks whose
    order ``pdftotext`` draws from the page's flow, which in a tall row's cells need not be
    the columns' (a Word PDF's ``其他`` / ``对外`` / … / ``事项``, then ``172`` / ``7`` / ``0``
    for 7, 0 and 172); or whether two of its values are on lines one under the other, a
    block of two lines: the pieces of a number wrapped in its narrow cell (``135`` / ``2``
    for 1352) or two rows' cells of one column."""
    row = rows[at]
    values = row.values
    if any(below[1] - above[1] == 1 for above, below in pairwise(values)):
        return True
    if len(values) < 2 or values[0][1] == values[-1][1] or not row.labels or not at:
        return False
    above = rows[at - 1]
    return not above.values and bool(above.labels) and above.labels[-1][1] + 1 == row.labels[0][1]


def _spaced(cells: Sequence[Printed], lines: Sequence[str], first_line: int) -> frozenset[int]:
    """The indices of the blank ``cells`` whose line is a line of spaces (``Positions.spaced``)."""
    return frozenset(
        at
        for at, (text, line, _) in enumerate(cells)
        if not text and 0 <= line - first_line < len(lines) and lines[line - first_line].isspace()
    )


def _stream(
    lines: Sequence[str], first_line: int, words: Sequence[Words]
) -> tuple[list[_Cell], bool, list[_Cell]]:
    """The cells of ``lines`` in reading order, whether every blank line between two
    cells is an explicit empty cell: a line of spaces (a page's ``&nbsp;``, which ``source``
    folds to a space), with one such line at least. An empty line next to a label there (a
    label cell's empty paragraph, a header's spacing) is no cell and is not counted; one
    between two other cells (a page break, paragraph spacing) leaves the text without that
    guarantee, and then every blank line counts: the third item is then the cells with
    their lines of spaces alone counted (empty where there are none), a reading the
    empty lines may have put out of step. Lines of spaces after the last cell are its
    row's last empty cells: a label with no text closes them."""
    stream: list[_Cell] = []
    spaces: list[int | None] = []  # the lines of spaces before each cell
    blank: int | None = 0
    spaced = 0
    empty, explicit, plain = False, False, False
    for offset, line in enumerate(lines):
        if not line or line.isspace():
            blank = None if blank is None else blank + 1
            spaced += bool(line)
            explicit = explicit or bool(line)
            empty = empty or (not line and bool(stream))
        elif is_rule(line):
            blank = None
        elif words[offset][0]:  # a sign's line joined to the next (``_join``): none
            cells, kinds = words[offset]
            label = kinds[0] == LABEL
            plain = plain or (empty and not stream[-1][1] and not label)
            spaces.append(None if blank is None else spaced)
            stream.append((cells[0], label, blank))
            if len(cells) > 1:  # the line's other cells, on the line of the one before
                spaces.extend(repeat(INLINE, len(cells) - 1))
                stream.extend(zip(cells[1:], map(LABEL.__eq__, kinds[1:]), repeat(INLINE)))
            blank, spaced, empty = 0, 0, False
    if not explicit:
        return stream, False, []
    counted = [(cell, label, gap) for (cell, label, _), gap in zip(stream, spaces, strict=True)]
    if counted and spaced and blank is not None:
        # The table's last cells are empty ones up to the section's end: a mark closes them.
        counted.append((("", first_line + len(lines), 1), True, spaced))
    return (stream, False, counted) if plain else (counted, True, [])


def _rhythms(stream: Sequence[_Cell], explicit: bool = False) -> tuple[tuple[int, int], ...]:
    """``(s, b)``: the blank lines after each cell and those an empty cell takes, where
    every run of blank lines next to a value is ``s + k·b`` lines for ``k`` empty cells;
    then, where there are separators, ``(s, 1)``: one line an empty cell, as lynx writes a
    table too wide for its page, one cell a paragraph. Every run fits that, so no run can
    refute it, only rows can: each must hold exactly its template row's cells
    (``Positions.exact``), and it is read where those of the first rhythm do not all fit.

    ``s`` is the shortest run of blank lines between two cells on lines of their own (every
    cell is followed by its separators, so no two cells are closer): not the most common
    run, since a sparse table's labels are mostly a row of empty cells apart, nor one seen
    before a value, since a sparse table may print no two values side by side. ``b`` is
    ``s + 1`` (an empty line and its separators, as ``docx2txt`` writes an empty cell) or,
    failing that, ``s`` (LibreOffice writes an empty cell as one empty line), never one
    line there (every run of blank lines fits it, so nothing could show the rhythm broken: a
    blank line put in by a page break would pass for an empty cell). None where no value
    follows another cell on a line of its own. Where every blank line
    is an explicit empty cell (``explicit``: a page's ``&nbsp;``, BeautifulSoup's or
    LibreOffice's text of it), with no separators, the rhythm is ``(0, 1)``: a stray line
    would be an empty one, and refutes it. A rhythm
    found in text that has none (``pdftotext`` puts blank lines where its blocks of text
    end, and writes nothing for an empty cell) places nothing: its rows' cells do not fit
    their template rows, and ``sections.rows.by_position`` then reads every row by its
    printed values alone."""
    pairs = list(pairwise(stream))
    touching = [gap for (_, label, _), (_, after, gap) in pairs if not (label and after)]
    if None in touching:
        return ()
    runs = [gap for gap in touching if gap is not None and gap != INLINE]
    before = [gap for _, (_, after, gap) in pairs if not after and gap is not None and gap >= 0]
    every = Counter(gap for _, (_, _, gap) in pairs if gap is not None and gap >= 0)
    if not before or not every:
        return ()
    separators = min(every)
    if not separators and explicit:
        return ((0, 1),)
    if not separators:
        # No separator lines (LibreOffice, get_text('\n')): an empty line is an empty cell,
        # and a stray one (a page break, paragraph spacing) is one too, unseen.
        return ()
    fits = [
        (separators, lines)
        for lines in (separators + 1, separators)
        if lines > 1 and all(gap >= separators and (gap - separators) % lines == 0 for gap in runs)
    ]
    return (*fits[:1], (separators, 1))


def _differ(
    grid: tuple[tuple[Printed, ...], bool], other: tuple[tuple[Printed, ...], bool] | None
) -> bool:
    """Whether two grids of a row, both read, put its values in different cells."""
    return other is not None and [t for t, _, _ in grid[0]] != [t for t, _, _ in other[0]]


def _ending(lines: Sequence[str]) -> int:
    """The blank lines that end a table's text."""
    printed = next((at for at in range(len(lines) - 1, -1, -1) if lines[at].strip()), -1)
    return len(lines) - printed - 1


def _tail(lines: Sequence[str]) -> int:
    """The blank lines that end a table's text, where the last of them is a line of spaces
    (a page's ``&nbsp;``: ``skeleton`` ends the table there); 0 otherwise."""
    if not lines or not lines[-1] or not lines[-1].isspace():
        return 0
    return _ending(lines)


#: How many columns left of the table's centre a value's own centre stands, at least, where
#: lynx set it after an empty cell (``_set_left``).
SET_LEFT = 3


def _centre(stream: Sequence[_Cell]) -> float | None:
    """The centre the values of a table printed one cell a line stand about: the median of
    their centres (each value first on its line); ``None`` where there are none."""
    centres = sorted(
        column + len(text) / 2
        for (text, _, column), label, gap in stream
        if not label and gap != INLINE
    )
    return centres[len(centres) // 2] if centres else None


def _set_left(cell: Printed, centre: float | None) -> bool:
    """Whether ``cell`` stands ``SET_LEFT`` columns or more left of the table's ``centre``:
    lynx sets the paragraph after an empty cell (a ``&nbsp;`` one) four columns left of
    its centred place (``41`` at 37, an empty line, ``1`` at 33)."""
    text, _, column = cell
    return centre is not None and column + len(text) / 2 <= centre - SET_LEFT


def _grid(
    stream: Sequence[_Cell],
    start: int,
    rhythm: tuple[int, int],
    lead: bool,
    tail: int = 0,
    ending: int = 0,
    centre: float | None = None,
) -> tuple[tuple[Printed, ...], bool] | None:
    """The cells from ``stream[start]`` to the next label, with the empty cells of each run
    of blank lines (``lead``: of the run before the first one too), and whether the text
    ends first (the grid is cut); ``None`` where a run breaks the rhythm. Where the text
    ends so, the ``tail`` blank lines after its last cell (the last a line of spaces) are
    empty cells too where they keep the rhythm (its last cell's separators cut off with
    the table's end; only where an empty cell prints a line of its own, beside its
    separators): the row still ends unseen (cut), but those cells show. In one line an
    empty cell (lynx's paragraphs), the ``ending`` blank lines after the last cell are its
    separators, then one line for each empty cell up to the paragraph after the table,
    which takes none of its own: the row ends there (its cells then fit exactly or refute
    the rhythm, ``Positions.exact``). There a value lynx set left (``_set_left``) stands
    after an empty cell: read first in its row or after a value, it refutes the rhythm
    (an empty line lost before it, one put in elsewhere, would read it a cell early)."""
    separators, lines = rhythm
    lynx = lines == 1 and separators > 0
    grid: list[Printed] = []
    for index in range(start, len(stream)):
        cell, label, gap = stream[index]
        if gap is None:
            return None
        if gap != INLINE and (index > start or lead):
            empty, odd = divmod(gap - separators, lines)
            if empty < 0 or odd:
                return None
            previous = stream[index - 1][0][1]
            grid.extend(("", previous + separators + 1 + k * lines, 1) for k in range(empty))
        if label:
            return tuple(grid), False
        if lynx and (not grid or grid[-1][0]) and _set_left(cell, centre):
            return None
        grid.append(cell)
    last = stream[-1][0][1]
    if lines == 1 and separators and ending >= separators:
        # One line an empty cell (lynx): the last cell's separators, then a line for each
        # empty cell up to the paragraph after the table, which takes no line of its own.
        grid.extend(("", last + separators + 1 + k, 1) for k in range(ending - separators))
        return tuple(grid), False
    empty, odd = divmod(tail, lines)
    if tail and lines > separators and not odd:
        grid.extend(("", last + separators + 1 + k * lines, 1) for k in range(empty))
    return tuple(grid), True
