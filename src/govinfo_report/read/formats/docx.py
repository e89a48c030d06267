"""Word documents (the ``docx`` extra: python-docx): the body's paragraphs and tables in
document order, each table read from its XML with its merged cells (``w:gridSpan`` across,
``w:vMerge`` down). Headers, footers, footnotes and comments are not body text."""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from ...errors import MissingDependencyError, ParseError
from ...limits import MAX_CELLS_PER_ROW
from . import tables
from .base import Extracted

if TYPE_CHECKING:
    from lxml.etree import _Element

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _T = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc", f"{_W}t"
_TAB, _BR, _CR, _VAL = f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}val"
_RUN, _RPR = f"{_W}r", f"{_W}rPr"
#: Run properties that hide the run's text, when on: hidden text (``w:vanish``, and the
#: ``w:webHidden``, ``w:specVanish`` kinds), struck or double-struck text.
_HIDING = tuple(
    f"{_W}{name}" for name in ("vanish", "webHidden", "specVanish", "strike", "dstrike")
)
#: A toggle property's values that turn it off.
_OFF = frozenset({"0", "false", "off"})
#: Run sizes (half-points) no reader sees: 1 pt and less.
_UNSEEN_SIZE = 2
#: The run properties of a document's character styles, by style id.
Styles = Mapping[str, "_Element"]
#: Colours of text the white page hides.
_WHITE = frozenset({"FFFFFF", "FEFEFE", "white"})
#: A raised or lowered run (``w:vertAlign``): a footnote mark or an index beside a number.
_VERT_ALIGN = f"{_RPR}/{_W}vertAlign"
#: Between a cell's paragraphs and line breaks, while its text is gathered.
_JOIN = "\x00"
#: Elements that only wrap body content, rows or cells (content controls, custom XML).
_WRAPPERS = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"})
#: Content that repeats text found elsewhere: the fallback of an alternative (a text box
#: drawn twice, for old and new Word) and text moved away (it is also where it moved to).
_REPEATS = frozenset(
    {"{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback", f"{_W}moveFrom"}
)


def read(data: bytes) -> Extracted:
    """The text of a ``.docx`` file's body.

    Raises:
        MissingDependencyError: python-docx is not installed.
        ParseError: the file is empty (``empty-input``) or not a Word document
            (``unreadable``).
    """
    try:
        import docx
    except ImportError:
        raise MissingDependencyError(
            "python-docx is not installed: Word documents need the docx extra "
            "(pip install 'govinfo-report[docx]')"
        ) from None
    if not data.strip():
        raise ParseError("the input is empty", code="empty-input")
    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
    # A broken file fails anywhere in the zip, XML and package readers, each with its own
    # exception; all of them mean the same to the caller.
    except Exception as error:
        raise ParseError(
            f"not a readable Word (.docx) document: {_reason(error)}", code="unreadable"
        ) from None
    lines: list[str] = []
    styles = _character_styles(document)
    for block in _content(body):
        if block.tag == _P:
            lines.extend(_paragraph(block, styles).split("\n"))
        elif block.tag == _TBL:
            lines.extend(tables.tab_lines(_grid(block, styles)))
    return Extracted("\n".join(lines), "docx")


def _reason(error: Exception) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def _content(parent: _Element, *tags: str) -> Iterator[_Element]:
    """The children of ``parent`` named ``tags`` (all when none), looking through content
    controls and custom XML."""
    for child in parent:
        if child.tag in _WRAPPERS:
            yield from _content(child, *tags)
        elif not tags or child.tag in tags:
            yield child


def _text(
    element: _Element, styles: Styles, tab: str, line_break: str, paragraphs: bool = False
) -> str:
    """The text of ``element`` in document order, its tabs and line breaks as given (and
    between its ``paragraphs`` when asked); text that Word keeps twice (``_REPEATS``) or
    hides (``_shown``) is read once or not at all, a run whose hiding cannot be decided is
    apart from digits around it (``tables.apart``), a raised or lowered run is a note
    (``tables.note``)."""
    parts: list[str] = []
    tags = (_T, _TAB, _BR, _CR, _TC, _P) if paragraphs else (_T, _TAB, _BR, _CR, _TC)
    for node in element.iter(*tags):
        if any(True for _ in node.iterancestors(*_REPEATS)):
            continue
        if node.tag == _T:
            run = node.getparent()
            shown = _shown(run, styles) if run.tag == _RUN else "plain"
            if shown == "hidden":
                continue
            raised = run.find(_VERT_ALIGN) if run.tag == _RUN else None
            if raised is not None and raised.get(_VAL) in ("superscript", "subscript"):
                parts.append(tables.note(node.text or "", raised.get(_VAL) == "superscript"))
            elif shown == "doubtful":
                parts.append(tables.APART + (node.text or "") + tables.APART)
            else:
                parts.append(node.text or "")
        elif node.tag == _P:
            parts.append(line_break)
        elif node.tag == _TC:
            if node is not element:
                parts.append(" ")  # the cells of a table nested in a cell
        elif node.getparent().tag == _RUN:
            parts.append(tab if node.tag == _TAB else line_break)
    return tables.apart("".join(parts))


