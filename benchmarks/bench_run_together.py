"""The cost of reading reports whose every table cell ran together, as a web archive's page
text gives them, and what of them is read.

    python benchmarks/bench_run_together.py [--reports 100] [--most 40] [--seed 1] [--profile]

Each report is drawn at random (every consistency rule holding, counts of section 三 from 0
to ``--most``, zeros likelier), rendered (``gr.render``, tab-separated), and flattened as a
web archive keeps a page: the title on a line, the body on the next, every cell joined to the
next with nothing (``glued``), a space (``spaced``) or either at random (``mixed``). Each text
is parsed once after a warm-up parse and timed (CPU time). Prints per joint: the median and
slowest parse, and the share of cells right, derived, missing and wrong against the drawn
values. ``--profile`` adds, for the glued texts, where the time goes: the cumulative time of
the steps that handle runs of digits (listing the ways to cut them, turning them into a
section's units, the resolver and the solver), from one pass under ``cProfile``.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import statistics
import time
from collections import Counter
from decimal import Decimal

import govinfo_report as gr
from govinfo_report import labels

JOINTS = ("glued", "spaced", "mixed")
#: The steps whose cumulative time ``--profile`` reports: (file, function, what it is).
STEPS = (
    ("collapsed.py", "cut", "listing the ways to cut each run"),
    ("rows.py", "_collapsed", "a run's ways as a unit's options (the listing included)"),
    ("resolve.py", "place", "resolving the units (the solver included)"),
    ("solver.py", "solve", "the solver"),
    ("parser.py", "parse", "the whole parse"),
)


def draw(rng: random.Random, most: int) -> gr.Report:
    """A report of either template whose every rule holds."""
    template = rng.choice(("2019", "2021"))

    def count(top: int) -> int:
        return 0 if rng.random() < 0.4 else rng.randint(0, top)

    values: dict[str, gr.Number | None] = {}
    for field in gr.fields(template):
        if field.section == "proactive":
            values[field.key] = (
                Decimal(rng.randint(0, 99999)) / 100 if field.kind == "money" else count(999)
            )
    rows = list(labels.APPLICATION_ROWS[template])
    outcomes = rows[2:-2]
    columns = range(len(labels.APPLICANT_COLUMNS) - 1)
    table = {row: [count(most) for _ in columns] for row in outcomes}
    total = [sum(table[row][c] for row in outcomes) for c in columns]
    forward = [count(5) for _ in columns]
    over = [rng.randint(0, total[c] + forward[c]) for c in columns]
    table |= {
        "total": total,
        "carried_forward": forward,
        "carried_over": over,
        "new": [total[c] + forward[c] - over[c] for c in columns],
    }
    for row, numbers in table.items():
        for column, value in zip(labels.APPLICANT_COLUMNS, [*numbers, sum(numbers)], strict=True):
            values[f"applications.{row}.{column}"] = value
    for group in labels.APPEAL_GROUPS:
        parts = [count(9) for _ in range(4)]
        for outcome, value in zip(labels.APPEAL_OUTCOMES, [*parts, sum(parts)], strict=True):
            values[f"appeals.{group}.{outcome}"] = value
    year = rng.randint(2019, 2020) if template == "2019" else rng.randint(2021, 2025)
    return gr.Report.from_values(values, template=template, organisation="某某局", year=year)


def flatten(report: gr.Report, joint: str, rng: random.Random) -> str:
    """The report as a web archive's text: the title, then the body on one line."""
    title, *body = gr.render(report, "tab-separated").split("\n")

    def glue() -> str:
        return {"glued": "", "spaced": " "}.get(joint) or rng.choice(("", " "))

    return f"{title}\n" + "".join(glue().join(line.split("\t")) + glue() for line in body)


def outcomes(report: gr.Report, truth: gr.Report) -> Counter[str]:
    """Each cell: right, derived, missing or wrong."""
    found: Counter[str] = Counter()
    for key, want in truth.flat().items():
        cell = report.cell(key)
        if cell.value is None:
            found["missing"] += 1
        elif cell.value != want:
            found["wrong"] += 1
        else:
            found["derived" if cell.provenance == "derived" else "right"] += 1
    return found


def profile(texts: list[str]) -> None:
    """Where the time of parsing ``texts`` goes, by step."""
    profiler = cProfile.Profile()
    profiler.enable()
    for text in texts:
        gr.parse(text)
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    whole = next(v[3] for k, v in stats.items() if k[0].endswith("parser.py") and k[2] == "parse")
    print("\nwhere the time goes (glued texts, one pass under cProfile):")
    for filename, function, what in STEPS:
        seconds = sum(
            v[3] for k, v in stats.items() if k[0].endswith(filename) and k[2] == function
        )
        print(f"  {seconds / whole:6.1%}  {what} ({filename} {function})")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reports", type=int, default=100, help="reports drawn (default 100)")
    parser.add_argument("--most", type=int, default=40, help="largest count of section 三")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--profile", action="store_true", help="where the time goes")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    reports = [draw(rng, args.most) for _ in range(args.reports)]
    gr.parse(flatten(reports[0], "glued", rng))  # warm-up: the grammar, the caches
    print(f"{args.reports} reports, counts of section 三 up to {args.most}, seed {args.seed}")
    print(f"{'joint':<7} {'median ms':>9} {'slowest ms':>10} {'right':>6} {'derived':>7}"
          f" {'missing':>7} {'wrong':>5}")  # fmt: skip
    for joint in JOINTS:
        times: list[float] = []
        found: Counter[str] = Counter()
        texts = [flatten(report, joint, rng) for report in reports]
        for text, report in zip(texts, reports, strict=True):
            start = time.process_time()
            back = gr.parse(text)
            times.append(time.process_time() - start)
            found += outcomes(back, report)
        cells = sum(found.values())
        shares = " ".join(
            f"{found[o] / cells:>{w}.1%}" for o, w in (("right", 6), ("derived", 7), ("missing", 7))
        )
        print(
            f"{joint:<7} {statistics.median(times) * 1000:>9.1f} {max(times) * 1000:>10.1f} "
            f"{shares} {found['wrong']:>5}"
        )
        if args.profile and joint == "glued":
            glued = texts
    if args.profile:
        profile(glued)


if __name__ == "__main__":
    main()
