"""Several reports in one text, as ``govinfo-report render`` writes them: each separated from
the next by a blank line, a line ``---`` and a blank line (``SEPARATOR``).

``split_reports`` cuts such a text into its reports; ``parse`` refuses a text that holds
several (``several-reports``) rather than reading them as one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress, repeat
from operator import contains

from ..errors import ParseError

#: What ``render`` writes between two reports (each report's text ends with a newline).
SEPARATOR = "\n---\n\n"
#: A line that titles a report (``…政府信息公开工作年度报告``).
_TITLE = re.compile(r"政府信息公开.*年度报告\s*$")


def _cuts(lines: Sequence[str]) -> list[int]:
    """The indexes of the separator lines: ``---`` (white space aside) between blank lines.
    Only the lines holding ``---`` are looked at in Python, found at C speed; a text with
    none (the usual one) is ruled out by one search of the joined text, no call a line."""
    if "---" not in "\n".join(lines):
        return []
    dashed = compress(range(len(lines)), map(contains, lines, repeat("---")))
    return [
        i
        for i in dashed
        if lines[i].strip() == "---"
        and 0 < i < len(lines) - 1
        and not lines[i - 1].strip()
        and not lines[i + 1].strip()
    ]


def split_reports(text: str) -> list[str]:
    """The reports of ``text``, cut at each separator line (``---`` between blank lines, as
    ``render`` writes it); parts with nothing but white space are dropped.

    Each part keeps its line numbers: it starts with as many newlines as lines come before
    it, so a diagnostic's line in a part's report is its line in ``text``.

    Example:
        >>> text = SEPARATOR.join(render(report) for report in reports)  # doctest: +SKIP
        >>> [r.report for r in iter_parse(split_reports(text))]  # doctest: +SKIP
    """
    lines = text.split("\n")
    parts = []
    start = 0
    for cut in [*_cuts(lines), len(lines)]:
        body = lines[start:cut]
        if any(line.strip() for line in body):
            parts.append("\n" * start + "\n".join(body))
        start = cut + 1
    return parts


def refuse_several(lines: Sequence[str]) -> None:
    """Raise ``ParseError`` (``several-reports``) when separator lines cut ``lines`` into
    two or more parts that each have a report's title line.

    A lone ``---`` between blank lines inside one report (a horizontal rule that a Markdown
    converter wrote) is no reason to refuse: the parts after it have no title.
    """
    cuts = _cuts(lines)
    if not cuts:
        return
    titles = []
    for start, end in zip([0, *(cut + 1 for cut in cuts)], [*cuts, len(lines)], strict=True):
        found = next((i for i in range(start, end) if _TITLE.search(lines[i])), None)
        if found is not None:
            titles.append(found)
    if len(titles) > 1:
        second = titles[1]
        raise ParseError(
            f"the text holds {len(titles)} reports, separated by lines '---' as render writes "
            "them; read them one by one with split_reports (govinfo-report render and "
            "validate do)",
            code="several-reports",
            line=second + 1,
            text=lines[second],
        )
