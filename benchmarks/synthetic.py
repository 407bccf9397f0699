"""Synthetic content in the real schema, for benchmarks: N routines, FAQ entries per routine.

    python benchmarks/synthetic.py /tmp/bench-200 200
    python benchmarks/synthetic.py /tmp/bench-200 200 --faq-per-routine 5 --pose-share 0.8
    handbook check --content /tmp/bench-200          # passes: 0 errors

The text is placeholder prose of realistic length (plain words, short sentences), not
medical advice. Every value passes the loader, so a build of this folder exercises the
same code as a clinic's content. Output is deterministic for a given size and options.

Laid out like the bundled routines (routines/*.yaml, routines/faq/*.yaml): folded
`>-` summaries, a dose of varied kinds (hold seconds, minutes, weeks, a range such as
[20, 30], per side), equipment, 5 to 7 steps, 3 to 5 tips, 2 or 3 things to avoid, the
usual 3 stop items, sometimes a caution, sources with notes, related FAQ topics, a
version and a review. A routine is about 235 words (bundled: about 285, counting every
text value the same way).

Pictures, as the format allows them:

- a pose (`figure:`) beside most steps: each step has one with probability
  `--pose-share` (default 0.8; the bundled routines have one on 6 of their 24 steps, a
  clinic's handbook on most). All ten built-in poses are used, in the short form
  (`figure: lying-back-pillow-knees`), the long form with a caption, and now and then
  with `arrows: false`;
- raster pictures: every 4th routine has a PNG beside one step instead of a pose, and
  every 10th a PNG of the whole routine (`picture:` at the top); four distinct
  360 x 240 RGB files in images/;
- SVG drawings: every 3rd routine has an SVG beside one step (three distinct files in
  images/, line art with a label, about 20 elements each).

Every other routine has a link (printed with a QR code). An FAQ answer has one or two
paragraphs, about 60 words (bundled: about 55); most answers point to a routine.
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

# The built-in poses (handbook/figures/*.yaml; `handbook figures` draws them all). A name
# that is not a pose makes `handbook check` fail, so a renamed pose is caught at once.
POSES = (
    "face-down-roller-hip", "half-kneeling-lunge", "lying-back-knees-bent", "lying-back-pillow-knees",
    "lying-back-pillow-warm-pack", "side-lying-pillow-knees", "sitting-ball", "sitting-chair", "standing-tall",
    "standing-wall",
)
EQUIPMENT = ("a pillow", "a folded towel", "a foam roller", "a chair", "an exercise ball", "a warm pack", "a mat")
STOP_IF = (
    "It hurts more while you do it or afterwards.",
    "Your symptoms get worse over the next days.",
    "You are not sure you are doing it right.",
)
PNG_FILES = 4  # images/photo-1.png ... distinct raster pictures
SVG_FILES = 3  # images/drawing-1.svg ...
ROUTINES_PER_TOPIC = 10
POSE_SHARE = 0.8


def _sentence(rng: random.Random, low: int = 6, high: int = 12) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def _sentences(rng: random.Random, count: int) -> str:
    return " ".join(_sentence(rng) for _ in range(count))


def _quote(text: str) -> str:
    """A YAML double-quoted scalar (our text has no quotes or backslashes)."""
    return '"' + text + '"'


def _folded(key: str, text: str, indent: str = "") -> list[str]:
    """`key: >-` and the text folded over lines of about 70 characters, as the bundled files write it."""
    lines, line = [f"{indent}{key}: >-"], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > 70:
            lines.append(f"{indent}  {line}")
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(f"{indent}  {line}")
    return lines


# --- pictures --------------------------------------------------------------------------


def _png(seed: int, width: int = 360, height: int = 240) -> bytes:
    """An RGB PNG, made without an imaging library: soft gradients and a few blocks, like a simple photo."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rng = random.Random(seed)
    blocks = [(rng.randrange(width), rng.randrange(height), rng.randint(30, 90), rng.randint(20, 70),
               rng.randrange(256)) for _ in range(6)]
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter: none
        for x in range(width):
            r, g, b = 120 + x * 100 // width, 140 + y * 80 // height, 180 - (x + y) * 60 // (width + height)
            for bx, by, bw, bh, shade in blocks:
                if bx <= x < bx + bw and by <= y < by + bh:
                    r, g, b = shade, (shade + 60) % 256, (shade + 120) % 256
            rows += bytes((r, g, b))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 6))
            + chunk(b"IEND", b""))


