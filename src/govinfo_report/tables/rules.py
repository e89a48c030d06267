"""The template's consistency rules as data: each an equation ``sum(left) == sum(right)``
over cell indices of a template. Each section defines its own (``sections``, whose
``rule_set`` gathers a template's). ``resolve`` places and derives cells with them,
``validate`` checks whole reports with them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter

import attrs

from ..cells import Value


@attrs.frozen(cache_hash=True)
class Rule:
    """``sum(left) == sum(right)``: ``left`` holds the printed totals, ``right`` the parts
    they should add up to; ``name`` is a stable id, ``title`` says it in words."""

    name: str
    title: str
    left: tuple[int, ...]
    right: tuple[int, ...]
    #: ``left + right``, made once: derivation reads it in its inner loop.
    cells: tuple[int, ...] = attrs.field(
        init=False,
        eq=False,
        repr=False,
        default=attrs.Factory(lambda rule: rule.left + rule.right, takes_self=True),
    )
    #: What takes each side's values out of a report's values, made once: ``violated``
    #: sums them for every rule of every report.
    taking: tuple[_Taking, _Taking] = attrs.field(
        init=False,
        eq=False,
        repr=False,
        default=attrs.Factory(
            lambda rule: (_taking(rule.left), _taking(rule.right)), takes_self=True
        ),
    )


#: A side's values out of a report's values (``Rule.taking``).
_Taking = Callable[[Sequence["Value | None"]], Sequence["Value | None"]]


def _taking(cells: tuple[int, ...]) -> _Taking:
    """``cells``' values as a sequence, taken at C speed (a lone cell's, or none, a slice)."""
    if len(cells) > 1:
        return itemgetter(*cells)
    return itemgetter(slice(cells[0], cells[0] + 1) if cells else slice(0, 0))


@attrs.frozen(cache_hash=True)
class RuleSet:
    """A template's rules, with the rules touching each cell."""

    rules: tuple[Rule, ...]
    by_cell: dict[int, tuple[Rule, ...]] = attrs.field(eq=False, repr=False)


def violated(rule: Rule, values: Sequence[Value | None]) -> bool | None:
    """Whether a rule is broken: ``None`` when a cell it needs is unknown."""
    left, right = rule.taking
    try:  # summing at C speed; a None among the cells stops it
        return sum(left(values)) != sum(right(values))  # type: ignore[arg-type]
    except TypeError:
        return None


#: A rule as the positions of its two sides among a row's cells.
Sides = tuple[list[int], list[int]]


def sides(cells: Sequence[int], rules: Iterable[Rule]) -> list[Sides]:
    """``rules``, all inside a row, as the positions of their sides among its ``cells``."""
    where = {cell: at for at, cell in enumerate(cells)}
    return [([where[c] for c in rule.left], [where[c] for c in rule.right]) for rule in rules]


def hold(values: Sequence[Value], sums: Iterable[Sides]) -> bool:
    """Whether a row's ``values`` make each of ``sums`` (``sides``) hold."""
    return all(
        sum(values[a] for a in left) == sum(values[b] for b in right) for left, right in sums
    )
