"""The corrections store and corrections applied (issue 43): verdicts kept append-only in
SQLite, the latest on a cell winning, exchanged as JSON Lines; applied to the document whose
bytes they were given on and to no other, the rules checked again."""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import signal
import sqlite3
import subprocess
import sys
import threading
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report import dask
from govinfo_report.check.corrected import load, reading
from govinfo_report.corrections import CorrectionError, Entry, Store, fingerprint, read_lines

from conftest import SEEDS
from strategies import reports

SEED = SEEDS[1]  # 001: section 四 empty (15 missing cells), two broken rules
REAL = Path(__file__).parents[1] / "fixtures" / "realworld"
TIME = "2026-11-24T10:00:00+00:00"


def verdict(
    document: str, key: str, value: object = None, how: str = "value", **more: object
) -> Entry:
    line = {"document": document, "key": key, "verdict": how, "value": value}
    return gr_entry({**line, "reviewer": more.pop("reviewer", "ann"), "time": TIME, **more})


def gr_entry(record: dict[str, object]) -> Entry:
    (found,) = read_lines([json.dumps(record)])
    return found


def seed_fingerprint() -> str:
    return fingerprint(SEED.read_bytes())


# The store


def test_the_latest_verdict_on_a_cell_wins_and_nothing_is_overwritten(tmp_path: Path) -> None:
    document = seed_fingerprint()
    with Store(tmp_path / "review.db") as store:
        store.add([verdict(document, "appeals.review.upheld", 3)])
        store.add([verdict(document, "appeals.review.upheld", 4, reviewer="bob")])
        store.add([verdict(document, "appeals.review.other", None, "blank")])
        assert [(e.key, e.value, e.reviewer) for e in store.latest(document)] == [
            ("appeals.review.upheld", 4, "bob"),
            ("appeals.review.other", None, "ann"),
        ]
        assert len(store.entries()) == 3
    db = sqlite3.connect(tmp_path / "review.db")
    assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("UPDATE verdicts SET value = '9'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("DELETE FROM verdicts")


def test_json_lines_round_trip(tmp_path: Path) -> None:
    document = seed_fingerprint()
    written = [
        verdict(document, "appeals.review.upheld", 3, note="第3页"),
        verdict(document, "proactive.procurement.amount", "12.5"),
        verdict(document, "applications.new.total", None, "confirm", source="001.txt"),
    ]
    with Store(tmp_path / "a.db") as store:
        store.add(written)
        out = io.StringIO()
        assert store.export_lines(out) == 3
    lines = out.getvalue().splitlines()
    assert json.loads(lines[1])["value"] == 12.5
    assert json.loads(lines[0])["note"] == "第3页"
    with Store(tmp_path / "b.db") as other:
        assert other.import_lines(lines) == 3
        assert other.entries() == written
    assert written[1].value == Decimal("12.5")


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ({"key": "applications.granted.nobody"}, "not a key of either template"),
        ({"value": -1}, "negative"),
        ({"value": 1.5}, "not a whole number"),
        ({"value": "many"}, "not a number"),
        ({"value": True}, "not a number"),
        ({"verdict": "blank", "value": 0}, "has the value null"),
        ({"verdict": "maybe"}, "verdict must be"),
        ({"colour": "red"}, "unknown field"),
        ({"document": "abc"}, "SHA-256"),
        ({"time": "yesterday"}, "ISO 8601"),
    ],
)
def test_a_line_that_is_no_verdict_is_an_error_naming_its_line(
    change: dict[str, object], said: str
) -> None:
    good = {
        "document": "a" * 64,
        "key": "applications.granted.total",
        "verdict": "value",
        "value": 2,
        "reviewer": "ann",
        "time": TIME,
    }
    lines = [json.dumps(good), "", json.dumps({**good, **change})]
    with pytest.raises(CorrectionError, match=f"^line 3: .*{said}"):
        read_lines(lines)


def test_a_signed_change_may_be_negative_and_money_is_exact() -> None:
    (change, money) = read_lines(
        [
            json.dumps(
                {
                    "document": "a" * 64,
                    "key": k,
                    "verdict": "value",
                    "value": v,
                    "reviewer": "a",
                    "time": TIME,
                }
            )
            for k, v in (("proactive.licensing.change", -3), ("proactive.procurement.amount", 0.1))
        ]
    )
    assert change.value == -3
    assert money.value == Decimal("0.1")


def _writer(path: str, name: str, count: int) -> None:
    with Store(path) as store:
        for i in range(count):
            store.add([verdict("b" * 64, "applications.granted.total", i, reviewer=name)])


