"""Text a page hides, beside a number (issue 48 item 2): the digits a CMS slips into a number
and hides from its reader, in every way a page or a Word document hides text, are never
digits of the number. Where the hiding is certain, the text is left out; where it cannot be
decided (a class no rule of the page declares, a position), the markup's boundary separates
two tokens, and the cell holds no valid value: missing, never concatenated. Plain formatting
(a font change inside a number, as Word's runs print it) changes nothing."""

from __future__ import annotations

import io

import docx
import pytest
from damage import parse, rendered
from docx.shared import Pt, RGBColor

import govinfo_report as gr

KEY = "applications.carried_over.research_institution"


def _report() -> gr.Report:
    """A 2019 report whose cells are 0 but 574 applications of research institutions carried
    over (the row's, the column's and the table's totals agree)."""
    values: dict[str, object] = dict.fromkeys((field.key for field in gr.fields("2019")), 0)
    for row in ("carried_over", "granted", "total"):
        values[f"applications.{row}.research_institution"] = 574
        values[f"applications.{row}.total"] = 574
    return gr.Report.from_values(values, template="2019", organisation="某某县财政局", year=2020)


REPORT = _report()

HIDDEN = {
    "a class a style rule hides": '<span class="cp_7f">{}</span>',
    "font-size 0": '<span style="FONT-SIZE: 0px">{}</span>',
    "font-size 0 in em": '<font style="font-size:0em">{}</font>',
    "opacity 0": '<span style="opacity: 0">{}</span>',
    "white text": '<span style="color:#ffffff">{}</span>',
    "white font": '<font color="#FFF">{}</font>',
    "off-screen": '<span style="position:absolute; left:-10000px">{}</span>',
    "text-indent off-screen": '<b style="text-indent:-999em">{}</b>',
    "del": "<del>{}</del>",
    "s": "<s>{}</s>",
    "strike": "<strike>{}</strike>",
    "struck by style": '<span style="text-decoration: line-through">{}</span>',
    "ruby text": "<ruby><rt>{}</rt></ruby>",
    "ruby parenthesis": "<rp>{}</rp>",
    "Word's hidden text": '<span style="mso-hide:all">{}</span>',
}
DOUBTFUL = {
    "a class no rule declares": '<span class="x3">{}</span>',
    "positioned": '<span style="position:absolute;top:3px">{}</span>',
    "white on a background": '<span style="color:white;background-color:#1e50a2">{}</span>',
    "an image": '<img src="dot.gif" alt="">{}',
    "an unknown element": "<jammer>{}</jammer>",
}
#: The page's style sheet: its own rule hides the anti-copy class; another is linked.
STYLE = '<link rel="stylesheet" href="/css/site.css"><style>span.cp_7f { display : none }</style>'


def _page(text: str) -> str:
    page = rendered(REPORT, {KEY: text}, "html")
    return page.replace("</head>", STYLE + "</head>", 1)


@pytest.mark.parametrize("at", [0, 1, 3])
@pytest.mark.parametrize("form", HIDDEN.values(), ids=HIDDEN)
def test_hidden_text_in_a_number_is_left_out(form: str, at: int) -> None:
    back = parse(_page("574"[:at] + form.format("28") + "574"[at:]), "html")
    assert back is not None
    cell = back.cell(KEY)
    assert (cell.value, cell.provenance, cell.raw) == (574, "parsed", "574")


@pytest.mark.parametrize("form", DOUBTFUL.values(), ids=DOUBTFUL)
def test_text_whose_hiding_cannot_be_decided_is_apart_from_the_number(form: str) -> None:
    back = parse(_page("57" + form.format("2") + "4"), "html")
    assert back is not None
    cell = back.cell(KEY)
    assert (cell.value, cell.provenance) == (None, "missing")
    assert cell.raw is not None and cell.raw.replace(" ", "") == "5724" and " " in cell.raw
    assert "invalid-value" in {found.code for found in back.diagnostics}
    # Beside the number, not inside it, it is no digit of it either.
    back = parse(_page("574" + form.format("注")), "html")
    assert back is not None and back.cell(KEY).value in (574, None)


def test_plain_formatting_inside_a_number_keeps_it_one_number() -> None:
    runs = (
        '5<span lang="EN-US" style="font-size:10.5pt;font-family:宋体;color:rgb(51,51,51)">7</span>'
    )
    back = parse(_page(runs + '<font face="Times New Roman"><b>4</b></font>'), "html")
    assert back is not None
    assert back.cell(KEY).value == 574


def test_hidden_text_in_prose_is_left_out() -> None:
    page = gr.render_html(REPORT).replace(
        "某某县财政局", '某某县<span style="font-size:0">仿冒</span>财政局', 1
    )
    assert "仿冒" not in gr.extract_text(page.encode(), format="html")


def _word_cell(*runs: tuple[str, dict[str, object]]) -> str:
    """The text ``gr.extract_text`` gives of a Word table's cell holding ``runs``, each with
    its font's properties (``color``: an RGB colour; ``shading``: the cell shaded)."""
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    cell = table.cell(0, 1)
    for text, font in runs:
        run = cell.paragraphs[0].add_run(text)
        for name, value in font.items():
            if name == "color":
                run.font.color.rgb = value
            elif name == "shading":
                properties = cell._tc.get_or_add_tcPr()
                shading = properties.makeelement(docx.oxml.ns.qn("w:shd"), {})
                shading.set(docx.oxml.ns.qn("w:fill"), "1E50A2")
                properties.append(shading)
            else:
                setattr(run.font, name, value)
    out = io.BytesIO()
    document.save(out)
    return gr.extract_text(out.getvalue()).split("\t")[1]


WHITE = RGBColor(0xFF, 0xFF, 0xFF)


@pytest.mark.parametrize(
    "font",
    [
        {"strike": True},
        {"double_strike": True},
        {"size": Pt(1)},
        {"web_hidden": True},
        {"spec_vanish": True},
        {"hidden": True},
        {"color": WHITE},
    ],
    ids=str,
)
def test_a_word_run_that_hides_its_text_is_left_out(font: dict[str, object]) -> None:
    assert _word_cell(("57", {}), ("28", font), ("4", {})) == "574"


def test_a_word_run_whose_hiding_cannot_be_decided_is_apart() -> None:
    assert _word_cell(("57", {}), ("2", {"color": WHITE, "shading": True}), ("4", {})) == "57 2 4"
    # Runs of plain formatting are one number, as Word splits a number by font.
    plain = {"bold": True, "size": Pt(10.5), "color": RGBColor(0x33, 0x33, 0x33)}
    assert _word_cell(("57", {}), ("4", plain)) == "574"
    assert _word_cell(("57", {}), ("4", {"strike": False})) == "574"
