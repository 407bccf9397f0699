"""Render the README's thumbnails: a few pages of the built PDFs, as PNGs in docs/img/.

Build first, then run, and commit the PNGs with the layout change that altered them:

    handbook build && handbook cards && handbook plan docs/example-plan.yaml && python scripts/thumbnails.py

Pages are found by their bookmarks, not by number, so the shots stay the cover, the
contents, the first routine and the questions however long the book grows. To add a
shot (a card, say), add a `Shot` to SHOTS. Rendering uses pypdfium2 (in the test extra);
the output is deterministic, so an unchanged layout gives unchanged files.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
from pypdf import PdfReader

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "img"
WIDTH = 420  # pixels: four side by side fill a README column on a wide screen
HANDBOOK = REPO / "output" / "handbook.pdf"
PLAN = REPO / "output" / "plans" / "example-plan.pdf"  # handbook plan docs/example-plan.yaml

PageFinder = Callable[[PdfReader], int]  # -> 0-based page index


def first_page() -> PageFinder:
    return lambda reader: 0


def bookmark(title: str) -> PageFinder:
    """The page a top-level bookmark opens."""

    def find(reader: PdfReader) -> int:
        for item in reader.outline:
            if not isinstance(item, list) and item.title == title:
                return int(reader.get_destination_page_number(item))
        raise SystemExit(f"no bookmark {title!r} in the PDF; rebuild it")

    return find


def bookmark_starting(prefix: str) -> PageFinder:
    """The page of the first top-level bookmark whose title starts with `prefix` (a programme's first card)."""

    def find(reader: PdfReader) -> int:
        for item in reader.outline:
            if not isinstance(item, list) and item.title.startswith(prefix):
                return int(reader.get_destination_page_number(item))
        raise SystemExit(f"no bookmark starting {prefix!r} in the PDF; rebuild it")

    return find


def first_under(title: str) -> PageFinder:
    """The page of the first bookmark nested under a top-level one (the first routine)."""

    def find(reader: PdfReader) -> int:
        items = list(reader.outline)
        for index, item in enumerate(items):
            if not isinstance(item, list) and item.title == title and index + 1 < len(items):
                children = items[index + 1]
                if isinstance(children, list) and children:
                    return int(reader.get_destination_page_number(children[0]))
        raise SystemExit(f"no bookmark under {title!r} in the PDF; rebuild it")

    return find


@dataclass(frozen=True)
class Shot:
    """One thumbnail: which PDF, which page, which file."""

    png: str
    pdf: Path
    page: PageFinder


SHOTS = [
    Shot("handbook-cover.png", HANDBOOK, first_page()),
    Shot("handbook-contents.png", HANDBOOK, bookmark("Contents")),
    Shot("handbook-routine.png", HANDBOOK, first_under("Exercise routines")),
    Shot("handbook-questions.png", HANDBOOK, bookmark("Questions and answers")),
    Shot("card-psoas-release.png", REPO / "output" / "cards" / "psoas-release.pdf", first_page()),  # handbook cards
    Shot("card-psoas-release-back.png", REPO / "output" / "cards" / "psoas-release.pdf", lambda reader: 1),
    Shot("plan-first-page.png", PLAN, first_page()),
    Shot("plan-card.png", PLAN, bookmark_starting("1. ")),
    Shot("plan-log.png", PLAN, bookmark("Weekly log")),
]


def render(pdf: Path, index: int, png: Path, width: int = WIDTH) -> None:
    """Render one page to a PNG `width` pixels wide, with a thin grey border like a sheet of paper."""
    from PIL import ImageOps

    page = pypdfium2.PdfDocument(pdf)[index]
    image = page.render(scale=width / page.get_width()).to_pil().convert("RGB")
    ImageOps.expand(image, border=1, fill=(170, 170, 170)).save(png, optimize=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNGs (default docs/img)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for shot in SHOTS:
        if not shot.pdf.is_file():
            sys.exit(f"{shot.pdf.relative_to(REPO)} is missing; build it first (see the top of this script)")
        index = shot.page(PdfReader(shot.pdf))
        render(shot.pdf, index, args.out / shot.png)
        print(f"wrote {(args.out / shot.png).relative_to(REPO) if args.out.is_relative_to(REPO) else args.out}"
              f" (page {index + 1} of {shot.pdf.name})")


if __name__ == "__main__":
    main()
