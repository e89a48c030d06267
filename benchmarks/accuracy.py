"""Accuracy on the converter fixtures (tests/fixtures/converters): every cell of every
report, as each real tool's text gives it, scored against the values it was rendered from;
and on the real reports (tests/fixtures/realworld): every cell of every raw file and of every
tool's rendering of it, scored against the values typed by hand from the source.

    python benchmarks/accuracy.py [--write-docs] [--wrong]

A cell is *right* when the parser gives the true value from the text (or, for a value the
report does not give, gives none), *derived* when it gives the true value by a rule (or, for
a value the report leaves blank, the value the report's rules fix), *missing* when it gives
none for a value the report gives, and *wrong* otherwise. Each input class of real text
has a target (issue 16): a share of cells right or derived, no wrong cell, and the
organisation, year and template right for every file.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import govinfo_report as gr

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "converters"
REALWORLD = ROOT / "tests" / "fixtures" / "realworld"
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


def metadata_right(report: gr.Report, folder: Path) -> bool:
    """Whether the organisation, year and template read are those the report was rendered
    with."""
    data = json.loads((folder / "truth.json").read_text("utf-8"))
    return (report.organisation, report.year, report.template) == (
        data["organisation"],
        data["year"],
        data["template"],
    )


def score(report: gr.Report, expected: dict[str, int | Decimal | None]) -> dict[str, str]:
    """Each cell's outcome: right, derived, missing or wrong."""
    outcomes: dict[str, str] = {}
    for key, want in expected.items():
        cell = report.cell(key)
        if cell.value is None:
            outcomes[key] = "right" if want is None else "missing"
        elif want is None and cell.provenance == "derived" and cell.value == 0:
            # A cell the report left blank that its own rules prove is 0 (they all hold).
            outcomes[key] = "derived"
        elif cell.value != want:
            outcomes[key] = "wrong"
        else:
            outcomes[key] = "derived" if cell.provenance == "derived" else "right"
    return outcomes


def folders(cms: bool = False) -> list[Path]:
    """The converter fixtures' report folders: those rendered by ``gr.render_html`` and
    ``write_docx``, or (``cms``) the pages written as government sites publish them
    (``cms-*``, tests/cms.py)."""
    return sorted(
        path.parent
        for path in FIXTURES.glob("*/truth.json")
        if path.parent.name.startswith("cms-") == cms
    )


def inputs(cms: bool = False) -> Iterator[tuple[Path, str, Path]]:
    """Every fixture input: its report folder, its converter name and its path."""
    for folder in folders(cms):
        for path in sorted(folder.iterdir()):
            if path.suffix == ".txt":
                yield folder, path.stem, path
            elif path.name in DIRECT:
                yield folder, f"direct {path.suffix[1:]}", path


@functools.cache
def measure(cms: bool = False) -> dict[tuple[str, str], Counter[str]]:
    """Outcome counts per converter, with the layouts its tables were read in."""
    counts: dict[str, Counter[str]] = {}
    layouts: dict[str, set[str]] = {}
    for folder, converter, path in inputs(cms):
        report = gr.parse(path)
        layouts.setdefault(converter, set()).update(t.layout or "none" for t in report.tables)
        counts.setdefault(converter, Counter()).update(score(report, truth(folder)).values())
        counts[converter]["reports"] += 1
        counts[converter]["metadata"] += metadata_right(report, folder)
    return {(name, ", ".join(sorted(layouts[name]))): counts[name] for name in counts}


def _shares(counts: Counter[str]) -> tuple[int, str]:
    """The number of cells and each outcome's share (the count of wrong cells), as cells of
    a Markdown row."""
    cells = sum(counts[o] for o in OUTCOMES)
    return cells, " | ".join(
        f"{100 * counts[o] / cells:.1f}%" if o != "wrong" else str(counts[o]) for o in OUTCOMES
    )


