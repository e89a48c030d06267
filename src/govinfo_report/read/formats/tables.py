"""Tables of documents as the lines of the ``tab-separated`` layout: a row a line, cells split
by tabs, a merged cell's text at its top-left position and the positions it covers empty
(exactly what ``gr.render(report, "tab-separated")`` writes and reads back)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise

from ...limits import MAX_CELLS_PER_ROW

#: A cell as HTML gives it: its text, rows spanned, columns spanned.
Spanned = tuple[str, int, int]


def clean(text: str) -> str:
    """``text`` on one line: every run of white space (newlines, tabs, no-break spaces) one
    space, none at the ends, so a cell never breaks the row or its tab grid."""
    return " ".join(text.split())


#: A CJK ideograph or punctuation: Chinese text wraps between any two characters.
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_SUPERSCRIPT = str.maketrans("0123456789+-=()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾")
_SUBSCRIPT = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")


def join_lines(lines: Iterable[str]) -> str:
    """A cell's lines (paragraphs, ``<br>``, wrapped lines) as one text: joined with nothing
    between them where the break meets Chinese text (Chinese wraps between any two
    characters: ``本年新`` / ``制作数量``), else with a space: a line break separates tokens
    (``863`` / ``1`` is two numbers, never 8631)."""
    joined = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if joined and not (_CJK.match(joined[-1]) or _CJK.match(line[0])):
            joined += " "
        joined += line
    return joined


#: The boundary of markup that may hide its text (an HTML element, a Word run whose hiding
#: cannot be decided): between two digits it separates them (``863`` + ``9`` is ``863 9``,
#: no valid value, never 8639); elsewhere it is nothing.
APART = "\x02"
_DIGITS_APART = re.compile(rf"(?<=\d){APART}+(?=\d)")


def apart(text: str) -> str:
    """``text`` with each ``APART`` a space between two digits, and nothing elsewhere."""
    return _DIGITS_APART.sub(" ", text).replace(APART, "") if APART in text else text


def note(text: str, raised: bool) -> str:
    """A superscript (``raised``) or subscript's text as it is written beside a number: a
    footnote mark of digits in superscript or subscript digits (``863¹``), any other text a
    token apart (``863 注``), so that it never becomes digits of the number."""
    text = clean(text)
    if not text:
        return ""
    if text.isdecimal() and text.isascii():
        return text.translate(_SUPERSCRIPT if raised else _SUBSCRIPT)
    return f" {text} "


#: A table's grid by the cells that hold it: for each row, the index of the cell covering
#: each position (``None``: no cell, as before ``w:gridBefore`` or past a short row's end).
Owners = list[list[int | None]]


def spread(groups: Sequence[Sequence[Sequence[Spanned]]]) -> list[list[str]]:
    """The grid of a table given row by row as HTML lists its cells, each with its spans,
    in its row groups (``thead``, ``tbody``, ``tfoot``, in that order).

    A cell takes the first free position of its row (positions taken by cells spanning
    down from rows above are skipped) and covers ``rows x columns`` positions, clipped to
    its group's rows and to ``MAX_CELLS_PER_ROW`` columns; a cell never covers a position
    another cell holds (such tables are broken; browsers overlap them), so every position
    is written once and the work is linear in the grid's size. The groups share one grid
    of columns, as a browser lays them out: ``lay`` lays the whole table at once, so a
    header whose merged cell covers the columns of the body's group labels
    (``rowspan="3" colspan="3"`` over ``（三）不予公开`` / ``1.属于国家秘密``) keeps them.
    """
    owners: Owners = []
    texts: list[str] = []
    for rows in groups:
        group: Owners = [[] for _ in rows]
        for top, cells in enumerate(rows):
            column = 0
            for text, down, across in cells:
                row = group[top]
                while column < len(row) and row[column] is not None:
                    column += 1
                if column >= MAX_CELLS_PER_ROW:
                    break
                cell = len(texts)
                texts.append(text)
                width = _claim(row, column, min(across, MAX_CELLS_PER_ROW - column), cell)
                for below in group[top + 1 : top + max(down, 1)]:
                    if _claim(below, column, width, cell) == 0:
                        break
                column += width
        owners.extend(group)
    return lay(owners, texts)


def _claim(row: list[int | None], start: int, across: int, cell: int) -> int:
    """Give ``cell`` up to ``across`` free positions of ``row`` from ``start``, stopping at
    a position already held; how many it was given."""
    if len(row) < start + across:
        row.extend([None] * (start + across - len(row)))
    taken = 0
    while taken < across and row[start + taken] is None:
        row[start + taken] = cell
        taken += 1
    return taken


def lay(owners: Owners, texts: Sequence[str]) -> list[list[str]]:
    """The rows of a table's grid as text: each cell's text (``texts``, by index) at its
    first position (top row, left column), the positions it covers empty.

    A grid column where no cell begins, or only header cells that group the cells below
    them (Word's grid, where a header row's boundaries are not the rows of values':
    ``自然人`` over two grid columns beside ``法人或其他组织``, under them an empty cell,
    then ``商业企业`` and each row's value under it over two), is folded into the column
    before it, so that every column is one where a cell of the table's rows of cells
    begins: a covered position is then never taken for a blank cell. A column is folded
    only where no row would then hold two cells' text in one position.
    """
    origins: dict[int, tuple[int, int]] = {}
    bottoms: dict[int, int] = {}
    for r, row in enumerate(owners):
        for c, cell in enumerate(row):
            if cell is not None:
                origins.setdefault(cell, (r, c))
                bottoms[cell] = r
    kept = _kept_columns(owners, origins, bottoms)
    laid = []
    for r, row in enumerate(owners):
        cells = [""] * sum(1 for c in kept if c < len(row))
        at = -1
        for c, cell in enumerate(row):
            at += c in kept
            if cell is not None and origins[cell] == (r, c):
                cells[at] = texts[cell]
        laid.append(cells)
    return laid


def _kept_columns(
    owners: Owners, origins: dict[int, tuple[int, int]], bottoms: dict[int, int]
) -> set[int]:
    """The grid columns ``lay`` keeps: the first, and each where some cell begins that
    groups no cells below it (a header over sub-headers, split by a cell of the row under
    its last that begins inside it), or where folding it into the kept column before it
    would put two cells' text in one position of a row."""
    groups = set()
    for r, (row, below) in enumerate(pairwise(owners)):
        for c in range(1, min(len(row), len(below))):
            cell, under = row[c], below[c]
            if (
                cell is not None
                and row[c - 1] == cell
                and bottoms[cell] == r
                and under is not None
                and origins[under] == (r + 1, c)
            ):
                groups.add(cell)
    begun: dict[int, list[tuple[int, int]]] = {}
    for cell, (r, c) in origins.items():
        begun.setdefault(c, []).append((r, cell))
    kept = {0}
    filled = {r for r, _ in begun.get(0, ())}  # rows where a cell begins since the last kept
    for c in range(1, max(map(len, owners), default=0)):
        starts = begun.get(c, [])
        rows = {r for r, _ in starts}
        if any(cell not in groups for _, cell in starts) or rows & filled:
            kept.add(c)
            filled = rows
        else:
            filled |= rows
    return kept


def tab_lines(grid: Iterable[Sequence[str | None]]) -> list[str]:
    """A table's rows as tab-separated lines (``None``: an empty cell); a row with no text
    at all is left out."""
    return [written[0] for written in map(tab_row, grid) if written is not None]


def tab_row(row: Sequence[str | None]) -> tuple[str, list[int]] | None:
    """A row as a tab-separated line and where each cell's text starts in it (from 0);
    ``None`` for a row with no text at all."""
    cells = [clean(cell) if cell else "" for cell in row]
    if not any(cells):
        return None
    starts = []
    at = 0
    for cell in cells:
        starts.append(at)
        at += len(cell) + 1
    return "\t".join(cells), starts
