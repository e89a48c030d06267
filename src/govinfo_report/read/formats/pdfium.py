"""What a PDF's pages hold, read with pdfium (the ``pdf`` extra: pypdfium2): each page's
characters with their boxes and its ruling lines, as plain records that ``ruling`` and
``positioned`` work on. Coordinates are PDF points from the top-left corner of the page's
visible box (the crop box), ``top`` growing down the page.

Only pdfium's C functions are called (``pypdfium2.raw``), one or two per character and per
drawn object, and each page is closed before the next is opened: memory stays that of one
page, whatever the length of the document.
"""

from __future__ import annotations

import ctypes
import re
import struct
from collections.abc import Callable, Iterator
from functools import cache, partial
from typing import Any, NamedTuple

from ...errors import MissingDependencyError, ParseError

#: A box: x0, top, x1, bottom.
Box = tuple[float, float, float, float]
#: An affine map as PDF gives it: x' = a x + c y + e, y' = b x + d y + f.
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

#: A path no thicker than this (points) is a ruling line, whatever its shape.
THIN = 2.0
#: A path segment this close to horizontal or vertical (points) is taken as one.
STRAIGHT = 0.1
#: A character's loose box (the font's height) wider or taller than this (points) is one
#: pdfium got wrong (it does for some vertical-writing fonts): the glyph's box is taken.
MAX_GLYPH = 50.0
#: Fonts of private-use characters named, per page, at most.
FONTS_NAMED = 8


class Char(NamedTuple):
    """A character and its box: as wide as its advance, as tall as its font's ascent and
    descent (not the glyph's ink)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float


class Edge(NamedTuple):
    """A horizontal (``"h"``: at ``position`` down the page, from ``start`` to ``end``
    across) or vertical (``"v"``: at ``position`` across, from ``start`` to ``end`` down)
    stretch of a ruling line."""

    orientation: str
    position: float
    start: float
    end: float


class Page(NamedTuple):
    """A page: its number (from 1), size, characters in pdfium's reading order (blanks
    included: they separate words), ruling lines, the share of the page its images cover
    (summed, at most 1), how many of its characters are not blank and how many of those are
    private-use code points, and the fonts of these (fonts whose map to Unicode is missing
    or wrong)."""

    number: int
    width: float
    height: float
    chars: list[Char]
    edges: list[Edge]
    images: float
    printed: int
    private: int
    private_fonts: frozenset[str]


def pages(data: bytes, number: int | None = None) -> Iterator[Page]:
    """The pages of the PDF file ``data``, one at a time (only page ``number``, from 1,
    when it is given).

    Raises:
        MissingDependencyError: pypdfium2 is not installed.
        ParseError: the file needs a password (``encrypted``) or is not a readable PDF
            (``unreadable``: damaged, not a PDF at all, a page that cannot be loaded).
    """
    api = _api()
    pdfium = api.raw
    # pdfium reads the bytes in place: ``data`` outlives the document.
    document = pdfium.FPDF_LoadMemDocument64(data, len(data), None)
    if not document:
        raise _open_error(pdfium, pdfium.FPDF_GetLastError())
    try:
        count = pdfium.FPDF_GetPageCount(document)
        for index in range(count) if number is None else [number - 1]:
            page = pdfium.FPDF_LoadPage(document, index)
            if not page:
                raise ParseError(
                    f"not a readable PDF document: page {index + 1} cannot be loaded",
                    code="unreadable",
                )
            try:
                yield _page(api, page, index + 1)
            finally:
                pdfium.FPDF_ClosePage(page)
    finally:
        pdfium.FPDF_CloseDocument(document)


class _Address(ctypes.c_void_p):
    """A pointer that ctypes passes as it is (a subclass of ``c_void_p`` is not turned into
    an ``int`` when a function gives one): what pdfium's handles are here."""


