"""Skeleton stage: split a report into its front block and six sections, each section into
prose and table regions, with the Lark grammar in ``grammars/report.lark``.

The lexer classifies lines (one precompiled pattern for headings, the layouts' union
pattern for table lines) and emits one token per heading and per run of lines, so parsing
costs a few dozen tokens per report. The LALR parser is built once per process.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache, cached_property, lru_cache
from importlib import resources
from itertools import chain, compress, islice, repeat
from operator import contains, not_
from pathlib import Path
from typing import Any, NamedTuple, cast

import attrs
from lark import Lark, Token, Transformer
from lark.exceptions import UnexpectedInput, UnexpectedToken
from lark.lexer import Lexer

from ..diagnostics import Diagnostic, diagnostic
from ..fold import fold
from ..labels import (
    BROWSER_FURNITURE,
    COUNT_UNITS,
    MONEY_UNITS,
    PAGE_MARKER,
    RUNNING_TITLE,
    SECTION_KEYWORDS,
    SECTION_NUMERALS,
)
from ..limits import MAX_LINE_CHARS, MAX_OVERVIEW_LINES
from . import layouts

GRAMMAR = "report.lark"
SECTION_NAMES = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 6: "六"}
_MAX_HEADING_CHARS = 60

_MAX_MARKER_CHARS = 24
_MAX_MARKER_LINE = 200  # a footer centred with spaces
#: A line that is only a page header or footer, if it is short and has no tab (a row); the
#: length and the tab are checked apart: a lookahead would scan every line.
_MARKER_LINE = re.compile(PAGE_MARKER)
#: A browser's header or footer (``labels.BROWSER_FURNITURE``): a page marker however long.
_BROWSER_LINE = re.compile(rf"\s*(?:{BROWSER_FURNITURE})\s*")


def _heading(space: str, title: str) -> str:
    """A heading's pattern, after any Markdown heading marks (``## 二、…``, from html2text or
    pandoc), white space being ``space`` and the title's characters ``title``."""
    numerals = "".join(SECTION_NUMERALS)
    return (
        rf"{space}*(?:#{{1,6}}{space}*)?(?P<number>[{numerals}]){space}*[、.,:]{space}*"
        rf"(?P<title>{title}+)"
    )


#: A heading.
_HEADING = re.compile(_heading(r"\s", r"[^\t]"))
#: A line that may be a heading: not a table cell (a line starting with a tab); whether it is
#: short enough is checked apart (``heading_number``), as a lookahead would scan every line.
_HEADING_LINE = re.compile(rf"(?!\t){_HEADING.pattern}")
#: ``_HEADING_LINE`` after a newline, in lines joined by newlines (its white space and title
#: kept to its line): one search of a text finds them all, where a search a line costs an
#: allocation of the regular expression engine's stack each (about 1,000 instructions).
_HEADING_AFTER_NEWLINE = re.compile(r"\n(?!\t)" + _heading(r"[^\S\n]", r"[^\t\n]"))
#: Keywords this long may carry one stray character (``行政法复议`` for 行政复议): a heading
#: typo. Only an insertion: a keyword missing a character is a shorter word, found in any
#: text (``具体情况`` holds ``体情况``).
_FUZZY_KEYWORD = 4


def _keyword(word: str) -> str:
    """A pattern of a keyword (folded like the text), with at most one character inserted
    between two of its characters when it is long: each place spelt out, which a search
    tries at C speed (``regex``'s fuzzy ``{i<=1}`` took tens of microseconds to reject a
    row label holding half a keyword, ``本年新收政府信息公开申请数量``)."""
    word = fold(word)
    if len(word) < _FUZZY_KEYWORD:
        return re.escape(word)
    inserted = (f"{re.escape(word[:at])}.{re.escape(word[at:])}" for at in range(1, len(word)))
    return "|".join([re.escape(word), *inserted])


