"""The package's layout is its pipeline: imports only go down, from commands to the recipe to the
site to the pages to the catalog, and the root keeps only the recipe and what every stage shares."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "generator" / "declic"

# Lower rank = lower stage. Root modules shared by every stage rank 0.
RANKS = {
    "declic": 0,
    "declic.errors": 0,
    "declic.urls": 0,
    "declic.catalog": 1,
    "declic.pages": 2,
    "declic.site": 3,
    "declic.build": 4,
    "declic.commands": 5,
    "declic.cli": 6,
}


def rank(module: str) -> int:
    parts = module.split(".")
    for length in range(len(parts), 0, -1):
        if (name := ".".join(parts[:length])) in RANKS:
            return RANKS[name]
    raise AssertionError(f"{module} belongs to no stage: add it to RANKS")


def module_name(path: Path, package: Path) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}:{node.lineno}: relative import (write `from declic.… import`)"
            if node.module and node.module.split(".")[0] == "declic":
                if node.module == "declic":  # `from declic import urls`: the names are modules of the root
                    found += [
                        (node.lineno, f"declic.{alias.name}") for alias in node.names if alias.name != "__version__"
                    ]
                else:
                    found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.split(".")[0] == "declic"]
    return found


def upward_imports(package: Path = PACKAGE) -> list[str]:
    problems = []
    for path in sorted(package.rglob("*.py")):
        own = module_name(path, package)
        for line, target in imported(path):
            if rank(target) > rank(own):
                problems.append(f"{path.relative_to(package)}:{line}: {own} imports {target}, a later stage")
    return problems


def test_imports_only_go_down():
    assert upward_imports() == []


def test_the_check_catches_an_upward_import(tmp_path):
    """The test above can fail: a catalog module that imports a page module is reported."""
    fake = tmp_path / "declic"
    (fake / "catalog").mkdir(parents=True)
    (fake / "catalog" / "bad.py").write_text("from declic.pages.render import render\n", encoding="utf-8")
    assert upward_imports(fake) == ["catalog/bad.py:1: declic.catalog.bad imports declic.pages.render, a later stage"]


def test_the_root_keeps_the_recipe_and_what_stages_share():
    modules = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(modules) <= 8, modules
    assert {"build.py", "errors.py", "cli.py"} <= set(modules)


def test_each_stage_folder_says_what_goes_in_and_out():
    for folder in ("catalog", "pages", "site", "commands"):
        doc = ast.get_docstring(ast.parse((PACKAGE / folder / "__init__.py").read_text(encoding="utf-8")))
        assert doc and "In:" in doc and "Out:" in doc, folder
