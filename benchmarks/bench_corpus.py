"""Where a corpus spends its time (issue 46): a mixed folder of real documents (text, HTML,
DOCX, PDF with text, scanned PDF) through the command line with two workers, the way a user
runs one.

The folder is made from the project's fixtures: the seeds and the real reports' texts
(``text``), the converter fixtures' and the real pages' HTML (``html``), the converter
fixtures' DOCX (``docx``), the converter fixtures' and the two real PDFs (``pdf``), and the
two real PDFs scanned clean (``scan``, ``scans.py``, read with ``--ocr``). Each kind's folder
is read by ``govinfo-report parse --jobs 2`` in a process of its own, which reports its wall
time, the CPU seconds of the command and its workers, and the largest peak memory among
them (``ru_maxrss`` of its children, which a process started afresh does not inherit); the
whole folder is read the same way with ``--jobs 1`` and ``--jobs 2``. The speedup of two
workers is taken in CPU, which the machine's load does not move: one worker's CPU over the
critical path of two (the command's own CPU and its busiest worker's, read from ``/proc``
as they run); the wall-time speedup is shown beside it.

    python benchmarks/bench_corpus.py [--quick]

Each kind's share is its CPU over the kinds' total, and a projection gives the shares of a
folder mixed as users' are (``MIX``: 60% PDF, 25% HTML, 10% DOCX, 5% scans) from each
kind's CPU a document.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from scans import scanned

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
REAL = FIXTURES / "realworld" / "raw"
#: The share of each kind in a folder as users have them (issue 46), for the projection.
MIX = {"pdf": 0.60, "html": 0.25, "docx": 0.10, "scan": 0.05}
#: Issue 46's target on this benchmark: two workers at least this much faster than one.
TARGET_SPEEDUP = 1.8


def documents() -> dict[str, list[Path]]:
    """The fixtures of each kind (the scans are made from the real PDFs by ``folder``)."""
    converters = FIXTURES / "converters"
    return {
        "text": sorted(
            [
                *(FIXTURES / "seeds").glob("*.txt"),
                *REAL.glob("*.crawler.txt"),
                *REAL.glob("*.md"),
            ]
        ),
        "html": sorted([*converters.glob("*/report.html"), *REAL.glob("*.html")]),
        "docx": sorted(converters.glob("*/report.docx")),
        "pdf": sorted([*converters.glob("*/report.pdf"), *REAL.glob("*.pdf")]),
        "scan": sorted(REAL.glob("*.pdf")),
    }


def folder(root: Path, quick: bool = False) -> dict[str, Path]:
    """The mixed folder under ``root``: a subfolder a kind, each document under a name of
    its own; ``quick``: a document a kind, the scan's first page alone scanned."""
    kinds = {}
    for kind, paths in documents().items():
        kinds[kind] = root / kind
        kinds[kind].mkdir(parents=True)
        for at, path in enumerate(paths[:1] if quick else paths):
            target = kinds[kind] / f"{at:02d}-{path.parent.name}-{path.name}"
            if kind == "scan":
                target.write_bytes(scanned(path.read_bytes(), pages=[1] if quick else None))
            else:
                shutil.copyfile(path, target)
    return kinds


class Run(NamedTuple):
    """One run of the command: documents, wall and CPU seconds, largest peak MB, and the
    CPU seconds of the command alone and of its busiest worker (its critical path in CPU,
    what the wall time would be on cores of its own)."""

    documents: int
    seconds: float
    cpu: float
    peak_mb: float
    main_cpu: float = 0.0
    busiest_cpu: float = 0.0

    @property
    def path_cpu(self) -> float:
        """CPU seconds on the critical path: the command's own and its busiest worker's (the
        whole CPU when the command has no worker)."""
        return self.main_cpu + self.busiest_cpu if self.busiest_cpu else self.cpu


#: Seconds between two readings of the workers' CPU (``_Sampler``).
SAMPLE_SECONDS = 0.05


class _Sampler:
    """The CPU seconds of a process and of each of its children, read from ``/proc`` as it
    runs (the kernel adds an ended child's CPU to its parent's total alone): the last
    reading of each, at most ``SAMPLE_SECONDS`` before it ended. Linux only; elsewhere no
    reading (then the critical path is the whole CPU)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.cpu: dict[int, float] = {}
        self.tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

    def read(self) -> None:
        for pid in [self.pid, *self._children()]:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            self.cpu[pid] = (int(fields[11]) + int(fields[12])) / self.tick  # utime, stime

    def _children(self) -> list[int]:
        try:
            tasks = Path(f"/proc/{self.pid}/task").iterdir()
            return [int(n) for task in tasks for n in (task / "children").read_text().split()]
        except OSError:
            return []

    def busiest(self) -> float:
        return max((cpu for pid, cpu in self.cpu.items() if pid != self.pid), default=0.0)


def child(path: Path, jobs: int) -> dict[str, float]:
    """Run in a fresh process: ``govinfo-report parse --ocr --jobs N`` on ``path``; wall
    time, CPU of the command and its workers, the largest peak RSS among them (MB), and the
    CPU of the command alone and of its busiest worker (``_Sampler``)."""
    start = time.perf_counter()
    command = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "govinfo_report.cli",
            "parse",
            "--ocr",
            "--jobs",
            str(jobs),
            "--format",
            "jsonl",
            "--output",
            "/dev/null",
            str(path),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # exit 1 is no failure: some reports have cells missing, as real ones do
    sampler = _Sampler(command.pid)
    while command.poll() is None:
        sampler.read()
        time.sleep(SAMPLE_SECONDS)
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime
    busiest = sampler.busiest()
    return {
        "seconds": seconds,
        "cpu": cpu,
        "peak_mb": usage.ru_maxrss * 1024 / 1e6,
        # the command's own: all but what its workers were last seen to take
        "main_cpu": max(cpu - sum(v for k, v in sampler.cpu.items() if k != command.pid), 0.0)
        if busiest
        else cpu,
        "busiest_cpu": busiest,
    }


def run(path: Path, jobs: int) -> Run:
    """``child`` in a fresh process (so that the peak is this run's alone)."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(path), "--jobs", str(jobs)],
        check=True,
        capture_output=True,
        text=True,
    )
    found = json.loads(done.stdout.splitlines()[-1])
    count = sum(1 for item in path.rglob("*") if item.is_file())
    return Run(
        count,
        found["seconds"],
        found["cpu"],
        found["peak_mb"],
        found["main_cpu"],
        found["busiest_cpu"],
    )


