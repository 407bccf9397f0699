"""Picture files: SVG, PNG and JPEG are checked when loaded (bad and oversized ones refused at their place)
and drawn in the box they are given, SVG as vectors in the embedded typeface."""

from __future__ import annotations

import io
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from handbook.content import images
from handbook.content.loader import load, load_content
from handbook.layout import styles
from handbook.layout.figures import draw_picture, picture_size
from handbook.model import Picture
from tests import pdfcheck
from tests.conftest import DATA

ROUTINE = "knee-hold.yaml"
SVG = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="80mm" height="40mm" viewBox="0 0 200 100">
  <rect x="10" y="10" width="180" height="80" fill="none" stroke="black" stroke-width="4"/>
  <text x="30" y="60" font-family="Helvetica" font-size="24">Knee</text>
</svg>
"""


@pytest.fixture
def minimal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "content"
    shutil.copytree(DATA / "minimal", root)
    (root / "images").mkdir()
    monkeypatch.chdir(tmp_path)
    return root


def with_picture(root: Path, name: str, data: bytes | str) -> list[str]:
    """Put `data` at images/NAME, name it as the routine's picture, and load: the problems."""
    path = root / "images" / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    text = (root / ROUTINE).read_text(encoding="utf-8")
    (root / ROUTINE).write_text(text.replace("version: 1", f"version: 1\npicture: {{file: images/{name}, "
                                             "caption: A knee}"), encoding="utf-8")
    return [str(p) for p in load(root).problems]


def png_header(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))


def jpeg(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("L", (width, height), 128).save(out, "JPEG")
    return out.getvalue()


def where(message: str) -> str:
    return f"content/knee-hold.yaml:21:17: picture.file: {message}"


# --- loading -----------------------------------------------------------------------------


def test_svg_png_and_jpeg_are_each_accepted_with_their_size(minimal: Path) -> None:
    assert with_picture(minimal, "knee.svg", SVG) == []
    picture = load_content(minimal).routine("knee-hold").picture
    assert picture is not None
    assert (picture.kind, picture.width_px, picture.height_px) == ("svg", 227, 113)  # 80 x 40 mm in points
    for name, data, size in (("knee.png", (DATA / "pixel.png").read_bytes(), (3, 2)), ("knee.jpg", jpeg(30, 20),
                                                                                      (30, 20))):
        info = images.sniff(write(minimal / "images" / name, data))
        assert not isinstance(info, str) and (info.width, info.height) == size


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("svg", "size"),
    [
        ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 150"/>', (225, 112)),  # px: 3/4 point
        ('<svg xmlns="http://www.w3.org/2000/svg" width="2in" viewBox="0,0,300,150"/>', (144, 72)),
        ('<svg xmlns="http://www.w3.org/2000/svg" width="100pt" height="50pt"/>', (100, 50)),
        ('<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="100%" viewBox="0 0 40 80"/>', (30, 60)),
    ],
)
def test_an_svg_size_comes_from_its_width_height_or_view_box(tmp_path: Path, svg: str, size: tuple[int, int]) -> None:
    info = images.sniff(write(tmp_path / "x.svg", svg.encode()))
    assert not isinstance(info, str) and (info.width, info.height) == size


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bad.svg", '<svg xmlns="http://www.w3.org/2000/svg"><g></svg>',
         "'images/bad.svg': not a well-formed SVG drawing: Opening and ending tag mismatch: g line 1 and svg, "
         "line 1, column 50"),
        ("page.svg", "<html><body>Not a drawing</body></html>",
         "'images/page.svg': not an SVG drawing: it starts with <html>, not <svg>"),
        ("empty.svg", "", "'images/empty.svg': not a well-formed SVG drawing: Document is empty, line 1, column 1"),
        ("nosize.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="100%"/>',
         "'images/nosize.svg': SVG has no size; give its <svg> element a viewBox, or a width and height"),
        ("bomb.svg", '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/'
                     '2000/svg" viewBox="0 0 1 1"><text>&a;</text></svg>',
         "'images/bomb.svg': SVG declares XML entities, which are not allowed; save it again without them"),
        ("big.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">' + "<g/>" * 20_001 + "</svg>",
         "'images/big.svg': SVG has 20,002 elements; the limit is 20,000; save a simpler drawing"),
        ("huge.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><!--' + "x" * 2_100_000 + "--></svg>",
         "'images/huge.svg': SVG is 2.1 MB; the limit is 2 MB; save a simpler drawing"),
        ("drawing.png", SVG, "'images/drawing.png': looks like an SVG drawing; name the file .svg"),
        ("bad.jpg", b"\xff\xd8\xff\x00garbage", "'images/bad.jpg': not a PNG, JPEG or SVG image"),
        ("text.jpg", "just text", "'images/text.jpg': not a PNG, JPEG or SVG image"),
        ("wide.png", png_header(10_000, 10_000),
         "'images/wide.png': image is 10000 x 10000 pixels; scale it down below 40 megapixels"),
        ("wide.jpg", jpeg(8, 8).replace(b"\x00\x08\x00\x08", b"\x27\x10\x27\x10", 1),
         "'images/wide.jpg': image is 10000 x 10000 pixels; scale it down below 40 megapixels"),
        ("flat.png", png_header(0, 10), "'images/flat.png': image has no pixels"),
    ],
)
def test_bad_and_oversized_pictures_are_refused_at_their_place(minimal: Path, name: str, data: str | bytes,
                                                               message: str) -> None:
    assert with_picture(minimal, name, data) == [where(message)]


