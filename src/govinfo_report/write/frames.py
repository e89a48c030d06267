"""Reports as a pandas DataFrame or a Parquet file, a row per document (the ``export``
extra: pandas and pyarrow, imported only when one of these is called), and the one-call
loaders ``read_reports`` and ``read_cells``.

Every document is a row, failures too (``status`` ``failed``, the error's columns set, no
values). Types: counts and signed changes are nullable integers (pandas ``Int64``, Parquet
``int64``), so a missing cell is ``<NA>``/null, never 0 or NaN; money stays exact:
``Decimal`` objects in the DataFrame (as ``Report.flat`` gives them) and
``decimal128(27, 12)`` in Parquet (15 digits before the point as the parser reads them, 12
after, enough for 元 converted to 万元). The columns before the keys are ``export.META``;
``reasons``, ``keys_derived`` and ``keys_blank`` are lists of strings.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any, Literal

from ..catalogue import TEMPLATES, Kind
from ..check.corrected import CorrectionsSource
from ..corpus.stream import Result, iter_parse
from ..errors import MissingDependencyError
from ..limits import MAX_BYTES, TIMEOUT
from ..model import Report
from ..read.documents import OnSkip, listed
from ..version import __version__
from .export import (
    CORRECTED_COLUMN,
    LISTS,
    LONG_COLUMNS,
    META,
    META_COLUMNS,
    PROVENANCE,
    Item,
    columns,
    failed,
    long_rows,
    outcome,
    row,
)


def _report(item: Item) -> Report | None:
    return outcome(item)[0]


if TYPE_CHECKING:
    import pandas
    import pyarrow

#: Reports per Parquet row group (and per batch held in memory while writing).
ROW_GROUP = 10_000
MONEY_PRECISION, MONEY_SCALE = 27, 12
#: The integer columns of ``META``.
_COUNTS = (
    "year",
    *(name for name in META if name.startswith("cells_")),
    "errors",
    "warnings",
    "error_line",
    "error_column",
)
#: An input of the loaders: a file, a directory tree, an archive or a ``.jsonl`` file.
Path = str | os.PathLike[str]


def report_frame(
    reports: Iterable[Item], templates: Sequence[str] | None = None, *, provenance: bool = False
) -> pandas.DataFrame:
    """A DataFrame with a row per report or document (``Report`` objects, or the
    ``Result``\\ s of ``iter_parse``: a document that failed is a row): the columns of
    ``export.META`` (the counts ``cells_ocr`` and ``cells_ocr_reads_only`` among them), then
    every catalogue key of ``templates`` (default: the templates of the reports, 2019 when
    there are none), each followed by ``KEY:provenance`` with ``provenance``. Where
    corrections were applied (``Report.reviewed``), ``cells_corrected`` follows
    ``cells_missing``.

    Raises:
        MissingDependencyError: pandas is not installed.

    Example:
        >>> frame = gr.report_frame(gr.iter_parse(gr.directory("reports")))  # doctest: +SKIP
        >>> frame.groupby("year")["applications.new.total"].sum()  # doctest: +SKIP
    """
    pandas = _need("pandas")
    items = list(reports)
    chosen = templates or _templates(items)
    reviewed = any(report.reviewed for report in map(_report, items) if report is not None)
    names = columns(chosen, provenance, reviewed)
    frame = pandas.DataFrame([row(item, names) for item in items], columns=names, dtype=object)
    counts = [*_COUNTS, CORRECTED_COLUMN] if reviewed else _COUNTS
    integers = [*counts, *(key for key, kind in _kinds(chosen).items() if kind != "money")]
    return frame.astype({**dict.fromkeys(integers, "Int64"), "complete": "boolean"})


def cells_frame(reports: Iterable[Item]) -> pandas.DataFrame:
    """The long table: a row per catalogue cell of each report and a row per document that
    failed, with ``export.LONG_COLUMNS`` (``year``, ``line`` and ``column`` ``Int64``;
    ``value`` an ``int`` or exact ``Decimal``, ``None`` when blank or missing).

    Raises:
        MissingDependencyError: pandas is not installed.
    """
    pandas = _need("pandas")
    frame = pandas.DataFrame(
        [values for item in reports for values in long_rows(item)],
        columns=list(LONG_COLUMNS),
        dtype=object,
    )
    return frame.astype(dict.fromkeys(("year", "line", "column"), "Int64"))


def read_reports(
    inputs: Path | Iterable[Path],
    *,
    jobs: int | None = 1,
    ocr: bool | Literal["strict"] = False,
    templates: Sequence[str] | None = None,
    provenance: bool = False,
    skip_failed: bool = False,
    patterns: Sequence[str] | None = None,
    layout: str | None = None,
    timeout: float | None = TIMEOUT,
    max_bytes: int | None = MAX_BYTES,
    skipped: OnSkip | None = None,
    corrections: CorrectionsSource | None = None,
) -> pandas.DataFrame:
    """Parse every report of ``inputs`` into a DataFrame with a row per document, in input
    order, failures included (``status`` ``failed``): ``report_frame`` of what
    ``iter_parse`` gives for the documents of each input (``documents``: a file, a
    directory tree, a zip or tar archive, a ``.jsonl`` file; a ``str`` here is a path).

    Args:
        jobs, layout, timeout, max_bytes: as for ``iter_parse``.
        ocr: as for ``iter_parse``: scanned PDF pages read by OCR (the ``ocr`` extra).
        templates, provenance: as for ``report_frame``.
        skip_failed: leave out the documents that failed.
        patterns, skipped: as for ``documents`` (a file passed over is no document: it is
            named to ``skipped``, never a row).
        corrections: reviewers' verdicts to apply, as for ``parse``.

    Raises:
        MissingDependencyError: pandas is not installed.

    Example:
        >>> frame = gr.read_reports("reports/", jobs=2)  # doctest: +SKIP
        >>> frame[frame.status == "failed"][["source", "error_code"]]  # doctest: +SKIP
    """
    _need("pandas")
    results = _results(
        inputs, jobs, ocr, patterns, layout, timeout, max_bytes, skipped, corrections
    )
    return report_frame(
        (result for result in results if not (skip_failed and failed(result))),
        templates,
        provenance=provenance,
    )


def read_cells(
    inputs: Path | Iterable[Path],
    *,
    jobs: int | None = 1,
    ocr: bool | Literal["strict"] = False,
    skip_failed: bool = False,
    patterns: Sequence[str] | None = None,
    layout: str | None = None,
    timeout: float | None = TIMEOUT,
    max_bytes: int | None = MAX_BYTES,
    skipped: OnSkip | None = None,
    corrections: CorrectionsSource | None = None,
) -> pandas.DataFrame:
    """As ``read_reports``, the long table (``cells_frame``): a row per cell of each report,
    a row per document that failed.

    Example:
        >>> cells = gr.read_cells("reports/")  # doctest: +SKIP
        >>> cells[cells.provenance == "derived"][["key", "value", "rule"]]  # doctest: +SKIP
    """
    _need("pandas")
    results = _results(
        inputs, jobs, ocr, patterns, layout, timeout, max_bytes, skipped, corrections
    )
    return cells_frame(result for result in results if not (skip_failed and failed(result)))


def _results(
    inputs: Path | Iterable[Path],
    jobs: int | None,
    ocr: bool | Literal["strict"],
    patterns: Sequence[str] | None,
    layout: str | None,
    timeout: float | None,
    max_bytes: int | None,
    skipped: OnSkip | None,
    corrections: CorrectionsSource | None = None,
) -> Iterator[Result]:
    paths = [inputs] if isinstance(inputs, str | os.PathLike) else list(inputs)
    documents = listed(paths, patterns, max_bytes=max_bytes, skipped=skipped, timeout=timeout)
    results = iter_parse(
        documents,
        jobs=jobs,
        layout=layout,
        timeout=timeout,
        max_bytes=max_bytes,
        ocr=ocr,
        corrections=corrections,
    )
    try:
        yield from results
    finally:
        results.close()


def write_parquet(
    reports: Iterable[Item],
    path: str | os.PathLike[str],
    templates: Sequence[str],
    row_group: int = ROW_GROUP,
    *,
    provenance: bool = False,
) -> int:
    """Write a Parquet file with a row per report or document (failures too) and the
    columns of ``report_frame`` for ``templates``, ``row_group`` rows at a time (memory
    stays bounded whatever the count); the schema describes each column in its field's
    metadata (``description``; a key's Chinese ``label`` and ``kind`` too). Returns the
    rows written. It writes ``path`` in place: ``atomic.replaced`` makes it whole or
    nothing.

    Raises:
        MissingDependencyError: pyarrow is not installed.
        OSError: the file cannot be written.
    """
    pyarrow = _need("pyarrow")
    parquet = _need("pyarrow.parquet")
    schema = schema_of(templates, provenance)
    written = 0
    with parquet.ParquetWriter(os.fspath(path), schema) as writer:
        for batch in _batches(iter(reports), schema.names, row_group):
            writer.write_batch(
                pyarrow.RecordBatch.from_arrays(
                    [
                        pyarrow.array(column, type=field.type)
                        for column, field in zip(zip(*batch, strict=True), schema, strict=True)
                    ],
                    schema=schema,
                )
            )
            written += len(batch)
    return written


def _batches(items: Iterator[Item], names: list[str], size: int) -> Iterator[list[list[Any]]]:
    while batch := [row(item, names) for item in islice(items, size)]:
        yield batch


def _templates(items: Sequence[Item]) -> list[str]:
    """The templates of the reports among ``items``, 2019 when there are none."""
    found = {report.template for item in items if (report := outcome(item)[0]) is not None}
    return sorted(found) or ["2019"]


def _kinds(templates: Sequence[str]) -> dict[str, Kind]:
    return {f.key: f.kind for name in templates for f in TEMPLATES[name].fields}


def schema_of(templates: Sequence[str], provenance: bool = False) -> pyarrow.Schema:
    """The Parquet schema of ``write_parquet`` for ``templates``: each field described in
    its metadata (``description``; for a key also ``label``, the official Chinese row and
    column labels, and ``kind``), the whole schema too (``description``, ``version``)."""
    pyarrow = _need("pyarrow")
    money = pyarrow.decimal128(MONEY_PRECISION, MONEY_SCALE)
    types = {"published": pyarrow.date32(), "complete": pyarrow.bool_()}
    types.update(dict.fromkeys(_COUNTS, pyarrow.int64()))
    types.update(dict.fromkeys(LISTS, pyarrow.list_(pyarrow.string())))
    fields = [
        pyarrow.field(name, types.get(name, pyarrow.string()), metadata={"description": about})
        for name, about in META_COLUMNS.items()
    ]
    described = {f.key: f for name in reversed(templates) for f in TEMPLATES[name].fields}
    for name in columns(templates, provenance)[len(META) :]:
        if name.endswith(PROVENANCE):
            key = name.removesuffix(PROVENANCE)
            about = f"the provenance of {key}: parsed, derived, blank or missing"
            fields.append(pyarrow.field(name, pyarrow.string(), metadata={"description": about}))
            continue
        field = described[name]
        kind = (
            "money in 万元 (as printed when no unit is)"
            if field.kind == "money"
            else "a signed whole number"
            if field.kind == "signed"
            else "a count"
        )
        metadata = {
            "description": f"{field.row_label} · {field.column_label}: {kind}; null when "
            "printed blank or missing (see keys_blank, cells_missing)",
            "label": f"{field.row_label} · {field.column_label}",
            "kind": field.kind,
        }
        value_type = money if field.kind == "money" else pyarrow.int64()
        fields.append(pyarrow.field(name, value_type, metadata=metadata))
    return pyarrow.schema(
        fields,
        metadata={
            "description": "政府信息公开工作年度报告 read by govinfo_report: a row per "
            "document, failures included (status failed); see docs/streaming.md",
            "version": __version__,
        },
    )


def _need(module: str) -> Any:
    """Import an optional dependency, or say how to install it."""
    try:
        return __import__(module, fromlist=["_"])
    except ImportError:
        raise MissingDependencyError(
            f"{module.partition('.')[0]} is not installed: DataFrames and Parquet files need "
            "the export extra (pip install 'govinfo-report[export]')"
        ) from None