class _Api:
    """pdfium's C functions (``raw``, the library initialised), and those called per
    character or object again as plain functions (``_plain``) that take handles as
    ``_Address`` and numbers as ``int`` (a C ``int``) and give handles as ``_Address``:
    a call then costs about half of one through pypdfium2's typed pointers. ``floats`` is
    where they write what they give (up to six floats, ``at`` their addresses), read in
    one ``unpack_from``. Their types below are what keeps a plain ``int`` from being passed
    as a handle (ctypes would pass it as a C ``int``, cut to 32 bits): mypy checks every
    call."""

    get_object: Callable[[_Address, int], _Address]
    form_object: Callable[[_Address, int], _Address]
    object_type: Callable[[_Address], int]
    object_bounds: Callable[[_Address, _Address, _Address, _Address, _Address], int]
    loose_box: Callable[[_Address, int, _Address], int]
    generated: Callable[[_Address, int], int]
    segments: Callable[[_Address], int]
    segment: Callable[[_Address, int], _Address]
    point: Callable[[_Address, _Address, _Address], int]
    segment_type: Callable[[_Address], int]
    closes: Callable[[_Address], int]
    matrix: Callable[[_Address, _Address], int]

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.floats = (ctypes.c_float * 6)()
        start = ctypes.addressof(self.floats)
        self.at = [_Address(start + 4 * index) for index in range(6)]
        address, number = _Address, ctypes.c_int
        self.get_object = _plain(raw.FPDFPage_GetObject, address)
        self.form_object = _plain(raw.FPDFFormObj_GetObject, address)
        self.object_type = _plain(raw.FPDFPageObj_GetType, number)
        self.object_bounds = _plain(raw.FPDFPageObj_GetBounds, number)
        self.loose_box = _plain(raw.FPDFText_GetLooseCharBox, number)
        self.generated = _plain(raw.FPDFText_IsGenerated, number)
        self.segments = _plain(raw.FPDFPath_CountSegments, number)
        self.segment = _plain(raw.FPDFPath_GetPathSegment, address)
        self.point = _plain(raw.FPDFPathSegment_GetPoint, number)
        self.segment_type = _plain(raw.FPDFPathSegment_GetType, number)
        self.closes = _plain(raw.FPDFPathSegment_GetClose, number)
        self.matrix = _plain(raw.FPDFPageObj_GetMatrix, number)


def _plain(function: Any, result: Any) -> Any:
    """The C function behind ``function`` giving ``result``, its arguments passed as they are
    (no ``argtypes``: an ``_Address`` as a pointer, an ``int`` as a C ``int``, so that a
    call converts nothing), called holding the GIL (pdfium's calls here are short, and run
    under ``pdf.PDFIUM`` anyway)."""
    return ctypes.PYFUNCTYPE(result)(ctypes.cast(function, ctypes.c_void_p).value or 0)


#: Floats as pdfium writes them (``FS_RECTF``'s four, ``FS_MATRIX``'s six), read at once.
_FOUR = struct.Struct("4f").unpack_from
_TWO = struct.Struct("2f").unpack_from
_SIX = struct.Struct("6f").unpack_from


def _api() -> _Api:
    try:
        import pypdfium2  # noqa: F401  (importing it initialises pdfium)
        import pypdfium2.raw as raw
    except ImportError:
        raise MissingDependencyError(
            "pypdfium2 is not installed: PDF files need the pdf extra "
            "(pip install 'govinfo-report[pdf]')"
        ) from None
    return _bound(raw)


@cache
def _bound(raw: Any) -> _Api:
    return _Api(raw)


def _open_error(pdfium: Any, code: int) -> ParseError:
    if code in (pdfium.FPDF_ERR_PASSWORD, pdfium.FPDF_ERR_SECURITY):
        need = (
            "a password to open"
            if code == pdfium.FPDF_ERR_PASSWORD
            else "a security handler pdfium does not support"
        )
        return ParseError(
            f"the PDF document is encrypted and needs {need}: save a copy without the "
            "encryption (e.g. qpdf --decrypt --password=… in.pdf out.pdf) and read that",
            code="encrypted",
        )
    reason = {
        pdfium.FPDF_ERR_FILE: "the file cannot be read",
        pdfium.FPDF_ERR_FORMAT: "not a PDF file, or a damaged one",
        pdfium.FPDF_ERR_PAGE: "a page cannot be found",
    }.get(code, f"pdfium error {code}")
    return ParseError(f"not a readable PDF document: {reason}", code="unreadable")