def markdown(table: dict[tuple[str, str], Counter[str]]) -> str:
    """The converter fixtures' table: a row per converter."""
    lines = [
        "| converter | layout read | reports | cells | right | derived | missing | wrong"
        " | metadata right |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for (converter, layout), counts in sorted(table.items()):
        cells, shares = _shares(counts)
        lines.append(
            f"| {converter} | {layout} | {counts['reports']} | {cells} | {shares} "
            f"| {counts['metadata']}/{counts['reports']} |"
        )
    return "\n".join(lines)


def write_docs(text: str, marker: str = "accuracy") -> None:
    """``text`` into the docs page, between its ``<!-- marker:start/end -->`` lines."""
    start, end = f"<!-- {marker}:start -->", f"<!-- {marker}:end -->"
    page = DOCS.read_text("utf-8")
    head, _, rest = page.partition(start)
    _, _, tail = rest.partition(end)
    DOCS.write_text(f"{head}{start}\n{text}\n{end}{tail}", "utf-8")


# Real reports ------------------------------------------------------------------------------

GoldValue = int | float | None | list[int | float | None]


def same(got: object, want: GoldValue) -> bool:
    """Whether ``got`` is the gold value ``want``: a number (money in 万元, to 0.00005), None
    (the cell is blank: only "missing" is right) or a list of acceptable alternatives
    (the semantics of tests/fixtures/realworld/score.py)."""
    if isinstance(want, list):
        return any(same(got, w) for w in want)
    if want is None or got is None or isinstance(got, bool):
        return got is None and want is None
    assert isinstance(got, int | Decimal), got
    return abs(Decimal(str(got)) - Decimal(str(want))) <= Decimal("0.00005")


def _blank(want: GoldValue) -> bool:
    """Whether the gold says the cell is blank in the report (no number is printed)."""
    return want is None or (isinstance(want, list) and all(w is None for w in want))


def _false_blank(report: gr.Report, key: str, want: GoldValue) -> bool:
    """Whether ``report`` reads cell ``key`` as printed blank where the report prints a
    number (``want``): a wrong claim, though its value is none."""
    printed = [w for w in want if w is not None] if isinstance(want, list) else want
    return printed not in (None, []) and report.cell(key).provenance == "blank"


def _printed(want: GoldValue) -> bool:
    """Whether the gold says the report prints the cell (no alternative is a blank)."""
    return want is not None and not (isinstance(want, list) and None in want)


def score_gold(report: gr.Report, values: dict[str, GoldValue]) -> dict[str, str]:
    """Each cell's outcome against hand-read gold: right, derived, missing or wrong. As for
    the fixtures, a cell the report leaves blank that the rules prove is 0 is *derived*; any
    other number there is wrong (as ``../shared/realworld/score.py`` counts it)."""
    outcomes: dict[str, str] = {}
    for key, want in values.items():
        cell = report.cell(key)
        if cell.value is None:
            outcomes[key] = "right" if same(None, want) else "missing"
        elif same(cell.value, want) or (
            _blank(want) and cell.provenance == "derived" and cell.value == 0
        ):
            outcomes[key] = "derived" if cell.provenance == "derived" else "right"
        else:
            outcomes[key] = "wrong"
    return outcomes


@dataclass(frozen=True)
class Reading:
    """One real report read from one input: its cells' outcomes, its wrong cells (key, got,
    provenance, want; a cell read as printed blank where a number is printed too) and what
    is wrong in its metadata."""

    report_id: str
    input: str
    path: Path
    outcomes: Counter[str]
    wrong: tuple[tuple[str, object, str, GoldValue], ...]
    metadata: tuple[str, ...]
    complete: bool  # the report prints every cell (no blank in the gold)
    held: Counter[str]  # the outcomes of the cells whose table the text holds


def gold(report_id: str) -> dict[str, object]:
    """The hand-read values and metadata of a real report (gold-flat)."""
    data: dict[str, object] = json.loads(
        (REALWORLD / "gold-flat" / f"{report_id}.json").read_text("utf-8")
    )
    return data


#: The inputs read directly, by suffix of the raw file: what each is.
RAW_INPUTS = {
    ".html": "direct html",
    ".pdf": "direct pdf",
    ".crawler.txt": "crawler text",
    ".md": "markdown",
}


def real_inputs() -> Iterator[tuple[str, str, Path]]:
    """Every input of every real report: its id, what the input is, its path."""
    for path in sorted((REALWORLD / "raw").iterdir()):
        suffix = next(s for s in RAW_INPUTS if path.name.endswith(s))
        yield path.name.removesuffix(suffix), RAW_INPUTS[suffix], path
    for folder in sorted(p for p in (REALWORLD / "renderings").iterdir() if p.is_dir()):
        for path in sorted(folder.iterdir()):
            name = "direct docx" if path.name == "report.docx" else path.stem
            yield folder.name, name, path


def read_real(report_id: str, name: str, path: Path) -> Reading:
    """``path`` parsed (crawler text and Markdown as text, files by their suffix) and scored
    against the gold of ``report_id``."""
    data = gold(report_id)
    values: dict[str, GoldValue] = data["values"]  # type: ignore[assignment]
    report = gr.parse(path.read_bytes() if name in ("crawler text", "markdown") else path)
    outcomes = score_gold(report, values)
    wrong = tuple(
        (key, report.cell(key).value, report.cell(key).provenance, values[key])
        for key, outcome in outcomes.items()
        if outcome == "wrong" or (outcome == "missing" and _false_blank(report, key, values[key]))
    )
    metadata = tuple(
        f"{what}={got!r}"
        for what, got, right in (
            ("year", report.year, report.year == data["year"]),
            ("template", report.template, report.template == data["template"]),
            (
                "organisation",
                report.organisation,
                str(data["organisation_contains"]) in (report.organisation or ""),
            ),
        )
        if not right
    )
    complete = all(_printed(w) for w in values.values())
    # pandoc plain writes [TABLE] for a table it cannot draw: the text holds none of its cells.
    dropped = {
        table.section
        for table in report.tables
        if table.layout is None and b"[TABLE]" in path.read_bytes()
    }
    held = Counter(o for key, o in outcomes.items() if key.partition(".")[0] not in dropped)
    return Reading(
        report_id, name, path, Counter(outcomes.values()), wrong, metadata, complete, held
    )


@functools.cache
def measure_real() -> tuple[Reading, ...]:
    """Every input of every real report, read and scored."""
    return tuple(read_real(*found) for found in real_inputs())


@dataclass(frozen=True)
class Target:
    """An input class of issue 16's targets: its inputs, the least share of cells right or
    derived, and whether the share is counted only on reports that print every cell (no
    wrong cell and the metadata right hold for every file)."""

    name: str
    inputs: tuple[str, ...]
    share: float
    complete_only: bool = False
    #: Count only the cells of tables the text holds (pandoc's [TABLE] holds none).
    held_only: bool = False


TARGETS = (
    Target("direct HTML, DOCX, PDF", ("direct html", "direct docx", "direct pdf"), 0.99),
    Target(
        "w3m, html2text, python-docx, pdftotext -layout",
        ("w3m", "html2text", "python-docx", "pdftotext-layout", "word-pdftotext-layout"),
        0.99,
    ),
    Target("lynx, docx2txt, LibreOffice text", ("lynx", "docx2txt", "libreoffice"), 0.97),
    Target("web-archive text (one line)", ("crawler text",), 0.95),
    Target("PDF-extraction Markdown", ("markdown",), 0.90),
    Target("pdftotext plain", ("pdftotext", "word-pdftotext"), 0.85, complete_only=True),
    Target("pandoc plain", ("pandoc-html", "pandoc-docx"), 0.99, held_only=True),
)


@dataclass(frozen=True)
class Met:
    """How an input class measures against its target."""

    target: Target
    readings: tuple[Reading, ...]
    share: float | None  # right or derived, over the cells the target counts
    wrong: int
    metadata_right: int

    @property
    def met(self) -> bool:
        return (
            self.share is not None
            and self.share >= self.target.share
            and self.wrong == 0
            and self.metadata_right == len(self.readings)
        )


def targets(readings: tuple[Reading, ...]) -> list[Met]:
    """Each input class measured against its target."""
    measured = []
    for target in TARGETS:
        chosen = tuple(r for r in readings if r.input in target.inputs)
        counted = [
            r.held if target.held_only else r.outcomes
            for r in chosen
            if r.complete or not target.complete_only
        ]
        cells = sum(sum(outcomes[o] for o in OUTCOMES) for outcomes in counted)
        good = sum(outcomes["right"] + outcomes["derived"] for outcomes in counted)
        measured.append(
            Met(
                target,
                chosen,
                good / cells if cells else None,
                sum(r.outcomes["wrong"] for r in chosen),
                sum(not r.metadata for r in chosen),
            )
        )
    return measured


def _input_order(name: str) -> tuple[int, str]:
    classes = [t.inputs for t in TARGETS]
    return next(i for i, inputs in enumerate(classes) if name in inputs), name


def real_markdown(readings: tuple[Reading, ...]) -> str:
    """The real reports' table (per input) and the targets table (per input class)."""
    lines = [
        "| input | reports | cells | right | derived | missing | wrong | metadata right |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name in sorted({r.input for r in readings}, key=_input_order):
        chosen = [r for r in readings if r.input == name]
        cells, shares = _shares(sum((r.outcomes for r in chosen), Counter()))
        right = sum(not r.metadata for r in chosen)
        lines.append(f"| {name} | {len(chosen)} | {cells} | {shares} | {right}/{len(chosen)} |")
    lines += [
        "",
        "| input class | target: right or derived | measured | wrong | metadata right | met |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for met in targets(readings):
        goal = f"≥ {100 * met.target.share:.0f}%"
        if met.target.complete_only:
            goal += " (reports printing every cell)"
        if met.target.held_only:
            goal += " of the cells the text holds"
        share = "—" if met.share is None else f"{100 * met.share:.1f}%"
        lines.append(
            f"| {met.target.name} | {goal} | {share} | {met.wrong} | "
            f"{met.metadata_right}/{len(met.readings)} | {'yes' if met.met else '**no**'} |"
        )
    return "\n".join(lines)


def wrong_cells(readings: tuple[Reading, ...]) -> str:
    """Every wrong cell and wrong metadata of the real reports and of the pages written as
    sites publish them, and every cell of theirs and of the converter fixtures read as
    printed blank where a number is printed (``blank``), a line each: report, input, key,
    got (provenance), want."""
    lines = [
        f"{r.report_id}\t{r.input}\t{key}\tgot {got} ({provenance})\twant {want}"
        for r in readings
        for key, got, provenance, want in r.wrong
    ]
    lines += [f"{r.report_id}\t{r.input}\t{m}" for r in readings for m in r.metadata]
    for folder, converter, path in (*inputs(cms=True), *inputs()):
        report, expected = gr.parse(path), truth(folder)
        lines += [
            f"{folder.name}\t{converter}\t{key}\tgot {report.cell(key).value}"
            f" ({report.cell(key).provenance})\twant {expected[key]}"
            for key, outcome in score(report, expected).items()
            if (outcome == "wrong" and folder.name.startswith("cms-"))
            or (outcome == "missing" and _false_blank(report, key, expected[key]))
        ]
        if folder.name.startswith("cms-") and not metadata_right(report, folder):
            lines.append(
                f"{folder.name}\t{converter}\torganisation={report.organisation!r}"
                f" year={report.year} template={report.template}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--write-docs", action="store_true", help=f"write the tables into {DOCS.relative_to(ROOT)}"
    )
    parser.add_argument(
        "--wrong",
        action="store_true",
        help="list every wrong cell of the real reports and of the pages as sites publish them",
    )
    args = parser.parse_args(argv)
    text = markdown(measure())
    pages = markdown(measure(cms=True))
    real = real_markdown(measure_real())
    print(text, pages, real, sep="\n\n")
    if args.wrong:
        print("", wrong_cells(measure_real()), sep="\n")
    if args.write_docs:
        write_docs(text)
        write_docs(pages, "cms")
        write_docs(real, "realworld")
    return 0


if __name__ == "__main__":
    sys.exit(main())
