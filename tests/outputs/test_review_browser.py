"""The review page in a real browser: headless Chromium (Debian's ``chromium`` package) loads
the page of a real seed, its script runs, and the DOM it leaves is checked; a screenshot is
written for the docs (``docs/review.png``).

Run by ``make test-browser`` (which installs Chromium when missing), never by ``make test``:
the tests are marked ``browser``, which the default options deselect.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

import lxml.html
import pytest

import govinfo_report as gr

from conftest import SEEDS

pytestmark = pytest.mark.browser

SEED = SEEDS[1]  # 001: derived and missing cells, two violated rules
SCREENSHOT = Path(__file__).parents[2] / "docs" / "review.png"
WINDOW = (1600, 1400)
#: Headless, no network of its own, a profile of its own.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def chromium(*args: str) -> subprocess.CompletedProcess[bytes]:
    browser = shutil.which("chromium")
    assert browser, "Chromium is not installed: make test-browser installs it (apt-get)"
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [browser, *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            timeout=120,
            check=True,
        )


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("review") / "review.html"
    path.write_text(gr.review_html(gr.parse(SEED), gr.extract_text(SEED)), encoding="utf-8")
    return path.as_uri()


def rendered(url: str) -> lxml.html.HtmlElement:
    """The DOM as the page's script leaves it."""
    return lxml.html.fromstring(chromium("--dump-dom", url).stdout.decode("utf-8"))


def test_a_key_in_the_address_selects_its_cell_and_source_line(url: str) -> None:
    root = rendered(f"{url}#applications.total.natural_person")
    assert "js" in root.get("class", "").split()
    panel = root.get_element_by_id("detail")
    assert panel.xpath("string(h3)").startswith("applications.total.natural_person")
    facts = dict(zip(panel.xpath("dl/dt/text()"), panel.xpath("dl/dd"), strict=True))
    assert facts["cell"].text_content() == "总计 · 自然人"
    assert facts["source"].text_content() == "0 at line 79, column 8"
    assert "printed 0, expected 6" in facts["violates"].text_content()
    selected = root.xpath('//td[contains(@class, "sel")]')
    assert [td.get("data-key") for td in selected] == ["applications.total.natural_person"]
    assert "hl" in root.get_element_by_id("L79").get("class").split()
    marked = root.xpath('//a[contains(@class, "on")]')
    assert [(a.get("data-key"), a.text_content()) for a in marked] == [
        ("applications.total.natural_person", "0")
    ]


def test_a_derived_cell_shows_its_rule(url: str) -> None:
    root = rendered(f"{url}#applications.granted.total")
    panel = root.get_element_by_id("detail")
    facts = dict(zip(panel.xpath("dl/dt/text()"), panel.xpath("dl/dd"), strict=True))
    assert facts["value"].text_content() == "6"
    assert facts["derived by"].text_content() == (
        "placement: applications.row-sum.granted\nrow 予以公开: 总计 = the six applicant columns"
    )
    assert "source" not in facts
    assert root.xpath('//div[contains(@class, "hl")]') == []  # no line to show


def test_a_missing_cell_shows_why_and_jumps_to_its_line(url: str) -> None:
    root = rendered(f"{url}#appeals.review.total")
    panel = root.get_element_by_id("detail")
    facts = dict(zip(panel.xpath("dl/dt/text()"), panel.xpath("dl/dd"), strict=True))
    assert facts["value"].text_content() == "missing: the text gives no value"
    assert "section 四 prints no number" in facts["missing because"].text_content()
    assert "hl" in root.get_element_by_id("L84").get("class").split()  # the cause's line
    fold = facts["not checked"].xpath("details")[0]
    assert fold.get("open") is None  # folded
    assert fold.xpath("string(summary)") == "1 rule(s) not checked"
    assert "行政复议: 总计 = 结果维持" in fold.xpath("string(div)")
    assert "text-table-mismatch" in facts["diagnostic"].text_content()


def test_the_screenshot_for_the_docs(url: str) -> None:
    SCREENSHOT.unlink(missing_ok=True)
    chromium(
        f"--window-size={WINDOW[0]},{WINDOW[1]}",
        f"--screenshot={SCREENSHOT}",
        f"{url}#applications.total.natural_person",
    )
    data = SCREENSHOT.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == WINDOW
