"""Tables from ruling lines, in the manner of pdfplumber's ``lines`` strategy: stretches of
line are snapped and joined into edges (``merge``), the points where a horizontal and a
vertical edge cross are found (``crossings``), each point with the nearest points right of
and below it that edges connect makes the smallest cell (``cells``), and cells sharing a
corner make a table (``tables``); ``Grid`` then lays a table's cells out in rows and
columns and finds the cell holding a point. Each stage is a pure function over plain
records (``pdfium.Edge``, boxes), with pdfplumber's default tolerances, so that both
readers find the same cells.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from .pdfium import Box, Edge

#: Edges at positions this close (points, chained) are moved to their mean.
SNAP = 3.0
#: Edges on one line with a gap at most this wide (points) are joined.
JOIN = 3.0
#: Stretches shorter than this (points) are left out before merging, edges after it.
MIN_STRETCH = 1.0
MIN_EDGE = 3.0
#: How far (points) an edge may stop short of another and still cross it.
REACH = 3.0
#: Crossings per page at most: a page ruled more densely than a 60 x 60 grid is not read as
#: tables (the search for cells can grow faster than the number of points).
MAX_CROSSINGS = 4_000

#: A crossing: x, top.
Point = tuple[float, float]


class Crossing(NamedTuple):
    """The edges (indexes into the merged edges) through a crossing point."""

    vertical: set[int]
    horizontal: set[int]


class TooManyCrossings(ValueError):
    """A page's ruling lines cross more than ``MAX_CROSSINGS`` times."""


def merge(stretches: Iterable[Edge]) -> list[Edge]:
    """The edges that ``stretches`` of line make: those shorter than ``MIN_STRETCH`` left
    out, the rest snapped (positions within ``SNAP`` of each other, chained, take their
    mean), joined (along one line, overlapping or within ``JOIN``), and those shorter than
    ``MIN_EDGE`` left out."""
    by_orientation: dict[str, list[tuple[float, float, float]]] = {"v": [], "h": []}
    for orientation, position, start, end in stretches:
        if end - start >= MIN_STRETCH:
            by_orientation[orientation].append((position, start, end))
    merged: list[Edge] = []
    for orientation, found in by_orientation.items():
        for position, spans in _snap(found):
            merged.extend(
                Edge(orientation, position, start, end)
                for start, end in _join(spans)
                if end - start >= MIN_EDGE
            )
    return merged


def _snap(
    stretches: list[tuple[float, float, float]],
) -> list[tuple[float, list[tuple[float, float]]]]:
    """Stretches of one orientation (position, start, end) in clusters of chained
    positions, each at its stretches' mean position, with their (start, end) spans."""
    stretches.sort()
    clusters: list[tuple[float, list[tuple[float, float]]]] = []
    spans: list[tuple[float, float]] = []
    total, last = 0.0, float("-inf")
    for position, start, end in stretches:
        if position > last + SNAP and spans:
            clusters.append((total / len(spans), spans))
            total, spans = 0.0, []
        total += position
        spans.append((start, end))
        last = position
    if spans:
        clusters.append((total / len(spans), spans))
    return clusters


