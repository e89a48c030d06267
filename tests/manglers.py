"""Manglers: what real text extraction does to a report, one small named function each.

A mangler takes the text of a rendered report and a ``random.Random`` (driven by Hypothesis,
so failures shrink) and returns the text changed the way some tool changes it. They compose:
``mangle(text, [full_width, spaces], rng)``. ``LOSSLESS`` keep every value readable;
``drop_value_column`` loses some; ``UNCERTAIN`` make some cells uncertain as real pages do
(zeros left blank, labels wrapped or misspelt, line breaks lost), so that a reader can only
leave them missing. Saving (BOM, GB18030, CRLF) is ``encode``'s job.

Each mangler says which layouts it applies to: ``spaces``, for instance, splits labels in
any layout, while a label broken over lines only exists where cells are lines of their own.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from itertools import pairwise
from random import Random

import attrs

import govinfo_report as gr
from govinfo_report import labels
from govinfo_report.cells import is_number, is_value, not_given
from govinfo_report.structure.layouts import space_aligned
from govinfo_report.write import spans
from govinfo_report.write.render import renderable
from govinfo_report.write.spans import NOT_GIVEN

ALL = ("tab-separated", "row-per-cell", "flattened-header", "markdown")
TABBED = ("tab-separated", "flattened-header")
#: Every layout ``render`` writes, the converters' own included (from the registry).
EVERY = renderable()

_CJK = re.compile(r"[\u4e00-\u9fff]{2,}")
_HEADING = re.compile(r"^([一二三四五六])、")
_ENUMERATOR = re.compile(r"(?<![\d.])([1-9])\.(?=[\u4e00-\u9fff])")
_AMOUNT = re.compile(r"^(\s*\d+\.\d+)(\s*)$")
_WAN_YUAN = re.compile(r"(单\s*位\s*[:：]\s*)万\s*元")
_NUMERALS = {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6"}
_WIDE = {**{chr(c): chr(c + 0xFEE0) for c in range(0x30, 0x3A)}, "(": "（", ")": "）"}


@attrs.frozen
class Mangler:
    """A named change to a report's text, the layouts it applies to, whether it loses data."""

    name: str
    apply: Callable[[str, Random], str]
    layouts: tuple[str, ...] = ALL
    lossless: bool = True


def _per_line(text: str, change: Callable[[str], str]) -> str:
    return "\n".join(change(line) for line in text.split("\n"))


def _is_table(line: str) -> bool:
    return "\t" in line or line.lstrip().startswith("|")


def _separator(line: str) -> str:
    return "|" if line.lstrip().startswith("|") else "\t"


def _label_cells(text: str, change: Callable[[str], str]) -> str:
    """``text`` with ``change`` applied to every label cell of every table line."""

    def labels_of(line: str) -> str:
        if not _is_table(line):
            return line
        sep = _separator(line)
        return sep.join(
            change(cell) if cell.strip() and not is_value(cell.strip()) else cell
            for cell in line.split(sep)
        )

    return _per_line(text, labels_of)


def spaces(text: str, rng: Random) -> str:
    """A space (ASCII or ideographic) inside Chinese words of labels, as PDF text has."""

    def split(cell: str) -> str:
        return _CJK.sub(
            lambda m: (
                _insert(m[0], rng.choice((" ", "\u3000", "  ")), rng)
                if rng.random() < 0.5
                else m[0]
            ),
            cell,
        )

    return _label_cells(text, split)


def _insert(word: str, piece: str, rng: Random) -> str:
    at = rng.randrange(1, len(word))
    return word[:at] + piece + word[at:]


def full_width(text: str, rng: Random) -> str:
    """Digits and round brackets in full width (１２, （…）), in tables and prose alike."""
    return "".join(_WIDE.get(char, char) if rng.random() < 0.7 else char for char in text)


def enumerators(text: str, rng: Random) -> str:
    """``1.`` written ``1、`` or ``1．`` (a full-width point), as each office types it."""
    style = rng.choice(("、", "．", ". "))
    return _ENUMERATOR.sub(lambda m: m[1] + style, text)


def straight_quotes(text: str, rng: Random) -> str:
    """Curly quotes straightened (or made corner brackets) by an ASCII-minded tool."""
    opening, closing = rng.choice((('"', '"'), ("「", "」"), ("'", "'")))
    return text.replace("“", opening).replace("”", closing)


def arabic_headings(text: str, rng: Random) -> str:
    """Section headings numbered ``1、`` or ``2.`` instead of ``一、``."""
    mark = rng.choice(("、", ".", "．"))
    return _per_line(text, lambda line: _HEADING.sub(lambda m: _NUMERALS[m[1]] + mark, line))


def bookmarks(text: str, rng: Random) -> str:
    """Tika's ``[bookmark: _Toc…]`` before section headings, inline or on a line of its own
    (never inside a table, where a line of its own would split a cell)."""

    def mark(line: str) -> str:
        if not _HEADING.match(line) or rng.random() < 0.3:
            return line
        bookmark = f"[bookmark: _Toc{rng.randrange(10**8)}]"
        return bookmark + (line if rng.random() < 0.6 else "\n" + line)

    return _per_line(text, mark)


def page_markers(text: str, rng: Random) -> str:
    """Page footers from a PDF between rows and paragraphs: ``- 4 -``, ``第 3 页 共 5 页``; a
    browser's, the page's address and number, then the next page's header, its date and
    time (``https://…/art_3.html  3/9`` / ``2024/1/5 10:28``)."""
    out, page = [], 1
    lines = text.split("\n")
    for line, end in zip(lines, _row_ends(lines), strict=True):
        out.append(line)
        if end and rng.random() < 0.08:
            page += 1
            out.extend(
                rng.choice(
                    (
                        (f"- {page} -",),
                        (f"第 {page} 页 共 9 页",),
                        (f"— {page} —",),
                        (f"{page}/9",),
                        (
                            f"https://www.example.gov.cn/art/art_{page}.html  {page}/9",
                            "2024/1/5 10:28",
                        ),
                    )
                )
            )
    return "\n".join(out)


def _row_ends(lines: Sequence[str]) -> list[bool]:
    """For each line, whether a new line after it falls between rows, not inside a row of
    one-cell lines (row-per-cell: ``\tcell`` lines and their untabbed continuations, up to
    an empty line)."""
    ends, in_row = [], False
    for line in lines:
        if line.startswith("\t") and "\t" not in line[1:]:
            in_row = True
        elif not line or "\t" in line:
            in_row = False
        ends.append(not in_row)
    return ends


def blank_lines(text: str, rng: Random) -> str:
    """Extra empty lines between rows and paragraphs."""
    lines = text.split("\n")
    out = []
    for line, end in zip(lines, _row_ends(lines), strict=True):
        out.append(line)
        if end and rng.random() < 0.15:
            out.extend([""] * rng.randint(1, 3))
    return "\n".join(out)


def trailing_tabs(text: str, rng: Random) -> str:
    """Empty cells at the end of rows, as Word tables with a ragged right edge give."""
    return _per_line(
        text,
        lambda line: (
            line + "\t" * rng.randint(1, 3) if "\t" in line and rng.random() < 0.5 else line
        ),
    )


def trailing_spaces(text: str, rng: Random) -> str:
    """Spaces at the end of lines, and non-breaking spaces in blank cells (HTML ``&nbsp;``)."""
    return _per_line(
        text, lambda line: line + rng.choice((" ", "  ", "\u00a0")) if rng.random() < 0.3 else line
    )


def page_width(text: str, rng: Random) -> str:
    """Every line, an empty one too, padded with spaces to the page's width (the widest
    line's, or wider), as pdfplumber's ``extract_text(layout=True)`` lays a page out."""
    lines = text.split("\n")
    width = max(map(len, lines)) + rng.randint(0, 40)
    return "\n".join(line.ljust(width) for line in lines)


def pdfplumber_plain(text: str, report: gr.Report, rng: Random, tall: bool = False) -> str:
    """``text`` (a report rendered laid out) as pdfplumber's plain ``extract_text()`` prints
    a browser's PDF of its page: a line's words joined by one space; the site's date and
    source above the title, the day it went online; each page's footer and the next page's
    header between lines here and there, joined by one space too (``file:///…/report.html
    2/9``, ``11/27/26, 7:26 AM 年某某县…报告``); the signature date's digits, in a font set
    lower, on a line of their own under ``年 月 日`` (``年 月 日`` / ``2021 2 16``); then the
    site's footer and the last page's. ``tall``: section 二's rows as Word's PDF of its narrow
    cells prints them, each label two characters a line, each value on a line of the row's
    own drawn apart (a value centred in its tall cell, one at its top): ``行政`` / ``事业 22``
    / ``-1`` / ``性收`` / ``费``, the lines' order no column's."""
    signed = report.published
    online = signed + datetime.timedelta(days=rng.randint(1, 60)) if signed else None
    date = f"{signed.year}年{signed.month}月{signed.day}日" if signed else None
    lines: list[str] = []
    page = 1
    for line in text.split("\n"):
        words = line.split()
        if tall and len(words) > 2 and words[0] in _PROACTIVE_LABELS:
            lines += _tall_row(words[0], words[1:], rng)
            continue
        if date is not None and "".join(words) == date:
            lines += ["年 月 日", f"{signed.year} {signed.month} {signed.day}"]  # type: ignore[union-attr]
            continue
        lines.append(" ".join(words))
        if len(lines) > 3 and rng.random() < 0.04:
            page += 1
            lines += [
                f"file:///tmp/tmpabcd/report.html {page - 1}/9",
                "11/27/26, 7:26 AM 年某某县人民政府政府信息公开年度报告",
            ]
    head = [f"发布时间：{online} 11:37 来源：{report.organisation}"] if online else []
    foot = ["主办：某某市人民政府办公室 网站标识码：1234567890", "ICP备12345678号"]
    foot += [f"更新日期：{online}", f"file:///tmp/tmpabcd/report.html {page}/9"]
    return "\n".join([*head, *lines, *foot])


def lifted_numbers(prose: str, width: int) -> str:
    """``prose`` as pdfplumber's layout text prints a browser's PDF of it: wrapped every
    ``width`` characters, each line's numbers lifted out of it (spaces in their place) onto
    a line of their own below it."""
    out = []
    for start in range(0, len(prose), width):
        line = prose[start : start + width]
        numbers = re.findall(r"\d+", line)
        out.append(re.sub(r"\d+", lambda m: " " * (2 * len(m[0])), line))
        if numbers:
            out.append("   ".join(numbers))
    return "\n".join(out)


def labels_above(text: str, rng: Random) -> str:
    """One-space text of a browser's PDF (``pdfplumber_plain``) as pypdfium2 prints a table
    of narrow label cells: each row of sections 三 and 四 whose label and values share a
    line has its label wrapped over lines of their own, ``width`` characters a line (2 to 8,
    drawn once), and its values on the line after them
    (``一、本年新收政府`` / ``信息公开申请数量`` / ``549 49 1 4 13 6 622``)."""
    width = rng.randint(2, 8)
    lines: list[str] = []
    inside = False
    for line in text.split("\n"):
        if _LABELS_ABOVE_FROM.match(line):
            inside = True
        elif _LABELS_ABOVE_TO.match(line):
            inside = False
        words = line.split(" ")
        values = [word for word in words if _value_word(word)]
        label = "".join(word for word in words if not _value_word(word))
        if not inside or not values or not label or words[-len(values) :] != values:
            lines.append(line)
            continue
        lines += [label[at : at + width] for at in range(0, len(label), width)]
        lines.append(" ".join(values))
    return "\n".join(lines)


def _value_word(word: str) -> bool:
    """Whether a word of one-space text is a value cell's: a number, or a placeholder for
    a cell not given (``—``), which prints in its column as a number does, never in the
    label's cell."""
    return bool(word) and (is_number(word) or not_given(word))


_LABELS_ABOVE_FROM = re.compile(r"三、收到")
_LABELS_ABOVE_TO = re.compile(r"五、存在")


#: Section 二's row labels, both templates'.
_PROACTIVE_LABELS = frozenset(
    label for rows in labels.PROACTIVE_ROWS.values() for names in rows.values() for label in names
)


def _tall_row(label: str, values: Sequence[str], rng: Random) -> list[str]:
    """A row of section 二 whose label wraps two characters a line in its narrow cell, each
    of its ``values`` on a line of the row's drawn apart, a line's words in column order."""
    pieces = [label[at : at + 2] for at in range(0, len(label), 2)]
    height = max(len(pieces), 3)
    lines: list[list[str]] = [[piece] for piece in pieces] + [[]] * (height - len(pieces))
    lines = [list(words) for words in lines]
    for value in values:
        lines[rng.randrange(height)].append(value)
    return [" ".join(words) for words in lines if words]


def money_units(text: str, rng: Random) -> str:
    """The unit written after each amount of the money column as well as in its header
    (万元, or 元 once ``yuan`` has changed the header)."""
    unit = "万元" if _WAN_YUAN.search(text) else "元"

    def units(line: str) -> str:
        if not _is_table(line):
            return line
        sep = _separator(line)
        return sep.join(_AMOUNT.sub(rf"\1{unit}\2", cell) for cell in line.split(sep))

    return _per_line(text, units)


def yuan(text: str, rng: Random) -> str:
    """Money in 元 instead of 万元: the header's unit changed and every amount (the cells
    with a decimal point: counts have none) multiplied by 10,000."""

    def scale(line: str) -> str:
        if not _is_table(line):
            return line
        sep = _separator(line)
        return sep.join(
            _AMOUNT.sub(lambda m: f"{Decimal(m[1]) * 10000:f}{m[2]}", cell)
            for cell in line.split(sep)
        )

    return _per_line(_WAN_YUAN.sub(r"\1元", text), scale)


def merged_labels(text: str, rng: Random) -> str:
    """Two label cells of a row run into one (``（三）不予公开 1.属于国家秘密``), as a tool
    that loses the border between merged cells writes them."""

    def merge(line: str) -> str:
        cells = line.split("\t")
        filled = [i for i, cell in enumerate(cells) if cell.strip()]
        if len(filled) < 2 or any(is_value(cells[i].strip()) for i in filled[:2]):
            return line
        first, second = filled[:2]
        cells[first] = f"{cells[first]}{rng.choice(('', ' '))}{cells[second]}"
        cells[second] = ""
        return "\t".join(cells)

    return _per_line(text, merge)


def vertical_labels(text: str, rng: Random) -> str:
    """A label cell written one character a line (a narrow column in a PDF)."""

    def stack(line: str) -> str:
        body = line[1:]
        if line.startswith("\t") and len(body) <= 8 and _CJK.fullmatch(body) and rng.random() < 0.3:
            return "\t" + "\n".join(body)
        return line

    return _per_line(text, stack)


def wrapped_labels(text: str, rng: Random) -> str:
    """A long label cell wrapped over two lines (a cell one cell-line each)."""

    def wrap(line: str) -> str:
        body = line[1:].rstrip()
        if (
            line.startswith("\t")
            and len(body) >= 6
            and not is_value(body.strip())
            and rng.random() < 0.5
        ):
            at = rng.randrange(2, len(body) - 1)  # both parts keep some text
            return f"\t{body[:at]}\n{line[1 + at :]}"
        return line

    return _per_line(text, wrap)


def split_header(text: str, rng: Random) -> str:
    """The column headers of section 二 wrapped onto a second line inside their cells."""
    headers = {label for names in labels.PROACTIVE_COLUMNS.values() for label, *_ in names.values()}

    def wrap(line: str) -> str:
        if line.startswith("\t") and line[1:] in headers and len(line) > 4:
            at = rng.randrange(2, len(line) - 1)
            return f"{line[:at]}\n{line[at:]}"
        return line

    return _per_line(text, wrap)


def drop_value_column(text: str, rng: Random) -> str:
    """One value cell lost from some rows of the tables, as when a PDF column is too narrow
    and its digits are dropped (loses information)."""

    def drop(line: str) -> str:
        cells = line.split("\t")
        values = [i for i, cell in enumerate(cells) if cell.strip() and is_value(cell.strip())]
        if len(values) < 2 or rng.random() >= 0.3:
            return line
        del cells[rng.choice(values)]
        return "\t".join(cells)

    return _per_line(text, drop)


def drop_column(text: str, rng: Random) -> str:
    """The same value column lost from every row that has it, as when a PDF table's column
    is too narrow for its digits (loses information)."""
    column = rng.randrange(7)

    def drop(line: str) -> str:
        cells = line.split("\t")
        values = [i for i, cell in enumerate(cells) if cell.strip() and is_value(cell.strip())]
        if len(values) <= column:
            return line
        del cells[values[column]]
        return "\t".join(cells)

    return _per_line(text, drop)


# Uncertain cells, as real pages make them ---------------------------------------------------

_ZERO_TOKEN = re.compile(r"(?<=  )0(?=  |\s*$)")
#: Every label of a template row as the renderers print it (sub-rows with their number).
_LABELS = sorted(
    {
        text
        for template in labels.APPLICATION_PRINTED.values()
        for row in template.values()
        for text in row
        if len(text) >= 5
    }
    | {names[0] for rows in labels.PROACTIVE_ROWS.values() for names in rows.values()},
    key=len,
    reverse=True,
)


def blank_zeros(text: str, rng: Random) -> str:
    """Zero cells left blank, as many bodies fill their tables: in some rows every zero (a
    row of zeros becomes a blank row), in others several of them. A blank is written as each
    tool writes an empty cell: nothing or ``&nbsp;`` between tabs, spaces of the same width
    in a grid or an aligned column; where each cell is a line, an empty line or a line of
    ``&nbsp;`` (docx2txt, whose cells have an empty line after each, never drops one), or no
    line at all (pdftotext). The report then gives no value there (loses information)."""
    lines = text.split("\n")
    cells = [at for at, line in enumerate(lines) if _cell_line(line)]
    runs: list[list[int]] = []  # the cells of one row: one a line, an empty line after each
    for at in cells:
        if runs and (at - runs[-1][-1] == 1 or (at - runs[-1][-1] == 2 and not lines[at - 1])):
            runs[-1].append(at)
        else:
            runs.append([at])
    dropped: set[int] = set()
    for run in runs:
        spaced = any(b - a == 2 for a, b in pairwise(run))
        for at in _blanked([at for at in run if lines[at].strip() == "0"], rng):
            if lines[at].startswith("\t"):
                lines[at] = "\t" + rng.choice(("", "\u00a0"))
            elif spaced or rng.random() < 0.5:
                lines[at] = rng.choice(("", "\u00a0"))
            else:
                dropped.add(at)  # pdftotext drops an empty cell
    in_cells = set(cells)
    return "\n".join(
        line if at in in_cells else _blank_cells(line, rng)
        for at, line in enumerate(lines)
        if at not in dropped
    )


def _cell_line(line: str) -> bool:
    """Whether a line is one value cell (a cell a line, or a tab-prefixed cell)."""
    return bool(line.strip()) and is_value(line.strip()) and line.count("\t") <= 1


def _blanked(zeros: list[int], rng: Random) -> list[int]:
    """Which of a row's zero cells are left blank: none, all, or several."""
    roll = rng.random()
    if roll < 0.3 or not zeros:
        return []
    if roll < 0.65:
        return zeros
    return rng.sample(zeros, min(len(zeros), rng.randint(2, 4)))


