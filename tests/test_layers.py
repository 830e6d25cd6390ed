"""The shape of the code: packages import only downward, and no modules import each other in a
cycle. Every import counts, including those inside functions and under TYPE_CHECKING: a lazy
import is still a dependency.

    graph  <-  loaders  <-  queries  <-  estuary
  (model,     (files ->     (one         (the app: stores opened, commands,
   stores)     bundles)      question     output)
                             a module)
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("graph", "loaders", "queries", "estuary")  # each may import only those before it


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, module: str) -> set[str]:
    """The project modules `path` imports (absolute or relative, anywhere in the file)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {name for name in found if name.split(".")[0] in LAYERS}


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for layer in LAYERS for p in (ROOT / layer).rglob("*.py")}
    edges: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = set()
        for imported in _imports(path, name):
            # `from pkg import mod` names a module; `from mod import func` names the module.
            while imported and imported not in modules:
                imported = imported.rpartition(".")[0]
            if imported and imported != name:
                targets.add(imported)
        edges[name] = targets
    return edges


def test_packages_import_only_downward() -> None:
    wrong = []
    for module, targets in _graph().items():
        rank = LAYERS.index(module.split(".")[0])
        for target in targets:
            if LAYERS.index(target.split(".")[0]) > rank:
                wrong.append(f"{module} -> {target}")
    assert not wrong, "imports against the layers:\n" + "\n".join(sorted(wrong))


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        top = stack.pop()
                        on_stack.discard(top)
                        component.append(top)
                        if top == node:
                            break
                    if len(component) > 1:
                        out.append(sorted(component))
    return out


def test_no_import_cycles() -> None:
    cycles = _cycles(_graph())
    assert not cycles, "modules importing each other in a cycle:\n" + "\n".join(
        " <-> ".join(c) for c in cycles)


def test_the_check_sees_a_back_edge_and_a_cycle() -> None:
    """The checks above can fail: a made-up back-edge and cycle are found."""
    edges = {"graph.a": {"queries.b"}, "queries.b": {"graph.a"}}
    assert _cycles(edges) == [["graph.a", "queries.b"]]
    module = ROOT / "graph" / "schema.py"
    assert "graph.model" not in _imports(module, "graph.schema")
    assert any(t.startswith("graph") for t in _graph()["queries.links"])


def test_the_module_map_names_every_module() -> None:
    """docs/architecture.md's module map (scripts/module_map.py) lists every module."""
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    missing = [p.relative_to(ROOT).as_posix() for layer in LAYERS
               for p in sorted((ROOT / layer).rglob("*.py"))
               if p.name not in ("__init__.py", "__main__.py")
               and f"`{p.relative_to(ROOT).as_posix()}`" not in doc]
    assert not missing, ("add them to docs/architecture.md (python scripts/module_map.py): "
                         + ", ".join(missing))
