"""Pictures whose image objects are made once per process: each PDF is byte for byte what
reportlab's drawImage makes, with or without an alpha channel, PNG or JPEG."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from handbook.pdf import images
from handbook.pdf.document import binary_streams, text_streams


def _picture(folder: Path, name: str, mode: str) -> ImageReader:
    picture = Image.new(mode, (40, 30))
    for x in range(40):
        for y in range(30):
            picture.putpixel((x, y), (x * 6, y * 8, 90, x * 6) if mode == "RGBA" else (x * 6, y * 8, 90))
    path = folder / name
    picture.save(path)
    return ImageReader(str(path))


def _pdf(draw: Callable[[Any, ImageReader, float, float, float, float], None], readers: list[ImageReader],
         streams: Callable[[], Any]) -> bytes:
    """Two pages: every picture twice on the first, the first again on the second."""
    buffer = io.BytesIO()
    with streams():
        canv = Canvas(buffer, pagesize=(300, 300), invariant=1, pageCompression=1)
        for number, reader in enumerate(readers):
            draw(canv, reader, 10 + 60 * number, 10, 50, 40)
            draw(canv, reader, 10 + 60 * number, 100, 25, 20)
        canv.showPage()
        draw(canv, readers[0], 0, 0, 100, 80)
        canv.showPage()
        canv.save()
    return buffer.getvalue()


def _reportlabs(canv: Any, reader: ImageReader, x: float, y: float, width: float, height: float) -> None:
    canv.drawImage(reader, x, y, width, height, mask="auto")


@pytest.mark.parametrize("streams", [binary_streams, text_streams], ids=["compressed", "ascii85"])
def test_a_kept_picture_is_byte_identical_to_reportlabs(tmp_path: Path, streams: Callable[[], Any]) -> None:
    readers = [_picture(tmp_path, "rgb.png", "RGB"), _picture(tmp_path, "alpha.png", "RGBA"),
               _picture(tmp_path, "photo.jpg", "RGB")]
    images._made.cache_clear()
    made, again = _pdf(images.draw_image, readers, streams), _pdf(images.draw_image, readers, streams)
    plain = _pdf(_reportlabs, readers, streams)
    assert made == again == plain
    assert plain.count(b"/SMask") == 1 and plain.count(b"/DCTDecode") == 1  # the cases are all there
    assert images._made.cache_info().currsize == 3  # each picture's object made once for both documents


def test_the_same_picture_in_another_reader_is_one_image(tmp_path: Path) -> None:
    """Two readers of the same pixels are one image in a document, as drawImage names images by their pixels."""
    first = _picture(tmp_path, "rgb.png", "RGB")
    second = ImageReader(str(tmp_path / "rgb.png"))
    assert _pdf(images.draw_image, [first, second], binary_streams) == _pdf(_reportlabs, [first, second],
                                                                             binary_streams)
