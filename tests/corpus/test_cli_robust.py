"""A command line that cannot crash on its own output (issue 27, item 5; issue 28, items 5
and 7): UTF-8 whatever the console's locale, quiet when its reader goes away, one line for
an unexpected error, ``--version``; ``validate`` reading what ``parse`` reads; one JSON
document for several inputs; output files never torn; CSV cells no spreadsheet runs as a
formula."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import shutil
import stat
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import attrs
import pyarrow.parquet as pq
import pytest

import govinfo_report as gr
from govinfo_report.cli import command as cli
from govinfo_report.cli.command import main
from govinfo_report.write import atomic, export

from conftest import SEEDS

ORGANISATION = "北京市门头沟区潭柘寺镇人民政府"  # seed 004's title, line 1
COMMAND = [sys.executable, "-m", "govinfo_report.cli"]


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _environment(**more: str) -> dict[str, str]:
    environment = dict(os.environ)
    environment.update(more)
    return environment


@pytest.mark.slow
@pytest.mark.parametrize("encoding", ["gbk", "ascii"])
def test_stdout_is_utf8_whatever_the_locale(encoding: str) -> None:
    # The README's --excel example on a Chinese Windows console: GBK has no byte-order mark.
    done = subprocess.run(
        [*COMMAND, "parse", "--format", "csv", "--excel", str(SEEDS[4])],
        capture_output=True,
        env=_environment(PYTHONIOENCODING=encoding, LC_ALL="C"),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM, for Excel
    assert ORGANISATION in done.stdout.decode("utf-8-sig")
    assert b"Traceback" not in done.stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ["fields"],
        ["schema"],
        ["parse", "--format", "csv-long", str(SEEDS[0]), str(SEEDS[4])],
        ["parse", "--timeout", "0", str(SEEDS[0])],
        ["validate", str(SEEDS[1])],
        ["render", str(SEEDS[4])],
        ["show", str(SEEDS[4])],
    ],
    ids=lambda args: args[0] + (f"-{args[2]}" if args[0] == "parse" else ""),
)
def test_a_reader_that_goes_away_ends_any_command_quietly(args: list[str]) -> None:
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first byte: every write fails
    with os.fdopen(write, "wb") as stdout:
        done = subprocess.run([*COMMAND, *args], stdout=stdout, stderr=subprocess.PIPE)
    assert done.returncode == cli.EXIT_BROKEN_PIPE == 141
    said = done.stderr.decode("utf-8")
    assert "Traceback" not in said and "Broken pipe" not in said and "Exception" not in said
    if args[0] == "parse":  # the summary still ends the run
        assert "\nreports: " in said


def test_an_unexpected_error_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom\non two lines")

    monkeypatch.setattr(export, "write_csv", broken)
    status, out, err = _run(capsys, "parse", "--format", "csv", "--timeout", "0", str(SEEDS[0]))
    assert (status, out) == (2, "")
    lines = err.splitlines()
    assert lines[0].startswith("1 document, 0 failed, ")  # the summary first
    assert lines[-1] == (
        "govinfo-report: unexpected error, please report it: RuntimeError: boom on two lines"
    )
    assert "Traceback" not in err
    monkeypatch.setattr(cli, "_fields_command", broken)
    assert _run(capsys, "fields")[0] == 2


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"govinfo-report {gr.__version__}\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """folder/{001.txt, 004.txt, empty.txt}: a report with errors, a clean one, a failure."""
    root = tmp_path / "folder"
    root.mkdir()
    shutil.copy(SEEDS[1], root / "001.txt")
    shutil.copy(SEEDS[4], root / "004.txt")
    (root / "empty.txt").write_bytes(b"")
    return root


def test_validate_reads_what_parse_reads(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    # A directory: a failure wins over seed 001's errors.
    status, out, err = _run(capsys, "validate", "--quiet", str(folder))
    assert status == 2
    assert f"{folder / '001.txt'}: 2 error(s)" in out and f"{folder / '004.txt'}: 0 error(s)" in out
    assert err.startswith(f"{folder / 'empty.txt'}: the input is empty (empty-input")
    # A zip archive, and a JSON Lines file: the same reports.
    archive = tmp_path / "two.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(SEEDS[1], "a/001.txt")
        zipped.write(SEEDS[4], "a/004.txt")
    status, out, _ = _run(capsys, "validate", "--quiet", str(archive))
    assert status == 1 and f"{archive}:a/001.txt: 2 error(s)" in out
    lines = tmp_path / "two.jsonl"
    texts = [json.dumps({"text": seed.read_text("utf-8")}) for seed in (SEEDS[4], SEEDS[0])]
    lines.write_text("\n".join(texts) + "\n", encoding="utf-8")
    status, out, _ = _run(capsys, "validate", str(lines), "--pattern", "*.txt")
    assert status == 0 and f"{lines}:1: 0 error(s)" in out and f"{lines}:2: 0 error(s)" in out
    # What parse refuses, validate refuses the same way.
    status, _, err = _run(capsys, "validate", "--max-bytes", "1K", str(SEEDS[4]))
    assert status == 2 and "(too-large, " in err


def test_json_of_several_inputs_is_one_array(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    status, out, _ = _run(capsys, "parse", str(SEEDS[0]), str(SEEDS[4]))
    records = json.loads(out)  # one document
    assert status == 0 and [r["source"] for r in records] == [str(SEEDS[0]), str(SEEDS[4])]
    status, out, _ = _run(capsys, "parse", str(folder))
    records = json.loads(out)
    assert status == 2 and [r["status"] for r in records] == ["partial", "complete", "failed"]
    status, out, _ = _run(capsys, "parse", str(SEEDS[4]))
    assert json.loads(out)["organisation"] == ORGANISATION  # one file: its record alone


def _files(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()}


@pytest.mark.parametrize("format", ["csv", "parquet"])
def test_a_full_disk_leaves_no_torn_file(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    format: str,
) -> None:
    target = tmp_path / f"out.{format}"
    target.write_text("the last good run\n", encoding="utf-8")

    def full(rows: object, out: object, *args: object, **kwargs: object) -> None:
        first = next(iter(rows))  # type: ignore[call-overload]
        if isinstance(out, io.TextIOBase):
            out.write(export.to_json(first)[:100])  # half a row, then the disk is full
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export, "write_csv", full)
    monkeypatch.setattr(export, "to_jsonl", lambda rows: full(rows, None))
    monkeypatch.setattr(cli, "write_parquet", full)
    status, out, err = _run(
        capsys, "parse", str(SEEDS[0]), str(SEEDS[4]), "--format", format,
        "--output", str(target), "--timeout", "0",
    )  # fmt: skip
    assert (status, out) == (2, "")
    assert target.read_text(encoding="utf-8") == "the last good run\n"  # never torn
    kept = target.with_name(target.name + ".checkpoint.jsonl")
    assert _files(tmp_path) == {target.name, kept.name}  # no temporary file left behind
    lines = err.splitlines()
    assert lines[0] == f"{target}: [Errno 28] No space left on device"  # named as asked
    assert lines[1].startswith("2 documents, 0 failed, ")  # the summary: both were parsed
    failed = "which failed: [Errno 28] No space left on device"
    assert lines[-2] == f"written: nothing to {target}, {failed}"
    assert lines[-1] == f"finished documents kept in {kept}: go on with --resume"


def test_an_output_is_renamed_into_place_once_whole(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "out.csv"
    status, _, err = _run(
        capsys, "parse", "--format", "csv", "--output", str(target), str(SEEDS[4])
    )
    assert status == 0 and _files(tmp_path) == {"out.csv"}
    assert err.endswith(f"\nwritten: 1 document to {target}\n")
    (row,) = csv.DictReader(io.StringIO(target.read_text(encoding="utf-8")))
    assert row["organisation"] == ORGANISATION
    # A device is written in place, never replaced by a file.
    assert main(["parse", "--format", "csv", "--output", os.devnull, str(SEEDS[4])]) == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs Linux's /dev/full")
def test_a_full_stdout_ends_with_the_summary_and_exit_2() -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [*COMMAND, "parse", "--format", "jsonl", str(SEEDS[0]), str(SEEDS[4])],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("stdout: [Errno 28] No space left on device\n")
    # The first record (over 8 KiB: seed 000's diagnostics) fails to be written.
    assert "\n1 document, 0 failed, " in done.stderr
    assert "\nreports: 1 read fully, 0 partly" in done.stderr
    assert "\nwritten: at most 0 documents to stdout, which failed: [Errno 28]" in done.stderr


def test_csv_cells_are_never_formulas_under_excel(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(SEEDS[4], tmp_path / "=1+2.txt")
    status, out, _ = _run(capsys, "parse", "=1+2.txt", "--format", "csv", "--excel")
    (row,) = csv.DictReader(io.StringIO(out.removeprefix("\ufeff")))
    assert status == 0 and row["source"] == "'=1+2.txt"
    assert row["proactive.penalties.change"] == "408"  # printed +408 (seed 004, line 42)
    status, out, _ = _run(capsys, "parse", "=1+2.txt", "--format", "csv-long", "--excel")
    rows = {r["key"]: r for r in csv.DictReader(io.StringIO(out.removeprefix("\ufeff")))}
    change = rows["proactive.penalties.change"]
    assert (change["source"], change["value"], change["raw"]) == ("'=1+2.txt", "408", "'+408")
    # Without --excel, cells are as they are; and numbers never take a quote.
    status, out, _ = _run(capsys, "parse", "=1+2.txt", "--format", "csv")
    assert next(csv.DictReader(io.StringIO(out)))["source"] == "=1+2.txt"
    signed = gr.Report.from_values(
        {"proactive.penalties.change": -3, "proactive.procurement.amount": Decimal("-1.5")},
        template="2019",
        organisation="@某镇",
    )
    written = io.StringIO()
    export.write_csv([signed], written, ["2019"], excel=True)
    (row,) = csv.DictReader(io.StringIO(written.getvalue()))
    assert row["proactive.penalties.change"] == "-3"
    assert row["proactive.procurement.amount"] == "-1.5"
    assert row["organisation"] == "'@某镇"
    # White space before the formula does not hide it: a spreadsheet skips it.
    for organisation in (" =1+2", "\u3000+1", "\u00a0 -1", " @SUM(1)"):
        spaced = attrs.evolve(signed, organisation=organisation)
        written = io.StringIO()
        export.write_csv([spaced], written, ["2019"], excel=True)
        assert next(csv.DictReader(io.StringIO(written.getvalue())))["organisation"] == (
            "'" + organisation
        )
    written = io.StringIO()
    export.write_csv([attrs.evolve(signed, organisation=" 某镇 ")], written, ["2019"], excel=True)
    assert next(csv.DictReader(io.StringIO(written.getvalue())))["organisation"] == " 某镇 "


def test_parquet_output_reads_back_whole(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "out.parquet"
    assert main(["parse", "--format", "parquet", "--output", str(target), str(SEEDS[4])]) == 0
    assert _files(tmp_path) == {"out.parquet"}
    assert pq.read_table(target).column("organisation").to_pylist() == [ORGANISATION]


def test_the_temporary_output_file_is_made_safely(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("untouched\n", encoding="utf-8")
    target = tmp_path / "out.csv"
    # A link planted at the name the temporary file had (predictable: .NAME.PID.tmp).
    (tmp_path / f".out.csv.{os.getpid()}.tmp").symlink_to(victim)
    with atomic.replaced(target) as temporary:
        assert Path(temporary).parent == tmp_path and Path(temporary).name.startswith(".out.csv.")
        assert not Path(temporary).is_symlink()
        Path(temporary).write_text("written\n", encoding="utf-8")
    assert victim.read_text(encoding="utf-8") == "untouched\n"
    assert target.read_text(encoding="utf-8") == "written\n"
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask  # as a new file would be
    target.chmod(0o600)
    with atomic.replaced(target) as temporary:
        Path(temporary).write_text("again\n", encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # the file's own, kept
