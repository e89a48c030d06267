"""Property: a page's bare number printed among a section 二 row's cells, in real text of one
cell a line, is never a wrong number nothing names.

Text of one cell a line (LibreOffice's and docx2txt's text of a Word document, plain
``pdftotext`` of a PDF) prints a number its narrow cell wraps as two lines (``135`` / ``2``
for 1352), and a page's number that falls between a row's cells as a line alike (``149`` /
``12``). Section 二 has no rule to tell them apart: a row with one value more than cells is
read with the two joined, and the joined number is said (``wrap-unchecked``). A page's
number as its page's last line (before pdftotext's ``\f``) may be taken for the row's next
value, that value then read as another row's or ignored: a value of a row no rule checks
printed alone there is said (``page-number-possible``). Hypothesis takes a real rendering of
the project, a value of section 二 printed alone on its line, and puts a page's number (1 to
60) on the line after it, the page broken after the number or not."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

import govinfo_report as gr

from conftest import scaled

RENDERINGS = Path(__file__).parents[1] / "fixtures" / "realworld" / "renderings"
#: The tools whose text prints a cell a line.
TOOLS = ("libreoffice.txt", "docx2txt.txt", "pdftotext.txt", "word-pdftotext.txt")
TEXTS = sorted(path for tool in TOOLS for path in RENDERINGS.glob(f"*/{tool}"))


@cache
def _read(path: Path) -> tuple[list[str], gr.Report, tuple[str, ...]]:
    """The text's lines, its reading, and the keys of section 二's cells read from a line
    of their own."""
    text = path.read_text(encoding="utf-8")
    report = gr.parse(text)
    lines = text.split("\n")
    alone = tuple(
        cell.key
        for cell in report.proactive
        if cell.provenance == "parsed"
        and cell.line is not None
        and lines[cell.line - 1].strip() == cell.raw
    )
    return lines, report, alone


def test_the_texts_are_there() -> None:
    assert len(TEXTS) >= 12
    assert sum(len(_read(path)[2]) for path in TEXTS) >= 100


@scaled(0.6)
@given(st.sampled_from(TEXTS), st.data(), st.integers(1, 60), st.booleans())
def test_a_page_number_after_a_value_is_never_a_silent_wrong_number(
    path: Path, data: st.DataObject, page: int, broken: bool
) -> None:
    lines, intact, alone = _read(path)
    assume(alone)
    key = data.draw(st.sampled_from(alone))
    at = intact.cell(key).line
    assert at is not None
    rest = lines[at:]
    if broken and rest:
        rest = ["\f" + rest[0], *rest[1:]]  # the page ends with its number
    back = gr.parse("\n".join([*lines[:at], str(page), *rest]))
    for cell in back.proactive:
        if cell.value in (None, intact.cell(cell.key).value):
            continue
        assert any(
            cell.key in found.keys or (found.line is not None and found.line == cell.line)
            for found in back.diagnostics
        ), (cell.key, cell.value)


def test_the_page_number_after_a_rows_last_value_is_said() -> None:
    """LibreOffice's text of 平潭 2019 市场监督管理局: ``其他对外管理服务事项`` / ``144`` /
    ``+5`` / ``149``, a page's ``12`` after it (``damage_real.py --seed 2132``): read
    14912 as before, now said at the line of ``149`` (main: silent)."""
    lines = (RENDERINGS / "pt-2019-scjgj" / "libreoffice.txt").read_text("utf-8").split("\n")
    at = lines.index("其他对外管理服务事项")
    assert lines[at + 1 : at + 4] == ["144", "+5", "149"]
    lines.insert(at + 4, "12")
    back = gr.parse("\n".join(lines))
    cell = back.cell("proactive.other_services.decisions")
    assert (cell.value, cell.line) == (14912, at + 4)
    said = [found for found in back.diagnostics if found.code == "wrap-unchecked"]
    assert [(found.keys, found.line) for found in said] == [
        (("proactive.other_services.decisions",), at + 4)
    ]
    assert "14912" in said[0].message


def test_a_page_number_read_as_the_next_value_is_said() -> None:
    """Plain ``pdftotext`` of 龙王头's 2019 Word PDF prints section 二's (八) a cell a line:
    ``行政事业性收费`` / ``0`` / ``本年增/减量`` / ``0``. A page ending after the first 0 with
    a bare ``11`` (``damage_real.py --seed 129 --pages 8``'s ``page_break``, the header
    printed again on the next page) reads 11 as 本年增/减, the row's own 0 going with the
    repeated header: now said at the 11 (main: silent)."""
    lines = (RENDERINGS / "pt-2019-lwtj" / "word-pdftotext.txt").read_text("utf-8").split("\n")
    at = lines.index("行政事业性收费")
    assert lines[at + 1 : at + 5] == ["", "0", "", "本年增/减量"]
    head = lines.index("第二十条第（八）项")
    lines[at + 3 : at + 3] = ["", "11", "\f" + lines[head], *lines[head + 1 : at]]
    back = gr.parse("\n".join(lines))
    said = [found for found in back.diagnostics if found.code == "page-number-possible"]
    assert [(found.keys, found.line) for found in said] == [(("proactive.fees.change",), at + 5)]
    assert back.cell("proactive.fees.previous_items").value == 0
