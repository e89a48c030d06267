"""A column of section 二 that pdftotext's plain order prints apart from its rows.

pdftotext without ``-layout`` writes a page as blocks of text flowing down columns. In a
LibreOffice or Word PDF's ruled table the last column of section 二's first sub-table
(``现行有效件数``: its header cell and its values) may be a block of its own that the flow
puts after the next section's heading, while the header and the rows keep the other columns:
``本年制发件数`` / ``本年废止件数`` / ``规章`` / ``0`` / ``0`` / ``行政规范性文件`` / ``5`` / ``2``,
then, among section 三's labels, ``现行有效件数`` / ``0`` / ``34``.

Section 二 has no rule to check a reading, so the text must leave one: the rows of a
sub-table are rejoined with such a column only where the header lines before them name
every column of the sub-table but that one, each of its rows prints exactly one value for
each column named, and the column comes once, whole, elsewhere: its header alone on its
line, as many values after it as those rows, which take them in the order printed (a
block flows down its column as the rows do).
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import labels
from ..structure.layouts import Printed, Row
from .matching import foreign_column, matcher, normalise_label, proactive_column

NAME = "proactive"


def columns_apart(rows: Sequence[Row], template: str, section: str) -> dict[str, list[Printed]]:
    """The columns of section 二 that ``rows`` (of another ``section``) print whole, apart:
    a row whose labels are all the header of one section 二 column that ``section`` has
    none of, with values and no blank; a column whose header ``rows`` print twice is none,
    with values or not (several sub-tables' blocks of one column, blank cells leaving one
    of them no values and the others too few to tell them apart by count)."""
    found: dict[str, list[Printed]] = {}
    seen: set[str] = set()
    twice: set[str] = set()
    for row in rows:
        heads = {
            proactive_column(template, text)
            for text, _, _ in row.labels
            if foreign_column(template, section, text)
        }
        if len(heads) != 1 or len(row.labels) != 1:
            continue
        ((kind, column),) = heads
        if kind != "column" or column is None:
            continue
        if column in seen:
            twice.add(column)
        seen.add(column)
        if row.values and all(text for text, _, _ in row.values):
            found[column] = list(row.values)
    return {column: values for column, values in found.items() if column not in twice}


def rejoined(
    rows: Sequence[Row], template: str, apart: dict[str, list[Printed]]
) -> tuple[list[Row], str, int] | None:
    """``rows`` (section 二's) with the rows of one sub-table given the values of the column
    ``apart`` that their header leaves out (see the module), the column, and how many rows
    took one; None where no sub-table's rows fit one whole."""
    groups = _headed_groups(rows, template)
    for column, values in apart.items():
        fitting = [
            group for named, group in groups if _lacks(rows, group, named, template) == column
        ]
        if len(fitting) != 1 or len(fitting[0]) != len(values):
            continue
        shown = list(rows)
        for at, value in zip(fitting[0], values, strict=True):
            key = _key(rows[at], template)
            shape = labels.PROACTIVE_SHAPE[template][key] if key else ()
            shown[at] = _with_column(rows[at], shape, column, value)
        return shown, column, len(values)
    return None


def _headed_groups(rows: Sequence[Row], template: str) -> list[tuple[list[str], list[int]]]:
    """Each run of rows of values after the header lines before them: the columns those
    header lines name, in order, and the indices of the rows."""
    groups: list[tuple[list[str], list[int]]] = []
    named: list[str] = []
    valued = False
    for at, row in enumerate(rows):
        if row.values:
            if not valued:
                groups.append((named, []))
            groups[-1][1].append(at)
            valued = True
            continue
        if valued:
            named, valued = [], False
        named = [
            *named,
            *(
                key
                for text, _, _ in row.labels
                for kind, key in [proactive_column(template, text)]
                if kind == "column" and key is not None
            ),
        ]
    return groups


def _lacks(rows: Sequence[Row], group: list[int], named: list[str], template: str) -> str | None:
    """The one column of the sub-table of the rows ``group`` that the header columns
    ``named`` leave out, where the rows are every row of that sub-table, each once, and
    each prints one value, none blank, for each column named; else None. (A row that prints
    no value may still hold one in the column apart: then no value there is placed.)"""
    keys = [_key(rows[at], template) for at in group]
    block = next(
        (shape for _, shape, block_rows in _BLOCKS[template] if set(block_rows) == set(keys)),
        None,
    )
    if block is None or len(keys) != len(set(keys)):
        return None
    if len(named) != len(set(named)) or not set(named) < set(block):
        return None
    if any(
        len(rows[at].values) != len(named) or not all(text for text, _, _ in rows[at].values)
        for at in group
    ):
        return None
    left = [column for column in block if column not in named]
    if len(left) != 1 or [column for column in block if column in named] != named:
        return None
    return left[0]


_BLOCKS = labels.PROACTIVE_BLOCKS


def _key(row: Row, template: str) -> str | None:
    """The one template row ``row``'s label names, if it has one label and names one."""
    match = matcher(template, NAME).match
    keys = {
        key
        for text, _, _ in row.labels
        for kind, key in [match(text)]
        if kind == "row" and key is not None
    }
    return keys.pop() if len(keys) == 1 and len(row.labels) == 1 else None


def _with_column(row: Row, shape: tuple[str, ...], column: str, value: Printed) -> Row:
    """``row`` (of a template row of columns ``shape``) with ``value`` put in at
    ``column``'s place among its values."""
    at = shape.index(column)
    return row._replace(values=(*row.values[:at], value, *row.values[at:]))


def every_column_apart(
    rows: Sequence[Row], later: Sequence[Row], template: str, section: str
) -> tuple[list[Row], int] | None:
    """``rows`` (section 二's) where Word's PDF through pdftotext's flow prints every
    sub-table's columns that its header leaves out as blocks of their own (a column's header
    alone on its line, then its values), after all of the section's rows or after the next
    ``section``'s heading (``later``: its rows): each row given those columns' values, and
    how many values were placed; ``None`` where the text does not leave one reading.

    Section 二 has no rule to check a reading, so the text must name every value's cell: the
    sub-tables come in template order, each with every one of its rows, once, in order, each
    row printing one value (no blank) for each column its header lines name; the blocks
    come in the order of the sub-tables and of their columns, each headed by the column it
    fills and holding one value for each row of its sub-table; and every block is used."""
    blocks: list[tuple[str, tuple[Printed, ...]]] = []
    kept: list[Row] = []
    for row in rows:
        column = _block_column(row, template)
        if column is None:
            kept.append(row)
        else:
            blocks.append((column, row.values))
    for row in blocks_in(later, template, section):
        column = _block_column(row, template)
        assert column is not None  # a block's, by ``blocks_in``
        blocks.append((column, row.values))
    tables = _sub_tables(kept, template)
    if tables is None or not blocks:
        return None
    shown = list(kept)
    placed = 0
    queues: dict[str, list[tuple[Printed, ...]]] = {}
    for head, values in blocks:
        queues.setdefault(head, []).append(values)
    for index, (_, shape, block_rows) in enumerate(_BLOCKS[template]):
        named, ats = tables.get(index, ([], []))
        if [_key(kept[at], template) for at in ats] != list(block_rows):
            return None
        if len(named) != len(set(named)) or [c for c in shape if c in named] != named:
            return None
        if any(
            len(kept[at].values) != len(named) or not all(text for text, _, _ in kept[at].values)
            for at in ats
        ):
            return None
        given = {column: [kept[at].values[n] for at in ats] for n, column in enumerate(named)}
        for column in (c for c in shape if c not in named):
            values = queues[column].pop(0) if queues.get(column) else ()
            if len(values) != len(ats):
                return None
            given[column] = list(values)
            placed += len(values)
        for n, at in enumerate(ats):
            shown[at] = kept[at]._replace(values=tuple(given[column][n] for column in shape))
    if any(queues.values()) or not placed:
        return None
    return shown, placed


def blocks_in(rows: Sequence[Row], template: str, section: str) -> list[Row]:
    """The rows of ``section``'s table (another's than 二) that print a column of section 二
    as a block of its own: its header the one label (a label ``section`` knows is one only
    where it is the column's header whole), then values."""
    known = matcher(template, section).known
    found = []
    for row in rows:
        column = _block_column(row, template)
        if column is None:
            continue
        head = normalise_label(row.labels[0][0])
        aliases = labels.PROACTIVE_COLUMNS[template][column]
        if head in map(normalise_label, aliases) or not known(head):
            found.append(row)
    return found


def _block_column(row: Row, template: str) -> str | None:
    """The section 二 column ``row`` prints whole as a block of its own (its header its one
    label, then values, none blank), if it does."""
    if len(row.labels) != 1 or not row.values or not all(text for text, _, _ in row.values):
        return None
    kind, column = proactive_column(template, row.labels[0][0])
    return column if kind == "column" else None


def _sub_tables(
    rows: Sequence[Row], template: str
) -> dict[int, tuple[list[str], list[int]]] | None:
    """Each sub-table of section 二 that ``rows`` print (by its index in the template): the
    columns the header lines before its rows name, and the indices of its rows; ``None``
    where a row of values names no row of the section, or sub-tables come out of template
    order or apart."""
    where = {row: index for index, (_, _, keys) in enumerate(_BLOCKS[template]) for row in keys}
    tables: dict[int, tuple[list[str], list[int]]] = {}
    named: list[str] = []
    after_rows = False
    for at, row in enumerate(rows):
        key = _key(row, template)
        if key is None:
            if row.values:
                return None
            heads = [
                column
                for text, _, _ in row.labels
                for kind, column in [proactive_column(template, text)]
                if kind == "column" and column is not None
            ]
            if heads:
                named = [*([] if after_rows else named), *heads]
                after_rows = False
            continue
        index = where[key]
        if index not in tables:
            if tables and index < max(tables):
                return None
            tables[index] = (named, [])
            named = []
        elif index != max(tables):
            return None
        tables[index][1].append(at)
        after_rows = True
    return tables
