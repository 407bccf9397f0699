"""The code stays clean under the ruff configuration in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def test_ruff_is_clean() -> None:
    # Run as a module of this interpreter: ruff comes with the test extra, so a missing ruff
    # fails here ("No module named ruff") instead of passing quietly as a skip.
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--output-format", "concise", "."], cwd=REPO,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
