"""The pipeline: source → skeleton → front and template → tables (a layout and a reading
per section) → resolve → model → validate, each stage in its own module; this one wires
them. ``parse`` is the one entry point; every stage returns its findings, and all of them
end up in ``Report.diagnostics``.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Collection, Sequence
from functools import partial
from typing import Any, Literal

import attrs

from . import workers
from .check import statements
from .check.corrected import CorrectionsSource, apply, load
from .check.validate import failures
from .check.verify import verify
from .corrections import file_fingerprint, fingerprint
from .diagnostics import Diagnostic
from .errors import ParseError
from .limits import MAX_BYTES
from .model import Report, Table
from .read.source import Source, looks_like_path, read
from .read.split import refuse_several
from .structure import layouts, metadata, page_grids, rebreak, skeleton, templates
from .structure.layouts.base import GRID_MARK
from .structure.skeleton import Skeleton
from .tables.resolve import Resolved, resolve
from .tables.sections import SECTIONS
from .tables.sections.rows import labels_apart
from .tables.table import TableRead, read_tables


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
    """The report in ``given``, every stage run (``parse`` less its checks of arguments), in
    the order of the module docstring's arrow."""
    refuse_several(given.lines)
    ungridded = page_grids.ungrid(given.lines)
    if ungridded is not None:
        kept = frozenset(at for at in given.no_breaks if at[0] not in ungridded.columns)
        given = attrs.evolve(given, lines=ungridded.lines, no_breaks=kept)
    skel, restored = _structure(given)
    regions = {name: skel.tables(SECTIONS[name].NUMBER) for name in SECTIONS}
    spans = [span for spans in regions.values() for span in spans]
    hits = templates.markers(skel, spans)
    front, doubt = metadata.report_front(skel, templates.shown(hits))
    lost = rebreak.lost(given.lines) if restored is None and not any(regions.values()) else None
    _refuse_no_report(given, skel, any(regions.values()), front, lost)
    template, odd = templates.detect(skel, hits, front.year, front.line)
    read = read_tables(skel, regions, template, forced, _rebroken(regions, restored, forced))
    stated = statements.find(skel.opening_prose, template.name)
    resolved = resolve(
        template, [table.reading for table in read], stated=statements.by_cell(stated, template)
    )
    found = [
        *skel.diagnostics,
        *doubt,
        *odd,
        *(finding for table in read for finding in table.findings),
        *resolved.findings,
        *statements.compare(stated, resolved),
        *([lost] if lost else []),
    ]
    found = labels_apart(found, template, lambda name: skel.prose_lines(SECTIONS[name].NUMBER))
    report = _report(given, skel, resolved, read, front, found)
    return _validated(report, restored, given.diagnostics, ungridded)


def _validated(
    report: Report,
    restored: rebreak.Restored | None,
    decoding: Sequence[Diagnostic],
    ungridded: page_grids.Ungridded | None,
) -> Report:
    """``report`` placed back on the lines as given (``restored``: the cuts ``rebreak``
    made; ``ungridded``: the page grids let go), with the findings of decoding (already on
    the lines as given) and what its own rules find (``validate.failures``)."""
    if restored is not None:
        report = restored.relocate(report)
    if ungridded is not None:
        report = ungridded.relocate(report)
    if decoding:
        report = attrs.evolve(report, diagnostics=_sorted([*decoding, *report.diagnostics]))
    failed = failures(report)
    if failed:
        report = attrs.evolve(report, diagnostics=_sorted([*report.diagnostics, *failed]))
    return report


def _refuse_no_report(
    given: Source, skel: Skeleton, tabled: bool, front: metadata.Front, lost: Diagnostic | None
) -> None:
    """Raise ``not-a-report`` for text with no table, no title with a year and at most one
    section heading (``lost``: why its line breaks seem lost, told too)."""
    if tabled or len(skel.sections) >= 2 or front.line is not None:
        return
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


def _structure(given: Source) -> tuple[Skeleton, rebreak.Restored | None]:
    """The text's sections; for text whose line breaks were lost where a table should be
    (a web archive's page text: the body on one line; BeautifulSoup's ``get_text()`` of a
    page: each table on one line, its cells run together), those of its lines cut again at
    the template's landmarks, with the cuts made (``rebreak``), where they show a table in
    more sections than the text as given (tables of lines it cut, or under a heading it set
    apart: ``_set_apart``). A table the text shows
    with its grid (tabs, pipes, bars) is kept as it is (a Markdown table beside another
    that pandoc wrote as HTML)."""
    skel = skeleton.split(given.lines)
    shown = _tabled(skel)
    one_line = {number for number in shown if all(len(span) == 1 for span in skel.tables(number))}
    if shown >= _TABLES and not one_line:
        return skel, None
    kept = {
        at
        for number in shown
        for span in skel.tables(number)
        if any(GRID_MARK.search(given.lines[at]) for at in span)
        for at in span
    }
    restored = rebreak.restore(given.lines, kept)
    if restored is None:
        return skel, None
    shown -= _run_together(skel, restored, one_line)
    again = skeleton.split(restored.lines, restored.tables)
    cut = _cut_lines(restored)
    if shown and not shown | _tabled(again, cut, valued=True) | _set_apart(again, cut) > shown:
        return skel, None
    if given.no_breaks:  # the trace of blank cells printed ``&nbsp;``, for run-together rows
        again = attrs.evolve(again, no_breaks=restored.no_breaks(given.no_breaks))
    return again, restored


