"""Section 二, 主动公开政府信息情况: rows by label, values by position, or by the header when it
names columns of the other template; local sub-rows (行政检查, 行政确认) summed into their
row. The section has no consistency rule, so a row that lost values cannot be placed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from itertools import pairwise
from operator import itemgetter
from typing import NamedTuple

import attrs

from ... import labels
from ...catalogue import TEMPLATES, Template
from ...cells import convert, not_given, unit_kind
from ...diagnostics import diagnostic
from ...escape import width as display_width
from ...fold import fold
from ...memo import Memo
from ...structure import collapsed
from ...structure.layouts import Positions, Printed, Row
from ..matching import foreign_row, matcher, normalise_label, proactive_column
from ..reading import Draft, Reading, Sum, unit_apart
from ..rules import Rule
from . import header_glued
from .ahead import ahead_of_a_cut_label
from .chain import (
    Context,
    Handler,
    Step,
    bare_row,
    duplicate,
    fill_row,
    run,
    table_empty,
    usual_row,
)
from .lifted import relifted
from .merged import covered
from .rows import (
    Taken,
    aligned,
    blanks_unread,
    by_order,
    by_position,
    exact_only,
    glued_into_blank,
    headings,
    heads_unread,
    label_text,
    missing_rows,
    not_placed,
    placed_by_units,
    rewrapped,
    set_aside,
    signs_read,
    splits,
    stacked,
    units_apart,
    wrapped_across_blocks,
    wrapped_among_cells,
)
from .spanned import apart, spanned
from .units_over import units_over

NAME = "proactive"
NUMBER = 2

#: A section 二 header: for each value position, the column key, or ``None`` for a column
#: only the other template has.
Header = tuple[str | None, ...]
#: A row's labels under a template: ``(template, label texts)``, the key of the memos below
#: (what a row's labels say is worked out once per distinct label texts).
Labelled = tuple[str, tuple[str, ...]]


@cache
def width(template: str) -> int:
    """How many values a full row holds (the widest row)."""
    return max(map(len, labels.PROACTIVE_SHAPE[template].values()))


@cache
def _cells(template: str) -> dict[str, int]:
    """How many values each row holds."""
    return {row: len(columns) for row, columns in labels.PROACTIVE_SHAPE[template].items()}


def rules(template: Template) -> Iterator[Rule]:
    """Section 二 has no consistency rule: its rows count different things."""
    return iter(())


def alternatives(rows: Sequence[Row], template: Template, first: Reading) -> Iterable[Reading]:
    """No other reading: without rules, none could be verified."""
    return ()


#: A printed cell's text, and its line.
_TEXT = itemgetter(0)
_LINE = itemgetter(1)


def _texts(row: Row) -> tuple[str, ...]:
    return tuple(map(_TEXT, row.labels))


def read(rows: Iterable[Row], template: Template, by_lines: bool = False) -> Reading:
    """The reading of section 二's rows: each row through ``CHAIN``."""
    name = template.name
    rows = printed = units_over(header_glued.apart(rows, name))
    packed = _packed_header(rows)
    if packed:
        # no value's offset names its column: a row is read in order, or not at all
        rows = [row._replace(positions=Positions()) if row.values else row for row in rows]
    pieces = [label for row in rows for label in row.labels]
    own = matcher(name, NAME)
    rows, lifted = relifted(
        units_apart(
            stacked(
                rewrapped(spanned(rows, own, width(name), alone=_cells(name), packed=packed), own),
                own,
            ),
            own,
        ),
        template,
        lambda row: _named(row, template),
    )
    rows = _under_own_header(rows, name)
    taken = collapsed.take_all(rows, matcher(name, NAME).known)
    named = [_LABELS[name, tuple(map(_TEXT, row.labels))] for row, _ in taken]
    taken, valued = headings(taken, [found.keys for found in named])
    widths = [_width(row, found) for (row, _), found in zip(taken, named, strict=True)]
    # only rows placed by position or laid out in columns can show it (``_jostled``)
    if any(row.positions.cells or row.gaps for row, _ in taken) and _jostled(taken, named, pieces):
        # a line printing no value prints none in any column, wherever the rows start
        taken = [
            (row._replace(positions=Positions()) if row.values else row, r) for row, r in taken
        ]
    signs: dict[int, Printed] = {}
    if any(row.joined for row, _ in taken):
        signed = [_signed(template, found.cells) for found in named]
        taken, signs = signs_read(taken, widths, signed, width(name), alone=True)
    taken = by_position(taken, widths, width(name), alone=True, check=exact_only)
    context = _Context(
        Draft(NAME),
        template,
        "section 二",
        rules,
        valued=valued,
        merged=_merged_grid(taken, named, name),
        table=(taken, named),
    )
    for found in lifted:
        context.draft.find(found)
    table_empty(context, taken, rows)
    doubtful = _wrapped_over_label(context, taken, named)
    doubtful |= _over_pieces(context, taken, named, doubtful)
    doubtful |= _signs_in_doubt(context, taken, named, signs, doubtful)
    # rows of a grid (tabs, pipes, boxes) hold each count in its cell: none wraps over lines
    if not all(row.grid.cells for row, _ in taken if row.values):
        doubtful |= _wrapped_in_a_column(context, pieces, taken, named, doubtful)
    doubtful |= _wrapped_beside_a_blank(context, pieces, taken, named, doubtful)
    run(
        CHAIN,
        context,
        [_step(taken[at], named[at]) for at in range(len(taken)) if at not in doubtful],
    )
    for key, parts in context.subrows.items():
        if key not in context.seen:
            context.seen.add(key)
            _sum_subrows(context.draft, template, key, parts)
        else:
            _under_a_row_read(context.draft, template, key, parts)
    _run_of_its_sub_table(context, [row for row, _ in taken])
    _out_of_row_order(context, taken, named)
    ahead_of_a_cut_label(
        context,
        taken,
        [found.keys for found in named],
        _sub_table_of(name),
        NAME,
        labels.PROACTIVE_ROWS[name],
    )
    _beside_ignored(context)
    _blank_rows(context)
    missing_rows(
        context.draft,
        template,
        NAME,
        labels.PROACTIVE_ROWS[name],
        context.seen,
        (key for found in named for key in found.keys),
        (row for row, _ in taken),
    )
    return unit_apart(context.draft.freeze(), template, lambda first: _units(printed, first))


def _units(rows: Sequence[Row], first: int) -> list[Printed]:
    """The money units the table prints apart from any amount, on the line before line
    ``first`` or after it: a unit alone (``元`` on the line below ``8880000``, PyMuPDF's
    sorted text; on the line above, pdfplumber's: ``集中 个 元`` / ``采购 3 2860000``), or a
    value whose unit is money but which ends a wrapped number (``38519700`` / ``0元``).
    Every money unit holds ``元``: a piece without one is passed over at C speed."""
    return [
        piece
        for row in rows
        for pieces, valued in ((row.labels, False), (row.values, True))
        for piece in pieces
        if "元" in piece[0]
        and piece[1] >= first - 1
        and (
            "".join(fold(piece[0]).split()) in labels.MONEY_UNITS
            or (valued and unit_kind(piece[0]) == "money")
        )
    ]


#: How many spaces the label column's header word (or its piece) stands before the column
#: words a packed header line sets one space apart (``CentredRows``' gap: ``信息内  年 增``).
_LABEL_GAPS = frozenset({1, 2})


def _packed_header(rows: Sequence[Row]) -> bool:
    """Whether a sub-table's header line of ``rows`` (labels alone) packs the next column's
    word one space after a piece of the label column's header word (``信息 采购 采购总金额``,
    ``信息 本年 本年 现行``), or two or more columns' words one space apart, one or two
    spaces after it or a piece of it (``信息内容 制 废 有``, ``信息内  年 增``: words a
    character a line). A tool that lays out columns pads each to its widest cell
    and sets them apart (lynx, inscriptis: two spaces or more; Word's PDF at their x:
    ``信息   项``); ``pdftotext -layout`` of a browser's narrow PDF prints a line's words one
    space apart, and starts each block of values at a column the blocks left of it on the
    page set (docs/layouts.md, "Why a page's offsets name columns only in order"): there a
    value's offset names no column (``集中     1``, 采购项目数量's, under 采购总金额; ``规章 3``,
    本年新公开数量's, pushed against its label; ``规章  35 775``, 35 本年制发件数's under
    本年废止件数's word of another line), only the order of a row's values."""
    for row in rows:
        if row.values or len(row.labels) < 2:
            continue
        (word, line, start), (_, on, after) = row.labels[:2]
        first = after - start - len(word) if on == line else 0
        if first not in _LABEL_GAPS:
            continue
        if first == 1 and any(
            head.startswith(word) and head != word for head in labels.PROACTIVE_HEADER_WORDS
        ):
            return True
        gaps = {
            after - start - len(text) if on == line else 0
            for (text, _, start), (_, on, after) in pairwise(row.labels[1:])
        }
        if gaps == {1} and any(head.startswith(word) for head in labels.PROACTIVE_HEADER_WORDS):
            return True
    return False


def _jostled(taken: Sequence[Taken], named: Sequence[_Labels], pieces: Sequence[Printed]) -> bool:
    """Whether the rows' values start at offsets of their own, not their columns':
    ``pdftotext -layout`` of a PDF in a proportional font starts each line's text where the
    glyphs left of it end, so a row's values sit some characters right (or left) of their
    columns (``其他对外管理`` / ``652`` under ``本年增/减``, its ``上一年项目数量``). Shown
    where the layout placed rows' values in its columns and could place no row of another
    sub-table, one printing fewer values than its cells on one line of a table laid out in
    columns (a page break leaves the rows past it unplaced, those before it placed), or
    where a row printing all its cells on one line prints one under another column's header
    word and not its own, or apart from another such row's value of its column
    (``_under_other_word``; ``pieces``: the labels as printed), or where the values under
    the header words are aligned on them no one way, or a lone value stands under another
    column's word (``_unaligned``). A value under a column is then not known to be that
    column's: no row printing a value is read by position (a line printing none keeps its
    blank cells), and section 二 has no rule to place a row printing fewer values than its
    cells (its cells are missing, ``usual_row``)."""
    blocks: list[list[tuple[Row, _Labels]]] = [[]]
    for (row, _), found in zip(taken, named, strict=True):
        if _header_words(row, found):
            blocks.append([])
        elif row.values and len(found.keys) == 1 and not found.unknown:
            blocks[-1].append((row, found))
    placed = [any(row.positions.cells for row, _ in block) for block in blocks]
    unplaced = any(placed) and any(
        not fits
        and any(
            row.gaps
            and len({line for _, line, _ in row.values}) == 1
            and len(row.values) < len(found.cells)
            for row, found in block
        )
        for block, fits in zip(blocks, placed, strict=True)
    )
    return unplaced or _under_other_word(taken, named, pieces) or _unaligned(taken, named, pieces)


