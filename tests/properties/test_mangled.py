"""Properties over mangled text: after changes that lose nothing (see ``manglers``), every
value comes back and nothing is warned about; after one that loses values, none comes back
wrong."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from random import Random

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report import labels
from govinfo_report.cells import is_value
from govinfo_report.tables.matching import normalise_label
from govinfo_report.write.render import render, renderable

from conftest import printed, scaled, wrong
from manglers import (
    ENCODINGS,
    LOSSLESS,
    LOSSY,
    NEWLINES,
    TRACELESS,
    UNCERTAIN,
    Mangler,
    arabic_headings,
    encode,
    mangle,
)
from strategies import enriched_reports, reports

LAYOUTS = renderable()
SINGLE = [(m, layout) for m in LOSSLESS for layout in LAYOUTS if layout in m.layouts]
#: The layouts the manglers are written for (the converters' layouts are tested on the real
#: tools' text instead: tests/formats/test_converters.py).
COMPOSABLE = sorted({layout for _, layout in SINGLE})


def _same_values(back: gr.Report, report: gr.Report) -> None:
    assert (back.template, back.organisation, back.year) == (
        report.template,
        report.organisation,
        report.year,
    )
    expected, got = report.flat(), printed(back)
    assert {k: (got[k], v) for k, v in expected.items() if got[k] != v} == {}
    assert [str(d) for d in back.diagnostics if d.severity != "info"] == []


@pytest.mark.parametrize(
    ("mangler", "layout"), SINGLE, ids=[f"{m.name}-{layout}" for m, layout in SINGLE]
)
@scaled(0.4)
@given(report=reports(), rng=st.randoms(use_true_random=False))
def test_each_lossless_mangler_keeps_every_value(
    mangler: Mangler, layout: str, report: gr.Report, rng: Random
) -> None:
    _same_values(gr.parse(mangle(render(report, layout), [mangler], rng)), report)


@scaled(4)
@given(report=reports(), layout=st.sampled_from(COMPOSABLE), data=st.data())
def test_composed_lossless_manglers_keep_every_value(
    report: gr.Report, layout: str, data: st.DataObject
) -> None:
    usable = [m for m in LOSSLESS if layout in m.layouts]
    chosen = data.draw(
        st.lists(st.sampled_from(usable), unique_by=lambda m: m.name, min_size=2, max_size=6),
        label="manglers",
    )
    encoding = data.draw(st.sampled_from(ENCODINGS), label="encoding")
    newline = data.draw(st.sampled_from(NEWLINES), label="newline")
    rng = data.draw(st.randoms(use_true_random=False))
    data_bytes = encode(mangle(render(report, layout), chosen, rng), encoding, newline)
    _same_values(gr.parse(data_bytes), report)


@scaled(1.2)
@given(report=enriched_reports(), layout=st.sampled_from(LOSSY[0].layouts), data=st.data())
def test_a_dropped_value_is_never_a_wrong_number(
    report: gr.Report, layout: str, data: st.DataObject
) -> None:
    """Values lost from some rows (with lossless changes around them): every cell is its
    true value (parsed, or derived by a rule) or missing, and a loss is never silent. A cell
    the report left out may come back derived: the rules that hold in the whole report fix
    its value."""
    usable = [m for m in LOSSLESS if layout in m.layouts]
    lossy = data.draw(
        st.lists(st.sampled_from(LOSSY), unique_by=lambda m: m.name, min_size=1), label="lossy"
    )
    chosen = [
        *data.draw(
            st.lists(st.sampled_from(usable), unique_by=lambda m: m.name, max_size=3),
            label="lossless",
        ),
        *lossy,
    ]
    chosen = data.draw(st.permutations(chosen), label="order")
    back = gr.parse(mangle(render(report, layout), chosen, data.draw(st.randoms())))
    truth, got = report.flat(), back.flat()
    assert wrong(back, truth) == {}
    lost = [key for key in truth if got[key] is None and truth[key] is not None]
    if lost:
        assert [d for d in back.diagnostics if d.severity != "info"], lost


def _never_wrong(text: str, report: gr.Report) -> None:
    """Every cell of ``text`` read is its true value in ``report`` (parsed, or derived by a
    rule) or missing; a cell the report left out may come back derived. Text the parser
    refuses as no report at all gives no value, so nothing wrong either."""
    try:
        back = gr.parse(text)
    except gr.ParseError:
        return
    assert wrong(back, report.flat()) == {}


def _uncertain(name: str) -> Mangler:
    return next(m for m in UNCERTAIN if m.name == name)


@pytest.mark.parametrize("name", [m.name for m in UNCERTAIN])
@scaled(2)
@given(report=enriched_reports(), data=st.data())
def test_an_uncertain_cell_is_never_a_wrong_number(
    name: str, report: gr.Report, data: st.DataObject
) -> None:
    """Zeros left blank (several a row, whole rows), labels misspelt or wrapped, line breaks
    lost: each alone, in every layout it applies to, after up to two lossless changes."""
    mangler = _uncertain(name)
    layout = data.draw(st.sampled_from(mangler.layouts), label="layout")
    usable = [m for m in LOSSLESS if layout in m.layouts]
    lossless = data.draw(
        st.lists(st.sampled_from(usable), unique_by=lambda m: m.name, max_size=2)
        if usable
        else st.just([]),
        label="lossless",
    )
    rng = data.draw(st.randoms(use_true_random=False))
    _never_wrong(mangle(render(report, layout), [*lossless, mangler], rng), report)


@scaled(2)
@given(
    report=enriched_reports(),
    layout=st.sampled_from(_uncertain("blank_zeros").layouts),
    data=st.data(),
)
def test_blank_zeros_and_misspelt_or_wrapped_labels_are_never_a_wrong_number(
    report: gr.Report, layout: str, data: st.DataObject
) -> None:
    """What real pages combine: zeros left blank and labels misspelt (and wrapped, where a
    label is a line of its own), in any order."""
    names = ("blank_zeros", "misspelt_labels", "wrapped_label_lines")
    chosen = [_uncertain(name) for name in names if layout in _uncertain(name).layouts]
    chosen = data.draw(st.permutations(chosen), label="order")
    _never_wrong(mangle(render(report, layout), chosen, data.draw(st.randoms())), report)


#: Where a section's heading stands in rendered text, and a line's words that are no value.
_SECTION_HEADING = re.compile(r"^([一二三四五六])、", re.M)


def _printed_labels(text: str) -> dict[str, str]:
    """Each section's (二, 三) label words as printed: the lines that are no value, joined
    and normalised, so a label cut over lines reads whole."""
    cuts = [(m.start(), m.group(1)) for m in _SECTION_HEADING.finditer(text)]
    return {
        number: "".join(
            normalise_label(line)
            for line in text[start:end].split("\n")
            if line.strip() and not is_value(line.strip())
        )
        for (start, number), (end, _) in zip(cuts, [*cuts[1:], (len(text), "")], strict=True)
        if number in "二三"
    }


@scaled(1)
@given(report=enriched_reports(), rng=st.randoms(use_true_random=False))
def test_a_row_whose_label_is_cut_over_spaced_lines_is_never_said_not_found(
    report: gr.Report, rng: Random
) -> None:
    """spaced_label_lines, cell-per-line: labels cut over lines of two spaced characters.
    No cell is wrong, and ``row-missing`` never says "rows not found" of a row whose label
    is printed in its section, cut or whole (a row whose label names no row to the reader
    is said to be printed in those labels, at them)."""
    text = mangle(render(report, "cell-per-line"), [_uncertain("spaced_label_lines")], rng)
    back = gr.parse(text)
    assert wrong(back, report.flat()) == {}
    words = _printed_labels(text)
    for found in back.diagnostics:
        section, _, rest = found.message.partition(": rows not found: ")
        if found.code == "row-missing" and rest:
            printed = words[section.removeprefix("section ")]
            # 总计, 规章 and 其他 stand in too many words to be looked for cut
            said = [normalise_label(label) for label in rest.split(", ")]
            assert [label for label in said if len(label) >= 4 and label in printed] == []


# The property's falsifying examples on today's parser, as plain tests -----------------------

_TYPED = gr.parse(
    Path(__file__).parents[1]
    / "fixtures"
    / "converters"
    / "typed-2021_tab_separated"
    / "python-docx.txt"
)


def _with_appeals(*groups: tuple[int, ...]) -> gr.Report:
    """The typed 2021 report with section 四's three groups replaced by ``groups``."""
    values = _TYPED.flat() | {
        f"appeals.{group}.{outcome}": value
        for group, row in zip(labels.APPEAL_GROUPS, groups, strict=True)
        for outcome, value in zip(labels.APPEAL_OUTCOMES, row, strict=True)
    }
    return _typed_with(values)


