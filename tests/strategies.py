"""Hypothesis strategies: reports of both templates whose numbers satisfy every consistency
rule, optionally with cells left missing, variants that break rules on purpose, and texts
drawn from the canonical grammar."""

from __future__ import annotations

import datetime
from decimal import Decimal
from functools import cache
from typing import Any

from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark
from lark import Lark
from lark.lexer import PatternStr

import govinfo_report as gr
from govinfo_report import labels
from govinfo_report.write import canonical

BODIES = (
    "北京市门头沟区潭柘寺镇人民政府",
    "青岚县市场监督管理局",
    "梧川市生态环境局",
    "城东区韵家口镇政府",
)
YEARS = {"2019": (2019, 2020), "2021": (2021, 2025)}
COUNT = st.integers(0, 40) | st.just(0)


def _refilled(report: gr.Report, values: dict[str, Any]) -> gr.Report:
    """A report of ``values`` with ``report``'s template, body, year and date."""
    return gr.Report.from_values(
        values,
        template=report.template,  # type: ignore[arg-type]
        organisation=report.organisation,
        year=report.year,
        published=report.published,
    )


APPLICANTS = ("natural_person", "commercial_enterprise", "research_institution")
APPLICANTS += ("public_interest_organisation", "legal_service_agency", "other_organisation")


def beside_wide_counts(template: str, key: str, counts: tuple[int, ...]) -> dict[str, int]:
    """Every value of ``template``, zeros but for section 三's row ``key`` printing
    ``counts`` by applicant, 已予公开 four-digit counts (wide columns in space-aligned
    text) and the rows whose rules sum them (新收, 总计), every rule holding."""
    row = dict(zip(APPLICANTS, counts, strict=True))
    wide = dict(zip(APPLICANTS, (1234, 2345, 3456, 4567, 5678, 6789), strict=True))
    values = {field.key: 0 for field in gr.fields(template)}
    for prefix, by_applicant in ((key, row), ("applications.granted", wide)):
        values |= {f"{prefix}.{column}": n for column, n in by_applicant.items()}
        values[f"{prefix}.total"] = sum(by_applicant.values())
    for prefix in ("applications.new", "applications.total"):
        values |= {f"{prefix}.{column}": row[column] + wide[column] for column in APPLICANTS}
        values[f"{prefix}.total"] = sum(row.values()) + sum(wide.values())
    return values


#: What section 一 may state of section 二, by template: the key and how it is said.
STATED = {
    "2019": {
        "proactive.normative_documents.made": "新制作规范性文件{}件",
        "proactive.normative_documents.published": "新公开规范性文件{}件",
        "proactive.licensing.decisions": "作出行政许可决定{}件",
        "proactive.penalties.decisions": "作出行政处罚决定{}件",
    },
    "2021": {
        "proactive.rules.issued": "制发规章{}件",
        "proactive.rules.in_force": "现行有效规章{}件",
        "proactive.normative_documents.issued": "制发的行政规范性文件{}件",
        "proactive.normative_documents.repealed": "废止规范性文件{}件",
        "proactive.normative_documents.in_force": "现行有效行政规范性文件{}件",
        "proactive.licensing.decisions": "作出行政许可决定{}件",
        "proactive.penalties.decisions": "作出行政处罚决定{}件",
    },
}


def stating(template: str, counts: dict[str, Any]) -> str:
    """Section 一's sentence stating ``counts`` (keys of ``STATED[template]``), in order."""
    said = "，".join(STATED[template][key].format(counts[key]) for key in sorted(counts))
    return f"本年度，{said}。"