def _header_words(row: Row, found: _Labels) -> bool:
    """Whether ``row`` is a sub-table's header line: words naming no row, on one line, no
    value."""
    return (
        len(row.labels) > 1
        and not found.keys
        and not row.values
        and len({line for _, line, _ in row.labels}) == 1
    )


def _under_other_word(
    taken: Sequence[Taken], named: Sequence[_Labels], pieces: Sequence[Printed]
) -> bool:
    """Whether a row printing all its cells on one line of text laid out in columns prints
    a value under the header word of another column and not under its own's, or apart from
    the value of its column that another such row under the same header words prints (no
    column shared: a column's values overlap, whether left, right or centred), counted in
    characters (as ``pdftotext -layout`` lays a line out) and in display columns (a CJK
    character two wide, as lynx and pandoc do) alike. The header words are those of the
    last header line before it (``_header_words``, its first word ``信息内容`` left out);
    ``pieces``, the labels as printed, set a line's display columns."""
    measures: tuple[_Measure | None, ...] = ()  # worked out at the first row checked
    words: tuple[Printed, ...] = ()
    seen: list[tuple[Printed, ...]] = []
    for (row, _), found in zip(taken, named, strict=True):
        if _header_words(row, found):
            if [(text, at) for text, _, at in row.labels[1:]] != [(t, a) for t, _, a in words]:
                seen = []  # other columns (a sub-table printing the same header keeps them)
            words = row.labels[1:]
            continue
        values = row.values
        if (
            not row.gaps
            or len(found.keys) != 1
            or len(values) != len(found.cells)
            or len({line for _, line, _ in values}) != 1
        ):
            continue
        measures = measures or (None, _wide_before(pieces))
        for at, value in enumerate(values):
            if len(words) == len(values) and all(
                any(_overlap(value, word, measure) for word in words)
                and not _overlap(value, words[at], measure)
                for measure in measures
            ):
                return True
            if any(
                at < len(other)
                and all(not _overlap(value, other[at], measure) for measure in measures)
                for other in seen
            ):
                return True
        seen.append(values)
    return False


#: How far apart (in characters or display columns) the values of one text's columns may
#: start, end or centre on their header words and still be aligned one way: a centred
#: value's half is rounded.
_ALIGNED = 1


def _unaligned(taken: Sequence[Taken], named: Sequence[_Labels], pieces: Sequence[Printed]) -> bool:
    """Whether a row printing fewer values than its cells, placed by position, may stand
    under another column than the one it is read in: text laid out in columns puts every
    value of a column where its header word is, left, right or centred on it, so the values
    the layout placed by its columns under a sub-table's header words (each under one word,
    or a full row's under its own; a row it could not place, as past a page break whose
    columns stand apart, says nothing) stand as far from their words, one way, in the
    measure the text is laid out in (characters or display columns, ``_under_other_word``).
    Where no measure aligns them so, within ``_ALIGNED``, the rows start at offsets of their
    own (``pdftotext -layout`` of a proportional font, ``_jostled``): a lone value under a
    column's word may be the column left of it moved right (``行政处罚  96`` ten characters
    right, under 本年增/减, its 上一年项目数量, where other rows start where their words do
    or five characters right). Where a measure aligns them and puts each under a word, a
    placed value must stand under its column's word, not only under another's, in each
    measure that does (``规章  48`` under 现行有效件数 in characters, under 本年废止件数 in
    display columns, both so: either may be the text's; lynx's values in characters stand
    under no word)."""
    if not any(
        row.gaps and row.positions.cells and len(row.values) < len(found.cells)
        for (row, _), found in zip(taken, named, strict=True)
    ):
        return False
    measures = (None, _wide_before(pieces))
    offsets: tuple[list[tuple[int, int, int]], ...] = tuple([] for _ in measures)
    astray = [False for _ in measures]  # whether a value stands under no word in the measure
    placed: list[tuple[Printed, int, tuple[Printed, ...]]] = []
    words: tuple[Printed, ...] = ()
    for (row, _), found in zip(taken, named, strict=True):
        if _header_words(row, found):
            words = row.labels[1:]
            continue
        values = row.values
        if (
            not words
            or not row.gaps
            or not row.positions.cells
            or len(found.keys) != 1
            or len({line for _, line, _ in values}) != 1
        ):
            continue
        full = len(values) == len(found.cells) == len(words)
        if not full and len(words) == len(found.cells):
            cells = row.positions.cells
            placed.extend((cell, at, words) for at, cell in enumerate(cells) if cell in values)
        for at, value in enumerate(values):
            for k, (measure, found_offsets) in enumerate(zip(measures, offsets, strict=True)):
                under = [word for word in words if _overlap(value, word, measure)]
                astray[k] |= not under
                word = words[at] if full else under[0] if len(under) == 1 else None
                if word is not None:
                    start, end = _span(value, measure)
                    begins, ends = _span(word, measure)
                    found_offsets.append((start - begins, end - ends, start + end - begins - ends))
    aligned = [
        k
        for k, found_offsets in enumerate(offsets)
        if len(found_offsets) < 2
        or any(
            max(way) - min(way) <= _ALIGNED * (2 if at == 2 else 1)
            for at, way in enumerate(zip(*found_offsets, strict=True))
        )
    ]
    if not aligned:
        return True
    return any(
        (beneath := [at for at, word in enumerate(heads) if _overlap(value, word, measures[k])])
        and column not in beneath
        for value, column, heads in placed
        for k in aligned
        if not astray[k]
    )


def _span(cell: Printed, measure: _Measure | None) -> tuple[int, int]:
    """Where ``cell`` starts and ends: in characters (``measure`` None), or in display
    columns by ``measure``."""
    if measure is None:
        return cell[2], cell[2] + len(cell[0])
    start = measure(cell)
    return start, start + display_width(cell[0])


#: Where a printed cell starts in display columns: its character column and the extra
#: width of the CJK characters printed before it on its line.
_Measure = Callable[[Printed], int]


def _wide_before(pieces: Sequence[Printed]) -> _Measure:
    """The display column where a cell starts, from the label ``pieces`` printed before it
    on its line (the values, digits, are one wide)."""
    extra: dict[int, list[tuple[int, int]]] = {}
    for text, line, column in pieces:
        extra.setdefault(line, []).append((column, display_width(text) - len(text)))

    def start(cell: Printed) -> int:
        return cell[2] + sum(w for at, w in extra.get(cell[1], ()) if at < cell[2])

    return start


def _overlap(value: Printed, word: Printed, measure: _Measure | None) -> bool:
    """Whether ``value`` and ``word`` share a column: in characters (``measure`` None, as
    ``pdftotext -layout`` lays them out), or in display columns by ``measure``."""
    if measure is None:
        return value[2] < word[2] + len(word[0]) and word[2] < value[2] + len(value[0])
    start, begins = measure(value), measure(word)
    return start < begins + display_width(word[0]) and begins < start + display_width(value[0])


def _wrapped_over_label(
    context: _Context, taken: Sequence[Taken], named: Sequence[_Labels]
) -> set[int]:
    """The rows around counts wrapped over a row's label, their cells left missing: in text
    laid out in columns, a row whose label's lines print no value, counts on a line of their
    own right above them (the last values of the row or header before it) and the row's
    counts on a line of their own right below, each under one above (``行政处罚`` / ``100`` /
    ``行政强制`` / ``0``). ``pdftotext -layout`` wraps a count too wide for its narrow cell
    over the lines around its row's line, so the lines are the row above's 100 and this
    row's 0, or this row's 1000 with the row above printing nothing, and section 二 has no
    rule to tell them apart; so too where the count's rest ends in its unit (``40`` /
    ``行政强制`` / ``10件``, 4010件 centred on a label of two lines, which the row read
    apart too, ``行政`` a row of its own before it), and where the row prints another
    count beside the rest, under no count above (``10`` / ``行政强制`` / ``1项  00件``).
    Lines apart (lynx's cells, an empty line between) are no wrapped count."""
    doubtful: set[int] = set()
    for at in range(1, len(taken)):
        below = taken[at][0]
        if not below.values or not below.labels or not named[at].cells:
            continue
        head = below.values[0]
        if head[0] and head[1] <= below.labels[-1][1]:
            continue  # its first count is on a line of its label (most rows: at once)
        lines = list(map(_LINE, below.labels))
        last = max(lines)
        printed = [value for value in below.values if value[0]]
        if not printed or printed[0][1] != last + 1 or not _in_a_column(below, printed[:1]):
            continue  # its first count is not on the line right below its label, in a column
        before = at - 1  # past rows of labels alone (a piece of this row's label apart)
        while before and not taken[before][0].values:
            before -= 1
        above, first = taken[before][0], min(lines)
        uppers = [value for value in above.values if value[0] and value[1] == first - 1]
        beneath = [value for value in printed if value[1] == last + 1]
        lowers = [value for value in beneath if any(_under(value, upper) for upper in uppers)]
        if not (
            lowers
            and printed[: len(beneath)] == beneath
            and _counts_apart(above, uppers)
            and _counts_apart(below, beneath, units=True)
            and _in_a_column(below, beneath)
        ):
            continue
        upper = " ".join(text for text, _, _ in uppers)
        lower = " ".join(text for text, _, _ in lowers)
        for index, row, said in ((before, above, uppers[0]), (at, below, lowers[0])):
            found = named[index]
            context.seen.update(found.keys)
            if found.cells and index not in doubtful:
                doubtful.add(index)
                not_placed(
                    context.draft,
                    context.template,
                    found.cells,
                    said,
                    f"section 二: {label_text(row)}: {upper} (line {first - 1}) and {lower} "
                    f"(line {last + 1}), on the lines around {label_text(below)}'s label, may "
                    "be two rows' counts or its counts wrapped",
                )
    return doubtful


