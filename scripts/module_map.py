"""Print the module map of docs/architecture.md: every module of the four packages with the
first line of its docstring. Re-run after adding a module and paste the output over the map:
    python scripts/module_map.py
tests/test_layers.py checks that the map names every module.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("graph", "loaders", "queries", "estuary")


def main() -> None:
    print("## Module map\n")
    print("Every module, with the first line of its docstring (`scripts/module_map.py` writes "
          "this section;\n`tests/test_layers.py` fails if a module is missing from it).\n")
    for package in PACKAGES:
        print(f"### {package}/\n")
        print("| module | what it is |")
        print("|---|---|")
        for path in sorted((ROOT / package).rglob("*.py")):
            if path.name in ("__init__.py", "__main__.py"):
                continue
            doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
            first = doc.strip().split("\n\n")[0].replace("\n", " ")
            print(f"| `{path.relative_to(ROOT).as_posix()}` | {first} |")
        print()


if __name__ == "__main__":
    main()
