"""Parse a corpus: ``iter_parse`` over any number of documents, in worker processes, lazily
and in constant memory; one result per document, failures included, each document within
a size limit and a time budget.

``parse_document`` is the per-document function (the workers', and the one to map with Dask);
its ``Result`` (``result.py``) crosses a process boundary in the compact form of
``compact.pack`` and rebuilds its ``Report`` on first access. See ``docs/streaming.md``.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Generator, Iterable, Iterator
from functools import partial
from typing import Any, Literal

import attrs

from .. import workers
from ..check.corrected import Corrections, CorrectionsSource, apply, load
from ..corrections import fingerprint
from ..errors import InternalError, MissingDependencyError, ParseError, UnknownLayoutError
from ..limits import MAX_BYTES, OCR_TIMEOUT, TIMEOUT
from ..parser import parse, strict_error
from ..read import formats
from ..read.documents import Document
from ..read.formats.base import APART, PagesApart
from ..result import Result
from ..structure import layouts
from .resume import Done, pending

#: A source of ``iter_parse``: text, raw bytes, a path, or a ``Document``.
Source = str | bytes | os.PathLike[str] | Document

#: Documents a worker takes at a time when ``chunksize`` is not given: a chunk travels as one
#: message, and past 16 the parent saves a few us a document (docs/streaming.md), while larger
#: chunks balance worse at the end of a short corpus.
CHUNKSIZE = 16
#: Chunks per worker read ahead of the results taken: bounds the documents in flight.
CHUNKS_AHEAD = 4
#: A chunk ends early once the documents it carries (tar members, JSON lines, texts) or
#: names (files, by their size on disk) hold this many bytes, so that a worker is never sent
#: many large documents at once: a folder's scans (a MB each, seconds of OCR a page) go to
#: workers of their own, not in one chunk beside the small files.
CHUNK_BYTES = 1 << 20
#: With two workers or more, a document of this many bytes or more (a scan of a few pages)
#: is sent alone, and at the tail of a run (every document read) before the smaller ones
#: left: the long documents start early and the short ones fill in behind them, so that no
#: worker is left with a scan at the end of a folder while the other waits.
HEAVY_BYTES = CHUNK_BYTES // 2


def parse_document(
    document: Document,
    *,
    layout: str | None = None,
    strict: bool = False,
    index: int = 0,
    format: str | None = None,
    max_bytes: int | None = MAX_BYTES,
    ocr: bool | Literal["strict"] = False,
    corrections: Corrections | None = None,
) -> Result:
    """Read and parse one document; never raises for a bad document.

    The report's ``source`` is the document's name. A document that cannot be read fails
    with code ``unreadable``, one over ``max_bytes`` with ``too-large``, one that is not a
    report with its ``ParseError``, and an unexpected exception (a bug) as ``InternalError``
    (code ``internal-error``, with the traceback). There is no time budget here: ``iter_parse``
    keeps one by running this in worker processes it can replace.

    A document whose name ends with a document format's suffix (``.html``, ``.docx``,
    ``.pdf``, …; a zip member's too) is read as that format, unless ``format`` is given; one
    whose format's extra is not installed fails as ``unreadable``, saying which to install.

    Args:
        document: what to read.
        layout, strict, format, max_bytes, ocr: as for ``parse``.
        index: the position recorded in the result.
        corrections: verdicts to apply (``corrections.load``), those on the document's
            bytes (see ``parse``).

    Raises:
        UnknownLayoutError: ``layout`` names no registered layout (a wrong call, not a bad
            document).
        ValueError: ``format`` names no format (the same).
    """
    formats.check(format)
    sha256 = None
    try:
        content = document.read(max_bytes)
        sha256 = fingerprint(content)
        report = parse(
            content,
            layout=layout,
            strict=strict and corrections is None,  # else judged once corrected
            format=format or formats.kind_of(document.name),
            max_bytes=max_bytes,
            ocr=ocr,
        )
    except ParseError as error:
        return Result(index, document.name, error, sha256=sha256)
    except MissingDependencyError as error:
        failure = ParseError(str(error), code="unreadable")
        return Result(index, document.name, failure, sha256=sha256)
    except (UnknownLayoutError, PagesApart):
        raise
    except Exception as error:  # a bug: one document's, never the whole stream's
        return Result(
            index,
            document.name,
            InternalError(
                f"internal error: {type(error).__name__}: {error}", traceback=traceback.format_exc()
            ),
            sha256=sha256,
        )
    report = attrs.evolve(report, source=document.name)
    if corrections is not None:
        report = apply(report, corrections, sha256)
        if strict and (refusal := strict_error(report)):
            return Result(index, document.name, refusal, sha256=sha256)
    return Result(index, document.name, report=report, sha256=sha256)


def iter_parse(
    sources: Iterable[Source],
    *,
    jobs: int | None = 1,
    ordered: bool = True,
    chunksize: int | None = None,
    layout: str | None = None,
    strict: bool = False,
    format: str | None = None,
    max_bytes: int | None = MAX_BYTES,
    timeout: float | None = TIMEOUT,
    ocr: bool | Literal["strict"] = False,
    ocr_timeout: float | None = OCR_TIMEOUT,
    started: Callable[[int, str], None] | None = None,
    done: Iterable[Done] | None = None,
    corrections: CorrectionsSource | None = None,
) -> Generator[Result, None, None]:
    """Parse every source, yielding a ``Result`` for each, failures included.

    Args:
        sources: any iterable (a generator of millions is fine: it is read as results are
            taken) of report texts (``str``), raw bytes, paths or ``Document``s (see
            ``documents``, ``directory``, ``zip_archive``, ``tar_archive``, ``json_lines``).
        jobs: worker processes; 0 or ``None`` one per CPU. With ``timeout=None`` and
            ``jobs=1``, documents are parsed in this process instead.
        ordered: yield results in input order; ``False``: as they complete.
        chunksize: documents a worker takes at a time (default ``CHUNKSIZE``).
        layout, strict: as for ``parse``.
        format: as for ``parse``, for every document; by default each document's name
            decides (see ``parse_document``).
        max_bytes: the size limit of a document (default 64 MiB; ``None``: none): a larger
            one fails as ``too-large`` without being read whole (see ``parse``).
        timeout: seconds a document may take, read and parsed (default 30; ``None``: no
            limit): past it the document fails as ``timeout`` and its worker process is
            killed and replaced. A worker that dies fails its document as ``worker-died``
            and is replaced the same way; every other document is parsed exactly once.
        ocr: as for ``parse``: scanned pages of PDFs are read by OCR (the ``ocr`` extra),
            with the model loaded once in each worker process.
        ocr_timeout: with ``ocr``, the seconds a PDF document may take instead of
            ``timeout`` (default 300: OCR takes seconds a page; ``None``: no limit).
        started: called in this process with a document's index and name as a worker
            starts it (a progress line names the document being read).
        done: the documents of an earlier run to pass over, each its name and fingerprint
            (``Result.sha256``; ``None``: by its name alone), such as the ``source`` and
            ``sha256`` of the records written so far (``resume.pending``). A document is
            then named and indexed among the documents still to do.
        corrections: reviewers' verdicts to apply, as for ``parse`` (loaded once, here).

    Yields:
        One ``Result`` per source. At most ``jobs * chunksize * CHUNKS_AHEAD`` documents are
        read ahead of the results taken; stopping early (``close``, Ctrl-C) stops the
        workers at once.

    Raises:
        UnknownLayoutError: ``layout`` names no registered layout.
        ValueError: ``jobs`` is negative, ``chunksize`` or ``timeout`` not positive,
            ``max_bytes`` negative, or ``format`` names no format.
        TypeError: a source is none of the four kinds (when the stream reaches it).

    Example:
        >>> for result in gr.iter_parse(gr.directory("reports"), jobs=2):  # doctest: +SKIP
        ...     print(result.name, result.report.year if result.ok else result.error.code)
    """
    if layout is not None:
        layouts.get(layout)
    formats.check(format)
    processes = _workers(jobs)
    size = CHUNKSIZE if chunksize is None else chunksize
    if size < 1:
        raise ValueError(f"chunksize must be at least 1, not {size}")
    if timeout is not None and not timeout > 0:
        raise ValueError(f"timeout must be more than 0 seconds (or None), not {timeout}")
    if max_bytes is not None and max_bytes < 0:
        raise ValueError(f"max_bytes must be 0 or more (or None), not {max_bytes}")
    if ocr_timeout is not None and not ocr_timeout > 0:
        raise ValueError(f"ocr_timeout must be more than 0 seconds (or None), not {ocr_timeout}")
    if ocr not in (False, True, "strict"):
        raise ValueError(f"ocr must be False, True or 'strict', not {ocr!r}")
    options: dict[str, Any] = {
        "layout": layout,
        "strict": strict,
        "format": format,
        "max_bytes": max_bytes,
        "ocr": ocr,
    }
    if done is not None:
        sources = pending(
            (as_document(source, index) for index, source in enumerate(sources)), done, max_bytes
        )
    if corrections is not None:
        options["corrections"] = load(corrections)
    if processes == 1 and timeout is None and (not ocr or ocr_timeout is None):
        return _in_process(sources, options, started)
    budget = None
    if ocr:
        # A PDF may be a scan, read by OCR: it has the OCR budget.
        def budget(task: _Task) -> float | None:
            kind = format or formats.kind_of(task[1])
            return ocr_timeout if kind == "pdf" else timeout

    return workers.run(
        partial(_work, apart=processes > 1 and bool(ocr), **options),
        _chunks(sources, size),
        processes=processes,
        timeout=timeout,
        ordered=ordered,
        ahead=processes * size * CHUNKS_AHEAD,
        failed=_failed,
        budget=budget,
        started=None if started is None else lambda task: started(task[0], task[1]),
        heavy=_heavy if processes > 1 else None,
    )


def _workers(jobs: int | None) -> int:
    if jobs is None or jobs == 0:
        return (
            len(os.sched_getaffinity(0))
            if hasattr(os, "sched_getaffinity")
            else (os.cpu_count() or 1)
        )
    if jobs < 0:
        raise ValueError(f"jobs must be 0 (one per CPU) or more, not {jobs}")
    return jobs


def _in_process(
    sources: Iterable[Source],
    options: dict[str, Any],
    started: Callable[[int, str], None] | None = None,
) -> Generator[Result, None, None]:
    for index, source in enumerate(sources):
        document = as_document(source, index)
        if started is not None:
            started(index, document.name)
        yield parse_document(document, index=index, **options)


def as_document(source: Source, index: int) -> Document:
    """``source`` as a ``Document``; text and bytes are named by their position
    (``<text 3>``, ``<bytes 3>``), a path by itself."""
    if isinstance(source, Document):
        return source
    if isinstance(source, str):
        return Document(f"<text {index}>", data=source)
    if isinstance(source, bytes | bytearray | memoryview):
        return Document(f"<bytes {index}>", data=bytes(source))
    if isinstance(source, os.PathLike):
        path = os.fspath(source)
        return Document(path, path=path)
    raise TypeError(f"cannot read a report from {type(source).__name__} (source {index})")


#: What the parent sends a worker for a document: its index and fields, as a plain tuple
#: (pickling one costs a tenth of pickling a ``Document``).
_Task = tuple[int, str, str | None, str | None, bytes | str | None, str | None, str]


def _chunks(sources: Iterable[Source], size: int) -> Iterator[list[_Task]]:
    """The sources as tasks, ``size`` at a time (fewer once they carry ``CHUNK_BYTES``),
    read as the chunks are asked for. When the sources raise, the tasks read before come
    first as a chunk, then the error."""
    chunk: list[_Task] = []
    carried = 0
    try:
        for index, source in enumerate(sources):
            document = as_document(source, index)
            chunk.append(
                (
                    index,
                    document.name,
                    document.path,
                    document.member,
                    document.data,
                    document.unreadable,
                    document.code,
                )
            )
            carried += _size(document.path, document.member, document.data)
            if len(chunk) == size or carried >= CHUNK_BYTES:
                yield chunk
                chunk, carried = [], 0
    except Exception:
        if chunk:
            yield chunk
        raise
    if chunk:
        yield chunk


def _size(path: str | None, member: str | None, data: bytes | str | None) -> int:
    """The bytes a document is read from: its data, or its file's size on disk (0 when it
    cannot be told: the worker says why it cannot be read)."""
    if data is not None:
        return len(data)
    if path is None or member is not None:
        return 0
    try:
        return os.stat(path).st_size
    except (OSError, ValueError):
        return 0


def _heavy(task: _Task) -> bool:
    """Whether a task's document is heavy for ``workers.run``: ``HEAVY_BYTES`` or more."""
    return _size(task[2], task[3], task[4]) >= HEAVY_BYTES


