"""Bounded memos for the table hot path: a value computed once per key (a cell text, a row's
label texts), then found by a plain dict lookup, at C speed even from ``map``."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from .limits import MAX_MEMO_CHARS

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

#: How many keys a memo holds before it is cleared: with keys of at most ``MAX_MEMO_CHARS``
#: characters, a few hundred KB, so a corpus of any size keeps constant memory.
MEMO_ENTRIES = 1 << 12


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
