"""The table stage of one section: its lines to the reading kept (``read_table``).

The layout is detected (or forced), its rows read, and the section's reader reads them. A
table read by the order of its cells alone may be read other ways (the section's
``alternatives``); such a reading is kept where the rules confirm it
(``resolve.confirmed``), and a table whose order proves broken is not kept.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from itertools import groupby, pairwise
from operator import itemgetter
from typing import NamedTuple

import attrs

from .. import labels
from ..catalogue import Template
from ..cells import is_number, is_value
from ..diagnostics import Diagnostic, diagnostic
from ..fold import NO_BREAK_SPACE, fold
from ..limits import MAX_TABLE_LINES
from ..structure import layouts
from ..structure.layouts import Printed, Row
from ..structure.layouts.base import GRID_MARK
from ..structure.layouts.cell_per_line import in_blocks, wrapped
from ..structure.layouts.run_together import RunTogether, indents_articles, trailing_indent
from ..structure.layouts.space_aligned import SpaceAligned
from ..structure.rebreak import NUMBERED_ROW
from ..structure.skeleton import PAGE_NUMBER, SECTION_NAMES, Section, Skeleton, ends_page
from . import apart, blocks, orientation
from .attributed import order_alone
from .between import between_labels, between_rows
from .markers import blank_before_markers, values_ending_pages
from .matching import foreign_column, matcher, proactive_column
from .reading import (
    UNIT_NOT_KNOWN,
    Reading,
    cells_closed,
    rows_taken_back,
    signs_misplaced,
    unplaced,
)
from .resolve import (
    agrees,
    confirmed,
    confirmed_but_one_row,
    contested,
    holds_together,
    in_no_unit,
    settled_whole,
    unmoved,
    verifies,
    vouched,
)
from .rests import rests_astray
from .sections import SECTIONS, section_rule_set
from .sections.ahead import CUT_LABEL_AFTER
from .sections.rows import NO_CLOSED_WAY, holds


@attrs.frozen
class TableRead:
    """A section's table read: the name of the layout it was read in (``None``: none read;
    ``a+b``: its parts in two layouts), the reading kept, and what reading it found."""

    layout: str | None
    reading: Reading
    findings: tuple[Diagnostic, ...]


@attrs.frozen
class Rows:
    """A table region's rows: the name of the layout read (``None``: none), whether they
    come from the order of its cells alone, the rows, and what detecting the layout found."""

    layout: str | None
    by_order: bool
    rows: tuple[Row, ...]
    findings: tuple[Diagnostic, ...]


class _Region(NamedTuple):
    """A section's table lines, what its rows are read against, and how it is named in
    findings. A named tuple, not a frozen ``attrs`` class (about 900 instructions a field
    to make): each section's region is made twice a parse, or more."""

    skel: Skeleton
    spans: list[range]
    width: int  # the section's columns
    heading: str  # "section 二"
    keys: tuple[str, ...]  # the section's keys, which a table not read leaves missing
    name: str  # the section's name
    template: str  # the template's name


def read_tables(
    skel: Skeleton,
    regions: dict[str, list[range]],
    template: Template,
    forced: layouts.Layout | None,
    rebroken: Collection[str] = (),
) -> list[TableRead]:
    """Every table section's table (``read_table``; those of the sections ``rebroken`` in
    text whose line breaks were put back), in template order; a section whose last values
    the text prints after the next section's heading is read with them (``_spilled``), and
    the last one with those after the next heading (``_overflowing``) or at the text's end
    (``_trailing``), and a table with the label pieces after its last value
    (``_label_tail``). Where the text printed each blank cell as one no-break space
    (``_blank_rows_traced``), each section is read by them too, and that reading kept where
    the rules vouch for it, or, in section 二 (no rule), where its own lines show no
    no-break space that is no blank cell (``_padding_shown``): each row is then read only
    where its no-break spaces leave one way to cut it (``rows._by_no_breaks``).
    """
    regions = _label_heads(skel, regions, template)
    plain = attrs.evolve(skel, no_breaks={}) if skel.no_breaks else skel
    with _rows_read_once(plain, forced):
        read = _read_tables(plain, regions, template, forced, rebroken)
    if plain is skel:
        if forced is not None or not rebroken or not _blank_runs_closed(skel, regions):
            return read
        skel = attrs.evolve(skel, closed=True)
    elif (
        not _blank_rows_traced(skel, regions["applications"])
        or _padding_shown(skel, regions["applications"], len(labels.APPLICANT_COLUMNS))
        or _padding_shown(skel, regions["appeals"], len(template.sections["appeals"]))
    ):
        return read
    with _rows_read_once(skel, forced):
        traced = _read_tables(skel, regions, template, forced, rebroken)
    if skel.closed and any(
        NO_CLOSED_WAY in found.message for table in traced for found in table.reading.findings
    ):
        return read  # a row shows a space that is no blank cells, or blanks that left none
    vouched = {
        name: bool(section_rule_set(template.name, name).rules)
        or not _padding_shown(skel, regions[name], SECTIONS[name].width(template.name))
        for name in SECTIONS
    }
    return [
        mine
        if mine.reading != other.reading
        and vouched[mine.reading.section]
        and holds_together(template, mine.reading)
        and (not skel.closed or settled_whole(template, mine.reading))
        else other
        for mine, other in zip(traced, read, strict=True)
    ]


def _blank_rows_traced(skel: Skeleton, spans: list[range]) -> bool:
    """Whether the text shows that it prints each blank cell as one no-break space (a
    page's ``&nbsp;`` in BeautifulSoup's ``get_text()``): a row of section 三 printed blank is
    its label and then exactly seven of them (``1.属于国家秘密       2.其他…``). A page may
    use ``&nbsp;`` otherwise (padding a value, in a label) and leave its blank cells empty:
    then no-break spaces that happen to make a row's cells are no blank cells, and no
    reading by them is kept. Even where it does, a value padded with one may pass for a
    blank cell and the value next to it: a section's reading by them is kept only where
    rules check it (section 二's rows have none), it differs from the one without them, and
    the rules all hold with it (``resolve.holds_together``)."""
    width = len(labels.APPLICANT_COLUMNS)
    for at in (at for span in spans for at in span):
        marks = skel.no_breaks.get(at + 1)
        if not marks or len(marks) < width:
            continue
        line = skel.lines[at]
        for label in NUMBERED_ROW.finditer(line):
            end = label.end()
            while end < len(line) and end not in marks and not line[end].isspace():
                end += 1  # the rest of the label (a note in brackets)
            if all(end + i in marks for i in range(width)) and end + width not in marks:
                after = line[end + width : end + width + 1]
                if not after.isdigit() or NUMBERED_ROW.match(line, end + width):
                    return True
    return False


def _blank_runs_closed(skel: Skeleton, regions: dict[str, list[range]]) -> bool:
    """Whether the text shows that it puts nothing between filled cells and closes each run
    of blank cells to one space (a web archive's text of a page that leaves its zeros
    blank): in section 三, a row printed blank is its label and one space before the next
    label (``1.属于国家秘密 2.其他…``), and a row's label runs into its first value
    (``（一）予以公开341 1238``: no white space between cells); and no line of a table holds
    two spaces together (such text closes white space up). Text that prints a space between
    any two cells (BeautifulSoup's ``get_text(' ', strip=True)``) shows a row printed blank
    so too, but no label run into a value. A row of section 二 whose label runs straight
    into the next row's label or article (``_UNTRACED_BLANK``) shows the contrary: its blank
    cells left no trace (a page that leaves some of them empty, not ``&nbsp;``)."""
    lines = [skel.lines[at] for spans in regions.values() for span in spans for at in span]
    if any("  " in line for line in lines):
        return False
    proactive = (skel.lines[at] for span in regions["proactive"] for at in span)
    if any(_UNTRACED_BLANK.search(line) for line in proactive):
        return False
    blank = glued = False
    for span in regions["applications"]:
        for at in span:
            line = skel.lines[at]
            glued = glued or _GLUED_ROW.search(line) is not None
            for label in NUMBERED_ROW.finditer(line):
                end = label.end()
                while end < len(line) and not line[end].isspace():
                    end += 1  # the rest of the label (a note in brackets)
                if line[end : end + 1] != " ":
                    continue
                # the next label on the line, or at the start of the next (``rebreak``'s cut)
                if end + 1 < len(line):
                    blank = blank or NUMBERED_ROW.match(line, end + 1) is not None
                elif at + 1 in span:
                    blank = blank or NUMBERED_ROW.match(skel.lines[at + 1]) is not None
    return blank and glued


