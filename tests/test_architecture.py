"""The package keeps its stages: the import-linter contracts in pyproject.toml hold.

Imports run one way (cli -> web -> commands -> layout | checks | output | content -> pdf -> model),
reading and checking content never import reportlab or the layout, only the web front end imports
Flask, and no folder has an import circle. A change that breaks one fails here with import-linter's report of the
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
    assert "Contracts: 4 kept, 0 broken." in result.stdout


def test_every_module_of_the_package_is_in_a_stage() -> None:
    """Nothing new lands beside the cli package and errors.py: a module belongs to a stage's folder."""
    top = sorted(p.name for p in (REPO / "handbook").glob("*.py"))
    assert top == ["__init__.py", "__main__.py", "errors.py"]
    assert (REPO / "handbook" / "cli" / "__init__.py").is_file()


def test_only_serve_imports_flask() -> None:
    """The command line imports handbook.web (and so Flask) inside `handbook serve` only."""
    code = ("import sys; from click.testing import CliRunner; from handbook.cli import cli; "
            "CliRunner().invoke(cli, ['plan', '--help']); CliRunner().invoke(cli, ['serve', '--help']); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('flask', 'jinja2', 'werkzeug') "
            "or m.startswith('handbook.web')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
