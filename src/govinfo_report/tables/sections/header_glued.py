"""Section 二's first row of a sub-table run into its header: text that lost the breaks
between cells (BeautifulSoup's ``get_text()``, lxml's ``text_content()``, a web archive's
text) glues the header's last word to the first row's label, and where that row prints no
value the layout sees one label, ``第二十条第(一)项信息内容本年新制作数量本年新公开数量
对外公开总数量规章``, that names no row. Each row label at the end of such a label, after
nothing but header words (``labels.PROACTIVE_HEADER_WORDS``, the columns' names, a bracketed
unit note, the article), is that row, the header words a row of their own: the rows are
read as they would be had the header been apart.

The row labels must be rows of the sub-table whose columns the header names, and the header
words must be all that comes before them (the first may have lost its start: a line cut);
anything else (prose, a misspelt word) leaves the label as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from ... import labels
from ...fold import fold
from ...memo import Memo
from ...structure.layouts import Printed, Row
from ..matching import matcher

#: The shortest piece of a header word that lost its start still taken for that word.
MIN_TAIL = 2
_NUMERALS = "一二三四五六七八九十"
#: A sub-table's article, spaces taken out: ``第二十条第(一)项``.
_ARTICLE = rf"第[{_NUMERALS}]{{1,4}}条第\([{_NUMERALS}\d]{{1,3}}\)项"
#: A bracketed note of a header word, spaces taken out: ``(单位:万元)``.
_NOTE = r"\([^()]{0,12}\)"


def _any(words: Iterable[str]) -> str:
    """An alternation of ``words`` (folded), the longest first."""
    return "|".join(re.escape(w) for w in sorted({fold(w) for w in words}, key=len, reverse=True))


@cache
def _columns(template: str) -> dict[str, frozenset[str]]:
    """Each header word of ``template`` (folded), with the columns it names (none for words
    that name no column: ``信息内容``)."""
    named: dict[str, set[str]] = {fold(word): set() for word in labels.PROACTIVE_HEADER_WORDS}
    for key, words in labels.PROACTIVE_COLUMNS[template].items():
        for word in words:
            named.setdefault(fold(word), set()).add(key)
    return {word: frozenset(keys) for word, keys in named.items()}


@cache
def _pattern(template: str) -> re.Pattern[str]:
    """A label with its spaces taken out: header words, then row labels of ``template``."""
    words = _columns(template)
    tails = {word[at:] for word in words for at in range(1, len(word) - MIN_TAIL + 1)}
    return re.compile(
        rf"(?P<header>(?:{_ARTICLE})?(?:{_any(tails)})?(?:(?:{_any(words)})(?:{_NOTE})?)+)"
        rf"(?P<rows>(?:{_any(_keys(template))})+)"
    )


@cache
def _keys(template: str) -> dict[str, str]:
    """Each row label of ``template`` (folded), with its row."""
    return {
        fold(label): key
        for key, aliases in labels.PROACTIVE_ROWS[template].items()
        for label in aliases
    }


@cache
def _ends(template: str) -> tuple[str, ...]:
    """The row labels of ``template`` (folded): what a glued label ends in."""
    return tuple(_keys(template))


@cache
def _candidates(template: str) -> Memo[str, bool]:
    """Whether a label cell's text may be header words of ``template`` glued to row labels
    (``_may_be_glued``), memoised: every report's section 二 asks it of each row."""
    return Memo(lambda text: _may_be_glued(text, template), len)


def _may_be_glued(text: str, template: str) -> bool:
    """Whether a label cell's ``text``, folded and its spaces taken out, ends in a row label
    of ``template`` and names no row itself."""
    compact = "".join(fold(text).split())
    return (
        compact.endswith(_ends(template)) and matcher(template, "proactive").match(text)[0] != "row"
    )


def apart(rows: Iterable[Row], template: str) -> list[Row]:
    """``rows`` with each row whose last label cell ends in row labels after nothing but
    header words of their sub-table (and names no row itself) given as the header's row and
    then each of those rows, the last with the row's values."""
    rows = list(rows)
    candidate = _candidates(template)
    glued = {
        at: found
        for at, row in enumerate(rows)
        if row.labels and candidate[row.labels[-1][0]] and (found := _split(row, template))
    }
    if not glued:
        return rows
    return [piece for at, row in enumerate(rows) for piece in glued.get(at, (row,))]


def _split(row: Row, template: str) -> list[Row] | None:
    """The rows ``row`` holds (``apart``), or ``None``."""
    *before, (text, line, column) = row.labels
    compact = "".join(fold(text).split())
    spaced = "".join("".join(fold(cell[0]) for cell in before).split())
    match = _pattern(template).fullmatch(spaced + compact)
    if match is None or match.start("rows") <= len(spaced):
        return None
    labels_found = re.findall(_any(_keys(template)), match["rows"])
    if "".join(labels_found) != match["rows"]:
        return None
    keys = [_keys(template)[label] for label in labels_found]
    if not _one_sub_table(template, match["header"], keys):
        return None
    where = [at for at, char in enumerate(text) if not char.isspace()]
    starts = [match.start("rows") - len(spaced)]
    for label in labels_found[:-1]:
        starts.append(starts[-1] + len(label))
    header = text[: where[starts[0]]].strip()
    pieces: list[Printed] = []
    for at, first in enumerate(starts):
        end = where[starts[at + 1]] if at + 1 < len(starts) else len(text)
        piece = text[where[first] : end].strip()
        pieces.append((piece, line, column + where[first]))
    heading = Row(
        (*before, *([(header, line, column)] if header else ())),
        (),
        row.line,
        traceless=row.traceless,
    )
    bare = [Row((piece,), (), row.line, traceless=row.traceless) for piece in pieces[:-1]]
    return [heading, *bare, row._replace(labels=(pieces[-1],))]


def _one_sub_table(template: str, header: str, keys: list[str]) -> bool:
    """Whether the rows ``keys`` are rows of one sub-table, in its order, and each column
    the ``header`` words name (whole) is one of its columns."""
    for _, columns, rows in labels.PROACTIVE_BLOCKS[template]:
        if keys[0] in rows:
            named = {
                key
                for word in re.findall(_any(_columns(template)), header)
                for key in _columns(template)[word]
            }
            order = [rows.index(key) for key in keys if key in rows]
            return (
                len(order) == len(keys)
                and order == sorted(set(order))
                and named <= set(columns)
                and (bool(named) or re.search(_ARTICLE, header) is not None)
            )
    return False
