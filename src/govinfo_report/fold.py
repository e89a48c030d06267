"""Folding: the characters that print the same as plain ones (full-width ASCII, odd spaces,
Kangxi and CJK radicals) mapped to those, one character to one, so that positions keep.

A no-break space is folded too, but where it stood is kept apart (``no_break_spaces``): in
the text of a page run together (BeautifulSoup's ``get_text()``, lxml's ``text_content()``) a
table cell printed ``&nbsp;`` is one, the only trace of a printed blank.
"""

from __future__ import annotations

import re
import unicodedata

#: Full-width ASCII (！ to ～) to ASCII, and the odd spaces to a plain space.
_FOLD_TEXT: dict[str, str] = {chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
_FOLD_TEXT.update(dict.fromkeys("\u3000\u00a0\u200b\ufeff\u2002\u2003", " "))
#: The minus and plus signs that are not ASCII's (the minus sign, the small forms) to
#: ASCII's, as the full-width ones are: a number's sign is ``+`` or ``-`` to ``cells``.
_FOLD_TEXT.update({"\u2212": "-", "\ufe63": "-", "\ufe62": "+"})
#: Kangxi radicals (⼆ ⼈ ⾏ …), which PDF text extraction gives for the ideographs (二 人 行 …)
#: when a font maps those glyphs to them, to the ideographs (their NFKC forms).
_FOLD_TEXT.update(
    {chr(code): unicodedata.normalize("NFKC", chr(code)) for code in range(0x2F00, 0x2FD6)}
)
#: CJK radicals (supplement) shaped as whole simplified characters, which PDF fonts give the
#: same way (人⺠政府 for 人民政府); Unicode has no decomposition for most of them.
_RADICALS = (
    "⺟母⺠民⻄西⻅见⻆角⻉贝⻋车⻓长⻔门⻘青⻙韦⻚页⻛风⻜飞"
    "⻝食⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻬齐⻮齿⻰龙⻳龟"
)
_FOLD_TEXT.update(zip(_RADICALS[::2], _RADICALS[1::2], strict=True))
_FOLDABLE = re.compile("[" + "".join(_FOLD_TEXT) + "]")
#: An ideographic space between two digits: typed into a number (``1　097``), it is folded to a
#: thin space, which keeps the digits one word in loose text (``layouts.base.INSIDE_SPACE``),
#: not to a plain space, which would cut the number into two cells.
_IDEOGRAPHIC_IN_NUMBER = re.compile(r"(?<=\d)\u3000(?=\d)")


#: A no-break space: a page's ``&nbsp;``.
NO_BREAK_SPACE = "\u00a0"


def no_break_spaces(text: str) -> frozenset[tuple[int, int]]:
    """Where ``text``'s no-break spaces are, as 0-based ``(line, column)`` of its lines once
    its newlines are unified (``fold`` keeps both); empty, at C speed, for a text with none."""
    if NO_BREAK_SPACE not in text:
        return frozenset()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    found = []
    line, start, seen = 0, 0, 0  # the line, where it begins, how far newlines are counted
    at = text.find(NO_BREAK_SPACE)
    while at >= 0:
        newlines = text.count("\n", seen, at)
        if newlines:
            line += newlines
            start = text.rfind("\n", seen, at) + 1
        found.append((line, at - start))
        seen = at + 1
        at = text.find(NO_BREAK_SPACE, seen)
    return frozenset(found)


def fold(text: str) -> str:
    """Fold full-width ASCII characters, unusual spaces and Kangxi and CJK radicals to their
    plain forms (an ideographic space between digits to a thin space)."""
    # ``str.translate`` looks every character up in a dict; a report holds a dozen
    # distinct foldable characters, so replacing each of those is several times faster. A
    # folded character is never foldable, so the search goes on from where it stopped.
    if "\u3000" in text:
        text = _IDEOGRAPHIC_IN_NUMBER.sub("\u2009", text)
    match = _FOLDABLE.search(text)
    while match is not None:
        char = match.group()
        text = text.replace(char, _FOLD_TEXT[char])
        match = _FOLDABLE.search(text, match.start())
    return text
