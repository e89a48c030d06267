"""Organisation, year and published date from the front of a report, as real pages and
converters print it (issue 16, items 9 and 10): each rule on text written here, then every
real report and every rendering of it."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report.limits import MAX_FRONT_LINES
from govinfo_report.structure import metadata

import accuracy
from conftest import scaled
from strategies import reports

BODY = "云溪县交通运输局"
TITLE = f"{BODY}2020年政府信息公开工作年度报告"
#: The rest of a report after its front block: two sections of prose, no table.
REST = "一、总体情况\n本年度我局依法公开政府信息。\n六、其他需要报告的事项\n无。\n"


def _front(text: str) -> tuple[str | None, int | None]:
    found = metadata.front(text.split("\n"))
    return found.organisation, found.year


@pytest.mark.parametrize(
    ("title", "organisation", "year"),
    [
        ("2019年白石市人民政府办公厅政府信息公开工作年度报告", "白石市人民政府办公厅", 2019),
        ("2019 年度 白石市人民政府办公厅 政府信息公开工作年度报告", "白石市人民政府办公厅", 2019),
        # 政府 goes with the body when a place comes before it.
        ("2020年南湖区人民政府信息公开工作年度报告", "南湖区人民政府", 2020),
        ("2020年白沙镇政府信息公开年报", "白沙镇政府", 2020),
        ("2021年云溪县市场监督管理局政务公开工作年度报告", "云溪县市场监督管理局", 2021),
        (f"{BODY}关于2020年政府信息公开工作的年度报告", BODY, 2020),
        # The report's name alone names no body.
        ("2020年政府信息公开工作年度报告", None, 2020),
    ],
)
def test_the_body_of_a_title_that_starts_with_the_year(
    title: str, organisation: str | None, year: int
) -> None:
    assert _front(title) == (organisation, year)


@pytest.mark.parametrize(
    "lines",
    [
        f"# {TITLE}",
        f"**{TITLE}**",
        f"| {TITLE} |",
        f"> {TITLE}",
        f"《{TITLE}》",
        f"{TITLE}\n======",
        f"# {BODY}\n\n## 2020 年政府信息公开工作年度报告",
        f"**{BODY}**\n\n2020年政府信息公开工作年度报告",
        f"名称{TITLE}",
        f"标题: {TITLE}",
        f"名称：| {TITLE}",
        # Spaces inside, and a title split over two lines, either before or after the
        # report's name begins.
        "2020 年云溪县交通运输局政府信息公开工作 年度报告",
        "2020 年云溪县交通运输局政府信息公开\n工作年度报告",
        "云溪县交通运输局 2020 年度政府\n信息公开工作年度报告",
    ],
)
def test_the_body_as_converters_print_the_title(lines: str) -> None:
    assert _front(lines) == (BODY, 2020)


@pytest.mark.parametrize("furniture", ["正文", "首页", "==== 正文 ====", "- 1 -", "〔2021〕3号"])
def test_page_furniture_before_the_title_is_no_body(furniture: str) -> None:
    assert _front(f"{furniture}\n2020年政府信息公开工作年度报告") == (None, 2020)
    assert _front(f"{furniture}\n2020 年白石市人民政府办公厅政府信息公开\n工作年度报告") == (
        "白石市人民政府办公厅",
        2020,
    )


def test_a_sentence_is_no_title() -> None:
    """A preamble that names another document with a year is no title, nor its start."""
    text = (
        "根据《云溪县政府信息公开办\n法》（以下简称《办法》）、《云溪县人民政府办公室关于做好"
        " 2020 年政府信息公开工\n作年度报告编制公布工作的通知》要求，编制本报告。"
    )
    assert _front(text) == (None, None)
    assert _front(f"云溪县交通运输局 2020 年度政府\n信息公开工作年度报告\n{text}") == (BODY, 2020)


#: A site's metadata block above the report, as each kind of tool writes it.
BLOCKS = {
    "cells on a line (python-docx)": (
        "索引号：\t0012/2021-0003\t主题分类：\t政务公开\n"
        f"发布机构：\t{BODY}\t成文日期：\t2021-03-02\n"
        f"名称：\t{TITLE}\t{TITLE}\t{TITLE}\n"
        "文号：\t\t发布日期：\t2021-03-05\n"
    ),
    "table marks (html2text)": (
        "索引号：| 0012/2021-0003| 主题分类：| 政务公开  \n---|---|---|---  \n"
        f"发布机构：| {BODY}| 成文日期：| 2021-03-02  \n名称：| {TITLE}  \n"
        "文号：| | 发布日期：| 2021-03-05  \n"
    ),
    "a cell a line (docx2txt, LibreOffice)": "\n\n".join(
        (
            *("索引号：", "0012/2021-0003", "主题分类：", "政务公开", "发布机构：", BODY),
            *(
                "成文日期：",
                "2021-03-02",
                "名称：",
                TITLE,
                "文号：",
                "",
                "发布日期：",
                "2021-03-05",
            ),
        )
    ),
    "columns of spaces (lynx, w3m, pandoc)": (
        "   索引号：  0012/2021-0003 主题分类： 政务公开\n"
        f"   发布机构： {BODY}                成文日期： 2021-03-02\n"
        f"   名称：   {TITLE}\n"
        "   文号：                          发布日期： 2021-03-05\n"
    ),
    "cells out of order, the title below (pdftotext)": (
        f"索引号： 0012/2021-0003\n发布机构： {BODY}\n名称：\n\n主题分类： 政务公开\n"
        "成文日期： 2021-03-02\n\n云溪县交通运输局 2020 年政府信息公开工作年度报告\n\n文号：\n\n"
        "发布日期： 2021-03-05 09:30\n"
    ),
    "a crawler's header": (
        f"标题: {TITLE}\n发布时间: 2021-03-05 09:30\n文号: \n发布机构: \n"
        "栏目: 政府信息公开年报\n==================== 正文 ====================\n"
    ),
}


@pytest.mark.parametrize("block", BLOCKS)
def test_a_site_metadata_block_above_the_report(block: str) -> None:
    """Its labels and values are never the body (``名称：…``), its title is a title even
    with the breadcrumb and the block above it, and its date is the published one when
    the report signs with none."""
    page = f"首页 政务公开 互动交流\n当前位置：首页 > 政务公开 > 年报\n{BLOCKS[block]}\n"
    for text in (page + REST, f"{page}\n{TITLE}\n{REST}"):
        report = gr.parse(text)
        assert (report.organisation, report.year) == (BODY, 2020)
        assert report.published == datetime.date(2021, 3, 5)


def test_the_body_from_the_block_when_the_title_names_none() -> None:
    block = BLOCKS["cells on a line (python-docx)"].replace(TITLE, "2020年政府信息公开工作年度报告")
    report = gr.parse(f"正文\n{block}\n2020年政府信息公开工作年度报告\n{REST}")
    assert (report.organisation, report.year) == (BODY, 2020)


def test_the_signature_date_comes_before_the_page_date() -> None:
    block = BLOCKS["table marks (html2text)"]
    signed = gr.parse(f"{block}\n{TITLE}\n{REST}{BODY}\n2021年3月1日\n")
    assert signed.published == datetime.date(2021, 3, 1)
    assert gr.parse(f"{block}\n{TITLE}\n{REST}").published == datetime.date(2021, 3, 5)
    assert gr.parse(f"{TITLE}\n{REST}").published is None


@pytest.mark.parametrize(
    "signature",
    [
        # pdftotext -layout: the characters' line above the digits' (their fonts' baselines
        # differ), a browser's footer and header of the next page between name and date.
        "                 白石县水利局\nfile:///tmp/report.html        8/9\n"
        "11/26/26, 1:10 PM         白石县水利局2020年度报告_年报\n"
        "                       年月日\n                      2021 4 17\n",
        # plain pdftotext: the digits first, a blank line, then the characters.
        "白石县水利局\n2021 4 17\n\n年月日\n",
        # pdftotext -layout of a browser's PDF: the characters end the last paragraph's
        # line after the signing name, the digits on the line below.
        "本年度工作到此。 白石县水利局            年月 日\n                        2021 4 17\n",
        # plain pdftotext of the same: the digits, the paragraph's end and the name, then
        # the characters.
        "2021 4 17\n\n本年度工作到此。 白石县水利局\n\n年月 日\n",
        # plain pdftotext of a browser's PDF, three baselines: the year's and month's
        # digits above the paragraph's last line (which ends with the name), then the day
        # with its 日, then 年月.
        "2021 4\n\n本年度工作到此。 白石县水利局\n17日\n\n年月\n",
        # pdftotext -layout of the same: 年月 ends the name's line, the digits below.
        "本年度工作到此。 白石县水利局          年月\n                   2021 4\n  17日\n",
    ],
)
def test_a_signature_date_printed_apart_from_its_characters_is_read(signature: str) -> None:
    block = BLOCKS["table marks (html2text)"]  # the site's own date, 2021-03-05, above
    report = gr.parse(f"{block}\n{TITLE}\n{REST}{signature}主办：白石县人民政府办公室\n")
    assert report.published == datetime.date(2021, 4, 17)
    # Digits alone with no 年月日 beside them are no date: the site's date stands; nor are
    # digits past a line of other digits, nor characters after a date's own digits.
    alone = gr.parse(f"{block}\n{TITLE}\n{REST}白石县水利局\n2021 4 17\n")
    assert alone.published == datetime.date(2021, 3, 5)
    # Pieces that make no date (digits past a line of other digits, a number too many, a
    # character twice) are none, and the site's date is not taken for the one the report
    # signs: the date is missing, said.
    for unread in (
        "2021 4 17\n共3页\n年月 日\n",
        "2021 4\n白石县水利局\n17日\n3\n年月\n",
        "2021 4\n白石县水利局\n17日\n年日\n",
    ):
        report = gr.parse(f"{block}\n{TITLE}\n{REST}{unread}")
        assert report.published is None, unread
        assert "date-unread" in {d.code for d in report.diagnostics}, unread


def test_a_browser_header_between_the_signature_date_digits_and_characters_is_passed() -> None:
    """Plain pdftotext of a browser's PDF: each page opens with the print's date and time,
    the page's title wrapped (``年…报告_年报`` / ``2020``: its first word, the year, below);
    a page break between the signature's digits and ``年月日`` puts the digits inside the
    header, before the year's piece, and the site's date above must not win."""
    header = "\n11/26/26, 3:15 PM\n\n年白石县水利局政府信息公开工作年度报告_年报\n\n{}\n2020\n\n"
    block = BLOCKS["table marks (html2text)"]  # the site's own date, 2021-03-05
    body = REST.replace("\n", header.format("") + "\n", 1)
    footer = "年月日\n\n主办：白石县人民政府办公室\n"
    signature = "白石县水利局\n" + header.format("2021 2 9\n") + footer
    report = gr.parse(f"{block}\n{TITLE}\n{body}{signature}")
    assert report.published == datetime.date(2021, 2, 9)


@pytest.mark.parametrize(
    "signature",
    [
        # markitdown's PDF text lays the page's last lines into a form's pipe rows by where
        # their words stand: the name and 年月日 on one row, the digits on the next.
        "| 白石县水利局 |     | 年 | 月 | 日 |\n|     |     | 2021 | 4 17 |     |\n",
        # the name's end and the date's pieces apart in cells, a rule line under them.
        "| 本年度工作到此。白石 |  |  |\n| 县水利局 2021 |  | 年 | 4 月 17 | 日 |\n"
        "| ----------- | --- | --- | ------ | --- |\n",
        # 年月日 alone in a row, a rule line, the digits on a line of their own.
        "白石县水利局\n| 年 月 日 |     |     |\n| ----- | --- | --- |\n2021 4 17\n",
    ],
)
def test_a_signature_in_a_form_s_pipe_rows_is_read(signature: str) -> None:
    block = BLOCKS["table marks (html2text)"]  # the site's own date, 2021-03-05, above
    report = gr.parse(f"{block}\n{TITLE}\n{REST}{signature}主办：白石县人民政府办公室\n")
    assert report.published == datetime.date(2021, 4, 17)


def test_a_browser_header_and_footer_joined_by_one_space_are_no_signature_lines() -> None:
    """pypdfium2 joins a browser's running header (the print's date and time, the page's
    title) and footer (its address, the page's number) with one space, and ends lines with
    CRLF: the signature above them is still the report's last line."""
    furniture = (
        "主办：白石县人民政府办公室 网站标识码：1234567890\nICP备12345678号\n"
        "11/26/26, 3:15 PM 白石县水利局2020年度报告_年报_白石县人民政府\n"
        "file:///tmp/report.html 8/8\n"
    )
    block = BLOCKS["table marks (html2text)"]  # the site's own date, 2021-03-05
    text = f"{block}\n{TITLE}\n{REST}白石县水利局\n2021年4月17日\n{furniture}"
    report = gr.parse(text.replace("\n", "\r\n"))
    assert report.published == datetime.date(2021, 4, 17)
    # pdfminer prints the address's ``fi`` as the ligature ``ﬁ``, its page number apart
    ligature = furniture.replace("file:///tmp/report.html 8/8", "\ufb01le:///tmp/report.html\n8/8")
    report = gr.parse(f"{block}\n{TITLE}\n{REST}白石县水利局\n2021年4月17日\n{ligature}")
    assert report.published == datetime.date(2021, 4, 17)


def test_a_spaced_title_below_a_long_page_header_is_a_report() -> None:
    """Item 10: a title with spaces inside, below more lines of page than a title search
    of the first lines looks at, makes the text a report: the lone section of prose
    that follows is read, never refused as ``not-a-report``."""
    header = "\n".join(f"栏目{i}：政务公开" for i in range(12))
    title = "2024 年云溪县发展和改革委员会政府信息公开工作 年度报告"
    report = gr.parse(f"{header}\n{title}\n一、总体情况\n本年度依法公开政府信息。\n")
    assert (report.organisation, report.year) == ("云溪县发展和改革委员会", 2024)
    with pytest.raises(gr.ParseError) as refused:
        gr.parse(f"{header}\n一、总体情况\n本年度依法公开政府信息。\n")
    assert refused.value.code == "not-a-report"


def test_metadata_is_right_for_every_real_file_and_rendering() -> None:
    """Organisation, year and template of every real file and rendering, against the gold."""
    assert [(r.report_id, r.input, r.metadata) for r in accuracy.measure_real() if r.metadata] == []


@pytest.mark.parametrize(
    ("title", "body", "organisation"),
    [
        # The title leaves out the city the preamble names before the body.
        ("青崖区人民政府", "本报告由梧州市青崖区人民政府办公室编制。", "梧州市青崖区人民政府"),
        (
            "青崖区人民政府",
            "请与广西壮族自治区梧州市青崖区人民政府联系。",
            "广西壮族自治区梧州市青崖区人民政府",
        ),
        # A place is only taken after a word or a mark that ends a phrase: 本报告由 is no place.
        ("青崖区人民政府", "本报告由青崖区人民政府办公室编制。", "青崖区人民政府"),
        ("青崖区人民政府", "梧州青崖区人民政府办公室编制。", "青崖区人民政府"),
    ],
)
def test_the_body_takes_the_higher_places_its_report_prints(
    title: str, body: str, organisation: str
) -> None:
    text = f"{title}\n2023年政府信息公开工作年度报告\n{body}\n一、总体情况\n无。\n"
    assert gr.parse(text).organisation == organisation


@pytest.mark.parametrize("cms", [False, True], ids=["converters", "cms pages"])
def test_metadata_is_right_for_every_converter_fixture(cms: bool) -> None:
    counts = accuracy.measure(cms)
    assert {name: c["metadata"] for (name, _), c in counts.items()} == {
        name: c["reports"] for (name, _), c in counts.items()
    }


def test_the_title_is_looked_for_in_the_first_lines_of_the_front_only() -> None:
    """A safety cap (limits.MAX_FRONT_LINES): a front block without headings past it is
    body text, searched no further, and the missing title is reported."""
    lines = [f"栏目{i}：政务公开" for i in range(MAX_FRONT_LINES)]
    assert _front("\n".join([*lines[1:], TITLE])) == (BODY, 2020)
    report = gr.parse("\n".join([*lines, TITLE, REST]))
    assert (report.organisation, report.year) == (None, None)
    missing = next(d for d in report.diagnostics if d.code == "title-missing")
    assert f"first {MAX_FRONT_LINES} non-empty lines" in missing.message


# Text that lost its title, or holds the whole page on one line (issue 26, item 9) -----------

#: A site's page around a report, as BeautifulSoup ``get_text(" ", strip=True)`` prints it:
#: every element's text on one line, apart by spaces.
NAVIGATION = ("首页", "政务公开", "政府信息公开年报", "互动交流", "当前位置：", "首页", ">", "年报")


def _one_line(report: gr.Report, at: int, separator: str) -> str:
    """``report`` rendered, then put on one line as a page's text, its title (the page's
    ``<title>``, ``…年度报告{separator}政府信息公开年报{separator}云溪县人民政府``) at ``at``
    among the navigation words, the report's own title line left out."""
    lines = [line for line in gr.render(report, "space-aligned").split("\n") if line.strip()]
    title = lines[0]
    page_title = separator.join((title, "政府信息公开年报", "云溪县人民政府"))
    words = [*NAVIGATION[:at], page_title, *NAVIGATION[at:], "来源：", "发布时间：2021-03-05"]
    return " ".join([*words, *lines[1:]])


def test_the_title_inside_a_page_on_one_line() -> None:
    report = gr.Report.from_values({}, template="2019", year=2020, organisation=BODY)
    for separator in ("_", " | ", "-"):
        text = _one_line(report, 3, separator)
        assert "\n" not in text and TITLE in text
        read = gr.parse(text)
        assert (read.organisation, read.year, read.template) == (BODY, 2020, "2019"), separator


def test_the_title_naming_the_body_inside_a_page_on_one_line() -> None:
    # The page's <title> names no body, its heading does.
    report = gr.Report.from_values({}, template="2019", year=2020)  # signed by no body
    page = _one_line(report, 0, "_")
    assert page.startswith("2020年政府信息公开工作年度报告_") and BODY not in page
    text = page.replace(" 当前位置", f" {TITLE} 当前位置", 1)
    assert (gr.parse(text).organisation, gr.parse(text).year) == (BODY, 2020)
    assert (gr.parse(page).organisation, gr.parse(page).year) == (None, 2020)


@scaled(0.6)
@given(reports(), st.integers(0, len(NAVIGATION)), st.sampled_from(["_", "|", " - ", " "]))
def test_the_title_anywhere_in_a_page_on_one_line(
    report: gr.Report, at: int, separator: str
) -> None:
    read = gr.parse(_one_line(report, at, separator))
    assert (read.organisation, read.year, read.template) == (
        report.organisation,
        report.year,
        report.template,
    )


#: Period sentences as reports word them; ``{y}`` is the year.
PERIODS = (
    "本报告所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。",
    "本报告中所列数据的统计期限为{y}年1月1日至12月31日。",
    "本报告所列数据统计时间为{y}年1月1日至{y}年12月31日。",
    "报告中所列数据的统计期限为 {y} 年 1 月 1 日至 {y} 年 12 月 31 日。",
    "本报告所列数据统计期限截至{y}年12月31日。",
    "本报告统计期限为{y}年度。",
)
#: What the body did, as section 一 opens (``{b}``: the body).
OPENINGS = (
    "{b}依法做好政府信息公开工作。",
    "{b}认真贯彻落实《中华人民共和国政府信息公开条例》。",
    "{b}坚持以公开为常态、不公开为例外。",
    "{b}在上级部门的指导下，扎实推进政务公开。",
)


def _untitled(report: gr.Report, period: str, opening: str, signed: str) -> str:
    """``report`` as trafilatura keeps it: no title, a preamble with the period sentence,
    section 一 opening with ``opening``, the signature on lines of its own (``signed``
    ``"lines"``), at the end of the last paragraph (``"inline"``: a page that pasted it
    so), there with the document's copy line after it (``"copied"``: ``抄送：…``), or none."""
    text = gr.render(report, "space-aligned")
    title, rest = text.split("\n", 1)
    assert title.endswith("年度报告")
    rest = rest.replace("一、总体情况\n无。", f"一、总体情况\n{opening}", 1)
    if signed != "lines":
        rest, signature = rest.rstrip("\n").rsplit("\n\n", 1)
        joined = " ".join(signature.split("\n"))
        after = {"inline": f" {joined}", "copied": f" {joined} 抄送：上级主管部门。"}
        rest += after.get(signed, "") + "\n"
    return f"本报告根据《中华人民共和国政府信息公开条例》要求编制。{period}\n{rest}"


@scaled(0.6)
@given(
    reports(),
    st.sampled_from(PERIODS),
    st.sampled_from(OPENINGS),
    st.sampled_from(["lines", "inline", "copied", "opening", "我局", "本机关"]),
)
def test_year_and_body_of_a_text_without_its_title(
    report: gr.Report, period: str, opening: str, named: str
) -> None:
    assert report.year is not None and report.organisation is not None
    body = report.organisation if named == "opening" else named
    text = _untitled(
        report,
        period.format(y=report.year),
        f"{report.year}年，{opening.format(b=body)}",
        named,
    )
    read = gr.parse(text)
    assert read.year == report.year
    assert read.template == report.template
    assert read.organisation == (None if named in ("我局", "本机关") else report.organisation)
    assert "title-missing" in {d.code for d in read.diagnostics}


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。", 2022),
        ("统计期限为2019年9月1日至2019年12月31日。", 2019),  # a body set up in the year
        ("统计期限自2021年7月1日起至2022年6月30日止。", None),  # two years: none
        ("2022年1月1日至2022年12月31日，全县开展专项整治。", None),  # no period sentence
        ("本报告统计期限为2023年度，数据截至2023年12月31日。", 2023),
    ],
)
def test_the_year_of_the_period_sentence(text: str, year: int | None) -> None:
    assert metadata.period_year([text[:15], text[15:]]) == year  # wrapped anywhere