#: Any keyword of a section's heading (``_keyword``): only the few heading-like lines are
#: searched.
_KEYWORDS = {
    number: re.compile("|".join(map(_keyword, words)), re.DOTALL)
    for number, words in SECTION_KEYWORDS.items()
}
#: For each section, the texts one of which a title naming it holds: a short keyword itself,
#: a long one's first half or its second (a character inserted falls in one half at most).
#: Tested with ``in`` before the search, which most lines then skip.
_KEYWORD_PARTS = {
    number: tuple(
        part
        for word in map(fold, words)
        for half in [len(word) // 2]
        for part in ((word[:half], word[half:]) if len(word) >= _FUZZY_KEYWORD else (word,))
    )
    for number, words in SECTION_KEYWORDS.items()
}


@attrs.frozen
class Region:
    """A run of lines ``[start, end)`` (0-based indices into the source lines)."""

    kind: str  # "prose" or "table"
    start: int
    end: int

    def __str__(self) -> str:
        # A Lark token is a str made of its value: the generated repr would cost more.
        return self.kind


@attrs.frozen
class Section:
    """A section: its number (1-6, 0 for the front block), heading line index, regions."""

    number: int
    heading: int | None
    regions: tuple[Region, ...]

    def lines(self, kind: str) -> Iterator[range]:
        """The line ranges of this section's regions of ``kind``."""
        for region in self.regions:
            if region.kind == kind:
                yield range(region.start, region.end)


@attrs.frozen
class Skeleton:
    """The front block, the sections found (by number), findings about the structure, and
    the lines split; the text of a part is read from here."""

    front: Section
    sections: dict[int, Section]
    diagnostics: tuple[Diagnostic, ...]
    lines: Sequence[str] = attrs.field(repr=False)
    #: For each line (1-based) that held no-break spaces, where in it (0-based):
    #: ``Source.no_breaks`` on these lines, read by ``layouts.run_together``.
    no_breaks: Mapping[int, frozenset[int]] = attrs.field(factory=dict, repr=False)
    #: Whether each space around and inside a row's values run together is a run of blank
    #: cells (a web archive's text of a page that puts nothing between filled cells), read
    #: by ``layouts.run_together``.
    closed: bool = attrs.field(default=False, repr=False)
    #: Whether a line without a tab breaks a page (pdftotext's ``\f``).
    paged: bool = attrs.field(default=False, repr=False)
    #: The lines joined, each after a newline (``"\n" + "\n".join(lines)``): made once, so a
    #: pattern searches every line at C speed (``headings``, ``tables.rests``).
    joined: str = attrs.field(default="", repr=False)
    #: The page markers a row of values could print too that nothing shows to be a page's
    #: (``_doubtful_markers``), by line (1-based): dropped, but a row's label right before one
    #: is not read as printed blank (``tables.markers``).
    doubtful: frozenset[int] = attrs.field(default=frozenset(), repr=False)

    @property
    def front_lines(self) -> Sequence[str]:
        """The lines before the first section heading (every line if there is none)."""
        end = min(
            (s.heading for s in self.sections.values() if s.heading is not None),
            default=len(self.lines),
        )
        return self.lines[:end]

    @property
    def overview(self) -> list[str]:
        """The first lines of section 一's prose."""
        return [line for _, line in self.opening_prose[:MAX_OVERVIEW_LINES]]

    @cached_property
    def opening_prose(self) -> list[tuple[int, str]]:
        """``prose_lines(1)``, read once (the front and the statements both read it)."""
        return self.prose_lines(1)

    @cached_property
    def closing(self) -> list[str]:
        """The prose of the report's last section (its signature, if any, ends it); read
        once (the front and the signature date both read it)."""
        last = max(self.sections.values(), key=lambda s: s.number, default=self.front)
        return self.spanned(last.lines("prose"))

    def tables(self, number: int) -> list[range]:
        """The line ranges of section ``number``'s tables (none if it was not found)."""
        section = self.sections.get(number)
        return list(section.lines("table")) if section else []

    def spanned(self, spans: Iterable[range], most: int | None = None) -> list[str]:
        """The lines of ``spans`` in order (the first ``most`` of them)."""
        return list(
            islice(chain.from_iterable(self.lines[span.start : span.stop] for span in spans), most)
        )

    def prose_lines(self, number: int) -> list[tuple[int, str]]:
        """The prose lines of section ``number``, each with its line number (from 1)."""
        section = self.sections.get(number)
        if section is None:
            return []
        return [
            (span.start + 1 + i, line)
            for span in section.lines("prose")
            for i, line in enumerate(self.lines[span.start : span.stop])
        ]

    def prose(self, number: int) -> str | None:
        """The prose of section ``number`` as one text: what its heading says after a colon,
        then its lines, stripped, the empty ones left out (``None``: nothing)."""
        section = self.sections.get(number)
        if section is None:
            return None
        parts: list[str] = []
        if section.heading is not None:
            heading = self.lines[section.heading]
            for colon in (":", "："):
                if colon in heading:
                    parts.append(heading.split(colon, 1)[1].strip())
                    break
        parts.extend(line.strip() for line in self.spanned(section.lines("prose")))
        joined = "\n".join(part for part in parts if part)
        return joined or None


def heading_number(line: str) -> int | None:
    """The section number if ``line`` is one of the six section headings, else ``None``."""
    numbered = _numbered(line)
    return numbered[0] if numbered is not None and _named(numbered[2], numbered[0]) else None


def _heading_lines(text: str) -> Iterator[tuple[int, re.Match[str]]]:
    """The indices of the lines ``_HEADING_LINE`` matches, in order, of lines joined each
    after a newline (``Skeleton.joined``), each with its match: its groups are those of
    ``_HEADING``'s match of the line (the same pattern, kept to the line)."""
    line, counted = -1, 0  # the line of the newline at ``counted - 1``
    for found in _HEADING_AFTER_NEWLINE.finditer(text):
        line += text.count("\n", counted, found.start() + 1)
        counted = found.start() + 1
        yield line, found


def _numbered(line: str) -> tuple[int, str, str] | None:
    """For a line shaped as a heading (a numeral, ``、``, a title), its numeral's section,
    the numeral as written and the title; ``None`` for any other line."""
    if len(line) > _MAX_HEADING_CHARS:
        return None
    match = _HEADING.match(line)
    return None if match is None else _parts(match)


def _parts(heading: re.Match[str]) -> tuple[int, str, str]:
    """A heading's numeral's section, the numeral as written and the title (``_numbered``)."""
    return (
        SECTION_NUMERALS[heading["number"]],
        heading["number"],
        heading["title"].replace(" ", ""),
    )


@lru_cache(maxsize=1 << 12)
def _named(title: str, only: int | None = None) -> frozenset[int]:
    """The sections whose keywords ``title`` holds (of section ``only``, when given).
    Memoised: reports print the same headings, and the table rows shaped as headings
    (``三、本年度办理结果``), a title of at most ``_MAX_HEADING_CHARS`` characters."""
    return frozenset(
        number
        for number, words in _KEYWORDS.items()
        if only in (None, number)
        and any(map(title.__contains__, _KEYWORD_PARTS[number]))
        and words.search(title)
    )


def headings(lines: Sequence[str], joined: str) -> tuple[list[tuple[int, int]], list[Diagnostic]]:
    """The section headings of ``lines`` (``joined``: as ``Skeleton.joined``) as ``(line
    index, number)``, in order, and the misnumbered ones found.

    A heading whose numeral names another section than its title (``二、收到和处理政府信息
    公开申请情况`` after ``二、主动公开政府信息情况``) is read by its title when that is
    certain, in two cases, each with a ``heading-misnumbered`` diagnostic:

    - a run of such headings, one after the other, whose titles name consecutive sections
      and whose numerals are all shifted by the same step (tables numbered as an appendix,
      ``一、主动公开…`` ``二、收到和处理…`` ``三、…行政复议…`` after a narrative numbered its
      own way; see ``_shifted``);
    - a single one: its title names one section only, which no heading is numbered for; it
      is the only such line; it stands after the heading of the section before and before
      those of the sections after; and its numeral, as written, is another heading's (a
      numeral copied, not a list item's ``2.`` in a section's prose)."""
    found: list[tuple[int, int]] = []
    numerals: set[str] = set()
    stray: list[_Stray] = []
    for index, shaped in _heading_lines(joined):
        if len(lines[index]) > _MAX_HEADING_CHARS:
            continue
        # the search's match, not ``_numbered``'s of the line again (about 2,000 instructions)
        number, numeral, title = _parts(shaped)
        if _named(title, number):
            found.append((index, number))
            numerals.add(numeral)
        elif len(named := _named(title)) == 1:
            stray.append(_Stray(index, next(iter(named)), number, numeral))
    at_number = {number: index for index, number in found}
    fixed: list[Diagnostic] = []
    for run in _shifted(stray, at_number, numerals):
        for heading in run:
            found.append((heading.line, heading.section))
            at_number[heading.section] = heading.line
            fixed.append(
                _misnumbered(
                    heading,
                    f", as every heading of sections {SECTION_NAMES[run[0].section]} to "
                    f"{SECTION_NAMES[run[-1].section]} is numbered {_steps(run[0])} (numbered "
                    "apart from the text, as an appendix)",
                )
            )
    by_section: dict[int, list[_Stray]] = {}
    for heading in stray:
        by_section.setdefault(heading.section, []).append(heading)
    for number, lines_at in by_section.items():
        if number in at_number or len(lines_at) != 1:
            continue
        heading = lines_at[0]
        before, after = at_number.get(number - 1), at_number.get(number + 1)
        if (
            heading.numeral not in numerals
            or (before is None if number > 1 else after is None)
            or not _in_order(at_number, number, number, heading.line, heading.line)
        ):
            continue
        found.append((heading.line, number))
        fixed.append(_misnumbered(heading))
    return sorted(found), fixed


class _Stray(NamedTuple):
    """A heading-shaped line whose title names one section, another than its numeral's."""

    line: int  # the line (0-based)
    section: int  # the section its title names
    number: int  # the section its numeral names
    numeral: str  # the numeral as written


def _shifted(
    stray: Sequence[_Stray], at_number: dict[int, int], numerals: set[str]
) -> list[list[_Stray]]:
    """The runs of misnumbered headings read by their titles: two or more in a row whose
    titles name consecutive sections and whose numerals follow each other, shifted by the
    same step, written in a script (``一``, ``1``) of the headings numbered right; each
    section no heading is numbered for and no other run names; each run in order among the
    headings numbered right."""
    runs: list[list[_Stray]] = []
    for heading in stray:
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and heading.section == last.section + 1
            and heading.number == last.number + 1
            and heading.numeral.isdigit() == last.numeral.isdigit()
        ):
            runs[-1].append(heading)
        else:
            runs.append([heading])
    scripts = {numeral.isdigit() for numeral in numerals}
    runs = [
        run
        for run in runs
        if len(run) > 1
        and run[0].numeral.isdigit() in scripts
        and not any(heading.section in at_number for heading in run)
        and _in_order(at_number, run[0].section, run[-1].section, run[0].line, run[-1].line)
    ]
    named = Counter(heading.section for run in runs for heading in run)
    return [run for run in runs if all(named[heading.section] == 1 for heading in run)]


