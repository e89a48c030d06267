"""Inputs of a stream: a ``Document`` describes one report so that a worker process can read
it itself, and helpers list the documents of a directory tree, a zip or tar archive (and the
archives inside them), or a JSON Lines file, lazily and in a stable order.

A helper never raises for bad input: what cannot be read (a missing directory, a file that is
not an archive, a truncated tar, a JSON line that is not a record) becomes a ``Document``
whose ``read`` fails with ``ParseError`` code ``unreadable`` (``too-large`` past the size
limit), so that a stream reports it in its place and goes on. What is passed over (a file of
another kind, an archive nested too deep, a link, a device, an encrypted member) is named to
the ``skipped`` callback with its reason. Names are only labels: nothing is ever written to
disk, whatever a member's name (``../x``, ``/etc/x``) or kind.
"""

from __future__ import annotations

import io
import json
import lzma
import os
import re
import stat
import struct
import tarfile
import threading
import time
import zipfile
import zlib
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import BinaryIO

import attrs

from ..errors import ParseError
from ..limits import MAX_BYTES, MAX_DEPTH
from . import bounded

#: The suffixes (any case) of the documents that folders and archives give by default:
#: text, Markdown, HTML, Word and PDF.
KINDS: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".xhtml", ".docx", ".pdf")
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
#: Archives, opened wherever they are found (up to ``max_depth`` deep).
ARCHIVE_SUFFIXES = (".zip", *TAR_SUFFIXES)
#: Word 97-2003 and WPS Office documents: not read, but named with how to convert them.
CONVERTIBLE = (".doc", ".wps")
#: How to turn one of them into a document that is read.
CONVERT_HINT = "convert it to .docx first (LibreOffice: soffice --headless --convert-to docx FILE)"

#: Why a file or member is skipped -> what that means.
SKIP_REASONS: dict[str, str] = {
    "kind": "not a kind of document read by default (KINDS), nor an archive",
    "convert": "a Word 97-2003 (.doc) or WPS (.wps) document, not read: " + CONVERT_HINT,
    "depth": "an archive nested deeper than the depth limit (max_depth)",
    "symlink": "a symbolic link (or a tar hard link): links are never followed",
    "device": "not a regular file: a device, a FIFO or a socket",
    "encrypted": "an encrypted zip member: no password is tried",
    "junk": "a file an operating system or editor leaves beside documents: macOS's "
    "__MACOSX/ folder and ._* resource forks, .DS_Store, Thumbs.db, Office's ~$* lock files",
}
#: The names of ``junk`` files (a folder's: every file under it).
JUNK_FOLDERS = ("__MACOSX",)
JUNK_NAMES = (".DS_Store", "Thumbs.db", "desktop.ini")
JUNK_PREFIXES = ("._", "~$")
_JUNK = "not a document (macOS's __MACOSX/, ._*, .DS_Store, Thumbs.db, an Office lock file ~$*)"
#: Bit 11 of a zip member's flags: its name is UTF-8.
_ZIP_UTF8 = 0x800

#: What reading a zip member or a tar archive raises for a bad archive: damaged data, an
#: encrypted member (RuntimeError), a compression method zipfile lacks (NotImplementedError),
#: and what zipfile and tarfile let slip on hostile bytes (found by tests/formats/test_fuzz.py: a
#: gzip header cut short makes tarfile raise TypeError; struct and value errors from bad
#: fields). ``ParseError`` is a ``ValueError``: every handler lets it through first.
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
    TypeError,
    ValueError,
    OverflowError,
    struct.error,
)


@attrs.frozen
class Skipped:
    """A file or archive member that was not read, and why.

    Attributes:
        name: named as its document would have been (a path, ``archive:member``).
        reason: a key of ``SKIP_REASONS``: ``kind``, ``convert``, ``depth``, ``symlink``,
            ``device``, ``encrypted``, ``junk``.
        detail: the reason in words, for people.
    """

    name: str
    reason: str
    detail: str

    def __str__(self) -> str:
        return f"{self.name}: skipped, {self.detail} ({self.reason})"


