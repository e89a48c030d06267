"""The canonical report: the grammar of a report exactly as ``render`` writes it, its parser,
and a reader of its cells.

``grammars/canonical.lark`` holds the report's frame (title, sections, prose, signature,
value cells). The three tables of each template are appended here as rules generated from
``labels`` (the order and shape of their rows, their header rows), with a terminal per
Chinese word, so that no label is spelled twice. ``tab-separated``, the layout ``render``
writes by default, is the canonical one; each other layout whose tables ``render`` writes
in a fixed shape has its grammar too (``LAYOUTS``).

Example:
    >>> cells = read(render(report))  # doctest: +SKIP
    >>> cells["applications.new.total"]  # doctest: +SKIP
    '14'
"""

from __future__ import annotations

import re
import string
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import cache

import attrs
from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedInput
from lark.lexer import PatternStr

from .. import labels
from ..catalogue import TEMPLATES
from ..errors import ParseError, UnknownLayoutError
from ..structure.skeleton import grammar_file
from . import spans
from .render import APPLICATION_HEADER, DATE, REPORT_TITLE, YEAR

GRAMMAR = "canonical.lark"
CANONICAL_LAYOUT = "tab-separated"
#: The rules of the value cells, one per kind of the catalogue.
VALUE_RULES = frozenset({"count", "signed", "money"})


@attrs.frozen
class _Framing:
    """How a layout writes a table's rows, as grammar fragments: before a row's first cell,
    between cells, after its last; whether blank cells are written (else left out, and rows
    of blank cells with them; ``leading``: only those before a row's first text, as merged
    cells' continuations) or rows are padded with them to the table's width; what comes
    before the table and after its first row (given the table's width); the layout's own
    terminals."""

    start: str = ""
    separator: str = r'"\t"'
    end: str = r'"\n"'
    blanks: bool = True
    leading: bool = False
    pad: bool = False
    before: str = ""
    after_first: Callable[[int], str] | None = None
    terminals: tuple[str, ...] = ()


#: The layouts whose tables ``render`` writes in a shape a context-free grammar fixes (each
#: layout's ``write``). ``flattened-header`` is left out: it moves labels and values apart
#: as a broken PDF grid does, a reordering, not a way of joining cells. ``box-grid`` and
#: ``space-aligned`` pad cells to their column's width, which the grammar does not check (any
#: run of spaces).
LAYOUTS: dict[str, _Framing] = {
    "tab-separated": _Framing(),
    "row-per-cell": _Framing(start=r'"\t"', separator=r'"\n\t"', end=r'"\n\n"'),
    "markdown": _Framing(
        start='"| "',
        separator='" | "',
        end=r'" |\n"',
        pad=True,
        after_first=lambda width: '"|' + "---|" * width + r'\n"',
    ),
    "box-grid": _Framing(
        start='"|"',
        separator="_PADDED",
        end="_PADDED_LAST",
        pad=True,
        before="_RULE",
        # A cell's padding and bar; the last one's, then the rule line under the row.
        terminals=(
            r"_PADDED: / +\|/",
            r"_PADDED_LAST: / +\|\n\+(-+\+)+\n/",
            r"_RULE: /\+(-+\+)+\n/",
        ),
    ),
    # Cells padded to their column's width, which the grammar does not check (any run of
    # spaces; a blank cell is more of them), the line's end trimmed.
    "space-aligned": _Framing(
        start="_GAP?", separator="_GAP", blanks=False, terminals=(r"_GAP: / +/",)
    ),
    # docx2txt's: each cell, then an empty line; empty cells only before a row's first text.
    "cell-per-line": _Framing(separator=r'"\n\n"', end=r'"\n\n"', leading=True),
}


@attrs.frozen
class _Slot:
    """A value cell: the catalogue key it holds and the rule of its kind."""

    key: str
    kind: str


Cell = str | _Slot  # a label's text, "" (a blank cell), or a value


