"""Report metadata from the text: organisation and year from the title block, the
signature date at the end, the template version from the tables' labels."""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from . import labels

_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "O": "0"}
_YEAR = r"(?:19|20)\d{2}|[〇零一二三四五六七八九O]{4}"
_TITLE = re.compile(rf"(?P<organisation>.*?)(?P<year>{_YEAR})年度?(?P<rest>.+)")
_DATE = re.compile(
    rf"(?P<year>{_YEAR})年(?P<month>[\d一二三四五六七八九十]{{1,3}})月"
    rf"(?P<day>[\d一二三四五六七八九十]{{1,3}})日"
)
_HEADING = re.compile(r"[一二三四五六七八九十]{1,2}[、.]")
_NOT_ORGANISATION = re.compile(r"[。，,；;：:！!？?]")

#: How far the title is looked for, and how long a title or organisation line may be.
TITLE_LINES = 8
MAX_TITLE_CHARS = 80
MAX_ORGANISATION_CHARS = 40
#: How many distinct legacy heading words make a report legacy.
LEGACY_EVIDENCE = 2


def _compact(line: str) -> str:
    return "".join(line.split())


def _number(text: str) -> int:
    """An Arabic or Chinese numeral (``2021``, ``二〇二一``, ``十九``, ``二十``)."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return int(_CN_DIGITS.get(tens, "1") if tens else "1") * 10 + (
            int(_CN_DIGITS[ones]) if ones else 0
        )
    return int("".join(_CN_DIGITS[c] for c in text))


def title(lines: Sequence[str]) -> tuple[str | None, int | None, int | None]:
    """``(organisation, year, line)`` from the first lines of the front block.

    The organisation is the text before the year on the title line, or the line before it
    when the title starts with the year (``城东区韵家口镇政府`` / ``2020 年政府信息公开…``).
    """
    previous: str | None = None
    seen = 0
    for number, line in enumerate(lines, 1):
        compact = _compact(line)
        if not compact:
            continue
        seen += 1
        if seen > TITLE_LINES:
            break
        match = _TITLE.match(compact) if len(compact) <= MAX_TITLE_CHARS else None
        if match and any(word in match["rest"] for word in labels.TITLE_KEYWORDS):
            organisation = match["organisation"] or previous
            return organisation or None, _number(match["year"]), number
        fits = len(compact) <= MAX_ORGANISATION_CHARS and not _NOT_ORGANISATION.search(compact)
        previous = compact if fits else None
    return None, None, None


def published(lines: Sequence[str]) -> datetime.date | None:
    """The signature date: a line at the end of the report that holds only a date."""
    for line in reversed([line for line in lines if line.strip()][-4:]):
        match = _DATE.fullmatch(_compact(line))
        if match:
            try:
                return datetime.date(
                    _number(match["year"]), _number(match["month"]), _number(match["day"])
                )
            except ValueError:
                return None
    return None


Hits = dict[str, list[tuple[str, int]]]


#: Any template's marker label, with any spacing between its characters (a label split over
#: lines counts); and the template each marker belongs to.
_MARKER = re.compile(
    "|".join(
        r"\s*".join(map(re.escape, marker))
        for markers in labels.TEMPLATE_MARKERS.values()
        for marker in markers
    )
)
_TEMPLATE_OF = {
    marker: name for name, markers in labels.TEMPLATE_MARKERS.items() for marker in markers
}


def template_markers(numbers: Sequence[int], lines: Sequence[str]) -> Hits:
    """Each template's marker labels in ``lines`` (line ``numbers[i]`` is ``lines[i]``), in
    order, with the line where each starts."""
    printed = "\n".join(lines)
    hits: Hits = {name: [] for name in labels.TEMPLATE_MARKERS}
    for match in _MARKER.finditer(printed):
        marker = "".join(match.group().split())
        hits[_TEMPLATE_OF[marker]].append((marker, numbers[printed.count("\n", 0, match.start())]))
    return hits


def template_of_year(year: int | None) -> str | None:
    """The template in force for a reporting year (``None``: unknown or before 2019)."""
    if year is None:
        return None
    fitting = [name for name, first in labels.TEMPLATE_YEARS.items() if year >= first]
    return max(fitting, key=lambda name: labels.TEMPLATE_YEARS[name]) if fitting else None


def legacy(lines: Sequence[str]) -> bool:
    """Whether the section headings read as those of a report from before 2019: at least
    two of their words (``概述``, ``收费及减免``…) on heading-like lines (``四、…``, short)."""
    found: set[str] = set()
    for line in lines:
        compact = _compact(line)
        if len(compact) <= MAX_ORGANISATION_CHARS and _HEADING.match(compact):
            found.update(marker for marker in labels.LEGACY_MARKERS if marker in compact)
    return len(found) >= LEGACY_EVIDENCE
