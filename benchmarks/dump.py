"""Every answer of the parser, written down so that two versions can be compared byte for byte.

For each input: its metadata, every cell (value, provenance, raw text, line and column, the
rule that derived it) and every diagnostic (code, severity, message, line, column). The
inputs: every file under ``tests/fixtures``, the real reports and cases of ``../shared`` when
present, ``--generated N`` reports of the benchmark corpus in every layout, and each of those
mangled by one to three of ``tests/manglers`` (seeded, so a run is repeatable). A refactor or
a speed-up that must change no answer shows an empty ``diff`` of two dumps:

    python benchmarks/dump.py --out before.jsonl
    ... change the code ...
    python benchmarks/dump.py --out after.jsonl && cmp before.jsonl after.jsonl

Usage: python benchmarks/dump.py --out FILE [--generated N] [--mangled N]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

import govinfo_report as gr

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "tests")]

import corpus  # noqa: E402
import manglers  # noqa: E402

#: Files under the fixtures that hold answers, not inputs.
_NOT_INPUTS = {".json", ".jsonl", ".csv", ".md5", ".sha256"}


def inputs() -> Iterator[tuple[str, Path]]:
    """The files the project holds, and the shared real reports and cases."""
    roots = [ROOT / "tests" / "fixtures", SHARED / "realworld" / "raw", SHARED / "cases"]
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            if path.suffix not in _NOT_INPUTS and "gold" not in path.parts:
                yield str(path.relative_to(root.parent)), path


def texts(generated: int, mangled: int) -> Iterator[tuple[str, str]]:
    """Generated reports in every layout, then mangled copies of the first ``mangled``."""
    samples = list(corpus.generate(generated))
    yield from ((sample.name, sample.text) for sample in samples)
    rng = random.Random(20261124)
    for sample in samples[:mangled]:
        usable = [m for m in manglers.LOSSLESS if sample.layout in m.layouts]
        chosen = rng.sample(usable, min(len(usable), rng.randint(1, 3)))
        text = sample.text
        for mangler in chosen:
            text = mangler.apply(text, rng)
        yield f"{sample.name}+{'+'.join(m.name for m in chosen)}", text


def answer(source: str | Path) -> dict[str, object]:
    """Everything the parser says of one input (its error, when it fails)."""
    try:
        report = gr.parse(source)
    except gr.GovinfoReportError as error:
        return {"error": type(error).__name__, "message": str(error)}
    cells = {
        cell.key: [
            None if cell.value is None else str(cell.value),
            cell.provenance,
            cell.raw,
            cell.line,
            cell.column,
            cell.rule,
            None if cell.ocr is None else repr(cell.ocr),
        ]
        for table in report.tables
        for cell in table
    }
    return {
        "organisation": report.organisation,
        "year": report.year,
        "template": report.template,
        "published": str(report.published) if report.published else None,
        "cells": cells,
        "layouts": [table.layout for table in report.tables],
        "diagnostics": [
            [d.code, d.severity, d.message, d.line, d.column, list(d.keys)]
            for d in report.diagnostics
        ],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--generated", type=int, default=1000)
    parser.add_argument("--mangled", type=int, default=1000)
    args = parser.parse_args()
    with args.out.open("w", encoding="utf-8") as out:
        sources: list[Iterator[tuple[str, str]] | Iterator[tuple[str, Path]]] = [
            inputs(),
            texts(args.generated, args.mangled),
        ]
        for name, source in (pair for pairs in sources for pair in pairs):
            line = {"input": name, **answer(source)}
            out.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