def _signed(template: Template, cells: Sequence[int]) -> frozenset[int]:
    """Which of a row's ``cells`` take a sign (本年增/减), by index."""
    return frozenset(at for at, cell in enumerate(cells) if template.fields[cell].kind == "signed")


def _signs_in_doubt(
    context: _Context,
    taken: Sequence[Taken],
    named: Sequence[_Labels],
    signs: dict[int, Printed],
    doubtful: set[int],
) -> set[int]:
    """The rows ``rows.signs_read`` left in doubt (``signs``: each with its lone minus sign
    before a number, which may be the number's sign or a dash cell), their cells missing."""
    for at, (text, line, column) in signs.items():
        found = named[at]
        context.seen.update(found.keys)
        if at not in doubtful:
            not_placed(
                context.draft,
                context.template,
                found.cells,
                (text, line, column),
                f"section 二: {label_text(taken[at][0])}: {text[0]!r} before {text[1:]} (line "
                f"{line}) may be its sign, split off by the text's markup ({text}), or a dash "
                "in a cell of its own (not given); both readings fit the row",
                "sign-or-placeholder",
            )
    return set(signs)


def _wrapped_in_a_column(
    context: _Context,
    pieces: Sequence[Printed],
    taken: Sequence[Taken],
    named: Sequence[_Labels],
    doubtful: set[int],
) -> set[int]:
    """The rows around a count that may be wrapped in its narrow cell, their cells left
    missing: ``pdftotext -layout`` prints a count too wide for its cell over the lines
    around its row's line, its first digits on one line and the rest on the next or the
    one after (``202`` / ``规章  768  172`` / ``6``; ``行政规范性文  200`` / ``402  64`` /
    ``件  0``), and section 二 has no rule to tell the pieces from two rows' counts. Two
    counts one or two lines apart are such pieces where the label pieces printed on the
    lines from the upper to the lower (``pieces``: the labels as the layout gave them,
    before a wrapped label's pieces are joined) are some, and joined one piece of a row's
    label (``_piece_of``): a line that starts another row's label makes them two rows'
    counts (``行政处罚  100`` / ``行政强制  0``); where the lines are next to each other,
    they print counts alone and as many (``_pieces_alone``). Where they start is no test:
    the lines of a proportional font start where the glyphs left of them end
    (``_jostled``), so a piece may start some characters left or right of the other. Only
    in text laid out in columns: both counts right of those label pieces (text one cell a
    line wraps no count). Counts of one row standing in two columns (``spanned.apart``:
    alike labels left of both, three characters or more apart) are no such pieces; two rows'
    lines may each start at offsets of their own (``_jostled``), and say nothing so."""
    name = context.template.name
    counts = sorted(
        (value[1], index, value)
        for index, (row, _) in enumerate(taken)
        for value in row.values
        if value[0].isdigit()
    )
    printed = Counter(value[1] for row, _ in taken for value in row.values if value[0])
    digits = Counter(on for on, _, _ in counts)
    on_line: defaultdict[int, list[Printed]] = defaultdict(list)
    for piece in pieces:
        on_line[piece[1]].append(piece)
    for line_pieces in on_line.values():
        line_pieces.sort(key=itemgetter(2))
    # Each pair of lines with counts one or two apart: where the label pieces on the lines
    # from the upper to the lower end (the rightmost), and the rows they name, joined; None
    # where no count of them can be a piece of another's.
    spans: dict[tuple[int, int], tuple[int, tuple[str, ...]] | None] = {}
    for line in digits:
        for below in (line + 1, line + 2):
            window = [piece for on in range(line, below + 1) for piece in on_line.get(on, ())]
            if (
                below not in digits
                or (below == line + 1 and not _pieces_alone(printed, digits, line))
                or not window
            ):
                continue  # a row's values line under a value of its label's first line
            keys = _PIECE_OF[name, "".join(map(_TEXT, window))]
            if keys:  # else another row's label starts between them
                spans[line, below] = max(start + len(text) for text, _, start in window), keys
    found: set[int] = set()
    if not spans:
        return found
    for at, (line, upper_row, upper) in enumerate(counts):
        for below, lower_row, lower in counts[at + 1 :]:
            if below > line + 2:
                break
            span = spans.get((line, below))
            if (
                span is None
                or span[0] >= min(upper[2], lower[2])
                or (upper_row == lower_row and apart(upper, lower, pieces))
            ):
                continue  # no such lines, not laid out in columns, or two columns' counts
            keys = span[1]
            rows = [
                index
                for index in range(len(taken))
                if index in (upper_row, lower_row) or (len(keys) == 1 and named[index].keys == keys)
            ]
            for index in rows:
                cells = named[index].cells
                if not cells or index in doubtful or index in found:
                    continue
                found.add(index)
                context.seen.update(named[index].keys)
                not_placed(
                    context.draft,
                    context.template,
                    cells,
                    lower if index == lower_row else upper,
                    f"section 二: {label_text(taken[index][0])}: {upper[0]} (line {line}) "
                    f"over {lower[0]} (line {below}) may be one count wrapped in its "
                    "narrow cell or two counts",
                )
    return found


def _wrapped_beside_a_blank(
    context: _Context,
    pieces: Sequence[Printed],
    taken: Sequence[Taken],
    named: Sequence[_Labels],
    doubtful: set[int],
) -> set[int]:
    """The rows of as many values as cells one of which may be the head of a count its
    narrow cell wraps (``rows.wrapped_among_cells``: ``规章`` / ``100`` / ``0件`` / ``10件``,
    1000件; ``rows.wrapped_across_blocks``: ``427`` / ``994`` / ``9``, 9949, with no line
    of ``pieces`` (the label cells as the layout gave them) between), their cells left
    missing: a flow of one cell a line leaves blank cells out with no trace, so a
    wrapped count beside a blank cell prints as many values as cells, and section 二 has no
    rule to tell."""
    found: set[int] = set()
    worded = {line for _, line, _ in pieces}
    for index, ((row, runs), labels_of) in enumerate(zip(taken, named, strict=True)):
        cells = labels_of.cells
        if (
            index in doubtful
            or runs
            or row.loose
            or len(labels_of.keys) != 1
            or len(row.values) != len(cells)
        ):
            continue
        head, why = (
            wrapped_among_cells(row),
            " over the next value, which prints the unit it lacks,",
        )
        if head is None:
            head, why = (
                wrapped_across_blocks(row, worded),
                ", a block of its own above a shorter number,",
            )
        if head is None:
            continue
        found.add(index)
        context.seen.update(labels_of.keys)
        not_placed(
            context.draft,
            context.template,
            cells,
            head,
            f"section 二: {label_text(row)}: {head[0]}{why} may be one count wrapped in its "
            "narrow cell, a blank cell left out; section 二 has no rule to tell",
        )
    return found


def _pieces_alone(printed: Counter[int], digits: Counter[int], line: int) -> bool:
    """Whether lines ``line`` and the next print as many values, each of them a count
    (``printed``: the values printed on each line; ``digits``: the counts): the pieces of
    counts wrapped around a line of no value. A line printing another value (``行政 258`` /
    ``0  5件`` / ``许可 项``: a row's values centred under the first of them) is no such
    line."""
    return (
        printed[line] == digits[line]
        and printed[line + 1] == digits[line + 1]
        and digits[line] == digits[line + 1]
    )


def _piece_of(key: tuple[str, str]) -> tuple[str, ...]:
    """The rows of section 二 (of template ``key[0]``) one of whose labels holds the text
    ``key[1]`` whole (a piece of a label wrapped over lines, or all of it)."""
    template, text = key
    piece = normalise_label(text)
    return tuple(
        row
        for row, aliases in labels.PROACTIVE_ROWS[template].items()
        if any(piece in normalise_label(alias) for alias in aliases)
    )


#: ``_piece_of`` worked out once per template and text (the same windows of pieces recur).
_PIECE_OF: Memo[tuple[str, str], tuple[str, ...]] = Memo(_piece_of, lambda key: len(key[1]))


def _over_pieces(
    context: _Context, taken: Sequence[Taken], named: Sequence[_Labels], doubtful: set[int]
) -> set[int]:
    """The rows whose counts on a line of their own below their label stand over a count's
    digits on the next lines but one, printed by rows of label pieces that name no row
    (``行政处罚``'s ``10`` / ``行政  18`` / ``00`` / ``强制  项`` / ``件``: the layout reads
    行政强制's label as two pieces, each with its values): the count may be the head of
    that row's count, wrapped around its label (1000件), as ``_wrapped_over_label`` finds
    where the row below names one. Its cells are left missing, said; the pieces' row is
    missing already (``row-missing``)."""
    found: set[int] = set()
    for at, (above, _) in enumerate(taken):
        if at in doubtful or not named[at].cells or not above.labels:
            continue
        label_end = max(map(_LINE, above.labels))
        uppers = [value for value in above.values if value[0] and value[1] > label_end]
        if not uppers or not _counts_apart(above, uppers) or not _in_a_column(above, uppers):
            continue
        line = uppers[0][1]
        lower = next(
            (
                value
                for row, _ in taken[at + 1 : at + 3]
                for value in row.values
                if line < value[1] <= line + 2
                and value[0][:1].isdigit()
                and _in_a_column(row, [value])
                and any(_under(value, upper) for upper in uppers)
            ),
            None,
        )
        if lower is None or any(piece.cells for piece in named[at + 1 : at + 3]):
            continue
        found.add(at)
        context.seen.update(named[at].keys)
        upper = " ".join(text for text, _, _ in uppers)
        not_placed(
            context.draft,
            context.template,
            named[at].cells,
            uppers[0],
            f"section 二: {label_text(above)}: {upper} (line {line}) stands over {lower[0]} "
            f"(line {lower[1]}), printed beside pieces of a label that name no row: it may be "
            "that row's count wrapped around its label",
        )
    return found


def _counts_apart(row: Row, values: Sequence[Printed], units: bool = False) -> bool:
    """``values`` (``row``'s, on one line) are counts on a line of their own below ``row``'s
    labels; ``units``: a count may end in its unit (``10件``)."""
    line = values[0][1]
    return (
        bool(row.labels)
        and max(at for _, at, _ in row.labels) < line
        and all(
            text.isdigit() or (units and text[:-1].isdigit() and text[-1:] in labels.COUNT_UNITS)
            for text, _, _ in values
        )
        and not any(at == line for _, at, _ in row.labels)
    )


