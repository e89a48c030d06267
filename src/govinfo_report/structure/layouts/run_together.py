"""Cells run together (a web archive's page text, once ``rebreak`` has given it back a line
a row): a row is its label and then its values with nothing between them, or single
spaces now and then: ``规章000``, ``一、本年新收政府信息公开申请数量 713000074``, ``…总计 0 1 1
0 2 1 0 0 0 1 0 0 0 0 0``.

Where one value ends and the next starts is lost (``11315`` may be 1 13 15 or 11 3 15 …),
and so are blank cells, so a row's values are given as one *run* (``Row.runs``): the
section cuts it into its cells only where the consistency rules allow one way, and gives
the values as printed where its only reading cuts it only at its spaces (``collapsed``).
A label's numbering stays with the label (``1.属于国家秘密``); where a run meets the next
label's numbering (``…申请 20000022.申请人``, or a line cut before ``.申请人``), its last
digit may be that numbering (the template numbers sub-rows 1 to 8), and the rules settle
it (``Runs.tail``).

A page's text that printed each blank cell ``&nbsp;`` (BeautifulSoup's ``get_text()``,
lxml's ``text_content()``) keeps a no-break space where each was (``一、…数量641  1268``:
64, 1, two blank cells, 1, 2, 68); ``fold`` makes it a plain space and the source keeps
where it stood (``Source.no_breaks``), so a row's run is also given with those no-break
spaces around and inside it (``Runs.traced``) for the section to read each as a blank cell,
and a run with none around or inside it as its cells all filled.

The layout's lines are found by ``rebreak``, which knows where it cut the text: its
``table_line`` matches nothing, as a label run together with a number looks like a line
of prose wrapped before a number, which many other texts hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from itertools import pairwise
from typing import ClassVar

from ...cells import NUMBER_WORDS
from ...fold import NO_BREAK_SPACE
from ...limits import MAX_CELL_CHARS
from ..collapsed import APART_PLACEHOLDERS, BLANK_RUN, BLANK_RUN_OR_NONE, PLACEHOLDERS, UNITS
from ..rebreak import ARTICLE_START, NUMBERED_ROW
from .base import GRID_MARK, NO_LINE, Layout, Printed, Row, Runs

#: A number as printed (a sign, decimals, a money or count unit, apart or not) or a dash
#: for a cell not given (``-``, ``/`` or ``无`` between spaces), a sign apart from its
#: digits (``+ 4``: markup split its run; after a space, or right after a number's digits
#: or unit: ``649项+ 37``, ``12- 5``), and a run of them with nothing or spaces between.
_UNIT = "|".join(UNITS)
_UNIT_ENDS = "".join(sorted({unit[-1] for unit in UNITS}))
_NUMBER = (
    rf"[+-]?\d+(?:[.,]\d+)*(?:[ ]*(?:{_UNIT}))?|[{PLACEHOLDERS}]+"
    rf"|(?<![^ ])[{APART_PLACEHOLDERS}](?![^ ])|(?<![^ ])\+(?= \d)"
    rf"|(?<=[\d{_UNIT_ENDS}])[+-](?= \d)"
)
_RUN = re.compile(rf"(?:{_NUMBER})(?:[ ]*(?:{_NUMBER}))*")
#: What makes digits before it a numbering: ``.`` or ``、`` (a space either side, as in
#: ``1. 属于国家秘密``) and then no digit.
_NUMBERED = re.compile(r"[ ]*[.、][ ]*[^\d\s]")
#: A page marker's ``/`` and page count right after a run of values (``…13`` and ``8/9`` run
#: together as ``138/9``, in text that lost its line breaks).
_PAGE_AFTER = re.compile(r"[ ]*/[ ]*([1-9]\d{0,3})(?!\d)")
#: A numbering: one or two digits, no leading zero.
_NUMBERING = re.compile(r"[1-9]\d?")
#: A label run into its value: what the sniffer counts.
_GLUED = re.compile(r"[^\W\d_)][+-]?\d")
#: What no number holds, run into the end of a run: a separator and more digits
#: (``9、487``, ``9'487``, ``0。5``, a thin space), or Latin letters OCR read for digits
#: (``948Q``, ``1S7``, ``55s``, an ``O`` for a 0 among values apart, ``0.O001`` past a
#: decimal point), or what makes a number no count (``484人次``, ``12余``, ``3万``: no
#: documented unit; ``1283注1``: a note that is no footnote mark; no row label starts so).
#: It is taken into the run, which then reads as no value (``rows.DAMAGED``).
_DAMAGE = (
    r"[、。'’‘\u2009\u202f][ ]?\d+|[ ]*[.,]?[A-Za-z]+\d*|人次?|余|多|万|%|左右|以上|[?？]"
    r"|注\d+|[(（]注[)）]"
)
_DAMAGE_AFTER = re.compile(rf"(?:{_DAMAGE})+")
#: What no number holds, run into the start of a run: Latin letters OCR read for digits
#: (``I.5`` before a decimal point too), or a word that makes the number no count (``约46``,
#: ``超过40``, ``≈12``: an approximation or a bound; no row label ends so).
_DAMAGE_BEFORE = re.compile(rf"(?:[A-Za-z]+[.,]?|{'|'.join(NUMBER_WORDS)}|[约近超≈<>~≤≥±])[ ]*$")
_SPACES = re.compile(r"[ ]*")
#: The first characters of the units (a space before one is no blank cell: ``246900 元``).
_UNIT_STARTS = frozenset(unit[0] for unit in UNITS)


class RunTogether(Layout):
    """A row a line: its label, then its values run together into one run. ``no_breaks``:
    for each line (1-based) where the text held no-break spaces, where (0-based:
    ``Skeleton.no_breaks``)."""

    name: ClassVar[str] = "run-together"
    table_line: ClassVar[str] = NO_LINE  # found by ``rebreak``, never by a pattern

    def __init__(
        self, no_breaks: Mapping[int, frozenset[int]] | None = None, closed: bool = False
    ) -> None:
        self.no_breaks: Mapping[int, frozenset[int]] = no_breaks or {}
        self.closed = closed

    def sniff(self, lines: Sequence[str], width: int) -> float:
        joined = "\n".join(lines)
        if GRID_MARK.search(joined):  # another layout's region: one search, no line loop
            return 0.0
        valued = [line for line in lines if any(map(str.isdigit, line))]
        if not valued:
            return 0.0
        return 0.9 * sum(1 for line in valued if _GLUED.search(line)) / len(valued)

    def rows(self, lines: Sequence[str], first_line: int) -> Iterator[Row]:
        traced = bool(self.no_breaks)  # the page is read by its no-break spaces
        indents = traced and indents_articles(lines)
        for offset, line in enumerate(lines):
            after = lines[offset + 1].lstrip() if offset + 1 < len(lines) else ""
            number = first_line + offset
            numbered = _NUMBERED.match(after) is not None
            marks = self.no_breaks.get(number, frozenset())
            found = list(_rows(line, number, numbered, marks, self.closed, not after, traced))
            if indents and marks and trailing_indent(line, marks, after) is not None:
                found = _last_indented(found, len(line))
            yield from found


def _rows(
    line: str,
    number: int,
    numbered_next: bool,
    no_breaks: frozenset[int] = frozenset(),
    closed: bool = False,
    last: bool = False,
    traced: bool = False,
) -> Iterator[Row]:
    """The rows of one line: each label with the run after it; a label with none is a row
    of labels alone. ``numbered_next``: the next line starts with a numbering's ``.``;
    ``no_breaks``: where the line held no-break spaces, ``closed``: whether each space
    around and inside a run is a run of blank cells (``Runs.traced``); ``last``: no line of
    the table follows (``Runs.ends``); ``traced``: the text is read as printing each blank
    cell as one no-break space, so each run is given with its own (``Runs.traced``), a run
    with none and no space its cells all filled."""
    label_start = 0
    for match in _RUN.finditer(line):
        start, end = match.span()
        if start < label_start:
            continue  # the page count of a page marker taken with the run before it
        if _in_label(line, match) or not any(map(str.isdigit, match.group())):
            continue  # a numbering, or dashes in a label (危及“三安全— —稳定”)
        damage = _DAMAGE_AFTER.match(line, end)
        letters = _DAMAGE_BEFORE.search(line, label_start, start)
        if damage or letters:  # a number no number holds: the run reads as none
            start = letters.start() if letters else start
            end = _damaged_end(line, damage.end() if damage else end)
        found = _labels(line, label_start, start, number)
        for each in found[:-1]:  # rows printed blank before the row of this run
            yield Row((each,), (), number, traceless=True)
        label = found[-1] if found else None
        page = None if damage or letters else _PAGE_AFTER.match(line, end)
        if damage or letters:
            run, tail = line[start:end], 0
        elif page:  # a page marker run into it: its number is no value, and the marker goes
            run, tail = _without_page(match.group(), int(page[1]))
            end = page.end()
        else:  # its last digit may be the next label's numbering, glued on or cut off
            run = match.group()
            tail = int(bool(_NUMBERED.match(line, end)) or (end == len(line) and numbered_next))
        runs = ((run, number, start + 1),) if run else ()
        as_printed = None
        if (traced or closed) and run and not (damage or letters or page):
            reach = end if tail else len(line)  # no blank after a next label's numbering
            bounds = (label_start, start, end, reach)
            as_printed = (
                _closed(line, bounds, number)
                if closed
                else _traced(line, bounds, number, no_breaks)
            )
        ends = (
            start > label_start and line[start - 1].isspace(),
            not tail and (line[end : end + 1].isspace() or (end == len(line) and last)),
        )
        runs_ = Runs(runs, tail, as_printed, closed, ends)
        yield Row((label,) if label else (), (), number, runs=runs_)
        label_start = end
    for label in _labels(line, label_start, len(line), number):
        # A label with no value after it: its blank cells, if any, left no trace.
        yield Row((label,), (), number, traceless=True)


def trailing_indent(line: str, marks: frozenset[int], after: str) -> int | None:
    """Where the no-break spaces that end ``line`` start (``marks``: where its no-break
    spaces are, 0-based) when the next line (``after``) starts with a sub-table's article
    of section 二, which Word's HTML indents with ``&nbsp;``: ``…行政事业性收费1`` and three,
    one a blank cell and two the indent, or all three the row's on a page that does not
    indent. ``None`` where the line does not end so."""
    end = len(line)
    while end - 1 in marks:
        end -= 1
    return end if end < len(line) and ARTICLE_START.match(after) else None


def indents_articles(lines: Sequence[str]) -> bool:
    """Whether ``lines`` may indent section 二's sub-table articles (``trailing_indent``):
    not where a line that ends in a digit, a row's last value, runs straight into the next
    line's article (``…规范性文件15061244`` / ``第二十条第（五）项``; a line's no-break spaces
    are spaces in ``Skeleton.lines``, so one that ends in them does not). Word's HTML indents
    every article alike, so such a page indents none, and the no-break spaces that end a
    row before an article are its own (blank cells, or a value's padding)."""
    return not any(
        line[-1:].isdigit() and ARTICLE_START.match(after) is not None
        for line, after in pairwise(lines)
    )


def _last_indented(rows: list[Row], width: int) -> list[Row]:
    """``rows`` (a line ``width`` characters long that the next sub-table's article
    follows) with the no-break spaces that end the last one's run read as blank cells or
    none (``BLANK_RUN_OR_NONE``): how many of them are its blank cells and how many the
    article's indent is not shown (``trailing_indent``), but those inside and before the
    run are blank cells still (``行政强制10&nbsp;2740`` and two: 10, a blank cell, 2740).
    Where its run does not reach the line's end, its no-break spaces are not read
    (``Runs.traced`` none)."""
    if not rows or not rows[-1].runs.cells:
        return rows
    runs = rows[-1].runs
    traced = runs.traced
    if traced is not None and traced[2] - 1 + len(traced[0]) == width:
        text = traced[0].rstrip(NO_BREAK_SPACE)
        traced = (text + BLANK_RUN_OR_NONE, traced[1], traced[2]) if text else None
    else:
        traced = None
    rows[-1] = rows[-1]._replace(runs=runs._replace(traced=traced))
    return rows


def _traced(
    line: str, bounds: tuple[int, int, int, int], number: int, no_breaks: frozenset[int]
) -> Printed | None:
    """The run from ``start`` to ``end`` (``bounds``: the label's start, the run's, its end,
    and how far it may reach on: not past a numbering run into it) with the no-break spaces
    right before it (after its label) and right after it, each kept as U+00A0. Where it
    holds none and no plain space either, the row shows no blank cell, and on a page that
    prints each one so, it has none (``58-49`` is 58, -4 and 9, never -49 and a blank cell);
    ``None`` where it holds plain spaces alone (a space is no blank cell there: read as
    without them)."""
    label_start, start, end, reach = bounds
    while start > label_start and start - 1 in no_breaks:
        start -= 1
    while end < reach and end in no_breaks:
        end += 1
    if " " in line[start:end] and not any(start <= at < end for at in no_breaks):
        return None
    text = "".join(
        NO_BREAK_SPACE if at in no_breaks else char
        for at, char in enumerate(line[start:end], start)
    )
    return text, number, start + 1


def _closed(line: str, bounds: tuple[int, int, int, int], number: int) -> Printed | None:
    """The run from ``start`` to ``end`` (``bounds`` as for ``_traced``) in text that closes
    each run of blank cells to one space and puts nothing between filled cells (a web
    archive's text of such a page: ``数量641 1268`` for 64, 1, two blank cells, 1, 2, 68):
    each space right after its label, inside it (but for one before a unit) and right
    after it a ``BLANK_RUN``, the one after it at the line's end ``BLANK_RUN_OR_NONE`` (the
    space after a table's last row is there whatever its cells); a run with no space is
    its cells all filled. ``None`` where two spaces stand together (no text that closes
    white space)."""
    label_start, start, end, reach = bounds
    lead = start > label_start and line[start - 1] == " "
    trail = end < reach and line[end] == " "
    if "  " in line[start - lead : end + trail + 1]:
        return None
    text = "".join(
        BLANK_RUN if char == " " and line[at + 1 : at + 2] not in _UNIT_STARTS else char
        for at, char in enumerate(line[start:end], start)
    )
    if lead:
        text, start = BLANK_RUN + text, start - 1
    if trail:
        text += BLANK_RUN_OR_NONE if end + 1 == len(line) else BLANK_RUN
    return text, number, start + 1


def _damaged_end(line: str, end: int) -> int:
    """Where a run that holds what no number does ends: past the values and damage that
    follow it, a next label's numbering aside."""
    while True:
        more = _RUN.match(line, _SPACES.match(line, end).end())  # type: ignore[union-attr]
        if more is None or _in_label(line, more):
            return end
        damage = _DAMAGE_AFTER.match(line, more.end())
        end = damage.end() if damage else more.end()


def _without_page(run: str, pages: int) -> tuple[str, int]:
    """``run`` without the page number run into its end (the ``8`` of ``…138/9``, a page of
    ``pages``), and whether its last digit left may be the page number's first (``…1312/12``
    is page 2 or 12: the rules settle it). Unchanged when no ending is such a page."""
    one = run[-1:].isdigit() and 1 <= int(run[-1]) <= pages
    two = run[-2:].isdigit() and len(run) > 1 and run[-2] != "0" and 10 <= int(run[-2:]) <= pages
    if one:
        return run[:-1].rstrip(), int(two)
    if two:
        return run[:-2].rstrip(), 0
    return run, 0


def _in_label(line: str, match: re.Match[str]) -> bool:
    """Whether digits are part of a label: a numbering before ``.`` or ``、`` and a label's
    text (``1.属于国家秘密``), where they do not follow a value; digits in brackets
    (``第二十条第(1)项``)."""
    start, end = match.span()
    if line[start - 1 : start] == "(" and line[end : end + 1] == ")":
        return True
    return _NUMBERING.fullmatch(match.group()) is not None and bool(_NUMBERED.match(line, end))


def _labels(line: str, start: int, end: int, number: int) -> list[Printed]:
    """The label texts between ``start`` and ``end``: one, or where it holds several numbered
    labels of section 三 (``(二)部分公开 (三)不予公开 1.属于国家秘密``, rows printed blank,
    which no value follows, so the text was not cut before them), one each."""
    cuts = [at.start() for at in NUMBERED_ROW.finditer(line, start, end) if at.start() > start]
    bounds = [start, *cuts, end]
    return [
        cell
        for first, last in pairwise(bounds)
        if (cell := _cell(line, first, last, number)) is not None
    ]


def _cell(line: str, start: int, end: int, number: int) -> Printed | None:
    """The label text between ``start`` and ``end``, stripped, at its column."""
    text = line[start:end]
    stripped = text.strip()
    if not stripped:
        return None
    return (stripped[:MAX_CELL_CHARS], number, start + len(text) - len(text.lstrip()) + 1)
