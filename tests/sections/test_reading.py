"""A section's reading whose cells are closed after the fact (``reading.cells_closed``): a cell
left missing on purpose is neither given nor printed blank, for ``resolve`` applies a
reading's blank cells after its closed ones, and a closed cell still blank would come out
claimed printed blank."""

from __future__ import annotations

from govinfo_report.diagnostics import diagnostic
from govinfo_report.tables.reading import Reading, cells_closed


def test_closed_cells_are_neither_given_nor_blank() -> None:
    said = diagnostic("values-unplaced", "cells 2 and 5 may be another row's", 7, 1)
    reading = Reading(
        "proactive",
        given=(((0, 1, 2), (("4", 7, 3), ("5", 7, 5), ("6", 7, 7)), None),),
        blank=frozenset({3, 4, 5}),
    )
    closed = cells_closed(reading, {2, 5}, [said])
    assert closed.given == (((0, 1), (("4", 7, 3), ("5", 7, 5)), None),)
    assert closed.blank == frozenset({3, 4})
    assert closed.closed == frozenset({2, 5})
    assert closed.findings == (said,)


def test_closing_no_cell_leaves_the_reading_as_it_is() -> None:
    reading = Reading("proactive", blank=frozenset({3}))
    assert cells_closed(reading, set(), []) is reading
