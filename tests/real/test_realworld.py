"""Real reports, read right (issue 16): the seven real reports of tests/fixtures/realworld,
read directly and as twelve real tools give them, scored against values typed by hand from
the source; and the converter fixtures' pages written as sites publish them (``cms-*``).

No cell of any file may be wrong, every file's organisation, year and template must be
right, and each input class must meet its target (``accuracy.TARGETS``: the table of
docs/accuracy.md, built by ``make accuracy``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import govinfo_report as gr

from accuracy import (
    TARGETS,
    Target,
    folders,
    inputs,
    measure_real,
    metadata_right,
    read_real,
    real_inputs,
    score,
    targets,
    truth,
)

REAL = list(real_inputs())
#: What each real page and PDF is rendered as (tests/fixtures/realworld/README.md).
PAGE_RENDERINGS = {
    "w3m",
    "lynx",
    "pandoc-html",
    "html2text",
    "pdftotext",
    "pdftotext-layout",
    "direct docx",
    "libreoffice",
    "docx2txt",
    "python-docx",
    "pandoc-docx",
    "word-pdftotext",
    "word-pdftotext-layout",
}


def test_every_real_report_is_read_from_every_input() -> None:
    found: dict[str, set[str]] = {}
    for report_id, name, _ in REAL:
        found.setdefault(report_id, set()).add(name)
    pages = {"direct html", "crawler text", *PAGE_RENDERINGS}
    published = {"direct pdf", "pdftotext", "pdftotext-layout"}
    assert found == {
        "ot-jiangsu-huaian-city-2024": published,
        "ot-jiangsu-huaian-hongze-2023": published,
        "ot-shanghai-bgt-2025": {"markdown"},
        "pt-2019-lwtj": pages,
        "pt-2019-scjgj": pages,
        "pt-2021-pingtan": pages,
        "pt-2022-pingtan": pages,
    }


@pytest.mark.parametrize(("report_id", "name", "path"), REAL, ids=[f"{r}/{n}" for r, n, _ in REAL])
def test_no_cell_of_a_real_report_is_wrong_and_its_metadata_is_right(
    report_id: str, name: str, path: Path
) -> None:
    reading = read_real(report_id, name, path)
    assert list(reading.wrong) == []
    assert list(reading.metadata) == []


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_each_input_class_meets_its_target(target: Target) -> None:
    met = next(m for m in targets(measure_real()) if m.target is target)
    assert met.wrong == 0
    assert met.metadata_right == len(met.readings)
    assert met.share is not None and met.share >= target.share


CMS = [
    pytest.param(folder, converter, path, id=f"{folder.name}/{converter}")
    for folder, converter, path in inputs(cms=True)
]


@pytest.mark.parametrize(("folder", "converter", "path"), CMS)
def test_no_cell_of_a_page_as_sites_publish_it_is_wrong(
    folder: Path, converter: str, path: Path
) -> None:
    """The cms-* converter fixtures: blank zeros, units, Word's grid, the site's metadata
    table, vertical and repeated labels; no cell wrong, the metadata right."""
    report = gr.parse(path)
    scores = score(report, truth(folder))
    assert [key for key, outcome in scores.items() if outcome == "wrong"] == []
    assert metadata_right(report, folder)
    # The tool bed's pages (cms-bed-*, benchmarks/toolbed.py) record the date the report
    # signs, on the last paragraph's line or its own, under a site header and footer that
    # print later dates: that date is the report's.
    signed = json.loads((folder / "truth.json").read_text("utf-8")).get("published")
    if signed is not None and path.suffix == ".txt":
        assert str(report.published) == signed


def test_every_converter_fixture_reads_its_metadata_right() -> None:
    """Organisation, year and template of every converter's text of every fixture (html2text
    writes the title as a Markdown ``#`` heading)."""
    wrong = [
        f"{folder.name}/{converter}"
        for folder, converter, path in inputs()
        if not metadata_right(gr.parse(path), folder)
    ]
    assert wrong == []
    assert len(folders()) == 17
