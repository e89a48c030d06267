"""Damaged cells: what a page, a converter or OCR does to the text of one value cell.

Each form takes a cell's true value and its kind and gives the text printed instead, and
what that text says: the number a careful reader takes from it (``12件`` says 12, ``１２`` says
12), or ``None`` when it says no number for sure (``l12``: 112 misread? ``约12``: about 12;
``3、850`` or ``3。850``: 3850, or 3 and 850? ``0。5``: a sentence's end, or a point?).
``rendered`` writes a report in a layout or format with its damaged cells printed so;
``wrong_cells`` lists every cell read as another number.

A form's text is plain text, or markup for an HTML page (``html``: a footnote in ``<sup>``,
a CMS's hidden anti-copy digit, a ``<br>`` inside the number).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from html import escape
from itertools import pairwise
from random import Random

import attrs

import govinfo_report as gr
from govinfo_report import labels
from govinfo_report.structure import layouts
from govinfo_report.write.render import appeals, applications, proactive, renderable

from cms import Habits, render_cms_html

Says = int | Decimal | None
#: Formats a report is written in besides the text layouts: ``gr.render_html``'s page, and a
#: CMS page pasted from Word (``cms.render_cms_html``).
PAGES = ("html", "cms")
#: Text whose line breaks were lost (a web archive's page text): the title on a line, the
#: body on the next, every cell of the tab-separated text apart by a space.
ONE_LINE = "one-line"
#: A Word document: the tab-separated text's tables as Word tables, its other lines as
#: paragraphs (``word_document``), a damaged cell's text as one run, or as ``word_form``'s runs.
WORD = "docx"
FORMATS = (*renderable(), *PAGES, ONE_LINE, WORD)
#: Layouts whose cells are apart by white space alone: a space inside a cell splits it.
LOOSE = ("space-aligned", "cell-per-line", ONE_LINE)
#: The forms one-line text is damaged with: separators and OCR's letters inside a number.
ONE_LINE_FORMS = ("full_width", "thousands", "enumerator", "stop", "separator", "ocr", "letter")

_WIDE = str.maketrans("0123456789.,", "０１２３４５６７８９．，")
#: Letters OCR reads for digits (and the digits they stand for).
_OCR = {"1": "lI", "0": "OoDQ", "5": "Ss", "8": "B", "2": "Z", "6": "b", "9": "g"}
#: Text before a number that makes it no count: approximations, comparisons, ordinals.
PREFIXES = (
    "约",
    "≈",
    "<",
    ">",
    "~",
    "第",
    "共",
    "计",
    "近",
    "超",
    "≤",
    "±",
    "共计",
    "约为",
    "大约",
    "超过",
)
#: Text after a number that is no documented unit.
SUFFIXES = ("人", "余", "多", "%", "万", "?", "左右", "以上", "人次", "次余", "注1", "(注)")
#: Footnote marks a number may carry as a note (documented: ``cells``).
NOTES = ("¹", "²", "³", "⁴", "¹²", "①", "②", "⑩", "*", "**")


def _digits(value: int | Decimal) -> str:
    return format(value, "f") if isinstance(value, Decimal) else str(value)


@attrs.frozen
class Form:
    """A way a value cell is damaged: which kinds of column it applies to (``count``,
    ``signed``, ``money``), whether it is markup (HTML pages only) or needs a layout that
    keeps a cell's spaces, and what it makes of a value."""

    name: str
    make: Callable[[int | Decimal, str, Random], tuple[str, Says]]
    kinds: tuple[str, ...] = ("count", "signed", "money")
    html: bool = False
    spaced: bool = False

    def applies(self, kind: str, value: int | Decimal, where: str) -> bool:
        if kind not in self.kinds or (self.html and where not in PAGES):
            return False
        if where == ONE_LINE and self.name not in ONE_LINE_FORMS:
            return False
        if self.spaced and where in LOOSE:
            return False
        return self.name not in _NEEDS or _NEEDS[self.name](value)


def _full_width(value: int | Decimal, kind: str, rng: Random) -> tuple[str, Says]:
    return _digits(value).translate(_WIDE), value


