"""Accuracy on the converter fixtures (tests/fixtures/converters): every cell of every
report, as each real tool's text gives it, scored against the values it was rendered from.

    python benchmarks/accuracy.py [--write-docs]

A cell is *right* when the parser gives the true value from the text (or, for a value the
report does not give, gives none), *derived* when it gives the true value by a rule (or, for
a value the report leaves blank, the value the report's rules fix), *missing* when it gives
none for a value the report gives, and *wrong* otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import govinfo_report as gr

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "converters"
DOCS = ROOT / "docs" / "accuracy.md"
OUTCOMES = ("right", "derived", "missing", "wrong")
#: The direct inputs: files parsed as they are, by the optional extras.
DIRECT = ("report.html", "report.docx", "report.pdf")


def truth(folder: Path) -> dict[str, int | Decimal | None]:
    """The values a fixture report was rendered from."""
    data = json.loads((folder / "truth.json").read_text("utf-8"))
    return {
        key: (Decimal(value) if isinstance(value, str) else value)
        for key, value in data["values"].items()
    }


def score(report: gr.Report, expected: dict[str, int | Decimal | None]) -> dict[str, str]:
    """Each cell's outcome: right, derived, missing or wrong."""
    outcomes: dict[str, str] = {}
    for key, want in expected.items():
        cell = report.cell(key)
        if cell.value is None:
            outcomes[key] = "right" if want is None else "missing"
        elif want is None and cell.provenance == "derived":
            # A cell the report left blank whose value its own rules fix (they all hold).
            outcomes[key] = "derived"
        elif cell.value != want:
            outcomes[key] = "wrong"
        else:
            outcomes[key] = "derived" if cell.provenance == "derived" else "right"
    return outcomes


def inputs() -> Iterator[tuple[Path, str, Path]]:
    """Every fixture input: its report folder, its converter name and its path."""
    for folder in sorted(p for p in FIXTURES.iterdir() if (p / "truth.json").exists()):
        for path in sorted(folder.iterdir()):
            if path.suffix == ".txt":
                yield folder, path.stem, path
            elif path.name in DIRECT:
                yield folder, f"direct {path.suffix[1:]}", path


def measure() -> dict[tuple[str, str], Counter[str]]:
    """Outcome counts per (converter, layout read)."""
    table: dict[tuple[str, str], Counter[str]] = {}
    for folder, converter, path in inputs():
        report = gr.parse(path)
        layouts = ", ".join(sorted({t.layout or "none" for t in report.tables}))
        counts = table.setdefault((converter, layouts), Counter())
        counts.update(score(report, truth(folder)).values())
        counts["reports"] += 1
    return table


def markdown(table: dict[tuple[str, str], Counter[str]]) -> str:
    lines = [
        "| converter | layout read | reports | cells | right | derived | missing | wrong |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for (converter, layout), counts in sorted(table.items()):
        cells = sum(counts[o] for o in OUTCOMES)
        shares = " | ".join(
            f"{100 * counts[o] / cells:.1f}%" if o != "wrong" else str(counts[o]) for o in OUTCOMES
        )
        lines.append(f"| {converter} | {layout} | {counts['reports']} | {cells} | {shares} |")
    return "\n".join(lines)


def write_docs(text: str) -> None:
    start, end = "<!-- accuracy:start -->", "<!-- accuracy:end -->"
    page = DOCS.read_text("utf-8")
    head, _, rest = page.partition(start)
    _, _, tail = rest.partition(end)
    DOCS.write_text(f"{head}{start}\n{text}\n{end}{tail}", "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--write-docs", action="store_true", help=f"write the table into {DOCS.relative_to(ROOT)}"
    )
    args = parser.parse_args(argv)
    text = markdown(measure())
    print(text)
    if args.write_docs:
        write_docs(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
