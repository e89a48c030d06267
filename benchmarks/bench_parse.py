"""Parse the bundled real reports repeatedly; print reports/second for the full pipeline and
its ratio to a raw pass over the same bytes (decode, split lines, split cells, find numbers).

Usage: python benchmarks/bench_parse.py [--rounds N]
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

import govinfo_report as gr

SEEDS = sorted((Path(__file__).parent.parent / "tests" / "fixtures" / "seeds").glob("*.txt"))
NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def floor_pass(data: bytes) -> int:
    """What any reader must do: decode, split lines and cells, find the numbers."""
    found = 0
    for line in data.decode("utf-8").splitlines():
        for cell in line.split("\t"):
            found += len(NUMBER.findall(cell))
    return found


def timed(function, inputs: list[bytes], rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for data in inputs:
            function(data)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    inputs = [seed.read_bytes() for seed in SEEDS]
    gr.parse(inputs[0])  # build the grammar and caches once, as a long-running job would
    count = args.rounds * len(inputs)
    full = timed(gr.parse, inputs, args.rounds)
    floor = timed(floor_pass, inputs, args.rounds)
    megabytes = args.rounds * sum(map(len, inputs)) / 1e6
    print(f"reports parsed      {count}")
    print(f"full pipeline       {count / full:8.0f} reports/s  {megabytes / full:6.2f} MB/s")
    print(f"raw regex floor     {count / floor:8.0f} reports/s  {megabytes / floor:6.2f} MB/s")
    print(f"ratio to the floor  {full / floor:8.1f}x")


if __name__ == "__main__":
    main()
