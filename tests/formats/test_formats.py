"""Direct inputs: HTML pages, Word and PDF files read to text (tables as tab-separated rows)
and parsed; their encodings, merged cells, damaged files and missing extras."""

from __future__ import annotations

import io
import json
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from hypothesis import given

import govinfo_report as gr
from govinfo_report.read.formats import extract, kind_of
from govinfo_report.read.source import read

from accuracy import FIXTURES as CONVERTERS
from accuracy import folders
from conftest import printed, scaled
from strategies import reports

#: The converter fixtures rendered by gr.render_html and write_docx (the pages written as
#: sites publish them, cms-*, are held by tests/real/test_realworld.py).
REPORTS = folders()
CASES = [
    (folder, kind)
    for folder in REPORTS
    for kind in ("html", "docx", "pdf")
    if (folder / f"report.{kind}").exists()
]


def _truth(folder: Path) -> dict:
    truth = json.loads((folder / "truth.json").read_text("utf-8"))
    truth["values"] = {
        key: Decimal(value) if isinstance(value, str) else value
        for key, value in truth["values"].items()
    }
    return truth


def _html(body: str, head: str = "") -> bytes:
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


def _lines(page: bytes | str) -> list[str]:
    return gr.extract_text(page, format="html").splitlines()


# The fixture reports, read directly -------------------------------------------------------


@pytest.mark.parametrize(("folder", "kind"), CASES, ids=[f"{f.name[:12]}-{k}" for f, k in CASES])
def test_each_document_gives_the_true_values(folder: Path, kind: str) -> None:
    truth = _truth(folder)
    report = gr.parse(folder / f"report.{kind}")
    got = printed(report)
    assert set(got) == set(truth["values"])
    assert {
        key: (got[key], value) for key, value in truth["values"].items() if got[key] != value
    } == {}
    assert (report.template, report.organisation, report.year) == (
        truth["template"],
        truth["organisation"],
        truth["year"],
    )
    assert report.source == f"report.{kind}"
    charset = "gb18030" if truth["charset"] == "gb2312" else truth["charset"]
    assert report.encoding == {"html": charset}.get(kind, kind)
    # The report's own findings only: the same as for its text rendered tab-separated.
    rendered = gr.parse(gr.render(report, "tab-separated"))
    assert sorted(d.code for d in report.diagnostics if d.severity != "info") == sorted(
        d.code for d in rendered.diagnostics if d.severity != "info"
    )


@pytest.mark.parametrize(("folder", "kind"), CASES, ids=[f"{f.name[:12]}-{k}" for f, k in CASES])
def test_positions_refer_to_the_extracted_text(folder: Path, kind: str) -> None:
    report = gr.parse(folder / f"report.{kind}")
    lines = gr.extract_text(folder / f"report.{kind}").splitlines()
    parsed = [
        cell
        for table in report.tables
        for cell in map(report.cell, table.keys)
        if cell.provenance == "parsed"
    ]
    assert len(parsed) > 100
    for cell in parsed:
        assert cell.line is not None and cell.column is not None and cell.raw is not None
        assert lines[cell.line - 1][cell.column - 1 :].startswith(cell.raw), cell.key


def test_the_tables_come_out_as_tab_separated_rows() -> None:
    folder = CONVERTERS / "corpus-3"
    for kind in ("html", "docx"):
        report = gr.parse(folder / f"report.{kind}")
        assert {table.layout for table in report.tables} == {"tab-separated"}
    lines = gr.extract_text(folder / "report.docx").splitlines()
    title = f"{_truth(folder)['organisation']}2019年政府信息公开工作年度报告"
    assert lines[:2] == [title, "一、总体情况"]
    assert lines[-1] == "2020年2月12日"  # not the page header (the title) nor the footer
    assert "二、主动公开政府信息情况" in lines
    article = lines.index("二、主动公开政府信息情况") + 1
    assert lines[article].split("\t") == ["第二十条第(一)项", "", "", ""]  # folded
    assert lines[article + 1].split("\t") == [
        "信息内容",
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
    ]