def _in_a_column(row: Row, values: Sequence[Printed]) -> bool:
    """``values`` start right of where every label of ``row`` ends: laid out in columns (text
    one cell a line starts each at the line's start, and wraps no count)."""
    return all(
        column > start + len(label) for label, _, start in row.labels for _, _, column in values
    )


def _under(lower: Printed, upper: Printed) -> bool:
    """``lower`` starts and ends within a character of ``upper``'s span on the line above."""
    return upper[2] - 1 <= lower[2] and lower[2] + len(lower[0]) <= upper[2] + len(upper[0]) + 1


def _under_own_header(rows: list[Row], template: str) -> list[Row]:
    """``rows`` with a value printed after the header word of its column joined to its row,
    where that row is the only row of its sub-table and prints every other column's value:
    Word's PDF through plain pdftotext gives a narrow sub-table's columns in blocks, each
    header word over its values (``行政事业性收费`` / ``1项`` / ``本年增/减`` / ``0``), so the
    value comes after its row, on a row of its own labelled by the word. The word names
    its column, and the row's other columns are each given: the value can be no other
    cell. The word stays a row of labels (a header). Rows with a money cell are left as
    they are: the unit a header word prints would come after the row's amount."""
    joined = list(rows)
    for at, row in enumerate(rows):
        if len(row.values) != 1 or len(row.labels) != 1:
            continue
        kind, column = proactive_column(template, row.labels[0][0])
        before = next((i for i in range(at - 1, -1, -1) if joined[i].values), None)
        if kind != "column" or before is None or not joined[before].labels:
            continue
        found = _LABELS[template, _texts(joined[before])]
        shape = labels.PROACTIVE_SHAPE[template].get(found.keys[0], ()) if found.keys else ()
        if (
            len(found.keys) != 1
            or found.unknown
            or column not in shape
            or len(joined[before].values) != len(shape) - 1
            or found.keys[0] not in _ALONE_IN_BLOCK[template]
        ):
            continue
        values = list(joined[before].values)
        values.insert(shape.index(column), row.values[0])
        joined[before] = joined[before]._replace(values=tuple(values))
        joined[at] = row._replace(values=())
    return joined


#: The rows that are their sub-table's only row, with two cells or more and no amount of
#: money (2019's 行政事业性收费): a money cell's unit may be printed in a header word after
#: the row.
_ALONE_IN_BLOCK = {
    template: frozenset(
        rows[0]
        for _, columns, rows in blocks
        if len(rows) == 1
        and len(columns) > 1
        and all(
            TEMPLATES[template].fields[cell].kind != "money"
            for cell in TEMPLATES[template].rows[NAME, rows[0]]
        )
    )
    for template, blocks in labels.PROACTIVE_BLOCKS.items()
}


@attrs.define(slots=True, eq=False)
class _Context(Context):
    """What section 二's reading carries from row to row besides the shared: the rows that
    print values under a heading of their own (``valued``), the columns the last header
    names, the last row that may have local sub-rows (``parent``) and its sub-rows; whether
    the header lines since the last row of values name a column twice (python-docx gives a
    merged cell once per grid column it spans), whether a row of values came, and whether
    the table's rows print cells merged over grid columns (``_merged_grid``); the table's
    rows and their labels, for the rare row whose glue only the whole table decides
    (``_glued_beside_blank``)."""

    valued: set[str] = attrs.field(factory=set)
    header: Header | None = None
    parent: str | None = None
    subrows: dict[str, list[Row]] = attrs.field(factory=dict)
    twice: bool = False
    valued_since: bool = False
    #: Whether a row's whole label stood alone since the last row of values: a flow of
    #: labels and then values (plain pdftotext's column blocks, ``行政处罚`` / ``行政强制`` /
    #: ``100`` / ``0``) may give the next row that one's values too, so its extra value is
    #: no wrapped number's rest (``Context.wraps``).
    label_alone: bool = False
    #: The label texts of the rows of labels alone since the last row of values, article
    #: line or header, and what the whole label of a row among them says, joined where a
    #: narrow cell printed it a piece a row (``行政`` / ``处罚``), for the row of values
    #: after them (``_after_label_alone``).
    pieces: list[str] = attrs.field(factory=list)
    after_label: _Labels | None = None
    #: Whether the last row of values of this sub-table (since its article or header), read
    #: by the order of its values, printed fewer than its cells: in a flow of column blocks
    #: (``行政处罚 0`` / ``行政强制 100`` / ``0`` / ``0`` / (empty) / ``100`` / ``0``) its other
    #: values follow the next row's, so that row's extra values, where a block's empty line
    #: parts them (``_in_blocks``), are no wrapped number's rests either.
    short_before: bool = False
    merged: bool = False
    table: tuple[Sequence[Taken], Sequence[_Labels]] = ((), ())
    bare: dict[str, Step] = attrs.field(factory=dict)
    ignored: list[Row] = attrs.field(factory=list)

    def note_bare(self, step: Step) -> None:
        """A row of labels alone: the money unit and the columns it names, if any, noted; one
        template row's whole label, not seen yet and not a heading over its row of values, is
        a row whose cells are all blank, printed blank, not lost, unless values of the
        section are left to no row (``_blank_rows``)."""
        texts = step.texts
        self.twice = (self.twice and not self.valued_since) or len(set(texts)) < len(texts)
        self.valued_since = False
        name = self.template.name
        self.unit = _MONEY_UNITS[name, texts] or self.unit
        header = _HEADERS[name, texts]
        self.header = header or self.header
        if self.short_before:  # a new sub-table's article or header ends it
            articles = _ARTICLES[name]
            self.short_before = header is None and not any(fold(text) in articles for text in texts)
        key = step.keys[0] if _LABELS[name, texts].whole else None
        self.label_alone = self.label_alone or key is not None
        # a header, or a row that shows its blank cells (printed blank, no label apart from
        # its values), ends the labels alone; article lines are cut off where read
        # (``_joined_whole``)
        if not header and not step.row.positions.cells:
            self.pieces += texts
        elif self.pieces:
            self.pieces.clear()
        if key is not None and key not in self.seen and key not in self.valued:
            self.seen.add(key)
            self.bare[key] = step


def _run_of_its_sub_table(context: _Context, rows: Sequence[Row]) -> None:
    """A row of values whose labels are header words or none (``_Context.ignored``) given
    to the one row of its sub-table whose label stands alone (``_Context.bare``): plain
    pdftotext prints a row's label apart from its values (``行政许可`` / ``上一年`` /
    ``项目数量`` / ``本年增/减 处理决定数量`` / ``20`` / ``+17`` / ``37``, or the label after
    the sub-table's rows), while the sub-table's article line (``第二十条第（五）项``) and its
    other rows, each read whole beside its label, stay in place. The values are that row's
    where they are the only such row between the article line and the next, as many as its
    cells, none blank, every other row of the sub-table read whole in that stretch, and the
    first row of values after the article line, its labels (if any) the header's last words,
    naming the sub-table's last columns in order; and only where every such run of the
    section is so read and every other row of the section is read whole (or its label
    stands alone): a column printed apart as a block of its own (Word's flow) would leave
    its sub-table's rows short."""
    if not context.ignored or not context.bare:
        return  # no run of values without a row, or no row without values: nothing to give
    template = context.template
    spans = _sub_tables(rows, template.name)
    given = {
        cell: line
        for cells, printed, _ in context.draft.given
        for cell in cells
        for line in [printed[0][1]]
    }
    valued = [row.line for row in rows if row.values]
    whole = all(
        key in context.bare or all(cell in given for cell in template.rows[NAME, key])
        for key in labels.PROACTIVE_ROWS[template.name]
    )
    found: list[tuple[Row, str]] = []
    for index, (_, shape, block_rows) in enumerate(labels.PROACTIVE_BLOCKS[template.name]):
        if index not in spans:
            continue
        start, end = spans[index]

        def inside(line: int | None, start: int = start, end: int | None = end) -> bool:
            return line is not None and line > start and (end is None or line < end)

        runs = [row for row in context.ignored if inside(row.line)]
        bare = [key for key in block_rows if key in context.bare]
        if len(runs) != 1 or len(bare) != 1:
            continue
        run, key = runs[0], bare[0]
        others = [template.rows[NAME, other] for other in block_rows if other != key]
        if (
            len(run.values) == len(context.bare[key].cells)
            and all(text for text, _, _ in run.values)
            and [proactive_column(template.name, text) for text, _, _ in run.labels]
            == [("column", column) for column in shape[len(shape) - len(run.labels) :]]
            and min(line for line in valued if line > start) == run.line
            and all(inside(given.get(cell)) for cells in others for cell in cells)
            and not _other_columns_named(rows, template.name, shape, context.bare[key], run)
        ):
            found.append((run, key))
    # Every run of values that no label names is its sub-table's: no value is left to no
    # row, and every other row of the section is read whole (or its label stands alone).
    if not found or len(found) != len(context.ignored) or not whole:
        return
    for run, key in found:
        step = context.bare[key]
        context.draft.give(step.cells, run.values, context.unit)
        del context.bare[key]
        context.ignored.remove(run)
        context.draft.find(
            diagnostic(
                "row-by-order",
                f"section 二: {step.label}: its label stands alone, and the one row of values "
                f"of its sub-table that no label names (line {run.line}) is read as its "
                "values: every other row of the sub-table is read whole beside its label",
                run.line,
                run.values[0][2],
                tuple(template.fields[cell].key for cell in step.cells),
            )
        )


def _other_columns_named(
    rows: Sequence[Row], template: str, shape: Sequence[str], bare: Step, run: Row
) -> bool:
    """Whether a row of header words between ``bare``'s label and ``run`` names a column
    of section 二 that its sub-table (of columns ``shape``) does not have: the run is a block
    of another sub-table's column (Word's flow of every label, then every column as a block:
    ``行政事业性收费`` / ``本年制发件数`` / ``本年废止件数`` / ``本年处理决定数量`` / ``1`` /
    ``本年收费金额``, the 1 行政许可's, not 行政事业性收费's)."""
    return any(
        kind == "column" and column not in shape
        for row in rows
        if bare.row.line < row.line < run.line and not row.values
        for text, _, _ in row.labels
        for kind, column in [proactive_column(template, text)]
    )


