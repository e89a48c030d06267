"""The benchmark runs (speed itself is measured by it, never asserted in unit tests)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).parent.parent / "benchmarks" / "bench_parse.py"


def test_benchmark_runs_on_a_tiny_corpus() -> None:
    result = subprocess.run([sys.executable, str(BENCH), "--rounds", "2"],
                            check=True, capture_output=True, text=True)
    assert "reports parsed      10" in result.stdout
    assert "ratio to the floor" in result.stdout
