"""Bad input gets a clear, documented error; odd encodings and artefacts are normalised."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report as gr
from govinfo_report import fold
from govinfo_report.cells import is_value
from govinfo_report.read import source

from conftest import SEEDS

SEED_TEXT = SEEDS[1].read_text(encoding="utf-8")


@pytest.mark.parametrize("data", [b"", b"   \n\n", "", " \n"])
def test_empty_input(data: bytes | str) -> None:
    with pytest.raises(gr.ParseError) as caught:
        gr.parse(data)
    assert caught.value.code == "empty-input"


def test_binary_input_is_located() -> None:
    with pytest.raises(gr.ParseError) as caught:
        gr.parse(b"PK\x03\x04\n\x00\x01binary")
    assert (caught.value.code, caught.value.line, caught.value.column) == ("not-text", 2, 1)


def test_text_full_of_control_characters() -> None:
    with pytest.raises(gr.ParseError) as caught:
        gr.parse("abc\x01\x02\x03\x04" * 50)
    assert caught.value.code == "not-text"


def test_text_that_is_not_a_report() -> None:
    with pytest.raises(gr.ParseError) as caught:
        gr.parse("Lorem ipsum dolor sit amet.\nNothing to see here.\n")
    assert caught.value.code == "not-a-report"
    assert isinstance(caught.value, ValueError)


def test_gb18030_bytes_parse_like_utf8() -> None:
    report = gr.parse(SEED_TEXT.encode("gb18030"))
    assert report.encoding == "gb18030"
    assert "encoding-gb18030" in {d.code for d in report.diagnostics}
    assert report.flat() == gr.parse(SEED_TEXT).flat()


def test_bom_crlf_and_full_width_digits() -> None:
    mangled = "\ufeff" + SEED_TEXT.replace("行政许可\t7\t0\t34", "行政许可\t７\t０\t３４")
    report = gr.parse(mangled.replace("\n", "\r\n").encode("utf-8"))
    assert report.flat() == gr.parse(SEED_TEXT).flat()
    assert report.cell("proactive.licensing.decisions").line == 35


def test_a_truncated_report_keeps_what_it_has() -> None:
    cut = SEED_TEXT[: SEED_TEXT.index("三、收到和处理")]
    report = gr.parse(cut)
    assert report.flat()["proactive.licensing.decisions"] == 34
    assert report.flat()["applications.total.total"] is None
    codes = {d.code for d in report.diagnostics}
    assert {"section-missing", "table-missing"} <= codes


def test_strict_raises_on_report_errors() -> None:
    with pytest.raises(gr.ParseError) as caught:
        gr.parse(SEEDS[1], strict=True)
    assert (caught.value.code, caught.value.line) == ("rule-violation", 79)
    gr.parse(SEEDS[2], strict=True)  # warnings only: no error


def test_unknown_layout_name() -> None:
    with pytest.raises(gr.UnknownLayoutError):
        gr.parse(SEED_TEXT, layout="no-such-layout")


def test_an_error_shows_the_line_with_a_caret() -> None:
    with pytest.raises(gr.ParseError) as caught:
        gr.parse("某县2020年报告\n行政许可\t\x00\t3\n".encode())
    error = caught.value
    assert (error.line, error.column, error.text) == (2, 6, "行政许可\t\x00\t3")
    assert str(error).splitlines()[1:] == ["    行政许可  \\u0000  3", "              ^"]


def test_an_undecodable_byte_is_located_in_characters() -> None:
    with pytest.raises(gr.ParseError) as caught:
        gr.parse("标题\n行政许可 ".encode() + b"\xff\xfe\xfd" + b"\x81")
    error = caught.value
    assert (error.code, error.line, error.column) == ("not-text", 2, 6)
    assert str(error).endswith("\n" + " " * 13 + "^")


def test_a_long_line_is_clipped_around_the_column() -> None:
    with pytest.raises(gr.ParseError) as caught:
        gr.parse(b"x" * 500 + b"\x00" + b"y" * 500)
    shown, caret = str(caught.value).splitlines()[1:]
    assert shown.startswith("    …x") and shown.endswith("y…")
    assert caret.index("^") == shown.index("\\u0000")


def test_strict_errors_show_the_offending_line() -> None:
    with pytest.raises(gr.ParseError) as caught:
        gr.parse(SEEDS[1], strict=True)
    error = caught.value
    assert error.text is not None and error.text.split("\t")[0] in str(error)


@pytest.mark.parametrize(
    "data", ["\u200b", "\ufeff\ufeff", "[bookmark: _Toc1]", "\u200b\n\u200b".encode()]
)
def test_input_blank_once_normalised_is_empty(data: str | bytes) -> None:
    with pytest.raises(gr.ParseError) as caught:
        gr.parse(data)
    assert caught.value.code == "empty-input"


def test_a_bad_gb18030_byte_is_located_where_gb18030_fails() -> None:
    data = "某县2020年报告\n一、总体情况\n行政许可".encode("gb18030") + b"\xff\xfe\n"
    with pytest.raises(gr.ParseError) as caught:
        gr.parse(data)
    error = caught.value
    assert (error.code, error.line, error.column) == ("not-text", 3, 5)
    assert error.text is not None and error.text.startswith("行政许可")  # not mojibake


def test_radicals_that_pdf_fonts_give_for_ideographs_are_folded() -> None:
    kangxi = "".join(chr(code) for code in (0x2F06, 0x2F08, 0x2F8F))  # KANGXI TWO, MAN, WALK
    supplement = "".join(chr(code) for code in (0x2EA0, 0x2EDB, 0x2EDA))  # CIVILIAN, WIND, LEAF
    assert fold.fold(f"{kangxi}{supplement}") == "二人行民风页"
    assert fold.fold("月日王") == "月日王"


def test_folding_maps_each_foldable_character_once_to_a_plain_one() -> None:
    # fold searches on from each folded character: nothing it writes may be foldable again.
    folded = "".join(fold._FOLD_TEXT.values())
    assert fold.fold(folded) == folded
    assert fold.fold("（一）\u3000Ａ１，⼆⺠") == "(一) A1,二民"


#: Trailing padding as one pattern: blank cells after the non-space that ends a line's text.
_PLAIN_PADDING = re.compile(r"(?<=\S)[ \t]*\t[ \t]*$", re.MULTILINE)


def _plainly_unpadded(text: str) -> str:
    """``source._unpadded`` as one substitution of ``_PLAIN_PADDING``: the oracle."""

    def drop(padding: re.Match[str]) -> str:
        start = padding.start()
        last = text[max(text.rfind("\t", 0, start), text.rfind("\n", 0, start)) + 1 : start]
        return "" if is_value(last.strip()) else padding.group()

    return _PLAIN_PADDING.sub(drop, text)


@given(st.lists(st.sampled_from(["12", "行政", "—", " ", "\t", "\n", "\x0c"]), max_size=14))
def test_a_rows_trailing_blank_cells_are_dropped_as_one_pattern_drops_them(
    pieces: list[str],
) -> None:
    """``_unpadded`` finds padding by its first tab and walks back over the spaces before
    it: it drops what the plain pattern (the spaces, then the tabs) drops, and no more."""
    text = "".join(pieces)
    assert source._unpadded(text) == _plainly_unpadded(text)


def test_only_a_row_of_values_loses_its_trailing_tabs() -> None:
    text = "行政\t12\t\t \n行政\t\t\n\t \t\n12\x0c\t\n12 \t"
    assert source._unpadded(text) == "行政\t12\n行政\t\t\n\t \t\n12\x0c\t\n12"


#: What ``source._table_spans`` finds without testing each character.
_TABLE_PATTERN = re.compile(r"<table\b(?:(?!<table\b).)*?</table\s*>", re.IGNORECASE | re.DOTALL)


@given(
    st.lists(
        st.sampled_from(
            [
                "<table>",
                "<TABLE ",
                "<tablex",
                "<table",
                "</table>",
                "</TaBle \n>",
                "</table",
                "<td>1</td>",
                "x",
                "\n",
                ">",
            ]
        ),
        max_size=30,
    )
)
def test_html_tables_in_text_are_found_where_the_pattern_finds_them(pieces: list[str]) -> None:
    text = "".join(pieces)
    expected = [found.span() for found in _TABLE_PATTERN.finditer(text)]
    assert list(source._table_spans(text)) == expected


def test_nested_html_tables_in_text_are_read_innermost_first() -> None:
    text = "a<table><tr><td><TABLE x>1</table></td></tr></table >b<table>2</TABLE\n>"
    assert list(source._table_spans(text)) == [(16, 34), (54, 71)]
