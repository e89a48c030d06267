"""The govinfo-report command: parse (json, jsonl, csv), validate, render, fields."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

import govinfo_report as gr
from govinfo_report.check.validate import series
from govinfo_report.cli.command import main
from govinfo_report.write.export import META

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
    assert status == 1 and len(lines) == 5  # seed 001 misses 15 cells
    assert [json.loads(line)["year"] for line in lines] == [2020, 2020, 2019, 2020, 2020]


def test_parse_csv_one_column_per_key(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = _run(
        capsys, "parse", "--format", "csv", "--allow-partial", str(SEEDS[1]), str(SEEDS[3])
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0 and len(rows) == 2  # seed 001 is read partly, and that is allowed
    union = {f.key for f in gr.fields("2019")} | {f.key for f in gr.fields("2021")}
    assert list(rows[0]) == [*META, *(k for k in list(rows[0])[len(META) :] if k in union)]
    # 25 columns before the keys (two count the values read by OCR); 28 keys 2021 alone has
    assert len(rows[0]) == len(META) + len(union) == 25 + 198 + 28
    assert rows[0]["published"] == "2021-01-19"
    assert rows[0]["appeals.review.total"] == ""  # missing, never 0
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
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    base = (WRITTEN / "2021_row_per_cell.txt").read_text(encoding="utf-8").splitlines()
    # The same body a year later, same numbers, its period and signature a year later too.
    base = [
        line.replace("2021年1月1日起至2021年12月31日", "2022年1月1日起至2022年12月31日")
        for line in base
    ]
    base = [line.replace("2022年1月20日", "2023年1月20日") for line in base]
    base[1] = "2022年政府信息公开工作年度报告"
    later = tmp_path / "2022.txt"
    later.write_text("\n".join(base) + "\n", encoding="utf-8")
    status, out = _run(
        capsys,
        "validate",
        "--quiet",
        "--series",
        str(WRITTEN / "2021_row_per_cell.txt"),
        str(later),
    )
    assert status == 1
    assert out.count("[carry-over-mismatch]") == 2 and out.count("[in-force-mismatch]") == 1
    assert out.strip().endswith("2022.txt: 2 error(s), 2 warning(s)")


def test_validate_series_never_compares_two_bodies(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    base = (WRITTEN / "2021_row_per_cell.txt").read_text(encoding="utf-8").splitlines()
    # A folder kept by year: the same body in 2022 (spaced and full-width, as titles vary),
    # and another body's 2022 report with the same numbers, each dated a year on throughout.
    files = [str(WRITTEN / "2021_row_per_cell.txt")]
    bodies = (("a.txt", "青岚县 市场监督管理局"), ("b.txt", "淮安市洪泽区人民政府"))
    for name, organisation in bodies:
        body = [line.replace("2022年", "2023年").replace("2021年", "2022年") for line in base[2:]]
        lines = [organisation, "２０２２年政府信息公开工作年度报告", *body]
        (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append(str(tmp_path / name))
    status = main(["validate", "--quiet", "--series", *files])
    out, err = capsys.readouterr()
    assert status == 1
    # Only the same body's 2022 report is compared with its 2021 one.
    assert out.count("[carry-over-mismatch]") == 2 and out.count("[in-force-mismatch]") == 1
    of_b = [line for line in out.splitlines() if line.startswith(files[2])]
    assert of_b and not [line for line in of_b if "carry-over" in line or "in-force" in line]
    assert "[body-mismatch]" not in out
    assert err.splitlines() == [
        f"--series: 青岚县市场监督管理局: 2021 {files[0]}, 2022 {files[1]}",
        f"--series: 淮安市洪泽区人民政府: 2022 {files[2]}",
    ]


def test_a_series_is_one_body_by_year() -> None:
    def report(organisation: str | None, year: int) -> gr.Report:
        return gr.Report.from_values({}, template="2021", organisation=organisation, year=year)

    reports = [
        report("沭阳县人民政府", 2025),
        report("淮安市洪泽区人民政府", 2024),
        report(None, 2024),
        report("沭阳县人民政府", 2024),
        report("（沭阳县人民政府）", 2023),
    ]
    formed = series(reports)
    assert [(s.body, [r.year for r in s.reports]) for s in formed] == [
        ("沭阳县人民政府", [2023, 2024, 2025]),
        ("淮安市洪泽区人民政府", [2024]),
        (None, [2024]),
    ]
    assert formed[0].previous(reports[0]) is reports[3]
    assert formed[1].previous(reports[1]) is None  # never 沭阳县's 2023 report


def test_render_a_seed_as_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = _run(capsys, "render", str(SEEDS[4]))
    lines = out.splitlines()
    assert status == 0
    assert lines[0] == "北京市门头沟区潭柘寺镇人民政府2020年政府信息公开工作年度报告"
    # values typed from the seed's text: 行政处罚 6 / +408 / 118, 政府集中采购 31 / 4176.9529万元
    assert "| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |" in lines
    assert "| 行政处罚 | 6 | 408 | 118 |" in lines
    assert "| 政府集中采购 | 31 | 4176.9529 |  |" in lines
    assert lines.count("|---|---|---|---|") == 1 and "---" not in lines  # one report


def test_render_jsonl_round_trip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _, jsonl = _run(capsys, "parse", "--format", "jsonl", *map(str, SEEDS))
    records = tmp_path / "seeds.jsonl"
    records.write_text(jsonl, encoding="utf-8")
    status, out = _run(capsys, "render", str(records))
    texts = out.split("\n\n---\n\n")
    assert status == 0 and len(texts) == len(SEEDS)
    for seed, text in zip(SEEDS, texts, strict=True):
        direct, again = gr.parse(seed).flat(), gr.parse(text).flat()
        assert again == direct
        assert {k: type(v) for k, v in again.items()} == {k: type(v) for k, v in direct.items()}
    money = gr.parse(texts[4]).flat()["proactive.procurement.amount"]
    assert isinstance(money, Decimal) and money == Decimal("4176.9529")


def test_render_reads_json_documents_one_after_another(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _, documents = _run(capsys, "parse", str(SEEDS[1]), str(SEEDS[3]))
    records = tmp_path / "two.json"
    records.write_text(documents, encoding="utf-8")
    status, out = _run(capsys, "render", "--layout", "tab-separated", str(records))
    assert status == 0 and out.count("\n---\n") == 1
    assert gr.parse(out.split("\n\n---\n\n")[1]).flat() == gr.parse(SEEDS[3]).flat()


def test_render_bad_input_exits_2_and_goes_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    incomplete = tmp_path / "incomplete.jsonl"
    incomplete.write_text('{"template": "2021", "values": {}}\n{"values": {}}\n', encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text(
        '{"template": "2019", "values": {"proactive.rules.made": 1.5}}', encoding="utf-8"
    )
    status = main(
        ["render", str(incomplete), str(broken), str(tmp_path / "absent.txt"), str(SEEDS[4])]
    )
    captured = capsys.readouterr()
    errors = captured.err.splitlines()
    assert status == 2
    assert errors[0] == f"{incomplete}: line 2: missing field(s): template"
    assert errors[1].startswith(
        f"{broken}: line 1: values.proactive.rules.made must be a whole number"
    )
    assert errors[2].startswith(f"{tmp_path / 'absent.txt'}: ")
    assert "Traceback" not in captured.err
    assert captured.out.startswith("北京市门头沟区潭柘寺镇人民政府2020年")  # the good file


def test_render_output_writes_the_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    status, out = _run(capsys, "render", "--output", str(target), str(SEEDS[4]))
    assert status == 0 and out == ""
    assert "| 政府集中采购 | 31 | 4176.9529 |  |" in target.read_text(encoding="utf-8")


def test_render_keeps_json_money_decimal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    record = tmp_path / "one.json"
    record.write_text(
        '{"template": "2019", "organisation": "某镇", "year": 2020, "values": '
        '{"proactive.procurement.projects": 1, '
        '"proactive.procurement.amount": 0.00001}}',
        encoding="utf-8",
    )
    status, out = _run(capsys, "render", str(record))
    assert status == 0 and out.startswith("某镇2020年政府信息公开工作年度报告\n")
    assert "| 政府集中采购 | 1 | 0.00001 |  |" in out  # a float would print 1e-05


@pytest.mark.parametrize(
    "content",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"template": "2019", "values": {"applications.total.total": 1' + "0" * 5000 + "}}",
        '{"template": "2019", "values": {"proactive.procurement.amount": 1e5000000}}',
    ],
)
def test_render_refuses_records_no_report_could_print(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    assert main(["render", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith(f"{path}: ")