#: What the listing helpers call with each file or member they pass over.
OnSkip = Callable[[Skipped], None]


@attrs.frozen
class Document:
    """One input, described so that a worker process can read it itself (picklable, small).

    Attributes:
        name: how the document is named in results and messages: a path, ``archive:member``
            (``outer.zip:inner.zip:member`` inside a nested archive) or ``file.jsonl:line``.
        path: a file, or the zip archive holding ``member``.
        member: a member of the zip archive at ``path``.
        data: the content itself (tar members, members of nested archives, JSON Lines texts,
            bytes or text given directly): bytes are decoded as a file's, ``str`` is the
            report's text.
        unreadable: why the document cannot be read, when that is known before reading
            (a JSON line that is not a record, an archive that cannot be opened, a tar member
            over the size limit).
        code: the ``ParseError`` code of that failure: ``unreadable``, ``too-large``, or
            ``timeout`` (an archive whose listing ran out of time).
    """

    name: str
    path: str | None = None
    member: str | None = None
    data: bytes | str | None = None
    unreadable: str | None = None
    code: str = "unreadable"

    def read(self, max_bytes: int | None = MAX_BYTES) -> bytes | str:
        """The document's content: ``data``, or the bytes of the file or zip member, at most
        ``max_bytes`` (``None``: no limit).

        Raises:
            ParseError: code ``unreadable``, with the reason (``OSError`` text, a bad zip
                member, ``unreadable``); code ``too-large`` past ``max_bytes``, or for a zip
                member that would inflate more than 1,000 times its compressed size.
        """
        if self.unreadable is not None:
            raise ParseError(self.unreadable, code=self.code)
        if self.data is not None:
            bounded.check_size(self.data, self.name, max_bytes)
            return self.data
        if self.path is None:
            raise ParseError("the document has neither data nor a path", code="unreadable")
        try:
            if self.member is None:
                return bounded.read_file(self.path, self.name, max_bytes)
            archive = _zip(self.path)
            return bounded.zip_member(archive, archive.getinfo(self.member), self.name, max_bytes)
        except ParseError:
            raise
        except _ARCHIVE_ERRORS as error:
            raise ParseError(
                f"cannot read {self.name}: {_reason(error)}", code="unreadable"
            ) from None


_open_zip = threading.local()


def _zip(path: str) -> zipfile.ZipFile:
    """The archive at ``path``, kept open for the next member (one archive per thread, so a
    worker reading an archive's members opens it once); reopened when the file changed."""
    status = os.stat(path)
    key = (path, status.st_mtime_ns, status.st_size, status.st_ino)
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
    if isinstance(error, TypeError | ValueError | OverflowError | struct.error):
        return f"damaged ({type(error).__name__}: {error})"  # slipped out of zipfile, tarfile
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    if isinstance(error, KeyError) and error.args:  # zipfile's words: no item named …
        return str(error.args[0])
    return str(error) or type(error).__name__


def documents(
    path: str | os.PathLike[str],
    patterns: Sequence[str] | None = None,
    *,
    text_field: str = "text",
    name_field: str | None = None,
    max_depth: int = MAX_DEPTH,
    max_bytes: int | None = MAX_BYTES,
    skipped: OnSkip | None = None,
    timeout: float | None = None,
) -> Iterator[Document]:
    """The documents at ``path``: a directory tree, a ``.zip``, a tar archive (``.tar``,
    ``.tar.gz``, ``.tgz``, ``.tar.bz2``, ``.tar.xz``), a ``.jsonl`` file (see ``json_lines``
    for ``text_field`` and ``name_field``), or any other file as one document.

    Args:
        patterns: glob patterns choosing the files and members to read (see ``directory``);
            by default every file of a kind in ``KINDS`` (``.txt .md .html .htm .xhtml
            .docx .pdf``, any case), each other file named to ``skipped`` (``kind``).
        max_depth: archives are opened wherever they are found, this many deep (see
            ``limits.MAX_DEPTH``); deeper ones are skipped (``depth``).
        max_bytes: the size limit of what the listing reads itself (tar members, archives
            inside archives and their members; ``None``: none): give ``iter_parse`` the
            same.
        skipped: called with a ``Skipped`` for each file or member passed over.
        timeout: the time an archive's listing may take, in seconds per document it gives
            (``None``: no limit; give ``iter_parse`` the same): an archive whose members
            take longer to pass over ends with a document that fails as ``unreadable``.

    Example:
        >>> for result in gr.iter_parse(gr.documents("corpus.zip"), jobs=2):  # doctest: +SKIP
        ...     print(result.name, result.ok)
    """
    name = os.fspath(path)
    lister = _Lister(patterns, max_depth, max_bytes, skipped, timeout)
    if os.path.isdir(name):
        return lister.folder(name)
    if _is_archive(name):
        return lister.archive(name, name, 1)
    if name.lower().endswith(".jsonl"):
        return json_lines(name, text_field, name_field, max_bytes=max_bytes)
    return iter([Document(name, path=name)])