def _sub_tables(rows: Sequence[Row], template: str) -> dict[int, tuple[int, int | None]]:
    """The lines each sub-table of section 二 spans, by its index in
    ``labels.PROACTIVE_BLOCKS``: from its article line (``第二十条第（五）项``), where printed
    once, to the next article line (``None``: to the section's end)."""
    index_of = _ARTICLES[template]
    articles = [
        (row.line, index_of[folded])
        for row in rows
        for text, _, _ in row.labels
        if (folded := fold(text)) in index_of
    ]
    printed = Counter(index for _, index in articles)
    return {
        index: (line, min((other for other, _ in articles if other > line), default=None))
        for line, index in articles
        if printed[index] == 1
    }


def _out_of_row_order(context: _Context, taken: Sequence[Taken], named: Sequence[_Labels]) -> None:
    """The rows of a sub-table read by the order of their values alone, or by the rhythm of
    their lines (``_by_lines``), left missing where numbers of it went to no row
    (``_Context.ignored``) under header words (not a piece of one of its rows' labels,
    ``行政`` / ``348 0``), before any of its rows' labels or past
    a full row's label while another row is short (``_taken_past``): its cells are
    printed a column at a time, not row by row. pdfminer's boxes put a column's cells
    under its header, before the rows' labels (``上一年项目数量`` / ``0`` / ``0`` /
    ``行政处罚`` / ``行政强制`` / ``6`` / ``0`` / ``594``), or its last column after them
    (``规章 0`` / ``规范性文件`` / ``8`` / ``0`` / ``8`` / ``对外公开总数量`` / ``0`` /
    ``69``), and a row takes another's cells; section 二 has no rule to tell. Values after
    a row's label that stands alone are that row's, printed apart
    (``_run_of_its_sub_table``): no such sign. The first sub-table, whose article line is
    read with the section's heading, is every row before the second's, and only the
    second sign is looked for there (its rows' labels may be read with the header). Or
    where its blank cells print nothing and a full row's values stand a line each after a
    short row (``_blocks_short``)."""
    if not context.ignored and not any(map(_short, (row for row, _ in taken), named)):
        return  # most tables: no number went to no row, no row is short
    template = context.template
    blocks = labels.PROACTIVE_BLOCKS[template.name]
    rows = [row for row, _ in taken]
    spans = _sub_tables(rows, template.name)
    opening = (
        {0: (rows[0].line - 1, spans[1][0])}
        if rows and 0 not in spans and 1 in spans and rows[0].line < spans[1][0]
        else {}
    )
    labelled = [
        (row.line, key) for (row, _), found in zip(taken, named, strict=True) for key in found.keys
    ]
    broken: list[tuple[int, int | None, Row, str]] = []
    for index, (start, end) in (opening | spans).items():
        runs = [
            row
            for row in context.ignored
            if row.line > start
            and (end is None or row.line < end)
            and any(not not_given(text) for text, _, _ in row.values)
            and not any(
                set(_PIECE_OF[template.name, text]) & set(blocks[index][2])
                for text, _, _ in row.labels
            )
        ]
        inside = [
            (row, found)
            for (row, _), found in zip(taken, named, strict=True)
            if start < row.line and (end is None or row.line < end)
        ]
        if runs and (
            index not in opening
            and not any(
                key in blocks[index][2] and start < line < runs[0].line for line, key in labelled
            )
        ):
            broken.append((start, end, runs[0], "go to no row before any row's label"))
        elif runs and _taken_past(inside, runs):
            broken.append(
                (start, end, runs[-1], "go to no row past a full row's label, a row short")
            )
        elif (full := _blocks_short(inside, runs)) is not None:
            broken.append(
                (start, end, full, "stand a line each, a row short and blank cells unprinted")
            )
    by_value = {value: row for row, _ in taken for value in row.values}
    draft = context.draft
    for start, end, first, where in broken:
        out = [
            at
            for at, (_, printed, _) in enumerate(draft.given)
            if printed  # a row given no cell has no line
            and start < printed[0][1]
            and (end is None or printed[0][1] < end)
            and printed[0] in by_value
            and _by_lines(by_value[printed[0]], printed)
        ]
        cells = draft.take_back(out)
        if cells:
            draft.find(
                diagnostic(
                    "table-order-broken",
                    f"section 二: values at line {first.line} {where} in their sub-table, "
                    "which prints its cells a column at a time: its rows read by the order of "
                    "their values are not kept; their cells are missing",
                    first.line,
                    first.values[0][2],
                    tuple(template.fields[cell].key for cell in cells),
                )
            )


def _by_lines(row: Row, printed: Sequence[Printed]) -> bool:
    """Whether ``row`` is read by the order of its values, or, ``printed`` holding a value,
    by a rhythm of lines whose values each stand a blank line or more apart (pdfminer's
    boxes, a blank line after each): in a sub-table printed a column at a time, the lines
    after a row's label are a column's cells either way. A row whose values stand on
    consecutive lines, its blank cells a line of their own (PyMuPDF's flow), keeps its
    reading, and a row read blank is left to ``_blank_rows``."""
    lines = [line for text, line, _ in row.positions.cells if text.strip()]
    return by_order(row) or (
        len(lines) > 1
        and any(text.strip() for text, _, _ in printed)
        and all(below - above > 1 for above, below in pairwise(lines))
    )


def _taken_past(inside: Sequence[tuple[Row, _Labels]], runs: Sequence[Row]) -> bool:
    """Whether, of a sub-table's rows (``inside``, with their labels), one read by the order
    of its values prints fewer numbers than its cells, and one printing all its cells, a
    line or more apart (not a line of cells), has its label before the last of the numbers
    that went to no row (``runs``): those may be the short row's, and the full row's values
    another's."""
    return any(_short(row, found) for row, found in inside) and any(
        _full(row, found)
        and len({line for _, line, _ in row.values}) > 1
        and row.line < runs[-1].line
        for row, found in inside
    )


def _blocks_short(inside: Sequence[tuple[Row, _Labels]], runs: Sequence[Row]) -> Row | None:
    """The row, of a sub-table's rows read by the order of their values (``inside``, with
    their labels), that prints all its cells a line each after a short row (fewer numbers
    than its cells), where the sub-table prints fewer values than its cells (``runs``: those
    that went to no row, too): its blank cells print nothing, and in a table printed a
    column at a time the full row's numbers may be the short row's (pdfminer: ``规章 1`` /
    ``行政规范性文件`` / ``33`` / ``14`` / ``34``, 14 规章's 现行有效件数); ``None`` where
    there is none."""
    cells = sum(len(found.cells) for row, found in inside if _width(row, found) is not None)
    printed = sum(len(row.values) for row in (*(row for row, _ in inside), *runs))
    short = [row.line for row, found in inside if _short(row, found)]
    if not short or printed >= cells:
        return None
    return next(
        (
            row
            for row, found in inside
            if _full(row, found)
            and row.line > short[0]
            and len({line for _, line, _ in row.values}) == len(row.values)
        ),
        None,
    )


def _in_order(row: Row) -> bool:
    """Whether ``row`` is read by the order of its values alone (``rows.by_order``), or by
    positions that are its values and no more: a layout of a cell a line that shows no
    blank cell of the row (pdfminer's boxes of a table printed by column blocks: ``规章
    0`` / ``行政`` / ``规范`` / … / ``0`` / ``0`` / ``0``) tells no more than their order."""
    cells = row.positions.cells
    return not (row.grid.cells or row.runs.cells) and (not cells or cells == row.values)


def _short(row: Row, found: _Labels) -> bool:
    """Whether ``row``, read by the order of its values, prints a number, and fewer values
    (placeholders too) than its cells: the numbers its sub-table left to no row may be its
    own."""
    if not _in_order(row):
        return False
    width = _width(row, found)
    return (
        width is not None
        and len(row.values) < width
        and any(not not_given(text) for text, _, _ in row.values)
    )


def _full(row: Row, found: _Labels) -> bool:
    """Whether ``row``, read by the order of its values, prints as many as its cells."""
    width = _width(row, found)
    return _in_order(row) and width is not None and len(row.values) == width


@cache
def _sub_table_of(template: str) -> dict[str, tuple[str, ...]]:
    """Each row of section 二 and the rows of its sub-table."""
    return {key: rows for _, _, rows in labels.PROACTIVE_BLOCKS[template] for key in rows}


#: Units a count prints (``项``, ``件``, ``元``): alone on a line, no row's label.
_ALONE_UNITS = frozenset((*labels.COUNT_UNITS, *labels.MONEY_UNITS))


def _beside_ignored(context: _Context) -> None:
    """The blank cells of rows given on a line where, or next to one where, a row whose
    label names no row printed values that were ignored (``_Context.ignored``): those values
    may be theirs (a tall row's unit alone under a value, ``行政  0`` / ``处罚 483项  项
    154件``, parts ``154件`` off as the row ``项``; Word's PDF through ``pdftotext -layout``
    centres a tall row's cells, ``14`` on the line above ``规章  6件 6件``, taken with the
    header's last words), so the cells are missing, never claimed blank. A value that a
    value of a row with no label may end (``rows.heads_unread``: ``行政 100 0 100`` /
    ``许可`` / ``0项 件``) is missing too."""
    lines = {
        line + step for row in context.ignored for _, line, _ in row.values for step in (-1, 0, 1)
    }
    if not lines:
        return
    draft = context.draft
    rests = [
        value
        for row in context.ignored
        if not label_text(row) and not row.lifted
        for value in row.values
    ]
    # a unit alone parts its line's rest off as a row of its own (``许可`` / ``项`` / ``6
    # 件``: PyMuPDF's line ``许可  项  6件`` of a tall row, 1276件 wrapped): the rest is the
    # unit's line's
    rests += [
        (text, row.labels[0][1], column)
        for row in context.ignored
        if label_text(row) in _ALONE_UNITS and not row.lifted
        for text, _, column in row.values
    ]
    # a tall row's next line in narrow cells: its label's wrapped piece, units alone beside
    # it, and the rests of its numbers (``行政强  10  0  0`` / ``制  0项  项  件``: 100项)
    rests += [
        value
        for row in context.ignored
        if not row.lifted and _label_piece_line(row, context.template.name)
        for value in row.values
    ]
    for at in range(len(draft.given)):
        heads_unread(
            draft,
            context.template,
            at,
            rests,
            "section 二: a value that may be the head of a number wrapped in its narrow cell, "
            "whose rest went to no row on a line after it: not read as printed",
        )
    for at, (_, printed, _) in enumerate(draft.given):
        beside = [value for value in printed if value[1] in lines]
        if beside:
            blanks_unread(
                draft,
                context.template,
                at,
                beside[0],
                "section 二: a row's blank cells beside values on its line or the next that "
                "went to no row (the row they may belong to): not read as printed blank",
            )
    _blank_in_a_sub_table_of_ignored(context)


