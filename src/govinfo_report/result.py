"""The outcome of one document of a stream (``iter_parse``, ``parse_document``, the
writers' input): its report or its error, which pickles its report in the compact form of
``compact.pack``."""

from __future__ import annotations

import pickle

import attrs

from .compact import pack, unpack
from .errors import ParseError
from .model import Report


@attrs.frozen(eq=False)
class Result:
    """The outcome of one document of a stream.

    Attributes:
        index: the document's position in the input stream (0-based).
        name: the document's name (``Document.name``).
        error: why the document failed (``ParseError``, code ``unreadable`` when it could
            not be read, ``internal-error`` for a bug), or ``None``.
        sha256: the fingerprint of the document's bytes (``corrections.fingerprint``), or
            ``None`` when they could not be read (``--resume`` and ``done=`` use it).

    ``report`` is the parsed report (``None`` on failure). A result pickles its report as
    one ``bytes`` object holding the compact form (``compact.pack``); the report is rebuilt
    from it on first access and kept. So a parent process pays next to nothing for a result
    until it asks for the report. Results compare by identity: compare their reports.
    """

    index: int
    name: str
    error: ParseError | None = None
    _packed: bytes | None = attrs.field(default=None, alias="packed", repr=False)
    _report: Report | None = attrs.field(default=None, alias="report", repr=False)
    sha256: str | None = attrs.field(default=None, kw_only=True)

    @property
    def report(self) -> Report | None:
        """The report, rebuilt from the compact form on first access."""
        if self._report is None and self._packed is not None:
            object.__setattr__(self, "_report", unpack(pickle.loads(self._packed)))
            object.__setattr__(self, "_packed", None)
        return self._report

    @property
    def ok(self) -> bool:
        """Whether the document parsed (``error`` is ``None``)."""
        return self.error is None

    def __reduce__(self) -> tuple[object, ...]:
        packed = self._packed
        if packed is None and self._report is not None:
            packed = pickle.dumps(pack(self._report), protocol=pickle.HIGHEST_PROTOCOL)
        return _packed_result, (self.index, self.name, self.error, packed, self.sha256)


def _packed_result(
    index: int, name: str, error: ParseError | None, packed: bytes | None, sha256: str | None
) -> Result:
    return Result(index, name, error, packed=packed, sha256=sha256)
