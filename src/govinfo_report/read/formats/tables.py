"""Tables of documents as the lines of the ``tab-separated`` layout: a row a line, cells split
by tabs, a merged cell's text at its top-left position and the positions it covers empty
(exactly what ``gr.render(report, "tab-separated")`` writes and reads back)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

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


def spread(rows: Sequence[Sequence[Spanned]]) -> list[list[str]]:
    """The grid of a table given row by row as HTML lists its cells, each with its spans.

    A cell takes the first free position of its row (positions taken by cells spanning
    down from rows above are skipped) and covers ``rows x columns`` positions, clipped to
    the table's rows and to ``MAX_CELLS_PER_ROW`` columns; a cell never covers a position
    another cell holds (such tables are broken; browsers overlap them), so every position
    is written once and the work is linear in the grid's size.
    """
    grid: list[list[str | None]] = [[] for _ in rows]
    for top, cells in enumerate(rows):
        column = 0
        for text, down, across in cells:
            row = grid[top]
            while column < len(row) and row[column] is not None:
                column += 1
            if column >= MAX_CELLS_PER_ROW:
                break
            width = _claim(row, column, min(across, MAX_CELLS_PER_ROW - column))
            row[column] = text
            for below in grid[top + 1 : top + max(down, 1)]:
                if _claim(below, column, width) == 0:
                    break
            column += width
    return [["" if cell is None else cell for cell in row] for row in grid]


def _claim(row: list[str | None], start: int, across: int) -> int:
    """Mark up to ``across`` free positions of ``row`` from ``start`` covered (``""``),
    stopping at a position already held; how many were marked."""
    if len(row) < start + across:
        row.extend([None] * (start + across - len(row)))
    taken = 0
    while taken < across and row[start + taken] is None:
        row[start + taken] = ""
        taken += 1
    return taken


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
