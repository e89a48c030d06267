"""Bounded memos for the table hot path: a value computed once per key (a cell text, a row's
label texts), then found by a plain dict lookup, at C speed even from ``map`` (``Memo``); and
a function's results kept while the items their arguments hold stay under a budget
(``weighed``: a unit's options, the solver's work on them)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import wraps
from typing import ParamSpec, TypeVar

from .limits import MAX_MEMO_CHARS

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
T = TypeVar("T")
P = ParamSpec("P")

#: How many keys a memo holds before it is cleared: with keys of at most ``MAX_MEMO_CHARS``
#: characters, a few hundred KB, so a corpus of any size keeps constant memory.
MEMO_ENTRIES = 1 << 12
#: The items (options, cells of options) the arguments of a ``weighed`` memo's calls may hold
#: together before it is cleared: about 10 MB, whatever a stream of reports holds.
MEMO_WEIGHT = 1 << 18


class Memo(dict[K, V]):
    """``compute(key)`` per key. A key whose ``size`` (its characters) is over
    ``limits.MAX_MEMO_CHARS`` is computed afresh each time, never kept, and the memo is cleared
    when full."""

    def __init__(self, compute: Callable[[K], V], size: Callable[[K], int]) -> None:
        super().__init__()
        self._compute = compute
        self._size = size

    def __missing__(self, key: K) -> V:
        value = self._compute(key)
        if self._size(key) <= MAX_MEMO_CHARS:
            if len(self) >= MEMO_ENTRIES:
                self.clear()
            self[key] = value
        return value


class Hashed(tuple[T, ...]):
    """A tuple that works out its hash once. A ``weighed`` memo hashes its arguments on every
    call, and a tuple does not keep its hash: a run's ways or a unit's options (thousands of
    tuples) passed from one memo to the next were hashed again at each (6% of the slowest
    texts' parse). Equal to, and hashed as, the plain tuple of its items; pickled as that
    tuple's items, so no hash crosses to a process whose string hashes differ."""

    _hash: int

    def __hash__(self) -> int:
        try:
            return self._hash
        except AttributeError:
            self._hash = found = tuple.__hash__(self)
            return found

    def __reduce__(self) -> tuple[type[Hashed[T]], tuple[tuple[T, ...]]]:
        return (type(self), (tuple(self),))


def weighed(
    weight: Callable[..., int], least: Callable[..., int] | None = None
) -> Callable[[Callable[P, V]], Callable[P, V]]:
    """A memo of a function whose arguments or result may be large (a run of digits cut
    20,000 ways): a call's result is kept while the weights of the calls kept, ``weight(result,
    *arguments)`` (the items they hold), come to at most ``MEMO_WEIGHT``, and the memo is
    cleared when it would pass it; a call heavier than a quarter of it is computed afresh
    each time, never kept. ``least(*arguments)``, where given, is a weight the call has at
    least, known before it is made: a call it shows too heavy to be kept cannot have been
    kept either, and is made without its key (hashing a unit's 100,000 options costs a
    tenth of checking them). (``lru_cache`` bounds the calls, not what they hold: 1,024
    such calls held a GB.)"""

    def memoised(function: Callable[P, V]) -> Callable[P, V]:
        kept: dict[Hashable, V] = {}
        load = 0

        @wraps(function)
        def call(*args: P.args, **kwargs: P.kwargs) -> V:
            nonlocal load
            if least is not None and least(*args, **kwargs) > MEMO_WEIGHT >> 2:
                return function(*args, **kwargs)
            key = (_KEYWORDS, args, tuple(sorted(kwargs.items()))) if kwargs else args
            found = kept.get(key, _ABSENT)
            if found is not _ABSENT:
                return found  # type: ignore[return-value]
            value = function(*args, **kwargs)
            heavy = weight(value, *args, **kwargs)
            if heavy <= MEMO_WEIGHT >> 2:
                if load + heavy > MEMO_WEIGHT:
                    kept.clear()
                    load = 0
                kept[key] = value
                load += heavy
            return value

        return call

    return memoised


#: Markers in a ``weighed`` memo: no result kept; the keyword arguments of a key.
_ABSENT = object()
_KEYWORDS = object()
