"""Every output says how complete its report is: JSON and JSON Lines records, wide CSV rows
and Parquet/DataFrame columns carry the cells parsed, derived and missing (counted here from
the provenance typed by hand), the status, the counts of errors and warnings, each table's
layout and the source; csv-long rows carry the report's metadata and each cell's position;
``--excel`` writes a byte-order mark; control characters never reach an output raw."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from collections import Counter
from decimal import Decimal
from pathlib import Path

import attrs
import pandas as pd
import pytest

import govinfo_report as gr
from govinfo_report.cli.command import main
from govinfo_report.write import export, records
from govinfo_report.write.export import META, to_json, write_csv, write_csv_long

from conftest import SEEDS, WRITTEN, expected, expected_cells

#: The layout of each table, as the written reports were laid out by hand (test_written.py).
LAYOUTS = {
    "2021_tab_separated": ("tab-separated",) * 3,
    "2021_row_per_cell": ("row-per-cell",) * 3,
    "2021_flattened_header": ("tab-separated", "flattened-header", "flattened-header"),
}
REPORTS = [*SEEDS, *(WRITTEN / f"{name}.txt" for name in LAYOUTS)]


def _typed_counts(path: Path) -> Counter[str]:
    """Cells parsed, derived, blank and missing, from the provenance typed by hand."""
    return Counter(provenance for _, provenance in expected_cells(expected(path)).values())


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem[:24])
def test_a_record_says_how_complete_its_report_is(path: Path) -> None:
    report = gr.parse(path)
    record = json.loads(to_json(report))
    typed = _typed_counts(path)
    assert record["cells"] == {
        "parsed": typed["parsed"],
        "derived": typed["derived"],
        "blank": typed["blank"],
        "missing": typed["missing"],
    }
    assert record["complete"] is (typed["missing"] == 0)
    assert record["status"] == ("complete" if typed["missing"] == 0 else "partial")
    severities = Counter(d.severity for d in report.diagnostics)
    assert (record["errors"], record["warnings"]) == (severities["error"], severities["warning"])
    assert record["source"] == path.name
    if path.stem in LAYOUTS:
        assert tuple(record["layouts"].values()) == LAYOUTS[path.stem]


def test_seed_001_is_partial_with_its_two_errors() -> None:
    # Section 四 prints no number (15 missing cells); line 79's 总计 row breaks two column
    # rules (自然人 and 总计): read from the text, see tests/expected/001_*.toml.
    record = json.loads(to_json(gr.parse(SEEDS[1])))
    assert (record["status"], record["complete"], record["errors"]) == ("partial", False, 2)
    assert record["cells"]["missing"] == 15


def test_wide_csv_rows_say_the_same(capsys: pytest.CaptureFixture[str]) -> None:
    # Some reports are read partly (exit status 1); the rows say which.
    assert main(["parse", "--format", "csv", *map(str, REPORTS)]) == 1
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert list(rows[0])[: len(META)] == list(META)
    for row, path in zip(rows, REPORTS, strict=True):
        typed = _typed_counts(path)
        assert row["source"] == str(path)
        counts = (row["cells_parsed"], row["cells_derived"], row["cells_blank"])
        assert (*counts, row["cells_missing"]) == (
            str(typed["parsed"]),
            str(typed["derived"]),
            str(typed["blank"]),
            str(typed["missing"]),
        )
        assert row["complete"] == ("true" if typed["missing"] == 0 else "false")
        if path.stem in LAYOUTS:
            layouts = (row["layout_proactive"], row["layout_applications"], row["layout_appeals"])
            assert layouts == LAYOUTS[path.stem]


def test_the_frame_says_the_same() -> None:
    frame = gr.report_frame(gr.parse(path) for path in REPORTS)
    for position, path in enumerate(REPORTS):
        typed = _typed_counts(path)
        assert frame.at[position, "cells_missing"] == typed["missing"]
        assert frame.at[position, "cells_derived"] == typed["derived"]
        assert frame.at[position, "cells_blank"] == typed["blank"]
        assert bool(frame.at[position, "complete"]) is (typed["missing"] == 0)


def test_records_with_the_new_fields_still_read_back(tmp_path: Path) -> None:
    target = tmp_path / "all.jsonl"
    target.write_text("".join(to_json(gr.parse(p), indent=None) + "\n" for p in REPORTS), "utf-8")
    again = records.read(target)
    for report, path in zip(again, REPORTS, strict=True):
        want = {key: value for key, (value, _) in expected_cells(expected(path)).items()}
        assert report.flat() == want


def test_long_rows_of_a_2021_report(capsys: pytest.CaptureFixture[str]) -> None:
    written = WRITTEN / "2021_tab_separated.txt"
    assert main(["parse", "--format", "csv-long", "--allow-partial", str(written)]) == 0
    rows = {row["key"]: row for row in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert len(rows) == 200
    # line 26 "规章 0 0 —": in_force printed as a dash, so blank with its raw text kept
    in_force = rows["proactive.rules.in_force"]
    assert (in_force["organisation"], in_force["year"], in_force["template"]) == (
        "青崖县自然资源局",
        "2022",
        "2021",
    )
    assert (in_force["value"], in_force["provenance"], in_force["line"]) == ("", "blank", "26")
    assert in_force["raw"] == "—"
    issued = rows["proactive.normative_documents.issued"]  # line 27: 3 1 12
    assert (issued["value"], issued["provenance"], issued["line"]) == ("3", "parsed", "27")


@pytest.mark.parametrize("output", [False, True], ids=["stdout", "file"])
@pytest.mark.parametrize("flag", ["--excel", "--bom"])
@pytest.mark.parametrize("kind", ["csv", "csv-long"])
def test_excel_gets_a_byte_order_mark(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, output: bool, flag: str, kind: str
) -> None:
    target = tmp_path / "out.csv"
    args = ["parse", "--format", kind, flag, str(SEEDS[4])]
    assert main([*args, "--output", str(target)] if output else args) == 0
    text = target.read_bytes().decode("utf-8") if output else capsys.readouterr().out
    assert text.startswith("\ufeff") and text.count("\ufeff") == 1
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows[0][0] == "source" and "北京市门头沟区潭柘寺镇人民政府" in rows[1]


def test_without_excel_there_is_no_byte_order_mark(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--format", "csv", str(SEEDS[4])]) == 0
    assert capsys.readouterr().out.startswith("source,")


def test_excel_is_refused_for_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--excel", str(SEEDS[4])]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "--excel applies to --format csv and csv-long" in captured.err


UNSAFE = "某\x1b[2J局\u202e\x85\u2028"
RAW = "\x1b\u202e\x85\u2028"
ESCAPED = "某\\u001b[2J局\\u202e\\u0085\\u2028"


def test_control_characters_never_reach_an_output_raw() -> None:
    report = gr.Report.from_values(
        {"applications.new.total": 1}, template="2021", organisation=UNSAFE, year=2022
    )
    document = to_json(report)
    assert not any(char in document for char in RAW)
    assert json.loads(document)["organisation"] == UNSAFE  # valid JSON, the same value
    wide, long = io.StringIO(), io.StringIO()
    write_csv([report], wide, ["2021"])
    write_csv_long([report], long)
    for out in (wide.getvalue(), long.getvalue()):
        assert ESCAPED in out and not any(char in out for char in RAW)
    assert gr.render(report, "markdown").startswith(f"{ESCAPED}2022年")


def test_blank_has_one_definition_in_every_output() -> None:
    """A blank the rules prove 0 is derived and blank: the long rows flag it, and the wide
    row's and the record's counts agree with the keys they list."""
    report = gr.parse(SEEDS[4])
    table = report.applications
    at = table.keys.index("applications.carried_over.total")
    proven = attrs.evolve(
        table,
        values=(*table.values[:at], 0, *table.values[at + 1 :]),
        provenance=(*table.provenance[:at], "derived", *table.provenance[at + 1 :]),
        raws=(*table.raws[:at], "—", *table.raws[at + 1 :]),
        rules=(*table.rules[:at], "a rule", *table.rules[at + 1 :]),
    )
    report = attrs.evolve(report, applications=proven)
    assert report.cell("applications.carried_over.total").blank
    row = export.meta(report)
    assert row["cells_blank"] == len(row["keys_blank"]) == report.completeness().blank + 1
    assert "applications.carried_over.total" in row["keys_blank"]
    record = export.record(report)
    assert record["cells"]["blank"] == len(record["blank"]) == row["cells_blank"]
    long = {r[5]: r for r in export.long_rows(report)}
    blank = export.LONG_COLUMNS.index("blank")
    assert sum(r[blank] for r in long.values()) == row["cells_blank"]
    pending = long["applications.carried_over.total"]
    assert (pending[6], pending[7], pending[blank], pending[blank + 1]) == (0, "derived", True, "—")
    frame = gr.cells_frame([report])
    assert frame["blank"].dtype == "boolean" and frame["blank"].sum() == row["cells_blank"]


def test_snake_column_names_for_sql(tmp_path: Path) -> None:
    target = tmp_path / "snake.csv"
    assert main(["parse", str(SEEDS[4]), "--format", "csv", "--provenance", "--column-names",
                 "snake", "--output", str(target)]) == 0  # fmt: skip
    header = target.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert "applications__granted__total" in header
    assert "applications__granted__total__provenance" in header
    assert header[: len(META)] == list(META)
    assert all(re.fullmatch(r"[a-z_][a-z0-9_]*", name) for name in header)
    parquet = tmp_path / "snake.parquet"
    assert main(["parse", str(SEEDS[4]), "--format", "parquet", "--column-names", "snake",
                 "--output", str(parquet)]) == 0  # fmt: skip
    back = pd.read_parquet(parquet)
    assert back.at[0, "proactive__procurement__amount"] == Decimal("4176.9529")
    assert str(back["proactive__penalties__change"].dtype) == "Int64"
    # A table SQL reads without quoting a name.
    with sqlite3.connect(":memory:") as db:
        back[["source", "applications__new__total"]].to_sql("reports", db)
        total = db.execute("SELECT applications__new__total FROM reports").fetchone()[0]
    assert total == gr.parse(SEEDS[4]).applications.value("applications.new.total")
    assert main(["parse", str(SEEDS[4]), "--format", "json", "--column-names", "snake"]) == 2