def _thousands(value: int | Decimal, kind: str, rng: Random) -> tuple[str, Says]:
    whole, point, decimals = _digits(value).partition(".")
    sign = "-" if whole.startswith("-") else ""
    grouped = f"{abs(int(whole)):,}"
    return f"{sign}{grouped}{point}{decimals}".replace(",", rng.choice([",", "，"])), value


def _enumerator(value: int | Decimal, kind: str, rng: Random) -> tuple[str, Says]:
    text = _digits(value).lstrip("-")
    at = rng.randrange(1, len(text.partition(".")[0]))
    return f"{text[:at]}{rng.choice('、。')}{text[at:]}", None


def _stop(value: int | Decimal, kind: str, rng: Random) -> tuple[str, Says]:
    """An amount's decimal point printed as an ideographic full stop (``0。0001``)."""
    return _digits(value).replace(".", "。"), None


def _separator(value: int | Decimal, kind: str, rng: Random) -> tuple[str, Says]:
    """A thousands separator no count takes: an apostrophe, a thin or narrow space."""
    text = _digits(value).lstrip("-")
    at = rng.randrange(1, len(text.partition(".")[0]))
    return text[:at] + rng.choice(["'", "’", "\u2009", "\u202f"]) + text[at:], None


def _ocr(value: int | Decimal, kind: str, rng: Random) -> tuple[str, Says]:
    text = _digits(value)
    spots = [i for i, char in enumerate(text) if char in _OCR]
    at = rng.choice(spots)
    return text[:at] + rng.choice(_OCR[text[at]]) + text[at + 1 :], None


def _letter(value: int | Decimal, kind: str, rng: Random) -> tuple[str, Says]:
    """A Latin letter glued after the number (``55s``: OCR's letter for a digit, or a stray
    mark): no number for sure, whatever the layout keeps of the line."""
    return _digits(value) + rng.choice("sSlIOoBZgq"), None


def _decoy(value: int | Decimal, rng: Random) -> int | Decimal:
    """A number near ``value`` and not it: what a damaged text holds, so that a reader that
    keeps its digits is caught giving a wrong number."""
    return value + rng.choice([-1, 1]) * rng.randint(1, 9)


def _prefix(value: int | Decimal, kind: str, rng: Random) -> tuple[str, Says]:
    return rng.choice(PREFIXES) + _digits(_decoy(value, rng)), None


def _suffix(value: int | Decimal, kind: str, rng: Random) -> tuple[str, Says]:
    return _digits(_decoy(value, rng)) + rng.choice(SUFFIXES), None


def _count_unit(value: int | Decimal, kind: str, rng: Random) -> tuple[str, Says]:
    return _digits(value) + rng.choice(labels.COUNT_UNITS), value


def _plus(value: int | Decimal, kind: str, rng: Random) -> tuple[str, Says]:
    return f"+{_digits(value)}", value


def _yuan(value: int | Decimal, kind: str, rng: Random) -> tuple[str, Says]:
    if rng.random() < 0.5:
        return f"{_digits(value)}万元", value
    yuan = format(Decimal(value) * 10000, "f")
    return (yuan.rstrip("0").rstrip(".") if "." in yuan else yuan) + "元", value


def _note(value: int | Decimal, kind: str, rng: Random) -> tuple[str, Says]:
    return _digits(value) + rng.choice(NOTES), value


def _doubled(value: int | Decimal, kind: str, rng: Random) -> tuple[str, Says]:
    text = _digits(value)
    if rng.random() < 0.5:
        pair = [text, _digits(_decoy(value, rng))]
        rng.shuffle(pair)
        return rng.choice([" ", "  ", chr(0x3000)]).join(pair), None
    glued = text + text.lstrip("-")
    return glued, (None if glued.count(".") > 1 else _number(glued, kind))


def _spaced(value: int | Decimal, kind: str, rng: Random) -> tuple[str, Says]:
    text = _digits(value)
    at = rng.randrange(1, len(text))
    return f"{text[:at]} {text[at:]}", None


def _number(text: str, kind: str) -> Says:
    """What a plain number says in a column of ``kind``."""
    if kind == "money":
        return Decimal(text)
    return int(text) if len(text.lstrip("-")) <= 15 else None


def _sup(value: int | Decimal, kind: str, rng: Random) -> tuple[str, Says]:
    tag = rng.choice(["sup", "sub"])
    mark = rng.choice(["1", "2", "12", "a", "*", "注"])
    return f"{_digits(value)}<{tag}>{mark}</{tag}>", value


