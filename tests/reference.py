"""Reference PDFs: a few outputs kept in tests/data/reference/, compared byte for byte after normalising.

Normalised as fpdf2 does with qpdf: QDF form (streams uncompressed, one object per line,
a fixed document ID), so that when a reference no longer matches, `diff` of the two
files shows what changed in words and operators, not in compressed bytes. Rendered under
a fixed SOURCE_DATE_EPOCH, so the date never differs.

When a change to the output is intended, look at the new PDFs as a patient would, then
write them again: `python -m tests.reference` (from the repository's top folder).
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pikepdf

from handbook.commands.printing import load_for_print
from handbook.layout.book.story import render_handbook
from handbook.layout.card import render_card, request_for

DATA = Path(__file__).resolve().parent / "data"
FOLDER = DATA / "reference"
EPOCH = "1800000000"  # 15 January 2027


def normalised(pdf: bytes) -> bytes:
    """`pdf` in qpdf's QDF form with a fixed ID: the same PDF gives the same bytes."""
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf)) as document:
        document.save(out, qdf=True, static_id=True, object_stream_mode=pikepdf.ObjectStreamMode.disable,
                      normalize_content=True)
    return out.getvalue()


def _handbook() -> bytes:
    return render_handbook(load_for_print(DATA / "minimal"), "a4").data


def _card() -> bytes:
    content = load_for_print(DATA / "sample")
    return render_card(request_for(content, content.routine("psoas-release"), "a4"))


def _large_a5_card() -> bytes:
    content = load_for_print(DATA / "minimal")
    return render_card(request_for(content, content.routine("knee-hold"), "a5", large_print=True))


REFERENCES: dict[str, Callable[[], bytes]] = {
    "handbook-minimal-a4.pdf": _handbook,
    "card-psoas-release-a4.pdf": _card,
    "card-knee-hold-a5-large.pdf": _large_a5_card,
}


def render(name: str) -> bytes:
    """The reference `name` as the code makes it now, normalised."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        return normalised(REFERENCES[name]())
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def main() -> None:
    FOLDER.mkdir(exist_ok=True)
    for name in REFERENCES:
        (FOLDER / name).write_bytes(render(name))
        print(f"wrote {FOLDER / name}")
    shutil.rmtree(FOLDER / "__pycache__", ignore_errors=True)


if __name__ == "__main__":
    main()
