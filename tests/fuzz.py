"""Inputs for fuzzing the readers: mutations of real files' bytes, Word files with a part cut
or mutated and zipped again, a small PDF written here, and a watchdog for bounded time."""

from __future__ import annotations

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
