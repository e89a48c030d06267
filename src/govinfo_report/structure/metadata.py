"""Report metadata from the text: organisation, year and title line from the front block
(the title, a site's metadata block above it), the signature date at the end, the
template version from the tables' labels."""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from itertools import islice
from typing import NamedTuple

from .. import labels
from ..cells import is_number, not_given
from ..diagnostics import Diagnostic, diagnostic
from ..limits import MAX_FRONT_LINE_CHARS, MAX_FRONT_LINES, MAX_LINE_CHARS
from .skeleton import Skeleton

_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "O": "0"}
_YEAR = r"(?:19|20)\d{2}|[〇零一二三四五六七八九O]{4}"
_TITLE = re.compile(rf"(?P<organisation>.*?)(?P<year>{_YEAR})年度?(?P<rest>.+)")
_HAS_YEAR = re.compile(rf"(?:{_YEAR})年")
_CN_NUMBER = r"[\d一二三四五六七八九十]{1,3}"
_DATE = re.compile(rf"(?P<year>{_YEAR})年(?P<month>{_CN_NUMBER})月(?P<day>{_CN_NUMBER})日")
#: A date with spaces between its numbers and their characters, as ``pdftotext`` prints a
#: Word PDF's (``2021 年 1 月 12 日``), and pdfplumber's layout text, spaced to the glyphs'
#: places (``2024  年  1 月 6 日``).
_SPACED_DATE = rf"(?:{_YEAR})[ ]*年[ ]*{_CN_NUMBER}[ ]*月[ ]*{_CN_NUMBER}[ ]*日"
#: A date as a site's metadata block gives it: ``2021-02-09``, ``2021/2/9 10:30``,
#: ``2021年02月09日``.
_PAGE_DATE = re.compile(
    rf"(?P<year>{_YEAR})\s*[-/.年]\s*(?P<month>{_CN_NUMBER})\s*[-/.月]\s*"
    rf"(?P<day>{_CN_NUMBER})(?!\d)"
)
_HEADING = re.compile(r"[一二三四五六七八九十]{1,2}[、.]")
#: Punctuation of a sentence or of a label: never in a title.
_SENTENCE = re.compile(r"[。，,；;：:！!？?、《》“”]")
#: Never in a body's name: sentence punctuation, digits, Latin letters.
_NOT_ORGANISATION = re.compile(r"[。，,；;：:！!？?、《》“”0-9A-Za-z]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
#: Markdown and table marks (``# 标题``, ``**…**``, ``| cell |``, ``> quote``): never in a
#: title or a body's name (``_unmarked``). Rule characters and book-title marks are dropped
#: at the ends.
_MARKUP = re.compile(r"[#*|>_`]")
_ENDS = "-=~—《》"

_FIELD_KIND = {label: kind for kind, names in labels.PAGE_FIELDS.items() for label in names}
#: A field of a site's metadata block: its label after the start of the line or a cell
#: border, then a colon or a cell border (a tab, ``|``, two spaces, the line's end).
_FIELD = re.compile(
    r"(?<![^\s|>*#\[【])(?P<label>"
    + "|".join(map(re.escape, sorted(_FIELD_KIND, key=len, reverse=True)))
    + r")(?:[ \t]*[:：]|(?=\t|[ ]*\||[ ]*$|[ ]{2}))"
)
_CELL = re.compile(r"\t|\||\s{2,}")
_TITLE_LABEL = re.compile(
    "^(?:" + "|".join(map(re.escape, labels.PAGE_FIELDS["title"])) + ")[:：]?"
)

#: How long a title or organisation may be (spaces removed).
MAX_TITLE_CHARS = 80
MAX_ORGANISATION_CHARS = 40
#: How many distinct legacy heading words make a report legacy.
LEGACY_EVIDENCE = 2


#: A title found in the front block: the body it names (``None``: none), its year, its line.
Title = tuple[str | None, int, int]


class Front(NamedTuple):
    """What the front block tells: the body, the reporting year and the title's line (all
    ``None`` when there is no title; the body may still come from a site's metadata
    block), the date the metadata block gives (``None``: none; ``report_front`` puts the
    report's date there, the signature's first), and every line of it that
    reads as a title (``titles``: a page's links to the body's other reports and its
    breadcrumb stand above the title, as text extractions print a page's navigation)."""

    organisation: str | None
    year: int | None
    line: int | None
    published: datetime.date | None
    titles: tuple[Title, ...] = ()
    #: Whether a line of it is a page's navigation (a bulleted link, a breadcrumb).
    navigated: bool = False


def _compact(line: str) -> str:
    return "".join(line.split())


def _clean(line: str) -> str:
    """A line without spaces, Markdown and table marks, or a leading title label."""
    return _TITLE_LABEL.sub("", _unmarked(_compact(line)).strip(_ENDS), count=1)


def _unmarked(text: str) -> str:
    """``text`` without its Markdown and table marks (``_MARKUP``), deleted by a pattern:
    ``str.translate`` looks each character up in its table, and each character it does not
    map (CJK text's every one) raises and clears a ``KeyError`` (about 800 instructions a
    character, ten times a pattern's scan)."""
    return _MARKUP.sub("", text)


def _number(text: str) -> int:
    """An Arabic or Chinese numeral (``2021``, ``二〇二一``, ``十九``, ``二十``)."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return int(_CN_DIGITS.get(tens, "1") if tens else "1") * 10 + (
            int(_CN_DIGITS[ones]) if ones else 0
        )
    return int("".join(_CN_DIGITS[c] for c in text))


def _date(match: re.Match[str] | None) -> datetime.date | None:
    if match is None:
        return None
    try:
        return datetime.date(_number(match["year"]), _number(match["month"]), _number(match["day"]))
    except ValueError:
        return None


def _organisation(text: str) -> str | None:
    """``text`` if it can be a body's name: short, plain, neither page furniture nor a
    title (a trailing ``关于`` dropped)."""
    for joiner in labels.TITLE_JOINERS:
        text = text.removesuffix(joiner)
    if (
        not 2 <= len(text) <= MAX_ORGANISATION_CHARS
        or _NOT_ORGANISATION.search(text)
        or not _HAN.search(text)
        or text in labels.PAGE_FURNITURE
        or text.startswith(labels.PROSE_OPENERS)
        or any(word in text for word in labels.TITLE_KEYWORDS)
        or any(word in text for word in labels.NOT_IN_A_NAME)
    ):
        return None
    return text


def _named_after_year(rest: str) -> str:
    """The body a title names after its year, before the report's name
    (``上海市人民政府办公厅`` in ``上海市人民政府办公厅政府信息公开工作年度报告``)."""
    cut = min((i for word in labels.TITLE_SUBJECTS if (i := rest.find(word)) >= 0), default=0)
    head = rest[:cut]
    body = head.removesuffix(labels.GOVERNMENT)
    return head if body.endswith(labels.PLACE_ENDINGS) else body


def _title_match(candidate: str) -> re.Match[str] | None:
    """The title's parts, if ``candidate`` is a title: a year, then a report's name; no
    sentence."""
    if len(candidate) > MAX_TITLE_CHARS or _SENTENCE.search(candidate):
        return None
    match = _TITLE.match(candidate)
    if match and any(word in match["rest"] for word in labels.TITLE_KEYWORDS):
        return match
    return None


def _title(candidate: str, following: str, previous: str | None) -> tuple[str | None, int] | None:
    """``(organisation, year)`` if ``candidate`` is a title, or starts one that ``following``
    ends (a title split over two lines). The body is named before the year, else after it,
    else on the line before (``previous``)."""
    if len(candidate) > MAX_TITLE_CHARS:
        return None
    match = _title_match(candidate)
    if match is None and following and _HAS_YEAR.search(candidate):
        match = _title_match(candidate + following)
    if match is None:
        return None
    organisation = (
        _organisation(match["organisation"])
        or _organisation(_named_after_year(match["rest"]))
        or previous
    )
    return organisation, _number(match["year"])


#: What parts a page's text on one line: spaces, and the ``_`` or ``|`` between the parts of
#: a page's title (``XX局2022年度…年度报告_政府信息公开年报_XX县人民政府``).
_PARTS = re.compile(r"\s+|[_|]+")


def _inline_titles(line: str) -> list[tuple[str | None, int]]:
    """``(organisation, year)`` of each part of ``line`` that is a title, or starts with one
    run into the text after it, those naming a body first: a whole page on one line
    (BeautifulSoup ``get_text(strip=True)``), its ``<title>``, heading and links among its
    words."""
    titles = [
        title
        for part in map(_run_into, _PARTS.split(line))
        if _HAS_YEAR.search(part)
        and len(part) <= MAX_TITLE_CHARS
        and (title := _title(_clean(part), "", None)) is not None
    ]
    return sorted(titles, key=lambda title: title[0] is None)


def _run_into(part: str) -> str:
    """``part``, or of a part too long for a title its head up to the first report's name
    (a title run into the text after it: ``XX局2023年…年度报告本报告根据…``)."""
    if len(part) <= MAX_TITLE_CHARS:
        return part
    ends = [at + len(word) for word in labels.RUNNING_TITLE if (at := part.find(word)) >= 0]
    return part[: min(ends)] if ends else part


def _fields(line: str, following: str) -> list[tuple[str, str]]:
    """The metadata fields on ``line``: ``(label, value)``, the value being the first cell
    after the label, or the next line when the label ends the line and that line holds no
    field (converters that put each cell on a line of its own)."""
    matches = list(_FIELD.finditer(line))
    fields = []
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
        value = _first_cell(line[match.end() : end])
        if not value and i + 1 == len(matches) and not _FIELD.search(following):
            value = _first_cell(following)
        fields.append((match["label"], value))
    return fields


def _first_cell(text: str) -> str:
    return next((cell for cell in map(str.strip, _CELL.split(_unmarked(text))) if cell), "")


#: A link of a page's list: a report's name and the day it went online right after it, the
#: bullet lost (``XX镇2020年政府信息公开年度报告2021-01-20``, pdfplumber's text of a
#: browser's PDF of the page's 相关阅读).
_LINK_DATED = re.compile(
    rf"(?:{'|'.join(labels.TITLE_KEYWORDS)})\s*[\[(（]?\s*(?:19|20)\d\d[-/.]\d{{1,2}}[-/.]\d{{1,2}}"
    r"\s*[\])）]?\s*$"
)


def _listed(line: str) -> bool:
    """Whether ``line`` is an item of a page's list of links (``· XX局2021年…年度报告``, or
    a report's name dated the day it went online, ``_LINK_DATED``) or its breadcrumb
    (``首页 > 政务公开 > 2021年``)."""
    start = line.lstrip()
    return (
        start.startswith(labels.LIST_BULLETS)
        or start.startswith(labels.BREADCRUMB_OPENERS)
        or _LINK_DATED.search(line) is not None
    )


def front(lines: Sequence[str]) -> Front:
    """What the front block ``lines`` (those before section 一; the first
    ``MAX_FRONT_LINES`` that are not blank, each its first ``MAX_FRONT_LINE_CHARS``) tell of
    the report.

    The title is the first line (or two lines) that holds a year and a report's name and
    is no sentence; a site's metadata block gives one as ``名称``/``标题``. The body is
    named before the title's year, or between the year and the report's name, or on the
    line before the title (a Markdown heading counts), else by the metadata block's
    ``发布机构``. The block's ``发布日期``/``发布时间`` is the date.
    """
    rows = list(
        islice(
            ((n, line[:MAX_FRONT_LINE_CHARS]) for n, line in enumerate(lines, 1) if line.strip()),
            MAX_FRONT_LINES,
        )
    )
    titles: list[Title] = []
    page: dict[str, str] = {}
    previous: str | None = None
    listed = [_listed(line) for _, line in rows]
    cleaned = [_clean(line) for _, line in rows]  # each line is read, and read as the next
    for i, (number, line) in enumerate(rows):
        following = rows[i + 1][1] if i + 1 < len(rows) else ""
        fields = _fields(line, following)
        for label, value in fields:
            if value:
                page.setdefault(label, value)
        if fields:
            candidate = next((_clean(v) for k, v in fields if _FIELD_KIND[k] == "title"), "")
        else:
            candidate = cleaned[i]
        title = None
        if candidate and not listed[i]:
            last = i + 1 == len(rows)
            ends = "" if last or _FIELD.search(following) or listed[i + 1] else cleaned[i + 1]
            title = _title(candidate, ends, previous)
            if title is not None:
                titles.append((*title, number))
        if title is None and len(_compact(line)) > MAX_TITLE_CHARS:
            titles.extend((*title, number) for title in _inline_titles(line))
        previous = None if fields else _organisation(candidate)
    body = next(
        (
            named
            for label in labels.PAGE_FIELDS["organisation"]
            if (named := _organisation(_clean(page.get(label, ""))))
        ),
        None,
    )
    date = next(
        (
            day
            for label in labels.PAGE_FIELDS["published"]
            if (day := _date(_PAGE_DATE.search(page.get(label, ""))))
        ),
        None,
    )
    navigated = any(listed)
    if not titles:
        return Front(body, None, None, date, (), navigated)
    organisation, year, number = titles[0]
    if organisation:
        organisation = _qualified(organisation, "".join(_compact(line) for _, line in rows))
    return Front(organisation or body, year, number, date, tuple(titles), navigated)


def settled(
    front: Front,
    period: int | None,
    signed: datetime.date | None,
    opened: int | None,
    shown: str | None = None,
) -> tuple[Front, str | None]:
    """``front`` with its year settled where its titles name several years (a page's links
    to the body's reports of other years above the title), and why, if it had to be: the
    year is the one the report's period sentence states (``period``), else the year before
    the date it was signed or published (``signed``); a title naming it is the title. Where
    no title names it, the year is the period sentence's, or missing when there is none. Where
    the only title's year is not the period sentence's, the title's stands, and that is told
    too; but where the year before the signature or the year section 一 opens with
    (``opened``: ``2022年，某县某局依法…``) is the period sentence's as well, the only title
    may be a page's link to another year's report above a text whose own title was lost:
    the year is missing then, told, as it is where a page's navigation (``navigated``)
    stands above the only title. A later title's year still stands where the signature is
    dated the year after it: a copy of last year's report edited ahead, its title and
    signature, not its period sentence (a link above a lost title dates nothing). The
    tables' labels (``shown``: the template whose labels alone they print) are named too
    where they are the period's template and not the title's."""
    years = sorted({year for _, year, _ in front.titles})
    if len(years) < 2:
        if period is not None and front.year is not None and period != front.year:
            told = f"the title (line {front.line}) names {front.year}, the period sentence {period}"
            agree = [
                what
                for what, year in (
                    ("the year before the signature date", signed.year - 1 if signed else None),
                    ("section 一's opening sentence", opened),
                )
                if year == period
            ]
            if (
                len(agree) == 2
                and shown is not None
                and template_of_year(period) == shown != template_of_year(front.year)
            ):
                agree.append(f"the tables' labels (the {shown} template)")
            # a copy edited ahead dates its signature ahead; a link above a lost title does
            # not, and a page's links stand among its navigation
            ahead = signed is not None and signed.year - 1 == front.year > period
            if (agree and not ahead) or front.navigated:
                also = f", as does {' and '.join(agree)}" if agree else ""
                nav = "; a page's navigation stands above the report" if front.navigated else ""
                return front._replace(year=None), (
                    f"{told}{also}{nav}: the title may be a page's link to the body's report of "
                    "another year; the year is missing"
                )
            return front, f"{told}; the title's year is kept"
        return front, None
    named = ", ".join(f"{year} (line {line})" for _, year, line in front.titles)
    evidence = period if period is not None else signed.year - 1 if signed else None
    source = "the period sentence's" if period is not None else "the year before it was signed"
    chosen = [title for title in front.titles if title[1] == evidence]
    if chosen:
        organisation, year, line = chosen[-1]
        why = f"the titles name {named}; the year is {year}, {source}"
        if organisation in (None, front.titles[0][0]):
            organisation = front.organisation  # as the first title named it, qualified
        return front._replace(organisation=organisation, year=year, line=line), why
    if period is not None:
        return front._replace(year=period), (
            f"the titles name {named}; none names the period sentence's {period}, the year taken"
        )
    return front._replace(year=None), (
        f"the titles name {named} and nothing in the report tells which is its own: the year "
        "is missing"
    )


#: A run of one or two higher places (``淮安市``, ``江苏省淮安市``) after a word or a mark
#: that ends what comes before it (``由``, ``与``, ``，``): a place name has no boundary of
#: its own in Chinese text, so only such a one is taken.
_HIGHER = (
    rf"(?:^|(?<=[{labels.PLACE_BOUNDARIES}]))"
    rf"((?:(?![{labels.PLACE_BOUNDARIES}])[\u4e00-\u9fff]{{2,4}}?(?:{'|'.join(labels.HIGHER_PLACES)})){{1,2}})"
)


def _qualified(organisation: str, text: str) -> str:
    """``organisation`` with the higher places the front block prints right before it (a
    title naming ``洪泽区人民政府`` in a report that says ``由淮安市洪泽区人民政府办公室编制``):
    the longest such name."""
    names = [
        match.group(1) + organisation
        for match in re.finditer(_HIGHER + re.escape(organisation), text)
    ]
    return max(
        (n for n in names if len(n) <= MAX_ORGANISATION_CHARS), key=len, default=organisation
    )


#: The period sentence's dates after one of its words: a range within one year
#: (``自2022年1月1日起至2022年12月31日止``, ``为2023年1月1日至12月31日``), a whole year
#: (``为2022年度。``), or a day it ends on (``截至2022年12月31日``).
_PERIOD = re.compile(
    rf"(?:{'|'.join(labels.PERIOD_WORDS)})[^。；;]{{0,12}}?(?P<year>{_YEAR})年"
    rf"(?:{_CN_NUMBER}月{_CN_NUMBER}日起?(?:至|到|[-—–~～])(?:(?P<end>{_YEAR})年)?"
    rf"{_CN_NUMBER}月{_CN_NUMBER}日|度?(?:全年)?(?=[。，,；;)]|$)|12月31日)"
)


def period_year(lines: Sequence[str]) -> int | None:
    """The reporting year the report's own period sentence states (``本报告所列数据的统计
    期限自2022年1月1日起至2022年12月31日止``), read in ``lines`` with spaces and line breaks
    removed; ``None`` when no such sentence is found, or its dates span two years."""
    match = _PERIOD.search("".join(map(_compact, lines)))
    if match is None or (match["end"] and match["end"] != match["year"]):
        return None
    return _number(match["year"])


_BODY_ENDING = "|".join(sorted(labels.BODY_ENDINGS, key=len, reverse=True))
_ACTION = "|".join(sorted(labels.BODY_ACTIONS, key=len, reverse=True))
#: The sentence that opens section 一 with the year and the body's name (``2022年，XX县XX局
#: 依法做好…``): the shortest name that ends as a body's does and is followed by what it did.
_OPENING = re.compile(
    rf"(?:^|[。；;])(?P<year>{_YEAR})年度?(?:以来)?[，,]"
    rf"(?P<name>[\u4e00-\u9fff]{{1,{MAX_ORGANISATION_CHARS}}}?(?:{_BODY_ENDING}))(?:{_ACTION})"
)
_PLACE_ENDING = "".join(ending for ending in labels.PLACE_ENDINGS if len(ending) == 1)
#: A place's name and ending (``某县`` in ``某县某局``) first: a body named in a sentence names
#: its place (``县政府办公室``, ``区数据管理局`` name none).
_PLACE = re.compile(f"[^{_PLACE_ENDING}].*?[{_PLACE_ENDING}]")
#: A signature: the body's name, then the date.
_SIGNED = re.compile(rf"(?P<name>.*?)(?:{_DATE.pattern})")


def _body_name(text: str) -> str | None:
    """``text`` if it is a body's name: plain and short, ending as one does, not opening with
    a word that names none (``我局``, ``本机关``)."""
    name = _organisation(text)
    if (
        name is None
        or not re.search(rf"(?:{_BODY_ENDING})$", name)
        or name.startswith(labels.NOT_A_NAME)
    ):
        return None
    return name


#: The labels of the tables' last columns and rows, where a line after the signature is
#: looked up (``_signed_end``).
_TABLE_LABELS = "\n".join(
    [
        *(
            label
            for table in (labels.APPLICANT_COLUMNS, labels.APPEAL_GROUPS, labels.APPEAL_OUTCOMES)
            for names in table.values()
            for label in names
        ),
        *labels.TABLE_FURNITURE,
    ]
)


#: A line of a site's page footer (``labels.SITE_FOOTER``), or a piece of its ICP number
#: that the text's layout set apart (``备16655764号``).
_FOOTER = re.compile("|".join([*labels.SITE_FOOTER, r"备\d+号"]))
#: A date as a signature writes it, anywhere: a footer's line holding one holds the signature
#: too (a page's text on one line), and is kept.
_ANY_DATE = re.compile(_SPACED_DATE)


#: The last pieces of a date (``19 日``, ``1 月 19 日``): a day, maybe with its month.
_DATE_END = re.compile(r"(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日")
#: A page's header or footer as a whole line (``labels.PAGE_MARKER``): a PDF's page break may
#: fall inside the signature (a browser's ``file:///…/report.html  8/9`` and date line).
_PAGE_MARKER_LINE = re.compile(labels.PAGE_MARKER)


#: A Markdown table's rule line (``| --- | :---: |``): no text.
_PIPE_RULE = re.compile(r"[\s|:-]*-[\s|:-]*")


def _unpiped(line: str) -> str:
    """``line``, or of a Markdown table's row its cells' words apart by one space each:
    markitdown's PDF text lays the lines of a page into a form's cells by where their words
    stand (``| 区石门镇政府 2021 |  | 年 | 1 月 25 | 日 |``), the signature's too; a rule
    line is blank."""
    if "|" not in line:
        return line
    return "" if _PIPE_RULE.fullmatch(line) else " ".join(line.replace("|", " ").split())


def _signed_end(lines: Sequence[str]) -> list[str]:
    """The lines that are neither blank nor a page's header or footer, up to the last that
    is no piece of a table nor of a site's page footer: plain pdftotext's flow may print a
    page's last table blocks after the signature, a number, a placeholder (``—``) or a
    piece of a label a line (``总`` / ``计`` / ``1`` / ``复议后起诉``); a page's text ends
    with the site's footer, which ``pdftotext -layout`` may spread over more lines
    (``备16655764号`` / ``ICP``), a line of it holding no date as a signature writes it.
    A Markdown table's rows are read as their words (``_unpiped``)."""
    return _table_tail_dropped(_printed(lines))


def _printed(lines: Sequence[str]) -> list[str]:
    """``lines`` but the blank ones and a page's headers and footers, a Markdown table's
    rows as their words."""
    return [
        line
        for line in map(_unpiped, lines)
        if line.strip() and not (len(line) <= MAX_LINE_CHARS and _PAGE_MARKER_LINE.fullmatch(line))
    ]


def _table_tail_dropped(kept: list[str]) -> list[str]:
    """``kept`` (``_printed``) up to the last line that is no piece of a table nor of a
    site's page footer (``_signed_end``). PyMuPDF's sorted text of Word's PDF runs the
    page's footer onto the signature's last line: a footer's line keeps the date before it
    (``2021 年1 月28 日主办：…``), or its last pieces (``…建设局 2021 年1 月`` /
    ``19 日主办：…``)."""
    while kept and len(kept[-1]) <= MAX_LINE_CHARS:  # a piece is short: a long line is whole
        line = kept[-1]
        footer = _FOOTER.search(line)
        dates = list(_ANY_DATE.finditer(line)) if footer is not None else []
        if dates:  # the signature, the footer run onto its line after it: cut off
            after = _FOOTER.search(line, dates[-1].end())
            kept[-1] = line if after is None else line[: after.start()].rstrip()
            break
        if footer is not None:
            head = line[: footer.start()].strip()
            if _DATE_END.fullmatch(head):
                kept[-1] = head
                break
        elif not (is_number(line.strip()) or not_given(line) or _compact(line) in _TABLE_LABELS):
            break
        kept.pop()
    return kept


def _last(lines: Sequence[str]) -> list[str]:
    """The last four lines that are not blank nor a table's piece after the signature, but
    for those too long to be a signature's: a line longer than ``MAX_LINE_CHARS`` is prose
    only (``limits``)."""
    return [line for line in _signed_end(lines)[-4:] if len(line) <= MAX_LINE_CHARS]


def named_body(opening: Sequence[str], closing: Sequence[str]) -> str | None:
    """The body a text without a title names: in its signature (the name on the line before
    the date that ends the report, or before it on that line, or the name that signs the
    last paragraph with the date that ``published`` reads: ``…事项。 某局 2020年1月13日
    抄送：…``, trafilatura's text of a page that drops its title), else in the sentence that
    opens section 一 (``2022年，XX县XX局依法…``; ``opening``: its first lines), where the name
    must also name a place. Never ``我局``, ``本机关`` and the like: ``None`` then."""
    signed = list(map(_compact, _last(closing)))
    for at, line in enumerate(signed):
        match = _SIGNED.fullmatch(line)
        if match is None:
            continue
        name = _body_name(match["name"] or (signed[at - 1] if at else ""))
        if name is not None:
            return name
    for line in reversed(_signed_end(closing)[-4:]):
        if (after := _signed_after(_tail(line))) is not None:
            return _body_name(after["name"])
    match = _OPENING.search("".join([_compact(line[:MAX_LINE_CHARS]) for line in opening]))
    if match is None or not _PLACE.match(match["name"]):
        return None
    return _body_name(match["name"])


def opening_year(opening: Sequence[str]) -> int | None:
    """The year the sentence that opens section 一 names with the body's
    (``2022年，XX县XX局依法…``; ``opening``: the text's first lines), ``None`` without one."""
    match = _OPENING.search("".join([_compact(line[:MAX_LINE_CHARS]) for line in opening]))
    return None if match is None else _number(match["year"])


#: A signature at the end of a line, or of a paragraph of prose on it: after the line's start,
#: the sentence's end or a comma (PyMuPDF's sorted text joins the name to a last sentence that
#: prints no full stop: ``…，接受社会监督北塘县人民政府 2025 年2 月15 日``), the body's name,
#: then the date, then the line's end or a space (what follows is page furniture: a footer,
#: ``主办：…``).
_SIGNED_AFTER = re.compile(
    rf"(?:^|[。！!；;，,])\s*(?P<name>[^\s。！!；;，,：:]{{2,{MAX_ORGANISATION_CHARS}}}?)\s*"
    rf"(?P<date>{_SPACED_DATE})(?=\s|$)"
)
#: How far from the end of a long line (a page on one line) its signature is looked for.
SIGNATURE_CHARS = 2000


def published(lines: Sequence[str]) -> datetime.date | None:
    """The signature date: a line at the end of the report that holds only a date, or the
    date a body's name signs at the end of the last paragraph's line (``…特此报告。 某县档案馆
    2024年1月29日``, where a converter joined them), there or wrapped onto the next line
    with the name's end or the date's (``…和规划`` / ``局 2020年3月13日``, ``… 2021 年 1 月``
    / ``12 日``: w3m and pdftotext wrap a paragraph at the page's width), or ``年月日`` and
    its digits on two neighbouring lines, or with the signing name's line between
    (``_split_date``), or its pieces on three (``_scattered_date``), or its digits on the
    line under ``年``, ``月`` and ``日`` printed where they stand (``_slots_filled``); a
    page's header or footer in between is passed over. Kangxi radicals read as the
    ideographs (``⽉``, ``⽇``: pdfminer's text of a browser's PDF; ``read.source`` folds
    them)."""
    printed = _printed(lines)
    kept = _table_tail_dropped(list(printed))
    found = _last_date(kept)
    if found is None and (filled := _slots_filled(printed)) is not None:
        found = _last_date(_table_tail_dropped(filled))
    return found if found is not None else _scattered_date(kept[-SCATTERED_LINES:])


def _last_date(kept: Sequence[str]) -> datetime.date | None:
    """``published`` of the report's last lines ``kept``, but for scattered pieces."""
    for at in range(len(kept) - 1, max(len(kept) - 4, 0) - 1, -1):
        line = kept[at]
        if len(line) <= MAX_LINE_CHARS and (match := _DATE.fullmatch(_compact(line))):
            return _date(match)
        if at and (split := _split_date(kept[max(at - 2, 0) : at], line)) is not None:
            return split
        signed = _signature(_tail(line))
        if signed is None and at and len(line) <= MAX_LINE_CHARS:
            signed = _signature(_tail(kept[at - 1].rstrip() + line.strip()))
        if signed is not None:
            return signed
    return None


#: A ``年``, ``月`` or ``日`` whose digits were printed apart from it: at its line's start or
#: after a space (``扎实做好 年政府…。 某委员会 年 月``; never ``全年``).
_SLOT = re.compile(r"(?:^|(?<=\s))[年月日]")
#: How many of the last lines ``_slots_filled`` looks at: a site's footer may follow.
_FILL_LINES = 12
#: A line of nothing but numbers (``2023 2023 3``).
_NUMBERS_LINE = re.compile(r"\s*\d{1,4}(?:\s+\d{1,4})*\s*")


def _slots_filled(printed: Sequence[str]) -> list[str] | None:
    """The report's lines ``printed`` (``_printed``), of the last ``_FILL_LINES``, with the
    numbers of lines of numbers alone put back before the ``年``, ``月`` and ``日`` that
    stand apart (``_SLOT``) on the lines about them, one each in order, where a run of
    such lines (``_filled_run``) holds as many numbers as slots, its lines then one:
    pdfplumber prints a browser's PDF so, the digits in their own font on the line under
    the characters (``…扎实做好 年政府信息公开工作。 某委员会 年 月`` / ``2023 2023 3`` /
    ``日`` / ``20``), and pdfminer with the line's last slots under the digits (``…政府
    年 月`` / ``2021 1 15`` / ``日``; ``我镇 年度…。 某镇政府`` / ``2020 2021`` / ``年 月 日``
    / ``2 27``). ``None`` where no line is so filled."""
    lines = list(printed)
    filled = False
    end = len(lines) - 1
    lowest = max(len(lines) - _FILL_LINES, 0)
    while end > lowest:
        run = _filled_run(lines, lowest, end)
        if run is None:
            end -= 1
            continue
        start, line = run
        lines[start : end + 1] = [line]
        filled = True
        end = start - 1
    return lines if filled else None


#: The most lines a run of slots and their numbers spans (``_filled_run``).
_RUN_LINES = 4


def _filled_run(lines: Sequence[str], lowest: int, end: int) -> tuple[int, str] | None:
    """The shortest run of ``lines`` ending at ``end`` (from ``lowest`` on, at most
    ``_RUN_LINES``), each line either numbers alone or slots, some of each, as many
    numbers as slots: the run's lines of slots, each number put before its slot in order,
    as one line. A run starts with a line of slots, or with numbers whose slots all follow
    (pdfplumber's ``2023`` / ``年 月 日`` / ``1 24``: the year's digits above the characters,
    the month's and day's under them)."""
    slots: list[tuple[int, re.Match[str]]] = []
    numbers: list[str] = []
    texts: dict[int, str] = {}  # the run's lines of slots
    for start in range(end, max(end - _RUN_LINES, lowest - 1), -1):
        if _NUMBERS_LINE.fullmatch(lines[start]):
            numbers[:0] = lines[start].split()
        elif found := list(_SLOT.finditer(lines[start])):
            slots[:0] = [(start, slot) for slot in found]
            texts[start] = lines[start]
        else:
            return None
        if slots and len(slots) == len(numbers):
            for (at, slot), number in zip(reversed(slots), reversed(numbers), strict=True):
                texts[at] = texts[at][: slot.start()] + number + texts[at][slot.start() :]
            return start, " ".join(texts[at] for at in sorted(texts))
    return None


#: How many of the last lines a signature date scattered over lines of its own is looked for in.
SCATTERED_LINES = 5
#: A line of nothing but a date's pieces: digits and ``年``, ``月``, ``日`` (``2020 3``, ``5日``).
_DATE_PIECES = re.compile(r"[\d\s年月日]*[\d年月日][\d\s年月日]*")


#: The most words a date's pieces take at a line's end (``2021 年 1 月 12 日``).
_PIECE_WORDS = 6


def _ending(line: str) -> tuple[list[str], str | None]:
    """The date's pieces that end ``line`` (``_DATE_PIECES``; none where more than
    ``_PIECE_WORDS`` words would be, a row of numbers) and the word before them (``None``:
    none). Only the line's last ``MAX_LINE_CHARS`` are split: a page on one line is long."""
    words = line[-MAX_LINE_CHARS:].split()[-_PIECE_WORDS - 1 :]
    cut = len(words)
    while cut and _DATE_PIECES.fullmatch(words[cut - 1]):
        cut -= 1
    if len(words) - cut > _PIECE_WORDS:
        return [], None
    return words[cut:], words[cut - 1] if cut else None


def _scattered_date(lines: Sequence[str]) -> datetime.date | None:
    """The signature date whose pieces stand apart among ``lines``, beside the signing
    body's name: a browser's PDF through ``pdftotext`` prints the digits, the day and
    ``年月`` at three baselines, on lines of their own or ending the name's line (``2020 3``
    above the paragraph's last line, which ends with the name, then ``5日`` and ``年月``).
    The pieces must hold three numbers, a year first, and each of ``年``, ``月``, ``日``
    once; ``None`` otherwise."""
    pieces: list[str] = []
    named = False
    for line in lines:
        ending, before = _ending(line)
        pieces += ending
        named = named or (before is not None and _body_name(before) is not None)
    text = " ".join(pieces)
    numbers = re.findall(r"\d+", text)
    if not named or len(numbers) != 3 or sorted(re.findall("[年月日]", text)) != sorted("年月日"):
        return None
    year, month, day = numbers
    return _date(_DATE.fullmatch(f"{year}年{month}月{day}日"))


def date_pieces(lines: Sequence[str]) -> str:
    """The pieces of a signature date (digits with ``年``, ``月`` or ``日``) that end the last
    ``SCATTERED_LINES`` lines, joined, where one holds such a character: a date the report
    signs but ``published`` could not put together; ``""`` where there are none."""
    text = " ".join(
        piece for line in _signed_end(lines)[-SCATTERED_LINES:] for piece in _ending(line)[0]
    )
    return text if re.search("[年月日]", text) else ""


#: A signature date's digits alone on a line (``2021 3 2``): pdftotext printed them apart
#: from ``年月日``, on the line above or below, where the two fonts' baselines differ.
_DATE_DIGITS = re.compile(r"\s*(?P<year>(?:19|20)\d{2})\s+(?P<month>\d{1,2})\s+(?P<day>\d{1,2})\s*")


#: A signature date's characters with no digits (``年月日``), alone on their line or ending
#: it after the signing body's name (``…工作。 某镇人民政府      年月 日``), compacted.
_DATE_CHARS = re.compile(r"(?:.*[^\d〇零一二三四五六七八九十])?年月日")


def _split_date(above: Sequence[str], line: str) -> datetime.date | None:
    """The date of ``line`` and the nearest of the lines ``above`` it, or the one before it
    past a line of no digit (the signing body's name, which plain pdftotext prints
    between): one holds ``年月日`` (``_DATE_CHARS``) and the other its digits, in either
    order; ``None`` otherwise."""
    for one in reversed(above):
        for chars, digits in ((one, line), (line, one)):
            if _DATE_CHARS.fullmatch(_compact(chars)) and (match := _DATE_DIGITS.fullmatch(digits)):
                return _date(match)
        if any(char.isdigit() for char in one):
            break
    return None


def _tail(line: str) -> str:
    """The end of ``line`` where a signature is looked for: all of it, or of a long line the
    sentences that start in its last ``SIGNATURE_CHARS``."""
    if len(line) <= SIGNATURE_CHARS:
        return line
    tail = line[-SIGNATURE_CHARS:]
    return tail[
        min((at for mark in "。！!；;" if (at := tail.find(mark)) >= 0), default=len(tail)) :
    ]


def _signature(line: str) -> datetime.date | None:
    """The date of the last signature that ends a paragraph on ``line``, if a body's name
    signs it."""
    match = _signed_after(line)
    return None if match is None else _date(_DATE.fullmatch(_compact(match["date"])))


def _signed_after(line: str) -> re.Match[str] | None:
    """The last signature that ends a paragraph on ``line`` (``_SIGNED_AFTER``) whose name is
    a body's."""
    for match in reversed(list(_SIGNED_AFTER.finditer(line))):
        if _body_name(match["name"]) is not None:
            return match
    return None


Hits = dict[str, list[tuple[str, int]]]


#: Any template's marker label, with any spacing between its characters (a label split over
#: lines counts); and the template each marker belongs to.
_MARKER = re.compile(
    "|".join(
        r"\s*".join(map(re.escape, marker))
        for markers in labels.TEMPLATE_MARKERS.values()
        for marker in markers
    )
)
_TEMPLATE_OF = {
    marker: name for name, markers in labels.TEMPLATE_MARKERS.items() for marker in markers
}


def template_markers(numbers: Sequence[int], lines: Sequence[str]) -> Hits:
    """Each template's marker labels in ``lines`` (line ``numbers[i]`` is ``lines[i]``), in
    order, with the line where each starts."""
    printed = "\n".join(lines)
    hits: Hits = {name: [] for name in labels.TEMPLATE_MARKERS}
    for match in _MARKER.finditer(printed):
        marker = "".join(match.group().split())
        hits[_TEMPLATE_OF[marker]].append((marker, numbers[printed.count("\n", 0, match.start())]))
    return hits


def template_of_year(year: int | None) -> str | None:
    """The template in force for a reporting year (``None``: unknown or before 2019)."""
    if year is None:
        return None
    fitting = [name for name, first in labels.TEMPLATE_YEARS.items() if year >= first]
    return max(fitting, key=lambda name: labels.TEMPLATE_YEARS[name]) if fitting else None


def legacy(lines: Sequence[str]) -> bool:
    """Whether the section headings read as those of a report from before 2019: at least
    two of their words (``概述``, ``收费及减免``…) on heading-like lines (``四、…``, short)."""
    found: set[str] = set()
    for line in lines:
        compact = _compact(line)
        if len(compact) <= MAX_ORGANISATION_CHARS and _HEADING.match(compact):
            found.update(marker for marker in labels.LEGACY_MARKERS if marker in compact)
    return len(found) >= LEGACY_EVIDENCE


def report_front(skel: Skeleton, shown: str | None = None) -> tuple[Front, list[Diagnostic]]:
    """What the front block tells of the report, its year settled by the report's own period
    sentence where the block's titles disagree (``settled``; the doubt told as
    ``year-ambiguous``); where it prints no title (trafilatura drops it, ``title-missing``),
    the year of the period sentence and the body its text names (in the first
    ``MAX_FRONT_LINE_CHARS`` of each line); its date the signature's, else the site's, but
    none where the report ends with a signature date's pieces not read (``date-unread``)."""
    lines = skel.front_lines
    found = front(lines)
    opening = [
        line[:MAX_FRONT_LINE_CHARS]
        for line in (*islice(filter(str.strip, lines), MAX_FRONT_LINES), *skel.overview)
    ]
    period = period_year(opening)
    signed = published(skel.closing)
    left = date_pieces(skel.closing) if signed is None and found.published else ""
    signed = signed or (None if left else found.published)
    found = found._replace(published=signed)
    opened = (
        opening_year(opening) if period is not None and found.year not in (None, period) else None
    )
    found, why = settled(found, period, signed, opened, shown)
    doubt = [] if why is None else [diagnostic("year-ambiguous", why, found.line)]
    if left:
        doubt.append(
            diagnostic(
                "date-unread",
                f"the report ends with a signature date's pieces ({left}) not read as a date: "
                "the site's date is not taken for it, and the date is missing",
            )
        )
    if not found.line:
        untitled = diagnostic(
            "title-missing",
            f"no title with a reporting year was found in the first {MAX_FRONT_LINES} "
            "non-empty lines before section 一",
        )
        doubt.insert(0, untitled)
    if found.year is not None and found.organisation is not None:
        return found, doubt
    return found._replace(
        year=found.year if found.line is not None else period,  # a title's is settled
        organisation=found.organisation or named_body(opening, skel.closing),
    ), doubt
