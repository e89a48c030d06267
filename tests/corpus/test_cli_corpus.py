"""``govinfo-report parse`` at corpus scale: directories, archives and JSON Lines in, worker
processes, every output format, failures and a summary on stderr, a progress line only on a
terminal."""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import re
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import govinfo_report as gr
from govinfo_report.cli import command as cli
from govinfo_report.cli.command import main
from govinfo_report.write import records
from govinfo_report.write.export import META

from conftest import SEEDS, WRITTEN, expected, expected_cells

#: Every key of either template: the wide columns by default.
UNION = {f.key for f in gr.fields("2019")} | {f.key for f in gr.fields("2021")}


def _values(seed: Path) -> dict[str, object]:
    """The values typed by hand for ``seed``."""
    return {key: value for key, (value, _) in expected_cells(expected(seed)).items()}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """corpus/{a/000.txt, a/001.txt, b/002.txt, b/empty.txt, notes.csv}"""
    root = tmp_path / "corpus"
    for relative, data in [
        ("a/000.txt", SEEDS[0].read_bytes()),
        ("a/001.txt", SEEDS[1].read_bytes()),
        ("b/002.txt", SEEDS[2].read_bytes()),
        ("b/empty.txt", b""),
        ("notes.csv", b"not,a,report"),
    ]:
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_bytes(data)
    return root


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_a_directory_with_two_workers_as_json_lines(
    capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    status, out, err = _run(capsys, "parse", str(corpus), "--jobs", "2", "--format", "jsonl")
    lines = out.splitlines()
    assert status == 2 and len(lines) == 5  # every input is a line, the failure too
    skipped = json.loads(lines.pop(0))  # every input is a row: the file passed over too
    assert (skipped["source"], skipped["status"]) == (str(corpus / "notes.csv"), "skipped")
    assert skipped["error"]["code"] == "skipped"
    assert skipped["error"]["message"].endswith(
        "(.txt .md .html .htm .xhtml .docx .pdf, archives) (kind)"
    )
    for line, seed, name in zip(
        lines, SEEDS[:3], ["a/000.txt", "a/001.txt", "b/002.txt"], strict=False
    ):
        record = json.loads(line, parse_float=records.Decimal)
        assert record["source"] == str(corpus / name)
        assert records.from_record(record).flat() == _values(seed)
    failure = json.loads(lines[3])
    assert failure["source"] == str(corpus / "b" / "empty.txt")
    assert (failure["status"], failure["values"], failure["cells"]) == ("failed", {}, None)
    assert failure["error"] == {
        "code": "empty-input",
        "message": "the input is empty",
        "line": 1,
        "column": 1,
    }
    errors = err.splitlines()
    assert errors[0] == (
        f"{corpus / 'notes.csv'}: skipped, not a kind read by default (.txt .md .html .htm "
        ".xhtml .docx .pdf, archives) (kind)"
    )
    assert errors[1] == (
        f"{corpus / 'b' / 'empty.txt'}: the input is empty (empty-input, line 1, column 1)"
    )
    assert errors[2].startswith("5 documents, 1 failed, ")
    assert errors[2].endswith(" documents/s")
    # seed 001 misses 15 cells; the empty file is no report
    assert errors[3] == (
        "reports: 2 read fully, 1 partly (cells missing); 1 not a report; 0 failed to be read"
    )
    assert errors[4] == "failures: empty-input 1"
    # seed 001: six short-row-placed (lines 55-58, 60, 61); seeds 000 and 002 one unit-unknown
    assert "short-row-placed 6" in errors[5] and "unit-unknown 2" in errors[5]
    assert errors[6] == "templates: 2019 3"
    assert errors[7] == "skipped: kind 1"
    assert errors[8] == "written: 5 documents to stdout"
    assert "\r" not in err  # not a terminal: no progress line


def test_a_zip_archive_with_patterns_as_wide_csv(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    archive = tmp_path / "corpus.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("2020/x.txt", SEEDS[3].read_bytes())
        out.writestr("2020/y.report", SEEDS[4].read_bytes())
        out.writestr("other/z.txt", SEEDS[0].read_bytes())
    status, out, err = _run(
        capsys,
        "parse",
        str(archive),
        "--pattern",
        "2020/*.txt",
        "--pattern",
        "**/*.report",
        "--format",
        "csv",
        "--jobs",
        "2",
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0 and err.startswith("2 documents, 0 failed")
    assert [row["source"] for row in rows] == [f"{archive}:2020/x.txt", f"{archive}:2020/y.report"]
    assert len(rows[0]) == len(META) + len(UNION)
    for row, seed in zip(rows, SEEDS[3:], strict=True):
        assert {key: row[key] for key in _values(seed)} == {
            key: "" if value is None else str(value) for key, value in _values(seed).items()
        }
    assert rows[1]["published"] == expected(SEEDS[4])["metadata"]["published"]


def test_wide_csv_of_both_templates(capsys: pytest.CaptureFixture[str]) -> None:
    written = WRITTEN / "2021_tab_separated.txt"
    status, out, err = _run(capsys, "parse", "--format", "csv", str(SEEDS[4]), str(written))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0  # the written 2021 report leaves one cell blank: printed, not missing
    assert len(rows[0]) == len(META) + len(UNION) and "note:" not in err
    assert rows[1]["template"] == "2021"
    assert rows[1]["applications.new.total"] == str(_values(written)["applications.new.total"])
    assert rows[1]["proactive.rules.issued"] == str(_values(written)["proactive.rules.issued"])
    assert rows[1]["proactive.rules.made"] == ""  # 2019 key: not in a 2021 report
    assert rows[0]["proactive.rules.issued"] == ""  # and the other way round
    assert rows[0]["proactive.rules.made"] == str(_values(SEEDS[4])["proactive.rules.made"])
    # A section's keys stay together: 2019's, then those 2021 alone has.
    keys = list(rows[0])[len(META) :]
    assert keys.index("proactive.procurement.amount") < keys.index("proactive.rules.issued")
    assert keys.index("proactive.fees.amount") < keys.index("applications.new.total")
    assert keys.index("applications.carried_forward.total") < keys.index(
        "applications.other.other.total"
    )
    assert keys.index("applications.other.other.total") < keys.index("appeals.review.upheld")
    status, out, err = _run(
        capsys, "parse", "--format", "csv", "--template", "2019", str(SEEDS[4]), str(written)
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows[0]) == len(META) + 198
    assert "note: the columns are those of the 2019 template; 1 report(s) of the 2021" in err


def test_long_csv_has_a_row_per_cell_missing_ones_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "long.csv"
    status, out, _ = _run(
        capsys,
        "parse",
        "--format",
        "csv-long",
        "--output",
        str(target),
        str(SEEDS[1]),
        str(SEEDS[4]),
    )
    assert status == 1 and out == ""  # seed 001 misses 15 cells
    with open(target, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == [
        "source",
        "organisation",
        "year",
        "template",
        "status",
        "key",
        "value",
        "provenance",
        "blank",
        "raw",
        "line",
        "column",
        "rule",
        "ocr",
        "error_code",
        "error_message",
    ]
    assert len(rows) == 1 + 2 * 198
    cells = {(row[0], row[5]): row for row in rows[1:]}
    typed = expected_cells(expected(SEEDS[1]))
    for key, (value, provenance) in typed.items():
        row = cells[str(SEEDS[1]), key]
        assert row[6:8] == ["" if value is None else str(value), provenance]
        # typed: title lines 3, 5; 15 cells missing
        assert row[1:5] == ["城东区韵家口镇政府", "2020", "2019", "partial"]
    assert cells[str(SEEDS[1]), "appeals.review.total"][6:] == [
        "",
        "missing",
        "false",
        *[""] * 7,
    ]
    granted = cells[str(SEEDS[1]), "applications.granted.total"]
    assert granted[6:12] == ["6", "derived", "false", "", "", ""]
    assert granted[12].startswith("placement")
    # seed 004, lines 87-89: one cell a line (row-per-cell), line 89 "\t4176.9529万元"
    assert cells[str(SEEDS[4]), "proactive.procurement.amount"][4:] == [
        "complete",
        "proactive.procurement.amount",
        "4176.9529",
        "parsed",
        "false",
        "4176.9529万元",
        "89",
        "2",
        "",
        "",  # not read by OCR
        "",
        "",
    ]


def test_parquet_reads_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, corpus: Path
) -> None:
    target = tmp_path / "out.parquet"
    status, out, _ = _run(
        capsys,
        "parse",
        str(corpus),
        str(SEEDS[4]),
        "--format",
        "parquet",
        "--output",
        str(target),
        "--jobs",
        "2",
    )
    assert status == 2 and out == ""  # corpus/b/empty.txt failed
    table = pq.read_table(target)
    # every input a row: notes.csv too (skipped)
    assert table.num_rows == 6 and table.num_columns == len(META) + len(UNION)
    sources = table.column("source").to_pylist()
    assert sources[0] == str(corpus / "notes.csv")  # listed first, in its folder
    assert table.column("status").to_pylist()[0] == "skipped"
    assert sources[4:] == [str(corpus / "b" / "empty.txt"), str(SEEDS[4])]
    for position, seed in zip([1, 2, 3, 5], [SEEDS[0], SEEDS[1], SEEDS[2], SEEDS[4]], strict=True):
        got = {key: table.column(key)[position].as_py() for key in _values(seed)}
        assert got == _values(seed)
    failed = table.slice(4, 1).to_pylist()[0]
    assert (failed["status"], failed["error_code"], failed["error_line"]) == (
        "failed",
        "empty-input",
        1,
    )
    assert all(failed[key] is None for key in UNION) and failed["cells_missing"] is None
    assert str(table.schema.field("proactive.procurement.amount").type) == "decimal128(27, 12)"


def test_parquet_needs_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "parse", "--format", "parquet", str(SEEDS[0]))
    assert (status, out, err) == (2, "", "--format parquet needs --output FILE\n")


def test_json_lines_input_with_its_fields(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "texts.jsonl"
    source.write_text(
        "\n".join(
            json.dumps(
                {
                    "url": f"https://example.org/{seed.stem}",
                    "body": seed.read_text(encoding="utf-8"),
                }
            )
            for seed in SEEDS[3:]
        )
        + "\n{oops\n",
        encoding="utf-8",
    )
    status, out, err = _run(
        capsys,
        "parse",
        str(source),
        "--text-field",
        "body",
        "--name-field",
        "url",
        "--format",
        "jsonl",
        "--unordered",
    )
    got = sorted((r["source"], r["status"]) for r in map(json.loads, out.splitlines()))
    assert status == 2
    assert (
        got
        == [
            (f"{source}:3", "failed"),  # its line is a row too
            *((f"https://example.org/{seed.stem}", "complete") for seed in SEEDS[3:]),
        ]
    )
    assert err.startswith(f"{source}:3: {source}:3: not JSON: ")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_line_on_a_terminal(monkeypatch: pytest.MonkeyPatch, corpus: Path) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert main(["parse", str(corpus), "--format", "jsonl"]) == 2
    shown = terminal.getvalue()
    assert shown.startswith(f"\r\x1b[K{corpus / 'notes.csv'}: skipped, ")
    # The first result is shown, of the total counted ahead, with the time left.
    first = shown.split("\r\x1b[K1 of 5 documents, 0 failed, ", 1)[1].split("\r")[0]
    assert re.fullmatch(r"[\d.]+ s, [\d,.]+ documents/s, about \d+ (s|min|h) left", first)
    assert f"\r\x1b[K{corpus / 'b' / 'empty.txt'}: the input is empty" in shown
    assert "\r\x1b[K5 documents, 1 failed, " in shown  # the summary erases the line


@pytest.mark.parametrize("jobs", ["-1", "two"])
def test_a_bad_jobs_count_is_a_usage_error(capsys: pytest.CaptureFixture[str], jobs: str) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["parse", "--jobs", jobs, str(SEEDS[0])])
    assert exited.value.code == 2
    assert f"argument --jobs: must be 0 (one per CPU) or more, not '{jobs}'" in (
        capsys.readouterr().err
    )


def test_an_output_that_cannot_be_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "missing" / "out.csv"
    status, out, err = _run(
        capsys, "parse", "--format", "csv", "--output", str(target), str(SEEDS[0])
    )
    assert status == 2 and out == ""
    assert err.startswith(f"{target}: [Errno 2] No such file or directory")
    assert "Traceback" not in err


def test_ctrl_c_ends_with_the_summary(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(paths: object, *args: object, **kwargs: object) -> Iterator[gr.Document]:
        yield gr.Document("first", path=str(SEEDS[0]))
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "listed", interrupted)
    # In this process (no time budget), the first report is written before the interrupt.
    status, out, err = _run(capsys, "parse", "--format", "jsonl", "--timeout", "0", "anything")
    assert status == 130
    assert json.loads(out)["source"] == "first"
    assert err.startswith("1 document, 0 failed, ")
    assert err.endswith("\ninterrupted by SIGINT after 1 document (1 listed)\n")
    # With a worker process, the sources are read ahead: Ctrl-C stops at once, the first
    # report unwritten, and the workers are gone.
    status, out, err = _run(capsys, "parse", "--format", "jsonl", "anything")
    assert (status, out) == (130, "")
    assert err.startswith("0 documents, 0 failed, ")
    assert err.endswith("\ninterrupted by SIGINT after 0 documents (1 listed)\n")
    assert multiprocessing.active_children() == []


def _empty_report(tmp_path: Path) -> Path:
    """A report with its title and tables but not one number."""
    blank = gr.Report.from_values({}, template="2019", organisation="某某县人民政府", year=2020)
    path = tmp_path / "blank.txt"
    path.write_text(gr.render(blank, "tab-separated"), encoding="utf-8")
    return path


def test_the_exit_status_says_how_fully_the_reports_were_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    complete, partial = str(SEEDS[0]), str(SEEDS[1])  # seed 001 misses 15 cells
    blank = str(_empty_report(tmp_path))
    missing = str(tmp_path / "absent.txt")
    cases = [
        ([complete], 0),
        ([complete, partial], 1),
        ([complete, partial, "--allow-partial"], 0),
        ([complete, blank, "--allow-partial"], 1),  # a report with no cell read at all
        ([complete, partial, missing, "--allow-partial"], 2),
    ]
    for args, status in cases:
        assert _run(capsys, "parse", "--format", "jsonl", *args)[0] == status, args
    status, _, err = _run(capsys, "parse", "--format", "jsonl", complete, partial, blank, missing)
    assert status == 2
    lines = err.splitlines()
    assert lines[1].startswith("4 documents, 1 failed, ")
    # A missing file failed to be read; it is not said to be no report.
    assert lines[2] == (
        "reports: 1 read fully, 1 partly (cells missing), 1 with no cell read; "
        "0 not a report; 1 failed to be read"
    )


def test_the_exit_statuses_are_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["parse", "--help"])
    shown = capsys.readouterr().out
    assert cli.PARSE_EXIT_STATUS in shown
    for status in ("0", "1", "2", "130"):
        assert f"\n  {status} " in shown


def test_a_cut_off_zip_writes_nothing_but_its_failure(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    archive = tmp_path / "cut.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("a.txt", SEEDS[0].read_bytes())
    archive.write_bytes(archive.read_bytes()[:100])
    status, out, err = _run(capsys, "parse", "--format", "csv", str(archive))
    assert status == 2
    (row,) = csv.DictReader(io.StringIO(out))  # the archive is one document, failed
    assert (row["source"], row["status"], row["error_code"]) == (
        str(archive),
        "failed",
        "unreadable",
    )
    assert row["error_message"] == f"cannot read {archive}: File is not a zip file"
    assert row["cells_missing"] == row["applications.new.total"] == ""
    assert err.startswith(f"{archive}: cannot read {archive}: File is not a zip file")


def test_no_document_at_all_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "in").mkdir()
    status, out, err = _run(capsys, "parse", "--format", "csv", str(tmp_path / "in"))
    assert (status, out) == (0, "")  # no header of an empty table
    assert err.endswith("\nwritten: 0 documents to stdout\n")
    target = tmp_path / "out.csv"
    target.write_text("stale rows\n", encoding="utf-8")
    assert main(["parse", "--format", "csv", "--output", str(target), str(tmp_path / "in")]) == 0
    assert target.read_text(encoding="utf-8") == ""  # emptied, never stale
    assert main(["parse", str(tmp_path / "in")]) == 0
    assert capsys.readouterr().out == "[]\n"  # the default JSON: an empty array


def test_limits_on_the_command_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    archive = tmp_path / "corpus.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("a.txt", SEEDS[0].read_bytes())
        out.writestr("big.txt", SEEDS[3].read_bytes() * 2)
        out.writestr("in.zip", _zip_of({"b.txt": SEEDS[2].read_bytes()}))
    status, out, err = _run(
        capsys, "parse", "--format", "jsonl", "--max-bytes", "10K", "--max-depth", "1",
        "--timeout", "5", str(archive),
    )  # fmt: skip
    assert status == 2
    got = [(r["source"], r["status"]) for r in map(json.loads, out.splitlines())]
    assert got == [
        (f"{archive}:a.txt", "complete"),
        (f"{archive}:big.txt", "failed"),
        (f"{archive}:in.zip", "skipped"),  # every input a row
    ]
    assert err.startswith(
        f"{archive}:in.zip: skipped, an archive 2 deep, past the limit of 1 (depth)\n"
        f"{archive}:big.txt: too large: {archive}:big.txt declares "
    )
    assert "failures: too-large 1\n" in err and "skipped: depth 1\n" in err
    status, out, _ = _run(capsys, "parse", "--format", "jsonl", "--max-bytes", "0", str(archive))
    assert status == 0 and len(out.splitlines()) == 3  # 0: no limit, and depth 2 by default


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        ("--max-bytes", "64X", "must be bytes, or with K, M or G (64M), not '64X'"),
        ("--max-bytes", "-1", "must be bytes, or with K, M or G (64M), not '-1'"),
        ("--timeout", "-1", "must be seconds, 0 (none) or more, not '-1'"),
        ("--timeout", "nan", "must be seconds, 0 (none) or more, not 'nan'"),
        ("--max-depth", "one", "must be a whole number, 0 or more, not 'one'"),
    ],
)
def test_bad_limits_are_usage_errors(
    capsys: pytest.CaptureFixture[str], flag: str, value: str, message: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["parse", flag, value, str(SEEDS[0])])
    assert exited.value.code == 2
    assert f"argument {flag}: {message}" in capsys.readouterr().err