def _character_styles(document: Any) -> Styles:
    """The run properties of each character style of ``document`` (python-docx's)."""
    found = {}
    for style in document.styles.element.iterchildren(f"{_W}style"):
        properties = style.find(_RPR)
        if properties is not None and style.get(f"{_W}styleId"):
            found[style.get(f"{_W}styleId")] = properties
    return found


def _shown(run: _Element, styles: Styles) -> str:
    """What a run's properties (and its character style's) do to its text: ``hidden``
    (``_HIDING``, size 1 pt or less, white on no shading), ``doubtful`` (white on a shading,
    a style the document does not define) or ``plain``."""
    properties = run.find(_RPR)
    if properties is None:
        return "plain"
    verdict = _properties(properties, run)
    style = properties.find(f"{_W}rStyle")
    if verdict == "plain" and style is not None:
        styled = styles.get(style.get(_VAL, ""))
        return "doubtful" if styled is None else _properties(styled, run)
    return verdict


def _properties(properties: _Element, run: _Element) -> str:
    for name in _HIDING:
        found = properties.find(name)
        if found is not None and found.get(_VAL, "true").lower() not in _OFF:
            return "hidden"
    size = properties.find(f"{_W}sz")
    if size is not None and size.get(_VAL, "").isdigit() and int(size.get(_VAL)) <= _UNSEEN_SIZE:
        return "hidden"
    colour = properties.find(f"{_W}color")
    if colour is not None and colour.get(_VAL, "") in _WHITE:
        shaded = (
            properties.find(f"{_W}shd") is not None or properties.find(f"{_W}highlight") is not None
        )
        cell = next(run.iterancestors(_TC), None)
        shaded = shaded or (cell is not None and cell.find(f"{_W}tcPr/{_W}shd") is not None)
        return "doubtful" if shaded else "hidden"
    return "plain"


def _paragraph(paragraph: _Element, styles: Styles) -> str:
    """A body paragraph's text; a line break in it starts a new line."""
    return _text(paragraph, styles, "\t", "\n")


def _grid(table: _Element, styles: Styles) -> list[list[str]]:
    """A table's rows of cells, laid out as ``tables.lay`` lays them: a cell covers the
    grid columns it spans (``w:gridSpan``, after the ``w:gridBefore`` a row leaves out),
    a cell continuing a vertical merge (``w:vMerge``) is the one above it at the same grid
    column; a cell's paragraphs and line breaks are joined as ``tables.join_lines`` joins
    them."""
    owners: tables.Owners = []
    texts: list[str] = []
    starts: dict[int, int] = {}  # the grid column where each cell begins
    for row in _content(table, _TR):
        line: list[int | None] = [None] * _number(row, "trPr", "gridBefore")
        for cell in _content(row, _TC):
            column = len(line)
            if column >= MAX_CELLS_PER_ROW:
                break
            merge = cell.find(f"{_W}tcPr/{_W}vMerge")
            continued = merge is not None and merge.get(_VAL, "continue") != "restart"
            above = owners[-1][column] if owners and column < len(owners[-1]) else None
            if not (continued and above is not None and starts[above] == column):
                above = len(texts)
                texts.append("" if continued else _cell_text(cell, styles))
                starts[above] = column
            across = max(_number(cell, "tcPr", "gridSpan"), 1)
            line.extend([above] * min(across, MAX_CELLS_PER_ROW - column))
        owners.append(line[:MAX_CELLS_PER_ROW])
    return tables.lay(owners, texts)


def _cell_text(cell: _Element, styles: Styles) -> str:
    """A table cell's text on one line (``tables.join_lines``)."""
    return tables.join_lines(_text(cell, styles, " ", _JOIN, paragraphs=True).split(_JOIN))


def _number(element: _Element, properties: str, name: str) -> int:
    """An integer property (``w:gridSpan``, ``w:gridBefore``) of a cell or row, 0 when
    absent, at most ``MAX_CELLS_PER_ROW``."""
    found = element.find(f"{_W}{properties}/{_W}{name}")
    value = found.get(_VAL, "") if found is not None else ""
    return min(int(value), MAX_CELLS_PER_ROW) if value.isdigit() else 0
