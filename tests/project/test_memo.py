"""``memo.Hashed``: a tuple that works out its hash once, for the memos' largest keys."""

from __future__ import annotations

import pickle
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.memo import Hashed

_ITEMS = st.lists(st.tuples(st.text(max_size=4), st.integers(), st.integers()), max_size=20)


@given(_ITEMS)
def test_a_hashed_tuple_is_its_plain_tuple_as_a_key(items: list[tuple[str, int, int]]) -> None:
    plain = tuple(items)
    hashed = Hashed(items)
    assert hashed == plain and hash(hashed) == hash(plain) == hash(hashed)
    assert {plain: "kept"}[hashed] == "kept" and {hashed: "kept"}[plain] == "kept"


def test_a_hashed_tuple_pickled_takes_the_hash_of_the_process_that_reads_it() -> None:
    hashed = Hashed([("行政许可", 1, 2), ("规章", 3, 4)])
    hash(hashed)  # kept: it must not travel with the pickle
    reader = (
        "import pickle, sys; found = pickle.loads(sys.stdin.buffer.read()); "
        "print(type(found).__name__, hash(found) == hash(tuple(found)))"
    )
    for seed in ("1", "2"):
        read = subprocess.run(
            [sys.executable, "-c", reader],
            input=pickle.dumps(hashed),
            capture_output=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PYTHONPATH": ":".join(sys.path)},
        )
        assert read.stdout.decode().split() == ["Hashed", "True"]
