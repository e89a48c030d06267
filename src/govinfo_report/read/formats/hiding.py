"""What an HTML page hides from its reader, and what may hide: a page's anti-copy text (a
digit a CMS slips into a number and hides) must never become digits of the number.

Each element is ``HIDDEN`` (its text is no text of the page: ``display:none``,
``visibility:hidden``, ``hidden``, ``aria-hidden``, a class a ``<style>`` rule of the page
hides, ``font-size:0``, ``opacity:0``, white text on no background, text placed off-screen,
struck text ``<del>``/``<s>``/``<strike>``, ruby's ``<rt>``/``<rp>``), ``PLAIN`` (formatting
that changes nothing of what is read: a font, a weight, a link) or ``DOUBTFUL`` (it may hide
or move its text, and we cannot tell: a class no rule of the page declares, a position, a
clip, white text on a background, an unknown element). A doubtful element's boundary inside
a run of digits separates two tokens (``863`` + ``9`` is ``863 9``, no valid value, never
8639); a plain one's does not (Word's runs split a number by font).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Literal, TypeVar

if TYPE_CHECKING:
    from lxml.html import HtmlElement

Verdict = Literal["hidden", "doubtful", "plain"]
#: What declarations alone tell: a verdict, or white text (hidden unless on a background).
Styled = Literal["hidden", "doubtful", "plain", "white"]
HIDDEN: Verdict = "hidden"
DOUBTFUL: Verdict = "doubtful"
PLAIN: Verdict = "plain"

#: Elements whose text the page strikes out or shows only as ruby annotation.
_HIDING_TAGS = frozenset({"del", "s", "strike", "rt", "rp"})
#: Inline elements that only format their text.
_FORMATTING = frozenset(
    {
        "a",
        "abbr",
        "acronym",
        "b",
        "bdi",
        "bdo",
        "big",
        "cite",
        "code",
        "data",
        "dfn",
        "em",
        "font",
        "i",
        "ins",
        "kbd",
        "mark",
        "nobr",
        "q",
        "ruby",
        "samp",
        "small",
        "span",
        "strong",
        "time",
        "tt",
        "u",
        "var",
        "wbr",
    }
)
_DECLARATION = re.compile(r"([-\w]+)\s*:\s*([^;]*)")
_RULE = re.compile(r"([^{}]*)\{([^{}]*)\}")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_SIMPLE = re.compile(r"[\w-]*([.#])([\w-]+)")
_NAMED = re.compile(r"([.#])([\w-]+)")
_LENGTH = re.compile(r"(-?\d*\.?\d+)\s*([a-z%]*)")
#: White and near-white colours: text the page's white background hides.
_WHITE = re.compile(
    r"white|#(?:f[ef]){3}\b|#f[ef]f\b"
    r"|rgba?\(\s*(?:2(?:4\d|5[0-5])\s*,\s*){2}2(?:4\d|5[0-5])\s*(?:,\s*[\d.]+\s*)?\)",
    re.IGNORECASE,
)
_BACKGROUND = ("background", "background-color")
#: Properties that may hide or move text where we cannot tell (they need the page's layout).
_DOUBTFUL_PROPERTIES = frozenset({"position", "clip", "clip-path", "transform", "z-index"})
#: Offsets that put text off-screen: the usual ``-9999px``.
_OFF_SCREEN = frozenset({"left", "top", "text-indent", "margin-left", "margin-top", "right"})
_FAR = 100.0


class Visibility:
    """What each element of one page shows, with the page's ``<style>`` rules read once."""

    def __init__(self, root: HtmlElement) -> None:
        self._named: dict[str, Verdict] = {}
        self._external = False
        for element in root.iter("style", "link"):
            if element.tag == "link":
                rel = (element.get("rel") or "").lower()
                self._external = self._external or "stylesheet" in rel
            else:
                self._read_rules(element.text_content())

    def _read_rules(self, sheet: str) -> None:
        sheet = _COMMENT.sub("", sheet)
        self._external = self._external or "@import" in sheet
        for selectors, block in _RULE.findall(sheet):
            verdict = declared(block, white_shows=False)
            for selector in selectors.split(","):
                simple = _SIMPLE.fullmatch(selector.strip())
                named = [simple.groups()] if simple else _NAMED.findall(selector)
                # A rule on a name inside a longer selector applies to some elements only.
                seen = verdict if simple or verdict == PLAIN else DOUBTFUL
                for mark, name in named:
                    key = mark + name
                    self._named[key] = _worst(self._named.get(key, PLAIN), seen)

    def of(self, element: HtmlElement) -> Verdict:
        """What ``element`` does to its text."""
        tag = element.tag
        if not isinstance(tag, str) or tag in _HIDING_TAGS:
            return HIDDEN
        # The attributes it has, looked up only where there (most of a page's have one or
        # none: each lookup decodes a name and a value, a third of this call).
        given = element.keys()
        if "hidden" in given or (
            "aria-hidden" in given and element.get("aria-hidden").strip().lower() == "true"
        ):
            return HIDDEN
        style = element.get("style") if "style" in given else ""
        if tag == "font" and "color" in given and (colour := element.get("color")):
            style = f"color:{colour};{style}"
        styled = _styled(style) if style else PLAIN
        verdict = _resolved(styled, lambda: _on_background(element))
        if verdict == HIDDEN:
            return verdict
        for name in _names(element, given):
            found = self._named.get(name)
            if found is None:
                found = DOUBTFUL if self._external else PLAIN
            verdict = _worst(verdict, found)
        if verdict == PLAIN and tag not in _FORMATTING and ":" not in tag:
            return DOUBTFUL  # an image or an unknown element between digits (Word's o:p: plain)
        return verdict

    def hidden(self, element: HtmlElement) -> bool:
        """Whether ``element``'s text is no text of the page."""
        return self.of(element) == HIDDEN


