"""DataFrames and Parquet files of reports: types that keep missing as missing and money
exact, Parquet written in row groups, a clear error without the export extra."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import govinfo_report as gr
from govinfo_report.write.export import META
from govinfo_report.write.frames import write_parquet

from conftest import SEEDS, WRITTEN, expected, expected_cells


def test_report_frame_types_and_values() -> None:
    frame = gr.report_frame(gr.parse(seed) for seed in SEEDS)
    assert frame.shape == (5, len(META) + 198)
    assert list(frame.columns[: len(META)]) == list(META)
    assert str(frame["complete"].dtype) == "boolean"
    assert str(frame["cells_missing"].dtype) == "Int64"
    assert str(frame["year"].dtype) == "Int64"
    assert str(frame["applications.total.total"].dtype) == "Int64"
    assert str(frame["proactive.penalties.change"].dtype) == "Int64"
    assert frame["proactive.procurement.amount"].dtype == object
    for position, seed in enumerate(SEEDS):
        for key, (value, _) in expected_cells(expected(seed)).items():
            got = frame.at[position, key]
            assert (got is pd.NA) if value is None else (got == value), (seed.name, key)
    amount = frame.at[4, "proactive.procurement.amount"]
    assert isinstance(amount, Decimal) and str(amount) == "4176.9529"
    assert frame.at[1, "appeals.review.total"] is pd.NA  # seed 001: section 四 is empty
    assert frame["applications.new.total"].sum() == sum(
        expected_cells(expected(seed))["applications.new.total"][0] for seed in SEEDS
    )


def test_report_frame_of_both_templates() -> None:
    written = WRITTEN / "2021_row_per_cell.txt"
    frame = gr.report_frame([gr.parse(SEEDS[0]), gr.parse(written)])
    assert list(frame["template"]) == ["2019", "2021"]
    assert frame.at[0, "proactive.rules.issued"] is pd.NA
    assert (
        frame.at[1, "proactive.rules.issued"]
        == (expected_cells(expected(written))["proactive.rules.issued"][0])
    )
    only_2021 = gr.report_frame([gr.parse(written)], templates=["2021"])
    assert only_2021.shape == (1, len(META) + 200)


def test_parquet_in_row_groups(tmp_path: Path) -> None:
    target = tmp_path / "seeds.parquet"
    assert write_parquet((gr.parse(seed) for seed in SEEDS), target, ["2019"], row_group=2) == 5
    assert pq.ParquetFile(target).num_row_groups == 3
    table = pq.read_table(target)
    assert table.column("year").to_pylist() == [
        expected(seed)["metadata"]["year"] for seed in SEEDS
    ]
    amount = table.column("proactive.procurement.amount")[4].as_py()
    assert amount == Decimal("4176.9529")


def test_a_missing_pandas_is_a_documented_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas raises ImportError
    with pytest.raises(gr.MissingDependencyError, match=r"govinfo-report\[export\]"):
        gr.report_frame([gr.parse(SEEDS[0])])