def _blank_cells(line: str, rng: Random) -> str:
    """A line of several cells with some of its zero cells blank."""
    if "\t" in line:
        cells = line.split("\t")
        for i in _blanked([i for i, c in enumerate(cells) if c.strip() == "0"], rng):
            cells[i] = rng.choice(("", " ", "\u00a0"))
        return "\t".join(cells)
    if line.lstrip().startswith("|"):
        cells = line.split("|")
        for i in _blanked([i for i, c in enumerate(cells) if c.strip() == "0"], rng):
            cells[i] = cells[i].replace("0", rng.choice((" ", "\u00a0")))
        return "|".join(cells)
    # An aligned row (two spaces or more between cells): the digit becomes a space.
    for at in _blanked([m.start() for m in _ZERO_TOKEN.finditer(line)], rng):
        line = line[:at] + " " + line[at + 1 :]
    return line


def misspelt_labels(text: str, rng: Random) -> str:
    """Row labels with a few characters dropped, as offices mistype them
    (``2.其他法律行政止公开``); a label may no longer say which row it is."""
    for label in _LABELS:
        if label in text and rng.random() < 0.25:
            start = 2 if label[:1].isdigit() or label[:1] in "（一二三四" else 0
            at = rng.randrange(start, len(label) - 1)
            text = text.replace(label, label[:at] + label[at + rng.randint(1, 3) :])
    return text


def wrapped_label_lines(text: str, rng: Random) -> str:
    """A label that is a line of its own wrapped over two lines (LibreOffice's and
    docx2txt's text, pdftotext of a narrow column), most often after a ``、``: the two
    2021 其他处理 sub-rows then both end in ``行政机关不再处理其政府信息公开申请``."""

    def wrap(line: str) -> str:
        body = line.strip()
        if body not in _LABELS or len(body) < 6 or rng.random() < 0.4:
            return line
        comma = body.find("、")
        at = comma + 1 if comma > 0 and rng.random() < 0.7 else rng.randrange(2, len(body) - 1)
        return f"{body[:at]}\n{body[at:]}"

    return _per_line(text, wrap)


def spaced_label_lines(text: str, rng: Random) -> str:
    """A label that is a line of its own cut over lines of two characters, each character
    spaced (``行 政`` / ``许 可``), as plain ``pdftotext`` writes a narrow, justified column:
    no piece may name a row."""

    def cut(line: str) -> str:
        body = line.strip()
        if body not in _LABELS or len(body) < 4 or rng.random() < 0.5:
            return line
        return "\n".join(" ".join(body[at : at + 2]) for at in range(0, len(body), 2))

    return _per_line(text, cut)


def lost_line_breaks(text: str, rng: Random) -> str:
    """The page text a web crawler keeps: every line break lost, the body on one line, cells
    run together with nothing between them (or, on some pages, a space)."""
    cell = rng.choice(("", "", " "))
    line = rng.choice(("", " "))
    return line.join(cell.join(c for c in row.split("\t") if c) for row in text.split("\n"))


#: The heading of a section after a table (三, 四, 五), as rendered (Markdown: ``## 三、``).
_NEXT_HEADING = re.compile(r"^\W*(?:三、收到|四、政府信息公开行政|五、存在)")
#: A number a narrow cell may wrap with a rest that starts with 0: a digit, more digits
#: (a decimal point among them, before the cut), then 0 and at least one digit, and the
#: unit typed after it, which wraps with the rest (``0.2`` / ``054万元``).
_UNITS = "|".join(sorted((*labels.MONEY_UNITS, *labels.COUNT_UNITS), key=len, reverse=True))
_CUT = re.compile(rf"(?<![\d.])(\d[\d.]*?)(0\d+(?:{_UNITS})?)(?![\d.])")


def stray_rest(text: str, rng: Random) -> str:
    """A wide number wrapped in its narrow cell over a page break, as plain ``pdftotext``
    prints a browser's PDF: on the last line before a table section's heading (三, 四, 五)
    that prints such a number, one whose rest starts with 0 (``22414.47`` / ``04``) keeps
    its first digits, and the rest goes on a line of its own after the heading, or a line
    further (the next page's header words). The text then does not show the number."""
    lines = text.split("\n")
    headings = [at for at, line in enumerate(lines) if _NEXT_HEADING.match(line)]
    rng.shuffle(headings)
    for heading in headings:
        for at in range(heading - 1, -1, -1):
            cuts = list(_CUT.finditer(lines[at]))
            if not cuts and not any(ch.isdigit() for ch in lines[at]):
                continue
            if not cuts:
                break
            cut = rng.choice(cuts)
            line = lines[at]
            lines[at] = line[: cut.start(2)] + line[cut.end(2) :]
            lines.insert(min(heading + 1 + rng.randint(0, 1), len(lines)), cut.group(2))
            return "\n".join(lines)
    return text


#: A number a narrow cell may wrap (a digit, then digits and a decimal point), and the unit
#: typed after it, which wraps with its rest (``3382`` / ``9件``).
_WRAP = re.compile(r"(?<![\d.])\d[\d.]*(?<=\d)(?![\d.])[^\s\d|.]*")
#: What plain ``pdftotext`` may print between a section's heading and a rest displaced
#: past it: its note's first lines, the page's footer (the file's address).
_BETWEEN = (
    "（本列数据的勾稽",
    "关系为：第一项加",
    "",
    "file:///tmp/report.html",
    "",
)


def _digits(text: str) -> int:
    return sum(map(str.isdigit, text))


def stray_tail(text: str, rng: Random) -> str:
    """A wide number wrapped in its narrow cell, its rest displaced as plain ``pdftotext``
    prints a browser's PDF: on the last line before a table section's heading (三, 四, 五)
    that prints a number, one of three characters or more (``58001.1794``) keeps its head
    (``58001.17``, a full line of the cell: no fewer digits than the rest's), and the rest
    (``94``, any digits: no leading zero to tell it) goes on a line of its own after the
    heading, after none to all of its note's first lines and the page's footer. The text
    then does not show the number."""
    lines = text.split("\n")
    headings = [at for at, line in enumerate(lines) if _NEXT_HEADING.match(line)]
    rng.shuffle(headings)
    for heading in headings:
        for at in range(heading - 1, -1, -1):
            if not any(ch.isdigit() for ch in lines[at]):
                continue
            line = lines[at]
            cuts = [
                (end, cut.end())
                for cut in _WRAP.finditer(line)
                if sum(ch.isdigit() or ch == "." for ch in cut.group()) >= 3
                for end in range(cut.start() + 1, cut.end())
                if line[end].isdigit()
                and "." not in line[end : cut.end()]
                and _digits(line[cut.start() : end]) >= _digits(line[end : cut.end()])
            ]
            if not cuts:
                break
            end, stop = rng.choice(cuts)
            lines[at] = line[:end] + line[stop:]
            between = list(_BETWEEN[: rng.randint(0, len(_BETWEEN))])
            lines[heading + 1 : heading + 1] = [*between, line[end:stop]]
            return "\n".join(lines)
    return text


#: How PDF text tools print a row whose cells wrap (``narrow_row``).
FLOWS = ("pdfium", "value-a-line", "pdftotext")


def narrow_row(cells: Sequence[str], width: int, flow: str) -> list[str]:
    """The lines a PDF text tool prints of a row's value cells (blank ones left out) in
    cells ``width`` characters wide: a wider cell wraps into lines of ``width``, its unit
    with its rest, and the row is as tall as its tallest cell, the others centred. pdfium
    (``"pdfium"``) prints the cells in their columns' order and breaks the line where the
    print moves down (``348 0`` / ``198`` / ``2``); PyMuPDF (``"value-a-line"``) each
    cell's line a line; plain ``pdftotext`` (``"pdftotext"``) the lines across the row, a
    centred cell on the first (``348 0 198`` / ``2``)."""
    pieces = [
        [cell[start : start + width] for start in range(0, len(cell), width)]
        for cell in cells
        if cell
    ]
    tall = max(map(len, pieces), default=1)
    if flow == "value-a-line":
        return [piece for cell in pieces for piece in cell]
    if flow == "pdftotext":
        return [
            " ".join(cell[at] for cell in pieces if len(cell) > at)
            for at in range(tall)
            if any(len(cell) > at for cell in pieces)
        ]
    placed = [  # (the cell's line from the row's top, in halves, its text)
        (2 * at if len(cell) > 1 else tall - 1, piece)
        for cell in pieces
        for at, piece in enumerate(cell)
    ]
    lines: list[str] = []
    for at, (height, piece) in enumerate(placed):
        if at and height == placed[at - 1][0]:
            lines[-1] += " " + piece
        else:
            lines.append(piece)
    return lines


#: A table section's heading, Chinese-numbered or Arabic (``arabic_headings``).
_TABLE_HEADING = re.compile(r"^\W*(?:[二三四]、|[234][、.．])")
_ANY_HEADING = re.compile(r"^\W*(?:[一二三四五六]、|[1-6][、.．](?!\d))")
#: A space-aligned row's last value, after its label or another value.
_LAST = re.compile(r"(?<=\S)(\s{2,}|\s(?=\d))(\S+)\s*$")


def lifted_value(
    text: str, rng: Random, *, characters: bool = False, toward_blank: bool = False
) -> str:
    """A tall cell's value printed on a line of its own between rows, as lynx or ``pdftotext
    -layout`` prints a cell centred vertically in a row made tall by another cell: a row of
    a table section (二, 三, 四) that prints its label and then its values on one line has
    its last value moved onto a line of its own, at the same column in the measure the
    text is laid out in (display columns, as lynx and inscriptis measure; with
    ``characters``, characters, as ``pdftotext -layout`` does), right above or right below
    the row's line. The value may then be taken for the row above's or the row below's, so
    the cell is uncertain.
    ``toward_blank``: only rows next to a line of a row's whole label alone (a row printing
    no value), the value moved toward that line, where the doubt is (a narrow page's
    one-column rows, ``行政处罚`` / ``43`` / ``行政强制``); the text as it is where none is."""
    lines = text.split("\n")
    rows: list[tuple[int, re.Match[str], bool | None]] = []
    in_table = False
    for at, line in enumerate(lines):
        if _ANY_HEADING.match(line):
            in_table = bool(_TABLE_HEADING.match(line))
            continue
        last = _LAST.search(line) if in_table and line[:1].strip() else None
        if last is None or not is_value(last.group(2)) or is_value(line.split()[0]):
            continue
        if not toward_blank:
            rows.append((at, last, None))
            continue
        rows.extend(
            (at, last, up)
            for up, near in ((True, at - 1), (False, at + 1))
            if 0 <= near < len(lines) and lines[near] in _ROW_LABELS
        )
    if not rows:
        return text
    at, last, up = rng.choice(rows)
    line, start = lines[at], last.start(2)
    column = start if characters else space_aligned._display_width(line[:start])
    pieces = [line[: last.start()], " " * column + last.group(2)]
    lines[at : at + 1] = pieces[::-1] if (rng.random() < 0.5 if up is None else up) else pieces
    return "\n".join(lines)


#: The row labels of sections 二 and 三 of both templates, whole, as a narrow page prints one
#: on a line of its own.
_ROW_LABELS = frozenset(
    label
    for table in (*labels.PROACTIVE_ROWS.values(), *labels.APPLICATION_ROWS.values())
    for aliases in table.values()
    for label in aliases
)


#: Section 二's grid in python-docx's text: its label column and the three value columns of
#: its widest sub-table.
PROACTIVE_GRID = 4
#: A value cell of section 三 as rendered: no Chinese (a number, a dash, a blank cell).
_VALUE_CELL = re.compile(r"[^\u4e00-\u9fff]*")


def docx_spanned(line: str) -> str:
    """A line of section 二 as python-docx prints a Word table's row, as wide as its grid:
    a merged cell's text once per grid column it spans (a sub-table's last cell, an
    article line over the whole row)."""
    cells = line.split("\t")
    if len(cells) < 2:
        return line
    if not any(cells[1:]):
        return "\t".join([cells[0]] * PROACTIVE_GRID)
    return "\t".join(cells + [cells[-1]] * (PROACTIVE_GRID - len(cells)))


def docx_twice(line: str, column: int, upper: bool = False) -> str:
    """A line of section 三 as python-docx prints it where applicant column ``column`` is
    one cell over two grid columns: a row of seven values or blank cells after its label
    prints that cell twice, and so does the header line naming the column. ``upper``: the
    header's upper line splits the grid its own way (Word's 自然人 over two grid columns, an
    empty cell under it), so it names 自然人 twice as well."""
    cells = line.split("\t")
    names = [spelled[0] for spelled in labels.APPLICANT_COLUMNS.values()]
    named_twice = {names[column], names[0]} if upper else {names[column]}
    end = len(cells)
    while end > 8 and not cells[end - 1].strip(" "):  # a tool's padding, not a &nbsp;
        end -= 1
    values = cells[end - 7 : end]
    if end > 7 and all(map(_VALUE_CELL.fullmatch, values)) and any(cells[: end - 7]):
        cells.insert(end - 7 + column, cells[end - 7 + column])
    else:  # the header's cell, its words maybe spaced (``其　他``)
        named = [at for at, cell in enumerate(cells) if "".join(cell.split()) in named_twice]
        if named:
            cells.insert(named[0], cells[named[0]])
    return "\t".join(cells)


def word_grid(text: str, rng: Random) -> str:
    """Tab-separated text as python-docx prints a Word table saved from a page: zeros printed
    or every zero of sections 二 and 三 left blank (empty, or a page's ``&nbsp;``), section
    二's lines as wide as its grid, and one applicant column of section 三 merged over two
    grid columns, printed twice in every row and in the header (its upper line, split its
    own way, maybe naming 自然人 twice too). Where more than one column printed twice fits
    the rows, their cells are uncertain."""
    blank = rng.choice((None, "", "\u00a0"))  # zeros printed, or each left blank so
    two, three = text.find("二、主动公开"), text.find("三、收到和处理")
    four = text.find("四、政府信息公开行政复议")
    if min(two, three, four) < 0:
        return text
    column, upper = rng.randrange(6), rng.random() < 0.5
    lines = [*map(docx_spanned, text[two:three].split("\n"))]
    lines += [docx_twice(line, column, upper) for line in text[three:four].split("\n")]
    if blank is not None:
        lines = ["\t".join(blank if c == "0" else c for c in line.split("\t")) for line in lines]
    return text[:two] + "\n".join(lines) + text[four:]


def docx_row_ends(text: str, rng: Random) -> str:
    """Tab-separated text as python-docx prints a Word table saved from a page that prints
    its zeros but leaves some rows' last cells blank (the tool bed's ``规章 0 0 ⍽``, section
    四's ``12 7 3 11 33 ⍽ …``): in about half the rows of sections 二 to 四 the zeros that
    end the row (all of them, or its last few) are each a no-break space, python-docx's
    ``cell.text`` of the page's ``&nbsp;``; every other cell is printed, section 二's lines
    as wide as its grid (``docx_spanned``). A blank cell stands at a row's end only, so the
    text shows that it prints blank cells so only where a row ends in two of them or more.
    The report then gives no value there, where it printed 0 (loses information)."""
    two, five = text.find("二、主动公开"), text.find("五、存在的主要问题")
    if min(two, five) < 0:
        return text

    def blanked(line: str) -> str:
        cells = line.split("\t")
        zeros = 0
        while zeros < len(cells) - 1 and cells[-1 - zeros] == "0":
            zeros += 1
        if zeros and rng.random() < 0.5:
            for at in range(len(cells) - rng.randint(1, zeros), len(cells)):
                cells[at] = "\u00a0"
        return "\t".join(cells)

    three = text.find("三、收到和处理")
    lines = [blanked(line) for line in text[two:five].split("\n")]
    if three > two:
        cut = text[two:three].count("\n")
        lines[:cut] = map(docx_spanned, lines[:cut])
    return text[:two] + "\n".join(lines) + text[five:]


#: The names of section 三's header cells, as the template prints them.
_NP, _CE, _RI, _PIO, _LSA, _OTHER, _TOTAL = (
    spelled[0] for spelled in labels.APPLICANT_COLUMNS.values()
)
_ORGANISATIONS = spans.ORGANISATIONS
#: Section 三's header over a Word grid of eight value columns whose two lower header rows
#: disagree on one grid column: by the split, the upper row's names and the lower row's.
#: ``left``: the upper row gives 自然人 two grid columns, the lower an empty cell under
#: 自然人 and 商业企业 two (the tool bed's page); ``right``: the upper row gives 总计 two,
#: the lower 其他 two and an empty cell under 总计. A cell merged down (the other end's
#: 总计 or 自然人) is printed in both rows.
_SPLIT_HEADERS = {
    "left": (
        [_NP, _NP, *[_ORGANISATIONS] * 5, _TOTAL],
        ["\u00a0", _CE, _CE, _RI, _PIO, _LSA, _OTHER, _TOTAL],
    ),
    "right": (
        [_NP, *[_ORGANISATIONS] * 5, _TOTAL, _TOTAL],
        [_NP, _CE, _RI, _PIO, _LSA, _OTHER, _OTHER, "\u00a0"],
    ),
}
#: For each split, the columns (of the seven) whose cell may cover the grid column the
#: header rows disagree on in a row of values: the lower row's merged column, or the end's.
_SPLIT_COLUMNS = {"left": (0, 1), "right": (5, 6)}


def docx_split_header(text: str, rng: Random, foreign: bool = True) -> str:
    """Tab-separated text with section 三 as python-docx prints a Word table whose header
    rows split the grid each their own way (``_SPLIT_HEADERS``): every merged cell printed
    once per grid column it covers (the note and each row's label cells over the label
    columns, 申请人情况 over the eight value columns), and every row of values one cell
    wider, the cell over the grid column the header rows disagree on printed twice (the
    column on either side of it: ``_SPLIT_COLUMNS``). Zeros printed or each left blank (a
    page's ``&nbsp;``, a space). ``foreign``: some rows print another number there, a copy
    of neither cell (a report's own slip): those cells cannot be read."""
    three, four = text.find("三、收到和处理"), text.find("四、政府信息公开行政复议")
    if min(three, four) < 0:
        return text
    split = rng.choice(sorted(_SPLIT_HEADERS))
    upper, lower = _SPLIT_HEADERS[split]
    twice = rng.choice(_SPLIT_COLUMNS[split])
    blank = rng.choice(("0", "\u00a0"))
    lines = text[three:four].split("\n")
    tabbed = [at for at, line in enumerate(lines) if "\t" in line]
    if len(tabbed) < 4:
        return text
    note = lines[tabbed[0]].split("\t")[0]
    for at, names in zip(tabbed[:3], ([spans.APPLICANTS] * 8, upper, lower), strict=True):
        lines[at] = "\t".join([note] * 3 + names)
    above = ["", "", ""]
    for at in tabbed[3:]:
        cells = lines[at].split("\t")
        # A tool's padding (empty cells, a space or ``&nbsp;`` after the last: earlier
        # manglers' ``trailing_tabs``, ``trailing_spaces``): python-docx prints none.
        while cells and not cells[-1].strip():
            cells.pop()
        label, values = cells[:-7], cells[-7:]
        if len(label) != 3 or not all(map(_VALUE_CELL.fullmatch, values)):
            continue
        printed = list(label)
        for cell in range(3):  # merged across from the left, else down from the row above
            if not printed[cell]:
                label[cell] = label[cell - 1] if any(printed[:cell]) else above[cell]
        above = label
        values = [blank if value == "0" else value for value in values]
        values.insert(twice, values[twice])
        if foreign and rng.random() < 0.2:
            shared = 1 if split == "left" else 6
            values[shared] = str(sum(int(v) for v in values if v.isdigit()) + 7)
        lines[at] = "\t".join(label + values)
    return text[:three] + "\n".join(lines) + text[four:]


