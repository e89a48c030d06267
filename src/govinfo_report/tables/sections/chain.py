"""A section reader as a chain of row handlers, as markdown-it-py's block rules are: each
case of a row (a header, a printed-blank row, a duplicate, the usual row...) is a function
``(context, step) -> handled``, and a section tries its tuple of handlers in order on each
row until one handles it. A handler that only notes something, or rewrites the row for the
ones after it, returns ``False``.

The ``Context`` holds what the reading carries from row to row (the draft, the rows seen, the
money unit); the ``Step``, one row and what its labels say. The handlers that every section
shares live here; a section's own cases live in its module, next to its chain.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from operator import itemgetter
from typing import TypeVar

import attrs

from ...catalogue import TEMPLATES, Template
from ...diagnostics import diagnostic
from ...structure.layouts import Printed, Row
from ..reading import Draft
from ..rules import Rule
from .rows import Taken, empty, fill, start, stray_value

#: A printed cell's text.
_TEXT = itemgetter(0)


@attrs.define(slots=True, eq=False)
class Step:
    """One row as a chain reads it: the row (a handler may rewrite it for the handlers after
    it), its collapsed cells (``runs``), its label texts, the template rows they name, which
    label cells name nothing, the rows' labels for messages, and the cells of its first
    row."""

    row: Row
    runs: tuple[Printed, ...]
    texts: tuple[str, ...]
    keys: tuple[str, ...]
    unknown: tuple[int, ...]
    label: str
    cells: tuple[int, ...]


@attrs.define(slots=True, eq=False)
class Context:
    """What a section's reading carries from row to row: the draft it writes, the template,
    the section's name for messages (``section 二``) and its rules, the rows seen, and the
    money unit the header names."""

    draft: Draft
    template: Template
    title: str
    rules: Callable[[Template], Iterator[Rule]]
    seen: set[str] = attrs.field(factory=set)
    unit: str | None = None
    #: Whether a row's one value more than its cells may be a number its narrow cell wraps
    #: (``rows._wrapped``): a section says not, where a row's label stood alone before it.
    wraps: bool = True

    def named(self, step: Step) -> str:
        """How a message names the row of ``step``."""
        return step.label

    def usual(self, step: Step) -> bool:
        """Whether a row of the right width is the usual row whatever its cells print."""
        return True

    def note_bare(self, step: Step) -> None:
        """Note what a row that prints no value says (a header's columns, a row printed
        blank): the section's own, nothing by default."""


C = TypeVar("C", bound=Context)
S = TypeVar("S", bound=Step)
#: A row handler: ``True`` when it handled the row (the chain stops there).
Handler = Callable[[C, S], bool]


def run(chain: Sequence[Handler[C, S]], context: C, steps: Iterable[S]) -> None:
    """Try each handler of ``chain`` on each step in turn, until one handles it."""
    for step in steps:
        for handler in chain:
            if handler(context, step):
                break


def table_empty(context: Context, taken: Sequence[Taken], rows: Sequence[Row]) -> None:
    """A table that prints no number, reported."""
    if empty(taken):
        context.draft.find(
            diagnostic(
                "table-empty",
                f"{context.title} prints no number",
                *start(rows),
                context.template.section_keys(context.draft.section),
            )
        )


def bare_row(context: Context, step: Step) -> bool:
    """A row that prints no value (a header, a row printed blank): handled, once the
    section noted what it says (``Context.note_bare``)."""
    if not step.row.values and not step.runs:
        context.note_bare(step)
        return True
    return False


def duplicate(context: Context, step: Step) -> bool:
    """A row named again: the first kept. Else the row's keys are seen from here on."""
    if context.seen.isdisjoint(step.keys):
        context.seen.update(step.keys)
        return False
    context.draft.find(
        diagnostic(
            "duplicate-row",
            f"{context.title}: {context.named(step)} appears again; first kept",
            step.row.line,
        )
    )
    return True


def usual_row(context: Context, step: Step) -> bool:
    """The usual row: as many values as cells, none collapsed, none gathered from wrapped
    lines, none that is no whole cell of its column where no grid marks the cells
    (``rows.stray_value``), all given."""
    row = step.row
    if step.runs or len(row.values) != len(step.cells) or row.loose or not context.usual(step):
        return False
    if (
        not row.grid.cells
        and not all(map(str.isdecimal, map(_TEXT, row.values)))  # at C speed: most are digits
        and stray_value(row.values, context.template, step.cells)
    ):
        return False  # ``rows.fill`` says why
    context.draft.give(step.cells, row.values, context.unit)
    return True


def fill_row(context: Context, step: Step) -> bool:
    """Any other row of one template row: ``rows.fill`` places what it can."""
    fill(
        context.draft,
        context.template,
        step.cells,
        step.row,
        step.label,
        context.unit,
        step.runs,
        rules=_made(context.rules, context.template.name),
        wraps=context.wraps,
    )
    return True


@cache
def _made(rules: Callable[[Template], Iterator[Rule]], name: str) -> tuple[Rule, ...]:
    """A section's ``rules`` of template ``name``, made once (as ``section_rule_set``):
    ``rows.fill`` reads them for each row it fills, and reads them once, so a tuple reads
    as the generator would."""
    return tuple(rules(TEMPLATES[name]))
