"""Regroup ``src/govinfo_report`` into folders named after the pipeline's stages (issue 31).

    python tools/regroup.py            # move with git mv, rewrite every reference
    python tools/regroup.py --check    # list what would move and the modules it does not know

It works from ``MOVES`` ({old module: new module}), never from hand edits, so that it can be
run again on a later tree: it ``git mv``s each module (a package with all it holds), writes
each stage's ``__init__.py``, and rewrites every reference to a moved module in ``src``,
``tests``, ``benchmarks``, ``docs``, ``README.md``, ``Makefile`` and ``pyproject.toml``:

- ``from``-imports, parsed (``ast``): relative ones recomputed from the module's new place,
  a ``from . import a, b`` split when ``a`` and ``b`` now lie apart, a module renamed on the
  way (``cli`` -> ``cli.command``) imported ``as`` its old name;
- every other dotted name (``govinfo_report.stream.Result`` in a string, a monkeypatch
  target, ``python -m govinfo_report.demo``, ``govinfo_report.cli:main``) and every path
  (``src/govinfo_report/layouts/``, ``govinfo_report/source.py``).

A name already in the new layout is left alone, so a second run changes nothing. A module of
``src/govinfo_report`` that ``MOVES`` does not name and ``STAY`` does not keep stops the
run: give it a stage first. Then ``ruff check --fix`` and ``ruff format`` tidy the imports.
Once the move has landed, the script has done its work and can be deleted.
"""

from __future__ import annotations

import argparse
import ast
import re
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "govinfo_report"
SRC = ROOT / "src"

#: The stages, in the order of the pipeline, with their ``__init__.py`` docstrings.
STAGES: dict[str, str] = {
    "read": "Read: bytes or text in, normalised lines out (``source``), documents in files, "
    "archives and folders (``documents``), the formats that are not text (``formats``).",
    "structure": "Structure: the report's sections (``skeleton`` with the grammar), its "
    "title and date (``metadata``), broken lines (``rebreak``) and how each table is laid "
    "out (``layouts``).",
    "tables": "Tables: each section's rows read into the template's cells (``sections``, "
    "``reading``, ``matching``), and the values placed and derived by the consistency rules "
    "(``resolve``, ``solver``, ``rules``).",
    "check": "Check: a report against its own rules (``validate``), its prose against its "
    "tables (``statements``) and OCR's reads against the rules (``verify``).",
    "corpus": "Corpus: many documents parsed in worker processes within a time budget "
    "(``stream``, with the core's ``workers``), and their results packed (``compact``).",
    "write": "Write: records, JSON, CSV, data frames and Parquet (``export``, ``frames``, "
    "``records``, ``schema``), reports written back as text and HTML (``render``, "
    "``canonical``, ``spans``) and the review page (``review``).",
    "cli": "The command line (``govinfo-report``: ``command``), its progress line and the demo.",
}

#: Old module -> new module (a package moves with everything in it).
MOVES: dict[str, str] = {
    **{
        f"{PACKAGE}.{old}": f"{PACKAGE}.{stage}.{old}"
        for stage, olds in {
            "read": ("source", "bounded", "split", "documents", "formats"),
            "structure": ("skeleton", "rebreak", "metadata", "layouts", "collapsed"),
            "tables": ("sections", "reading", "matching", "resolve", "solver", "rules"),
            "check": ("validate", "statements", "verify"),
            "corpus": ("stream", "compact"),
            "write": (
                "export",
                "frames",
                "render",
                "canonical",
                "review",
                "records",
                "schema",
                "atomic",
                "spans",
            ),
            "cli": ("progress", "demo"),
        }.items()
        for old in olds
    },
    f"{PACKAGE}.cli": f"{PACKAGE}.cli.command",
}

#: The modules that stay at the top: the core every stage uses (``workers`` among them: the
#: pipeline's ``parse(timeout=)`` runs in one), the pipeline (``parser``) and the front
#: doors (the package, ``dask``).
STAY = {
    f"{PACKAGE}.{name}"
    for name in (
        "catalogue",
        "cells",
        "diagnostics",
        "errors",
        "escape",
        "fold",
        "labels",
        "limits",
        "memo",
        "model",
        "parser",
        "version",
        "workers",
        "dask",
    )
}

#: Text that names no module and keeps its words (patterns): the entry-point group under
#: which other packages register layouts, and ``python -m govinfo_report.cli``, which users
#: type (the package ``cli`` runs the command: ``MAIN``).
PROTECTED = (
    r'"govinfo_report\.layouts"',
    r"group\s+`govinfo_report\.layouts`",
    r'"-m", "govinfo_report\.cli"',
    r"-m govinfo_report\.cli\b(?!\.)",
)
#: Files the move adds besides the stages' ``__init__.py``.
MAIN = {
    "cli/__main__.py": '''"""``python -m govinfo_report.cli``: the command."""

from .command import main

raise SystemExit(main())
''',
}