def tables_run_together(text: str, rng: Random, traced: bool = False) -> str:
    """The text BeautifulSoup's ``get_text()`` or lxml's ``text_content()`` gives of a page
    whose tables have no white space between their tags (pasted from Word): the headings and
    paragraphs on lines of their own, each table's rows on one line, its cells run together
    with nothing between them; a blank cell (``&nbsp;``) a no-break space, or (on pages that
    leave it empty) nothing at all. Some pages print ``&nbsp;`` in their empty header and
    label cells too (Word's empty paragraphs: ``总计&nbsp;商业企业``), and some pad values
    with it (``&nbsp;12``, ``12&nbsp;``) or print a blank cell as two: no-break spaces
    that are no blank cell, on pages whose blank cells are no-break spaces or nothing. Some
    pad nothing and print some blank cells ``&nbsp;`` and leave others empty (cells typed
    over by hand). Word's HTML indents section 二's sub-table articles with ``&nbsp;``
    (``&nbsp;&nbsp;第二十条第（五）项``, ``tests/cms.py``): the row before each prints its
    blank cells and then the indent, one run of no-break spaces. ``traced``: a page that
    prints every blank cell ``&nbsp;`` (none left empty)."""
    nbsp = "\u00a0"
    blank = nbsp if traced else rng.choice((nbsp, ""))
    empty = rng.choice((nbsp, "")) if blank else ""
    padded = rng.random() < 0.3
    mixed = not padded and not traced and rng.random() < 0.3
    indent = nbsp * rng.choice((0, 0, 1, 2, 3))
    lines: list[str] = []
    table: list[str] = []
    for line in [*text.split("\n"), ""]:
        if "\t" in line:
            for cell in line.split("\t"):
                if cell.startswith("第二十条"):
                    cell = indent + cell
                elif cell.isspace() and mixed:
                    cell = rng.choice((nbsp, ""))
                elif cell.isspace():
                    cell = blank * (2 if padded and blank and rng.random() < 0.1 else 1)
                elif not cell:
                    cell = empty
                elif padded and is_value(cell) and rng.random() < 0.2:
                    cell = rng.choice((nbsp + cell, cell + nbsp))
                table.append(cell)
            continue
        if table:
            lines.append("".join(table))
            table = []
        lines.append(line)
    return "\n".join(lines[:-1])


def pandoc_gfm(text: str, rng: Random) -> str:
    """The GFM (or Markdown) pandoc writes of a page pasted from Word: a table its pipes
    cannot draw as raw HTML, a tag and a cell a line (``<tr class="odd">`` / ``<td>0</td>``),
    and paragraphs in Word's ``<span style=…>`` runs kept as raw HTML, the tag's attributes
    on a line of their own (``<span`` / ``style="…">一、总体情况</span>``)."""
    lines: list[str] = []
    rows: list[str] = []
    for line in [*text.split("\n"), ""]:
        if "\t" in line:
            rows.append(line)
            continue
        if rows:
            lines += ["<table>", "<tbody>"]
            for at, row in enumerate(rows):
                lines.append(f'<tr class="{("odd", "even")[at % 2]}">')
                lines += [f"<td>{cell.strip()}</td>" for cell in row.split("\t")]
                lines.append("</tr>")
            lines += ["</tbody>", "</table>", ""]
            rows = []
        if line.strip() and lines and rng.random() < 0.5:  # the title as it is
            lines += ["<span", f'style="font-family:仿宋_GB2312;font-size:16pt;">{line}</span>']
        else:
            lines.append(line)
    return "\n".join(lines[:-1])


#: The attributes pandoc's Markdown gives a Word run's span, and the empty span of its
#: ``<o:p>`` after it.
_RUN = 'style="font-family:仿宋_GB2312;color:rgb(51,51,51);font-size:14.0000pt;"}'
_OP = '[]{style="font-family:Calibri;mso-fareast-font-family:宋体;font-size:12.0000pt;"}'


def pandoc_grid_spans(text: str, rng: Random) -> str:
    """The Markdown pandoc writes of a page pasted from Word whose table it can draw as a
    grid: ``+----+`` rules around every row, each cell's text a span
    ``[text]{style="…"}`` and an empty one after it, wrapped to the column's width: the text
    broken between two CJK characters (``[行`` / ``政许可]{``), the attributes anywhere
    (``style="font-fam`` / ``ily:仿宋_GB2312``); a blank cell (``&nbsp;``) a no-break space
    before its empty span."""
    width = rng.randint(12, 20)
    return _tables_written(text, lambda rows: _pandoc_grid(rows, width))


def pandoc_simple_spans(text: str, rng: Random) -> str:
    """The Markdown pandoc writes of a page pasted from Word whose table has no header it
    can tell and no cell over one line: a headerless simple table, a run of dashes over each
    column, one space apart, above and below its rows; each cell's text a span
    ``[text]{style="…"}`` and an empty one after it, a blank cell (``&nbsp;``) a no-break
    space before its empty span; each column as wide as its widest cell, attributes and all,
    so that a value stands far from the header word over it."""
    return _tables_written(text, lambda rows: _pandoc_simple(rows, rng.choice((" ", "  "))))


def _tables_written(text: str, write: Callable[[list[list[str]]], list[str]]) -> str:
    """``text`` (tab-separated) with each run of table lines written by ``write``."""
    lines: list[str] = []
    rows: list[list[str]] = []
    for line in [*text.split("\n"), ""]:
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            lines += write(rows)
            rows = []
        lines.append(line)
    return "\n".join(lines[:-1])


def _pandoc_simple(rows: Sequence[Sequence[str]], indent: str) -> list[str]:
    columns = max(map(len, rows))
    cells = [
        [
            ""
            if not cell
            else f"\u00a0{_OP}"
            if cell.isspace()
            else f"[{cell.strip()}]{{{_RUN}{_OP}"
            for cell in [*row, *[""] * (columns - len(row))]
        ]
        for row in rows
    ]
    width = space_aligned._display_width
    widths = [max(3, *(width(row[at]) for row in cells)) for at in range(columns)]
    rule = indent + " ".join("-" * each for each in widths)
    laid = [
        indent
        + " ".join(
            cell + " " * (each - width(cell)) for cell, each in zip(row, widths, strict=True)
        )
        for row in cells
    ]
    return [rule, *laid, rule]


def _pandoc_grid(rows: Sequence[Sequence[str]], width: int) -> list[str]:
    columns = max(map(len, rows))
    rule = "+" + "+".join("-" * (width + 2) for _ in range(columns)) + "+"
    lines = [rule]
    for row in rows:
        cells = [_wrapped(cell, width) for cell in [*row, *[""] * (columns - len(row))]]
        height = max(map(len, cells))
        for at in range(height):
            parts = [cell[at] if at < len(cell) else "" for cell in cells]
            lines.append(
                "|"
                + "|".join(
                    f" {part}{' ' * (width - space_aligned._display_width(part))} "
                    for part in parts
                )
                + "|"
            )
        lines.append(rule)
    return lines


def _wrapped(cell: str, width: int) -> list[str]:
    """A cell's span as pandoc wraps it: its text, then its attributes on lines of their
    own, each cut where the line is full (a value's digits never are: a cell is at least 12
    columns wide)."""
    if not cell:
        return []
    if cell.isspace():
        return _cut(f"\u00a0{_OP}", width)
    return [*_cut(f"[{cell.strip()}]{{", width), *_cut(_RUN + _OP, width)]


def _cut(text: str, width: int) -> list[str]:
    """``text`` cut into lines of at most ``width`` display columns."""
    lines = [""]
    for char in text:
        if space_aligned._display_width(lines[-1] + char) > width:
            lines.append("")
        lines[-1] += char
    return lines


def web_archive(text: str, rng: Random, traced: bool = False) -> str:
    """A web archive's text of a page pasted from Word whose tables have no white space
    between their tags: the page on one line, white space closed up (each run of blank
    cells one space, nothing between filled cells or rows), label cells merged across the
    grid (``rowspan``, ``colspan``: a row prints no empty label cell). A blank cell (written
    ``&nbsp;``) stays so; on some pages some are left empty (cells typed over by hand: no
    trace), or a value is padded with ``&nbsp;`` (a space that is no blank cell).
    ``traced``: a page that prints every blank cell ``&nbsp;`` (none left empty)."""
    nbsp = "\u00a0"
    mixed = rng.random() < 0.2 and not traced
    padded = not mixed and rng.random() < 0.2
    pieces: list[str] = []
    for line in text.split("\n"):
        if "\t" not in line:
            pieces.append(f" {line} ")
            continue
        for cell in line.split("\t"):
            if cell.isspace():
                cell = rng.choice((nbsp, "")) if mixed else nbsp
            elif cell and padded and is_value(cell) and rng.random() < 0.2:
                cell = rng.choice((nbsp + cell, cell + nbsp))
            pieces.append(cell)  # an empty cell is a span's: no cell at all
    return " ".join("".join(pieces).split())


def not_given_blank(text: str, rng: Random) -> str:
    """Tab rows whose cells the report does not give (``—``) printed blank, as a page prints
    them (``&nbsp;``: ``tests/cms.py``): a blank cell beside printed zeros, which text that
    runs a row's cells together (``tables_run_together``, ``web_archive``) prints as a
    no-break space or a space, or at a table's end as nothing."""
    return "\n".join(
        "\t".join(" " if cell == NOT_GIVEN else cell for cell in line.split("\t"))
        if "\t" in line
        else line
        for line in text.split("\n")
    )


def one_line_page(text: str, rng: Random) -> str:
    """The page text BeautifulSoup's ``get_text(" ", strip=True)`` gives: every piece of
    text stripped and joined by one space, the whole page on one line; a blank cell (no text,
    or only ``&nbsp;``) leaves no trace."""
    return " ".join(text.split())


# Other tools' tables: writers for ``gr.render(report, writer)`` ---------------------------


@attrs.frozen
class CellLines:
    """A table one cell a line, as tools without a grid write one: ``separators`` lines of
    ``filler`` after every cell (docx2txt: an empty line; LibreOffice: none; BeautifulSoup's
    ``get_text('\\n')``: the white space between tags, empty lines or lines of spaces); a
    blank cell (``&nbsp;``) as ``blank`` (a line of spaces, an empty line), or not at all
    (``None``: pdftotext writes nothing for it); a merged cell's empty continuation before a
    row's first text (a Word table's) written as an empty cell where ``merged``, left out
    where not (a web page's rowspan has none). ``spaced``: a blank cell is followed by the
    separators too; lynx's text of a table too wide for its page writes each cell as a
    paragraph, centred (in ``centred`` columns), and an empty cell as one empty line and no
    more; the paragraph after the table then takes no empty line of its own: one line
    follows the table's last value, and one more for each empty cell after it (the text here
    ends one line short, the line the renderer puts after a table standing for it).
    ``vertical``: a label cell merged down beside the labels of the rows it groups
    (``三、本年度办理结果``, ``（四）无法提供``) written one character a line, as pdftotext writes
    a Word PDF's narrow, tall cell (``（`` / ``四`` / ``）`` / ``无`` / ``法`` …). ``wrap``:
    the row label of a row printing a value wrapped every ``wrap`` characters, its values
    written after the first half of its pieces and the rest after them, as plain pdftotext
    prints a browser's PDF whose values stand mid-height in a tall, narrow label's row
    (``行政`` / ``41件`` / ``处罚``): a table's last label piece comes after its last
    value. With ``ahead`` too, a row's values all come before its label's pieces where it
    is cut, as pdfminer's boxes print Word's PDF whose cells are centred in their rows: a
    tall row's values stand above its label's middle (``规章`` / ``17`` / ``3`` / ``20`` /
    ``行政`` / ``规范`` / ``性文`` / ``件``: 规章 blank). ``headed``: a sub-table of section 二
    with one row of values written in column
    blocks, each later column's header word over its value (``行政事业性收费`` / ``1项`` /
    ``本年增/减`` / ``0``), as plain pdftotext prints Word's PDF of a narrow sub-table.
    ``label``: the label of each section 二 sub-table's first row written apart from its
    values, ``"before"`` its header (``行政许可`` / ``信息内容`` / ``上一年项目数量`` … / ``20``
    / ``+17`` / ``37``) or ``"after"`` the sub-table's last row, as plain pdftotext prints a
    browser's or Word's PDF whose tall label cell's text flows apart.
    ``signs``: a 2019 本年增/减 other than 0 printed with its sign (``+`` above 0), the sign
    on a line of its own before the digits (``+`` / ``18``, ``-`` / ``25``): Word splits a
    run before its first digit, and BeautifulSoup's ``get_text('\\n')`` writes each run a
    line. ``broken``: a row label's line break a paragraph of its own, each centred: the note
    of 部分公开 (``（二）部分公开`` / ``（区分处理的，…）``) and a label longer than 20
    characters after its first ``、`` past its fourth character (``1.申请人无正当理由逾期不补正、``
    / ``行政机关不再处理其政府信息公开申请``), where Word's HTML breaks them (``cms``), as
    lynx prints a cell's paragraphs. ``askew``: the paragraph after an empty cell set that
    many columns left of its centred place, as lynx misplaces the paragraph after a
    ``&nbsp;`` one (``41`` at 37, an empty line, ``1`` at 33)."""

    separators: int = 1
    filler: str = ""
    blank: str | None = "\u00a0"
    merged: bool = True
    spaced: bool = True
    centred: int = 0
    vertical: bool = False
    wrap: int = 0
    headed: bool = False
    label: str = ""
    signs: bool = False
    broken: bool = False
    askew: int = 0
    ahead: bool = False

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        if self.headed:
            table = _in_column_blocks(table)
        if self.label:
            table = _labels_apart(table, self.label == "before")
        lines = self._cells(table)
        lines = [line for row in table for line in self._wrapped(row)] if self.wrap else lines
        if not self.spaced and lines and not lines[-1]:
            lines.pop()  # the next paragraph's empty line is the table's last one
        return lines

    def _wrapped(self, row: Sequence[str]) -> list[str]:
        """``row``'s lines, its row label's last pieces after its values (``wrap``)."""
        at = max(
            (at for at, cell in enumerate(row) if cell.strip() and not is_value(cell.strip())),
            default=-1,
        )
        if at < 0 or not any(is_value(cell.strip()) for cell in row[at + 1 :]):
            return self._cells([row])
        label = row[at].strip()
        pieces = [label[start : start + self.wrap] for start in range(0, len(label), self.wrap)]
        half = 0 if self.ahead and len(pieces) > 1 else (len(pieces) + 1) // 2
        before = self._cells([[*row[:at], "\n".join(pieces[:half])]] if half else [row[:at]])
        after = ["\n".join(pieces[half:])] if pieces[half:] else []
        return [*before, *self._cells([["", *row[at + 1 :]]]), *self._cells([after])]

    def _cells(self, table: Sequence[Sequence[str]]) -> list[str]:
        """``table``'s lines, one cell a line (a cell's own line breaks kept)."""
        lines: list[str] = []
        askew = 0  # the columns the next paragraph is set left by (an empty cell's before it)
        for row in table:
            begun = False
            for at, cell in enumerate(row):
                begun = begun or bool(cell)
                if cell.isspace():
                    if self.blank is None:
                        continue
                    cell = self.blank
                elif not cell and (begun or not self.merged):
                    continue
                if self.vertical and _grouping(row, at):
                    lines.extend(cell)
                    continue
                if self.broken and not is_value(cell.strip()):
                    *pieces, cell = _label_paragraphs(cell)
                    for piece in pieces:
                        lines.append(piece.center(self.centred).rstrip())
                        lines.extend([self.filler] * self.separators)
                sign = _sign(cell) if self.signs and at == 2 and row[0] in CHANGE_ROWS else ""
                if sign:
                    lines.append(sign)  # a run of its own, its digits the next
                    cell = cell.removeprefix(sign)
                line = cell.center(self.centred).rstrip() if cell.strip() else cell
                if askew and cell.strip():
                    line = line[min(askew, len(line) - len(line.lstrip())) :]
                askew = 0 if cell.strip() else self.askew
                lines.append(line)
                if self.spaced or cell.strip():
                    lines.extend([self.filler] * self.separators)
        return lines


def _label_paragraphs(label: str) -> list[str]:
    """A label cell's paragraphs as Word's HTML breaks them (``CellLines.broken``)."""
    if "（区分处理的" in label[1:]:
        at = label.index("（区分处理的")
        return [label[:at], label[at:]]
    comma = label.find("、", 4)
    if len(label) > 20 and 0 < comma < len(label) - 4:
        return [label[: comma + 1], label[comma + 1 :]]
    return [label]


#: The labels of the 2019 section 二 rows with a 本年增/减 column (their third cell).
CHANGE_ROWS = frozenset(
    labels.PROACTIVE_ROWS["2019"][row][0]
    for _, columns, rows in labels.PROACTIVE_BLOCKS["2019"]
    if "change" in columns
    for row in rows
)


def _sign(cell: str) -> str:
    """The sign of a cell's number other than 0 (``+`` where it prints none), else ``""``."""
    digits = cell.removeprefix("-")
    if not digits.isdecimal() or not digits.strip("0"):
        return ""
    return "-" if digits != cell else "+"


def _in_column_blocks(table: Sequence[Sequence[str]]) -> list[Sequence[str]]:
    """``table`` with each header row of at most four cells that is followed by one row of
    values and no more (a sub-table of section 二 with one row) written with that row in
    column blocks: the header's first two cells, the row's first two, then each later
    column's header word and the row's cell, each on a row of its own (``CellLines.headed``)."""
    out: list[Sequence[str]] = []
    at = 0
    while at < len(table):
        row = table[at]
        values = table[at + 1] if at + 1 < len(table) else ()
        after = table[at + 2] if at + 2 < len(table) else ()
        if (
            2 < len(row) <= 4
            and len(values) == len(row)
            and not any(is_value(cell.strip()) for cell in row)
            and any(is_value(cell.strip()) for cell in values)
            and not any(is_value(cell.strip()) for cell in after)
        ):
            out.extend(([*row[:2]], [*values[:2]]))
            for column in range(2, len(row)):
                out.extend(([row[column]], ["", values[column]]))
            at += 2
            continue
        out.append(row)
        at += 1
    return out