def _in_order(at_number: dict[int, int], first: int, last: int, start: int, end: int) -> bool:
    """Whether headings of sections ``first`` … ``last`` on lines ``start`` … ``end`` stand
    after every heading found of a section before them and before those of the sections
    after."""
    return not any(
        (n < first and at > start) or (n > last and at < end) for n, at in at_number.items()
    )


def _steps(heading: _Stray) -> str:
    """How far a heading's numeral is from its section, in words."""
    shift = heading.number - heading.section
    return f"{abs(shift)} {'after' if shift > 0 else 'before'} its section"


def _misnumbered(heading: _Stray, why: str = "") -> Diagnostic:
    name = SECTION_NAMES[heading.section]
    return diagnostic(
        "heading-misnumbered",
        f"the heading at line {heading.line + 1} is numbered {heading.numeral} but its title "
        f"names section {name}{why}; read as section {name}",
        heading.line + 1,
        1,
    )


class _Marks:
    """Where a document's page markers and over-long lines are (sorted line indices), and
    its table lines on demand. Found with precompiled patterns mapped over lines, no Python
    code per line; Python then walks only the few headings, runs and page markers.

    A line holding a tab is a table line (the tab-based layouts' pattern, always registered)
    and never a page header or footer, so only the other lines are searched: in text of one
    cell a line, most of them."""

    def __init__(self, lines: Sequence[str], tables: Sequence[int] = ()) -> None:
        rows = range(len(lines))
        too_long = (
            set(compress(rows, map(MAX_LINE_CHARS.__lt__, map(len, lines))))
            if max(map(len, lines), default=0) > MAX_LINE_CHARS
            else set()
        )
        tabbed = list(map(contains, lines, repeat("\t")))
        self.lines = lines
        self.tabbed = list(compress(rows, tabbed))
        self.untabbed = list(compress(rows, map(not_, tabbed)))
        self.plain = list(map(lines.__getitem__, self.untabbed))
        self.paged = "\f" in "".join(self.plain)  # one search at C speed
        self.long = sorted(too_long)
        marked = [
            i
            for i in compress(self.untabbed, map(_MARKER_LINE.fullmatch, self.plain))
            if _marker_sized(lines[i])
        ]
        self.markers = sorted(
            marked
            + _title_pieces(lines, marked)
            + _running_headers(lines, self.untabbed, self.plain)
            + (_page_numbers(lines, self.untabbed, self.plain) if self.paged else [])
        )
        self.dropped = too_long.union(self.markers)  # ``- 4 -`` looks like a row of values
        self.doubtful = _doubtful_markers(lines, marked)
        self.known = sorted(tables)
        self.table_breaks = sorted(self.markers + self.long)

    def table_lines(self, start: int, end: int) -> list[int]:
        """The table lines among lines ``[start, end)``, page markers and over-long lines
        aside: the lines with a tab, the lines known to be table lines, and the others that
        a layout's ``table_line`` finds."""
        untabbed = slice(bisect_left(self.untabbed, start), bisect_left(self.untabbed, end))
        table = sorted(
            {
                *self.tabbed[bisect_left(self.tabbed, start) : bisect_left(self.tabbed, end)],
                *self.known[bisect_left(self.known, start) : bisect_left(self.known, end)],
                *compress(
                    self.untabbed[untabbed],
                    map(layouts.table_line_pattern().search, self.plain[untabbed]),
                ),
            }
        )
        return [i for i in table if i not in self.dropped] if self.dropped else table


