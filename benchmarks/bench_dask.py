"""What the Dask engine costs against ``iter_parse(jobs=2)``: the same corpus of generated
reports (``corpus.py``, cached under ``benchmarks/.corpus``) parsed and written as JSON Lines
with two worker processes, three ways:

- ``iter_parse``: ``gr.iter_parse(gr.documents(corpus), jobs=2)`` in this process writing
  one JSONL file, as ``govinfo-report parse --jobs 2 --format jsonl`` does;
- ``dask processes``: ``gr_dask.write_jsonl`` on Dask's local multiprocessing scheduler
  (``num_workers=2``), no cluster;
- ``dask cluster``: the same on a ``dask.distributed.LocalCluster`` of two worker processes
  of one thread (its start timed apart; its first job, when the workers import the library,
  shown apart too).

The rounds take the three in turn, so that other work on the machine weighs on each alike.
For each: the best wall time, documents per second at it, and the CPU time of every process
involved (this one, the worker processes, the cluster's nannies) per document, the median
of the rounds: on a machine shared with other work the CPU time is the steadier measure of
what a way costs.

Usage: python benchmarks/bench_dask.py [--reports N] [--rounds N] [--partitions N]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import dask
import psutil  # a dependency of dask.distributed
from dask.distributed import Client, LocalCluster

import govinfo_report as gr
from govinfo_report import dask as gr_dask
from govinfo_report.write.export import to_jsonl

import corpus

WORKERS = 2
#: A run: wall seconds, CPU seconds of every process involved, documents accounted for.
Run = tuple[float, float, int]


def cpu_seconds() -> tuple[float, dict[int, float]]:
    """CPU seconds of this process and of its finished children, and of each living
    descendant by process id."""
    own = sum(
        usage.ru_utime + usage.ru_stime
        for usage in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    )
    living = {}
    for child in psutil.Process().children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.Error:  # ended in between: counted once reaped
            continue
        living[child.pid] = times.user + times.system
    return own, living


def timed(job: Callable[[], int]) -> Run:
    """``job``'s wall time, CPU time (all processes) and the documents it accounted for."""
    own, living = cpu_seconds()
    wall = time.perf_counter()
    documents = job()
    wall = time.perf_counter() - wall
    own_after, living_after = cpu_seconds()
    spent = own_after - own
    spent += sum(after - living.get(pid, 0.0) for pid, after in living_after.items())
    return wall, spent, documents


def with_iter_parse(folder: Path, out: Path) -> int:
    documents = 0
    with open(out / "all.jsonl", "w", encoding="utf-8") as handle:
        for result in gr.iter_parse(gr.documents(folder), jobs=WORKERS):
            documents += 1
            if result.ok:
                handle.writelines(to_jsonl([result.report]))  # type: ignore[list-item]
    return documents


def with_dask(folder: Path, out: Path, partitions: int) -> int:
    written = gr_dask.write_jsonl(gr_dask.results(str(folder), npartitions=partitions), out)
    return written.reports + len(written.failures)


def fresh(root: Path, name: str) -> Path:
    out = root / name
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--partitions", type=int, default=16)
    args = parser.parse_args()
    folder, _ = corpus.cached(args.reports)
    for path in folder.rglob("*.txt"):  # the files in the page cache for every run alike
        path.read_bytes()
    runs: dict[str, list[Run]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        started = time.perf_counter()
        with (
            LocalCluster(
                n_workers=WORKERS, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            Client(cluster) as client,
        ):
            started = time.perf_counter() - started
            first = timed(lambda: with_dask(folder, fresh(root, "first"), args.partitions))
            ways: dict[str, Callable[[Path], int]] = {
                "iter_parse(jobs=2)": lambda out: with_iter_parse(folder, out),
                "dask, local processes": lambda out: with_dask(folder, out, args.partitions),
                "dask cluster (warm)": lambda out: with_dask(folder, out, args.partitions),
            }
            for _ in range(args.rounds):
                for label, job in ways.items():
                    if label.startswith("dask, local"):
                        with dask.config.set(scheduler="processes", num_workers=WORKERS):
                            run = timed(lambda job=job, label=label: job(fresh(root, label)))
                    else:
                        with dask.config.set(scheduler=client):
                            run = timed(lambda job=job, label=label: job(fresh(root, label)))
                    runs.setdefault(label, []).append(run)
    print(
        f"{args.reports} reports, {WORKERS} worker processes, {args.partitions} partitions, "
        f"{args.rounds} rounds, {os.cpu_count()} CPUs, load average "
        f"{os.getloadavg()[0]:.1f}; LocalCluster start {started:.1f} s\n"
    )
    print("| run | best seconds | documents/s | CPU ms/document (all processes) |")
    print("|---|---|---|---|")
    for label, done in [("dask cluster, first job", [first]), *runs.items()]:
        assert all(documents == args.reports for _, _, documents in done), label
        wall = min(w for w, _, _ in done)
        spent = statistics.median(c for _, c, _ in done)
        print(
            f"| {label} | {wall:.2f} | {args.reports / wall:,.0f} "
            f"| {spent / args.reports * 1000:.2f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
