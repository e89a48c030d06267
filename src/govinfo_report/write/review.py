"""A review page: how a report was read, as one self-contained HTML page (inline CSS and
script, nothing fetched) for a person checking the reading against the source.

The page shows the official form of sections 二, 三 and 四 (``spans.form``: the template's
merged cells), each value cell coloured by its provenance, the rules the report breaks
highlighted on their cells, the diagnostics, and the source text with its table regions
marked and every parsed number linked to its cell. Everything a cell knows (key, labels,
raw text, line and column, the rule that derived it, the checks and diagnostics naming it)
is in its ``data-`` attributes and its tooltip, so the page reads without its script too;
the script adds a detail panel, selection from either side, and ``#key`` links. Every text
from the report is escaped: a report is untrusted input.
"""

from __future__ import annotations

import base64
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from html import escape

import attrs

from .. import labels
from ..catalogue import SECTION_NUMBERS, SECTIONS, TEMPLATES
from ..check.validate import Check, validate
from ..diagnostics import MISSING_CAUSES, Diagnostic
from ..model import Cell, Report
from ..structure import skeleton
from ..structure.skeleton import SECTION_NAMES
from ..tables.sections import rule_set
from . import spans

#: Severities in the order they are listed.
_SEVERITIES = ("error", "warning", "info")


def review_html(report: Report, text: str | None = None, scan: bytes | None = None) -> str:
    """A self-contained HTML page to review how ``report`` was read.

    Args:
        report: the parsed report.
        text: the text it was parsed from, as ``extract_text`` gives it (the cells' lines
            and columns are positions in it); shown beside the form with each table's
            lines marked and each parsed number linked to its cell. Without it the page
            shows the form, the rules and the diagnostics only.
        scan: the PDF a report read by OCR came from (its bytes): each cell read by OCR
            shows the cell cut from the scan beside its value, so that a reviewer confirms
            it by looking (needs the ``ocr`` extra). Every OCR cell is marked without it.

    Example:
        >>> page = review_html(gr.parse(path), gr.extract_text(path))  # doctest: +SKIP
        >>> Path("review.html").write_text(page, encoding="utf-8")  # doctest: +SKIP
    """
    checks = validate(report).violated
    marks = _Marks.of(report, checks, _crops(report, scan))
    form = "\n".join(_section(report, section, marks) for section in SECTIONS)
    aside = ['<div id="detail" aria-live="polite"><p class="hint">', _HINT, "</p></div>"]
    if text is not None:
        aside.append(_source(report, text, marks.cells))
    title = f"{_name(report)}: review"
    return "".join(
        [
            '<!DOCTYPE html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            f"<title>{escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n",
            _header(report, checks),
            '<main>\n<div id="form">\n',
            _violations(checks),
            form,
            _diagnostics(report.diagnostics),
            '</div>\n<aside id="side">\n',
            "".join(aside),
            "</aside>\n</main>\n",
            f"<script>{_SCRIPT}</script>\n</body>\n</html>\n",
        ]
    )


_HINT = (
    "Click a cell (or a number in the source) to see where it comes from: its source "
    "line and raw text, the rule that derived it, or the diagnostic that left it missing."
)


@attrs.frozen
class _Marks:
    """What the page marks on value cells, by key: the cells; the diagnostics (``notes``)
    and violated checks (``checks``) naming each, by position; the diagnostic that left a
    missing cell missing (``causes``: the first of ``MISSING_CAUSES`` naming it, by
    position); and the cells a violated check blames (``blamed``): the totals it finds
    wrong, or the cell a sign check names.
    """

    cells: dict[str, Cell]
    notes: dict[str, list[int]]
    checks: dict[str, list[int]]
    blamed: frozenset[str]
    causes: dict[str, int]
    crops: dict[str, bytes]

    @classmethod
    def of(cls, report: Report, violated: Sequence[Check], crops: dict[str, bytes]) -> _Marks:
        notes: dict[str, list[int]] = defaultdict(list)
        causes: dict[str, int] = {}
        for index, d in enumerate(report.diagnostics):
            for key in d.keys:
                notes[key].append(index)
                if d.code in MISSING_CAUSES:
                    causes.setdefault(key, index)
        checks: dict[str, list[int]] = defaultdict(list)
        for index, check in enumerate(violated):
            for key in dict.fromkeys(cell.key for cell in check.cells):
                checks[key].append(index)
        blamed = frozenset(cell.key for check in violated for cell in (check.totals or check.parts))
        cells = {cell.key: cell for table in report.tables for cell in table}
        missing = {key: at for key, at in causes.items() if cells[key].provenance == "missing"}
        return cls(cells, notes, checks, blamed, missing, crops)


