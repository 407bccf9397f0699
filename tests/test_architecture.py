"""The package keeps its stages: the import-linter contracts in pyproject.toml hold.

Imports run one way (cli -> commands -> layout | checks | output | content -> pdf -> model),
reading and checking content never import reportlab or the layout, and no folder has an
import circle. A change that breaks one fails here with import-linter's report of the
offending import chain.
"""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def test_the_import_contracts_hold() -> None:
    # import-linter comes with the test extra; run by this interpreter so a missing one fails.
    result = subprocess.run([sys.executable, "-c", "import sys; from importlinter.cli import lint_imports; "
                             "sys.exit(lint_imports(no_cache=True))"],
                            cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken." in result.stdout


def test_every_module_of_the_package_is_in_a_stage() -> None:
    """Nothing new lands beside the cli package and errors.py: a module belongs to a stage's folder."""
    top = sorted(p.name for p in (REPO / "handbook").glob("*.py"))
    assert top == ["__init__.py", "__main__.py", "errors.py"]
    assert (REPO / "handbook" / "cli" / "__init__.py").is_file()