@pytest.mark.parametrize(
    ("opening", "closing", "body"),
    [
        ("2022年，云溪县交通运输局依法做好政府信息公开工作。", [], BODY),
        ("2022年，云溪县卫生健康委员会深入贯彻落实《条例》。", [], "云溪县卫生健康委员会"),
        ("2022年，云溪县人民政府办公室坚持公开为常态。", [], "云溪县人民政府办公室"),
        # No place named, a pronoun, a collective, a clause before the body: no name.
        ("2022年，交通运输局依法做好政府信息公开工作。", [], None),
        ("2022年，县政府办公室依法做好政府信息公开工作。", [], None),
        ("2022年，县委办公室和县政府办公室依法做好工作。", [], None),
        ("2022年，我局依法做好政府信息公开工作。", [], None),
        ("2022年，全县各级政府依法做好政府信息公开工作。", [], None),
        ("2022年，在县委的领导下，云溪县交通运输局依法做好工作。", [], None),
        # The signature before the date, on its line or the one before.
        ("2022年，我局依法做好工作。", [BODY, "2023年1月20日"], BODY),
        ("无。", [f"{BODY}  2023年1月20日"], BODY),
        ("无。", ["我局", "2023年1月20日"], None),
        # The last paragraph signed, the document's copy and print lines after it.
        ("无。", [f"没有需要说明的其他事项。 {BODY} 2023年1月20日 抄送：县政府办公室。"], BODY),
        ("无。", [f"无。 {BODY} 2023年1月20日 {BODY}办公室 2023年1月20日印发"], BODY),
        ("无。", ["没有需要说明的其他事项。 我局 2023年1月20日 抄送：县政府办公室。"], None),
    ],
)
def test_the_body_a_text_without_its_title_names(
    opening: str, closing: list[str], body: str | None
) -> None:
    assert metadata.named_body([opening], ["无。", *closing]) == body


