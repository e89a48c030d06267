"""Reports as a pandas DataFrame or a Parquet file, a row per report (the ``export`` extra:
pandas and pyarrow, imported only when one of these is called).

Types: counts and signed changes are nullable integers (pandas ``Int64``, Parquet ``int64``),
so a missing cell is ``<NA>``/null, never 0 or NaN; money stays exact: ``Decimal`` objects in
the DataFrame (as ``Report.flat`` gives them) and ``decimal128(27, 12)`` in Parquet (15 digits
before the point as the parser reads them, 12 after, enough for 元 converted to 万元). The
columns before the keys are ``export.META``: the report's name and metadata, and how complete
it is (``complete`` a boolean, the counts integers).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any

from .catalogue import TEMPLATES, Kind
from .errors import MissingDependencyError
from .export import META, csv_columns, row
from .model import Report

if TYPE_CHECKING:
    import pandas
    import pyarrow

#: Reports per Parquet row group (and per batch held in memory while writing).
ROW_GROUP = 10_000
MONEY_PRECISION, MONEY_SCALE = 27, 12
#: The integer columns of ``META``.
_COUNTS = ("year", *(name for name in META if name.startswith("cells_")), "errors", "warnings")


def report_frame(
    reports: Iterable[Report], templates: Sequence[str] | None = None
) -> pandas.DataFrame:
    """A DataFrame with a row per report: the columns of ``export.META`` (``source``,
    ``organisation``, ``year``, ``template``, ``published``; ``status``, ``complete``,
    ``cells_parsed``, ``cells_derived``, ``cells_blank``, ``cells_missing``, ``cells_ocr``,
    ``cells_ocr_reads_only``, ``errors``, ``warnings``; the layout of each table), then
    every catalogue key of ``templates`` (default: the templates of the reports, 2019 when
    there are none).

    Raises:
        MissingDependencyError: pandas is not installed.

    Example:
        >>> results = gr.iter_parse(gr.directory("reports"), jobs=2)  # doctest: +SKIP
        >>> frame = gr.report_frame(r.report for r in results if r.ok)  # doctest: +SKIP
        >>> frame.groupby("year")["applications.new.total"].sum()  # doctest: +SKIP
    """
    pandas = _need("pandas")
    reports = list(reports)
    chosen = templates or sorted({report.template for report in reports}) or ["2019"]
    columns = csv_columns(chosen)
    frame = pandas.DataFrame(
        [row(report, columns) for report in reports], columns=columns, dtype=object
    )
    integers = [*_COUNTS, *(key for key, kind in _kinds(chosen).items() if kind != "money")]
    return frame.astype({**dict.fromkeys(integers, "Int64"), "complete": "boolean"})


def write_parquet(
    reports: Iterable[Report],
    path: str | os.PathLike[str],
    templates: Sequence[str],
    row_group: int = ROW_GROUP,
) -> int:
    """Write a Parquet file with a row per report and the columns of ``report_frame`` for
    ``templates``, ``row_group`` reports at a time (memory stays bounded whatever the count).
    Returns the number of reports written.

    Raises:
        MissingDependencyError: pyarrow is not installed.
        OSError: the file cannot be written.
    """
    pyarrow = _need("pyarrow")
    parquet = _need("pyarrow.parquet")
    schema = _schema(pyarrow, templates)
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


def _batches(reports: Iterator[Report], columns: list[str], size: int) -> Iterator[list[list[Any]]]:
    while batch := [row(report, columns) for report in islice(reports, size)]:
        yield batch


def _kinds(templates: Sequence[str]) -> dict[str, Kind]:
    return {f.key: f.kind for name in templates for f in TEMPLATES[name].fields}


def _schema(pyarrow: Any, templates: Sequence[str]) -> pyarrow.Schema:
    money = pyarrow.decimal128(MONEY_PRECISION, MONEY_SCALE)
    types = {"published": pyarrow.date32(), "complete": pyarrow.bool_()}
    types.update(dict.fromkeys(_COUNTS, pyarrow.int64()))
    kinds = _kinds(templates)
    return pyarrow.schema(
        [(name, types.get(name, pyarrow.string())) for name in META]
        + [
            (key, money if kinds[key] == "money" else pyarrow.int64())
            for key in csv_columns(templates)[len(META) :]
        ]
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