@st.composite
def applications(
    draw: st.DrawFn,
    template: str,
    count: st.SearchStrategy[int] = COUNT,
    most_forward: int = 5,
) -> dict[str, int]:
    """Section 三 with every rule holding: outcome cells drawn from ``count``, at most
    ``most_forward`` applications carried forward a column."""
    rows = list(labels.APPLICATION_ROWS[template])
    outcomes = rows[2:-2]
    table = {row: [draw(count) for _ in range(6)] for row in outcomes}
    total = [sum(table[row][c] for row in outcomes) for c in range(6)]
    forward = [draw(st.integers(0, most_forward)) for _ in range(6)]
    over = [draw(st.integers(0, total[c] + forward[c])) for c in range(6)]
    table |= {
        "total": total,
        "carried_forward": forward,
        "carried_over": over,
        "new": [total[c] + forward[c] - over[c] for c in range(6)],
    }
    return {
        f"applications.{row}.{column}": value
        for row, values in table.items()
        for column, value in zip(labels.APPLICANT_COLUMNS, [*values, sum(values)], strict=True)
    }


@st.composite
def appeals(draw: st.DrawFn) -> dict[str, int]:
    """Section 四 with every group sum holding."""
    values: dict[str, int] = {}
    for group in labels.APPEAL_GROUPS:
        parts = [draw(st.integers(0, 9)) for _ in range(4)]
        outcomes = list(labels.APPEAL_OUTCOMES)
        values |= {
            f"appeals.{group}.{o}": v for o, v in zip(outcomes, [*parts, sum(parts)], strict=True)
        }
    return values


def _proactive_value(kind: str) -> st.SearchStrategy[int | Decimal]:
    if kind == "signed":
        return st.integers(-60, 60)
    if kind == "money":
        return st.decimals(0, 99999, places=4)
    return st.integers(0, 5000)


@st.composite
def reports(draw: st.DrawFn, template: str | None = None, missing: bool = True) -> gr.Report:
    """A report of ``template`` (either when ``None``) whose numbers satisfy every rule; with
    ``missing``, some cells are left out (rules touching them are then not assessable)."""
    name = template or draw(st.sampled_from(sorted(YEARS)))
    values: dict[str, object] = {
        field.key: draw(_proactive_value(field.kind))
        for field in gr.fields(name)
        if field.section == "proactive"
    }
    values |= draw(applications(name)) | draw(appeals())
    if missing:
        gone = draw(st.sets(st.sampled_from(sorted(values)), max_size=4))
        values = {key: value for key, value in values.items() if key not in gone}
    year = draw(st.integers(*YEARS[name]))
    published = datetime.date(year + 1, draw(st.integers(1, 3)), draw(st.integers(1, 28)))
    return gr.Report.from_values(
        values,
        template=name,  # type: ignore[arg-type]
        organisation=draw(st.sampled_from(BODIES)),
        year=year,
        published=published,
    )


#: 1-3 digit counts, and 0 (printed blank) as often as any width.
_NARROW_COUNTS = st.integers(1, 9) | st.integers(10, 99) | st.integers(100, 999) | st.just(0)


@st.composite
def narrow_reports(
    draw: st.DrawFn, zeros: bool = False, counts: st.SearchStrategy[int] | None = None
) -> gr.Report:
    """A report for a narrow page's cells (``manglers.CentredRows``): one of ``reports``
    whose section 二 counts are 1-3 digits or 0 (the signed 本年增/减 as drawn), and section
    三 redrawn from ``counts`` (where none, small ones: totals of two or three digits),
    every rule holding. With ``zeros``, section 二's counts are 0 two draws in five, not
    one in four (a page printing many rows blank)."""
    report = draw(reports())
    proactive = st.just(0) | _NARROW_COUNTS if zeros else _NARROW_COUNTS
    values = {
        key: draw(proactive)
        if key.startswith("proactive.") and isinstance(value, int) and value >= 0
        else value
        for key, value in report.flat().items()
    }
    small = (
        counts
        if counts is not None
        else draw(st.sampled_from((st.integers(0, 9), st.integers(0, 40))))
    )
    values |= draw(applications(report.template or "2021", count=small))
    return gr.Report.from_values(
        {key: value for key, value in values.items() if value is not None},
        template=report.template,  # type: ignore[arg-type]
        organisation=report.organisation,
        year=report.year,
        published=report.published,
    )