# The year among a page's links (issue 48 item 6) ------------------------------------------

#: What text extractions print of a CMS page above its report: the breadcrumb, and links to
#: the body's reports of other years (a sidebar that comes first in the page's markup).
LINKS_ABOVE = [
    "首页 > 政务公开 > 政府信息公开年报 > 2021年",
    "龙泉县卫生健康局2020年政府信息公开工作年度报告",
    "龙泉县卫生健康局2019年政府信息公开工作年度报告",
]
PERIOD_2021 = "本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。"


def _navigated(overview: str | None, published: datetime.date | None) -> gr.Report:
    """A 2021 report whose text a page's navigation precedes."""
    report = gr.Report.from_values(
        {field.key: 0 for field in gr.fields("2021")},
        template="2021",
        organisation="龙泉县卫生健康局",
        year=2021,
        published=published,
        overview=overview,
    )
    return gr.parse("\n".join([*LINKS_ABOVE, gr.render(report)]))


def _ambiguous(report: gr.Report) -> list[str]:
    return [found.message for found in report.diagnostics if found.code == "year-ambiguous"]


def test_the_period_sentence_settles_the_year_among_the_links_above_the_title() -> None:
    back = _navigated(f"{PERIOD_2021}全年主动公开政府信息312条。", None)
    assert (back.year, back.organisation) == (2021, "龙泉县卫生健康局")
    (why,) = _ambiguous(back)
    assert "2020 (line 2)" in why and "2019 (line 3)" in why and "the year is 2021" in why