def test_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    """Threads and processes writing at once to one store file: every verdict is kept."""
    path = str(tmp_path / "review.db")
    Store(path).close()
    threads = [threading.Thread(target=_writer, args=(path, f"t{i}", 40)) for i in range(4)]
    context = multiprocessing.get_context("spawn")
    processes = [context.Process(target=_writer, args=(path, f"p{i}", 40)) for i in range(3)]
    for worker in (*threads, *processes):
        worker.start()
    for worker in (*threads, *processes):
        worker.join(120)
    assert all(p.exitcode == 0 for p in processes)
    with Store(path) as store:
        kept = store.entries()
    assert len(kept) == 7 * 40
    for name in (*(f"t{i}" for i in range(4)), *(f"p{i}" for i in range(3))):
        assert [e.value for e in kept if e.reviewer == name] == list(range(40))


def test_a_killed_writer_loses_nothing_it_saved(tmp_path: Path) -> None:
    """A process killed (SIGKILL) while it writes: every verdict it committed is there."""
    path = tmp_path / "review.db"
    Store(path).close()
    script = (
        "import sys; sys.path.insert(0, sys.argv[2]);"
        "from outputs.test_corrections import verdict;"
        "from govinfo_report.corrections import Store\n"
        "with Store(sys.argv[1]) as store:\n"
        "    for i in range(10**6):\n"
        "        store.add([verdict('c' * 64, 'applications.granted.total', i)])\n"
        "        print(i, flush=True)\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(path), str(Path(__file__).parents[1])],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    confirmed = -1
    while confirmed < 50:
        confirmed = int(child.stdout.readline())
    child.send_signal(signal.SIGKILL)
    child.wait()
    with Store(path) as store:
        values = [e.value for e in store.entries()]
    assert values == list(range(len(values)))
    assert len(values) >= confirmed + 1


# Corrections applied


def test_corrections_fill_missing_cells_and_derive_their_total() -> None:
    document = seed_fingerprint()
    parts = [
        verdict(document, f"appeals.review.{outcome}", value)
        for outcome, value in (("upheld", 1), ("corrected", 2), ("other", 0), ("pending", 3))
    ]
    before = gr.parse(SEED)
    report = gr.parse(SEED, corrections=parts)
    assert before.cell("appeals.review.total").provenance == "missing"
    total = report.cell("appeals.review.total")
    assert (total.value, total.provenance, total.rule) == (6, "derived", "appeals.group-sum.review")
    upheld = report.cell("appeals.review.upheld")
    assert (upheld.value, upheld.provenance) == (1, "corrected")
    assert upheld.correction is not None
    assert (upheld.correction.reviewer, upheld.correction.time) == ("ann", TIME)
    assert upheld.correction.machine is not None
    assert upheld.correction.machine.provenance == "missing"
    assert report.completeness().corrected == 4
    record = report.to_dict()
    assert record["cells"]["corrected"] == 4
    assert record["corrected"]["appeals.review.upheld"] == {
        "verdict": "value",
        "reviewer": "ann",
        "time": TIME,
        "agrees": None,
    }
    changed = {key for key, value in report.flat().items() if value != before.flat()[key]}
    assert changed == {*(p.key for p in parts), "appeals.review.total"}


def test_no_corrections_keep_every_output_as_it_was() -> None:
    before = gr.parse(SEED)
    after = gr.parse(SEED, corrections=[])
    assert attrs.evolve(after, reviewed=False) == before
    assert "corrected" not in before.to_dict()
    assert after.to_dict()["corrected"] == {}


def test_a_correction_that_breaks_a_rule_is_reported_and_one_the_machine_contradicts_too() -> None:
    document = seed_fingerprint()
    report = gr.parse(
        SEED, corrections=[verdict(document, "applications.granted.natural_person", 7)]
    )
    cell = report.cell("applications.granted.natural_person")
    assert (cell.value, cell.provenance) == (7, "corrected")
    assert cell.correction is not None and cell.correction.agrees is False
    codes = {(d.code, d.line) for d in report.diagnostics}
    assert ("correction-disagrees", 57) in codes
    broken = [d for d in report.diagnostics if d.code == "rule-violation"]
    assert any("applications.granted.natural_person 7" in d.message for d in broken)


def test_a_value_the_machine_now_reads_too_is_confirmed_by_it() -> None:
    document = seed_fingerprint()
    report = gr.parse(
        SEED,
        corrections=[
            verdict(document, "applications.granted.natural_person", 6),
            verdict(document, "applications.new.total", None, "confirm"),
        ],
    )
    for key in ("applications.granted.natural_person", "applications.new.total"):
        cell = report.cell(key)
        assert cell.provenance == "corrected"
        assert cell.correction is not None and cell.correction.agrees is True
    assert not any(d.code == "correction-disagrees" for d in report.diagnostics)


NAMED = "2020/001.txt"


def test_a_stale_correction_is_listed_and_never_applied(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    old = tmp_path / "001.txt"
    old.write_text(text, encoding="utf-8")
    store = tmp_path / "review.db"
    with Store(store) as kept:
        kept.add(
            [
                verdict(
                    fingerprint(old.read_bytes()), "appeals.review.upheld", 5, source="2020/001.txt"
                )
            ]
        )
    old.write_text(text + "\n", encoding="utf-8")  # the document changed
    report = gr.parse(old, corrections=store)
    assert report.cell("appeals.review.upheld").provenance == "missing"
    (stale,) = [d for d in report.diagnostics if d.code == "correction-stale"]
    assert stale.keys == ("appeals.review.upheld",)
    # Two documents of one file name in two folders are two documents, not two versions.
    loaded = load(store)
    document = fingerprint(old.read_bytes())
    assert len(loaded.stale(document, "/data/reports/2020/001.txt")) == 1
    assert loaded.stale(document, "reports/2021/001.txt") == []


@given(reports(), reports(), st.data())
def test_a_correction_never_reaches_another_document(
    mine: gr.Report, other: gr.Report, data: st.DataObject
) -> None:
    text, other_text = gr.render(mine), gr.render(other)
    if text == other_text:
        return
    keys = list(mine.flat())
    chosen = data.draw(st.lists(st.sampled_from(keys), min_size=1, max_size=10, unique=True))
    verdicts = [verdict(fingerprint(text), key, 7) for key in chosen]
    before = gr.parse(other_text)
    after = gr.parse(other_text, corrections=verdicts)
    assert attrs.evolve(after, reviewed=False) == before
    corrected = gr.parse(text, corrections=verdicts)
    assert {c.key for t in corrected.tables for c in t if c.provenance == "corrected"} == set(
        chosen
    )


def _gold(report_id: str) -> dict[str, object]:
    path = REAL / "gold-flat" / f"{report_id}.json"
    values: dict[str, object] = json.loads(path.read_text("utf-8"), parse_float=Decimal)["values"]
    return values


@pytest.mark.parametrize(
    ("path", "report_id"),
    [
        (REAL / "renderings" / "pt-2022-pingtan" / "pandoc-html.txt", "pt-2022-pingtan"),
        (
            REAL / "renderings" / "ot-jiangsu-huaian-city-2024" / "pdftotext.txt",
            "ot-jiangsu-huaian-city-2024",
        ),
    ],
)
def test_every_missing_cell_filled_from_the_gold_gives_every_cell(
    path: Path, report_id: str
) -> None:
    """The round trip of the issue's target: a verdict typed from the hand-read gold for
    each missing cell makes every cell right, only those cells corrected."""
    gold = _gold(report_id)
    before = gr.parse(path)
    missing = [c.key for t in before.tables for c in t if c.provenance == "missing"]
    assert len(missing) >= 10
    document = fingerprint(path.read_bytes())
    verdicts = [
        verdict(document, key, gold[key])
        if gold[key] is not None
        else verdict(document, key, None, "blank")
        for key in missing
    ]
    after = gr.parse(path, corrections=verdicts)
    assert after.completeness().missing == 0
    assert {k: v for k, v in after.flat().items()} == {key: gold[key] for key in after.flat()}
    for table_before, table_after in zip(before.tables, after.tables, strict=True):
        for old, new in zip(table_before, table_after, strict=True):
            if old.key in missing:
                assert new.provenance == "corrected"
            else:
                assert attrs.evolve(new, correction=None) == old


def test_corrections_load_from_a_store_and_from_json_lines(tmp_path: Path) -> None:
    document = seed_fingerprint()
    entries = [verdict(document, "appeals.review.upheld", 2)]
    with Store(tmp_path / "review.db") as store:
        store.add(entries)
        with (tmp_path / "review.jsonl").open("w", encoding="utf-8") as out:
            store.export_lines(out)
    for source in (
        tmp_path / "review.db",
        tmp_path / "review.jsonl",
        str(tmp_path / "review.jsonl"),
    ):
        assert gr.parse(SEED, corrections=source).cell("appeals.review.upheld").value == 2
    with pytest.raises(FileNotFoundError):
        load(tmp_path / "none.db")


def test_corrections_reach_iter_parse_read_reports_and_the_cli(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "001.txt").write_bytes(SEED.read_bytes())
    (folder / "000.txt").write_bytes(SEEDS[0].read_bytes())
    store = tmp_path / "review.db"
    with Store(store) as kept:
        kept.add([verdict(seed_fingerprint(), "appeals.review.upheld", 2, source="001.txt")])
    for jobs in (1, 2):
        results = list(gr.iter_parse(gr.directory(folder), jobs=jobs, corrections=store))
        by_name = {Path(r.name).name: r.report for r in results}
        assert by_name["001.txt"] is not None and by_name["000.txt"] is not None
        assert by_name["001.txt"].cell("appeals.review.upheld").provenance == "corrected"
        assert by_name["000.txt"].completeness().corrected == 0
    bag = dask.results(str(folder), corrections=store)
    found = {Path(r.name).name: r.report for r in bag.compute(scheduler="sync")}
    assert found["001.txt"] is not None
    assert found["001.txt"].cell("appeals.review.upheld").value == 2
    frame = gr.read_reports(folder, corrections=store, provenance=True)
    row = frame[frame.source.str.endswith("001.txt")].iloc[0]
    assert row["cells_corrected"] == 1
    assert row["appeals.review.upheld:provenance"] == "corrected"
    assert "cells_corrected" not in gr.read_reports(folder).columns
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "govinfo_report.cli",
            "parse",
            str(folder),
            "--format",
            "csv",
            "--corrections",
            str(store),
            "--allow-partial",
        ],
        capture_output=True,
        text=True,
    )
    rows = {Path(row["source"]).name: row for row in csv.DictReader(io.StringIO(out.stdout))}
    assert (rows["001.txt"]["cells_corrected"], rows["000.txt"]["cells_corrected"]) == ("1", "0")
    assert rows["001.txt"]["appeals.review.upheld"] == "2"
    assert "corrections: 1 cell(s) corrected in 1 of 2 report(s)" in out.stderr


