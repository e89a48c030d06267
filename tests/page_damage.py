"""What tools do to a real report's table lines beyond one cell's text (issue 45, first
target): the damage ``benchmarks/damage_real.py`` makes of real renderings, each the way
a tool family prints a page, to check that every cell stays right or missing.

Each damage takes a rendering's text, its intact reading (the cells read from the text, with
their places) and whether the text is a PDF's (``paged``: page footers and page breaks are a
PDF's alone), and gives the damaged text, what its damaged cells say (``None``: no number
for sure, so the cell is right only as its gold or missing; a cell not named says its
gold) and the cells it prints blank. ``None`` where the damage does not apply to the text.

- ``wrapped_number``: a count too wide for its narrow cell wrapped onto the line below,
  under it (``pdftotext -layout``, lynx: space-aligned text only): ``4`` / ``6`` for 46.
- ``wrapped_label``: a row's label wrapped over two or three lines of its column (its own
  cell's: a group label's cell before it stays on the first line, its column blank on the
  next), the values beside any of its pieces, in their columns as the tool measures them
  (display columns or characters: ``_Text.measure``) (space-aligned text only).
- ``blank_zero``: zeros printed blank: a gap in text laid out in columns, an empty cell in a
  grid, no trace where cells are joined by one space.
- ``dash_blank``: zeros printed as "not given" (``—``, ``-``, ``/``, ``无``, ``－``, ``／``).
- ``header_lost``: a table's header lines lost (all, or the lines nearest its rows).
- ``page_break``: a page ends between two rows of a PDF's table: its footer (``- 6 -``,
  ``第 6 页``, a bare number, centred or not), a page break, the header printed again.
- ``interleaved``: the rows of two tables of a PDF's page interleaved (space-aligned text).
- ``wide_text``: a table's digits full-width (``１２``), its one-space separators U+3000.
- ``note_line``: a note with numbers in it (``（注：…3件…）``) after a table's last row, or at
  the end of a row in space-aligned text.
- ``row_unit``: every count of a row printed with its unit (``12件``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from random import Random

import attrs
from damage import Says

import govinfo_report as gr
from govinfo_report import labels
from govinfo_report.structure.layouts import space_aligned

#: A table's heading line (sections 二 to 四).
_HEADING = re.compile(r"^\s*[二三四五]\s*[、.．]\s*(主动|收到|政府信息公开行政|行政复议)")
_WIDE = str.maketrans("0123456789", "０１２３４５６７８９")
#: What a cell printed "not given" shows (``cells.not_given``).
DASHES = ("—", "-", "/", "无", "－", "——", "／")
#: Notes after a table, each with numbers that are no cell's.
NOTES = (
    "（注：本年度另有3件申请于{year}年1月办结，未计入上表。）",
    "注：1.本表数据统计期限为{year}年1月1日至12月31日；2.“其他”含转办件5件。",
    "（注：表中数据单位为件，其中12件为网上申请。）",
    "备注：行政复议1件、行政诉讼2件均在审理中。",
)
#: A page's footer, its page number filled in.
FOOTERS = ("- {} -", "第 {} 页", "{}", "{}", "— {} —", "第{}页 共12页", "-{}-")


@attrs.frozen
class Damaged:
    """A damaged text, what its damaged cells say, and the cells it prints blank."""

    text: str
    says: dict[str, Says] = attrs.field(factory=dict)
    blank: frozenset[str] = frozenset()


@attrs.frozen
class _Text:
    """A rendering's lines and what its intact reading says of them."""

    lines: list[str]
    report: gr.Report
    cells: list[gr.Cell]  # the cells read from the text, found where their places say
    by_line: dict[int, list[gr.Cell]]
    tables: dict[str, list[int]]  # each section's value lines (1-based), in order
    layouts: dict[str, str | None]
    paged: bool

    def joined(self) -> str:
        return "\n".join(self.lines)

    def aligned(self, section: str) -> bool:
        return self.layouts.get(section) == "space-aligned"

    def measure(self, section: str) -> Callable[[str], int]:
        """How the tool measured a section's columns: in display columns (lynx, inscriptis:
        a CJK character two wide) where its values start in fewer distinct ones than
        characters, else in characters (``pdftotext -layout``)."""
        starts = [
            (cell.column - 1, space_aligned._display_width(line[: cell.column - 1]))  # type: ignore[operator]
            for number in self.tables.get(section, [])
            for cell in self.by_line.get(number, [])
            for line in [self.lines[number - 1]]
        ]
        characters, display = (len({pair[at] for pair in starts}) for at in (0, 1))
        return space_aligned._display_width if display < characters else len


