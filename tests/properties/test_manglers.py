"""The manglers themselves: each keeps to what a real tool does (two of them once did not,
and the thorough run blamed the parser for it)."""

from __future__ import annotations

import re
from pathlib import Path
from random import Random

import govinfo_report as gr
from govinfo_report.labels import PAGE_MARKER
from govinfo_report.write.render import render, renderable

from manglers import (
    blank_lines,
    blank_zeros,
    lost_line_breaks,
    misspelt_labels,
    page_markers,
    tables_run_together,
    web_archive,
    wrapped_label_lines,
    wrapped_labels,
)

MARKER = re.compile(PAGE_MARKER)
#: A row of one-cell lines whose label a narrow column stacked, then the next row.
STACKED = "\t行\n政\n许\n可\n\t3\n\t0\n\n\t行政处罚\n\t1\n\t2\n"


def test_page_markers_and_blank_lines_fall_between_rows_only() -> None:
    for seed in range(200):
        for mangler in (page_markers, blank_lines):
            lines = mangler(STACKED, Random(seed)).split("\n")
            kept = "\n".join(line for line in lines if not MARKER.fullmatch(line))
            rows = [row.strip("\n") for row in kept.split("\n\n") if row.strip("\n")]
            assert rows == ["\t行\n政\n许\n可\n\t3\n\t0", "\t行政处罚\n\t1\n\t2"]


def test_a_wrapped_label_leaves_no_blank_line() -> None:
    for seed in range(200):
        text = wrapped_labels("\t（一）予以公开  \n\t3\n", Random(seed))
        assert all(line.strip() for line in text.split("\n")[:-1])
        assert text.replace("\n", "").replace("\t", "") == "（一）予以公开  3"


#: A 2021 report typed by hand, with many zero cells.
TYPED = Path(__file__).parents[1] / "fixtures" / "converters" / "typed-2021_tab_separated"


def _rendered() -> list[str]:
    report = gr.parse(TYPED / "python-docx.txt")
    return [render(report, layout) for layout in renderable()]


def test_blank_zeros_blanks_zero_cells_and_nothing_else() -> None:
    for text in _rendered():
        for seed in range(20):
            blanked = blank_zeros(text, Random(seed))
            assert blanked != text
            # Only zeros and whitespace change: every other character stays, in order.
            assert re.sub(r"[\s0]", "", blanked) == re.sub(r"[\s0]", "", text)


def test_labels_are_misspelt_or_wrapped_with_every_number_kept() -> None:
    for text in _rendered():
        for seed in range(20):
            changed = wrapped_label_lines(misspelt_labels(text, Random(seed)), Random(seed))
            assert re.findall(r"\d+", changed) == re.findall(r"\d+", text)


def test_lost_line_breaks_keep_every_character_on_one_line() -> None:
    for text in _rendered():
        one = lost_line_breaks(text, Random(1))
        assert "\n" not in one
        assert re.sub(r"\s", "", one) == re.sub(r"\s", "", text)


def test_a_web_archive_closes_blank_runs_to_one_space_and_runs_filled_cells_together() -> None:
    """``web_archive`` of tab rows (a blank cell ``&nbsp;``, a span's empty cell nothing):
    one line, each run of blank cells one space, filled cells and rows run together."""
    nbsp = "\u00a0"
    text = f"标题\n规章\t\t3\t{nbsp}\t{nbsp}\t5\n规范性文件\t\t12\t4\t{nbsp}\t16\n结语"
    assert web_archive(text, Random(0)) == "标题 规章3 5规范性文件124 16 结语"  # not mixed


#: ``tables_run_together``'s text of the tab rows below, no-break spaces aside.
ONE_LINE_TABLE = "二、主动公开\n行政许可12第二十条第（六）项行政处罚34\n三、收到"


def test_a_run_together_table_indents_its_articles_as_word_does_on_some_pages() -> None:
    """``tables_run_together`` of a sub-table's last row and the next article (Word's HTML
    indents it ``&nbsp;&nbsp;第二十条…``): the row's blank cell and the indent are one run of
    no-break spaces (one more where the value is padded); some pages indent by one to
    three, some not at all, and nothing else changes."""
    nbsp = "\u00a0"
    text = "二、主动公开\n行政许可\t12\t \n第二十条第（六）项\t\t\n行政处罚\t3\t4\n三、收到"
    runs = set()
    for seed in range(60):
        out = tables_run_together(text, Random(seed), traced=True)
        found = re.search(f"12({nbsp}+)第二十条第（六）项", out)
        assert found is not None, out
        runs.add(len(found[1]))
        assert out.replace(nbsp, "") == ONE_LINE_TABLE
    assert {1, 2, 3, 4} <= runs <= {1, 2, 3, 4, 5}
