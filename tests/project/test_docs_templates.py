"""The template pages list every catalogue row of their template with its official label."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govinfo_report import labels

DOCS = Path(__file__).parents[2] / "docs"


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_template_page_lists_every_row(template: str) -> None:
    page = (DOCS / f"template-{template}.md").read_text(encoding="utf-8")
    listed = dict(re.findall(r"^\| `([a-z_.]+)` \| ([^|`]+?) \|", page, re.MULTILINE))
    want = {
        row: aliases[0]
        for table in (labels.PROACTIVE_ROWS[template], labels.APPLICATION_ROWS[template])
        for row, aliases in table.items()
    }
    assert listed == want
