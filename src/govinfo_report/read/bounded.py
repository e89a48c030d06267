"""Reading with a size limit: files, zip and tar members, bytes and text given directly.

What declares more than the limit (a file's size on disk, an archive member's header), or a
compression ratio only a zip bomb has, is refused before anything is read or inflated; the
rest is read as a stream that stops one byte past the limit, whatever the size declared. So
memory never holds more than the limit and a byte of any input. A refusal is ``ParseError``
code ``too-large`` whose message names the document, its declared and observed size and
the limit.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from typing import IO

from ..errors import ParseError
from ..limits import MAX_COMPRESSION_RATIO

#: Bytes read at a time once past the declared size (or when none is declared).
BLOCK = 1 << 20


def too_large(
    name: str,
    limit: int,
    *,
    declared: int | None = None,
    observed: int | None = None,
    compressed: int | None = None,
    on_disk: bool = False,
) -> ParseError:
    """The refusal of ``name``: ``declared`` is the size it claims (its size ``on_disk``, an
    archive's header), ``observed`` what was read before stopping (``None``: nothing was
    read), ``compressed`` its compressed size when the ratio is what refused it."""
    claim = "no size" if declared is None else f"{declared:,} bytes"
    if compressed is not None and declared is not None:
        ratio = declared // max(compressed, 1)
        reason = (
            f"declares {claim} compressed into {compressed:,} (1:{ratio:,}), more than the "
            f"1:{MAX_COMPRESSION_RATIO:,} of any real document (a zip bomb); it was not inflated"
        )
    elif observed is None:
        size = f"is {claim} on disk" if on_disk else f"declares {claim}"
        reason = f"{size}, over the limit of {limit:,} bytes; it was not read"
    else:
        reason = (
            f"declares {claim} but holds more than the limit of {limit:,} bytes; reading "
            f"stopped after {observed:,}"
        )
    return ParseError(f"too large: {name} {reason}", code="too-large")


def check_declared(
    name: str,
    size: int,
    limit: int | None,
    compressed: int | None = None,
    *,
    on_disk: bool = False,
) -> None:
    """Refuse ``name`` from what it declares: ``size`` over ``limit``, or ``size`` over
    ``MAX_COMPRESSION_RATIO`` times ``compressed`` (an archive member's compressed size).

    Raises:
        ParseError: code ``too-large``.
    """
    if compressed is not None and size > MAX_COMPRESSION_RATIO * max(compressed, 1):
        raise too_large(name, limit or 0, declared=size, compressed=compressed)
    if limit is not None and size > limit:
        raise too_large(name, limit, declared=size, on_disk=on_disk)


def read_stream(handle: IO[bytes], name: str, limit: int | None, declared: int | None) -> bytes:
    """The rest of ``handle``, read with a running count and refused once more than
    ``limit`` bytes come out. The first read asks for the size declared and a byte more
    (never a buffer of the limit's size: most documents are a thousandth of it), the next
    ones for a block at a time.

    Raises:
        ParseError: code ``too-large``.
    """
    if limit is None:
        return handle.read()
    parts: list[bytes] = []
    total = 0
    want = min(limit, BLOCK if declared is None else declared) + 1
    while block := handle.read(want):
        parts.append(block)
        total += len(block)
        if total > limit:
            raise too_large(name, limit, declared=declared, observed=total)
        want = min(BLOCK, limit + 1 - total)
    return b"".join(parts)


def read_file(path: str, name: str, limit: int | None) -> bytes:
    """The bytes of the file at ``path``: a regular file over ``limit`` is refused from its
    size on disk; any other (a pipe, ``/dev/stdin``) is read up to the limit.

    Raises:
        OSError: the file cannot be opened or read.
        ParseError: code ``too-large``.
    """
    with open(path, "rb") as handle:
        status = os.fstat(handle.fileno())
        declared = status.st_size if stat.S_ISREG(status.st_mode) else None
        if declared is not None:
            check_declared(name, declared, limit, on_disk=True)
        return read_stream(handle, name, limit, declared)


def zip_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limit: int | None
) -> bytes:
    """The inflated bytes of the member ``info`` of ``archive``, refused before inflating
    when its declared size or compression ratio says so, and while inflating past ``limit``.

    Raises:
        ParseError: code ``too-large``.
        zipfile.BadZipFile, RuntimeError, NotImplementedError, zlib.error, …: as zipfile
            raises for a damaged or encrypted member.
    """
    check_declared(name, info.file_size, limit, info.compress_size)
    with archive.open(info) as handle:
        return read_stream(handle, name, limit, info.file_size)


def check_zipped(data: bytes, name: str, limit: int | None) -> None:
    """Refuse a zip-based document (a Word file), whose reader inflates every part into
    memory: a part whose ratio is a zip bomb's, or parts declaring more than ``limit`` bytes
    together (zipfile never inflates a member past the size it declares). Data that is not a
    zip is left to the reader to refuse.

    Raises:
        ParseError: code ``too-large``.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        return
    for info in members:
        check_declared(f"{name}:{info.filename}", info.file_size, None, info.compress_size)
    total = sum(info.file_size for info in members)
    if limit is not None and total > limit:
        raise too_large(f"{name} (its parts inflated together)", limit, declared=total)


def check_size(data: bytes | str, name: str, limit: int | None) -> None:
    """Refuse bytes or text given directly when larger than ``limit`` (text by its UTF-8
    size).

    Raises:
        ParseError: code ``too-large``.
    """
    if limit is None:
        return
    size = len(data)
    if isinstance(data, str) and 4 * size > limit:  # up to four bytes a character
        size = len(data.encode("utf-8", "surrogatepass"))
    if size > limit:
        raise too_large(name, limit, declared=size)