def _label_piece_line(row: Row, template: str) -> bool:
    """Whether ``row``'s labels are a later piece of a row label of section 二 that its
    narrow cell wrapped (``制`` of 行政强制, ``件`` of 规范性文件, a unit alone too) and units
    alone beside it."""
    texts = [text for text, _, _ in row.labels]
    pieces = [_label_piece(text, template) for text in texts]
    return any(pieces) and all(
        piece or text in _ALONE_UNITS for text, piece in zip(texts, pieces, strict=True)
    )


def _label_piece(text: str, template: str) -> bool:
    """Whether ``text`` is a later part of a row label of section 二 of ``template``: inside
    one, and no label's start (``行政`` starts a row of its own: 行政许可, 行政处罚 …)."""
    names = [label for names in labels.PROACTIVE_ROWS[template].values() for label in names]
    return any(text in label for label in names) and not any(
        label.startswith(text) for label in names
    )


def _blank_in_a_sub_table_of_ignored(context: _Context) -> None:
    """The cells of rows printed wholly blank in a sub-table where numbers went to no row
    (``_Context.ignored``, under its header's words): those numbers may be the row's, so its
    cells are missing, never claimed blank. pdfminer's boxes of Word's PDF print a column's
    values under its header, before the last row's label, and the row's cells as lines of a
    space after it (``（单位：万元）`` / ``143`` / ``0.44`` / ``政府集中采购`` / `` `` / `` ``)."""
    taken, _ = context.table
    spans = _sub_tables([row for row, _ in taken], context.template.name).values()
    numbers = [value for row in context.ignored for value in row.values if not not_given(value[0])]
    draft = context.draft
    for at, (_, printed, _) in enumerate(draft.given):
        if not printed or not all(not_given(text) for text, _, _ in printed):
            continue
        line = printed[0][1]
        near = [
            value
            for start, end in spans
            if start < line and (end is None or line < end)
            for value in numbers
            if start < value[1] and (end is None or value[1] < end)
        ]
        if near:
            blanks_unread(
                draft,
                context.template,
                at,
                near[0],
                "section 二: a row printed blank in a sub-table whose numbers went to no row "
                "(the row they may belong to): not read as printed blank",
            )


def _blank_rows(context: _Context) -> None:
    """The rows whose whole label stood alone (``_Context.bare``): printed blank where every
    value of the section went to a row; else missing. Text read by the order of its cells
    (pdftotext's plain flow) may print a row's label apart from its values, which then come
    on a row of their own whose labels (header words, a label's pieces, none) name no row,
    and are ignored: such values may be the bare row's, so its cells are not claimed blank."""
    if not context.ignored:
        for step in context.bare.values():
            context.draft.leave_blank(step.cells)
        return
    for step in context.bare.values():
        not_placed(
            context.draft,
            context.template,
            step.cells,
            context.ignored[0].values[0],
            f"section 二: {step.label}: its label stands alone, and values of the section "
            f"are left to no row ({len(context.ignored)} rows of them, first at line "
            f"{context.ignored[0].line}) that may be its: not read as printed blank",
        )


def _merged_grid(taken: Sequence[Taken], named: Sequence[_Labels], template: str) -> bool:
    """Whether a row prints more cells than its template row has: its table's grid has
    columns that merged cells cover (a Word table's spacer column), which its rows print.
    A row of more lines than cells, each blank cell printed (``Positions.whole``), prints
    numbers wrapped in their cells, no more columns."""
    return any(
        len(found.keys) == 1
        and not found.unknown
        and len(row.values) > len(found.cells)
        and not row.positions.whole
        for (row, _), found in zip(taken, named, strict=True)
    )


def _even_grid(taken: Sequence[Taken]) -> int:
    """How many cells every row of a grid prints after its label, where all print as many
    (a document's table, whose rows all span its grid: python-docx gives a merged cell once
    per grid column it spans), else -1. A row that lost a cell to a lost separator prints
    fewer than the others; one as wide as them all lost none."""
    widths = {len(row.grid.cells) for row, _ in taken if row.grid.cells}
    return widths.pop() if len(widths) == 1 else -1


def _column_widths(
    taken: Sequence[Taken], named: Sequence[_Labels], template: Template
) -> dict[str, list[tuple[int, int]]]:
    """For each of section 二's columns (``previous_items``, ``issued``, …), the line and
    the width of each value a row of one template row prints under it, its cells all
    given: how wide the column's values are (``_wider_than_its_column``)."""
    widths: dict[str, list[tuple[int, int]]] = {}
    for (row, runs), found in zip(taken, named, strict=True):
        if len(found.keys) != 1 or found.unknown or runs or len(row.values) != len(found.cells):
            continue
        for cell, (text, line, _) in zip(found.cells, row.values, strict=True):
            if not not_given(text):
                widths.setdefault(_column(template, cell), []).append((line, len(text)))
    return widths


def _marks_empty_cells(taken: Sequence[Taken], named: Sequence[_Labels]) -> bool:
    """Whether section 二 prints what it has nothing for (``0``, ``—``) and leaves at most
    one cell a gap (a blank cell of text laid out in columns, ``""``): a table that marks
    its empty cells leaves none blank for nothing, so its one gap may be where a value was
    lost. A sparse report leaves its zeros blank: many gaps, or no mark."""
    gaps = marked = 0
    for (row, _), found in zip(taken, named, strict=True):
        if len(found.keys) == 1 and not found.unknown:
            for text, _, _ in row.values:
                gaps += text == ""
                marked += text == "0" or (text != "" and not_given(text))
    return marked > 0 and gaps <= 1


def _column(template: Template, cell: int) -> str:
    """The column of ``cell``, as section 二's sub-tables share it (``previous_items``)."""
    return template.fields[cell].key.rpartition(".")[2]


def _step(taken: Taken, named: _Labels) -> Step:
    row, runs = taken
    texts, keys, unknown, label, cells, _ = named
    return Step(row, runs, texts, keys, unknown, label, cells)


def _aligned(context: _Context, step: Step) -> bool:
    """A row of one template row, its labels all known: its values aligned to its cells
    (``rows.aligned``), unless a header names columns of the other template."""
    header = context.header
    if (
        len(step.keys) == 1
        and not step.unknown
        and not step.runs
        and (header is None or None not in header)
    ):
        size = len(step.cells)
        once = header is not None and len(header) == size and not context.twice
        if (header is None or context.merged) and _blank_or_covered(
            step.row, size, header is None, context.merged
        ):
            # left to the merged cells' reading, with every cell of its grid
            step.row = step.row._replace(values=step.row.grid.cells)
            return False
        step.row = aligned(step.row, size, left=True, repeats=not once)
    return False


def _blank_or_covered(row: Row, width: int, headless: bool, merged: bool) -> bool:
    """Whether ``row``'s whole grid prints a blank among its first ``width`` cells and past
    them, under no header (``headless``), only repeats of its last (``0 | | 0 | 0`` for
    three columns), or, in a table whose rows print more cells than columns (``merged``),
    only blanks (``0 | | 0 |``): the surplus cells a merged last cell given once per grid
    column (python-docx) or blank cells of the row's own, the blank among the first a cell
    or a grid column a merged cell covers (markitdown, trafilatura, pandoc). Nothing says
    which, and the readings differ (``0 | | 0 |``: 本年增/减 blank and 处理决定数量 0, or
    本年增/减 0 and 处理决定数量 blank): the merged cells' reading leaves them missing."""
    grid = row.grid.cells
    if len(grid) <= width or row.runs.cells or not row.grid.whole:
        return False
    if all(text for text, _, _ in grid[1:width]) or not any(text for text, _, _ in grid):
        return False  # no blank among its cells to doubt, or no value at all
    last = grid[width - 1][0]
    surplus = [text for text, _, _ in grid[width:]]
    return (headless and bool(last) and all(text == last for text in surplus)) or (
        merged and not any(surplus)
    )


def _parent(context: _Context, step: Step) -> bool:
    """A row of values: noted (a header's repeated names hold until one comes; whether a row's
    label stood alone before it, ``_Context.label_alone``, or the row before it was short,
    ``_Context.short_before``); with an unknown label beside its own, a row that may be
    split into local sub-rows (行政检查, 行政确认) is the parent of the sub-rows that
    follow."""
    context.valued_since = True
    context.wraps = not (context.label_alone or (context.short_before and _in_blocks(step.row)))
    pieces = context.pieces
    if pieces:  # labels alone before the row: whose values these may be
        below = _below_label(step.row)
        context.after_label = _joined_whole(context.template.name, pieces) if below else None
        pieces.clear()
    else:
        context.after_label = None
    printed = len(step.row.values)
    context.label_alone = False
    # the row, one template row read by order, prints fewer values than its cells
    context.short_before = (
        0 < printed < len(step.cells)
        and len(step.keys) == 1
        and not step.unknown
        and not step.runs
        and by_order(step.row)
    )
    if step.unknown and len(step.keys) == 1 and step.keys[0] in labels.PROACTIVE_SPLITTABLE:
        context.parent = step.keys[0]
    return False


def _in_blocks(row: Row) -> bool:
    """Whether ``row``'s values stand on lines some line apart that holds none of its labels
    (an empty line, as a flow of column blocks ends each block with)."""
    labelled = {line for _, line, _ in row.labels}
    lines = sorted({line for _, line, _ in row.values})
    return any(
        below - above > 1 and not labelled.issuperset(range(above + 1, below))
        for above, below in pairwise(lines)
    )


