"""Pages as government sites publish them: a CMS article page whose report was pasted from
Word, unlike ``gr.render_html``'s clean markup. Copied from real pages (the Pingtan archive
of tests/fixtures/realworld/SOURCES.md and its kind):

- every paragraph a ``<p class="MsoNormal">`` of ``<span style>``/``<font face>`` runs with
  Word's ``<o:p></o:p>``, headings included (no ``<h2>``); no ``<thead>``, a ``<p>`` in
  every cell, header labels broken over paragraphs (``本年新`` / ``制作数量``), long row
  labels too;
- a cell the report leaves empty is ``&nbsp;`` (``blank_zeros``: bodies that leave their
  zeros blank), counts with their unit (``12件``, ``1个``), an increase signed (``+17``),
  the purchase total in 元 (``246900元``) under a header without a unit;
- the site's metadata table (索引号/发布机构/名称/发布日期) above the report, a breadcrumb,
  a page title with the column and site names, a footer;
- the group label 三、本年度办理结果 written one character a paragraph, and repeated in a
  second cell where a page break split it;
- Word's grid: 自然人 spanning two grid columns in the header and each row's 商业企业 cell
  spanning two (``colspan`` as the pasted table gives, not as the form draws it);
- the signature (body and date) at the end of the last paragraph rather than on lines of its
  own (``signature_inline``); the site's own dates around the article, later than the report's
  signature: a header line ``发布时间：… 来源：…`` and a footer ``更新日期：…``
  (``site_dates``); links to the body's reports of other years between the breadcrumb and the
  title (``other_years``); the title written another way (``title_variant``: ``2022年度``,
  the year first, ``关于…的`` …).

Used by the converter fixtures' generator (``cms-*``) and by the property tests.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal
from html import escape
from random import Random

import govinfo_report as gr
from govinfo_report import labels
from govinfo_report.write import spans
from govinfo_report.write.render import NO_TEXT

SECTIONS = ("proactive", "applications", "appeals")


@dataclass(frozen=True)
class Habits:
    """What a page does: which sections leave zeros blank, and each habit on or off."""

    blank_zeros: tuple[str, ...] = ()
    units: bool = False
    vertical_label: bool = True
    repeated_label: bool = False
    word_grid: bool = False
    signature_inline: bool = False
    site_dates: bool = False
    other_years: bool = False
    title_variant: int = 0


def blank_zeros(report: gr.Report, sections: tuple[str, ...] = SECTIONS) -> gr.Report:
    """``report`` with every zero of ``sections`` left out, as a body that leaves its zero
    cells empty prints it: the page gives no value there."""
    values = {
        key: value
        for key, value in report.flat().items()
        if value is not None and not (value == 0 and key.split(".")[0] in sections)
    }
    return gr.Report.from_values(
        values,
        template=report.template or "2021",
        organisation=report.organisation,
        year=report.year,
        published=report.published,
        overview=report.overview,
        problems=report.problems,
        other_matters=report.other_matters,
    )


# Markup ------------------------------------------------------------------------------------

_OP = (
    '<span style="font-family:Calibri;mso-fareast-font-family:宋体;'
    "mso-bidi-font-family:'Times New Roman';font-size:12.0000pt;mso-font-kerning:0.0000pt;\">"
    "<o:p></o:p></span>"
)
_BLANK = '<font face="Calibri">&nbsp;</font>'
_DIGIT = re.compile(r"\d")
NBSP = "\u00a0"


def _run(text: str, font: str, size: str) -> str:
    """A Word run: the text in a styled span, broken into ``<font>`` runs before its first
    digit as Word's paste does."""
    at = _DIGIT.search(text)
    pieces = [text] if at is None or at.start() == 0 else [text[: at.start()], text[at.start() :]]
    fonts = "".join(
        f'<font face="{font}">{escape(piece).replace(NBSP, "&nbsp;")}</font>' for piece in pieces
    )
    return (
        f'<span style="font-family:{font};mso-hansi-font-family:Calibri;color:rgb(51,51,51);'
        f'letter-spacing:-0.3000pt;font-size:{size};mso-font-kerning:0.0000pt;">{fonts}</span>'
    )


def _paragraph(text: str, font: str = "仿宋_GB2312", align: str = "justify") -> str:
    return (
        f'<p class="MsoNormal" align="{align}" style="margin:0pt;text-indent:32.0000pt;'
        f'mso-pagination:widow-orphan;text-align:{align};line-height:28.0000pt;">'
        f"{_run(text, font, '16.0000pt')}{_OP}</p>"
    )


def _cell(paragraphs: list[str], down: int, across: int) -> str:
    spans_ = (f' rowspan="{down}"' if down > 1 else "") + (
        f' colspan="{across}"' if across > 1 else ""
    )
    inner = "".join(
        '<p class="p" align="center" style="margin-top:1.5000pt;margin-right:0.0000pt;'
        "margin-bottom:0.0000pt;margin-left:0.0000pt;word-break:break-all;"
        'mso-pagination:widow-orphan;text-align:center;line-height:21.0000pt;">'
        + (_run(text, "仿宋_GB2312", "14.0000pt") if text.strip() else _BLANK)
        + _OP
        + "</p>"
        for text in paragraphs
    )
    width = 43 * across
    return (
        f'<td width="{width}" valign="center"{spans_} style="width:{width * 0.75:.4f}pt;'
        "padding:3.7500pt 3.7500pt 3.7500pt 3.7500pt ;border-left:1.0000pt outset windowtext;"
        "border-right:1.0000pt outset windowtext;border-top:1.0000pt outset windowtext;"
        f'border-bottom:1.0000pt outset windowtext;">{inner}</td>'
    )


def _table(rows: list[list[tuple[list[str], int, int]]]) -> str:
    body = "".join("<tr>" + "".join(_cell(*cell) for cell in row) + "</tr>" for row in rows)
    return (
        '<div align="center"><table border="1" cellspacing="0" style="border-collapse:collapse;'
        "border:none;mso-border-insideh:0.7500pt outset windowtext;"
        f'mso-border-insidev:0.7500pt outset windowtext;"><tbody>{body}</tbody></table></div>'
    )


# Cell texts --------------------------------------------------------------------------------

#: Header labels and where Word pages break them over two paragraphs.
_BROKEN_HEADERS = {
    text: at
    for text, at in (
        ("本年新制作数量", 3),
        ("本年新公开数量", 3),
        ("对外公开总数量", 4),
        ("上一年项目数量", 3),
        ("处理决定数量", 2),
        ("本年制发件数", 2),
        ("本年废止件数", 2),
        ("现行有效件数", 4),
        ("商业企业", 2),
        ("科研机构", 2),
        ("社会公益组织", 4),
        ("法律服务机构", 4),
    )
}
#: Where a long label breaks: before the note of 部分公开, before a header's unit.
_NOTES = ("（区分处理的", "（单位")


def _paragraphs(text: str, rng: Random) -> list[str]:
    """A label cell's paragraphs: header labels and long row labels broken as Word pages
    break them, the rest whole."""
    at = _BROKEN_HEADERS.get(text)
    if at is not None and rng.random() < 0.7:
        return [text[:at], text[at:]]
    for note in _NOTES:
        if note in text[1:]:
            at = text.index(note)
            return [text[:at], text[at:]]
    comma = text.find("、", 4)
    if len(text) > 20 and 0 < comma < len(text) - 4 and rng.random() < 0.6:
        return [text[: comma + 1], text[comma + 1 :]]
    return [text]


def _value(text: str) -> list[str]:
    """A value cell's one paragraph: blank where the report gives no value."""
    return [" " if text == spans.NOT_GIVEN else text]


Cell = tuple[list[str], int, int]

#: Units written after counts of section 二, by column.
_UNITS = {
    "made": "件",
    "published": "件",
    "total_published": "件",
    "issued": "件",
    "repealed": "件",
    "in_force": "件",
    "previous_items": "项",
    "decisions": "件",
    "projects": "个",
}


def _proactive(report: gr.Report, habits: Habits, rng: Random) -> list[list[Cell]]:
    template = report.template or "2021"
    values = report.flat()
    table = spans.proactive(template, values)
    rows: list[list[Cell]] = []
    at = 0
    for _, keys, row_keys in labels.PROACTIVE_BLOCKS[template]:
        (text, down, across), *_ = table[at]
        rows.append([([f"{NBSP}{NBSP}{text}"], down, across)])
        rows.append([(_paragraphs(_header(t, habits), rng), d, a) for t, d, a in table[at + 1]])
        for offset, row in enumerate(row_keys):
            label, *cells = table[at + 2 + offset]
            printed = [
                (_value(_unit(text, key, row, values, template, habits)), d, a)
                for (text, d, a), key in zip(cells, keys, strict=True)
            ]
            rows.append([([label[0]], label[1], label[2]), *printed])
        at += 2 + len(row_keys)
    return rows


def _header(text: str, habits: Habits) -> str:
    """A section 二 header: with ``habits.units`` the 2019 purchase total's column prints no
    unit (its cells carry 元)."""
    if habits.units and text.startswith("采购总金额"):
        return "采购总金额"
    return text


def _unit(
    text: str,
    column: str,
    row: str,
    values: dict[str, gr.Number | None],
    template: str,
    habits: Habits,
) -> str:
    """A section 二 value as a page prints it with ``habits.units``: a count with its unit,
    an increase signed, the 2019 purchase total in 元."""
    value = values[f"proactive.{row}.{column}"]
    if not habits.units or value is None:
        return text
    if column == "amount":
        if template != "2019":
            return text  # its header says 万元
        yuan = format(Decimal(value) * 10000, "f")
        return (yuan.rstrip("0").rstrip(".") if "." in yuan else yuan) + "元"
    if column == "change":
        return f"+{value}" if value > 0 else text
    return f"{text}{_UNITS[column]}"


def _applications(report: gr.Report, habits: Habits, rng: Random) -> list[list[Cell]]:
    template = report.template or "2021"
    table = spans.applications(template, report.flat())
    top = labels.APPLICATION_PRINTED[template]["granted"][0]  # 三、本年度办理结果
    if habits.repeated_label:
        table = _repeat(table, top, "（四）无法提供")
    rows: list[list[Cell]] = []
    for r, row in enumerate(table):
        cells: list[Cell] = []
        for text, down, across in row:
            if r >= 3 and _is_value(text):
                cells.append((_value(text), down, across))
            elif text == top and habits.vertical_label:
                cells.append((list(text), down, across))
            else:
                cells.append((_paragraphs(text, rng), down, across))
        rows.append(cells)
    if habits.word_grid:
        rows = _word_grid(rows, rng)
    return rows


def _is_value(text: str) -> bool:
    return text == spans.NOT_GIVEN or bool(re.fullmatch(r"-?\d+(\.\d+)?", text))


def _repeat(table: spans.SpanTable, label: str, before: str) -> spans.SpanTable:
    """``table`` with the merged cell ``label`` split in two at the row that starts with
    ``before``, the label printed in both (a page break in Word splits a merged cell so)."""
    table = [list(row) for row in table]
    first = next(r for r, row in enumerate(table) if row and row[0][0] == label)
    split = next(r for r, row in enumerate(table) if any(c[0] == before for c in row))
    _, down, across = table[first][0]
    table[first][0] = (label, split - first, across)
    table[split].insert(0, (label, first + down - split, across))
    return table


def _word_grid(rows: list[list[Cell]], rng: Random) -> list[list[Cell]]:
    """Section 三 with the grid Word gives a pasted table: 自然人 over two grid columns in
    the header, an empty cell under it, and each row's 商业企业 cell two columns wide."""
    applicants = [labels.APPLICANT_COLUMNS[key][0] for key in labels.APPLICANT_COLUMNS]
    header: list[list[Cell]] = [
        [rows[0][0], (["申请人情况"], 1, 8)],
        [([applicants[0]], 1, 2), (["法人或其他组织"], 1, 5), ([applicants[-1]], 2, 1)],
        [([" "], 1, 1)]
        + [
            (_paragraphs(text, rng), 1, 2 if i == 0 else 1)
            for i, text in enumerate(applicants[1:-1])
        ],
    ]
    body = []
    for row in rows[3:]:
        *labels_, first, second = row[:-5]
        body.append([*labels_, first, (second[0], second[1], 2), *row[-5:]])
    return header + body


def _appeals(report: gr.Report, rng: Random) -> list[list[Cell]]:
    rows = spans.appeals(report.flat())
    return [
        [(_paragraphs(t, rng) if r < 3 else _value(t), d, a) for t, d, a in row]
        for r, row in enumerate(rows)
    ]


# The page -----------------------------------------------------------------------------------

#: Portals a report is published on (the site, not the body that wrote the report).
_SITES = ("青岚县人民政府", "梧川市人民政府", "城东区人民政府", "北塘县人民政府")


#: The ways sites write a report's title: ``{o}`` the body, ``{y}`` the year.
TITLES = (
    "{o}{y}年政府信息公开工作年度报告",
    "{o}{y}年度政府信息公开工作年度报告",
    "{y}年{o}政府信息公开工作年度报告",
    "{o}关于{y}年度政府信息公开工作的年度报告",
    "{o}{y}年政府信息公开年度报告",
)


def title(report: gr.Report, variant: int = 0, year: int | None = None) -> str:
    """The report's title as the page prints it (``variant`` of ``TITLES``; ``year`` for
    another year's report of the same body)."""
    year = report.year if year is None else year
    if year is None:
        return f"{report.organisation or ''}政府信息公开工作年度报告"
    return TITLES[variant % len(TITLES)].format(o=report.organisation or "", y=year)