@st.composite
def sparse_reports(draw: st.DrawFn, template: str | None = None, missing: bool = True) -> gr.Report:
    """A report of ``reports`` with zeros in every table, as bodies fill them: section 三's
    counts are often 0 already; here about half of section 二's cells are 0 too, and some
    outcomes of each group of section 四 (its 总计 their sum again). Rendered with blank
    zeros, most rows then print several blank cells, some none, some only blanks.
    ``missing`` as for ``reports``."""
    report = draw(reports(template, missing))
    values = {key: value for key, value in report.flat().items() if value is not None}
    for key in sorted(values):
        if key.startswith("proactive.") and draw(st.booleans()):
            values[key] = 0
    for group in labels.APPEAL_GROUPS:
        keys = [f"appeals.{group}.{outcome}" for outcome in labels.APPEAL_OUTCOMES]
        if all(key in values for key in keys):
            for key in draw(st.sets(st.sampled_from(keys[:-1]))):
                values[key] = 0
            values[keys[-1]] = sum(values[key] for key in keys[:-1])  # type: ignore[misc]
    return _refilled(report, values)


#: Section 三's rows that are no outcome: their 总计 is not the sum of a group's.
_NOT_OUTCOMES = ("new", "carried_over", "total", "carried_forward")


@st.composite
def slipped_totals(draw: st.DrawFn, drawn: st.SearchStrategy[gr.Report]) -> gr.Report:
    """A report of ``drawn`` one of whose section 三 outcome rows counts applications but
    leaves its 总计 out, 0 (a report's own slip, cms-hypothesis-1: ``16 15 30 5 0 0`` and
    no 总计 under （六）2.): with blank zeros, a row one value short of its columns whose
    blank cell is its last."""
    report = draw(drawn)
    values = {key: value for key, value in report.flat().items() if value is not None}
    totals = sorted(
        key
        for key, value in values.items()
        if key.startswith("applications.") and key.endswith(".total") and value
        if key.split(".")[1] not in _NOT_OUTCOMES
    )
    assume(totals)
    values[draw(st.sampled_from(totals))] = 0
    return _refilled(report, values)


@st.composite
def natural_persons(draw: st.DrawFn, template: str | None = None, most: int = 1) -> gr.Report:
    """A report of ``reports`` (none of its cells left out) whose applications come from
    natural persons and at most ``most`` kinds of organisation, as most bodies' do: each other
    organisation column's counts moved to 自然人 (every rule still holds, each being a
    sum). Printed with blank zeros, each row of section 三 prints two or three values
    (自然人, maybe the one organisation, 总计), the other cells blank."""
    report = draw(reports(template, missing=False))
    kept = draw(st.sets(st.sampled_from(APPLICANTS[1:]), max_size=most))
    values = {key: value for key, value in report.flat().items() if value is not None}
    for key in sorted(values):
        row, _, column = key.rpartition(".")
        if key.startswith("applications.") and column in APPLICANTS[1:] and column not in kept:
            values[f"{row}.natural_person"] += values[key]  # type: ignore[operator]
            values[key] = 0
    return _refilled(report, values)


@st.composite
def nothing_forward(
    draw: st.DrawFn, template: str | None = None, count: st.SearchStrategy[int] = COUNT
) -> gr.Report:
    """A report of ``sparse_reports`` (none of its cells left out) that carries no
    application forward, and some other: printed with blank zeros, section 三's last row
    (结转下年度继续办理) prints nothing after 总计, and its empty cells end the table's text
    (lynx's run on to section 四's heading, one line each). ``count``: its outcome cells."""
    report = draw(sparse_reports(template, missing=False))
    values = {key: value for key, value in report.flat().items() if value is not None}
    section = draw(applications(report.template or "2019", count=count, most_forward=0))
    assume(any(section.values()))  # a table that prints no value has no text
    return _refilled(report, values | section)


@st.composite
def after_review_alone(draw: st.DrawFn, template: str | None = None) -> gr.Report:
    """A report of ``sparse_reports`` whose section 四 has only 复议后起诉 cases (行政复议 and
    未经复议直接起诉 all 0, at least one case after review): with blank zeros its row prints
    its last five cells alone, past ten blank ones."""
    report = draw(sparse_reports(template, missing=False))
    values = {key: value for key, value in report.flat().items() if value is not None}
    outcomes = list(labels.APPEAL_OUTCOMES)[:-1]
    for group in labels.APPEAL_GROUPS:
        keys = [f"appeals.{group}.{outcome}" for outcome in outcomes]
        if group != "litigation_after_review":
            values |= dict.fromkeys(keys, 0)
        elif not any(values[key] for key in keys):
            values[keys[0]] = draw(st.integers(1, 30))
        values[f"appeals.{group}.total"] = sum(values[key] for key in keys)  # type: ignore[misc]
    return _refilled(report, values)