_HIDDEN = (
    '<span style="display:none">{}</span>',
    '<span style="DISPLAY: none;">{}</span>',
    '<font style="visibility:hidden">{}</font>',
    "<span hidden>{}</span>",
    '<i aria-hidden="true">{}</i>',
)


def _hidden(value: int | Decimal, kind: str, rng: Random) -> tuple[str, Says]:
    text = _digits(value)
    at = rng.randrange(0, len(text) + 1)
    junk = rng.choice(_HIDDEN).format(rng.choice(["9", "0", "12", "3.5", "约"]))
    return text[:at] + junk + text[at:], value


def _broken(value: int | Decimal, kind: str, rng: Random) -> tuple[str, Says]:
    """A line break inside the number, or between it and a note under it (``863<br>1``)."""
    text = _digits(value)
    at = rng.randrange(1, len(text))
    head, tail = (text[:at], text[at:]) if rng.random() < 0.5 else (text, str(rng.randint(1, 9)))
    shape = rng.choice(["{}<br>{}", "{}<br/>{}", "<p>{}</p><p>{}</p>", "{}<div>{}</div>"])
    return shape.format(head, tail), None


def _run(value: int | Decimal, kind: str, rng: Random) -> tuple[str, Says]:
    """The number in two inline runs (Word's paste: a font change): one token."""
    text = _digits(value)
    at = rng.randrange(1, len(text))
    return f'{text[:at]}<font face="Calibri">{text[at:]}</font>', value


#: What a form needs of the value to apply.
_NEEDS: dict[str, Callable[[int | Decimal], bool]] = {
    "thousands": lambda value: abs(value) >= 1000,
    "enumerator": lambda value: len(_digits(value).lstrip("-").partition(".")[0]) >= 2,
    "separator": lambda value: len(_digits(value).lstrip("-").partition(".")[0]) >= 2,
    "stop": lambda value: "." in _digits(value),
    "ocr": lambda value: any(char in _OCR for char in _digits(value)),
    "plus": lambda value: value > 0,
    "spaced": lambda value: len(_digits(value)) >= 2,
    "broken": lambda value: len(_digits(value)) >= 2,
    "prefix": lambda value: value >= 10,
    "suffix": lambda value: value >= 10,
    "doubled": lambda value: value >= 10,
    "run": lambda value: len(_digits(value)) >= 2,
}

COUNTS = ("count", "signed")
FORMS: tuple[Form, ...] = (
    Form("full_width", _full_width),
    Form("thousands", _thousands),
    Form("enumerator", _enumerator),
    Form("stop", _stop, ("money",)),
    Form("separator", _separator),
    Form("ocr", _ocr),
    Form("letter", _letter),
    Form("prefix", _prefix),
    Form("suffix", _suffix),
    Form("count_unit", _count_unit, ("count",)),
    Form("plus", _plus, COUNTS),
    Form("yuan", _yuan, ("money",)),
    Form("note", _note),
    Form("doubled", _doubled, spaced=True),
    Form("spaced", _spaced, spaced=True),
    Form("sup", _sup, html=True),
    Form("hidden", _hidden, html=True),
    Form("broken", _broken, html=True),
    Form("run", _run, html=True),
)


def kinds(template: str) -> dict[str, str]:
    """The kind of each cell of ``template``."""
    return {field.key: field.kind for field in gr.fields(template)}


# Writing a report with damaged cells ------------------------------------------------------

#: A stand-in for a damaged or blank cell while the report is written: nine digits, a
#: different one per cell, found nowhere else in a written report.
_STAND_IN = 731_000_000


#: Layouts that print a row's cells on one line: a lost separator glues two values of a line.
ON_A_LINE = ("tab-separated", "markdown", "box-grid", "space-aligned", "flattened-header")
#: Layouts whose rows a lost separator glues (``glued``): every text layout (those above, and
#: those that write a cell a line, where a line break is lost).
GLUED = renderable()
#: What stands between two cells of a row, which a lost separator takes away.
_SEPARATOR = r"[ \t\n|│┃]*"