def test_the_pdf_pages_interleave_text_and_tables() -> None:
    lines = gr.extract_text(CONVERTERS / "hypothesis-1" / "report.pdf").splitlines()
    numbers = ["一、", "二、", "三、", "四、", "五、", "六、"]
    headings = [line for line in lines if line[:2] in numbers and "\t" not in line]
    assert [heading[:2] for heading in headings] == numbers
    second, third = lines.index(headings[1]), lines.index(headings[2])
    assert all("\t" in line for line in lines[second + 1 : third])


def test_a_suffix_hint_and_bytes() -> None:
    folder = CONVERTERS / "corpus-3"
    want = gr.parse(folder / "report.docx").flat()
    for kind in ("html", "docx"):
        data = (folder / f"report.{kind}").read_bytes()
        assert gr.parse(data, format=kind).flat() == want
        assert gr.parse(data, format=kind).source is None
    assert kind_of("a/B.HTM") == kind_of("x.xhtml") == "html"
    assert kind_of("report.txt") is None


def test_iter_parse_reads_documents_by_their_names(tmp_path: Path) -> None:
    folder = CONVERTERS / "corpus-3"
    archive = tmp_path / "reports.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.write(folder / "report.docx", "a/report.docx")
    sources = [folder / "report.html", folder / "report.docx", *gr.documents(archive, ["**/*"])]
    results = list(gr.iter_parse(sources))
    assert [result.ok for result in results] == [True, True, True]
    assert results[2].name == f"{archive}:a/report.docx"
    assert len({json.dumps(r.report.flat(), default=str) for r in results if r.report}) == 1
    forced = list(gr.iter_parse([(folder / "report.html").read_bytes()], format="html"))
    assert forced[0].report is not None
    assert forced[0].report.flat() == results[0].report.flat()  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="unknown format 'rtf'"):
        gr.iter_parse([], format="rtf")


# HTML ---------------------------------------------------------------------------------------


def test_html_rowspan_and_colspan_make_the_grid() -> None:
    page = _html("""<p>before</p><table>
        <thead><tr><th rowspan="2">a</th><th colspan="2">b</th><th>c</th></tr>
        <tr><th>b1</th><th>b2</th><th>c1</th></tr></thead>
        <tbody><tr><td colspan="3">e</td><td rowspan="3">d</td></tr>
        <tr><td>1</td><td rowspan="9">2</td><td>3</td></tr>
        <tr><td>x</td><td>y</td></tr></tbody>
        <tfoot><tr><td>f</td><td>g</td></tr></tfoot>
        </table><p>after</p>""")
    assert _lines(page) == [
        "before",
        "a\tb\t\tc",
        "\tb1\tb2\tc1",
        "e\t\t\td",
        "1\t2\t3\t",
        "x\t\ty\t",
        "f\tg",
        "after",
    ]


def test_html_row_groups_share_one_grid_of_columns() -> None:
    # The header's merged cell covers the columns where the body's group labels begin: the
    # header keeps them, so every row is as wide as the table (a row's first cell blank is
    # then known to be its first column's).
    page = _html("""<table>
        <thead><tr><th rowspan="2" colspan="2">note</th><th colspan="2">h</th></tr>
        <tr><th>h1</th><th>h2</th></tr></thead>
        <tbody><tr><td rowspan="2">g</td><td>r1</td><td>1</td><td>2</td></tr>
        <tr><td>r2</td><td>&nbsp;</td><td>3</td></tr></tbody>
        </table>""")
    assert _lines(page) == ["note\t\th\t", "\t\th1\th2", "g\tr1\t1\t2", "\tr2\t\t3"]


def test_html_footer_rows_come_last_and_rows_spanning_past_the_end_are_clipped() -> None:
    page = _html(
        "<table><tfoot><tr><td>z</td><td>9</td></tr></tfoot>"
        "<tr><td rowspan='5'>a</td><td>1</td></tr>"
        "<tr><td>2</td></tr></table>"
    )
    assert _lines(page) == ["a\t1", "\t2", "z\t9"]


def test_html_cell_lines_join_without_a_separator() -> None:
    page = _html(
        "<table><tr><th>本年新<br>\n  制作数量</th><th><p>本年新</p><p>公开数量</p></th>"
        "<th>a  b\n c</th></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>"
    )
    assert _lines(page) == ["本年新制作数量\t本年新公开数量\ta b c", "1\t2\t3"]