def _labels_apart(table: Sequence[Sequence[str]], before: bool) -> list[Sequence[str]]:
    """``table`` with the label of each sub-table's first row of values (section 二: an
    article line, a header of words, rows of values) on a row of its own, ``before`` the
    header or after the sub-table's last row (``CellLines.label``)."""
    out: list[Sequence[str]] = list(table)
    at = 0
    while at + 2 < len(out):
        article, header, first = out[at], out[at + 1], out[at + 2]
        if not (
            article[0].startswith("第二十条")
            and not any(cell.strip() for cell in article[1:])
            and not any(is_value(cell.strip()) for cell in header)
            and first[0].strip()
            and any(is_value(cell.strip()) for cell in first[1:])
        ):
            at += 1
            continue
        end = at + 3
        while end < len(out) and any(is_value(cell.strip()) for cell in out[end][1:]):
            end += 1
        label, values = [first[0]], ["", *first[1:]]
        rows = out[at + 3 : end]
        middle = [label, header, values, *rows] if before else [header, values, *rows, label]
        out[at + 1 : end] = middle
        at = end + 1
    return out


def _grouping(row: Sequence[str], at: int) -> bool:
    """Whether ``row``'s ``at``-th cell is a label merged down beside the labels of the rows
    it groups: a label, the next cell with text a label too, in a row printing a value."""
    after = [cell for cell in row[at + 1 :] if cell.strip()]
    return (
        bool(row[at].strip())
        and not is_value(row[at].strip())
        and bool(after)
        and not is_value(after[0].strip())
        and any(is_value(cell.strip()) for cell in row)
    )


@attrs.frozen
class AlignedCells:
    """A table in columns as ``pdftotext -layout`` or inscriptis lays one out: ``gap``
    spaces between columns, each as wide as its widest cell in characters (``pdftotext``:
    a CJK character is one) or display columns; a blank cell a gap."""

    characters: bool = True
    gap: int = 2
    raised: bool = False

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        width = len if self.characters else space_aligned._display_width
        return space_aligned.aligned(raised(table) if self.raised else table, width, self.gap)


def indexed_lines(cells: Sequence[Sequence[Sequence[str]]], indent: int, gap: int) -> list[str]:
    """Rows of cells, each cell its lines, as inscriptis lays them out: the ``n``-th cells of
    all rows in one column as wide as their longest line, ``gap`` spaces apart, each line of
    a cell at its column's offset, ``indent`` spaces of margin (``IndexedCells``)."""
    widths = [0] * max(map(len, cells))
    for row in cells:
        for at, pieces in enumerate(row):
            widths[at] = max(widths[at], *map(len, pieces))
    starts = [indent + sum(widths[:at]) + gap * at for at in range(len(widths))]
    lines = []
    for row in cells:
        for piece in range(max(map(len, row))):
            line = ""
            for pieces, start in zip(row, starts, strict=False):
                if piece < len(pieces) and pieces[piece]:
                    line = line.ljust(start) + pieces[piece]
            lines.append(line)
    return lines


@attrs.frozen
class IndexedCells:
    """A table as inscriptis lays one out: each row's cells one after another, the places a
    merged cell covers left out (a label's rowspan or colspan, a header's), so a row that
    prints two label cells (三、本年度办理结果 beside （一）予以公开) has its values a column
    right of a row that prints one, and the header's words stand over other columns; the
    ``n``-th cells of all rows in one column, as wide as the widest of them in characters
    (an empty cell, or one of white space alone, is no wide: a column blank in every row
    leaves one more ``gap``), ``gap`` spaces apart; a blank cell a gap. The header cells
    merged down are printed on their first line (``raised``).

    ``indent``: spaces before each line (the page's margin). ``wrap``: a header word longer
    than that, but its line's first, is printed ``wrap`` characters a line (``科研`` /
    ``机构``), each line at its cell's offset, the row's other cells blank there.
    ``empty_head``: each header line under two others starts with an empty cell (Word's
    HTML spans 自然人 over two columns, not two header rows, the row below holding an empty
    cell under it), so its words start one offset right."""

    gap: int = 2
    indent: int = 0
    wrap: int = 0
    empty_head: bool = False

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        rows = [_present(row) for row in raised(table)]
        if self.empty_head:
            rows = [
                ["", *row] if at > 1 and all(map(_header_line, rows[at - 2 : at + 1])) else row
                for at, row in enumerate(rows)
            ]
        cells = [
            [self._pieces(cell, bool(at) and _header_line(row)) for at, cell in enumerate(row)]
            for row in rows
        ]
        return [line for line in indexed_lines(cells, self.indent, self.gap) if line]

    def _pieces(self, cell: str, header: bool) -> list[str]:
        """The lines ``cell`` prints: a header word wrapped every ``wrap`` characters."""
        text = cell.strip()
        if not (header and self.wrap) or len(text) <= self.wrap:
            return [text]
        return [text[at : at + self.wrap] for at in range(0, len(text), self.wrap)]


@attrs.frozen
class CentredRows:
    """A table as ``pdftotext -layout`` prints a browser's PDF whose label columns are
    narrow: each label cell wrapped every ``wrap`` characters, and the row made tall by it
    prints its values vertically centred, on the middle line of an odd count of label
    lines, or on a line of their own between the two middle ones of an even count
    (``一、本年新收政府信息公开申`` / ``58  7  3  68`` / ``请数量``). Columns in characters,
    ``gap`` apart (``space_aligned.aligned``), a blank cell a gap; header rows as they are.

    ``centred``: a label line narrower than the one above it (in display columns) starts
    that many characters right of it, centred under it as on the page (``家秘`` / ``   密``).

    ``page``: a page break (``\\f``) before the row after the first ``page`` rows of values
    (none where 0), past which every value column starts ``moved`` characters further right
    (left where negative): ``pdftotext -layout`` lays out each page on its own, so a table
    continued on the next page has its columns at other offsets there. ``before``: the
    break comes before the row one of whose labels is ``before`` instead (a table without
    it has none; a sub-table's article row, ``第二十条第（六）项``: its header on the next
    page). ``inside``: the break comes inside that row instead, before its label's last line
    (a tall row split over two pages, the lines of its label, and with ``spread`` and
    ``digits`` a count's rest, on the next: ``行政  0  269`` / ``\f许可  8`` for 2698).

    ``furniture``: the break printed as a browser's PDF prints it through ``pdftotext
    -layout`` (tool-bed pages): the page's footer, its address and number, and past ``\f``
    the next page's header, the date and time and the page's title (``file:///…  2/9`` /
    ``\f11/27/26, 7:26 AM  年某某县…报告``), the table's text going on under them.

    ``units`` maps a column's header to the unit a count under it prints on the line below
    the value, under it, as a Word PDF's narrow cell wraps ``258项`` (``行政`` / ``258`` /
    ``许可 项``); a placeholder (``—``) prints none, as no author types a unit after a dash.

    ``spaced``: an empty line after each row of values, as Word's PDF prints its cells'
    padding: a row printed blank is then its wrapped label's lines alone (``5.属于三`` /
    ``类内部事`` / ``务信息``), on the header's page and past the break.

    ``packed``: past the break, a value column that prints nothing there takes no room,
    each of the others ``gap`` past the widest value of the one before (Word's PDF: ``45  3
    2  1  51`` for 自然人, 商业企业, 法律服务机构, 其他 and 总计, two columns left out).

    ``jostled`` (a table with no page break): the values of the second of every three rows
    of values start ``jostled`` characters right of their columns, those of the third twice
    as far, each row's spacing kept: ``pdftotext -layout`` of a PDF in a proportional font
    starts a line's text where the widths of the glyphs left of it end, so the rows of one
    column start at offsets a few characters apart (``政法      0     0    8`` under
    ``            37    0    0    37``), and no column's values line up. ``leftward`` (so
    too): the piece of a row's label on its values' line starts ``leftward`` characters left
    of its column, where the line has room (``4.保`` / ``护第`` / `` 三方  0  0 …`` /
    ``（三 合法``: the glyphs left of it end earlier).

    ``centre`` (a table with no page break): the page as a browser's PDF in a proportional
    font lays it out, its columns narrow: each header cell right of the labels that spans
    no other column wrapped every ``centre`` characters (``法律`` / ``服务`` / ``机构``), each
    cell right of the labels centred in its column's width (a half rounded up), columns in
    display columns (a CJK glyph two wide) and each cell's text starting at its place on
    the page, a CJK character one character: a header word's text is half as wide as its
    glyphs, so a narrow value centred under it can start right of its text's end, between
    two columns' words (``法律`` at 45 and ``其他`` at 48, ``1`` at 47 between them).

    ``digits``: a count wider than ``digits`` characters wraps in its narrow cell, its first
    ``digits`` characters on the line above the row's values, the rest on the line below
    under them (lines of their own added where the row has none: ``107`` / ``（七）总计
    162 …  131`` / ``2``).

    ``spread``: each value cell of a row made tall by its label (two lines or more) is
    vertically centred, or wraps, on its own, so its text stands on any of the label's
    lines: value column ``k`` (of the row's values) on line ``spread[k % len(spread)]`` of
    them (modulo their count), as a browser's and Word's PDF print a tall row
    (``一、本年新收政府  126  726  …  263`` / ``信息公开申请数量  1  6  82 …`` / ``0``); with
    ``digits``, a count wider than ``digits`` characters prints its first ``digits`` on
    its line and the rest under them on the next (the line above the label's last where
    it stands there: ``126`` / ``1`` for 1261; a row of one line wraps none).

    ``parted`` (with ``spread``): an empty line before the last line of a label wrapped over
    three lines or more, as ``pdftotext -layout`` parts lines whose baselines stand further
    apart than a line's height (a browser's PDF: ``行政`` / ``事业  27`` / ``性收  0`` / (empty) /
    ``费``).

    ``head``: each header cell right of the labels that spans no other column wrapped every
    ``head`` characters (``上一`` / ``年项`` / ``目数`` / ``量``), its labels every ``wrap``
    and centred in its height (``信息`` / ``内容``), columns in characters, and a row of one
    cell (a sub-table's article) spanning them.
    ``numbering``: a sub-row's number (``1.``) on a line of its own, after its label's
    first character's (``属`` / ``1.`` / ``于国``): pdfplumber's text of a browser's PDF of a
    narrow page, whose digits stand on a baseline of their own.

    ``right``: each value ends where its column does (a number aligned right in its cell):
    with ``gap`` 1 and ``head``, a browser's PDF of a narrow page, whose header words stand
    one space apart and a value under 处理决定数量 stands, counted in display columns (the
    wide characters left of it counted twice), under 本年增/减 (``信息 年 本年 处理`` /
    ``内容 项目 增/减 决定`` / ``行政 1`` / ``处罚      1``)."""

    wrap: int = 6
    gap: int = 2
    centred: int = 0
    page: int = 0
    moved: int = 0
    units: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    before: str = ""
    spaced: bool = False
    packed: bool = False
    jostled: int = 0
    leftward: int = 0
    digits: int = 0
    centre: int = 0
    spread: tuple[int, ...] = ()
    inside: bool = False
    parted: bool = False
    head: int = 0
    right: bool = False
    furniture: bool = False
    numbering: bool = False

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        labels_ = max(
            (_first_value(row) for row in table if _first_value(row) < len(row)), default=0
        )
        lines: list[list[str]] = []
        broken: int | None = None  # the index in ``lines`` of the first line past the break
        valued = 0
        header: Sequence[str] = ()
        above: set[int] = set()  # the columns where a cell of an earlier header row starts
        split: int | None = None  # the first line of the row the break comes inside of
        heads: set[int] = set()  # the header lines ``head`` wraps, printed packed
        spanning: set[tuple[int, int]] = set()  # (first line, column) of a group's word
        for row in table:
            first = _first_value(row)
            if split is not None and broken is None:
                broken = max(split, len(lines) - 1 - self.spaced)  # its label's last line
            if (
                broken is None
                and split is None
                and (
                    self.before in row[: labels_ or 1]
                    if self.before
                    else self.page and valued == self.page
                )
            ):
                if self.inside:
                    split = len(lines)
                else:
                    broken = len(lines)
            valued += first < len(row) and any(is_value(cell) for cell in row)
            if first == len(row) or not labels_:
                header = row
                if self.head and labels_ and any(cell.strip() for cell in row[labels_:]):
                    spanning.update(
                        (len(lines), at)
                        for at, after in _spanned_to(row, above).items()
                        if after > at + 1
                    )
                    head = _labels_centred(
                        _wrapped_head(row, labels_, self.head, above), labels_, self.wrap
                    )
                    heads.update(range(len(lines), len(lines) + len(head)))
                    lines.extend(head)
                elif self.centre and labels_:
                    lines.extend(_wrapped_head(row, labels_, self.centre, above))
                else:
                    lines.append(list(row))
                continue
            pieces = [self._centred(self._wrapped(cell)) or [""] for cell in row[:labels_]]
            tall = max(map(len, pieces))
            label_lines = [
                [cell[at] if at < len(cell) else "" for cell in pieces] for at in range(tall)
            ]
            values = list(row[labels_:])
            middle = tall // 2
            units = [
                self.units.get(head, "") if is_number(cell) else ""
                for cell, head in zip(row, [*header, *[""] * len(row)], strict=False)
            ]
            if self.spread:
                laid = _spread(
                    label_lines, values, labels_, self.spread, self.digits, units[labels_:]
                )
                if self.parted and len(laid) > 2:
                    laid.insert(len(laid) - 1, [_PADDING])
                lines.extend(laid)
                if self.spaced:
                    lines.append([_PADDING])
                continue
            if tall % 2:
                label_lines[middle] += values
            else:
                label_lines.insert(middle, [""] * labels_ + values)
            if self.digits:
                middle = _wrapped_counts(label_lines, middle, labels_, self.digits)
            if any(units[labels_:]):
                if middle + 1 == len(label_lines):
                    label_lines.append([""] * labels_)
                below = label_lines[middle + 1]
                below += [""] * (labels_ - len(below))
                below += units[labels_:]
            lines.extend(line + [""] * (len(row) - len(line)) for line in label_lines)
            if self.spaced:
                lines.append([_PADDING])
        if split is not None and broken is None:
            broken = max(split, len(lines) - 1 - self.spaced)
        if broken is None and self.centre:
            return _unpadded(_centred_cells(lines, labels_, self.gap))
        if broken is None and (self.jostled or self.leftward):
            return _unpadded(_jostled(lines, labels_, self.gap, self.jostled, self.leftward))
        if broken is None and not self.right:
            return _unpadded(space_aligned.aligned(lines, len, self.gap))
        # with ``head``, a line of one cell (a sub-table's article) spans the table
        measured = [[""] if self.head and not any(line[1:]) else line for line in lines]
        offsets = space_aligned._offsets(measured, len, self.gap)
        if broken is None:
            broken = len(lines)
        moved = [*offsets[:labels_], *(offset + self.moved for offset in offsets[labels_:])]
        if self.packed:
            moved = _packed(lines[broken:], moved, labels_, self.gap)
        ends: dict[int, int] = {}  # where the last header's words of each column end
        laid, after = [], []
        for at, line in enumerate(lines):
            columns = offsets if at < broken else moved
            if at in heads and any(line[:labels_]):
                # a header line beside a piece of its label is one run of text, and the
                # values end where the words of the last of the fullest such lines do
                text = _laid_out(line, columns, self.gap, packed=labels_)
                found = {
                    column: end
                    for column, end in _word_ends(line, text, labels_).items()
                    if (at, column) not in spanning  # a group's word ends no one column
                }
                if at - 1 not in heads or len(found) >= len(ends):
                    ends = found
            elif at in heads:
                text = _laid_out(line, columns, self.gap)
                if at - 1 not in heads:
                    ends = {}
            else:
                text = _laid_out(line, columns, self.gap, ends if self.right else None)
            (laid if at < broken else after).append(text)
        after = _unpadded([line for line in after if line]) if after else after
        laid = _unpadded(list(filter(None, laid)))
        if not after:
            return laid
        if self.furniture:
            return [*laid, *_BROWSER_BREAK[:-1], "\f" + _BROWSER_BREAK[-1], *after]
        return [*laid, "\f" + after[0], *after[1:]]

    def _wrapped(self, cell: str) -> list[str]:
        """A label cell's lines, ``wrap`` characters each; with ``numbering``, a sub-row's
        number on a line of its own after its first character's."""
        numbered = _SUB_NUMBER.match(cell) if self.numbering else None
        if numbered is None or len(cell) == numbered.end():
            return [cell[at : at + self.wrap] for at in range(0, len(cell), self.wrap)]
        rest = cell[numbered.end() + 1 :]
        wrapped = [rest[at : at + self.wrap] for at in range(0, len(rest), self.wrap)]
        return [cell[numbered.end()], numbered[0], *wrapped]

    def _centred(self, pieces: list[str]) -> list[str]:
        """``pieces``, a label's lines, each narrower than the one above moved ``centred``
        characters right."""
        width = space_aligned._display_width
        return [
            " " * self.centred + piece
            if self.centred and at and width(piece) < width(pieces[at - 1])
            else piece
            for at, piece in enumerate(pieces)
        ]


#: A sub-row's number before its label (``1.``), which ``CentredRows.numbering`` prints apart.
_SUB_NUMBER = re.compile(r"\d{1,2}\.")

#: A browser's page break as ``pdftotext -layout`` prints it (``CentredRows.furniture``):
#: the page's footer and, past ``\f``, the next page's header.
_BROWSER_BREAK = (
    f"file:///tmp/tmpabcd/report.html{' ' * 43}2/9",
    f"11/27/26, 7:26 AM{' ' * 24}年某某县人民政府政府信息公开年度报告",
)


def _spread(
    lines: list[list[str]],
    values: Sequence[str],
    labels: int,
    spread: tuple[int, ...],
    digits: int,
    units: Sequence[str],
) -> list[list[str]]:
    """A tall row's label ``lines`` with its ``values`` each on the line ``spread`` names,
    a count wider than ``digits`` (where not 0) wrapped onto the line below
    (``CentredRows.spread``), its unit (of ``units``, by value) after its rest, or on the
    line below under a count that does not wrap (``对外  294`` / ``管理  项  0  2件``),
    beside it on the label's last line."""
    tall = len(lines)
    laid = [[*line, *[""] * (labels - len(line)), *[""] * len(values)] for line in lines]
    for at, (value, unit) in enumerate(zip(values, [*units, *[""] * len(values)], strict=False)):
        line = spread[at % len(spread)] % tall
        if digits and tall > 1 and value.isdigit() and len(value) > digits:
            line = min(line, tall - 2)
            laid[line + 1][labels + at] = value[digits:] + unit
            value = value[:digits]
        elif unit and line + 1 < tall:
            laid[line + 1][labels + at] = unit
        else:
            value += unit
        laid[line][labels + at] = value
    return laid


def _wrapped_counts(lines: list[list[str]], middle: int, labels: int, digits: int) -> int:
    """``lines`` (a row's, its values on line ``middle``) with each count wider than
    ``digits`` wrapped over the lines around ``middle``, its first ``digits`` characters
    above and the rest below, lines of empty labels added where there are none; returns the
    index of the values' line (``CentredRows.digits``)."""
    values = lines[middle]
    wide = [
        at for at in range(labels, len(values)) if values[at].isdigit() and len(values[at]) > digits
    ]
    if not wide:
        return middle
    if middle == 0:
        lines.insert(0, [""] * labels)
        middle = 1
    if middle + 1 == len(lines):
        lines.append([""] * labels)
    for at in wide:
        for near, piece in ((-1, values[at][:digits]), (1, values[at][digits:])):
            line = lines[middle + near]
            line += [""] * (at + 1 - len(line))
            line[at] = piece
        values[at] = ""
    return middle


