"""Cells a PDF-to-Markdown extraction lifted out of section 二's table: a cell that prints a
note under its count (``22`` / ``（其中修订 16 件）``) comes out above the table, and its row
keeps the other values (``| 规章 | 22 | 235 |``). The note's wording names the cell's column
(``labels.PROACTIVE_NOTES``): each lifted count goes back into its column, in the rows short
by one value, in order (issue 45, item 7)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import regex

from ... import labels
from ...catalogue import Template
from ...diagnostics import Diagnostic, diagnostic
from ...fold import fold
from ...structure.layouts import Printed, Row
from .rows import label_text

#: A note printed under a count in its cell: ``（其中修订 16 件）``, ``（含自然失效 29 件）``.
_NOTE = regex.compile(r"\((?:其中|含)[^()]*?\d+\s*件[^()]*\)")

#: A lifted count: the count, the column its note names, and every piece of the note.
Lifted = tuple[Printed, str, tuple[Printed, ...]]


def relifted(
    rows: Sequence[Row], template: Template, named: Callable[[Row], str | None]
) -> tuple[list[Row], list[Diagnostic]]:
    """``rows`` with each count lifted out of the table put back into its column of the row
    short by one value that it belongs to, where every lifted count's note names one column
    of that row and there are as many of them as rows short by one, taken in order
    (``named``: the template row a row's labels name, if one); else ``rows`` as they are."""
    shape = labels.PROACTIVE_SHAPE[template.name]
    short = _short_rows(rows, shape, named)
    if not short:  # nothing to put back: the lifted counts are not looked for
        return list(rows), []
    lifted = _lifted(rows, labels.PROACTIVE_NOTES.get(template.name, {}))
    if not lifted or len(lifted) != len(short):
        return list(rows), []
    pairs = list(zip(short, lifted, strict=True))
    if any(column not in shape[key] for (_, key), (_, column, _) in pairs):
        return list(rows), []
    found: list[Diagnostic] = []
    placed: dict[int, Row] = {}
    for (at, key), (count, column, _) in pairs:
        placed[at], finding = _put_back(rows[at], key, count, column, template)
        found.append(finding)
    taken = {piece for count, _, note in lifted for piece in (count, *note)}
    return _rest(rows, placed, taken), found


def _short_rows(
    rows: Sequence[Row], shape: dict[str, tuple[str, ...]], named: Callable[[Row], str | None]
) -> list[tuple[int, str]]:
    """Each row of several columns one value short (no run of digits cut), with its key.
    Only a row with fewer values than the widest row's cells, and some, may be: its labels
    are looked up then."""
    widest = max(map(len, shape.values()))
    return [
        (at, key)
        for at, row in enumerate(rows)
        if 0 < len(row.values) < widest
        and not row.runs.cells
        and (key := named(row)) is not None
        and len(shape[key]) > 1
        and len(row.values) == len(shape[key]) - 1
    ]


def _put_back(
    row: Row, key: str, count: Printed, column: str, template: Template
) -> tuple[Row, Diagnostic]:
    """``row`` with ``count`` in ``column``, and the finding that says so."""
    index = labels.PROACTIVE_SHAPE[template.name][key].index(column)
    values = (*row.values[:index], count, *row.values[index:])
    finding = diagnostic(
        "cell-lifted",
        f"{count[0]}, printed apart from the table above a note that names its column "
        f"({labels.PROACTIVE_COLUMNS[template.name][column][0]}), is read in that "
        f"column of the row {label_text(row)}, the row short by one value it comes "
        "to in order",
        count[1],
        count[2],
        (template.fields[template.rows["proactive", key][index]].key,),
    )
    grid = row.grid._replace(cells=values) if row.grid.cells else row.grid
    return row._replace(values=values, grid=grid), finding


def _rest(rows: Sequence[Row], placed: dict[int, Row], taken: set[Printed]) -> list[Row]:
    """``rows`` with those ``placed`` replaced and the lifted pieces (``taken``) left out of
    the others (a row left with nothing is dropped)."""
    kept = []
    for at, row in enumerate(rows):
        if at in placed:
            kept.append(placed[at])
            continue
        labelled = tuple(piece for piece in row.labels if piece not in taken)
        valued = tuple(piece for piece in row.values if piece not in taken)
        if labelled or valued:
            kept.append(row._replace(labels=labelled, values=valued))
    return kept


def _lifted(rows: Sequence[Row], notes: dict[str, tuple[str, ...]]) -> list[Lifted]:
    """The counts printed alone on a line with, on the next line and alone there, a note
    whose words name one column, in text order."""
    by_line = _by_line(rows)
    found: list[Lifted] = []
    for line, here in by_line.items():
        below = by_line.get(line + 1, [])
        if len(here) != 1 or here[0][1] != "value" or not below:
            continue
        column = _named_column([piece for piece, _ in below], notes)
        if column is not None:
            found.append((here[0][0], column, tuple(piece for piece, _ in below)))
    return found


def _by_line(rows: Sequence[Row]) -> dict[int, list[tuple[Printed, str]]]:
    """Every piece of ``rows`` (``label`` or ``value``) by its line, in text order."""
    pieces = sorted(
        {
            (piece, kind)
            for row in rows
            for kind, group in (("label", row.labels), ("value", row.values))
            for piece in group
        },
        key=lambda item: (item[0][1], item[0][2]),
    )
    by_line: dict[int, list[tuple[Printed, str]]] = {}
    for piece, kind in pieces:
        by_line.setdefault(piece[1], []).append((piece, kind))
    return by_line


def _named_column(pieces: Sequence[Printed], notes: dict[str, tuple[str, ...]]) -> str | None:
    """The one column whose words the note ``pieces`` print, if they are a note and name one."""
    note = fold("".join(piece[0] for piece in pieces)).replace(" ", "")
    if not _NOTE.fullmatch(note):
        return None
    named = {column for column, words in notes.items() if any(w in note for w in words)}
    return named.pop() if len(named) == 1 else None