#: A row label of section 三 run into its first value: a label's last character, then a
#: digit that is no numbering's.
_GLUED_ROW = re.compile(r"[\u4e00-\u9fff)）]\d+(?![\d.、])")
#: A row label of section 二 run straight into the next row's label or the next sub-table's
#: article (``行政处罚行政强制``, ``行政许可第二十条``): the row is printed blank, and its blank
#: cells left no trace. The labels of both templates, as the skeleton folds them.
_ROW_LABELS = "|".join(
    sorted(
        {
            re.escape(fold(text))
            for rows in labels.PROACTIVE_ROWS.values()
            for texts in rows.values()
            for text in texts
        },
        key=len,
        reverse=True,
    )
)
_UNTRACED_BLANK = re.compile(rf"(?:{_ROW_LABELS})(?:{_ROW_LABELS}|第二十条)")


#: A run of a row's cells as a page's ``get_text()`` prints them: no-break spaces and
#: counts, a sign starting one (a group of digits followed by ``.`` is the next label's
#: numbering).
_CELLS_RUN = re.compile(r"(?:\u00a0|[-+－]?\d+(?![.．\d]))+")
_DIGITS = re.compile(r"\d+")


def _padding_shown(skel: Skeleton, spans: list[range], width: int) -> bool:
    """Whether a line of ``spans`` (a section whose rows hold at most ``width`` cells) shows
    no-break spaces that are no blank cell: a run of them and digits after a label that makes
    more than ``width`` cells even with each group of digits one value (``&nbsp;4`` and five
    and ``4``: a value padded, or a blank cell printed as two; ``37&nbsp;-5&nbsp;260``, a
    sign starting a value of its own: five for three). Such a page may pad a value
    where it also left a blank cell empty, and the two cancel out into a row's count
    (``1&nbsp;`` after an empty cell: ``1`` and three and ``1`` for a group of five): no
    no-break space of it is a blank cell for certain. Those that indent the next line's
    article are not counted (``run_together.trailing_indent``) on a page that may indent
    them (``run_together.indents_articles``)."""
    indexes = [at for span in spans for at in span]
    indents = indents_articles([skel.lines[at] for at in indexes])
    for at in indexes:
        marks = skel.no_breaks.get(at + 1)
        if indents and marks and at + 1 < len(skel.lines):
            indent = trailing_indent(skel.lines[at], marks, skel.lines[at + 1])
            marks = frozenset(i for i in marks if indent is None or i < indent)
        if not marks:
            continue
        line = "".join(NO_BREAK_SPACE if i in marks else c for i, c in enumerate(skel.lines[at]))
        for run in _CELLS_RUN.finditer(line):
            if run.group().count(NO_BREAK_SPACE) + len(_DIGITS.findall(run.group())) > width:
                return True
    return False


@contextmanager
def _rows_read_once(skel: Skeleton, forced: layouts.Layout | None) -> Iterator[None]:
    """While tables of ``skel`` are read (``_read_tables``), each region's rows read once
    (``_layout_rows``)."""
    _READING.now = (skel, forced, {})
    try:
        yield
    finally:
        _READING.now = None


def _read_tables(
    skel: Skeleton,
    regions: dict[str, list[range]],
    template: Template,
    forced: layouts.Layout | None,
    rebroken: Collection[str],
) -> list[TableRead]:
    """``read_tables`` with the text's no-break spaces as ``skel`` gives them."""
    first_rows, alone = _one_rhythm(skel, regions, template, forced, rebroken)
    read = {
        name: read_table(skel, name, regions[name], template, forced, name in rebroken, rows)
        for name, rows in first_rows.items()
    }
    how = (forced, rebroken, alone)
    for name in SECTIONS:
        tail = _label_tail(skel, regions, name, alone)
        if tail is not None and (
            _given(read[name]) < len(template.sections[name])
            or in_no_unit(template, read[name].reading)
        ):
            rows = _rows(_region(skel, name, tail, template)[0], forced, name in rebroken, alone)
            again = read_table(skel, name, tail, template, forced, name in rebroken, rows)
            once = read[name].reading
            doubted = _doubted_ahead(template, once, again.reading)
            # the same reading gives no more cells: not resolved twice to be compared
            if again.reading != once and (
                agrees(template, once, again.reading)
                or _more_blank(once, again.reading)
                or (doubted and set(again.reading.given) <= set(once.given))
            ):
                read[name] = again
            elif doubted:
                read[name] = attrs.evolve(read[name], reading=_taken_back(template, once, doubted))
            if read[name] is not again:  # a unit the tail's lines print apart stands
                past = _units_seen_past(template, read[name].reading, again.reading)
                read[name] = attrs.evolve(read[name], reading=past)
    wider = _overflowing(skel, regions)
    for name, after in pairwise(SECTIONS):
        both = None
        if wider is not None:  # the last table whole, with what its section printed before
            both = _spilled(skel, wider, template, (name, after), read, how, whole=True)
        if both is None:
            both = _spilled(skel, regions, template, (name, after), read, how)
        if both is not None:
            read[name], read[after] = both
    last = list(SECTIONS)[-1]
    for more, whole in ((wider, False), (_trailing(skel, regions), True)):
        if more is None or not _unfinished(read[last], template):
            continue
        region, capped = _region(skel, last, more[last], template)
        rows = _rows(region, forced, last in rebroken, alone)
        own = attrs.evolve(rows, rows=_own_rows(rows.rows, last, template))
        if rows.layout is not None and len(_own_values(own.rows, last, template)) == len(
            template.sections[last]
        ):
            again = _by_order(region, last, template, own, (*capped, *rows.findings))
            if agrees(template, read[last].reading, again.reading) and (
                not whole or verifies(template, again.reading)
            ):
                read[last] = again
    first = next(iter(SECTIONS))
    read[first] = _column_apart(skel, regions, template, read[first], how)
    tables = list(read.values())
    kept = rests_astray(skel, regions, template, [table.reading for table in tables])
    return [
        table if reading is table.reading else attrs.evolve(table, reading=reading)
        for table, reading in zip(tables, kept, strict=True)
    ]


#: A line of prose: sentence punctuation, or longer than a table's cell or header line.
_PROSE = re.compile(r"[。；;]|[，,].*[，,]|\S.{40}")
_DIGIT = re.compile(r"\d")


def _next_after_table(
    skel: Skeleton, regions: dict[str, list[range]], last: str
) -> tuple[Section, int] | None:
    """The section after table section ``last`` and its heading's line, where the table
    ends just before that heading (nothing printed between); ``None`` otherwise."""
    following = skel.sections.get(SECTIONS[last].NUMBER + 1)
    if not regions[last] or following is None or following.heading is None:
        return None
    if any(line.strip() for line in skel.lines[regions[last][-1].stop : following.heading]):
        return None
    return following, following.heading


#: A label piece: a short line with no digit but its numbering's (``8.属于行``) and no
#: sentence punctuation.
_PIECE = re.compile(r"(?:\d{1,2}[.．、])?[^\d。；;，,]{1,12}")
#: A line of a row's label before its table (``_label_heads``): as long as a label, with
#: no digit but its numbering's (``1.属于国家秘密``) and no sentence punctuation.
_HEAD_PIECE = re.compile(r"(?:\d{1,2}[.．、])?[^\d。；;，,]{1,40}")
#: The label piece a table's first line of values starts with (``性文  46  45  65``).
_LEADING_PIECE = re.compile(r"\s*([^\d\s。；;，,]+)\s+\d")
#: The units alone that end a line of a label (``规章 件 件 件``): a tool that sets a cell's
#: unit apart from its digits prints the first row's units on its label's line, over the
#: values (plain pdfplumber of a browser's PDF).
_UNIT_WORD = "|".join(map(re.escape, (*labels.COUNT_UNITS, *labels.MONEY_UNITS)))
_UNITS_ENDING = re.compile(rf"(?:\s+(?:{_UNIT_WORD}))+$")
#: The most such lines a table takes in after its last value (``_label_tail``).
_MOST_PIECES = 12
#: The fewest blank lines alone after a table's last value that may hold an empty cell:
#: the value's separator line and one more (lynx's one line an empty cell).
_BLANK_TAIL = 2


