"""Instruction counts of the text path (issue 46): figures that do not move with the load.

Time on a shared 2-core machine swings twofold for the same code; the number of machine
instructions a parse executes does not. A fresh Python runs under valgrind's callgrind
(``PYTHONHASHSEED=0``, so that every run hashes alike): it parses every text once to warm
the caches (grammar, memos) uncounted, then parses each text once more and passes it
through the plain floor (``plain_floor``, the throughput table's too), each call made
through ``operator.call``. Callgrind collects only inside that function
(``--toggle-collect``) and writes the count of each call apart (``--dump-after``), so a
text's count is its parse alone, with no interpreter start, import or warm-up in it.

The counted pass is made ``REPEATS`` times and each text's count is the median of its
counts. One count moves with the state of the C allocator's heap (glibc's ``malloc``
serves every object over 512 bytes): the same parse of the same text counted three times
in one process gave seed 001 19.84, 19.89 and 19.56 M (the seeds 76.5, 76.1 and 75.9 M),
and a change of a few lines that made no parse do more work moved seed 001 by 0.3 M. The
median leaves out a pass whose heap happened to cost more, not the parse's own work.

    python benchmarks/bench_instructions.py [--quick]

Prints, per group of texts (the seeds, the real renderings of ``tests/fixtures/realworld``,
and the cases beside the checkout, ``../shared/cases``, when they are there): the parse
against the plain floor in instructions, and the median, p95 and largest count of a text.
Without valgrind it says so and measures nothing.
"""

from __future__ import annotations

import argparse
import gc
import json
import operator
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt"))
REALWORLD = ROOT / "tests" / "fixtures" / "realworld"
#: The cases (real reports' causes, rendered by real tools): read-only, beside the checkout.
CASES = ROOT.parent / "shared" / "cases"
#: The C function of ``operator.call`` (CPython 3.11+): the measured calls alone go through it.
MARK = "_operator_call"
#: Issue 46's target: the seeds' parse at most this many times the plain floor.
TARGET_SEEDS_PLAIN = 26.0
#: The counted passes over the texts; each text's count is the median of its passes'.
REPEATS = 3
#: The plain floor's cell separator: a tab.
TAB = re.compile("\t")
MISSING = "valgrind is not installed: no instruction counts (apt-get install valgrind)"


def groups(quick: bool = False) -> dict[str, list[Path]]:
    """The texts counted, by group: the seeds, every real rendering, every case (when
    ``CASES`` is there); ``quick``: the seeds and three of each other group."""
    renderings = sorted(
        [
            *(REALWORLD / "raw").glob("*.crawler.txt"),
            *(REALWORLD / "raw").glob("*.md"),
            *REALWORLD.glob("renderings/*/*.txt"),
        ]
    )
    cases = sorted(CASES.glob("*.txt")) if CASES.is_dir() else []
    found = {"seeds": SEEDS, "real renderings": renderings, "cases": cases}
    return {
        name: paths[:3] if quick and name != "seeds" else paths
        for name, paths in found.items()
        if paths
    }


def plain_floor(data: bytes) -> int:
    """The plainest pass a reader of tab-separated text makes (issue 30's yardstick):
    decode UTF-8, split lines, split each line on tabs with one compiled pattern. Returns
    the number of cells."""
    cells = 0
    for line in data.decode("utf-8").splitlines():
        cells += len(TAB.split(line))
    return cells


def tail(ordered: Sequence[float]) -> tuple[float, float, float]:
    """The median, the 95th percentile (nearest rank) and the largest of ``ordered``
    (sorted)."""
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]
    return statistics.median(ordered), p95, ordered[-1]


class Count(NamedTuple):
    """A group's instruction counts: each text's parse and plain floor, in file order."""

    group: str
    names: list[str]
    parse: list[int]
    plain: list[int]

    def cells(self) -> list[str]:
        largest = max(range(len(self.parse)), key=self.parse.__getitem__)
        return [
            self.group,
            f"{len(self.parse)}",
            f"{sum(self.parse) / 1e6:,.1f}",
            f"{sum(self.plain) / 1e6:,.2f}",
            f"{self.ratio():.1f}",
            *(f"{count / 1e6:.1f}" for count in tail(sorted(self.parse))),
            f"`{self.names[largest]}`",
        ]

    def ratio(self) -> float:
        return sum(self.parse) / sum(self.plain)


