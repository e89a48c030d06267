"""The corrections store: reviewers' verdicts on cells, appended to one SQLite file, and
their exchange format (``check.corrected`` applies them to reports).

Each verdict is a row that is never changed nor deleted (triggers refuse it); the latest
verdict on a cell, a ``(document, key)`` pair, wins. The file also caches the machine's
readings of the documents reviewed (``readings``, by fingerprint), so that the review app
opens a folder it has read before at once. The file is in WAL mode, and every
write is one transaction that waits up to ``BUSY_SECONDS`` for another writer, so that
reviewers writing at once lose nothing and a crash loses nothing that was committed.

``export_lines`` and ``import_lines`` carry verdicts as JSON Lines, the exchange format of
``docs/model.md`` (one verdict a line).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal, TextIO

import attrs

from .catalogue import TEMPLATES, Kind
from .model import Machine, Number, json_text

#: What a reviewer says of a cell: its value is ``value``, it is printed blank, or the
#: machine's value is right.
Verdict = Literal["value", "blank", "confirm"]
VERDICTS: tuple[Verdict, ...] = ("value", "blank", "confirm")

#: Seconds a write waits for another writer's transaction to end.
BUSY_SECONDS = 30.0

#: The fields of a line of the exchange format, those a line must have first.
REQUIRED = ("document", "key", "verdict", "value", "reviewer", "time")
OPTIONAL = ("note", "source", "machine")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS verdicts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document TEXT NOT NULL,
    source TEXT,
    key TEXT NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('value', 'blank', 'confirm')),
    value TEXT,
    reviewer TEXT NOT NULL,
    time TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    machine TEXT
);
CREATE INDEX IF NOT EXISTS verdicts_by_cell ON verdicts (document, key, id);
CREATE INDEX IF NOT EXISTS verdicts_by_source ON verdicts (source);
CREATE TABLE IF NOT EXISTS readings (
    document TEXT NOT NULL,
    options TEXT NOT NULL,
    packed BLOB NOT NULL,
    PRIMARY KEY (document, options)
);
CREATE TRIGGER IF NOT EXISTS verdicts_kept BEFORE UPDATE ON verdicts
    BEGIN SELECT RAISE(ABORT, 'the corrections store is append-only'); END;
CREATE TRIGGER IF NOT EXISTS verdicts_all_kept BEFORE DELETE ON verdicts
    BEGIN SELECT RAISE(ABORT, 'the corrections store is append-only'); END;
"""


class CorrectionError(ValueError):
    """A verdict that cannot be stored: an unknown key, a value its column cannot hold, a
    malformed line of JSON Lines (``line`` names it, from 1)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(f"line {line}: {message}" if line is not None else message)
        self.line = line


@attrs.frozen
class Entry:
    """One verdict on one cell of one document.

    Attributes:
        document: the SHA-256 (hex) of the document's bytes.
        key: the catalogue key of the cell.
        verdict: ``value``, ``blank`` (printed blank) or ``confirm`` (the machine's value
            is right).
        value: the value, for ``value`` (``None`` otherwise).
        reviewer, time, note: who, when (ISO 8601), and why.
        source: the document's name when reviewed.
        machine: the machine's reading the verdict replaced.
    """

    document: str
    key: str
    verdict: Verdict
    value: Number | None
    reviewer: str
    time: str
    note: str = ""
    source: str | None = None
    machine: Machine | None = None

    def to_dict(self) -> dict[str, Any]:
        """The entry as a line of the exchange format (``machine`` as in ``Machine``)."""
        line: dict[str, Any] = {
            "document": self.document,
            "key": self.key,
            "verdict": self.verdict,
            "value": self.value,
            "reviewer": self.reviewer,
            "time": self.time,
            "note": self.note,
        }
        if self.source is not None:
            line["source"] = self.source
        if self.machine is not None:
            line["machine"] = self.machine._asdict() | {
                "box": list(self.machine.box) if self.machine.box else None
            }
        return line


def fingerprint(data: bytes | str) -> str:
    """The SHA-256 (hex) of a document's bytes (text as UTF-8, a lone surrogate kept): what
    a verdict and a resumed run know a document by."""
    content = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    return hashlib.sha256(content).hexdigest()


def file_fingerprint(path: str | os.PathLike[str]) -> str:
    """The SHA-256 (hex) of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def now() -> str:
    """The time now, in UTC, as ISO 8601 to the millisecond."""
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="milliseconds")


