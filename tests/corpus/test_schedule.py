"""The order in which ``workers.run`` sends the tasks read ahead: in order, a ``heavy`` one
alone; once every task is read, the heavy ones left first, and the rest in chunks cut smaller
so that the last ones go to whichever worker frees first; a fork declined while other tasks
wait, but at the tail only while a heavy one waits or is being done. The decisions are
taken on a run's state with no worker started (``_Run``), and one run checks that the
results keep their order."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from govinfo_report import workers
from govinfo_report.corpus import stream
from govinfo_report.errors import ParseError


def _failed(task: tuple[Any, ...], error: ParseError) -> Any:
    return ("failed", task[0], error.code)


def _schedule(
    chunks: list[list[tuple[Any, ...]]], *, ahead: int = 100, processes: int = 2
) -> workers._Run:
    """A run's state over ``chunks`` of ``(index, heavy)`` tasks, no worker started."""
    return workers._Run(
        work=repr,
        chunks=iter(chunks),
        processes=processes,
        timeout=None,
        ordered=True,
        ahead=ahead,
        failed=_failed,
        heavy=lambda task: task[1],
    )


def _sent(run: workers._Run) -> Iterator[list[int]]:
    """The indices of each chunk a free worker would be sent, until none is left."""
    while chunk := run._next_chunk():
        yield [task[0] for task in chunk]


def test_at_the_tail_the_heavy_tasks_go_first_in_their_order_each_alone() -> None:
    # Two scans at 5 and 6 behind small files, every task read: both before the small
    # files, in their order; the small files after them, in theirs, a few at a time.
    light = [(index, False) for index in range(5)]
    run = _schedule([light, [(5, True), (6, True), (7, False)]])
    assert list(_sent(run)) == [[5], [6], [0], [1], [2], [3], [4], [7]]


def test_before_the_tail_the_tasks_go_in_order_a_heavy_one_alone() -> None:
    # The window of 8 is full: every task is not known to be read, so nothing jumps ahead
    # (results done behind one not done are held until it is) and no chunk is cut.
    light = [(index, False) for index in range(5)]
    run = _schedule([light, [(5, True), (6, True), (7, False)], [(8, False)]], ahead=8)
    assert list(_sent(run)) == [[0, 1, 2, 3, 4], [5], [6], [7]]
    run.given = 8  # their results taken: the last is read, the run is at its tail
    assert list(_sent(run)) == [[8]]
    assert run.exhausted


def test_without_heavy_the_chunks_go_in_order() -> None:
    run = _schedule([[(0, False), (1, True)], [(2, True)]], ahead=2)
    run.heavy = None
    assert list(_sent(run)) == [[0, 1]]


def test_once_every_task_is_read_the_chunks_shrink_to_a_quarter_of_a_share() -> None:
    # 40 small tasks in chunks of 16, all read: each chunk sent is at most a quarter of a
    # worker's share of those left (40 / 2 / 4 = 5, then 35 / 8 -> 5, 30 / 8 -> 4), and no
    # more than its chunk holds (the first chunk's last 2), down to one at a time.
    chunks = [
        [(index, False) for index in range(start, min(start + 16, 40))] for start in (0, 16, 32)
    ]
    run = _schedule(chunks)
    sent = list(_sent(run))
    assert [len(chunk) for chunk in sent[:5]] == [5, 5, 4, 2, 3]
    assert [index for chunk in sent for index in chunk] == list(range(40))
    left = 40
    for chunk in sent:
        assert len(chunk) <= -(-left // 8)
        left -= len(chunk)
    assert [len(chunk) for chunk in sent[-4:]] == [1, 1, 1, 1]


def test_a_fork_is_declined_while_a_heavy_task_waits() -> None:
    # Both workers free and idle: a fork is accepted only when nothing waits to be sent,
    # and a scan read ahead waits.
    run = _schedule([[(0, True), (1, True)]])
    assert run._next_chunk() == [(0, True)]
    assert run._waiting()
    assert run._next_chunk() == [(1, True)]
    assert not run._waiting()


def _on(*tasks: tuple[Any, ...]) -> workers._Worker:
    """A worker holding ``tasks`` (no process: only what the parent knows of it)."""
    return workers._Worker(None, None, deque(tasks))  # type: ignore[arg-type]


def test_at_the_tail_a_fork_is_accepted_while_light_tasks_alone_wait() -> None:
    # A scan sent first with ten small files behind it, all read: they cannot keep the
    # other worker busy while the scan is read whole, so its pages are read apart.
    run = _schedule([[(0, True), *((index, False) for index in range(1, 11))]])
    assert run._next_chunk() == [(0, True)]
    run.workers = [_on(), _on((1, False), (2, False))]  # the scan's worker has answered
    assert not run._waiting()


def test_at_the_tail_a_fork_is_declined_while_another_heavy_task_is_done_or_waits() -> None:
    run = _schedule([[(0, True), (1, True), (2, False)]])
    assert run._next_chunk() == [(0, True)]
    assert run._next_chunk() == [(1, True)]
    run.workers = [_on(), _on((1, True))]  # the other scan is being read
    assert run._waiting()
    run.workers = [_on(), _on((2, False))]  # its part or join waits to be sent
    run.parts.append((1, True, "join"))
    assert run._waiting()
    run.parts.clear()
    assert not run._waiting()


def test_before_the_tail_a_fork_is_declined_while_light_tasks_wait() -> None:
    run = _schedule([[(0, True), (1, False)], [(2, False)]], ahead=2)
    assert run._next_chunk() == [(0, True)]
    run.workers = [_on(), _on()]
    assert not run.exhausted
    assert run._waiting()


def _plain(task: tuple[Any, ...]) -> Any:
    return task[0]


def test_the_heavy_task_starts_first_and_the_results_keep_their_order() -> None:
    begun: list[int] = []
    tasks = [(0, False), (1, False), (2, False), (3, True), (4, False)]
    found = list(
        workers.run(
            _plain,
            iter([tasks]),
            processes=2,
            timeout=60.0,
            ordered=True,
            ahead=8,
            failed=_failed,
            started=lambda task: begun.append(task[0]),
            heavy=lambda task: task[1],
        )
    )
    assert found == [0, 1, 2, 3, 4]
    assert begun[:2] == [3, 0]  # the heavy task to the first free worker, then the rest
    assert sorted(begun) == [0, 1, 2, 3, 4]
    assert multiprocessing.active_children() == []


def test_a_document_is_heavy_from_heavy_bytes_up(tmp_path: Path) -> None:
    # A scan of a few pages (a MB) is heavy; a page of HTML (a few hundred KB) is not.
    assert stream.HEAVY_BYTES == 1 << 19
    scan, page = tmp_path / "scan.pdf", tmp_path / "page.html"
    scan.write_bytes(b"%" * (1 << 20))
    page.write_bytes(b"<" * 300_000)
    tasks = {task[1]: task for chunk in stream._chunks([scan, page], 16) for task in chunk}
    assert stream._heavy(tasks[str(scan)])
    assert not stream._heavy(tasks[str(page)])
    # carried data weighs its length; a missing file nothing (its worker says why)
    assert stream._heavy((0, "<bytes 0>", None, None, b"x" * (1 << 19), None, ""))
    assert not stream._heavy((1, "gone.pdf", str(tmp_path / "gone.pdf"), None, None, None, ""))
