"""Rests of cut numbers that stray from their cells (``rests_astray``).

A narrow cell wraps a wide number (``22414.47`` / ``04`` for 22414.4704), and plain
``pdftotext`` may print the rest past the table: where the row's lines cross a page break,
on the next page, among the next table's header words; or after the next section's
heading, its note and the page's footer (``58001.17`` … ``94``). A number whose text starts
with ``0`` and goes on with digits (``04``, not ``0`` nor ``0.5``), alone on its line, is no
count nor amount as a report prints one: it is the rest of such a number. A run of digits
with no leading zero (``94``) is one where nothing else takes it: at the start of its line,
apart from any value, read by no row, and not the page's (its number, its running title's
year). Which number a rest ends the text does not say for certain; the one read last
before it may be cut, so the cells read on that line that may be its head do not stand."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import attrs

from ..catalogue import Template
from ..cells import cut_at_point, is_number
from ..diagnostics import Diagnostic, diagnostic
from ..labels import COUNT_UNITS, MONEY_UNITS, RUNNING_TITLE
from ..structure.layouts import Printed
from ..structure.skeleton import PAGE_NUMBER, Skeleton, ends_page, is_page_marker
from .matching import normalise_label
from .reading import Given, Reading, Unit

#: A unit a narrow cell wraps with a number's rest (``3382`` / ``9件``, ``0.00`` / ``01万元``).
_UNIT = "(?:{})".format("|".join(sorted((*MONEY_UNITS, *COUNT_UNITS), key=len, reverse=True)))
#: A number's rest: ``0`` then digits (and its unit), with nothing after it on its line but
#: spaces or a grid's bars (the search starts at each ``0``, at C speed; what comes before
#: it on its line is checked apart, ``_rests``).
_REST = re.compile(rf"0\d+{_UNIT}?(?=(?:[^\S\n]|\|)*(?:\n|\Z))")
#: A run of digits with no leading zero (``94``; ``0`` too: 1000 wraps as ``100`` / ``0``),
#: and its unit, at the start of its line and all it prints but spaces or a grid's bars,
#: whose next line that prints anything is no such run (a value among values, a cell a
#: line, stands apart from nothing: ``_apart``). Searched at each newline of
#: ``Skeleton.joined``, at C speed.
_ALONE = re.compile(
    rf"\n((?:0|[1-9]\d*){_UNIT}?)"
    rf"(?!(?:[^\S\n]|\|)*(?:\n(?:[^\S\n]|\|)*)+\d+{_UNIT}?(?:[^\S\n]|\|)*(?:\n|\Z))"
    r"(?=(?:[^\S\n]|\|)*(?:\n|\Z))"
)
#: What a number's head cut in its cell ends with: a digit, or its point (``127241.``).
_DIGITS_OR_POINT = frozenset("0123456789.")
#: A year as a running title prints it.
_YEAR = re.compile(r"(?:19|20)\d\d")
#: A line's words (a grid's cells: ``|4  |57171.28|``).
_WORD = re.compile(r"[^\s|]+")


def rests_astray(
    skel: Skeleton, regions: dict[str, list[range]], template: Template, readings: list[Reading]
) -> list[Reading]:
    """``readings`` (one per table section) without the cells a stray rest (``_rests``, on
    a line from the first table's on) may end: those read on the last line before it that
    prints a number (``_last_number_line``; none where that number was not read) and may be
    its head (``_may_head``), and a cell read from a rest with a leading zero itself. A rest
    a cell's text already ends (a join its row's rules confirmed, ``rows._rest_joined``) is
    no stray one, nor a word a layout cut into values (zeros run together, ``000``), nor a
    run of digits with no leading zero that something else takes (a row, a column of its
    own, the values around it, the page). The cells are closed (missing, never derived),
    each said (``values-unplaced``)."""
    first = min((span.start for spans in regions.values() for span in spans), default=None)
    if first is None:
        return readings
    rests = _rests(skel, first, template)
    if not rests:
        return readings  # almost no text prints one
    doubted: dict[tuple[int, int], Printed] = {}
    placed: dict[int, list[tuple[str, int]]] = {}
    for printed in _printed_values(readings):
        for text, on, at in printed:
            placed.setdefault(on, []).append((text, at))
    for rest in rests:
        word, line, column = rest
        read = [
            (text, at) for text, at in placed.get(line, ()) if column <= at < column + len(word)
        ]
        if _leading_zero(word):
            if any(piece != (word, column) for piece in read) or _taken(skel, readings, rest):
                continue  # a run of digits cut into values, or a rest joined to its number
            doubted[line, column] = rest
        elif read or _taken(skel, readings, rest):
            continue  # a row's, or joined already
        before = _last_number_line(skel, line - 1)
        if before is not None:
            for text, at in placed.get(before, ()):
                if _may_head(text, word):
                    doubted.setdefault((before, at), rest)
    if not doubted:
        return readings
    return [_without(reading, template, doubted) for reading in readings]


def _leading_zero(word: str) -> bool:
    """Whether a run of digits (and its unit) starts with ``0`` and goes on (``04``,
    ``01万元``; not ``0`` nor ``0件``): no count nor amount as a report prints one, but a
    number's rest."""
    return _digits(word) > 1 and word.startswith("0")