def _page(api: _Api, page: Any, number: int) -> Page:
    box = api.raw.FS_RECTF()
    api.raw.FPDF_GetPageBoundingBox(page, ctypes.byref(box))
    origin = (box.left, box.top)
    size = (box.right - box.left, box.top - box.bottom)
    chars, printed, private, fonts = _chars(api, page, origin, size)
    raw: list[_Raw] = []
    images = _objects(api, page, raw) / max(size[0] * size[1], 1.0)
    return Page(
        number, *size, chars, _clip(raw, origin, size), min(images, 1.0), printed, private, fonts
    )


# Characters -------------------------------------------------------------------------------

#: Entries of pdfium's text that are its own line breaks.
_BREAKS = frozenset("\r\n")
_SURROGATES = re.compile("[\ud800-\udfff]")
_LOW_SURROGATES = re.compile("[\udc00-\udfff]")
_BLANKS = re.compile(r"\s")
_PRIVATE = re.compile("[\ue000-\uf8ff]|[\udb80-\udbff][\udc00-\udfff]")
#: A ``Char`` from a tuple, without the named fields' checks: the hot loop makes one a
#: character.
_char = partial(tuple.__new__, Char)
#: An ``Edge`` from a tuple, as ``_char`` (a page has thousands of stretches).
_edge = partial(tuple.__new__, Edge)


def _chars(
    api: _Api, page: Any, origin: tuple[float, float], size: tuple[float, float]
) -> tuple[list[Char], int, int, frozenset[str]]:
    """The page's characters whose centre lies on the page (in its visible box), how many
    of all its characters are not blank, how many are private-use code points, and the
    fonts of these."""
    pdfium = api.raw
    text_page = pdfium.FPDFText_LoadPage(page)
    try:
        count = pdfium.FPDFText_CountChars(text_page)
        if count <= 0:
            return [], 0, 0, frozenset()
        buffer = (ctypes.c_ushort * (count + 1))()
        pdfium.FPDFText_GetText(text_page, 0, count, buffer)
        units = bytes(buffer)[: 2 * count].decode("utf-16-le", "surrogatepass")
        rect = api.floats  # left, top, right, bottom: FS_RECTF's floats
        where = api.at[0]
        handle = _Address(ctypes.cast(text_page, ctypes.c_void_p).value)
        loose_box, generated = api.loose_box, api.generated
        left, top = origin
        width, height = size
        chars: list[Char] = []
        add = chars.append
        # The hot loop of the reader: a call to pdfium and a record per character.
        for index, text in _entries(units) if _SURROGATES.search(units) else enumerate(units):
            if text in _BREAKS or (text.isspace() and generated(handle, index)):
                continue  # pdfium's own line breaks, and the spaces it puts between words
            loose_box(handle, index, where)
            x0, y1, x1, y0 = _FOUR(rect)
            if x1 - x0 > MAX_GLYPH or y1 - y0 > MAX_GLYPH:
                x0, y1, x1, y0 = _glyph_box(pdfium, text_page, index)
            if 0 <= (x0 + x1) / 2 - left <= width and 0 <= top - (y0 + y1) / 2 <= height:
                add(_char((text, x0 - left, top - y1, x1 - left, top - y0)))
        private = _PRIVATE.findall(units)
        fonts = {
            _font(pdfium, text_page, found.start())
            for found, _ in zip(_PRIVATE.finditer(units), range(FONTS_NAMED), strict=False)
        }
        printed = len(units) - len(_BLANKS.findall(units)) - len(_LOW_SURROGATES.findall(units))
        return chars, printed, len(private), frozenset(fonts)
    finally:
        pdfium.FPDFText_ClosePage(text_page)


def _entries(units: str) -> Iterator[tuple[int, str]]:
    """The characters of pdfium's text with their entries: a character beyond the BMP
    takes two (a surrogate pair), and its box is the first's."""
    index = 0
    while index < len(units):
        text = units[index]
        pair = units[index : index + 2]
        if len(pair) == 2 and "\ud800" <= text <= "\udbff" and "\udc00" <= pair[1] <= "\udfff":
            yield index, pair.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
            index += 2
        else:
            yield index, text
            index += 1