def listed(
    inputs: Iterable[str | os.PathLike[str]],
    patterns: Sequence[str] | None = None,
    *,
    text_field: str = "text",
    name_field: str | None = None,
    max_depth: int = MAX_DEPTH,
    max_bytes: int | None = MAX_BYTES,
    skipped: OnSkip | None = None,
    timeout: float | None = None,
    rows: bool = False,
) -> Iterator[Document]:
    """The documents of each of ``inputs`` in turn, as ``documents`` gives them (the same
    arguments), listed lazily: the one input path of the command line and of
    ``read_reports``. With ``rows``, each file passed over is a document too, in its place
    (``skipped_document``), so that every input is a row of an output."""
    passed: deque[Skipped] = deque()

    def skip(what: Skipped) -> None:
        if skipped is not None:
            skipped(what)
        if rows:
            passed.append(what)

    for path in inputs:
        for document in documents(
            path,
            patterns,
            text_field=text_field,
            name_field=name_field,
            max_depth=max_depth,
            max_bytes=max_bytes,
            skipped=skip,
            timeout=timeout,
        ):
            yield from map(skipped_document, _drained(passed))
            yield document
        yield from map(skipped_document, _drained(passed))


def _drained(queue: deque[Skipped]) -> Iterator[Skipped]:
    while queue:
        yield queue.popleft()


#: The ``ParseError`` code of a file passed over, made a row (``skipped_document``).
SKIPPED = "skipped"


def skipped_document(skipped: Skipped) -> Document:
    """A file passed over as a document that fails as ``skipped`` (its reason and what it
    means as the message): a row of its own, with ``status`` ``skipped``."""
    return Document(skipped.name, unreadable=f"{skipped.detail} ({skipped.reason})", code=SKIPPED)


def one_document(path: str | os.PathLike[str]) -> bool:
    """Whether ``documents(path)`` gives one document whatever the file holds: ``path`` is
    not a directory, an archive or a ``.jsonl`` file."""
    name = os.fspath(path)
    return not (os.path.isdir(name) or _is_archive(name) or name.lower().endswith(".jsonl"))


def directory(
    root: str | os.PathLike[str],
    patterns: Sequence[str] | None = None,
    *,
    max_depth: int = MAX_DEPTH,
    max_bytes: int | None = MAX_BYTES,
    skipped: OnSkip | None = None,
    timeout: float | None = None,
) -> Iterator[Document]:
    """The documents under ``root``, each directory's files in name order before its
    subdirectories, named ``root/relative``; archives among them are opened (as
    ``zip_archive`` and ``tar_archive``).

    ``patterns`` are globs over the path relative to ``root`` (``**`` any directories, ``*``
    and ``?`` within a name, ``[...]``; case-sensitive); by default every file of a kind in
    ``KINDS``. Symbolic links (to files or directories), devices, FIFOs and sockets are never
    read, and named to ``skipped``, as are files of other kinds when no pattern is given.
    Memory: one directory listing at a time.
    """
    return _Lister(patterns, max_depth, max_bytes, skipped).folder(os.fspath(root))