#: What is rewritten, besides the package's modules.
TEXT_FILES = ("README.md", "Makefile", "pyproject.toml")
TEXT_FOLDERS = ("tests", "benchmarks", "docs")
TEXT_SUFFIXES = (".py", ".md")

#: A ``from`` import on one line (in a string: those in code are parsed).
FROM = re.compile(
    rf"\bfrom ({PACKAGE}(?:\.[A-Za-z_]\w*)*) import (\w+(?: as \w+)?(?:, \w+(?: as \w+)?)*)"
)
#: A dotted name of the package, but not the module of a ``from`` import (parsed instead).
DOTTED = re.compile(rf"(?<![\w.]){PACKAGE}(?:\.[A-Za-z_]\w*+)++(?!\s+import\b)")
PATH = re.compile(rf"(?<![\w.]){PACKAGE}(?:/[A-Za-z_]\w*)+(?:\.py\b|/)?")
FENCE = re.compile(r"^```python[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


def moved(name: str) -> str:
    """``name`` (a module or a name in one) in the new layout; unchanged when no moved
    module holds it or it is already new."""
    parts = name.split(".")
    for length in range(len(parts), 0, -1):
        old = ".".join(parts[:length])
        if old in MOVES:
            break
    else:
        return name
    rest = parts[length:]
    for new in MOVES.values():  # already in the new layout (cli.command under cli)
        new_parts = new.split(".")
        if len(new_parts) > length and parts[: len(new_parts)] == new_parts:
            return name
    return ".".join([*MOVES[old].split("."), *rest])


def module_of(path: Path) -> str:
    """The module a file of ``src`` is."""
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def known_modules() -> set[str]:
    """The package's modules as they are now, and in the new layout."""
    now = {module_of(path) for path in (SRC / PACKAGE).rglob("*.py")}
    return now | {moved(name) for name in now} | {f"{PACKAGE}.{stage}" for stage in STAGES}


def relative(target: str, importer: str, is_package: bool) -> str:
    """``target`` as a relative module name from the module ``importer``."""
    here = importer.split(".") if is_package else importer.split(".")[:-1]
    there = target.split(".")
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    return "." * (len(here) - common + 1) + ".".join(there[common:])


def absolute(node: ast.ImportFrom, importer: str, is_package: bool) -> str:
    """The module an import names, absolute."""
    if not node.level:
        return node.module or ""
    base = importer.split(".") if is_package else importer.split(".")[:-1]
    base = base[: len(base) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def regrouped(
    base: str, names: list[tuple[str, str | None]], modules: set[str]
) -> dict[str, list[str]]:
    """``from base import names`` in the new layout: the names by the module to import them
    from (a module imported by name may now lie elsewhere than its neighbours)."""
    groups: dict[str, list[str]] = {}
    for name, asname in names:
        full = f"{base}.{name}"
        if full in modules:
            parent, _, new = moved(full).rpartition(".")
            keep = asname or (name if new != name else None)
            groups.setdefault(parent, []).append(f"{new} as {keep}" if keep else new)
        else:
            groups.setdefault(moved(base), []).append(f"{name} as {asname}" if asname else name)
    return groups


def rewrite_imports(
    text: str,
    modules: set[str],
    importer: str | None = None,
    is_package: bool = False,
    new_importer: str | None = None,
) -> str:
    """``text`` (Python) with its ``from``-imports of moved modules rewritten; relative
    imports (of ``importer``, the module's name now) stay relative to its new place
    (``new_importer``)."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return text
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    edits: list[tuple[int, int, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or (node.level and importer is None):
            continue
        base = absolute(node, importer or "", is_package)
        if base != PACKAGE and not base.startswith(PACKAGE + "."):
            continue
        groups = regrouped(base, [(a.name, a.asname) for a in node.names], modules)
        indent = " " * node.col_offset
        statements = []
        for parent, names in groups.items():
            if node.level:
                assert new_importer is not None
                parent = relative(parent, new_importer, is_package)
            statements.append(f"from {parent} import {', '.join(names)}")
        original = ", ".join(f"{a.name} as {a.asname}" if a.asname else a.name for a in node.names)
        if statements == [f"from {'.' * node.level}{node.module or ''} import {original}"]:
            continue
        start = offsets[node.lineno - 1] + node.col_offset
        end = offsets[node.end_lineno - 1] + node.end_col_offset  # type: ignore[operator]
        edits.append((start, end, ("\n" + indent).join(statements)))
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def rewrite_names(text: str, modules: set[str]) -> str:
    """``text`` with every other dotted name and path of a moved module rewritten."""
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(match.group())
        return f"\0{len(kept) - 1}\0"

    for pattern in PROTECTED:
        text = re.sub(pattern, keep, text)

    def inline(match: re.Match[str]) -> str:
        names = [tuple(name.split(" as ")) for name in match.group(2).split(", ")]
        groups = regrouped(
            match.group(1), [(n[0], n[1] if len(n) > 1 else None) for n in names], modules
        )
        return "; ".join(
            f"from {parent} import {', '.join(found)}" for parent, found in groups.items()
        )

    text = FROM.sub(inline, text)
    text = DOTTED.sub(lambda match: moved(match.group()), text)

    def path(match: re.Match[str]) -> str:
        found = match.group()
        tail = ".py" if found.endswith(".py") else "/" if found.endswith("/") else ""
        name = found.removesuffix(tail).replace("/", ".")
        return moved(name).replace(".", "/") + tail

    text = PATH.sub(path, text)
    return re.sub("\0(\\d+)\0", lambda match: kept[int(match.group(1))], text)


def rewrite_markdown(text: str, modules: set[str]) -> str:
    """A Markdown file: its Python blocks' imports, then every name and path."""
    text = FENCE.sub(
        lambda m: m.group().replace(m.group(1), rewrite_imports(m.group(1), modules)), text
    )
    return rewrite_names(text, modules)


def plan() -> list[tuple[Path, Path]]:
    """The moves still to make, as (old path, new path), and the check that every module
    has a place."""
    package = SRC / PACKAGE
    stages = set(STAGES)
    unknown = [
        module_of(path)
        for path in sorted(package.iterdir())
        if (path.suffix == ".py" or (path.is_dir() and (path / "__init__.py").exists()))
        and path.name != "__init__.py"
        and path.stem not in stages
        and module_of(path if path.suffix else path / "__init__.py") not in MOVES
        and module_of(path if path.suffix else path / "__init__.py") not in STAY
    ]
    if unknown:
        sys.exit(f"give these modules a stage in MOVES (or keep them in STAY): {unknown}")
    moves = []
    for old, new in MOVES.items():
        old_path = SRC / old.replace(".", "/")
        new_path = SRC / new.replace(".", "/")
        if old_path.is_dir() and old_path.name not in stages:
            moves.append((old_path, new_path))
        elif old_path.with_suffix(".py").exists():
            moves.append((old_path.with_suffix(".py"), new_path.with_suffix(".py")))
    return moves


def git(*args: str) -> None:
    subprocess.run(["git", *args], cwd=ROOT, check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say what would move")
    args = parser.parse_args()
    moves = plan()
    if args.check:
        for old, new in moves:
            print(f"{old.relative_to(ROOT)} -> {new.relative_to(ROOT)}")
        return 0
    modules = known_modules()
    # The package's own modules first, while each is where its relative imports start.
    for path in sorted((SRC / PACKAGE).rglob("*.py")):
        text = path.read_text("utf-8")
        name = module_of(path)
        in_stage = path.relative_to(SRC / PACKAGE).parts[0] in STAGES
        new = rewrite_imports(
            text, modules, name, path.name == "__init__.py", name if in_stage else moved(name)
        )
        new = rewrite_names(new, modules)
        if new != text:
            path.write_text(new, "utf-8")
    for stage, docstring in STAGES.items():
        init = SRC / PACKAGE / stage / "__init__.py"
        if not init.exists():
            init.parent.mkdir(exist_ok=True)
            one_line = f'"""{docstring}"""'
            wrapped = textwrap.fill(f'"""{docstring}', 96) + '\n"""'
            init.write_text((one_line if len(one_line) <= 100 else wrapped) + "\n", "utf-8")
            git("add", str(init.relative_to(ROOT)))
    for name, text in MAIN.items():
        added = SRC / PACKAGE / name
        if not added.exists():
            added.write_text(text, "utf-8")
            git("add", str(added.relative_to(ROOT)))
    for old, new in moves:
        git("mv", str(old.relative_to(ROOT)), str(new.relative_to(ROOT)))
    # Everything else that names a module.
    files = [ROOT / name for name in TEXT_FILES]
    for folder in TEXT_FOLDERS:
        files += [p for p in (ROOT / folder).rglob("*") if p.suffix in TEXT_SUFFIXES]
    for path in files:
        if not path.is_file() or ".corpus" in path.parts:
            continue
        text = path.read_text("utf-8")
        if path.suffix == ".py":
            new = rewrite_names(rewrite_imports(text, modules), modules)
        elif path.suffix == ".md":
            new = rewrite_markdown(text, modules)
        else:
            new = rewrite_names(text, modules)
        if new != text:
            path.write_text(new, "utf-8")
    ruff = ROOT / ".venv" / "bin" / "ruff"
    command = str(ruff) if ruff.exists() else "ruff"
    subprocess.run([command, "check", "--fix", "--quiet", "--select", "I", "."], cwd=ROOT)
    subprocess.run([command, "format", "--quiet", "."], cwd=ROOT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
