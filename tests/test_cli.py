"""The govinfo-report command: parse (json, jsonl, csv), validate, fields."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from govinfo_report.cli import main

from conftest import SEEDS, WRITTEN


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = main(list(args))
    return status, capsys.readouterr().out


def test_parse_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = _run(capsys, "parse", str(SEEDS[4]))
    document = json.loads(out)
    assert status == 0
    assert document["organisation"] == "北京市门头沟区潭柘寺镇人民政府"
    assert document["values"]["proactive.penalties.change"] == 408
    assert document["values"]["proactive.procurement.amount"] == 4176.9529
    assert document["derived"]["proactive.other_services.decisions"].startswith("sum of local")
    assert len(document["values"]) == 198


def test_parse_jsonl_one_line_per_report(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = _run(capsys, "parse", "--format", "jsonl", *map(str, SEEDS))
    lines = out.splitlines()
    assert status == 0 and len(lines) == 5
    assert [json.loads(line)["year"] for line in lines] == [2020, 2020, 2019, 2020, 2020]


def test_parse_csv_one_column_per_key(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = _run(capsys, "parse", "--format", "csv", str(SEEDS[1]), str(SEEDS[3]))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0 and len(rows) == 2
    assert len(rows[0]) == 5 + 198
    assert rows[0]["published"] == "2021-01-19"
    assert rows[0]["appeals.review.total"] == ""          # missing, never 0
    assert rows[1]["proactive.procurement.amount"] == "6.8178"


def test_validate_exits_1_on_errors(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = _run(capsys, "validate", "--quiet", str(SEEDS[1]))
    assert status == 1
    assert "79:8: error:" in out and "[rule-violation]" in out
    assert out.strip().endswith("2 error(s), 4 warning(s)")


def test_validate_exits_0_without_errors(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = _run(capsys, "validate", str(SEEDS[4]))
    assert status == 0 and "[local-subrow]" in out


def test_unreadable_input_exits_2(capsys: pytest.CaptureFixture[str], tmp_path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x00\x01\x02")
    assert main(["validate", str(junk)]) == 2
    assert "not-text" in capsys.readouterr().err


def test_fields_lists_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = _run(capsys, "fields")
    lines = out.splitlines()
    assert status == 0 and len(lines) == 198
    assert lines[0] == "proactive.rules.made\tcount\t规章\t本年新制作数量"
    _, out2021 = _run(capsys, "fields", "--template", "2021")
    assert len(out2021.splitlines()) == 200


def test_validate_series_checks_each_year_against_the_one_before(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    base = (WRITTEN / "2021_row_per_cell.txt").read_text(encoding="utf-8").splitlines()
    base[1] = "2022年政府信息公开工作年度报告"  # the same body a year later, same numbers
    later = tmp_path / "2022.txt"
    later.write_text("\n".join(base) + "\n", encoding="utf-8")
    status, out = _run(capsys, "validate", "--quiet", "--series",
                       str(WRITTEN / "2021_row_per_cell.txt"), str(later))
    assert status == 1
    assert out.count("[carry-over-mismatch]") == 2 and out.count("[in-force-mismatch]") == 1
    assert out.strip().endswith("2022.txt: 2 error(s), 2 warning(s)")