def zip_archive(
    path: str | os.PathLike[str],
    patterns: Sequence[str] | None = None,
    *,
    max_depth: int = MAX_DEPTH,
    max_bytes: int | None = MAX_BYTES,
    skipped: OnSkip | None = None,
    timeout: float | None = None,
) -> Iterator[Document]:
    """The members of the zip archive at ``path`` (chosen as ``directory`` chooses files, by
    their path in the archive), in archive order, named ``path:member``; each worker opens
    the archive and reads its members itself. Archives inside are opened up to
    ``max_depth`` deep: their members are read here, at most ``max_bytes`` each, and carried
    as data. Members sharing a name fail as ``unreadable``: a member is read by its name.
    Links, devices and encrypted members are skipped and named to ``skipped``."""
    name = os.fspath(path)
    return _Lister(patterns, max_depth, max_bytes, skipped, timeout).archive(name, name, 1)


def tar_archive(
    path: str | os.PathLike[str],
    patterns: Sequence[str] | None = None,
    *,
    max_depth: int = MAX_DEPTH,
    max_bytes: int | None = MAX_BYTES,
    skipped: OnSkip | None = None,
    timeout: float | None = None,
) -> Iterator[Document]:
    """The regular-file members of the tar archive at ``path`` (plain or compressed with
    gzip, bzip2 or xz), chosen as ``directory`` chooses files, in archive order, named
    ``path:member``. A tar archive can only be read from start to end, so this reads each
    member (in one pass, holding one member at a time, at most ``max_bytes``: a member
    declaring more is not read and fails as ``too-large``) and the document carries its
    bytes. Archives inside are opened as in ``zip_archive``; links and devices are skipped.
    A damaged archive ends with a document that fails as ``unreadable``."""
    name = os.fspath(path)
    return _Lister(patterns, max_depth, max_bytes, skipped, timeout).archive(name, name, 1)


#: Control characters (C0, DEL, C1) -> an escape, in the names of files and members.
_ESCAPES = {code: f"\\x{code:02x}" for code in (*range(0x20), *range(0x7F, 0xA0))}


def _label(name: str) -> str:
    """A file's or member's name as a document's name: its control characters escaped
    (``\\x1b``), so that a hostile name can neither forge a line of the summary nor drive
    the terminal. The file or member is still read by its own name."""
    return name.translate(_ESCAPES)


def _junk(relative: str) -> bool:
    """Whether the file or member at ``relative`` is junk (``SKIP_REASONS``)."""
    *folders, base = relative.split("/")
    return (
        any(folder in JUNK_FOLDERS for folder in folders)
        or base in JUNK_NAMES
        or base.startswith(JUNK_PREFIXES)
    )


def member_name(name: str, utf8: bool = False) -> str:
    """An archive member's name as its archive meant it. A zip member's is UTF-8 when it
    says so (``utf8``: its flag); otherwise ``zipfile`` read its bytes as cp437 (and tar,
    bytes that are not UTF-8 as surrogates): those bytes are read as UTF-8 when they are,
    else as GB18030 (a zip made on Chinese Windows: GBK), and left as cp437 only when
    neither decodes."""
    if utf8:
        return name
    if any("\udc80" <= char <= "\udcff" for char in name):  # tar: bytes not UTF-8
        raw = name.encode("utf-8", "surrogateescape")
    elif name.isascii():
        return name
    else:
        try:
            raw = name.encode("cp437")
        except UnicodeEncodeError:  # not read as cp437 (a tar's UTF-8 name)
            return name
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("cp437")


def _is_archive(name: str) -> bool:
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def _failed(name: str, error: ParseError) -> Document:
    """A document that fails as ``error`` does, found so while listing."""
    return Document(name, unreadable=error.message, code=error.code)


