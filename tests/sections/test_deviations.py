"""Template deviations seen in real reports (issue 16, item 8), each on reports written here
from known values, never on the real report it was seen in: a misnumbered or misspelt
heading, a group of section 三 printed as one row, ``1、`` numbering, a missing header row,
merged cells in section 二, counts with units, money in 元, signed deltas."""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import chain

import regex
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report import labels
from govinfo_report.fold import fold
from govinfo_report.structure import skeleton
from govinfo_report.write.render import renderable as render_layouts

from conftest import SEEDS, scaled
from strategies import reports

SEED = SEEDS[1].read_text(encoding="utf-8")  # 2019 template, tab-separated

#: Section 二 of a 2019 report, every cell printed.
PROACTIVE_2019 = {
    "rules": (1, 2, 3),
    "normative_documents": (4, 5, 6),
    "licensing": (20, 17, 37),
    "other_services": (144, 5, 149),
    "penalties": (67, -36, 103),
    "coercive_measures": (7, 8, 9),
    "fees": (11, 12),
    "procurement": (15, Decimal("680.594743")),
}


def _values_2019() -> dict[str, object]:
    values: dict[str, object] = {}
    for row, printed in PROACTIVE_2019.items():
        columns = labels.PROACTIVE_SHAPE["2019"][row]
        values |= {f"proactive.{row}.{c}": v for c, v in zip(columns, printed, strict=True)}
    return values


REPORT_2019 = gr.Report.from_values(
    _values_2019(), template="2019", year=2020, organisation="青岚县市场监督管理局"
)
TEXT_2019 = gr.render(REPORT_2019, "tab-separated")


def _proactive(report: gr.Report) -> dict[str, object]:
    return {k: v for k, v in report.flat().items() if k.startswith("proactive.")}


def _codes(report: gr.Report) -> list[str]:
    return [d.code for d in report.diagnostics]


# Headings ----------------------------------------------------------------------------------


def test_a_heading_numbered_as_the_one_before_is_read_by_its_title() -> None:
    heading = "三、收到和处理政府信息公开申请情况"
    report = gr.parse(SEED.replace(heading, "二、收到和处理政府信息公开申请情况"))
    assert report.flat() == gr.parse(SEED).flat()
    [found] = [d for d in report.diagnostics if d.code == "heading-misnumbered"]
    assert found.line == SEED.split("\n").index(heading) + 1
    assert "section-missing" not in _codes(report)


def test_a_numbered_item_of_prose_is_never_taken_for_a_lost_heading() -> None:
    # Section 三's heading is gone, and section 一 has an item naming its subject: the item
    # (numbered ``2.``, unlike any heading) stays text, and section 三 is reported missing.
    text = SEED.replace("三、收到和处理政府信息公开申请情况", "")
    text = text.replace(
        "二、主动公开政府信息情况", "2.依申请公开情况：无。\n二、主动公开政府信息情况"
    )
    report = gr.parse(text)
    assert "heading-misnumbered" not in _codes(report)
    assert any(d.code == "section-missing" and "三" in d.message for d in report.diagnostics)


#: A narrative numbered its own way, none of its headings naming a section of the template.
NARRATIVE = (
    "二、工作机制建设\n成立政务公开工作专班，明确专人负责。\n"
    "三、主动公开工作开展情况\n全年主动公开各类信息。\n"
    "四、依规办理公开申请的情况\n所有申请均按时答复。\n"
    "附表\n"
)


