"""Refresh the generated copies of the content: JSON Schemas and the packaged sample.

Run after changing the field tables (handbook/content/fields.py) or anything in routines/:

    python scripts/sync_sample.py

It writes routines/schema/*.schema.json from the field tables, then copies routines/
to handbook/sample/ (what `handbook init` installs). tests/test_sample.py fails when
either copy is stale, so the two cannot drift apart unnoticed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from handbook.commands.scaffold import schema_text

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "routines"
SAMPLE = REPO / "handbook" / "sample"
KINDS = ("routine", "faq", "book", "plan")


def main() -> None:
    schema_dir = CONTENT / "schema"
    schema_dir.mkdir(exist_ok=True)
    for kind in KINDS:
        (schema_dir / f"{kind}.schema.json").write_text(schema_text(kind), encoding="utf-8")
    if SAMPLE.exists():
        shutil.rmtree(SAMPLE)
    shutil.copytree(CONTENT, SAMPLE, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"))
    print(f"wrote {schema_dir.relative_to(REPO)}/ and {SAMPLE.relative_to(REPO)}/")


if __name__ == "__main__":
    main()