def _label_heads(
    skel: Skeleton, regions: dict[str, list[range]], template: Template
) -> dict[str, list[range]]:
    """``regions`` with each table's first span taking in the lines just before it (blank
    lines aside, up to its section's heading) that together print one of its section's row
    labels whole (``LabelMatcher.exact``), each a piece of one (at most ``_MOST_PIECES``): a
    table begins at its first line of values, but a narrow PDF cell wraps its first row's
    label onto lines of no value before them (pypdfium2, pdfplumber: ``一、本年新收政府`` /
    ``信息公开申请数量`` / ``549 49 1 4 13 6 622``), which the outline gives to the prose. A
    header's last word that is also a row's label (``总计``) so taken names no values: the
    layouts read it as a row of its own before the first row's. Where the first line of
    values starts with a label piece, the lines whose pieces that piece continues into a
    label's head are taken in (plain ``pdftotext``: ``规章`` / ``规范`` / ``性文 46 45 65`` /
    ``件``, the values on the middle line of their label, 规章 printing none), or the
    label piece on the line after it does (pdfplumber, pdfminer: ``一、本年新收政府`` /
    ``25 3 0 0 2 2 32`` / ``信息公开申请数量``: ``_rest_after``). The units that end the
    line right before the values are no piece (plain pdfplumber prints the first row's
    units on its label's line, over its values: ``规章 件 件 件`` / ``0 0 0``). In text
    printed by blocks (an empty line among those lines: pdfminer.six's boxes), the lines
    before go on being taken in while each further run of them prints a whole label, or
    the head of the one taken (``规章`` / ``行政`` / ``规范`` / ``性文`` / ``件`` / ``4 1 0``):
    such a flow may print a table's labels before its values, so the section must see
    规章's label alone to know that 4, 1, 0 may be its. Text printed row by row
    (pypdfium2: no empty line) prints a row's values after its own label."""
    wider = dict(regions)
    for name, spans in regions.items():
        section = skel.sections.get(SECTIONS[name].NUMBER)
        if not spans or section is None or section.heading is None:
            continue
        labels_ = matcher(template.name, name)
        own = _LEADING_PIECE.match(skel.lines[spans[0].start])
        rest = own[1] if own else _rest_after(skel, spans[0].start, spans[0].stop)
        pieces: list[str] = []  # the lines since the last label taken in
        taken = ""  # the last label taken in
        blocks = False  # an empty line seen: text printed by blocks
        for at in range(spans[0].start - 1, section.heading, -1):
            line = skel.lines[at].strip()
            if not line:
                blocks = True
                continue
            if len(pieces) == _MOST_PIECES or not _HEAD_PIECE.fullmatch(line):
                break
            if not pieces and not taken:  # the first row's units over its values
                line = _UNITS_ENDING.sub("", line) or line  # (``件`` alone: a label's end)
            pieces.insert(0, line)
            label = "".join(pieces)
            if taken and not blocks:
                break  # text printed row by row: a label before the first's is another row's
            if (
                labels_.exact(label)
                or labels_.exact(label + taken)
                or (not taken and rest and labels_.begun(label + rest))
            ):
                wider[name] = [range(at, spans[0].stop), *spans[1:]]
                taken = label if labels_.exact(label) else label + taken
                pieces = []
    return wider


def _rest_after(skel: Skeleton, first: int, stop: int) -> str:
    """The label piece on the line after a table's first line of values ``first`` (blank
    lines aside, before ``stop``), where that line is one: a narrow cell's label wrapped
    around its row's values, its head before them and its rest after (pdfplumber, pdfminer:
    ``一、本年新收政府`` / ``25 3 0 0 2 2 32`` / ``信息公开申请数量``); else nothing."""
    for at in range(first + 1, stop):
        line = skel.lines[at].strip()
        if line:
            return line if _PIECE.fullmatch(line) else ""
    return ""


def _label_tail(
    skel: Skeleton, regions: dict[str, list[range]], name: str, alone: bool
) -> list[range] | None:
    """Section ``name``'s table spans, the last taking in the lines between its last value
    and the next section's heading, where each is a label piece (at most ``_MOST_PIECES``)
    or blank, and there is a piece, or ``_BLANK_TAIL`` lines where the text's tables keep
    one line an empty cell alone (``alone``: ``_one_rhythm``): a table ends at its last value,
    but pdftotext prints a wrapped label's last line after its row's value (``政府`` /
    ``集中 70个`` / ``51元`` / ``采购``), and the labels of a last sub-table that prints no
    value after those; lynx a last row that prints no value (``四、结转下年度继续办理``), or
    a last row's blank cells alone after its last value (section 四's last group), its
    empty cells the blank lines up to the heading (``cell_per_line._grid``). ``None``
    otherwise. ``read_tables`` keeps the
    table read with them only where it gives more cells and agrees with every cell read for
    certain without them (``agrees``), or reads the same and more cells printed blank
    (``_more_blank``): the pieces add no value, they may only name the row of one that
    named none, or show its cells blank; or where it takes back values that a tall last
    row printed before its cut label (``_doubted_ahead``; else those values
    are taken back from the table read without them)."""
    following = skel.sections.get(SECTIONS[name].NUMBER + 1)
    if not regions[name] or following is None or following.heading is None:
        return None
    stop = regions[name][-1].stop
    tail = [at for at in range(stop, following.heading) if skel.lines[at].strip()]
    if len(tail) > _MOST_PIECES or not all(_PIECE.fullmatch(skel.lines[at].strip()) for at in tail):
        return None
    if not tail and (not alone or following.heading - stop < _BLANK_TAIL):
        return None
    *before, last = regions[name]
    return [*before, range(last.start, following.heading)]


def _overflowing(skel: Skeleton, regions: dict[str, list[range]]) -> dict[str, list[range]] | None:
    """``regions`` with the last table section's table taking in the lines that follow the
    next section's heading, before its first line of prose (past a page break:
    ``_before_prose``), up to the last value, where the table ends just before that heading
    and those lines hold a digit and a label of its groups: pdftotext's flow prints a
    page's blocks in its own order, the heading of section 五 among the cells of 四 (and
    of 三's last columns, which may come on the next page). ``None`` where there are no
    such lines."""
    last = list(SECTIONS)[-1]
    after = _next_after_table(skel, regions, last)
    if after is None:
        return None
    following, heading = after
    lines = skel.lines
    blocks_ = _before_prose(skel, following.lines("prose"))
    if not blocks_ or any(line.strip() for line in lines[heading + 1 : blocks_[0].start]):
        return None
    blocks_ += _after_prose(skel, SECTIONS[last].NUMBER)
    held = [at for block in blocks_ for at in block if _DIGIT.search(lines[at])]
    heads = {label for names in labels.APPEAL_GROUPS.values() for label in names}
    if not held or not any(lines[at].strip() in heads for block in blocks_ for at in block):
        return None
    valued = [at for block in blocks_ for at in block if is_value(lines[at].strip())]
    if not valued:
        return None  # digits inside labels alone (``1.信访举报投诉类申请``): no value runs on
    end = max(valued) + 1
    taken = [range(block.start, min(block.stop, end)) for block in blocks_ if block.start < end]
    return {**regions, last: [*regions[last], *taken]}


def _trailing(skel: Skeleton, regions: dict[str, list[range]]) -> dict[str, list[range]] | None:
    """``regions`` with the last table section's table taking in the lines of values that
    end the text (two values or more, after a line that is no value: the signature), where
    its table ends just before the next section's heading: wkhtmltopdf's page printed by
    plain pdftotext gives the page's right-hand blocks last, the last cells of 四's row
    after the signature. ``None`` where the text ends otherwise."""
    last = list(SECTIONS)[-1]
    if _next_after_table(skel, regions, last) is None:
        return None
    lines = skel.lines
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    start = end
    while start and (not lines[start - 1].strip() or all(map(is_number, lines[start - 1].split()))):
        start -= 1
    held = [at for at in range(start, end) if lines[at].strip()]
    values = sum(len(lines[at].split()) for at in held)
    if not start or values < 2 or start <= regions[last][-1].stop:
        return None
    return {**regions, last: [*regions[last], *(range(at, at + 1) for at in held)]}


#: A signature's date (``2022 年 1 月 25 日``, ``二〇二二年一月二十五日``).
_SIGNATURE_DATE = re.compile(
    r"[\d〇○零一二三四五六七八九]{4}\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
    r"\s*[\d一二三四五六七八九十]{1,3}\s*日"
)