HEADER = [
    "texts",
    "reports",
    "parse M instr.",
    "plain floor M instr.",
    "x plain floor",
    "median M",
    "p95 M",
    "largest M",
    "largest",
]


def available() -> bool:
    return shutil.which("valgrind") is not None


def measure(quick: bool = False) -> list[Count] | None:
    """Each group's counts, from one run under callgrind; ``None`` without valgrind."""
    if not available():
        print(MISSING, flush=True)
        return None
    found = groups(quick)
    paths = [path for group in found.values() for path in group]
    with tempfile.TemporaryDirectory() as folder:
        spec = Path(folder) / "texts.json"
        spec.write_text(json.dumps([str(path) for path in paths]), encoding="utf-8")
        counts = counted_calls(Path(__file__), "--child", str(spec))
    calls = 2 * len(paths)
    if len(counts) != REPEATS * calls:
        raise SystemExit(f"callgrind wrote {len(counts)} counts for {REPEATS * calls} calls")
    passes = [counts[at : at + calls] for at in range(0, len(counts), calls)]
    each = [int(statistics.median(column)) for column in zip(*passes, strict=True)]
    parse, plain = each[0::2], each[1::2]
    rows, at = [], 0
    for group, members in found.items():
        end = at + len(members)
        rows.append(Count(group, [path.name for path in members], parse[at:end], plain[at:end]))
        at = end
    return rows


def counted_calls(script: Path, *arguments: str) -> list[int]:
    """The instructions of each call ``script`` (run with ``arguments`` under callgrind)
    makes through ``MARK``, in order: a dump a call."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--collect-atstart=no",
                f"--toggle-collect={MARK}",
                f"--dump-after={MARK}",
                f"--callgrind-out-file={folder}/callgrind.out",
                sys.executable,
                str(script),
                *arguments,
            ],
            check=True,
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        dumps = sorted(Path(folder).glob("callgrind.out.*"), key=lambda path: int(path.suffix[1:]))
        return [total(path) for path in dumps]


def total(dump: Path) -> int:
    """The instructions a callgrind dump counted (its ``totals:`` line)."""
    for line in dump.read_text(encoding="utf-8").splitlines():
        if line.startswith("totals:"):
            return int(line.split()[1])
    raise SystemExit(f"{dump} has no totals")


def child(spec: Path) -> None:
    """Run under callgrind: every text parsed and split once uncounted, then ``REPEATS``
    times each parsed and split again through ``operator.call`` (counted, a dump a call),
    what came before each pass frozen (``gc.freeze``)."""
    import govinfo_report as gr

    texts = [Path(path).read_bytes() for path in json.loads(spec.read_text(encoding="utf-8"))]
    for data in texts:
        gr.parse(data)
        plain_floor(data)
    for _ in range(REPEATS):
        # What came before is kept out of the collector: a full collection's cost (15 M
        # instructions on a case) then lands in no count by chance of its threshold.
        gc.freeze()
        for data in texts:
            operator.call(gr.parse, data)
            operator.call(plain_floor, data)


def results(counts: Sequence[Count] | None) -> list[str]:
    """The instruction table as markdown (a sentence instead without valgrind)."""
    title = (
        f"**Instructions** (valgrind's callgrind: each text's median of {REPEATS} counted parses "
        "after a warm-up pass, millions of instructions; the plain floor as in the throughput "
        "table)"
    )
    if counts is None:
        return [f"{title}: not measured, {MISSING}."]
    return [f"{title}:", "", *_table(HEADER, [count.cells() for count in counts])]


def targets(counts: Sequence[Count] | None) -> list[list[str]]:
    """Issue 46's instruction target row."""
    name = f"seeds at most {TARGET_SEEDS_PLAIN:g}x the plain floor in instructions"
    seeds = next((count for count in counts or () if count.group == "seeds"), None)
    if seeds is None:
        return [[name, "not measured (no valgrind)", "NOT RUN"]]
    ratio = seeds.ratio()
    return [[name, f"{ratio:.1f}x", "PASS" if ratio <= TARGET_SEEDS_PLAIN else "FAIL"]]


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    align = ["---"] + ["---:"] * (len(header) - 2) + ["---"]
    return [f"| {' | '.join(row)} |" for row in (header, align, *rows)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="the seeds and 3 texts a group")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    counts = measure(args.quick)
    verdicts = _table(["target", "measured", "verdict"], targets(counts))
    print("\n".join([*results(counts), "", *verdicts]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
