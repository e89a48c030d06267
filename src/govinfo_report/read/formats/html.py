"""HTML pages (the ``html`` extra: lxml): the body's text in document order, a block element
a line, each table as its real grid of tab-separated rows."""

from __future__ import annotations

import codecs
import re
from typing import TYPE_CHECKING

from ...diagnostics import Diagnostic, diagnostic
from ...errors import MissingDependencyError, ParseError, byte_position
from ...limits import MAX_CELLS_PER_ROW
from . import tables
from .base import Extracted
from .hiding import DOUBTFUL, HIDDEN, Visibility

if TYPE_CHECKING:
    from lxml.html import HtmlElement

#: Bytes searched for the page's own declaration of its encoding.
DECLARATION_BYTES = 4096
_DECLARED = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([-\w.:]+)"""
    rb"""|<\?xml[^>]*?encoding\s*=\s*["']([-\w.:]+)""",
    re.IGNORECASE,
)
#: Labels of the encodings read as GB18030, which contains each of them (the WHATWG
#: Encoding Standard's labels of GBK and GB18030, and Python's names of them).
_GB_LABELS = frozenset(
    {
        "chinese",
        "cp936",
        "csgb2312",
        "csiso58gb231280",
        "euc-cn",
        "gb18030",
        "gb2312",
        "gb_2312",
        "gb_2312-80",
        "gbk",
        "iso-ir-58",
        "ms936",
        "windows-936",
        "x-gbk",
    }
)

#: Elements whose start and end break the line.
_BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
#: Elements whose content is never text of the page.
_SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "title", "object", "iframe", "select", "textarea"}
)
#: Inside a table cell, a block boundary or ``<br>``: the lines of a cell are joined as
#: ``tables.join_lines`` joins them. A nested table's cells are separated by a space.
_JOIN, _NESTED = "\x00", "\x01"
#: Footnote marks and indices: a note beside a number, never digits of it.
_NOTES = {"sup": True, "sub": False}
_TABLE_PARTS = frozenset({"table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th"})
_SPAN = re.compile(r"\s*(\d+)")


def read(data: bytes | str) -> Extracted:
    """The text of an HTML page given as bytes (decoded as its declaration says, else as
    UTF-8, else as GB18030) or as text.

    Raises:
        MissingDependencyError: lxml is not installed.
        ParseError: the page is empty (``empty-input``) or decodes in none of those
            encodings (``not-text``).
    """
    try:
        import lxml.html
        from lxml import etree
    except ImportError:
        raise MissingDependencyError(
            "lxml is not installed: HTML pages need the html extra "
            "(pip install 'govinfo-report[html]')"
        ) from None
    found: tuple[Diagnostic, ...] = ()
    if isinstance(data, str):
        markup, encoding = data, "str"
    else:
        markup, encoding, found = decode(data)
    if not markup.strip():
        raise ParseError("the input is empty", code="empty-input")
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(markup.encode("utf-8", "surrogatepass"), parser=parser)
    except etree.ParserError:  # nothing but comments or white space
        raise ParseError("the input is empty", code="empty-input") from None
    body = next(root.iter("body"), root)  # a frameset page has none
    return Extracted("\n".join(_lines(body, Visibility(root))), encoding, found)


def decode(data: bytes) -> tuple[str, str, tuple[Diagnostic, ...]]:
    """A page's text, the encoding it was decoded with, and what went wrong on the way: the
    byte-order mark, else the declaration (``<meta charset>``, ``http-equiv`` content type,
    XML declaration) in the first ``DECLARATION_BYTES``, else UTF-8, else GB18030.

    Raises:
        ParseError: code ``not-text``, when no encoding decodes the page.
    """
    for mark, name in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(mark):
            return _decoded(data, [name], [])
    found: list[Diagnostic] = []
    match = _DECLARED.search(data, 0, DECLARATION_BYTES)
    tried = ["utf-8", "gb18030"]
    if match:
        declared = (match.group(1) or match.group(2)).decode("ascii").lower()
        try:
            name = "gb18030" if declared in _GB_LABELS else codecs.lookup(declared).name
        except LookupError:
            found.append(
                diagnostic(
                    "encoding-declared-wrong",
                    f"the page declares the unknown encoding {declared!r}",
                )
            )
        else:
            # Bytes that show the declaration in ASCII are not UTF-16 or UTF-32, whatever
            # they declare: browsers read them as UTF-8 then.
            name = "utf-8" if name.startswith(("utf-16", "utf-32")) else name
            tried = [name, *(other for other in tried if other != name)]
    return _decoded(data, tried, found, declared=bool(match) and not found)


