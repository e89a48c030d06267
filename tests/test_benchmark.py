"""The benchmarks run (speed itself is measured by them, never asserted in unit tests)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"
BENCH = BENCHMARKS / "bench_parse.py"
SCALING = BENCHMARKS / "bench_scaling.py"
TRANSFER = BENCHMARKS / "bench_transfer.py"


def test_benchmark_runs_on_a_tiny_corpus() -> None:
    result = subprocess.run([sys.executable, str(BENCH), "--rounds", "2"],
                            check=True, capture_output=True, text=True)
    assert "reports parsed      10" in result.stdout
    assert "ratio to the floor" in result.stdout


def test_transfer_benchmark_runs_on_a_tiny_corpus() -> None:
    result = subprocess.run([sys.executable, str(TRANSFER), "--rounds", "2",
                             "--documents", "40"], check=True, capture_output=True, text=True)
    lines = result.stdout.splitlines()
    assert [line[:3] for line in lines[1:6]] == ["000", "001", "002", "003", "004"]
    assert [line.split()[0] for line in lines[7:]] == ["1", "4", "16", "64"]


SHAPES = {"prose": "report", "table-rows": "report table-too-large",
          "long-line": "report line-too-long", "tab-lines": "not-a-report",
          "junk-invalid": "not-text", "junk-nul": "not-text", "gb18030": "report"}
#: shape, MB, rounds, parse seconds, MB/s, raw seconds, ratio, outcome
ROW = re.compile(r"^(\S+) +(\d+\.\d\d) +(\d+) +(\d+\.\d{4}) +(\d+\.\d) +(\d+\.\d{4}) "
                 r"+(\d+\.\d) +(\S.*)$", re.MULTILINE)
VERDICT = re.compile(r"^(\S+) +\d+\.\d{4} s/MB -> +\d+\.\d{4} s/MB +x *\d+\.\d\d +"
                     r"(LINEAR|NOT LINEAR)$", re.MULTILINE)


@pytest.mark.slow
def test_scaling_benchmark_runs_on_tiny_sizes() -> None:
    """Every shape gets a row per size (1 MB and 0.5 MB) with its outcome, and a verdict."""
    result = subprocess.run([sys.executable, str(SCALING), "--max-mb", "1", "--rounds", "1"],
                            check=True, capture_output=True, text=True)
    assert "python " in result.stdout and "date " in result.stdout
    assert re.search(r"^shape +MB +rounds +parse s +MB/s +raw s +ratio +outcome$",
                     result.stdout, re.MULTILINE)
    rows = ROW.findall(result.stdout)
    assert sorted((shape, mb) for shape, mb, *_ in rows) == sorted(
        (shape, mb) for shape in SHAPES for mb in ("0.50", "1.00"))
    for shape, _mb, rounds, *_, outcome in rows:
        assert rounds == "1"
        assert outcome == SHAPES[shape]
    assert sorted(shape for shape, _ in VERDICT.findall(result.stdout)) == sorted(SHAPES)
