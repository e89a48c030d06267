"""The report's three tables, a module each (``proactive`` 二, ``applications`` 三,
``appeals`` 四): how wide a full row is, how a layout's rows align to the template (a
``Reading``), the section's alternative readings, and its consistency rules.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import Protocol

from ...catalogue import TEMPLATES, Template
from ...structure.layouts import Row
from ..reading import Reading
from ..rules import Rule, RuleSet
from . import appeals, applications, proactive


class Section(Protocol):
    """What a section module provides."""

    NAME: str
    NUMBER: int

    def width(self, template: str) -> int:
        """How many values a full row of the section's table holds."""
        ...

    def read(self, rows: Iterable[Row], template: Template, by_lines: bool = False) -> Reading:
        """The reading of the table's rows. ``by_lines``: the text's lines are the page's (a
        layout not read by the order of its cells), so a row's values stand within its
        label's height."""
        ...

    def alternatives(
        self, rows: Sequence[Row], template: Template, first: Reading
    ) -> Iterable[Reading]:
        """Other readings of the rows, given the first: candidates, each kept only if the
        rules verify it whole."""
        ...

    def rules(self, template: Template) -> Iterator[Rule]:
        """The section's consistency rules."""
        ...


#: The sections in template order, by name.
SECTIONS: dict[str, Section] = {
    module.NAME: module for module in (proactive, applications, appeals)
}


@cache
def rule_set(name: str) -> RuleSet:
    """The consistency rules of template ``name``, built once."""
    template = TEMPLATES[name]
    return _indexed(tuple(rule for module in SECTIONS.values() for rule in module.rules(template)))


@cache
def section_rule_set(name: str, section: str) -> RuleSet:
    """The consistency rules of one section of template ``name``, built once. No rule
    joins two sections, so a section's values are settled by its own rules alone."""
    return _indexed(tuple(SECTIONS[section].rules(TEMPLATES[name])))


def _indexed(rules: tuple[Rule, ...]) -> RuleSet:
    """``rules`` with the rules touching each cell."""
    by_cell: dict[int, list[Rule]] = defaultdict(list)
    for rule in rules:
        for cell in rule.cells:
            by_cell[cell].append(rule)
    return RuleSet(rules, {cell: tuple(found) for cell, found in by_cell.items()})