def _crops(report: Report, scan: bytes | None) -> dict[str, bytes]:
    """The PNG image of each cell read by OCR, cut from ``scan`` (none without it)."""
    boxes = {
        cell.key: (cell.ocr.page, cell.ocr.box)
        for table in report.tables
        if table.ocr
        for cell in table
        if cell.ocr is not None
    }
    if not boxes or scan is None:
        return {}
    from ..read.formats.scanned import crops

    return crops(scan, boxes)


def _name(report: Report) -> str:
    year = f" {report.year}" if report.year is not None else ""
    return f"{report.organisation or 'unknown body'}{year}"


def _header(report: Report, checks: Sequence[Check]) -> str:
    done = report.completeness()
    total = done.parsed + done.derived + done.blank + done.missing + done.corrected
    severities: Counter[str] = Counter(d.severity for d in report.diagnostics)
    if done.status == "empty":
        verdict, tone = "Nothing read: every cell is missing", "bad"
    elif checks:
        verdict, tone = f"{len(checks)} rule(s) violated", "bad"
    elif done.missing:
        verdict, tone = f"Partial: {done.missing} of {total} cells missing", "warn"
    else:
        verdict, tone = "Complete: every cell read, every rule holds", "good"
    layouts = " · ".join(
        f"{SECTION_NAMES[SECTION_NUMBERS[table.section]]} {table.layout or '—'}"
        for table in report.tables
    )
    facts = [
        ("template", report.template),
        ("layouts", layouts),
        ("source", report.source or "—"),
        ("published", report.published.isoformat() if report.published else "—"),
        (
            "diagnostics",
            ", ".join(f"{severities[s]} {s}" for s in _SEVERITIES if severities[s]) or "none",
        ),
    ]
    bar = "".join(
        f'<span class="{kind}" style="flex-grow:{count}" title="{count} {kind}"></span>'
        for kind, count in (
            ("parsed", done.parsed),
            ("derived", done.derived),
            ("blank", done.blank),
            ("missing", done.missing),
            ("corrected", done.corrected),
        )
        if count
    )
    return (
        "<header>\n"
        f"<h1>{escape(_name(report))} <small>政府信息公开工作年度报告</small></h1>\n"
        f'<p class="verdict {tone}" data-status="{done.status}">{escape(verdict)}</p>\n'
        f'<p class="counts"><b class="parsed">{done.parsed}</b> parsed · '
        f'<b class="derived">{done.derived}</b> derived · '
        f'<b class="blank">{done.blank}</b> blank · '
        f'<b class="missing">{done.missing}</b> missing'
        + (f' · <b class="corrected">{done.corrected}</b> corrected' if report.reviewed else "")
        + f" of {total} cells</p>\n"
        f'<div class="bar">{bar}</div>\n'
        '<dl class="facts">'
        + "".join(f"<dt>{name}</dt><dd>{escape(value)}</dd>" for name, value in facts)
        + "</dl>\n"
        '<ul class="legend">'
        '<li><span class="v parsed">12</span> parsed: read from the text</li>'
        '<li><span class="v derived">12</span> derived: computed by a rule</li>'
        '<li><span class="v blank"></span> blank: printed empty</li>'
        '<li><span class="v missing">—</span> missing: not read from the text</li>'
        + (_CORRECTED_LEGEND if report.reviewed else "")
        + '<li><span class="v parsed broken">12</span> a total a rule finds wrong, '
        '<span class="v parsed part">12</span> its parts</li>'
        '<li><span class="v parsed ocr ocr-rules">12</span> read by OCR, checked by a rule; '
        '<span class="v parsed ocr ocr-reads">12</span> only by its two reads</li>'
        "</ul>\n</header>\n"
    )


_CORRECTED_LEGEND = '<li><span class="v corrected">12</span> corrected: settled by a reviewer</li>'


