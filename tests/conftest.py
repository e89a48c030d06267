"""Shared fixtures: the five real seed reports and their hand-typed expectations, and the
Hypothesis profiles (``HYPOTHESIS_PROFILE=thorough`` for a long local run)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import govinfo_report as gr
from govinfo_report import labels

HERE = Path(__file__).parent
SEEDS = sorted((HERE / "fixtures" / "seeds").glob("*.txt"))
WRITTEN = HERE / "fixtures" / "written"
#: The real reports' renderings by real tools (``tests/fixtures/realworld``).
RENDERINGS = HERE / "fixtures" / "realworld" / "renderings"
EXPECTED = HERE / "expected"

#: ``ci`` (the default, run by ``make test``): few examples, derandomised, no deadline, so a
#: run on a slow or busy machine is neither long nor flaky. ``thorough``: many examples, new
#: ones each run (``make test-thorough``). Tests scale their own counts from ``max_examples``.
#: Whole reports are large, slow examples by nature.
SLOW_IS_FINE = [HealthCheck.too_slow, HealthCheck.large_base_example, HealthCheck.data_too_large]
settings.register_profile(
    "ci",
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=SLOW_IS_FINE,
    print_blob=True,
)
settings.register_profile(
    "thorough", max_examples=1000, deadline=None, suppress_health_check=SLOW_IS_FINE
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def scaled(factor: float) -> settings:
    """The loaded profile with ``factor`` times its examples (cheap or costly tests)."""
    return settings(max_examples=max(1, round(settings.default.max_examples * factor)))


def expected(report: Path) -> dict:
    """The expectations typed by hand for ``report`` (see tests/expected/README.md)."""
    with open(EXPECTED / f"{report.stem}.toml", "rb") as handle:
        return tomllib.load(handle)


def expected_cells(spec: dict) -> dict[str, tuple[object, str]]:
    """Expand an expectation's tables into ``key -> (value, provenance)`` for its template."""
    catalogue = gr.fields(spec["metadata"]["template"])
    columns = {
        section: [f.column for f in catalogue if f.section == section]
        for section in ("proactive", "applications", "appeals")
    }
    cells: dict[str, tuple[object, str]] = {}
    for section in ("proactive", "applications", "appeals"):
        for row, values in spec[section].items():
            names = [
                f.column for f in catalogue if f.section == section and f.row == row
            ] or columns[section]
            assert len(values) == len(names), (section, row)
            for column, value in zip(names, values, strict=True):
                cells[f"{section}.{row}.{column}"] = _value(value)
    return cells


def assert_seed(report: gr.Report | None, seed: Path) -> None:
    """``report`` holds the values, provenance and metadata typed by hand for ``seed``."""
    assert report is not None
    spec = expected(seed)
    want = expected_cells(spec)
    flat = report.flat()
    assert {key: (flat[key], report.cell(key).provenance) for key in want} == want
    meta = spec["metadata"]
    assert (report.organisation, report.year) == (meta["organisation"], meta["year"])


def at_offsets(text: str, *cells: tuple[int, str]) -> str:
    """``text`` with each ``(offset, value)`` of ``cells`` at its character offset (a line
    of space-aligned text typed by columns)."""
    for offset, value in cells:
        text = text.ljust(offset) + value
    return text


def printed(report: gr.Report) -> dict[str, object]:
    """``report.flat()`` as printed: a blank the rules proved 0 is blank (``None``) again."""
    return {
        key: None if value is not None and report.cell(key).blank else value
        for key, value in report.flat().items()
    }


def wrong(report: gr.Report, truth: dict[str, object]) -> dict[str, tuple[object, object, str]]:
    """The cells of ``report`` with a value other than ``truth``'s. A cell may be missing; a
    cell ``truth`` leaves blank may be derived as 0 (the rules prove it so), and where the
    text lost the blank (no trace of it is read) as whatever the rules make it: the rules
    then fill a cell that the text no longer shows was printed blank."""
    got = report.flat()
    found = {}
    for key, want in truth.items():
        value = got[key]
        if value is None or value == want:
            continue
        cell = report.cell(key)
        if want is None and cell.provenance == "derived" and (value == 0 or not cell.blank):
            continue
        found[key] = (value, want, cell.provenance)
    return found


#: Section 四's groups and each group's outcome columns, in the template's order.
APPEAL_GROUPS = ("review", "litigation_direct", "litigation_after_review")
APPEAL_OUTCOMES = ("upheld", "corrected", "other", "pending", "total")


def assert_right_or_missing(report: gr.Report, row: str, printed: dict[str, int]) -> None:
    """Each cell of section 三's ``row`` is read as ``printed`` gives it (a column it leaves
    out blank, so 0 or none) or missing, and none is claimed blank where a count is printed."""
    for column in labels.APPLICANT_COLUMNS:
        cell = report.cell(f"applications.{row}.{column}")
        want = printed.get(column)
        assert cell.value in (None, want or 0), (row, column, cell.value, want)
        assert not (want and cell.blank), (row, column)


def report_around(section: str) -> gr.Report:
    """A 2021 report of a city bureau whose table sections are ``section`` (headings and
    tables as printed), with sections 一, 五, 六 and the signature around them, parsed."""
    return gr.parse(
        "梧川市生态环境局2021年政府信息公开工作年度报告\n\n一、总体情况\n\n"
        "2021年，梧川市生态环境局认真落实政府信息公开工作要求。\n\n"
        + section
        + "\n五、存在的主要问题及改进情况\n\n无。\n\n六、其他需要报告的事项\n\n无。\n\n"
        "梧川市生态环境局\n2022年1月20日\n"
    )


def appeals_read(report: gr.Report) -> dict[str, tuple[object, ...]]:
    """Section 四's values of ``report``, by group, in the order of ``APPEAL_OUTCOMES``."""
    return {
        group: tuple(report.cell(f"appeals.{group}.{outcome}").value for outcome in APPEAL_OUTCOMES)
        for group in APPEAL_GROUPS
    }


def _value(value: object) -> tuple[object, str]:
    if value in ("missing", "blank"):
        return None, value
    if isinstance(value, str) and value.startswith("d:"):
        return Decimal(value[2:]), "derived"
    if isinstance(value, str):
        return Decimal(value), "parsed"
    return value, "parsed"


@pytest.fixture(params=SEEDS, ids=[seed.stem[:3] for seed in SEEDS])
def seed(request: pytest.FixtureRequest) -> Path:
    return request.param


def review_server(folder: Path, store: Path, *options: str) -> tuple[subprocess.Popen[str], str]:
    """``govinfo-report review FOLDER --store STORE`` started on a free port (``options``
    added), and the address it prints once it listens."""
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "govinfo_report.cli",
            "review",
            str(folder),
            "--store",
            str(store),
            "--port",
            "0",
            *options,
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    assert server.stderr is not None
    found = re.search(r"http://127\.0\.0\.1:\d+/", server.stderr.readline())
    assert found, "the app did not start"
    return server, found.group(0)