def test_html_no_break_space_is_blank() -> None:
    page = _html(
        "<table><tr><td>规章</td><td>&nbsp;</td><td> &#160; </td><td>3</td></tr>"
        "<tr><td>&nbsp;</td><td>&nbsp;</td><td></td><td></td></tr></table>"
        "<p>&nbsp;</p><p>x&nbsp;y</p>"
    )
    assert _lines(page) == ["规章\t\t\t3", "x y"]


def test_html_blocks_lines_and_what_is_skipped() -> None:
    page = _html(
        "<h1>标题</h1><div>one<br>two<span> three</span></div>"
        "<script>var x = '<p>no</p>';</script><style>p {}</style><!-- note -->"
        "<ul><li>i</li><li>ii</li></ul>tail"
        "<table><tr><td>x<table><tr><td>in</td><td>ner</td></tr></table>y</td>"
        "<td>2</td></tr></table><pre>a\tb\n  c</pre>",
        head="<title>not body</title>",
    )
    assert _lines(page) == [
        "标题",
        "one",
        "two three",
        "i",
        "ii",
        "tail",
        "x in ner y\t2",
        "a\tb",
        "  c",
    ]


def test_html_a_one_column_table_lays_out_the_page() -> None:
    page = _html(
        "<table><tr><td><h2>二、标题</h2><table><tr><td>规章</td><td>1</td></tr>"
        "</table><p>正文</p></td></tr></table>"
    )
    assert _lines(page) == ["二、标题", "规章\t1", "正文"]


def test_html_spans_are_clipped_to_the_cell_cap() -> None:
    page = _html(
        '<table><tr><td colspan="100000">a</td><td>b</td></tr>'
        '<tr><td rowspan="x">1</td><td colspan="0">2</td></tr></table>'
    )
    first, second = _lines(page)
    # 256 positions, the cap; those where no cell begins are folded into the second.
    assert first == "a\t"
    assert second == "1\t2"


def test_html_declared_gb2312_is_read_as_gb18030() -> None:
    page = (
        _html(
            "<p>政府信息公开 䶮</p>",
            head='<meta http-equiv="Content-Type" content="text/html; charset=GB2312">',
        )
        .decode()
        .encode("gb18030")
    )
    source = read(page, "html")
    assert (source.lines, source.encoding, source.diagnostics) == (
        ("政府信息公开 䶮",),
        "gb18030",
        (),
    )


def test_html_a_whole_report_declared_gb2312() -> None:
    report = gr.parse(CONVERTERS / "hypothesis-1" / "report.html")
    page = gr.render_html(report, "gb2312").encode("gbk")
    back = gr.parse(page, format="html")
    assert back.flat() == report.flat()
    assert back.encoding == "gb18030"
    assert not [d for d in back.diagnostics if d.severity != "info"]


def test_html_without_a_declaration_falls_back_to_gb18030() -> None:
    source = read(_html("<p>年度报告</p>").decode().encode("gb18030"), "html")
    assert (source.lines, source.encoding) == (("年度报告",), "gb18030")
    assert [d.code for d in source.diagnostics] == ["encoding-gb18030"]
    plain = read(_html("<p>年度报告</p>"), "html")
    assert (plain.encoding, plain.diagnostics) == ("utf-8", ())


def test_html_declaring_utf8_but_holding_gbk_falls_back_with_a_diagnostic() -> None:
    page = _html("<p>年度报告</p>", head='<meta charset="utf-8">').decode().encode("gbk")
    source = read(page, "html")
    assert (source.lines, source.encoding) == (("年度报告",), "gb18030")
    assert [d.code for d in source.diagnostics] == ["encoding-declared-wrong"]
    assert "declares utf-8" in source.diagnostics[0].message


