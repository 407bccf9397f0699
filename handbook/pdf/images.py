"""PNG and JPEG pictures placed in each PDF with their image object made once per process.

reportlab's `drawImage` makes a picture's image object once per document: it digests the
decoded pixels to name it, then compresses them (or reads a JPEG's bytes). A batch of
cards with a photo beside their steps repeated that for every card with the same result,
about 2 ms a picture. `draw_image` is `drawImage(reader, x, y, width, height, mask="auto")`
(reportlab 4.4 to 5.1) with the name and the filtered pixels (and those of the soft mask
of a picture with an alpha channel) kept per reader and stream setting: each document
still gets image objects of its own, only their bytes are shared, so a PDF is byte for
byte what `drawImage` makes (`tests/pdf/test_images.py` compares the two).
"""

from __future__ import annotations

import copy
import functools
from typing import Any

from reportlab import rl_config
from reportlab.lib.utils import ImageReader, _digester
from reportlab.pdfbase import pdfdoc


def draw_image(canv: Any, reader: ImageReader, x: float, y: float, width: float, height: float) -> None:
    """Draw the picture of `reader` stretched to `width` x `height` with its corner at (x, y), its
    alpha channel (if any) as a soft mask: `canv.drawImage(reader, x, y, width, height, mask="auto")`."""
    name, made = _made(reader, bool(rl_config.useA85))
    doc = canv._doc
    reg_name = doc.getXObjectName(name)
    if reg_name not in doc.idToObject:
        image = copy.copy(made)  # a document's own object (reportlab numbers it), the same bytes
        canv._setXObjects(image)
        doc.Reference(image, reg_name)
        doc.addForm(name, image)
        smask = getattr(made, "_smask", None)
        if smask is not None:
            del image._smask
            mask_name = doc.getXObjectName(smask.name)
            if mask_name in doc.idToObject:
                image.smask = pdfdoc.PDFObjectReference(mask_name)
            else:
                smask = copy.copy(smask)
                canv._setXObjects(smask)
                image.smask = doc.Reference(smask, mask_name)
    canv._currentPageHasImages = 1
    canv.saveState()
    canv.translate(x, y)
    canv.scale(width, height)
    canv._code.append(f"/{reg_name} Do")
    canv.restoreState()
    canv._formsinuse.append(name)


@functools.lru_cache(maxsize=64)  # the reader is kept with its object; lru_cache is safe across threads
def _made(reader: ImageReader, ascii85: bool) -> tuple[str, pdfdoc.PDFImageXObject]:
    """The picture's name and its image object as `drawImage` makes them, made once per reader and
    ASCII85 setting (reportlab reads the setting itself when it filters the pixels; here it is a key)."""
    data = reader.getRGBData()  # decodes the picture, and finds its alpha channel (`_dataA`)
    mask = reader._dataA
    data += mask.getRGBData() if mask else b"auto"
    name = _digester(data)
    image = pdfdoc.PDFImageXObject(name, reader, mask="auto")
    image.name = name
    return name, image
