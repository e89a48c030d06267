"""The layout registry: built-in strategies plus those of the entry-point group
``govinfo_report.layouts`` (``ENTRY_POINT_GROUP``), and detection by ranked confidence.

Adding a layout is one module with a class following ``base.Layout`` and one line in
``BUILTIN`` (or, for a third party, an entry point ``name = "package.module:Class"``).
"""

from __future__ import annotations

import importlib
import re
import warnings
from collections.abc import Sequence
from functools import cache
from importlib.metadata import entry_points

import attrs

from ...errors import UnknownLayoutError
from .base import NO_LINE, Grid, Layout, Positions, Printed, Row, Runs, Writer

__all__ = [
    "BUILTIN",
    "Detection",
    "Grid",
    "Layout",
    "Positions",
    "Printed",
    "Row",
    "Runs",
    "Writer",
    "available",
    "detect",
    "get",
    "table_line_pattern",
]

#: name -> "module:Class", imported on first use.
BUILTIN: dict[str, str] = {
    "tab-separated": "govinfo_report.structure.layouts.tab_separated:TabSeparated",
    "row-per-cell": "govinfo_report.structure.layouts.row_per_cell:RowPerCell",
    "flattened-header": "govinfo_report.structure.layouts.flattened_header:FlattenedHeader",
    "markdown": "govinfo_report.structure.layouts.markdown:Markdown",
    "box-grid": "govinfo_report.structure.layouts.box_grid:BoxGrid",
    "space-aligned": "govinfo_report.structure.layouts.space_aligned:SpaceAligned",
    "cell-per-line": "govinfo_report.structure.layouts.cell_per_line:CellPerLine",
    "run-together": "govinfo_report.structure.layouts.run_together:RunTogether",
}
ENTRY_POINT_GROUP = "govinfo_report.layouts"

#: Below this confidence no layout is taken; within this margin two layouts tie.
MIN_CONFIDENCE = 0.3
TIE_MARGIN = 0.1
#: Layouts are ranked on a region's first lines: enough rows of any layout to tell them
#: apart (a row-per-cell table of section 三 runs to about 330 lines).
SNIFF_LINES = 120


def _load(target: str) -> Layout:
    module, _, name = target.partition(":")
    layout: Layout = getattr(importlib.import_module(module), name)()
    return layout


@cache
def _registry() -> dict[str, Layout]:
    layouts = {name: _load(target) for name, target in BUILTIN.items()}
    for point in entry_points(group=ENTRY_POINT_GROUP):
        if point.name in layouts:
            continue
        plugin = point.load()()
        if isinstance(plugin, Layout):
            layouts[point.name] = plugin
        else:
            warnings.warn(
                f"entry point {point.name} = {point.value} ({ENTRY_POINT_GROUP}) is not a "
                "layout (base.Layout: name, table_line, by_order, by_page, sniff, rows; "
                "subclass it to inherit the defaults); it is not loaded",
                stacklevel=2,
            )
    return layouts


def available() -> tuple[str, ...]:
    """The names of every registered layout."""
    return tuple(_registry())


def get(name: str) -> Layout:
    """The layout registered as ``name``.

    Raises:
        UnknownLayoutError: no layout has that name.
    """
    try:
        return _registry()[name]
    except KeyError:
        raise UnknownLayoutError(
            f"no layout named {name!r}; registered: {', '.join(available())}"
        ) from None


@cache
def table_line_pattern() -> re.Pattern[str]:
    """One compiled pattern finding a line of any registered layout's tables."""
    sources = sorted({layout.table_line for layout in _registry().values()} - {NO_LINE})
    return re.compile("|".join(f"(?:{source})" for source in sources) or NO_LINE)


@attrs.frozen
class Detection:
    """The outcome of ranking the layouts on one table region."""

    layout: Layout | None
    confidence: float
    runner_up: str | None = None
    runner_up_confidence: float = 0.0

    @property
    def ambiguous(self) -> bool:
        return (
            self.runner_up is not None and self.confidence - self.runner_up_confidence < TIE_MARGIN
        )


def detect(lines: Sequence[str], width: int) -> Detection:
    """Rank every registered layout on the first ``SNIFF_LINES`` of ``lines``; the best
    one, or ``None`` if none fits."""
    sample = tuple(lines[:SNIFF_LINES])
    scores = sorted(
        ((layout.sniff(sample, width), name) for name, layout in _registry().items()), reverse=True
    )
    best_score, best = scores[0]
    second_score, second = scores[1] if len(scores) > 1 else (0.0, None)
    if best_score < MIN_CONFIDENCE:
        return Detection(None, best_score, best, best_score)
    return Detection(_registry()[best], best_score, second, second_score)
