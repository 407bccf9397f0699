"""Settings of a whole PDF that reportlab keeps below its public API: how streams are encoded, the
document's date, the first codes of its font subsets; and streams whose bytes are already filtered."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from reportlab import rl_config
from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase import pdfdoc, pdfmetrics


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


def set_date(canv: Any, epoch: int) -> None:
    """Date the canvas's PDF (creation and modification) at `epoch`, in UTC, whatever the
    environment says: reproducible output without the invariant mode's fixed year 2000."""
    canv._doc._timeStamp = _timestamp(epoch)


def _timestamp(epoch: int) -> TimeStamp:
    """A reportlab timestamp for `epoch` in UTC, whatever the environment says."""
    stamp = TimeStamp(invariant=True)
    stamp.t = epoch
    stamp.lt = time.gmtime(epoch)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    stamp.dhh = stamp.dmm = 0
    stamp.tzname = "UTC"
    return stamp


def seed_fonts(canv: Any, font_names: tuple[str, ...], alphabet: str) -> None:
    """Give `alphabet`'s characters the first codes of each font's subset in the canvas's PDF, in order.

    Call it before anything is drawn: documents of a kind then share their subsets' first
    codes (see `fontcache`). Characters a face has no glyph for are skipped, as reportlab
    skips them; a face seeded but never used is not embedded.
    """
    for name in font_names:
        pdfmetrics.getFont(name).splitString(alphabet, canv._doc)


def filtered_stream(content: bytes | str, filters: Sequence[Any], entries: Mapping[str, object]) -> pdfdoc.PDFStream:
    """A stream whose `content` is already filtered by `filters` (reportlab's filter objects, as it
    lists them): reportlab writes it as it is, with `entries` and the /Filter they name."""
    dictionary = pdfdoc.PDFDictionary(dict(entries))
    if filters:
        dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName(f.pdfname) for f in filters])
    return pdfdoc.PDFStream(dictionary, content)
