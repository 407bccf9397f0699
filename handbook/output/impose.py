"""Imposition: finished A5 (or half-letter) pages placed two-up on A4 (or Letter) sheets.

Pages are rendered at their final size and placed at 100%, never scaled, so every type
size printed on the page holds on paper. Two layouts:

- `booklet`: saddle-stitch order. The page count is padded with blank pages to a
  multiple of four (the handbook's booklet never needs them: it ends with notes pages
  and a back cover, `render_handbook(booklet=True)`); sheet side k carries the pair
  that, printed double-sided (flip on the short edge), folded and stacked, reads 1, 2,
  3... in order.
- `two_up`: cards side by side in reading order, with cut marks on the centre line in
  the sheet's outer margin, where no card content is ever drawn; cards with a back are
  printed double-sided, each back behind its front (`duplex_order`).

This works on finished PDF bytes with pypdf, so the renderers stay unaware of it.
"""

from __future__ import annotations

import io

from pypdf import PageObject, PdfReader, PdfWriter, Transformation

MM = 72 / 25.4
SHEETS = {"a5": (841.8898, 595.2756), "half-letter": (792.0, 612.0)}  # landscape A4, Letter
CUT_MARK = 8 * MM  # long enough to see and cut along, short enough to stay in the margin


def booklet_order(pages: int) -> list[tuple[int | None, int | None]]:
    """(left, right) 0-based page indexes for each sheet side; None is a blank page."""
    total = -(-pages // 4) * 4 if pages else 0
    sides: list[tuple[int | None, int | None]] = []

    def page(number: int) -> int | None:  # 1-based in, 0-based out
        return number - 1 if number <= pages else None

    for sheet in range(total // 4):
        sides.append((page(total - 2 * sheet), page(2 * sheet + 1)))  # front
        sides.append((page(2 * sheet + 2), page(total - 2 * sheet - 1)))  # back
    return sides


def booklet(pdf: bytes, page_size: str) -> bytes:
    """Impose a finished PDF of A5 or half-letter pages as a saddle-stitch booklet."""
    reader = PdfReader(io.BytesIO(pdf))
    return _impose(reader, booklet_order(len(reader.pages)), page_size, cut_marks=False)


def two_up(pdf: bytes, page_size: str, sides: list[int] | None = None) -> bytes:
    """Place cards two to a sheet in reading order, with cut marks on the centre line.

    `sides`: how many pages each card has, in order (all one page when not given). When a
    card has more than one (a front and a back), every sheet is printed on both sides
    (`duplex_order`).
    """
    reader = PdfReader(io.BytesIO(pdf))
    count = len(reader.pages)
    if sides is not None and any(n > 1 for n in sides):
        return _impose(reader, duplex_order(sides), page_size, cut_marks=True)
    pairs: list[tuple[int | None, int | None]] = [(i, i + 1 if i + 1 < count else None) for i in range(0, count, 2)]
    return _impose(reader, pairs, page_size, cut_marks=True)


def duplex_order(sides: list[int]) -> list[tuple[int | None, int | None]]:
    """(left, right) 0-based page indexes for each sheet side of cards printed double-sided.

    A card's pages go on its leaves, front and back (a card of three or four sides has two
    leaves). Two leaves to a sheet: the front side holds their fronts (first leaf left), the
    back side their backs, swapped (second leaf's back left): printed double-sided with a
    flip on the short edge, as a booklet is, each back lands behind its own front. A leaf
    with nothing on its back has a blank back.
    """
    leaves: list[tuple[int, int | None]] = []
    start = 0
    for count in sides:
        for page in range(start, start + count, 2):
            leaves.append((page, page + 1 if page + 1 < start + count else None))
        start += count
    order: list[tuple[int | None, int | None]] = []
    for i in range(0, len(leaves), 2):
        first, second = leaves[i], leaves[i + 1] if i + 1 < len(leaves) else (None, None)
        order.append((first[0], second[0]))
        order.append((second[1], first[1]))
    return order


def concatenate(pdfs: list[bytes], info: dict[str, str], language: str) -> bytes:
    """One PDF of the pages of `pdfs`, in order (cards, before `two_up`), with its own title and language."""
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter()
    for pdf in pdfs:
        writer.append(PdfReader(io.BytesIO(pdf)))
    writer.add_metadata({f"/{key}": value for key, value in info.items()})
    writer.root_object[NameObject("/Lang")] = TextStringObject(language)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _impose(reader: PdfReader, sides: list[tuple[int | None, int | None]], page_size: str,
            cut_marks: bool) -> bytes:
    sheet_width, sheet_height = SHEETS[page_size]
    writer = PdfWriter()
    for left, right in sides:
        sheet = PageObject.create_blank_page(width=sheet_width, height=sheet_height)
        for slot, index in enumerate((left, right)):
            if index is None:
                continue
            page = reader.pages[index]
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            gutter = (sheet_width - 2 * width) / 2  # A4 is 2.8 pt wider than two A5 pages
            x = gutter + slot * width
            y = (sheet_height - height) / 2
            sheet.merge_transformed_page(page, Transformation().translate(x, y))
        if cut_marks:
            _add_cut_marks(writer, sheet, sheet_width, sheet_height)
        writer.add_page(sheet)
    metadata = reader.metadata
    if metadata is not None:
        writer.add_metadata({key: str(value) for key, value in metadata.items()
                             if key in ("/Title", "/Author", "/Subject", "/Keywords", "/Creator")})
    from pypdf.generic import BooleanObject, DictionaryObject, NameObject, TextStringObject

    lang = reader.root_object.get("/Lang")
    if lang is not None:
        writer.root_object[NameObject("/Lang")] = TextStringObject(str(lang))
    # the viewer's title bar shows the document's title, not the file name
    writer.root_object[NameObject("/ViewerPreferences")] = DictionaryObject(
        {NameObject("/DisplayDocTitle"): BooleanObject(True)})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _add_cut_marks(writer: PdfWriter, sheet: PageObject, width: float, height: float) -> None:
    """Two short hairlines on the vertical centre line, at the top and bottom edges."""
    from pypdf.generic import ContentStream

    x = width / 2
    ops = (f"q 0 G 0.5 w {x:.2f} 0 m {x:.2f} {CUT_MARK:.2f} l S "
           f"{x:.2f} {height:.2f} m {x:.2f} {height - CUT_MARK:.2f} l S Q").encode()
    content = sheet.get_contents()
    stream = ContentStream(None, writer)
    stream.set_data((content.get_data() if content is not None else b"") + b"\n" + ops)
    sheet.replace_contents(stream)
