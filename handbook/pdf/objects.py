"""How reportlab encodes the streams of a PDF: compressed and binary, or ASCII85 text where it must be."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from reportlab import rl_config


def binary_streams() -> contextlib.AbstractContextManager[None]:
    """Streams compressed but not ASCII85-encoded while a PDF is made: smaller files, and no
    pure-Python base-85 encoding (about 2 ms a card)."""
    return _ascii85(False)


def text_streams() -> contextlib.AbstractContextManager[None]:
    """Inside `binary_streams`: what is drawn here is ASCII85-encoded again. An image drawn
    inline in a page's content (an SVG's embedded picture) must be text there."""
    return _ascii85(True)


@contextlib.contextmanager
def _ascii85(on: bool) -> Iterator[None]:
    """reportlab's ASCII85 setting within the block; it is global, so it is restored afterwards."""
    saved = rl_config.useA85
    rl_config.useA85 = int(on)
    try:
        yield
    finally:
        rl_config.useA85 = saved
