"""A corpus on a Dask cluster (the ``dask`` extra): a bag of results, each document parsed
exactly once, failures kept, written as JSON Lines or Parquet parts that concatenate cleanly.

The documents are listed where the graph is built (``documents.documents`` for each path,
directory, archive or glob); the workers read and parse them (``stream.parse_document``) and
write the parts themselves, so reports never travel to the client, only a small summary per
part. See ``docs/streaming.md``.

>>> from govinfo_report import dask as gr_dask  # doctest: +SKIP
>>> bag = gr_dask.results(["reports/", "more/*.zip"])  # doctest: +SKIP
>>> written = gr_dask.write_jsonl(bag, "out")  # doctest: +SKIP
>>> written.reports, [f.name for f in written.failures]  # doctest: +SKIP
"""

from __future__ import annotations

import glob
import json
import os
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import Any

import attrs

from .catalogue import TEMPLATES
from .check.corrected import Corrections, CorrectionsSource, load
from .corpus.stream import Result, parse_document
from .errors import MissingDependencyError
from .read import formats
from .read.documents import Document, documents
from .structure import layouts
from .write import export, frames
from .write.atomic import replaced

try:
    import dask.bag as db
except ImportError:  # pragma: no cover - the extra is installed wherever this is tested
    raise MissingDependencyError(
        "dask is not installed: the Dask engine needs the dask extra "
        "(pip install 'govinfo-report[dask]')"
    ) from None

#: An input of ``results``: a path (file, directory, archive, ``.jsonl``), a glob pattern,
#: or a ``Document``.
Input = str | os.PathLike[str] | Document
#: The file listing the failures, beside the parts: Parquet readers (pyarrow, Dask, Spark)
#: skip names starting with ``_`` when they read a directory as one table.
FAILURES = "_failures.jsonl"
#: Digits of a part's number, at least: ``part-00000.jsonl`` sorts in input order.
PART_DIGITS = 5


@attrs.frozen
class Failure:
    """A document that failed: its position among the inputs, name, and error (``code``,
    ``message``, ``line`` and ``column`` of its ``ParseError``)."""

    index: int
    name: str
    code: str
    message: str
    line: int
    column: int

    def record(self) -> dict[str, Any]:
        """The failure as a JSON-ready dict (a line of ``_failures.jsonl``)."""
        return attrs.asdict(self)


@attrs.frozen
class Written:
    """What ``write_jsonl`` or ``write_parquet`` wrote.

    Attributes:
        parts: the part files, in input order (one per partition, empty ones included).
        complete, partial, empty: the reports written whose cells were all, some or none
            read (``Report.completeness()``).
        failures: the documents that failed, in input order (also in ``_failures.jsonl``).
    """

    parts: tuple[str, ...]
    complete: int
    partial: int
    empty: int
    failures: tuple[Failure, ...]

    @property
    def reports(self) -> int:
        """The reports written (documents that parsed)."""
        return self.complete + self.partial + self.empty


def results(
    inputs: Input | Iterable[Input],
    *,
    patterns: Sequence[str] | None = None,
    text_field: str = "text",
    name_field: str | None = None,
    npartitions: int | None = None,
    partition_size: int | None = None,
    layout: str | None = None,
    strict: bool = False,
    format: str | None = None,
    corrections: CorrectionsSource | None = None,
) -> db.Bag:
    """A bag of ``Result``s, one per document of ``inputs``, failures included.

    Args:
        inputs: paths (a file, a directory tree, a zip or tar archive, a ``.jsonl`` file,
            as ``documents`` reads them), glob patterns (``reports/*/2021``, ``**`` too),
            ``Document`` objects, or an iterable of them. A pattern that matches nothing is
            a document that fails as ``unreadable``.
        patterns, text_field, name_field: as for ``documents``.
        npartitions, partition_size: as for ``dask.bag.from_sequence`` (by default about
            100 partitions).
        layout, strict, format, corrections: as for ``parse`` (the corrections are loaded
            once, here, and travel with the tasks).

    The documents are listed here, when the bag is made; a result's ``index`` is its
    document's position in that list. Computing the bag parses every document once.

    Raises:
        UnknownLayoutError: ``layout`` names no registered layout.
        ValueError: ``format`` names no format.
    """
    if layout is not None:
        layouts.get(layout)
    formats.check(format)
    listed = list(enumerate(listing(inputs, patterns, text_field, name_field)))
    bag: db.Bag = db.from_sequence(listed, npartitions=npartitions, partition_size=partition_size)
    parsed: db.Bag = bag.map_partitions(
        _parse_partition,
        layout=layout,
        strict=strict,
        format=format,
        corrections=None if corrections is None else load(corrections),
    )
    return parsed