def is_page_marker(line: str) -> bool:
    """Whether ``line`` is only a page's header or footer (``- 9 -``, ``7/9``, a browser's
    address and page count): ``_Marks`` finds such lines among all a text's at once."""
    return _MARKER_LINE.fullmatch(line) is not None and _marker_sized(line)


def _marker_sized(line: str) -> bool:
    """Whether a line matching ``_MARKER_LINE`` is a page marker: short, without a tab; a
    browser's however long (its page's title beside its address, ``_BROWSER_LINE``)."""
    return "\t" not in line and (
        (len(line) <= _MAX_MARKER_LINE and len(line.strip()) <= _MAX_MARKER_CHARS)
        or _BROWSER_LINE.fullmatch(line) is not None
    )


#: Words naming the report: a short line holding one is a page header when it comes back.
_TITLE_WORD = re.compile("|".join(RUNNING_TITLE))


def _title_pieces(lines: Sequence[str], marked: Sequence[int]) -> list[int]:
    """The lines of a browser's page header that hold a piece of the page's title wrapped
    off its line: the title's first word, a number (``2023`` of ``2023年…报告``), on a line of
    its own among the first ``_TITLE_WRAP`` lines of text under the header's date and time
    (``11/26/26, 1:00 PM  年…报告`` / ``2023``; plain pdftotext puts blank lines between
    them, and may put a line of the page's own first: a signature's date digits), the same
    number under two headers or more, or a year (four digits) under a header whose title
    starts with 年, the word after the year it lost (``11/27/26, 7:26 AM  年某县…报告`` /
    ``重复申请  1  1 …  4`` / ``2019``: under one header only, it read as the row's 自然人).
    Such a number, alone on its line, looks like a table's only value (``marked``: the page
    markers found). A line with a tab is a table's (a tab-prefixed cell of Tika's rows), and
    none after it is the header's."""
    pieces: dict[str, list[int]] = {}
    years: list[int] = []
    for at in marked:
        dated = _DATED.match(lines[at])
        if dated is None:
            continue
        cut = _YEAR_CUT.match(lines[at], dated.end()) is not None
        texts = (below for below in range(at + 1, len(lines)) if lines[below].strip())
        for below in islice(texts, _TITLE_WRAP):
            if "\t" in lines[below]:
                break
            if (number := lines[below].strip()).isdigit():
                pieces.setdefault(number, []).append(below)
                if cut and len(number) == 4:
                    years.append(below)
                break
    return sorted({*years, *(at for found in pieces.values() if len(found) > 1 for at in found)})


