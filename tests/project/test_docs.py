"""The documentation names every diagnostic code, and no code that does not exist."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import govinfo_report as gr

from manglers import LOSSLESS, LOSSY, UNCERTAIN

DOCS = Path(__file__).parents[2] / "docs"


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


ROOT = DOCS.parent


def test_the_readme_names_each_extras_library() -> None:
    with open(ROOT / "pyproject.toml", "rb") as handle:
        extras = tomllib.load(handle)["project"]["optional-dependencies"]
    install = (ROOT / "README.md").read_text(encoding="utf-8").split("## Install")[1]
    named = dict(re.findall(r"`(html|docx|pdf|export)`: ([\w-]+)", install.split("```")[0]))
    for extra, library in named.items():
        required = [re.split(r"[<>=\[]", requirement)[0] for requirement in extras[extra]]
        assert library in required, (extra, library, required)
    assert set(named) == {"html", "docx", "pdf", "export"} and named["pdf"] == "pypdfium2"


def test_the_changelog_is_begun_and_names_this_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", changelog, re.MULTILINE)
    assert headings[0] == "Unreleased" and headings[1] == gr.__version__
    with open(ROOT / "pyproject.toml", "rb") as handle:
        assert tomllib.load(handle)["project"]["version"] == gr.__version__