def test_validate_and_the_long_table_show_corrections(tmp_path: Path) -> None:
    store = tmp_path / "review.db"
    with Store(store) as kept:
        kept.add([verdict(seed_fingerprint(), "applications.granted.natural_person", 0)])
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "govinfo_report.cli",
            "validate",
            str(SEED),
            "--corrections",
            str(store),
        ],
        capture_output=True,
        text=True,
    )
    assert "[correction-disagrees]" in out.stdout
    assert "自然人: 总计" not in out.stdout  # the column adds up with the verdict
    plain = subprocess.run(
        [sys.executable, "-m", "govinfo_report.cli", "validate", str(SEED)],
        capture_output=True,
        text=True,
    )
    assert "自然人: 总计" in plain.stdout
    cells = gr.read_cells(SEED, corrections=store)
    row = cells[cells.key == "applications.granted.natural_person"].iloc[0]
    assert (row["value"], row["provenance"]) == (0, "corrected")


def test_a_reviewed_record_and_a_verdict_line_follow_their_schemas(tmp_path: Path) -> None:
    import jsonschema

    from govinfo_report.write.schema import correction_schema

    document = seed_fingerprint()
    entries = [
        verdict(document, "appeals.review.upheld", 2, note="p. 4", source="001.txt"),
        verdict(document, "appeals.review.other", None, "blank"),
        verdict(document, "applications.new.total", None, "confirm"),
    ]
    report = gr.parse(SEED, corrections=entries)
    jsonschema.Draft202012Validator(gr.record_schema()).validate(json.loads(report.to_json()))
    with Store(tmp_path / "review.db") as store:
        store.add([attrs.evolve(e, machine=reading(gr.parse(SEED), e.key)) for e in entries])
        out = io.StringIO()
        store.export_lines(out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    schema = jsonschema.Draft202012Validator(correction_schema())
    for line in lines:
        schema.validate(line)
    new = gr.parse(SEED).cell("applications.new.total")
    assert (lines[2]["machine"]["value"], lines[2]["machine"]["line"]) == (new.value, new.line)
    assert new.provenance == "derived"  # confirmed: the machine derived it
    with pytest.raises(jsonschema.ValidationError):
        schema.validate({**lines[0], "verdict": "maybe"})


def test_strict_judges_the_report_as_corrected(tmp_path: Path) -> None:
    """Seed 001 grants 6 to 自然人 where every other count of the column is 0: strict refuses
    it, and accepts it once a reviewer settled that cell; a verdict that breaks a rule is
    refused like a printed error, in parse and in a stream alike."""
    with pytest.raises(gr.ParseError) as refused:
        gr.parse(SEED, strict=True)
    assert refused.value.code == "rule-violation"
    fixed = [verdict(seed_fingerprint(), "applications.granted.natural_person", 0)]
    report = gr.parse(SEED, strict=True, corrections=fixed)
    assert report.applications["granted.natural_person"].provenance == "corrected"
    assert not report.errors
    broken = [*fixed, verdict(seed_fingerprint(), "applications.new.natural_person", 7)]
    with pytest.raises(gr.ParseError) as refused:
        gr.parse(SEED, strict=True, corrections=broken)
    assert refused.value.code == "rule-violation"
    (result,) = gr.iter_parse([SEED], strict=True, corrections=broken, timeout=None)
    assert result.error is not None and result.error.code == "rule-violation"
    (result,) = gr.iter_parse([SEED], strict=True, corrections=fixed, timeout=None)
    assert result.error is None and result.report is not None