def _after_prose(skel: Skeleton, number: int) -> list[range]:
    """The lines of the sections after section ``number`` that come after the text's last
    line of prose and the signature, where they stand apart from it (after a blank line in
    the prose's block, or past a page's break: a line of no block, its number) and hold a
    digit and a label of section ``number``'s groups: pdftotext's flow prints a page's
    blocks of a table after the page's prose, and a table's last page's after the report's
    end. A date before the first value is the signature's: the lines after it are taken."""
    found = [
        block
        for later in sorted(n for n in skel.sections if n > number)
        for block in skel.sections[later].lines("prose")
    ]
    lines = skel.lines
    prose = [(at, n) for at, block in enumerate(found) for n in block if _PROSE.search(lines[n])]
    if not prose:
        return []
    last, end = prose[-1]
    apart = next((n for n in range(end + 1, found[last].stop) if not lines[n].strip()), None)
    if apart is not None:
        tail = [range(apart + 1, found[last].stop), *found[last + 1 :]]
    elif last < len(found) - 1 and any(
        line.strip() for line in lines[found[last].stop : found[last + 1].start]
    ):
        tail = found[last + 1 :]
    else:
        return []
    held = [at for block in tail for at in block]
    first = next((at for at in held if is_value(lines[at].strip())), len(lines))
    signed = [at for at in held if at < first and _SIGNATURE_DATE.search(lines[at])]
    if signed:
        tail = [range(max(block.start, signed[-1] + 1), block.stop) for block in tail]
        held = [at for at in held if at > signed[-1]]
    heads = {label for names in labels.APPEAL_GROUPS.values() for label in names}
    texts = {lines[at].strip() for at in held}
    if not any(_DIGIT.search(text) for text in texts) or not heads & texts:
        return []
    return [block for block in tail if block]


def _before_prose(skel: Skeleton, blocks_: Iterator[range]) -> list[range]:
    """The first of ``blocks_`` (a section's prose regions) up to its first line of prose,
    and the blocks after it while none holds such a line (a page's break between them:
    its number and running header are no region's), the last up to that line."""
    found = []
    for block in blocks_:
        end = next((at for at in block if _PROSE.search(skel.lines[at].strip())), block.stop)
        if end > block.start:
            found.append(range(block.start, end))
        if end < block.stop:
            break
    return found


def _column_apart(
    skel: Skeleton,
    regions: dict[str, list[range]],
    template: Template,
    first: TableRead,
    how: tuple[layouts.Layout | None, Collection[str], bool],
) -> TableRead:
    """Section 二's table (``first``) read again with its columns printed apart
    (``_rejoined``), its rows read as printed blank (``Reading.blank``: a label alone) left
    missing where a later section's table prints a block of one of its columns: the flow
    that prints a column apart prints a row's label apart from its values, and those
    values may be in the block."""
    read = _rejoined(skel, regions, template, first, how)
    if not read.reading.blank or not _unfinished(first, template):
        return read
    later = list(SECTIONS)[list(SECTIONS).index(first.reading.section) + 1 :]
    blocks = [
        row
        for name in later
        if regions[name]
        for row in apart.blocks_in(
            _rows(
                _region(skel, name, regions[name], template)[0], how[0], name in how[1], how[2]
            ).rows,
            template.name,
            name,
        )
    ]
    if not blocks:
        return read
    blank = read.reading.blank
    note = diagnostic(
        "values-unplaced",
        f"section 二: {len(blank)} cells of rows whose label stands alone are not read as "
        f"printed blank: a later table prints blocks of section 二's columns (the first at "
        f"line {blocks[0].line}), whose values may be theirs; the cells are missing",
        blocks[0].line,
        blocks[0].labels[0][2],
        tuple(template.fields[cell].key for cell in sorted(blank)),
    )
    reading = attrs.evolve(
        read.reading,
        blank=frozenset(),
        closed=read.reading.closed.union(blank),
        findings=(*read.reading.findings, note),
    )
    return attrs.evolve(read, reading=reading)


def _rejoined(
    skel: Skeleton,
    regions: dict[str, list[range]],
    template: Template,
    first: TableRead,
    how: tuple[layouts.Layout | None, Collection[str], bool],
) -> TableRead:
    """Section 二's table (``first``) read again where, read by the order of its cells, it
    is short of cells and a later section's table region prints one of its columns whole,
    apart from its rows, which the header before them leaves out (``apart``): kept where it
    gives more cells and the same value to every cell ``first`` gives for certain; or, where
    that gives fewer cells, with every column its sub-tables leave out printed apart
    (``_every_column_apart``)."""
    name = first.reading.section
    if not _unfinished(first, template):
        return first
    region, capped = _region(skel, name, regions[name], template)
    rows = _rows(region, how[0], name in how[1], how[2])
    if not rows.by_order:
        return first
    found: dict[str, list[Printed]] = {}
    seen: set[str] = set()
    for later in list(SECTIONS)[list(SECTIONS).index(name) + 1 :]:
        if not regions[later]:
            continue
        later_region, _ = _region(skel, later, regions[later], template)
        later_rows = _rows(later_region, how[0], later in how[1], how[2]).rows
        for column, values in apart.columns_apart(later_rows, template.name, later).items():
            if column in seen:
                found.pop(column, None)  # printed apart twice: neither is certain
            else:
                found[column] = values
            seen.add(column)
    every = _every_column_apart(skel, regions, template, first, (region, capped, rows), how)
    joined = apart.rejoined(rows.rows, template.name, found)
    if joined is None:
        return every
    shown, column, count = joined
    again = _by_order(
        region, name, template, attrs.evolve(rows, rows=tuple(shown)), (*capped, *rows.findings)
    )
    if not agrees(template, first.reading, again.reading) or _given(every) > _given(again):
        return every
    label = labels.PROACTIVE_COLUMNS[template.name][column][0]
    value = found[column][0]
    note = diagnostic(
        "table-read-in-blocks",
        f"{region.heading}: its column {label} is printed apart from its rows, in a later "
        f"section's table (a PDF's text flow); its {count} values are read as that column "
        f"of the {count} rows whose header names every other column of theirs",
        value[1],
        value[2],
    )
    return attrs.evolve(again, findings=(*again.findings, note))


def _every_column_apart(
    skel: Skeleton,
    regions: dict[str, list[range]],
    template: Template,
    first: TableRead,
    read: tuple[_Region, tuple[Diagnostic, ...], Rows],
    how: tuple[layouts.Layout | None, Collection[str], bool],
) -> TableRead:
    """Section 二's table (``first``, its region and rows ``read``) read again where its
    sub-tables' columns that their headers leave out are printed as blocks of their own,
    after its rows or after the next section's heading (``apart.every_column_apart``):
    kept where it gives more cells and the same value to every cell ``first`` gives for
    certain."""
    name = first.reading.section
    after = list(SECTIONS)[list(SECTIONS).index(name) + 1]
    region, capped, rows = read
    later: tuple[Row, ...] = ()
    if regions[after]:
        later_region, _ = _region(skel, after, regions[after], template)
        later = _rows(later_region, how[0], after in how[1], how[2]).rows
    joined = apart.every_column_apart(rows.rows, later, template.name, after)
    if joined is None:
        return first
    shown, count = joined
    again = _by_order(
        region, name, template, attrs.evolve(rows, rows=tuple(shown)), (*capped, *rows.findings)
    )
    if not agrees(template, first.reading, again.reading):
        return first
    note = diagnostic(
        "table-read-in-blocks",
        f"{region.heading}: the columns its sub-tables' headers leave out are printed as "
        "blocks of their own, each its header and then its values (a PDF's text flow); "
        f"their {count} values are read as those columns of the sub-tables' rows, in order",
        region.spans[0].start + 1,
        1,
    )
    return attrs.evolve(again, findings=(*again.findings, note))


