"""A task done in parts by every worker (``workers.Fork``): the parts are spread over the
workers, the join's result is the task's, in its place; a part that dies or runs out of time
fails its task alone, whose budget counts over its parts."""

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
    """``(i, "squares", n, pause)``: the sum of the squares below ``n``, a part each, each
    part pausing ``pause`` seconds; ``(i, "plain", x)``: ``x``; a part ``(i, "part", k,
    pause)`` whose ``k`` is -1 kills its worker."""
    index, kind, *rest = task
    if kind == "plain":
        return rest[0]
    if kind == "squares":
        count, pause = rest
        parts = tuple((index, "part", k, pause) for k in range(count))
        return workers.Fork(parts, (index, "join"))
    if kind == "part":
        number, pause = rest
        if number < 0:
            os.kill(os.getpid(), signal.SIGKILL)
        time.sleep(pause)
        return number * number, os.getpid()
    results = rest[0]
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
    tasks = [(0, "plain", "a"), (1, "squares", 6, 0.2), (2, "plain", "b")]
    found = _run(tasks, ordered=ordered)
    # 0 + 1 + 4 + 9 + 16 + 25, its parts read by the two workers
    if ordered:
        assert found == ["a", (55, 2), "b"]
    else:
        assert sorted(found, key=str) == sorted(["a", (55, 2), "b"], key=str)


def test_a_part_whose_worker_dies_fails_its_task_alone() -> None:
    tasks = [(0, "plain", "a"), (1, "squares", 3, 0.1), (2, "plain", "b")]
    found = list(
        workers.run(
            _dying,
            iter([[task] for task in tasks]),
            processes=2,
            timeout=60.0,
            ordered=True,
            ahead=8,
            failed=_failed,
        )
    )
    assert found == ["a", ("failed", 1, "worker-died"), "b"]
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
    found = _run(tasks, timeout=1.0)
    assert found == [("failed", 0, "timeout"), "b", "c"]


def test_a_task_of_no_parts_is_joined_at_once() -> None:
    assert _run([(0, "squares", 0, 0.0), (1, "plain", "b")]) == [(0, 0), "b"]
