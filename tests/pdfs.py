"""Minimal PDF files written by hand for the PDF reader's tests: text placed at given
positions (a Type0 font whose ToUnicode map says what each glyph is; no font program, as
text extraction needs none), ruling lines, a form XObject, a grey image standing for a
scan, and the standard security handler (RC4, revision 2) with or without a user password.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

#: The padding of the standard security handler (PDF 32000-1, 7.6.3.3).
_PAD = bytes.fromhex("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a")


@dataclass
class Page:
    """A page: text runs (left, baseline from the top, font size, text), lines (x0, top0,
    x1, top1), lines drawn in a form XObject moved by ``form_offset``, and an image as wide
    and tall as ``image`` times the page's width and height (a scan: 1)."""

    texts: list[tuple[float, float, float, str]] = field(default_factory=list)
    lines: list[tuple[float, float, float, float]] = field(default_factory=list)
    form_lines: list[tuple[float, float, float, float]] = field(default_factory=list)
    form_offset: tuple[float, float] = (0.0, 0.0)
    image: float = 0.0
    width: float = 595.0
    height: float = 842.0

    def text(self, x: float, baseline: float, text: str, size: float = 10.0) -> Page:
        self.texts.append((x, baseline, size, text))
        return self

    def grid(self, xs: Sequence[float], tops: Sequence[float]) -> Page:
        """Every line of a full grid: verticals at ``xs``, horizontals at ``tops``."""
        self.lines.extend((x, tops[0], x, tops[-1]) for x in xs)
        self.lines.extend((xs[0], top, xs[-1], top) for top in tops)
        return self

    def table(
        self,
        xs: Sequence[float],
        top: float,
        rows: Sequence[Sequence[str]],
        height: float = 20.0,
        size: float = 10.0,
    ) -> Page:
        """A ruled table: a row of cells per ``rows`` item between the columns ``xs``."""
        tops = [top + height * index for index in range(len(rows) + 1)]
        self.grid(xs, tops)
        for row, row_top in zip(rows, tops, strict=False):
            for text, left in zip(row, xs, strict=False):
                if text:
                    self.text(left + 2, row_top + height / 2 + size / 3, text, size)
        return self


def document(
    pages: Sequence[Page],
    *,
    owner_password: bytes | None = None,
    user_password: bytes = b"",
) -> bytes:
    """The PDF file of ``pages``; with ``owner_password``, encrypted (RC4, 40-bit) so that
    it opens with ``user_password`` (empty: with no password at all)."""
    chars = sorted({char for page in pages for *_, text in page.texts for char in text})
    cids = {char: index + 1 for index, char in enumerate(chars)}
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes, extra: bytes = b"") -> bytes:
        data = zlib.compress(data)
        return b"<< /Length %d /Filter /FlateDecode %s>>\nstream\n%s\nendstream" % (
            len(data),
            extra,
            data,
        )

    to_unicode = add(stream(_cmap(cids)))
    widths = b" ".join(
        b"%d [%d]" % (cid, 500 if ord(char) < 0x2E80 else 1000) for char, cid in cids.items()
    )
    descendant = add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSong "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor << /Type /FontDescriptor /FontName /TestSong /Flags 4 "
        b"/FontBBox [0 -140 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
        b"/CapHeight 700 /StemV 80 >> /DW 1000 /W [%s] >>" % widths
    )
    font = add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /TestSong /Encoding /Identity-H "
        b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (descendant, to_unicode)
    )
    image = add(
        stream(
            b"\x80" * 64,
            b"/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8 ",
        )
    )
    kids = []
    parent = len(objects) + 1 + 2 * len(pages) + sum(1 for page in pages if page.form_lines)
    for page in pages:
        resources = b"/Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R" % (font, image)
        if page.form_lines:
            form = add(
                stream(
                    _lines(page.form_lines, page.height),
                    b"/Type /XObject /Subtype /Form /BBox [0 0 %d %d] " % (page.width, page.height),
                )
            )
            resources += b" /Fm1 %d 0 R" % form
        content = add(stream(_content(page, cids)))
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                b"/Resources << %s >> >> >>" % (parent, page.width, page.height, content, resources)
            )
        )
    assert (
        add(
            b"<< /Type /Pages /Kids [%s] /Count %d >>"
            % (b" ".join(b"%d 0 R" % kid for kid in kids), len(kids))
        )
        == parent
    )
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % parent)
    identifier = hashlib.md5(b"govinfo-report test").digest()
    trailer = b"/Root %d 0 R /ID [<%s> <%s>]" % (
        catalog,
        identifier.hex().encode(),
        identifier.hex().encode(),
    )
    if owner_password is not None:
        key, owner, user = _security(owner_password, user_password, identifier)
        objects = [_encrypt(body, number, key) for number, body in enumerate(objects, 1)]
        encrypt = add(
            b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>"
            % (owner.hex().encode(), user.hex().encode())
        )
        trailer += b" /Encrypt %d 0 R" % encrypt
    return pdf_file(objects, trailer)


