"""The pipeline: source → skeleton → layouts → align → placement/derivation → validate →
model. ``parse`` is the one entry point; everything it finds is in ``Report.diagnostics``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import cache
from itertools import chain, islice

import attrs

from . import align, layouts, metadata, sequence, skeleton, statements
from .catalogue import SECTION_NUMBERS, SECTIONS, TEMPLATES, Template
from .diagnostics import Diagnostic, diagnostic
from .errors import LegacyReportError, ParseError
from .grid import Grid, Origin
from .layouts import Row
from .limits import MAX_TABLE_LINES
from .model import Provenance, Report, Table
from .placement import Outcome, ShortRow, place, place_jointly
from .rules import derive, rule_set
from .skeleton import SECTION_NAMES, Skeleton
from .source import Source, read
from .split import refuse_several
from .validate import failures

Aligner = Callable[[list[Row], Grid, list[Diagnostic]], list[ShortRow]]
_ALIGNERS: dict[str, Aligner] = {
    "proactive": align.proactive,
    "applications": align.applications,
    "appeals": align.appeals,
}


def parse(
    source: str | bytes | os.PathLike[str],
    *,
    layout: str | None = None,
    strict: bool = False,
    format: str | None = None,
) -> Report:
    """Parse one report.

    Args:
        source: the report's text (``str``), its raw bytes (UTF-8 or GB18030), or a path;
            a path ending ``.html``/``.htm``/``.xhtml``, ``.docx`` or ``.pdf`` is read as
            that document (the ``html``, ``docx``, ``pdf`` extras; see ``extract_text``).
        layout: a registered layout name to use for every table instead of detecting one.
        strict: raise ``ParseError`` if any diagnostic has severity ``error``.
        format: read ``source`` as ``"html"``, ``"docx"``, ``"pdf"`` or ``"text"`` whatever
            its kind or suffix (bytes of a document need it).

    Returns:
        The ``Report``, with every value parsed, derived or missing, and its diagnostics.

    Raises:
        ParseError: the input is empty, binary, undecodable, not a report at all, or
            several reports (``several-reports``: see ``split_reports``); with ``strict``,
            the report has errors.
        LegacyReportError: a report from before 2019, which follows neither template (a
            ``ParseError`` with code ``legacy-report``).
        UnknownLayoutError: ``layout`` names no registered layout.
        MissingDependencyError: the document format's extra is not installed.
        ValueError: ``format`` names no format.

    Example:
        >>> report = parse(open("report.txt", encoding="utf-8").read())  # doctest: +SKIP
        >>> report.flat()["applications.total.total"]  # doctest: +SKIP
        14
    """
    forced = layouts.get(layout) if layout is not None else None
    text = read(source, format)
    refuse_several(text.lines)
    found: list[Diagnostic] = list(text.diagnostics)
    skel = skeleton.split(text.lines)
    found.extend(skel.diagnostics)
    regions = {
        name: _capped(_table_lines(skel, SECTION_NUMBERS[name]), name, found) for name in SECTIONS
    }
    organisation, year, title_line = metadata.title(_front_lines(text, skel))
    if not any(regions.values()) and len(skel.sections) < 2 and title_line is None:
        first = next((i for i, line in enumerate(text.lines) if line.strip()), 0)
        raise ParseError(
            "not a government information disclosure annual report: it has no "
            "title with a year, no table, and at most one of the section headings "
            "(一、总体情况 …)",
            code="not-a-report",
            line=first + 1,
            text=text.lines[first],
        )
    if title_line is None:
        found.append(diagnostic("title-missing", "no title with a reporting year was found"))
    template = _template(text, regions, year, title_line, found)
    grid = Grid(template)
    shorts: list[ShortRow] = []
    chosen: dict[str, str | None] = {}
    for name in SECTIONS:
        lines = regions[name]
        if not lines:
            found.append(
                diagnostic(
                    "table-missing",
                    f"section {SECTION_NAMES[SECTION_NUMBERS[name]]} has no "
                    "table; its cells are missing",
                )
            )
            chosen[name] = None
            continue
        strategy = forced or _detect(text, name, lines, template, found)
        chosen[name] = strategy.name if strategy else None
        if strategy is None:
            continue
        rows = [row for first, block in _blocks(text, lines) for row in strategy.rows(block, first)]
        before = len(found)
        section_shorts = _ALIGNERS[name](rows, grid, found)
        if getattr(strategy, "by_order", False) and _order_broken(found[before:]):
            _discard(grid, name, found)
            if name == "applications" and sequence.applications(rows, grid, found):
                del found[before:]  # the findings of the reading given up on
                found.append(
                    diagnostic(
                        "table-read-in-sequence",
                        "section 三: its cells came out of order, so each row label took the next "
                        "seven values in turn; every row is there in template order and every rule "
                        "of the section holds",
                        rows[0].line if rows else None,
                        1,
                    )
                )
            continue
        shorts.extend(section_shorts)
    _place(grid, shorts, found)
    rules = rule_set(template.name)
    for cell, value, rule in derive(grid.values, grid.lost(), rules, _signed(template.name)):
        grid.derived(cell, value, rule.name)
    found.extend(
        statements.compare(statements.find(_prose_lines(text, skel, 1), template.name), grid)
    )
    report = _report(text, skel, grid, chosen, organisation, year, found)
    failed = failures(report)
    if failed:
        report = attrs.evolve(report, diagnostics=_sorted([*report.diagnostics, *failed]))
    if strict and report.errors:
        error = report.errors[0]
        raise ParseError(
            f"the report has {len(report.errors)} error(s); first: {error.message}",
            code=error.code,
            line=error.line or 1,
            column=error.column or 1,
            text=text.lines[error.line - 1] if error.line else None,
        )
    return report


def extract_text(source: str | bytes | os.PathLike[str], *, format: str | None = None) -> str:
    """The text ``parse`` reads from ``source`` (taken as ``parse`` takes it), lines joined
    by ``\\n``: the line and column of a diagnostic are positions in it. For an HTML, DOCX
    or PDF document it shows what the reader made of it: paragraphs a line each, each table
    as tab-separated rows.

    Raises:
        ParseError, MissingDependencyError, ValueError: as ``parse`` does for ``source``.

    Example:
        >>> text = extract_text(Path("report.docx"))  # doctest: +SKIP
        >>> report = parse(Path("report.docx"))  # doctest: +SKIP
        >>> text.splitlines()[report.diagnostics[0].line - 1]  # doctest: +SKIP
    """
    return "\n".join(read(source, format).lines)


def _front_lines(text: Source, skel: Skeleton) -> Sequence[str]:
    end = min(
        (s.heading for s in skel.sections.values() if s.heading is not None),
        default=len(text.lines),
    )
    return text.lines[:end]


def _table_lines(skel: Skeleton, number: int) -> list[range]:
    section = skel.sections.get(number)
    return list(section.lines("table")) if section else []


def _capped(spans: list[range], section: str, found: list[Diagnostic]) -> list[range]:
    """The first ``MAX_TABLE_LINES`` lines of a section's table regions."""
    kept: list[range] = []
    room = MAX_TABLE_LINES
    for span in spans:
        if len(span) > room:
            found.append(
                diagnostic(
                    "table-too-large",
                    f"section {SECTION_NAMES[SECTION_NUMBERS[section]]}: its table runs past "
                    f"{MAX_TABLE_LINES:,} lines; the lines from here on are not read",
                    span.start + room + 1,
                    1,
                )
            )
            if room:
                kept.append(range(span.start, span.start + room))
            return kept
        kept.append(span)
        room -= len(span)
    return kept


