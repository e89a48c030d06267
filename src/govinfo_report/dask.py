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
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from functools import partial
from pathlib import Path
from typing import Any

import attrs

from .catalogue import TEMPLATES
from .check.corrected import CorrectionsSource, load
from .corpus.stream import iter_parse
from .errors import MissingDependencyError
from .limits import MAX_BYTES, TIMEOUT
from .read import formats
from .read.documents import Document, listed
from .result import Result
from .structure import layouts
from .write import checkpoint, export, frames
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
    timeout: float | None = TIMEOUT,
    max_bytes: int | None = MAX_BYTES,
    corrections: CorrectionsSource | None = None,
) -> db.Bag:
    """A bag of ``Result``s, one per document of ``inputs``, failures included.

    Args:
        inputs: paths (a file, a directory tree, a zip or tar archive, a ``.jsonl`` file,
            as ``documents`` reads them), glob patterns (``reports/*/2021``, ``**`` too),
            ``Document`` objects, or an iterable of them. A pattern that matches nothing is
            a document that fails as ``unreadable``; a file passed over (a ``.doc``, an
            ``.xlsx``, a junk entry) is a result too, ``skipped`` with its reason, as on the
            command line.
        patterns, text_field, name_field: as for ``documents``.
        npartitions, partition_size: as for ``dask.bag.from_sequence`` (by default about
            100 partitions).
        layout, strict, format, corrections: as for ``parse`` (the corrections are loaded
            once, here, and travel with the tasks).
        timeout, max_bytes: as for ``iter_parse``: each document has ``timeout`` seconds
            (default 30), past which it fails as ``timeout``. A Dask worker parses its
            partition's documents in a worker process of its own for that, killed and
            replaced past the budget, so that one document never holds a Dask worker;
            ``None``: in the Dask worker itself, with no limit.

    The documents are listed here, when the bag is made; a result's ``index`` is its
    document's position in that list. A partition is parsed as it is read (once for each
    time the bag is computed): ``write_jsonl`` and ``write_parquet`` with ``resume`` do not
    read the partitions whose part was written already.

    Raises:
        UnknownLayoutError: ``layout`` names no registered layout.
        ValueError: ``format`` names no format.
    """
    if layout is not None:
        layouts.get(layout)
    formats.check(format)
    listed = list(enumerate(listing(inputs, patterns, text_field, name_field)))
    bag: db.Bag = db.from_sequence(listed, npartitions=npartitions, partition_size=partition_size)
    options = {
        "layout": layout,
        "strict": strict,
        "format": format,
        "max_bytes": max_bytes,
        "corrections": None if corrections is None else load(corrections),
    }
    parsed: db.Bag = bag.map_partitions(_Partition, timeout=timeout, options=options)
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
        yield from listed(paths, patterns, text_field=text_field, name_field=name_field, rows=True)


@attrs.frozen(eq=False)
class _Partition:
    """A partition's documents, parsed as they are iterated (``iter_parse`` with one worker
    and the time budget); a partition whose part is kept is never iterated. Picklable: it
    holds the documents and the options only."""

    documents: list[tuple[int, Document]] = attrs.field(converter=list)
    timeout: float | None
    options: dict[str, Any]

    def __iter__(self) -> Iterator[Result]:
        parsed = iter_parse(
            (document for _, document in self.documents),
            jobs=1,
            timeout=self.timeout,
            **self.options,
        )
        with closing(parsed):
            for (index, _), result in zip(self.documents, parsed, strict=True):
                yield attrs.evolve(result, index=index)

    def index_of(self, name: str) -> int:
        """The index of the document named ``name`` (-1: none)."""
        return next((index for index, document in self.documents if document.name == name), -1)