def _spilled(
    skel: Skeleton,
    regions: dict[str, list[range]],
    template: Template,
    names: tuple[str, str],
    read: dict[str, TableRead],
    how: tuple[layouts.Layout | None, Collection[str], bool],
    whole: bool = False,
) -> tuple[TableRead, TableRead] | None:
    """The tables of sections ``names`` (one after the other) read again where the first,
    read by the order of its cells, is short of values and the text printed the rest in
    the next one's: pdftotext's flow prints the last columns of a band of tall rows after
    the page's next blocks, the next section's heading or first rows among them. The first
    section's values and a run of the next's values as many as it lacks (``_picks``: whole
    rows at its start or under a header of a column that is not the next section's; or the
    values under such headers and one run more) are read by blocks (``blocks.by_blocks``),
    and kept only where the next section (unfinished, or read whole from more values than
    its cells: ``appeals._windows`` leaves such values out), read without them, has no
    fewer cells given than before (``whole``: and its values left are as many as its
    cells; a scattered pick: and it verifies whole), and no other such pick gives other
    numbers."""
    first, after = (read[name] for name in names)
    if not (_unfinished(first, template) and _read_by_order(after)):
        return None
    read_again = []
    for name in names:
        region, capped = _region(skel, name, regions[name], template)
        rows = _rows(region, how[0], name in how[1], how[2])
        if not rows.by_order:
            return None
        read_again.append((region, rows, (*capped, *rows.findings)))
    (_, rows, found), (region, later, later_found) = read_again
    own = _own_values(rows.rows, names[0], template)
    lacking = len(template.sections[names[0]]) - len(own)
    counts = [sum(1 for value in row.values if value[0]) for row in later.rows]
    if lacking <= 0 or sum(counts) <= lacking:
        return None
    if not _unfinished(after, template) and sum(counts) <= len(template.sections[names[1]]):
        return None  # the next section read whole from no more values than its cells
    if whole and sum(counts) - lacking != len(template.sections[names[1]]):
        return None
    kept: list[tuple[Reading, TableRead, Printed]] = []
    failed: set[tuple[str, ...]] = set()  # the values read by blocks in vain
    # the next section read by order without a pick's values: a pick comes whole and scattered
    read_without = cache(
        lambda picked: _by_order(
            region,
            names[1],
            template,
            attrs.evolve(later, rows=_without(later.rows, picked)),
            later_found,
        )
    )

    for picked, scattered in _picks(later.rows, counts, lacking, template, names[1]):
        given = [later.rows[at].values[index] for at, index in picked]
        texts = tuple(text for text, _, _ in given)
        if texts in failed:
            continue
        again = None
        if scattered:  # the next section, read first: it must verify, and is cheaply read
            again = read_without(tuple(picked))
            if _given(again) < _given(after) or not verifies(template, again.reading):
                continue
        reading = blocks.by_blocks(
            template, names[0], [*own, *given], _worded((*rows.rows, *later.rows))
        )
        if reading is None or not agrees(template, first.reading, reading):
            failed.add(texts)
            continue
        if again is None:
            again = read_without(tuple(picked))
        if _given(again) >= _given(after):
            kept.append((reading, again, given[0]))
    if not kept or any(
        (_numbers(other), _numbers(still.reading))
        != (_numbers(kept[0][0]), _numbers(kept[0][1].reading))
        for other, still, _ in kept[1:]
    ):
        return None
    reading, again, where = kept[0]
    spilled = diagnostic(
        "table-read-in-blocks",
        f"section {SECTION_NAMES[SECTIONS[names[0]].NUMBER]}: its last {lacking} values are "
        f"printed after the heading of section {SECTION_NAMES[SECTIONS[names[1]].NUMBER]}, "
        "among its table's (a PDF's text flow), and are read as its own",
        where[1],
        where[2],
    )
    return TableRead(first.layout, reading, (*found, spilled)), again


#: A value of a table's rows: the index of its row and its index among the row's values.
_Pick = tuple[int, int]


def _without(rows: Sequence[Row], picked: Sequence[_Pick]) -> tuple[Row, ...]:
    """``rows`` without the values ``picked``."""
    chosen = set(picked)
    touched = {n for n, _ in picked}
    return tuple(
        row._replace(values=tuple(v for at, v in enumerate(row.values) if (n, at) not in chosen))
        if n in touched
        else row
        for n, row in enumerate(rows)
    )


def _picks(
    rows: Sequence[Row], counts: Sequence[int], size: int, template: Template, name: str
) -> Iterator[tuple[list[_Pick], bool]]:
    """The runs of ``size`` printed values of section ``name``'s ``rows`` (``counts`` of
    them a row) that may be another section's last values, and whether each is scattered:
    whole rows (``_runs``) at the table's start or under a header of a column that is not
    ``name``'s (``_under_foreign_head``); or every value under such headers and, where they
    fall short of ``size``, one run of consecutive values more that ends a row's values
    (pdftotext's flow prints a page's blocks in its own order: a column's header may come
    before the next section's values and its own block of values after them, before the
    next label)."""
    printed = [
        [(at, index) for index, value in enumerate(row.values) if value[0]]
        for at, row in enumerate(rows)
    ]
    first_values = next(at for at, count in enumerate(counts) if count)
    for start, stop in _runs(counts, size):
        if start == first_values or _under_foreign_head(rows, start, template, name):
            yield [pick for picks in printed[start:stop] for pick in picks], False
    foreign = [
        pick
        for at, picks in enumerate(printed)
        if picks and _under_foreign_head(rows, at, template, name)
        for pick in picks
    ]
    extra = size - len(foreign)
    if not foreign or extra <= 0:
        return
    flat = [pick for picks in printed for pick in picks]
    for stop in range(extra, len(flat) + 1):
        window = flat[stop - extra : stop]
        ends = stop == len(flat) or flat[stop][0] != window[-1][0]
        if ends and not set(window) & set(foreign):
            yield sorted([*foreign, *window]), True


def _numbers(reading: Reading) -> set[tuple[tuple[int, ...], tuple[str, ...], str | None]]:
    """The cells ``reading`` gives and the texts it gives them, wherever they are printed:
    two runs of zeros read alike give the same numbers."""
    return {
        (cells, tuple(text for text, _, _ in printed), unit)
        for cells, printed, unit in reading.given
    }


def _under_foreign_head(rows: Sequence[Row], at: int, template: Template, name: str) -> bool:
    """Whether row ``at`` of section ``name``'s ``rows`` is under a header of a column that
    is not the section's (``foreign_column``): one of its labels, or its first label with
    those of the rows just before it that print no value put in front (a header cell
    wrapped onto lines of its own: ``社会公`` / ``益组织``)."""
    heads = [text for text, _, _ in rows[at].labels]
    joined = heads[0] if heads else ""
    for row in reversed(rows[:at]):
        if not row.labels or any(value[0] for value in row.values):
            break
        joined = "".join(text for text, _, _ in row.labels) + joined
        heads.append(joined)
    return any(foreign_column(template.name, name, text) for text in heads)


def _runs(counts: Sequence[int], size: int) -> list[tuple[int, int]]:
    """The spans ``start, stop`` of rows whose ``counts`` of values add up to ``size``,
    each starting and ending with a row that prints values."""
    found = []
    for start, count in enumerate(counts):
        if not count:
            continue
        total = 0
        for stop in range(start, len(counts)):
            total += counts[stop]
            if total >= size:
                if total == size:
                    found.append((start, stop + 1))
                break
    return found


def _doubted_ahead(template: Template, first: Reading, again: Reading) -> frozenset[str]:
    """The cells whose values ``again`` (read with the label pieces past the table's last
    value) takes back as a row's before another row's label cut over the lines after them
    (``ahead``: pdfminer prints a tall last row's centred values before its label, so the
    row above reads them by order), unless a rule through one of them holds with ``first``,
    every cell of it printed (the last row is then printed blank, and the values are the
    row's own). ``read_tables`` keeps ``again`` where it gives nothing else, and else takes
    the values back from ``first`` (``_taken_back``): reading the rows again with the
    pieces may change rows far from them, but the doubt about these values stands."""
    before = set(first.findings)
    doubted = frozenset(
        key
        for found in again.findings
        if found not in before and CUT_LABEL_AFTER in found.message
        for key in found.keys
    )
    return doubted if doubted and not vouched(template, first, doubted) else frozenset()


def _units_seen_past(template: Template, first: Reading, again: Reading) -> Reading:
    """``first`` with the amounts closed that ``again`` (read with the label pieces past the
    table's last value) closes as printing no unit while the table prints a money unit
    apart from them (``unit_apart``): a unit on those lines (``集中 个 元`` under ``政府集中采购
    20 223``, pdfplumber's plain text) is printed all the same, whichever reading is kept."""
    before = set(first.findings)
    found = [
        finding
        for finding in again.findings
        if finding not in before and finding.message.endswith(UNIT_NOT_KNOWN)
    ]
    keys = {key for finding in found for key in finding.keys}
    closed = {
        cell for cells, _, _ in first.given for cell in cells if template.fields[cell].key in keys
    }
    said = {template.fields[cell].key for cell in closed}
    return cells_closed(first, closed, [each for each in found if said.intersection(each.keys)])


def _taken_back(template: Template, reading: Reading, doubted: Collection[str]) -> Reading:
    """``reading`` without the rows it gives that hold a cell of ``doubted``
    (``_doubted_ahead``), said."""
    rows = [
        (cells, printed)
        for cells, printed, _ in reading.given
        if any(template.fields[cell].key in doubted for cell in cells)
    ]
    why = f"its values are read by their order alone, and {CUT_LABEL_AFTER} that took no value"
    return rows_taken_back(template, reading, rows, f"{why}: they are left missing")