def listing(
    inputs: Input | Iterable[Input],
    patterns: Sequence[str] | None = None,
    text_field: str = "text",
    name_field: str | None = None,
) -> Iterable[Document]:
    """The documents of ``inputs`` (see ``results``), in order."""
    if isinstance(inputs, str | os.PathLike | Document):
        inputs = [inputs]
    for item in inputs:
        if isinstance(item, Document):
            yield item
            continue
        name = os.fspath(item)
        paths = [name]
        if glob.has_magic(name) and not os.path.exists(name):
            paths = sorted(glob.glob(name, recursive=True))
            if not paths:
                yield Document(name, unreadable=f"no file matches {name}")
        for path in paths:
            yield from documents(path, patterns, text_field=text_field, name_field=name_field)


def _parse_partition(
    documents: Iterable[tuple[int, Document]],
    layout: str | None,
    strict: bool,
    format: str | None,
    corrections: Corrections | None = None,
) -> list[Result]:
    return [
        parse_document(
            document,
            layout=layout,
            strict=strict,
            index=index,
            format=format,
            corrections=corrections,
        )
        for index, document in documents
    ]


def write_jsonl(
    results: db.Bag, directory: str | os.PathLike[str], *, skip_failed: bool = False
) -> Written:
    """Write ``results`` (a bag of ``Result``) as JSON Lines parts,
    ``directory/part-00000.jsonl`` on, one per partition, each line ending with a newline (so
    ``cat part-*.jsonl`` is the whole corpus in input order), each record as
    ``parse --format jsonl`` writes it: a document that failed is a record too (``status``
    ``failed``, its ``error``), unless ``skip_failed``; and the failures also to
    ``directory/_failures.jsonl``.

    Each partition is parsed and written by the worker holding it, in one computation: every
    document is parsed once. A part is written to a temporary name and renamed, so a task
    run again (a worker lost) never leaves half a part.
    """
    return _write(results, directory, "jsonl", partial(_jsonl_part, skip_failed=skip_failed))


def write_parquet(
    results: db.Bag,
    directory: str | os.PathLike[str],
    templates: Sequence[str] = tuple(TEMPLATES),
    *,
    skip_failed: bool = False,
) -> Written:
    """Write ``results`` as Parquet parts, ``directory/part-00000.parquet`` on, every part
    with the same schema (``frames.write_parquet`` for ``templates``: by default both, the
    union of their keys), so that any Parquet reader reads the directory as one table, a
    document that failed a row too unless ``skip_failed``; and the failures also to
    ``directory/_failures.jsonl``. Needs the ``export`` extra (pyarrow) on the workers. As
    ``write_jsonl``, every document is parsed once.
    """
    write_part = partial(_parquet_part, templates=templates, skip_failed=skip_failed)
    return _write(results, directory, "parquet", write_part)


#: Writes one partition's reports to a path; returns nothing.
_PartWriter = Callable[[Sequence[Result], str], None]


def _write(
    results: db.Bag, directory: str | os.PathLike[str], suffix: str, write_part: _PartWriter
) -> Written:
    folder = os.fspath(directory)
    os.makedirs(folder, exist_ok=True)
    count = results.npartitions
    digits = max(PART_DIGITS, len(str(count - 1)))
    paths = [os.path.join(folder, f"part-{i:0{digits}d}.{suffix}") for i in range(count)]
    numbers = db.from_sequence(range(count), npartitions=count)
    summaries = results.map_partitions(_write_partition, numbers, paths, write_part).compute()
    failures = tuple(failure for summary in summaries for failure in summary[3])
    with (
        replaced(os.path.join(folder, FAILURES)) as temporary,
        open(temporary, "w", encoding="utf-8") as handle,
    ):
        handle.writelines(
            json.dumps(failure.record(), ensure_ascii=False) + "\n" for failure in failures
        )
    return Written(
        tuple(paths),
        sum(summary[0] for summary in summaries),
        sum(summary[1] for summary in summaries),
        sum(summary[2] for summary in summaries),
        failures,
    )


def _write_partition(
    partition: Iterable[Result], number: Sequence[int], paths: Sequence[str], write: _PartWriter
) -> list[tuple[int, int, int, list[Failure]]]:
    """Write one partition's reports to its part; its counts of complete, partial and empty
    reports, and its failures."""
    done = list(partition)
    with replaced(paths[number[0]]) as temporary:  # hidden from readers until renamed
        write(done, temporary)
    statuses = [r.report.completeness().status for r in done if r.report is not None]
    failures = [
        Failure(r.index, r.name, r.error.code, r.error.message, r.error.line, r.error.column)
        for r in done
        if r.error is not None
    ]
    return [
        (
            statuses.count("complete"),
            statuses.count("partial"),
            statuses.count("empty"),
            failures,
        )
    ]


def _jsonl_part(done: Sequence[Result], path: str, skip_failed: bool) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.writelines(export.to_jsonl(r for r in done if not (skip_failed and r.error)))


def _parquet_part(
    done: Sequence[Result], path: str, templates: Sequence[str], skip_failed: bool
) -> None:
    frames.write_parquet((r for r in done if not (skip_failed and r.error)), path, templates)