def entry(record: object) -> Entry:
    """The ``Entry`` of a line of the exchange format (a decoded JSON object).

    Raises:
        CorrectionError: a field is missing or unknown, a key is no catalogue key, or a value
            is not one its column can hold (with no line number: ``import_lines`` adds it).
    """
    if not isinstance(record, dict):
        raise CorrectionError("a verdict is a JSON object")
    unknown = set(record) - {*REQUIRED, *OPTIONAL}
    if unknown:
        raise CorrectionError(f"unknown field(s): {', '.join(sorted(unknown))}")
    absent = [name for name in REQUIRED if name not in record]
    if absent:
        raise CorrectionError(f"missing field(s): {', '.join(absent)}")
    document, key, verdict = record["document"], record["key"], record["verdict"]
    if not isinstance(document, str) or len(document) != 64 or not _hex(document):
        raise CorrectionError(f"document must be a SHA-256 in hex, not {document!r}")
    if verdict not in VERDICTS:
        raise CorrectionError(f"verdict must be value, blank or confirm, not {verdict!r}")
    for name in ("reviewer", "time"):
        if not isinstance(record[name], str) or not record[name].strip():
            raise CorrectionError(f"{name} must be a non-empty string")
    _time(record["time"])
    note, source = record.get("note", ""), record.get("source")
    if not isinstance(note, str) or not isinstance(source, str | None):
        raise CorrectionError("note and source must be strings")
    kind = kind_of(key)
    value = record["value"]
    if verdict == "value":
        value = held(value, kind, key)
    elif value is not None:
        raise CorrectionError(f"a {verdict} verdict has the value null, not {value!r}")
    return Entry(
        document.lower(),
        key,
        verdict,
        value,
        record["reviewer"],
        record["time"],
        note,
        source,
        _machine(record.get("machine"), kind, key),
    )


def kind_of(key: object) -> Kind:
    """The kind of the column of catalogue ``key`` (of either template).

    Raises:
        CorrectionError: ``key`` is no catalogue key.
    """
    for template in TEMPLATES.values():
        at = template.index.get(key) if isinstance(key, str) else None
        if at is not None:
            return template.fields[at].kind
    raise CorrectionError(f"{key!r} is not a key of either template (govinfo-report fields)")


def held(value: object, kind: Kind, key: str) -> Number:
    """``value`` as the column of ``kind`` holds it: a count a non-negative integer, a
    signed change an integer, money a number (exact ``Decimal`` unless whole).

    Raises:
        CorrectionError: a value the column cannot hold.
    """
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise CorrectionError(f"{key}: {value!r} is not a number")
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise CorrectionError(f"{key}: {value!r} is not a number") from None
    if not number.is_finite():
        raise CorrectionError(f"{key}: {value!r} is not a number")
    whole = number == number.to_integral_value()
    if kind == "money":
        return int(number) if whole else number
    if not whole:
        raise CorrectionError(f"{key}: {value!r} is not a whole number, as a count is")
    if kind == "count" and number < 0:
        raise CorrectionError(f"{key}: {value!r} is negative, and a count is never")
    return int(number)


def _hex(text: str) -> bool:
    return all(c in "0123456789abcdefABCDEF" for c in text)


def _time(text: str) -> None:
    try:
        datetime.datetime.fromisoformat(text)
    except ValueError:
        raise CorrectionError(f"time must be ISO 8601, not {text!r}") from None


def _machine(record: object, kind: Kind, key: str) -> Machine | None:
    if record is None:
        return None
    if not isinstance(record, dict) or set(record) - set(Machine._fields):
        raise CorrectionError(f"machine must be an object of {', '.join(Machine._fields)}")
    value = record.get("value")
    box = record.get("box")
    return Machine(
        None if value is None else held(value, "money" if kind == "money" else "signed", key),
        str(record.get("provenance") or "missing"),
        record.get("raw"),
        record.get("line"),
        record.get("column"),
        record.get("page"),
        tuple(box) if box else None,
    )