def test_html_xml_declarations_and_unknown_encodings() -> None:
    xhtml = (
        '<?xml version="1.0" encoding="gbk"?><html xmlns="http://www.w3.org/1999/xhtml">'
        "<body><p>报告</p></body></html>"
    ).encode("gbk")
    assert read(xhtml, "html").encoding == "gb18030"
    unknown = read(_html("<p>报告</p>", head='<meta charset="x-unheard-of">'), "html")
    assert unknown.encoding == "utf-8"
    assert [d.code for d in unknown.diagnostics] == ["encoding-declared-wrong"]
    utf16 = read(_html("<p>报告</p>", head='<meta charset="utf-16">'), "html")
    assert (utf16.lines, utf16.encoding) == (("报告",), "utf-8")


def test_html_in_no_encoding_is_not_text() -> None:
    page = _html("<p>ok</p>") + b"\n<p>\xff\xff\xff</p>"
    with pytest.raises(gr.ParseError) as caught:
        read(page, "html")
    assert (caught.value.code, caught.value.line) == ("not-text", 2)


def test_html_markup_given_as_text() -> None:
    markup = '<?xml version="1.0" encoding="gb2312"?><html><body><p>报告</p></body></html>'
    source = read(markup, "html")
    assert (source.lines, source.encoding) == (("报告",), "str")


def test_html_path_suffixes(tmp_path: Path) -> None:
    for name in ("a.htm", "b.HTML", "c.xhtml"):
        (tmp_path / name).write_bytes(_html("<p>一、总体情况</p>"))
        source = read(tmp_path / name)
        assert (source.lines, source.name) == (("一、总体情况",), name)
    (tmp_path / "d.html").write_bytes(b"<p>raw</p>")
    assert read(tmp_path / "d.html", "text").lines == ("<p>raw</p>",)


@pytest.mark.parametrize(
    "page", [b"", b"  \n", b"<!-- nothing -->", _html(""), _html("<p>&nbsp;</p><script>x</script>")]
)
def test_an_empty_html_page(page: bytes) -> None:
    with pytest.raises(gr.ParseError) as caught:
        gr.parse(page, format="html")
    assert caught.value.code == "empty-input"


@scaled(1)
@given(report=reports())
def test_render_html_round_trips(report: gr.Report) -> None:
    back = gr.parse(gr.render_html(report).encode(), format="html")
    assert (back.template, back.organisation, back.year, back.published) == (
        report.template,
        report.organisation,
        report.year,
        report.published,
    )
    assert printed(back) == report.flat()
    assert not [str(d) for d in back.diagnostics if d.severity != "info"]


# DOCX ---------------------------------------------------------------------------------------


def _docx(build: object) -> bytes:
    document = docx.Document()
    build(document)  # type: ignore[operator]
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_merged_cells_make_the_grid() -> None:
    def build(document: docx.document.Document) -> None:
        document.sections[0].header.paragraphs[0].text = "页眉"
        document.add_paragraph("before")
        table = document.add_table(rows=4, cols=4)
        for row, texts in enumerate(
            [["a", "b", "", "c"], ["", "b1", "b2", "d"], ["e", "", "", ""], ["1", "2", "3", ""]]
        ):
            for column, text in enumerate(texts):
                table.cell(row, column).text = text
        table.cell(0, 1).merge(table.cell(0, 2))
        table.cell(0, 0).merge(table.cell(1, 0))
        table.cell(1, 3).merge(table.cell(2, 3))
        table.cell(2, 0).merge(table.cell(2, 2))
        cell = table.cell(3, 0)
        cell.paragraphs[0].text = "本年新"
        cell.add_paragraph("制作数量")
        document.add_paragraph("after\tx").add_run().add_break()
        document.sections[0].footer.paragraphs[0].text = "第 1 页"

    assert gr.extract_text(_docx(build), format="docx").split("\n") == [
        "before",
        "a\tb\t\tc",
        "\tb1\tb2\td",
        "e\t\t\t",
        "本年新制作数量\t2\t3\t",
        "after\tx",
        "",
    ]


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04 not really a zip",
        b"not a document at all",
        (CONVERTERS / "corpus-3" / "report.docx").read_bytes()[:5000],
    ],
)
def test_a_damaged_docx_is_unreadable(data: bytes) -> None:
    with pytest.raises(gr.ParseError) as caught:
        gr.parse(data, format="docx")
    assert caught.value.code == "unreadable"
    assert caught.value.message.startswith("not a readable Word (.docx) document: ")


