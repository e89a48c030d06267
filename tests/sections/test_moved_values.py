"""Section 四's values with one moved (``appeals._moved``): only the moves that reach every
group breaking in printed order are tried, and they give what trying every move gives."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo_report.catalogue import TEMPLATES
from govinfo_report.cells import count_values
from govinfo_report.structure.layouts import Printed
from govinfo_report.tables.sections import appeals


def _every_move(values: Sequence[Printed], name: str) -> list[tuple[str, ...]]:
    """Each order of ``values`` with one moved that makes every group's 总计 hold, trying
    every move: 总计 last of each five, a placeholder taking what its 总计 leaves, never
    below 0, two of them in a group unchecked."""
    texts = [text for text, _, _ in values]
    found: list[tuple[str, ...]] = []
    for at in range(len(texts)):
        for to in range(len(texts)):
            if to == at:
                continue
            rest = texts[:at] + texts[at + 1 :]
            order = (*rest[:to], texts[at], *rest[to:])
            holds = all(_group_holds(order[group : group + 5]) for group in (0, 5, 10))
            if holds and order not in found:
                found.append(order)
    return found


def _group_holds(group: Sequence[str]) -> bool:
    *parts, total = count_values(group)
    missing = [*parts, total].count(None)
    if missing > 1:
        return True
    known = sum(value for value in parts if value is not None)
    if total is None:
        return True
    return total == known if missing == 0 else total >= known


_TEXTS = st.one_of(st.integers(0, 12).map(str), st.sampled_from(["0", "0", "1", "—"]))


@st.composite
def _moved_rows(draw: st.DrawFn) -> list[str]:
    """Three groups whose 总计 hold, one value moved, sometimes one printed "not given"."""
    texts: list[str] = []
    for _ in range(3):
        parts = draw(st.lists(st.integers(0, 9), min_size=4, max_size=4))
        texts += [*map(str, parts), str(sum(parts))]
    value = texts.pop(draw(st.integers(0, 14)))
    texts.insert(draw(st.integers(0, 14)), value)
    if draw(st.booleans()):
        texts[draw(st.integers(0, 14))] = "—"
    return texts


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(_moved_rows(), st.lists(_TEXTS, min_size=15, max_size=15)),
    st.sampled_from(["2019", "2021"]),
)
def test_the_moves_tried_give_what_every_move_gives(texts: list[str], name: str) -> None:
    template = TEMPLATES[name]
    cells = tuple(template.sections["appeals"])
    values = [(text, 40, 1 + 4 * at) for at, text in enumerate(texts)]
    moved = [
        tuple(text for text, _, _ in order) for order, _ in appeals._moved(values, template, cells)
    ]
    assert moved == _every_move(values, name)


def test_a_total_printed_first_of_its_group_is_moved_back_to_its_place() -> None:
    # 7 printed before its group's 4 2 0 1: only 7 moved after them makes the group hold
    texts = ["7", "4", "2", "0", "1", *["0"] * 5, "1", "1", "0", "0", "2"]
    template = TEMPLATES["2021"]
    values = [(text, 40, 1 + 4 * at) for at, text in enumerate(texts)]
    moved = list(appeals._moved(values, template, tuple(template.sections["appeals"])))
    assert [tuple(text for text, _, _ in order) for order, _ in moved] == [
        ("4", "2", "0", "1", "7", *["0"] * 5, "1", "1", "0", "0", "2")
    ]
    assert moved[0][1] == ("7", 40, 1)