def _text(text: str, report: gr.Report, paged: bool) -> _Text:
    lines = text.split("\n")
    cells = [
        cell
        for table in report.tables
        for cell in table
        if cell.provenance == "parsed"
        and cell.line is not None
        and cell.column is not None
        and cell.raw
        and cell.line <= len(lines)
        and lines[cell.line - 1][cell.column - 1 :].startswith(cell.raw)
    ]
    by_line: dict[int, list[gr.Cell]] = {}
    tables: dict[str, set[int]] = {}
    for cell in cells:
        by_line.setdefault(cell.line, []).append(cell)  # type: ignore[arg-type]
        tables.setdefault(cell.key.partition(".")[0], set()).add(cell.line)  # type: ignore[arg-type]
    return _Text(
        lines,
        report,
        cells,
        by_line,
        {section: sorted(found) for section, found in tables.items()},
        {table.section: table.layout for table in report.tables},
        paged,
    )


def _section(cell: gr.Cell) -> str:
    return cell.key.partition(".")[0]


def _header(text: _Text, first: int) -> list[int]:
    """The lines (0-based) above a table's first value line up to its heading."""
    header: list[int] = []
    at = first - 2
    while at >= 0 and len(header) < 8 and at + 1 not in text.by_line:
        if _HEADING.match(text.lines[at]):
            break
        if text.lines[at].strip():
            header.append(at)
        at -= 1
    return header[::-1]


def wrapped_number(text: _Text, rng: Random) -> Damaged | None:
    wide = [
        cell
        for cell in text.cells
        if (cell.raw or "").isdigit()
        and len(cell.raw or "") >= 2
        and text.aligned(_section(cell))
        and len(text.lines[cell.line - 1]) < 300  # type: ignore[operator]
    ]
    if not wide:
        return None
    cell = rng.choice(wide)
    raw = cell.raw or ""
    cut = rng.randrange(1, len(raw))
    at = cell.column - 1  # type: ignore[operator]
    line = text.lines[cell.line - 1]  # type: ignore[operator]
    text.lines[cell.line - 1] = (
        line[:at] + raw[:cut] + " " * (len(raw) - cut) + line[at + len(raw) :]
    )  # type: ignore[operator]
    under = re.sub(r"[^\t]", " ", line[:at]) + " " * cut * (rng.random() < 0.5)
    text.lines.insert(cell.line, under + raw[cut:])  # type: ignore[arg-type]
    return Damaged(text.joined(), {cell.key: None})


#: A line's last cell of text: words one space apart at most, after two spaces or more.
_LAST_CELL = re.compile(r"(?:^\s*|(?<=\s\s))(\S+(?: \S+)*)$")