@attrs.frozen
class _Lister:
    """What folders and archives give: the documents chosen by ``patterns`` (by ``KINDS``
    when ``None``), archives opened ``max_depth`` deep, every file passed over named to
    ``skipped``."""

    patterns: Sequence[str] | None
    max_depth: int
    max_bytes: int | None
    skipped: OnSkip | None
    timeout: float | None = None
    matches: Callable[[str], bool] | None = attrs.field(init=False)

    @matches.default
    def _matcher(self) -> Callable[[str], bool] | None:
        return None if self.patterns is None else matcher(self.patterns)

    def _skip(self, name: str, reason: str, detail: str) -> None:
        if self.skipped is not None:
            self.skipped(Skipped(name, reason, detail))

    def _chosen(self, name: str, relative: str) -> bool:
        """Whether the file or member at ``relative`` is a document to read; by default one
        of another kind is named as skipped (files left out by patterns are not)."""
        if self.matches is not None:
            return self.matches(relative)
        if relative.lower().endswith(KINDS):
            return True
        if relative.lower().endswith(CONVERTIBLE):
            self._skip(name, "convert", f"a Word 97-2003 or WPS document: {CONVERT_HINT}")
        else:
            self._skip(name, "kind", f"not a kind read by default ({' '.join(KINDS)}, archives)")
        return False

    def folder(self, top: str) -> Iterator[Document]:
        failures: list[OSError] = []
        if not os.path.isdir(top):
            yield Document(top, unreadable=f"cannot read {top}: not a directory")
            return
        for folder, subfolders, files in os.walk(top, onerror=failures.append):
            yield from (_unlisted(failure, folder) for failure in failures)
            failures.clear()
            for sub in sorted(subfolders):
                if os.path.islink(os.path.join(folder, sub)):
                    link = _label(os.path.join(folder, sub))
                    self._skip(link, "symlink", "a link to a directory")
            subfolders[:] = sorted(
                s for s in subfolders if not os.path.islink(os.path.join(folder, s))
            )
            relative = os.path.relpath(folder, top)
            prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
            for file in sorted(files):
                yield from self._file(os.path.join(folder, file), prefix + file)
        yield from (_unlisted(failure, top) for failure in failures)

    def _file(self, full: str, relative: str) -> Iterator[Document]:
        name = _label(full)
        try:
            mode = os.lstat(full).st_mode
        except OSError as error:
            yield _unlisted(error, name)
            return
        if stat.S_ISLNK(mode):
            self._skip(name, "symlink", "a symbolic link")
        elif _junk(relative):
            self._skip(name, "junk", _JUNK)
        elif not stat.S_ISREG(mode):
            self._skip(name, "device", "not a regular file (a device, FIFO or socket)")
        elif _is_archive(relative):
            yield from self.archive(name, full, 1)
        elif self._chosen(name, relative):
            yield Document(name, path=full)

    def _too_deep(self, name: str, depth: int) -> bool:
        """Whether the archive ``name``, ``depth`` deep, is past the limit (then named)."""
        if depth <= self.max_depth:
            return False
        self._skip(name, "depth", f"an archive {depth} deep, past the limit of {self.max_depth}")
        return True

    def archive(self, name: str, source: str | bytes, depth: int) -> Iterator[Document]:
        """The documents of the archive ``name``, a path or its bytes, ``depth`` deep."""
        if self._too_deep(name, depth):
            return
        if name.lower().endswith(".zip"):
            yield from self._zip(name, source, depth)
        else:
            yield from self._tar(name, source, depth)

    def _nested(self, name: str, read: Callable[[], bytes], depth: int) -> Iterator[Document]:
        """The documents of the archive ``name`` found inside another, ``depth`` deep: its
        bytes are read (at most ``max_bytes``) only when it is within the depth limit."""
        if self._too_deep(name, depth):
            return
        document = self._read(name, read)
        if isinstance(document.data, bytes):
            yield from self.archive(name, document.data, depth)
        else:
            yield document

    def _read(self, name: str, read: Callable[[], bytes]) -> Document:
        """A document carrying what ``read`` gives, or failing as reading it did."""
        try:
            return Document(name, data=read())
        except ParseError as error:
            return _failed(name, error)
        except _ARCHIVE_ERRORS as error:
            return Document(name, unreadable=f"cannot read {name}: {_reason(error)}")

    def _zip(self, name: str, source: str | bytes, depth: int) -> Iterator[Document]:
        try:
            archive = zipfile.ZipFile(source if isinstance(source, str) else io.BytesIO(source))
        except _ARCHIVE_ERRORS as error:
            yield Document(name, unreadable=f"cannot read {name}: {_reason(error)}")
            return
        with archive:
            members = archive.infolist()
            names = Counter(member.filename for member in members)
            for info in members:
                yield from self._zip_member(
                    archive, name, source, info, names[info.filename], depth
                )

    def _zip_member(
        self,
        archive: zipfile.ZipFile,
        name: str,
        source: str | bytes,
        info: zipfile.ZipInfo,
        sharing: int,
        depth: int,
    ) -> Iterator[Document]:
        relative = member_name(info.filename, bool(info.flag_bits & _ZIP_UTF8))
        member = f"{name}:{_label(relative)}"
        kind = stat.S_IFMT(info.external_attr >> 16)
        encrypted = bool(info.flag_bits & 0x1)
        if info.is_dir() or kind == stat.S_IFDIR:
            return
        if _junk(relative):
            self._skip(member, "junk", _JUNK)
        elif kind == stat.S_IFLNK:
            self._skip(member, "symlink", "a symbolic link")
        elif kind not in (0, stat.S_IFREG):
            self._skip(member, "device", "not a regular file (a device, FIFO or socket)")
        elif encrypted and (_is_archive(relative) or self._chosen(member, relative)):
            self._skip(member, "encrypted", "an encrypted member")
        elif _is_archive(relative):
            yield from self._nested(
                member, lambda: bounded.zip_member(archive, info, member, self.max_bytes), depth + 1
            )
        elif not self._chosen(member, relative):
            return
        elif sharing > 1:  # a member is read by name: which one is unknown
            yield Document(
                member,
                unreadable=(
                    f"cannot read {member}: the archive holds {sharing} members of that name"
                ),
            )
        elif isinstance(source, str):
            yield Document(member, path=source, member=info.filename)
        else:
            yield self._read(
                member, lambda: bounded.zip_member(archive, info, member, self.max_bytes)
            )

    def _tar(self, name: str, source: str | bytes, depth: int) -> Iterator[Document]:
        try:
            with tarfile.open(
                name=source if isinstance(source, str) else None,
                fileobj=None if isinstance(source, str) else io.BytesIO(source),
                mode="r|*",
                encoding="utf-8",
                errors="surrogateescape",
            ) as archive:
                budget = _Budget(self.timeout)
                for member in archive:
                    for document in self._tar_member(archive, name, member, depth):
                        yield from budget.give(document)
                    if not _pass_over(archive, budget) or budget.over():
                        yield budget.spent_on(name)
                        return
        except _ARCHIVE_ERRORS as error:
            yield Document(name, unreadable=f"cannot read {name}: {_reason(error)}")
        except _BrokenTar as broken:  # a member cut off: nothing after it can be read
            yield Document(broken.name, unreadable=f"cannot read {broken.name}: {broken}")

    def _tar_member(
        self, archive: tarfile.TarFile, name: str, member: tarfile.TarInfo, depth: int
    ) -> Iterator[Document]:
        relative = member_name(member.name.removeprefix("./"))
        full = f"{name}:{_label(relative)}"
        if member.isdir():
            return
        if _junk(relative):
            self._skip(full, "junk", _JUNK)
            return
        if member.issym() or member.islnk():
            self._skip(full, "symlink", f"a link to {member.linkname}")
            return
        if not member.isfile():
            self._skip(full, "device", "not a regular file (a device, FIFO or socket)")
            return

        def read() -> bytes:
            bounded.check_declared(full, member.size, self.max_bytes)
            try:
                handle = archive.extractfile(member)
                return (
                    b""
                    if handle is None
                    else bounded.read_stream(handle, full, self.max_bytes, member.size)
                )
            except ParseError:
                raise
            except _ARCHIVE_ERRORS as error:
                raise _BrokenTar(full, _reason(error)) from None

        if _is_archive(relative):
            yield from self._nested(full, read, depth + 1)
        elif self._chosen(full, relative):
            yield self._read(full, read)