def _violations(checks: Sequence[Check]) -> str:
    if not checks:
        return ""
    items = "".join(
        f'<li id="check-{index}" class="check" data-rule="{escape(check.rule)}" '
        f'data-keys="{escape(" ".join(cell.key for cell in check.cells))}" '
        f'data-text="{escape(_check_text(check))}">'
        f"<b>{escape(check.title)}</b><br>printed <b>{check.printed}</b>, expected "
        f"<b>{check.expected}</b> <code>{escape(check.rule)}</code></li>"
        for index, check in enumerate(checks)
    )
    return (
        f'<section id="violations"><h2>Rules violated ({len(checks)})</h2>'
        f"<ol>{items}</ol></section>\n"
    )


def _check_text(check: Check) -> str:
    return f"{check.title}: printed {check.printed}, expected {check.expected} ({check.rule})"


def _section(report: Report, section: str, marks: _Marks) -> str:
    number = SECTION_NUMBERS[section]
    table = next(table for table in report.tables if table.section == section)
    head = spans.header_rows(section)
    rows = []
    for index, row in enumerate(spans.form(section, report.template)):
        tag = "th" if index < head else "td"
        rows.append(
            "<tr>"
            + "".join(_form_cell(report.template, tag, cell, marks) for cell in row)
            + "</tr>"
        )
    layout = escape(table.layout or "no table read")
    return (
        f'<section class="table" id="section-{number}">'
        f"<h2>{escape(labels.SECTION_TITLES[number])} <small>{layout}</small></h2>\n"
        f'<table class="form {section}">'
        f"<thead>{''.join(rows[:head])}</thead><tbody>{''.join(rows[head:])}</tbody></table>"
        "</section>\n"
    )


def _form_cell(template_name: str, tag: str, form_cell: spans.FormCell, marks: _Marks) -> str:
    label, down, across, key = form_cell
    merged = (f' rowspan="{down}"' if down > 1 else "") + (
        f' colspan="{across}"' if across > 1 else ""
    )
    if key is None:
        return f'<{tag} class="label"{merged}>{escape(label)}</{tag}>'
    cell = marks.cells[key]
    template = TEMPLATES[template_name]
    field = template.fields[template.index[key]]
    where = f"{field.row_label} · {field.column_label}"
    value = spans.cell_text(cell.value)
    data = {
        "key": key,
        "label": where,
        "prov": cell.provenance,
        "value": value,
        "raw": cell.raw,
        "line": cell.line,
        "col": cell.column,
        "rule": cell.rule,
        "rule-title": _rule_titles(template_name, cell.rule),
        "checks": " ".join(f"check-{i}" for i in marks.checks.get(key, ())),
        "diags": " ".join(f"d{i}" for i in marks.notes.get(key, ())),
        "ocr": _OCR_CHECKS[cell.ocr.check] if cell.ocr else None,
        "ocr-reads": _reads(cell) if cell.ocr else None,
        "cause": f"d{marks.causes[key]}" if key in marks.causes else None,
        "corrected": _corrected(cell),
    }
    attributes = "".join(
        f' data-{name}="{escape(str(value))}"' for name, value in data.items() if value
    )
    classes = f"v {cell.provenance}"
    if key in marks.checks:
        classes += " broken" if key in marks.blamed else " part"
    crop = ""
    if cell.ocr is not None:
        classes += f" ocr ocr-{cell.ocr.check}"
        found = marks.crops.get(key)
        if found:
            crop = (
                f'<img class="crop" alt="the cell on page {cell.ocr.page} of the scan" '
                f'src="data:image/png;base64,{base64.b64encode(found).decode()}">'
            )
    return (
        f'<td id="cell-{escape(key)}" class="{classes}" tabindex="0"{merged}{attributes} '
        f'title="{escape(_tooltip(cell, where))}">{escape(value)}{crop}</td>'
    )


#: What each ``Scanned.check`` says on the page.
_OCR_CHECKS = {
    "rules": "read by OCR; a rule that holds checks it",
    "reads": "read by OCR; only its two reads check it (no rule does)",
    "disagree": "read by OCR; missing: its two reads differ",
    "unverified": "read by OCR; missing: it is in a rule the report violates",
    "unchecked": "read by OCR; missing: no rule checks it (ocr='strict')",
}


def _reads(cell: Cell) -> str:
    assert cell.ocr is not None
    first, second = cell.ocr.reads
    return f"page {cell.ocr.page}: the cell's crop read «{first}», read again «{second}»"


