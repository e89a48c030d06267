"""Worker processes that each hold one chunk of tasks at a time and send back each task's
result as soon as it is done, so that the parent always knows which task a worker holds and
since when.

A worker past the time budget is killed and replaced, and its task fails (``timeout``); a
worker that dies (killed, out of memory, a crash in a C library) is replaced too, and its
task fails (``worker-died``). The tasks it had not started go to the next free worker before
any new one, so every other task is done exactly once and ordered results stay in order.
Each worker has a pipe of its own: killing one never leaves a lock held that the others need
(the way ``multiprocessing.Pool.terminate`` can hang).

Tasks are read ahead as far as the window allows and sent in order, a ``heavy`` one (a scan
among small files) alone. Once every task is read (the tail of a run), the heavy ones left
go first, in their order, so that the long ones start early and the short ones fill in
behind them (longest-processing-time order), and the rest go out in smaller and smaller
chunks (a quarter of a worker's share of what is left), so that the last ones go to
whichever worker frees first. Results are yielded in task order all the same; before the
tail nothing jumps ahead, so that results done and held behind one not done stay few.

A task may answer ``Fork``: when no other task waits to be sent (the tail of a run, or the
read-ahead window full), its parts are then done one at a time by whichever worker is free,
before any new task, and its join after them, whose result is the task's (a scanned
document's pages read by every worker, which would otherwise wait idle); while another task
waits, the workers have work enough, and the fork is declined: its join alone is sent, ahead
of new tasks, with no parts' results, and does the task whole. At the tail, light tasks
alone waiting do not decline a heavy task's fork (they cannot keep the others busy while
it is done whole): only another heavy task, part or join waiting or being done does. A
part or join that times out or whose worker dies fails that task alone; the task's time
budget counts from its start, over its parts and its join.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import pickle
import selectors
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

import attrs

from .errors import ParseError

#: A task: a tuple whose first item is its index; the indices of the tasks of ``chunks``
#: count from 0, in order.
Task = tuple[Any, ...]
R = TypeVar("R")

#: Seconds a worker is given to exit when told to, at the end of a run, before it is killed.
EXIT_SECONDS = 5.0

#: The signals that stop a run (those a terminal or a scheduler sends); workers ignore them.
STOP_SIGNALS = tuple(name for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))
_PR_SET_PDEATHSIG = 1  # prctl(2)

#: The parent's end of every worker's pipe. A worker started by ``fork`` inherits them and
#: closes them first, so that the end of its own pipe comes when the parent is gone.
_PARENT_ENDS: set[Connection] = set()


@attrs.frozen
class Fork:
    """A task's answer when it is to be done in parts: each of ``parts`` by whichever worker
    is free, then ``(*join, results)``, ``results`` being the parts' in order, whose result
    is the task's. Declined (another task waits to be sent), ``(*join, ())`` alone is done,
    and must do the task whole."""

    parts: tuple[Task, ...]
    join: Task


@attrs.define(eq=False)
class _Forked:
    """A task being done in parts: the task, when it started (the parent's clock), its
    ``Fork``, the parts' results so far (``None`` for those not in) and how many are left."""

    task: Task
    since: float
    fork: Fork
    results: list[Any]
    left: int
    failed: bool = False


@attrs.define(eq=False)
class _Worker:
    """A worker process, its pipe, the tasks it was sent and has not answered yet, and when
    it started the first of them (the parent's clock: when the chunk was sent or the last
    result received, never earlier than the truth)."""

    process: BaseProcess
    pipe: Connection
    held: deque[Task] = attrs.field(factory=deque)
    since: float = 0.0


class _Waiter:
    """Which workers sent something or ended: one selector kept for the whole run (on POSIX;
    building one per wait, as ``multiprocessing.connection.wait`` does, was most of the
    parent's cost per document), else ``wait`` (Windows, whose pipes no selector takes)."""

    def __init__(self) -> None:
        self.selector = selectors.DefaultSelector() if os.name == "posix" else None
        self.workers: list[_Worker] = []

    def add(self, worker: _Worker) -> None:
        self.workers.append(worker)
        if self.selector is not None:
            self.selector.register(worker.pipe.fileno(), selectors.EVENT_READ, (worker, False))
            self.selector.register(worker.process.sentinel, selectors.EVENT_READ, (worker, True))

    def remove(self, worker: _Worker) -> None:
        self.workers.remove(worker)
        if self.selector is not None:
            self.selector.unregister(worker.pipe.fileno())
            self.selector.unregister(worker.process.sentinel)

    def ready(self, timeout: float | None) -> list[tuple[_Worker, bool]]:
        """The workers whose pipe has a message (``False``) or whose process ended
        (``True``), waiting at most ``timeout`` seconds."""
        if self.selector is not None:
            return [key.data for key, _ in self.selector.select(timeout)]
        handles: list[Any] = [w.pipe for w in self.workers]
        handles += [w.process.sentinel for w in self.workers]
        found = set(wait(handles, timeout))
        return [
            (worker, ended)
            for worker in self.workers
            for ended, handle in ((False, worker.pipe), (True, worker.process.sentinel))
            if handle in found
        ]

    def close(self) -> None:
        if self.selector is not None:
            self.selector.close()


def run(
    work: Callable[[Task], R],
    chunks: Iterator[list[Task]],
    *,
    processes: int,
    timeout: float | None,
    ordered: bool,
    ahead: int,
    failed: Callable[[Task, ParseError], R],
    budget: Callable[[Task], float | None] | None = None,
    started: Callable[[Task], None] | None = None,
    heavy: Callable[[Task], bool] | None = None,
) -> Generator[R, None, None]:
    """``work(task)`` for every task of ``chunks``, in ``processes`` worker processes.

    Args:
        work: a picklable function, run in the workers.
        chunks: the tasks, a chunk at a time, read only when a worker is free and fewer
            than ``ahead`` tasks have been read and not yielded. When it raises, the results
            of the tasks read before are yielded first, then the error is raised.
        timeout: seconds one task may take (``None``: no limit).
        ordered: yield in task order; otherwise as tasks finish.
        failed: the result of a task that timed out or whose worker died, made from the task
            and a ``ParseError`` (code ``timeout`` or ``worker-died``).
        budget: the seconds a task may take when it is not ``timeout`` (``None``: no limit).
        started: called (in this process) with each task as a worker starts it.
        heavy: whether a task is expected to take much longer than most: it is sent alone,
            and once every task is read, before the others left.

    Stopping early (``close``, an exception, Ctrl-C) kills the workers at once.
    """
    return _Run(
        work, chunks, processes, timeout, ordered, ahead, failed, budget, started, heavy
    ).results()


@attrs.define(eq=False)
class _Run:
    """The state of one ``run``."""

    work: Callable[[Task], Any]
    chunks: Iterator[list[Task]]
    processes: int
    timeout: float | None
    ordered: bool
    ahead: int
    failed: Callable[[Task, ParseError], Any]
    budget: Callable[[Task], float | None] | None = None
    started: Callable[[Task], None] | None = None
    heavy: Callable[[Task], bool] | None = None
    workers: list[_Worker] = attrs.field(factory=list)
    retry: list[Task] = attrs.field(factory=list)  # tasks of lost workers, not started
    parts: deque[Task] = attrs.field(factory=deque)  # parts and joins of forks, not sent
    # new tasks read and not sent, in order, in chunks (a heavy task alone: ``True``)
    pool: deque[tuple[bool, list[Task]]] = attrs.field(factory=deque)
    pooled: int = 0  # tasks in ``pool``
    heavies: int = 0  # heavy tasks in ``pool``
    # each part or join sent or to send (by ``id``): its fork, and its place (-1: the join)
    owners: dict[int, tuple[_Forked, int]] = attrs.field(factory=dict)
    done: dict[int, Any] = attrs.field(factory=dict)  # ordered: results waiting their turn
    finished: deque[Any] = attrs.field(factory=deque)  # results to yield
    taken: int = 0  # tasks read from ``chunks``
    given: int = 0  # results yielded
    exhausted: bool = False
    failure: Exception | None = None
    waiter: _Waiter = attrs.field(factory=_Waiter)

    def results(self) -> Generator[Any, None, None]:
        clean = False
        try:
            for _ in range(self.processes):
                self.workers.append(self._start())
            while True:
                self._hand_out()
                yield from self._ready()
                busy = [worker for worker in self.workers if worker.held]
                if not busy:
                    if self.exhausted and not (self.retry or self.parts or self._read_ahead()):
                        break
                    continue
                self._wait(busy)
            clean = True
        finally:
            for worker in list(self.waiter.workers):
                self.waiter.remove(worker)
                _stop(worker, gently=clean)
            self.waiter.close()
        if self.failure is not None:
            raise self.failure

    def _hand_out(self) -> None:
        """A chunk to each free worker: the tasks of lost workers first, then new ones while
        the window allows."""
        for position, worker in enumerate(self.workers):
            if worker.held:
                continue
            chunk = self._next_chunk()
            if not chunk:
                return
            worker.held.extend(chunk)
            worker.since = time.monotonic()
            self._started(worker)
            try:
                worker.pipe.send_bytes(pickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL))
            except OSError:  # it died while free: its first task is charged, to move on
                self._lost(position, _died(worker))

    def _next_chunk(self) -> list[Task]:
        """What a free worker is sent: the tasks of lost workers, else a fork's part or join,
        else the next chunk read ahead; once every task is read, the first heavy task left,
        else no more than a quarter of a worker's share of the tasks left."""
        if self.retry:
            chunk, self.retry = self.retry, []
            return chunk
        if self.parts:
            return [self.parts.popleft()]
        self._fill()
        if not self.pool:
            return []
        at = 0
        if self.exhausted and self.heavies:
            at = next(at for at, (heavy, _) in enumerate(self.pool) if heavy)
        heavy, chunk = self.pool[at]
        del self.pool[at]
        if heavy:
            self.heavies -= 1
        elif self.exhausted:
            share = max(1, -(-self.pooled // (4 * self.processes)))
            if share < len(chunk):
                chunk, rest = chunk[:share], chunk[share:]
                self.pool.appendleft((False, rest))
        self.pooled -= len(chunk)
        return chunk

    def _read_ahead(self) -> bool:
        """Whether a new task waits to be sent (the window lets more be read: they are)."""
        self._fill()
        return bool(self.pool)

    def _fill(self) -> None:
        """Read chunks of ``chunks`` while the window allows, a heavy task alone."""
        while not self.exhausted and self.taken - self.given < self.ahead:
            try:
                chunk = next(self.chunks)
            except StopIteration:
                self.exhausted = True
                return
            except Exception as error:  # the sources failed: finish what was read, then raise
                self.exhausted, self.failure = True, error
                return
            self.taken += len(chunk)
            self.pooled += len(chunk)
            light: list[Task] = []
            for task in chunk:
                if self.heavy is None or not self.heavy(task):
                    light.append(task)
                    continue
                if light:
                    self.pool.append((False, light))
                    light = []
                self.pool.append((True, [task]))
                self.heavies += 1
            if light:
                self.pool.append((False, light))

    def _ready(self) -> Iterator[Any]:
        """The results that can be yielded now, counted as given."""
        if self.ordered:
            while self.given in self.done:
                result = self.done.pop(self.given)
                self.given += 1
                yield result
        while self.finished:
            self.given += 1
            yield self.finished.popleft()

    def _wait(self, busy: list[_Worker]) -> None:
        """Wait for a result, a death or the nearest deadline, and deal with what came."""
        ends = [end for w in busy if (end := self._deadline(w)) is not None]
        deadline = max(0.0, min(ends) - time.monotonic()) if ends else None
        for worker, ended in self.waiter.ready(None if deadline is None else deadline + 0.001):
            if worker not in self.workers:  # lost already, on its other handle
                continue
            # A message at a time (the next wait says if more came). Once it ended, or when
            # it holds nothing (so what came can only be the end of its pipe): what it sent
            # before it died, then its end.
            if ended or not worker.held:
                self._receive(worker)
                self._lost(self.workers.index(worker), _died(worker))
            elif self._receive(worker, 1):
                self._lost(self.workers.index(worker), _died(worker))
        for worker in list(self.workers):
            end = self._deadline(worker)
            if end is not None and worker.held and time.monotonic() > end:
                self._time_out(worker)

    def _limit(self, task: Task) -> float | None:
        """The seconds ``task`` may take."""
        return self.timeout if self.budget is None else self.budget(task)

    def _deadline(self, worker: _Worker) -> float | None:
        """When the task ``worker`` is on must be done (the parent's clock): a part's or
        join's, when its fork's task must."""
        if not worker.held:
            return None
        owner = self.owners.get(id(worker.held[0]))
        task, since = (owner[0].task, owner[0].since) if owner else (worker.held[0], worker.since)
        limit = self._limit(task)
        return None if limit is None else since + limit

    def _started(self, worker: _Worker) -> None:
        if self.started is not None and worker.held:
            self.started(worker.held[0])

    def _receive(self, worker: _Worker, count: int | None = None) -> bool:
        """Collect ``count`` results from ``worker``'s pipe (``None``: all those waiting
        there); whether the pipe has ended (the worker is dead)."""
        try:
            while (worker.pipe.poll() if count is None else count > 0) and worker.held:
                payload = worker.pipe.recv_bytes()
                self._collect(worker.held.popleft(), pickle.loads(payload), worker.since)
                worker.since = time.monotonic()
                self._started(worker)
                count = None if count is None else count - 1
        except (EOFError, OSError):
            return True
        return False

    def _time_out(self, worker: _Worker) -> None:
        """Kill ``worker``, past its deadline; its task fails, unless it was done just in
        time (then the next one had only started, and goes to another worker)."""
        position = self.workers.index(worker)
        if self._receive(worker):
            self._lost(position, _died(worker))
            return
        end = self._deadline(worker)  # the task it is on now, if one ended
        if not worker.held or end is None or time.monotonic() <= end:
            return
        late = worker.held[0]
        owner = self.owners.get(id(late))
        limit = self._limit(owner[0].task if owner else late) or 0.0
        worker.process.kill()
        worker.process.join()
        self._receive(worker)
        blamed = bool(worker.held) and worker.held[0] is late
        error = ParseError(
            f"not done within the time budget of {limit:g} s (timeout); its worker "
            "process was killed and replaced",
            code="timeout",
        )
        self._lost(position, error if blamed else None)

    def _lost(self, position: int, error: ParseError | None) -> None:
        """The worker at ``position`` is dead or killed: its first task fails as ``error``
        (when given), the others go back to be done first, and a new worker takes its
        place."""
        worker = self.workers[position]
        self.waiter.remove(worker)
        _stop(worker, gently=False)
        if worker.held and error is not None:
            self._fail(worker.held.popleft(), error)
        self.retry = sorted([*self.retry, *worker.held], key=lambda task: int(task[0]))
        self.workers[position] = self._start()

    def _fail(self, task: Task, error: ParseError) -> None:
        """``task`` failed as ``error``; a part or join fails its fork's task (once), whose
        other parts not sent are dropped and whose parts sent are not waited for."""
        owner = self.owners.pop(id(task), None)
        if owner is None:
            self._collect(task, self.failed(task, error))
            return
        forked = owner[0]
        if forked.failed:
            return
        forked.failed = True
        keys = {key for key, (other, _) in self.owners.items() if other is forked}
        self.parts = deque(part for part in self.parts if id(part) not in keys)
        sent = {id(part) for worker in self.workers for part in worker.held}
        for key in keys - sent:  # those sent stay known: their results are dropped
            del self.owners[key]
        self._collect(forked.task, self.failed(forked.task, error))

    def _collect(self, task: Task, result: Any, since: float = 0.0) -> None:
        """``task``'s result: a part's or join's goes to its fork; a ``Fork`` is done in
        parts (``since``: when its task started)."""
        owner = self.owners.pop(id(task), None)
        if owner is not None:
            self._part_done(owner, result)
            return
        if isinstance(result, Fork):
            parts = () if self._waiting() else result.parts
            forked = _Forked(task, since, result, [None] * len(parts), len(parts))
            for place, part in enumerate(parts):
                self.owners[id(part)] = (forked, place)
                self.parts.append(part)
            if not parts:
                self._join(forked)
            return
        if self.ordered:
            self.done[task[0]] = result
        else:
            self.finished.append(result)

    def _waiting(self) -> bool:
        """Whether a task other than a fork's part waits to be sent (then a fork is declined):
        a lost worker's, one sent behind the task a worker is on, or a new one read ahead or
        that the window lets in (read now to know it, and sent after the forks' parts). At
        the tail of a run with ``heavy``, light tasks alone do not count: they cannot keep
        the other workers busy while one reads a heavy task whole, so a fork is declined
        only while another heavy task (or a fork's part or join) waits or is being done."""
        if self.retry:
            return True
        waiting = self._read_ahead() or any(len(worker.held) > 1 for worker in self.workers)
        if not waiting or self.heavy is None or not self.exhausted:
            return waiting
        others = [task for worker in self.workers for task in worker.held]
        return bool(self.heavies) or any(map(self.heavy, [*others, *self.parts]))

    def _part_done(self, owner: tuple[_Forked, int], result: Any) -> None:
        forked, place = owner
        if forked.failed:
            return
        if place < 0:  # the join: the task's result
            self._collect(forked.task, result)
            return
        forked.results[place] = result
        forked.left -= 1
        if not forked.left:
            self._join(forked)

    def _join(self, forked: _Forked) -> None:
        """Send ``forked``'s join next, with its parts' results."""
        join = (*forked.fork.join, tuple(forked.results))
        forked.results = []
        self.owners[id(join)] = (forked, -1)
        self.parts.appendleft(join)

    def _start(self) -> _Worker:
        context = _context()
        parent_end, child_end = context.Pipe(duplex=True)
        process = context.Process(target=_serve, args=(child_end, self.work), daemon=True)
        _PARENT_ENDS.add(parent_end)
        with _children_allowed():
            process.start()
        child_end.close()
        worker = _Worker(process, parent_end)
        self.waiter.add(worker)
        return worker


def _died(worker: _Worker) -> ParseError:
    """Why ``worker``'s task failed: its process died, and how."""
    worker.process.join(EXIT_SECONDS)
    code = worker.process.exitcode
    if code is not None and code < 0:
        cause = f"killed by {signal.Signals(-code).name}"
    elif code is not None:
        cause = f"exit status {code}"
    else:
        cause = "its pipe closed"
    return ParseError(
        f"the worker process reading or parsing it died ({cause}: killed, out of memory, or "
        "a crash in a C library); a new worker took over",
        code="worker-died",
    )


def _stop(worker: _Worker, *, gently: bool) -> None:
    """End ``worker``: told to exit (``gently``, when it is free) or killed."""
    if worker.process.is_alive():
        if gently:
            with contextlib.suppress(OSError):
                worker.pipe.send_bytes(b"")
            worker.process.join(EXIT_SECONDS)
        if worker.process.is_alive():
            worker.process.kill()
    worker.process.join()
    worker.pipe.close()
    _PARENT_ENDS.discard(worker.pipe)


def _context() -> Any:
    """How workers are started: the default way, but where a process that is itself a
    child would spawn them (a Dask worker, a process of Dask's local scheduler: a new
    interpreter and a second of imports for every partition) from a fork server, started
    once with the package imported."""
    if multiprocessing.parent_process() is None or multiprocessing.get_start_method() != "spawn":
        return multiprocessing
    if "forkserver" not in multiprocessing.get_all_start_methods():  # pragma: no cover
        return multiprocessing
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__, "govinfo_report.corpus.stream"])
    return context