#: How much of a tar stream is read at a time to pass over a member's data that was not
#: read: tarfile's own skip reads 10 kB at a time and copies what it inflated ahead at each
#: read, 5 to 30 times slower than gzip itself on a member that inflates well. Larger pieces
#: copy more than the processor's cache holds (measured: 4 MiB the fastest of 1 to 16).
_PASS_OVER = 4 * 1024 * 1024


def _pass_over(archive: tarfile.TarFile, budget: _Budget) -> bool:
    """Read ``archive``'s stream up to its next member's header in large pieces (what
    tarfile would do itself in small ones), all the way: the last piece too, which tarfile
    would skip 10 kB at a time. The memory it takes is bounded by the piece. ``False`` when
    the listing's ``budget`` ran out first."""
    stream = archive.fileobj
    assert stream is not None
    while (left := archive.offset - stream.tell()) > 0:
        if budget.over():
            return False
        if not stream.read(min(left, _PASS_OVER)):
            break  # cut short: tarfile says so when it reads the next header
    return True


class _Budget:
    """The time an archive's listing takes, counted while it lists (not while the caller
    handles what it gave), against ``seconds`` per document it gave and one more."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.spent = 0.0
        self.given = 0
        self.since = time.perf_counter()

    def give(self, document: Document) -> Iterator[Document]:
        """``document``, the caller's time on it not counted."""
        self.spent += time.perf_counter() - self.since
        self.given += 1
        yield document
        self.since = time.perf_counter()

    def over(self) -> bool:
        elapsed = self.spent + time.perf_counter() - self.since
        return self.seconds is not None and elapsed > self.seconds * (self.given + 1)

    def spent_on(self, name: str) -> Document:
        """The document that ends an archive whose listing ran out of time."""
        return Document(
            name,
            unreadable=(
                f"cannot read the rest of {name}: listing it took longer than "
                f"{self.seconds:g} s for each of the {self.given} documents it gave and one "
                "more (the time budget); the members after that point are not listed"
            ),
            code="timeout",
        )


