"""The package's layers, checked from the source: imports point one way only, and no module reaches
into another module's private names.

The layers, lowest first (docs/architecture.md): ``support`` (plumbing), ``core`` (pure scoring),
``inputs``, ``pages``, ``render``, ``run``, ``publish``; the top-level modules (``cli``, ``__init__``,
``__main__``) may use them all. A module may import from its own layer and any layer below it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kinerja"
LAYERS = ["support", "core", "inputs", "pages", "render", "run", "publish"]


def _layer(module: str) -> str | None:
    """The layer of a dotted module name inside kinerja (None for the top level)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def _module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_module(dotted: str) -> bool:
    """Whether ``kinerja.a.b`` names a module or package of the source tree."""
    path = PACKAGE.joinpath(*dotted.split(".")[1:])
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _imports(tree: ast.AST, module: str, is_package: bool) -> list[tuple[int, str, list[str]]]:
    """(line, imported module, imported names) for every import of a kinerja module in ``tree``."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "kinerja" or alias.name.startswith("kinerja."):
                    found.append((node.lineno, alias.name, []))
        elif isinstance(node, ast.ImportFrom):
            target = node.module or ""
            if node.level:  # relative import: resolve against this module's package
                base = module.split(".") if is_package else module.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([target] if target else []))
            if target == "kinerja" or target.startswith("kinerja."):
                found.append((node.lineno, target, [alias.name for alias in node.names]))
    return found


def _violations() -> tuple[list[str], list[str]]:
    upward, private = [], []
    for path in _sources():
        module = _module_name(path)
        own = _layer(module)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        imported_modules: dict[str, str] = {}  # local alias -> full module name
        for line, target, names in _imports(tree, module, path.name == "__init__.py"):
            where = f"{path.relative_to(PACKAGE.parent)}:{line}"
            for name in names or [""]:
                full = f"{target}.{name}" if name and _is_module(f"{target}.{name}") else target
                if not name or full != target:  # a submodule imported by name
                    imported_modules[name or target] = full
                elif name.startswith("_") and name != "__version__":
                    private.append(f"{where} imports {target}.{name}")
                theirs = _layer(full if full != target else target)
                if own is None or theirs is None:
                    continue
                if LAYERS.index(theirs) > LAYERS.index(own):
                    upward.append(f"{where}: layer {own!r} imports {full} (layer {theirs!r})")
            top_names = [n for n in names if target == "kinerja" and n != "__version__" and not _is_module(f"kinerja.{n}")]
            if own is not None and top_names:
                upward.append(f"{where}: layer {own!r} imports the top-level package ({', '.join(top_names)})")
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id in imported_modules and node.attr.startswith("_") and not node.attr.startswith("__")):
                private.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} uses {imported_modules[node.value.id]}.{node.attr}")
    return upward, private


def test_every_module_belongs_to_a_layer_or_the_top():
    top = {"__init__", "__main__", "cli"}
    loose = [p.name for p in PACKAGE.glob("*.py") if p.stem not in top]
    assert not loose, f"modules outside the layers (move them into one): {loose}"
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folders == set(LAYERS), f"packages that are not layers: {folders - set(LAYERS)}; missing: {set(LAYERS) - folders}"


def test_imports_point_down_the_layers():
    upward, _ = _violations()
    assert not upward, "imports against the layer order:\n" + "\n".join(upward)


def test_no_private_name_crosses_modules():
    _, private = _violations()
    assert not private, "private names used across modules:\n" + "\n".join(private)


@pytest.mark.parametrize("source, expected", [
    ("from kinerja.render import tables\n", "layer 'core' imports kinerja.render.tables"),
    ("from kinerja.pages import analyse\n", "layer 'core' imports kinerja.pages"),
])
def test_the_check_catches_an_upward_import(tmp_path, monkeypatch, source, expected):
    """The check itself can fail: a core module importing from a higher layer is reported."""
    fake = tmp_path / "kinerja"
    for layer in LAYERS:
        (fake / layer).mkdir(parents=True)
        (fake / layer / "__init__.py").write_text("")
    (fake / "render" / "tables.py").write_text("")
    (fake / "core" / "bad.py").write_text(source)
    monkeypatch.setitem(globals(), "PACKAGE", fake)
    upward, _ = _violations()
    assert any(expected in line for line in upward), upward
