"""A task done in parts by every worker (``workers.Fork``): the parts are spread over the
workers, the join's result is the task's, in its place; a part that dies or runs out of time
fails its task alone, whose budget counts over its parts. A fork is accepted only when no
other task waits to be sent (the tail of a run, the window full), else done whole."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from typing import Any

import pytest

from govinfo_report import workers
from govinfo_report.errors import ParseError


def _work(task: tuple[Any, ...]) -> Any:
    """``(i, "squares", n, pause)``: the sum of the squares below ``n`` and how many workers
    made them (0: the fork declined, the join made them all), a part each, each part pausing
    ``pause`` seconds; ``(i, "plain", x[, pause])``: ``x``, after ``pause`` seconds; a part
    ``(i, "part", k, pause)`` whose ``k`` is -1 kills its worker."""
    index, kind, *rest = task
    if kind == "plain":
        time.sleep(rest[1] if len(rest) > 1 else 0.0)
        return rest[0]
    if kind == "squares":
        count, pause = rest
        parts = tuple((index, "part", k, pause) for k in range(count))
        return workers.Fork(parts, (index, "join", count))
    if kind == "part":
        number, pause = rest
        if number < 0:
            os.kill(os.getpid(), signal.SIGKILL)
        time.sleep(pause)
        return number * number, os.getpid()
    count, results = rest
    if not results and count:
        return sum(k * k for k in range(count)), 0
    return sum(square for square, _ in results), len({pid for _, pid in results})


def _failed(task: tuple[Any, ...], error: ParseError) -> Any:
    return ("failed", task[0], error.code)


def _run(tasks: list[tuple[Any, ...]], **options: Any) -> list[Any]:
    settings: dict[str, Any] = {
        "processes": 2,
        "timeout": 60.0,
        "ordered": True,
        "ahead": 8,
        "failed": _failed,
        **options,
    }
    found = list(workers.run(_work, iter([[task] for task in tasks]), **settings))
    assert multiprocessing.active_children() == []
    return found


@pytest.mark.parametrize("ordered", [True, False])
def test_a_task_s_parts_are_done_by_both_workers_and_joined_in_its_place(ordered: bool) -> None:
    # The window holds one task: while the fork's task is not done, none waits to be sent.
    tasks = [(0, "squares", 6, 0.2), (1, "plain", "a"), (2, "plain", "b")]
    found = _run(tasks, ordered=ordered, ahead=1)
    # 0 + 1 + 4 + 9 + 16 + 25, its parts read by the two workers
    if ordered:
        assert found == [(55, 2), "a", "b"]
    else:
        assert sorted(found, key=str) == sorted([(55, 2), "a", "b"], key=str)


@pytest.mark.parametrize("ordered", [True, False])
def test_a_fork_is_declined_while_other_tasks_wait_and_accepted_at_the_tail(
    ordered: bool,
) -> None:
    # Task 0 forks at once while task 1 is on the other worker and task 2 waits to be read:
    # it is done whole (0 workers on parts). Task 3 forks when task 2 is the only one left,
    # on the other worker: its parts go to both workers.
    tasks = [
        (0, "squares", 6, 0.2),
        (1, "plain", "a", 0.3),
        (2, "plain", "b", 0.3),
        (3, "squares", 6, 0.2),
    ]
    expected = [(55, 0), "a", "b", (55, 2)]
    found = _run(tasks, ordered=ordered)
    assert found == expected if ordered else sorted(found, key=str) == sorted(expected, key=str)


def test_a_fork_is_declined_while_a_worker_holds_a_task_not_started() -> None:
    # One chunk of three, the window full with it (so not cut at the tail: the chunks are
    # not known to be all read): the fork's worker goes on to the two tasks behind it.
    tasks = [(0, "squares", 6, 0.0), (1, "plain", "a", 0.2), (2, "plain", "b")]
    found = list(
        workers.run(
            _work,
            iter([tasks]),
            processes=2,
            timeout=60.0,
            ordered=True,
            ahead=3,
            failed=_failed,
        )
    )
    assert found == [(55, 0), "a", "b"]


def test_a_declined_task_s_budget_counts_from_its_first_start() -> None:
    # Task 0 forks after 0.6 s, declined while task 1 waits behind it on its worker (one
    # chunk filling the window); its join takes 0.6 s more: past its 1 s, though neither
    # does alone.
    tasks = [(0, "squares", 3, 0.0), (1, "plain", "b")]
    found = list(
        workers.run(
            _slow,
            iter([tasks]),
            processes=2,
            timeout=1.0,
            ordered=True,
            ahead=2,
            failed=_failed,
        )
    )
    assert found == [("failed", 0, "timeout"), "b"]


def _slow(task: tuple[Any, ...]) -> Any:
    """``_work``, a fork answered and a join done after 0.6 s each."""
    if task[1] in ("squares", "join"):
        time.sleep(0.6)
    return _work(task)


def test_a_part_whose_worker_dies_fails_its_task_alone() -> None:
    tasks = [(0, "squares", 3, 0.1), (1, "plain", "a"), (2, "plain", "b")]
    found = list(
        workers.run(
            _dying,
            iter([[task] for task in tasks]),
            processes=2,
            timeout=60.0,
            ordered=True,
            ahead=1,
            failed=_failed,
        )
    )
    assert found == [("failed", 0, "worker-died"), "a", "b"]
    assert multiprocessing.active_children() == []


def _dying(task: tuple[Any, ...]) -> Any:
    """``_work``, its part 1 killing its worker."""
    if task[1] == "part" and task[2] == 1:
        return _work((task[0], "part", -1, 0.0))
    return _work(task)


def test_a_task_s_budget_counts_over_its_parts() -> None:
    # Four parts of 0.6 s over two workers take 1.2 s: past the task's 1 s, though no part
    # takes it; the task fails as timeout, the plain tasks after it are done.
    tasks = [(0, "squares", 4, 0.6), (1, "plain", "b"), (2, "plain", "c")]
    found = _run(tasks, timeout=1.0, ahead=1)
    assert found == [("failed", 0, "timeout"), "b", "c"]


def test_a_task_of_no_parts_is_joined_at_once() -> None:
    assert _run([(0, "squares", 0, 0.0), (1, "plain", "b")]) == [(0, 0), "b"]