def _content(page: Page, cids: dict[str, int]) -> bytes:
    parts = [_lines(page.lines, page.height)]
    if page.form_lines:
        parts.append(
            b"q 1 0 0 1 %.2f %.2f cm /Fm1 Do Q" % (page.form_offset[0], -page.form_offset[1])
        )
    if page.image:
        parts.append(
            b"q %.2f 0 0 %.2f 0 0 cm /Im1 Do Q"
            % (page.width * page.image, page.height * page.image)
        )
    for x, baseline, size, text in page.texts:
        glyphs = "".join(f"{cids[char]:04x}" for char in text).encode()
        parts.append(
            b"BT /F1 %.2f Tf 1 0 0 1 %.2f %.2f Tm <%s> Tj ET"
            % (size, x, page.height - baseline, glyphs)
        )
    return b"\n".join(parts)


def _lines(lines: Sequence[tuple[float, float, float, float]], height: float) -> bytes:
    return b"0.75 w\n" + b"\n".join(
        b"%.2f %.2f m %.2f %.2f l S" % (x0, height - top0, x1, height - top1)
        for x0, top0, x1, top1 in lines
    )


def _cmap(cids: dict[str, int]) -> bytes:
    entries = [
        b"<%04x> <%s>" % (cid, char.encode("utf-16-be").hex().encode())
        for char, cid in cids.items()
    ]
    blocks = b"\n".join(
        b"%d beginbfchar\n%s\nendbfchar" % (len(chunk), b"\n".join(chunk))
        for chunk in (entries[start : start + 100] for start in range(0, len(entries), 100))
    )
    return (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def "
        b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def "
        b"1 begincodespacerange <0000> <ffff> endcodespacerange\n%s\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end" % blocks
    )


def pdf_file(objects: Sequence[bytes], trailer: bytes) -> bytes:
    """A PDF file of ``objects`` (numbered from 1) with a correct cross-reference table;
    ``trailer`` is added to the trailer dictionary (``/Root 1 0 R``)."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d %s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer,
        xref,
    )
    return bytes(out)


def _rc4(key: bytes, data: bytes) -> bytes:
    state = list(range(256))
    j = 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)


def _security(owner: bytes, user: bytes, identifier: bytes) -> tuple[bytes, bytes, bytes]:
    """The file key, /O and /U of revision 2 (algorithms 2, 3 and 4)."""
    padded_user = (user + _PAD)[:32]
    owner_entry = _rc4(hashlib.md5((owner + _PAD)[:32]).digest()[:5], padded_user)
    key = hashlib.md5(
        padded_user + owner_entry + (-4).to_bytes(4, "little", signed=True) + identifier
    ).digest()[:5]
    return key, owner_entry, _rc4(key, _PAD)


def _encrypt(body: bytes, number: int, key: bytes) -> bytes:
    """An object with its stream encrypted (the test files hold no other strings)."""
    if b"\nstream\n" not in body:
        return body
    head, rest = body.split(b"\nstream\n", 1)
    data = rest.rsplit(b"\nendstream", 1)[0]
    object_key = hashlib.md5(key + number.to_bytes(3, "little") + b"\x00\x00").digest()[:10]
    return b"%s\nstream\n%s\nendstream" % (head, _rc4(object_key, data))
