"""What moving a result between processes costs: a whole ``Report`` pickled against the
compact form (``compact.pack``) for each seed report, and the parent's CPU time per document
of ``iter_parse(jobs=2)`` at several chunk sizes, with workers that return a prepared result
instead of parsing (so that only the machinery is measured).

Usage: python benchmarks/bench_transfer.py [--rounds N] [--documents N]
"""

from __future__ import annotations

import argparse
import os
import pickle
import time
from collections.abc import Callable
from pathlib import Path

import govinfo_report as gr
from govinfo_report.compact import pack, unpack
from govinfo_report.corpus import stream
from govinfo_report.result import Result

SEEDS = sorted((Path(__file__).parent.parent / "tests" / "fixtures" / "seeds").glob("*.txt"))
PROTOCOL = pickle.HIGHEST_PROTOCOL
REPORTS = [gr.parse(seed) for seed in SEEDS]


def best(function: Callable[[], object], rounds: int) -> float:
    """Microseconds per call, the best of five runs of ``rounds`` calls."""
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(rounds):
            function()
        runs.append((time.perf_counter() - start) / rounds)
    return min(runs) * 1e6


def transfer(rounds: int) -> None:
    print(
        "seed  parse us | whole: bytes  dumps us  loads us | compact: bytes  pack us  "
        "dumps us  loads us  unpack us"
    )
    for seed, report in zip(SEEDS, REPORTS, strict=True):
        print(f"{seed.stem[:3]}  {row(seed, report, rounds)}")


def row(seed: Path, report: gr.Report, rounds: int) -> str:
    whole = pickle.dumps(report, PROTOCOL)
    packed = pack(report)
    compact = pickle.dumps(packed, PROTOCOL)
    assert unpack(pickle.loads(compact)) == report
    return (
        f"{best(lambda: gr.parse(seed), max(1, rounds // 20)):8.0f} | "
        f"{len(whole):12,} {best(lambda: pickle.dumps(report, PROTOCOL), rounds):9.1f} "
        f"{best(lambda: pickle.loads(whole), rounds):9.1f} | "
        f"{len(compact):14,} {best(lambda: pack(report), rounds):8.1f} "
        f"{best(lambda: pickle.dumps(packed, PROTOCOL), rounds):9.1f} "
        f"{best(lambda: pickle.loads(compact), rounds):9.1f} "
        f"{best(lambda: unpack(packed), rounds):10.1f}"
    )


PREPARED = [
    pickle.dumps(Result(0, seed.name, report=report), PROTOCOL)
    for seed, report in zip(SEEDS, REPORTS, strict=True)
]


def prepared(task: stream._Task, **options: object) -> Result:
    """A worker that parses nothing: a seed's result, already packed."""
    result: Result = pickle.loads(PREPARED[task[0] % len(PREPARED)])
    return result


def machinery(documents: int) -> None:
    stream._work = prepared  # the workers are forked from here, so they use it too
    print("chunksize  parent CPU us/document  (workers return prepared results)")
    for chunksize in (1, 4, 16, 64):
        sources = (SEEDS[i % len(SEEDS)] for i in range(documents))
        before = os.times()
        taken = sum(1 for _ in gr.iter_parse(sources, jobs=2, chunksize=chunksize))
        after = os.times()
        cpu = (after.user - before.user) + (after.system - before.system)
        assert taken == documents
        print(f"{chunksize:9}  {cpu / documents * 1e6:22.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=2000)
    parser.add_argument("--documents", type=int, default=20000)
    args = parser.parse_args()
    transfer(args.rounds)
    machinery(args.documents)


if __name__ == "__main__":
    main()
