"""The review app end to end in a real browser (issue 43): ``govinfo-report review`` serves a
folder (a seed with missing cells, and Hongze's PDF with its page 4 a degraded scan read by
OCR); headless Chromium, driven over the DevTools protocol on a pipe (no extra package),
sets the reviewer's name, types a missing cell's value on the document page and presses
Enter, marks a cell printed blank in the queue with the b key, confirms an OCR value,
reloads, and the export is checked: ``corrected`` and the values. Screenshots for
docs/review.md are written on the way.

Run by ``make test-browser`` (marked ``browser``), never by ``make test``.
"""

from __future__ import annotations

import http.client
import json
import os
import select
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from test_review_browser import FLAGS

import govinfo_report as gr
from govinfo_report.cli.command import main

from conftest import SEEDS, review_server
from scans import scanned

pytestmark = pytest.mark.browser

REAL = Path(__file__).parents[1] / "fixtures" / "realworld"
DOCS = Path(__file__).parents[2] / "docs"
WINDOW = (1500, 1000)
TYPED = "appeals.review.upheld"  # missing in seed 001: section 四 prints no number
BLANKED = "appeals.review.corrected"
#: What the document page says once a verdict is sent: saved, or why not.
NOTE = "document.querySelector('form.verdict ~ p').textContent"
SAVED = f"{NOTE}.startsWith('saved') || {NOTE}.startsWith('not saved')"


class DevTools:
    """Chromium driven over ``--remote-debugging-pipe``: JSON messages ending in NUL, sent
    on its fd 3 and read from its fd 4; one page, attached in flat mode."""

    def __init__(self, profile: str) -> None:
        browser = shutil.which("chromium")
        assert browser, "Chromium is not installed: make test-browser installs it (apt-get)"
        to_browser, self._out = os.pipe()
        self._in, from_browser = os.pipe()

        def hand_over() -> None:  # in the child: its fds 3 and 4 are the pipes' ends
            given, taken = os.dup(to_browser), os.dup(from_browser)
            os.dup2(given, 3)
            os.dup2(taken, 4)

        self.process = subprocess.Popen(
            [
                browser,
                *FLAGS,
                "--remote-debugging-pipe",
                f"--user-data-dir={profile}",
                f"--window-size={WINDOW[0]},{WINDOW[1]}",
            ],
            preexec_fn=hand_over,
            pass_fds=(3, 4),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser)
        os.close(from_browser)
        self._buffer = b""
        self._id = 0
        self.session: str | None = None

    def call(self, method: str, session: bool = True, **params: Any) -> dict[str, Any]:
        self._id += 1
        message: dict[str, Any] = {"id": self._id, "method": method, "params": params}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        while True:
            found = self._message()
            if found.get("id") == self._id:
                assert "error" not in found, found
                result: dict[str, Any] = found.get("result", {})
                return result

    def _message(self, timeout: float = 60) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._in], [], [], max(deadline - time.monotonic(), 0))
            assert ready, "Chromium did not answer"
            chunk = os.read(self._in, 1 << 16)
            assert chunk, "Chromium closed the pipe"
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        found: dict[str, Any] = json.loads(message)
        return found

    def open(self, url: str) -> None:
        target = self.call("Target.createTarget", session=False, url="about:blank")["targetId"]
        self.session = self.call(
            "Target.attachToTarget", session=False, targetId=target, flatten=True
        )["sessionId"]
        self.go(url)

    def go(self, url: str) -> None:
        self.call("Page.navigate", url=url)
        self.wait("document.readyState === 'complete' && !!document.body")

    def run(self, script: str) -> Any:
        answer = self.call("Runtime.evaluate", expression=script, returnByValue=True)
        assert "exceptionDetails" not in answer, answer
        return answer["result"].get("value")

    def wait(self, condition: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not self.run(f"Boolean({condition})"):
            assert time.monotonic() < deadline, f"waited in vain for {condition}"
            time.sleep(0.1)

    def key(self, key: str, text: str = "") -> None:
        code = {"Enter": 13, "ArrowDown": 40}[key] if len(key) > 1 else ord(key.upper())
        params = {"key": key, "windowsVirtualKeyCode": code, "text": text}
        self.call("Input.dispatchKeyEvent", type="keyDown", **params)
        self.call("Input.dispatchKeyEvent", type="keyUp", key=key, windowsVirtualKeyCode=code)

    def type(self, text: str) -> None:
        self.call("Input.insertText", text=text)

    def screenshot(self, path: Path) -> None:
        import base64

        data = base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"])
        path.write_bytes(data)

    def dom(self) -> lxml.html.HtmlElement:
        return lxml.html.fromstring(self.run("document.documentElement.outerHTML"))

    def close(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(30)
        os.close(self._out)
        os.close(self._in)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, Path]]:
    """The app serving a seed and a PDF with a scanned page, every document read."""
    root = tmp_path_factory.mktemp("app")
    folder = root / "reports"
    folder.mkdir()
    shutil.copy(SEEDS[1], folder / "001.txt")
    raw = (REAL / "raw" / "ot-jiangsu-huaian-hongze-2023.pdf").read_bytes()
    (folder / "hongze-scanned.pdf").write_bytes(scanned(raw, degraded=True, pages=[4]))
    store = root / "review.db"
    server, url = review_server(folder, store, "--ocr")
    deadline = time.monotonic() + 600  # the scanned page is read by OCR in the background
    while _status(url)["pending"]:
        assert time.monotonic() < deadline
        time.sleep(1)
    yield url, folder, store
    server.send_signal(signal.SIGINT)
    server.wait(30)


