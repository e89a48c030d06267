"""Interrupted runs keep what they finished, and ``--resume`` goes on: real command-line
runs over a few hundred documents with two workers, stopped by SIGINT, SIGTERM or SIGKILL
at a random point, then resumed, give the output of an uninterrupted run, byte for byte,
and leave no process and no temporary file behind."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import govinfo_report as gr
from govinfo_report.corrections import fingerprint
from govinfo_report.write.checkpoint import SUFFIX
from govinfo_report.write.export import to_json

from conftest import SEEDS

COMMAND = [sys.executable, "-m", "govinfo_report.cli", "parse", "--jobs", "2"]
DOCUMENTS = 240


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seeds under varied names (copies of one seed are documents of their own), and a few
    that fail (not a report)."""
    folder = tmp_path_factory.mktemp("corpus")
    for number in range(DOCUMENTS):
        name = f"{number:03d}-报告-{number % 7}.txt"
        if number % 50 == 7:
            (folder / name).write_text(f"这不是年报 {number}", encoding="utf-8")
        else:
            (folder / name).write_bytes(SEEDS[number % len(SEEDS)].read_bytes())
    return folder


@pytest.fixture(scope="module")
def uninterrupted(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("whole")
    whole = {}
    for form in ("jsonl", "csv"):
        target = out / f"whole.{form}"
        done = subprocess.run(
            [*COMMAND, str(corpus), "--format", form, "--output", str(target)],
            capture_output=True,
        )
        assert done.returncode == 2, done.stderr  # the documents that are not reports
        whole[form] = target.read_bytes()
    return whole


def _lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def _at_a_terminal() -> None:
    """Ctrl-C as a terminal's foreground command gets it: a suite started in the background
    (``make test &``) passes SIGINT on ignored, and a run started so rightly keeps ignoring
    it, as Python does."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _survivors(marker: str) -> list[int]:
    """The processes whose command line names ``marker``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize(
    ("stop", "form"),
    [
        (signal.SIGINT, "jsonl"),
        (signal.SIGTERM, "csv"),
        (signal.SIGKILL, "jsonl"),
        (signal.SIGKILL, "csv"),
    ],
)
def test_an_interrupted_run_resumes_to_the_uninterrupted_output(
    corpus: Path, uninterrupted: dict[str, bytes], tmp_path: Path, stop: int, form: str
) -> None:
    target = tmp_path / f"out.{form}"
    kept = target if form == "jsonl" else target.with_name(target.name + SUFFIX)
    # A random point of the run: once this many documents are kept.
    point = random.Random(f"{stop}{form}").randrange(1, DOCUMENTS - 40)
    run = subprocess.Popen(
        [*COMMAND, str(corpus), "--format", form, "--output", str(target)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=_at_a_terminal,
    )
    deadline = time.monotonic() + 60
    while _lines(kept) < point and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert run.poll() is None, "the run ended before it could be stopped"
    run.send_signal(stop)
    _, said = run.communicate(timeout=60)
    finished = _lines(kept)
    assert point <= finished < DOCUMENTS
    if stop == signal.SIGKILL:
        assert run.returncode == -signal.SIGKILL
    else:
        assert run.returncode == 128 + stop
        assert f"interrupted by {signal.Signals(stop).name} after" in said.decode()
        assert "go on with --resume" in said.decode()
        assert target.exists()  # what was finished, as an output
    for _ in range(100):  # a killed parent's workers are killed with it
        if not _survivors(str(target)):
            break
        time.sleep(0.05)
    assert _survivors(str(target)) == []
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]

    resumed = subprocess.run(
        [*COMMAND, str(corpus), "--format", form, "--output", str(target), "--resume"],
        capture_output=True,
    )
    assert resumed.returncode == 2, resumed.stderr
    assert b"done by an earlier run" in resumed.stderr
    assert target.read_bytes() == uninterrupted[form]
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_done_passes_over_the_documents_done_by_name_and_fingerprint(tmp_path: Path) -> None:
    texts = [SEEDS[0].read_text(encoding="utf-8"), SEEDS[1].read_text(encoding="utf-8")]
    paths = []
    for number, text in enumerate([*texts, texts[0]]):
        path = tmp_path / f"{number}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    first = next(gr.iter_parse(paths[:1], jobs=1, timeout=None))
    assert first.sha256 == fingerprint(paths[0].read_bytes())
    done = [(str(paths[0]), first.sha256), (str(paths[1]), "0" * 64)]
    names = [r.name for r in gr.iter_parse(paths, jobs=1, timeout=None, done=done)]
    # The second changed since (another fingerprint); the copy of the first has its own name.
    assert names == [str(paths[1]), str(paths[2])]
    record = json.loads(to_json(first))
    assert record["sha256"] == first.sha256


def test_read_reports_passes_over_the_documents_done(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    for number in range(3):
        (tmp_path / f"{number}.txt").write_bytes(SEEDS[number].read_bytes())
    whole = gr.read_reports(tmp_path, timeout=None)
    done = [(whole.source[0], fingerprint(SEEDS[0].read_bytes()))]
    rest = gr.read_reports(tmp_path, timeout=None, done=done)
    assert list(rest.source) == list(whole.source[1:])
