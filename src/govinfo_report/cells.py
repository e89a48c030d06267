"""Cell text: is it a value, and what value is it.

Blank cells and the placeholders ``/``, ``-``, ``—`` mean "not given": ``None``, never 0.

A cell's text is all of its number or none of it. A number may carry a sign, thousands
separators, decimals, a unit (``12件``, ``246900元``) and a footnote mark after it (``863¹``,
``12①``, ``12*``: a note, kept in the raw text, never digits of the value). Text with a digit
and too little else to be a label (``l12``, ``约12``, ``12人``, ``3、850``, ``12 13``) is a
value cell whose text is no value: an invalid value in its column, never a label followed
by digits (``docs/robustness.md``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache

from .catalogue import Kind
from .labels import COUNT_UNITS, MONEY_UNITS
from .memo import Memo

#: The most integer digits a value may have (a trillion yuan is 13; int64 holds 18). A
#: longer number is still a number cell, in its place in the row: an invalid value.
MAX_DIGITS = 15
#: The fewest digits any table cell's line holds: every column's header prints a Chinese
#: character, as wide as two digits, so a narrow cell wraps no number after one digit.
MIN_CELL_DIGITS = 2
_NUMBER = (
    r"(?P<sign>[+-]?)(?P<digits>\d+(?:,\d{3})*(?:\.\d{1,8})?)"
    rf"(?:\s*(?:(?P<unit>{'|'.join(sorted(MONEY_UNITS, key=len, reverse=True))})"
    rf"|(?P<counted>[{''.join(COUNT_UNITS)}])))?"
)
#: Footnote marks after a number: superscript or subscript digits (what the format readers
#: make of ``<sup>``/``<sub>`` and Word's raised runs), a circled number, asterisks.
NOTE_MARKS = "⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉" + "".join(map(chr, range(0x2460, 0x2474))) + "*"
_NOTE = rf"(?:\s*(?P<note>[{NOTE_MARKS}]{{1,3}}))?"
#: What a report prints in a cell it leaves without a value: dashes, slashes, 无.
PLACEHOLDER_TEXT = r"[/\\\-—–─－]{1,12}|无"
#: What a PDF read by OCR writes for a cell whose two reads differ (one character a
#: character read): printed, so neither blank nor a placeholder, but no value.
UNREAD = "\ufffd"
_NUMBER_CELL = re.compile(_NUMBER + _NOTE)
_PLACEHOLDER_CELL = re.compile(PLACEHOLDER_TEXT)
#: A digit of any script; a CJK ideograph (Kangxi radicals too: PDF text writes 行 as ⾏).
_DIGIT = re.compile(r"\d")
_IDEOGRAPH = re.compile(r"[\u2e80-\u2fdf\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: A label's numbering, alone in its cell (``1.``, ``2、``, ``(3)``) or before the label's
#: first word (``3.危``, a label wrapped after its first character): a label, not a value.
_NUMBERING = re.compile(r"(?:[(（]\d{1,2}[)）]|\d{1,2}[.．、)）])(?!\s*\d)")
#: What a number's text may hold besides its digits, and the most else a value cell holds:
#: ``约12``, ``12左右``, ``12(注)``, ``l12``; a label holds more (``<b>12</b>``, ``2.其他``).
_NUMBER_LIKE = re.compile(r"[\d\s.,，、．]+")
MAX_NOT_A_NUMBER_EXTRA = 4
#: Two-character words before a number that make it no count: an approximation, a bound, a
#: sum (``共计145``, ``约为12``). Not a label: ``规章000`` is a label run into its values.
NUMBER_WORDS = ("共计", "约为", "大约", "超过", "不足", "将近", "接近", "多于", "少于", "不到")
#: Two-character words after a number that make it no count: an approximation or a bound
#: (``12左右``, ``149以上``).
AFTER_NUMBER_WORDS = ("左右", "以上", "以下", "以内", "上下", "开外")
#: A number with a count unit, or 人, then one or two more characters (``484人次``, ``12件次``),
#: or one of ``NUMBER_WORDS`` then a number, or a number then one of ``AFTER_NUMBER_WORDS``:
#: a count with a unit or a word we do not take, never a label (``共计145`` was read as a
#: local sub-row, its sums taking the row's values; so was ``149以上``).
_WORDED_NUMBER = re.compile(
    rf"[+-]?\d[\d,.]*\s*[{''.join(COUNT_UNITS)}人]\S{{1,2}}"
    rf"|(?:{'|'.join(NUMBER_WORDS)})\s*[+-]?\d[\d,.]*"
    rf"|[+-]?\d[\d,.]*\s*(?:{'|'.join(AFTER_NUMBER_WORDS)})"
)

#: A Latin letter OCR reads for a digit (``s`` for 5, ``l`` or ``I`` for 1, ``O`` for 0),
#: alone in a cell: a value misread, never a label (no label is one letter), so it holds its
#: cell's place in the row as a value that is no number.
_OCR_DIGIT = re.compile(r"[OoDQlISsBZbg]")

Value = int | Decimal

#: What ``cell_kinds`` calls a cell: blank, a label, a number, a placeholder (``—``).
BLANK, LABEL, NUMBER, PLACEHOLDER = "_", "L", "N", "P"
#: A line break, never inside a cell, is its own kind: a region's kinds can be one string.
LINE_BREAK = "\n"


def cell_kinds(cells: Iterable[str]) -> str:
    """What each cell's text (stripped here) is, one character a cell: a row's kinds as a
    string that regular expressions and ``str.count`` read at C speed."""
    return "".join(map(_KINDS.__getitem__, cells))


def _kind(cell: str) -> str:
    if cell == LINE_BREAK:
        return LINE_BREAK
    text = cell.strip()
    if not text:
        return BLANK
    if (
        _plain(text)
        or is_number(text)
        or is_unread(text)
        or not_a_number(text)
        or _OCR_DIGIT.fullmatch(text)
    ):
        return NUMBER
    return PLACEHOLDER if _PLACEHOLDER_CELL.fullmatch(text) else LABEL


#: Cell texts repeat across rows and reports (``0``, ``1``, ``—``): a cell's kind and a count
#: cell's value are memoised per distinct text, so the table hot path pays for a text once.
_KINDS = Memo(_kind, len)


def _plain(text: str) -> bool:
    """Digits only, as most cells are: a number without the regular expression."""
    return text.isdecimal() and len(text) <= MAX_DIGITS


def is_unread(text: str) -> bool:
    """Whether a stripped cell text is ``UNREAD``: a scanned cell whose reads differ."""
    return text[:1] == UNREAD and not text.strip(UNREAD)


def is_value(text: str) -> bool:
    """Whether a cell text is a value cell's: a number, a placeholder, a scanned cell whose
    reads differ, or text that is no number but no label either (``not_a_number``)."""
    return _KINDS[text] in (NUMBER, PLACEHOLDER)


def not_a_number(text: str) -> bool:
    """Whether a stripped cell text that is no number still holds a digit and too little
    else to be a label: fewer than two CJK ideographs, at most ``MAX_NOT_A_NUMBER_EXTRA``
    characters beside its digits and separators, and no numbering at its start (``1.``,
    ``3.危``), or a number whose unit or word runs on (``484人次``, ``共计145``). Such a cell
    is a value cell whose text is invalid (``l12``, ``约12``, ``3、850``, ``12 13``)."""
    if (
        _DIGIT.search(text) is None
        or _NUMBER_CELL.fullmatch(text) is not None
        or _NUMBERING.match(text) is not None
        or len(_NUMBER_LIKE.sub("", text)) > MAX_NOT_A_NUMBER_EXTRA
    ):
        return False
    if _WORDED_NUMBER.fullmatch(text):
        return True
    ideographs = _IDEOGRAPH.finditer(text)
    return next(ideographs, None) is None or next(ideographs, None) is None


def not_given(text: str) -> bool:
    """Whether a cell's text says "not given": blank, or a placeholder (``—``, ``/``, ``无``).
    Such a cell is a printed blank, never 0 and never missing."""
    text = text.strip()
    return not text or _PLACEHOLDER_CELL.fullmatch(text) is not None


#: A piece of an amount a narrow cell cut at its decimal point (``12.`` over ``5``, ``0``
#: over ``.0913``): no number, nor a label's numbering, but digits that go on.
_POINT_CUT = re.compile(r"[+-]?\d+\.|\.\d+")


def cut_at_point(text: str) -> bool:
    """Whether a stripped word is a piece of an amount cut at its decimal point."""
    return _POINT_CUT.fullmatch(text) is not None


def is_number(text: str) -> bool:
    """Whether a stripped cell text is a number (not a placeholder, not a label)."""
    return _NUMBER_CELL.fullmatch(text) is not None


def number(text: str) -> Decimal | None:
    """The signed number in ``text`` (units ignored), or ``None`` for blanks, placeholders
    and numbers too long to be a value."""
    match = _NUMBER_CELL.fullmatch(text)
    if match is None:
        return None
    digits = match["digits"].replace(",", "")
    if len(digits.partition(".")[0]) > MAX_DIGITS:
        return None
    value = Decimal(digits)
    return -value if match["sign"] == "-" else value


def unit_kind(text: str) -> Kind | None:
    """The kind of column a number's printed unit names: ``money`` for a money unit
    (``30.25万元``), ``count`` for a count unit (``2个``, ``5件``); ``None`` for a number with
    no unit, or text that is no number."""
    if _plain(text):
        return None
    match = _NUMBER_CELL.fullmatch(text)
    if match is None:
        return None
    return "money" if match["unit"] else "count" if match["counted"] else None


def printed_unit(text: str) -> str | None:
    """The unit a number's text prints after it (``件``, ``万元``); ``None`` for a number
    with no unit, or text that is no number."""
    match = _NUMBER_CELL.fullmatch(text)
    return None if match is None else match["unit"] or match["counted"]


@lru_cache(maxsize=1 << 10)
def convert(text: str, kind: Kind, header_unit: str | None) -> tuple[Value | None, str | None]:
    """Convert a cell's text to the value of a column of ``kind``.

    Returns ``(value, problem)``: ``problem`` is a diagnostic code (``invalid-value``,
    ``unit-unknown``) or ``None``. Money is returned in 万元, from the unit printed in the cell
    or else in the column header (``header_unit``); with no unit it is returned as printed.
    A count may carry a count unit (``12件``), never a money unit; money never a count unit.
    """
    if kind != "money" and _plain(text):
        return int(text), None
    if is_unread(text):
        return None, "ocr-disagree"
    match = _NUMBER_CELL.fullmatch(text)
    if match is None:
        return None, (None if not text or _PLACEHOLDER_CELL.fullmatch(text) else "invalid-value")
    digits = match["digits"].replace(",", "")
    if len(digits.partition(".")[0]) > MAX_DIGITS:  # 1,000,000,000,000,000: no real count
        return None, "invalid-value"
    value = Decimal(digits)
    if match["sign"] == "-":
        value = -value
    if kind == "money":
        if match["counted"]:
            return None, "invalid-value"
        unit = match["unit"] or header_unit
        if unit is None:
            return value, ("unit-unknown" if value else None)
        return value / MONEY_UNITS[unit], None
    if match["unit"] or value != value.to_integral_value():
        return None, "invalid-value"
    return int(value), None


def count_values(cells: Iterable[str]) -> list[Value | None]:
    """The values ``convert`` gives cells of count columns (``None`` for a blank, a
    placeholder or an invalid text): a dict lookup per cell once a text is known."""
    return list(map(_COUNT_VALUES.__getitem__, cells))


def _count_value(text: str) -> Value | None:
    return convert(text, "count", None)[0]


_COUNT_VALUES = Memo(_count_value, len)