def _work(task: tuple[Any, ...], *, apart: bool = False, **options: Any) -> Any:
    """A task's result: a document's ``Result``; with ``apart`` (several workers reading
    with OCR), for a PDF of several pages with a scanned page a ``workers.Fork`` of its
    pages, each read by whichever worker is free (``scanned.page_work``), then the document
    read with them (``scanned.given``): the same result, its pages read side by side. The
    parent declines the fork while other documents wait (the workers have work enough):
    the join is then sent with no pages' reads, and reads the document whole."""
    index, name, path, member, data, unreadable, code = task[:7]
    document = Document(name, path, member, data, unreadable, code)
    if len(task) > 7:
        return _part(task, document, options)
    if not apart:
        return parse_document(document, index=index, **options)
    token = APART.set(True)
    try:
        return parse_document(document, index=index, **options)
    except PagesApart as found:  # the bytes read and weighed: the parts read them again
        shared = (index, name, None, None, found.data, None, code)
        pages = range(1, found.pages + 1)
        return workers.Fork(tuple((*shared, "page", n) for n in pages), (*shared, "join"))
    finally:
        APART.reset(token)


def _part(task: tuple[Any, ...], document: Document, options: dict[str, Any]) -> Any:
    """A page of a scanned document read apart (``None``: no scan, or its reading failed:
    the join reads it), or the document read with its pages' (the join's result; with none,
    the fork declined, the document read whole as without ``apart``)."""
    from ..read.formats import scanned

    if task[7] == "page":
        try:
            return scanned.page_work(task[4], task[8])
        except Exception:  # the join reads the page itself, and fails as it would alone
            return None
    with scanned.given(dict(enumerate(task[8], start=1))):
        return parse_document(document, index=task[0], **options)


def _failed(task: _Task, error: ParseError) -> Result:
    """The result of a document that timed out or whose worker died."""
    return Result(task[0], task[1], error)
