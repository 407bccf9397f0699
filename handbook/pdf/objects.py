"""Link annotations to places in the handbook, written directly instead of through reportlab's dictionaries.

A handbook of 200 routines has about 1,400 internal links (contents entries and "see
the routine" references). reportlab's `linkRect` makes each one a `LinkAnnotation`,
which at save time builds a dictionary of PDF objects and formats every key and number
of it, and formats the destination again for every link to the same place: about a
tenth of the time spent writing the file. `link_to_place` adds the same annotation
(same keys, same destination, no border) whose bytes are made in one step, with each
destination formatted once.
"""

from __future__ import annotations

import contextlib
import threading
import zlib
from collections.abc import Iterator
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc

from handbook.pdf.text import num


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


class PlaceLink(pdfdoc.LinkAnnotation):
    """A borderless link over `rect` (absolute page coordinates) to a named place."""

    def __init__(self, rect: tuple[float, float, float, float], destination: Any,
                 formatted: dict[int, tuple[Any, bytes]]) -> None:
        super().__init__(Rect=rect, Contents="", Destination=destination, Border="[ 0 0 0 ]")
        self.formatted = formatted  # per document: id(destination) -> (destination, its bytes)

    def format(self, document: Any) -> bytes:
        entry = self.formatted.get(id(self.Destination))
        if entry is None:
            entry = self.formatted[id(self.Destination)] = (self.Destination, self.Destination.format(document))
        rect = " ".join(map(num, self.Rect)).encode("ascii")
        return (b"<<\n/Border [ 0 0 0 ] /Contents () /Dest " + entry[1] + b" /Rect [ " + rect
                + b" ] /Subtype /Link /Type /Annot\n>>")


def link_to_place(canv: Any, key: str, rect: tuple[float, float, float, float]) -> None:
    """Link `rect` (in the current user space, unrotated) to the place named `key`, as `canv.linkRect` does."""
    x0, y0 = canv.absolutePosition(rect[0], rect[1])
    x1, y1 = canv.absolutePosition(rect[2], rect[3])
    absolute = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    place_link(canv, key, absolute)


def place_link(canv: Any, key: str, rect: tuple[float, float, float, float]) -> None:
    """Link `rect` (absolute page coordinates) to the place named `key`."""
    formatted = canv.__dict__.setdefault("_handbook_destinations", {})
    canv._addAnnotation(PlaceLink(rect, canv._bookmarkReference(key), formatted))


FAST_PAGES = True  # tests switch this off to compare with reportlab's own formatting

_PAGE_SIMPLE = ("Parent", "MediaBox", "Resources", "Contents", "Annots", "Rotate", "Trans")


class FastPage(pdfdoc.PDFPage):
    """A finished page whose dictionary is written in one step, byte for byte as reportlab writes it.

    reportlab formats each page's dictionary, resource dictionary, media box and content
    stream key by key through its generic formatter: about 60 calls a page, a quarter of
    the time spent writing a long handbook. Pages here are all alike (the same media box,
    the font dictionary, at most a few forms and images), so the parts are formatted once
    per kind and reused; a page with anything else (a crop box, a transition, colour
    spaces, transparency) is left to reportlab. `tests/test_parallel.py` compares the
    whole file with reportlab's own.
    """

    def format(self, document: Any) -> bytes:
        if not _plain_page(self):
            return bytes(super().format(document))
        self.check_format(document)
        cache: dict[Any, bytes] = document.__dict__.setdefault("_handbook_page_parts", {})
        contents = self.Contents
        if type(contents) is pdfdoc.PDFStream and contents.filters == [pdfdoc.PDFZCompress] \
                and not contents.dictionary.dict and isinstance(contents.content, str):
            contents = _PageContent(contents.content, self.__dict__.pop("compressed", None))
        values = {"Contents": document.Reference(contents), "Parent": document.Reference(self.Parent)}
        parts = [b"/Annots " + pdfdoc.format(self.Annots, document)] if self.Annots is not None else []
        parts.append(b"/Contents " + values["Contents"].format(document))
        box = tuple(self.MediaBox.sequence)
        media = cache.get(("media", box))
        if media is None:
            media = cache[("media", box)] = pdfdoc.format(self.MediaBox, document)
        parts.append(b"/MediaBox " + media)
        parts.append(b"/Parent " + values["Parent"].format(document))
        parts.append(b"/Resources " + _resources(self.Resources, document, cache))
        parts.append(b"/Rotate " + pdfdoc.format(self.Rotate, document))
        parts.append(b"/Trans <<\n\n>>")
        parts.append(b"/Type /Page")
        for index in reversed(range(6, len(parts), 6)):  # reportlab breaks a dictionary's line every 6 entries
            parts.insert(index, b"\n ")
        return b"<<\n" + b" ".join(parts) + b"\n>>"