def _glyph_box(pdfium: Any, text_page: Any, index: int) -> tuple[float, float, float, float]:
    """The box of a character's glyph: left, top, right, bottom (y up)."""
    sides = (ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double())
    pdfium.FPDFText_GetCharBox(text_page, index, *map(ctypes.byref, sides))
    x0, x1, y0, y1 = (side.value for side in sides)
    return x0, y1, x1, y0


def is_private(text: str) -> bool:
    """Whether a character is a private-use code point (what a font without a real map to
    Unicode gives)."""
    code = ord(text[0])
    return 0xE000 <= code <= 0xF8FF or code >= 0xF0000


def _font(pdfium: Any, text_page: Any, index: int) -> str:
    size = pdfium.FPDFText_GetFontInfo(text_page, index, None, 0, None)
    if size <= 1:
        return "a font without a name"
    name = ctypes.create_string_buffer(size)
    pdfium.FPDFText_GetFontInfo(text_page, index, name, size, None)
    return name.value.decode("utf-8", "replace")


# Ruling lines -----------------------------------------------------------------------------

#: A stretch in PDF space (y up): orientation, position, start, end.
_Raw = tuple[str, float, float, float]


def _objects(api: _Api, page: Any, raw: list[_Raw]) -> float:
    """Put the page's ruling lines into ``raw``: every drawn path no thicker than ``THIN``
    along its middle, and every straight horizontal or vertical segment of the others,
    within form XObjects too (pdfplumber takes lines, rectangles and curves alike, filled
    or stroked, as edges). The area its images cover (square points, summed)."""
    pdfium = api.raw
    get_object, object_type, object_bounds = api.get_object, api.object_type, api.object_bounds
    floats, corners = api.floats, api.at[:4]
    path, image, form = (
        pdfium.FPDF_PAGEOBJ_PATH,
        pdfium.FPDF_PAGEOBJ_IMAGE,
        pdfium.FPDF_PAGEOBJ_FORM,
    )
    images = 0.0
    stack: list[tuple[Callable[[_Address, int], _Address], _Address, int, Matrix]] = [
        (
            get_object,
            _Address(ctypes.cast(page, ctypes.c_void_p).value),
            pdfium.FPDFPage_CountObjects(page),
            IDENTITY,
        )
    ]
    while stack:
        get, owner, count, outer = stack.pop()
        for index in range(count):
            obj = get(owner, index)
            kind = object_type(obj)
            if kind == path:
                object_bounds(obj, *corners)
                left, bottom, right, top = _FOUR(floats)
                if outer is not IDENTITY:
                    left, bottom, right, top = _bounds(outer, left, bottom, right, top)
                if right - left <= THIN or top - bottom <= THIN:
                    # A line, or a bar as thin as one: one stretch along its middle.
                    if right - left >= top - bottom:
                        raw.append(("h", (bottom + top) / 2, left, right))
                    else:
                        raw.append(("v", (left + right) / 2, bottom, top))
                else:
                    matrix = _compose(_matrix(api, obj), outer)
                    if not _rectangle(api, obj, matrix, (left, bottom, right, top), raw):
                        _segments(api, obj, matrix, raw)
            elif kind == image:
                object_bounds(obj, *corners)
                left, bottom, right, top = _FOUR(floats)
                if outer is not IDENTITY:
                    left, bottom, right, top = _bounds(outer, left, bottom, right, top)
                images += (right - left) * (top - bottom)
            elif kind == form:
                inner = _compose(_matrix(api, obj), outer)
                count = pdfium.FPDFFormObj_CountObjects(ctypes.cast(obj, pdfium.FPDF_PAGEOBJECT))
                stack.append((api.form_object, obj, count, inner))
    return images


def _matrix(api: _Api, obj: _Address) -> Matrix:
    """An object's matrix, from its space to that of the page or form holding it."""
    api.matrix(obj, api.at[0])
    a, b, c, d, e, f = _SIX(api.floats)
    return (a, b, c, d, e, f)


