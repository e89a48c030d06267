"""Output files written whole or not at all: written under a temporary name beside the
target and renamed over it when done (``os.replace``, atomic on one file system), removed
when writing fails. A full disk, Ctrl-C or a lost Dask worker never leaves a torn file, and
never a torn file in place of a good one."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress


@contextmanager
def replaced(path: str | os.PathLike[str]) -> Iterator[str]:
    """A temporary path to write instead of ``path``: hidden (``.NAME.PID.tmp``, so that
    Parquet readers skip it) in ``path``'s directory, renamed to ``path`` when the block
    ends, removed when it raises. A ``path`` that exists and is not a regular file (a
    device such as ``/dev/null``, a FIFO) is written in place: it cannot be replaced. A
    symbolic link is followed: the file it names is replaced."""
    target = os.path.realpath(path)
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = stat.S_IFREG
    if not stat.S_ISREG(mode):
        yield target
        return
    folder, name = os.path.split(target)
    temporary = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    try:
        yield temporary
        os.replace(temporary, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.remove(temporary)
        raise
