"""QR codes made by a helper process while `handbook cards` reads and checks the content.

A routine's link is printed as a QR code on its card, and segno takes a few milliseconds a
code (it chooses the mask by the standard's penalty rules, in Python): for a clinic's 200
routines, as long as reading and checking them. Reading runs on one core while the other
waits, so a helper process (`output.pool.start_helper`) reads each routine file's `link:`
(a quick read with PyYAML, not the checked one) and makes its code meanwhile; the codes it
has made when the content is checked are kept (`layout.qr.remember`) before the cards are
drawn, and the card workers, forked after, have them too.

A code is kept under the exact text of the link it encodes, made by the same function
(`layout.qr.qr_modules`), so the helper can only save time: a link it did not get to, or
read differently from the checked content, is made when its card is drawn, as without it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from handbook.content.loader import SUFFIXES

MANY = 24  # routine files: from this many (the card pool's `POOL_MIN`), a helper is worth starting
Packed = tuple[str, int, tuple[int, ...]]  # link, width, one number per row (its dark modules as bits)


@contextlib.contextmanager
def made_meanwhile(content_dir: Path) -> Iterator[None]:
    """Make the QR codes of the folder's links in a helper while the block runs; keep what it made."""
    helper = None
    if _routine_files(content_dir) >= MANY:
        from handbook.output.pool import start_helper  # here: multiprocessing is 20 ms a small build need not pay

        helper = start_helper(_codes, content_dir)
    if helper is None:
        yield
        return
    try:
        yield
    except BaseException:
        helper.stop()
        raise
    from handbook.layout.qr import remember

    for link, width, rows in helper.take():
        remember(link, tuple(tuple(bool(row >> (width - 1 - column) & 1) for column in range(width))
                             for row in rows))


def _routine_files(content_dir: Path) -> int:
    try:
        with os.scandir(content_dir) as entries:
            return sum(1 for entry in entries if entry.name.endswith(SUFFIXES))
    except OSError:
        return 0


def _codes(content_dir: Path) -> Iterator[Packed]:
    """In the helper: each routine file's link and its code, packed small (the pipe holds 64 KB).

    Only what the checked read would read: a regular file inside the folder, at most
    `MAX_BYTES` of it (a link to a device or a huge file is skipped, never read to the end).
    """
    import yaml

    from handbook.content.folder import leads_outside
    from handbook.content.yamlread import MAX_BYTES
    from handbook.layout.qr import qr_modules

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in sorted(content_dir.iterdir()):
        if path.suffix not in SUFFIXES or path.stem == "book":
            continue
        try:
            if not path.is_file() or leads_outside(path, content_dir):
                continue
            with path.open("rb") as handle:
                text = handle.read(MAX_BYTES + 1)
            if len(text) > MAX_BYTES:
                continue
            data = yaml.load(text, Loader=loader)  # a safe loader: plain values only
            link = data.get("link") if isinstance(data, dict) else None
            if not isinstance(link, str) or not link:
                continue
            modules = qr_modules(link)
        except Exception:  # noqa: BLE001 - the checked read says what is wrong with the file
            continue
        yield link, len(modules), tuple(int("".join("1" if dark else "0" for dark in row), 2) for row in modules)