def _plain_page(page: pdfdoc.PDFPage) -> bool:
    """Whether `page` has only what `FastPage` writes itself (else reportlab formats it)."""
    if page.Override_default_compilation or page.Resources or page.Contents:
        return False
    for name in page.__NoDefault__:
        if name not in _PAGE_SIMPLE and getattr(page, name, None) is not None:
            return False
    trans = page.Trans
    if not (isinstance(trans, pdfdoc.PDFDictionary) and not trans.dict) or page.Rotate != 0:
        return False
    if page._colorsUsed or page._shadingUsed or getattr(page, "ExtGState", None):
        return False
    return isinstance(page.stream, str) and bool(page.stream)


def _resources(resources: Any, document: Any, cache: dict[Any, bytes]) -> bytes:
    """A page's resource dictionary (the document's fonts, its forms and images, procedure sets)."""
    xobjects = resources.XObject
    key = ("resources", tuple(resources.ProcSet),
           tuple(sorted((name, ref.name) for name, ref in xobjects.dict.items())) if xobjects else ())
    found = cache.get(key)
    if found is None:
        found = cache[key] = bytes(pdfdoc.format(resources, document))
    return found


class _PageContent(pdfdoc.PDFStream):
    """A page's content stream, compressed, written as reportlab writes a `PDFStream` of it."""

    def __init__(self, content: str, compressed: bytes | None = None) -> None:
        super().__init__(content=content, filters=[pdfdoc.PDFZCompress])
        self.compressed = compressed  # the content, already compressed (`fast_pages`)

    def format(self, document: Any) -> bytes:
        compressed = self.compressed if self.compressed is not None else _compress(self.content)
        data: bytes = document.encrypt.encode(compressed)
        return (b"<<\n/Filter [ /FlateDecode ] /Length " + str(len(data)).encode("ascii") + b"\n>>\nstream\n"
                + data + b"endstream\n")


def fast_pages(document: Any) -> None:
    """Have the document's finished pages written by `FastPage` (call just before saving).

    Their content streams are compressed here, half of them on a second thread: zlib
    lets go of Python's lock while it works, so on two cores that takes half as long.
    """
    if not FAST_PAGES:
        return
    pages = [page for page in document.Pages.pages if type(page) is pdfdoc.PDFPage]
    for page in pages:
        page.__class__ = FastPage
    streams = [page.stream if isinstance(page.stream, str) and _plain_page(page) else None for page in pages]
    done: list[bytes | None] = [None] * len(pages)

    def compress(start: int, stop: int) -> None:
        for index in range(start, stop):
            stream = streams[index]
            if stream is not None:
                done[index] = _compress(stream)

    half = len(pages) // 2
    helper = threading.Thread(target=compress, args=(half, len(pages))) if len(pages) >= PAGES_FOR_A_THREAD else None
    if helper is not None:
        helper.start()
        compress(0, half)
        helper.join()
    for page, data in zip(pages, done, strict=True):
        if data is not None:
            page.compressed = data


PAGES_FOR_A_THREAD = 40


def _compress(content: str) -> bytes:
    """A content stream compressed as reportlab compresses it (zlib's default level)."""
    return zlib.compress(content.encode("utf-8"))