@attrs.frozen
class _Row:
    """A row of cells; with a name, a rule of its own, else written into its group's rule
    (header rows: LALR must not reduce before the header tells the templates apart)."""

    name: str | None
    cells: tuple[Cell, ...]


@attrs.frozen
class _Group:
    """A rule of consecutive rows and groups: a table, a sub-table, a group of rows."""

    name: str
    parts: tuple[_Row | _Group, ...]


@attrs.frozen
class Grammar:
    """A layout's canonical grammar: its text, and the catalogue keys of each row rule's
    value cells, in order."""

    text: str
    rows: dict[str, tuple[str, ...]]


class _Words:
    """The terminals of the Chinese words, a name per distinct text: the name of its key, or
    what the names of the keys that share it have in common (``总计``, the total column of
    sections 三 and 四, is ``TOTAL``); a name two texts want goes to the first, the other's
    gets its template's year."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}  # text -> terminal name

    def add(self, name: str, text: str, template: str = "") -> None:
        name = re.sub(r"[^A-Z0-9]+", "_", name.upper())
        known = self.names.get(text)
        if known is None:
            taken = name in self.names.values()
            self.names[text] = f"{name}_{template}" if taken else name
        elif known != name:
            ours, theirs = known.split("_"), name.split("_")
            shared: list[str] = []
            while ours and theirs and ours[-1] == theirs[-1]:
                shared.insert(0, ours.pop())
                theirs.pop()
            if shared and "_".join(shared) not in self.names.values():
                self.names[text] = "_".join(shared)

    def __getitem__(self, text: str) -> str:
        return self.names[text]

    def definitions(self) -> Iterator[str]:
        for text, name in self.names.items():
            yield f"{name}: {_literal(text)}"


def _literal(text: str) -> str:
    """``text`` as a Lark string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _words() -> _Words:
    """Every word of the tables' labels and headers, named after its key."""
    words = _Words()
    for number, title in labels.SECTION_TITLES.items():
        words.add(f"HEADING_{number}", title)
    for template, blocks in labels.PROACTIVE_BLOCKS.items():
        for index, (article, _, _) in enumerate(blocks, 1):
            words.add(f"ARTICLE_{index}", article, template)
    words.add("CONTENT", spans.CONTENT)
    for template, columns in labels.PROACTIVE_COLUMNS.items():
        for key in columns:
            words.add(f"COLUMN_{key}", _column(template, key), template)
    for template, rows in labels.PROACTIVE_ROWS.items():
        for key, (label, *_) in rows.items():
            words.add(f"PROACTIVE_{key}", label, template)
    words.add("NOTE", labels.APPLICATION_NOTE)
    words.add("APPLICANTS", spans.APPLICANTS)
    words.add("ORGANISATIONS", spans.ORGANISATIONS)
    for key, (label, *_) in labels.APPLICANT_COLUMNS.items():
        words.add(f"APPLICANT_{key}", label)
    for template, printed in labels.APPLICATION_PRINTED.items():
        for key, cells in printed.items():
            *groups, own = [cell for cell in cells if cell]
            for group in groups:
                words.add(f"GROUP_{_group(template, group)}", group, template)
            words.add(f"ROW_{key}", own, template)
    for key, (label, *_) in labels.APPEAL_GROUPS.items():
        words.add(f"APPEAL_{key}", label)
    words.add("LITIGATION", spans.LITIGATION)
    for key, (label, *_) in labels.APPEAL_OUTCOMES.items():
        words.add(f"OUTCOME_{key}", label)
    words.add("NOT_GIVEN", spans.NOT_GIVEN)
    return words


def _column(template: str, key: str) -> str:
    """A column header of section 二 as printed: its label, with the unit for money."""
    label = labels.PROACTIVE_COLUMNS[template][key][0]
    return label + (spans.MONEY_UNIT if key in labels.MONEY_COLUMNS else "")