class Store:
    """An open corrections store (a SQLite file, created when absent).

    Use it as a context manager, or ``close`` it. Each thread opens its own (a SQLite
    connection is not shared between threads).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._db = sqlite3.connect(
            self.path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False
        )
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        with self._transaction():
            for statement in filter(str.strip, _SCHEMA.split(";\n")):
                self._db.execute(statement)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)

    def add(self, entries: Iterable[Entry]) -> int:
        """Append ``entries`` in one transaction (all or none); returns how many."""
        rows = [_row(e) for e in entries]
        with self._transaction():
            self._db.executemany(
                "INSERT INTO verdicts (document, source, key, verdict, value, reviewer, time, "
                "note, machine) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
        return len(rows)

    def entries(self, document: str | None = None) -> list[Entry]:
        """Every entry (of ``document``, a SHA-256), in the order they were added."""
        query = (
            "SELECT document, key, verdict, value, reviewer, time, note, source, machine "
            "FROM verdicts"
        )
        rows = (
            self._db.execute(query + " WHERE document = ? ORDER BY id", (document,))
            if document is not None
            else self._db.execute(query + " ORDER BY id")
        )
        return [_entry(row) for row in rows]

    def latest(self, document: str | None = None) -> list[Entry]:
        """The entry that wins on each cell (of ``document``): the latest added."""
        return list(latest(self.entries(document)))

    def version(self) -> int:
        """A number that changes when another connection commits to the store (SQLite's
        ``data_version``): verdicts another reviewer's app has written since."""
        (found,) = self._db.execute("PRAGMA data_version").fetchone()
        return int(found)

    def readings(self, options: str) -> dict[str, bytes]:
        """The machine readings cached under ``options`` (the library's version and how it
        read), by document fingerprint (the review app's cache: not verdicts)."""
        rows = self._db.execute(
            "SELECT document, packed FROM readings WHERE options = ?", (options,)
        )
        return dict(rows)

    def keep_reading(self, document: str, options: str, packed: bytes) -> None:
        """Cache the machine reading of ``document`` under ``options``."""
        with self._transaction():
            self._db.execute(
                "INSERT OR REPLACE INTO readings (document, options, packed) VALUES (?, ?, ?)",
                (document, options, packed),
            )

    def export_lines(self, out: TextIO) -> int:
        """Write every entry as JSON Lines to ``out``, oldest first; returns how many."""
        return write_lines(self.entries(), out)

    def import_lines(self, lines: Iterable[str]) -> int:
        """Append the verdicts of JSON Lines ``lines`` in one transaction: all or none.

        Raises:
            CorrectionError: a line that is not a valid verdict (naming the line).
        """
        return self.add(read_lines(lines))


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK`` on an exception): the write lock is
    taken at once, so that two writers wait for each other rather than fail."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        self.db.execute("ROLLBACK" if kind is not None else "COMMIT")


def latest(entries: Iterable[Entry]) -> Iterator[Entry]:
    """The last entry on each ``(document, key)`` of ``entries`` (in their order)."""
    kept: dict[tuple[str, str], Entry] = {}
    for e in entries:
        kept.pop((e.document, e.key), None)
        kept[(e.document, e.key)] = e
    return iter(kept.values())


def read_lines(lines: Iterable[str]) -> list[Entry]:
    """The entries of JSON Lines ``lines`` (blank lines skipped).

    Raises:
        CorrectionError: a line that is not JSON or not a valid verdict, naming the line.
    """
    found: list[Entry] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line, parse_float=Decimal)
        except json.JSONDecodeError as error:
            raise CorrectionError(f"not JSON: {error.msg}", number) from None
        try:
            found.append(entry(record))
        except CorrectionError as error:
            raise CorrectionError(str(error), number) from None
    return found


def write_lines(entries: Iterable[Entry], out: TextIO) -> int:
    """Write ``entries`` as JSON Lines to ``out``; returns how many."""
    written = 0
    for e in entries:
        out.write(json_text(e.to_dict(), None) + "\n")
        written += 1
    return written


def _row(e: Entry) -> tuple[Any, ...]:
    machine = None
    if e.machine is not None:
        machine = json_text(e.to_dict()["machine"], None)
    return (
        e.document,
        e.source,
        e.key,
        e.verdict,
        None if e.value is None else str(e.value),
        e.reviewer,
        e.time,
        e.note,
        machine,
    )


def _entry(row: tuple[Any, ...]) -> Entry:
    document, key, verdict, value, reviewer, time, note, source, machine = row
    kind = kind_of(key)
    return Entry(
        document,
        key,
        verdict,
        None if value is None else held(value, kind, key),
        reviewer,
        time,
        note,
        source,
        None if machine is None else _machine(json.loads(machine, parse_float=Decimal), kind, key),
    )
