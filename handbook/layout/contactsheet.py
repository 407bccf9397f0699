"""The contact sheet of `handbook figures`: every pose, for choosing one by its name.

Every pose (built in, and the clinic's own from figures/ in the content folder) is drawn
in a cell of a grid with the name to write after ``figure:`` in bold, and its title.
The clinic's poses are marked, and so is one that replaces a built-in pose. Drawn on a
canvas in reportlab's invariant mode, so the same poses give the same bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from handbook.layout import styles
from handbook.layout.figures import draw_picture, picture_size
from handbook.model import Pose
from handbook.model.lineart import figure_picture

COLUMNS, ROWS = 2, 3
MARGIN = 15 * mm
GAP = 10.0  # between cells
PAD = 8.0  # inside a cell
NAME_SIZE, TITLE_SIZE, NOTE_SIZE = 14.0, 12.0, 10.5
TITLE_LINES = 3
HEADING = "Poses for your routines"
INTRO = "Write a pose's name (in bold) after figure: in a routine. For example:  figure: standing-tall"


@dataclass(frozen=True)
class ContactSheet:
    """The PDF and what is in it."""

    data: bytes
    poses: int
    pages: int


def render_contact_sheet(poses: list[Pose], replacing: frozenset[str] = frozenset(),
                         paper: str = "a4") -> ContactSheet:
    """`poses` in a grid, COLUMNS x ROWS a page, in their order; `replacing`: the names of the
    clinic's poses that replace a built-in one (each cell says so)."""
    styles.register_fonts()
    width, height = styles.PAPERS[paper]
    per_page = COLUMNS * ROWS
    pages = max(1, -(-len(poses) // per_page))
    buffer = io.BytesIO()
    canv = Canvas(buffer, pagesize=(width, height), invariant=1, pageCompression=1,
                  initialFontName=styles.FONT, initialFontSize=12, lang="en")
    canv.setTitle("Poses for your routines")
    canv.setAuthor("handbook")
    canv.setCreator("handbook")
    for page in range(pages):
        top = height - MARGIN
        canv.setFillColor(styles.INK)
        canv.setFont(styles.FONT_BOLD, 20)
        canv.drawString(MARGIN, top - 20, HEADING)
        canv.setFont(styles.FONT, 12)
        canv.drawString(MARGIN, top - 38, INTRO)
        canv.setFont(styles.FONT, NOTE_SIZE)
        canv.drawRightString(width - MARGIN, MARGIN + 4, f"page {page + 1} of {pages}")
        grid_top = top - 52
        cell_w = (width - 2 * MARGIN - GAP * (COLUMNS - 1)) / COLUMNS
        cell_h = (grid_top - MARGIN - GAP * (ROWS - 1) - NOTE_SIZE - 10) / ROWS
        for index, pose in enumerate(poses[page * per_page : (page + 1) * per_page]):
            column, row = index % COLUMNS, index // COLUMNS
            x = MARGIN + column * (cell_w + GAP)
            y = grid_top - (row + 1) * cell_h - row * GAP
            _cell(canv, pose, x, y, cell_w, cell_h, replaces=pose.name in replacing,
                  note_line=any(not p.builtin for p in poses))
        canv.showPage()
    canv.save()
    return ContactSheet(buffer.getvalue(), len(poses), pages)


def _cell(canv: Canvas, pose: Pose, x: float, y: float, w: float, h: float, replaces: bool,
          note_line: bool) -> None:
    """One pose: a frame, the drawing, the name in bold, the title, and whose it is."""
    canv.setStrokeColor(styles.RULE)
    canv.setLineWidth(0.6)
    canv.roundRect(x, y, w, h, 4, stroke=1, fill=0)
    inner = w - 2 * PAD
    lines = _wrap(pose.title, styles.FONT, TITLE_SIZE, inner)
    note = ""
    if not pose.builtin:
        note = f"Your clinic's pose, {pose.file.parent.name}/{pose.file.name}" + (" (instead of the built-in one)"
                                                                        if replaces else "")
    text_h = NAME_SIZE * 1.25 + TITLE_SIZE * 1.2 * TITLE_LINES  # the same in every cell
    if note_line:  # a line for "Your clinic's pose" in every cell, when there are any
        text_h += NOTE_SIZE * 1.25
    box_h = h - 2 * PAD - text_h - 6
    picture = figure_picture(pose)
    pic_w, pic_h = picture_size(picture, inner, box_h)
    box_bottom = y + h - PAD - box_h
    draw_picture(canv, picture, x + PAD + (inner - pic_w) / 2, box_bottom, pic_w, pic_h)  # on a common floor
    canv.setFillColor(styles.INK)
    baseline = box_bottom - 6 - NAME_SIZE
    size = NAME_SIZE  # a long name is set smaller, never cut: it is what the clinician types
    while size > 8 and stringWidth(pose.name, styles.FONT_BOLD, size) > inner:
        size -= 0.5
    canv.setFont(styles.FONT_BOLD, size)
    canv.drawString(x + PAD, baseline, pose.name)
    canv.setFont(styles.FONT, TITLE_SIZE)
    for line in lines:
        baseline -= TITLE_SIZE * 1.2
        canv.drawString(x + PAD, baseline, line)
    if note:
        baseline -= NOTE_SIZE * 1.25
        canv.setFont(styles.FONT, NOTE_SIZE)
        canv.drawString(x + PAD, baseline, _fit(note, NOTE_SIZE, inner))


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and stringWidth(f"{lines[-1]} {word}", font, size) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    if len(lines) > TITLE_LINES:  # a long title keeps TITLE_LINES lines, the last cut short
        lines[TITLE_LINES - 1 :] = [_fit(" ".join(lines[TITLE_LINES - 1 :]), size, width)]
    return lines


def _fit(text: str, size: float, width: float) -> str:
    """The text, cut with an ellipsis where it would pass `width`."""
    if stringWidth(text, styles.FONT, size) <= width:
        return text
    while text and stringWidth(text + "\u2026", styles.FONT, size) > width:
        text = text[:-1]
    return text.rstrip() + "\u2026"