def _decoded(
    data: bytes, names: list[str], found: list[Diagnostic], declared: bool = False
) -> tuple[str, str, tuple[Diagnostic, ...]]:
    """``data`` decoded with the first of ``names`` that decodes it all; the first is the
    declared encoding when ``declared``."""
    failures: list[UnicodeDecodeError] = []
    for name in names:
        try:
            text = data.decode("utf-8-sig" if name == "utf-8" else name)
        except UnicodeDecodeError as error:
            failures.append(error)
            continue
        if failures and declared:
            found.append(
                diagnostic(
                    "encoding-declared-wrong",
                    f"the page declares {names[0]}, but its bytes are "
                    f"not {names[0]} (byte {failures[0].start}); it was decoded as {name}",
                )
            )
        elif name == "gb18030" and names[0] != "gb18030":
            found.append(
                diagnostic("encoding-gb18030", "the input is not UTF-8; it was decoded as GB18030")
            )
        return text, name, tuple(found)
    last = max(failures, key=lambda error: error.start)
    line, column, shown = byte_position(data, last.start, last.encoding)
    raise ParseError(
        f"the page is not {', '.join(names)} text",
        code="not-text",
        line=line,
        column=column,
        text=shown,
    )


class _Lines:
    """Lines of text being written: inline text gathers until a block boundary ends it."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._parts: list[str] = []

    def text(self, text: str | None) -> None:
        if text:
            self._parts.append(text)

    def end(self) -> None:
        line = tables.clean(tables.apart("".join(self._parts)))
        if line:
            self.lines.append(line)
        self._parts.clear()


def _lines(body: HtmlElement, seen: Visibility) -> list[str]:
    """The lines of ``body``: a block element or ``<br>`` ends a line, a table gives its
    tab-separated rows, preformatted text keeps its lines and spaces. A table of a single
    column lays a page out: its cells are read as blocks of the page. Hidden text is left
    out (``seen``)."""
    from lxml import etree

    out = _Lines()
    doubtful: list[bool] = []  # of each open element: its boundaries part digits
    walk = etree.iterwalk(body, events=("start", "end"))
    for event, element in walk:
        tag = element.tag
        if event == "start":
            verdict = seen.of(element)
            doubtful.append(verdict == DOUBTFUL and tag not in _BLOCKS)
            if tag in _SKIPPED or verdict == HIDDEN:
                walk.skip_subtree()
                continue
            if tag in _NOTES:
                out.text(tables.note(_visible_text(element, seen), _NOTES[tag]))
                walk.skip_subtree()
                continue
            if tag == "pre":
                out.end()
                out.lines.extend(line.rstrip() for line in _flat_text(element).splitlines())
                walk.skip_subtree()
                continue
            if tag == "table" and (grid := _grid(element, seen)) is not None:
                out.end()
                out.lines.extend(tables.tab_lines(grid))
                walk.skip_subtree()
                continue
            if tag in _BLOCKS or tag == "br":
                out.end()
            out.text(tables.APART if doubtful[-1] else None)
            out.text(element.text)
        else:
            if tag in _BLOCKS:
                out.end()
            out.text(tables.APART if doubtful.pop() else None)
            if element is not body:
                out.text(element.tail)
    out.end()
    return out.lines


def _grid(table: HtmlElement, seen: Visibility) -> list[list[str]] | None:
    """The grid of a table (``None`` for a layout table of one column): its header rows,
    body rows and footer rows in that order, each cell with its spans; a cell spans rows of
    its own group only (``thead``, ``tbody``, ``tfoot``, or rows outside any)."""
    groups: dict[str, list[list[HtmlElement]]] = {"thead": [], "tbody": [], "tfoot": []}
    loose: list[HtmlElement] | None = None
    for child in table:
        if seen.hidden(child):
            continue
        if child.tag == "tr":
            if loose is None:
                loose = []
                groups["tbody"].append(loose)
            loose.append(child)
        elif child.tag in groups:
            groups[child.tag].append(
                [row for row in child if row.tag == "tr" and not seen.hidden(row)]
            )
            loose = None
    cells = [
        [
            [cell for cell in row if cell.tag in ("td", "th") and not seen.hidden(cell)]
            for row in group
        ]
        for kind in groups.values()
        for group in kind
    ]
    if all(len(row) <= 1 for group in cells for row in group):
        return None
    return tables.spread(
        [
            [
                [
                    (
                        _cell_text(cell, seen),
                        _span(cell, "rowspan", len(group)),
                        _span(cell, "colspan", MAX_CELLS_PER_ROW),
                    )
                    for cell in row
                ]
                for row in group
            ]
            for group in cells
        ]
    )


def _span(cell: HtmlElement, name: str, most: int) -> int:
    """A ``rowspan``/``colspan`` as browsers read it: its leading digits, 1 when absent or 0,
    at most ``most``."""
    match = _SPAN.match(cell.get(name) or "")
    return min(max(int(match.group(1)), 1), most) if match else 1


def _visible_text(element: HtmlElement, seen: Visibility) -> str:
    """The text of ``element`` and its descendants that are not hidden."""
    parts = [element.text or ""]
    for child in element:
        if child.tag not in _SKIPPED and not seen.hidden(child):
            parts.append(_visible_text(child, seen))
        parts.append(child.tail or "")
    return "".join(parts)


def _cell_text(cell: HtmlElement, seen: Visibility) -> str:
    """A cell's text on one line: the lines of ``<br>`` and blocks joined as
    ``tables.join_lines`` joins them, a nested table's cells by a space, a superscript or
    subscript a note (``tables.note``), hidden elements left out (``seen``), the boundary
    of a doubtful one a space between digits, white space collapsed."""
    from lxml import etree

    parts: list[str] = []
    doubtful: list[bool] = []
    walk = etree.iterwalk(cell, events=("start", "end"))
    for event, element in walk:
        if element is cell:
            if event == "start":
                parts.append(element.text or "")
            continue
        tag = element.tag
        if event == "start":
            verdict = seen.of(element)
            apart = verdict == DOUBTFUL and tag not in _BLOCKS and tag not in _TABLE_PARTS
            doubtful.append(apart)
        if event == "start" and (tag in _SKIPPED or verdict == HIDDEN):
            walk.skip_subtree()
        elif event == "start" and tag in _NOTES:
            parts.append(tables.note(_visible_text(element, seen), _NOTES[tag]))
            walk.skip_subtree()
        elif event == "start":
            parts.append(
                _NESTED if tag in _TABLE_PARTS else _JOIN if tag == "br" or tag in _BLOCKS else ""
            )
            parts.append((tables.APART if apart else "") + (element.text or ""))
        else:
            parts.append(tables.APART if doubtful.pop() else "")
            parts.append((_NESTED if tag == "table" else "") + (element.tail or ""))
    lines = tables.apart("".join(parts)).replace(_NESTED, " ").split(_JOIN)
    return tables.clean(tables.join_lines(lines))


def _flat_text(element: HtmlElement) -> str:
    """The text of ``element`` as written, ``<br>`` a line break (preformatted text)."""
    for line_break in element.iter("br"):
        line_break.tail = "\n" + (line_break.tail or "")
    return "".join(element.itertext())
