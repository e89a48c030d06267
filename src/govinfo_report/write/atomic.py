"""Output files written whole or not at all: written under a temporary name beside the
target and renamed over it when done (``os.replace``, atomic on one file system), removed
when writing fails. A full disk, Ctrl-C or a lost Dask worker never leaves a torn file, and
never a torn file in place of a good one."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress


@contextmanager
def replaced(path: str | os.PathLike[str]) -> Iterator[str]:
    """A temporary path to write instead of ``path``: a new file made by ``mkstemp`` in
    ``path``'s directory (a name no one can foretell, created exclusively, so a link
    planted there is never followed; hidden, ``.NAME.XXXXXXXX.tmp``, so that Parquet
    readers skip it), renamed to ``path`` when the block ends with ``path``'s permissions
    (or those a new file gets), removed when it raises. A ``path`` that exists and is not a
    regular file (a device such as ``/dev/null``, a FIFO) is written in place: it cannot be
    replaced. A symbolic link given as ``path`` is followed: the file it names is
    replaced."""
    target = os.path.realpath(path)
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = stat.S_IFREG | (0o666 & ~_umask())
    if not stat.S_ISREG(mode):
        yield target
        return
    folder, name = os.path.split(target)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        os.chmod(descriptor, stat.S_IMODE(mode))
        os.close(descriptor)
        yield temporary
        os.replace(temporary, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.remove(temporary)
        raise


def _umask() -> int:
    """The process's file mode creation mask (read by setting it, then set back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