def test_the_signature_settles_the_year_where_no_period_is_stated() -> None:
    back = _navigated("全年主动公开政府信息312条。", datetime.date(2022, 1, 25))
    assert back.year == 2021
    assert _ambiguous(back)


def test_titles_of_several_years_and_nothing_to_tell_leave_the_year_missing() -> None:
    back = _navigated("全年主动公开政府信息312条。", None)
    assert back.year is None  # never 2020, the first link's
    assert "nothing in the report tells" in _ambiguous(back)[0]


def test_a_title_whose_year_is_not_the_period_sentences_is_told() -> None:
    text = gr.render(
        gr.Report.from_values(
            {}, template="2021", organisation="龙泉县卫生健康局", year=2022, overview=PERIOD_2021
        )
    )
    back = gr.parse(text)
    assert back.year == 2022
    assert "names 2022, the period sentence 2021; the title's year is kept" in _ambiguous(back)[0]


def _own_title_lost(
    template: str, year: int, page: str, link: int, signed: bool = True
) -> gr.Report:
    """A report of ``year`` whose own title a page lost (``dropped``) or ran into its preamble
    on one line (``one line``, as lxml's ``text_content`` prints a page), a link to the
    body's report of year ``link`` above it (``bulleted``: as a list item, its title
    dropped; ``breadcrumb``: that item below a breadcrumb naming ``link`` too): its period
    sentence, its opening sentence and (``signed``) its signature name ``year``."""
    report = gr.Report.from_values(
        {field.key: 1 for field in gr.fields(template)},
        template=template,
        organisation="龙泉县卫生健康局",
        year=year,
        published=datetime.date(year + 1, 1, 20) if signed else None,
        overview=(
            f"本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
            f"{year}年，龙泉县卫生健康局依法做好政府信息公开工作。"
        ),
    )
    title, *rest = gr.render(report).splitlines()
    linked = f"龙泉县卫生健康局{link}年政府信息公开工作年度报告"
    if page == "dropped":
        return gr.parse("\n".join([linked, *rest]))
    if page == "bulleted":
        return gr.parse("\n".join([f"· {linked}", *rest]))
    if page == "navigated":  # a breadcrumb, then a plain link: the only title
        return gr.parse("\n".join(["首页 > 政务公开 > 政府信息公开年报", linked, *rest]))
    if page == "breadcrumb":  # its year is no title's, joined to the link below it
        crumb = f"首页 > 政务公开 > 政府信息公开年报 > {link}年"
        return gr.parse("\n".join([crumb, f"· {linked}", *rest]))
    preamble = (
        "本报告根据《中华人民共和国政府信息公开条例》要求编制，"
        f"所列数据的统计期限为{year}年1月1日至{year}年12月31日。"
    )
    return gr.parse(f"{linked}\n{title}{preamble}" + "".join(map(str.strip, rest)))