def _wrapped_head(row: Sequence[str], labels: int, wrap: int, above: set[int]) -> list[list[str]]:
    """A header row's lines, each of its cells right of the first ``labels`` that spans no
    other column wrapped every ``wrap`` characters (``CentredRows.centre``); ``above``: the
    columns where cells of the header rows before it start, updated. A cell spans the empty
    cells after it up to a column an earlier row starts a cell at (``aligned``'s rule)."""
    pieces: dict[int, list[str]] = {}
    for at, after in _spanned_to(row, above).items():
        cell = row[at]
        wrapped = at >= labels and after == at + 1
        pieces[at] = [cell[k : k + wrap] for k in range(0, len(cell), wrap)] if wrapped else [cell]
    above.update(pieces)
    tall = max(map(len, pieces.values()), default=1)
    return [
        [pieces[at][k] if at in pieces and k < len(pieces[at]) else "" for at in range(len(row))]
        for k in range(tall)
    ]


def _spanned_to(row: Sequence[str], above: set[int]) -> dict[int, int]:
    """For each filled cell of a header ``row``, the column its span ends before: the next
    filled cell's, or past the last one the first column an earlier row (``above``) starts
    a cell at (``_wrapped_head``)."""
    filled = [at for at, cell in enumerate(row) if cell.strip()]
    return {
        at: min((column for column in above if column > at), default=after)
        if after == len(row)
        else after
        for at, after in zip(filled, [*filled[1:], len(row)], strict=True)
    }


def _labels_centred(lines: list[list[str]], labels: int, wrap: int) -> list[list[str]]:
    """A header row's ``lines`` (``_wrapped_head``) with each of its first ``labels`` cells
    wrapped every ``wrap`` characters and centred in the lines' height, lines added where
    it is taller (``CentredRows.head``: ``信息`` / ``内容`` beside the header's middle lines)."""
    pieces = [[cell[k : k + wrap] for k in range(0, len(cell), wrap)] for cell in lines[0][:labels]]
    tall = max(len(lines), *map(len, pieces))
    laid = [["" if at < labels else cell for at, cell in enumerate(line)] for line in lines]
    laid += [[""] * len(lines[0]) for _ in range(tall - len(lines))]
    for column, cell in enumerate(pieces):
        top = (tall - len(cell)) // 2
        for at, piece in enumerate(cell):
            laid[top + at][column] = piece
    return laid


def _centred_cells(lines: Sequence[Sequence[str]], labels: int, gap: int) -> list[str]:
    """``lines`` laid out as ``CentredRows.centre`` says: columns ``gap`` apart in display
    columns, each as wide as its widest cell, each cell right of the first ``labels``
    centred in its column (a half rounded up), and its text starting at that display
    column counted in characters (a line padded with spaces to it)."""
    width = space_aligned._display_width
    offsets = space_aligned._offsets(lines, width, gap)
    widths = [after - start - gap for start, after in pairwise(offsets)]
    widths.append(
        max((width(cells[-1]) for cells in lines if len(cells) == len(offsets)), default=0)
    )
    laid = []
    for cells in lines:
        line = ""
        for at, (cell, offset) in enumerate(zip(cells, offsets, strict=False)):
            if cell and not cell.isspace():
                start = offset
                if at >= labels:
                    start += max(0, widths[at] - width(cell) + 1) // 2
                line += " " * (start - len(line) if start > len(line) else gap if line else 0)
                line += cell
        if line:
            laid.append(line)
    return laid


def _jostled(
    lines: Sequence[Sequence[str]], labels: int, gap: int, jostled: int, leftward: int
) -> list[str]:
    """``lines`` laid out as ``space_aligned.aligned`` lays them out (in characters), the
    values of the second of every three lines of values ``jostled`` characters right of
    their columns, of the third twice as far, and the last label piece of each line of
    values ``leftward`` characters left of its column where the line has room
    (``CentredRows.jostled``, ``CentredRows.leftward``)."""
    offsets = space_aligned._offsets(lines, len, gap)
    laid = []
    valued = 0
    for cells in lines:
        shift, own = 0, -1
        if any(is_value(cell) for cell in cells[labels:]):
            shift, valued = jostled * (valued % 3), valued + 1
            own = max((at for at, cell in enumerate(cells[:labels]) if cell.strip()), default=-1)
        line = ""
        for at, (cell, offset) in enumerate(zip(cells, offsets, strict=False)):
            if cell and not cell.isspace():
                start = offset + shift if at >= labels else offset
                if at == own:
                    start = max(start - leftward, len(line) + 1 if line else 0)
                line += " " * (start - len(line) if start > len(line) else gap if line else 0)
                line += cell
        if line:
            laid.append(line)
    return laid


def _packed(lines: Sequence[Sequence[str]], offsets: list[int], labels: int, gap: int) -> list[int]:
    """``offsets`` with the value columns (from ``labels`` on) packed for ``lines``: the
    first where it is, each later one ``gap`` past the widest value of ``lines`` in the one
    before that prints any, a column none of them prints a value in taking no room."""
    packed = offsets[:labels]
    at = offsets[labels] if labels < len(offsets) else 0
    for column in range(labels, len(offsets)):
        packed.append(at)
        widest = max(
            (len(line[column]) for line in lines if column < len(line) and is_value(line[column])),
            default=0,
        )
        if widest:
            at += widest + gap
    return packed


#: A row of ``CentredRows(spaced=True)``'s text standing for the empty line after a row.
_PADDING = "\x00"


def _unpadded(lines: list[str]) -> list[str]:
    """``lines`` with each padding line (``_PADDING``) empty, none first."""
    lines = ["" if line.strip() == _PADDING else line for line in lines]
    while lines and not lines[0]:
        lines.pop(0)
    return lines


def _laid_out(
    row: Sequence[str],
    offsets: Sequence[int],
    gap: int,
    ends: Mapping[int, int] | None = None,
    packed: int | None = None,
) -> str:
    """``row`` laid out at ``offsets`` as ``space_aligned.aligned`` lays out its lines (in
    characters): each cell at its column's offset, or ``gap`` past the cell before where
    that one runs on, a blank cell a gap; a value ending at its column's end where
    ``ends`` gives one (not 0: ``CentredRows.right``). ``packed``: a header line's words
    right of its first ``packed`` cells one run from the first of them, one space apart
    (``CentredRows.head``)."""
    line = ""
    words = 0
    for at, (cell, offset) in enumerate(zip(row, offsets, strict=False)):
        if cell and not cell.isspace():
            if packed is not None and at >= packed:
                words += 1
                if words > 1:
                    line += " " + cell
                    continue
            if ends and at in ends and is_value(cell):
                offset = max(ends[at] - len(cell), len(line) + 1 if line else 0)
            line = line.ljust(offset) if len(line) < offset or not line else line + " " * gap
            line += cell
    return line


def _word_ends(row: Sequence[str], text: str, labels: int) -> dict[int, int]:
    """Where the words of ``row``'s cells right of its first ``labels`` end on ``text``,
    the line it was laid out as, by cell (each word found after the one before)."""
    ends = {}
    at = 0
    for column, cell in enumerate(row):
        if cell and not cell.isspace():
            at = text.index(cell, at) + len(cell)
            if column >= labels:
                ends[column] = at
    return ends


@attrs.frozen
class PackedHeader:
    """A table as ``pdftotext -layout`` prints a browser's PDF whose header cells lie close
    together: a header line is one run of text, its words one space apart from the first
    word's place, a CJK character one column (its glyph is two wide on the page), while
    each label and value starts at its cell's place on the page, counted in display columns
    (``gap`` apart, each as wide as its widest cell). A value then stands right of its own
    column's header word, under a later one (商业企业's 7 under 社会公益组织's first
    characters), and a value line starts under no word at all. Every other row of values
    has them ``shift`` columns further right: ``pdftotext`` starts a line's text after the
    widest text left of it on the page, so the lines of one column need not start together.
    Header cells merged down are printed on their first line (``raised``)."""

    gap: int = 2
    shift: int = 0

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        rows = raised(table)
        offsets = space_aligned._offsets(rows, space_aligned._display_width, self.gap)
        lines = []
        valued = 0
        for row in rows:
            cells = [
                (offset, cell)
                for cell, offset in zip(row, offsets, strict=False)
                if cell and not cell.isspace()
            ]
            if len(cells) > 1 and _header_line(row):
                lines.append(" " * cells[0][0] + " ".join(cell for _, cell in cells))
                continue
            shift = self.shift * (valued % 2)
            valued += any(is_value(cell) for _, cell in cells)
            line = ""
            for offset, cell in cells:
                start = offset + shift if is_value(cell) else offset
                line = (line.ljust(start) if len(line) < start else f"{line} ") + cell
            if line:
                lines.append(line)
        return lines


def _first_value(row: Sequence[str]) -> int:
    """The index of ``row``'s first value or blank cell (its length if it has none)."""
    return next((at for at, cell in enumerate(row) if is_value(cell) or cell.isspace()), len(row))


def _present(row: Sequence[str]) -> list[str]:
    """The cells of ``row`` an HTML row holds: those before its first value that are empty
    are the places of merged cells, left out; the others, blank ones too, are cells."""
    first = _first_value(row)
    return [cell for at, cell in enumerate(row) if cell or at >= first]


def raised(table: Sequence[Sequence[str]]) -> list[list[str]]:
    """``table`` with the header cells merged down over the header lines above them
    (``rowspan``) printed on their first line, as lynx and ``pdftotext -layout`` print an
    HTML header: under 行政复议, 结果维持 … 总计 share the line of 未经复议直接起诉 and
    复议后起诉, and the line below starts under 未经复议直接起诉. A header line's empty
    cells before its first word take the cells below them from the next header line. A
    row with a value or a blank cell (a row of blanks too) is no header line."""
    rows = [list(row) for row in table]
    for upper, lower in pairwise(rows):
        if not _header_line(upper) or not _header_line(lower):
            continue
        first = next((at for at, cell in enumerate(upper) if cell.strip()), 0)
        for at in range(first):
            upper[at], lower[at] = lower[at], upper[at]
    return rows


def _header_line(row: Sequence[str]) -> bool:
    """Whether ``row`` holds header words alone: no value, no blank cell."""
    return not any(is_value(cell) or cell.isspace() for cell in row)


@attrs.frozen
class WordGridPipes:
    """A table as trafilatura (or markitdown) writes a page's table pasted from Word: a
    Markdown row for every grid row, each cell a merged cell covers written empty, and the
    grid of section 三 one column wider than its table (Word's grid gives each row's
    商业企业 cell two grid columns, the second empty in every row, header rows included)."""

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        wide = next((row.index("商业企业") for row in table if "商业企业" in row), None)
        lines = []
        for row in table:
            cells = [cell.strip() for cell in row]
            if wide is not None:
                cells.insert(wide + 1, "")
            lines.append("| " + " | ".join(cells) + " |")
        return [*lines[:1], "|" + " --- |" * (len(table[0]) + (wide is not None)), *lines[1:]]


@attrs.frozen
class MarkitdownPipes:
    """A table as markitdown (markdownify) writes a page's, from its merged cells (the report's
    ``spans`` tables, which the flattened table ``write`` is given no longer shows): each cell
    `` text |`` (a blank one, ``&nbsp;``, empty: ``|  |``), each place a ``colspan`` covers
    `` |`` after it (``| 一、本年新收… | | | 31 |``), the places a ``rowspan`` covers left out
    of the rows below (a row under ``三、本年度办理结果`` starts at its own label); a line of
    empty cells and the rule over the first row (a table without ``<th>``). ``word_grid``:
    section 三 on the grid Word gives a pasted table (``tests/cms.py``): 自然人 over two grid
    columns in the header, an empty cell under it, each row's 商业企业 two columns wide."""

    tables: tuple[spans.SpanTable, ...]
    word_grid: bool = False

    @classmethod
    def of(cls, report: gr.Report, blank_zeros: bool, word_grid: bool = False) -> MarkitdownPipes:
        """The writer of ``report``'s tables, its zeros blank where ``blank_zeros`` (as
        ``render`` prints them)."""
        values = {
            key: spans.BLANK if blank_zeros and value == 0 else value
            for key, value in report.flat().items()
        }
        template = report.template or "2021"
        return cls(
            (
                spans.fill(spans.form("proactive", template), values),  # type: ignore[arg-type]
                spans.fill(spans.form("applications", template), values),  # type: ignore[arg-type]
                spans.fill(spans.form("appeals", template), values),  # type: ignore[arg-type]
            ),
            word_grid,
        )

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        spanned = next(t for t in self.tables if t[0][0][0] == table[0][0])
        if self.word_grid and spanned[0][0][0] == labels.APPLICATION_NOTE:
            spanned = _word_grid(spanned)
        lines = [
            "|" + "".join(f" {text.strip()}" + " |" * across for text, _, across in row)
            for row in spanned
        ]
        width = sum(across for _, _, across in spanned[0])
        return [
            "| " + " | ".join([""] * width) + " |",
            "| " + " | ".join(["---"] * width) + " |",
            *lines,
        ]


@attrs.frozen
class TrafilaturaPipes(MarkitdownPipes):
    """A table as trafilatura 2 (``extract(html, include_tables=True)``, text or Markdown)
    writes a page's pasted from Word, from its merged cells: a whole grid, ``| `` then each
    cell ``text | ``, every row as wide as the widest; a merged cell's text at its first
    grid column, the places its ``colspan`` covers blank after it and those its ``rowspan``
    covers blank in the rows below, so that a covered place looks like any blank cell
    (``|  | ``); a row with no text at all left out. A cell keeps its first paragraph
    alone where Word's markup (``<o:p>``) follows it: with ``broken``, the header labels
    Word breaks over two paragraphs (``商业`` / ``企业``) and the long row labels keep their
    first, the rest printed on lines of their own after the table, and with ``vertical``
    ``三、本年度办理结果`` written one character a paragraph keeps ``三``. ``word_grid``: as
    ``MarkitdownPipes``'s."""

    broken: bool = False
    vertical: bool = False

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        spanned = next(t for t in self.tables if t[0][0][0] == table[0][0])
        if self.word_grid and spanned[0][0][0] == labels.APPLICATION_NOTE:
            spanned = _word_grid(spanned)
        width = sum(across for _, _, across in spanned[0])
        below: dict[int, int] = {}  # grid column -> rows a rowspan still covers
        lines: list[str] = []
        after: list[str] = []
        for row in spanned:
            cells: list[str] = []
            for text, down, across in row:
                _rowspan_covered(below, cells)
                if down > 1:
                    below.update(dict.fromkeys(range(len(cells), len(cells) + across), down - 1))
                first, *rest = self._paragraphs(text.strip())
                after += rest
                cells += [first, *[""] * (across - 1)]
            _rowspan_covered(below, cells)
            cells += [""] * (width - len(cells))
            if any(cells):
                lines.append("| " + "".join(f"{cell} | " for cell in cells))
        return lines + after

    def _paragraphs(self, text: str) -> list[str]:
        """A cell's paragraphs as the page prints them."""
        if self.vertical and text == labels.APPLICATION_PRINTED["2019"]["granted"][0]:
            return list(text)
        if not self.broken:
            return [text]
        at = _BROKEN_HEADERS.get(text)
        return [text[:at], text[at:]] if at else _label_paragraphs(text)


#: Header labels Word's pages break over two paragraphs, and where (``tests/cms.py``).
_BROKEN_HEADERS = {
    "本年新制作数量": 3,
    "本年新公开数量": 3,
    "对外公开总数量": 4,
    "上一年项目数量": 3,
    "处理决定数量": 2,
    "本年制发件数": 2,
    "本年废止件数": 2,
    "现行有效件数": 4,
    "商业企业": 2,
    "科研机构": 2,
    "社会公益组织": 4,
    "法律服务机构": 4,
}


def _rowspan_covered(below: dict[int, int], cells: list[str]) -> None:
    """``cells`` with the blank places rowspans from the rows above cover at their end."""
    while (at := len(cells)) in below:
        cells.append("")
        below[at] -= 1
        if not below[at]:
            del below[at]


def _word_grid(table: spans.SpanTable) -> spans.SpanTable:
    """Section 三 on Word's grid (``MarkitdownPipes.word_grid``)."""
    applicants = [labels.APPLICANT_COLUMNS[key][0] for key in labels.APPLICANT_COLUMNS]
    header: spans.SpanTable = [
        [table[0][0], (spans.APPLICANTS, 1, 8)],
        [(applicants[0], 1, 2), (spans.ORGANISATIONS, 1, 5), (applicants[-1], 2, 1)],
        [
            (spans.BLANK, 1, 1),
            *((text, 1, 2 if not at else 1) for at, text in enumerate(applicants[1:-1])),
        ],
    ]
    body = [[*row[:-6], (row[-6][0], 1, 2), *row[-5:]] for row in table[3:]]
    return header + body


@attrs.frozen
class Html2TextPipes:
    """A table as html2text writes a page's: no outer pipes, ``| `` between cells and two
    spaces at the end of each line, a merged cell once and the cells a rowspan or colspan
    covers left out (ragged rows); a blank cell (``&nbsp;``) empty, so that a row whose
    first cell is blank starts with a pipe (`` |  | 26| 2``)."""

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        lines = []
        for row in table:
            cells = [" " if cell.isspace() else cell or None for cell in row]
            kept = [cell for cell in cells if cell is not None]
            if kept:
                lines.append("| ".join(kept) + "  ")
        return [*lines[:1], "---|" * (len(lines[0].split("|")) - 1) + "---", *lines[1:]]


@attrs.frozen
class SpacedCells:
    """A row a line, its cells two spaces apart and not aligned (pandoc plain of a table too
    wide for it, a page copied as text); a blank cell left out."""

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        return [line for row in table if (line := "  ".join(c for c in row if c.strip()))]


@attrs.frozen
class RawLines:
    """A table as ``pdftotext -raw`` writes a PDF's ruled table: a row a line, its cells one
    space apart, a blank cell left out; a label wider than its column (``wrap`` characters)
    broken over lines of its own, the row's values on the line after its last piece
    (``一、本年新收政府信息公`` / ``开申请数量`` / ``21 4 1 0 2 0 28``), or, ``centred``, after
    its middle piece, the others after them (LibreOffice centres a cell's text vertically:
    ``3.危`` / ``及“三`` / ``1 0 0 0 0 0 1`` / ``安全一`` / ``稳定”``)."""

    wrap: int = 6
    centred: bool = False

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        lines: list[str] = []
        for row in table:
            cells = [cell for cell in row if cell.strip()]
            words = [cell for cell in cells if not is_value(cell)]
            values = " ".join(cell for cell in cells if is_value(cell))
            if all(len(word) <= self.wrap for word in words):
                if line := " ".join([*words, values] if values else words):
                    lines.append(line)
                continue
            pieces = [
                word[at : at + self.wrap] for word in words for at in range(0, len(word), self.wrap)
            ]
            middle = (len(pieces) + 1) // 2 if self.centred else len(pieces)
            lines.extend(pieces[:middle])
            if values:
                lines.append(values)
            lines.extend(pieces[middle:])
        return lines


