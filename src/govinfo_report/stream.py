"""Parse a corpus: ``iter_parse`` over any number of documents, in worker processes when
asked, lazily and in constant memory; one result per document, failures included.

``parse_document`` is the per-document function (the workers', and the one to map with Dask).
A ``Result`` crosses a process boundary in the compact form of ``compact.pack`` and rebuilds
its ``Report`` on first access. See ``docs/streaming.md``.
"""

from __future__ import annotations

import os
import pickle
import signal
import traceback
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, as_completed, wait
from functools import partial

import attrs

from . import formats, layouts
from .compact import pack, unpack
from .documents import Document
from .errors import InternalError, MissingDependencyError, ParseError, UnknownLayoutError
from .model import Report
from .parser import parse

#: A source of ``iter_parse``: text, raw bytes, a path, or a ``Document``.
Source = str | bytes | os.PathLike[str] | Document

#: Documents a worker takes at a time when ``chunksize`` is not given: enough to make the
#: pool's cost per task (about 100 us of the parent's time) small against parsing them, few
#: enough that ordered results do not wait long behind one slow chunk (docs/streaming.md).
CHUNKSIZE = 16
#: Chunks per worker given out ahead of the results taken: bounds the documents in flight.
CHUNKS_AHEAD = 4


@attrs.frozen(eq=False)
class Result:
    """The outcome of one document of a stream.

    Attributes:
        index: the document's position in the input stream (0-based).
        name: the document's name (``Document.name``).
        error: why the document failed (``ParseError``, code ``unreadable`` when it could
            not be read, ``internal-error`` for a bug), or ``None``.

    ``report`` is the parsed report (``None`` on failure). A result pickles its report as
    one ``bytes`` object holding the compact form (``compact.pack``); the report is rebuilt
    from it on first access and kept. So a parent process pays next to nothing for a result
    until it asks for the report. Results compare by identity: compare their reports.
    """

    index: int
    name: str
    error: ParseError | None = None
    _packed: bytes | None = attrs.field(default=None, alias="packed", repr=False)
    _report: Report | None = attrs.field(default=None, alias="report", repr=False)

    @property
    def report(self) -> Report | None:
        """The report, rebuilt from the compact form on first access."""
        if self._report is None and self._packed is not None:
            object.__setattr__(self, "_report", unpack(pickle.loads(self._packed)))
            object.__setattr__(self, "_packed", None)
        return self._report

    @property
    def ok(self) -> bool:
        """Whether the document parsed (``error`` is ``None``)."""
        return self.error is None

    def __reduce__(self) -> tuple[object, ...]:
        packed = self._packed
        if packed is None and self._report is not None:
            packed = pickle.dumps(pack(self._report), protocol=pickle.HIGHEST_PROTOCOL)
        return _packed_result, (self.index, self.name, self.error, packed)


def _packed_result(index: int, name: str, error: ParseError | None, packed: bytes | None) -> Result:
    return Result(index, name, error, packed=packed)


def parse_document(
    document: Document,
    *,
    layout: str | None = None,
    strict: bool = False,
    index: int = 0,
    format: str | None = None,
) -> Result:
    """Read and parse one document; never raises for a bad document.

    The report's ``source`` is the document's name. A document that cannot be read fails
    with code ``unreadable``, one that is not a report with its ``ParseError``, and an
    unexpected exception (a bug) as ``InternalError`` (code ``internal-error``, with the
    traceback).

    A document whose name ends with a document format's suffix (``.html``, ``.docx``,
    ``.pdf``, …; a zip member's too) is read as that format, unless ``format`` is given; one
    whose format's extra is not installed fails as ``unreadable``, saying which to install.

    Args:
        document: what to read.
        layout, strict, format: as for ``parse``.
        index: the position recorded in the result.

    Raises:
        UnknownLayoutError: ``layout`` names no registered layout (a wrong call, not a bad
            document).
        ValueError: ``format`` names no format (the same).
    """
    formats.check(format)
    try:
        report = parse(
            document.read(),
            layout=layout,
            strict=strict,
            format=format or formats.kind_of(document.name),
        )
    except ParseError as error:
        return Result(index, document.name, error)
    except MissingDependencyError as error:
        return Result(index, document.name, ParseError(str(error), code="unreadable"))
    except UnknownLayoutError:
        raise
    except Exception as error:  # a bug: one document's, never the whole stream's
        return Result(
            index,
            document.name,
            InternalError(
                f"internal error: {type(error).__name__}: {error}", traceback=traceback.format_exc()
            ),
        )
    return Result(index, document.name, report=attrs.evolve(report, source=document.name))