@contextlib.contextmanager
def _children_allowed() -> Iterator[None]:
    """Let a daemonic process (a Dask worker, which parses its documents in a worker of its
    own for the time budget) start a worker: ``multiprocessing`` refuses, so that no child
    outlives it, and none does: a worker leaves when its pipe's other end is gone, and on
    Linux is killed with its parent (``_die_with_parent``)."""
    config: dict[str, Any] = getattr(multiprocessing.current_process(), "_config", {})
    daemonic = config.get("daemon")
    config.pop("daemon", None)
    try:
        yield
    finally:
        if daemonic is not None:
            config["daemon"] = daemonic


def _die_with_parent() -> None:
    """On Linux, have the kernel kill this worker when its parent dies, even by SIGKILL,
    rather than let it finish a long document (OCR) first."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def _serve(pipe: Connection, work: Callable[[Task], Any]) -> None:
    """A worker's life: take a chunk of tasks, send back each task's result as it is done,
    until told to stop (an empty message) or the parent is gone."""
    # Ctrl-C, a hang-up and a group's SIGTERM reach every process of the group: the parent
    # alone handles them, and kills its workers (a killed parent's take them along).
    for name in STOP_SIGNALS:
        signal.signal(getattr(signal, name), signal.SIG_IGN)
    _die_with_parent()
    for inherited in _PARENT_ENDS:
        inherited.close()
    _PARENT_ENDS.clear()
    try:
        while message := pipe.recv_bytes():
            for task in pickle.loads(message):
                pipe.send_bytes(pickle.dumps(work(task), protocol=pickle.HIGHEST_PROTOCOL))
    except (EOFError, OSError):  # the parent is gone
        return