@st.composite
def blank_first_rows(draw: st.DrawFn, template: str | None = None) -> gr.Report:
    """A report of ``sparse_reports`` whose first row of one or more of section 二's
    sub-tables is all 0: printed with blank zeros, that row prints no value, so text that
    runs a table's cells together glues the sub-table's header to its label
    (``…对外公开总数量规章``)."""
    report = draw(sparse_reports(template, missing=False))
    values = {key: value for key, value in report.flat().items() if value is not None}
    blocks = labels.PROACTIVE_BLOCKS[report.template or "2019"]
    for _, _, rows in draw(st.sets(st.sampled_from(blocks), min_size=1)):
        values |= {key: 0 for key in values if key.startswith(f"proactive.{rows[0]}.")}
    return _refilled(report, values)


@st.composite
def given_blanks(draw: st.DrawFn, template: str | None = None) -> gr.Report:
    """A complete report of ``sparse_reports`` (zeros in every table, printed as 0) with
    one to four cells of section 二 not given, which a page prints blank beside its zeros
    (``manglers.not_given_blank``). Only section 二: a cell of 三 or 四 not given breaks
    their rules."""
    report = draw(sparse_reports(template, missing=False))
    values = {key: value for key, value in report.flat().items() if value is not None}
    proactive = sorted(key for key in values if key.startswith("proactive."))
    gone = draw(st.sets(st.sampled_from(proactive), min_size=1, max_size=4))
    return _refilled(report, {key: value for key, value in values.items() if key not in gone})


@st.composite
def blank_totals(draw: st.DrawFn, template: str | None = None) -> tuple[gr.Report, list[str]]:
    """A report of ``sparse_reports`` with one to three rows of section 三 that hold
    applications leaving their 总计 blank, and those cells' keys: 0 in the report, so that
    with blank zeros they print blank, as a page that prints a row's parts and not its sum
    (the report's other cells keep the sums, its （七）总计 counting the rows' totals)."""
    report = draw(sparse_reports(template))
    values = {key: value for key, value in report.flat().items() if value is not None}
    outcomes = [
        key
        for key, value in values.items()
        if key.startswith("applications.") and key.endswith(".total") and value
        if key.split(".")[1] not in ("new", "carried_over", "total", "carried_forward")
    ]
    assume(outcomes)
    blank = sorted(draw(st.sets(st.sampled_from(outcomes), min_size=1, max_size=3)))
    return _refilled(report, values | dict.fromkeys(blank, 0)), blank


@st.composite
def one_value_ending(draw: st.DrawFn) -> tuple[gr.Report, str]:
    """A report of ``sparse_reports`` one of whose section 二 sub-tables ends with a row
    printing one value (its other cells 0), and that row's label: a page break before the
    row leaves the value alone on the next page in its sub-table."""
    report = draw(sparse_reports())
    template = report.template or "2019"
    _, columns, rows = draw(st.sampled_from(labels.PROACTIVE_BLOCKS[template]))
    row = rows[-1]
    kept = f"proactive.{row}.{draw(st.sampled_from(columns))}"
    values = {key: value for key, value in report.flat().items() if value is not None}
    values |= {f"proactive.{row}.{column}": 0 for column in columns}
    kind = next(field.kind for field in gr.fields(template) if field.key == kept)
    values[kept] = draw(_proactive_value(kind).filter(bool))
    return _refilled(report, values), labels.PROACTIVE_ROWS[template][row][0]


