"""iter_parse and parse_document: every kind of source, in process and in worker processes,
ordered and not, failures in place, laziness, early stops."""

from __future__ import annotations

import itertools
import multiprocessing
import pickle
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import govinfo_report as gr
from govinfo_report.corpus import stream
from govinfo_report.write.render import render, renderable

from conftest import SEEDS, WRITTEN, assert_seed


@pytest.mark.parametrize("kind", ["path", "bytes", "str", "document"])
def test_every_kind_of_source_in_process(kind: str) -> None:
    sources: list[object] = {
        "path": list(SEEDS),
        "bytes": [seed.read_bytes() for seed in SEEDS],
        "str": [seed.read_text(encoding="utf-8") for seed in SEEDS],
        "document": [gr.Document(seed.stem, path=str(seed)) for seed in SEEDS],
    }[kind]
    results = list(gr.iter_parse(sources))  # type: ignore[arg-type]
    assert [r.index for r in results] == [0, 1, 2, 3, 4]
    names = {
        "path": [str(seed) for seed in SEEDS],
        "bytes": [f"<bytes {i}>" for i in range(5)],
        "str": [f"<text {i}>" for i in range(5)],
        "document": [seed.stem for seed in SEEDS],
    }[kind]
    assert [r.name for r in results] == names
    for result, seed in zip(results, SEEDS, strict=True):
        assert result.ok and result.error is None
        assert_seed(result.report, seed)
        assert result.report is not None and result.report.source == result.name


