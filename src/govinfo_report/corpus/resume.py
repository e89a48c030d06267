"""Going on where a run stopped: a document is known by its name and its fingerprint (the
SHA-256 of its bytes), and the documents already done are passed over.

A document that failed before its bytes were read (unreadable, timed out, its worker died)
has no fingerprint: it is known by its name alone. A document whose bytes changed since is
done again. Two copies under different names are two documents (two rows)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..corrections import fingerprint
from ..errors import ParseError
from ..limits import MAX_BYTES
from ..read.documents import Document

#: A document done: its name and fingerprint (``None`` when it failed unread).
Done = tuple[str, str | None]


def pending(
    documents: Iterable[Document],
    done: Iterable[Done],
    max_bytes: int | None = MAX_BYTES,
) -> Iterator[Document]:
    """``documents`` without those ``done`` names. Only a document whose name was done is
    read here, to compare its fingerprint."""
    known: dict[str, set[str | None]] = {}
    for name, digest in done:
        known.setdefault(name, set()).add(digest)
    for document in documents:
        digests = known.get(document.name)
        if digests is None or (
            None not in digests and _fingerprint(document, max_bytes) not in digests
        ):
            yield document


def _fingerprint(document: Document, max_bytes: int | None) -> str | None:
    try:
        return fingerprint(document.read(max_bytes))
    except ParseError:
        return None
