"""Values read by their order alone just before another row's label cut over lines.

pdfminer's boxes print Word's PDF of a table whose cells are centred in their rows: a tall
row's values stand above the middle of its label, which wraps, so they come before the
label's pieces (``规章`` / ``17`` / ``3`` / ``20`` / ``行政`` / ``规范`` / ``性文`` / ``件``:
the values are 行政规范性文件's, 规章 is blank). The same text is printed where the values
are the first row's and the next row is blank: a row reading such values by their order
alone is left missing where that next row took none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ...diagnostics import diagnostic
from ...structure.layouts import Printed, Row
from ..matching import matcher, normalise_label
from .chain import Context
from .rows import Taken, by_order, cut_over

#: What the finding of values taken back says (``table.read_tables`` looks for it).
CUT_LABEL_AFTER = "the next lines print, cut over them, the label of another row"


def ahead_of_a_cut_label(
    context: Context,
    taken: Sequence[Taken],
    keys: Sequence[tuple[str, ...]],
    kin: Mapping[str, Sequence[str]],
    section: str,
    row_labels: Mapping[str, Sequence[str]],
) -> None:
    """Take back each row's values read by their order alone, on lines apart from its
    label (``taken``, each row's template ``keys``), where the labels right after them
    (``_pieces``) hold, cut over them from the first that has words, the label
    (``row_labels``, two characters or more) of a row of its ``kin`` that took no value
    (not in ``context.seen``), or are that row's label cut over the lines before it
    (``_next_named``); ``section``'s matcher reads them. Rows are looked at from the last
    up: a row whose values are taken back took none, so the row above it may have read
    its values. (A row whose values fall short of its cells, left unplaced, is not taken
    for one that took none: blank cells dropped make rows short in the text of tools that
    print the label first, and their rows above read their own values.)"""
    unseen = {key for key in row_labels if key not in context.seen}
    if not unseen:
        return  # every row took values: no label is left to be another's
    labels = matcher(context.template.name, section)
    doubted: set[tuple[int, int]] = set()  # where each value starts: a joined one's head
    for at in reversed(range(len(taken))):
        row = taken[at][0]
        if len(keys[at]) != 1 or not row.values or not by_order(row) or _beside_label(row):
            continue
        others = [key for key in kin.get(keys[at][0], ()) if key in unseen]
        if not others:
            continue
        pieces = [
            cell for cell in _pieces(taken[at + 1 :], keys[at + 1 :]) if normalise_label(cell[0])
        ]
        cuts = cut_over(others, row_labels, pieces, labels, shortest=2) if pieces else {}
        if _next_named(taken[at + 1 :], keys[at + 1 :], row_labels) in others or any(
            cut[0] == pieces[0] for cut in cuts.values()
        ):
            doubted.update(value[1:] for value in row.values)
            unseen.add(keys[at][0])  # its values taken back: those above may be its own
    draft = context.draft
    given = [
        index
        for index, (_, printed, _) in enumerate(draft.given)
        # A row of no cell gives nothing; a number joined to its wrapped rest
        # (``rows._wrapped``) stands where its head does.
        if printed and printed[0][1:] in doubted
    ]
    if not given:
        return
    _, line, column = draft.given[given[0]][1][0]
    cells = draft.take_back(given)
    draft.find(
        diagnostic(
            "values-unplaced",
            f"{context.title}: the values at line {line} are read by their order alone, and "
            f"{CUT_LABEL_AFTER} that took no "
            "value: the values may be that row's (a tall row's centred cells print before "
            "its label); they are left missing",
            line,
            column,
            tuple(context.template.fields[cell].key for cell in cells),
        )
    )


def _beside_label(row: Row) -> bool:
    """Whether a value of ``row`` shares a line with its label: the text line of one row
    (``规章 3件 3件 19件``), not a cell's box set apart."""
    lines = {line for _, line, _ in row.labels}
    return any(line in lines for _, line, _ in row.values)


def _next_named(
    rows: Sequence[Taken], keys: Sequence[tuple[str, ...]], row_labels: Mapping[str, Sequence[str]]
) -> str | None:
    """The row whose label the first of ``rows`` print cut over lines, each a piece alone:
    read whole where the pieces start, on the row of values they lead to (``（七`` / ``）总``
    / ``计``, a row ``（七）总计``), or pieces from the first that make the label of the
    row some of them name, matched alone (``8.属于行`` / ``政查询事项``; ``二、上年结`` /
    ``转政府信息`` / ``公开申请数`` / ``量``; not ``（六）其他处理`` / ``3.其他``, a group's
    heading and its row). A tall row, whose values, if printed before its label, are those
    the row before it read (the caller asks that it took none, or had them taken back). A
    row's whole label on one line is no cut label."""
    start = None
    name = None
    words: list[str] = []
    for cut, ((row, _), named) in enumerate(zip(rows, keys, strict=False)):
        if named and row.values:
            whole = start is not None and bool(row.labels) and row.labels[0][1:] == start
            return named[0] if whole else None
        if row.values or not row.labels or (named and name not in (None, named[0])):
            return None
        name = name or (named[0] if named else None)
        start = start or row.labels[0][1:]
        words.extend(normalise_label(text) for text, _, _ in row.labels)
        if name is not None:
            joined = "".join(words)
            own = [normalise_label(label) for label in row_labels[name]]
            if joined in own and cut:  # a piece before this one
                return name
            if not any(label.startswith(joined) for label in own):
                return None
    return None


def _pieces(rows: Sequence[Taken], keys: Sequence[tuple[str, ...]]) -> list[Printed]:
    """The label cells of ``rows`` from the first on that print labels alone, naming no row
    (``keys``). A row of values ends them, its labels left out: a cut label whose last
    piece takes values (``2.其`` … ``止公`` / ``开`` / ``2 0 0 0 0 0 2``, a page's footer
    between its pieces) prints its label before its values, as the row before does."""
    cells: list[Printed] = []
    for (row, _), named in zip(rows, keys, strict=False):
        if named or row.values:
            break
        cells.extend(row.labels)
    return cells
