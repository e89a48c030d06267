"""Every Python and shell block of README.md and docs/*.md runs as written.

The blocks of one file run in document order, in a scratch copy of the repository's files
(so ``tests/fixtures/seeds/…`` exists, and what a block writes lands in the copy), Python
blocks sharing one namespace as a reader's session would. The
convention (README.md, "Contributing"):

- A block fenced ```` ```python ```` is run with ``exec``; its ``if __name__ == "__main__":``
  part is not (it is a script's entry point).
- A block fenced ```` ```sh ````, ```` ```bash ```` or ```` ```shell ```` is run by bash,
  with the package's ``govinfo-report`` on ``PATH``. Each command must exit 0, unless its
  comment says how it exits (``# … exits 1 …``): then it must exit so.
- A block whose info string carries ``no-run`` (```` ```sh no-run ````) is shown, not run:
  for what cannot run here (``make test`` within the tests, ``pip install``, a benchmark of
  minutes). Blocks of other languages (``text``, ``toml``) are not code.

A failure names the file, the line of the block and the command or the Python traceback
(whose line numbers are the markdown file's).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import traceback
from pathlib import Path

import attrs
import pytest

ROOT = Path(__file__).parents[2]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
PYTHON = ("python", "py")
SHELL = ("sh", "bash", "shell")
#: A block's opening fence and info string, its code, its closing fence.
_FENCE = re.compile(r"^```([^\n`]*)\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
#: What a command's comment says of its exit status: ``exits 1``, ``exit status 2``.
_EXITS = re.compile(r"\bexits?(?: with)?(?: status)? (\d+)\b")
#: Seconds a shell block may take.
SHELL_TIMEOUT = 300


@attrs.frozen
class Block:
    """A fenced code block of a markdown file: where it starts (the line of its first code
    line, 1-based), its language, whether it runs, its code."""

    path: Path
    line: int
    language: str
    runs: bool
    code: str

    def __str__(self) -> str:
        return f"{self.path.relative_to(ROOT)}, the {self.language} block at line {self.line}"


def blocks(path: Path) -> list[Block]:
    """The Python and shell blocks of the markdown file ``path``, in order."""
    text = path.read_text(encoding="utf-8")
    found = []
    for match in _FENCE.finditer(text):
        words = match.group(1).split()
        language = words[0].lower() if words else ""
        if language in PYTHON or language in SHELL:
            line = text.count("\n", 0, match.start(2)) + 1
            runs = "no-run" not in words[1:]
            found.append(Block(path, line, language, runs, match.group(2)))
    return found


def run_python(block: Block, namespace: dict[str, object]) -> None:
    """Run a Python block in ``namespace``; line numbers in a traceback are the file's."""
    code = compile("\n" * (block.line - 1) + block.code, str(block.path), "exec")
    try:
        exec(code, namespace)
    except Exception:
        pytest.fail(f"{block} fails:\n{traceback.format_exc(limit=-3)}", pytrace=False)