@pytest.mark.parametrize(("template", "year"), [("2019", 2020), ("2021", 2023)])
def test_a_link_to_an_earlier_report_above_a_report_without_its_title_is_not_its_year(
    template: str, year: int
) -> None:
    back = _own_title_lost(template, year, "dropped", year - 1)
    assert back.year is None  # never the link's
    (why,) = _ambiguous(back)
    assert f"names {year - 1}, the period sentence {year}, as does" in why
    assert "the year is missing" in why


@pytest.mark.parametrize(("year", "link"), [(2019, 2025), (2020, 2021)])
def test_a_link_to_a_report_of_the_later_template_above_a_report_without_its_title_is_not_its_year(
    year: int, link: int
) -> None:
    """A page's link to the body's report of a later year above a text whose title was
    dropped (trafilatura): the period sentence, section 一's opening and the year before the
    signature name the report's year, and its tables print the 2019 template's labels, not
    those of the link's year (``damage_real.py --seed 105``'s links above
    ``15-header-span-mismatch``'s trafilatura text read 2025 for 2019)."""
    back = _own_title_lost("2019", year, "dropped", link)
    assert back.year is None  # never the link's
    (why,) = _ambiguous(back)
    assert f"names {link}, the period sentence {year}, as does" in why
    assert "section 一's opening sentence and the tables' labels (the 2019 template)" in why