def _below_label(row: Row) -> bool:
    """Whether ``row``, read with no cell boundaries (no grid, no run of values), prints
    its values all on lines below its labels' first, each line's first value where its
    label starts or left of it: on lines of their own, not beside the label's pieces
    (``规范  2`` / ``性文  33``) nor in columns right of it."""
    if row.grid.cells or row.runs.cells or not row.values or not row.labels:
        return False
    first = min(line for _, line, _ in row.labels)
    start = min(column for _, _, column in row.labels)
    firsts: dict[int, int] = {}
    for _, line, column in row.values:
        firsts.setdefault(line, column)
    return min(firsts) > first and max(firsts.values()) <= start


#: The most label pieces a row's label is printed in, a row each (``行政`` / ``事业`` /
#: ``性收`` / ``费``), and one more: a row's labels alone are joined no further back.
_PIECES = 5


def _joined_whole(name: str, pieces: Sequence[str]) -> _Labels | None:
    """What the template row's whole label that some run of the last ``_PIECES`` and one of
    ``pieces`` (labels alone, in order: one, or several joined) is says, if any: the last
    such run's, none before a sub-table's article line (``第二十条第（六）项``)."""
    pieces = pieces[-_PIECES - 1 :]
    articles = _ARTICLES[name]
    after = [at for at, text in enumerate(pieces) if fold(text) in articles]
    pieces = pieces[after[-1] + 1 :] if after else pieces
    for end in range(len(pieces), 0, -1):
        for start in range(end - 1, -1, -1):
            joined = _LABELS[name, ("".join(pieces[start:end]),)]
            if joined.whole:
                return joined
    return None


def _after_label_alone(context: _Context, step: Step) -> bool:
    """A row with no cell boundaries whose values stand below its own label on lines of
    their own (``_below_label``), right after another row's whole label printed alone
    (``_Context.pieces``): a flow of labels and then values
    (pdfminer.six's boxes of a Word PDF, ``行政`` / ``处罚`` / ``行政`` / ``强制`` / ``4085``
    / ``211`` / ``1703``, 4085 行政处罚's) may print the row before's values among its own,
    and section 二 has no rule to tell them apart: its cells are missing, and the row
    before's are not claimed printed blank (``_blank_rows``). Values more than both rows'
    cells leave the row to ``fill_row``: the text's order is broken (``table-order-broken``)."""
    alone = context.after_label
    if alone is None or step.runs or len(step.keys) != 1 or step.unknown or alone.keys == step.keys:
        return False
    values = step.row.values
    if len(values) > len(step.cells) + len(alone.cells) or all(
        not_given(text) for text, _, _ in values
    ):
        return False
    printed = " ".join(text for text, _, _ in values)
    why = f"{printed} printed below {step.label}'s label, right after {alone.label}'s alone"
    not_placed(
        context.draft,
        context.template,
        step.cells,
        values[0],
        f"{step.label}: {why}: in a flow of labels and then values they may be "
        f"{alone.label}'s too, and no rule of the row checks them",
    )
    if context.bare.pop(alone.keys[0], None) is not None:
        not_placed(
            context.draft,
            context.template,
            alone.cells,
            values[0],
            f"section 二: {alone.label}: {why}: they may be its, so it is not read as "
            "printed blank",
        )
    return True


#: Each template's section 二 article lines (``第二十条第（一）项`` …), folded, and the index
#: in ``labels.PROACTIVE_BLOCKS`` of the sub-table each starts.
_ARTICLES = {
    name: {fold(article): index for index, (article, _, _) in enumerate(blocks)}
    for name, blocks in labels.PROACTIVE_BLOCKS.items()
}


def _subrow(context: _Context, step: Step) -> bool:
    """A local sub-row: an unknown label, under a row that may be split; summed later."""
    parent = context.parent
    if step.unknown and step.keys in ((), (parent,)) and parent in labels.PROACTIVE_SPLITTABLE:
        context.subrows.setdefault(parent, []).append(step.row)
        return True
    return False


def _unknown_or_foreign_label(context: _Context, step: Step) -> bool:
    """A row whose labels name no row, several, or something unknown: its values ignored,
    the money unit its labels print noted as a header's (a page's number or footer read
    onto the header's line, ``本年收费金额（单位：元）  - 3 -``, still says the amount is in
    元). A row of one template row is the parent of any local sub-rows that follow."""
    row = step.row
    if len(step.keys) == 1 and not step.unknown:
        context.parent = step.keys[0]  # of any local sub-rows that follow
        return False
    context.unit = _MONEY_UNITS[context.template.name, step.texts] or context.unit
    unknown = [row.labels[i] for i in step.unknown]
    foreign = not step.keys and any(
        foreign_row(context.template.name, NAME, cell[0]) for cell in unknown
    )
    if row.values:
        context.ignored.append(row)
    if row.lifted or (row.values and not row.labels):
        (text, line, column), *_ = row.values
        values = " ".join(value for value, _, _ in row.values)
        context.draft.find(
            diagnostic(
                "values-unplaced",
                f"section 二: {text}, printed on a line of its own between two rows, may be "
                "either row's: not read"
                if row.lifted
                else f"section 二: {values}, printed with no row label, may be any row's: not read",
                line,
                column,
            )
        )
        return True
    context.draft.find(
        diagnostic(
            "foreign-label" if foreign else "unknown-label",
            f"section 二: row {label_text(row)!r} "
            + ("is a row of the other template" if foreign else "matches no template row")
            + "; values ignored",
            row.line,
            row.labels[0][2] if row.labels else 1,
        )
    )
    return True


def _under_header(context: _Context, step: Step) -> bool:
    """A row under a header that names columns: of the other template
    (``_other_templates_header``), or its own, where a row with more values than cells has
    merged cells read by the header (``_merged``)."""
    header = context.header
    if header is None:
        return False
    if None in header:
        return _other_templates_header(context, step, header)
    if not step.runs and len(step.row.values) > len(step.cells):
        merged = _merged(context.draft, context.template, step.keys[0], header, step.row)
        step.row = merged or step.row
    return False


def _other_templates_header(context: _Context, step: Step, header: Header) -> bool:
    """A row under a header that names columns of the other template: the values of the
    columns both share (``_by_header``); a collapsed cell there is not placed."""
    if step.runs:
        not_placed(
            context.draft,
            context.template,
            step.cells,
            step.runs[0],
            f"section 二: {step.label} has a collapsed cell under columns of the other template",
            "collapsed-cell",
        )
        return True
    shared = _by_header(context.draft, context.template, step.keys[0], header, step.row)
    if shared is None:
        return True
    step.row = shared
    return False


def _glued_beside_blank(context: _Context, step: Step) -> bool:
    """A row with one blank cell beside a count that may be two values glued by a lost
    separator (``55698`` for ``55 698``), the blank where one of them stood: in a table
    whose other rows print more cells than their template rows (``merged``: a grid column
    merged cells cover), the count before the blank, as printing just its own count of
    cells the row lost one, unless every row of the grid prints as many cells as it does
    (``_even_grid``: a document's table, each row spanning its grid); in text laid out in
    columns whose table marks its empty cells (``_marks_empty_cells``: the blank is its one
    gap), where a count before or after the blank is wider than every value other rows
    print under its column (``_wider_than_its_column``), each count beside the blank. No
    rule chooses between the readings (``rows.glued_into_blank``): the blank and the counts
    are missing. Elsewhere a count beside the blank is read as printed, the doubt said
    (``glue-possible``): space-aligned text prints a glue and a sparse report's blank
    alike."""
    row = step.row
    if step.runs or row.loose or len(row.values) != len(step.cells):
        return False
    texts = list(map(_TEXT, row.values))
    if texts.count("") != 1:
        return False
    blank = texts.index("")
    beside = [i for i in (blank - 1, blank + 1) if 0 <= i < len(texts) and any(splits(texts[i]))]
    if context.merged and len(row.grid.cells) != _even_grid(context.table[0]):
        glued = [at for at in beside if at < blank]
    elif context.merged:
        glued = []  # as wide as every row of its grid: read as a grid without merged cells
    elif _marks_empty_cells(*context.table) and any(
        _wider_than_its_column(context, step, at) for at in beside
    ):
        glued = beside  # the gap is a lost value's: which count beside it holds it is open
    else:
        glued = []
    rivals = glued_into_blank(row.values, blank, glued)
    if rivals:
        set_aside(
            context.draft, step.cells, row.values, rivals, (step.label, row.line), context.unit
        )
        return True
    if beside:
        text, line, column = row.values[beside[0]]
        context.draft.find(
            diagnostic(
                "glue-possible",
                f"section 二: {step.label}: {text} beside a blank cell could be two values "
                "glued by a lost separator; read as printed",
                line,
                column,
                tuple(context.template.fields[step.cells[i]].key for i in (*beside, blank)),
            )
        )
    return False


def _wider_than_its_column(context: _Context, step: Step, at: int) -> bool:
    """Whether value ``at`` of a row read by its positions on one line (a blank cell a gap
    under its column) is wider than every value the other rows print under its column, and
    some row prints one: two values glued are as wide as both, where a count of the column
    is most often as wide as some other (``46`` over ``12`` and ``5``)."""
    row = step.row
    text, line, _ = row.values[at]
    if not row.positions.cells or any(on != line for _, on, _ in row.values):
        return False
    column = _column(context.template, step.cells[at])
    widths = _column_widths(*context.table, context.template)
    others = [width for on, width in widths.get(column, ()) if on != line]
    return bool(others) and len(text) > max(others)


def _by_units(context: _Context, step: Step) -> bool:
    """A row whose values were gathered from lines in an order that need not be its
    columns' (``Row.loose``; a unit wrapped onto a line of its own, ``rows.units_apart``),
    where each value's unit names the one cell of its kind (政府集中采购 ``2个`` its
    采购项目数量, ``0元`` its 采购总金额): placed so, whatever their order. A cell no value
    names is missing: nothing shows it printed blank, its value may stand on a line read
    with another row. Else the row is left to ``fill_row`` (its own rules, if any), as is
    a row of one value that stands under another value (``Row.stacked``: its rest, maybe,
    ``27`` / ``行政`` / ``68件``): no order to find, the value itself in doubt."""
    row = step.row
    if not row.loose or step.runs or not row.values or (row.stacked and len(row.values) < 2):
        return False
    placed = placed_by_units(context.template, step.cells, row.values)
    if placed is None:
        return False
    for cell, value in placed.items():
        context.draft.give((cell,), (value,), context.unit)
    left = [cell for cell in step.cells if cell not in placed]
    if left:
        named = "、".join(context.template.fields[cell].column_label for cell in left)
        not_placed(
            context.draft,
            context.template,
            left,
            row.values[0],
            f"section 二: {step.label}: {' '.join(text for text, _, _ in row.values)} placed by "
            f"their units, the order of its lines not being its columns'; no value's unit "
            f"names {named}, which may be printed blank or stand on a line read with another "
            "row",
        )
    return True


