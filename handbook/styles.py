"""Fonts, colours, paper sizes, margins and paragraph styles: one place for all of them.

One typeface family (Source Sans Pro, SIL OFL, from the `font-source-sans-pro` PyPI
package) is embedded and subset in every PDF; reportlab's standard 14 fonts are never
used, because they are not embedded. Styles are named by role and each has a parent.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A5, LETTER
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

# --- fonts -------------------------------------------------------------------------

FONT = "SourceSans"
FONT_BOLD = "SourceSans-Bold"
FONT_ITALIC = "SourceSans-Italic"
FONT_BOLD_ITALIC = "SourceSans-BoldItalic"
FONT_DISPLAY_NAME = "Source Sans Pro"

_FONT_FILES = {
    FONT: "SourceSansPro-Regular.ttf",
    FONT_BOLD: "SourceSansPro-Bold.ttf",
    FONT_ITALIC: "SourceSansPro-It.ttf",
    FONT_BOLD_ITALIC: "SourceSansPro-BoldIt.ttf",
}


def font_folder() -> Path:
    """Where the font package keeps its TrueType files."""
    import font_source_sans_pro

    return Path(font_source_sans_pro.font_directory)


@functools.cache
def register_fonts() -> None:
    """Register the embedded family with reportlab once per process."""
    from reportlab.lib.fonts import addMapping

    folder = font_folder()
    for name, filename in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT_ITALIC)
    addMapping(FONT, 1, 1, FONT_BOLD_ITALIC)
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC)


# --- colours: black on white; grey only for rules and small print --------------------

INK = colors.black
RULE = colors.Color(0.35, 0.35, 0.35)
TINT = colors.Color(0.93, 0.93, 0.93)  # light box fill; text on it stays black

# --- paper and margins -----------------------------------------------------------

PAPERS: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER, "a5": A5}
MIN_MARGIN = 12.7 * mm  # the print-safe minimum on every page


@dataclass(frozen=True)
class Geometry:
    """A page size with its margins, in points."""

    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom
