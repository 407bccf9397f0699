"""Synthetic content in the real schema, for benchmarks: N routines, FAQ entries per routine.

    python benchmarks/synthetic.py /tmp/bench-200 200

The text is placeholder prose of realistic length (plain words, short sentences), not
medical advice. Every value passes the loader, so a build of this folder exercises the
same code as a clinic's content. Output is deterministic for a given size.

How it compares with the bundled routines (checked when this was written): a synthetic
routine has 6 to 9 one-sentence steps of 6 to 12 words, 3 tips, 2 things to avoid and
the usual 3 stop items, about 165 words in all (the bundled ones: 5 to 7 steps, 3 to 5
tips, about 220 words); every other routine has a link (a QR code), every tenth a
picture. An FAQ answer has one or two paragraphs, about 60 words (bundled: about 55).
At the handbook's type (14 pt body on a 396 pt column, headings from 17 to 26 pt) and
with every chapter on a new page, that is about 2 pages a routine (the bundled ones
take 2.25) and 3.6 questions a page: 697 pages for 200 routines with 5 questions each.
The issue's reference book of about 160 pages for the same content is set much smaller
and runs on without page breaks; the content, not the page count, is what compares.
"""

from __future__ import annotations

import argparse
import random
import struct
import zlib
from pathlib import Path

WORDS = (
    "slowly", "gently", "breathe", "relax", "hold", "knee", "hip", "back", "foot", "hand", "floor", "pillow",
    "towel", "chair", "wall", "lie", "sit", "stand", "turn", "lift", "lower", "press", "soften", "let", "go",
    "side", "front", "muscle", "stretch", "easy", "calm", "steady", "feel", "notice", "rest", "shoulder",
    "arm", "leg", "belly", "ribs", "spine", "head", "neck", "pull", "push", "move", "keep",
)

ROUTINES_PER_TOPIC = 10


def _sentence(rng: random.Random, low: int = 6, high: int = 12) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def _sentences(rng: random.Random, count: int) -> str:
    return " ".join(_sentence(rng) for _ in range(count))


def _quote(text: str) -> str:
    """A YAML double-quoted scalar (our text has no quotes or backslashes)."""
    return '"' + text + '"'


def _png(width: int = 8, height: int = 6) -> bytes:
    """A tiny grey PNG, made without an imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes([150 + (x * 10) % 100 for x in range(width)]) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def _routine(rng: random.Random, number: int, topic: str) -> str:
    lines = [
        f"title: {_quote(f'Routine {number}: ' + _sentence(rng, 2, 4)[:-1])}",
        f"summary: {_quote(_sentences(rng, 2))}",
        f"when: {_quote(_sentence(rng))}",
        f"dose: {{hold_seconds: {rng.choice([10, 20, 30])}, reps: {rng.randint(3, 10)}, "
        f"times_per_day: {rng.randint(1, 3)}, per_side: {'true' if number % 2 else 'false'}}}",
        "equipment: [a pillow, a folded towel]",
        "steps:",
        *[f"  - {_quote(_sentence(rng))}" for _ in range(rng.randint(5, 8))],
        f"  - text: {_quote(_sentence(rng))}",
        "    hold_seconds: 30",
        "tips:",
        *[f"  - {_quote(_sentence(rng))}" for _ in range(3)],
        "avoid:",
        *[f"  - {_quote(_sentence(rng))}" for _ in range(2)],
        "stop_if:",
        "  - It hurts more while you do it or afterwards.",
        "  - Your symptoms get worse over the next days.",
        "  - You are not sure you are doing it right.",
        "sources:",
        f"  - title: {_quote(f'Source document {number % 7 + 1}')}",
        f"    note: {_quote(_sentence(rng))}",
        f"related_faq: [{topic}]",
        "version: 1",
    ]
    if number % 2 == 0:
        lines.append(f"link: https://example.org/videos/routine-{number}")
    if number % 10 == 0:
        lines += ["picture:", "  file: images/placeholder.png", f"  caption: {_quote(_sentence(rng, 4, 8))}"]
    return "\n".join(lines) + "\n"


def _topic(rng: random.Random, number: int, slugs: list[str], per_routine: int) -> str:
    lines = [
        f"title: {_quote(f'Questions on group {number}')}",
        f"intro: {_quote(_sentences(rng, 2))}",
        "questions:",
    ]
    for slug in slugs:
        for _ in range(per_routine):
            paragraphs = [_sentences(rng, rng.randint(3, 6)) for _ in range(rng.randint(1, 2))]
            lines.append(f"  - question: {_quote(_sentence(rng, 5, 9)[:-1] + '?')}")
            lines.append("    answer: |")
            lines += ["      " + p if p else "" for p in "\n\n".join(paragraphs).split("\n")]
            lines.append(f"    see: [{slug}]")
    lines += ["sources:", f"  - title: {_quote(f'Collected answers, group {number}')}"]
    return "\n".join(lines) + "\n"


def write_content(root: Path, routines: int, faq_per_routine: int = 5) -> None:
    """Write a valid content folder with `routines` routines and FAQ topics of 10 routines each."""
    rng = random.Random(routines * 1000 + faq_per_routine)
    (root / "faq").mkdir(parents=True, exist_ok=True)
    (root / "images").mkdir(exist_ok=True)
    (root / "images" / "placeholder.png").write_bytes(_png())
    slugs = [f"routine-{n:04d}" for n in range(1, routines + 1)]
    topics = [f"group-{n:03d}" for n in range(1, (routines + ROUTINES_PER_TOPIC - 1) // ROUTINES_PER_TOPIC + 1)]
    for index, slug in enumerate(slugs):
        topic = topics[index // ROUTINES_PER_TOPIC]
        (root / f"{slug}.yaml").write_text(_routine(rng, index + 1, topic), encoding="utf-8")
    if faq_per_routine:
        for index, topic in enumerate(topics):
            group = slugs[index * ROUTINES_PER_TOPIC:(index + 1) * ROUTINES_PER_TOPIC]
            (root / "faq" / f"{topic}.yaml").write_text(_topic(rng, index + 1, group, faq_per_routine),
                                                         encoding="utf-8")
    else:
        topics = []
    book = [
        "title: Synthetic benchmark handbook",
        "subtitle: Generated content of realistic length",
        'edition: "Benchmark edition"',
        "language: en",
        "paper: a4",
        "clinic:",
        "  name: Benchmark Clinic",
        '  phone: "555-0199"',
        "  website: https://example.org",
        "reviewed: {by: A. Benchmark, on: 2026-11-01}",
        f"routines: [{', '.join(slugs)}]",
        f"faq: [{', '.join(topics)}]",
    ]
    for stale in (root / "faq").glob("*.yaml"):
        if stale.stem not in topics:
            stale.unlink()
    (root / "book.yaml").write_text("\n".join(book) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("routines", type=int)
    parser.add_argument("--faq-per-routine", type=int, default=5)
    args = parser.parse_args()
    write_content(args.folder, args.routines, args.faq_per_routine)
    print(f"wrote {args.folder} ({args.routines} routines)")


if __name__ == "__main__":
    main()