def _numbered_as_appendix(text: str, shift: int) -> str:
    """``text`` (a rendering of a report) numbered as reports whose narrative is numbered
    its own way print it: the tables' headings shifted by ``shift`` (``-1``: ``一、主动公开…``
    after a narrative of 二 to 四, with 五 and 六 as the template numbers them; ``+1``: ``三、
    主动公开…`` after a narrative 二, and every heading after it shifted too, 六 becoming 七)."""
    numerals = "一二三四五六七"
    shifted = (2, 3, 4) if shift < 0 else (2, 3, 4, 5, 6)
    for number in shifted:
        title = labels.SECTION_TITLES[number]
        assert text.count(f"{title}\n") == 1
        text = text.replace(f"{title}\n", f"{numerals[number - 1 + shift]}{title[1:]}\n")
    first = f"{numerals[1 + shift]}{labels.SECTION_TITLES[2][1:]}\n"
    narrative = NARRATIVE if shift < 0 else NARRATIVE.split("三、")[0]
    return text.replace(first, narrative + first, 1)


def test_tables_numbered_as_an_appendix_are_read_by_their_titles() -> None:
    for shift in (-1, 1):
        text = _numbered_as_appendix(TEXT_2019, shift)
        report = gr.parse(text)
        assert _proactive(report) == _proactive(REPORT_2019)
        assert report.flat() == gr.parse(TEXT_2019).flat()
        lines = text.split("\n")
        sections = (2, 3, 4) if shift < 0 else (2, 3, 4, 5, 6)
        misnumbered = [
            lines.index(f"{'一二三四五六七'[s - 1 + shift]}{labels.SECTION_TITLES[s][1:]}") + 1
            for s in sections
        ]
        found = [d.line for d in report.diagnostics if d.code == "heading-misnumbered"]
        assert found == misnumbered
        assert "unknown-label" not in _codes(report)


@scaled(0.4)
@given(reports(missing=False), st.sampled_from(render_layouts()), st.sampled_from((-1, 1)))
def test_any_report_numbered_as_an_appendix_reads_as_numbered_by_the_template(
    report: gr.Report, layout: str, shift: int
) -> None:
    text = gr.render(report, layout)
    read, plain = gr.parse(_numbered_as_appendix(text, shift)), gr.parse(text)
    assert read.flat() == plain.flat()
    assert _codes(read).count("heading-misnumbered") == (3 if shift < 0 else 5)
    assert "section-missing" not in _codes(read)
    assert (read.problems, read.other_matters) == (plain.problems, plain.other_matters)


def test_a_single_misnumbered_heading_is_no_shift() -> None:
    # 一、主动公开… numbered as section 一 with the other headings right: one misnumbered
    # heading, whose numeral is another heading's (一、总体情况), read by the single rule.
    heading = "二、主动公开政府信息情况"
    report = gr.parse(TEXT_2019.replace(heading, "一、主动公开政府信息情况"))
    assert report.flat() == gr.parse(TEXT_2019).flat()
    assert _codes(report).count("heading-misnumbered") == 1


def test_numbered_items_of_prose_are_no_shifted_headings() -> None:
    # Section 一 lists items named like sections 二 and 三, numbered 1. and 2., whose own
    # headings are gone: two items in a row shifted alike, but numbered in Arabic numerals
    # where the report's headings are Chinese; they stay text.
    text = TEXT_2019.replace("二、主动公开政府信息情况\n", "").replace(
        "三、收到和处理政府信息公开申请情况\n", ""
    )
    text = text.replace(
        "一、总体情况\n", "一、总体情况\n1.主动公开政府信息情况\n2.收到和处理政府信息公开申请情况\n"
    )
    report = gr.parse(text)
    assert "heading-misnumbered" not in _codes(report)
    missing = [d.message for d in report.diagnostics if d.code == "section-missing"]
    assert any("二" in m for m in missing) and any("三" in m for m in missing)


def test_a_heading_with_a_stray_character_is_still_a_heading() -> None:
    heading = "四、政府信息公开行政复议、行政诉讼情况"
    report = gr.parse(SEED.replace(heading, "四、政府信息公开行政法复议情况"))
    assert report.flat() == gr.parse(SEED).flat()
    assert "section-missing" not in _codes(report)


_KEYWORD_CHARS = "".join(sorted(set("".join(map(fold, chain(*labels.SECTION_KEYWORDS.values()))))))