@attrs.frozen
class ColumnBlocks:
    """A table as plain ``pdftotext`` reads a Word or LibreOffice PDF's ruled table: rows of
    values in blocks of ``size``, each block's labels first, then its values one column at a
    time, a column's run on consecutive lines and an empty line after it (``11`` / ``3`` /
    then ``2`` / ``0``: two rows' first and second columns); a blank cell left out. Rows of
    labels alone, one cell a line. With ``cut``, a block's first ``cut`` columns come first,
    row by row, and the rest column by column (a band of tall rows whose label's first
    line shares a text line with its first values); with ``bands`` too, the rest in bands
    of ``bands`` rows, each column by column (a page's rows, whose last columns are blocks
    of their own: Word's PDF). With ``page``, a table of more rows of values than that is
    cut by a page break before its ``page``-th: the next page's labels come first, then its
    rows' values row by row, each value a block of its own (a value, an empty line), as
    plain pdftotext prints LibreOffice's PDF of tall rows whose values stand one text line
    apart (``4.保护`` / ``第三方`` … ``5.要求`` … / ``0`` / (empty) / ``0`` …). With
    ``beside``, a block's labels and first column are one block, as plain pdftotext reads a
    browser's PDF of a narrow table: each row's labels wrapped ``beside`` characters a
    line, its first value on the line of its last label's middle piece (``复申 0``), no
    empty line between; then the other columns in bands of ``bands`` rows, as with ``cut``.
    With ``lead``, a block's first column comes before its labels, under its header, and
    its other cells after them row by row, as pdfminer's boxes print a Word PDF's sub-table
    (``上一年项目数量`` / ``0`` / ``0`` / ``行政处罚`` / ``行政强制`` / ``6`` / ``0`` / ``594``).
    With ``order``, the columns a block prints one at a time come in that order (indices
    from the first such column; those not named after, left to right), and with ``boxed``
    every line is a box of its own, an empty line after it: pdfminer.six's text of a Word
    PDF, whose grouping of the boxes takes a column's cells together but the columns in an
    order of the page's geometry (``社会公益组织`` / ``0`` / ``0`` / ``0`` / ``法律服务机构`` …)."""

    size: int = 2
    cut: int = 0
    bands: int = 0
    page: int = 0
    beside: int = 0
    lead: bool = False
    order: tuple[int, ...] = ()
    boxed: bool = False

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        lines = self._paged(table)
        return [box for line in lines if line for box in (line, "")] if self.boxed else lines

    def _paged(self, table: Sequence[Sequence[str]]) -> list[str]:
        """``table``'s lines, cut by a page break (``page``) or not."""
        at = [index for index, row in enumerate(table) if any(is_value(cell) for cell in row)]
        if self.page and len(at) > self.page:
            rest = table[at[self.page] :]
            return [
                *self._written(table[: at[self.page]]),
                *(cell for row in rest for cell in row if cell.strip() and not is_value(cell)),
                *(line for row in rest for cell in row if is_value(cell) for line in (cell, "")),
            ]
        return self._written(table)

    def _written(self, table: Sequence[Sequence[str]]) -> list[str]:
        """``table``'s lines in blocks of rows (``write`` but for the page break)."""
        lines: list[str] = []
        block: list[Sequence[str]] = []
        for row in [*table, ()]:
            if self._of_block(row) and len(block) < self.size:
                block.append(row)
                continue
            lines.extend(self._block(block))
            block = [row] if self._of_block(row) else []
            if row and not block:
                lines.extend(cell for cell in row if cell.strip())
        lines.extend(self._block(block))
        return lines

    def _of_block(self, row: Sequence[str]) -> bool:
        """Whether ``row`` is a row of values: one printing a value, or (``lead``: its cells
        under the header's columns whatever they hold) one of blank cells beside its label."""
        if any(is_value(cell) for cell in row):
            return True
        cells = row[1:]
        return (
            self.lead
            and bool(row)
            and bool(row[0].strip())
            and any(cell.isspace() for cell in cells)
            and all(not cell or cell.isspace() for cell in cells)
        )

    def _block(self, rows: Sequence[Sequence[str]]) -> list[str]:
        """A block of rows of values written (``_column_block``, or ``_led_block``)."""
        if self.lead:
            return _led_block(rows)
        return _column_block(rows, self.cut, self.bands, self.beside, self.order)


def _led_block(rows: Sequence[Sequence[str]]) -> list[str]:
    """``rows``' first column (each row's first cell after its labels, a blank one left
    out), then their labels, then their other values row by row (``ColumnBlocks.lead``)."""
    starts = [
        max(
            (at + 1 for at, cell in enumerate(row) if cell.strip() and not is_value(cell)),
            default=0,
        )
        for row in rows
    ]
    first = [
        row[at] for row, at in zip(rows, starts, strict=True) if at < len(row) and is_value(row[at])
    ]
    labels_ = [cell for row in rows for cell in row if cell.strip() and not is_value(cell)]
    rest = [
        cell
        for row, at in zip(rows, starts, strict=True)
        for cell in row[at + 1 :]
        if is_value(cell)
    ]
    return [*first, *labels_, *rest]


def _column_block(
    rows: Sequence[Sequence[str]],
    cut: int,
    bands: int = 0,
    beside: int = 0,
    order: Sequence[int] = (),
) -> list[str]:
    """``rows``' labels, then their first ``cut`` values row by row, then the others a
    column at a time, in bands of ``bands`` rows (all of them: 0), in ``order``; with
    ``beside``, each row's labels wrapped so wide with its first value beside them instead
    (``ColumnBlocks``)."""
    labels_ = [cell for row in rows for cell in row if cell.strip() and not is_value(cell)]
    values = [[cell for cell in row if is_value(cell)] for row in rows]
    first = [cell for row in values for cell in row[:cut]]
    if beside:
        labels_, first, cut = [line for row in rows for line in _beside(row, beside)], [], 1
    step = bands or len(values) or 1
    columns = [
        [row[at] for row in values[start : start + step] if at < len(row)]
        for start in range(0, len(values), step)
        for at in sorted(
            range(cut, max(map(len, values[start : start + step]), default=0)),
            key=lambda at: (
                (list(order).index(at - cut), 0) if at - cut in order else (len(order), at)
            ),
        )
    ]
    return [*labels_, *first, *(line for column in columns for line in (*column, ""))]


def _beside(row: Sequence[str], wide: int) -> list[str]:
    """``row``'s labels wrapped ``wide`` characters a line, its first value (if any) on the
    line of its last label's middle piece (``ColumnBlocks.beside``)."""
    cells = [cell.strip() for cell in row if cell.strip() and not is_value(cell)]
    pieces = [[cell[at : at + wide] for at in range(0, len(cell), wide)] for cell in cells]
    values = [cell for cell in row if is_value(cell)]
    if values and pieces:
        middle = (len(pieces[-1]) - 1) // 2
        pieces[-1][middle] += f" {values[0]}"
    elif values:
        pieces = [[values[0]]]
    return [line for cell in pieces for line in cell]


#: The count units ``UnitsApart`` prints.
COUNT_UNIT_MARKS = frozenset("件项个")
#: The unit a page prints with the values of each column of section 二 (本年增/减, a signed
#: change, none).
PROACTIVE_UNITS: dict[str, str] = {
    **dict.fromkeys(("made", "published", "total_published", "decisions"), "件"),
    **dict.fromkeys(("issued", "repealed", "in_force"), "件"),
    "previous_items": "项",
    "projects": "个",
    "amount": "元",
}