def _more_blank(first: Reading, again: Reading) -> bool:
    """Whether ``again`` reads what ``first`` reads, and more cells printed blank: a last
    row's label past the table's last value (``四、结转下年度继续`` / ``办理``) is its row
    printed blank where the lines it takes in show it so (``label_lines``)."""
    return (again.given, again.units, again.closed) == (
        first.given,
        first.units,
        first.closed,
    ) and first.blank < again.blank


def _given(table: TableRead) -> int:
    """How many cells ``table``'s reading gives."""
    return sum(len(cells) for cells, _, _ in table.reading.given)


def _unfinished(table: TableRead, template: Template) -> bool:
    """Whether ``table`` was read by the order of its cells and leaves cells not given."""
    return _read_by_order(table) and _given(table) < len(template.sections[table.reading.section])


def _read_by_order(table: TableRead) -> bool:
    """Whether ``table`` was read by the order of its cells (``Layout.by_order``)."""
    return (
        table.layout is not None
        and table.layout in layouts.available()
        and layouts.get(table.layout).by_order
    )


def _one_rhythm(
    skel: Skeleton,
    regions: dict[str, list[range]],
    template: Template,
    forced: layouts.Layout | None,
    rebroken: Collection[str],
) -> tuple[dict[str, Rows | None], bool]:
    """Each section's rows (``None``: it has no table), read in one rhythm of blank lines,
    and whether some table's runs refute every rhythm but one line an empty cell.

    One tool wrote every table of a text one cell a line. Where the runs of blank lines of
    one table leave it one line an empty cell alone, or no rhythm at all (``Positions.exact``
    with no grid: lynx writes a table too wide for its page one line an empty cell, and
    blank lines put in or taken out break any), no table is read in ``s + 1`` lines an empty
    cell (docx2txt's rhythm), which runs that all happen to be odd counts fit: two blank
    cells read as one, and a line put in elsewhere in the same row, would give it its cells
    again, a value a column off that no rule of section 二 or 四 sees."""
    rows: dict[str, Rows | None] = {
        name: _rows(_region(skel, name, spans, template)[0], forced, name in rebroken)
        if spans
        else None
        for name, spans in ((name, regions[name]) for name in SECTIONS)
    }
    alone = any(
        row.positions.exact and not row.positions.cells
        for read in rows.values()
        if read is not None
        for row in read.rows
    )
    if alone:
        rows = {name: read and _in_one_line_a_cell(read) for name, read in rows.items()}
    return rows, alone


def _in_one_line_a_cell(rows: Rows) -> Rows:
    """``rows`` with no grid in a rhythm other than one line an empty cell."""
    return attrs.evolve(
        rows,
        rows=tuple(
            row
            if row.positions.other is None or row.positions.exact
            else row._replace(positions=layouts.Positions(exact=True, other=row.positions.other))
            for row in rows.rows
        ),
    )


def read_table(
    skel: Skeleton,
    name: str,
    spans: list[range],
    template: Template,
    forced: layouts.Layout | None,
    rebroken: bool = False,
    read: Rows | None = None,
) -> TableRead:
    """Section ``name``'s table at ``spans`` of ``skel``, read by ``template`` (in layout
    ``forced``, when given; ``rebroken``: in text whose line breaks were put back, where
    the layout is ``_rebroken``'s; ``read``: its rows, where they were read already). A
    table read by the order of its cells alone may be read another way: such a reading is
    kept where the rules confirm it. A table whose order proves broken (a row with more
    values than cells) and that no other reading is confirmed for is not kept, unless a
    reading by sequence is confirmed without one row (``resolve.confirmed_but_one_row``)."""
    section = SECTIONS[name]
    heading = f"section {SECTION_NAMES[section.NUMBER]}"
    keys = template.section_keys(name)
    if not spans:
        # At the section's heading, where the text has one (a report-level finding else).
        titled = skel.sections.get(section.NUMBER)
        at = titled.heading if titled is not None else None
        missing = diagnostic(
            "table-missing",
            f"{heading} has no table; its cells are missing",
            None if at is None else at + 1,
            None if at is None else 1,
            keys,
        )
        return TableRead(None, Reading(name), (missing,))
    region, capped = _region(skel, name, spans, template)
    rows = read or _rows(region, forced, rebroken)
    found = (*capped, *rows.findings)
    if rows.layout is None:
        return TableRead(None, Reading(name), found)
    table = _by_order(region, name, template, rows, found)
    reading = blank_before_markers(table.reading, rows.rows, skel, template)
    reading = values_ending_pages(reading, skel, template)
    return table if reading is table.reading else attrs.evolve(table, reading=reading)


def _page_numbers_after_words(region: _Region, rows: Rows) -> Rows:
    """Section 二's ``rows`` without the value of a row whose one label is a column's header
    word and whose one value is a bare number on its page's last line, said so. Word's
    footer numbers a page so (``4``), and after a header word whose cell was blank (left
    out) the number would pass for that column's value (``proactive._under_own_header``).
    Pages that agree on their numbers have them dropped before (``skeleton._page_numbers``);
    one page's number proves nothing either way, so the value is not read."""
    lines = region.skel.lines
    dropped = []
    for at, row in enumerate(rows.rows):
        if len(row.labels) != 1 or len(row.values) != 1:
            continue
        label, (text, line, _) = row.labels[0][0], row.values[0]
        if (
            PAGE_NUMBER.fullmatch(text)
            and proactive_column(region.template, label)[0] == "column"
            and ends_page(lines, line - 1)
        ):
            dropped.append((at, row._replace(values=()), f"the header word {label}", "column"))
    return _unread_page_numbers(region, rows, dropped)


def _page_numbers_after_values(region: _Region, rows: Rows) -> Rows:
    """``rows`` without the last value of a row where that value is a bare number alone on
    its page's last line, below the row's other cells and standing off them (``_off``),
    said so: a page footer numbering the page (``4``) right after a row joins it as one
    more value (``行政强制  5 7`` / ``6``: 5, 7, 6 for the three cells, the blank 本年增/减
    given 7; a value a line, ``5`` / ``2`` / blank / ``6``, the third cell given the page's
    number). One page's number proves nothing either way (``_page_numbers_after_words``),
    so it is not read."""
    dropped = []
    for at, row in enumerate(rows.rows):
        if len(row.values) < 2 or not row.labels:
            continue
        text, line, _ = row.values[-1]
        if (
            PAGE_NUMBER.fullmatch(text)
            and _off(row, rows.by_order)
            and all(on < line for _, on, _ in row.values[:-1])
            and all(on < line for _, on, _ in row.labels)
            and ends_page(region.skel.lines, line - 1)
        ):
            kept = row._replace(values=row.values[:-1], loose=False, stacked=False)
            dropped.append((at, kept, f"the row {row.labels[0][0]}", "row"))
    return _unread_page_numbers(region, rows, dropped)


def _off(row: Row, by_order: bool) -> bool:
    """Whether a row's last value stands off its other cells as a footer does: printed as a
    line (values beside its label, or several on a line: ``Row.loose``), below that line;
    or, in text of a value a line (``by_order``), more lines below the value before it than
    any other of the row's values stands below the line before it (its label's, or the
    value before it): the text's rhythm of a cell a line, or a cell and a blank line."""
    printed = [on for _, on, _ in row.labels]
    if not by_order:
        return row.loose or any(on in printed for _, on, _ in row.values[:-1])
    lines = [max(printed), *(on for _, on, _ in row.values)]
    gaps = [below - above for above, below in pairwise(lines)]
    return gaps[-1] > max(gaps[:-1])


def _unread_page_numbers(
    region: _Region, rows: Rows, dropped: Sequence[tuple[int, Row, str, str]]
) -> Rows:
    """``rows`` with each of ``dropped`` (a row's index, the row without its last value,
    what that value followed, and what else it may be: that ``column``'s or ``row``'s
    value) put in place, each dropped value said so."""
    if not dropped:
        return rows
    kept = list(rows.rows)
    notes = []
    for at, row, after, owner in dropped:
        text, line, column = kept[at].values[-1]
        kept[at] = row
        notes.append(
            diagnostic(
                "values-unplaced",
                f"{region.heading}: {text} alone on its page's last line after {after} "
                f"may be the page's number or that {owner}'s value; not read",
                line,
                column,
            )
        )
    return attrs.evolve(rows, rows=tuple(kept), findings=(*rows.findings, *notes))


