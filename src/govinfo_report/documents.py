"""Inputs of a stream: a ``Document`` describes one report so that a worker process can read
it itself, and helpers list the documents of a directory tree, a zip or tar archive, or a
JSON Lines file, lazily and in a stable order.

A helper never raises for bad input: what cannot be read (a missing directory, a file that is
not an archive, a truncated tar, a JSON line that is not a record) becomes a ``Document``
whose ``read`` fails with ``ParseError`` code ``unreadable``, so that a stream reports it in
its place and goes on.
"""

from __future__ import annotations

import json
import lzma
import os
import re
import tarfile
import threading
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import attrs

from .errors import ParseError

#: What ``directory``, ``zip_archive`` and ``tar_archive`` take by default.
PATTERNS: tuple[str, ...] = ("**/*.txt",)
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")

#: What reading a zip member or a tar archive raises for a bad archive: damaged data, an
#: encrypted member (RuntimeError), a compression method zipfile lacks (NotImplementedError).
_ARCHIVE_ERRORS = (
    OSError,
    EOFError,
    zipfile.BadZipFile,
    tarfile.TarError,
    zlib.error,
    lzma.LZMAError,
    KeyError,
    RuntimeError,
    NotImplementedError,
)


@attrs.frozen
class Document:
    """One input, described so that a worker process can read it itself (picklable, small).

    Attributes:
        name: how the document is named in results and messages: a path, ``archive:member``
            or ``file.jsonl:line``.
        path: a file, or the zip archive holding ``member``.
        member: a member of the zip archive at ``path``.
        data: the content itself (tar members, JSON Lines texts, bytes or text given
            directly): bytes are decoded as a file's, ``str`` is the report's text.
        unreadable: why the document cannot be read, when that is known before reading
            (a JSON line that is not a record, an archive that cannot be opened).
    """

    name: str
    path: str | None = None
    member: str | None = None
    data: bytes | str | None = None
    unreadable: str | None = None

    def read(self) -> bytes | str:
        """The document's content: ``data``, or the bytes of the file or zip member.

        Raises:
            ParseError: code ``unreadable``, with the reason (``OSError`` text, a bad zip
                member, ``unreadable``).
        """
        if self.unreadable is not None:
            raise ParseError(self.unreadable, code="unreadable")
        if self.data is not None:
            return self.data
        if self.path is None:
            raise ParseError("the document has neither data nor a path", code="unreadable")
        try:
            if self.member is None:
                return Path(self.path).read_bytes()
            return _zip(self.path).read(self.member)
        except _ARCHIVE_ERRORS as error:
            raise ParseError(
                f"cannot read {self.name}: {_reason(error)}", code="unreadable"
            ) from None


_open_zip = threading.local()


def _zip(path: str) -> zipfile.ZipFile:
    """The archive at ``path``, kept open for the next member (one archive per thread, so a
    worker reading an archive's members opens it once); reopened when the file changed."""
    stat = os.stat(path)
    key = (path, stat.st_mtime_ns, stat.st_size, stat.st_ino)
    cached: tuple[tuple[object, ...], zipfile.ZipFile] | None = getattr(_open_zip, "archive", None)
    if cached is not None and cached[0] == key:
        return cached[1]
    if cached is not None:
        cached[1].close()
        _open_zip.archive = None
    archive = zipfile.ZipFile(path)
    _open_zip.archive = (key, archive)
    return archive


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    if isinstance(error, KeyError) and error.args:  # zipfile's words: no item named …
        return str(error.args[0])
    return str(error) or type(error).__name__


def documents(
    path: str | os.PathLike[str],
    patterns: Sequence[str] = PATTERNS,
    *,
    text_field: str = "text",
    name_field: str | None = None,
) -> Iterator[Document]:
    """The documents at ``path``: a directory tree (files matching ``patterns``), a ``.zip``,
    a tar archive (``.tar``, ``.tar.gz``, ``.tgz``, ``.tar.bz2``, ``.tar.xz``), a ``.jsonl``
    file (see ``json_lines`` for ``text_field`` and ``name_field``), or any other file as one
    document.

    Example:
        >>> for result in gr.iter_parse(gr.documents("corpus.zip"), jobs=2):  # doctest: +SKIP
        ...     print(result.name, result.ok)
    """
    name = os.fspath(path)
    lowered = name.lower()
    if os.path.isdir(name):
        return directory(name, patterns)
    if lowered.endswith(".zip"):
        return zip_archive(name, patterns)
    if lowered.endswith(TAR_SUFFIXES):
        return tar_archive(name, patterns)
    if lowered.endswith(".jsonl"):
        return json_lines(name, text_field, name_field)
    return iter([Document(name, path=name)])


def directory(
    root: str | os.PathLike[str], patterns: Sequence[str] = PATTERNS
) -> Iterator[Document]:
    """The files under ``root`` whose path relative to ``root`` matches one of ``patterns``
    (``**`` any directories, ``*`` and ``?`` within a name, ``[...]``; case-sensitive), each
    directory's files in name order before its subdirectories, named ``root/relative``.
    Symbolic links to directories are not followed. Memory: one directory listing at a time.
    """
    top = os.fspath(root)
    matches = matcher(patterns)
    failures: list[OSError] = []
    if not os.path.isdir(top):
        yield Document(top, unreadable=f"cannot read {top}: not a directory")
        return
    for folder, subfolders, files in os.walk(top, onerror=failures.append):
        subfolders.sort()
        for failure in failures:
            yield Document(
                failure.filename or folder,
                unreadable=f"cannot read {failure.filename}: {_reason(failure)}",
            )
        failures.clear()
        relative = os.path.relpath(folder, top)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        for file in sorted(files):
            if matches(prefix + file):
                full = os.path.join(folder, file)
                yield Document(full, path=full)
    for failure in failures:
        yield Document(
            failure.filename or top,
            unreadable=f"cannot read {failure.filename}: {_reason(failure)}",
        )


