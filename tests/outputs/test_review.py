"""The review page (``gr.review_html``, ``govinfo-report show``), read back with lxml: each
value cell's value, provenance, source line and raw text, derived cells' rules, violated
rules on their cells, missing cells, the marked source text, and escaping.

Values below were read off the seed's text by hand: seed 001 prints ``行政许可\\t7\\t0\\t34``
on line 35 (34 at column 10), section 四 has no number (line 85 is ``------\\t------``), and
its （七）总计 row (line 79) gives 0 for 自然人 though （一）予以公开 gives 6.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import lxml.html
import pytest

import govinfo_report as gr
from govinfo_report.cli import command as cli
from govinfo_report.cli.command import main
from govinfo_report.read import formats

from conftest import SEEDS, WRITTEN

SEED = SEEDS[1]  # 001: derived cells, missing cells and two violated rules
assert SEED.name.startswith("001_")


def page(report: gr.Report, text: str | None = None) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(gr.review_html(report, text))


@pytest.fixture(scope="module")
def seed_page() -> lxml.html.HtmlElement:
    return page(gr.parse(SEED), gr.extract_text(SEED))


def cell(root: lxml.html.HtmlElement, key: str) -> lxml.html.HtmlElement:
    found = root.xpath(f'//td[@data-key="{key}"]')
    assert len(found) == 1, key
    return found[0]


def classes(element: lxml.html.HtmlElement) -> set[str]:
    return set(element.get("class", "").split())


def test_a_parsed_cell_shows_its_value_line_and_raw_text(seed_page) -> None:
    td = cell(seed_page, "proactive.licensing.decisions")
    assert td.text_content() == "34"
    assert "parsed" in classes(td)
    assert (td.get("data-line"), td.get("data-col"), td.get("data-raw")) == ("35", "10", "34")
    assert td.get("data-label") == "行政许可 · 处理决定数量"
    assert "«34» at line 35, column 10" in td.get("title")
    assert td.get("id") == "cell-proactive.licensing.decisions"


def test_the_source_links_each_parsed_number_to_its_cell(seed_page) -> None:
    line = seed_page.get_element_by_id("L35")
    assert line.xpath('string(span[@class="n"])') == "35"
    assert line.xpath('string(span[@class="tx"])') == "行政许可\t7\t0\t34"
    links = {a.get("data-key"): a.text_content() for a in line.xpath(".//a")}
    assert links == {
        "proactive.licensing.previous_items": "7",
        "proactive.licensing.change": "0",
        "proactive.licensing.decisions": "34",
    }


def test_table_lines_are_marked_by_section(seed_page) -> None:
    assert {"tab", "s2"} <= classes(seed_page.get_element_by_id("L35"))
    assert {"tab", "s3"} <= classes(seed_page.get_element_by_id("L79"))
    assert {"tab", "s4"} <= classes(seed_page.get_element_by_id("L85"))
    heading = seed_page.get_element_by_id("L9")  # 一、总体情况
    assert heading.xpath('string(span[@class="tx"])') == "一、总体情况"
    assert "tab" not in classes(heading)
    regions = [r.text_content() for r in seed_page.xpath('//div[contains(@class, "region")]')]
    assert regions == [
        "table of section 二 · tab-separated",
        "table of section 三 · tab-separated",
        "table of section 四 · tab-separated",
    ]


def test_a_derived_cell_names_its_rule(seed_page) -> None:
    # 予以公开 prints six numbers (6 0 0 0 0 0) for seven columns: its 总计 is derived.
    td = cell(seed_page, "applications.granted.total")
    assert td.text_content() == "6"
    assert "derived" in classes(td)
    assert td.get("data-rule") == "placement: applications.row-sum.granted"
    assert td.get("data-rule-title") == "row 予以公开: 总计 = the six applicant columns"
    assert td.get("data-line") is None and td.get("data-raw") is None


def test_violated_rules_are_listed_and_marked_on_their_cells(seed_page) -> None:
    listed = seed_page.xpath('//section[@id="violations"]//li')
    assert [li.get("data-rule") for li in listed] == [
        "applications.outcomes.natural_person",
        "applications.outcomes.total",
    ]
    assert "printed 0, expected 6" in listed[0].text_content()
    total = cell(seed_page, "applications.total.natural_person")
    assert (total.text_content(), total.get("data-line"), total.get("data-col")) == ("0", "79", "8")
    assert "broken" in classes(total) and total.get("data-checks") == "check-0"
    part = cell(seed_page, "applications.granted.natural_person")
    assert part.text_content() == "6"
    assert "part" in classes(part) and part.get("data-checks") == "check-0"
    assert not classes(cell(seed_page, "applications.new.natural_person")) & {"broken", "part"}
    # The rule-violation diagnostic is listed and tied to the cell.
    diagnostic = seed_page.get_element_by_id(total.get("data-diags").split()[0])
    assert "rule-violation" in diagnostic.text_content()
    assert diagnostic.get("data-line") == "79"


def test_missing_cells_are_marked(seed_page) -> None:
    appeals = seed_page.xpath('//table[contains(@class, "appeals")]//td[@data-key]')
    assert len(appeals) == 15
    for td in appeals:
        assert "missing" in classes(td)
        assert td.text_content() == "—"
        assert td.get("data-raw") is None


def test_a_missing_cell_names_the_diagnostic_that_left_it_missing(seed_page) -> None:
    # Seed 001 prints section 四's header (line 84, 行政复议 行政诉讼) and not one number.
    td = cell(seed_page, "appeals.review.total")
    cause = seed_page.get_element_by_id(td.get("data-cause"))
    assert (cause.get("data-code"), cause.get("data-line")) == ("table-empty", "84")
    assert "section 四 prints no number" in cause.get("data-text")
    # Its other notes: the rule it leaves unchecked (folded by the panel, by its code) and
    # section 一's 行政复议14件, which the table does not give.
    notes = [seed_page.get_element_by_id(i) for i in td.get("data-diags").split()]
    assert sorted(note.get("data-code") for note in notes) == [
        "rule-not-assessable",
        "table-empty",
        "text-table-mismatch",
    ]
    assert cell(seed_page, "proactive.licensing.decisions").get("data-cause") is None
    assert cell(seed_page, "applications.granted.total").get("data-cause") is None  # derived


def test_the_header_says_what_to_trust(seed_page) -> None:
    report = gr.parse(SEED)
    done = report.completeness()
    header = seed_page.xpath("//header")[0].text_content()
    assert "城东区韵家口镇政府 2020" in header
    assert "2 rule(s) violated" in header
    counts = f"{done.parsed} parsed · {done.derived} derived · {done.blank} blank"
    assert f"{counts} · {done.missing} missing" in header
    assert "二 tab-separated · 三 tab-separated · 四 tab-separated" in header
    assert "2 error" in header
    assert seed_page.xpath("//p[contains(@class, 'verdict')]")[0].get("data-status") == "partial"


@pytest.mark.parametrize(("template", "cells"), [("2019", 198), ("2021", 200)])
def test_both_templates_are_laid_out(template: str, cells: int) -> None:
    source = SEEDS[0] if template == "2019" else WRITTEN / "2021_tab_separated.txt"
    root = page(gr.parse(source), gr.extract_text(source))
    keys = [td.get("data-key") for td in root.xpath("//td[@data-key]")]
    assert sorted(keys) == sorted(f.key for f in gr.fields(template))
    assert len(keys) == cells
    heads = [h.text_content() for h in root.xpath("//section[@class='table']/h2")]
    assert [h.split()[0] for h in heads] == [
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
    ]


def test_money_keeps_its_decimals() -> None:
    report = gr.Report.from_values({"proactive.fees.amount": Decimal("96171.60")}, template="2021")
    assert cell(page(report), "proactive.fees.amount").text_content() == "96171.60"


def test_nothing_read_says_so() -> None:
    root = page(gr.Report.from_values({}, template="2019"))
    verdict = root.xpath("//p[contains(@class, 'verdict')]")[0]
    assert verdict.text_content() == "Nothing read: every cell is missing"
    assert verdict.get("data-status") == "empty"
    values = root.xpath("//td[@data-key]")
    assert len(values) == 198 and all("missing" in classes(td) for td in values)
    assert root.xpath('//div[@id="source"]') == []  # no text given, no source pane


def test_report_text_is_escaped() -> None:
    text = SEEDS[2].read_text(encoding="utf-8")
    text = text.replace("官元镇 2019 年", "<script>alert(1)</script>官元镇 2019 年", 1)
    text = text.replace(
        "行政许可\t0\t0\t0\n", "行政许可\t0\t0\t0\n<script>alert(2)</script>\t1\t2\t3\n"
    )
    # The parser never takes markup for a body's name (tests/sections/test_metadata.py): a
    # hostile one comes from the caller.
    report = attrs.evolve(gr.parse(text), organisation="<script>alert(1)</script>官元镇")
    html = gr.review_html(report, gr.extract_text(text))
    root = lxml.html.fromstring(html)
    assert len(root.xpath("//script")) == 1  # the page's own
    assert "alert" not in root.xpath("string(//script)")
    assert "<script>alert(1)</script>官元镇 2019" in root.xpath("string(//h1)")
    assert "<script>alert(1)</script>" in root.xpath("string(//title)")
    unknown = root.xpath('//li[contains(., "unknown-label")]')
    assert len(unknown) == 1 and "<script>alert(2)</script>" in unknown[0].text_content()
    assert root.xpath('string(//div[@id="L26"]/span[@class="tx"])') == (
        "<script>alert(2)</script>\t1\t2\t3"
    )
    assert html.count("<script>") == 1


def test_show_writes_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "page.html"
    assert main(["show", str(SEED), "--output", str(out)]) == 0
    root = lxml.html.fromstring(out.read_text(encoding="utf-8"))
    assert cell(root, "proactive.other_services.decisions").text_content() == "14"
    assert root.get_element_by_id("L36").xpath('string(span[@class="tx"])').endswith("\t14")
    assert main(["show", str(SEED)]) == 0
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")


def test_show_reads_and_parses_its_file_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extracted: list[str] = []
    parsed: list[object] = []
    read, parse_source = formats.read, cli.parse_source

    def counting_read(data: bytes, kind: str, **options: object) -> object:
        extracted.append(kind)
        return read(data, kind, **options)  # type: ignore[arg-type]

    def counting_parse(*args: object, **options: object) -> object:
        parsed.append(args)
        return parse_source(*args, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(formats, "read", counting_read)
    monkeypatch.setattr(cli, "parse_source", counting_parse)
    pdf = (
        Path(__file__).parents[1]
        / "fixtures"
        / "converters"
        / "typed-2021_tab_separated"
        / "report.pdf"
    )
    out = tmp_path / "page.html"
    assert main(["show", str(pdf), "--output", str(out)]) == 0
    assert (extracted, len(parsed)) == (["pdf"], 1)  # pdfium ran once, the parser once
    root = lxml.html.fromstring(out.read_text(encoding="utf-8"))
    assert cell(root, "proactive.normative_documents.issued").text_content() == "3"
    assert root.xpath('//div[starts-with(@id, "L")]')  # the source text, from the same read


def test_show_names_a_file_that_is_not_a_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["show", str(empty)]) == 2
    err = capsys.readouterr().err
    assert str(empty) in err and "empty-input" in err
