"""The font subset cache: a card made from the cache is the card reportlab alone would make."""

from __future__ import annotations

from dataclasses import replace

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from handbook.layout import styles
from handbook.layout.card import render_card, request_for
from handbook.model import Content
from handbook.pdf import fontcache
from handbook.pdf.document import seed_fonts
from tests import pdfcheck


@pytest.fixture
def personal(sample_content: Content) -> list[bytes]:
    """Cards with accents, quotes and dashes beyond the seeded marks, made twice over."""
    routine = sample_content.routines[1]
    reqs = [replace(request_for(sample_content, routine, paper), patient="Zoë Łukasz O'Neil",
                    note="Go gently – on the left “only” × 2… é ß") for paper in ("a4", "letter")]
    return [render_card(req) for req in reqs + reqs]


def _without_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fontcache.CachedTTFont, "addObjects", TTFont.addObjects)


def test_cached_subsets_are_byte_identical_to_reportlabs(
        sample_content: Content, personal: list[bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    fontcache.clear_caches()
    cached = [render_card(request_for(sample_content, r, "a4")) for r in sample_content.routines]
    again = [render_card(request_for(sample_content, r, "a4")) for r in sample_content.routines]
    _without_cache(monkeypatch)
    plain = [render_card(request_for(sample_content, r, "a4")) for r in sample_content.routines]
    assert cached == plain
    assert again == plain


def test_a_cached_subset_with_extra_characters_is_byte_identical(
        personal: list[bytes], sample_content: Content, monkeypatch: pytest.MonkeyPatch) -> None:
    assert personal[:2] == personal[2:]  # the second pair came from the cache
    _without_cache(monkeypatch)
    routine = sample_content.routines[1]
    req = replace(request_for(sample_content, routine, "a4"), patient="Zoë Łukasz O'Neil",
                  note="Go gently – on the left “only” × 2… é ß")
    assert render_card(req) == personal[0]
    assert "Name: Zoë Łukasz O'Neil" in " ".join(" ".join(pdfcheck.page_texts(personal[0])).split())


def test_seeding_gives_every_card_the_same_first_codes(sample_content: Content) -> None:
    """Two documents that use the seeded marks in a different order still share one subset."""
    from reportlab.pdfgen.canvas import Canvas

    styles.register_fonts()
    font = pdfmetrics.getFont(styles.FONT)
    subsets = []
    for text in ("a \u2022 b \u2026", "\u2026 b \u2022 a"):
        canv = Canvas(None)
        seed_fonts(canv, (styles.FONT,), "\u2022\u2026\u00b7")
        font.splitString(text, canv._doc)
        subsets.append(font.state[canv._doc].subsets)
    assert subsets[0] == subsets[1]
    assert subsets[0][0][1:4] == [0x2022, 0x2026, 0xB7]


def test_cache_is_bounded() -> None:
    styles.register_fonts()
    font = pdfmetrics.getFont(styles.FONT)
    assert isinstance(font, fontcache.CachedTTFont)
    assert len(font._parts) <= fontcache.CACHE_SIZE
