"""``make demo``: it installs the package alone (no extra), runs without any extra, and
aligns its values whatever the width of the Chinese in the labels."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from govinfo_report.cli.demo import MAIN_TOTALS, summary
from govinfo_report.escape import width
from govinfo_report.parser import parse

from conftest import SEEDS

ROOT = Path(__file__).parents[2]
#: The optional libraries of the extras: the demo must run with none of them.
EXTRAS = ("lxml", "docx", "pypdfium2", "pandas", "pyarrow", "dask")


def test_make_demo_installs_the_package_alone() -> None:
    # As a make of its own, not a sub-make of `make test` (which would print directories).
    alone = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    planned = subprocess.run(
        ["make", "--no-print-directory", "-n", "-B", "demo"],
        cwd=ROOT,
        env=alone,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    installs = [line for line in planned if "pip install" in line and "--upgrade pip" not in line]
    assert installs == [f"{Path('.venv/bin/python')} -m pip install --quiet -e ."]
    assert planned[-1].startswith(".venv/bin/python -m govinfo_report.cli.demo ")


@pytest.mark.slow
def test_the_demo_runs_without_any_extra() -> None:
    blocked = "; ".join(f"sys.modules[{name!r}] = None" for name in EXTRAS)
    script = (
        f"import sys; {blocked}; from govinfo_report.cli.demo import main; "
        f"raise SystemExit(main({[str(seed) for seed in SEEDS]!r}))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("\n== ") == len(SEEDS) - 1  # a summary per seed


def test_values_line_up_by_display_width() -> None:
    lines = summary(parse(SEEDS[1])).splitlines()
    rows = [(line, label) for line in lines for _, label in MAIN_TOTALS if f"   {label} " in line]
    assert len(rows) == len(MAIN_TOTALS)
    # Each label (a Chinese character two columns wide) is padded to the same column, so
    # the values start at one display column: 3 spaces, the label's 44 columns, a space.
    starts = set()
    for line, label in rows:
        after = line[line.index(label) + len(label) :]
        value = line[: len(line) - len(after.lstrip(" "))]
        starts.add(width(value))
    assert starts == {3 + 44 + 1}
    # Seed 001: 本年新收 derived 0, 行政复议 missing (section 四 prints no number).
    assert rows[0][0].endswith(" 0 (derived)") and rows[5][0].endswith(" missing")
