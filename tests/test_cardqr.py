"""The card's QR encoder: the same symbol as reportlab's own encoder choosing the mask by the same rules."""

from __future__ import annotations

import random
import string

from reportlab.graphics.barcode import qrencoder

from handbook.layout.card.qr import _bit_penalty, _joined, _layout, penalty, qr_modules


class _Reference(qrencoder.QRCode):  # type: ignore[misc]
    """reportlab's encoder, all of it, with the mask chosen by `penalty` (the card's rule)."""

    def getBestMaskPattern(self) -> int:
        best, best_score = 0, -1
        for pattern in range(8):
            self.makeImpl(True, pattern)
            score = penalty(self.modules)
            if best_score < 0 or score < best_score:
                best, best_score = pattern, score
        return best


def _reference(link: str) -> tuple[tuple[bool, ...], ...]:
    code = _Reference(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(link)
    code.make()
    count = code.getModuleCount()
    return tuple(tuple(bool(code.isDark(row, col)) for col in range(count)) for row in range(count))


def test_codes_match_reportlabs_encoder_for_every_kind_of_link() -> None:
    rng = random.Random(11)
    alphabets = (string.ascii_lowercase + "/:.-_?=&", string.digits, string.ascii_uppercase + " $%*+-./:",
                 string.printable[:94], "åäöé")
    links = ["https://example.org/psoas-video", "HTTPS://EXAMPLE.ORG/A", "0123456789"]
    links += ["".join(rng.choice(alphabet) for _ in range(length)) for alphabet in alphabets
              for length in (3, 40, 150)]
    for link in links:
        assert qr_modules(link) == _reference(link), link
    sides = {len(qr_modules(link)) for link in links}
    assert min(sides) == 21 and max(sides) >= 45  # version 1, and 7 or more (with version bits)


def test_the_bit_parallel_penalty_is_the_penalty() -> None:
    rng = random.Random(3)
    for version in (1, 4, 7, 10):
        layout = _layout(version)
        size = layout.size
        for _ in range(30):
            share = rng.random()
            modules = [[rng.random() < share for _ in range(size)] for _ in range(size)]
            rows, cols = (int(_joined(modules, transpose), 2) for transpose in (False, True))
            assert _bit_penalty(rows, cols, layout) == penalty(modules)
