"""Label matching: which template row (or group label, or header furniture) a label cell is.

Robust to what extraction does to labels: words split by spaces or line breaks, numbering
missing or garbled (``三不予公开``), notes in brackets, quotes and dashes garbled
(``危“三安全— —稳定”``), truncation (``属于三类内部事务``), typos (``属于第三类…``), vertical
group labels cut into fragments (``五 不`` / ``予 处 理``). Results are cached per label text,
so a corpus pays for each distinct label once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any, Literal

import regex

from .. import labels
from ..fold import fold
from ..limits import MAX_MEMO_CHARS
from ..memo import Memo

Kind = Literal["row", "group", "furniture", "unknown"]
Match = tuple[Kind, str | None]

#: Fuzzy matches need this similarity (2·common/total) and this lead over another key.
MIN_SIMILARITY = 0.6
MIN_LEAD = 0.05
#: The shortest text matched by similarity: a lone character (a header split one
#: character a line, ``总`` / ``计``) is similar enough to any two-character label.
MIN_FUZZY_CHARS = 2
#: A label that starts with a whole canonical label of this length is that label plus a
#: note whose brackets were lost: ``部分公开（区分处理的），只计这一情形…``.
MIN_PREFIX = 4
#: The shortest piece of a label (the rest cut off by a wrap) taken for the row it is part
#: of.
MIN_HEAD = 3
#: A whole label with typos: at most one edit (a character missing, added or replaced) per
#: this many characters of the label (``行政止公开`` for ``行政法规禁止公开``: 3 of 12).
CHARS_PER_EDIT = 4

_NUMERALS = "一二三四五六七八九十"
#: A label's numbering: ``(一)``, ``一)``, ``一、``, ``1.``, ``(1)``, and ``(七`` whose ``)`` was
#: lost (``(七计`` is 总计 misspelt, not a bracketed note to drop).
_NUMBERING = re.compile(
    rf"^(?:\(?[{_NUMERALS}]{{1,3}}\)|\([{_NUMERALS}]{{1,3}}(?![{_NUMERALS})])"
    rf"|[{_NUMERALS}]{{1,3}}[、.,]|\d{{1,2}}[、.,]|\(\d{{1,2}}\))"
)
#: Where a numbered label starts inside a cell that holds several: ``…结果（一）予以公开``.
_INNER_NUMBERING = re.compile(
    rf"(?<=\S)\s*(?=\([{_NUMERALS}]{{1,3}}\)|[{_NUMERALS}]{{1,3}}、|\d{{1,2}}[、.](?!\d))"
)
#: A sub-row's number before its label (``1.``, ``２．`` folded).
_SUB_NUMBER = re.compile(r"\s*(\d{1,2})\s*[.,、]")
#: A numbering in Chinese numerals, bracketed (an outcome's ``（六）``, also ``六)`` and ``(六``
#: whose other bracket was lost) or not (a top-level row's ``三、``).
_CHINESE_NUMBERING = re.compile(
    rf"^(?:(?P<bracketed>\(?[{_NUMERALS}]{{1,3}}\)|\([{_NUMERALS}]{{1,3}}(?![{_NUMERALS})]))"
    rf"|(?P<plain>[{_NUMERALS}]{{1,3}})[、.,])"
)
_BRACKETED = re.compile(r"\([^)]*(?:\)|$)")
_NOISE = re.compile(r"[\s\"'“”‘’「」『』《》〈〉、,.:;!?。，：；！？\-—–─_~·…]")
_ARTICLE = re.compile(r"^第[^条]{1,6}条")


def normalise_label(text: str) -> str:
    """A label reduced to its words: no spaces, numbering, bracketed notes, quotes, dashes.
    Worked out once per text (reports print the same labels)."""
    return _NORMALISED[text]


def _normalised(text: str) -> str:
    text = "".join(fold(text).split())
    text = _NUMBERING.sub("", text, count=1)
    text = _BRACKETED.sub("", text)
    return _NOISE.sub("", text)


_NORMALISED: Memo[str, str] = Memo(_normalised, len)


def _numbering_kept(text: str) -> bool:
    """Whether ``text`` starts with its numbering, or with what is left of one whose digits
    ran into the values before it (``.其他`` of ``…00000003.其他``, values run together)."""
    compact = "".join(fold(text).split())
    return _NUMBERING.match(compact) is not None or compact[:1] in (".", "、")


def numbered(text: str) -> bool:
    """Whether a label starts with its numbering (``（七）``, ``1.``), or is a bracketed
    numbering's opening bracket alone (``（`` / ``一）予以公开``: a wrap cut it from its
    numerals): a row's own start, never the rest of a label wrapped from the line above.
    Worked out once per text."""
    return _NUMBERED[text]


def _numbered(text: str) -> bool:
    compact = "".join(fold(text).split())
    return compact == "(" or _NUMBERING.match(compact) is not None


_NUMBERED: Memo[str, bool] = Memo(_numbered, len)


def _numbering_key(text: str) -> str | None:
    """The place a label's Chinese numbering gives it: ``(六`` for ``（六）``, ``六)``, ``(六``;
    ``三、`` for ``三、``, ``三.``; ``None`` for other labels (an Arabic ``3.`` is in every
    group: it names no row)."""
    match = _CHINESE_NUMBERING.match("".join(fold(text).split()))
    if match is None:
        return None
    if match["plain"]:
        return f"{match['plain']}、"
    return "(" + match["bracketed"].strip("()")


def _is_subsequence(short: str, long: str) -> bool:
    rest = iter(long)
    return all(char in rest for char in short)


def _typo_patterns(candidates: Sequence[tuple[str, Match]]) -> list[tuple[int, int, Any, Match]]:
    """Each candidate label long enough to carry typos, as a ``regex`` fuzzy pattern (best
    match) allowing an edit per ``CHARS_PER_EDIT`` characters: its length, its edits, the
    pattern and its match."""
    return [
        (
            len(label),
            len(label) // CHARS_PER_EDIT,
            regex.compile(
                f"(?:{regex.escape(label)}){{e<={len(label) // CHARS_PER_EDIT}}}",
                regex.BESTMATCH,
            ),
            match,
        )
        for label, match in candidates
        if len(label) >= CHARS_PER_EDIT
    ]


class LabelMatcher:
    """Matches label cells of one section of one template."""

    def __init__(
        self,
        rows: labels.Labels,
        groups: labels.Labels,
        furniture: tuple[str, ...],
        headers: tuple[str, ...] = (),
        numbered: tuple[str, ...] = (),
    ) -> None:
        #: Labels that are column headers when printed bare, rows only when numbered
        #: (总计 heads section 三's last column; its row is （七）总计).
        self._headers = frozenset(normalise_label(word) for word in headers)
        self._furniture = tuple(normalise_label(word) for word in furniture)
        self._exact: dict[str, Match] = {word: ("furniture", None) for word in self._furniture}
        self._candidates: list[tuple[str, Match]] = []
        self._groups = [
            (normalise_label(label), key) for key, aliases in groups.items() for label in aliases
        ]
        for norm, key in self._groups:
            self._exact[norm] = ("group", key)
            self._candidates.append((norm, ("group", key)))
        #: Groups that head no row by key (本年度办理结果) head every row.
        self._umbrellas = {
            key for _, key in self._groups if not any(row.startswith(f"{key}.") for row in rows)
        }
        for key, aliases in rows.items():
            for label in aliases:
                norm = normalise_label(label)
                self._exact[norm] = ("row", key)
                self._candidates.append((norm, ("row", key)))
        #: Each candidate that may carry typos, as a ``regex`` fuzzy pattern (best match).
        self._typos = _typo_patterns(self._candidates)
        #: The labels printed with a Chinese numbering (``（六）其他处理``), by their place:
        #: their words and what they are.
        self._numbered: dict[str, tuple[str, Match]] = {
            place: (normalise_label(label), self._exact[normalise_label(label)])
            for label in numbered
            if (place := _numbering_key(label)) is not None
        }
        #: Each sub-row's place in its group, counted from 1 (``not_processed.repeated``: 2).
        self._places = {
            key: sum(other.startswith(f"{key.rpartition('.')[0]}.") for other in list(rows)[:at])
            + 1
            for at, key in enumerate(rows)
            if "." in key
        }
        self._cached = lru_cache(maxsize=4096)(self._match)

    def match(self, text: str) -> Match:
        """What a label cell is: a row or group label (with its key), furniture, or unknown.
        Cached per text (texts up to ``limits.MAX_MEMO_CHARS``)."""
        return (self._cached if len(text) <= MAX_MEMO_CHARS else self._match)(text)

    def known(self, text: str) -> bool:
        """Whether ``text`` is a label of the section at all (a row, a group, furniture)."""
        return self.match(text)[0] != "unknown"

    def named(self, text: str) -> bool:
        """Whether ``text`` is one of the section's labels whole (a row, a group, furniture),
        after ``normalise_label``, not a fragment, a near miss or a typo."""
        return normalise_label(text) in self._exact

    def exact(self, text: str) -> bool:
        """Whether ``text`` is a row label whole (an alias, after ``normalise_label``), not a
        fragment or a near miss."""
        return self._exact.get(normalise_label(text), ("", None))[0] == "row"

    def begun(self, text: str) -> str | None:
        """The row whose label whole ``text`` begins (after ``normalise_label``), where it
        begins one row's labels only: a label whose last lines the table's text left out
        (``四、结转下年度继续`` past the table's end). ``None`` for a piece of two rows' labels,
        of none, or one shorter than ``MIN_HEAD``."""
        norm = normalise_label(text)
        keys = {
            match[1]
            for label, match in self._candidates
            if match[0] == "row" and label.startswith(norm)
        }
        return keys.pop() if len(keys) == 1 and len(norm) >= MIN_HEAD else None

    def place(self, key: str) -> int | None:
        """A sub-row's place in its group, counted from 1 (the number a report prints before
        its label: ``2.重复申请``); ``None`` for a row in no group."""
        return self._places.get(key)

    def misnumbered(self, text: str) -> bool:
        """Whether ``text`` starts with a sub-row's number (``2.``) other than the place of
        the row it names: ``2.其他``, the first lines of 2.其他法律行政法规禁止公开, is not
        the sub-row 3.其他."""
        number = _SUB_NUMBER.match(fold(text))
        place = self.place(self.match(text)[1] or "")
        return number is not None and place is not None and place != int(number[1])

    def after_header(self, text: str) -> str:
        """The words a label cell holds after the last header word in it (a column's name,
        ``信息内容``), after ``normalise_label``: ``…现行有效件数规章`` gives ``规章``, a cell
        with no header word its words whole."""
        norm = normalise_label(text)
        return norm[
            max((norm.rfind(w) + len(w) for w in self._furniture if w in norm), default=0) :
        ]

    def _match(self, text: str) -> Match:
        """The first answer of the ways to read a label, tried in the order of
        ``_WAYS``; else the closest label (``_fuzzy``)."""
        norm = normalise_label(text)
        for way in _WAYS:
            found = way(self, text, norm)
            if found is not None:
                return found
        return self._fuzzy(norm)

    def _bare_header(self, text: str, norm: str) -> Match | None:
        """A column header printed bare (总计 heads section 三's last column)."""
        return ("furniture", None) if norm in self._headers and not _numbering_kept(text) else None

    def _furniture_words(self, text: str, norm: str) -> Match | None:
        """Nothing, an article's number, or a cell holding a long furniture word: its exact
        match, else furniture."""
        if (
            not norm
            or _ARTICLE.match(norm)
            or any(w in norm for w in self._furniture if len(w) >= 4)
        ):
            return self._exact.get(norm, ("furniture", None))
        return None

    def _whole(self, text: str, norm: str) -> Match | None:
        """A label whole (an alias, after ``normalise_label``)."""
        return self._exact.get(norm)

    def _prefixed(self, text: str, norm: str) -> Match | None:
        """A cell starting with a label of at least ``MIN_PREFIX`` characters: the longest."""
        prefixed = [
            (len(label), match)
            for label, match in self._candidates
            if len(label) >= MIN_PREFIX and norm.startswith(label)
        ]
        return max(prefixed)[1] if prefixed else None

    def _group_words(self, text: str, norm: str) -> Match | None:
        """A group label, or its characters in order with some left out."""
        bare = norm[1:] if norm[0] in _NUMERALS and len(norm) > 1 else norm
        for group, key in self._groups:
            if bare == group or _is_subsequence(bare, group):
                return ("group", key)
        return None

    def _piece(self, text: str, norm: str) -> Match | None:
        """A piece of a label cut by a wrap (``2.其他法`` of 其他法律行政法规禁止公开, the tail
        ``申请`` of many): the row it is part of, if it is part of only one, never a row it
        merely resembles (其他, 重复申请); a piece of two rows is neither."""
        parts = {match for label, match in self._candidates if norm in label}
        if not parts:
            return None
        return parts.pop() if len(parts) == 1 and len(norm) >= MIN_HEAD else ("unknown", None)

    def _numbered_head(self, text: str, norm: str) -> Match | None:
        """The row or group a label's numbering places it at, when its words are that
        label's or their start, the rest wrapped onto the next line: ``（六）其他`` is
        （六）其他处理, never the sub-row ``3.其他``."""
        place = _numbering_key(text)
        if place is None or len(norm) < MIN_FUZZY_CHARS or place not in self._numbered:
            return None
        label, match = self._numbered[place]
        return match if label.startswith(norm) else None

    def _merged(self, text: str, norm: str) -> Match | None:
        """The row of a row label run together with the group labels before it, as when
        merged cells lose their borders: ``（三）不予公开1.属于国家秘密``."""
        parts = _INNER_NUMBERING.split(fold(text))
        if len(parts) < 2:
            return None
        row = self._exact.get(normalise_label(parts[-1]))
        if row is None or row[0] != "row" or row[1] is None:
            return None
        before = [self._exact.get(normalise_label(part), ("unknown", None)) for part in parts[:-1]]
        return (
            row
            if all(
                kind == "furniture" or (kind == "group" and self._heads(key, row[1]))
                for kind, key in before
            )
            else None
        )

    def _heads(self, group: str | None, row: str) -> bool:
        """Whether ``group`` heads ``row`` (``denied`` heads ``denied.state_secret``)."""
        return group in self._umbrellas or row.startswith(f"{group}.")

    def _typo(self, norm: str) -> Match | None:
        """The label ``norm`` is whole, give or take a few typos (``regex`` fuzzy matching,
        ``CHARS_PER_EDIT``): the candidate reached with the fewest edits. Two rows reached
        with as few are no answer (``unknown``), a group among them is (it carries no
        values); ``None`` when no candidate is within reach."""
        found: list[tuple[int, bool, Match]] = []
        for length, edits, pattern, match in self._typos:
            if abs(length - len(norm)) > edits:  # more edits than allowed, for the length
                continue
            hit = pattern.fullmatch(norm)
            if hit is not None:
                found.append((sum(hit.fuzzy_counts), match[0] != "group", match))
        if not found:
            return None
        fewest = min(edits for edits, _, _ in found)
        tied = {match for edits, _, match in found if edits == fewest}
        if len(tied) == 1:
            return tied.pop()
        groups = [match for match in tied if match[0] == "group"]
        return groups[0] if len(groups) == 1 else ("unknown", None)

    def _scored(self, norm: str) -> list[tuple[float, bool, Match]]:
        """The candidates that may win or tie with the winner, by similarity, best first."""
        floor = MIN_SIMILARITY - MIN_LEAD
        scored: list[tuple[float, bool, Match]] = []
        for candidate, match in self._candidates:
            similarity = SequenceMatcher(None, norm, candidate)
            if similarity.real_quick_ratio() >= floor and similarity.quick_ratio() >= floor:
                scored.append((similarity.ratio(), match[0] == "group", match))
        scored.sort(reverse=True)
        return scored

    def _fuzzy(self, norm: str) -> Match:
        if len(norm) < MIN_FUZZY_CHARS:
            return ("unknown", None)
        typo = self._typo(norm)
        if typo is not None:
            return typo
        # A candidate below this can neither win nor tie with the winner. The cheap upper
        # bounds of its similarity (lengths, then letters) rule most out before the costly
        # ratio, which is quadratic: a 2,000-character cell no longer costs milliseconds.
        scored = self._scored(norm)
        if not scored or scored[0][0] < MIN_SIMILARITY:
            return ("unknown", None)
        best, _, match = scored[0]
        rivals = [score for score, _, other in scored[1:] if other != match]
        if rivals and best - rivals[0] < MIN_LEAD:
            # A tie is never resolved in favour of a row: a group label carries no values.
            tied = [other for score, _, other in scored if best - score < MIN_LEAD]
            groups = [other for other in tied if other[0] == "group"]
            return groups[0] if len(groups) == 1 else ("unknown", None)
        return match


#: The ways ``LabelMatcher._match`` reads a label, in the order they are tried: each gives
#: an answer, or ``None`` for the next way.
_WAYS: tuple[Callable[[LabelMatcher, str, str], Match | None], ...] = (
    LabelMatcher._bare_header,
    LabelMatcher._furniture_words,
    LabelMatcher._numbered_head,
    LabelMatcher._whole,
    LabelMatcher._merged,
    LabelMatcher._prefixed,
    LabelMatcher._group_words,
    LabelMatcher._piece,
)


@lru_cache(maxsize=8)
def matcher(template: str, section: str) -> LabelMatcher:
    """The matcher for ``section`` (``proactive``, ``applications`` or ``appeals``, whose
    labels are all header furniture) of ``template``."""
    if section == "appeals":
        outcomes = tuple(label for aliases in labels.APPEAL_OUTCOMES.values() for label in aliases)
        return LabelMatcher({}, labels.APPEAL_GROUPS, outcomes + labels.TABLE_FURNITURE)
    if section == "proactive":
        columns = tuple(
            label
            for table in labels.PROACTIVE_COLUMNS.values()
            for aliases in table.values()
            for label in aliases
        )
        return LabelMatcher(labels.PROACTIVE_ROWS[template], {}, columns + labels.TABLE_FURNITURE)
    return _applications(template)


def _applications(template: str) -> LabelMatcher:
    """The matcher for section 三 of ``template``: the applicant columns' labels furniture,
    but those that are rows too headers (总计), and the labels printed numbered."""
    rows = labels.APPLICATION_ROWS[template]
    row_labels = {label for aliases in rows.values() for label in aliases}
    applicants = [label for aliases in labels.APPLICANT_COLUMNS.values() for label in aliases]
    return LabelMatcher(
        rows,
        labels.APPLICATION_GROUPS[template],
        tuple(label for label in applicants if label not in row_labels) + labels.TABLE_FURNITURE,
        tuple(label for label in applicants if label in row_labels),
        tuple(
            label
            for printed in labels.APPLICATION_PRINTED[template].values()
            for label in printed[:2]
            if label
        ),
    )


ColumnKind = Literal["column", "foreign", "other"]


@lru_cache(maxsize=1024)
def proactive_column(template: str, text: str) -> tuple[ColumnKind, str | None]:
    """What a header cell of section 二 is: ``("column", key)`` for a column of
    ``template``, ``("foreign", key)`` for a column only the other template has, else
    ``("other", None)``. The longest column label inside the cell wins."""
    norm = normalise_label(text)
    others = [name for name in labels.PROACTIVE_COLUMNS if name != template]
    for kind, name in (("column", template), *(("foreign", other) for other in others)):
        found = [
            (len(alias), key)
            for key, aliases in labels.PROACTIVE_COLUMNS[name].items()
            for alias in map(normalise_label, aliases)
            if alias in norm
        ]
        if found:
            return kind, max(found)[1]  # type: ignore[return-value]
    return "other", None


def foreign_row(template: str, section: str, text: str) -> bool:
    """Whether a label ``template`` does not know at all is a row of another template that
    ``template`` has not (in section 三 of a 2019 reading, a 2021 其他处理 sub-row). A piece
    naming a row both templates have is a piece of that row's label that ``template`` finds
    in two of its rows (``4.无正当`` of a wrapped ``4.无正当理由大量反复申请``: 2021's
    ``申请人无正当理由逾期不补正…`` holds it too), not a foreign row."""
    if matcher(template, section).match(text)[0] != "unknown":
        return False
    own = _ROWS[section][template]
    return any(
        kind == "row" and key not in own
        for other in labels.PROACTIVE_ROWS
        if other != template
        for kind, key in (matcher(other, section).match(text),)
    )


#: Each table section's rows by template, as ``foreign_row`` asks (section 四 has none).
_ROWS: dict[str, dict[str, labels.Labels]] = {
    "proactive": labels.PROACTIVE_ROWS,
    "applications": labels.APPLICATION_ROWS,
    "appeals": {template: {} for template in labels.PROACTIVE_ROWS},
}


def foreign_column(template: str, section: str, text: str) -> bool:
    """Whether a label is none of ``section``'s but heads a column of another section's
    table, whole (``现行有效件数`` in section 三; ``本年新公开数量`` too, though it is near
    enough to 本年新收… to match that row of 三 as a typo)."""
    if matcher(template, section).named(text):
        return False
    return normalise_label(text) in _COLUMN_HEADS[template]


#: Each template's column headers of every table section, as ``normalise_label`` gives them.
_COLUMN_HEADS = {
    template: frozenset(
        normalise_label(label)
        for heads in (
            labels.PROACTIVE_COLUMNS[template],
            labels.APPLICANT_COLUMNS,
            labels.APPEAL_OUTCOMES,
        )
        for aliases in heads.values()
        for label in aliases
    )
    for template in labels.PROACTIVE_COLUMNS
}
