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

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any, Literal

from ..catalogue import TEMPLATES, Kind
from ..check.corrected import CorrectionsSource
from ..corpus.resume import Done
from ..corpus.stream import iter_parse
from ..errors import export_extra
from ..limits import MAX_BYTES, TIMEOUT
from ..model import Report
from ..read.documents import OnSkip, listed
from ..result import Result
from ..version import __version__
from .export import (
    CORRECTED_COLUMN,
    LISTS,
    LONG_COLUMNS,
    META,
    META_COLUMNS,
    PROVENANCE,
    Item,
    column_name,
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
    every catalogue key of ``templates`` (default: both, the union of their keys, in the
    order of the command line's CSV: the same columns whatever the reports), each followed
    by ``KEY:provenance`` with ``provenance``. Where corrections were applied
    (``Report.reviewed``), ``cells_corrected`` follows ``cells_missing``.

    Raises:
        MissingDependencyError: pandas is not installed.

    Example:
        >>> frame = gr.report_frame(gr.iter_parse(gr.directory("reports")))  # doctest: +SKIP
        >>> frame.groupby("year")["applications.new.total"].sum()  # doctest: +SKIP
    """
    pandas = export_extra("pandas")
    items = list(reports)
    chosen = templates or tuple(TEMPLATES)
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
    pandas = export_extra("pandas")
    frame = pandas.DataFrame(
        [values for item in reports for values in long_rows(item)],
        columns=list(LONG_COLUMNS),
        dtype=object,
    )
    return frame.astype({**dict.fromkeys(("year", "line", "column"), "Int64"), "blank": "boolean"})


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
    done: Iterable[Done] | None = None,
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
        skip_failed: leave out the documents that failed and the files skipped.
        patterns, skipped: as for ``documents``; a file passed over is named to
            ``skipped`` and is a row too (``status`` ``skipped``, ``error_message`` why),
            left out with ``skip_failed``.
        done: as for ``iter_parse``: the documents of an earlier run to pass over.
        corrections: reviewers' verdicts to apply, as for ``parse``.

    Raises:
        MissingDependencyError: pandas is not installed.

    Example:
        >>> frame = gr.read_reports("reports/", jobs=2)  # doctest: +SKIP
        >>> frame[frame.status == "failed"][["source", "error_code"]]  # doctest: +SKIP
    """
    export_extra("pandas")
    results = _results(
        inputs, jobs, ocr, patterns, layout, timeout, max_bytes, skipped, done, corrections
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
    done: Iterable[Done] | None = None,
    corrections: CorrectionsSource | None = None,
) -> pandas.DataFrame:
    """As ``read_reports``, the long table (``cells_frame``): a row per cell of each report,
    a row per document that failed.

    Example:
        >>> cells = gr.read_cells("reports/")  # doctest: +SKIP
        >>> cells[cells.provenance == "derived"][["key", "value", "rule"]]  # doctest: +SKIP
    """
    export_extra("pandas")
    results = _results(
        inputs, jobs, ocr, patterns, layout, timeout, max_bytes, skipped, done, corrections
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
    done: Iterable[Done] | None = None,
    corrections: CorrectionsSource | None = None,
) -> Iterator[Result]:
    paths = [inputs] if isinstance(inputs, str | os.PathLike) else list(inputs)
    documents = listed(
        paths, patterns, max_bytes=max_bytes, skipped=skipped, timeout=timeout, rows=True
    )
    results = iter_parse(
        documents,
        jobs=jobs,
        layout=layout,
        timeout=timeout,
        max_bytes=max_bytes,
        ocr=ocr,
        done=done,
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
    column_names: str = "dotted",
) -> int:
    """Write a Parquet file with a row per report or document (failures too) and the
    columns of ``report_frame`` for ``templates``, ``row_group`` rows at a time (memory
    stays bounded whatever the count); the schema describes each column in its field's
    metadata (``description``; a key's Chinese ``label`` and ``kind`` too). Returns the
    rows written. It writes ``path`` in place: ``atomic.replaced`` makes it whole or
    nothing. ``column_names`` names the columns (``export.column_name``).

    Raises:
        MissingDependencyError: pyarrow is not installed.
        OSError: the file cannot be written.
    """
    pyarrow = export_extra("pyarrow")
    parquet = export_extra("pyarrow.parquet")
    schema = schema_of(templates, provenance, column_names)
    names = columns(templates, provenance)
    written = 0
    with parquet.ParquetWriter(os.fspath(path), schema) as writer:
        for batch in _batches(iter(reports), names, row_group):
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


def _kinds(templates: Sequence[str]) -> dict[str, Kind]:
    return {f.key: f.kind for name in templates for f in TEMPLATES[name].fields}


def schema_of(
    templates: Sequence[str], provenance: bool = False, column_names: str = "dotted"
) -> pyarrow.Schema:
    """The Parquet schema of ``write_parquet`` for ``templates``: each field described in
    its metadata (``description``; for a key also ``label``, the official Chinese row and
    column labels, and ``kind``), the whole schema too (``description``, ``version``), each
    named as ``column_names`` says (``export.column_name``)."""
    pyarrow = export_extra("pyarrow")
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
    fields = [field.with_name(column_name(field.name, column_names)) for field in fields]
    return pyarrow.schema(
        fields,
        metadata={
            "description": "政府信息公开工作年度报告 read by govinfo_report: a row per "
            "document, failures included (status failed); see docs/streaming.md",
            "version": __version__,
            "pandas": _pandas_metadata(fields),
        },
    )


#: What pandas makes of a Parquet type, as its metadata names it: (pandas_type, numpy_type).
_PANDAS_TYPES = {
    "int64": ("int64", "Int64"),
    "bool": ("bool", "boolean"),
    "date32[day]": ("date", "object"),
    "string": ("unicode", "object"),
    "list<item: string>": ("list[unicode]", "object"),
    "decimal": ("decimal", "object"),
}


def _pandas_metadata(fields: Sequence[pyarrow.Field]) -> str:
    """The ``pandas`` metadata of the schema (as ``pyarrow`` writes it for a DataFrame), so
    that a plain ``pandas.read_parquet`` gives the types of ``report_frame``: counts
    ``Int64`` (null as ``<NA>``, never a float), ``complete`` ``boolean``, money exact
    ``Decimal`` objects, ``published`` ``datetime.date`` objects."""
    described = []
    for field in fields:
        decimal = field.type.id == export_extra("pyarrow").decimal128(1, 0).id
        pandas_type, numpy_type = (
            ("decimal", "object") if decimal else _PANDAS_TYPES[str(field.type)]
        )
        described.append(
            {
                "name": field.name,
                "field_name": field.name,
                "pandas_type": pandas_type,
                "numpy_type": numpy_type,
                "metadata": {"precision": MONEY_PRECISION, "scale": MONEY_SCALE}
                if decimal
                else None,
            }
        )
    return json.dumps(
        {
            "index_columns": [],
            "column_indexes": [],
            "columns": described,
            "creator": {"library": "govinfo_report", "version": __version__},
        }
    )


def read_columns(path: str | os.PathLike[str], columns: Sequence[str]) -> list[dict[str, Any]]:
    """The rows of a Parquet file written by ``write_parquet``, ``columns`` only."""
    parquet = export_extra("pyarrow.parquet")
    rows: list[dict[str, Any]] = parquet.read_table(path, columns=list(columns)).to_pylist()
    return rows
