"""Refresh the project template the package ships (``kinerja/templates/proyek/``) from the
repository's own files: ``_quarto.yml``, ``notebooks/*.ipynb``, ``situs/*``, ``params/*.yml`` and
``data/contoh/*`` (``kinerja.inputs.project.TEMPLATE_PATTERNS``).

Run it after changing any of them (``tests/test_init.py`` fails until you do)::

    python scripts/sync_template.py          # copy; prints what changed
    python scripts/sync_template.py --check  # only report; exit 1 when the copy differs
"""

from __future__ import annotations

import argparse
import ast
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _constant(name: str):
    """A constant of kinerja/inputs/project.py, read from its source (no import: this script runs
    with any Python 3, without kinerja's dependencies)."""
    tree = ast.parse((ROOT / "kinerja" / "inputs" / "project.py").read_text(encoding="utf-8"))
    for node in tree.body:
        target = getattr(node, "target", None) or (node.targets[0] if isinstance(node, ast.Assign) else None)
        if isinstance(target, ast.Name) and target.id == name:
            return ast.literal_eval(node.value)
    raise LookupError(name)


PATTERNS = _constant("TEMPLATE_PATTERNS")
COPY = ROOT.joinpath("kinerja", *_constant("TEMPLATE_FOLDER"))


def template_files(root: Path) -> list[str]:
    """As kinerja.inputs.project.template_files (tests/test_init.py checks they agree)."""
    found = set()
    for pattern in PATTERNS:
        found.update(path.relative_to(root).as_posix() for path in root.glob(pattern) if path.is_file())
    return sorted(found)


def differences() -> tuple[list[str], list[str]]:
    """(files to copy: new or changed, files to remove: no longer in the repository)."""
    source, copy = template_files(ROOT), template_files(COPY)
    changed = [name for name in source if not (COPY / name).is_file()
               or (COPY / name).read_bytes() != (ROOT / name).read_bytes()]
    return changed, sorted(set(copy) - set(source))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report the differences; exit 1 when there are any")
    args = parser.parse_args(argv)
    changed, stale = differences()
    if args.check:
        for name in changed + stale:
            print(f"differs: {name}")
        return 1 if changed or stale else 0
    for name in changed:
        (COPY / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / name, COPY / name)
        print(f"copied: {name}")
    for name in stale:
        (COPY / name).unlink()
        print(f"removed: {name}")
    print(f"{COPY.relative_to(ROOT)}: up to date ({len(template_files(COPY))} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