@pytest.mark.parametrize("signed", [True, False])
def test_a_link_to_a_later_report_of_the_same_template_is_not_its_year(signed: bool) -> None:
    """The same, the link's year of the report's template: the period sentence and section
    一's opening (and the year before the signature, where the report is signed) name the
    report's year, and nothing dates the title's (a copy edited ahead dates its signature
    ahead too, below). ``damage_real.py --seed 2116``'s links above trafilatura's text of
    ``meta-title-dropped``, which prints no signature, read 2023 for 2022."""
    back = _own_title_lost("2021", 2023, "dropped", 2025, signed)
    assert back.year is None  # never the link's
    (why,) = _ambiguous(back)
    assert "names 2025, the period sentence 2023, as does" in why
    assert ("the year before the signature date" in why) is signed
    assert "the year is missing" in why


def test_a_copys_title_edited_ahead_with_its_signature_keeps_its_year() -> None:
    """A report copied from last year's, its title and signature dated ahead, its period
    sentence and opening left: the title's year stands, told (a link above a lost title
    would not date the signature ahead too)."""
    report = gr.Report.from_values(
        {field.key: 1 for field in gr.fields("2021")},
        template="2021",
        organisation="龙泉县卫生健康局",
        year=2023,
        published=datetime.date(2024, 1, 20),
        overview=(
            "本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。"
            "2022年，龙泉县卫生健康局依法做好政府信息公开工作。"
        ),
    )
    back = gr.parse(gr.render(report))
    assert back.year == 2023
    assert "names 2023, the period sentence 2022, as does" not in _ambiguous(back)[0]
    assert "the title's year is kept" in _ambiguous(back)[0]


@pytest.mark.parametrize(("template", "year"), [("2019", 2020), ("2021", 2023)])
def test_a_link_to_a_later_report_below_a_breadcrumb_is_not_the_year(
    template: str, year: int
) -> None:
    back = _own_title_lost(template, year, "navigated", year + 2)
    assert back.year is None  # never the link's
    assert "a page's navigation stands above the report" in _ambiguous(back)[0]