def _spanned(text: Source, spans: list[range], most: int | None = None) -> list[str]:
    """The lines of ``spans`` in order (the first ``most`` of them)."""
    return list(
        islice(chain.from_iterable(text.lines[span.start : span.stop] for span in spans), most)
    )


def _blocks(text: Source, lines: list[range]) -> list[tuple[int, Sequence[str]]]:
    return [(span.start + 1, text.lines[span.start : span.stop]) for span in lines]


def _template(
    text: Source,
    regions: dict[str, list[range]],
    year: int | None,
    title_line: int | None,
    found: list[Diagnostic],
) -> Template:
    """The template the tables' labels show. A report showing neither is legacy if its year
    is before 2019, or if it states no year and has the headings of those reports; a report
    dated 2019 or later is never refused. A mix is read by the year's template when it is one
    of them, else by the majority of labels."""
    spans = [span for spans in regions.values() for span in spans]
    hits = metadata.template_markers(
        list(chain.from_iterable(range(span.start + 1, span.stop + 1) for span in spans)),
        _spanned(text, spans),
    )
    present = [name for name, found_hits in hits.items() if found_hits]
    of_year = metadata.template_of_year(year)
    if not present:
        if of_year is None and (year is not None or metadata.legacy(text.lines)):
            raise LegacyReportError(
                f"a report from before the 2019 template{f' (year {year})' if year else ''}: "
                "its free-form tables fit no catalogue, so none is read",
                year=year,
                line=title_line or 1,
                text=text.lines[title_line - 1] if title_line else None,
            )
        name = of_year or "2019"
        found.append(
            diagnostic(
                "template-unknown",
                f"no label of either template was found; read as the {name} template",
            )
        )
        return TEMPLATES[name]
    if len(present) == 1:
        name = present[0]
    else:
        name = of_year if of_year in present else max(present, key=lambda n: len(hits[n]))
        other = next(n for n in present if n != name)
        shown = ", ".join(f"{marker} (line {line})" for marker, line in hits[other][:3])
        found.append(
            diagnostic(
                "template-mixed",
                f"the tables carry labels of both templates; read as the {name} "
                f"template{' of the report year' if name == of_year else ''}, "
                f"but {other} labels appear: {shown}",
                hits[other][0][1],
                1,
            )
        )
    if year is not None and name != of_year and len(present) == 1:
        expected = f"the {of_year} template" if of_year else "neither template"
        found.append(
            diagnostic(
                "template-year-mismatch",
                f"the labels are those of the {name} template, but a {year} report should use "
                f"{expected}",
                hits[name][0][1],
                1,
            )
        )
    return TEMPLATES[name]


