"""kinerja's own processes leave out jsonschema's IRI grammar (kinerja.support.imports), and
notebook validation still works without it. Each check runs in a fresh interpreter: the module
marks the process it runs in."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest


def python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_marked_before_nbformat_validation_still_works():
    out = python("""
        import sys
        from kinerja.support import imports
        print(imports.skip_iri_grammar(), imports.skip_iri_grammar())
        import nbformat
        print(sys.modules["rfc3987_syntax"] is None, "lark" in sys.modules)
        good = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")])
        nbformat.validate(good)
        bad = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")])
        bad.cells[0]["cell_type"] = "kode"
        try:
            nbformat.validate(bad)
        except nbformat.ValidationError:
            print("invalid found")
    """)
    assert out.splitlines() == ["True True", "True False", "invalid found"]


def test_too_late_changes_nothing():
    out = python("""
        import sys
        import jsonschema
        before = sys.modules.get("rfc3987_syntax", "absent")
        from kinerja.support import imports
        print(imports.skip_iri_grammar(), sys.modules.get("rfc3987_syntax", "absent") is before)
    """)
    assert out == "False True"


@pytest.mark.parametrize("start", [
    "from kinerja import cli\ntry:\n    cli.main(['--version'])\nexcept SystemExit:\n    pass",
    "from kinerja.run import kernel\nkernel.start_worker('.', 0, None)",
], ids=["cli", "worker"])
def test_cli_and_workers_mark_it(start):
    out = python(start + "\nimport sys, papermill.execute, nbclient\n"
                 "print(sys.modules.get('rfc3987_syntax', 'absent') is None, 'lark' in sys.modules)")
    assert out.splitlines()[-1] == "True False"
