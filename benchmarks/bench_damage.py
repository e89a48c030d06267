"""The table stage's cost on damaged real reports: every seed with numbers deleted, blanked
or run together, against the same seed intact and a tab-regex split of its text.

    python benchmarks/bench_damage.py [--trials 30] [--most 20] [--seed 1]

For each seed and each kind of damage, ``--trials`` copies each lose 1 to ``--most``
numbers of its tables at random places; each copy is parsed once (after a warm-up parse)
and timed. Prints per seed and kind: the median and the slowest parse in ms, the slowest
against the 100 ms target, and the intact seed's time against the regex split.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import govinfo_report as gr

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt"))
#: The slowest damaged parse allowed, in seconds.
TARGET = 0.100
#: A number as a whole tab cell or as a line of its own (row-per-cell text).
_NUMBER = re.compile(r"(?<=\t)\d+(?=\t|$)", re.MULTILINE)
_SPLIT = re.compile(r"\t")


def table_numbers(text: str) -> list[re.Match[str]]:
    """The numbers of a seed's tables (sections 二 to 四), as matches in ``text``."""
    start = text.find("二、")
    end = text.find("五、", start)
    return [
        m for m in _NUMBER.finditer(text) if start <= m.start() < (end if end > 0 else len(text))
    ]


def delete(text: str, match: re.Match[str]) -> str:
    """The number and the tab before it gone: the row prints one value fewer."""
    return text[: match.start() - 1] + text[match.end() :]


def blank(text: str, match: re.Match[str]) -> str:
    """The number gone, its cell left empty."""
    return text[: match.start()] + text[match.end() :]


def run_together(text: str, match: re.Match[str]) -> str:
    """The tab before the number gone: it runs into the cell before it."""
    return text[: match.start() - 1] + text[match.start() :]


DAMAGE: dict[str, Callable[[str, re.Match[str]], str]] = {
    "deleted": delete,
    "blanked": blank,
    "run together": run_together,
}


def damaged(
    text: str, how: Callable[[str, re.Match[str]], str], count: int, rng: random.Random
) -> str:
    """``text`` with ``count`` of its table numbers damaged by ``how``, from the last back
    (so that earlier positions stay valid)."""
    numbers = table_numbers(text)
    for match in sorted(rng.sample(numbers, min(count, len(numbers))), key=lambda m: -m.start()):
        text = how(text, match)
    return text


def timed(text: str) -> float:
    start = time.perf_counter()
    gr.parse(text)
    return time.perf_counter() - start


def floor(text: str, rounds: int = 50) -> float:
    """The time of a tab-regex split of every line of ``text``."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for line in text.split("\n"):
            _SPLIT.split(line)
        best = min(best, time.perf_counter() - start)
    return best


class Damage(NamedTuple):
    """One seed under one kind of damage: the intact parse, the damaged copies' median and
    slowest parse, and the intact parse against the regex split (seconds)."""

    seed: str
    damage: str
    intact: float
    median: float
    slowest: float
    split_ratio: float


def measure(trials: int = 30, most: int = 20, seed: int = 1) -> list[Damage]:
    """Every seed under every kind of damage: ``trials`` copies each, 1 to ``most`` numbers
    damaged, each copy parsed once after a warm-up parse of the intact seed."""
    rng = random.Random(seed)
    rows = []
    for path in SEEDS:
        text = path.read_text("utf-8")
        gr.parse(text)
        intact = min(timed(text) for _ in range(5))
        ratio = intact / floor(text)
        for name, how in DAMAGE.items():
            times = [timed(damaged(text, how, rng.randint(1, most), rng)) for _ in range(trials)]
            rows.append(
                Damage(path.stem[:3], name, intact, statistics.median(times), max(times), ratio)
            )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trials", type=int, default=30)
    parser.add_argument("--most", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rows = measure(args.trials, args.most, args.seed)
    print(
        f"{'seed':8} {'damage':13} {'median ms':>9} {'max ms':>8} {'intact ms':>9} {'x split':>8}"
    )
    for row in rows:
        print(
            f"{row.seed:8} {row.damage:13} {1000 * row.median:9.1f} {1000 * row.slowest:8.1f} "
            f"{1000 * row.intact:9.2f} {row.split_ratio:8.1f}"
        )
    slowest = max(row.slowest for row in rows)
    verdict = "PASS" if slowest <= TARGET else "FAIL"
    print(
        f"slowest damaged parse: {1000 * slowest:.1f} ms (target {1000 * TARGET:.0f} ms): {verdict}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