@given(
    st.sampled_from(sorted(labels.SECTION_KEYWORDS)),
    st.data(),
    st.text(_KEYWORD_CHARS + "法的、x。 \n", max_size=3),
    st.text(_KEYWORD_CHARS + "法的、x。 \n", max_size=3),
)
def test_a_heading_keyword_is_found_with_one_character_inserted_as_fuzzy_matching_finds_it(
    number: int, data: st.DataObject, before: str, after: str
) -> None:
    """The spelt-out places of ``skeleton._KEYWORDS`` find what ``regex``'s fuzzy
    ``{i<=1}`` (one character inserted) finds in a keyword edited anyhow."""
    word = fold(data.draw(st.sampled_from(labels.SECTION_KEYWORDS[number])))
    edited = data.draw(st.lists(st.sampled_from([*word, *"法的、x\n"]), max_size=len(word) + 2))
    title = before + data.draw(st.sampled_from(["".join(edited), word])) + after
    for section, words in labels.SECTION_KEYWORDS.items():
        fuzzy = regex.compile(
            "|".join(
                f"(?:{regex.escape(fold(w))}){{i<=1}}" if len(w) >= 4 else regex.escape(fold(w))
                for w in words
            )
        )
        found = skeleton._KEYWORDS[section].search(title) is not None
        assert found == (fuzzy.search(title) is not None)


def test_a_word_one_character_off_a_heading_keyword_is_no_heading() -> None:
    # 具体情况 is one character off 总体情况: a substitution, which heading typos are not
    # taken to be; the line stays text of section 五.
    heading = "五、存在的主要问题及改进情况"
    report = gr.parse(SEED.replace(heading, f"{heading}\n一、具体情况"))
    assert "section-out-of-order" not in _codes(report)
    assert report.problems is not None and "一、具体情况" in report.problems


# Section 二 --------------------------------------------------------------------------------


def test_units_signs_and_yuan_inside_cells() -> None:
    text = TEXT_2019.replace("规章\t1\t2\t3", "规章\t1件\t2件\t3件")
    text = text.replace("行政许可\t20\t17\t37", "行政许可\t20项\t+17\t37个")
    text = re.sub(r"政府集中采购\t15\t680\.594743", "政府集中采购\t15个\t6805947.43元", text)
    report = gr.parse(text)
    assert _proactive(report) == _proactive(gr.parse(TEXT_2019))
    assert report.cell("proactive.licensing.change").raw == "+17"
    assert report.cell("proactive.procurement.amount").value == Decimal("680.594743")
    # A count unit never makes money, nor a money unit a count.
    bad = gr.parse(text.replace("15个", "15元").replace("6805947.43元", "6805947.43个"))
    assert bad.cell("proactive.procurement.projects").value is None
    assert bad.cell("proactive.procurement.amount").value is None
    assert _codes(bad).count("invalid-value") == 2


def test_the_last_row_with_units_in_text_without_a_grid() -> None:
    # A table's last row printing units is still a table line: in text of one cell a line
    # or of cells apart by spaces, a table ends at its last line holding a value.
    for layout, sep in (("cell-per-line", r"\n\n"), ("space-aligned", " +")):
        text = gr.render(REPORT_2019, layout)
        row = re.compile(f"政府集中采购({sep})15({sep})680\\.594743")
        assert row.search(text)
        units = row.sub(r"政府集中采购\g<1>15个\g<2>6805947.43元", text)
        report = gr.parse(units)
        assert _proactive(report) == _proactive(gr.parse(text)), layout


