"""The benchmark of issue 5, in one run: throughput per layout and template against a floor,
where parse time goes, time and peak memory against corpus size (streaming and keeping every
report), the speedup of two workers, and a verdict on each target.

Corpora come from ``corpus.py`` (cached under ``benchmarks/.corpus``). Measurements:

throughput  ``gr.parse`` on bytes in this process (one core): reports of every (template,
            layout) pair of the corpus (``--per-layout`` each) and the five real seeds
            (repeated to as many), best of ``--rounds`` rounds of ``time.perf_counter``
            after a warm-up parse (grammar built). The floor on the same texts is
            ``floor_pass``: decode UTF-8, split lines, split each line into cells; the plain
            floor ``plain_floor`` splits on tabs alone (issue 30's yardstick).
latency     each seed and real rendering parsed alone, each case beside the checkout
            (``../shared/cases``, when there), and each tool rendering of the converter and
            jostled fixtures (the solver's slowest inputs): the median, p95 and slowest.
instructions  ``bench_instructions.py``: the same texts' instruction counts under
            valgrind's callgrind (not moved by the machine's load), the parse against the
            plain floor; skipped with a message where valgrind is missing.
profile     one pass of ``gr.parse`` over the same reports under cProfile, its cumulative
            time split by pipeline stage.
size        per corpus size, a fresh process iterates ``gr.iter_parse(gr.documents(dir))``
            (jobs=1, timeout=None: in that process), counting each result and dropping it
            (streaming; its report is never rebuilt), and for sizes up to ``FULL_MAX``
            another fresh process appends each ``result.report`` to a list (keeping); wall
            time from the first result to the last (after a warm-up parse) and peak RSS
            (``peak_rss``). Larger corpora get only the streaming run, which gives both
            their time and their memory.
workers     the streaming run of the largest size up to ``FULL_MAX`` with jobs=2, and
            jobs=1 and jobs=2 once more, alternated; the speedup is the best wall time of
            jobs=1 over the best of jobs=2.
pdf         ``bench_pdf.py``: each PDF fixture read and parsed against its text parsed and
            against pypdfium2's bare text extraction (CPU ms a page, and one round in
            instructions), and PDFs of 20 and 200 pages read in fresh processes (time, peak
            RSS).
corpus      ``bench_corpus.py``: a mixed folder of real documents (text, HTML, DOCX, PDF,
            scans) through the command line with two workers, kind by kind (wall, CPU,
            peak memory, share), and whole with one worker and with two.
tables      issue 17's table stage: each seed's best parse, seed 003 (18 short rows)
            against the others' median, and ``bench_damage.py``'s seeds with 1 to 20 numbers
            deleted, blanked or run together (the slowest copy against 100 ms). Throughput
            also gets a row of the seeds and every real report's text, once each.
scans       ``bench_ocr.py``: the two real PDFs scanned clean and degraded, each read by OCR
            in a fresh process (CPU a page, against RapidOCR's whole-page detection and
            recognition, peak RSS, cells against the gold), with the load average as each
            started; ``--quick``: page 4 of the shorter report alone, scanned clean. Without
            the ``ocr`` extra it says so and its targets read NOT RUN.

Usage: python benchmarks/bench.py [--sizes 1000,10000,100000] [--quick] [--write-docs]
                                  [--damage-trials 30]
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import gc
import json
import os
import platform
import pstats
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import govinfo_report as gr

import bench_corpus
import bench_damage
import bench_instructions
import bench_ocr
import bench_pdf
import corpus
from bench_instructions import plain_floor, tail
from memory import MB, peak_rss

ROOT = Path(__file__).parent.parent
SEEDS = sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt"))
REALWORLD = ROOT / "tests" / "fixtures" / "realworld"
DOCS = ROOT / "docs" / "performance.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
#: Corpora up to this size also get the keeping run; the workers run uses the largest such.
FULL_MAX = 10_000
#: A time is linear when its time per report at the largest size is at most this many times
#: that at the smallest (or, in ``bench_scaling.py``, seconds per MB).
LINEAR_LIMIT = 1.5
#: The targets of issue 5.
TARGET_RATE = 3000  # reports/s on one core
TARGET_FLOOR = 10.0  # at most this many times the floor
TARGET_SPEEDUP = 1.8  # two workers over one
TARGET_FLAT_MB = 10.0  # streaming peak RSS growth from the smallest corpus to the largest
#: The targets of issue 17 (the table stage): x floor on the seeds and on generated reports,
#: seed 003 (18 short rows) against the other seeds' median, a damaged seed's slowest parse.
TARGET_SEEDS_FLOOR = 25.0
TARGET_GENERATED_FLOOR = 27.0
TARGET_SHORT_ROWS = 2.0
TARGET_DAMAGED_S = bench_damage.TARGET

#: Cell separators of every layout: a tab, a pipe, or a run of two or more spaces.
CELLS = re.compile(r"[\t|]| {2,}")


def floor_pass(data: bytes) -> int:
    """What any reader of these texts must do: decode UTF-8, split lines, split each line
    into cells (``CELLS``). Returns the number of cells."""
    cells = 0
    for line in data.decode("utf-8").splitlines():
        cells += len(CELLS.split(line))
    return cells


def cpu_model() -> str:
    """The CPU's model name as /proc/cpuinfo gives it ("" where there is none)."""
    cpuinfo = Path("/proc/cpuinfo")
    if not cpuinfo.exists():
        return ""
    return next(
        (
            line.split(":", 1)[1].strip()
            for line in cpuinfo.read_text().splitlines()
            if line.startswith("model name")
        ),
        "",
    )