@st.composite
def few_applicants(
    draw: st.DrawFn, template: str | None = None, least: int = 0, most: int = 5
) -> gr.Report:
    """A complete report of ``reports`` whose applicants are of a few kinds: ``least`` to
    ``most`` applicant columns of section 三 are 0 in every row (its 总计 the sum of the
    others), as a small body's report prints them. With blank zeros, those columns are
    blank from top to bottom, so every row prints fewer cells than it has."""
    report = draw(reports(template, missing=False))
    values = {key: value for key, value in report.flat().items() if value is not None}
    columns = list(labels.APPLICANT_COLUMNS)[:-1]
    unused = draw(st.sets(st.sampled_from(columns), min_size=least, max_size=most))
    for key in report.applications.keys:
        row, column = key.rsplit(".", 1)
        if column in unused:
            values[f"{row}.total"] -= values[key]  # type: ignore[operator]
            values[key] = 0
    return _refilled(report, values)


@st.composite
def broken_reports(draw: st.DrawFn) -> tuple[gr.Report, str]:
    """A complete consistent report with one count of section 三 or 四 raised by 1 to 9,
    and the key of that cell."""
    report = draw(reports(missing=False))
    values = report.flat()
    key = draw(st.sampled_from([k for k in values if not k.startswith("proactive.")]))
    values[key] = values[key] + draw(st.integers(1, 9))  # type: ignore[operator]
    return gr.Report.from_values(
        values,
        template=report.template,
        organisation=report.organisation,
        year=report.year,
        published=report.published,
    ), key


#: A count of an enriched report: almost never zero, of one to five digits.
_RICH = st.integers(0, 19).flatmap(
    lambda roll: st.just(0) if roll == 0 else st.integers(1, 10 ** (1 + roll % 4) - 1)
)


def _rich(kind: str) -> st.SearchStrategy[int | Decimal]:
    if kind == "signed":
        return st.integers(-999, 999).filter(bool)
    if kind == "money":
        return st.decimals(Decimal("0.0001"), 99999, places=4)
    return _RICH


@st.composite
def enriched_reports(draw: st.DrawFn, template: str | None = None) -> gr.Report:
    """A complete report of ``template`` (either when ``None``) whose cells hold numbers of
    one to five digits, almost never zero, and satisfy every rule: damage to a cell shows,
    as it does not in a table of zeros (the seeds' are)."""
    name = template or draw(st.sampled_from(sorted(YEARS)))
    values: dict[str, object] = {
        field.key: draw(_rich(field.kind))
        for field in gr.fields(name)
        if field.section == "proactive"
    }
    small = st.integers(0, 19).flatmap(
        lambda roll: st.just(0) if roll == 0 else st.integers(1, 300)
    )
    values |= draw(applications(name, small, most_forward=60))
    for group in labels.APPEAL_GROUPS:
        parts = [draw(st.integers(0, 19).map(lambda n: n * 7 % 20)) for _ in range(4)]
        values |= {
            f"appeals.{group}.{outcome}": value
            for outcome, value in zip(labels.APPEAL_OUTCOMES, [*parts, sum(parts)], strict=True)
        }
    year = draw(st.integers(*YEARS[name]))
    return gr.Report.from_values(
        values,
        template=name,  # type: ignore[arg-type]
        organisation=draw(st.sampled_from(BODIES)),
        year=year,
        published=datetime.date(year + 1, draw(st.integers(1, 3)), draw(st.integers(1, 28))),
    )


def canonical_texts(template: str) -> st.SearchStrategy[str]:
    """Texts of the canonical grammar (``grammars/canonical.lark``, tab-separated) for
    ``template``: any title, prose and signature it allows, any value in every cell
    (counts of any length, ``—``), whether or not the rules hold."""
    return st.deferred(lambda: _canonical_texts(template))  # the parser is built on first use


@cache
def _canonical_texts(template: str) -> st.SearchStrategy[str]:
    grammar = Lark(canonical.grammar().text, parser="lalr", start=f"report_{template}")
    # A word is itself: drawing it through its regular expression costs ten times as much.
    words = {
        terminal.name: st.just(terminal.pattern.value)
        for terminal in grammar.terminals
        if isinstance(terminal.pattern, PatternStr)
    }
    return from_lark(grammar, explicit=words)