def wrapped_label(text: _Text, rng: Random) -> Damaged | None:
    rows = []
    for number, row in text.by_line.items():
        start = min(cell.column for cell in row) - 1  # type: ignore[type-var,operator]
        label = text.lines[number - 1][:start].strip()
        if text.aligned(_section(row[0])) and len(re.findall(r"[\u4e00-\u9fff]", label)) >= 4:
            rows.append((number, start))
    if not rows:
        return None
    number, start = rng.choice(rows)
    line = text.lines[number - 1]
    width = text.measure(_section(text.by_line[number][0]))
    prefix = line[:start].rstrip()
    # the row's own label, its cell's last: a group label's cell may stand before it
    # (``（五）不予处理   1.信访举报投诉类申请``), which the label's next lines leave blank
    cell = _LAST_CELL.search(prefix)
    if cell is None or len(cell[1]) < 2:
        return None
    lead, label, rest = prefix[: cell.start(1)], cell[1], line[len(prefix) :]
    indent = " " * width(lead)
    count = rng.choice([2, 2, 3]) if len(label) >= 6 else 2
    cuts = sorted(rng.sample(range(1, len(label)), count - 1))
    pieces = [label[a:b] for a, b in zip([0, *cuts], [*cuts, len(label)], strict=True)]
    beside = rng.randrange(count)
    text.lines[number - 1 : number] = [
        (lead if at == 0 else indent)
        + piece
        + (" " * (width(prefix) - width(indent + piece)) + rest if at == beside else "")
        for at, piece in enumerate(pieces)
    ]
    return Damaged(text.joined())


def _zeros(text: _Text, rng: Random, mark: Callable[[bool], str]) -> Damaged | None:
    zeros = [cell for cell in text.cells if cell.raw == "0"]
    if not zeros:
        return None
    chosen = rng.sample(zeros, min(len(zeros), rng.randint(1, 4)))
    for cell in sorted(chosen, key=lambda c: (c.line, c.column), reverse=True):
        line = text.lines[cell.line - 1]  # type: ignore[operator]
        at = cell.column - 1  # type: ignore[operator]
        before, after = line[:at], line[at + 1 :]
        tabbed = "\t" in line
        new = mark(text.aligned(_section(cell)) and not tabbed)
        if not new and not tabbed and not re.search(r" {2}", line.strip()):
            # cells joined by one space leave no trace of a blank one
            after = after[1:] if after.startswith(" ") else after
            before = before if after else before.rstrip(" ")
        elif not new and not tabbed:
            new = " "
        text.lines[cell.line - 1] = before + new + after  # type: ignore[operator]
    return Damaged(
        text.joined(), {cell.key: None for cell in chosen}, frozenset(c.key for c in chosen)
    )


def blank_zero(text: _Text, rng: Random) -> Damaged | None:
    return _zeros(text, rng, lambda aligned: "")


def dash_blank(text: _Text, rng: Random) -> Damaged | None:
    return _zeros(
        text, rng, lambda aligned: rng.choice([d for d in DASHES if not aligned or len(d) == 1])
    )


def header_lost(text: _Text, rng: Random) -> Damaged | None:
    section = rng.choice(sorted(text.tables))
    header = _header(text, text.tables[section][0])
    if not header:
        return None
    lost = set(header if rng.random() < 0.5 else header[-rng.randint(1, len(header)) :])
    return Damaged("\n".join(line for at, line in enumerate(text.lines) if at not in lost))


def page_break(text: _Text, rng: Random) -> Damaged | None:
    if not text.paged:
        return None
    section = rng.choice(sorted(text.tables))
    rows = text.tables[section]
    # between two rows: after a value line that the next printed line does not continue
    ends = [
        at
        for at in rows[:-1]
        if next((n for n in range(at + 1, len(text.lines) + 1) if text.lines[n - 1].strip()), 0)
        not in text.by_line
    ]
    if not ends:
        return None
    header = _header(text, rows[0])
    if header and not re.match(r"\s*\S*[\u4e00-\u9fff]", text.lines[rows[0] - 1]):
        header = header[:-1]  # the first row's label, on a line above its values
    after = rng.choice(ends)
    footer = " " * rng.choice([0, 0, 20, 38]) + rng.choice(FOOTERS).format(rng.randint(2, 11))
    repeat = [text.lines[at] for at in header] if rng.random() < 0.7 else []
    text.lines[after:after] = ["", footer, "\f" + (repeat[0] if repeat else ""), *repeat[1:]]
    return Damaged(text.joined())