def test_units_apart_from_their_numbers() -> None:
    # pdftotext -layout of a page printing 政府集中采购 with its units apart.
    text = gr.render(REPORT_2019, "space-aligned")
    row = next(line for line in text.split("\n") if line.startswith("政府集中采购"))
    assert row.split() == ["政府集中采购", "15", "680.594743"]
    for apart in (
        "政府集中采购    15 笔      6805947.43 元",
        "政府集中采购  15笔  680.594743 万元",
    ):
        report = gr.parse(text.replace(row, apart))
        assert _proactive(report) == _proactive(REPORT_2019), apart
        assert report.cell("proactive.procurement.amount").raw == apart.split("  ")[-1].strip()


#: How tools print the gap between a number and its unit.
GAPS = st.sampled_from(["", " ", "  ", "   ", "\u3000", "\u00a0"])


def _with_units(text: str, projects: str, amount: str) -> str:
    """``text`` with the two values after ``政府集中采购`` printed as ``projects`` and
    ``amount``, wherever the layout puts them (the same line, the lines after)."""
    at = text.index("政府集中采购")
    values = iter((projects, amount))
    rest = re.sub(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])", lambda _: next(values), text[at:], count=2)
    return text[:at] + rest


@scaled(0.6)
@given(
    reports(template="2019", missing=False),
    st.sampled_from(["tab-separated", "markdown", "box-grid", "space-aligned", "cell-per-line"]),
    st.sampled_from(labels.COUNT_UNITS),
    st.sampled_from(sorted(labels.MONEY_UNITS)),
    GAPS,
    GAPS,
)
def test_units_apart_with_any_spacing_are_read(
    report: gr.Report, layout: str, count_unit: str, money_unit: str, gap: str, other_gap: str
) -> None:
    projects = report.flat()["proactive.procurement.projects"]
    amount = Decimal(str(report.flat()["proactive.procurement.amount"]))
    printed = (amount * labels.MONEY_UNITS[money_unit]).normalize()
    text = gr.render(report, layout)
    apart = _with_units(text, f"{projects}{gap}{count_unit}", f"{printed:f}{other_gap}{money_unit}")
    assert apart != text
    read = gr.parse(apart)
    assert read.cell("proactive.procurement.projects").value == projects
    assert read.cell("proactive.procurement.amount").value == amount
    assert _proactive(read) == _proactive(gr.parse(text))


def test_a_missing_header_row_and_a_header_worded_otherwise() -> None:
    # No 第二十条第（六）项 block: 行政处罚 and 行政强制 follow in the （五）项 block, whose
    # header says 本年增/减量.
    block = "第二十条第（六）项\t\t\t\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
    assert block in TEXT_2019
    text = TEXT_2019.replace(block, "").replace("本年增/减", "本年增/减量")
    assert _proactive(gr.parse(text)) == _proactive(REPORT_2019)


def _grid_page(rows: list[str]) -> str:
    """A page whose section 二 is one table on a grid of five columns, its sub-tables'
    cells merged across grid columns as Word lays them out; the other sections as
    ``render_html`` writes them."""
    page = gr.render_html(REPORT_2019)
    start = page.index("<table", page.index("二、主动公开政府信息情况"))
    end = page.index("</table>", start) + len("</table>")
    return page[:start] + "<table border='1'>" + "".join(rows) + "</table>" + page[end:]


def _tr(*cells: tuple[str, int]) -> str:
    return "<tr>" + "".join(f"<td colspan='{span}'>{text}</td>" for text, span in cells) + "</tr>"