def render_cms_html(
    report: gr.Report, habits: Habits, seed: int = 0, charset: str = "utf-8"
) -> str:
    """``report`` as a government site's article page, its body pasted from Word with
    ``habits``; ``seed`` picks which labels break and the site's details."""
    rng = Random(seed)
    name = title(report, habits.title_variant)
    site = rng.choice(_SITES)
    signed = report.published or datetime.date((report.year or 2021) + 1, 1, 20)
    # A site publishes the report some days after the body signs it.
    date = (
        signed + datetime.timedelta(days=rng.randrange(3, 40) if habits.site_dates else 0)
    ).isoformat()
    index = f"11{rng.randrange(10**14):014d}X/{date[:4]}-{rng.randrange(1, 300):05d}"
    org = escape(report.organisation or "")
    meta = (
        f"<tr><td>索引号：</td><td>{index}</td><td>主题分类：</td><td>政务公开</td></tr>"
        f"<tr><td>发布机构：</td><td>{org}</td><td>成文日期：</td><td>{date}</td></tr>"
        f'<tr><td>名称：</td><td colspan="3">{escape(name)}</td></tr>'
        f"<tr><td>文号：</td><td></td><td>发布日期：</td><td>{date}</td></tr>"
    )
    tables = {
        2: _proactive(report, habits, rng),
        3: _applications(report, habits, rng),
        4: _appeals(report, rng),
    }
    prose = {1: report.overview, 5: report.problems, 6: report.other_matters}
    body = []
    for number, heading in labels.SECTION_TITLES.items():
        body.append(_paragraph(heading, font="黑体"))
        if number in tables:
            body.append(_table(tables[number]))
        else:
            body.extend(_paragraph(line) for line in (prose[number] or NO_TEXT).splitlines())
    signature = [report.organisation or ""]
    if report.published:
        d = report.published
        signature.append(f"{d.year}年{d.month}月{d.day}日")
    if habits.signature_inline:
        # Pasted as one paragraph: the last paragraph ends with the body's name and the date.
        last = (prose[6] or NO_TEXT).splitlines()[-1]
        body[-1] = _paragraph(" ".join([last, *(line for line in signature if line)]))
    else:
        body.extend(_paragraph(line, align="right") for line in signature if line)
    return (
        f'<!DOCTYPE html>\n<html>\n<head>\n<meta charset="{charset}">\n'
        f'<meta name="ArticleTitle" content="{escape(name)}">\n'
        f'<meta name="PubDate" content="{date} 09:30">\n'
        f"<title>{escape(name)}_政府信息公开年报_{site}</title>\n</head>\n<body>\n"
        '<div class="header"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> '
        '<a href="/hdjl/">互动交流</a></div>\n'
        '<div class="breadcrumb"><span>当前位置：</span><a href="/">首页</a> &gt; '
        '<a href="/zwgk/">政务公开</a> &gt; <a href="../">政府信息公开年报</a></div>\n'
        + _other_years(report, habits)
        + f'<table class="xxgk_table">{meta}</table>\n'
        f'<div class="article_title">{escape(name)}</div>\n'
        + _site_header(report, habits, date, rng)
        + '<div class="article_content">\n'
        + "\n".join(body)
        + "\n</div>\n"
        f'<div class="footer"><p>主办：{site}办公室 网站标识码：{rng.randrange(10**9, 10**10)}</p>'
        f"<p>ICP备{rng.randrange(10**7, 10**8)}号</p>{_updated(habits, date, rng)}</div>\n"
        "</body>\n</html>\n"
    )


def _other_years(report: gr.Report, habits: Habits) -> str:
    """Links to the body's reports of the two years before, as a column's list prints them
    beside the article (``habits.other_years``)."""
    if not habits.other_years or report.year is None:
        return ""
    items = "".join(
        f'<li><a href="../{year}/">{escape(title(report, habits.title_variant, year))}</a>'
        f"<span>{year + 1}-01-2{year % 10}</span></li>"
        for year in (report.year - 1, report.year - 2)
    )
    return f'<div class="related"><p>相关阅读</p><ul>{items}</ul></div>\n'


def _site_header(report: gr.Report, habits: Habits, date: str, rng: Random) -> str:
    """The line under the title with the site's date and source (``habits.site_dates``)."""
    if not habits.site_dates:
        return ""
    when = f"{date} {rng.randrange(8, 18):02d}:{rng.randrange(60):02d}"
    return (
        f'<div class="article_info">发布时间：{when} 来源：{escape(report.organisation or "")}'
        " 浏览次数：" + str(rng.randrange(100, 5000)) + " 字号：大 中 小</div>\n"
    )


def _updated(habits: Habits, date: str, rng: Random) -> str:
    """The footer's update date, later than the page's (``habits.site_dates``)."""
    if not habits.site_dates:
        return ""
    later = datetime.date.fromisoformat(date) + datetime.timedelta(days=rng.randrange(20, 200))
    return f"<p>更新日期：{later.isoformat()}</p>"