def _region(
    skel: Skeleton, name: str, spans: list[range], template: Template
) -> tuple[_Region, tuple[Diagnostic, ...]]:
    """Section ``name``'s table region at ``spans`` (capped: ``_capped``), and whether it
    was capped."""
    section = SECTIONS[name]
    heading = f"section {SECTION_NAMES[section.NUMBER]}"
    spans, capped = _capped(spans, heading)
    keys = template.section_keys(name)
    region = _Region(skel, spans, section.width(template.name), heading, keys, name, template.name)
    return region, capped


def _by_order(
    region: _Region, name: str, template: Template, rows: Rows, found: tuple[Diagnostic, ...]
) -> TableRead:
    """Section ``name``'s table read from ``rows``: as they are, or, read by the order of
    their cells alone, another way where the rules confirm it (``read_table``)."""
    section = SECTIONS[name]
    first = section.read(rows.rows, template, not rows.by_order)
    under = orientation.below(rows.rows)
    if under is not None:
        second = section.read(under, template, not rows.by_order)
        if orientation.under_kept(template, first, second):
            rows, first = attrs.evolve(rows, rows=tuple(under)), second
        else:
            first = orientation.agreed(template, first, second)
    if rows.layout == SpaceAligned.name:
        first = between_rows(first, rows.rows, region.skel.lines, template)
    if rows.layout == SpaceAligned.name or rows.by_order:
        first = between_labels(first, rows.rows, region.skel.lines, template)
    if rows.layout == SpaceAligned.name:
        # Columns read across a tall row's lines: PyMuPDF's ``get_text(sort=True)`` spaces
        # each line by its own characters' widths (``行政  778  143`` / ``-6``: -6 printed
        # right of 143, for 778, -6 and 143), and a sign never signed shows them misread.
        first = signs_misplaced(
            first,
            template,
            "its values stand on several lines, and read by their columns a number printed "
            "with a sign falls to a column that is never signed, so their columns are "
            "misread; none is placed",
            apart=True,
        )
    if not rows.by_order:
        return TableRead(rows.layout, first, found)
    # Read by the order of its cells alone, a row's values may be another's (a label
    # printed away from them): only the rules verifying a row whole confirm it.
    first = unplaced(
        first,
        template,
        "in text read by the order of its cells alone, values that "
        "fall short of a row may belong to another, so none is placed",
    )
    first = signs_misplaced(
        first,
        template,
        "in text read by the order of its cells alone, a number printed with a sign falls "
        "to a column that is never signed, so the row's cells are out of order; none is "
        "placed",
    )
    first = order_alone(template, _own_rules_broken(template, first), rows.rows, region.skel.lines)
    if not first.overfull and verifies(template, first):
        return TableRead(rows.layout, first, found)
    others = list(section.alternatives(rows.rows, template, first))
    alternative = confirmed(template, first, others)
    if alternative is None and first.overfull:
        but_one = confirmed_but_one_row(template, first, others)
        alternative = _unless_blocks_differ(
            template, first, but_one, _own_values(rows.rows, name, template), _worded(rows.rows)
        )
        if but_one is not None:  # a rival of the reading by blocks too
            others.append(but_one)
    if alternative is not None:
        alternative = unmoved(template, alternative)
    if alternative is not None and not first.overfull and not agrees(template, first, alternative):
        alternative = None  # no cell more than the order gives: nothing to prefer it for
    if alternative is None:
        alternative = _in_blocks(
            template, first, _own_values(rows.rows, name, template), _worded(rows.rows), others
        )
    if alternative is not None:
        return TableRead(rows.layout, alternative, found)
    if not first.overfull:
        return TableRead(rows.layout, first, found)
    broken = diagnostic(
        "table-order-broken",
        f"{region.heading}: the table's cells are read by their order alone, and a row took "
        "more values than it has columns, so the text gives cells out of order; its values "
        "are kept only if a reading by sequence checks out whole",
        keys=region.keys,
    )
    dropped = Reading(name, closed=frozenset(template.sections[name]), findings=first.findings)
    return TableRead(rows.layout, dropped, (*found, broken))


def _own_rules_broken(template: Template, reading: Reading) -> Reading:
    """``reading`` (of text read by the order of its cells alone) without the rows whose
    values break a rule of their own row (section 三's 总计 not the sum of the applicant
    columns): such a row's values may be a block of another row's or column's (plain
    ``pdftotext`` of a Word PDF prints a column's cells after a row's label). Their cells
    are closed, each row said (``values-unplaced``); a reading by sequence or by blocks may
    still give them where the rules confirm it."""
    rules = section_rule_set(template.name, reading.section).rules
    broken = [
        (cells, printed)
        for cells, printed, _ in reading.given
        if not holds(rules, cells, printed, unknown=True)
    ]
    return rows_taken_back(
        template,
        reading,
        broken,
        "in text read by the order of its cells alone, the row's values break its own "
        "rules, so they may be another row's or column's; none is placed",
    )


def _unless_blocks_differ(
    template: Template,
    first: Reading,
    reading: Reading | None,
    values: Sequence[Printed],
    worded: Collection[int],
) -> Reading | None:
    """``reading`` (read by sequence, one row's printed values in the order the other
    rows' rules give them: ``confirmed_but_one_row``) unless the reading by blocks of the
    same ``values`` (``blocks.by_blocks``) gives one of its cells another value. Bands of
    rows printed column by column, read by sequence, move values between rows and columns
    alike: in a table of zeros where one column's 1s move to the next column in every row
    but one, every rule holds with that row reordered, and the rows read so are wrong; the
    blocks show the text could be read another way, so neither is kept on its own."""
    if reading is None:
        return None
    rival = blocks.by_blocks(template, first.section, values, worded)
    if rival is None:
        return reading
    return None if contested(template, first, rival, (reading,)) else reading


def _in_blocks(
    template: Template,
    first: Reading,
    values: Sequence[Printed],
    worded: Collection[int],
    others: Sequence[Reading],
) -> Reading | None:
    """The reading by blocks of ``values`` (``blocks.by_blocks``) where it gives more cells
    than ``first`` and agrees with every cell ``first`` gives for certain, and no reading by
    sequence of ``others`` that the rules confirm reads one of its cells otherwise
    (``contested``: the section is then read whole or not at all, as by sequence). Among
    ``others``, the reading by sequence with one row's values in the order the rules give
    them (``confirmed_but_one_row``): the rules hold whichever two rows of outcomes swap
    their values, so a reading by bands that does so fits them as well (a row's first cell
    printed last, read by bands as a band's left and right parts)."""
    reading = blocks.by_blocks(template, first.section, values, worded)
    if (
        reading is None
        or not agrees(template, first, reading)
        or contested(template, first, reading, others)
    ):
        return None
    return reading


def _worded(rows: Sequence[Row]) -> frozenset[int]:
    """The lines of ``rows`` that print labels: in a PDF's text flow, a block's lines run on
    with no empty line between, so values with only such lines between them are one block
    (a column of values beside its rows' wrapped labels, ``blocks.by_blocks``)."""
    return frozenset(line for row in rows for _, line, _ in row.labels)


def _own_values(rows: Sequence[Row], name: str, template: Template) -> list[Printed]:
    """The values of ``rows`` in order, but those under a label that heads a column of
    another section's table and none of this one's (``_own_rows``)."""
    return [value for row in _own_rows(rows, name, template) for value in row.values if value[0]]


def _own_rows(rows: Sequence[Row], name: str, template: Template) -> tuple[Row, ...]:
    """``rows`` with no values under a label that heads a column of another section's table
    and none of this one's (pdftotext's flow puts a tall column of section 二 beside the
    start of 三, and 三's last columns among 四's rows)."""
    return tuple(
        row._replace(values=())
        if row.labels
        and all(foreign_column(template.name, name, text) for text, _, _ in row.labels)
        else row
        for row in rows
    )


def _rows(
    region: _Region, forced: layouts.Layout | None, rebroken: bool, alone: bool = False
) -> Rows:
    """A table region's rows (``alone``: in a text whose rhythm of blank lines is one line
    an empty cell alone, ``_one_rhythm``)."""
    rows = _layout_rows(region, forced, rebroken)
    if region.skel.paged:
        if region.name == apart.NAME:
            rows = _page_numbers_after_words(region, rows)
        rows = _page_numbers_after_values(region, rows)
    return _in_one_line_a_cell(rows) if alone else rows


def _layout_rows(region: _Region, forced: layouts.Layout | None, rebroken: bool) -> Rows:
    """``_layout_rows_read``, once per region while ``_read_tables`` reads a text: sections
    are read again with their label tails, spilled values or columns printed apart, and
    each reading reads its own and the later sections' regions again (a Word PDF's text:
    15 reads of 4 regions)."""
    now = _READING.now
    if now is None or now[0] is not region.skel or now[1] is not forced:
        return _layout_rows_read(region, forced, rebroken)
    read = now[2]
    # the heading names the section, and with the template read its keys: not hashed
    key = (tuple(region.spans), region.width, region.heading, rebroken)
    found = read.get(key)
    if found is None:
        found = read[key] = _layout_rows_read(region, forced, rebroken)
    return found


