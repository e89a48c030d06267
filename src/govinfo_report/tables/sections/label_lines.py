"""Section 三's rows printed blank in space-aligned text whose rows are tall: a narrow table's
labels wrapped over several lines (Word's PDF through ``pdftotext -layout``: ``二、上年结转政府信``
/ ``息公开申请数量``), each line read as a row of its own, so a row whose cells are all blank
is its label's pieces and no value, and the rows of values the reading took say nothing of it.

A row's values stand within its cell's height: on its label's lines, or on a line of their
own above or below them (a value centred in a tall cell, its label set from the top or
centred), never on a neighbour's label lines. So the lines after the row before's label
is spelt whole, up to the line the next row's label starts on (or the table's end), are
the only ones its values may stand on; where none of them holds a value (nor a digit in a
label's text, past its numbering), the row prints no value: printed blank. A value on
those lines may be either row's (``tables.between``): the row is then left as it was
(missing, ``row-missing``). Each label's start must be found, in the template's order (a
piece of two characters or more that starts the row's label, on a line that names no
other row), the row's label spelt whole before the next one's starts, and no piece read as
the row's stand outside its lines.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ...structure.layouts import Row
from ..matching import normalise_label

#: A label's numbering at its start (``4.``, ``（二）``, ``一、``): not a value.
_NUMBERING = re.compile(r"^\s*(?:[(（]?[一二三四五六七八九十\d]+[)）.．、]\s*)+")


def blank_rows(
    rows: Sequence[Row],
    keys: Sequence[tuple[str, ...]],
    lines: Sequence[Row],
    row_labels: Mapping[str, Sequence[str]],
) -> list[str]:
    """The rows (keys in the template's order, labelled ``row_labels``) whose lines hold no
    value: printed blank (the module's docstring). ``rows``: the section's rows as
    read, with the keys each names; ``lines``: its rows as the layout read them, a line
    each. None unless a row of values shows the text's blank cells as space
    (``Row.gaps``) with two values on one line: text that prints every value on a line of
    its own (pdfminer's boxes, ``1`` / ``1`` after a group's labels) keeps no row's cells
    side by side, nor each value within its row's height."""
    if not any(row.gaps and _side_by_side(row) for row in lines):
        return []
    valued = {line for row in (*lines, *rows) for _, line, _ in row.values}
    valued.update(line for row in (*lines, *rows) for text, line, _ in row.labels if _digits(text))
    starts = _label_starts(rows, keys, row_labels)
    order = list(row_labels)
    last = max(row.line for row in lines) + 1
    found: list[str] = []
    for before, key, following in zip(order, order[1:], [*order[2:], None], strict=False):
        start, at = starts.get(before), starts.get(key)
        after = len(rows) if following is None else starts.get(following)
        if start is None or at is None or after is None:
            continue
        stop = _first_line(rows[after]) if after < len(rows) else last
        end = _spelt_on(
            row_labels[before][0], lines, _first_line(rows[start]), _first_line(rows[at])
        )
        if (
            end is not None
            and all(named in ((), (key,)) for named in keys[at:after])
            and not any(named == (key,) for named in (*keys[:at], *keys[after:]))
            and _spelt_on(row_labels[key][0], lines, _first_line(rows[at]), stop) is not None
            and not any(end < line < stop for line in valued)
        ):
            found.append(key)
    return found


def _first_line(row: Row) -> int:
    """The line ``row`` starts on: its label's first, where a label joined from the lines
    above its values (``rewrapped``, ``spelt_down``) starts before them."""
    return min((line for _, line, _ in row.labels), default=row.line)


def _side_by_side(row: Row) -> bool:
    """Whether two of ``row``'s values stand on one line."""
    return len({line for _, line, _ in row.values}) < len(row.values)


def _label_starts(
    rows: Sequence[Row], keys: Sequence[tuple[str, ...]], row_labels: Mapping[str, Sequence[str]]
) -> dict[str, int]:
    """Where each row's label starts, in the template's order: the first of ``rows`` after
    the row before's start whose label pieces start its label, and that names no other row."""
    found: dict[str, int] = {}
    after = 0
    for key in row_labels:
        start = next(
            (
                at
                for at in range(after, len(rows))
                if keys[at] in ((), (key,)) and _starts(rows[at], key, row_labels)
            ),
            None,
        )
        if start is not None:
            found[key] = after = start
            after += 1
    return found


def _spelt_on(label: str, lines: Sequence[Row], first: int, end: int) -> int | None:
    """The line on which the label pieces of ``lines`` from line ``first`` on, in order,
    have spelt ``label`` whole (other pieces, a group label's characters, among them), if
    one before line ``end`` does."""
    wanted = iter(normalise_label(label))
    char = next(wanted, None)
    for row in lines:
        if not first <= row.line < end:
            continue
        for piece in (normalise_label(text) for text, _, _ in row.labels):
            for got in piece:
                if got == char:
                    char = next(wanted, None)
        if char is None:
            return row.line
    return None


def _starts(row: Row, key: str, row_labels: Mapping[str, Sequence[str]]) -> bool:
    """Whether one of ``row``'s label pieces starts ``key``'s label (two characters or more
    of it, after ``normalise_label``)."""
    labels = [normalise_label(label) for label in row_labels[key]]
    return any(
        len(piece) >= 2 and any(label.startswith(piece) for label in labels)
        for piece in (normalise_label(text) for text, _, _ in row.labels)
    )


def _digits(text: str) -> bool:
    """Whether a label's text holds a digit past its numbering (a value run into it)."""
    return any(char.isdigit() for char in _NUMBERING.sub("", text))