def pairs(template: str) -> list[tuple[str, str]]:
    """The count cells printed side by side in a row of ``template``'s tables: a cell and
    the next (section 四 prints its three groups as one row)."""
    fields = gr.fields(template)
    return [
        (one.key, other.key)
        for one, other in pairwise(fields)
        if one.section == other.section
        and (one.row == other.row or one.section == "appeals")
        and one.kind == other.kind == "count"
    ]


def rendered(
    report: gr.Report,
    printed: Mapping[str, str],
    where: str,
    seed: int = 0,
    glued: tuple[str, str] | None = None,
) -> str:
    """``report`` written in ``where`` (a layout, ``html``, ``cms``, or ``docx``: the text
    ``word_document`` makes a Word document of) with the cells of
    ``printed`` printed as the text given (``""``: blank; markup in a page). ``glued``: two
    cells side by side (``pairs``) whose separator is lost, their texts one (``1 1`` as
    ``11``); in space-aligned text the rest of the line stays in its columns."""
    values = report.flat()
    glue = dict.fromkeys(glued or ())
    stand_ins = {key: _STAND_IN + i for i, key in enumerate(sorted({*printed, *glue}))}
    standing = gr.Report.from_values(
        {key: value for key, value in (values | stand_ins).items() if value is not None},
        template=report.template or "2021",
        organisation=report.organisation,
        year=report.year,
        published=report.published,
    )
    if where in PAGES:
        page = (
            gr.render_html(standing)
            if where == "html"
            else render_cms_html(standing, Habits(), seed)
        )
        for key, stand_in in stand_ins.items():
            page = _replace(page, str(stand_in), printed[key] or "&nbsp;")
        return page
    if where == WORD:
        return rendered(report, printed, "tab-separated", seed, glued)
    if where == ONE_LINE:
        title, *body = rendered(report, printed, "tab-separated", seed, glued).split("\n")
        return title + "\n" + " ".join(" ".join(line.split("\t")) for line in body) + "\n"
    text = gr.render(standing, where)
    writer = layouts.get(where)
    flat = standing.flat()
    template = standing.template or "2021"
    shown = {str(stand_ins[key]): printed[key] for key in printed if key not in glue}
    for table in (
        proactive(template, flat),
        applications(template, flat),
        appeals(flat),
    ):
        damaged = [[shown.get(cell, cell) for cell in row] for row in table]
        before, after = "\n".join(writer.write(table)), "\n".join(writer.write(damaged))
        assert text.count(before) == 1
        text = text.replace(before, after)
    if glued:
        one, other = (str(stand_ins[key]) for key in glued)
        texts = [printed.get(key, _digits(values[key])) for key in glued]  # type: ignore[arg-type]
        pad = " " if where == "space-aligned" else ""

        def glue_them(found: re.Match[str]) -> str:
            return "".join(texts) + pad * (len(found.group()) - len("".join(texts)))

        text, found = re.subn(rf"(?<!\d){one}{_SEPARATOR}{other}(?!\d)", glue_them, text)
        assert found == 1, (glued, where)
    return text


def _replace(text: str, stand_in: str, new: str) -> str:
    found = re.findall(rf"(?<!\d){stand_in}(?!\d)", text)
    assert len(found) == 1, (stand_in, len(found))
    return re.sub(rf"(?<!\d){stand_in}(?!\d)", lambda _: new, text)


def markup(text: str, form: Form) -> str:
    """A form's text as it stands in a page: plain text escaped, markup as it is."""
    return text if form.html else escape(text, quote=False)


def wrong_cells(
    back: gr.Report, truth: Mapping[str, object], says: Mapping[str, Says]
) -> dict[str, tuple[object, object, str]]:
    """The cells of ``back`` parsed or derived as a number that is neither the true one nor
    the one their damaged text says: ``key -> (value, truth, provenance)``."""
    wrong = {}
    for key, value in back.flat().items():
        provenance = back.cell(key).provenance
        if provenance not in ("parsed", "derived"):
            continue  # missing (or blank): never a wrong number
        if value != truth[key] and (says.get(key) is None or value != says[key]):
            wrong[key] = (value, truth[key], provenance)
    return wrong