def test_sizes_on_the_command_line() -> None:
    assert [cli._size(text) for text in ("1000", "10K", "64M", "2g", "0")] == [
        1000,
        10 * 1024,
        64 * 1024**2,
        2 * 1024**3,
        None,
    ]


def _zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for name, data in members.items():
            out.writestr(name, data)
    return buffer.getvalue()


def test_every_input_is_a_row_skipped_files_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEEDS[4].read_bytes())
    (folder / "b.doc").write_bytes(b"\xd0\xcf\x11\xe0")  # a Word 97-2003 report
    (folder / "c.xlsx").write_bytes(b"PK")
    doc, xlsx = str(folder / "b.doc"), str(folder / "c.xlsx")
    for form in ("csv", "csv-long", "jsonl", "parquet"):
        target = tmp_path / f"out.{form}"
        assert main(["parse", str(folder), "--format", form, "--output", str(target)]) == 0
        if form == "parquet":
            rows = pq.read_table(target).to_pylist()
        elif form == "jsonl":
            rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
            for row in rows:
                row.update({"error_" + k: v for k, v in (row["error"] or {}).items()})
        else:
            rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
        skipped = {r["source"]: r for r in rows if r["status"] == "skipped"}
        assert list(skipped) == [doc, xlsx], form
        assert skipped[doc]["error_code"] == "skipped"
        assert "convert it to .docx first" in skipped[doc]["error_message"], form
        assert skipped[xlsx]["error_message"].endswith("archives) (kind)"), form
    err = capsys.readouterr().err
    assert "reports: 1 read fully, 0 partly (cells missing); 0 not a report; 0 failed" in err
    frame = gr.read_reports(folder, timeout=None)
    assert list(frame["status"]) == ["complete", "skipped", "skipped"]
    kept = gr.read_reports(folder, timeout=None, skip_failed=True)
    assert list(kept["source"]) == [str(folder / "a.txt")]
    status, out, _ = _run(capsys, "parse", str(folder), "--format", "jsonl", "--skip-failed")
    assert status == 0 and [json.loads(line)["source"] for line in out.splitlines()] == [
        str(folder / "a.txt")
    ]


def test_the_time_left_is_at_the_rate_of_this_run() -> None:
    from govinfo_report.cli.progress import Tally

    now = [100.0]
    terminal = _Terminal()
    tally = Tally(terminal, clock=lambda: now[0])
    tally.expect(10)
    tally.resumed({"status": "complete", "template": "2019", "diagnostics": []})  # done before
    results = [gr.Result(i, f"{i}.txt", gr.ParseError("x", code="not-a-report")) for i in range(2)]
    for _ in tally.results(results):
        now[0] += 4.0  # 4 s a document
    # 3 of 10 done; 2 parsed here in 8 s: 7 left take 28 s.
    assert tally._counts(now[0], progress=True) == (
        "3 of 10 documents, 2 failed, 8.0 s, 0.4 documents/s, about 28 s left"
    )