def _join(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Spans along one line, overlapping or within ``JOIN`` of each other joined."""
    spans.sort()
    joined: list[tuple[float, float]] = []
    for start, end in spans:
        if joined and start <= joined[-1][1] + JOIN:
            if end > joined[-1][1]:
                joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def crossings(edges: Sequence[Edge]) -> dict[Point, Crossing]:
    """Every point where a vertical and a horizontal edge of ``edges`` meet or come within
    ``REACH`` of meeting, with the edges through it.

    Raises:
        TooManyCrossings: more than ``MAX_CROSSINGS`` points.
    """
    horizontal = sorted(
        (edge.position, index) for index, edge in enumerate(edges) if edge.orientation == "h"
    )
    levels = [position for position, _ in horizontal]
    found: dict[Point, Crossing] = {}
    for index, edge in enumerate(edges):
        if edge.orientation != "v":
            continue
        low = bisect_left(levels, edge.start - REACH)
        high = bisect_right(levels, edge.end + REACH)
        for level, other in horizontal[low:high]:
            across = edges[other]
            if across.start - REACH <= edge.position <= across.end + REACH:
                point = (edge.position, level)
                if point not in found:
                    if len(found) >= MAX_CROSSINGS:
                        raise TooManyCrossings(f"more than {MAX_CROSSINGS:,} crossings")
                    found[point] = Crossing(set(), set())
                found[point].vertical.add(index)
                found[point].horizontal.add(other)
    return found


def cells(points: dict[Point, Crossing]) -> list[Box]:
    """The cells that crossings make: from each point, the nearest point below it joined by
    a vertical edge and the nearest point right of it joined by a horizontal edge whose
    corner opposite is a point joined to both (the nearer below first, then the nearer
    right, as pdfplumber takes them)."""
    by_x: dict[float, list[float]] = {}
    by_top: dict[float, list[float]] = {}
    for x, top in sorted(points):
        by_x.setdefault(x, []).append(top)
        by_top.setdefault(top, []).append(x)
    found: list[Box] = []
    for x, top in sorted(points):
        corner = points[(x, top)]
        below = by_x[x][bisect_right(by_x[x], top) :]
        right = by_top[top][bisect_right(by_top[top], x) :]
        cell = _smallest(points, corner, x, top, below, right)
        if cell is not None:
            found.append(cell)
    return found


def _smallest(
    points: dict[Point, Crossing],
    corner: Crossing,
    x: float,
    top: float,
    below: list[float],
    right: list[float],
) -> Box | None:
    for bottom in below:
        down = points[(x, bottom)]
        if not corner.vertical & down.vertical:
            # No edge reaches further down either: one that did would pass this point.
            break
        for x1 in right:
            across = points[(x1, top)]
            if not corner.horizontal & across.horizontal:
                break
            opposite = points.get((x1, bottom))
            if (
                opposite is not None
                and opposite.vertical & across.vertical
                and opposite.horizontal & down.horizontal
            ):
                return (x, top, x1, bottom)
    return None


def tables(found: Sequence[Box]) -> list[list[Box]]:
    """``found`` cells grouped into tables (cells sharing a corner, directly or through
    others, are one table), top to bottom and then left to right; a table of one cell (a
    framed paragraph) is none."""
    parent = list(range(len(found)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    owner: dict[Point, int] = {}
    for index, (x0, top, x1, bottom) in enumerate(found):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            other = owner.setdefault(corner, index)
            if other != index:
                parent[root(other)] = root(index)
    groups: dict[int, list[Box]] = {}
    for index, cell in enumerate(found):
        groups.setdefault(root(index), []).append(cell)
    grouped = [group for group in groups.values() if len(group) > 1]
    return sorted(grouped, key=lambda group: min((cell[1], cell[0]) for cell in group))


class Grid:
    """A table's cells in rows (their distinct tops) and columns (their distinct lefts), as
    pdfplumber lays them out: a cell sits at its top row and left column, and a position
    that no cell starts at (one a merged cell covers) is ``None``."""

    def __init__(self, cells: Sequence[Box]) -> None:
        self.cells = list(cells)
        self.tops = sorted({cell[1] for cell in cells})
        self.lefts = sorted({cell[0] for cell in cells})
        self.box: Box = (
            min(cell[0] for cell in cells),
            min(cell[1] for cell in cells),
            max(cell[2] for cell in cells),
            max(cell[3] for cell in cells),
        )
        #: (row, column) -> the cell starting there; and every position a cell covers.
        self.starts: dict[tuple[int, int], int] = {}
        self.slots: dict[tuple[int, int], int] = {}
        row_of = {top: row for row, top in enumerate(self.tops)}
        column_of = {x0: column for column, x0 in enumerate(self.lefts)}
        for index, (x0, top, x1, bottom) in enumerate(cells):
            first_row, first_column = row_of[top], column_of[x0]
            self.starts.setdefault((first_row, first_column), index)
            for row in range(first_row, max(first_row + 1, bisect_left(self.tops, bottom))):
                for column in range(
                    first_column, max(first_column + 1, bisect_left(self.lefts, x1))
                ):
                    self.slots.setdefault((row, column), index)

    def rows(self) -> list[list[int | None]]:
        """Each row's cells by column: the index of the cell starting there, or ``None``."""
        starts = self.starts
        return [
            [starts.get((row, column)) for column in range(len(self.lefts))]
            for row in range(len(self.tops))
        ]

    def holds(self, x: float, y: float) -> bool:
        """Whether the point lies in the table's box (its left and top sides included)."""
        x0, top, x1, bottom = self.box
        return x0 <= x < x1 and top <= y < bottom

    def locate(self, x: float, y: float) -> int | None:
        """The index of the cell whose box holds the point (left and top sides included),
        ``None`` where none does."""
        row = bisect_right(self.tops, y) - 1
        column = bisect_right(self.lefts, x) - 1
        index = self.slots.get((row, column))
        if index is None:
            return None
        x0, top, x1, bottom = self.cells[index]
        return index if x0 <= x < x1 and top <= y < bottom else None