def test_merged_cells_of_a_shared_grid_are_read_under_their_header() -> None:
    rows = [_tr(("第二十条第（一）项", 5))]
    rows.append(
        _tr(("信息内容", 1), ("本年新制作数量", 1), ("本年新公开数量", 2), ("对外公开总数量", 1))
    )
    for key, label in (("rules", "规章"), ("normative_documents", "规范性文件")):
        made, published, total = PROACTIVE_2019[key]
        rows.append(_tr((label, 1), (str(made), 1), (str(published), 2), (str(total), 1)))
    rows.append(_tr(("第二十条第（五）项", 5)))
    rows.append(_tr(("信息内容", 1), ("上一年项目数量", 1), ("本年增/减", 2), ("处理决定数量", 1)))
    for key in ("licensing", "other_services", "penalties", "coercive_measures"):
        before, change, decisions = PROACTIVE_2019[key]
        label = labels.PROACTIVE_ROWS["2019"][key][0]
        rows.append(_tr((label, 1), (str(before), 1), (f"{change:+d}", 2), (str(decisions), 1)))
    rows.append(_tr(("第二十条第（八）项", 5)))
    rows.append(_tr(("信息内容", 1), ("上一年项目数量", 2), ("本年增/减", 2)))
    rows.append(_tr(("行政事业性收费", 1), ("11", 2), ("12", 2)))
    rows.append(_tr(("第二十条第（九）项", 5)))
    rows.append(_tr(("信息内容", 1), ("采购项目数量", 2), ("采购总金额", 2)))
    rows.append(_tr(("政府集中采购", 1), ("15个", 2), ("6805947.43元", 2)))
    report = gr.parse(_grid_page(rows), format="html")
    assert _proactive(report) == _proactive(REPORT_2019)
    assert _codes(report).count("merged-cells") == 8


def test_a_header_repeating_a_merged_cell_places_the_row_by_it() -> None:
    # python-docx gives a merged cell once per grid column it covers, headers too.
    old = "信息内容\t上一年项目数量\t本年增/减\n行政事业性收费\t11\t12"
    assert old in TEXT_2019
    header = "信息内容\t上一年项目数量\t上一年项目数量\t本年增/减\t本年增/减"
    report = gr.parse(TEXT_2019.replace(old, f"{header}\n行政事业性收费\t11\t11\t12\t12"))
    assert (
        report.flat()["proactive.fees.previous_items"],
        report.flat()["proactive.fees.change"],
    ) == (11, 12)
    # Cells under one header column that disagree say nothing certain about it.
    report = gr.parse(TEXT_2019.replace(old, f"{header}\n行政事业性收费\t11\t13\t12\t12"))
    assert report.cell("proactive.fees.previous_items").value is None
    assert report.cell("proactive.fees.change").value == 12


def test_values_centred_in_a_tall_row_are_read_by_their_columns() -> None:
    # pdftotext -layout centres a cell in a row made tall by a wrapped label: 处理决定数量
    # sits a line above the row's other values.
    text = gr.render(REPORT_2019, "space-aligned")
    row = re.compile("行政处罚 +67 +-36 +103")
    assert row.search(text)
    tall = "行政              103\n      67  -36\n处罚"
    report = gr.parse(row.sub(tall, text))
    assert report.flat()["proactive.penalties.previous_items"] == 67
    assert report.flat()["proactive.penalties.change"] == -36
    assert report.flat()["proactive.penalties.decisions"] == 103


# Section 三 --------------------------------------------------------------------------------


def _group_line(text: str, template: str, group: str) -> tuple[str, list[str]]:
    """``text`` (tab-separated) with the rows of ``group`` in section 三 replaced by one row
    of the group's label holding their sums, and the sub-rows' keys."""
    keys = [k for k in labels.APPLICATION_ROWS[template] if k.startswith(f"{group}.")]
    lines = text.split("\n")
    printed = [labels.APPLICATION_PRINTED[template][k][2] for k in keys]
    at = [i for i, line in enumerate(lines) if any(p and p in line for p in printed)]
    assert len(at) == len(keys)
    sums = [
        sum(int(line.split("\t")[3 + c] or 0) for line in (lines[i] for i in at)) for c in range(7)
    ]
    label = labels.APPLICATION_GROUPS[template][group][0]
    group_row = f"\t（六）{label}\t\t" + "\t".join(map(str, sums))
    return "\n".join([*lines[: at[0]], group_row, *lines[at[-1] + 1 :]]), keys