@attrs.frozen
class UnitsApart:
    """Plain ``pdftotext`` of a browser's PDF of a narrow table whose section 二 cells
    print their values with units (a count's 件, 项, 个; an amount in 元, ten thousand times
    its 万元): each table one cell a line, a blank cell printing nothing (nor a unit), a
    row label wrapped ``wrap`` characters a line around its values (``CellLines.wrap``),
    and each unit, of a count or of money as ``count`` and ``money`` say, ``"attached"``
    (``5个``), ``"after"`` its number on a line of its own (``34775835`` / ``元``) or
    ``"before"`` it (``元`` / ``0``: a narrow cell's lines in their baselines' order),
    ``gap`` empty lines between. ``below``: a row's values after all its label's pieces
    (``政府`` / ``集中`` / ``采购`` / ``34775835`` / ``元``), its first on the line of the
    middle piece where it is a count with its unit attached (``集中 2个``), as a browser's
    PDF prints a row made tall by its wrapped label; else around them. ``slip``: as plain
    pdftotext prints Word's PDF of tall rows, a row's last cell (not blank) comes after the
    next row's label, where that row prints two values or more, all on one line after it
    (``行政`` / ``处罚`` / ``14项`` / ``行政`` / ``强制`` / ``8件`` / ``-10 4件``). Sections
    三 and 四 as ``CellLines`` with no trace of blank cells."""

    count: str = "attached"
    money: str = "after"
    gap: int = 0
    wrap: int = 2
    below: bool = False
    slip: bool = False

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        plain = CellLines(separators=0, blank=None, merged=False, wrap=self.wrap)
        lines: list[str] = []
        slipping = _slipping(table) if self.slip else frozenset()
        slipped: list[str] = []
        for at, row in enumerate(table):
            columns = _proactive_columns(row)
            if columns is None:
                lines.extend(plain.write([row]))
                continue
            label = row[0].strip()
            pieces = [label[at : at + self.wrap] for at in range(0, len(label), self.wrap)]
            half = (len(pieces) + 1) // 2
            cells = [
                self._value(cell.strip(), column)
                for cell, column in zip(row[1:], columns, strict=True)
            ]
            if at - 1 in slipping:
                lines.extend([*pieces, *slipped, " ".join(line for cell in cells for line in cell)])
                continue
            if at in slipping:
                *cells, last = cells
                slipped = last
            if not self.below:
                values = [line for cell in cells for line in cell]
                lines.extend([*pieces[:half], *values, *pieces[half:]])
                continue
            first = cells[0]
            if len(first) == 1 and first[0][-1:] in COUNT_UNIT_MARKS:
                pieces[len(pieces) // 2] += " " + first[0]
                cells = cells[1:]
            lines.extend([*pieces, *(line for cell in cells if cell for line in ("", *cell))])
        return lines

    def _value(self, text: str, column: str) -> list[str]:
        """A cell's lines: none for a blank cell, its number and unit as the modes say."""
        unit = PROACTIVE_UNITS.get(column, "")
        if not text or not unit or not is_value(text) or not text[0].isdecimal():
            return [text] if text else []
        if column == "amount":
            number, mode = f"{(Decimal(text) * 10000).normalize():f}", self.money
        else:
            number, mode = text, self.count
        if mode == "attached":
            return [number + unit]
        gap = [""] * self.gap
        return [number, *gap, unit] if mode == "after" else [unit, *gap, number]


@attrs.frozen
class UnitsBeneath:
    """PyMuPDF's ``get_text(sort=True)`` of Word's PDF of a narrow table whose section 二
    cells print their values with units on a line of their own, the amount in 元 (ten
    thousand times its 万元) under a header with no unit: each row's numbers on the line
    after its label's first piece, each at its column's place (a blank cell prints
    nothing), the units on the line after its second, each ``shift`` characters left of
    its number, off its column (``政府`` / ``11  8880000`` / ``集中`` / ``个   元`` /
    ``采购``). Sections 三 and 四 as ``CellLines``."""

    shift: int = 9

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        plain = CellLines(separators=0, blank=None, merged=False, wrap=2)
        lines: list[str] = []
        for row in table:
            columns = _proactive_columns(row)
            if columns is None:
                lines.extend(plain.write([[_NO_UNIT.sub("", cell) for cell in row]]))
                continue
            label = row[0].strip()
            pieces = [" " * 12 + label[at : at + 2] for at in range(0, len(label), 2)]
            numbers, units = _numbers_and_units(
                row, columns, (24, 4), lambda start, _: start - self.shift
            )
            lines.extend([*pieces[:1], numbers, *pieces[1:2], units, *pieces[2:]])
        return lines


def _numbers_and_units(
    row: Sequence[str],
    columns: Sequence[str],
    place: tuple[int, int],
    unit_at: Callable[[int, str], int],
) -> tuple[str, str]:
    """A section 二 row's printed values (``columns``: its cells' keys) and their units on
    two lines apart: each value at its column's place (``place``: the first column's
    start and each next one's step), an amount in 元 (ten thousand times its 万元), a blank
    cell printing nothing; each unit (``PROACTIVE_UNITS``) at ``unit_at(start, text)``."""
    first, step = place
    numbers = units = ""
    for at, (cell, column) in enumerate(zip(row[1:], columns, strict=True)):
        text, unit = cell.strip(), PROACTIVE_UNITS.get(column, "")
        if not text:
            continue
        if column == "amount" and is_value(text) and text[0].isdecimal():
            text = f"{(Decimal(text) * 10000).normalize():f}"
        start = max(len(numbers) + 2, first + step * at)
        numbers = numbers.ljust(start) + text
        if unit and is_value(text) and text[0].isdecimal():
            units = units.ljust(max(unit_at(start, text), len(units) + 2)) + unit
    return numbers, units


#: The amount column header's unit, which ``UnitsBeneath`` does not print.
_NO_UNIT = re.compile(r"[（(]单位[：:]万元[)）]")


@attrs.frozen
class UnitsOver:
    """pdfplumber's layout text (``extract_text(layout=True)``) of a browser's PDF of a table
    whose section 二 cells print their values with units (``PROACTIVE_UNITS``; an amount in
    元, ten thousand times its 万元): the unit's Chinese character stands higher or lower in
    the line than the digits, so the tool prints a row's units on a line of their own, over
    its numbers (on the label's line: ``规章  件  件  件`` / ``0  0  0``) or under them, each
    within its number's extent, centred as in its cell (``over``: the rows whose units
    print over their numbers, by their order in the section; the others' under them). A
    blank cell prints nothing. ``wrap``: each label two characters a line in its narrow
    cell, the row's two lines beside its middle pieces (``规范`` / ``性文  件  件  件`` /
    ``11  11  11`` / ``件``). Sections 三 and 四 as ``CellLines``."""

    over: frozenset[int] = frozenset()
    wrap: bool = False

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        plain = CellLines(separators=0, blank=None, merged=False)
        lines: list[str] = []
        valued = 0  # the section 二 rows of values so far
        for row in table:
            columns = _proactive_columns(row)
            if columns is None:
                lines.extend(plain.write([[_NO_UNIT.sub("", cell) for cell in row]]))
                continue
            label = row[0].strip()
            pieces = [label[at : at + 2] for at in range(0, len(label), 2)]
            pieces = pieces if self.wrap else [label]
            numbers, units = _numbers_and_units(
                row, columns, (28, 12), lambda start, text: start + (len(text) - 1) // 2
            )
            first, second = (units, numbers) if valued in self.over else (numbers, units)
            middle = (len(pieces) - 1) // 2
            beside = [" " * 8 + piece for piece in pieces[middle : middle + 2]]
            beside += [""] * (2 - len(beside))
            lines += [" " * 8 + piece for piece in pieces[:middle]]
            two = zip(beside, (first, second), strict=True)
            lines += [side + line[len(side) :] for side, line in two]
            lines += [" " * 8 + piece for piece in pieces[middle + 2 :]]
            valued += 1
        return [line.rstrip() for line in lines]


@attrs.frozen
class NarrowCells:
    """``pdftotext -layout`` of Word's PDF of a table whose cells are narrow: each cell's
    text wraps on its own (a label every ``wrap`` characters, any other cell every
    ``width``), a count of section 二 printed with its unit (``PROACTIVE_UNITS``; an
    amount with none), so a count too wide for its cell wraps after its first digits
    (``181`` / ``1件`` for 1811件) and a unit on a line of its own under its number
    (``16`` / ``件``). A row is as tall as its tallest cell, and each cell stands at the
    top of it (``top``) or centred in it: where a cell's lines and another's are half a
    line apart, each prints on a line of its own (``18`` / ``规章  3件  3件`` / ``件``;
    ``其他`` / ``对外`` / ``532  672`` / ``管理`` / ``项  0件`` / ``服务`` / ``事项``). Each
    cell starts at its column's place on the page, in characters, whatever the
    characters left of it (a CJK character one). ``spaced``: an empty line after each
    row, as Word's cell padding prints. ``amounts``: section 二's amounts wrap as the
    counts do (``0.0`` / ``913`` for 0.0913); else each prints on one line, its cell as
    wide as it."""

    wrap: int = 2
    width: int = 3
    gap: int = 2
    top: bool = False
    spaced: bool = True
    amounts: bool = True
    merged: bool = False

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        columns = max(map(len, table), default=0)
        starts = [
            0,
            *(2 * self.wrap + self.gap + at * (self.width + 1 + self.gap) for at in range(columns)),
        ]
        spans = _merged_spans(table) if self.merged else {}
        rows = [
            self._cells(row, {column for first, column in spans if first == at})
            for at, row in enumerate(table)
        ]
        talls = [max(map(len, cells), default=0) for cells in rows]
        for (first, column), last in sorted(spans.items(), key=lambda span: -span[0][1]):
            pieces = len(self._pieces(table[first][column].strip(), self.wrap))
            height = sum(talls[first : last + 1])
            talls[last] += max(pieces - height, 0)  # Word grows the span's last row
        # Half-line slots: a row as tall as ``tall`` lines holds its cells' lines two slots
        # apart from its first slot, a cell centred in it a slot lower per line it lacks.
        bases, base = [], 0
        for tall in talls:
            bases.append(base)
            base += 2 * tall + (2 if self.spaced else 0)
        slots: dict[int, list[tuple[int, str]]] = {}
        for at, (cells, tall) in enumerate(zip(rows, talls, strict=True)):
            for column, pieces in enumerate(cells):
                first = bases[at] + (0 if self.top else tall - len(pieces))
                for k, piece in enumerate(pieces):
                    slots.setdefault(first + 2 * k, []).append((starts[column], piece))
            if self.spaced:
                slots.setdefault(bases[at] + 2 * tall, [])
        for (first, column), last in spans.items():
            pieces = self._pieces(table[first][column].strip(), self.wrap)
            low, high = bases[first], bases[last] + 2 * (talls[last] - 1)
            top = low if self.top else low + (high - low - 2 * (len(pieces) - 1)) // 2
            for k, piece in enumerate(pieces):
                slots.setdefault(top + 2 * k, []).append((starts[column], piece))
        lines: list[str] = []
        for slot in sorted(slots):
            line = ""
            for start, piece in sorted(slots[slot]):
                line += " " * max(start - len(line), 1 if line else 0) + piece
            lines.append(line)
        return lines

    def _cells(self, row: Sequence[str], merged: set[int]) -> list[list[str]]:
        """The lines of each cell of ``row`` (none for a cell of ``merged``, its columns
        whose text spans the rows below, written over them all)."""
        keys = _proactive_columns(row)
        cells = [
            [] if at in merged else self._pieces(cell.strip(), self.wrap if at == 0 else self.width)
            for at, cell in enumerate(row)
        ]
        if keys is not None:
            cells[1:] = [
                self._pieces(
                    _with_unit(cell.strip(), key),
                    self.width if self.amounts or key != "amount" else len(cell),
                )
                for cell, key in zip(row[1:], keys, strict=True)
            ]
        if not any(row[1:]):
            cells = [[row[0].strip()]]  # a sub-table's article: one line over the table
        return cells

    @staticmethod
    def _pieces(text: str, width: int) -> list[str]:
        """``text`` wrapped every ``width`` characters (none for a blank cell)."""
        return [text[at : at + width] for at in range(0, len(text), width)]


def _merged_spans(table: Sequence[Sequence[str]]) -> dict[tuple[int, int], int]:
    """The vertically merged cells of ``table`` as ``render`` gives them (a label's or a
    header's text, then an empty cell under it in each row it spans, every cell left of
    that one empty too and a cell right of it not: an empty cell right of a label is the
    label's own, spanning columns): ``(row, column)`` of the text -> the last row it spans."""
    spans: dict[tuple[int, int], int] = {}
    for first, row in enumerate(table):
        for column, cell in enumerate(row):
            last = first
            while (
                cell.strip()
                and not is_number(cell.strip())
                and last + 1 < len(table)
                and len(table[last + 1]) == len(row)
                and not any(table[last + 1][: column + 1])
                and any(table[last + 1][column + 1 :])
            ):
                last += 1
            if last > first:
                spans[first, column] = last
    return spans


def _with_unit(text: str, key: str) -> str:
    """A section 二 cell's text with the unit a count of its column ``key`` is printed with
    (none for a blank cell, a placeholder or an amount)."""
    unit = PROACTIVE_UNITS.get(key, "")
    return text + unit if unit and key != "amount" and is_number(text) else text


def _slipping(table: Sequence[Sequence[str]]) -> frozenset[int]:
    """The section 二 rows whose last cell ``UnitsApart.slip`` prints after the next row's
    label: it is not blank, and the next row, of the same columns, prints two values or
    more (no row both slips and takes a slipped cell)."""
    found: set[int] = set()
    for at, (row, after) in enumerate(pairwise(table)):
        columns = _proactive_columns(row)
        if (
            columns is not None
            and at - 1 not in found
            and columns == _proactive_columns(after)
            and row[-1].strip()
            and sum(bool(cell.strip()) for cell in after[1:]) >= 2
        ):
            found.add(at)
    return frozenset(found)


def _proactive_columns(row: Sequence[str]) -> tuple[str, ...] | None:
    """The column keys of a section 二 row of values (its label, then its cells), of the
    template whose row of that label has as many cells; ``None`` for any other row."""
    label = row[0].strip()
    for template, rows in labels.PROACTIVE_ROWS.items():
        for key, names in rows.items():
            columns = labels.PROACTIVE_SHAPE[template][key]
            if label in names and len(columns) == len(row) - 1:
                return columns
    return None


@attrs.frozen
class FlowedAppeals:
    """Plain ``pdftotext`` of a browser's (wkhtmltopdf) PDF: every table one cell a line as
    ``cells`` writes it, but section 四's, whose header words wrap two characters a line in
    narrow cells (``结果 结果 其他 尚未`` / ``维持 纠正 结果 审结``) and come out among its
    values, each group's after the header lines of the next, with the ``group``-th group's
    总计 printed ``at``-th of its five values (wkhtmltopdf's flow prints the first group's
    总计 second: ``1`` / ``12`` / ``3`` / ``5`` / ``3`` for 1 3 5 3 and 12). A blank cell
    leaves no trace."""

    group: int = 0
    at: int = 1
    cells: CellLines = CellLines(separators=0, blank=None, merged=False)

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        outcomes = len(labels.APPEAL_OUTCOMES)
        if not table or len(table[-1]) != len(labels.APPEAL_GROUPS) * outcomes:
            return self.cells.write(table)
        words = ["结果 结果 其他 尚未", "维持 纠正 结果 审结"]
        groups = [list(table[-1][at : at + outcomes]) for at in range(0, len(table[-1]), outcomes)]
        groups[self.group].insert(self.at, groups[self.group].pop())
        between = [
            ["行政复议", "行政诉讼", words[0], "未经复议直接起诉", words[1], f"总计 {words[0]}"],
            [words[1]],
            ["复议后起诉", "总计", words[0], words[1]],
        ]
        lines: list[str] = []
        for before, values in zip(between, groups, strict=True):
            lines.extend(before)
            lines.extend(cell for cell in values if cell.strip())
        return lines


@attrs.frozen
class WordPdfminerAppeals:
    """pdfminer.six's text of Word's PDF: every table one cell a line as ``cells`` writes
    it, but section 四's, whose narrow header cells print their words a character a line:
    行政复议's five words and then its five values, then for each litigation group each
    outcome's word and its value, the groups' 总计s last (``结`` / ``果`` / ``纠`` / ``正`` /
    ``1`` … ``总`` / ``计`` / ``0`` / ``总`` / ``计`` / ``1``), and ``stray`` values of another
    block after the group heads (tool bed 8528: ``14`` / ``1``). A blank cell leaves no
    trace."""

    stray: tuple[str, ...] = ()
    cells: CellLines = CellLines(separators=0, blank=None, merged=False)

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        outcomes = [words[0] for words in labels.APPEAL_OUTCOMES.values()]
        if not table or len(table[-1]) != len(labels.APPEAL_GROUPS) * len(outcomes):
            return self.cells.write(table)
        row = list(table[-1])
        groups = [row[at : at + len(outcomes)] for at in range(0, len(row), len(outcomes))]
        heads = [words[0] for words in labels.APPEAL_GROUPS.values()]
        lines = [heads[0], "行政诉讼", *self.stray]
        lines.extend(char for word in outcomes for char in word)
        lines.extend(groups[0])
        lines.extend(heads[1:])
        for group in groups[1:]:
            for word, value in zip(outcomes[:-1], group, strict=False):
                lines.extend([*word, value])
        for group in groups[1:]:
            lines.extend([*outcomes[-1], group[-1]])
        return [line for line in lines if line.strip()]


@attrs.frozen
class SpeltAppeals:
    """``pdftotext -layout`` of Word's PDF: tables in columns (``AlignedCells``), but section
    四's, whose fifteen narrow columns print their header words one character a line
    (``结`` / ``果`` / ``维`` / ``持``, 总计 on the middle lines), each character the same
    place into its column, the group heads on lines of their own at their groups' first
    column, and each value centred in its cell, columns ``width`` wide and ``gap`` apart.
    The ``wide``-th outcome of each group (3: 尚未审结) has cells ``extra`` characters
    wider, so a value there stands right of its header's character, under no word, in the
    gap before the next column's (``1`` at 19, ``尚`` at 16, ``总`` at 23)."""

    width: int = 3
    gap: int = 2
    wide: int = 3
    extra: int = 4

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        outcomes = len(labels.APPEAL_OUTCOMES)
        columns = len(labels.APPEAL_GROUPS) * outcomes
        if len(table) != len(labels.APPEAL_HEADER) + 1 or len(table[-1]) != columns:
            return AlignedCells().write(table)
        widths = [self.width + self.extra * (at % outcomes == self.wide) for at in range(columns)]
        starts = [sum(widths[:at]) + self.gap * at + 1 for at in range(columns)]
        place = (self.width - 1) // 2  # a header character's place into its column
        lines = [
            _placed([(starts[at] + place, cell) for at, cell in enumerate(row) if cell])
            for row in table[:-2]
        ]
        words = table[-2]
        tall = max(map(len, words))
        lines.extend(
            _placed(
                [
                    (starts[at] + place, word[line - (tall - len(word)) // 2])
                    for at, word in enumerate(words)
                    if 0 <= line - (tall - len(word)) // 2 < len(word)
                ]
            )
            for line in range(tall)
        )
        values = [
            (start + (width - len(cell)) // 2, cell)
            for start, width, cell in zip(starts, widths, table[-1], strict=True)
            if cell.strip()
        ]
        return [*lines, "", _placed(values)]


def _placed(cells: Sequence[tuple[int, str]]) -> str:
    """A line with each of ``cells`` (a character offset and a text, in order) at its offset."""
    line = ""
    for at, text in cells:
        line = line.ljust(at) + text
    return line


@attrs.frozen
class HeadedRows:
    """lynx of a page that prints each row of values as a small table of its own under a
    heading that repeats the row's label (``一、本年新收政府信息公开申请数量`` on a line of
    its own, then the row): each small table laid out alone, as lynx does."""

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        lines: list[str] = []
        for row in table:
            labels = [cell for cell in row if cell.strip() and not is_value(cell)]
            if labels and any(is_value(cell) for cell in row):
                lines.extend((f"  {labels[-1]}", ""))
            lines.extend(space_aligned.aligned([row], space_aligned._display_width))
            lines.append("")
        return lines


#: How each tool family writes a table, by name (the built-in layouts are docx2txt's and
#: lynx's): blank cells as lines in the rhythm of one cell a line, gaps under columns.
TOOLS: dict[str, str | CellLines | AlignedCells | IndexedCells] = {
    "docx2txt": "cell-per-line",
    "libreoffice": CellLines(separators=0, blank=""),
    "libreoffice-nbsp": CellLines(separators=0),
    "soup": CellLines(separators=0, merged=False),
    "soup-signed": CellLines(separators=0, merged=False, signs=True),
    "soup-spaced": CellLines(separators=2, filler="  ", merged=False),
    "lynx": "space-aligned",
    "lynx-narrow": CellLines(
        blank="", merged=False, spaced=False, centred=76, broken=True, askew=4
    ),
    "pdftotext-layout": AlignedCells(),
    "inscriptis": AlignedCells(characters=False, gap=1),
    "inscriptis-cells": IndexedCells(),
    "inscriptis-word": IndexedCells(indent=6, wrap=4, empty_head=True),
}
#: Tools whose blank cells leave no trace: nothing to read there, nothing to be wrong about
#: (pdftotext plain writes an empty line between cells, or none).
TRACELESS: dict[str, CellLines | SpacedCells | RawLines] = {
    "pdftotext": CellLines(separators=0, blank=None, merged=False),
    # BeautifulSoup's get_text('\n', strip=True): each run a line, the &nbsp; cells dropped
    "soup-stripped": CellLines(separators=0, blank=None, merged=False, signs=True),
    "pdftotext-apart": CellLines(blank=None, merged=False),
    "spaced": SpacedCells(),
    "pdftotext-raw": RawLines(),
    "pdftotext-raw-wide": RawLines(wrap=11),
    "pdftotext-raw-centred": RawLines(wrap=4, centred=True),
    "pdftotext-browser": FlowedAppeals(),
    "pdftotext-word": CellLines(separators=0, blank=None, merged=False, vertical=True),
    "pdftotext-tall": CellLines(separators=0, blank=None, merged=False, wrap=2),
    "pdftotext-word-narrow": CellLines(separators=0, blank=None, merged=False, wrap=2, headed=True),
    "pdftotext-label-before": CellLines(separators=0, blank=None, merged=False, label="before"),
    "pdftotext-label-after": CellLines(separators=0, blank=None, merged=False, label="after"),
}


LOSSLESS: tuple[Mangler, ...] = (
    Mangler("spaces", spaces),
    Mangler("full_width", full_width),
    Mangler("enumerators", enumerators),
    Mangler("straight_quotes", straight_quotes),
    Mangler("arabic_headings", arabic_headings),
    Mangler("bookmarks", bookmarks),
    Mangler("page_markers", page_markers),
    Mangler("blank_lines", blank_lines),
    Mangler("trailing_tabs", trailing_tabs, TABBED),
    Mangler("trailing_spaces", trailing_spaces),
    Mangler("money_units", money_units),
    Mangler("yuan", yuan),
    Mangler("merged_labels", merged_labels, ("tab-separated",)),
    Mangler("vertical_labels", vertical_labels, ("row-per-cell",)),
    Mangler("wrapped_labels", wrapped_labels, ("row-per-cell",)),
    Mangler("split_header", split_header, ("row-per-cell",)),
)
LOSSY: tuple[Mangler, ...] = (
    Mangler("drop_value_column", drop_value_column, TABBED, lossless=False),
    Mangler("drop_column", drop_column, TABBED, lossless=False),
)
#: Changes that leave some cells uncertain: the reader may only leave those missing.
UNCERTAIN: tuple[Mangler, ...] = (
    Mangler("blank_zeros", blank_zeros, EVERY, lossless=False),
    Mangler("misspelt_labels", misspelt_labels, EVERY, lossless=False),
    Mangler("wrapped_label_lines", wrapped_label_lines, ("cell-per-line",), lossless=False),
    Mangler("spaced_label_lines", spaced_label_lines, ("cell-per-line",), lossless=False),
    Mangler(
        "lost_line_breaks", lost_line_breaks, ("tab-separated", "cell-per-line"), lossless=False
    ),
    Mangler("tables_run_together", tables_run_together, ("tab-separated",), lossless=False),
    Mangler("word_grid", word_grid, ("tab-separated",), lossless=False),
    Mangler("docx_split_header", docx_split_header, ("tab-separated",), lossless=False),
    Mangler("stray_rest", stray_rest, EVERY, lossless=False),
    Mangler("stray_tail", stray_tail, EVERY, lossless=False),
    Mangler("lifted_value", lifted_value, ("space-aligned",), lossless=False),
)
#: How the text is written to bytes, and its line ends: each is lossless.
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030")
NEWLINES = ("\n", "\r\n")


def mangle(text: str, manglers: Sequence[Mangler], rng: Random) -> str:
    """``text`` after each of ``manglers`` in turn. ``rng`` gives one seed: a Random that
    Hypothesis drives makes a draw of every call, too many for character-level choices."""
    local = Random(rng.getrandbits(64))
    for mangler in manglers:
        text = mangler.apply(text, local)
    return text


def encode(text: str, encoding: str, newline: str = "\n") -> bytes:
    """The bytes a tool would save: UTF-8, UTF-8 with a BOM, or GB18030, with Unix or
    Windows line ends (applied last, as saving does)."""
    return text.replace("\n", newline).encode(encoding)


#: Where a browser's narrow PDF of a report page puts each applicant column's values
#: through ``pdftotext -layout`` (characters, 0-based), 自然人 to 总计; the label column
#: starts at 14 and wraps every eight characters.
_NARROW_COLUMNS = (46, 52, 59, 65, 71, 76, 81)
#: The header of section 三 as that PDF prints it: words wrapped one to three characters a
#: line, packed one space apart (总计 ten characters left of its values), its lines cut
#: by a page break after the second.
_NARROW_HEADER = (
    "               （本列数据的勾稽                                    申请人情况",
    "               关系为：第一项加",
    None,
    "               第二项之和，等于                        自然人           法人或其他组织",
    "               第三项加第四项之",
    "                  和）                               商业      科研 社会 法律    总计",
    "                                                   企业      机构 公益 服务 其他",
    "                                                              组织 机构",
)


def narrow_pdf_applications(
    text: str, report: gr.Report, rng: Random, *, pages: bool = False
) -> str:
    """``text`` (a report rendered space-aligned, zeros blank) with section 三's table as
    ``pdftotext -layout`` prints a browser's PDF of a page whose table is narrow: the
    header wrapped and cut by a page break (``_NARROW_HEADER``), each row's label wrapped
    every eight characters, its values on its label's second line each at its column's
    offset, a blank cell (0) a gap; sometimes the first value packed one space after the
    label's first piece on its line, off its column. Page breaks (the page's address and
    number, ``\\f`` and the next page's date line, its title's year sometimes wrapped onto a
    line of its own) fall between rows at random, and each page lays its columns out
    anew (``_page_columns``): the header's page at ``_NARROW_COLUMNS``, each later one as
    the blocks left of its values push them.

    ``pages``: each page after a break moves its labels too, a few characters, with its
    values (``pdftotext -layout`` of each page on its own), a label of one line prints
    its values on it, and a row whose first value is pushed against its label
    may push its second one space after the first (``（七）总计 308 26 … 350``)."""
    lines = text.split("\n")
    start = next(at for at, line in enumerate(lines) if line.startswith("三、收到"))
    end = next(at for at, line in enumerate(lines) if line.startswith("四、政府信息公开行政"))
    page = [3]

    def page_break() -> list[str]:
        page[0] += 1
        return _browser_page_break(page[0], report, rng)

    columns = [_NARROW_COLUMNS]

    def next_page() -> list[str]:
        columns[0] = _page_columns(rng)
        return page_break()

    out = [f"         {lines[start]}"]
    for line in _NARROW_HEADER:
        out.extend(page_break() if line is None else [line])
    flat = report.flat()
    template = report.template or "2019"
    moved = 0  # how far this page's labels and columns stand off the header page's
    for key, names in labels.APPLICATION_ROWS[template].items():
        label = names[0]
        pieces = [label[at : at + 8] for at in range(0, len(label), 8)]
        if len(pieces) == 1 and not pages:
            pieces.append("")
        values = [
            (column + moved, str(value))
            for column, value in zip(
                columns[0],
                (flat[f"applications.{key}.{name}"] for name in labels.APPLICANT_COLUMNS),
                strict=True,
            )
            if value
        ]
        printed = [" " * (14 + moved) + piece for piece in pieces]
        if values and rng.random() < 0.5:  # the first value pushed against the label
            printed[0] += " " + values.pop(0)[1]
            if pages and values and rng.random() < 0.5:  # and the second against it
                printed[0] += " " + values.pop(0)[1]
        for column, value in values:  # on the label's second line, or its one
            printed[-1] = printed[-1].ljust(column) + (" " if len(printed[-1]) >= column else "")
            printed[-1] += value
        out.extend(printed)
        out.append("")
        if rng.random() < 0.15:
            out.extend(next_page())
            moved = rng.choice((-4, 0, 4)) if pages else 0
    return "\n".join([*lines[:start], *_years_below(out, rng), *lines[end:]])


def _browser_page_break(page: int, report: gr.Report, rng: Random) -> list[str]:
    """A browser's page break as ``pdftotext -layout`` prints it: page ``page - 1``'s
    address and number, ``\f`` and the next page's date line; the next page's title, too
    long for its line, may wrap its year onto a line of the table's own, a number in no
    row."""
    year = [f"{' ' * 40}{report.year or 2020}"] if rng.random() < 0.3 else []
    return [
        f"file:///tmp/tmpabcd/report.html{' ' * 43}{page}/9",
        f"\f11/27/26, 7:26 AM{' ' * 24}年某某县人民政府政府信息公开年度报告",
        *year,
    ]


def _years_below(lines: list[str], rng: Random) -> list[str]:
    """``lines`` with a page header's title's year, wrapped onto a line of its own
    (``_browser_page_break``), sometimes printed below the page's first line instead: the
    title and that line stand at one height, and poppler puts the year, set lower, after
    it (tool bed 8523: ``\\f11/29/26, 9:19 AM  年昆吾县…`` / ``结 一情形，不`` / ``2025``),
    so the furniture cuts the page's rows into two parts."""
    lines = list(lines)
    for at in range(len(lines) - 2):
        if (
            lines[at].startswith("\f")
            and _TITLE_YEAR.fullmatch(lines[at + 1])
            and lines[at + 2].strip()
            and rng.random() < 0.5
        ):
            lines[at + 1], lines[at + 2] = lines[at + 2], lines[at + 1]
    return lines


#: A page header's title's year wrapped onto a line of its own (``_browser_page_break``).
_TITLE_YEAR = re.compile(r" {40}\d{4}")


def _page_columns(rng: Random) -> tuple[int, ...]:
    """Where a page of a browser's narrow PDF past the header's puts each applicant
    column's values through ``pdftotext -layout``: poppler gives each block (here each
    value) the column of the blocks left of it, one past the end of a block wholly left
    plus two, or in proportion inside one it falls within (the page's running title, the
    table's label column): the same order as ``_NARROW_COLUMNS``, each page its own
    offset and stretch (a page's values at 35, 51, 68, 78, the header's page's at 42, 45,
    47 for the same columns)."""
    shift = rng.randint(-8, 12)
    stretch = rng.choice((0.8, 1.0, 1.3, 1.6))
    first = _NARROW_COLUMNS[0]
    return tuple(first + shift + round((column - first) * stretch) for column in _NARROW_COLUMNS)


#: Section 二's sub-tables' headers as a browser's narrow PDF prints them through
#: ``pdftotext -layout`` (tool-bed pages' lines, from the label column's start): each
#: column's name wrapped a few characters a line, a line's words packed one space apart.
_NARROW_PROACTIVE_HEADERS: dict[str, tuple[tuple[str, ...], ...]] = {
    "2019": (
        ("   本年 本年 对外", "信息 新制 新 公开", "内容 作数 公开 总数", "   量 数量 量"),
        ("   上一", "信息 年项 本年 处理", "内容 目数 增/减 决定", "          数量", "   量"),
        ("   上一", "信息 年 本年 处理", "内容 项目 增/减 决定", "          数量", "   数量"),
        ("   上一", "信息 年 本年增/减", "内容 项目", "   数量"),
        ("信息 采购 采购总金额", "内容 项目 （单位：万", "   数量 元）"),
    ),
    "2021": (
        ("信息 本年 本年 现行", "      废止 有效", "内容 制发", "   件数 件数 件数"),
        ("信息 本年处理决定数量", "内容"),
        ("信息 本年处理决定数量", "内容"),
        ("信息 本年收费金额", "内容 （单位：万元）"),
    ),
}
#: Where section 二's label column starts on such a page.
_NARROW_PROACTIVE_LABELS = 46


def narrow_pdf_proactive(text: str, report: gr.Report, rng: Random) -> str:
    """``text`` (a report rendered space-aligned, zeros blank) with section 二's table as
    ``pdftotext -layout`` prints a browser's PDF of a narrow page: each sub-table's header
    packed (``_NARROW_PROACTIVE_HEADERS``), each row's label wrapped two characters a line,
    its values, zeros blank, on one of its label's lines. poppler starts each value at a
    column the blocks left of it on the page set, not at its x (docs/layouts.md, "Why a
    page's offsets name columns only in order"): each sub-table lays its columns out at
    offsets of their own, in order, under any of its header's words or right of them; a
    row's first value is sometimes pushed one space after its label's piece, whatever its
    column (tool bed 4040/00: 采购项目数量's ``1`` under 采购总金额; a Chromium PDF of a
    page whose 规章 prints 本年新公开数量 alone: ``规章 3``). Browser page breaks fall
    between sub-tables at random."""
    lines = text.split("\n")
    start = next(at for at, line in enumerate(lines) if line.startswith("二、主动公开"))
    end = next(at for at in range(start + 1, len(lines)) if lines[at].startswith("三、收到"))
    template = report.template or "2019"
    flat = report.flat()
    indent = " " * _NARROW_PROACTIVE_LABELS
    out = [f"    {lines[start]}"]
    page = 1
    blocks = labels.PROACTIVE_BLOCKS[template]
    for (article, columns, rows), header in zip(
        blocks, _NARROW_PROACTIVE_HEADERS[template], strict=True
    ):
        if rng.random() < 0.2:
            page += 1
            out.extend(_browser_page_break(page, report, rng))
        out.append(f"{indent} {article}")
        out.extend(indent + line for line in header)
        # this sub-table's columns: in order, each a few characters past the one before
        offsets = [_NARROW_PROACTIVE_LABELS + rng.randint(3, 12)]
        for _ in columns[1:]:
            offsets.append(offsets[-1] + rng.randint(2, 7))
        for row in rows:
            label = labels.PROACTIVE_ROWS[template][row][0]
            pieces = [indent + label[at : at + 2] for at in range(0, len(label), 2)]
            values = [
                (offset, str(value))
                for offset, column in zip(offsets, columns, strict=True)
                if (value := flat.get(f"proactive.{row}.{column}"))
            ]
            on = rng.randrange(len(pieces))
            printed = pieces[on]
            if values and rng.random() < 0.5:  # the first value pushed against the label
                printed += " " + values.pop(0)[1]
            for offset, value in values:
                printed = printed.ljust(max(offset, len(printed) + 1)) + value
            pieces[on] = printed
            out.extend(pieces)
    out.append("")
    return "\n".join([*lines[:start], *_years_below(out, rng), *lines[end:]])


#: Section 四 as a browser's narrow PDF prints it through ``pdftotext -layout`` (a saved
#: page's lines): the header's words two characters a line, packed one space apart, 行政复议's
#: outcomes on lines of their own and the two litigation groups' beside them.
_NARROW_APPEALS = (
    "                 行政复议                                        行政诉讼",
    "                    未经复议直接起诉         复议后起诉",
    "   结果 结果 其他 尚未 总计",
    "   维持 纠正 结果 审结    结果 结果 其他 尚未 总计 结果 结果 其他 尚未 总计",
    "                  维持 纠正 结果 审结    维持 纠正 结果 审结",
)
#: Where each of section 四's fifteen columns' header word starts in ``_NARROW_APPEALS``.
_NARROW_APPEAL_WORDS = tuple(range(3, 48, 3))


def _section_four(lines: Sequence[str]) -> tuple[int, int]:
    """Where section 四 starts in ``lines`` (its heading) and where 五's heading is."""
    start = next(at for at, line in enumerate(lines) if line.startswith("四、政府信息公开行政"))
    return start, next(at for at in range(start + 1, len(lines)) if lines[at].startswith("五、"))


def _appeal_values(report: gr.Report) -> list[str]:
    """Section 四's fifteen cells of ``report`` as printed, zeros and blanks empty."""
    flat = report.flat()
    return [
        str(flat[f"appeals.{group}.{outcome}"] or "")
        for group in labels.APPEAL_GROUPS
        for outcome in labels.APPEAL_OUTCOMES
    ]


def narrow_pdf_appeals(text: str, report: gr.Report, rng: Random) -> str:
    """``text`` (a report rendered space-aligned, zeros blank) with section 四's table as
    ``pdftotext -layout`` prints a browser's PDF of a narrow page (``_NARROW_APPEALS``):
    the header packed, its one row of values, zeros blank, on a line of their own. Each
    value is a block of its own, which poppler starts at the column of the character over
    its left edge of the blocks it falls within (the header's, ``_NARROW_APPEAL_WORDS``,
    one more for a one-digit value, centred; the browser's running title, at its own
    column and scale) and at least three past the end of any block wholly left of it (the
    page's address in its footer, the value before it): at the header's characters, or
    right of them and spread wider (3131/05's ``3 1 4 2 2`` at 46, 57, 62, 67 and 86, the
    title's column plus 45 × (x − 190) / 340 and the last past the title's end, under
    header words at 3 to 46)."""
    lines = text.split("\n")
    start, end = _section_four(lines)
    values = _appeal_values(report)
    # the header's own block, or the title's: its column and its scale against the header's
    push, stretch = rng.choice(((0, 1.0), (rng.randint(1, 50), rng.choice((1.0, 1.3, 1.6, 2.0)))))
    row = ""
    for word, value in zip(_NARROW_APPEAL_WORDS, values, strict=True):
        if value:
            under = push + round((word + (len(value) == 1)) * stretch)
            row = row.ljust(max(under, len(row) + 3 if row else 0)) + value
    out = [f"         {lines[start]}", *_NARROW_APPEALS, row, ""]
    return "\n".join([*lines[:start], *out, *lines[end:]])


#: Section 四's header as PyMuPDF's sorted text gives a browser's PDF, each group's two
#: lines of column words (``结果`` over ``维持`` …, 总计 beside the last: ``审结总计``).
_SORTED_TOPS = "结果 结果 其他 尚未"
_SORTED_BOTTOMS = "维持 纠正 结果 审结总计"


def pymupdf_sorted_appeals(text: str, report: gr.Report) -> str:
    """``text`` (a report rendered space-aligned, zeros blank) with section 四's table as
    PyMuPDF's ``get_text(sort=True)`` gives a browser's PDF whose 行政复议 header cells
    stand a little higher than the others (tool bed 8530/25): that group's first words on
    a line of their own at the line's start, its last words after the other groups' first
    words, the other groups' words at offsets of their own, and the one row of values at
    the offsets of their columns in the page (``3 + 16 × column / 3``), which the words
    over them do not name."""
    lines = text.split("\n")
    start, end = _section_four(lines)
    values = _appeal_values(report)
    row = ""
    for column, value in enumerate(values):
        if value:
            row = row.ljust(max(3 + 16 * column // 3, len(row) + 1 if row else 0)) + value
    out = [
        f"   {lines[start]}",
        "",
        "     行政复议                行政诉讼",
        "",
        "                 未经复议直接起诉       复议后起诉",
        f" {_SORTED_TOPS}",
        f"{'':14}{_SORTED_TOPS}   {_SORTED_TOPS} {_SORTED_BOTTOMS}",
        f"{'':14}{_SORTED_BOTTOMS} {_SORTED_BOTTOMS}",
        "",
        row,
        "",
    ]
    return "\n".join([*lines[:start], *out, *lines[end:]])


def pymupdf_cells(text: str, rng: Random) -> str:
    """``text`` (tab-separated) as PyMuPDF's ``get_text()`` prints a browser's PDF of the
    page: each table cell's text a line of its own, a blank cell a line of one no-break
    space (a merged cell's empty continuation nothing), and in some rows (their columns
    narrow, two or three digits wide) each number wider than its cell wrapped after as many
    digits (``481`` / ``7`` for 4817)."""
    lines: list[str] = []
    for line in text.split("\n"):
        if "\t" not in line:
            lines.append(line)
            continue
        digits = rng.choice((2, 3, 0))  # 0: wide columns, no number wraps
        for cell in line.split("\t"):
            if not cell:
                continue  # a merged cell's continuation prints no text
            if not cell.strip():
                lines.append("\u00a0")
                continue
            cell = cell.strip()
            wide = digits and re.fullmatch(rf"[-+]?\d{{{digits + 1},}}\D*", cell)
            lines.extend((cell[:digits], cell[digits:]) if wide else (cell,))
    return "\n".join(lines)


def pymupdf_tall_rows(text: str, rng: Random) -> str:
    """``text`` (tab-separated) as PyMuPDF's ``get_text()`` prints a browser's PDF of a
    narrow page whose section 二 cells print units (``PROACTIVE_UNITS``; a rise signed
    ``+`` where ``rng`` says): each row's label wrapped two characters a line, making the
    row tall; each value wrapped in its cell two, three or four digits wide, a unit as wide
    as two digits (``603`` / ``件``, ``450`` / ``7件``, as the beds' PyMuPDF texts show; two
    digits as a narrower page would); and,
    in some rows, two neighbouring values of one line each run together on one line, as
    PyMuPDF joins the spans of one baseline (``77项+10``, ``+16 51件``), or the label's
    last piece and the first value's first line (``行政`` / ``许可91项``). The other tables
    as ``pymupdf_cells``."""
    plus = rng.random() < 0.5
    lines: list[str] = []
    for line in text.split("\n"):
        row = line.split("\t")
        columns = _proactive_columns(row) if len(row) > 1 else None
        if columns is None:
            lines.append(pymupdf_cells(line, rng))
            continue
        label = row[0].strip()
        pieces = [label[at : at + 2] for at in range(0, len(label), 2)]
        width = rng.choice((2, 3, 4))
        cells = []
        for cell, column in zip(row[1:], columns, strict=True):
            cell = _with_unit(cell.strip(), column)
            if plus and column in labels.SIGNED_COLUMNS and cell[:1].isdigit() and cell != "0":
                cell = "+" + cell
            cells.append(_narrow(cell, width) if cell else ["\u00a0"])
        if rng.random() < 0.5:
            at = next(
                (
                    at
                    for at in range(len(cells) - 1)
                    if len(cells[at]) == 1 == len(cells[at + 1])
                    and "\u00a0" not in (cells[at][0], cells[at + 1][0])
                ),
                None,
            )
            if at is not None:
                head, tail = cells[at][0], cells[at + 1][0]
                cells[at : at + 2] = [[head + (" " if head[-1].isdigit() else "") + tail]]
        glued = len(pieces) == 2 and len(cells[0]) == 1 and cells[0] != ["\u00a0"]
        if glued and rng.random() < 0.3:
            pieces[-1] += cells.pop(0)[0]  # the label's last piece and the first value
        lines.extend((*pieces, *(piece for cell in cells for piece in cell)))
    return "\n".join(lines)


def _narrow(cell: str, width: int) -> list[str]:
    """A cell's text as a narrow cell ``width`` digits wide wraps it: a character a digit
    wide, a CJK unit two."""
    pieces, line, used = [], "", 0
    for char in cell:
        size = 1 if char.isascii() else 2
        if line and used + size > width:
            pieces.append(line)
            line, used = "", 0
        line, used = line + char, used + size
    return [*pieces, line]


#: A value of a table: what ``MarkitdownPageGrid`` may print beside another in one cell.
_GRID_VALUE = re.compile(r"-?\d+(?:\.\d+)?")


@attrs.frozen
class MarkitdownPageGrid:
    """A table as markitdown's PDF converter prints a page's words: one grid of columns for
    the page, not the table's, each column padded to its widest text (at least three) and
    its rule's dashes as wide, between single spaces, under the first line; an empty column
    at the left (the page's margin) and one spare at the right. ``merged``: a row's first two
    neighbouring values share one cell (``| 0 0 |``), the second's place blank padding;
    ``shifted``: a row's last value stands one column right, in its neighbour's place;
    ``cut``: each row a small grid of its own, padded to its own widths alone, its words
    two a cell (``| 规章 0 | 0 0 |``), a line of the page's words (a piece of a header
    word) between two, as markitdown cuts a page whose lines it does not all align;
    ``apart``: each row's values a small grid of their own (``| 5   | 1   | 0 0 |``), its
    label's words plain lines around it, wrapped ``_LABEL_WRAP`` characters a line, the first half
    above the grid and the rest below (a label column pdfplumber finds no lines for)."""

    merged: bool
    shifted: bool
    cut: bool = False
    apart: bool = False

    def write(self, table: Sequence[Sequence[str]]) -> list[str]:
        width = max(len(row) for row in table) + 2
        rows = []
        for row in table:
            cells = ["", *(cell.strip() for cell in row)]
            cells += [""] * (width - len(cells))
            values = [at for at, cell in enumerate(cells) if _GRID_VALUE.fullmatch(cell)]
            pair = next((at for at in values if at + 1 in values), None)
            if self.merged and pair is not None:
                cells[pair : pair + 2] = [f"{cells[pair]} {cells[pair + 1]}", ""]
                values.remove(pair + 1)
            if self.shifted and values and not cells[values[-1] + 1]:
                cells[values[-1] : values[-1] + 2] = ["", cells[values[-1]]]
            rows.append(cells)
        if self.apart:
            return [line for cells in rows for line in _values_apart(cells)]
        if self.cut:
            paired = [_two_a_cell(cells, width) for cells in rows]
            return [line for cells in paired for line in (*_grid_lines([cells]), "量")]
        return _grid_lines(rows)


#: How many characters of a label a line ``MarkitdownPageGrid.apart`` prints.
_LABEL_WRAP = 8


def _values_apart(cells: Sequence[str]) -> list[str]:
    """A row's values as a small grid between its label's pieces (``apart``), or its words
    a line each where it prints no value."""
    values = [cell for cell in cells if cell and all(map(is_value, cell.split()))]
    words = [cell for cell in cells if cell and cell not in values]
    if not values:
        return words
    label = "".join(words)
    pieces = [label[at : at + _LABEL_WRAP] for at in range(0, len(label), _LABEL_WRAP)]
    above = (len(pieces) + 1) // 2
    return [*pieces[:above], *_grid_lines([values]), *pieces[above:]]


def _two_a_cell(cells: Sequence[str], width: int) -> list[str]:
    """A row's texts two a cell after the margin's empty one, padded to ``width`` cells."""
    texts = [cell for cell in cells if cell]
    pairs = [" ".join(texts[at : at + 2]) for at in range(0, len(texts), 2)]
    return ["", *pairs, *[""] * (width - 1 - len(pairs))]


def _grid_lines(rows: Sequence[Sequence[str]]) -> list[str]:
    """``rows`` as one markitdown grid: each column padded to its widest text (at least
    three), the rule under the first line (``MarkitdownPageGrid``)."""
    widths = [max(3, *(len(cells[at]) for cells in rows)) for at in range(len(rows[0]))]
    lines = [
        "|" + "".join(f" {cell.ljust(size)} |" for cell, size in zip(cells, widths, strict=True))
        for cells in rows
    ]
    return [*lines[:1], "|" + "".join(f" {'-' * size} |" for size in widths), *lines[1:]]


def word_pdf_blocks(text: str, rng: Random) -> str:
    """``text`` (tab-separated) as plain ``pdftotext`` prints Word's PDF of it: each table
    cell a block of its own, an empty line after it, a blank cell nothing, and a form feed
    ending each page (here the one before section 三). Section 二's cells print their units
    (``PROACTIVE_UNITS``; a rise signed ``+`` where ``rng`` says), a narrow cell wrapping a
    count's unit onto a line of its own where ``rng`` says (``13`` / ``件``, else ``29 件``
    or ``4项``), each label two characters a line; and the blocks of a row come in an order
    ``rng`` draws where they differ in height, not the columns' (``13`` / ``件``, ``29 件``,
    ``12`` / ``件`` for 13件, 12件, 29件), as pdftotext orders a tall row's blocks by their
    places on the page (in the beds' Word PDFs, 6 of about 240 rows of section 二 printed a
    block a cell were out of their columns' order)."""
    plus = rng.random() < 0.5
    lines: list[str] = []
    for line in text.split("\n"):
        row = line.split("\t")
        if len(row) == 1:
            lines.append("\f" + line if line.startswith("三、") else line)
            continue
        columns = _proactive_columns(row)
        if columns is None:
            lines.extend(piece for cell in row if cell.strip() for piece in (cell.strip(), ""))
            continue
        label = row[0].strip()
        lines.extend((*(label[at : at + 2] for at in range(0, len(label), 2)), ""))
        blocks = []
        for cell, column in zip(row[1:], columns, strict=True):
            cell = cell.strip()
            if not cell:
                continue  # a blank cell prints nothing
            if plus and column in labels.SIGNED_COLUMNS and cell[:1].isdigit() and cell != "0":
                cell = "+" + cell
            unit = _with_unit(cell, column)[len(cell) :]
            forms = ([cell + unit], [cell, unit], [f"{cell} {unit}"]) if unit else ([cell],)
            blocks.append(rng.choice(forms))
        if len({len(block) for block in blocks}) > 1:
            rng.shuffle(blocks)
        lines.extend(piece for block in blocks for piece in (*block, ""))
    return "\n".join(lines)