@pytest.mark.parametrize(("template", "year"), [("2019", 2020), ("2021", 2023)])
@pytest.mark.parametrize("offset", [-1, 2])
def test_a_title_run_into_the_first_sentence_is_the_title_beside_a_link(
    template: str, year: int, offset: int
) -> None:
    back = _own_title_lost(template, year, "one line", year + offset)
    assert (back.year, back.organisation) == (year, "龙泉县卫生健康局")
    assert f"the year is {year}, the period sentence's" in _ambiguous(back)[0]


@pytest.mark.parametrize(("template", "year"), [("2019", 2020), ("2021", 2023)])
@pytest.mark.parametrize("offset", [-1, 2])
@pytest.mark.parametrize("page", ["bulleted", "breadcrumb"])
def test_a_bulleted_link_above_a_report_without_its_title_is_no_title(
    template: str, year: int, offset: int, page: str
) -> None:
    back = _own_title_lost(template, year, page, year + offset)
    assert back.year == year  # the period sentence's
    assert "title-missing" in {found.code for found in back.diagnostics}


@pytest.mark.parametrize(
    ("ending", "date"),
    [
        # A converter joined the signature to the last paragraph's line, a footer after it.
        (
            "今年未收取信息处理费。 龙泉县卫生健康局 2022年1月25日\n"
            "主办：龙泉县人民政府 2022-03-01",
            "2022-01-25",
        ),
        ("今年未收取信息处理费。龙泉县卫生健康局　二〇二二年一月二十五日", "2022-01-25"),
        # The body's name and the date on a line of their own.
        ("今年未收取信息处理费。\n龙泉县卫生健康局　2022年1月25日", "2022-01-25"),
        # A date inside a sentence is no signature.
        ("我局于2022年1月25日召开会议。", None),
        ("通过实验区政府门户网站 2022年1月25日", None),
        # Plain pdftotext's flow prints a table's last blocks after the signature: a number,
        # a placeholder or a piece of a label a line.
        (
            "无。\n龙泉县卫生健康局\n2022 年 1 月 25 日\n\n-3-\n\n总\n计\n12\n社会公\n益组织\n—\n"
            "复议后起诉\n结\n果\n3\n0",
            "2022-01-25",
        ),
        ("无。\n龙泉县卫生健康局\n二〇二二年一月二十五日\n尚未\n审结\n0", "2022-01-25"),
        # w3m wraps the paragraph at the page's width, in the body's name.
        (
            "扎实做好2022年政府信息公开工作。龙泉县自然资源和规划\n局 2022年1月25日\n\n"
            "主办：龙泉县人民政府办公室网站标识码：1234567890\n\nICP备12345678号\n\n"
            "更新日期：2022-03-01",
            "2022-01-25",
        ),
        # pdftotext of a Word PDF: spaces around the date's numbers, wrapped in the date.
        (
            "扎实做好\n2022 年政府信息公开工作。 龙泉县卫生健康局 2022 年 1 月\n25 日\n\n"
            "\f主办：龙泉县人民政府办公室 网站标识码：1234567890\nICP 备 12345678 号\n"
            "更新日期：2022-03-01",
            "2022-01-25",
        ),
        ("今年未收取信息处理费。 龙泉县卫生健康局 2022 年 1 月 25 日", "2022-01-25"),
        # pdftotext -layout spreads the site's footer over more lines.
        (
            "无。\n        龙泉县卫生健康局\n          2022年1月25日\n\n"
            "  主办：龙泉县人民政府办公室 网站标识码：1234567890\n    备12345678号\n  ICP\n\n"
            "  更新日期：2022-03-01",
            "2022-01-25",
        ),
        # PyMuPDF's sorted text of a Word PDF runs the site's footer onto the date's
        # wrapped day (or month and day); the footer's own date is the site's.
        (
            "了解更多政府信息，请登录查询。 龙泉县住房和城乡建设局 2022 年1 月\n"
            "25 日主办：龙泉县人民政府办公室 网站标识码：1234567890\nICP 备12345678 号\n"
            "更新日期：2022-03-01",
            "2022-01-25",
        ),
        (
            "请登录查询。 龙泉县住房和城乡建设局 2022 年\n"
            "1 月 25 日 主办：龙泉县人民政府办公室\n更新日期：2022-03-01",
            "2022-01-25",
        ),
        # ... or the whole date, the name on the line above, the footer right after it.
        (
            "扎实做好2022\n年政府信息公开工作。\n   龙泉县东阳镇政府\n"
            "      2022 年1 月25 日主办：龙泉县人民政府办公室 网站标识码：1234567890\n"
            "更新日期：2022-03-01",
            "2022-01-25",
        ),
        # The last sentence's full stop lost, the body's name joined to it after a comma.
        (
            "办理结果已在政府网站公开，接受社会监督龙泉县人民政府 2022 年1 月25 日\n"
            "主办：龙泉县人民政府办公室\n更新日期：2022-03-01",
            "2022-01-25",
        ),
        ("会议要求，会议定于 2022年1月25日", None),
        # Another footer's head is no day: no date is put together from it.
        (
            "请登录查询。 龙泉县住房和城乡建设局 2022 年1 月\n"
            "25号主办：龙泉县人民政府办公室\n更新日期：2022-03-01",
            None,
        ),
        # A date wrapped onto the next line inside a sentence is no signature either.
        ("我局于2022年1月\n25日召开会议。", None),
    ],
)
def test_a_signature_on_the_last_paragraphs_line(ending: str, date: str | None) -> None:
    lines = ["六、其他需要报告的事项", *ending.split("\n")]
    found = metadata.published(lines)
    assert (None if found is None else found.isoformat()) == date