#: A browser's header: the date and time a page was printed (``labels.BROWSER_FURNITURE``).
_DATED = re.compile(r"\s*\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?[ ]\d{1,2}:\d{2}")
#: After a browser's header's date and time, a title cut right after its year: ``年…``.
_YEAR_CUT = re.compile(r"\s*(?:[AP]M)?\s*年", re.IGNORECASE)
#: The most lines of text (blank lines aside) under a browser's header, the title's piece
#: among them.
_TITLE_WRAP = 3


def _running_headers(lines: Sequence[str], untabbed: list[int], plain: list[str]) -> list[int]:
    """The lines of a page header that repeats the report's title on every page (Word's
    PDFs): short lines naming the report that occur more than once, headings aside; like a
    page marker, a line of its own (``untabbed``, whose texts are ``plain``), not a row."""
    titled = [
        i
        for i in compress(untabbed, map(_TITLE_WORD.search, plain))
        if len(lines[i]) <= _MAX_HEADING_CHARS and not _HEADING_LINE.match(lines[i])
    ]
    if len(titled) < 2:  # the title alone, as a rule
        return []
    counts = Counter(lines[i].strip() for i in titled)
    return [i for i in titled if counts[lines[i].strip()] > 1]


def _page_numbers(lines: Sequence[str], untabbed: list[int], plain: list[str]) -> list[int]:
    """The lines of a page footer that numbers the pages with a bare number (``4``, which
    a value's line looks like): the last line before each page break (pdftotext's ``\f``)
    that is a number alone, where two pages or more agree on what numbers them (each
    number is its page's place in the text plus one offset, from 0 down to
    ``-_MAX_UNNUMBERED``: a cover page or two unnumbered). One page's number proves
    nothing: a page may end with a value."""
    breaks = list(compress(untabbed, map(contains, plain, repeat("\f"))))
    if len(breaks) < 2:
        return []
    by_offset: dict[int, list[int]] = {}
    for page, at in enumerate(breaks, start=1):
        if lines[at].split("\f", 1)[0].strip():
            continue  # the page's last line runs into the next page's first
        end = at - 1
        while end >= 0 and not lines[end].strip():
            end -= 1
        number = lines[end].strip() if end >= 0 and "\f" not in lines[end] else ""
        if PAGE_NUMBER.fullmatch(number) and -_MAX_UNNUMBERED <= int(number) - page <= 0:
            by_offset.setdefault(int(number) - page, []).append(end)
    return [at for found in by_offset.values() if len(found) > 1 for at in found]


#: A page marker a row of values could print too: a number between two dashes (``— 14 —``:
#: a placeholder, a value, a placeholder) or two numbers either side of a slash (``3/9``).
_VALUE_LIKE_MARKER = re.compile(r"\s*(?:[-—–]\s*(\d{1,4})\s*[-—–]|(\d{1,4})\s*/\s*\d{1,4})\s*")


def _doubtful_markers(lines: Sequence[str], marked: Sequence[int]) -> frozenset[int]:
    """The page markers among ``marked`` (0-based) that a row of values could print too
    (``_VALUE_LIKE_MARKER``) and that nothing shows to be a page's: neither its last line
    nor its first (a page break, pdftotext's ``\f``, beside it), and numbered n where no
    other such marker is numbered n - 1 or n + 1 (pages numbered in turn). By line, from 1,
    as rows' cells are."""
    numbered = {}
    for at in marked:
        found = _VALUE_LIKE_MARKER.fullmatch(lines[at])
        if found is not None:
            numbered[at] = int(found[1] or found[2])
    numbers = set(numbered.values())
    return frozenset(
        at + 1
        for at, number in numbered.items()
        if number - 1 not in numbers
        and number + 1 not in numbers
        and not ends_page(lines, at)
        and not _starts_page(lines, at)
    )


def _starts_page(lines: Sequence[str], at: int) -> bool:
    """Whether line ``at`` is a page's first line of text: a page break (pdftotext's
    ``\f``) starts it, or only blank lines follow the last one before it."""
    if "\f" in lines[at]:
        return True
    for back in range(at - 1, -1, -1):
        _, page_break, after = lines[back].rpartition("\f")
        if after.strip():
            return False
        if page_break:
            return True
    return False


