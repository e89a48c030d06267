"""Memory measured by the benchmarks: a process's peak resident set size."""

from __future__ import annotations

import resource
import sys
from pathlib import Path

MB = 1_000_000


def peak_rss() -> float:
    """This process's peak resident set size in MB: ``VmHWM`` of /proc/self/status, the peak
    of this program's own address space. (``ru_maxrss`` of ``RUSAGE_SELF`` would do on other
    systems, but Linux carries it over ``execve`` from the process that started this one.)"""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024 / MB
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # bytes on macOS, else KiB
    return peak / MB if sys.platform == "darwin" else peak * 1024 / MB