def test_a_phrase_of_prose_is_never_the_body() -> None:
    opening = ["2022年，通过实验区政府门户网站主动公开信息312条。"]
    assert metadata.named_body(opening, []) is None
    opening = ["2022年，依托新区管委会门户网站主动公开信息312条。"]
    assert metadata.named_body(opening, []) is None


def test_a_report_named_with_the_day_it_went_online_is_a_link_not_the_title() -> None:
    # pdfplumber's text of a browser's PDF of the page: the 相关阅读 list's items lost their
    # bullets, each a report's name and its date; the page's own title names 2021
    text = (
        "当前位置：首页 > 政务公开 > 政府信息公开年报\n相关阅读\n"
        "梧川区兴隆镇政府2020年政府信息公开年度报告2021-01-20\n"
        "梧川区兴隆镇政府2019年政府信息公开年度报告2020-01-29\n"
        "梧川区兴隆镇政府2021年政府信息公开年度报告\n"
        "发布时间：2022-04-21 14:58 来源：梧川区兴隆镇政府\n" + REST
    )
    back = gr.parse(text)
    assert (back.organisation, back.year) == ("梧川区兴隆镇政府", 2021)
    assert not any(d.code == "year-ambiguous" for d in back.diagnostics)
    # a report's name dated in brackets is a link too
    assert _front(f"{BODY}2019年政府信息公开年度报告（2020-01-29）\n{TITLE}\n") == (BODY, 2020)


def test_a_signature_dates_digits_on_the_line_under_its_characters_are_put_back() -> None:
    # pdfplumber prints the digits in their own font on the line under 年 月 (the
    # paragraph's own year too), then 日 and its day on lines of their own; the day's
    # digits before the site's footer are no table number
    text = (
        f"{TITLE}\n{REST}"
        "我委将认真落实上级关于政务公开工作的各项部\n"
        "署，扎实做好 年政府信息公开工作。 清河县卫生健康委员会 年 月\n"
        "2023 2023 3\n日\n20\n"
        "主办：城东区人民政府办公室 网站标识码：5070378921\nICP备87457446号\n"
    )
    assert gr.parse(text).published == datetime.date(2023, 3, 20)
    # the digits fill only as many characters as they are: one short, no date is made
    assert gr.parse(text.replace("2023 2023 3", "2023 3")).published is None


@pytest.mark.parametrize(
    ("closing", "date"),
    [
        # pdfminer's text of a browser's PDF (markitdown): the digits in their own font
        # on the line under the slots they fill (the paragraph's year too), the line's
        # last slot (日) under them; 月 and 日 the Kangxi radicals ⽉ and ⽇, the footer's too
        (
            "我镇将认真落实各项部署，扎实做好 年政府\n2021\n信息公开⼯作。\n"
            "如需了解更多政府信息，请登录查询。 金沙县石桥镇⼈⺠政府 年 ⽉\n2021 1 15\n⽇\n"
            "主办：金沙县⼈⺠政府办公室 ⽹站标识码：5070378921\n更新⽇期：2021-07-01\n",
            (2021, 1, 15),
        ),
        # the paragraph's own year fills its 年 first, the date's characters on a line
        # of their own between the two lines of digits
        (
            "我镇 年度未收取信息处理费。 金沙县石桥镇政府\n2020 2021\n年 ⽉ ⽇\n2 27\n"
            "主办：金沙县人民政府办公室 网站标识码：5070378921\n",
            (2021, 2, 27),
        ),
        # pdfplumber: the paragraph's own year under its line, the date's year above the
        # date's characters and its month and day under them
        (
            "我镇 年度未收取信息处理费。人大代表建议和政协委员\n2022\n"
            "提案办理结果已在政府网站公开，接受社会监督。 金沙县石桥镇政府\n2023\n年 ⽉ ⽇\n"
            "1 24\n主办：金沙县人民政府办公室 网站标识码：5070378921\n",
            (2023, 1, 24),
        ),
        # one number short: the slots are not filled, no date is made
        (
            "我镇 年度未收取信息处理费。 金沙县石桥镇政府\n2020 2021\n年 ⽉ ⽇\n27\n"
            "主办：金沙县人民政府办公室 网站标识码：5070378921\n",
            None,
        ),
        (
            "提案办理结果已在政府网站公开，接受社会监督。 金沙县石桥镇政府\n2023\n年 ⽉ ⽇\n"
            "24\n主办：金沙县人民政府办公室 网站标识码：5070378921\n",
            None,
        ),
    ],
)
def test_a_signature_dates_digits_between_its_characters_lines_are_put_back(
    closing: str, date: tuple[int, int, int] | None
) -> None:
    opening = REST.removesuffix("无。\n")  # section 六's text is the closing's
    text = f"{TITLE}\n{opening}{closing}"
    assert gr.parse(text).published == (datetime.date(*date) if date else None)