def ends_page(lines: Sequence[str], at: int) -> bool:
    """Whether line ``at`` is a page's last line of text: only blank lines come between it
    and a page break (pdftotext's ``\f``) that starts a line."""
    for line in islice(lines, at + 1, None):
        head = line.split("\f", 1)
        if head[0].strip():
            return False
        if len(head) > 1:
            return True
    return False


#: A page footer's bare number.
PAGE_NUMBER = re.compile(r"[1-9]\d{0,3}")
#: The most pages before the first numbered one (a cover, a contents page).
_MAX_UNNUMBERED = 2


def tokens(marks: _Marks, found_headings: Sequence[tuple[int, int]]) -> list[Token]:
    """One token per heading line (``found_headings``: see ``headings``) and per run of
    prose or table lines."""
    lines = marks.lines
    found: list[Token] = []
    run_start = 0
    tabled = False  # whether the current section is one of the three with a table
    for index, number in found_headings:
        _runs(marks, run_start, index, tabled, found)
        found.append(Token(f"H{number}", number, None, index + 1, 1))
        run_start = index + 1
        tabled = number in _TABLE_SECTIONS
    _runs(marks, run_start, len(lines), tabled, found)
    return found


_TABLE_SECTIONS = frozenset({2, 3, 4})
#: How far back a table's first rows may start before its first table line: the label and
#: header cells that layouts of one cell a line print before the first value.
_MAX_LEAD_IN = 48
_LEAD_IN_CHARS = 40
#: Sentence punctuation: a line holding it is prose, not a cell.
_SENTENCE = re.compile(r"[。；;]|[，,].*[，,]")


#: A table line holding one value alone: a table of one cell a line, whose first label and
#: header cells come before it.
_ALONE = re.compile(r"[^\S\t]*\S+[^\S\t]*")
#: A value alone on its line: a table of one cell a line (``layouts.cell_per_line``).
_VALUE_ALONE = re.compile(rf"[^\S\t]*(?:{layouts.base.VALUE_APART}|{layouts.base.VALUE})[^\S\t]*")
#: A line of cells two spaces apart or more (no tab, pipe or bar): a row of a space-aligned
#: table, whose header rows (cells a space apart or more) come before its first value.
_ALIGNED = re.compile(r"[^\t|│┃║]*\S {2,}[^\t|│┃║]*\S[^\t|│┃║]*")
_SPACED = re.compile(r"[^\t|│┃║]*\S +[^\t|│┃║]*\S[^\t|│┃║]*")
#: An indented line of a label and its value one space after it: a row of a space-aligned
#: table laid out in a narrow page (``pdftotext -layout``: a label that fills its cell, a
#: value centred in a narrow one), whose header rows come before it too.
_INDENTED = re.compile(r"[^\S\t]{2,}[^\t|│┃║\s]+ [^\t|│┃║]*")


#: A piece of a wrapped label alone on its indented line: a word of a few characters.
_LABEL_PIECE = re.compile(r"[^\S\t]+[^\W\d_]{1,4}[^\S\t]*")
#: The rest of an amount cut at its decimal point on a line of its own, or after a piece
#: of a wrapped label (``业性收     .5`` under ``行政事     12``): no value a layout finds.
_POINT_REST = re.compile(r"[^\S\t]*(?:[^\W\d_]{1,4}[^\S\t]+)?\.\d+[^\S\t]*")
#: A piece of a wrapped label alone on its line, indented or not.
_WORD_ALONE = re.compile(r"[^\S\t]*[^\W\d_]{1,4}[^\S\t]*")
#: A piece of a wrapped label alone on its line with its numbering's marks (``四、``,
#: ``（七``, ``）总``): a few characters, no digit, a word's among them.
_PIECE_ALONE = re.compile(r"[^\S\t]*(?=[^\s\d]{0,3}[^\W\d_])[^\s\d]{1,4}[^\S\t]*")
#: The units of the last row's values wrapped alone onto an indented line (``个     元``).
_UNITS_ALONE = re.compile(
    r"(?:[^\S\t]+(?:"
    + "|".join(sorted((*MONEY_UNITS, *COUNT_UNITS), key=len, reverse=True))
    + r"))+[^\S\t]*"
)


#: A unit alone on its line, indented or not (``元``).
_UNIT_LINE = re.compile(
    r"[^\S\t]*(?:"
    + "|".join(sorted((*MONEY_UNITS, *COUNT_UNITS), key=len, reverse=True))
    + r")[^\S\t]*"
)


def _unit_after(lines: Sequence[str], last: int, end: int) -> int:
    """Where a table whose last table line ``last`` is a value alone ends: at the line of
    a unit alone next after it, past empty lines, where there is one (plain ``pdftotext``
    wraps a narrow cell's unit onto a line of its own after its number: ``34775835`` /
    (empty) / ``元``); else at ``last``."""
    after = last + 1
    while after < end and not lines[after].strip():
        after += 1
    return after if after < end and _UNIT_LINE.fullmatch(lines[after]) else last


