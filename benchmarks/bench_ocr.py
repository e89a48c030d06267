"""Scanned reports read by OCR (issue 29): the two real PDFs of
``tests/fixtures/realworld/raw`` scanned clean and degraded (``scans.py``), each read with
``gr.parse(path, ocr=True)`` in a fresh process: seconds to load the model, seconds for the
report and for each page OCR read, the peak RSS of the process, and the cells right, wrong
and missing against the hand-read gold.

Usage: python benchmarks/bench_ocr.py [--kinds clean,degraded]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from scans import scanned

ROOT = Path(__file__).parent.parent
REAL = ROOT / "tests" / "fixtures" / "realworld"
NAMES = ("ot-jiangsu-huaian-city-2024", "ot-jiangsu-huaian-hongze-2023")
#: The targets of issue 29: seconds a report on 2 cores, peak memory.
TARGET_SECONDS, TARGET_MB = 30.0, 1024
#: The targets of issue 46: CPU seconds a page, against the floor, peak memory.
TARGET_PAGE_CPU, TARGET_FLOOR, TARGET_WORKER_MB = 1.0, 0.35, 500

#: Run in a fresh process: the model loaded (timed), then the report parsed (timed: wall and
#: CPU), then the floor: RapidOCR's own detection and recognition of the same page images
#: (rendered as the parse renders them), its default sizes, no angle classifier, the same
#: models and threads, in the same process (CPU); then the peak RSS and the scores, as JSON.
_CHILD = """
import json, resource, sys, time
from decimal import Decimal
from pathlib import Path
import pypdfium2
from rapidocr import RapidOCR
import govinfo_report as gr
from govinfo_report.read.formats import ocr, scanned
path, gold = Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
start = time.perf_counter()
engine = ocr.engine()
loaded = time.perf_counter()
cpu = time.process_time()
report = gr.parse(path, ocr=True)
cpu = time.process_time() - cpu
done = time.perf_counter()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
def right(got, want):
    if isinstance(want, list):
        return any(right(got, w) for w in want)
    if want is None or got is None:
        return got is want
    return Decimal(str(got)) == Decimal(str(want))
flat = report.flat()
scores = {k: right(flat[k], v) for k, v in gold["values"].items()}
wrong = sum(flat[k] is not None and not ok for k, ok in scores.items())
missing = sum(flat[k] is None and not ok for k, ok in scores.items())
read = [d.message for d in report.diagnostics if d.code == "ocr-read"][0]
pages = [
    number
    for part in read.split(" of ")[0].removeprefix("pages ").removeprefix("page ").split(", ")
    for first, _, last in [part.partition("-")]
    for number in range(int(first), int(last or first) + 1)
]
models = {f"{stage}.model_path": str(p) for stage, p in ocr.model_paths().items()}
threads = {f"EngineConfig.onnxruntime.{k}_op_num_threads": ocr.THREADS for k in ("intra", "inter")}
floor = RapidOCR(params={"Global.log_level": "error", "Global.use_cls": False, **models, **threads})
document = pypdfium2.PdfDocument(path.read_bytes())
floor_cpu = time.process_time()
for number in pages:
    image, _ = scanned.render(document, number - 1)
    floor(image, use_det=True, use_cls=False)
floor_cpu = time.process_time() - floor_cpu
print(json.dumps({
    "load": loaded - start, "report": done - loaded, "cpu": cpu, "floor_cpu": floor_cpu,
    "read": read.split(" of ")[0], "pages": len(pages), "peak_mb": peak,
    "right": sum(scores.values()), "wrong": wrong, "cells": len(scores), "missing": missing,
    "organisation": report.organisation, "year": report.year,
}))
"""


def measure(name: str, degraded: bool, folder: Path) -> dict[str, Any]:
    """One scanned report read in a fresh process."""
    path = folder / f"{name}-{'degraded' if degraded else 'clean'}.pdf"
    path.write_bytes(scanned((REAL / "raw" / f"{name}.pdf").read_bytes(), degraded=degraded))
    gold = REAL / "gold-flat" / f"{name}.json"
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), str(gold)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    found: dict[str, Any] = json.loads(out)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kinds", default="clean,degraded")
    args = parser.parse_args()
    print(
        "| scan | report | pages read | model load s | report s | CPU s a page | "
        "floor CPU s a page | x floor | peak MB | cells right / wrong / missing |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory() as folder:
        for kind in args.kinds.split(","):
            for name in NAMES:
                m = measure(name, kind == "degraded", Path(folder))
                pages = m["pages"]
                print(
                    f"| {kind} | {name} | {pages} | {m['load']:.1f} | {m['report']:.1f} | "
                    f"{m['cpu'] / pages:.2f} | {m['floor_cpu'] / pages:.2f} | "
                    f"{m['cpu'] / m['floor_cpu']:.2f}x | {m['peak_mb']:.0f} | "
                    f"{m['right']} / {m['wrong']} / {m['missing']} of {m['cells']} |"
                )
    print(
        f"targets: <= {TARGET_SECONDS:g} s a report, <= {TARGET_MB} MB, 0 wrong (issue 29); "
        f"<= {TARGET_PAGE_CPU:g} s of CPU a page, <= {TARGET_FLOOR:g}x the floor, "
        f"<= {TARGET_WORKER_MB} MB (issue 46)"
    )


if __name__ == "__main__":
    main()
