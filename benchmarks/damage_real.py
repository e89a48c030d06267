"""Real reports damaged as ``tests/damage.py`` damages written ones, and scored: how many
variants give a wrong number, and how many of those say nothing (issue 48).

    python benchmarks/damage_real.py [--variants 40] [--seed 1] [--shared ../shared/realworld]
        [--straddling]

Each real rendering with a hand-read gold (``tests/fixtures/realworld``: the raw texts and the
converters' renderings; ``--shared``: another such folder, its HTML and PDF through
``gr.extract_text``) is parsed intact; its cells read right and printed as plain non-zero
digits are the targets. Each variant then damages the text once: one to three target cells
printed in a form of ``damage.FORMS`` (those a page's markup needs aside; in one-line text,
read as run together, those of ``damage.ONE_LINE_FORMS``, as ``tests/damage.py`` does), two
targets side by side on a line glued (their separator lost), a line damaged
(``damage.LINE_DAMAGES``: a bare page number, a line printed twice or moved), or one to three
link lines naming other years printed above the text (``damage.with_links``: a page's
breadcrumb and links to the body's reports of other years, as BeautifulSoup, trafilatura and
inscriptis print them).
In space-aligned text a glue keeps the line's other columns: the second value moved onto the
first, or with ``--straddling`` the first onto the second (the glued token ends in the
second's column). A cell is wrong where the variant reads it (parsed or derived) as neither
its gold nor the number its damaged text says, though the intact text read it right; a wrong
cell is silent where no diagnostic names its key or its line. The year is scored too: a
variant's year is wrong where it is neither the gold's nor missing (``year-ambiguous``),
though the intact text read it right. Prints per source the variants, those with a wrong
number, those with a silent one and those with a wrong year.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from decimal import Decimal
from itertools import pairwise
from pathlib import Path

import govinfo_report as gr

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from damage import (  # noqa: E402
    FORMS,
    LINE_DAMAGES,
    LOOSE,
    ONE_LINE,
    Says,
    damaged_lines,
    kinds,
    with_links,
)
from page_damage import PAGE_DAMAGES, page_damaged  # noqa: E402

REALWORLD = ROOT / "tests" / "fixtures" / "realworld"
#: The suffixes read as text, and those whose text ``gr.extract_text`` gives.
TEXTS = (".txt", ".md")
EXTRACTED = (".html", ".pdf")
#: A number among a line's cells (a value, not digits inside a label).
_NUMBERS = re.compile(r"(?<![\w.])[+-]?\d[\d,.]*(?![\w.])")


def documents(folder: Path) -> list[tuple[str, str, dict[str, object], int | None]]:
    """``(name, text, gold, year)`` for each rendering in ``folder`` (``raw`` and
    ``renderings``) whose report has a gold in ``gold-flat``."""
    found = []
    for gold_path in sorted((folder / "gold-flat").glob("*.json")):
        read = json.loads(gold_path.read_text(encoding="utf-8"))
        gold, year = read["values"], read.get("year")
        name = gold_path.stem
        paths = sorted((folder / "raw").glob(f"{name}*"))
        paths += (
            sorted((folder / "renderings" / name).glob("*"))
            if (folder / "renderings").is_dir()
            else []
        )
        if not (folder / "raw").is_dir():  # a folder of texts beside their gold (cases)
            paths += sorted({*folder.glob(f"{name}.txt"), *folder.glob(f"{name}.*.txt")})
        for path in paths:
            if path.suffix in TEXTS:
                text = path.read_text(encoding="utf-8", errors="replace")
            elif path.suffix in EXTRACTED:
                try:
                    text = gr.extract_text(path)
                except Exception:  # a reader's extra not installed: the rendering is left out
                    continue
            else:
                continue
            found.append((f"{path.parent.name}/{path.name}", text, gold, year))
    return found


def _right(value: object, want: object) -> bool:
    """Whether ``value`` is the gold's (a number, ``None`` for a printed blank, or a list of
    either)."""
    wants = want if isinstance(want, list) else [want]
    return any(
        value is None if w is None else value is not None and Decimal(str(value)) == Decimal(str(w))
        for w in wants
    )


def targets(report: gr.Report, gold: dict[str, object]) -> list[gr.Cell]:
    """The cells read right from plain non-zero digits, with their place in the text."""
    cells = []
    for key, want in gold.items():
        cell = report.cell(key)
        if (
            cell.provenance == "parsed"
            and cell.raw is not None
            and cell.raw.isdigit()
            and cell.line is not None
            and cell.column is not None
            and cell.value
            and _right(cell.value, want)
        ):
            cells.append(cell)
    return cells


def _printed(text: str, changes: list[tuple[int, int, int, str]]) -> str:
    """``text`` with each ``(line, column, length, new)`` change made (1-based places)."""
    lines = text.split("\n")
    for line, column, length, new in sorted(changes, reverse=True):
        at = column - 1
        lines[line - 1] = lines[line - 1][:at] + new + lines[line - 1][at + length :]
    return "\n".join(lines)


def variant(
    text: str,
    report: gr.Report,
    cells: list[gr.Cell],
    rng: random.Random,
    straddling: bool = False,
) -> tuple[str, str, dict[str, Says]]:
    """A damaged copy of ``text``: its kind of damage, its text, what damaged cells say."""
    kind = kinds(report.template or "2021")
    layouts = {table.layout for table in report.tables if table.layout}
    loose = not layouts.isdisjoint(LOOSE)
    # one-line text takes only the forms a reader can tell there (``damage.ONE_LINE_FORMS``):
    # a prefix glued between a label and its number (``行政强制计41``) is the label's own
    # text to any reader, as 总计 and 合计 end in 计
    where = ONE_LINE if "run-together" in layouts else "space-aligned" if loose else "tab-separated"
    roll = rng.random()
    if roll < 0.05:
        years = rng.sample([y for y in range(2015, 2031) if y != report.year], rng.randint(1, 3))
        return "links", with_links(text, report.organisation or "", years, rng), {}
    if roll < 0.15 and any(map(str.isdigit, "".join(text.split("\n")[3:]))):
        damage = rng.choice(LINE_DAMAGES)  # a text of lines (a page's on one line has none)
        return damage, damaged_lines(text, damage, rng), {}
    if roll < 0.3:
        pairs = [
            (one, other)
            for one, other in pairwise(cells)
            if one.line == other.line
            and other.column > one.column  # type: ignore[operator]
            and _gap(text, one, other).strip(" \t|│┃") == ""
            and _as_read(text, report, one)
        ]
        if pairs:
            return "glued", _glued(text, *rng.choice(pairs), loose, straddling), {}
    chosen = rng.sample(cells, min(len(cells), rng.randint(1, 3)))
    changes = []
    says: dict[str, Says] = {}
    for cell in chosen:
        value = cell.value
        usable = [form for form in FORMS if form.applies(kind[cell.key], value, where)]  # type: ignore[arg-type]
        form = rng.choice(usable)
        printed, said = form.make(value, kind[cell.key], rng)  # type: ignore[arg-type]
        changes.append((cell.line, cell.column, len(cell.raw), printed))  # type: ignore[arg-type]
        says[cell.key] = said
    return "cells", _printed(text, changes), says  # type: ignore[arg-type]


def _as_read(text: str, report: gr.Report, cell: gr.Cell) -> bool:
    """Whether ``cell``'s line prints as many numbers as cells were read from it: a row
    printing a merged cell twice (``11 3 3 15`` for three columns) is left unglued, as its
    glued text would be a whole row a reader takes too."""
    line = text.split("\n")[cell.line - 1]  # type: ignore[operator]
    read = sum(report.cell(key).line == cell.line for key in report.flat())
    return len(_NUMBERS.findall(line)) == read


def _gap(text: str, one: gr.Cell, other: gr.Cell) -> str:
    """What stands between two cells of a line."""
    line = text.split("\n")[one.line - 1]  # type: ignore[operator]
    return line[one.column - 1 + len(one.raw) : other.column - 1]  # type: ignore[operator,arg-type]


def _glued(text: str, one: gr.Cell, other: gr.Cell, loose: bool, straddling: bool) -> str:
    """``text`` with the separator between ``one`` and ``other`` lost (``1 1`` as ``11``); in
    space-aligned text the rest of the line stays in its columns, the second value moved
    onto the first, or (``straddling``) the first onto the second: the glued token then ends
    in the second's column, as a tool that glues two cells too close leaves it."""
    lines = text.split("\n")
    line = lines[one.line - 1]  # type: ignore[operator]
    start = one.column - 1  # type: ignore[operator]
    end = other.column - 1 + len(other.raw)  # type: ignore[operator,arg-type]
    pad = " " * len(_gap(text, one, other)) if loose else ""
    glued = f"{pad}{one.raw}{other.raw}" if straddling else f"{one.raw}{other.raw}{pad}"
    lines[one.line - 1] = line[:start] + glued + line[end:]  # type: ignore[operator]
    return "\n".join(lines)