@scaled(0.6)
@given(reports(missing=False), st.data())
def test_a_group_printed_as_one_row_never_gives_a_wrong_sub_row(
    report: gr.Report, data: st.DataObject
) -> None:
    template = report.template
    assert template is not None
    group = data.draw(st.sampled_from(["denied", "unavailable", "not_processed", "other"]))
    if group == "other" and template == "2019":
        group = "not_processed"
    text, keys = _group_line(gr.render(report, "tab-separated"), template, group)
    read = gr.parse(text)
    truth = report.flat()
    for key in keys:
        for column in labels.APPLICANT_COLUMNS:
            cell = read.cell(f"applications.{key}.{column}")
            assert cell.value in (None, truth[cell.key]), cell.key
    sums = {
        column: sum(truth[f"applications.{key}.{column}"] for key in keys)  # type: ignore[misc]
        for column in labels.APPLICANT_COLUMNS
    }
    for column, total in sums.items():
        if total == 0:  # a printed 0: each part is 0
            assert all(read.cell(f"applications.{k}.{column}").value == 0 for k in keys)
    assert "group-row" in _codes(read)
    assert "row-missing" not in _codes(read)


def test_a_group_row_beside_its_sub_rows_places_nothing() -> None:
    values: dict[str, object] = {f.key: 0 for f in gr.fields("2021") if f.section == "applications"}
    values["applications.other.no_correction.natural_person"] = 1
    values["applications.other.no_correction.total"] = 1
    values["applications.total.natural_person"] = 1
    values["applications.total.total"] = 1
    values["applications.new.natural_person"] = 1
    values["applications.new.total"] = 1
    report = gr.Report.from_values(values, template="2021", year=2022, organisation="某县人民政府")
    text = gr.render(report, "tab-separated")
    grouped, _ = _group_line(text, "2021", "other")
    # The group row stands beside the first sub-row, whose label is printed alone.
    kept = next(line for line in text.split("\n") if "逾期不补正" in line)
    label_only = kept.split("\t")[2]
    read = gr.parse(grouped.replace("\t（六）其他处理", f"\t\t{label_only}\n\t（六）其他处理"))
    assert "group-row" not in _codes(read)
    assert any("beside its sub-rows" in d.message for d in read.diagnostics)
    # Its 1 is 其他处理's, and no sub-row's: the rules leave 自然人 of each sub-row open.
    for key in ("no_correction", "unpaid_fee", "other"):
        assert read.cell(f"applications.other.{key}.natural_person").value is None


def test_sub_rows_numbered_with_a_comma() -> None:
    report = gr.Report.from_values(
        {f.key: 0 for f in gr.fields("2021") if f.section == "applications"},
        template="2021",
        year=2022,
        organisation="某县人民政府",
    )
    text = gr.render(report, "tab-separated")
    numbered = re.sub(r"\t(\d)\.", r"\t\1、", text)
    assert numbered != text
    assert gr.parse(numbered).flat() == gr.parse(text).flat()


def _wrapped_other(text: str, template: str) -> str:
    """``text`` (space-aligned) with （六）其他处理 wrapped after 其他, as ``pdftotext -layout``
    and w3m wrap a narrow label column: ``处理`` goes on the next line, with the rest of the
    2021 first sub-row's label printed beside the group's. The values keep their display
    columns (a wrapped-off CJK character's two columns become two spaces)."""
    line = next(line for line in text.split("\n") if line.lstrip().startswith("（六）其他处理"))
    indent = line[: len(line) - len(line.lstrip())]
    if template == "2019":
        rest = line.lstrip().removeprefix("（六）其他处理")
        return text.replace(line, f"{indent}（六）其他    {rest}\n{indent}处理")
    first = "（六）其他处理  1.申请人无正当理由逾期不补正、"
    tail = "行政机关不再处理其政府信息公开申请"
    rest = line.lstrip().removeprefix(first).removeprefix(tail)
    return text.replace(
        line,
        f"{indent}（六）其他      1.申请人无正当理由逾期不补正、{' ' * 2 * len(tail)}{rest}\n"
        f"{indent}处理            {tail}",
    )