def _tooltip(cell: Cell, where: str) -> str:
    lines = [cell.key, where, cell.provenance]
    if cell.raw is not None:
        lines.append(f"«{cell.raw}» at line {cell.line}, column {cell.column}")
    if cell.rule:
        lines.append(f"derived by {cell.rule}")
    if cell.ocr is not None:
        lines.extend([_OCR_CHECKS[cell.ocr.check], _reads(cell)])
    if cell.correction is not None:
        lines.append(_corrected(cell) or "")
    return "\n".join(lines)


def _corrected(cell: Cell) -> str | None:
    """Who settled a corrected cell, when, how, and what the machine read."""
    mark = cell.correction
    if mark is None:
        return None
    verdict = {"value": "typed", "blank": "printed blank", "confirm": "confirmed"}[mark.verdict]
    read = mark.machine
    machine = (
        "nothing"
        if read is None or (read.value is None and read.provenance == "missing")
        else f"{read.value if read.value is not None else 'blank'} ({read.provenance})"
    )
    agrees = {True: "; the machine now reads the same", False: "; the machine now reads otherwise"}
    note = f"; note: {mark.note}" if mark.note else ""
    return (
        f"{verdict} by {mark.reviewer} at {mark.time}; the machine had read {machine}"
        f"{agrees.get(mark.agrees, '')}{note}"  # type: ignore[arg-type]
    )


def _rule_titles(template: str, rule: str | None) -> str:
    """The titles of the consistency rules that ``rule`` (a derived cell's) names."""
    if not rule:
        return ""
    titles = {r.name: r.title for r in rule_set(template).rules}
    named = rule.rpartition(": ")[2].split(", ")
    return "\n".join(titles[name] for name in named if name in titles)


def _diagnostics(diagnostics: Sequence[Diagnostic]) -> str:
    if not diagnostics:
        return '<section id="diagnostics"><h2>Diagnostics</h2><p>None.</p></section>\n'
    items: dict[str, list[str]] = {severity: [] for severity in _SEVERITIES}
    for index, d in enumerate(diagnostics):
        where = "—" if d.line is None else f"{d.line}:{d.column or 1}"
        line = f' data-line="{d.line}"' if d.line is not None else ""
        items[d.severity].append(
            f'<li id="d{index}" class="diag {d.severity}"{line} data-code="{escape(d.code)}" '
            f'data-keys="{escape(" ".join(d.keys))}" data-text="{escape(str(d))}">'
            f'<span class="where">{where}</span> <span class="sev">{d.severity}</span> '
            f"{escape(d.message)} <code>{escape(d.code)}</code></li>"
        )
    shown = "".join(items["error"] + items["warning"])
    info = items["info"]
    folded = (
        f"<details><summary>{len(info)} info</summary><ul>{''.join(info)}</ul></details>"
        if info
        else ""
    )
    return (
        f'<section id="diagnostics"><h2>Diagnostics ({len(diagnostics)})</h2>'
        f"<ul>{shown}</ul>{folded}</section>\n"
    )


def _source(report: Report, text: str, cells: dict[str, Cell]) -> str:
    """The source text, a line a row with its number; table regions marked by section,
    diagnostics' lines flagged, parsed numbers linked to their cells."""
    lines = text.split("\n")
    regions: dict[int, tuple[int, bool]] = {}  # line index -> (section number, first line)
    for number, section in skeleton.split(lines).sections.items():
        for span in section.lines("table"):
            for index in span:
                regions[index] = (number, index == span.start)
    flagged: dict[int, list[Diagnostic]] = defaultdict(list)
    for d in report.diagnostics:
        if d.line is not None:
            flagged[d.line].append(d)
    numbers: dict[int, list[Cell]] = defaultdict(list)
    for cell in cells.values():
        if cell.provenance == "parsed" and cell.line is not None and cell.raw:
            numbers[cell.line].append(cell)
    layouts = {SECTION_NUMBERS[table.section]: table.layout for table in report.tables}
    out = ['<div id="source"><div class="src-head">Source text</div><div class="src">']
    for index, line in enumerate(lines):
        number = index + 1
        classes = ["ln"]
        region = regions.get(index)
        if region is not None:
            section_number, first = region
            classes.append(f"tab s{section_number}")
            if first:
                out.append(
                    f'<div class="region s{section_number}">table of section '
                    f"{SECTION_NAMES[section_number]} · "
                    f"{escape(layouts.get(section_number) or 'not read')}</div>"
                )
        found = flagged.get(number)
        gutter = ""
        if found:
            worst = min(found, key=lambda d: _SEVERITIES.index(d.severity)).severity
            classes.append(f"flag-{worst}")
            gutter = f' title="{escape(chr(10).join(str(d) for d in found))}"'
        out.append(
            f'<div id="L{number}" class="{" ".join(classes)}">'
            f'<span class="n"{gutter}>{number}</span>'
            f'<span class="tx">{_linked(line, numbers.get(number, ()))}</span></div>'
        )
    out.append("</div></div>")
    return "".join(out)


def _linked(line: str, found: Iterable[Cell]) -> str:
    """``line`` escaped, each parsed cell's raw text (where it is at its column) wrapped in
    a link to the cell; overlapping cells (a merged cell read twice) keep the first."""
    parts, position = [], 0
    for cell in sorted(found, key=lambda c: c.column or 0):
        start = (cell.column or 1) - 1
        raw = cell.raw or ""
        if start < position or line[start : start + len(raw)] != raw:
            continue
        parts.append(escape(line[position:start]))
        parts.append(
            f'<a class="num {cell.provenance}" href="#{escape(cell.key)}" '
            f'data-key="{escape(cell.key)}">{escape(raw)}</a>'
        )
        position = start + len(raw)
    parts.append(escape(line[position:]))
    return "".join(parts) or " "


# The page's style: compact, print-like tables; provenance colours shared by form, legend,
# bar and source numbers.
_CSS = """
:root{--parsed:#ffffff;--derived:#dcebff;--missing:#e9e9e9;--bad:#c62828;--warn:#b26a00;
--good:#2e7d32;--line:#c9c9c9;--ink:#1d1d1d;--mute:#6b6b6b;--sel:#ffd54f}
*{box-sizing:border-box}
body{margin:0;font:13px/1.4 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;
color:var(--ink);background:#f6f6f4}
header{padding:10px 16px 8px;background:#fff;border-bottom:1px solid var(--line)}
h1{font-size:18px;margin:0 0 4px}h1 small{font-weight:400;color:var(--mute);font-size:13px}
h2{font-size:14px;margin:14px 0 6px}h2 small{font-weight:400;color:var(--mute)}
.verdict{display:inline-block;margin:0 12px 4px 0;padding:2px 10px;border-radius:12px;
font-weight:600;color:#fff}
.verdict.good{background:var(--good)}.verdict.warn{background:var(--warn)}
.verdict.bad{background:var(--bad)}
.counts{display:inline-block;margin:0;color:var(--mute)}
.counts b.parsed{color:var(--ink)}.counts b.derived{color:#1f5fbf}.counts b.missing{color:#777}
.counts b.blank{color:#555}
.bar{display:flex;height:8px;margin:6px 0;border:1px solid var(--line);border-radius:4px;
overflow:hidden;max-width:720px}
.bar span.parsed{background:#9ccc9c}.bar span.derived{background:#7fa9e8}
.bar span.missing{background:#bdbdbd}.bar span.blank{background:#e0e0e0}
.bar span.corrected{background:#43a047}
.facts{display:flex;flex-wrap:wrap;gap:2px 14px;margin:4px 0}
.facts dt{color:var(--mute)}.facts dt::after{content:":"}.facts dd{margin:0 0 0 -10px}
.legend{display:flex;flex-wrap:wrap;gap:4px 16px;list-style:none;margin:4px 0 0;padding:0;
color:var(--mute)}
.legend .v{display:inline-block;min-width:28px;padding:0 4px;text-align:right;
border:1px solid var(--line)}
main{display:flex;align-items:flex-start}
#form{flex:1 1 58%;min-width:0;padding:0 12px 24px 16px}
#side{flex:1 1 42%;min-width:0;position:sticky;top:0;height:100vh;display:flex;
flex-direction:column;border-left:1px solid var(--line);background:#fff}
table.form{border-collapse:collapse;background:#fff;font-size:12px}
table.form th,table.form td{border:1px solid var(--line);padding:1px 5px}
td.v{min-width:44px}
table.form th,table.form td.label{font-weight:400;text-align:left;color:#333;
background:#fafafa}
table.form th{text-align:center;background:#f0f0ee}
td.v,.legend .v{text-align:right;font-variant-numeric:tabular-nums;cursor:pointer;
white-space:nowrap}
.v.parsed{background:var(--parsed)}
.v.derived{background:var(--derived);font-style:italic;color:#1f4f99}
.v.blank{background:#fff;color:#999}
.v.corrected{background:#e8f5e9;color:#1b5e20;font-weight:600}
.v.missing{background:repeating-linear-gradient(45deg,#ececec 0 4px,#f7f7f7 4px 8px);
color:#888;text-align:center}
.v.broken{box-shadow:inset 0 0 0 2px var(--bad);color:var(--bad);font-weight:600}
.v.part{box-shadow:inset 0 -2px 0 #e57373}
.v.hl{box-shadow:inset 0 0 0 2px var(--sel)}
.v.broken.hl{box-shadow:inset 0 0 0 2px var(--bad),inset 0 0 0 4px var(--sel)}
.v.sel{outline:3px solid #111;outline-offset:-1px}
.v.ocr{border-left:3px solid #8e7cc3}.v.ocr-reads{border-left:3px dashed #e69138}
.v.ocr-disagree,.v.ocr-unverified,.v.ocr-unchecked{border-left:3px solid #cc0000}
.v img.crop{display:block;height:20px;margin:1px 0 0 auto;border:1px solid #ddd}
#detail img.crop{height:48px;border:1px solid #999}
#violations ol,#diagnostics ul{margin:0;padding-left:18px}
#violations li{margin:2px 0 6px;cursor:pointer;color:var(--bad)}
#violations li b{color:var(--ink)}
#violations li.on{background:#fff4d6}
code{font-size:11px;color:var(--mute)}
.diag{margin:2px 0;cursor:default}.diag[data-line]{cursor:pointer}
.diag .where{display:inline-block;min-width:40px;color:var(--mute);
font-variant-numeric:tabular-nums}
.diag .sev{display:inline-block;padding:0 5px;border-radius:3px;color:#fff;font-size:11px}
.diag.error .sev{background:var(--bad)}.diag.warning .sev{background:var(--warn)}
.diag.info .sev{background:#8a8a8a}
details summary{cursor:pointer;color:var(--mute);margin:4px 0}
#detail{padding:10px 14px;border-bottom:1px solid var(--line);min-height:90px;
max-height:45vh;overflow:auto}
#detail .hint{color:var(--mute);margin:0}
#detail h3{margin:0 0 2px;font-size:14px;font-family:ui-monospace,monospace}
#detail .prov{display:inline-block;padding:0 6px;border-radius:3px;border:1px solid #999;
font-size:11px;margin-left:6px}
#detail dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:6px 0 0}
#detail dt{color:var(--mute)}#detail dd{margin:0;white-space:pre-wrap}
#detail .raw{background:#fff59d;padding:0 3px;font-family:ui-monospace,monospace}
#detail .bad{color:var(--bad)}
#source{flex:1;min-height:0;display:flex;flex-direction:column}
.src-head{padding:4px 14px;color:var(--mute);border-bottom:1px solid var(--line)}
.src{flex:1;overflow:auto;font:12px/1.45 ui-monospace,"Noto Sans Mono CJK SC",monospace;
tab-size:4}
.ln{display:flex;border-left:4px solid transparent}
.ln .n{flex:0 0 44px;padding-right:8px;text-align:right;color:#aaa;user-select:none}
.ln .tx{flex:1;white-space:pre-wrap;word-break:break-all;padding-right:8px}
.ln.tab{background:#fbfaf3}.ln.s2{border-left-color:#9ccc9c}
.ln.s3{border-left-color:#7fa9e8}.ln.s4{border-left-color:#c9a0dc}
.ln.flag-error .n{color:#fff;background:var(--bad)}
.ln.flag-warning .n{color:#fff;background:var(--warn)}
.ln.flag-info .n{color:#333;background:#ddd}
.ln.hl{background:#fff4c2}
.region{margin-top:6px;padding:1px 8px 1px 52px;font-size:11px;color:var(--mute);
border-left:4px solid;background:#f3f3ef}
.region.s2{border-color:#9ccc9c}.region.s3{border-color:#7fa9e8}
.region.s4{border-color:#c9a0dc}
a.num{color:inherit;text-decoration:none;border-bottom:1px dotted #999}
a.num.on{background:#ffd54f;outline:1px solid #c79a00}
@media (max-width:900px){main{display:block}#side{position:static;height:auto}}
"""