def test_a_picture_file_over_10_mb_is_refused_before_it_is_read(minimal: Path) -> None:
    path = minimal / "images" / "heavy.png"
    with path.open("wb") as handle:  # sparse: the size is what counts, not the content
        handle.write(png_header(100, 100))
        handle.truncate(10_500_000)
    text = (minimal / ROUTINE).read_text(encoding="utf-8")
    (minimal / ROUTINE).write_text(text.replace("version: 1", "version: 1\npicture: {file: images/heavy.png, "
                                                "caption: A knee}"), encoding="utf-8")
    assert [str(p) for p in load(minimal).problems] == [where("'images/heavy.png': image is 10.5 MB; the limit is "
                                                              "10 MB")]


# --- drawing -----------------------------------------------------------------------------


def picture_of(path: Path) -> Picture:
    info = images.sniff(path)
    assert not isinstance(info, str)
    return Picture(path, "A knee", "A knee", info.width, info.height, info.kind)


def drawn(picture: Picture, box: tuple[float, float, float, float]) -> bytes:
    buffer = io.BytesIO()
    styles.register_fonts()
    canvas = Canvas(buffer, pagesize=(400, 300), invariant=1, initialFontName=styles.FONT)
    draw_picture(canvas, picture, *box)
    canvas.save()
    return buffer.getvalue()


def test_an_svg_is_drawn_as_vectors_in_its_box_with_the_embedded_typeface(tmp_path: Path) -> None:
    picture = picture_of(write(tmp_path / "knee.svg", SVG.encode()))
    pdf = drawn(picture, (50, 50, 300, 100))
    assert pdfcheck.images(pdf) == []  # vectors, not a picture of pixels
    assert pdfcheck.standard_fonts(pdf) == []
    assert all(f.embedded for f in pdfcheck.fonts(pdf))
    knee = [c for c in pdfcheck.chars(pdf) if c.text.strip()]
    assert "".join(c.text for c in knee) == "Knee"
    assert all(c.font == "SourceSansPro-Regular" for c in knee)
    # 200 x 100 fitted to 300 x 100: 200 x 100 pt, centred; the text is inside
    assert all(c.x0 >= 100 and c.x1 <= 300 and c.top >= 150 and c.bottom <= 250 for c in knee)
    assert drawn(picture, (50, 50, 300, 100)) == pdf  # reproducible


@pytest.mark.parametrize("name", ["knee.png", "knee.jpg"])
def test_png_and_jpeg_are_drawn_to_fill_their_box_keeping_proportions(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    Image.new("L", (60, 30), 90).save(path)
    picture = picture_of(path)
    ((page, (x0, top, x1, bottom)),) = pdfcheck.images(drawn(picture, (50, 50, 300, 100)))
    assert (page, x0, top, x1, bottom) == (1, pytest.approx(100), pytest.approx(150), pytest.approx(300),
                                           pytest.approx(250))
    assert picture_size(picture, 300, 100) == (60, 30)  # a layout never enlarges pixels past 1 per point


def test_an_svg_cannot_pull_in_a_file_from_outside_its_folder(tmp_path: Path) -> None:
    outside = tmp_path / "secret.png"
    Image.new("L", (20, 20), 0).save(outside)
    (tmp_path / "images").mkdir()
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 50">'
           '<rect width="100" height="50" fill="none" stroke="black"/>'
           f'<image x="0" y="0" width="20" height="20" xlink:href="{outside}"/>'
           '<image x="30" y="0" width="20" height="20" xlink:href="../secret.png"/></svg>')
    path = write(tmp_path / "images" / "sneaky.svg", svg.encode())
    assert images.sniff(path) == (f"line 1: <image> '{str(outside)[:40]}...' is not a file beside the drawing; "
                                  "put the picture in the drawing's folder, or inside it")
    # were it drawn all the same, svglib would leave both pictures out
    picture = Picture(path, "A knee", "A knee", 75, 38, "svg")
    assert pdfcheck.images(drawn(picture, (0, 0, 200, 100))) == []