@scaled(0.6)
@given(reports(missing=False), st.sampled_from(["", " ", "  "]))
def test_a_wrapped_group_label_and_a_numbering_apart_lose_no_row(
    report: gr.Report, gap: str
) -> None:
    # （六）其他 / 处理 is the group （六）其他处理 (2019: its row), never sub-row 3.其他; a
    # sub-row numbered ``3. 其他`` is that row: every cell read from the text, as printed
    # unwrapped.
    template = report.template
    assert template is not None
    text = gr.render(report, "space-aligned")
    printed = _wrapped_other(text, template)
    printed = re.sub(r"^(\d)\.(?=\S)", lambda m: f"{m[1]}.{gap}", printed, flags=re.MULTILINE)
    read, plain = gr.parse(printed), gr.parse(text)
    assert read.flat() == plain.flat()
    assert [c.provenance for c in read.applications] == [c.provenance for c in plain.applications]
    assert "values-unplaced" not in _codes(read)


def test_a_wrapped_group_label_is_never_the_sub_row_other() -> None:
    values: dict[str, object] = {f.key: 0 for f in gr.fields("2021") if f.section == "applications"}
    for row in ("other.no_correction", "new", "total"):
        values |= {f"applications.{row}.natural_person": 2, f"applications.{row}.total": 2}
    report = gr.Report.from_values(values, template="2021", year=2022, organisation="某县人民政府")
    read = gr.parse(_wrapped_other(gr.render(report, "space-aligned"), "2021"))
    assert read.cell("applications.other.no_correction.natural_person").value == 2
    assert read.cell("applications.other.other.natural_person").value == 0
    assert read.cell("applications.other.other.natural_person").provenance == "parsed"
    assert "duplicate-row" not in _codes(read)


@scaled(0.2)
@given(reports(template="2021", missing=False))
def test_row_labels_with_typos_are_read(report: gr.Report) -> None:
    text = gr.render(report, "tab-separated")
    typos = {
        "2.其他法律行政法规禁止公开": "2.其他法律行政止公开",
        "4.保护第三方合法权益": "4.保扩第三方合法权益",
        "3.要求提供公开出版物": "3.要求提供公开出板物",
    }
    for label, typo in typos.items():
        assert text.count(label) == 1
        text = text.replace(label, typo)
    assert gr.parse(text).flat() == gr.parse(gr.render(report, "tab-separated")).flat()


def test_a_group_row_beside_a_row_with_no_label_is_not_trusted() -> None:
    values: dict[str, object] = {f.key: 0 for f in gr.fields("2021") if f.section == "applications"}
    report = gr.Report.from_values(values, template="2021", year=2022, organisation="某县人民政府")
    grouped, _ = _group_line(gr.render(report, "tab-separated"), "2021", "other")
    assert "group-row" in _codes(gr.parse(grouped))
    at = grouped.index("\t（六）其他处理")
    # A row of values with no label at all could be a sub-row whose label was lost.
    lost = grouped[:at] + "\t\t\t0\t0\t0\t0\t0\t0\t0\n" + grouped[at:]
    assert "group-row" not in _codes(gr.parse(lost))
    # One whose label is the wrapped end of another group's row could not.
    wrapped = grouped[:at] + "\t\t已获取信息\t0\t0\t0\t0\t0\t0\t0\n" + grouped[at:]
    assert "group-row" in _codes(gr.parse(wrapped))


