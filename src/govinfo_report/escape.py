"""Text safe to print: control characters never reach a terminal raw.

A report's text, a file name or a member of an archive may hold escape sequences, bidi
overrides or line separators; a message or an output that quotes them writes each as its
JSON escape (``\\u001b``, a pair of them for a character past U+FFFF), which is also valid
inside a JSON string, so one rule serves messages, CSV cells and JSON documents.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import cache
from itertools import accumulate
from typing import Any

import regex

from .memo import Memo

#: Controls (C0, DEL, C1), format characters (bidi overrides, zero-width characters, the
#: byte-order mark), line and paragraph separators, and lone surrogates.
_UNSAFE = r"\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}"


@cache
def _unsafe(keep: str) -> Any:  # a regex.Pattern (regex ships no type information)
    if not keep:
        return regex.compile(f"[{_UNSAFE}]")
    return regex.compile(f"[[{_UNSAFE}]--[{regex.escape(keep)}]]", regex.V1)


def _escaped(char: str) -> str:
    code = ord(char)
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def escape(text: str, keep: str = "") -> str:
    """``text`` with every control, format and separator character (but those in ``keep``,
    e.g. ``"\\t\\n"`` for a multi-line text) written as its ``\\uXXXX`` escape.

    Example:
        >>> escape("a\\x1b[31mb")
        'a\\\\u001b[31mb'
    """
    plain = text
    for char in keep:
        plain = plain.replace(char, "")
    if plain.isprintable():  # the usual case, at C speed: nothing to escape
        return text
    pattern = _unsafe(keep)
    if pattern.search(text) is None:  # private-use, unassigned or odd space characters only
        return text
    escaped: str = pattern.sub(lambda match: _escaped(match.group()), text)
    return escaped


def width(text: str) -> int:
    """The columns ``text`` takes in a terminal: wide (CJK) characters two, others one."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def starts(text: str) -> Sequence[int]:
    """The terminal column (as ``width`` counts them) each character of ``text`` starts at,
    then the column after its last: ascending, so a column's characters are found by
    bisection."""
    if text.isascii():
        return range(len(text) + 1)
    return list(accumulate(map(_COLUMNS.__getitem__, text), initial=0))


#: Each character's width (``width``), looked up at C speed (a page has a few hundred).
_COLUMNS = Memo(width, len)


def padded(text: str, columns: int) -> str:
    """``text`` followed by spaces up to ``columns`` terminal columns (by ``width``)."""
    return text + " " * max(columns - width(text), 0)
