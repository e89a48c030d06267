"""Property: a PDF page whose tables' value lines flow among each other (``pdftotext
-layout``, the page damage ``interleaved`` of ``tests/page_damage.py``) never makes a wrong
number, nor a cell claimed printed blank where the report prints a number in silence.

Hypothesis takes a real ``pdftotext -layout`` page of the project (its gold typed by hand,
``tests/fixtures/realworld/gold-flat``) and moves two to four value lines of one table among
another's. Every cell the intact page reads right must then be right or missing, or blank
where the gold prints no number (not even 0). A row whose value line moved away prints no
value on its label's lines: where the rules do not let its cells all be 0, it is missing
and said (``blank-contradicted``), also where another row's values were not read, the rules
not telling which row holds what they leave (stop 111; stop 105 let such a row be read
printed blank)."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from pathlib import Path
from random import Random

from hypothesis import assume, given
from hypothesis import strategies as st
from page_damage import page_damaged

import govinfo_report as gr

from conftest import scaled

REALWORLD = Path(__file__).parents[1] / "fixtures" / "realworld"
PAGES = sorted(REALWORLD.glob("renderings/*/*pdftotext-layout.txt"))


@cache
def _read(path: Path) -> tuple[str, gr.Report, dict[str, object]]:
    """The page's text, its reading intact, and its report's gold values."""
    text = path.read_text(encoding="utf-8")
    gold = json.loads((REALWORLD / "gold-flat" / f"{path.parent.name}.json").read_text("utf-8"))
    return text, gr.parse(text), gold["values"]


def _right(value: object, want: object) -> bool:
    """Whether ``value`` is the gold's (a number, ``None`` for a printed blank, or a list of
    either)."""
    return any(
        value is None if w is None else value is not None and Decimal(str(value)) == Decimal(str(w))
        for w in (want if isinstance(want, list) else [want])
    )


def test_the_pages_are_there() -> None:
    assert len(PAGES) >= 6


@scaled(0.6)
@given(st.sampled_from(PAGES), st.randoms(use_true_random=False))
def test_value_lines_interleaved_are_never_a_wrong_number_nor_a_false_blank(
    path: Path, rng: Random
) -> None:
    text, intact, gold = _read(path)
    made = page_damaged(text, intact, "interleaved", rng, paged=True)
    assume(made is not None)
    assert made is not None
    back = gr.parse(made.text)
    for key, want in gold.items():
        if not _right(intact.cell(key).value, want):
            continue  # the intact page's own misses are scored elsewhere
        cell = back.cell(key)
        assert cell.value is None or _right(cell.value, want), (key, cell.value, want)
        printed = not _right(None, want)  # a number, 0 too (a blank the rules make 0 is 0)
        assert not (printed and cell.provenance == "blank"), key
