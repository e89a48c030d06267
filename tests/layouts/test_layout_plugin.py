"""A layout installed as a third party would install it: a package with an entry point in the
documented group, found by importlib.metadata on sys.path, detected and used by gr.parse."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import govinfo_report as gr
from govinfo_report.structure import layouts

from conftest import SEEDS

PLUGIN = '''
"""Cells separated by semicolons: a layout no built-in strategy reads."""

import re

from govinfo_report.structure.layouts import Layout
from govinfo_report.structure.layouts.tab_separated import TabSeparated


class Semicolons(Layout):
    name = "semicolons"
    table_line = r"^[^;\\n]*;"

    def sniff(self, lines, width):
        rows = [line for line in lines if line.strip()]
        return sum(";" in line for line in rows) / len(rows) if rows else 0.0

    def rows(self, lines, first_line):
        return TabSeparated().rows([line.replace(";", "\\t") for line in lines], first_line)

    def write(self, table):
        return [";".join(row) for row in table]


class Half:
    """Reads rows but says nothing of its lines: not a layout."""

    name = "half"

    def rows(self, lines, first_line):
        return iter(())
'''


#: The group docs/layouts.md tells plug-in authors to register under.
DOCUMENTED_GROUP = "govinfo_report.layouts"


@pytest.fixture
def installed_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    (tmp_path / "semicolon_layout.py").write_text(PLUGIN, encoding="utf-8")
    info = tmp_path / "semicolon_layout-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: semicolon-layout\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        f"[{DOCUMENTED_GROUP}]\nsemicolons = semicolon_layout:Semicolons\n"
        "half = semicolon_layout:Half\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    layouts._registry.cache_clear()
    layouts.table_line_pattern.cache_clear()
    yield
    layouts._registry.cache_clear()
    layouts.table_line_pattern.cache_clear()


def test_the_documented_entry_point_group_is_the_one_read() -> None:
    assert layouts.ENTRY_POINT_GROUP == DOCUMENTED_GROUP
    docs = (Path(__file__).parents[2] / "docs" / "layouts.md").read_text(encoding="utf-8")
    assert f'[project.entry-points."{DOCUMENTED_GROUP}"]' in docs
    for documented in (layouts.__doc__, layouts.Layout.__doc__):
        assert f"``{DOCUMENTED_GROUP}``" in (documented or "")


@pytest.mark.usefixtures("installed_plugin")
def test_a_layout_installed_through_its_entry_point_is_detected_and_read() -> None:
    with pytest.warns(UserWarning, match="half = semicolon_layout:Half .* is not a layout"):
        assert "semicolons" in gr.available_layouts()
    assert "half" not in gr.available_layouts()
    assert layouts.get("semicolons").by_order is False  # the protocol's defaults
    assert layouts.get("semicolons").by_page is False
    report = gr.parse(SEEDS[3])
    text = gr.render(report, "semicolons")
    assert "\t" not in text and ";" in text
    read = gr.parse(text)
    assert {read.proactive.layout, read.applications.layout, read.appeals.layout} == {"semicolons"}
    assert read.flat() == report.flat()
