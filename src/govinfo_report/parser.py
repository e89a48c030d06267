"""The pipeline: source → skeleton → layouts → sections (a reading per table) → resolve →
model → validate. ``parse`` is the one entry point; every stage returns its findings, and
all of them end up in ``Report.diagnostics``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import partial
from itertools import chain, islice
from typing import Any, Literal

import attrs

from . import workers
from .catalogue import TEMPLATES, Template
from .check import statements
from .check.corrected import CorrectionsSource, apply, load
from .check.validate import failures
from .check.verify import verify
from .corrections import file_fingerprint, fingerprint
from .diagnostics import Diagnostic, diagnostic
from .errors import LegacyReportError, ParseError
from .limits import (
    MAX_BYTES,
    MAX_FRONT_LINE_CHARS,
    MAX_FRONT_LINES,
    MAX_OVERVIEW_LINES,
    MAX_TABLE_LINES,
)
from .model import Report, Table
from .read.source import Source, looks_like_path, read
from .read.split import refuse_several
from .structure import layouts, metadata, rebreak, skeleton
from .structure.layouts import Row
from .structure.layouts.base import GRID_MARK
from .structure.skeleton import SECTION_NAMES, Skeleton
from .tables.reading import Reading, unplaced
from .tables.resolve import Resolved, confirmed, confirmed_but_one_row, resolve, verifies
from .tables.sections import SECTIONS


def parse(
    source: str | bytes | os.PathLike[str],
    *,
    layout: str | None = None,
    strict: bool = False,
    format: str | None = None,
    max_bytes: int | None = MAX_BYTES,
    ocr: bool | Literal["strict"] = False,
    timeout: float | None = None,
    corrections: CorrectionsSource | None = None,
) -> Report:
    """Parse one report.

    Args:
        source: the report's text (``str``; one that names an existing file raises
            ``path-as-text``: pass a ``Path``), its raw bytes (UTF-8 or GB18030 text, or a
            PDF, Word or HTML document, told by their first bytes), or a path; a path
            ending ``.html``/``.htm``/``.xhtml``, ``.docx`` or ``.pdf`` is read as that
            document (the ``html``, ``docx``, ``pdf`` extras; see ``extract_text``), any
            other by its first bytes.
        layout: a registered layout name to use for every table instead of detecting one.
        strict: raise ``ParseError`` if any diagnostic has severity ``error``.
        format: read ``source`` as ``"html"``, ``"docx"``, ``"pdf"`` or ``"text"`` whatever
            its kind or suffix (bytes of a document need it).
        max_bytes: the size limit (default 64 MiB, ``limits.MAX_BYTES``; ``None``: none): a
            longer input (text by its UTF-8 size), a file larger on disk, or a Word file
            whose parts inflate past it raises ``ParseError`` code ``too-large``.
        ocr: read the scanned pages of a PDF by OCR (the ``ocr`` extra; other pages and
            formats are read as always). Each number of a scanned table stands only where
            two reads agree and the rules hold; a value no rule checks is marked
            (``Cell.ocr``), and left missing with ``"strict"``. See ``docs/formats.md``.
        timeout: seconds the parse may take (``None``, the default: no limit). Given, the
            report is parsed in a worker process (as ``iter_parse`` parses), killed past
            it: ``ParseError`` code ``timeout``. For untrusted input, with ``max_bytes``.
        corrections: reviewers' verdicts to apply (a corrections store, a ``.jsonl``
            export, or ``corrections.load``'s result): those on this document's bytes (its
            SHA-256) make their cells ``corrected``, the rules are checked again, and those
            on another version of it are listed (``correction-stale``). See
            ``docs/review.md``.

    Returns:
        The ``Report``, with every value parsed, derived or missing, and its diagnostics.

    Raises:
        ParseError: the input is empty, binary, undecodable, not a report at all, too
            large (``too-large``), several reports (``several-reports``: see
            ``split_reports``), or a ``str`` naming a file (``path-as-text``); with
            ``strict``, the report has errors; with ``timeout``, past it (``timeout``) or
            its worker process died (``worker-died``).
        LegacyReportError: a report from before 2019, which follows neither template (a
            ``ParseError`` with code ``legacy-report``).
        UnknownLayoutError: ``layout`` names no registered layout.
        MissingDependencyError: the document format's extra is not installed (with
            ``ocr``, a scanned page met and the ``ocr`` extra not installed).
        ValueError: ``format`` names no format, or ``ocr`` is not a bool or ``"strict"``;
            ``corrections`` is a JSON Lines file with a line that is no verdict
            (``CorrectionError``, naming the line).
        FileNotFoundError: ``corrections`` names no file.

    Example:
        >>> report = parse(Path("report.txt"))  # doctest: +SKIP
        >>> report.flat()["applications.total.total"]  # doctest: +SKIP
        14
    """
    if ocr not in (False, True, "strict"):
        raise ValueError(f"ocr must be False, True or 'strict', not {ocr!r}")
    if layout is not None:
        layouts.get(layout)  # an unknown layout is refused before anything is read
    verdicts = None if corrections is None else load(corrections)
    if verdicts is not None:  # strict judges the report as corrected
        report = parse(
            source, layout=layout, format=format, max_bytes=max_bytes, ocr=ocr, timeout=timeout
        )
        report = apply(report, verdicts, _fingerprint(source))
        if strict and (refusal := strict_error(report)):
            raise refusal
        return report
    if timeout is not None:
        return _within(
            source,
            timeout,
            layout=layout,
            strict=strict,
            format=format,
            max_bytes=max_bytes,
            ocr=ocr,
        )
    given = read(source, format, max_bytes, ocr=bool(ocr))
    return parse_source(given, layout=layout, strict=strict, ocr=ocr)


def _fingerprint(source: str | bytes | os.PathLike[str]) -> str:
    """The SHA-256 of ``source``'s bytes (a path's file, text as UTF-8)."""
    if isinstance(source, os.PathLike):
        return file_fingerprint(source)
    return fingerprint(bytes(source) if isinstance(source, bytearray | memoryview) else source)


def _within(source: str | bytes | os.PathLike[str], timeout: float, **options: Any) -> Report:
    """``parse`` of ``source`` in a worker process that is given ``timeout`` seconds
    (``workers``: killed past it, a ``ParseError`` either way); what ``parse`` raises there
    is raised here."""
    (outcome,) = workers.run(
        partial(_parse_task, **options),
        iter([[(0, source)]]),
        processes=1,
        timeout=timeout,
        ordered=True,
        ahead=1,
        failed=lambda _, error: error,
    )
    if isinstance(outcome, Exception):
        raise outcome
    return outcome


def _parse_task(
    task: tuple[int, str | bytes | os.PathLike[str]], **options: Any
) -> Report | Exception:
    """A worker's ``parse`` of the task's source: the report, or the exception it raised
    (a worker lets none escape: it would die of it)."""
    try:
        return parse(task[1], **options)
    except Exception as error:  # handed to the parent, raised there
        return error


def parse_source(
    given: Source,
    *,
    layout: str | None = None,
    strict: bool = False,
    ocr: bool | Literal["strict"] = False,
) -> Report:
    """Parse the report of ``given``, a document ``source.read`` has read (so that its text,
    ``"\\n".join(given.lines)``, serves again without reading it twice: the review page's).
    ``layout``, ``strict`` and ``ocr`` as for ``parse``, which raises as this does."""
    forced = layouts.get(layout) if layout is not None else None
    report = _parse(given, forced)
    if given.scan is not None:
        report = verify(report, given, ocr == "strict", partial(_parse, forced=forced))
    if strict and (refusal := strict_error(report, given.lines)):
        raise refusal
    return report


def strict_error(report: Report, lines: Sequence[str] | None = None) -> ParseError | None:
    """What ``strict`` raises for ``report``: a ``ParseError`` naming the first diagnostic of
    severity ``error`` (and its line of ``lines``, when given), ``None`` where it has none."""
    if not report.errors:
        return None
    error = report.errors[0]
    return ParseError(
        f"the report has {len(report.errors)} error(s); first: {error.message}",
        code=error.code,
        line=error.line or 1,
        column=error.column or 1,
        text=lines[error.line - 1] if lines is not None and error.line else None,
    )


def _parse(given: Source, forced: layouts.Layout | None) -> Report:
    """The report in ``given``, every stage run (``parse`` less its checks of arguments)."""
    refuse_several(given.lines)
    text, skel, restored = _structure(given)
    regions = {name: _table_lines(skel, SECTIONS[name].NUMBER) for name in SECTIONS}
    rebroken = forced is None and restored is not None and bool(restored.tables)
    front, doubt = _front(text, skel)
    lost = rebreak.lost(given.lines) if restored is None and not any(regions.values()) else None
    if not any(regions.values()) and len(skel.sections) < 2 and front.line is None:
        first = next((i for i, line in enumerate(given.lines) if line.strip()), 0)
        raise ParseError(
            "not a government information disclosure annual report: it has no title with a "
            "year, no table, and at most one of the section headings (一、总体情况 …)"
            + (f"; {lost.message}" if lost else "")
            + (_NAMED_FILE if given.encoding == "str" and looks_like_path(given.lines) else ""),
            code="not-a-report",
            line=first + 1,
            text=given.lines[first],
        )
    template, found = _template(text, regions, front.year, front.line)
    tables = [_table(text, name, regions[name], template, forced, rebroken) for name in SECTIONS]
    resolved = resolve(template, [reading for _, reading, _ in tables])
    stated = statements.find(_prose_lines(text, skel, 1), template.name)
    found = [
        *text.diagnostics,
        *skel.diagnostics,
        *(
            []
            if front.line
            else [
                diagnostic(
                    "title-missing",
                    "no title with a reporting year was found in the first "
                    f"{MAX_FRONT_LINES} non-empty lines before section 一",
                )
            ]
        ),
        *doubt,
        *found,
        *(finding for _, _, findings in tables for finding in findings),
        *resolved.findings,
        *statements.compare(stated, resolved),
        *([lost] if lost else []),
    ]
    report = _report(text, skel, resolved, [name for name, _, _ in tables], front, found)
    if restored is not None:
        report = restored.relocate(report)
    failed = failures(report)
    if failed:
        report = attrs.evolve(report, diagnostics=_sorted([*report.diagnostics, *failed]))
    return report


_NAMED_FILE = (
    "; the text looks like a file's name: a str is read as a report's text, a file from a "
    "pathlib.Path"
)


def extract_text(
    source: str | bytes | os.PathLike[str],
    *,
    format: str | None = None,
    max_bytes: int | None = MAX_BYTES,
    ocr: bool | Literal["strict"] = False,
) -> str:
    """The text ``parse`` reads from ``source`` (taken as ``parse`` takes it), lines joined
    by ``\\n``: the line and column of a diagnostic are positions in it. For an HTML, DOCX
    or PDF document it shows what the reader made of it: paragraphs a line each, each table
    as tab-separated rows.

    Raises:
        ParseError, MissingDependencyError, ValueError: as ``parse`` does for ``source``
            (``format``, ``max_bytes`` and ``ocr`` mean what they mean there: with ``ocr``,
            a scanned table cell whose two reads differ is ``\ufffd``, one a character).

    Example:
        >>> text = extract_text(Path("report.docx"))  # doctest: +SKIP
        >>> report = parse(Path("report.docx"))  # doctest: +SKIP
        >>> text.splitlines()[report.diagnostics[0].line - 1]  # doctest: +SKIP
    """
    return "\n".join(read(source, format, max_bytes, ocr=bool(ocr)).lines)


def _structure(given: Source) -> tuple[Source, Skeleton, rebreak.Restored | None]:
    """The text's sections; for text whose line breaks were lost and that shows no table
    (a web archive's page text), those of its lines cut again at the template's landmarks,
    with the cuts made (``rebreak``)."""
    skel = skeleton.split(given.lines)
    if any(section.lines("table") for section in skel.sections.values()):
        return given, skel, None
    restored = rebreak.restore(given.lines)
    if restored is None:
        return given, skel, None
    text = attrs.evolve(given, lines=restored.lines)
    return text, skeleton.split(text.lines, restored.tables), restored


def _front(text: Source, skel: Skeleton) -> tuple[metadata.Front, list[Diagnostic]]:
    """What the front block tells of the report, its year settled by the report's own period
    sentence where the block's titles disagree (``metadata.settled``; the doubt told as
    ``year-ambiguous``); where it prints no title (trafilatura drops it), the year of the
    period sentence and the body its text names (in the first ``MAX_FRONT_LINE_CHARS`` of
    each line)."""
    lines = _front_lines(text, skel)
    front = metadata.front(lines)
    opening = [
        line[:MAX_FRONT_LINE_CHARS]
        for line in (*islice(filter(str.strip, lines), MAX_FRONT_LINES), *_overview(text, skel))
    ]
    period = metadata.period_year(opening)
    signed = metadata.published(_last_prose(text, skel)) or front.published
    front, why = metadata.settled(front, period, signed)
    doubt = [] if why is None else [diagnostic("year-ambiguous", why, front.line)]
    if front.year is not None and front.organisation is not None:
        return front, doubt
    return front._replace(
        year=front.year if front.line is not None else period,  # a title's is settled
        organisation=front.organisation or metadata.named_body(opening, _last_prose(text, skel)),
    ), doubt


def _overview(text: Source, skel: Skeleton) -> list[str]:
    """The first lines of section 一's prose."""
    return [line for _, line in _prose_lines(text, skel, 1)[:MAX_OVERVIEW_LINES]]


def _last_prose(text: Source, skel: Skeleton) -> list[str]:
    """The prose of the report's last section (its signature, if any, ends it)."""
    last = max(skel.sections.values(), key=lambda s: s.number, default=skel.front)
    return [line for span in last.lines("prose") for line in text.lines[span.start : span.stop]]


def _front_lines(text: Source, skel: Skeleton) -> Sequence[str]:
    end = min(
        (s.heading for s in skel.sections.values() if s.heading is not None),
        default=len(text.lines),
    )
    return text.lines[:end]


def _table_lines(skel: Skeleton, number: int) -> list[range]:
    section = skel.sections.get(number)
    return list(section.lines("table")) if section else []


def _spanned(text: Source, spans: list[range], most: int | None = None) -> list[str]:
    """The lines of ``spans`` in order (the first ``most`` of them)."""
    return list(
        islice(chain.from_iterable(text.lines[span.start : span.stop] for span in spans), most)
    )


def _template(
    text: Source, regions: dict[str, list[range]], year: int | None, title_line: int | None
) -> tuple[Template, list[Diagnostic]]:
    """The template the tables' labels show, and what was odd about it. A report showing
    neither is legacy if its year is before 2019, or if it states no year and has the
    headings of those reports; a report dated 2019 or later is never refused. A mix is read
    by the year's template when it is one of them, else by the majority of labels."""
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
        return TEMPLATES[name], [
            diagnostic(
                "template-unknown",
                f"no label of either template was found; read as the {name} template",
            )
        ]
    found: list[Diagnostic] = []
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
    return TEMPLATES[name], found


def _table(
    text: Source,
    name: str,
    spans: list[range],
    template: Template,
    forced: layouts.Layout | None,
    rebroken: bool = False,
) -> tuple[str | None, Reading, list[Diagnostic]]:
    """A section's table read: the layout chosen, the reading kept, and what detecting the
    layout found (``rebroken``: in text whose line breaks were put back, ``_rebroken``). A
    table read by the order of its cells alone may be read another way
    (``section.alternatives``): such a reading is kept where the rules confirm it
    (``resolve.confirmed``). A table whose order proves broken (a row with more values than
    cells) and that no other reading is confirmed for is not kept, unless a reading by
    sequence is confirmed without one row (``resolve.confirmed_but_one_row``)."""
    section = SECTIONS[name]
    heading = f"section {SECTION_NAMES[section.NUMBER]}"
    keys = template.section_keys(name)
    if not spans:
        missing = diagnostic(
            "table-missing", f"{heading} has no table; its cells are missing", keys=keys
        )
        return None, Reading(name), [missing]
    spans, found = _capped(spans, heading)
    read_as, by_order, rows, detected = _rows(
        text, spans, section.width(template.name), (heading, keys), forced, rebroken
    )
    found.extend(detected)
    if read_as is None:
        return None, Reading(name), found
    first = section.read(rows, template)
    if by_order:
        # Read by the order of its cells alone, a row's values may be another's (a label
        # printed away from them): only the rules verifying a row whole confirm it.
        first = unplaced(
            first,
            template,
            "in text read by the order of its cells alone, values that "
            "fall short of a row may belong to another, so none is placed",
        )
    if not by_order or (not first.overfull and verifies(template, first)):
        return read_as, first, found
    others = list(section.alternatives(rows, template, first))
    alternative = confirmed(template, first, others)
    if alternative is not None:
        return read_as, alternative, found
    if not first.overfull:
        return read_as, first, found
    alternative = confirmed_but_one_row(template, first, others)
    if alternative is not None:
        return read_as, alternative, found
    broken = diagnostic(
        "table-order-broken",
        f"{heading}: the table's cells are read by their order alone, and a row took more "
        "values than it has columns, so the text gives cells out of order; its values are "
        "kept only if a reading by sequence checks out whole",
        keys=keys,
    )
    dropped = Reading(name, closed=frozenset(template.sections[name]), findings=first.findings)
    return read_as, dropped, [*found, broken]


def _rows(
    text: Source,
    spans: list[range],
    width: int,
    table: tuple[str, tuple[str, ...]],
    forced: layouts.Layout | None,
    rebroken: bool = False,
) -> tuple[str | None, bool, list[Row], list[Diagnostic]]:
    """A table region's rows: the name of the layout read (``None``: none), whether its rows
    come from the order of its cells alone, the rows, what detecting the layout found.

    A region no layout recognises whole, whose lines change between grid lines (tabs, pipes,
    bars) and loose ones, is read in those parts, each in its own layout (a PDF extraction's
    Markdown prints some tables as pipes and others as loose lines): named ``a+b``.
    ``table``: the section's heading and keys, for findings."""
    if rebroken:
        forced = _rebroken(text, spans, width)
    if forced is not None:
        return forced.name, forced.by_order, _read(forced, text, spans), []
    strategy, found = _detect(text, spans, width, table)
    if strategy is not None:
        return strategy.name, strategy.by_order, _read(strategy, text, spans), found
    parts = _grid_parts(text, spans)
    if len(parts) < 2:
        return None, False, [], found
    names: list[str] = []
    rows: list[Row] = []
    unread: list[Diagnostic] = []
    for part in parts:
        layout, said = _detect(text, [part], width, table)
        if layout is None:
            unread.extend(said)
            continue
        names.append(layout.name)
        rows.extend(_read(layout, text, [part]))
    if not names:
        return None, False, [], found
    return "+".join(dict.fromkeys(names)), False, rows, unread


def _rebroken(text: Source, spans: list[range], width: int) -> layouts.Layout:
    """The layout of a table in text whose line breaks were lost and put back
    (``rebreak``), where detecting one on so few lines would be guesswork: its cells ran
    together (web-archive text of a page's table), unless they kept the columns they were
    laid out in (space-aligned text put on one line): some row of values then has a cell
    under each of the table's columns."""
    aligned = layouts.get("space-aligned")
    rows = _read(aligned, text, spans)
    if any(len(row.positions) >= width for row in rows if row.values):
        return aligned
    return layouts.get("run-together")


def _read(layout: layouts.Layout, text: Source, spans: list[range]) -> list[Row]:
    return [
        row
        for span in spans
        for row in layout.rows(text.lines[span.start : span.stop], span.start + 1)
    ]


def _grid_parts(text: Source, spans: list[range]) -> list[range]:
    """``spans`` cut where their lines change between grid lines and loose ones (blank lines
    go with the part they are in)."""
    parts: list[range] = []
    for span in spans:
        start, grid = span.start, None
        for at in span:
            line = text.lines[at]
            if not line.strip():
                continue
            kind = GRID_MARK.search(line) is not None
            if grid is not None and kind != grid:
                parts.append(range(start, at))
                start = at
            grid = kind
        parts.append(range(start, span.stop))
    return parts


def _capped(spans: list[range], heading: str) -> tuple[list[range], list[Diagnostic]]:
    """The first ``MAX_TABLE_LINES`` lines of a section's table regions."""
    kept: list[range] = []
    room = MAX_TABLE_LINES
    for span in spans:
        if len(span) > room:
            cut = diagnostic(
                "table-too-large",
                f"{heading}: its table runs past {MAX_TABLE_LINES:,} lines; the lines from "
                "here on are not read",
                span.start + room + 1,
                1,
            )
            if room:
                kept.append(range(span.start, span.start + room))
            return kept, [cut]
        kept.append(span)
        room -= len(span)
    return kept, []


def _detect(
    text: Source, spans: list[range], width: int, table: tuple[str, tuple[str, ...]]
) -> tuple[layouts.Layout | None, list[Diagnostic]]:
    """The layout of a table region, by ranked confidence, and any doubt about it
    (``table``: the section's heading and keys, which a table no layout reads leaves
    missing)."""
    heading, keys = table
    detection = layouts.detect(_spanned(text, spans, layouts.SNIFF_LINES), width)
    where = spans[0].start + 1
    if detection.layout is None:
        return None, [
            diagnostic(
                "layout-unknown",
                f"{heading}: no registered layout recognises this table",
                where,
                1,
                keys,
            )
        ]
    if detection.ambiguous:
        return detection.layout, [
            diagnostic(
                "layout-ambiguous",
                f"{heading}: read as {detection.layout.name} ({detection.confidence:.2f}), "
                f"but {detection.runner_up} fits almost as well "
                f"({detection.runner_up_confidence:.2f})",
                where,
                1,
            )
        ]
    return detection.layout, []


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


def _model_table(resolved: Resolved, section: str, layout: str | None) -> Table:
    template = resolved.template
    span = template.sections[section]
    cut = slice(span.start, span.stop)
    return Table(
        section,
        layout,
        template.keys_by_section[section],
        resolved.values[cut],
        resolved.provenance[cut],
        resolved.raws[cut],
        resolved.positions[cut],
        resolved.rules[cut],
        _index=template.index_by_section[section],
    )


def _report(
    text: Source,
    skel: Skeleton,
    resolved: Resolved,
    chosen: Sequence[str | None],
    front: metadata.Front,
    found: list[Diagnostic],
) -> Report:
    tail = _last_prose(text, skel)
    proactive, applications, appeals = (
        _model_table(resolved, name, layout) for name, layout in zip(SECTIONS, chosen, strict=True)
    )
    return Report(
        organisation=front.organisation,
        year=front.year,
        template=resolved.template.name,
        published=metadata.published(tail) or front.published,
        overview=_prose(text, skel, 1),
        proactive=proactive,
        applications=applications,
        appeals=appeals,
        problems=_prose(text, skel, 5),
        other_matters=_prose(text, skel, 6),
        diagnostics=_sorted(found),
        source=text.name,
        encoding=text.encoding,
    )