def machine() -> str:
    """CPU model, CPUs, OS and Python of this machine, on one line."""
    return (
        f"{cpu_model() or platform.processor() or 'unknown CPU'}, {os.cpu_count()} CPUs, "
        f"{platform.platform()}, {platform.python_implementation()} "
        f"{platform.python_version()}"
    )


# Throughput ---------------------------------------------------------------------------------


class Speed(NamedTuple):
    """Best times of the full pipeline, of the floor and of the plain floor over one set of
    texts."""

    texts: str
    template: str
    reports: int
    megabytes: float
    parse_s: float
    floor_s: float
    plain_s: float

    def cells(self) -> list[str]:
        return [
            self.texts,
            self.template,
            f"{self.reports}",
            f"{self.megabytes * MB / self.reports / 1000:.1f}",
            f"{self.reports / self.parse_s:,.0f}",
            f"{self.megabytes / self.parse_s:.2f}",
            f"{self.reports / self.floor_s:,.0f}",
            f"{self.megabytes / self.floor_s:.1f}",
            f"{self.parse_s / self.floor_s:.1f}",
            f"{self.parse_s / self.plain_s:.1f}",
        ]


def best(function: Callable[[bytes], object], inputs: Sequence[bytes], rounds: int) -> float:
    """The least wall time of ``rounds`` passes of ``function`` over ``inputs``."""
    times = []
    for _ in range(rounds):
        gc.collect()
        start = time.perf_counter()
        for data in inputs:
            function(data)
        times.append(time.perf_counter() - start)
    return min(times)


def speed(texts: str, template: str, inputs: Sequence[bytes], rounds: int) -> Speed:
    return Speed(
        texts,
        template,
        len(inputs),
        sum(map(len, inputs)) / MB,
        best(gr.parse, inputs, rounds),
        best(floor_pass, inputs, rounds),
        best(plain_floor, inputs, rounds),
    )