def _group(template: str, printed: str) -> str:
    """The key of the row group whose merged label cell reads ``printed``."""
    return next(
        key for key, (label, *_) in labels.APPLICATION_GROUPS[template].items() if label in printed
    )


# The tables, from labels --------------------------------------------------------------------


def _kind(template: str, key: str) -> str:
    return TEMPLATES[template].fields[TEMPLATES[template].index[key]].kind


def _proactive(template: str) -> _Group:
    """Section 二: per sub-table its article row, header row and rows."""
    blocks: list[_Group] = []
    for index, (article, columns, rows) in enumerate(labels.PROACTIVE_BLOCKS[template], 1):
        parts: list[_Row | _Group] = [
            _Row(None, (article, *[""] * len(columns))),
            _Row(None, (spans.CONTENT, *(_column(template, key) for key in columns))),
        ]
        for row in rows:
            keys = [f"proactive.{row}.{column}" for column in columns]
            label = labels.PROACTIVE_ROWS[template][row][0]
            cells: tuple[Cell, ...] = (label, *(_Slot(k, _kind(template, k)) for k in keys))
            parts.append(_Row(f"proactive_{template}_{row}", cells))
        blocks.append(_Group(f"proactive_{template}_block_{index}", tuple(parts)))
    return _Group(f"proactive_{template}", tuple(blocks))


def _applications(template: str) -> _Group:
    """Section 三: the header rows, then the rows in the groups their merged label cells
    make (the outcomes, and within them 不予公开, 无法提供, …)."""
    rows = [
        _Row(
            f"applications_{template}_{key.replace('.', '_')}",
            (
                *printed,
                *(
                    _Slot(f"applications.{key}.{column}", "count")
                    for column in labels.APPLICANT_COLUMNS
                ),
            ),
        )
        for key, printed in labels.APPLICATION_PRINTED[template].items()
    ]
    header = _Group(
        f"applications_{template}_header",
        tuple(_Row(None, row) for row in APPLICATION_HEADER),
    )
    return _Group(f"applications_{template}", (header, *_nest(template, rows, 0)))


def _nest(template: str, rows: Sequence[_Row], level: int) -> Iterator[_Row | _Group]:
    """``rows`` with those under a merged label cell at ``level`` (printed on the group's
    first row, blank below it) gathered into a group."""
    index = 0
    while index < len(rows):
        cells = rows[index].cells
        label = cells[level]
        deeper = any(isinstance(cell, str) and cell for cell in cells[level + 1 : 3])
        if not (label and deeper):
            yield rows[index]
            index += 1
            continue
        end = index + 1
        while end < len(rows) and not any(rows[end].cells[: level + 1]):
            end += 1
        yield _Group(
            f"applications_{template}_{_group(template, str(label))}",
            tuple(_nest(template, rows[index:end], level + 1)),
        )
        index = end


def _appeals() -> _Group:
    """Section 四: the three header rows, then the row of fifteen values."""
    keys = [
        f"appeals.{group}.{outcome}"
        for group in labels.APPEAL_GROUPS
        for outcome in labels.APPEAL_OUTCOMES
    ]
    header = _Group("appeals_header", tuple(_Row(None, row) for row in labels.APPEAL_HEADER))
    return _Group(
        "appeals", (header, _Row("appeals_values", tuple(_Slot(k, "count") for k in keys)))
    )


# Rules, per layout ----------------------------------------------------------------------------


