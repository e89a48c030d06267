"""The manglers themselves: each keeps to what a real tool does (two of them once did not,
and the thorough run blamed the parser for it)."""

from __future__ import annotations

import re
from random import Random

from govinfo_report.labels import PAGE_MARKER

from manglers import blank_lines, page_markers, wrapped_labels

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