def test_a_zip_that_is_not_a_word_document_is_unreadable() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("report.txt", "一、总体情况")
    with pytest.raises(gr.ParseError) as caught:
        gr.parse(buffer.getvalue(), format="docx")
    assert caught.value.code == "unreadable"


@pytest.mark.parametrize(
    "data",
    [b"", _docx(lambda document: None), _docx(lambda document: document.add_paragraph("  "))],
)
def test_an_empty_docx(data: bytes) -> None:
    with pytest.raises(gr.ParseError) as caught:
        gr.parse(data, format="docx")
    assert caught.value.code == "empty-input"


# PDF ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"not a pdf at all",
        b"%PDF-1.4\n%broken\n1 0 obj <<>>",
        (CONVERTERS / "corpus-0" / "report.pdf").read_bytes()[:3000],
    ],
)
def test_a_damaged_pdf_is_unreadable(data: bytes) -> None:
    with pytest.raises(gr.ParseError) as caught:
        gr.parse(data, format="pdf")
    assert caught.value.code == "unreadable"
    assert caught.value.message.startswith("not a readable PDF document: ")


def test_an_empty_pdf() -> None:
    with pytest.raises(gr.ParseError) as caught:
        gr.parse(b"  ", format="pdf")
    assert caught.value.code == "empty-input"


# Formats, dependencies ----------------------------------------------------------------------


def test_a_format_that_does_not_exist_or_does_not_fit() -> None:
    with pytest.raises(ValueError, match="unknown format 'doc': one of text, html, docx, pdf"):
        gr.parse(b"x", format="doc")
    with pytest.raises(ValueError, match="unknown format"):
        extract(b"x", "odt")
    with pytest.raises(TypeError, match="a docx document is bytes or a path"):
        gr.parse("text", format="docx")


@pytest.mark.parametrize(
    ("kind", "modules", "extra"),
    [
        ("html", ["lxml", "lxml.html", "lxml.etree"], "html"),
        ("docx", ["docx"], "docx"),
        ("pdf", ["pypdfium2", "pypdfium2.raw"], "pdf"),
    ],
)
def test_a_missing_extra_is_named(
    monkeypatch: pytest.MonkeyPatch, kind: str, modules: list[str], extra: str
) -> None:
    for module in modules:
        monkeypatch.setitem(sys.modules, module, None)
    path = CONVERTERS / "corpus-0" / f"report.{kind}"
    with pytest.raises(
        gr.MissingDependencyError, match=rf"pip install 'govinfo-report\[{extra}\]'"
    ):
        gr.parse(path)
    result = next(gr.iter_parse([path]))
    assert result.error is not None and result.error.code == "unreadable"
    assert f"govinfo-report[{extra}]" in result.error.message


def test_docx_content_controls_grid_before_and_text_boxes() -> None:
    from docx.oxml import parse_xml

    namespaces = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    )

    def build(document: docx.document.Document) -> None:
        body = document.element.body
        body.insert(
            0,
            parse_xml(
                f'<w:sdt {namespaces}><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>'
                "<w:p><w:r><w:t>in a control</w:t></w:r></w:p></w:sdtContent></w:sdt>"
            ),
        )
        body.insert(
            1,
            parse_xml(
                f"<w:tbl {namespaces}><w:tblGrid/>"
                "<w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc>"
                "<w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr>"
                '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>'
                "<w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
            ),
        )
        body.insert(
            2,
            parse_xml(
                f"<w:p {namespaces}><w:r><w:t>box:</w:t></w:r><w:r><mc:AlternateContent>"
                "<mc:Choice><w:p><w:r><w:t>once</w:t></w:r></w:p></mc:Choice>"
                "<mc:Fallback><w:p><w:r><w:t>twice</w:t></w:r></w:p></mc:Fallback>"
                "</mc:AlternateContent></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del>"
                "</w:p>"
            ),
        )

    assert gr.extract_text(_docx(build), format="docx").split("\n") == [
        "in a control",
        "a\tb",
        "\t2",
        "box:once",
    ]