class _Writer:
    """Writes a table's rules as a layout frames its rows."""

    def __init__(self, framing: _Framing, words: _Words) -> None:
        self.framing = framing
        self.words = words
        self.rules: list[str] = []
        self.rows: dict[str, tuple[str, ...]] = {}
        self.first = True  # the next row is its table's first

    def table(self, table: _Group) -> None:
        width = max(len(row.cells) for row in _rows(table))
        self.first = True
        self._group(table, width)

    def _group(self, group: _Group, width: int) -> str:
        parts = []
        for part in group.parts:
            if isinstance(part, _Group):
                parts.append(self._group(part, width))
                continue
            expansion = self._row(part.cells, width)
            if not expansion:
                continue
            if part.name is None:
                parts.append(expansion)
            else:
                self.rules.append(f"{part.name}: {expansion}")
                self.rows[part.name] = tuple(c.key for c in part.cells if isinstance(c, _Slot))
                parts.append(part.name)
        self.rules.append(f"{group.name}: {' '.join(parts)}")
        return group.name

    def _row(self, cells: Sequence[Cell], width: int) -> str:
        framing = self.framing
        if framing.pad:
            cells = [*cells, *[""] * (width - len(cells))]
        if framing.leading:  # blank cells before the row's first text only
            first = next((at for at, cell in enumerate(cells) if cell), len(cells))
            cells = [*cells[:first], *(cell for cell in cells[first:] if cell)]
        if not framing.blanks:
            cells = [cell for cell in cells if cell]
            if not cells:
                return ""
        parts = [framing.start]
        for index, cell in enumerate(cells):
            if index:
                parts.append(framing.separator)
            parts.append(cell.kind if isinstance(cell, _Slot) else self.words[cell] if cell else "")
        parts.append(framing.end)
        if self.first:
            self.first = False
            after = framing.after_first(width) if framing.after_first else ""
            parts = [framing.before, *parts, after]
        return " ".join(part for part in parts if part)


def _rows(group: _Group) -> Iterator[_Row]:
    for part in group.parts:
        yield from _rows(part) if isinstance(part, _Group) else (part,)


def _pattern(template: str, **fields: str) -> str:
    """A ``str.format`` template as a regular expression: its text escaped, each field
    replaced by its pattern."""
    return "".join(
        re.escape(text) + (fields[name] if name is not None else "")
        for text, name, _, _ in string.Formatter().parse(template)
    )


#: A year of the templates (2019 onward), a month, a day, and the organisation: a line's
#: first character, then anything a line holds.
_YEAR = "20(?:19|[2-9][0-9])"
_MONTH = "(?:1[0-2]|[1-9])"
_DAY = "(?:3[01]|[12][0-9]|[1-9])"
_ORGANISATION = r"(?:[^\s\x00-\x1f\x7f][^\x00-\x1f\x7f]*)?"


def _frame_terminals() -> list[str]:
    """The frame's terminals that hold Chinese words: the title and the date."""
    year = _pattern(YEAR, year=_YEAR)
    title = f"{_ORGANISATION}(?:{year})?{_pattern(REPORT_TITLE)}"
    date = _pattern(DATE, year=_YEAR, month=_MONTH, day=_DAY)
    # The date outranks a line of prose, which it also is (the signature's organisation).
    return [f"TITLE: /{_slashed(title)}/", f"DATE.2: /{_slashed(date)}/"]


def _slashed(pattern: str) -> str:
    """A regular expression as the body of a Lark ``/…/`` literal."""
    return pattern.replace("/", "\\/")


@cache
def grammar(layout: str = CANONICAL_LAYOUT) -> Grammar:
    """The canonical grammar of ``layout``: the frame, then the tables and words generated
    from ``labels``.

    Raises:
        UnknownLayoutError: ``layout`` is not one of ``LAYOUTS``.
    """
    framing = LAYOUTS.get(layout)
    if framing is None:
        raise UnknownLayoutError(
            f"layout {layout!r} has no canonical grammar (those that have: {', '.join(LAYOUTS)})"
        )
    words = _words()
    writer = _Writer(framing, words)
    for template in labels.PROACTIVE_BLOCKS:
        writer.table(_proactive(template))
        writer.table(_applications(template))
    writer.table(_appeals())
    generated = [
        f"// ---- generated by govinfo_report.write.canonical from labels, layout {layout} ----",
        *writer.rules,
        *_frame_terminals(),
        *words.definitions(),
        *framing.terminals,
    ]
    text = grammar_file(GRAMMAR) + "\n" + "\n".join(generated) + "\n"
    return Grammar(text, writer.rows)