def written_for(
    text: str, report: gr.Report, wrong: Mapping[str, tuple[object, object, str]], where: str
) -> bool:
    """Whether ``text`` is, up to its runs of blank lines, the text ``where`` writes for
    ``report`` with its ``wrong`` cells (``wrong_cells``) holding the values read: a line
    moved among its own row's cells in text one cell a line gives a report that prints its
    values in that order, and no reader could tell either (empty lines, which tools put in
    and take out at will, say nothing of a cell's column)."""
    read = {key: value for key, (value, _, _) in wrong.items()}
    values = {key: value for key, value in (report.flat() | read).items() if value is not None}
    other = gr.Report.from_values(
        values,
        template=report.template or "2021",
        organisation=report.organisation,
        year=report.year,
        published=report.published,
    )
    written = rendered(other, {}, where)
    return [line for line in text.split("\n") if line] == [
        line for line in written.split("\n") if line
    ]


def parse(text: str, where: str) -> gr.Report | None:
    """``text`` written in ``where`` parsed (a Word document made of it for ``docx``;
    ``None`` when refused as no report: no value, so nothing wrong)."""
    try:
        if where in PAGES:
            return gr.parse(text.encode("utf-8"), format="html")
        if where == WORD:
            return gr.parse(word_document(text), format="docx")
        return gr.parse(text)
    except gr.ParseError:
        return None


# Lines that do not belong where they stand -------------------------------------------------

#: What a page or a converter does to a table's lines: a bare page number on a line of its
#: own, a line printed twice, a line moved elsewhere in its table.
LINE_DAMAGES = ("page", "doubled", "moved")


def damaged_lines(text: str, damage: str, rng: Random) -> str:
    """``text`` with one of its lines that hold a number (after its title) damaged so."""
    lines = text.split("\n")
    valued = [at for at, line in enumerate(lines) if at > 2 and any(map(str.isdigit, line))]
    at = rng.choice(valued)
    if damage == "page":
        # A paragraph of its own: where cells are paragraphs apart (docx2txt), between
        # empty lines, never run into a cell's lines, as a wrapped number's rest is.
        page = str(rng.randint(1, 60))
        apart = at + 1 < len(lines) and not lines[at + 1]
        lines[at + 1 : at + 1] = ["", page] if apart else [page]
    elif damage == "doubled":
        lines.insert(at + 1, lines[at])
    else:
        line = lines.pop(at)
        lines.insert(rng.choice(valued[:-1]), line)
    return "\n".join(lines)


# Hidden and struck text, footnote lines, links above the title (issue 48) ------------------

#: Markup that certainly hides its text (the anti-copy tricks of CMS pages beyond
#: ``_HIDDEN``'s): the text is left out, the cell says its number.
HIDING = (
    '<style>.cp{{display:none}}</style><span class="cp">{}</span>',
    '<span style="font-size:0">{}</span>',
    '<span style="opacity:0">{}</span>',
    '<span style="color:#FFFFFF">{}</span>',
    '<font color="white">{}</font>',
    '<span style="position:absolute;left:-9999px">{}</span>',
    "<del>{}</del>",
    "<s>{}</s>",
    "<strike>{}</strike>",
    "<ruby><rt>{}</rt></ruby>",
    "<rp>{}</rp>",
)
#: Markup whose hiding cannot be decided: between digits, it separates them. (A class is
#: doubtful where the page links a style sheet we do not read; with none, it is plain.)
DOUBTFUL = (
    '<link rel="stylesheet" href="/css/site.css"><span class="x3">{}</span>',
    '<span style="position:absolute">{}</span>',
    '<span style="color:#fff;background:#1e50a2">{}</span>',
    "<jammer>{}</jammer>",
)


def _junk(value: int | Decimal, rng: Random) -> str:
    """Digits a page slips into a number: another number near it, or a few digits."""
    return rng.choice([_digits(_decoy(value, rng)).lstrip("-"), str(rng.randint(0, 99))])


def _hidden_more(value: int | Decimal, kind: str, rng: Random) -> tuple[str, Says]:
    """Digits hidden inside or beside the number, in every way a page hides them."""
    text = _digits(value)
    at = rng.randrange(0, len(text) + 1)
    return text[:at] + rng.choice(HIDING).format(_junk(value, rng)) + text[at:], value


def _doubtful(value: int | Decimal, kind: str, rng: Random) -> tuple[str, Says]:
    """Digits inside or beside the number in markup whose hiding cannot be decided: no
    number for sure (``57 2 4``)."""
    text = _digits(value)
    at = rng.randrange(0, len(text) + 1)
    return text[:at] + rng.choice(DOUBTFUL).format(_junk(value, rng)) + text[at:], None