def measure(quick: bool = False) -> tuple[dict[str, Run], Run, Run]:
    """The command on an empty folder (``start``: its own start and its workers'), each
    kind with two workers, then the whole folder with one and with two."""
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        kinds = folder(root / "documents", quick)
        (root / "empty").mkdir()
        runs = {"start": run(root / "empty", 2)}
        for kind, path in kinds.items():
            runs[kind] = run(path, 2)
            print(f"  {kind}: {runs[kind].seconds:.1f} s, {runs[kind].cpu:.1f} CPU s", flush=True)
        return runs, run(root / "documents", 1), run(root / "documents", 2)


def results(runs: dict[str, Run], alone: Run, two: Run) -> list[str]:
    """The corpus tables as markdown: a kind's CPU a document is its run's CPU less the
    command's start (``runs["start"]``), over its documents."""
    start = runs["start"]
    kinds = {kind: run for kind, run in runs.items() if kind != "start"}
    net = {kind: max(run.cpu - start.cpu, 0.0) for kind, run in kinds.items()}
    per_document = {kind: net[kind] / run.documents for kind, run in kinds.items()}
    mixed = {kind: share * per_document[kind] for kind, share in MIX.items()}
    rows = [
        ["command start", "0", f"{start.seconds:.1f}", f"{start.cpu:.1f}", "", "", "", ""],
        *(
            [
                kind,
                f"{run.documents}",
                f"{run.seconds:.1f}",
                f"{run.cpu:.1f}",
                f"{1000 * per_document[kind]:,.0f}",
                f"{run.peak_mb:.0f}",
                f"{net[kind] / sum(net.values()):.1%}",
                f"{mixed[kind] / sum(mixed.values()):.1%}" if kind in MIX else "",
            ]
            for kind, run in kinds.items()
        ),
    ]
    return [
        "**Corpus by kind** (`govinfo-report parse --ocr --jobs 2` on each kind's folder of "
        "real documents, a fresh process each; CPU of the command and its workers, a "
        "document's less the command's start on an empty folder; peak: the largest of "
        "them; share: of the kinds' CPU here, and projected for a folder of 60% PDF, 25% "
        "HTML, 10% DOCX and 5% scans):",
        "",
        *_table(
            [
                "kind",
                "documents",
                "wall s",
                "CPU s",
                "CPU ms a document",
                "peak MB",
                "share",
                "share in the mix",
            ],
            rows,
        ),
        "",
        "**Corpus, one and two workers** (the whole folder, `--jobs 1` and `--jobs 2`; "
        "the critical path: the CPU of the command itself and of its busiest worker, what "
        "the run takes on cores of its own; the CPU speedup is one worker's CPU over it, "
        "the wall speedup moves with the machine's load):",
        "",
        *_table(
            [
                "documents",
                "jobs=1 s",
                "jobs=1 CPU s",
                "jobs=2 s",
                "jobs=2 CPU s",
                "jobs=2 critical path CPU s",
                "CPU speedup",
                "wall speedup",
            ],
            [
                [
                    f"{two.documents}",
                    f"{alone.seconds:.1f}",
                    f"{alone.cpu:.1f}",
                    f"{two.seconds:.1f}",
                    f"{two.cpu:.1f}",
                    f"{two.path_cpu:.1f}",
                    f"{speedup(alone, two):.2f}",
                    f"{alone.seconds / two.seconds:.2f}",
                ]
            ],
            labels=0,
        ),
    ]


def speedup(alone: Run, two: Run) -> float:
    """Two workers over one in CPU: one worker's CPU over the critical path of two."""
    return alone.cpu / two.path_cpu


def targets(alone: Run, two: Run) -> list[list[str]]:
    found = speedup(alone, two)
    return [
        [
            f"the corpus: 2 workers at least {TARGET_SPEEDUP}x one (CPU on the critical path)",
            f"{found:.2f}x",
            "PASS" if found >= TARGET_SPEEDUP else "FAIL",
        ]
    ]


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], labels: int = 1) -> list[str]:
    align = ["---"] * labels + ["---:"] * (len(header) - labels)
    return [f"| {' | '.join(row)} |" for row in (header, align, *rows)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a document a kind")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.jobs)))
        return 0
    runs, alone, two = measure(args.quick)
    verdicts = _table(["target", "measured", "verdict"], targets(alone, two))
    print("\n".join([*results(runs, alone, two), "", *verdicts]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