#: Section 二's row handlers, in the order they are tried.
CHAIN: tuple[Handler[_Context, Step], ...] = (
    _aligned,
    bare_row,
    _parent,
    _subrow,
    _unknown_or_foreign_label,
    duplicate,
    _under_header,
    _glued_beside_blank,
    _by_units,
    _after_label_alone,
    usual_row,
    fill_row,
)


def _named(row: Row, template: Template) -> str | None:
    """The template row ``row``'s labels name, where they name one and nothing else."""
    found = _LABELS[template.name, _texts(row)]
    return found.keys[0] if len(found.keys) == 1 and not found.unknown else None


def _width(row: Row, named: _Labels) -> int | None:
    """How many cells the row has, where its labels (``named``) name one template row and
    nothing else (a row of labels alone: its label whole, not a piece of a wrapped one)."""
    if len(named.keys) != 1 or named.unknown or not (row.values or named.whole):
        return None
    return len(named.cells)


def _exact(aliases: tuple[str, ...], text: str) -> bool:
    """Whether a label is one of ``aliases`` whole, not a fragment of a split label."""
    return normalise_label(text) in {normalise_label(alias) for alias in aliases}


def _label_chars(labelled: Labelled) -> int:
    return sum(map(len, labelled[1]))


class _Labels(NamedTuple):
    """What a row's labels say, worked out once per distinct label texts: the texts, the
    row keys they name, which labels match nothing, the label for messages, the cells of
    the first row named, and whether the texts are one label, one row's whole label (not a
    fragment of a split one)."""

    texts: tuple[str, ...]
    keys: tuple[str, ...]
    unknown: tuple[int, ...]
    label: str
    cells: tuple[int, ...]
    whole: bool


def _labels(labelled: Labelled) -> _Labels:
    template, texts = labelled
    match = matcher(template, NAME).match
    matches = tuple(match(text) for text in texts)
    keys = tuple(dict.fromkeys(key for kind, key in matches if key and kind == "row"))
    aliases = labels.PROACTIVE_ROWS[template][keys[0]] if keys else ()
    return _Labels(
        texts,
        keys,
        tuple(i for i, (kind, _) in enumerate(matches) if kind == "unknown"),
        aliases[0] if keys else "",
        TEMPLATES[template].rows[NAME, keys[0]] if keys else (),
        len(keys) == 1 and len(texts) == 1 and _exact(aliases, texts[0]),
    )


_LABELS = Memo(_labels, _label_chars)


def _header(labelled: Labelled) -> Header | None:
    """The columns a value-less row names, if it names any."""
    template, texts = labelled
    kinds = [proactive_column(template, text) for text in texts]
    columns = [key if kind == "column" else None for kind, key in kinds if kind != "other"]
    return tuple(columns) if columns else None


_HEADERS = Memo(_header, _label_chars)


def _by_header(draft: Draft, template: Template, key: str, header: Header, row: Row) -> Row | None:
    """A row printed under columns of the other template: the values of the columns this
    template shares, in template order; ``None`` (cells missing) when it has others."""
    shape = labels.PROACTIVE_SHAPE[template.name][key]
    label = labels.PROACTIVE_ROWS[template.name][key][0]
    shared = len(row.values) == len(header) and all(column in header for column in shape)
    kept = [row.values[header.index(column)] for column in shape] if shared else []
    cells = template.rows[NAME, key]
    if not shared:
        draft.close(cells)
    draft.find(
        diagnostic(
            "foreign-label",
            f"section 二: {label} is printed under columns of the other template; "
            + (f"kept {', '.join(shape)}, dropped the rest" if shared else "its cells are missing"),
            row.line,
            row.values[0][2] if row.values else 1,
            tuple(template.fields[i].key for i in cells),
        )
    )
    return row._replace(values=tuple(kept)) if shared else None


def _merged(draft: Draft, template: Template, key: str, header: Header, row: Row) -> Row | None:
    """A row with more cells than columns, under a header naming its columns: cells merged
    over several grid columns, as a Word table or an HTML page shares one grid between
    section 二's sub-tables. ``None`` when the header does not say how.

    Where the header repeats a column's name once per grid column it covers (python-docx
    gives a merged cell once per column), the row's cells go by the header's, and a column
    is read where all its cells agree. Where the header names each column once, the surplus
    cells are the blank ones a merged cell covers (``merged.covered``); a column they leave
    uncertain is missing."""
    shape = labels.PROACTIVE_SHAPE[template.name][key]
    values = row.values
    if tuple(dict.fromkeys(header)) != shape:
        return None
    read = _by_repeated_names(header, shape, values) or _by_covered(header, shape, values)
    if read is None:
        return None
    kept, how = read
    lost = [shape[at] for at, value in enumerate(kept) if value is None]
    # an uncertain column is missing, not the blank cell that stands in for it in the row
    draft.close(
        cell for cell, value in zip(template.rows[NAME, key], kept, strict=True) if value is None
    )
    draft.find(
        diagnostic(
            "merged-cells",
            f"section 二: {labels.PROACTIVE_ROWS[template.name][key][0]}: {len(values)} cells "
            f"for {len(shape)} columns; {how}"
            + (f"; {', '.join(lost)} uncertain, missing" if lost else ""),
            row.line,
            values[0][2],
        )
    )
    return row._replace(values=tuple(value or ("", row.line, values[0][2]) for value in kept))


def _by_repeated_names(
    header: Header, shape: tuple[str, ...], values: tuple[Printed, ...]
) -> tuple[list[Printed | None], str] | None:
    """A merged row's cells by a header that repeats a column's name once per grid column:
    a column read where all its cells agree."""
    if len(header) != len(values) or len(header) <= len(shape):
        return None
    under = [
        [value for value, named in zip(values, header, strict=True) if named == column]
        for column in shape
    ]
    kept = [cells[0] if len({text for text, _, _ in cells}) == 1 else None for cells in under]
    return kept, "its cells go by the header's columns, which repeat a merged cell's name"


def _by_covered(
    header: Header, shape: tuple[str, ...], values: tuple[Printed, ...]
) -> tuple[list[Printed | None], str] | None:
    """A merged row's cells under a header naming each column once: the surplus cells the
    blank ones a merged cell covers (``merged.covered``)."""
    if len(header) != len(shape):
        return None
    found = covered(values, len(shape))
    if found is None:
        return None
    return found, f"{len(values) - len(shape)} blank cell(s) read as covered by merged cells"


def _money_unit(labelled: Labelled) -> str | None:
    """The money unit the amount column's header prints (``采购总金额（单位：万元）``), read
    from the column's label on: a header cell may hold several columns' labels run together
    (text that lost its line breaks: ``信息内容采购项目数量采购总金额（单位：元）``)."""
    template, texts = labelled
    for text in texts:
        compact = "".join(fold(text).split())  # 万 元, as PDF text splits it, is still 万元
        starts = [at for label in _AMOUNT_LABELS[template] if (at := compact.find(label)) >= 0]
        if starts:
            rest = compact[min(starts) :]
            for unit in labels.MONEY_UNITS:
                if unit in rest:
                    return unit
    return None


#: The amount column's labels of each template, folded.
_AMOUNT_LABELS = {
    name: tuple(fold(label) for label in columns["amount"])
    for name, columns in labels.PROACTIVE_COLUMNS.items()
}
_MONEY_UNITS = Memo(_money_unit, _label_chars)


def _under_a_row_read(draft: Draft, template: Template, key: str, parts: list[Row]) -> None:
    """The rows of values taken for local sub-rows of ``key`` (``_subrow``), where ``key``'s
    own values were read: no sub-rows, but perhaps the last pieces of its label wrapped
    over lines with a value of its on them (``其他对  0  0`` / ``外管理`` / ``服务事`` /
    ``项  1项``), so its blank cells are missing, never claimed printed blank."""
    values = [value for part in parts for value in part.values if value[0]]
    if not values:
        return
    cells = set(template.rows[NAME, key])
    for at, (given, _, _) in enumerate(draft.given):
        if given and cells.issuperset(given):
            blanks_unread(
                draft,
                template,
                at,
                values[0],
                f"section 二: {labels.PROACTIVE_ROWS[template.name][key][0]}: a row of values "
                f"under it whose label names no row ({label_text(parts[0]) or 'none'}, line "
                f"{parts[0].line}) may print its cells: not read as printed blank",
            )


def _sum_subrows(draft: Draft, template: Template, key: str, parts: list[Row]) -> None:
    """Each cell of ``key`` as the sum of its local sub-rows' cells, where every sub-row
    prints a value for it."""
    match = matcher(template.name, NAME).match
    names = [
        cell[0].replace("\n", "")
        for part in parts
        for cell in part.labels
        if match(cell[0])[0] == "unknown"
    ]
    rule = "sum of local sub-rows " + ", ".join(names)
    cells = template.rows[NAME, key]
    placed = 0
    for position, cell in enumerate(cells):
        kind = template.fields[cell].kind
        printed = [part.values[position] for part in parts if len(part.values) == len(cells)]
        if len(printed) == len(parts) and all(
            convert(text, kind, None)[0] is not None for text, _, _ in printed
        ):
            draft.sums.append(Sum(cell, tuple(printed), rule))
            placed += 1
    draft.find(
        diagnostic(
            "local-subrow",
            f"section 二: {labels.PROACTIVE_ROWS[template.name][key][0]} is split into local "
            f"sub-rows ({', '.join(names)}); {placed} of {len(cells)} cells are their sums",
            parts[0].line,
            parts[0].labels[0][2] if parts[0].labels else 1,
        )
    )
