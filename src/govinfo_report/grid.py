"""The per-report working grid: every catalogue cell's value and provenance, as parallel
lists indexed like ``Template.fields``. Mutable while a report is parsed; the model is built
from it once, per table.
"""

from __future__ import annotations

from itertools import compress
from typing import Literal

from .catalogue import Template
from .cells import Value

#: ``lost`` marks a cell the text does not hold at all (a row or value dropped by the
#: extraction); unlike an explicit blank (``missing``) it may be derived from a rule.
Origin = Literal["parsed", "derived", "missing", "lost"]


class Grid:
    """Values and provenance of one report's cells. ``align.store_row`` writes the cells
    read from the text into the lists directly: it is the table hot path."""

    __slots__ = ("origins", "positions", "raws", "rules", "template", "values")

    def __init__(self, template: Template) -> None:
        size = len(template.fields)
        self.template = template
        self.values: list[Value | None] = [None] * size
        self.origins: list[Origin] = ["lost"] * size
        self.raws: list[str | None] = [None] * size
        self.positions: list[tuple[int, int] | None] = [None] * size
        self.rules: list[str | None] = [None] * size

    def unplaced(self, index: int) -> None:
        """Mark a cell whose value the text prints but that could not be placed: missing,
        and closed to derivation (a rule must not overrule printed numbers)."""
        self.origins[index] = "missing"

    def derived(self, index: int, value: Value, rule: str) -> None:
        """Record a cell the text lost, computed by ``rule``."""
        self.values[index] = value
        self.origins[index] = "derived"
        self.rules[index] = rule

    def lost(self) -> set[int]:
        """The cells the text does not hold and nothing has derived yet."""
        return set(compress(range(len(self.origins)), map("lost".__eq__, self.origins)))