def zip_archive(
    path: str | os.PathLike[str], patterns: Sequence[str] = PATTERNS
) -> Iterator[Document]:
    """The members of the zip archive at ``path`` that match ``patterns``, in archive order,
    named ``path:member``; each worker opens the archive and reads its members itself. Members
    sharing a name fail as ``unreadable``: a member is read by its name."""
    name = os.fspath(path)
    matches = matcher(patterns)
    try:
        with zipfile.ZipFile(name) as archive:
            members = archive.infolist()
    except _ARCHIVE_ERRORS as error:
        yield Document(name, unreadable=f"cannot read {name}: {_reason(error)}")
        return
    names = Counter(member.filename for member in members)
    for member in members:
        if not member.is_dir() and matches(member.filename):
            document = f"{name}:{member.filename}"
            if names[member.filename] > 1:  # a member is read by name: which one is unknown
                yield Document(
                    document,
                    unreadable=(
                        f"cannot read {document}: the archive holds {names[member.filename]} "
                        "members of that name"
                    ),
                )
            else:
                yield Document(document, path=name, member=member.filename)


def tar_archive(
    path: str | os.PathLike[str], patterns: Sequence[str] = PATTERNS
) -> Iterator[Document]:
    """The regular-file members of the tar archive at ``path`` (plain or compressed with
    gzip, bzip2 or xz) that match ``patterns``, in archive order, named ``path:member``.
    A tar archive can only be read from start to end, so this reads each member (in one
    pass, holding one member at a time) and the document carries its bytes. A damaged
    archive ends with a document that fails as ``unreadable``."""
    name = os.fspath(path)
    matches = matcher(patterns)
    try:
        with tarfile.open(name, "r|*") as archive:
            for member in archive:
                member_name = member.name.removeprefix("./")
                if not member.isfile() or not matches(member_name):
                    continue
                handle = archive.extractfile(member)
                data = handle.read() if handle is not None else b""
                yield Document(f"{name}:{member_name}", data=data)
    except _ARCHIVE_ERRORS as error:
        yield Document(name, unreadable=f"cannot read {name}: {_reason(error)}")


def json_lines(
    path: str | os.PathLike[str], text_field: str = "text", name_field: str | None = None
) -> Iterator[Document]:
    """One document per non-blank line of the JSON Lines file at ``path``: the report's text
    is the string in ``text_field``; the document is named by the value of ``name_field``
    when the line has one, else ``path:line``. A line that is not UTF-8, not JSON, not an
    object or has no string in ``text_field`` is a document that fails as ``unreadable``."""
    name = os.fspath(path)
    try:
        handle = open(name, "rb")  # noqa: SIM115 - closed below, after the last line
    except OSError as error:
        yield Document(name, unreadable=f"cannot read {name}: {_reason(error)}")
        return
    with handle:
        for number, raw in enumerate(handle, 1):
            if raw.strip():
                yield _json_line(f"{name}:{number}", raw, number == 1, text_field, name_field)


def _json_line(
    where: str, raw: bytes, first: bool, text_field: str, name_field: str | None
) -> Document:
    try:
        record = json.loads(raw.decode("utf-8-sig" if first else "utf-8"))
    except UnicodeDecodeError as error:
        return Document(where, unreadable=f"{where}: not UTF-8: {error}")
    except (ValueError, RecursionError) as error:
        return Document(where, unreadable=f"{where}: not JSON: {error}")
    if not isinstance(record, dict):
        return Document(where, unreadable=f"{where}: not a JSON object")
    text = record.get(text_field)
    if not isinstance(text, str):
        problem = "no field" if text is None else "not a string in field"
        return Document(where, unreadable=f"{where}: {problem} {text_field!r}")
    label = record.get(name_field) if name_field is not None else None
    return Document(where if label is None else str(label), data=text)


def matcher(patterns: Sequence[str]) -> Callable[[str], bool]:
    """Whether a ``/``-separated relative path matches one of the glob ``patterns``."""
    compiled = re.compile("|".join(f"(?:{_glob(pattern)})" for pattern in patterns))
    return lambda path: compiled.fullmatch(path) is not None


_GLOB_PART = re.compile(r"\*\*/|\*\*|\*|\?|\[!?\]?[^\]]*\]")


def _glob(pattern: str) -> str:
    """A glob pattern as a regular expression over ``/``-separated paths."""
    parts: list[str] = []
    position = 0
    for part in _GLOB_PART.finditer(pattern):
        parts.append(re.escape(pattern[position : part.start()]))
        token = part.group()
        if token == "**/":
            parts.append("(?:.*/)?")
        elif token == "**":
            parts.append(".*")
        elif token == "*":
            parts.append("[^/]*")
        elif token == "?":
            parts.append("[^/]")
        else:
            inner = token[1:-1]
            negated = inner.startswith("!")
            inner = inner[1:] if negated else inner
            # Ranges (a-z) stay; backslashes, brackets and carets are literal.
            inner = inner.replace("\\", "\\\\").replace("[", "\\[").replace("^", "\\^")
            parts.append(f"[^/{inner}]" if negated else f"[{inner}]")
        position = part.end()
    parts.append(re.escape(pattern[position:]))
    return "".join(parts)
