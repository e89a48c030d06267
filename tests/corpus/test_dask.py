"""The Dask engine (``govinfo_report.dask``) on a local cluster of two worker processes
(``dask.distributed.LocalCluster``): each document parsed exactly once (counted in the
workers), failures kept, JSON Lines and Parquet parts that concatenate cleanly, and the
recipe of docs/streaming.md run as the document prints it."""

from __future__ import annotations

import hashlib
import json
import os
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import jsonschema
import pyarrow.parquet as pq
import pytest
from dask.distributed import Client, LocalCluster

import govinfo_report as gr
from govinfo_report import dask as gr_dask
from govinfo_report.write import records

import parse_counter
from conftest import SEEDS, expected, expected_cells

pytestmark = pytest.mark.slow

DOC = Path(__file__).parents[2] / "docs" / "streaming.md"


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five seeds in a folder, two of them again in a zip, and an empty file."""
    root = tmp_path_factory.mktemp("corpus")
    (root / "2020").mkdir()
    for seed in SEEDS:
        (root / "2020" / seed.name).write_bytes(seed.read_bytes())
    (root / "2020" / "empty.txt").write_bytes(b"")
    with zipfile.ZipFile(root / "more.zip", "w") as archive:
        for seed in SEEDS[:2]:
            archive.write(seed, f"again/{seed.name}")
    return root


@pytest.fixture
def parses(client: Client, tmp_path: Path) -> Iterator[Path]:
    """A file where the workers log each parse call, one line each (pid and input hash)."""
    log = tmp_path / "parses.log"
    log.touch()
    client.run(parse_counter.start, str(log))
    yield log
    client.run(parse_counter.stop)


def logged(log: Path) -> tuple[Counter[str], set[str]]:
    """The inputs parsed (by hash, with how often) and the processes that parsed them."""
    calls = [line.split() for line in log.read_text().splitlines()]
    return Counter(digest for _, digest in calls), {pid for pid, _ in calls}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def inputs(corpus: Path) -> list[str]:
    return [str(corpus / "2020"), str(corpus / "*.zip"), str(corpus / "none" / "*.txt")]


def test_two_worker_processes(client: Client) -> None:
    workers = client.run(os.getpid)
    assert len(workers) == 2 and os.getpid() not in workers.values()


def test_jsonl_parts_parse_each_document_once(client: Client, corpus: Path, parses: Path) -> None:
    out = corpus.parent / "jsonl"
    bag = gr_dask.results(inputs(corpus), npartitions=3, timeout=None)  # parsed in the workers
    assert bag.npartitions == 3
    written = gr_dask.write_jsonl(bag, out)
    # Every document that could be read was parsed exactly once, in the workers.
    counts, pids = logged(parses)
    readable = [*SEEDS, corpus / "2020" / "empty.txt", *SEEDS[:2]]
    assert counts == Counter(digest(path) for path in readable)
    assert pids <= {str(pid) for pid in client.run(os.getpid).values()}
    # Three parts in input order, each ending with a newline: they concatenate cleanly.
    assert [Path(p).name for p in written.parts] == [f"part-0000{i}.jsonl" for i in range(3)]
    texts = [Path(part).read_text(encoding="utf-8") for part in written.parts]
    assert all(text.endswith("\n") for text in texts if text)
    lines = "".join(texts).splitlines()
    names = [json.loads(line)["source"] for line in lines]
    members = [f"{corpus / 'more.zip'}:again/{seed.name}" for seed in SEEDS[:2]]
    # Every document is a line, in input order: the two failures too.
    assert names == [
        *(str(corpus / "2020" / seed.name) for seed in SEEDS),
        str(corpus / "2020" / "empty.txt"),
        *members,
        str(corpus / "none" / "*.txt"),
    ]
    statuses = [json.loads(line)["status"] for line in lines]
    assert statuses[5] == statuses[8] == "failed" and statuses.count("failed") == 2
    schema = jsonschema.Draft202012Validator(gr.record_schema())
    assert not [error for line in lines for error in schema.iter_errors(json.loads(line))]
    by_name = {
        name: json.loads(line, parse_float=Decimal) for name, line in zip(names, lines, strict=True)
    }
    for seed in SEEDS:
        values = records.from_record(by_name[str(corpus / "2020" / seed.name)]).flat()
        assert values == {key: value for key, (value, _) in expected_cells(expected(seed)).items()}
    # The failures are kept: in the summary and in _failures.jsonl.
    failures = [(f.index, f.name, f.code) for f in written.failures]
    assert failures == [
        (5, str(corpus / "2020" / "empty.txt"), "empty-input"),
        (8, str(corpus / "none" / "*.txt"), "unreadable"),
    ]
    kept = [json.loads(line) for line in (out / "_failures.jsonl").read_text().splitlines()]
    assert [(f["index"], f["name"], f["code"]) for f in kept] == failures
    assert kept[1]["message"] == f"no file matches {corpus / 'none' / '*.txt'}"
    # Completeness as typed by hand: a report is partial when a cell is missing.
    partial = [
        any(origin == "missing" for _, origin in expected_cells(expected(seed)).values())
        for seed in [*SEEDS, *SEEDS[:2]]
    ]
    assert (written.complete, written.partial, written.empty) == (
        partial.count(False),
        partial.count(True),
        0,
    )
    assert written.reports == 7
    skipped = gr_dask.write_jsonl(
        gr_dask.results(inputs(corpus), npartitions=3), out, skip_failed=True
    )
    lines = "".join(Path(part).read_text(encoding="utf-8") for part in skipped.parts).splitlines()
    assert len(lines) == 7 and len(skipped.failures) == 2  # left out of the parts alone


def test_parquet_parts_read_as_one_table(client: Client, corpus: Path, parses: Path) -> None:
    out = corpus.parent / "parquet"
    bag = gr_dask.results(inputs(corpus), npartitions=3, timeout=None)
    written = gr_dask.write_parquet(bag, out)
    counts, _ = logged(parses)
    assert sum(counts.values()) == 8  # 7 reports and the empty file, once each
    schemas = {pq.read_schema(part) for part in written.parts}
    assert len(schemas) == 1
    table = pq.read_table(out)  # the directory as one table, _failures.jsonl skipped
    assert table.num_rows == written.reports + len(written.failures) == 9  # failures are rows
    assert table.column("status").to_pylist().count("failed") == 2
    assert set(table.column_names) >= {f.key for name in ("2019", "2021") for f in gr.fields(name)}
    rows = table.select(["source", "organisation", "proactive.licensing.decisions"]).to_pylist()
    seed = next(row for row in rows if row["source"] == str(corpus / "2020" / SEEDS[1].name))
    assert seed["organisation"] == expected(SEEDS[1])["metadata"]["organisation"]
    assert seed["proactive.licensing.decisions"] == 34  # 行政许可 … 34, line 35


def test_a_bag_computed_again_parses_again(client: Client, corpus: Path, parses: Path) -> None:
    """What the count catches: the bag is lazy, each computation parses anew."""
    bag = gr_dask.results(str(corpus / "2020"), npartitions=2, timeout=None)
    first = bag.compute()
    assert [(r.index, Path(r.name).name, r.ok) for r in first] == [
        *((i, seed.name, True) for i, seed in enumerate(SEEDS)),
        (5, "empty.txt", False),
    ]
    assert first[1].report.flat()["proactive.licensing.decisions"] == 34
    bag.count().compute()
    counts, _ = logged(parses)
    assert set(counts.values()) == {2} and len(counts) == 6


def test_each_document_has_the_time_budget(client: Client, corpus: Path) -> None:
    # In a worker process of the Dask worker's own, killed past the budget: no report is
    # read in a millisecond, so each fails as timeout (the empty file may be quicker).
    done = gr_dask.results(str(corpus / "2020"), npartitions=2, timeout=0.001).compute()
    assert [r.index for r in done] == list(range(6))
    assert [r.error.code for r in done[:5] if r.error] == ["timeout"] * 5
    assert "time budget of 0.001 s" in str(done[0].error)
    # The default budget (30 s) reads them all, the same way.
    again = gr_dask.results(str(corpus / "2020"), npartitions=2).compute()
    assert [r.ok for r in again] == [True] * 5 + [False]
    assert again[1].report.flat()["proactive.licensing.decisions"] == 34


@pytest.mark.parametrize("form", ["jsonl", "parquet"])
def test_resume_keeps_the_parts_written(
    client: Client, corpus: Path, parses: Path, form: str
) -> None:
    out = corpus.parent / f"resumed-{form}"
    write = gr_dask.write_jsonl if form == "jsonl" else gr_dask.write_parquet
    whole = write(gr_dask.results(inputs(corpus), npartitions=3, timeout=None), out)
    before = [Path(part).read_bytes() for part in whole.parts]
    Path(whole.parts[1]).unlink()  # as if the run stopped before the second part
    parses.write_text("")
    resumed = write(gr_dask.results(inputs(corpus), npartitions=3, timeout=None), out, resume=True)
    counts, _ = logged(parses)
    assert sum(counts.values()) == 3  # the second partition's documents alone were parsed
    assert [Path(part).read_bytes() for part in resumed.parts] == before
    assert (resumed.complete, resumed.partial, resumed.empty) == (
        whole.complete,
        whole.partial,
        whole.empty,
    )
    assert resumed.failures == whole.failures  # read back from the kept parts


def test_a_wrong_call_fails_where_the_graph_is_built() -> None:
    with pytest.raises(gr.UnknownLayoutError):
        gr_dask.results("reports", layout="no-such-layout")
    with pytest.raises(ValueError, match="format"):
        gr_dask.results("reports", format="rtf")


def recipe() -> str:
    """The Python block following the ``dask-recipe`` marker."""
    text = DOC.read_text(encoding="utf-8")
    found = re.search(r"<!-- dask-recipe[^>]*-->\n```python\n(.*?)```", text, re.DOTALL)
    assert found is not None
    return found.group(1)


def test_the_documented_recipe_runs_on_the_cluster(client: Client, corpus: Path) -> None:
    namespace: dict[str, object] = {"__name__": "recipe"}
    exec(compile(recipe(), str(DOC), "exec"), namespace)
    out = corpus.parent / "recipe"
    written = namespace["parse_corpus"]([str(corpus / "2020")], str(out))  # type: ignore[operator]
    assert written.reports == 5
    assert [(f.name, f.code) for f in written.failures] == [
        (str(corpus / "2020" / "empty.txt"), "empty-input")
    ]
    lines = (out / "part-00000.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0])["organisation"] == expected(SEEDS[0])["metadata"]["organisation"]


@pytest.mark.usefixtures("client")
def test_files_passed_over_are_rows_skipped_with_their_reason(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEEDS[4].read_bytes())
    (folder / "b.doc").write_bytes(b"\xd0\xcf\x11\xe0")  # a Word 97-2003 report
    (folder / "c.xlsx").write_bytes(b"PK")
    written = gr_dask.write_jsonl(gr_dask.results(folder, timeout=None), tmp_path / "out")
    lines = [
        json.loads(line)
        for part in written.parts
        for line in Path(part).read_text(encoding="utf-8").splitlines()
    ]
    assert [(Path(r["source"]).name, r["status"]) for r in lines] == [
        ("a.txt", "complete"),
        ("b.doc", "skipped"),
        ("c.xlsx", "skipped"),
    ]
    assert "convert it to .docx first" in lines[1]["error"]["message"]
    kept = gr_dask.write_jsonl(
        gr_dask.results(folder, timeout=None), tmp_path / "kept", skip_failed=True
    )
    assert [
        Path(json.loads(line)["source"]).name
        for part in kept.parts
        for line in Path(part).read_text(encoding="utf-8").splitlines()
    ] == ["a.txt"]
