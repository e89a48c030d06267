"""Bad input gets a clear, documented error; odd encodings and artefacts are normalised."""

from __future__ import annotations

import pytest

import govinfo_report as gr

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
    cut = SEED_TEXT[:SEED_TEXT.index("三、收到和处理")]
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
