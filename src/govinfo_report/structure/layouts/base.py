"""What every layout strategy yields, and the cell helpers tab-based strategies share.

A layout turns the lines of one table region into canonical rows. A printed cell is a plain
tuple ``(text, line, column)`` (``Printed``: 1-based position of its first character), built
once per cell.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache, partial
from itertools import accumulate, compress, count
from operator import add, itemgetter
from typing import Any, ClassVar, NamedTuple, Protocol, runtime_checkable

from ...cells import BLANK, LABEL, NUMBER, PLACEHOLDER, cell_kinds
from ...labels import COUNT_UNITS, MONEY_UNITS
from ...limits import MAX_CELL_CHARS, MAX_CELLS_PER_ROW
from ...memo import Memo

#: A printed cell: its text (stripped), and the 1-based line and column where it starts.
Printed = tuple[str, int, int]


class Runs(NamedTuple):
    """Run-together text (``run_together``), whose cell boundaries and blank cells were
    lost: a row's ``cells`` are printed numbers run together (``3960181``, ``0 1 1 0 2``),
    cut into cells only where the consistency rules allow one way (``collapsed``);
    ``tail``: how many of the last run's last characters may instead be the next row
    label's numbering (``…申请 20000022.申请人``); ``traced``: where the text printed each
    blank cell as one no-break space (a page's ``&nbsp;`` in BeautifulSoup's ``get_text()``),
    the row's one run with the no-break spaces around and inside it, each kept as U+00A0, which
    a section reads as one blank cell where that fits the row (``sections.rows``; a run with
    none: every cell of the row filled);
    ``closed``: the text is read as closing each run of blank cells to one space and
    putting nothing between filled cells (a web archive's), ``traced`` then the run with
    each space a ``collapsed.BLANK_RUN``, and a row that no way reads so shows that the text
    is not so. ``ends``: whether white space stands right before the run (after its label)
    and right after it (or the table's text ends there), where the blank cells that a
    one-line text prints as a space (or as nothing at the table's end) may stand
    (``sections.rows``)."""

    cells: tuple[Printed, ...] = ()
    tail: int = 0
    traced: Printed | None = None
    closed: bool = False
    ends: tuple[bool, bool] = (False, False)


class Grid(NamedTuple):
    """Text with cell boundaries (tabs, pipes, bars): a row's ``cells`` after its last
    label, blank ones included, which a section may read by position
    (``sections.rows.aligned``). ``whole``: the row shows every cell of its table's grid
    (pipes, bars, a document's table; a tab row as wide as its table, where PDF text that
    dropped a cell is narrower), so its last cell is the table's last column. ``spread``:
    a row of labels alone (a header row), every cell of it, blank ones included, each at its
    grid column (python-docx repeats a merged cell once per grid column it covers)."""

    cells: tuple[Printed, ...] = ()
    whole: bool = False
    spread: tuple[Printed, ...] = ()


class Positions(NamedTuple):
    """Text with no cell boundaries, read by position: a row's ``cells`` after its labels,
    its blank cells kept (text ``""``), where the layout tells blank cells apart: lines in
    the rhythm of text of one cell a line (``cell_per_line``), gaps under the columns of
    space-aligned text (``space_aligned``); empty where it cannot. A section reads the row
    by its positions instead of its ``values`` where the positions of every row fit
    (``sections.rows.by_position``).

    ``runs_on``: they may run on past the row's last cell with blank cells that are the
    next row's (``docx2txt`` prints a merged label cell's empty continuation before each
    row it spans), and then a row's last cell, if blank, does not show where the row ends.
    ``cut``: they end where the table's text does, so blank cells at their end may be lost.
    ``unsure``: they are one measure's of two that both fit the table's columns and put the
    row's values in different ones (space-aligned text, in display columns and in
    characters): only rules can tell which, so a section with none does not read them.
    ``open_end``: the row prints all its cells on its line and nothing right of its last
    position, so its cells past them, if it has more, are blank (a table laid out cell by
    cell whose last columns no line names: ``space_aligned.by_cell_index``).
    ``exact``: every blank line is one empty cell (lynx's text of a table one cell a line),
    so a stray one would pass for a cell: the row must hold exactly its template row's cells,
    blank ones included, and one past them refutes the rhythm (``cell_per_line._rhythms``).
    With no ``cells``: the table's runs leave it that rhythm alone, or none, and the text's
    other tables are not read in another either (``tables.table._one_rhythm``).
    ``other``: the same row in the table's other rhythm, read where this one's rows do not
    all fit (``sections.rows.by_position``).
    ``wraps``: labels alone that may begin a label wrapped onto the next line, with no
    cells: no row of blank cells alone, but a line that prints no value
    (``sections.rows.rewrapped`` joins a blank row's label from such lines).
    ``ranks``, with no ``cells``: each value's column among those its page prints values in,
    in order (0 the leftmost), where the page starting at line ``page`` lays out its own
    columns (``space_aligned._page_ranks``): the same rank is one column in every row of
    the page, which the section's rules name (``sections.rows.by_page``). ``counted``: the
    page's ranks and the most a row of it holds, over every row ranked on it, kept on each
    (a row the section rebuilds from its label's lines loses its ranks, not its page's).
    ``spaced``: the indices of the blank ``cells`` printed as a line of spaces (a page's
    ``&nbsp;``): a cell of the row's own, never a merged label's empty continuation, so such
    a last cell shows where the row ends as a value does.
    ``fits``, with no ``cells``: for each value, the columns (of ``columns``, 0 the
    leftmost) it may stand in, where the header's words name the columns but the row's
    values stand off them (``space_aligned._fitted``: a proportional font's centred cells):
    the row's values fill its cells in order, each in one of its columns, and a value
    that two columns fit is placed only where the rules leave it one of them. Section 四's
    one row may have both: the grid of the columns its values found, and the fits of its
    header's (``sections.appeals`` reads the grid where it holds the row's cells).
    ``placed``, with no ``cells``: the column (of ``columns``) each value of one line of a
    tall row stands in, a line that shows no blank cell of its own: the columns it leaves
    blank may hold the row's other lines' values (``space_aligned._split_by_its_label``);
    read only where ``sections.spanned`` joins the row's lines into one.
    ``whole``: more ``cells`` than the row has, every one a printed value, in text whose
    every blank cell is a line of spaces (``sections.rows._wraps_a_count``): no blank cell
    was left out, so its extra cells are counts' pieces, each wrapped in its narrow cell."""

    cells: tuple[Printed, ...] = ()
    runs_on: bool = False
    cut: bool = False
    unsure: bool = False
    open_end: bool = False
    exact: bool = False
    other: Positions | None = None
    wraps: bool = False
    ranks: tuple[int, ...] = ()
    page: int = 0
    counted: tuple[int, int] = (0, 0)
    spaced: frozenset[int] = frozenset()
    fits: tuple[tuple[int, ...], ...] = ()
    columns: int = 0
    placed: tuple[int, ...] = ()
    whole: bool = False


class Row(NamedTuple):
    """A canonical row: its label cells, its value cells (blank text = not given), its line,
    and the hints of its layout's family: ``runs`` (run-together text), ``grid`` (text with
    cell boundaries) or ``positions`` (text with no cell boundaries, read by position),
    empty for the other families.

    Two flags say how far the order of ``values`` is the columns'. ``loose``: they were
    gathered, in reading order, from several lines of loose text, one of which holds more
    than one of them (a tall row of ``pdftotext -layout`` whose cells wrap or centre on
    other lines), so their order need not be the columns'. ``traceless``: the table's text
    is known to leave a blank cell out without a trace (its cells are joined by one fixed
    separator, as a page copied as text with its whitespace closed up is): they are its
    cells in order, and the cells they leave out are blank.

    ``gaps``: the text lays its cells out in columns and shows a blank cell by space alone
    (space-aligned text), so a cell the row's values leave out is blank, or holds a value
    the text put on another line: never known lost, the rules derive it only as 0.

    ``stacked``: of a ``loose`` row's values, one stands under another (a number too wide
    for its narrow cell wraps so, ``4`` / ``6`` for 46): they may be one cell's pieces, so
    only the row's own rules may confirm them as two cells.

    ``joined``: the row with each lone minus sign among its values joined to the number
    right after it (``-`` / ``25``, or ``- 25`` on one line: ``-25``), where the text cannot
    tell a sign that markup split off its number from a dash cell (``-``: not given) before
    the next cell; ``None`` where the row has none. A section reads the one of the two that
    its template's columns and the row's cells allow (``sections.rows.signs_read``).

    ``page``: the line a page break (``\f``) starts the page of the row's first line on,
    0 on the text's first page. ``pdftotext -layout`` lays out each page on its own (the
    next page may start its label column, and its columns, elsewhere), so the positions of
    rows on two pages are not comparable: a number wrapped in its narrow cell over a break
    (``行政  0  269`` / ``\f许可  8`` for 2698) prints its rest under no column of the
    page before.

    ``part``: the line of the last page break before the part of the table's region the row
    was read in, where page furniture (a browser's footer and date lines) around the break
    cut the region (``tables.table._read``), so the layout saw no break and ``page`` is 0; 0
    where no break comes before it. Rows of two parts stand at their own pages' offsets;
    the parts of one page, cut apart by furniture inside it, are one part.

    ``lifted``: a row of no label holding one value that the text printed on a line of its
    own between two rows, under a number whose cell has room for both on one line
    (``space_aligned._lifted_apart``): it may be either row's, and is no rest of a number."""

    labels: tuple[Printed, ...]
    values: tuple[Printed, ...]
    line: int
    loose: bool = False
    traceless: bool = False
    runs: Runs = Runs()
    grid: Grid = Grid()
    positions: Positions = Positions()
    gaps: bool = False
    stacked: bool = False
    joined: Row | None = None
    page: int = 0
    part: int = 0
    lifted: bool = False


#: Each field of ``Row`` by its place.
_ROW_FIELDS = {name: at for at, name in enumerate(Row._fields)}


def _replace_row(row: Row, /, **changes: Any) -> Row:
    """``Row._replace``, at twice the named tuple's speed: its own pops every field's name
    from the changes and checks the length through ``_make``, where the layouts and
    sections change a field or two of thousands of rows a text (issue 46)."""
    items = list(row)
    for name, value in changes.items():
        try:
            items[_ROW_FIELDS[name]] = value
        except KeyError:
            raise ValueError(f"Got unexpected field names: {[name]!r}") from None
    return tuple.__new__(type(row), items)


setattr(Row, "_replace", _replace_row)  # noqa: B010 (a named tuple forbids defining it)


@runtime_checkable
class Layout(Protocol):
    """A layout strategy. Subclass it (to inherit the defaults) and register it in
    ``layouts.BUILTIN`` or the entry-point group ``govinfo_report.layouts``. A layout that
    can also lay tables out as its tool does is a ``Writer`` too (``render`` uses it).

    Attributes:
        name: the registry name, e.g. ``"tab-separated"``.
        table_line: a regular expression that finds a line belonging to this layout's tables
            (``NO_LINE`` for none: a layout whose tables are found another way).
        by_order: its rows come from the order of the cells alone (one cell a line, no
            position): a row's values may be another's, so a reading is kept only where the
            rules confirm it. ``False`` by default.
        by_page: its columns are a page's offsets, and a blank line is no cell: the spans
            of one page that page furniture cuts apart (a title's year wrapped below the
            page's first line) are read as one, the furniture a blank line. ``False`` by
            default.
    """

    name: ClassVar[str]
    table_line: ClassVar[str]
    by_order: ClassVar[bool] = False
    by_page: ClassVar[bool] = False

    def sniff(self, lines: Sequence[str], width: int) -> float:
        """Confidence in [0, 1] that ``lines`` (a table region) are in this layout.

        ``width`` is how many values a full row of this table holds. Builds nothing.
        """
        ...

    def rows(self, lines: Sequence[str], first_line: int) -> Iterator[Row]:
        """The canonical rows of ``lines``, whose first line is line ``first_line``."""
        ...


@runtime_checkable
class Writer(Protocol):
    """What lays a table out as text: a layout that can, or a writer of one's own (the
    tests' writers of other tools' text)."""

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        """The lines of a table given as rows of cell texts (``""``: a blank cell), laid out
        as the layout's source tool lays tables out. Used by ``render``."""
        ...


def split_tabs(line: str, line_number: int) -> list[Printed]:
    """The tab-separated cells of a line, stripped, with their 1-based columns."""
    parts = line.split("\t", MAX_CELLS_PER_ROW)
    if (
        len(line) <= MAX_CELL_CHARS and len(parts) <= MAX_CELLS_PER_ROW and unpadded(parts)
    ):  # the common case, at C speed
        return plain_cells(parts, line_number)
    return [
        (part.strip()[:MAX_CELL_CHARS], line_number, column + len(part) - len(part.lstrip()))
        for part, column in zip(parts, _columns(parts), strict=False)
    ]


def unpadded(parts: list[str]) -> bool:
    """Whether no part has white space at either end (``str.strip`` leaves each as it is):
    each is then its cell's text as it stands, spaces inside it (``1. 属于国家秘密``) kept.
    Checked at C speed, no Python code a part."""
    return list(map(str.strip, parts)) == parts


def plain_cells(parts: list[str], line_number: int) -> list[Printed]:
    """The cells of a line's tab-separated ``parts`` when none needs stripping or cutting.
    A loop: for a row's few parts, making the iterators ``_columns`` chains costs more than
    the loop (about 7,000 instructions a row, issue 46)."""
    cells = []
    column = 1
    for part in parts:
        cells.append((part, line_number, column))
        column += len(part) + 1
    return cells


def _columns(parts: list[str]) -> Iterator[int]:
    """The 1-based column of each tab-separated part: 1 + the lengths of the parts before it
    + the tabs between them."""
    return map(add, accumulate(map(len, parts), initial=1), count())


#: Whitespace other than tabs: a line without any has nothing to strip.
SPACE = re.compile(r"[^\S\t]")


_VALUE_KINDS = NUMBER + PLACEHOLDER

#: Which of a row's cells are taken: a slice for a contiguous run, else a mask for ``compress``.
Selector = slice | tuple[bool, ...]


def make_row(
    cells: Sequence[Printed],
    line: int,
    positional: bool,
    kinds: str | None = None,
    whole: bool = False,
) -> Row | None:
    """Split cells into labels and values; ``None`` for a row with no content, but for a
    ``whole`` row of two or more blank cells on a trusted grid (a row the report left
    blank: its ``grid`` only).

    With ``positional``, blank cells between the first and the last value are kept as
    "not given" values and the row keeps its ``grid`` (the grid is trusted); otherwise blank
    cells are dropped. ``whole``: the row shows every cell of its table (``Grid.whole``).
    ``kinds``: the cells' ``cell_kinds``, when the caller has them.
    """
    if kinds is None:
        kinds = cell_kinds(map(itemgetter(0), cells))
    shape = _SHAPES[positional][kinds]
    if shape is None:
        blank = whole and positional and len(cells) > 1
        return _grid_row((), (), line, tuple(cells), True, ()) if blank else None
    labels, values, grid, spread = shape
    row_cells = tuple(cells)  # copied once: each slice of it is a tuple, no list copied
    # the selectors taken here, not by a function a selector: ``make_row`` runs once a row
    return _grid_row(
        row_cells[labels] if isinstance(labels, slice) else tuple(compress(cells, labels)),
        row_cells[values] if isinstance(values, slice) else tuple(compress(cells, values)),
        line,
        row_cells[grid],
        whole,
        row_cells if spread else (),
    )


#: A row's ``runs`` and ``positions`` when it has none (the field defaults).
_NO_RUNS: Runs = Row._field_defaults["runs"]
_NO_POSITIONS: Positions = Row._field_defaults["positions"]


def _grid_row(
    labels: tuple[Printed, ...],
    values: tuple[Printed, ...],
    line: int,
    cells: tuple[Printed, ...],
    whole: bool,
    spread: tuple[Printed, ...],
) -> Row:
    """``Row(labels, values, line, grid=Grid(cells, whole, spread))`` built as plain tuples,
    without the named tuples' Python constructors and their keyword call: ``make_row``
    builds one a table row (issue 47)."""
    grid = tuple.__new__(Grid, (cells, whole, spread))
    return tuple.__new__(
        Row,
        (
            labels,
            values,
            line,
            False,
            False,
            _NO_RUNS,
            grid,
            _NO_POSITIONS,
            False,
            False,
            None,
            0,
            0,
            False,
        ),
    )


def _shape(kinds: str, positional: bool) -> tuple[Selector, Selector, slice, bool] | None:
    """Which cells of a row of ``kinds`` are its labels, which its values and which its
    grid, and whether its grid is spread whole (a row of labels alone on a trusted grid:
    ``Grid.spread``); see ``make_row``. ``None`` for a row with neither labels nor values."""
    grid = slice(0, 0)
    if positional:
        first = len(kinds) - len(kinds.lstrip(LABEL + BLANK))
        last = len(kinds.rstrip(LABEL + BLANK))
        values = [first <= i < last and kind != LABEL for i, kind in enumerate(kinds)]
        grid = slice(kinds.rfind(LABEL) + 1, None)
    else:
        values = [kind in _VALUE_KINDS for kind in kinds]
    labels = [kind == LABEL for kind in kinds]
    if not any(labels) and not any(values):
        return None
    return _selector(labels), _selector(values), grid, positional and not any(values)


def _selector(mask: list[bool]) -> Selector:
    taken = [i for i, keep in enumerate(mask) if keep]
    if not taken:
        return slice(0, 0)
    if taken[-1] - taken[0] + 1 == len(taken):
        return slice(taken[0], taken[-1] + 1)
    return tuple(mask)


#: A row's shape per string of kinds, for grid (positional) and loose rows: rows of a table
#: repeat a few shapes, so a row costs a dict lookup and two slices.
_SHAPES: dict[bool, Memo[str, tuple[Selector, Selector, slice, bool] | None]] = {
    positional: Memo(partial(_shape, positional=positional), len) for positional in (True, False)
}


#: A table rule: a line of only border characters with a run of three or more (``-----``,
#: ``+---+---+``, ``├───┼───┤``, ``====``); never a value, though ``-`` alone is a dash.
_BORDER_CHARS = "-=+─━═┌┐└┘├┤┬┴┼╋┏┓┗┛┣┫┳┻│┃║|:"
_BORDER_ONLY = re.compile(rf"[{_BORDER_CHARS}\s]+")
_DASH_RUN = re.compile(r"[-=─━═]{3}")


def is_rule(line: str) -> bool:
    """Whether a line is a table rule."""
    return _BORDER_ONLY.fullmatch(line) is not None and _DASH_RUN.search(line) is not None


#: A unit of money or count (``万元`` before ``元``).
_UNIT = "|".join(sorted((*MONEY_UNITS, *COUNT_UNITS), key=len, reverse=True))
#: Spaces within a line, never a tab (a cell border).
_SPACE = r"[^\S\t\n]"
#: A row label's numbering printed apart from its words (``3. 其他``, ``（三） 不予公开``).
_NUMERALS = "一二三四五六七八九十"
_NUMBERING = rf"(?:\d{{1,2}}[.、]|[{_NUMERALS}]{{1,3}}、|[(（][{_NUMERALS}\d]{{1,3}}[)）])"
#: A label that begins with a row's numbering (``3.``, ``二、``, ``（四）``).
NUMBERED = re.compile(_NUMBERING)
#: A space no table lays its columns out with, but a number may hold (a thin, narrow or hair
#: space as a thousands separator; ``fold`` makes an ideographic space between digits a thin
#: one): between two digits it keeps them one word, a number no count takes (``9 487``:
#: invalid), never two cells.
INSIDE_SPACE = "\u2009\u202f\u200a"
#: A word of loose text: a numbering with the label words after it, a number with its unit
#: printed apart (``302500 元``, ``2 笔``), else a run of non-spaces (digits on either side
#: of one ``INSIDE_SPACE`` too). Each starts with a non-space: the lookahead lets a search
#: skip runs of spaces at C speed.
_WORD = re.compile(
    rf"(?=\S)(?:{_NUMBERING}{_SPACE}+(?=[^\W\d_])\S+|[-+]?\d[\d,.]*{_SPACE}+(?:{_UNIT})(?!\S)"
    rf"|\S+(?:(?<=\d)[{INSIDE_SPACE}](?=\d)\S+)*)"
)
#: The ``table_line`` of a layout whose tables no line pattern finds: it matches nothing,
#: and is left out of the union of the layouts' patterns (searched at every position).
NO_LINE = r"(?!)"
#: A tab, pipe or bar: a line of a grid (tab-separated, Markdown, box), not of loose cells.
GRID_MARK = re.compile(r"[\t|│┃║]")
#: A value cell's text in loose (whitespace-separated) text: a number or a dash, ``/``, ``无``.
#: A number may carry its unit (``246900元``, ``12件``), as ``cells`` reads it.
VALUE = rf"(?:[-+]?\d[\d,.]*(?:{_UNIT})?|[/—–-]|无)"
#: The character any ``VALUE`` (and ``VALUE_APART``) starts with: a lookahead on it lets a
#: search skip the other places of a line at C speed.
VALUE_START = r"[-+\d/—–无]"
#: A number with its unit printed apart (``302500 元``, ``2 笔``): one value too. A line of
#: prose can end so (``…申请 12 件``): the layouts take it for a table's value only where
#: a cell of its own is plain (a line of its own, or a column's gap before it).
VALUE_APART = rf"[-+]?\d[\d,.]*{_SPACE}+(?:{_UNIT})"
#: A value among a line's whitespace-separated cells.
VALUE_WORD = re.compile(rf"(?={VALUE_START})(?<!\S)(?:{VALUE_APART}|{VALUE})(?!\S)")


def split_words(line: str, line_number: int) -> list[Printed]:
    """The whitespace-separated cells of a line, with their 1-based columns."""
    return [
        (match.group()[:MAX_CELL_CHARS], line_number, match.start() + 1)
        for match in _WORD.finditer(line, 0)
    ][:MAX_CELLS_PER_ROW]


#: A line's whitespace-separated cells (``split_words``) and their kinds (``cell_kinds``).
Words = tuple[Sequence[Printed], str]
_NO_WORDS: Words = ((), "")


def line_words(lines: Sequence[str], first_line: int) -> list[Words]:
    """Each line's whitespace-separated cells and their kinds: a table region's lines split
    once for every pass over them."""
    words: list[Words] = []
    for number, line in enumerate(lines, first_line):
        parts = line.split(None, 1)
        if len(parts) == 1:  # one word (a cell a line, mostly): what ``split_words`` finds
            text = parts[0][:MAX_CELL_CHARS]
            cell = (text, number, len(line) - len(line.lstrip()) + 1)
            words.append(((cell,), cell_kinds((text,))))
        elif parts:
            cells = split_words(line, number)
            words.append((cells, cell_kinds(map(itemgetter(0), cells))))
        else:
            words.append(_NO_WORDS)
    return _units_apart(words) if any(map(_UNIT_THEN_DIGIT.search, lines)) else words


#: A unit with a digit right after it: numbers run together (``_units_apart``).
_UNIT_THEN_DIGIT = re.compile(rf"\d(?:{_UNIT})[-+]?\d")
#: A number and its unit, and a word of such cells run together, the last one's unit
#: optional.
_CELL = re.compile(rf"[-+]?\d[\d,.]*(?:{_UNIT})?")
_CELLS_RUN = re.compile(rf"(?:[-+]?\d[\d,.]*(?:{_UNIT}))+[-+]?\d[\d,.]*(?:{_UNIT})?")


def _units_apart(words: list[Words]) -> list[Words]:
    """``words`` with each word of numbers run together, each but the last ending in its
    unit (``27件24件``, ``39个20838000``), cut after each unit: PyMuPDF's ``get_text()``
    prints the cells one line of a table row holds as one line, nothing between them, and
    a unit ends a cell (``39个``, then ``20838000`` / ``0元``, 208380000元 wrapped in its
    narrow cell: three values, not 39 and a count run into another)."""
    for at, (cells, _) in enumerate(words):
        if not any(_CELLS_RUN.fullmatch(text) for text, _, _ in cells):
            continue
        apart: list[Printed] = []
        for text, line, column in cells:
            pieces = _CELL.findall(text) if _CELLS_RUN.fullmatch(text) else [text]
            for piece in pieces:
                apart.append((piece, line, column))
                column += len(piece)
        words[at] = (apart, cell_kinds(text for text, _, _ in apart))
    return words


def loose_value_lines(lines: Sequence[str]) -> tuple[str, ...]:
    """The lines of a table region with no grid that hold a value; none when any line shows
    a grid mark (another layout's text)."""
    if any(map(GRID_MARK.search, lines)):
        return ()
    return _valued(tuple(lines))


#: A sub-row's number alone on its line (``1.``), which pdfplumber prints on a baseline of
#: its own above a narrow label's next piece (``属`` / ``1.`` / ``于国``): no value.
_NUMBERING_ALONE = re.compile(r"\s*\d{1,2}[.、．]\s*")


@lru_cache(maxsize=1)
def _valued(lines: tuple[str, ...]) -> tuple[str, ...]:
    """The lines holding a value, kept for the last sample: the two loose layouts sniff
    the same lines, which are searched once. A sub-row's number alone is none, unless the
    lines hold nothing else."""
    valued = tuple(line for line in lines if VALUE_WORD.search(line) and not is_rule(line))
    # where nothing else holds a value (a part of the table cut off by a converter's
    # markdown tables), its numbers alone are what it has, as before
    return tuple(line for line in valued if not _NUMBERING_ALONE.fullmatch(line)) or valued


def word_rows(lines: Sequence[str], first_line: int, words: Sequence[Words]) -> Iterator[Row]:
    """Rows of text whose cells are separated by whitespace or line breaks, with no grid: a
    row is its labels and the values after them, ending where a label follows a value.
    ``words``: the lines' ``line_words``.

    Of the label lines before a row's values only the last belongs to the row (the others
    are headers, group labels or the wrapped ends of other labels) and each of the others
    is yielded as a row of labels alone. Rule lines are skipped; blank cells do not exist.
    """
    labels: list[Printed] = []  # the label cells of the current line run
    values: list[Printed] = []
    start = first_line
    for offset, line in enumerate(lines):
        if not line or line.isspace() or is_rule(line):
            continue
        number = first_line + offset
        cells, kinds = words[offset]
        if LABEL in kinds and labels and not values:
            yield Row(tuple(labels), (), labels[0][1])  # an earlier label line
            labels = []
        for cell, kind in zip(cells, kinds, strict=True):
            if kind == LABEL:
                if values:
                    yield _loose_row(labels, values, start)
                    labels, values = [], []
                if not labels:
                    start = number
                labels.append(cell)
            elif kind != BLANK:
                if not labels and not values:
                    start = number
                values.append(cell)
    if labels or values:
        yield _loose_row(labels, values, start)


def _loose_row(labels: list[Printed], values: list[Printed], start: int) -> Row:
    """A row of loose text; ``loose`` when its values come from several lines, one of which
    holds more than one of them."""
    lines = Counter(line for _, line, _ in values)
    return Row(tuple(labels), tuple(values), start, len(lines) > 1 and max(lines.values()) > 1)


def page_breaks(lines: Sequence[str], first_line: int) -> list[int]:
    """The numbers of ``lines``' lines a page break (``\\f``) starts."""
    return [first_line + at for at, line in enumerate(lines) if "\f" in line]


def paged(rows: Iterable[Row], breaks: Sequence[int]) -> Iterator[Row]:
    """``rows`` each with the page of its first line (``Row.page``: the line of the break
    starting it, of ``breaks``; 0 before the first)."""
    for row in rows:
        first = min((on for _, on, _ in (*row.labels, *row.values)), default=row.line)
        at = bisect_right(breaks, min(first, row.line))
        yield row._replace(page=breaks[at - 1]) if at else row