def _footnote_line(value: int | Decimal, kind: str, rng: Random) -> tuple[str, Says]:
    """A footnote on its own line in the cell, as markitdown writes ``<td>863<br>1</td>``:
    ``863 1``."""
    return f"{_digits(value)} {rng.randint(1, 9)}", None


MARKUP_FORMS: tuple[Form, ...] = (
    Form("hidden_more", _hidden_more, html=True),
    Form("doubtful", _doubtful, html=True),
    Form("footnote_line", _footnote_line, spaced=True),
)
FORMS = (*FORMS, *MARKUP_FORMS)

#: Word run properties that hide a run's text (python-docx's font attributes), and one whose
#: hiding cannot be decided (a character style the document does not define).
WORD_HIDING = (
    {"strike": True},
    {"double_strike": True},
    {"hidden": True},
    {"web_hidden": True},
    {"spec_vanish": True},
    {"size": 12700},  # 1 pt
    {"color": "FFFFFF"},
)
WORD_DOUBTFUL = {"style": "UnknownStyle"}
#: How a damaged Word cell is written in ``rendered`` text: runs apart by ``_RUN``, each a
#: run's properties' index in ``WORD_HIDING`` (``-1``: plain, ``-2``: ``WORD_DOUBTFUL``), a
#: ``:`` and its text.
_RUN = "\x1e"


def word_form(value: int | Decimal, rng: Random) -> tuple[str, Says]:
    """A Word cell's runs: the number with a run of other digits inside or beside it, hidden
    (the cell says the number) or whose hiding cannot be decided (it says none)."""
    text = _digits(value)
    at = rng.randrange(0, len(text) + 1)
    hidden = rng.random() < 0.7
    junk = f"{rng.randrange(len(WORD_HIDING)) if hidden else -2}:{_junk(value, rng)}"
    runs = [f"-1:{text[:at]}", junk, f"-1:{text[at:]}"]
    return _RUN.join(run for run in runs if not run.endswith(":")), value if hidden else None


def word_document(text: str) -> bytes:
    """``text`` (a report in tab-separated text, its damaged cells as ``word_form`` writes
    them) as a Word document: each run of tab lines a table, every other line a paragraph."""
    import io

    import docx
    from docx.oxml.ns import qn
    from docx.shared import RGBColor

    document = docx.Document()
    lines = text.split("\n")
    at = 0
    while at < len(lines):
        if "\t" not in lines[at]:
            document.add_paragraph(lines[at])
            at += 1
            continue
        block = []
        while at < len(lines) and "\t" in lines[at]:
            block.append(lines[at].split("\t"))
            at += 1
        width = max(map(len, block))
        table = document.add_table(rows=len(block), cols=width)
        for row, cells in zip(table.rows, block, strict=True):
            for cell, printed in zip(row.cells, cells, strict=False):
                paragraph = cell.paragraphs[0]
                for run_text in printed.split(_RUN) if _RUN in printed else [f"-1:{printed}"]:
                    index, _, shown = run_text.partition(":")
                    run = paragraph.add_run(shown)
                    if index == "-2":
                        properties = run._r.get_or_add_rPr()
                        style = properties.makeelement(qn("w:rStyle"), {qn("w:val"): "Unknown"})
                        properties.insert(0, style)
                    elif index != "-1":
                        for name, setting in WORD_HIDING[int(index)].items():
                            if name == "color":
                                run.font.color.rgb = RGBColor.from_string(str(setting))
                            else:
                                setattr(run.font, name, setting)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


#: The lines a page's navigation prints above its report (a breadcrumb, links to the body's
#: reports of other years), by the year they name: ``{body}`` and ``{year}`` filled in.
LINKS = (
    "首页 > 政务公开 > 政府信息公开年报 > {year}年",
    "{body}{year}年政府信息公开工作年度报告",
    "{body}{year}年度政府信息公开工作年度报告",
    "· {body}{year}年政务公开工作年度报告",
)


def with_links(text: str, body: str, years: list[int], rng: Random) -> str:
    """``text`` with a page's link lines above it, one for each of ``years``."""
    lines = [rng.choice(LINKS).format(body=body, year=year) for year in years]
    return "\n".join([*lines, text])
