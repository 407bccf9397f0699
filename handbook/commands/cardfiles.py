"""The file a card is written to: one name per card, never the name of another card.

`OUT/cards/SLUG.pdf` for a routine's card, `SLUG--NAME.pdf` for a patient's (NAME is the
name in plain ASCII letters, `name_slug`), and `-large` at the end for large print. A
slug has no double dash, so `--` always starts the patient's part; two things could
still end in the same name, and neither is left to chance:

- a routine named `X-large` beside a routine `X`: its card is `X-large.pdf`, the name of
  the large-print card of `X`. `card_file_clashes` names both files; `handbook check`
  reports it and `card` and `cards` refuse to print until one is renamed, so one card
  can never replace the other.
- a patient's name that ends in "large" (`X--ana-large.pdf` is also Ana's large-print
  card), or one cut short at 60 characters (two long names alike in their first 60):
  their NAME part ends in eight letters and digits made from the whole name, so each
  patient gets a file of their own.

Names that differ only in accents, capitals or punctuation ("José Pérez", "jose perez")
are one file: the same patient, typed twice. Two rows of one patients' file that would
share a file are refused by `handbook.commands.patients`, naming both.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from handbook.content.personal import GENERIC, Personal
from handbook.content.schema import SLUG_RE
from handbook.errors import HandbookError, Problem, display_path
from handbook.model import Content

CARDS_DIR = "cards"
LARGE_SUFFIX = "-large"
NAME_MOST = 60  # characters of a patient's name in a file name
_DIGEST = 8
_TRANSLITERATE = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "œ": "oe", "Œ": "oe",
                                "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "þ": "th", "Þ": "th", "ð": "d"})


def cards_folder(out_dir: Path) -> Path:
    return out_dir / CARDS_DIR


def name_slug(name: str) -> str:
    """A patient's name as a safe file-name part: "Ana María O'Neil" -> "ana-maria-o-neil".

    Accents are dropped, other letters spelled in ASCII where there is a usual way; what
    is left is lower-case letters, digits and single dashes, at most 60 characters. A name
    with no Latin letters at all gets a stable "patient-" name made from a hash of it; one
    cut short, or ending in "large", ends in a hash of the whole name (see the module).
    """
    flat = unicodedata.normalize("NFKD", name.translate(_TRANSLITERATE))
    ascii_only = "".join(c for c in flat if not unicodedata.combining(c)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only.lower()).strip("-")
    if not slug:
        return "patient-" + _digest(name)
    if len(slug) > NAME_MOST or slug.endswith(LARGE_SUFFIX):
        head = slug[:NAME_MOST - _DIGEST - 1]
        if len(slug) > len(head):  # cut at a dash where there is one: whole words only
            head = head.rsplit("-", 1)[0] or head
        slug = f"{head.strip('-')}-{_digest(slug)}"
    return slug


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:_DIGEST]


def card_path(out_dir: Path, slug: str, personal: Personal = GENERIC, large_print: bool = False) -> Path:
    """`OUT/cards/SLUG.pdf`, or `OUT/cards/SLUG--NAME.pdf` for a patient; never outside OUT/cards.

    Large print ends the name in `-large`: `SLUG-large.pdf`, `SLUG--NAME-large.pdf`.
    """
    if not SLUG_RE.fullmatch(slug):  # checked by the callers already; a path is never built from a bad slug
        raise HandbookError(f"'{slug}' is not a routine name")
    stem = slug if not personal.name else f"{slug}--{name_slug(personal.name)}"
    return cards_folder(out_dir) / f"{stem}{LARGE_SUFFIX if large_print else ''}.pdf"


def card_file_clashes(content: Content) -> list[Problem]:
    """An error at each routine whose card would have the file name of another routine's large-print card."""
    files = {routine.slug: routine.file for routine in content.routines}
    problems = []
    for routine in content.routines:
        other = routine.slug.removesuffix(LARGE_SUFFIX)
        if other != routine.slug and other in files:
            problems.append(Problem(routine.file, 0, 0, "", f"its card, {CARDS_DIR}/{routine.slug}.pdf, would have "
                                                            f"the file name of the large-print card of "
                                                            f"{display_path(files[other])}; rename one of the two"))
    return problems
