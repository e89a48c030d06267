"""Inputs for fuzzing the readers: mutations of real files' bytes, Word files with a part cut
or mutated and zipped again, a small PDF written here, and a watchdog for bounded time."""

from __future__ import annotations

import base64
import io
import signal
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from hypothesis import strategies as st
from pdfs import pdf_file

CONVERTERS = Path(__file__).parent / "fixtures" / "converters"


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with one to eight edits: a byte changed, a run deleted, random bytes
    inserted, a run repeated, or the end cut off."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        edit = draw(st.sampled_from(["change", "delete", "insert", "repeat", "cut"]))
        at = draw(st.integers(0, max(len(out) - 1, 0)))
        if edit == "change" and out:
            out[at] ^= draw(st.integers(1, 255))
        elif edit == "delete":
            del out[at : at + draw(st.integers(1, 64))]
        elif edit == "insert":
            out[at:at] = draw(st.binary(min_size=1, max_size=32))
        elif edit == "repeat":
            out[at:at] = out[at : at + draw(st.integers(1, 256))]
        else:
            del out[at:]
    return bytes(out)


def parts(data: bytes) -> dict[str, bytes]:
    """The members of the zip ``data``, by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in members.items():
            out.writestr(name, data)
    return buffer.getvalue()


def small_pdf(lines: list[str]) -> bytes:
    """A one-page PDF showing ``lines`` (ASCII) in Helvetica: a fast, valid starting point
    for mutations (the real fixtures take a second or more to read)."""
    return pdf(
        "\n".join(
            f"BT /F1 12 Tf 72 {720 - 16 * i} Td ({line}) Tj ET" for i, line in enumerate(lines)
        ).encode("ascii")
    )


def pdf(content: bytes, *, flate: bool = False) -> bytes:
    """A one-page PDF whose page draws ``content`` (compressed with Flate when ``flate``),
    with a correct cross-reference table."""
    data = zlib.compress(content, 9) if flate else content
    filter = b" /Filter /FlateDecode" if flate else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(data), filter, data),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return pdf_file(objects, b"/Root 1 0 R")


def page_pdf(content: bytes, dictionary: bytes, *extra: bytes, resources: bytes = b"") -> bytes:
    """A one-page PDF whose page's content stream holds ``content`` as stored, its stream
    dictionary holding ``dictionary`` (its filters), and objects ``extra`` from number 6."""
    stream = b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(content), dictionary, content)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> %s >> >>" % resources,
        stream,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *extra,
    ]
    return pdf_file(objects, b"/Root 1 0 R")


def lzw(data: bytes) -> bytes:
    """LZW as PDF writes it: a clear code first, codes of 9 to 12 bits (early change), the
    end code last."""
    table = {bytes([i]): i for i in range(256)}
    codes = [256]
    current = b""
    next_code = 258
    for byte in data:
        candidate = current + bytes([byte])
        if candidate in table:
            current = candidate
            continue
        codes.append(table[current])
        if next_code < 4096:
            table[candidate] = next_code
            next_code += 1
        current = bytes([byte])
    if current:
        codes.append(table[current])
    codes.append(257)
    # Widths: the decoder's table grows one entry per code after the first, early change.
    out, buffer, held, size = bytearray(), 0, 0, 258
    previous = None
    for code in codes:
        width = min(12, (size + 1).bit_length()) if previous is not None else 9
        buffer = (buffer << width) | code
        held += width
        while held >= 8:
            held -= 8
            out.append((buffer >> held) & 0xFF)
        if code == 256:
            size, previous = 258, None
        else:
            if previous is not None and size < 4096:
                size += 1
            previous = code
    if held:
        out.append((buffer << (8 - held)) & 0xFF)
    return bytes(out)


def pdf_bombs(shows: int = 2_000_000) -> dict[str, bytes]:
    """Small PDFs whose pages ask pdfium for ``shows`` text operations (14 MB of them by
    default), each hiding them from a weighing that inflates Flate streams once and reads
    pages by their ``/Type`` (issue 48 item 8): Flate twice, the bytes ``/Image`` in the
    stream's dictionary, ``stream`` and a lone CR, ASCIIHex or ASCII85 before Flate, a form of
    1,000 placed 2,000 times; a filter's name escaped (``/Fl#61teDecode``), the filters in an
    object of their own, a page's content marked as an image; a page with no ``/Type`` whose
    content lists one stream many times, a page's content array or a page tree's kids in an
    object of their own, and page trees with no ``/Type`` listing one page many times (pdfium
    takes any node with ``/Kids`` for a tree and any other it lists for a page)."""
    text = b"BT /F1 12 Tf 72 700 Td\n" + b"(a) Tj\n" * shows + b"ET"
    packed = zlib.compress(text, 9)
    form = b"BT /F1 12 Tf 72 700 Td\n" + b"(a) Tj\n" * 1000 + b"ET"
    form_object = (
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Filter /FlateDecode "
        b"/Resources << /Font << /F1 5 0 R >> >> /Length %d >>\nstream\n%s\nendstream"
        % (len(zlib.compress(form)), zlib.compress(form))
    )
    bombs = {
        "Flate twice": page_pdf(zlib.compress(packed, 9), b"/Filter [/FlateDecode /FlateDecode]"),
        "/Image in the dictionary": page_pdf(packed, b"/Filter /FlateDecode /Alt (/Image)"),
        "ASCIIHex, Flate": page_pdf(packed.hex().encode() + b">", b"/Filter [/AHx /Fl]"),
        "ASCII85, Flate": page_pdf(base64.a85encode(packed) + b"~>", b"/Filter [/A85 /Fl]"),
        "a form placed 2,000 times": page_pdf(
            zlib.compress(b"q /Fx Do Q\n" * 2000),
            b"/Filter /FlateDecode",
            form_object,
            resources=b"/XObject << /Fx 6 0 R >>",
        ),
        "a filter's name escaped": page_pdf(packed, b"/Filter /Fl#61teDecode"),
        "filters in an object": page_pdf(packed, b"/Filter 6 0 R", b"[/FlateDecode]"),
        "content marked an image": page_pdf(packed, b"/Filter /FlateDecode /Subtype /Image"),
    }
    lone_cr = page_pdf(packed, b"/Filter /FlateDecode").replace(b">>\nstream\n", b">>\nstream\r")
    return bombs | {"stream and a lone CR": lone_cr} | listed_pages(shows)


def listed_pages(shows: int) -> dict[str, bytes]:
    """PDFs whose pages together show ``shows`` text operations (at least the 300,000 a
    document may), each stream under a page's cap, listed by a page tree the weighing once
    missed: a page with no ``/Type`` listing its one stream 100 times, a content array or a
    tree's kids in an object of their own, trees with no ``/Type``."""
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    page = b"/Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> "

    def stream(count: int) -> bytes:
        text = zlib.compress(b"BT /F1 12 Tf 72 700 Td\n" + b"(a) Tj\n" * count + b"ET")
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(text), text)

    def document(tree: bytes, leaf: bytes, content: bytes, *extra: bytes) -> bytes:
        objects = [b"<< /Type /Catalog /Pages 2 0 R >>", tree, leaf, content, font, *extra]
        return pdf_file(objects, b"/Root 1 0 R")

    # A stream listed 100 times on one page, a page listed 1,000 times: each under the cap of
    # a page (20,000) on its own.
    one = min(shows // 100 + 1, 10_000)
    many = min(max(shows, 300_001) // 1000 + 1, 10_000)
    typed = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
    kids = b"[" + b"3 0 R " * 1000 + b"]"
    return {
        "a page with no /Type": document(
            typed, b"<< %s/Contents [%s] >>" % (page, b"4 0 R " * 100), stream(one)
        ),
        "content array in an object": document(
            typed,
            b"<< /Type /Page %s/Contents 6 0 R >>" % page,
            stream(one),
            b"[" + b"4 0 R " * 100 + b"]",
        ),
        "kids in an object": document(
            b"<< /Type /Pages /Kids 6 0 R /Count 1000 >>",
            b"<< /Type /Page %s/Contents 4 0 R >>" % page,
            stream(many),
            kids,
        ),
        "trees with no /Type": document(
            b"<< /Kids %s /Count 1000 >>" % kids, b"<< %s/Contents 4 0 R >>" % page, stream(many)
        ),
    }


class Hung(BaseException):
    """An input took longer than its watchdog allows (a ``BaseException``, so that no
    reader's ``except Exception`` can swallow it)."""


@contextmanager
def within(seconds: float) -> Iterator[None]:
    """Raise ``Hung`` in this thread if the block takes longer than ``seconds``."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise Hung(f"an input took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
