"""Font subsets made once per process, not once per PDF: a caching TrueType font for reportlab.

Why: every PDF embeds a subset of each face it uses. reportlab builds that subset when
the document is saved, in pure Python: a new TrueType file (`TTFontFace.makeSubset`),
compressed with zlib, a ToUnicode map, compressed too, and the widths array, formatted
number by number. For a one-page card that is about half the cost of the card, and a
batch of cards repeats the same work hundreds of times with the same result.

How: `CachedTTFont` is reportlab's `TTFont` whose `addObjects` (called once per face
when a document is saved) takes the parts that depend only on the face and the subset
(the list of characters, in code order) from a small cache: the subset font file and
the ToUnicode map, both already compressed, and the widths array already formatted.
Everything that depends on the document (object numbers, the F1/F2 resource names,
which faces it uses) is made per document, in the same order as reportlab makes it.

Why it stays correct: the cached bytes are a pure function of the key (the face's file,
the subset, whether the document compresses, the number-formatting setting), computed
by reportlab's own code the first time; no object is shared between documents (reportlab
marks objects with their number in the document), only bytes. So a document is byte for
byte what reportlab alone would write; `tests/pdf/test_fontcache.py` checks that against
reportlab's own `addObjects`, so a reportlab release that changes how fonts are embedded
fails a test instead of changing the PDFs unnoticed. The cache is per face and bounded
(`CACHE_SIZE` subsets), so memory stays flat over any number of cards.

A subset lists characters in the order a document first used them, so two cards using
the same characters in a different order have different subsets, and would not share a
cache entry. `handbook.pdf.document.seed_fonts` gives every document of a kind the same characters first, in a fixed
order (the card seeds the punctuation it prints and the usual typographic marks), so
their subsets are the same whatever the text. Seeding only changes which code stands
for which character inside the PDF; the glyphs drawn and the text a reader extracts
are the same.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, SUBSETN, TTFont, makeToUnicodeCMap

from handbook.pdf.document import filtered_stream

CACHE_SIZE = 64  # subsets kept per face; one subset is about 12 KB compressed


@dataclass(frozen=True)
class _Parts:
    """What a subset embeds, made once: font file and ToUnicode map (compressed or not), widths."""

    font_file: bytes
    font_length: int  # of the uncompressed font file: the stream's /Length1
    to_unicode: bytes | str  # text when not compressed, as reportlab leaves it
    widths: bytes
    compressed: bool


class _Formatted(pdfdoc.PDFObject):
    """A direct object whose PDF text is already known (a widths array)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document: pdfdoc.PDFDocument) -> bytes:
        return self.data


def _stream(content: bytes | str, compressed: bool, **entries: object) -> pdfdoc.PDFStream:
    """A stream whose content is already filtered (compressed, or not): reportlab writes it as it is."""
    return filtered_stream(content, [pdfdoc.PDFZCompress] if compressed else [], entries)


class CachedTTFont(TTFont):
    """reportlab's TrueType font, with the parts of each subset it embeds made once and kept."""

    def __init__(self, name: str, filename: str, **options: object) -> None:
        super().__init__(name, filename, **options)
        self._parts: OrderedDict[tuple[object, ...], _Parts] = OrderedDict()

    def clear_cache(self) -> None:
        """Forget every subset made so far (the next document makes its own again)."""
        self._parts.clear()

    def _subset_parts(self, number: int, subset: tuple[int, ...], base_name: str, compressed: bool,
                      document: pdfdoc.PDFDocument) -> _Parts:
        key = (number, subset, compressed, rl_config.pdfMultiLine)
        parts = self._parts.get(key)
        if parts is not None:
            self._parts.move_to_end(key)
            return parts
        face = self.face
        font_file = face.makeSubset(list(subset))
        to_unicode: bytes | str = makeToUnicodeCMap(base_name, list(subset))
        font_length = len(font_file)
        if compressed:  # the filter reportlab would apply when the document is written
            font_file = pdfdoc.PDFZCompress.encode(font_file)
            to_unicode = pdfdoc.PDFZCompress.encode(to_unicode)
        widths = pdfdoc.PDFArray(list(map(face.getCharWidth, subset))).format(document)
        parts = _Parts(font_file, font_length, to_unicode, widths, compressed)
        self._parts[key] = parts
        if len(self._parts) > CACHE_SIZE:
            self._parts.popitem(last=False)
        return parts

    def addObjects(self, doc: pdfdoc.PDFDocument) -> None:
        """reportlab's `TTFont.addObjects` (5.x), with the subset's parts from the cache.

        The objects are made and registered in the same order as reportlab's, so they get
        the same numbers: for each subset, the ToUnicode stream, the font file, the font
        descriptor, then the font.
        """
        try:
            state = self.state[doc]
        except KeyError:
            state = self.state[doc] = TTFont.State(self._asciiReadable)
        state.frozen = 1
        face = self.face
        compressed = bool(doc.compression)
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base_name = b"".join((SUBSETN(n), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
            parts = self._subset_parts(n, tuple(subset), base_name, compressed, doc)

            font = pdfdoc.PDFTrueTypeFont()
            font.__Comment__ = f"Font {self.fontName} subset {n}"
            font.Name = internal_name
            font.BaseFont = base_name
            font.FirstChar = 0
            font.LastChar = len(subset) - 1
            font.Widths = _Formatted(parts.widths)
            font.ToUnicode = doc.Reference(_stream(parts.to_unicode, compressed), "toUnicodeCMap:" + base_name)

            font_file = _stream(parts.font_file, compressed, Length1=parts.font_length)
            font_file_ref = doc.Reference(font_file, f"fontFile:{face.filename}({base_name})")
            descriptor = pdfdoc.PDFDictionary({
                "Type": "/FontDescriptor",
                "Ascent": face.ascent,
                "CapHeight": face.capHeight,
                "Descent": face.descent,
                "Flags": (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC,
                "FontBBox": pdfdoc.PDFArray(face.bbox),
                "FontName": pdfdoc.PDFName(base_name),
                "ItalicAngle": face.italicAngle,
                "StemV": face.stemV,
                "FontFile2": font_file_ref,
                "MissingWidth": face.defaultWidth,
            })
            font.FontDescriptor = doc.Reference(descriptor, "fontDescriptor:" + base_name)

            doc.Reference(font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = font
        del self.state[doc]


def clear_caches() -> None:
    """Empty the cache of every registered `CachedTTFont` (for tests that compare with and without it)."""
    for name in pdfmetrics.getRegisteredFontNames():
        font = pdfmetrics.getFont(name)
        if isinstance(font, CachedTTFont):
            font.clear_cache()
