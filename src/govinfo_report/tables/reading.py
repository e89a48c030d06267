"""What a table's rows say, before any value is resolved: a ``Reading`` per section.

A reading is a value. It holds the cells its rows give for certain (``given``), the cells it
leaves missing on purpose (``closed``: blank, or printed values that could not be placed),
the *units* whose cells the text leaves uncertain, the cells that are sums of local
sub-rows, and its findings. ``resolve`` turns the readings of a report into cell values; it
is the only place values are written.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from functools import cache
from itertools import combinations
from typing import Literal

import attrs

from ..catalogue import Template
from ..cells import convert
from ..diagnostics import Diagnostic, diagnostic
from ..structure.layouts import Printed

#: Cells given for certain, a row at a time: (template cells, the printed texts in the same
#: order, the money unit in force).
Given = tuple[tuple[int, ...], tuple[Printed, ...], str | None]
#: Which piece each cell of an option takes: (the cell's position in ``Unit.cells``, index
#: into ``Unit.pieces``). Positions, not template cells: rows of one shape share options.
Placement = tuple[tuple[int, int], ...]

UnitKind = Literal["short", "digits", "shared", "page"]


@attrs.frozen
class Unit:
    """Printed values whose cells the text leaves uncertain.

    Attributes:
        kind: ``short`` (a row that printed fewer values than it has cells), ``digits`` (a
            row with values run together, ``collapsed``), ``shared`` (values on a line
            that two rows' labels share) or ``page`` (the short rows of one page past a
            break, whose columns the page's offsets rank: ``sections.rows.by_page``).
        label: the row label(s), for messages.
        cells: every template cell the unit may give a value.
        pieces: the texts its options place: the printed values, and for a digit run the
            numbers each way of cutting it gives (with their positions).
        options: each way the pieces fill the cells (the cells an option leaves out are
            not given by the text); empty for a short row, whose options are every way
            they fill its cells in order (``placements``, not listed unless asked for),
            but for one read with blank cells (``resolve._blank_around``: a blank piece
            ``""`` in each cell its values leave out).
        cut: the indices of ``pieces`` cut from a digit run (never ``parsed``: the text did
            not show where they start).
        ways: for a digit run, how many ways there are to cut it.
        fewer: the digits could also be fewer values (blank cells leave no trace when cells
            run together): a cut value is then kept only where a rule checks it, or where
            it is ``sure``.
        sure: the indices of ``cut`` pieces that every reading of the run, into fewer values
            too, gives the same cell: the digits before a sign where one cell comes before
            the signed one (``sections.rows._before_sign``).
        money_unit: the money unit in force (section 二).
        run: for a digit run, the digits as printed.
        tail: for a digit run, how many of its last characters may be the next row label's
            numbering (``collapsed.cut``).
        traceless: for a short row, its text leaves blank cells out without a trace
            (``Row.traceless``): the cells its values leave out are blank (0), where the
            rules let them be.
        prose: the prose's count statements (their text and position) that left it the
            options agreeing with them (``resolve._by_prose``); else empty.
        gaps: for a short row, its text shows a blank cell by space alone (``Row.gaps``):
            a cell its values leave out is blank or its value is on another line, so the
            rules derive it only as 0; another value they give it leaves it missing.
        fits: for a short row, the cells (positions in ``cells``) each of its values may
            stand in (``Positions.fits``): its placements are those in order that put each
            value in one of its own; empty: any. ``units``: the fits are those the
            values' units name (a count unit a count column, a money unit a money one),
            not the header's columns.
        ends: for a digit run, whether its row printed white space right before it and
            right after it (``Runs.ends``), where blank cells may stand as they may at a
            space inside it (``sections.rows.gapped``); ``None`` where its row prints
            values apart from it and white space: its readings with such blank cells are
            not listed.
    """

    kind: UnitKind
    label: str
    line: int
    column: int
    cells: tuple[int, ...]
    pieces: tuple[Printed, ...]
    options: tuple[Placement, ...]
    cut: frozenset[int] = frozenset()
    ways: int = 0
    fewer: bool = False
    sure: frozenset[int] = frozenset()
    money_unit: str | None = None
    run: Printed | None = None
    tail: int = 0
    traceless: bool = False
    prose: tuple[Printed, ...] = ()
    gaps: bool = False
    fits: tuple[tuple[int, ...], ...] = ()
    ends: tuple[bool, bool] | None = (False, False)
    units: bool = False

    def placements(self) -> tuple[Placement, ...]:
        """Each way the pieces fill the cells: ``options``, or a short row's in order (each
        value in one of its ``fits``, where given)."""
        if self.kind == "short" and not self.options:
            return fitting(in_order(len(self.cells), len(self.pieces)), self.fits)
        return self.options


@attrs.frozen
class Sum:
    """A cell given as the sum of local sub-rows (行政检查, 行政确认 under 其他对外管理服务事项)."""

    cell: int
    parts: tuple[Printed, ...]
    rule: str


@attrs.frozen
class Reading:
    """What one section's rows say.

    Attributes:
        section: ``proactive``, ``applications`` or ``appeals``.
        given: the cells the rows give for certain.
        closed: cells left missing on purpose, never derived (a rule must not overrule
            printed numbers that could not be placed).
        blank: cells of rows printed with no value at all (a label and empty cells).
        units: the units whose cells the text leaves uncertain.
        sums: cells that are sums of local sub-rows.
        findings: what the reading found (unknown labels, duplicate rows, …).
        overfull: a row took more values than it has cells: a reading by the order of the
            cells alone shows that order broken.
    """

    section: str
    given: tuple[Given, ...] = ()
    closed: frozenset[int] = frozenset()
    units: tuple[Unit, ...] = ()
    sums: tuple[Sum, ...] = ()
    findings: tuple[Diagnostic, ...] = ()
    overfull: bool = False
    blank: frozenset[int] = frozenset()


def unplaced(reading: Reading, template: Template, why: str) -> Reading:
    """``reading`` without its units of printed values that fall short of their cells:
    their cells closed, each said ``why`` (a finding ``values-unplaced`` naming them). Digit
    runs stay."""
    short = [unit for unit in reading.units if unit.kind != "digits"]
    if not short:
        return reading
    return attrs.evolve(
        reading,
        closed=reading.closed.union(cell for unit in short for cell in unit.cells),
        units=tuple(unit for unit in reading.units if unit.kind == "digits"),
        findings=(
            *reading.findings,
            *(
                diagnostic(
                    "values-unplaced",
                    f"{unit.label}: {len(unit.pieces)} values for {len(unit.cells)} cells; {why}",
                    unit.line,
                    unit.column,
                    tuple(template.fields[cell].key for cell in unit.cells),
                )
                for unit in short
            ),
        ),
    )


def signs_misplaced(reading: Reading, template: Template, why: str, apart: bool = False) -> Reading:
    """``reading`` without its rows given a number printed with a sign in a column never
    signed (a count or an amount): their cells closed, each said ``why`` (a finding
    ``values-unplaced`` naming them). ``apart``: only rows whose values stand on more than
    one line (gathered by their columns from a tall row's lines)."""
    wrong = [
        row
        for row in reading.given
        if (not apart or len({line for _, line, _ in row[1]}) > 1)
        and any(
            text[:1] in "+-" and text[1:2].isdecimal() and template.fields[cell].kind != "signed"
            for cell, (text, _, _) in zip(row[0], row[1], strict=True)
        )
    ]
    return rows_taken_back(
        template, reading, [(cells, printed) for cells, printed, _ in wrong], why
    )


#: How ``unit_apart`` ends the finding of an amount it closes.
UNIT_NOT_KNOWN = "its unit is not known"


def unit_apart(
    reading: Reading, template: Template, apart: Callable[[int], Sequence[Printed]]
) -> Reading:
    """``reading`` without its amounts printed with no unit (none in the cell, none in the
    header) where the table prints a money unit apart from them, on the line above theirs
    or after it (``apart(line)``, from the line before the first such amount's: ``元``
    alone on a line below or over the amount, ``0元`` in a count column, the rest of a
    wrapped amount; a header's ``万`` / ``元`` printed a character a line stands before the
    amounts it names): the amount's unit is not known, so its cell is closed (a finding
    ``values-unplaced`` naming it)."""
    fields = template.fields
    unknown = {
        cell: printed
        for cells, texts, unit in reading.given
        if unit is None
        for cell, printed in zip(cells, texts, strict=True)
        if cell not in template.counts  # most cells, passed over by a set's test
        and fields[cell].kind == "money"
        and convert(printed[0], "money", None)[1] == "unit-unknown"
    }
    units = apart(min(line for _, line, _ in unknown.values())) if unknown else ()
    lost = {
        cell: (printed, below[0])
        for cell, printed in unknown.items()
        if (below := [unit for unit in units if unit[1] >= printed[1] - 1])
    }
    return cells_closed(
        reading,
        lost,
        [
            diagnostic(
                "values-unplaced",
                f"{fields[cell].row_label} {fields[cell].column_label} {text!r} prints no "
                f"unit, and the table prints {unit!r} apart from it (line {line}): "
                f"{UNIT_NOT_KNOWN}",
                at,
                column,
                (fields[cell].key,),
            )
            for cell, ((text, at, column), (unit, line, _)) in lost.items()
        ],
    )


def cells_closed(
    reading: Reading, cells: Collection[int], findings: Sequence[Diagnostic]
) -> Reading:
    """``reading`` with ``cells`` given by none of its rows and printed blank by none,
    closed, and ``findings`` said."""
    if not cells:
        return reading
    given = (
        (
            tuple(cell for cell in row if cell not in cells),
            tuple(p for cell, p in zip(row, texts, strict=True) if cell not in cells),
            money,
        )
        for row, texts, money in reading.given
    )
    return attrs.evolve(
        reading,
        given=tuple(row for row in given if row[0]),
        closed=reading.closed.union(cells),
        blank=reading.blank.difference(cells),
        findings=(*reading.findings, *findings),
    )


class Draft:
    """A reading being written by a section's aligner; ``freeze`` makes the ``Reading``."""

    __slots__ = ("blank", "closed", "findings", "given", "overfull", "section", "sums", "units")

    def __init__(self, section: str) -> None:
        self.section = section
        self.given: list[Given] = []
        self.closed: set[int] = set()
        self.blank: set[int] = set()
        self.units: list[Unit] = []
        self.sums: list[Sum] = []
        self.findings: list[Diagnostic] = []
        self.overfull = False

    def give(self, cells: Sequence[int], printed: Sequence[Printed], unit: str | None) -> None:
        """Give ``cells`` the ``printed`` texts, in order."""
        if len(cells) != len(printed):
            raise ValueError(f"{len(printed)} printed cells for {len(cells)} cells")
        self.given.append((tuple(cells), tuple(printed), unit))

    def close(self, cells: Iterable[int]) -> None:
        self.closed.update(cells)

    def take_back(self, given: Collection[int]) -> list[int]:
        """The cells of the ``given`` entries (their indices in ``self.given``), taken back
        and closed: missing, never derived."""
        cells = [cell for at in sorted(given) for cell in self.given[at][0]]
        self.given[:] = [entry for at, entry in enumerate(self.given) if at not in given]
        self.close(cells)
        return cells

    def leave_blank(self, cells: Iterable[int]) -> None:
        """``cells`` are printed blank: their row's label stands with no value at all."""
        self.blank.update(cells)

    def find(self, finding: Diagnostic) -> None:
        self.findings.append(finding)

    def freeze(self) -> Reading:
        return Reading(
            self.section,
            tuple(self.given),
            frozenset(self.closed),
            tuple(self.units),
            tuple(self.sums),
            tuple(self.findings),
            self.overfull,
            frozenset(self.blank),
        )


def fitting(
    placements: tuple[Placement, ...], fits: tuple[tuple[int, ...], ...]
) -> tuple[Placement, ...]:
    """Those of ``placements`` that put each piece in one of its ``fits`` (all where
    none are given)."""
    if not fits:
        return placements
    return tuple(
        placement
        for placement in placements
        if all(at in fits[piece] for at, piece in placement if piece < len(fits))
    )


@cache
def in_order(size: int, count: int) -> tuple[Placement, ...]:
    """Every way ``count`` values fill ``size`` cells in order, some cells left out: made
    once per shape, so the rows of a report share them (and the solver's work on them)."""
    return tuple(
        tuple(zip(chosen, range(count), strict=True)) for chosen in combinations(range(size), count)
    )


def rows_taken_back(
    template: Template,
    reading: Reading,
    rows: Sequence[tuple[tuple[int, ...], tuple[Printed, ...]]],
    why: str,
) -> Reading:
    """``reading`` without the given ``rows`` (their cells and printed values), their cells
    closed, each said (``values-unplaced``: its label, then ``why``)."""
    if not rows:
        return reading
    return attrs.evolve(
        reading,
        given=tuple(given for given in reading.given if given[:2] not in rows),
        closed=reading.closed.union(cell for cells, _ in rows for cell in cells),
        findings=(
            *reading.findings,
            *(
                diagnostic(
                    "values-unplaced",
                    f"{template.fields[cells[0]].row_label}: {why}",
                    printed[0][1],
                    printed[0][2],
                    tuple(template.fields[cell].key for cell in cells),
                )
                for cells, printed in rows
            ),
        ),
    )
