"""Outputs that tell the whole truth (issue 27, items 2-4 and the schema of item 6): every
input document is a row of every output, failures too, joined 1:1 on ``source``; a partial
report says why (``reasons``); the wide outputs say which keys were derived and which printed
blank, and with ``--provenance`` each value's provenance; the Parquet schema describes every
column; every JSON record follows ``govinfo-report schema``.

Expectations come from the texts: the provenance typed by hand in tests/expected, and the
lines named in the comments."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import jsonschema
import pandas as pd
import pyarrow.parquet as pq
import pytest

import govinfo_report as gr
from govinfo_report.cli.command import main
from govinfo_report.diagnostics import MISSING_CAUSES
from govinfo_report.write import export, frames

from conftest import SEEDS, WRITTEN, expected, expected_cells

TAB_2021 = WRITTEN / "2021_tab_separated.txt"
LEGACY = WRITTEN / "legacy_2016.txt"
VALIDATOR = jsonschema.Draft202012Validator(
    gr.record_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """inputs/{a.txt seed 001, b.txt the written 2021 report, c.txt empty, d.txt a report of
    2016, e.txt no report}: two reports and three documents that fail."""
    root = tmp_path / "inputs"
    root.mkdir()
    shutil.copy(SEEDS[1], root / "a.txt")
    shutil.copy(TAB_2021, root / "b.txt")
    (root / "c.txt").write_bytes(b"")
    shutil.copy(LEGACY, root / "d.txt")
    (root / "e.txt").write_text("just a note\nof two lines\n", encoding="utf-8")
    return root


#: What each input's row says: status, error code, error line (typed from the files).
ROWS = {
    "a.txt": ("partial", "", ""),  # seed 001: section 四 prints no number
    "b.txt": ("complete", "", ""),
    "c.txt": ("failed", "empty-input", "1"),
    "d.txt": ("failed", "legacy-report", "2"),  # line 2: the title with 2016
    "e.txt": ("failed", "not-a-report", "1"),
}


def _names(root: Path) -> list[str]:
    return [str(root / name) for name in ROWS]


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = main(list(args))
    return status, capsys.readouterr().out


def test_every_input_is_a_csv_row(capsys: pytest.CaptureFixture[str], inputs: Path) -> None:
    status, out = _run(capsys, "parse", str(inputs), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 2
    assert [row["source"] for row in rows] == _names(inputs)  # joins 1:1 on source
    for row, (status_, code, line) in zip(rows, ROWS.values(), strict=True):
        assert (row["status"], row["error_code"], row["error_line"]) == (status_, code, line)
    failed = rows[3]
    assert failed["year"] == "2016" and failed["error_column"] == "1"
    assert failed["error_message"].startswith("a report from before the 2019 template (year 2016)")
    keys = {f.key for f in gr.fields("2019")} | {f.key for f in gr.fields("2021")}
    for row in rows[2:]:
        assert all(row[key] == "" for key in keys)  # values empty
        assert row["cells_missing"] == row["organisation"] == row["template"] == ""
        assert row["complete"] == "false"


def test_every_input_is_a_json_record(capsys: pytest.CaptureFixture[str], inputs: Path) -> None:
    status, out = _run(capsys, "parse", str(inputs), "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    assert status == 2 and [r["source"] for r in records] == _names(inputs)
    legacy = records[3]
    assert legacy["status"] == "failed" and legacy["year"] == 2016
    assert legacy["error"]["code"] == "legacy-report" and legacy["error"]["line"] == 2
    assert (legacy["values"], legacy["cells"], legacy["diagnostics"]) == ({}, None, [])
    assert records[1]["error"] is None and records[1]["status"] == "complete"


def test_every_input_is_a_row_of_the_long_table(
    capsys: pytest.CaptureFixture[str], inputs: Path
) -> None:
    status, out = _run(capsys, "parse", str(inputs), "--format", "csv-long")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 2
    assert list(dict.fromkeys(row["source"] for row in rows)) == _names(inputs)
    by_source: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_source.setdefault(row["source"], []).append(row)
    assert [len(by_source[name]) for name in _names(inputs)] == [198, 200, 1, 1, 1]
    (empty,) = by_source[str(inputs / "c.txt")]
    assert (empty["status"], empty["error_code"], empty["line"], empty["column"]) == (
        "failed",
        "empty-input",
        "1",
        "1",
    )
    assert empty["error_message"] == "the input is empty"
    assert empty["key"] == empty["value"] == empty["provenance"] == ""
    assert {row["status"] for row in by_source[str(inputs / "a.txt")]} == {"partial"}


def test_every_input_is_a_parquet_row(
    capsys: pytest.CaptureFixture[str], inputs: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out.parquet"
    assert main(["parse", str(inputs), "--format", "parquet", "--output", str(target)]) == 2
    table = pq.read_table(target)
    assert table.column("source").to_pylist() == _names(inputs)
    assert table.column("status").to_pylist() == [status for status, _, _ in ROWS.values()]
    assert table.column("error_line").to_pylist() == [None, None, 1, 2, 1]
    assert table.column("applications.new.total").to_pylist()[2:] == [None] * 3


def test_skip_failed_leaves_them_out(capsys: pytest.CaptureFixture[str], inputs: Path) -> None:
    status, out = _run(capsys, "parse", str(inputs), "--format", "csv", "--skip-failed")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 2  # they still failed
    assert [row["source"] for row in rows] == _names(inputs)[:2]


def test_every_input_is_a_row_of_the_frames(inputs: Path) -> None:
    frame = gr.read_reports(inputs)
    assert list(frame["source"]) == _names(inputs)
    assert list(frame["status"]) == [status for status, _, _ in ROWS.values()]
    assert list(frame["error_code"][2:]) == ["empty-input", "legacy-report", "not-a-report"]
    assert str(frame["error_line"].dtype) == "Int64" and frame.at[3, "error_line"] == 2
    assert frame.at[2, "applications.new.total"] is pd.NA
    assert frame.at[0, "reasons"] == ["table-empty"]
    skipped = gr.read_reports(inputs, skip_failed=True, jobs=2)
    assert list(skipped["source"]) == _names(inputs)[:2]
    cells = gr.read_cells(str(inputs))
    assert list(cells.drop_duplicates("source")["source"]) == _names(inputs)
    assert len(cells) == 198 + 200 + 3
    failed = cells[cells["status"] == "failed"]
    assert list(failed["error_code"]) == ["empty-input", "legacy-report", "not-a-report"]
    assert list(failed["line"]) == [1, 2, 1]
    blank = cells[(cells["source"] == str(inputs / "b.txt")) & (cells["provenance"] == "blank")]
    assert list(blank["key"]) == ["proactive.rules.in_force"]  # line 26 "规章 0 0 —"
    assert list(blank["raw"]) == ["—"] and blank["value"].iloc[0] is None


def test_the_loaders_pass_ocr_on(inputs: Path) -> None:
    with pytest.raises(ValueError, match="ocr must be False, True or 'strict'"):
        gr.read_reports(inputs, ocr="yes")  # type: ignore[arg-type]
    # Text has no scanned page: OCR changes nothing there.
    frame = gr.read_reports(inputs, ocr=True)
    assert list(frame["cells_ocr"].fillna(0)) == [0] * len(frame)
    assert frame.equals(gr.read_reports(inputs))


def _damaged() -> str:
    """Seed 004 rendered as tab-separated text, its 行政处罚 row and section 四's only row of
    numbers taken out: 3 cells lost to a missing row, 15 to a table with no number."""
    lines = gr.render(gr.parse(SEEDS[4]), "tab-separated").split("\n")
    assert lines[21] == "行政处罚\t6\t408\t118" and lines[62] == "\t".join(["0"] * 15)
    del lines[62], lines[21]
    return "\n".join(lines)


def test_reasons_name_what_left_cells_missing_most_cells_first() -> None:
    report = gr.parse(_damaged())
    assert report.completeness().missing == 3 + 15
    assert export.reasons(report) == ["table-empty", "row-missing"]
    assert export.reasons(gr.parse(SEEDS[1])) == ["table-empty"]  # its 15 cells of 四
    assert export.reasons(gr.parse(SEEDS[4])) == []  # nothing missing
    assert json.loads(gr.parse(_damaged()).to_json())["reasons"] == ["table-empty", "row-missing"]


#: Every report among the fixtures: seeds, written reports, converters' and sites' renderings.
FIXTURES = sorted(
    path
    for path in (Path(__file__).parents[1] / "fixtures").rglob("*")
    if path.suffix in (".txt", ".md", ".html", ".docx", ".pdf")
    and path.name not in ("README.md", "SOURCES.md", "VERSIONS.txt")
)


def test_every_missing_cell_has_its_reason() -> None:
    read = unexplained = 0
    for path in FIXTURES:
        try:
            report = gr.parse(path)
        except gr.ParseError:
            continue  # the legacy report
        read += 1
        named = {key for d in report.diagnostics if d.code in MISSING_CAUSES for key in d.keys}
        lost = [
            key
            for table in report.tables
            for key, provenance in zip(table.keys, table.provenance, strict=True)
            if provenance == "missing" and key not in named
        ]
        assert not lost, (path, lost[:3])
        unexplained += bool(export.reasons(report)) != (report.completeness().missing > 0)
    assert read > 400 and unexplained == 0


def _typed(path: Path, provenance: str) -> list[str]:
    return [key for key, (_, p) in expected_cells(expected(path)).items() if p == provenance]


def test_the_wide_rows_name_the_derived_and_blank_keys(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out = _run(capsys, "parse", str(SEEDS[1]), str(TAB_2021), "--format", "csv")
    seed, written = csv.DictReader(io.StringIO(out))
    assert status == 1
    assert seed["keys_derived"].split() == _typed(SEEDS[1], "derived")  # 36 keys, in order
    assert seed["keys_blank"] == "" and written["keys_derived"] == ""
    assert written["keys_blank"] == "proactive.rules.in_force"  # line 26 "规章 0 0 —"
    target = tmp_path / "two.parquet"
    assert (
        main(
            ["parse", str(SEEDS[1]), str(TAB_2021), "--format", "parquet", "--output", str(target)]
        )
        == 1
    )
    table = pq.read_table(target)
    assert table.column("keys_derived").to_pylist()[0] == _typed(SEEDS[1], "derived")
    assert table.column("keys_blank").to_pylist() == [[], ["proactive.rules.in_force"]]
    assert table.column("reasons").to_pylist() == [["table-empty"], []]
    record = json.loads(gr.parse(TAB_2021).to_json())
    assert (record["blank"], record["derived"]) == (["proactive.rules.in_force"], {})


def test_provenance_companions(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out = _run(capsys, "parse", str(TAB_2021), "--format", "csv", "--provenance")
    (row,) = csv.DictReader(io.StringIO(out))
    assert status == 0
    names = list(row)
    at = names.index("proactive.rules.in_force")
    assert names[at + 1] == "proactive.rules.in_force:provenance"  # right after its value
    assert (row["proactive.rules.in_force"], row["proactive.rules.in_force:provenance"]) == (
        "",
        "blank",
    )
    for key, (_, provenance) in expected_cells(expected(TAB_2021)).items():
        assert row[f"{key}:provenance"] == provenance, key
    assert row["proactive.rules.made:provenance"] == ""  # a 2019 key: not this report's
    target = tmp_path / "p.parquet"
    args = ["parse", str(SEEDS[1]), "--format", "parquet", "--provenance", "--output", str(target)]
    assert main(args) == 1
    table = pq.read_table(target)
    assert table.column("appeals.review.total:provenance").to_pylist() == ["missing"]
    assert table.column("applications.granted.total:provenance").to_pylist() == ["derived"]
    frame = gr.report_frame([gr.parse(SEEDS[1])], provenance=True)
    assert frame.at[0, "applications.granted.total:provenance"] == "derived"
    assert main(["parse", str(SEEDS[1]), "--provenance"]) == 2  # not for JSON
    assert "--provenance applies to --format csv and parquet" in capsys.readouterr().err


def test_the_parquet_schema_describes_every_column(tmp_path: Path) -> None:
    target = tmp_path / "s.parquet"
    frames.write_parquet([gr.parse(SEEDS[4])], target, ["2019", "2021"], provenance=True)
    schema = pq.read_schema(target)
    for field in schema:
        assert field.metadata and field.metadata[b"description"], field.name
    granted = schema.field("applications.granted.total").metadata
    assert granted[b"label"].decode() == "予以公开 · 总计"
    assert granted[b"kind"] == b"count"
    amount = schema.field("proactive.procurement.amount").metadata
    assert amount[b"kind"] == b"money" and "万元" in amount[b"description"].decode()
    companion = schema.field("proactive.rules.issued:provenance").metadata[b"description"]
    assert companion.decode().startswith("the provenance of proactive.rules.issued")
    assert schema.field("keys_blank").metadata[b"description"].decode().startswith("the keys")
    reasons = schema.field("reasons").type
    assert reasons.num_fields == 1 and str(reasons.value_type) == "string"  # a list of words
    assert schema.metadata[b"version"] == gr.__version__.encode()


def _valid(record: object) -> None:
    errors = sorted(VALIDATOR.iter_errors(record), key=str)
    assert not errors, [f"{list(e.path)}: {e.message}"[:200] for e in errors[:3]]


def test_the_schema_command_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json.loads(json.dumps(gr.record_schema()))
    jsonschema.Draft202012Validator.check_schema(printed)


def test_every_json_output_follows_the_schema(
    capsys: pytest.CaptureFixture[str], inputs: Path
) -> None:
    paths = [*SEEDS, *sorted(WRITTEN.glob("*.txt")), inputs]
    _, out = _run(capsys, "parse", *map(str, paths), "--format", "jsonl")
    lines = [json.loads(line) for line in out.splitlines()]
    _, out = _run(capsys, "parse", *map(str, paths))  # one array
    array = json.loads(out)
    _, out = _run(capsys, "parse", str(SEEDS[2]))  # one record
    assert len(lines) == len(array) == 5 + 5 + 5
    assert sum(record["status"] == "failed" for record in lines) == 1 + 3
    for record in [*lines, *array, json.loads(out), json.loads(gr.parse(_damaged()).to_json())]:
        _valid(record)
    report = gr.parse(SEEDS[3])  # money: 6.8178 (万元)
    as_dict = json.loads(json.dumps(report.to_dict(), default=float))
    assert as_dict == json.loads(report.to_json())
    _valid(as_dict)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda r: r.update(status="done"), "status"),
        (lambda r: r["values"].update({"proactive.rules.made": 1}), "values"),  # a 2019 key
        (lambda r: r["values"].pop("applications.new.total"), "values"),
        (lambda r: r.update(error={"code": "x", "message": "y", "line": 1, "column": 1}), "error"),
        (lambda r: r["blank"].append("no.such.key"), "blank"),
        (lambda r: r.update(extra=1), ""),
    ],
)
def test_the_schema_refuses_what_no_output_writes(change: object, where: str) -> None:
    record = json.loads(gr.parse(TAB_2021).to_json())
    _valid(record)
    change(record)  # type: ignore[operator]
    assert list(VALIDATOR.iter_errors(record)), where