def _corpus(tmp_path: Path) -> list[Path]:
    """The seeds with an empty file, binary junk, a legacy report and a missing file between
    them."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 4)
    return [
        SEEDS[0],
        empty,
        SEEDS[1],
        junk,
        WRITTEN / "legacy_2016.txt",
        SEEDS[2],
        tmp_path / "absent.txt",
        SEEDS[3],
        SEEDS[4],
    ]


FAILURES = {1: "empty-input", 3: "not-text", 4: "legacy-report", 6: "unreadable"}
GOOD = {0: SEEDS[0], 2: SEEDS[1], 5: SEEDS[2], 7: SEEDS[3], 8: SEEDS[4]}


def _check_corpus(results: list[gr.Result], corpus: list[Path]) -> None:
    assert sorted(r.index for r in results) == list(range(len(corpus)))
    for result in results:
        assert result.name == str(corpus[result.index])
        if result.index in FAILURES:
            assert not result.ok and result.report is None
            assert result.error is not None and result.error.code == FAILURES[result.index]
        else:
            assert result.ok
            assert_seed(result.report, GOOD[result.index])


def test_failures_yield_results_in_place_and_the_stream_goes_on(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    results = list(gr.iter_parse(corpus))
    _check_corpus(results, corpus)
    missing = results[6].error
    assert missing is not None and "No such file or directory" in str(missing)


def test_two_workers_ordered_give_the_reports_of_one(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    results = list(gr.iter_parse(corpus, jobs=2, chunksize=2))
    assert [r.index for r in results] == list(range(len(corpus)))
    _check_corpus(results, corpus)
    alone = list(gr.iter_parse(corpus))
    assert [r.report for r in results] == [r.report for r in alone]
    assert [type(r.error) for r in results] == [type(r.error) for r in alone]
    legacy = results[4].error
    assert isinstance(legacy, gr.LegacyReportError) and legacy.year == 2016


@pytest.mark.parametrize("ordered", [True, False])
def test_an_error_of_the_sources_comes_after_the_results_before_it(ordered: bool) -> None:
    """With workers, a source that is not one raised at once and the documents before it,
    already parsed, were lost; now they come first, as in one process."""

    def sources() -> Iterator[object]:
        yield from SEEDS
        yield 42

    for jobs in (1, 2):
        results = []
        with pytest.raises(TypeError, match="cannot read a report from int"):
            for result in gr.iter_parse(
                sources(),
                jobs=jobs,
                ordered=ordered,  # type: ignore[arg-type]
                chunksize=2,
            ):
                results.append(result)
        assert sorted(r.index for r in results) == list(range(len(SEEDS)))
        for result in results:
            assert_seed(result.report, SEEDS[result.index])


def test_two_workers_unordered_give_the_same_results(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path) * 3
    results = list(gr.iter_parse(corpus, jobs=2, ordered=False, chunksize=1))
    assert sorted(r.index for r in results) == list(range(len(corpus)))
    alone = {r.index: r for r in gr.iter_parse(corpus)}
    for result in results:
        assert result.name == alone[result.index].name
        assert result.report == alone[result.index].report


def test_an_unexpected_exception_is_an_internal_error_result(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = stream.parse

    def buggy(source: object, **options: object) -> gr.Report:
        if isinstance(source, str) and "boom" in source:
            raise ZeroDivisionError("division by zero")
        return real(source, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(stream, "parse", buggy)
    results = list(gr.iter_parse(["boom", SEEDS[4].read_text(encoding="utf-8")]))
    error = results[0].error
    assert isinstance(error, gr.InternalError) and error.code == "internal-error"
    assert error.message == "internal error: ZeroDivisionError: division by zero"
    assert "in buggy" in error.traceback and "ZeroDivisionError" in error.traceback
    assert_seed(results[1].report, SEEDS[4])


def test_results_and_errors_pickle_compactly() -> None:
    good = gr.parse_document(gr.Document("s4", path=str(SEEDS[4])), index=7)
    bad = gr.parse_document(gr.Document("junk", data=b"\x00\x01"))
    assert pickle.loads(pickle.dumps(good)).report == good.report
    again = pickle.loads(pickle.dumps(bad))
    assert again.index == 0 and again.report is None and again.error is not None
    assert (again.error.code, again.error.line, str(again.error)) == ("not-text", 1, str(bad.error))
    # The report travels as one bytes object of the compact form, not as attrs objects.
    assert b"govinfo_report.model" not in pickle.dumps(good)


def test_strict_and_layout_reach_the_parser() -> None:
    # seed 001's totals do not add up (rule-violation at line 79): strict makes it a failure
    strict = list(gr.iter_parse([SEEDS[1], SEEDS[4]], strict=True))
    assert strict[0].error is not None and strict[0].error.code == "rule-violation"
    assert strict[0].error.line == 79
    assert strict[1].ok
    forced = next(gr.iter_parse([SEEDS[1]], layout="tab-separated")).report
    assert forced is not None and forced.applications.layout == "tab-separated"


def test_bad_arguments_raise_at_once() -> None:
    with pytest.raises(gr.UnknownLayoutError):
        gr.iter_parse([SEEDS[0]], layout="no-such-layout")
    with pytest.raises(ValueError, match="jobs"):
        gr.iter_parse([SEEDS[0]], jobs=-1)
    with pytest.raises(ValueError, match="chunksize"):
        gr.iter_parse([SEEDS[0]], chunksize=0)
    with pytest.raises(TypeError, match="int"):
        list(gr.iter_parse([SEEDS[0], 42]))  # type: ignore[list-item]


def test_an_endless_stream_is_read_only_a_window_ahead() -> None:
    pulled = itertools.count()
    seed_bytes = [seed.read_bytes() for seed in SEEDS]

    def endless() -> Iterator[bytes]:
        for n in pulled:
            yield seed_bytes[n % 5]

    results = gr.iter_parse(endless(), jobs=2, chunksize=2)
    first = list(itertools.islice(results, 20))
    assert [r.index for r in first] == list(range(20))
    assert all(r.ok for r in first)
    assert_seed(first[19].report, SEEDS[4])
    results.close()
    window = 2 * 2 * stream.CHUNKS_AHEAD
    assert next(pulled) <= 20 + window + 1
    assert multiprocessing.active_children() == []


def test_closing_early_terminates_the_workers() -> None:
    results = gr.iter_parse(itertools.repeat(SEEDS[0]), jobs=2, ordered=False)
    assert next(results).ok
    assert len(multiprocessing.active_children()) == 2
    results.close()
    assert multiprocessing.active_children() == []


def test_an_interrupt_stops_the_workers() -> None:
    results = gr.iter_parse(itertools.cycle(SEEDS), jobs=2, chunksize=1)
    assert_seed(next(results).report, SEEDS[0])
    with pytest.raises(KeyboardInterrupt):
        results.throw(KeyboardInterrupt)  # as Ctrl-C while the consumer holds a result
    assert multiprocessing.active_children() == []


def test_jobs_zero_means_one_per_cpu(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stream.os, "sched_getaffinity", lambda pid: {0, 1, 2})
    assert stream._workers(0) == stream._workers(None) == 3
    assert stream._workers(1) == 1


def test_a_chunk_ends_once_its_files_hold_chunk_bytes(tmp_path: Path) -> None:
    # A folder's large files (scans: a MB each, seconds of OCR a page) are weighed by their
    # size on disk, so that two of them never travel in one chunk beside the small files
    # and the other worker waits: each chunk ends with the file that fills it.
    sizes = [1_000, 700_000, 1_000, 600_000, 1_000, 1_000]
    paths = []
    for at, size in enumerate(sizes):
        path = tmp_path / f"{at}.txt"
        path.write_bytes(b"x" * size)
        paths.append(path)
    assert stream.CHUNK_BYTES == 1 << 20
    chunks = [[task[0] for task in chunk] for chunk in stream._chunks(paths, 16)]
    assert chunks == [[0, 1, 2, 3], [4, 5]]
    # a missing file weighs nothing here: its worker says why it cannot be read
    missing = [tmp_path / "none.txt", *paths[:2]]
    assert [len(chunk) for chunk in stream._chunks(missing, 16)] == [3]


def test_threads_parsing_at_once_read_what_one_thread_reads() -> None:
    """Texts parsed by four threads at once read as each does alone: what a parse keeps
    while it reads a text's tables (each region's rows, read once: ``table._layout_rows``)
    is its own thread's, never another text's rows of the same lines."""
    reports = [gr.parse(seed) for seed in SEEDS]
    texts = [
        render(report, layout, blank_zeros=True) for report in reports for layout in renderable()
    ]
    alone = [gr.parse(text).flat() for text in texts]
    with ThreadPoolExecutor(4) as pool:
        for _ in range(3):
            assert [report.flat() for report in pool.map(gr.parse, texts)] == alone
