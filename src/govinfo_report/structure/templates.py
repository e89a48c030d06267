"""Which template a report follows: the one its tables' labels show (``metadata``'s
markers), weighed against its reporting year; a report before 2019 is refused."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain

from ..catalogue import TEMPLATES, Template
from ..diagnostics import Diagnostic, diagnostic
from ..errors import LegacyReportError
from . import metadata
from .skeleton import Skeleton


def markers(skel: Skeleton, spans: Sequence[range]) -> metadata.Hits:
    """The labels of either template the tables at ``spans`` print, by template."""
    return metadata.template_markers(
        list(chain.from_iterable(range(span.start + 1, span.stop + 1) for span in spans)),
        skel.spanned(spans),
    )


def shown(hits: metadata.Hits) -> str | None:
    """The template whose labels alone the tables print (``markers``), if one is."""
    present = [name for name, found in hits.items() if found]
    return present[0] if len(present) == 1 else None


def detect(
    skel: Skeleton, hits: metadata.Hits, year: int | None, title_line: int | None
) -> tuple[Template, list[Diagnostic]]:
    """The template the labels of the tables show (``markers``), and what was odd about it.
    A report showing neither is legacy if its year is before 2019, or if it states no year
    and has the headings of those reports; a report dated 2019 or later is never refused. A
    mix is read by the year's template when it is one of them, else by the majority of
    labels.

    Raises:
        LegacyReportError: a report from before 2019 (``title_line``: its title's line).
    """
    present = [name for name, found in hits.items() if found]
    of_year = metadata.template_of_year(year)
    if not present:
        return _unmarked(skel.lines, year, of_year, title_line)
    if len(present) == 1:
        return TEMPLATES[present[0]], _mismatched(present[0], year, of_year, hits)
    name = of_year if of_year in present else max(present, key=lambda n: len(hits[n]))
    other = next(n for n in present if n != name)
    shown = ", ".join(f"{marker} (line {line})" for marker, line in hits[other][:3])
    mixed = diagnostic(
        "template-mixed",
        f"the tables carry labels of both templates; read as the {name} "
        f"template{' of the report year' if name == of_year else ''}, "
        f"but {other} labels appear: {shown}",
        hits[other][0][1],
        1,
    )
    return TEMPLATES[name], [mixed]


def _unmarked(
    lines: Sequence[str], year: int | None, of_year: str | None, title_line: int | None
) -> tuple[Template, list[Diagnostic]]:
    """The template of a report whose tables show no label of either: its year's (2019
    without one), unless it is a legacy report."""
    if of_year is None and (year is not None or metadata.legacy(lines)):
        raise LegacyReportError(
            f"a report from before the 2019 template{f' (year {year})' if year else ''}: "
            "its free-form tables fit no catalogue, so none is read",
            year=year,
            line=title_line or 1,
            text=lines[title_line - 1] if title_line else None,
        )
    name = of_year or "2019"
    unknown = diagnostic(
        "template-unknown", f"no label of either template was found; read as the {name} template"
    )
    return TEMPLATES[name], [unknown]


def _mismatched(
    name: str, year: int | None, of_year: str | None, hits: metadata.Hits
) -> list[Diagnostic]:
    """A ``template-year-mismatch`` where the labels show template ``name`` alone and the
    report's year wants another."""
    if year is None or name == of_year:
        return []
    expected = f"the {of_year} template" if of_year else "neither template"
    return [
        diagnostic(
            "template-year-mismatch",
            f"the labels are those of the {name} template, but a {year} report should use "
            f"{expected}",
            hits[name][0][1],
            1,
        )
    ]
