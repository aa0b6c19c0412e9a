"""Start-up cost of kinerja's own processes: imports they never use, left out.

Papermill and nbclient import nbformat, which imports jsonschema; jsonschema, when the optional
``rfc3987-syntax`` package is installed (it is whenever JupyterLab is: jupyter-events asks for
``jsonschema[format-nongpl]``), builds an Earley grammar for its ``iri`` format checks while it
is imported: about 1,2 CPU seconds in every process that imports nbformat, more than running an
OPD page. kinerja never checks the ``iri`` format (nbformat validates notebooks without a format
checker), so its own processes (the CLI, the runner's workers) mark that module as absent before
anything imports jsonschema: jsonschema then leaves those two format checks out, as it does when
the package is not installed. Kernels, where analysts run their own code, are never changed.
"""

from __future__ import annotations

import sys

#: The optional module of jsonschema whose import compiles a grammar (``iri`` format checks only).
IRI_GRAMMAR = "rfc3987_syntax"


def skip_iri_grammar() -> bool:
    """Mark :data:`IRI_GRAMMAR` as absent in this process, unless it or jsonschema is imported
    already (then nothing changes); returns whether it is marked absent. Idempotent."""
    if IRI_GRAMMAR in sys.modules:
        return sys.modules[IRI_GRAMMAR] is None
    if "jsonschema" in sys.modules:
        return False  # too late: jsonschema has looked for it
    sys.modules[IRI_GRAMMAR] = None  # an import of it raises ImportError, which jsonschema expects
    return True