def _label_after(lines: Sequence[str], last: int, end: int) -> int:
    """Where a table whose last table line ``last`` is a value alone ends: on over the
    pieces of a label alone on their lines after it, past empty lines, where more of the
    section follows them (a sub-table's heading, a blank row's label). pdfminer prints a
    tall row's centred values before its wrapped label (``1`` / ``行政`` / ``强制`` /
    ``第二十条第（八）项``; ``11`` / ``（七`` / ``）总`` / ``计`` / ``四、结转…``): the
    pieces are the last row's, which a reading must see to know whose the values are.
    Pieces that end the section are left to ``tables.table._label_tail``, which reads the
    table again with them and keeps that reading where it agrees."""
    after = last + 1
    pieces = last
    while after < end:
        if _PIECE_ALONE.fullmatch(lines[after]):
            pieces = after
        elif lines[after].strip():
            return pieces
        after += 1
    return last


#: A line right after a table's last table line that is still the table's (``_lead_out``).
_LEAD_OUT = (_LABEL_PIECE, _UNITS_ALONE, _POINT_REST)


def _lead_out(lines: Sequence[str], last: int, end: int) -> int:
    """Where a table whose last table line is ``last`` ends: on over the lines right after
    it (no empty line between) that each hold one indented word of a few characters, the
    last pieces of the last row's label (``pdftotext -layout`` prints the values of a row
    made tall by its wrapped label on its middle line: ``行政`` / ``14`` / ``强制``), or the
    units of its values wrapped under them (``56   1175208`` / ``个     元``), or the rest
    of an amount cut at its point, beside a label's piece or under one (``行政事  12`` /
    ``业性收  .5``; ``行政事`` / ``12`` / ``业性收`` / ``.5``)."""
    while last + 1 < end:
        if any(line.fullmatch(lines[last + 1]) for line in _LEAD_OUT):
            last += 1
        elif (
            last + 2 < end
            and _WORD_ALONE.fullmatch(lines[last + 1])
            and _POINT_REST.fullmatch(lines[last + 2])
        ):
            last += 2
        else:
            break
    return last


def _lead_in(lines: Sequence[str], start: int, first: int, aligned: bool) -> int:
    """Where a table whose first table line is ``first`` starts: back over the short,
    sentence-free lines before it (its header and first label cells; ``aligned``: and its
    header rows of cells apart by spaces, however long), at most ``_MAX_LEAD_IN`` lines,
    never before ``start``."""
    begin = first
    for index in range(first - 1, max(start, first - _MAX_LEAD_IN) - 1, -1):
        line = lines[index].strip()
        if not line:
            continue
        if _SENTENCE.search(line) or (
            len(line) > _LEAD_IN_CHARS and not (aligned and _SPACED.fullmatch(line))
        ):
            break
        begin = index
    return begin


def _runs(marks: _Marks, start: int, end: int, tabled: bool, found: list[Token]) -> None:
    """In a section with a table (二, 三, 四): prose before the first table line, the table up
    to the last one, prose after; a table whose first table line is one value alone takes in
    the cells just before it, and a space-aligned table its header rows; so does one whose
    first row prints its cells a space apart where a line of those rows is laid out in
    columns or indented (``pdftotext -layout`` of a narrow page: ``   本 本 现`` / ``信息 制 废
    有`` / ``规章 438 75 1``), whose header words a section weighs. In any other
    section, or before the first heading, all prose: a line of ``无`` or of a number alone
    is text there, not a table of one cell a line."""
    table = marks.table_lines(start, end) if tabled else []
    if not table:
        _regions("prose", marks, start, end, found)
        return
    first, last = table[0], table[-1]
    if _ALONE.fullmatch(marks.lines[first]):
        first = _lead_in(marks.lines, start, first, False)
    elif _ALIGNED.fullmatch(marks.lines[first]) or _INDENTED.fullmatch(marks.lines[first]):
        first = _lead_in(marks.lines, start, first, True)
    elif _SPACED.fullmatch(marks.lines[first]):
        begin = _lead_in(marks.lines, start, first, True)
        if any(
            _ALIGNED.fullmatch(marks.lines[at]) or _INDENTED.fullmatch(marks.lines[at])
            for at in range(begin, first)
        ):
            first = begin
    # Lines of spaces after the table's last value are its last empty cells (a page's
    # ``&nbsp;``); after a value alone on its line (one cell a line), with the empty lines
    # between them too (docx2txt's separators). Where only empty lines follow such a value
    # up to the next printed line, they are the table's too (lynx's paragraphs: its last
    # cell's separator, then a line for each empty cell that ends its row, up to the next
    # paragraph: the heading, or the next row's label where the rows after print no value),
    # so that its row's cells fit them or refute the rhythm (a blank line that a page break
    # put before its value moves it a cell: ``layouts.cell_per_line._grid``).
    apart = _VALUE_ALONE.fullmatch(marks.lines[last]) is not None
    last = _lead_out(marks.lines, last, end)
    if apart:
        last = _label_after(marks.lines, _unit_after(marks.lines, last, end), end)
    after, spaces = last + 1, last
    while after < end and not marks.lines[after].strip() and (apart or marks.lines[after]):
        if marks.lines[after]:
            spaces = after
        after += 1
    ending = apart and spaces == last
    last = after - 1 if ending else spaces
    _regions("prose", marks, start, first, found)
    _regions("table", marks, first, last + 1, found, ending)
    _regions("prose", marks, last + 1, end, found)


