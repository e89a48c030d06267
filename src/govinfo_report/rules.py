"""The template's consistency rules as data, and the two things done with them: deriving a
cell the text lost (only when it is the single unknown of a rule), and telling whether a
rule holds. ``validate`` checks whole reports with them.

Each rule is an equation ``sum(left) == sum(right)`` over cell indices of a template.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

import attrs

from . import labels
from .catalogue import TEMPLATES, Template
from .cells import Value


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


@attrs.frozen(cache_hash=True)
class RuleSet:
    """A template's rules, with the rules touching each cell."""

    rules: tuple[Rule, ...]
    by_cell: dict[int, tuple[Rule, ...]] = attrs.field(eq=False, repr=False)


def _applications(template: Template) -> Iterable[Rule]:
    index = template.index
    rows = list(labels.APPLICATION_ROWS[template.name])
    outcomes = [r for r in rows if r not in ("new", "carried_over", "total", "carried_forward")]
    applicants = [c for c in labels.APPLICANT_COLUMNS if c != "total"]
    for column, (label, *_) in labels.APPLICANT_COLUMNS.items():
        cell = {row: index[f"applications.{row}.{column}"] for row in rows}
        yield Rule(
            f"applications.balance.{column}",
            f"column {label}: 总计 + 结转下年度继续办理 = 本年新收 + 上年结转",
            (cell["total"], cell["carried_forward"]),
            (cell["new"], cell["carried_over"]),
        )
        yield Rule(
            f"applications.outcomes.{column}",
            f"column {label}: 总计 = the sum of the outcome rows （一） to （六）",
            (cell["total"],),
            tuple(cell[row] for row in outcomes),
        )
    for row, (label, *_) in labels.APPLICATION_ROWS[template.name].items():
        yield Rule(
            f"applications.row-sum.{row}",
            f"row {label}: 总计 = the six applicant columns",
            (index[f"applications.{row}.total"],),
            tuple(index[f"applications.{row}.{c}"] for c in applicants),
        )


def _appeals(template: Template) -> Iterable[Rule]:
    parts = [o for o in labels.APPEAL_OUTCOMES if o != "total"]
    for group, (label, *_) in labels.APPEAL_GROUPS.items():
        yield Rule(
            f"appeals.group-sum.{group}",
            f"{label}: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
            (template.index[f"appeals.{group}.total"],),
            tuple(template.index[f"appeals.{group}.{o}"] for o in parts),
        )


@cache
def rule_set(name: str) -> RuleSet:
    """The consistency rules of template ``name``, built once."""
    template = TEMPLATES[name]
    rules = (*_applications(template), *_appeals(template))
    by_cell: dict[int, list[Rule]] = defaultdict(list)
    for rule in rules:
        for cell in rule.cells:
            by_cell[cell].append(rule)
    return RuleSet(rules, {cell: tuple(found) for cell, found in by_cell.items()})


@lru_cache(maxsize=1 << 10)
def within(rules: RuleSet, cells: frozenset[int]) -> RuleSet:
    """The rules whose cells all lie in ``cells`` (a row's own rules)."""
    inside = tuple(rule for rule in rules.rules if set(rule.cells) <= cells)
    by_cell: dict[int, list[Rule]] = defaultdict(list)
    for rule in inside:
        for cell in rule.cells:
            by_cell[cell].append(rule)
    return RuleSet(inside, {cell: tuple(found) for cell, found in by_cell.items()})


def solve(rule: Rule, values: Sequence[Value | None], unknown: int) -> Value:
    """The value ``unknown`` must have for ``rule`` to hold, the rule's other cells known."""
    left = sum(values[i] for i in rule.left if i != unknown)  # type: ignore[misc]
    right = sum(values[i] for i in rule.right if i != unknown)  # type: ignore[misc]
    return right - left if unknown in rule.left else left - right


def derive(
    values: list[Value | None],
    lost: set[int],
    rules: RuleSet,
    signed: frozenset[int] = frozenset(),
    start: Iterable[int] | None = None,
) -> list[tuple[int, Value, Rule]]:
    """Fill lost cells that are the single unknown of a rule, repeatedly; in place.

    A value that would be negative (for a count) is not filled: the rule cannot hold.
    ``start`` limits the first rules looked at to those touching these cells (default: the
    lost cells). Returns what was derived, in order.
    """
    derived: list[tuple[int, Value, Rule]] = []
    queue = deque(
        rule for cell in (lost if start is None else start) for rule in rules.by_cell.get(cell, ())
    )
    while queue:
        rule = queue.popleft()
        unknown = [i for i in rule.cells if values[i] is None]
        if len(unknown) != 1 or unknown[0] not in lost:
            continue
        cell = unknown[0]
        value = solve(rule, values, cell)
        if value < 0 and cell not in signed:
            continue
        values[cell] = value
        lost.discard(cell)
        derived.append((cell, value, rule))
        queue.extend(rules.by_cell.get(cell, ()))
    return derived


def violated(rule: Rule, values: Sequence[Value | None]) -> bool | None:
    """Whether a rule is broken: ``None`` when a cell it needs is unknown."""
    pick = values.__getitem__
    try:  # summing at C speed; a None among the cells stops it
        return sum(map(pick, rule.left)) != sum(map(pick, rule.right))  # type: ignore[arg-type]
    except TypeError:
        return None