def interleaved(text: _Text, rng: Random) -> Damaged | None:
    if not text.paged:
        return None  # a PDF's page flows two tables' lines together
    rowed = {
        section: [at for at in found if len(text.by_line[at]) >= 2]
        for section, found in text.tables.items()
        if text.aligned(section)
    }
    rowed = {section: found for section, found in rowed.items() if found}
    if len(rowed) < 2:
        return None
    one, other = rng.sample(sorted(rowed), 2)
    count = min(len(rowed[one]), len(rowed[other]), rng.randint(2, 4))
    start = rng.randrange(0, len(rowed[one]) - count + 1)
    place = rowed[one][start : start + count]
    start = rng.randrange(0, len(rowed[other]) - count + 1)
    take = rowed[other][start : start + count]
    moved = dict(zip(place, (text.lines[at - 1] for at in take), strict=True))
    out = []
    for at, line in enumerate(text.lines, 1):
        if at not in take:
            out.append(line)
            if at in moved:
                out.append(moved[at])
    return Damaged("\n".join(out))


def wide_text(text: _Text, rng: Random) -> Damaged | None:
    section = rng.choice(sorted(text.tables))
    spaces = rng.random() < 0.5
    for at in text.tables[section]:
        line = text.lines[at - 1].translate(_WIDE)
        if spaces and "  " not in line.strip():
            line = line.replace(" ", "\u3000")  # cells joined by one space: by one U+3000
        text.lines[at - 1] = line
    return Damaged(text.joined())


def note_line(text: _Text, rng: Random) -> Damaged | None:
    section = rng.choice(sorted(text.tables))
    note = rng.choice(NOTES).format(year=text.report.year or 2021)
    if rng.random() < 0.5:
        text.lines.insert(text.tables[section][-1], note)
        return Damaged(text.joined())
    at = rng.choice(text.tables[section]) - 1
    if not text.aligned(section) or any(mark in text.lines[at] for mark in "\t|│┃"):
        return None  # a grid's row holds no text past its last cell
    text.lines[at] = text.lines[at].rstrip() + "  " + note
    return Damaged(text.joined())


def row_unit(text: _Text, rng: Random) -> Damaged | None:
    kinds = {field.key: field.kind for field in gr.fields(text.report.template or "2021")}
    rows = [
        row
        for row in text.by_line.values()
        if all(kinds.get(cell.key) == "count" and (cell.raw or "").isdigit() for cell in row)
    ]
    if not rows:
        return None
    row = rng.choice(rows)
    unit = rng.choice(labels.COUNT_UNITS[:6])
    line = text.lines[row[0].line - 1]  # type: ignore[operator]
    for cell in sorted(row, key=lambda c: c.column or 0, reverse=True):
        at = cell.column - 1 + len(cell.raw or "")  # type: ignore[operator]
        eat = line[at : at + 2] == "  "  # a column's padding takes the unit
        line = line[:at] + unit + line[at + eat :]
    text.lines[row[0].line - 1] = line  # type: ignore[operator]
    return Damaged(text.joined())


#: Each damage by name.
PAGE_DAMAGES: dict[str, Callable[[_Text, Random], Damaged | None]] = {
    "wrapped_number": wrapped_number,
    "wrapped_label": wrapped_label,
    "blank_zero": blank_zero,
    "dash_blank": dash_blank,
    "header_lost": header_lost,
    "page_break": page_break,
    "interleaved": interleaved,
    "wide_text": wide_text,
    "note_line": note_line,
    "row_unit": row_unit,
}


def page_damaged(
    text: str, report: gr.Report, damage: str, rng: Random, paged: bool = False
) -> Damaged | None:
    """``text`` (read intact as ``report``) damaged by ``damage`` (a key of
    ``PAGE_DAMAGES``); ``paged``: the text is a PDF's. ``None`` where it does not apply."""
    read = _text(text, report, paged)
    if not read.cells:
        return None
    return PAGE_DAMAGES[damage](read, rng)