def write_jsonl(
    results: db.Bag,
    directory: str | os.PathLike[str],
    *,
    skip_failed: bool = False,
    resume: bool = False,
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

    With ``resume``, the parts already in ``directory`` (those an interrupted run wrote) are
    kept, and their partitions not parsed again: give the bag of the same inputs and
    partitions. A kept part's failures are read back from it (so with ``skip_failed``, they
    are not known again).
    """
    write_part = partial(_jsonl_part, skip_failed=skip_failed)
    return _write(results, directory, "jsonl", write_part, resume)


def write_parquet(
    results: db.Bag,
    directory: str | os.PathLike[str],
    templates: Sequence[str] = tuple(TEMPLATES),
    *,
    skip_failed: bool = False,
    resume: bool = False,
) -> Written:
    """Write ``results`` as Parquet parts, ``directory/part-00000.parquet`` on, every part
    with the same schema (``frames.write_parquet`` for ``templates``: by default both, the
    union of their keys), so that any Parquet reader reads the directory as one table, a
    document that failed a row too unless ``skip_failed``; and the failures also to
    ``directory/_failures.jsonl``. Needs the ``export`` extra (pyarrow) on the workers. As
    ``write_jsonl``, every document is parsed once, and ``resume`` keeps the parts written.
    """
    write_part = partial(_parquet_part, templates=templates, skip_failed=skip_failed)
    return _write(results, directory, "parquet", write_part, resume)


#: Writes one partition's reports to a path; returns nothing.
_PartWriter = Callable[[Sequence[Result], str], None]


def _write(
    results: db.Bag,
    directory: str | os.PathLike[str],
    suffix: str,
    write_part: _PartWriter,
    resume: bool = False,
) -> Written:
    folder = os.fspath(directory)
    os.makedirs(folder, exist_ok=True)
    count = results.npartitions
    digits = max(PART_DIGITS, len(str(count - 1)))
    paths = [os.path.join(folder, f"part-{i:0{digits}d}.{suffix}") for i in range(count)]
    numbers = db.from_sequence(range(count), npartitions=count)
    summaries = results.map_partitions(
        _write_partition, numbers, paths, write_part, resume
    ).compute()
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
    partition: Iterable[Result],
    number: Sequence[int],
    paths: Sequence[str],
    write: _PartWriter,
    resume: bool,
) -> list[tuple[int, int, int, list[Failure]]]:
    """Write one partition's reports to its part (with ``resume``, keep the part when it is
    there, the partition not parsed); its counts of complete, partial and empty reports,
    and its failures."""
    path = paths[number[0]]
    if resume and os.path.isfile(path) and isinstance(partition, _Partition):
        statuses, failures = _kept(path, partition)
    else:
        done = list(partition)
        with replaced(path) as temporary:  # hidden from readers until renamed
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


def _kept(path: str, partition: _Partition) -> tuple[list[str], list[Failure]]:
    """The statuses of the reports of a part written before, and its failures."""
    columns = ("source", "status", "error_code", "error_message", "error_line", "error_column")
    if path.endswith(".parquet"):
        rows = frames.read_columns(path, columns)
    else:
        rows = []
        for record in checkpoint.lines(Path(path)):
            error = record.get("error") or {}
            where = (error.get(name) for name in ("code", "message", "line", "column"))
            rows.append(
                dict(zip(columns, (record["source"], record["status"], *where), strict=True))
            )
    statuses = [row["status"] for row in rows if row["error_code"] is None]
    failures = [
        Failure(
            partition.index_of(row["source"]),
            row["source"],
            row["error_code"],
            row["error_message"],
            row["error_line"],
            row["error_column"],
        )
        for row in rows
        if row["error_code"] is not None
    ]
    return statuses, failures


def _jsonl_part(done: Sequence[Result], path: str, skip_failed: bool) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.writelines(export.to_jsonl(r for r in done if not (skip_failed and r.error)))


def _parquet_part(
    done: Sequence[Result], path: str, templates: Sequence[str], skip_failed: bool
) -> None:
    frames.write_parquet((r for r in done if not (skip_failed and r.error)), path, templates)
