"""The review app over HTTP, in process (issue 43): pages, a verdict saved and the rules
re-checked in the answer, the guards on writes (127.0.0.1 only, same origin, the
session's token), every text escaped; and the command's exports. The server is a real
``ThreadingHTTPServer`` on 127.0.0.1, spoken to with ``http.client``."""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pytest

import govinfo_report as gr
from govinfo_report.cli.command import main
from govinfo_report.cli.review.corpus import Corpus, doubtful
from govinfo_report.cli.review.server import App, make_server
from govinfo_report.corrections import Entry, Store, fingerprint

from conftest import SEEDS, review_server

HOSTILE = "<script>alert(1)</script>"
REAL_PDF = (
    Path(__file__).parents[1]
    / "fixtures"
    / "realworld"
    / "raw"
    / "ot-jiangsu-huaian-hongze-2023.pdf"
)
#: A file name that is markup ("/" cannot be in one).
HOSTILE_NAME = '<img src=x onerror="alert(3)">.txt'


class Browser:
    """A client that keeps its cookies and sends what a page of the app sends."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}
        self.token = ""

    def request(
        self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None
    ) -> tuple[int, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        sent = {"Host": f"127.0.0.1:{self.port}"}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        sent.update(headers or {})
        data = None if body is None else json.dumps(body).encode()
        connection.request(method, path, body=data, headers=sent)
        answer = connection.getresponse()
        for header in answer.headers.get_all("Set-Cookie") or ():
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";")[0]
        text = answer.read().decode()
        found = re.search(r'name="gr-token" content="([0-9a-f]+)"', text)
        if found:
            self.token = found.group(1)
        return answer.status, text

    def get(self, path: str) -> str:
        status, text = self.request("GET", path)
        assert status == 200, text
        return text

    def post(self, path: str, body: Any, **headers: str) -> tuple[int, Any]:
        sent = {"Origin": f"http://127.0.0.1:{self.port}", "X-Token": self.token, **headers}
        status, text = self.request("POST", path, body, {k: v for k, v in sent.items() if v})
        return status, json.loads(text)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "reports"
    docs.mkdir()
    for seed in SEEDS[:3]:
        shutil.copy(seed, docs / seed.name)
    text = (
        SEEDS[2]
        .read_text(encoding="utf-8")
        .replace("官元镇 2019 年", HOSTILE + "官元镇 2019 年", 1)
    )
    (docs / HOSTILE_NAME).write_text(text, encoding="utf-8")
    return docs


@pytest.fixture
def app(folder: Path, tmp_path: Path) -> Iterator[App]:
    corpus = Corpus(folder, tmp_path / "review.db")
    corpus.read(corpus.open())
    served = App(corpus)
    server = make_server(served)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield served
    server.shutdown()
    server.server_close()
    corpus.close()


def index_of(app: App, name: str) -> int:
    return next(item.index for item in app.corpus.items if Path(item.name).name == name)


def test_a_verdict_is_saved_and_the_rules_are_checked_again(app: App) -> None:
    browser = Browser(app.port)
    browser.get("/")
    assert browser.post("/api/reviewer", {"name": "Ann"}) == (200, {"reviewer": "Ann"})
    seed = index_of(app, SEEDS[1].name)
    status, answer = browser.post(
        "/api/verdict",
        {
            "document": seed,
            "key": "applications.granted.natural_person",
            "verdict": "value",
            "value": "0",
            "note": "页3",
        },
    )
    assert status == 200, answer
    assert (answer["provenance"], answer["text"], answer["agrees"]) == ("corrected", "0", False)
    # 予以公开 自然人 0: the column now adds up (its 总计 is printed 0), and so does the 总计
    # column, whose 予以公开 cell the machine derived from that row: derived again, it is 0.
    assert answer["broken"] == []
    with Store(app.corpus.store.path) as store:
        (kept,) = store.entries()
    assert (kept.document, kept.reviewer, kept.note, kept.value) == (
        fingerprint(SEEDS[1].read_bytes()),
        "Ann",
        "页3",
        0,
    )
    assert kept.machine is not None and (kept.machine.value, kept.machine.line) == (6, 57)
    page = lxml.html.fromstring(browser.get(f"/doc/{seed}"))
    td = page.get_element_by_id("cell-applications.granted.natural_person")
    assert "corrected" in td.get("class").split() and td.text_content() == "0"


def test_writes_need_this_server_the_same_origin_and_the_session_token(app: App) -> None:
    browser = Browser(app.port)
    browser.get("/")
    browser.post("/api/reviewer", {"name": "Ann"})
    seed = index_of(app, SEEDS[1].name)
    verdict = {"document": seed, "key": "appeals.review.upheld", "verdict": "value", "value": 1}
    other = f"http://evil.example:{app.port}"
    assert browser.post("/api/verdict", verdict, Origin=other)[0] == 403
    assert browser.post("/api/verdict", verdict, Origin="")[0] == 403
    assert browser.post("/api/verdict", verdict, **{"Sec-Fetch-Site": "cross-site"})[0] == 403
    assert browser.post("/api/verdict", verdict, **{"X-Token": "0" * 64})[0] == 403
    assert browser.post("/api/verdict", verdict, Host=f"evil.example:{app.port}")[0] == 421
    stranger = Browser(app.port)
    stranger.get("/")  # a session of its own: its token is not the other's
    stranger.cookies["gr_reviewer"] = "Mallory"
    stranger.token = browser.token
    assert stranger.post("/api/verdict", verdict)[0] == 403
    assert app.corpus.store.entries() == []
    status, answer = browser.post("/api/verdict", verdict)
    assert status == 200 and answer["provenance"] == "corrected"
    assert browser.post("/api/verdict", {**verdict, "value": -1})[0] == 400
    assert browser.post("/api/verdict", {**verdict, "key": "appeals.nothing"})[0] == 400
    assert len(app.corpus.store.entries()) == 1
    assert Browser(app.port).request("GET", "/", headers={"Host": "rebound.example"})[0] == 421


def test_every_text_of_the_app_is_escaped(app: App) -> None:
    browser = Browser(app.port)
    browser.get("/")
    browser.post("/api/reviewer", {"name": "<script>alert(4)</script>"})
    hostile = index_of(app, HOSTILE_NAME)
    browser.post(
        "/api/verdict",
        {
            "document": hostile,
            "key": "appeals.review.upheld",
            "verdict": "blank",
            "note": "<script>alert(5)</script>",
        },
    )
    for path, scripts in (("/", 1), ("/queue", 1), (f"/doc/{hostile}", 2), ("/?body=<b>", 1)):
        html = browser.get(path)
        root = lxml.html.fromstring(html)
        assert len(root.xpath("//script")) == scripts, path
        assert "alert" not in root.xpath("string(//script)")
        assert html.count("<script>") == scripts
        assert "<script>alert(4)</script>" in root.xpath('string(//nav[@id="app-bar"])')
    page = lxml.html.fromstring(browser.get(f"/doc/{hostile}"))
    assert HOSTILE in page.xpath('string(//div[@id="source"])')
    corpus = lxml.html.fromstring(browser.get("/"))
    assert HOSTILE_NAME in corpus.xpath("string(//table)")
    assert corpus.xpath("//img") == []


def test_the_corpus_page_filters_and_sorts(app: App) -> None:
    browser = Browser(app.port)

    def names(path: str) -> list[str]:
        root = lxml.html.fromstring(browser.get(path))
        return [a.text_content() for a in root.xpath('//table[@id="documents"]//td[1]/a')]

    every = names("/")
    assert sorted(every) == sorted([s.name for s in SEEDS[:3]] + [HOSTILE_NAME])
    partial = [
        Path(item.name).name
        for item in app.corpus.items
        if item.machine is not None and item.machine.completeness().status == "partial"
    ]
    assert sorted(names("/?status=partial")) == sorted(partial) and partial
    assert names("/?sort=name&order=desc") == sorted(every, reverse=True)
    assert names("/?reason=table-empty") == [SEEDS[1].name]
    assert names("/?year=1999") == []


def test_the_queue_lists_the_doubtful_cells_not_yet_settled(app: App) -> None:
    browser = Browser(app.port)
    seed = index_of(app, SEEDS[1].name)
    item = app.corpus.items[seed]
    assert item.machine is not None
    doubts = doubtful(item.machine)
    assert doubts["appeals.review.upheld"] == "missing"
    assert doubts["applications.total.natural_person"] == "rule-broken"
    root = lxml.html.fromstring(browser.get(f"/queue?doc={seed}"))
    keys = [tr.get("data-key") for tr in root.xpath('//tr[@class="q"]')]
    assert keys == list(doubts)
    browser.post("/api/reviewer", {"name": "Ann"})
    browser.post("/api/verdict", {"document": seed, "key": keys[0], "verdict": "value", "value": 1})
    root = lxml.html.fromstring(browser.get(f"/queue?doc={seed}"))
    assert [tr.get("data-key") for tr in root.xpath('//tr[@class="q"]')] == keys[1:]


def test_a_killed_server_loses_nothing_saved(folder: Path, tmp_path: Path) -> None:
    store = tmp_path / "killed.db"
    server, url = review_server(folder, store)
    port = int(url.rstrip("/").rpartition(":")[2])
    browser = Browser(port)
    deadline = time.monotonic() + 60
    while "documents read ·" not in browser.get("/") or "reading the rest" in browser.get("/"):
        assert time.monotonic() < deadline
        time.sleep(0.2)
    browser.post("/api/reviewer", {"name": "Ann"})
    seed = next(i for i in range(4) if SEEDS[1].name in browser.get(f"/doc/{i}"))
    saved = []
    for value in range(20):
        status, _ = browser.post(
            "/api/verdict",
            {"document": seed, "key": "appeals.review.upheld", "verdict": "value", "value": value},
        )
        assert status == 200
        saved.append(value)
    os.kill(server.pid, signal.SIGKILL)
    server.wait()
    with Store(store) as kept:
        assert [e.value for e in kept.entries()] == saved


def test_review_exports_the_signed_off_dataset_and_the_corrections(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "review.db"
    document = fingerprint(SEEDS[1].read_bytes())
    with Store(store) as kept:
        kept.import_lines(
            [
                json.dumps(
                    {
                        "document": document,
                        "key": "appeals.review.upheld",
                        "verdict": "value",
                        "value": 4,
                        "reviewer": "Ann",
                        "time": "2026-11-24T10:00:00+00:00",
                        "source": SEEDS[1].name,
                    }
                )
            ]
        )
    out = tmp_path / "signed-off.jsonl"
    lines = tmp_path / "corrections.jsonl"
    assert (
        main(
            [
                "review",
                str(folder),
                "--store",
                str(store),
                "--export",
                str(out),
                "--export-corrections",
                str(lines),
            ]
        )
        == 0
    )
    records = {
        Path(r["source"]).name: r for r in map(json.loads, out.read_text("utf-8").splitlines())
    }
    assert len(records) == 4
    assert records[SEEDS[1].name]["values"]["appeals.review.upheld"] == 4
    assert records[SEEDS[1].name]["corrected"]["appeals.review.upheld"]["reviewer"] == "Ann"
    assert records[SEEDS[0].name]["corrected"] == {}
    (line,) = lines.read_text("utf-8").splitlines()
    assert json.loads(line)["document"] == document
    again = gr.parse(SEEDS[1], corrections=lines)
    assert again.cell("appeals.review.upheld").provenance == "corrected"


def test_two_apps_on_one_store_see_each_others_verdicts(folder: Path, tmp_path: Path) -> None:
    store = tmp_path / "shared.db"
    mine, theirs = Corpus(folder, store), Corpus(folder, store)
    try:
        mine.read(mine.open())
        theirs.read(theirs.open())
        item = next(i for i in theirs.items if Path(i.name).name == SEEDS[1].name)
        assert item.fingerprint is not None
        report = theirs.report(item)
        assert report is not None and report.cell("appeals.review.upheld").value is None
        mine.save(
            Entry(
                item.fingerprint, "appeals.review.upheld", "value", 5, "Bob", "2026-11-24T10:00:00"
            )
        )
        theirs.refresh()
        report = theirs.report(item)
        assert report is not None and report.cell("appeals.review.upheld").value == 5
    finally:
        mine.close()
        theirs.close()


def test_a_pdf_with_a_text_layer_shows_its_rows_cut_from_the_page(tmp_path: Path) -> None:
    folder = tmp_path / "pdfs"
    folder.mkdir()
    shutil.copy(REAL_PDF, folder / "hongze.pdf")
    corpus = Corpus(folder, tmp_path / "review.db")
    corpus.read(corpus.open())
    app = App(corpus)
    server = make_server(app)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        root = lxml.html.fromstring(Browser(app.port).get("/doc/0"))
        crops = {int(img.get("data-line")): img for img in root.xpath('//img[@class="page-crop"]')}
        new = root.get_element_by_id("cell-applications.new.total")
        line = int(new.get("data-line"))
        # The row of 一、本年新收: its label is printed once, its values beside it.
        assert root.get_element_by_id(f"L{line}").text_content().startswith(f"{line}一、本年新收")
        assert crops[line].get("src").startswith("data:image/png;base64,iVBOR")
        # Only rows found for certain: a label printed once, every value read beside it.
        assert 0 < len(crops) < len({td.get("data-line") for td in root.xpath("//td[@data-line]")})
    finally:
        server.shutdown()
        server.server_close()
        corpus.close()
