"""Messages that say what to do: ``validate`` sums up the rules it could not check one line per
table (``--verbose`` lists each); control characters in names, text or bytes are never
echoed raw; an HTML page saved as ``.txt`` is read as a page, or said to be markup."""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import pytest
import regex

import govinfo_report as gr
from govinfo_report.cli.command import main
from govinfo_report.diagnostics import diagnostic
from govinfo_report.escape import escape

from conftest import SEEDS

UNSAFE = regex.compile(r"[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]")
PAGE = Path(__file__).parents[1] / "fixtures" / "realworld" / "raw" / "pt-2021-pingtan.html"


def _lines(text: str) -> list[str]:
    return text.splitlines()


def test_validate_sums_up_the_rules_not_checked_per_table(
    capsys: pytest.CaptureFixture[str],
) -> None:
    report = gr.parse(SEEDS[1])
    unchecked = [d for d in report.diagnostics if d.code == "rule-not-assessable"]
    assert main(["validate", "--verbose", str(SEEDS[1])]) == 1
    verbose = _lines(capsys.readouterr().out)
    assert sum("[rule-not-assessable]" in line for line in verbose) == len(unchecked) == 9
    assert main(["validate", str(SEEDS[1])]) == 1
    short = _lines(capsys.readouterr().out)
    summed = [line for line in short if "[rule-not-assessable]" in line]
    # Section 四 prints no number: its three group sums miss all 15 cells (typed: seed 001
    # line 84). Six rules of section 三 placed a short row (lines 55-61) and hold by
    # construction.
    assert summed == [  # each report named by its path, as given
        f"{SEEDS[1]}:-: info: section 三: 6 rules not checked: 6 filled a cell "
        "the text lost, so hold by construction (--verbose lists each) [rule-not-assessable]",
        f"{SEEDS[1]}:-: info: section 四: 3 rules not checked: 15 cells they "
        "need missing (appeals.review.total, appeals.review.upheld, appeals.review.corrected "
        "and 12 more) (--verbose lists each) [rule-not-assessable]",
    ]
    # Everything else is the same, line for line.
    assert [line for line in short if line not in summed] == [
        line for line in verbose if "[rule-not-assessable]" not in line
    ]
    assert len(short) == len(verbose) - len(unchecked) + 2


def test_validate_quiet_leaves_the_sums_out(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--quiet", str(SEEDS[1])]) == 1
    assert "[rule-not-assessable]" not in capsys.readouterr().out


def test_a_diagnostic_never_holds_a_control_character_raw() -> None:
    found = diagnostic("unknown-label", "label '行政\x1b[2J许可\u202e' matches no row")
    assert found.message == "label '行政\\u001b[2J许可\\u202e' matches no row"


def test_escape_keeps_what_is_asked_and_is_idempotent() -> None:
    text = "a\tb\nc\x00d\U000e0001"
    assert escape(text) == "a\\u0009b\\u000ac\\u0000d\\udb40\\udc01"
    assert escape(text, keep="\t\n") == "a\tb\nc\\u0000d\\udb40\\udc01"
    assert escape(escape(text)) == escape(text)
    assert escape("行政许可 3") == "行政许可 3"


def test_random_bytes_are_never_echoed_raw(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rng = random.Random(18)
    for number in range(20):
        junk = tmp_path / f"junk{number}.txt"
        junk.write_bytes(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 3000))))
        main(["parse", "--format", "csv", str(junk)])
        main(["validate", str(junk)])
        captured = capsys.readouterr()
        for line in _lines(captured.out + captured.err):
            assert not UNSAFE.search(line), line


def test_a_name_with_control_characters_is_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    odd = tmp_path / "re\x1b[2Jport.txt"
    shutil.copy(SEEDS[4], odd)
    empty = tmp_path / "emp\x1b]0;x\x07ty.txt"
    empty.write_bytes(b"")
    assert main(["validate", str(odd), str(empty)]) == 2
    captured = capsys.readouterr()
    assert "re\\u001b[2Jport.txt: 0 error(s), 1 warning(s)" in captured.out
    assert "emp\\u001b]0;x\\u0007ty.txt: the input is empty" in captured.err
    assert main(["parse", "--format", "jsonl", str(empty), str(odd)]) == 2
    captured = capsys.readouterr()
    records = captured.out.splitlines()  # the empty file's record, then the report's
    assert len(records) == 2 and not any(UNSAFE.search(record) for record in records)
    assert "emp\\u001b]0;x\\u0007ty.txt" in records[0] and "re\\u001b[2Jport.txt" in records[1]
    assert captured.err.startswith(f"{escape(str(empty))}: the input is empty")
    assert not any(UNSAFE.search(line) for line in _lines(captured.err))


def test_an_html_page_saved_as_text_is_read_as_a_page(tmp_path: Path) -> None:
    saved = tmp_path / "report.txt"
    shutil.copy(PAGE, saved)
    report = gr.parse(saved)
    assert report.flat() == gr.parse(PAGE).flat()
    assert report.completeness().status == "complete"
    assert report.diagnostics[0].code == "markup-read-as-html"
    assert gr.extract_text(saved) == gr.extract_text(PAGE)  # positions are in the page's text
    # As a str too, and never when text is asked for.
    markup = PAGE.read_text(encoding="utf-8")
    assert gr.parse(markup).flat() == report.flat()
    as_text = gr.parse(saved, format="text")
    assert as_text.completeness().status == "empty"
    assert "markup-read-as-html" not in {d.code for d in as_text.diagnostics}


def test_without_lxml_the_markup_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for module in ("lxml", "lxml.html", "lxml.etree"):
        monkeypatch.setitem(sys.modules, module, None)
    saved = tmp_path / "report.txt"
    shutil.copy(PAGE, saved)
    report = gr.parse(saved)
    assert report.diagnostics[0].code == "markup-in-text"
    assert "pip install 'govinfo-report[html]'" in report.diagnostics[0].message


@pytest.mark.parametrize(
    "text",
    [
        "<p>not a page opening</p>\n" + SEEDS[4].read_text(encoding="utf-8"),
        SEEDS[4].read_text(encoding="utf-8") + "\n<html><body>a footer</body></html>\n",
    ],
    ids=["a-paragraph-tag", "markup-at-the-end"],
)
def test_text_that_does_not_open_as_a_page_is_text(text: str) -> None:
    report = gr.parse(text)
    assert not {"markup-read-as-html", "markup-in-text"} & {d.code for d in report.diagnostics}
    assert report.flat() == gr.parse(SEEDS[4]).flat()


def test_a_bad_record_is_named_without_raw_control_characters(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"template": "2019", "values": {"x\\u001b[2J": 1}}\n', encoding="utf-8")
    assert main(["render", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "not keys of the 2019 template: x\\u001b[2J" in err and "\x1b" not in err
