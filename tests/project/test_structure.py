"""The package's import structure (issue 31): no import cycle anywhere, imports made inside
functions included, and no stage importing a later one. The stages, in pipeline order:
the core modules at the top of the package, ``read``, ``structure``, ``tables``, ``check``,
the pipeline (``parser``), ``corpus``, ``write``, ``cli``, and the front doors (the package
itself and ``dask``). A cycle counts imports under ``if TYPE_CHECKING:`` too (a type
named in a circle ties the modules as much); the stage rule leaves them out, as nothing runs
them. The benchmarks' scripts must not import each other in a circle either."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"
PACKAGE = "govinfo_report"
#: The layers, lowest first; a module may import only from its own layer and lower ones.
LAYERS = ("core", "read", "structure", "tables", "check", "parser", "corpus", "write", "cli")
FRONT = {PACKAGE, f"{PACKAGE}.dask"}


def layer(module: str) -> int:
    """The layer of a module of the package (the front doors above every layer)."""
    if module in FRONT:
        return len(LAYERS)
    parts = module.split(".")
    return LAYERS.index(parts[1]) if parts[1] in LAYERS else 0


def imports(tree: ast.AST, typing: bool = False) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement, at any depth; those under ``if TYPE_CHECKING:`` only with
    ``typing``."""
    for node in ast.iter_child_nodes(tree):
        if not typing and isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from imports(ast.Module(body=node.orelse, type_ignores=[]))
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        yield from imports(node, typing)


def graph(modules: dict[str, Path], typing: bool = False) -> dict[str, set[str]]:
    """module -> the modules (of ``modules``) it imports (with ``typing``, under
    ``if TYPE_CHECKING:`` too)."""
    edges: dict[str, set[str]] = {}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        here = name.split(".") if is_package else name.split(".")[:-1]
        found: set[str] = set()
        for node in imports(ast.parse(path.read_text("utf-8")), typing):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:
                    base = ".".join(here[: len(here) - node.level + 1] + ([base] if base else []))
                # ``from a import b``: the module a.b when there is one, else a.
                targets = [
                    f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base
                    for a in node.names
                ]
            found.update(t for t in targets if t in modules and t != name)
        edges[name] = found
    return edges


def package_modules() -> dict[str, Path]:
    modules = {}
    for path in (SRC / PACKAGE).rglob("*.py"):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(edges[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while (popped := stack.pop()) != node:
                component.append(popped)
            if component:
                found.append(sorted([node, *component]))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_no_module_of_the_package_is_in_an_import_cycle() -> None:
    edges = graph(package_modules(), typing=True)
    assert len(edges) > 40  # the package's modules were found
    assert cycles(edges) == []


def test_no_stage_imports_a_later_one() -> None:
    edges = graph(package_modules())
    upwards = sorted(
        f"{module} -> {target}"
        for module, targets in edges.items()
        for target in targets
        if layer(target) > layer(module)
    )
    assert upwards == []


def test_the_benchmarks_import_no_cycle() -> None:
    modules = {path.stem: path for path in (ROOT / "benchmarks").glob("*.py")}
    assert cycles(graph(modules, typing=True)) == []


def test_a_cycle_and_an_import_upwards_are_found() -> None:
    # The checks themselves: a circle of three, a pair, and a core module importing a stage.
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"e"}, "e": {"d"}, "f": {"a"}}
    assert cycles(edges) == [["a", "b", "c"], ["d", "e"]]
    assert layer(f"{PACKAGE}.model") < layer(f"{PACKAGE}.read.source")
    assert layer(f"{PACKAGE}.write.export") > layer(f"{PACKAGE}.corpus.stream")
    assert layer(f"{PACKAGE}.dask") > layer(f"{PACKAGE}.cli.command")


def test_an_import_under_type_checking_counts_for_a_cycle_only() -> None:
    tree = ast.parse("import a\nif TYPE_CHECKING:\n    import b\nelse:\n    import c\n")
    assert [ast.unparse(node) for node in imports(tree)] == ["import a", "import c"]
    assert [ast.unparse(node) for node in imports(tree, typing=True)] == [
        "import a",
        "import b",
        "import c",
    ]


def test_the_grammars_comments_name_modules_that_exist() -> None:
    """A module path in a grammar's comments (``govinfo_report.write.canonical``) names a
    module of the package, or an attribute of one: the regroup left them stale once."""
    import importlib
    import re

    modules = package_modules()
    for grammar in (ROOT / "grammars").glob("*.lark"):
        for name in re.findall(rf"\b{PACKAGE}(?:\.\w+)+", grammar.read_text("utf-8")):
            owner, _, attribute = name.rpartition(".")
            assert name in modules or (
                owner in modules and hasattr(importlib.import_module(owner), attribute)
            ), f"{grammar.name} names {name}, which is no module of the package"


def test_the_writers_take_a_documents_outcome_from_the_core() -> None:
    """``Result`` is the core's (``result.py``): a writer names it without the streaming
    stage (issue 47)."""
    modules = package_modules()
    named = sorted(
        f"{name} <- {node.module}"
        for name, path in modules.items()
        if name.startswith(f"{PACKAGE}.write")
        for node in imports(ast.parse(path.read_text("utf-8")), typing=True)
        if isinstance(node, ast.ImportFrom)
        and any(alias.name == "Result" for alias in node.names)
        and node.module != "result"
    )
    assert named == []
    assert layer(f"{PACKAGE}.result") == layer(f"{PACKAGE}.compact") == 0


def test_the_table_stage_gives_each_type_name_one_meaning() -> None:
    """``Unit`` and ``Given`` once named a unit and a value as the text gives them
    (``reading``) and as the solver sees them (``solver``): now ``Choice`` and ``CellValue``
    there (issue 47). A public class or type alias of ``tables/`` is defined in one module."""
    defined: dict[str, list[str]] = {}
    for path in sorted((SRC / PACKAGE / "tables").glob("*.py")):
        for node in ast.parse(path.read_text("utf-8")).body:
            if isinstance(node, ast.ClassDef):
                name = node.name
            elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                name = node.targets[0].id
            else:
                continue
            if name[0].isupper() and not name.isupper():
                defined.setdefault(name, []).append(path.stem)
    assert {name: where for name, where in defined.items() if len(where) > 1} == {}
    assert "Unit" in defined and "Choice" in defined