def _digits(word: str) -> int:
    """How many digits ``word`` prints."""
    return sum(map(str.isdigit, word))


def _why(word: str) -> str:
    """Why ``word``, a run of digits alone on its line, may be a number's rest."""
    if _leading_zero(word):
        return "a number's rest (a number with a leading zero is no cell of its own)"
    return "a run of digits no row, header nor page furniture takes"


def _may_head(text: str, rest: str) -> bool:
    """Whether a value printed ``text`` may be the head of a number whose rest is ``rest``:
    a narrow cell wraps a number where it fills the cell's line, so its head holds no fewer
    digits than its rest's line (``58001.17`` / ``94``, not ``2`` / ``14``), and a unit
    wraps with the rest (``3382`` / ``9件``): a value printed with its unit is whole, and so
    is ``0`` (no number of more digits starts with it) and a placeholder (``—``: no number
    at all). A rest with a leading zero is no value at all: any number may be its head."""
    if text == "0" or text[-1:] not in _DIGITS_OR_POINT:
        return False
    return _leading_zero(rest) or _digits(text) >= _digits(rest)


def _apart(skel: Skeleton, at: int) -> bool:
    """Whether line index ``at`` stands apart from the values of a table: the lines next to
    it that print anything (blank lines and page markers aside, ``- 9 -``) print no number.
    A run of digits among values (a row's cells printed a line each) is one of them, in the
    text's order."""
    for step in (-1, 1):
        near = at + step
        while 0 <= near < len(skel.lines) and _silent(skel.lines[near]):
            near += step
        if 0 <= near < len(skel.lines) and any(map(is_number, _WORD.findall(skel.lines[near]))):
            return False
    return True


def _silent(line: str) -> bool:
    """Whether ``line`` prints nothing of the report: blank, or a page's header or footer."""
    return not line.strip() or is_page_marker(line)


def _after_label(skel: Skeleton, at: int, template: Template) -> bool:
    """Whether the nearest line before line index ``at`` that prints anything (a page's
    header or footer aside) is a piece of a row's label (``息公开申请数量``, ``行政``): the
    run of digits is that row's cell."""
    back = at - 1
    while back >= 0 and _silent(skel.lines[back]):
        back -= 1
    piece = normalise_label(skel.lines[back]) if back >= 0 else ""
    return len(piece) > 1 and any(piece in normalise_label(f.row_label) for f in template.fields)


def _whole_section(skel: Skeleton, at: int) -> bool:
    """Whether line index ``at`` is all a section prints: the nearest lines around it that
    print anything (a page's header or footer aside) are section headings, or the text's
    end (``五、存在的主要问题及改进情况`` / ``0`` / ``六、…``)."""
    headings = {s.heading for s in skel.sections.values() if s.heading is not None}
    back, ahead = at - 1, at + 1
    while back >= 0 and _silent(skel.lines[back]):
        back -= 1
    while ahead < len(skel.lines) and _silent(skel.lines[ahead]):
        ahead += 1
    return back in headings and (ahead == len(skel.lines) or ahead in headings)


def _furniture(skel: Skeleton, at: int) -> bool:
    """Whether the number alone on line index ``at`` is its page's: the page's number on
    its last line, or the year of a browser's running title printed apart from the title's
    rest (``2020`` and ``年XX政府信息公开工作年度报告_…`` on one page)."""
    word = skel.lines[at].strip()
    if PAGE_NUMBER.fullmatch(word) and ends_page(skel.lines, at):
        return True
    if _YEAR.fullmatch(word) is None:
        return False
    start = next((back for back in range(at, -1, -1) if "\f" in skel.lines[back]), 0)
    stop = next((on for on in range(at + 1, len(skel.lines)) if "\f" in skel.lines[on]), None)
    return any(
        line.strip("\f ").startswith("年") and any(title in line for title in RUNNING_TITLE)
        for line in skel.lines[start:stop]
    )


def _printed_values(readings: Sequence[Reading]) -> Iterator[tuple[Printed, ...]]:
    """The printed values of every row given, and of every unit left to the rules (a
    digit run's as printed, too)."""
    for reading in readings:
        yield from (printed for _, printed, _ in reading.given)
        for unit in reading.units:
            yield unit.pieces if unit.run is None else (*unit.pieces, unit.run)


