"""A part's text read through the ``Skeleton`` (issue 47: the parser's slicing helpers over
``(text, skel)`` became its methods), and a section's table read through ``read_table``."""

from __future__ import annotations

from govinfo_report.catalogue import TEMPLATES
from govinfo_report.structure import skeleton
from govinfo_report.tables.reading import Reading
from govinfo_report.tables.table import read_table

LINES = [
    "某某县人民政府2023年政府信息公开工作年度报告",
    "",
    "一、总体情况：本年度依法公开政府信息",
    "本县共公开信息十条。",
    "",
    "六、其他需要报告的事项",
    "无。",
    "某某县人民政府办公室",
    "2024年1月20日",
]


def test_the_parts_of_a_report_are_read_through_its_skeleton() -> None:
    skel = skeleton.split(LINES)
    assert list(skel.front_lines) == LINES[:2]
    assert skel.prose_lines(1) == [(4, "本县共公开信息十条。")]
    assert skel.prose(1) == "本年度依法公开政府信息\n本县共公开信息十条。"
    assert skel.overview == ["本县共公开信息十条。"]
    assert skel.closing == ["无。", "某某县人民政府办公室", "2024年1月20日"]
    assert skel.prose(3) is None and skel.prose_lines(3) == [] and skel.tables(2) == []
    assert skel.spanned([range(0, 1), range(6, 9)], 2) == [LINES[0], "无。"]


def test_a_section_without_a_table_is_read_as_missing_with_its_keys() -> None:
    template = TEMPLATES["2021"]
    read = read_table(skeleton.split(LINES), "appeals", [], template, None)
    assert read.layout is None
    assert read.reading == Reading("appeals")
    ((missing,),) = (read.findings,)
    assert missing.code == "table-missing"
    assert missing.keys == template.section_keys("appeals")