@cache
def _width(template_name: str, section: str) -> int:
    """How many values a full row of a section's table holds."""
    template = TEMPLATES[template_name]
    if section == "applications":
        return 7
    if section == "appeals":
        return len(template.sections["appeals"])
    return max(
        sum(1 for f in template.fields if f.section == section and f.row == row)
        for row in {f.row for f in template.fields if f.section == section}
    )


def _detect(
    text: Source, section: str, spans: list[range], template: Template, found: list[Diagnostic]
) -> layouts.Layout | None:
    detection = layouts.detect(
        _spanned(text, spans, layouts.SNIFF_LINES), _width(template.name, section)
    )
    where = spans[0].start + 1
    name = SECTION_NAMES[SECTION_NUMBERS[section]]
    if detection.layout is None:
        found.append(
            diagnostic(
                "layout-unknown",
                f"section {name}: no registered layout recognises this table",
                where,
                1,
            )
        )
    elif detection.ambiguous:
        found.append(
            diagnostic(
                "layout-ambiguous",
                f"section {name}: read as {detection.layout.name} ({detection.confidence:.2f}), "
                f"but {detection.runner_up} fits almost as well "
                f"({detection.runner_up_confidence:.2f})",
                where,
                1,
            )
        )
    return detection.layout


def _order_broken(section_found: Sequence[Diagnostic]) -> bool:
    """Whether a table read by the order of its cells alone shows that order broken: a row
    with more values than columns took another row's values."""
    return any(d.code == "extra-values" for d in section_found)


def _discard(grid: Grid, section: str, found: list[Diagnostic]) -> None:
    """Mark every cell of a section's table missing: its rows cannot be trusted."""
    for index in grid.template.sections[section]:
        grid.values[index] = None
        grid.unplaced(index)
    found.append(
        diagnostic(
            "table-order-broken",
            f"section {SECTION_NAMES[SECTION_NUMBERS[section]]}: the table's cells are read by "
            "their order alone, and a row took more values than it has columns, so the text "
            "gives cells out of order; its values are kept only if a reading by sequence checks "
            "out whole",
        )
    )


@cache
def _signed(template_name: str) -> frozenset[int]:
    """The cells of a template that may be negative (changes over the year)."""
    return frozenset(i for i, f in enumerate(TEMPLATES[template_name].fields) if f.kind == "signed")


def _place(grid: Grid, shorts: list[ShortRow], found: list[Diagnostic]) -> None:
    """Place short rows one at a time, then those still uncertain together."""
    rules, signed = rule_set(grid.template.name), _signed(grid.template.name)
    uncertain: list[tuple[ShortRow, Outcome]] = []
    for short in shorts:
        outcome = place(short, grid, rules, signed)
        if outcome.unplaced:
            uncertain.append((short, outcome))
        else:
            _apply(grid, short, outcome, found)
    if len(uncertain) > 1:
        jointly = place_jointly([short for short, _ in uncertain], grid, rules, signed)
        if jointly is not None:
            uncertain = [
                (short, outcome) for (short, _), outcome in zip(uncertain, jointly, strict=True)
            ]
    for short, outcome in uncertain:
        _apply(grid, short, outcome, found)


def _apply(grid: Grid, short: ShortRow, outcome: Outcome, found: list[Diagnostic]) -> None:
    for cell, value_cell in outcome.parsed.items():
        align.store(grid, cell, value_cell, short.unit, found)
    for cell, (value_cell, rule) in outcome.cut.items():
        align.store(grid, cell, value_cell, short.unit, found)  # converted as printed
        value = grid.values[cell]
        if value is not None:
            grid.derived(cell, value, rule)
    for cell, (value, rule) in outcome.derived.items():
        kind = grid.template.fields[cell].kind
        grid.derived(cell, int(value) if kind != "money" else value, rule)
    if outcome.unplaced:
        placed = outcome.parsed.keys() | outcome.derived.keys() | outcome.cut.keys()
        for cell in {cell for row in short.rows for cell in row} - placed:
            grid.unplaced(cell)
    column = short.values[0][2] if short.values else 1
    found.append(diagnostic(*_placed(short, outcome), short.line, column))


