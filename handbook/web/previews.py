"""Card PDFs and their pictures for the pages, made in memory and kept for the process.

A generic card holds no patient data, so it is kept in memory (never on disk) until its
content changes: the key is the content's signature (`app.Contents`). The pictures of a
card's sides are PNGs drawn from its PDF by pypdfium2 (PDFium, as a browser draws a PDF),
so the preview is the very card that prints.
"""

from __future__ import annotations

import io
import threading

from handbook.commands.cards import generic_card
from handbook.model import Content

SIZES = {"thumb": 160, "preview": 700}  # width in pixels


class Previews:
    """Each routine's generic card (PDF bytes, sides) and the PNGs of its sides, per content signature."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cards: dict[tuple[object, str], tuple[bytes, int]] = {}
        self._pictures: dict[tuple[object, str, int, str], bytes] = {}

    def card(self, content: Content, signature: object, slug: str) -> tuple[bytes, int]:
        """The card's PDF and its number of sides (`HandbookError` when there is no such routine)."""
        key = (signature, slug)
        with self._lock:
            found = self._cards.get(key)
        if found is None:
            found = generic_card(content, slug)
            with self._lock:
                if len(self._cards) > 500:  # a long session editing content: forget the old versions
                    self._cards.clear()
                    self._pictures.clear()
                self._cards[key] = found
        return found

    def picture(self, content: Content, signature: object, slug: str, side: int, size: str) -> bytes | None:
        """The PNG of one side of the card (1-based), `size` wide; None when the card has no such side."""
        key = (signature, slug, side, size)
        with self._lock:
            found = self._pictures.get(key)
        if found is not None:
            return found
        data, sides = self.card(content, signature, slug)
        if not 1 <= side <= sides:
            return None
        found = _png(data, side - 1, SIZES[size])
        with self._lock:
            self._pictures[key] = found
        return found


_PDFIUM = threading.Lock()  # PDFium is not thread-safe


def _png(pdf: bytes, index: int, width: int) -> bytes:
    import pypdfium2

    with _PDFIUM:
        document = pypdfium2.PdfDocument(pdf)
        try:
            page = document[index]
            scale = width / page.get_width()
            image = page.render(scale=scale).to_pil()
        finally:
            document.close()
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()