def wrong(
    back: gr.Report, intact: gr.Report, gold: dict[str, object], says: dict[str, Says]
) -> dict[str, bool]:
    """The wrong cells of ``back``: key -> whether a diagnostic names its key or line."""
    found = {}
    for key, want in gold.items():
        cell = back.cell(key)
        if cell.provenance not in ("parsed", "derived") or _right(cell.value, want):
            continue
        if cell.provenance == "derived" and cell.value == 0 and _right(None, want):
            continue  # a printed blank the rules prove 0: right (``score.py``)
        if key in says and says[key] is not None and cell.value == says[key]:
            continue
        if not _right(intact.flat().get(key), want):
            continue  # wrong or missing intact too: not this damage's doing
        found[key] = any(
            key in (d.keys or ()) or (cell.line is not None and d.line == cell.line)
            for d in back.diagnostics
        )
    return found


def false_blanks(
    back: gr.Report, intact: gr.Report, gold: dict[str, object], blanked: frozenset[str]
) -> list[str]:
    """The cells ``back`` reads as printed blank where the report prints a number (the gold's,
    not ``None``) that the damage left printed and the intact text read right (``score.py``'s
    false blanks)."""
    return [
        key
        for key, want in gold.items()
        if key not in blanked
        and back.cell(key).provenance == "blank"
        and not _right(None, want)
        and _right(intact.flat().get(key), want)
    ]