def declared(block: str, white_shows: bool) -> Verdict:
    """What CSS declarations (a ``style`` attribute, a rule's block) do to text; white text
    shows where the element or one around it has a background (``white_shows``), or the
    declarations set one."""
    return _resolved(_styled(block), lambda: white_shows)


def _resolved(styled: Styled, on_background: Callable[[], bool]) -> Verdict:
    """``styled`` as a verdict: white text hidden unless ``on_background()``."""
    if styled == "white":
        return DOUBTFUL if on_background() else HIDDEN
    return styled


#: White text on no background the declarations set: hidden unless one around it does.
WHITE: Styled = "white"


@lru_cache(maxsize=4096)  # a page repeats a few styles on thousands of elements
def _styled(block: str) -> Styled:
    """What declarations do to text, white text apart (``WHITE``)."""
    verdict: Styled = PLAIN
    declarations = _DECLARATION.findall(block)
    for name, value in declarations:
        found = _declaration(name.lower(), value.strip().lower())
        if found == HIDDEN:
            return HIDDEN
        verdict = _worst(verdict, found)
    if verdict == WHITE and any(name.lower() in _BACKGROUND for name, _ in declarations):
        return DOUBTFUL
    return verdict


def _declaration(name: str, value: str) -> Styled:
    if name == "display":
        return HIDDEN if value.startswith("none") else PLAIN
    if name == "visibility":
        return HIDDEN if value.startswith(("hidden", "collapse")) else PLAIN
    if name == "mso-hide":
        return HIDDEN if value.startswith("all") else PLAIN
    if name == "font-size":
        size = _length(value)
        return HIDDEN if size is not None and size[0] <= (1 if size[1] else 0.1) else PLAIN
    if name == "opacity":
        size = _length(value)
        return HIDDEN if size is not None and size[0] < 0.05 else PLAIN
    if name == "color":
        return WHITE if _WHITE.match(value) else PLAIN
    if name in ("text-decoration", "text-decoration-line"):
        return HIDDEN if "line-through" in value else PLAIN
    if name in _OFF_SCREEN:
        size = _length(value)
        return HIDDEN if size is not None and size[0] <= -_FAR else PLAIN
    if name in _DOUBTFUL_PROPERTIES:
        return PLAIN if value.startswith(("static", "relative", "none", "auto", "0")) else DOUBTFUL
    return PLAIN


def _length(value: str) -> tuple[float, str] | None:
    """A CSS length or number: its value, and its unit (``""`` for none or an unknown one)."""
    match = _LENGTH.match(value)
    if match is None:
        return None
    unit = match.group(2) if match.group(2) in ("px", "pt") else ""
    return float(match.group(1)), unit


def _names(element: HtmlElement, given: list[str]) -> list[str]:
    """The class and id selectors of ``element``, whose attributes' names are ``given``."""
    names = [f".{name}" for name in element.get("class").split()] if "class" in given else []
    if "id" in given and (identifier := element.get("id")):
        names.append(f"#{identifier.strip()}")
    return names


def _on_background(element: HtmlElement) -> bool:
    """Whether ``element`` or one around it sets a background (white text may show there)."""
    for around in (element, *element.iterancestors()):
        if around.get("bgcolor") or any(
            name in (around.get("style") or "").lower() for name in _BACKGROUND
        ):
            return True
    return False


_RANK = {PLAIN: 0, DOUBTFUL: 1, WHITE: 2, HIDDEN: 3}
_Kind = TypeVar("_Kind", Verdict, Styled)


def _worst(first: _Kind, second: _Kind) -> _Kind:
    return first if _RANK[first] >= _RANK[second] else second
