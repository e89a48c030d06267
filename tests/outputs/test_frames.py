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
from govinfo_report.cli.command import main
from govinfo_report.write.export import META, columns
from govinfo_report.write.frames import write_parquet

from conftest import SEEDS, WRITTEN, expected, expected_cells


def test_report_frame_types_and_values() -> None:
    frame = gr.report_frame(gr.parse(seed) for seed in SEEDS)
    assert frame.shape == (5, len(columns(["2019", "2021"])))  # both templates' keys
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


def test_frames_of_either_template_have_one_schema(tmp_path: Path) -> None:
    """Yearly folders of one template and of the other give frames with the same columns,
    in the order of the command line's CSV."""
    old, new = tmp_path / "2020", tmp_path / "2022"
    old.mkdir()
    new.mkdir()
    (old / "a.txt").write_bytes(SEEDS[4].read_bytes())
    (new / "b.txt").write_bytes((WRITTEN / "2021_row_per_cell.txt").read_bytes())
    frames = [gr.read_reports(folder, timeout=None) for folder in (old, new)]
    assert [list(frame["template"]) for frame in frames] == [["2019"], ["2021"]]
    assert list(frames[0].columns) == list(frames[1].columns)
    assert list(frames[0].dtypes) == list(frames[1].dtypes)
    out = tmp_path / "both.csv"
    assert main(["parse", str(old), "--format", "csv", "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8").splitlines()[0].split(",") == list(frames[0].columns)


def test_a_plain_read_parquet_gives_the_frame_types(tmp_path: Path) -> None:
    target = tmp_path / "seeds.parquet"
    reports = [gr.parse(seed) for seed in SEEDS]
    write_parquet(reports, target, ["2019", "2021"])
    back = pd.read_parquet(target)  # pandas' defaults: the schema's pandas metadata decides
    frame = gr.report_frame(reports)
    assert list(back.columns) == list(frame.columns)
    for name in ("applications.new.total", "proactive.penalties.change", "year", "cells_blank"):
        assert str(back[name].dtype) == "Int64", name
    assert str(back["complete"].dtype) == "boolean"
    assert back.at[1, "appeals.review.total"] is pd.NA  # seed 001: section 四 is empty
    amount = back.at[4, "proactive.procurement.amount"]
    assert isinstance(amount, Decimal) and amount == Decimal("4176.9529")
    assert back.at[1, "reasons"].tolist() == list(frame.at[1, "reasons"])
    written = WRITTEN / "2021_row_per_cell.txt"
    dated = gr.parse(written)
    assert dated.published is not None
    write_parquet([dated], target, ["2019", "2021"])
    assert pd.read_parquet(target).at[0, "published"] == dated.published  # a datetime.date
    arrow = pd.read_parquet(target, dtype_backend="pyarrow")
    assert str(arrow["proactive.procurement.amount"].dtype) == "decimal128(27, 12)[pyarrow]"


def test_a_table_as_printed() -> None:
    report = gr.parse(SEEDS[4])
    proactive = report.proactive.to_frame()
    # seed 004, lines 37-42 and 87-89: 行政处罚 6 / +408 / 118; 政府集中采购 31, 4176.9529万元
    assert proactive.at["行政处罚", "处理决定数量"] == 118
    assert proactive.at["政府集中采购", "采购项目数量"] == 31
    assert proactive.at["政府集中采购", "采购总金额"] == Decimal("4176.9529")
    assert proactive.at["规章", "采购总金额"] is None  # a column the row has not
    assert proactive.at["行政处罚", "采购项目数量"] is pd.NA
    assert str(proactive["处理决定数量"].dtype) == "Int64"
    applications = report.applications.to_frame()
    assert applications.shape == (23, 7)
    assert list(applications.columns)[-1] == "总计"
    assert list(applications.index)[:2] == [
        "本年新收政府信息公开申请数量",
        "上年结转政府信息公开申请数量",
    ]
    total = report.applications.value("applications.new.total")
    assert applications.at["本年新收政府信息公开申请数量", "总计"] == total
    assert report.appeals.to_frame().shape == (3, 5)