def page_variants(
    name: str,
    text: str,
    intact: gr.Report,
    gold: dict[str, object],
    count: int,
    rng: random.Random,
) -> Counter[str]:
    """``count`` variants of each of ``PAGE_DAMAGES`` (``tests/page_damage.py``) of a
    rendering, by damage: ``DAMAGE`` the variants, ``DAMAGE n/a`` those it does not apply to,
    and those with a wrong number, a silent one and a false blank."""
    counts: Counter[str] = Counter()
    for damage in PAGE_DAMAGES:
        for _ in range(count):
            made = page_damaged(text, intact, damage, rng, paged="pdf" in name.lower())
            if made is None:
                counts[f"{damage} n/a"] += 1
                continue
            counts[damage] += 1
            try:
                back = gr.parse(made.text)
            except gr.ParseError:
                continue
            found = wrong(back, intact, gold, made.says)
            counts[f"{damage} wrong"] += bool(found)
            counts[f"{damage} silent"] += not all(found.values()) if found else 0
            counts[f"{damage} blanks"] += bool(false_blanks(back, intact, gold, made.blank))
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variants", type=int, default=40, help="variants per rendering")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--shared", type=Path, help="another folder of real reports and gold")
    parser.add_argument("--show", type=int, default=5, help="wrong cells to print")
    parser.add_argument(
        "--straddling",
        action="store_true",
        help="glue space-aligned values onto the second's place, not the first's",
    )
    parser.add_argument(
        "--pages",
        type=int,
        default=2,
        help="variants of each page damage (tests/page_damage.py) per rendering",
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pages_rng = random.Random(args.seed + 1)  # the cell variants stay those of a run without
    paged: Counter[str] = Counter()
    folders = [REALWORLD, *([args.shared] if args.shared else [])]
    total: Counter[str] = Counter()
    by_damage: Counter[str] = Counter()
    shown = 0
    print(f"{'source':<60} {'variants':>8} {'wrong':>6} {'silent':>6} {'years':>6}")
    for folder in folders:
        for name, text, gold, want_year in documents(folder):
            try:
                intact = gr.parse(text)
            except gr.ParseError:
                continue
            cells = targets(intact, gold)
            if not cells:
                continue
            counts: Counter[str] = Counter()
            for _ in range(args.variants):
                how, damaged, says = variant(text, intact, cells, rng, args.straddling)
                try:
                    back = gr.parse(damaged)
                except gr.ParseError:
                    counts["variants"] += 1
                    continue
                found = wrong(back, intact, gold, says)
                year = back.year is not None and back.year != want_year == intact.year
                by_damage[f"{how} years"] += year
                counts["years"] += year
                if how == "glued" and found and all(key.startswith("proactive.") for key in found):
                    how = "glued in 二"  # a row no rule checks: see docs/robustness.md
                by_damage[how] += 1
                by_damage[f"{how} wrong"] += bool(found)
                by_damage[f"{how} silent"] += not all(found.values()) if found else 0
                counts["variants"] += 1
                counts["wrong"] += bool(found)
                counts["silent"] += not all(found.values()) if found else 0
                counts["wrong cells"] += len(found)
                for key, said in found.items():
                    if shown < args.show:
                        shown += 1
                        cell = back.cell(key)
                        print(
                            f"  {'said' if said else 'silent'}: {name} ({how}) {key} = "
                            f"{cell.value}, gold {gold[key]}"
                        )
            paged.update(page_variants(name, text, intact, gold, args.pages, pages_rng))
            total.update(counts)
            label = f"{folder.name}/{name}"[-60:]
            print(
                f"{label:<60} {counts['variants']:>8} {counts['wrong']:>6} {counts['silent']:>6}"
                f" {counts['years']:>6}"
            )
    for how in sorted(key for key in by_damage if not key.endswith(("wrong", "silent", "years"))):
        print(
            f"{how}: {by_damage[how]} variants, {by_damage[f'{how} wrong']} wrong, "
            f"{by_damage[f'{how} silent']} silent, {by_damage[f'{how} years']} wrong years"
        )
    for damage in PAGE_DAMAGES:
        print(
            f"page damage {damage}: {paged[damage]} variants ({paged[f'{damage} n/a']} not "
            f"applicable), {paged[f'{damage} wrong']} wrong, {paged[f'{damage} silent']} "
            f"silent, {paged[f'{damage} blanks']} with a false blank"
        )
    print(
        f"page damage: {sum(paged[d] for d in PAGE_DAMAGES)} variants, "
        f"{sum(paged[f'{d} wrong'] for d in PAGE_DAMAGES)} with a wrong number, "
        f"{sum(paged[f'{d} silent'] for d in PAGE_DAMAGES)} with a silent one, "
        f"{sum(paged[f'{d} blanks'] for d in PAGE_DAMAGES)} with a false blank"
    )
    share = total["wrong"] / max(1, total["variants"])
    print(
        f"all: {total['variants']} variants, {total['wrong']} with a wrong number ({share:.2%}), "
        f"{total['silent']} with a silent one; {total['wrong cells']} wrong cells; "
        f"{total['years']} with a wrong year"
    )


if __name__ == "__main__":
    main()
