"""Source stage: bytes or text in, normalised lines out, positions preserved.

Every normalisation here maps one character to one character, so a (line, column) in the
normalised text is the same (line, column) in the decoded input: no position map is needed.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs

from ..cells import is_value
from ..diagnostics import Diagnostic, diagnostic
from ..errors import MissingDependencyError, ParseError, byte_position
from ..escape import starts as display_starts
from ..escape import width as display_width
from ..fold import fold, no_break_spaces
from ..limits import MAX_BYTES
from . import bounded, formats
from .documents import ARCHIVE_SUFFIXES, CONVERT_HINT, KINDS

#: Blank cells that end a line of cells (``_unpadded``), found by their first tab: a literal
#: a search skips to, where a pattern starting with the spaces before it is tried at every
#: character of the text.
_PADDING = re.compile(r"\t[ \t]*+$", re.MULTILINE)
#: The spaces that end a line, where a tool pads every line with them (``_trimmed``), and
#: the share of a text's lines that end in one then, at least.
_LINE_END_SPACES = re.compile(r" ++$", re.MULTILINE)
_PADDED_LINES = 0.9

#: A cell of a no-break space between tabs with a cell of text after it on its line (a
#: page's ``&nbsp;`` in a blank cell inside a row), or with another such cell right after it
#: (a row's blank cells, ``&nbsp;`` each): what no padding prints (tabs and spaces, and one
#: stray ``&nbsp;`` at most after them, at the line's end).
_BLANK_CELL = re.compile(r"\t\u00a0\t(?:(?=[^\n]*\S)|\u00a0(?![^\t\r\n]))")

#: Tika writes Word bookmarks into the text; they are blanked, keeping columns.
_ARTEFACT = re.compile(r"\[bookmark: [^\]\n]*\]")

#: Text that opens with markup like this is an HTML page (saved as ``.txt``, or given as a
#: string): searched for in its first ``_MARKUP_CHARS`` characters when it starts with ``<``.
_MARKUP = re.compile(rb"<(?:!doctype\s+html|html|head|body|table)\b", re.IGNORECASE)
_MARKUP_CHARS = 4096

#: Bytes that open a PDF file (within its first KiB, as PDF readers allow), a zip archive,
#: and an OLE2 compound file (a Word 97-2003 .doc, a WPS .wps).
_PDF = b"%PDF-"
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: A ``str`` this long or longer, or with a line break, is text, never a file's name.
_PATH_CHARS = 4096

#: C0 controls other than tab, newline and carriage return mark binary input.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: Those controls one by one: a text holds none as a rule, which a search for each (at
#: ``memchr``'s speed) shows in a third of the instructions ``_CONTROL`` takes to scan it.
_CONTROLS = tuple(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)]))
_MAX_CONTROL_SHARE = 0.01


@attrs.frozen
class Source:
    """A decoded, normalised document.

    Attributes:
        lines: the normalised lines (no line terminators); line ``n`` is ``lines[n - 1]``.
        encoding: the encoding the bytes were decoded with (``"str"`` for text input; an
            HTML page's charset; ``"docx"`` or ``"pdf"`` for those documents).
        name: the file name, when read from a path.
        diagnostics: findings made while decoding.
        scan: for a PDF whose scanned pages were read by OCR, what OCR read (the reads of
            their table cells, placed in ``lines``).
        no_breaks: where the text as given held a no-break space (``fold.no_break_spaces``:
            0-based line and column in ``lines``), which ``lines`` print as a plain space.
    """

    lines: tuple[str, ...]
    encoding: str
    name: str | None = None
    diagnostics: tuple[Diagnostic, ...] = ()
    scan: formats.Scan | None = None
    no_breaks: frozenset[tuple[int, int]] = frozenset()


def read(
    source: str | bytes | os.PathLike[str],
    format: str | None = None,
    max_bytes: int | None = MAX_BYTES,
    ocr: bool = False,
) -> Source:
    """Decode and normalise ``source``: text (``str``), raw bytes, or a path to a file, of at
    most ``max_bytes`` (a file larger on disk is not read; ``None``: no limit); with ``ocr``,
    the scanned pages of a PDF are read by OCR.

    A path whose suffix names a document format (``.html``/``.htm``/``.xhtml``, ``.docx``,
    ``.pdf``), or any source with ``format`` (``"html"``, ``"docx"``, ``"pdf"``, or
    ``"text"`` to read a file as text whatever its suffix), is extracted to text first (see
    ``formats``); ``str`` is text, or HTML markup with ``format="html"``.

    Raises:
        ParseError: the input is empty, binary, not decodable as UTF-8 or GB18030, a
            document that cannot be read (``unreadable``), or over ``max_bytes``
            (``too-large``).
        OSError: the file cannot be read.
        MissingDependencyError: the document format's extra is not installed.
        ValueError: ``format`` is not a known format.
        TypeError: ``source`` is none of the three kinds, or ``str`` given as a DOCX or PDF.
    """
    formats.check(format)
    if isinstance(source, os.PathLike):
        path = Path(source)
        data = bounded.read_file(os.fspath(path), os.fspath(path), max_bytes)
        kind = format or formats.kind_of(path.name)
        return _from_bytes(data, path.name, kind, max_bytes, ocr)
    if isinstance(source, bytes | bytearray | memoryview):
        bounded.check_size(bytes(source), "the input", max_bytes)
        return _from_bytes(bytes(source), None, format, max_bytes, ocr)
    if isinstance(source, str):
        bounded.check_size(source, "the input", max_bytes)
        refuse_path(source)
        if format is None and is_markup(source[:_MARKUP_CHARS].encode("utf-8", "replace")):
            return _markup(source, None) or _from_text(
                source, "str", None, _NOT_READ_AS_HTML, padded=True
            )
        if format in (None, "text"):
            return _from_text(source, "str", None, (), padded=True, tables=format is None)
        if format == "html":
            return _extracted(formats.html.read(source), None)
        raise TypeError(f"a {format} document is bytes or a path, not str")
    raise TypeError(f"cannot read a report from {type(source).__name__}")


def refuse_path(text: str) -> None:
    """Raise ``ParseError`` (code ``path-as-text``) when ``text``, given as a report's text,
    is the name of an existing file: one short line (a report's text is never that). A
    ``str`` is text; a file is read from a ``pathlib.Path``."""
    if len(text) >= _PATH_CHARS or "\n" in text or "\r" in text:
        return
    try:
        exists = os.path.isfile(text)
    except (OSError, ValueError):  # a NUL, or a name too long for the system
        return
    if exists:
        raise ParseError(
            f"{text!r} is a string, read as a report's text, and names a file: to read the "
            f"file, pass a path (gr.parse(Path({text!r})))",
            code="path-as-text",
        )


def looks_like_path(lines: Sequence[str]) -> bool:
    """Whether text of ``lines`` looks like a file's name: one short line ending with a
    document's suffix (``.txt``, ``.html``, …, an archive's)."""
    return (
        len(lines) == 1
        and len(lines[0]) < _PATH_CHARS
        and lines[0].strip().lower().endswith((*KINDS, *ARCHIVE_SUFFIXES, ".jsonl"))
    )


def sniff(data: bytes) -> str | None:
    """The document format that ``data`` opens as: ``pdf`` (``%PDF-`` in its first KiB),
    ``docx`` (a zip archive holding ``word/document.xml``), ``html`` (markup, see
    ``is_markup``), else ``None`` (text).

    Raises:
        ParseError: code ``unreadable``, for a Word 97-2003 or WPS document (an OLE2 file),
            with how to convert it.
    """
    if _PDF in data[:1024]:
        return "pdf"
    if data.startswith(_ZIP) and _holds(data, "word/document.xml"):
        return "docx"
    if data.startswith(_OLE):
        raise ParseError(
            f"a Word 97-2003 (.doc) or WPS (.wps) document is not read: {CONVERT_HINT}",
            code="unreadable",
        )
    return "html" if is_markup(data[: _MARKUP_CHARS * 4]) else None


def _holds(data: bytes, member: str) -> bool:
    """Whether the zip archive ``data`` has a member named ``member``."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            archive.getinfo(member)
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False
    return True


def _extracted(document: formats.Extracted, name: str | None) -> Source:
    text = _from_text(document.text, document.encoding, name, document.diagnostics)
    return text if document.scan is None else attrs.evolve(text, scan=document.scan)


def is_markup(head: bytes) -> bool:
    """Whether a document opening with ``head`` is an HTML page: it starts (after white space
    and a byte-order mark) with ``<`` and names ``<html>``, ``<head>``, ``<body>``, a
    ``<table>`` or an HTML doctype early on."""
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    return start[:1] == b"<" and _MARKUP.search(start, 0, _MARKUP_CHARS) is not None


_NOT_READ_AS_HTML = (
    diagnostic(
        "markup-in-text",
        "the text is HTML markup (a web page saved as text?), read as plain text because lxml "
        "is not installed: install the html extra (pip install 'govinfo-report[html]') to "
        "read it as a page",
    ),
)


def _markup(page: bytes | str, name: str | None) -> Source | None:
    """The HTML page ``page``, found in text, read as a page with a diagnostic saying so;
    ``None`` when the html extra is not installed."""
    try:
        document = formats.html.read(page)
    except MissingDependencyError:
        return None
    said = diagnostic(
        "markup-read-as-html",
        "the text is HTML markup (a web page saved as text?); it was read as an HTML page: "
        "lines and columns are those of the page's text (extract_text)",
    )
    return _from_text(document.text, document.encoding, name, (said, *document.diagnostics))


def _from_bytes(
    data: bytes, name: str | None, kind: str | None, max_bytes: int | None, ocr: bool = False
) -> Source:
    sniffed = sniff(data) if kind is None else None
    if sniffed in ("pdf", "docx"):
        kind = sniffed
    if kind is not None and kind != "text":
        return _extracted(formats.read(data, kind, max_bytes=max_bytes, ocr=ocr), name)
    if not data.strip():
        raise ParseError("the input is empty", code="empty-input")
    encoding = "utf-8"
    found: tuple[Diagnostic, ...] = ()
    if sniffed == "html":
        page = _markup(data, name)
        if page is not None:
            return page
        found = _NOT_READ_AS_HTML
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif b"\x00" in data:
        line, column, shown = byte_position(data, data.index(b"\x00"))
        raise ParseError(
            "the input is binary, not text (it contains NUL bytes)",
            code="not-text",
            line=line,
            column=column,
            text=shown,
        )
    try:
        text = data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as gb_error:
            utf8_first = utf8_error.start >= gb_error.start
            line, column, shown = byte_position(
                data, max(utf8_error.start, gb_error.start), "utf-8" if utf8_first else "gb18030"
            )
            raise ParseError(
                "the input is neither UTF-8 nor GB18030 text",
                code="not-text",
                line=line,
                column=column,
                text=shown,
            ) from None
        encoding = "gb18030"
        found = (
            *found,
            diagnostic("encoding-gb18030", "the input is not UTF-8; it was decoded as GB18030"),
        )
    return _from_text(text, encoding, name, found, padded=True, tables=kind is None)


def _unpadded(
    text: str,
    no_breaks: frozenset[tuple[int, int]] = frozenset(),
    whole: frozenset[int] = frozenset(),
    shown: bool = False,
) -> str:
    """``text`` with the blank cells that end a row of values dropped: tools that print a
    table as text (Word, PDF) pad a ragged table's rows with tabs and spaces, so a blank
    cell after a row's last value cannot be told from padding (a blank cell inside the row
    is one the report left blank). The tables of a document this package reads keep every
    cell (``formats.tables``), as do the lines of ``whole`` (0-based: the HTML tables in
    the text, ``_html_tables``); a line ending in a label keeps its tabs (a table's line),
    and so does a line of tabs and spaces alone. So does a line whose every cell after its
    last value holds a no-break space (``no_breaks``), where the text prints a blank cell
    so where no padding could (``shown``, ``_BLANK_CELL``: inside a row, or two side by
    side, a row's last blank cells among them; a page's ``&nbsp;``, python-docx's
    ``cell.text`` of it), or where the line is as wide as the grid a line above it shows
    (``_as_wide_as_its_grid``): cells printed blank, as no tool pads a row. An empty cell
    among them may be a tool's padding, after which a stray ``&nbsp;`` would make a row
    that lost a value look whole: such a line is unpadded as any other, and so is a row's
    one last ``&nbsp;`` in a text that shows neither."""
    kept: list[str] = []
    done = 0
    newlines = _newlines(text) if no_breaks or whole else []
    for padding in _PADDING.finditer(text):
        start = padding.start()
        while start and text[start - 1] in " \t":
            start -= 1
        if not start or text[start - 1].isspace():
            continue
        if whole and bisect_left(newlines, start) in whole:
            continue
        if (
            no_breaks
            and _printed_blank(text, newlines, no_breaks, start, padding.end())
            and (shown or _as_wide_as_its_grid(text, newlines, start))
        ):
            continue
        last = text[max(text.rfind("\t", 0, start), text.rfind("\n", 0, start)) + 1 : start]
        if is_value(last.strip()):
            kept.append(text[done:start])
            done = padding.end()
    kept.append(text[done:])
    return "".join(kept)


def _trimmed(text: str) -> str:
    """``text`` (its newlines ``\\n``) without the spaces that end its lines, where nearly
    every line ends in one (``_PADDED_LINES``): a tool that lays a page out as text
    (pdfplumber's ``extract_text(layout=True)``) pads every line, an empty one too, with
    spaces to the page's width, which would make a heading as long as prose (``skeleton``)
    and an empty line a line of spaces, a cell printed blank in text that prints one so (a
    page's text, ``layouts.cell_per_line``: there, most lines end in none). Text that pads
    fewer lines is left as it is. A line as wide as the page needs no padding
    (``_page_wide``): a box grid drawn to the page's edge ends in its ``|`` on every row."""
    lines = text.count("\n") + 1
    ends = text.count(" \n") + text.endswith(" ")
    if ends < _PADDED_LINES * lines and (
        2 * ends < lines or ends + _page_wide(text) < _PADDED_LINES * lines
    ):
        return text
    return _LINE_END_SPACES.sub("", text)


def _page_wide(text: str) -> int:
    """How many of ``text``'s lines end in no space and are at least as long as the
    longest line that does: the page's width, which a tool padding lines to it leaves as
    they are."""
    lines = text.split("\n")
    width = max((len(line) for line in lines if line.endswith(" ")), default=0)
    return sum(1 for line in lines if len(line) >= width and not line.endswith(" "))


def _newlines(text: str) -> list[int]:
    """Where ``text``'s newlines are."""
    return [found.start() for found in re.finditer("\n", text)]


def _as_wide_as_its_grid(text: str, newlines: list[int], start: int) -> bool:
    """Whether the line holding ``start`` (one of ``text``'s, ``newlines`` its newlines) has
    as many cells as the nearest line above it that prints one text, no value, in each of
    three cells or more: a merged cell printed once per grid column (python-docx's
    ``row.cells``: an article line over section 二's sub-table), which shows the grid's
    width and a tool that prints each row's every cell, where tools that pad rows print a
    merged cell once."""
    line = bisect_left(newlines, start)
    end = newlines[line] if line < len(newlines) else len(text)
    width = text.count("\t", newlines[line - 1] + 1 if line else 0, end) + 1
    for above in range(line - 1, -1, -1):
        cells = text[newlines[above - 1] + 1 if above else 0 : newlines[above]].split("\t")
        first = cells[0].strip()
        if (
            len(cells) >= 3
            and first
            and not is_value(first)
            and all(cell.strip() == first for cell in cells)
        ):
            return len(cells) == width
    return False


def _printed_blank(
    text: str, newlines: list[int], no_breaks: frozenset[tuple[int, int]], start: int, end: int
) -> bool:
    """Whether every cell of ``text[start:end]``, the end of one line (``newlines``: the
    text's) from its last value on, held a no-break space (``no_breaks``: 0-based line and
    column): each a cell printed blank."""
    line = bisect_left(newlines, start)
    begins = newlines[line - 1] + 1 if line else 0
    at = start
    for cell in text[start:end].split("\t")[1:]:
        at += 1  # the tab before the cell
        columns = range(at - begins, at - begins + len(cell))
        if not any((line, column) in no_breaks for column in columns):
            return False
        at += len(cell)
    return True


#: An HTML table inside text: pandoc's Markdown and GFM write a table their pipes cannot draw
#: (merged cells, paragraphs in a cell) as raw HTML. Not nested (pandoc never nests one).
_MARKUP_IN_TEXT = re.compile(r"<(?:table|span|div|p|font)\b|\]\{|^:::", re.IGNORECASE | re.M)
#: An inline or block tag of a page's text in Markdown (pandoc's GFM keeps a Word page's
#: ``<span style=…>`` runs and ``<div>``s as raw HTML, its attributes over several lines).
_TAG = re.compile(
    r"</?(?:span|font|div|p|o:p|br|a|b|strong|em|i|u|sup|sub|center)\b[^<>]{0,4000}>",
    re.IGNORECASE,
)
#: An HTML table's start and end tags (its first end after its start closes it).
_OPEN = re.compile(r"<table\b", re.IGNORECASE)
_CLOSE = re.compile(r"</table\s*>", re.IGNORECASE)


def _table_spans(text: str) -> Iterator[tuple[int, int]]:
    """The spans of ``text``'s HTML tables that hold no other table's start tag (of nested
    tables, the innermost): each from a ``<table`` to the first ``</table>`` after it with no
    ``<table`` between, left to right, none overlapping. (The pattern
    ``<table\\b(?:(?!<table\\b).)*?</table\\s*>`` finds the same, testing each character
    of a table's 100,000 of a Word page's styles: 60 M instructions on pandoc's GFM.)"""
    opens = [found.start() for found in _OPEN.finditer(text)]
    done = 0
    close = None  # the first end tag after the last start tried
    for index, start in enumerate(opens):
        if start < done:
            continue
        if close is None or close.start() < start + len("<table"):
            close = _CLOSE.search(text, start + len("<table"))
            if close is None:
                return
        if index + 1 == len(opens) or close.start() < opens[index + 1]:
            yield start, close.end()
            done = close.end()


def _html_tables(
    text: str, found: tuple[Diagnostic, ...]
) -> tuple[str, tuple[Diagnostic, ...], frozenset[int]]:
    """``text`` with each HTML table in it written as a page's table is (a row a line, its
    cells apart by tabs, merged cells resolved: ``formats.html``), followed by as many empty
    lines as keep the lines after it where they were, and the lines (0-based) of those
    tables, every cell of which is the page's; ``text`` as it is without the html extra."""
    pieces: list[str] = []
    done = 0
    line = 0  # the line the next piece starts on
    rows: set[int] = set()
    for start, end in _table_spans(text):
        markup = text[start:end]
        try:
            table = formats.html.read(markup).text.strip("\n")
        except MissingDependencyError:
            return text, found, frozenset()
        lines = markup.count("\n")
        before = text[done:start]
        line += before.count("\n")
        rows.update(range(line, line + table.count("\n") + 1))
        filler = "\n" * max(0, lines - table.count("\n"))
        line += table.count("\n") + len(filler)
        pieces += [before, table, filler]
        done = end
    if not pieces:
        return text, found, frozenset()
    said = diagnostic(
        "html-table-in-text",
        f"the text holds {len(pieces) // 3} HTML table(s) (pandoc's Markdown writes a table "
        "with merged cells so); each was read as a page's table, a row a line: lines and "
        "columns inside it are those of its rows",
    )
    return "".join([*pieces, text[done:]]), (*found, said), frozenset(rows)


#: A pandoc Markdown span with attributes: ``[text]{style="…"}``, its text kept.
#: Never across a table's pipes: a grid's cell that wraps its attributes is no span of text.
_ATTRIBUTES = re.compile(r"\[(?P<text>[^\[\]|]{0,4000})\]\{[^{}|]{0,4000}\}")
#: A pandoc Markdown fenced div's line: ``::: {.article_content}``, ``:::``.
_FENCE = re.compile(r"^:{3,}(?: *\{[^{}\n]*\}| *[\w-]+)? *$", re.MULTILINE)


#: A grid table (pandoc's Markdown): its rules ``+----+====+`` and its lines ``| … | … |``.
_GRID = re.compile(r"^[ \t]*\+(?:[-=:]+\+)+[ \t]*\n(?:[ \t]*[|+].*[|+][ \t]*(?:\n|$))+", re.M)
_GRID_RULE = re.compile(r"[ \t]*\+(?:[-=:]+\+)+[ \t]*")
#: A span of a grid's cell, its text and attributes wrapped over the cell's lines, and the
#: cell's text ends at a line's end, its attributes starting on the next line (``[规章]`` /
#: ``{style="…"}``).
_CELL_ATTRIBUTES = re.compile(r"\[(?P<text>[^\[\]]{0,4000})\]\n?\{[^{}]{0,4000}\}")


def _grid_spans(text: str) -> str:
    """``text`` with the spans in its grid tables' cells unwrapped (``_grid_cells``)."""
    return _GRID.sub(lambda found: _grid_cells(found.group()), text)


def _grid_cells(grid: str) -> str:
    """A grid table of pandoc's Markdown with its cells' spans ``[text]{style="…"}`` left as
    their text. pandoc wraps a span's attributes over the lines of its cell, broken anywhere
    (``style="font-fam`` / ``ily:仿宋_GB2312``), so no span is whole on a line: each cell's
    lines are joined, its spans replaced by their text (whose own line breaks are kept, as
    pandoc wrapped it: ``[行`` / ``政事业性收费]{``); the lines the attributes took follow
    the grid as empty lines, so that the lines after it keep their numbers. A column keeps its
    width, or that of its widest text. The grid as it is where a line's bars do not match
    its rules' (a merged cell) or where no cell holds a span."""
    lines = grid.split("\n")
    end = "\n" if lines[-1] == "" else ""
    lines = lines[:-1] if end else lines
    first = lines[0]
    indent = first[: len(first) - len(first.lstrip())]
    columns = first.strip().count("+") - 1
    widths = [len(piece) - 2 for piece in first.strip()[1:-1].split("+")]
    rows: list[list[list[str]]] = []  # a row's lines, each its cells' texts; [] a rule
    block: list[list[str]] = []
    for line in lines:
        if _GRID_RULE.fullmatch(line):
            if block:
                rows.append(block)
            rows.append([])
            block = []
            continue
        cells = line.strip()[1:-1].split("|")
        if len(cells) != columns or not line.strip().startswith("|"):
            return grid  # a merged cell, or no line of a grid
        block.append(
            [cell[1:].rstrip() if cell.startswith(" ") else cell.rstrip() for cell in cells]
        )
    changed = False
    written: list[list[list[str]]] = []
    for block in rows:
        if not block:
            written.append([])
            continue
        texts = []
        for at in range(columns):
            joined = "\n".join(line[at] for line in block)
            kept = _CELL_ATTRIBUTES.sub(lambda found: found["text"], joined)
            changed = changed or kept != joined
            texts.append(kept.rstrip().split("\n"))
        height = max(map(len, texts))
        lines_of = [[*cell, *[""] * (height - len(cell))] for cell in texts]
        written.append([list(line) for line in zip(*lines_of, strict=True)])
    if not changed:
        return grid
    for block in written:
        for texts_of_line in block:
            for at, cell in enumerate(texts_of_line):
                widths[at] = max(widths[at], display_width(cell))
    out = []
    rules = iter(line for line in lines if _GRID_RULE.fullmatch(line))
    for block in written:
        if not block:
            fill = "=" if "=" in next(rules) else "-"
            out.append(indent + "+" + "+".join(fill * (width + 2) for width in widths) + "+")
            continue
        out += [
            indent
            + "|"
            + "|".join(
                f" {cell}{' ' * (width - display_width(cell))} "
                for cell, width in zip(texts_of_line, widths, strict=True)
            )
            + "|"
            for texts_of_line in block
        ]
    return "\n".join(out) + "\n" * (len(lines) - len(out)) + end


#: A simple table's rule (pandoc's Markdown): a run of dashes over each column, one space
#: apart; the rows that follow it, a line each, up to a rule or an empty line.
_SIMPLE = re.compile(r"^([ \t]*-{3,}(?: -{3,})+)[ \t]*\n((?:[ \t]*[^ \t\n].*(?:\n|$))+)", re.M)
_SIMPLE_RULE = re.compile(r"[ \t]*-{3,}(?: -{3,})*[ \t]*")
#: A span whole on a line: ``[text]{style="…"}``.
_LINE_ATTRIBUTES = re.compile(r"\[(?P<text>[^\[\]\n]{0,4000})\]\{[^{}\n]{0,4000}\}")


def _simple_spans(text: str) -> str:
    """``text`` with the spans in its simple tables' cells unwrapped (``_simple_cells``)."""
    return _SIMPLE.sub(lambda found: _simple_cells(found[1], found[2]), text)


def _simple_cells(rule: str, rows: str) -> str:
    """The rows under a simple table's ``rule`` (pandoc's Markdown) with their cells' spans
    ``[text]{style="…"}`` left as their text. pandoc measures a column by its widest cell,
    attributes and all, so once they are gone the column cannot be told from where a text
    stands on its line: each row is cut at the rule's runs of dashes (in display columns),
    each cell's spans replaced by their text, and the rows laid out again, each column two
    spaces past the one before, as wide as its widest text. The rows as they are where a
    line prints something between two columns or where no cell holds a span; the rows end
    at a rule (a headerless table's last) or an empty line."""
    spans = [found.span() for found in re.finditer(r"-+", rule)]
    indent = rule[: len(rule) - len(rule.lstrip())]
    lines = rows.split("\n")
    end = next(
        (
            at
            for at, line in enumerate(lines)
            if not line.strip(" \t") or _SIMPLE_RULE.fullmatch(line)
        ),
        len(lines),
    )
    table: list[list[str]] = []
    changed = False
    for line in lines[:end]:
        places = display_starts(line)
        cells = []
        done = 0  # the characters up to the last column's end
        for start, stop in spans:
            first = bisect_left(places, start, done)
            past = bisect_left(places, stop, first)
            if not _blank(line[done:first]):
                return f"{rule}\n{rows}"  # text between two columns
            cells.append(line[first:past])
            done = past
        if not _blank(line[done:]):
            return f"{rule}\n{rows}"  # text past the last column
        kept = [_LINE_ATTRIBUTES.sub(lambda found: found["text"], cell).strip() for cell in cells]
        changed = changed or kept != [cell.strip() for cell in cells]
        table.append(kept)
    if not changed:
        return f"{rule}\n{rows}"
    widths = [max(3, *(display_width(row[at]) for row in table)) for at in range(len(spans))]
    ruled = indent + "  ".join("-" * width for width in widths)
    laid = [
        indent
        + "  ".join(
            cell + " " * (width - display_width(cell))
            for cell, width in zip(row, widths, strict=True)
        ).rstrip()
        for row in table
    ]
    after = lines[end:]
    if after and _SIMPLE_RULE.fullmatch(after[0]):
        after[0] = ruled
    return "\n".join([ruled, *laid, *after])


def _blank(text: str) -> bool:
    """Whether ``text`` is empty or spaces alone."""
    return not text or text.isspace()


def _may_hold_markup(text: str) -> bool:
    """Whether ``text`` holds what markup starts with, found at C speed (most texts hold
    none, and a case-blind pattern is slow to scan them)."""
    return "<" in text or "]{" in text or ":::" in text


def _untagged(text: str) -> str:
    """``text`` without the HTML tags of its runs and blocks (``_TAG``) and pandoc's
    attributes (``[…]{style=…}``, ``::: {.class}``), each replaced by the line breaks inside
    it, so that the lines after it keep their numbers and a heading in a ``<span>`` starts
    its line."""
    text = _TAG.sub(_breaks, text)
    if "]{" in text and "+-" in text:
        text = _grid_spans(text)
    if "]{" in text and "--- ---" in text:
        text = _simple_spans(text)
    if "]{" in text or ":::" in text:
        text = _ATTRIBUTES.sub(lambda found: found["text"] + _breaks(found, found["text"]), text)
        text = _FENCE.sub("", text)
    return text


def _breaks(found: re.Match[str], kept: str = "") -> str:
    """The line breaks of ``found`` that its ``kept`` text does not hold."""
    return "\n" * (found.group().count("\n") - kept.count("\n"))


def _from_text(
    text: str,
    encoding: str,
    name: str | None,
    found: tuple[Diagnostic, ...],
    padded: bool = False,
    tables: bool = False,
) -> Source:
    """The ``Source`` of ``text``; ``padded``: text as tools print it (not a document this
    package read), whose empty cells at a row's end are dropped (``_PADDING``); ``tables``:
    its HTML tables read as a page's (``_html_tables``)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    whole: frozenset[int] = frozenset()
    if tables and _may_hold_markup(text) and _MARKUP_IN_TEXT.search(text) is not None:
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # lines as counted below
        text, found, whole = _html_tables(text, found)
        text = _untagged(text)
    if not text.strip():
        raise ParseError("the input is empty", code="empty-input")
    controls = (
        len(_CONTROL.findall(text, 0, 65536)) if any(map(text.__contains__, _CONTROLS)) else 0
    )
    if controls > _MAX_CONTROL_SHARE * min(len(text), 65536):
        first = _CONTROL.search(text)
        assert first is not None
        start = text.rfind("\n", 0, first.start()) + 1
        end = text.find("\n", first.start())
        raise ParseError(
            "the input is binary, not text (it is full of control characters)",
            code="not-text",
            line=text.count("\n", 0, first.start()) + 1,
            column=first.start() - start + 1,
            text=text[start : end if end >= 0 else len(text)],
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if padded:
        text = _trimmed(text)
    no_breaks = no_break_spaces(text)
    # A cell of a no-break space (a page's ``&nbsp;``), and such cells where no padding
    # prints them: the text prints blank cells so.
    nbsp_cells = "\t\u00a0" in text
    blanks_shown = nbsp_cells and _BLANK_CELL.search(text) is not None
    text = fold(text)
    if "[bookmark:" in text:
        text = _ARTEFACT.sub(lambda m: " " * len(m.group()), text)
    if not text.strip():  # only zero-width spaces, BOMs or bookmarks
        raise ParseError("the input is empty", code="empty-input")
    if padded and "\t" in text:
        text = _unpadded(text, no_breaks if nbsp_cells else frozenset(), whole, blanks_shown)
    return Source(tuple(text.split("\n")), encoding, name, found, no_breaks=no_breaks)