def _last_number_line(skel: Skeleton, at: int) -> int | None:
    """The last line (from 1) before line index ``at`` that prints a number (or a piece of
    an amount cut at its point, ``0.``), a page's number alone on its last line (``3``
    before ``\\f``) and its header or footer (``- 9 -``) aside."""
    for back in range(at - 1, -1, -1):
        if is_page_marker(skel.lines[back]):
            continue
        words = _WORD.findall(skel.lines[back])
        if len(words) == 1 and PAGE_NUMBER.fullmatch(words[0]) and ends_page(skel.lines, back):
            continue
        if any(map(is_number, words)) or any(map(cut_at_point, words)):
            return back + 1
    return None


def _rests(skel: Skeleton, first: int, template: Template) -> list[Printed]:
    """The runs of digits printed as all their line prints (a grid's bars aside), from line
    index ``first`` on, that may be a number's rest: one with a leading zero (among a row's
    other words it is that row's cell, which ``leading-zero`` doubts), or one at the start
    of its line that the lines around it do not take (not among values, after a piece of a
    row's label, nor the page's); neither all a section prints (``_whole_section``). Two
    searches of the joined lines (``Skeleton.joined``)."""
    text = skel.joined
    offset = sum(map(len, skel.lines[:first])) + first
    rests = []
    for match in _REST.finditer(text, offset):
        start = text.rfind("\n", 0, match.start()) + 1
        if text[start : match.start()].replace("|", "").strip():
            continue  # a word before it on its line
        line = text.count("\n", 0, start)
        if not _whole_section(skel, line - 1):
            rests.append((match.group(), line, match.start() - start + 1))
    line, at = first, offset
    for match in _ALONE.finditer(text, offset):
        line += text.count("\n", at, match.start(1))  # counted on from the last one
        at = match.start(1)
        if not (
            _apart(skel, line - 1)
            and not _after_label(skel, line - 1, template)
            and not _furniture(skel, line - 1)
            and not _whole_section(skel, line - 1)
        ):
            continue  # among values, a row's, the page's, or a section's whole text
        rests.append((match.group(1), line, 1))
    return sorted(rests, key=lambda rest: rest[1:])


def _taken(skel: Skeleton, readings: Sequence[Reading], rest: Printed) -> bool:
    """Whether a cell's text ends with ``rest`` joined to a number printed before it."""
    word, line, _ = rest
    return any(
        on < line and text.endswith(word) and _printed(skel, on, column) != text
        for reading in readings
        for _, printed, _ in reading.given
        for text, on, column in printed
    )


def _printed(skel: Skeleton, line: int, column: int) -> str:
    """The word of the text at ``line`` and ``column`` (both from 1)."""
    match = _WORD.match(skel.lines[line - 1], column - 1)
    return match.group() if match else ""


def _without(
    reading: Reading, template: Template, doubted: dict[tuple[int, int], Printed]
) -> Reading:
    """``reading`` without the given cells printed where ``doubted`` says, closed and said."""
    kept: list[Given] = []
    closed: set[int] = set()
    findings: list[Diagnostic] = []
    for cells, printed, money_unit in reading.given:
        out = [at for at, (_, line, column) in enumerate(printed) if (line, column) in doubted]
        if not out:
            kept.append((cells, printed, money_unit))
            continue
        stay = [at for at in range(len(cells)) if at not in out]
        if stay:
            kept.append(
                (tuple(cells[at] for at in stay), tuple(printed[at] for at in stay), money_unit)
            )
        closed.update(cells[at] for at in out)
        for at in out:
            text, line, column = printed[at]
            word, where, _ = doubted[line, column]
            field = template.fields[cells[at]]
            findings.append(
                diagnostic(
                    "values-unplaced",
                    f"{field.row_label} {field.column_label}: '{text}' may be a number cut "
                    f"in its narrow cell: '{word}' at line {where}, {_why(word)}, stands "
                    "apart from it; the cell is missing",
                    line,
                    column,
                    (field.key,),
                )
            )
    units: list[Unit] = []
    for unit in reading.units:
        if any((line, column) in doubted for _, line, column in unit.pieces):
            closed.update(unit.cells)
            findings.append(
                diagnostic(
                    "values-unplaced",
                    f"{unit.label}: of its values, one may be a number cut in its narrow "
                    "cell, whose rest stands apart from it; its cells are missing",
                    unit.line,
                    unit.column,
                    tuple(template.fields[cell].key for cell in unit.cells),
                )
            )
        else:
            units.append(unit)
    if not closed:
        return reading
    return attrs.evolve(
        reading,
        given=tuple(kept),
        units=tuple(units),
        closed=reading.closed.union(closed),
        findings=(*reading.findings, *findings),
    )