def _typed_with(values: Mapping[str, int | Decimal | None]) -> gr.Report:
    """The typed 2021 report's metadata with ``values`` (``None``: left out)."""
    return gr.Report.from_values(
        {key: value for key, value in values.items() if value is not None},
        template="2021",
        organisation=_TYPED.organisation,
        year=_TYPED.year,
        published=_TYPED.published,
    )


def test_blank_cells_kept_as_spaces_are_not_read_in_order() -> None:
    """blank_zeros, space-aligned (cells two spaces apart, not aligned): 行政复议 and
    未经复议直接起诉's zeros left blank, their width kept. The values after the blanks are
    起诉's, not 行政复议's 结果纠正/其他结果."""
    report = _with_appeals((0, 0, 0, 0, 0), (0, 0, 0, 3, 3), (7, 1, 7, 4, 19))
    text = render(report, TRACELESS["spaced"])
    printed = "0  0  0  0  0  0  0  0  3  3  7  1  7  4  19"
    assert printed in text
    _never_wrong(text.replace(printed, "0" + " " * 23 + "3  3  7  1  7  4  19"), report)


def test_values_of_a_row_whose_blank_cells_were_dropped_are_not_shifted_left() -> None:
    """blank_zeros, cell-per-line: the zeros of section 四 left blank and the blank cells
    dropped (pdftotext writes nothing for an empty cell, nor a line between cells): 8 is
    not 行政复议's 结果维持."""
    report = _with_appeals((0, 0, 0, 0, 0), (8, 0, 6, 0, 14), (7, 3, 5, 0, 15))
    text = render(report, TRACELESS["pdftotext"])
    printed = "\n".join(map(str, (0, 0, 0, 0, 0, 8, 0, 6, 0, 14, 7, 3, 5, 0, 15)))
    assert printed in text
    _never_wrong(text.replace(printed, "8\n6\n14\n7\n3\n5\n15"), report)