def run_shell(block: Block, where: Path) -> None:
    """Run a shell block with bash; every command that exits otherwise than its comment
    says (0 when it says nothing) fails the block."""
    statuses = where / ".statuses"
    statuses.write_text("", encoding="utf-8")
    script = (
        "set -o pipefail\n"
        f"trap 'echo \"$((LINENO - 2)) $?\" >> {statuses}' ERR\n"  # the block's own lines
        + block.code
    )
    environment = dict(os.environ)
    environment["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{environment['PATH']}"
    done = subprocess.run(
        ["bash", "-c", script],
        cwd=where,
        env=environment,
        capture_output=True,
        text=True,
        timeout=SHELL_TIMEOUT,
    )
    failed = {
        int(line): int(status)
        for line, status in (
            entry.split() for entry in statuses.read_text(encoding="utf-8").splitlines()
        )
    }
    lines = block.code.split("\n")
    wrong = []
    for number, command in enumerate(lines, 1):
        said = {int(status) for status in _EXITS.findall(command.partition("#")[2])}
        status = failed.get(number, 0)
        if status not in (said or {0}):
            wrong.append(
                f"line {block.line + number - 1}: exit status {status}"
                + (f", its comment says {sorted(said)}" if said else "")
                + f": {command.strip()}"
            )
    if wrong:
        pytest.fail(
            f"{block}:\n" + "\n".join(wrong) + f"\n--- stderr:\n{done.stderr[-3000:]}",
            pytrace=False,
        )


def scratch(tmp_path: Path) -> Path:
    """A copy of the repository's files (not its hidden ones, the virtual environment or
    caches), so that what a block writes never lands in the repository."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    hidden = shutil.ignore_patterns(".*", "__pycache__")
    for entry in ROOT.iterdir():
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            shutil.copytree(entry, tmp_path / entry.name, ignore=hidden)
        else:
            shutil.copy2(entry, tmp_path / entry.name)
    return tmp_path


@pytest.mark.slow
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_block_runs(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    where = scratch(tmp_path)
    monkeypatch.chdir(where)
    namespace: dict[str, object] = {"__name__": "docs"}
    for block in blocks(path):
        if not block.runs:
            continue
        if block.language in PYTHON:
            run_python(block, namespace)
        else:
            run_shell(block, where)


#: The blocks that are shown, not run (file, first command): for what cannot run within the
#: tests. Each is named here, so that a new one is a decision, not a way around an example
#: that fails.
NO_RUN = [
    ("README.md", "cd govinfo-report"),
    ("README.md", "make demo"),
    ("docs/architecture.md", ".venv/bin/python benchmarks/dump.py --out /tmp/before.jsonl"),
    ("docs/performance.md", "make bench"),
    ("docs/performance.md", "make bench"),
    ("docs/robustness.md", ".venv/bin/python benchmarks/bench_scaling.py"),
    (
        "docs/robustness.md",
        ".venv/bin/python benchmarks/bench_untrusted.py --bomb-mb 64 --text-mb 80 --check",
    ),
]


def test_the_blocks_that_do_not_run_are_the_few_named() -> None:
    skipped = sorted(
        (str(block.path.relative_to(ROOT)), block.code.split("\n")[0].partition("#")[0].strip())
        for path in DOCUMENTS
        for block in blocks(path)
        if not block.runs
    )
    assert skipped == NO_RUN


def test_a_broken_python_block_is_named(tmp_path: Path) -> None:
    doc = tmp_path / "broken.md"
    doc.write_text("# Title\n\n```python\nx = 1\nprint(Path(x))\n```\n", encoding="utf-8")
    (block,) = blocks(doc)
    with pytest.raises(pytest.fail.Exception) as caught:
        run_python(attrs.evolve(block, path=ROOT / "broken.md"), {})
    message = str(caught.value)
    assert "broken.md, the python block at line 4 fails" in message
    assert "NameError: name 'Path' is not defined" in message
    assert 'broken.md", line 5' in message  # the markdown file's line


@pytest.mark.parametrize(
    ("command", "complaint"),
    [
        ("govinfo-report parse --no-such-flag", "exit status 2"),
        ("govinfo-report validate tests/fixtures/seeds/004_f05f5ffdb7466f3c.txt  # exits 1", "[1]"),
        ("true\nfalse\ntrue", "line 11: exit status 1: false"),
        ("no-such-command", "exit status 127"),
    ],
)
def test_a_broken_shell_block_is_named(tmp_path: Path, command: str, complaint: str) -> None:
    where = scratch(tmp_path / "run")
    block = Block(ROOT / "broken.md", 10, "sh", True, command + "\n")
    with pytest.raises(pytest.fail.Exception) as caught:
        run_shell(block, where)
    assert "broken.md, the sh block at line 10" in str(caught.value)
    assert complaint in str(caught.value)


def test_a_documented_exit_status_passes(tmp_path: Path) -> None:
    where = scratch(tmp_path / "run")
    seed = "tests/fixtures/seeds/001_9c0197b4049a0334.txt"
    run_shell(
        Block(ROOT / "ok.md", 1, "sh", True, f"govinfo-report validate {seed}  # exits 1\n"), where
    )