class _Reading(threading.local):
    """What ``_read_tables`` is reading in this thread: the text and forced layout, and the
    rows of each region read so far (``None`` outside it)."""

    now: tuple[Skeleton, layouts.Layout | None, dict[tuple[object, ...], Rows]] | None = None


_READING = _Reading()


def _layout_rows_read(region: _Region, forced: layouts.Layout | None, rebroken: bool) -> Rows:
    """A table region's rows.

    A region no layout recognises whole, whose lines change between grid lines (tabs, pipes,
    bars) and loose ones, is read in those parts, each in its own layout (a PDF extraction's
    Markdown prints some tables as pipes and others as loose lines): named ``a+b``."""
    if rebroken:
        forced = _rebroken(region)
    if forced is not None:
        return Rows(forced.name, forced.by_order, _read(forced, region.skel, region.spans), ())
    strategy, found = _detect(region, region.spans)
    if strategy is not None:
        rows = _read(strategy, region.skel, region.spans)
        return Rows(strategy.name, strategy.by_order, rows, found)
    parts = _grid_parts(region.skel.lines, region.spans)
    if len(parts) < 2:
        return Rows(None, False, (), found)
    names: list[str] = []
    read: list[Row] = []
    unread: list[Diagnostic] = []
    for part in parts:
        layout, said = _detect(region, [part])
        if layout is None:
            unread.extend(said)
            continue
        names.append(layout.name)
        read.extend(_read(layout, region.skel, [part]))
    if not names:
        return Rows(None, False, (), found)
    return Rows("+".join(dict.fromkeys(names)), False, tuple(read), tuple(unread))


#: A value run into the label before it: digits right after a Chinese character, and no
#: numbering's (``其他3.其他``).
_GLUED = re.compile(r"[\u4e00-\u9fff]\d+(?![\d.、])")


def _rebroken(region: _Region) -> layouts.Layout:
    """The layout of a table in text whose line breaks were lost and put back
    (``rebreak``), where detecting one on so few lines would be guesswork: its cells ran
    together (web-archive text of a page's table), unless they kept the columns they were
    laid out in (space-aligned text put on one line): every row of values then has a cell
    under each of the table's columns, or prints nothing past its last (a table laid out
    cell by cell: ``Positions.open_end``). A row whose cells ran together with one no-break
    space for each blank cell (BeautifulSoup's ``get_text()`` of a page's ``&nbsp;``) may
    look so too, but its neighbours do not, and values glued to labels
    (``（一）予以公开8``) show cells that ran together. A table whose only value is one
    value shows no column at all: where it stands proves nothing."""
    aligned = layouts.get("space-aligned")
    rows = _read(aligned, region.skel, region.spans)
    valued = [row for row in rows if row.values]
    if (
        valued
        and (len(valued) > 1 or len(valued[0].values) > 1)  # a lone value aligns with nothing
        and all(
            len(row.positions.cells) >= region.width or row.positions.open_end for row in valued
        )
        and not any(_GLUED.search(text) for row in rows for text, _, _ in row.labels)
    ):
        return aligned
    if region.skel.no_breaks:  # blank cells printed ``&nbsp;``: where the text held them
        return RunTogether(region.skel.no_breaks)
    if region.skel.closed:  # each run of blank cells closed to one space
        return RunTogether(closed=True)
    return layouts.get("run-together")


def _read(layout: layouts.Layout, skel: Skeleton, spans: list[range]) -> tuple[Row, ...]:
    """The rows ``layout`` reads in ``spans``; in text of pages (a PDF's, ``\f`` between
    them) read by the order of its cells alone, those whose values' order the text does
    not show only for their own rules to confirm (``cell_per_line.in_blocks``)."""
    blocks = skel.paged and layout.by_order
    parts = _parts(skel, spans)
    if layout.by_page and skel.paged and len(set(parts)) < len(parts):
        return tuple(
            row._replace(part=part) if part else row
            for part, group in groupby(zip(parts, spans, strict=True), key=itemgetter(0))
            for row in _ordered(layout, *_page_lines(skel, [span for _, span in group]), blocks)
        )
    return tuple(
        row._replace(part=part) if part else row
        for span, part in zip(spans, parts, strict=True)
        for row in _ordered(layout, skel.lines[span.start : span.stop], span.start + 1, blocks)
    )


def _page_lines(skel: Skeleton, spans: Sequence[range]) -> tuple[list[str], int]:
    """The lines of ``spans`` (one page's parts, in order) as one run, the lines between
    them (page furniture) blank, and the run's first line."""
    start, stop = spans[0].start, spans[-1].stop
    lines = [""] * (stop - start)
    for span in spans:
        lines[span.start - start : span.stop - start] = skel.lines[span.start : span.stop]
    return lines, start + 1


def _parts(skel: Skeleton, spans: Sequence[range]) -> list[int]:
    """For each of ``spans``, the line of the last page break (``\\f``) before it, 0 where
    none does (``Row.part``: the page furniture around a break cuts a table's region into
    spans, each laid out on its own page). Two spans of one page, cut apart by a line of
    furniture below its header (a title's year wrapped under a browser's header), are one
    part: the same page's columns."""
    if not skel.paged:
        return [0] * len(spans)
    pages = []
    page = seen = 0
    for span in spans:
        page = next(
            (at + 1 for at in range(span.start - 1, seen - 1, -1) if "\f" in skel.lines[at]),
            page,
        )
        seen = max(seen, span.start)
        pages.append(page)
    return pages


def _ordered(
    layout: layouts.Layout, lines: Sequence[str], first: int, blocks: bool
) -> Iterator[Row]:
    """The rows ``layout`` reads in ``lines`` (the first line ``first``), each made
    ``loose`` where the text's blocks leave its values' order unknown (``blocks``: a PDF's
    text read by order, ``cell_per_line.in_blocks``), or else where a narrow PDF cell wraps
    its label and its values (``cell_per_line.wrapped``)."""
    rows = layout.rows(lines, first)
    return iter(in_blocks(list(rows), lines, first) if blocks else wrapped(list(rows), lines))


def _grid_parts(lines: Sequence[str], spans: list[range]) -> list[range]:
    """``spans`` cut where their lines change between grid lines and loose ones (blank lines
    go with the part they are in)."""
    parts: list[range] = []
    for span in spans:
        start, grid = span.start, None
        for at in span:
            line = lines[at]
            if not line.strip():
                continue
            kind = GRID_MARK.search(line) is not None
            if grid is not None and kind != grid:
                parts.append(range(start, at))
                start = at
            grid = kind
        parts.append(range(start, span.stop))
    return parts


def _capped(spans: list[range], heading: str) -> tuple[list[range], tuple[Diagnostic, ...]]:
    """The first ``MAX_TABLE_LINES`` lines of a section's table regions."""
    kept: list[range] = []
    room = MAX_TABLE_LINES
    for span in spans:
        if len(span) > room:
            cut = diagnostic(
                "table-too-large",
                f"{heading}: its table runs past {MAX_TABLE_LINES:,} lines; the lines from "
                "here on are not read",
                span.start + room + 1,
                1,
            )
            if room:
                kept.append(range(span.start, span.start + room))
            return kept, (cut,)
        kept.append(span)
        room -= len(span)
    return kept, ()


def _detect(
    region: _Region, spans: list[range]
) -> tuple[layouts.Layout | None, tuple[Diagnostic, ...]]:
    """The layout of the lines of ``spans`` (the region's or a part of it), by ranked
    confidence, and any doubt about it."""
    detection = layouts.detect(region.skel.spanned(spans, layouts.SNIFF_LINES), region.width)
    where = spans[0].start + 1
    if detection.layout is None:
        unknown = diagnostic(
            "layout-unknown",
            f"{region.heading}: no registered layout recognises this table",
            where,
            1,
            region.keys,
        )
        return None, (unknown,)
    if not detection.ambiguous:
        return detection.layout, ()
    ambiguous = diagnostic(
        "layout-ambiguous",
        f"{region.heading}: read as {detection.layout.name} ({detection.confidence:.2f}), "
        f"but {detection.runner_up} fits almost as well "
        f"({detection.runner_up_confidence:.2f})",
        where,
        1,
    )
    return detection.layout, (ambiguous,)