#: Characters a layout prints between cells, named.
_SPELLED = {"\t": "a tab", "\n": "the end of the line", "\n\t": "a new line and a tab"}
#: What the frame's terminals stand for, in error messages.
_DESCRIBED = {
    "TITLE": "the title (organisation, year, report name)",
    "DATE": "a date",
    "LINE": "a line of text",
    "COUNT": "a count",
    "SIGNED": "an integer",
    "MONEY": "an amount",
    "_NL": "the end of the line",
    "$END": "the end of the text",
    "<END-OF-FILE>": "the end of the text",
}


@cache
def parser(layout: str = CANONICAL_LAYOUT) -> Lark:
    """The LALR parser of ``layout``'s canonical grammar, built once per process."""
    return Lark(grammar(layout).text, parser="lalr", lexer="contextual")


def read(text: str, layout: str = CANONICAL_LAYOUT) -> dict[str, str]:
    """Every value cell of the canonical report ``text``, as printed, by catalogue key.

    Raises:
        ParseError: ``text`` is not a canonical report (code ``not-canonical``), located at
            the first character where it departs from the grammar.
    """
    return cells(tree(text, layout), layout)


def tree(text: str, layout: str = CANONICAL_LAYOUT) -> Tree[Token]:
    """The parse tree of the canonical report ``text`` (see ``read``)."""
    try:
        return parser(layout).parse(text)
    except UnexpectedInput as error:
        raise _not_canonical(text, error, _descriptions(layout)) from None


@cache
def _descriptions(layout: str) -> dict[str, str]:
    """What each terminal of ``layout``'s grammar stands for, in error messages: a word its
    text, the frame's terminals what they hold, the layout's own what they print."""
    shown = {}
    for terminal in parser(layout).terminals:
        pattern = terminal.pattern
        if isinstance(pattern, PatternStr):
            shown[terminal.name] = _SPELLED.get(pattern.value, f"“{pattern.value}”")
        else:
            shown[terminal.name] = f"/{pattern.value}/"
    return shown | _DESCRIBED


def cells(parsed: Tree[Token], layout: str = CANONICAL_LAYOUT) -> dict[str, str]:
    """The value cells of a parse tree, as printed, by catalogue key."""
    rows = grammar(layout).rows
    found: dict[str, str] = {}
    for row in parsed.iter_subtrees():
        keys = rows.get(str(row.data))
        if keys is None:
            continue
        values = [
            str(value.children[0])
            for value in row.children
            if isinstance(value, Tree) and value.data in VALUE_RULES
        ]
        found.update(zip(keys, values, strict=True))
    return found


def _not_canonical(text: str, error: UnexpectedInput, names: dict[str, str]) -> ParseError:
    """``error`` as a ``ParseError`` naming what the grammar expected and what it found."""
    if isinstance(error, UnexpectedCharacters):
        expected = error.allowed
    else:  # UnexpectedToken or UnexpectedEOF: the LALR parser raises only these three
        expected = getattr(error, "expected", set())
    lines = text.split("\n")
    line, column = error.line, error.column
    if line < 1:  # the end of the text
        line, column = len(lines), len(lines[-1]) + 1
    printed = lines[line - 1]
    cell = re.split(r"[\t\n]", printed[column - 1 :], maxsplit=1)[0]
    if cell:
        found = f"“{cell}”"
    else:
        found = "the end of the text" if line == len(lines) else "the end of the line"
    wanted = " or ".join(sorted(names.get(name, name) for name in expected))
    return ParseError(
        f"not a canonical report: expected {wanted}, found {found}",
        code="not-canonical",
        line=line,
        column=column,
        text=printed,
    )


def main(argv: Sequence[str] = sys.argv[1:]) -> int:
    """Print the canonical grammar of a layout (default ``tab-separated``)."""
    try:
        print(grammar(*argv[:1]).text, end="")
    except UnknownLayoutError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
