"""The documentation names every diagnostic code, and no code that does not exist."""

from __future__ import annotations

import re
from pathlib import Path

import govinfo_report as gr

from manglers import LOSSLESS, LOSSY, UNCERTAIN

DOCS = Path(__file__).parent.parent / "docs"


def test_every_diagnostic_code_is_documented() -> None:
    table = (DOCS / "diagnostics.md").read_text(encoding="utf-8").split("## ParseError")[0]
    documented = dict(re.findall(r"^\| `([a-z0-9-]+)` \| (\w+) \|", table, re.MULTILINE))
    assert documented == {code: severity for code, (severity, _) in gr.CODES.items()}


def test_every_parse_error_code_is_documented() -> None:
    table = (DOCS / "diagnostics.md").read_text(encoding="utf-8").split("## ParseError")[1]
    documented = re.findall(r"^\| `([a-z0-9-]+)` \|", table, re.MULTILINE)
    assert documented == list(gr.ERROR_CODES)


def test_every_mangler_is_documented() -> None:
    text = (DOCS / "robustness.md").read_text(encoding="utf-8")
    table = text.split("## Property tests")[1].split("\n## ")[0]
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", table, re.MULTILINE))
    assert documented == {m.name for m in (*LOSSLESS, *LOSSY, *UNCERTAIN)}
