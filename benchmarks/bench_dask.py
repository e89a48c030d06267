"""What the Dask engine costs against ``iter_parse(jobs=2)``: the same corpus of generated
reports (``corpus.py``, cached under ``benchmarks/.corpus``) parsed and written as JSON Lines
with two worker processes, four ways:

- ``iter_parse``: ``gr.iter_parse(gr.documents(corpus), jobs=2)`` in this process writing
  one JSONL file, as ``govinfo-report parse --jobs 2 --format jsonl`` does;
- ``dask processes``: ``gr_dask.write_jsonl`` on Dask's local multiprocessing scheduler
  (``num_workers=2``), no cluster;
- ``dask cluster``: the same on a ``dask.distributed.LocalCluster`` of two worker processes
  of one thread, its start timed apart: the first job (workers import the library) and a
  second one on the warm cluster.

Each is the best of ``--rounds`` runs (the cluster's first job is run once); wall seconds,
documents per second, and the CPU seconds of this process (the parent, or the client).

Usage: python benchmarks/bench_dask.py [--reports N] [--rounds N] [--partitions N]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import dask
from dask.distributed import Client, LocalCluster

import govinfo_report as gr
from govinfo_report import dask as gr_dask
from govinfo_report.export import to_jsonl

import corpus

WORKERS = 2


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed(job: Callable[[], int]) -> tuple[float, float, int]:
    """Wall and own CPU seconds of ``job``, and the documents it accounted for."""
    wall, own = time.perf_counter(), cpu()
    documents = job()
    return time.perf_counter() - wall, cpu() - own, documents


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
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--partitions", type=int, default=16)
    args = parser.parse_args()
    folder, _ = corpus.cached(args.reports)
    for path in folder.rglob("*.txt"):  # the files in the page cache for every run alike
        path.read_bytes()
    rows: list[tuple[str, float, float, int]] = []
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)

        def best(label: str, job: Callable[[Path], int]) -> None:
            runs = [timed(lambda: job(fresh(root, label))) for _ in range(args.rounds)]
            rows.append((label, *min(runs)))

        best("iter_parse(jobs=2)", lambda out: with_iter_parse(folder, out))
        with dask.config.set(scheduler="processes", num_workers=WORKERS):
            best(
                "dask, local processes",
                lambda out: with_dask(folder, out, args.partitions),
            )
        start = time.perf_counter()
        with (
            LocalCluster(
                n_workers=WORKERS, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            Client(cluster),
        ):
            started = time.perf_counter() - start
            first = timed(lambda: with_dask(folder, fresh(root, "first"), args.partitions))
            rows.append(("dask cluster, first job", *first))
            best("dask cluster, warm", lambda out: with_dask(folder, out, args.partitions))
    print(
        f"{args.reports} reports, {WORKERS} worker processes, {args.partitions} partitions, "
        f"{os.cpu_count()} CPUs; LocalCluster start {started:.1f} s\n"
    )
    print("| run | seconds | documents/s | own CPU s |")
    print("|---|---|---|---|")
    for label, wall, own, documents in rows:
        assert documents == args.reports, (label, documents)
        print(f"| {label} | {wall:.2f} | {documents / wall:,.0f} | {own:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