# The page's behaviour: select a cell (click, Enter, a source number, a #key link) to fill
# the detail panel from its data- attributes and show its source line; click a violated
# rule to highlight its cells. Text is only ever set with textContent.
_SCRIPT = """
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var panel = document.getElementById("detail");
  var pane = document.querySelector("#source .src");
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }
  function row(list, name, content) {
    list.appendChild(el("dt", name));
    var dd = el("dd");
    if (typeof content === "string") dd.textContent = content; else dd.appendChild(content);
    list.appendChild(dd);
  }
  function clear(cls) {
    document.querySelectorAll("." + cls).forEach(function (n) { n.classList.remove(cls); });
  }
  function showLine(number) {
    var line = number && document.getElementById("L" + number);
    if (!line || !pane) return;
    line.classList.add("hl");
    pane.scrollTop = line.offsetTop - pane.offsetTop - pane.clientHeight / 3;
  }
  function select(td) {
    clear("sel"); clear("hl"); clear("on");
    td.classList.add("sel");
    var d = td.dataset;
    panel.textContent = "";
    var title = el("h3", d.key);
    title.appendChild(el("span", d.prov, "prov v " + d.prov));
    panel.appendChild(title);
    var list = el("dl");
    row(list, "cell", d.label);
    row(list, "value", d.prov === "missing" ? "missing: the text gives no value"
      : d.prov === "blank" ? "blank: printed empty" : d.value);
    if (d.raw) {
      var raw = el("span");
      raw.appendChild(el("span", d.raw, "raw"));
      raw.appendChild(document.createTextNode(" at line " + d.line + ", column " + d.col));
      row(list, "source", raw);
    }
    if (d.rule) row(list, "derived by", d.rule + (d.ruleTitle ? "\\n" + d.ruleTitle : ""));
    if (d.ocr) row(list, "OCR", d.ocr + "\\n" + d.ocrReads);
    if (d.corrected) row(list, "corrected", d.corrected);
    var crop = td.querySelector("img.crop");
    if (crop) row(list, "scan", crop.cloneNode());
    (d.checks || "").split(" ").filter(Boolean).forEach(function (id) {
      var check = document.getElementById(id);
      if (check) row(list, "violates", el("span", check.dataset.text, "bad"));
    });
    var cause = d.cause && document.getElementById(d.cause);
    if (cause) row(list, "missing because", cause.dataset.text);
    var unchecked = [];
    (d.diags || "").split(" ").filter(Boolean).forEach(function (id) {
      var note = document.getElementById(id);
      if (!note || note === cause) return;
      if (note.dataset.code === "rule-not-assessable") unchecked.push(note.dataset.text);
      else row(list, "diagnostic", note.dataset.text);
    });
    if (unchecked.length) {
      var fold = el("details", null, "unchecked");
      fold.appendChild(el("summary", unchecked.length + " rule(s) not checked"));
      unchecked.forEach(function (text) { fold.appendChild(el("div", text)); });
      row(list, "not checked", fold);
    }
    panel.appendChild(list);
    var number = document.querySelector('a.num[data-key="' + CSS.escape(d.key) + '"]');
    if (number) number.classList.add("on");
    showLine(d.line || (cause && cause.dataset.line));
    if (location.hash !== "#" + d.key) history.replaceState(null, "", "#" + d.key);
  }
  function byKey(key) {
    var node = document.getElementById("cell-" + key);
    return node && node.matches("td.v") ? node : null;
  }
  document.addEventListener("click", function (event) {
    var target = event.target;
    var td = target.closest("td.v");
    if (td) { select(td); return; }
    var number = target.closest("a.num");
    if (number) {
      event.preventDefault();
      var cell = byKey(number.dataset.key);
      if (cell) { select(cell); cell.scrollIntoView({block: "nearest"}); }
      return;
    }
    var check = target.closest("li.check");
    if (check) {
      var keys = check.dataset.keys.split(" ");
      var first = byKey(keys[0]);
      if (first) select(first);
      keys.forEach(function (key) { var c = byKey(key); if (c) c.classList.add("hl"); });
      check.classList.add("on");
      return;
    }
    var diag = target.closest("li.diag[data-line]");
    if (diag) {
      clear("hl");
      diag.dataset.keys.split(" ").forEach(function (key) {
        var c = byKey(key); if (c) c.classList.add("hl");
      });
      showLine(diag.dataset.line);
    }
  });
  document.addEventListener("keydown", function (event) {
    var td = event.target.closest && event.target.closest("td.v");
    if (td && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      select(td);
    }
  });
  function fromHash() {
    var cell = location.hash && byKey(decodeURIComponent(location.hash.slice(1)));
    if (cell) { select(cell); cell.scrollIntoView({block: "nearest"}); }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
"""
