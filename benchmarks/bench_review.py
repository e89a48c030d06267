"""The review app on a folder of generated reports (issue 43): how long it takes to open
(list, fingerprint, serve the corpus page) a first time, with nothing read yet, and again
once every reading is cached; how long the background read takes; and a verdict saved
with the rules checked again, over HTTP as the page sends it.

    python benchmarks/bench_review.py [--documents 1000] [--saves 100]

The documents are the five seeds rendered again with the body renamed per document (so
every one has bytes of its own), 3 of 5 with cells missing.
"""

from __future__ import annotations

import argparse
import http.client
import json
import re
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import attrs

import govinfo_report as gr
from govinfo_report.cli.review.corpus import Corpus
from govinfo_report.cli.review.pages import corpus_page
from govinfo_report.cli.review.server import App, make_server

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt"))


def write_folder(folder: Path, count: int) -> None:
    reports = [gr.parse(seed) for seed in SEEDS]
    for i in range(count):
        report = attrs.evolve(reports[i % len(reports)], organisation=f"测试{i}镇人民政府")
        (folder / f"{i:05d}.txt").write_text(gr.render(report), encoding="utf-8")


def opened(folder: Path, store: Path) -> tuple[float, Corpus]:
    """Seconds to open the folder and build the corpus page."""
    start = time.perf_counter()
    corpus = Corpus(folder, store)
    corpus.open()
    corpus_page(corpus, {}, "0" * 64, "bench")
    return time.perf_counter() - start, corpus


def saves(corpus: Corpus, count: int) -> list[float]:
    """Milliseconds per verdict posted, saved and re-checked, round trip."""
    app = App(corpus)
    server = make_server(app)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host = f"127.0.0.1:{app.port}"

    def request(method: str, path: str, body: object, headers: dict[str, str]) -> tuple[str, str]:
        connection = http.client.HTTPConnection("127.0.0.1", app.port)
        data = None if body is None else json.dumps(body).encode()
        connection.request(method, path, data, {"Host": host, **headers})
        answer = connection.getresponse()
        return answer.headers.get("Set-Cookie") or "", answer.read().decode()

    cookie, page = request("GET", "/", None, {})
    session = cookie.split(";")[0]
    token = re.search(r'gr-token" content="([0-9a-f]+)', page).group(1)  # type: ignore[union-attr]
    headers = {"Cookie": session, "Origin": f"http://{host}", "X-Token": token}
    cookie, _ = request("POST", "/api/reviewer", {"name": "bench"}, headers)
    headers["Cookie"] += "; " + cookie.split(";")[0]
    times = []
    partial = [
        i
        for i, item in enumerate(corpus.items)
        if item.machine and item.machine.completeness().missing
    ]
    for n in range(count):
        body = {
            "document": partial[n % len(partial)],
            "key": "appeals.review.upheld",
            "verdict": "value",
            "value": n,
        }
        start = time.perf_counter()
        request("POST", "/api/verdict", body, headers)
        times.append((time.perf_counter() - start) * 1000)
    server.shutdown()
    return times


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--documents", type=int, default=1000)
    options.add_argument("--saves", type=int, default=100)
    args = options.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "reports"
        folder.mkdir()
        write_folder(folder, args.documents)
        store = Path(scratch) / "review.db"
        first, corpus = opened(folder, store)
        start = time.perf_counter()
        corpus.read(item for item in corpus.items if item.machine is None)
        reading = time.perf_counter() - start
        corpus.close()
        again, corpus = opened(folder, store)
        times = saves(corpus, args.saves)
        corpus.close()
    print(f"documents: {args.documents:,}")
    print(f"open, nothing read yet: {first:.2f} s (reading in the background: {reading:.1f} s)")
    print(f"open, every reading cached: {again:.2f} s")
    print(
        f"save + re-check ({args.saves} verdicts over HTTP): median "
        f"{statistics.median(times):.1f} ms, p95 {sorted(times)[int(len(times) * 0.95) - 1]:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
