"""Rows whose labels may follow their values: a table read both ways.

A text may print each row's values on the line before its label (a PDF whose value cells
a tool reads above their label cells: ``9 2 0 0 0 0 11`` / ``一、本年新收政府信息公开申请数
量`` / ``1 0 0 0 0 0 1`` / ``二、上年结转…``). A layout pairs a label with the values after
it, so every row is read one row off: each row's own rule still holds, and the rules
across rows show only violations, which pass for the report's own. The text may print
that order where its first values come before any row label and every row after them
prints a label and then its values (``below``): the rows are then read the other way too,
each label with the values before it, and a cell stands only where both readings give it
the same value (``agreed``), or where that reading alone makes every rule of the section
hold (``under_kept``: the rows are then read so throughout).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..catalogue import Template
from ..diagnostics import diagnostic
from ..structure.layouts import Row
from ..structure.skeleton import SECTION_NAMES
from .reading import Reading, cells_closed
from .resolve import verifies
from .sections import SECTIONS


def below(rows: Sequence[Row]) -> list[Row] | None:
    """``rows`` with each label given the values before it (the last label's after it, if
    any, are then a row with no label, the next one's: a row printed past the table's end),
    where the text may print every row's values on the line before its label: its first
    row of values has no label, and every row after it prints a label and then its values
    (the last, maybe none); else ``None``."""
    first = next((at for at, row in enumerate(rows) if row.values), None)
    if first is None or rows[first].labels:
        return None
    labelled = rows[first + 1 :]
    if len(labelled) < 2 or not all(
        row.labels and (row.values or at == len(labelled) - 1) and _after_label(row)
        for at, row in enumerate(labelled)
    ):
        return None
    holders = [rows[first], *labelled[:-1]]
    return [
        *rows[:first],
        *(
            holder._replace(labels=row.labels)
            for holder, row in zip(holders, labelled, strict=True)
        ),
        *([labelled[-1]._replace(labels=())] if labelled[-1].values else []),
    ]


def _after_label(row: Row) -> bool:
    """Whether ``row``'s values (if any) all stand on lines after its label's last."""
    return all(line > row.labels[-1][1] for _, line, _ in row.values)


def under_kept(template: Template, above: Reading, under: Reading) -> bool:
    """Whether a table read with each label's values before it (``under``) is kept over
    its reading with each label's values after it (``above``): it alone makes every rule
    of the section hold."""
    return verifies(template, under) and not verifies(template, above)


def agreed(template: Template, above: Reading, under: Reading) -> Reading:
    """``above`` with every cell it and ``under`` do not give alike missing, said."""
    mine, theirs = _given(above), _given(under)
    differ = {cell for cell in mine.keys() | theirs.keys() if mine.get(cell) != theirs.get(cell)}
    for unit in set(_units(above)) ^ set(_units(under)):
        differ.update(unit[0])
    if not differ:
        return above
    name = SECTION_NAMES[SECTIONS[above.section].NUMBER]
    said = diagnostic(
        "values-unplaced",
        f"section {name}: its first values come before any row label, so each row's "
        "values may be printed before its label or after "
        f"it; the {len(differ)} cells the two readings do not give alike are missing",
        keys=tuple(template.fields[cell].key for cell in sorted(differ)),
    )
    kept = tuple(unit for unit in above.units if differ.isdisjoint(unit.cells))
    return cells_closed(attrs.evolve(above, units=kept), differ, (said,))


def _given(reading: Reading) -> dict[int, str]:
    """The text ``reading`` gives each cell it gives for certain."""
    return {
        cell: printed[0]
        for cells, texts, _ in reading.given
        for cell, printed in zip(cells, texts, strict=True)
    }


def _units(reading: Reading) -> list[tuple[tuple[int, ...], tuple[str, ...]]]:
    """Each unit of ``reading``: its cells and the texts of its pieces."""
    return [(unit.cells, tuple(piece[0] for piece in unit.pieces)) for unit in reading.units]