def throughput(samples: Sequence[corpus.Sample], rounds: int) -> list[Speed]:
    """A row per (layout, template) of ``samples``, one for all of them, one for the seeds."""
    groups: dict[tuple[str, str], list[bytes]] = {}
    for sample in samples:
        groups.setdefault((sample.layout, sample.template), []).append(sample.text.encode())
    rows = []
    for (layout, template), inputs in sorted(groups.items()):
        rows.append(speed(layout, template, inputs, rounds))
        print(
            f"  {layout} {template}: {rows[-1].reports / rows[-1].parse_s:,.0f} reports/s",
            flush=True,
        )
    rows.append(
        Speed(
            "all generated",
            "both",
            sum(row.reports for row in rows),
            sum(row.megabytes for row in rows),
            sum(row.parse_s for row in rows),
            sum(row.floor_s for row in rows),
            sum(row.plain_s for row in rows),
        )
    )
    rows.append(speed("real seeds", "2019", seeds(len(samples) // len(groups)), rounds))
    rows.append(speed("seeds and real reports", "both", real_reports(), rounds))
    return rows


def real_reports() -> list[bytes]:
    """The seeds and the text of every real report of ``tests/fixtures/realworld`` (its
    web-archive text, the PDF extraction's Markdown, what twelve real tools made of its
    pages and PDFs), once each: real pages' blank cells, wraps and scrambled tables."""
    raw = REALWORLD / "raw"
    texts = [*raw.glob("*.crawler.txt"), *raw.glob("*.md"), *REALWORLD.glob("renderings/*/*.txt")]
    return [path.read_bytes() for path in [*SEEDS, *sorted(texts)]]


def tool_renderings() -> list[bytes]:
    """What real tools (pdftotext, docx2txt, pandoc, lynx...) made of the converter fixtures'
    typed reports, and the jostled renderings: space-aligned and read-by-order tables with
    many blanks, the solver's slowest inputs (issue 46)."""
    fixtures = ROOT / "tests" / "fixtures"
    paths = [*fixtures.glob("converters/*/*.txt"), *fixtures.glob("jostled/*.txt")]
    return [path.read_bytes() for path in sorted(paths)]


def cases() -> list[bytes]:
    """The texts of the cases beside the checkout (``bench_instructions.CASES``): real
    reports' causes rendered by real tools; none where they are not there."""
    return [path.read_bytes() for path in bench_instructions.groups().get("cases", [])]


def latencies(rounds: int, texts: Sequence[bytes]) -> list[float]:
    """Each of ``texts`` parsed alone: its best time (seconds) over ``rounds`` rounds of
    all of them in turn, sorted."""
    best = [float("inf")] * len(texts)
    for _ in range(rounds):
        for at, data in enumerate(texts):
            start = time.perf_counter()
            gr.parse(data)
            best[at] = min(best[at], time.perf_counter() - start)
    return sorted(best)


def seed_times(rounds: int) -> dict[str, float]:
    """Each seed's best parse time (seconds) over ``rounds`` rounds of all of them in turn."""
    texts = {path.stem[:3]: path.read_bytes() for path in SEEDS}
    best = dict.fromkeys(texts, float("inf"))
    for _ in range(rounds):
        for name, data in texts.items():
            start = time.perf_counter()
            gr.parse(data)
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def seeds(reports: int) -> list[bytes]:
    """The real seeds' bytes, repeated to about ``reports`` reports."""
    data = [seed.read_bytes() for seed in SEEDS]
    return data * max(1, reports // len(data))


# Profile --------------------------------------------------------------------------------------

#: Pipeline stages: the functions, (file, name), that the wiring (``WIRING``: ``parser.py``
#: and the table stage's ``tables/table.py``) calls for each; their cumulative times, called
#: from there, add up to the stage's.
STAGES: dict[str, tuple[tuple[str, str], ...]] = {
    "source: decode, normalise": (("govinfo_report/read/source.py", "read"),),
    "skeleton: grammar, sections": (("govinfo_report/structure/skeleton.py", "split"),),
    "metadata: title, template": (
        ("govinfo_report/structure/metadata.py", "report_front"),
        ("govinfo_report/structure/templates.py", "detect"),
    ),
    "layout detection": (("govinfo_report/tables/table.py", "_detect"),),
    "rows: layout strategies": (("govinfo_report/structure/layouts/", "rows"),),
    "sections: rows to readings": (("govinfo_report/tables/sections/", "read"),),
    "resolve: values, placement, derivation": (("govinfo_report/tables/resolve.py", "resolve"),),
    "statements: counts in prose": (
        ("govinfo_report/check/statements.py", "find"),
        ("govinfo_report/check/statements.py", "compare"),
    ),
    "validate: consistency rules": (("govinfo_report/check/validate.py", "failures"),),
    "model: Report, tables": (("govinfo_report/parser.py", "_report"),),
}
PARSER = "govinfo_report/parser.py"
WIRING = (PARSER, "govinfo_report/tables/table.py")


def profile(inputs: Sequence[bytes]) -> dict[str, float]:
    """``gr.parse`` over ``inputs`` under cProfile: the seconds of each stage, of the rest
    (``other``) and in all (``total``)."""
    profiler = cProfile.Profile()
    profiler.runcall(lambda: [gr.parse(data) for data in inputs])
    stats: dict[tuple[str, int, str], tuple[Any, ...]] = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    total = next(
        row[3]
        for (path, _, name), row in stats.items()
        if path.endswith(PARSER) and name == "parse"
    )
    stages = {
        stage: sum(
            edge[3]
            for (path, _, name), (*_, callers) in stats.items()
            for file, function in functions
            if name == function and file in path
            for (caller, _, _), edge in callers.items()
            if caller.endswith(WIRING)
        )
        for stage, functions in STAGES.items()
    }
    return {**stages, "other": total - sum(stages.values()), "total": total}


# Corpus size and workers ----------------------------------------------------------------------


def cpu_seconds() -> float:
    """User and system time of this process and of its finished children."""
    return sum(
        usage.ru_utime + usage.ru_stime
        for usage in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    )


def child(mode: str, directory: Path, jobs: int) -> dict[str, float]:
    """Run in a fresh process: iterate the corpus in ``directory``, keeping every report
    (``keep``) or dropping each (``stream``); wall time and peak RSS in MB."""
    gr.parse(SEEDS[0].read_bytes())  # build the grammar, as a long-running job has
    baseline = peak_rss()
    kept: list[gr.Report] = []
    reports = failed = 0
    cpu = cpu_seconds()
    start = time.perf_counter()
    # jobs=1 parses in this process, as before the time budget, so that the sizes compare
    # across versions; jobs=2 has its workers, budget and all.
    in_process = {"timeout": None} if jobs == 1 else {}
    for result in gr.iter_parse(gr.documents(directory), jobs=jobs, **in_process):
        reports += 1
        if not result.ok:
            failed += 1
        elif mode == "keep":
            kept.append(result.report)  # type: ignore[arg-type]
    seconds = time.perf_counter() - start
    return {
        "reports": reports,
        "failed": failed,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds() - cpu,
        "baseline_mb": baseline,
        "peak_mb": peak_rss(),
        "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024 / MB,
    }


def _fastest(runs: Sequence[dict[str, float]]) -> dict[str, float]:
    return min(runs, key=lambda result: result["seconds"])


def run(mode: str, directory: Path, jobs: int = 1) -> dict[str, float]:
    """``child`` in a fresh Python process."""
    done = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            mode,
            "--corpus",
            str(directory),
            "--jobs",
            str(jobs),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    print(
        f"  {mode} {result['reports']:.0f} reports, jobs={jobs}: {result['seconds']:.1f} s, "
        f"peak {result['peak_mb']:.1f} MB",
        flush=True,
    )
    if result["failed"]:
        raise SystemExit(f"{result['failed']:.0f} reports of {directory} failed to parse")
    return result


class Scale(NamedTuple):
    """One corpus size: its streaming run, and its keeping run when it had one."""

    reports: int
    megabytes: float
    stream: dict[str, float]
    keep: dict[str, float] | None

    def per_report_ms(self) -> float:
        return self.stream["seconds"] / self.reports * 1000

    def cells(self) -> list[str]:
        return [
            f"{self.reports:,}",
            f"{self.megabytes:.1f}",
            f"{self.stream['seconds']:.1f}",
            f"{self.per_report_ms():.2f}",
            f"{self.reports / self.stream['seconds']:,.0f}",
            f"{self.stream['baseline_mb']:.1f}",
            f"{self.stream['peak_mb']:.1f}",
            f"{self.keep['peak_mb']:.1f}" if self.keep else "not run",
        ]


def megabytes(directory: Path) -> float:
    return sum(path.stat().st_size for path in directory.rglob("*.txt")) / MB


# Results --------------------------------------------------------------------------------------


def table(header: Sequence[str], rows: Sequence[Sequence[str]], labels: int = 1) -> list[str]:
    """A markdown table: ``labels`` columns of text, then columns of numbers (right-aligned)."""
    align = ["---"] * labels + ["---:"] * (len(header) - labels)
    return [f"| {' | '.join(row)} |" for row in (header, align, *rows)]


def verdict(passed: bool) -> str:
    return "PASS" if passed else "FAIL"


def targets(everything: Speed, scales: Sequence[Scale], speedup: float) -> list[list[str]]:
    """Each target of issue 5: what it asks, what was measured, PASS or FAIL."""
    rate = everything.reports / everything.parse_s
    ratio = everything.parse_s / everything.floor_s
    small, large = scales[0], scales[-1]
    flat = large.stream["peak_mb"] - small.stream["peak_mb"]
    linear = large.per_report_ms() / small.per_report_ms()
    return [
        [
            f"at least {TARGET_RATE:,} reports/s on one core",
            f"{rate:,.0f}",
            verdict(rate >= TARGET_RATE),
        ],
        [f"at most {TARGET_FLOOR:.0f}x the floor", f"{ratio:.2f}x", verdict(ratio <= TARGET_FLOOR)],
        [
            f"2 workers at least {TARGET_SPEEDUP}x one",
            f"{speedup:.3f}x",
            verdict(speedup >= TARGET_SPEEDUP),
        ],
        [
            f"streaming peak within {TARGET_FLAT_MB:.0f} MB from {small.reports:,} to "
            f"{large.reports:,} reports",
            f"{flat:+.1f} MB",
            verdict(flat <= TARGET_FLAT_MB),
        ],
        [
            f"linear: ms/report at {large.reports:,} at most {LINEAR_LIMIT}x that at "
            f"{small.reports:,}",
            f"{linear:.2f}x",
            verdict(linear <= LINEAR_LIMIT),
        ],
    ]


def table_targets(
    speeds: Sequence[Speed], times: dict[str, float], damage: Sequence[bench_damage.Damage]
) -> list[list[str]]:
    """Each target of issue 17 (the table stage): what it asks, what was measured, the
    verdict."""
    floor = {row.texts: row.parse_s / row.floor_s for row in speeds}
    others = statistics.median(time for name, time in times.items() if name != "003")
    short = times["003"] / others
    slowest = max(row.slowest for row in damage)
    return [
        [
            f"seeds at most {TARGET_SEEDS_FLOOR:.0f}x the floor",
            f"{floor['real seeds']:.1f}x",
            verdict(floor["real seeds"] <= TARGET_SEEDS_FLOOR),
        ],
        [
            f"generated reports at most {TARGET_GENERATED_FLOOR:.0f}x the floor",
            f"{floor['all generated']:.1f}x",
            verdict(floor["all generated"] <= TARGET_GENERATED_FLOOR),
        ],
        [
            f"seed 003 (18 short rows) within {TARGET_SHORT_ROWS:.0f}x the other seeds' median",
            f"{short:.2f}x",
            verdict(short <= TARGET_SHORT_ROWS),
        ],
        [
            f"a seed with up to 20 numbers deleted, blanked or run together in at most "
            f"{1000 * TARGET_DAMAGED_S:.0f} ms",
            f"{1000 * slowest:.1f} ms",
            verdict(slowest <= TARGET_DAMAGED_S),
        ],
    ]


def results(
    args: argparse.Namespace,
    load: tuple[float, ...],
    speeds: Sequence[Speed],
    profiles: Sequence[dict[str, float]],
    scales: Sequence[Scale],
    paired_size: int,
    workers: tuple[dict[str, float], dict[str, float]],
    pdfs: tuple[
        Sequence[bench_pdf.Speed], Sequence[dict[str, float]], bench_pdf.Instructions | None
    ],
    tables: tuple[dict[str, float], Sequence[bench_damage.Damage], Sequence[float]],
    tails: tuple[Sequence[float], Sequence[bench_instructions.Count] | None, Sequence[float]],
    mixed: tuple[dict[str, bench_corpus.Run], bench_corpus.Run, bench_corpus.Run],
    scans: Sequence[bench_ocr.Scan] | None,
) -> list[str]:
    """The results as markdown: machine, load, tables and target verdicts."""
    everything = next(row for row in speeds if row.texts == "all generated")
    paired = next(scale for scale in scales if scale.reports == paired_size)
    alone, two = workers
    speedup = alone["seconds"] / two["seconds"]
    return [
        f"Measured {datetime.datetime.now().isoformat(timespec='minutes')} on {machine()}; "
        f"govinfo_report {gr.__version__}, corpus seed {args.seed}"
        f"{', quick run' if args.quick else ''}. Load average (1 min) {load[0]:.2f} at the "
        f"start, {os.getloadavg()[0]:.2f} at the end ({os.cpu_count()} CPUs).",
        "",
        f"**Throughput on one core** (`gr.parse` on bytes, in-process; best of {args.rounds} "
        "rounds; floor: decode, split lines, split cells on tabs, pipes and runs of spaces; "
        "plain floor: the same split on tabs alone):",
        "",
        *table(
            [
                "texts",
                "template",
                "reports",
                "KB/report",
                "reports/s",
                "MB/s",
                "floor reports/s",
                "floor MB/s",
                "x floor",
                "x plain floor",
            ],
            [row.cells() for row in speeds],
            labels=2,
        ),
        "",
        "**Corpus size** (`gr.iter_parse(gr.documents(dir))`, jobs=1 in the process "
        "(`timeout=None`), a fresh process per run; peak RSS in MB):",
        "",
        *table(
            [
                "reports",
                "MB",
                "seconds",
                "ms/report",
                "reports/s",
                "after warm-up MB",
                "streaming peak MB",
                "keeping peak MB",
            ],
            [scale.cells() for scale in scales],
            labels=0,
        ),
        "",
        f"**Two workers** (the {paired.reports:,} reports, streaming; jobs=1 and jobs=2 "
        "alternated, the best of two runs each; CPU: user and system seconds of the main "
        "process and its workers):",
        "",
        *table(
            [
                "reports",
                "jobs=1 s",
                "jobs=1 CPU s",
                "jobs=2 s",
                "jobs=2 CPU s",
                "speedup",
                "jobs=2 peak MB (main)",
                "jobs=2 peak MB (largest worker)",
            ],
            [
                [
                    f"{paired.reports:,}",
                    f"{alone['seconds']:.1f}",
                    f"{alone['cpu_seconds']:.1f}",
                    f"{two['seconds']:.1f}",
                    f"{two['cpu_seconds']:.1f}",
                    f"{speedup:.3f}",
                    f"{two['peak_mb']:.1f}",
                    f"{two['worker_peak_mb']:.1f}",
                ]
            ],
            labels=0,
        ),
        "",
        f"**Where the time goes** (cProfile: the {everything.reports} generated reports, "
        f"and the seeds as in the throughput table; seconds under the profiler):",
        "",
        *table(
            ["stage", "generated s", "share", "seeds s", "share"],
            [
                [
                    stage,
                    *(
                        cell
                        for times in profiles
                        for cell in (f"{times[stage]:.3f}", f"{times[stage] / times['total']:.0%}")
                    ),
                ]
                for stage in profiles[0]
            ],
        ),
        "",
        *bench_pdf.results(*pdfs, args.rounds),
        "",
        *bench_corpus.results(*mixed),
        "",
        *bench_ocr.results(scans),
        "",
        f"**Seeds** (the table stage: each seed's best parse over {args.best_of} rounds, "
        "in turn; seed 003 prints 18 short rows):",
        "",
        *table(
            ["seed", *tables[0]], [["parse ms", *(f"{1000 * t:.2f}" for t in tables[0].values())]]
        ),
        "",
        "**Latency** (each seed and real rendering of `tests/fixtures/realworld`, each "
        "case of `../shared/cases` when it is there, and each tool rendering of the "
        "converter fixtures and the jostled fixtures, parsed alone, best of "
        f"{args.best_of} rounds; ms):",
        "",
        *table(
            ["texts", "reports", "median", "p95", "slowest"],
            [
                [name, f"{len(times)}", *(f"{1000 * t:.2f}" for t in tail(times))]
                for name, times in (
                    ("seeds and real renderings", tables[2]),
                    ("cases", tails[0]),
                    ("tool renderings", tails[2]),
                )
                if times
            ],
        ),
        "",
        *bench_instructions.results(tails[1]),
        "",
        f"**Damaged seeds** (each seed with 1 to 20 of its table numbers deleted, blanked or "
        f"run together, {args.damage_trials} copies per seed and kind, each parsed once after "
        "the intact seed; the intact parse against a tab split of its lines):",
        "",
        *table(
            ["seed", "damage", "median ms", "slowest ms", "intact ms", "intact x tab split"],
            [
                [
                    row.seed,
                    row.damage,
                    f"{1000 * row.median:.1f}",
                    f"{1000 * row.slowest:.1f}",
                    f"{1000 * row.intact:.2f}",
                    f"{row.split_ratio:.0f}",
                ]
                for row in tables[1]
            ],
            labels=2,
        ),
        "",
        "**Targets:**",
        "",
        *table(
            ["target", "measured", "verdict"],
            [
                *targets(everything, scales, speedup),
                *bench_pdf.targets(*pdfs),
                *bench_corpus.targets(*mixed[1:]),
                *bench_ocr.targets(scans),
                *table_targets(speeds, *tables[:2]),
                *plain_targets(speeds, tables[2]),
                *slowest_targets(tails[2]),
                *bench_instructions.targets(tails[1]),
            ],
        ),
    ]


#: Issue 30's targets: against the plain floor, and the real renderings' latency (ms).
TARGET_SEEDS_PLAIN, TARGET_GENERATED_PLAIN = 15.0, 10.0
TARGET_MEDIAN_MS, TARGET_P95_MS, TARGET_SLOWEST_MS = 2.0, 5.0, 20.0


def plain_targets(speeds: Sequence[Speed], times: Sequence[float]) -> list[list[str]]:
    """Issue 30's target rows: seeds and generated reports against the plain floor, and the
    real renderings' median, p95 and slowest parse."""
    seeds_row = next(row for row in speeds if row.texts == "real seeds")
    generated = next(row for row in speeds if row.texts == "all generated")
    median, p95, slowest = (1000 * t for t in tail(times))
    rows = [
        (
            f"seeds at most {TARGET_SEEDS_PLAIN:g}x the plain floor",
            seeds_row.parse_s / seeds_row.plain_s,
            TARGET_SEEDS_PLAIN,
            "x",
        ),
        (
            f"generated reports at most {TARGET_GENERATED_PLAIN:g}x the plain floor",
            generated.parse_s / generated.plain_s,
            TARGET_GENERATED_PLAIN,
            "x",
        ),
        (
            f"real renderings: median at most {TARGET_MEDIAN_MS:g} ms",
            median,
            TARGET_MEDIAN_MS,
            " ms",
        ),
        (f"real renderings: p95 at most {TARGET_P95_MS:g} ms", p95, TARGET_P95_MS, " ms"),
        (
            f"real renderings: slowest at most {TARGET_SLOWEST_MS:g} ms",
            slowest,
            TARGET_SLOWEST_MS,
            " ms",
        ),
    ]
    return [
        [name, f"{value:.1f}{unit}", verdict(value <= bound)] for name, value, bound, unit in rows
    ]


def slowest_targets(times: Sequence[float]) -> list[list[str]]:
    """Issue 46's target for the slowest texts: the tool renderings' slowest parse (their
    median, the floor it is read against, is in the latency table)."""
    slowest = 1000 * tail(times)[2]
    return [
        [
            f"tool renderings: slowest at most {TARGET_SLOWEST_MS:g} ms",
            f"{slowest:.1f} ms",
            verdict(slowest <= TARGET_SLOWEST_MS),
        ]
    ]


def write_docs(path: Path, lines: Sequence[str]) -> None:
    """Put ``lines`` between the bench markers of ``path``, which must hold each marker
    once, in order: a second marker would stay in the text after the block (a marker
    doubled by hand or by a merge of two results blocks), and be carried on by every run."""
    text = path.read_text(encoding="utf-8")
    head, start, rest = text.partition(START)
    _, end, tail = rest.partition(END)
    if not start or not end or text.count(START) != 1 or text.count(END) != 1:
        raise SystemExit(
            f"{path} must hold {START} ... {END} once each, in order "
            f"(has {text.count(START)} and {text.count(END)})"
        )
    path.write_text("\n".join([head + START, *lines, END]) + tail, encoding="utf-8")


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default="1000,10000,100000",
        help="corpus sizes, comma-separated (default 1000,10000,100000)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a tiny run: sizes 24,48, 2 reports per layout, 1 round, one page scanned",
    )
    parser.add_argument(
        "--per-layout",
        type=int,
        default=50,
        help="reports per (template, layout) for throughput (default 50)",
    )
    parser.add_argument("--rounds", type=int, default=5, help="throughput rounds (default 5)")
    parser.add_argument(
        "--damage-trials",
        type=int,
        default=30,
        help="damaged copies per seed and kind of damage (default 30)",
    )
    parser.add_argument("--seed", type=int, default=corpus.SEED)
    parser.add_argument(
        "--corpus",
        type=Path,
        default=corpus.CACHE,
        help="where corpora are cached (default benchmarks/.corpus)",
    )
    parser.add_argument(
        "--write-docs", action="store_true", help=f"write the results into {DOCS.relative_to(ROOT)}"
    )
    parser.add_argument("--docs", type=Path, default=DOCS, help=argparse.SUPPRESS)
    parser.add_argument("--child", choices=("stream", "keep"), help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.per_layout, args.rounds, args.damage_trials = "24,48", 2, 1, 2
    try:
        args.sizes = sorted({int(size) for size in args.sizes.split(",")})
    except ValueError:
        parser.error("--sizes takes whole numbers separated by commas")
    if len(args.sizes) < 2 or args.sizes[0] < 1 or args.per_layout < 1 or args.rounds < 1:
        parser.error("give two sizes or more, all positive; --per-layout and --rounds >= 1")
    # A text parsed alone is timed as its best of ten rounds a round (three in a quick run:
    # the tool renderings alone are 280 texts).
    args.best_of = 3 if args.quick else args.rounds * 10
    return args


def main() -> int:
    args = arguments()
    if args.child:
        print(json.dumps(child(args.child, args.corpus, args.jobs)))
        return 0
    load = os.getloadavg()
    print(f"{machine()}; govinfo_report {gr.__version__}; seed {args.seed}", flush=True)
    folders: dict[int, Path] = {}
    for size in args.sizes:
        folders[size], seconds = corpus.cached(size, args.seed, args.corpus)
        print(
            f"corpus of {size:,}: {folders[size]}"
            f" ({f'written in {seconds:.1f} s' if seconds else 'cached'})",
            flush=True,
        )
    samples = list(corpus.generate(args.per_layout * len(corpus.combinations()), args.seed))
    gr.parse(samples[0].text.encode())  # build the grammar and caches once
    print("throughput", flush=True)
    speeds = throughput(samples, args.rounds)
    print("profile", flush=True)
    profiles = [
        profile(inputs)
        for inputs in ([sample.text.encode() for sample in samples], seeds(args.per_layout))
    ]
    print("corpus size and workers", flush=True)
    paired = max((size for size in args.sizes if size <= FULL_MAX), default=args.sizes[0])
    scales: list[Scale] = []
    workers: tuple[dict[str, float], dict[str, float]] = ({}, {})
    for size in args.sizes:
        stream = run("stream", folders[size])
        if size == paired:
            # jobs=1 and jobs=2 alternated, the best of two runs each: on a shared machine a
            # busy moment slows one run, and alone it would move the ratio by 10%.
            runs = [stream, *(run("stream", folders[size], jobs=jobs) for jobs in (2, 1, 2))]
            workers = (_fastest(runs[0::2]), _fastest(runs[1::2]))
        scales.append(
            Scale(
                size,
                megabytes(folders[size]),
                stream,
                run("keep", folders[size]) if size <= FULL_MAX else None,
            )
        )
    print("pdf", flush=True)
    pdfs = (
        bench_pdf.speeds(args.rounds),
        bench_pdf.long_runs((4, 16) if args.quick else (bench_pdf.SHORT, bench_pdf.LONG)),
        bench_pdf.instructions(),
    )
    print("corpus of every kind", flush=True)
    mixed = bench_corpus.measure(args.quick)
    print("scanned reports (OCR)", flush=True)
    start = time.perf_counter()
    scans = bench_ocr.measure_all(quick=args.quick)
    print(
        f"  {bench_ocr.MISSING}" if scans is None else f"  in {time.perf_counter() - start:.0f} s",
        flush=True,
    )
    print("table stage", flush=True)
    tables = (
        seed_times(args.best_of),
        bench_damage.measure(args.damage_trials),
        latencies(args.best_of, real_reports()),
    )
    print("latency of the cases, instructions", flush=True)
    tails = (
        latencies(args.best_of, cases()),
        bench_instructions.measure(args.quick),
        latencies(args.best_of, tool_renderings()),
    )
    lines = results(
        args, load, speeds, profiles, scales, paired, workers, pdfs, tables, tails, mixed, scans
    )
    print("\n" + "\n".join(lines))
    if args.write_docs:
        write_docs(args.docs, lines)
        print(f"\nwritten to {args.docs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