def _word_grid(page: str) -> str:
    """``page`` with section 三 on a Word grid of one more column: 商业企业 and every value
    under it span two grid columns (法人或其他组织 six)."""
    start = page.index("<table", page.index("三、收到和处理政府信息公开申请情况"))
    end = page.index("</table>", start)
    table = page[start:end]
    table = table.replace('<td colspan="5">法人或其他组织', '<td colspan="6">法人或其他组织')
    table = table.replace("<td>商业企业</td>", '<td colspan="2">商业企业</td>')

    def widen(row: re.Match[str]) -> str:
        cells = re.findall(r"<td[^>]*>.*?</td>", row[0])
        if len(cells) < 8 or "商业企业" in row[0]:
            return row[0]
        cells[-6] = cells[-6].replace("<td>", '<td colspan="2">', 1)
        return "<tr>" + "".join(cells) + "</tr>"

    table = re.sub(r"<tr>.*?</tr>", widen, table)
    return page[:start] + table + page[end:]


def _word_grid_tabs(text: str) -> str:
    """Tab-separated ``text`` with section 三 on the grid of ``_word_grid``, every position
    a cell (as a tool that keeps the grid but not its spans writes it): an empty cell after
    each 商业企业 cell and after 法人或其他组织."""
    start = text.index("三、收到和处理政府信息公开申请情况")
    end = text.index("四、政府信息公开行政复议", start)
    lines = []
    for line in text[start:end].split("\n"):
        cells = line.split("\t")
        if len(cells) >= 10:
            cells.insert(len(cells) - 5, "")
        lines.append("\t".join(cells))
    return text[:start] + "\n".join(lines) + text[end:]


@scaled(0.4)
@given(reports(missing=False))
def test_merged_cells_of_a_word_grid_in_section_three(report: gr.Report) -> None:
    clean = gr.parse(gr.render_html(report), format="html")
    # The page's grid: the reader folds the grid column no cell of the table's rows of
    # cells begins in, and reads the table as drawn.
    page = _word_grid(gr.render_html(report))
    assert 'colspan="2">' in page
    read = gr.parse(page, format="html")
    assert read.flat() == clean.flat()
    assert "merged-cells" not in _codes(read)
    # The same grid in text that shows the covered positions as empty cells.
    tabs = _word_grid_tabs(gr.render(report, "tab-separated"))
    read = gr.parse(tabs)
    assert read.flat() == gr.parse(gr.render(report, "tab-separated")).flat()
    assert "merged-cells" in _codes(read)


def test_a_word_grid_row_that_does_not_add_up_is_not_placed() -> None:
    # 其他 and 总计 print the same number: read as a python-docx repeat, the row would
    # shift; read as a merged cell, it must add up.
    values = {f.key: 0 for f in gr.fields("2019") if f.section == "applications"}
    for row in ("new", "granted", "total"):
        values[f"applications.{row}.other_organisation"] = 1
        values[f"applications.{row}.total"] = 1
    report = gr.Report.from_values(values, template="2019", year=2020, organisation="某县人民政府")
    text = _word_grid_tabs(gr.render(report, "tab-separated"))
    read = gr.parse(text)
    assert read.cell("applications.granted.other_organisation").value == 1
    assert read.cell("applications.granted.research_institution").value == 0
    # The same row printed not adding up: its cells are missing, none shifted.
    row = next(line for line in text.split("\n") if "（一）予以公开" in line)
    assert row.endswith("\t1\t1")
    read = gr.parse(text.replace(row, row.removesuffix("1") + "3"))
    granted = [read.cell(f"applications.granted.{c}").value for c in labels.APPLICANT_COLUMNS]
    assert granted == [None] * 7
    # On the page, the grid shows which cells are covered: the row is read as printed, and
    # its sum is reported.
    page = _word_grid(gr.render_html(report))
    page_row = next(line for line in page.split("\n") if "（一）予以公开" in line)
    broken = page_row.removesuffix("<td>1</td></tr>") + "<td>3</td></tr>"
    read = gr.parse(page.replace(page_row, broken), format="html")
    granted = [read.cell(f"applications.granted.{c}").value for c in labels.APPLICANT_COLUMNS]
    assert granted == [0, 0, 0, 0, 0, 1, 3]
    assert "rule-violation" in _codes(read)