def test_svg_png_and_jpeg_print_in_the_handbook_and_on_the_card(minimal: Path) -> None:
    from handbook.layout.book.story import render_handbook
    from handbook.layout.card import render_card, request_for

    (minimal / "images" / "knee.svg").write_text(SVG, encoding="utf-8")
    Image.new("L", (300, 200), 100).save(minimal / "images" / "step.png")
    Image.new("L", (300, 200), 160).save(minimal / "images" / "logo.jpg")
    text = (minimal / ROUTINE).read_text(encoding="utf-8")
    text = text.replace("version: 1", "version: 1\npicture: {file: images/knee.svg, caption: The knee drawing}")
    text = text.replace("  - Lie on your back.\n", "  - text: Lie on your back.\n"
                                                   "    picture: {file: images/step.png, caption: The step photo}\n")
    (minimal / ROUTINE).write_text(text, encoding="utf-8")
    book = (minimal / "book.yaml").read_text(encoding="utf-8")
    assert "clinic:\n" in book
    (minimal / "book.yaml").write_text(book.replace("clinic:\n", "clinic:\n  logo: images/logo.jpg\n", 1),
                                       encoding="utf-8")
    content = load_content(minimal)
    handbook = render_handbook(content).data
    assert len(pdfcheck.images(handbook)) == 2  # the logo and the step's PNG; the SVG is vectors
    assert pdfcheck.standard_fonts(handbook) == []
    words = " ".join(pdfcheck.page_texts(handbook)).split()
    assert {"Knee", "drawing", "photo"} <= set(words)
    card = render_card(request_for(content, content.routine("knee-hold"), "a4"))
    assert len(pdfcheck.images(card)) == 2  # the clinic's logo, and the step's PNG beside its step
    assert pdfcheck.standard_fonts(card) == []


def test_a_picture_damaged_after_check_stops_drawing_with_one_line(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    from handbook.layout.figures import PictureError, draw_picture
    from handbook.model import Picture

    path = tmp_path / "later.png"
    path.write_bytes(png_header(30, 20))  # checked whole, it would be refused; damaged after the check
    picture = Picture(path, "A caption", "A caption", 30, 20, "png")
    with pytest.raises(PictureError, match=r"later\.png: cannot draw the picture \(.*\); save it again or replace it"):
        draw_picture(Canvas(str(tmp_path / "x.pdf")), picture, 0, 0, 100, 100)


def test_an_svg_used_twice_is_stored_once_and_the_same_from_any_folder(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Each SVG drawing is one form per PDF, named by what it holds, so moving the folder changes no byte."""
    from handbook.commands.printing import load_for_print
    from handbook.layout.book.story import render_handbook

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    pdfs = []
    for folder in ("one", "two/deeper"):
        root = tmp_path / folder / "content"
        shutil.copytree(DATA / "minimal", root)
        (root / "images").mkdir()
        (root / "images" / "knee.svg").write_text(SVG, encoding="utf-8")
        text = (root / ROUTINE).read_text(encoding="utf-8")
        picture = "picture: {file: images/knee.svg, caption: A knee}"
        text = text.replace("  - Lie on your back.\n", f"  - text: Lie on your back.\n    {picture}\n")
        text = text.replace("  - text: Hug one knee to your chest.\n", f"  - text: Hug one knee to your chest.\n"
                                                                          f"    {picture}\n")
        (root / ROUTINE).write_text(text, encoding="utf-8")
        pdfs.append(render_handbook(load_for_print(root), "a4").data)
    assert pdfs[0] == pdfs[1]
    shown = [name for _, name in pdfcheck.form_uses(pdfs[0], "svg")]
    assert len(shown) == 2 and len(set(shown)) == 1