def _regions(
    kind: str, marks: _Marks, start: int, end: int, found: list[Token], ending: bool = False
) -> None:
    """Lines ``[start, end)`` as regions of ``kind``, split where a line is dropped: a page
    header or footer, or in a table a line too long to be a row. ``ending``: the last
    region keeps the empty lines that end it (a table one cell a line: its last empty
    cells')."""
    breaks = marks.table_breaks if kind == "table" else marks.markers
    for index in breaks[bisect_left(breaks, start) : bisect_left(breaks, end)]:
        _trimmed(kind, marks.lines, start, index, found)
        start = index + 1
    _trimmed(kind, marks.lines, start, end, found, ending)


def _trimmed(
    kind: str, lines: Sequence[str], start: int, end: int, found: list[Token], ending: bool = False
) -> None:
    """A region of ``kind`` over lines ``[start, end)`` without their blank edges (a line of
    empty tab cells is not blank in a table, nor a line of spaces at its end: a page's
    ``&nbsp;`` in the last cells; nor, ``ending``, any line at its end)."""
    table = kind == "table"
    while start < end and not lines[start].strip() and not (table and "\t" in lines[start]):
        start += 1
    while end > start and not lines[end - 1].strip() and not ending:
        if table and ("\t" in lines[end - 1] or lines[end - 1].isspace()):
            break
        end -= 1
    if start < end:
        found.append(Token(_TOKEN_TYPES[kind], Region(kind, start, end), None, start + 1, 1))


_TOKEN_TYPES = {"prose": "PROSE", "table": "TABLE"}


class LineLexer(Lexer):
    """Feeds Lark the tokens made by ``tokens``; the input to ``parse`` is their iterator."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: Iterator[Token]) -> Iterator[Token]:  # type: ignore[override]
        return data


class _Build(Transformer[Token, Any]):
    """Builds sections during the LALR parse (no tree)."""

    def front(self, children: list[Token]) -> Section:
        return Section(0, None, tuple(token.value for token in children))

    def _section(self, children: list[Token]) -> Section:
        heading = children[0]
        return Section(
            heading.value, (heading.line or 1) - 1, tuple(token.value for token in children[1:])
        )

    section_1 = section_2 = section_3 = section_4 = section_5 = section_6 = _section

    def start(self, children: list[Section]) -> tuple[Section, ...]:
        return tuple(children)


def grammar_file(name: str) -> str:
    """The text of the grammar file ``name``, from the installed package or, in a source
    checkout (an editable install), from the top-level ``grammars`` folder."""
    package = resources.files("govinfo_report")  # the package, wherever this module lies
    packaged = package.joinpath("grammars", name)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    return (Path(str(package)).resolve().parents[1] / "grammars" / name).read_text("utf-8")


@cache
def parser() -> Lark:
    """The skeleton parser, built once per process."""
    return Lark(grammar_file(GRAMMAR), parser="lalr", lexer=LineLexer, transformer=_Build())


def split(lines: Sequence[str], tables: Sequence[int] = ()) -> Skeleton:
    """Split ``lines`` into the front block and sections.

    A heading out of the template's order is demoted to prose of the current section, with a
    ``section-out-of-order`` diagnostic; a missing heading gets ``section-missing``; a
    misnumbered one ``heading-misnumbered`` (see ``headings``).
    ``tables``: lines (0-based) known to be table lines, whatever patterns find (those
    ``rebreak`` cut to start a table row).
    """

    def demote(error: UnexpectedInput) -> bool:
        if not isinstance(error, UnexpectedToken) or error.token.type == "$END":
            return False
        token = error.token
        found.append(
            diagnostic(
                "section-out-of-order",
                f"section heading {SECTION_NAMES[token.value]} at line {token.line} is out of "
                f"the template's order; read as text of the section before it",
                token.line,
                1,
            )
        )
        line = (token.line or 1) - 1
        error.interactive_parser.feed_token(
            Token("PROSE", Region("prose", line, line + 1), line=token.line, column=1)
        )
        return True

    marks = _Marks(lines, tables)
    joined = "\n" + "\n".join(lines)
    found_headings, found = headings(lines, joined)
    parts = cast(
        tuple[Section, ...], parser().parse(iter(tokens(marks, found_headings)), on_error=demote)
    )
    front, sections = parts[0], {section.number: section for section in parts[1:]}
    long = marks.long
    if long:
        found.append(
            diagnostic(
                "line-too-long",
                f"{len(long)} line(s) longer than {MAX_LINE_CHARS:,} characters "
                "were not read as table rows, headings or count statements "
                f"(the first at line {long[0] + 1}); in prose they are kept as "
                "text",
                long[0] + 1,
                MAX_LINE_CHARS + 1,
            )
        )
    for number, name in SECTION_NAMES.items():
        if number not in sections:
            found.append(diagnostic("section-missing", f"no heading of section {name} was found"))
    return Skeleton(
        front,
        sections,
        tuple(found),
        lines,
        paged=marks.paged,
        joined=joined,
        doubtful=marks.doubtful,
    )