class _BrokenTar(Exception):
    """Reading the tar member ``name`` failed: the archive ends there."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(reason)
        self.name = name


def _unlisted(failure: OSError, where: str) -> Document:
    """A directory entry that could not be listed or looked at."""
    name = _label(str(failure.filename or where))
    return Document(name, unreadable=f"cannot read {name}: {_reason(failure)}")


def json_lines(
    path: str | os.PathLike[str],
    text_field: str = "text",
    name_field: str | None = None,
    *,
    max_bytes: int | None = MAX_BYTES,
) -> Iterator[Document]:
    """One document per non-blank line of the JSON Lines file at ``path``: the report's text
    is the string in ``text_field``; the document is named by the value of ``name_field``
    when the line has one, else ``path:line``. A line that is not UTF-8, not JSON, not an
    object or has no string in ``text_field`` is a document that fails as ``unreadable``;
    one longer than ``max_bytes`` as ``too-large`` (it is read past, never held)."""
    name = os.fspath(path)
    try:
        handle = open(name, "rb")  # noqa: SIM115 - closed below, after the last line
    except OSError as error:
        yield Document(name, unreadable=f"cannot read {name}: {_reason(error)}")
        return
    with handle:
        for number, raw in enumerate(_lines(handle, max_bytes), 1):
            where = f"{name}:{number}"
            if isinstance(raw, int):
                assert max_bytes is not None
                yield _failed(where, bounded.too_large(where, max_bytes, observed=raw))
            elif raw.strip():
                yield _json_line(where, raw, number == 1, text_field, name_field)


def _lines(handle: BinaryIO, limit: int | None) -> Iterator[bytes | int]:
    """The lines of ``handle``; for a line longer than ``limit``, the bytes read of it
    (more than the limit) instead: the rest of it is read past a block at a time."""
    if limit is None:
        yield from handle
        return
    while line := handle.readline(limit + 2):  # the limit, a newline and one more
        if len(line.rstrip(b"\r\n")) <= limit:
            yield line
            continue
        while not line.endswith(b"\n") and line:
            line = handle.readline(1 << 20)
        yield limit + 1


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
    return Document(where if label is None else _label(str(label)), data=text)


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