def _point(api: _Api, segment: _Address, matrix: Matrix) -> tuple[float, float]:
    api.point(segment, api.at[0], api.at[1])
    x, y = _TWO(api.floats)
    return _apply(matrix, x, y)


def _rectangle(
    api: _Api,
    obj: _Address,
    matrix: Matrix,
    box: tuple[float, float, float, float],
    raw: list[_Raw],
) -> bool:
    """Put the sides of a path that is a rectangle into ``raw``, and say whether it was: four
    or five segments whose first and third points are opposite corners of its box (a cell's
    frame or background, as tables are drawn; the points of each are read only so)."""
    if api.segments(obj) not in (4, 5):
        return False
    (x0, y0), (x1, y1) = (_point(api, api.segment(obj, index), matrix) for index in (0, 2))
    left, bottom, right, top = box
    corners = (
        abs(min(x0, x1) - left) <= THIN
        and abs(max(x0, x1) - right) <= THIN
        and abs(min(y0, y1) - bottom) <= THIN
        and abs(max(y0, y1) - top) <= THIN
    )
    if corners:
        low_x, high_x, low_y, high_y = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
        raw.append(("h", low_y, low_x, high_x))
        raw.append(("h", high_y, low_x, high_x))
        raw.append(("v", low_x, low_y, high_y))
        raw.append(("v", high_x, low_y, high_y))
    return corners


def _segments(api: _Api, obj: _Address, matrix: Matrix, raw: list[_Raw]) -> None:
    """The straight horizontal and vertical segments of a path (curves are left out)."""
    moveto, lineto = api.raw.FPDF_SEGMENT_MOVETO, api.raw.FPDF_SEGMENT_LINETO
    first = previous = (0.0, 0.0)
    for index in range(api.segments(obj)):
        segment = api.segment(obj, index)
        point = _point(api, segment, matrix)
        kind = api.segment_type(segment)
        if kind == moveto:
            first = point
        elif kind == lineto:
            _straight(previous, point, raw)
        previous = point
        if api.closes(segment):
            _straight(point, first, raw)
            previous = first


def _straight(a: tuple[float, float], b: tuple[float, float], raw: list[_Raw]) -> None:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) <= STRAIGHT and ax != bx:
        raw.append(("h", (ay + by) / 2, min(ax, bx), max(ax, bx)))
    elif abs(ax - bx) <= STRAIGHT and ay != by:
        raw.append(("v", (ax + bx) / 2, min(ay, by), max(ay, by)))


def _clip(raw: list[_Raw], origin: tuple[float, float], size: tuple[float, float]) -> list[Edge]:
    """Stretches in page coordinates (from the top-left corner, y down), clipped to the
    page; those wholly outside it are left out (a table drawn across a page break is on
    both pages, each clipped to its page)."""
    left, top = origin
    width, height = size
    edges = []
    for orientation, position, start, end in raw:
        if orientation == "h":
            at, low, high, across, along = top - position, start - left, end - left, height, width
        else:
            at, low, high, across, along = position - left, top - end, top - start, width, height
        low, high = max(low, 0.0), min(high, along)
        if 0.0 <= at <= across and low < high:
            edges.append(_edge((orientation, at, low, high)))
    return edges


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """``inner`` then ``outer``."""
    a, b, c, d, e, f = inner
    p, q, r, s, t, u = outer
    return (
        a * p + b * r,
        a * q + b * s,
        c * p + d * r,
        c * q + d * s,
        e * p + f * r + t,
        e * q + f * s + u,
    )


def _apply(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return (a * x + c * y + e, b * x + d * y + f)


def _bounds(
    matrix: Matrix, left: float, bottom: float, right: float, top: float
) -> tuple[float, float, float, float]:
    """The box around a box mapped by ``matrix``."""
    xs, ys = zip(*(_apply(matrix, x, y) for x in (left, right) for y in (bottom, top)), strict=True)
    return min(xs), min(ys), max(xs), max(ys)