def _run_together(
    skel: Skeleton, restored: rebreak.Restored, one_line: Collection[int]
) -> frozenset[int]:
    """The sections of ``one_line`` whose table is one given line that the cutting broke
    into two rows or more: a table run together on one line (BeautifulSoup's ``get_text()``
    of a page whose blank cells are runs of no-break spaces, which look like columns), no
    table the text showed."""
    rows = Counter(restored.origins[at][0] for at in restored.tables)
    return frozenset(
        number
        for number in one_line
        if all(rows[at] >= 2 for span in skel.tables(number) for at in span)
    )


def _cut_lines(restored: rebreak.Restored) -> frozenset[int]:
    """The lines of ``restored`` that are pieces of a given line it cut."""
    broken = {given for given, _ in restored.broken}
    return frozenset(at for at, (given, _) in enumerate(restored.origins) if given in broken)


def _rebroken(
    regions: dict[str, list[range]],
    restored: rebreak.Restored | None,
    forced: layouts.Layout | None,
) -> frozenset[str]:
    """The sections whose tables are read as text cut again at the template's landmarks
    (``rebreak``): those with a line cut to start a table row (every section, where no
    given line was kept whole). None where no given line held two table rows: every table
    kept its rows' line breaks, and the cuts only set apart a heading or label run into
    the text before it (PyMuPDF's ``get_text(sort=True)`` ends a page's text with no line
    break, and a table's last cell runs into the next page's heading: ``采购三、收到…``)."""
    if forced is not None or restored is None or not restored.tables:
        return frozenset()
    if max(Counter(restored.origins[at][0] for at in restored.tables).values()) < 2:
        return frozenset()
    if not restored.kept:
        return frozenset(regions)
    cut = set(restored.tables)
    return frozenset(
        name for name, spans in regions.items() if any(at in cut for span in spans for at in span)
    )


#: The sections that hold a table: 二, 三 and 四.
_TABLES = frozenset(section.NUMBER for section in SECTIONS.values())


#: A digit that is no label's numbering (``1.属于国家秘密``, ``2、``): a value, run together
#: with its label or not (``规章000``, ``0.1118``).
_NUMBER = re.compile(r"\d(?!\d*[.．、](?!\d))")


def _tabled(
    skel: Skeleton, cut: Collection[int] | None = None, valued: bool = False
) -> frozenset[int]:
    """The sections of ``skel`` that show a table region (one holding a line of ``cut``,
    when given: a table the cutting found, not one the text showed). ``valued``: only a
    region printing a number (``_NUMBER``) counts: a table cut out of lines that print none
    shows no lost line break (an empty section 三's header laid out in columns, whose first
    cell's wrapped note shares a line with ``申请人情况``: ``（本列数据的勾稽关系  申请人情况``)."""
    return frozenset(
        number
        for number, section in skel.sections.items()
        for lines in [list(section.lines("table"))]
        if lines
        and (cut is None or any(at in cut for span in lines for at in span))
        and (not valued or any(_NUMBER.search(skel.lines[at]) for span in lines for at in span))
    )


def _set_apart(skel: Skeleton, cut: Collection[int]) -> frozenset[int]:
    """The sections of ``skel`` whose heading is a line of ``cut`` and that show a table
    printing a number (``_tabled``): a heading the cutting set apart from the text before
    it on its line (PyMuPDF's ``get_text(sort=True)`` joins text of one baseline:
    ``…的投诉。二、主动公开政府信息情况``), its table as the text showed it."""
    tabled = _tabled(skel, valued=True)
    return frozenset(
        number
        for number, section in skel.sections.items()
        if section.heading in cut and number in tabled
    )


def _sorted(found: Sequence[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(sorted(found, key=lambda d: (d.line is not None, d.line or 0, d.column or 0)))


def _model_table(resolved: Resolved, section: str, layout: str | None) -> Table:
    """The model's table of ``section``: its slice of every resolved column."""
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
    given: Source,
    skel: Skeleton,
    resolved: Resolved,
    read: Sequence[TableRead],
    front: metadata.Front,
    found: list[Diagnostic],
) -> Report:
    """The public report: the front block's metadata, the prose, the resolved tables."""
    proactive, applications, appeals = (
        _model_table(resolved, name, table.layout)
        for name, table in zip(SECTIONS, read, strict=True)
    )
    return Report(
        organisation=front.organisation,
        year=front.year,
        template=resolved.template.name,
        published=front.published,
        overview=skel.prose(1),
        proactive=proactive,
        applications=applications,
        appeals=appeals,
        problems=skel.prose(5),
        other_matters=skel.prose(6),
        diagnostics=_sorted(found),
        source=given.name,
        encoding=given.encoding,
    )