def iter_parse(
    sources: Iterable[Source],
    *,
    jobs: int | None = 1,
    ordered: bool = True,
    chunksize: int | None = None,
    layout: str | None = None,
    strict: bool = False,
    format: str | None = None,
) -> Generator[Result, None, None]:
    """Parse every source, yielding a ``Result`` for each, failures included.

    Args:
        sources: any iterable (a generator of millions is fine: it is read as results are
            taken) of report texts (``str``), raw bytes, paths or ``Document``s (see
            ``documents``, ``directory``, ``zip_archive``, ``tar_archive``, ``json_lines``).
        jobs: worker processes; 1 parses in this process, 0 or ``None`` one per CPU.
        ordered: yield results in input order; ``False``: as they complete.
        chunksize: documents a worker takes at a time (default ``CHUNKSIZE``).
        layout, strict: as for ``parse``.
        format: as for ``parse``, for every document; by default each document's name
            decides (see ``parse_document``).

    Yields:
        One ``Result`` per source. At most ``jobs * chunksize * CHUNKS_AHEAD`` documents are
        read ahead of the results taken; stopping early (``close``, Ctrl-C) drops the chunks
        not started and stops the workers once they finish theirs.

    Raises:
        UnknownLayoutError: ``layout`` names no registered layout.
        ValueError: ``jobs`` or ``chunksize`` is negative or zero (``chunksize``), or
            ``format`` names no format.
        TypeError: a source is none of the four kinds (when the stream reaches it).

    Example:
        >>> for result in gr.iter_parse(gr.directory("reports"), jobs=2):  # doctest: +SKIP
        ...     print(result.name, result.report.year if result.ok else result.error.code)
    """
    if layout is not None:
        layouts.get(layout)
    formats.check(format)
    workers = _workers(jobs)
    size = CHUNKSIZE if chunksize is None else chunksize
    if size < 1:
        raise ValueError(f"chunksize must be at least 1, not {size}")
    if workers == 1:
        return _in_process(sources, layout, strict, format)
    return _pooled(sources, workers, ordered, size, layout, strict, format)


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
    sources: Iterable[Source], layout: str | None, strict: bool, format: str | None
) -> Generator[Result, None, None]:
    for index, source in enumerate(sources):
        yield parse_document(
            as_document(source, index), layout=layout, strict=strict, index=index, format=format
        )


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


def _pooled(
    sources: Iterable[Source],
    workers: int,
    ordered: bool,
    chunksize: int,
    layout: str | None,
    strict: bool,
    format: str | None,
) -> Generator[Result, None, None]:
    """Results from ``workers`` processes, at most ``workers * CHUNKS_AHEAD`` chunks handed
    out ahead of the results taken; the sources are read here, a chunk at a time, only when
    a chunk is handed out."""
    work = partial(_work, layout=layout, strict=strict, format=format)
    ahead = workers * CHUNKS_AHEAD
    pool = ProcessPoolExecutor(workers, initializer=_ignore_interrupts)
    failure: Exception | None = None
    try:
        if ordered:
            queued: deque[Future[list[Result]]] = deque()
            try:
                for chunk in _chunks(sources, chunksize):
                    queued.append(pool.submit(work, chunk))
                    if len(queued) >= ahead:
                        yield from queued.popleft().result()
            except _SourceError as error:  # the documents before it are still yielded
                queued.append(pool.submit(work, error.chunk))
                failure = error.cause
            while queued:
                yield from queued.popleft().result()
        else:
            running: set[Future[list[Result]]] = set()
            try:
                for chunk in _chunks(sources, chunksize):
                    running.add(pool.submit(work, chunk))
                    if len(running) >= ahead:
                        done, running = wait(running, return_when=FIRST_COMPLETED)
                        for future in done:
                            yield from future.result()
            except _SourceError as error:
                running.add(pool.submit(work, error.chunk))
                failure = error.cause
            for future in as_completed(running):
                yield from future.result()
        if failure is not None:
            raise failure
    finally:
        # Stopped early (break, close, Ctrl-C) or done: chunks not started are dropped, the
        # workers finish the ones they hold and exit; no process is killed mid-write.
        pool.shutdown(wait=True, cancel_futures=True)


#: What the parent sends a worker for a document: its index and fields, as a plain tuple
#: (pickling one costs a tenth of pickling a ``Document``).
_Task = tuple[int, str, str | None, str | None, bytes | str | None, str | None]


class _SourceError(Exception):
    """The sources raised ``cause`` (or held a source of no known kind) after ``chunk``."""

    def __init__(self, cause: Exception, chunk: list[_Task]) -> None:
        super().__init__(str(cause))
        self.cause, self.chunk = cause, chunk


def _chunks(sources: Iterable[Source], size: int) -> Iterator[list[_Task]]:
    """The sources as tasks, ``size`` at a time, read as the chunks are asked for. An error
    of the sources comes as ``_SourceError`` carrying the tasks read before it, so the
    results of every document before the error are still yielded, as in one process."""
    chunk: list[_Task] = []
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
                )
            )
            if len(chunk) == size:
                yield chunk
                chunk = []
    except Exception as error:
        raise _SourceError(error, chunk) from error
    if chunk:
        yield chunk


def _work(tasks: list[_Task], layout: str | None, strict: bool, format: str | None) -> list[Result]:
    return [
        parse_document(
            Document(name, path, member, data, unreadable),
            layout=layout,
            strict=strict,
            index=index,
            format=format,
        )
        for index, name, path, member, data, unreadable in tasks
    ]


def _ignore_interrupts() -> None:
    # Ctrl-C reaches every process of the terminal's group: the parent alone handles it, by
    # shutting the pool down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
