"""The package's shape: modules import one another in one direction only."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import newsparse

PACKAGE = Path(newsparse.__file__).resolve().parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Each module and the package modules it imports anywhere (type-only imports too)."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            found |= {t for t in targets if t in modules and t != "newsparse"}
        graph[name] = found - {name}
    return graph


def test_no_import_cycle() -> None:
    graph = _imports()
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            cycle = [*path[path.index(name) :], name]
            raise AssertionError("import cycle: " + " -> ".join(cycle))
        if name in done:
            return
        for target in sorted(graph[name]):
            visit(target, [*path, name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])


PACKAGES = ("_text", "_lexicon", "_tables", "_stages")


def _package_of(module: str) -> str | None:
    """The private package a module belongs to (``newsparse._text.names`` → ``_text``)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in PACKAGES else None


def _cross_imports() -> list[tuple[str, str, str]]:
    """(importer, imported module, name) for every ``from newsparse... import name``."""
    found = []
    for path in PACKAGE.rglob("*.py"):
        importer = _module_name(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.ImportFrom)
                and node.module
                and node.level == 0
                and node.module.split(".")[0] == "newsparse"
            ):
                found += [(importer, node.module, a.name) for a in node.names]
    return found


def test_the_private_packages_are_entered_through_their_init() -> None:
    # A module outside a private package reads it only through its __init__,
    # so a package's inside can be rearranged without touching its users.
    wrong = [
        f"{importer} imports {module}"
        for importer, module, _ in _cross_imports()
        if _package_of(module) not in (None, _package_of(importer))
        and module != f"newsparse.{_package_of(module)}"
    ]
    assert wrong == []


def test_no_private_name_crosses_a_package_boundary() -> None:
    wrong = [
        f"{importer} imports {name} from {module}"
        for importer, module, name in _cross_imports()
        if name.startswith("_")
        and name not in ("__version__",)
        and _package_of(module) != _package_of(importer)
        and f"{module}.{name}" not in _modules()
    ]
    assert wrong == []


def test_a_package_does_not_import_itself_through_its_init() -> None:
    # Inside a package, modules import each other directly: going through the
    # package's own __init__ would make the package's import order a cycle.
    wrong = [
        f"{importer} imports {module}"
        for importer, module, _ in _cross_imports()
        if _package_of(importer) is not None
        and module == f"newsparse.{_package_of(importer)}"
        and not importer.endswith(f"newsparse.{_package_of(importer)}")
    ]
    assert wrong == []


def _modules() -> set[str]:
    return {_module_name(p) for p in PACKAGE.rglob("*.py")}


def test_the_stages_work_in_view_positions_only() -> None:
    # Stages find and hand on spans of the normalised view; mapping one to the input
    # (or reading the input's text) is assembly's job, done once in _assembly.
    mapping = re.compile(
        r"\.original\b|original_span|original_text|norm_end|view\.(?:span|start|end)\("
    )
    wrong = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted((PACKAGE / "_stages").glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if mapping.search(line)
    ]
    assert wrong == []
