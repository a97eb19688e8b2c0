"""The package layout holds: imports only go down the layers, families never import each other, no
module imports another in a circle (counting imports inside functions and type-checking-only ones),
and every family's rules carry the family's code prefix and category."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from copylint.engine.registry import all_rules

PACKAGE = Path(__file__).resolve().parent.parent / "copylint"
#: lowest first; a module may import from its own layer or a lower one
LAYERS = {"core": 0, "language": 1, "checks": 2, "readers": 3, "engine": 3, "report": 4, "app": 5}
#: the public API (``copylint/__init__.py``, ``__main__``) stands above everything
API_LAYER = 6
#: family package -> (code prefix, categories) of its rules; LanguageTool's typography, style,
#: redundancy and typo categories keep their own finding categories so clients colour them as such
FAMILIES = {
    "housekeeping": ("CL0", {"style"}),
    "spelling": ("CL1", {"spelling"}),
    "names": ("CL2", {"names"}),
    "boilerplate": ("CL3", {"boilerplate"}),
    "grammar": ("CL4", {"grammar", "style", "spelling"}),
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_module(name: str) -> bool:
    rel = Path(*name.split("."))
    return (PACKAGE.parent / rel).with_suffix(".py").is_file() or (PACKAGE.parent / rel / "__init__.py").is_file()


def _imports(path: Path) -> set[str]:
    """Every copylint module ``path`` imports, wherever the import statement stands."""
    this = _module_name(path)
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "copylint")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = this.split(".")[: len(this.split(".")) - node.level + (1 if is_package else 0)]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            if module.split(".")[0] != "copylint":
                continue
            for alias in node.names:  # ``from copylint.core import rule`` imports the module copylint.core.rule
                sub = f"{module}.{alias.name}"
                found.add(sub if _is_module(sub) else module)
    found.discard(this)
    return found


GRAPH = {_module_name(p): _imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def _layer(module: str) -> int:
    parts = module.split(".")
    if len(parts) == 1 or parts[1] == "__main__":
        return API_LAYER
    return LAYERS[parts[1]]


def test_every_module_is_in_a_layer() -> None:
    unplaced = sorted(m for m in GRAPH if _layer(m) != API_LAYER and m.split(".")[1] not in LAYERS)
    assert not unplaced


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_imports_go_down(module: str) -> None:
    upward = sorted(imp for imp in GRAPH[module] if _layer(imp) > _layer(module))
    assert not upward, f"{module} (layer {_layer(module)}) imports a higher layer: {upward}"


@pytest.mark.parametrize("module", sorted(m for m in GRAPH if m.startswith("copylint.checks.")))
def test_a_family_never_imports_another(module: str) -> None:
    family = module.split(".")[2]
    others = sorted(imp for imp in GRAPH[module]
                    if imp.startswith("copylint.checks.") and imp.split(".")[2] != family)
    assert not others, f"{module} imports another family: {others}"


def test_no_import_cycles() -> None:
    visiting: list[str] = []
    done: set[str] = set()

    def visit(module: str) -> None:
        if module in done:
            return
        if module in visiting:
            cycle = [*visiting[visiting.index(module):], module]
            pytest.fail("import cycle: " + " -> ".join(cycle))
        visiting.append(module)
        for imp in sorted(GRAPH.get(module, ())):
            # a package's __init__ is imported on the way to its modules; only explicit edges count
            visit(imp)
        visiting.pop()
        done.add(module)

    for module in sorted(GRAPH):
        visit(module)


def test_every_family_package_has_its_rules_module() -> None:
    families = sorted(p.parent.name for p in (PACKAGE / "checks").glob("*/__init__.py"))
    assert families == sorted(FAMILIES)
    for family in families:
        assert (PACKAGE / "checks" / family / "rules.py").is_file(), family


@pytest.mark.parametrize(("code", "cls"), sorted(all_rules().items()))
def test_rule_code_category_and_package_agree(code: str, cls: type) -> None:
    if not cls.__module__.startswith("copylint."):
        pytest.skip("a plug-in rule")
    parts = cls.__module__.split(".")
    assert parts[:2] == ["copylint", "checks"] and parts[3:] == ["rules"], cls.__module__
    prefix, categories = FAMILIES[parts[2]]
    assert code.startswith(prefix) and cls.category in categories, (code, cls.category, parts[2])