def _placed(short: ShortRow, outcome: Outcome) -> tuple[str, str]:
    """The code and message saying how a short row was placed."""
    cells = len(short.rows[0])
    shown = " ".join(cell[0] for cell in short.values)
    if short.collapsed is not None:
        ways = len(short.collapsed.readings)
        parts = cells - len(short.values) + 1
        head = f"{short.label}: {short.collapsed.cell[0]} holds {parts} values run together"
        fit = (
            f"{outcome.readings} of {ways} way{'s' if ways > 1 else ''} to cut it "
            f"fit{'s' if outcome.readings == 1 else ''} the consistency rules"
        )
        if not outcome.unplaced:
            agree = " and agree on every cell" if outcome.readings > 1 else ""
            return "collapsed-cell-split", (
                f"{head}; {fit}{agree}; its cells are derived from {'them' if agree else 'it'}"
            )
        unchecked = (
            ", but its digits could also be fewer values (blank cells leave no "
            "trace) and no rule checks them"
            if short.collapsed.fewer and outcome.readings == 1
            else ""
        )
        return "collapsed-cell", (f"{head}; {fit}{unchecked}, so the uncertain cells are missing")
    if outcome.unplaced:
        return "values-unplaced", (
            f"{short.label}: {len(short.values)} values ({shown}) for "
            f"{cells} columns; the rules do not make their placement "
            "unique, so the uncertain cells are missing"
        )
    return "short-row-placed", (
        f"{short.label}: {len(short.values)} values ({shown}) for "
        f"{cells} columns; placed by the consistency rules"
    )


def _prose_lines(text: Source, skel: Skeleton, number: int) -> list[tuple[int, str]]:
    section = skel.sections.get(number)
    if section is None:
        return []
    return [
        (span.start + 1 + i, line)
        for span in section.lines("prose")
        for i, line in enumerate(text.lines[span.start : span.stop])
    ]


def _sorted(found: Sequence[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(sorted(found, key=lambda d: (d.line is not None, d.line or 0, d.column or 0)))


def _prose(text: Source, skel: Skeleton, number: int) -> str | None:
    section = skel.sections.get(number)
    if section is None:
        return None
    parts: list[str] = []
    if section.heading is not None:
        heading = text.lines[section.heading]
        for colon in (":", "："):
            if colon in heading:
                parts.append(heading.split(colon, 1)[1].strip())
                break
    for span in section.lines("prose"):
        parts.extend(line.strip() for line in text.lines[span.start : span.stop])
    joined = "\n".join(part for part in parts if part)
    return joined or None


def _table(grid: Grid, section: str, layout: str | None) -> Table:
    span = grid.template.sections[section]
    keys, index = _keys(grid.template.name, section)
    return Table(
        section,
        layout,
        keys,
        tuple(grid.values[span.start : span.stop]),
        tuple(map(_PROVENANCE.__getitem__, grid.origins[span.start : span.stop])),
        tuple(grid.raws[span.start : span.stop]),
        tuple(grid.positions[span.start : span.stop]),
        tuple(grid.rules[span.start : span.stop]),
        _index=index,
    )


#: A cell the text lost and no rule derived is missing, like a blank one.
_PROVENANCE: dict[Origin, Provenance] = {
    "parsed": "parsed",
    "derived": "derived",
    "missing": "missing",
    "lost": "missing",
}


@cache
def _keys(template_name: str, section: str) -> tuple[tuple[str, ...], dict[str, int]]:
    """A section's keys in catalogue order and their positions, shared by every table."""
    template = TEMPLATES[template_name]
    span = template.sections[section]
    keys = tuple(f.key for f in template.fields[span.start : span.stop])
    return keys, {key: i for i, key in enumerate(keys)}


def _report(
    text: Source,
    skel: Skeleton,
    grid: Grid,
    chosen: dict[str, str | None],
    organisation: str | None,
    year: int | None,
    found: list[Diagnostic],
) -> Report:
    last = max(skel.sections.values(), key=lambda s: s.number, default=skel.front)
    tail = [line for span in last.lines("prose") for line in text.lines[span.start : span.stop]]
    return Report(
        organisation=organisation,
        year=year,
        template=grid.template.name,
        published=metadata.published(tail),
        overview=_prose(text, skel, 1),
        proactive=_table(grid, "proactive", chosen["proactive"]),
        applications=_table(grid, "applications", chosen["applications"]),
        appeals=_table(grid, "appeals", chosen["appeals"]),
        problems=_prose(text, skel, 5),
        other_matters=_prose(text, skel, 6),
        diagnostics=_sorted(found),
        source=text.name,
        encoding=text.encoding,
    )