def _status(url: str) -> dict[str, int]:
    port = int(url.rstrip("/").rpartition(":")[2])
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/api/status")
    answer: dict[str, int] = json.loads(connection.getresponse().read())
    return answer


def _index(page: lxml.html.HtmlElement, name: str) -> int:
    (link,) = [a for a in page.xpath('//table[@id="documents"]//a') if a.text_content() == name]
    return int(link.get("href").rpartition("/")[2])


def test_review_a_folder_in_the_browser_and_export_it(
    served: tuple[str, Path, Path], tmp_path: Path
) -> None:
    url, folder, store = served
    with tempfile.TemporaryDirectory() as profile:
        browser = DevTools(profile)
        try:
            browser.open(url)
            browser.run("document.getElementById('name').value = 'Ann'")
            browser.run("document.getElementById('name-form').requestSubmit()")
            browser.wait("document.getElementById('reviewer')")
            corpus = browser.dom()
            seed, pdf = _index(corpus, "001.txt"), _index(corpus, "hongze-scanned.pdf")
            browser.screenshot(DOCS / "review-corpus.png")

            # A missing cell: typed on the document page, saved with Enter.
            browser.go(f"{url}doc/{seed}#{TYPED}")
            browser.wait("document.querySelector('form.verdict input[name=value]')")
            browser.run("document.querySelector('form.verdict input[name=value]').focus()")
            browser.type("3")
            browser.key("Enter")
            browser.wait(SAVED)
            assert "corrected 3" in browser.run(NOTE)
            browser.screenshot(DOCS / "review-document.png")

            # A printed blank: in the queue of the seed's doubtful cells, with the b key.
            browser.go(f"{url}queue?doc={seed}")
            keys = browser.run("[...document.querySelectorAll('tr.q')].map(r => r.dataset.key)")
            assert TYPED not in keys and BLANKED in keys
            browser.run(f"document.querySelector('tr.q[data-key=\"{BLANKED}\"] input').focus()")
            browser.screenshot(DOCS / "review-queue.png")
            browser.key("b", "b")
            browser.wait("document.querySelector('tr.q.saved')")
            assert browser.run("document.querySelector('tr.q.saved').dataset.key") == BLANKED

            # An OCR value: confirmed on the PDF's page, beside its crop from the scan.
            browser.go(f"{url}doc/{pdf}")
            ocr_key = browser.run("document.querySelector('td.v.ocr.parsed').dataset.key")
            ocr_value = browser.run("document.querySelector('td.v.ocr.parsed').textContent")
            assert browser.run("document.querySelector('td.v.ocr.parsed img.crop') !== null")
            browser.go(f"{url}doc/{pdf}#{ocr_key}")
            browser.wait("document.querySelector('form.verdict')")
            browser.run("document.querySelector('button[data-verdict=confirm]').click()")
            browser.wait(SAVED)
            assert browser.run(NOTE).startswith("saved"), browser.run(NOTE)

            # A cell of a page with a text layer: its row as printed, cut from the page.
            browser.go(f"{url}doc/{pdf}#applications.new.total")
            browser.wait("document.querySelector('#detail img.page-crop')")
            browser.screenshot(DOCS / "review-page-crop.png")

            # Reloaded, the pages show what was saved.
            browser.go(f"{url}doc/{seed}")
            page = browser.dom()
            typed = page.get_element_by_id(f"cell-{TYPED}")
            blanked = page.get_element_by_id(f"cell-{BLANKED}")
            assert "corrected" in typed.get("class").split() and typed.text_content() == "3"
            assert "corrected" in blanked.get("class").split()
            assert blanked.text_content() == "—"  # as the page shows a printed blank
            assert blanked.get("data-corrected").startswith("printed blank by Ann at ")
            browser.go(f"{url}doc/{pdf}")
            confirmed = browser.dom().get_element_by_id(f"cell-{ocr_key}")
            assert "corrected" in confirmed.get("class").split()
        finally:
            browser.close()

    out = tmp_path / "signed-off.jsonl"
    assert main(["review", str(folder), "--store", str(store), "--ocr", "--export", str(out)]) == 0
    records = {Path(r["source"]).name: r for r in map(json.loads, out.read_text().splitlines())}
    seed_record, pdf_record = records["001.txt"], records["hongze-scanned.pdf"]
    assert seed_record["values"][TYPED] == 3
    assert {key: mark["verdict"] for key, mark in seed_record["corrected"].items()} == {
        TYPED: "value",
        BLANKED: "blank",
    }
    assert all(mark["reviewer"] == "Ann" for mark in seed_record["corrected"].values())
    assert BLANKED in seed_record["blank"]
    assert list(pdf_record["corrected"]) == [ocr_key]
    assert pdf_record["corrected"][ocr_key]["verdict"] == "confirm"
    assert pdf_record["corrected"][ocr_key]["agrees"] is True
    assert str(pdf_record["values"][ocr_key]) == ocr_value
    assert pdf_record["ocr"][ocr_key]["check"] in ("rules", "reads")
    assert gr.parse(folder / "001.txt", corrections=store).cell(TYPED).value == 3
