"""Files a run appends to as documents finish, so that an interrupted run keeps them and
``--resume`` goes on: JSON Lines output, and the checkpoint beside an output written whole
at the end (CSV, Parquet, one JSON document): ``NAME.checkpoint.jsonl``, a line per
finished document holding its ``Result`` exactly (the compact form of ``compact.pack``).

Each line is flushed as it is written, so a killed run loses at most the documents in
flight; a torn last line is cut off when the file is opened again. A file appended to has a
name others may foresee: it is opened without following a symbolic link planted there."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from ..compact import pack, unpack
from ..corpus.resume import Done
from ..errors import InternalError, LegacyReportError, ParseError
from ..result import Result

#: The checkpoint of ``FILE`` is ``FILE`` with this appended.
SUFFIX = ".checkpoint.jsonl"
_ERRORS: dict[str, type[ParseError]] = {
    kind.__name__: kind for kind in (ParseError, LegacyReportError, InternalError)
}


def checkpoint_of(output: Path) -> Path:
    """Where the checkpoint of ``output`` is kept."""
    return output.with_name(output.name + SUFFIX)


def appended(path: Path, resume: bool) -> TextIO:
    """``path`` opened to append UTF-8 lines: emptied first unless ``resume``, its torn last
    line (if any) cut off when it is kept. A symbolic link at ``path`` is not followed (an
    error); a path that is not a regular file (``/dev/stdout``) is written as it is."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags, 0o666)
    try:
        if stat.S_ISREG(os.fstat(descriptor).st_mode):
            os.ftruncate(descriptor, _whole(path) if resume else 0)
        return open(descriptor, "a", encoding="utf-8", newline="")
    except BaseException:
        os.close(descriptor)
        raise


def _whole(path: Path) -> int:
    """The size of ``path`` up to the end of its last whole line."""
    with open(path, "rb") as handle:
        data = handle.read()
    return data.rfind(b"\n") + 1


def lines(path: Path) -> Iterator[dict[str, Any]]:
    """The JSON objects of ``path``'s whole lines (none when there is no ``path``), up to
    the first that is not one (a torn line)."""
    if not path.exists():
        return
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for line in handle:
            try:
                value = json.loads(line) if line.endswith("\n") else None
            except ValueError:
                value = None
            if not isinstance(value, dict):
                return
            yield value


def done_in(path: Path) -> Iterator[Done]:
    """The documents done in a JSON Lines output or a checkpoint: each record's ``source``
    and ``sha256`` (a checkpoint line's ``name`` and ``sha256``)."""
    for value in lines(path):
        name = value.get("name", value.get("source"))
        if isinstance(name, str):
            digest = value.get("sha256")
            yield name, digest if isinstance(digest, str) else None


def line(result: Result) -> str:
    """``result`` as a checkpoint line (``results`` reads it back)."""
    error = result.error
    report = result.report
    saved = {
        "name": result.name,
        "sha256": result.sha256,
        "error": None
        if error is None
        else {"kind": type(error).__name__, "message": error.message, **error._fields()},
        "report": None if report is None else pack(report),
    }
    return json.dumps(saved, ensure_ascii=False, separators=(",", ":")) + "\n"


def results(path: Path) -> Iterator[Result]:
    """The results a checkpoint holds, in the order they were written, indexed from 0."""
    for index, saved in enumerate(lines(path)):
        error = saved["error"]
        failure = None
        if error is not None:
            fields = dict(error)
            kind = _ERRORS.get(fields.pop("kind"), ParseError)
            failure = kind(fields.pop("message"), **fields)
        report = saved["report"]
        yield Result(
            index,
            saved["name"],
            failure,
            report=None if report is None else unpack(_tuples(report)),
            sha256=saved["sha256"],
        )


def _tuples(value: Any) -> Any:
    """JSON's lists back as the tuples ``pack`` made."""
    return tuple(_tuples(item) for item in value) if isinstance(value, list) else value
