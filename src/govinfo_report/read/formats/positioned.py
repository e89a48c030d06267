"""Text from characters with positions (``pdfium.Char``): lines, words, a cell's text, and
lines whose columns are kept as runs of spaces. As pdfplumber groups characters (its
``x_tolerance`` and ``y_tolerance`` of 3 points), so that both readers give the same text,
but by the characters' bottoms: pdfium's boxes are as tall as each font's ascent and
descent, so two fonts on one line (CJK and Latin) share the bottom, not the top.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise
from statistics import median

from .pdfium import Char

#: Characters whose bottoms are this close (points, chained) are on one line.
LINE_TOLERANCE = 3.0
#: A gap wider than this (points) between two characters of a line separates words.
WORD_GAP = 3.0


def lines(chars: Iterable[Char]) -> list[list[Char]]:
    """``chars`` grouped into lines, top to bottom, each left to right: sorted by their
    bottom, a character whose bottom is within ``LINE_TOLERANCE`` of the one before joins
    its line."""
    ordered = sorted(chars, key=_bottom)
    grouped: list[list[Char]] = []
    last = float("-inf")
    for char in ordered:
        if char.bottom > last + LINE_TOLERANCE:
            grouped.append([])
        grouped[-1].append(char)
        last = char.bottom
    for line in grouped:
        line.sort(key=_x0)
    return grouped


def words(line: Sequence[Char]) -> list[list[Char]]:
    """A line's words: a blank character, a gap wider than ``WORD_GAP``, a step back or a
    drop of more than ``LINE_TOLERANCE`` from the character before ends a word."""
    found: list[list[Char]] = []
    word: list[Char] = []
    last: Char | None = None
    for char in line:
        if char.text.isspace():
            last = None
            continue
        if last is None or _breaks(last, char):
            word = []
            found.append(word)
        word.append(char)
        last = char
    return found


def line_text(line: Sequence[Char]) -> str:
    """A line's words, a space between each two."""
    parts: list[str] = []
    last: Char | None = None
    for char in line:
        text = char.text
        if text.isspace():
            last = None
            continue
        if parts and (last is None or _breaks(last, char)):
            parts.append(" ")
        parts.append(text)
        last = char
    return "".join(parts)


def cell_text(chars: Sequence[Char]) -> str:
    """The text of a table cell: its lines joined with no separator, as Chinese wraps."""
    if len(chars) == 1:
        return chars[0].text.strip()
    return "".join(line_text(line) for line in lines(chars))


def _breaks(last: Char, char: Char) -> bool:
    """Whether ``char`` starts a new word after ``last``."""
    return (
        char.x0 > last.x1 + WORD_GAP
        or char.x0 < last.x0
        or char.bottom > last.bottom + LINE_TOLERANCE
    )


def spaced_text(line: Sequence[Char]) -> str:
    """A line's words with their columns kept as ``pdftotext -layout`` keeps them: a gap
    between two words is a space per half the line's height (about a digit's width), at
    least one."""
    found = words(line)
    if not found:
        return ""
    half = median(char.bottom - char.top for char in line) / 2 or 1.0
    parts = ["".join(char.text for char in found[0])]
    for before, word in pairwise(found):
        gap = word[0].x0 - before[-1].x1
        parts.append(" " * max(1, round(gap / half)))
        parts.append("".join(char.text for char in word))
    return "".join(parts)


def _bottom(char: Char) -> float:
    return char.bottom


def _x0(char: Char) -> float:
    return char.x0