def _svg(seed: int) -> str:
    """A small line drawing with a label: a stick figure on a mat, as a clinic might export one."""
    rng = random.Random(seed)
    lean = rng.randint(-12, 12)
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 160" width="240" height="160">',
        '  <rect x="0" y="0" width="240" height="160" fill="white"/>',
        '  <rect x="20" y="140" width="200" height="6" rx="3" fill="none" stroke="black" stroke-width="2"/>',
        f'  <circle cx="{120 + lean}" cy="34" r="14" fill="white" stroke="black" stroke-width="3"/>',
        f'  <line x1="{120 + lean}" y1="48" x2="120" y2="96" stroke="black" stroke-width="4"'
        ' stroke-linecap="round"/>',
        '  <polyline points="120,96 100,118 92,140" fill="none" stroke="black" stroke-width="4"'
        ' stroke-linecap="round" stroke-linejoin="round"/>',
        '  <polyline points="120,96 142,118 150,140" fill="none" stroke="black" stroke-width="4"'
        ' stroke-linecap="round" stroke-linejoin="round"/>',
        f'  <polyline points="{120 + lean},60 96,80 88,100" fill="none" stroke="black" stroke-width="3"'
        ' stroke-linecap="round"/>',
        f'  <polyline points="{120 + lean},60 146,78 158,96" fill="none" stroke="black" stroke-width="3"'
        ' stroke-linecap="round"/>',
        '  <path d="M 170 40 C 190 50, 195 70, 185 90" fill="none" stroke="black" stroke-width="2"/>',
        '  <polygon points="185,90 178,80 192,82" fill="black"/>',
        '  <g stroke="grey" stroke-width="1">',
        *[f'    <line x1="{x}" y1="146" x2="{x + 8}" y2="154"/>' for x in range(24, 216, 24)],
        "  </g>",
        f'  <text x="176" y="30" font-size="12" font-family="sans-serif">Step {seed}</text>',
        "</svg>",
    ]
    return "\n".join(parts) + "\n"


def _figure(rng: random.Random, indent: str) -> list[str]:
    """A step's `figure:` in one of the forms the bundled routines use."""
    pose = rng.choice(POSES)
    form = rng.random()
    if form < 0.4:
        return [f"{indent}figure: {pose}"]
    if form < 0.85:
        return [f"{indent}figure: {{pose: {pose}, caption: {_quote(_sentence(rng, 4, 9)[:-1])}}}"]
    return [f"{indent}figure:", f"{indent}  pose: {pose}", f"{indent}  caption: {_quote(_sentence(rng, 5, 10))}",
            f"{indent}  arrows: false"]


def _picture(kind: str, number: int, rng: random.Random, indent: str) -> list[str]:
    file = (f"images/photo-{number % PNG_FILES + 1}.png" if kind == "png"
            else f"images/drawing-{number % SVG_FILES + 1}.svg")
    return [f"{indent}picture:", f"{indent}  file: {file}", f"{indent}  caption: {_quote(_sentence(rng, 4, 8))}"]


# --- routines and FAQ topics -----------------------------------------------------------


def _dose(rng: random.Random, number: int) -> list[str]:
    kind = number % 4
    side = "true" if number % 2 else "false"
    if kind == 0:
        return ["dose:", f"  hold_seconds: {rng.choice([10, 20, 30])}", f"  reps: {rng.randint(3, 10)}",
                f"  times_per_day: {rng.randint(1, 3)}", f"  per_side: {side}"]
    if kind == 1:
        return ["dose:", f"  minutes: [{rng.choice([10, 15])}, {rng.choice([20, 30])}]", "  days_per_week: 7",
                f"  note: {_quote(_sentence(rng))}"]
    if kind == 2:
        return ["dose:", "  hold_seconds: [20, 30]", f"  per_side: {side}", f"  note: {_quote(_sentence(rng))}"]
    return ["dose:", "  weeks: [6, 8]", f"  per_side: {side}", "  note: >-", f"    {_sentence(rng)}",
            f"    {_sentence(rng)}"]


def _steps(rng: random.Random, number: int, pose_share: float) -> list[str]:
    count = rng.randint(5, 7)
    special = {}  # step index -> "png" or "svg": a picture file instead of a pose
    if number % 4 == 0:
        special[rng.randrange(count)] = "png"
    if number % 3 == 0:
        special[rng.randrange(count)] = "svg"
    lines = ["steps:"]
    for index in range(count):
        text = _sentence(rng)
        hold = rng.random() < 0.15
        if index in special:
            lines += [f"  - text: {_quote(text)}", *_picture(special[index], number + index, rng, "    ")]
        elif rng.random() < pose_share:
            lines += [f"  - text: {_quote(text)}", *_figure(rng, "    ")]
        elif hold:
            lines += [f"  - text: {_quote(text)}"]
        else:
            lines.append(f"  - {_quote(text)}")
            continue
        if hold:
            lines.append(f"    hold_seconds: {rng.choice(['30', '[20, 30]'])}")
    return lines


def _routine(rng: random.Random, number: int, topic: str, pose_share: float) -> str:
    equipment = rng.sample(EQUIPMENT, rng.randint(0, 2))
    lines = [
        f"title: {_quote(f'Routine {number}: ' + _sentence(rng, 2, 4)[:-1])}",
        *_folded("summary", _sentences(rng, 2)),
        *_folded("when", _sentences(rng, rng.randint(1, 2))),
        *_dose(rng, number),
        "equipment: []" if not equipment else "equipment:",
        *[f"  - {item}" for item in equipment],
        *_steps(rng, number, pose_share),
        "tips:",
        *[f"  - {_quote(_sentence(rng))}" for _ in range(rng.randint(3, 5))],
        "avoid:",
        *[f"  - {_quote(_sentence(rng))}" for _ in range(rng.randint(2, 3))],
        "stop_if:",
        *[f"  - {item}" for item in STOP_IF],
    ]
    if number % 3 == 1:
        lines += _folded("caution", _sentences(rng, 3))
    if number % 2 == 0:
        lines.append(f"link: https://example.org/videos/routine-{number}")
    if number % 10 == 0:
        lines += _picture("png", number, rng, "")
    lines += [
        "sources:",
        f"  - title: {_quote(f'Source document {number % 7 + 1}')}",
        f"    note: {_quote(_sentence(rng))}",
        f"related_faq: [{topic}]",
        "version: 1",
        'reviewed: {by: "A. Benchmark, physiotherapist", on: 2026-11-01}',
    ]
    return "\n".join(lines) + "\n"


def _topic(rng: random.Random, number: int, slugs: list[str], per_routine: int) -> str:
    lines = [
        f"title: {_quote(f'Questions on group {number}')}",
        *_folded("intro", _sentences(rng, 2)),
        "questions:",
    ]
    for slug in slugs:
        for _ in range(per_routine):
            paragraphs = [_sentences(rng, rng.randint(3, 6)) for _ in range(rng.randint(1, 2))]
            lines.append(f"  - question: {_quote(_sentence(rng, 5, 9)[:-1] + '?')}")
            lines.append("    answer: |")
            lines += ["      " + p if p else "" for p in "\n\n".join(paragraphs).split("\n")]
            if rng.random() < 0.7:
                lines.append(f"    see: [{slug}]")
    lines += ["sources:", f"  - title: {_quote(f'Collected answers, group {number}')}"]
    return "\n".join(lines) + "\n"


def write_content(root: Path, routines: int, faq_per_routine: int = 5, pose_share: float = POSE_SHARE) -> None:
    """Write a valid content folder: `routines` routines, FAQ topics of 10 routines each, the pictures."""
    rng = random.Random(routines * 1000 + faq_per_routine)
    (root / "faq").mkdir(parents=True, exist_ok=True)
    (root / "images").mkdir(exist_ok=True)
    for n in range(1, PNG_FILES + 1):
        (root / "images" / f"photo-{n}.png").write_bytes(_png(n))
    for n in range(1, SVG_FILES + 1):
        (root / "images" / f"drawing-{n}.svg").write_text(_svg(n), encoding="utf-8")
    slugs = [f"routine-{n:04d}" for n in range(1, routines + 1)]
    topics = [f"group-{n:03d}" for n in range(1, (routines + ROUTINES_PER_TOPIC - 1) // ROUTINES_PER_TOPIC + 1)]
    for index, slug in enumerate(slugs):
        topic = topics[index // ROUTINES_PER_TOPIC]
        (root / f"{slug}.yaml").write_text(_routine(rng, index + 1, topic, pose_share), encoding="utf-8")
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
        "  email: hello@example.org",
        "  website: https://example.org",
        '  address: "1 Sample Street, Sampletown"',
        "reviewed: {by: A. Benchmark, on: 2026-11-01}",
        f"routines: [{', '.join(slugs)}]",
        f"faq: [{', '.join(topics)}]",
    ]
    for stale in (root / "faq").glob("*.yaml"):
        if stale.stem not in topics:
            stale.unlink()
    for stale in root.glob("routine-*.yaml"):
        if stale.stem not in slugs:
            stale.unlink()
    (root / "book.yaml").write_text("\n".join(book) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("routines", type=int)
    parser.add_argument("--faq-per-routine", type=int, default=5)
    parser.add_argument("--pose-share", type=float, default=POSE_SHARE,
                        help="the chance that a step has a pose beside it (default %(default)s)")
    args = parser.parse_args()
    write_content(args.folder, args.routines, args.faq_per_routine, args.pose_share)
    print(f"wrote {args.folder} ({args.routines} routines)")


if __name__ == "__main__":
    main()