def test_the_two_wrapped_other_processing_labels_are_not_swapped() -> None:
    """wrapped_label_lines, cell-per-line: the 2021 其他处理 sub-rows 1 and 2 wrapped after
    their 、 both end in 行政机关不再处理其政府信息公开申请; sub-row 1's values stay its own."""
    text = render(_TYPED, "cell-per-line")
    for number in ("1.申请人无正当理由逾期不补正", "2.申请人逾期未按收费通知要求缴纳费用"):
        label = f"{number}、行政机关不再处理其政府信息公开申请"
        assert label in text
        text = text.replace(label, f"{number}、\n行政机关不再处理其政府信息公开申请")
    _never_wrong(text, _TYPED)


def test_values_run_into_the_next_labels_number_are_not_the_row_before() -> None:
    """tables_run_together after arabic_headings (2019): the page's tables one line each, its
    empty label cells ``&nbsp;``, read by columns of spaces; each row's values run into the
    next label's number (``…19072.上年结转…``), which then matches no row. The values
    after it (予以公开's, 结转下年度继续办理's) are not 本年新收's or 总计's."""
    nbsp = "\u00a0"
    new, carried_over = (
        ("1523", "287", "12", "9", "31", "45", "1907"),
        ("18", "4", "0", "0", "1", "2", "25"),
    )
    granted, forward = (
        ("1201", "230", "10", "7", "25", "40", "1513"),
        ("340", "61", "2", "2", "7", "7", "419"),
    )
    zeros = ("0",) * 7
    rows = [
        (
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
            "",
            "",
            "申请人情况",
        )
        + ("",) * 6,
        ("", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"),
        ("", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""),
        ("1.本年新收政府信息公开申请数量", "", "", *new),
        ("2.上年结转政府信息公开申请数量", "", "", *carried_over),
        ("3.本年度办理结果", "（一）予以公开", "", *granted),
        ("", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "", *zeros),
        *(
            ("", group, row, *zeros)
            for group, row in (
                ("（三）不予公开", "1.属于国家秘密"),
                ("", "2.其他法律行政法规禁止公开"),
                ("", "3.危及“三安全一稳定”"),
                ("", "4.保护第三方合法权益"),
                ("", "5.属于三类内部事务信息"),
                ("", "6.属于四类过程性信息"),
                ("", "7.属于行政执法案卷"),
                ("", "8.属于行政查询事项"),
                ("（四）无法提供", "1.本机关不掌握相关政府信息"),
                ("", "2.没有现成信息需要另行制作"),
                ("", "3.补正后申请内容仍不明确"),
                ("（五）不予处理", "1.信访举报投诉类申请"),
                ("", "2.重复申请"),
                ("", "3.要求提供公开出版物"),
                ("", "4.无正当理由大量反复申请"),
                ("", "5.要求行政机关确认或重新出具已获取信息"),
                ("（六）其他处理", ""),
            )
        ),
        ("", "（七）总计", "", *granted),
        ("4.结转下年度继续办理", "", "", *forward),
    ]
    line = "".join(cell or nbsp for row in rows for cell in row)
    text = "\n".join(
        (
            "某某市某某局2019年政府信息公开工作年度报告",
            "1.总体情况",
            "无。",
            "3.收到和处理政府信息公开申请情况",
            line,
            "5.存在的主要问题及改进情况",
            "无。",
        )
    )
    fields = [f for f in gr.fields("2019") if f.section == "applications"]
    columns = dict.fromkeys(f.column for f in fields)
    values = {f.key: 0 for f in fields} | {
        f"applications.{row}.{column}": int(value)
        for row, printed in (
            ("new", new),
            ("carried_over", carried_over),
            ("granted", granted),
            ("total", granted),
            ("carried_forward", forward),
        )
        for column, value in zip(columns, printed, strict=True)
    }
    report = gr.Report.from_values(values, template="2019")
    _never_wrong(text, report)


def _section_three_page(
    counts: dict[str, tuple[int, ...]], padded: set[tuple[str, int]], empty: str
) -> str:
    """arabic_headings, blank_lines then tables_run_together (2021) of a report of section 三
    alone, each row's values ``counts`` (zeros where not given): the page's empty cells
    ``empty`` (``&nbsp;`` or nothing), the cells at ``padded`` (row, column) padded with a
    ``&nbsp;`` before them, a blank line after the third row, so the table runs together on
    two lines, the first holding its header too. No heading is the template's, so the
    lines are not cut again at its labels."""
    nbsp = "\u00a0"
    printed = labels.APPLICATION_PRINTED["2021"]
    header = [
        ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "")
        + ("申请人情况",)
        + ("",) * 6,
        ("", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"),
        ("", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""),
    ]
    rows = [
        (
            *printed[key],
            *(
                (nbsp if (key, at) in padded else "") + str(value)
                for at, value in enumerate(counts.get(key, (0,) * 7))
            ),
        )
        for key in printed
    ]
    lines = ["".join(cell or empty for cell in row) for row in (*header, *rows)]
    table = "".join(lines[:6]) + "\n\n" + "".join(lines[6:])
    return "\n".join(
        (
            "某某县某某局2023年政府信息公开工作年度报告",
            "1.总体情况",
            "无。",
            "3.收到和处理政府信息公开申请情况",
            table,
            "5.存在的主要问题及改进情况",
            "无。",
        )
    )


def _section_three_report(counts: dict[str, tuple[int, ...]]) -> gr.Report:
    """The 2021 report whose section 三 rows are ``counts``, zeros elsewhere."""
    fields = [f for f in gr.fields("2021") if f.section == "applications"]
    columns = dict.fromkeys(f.column for f in fields)
    values = {f.key: 0 for f in fields} | {
        f"applications.{row}.{column}": value
        for row, printed_counts in counts.items()
        for column, value in zip(columns, printed_counts, strict=True)
    }
    return gr.Report.from_values(values, template="2021")


def test_values_run_into_a_chinese_numbered_heading_are_not_the_row_before() -> None:
    """上年结转's zeros run into ``三、本年度办理结果（一）予以公开``, whose values come after
    it a ``&nbsp;`` apart (its empty third label cell); 本年新收's 总计 is padded with one.
    Read by columns of spaces, that label cell names no row, and the values after it are
    not 上年结转's (read so, 上年结转 took 予以公开's 1s in 其他 and 总计: found by the
    thorough profile)."""
    counts = {row: (4, 0, 0, 0, 0, 1, 5) for row in ("new", "granted", "total")}
    text = _section_three_page(counts, {("new", 6)}, "\u00a0")
    assert "数量\u00a0\u00a00000000三、本年度办理结果（一）予以公开\u00a04000015" in text
    _never_wrong(text, _section_three_report(counts))


def _padded_run_together(text: str, padded: dict[str, set[int]], empty: str = "") -> str:
    """tables_run_together of ``text`` (tab-separated) as a page whose empty cells are
    ``empty`` (nothing, or ``&nbsp;``) and that pads some values with ``&nbsp;`` before
    them: each table one line, the values of a row whose line holds a key of ``padded`` at
    those places (0: its first value) padded, and each table's last value, so that its line
    ends as a row's does."""
    nbsp = "\u00a0"
    lines: list[str] = []
    table: list[str] = []
    for line in [*text.split("\n"), ""]:
        if "\t" in line:
            cells = line.split("\t")
            first = next((at for at, cell in enumerate(cells) if is_value(cell)), len(cells))
            pads = next((at for name, at in padded.items() if name in line), set())
            table.append(
                "".join(
                    (nbsp if at - first in pads else "") + (cell or empty)
                    for at, cell in enumerate(cells)
                )
            )
            continue
        if table:
            run = re.search(r"[\d.]+$", table[-1])
            if run is not None:
                table[-1] = table[-1][: run.start()] + nbsp + run.group()
            lines.append("".join(table))
            table = []
        lines.append(line)
    return "\n".join(lines[:-1])


def test_a_row_s_last_values_run_into_the_next_label_are_not_cut_as_the_whole_row() -> None:
    """arabic_headings then tables_run_together: 属于行政查询事项 (102 13 11 5 0 0 131), its
    自然人 and 法律服务机构 padded, is ``&nbsp;10213115&nbsp;00131（四）无法提供…``: read by
    columns of spaces, the rest of its values start the next group's label cell. Read as
    its whole row, every cut of ``10213115`` that keeps the row's sum made 总计 115 (102 +
    13), where 本年新收 and 总计, printed the same way, do not pin it (found by the thorough
    profile: 属于行政查询事项 305 for 587). The row before ends in a padded value, so the
    row's label starts a row of its own."""
    inquiry = dict(zip(labels.APPLICANT_COLUMNS, (102, 13, 11, 5, 0, 0, 131), strict=True))
    values = _TYPED.flat()
    for column, value in inquiry.items():
        key = f"applications.denied.administrative_inquiry.{column}"
        for row in ("new", "total"):
            values[f"applications.{row}.{column}"] += value - values[key]
        values[key] = value
    report = _typed_with(values)
    padded = {"本年新收": {0, 4}, "7.属于行政执法案卷": {6}, "8.属于行政查询事项": {0, 4}}
    padded["（七）总计"] = {0, 4}
    text = render(report, "tab-separated")
    text = _padded_run_together(arabic_headings(text, Random(0)), padded)
    assert "8.属于行政查询事项\u00a010213115\u00a000131（四）无法提供" in text
    _never_wrong(text, report)


def test_values_after_labels_run_into_by_values_are_not_the_first_row_s() -> None:
    """spaces, arabic_headings then tables_run_together, the page's empty cells ``&nbsp;``:
    本年新收's values run into ``2.上年结转…``, 上年结转's into ``3.本年``, and a full-width
    space inside that label (``3.本年　度办理结果``) cuts it, so the cell right before
    予以公开's values is ``度办理结果（一）予以公开``. The values are not 本年新收's, the one
    row the line's labels name: a label of digits run into a row's label stands between
    (found by the thorough profile: 本年新收 read 285 for 2759 and 13724). 本年新收,
    予以公开 and 总计 print counts in the thousands, as that report did."""
    values = _TYPED.flat()
    for row in ("new", "granted", "total"):
        for column in labels.APPLICANT_COLUMNS:
            values[f"applications.{row}.{column}"] += 12000 if column == "total" else 2000
    report = _typed_with(values)
    text = arabic_headings(render(report, "tab-separated"), Random(0))
    assert text.count("3.本年度办理结果") == 1
    text = _padded_run_together(text.replace("3.本年度", "3.本年\u3000度"), {}, "\u00a0")
    assert "12053" in text and "3.本年\u3000度办理结果" in text
    _never_wrong(text, report)
